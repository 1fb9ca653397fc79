//! `difftest random`: the command-line face of a campaign (shared by `a64sim difftest
//! random` and `a64sim-difftest random`).

use super::campaign::Campaign;
use super::case::CaseShape;
use super::generator::Class;
use super::runner::Qemu;
use crate::lockstep::{machine_args, MACHINE_ARGS};
use std::path::PathBuf;
use std::time::Duration;

/// Options of `difftest random`.
#[derive(Debug, Clone, clap::Args)]
pub struct RandomArgs {
    /// Number of cases.
    #[arg(long, default_value_t = 100)]
    pub cases: u64,
    /// Campaign seed (the same seed gives the same cases).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Instruction classes: all, or a comma list of alu, ldst, branch, sys, mte.
    #[arg(long, default_value = "all")]
    pub class: String,
    /// Exception levels: a comma list, or a range such as 0..3.
    #[arg(long, default_value = "0..3")]
    pub el: String,
    /// Stage 1 translation: on, off or both.
    #[arg(long, default_value = "both")]
    pub mmu: String,
    /// Memory tagging (needs the MMU): on, off or both.
    #[arg(long, default_value = "both")]
    pub mte: String,
    /// Instructions per case.
    #[arg(long, default_value_t = 100)]
    pub len: u32,
    /// Parallel jobs (default: all cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Write the report as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Write unexplained divergences as regression cases into this directory.
    #[arg(long, value_name = "DIR")]
    pub regressions: Option<PathBuf>,
    /// The template image (default: tests/images/difftest_case.elf of this source tree).
    #[arg(long, value_name = "ELF")]
    pub template: Option<PathBuf>,
    /// The QEMU 10 binary.
    #[arg(long, default_value = "qemu-system-aarch64")]
    pub qemu: PathBuf,
    /// Emulator runs allowed for shrinking one divergence.
    #[arg(long, default_value_t = 120)]
    pub shrink_budget: usize,
}

/// The source tree this binary was built from.
pub fn source_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn choices<T: Copy>(s: &str, on: T, off: T) -> Result<Vec<T>, String> {
    match s {
        "on" => Ok(vec![on]),
        "off" => Ok(vec![off]),
        "both" => Ok(vec![off, on]),
        _ => Err(format!("`{s}`: expected on, off or both")),
    }
}

/// Parses `0..3`, `1`, `0,2`.
pub fn parse_els(s: &str) -> Result<Vec<u8>, String> {
    let bad = || format!("`{s}`: expected ELs such as 0..3 or 1,2");
    let els: Vec<u8> = if let Some((a, b)) = s.split_once("..") {
        let (a, b): (u8, u8) = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
        (a..=b).collect()
    } else {
        s.split(',')
            .map(|p| p.trim().parse().map_err(|_| bad()))
            .collect::<Result<_, _>>()?
    };
    if els.is_empty() || els.iter().any(|&e| e > 3) {
        return Err(bad());
    }
    Ok(els)
}

/// Parses `all` or a comma list of class names.
pub fn parse_classes(s: &str) -> Result<Vec<Class>, String> {
    if s == "all" {
        return Ok(Class::ALL.to_vec());
    }
    s.split(',')
        .map(|c| {
            Class::parse(c.trim())
                .ok_or_else(|| format!("`{c}`: unknown class (all, alu, ldst, branch, sys, mte)"))
        })
        .collect()
}

/// Runs the campaign `args` describe; returns the exit code (0: no unexplained
/// divergence, 1: some, 2: could not run).
pub fn run(args: &RandomArgs) -> Result<u8, String> {
    let shape = CaseShape {
        classes: parse_classes(&args.class)?,
        els: parse_els(&args.el)?,
        mmu: choices(&args.mmu, true, false)?,
        mte: choices(&args.mte, true, false)?,
        len: args.len.clamp(1, 16_000),
    };
    let root = source_root();
    let template_path = args
        .template
        .clone()
        .unwrap_or_else(|| root.join("tests/images/difftest_case.elf"));
    let template = a64sim_machine::load_image(&template_path, None).map_err(|e| e.to_string())?;
    let work_dir = std::env::temp_dir().join(format!("a64sim-difftest-{}", std::process::id()));
    std::fs::create_dir_all(&work_dir).map_err(|e| format!("{}: {e}", work_dir.display()))?;
    let qemu = Qemu {
        binary: args.qemu.clone(),
        args: machine_args(MACHINE_ARGS),
        template: template_path,
        work_dir: work_dir.clone(),
        timeout: Duration::from_secs(20),
    };
    let campaign = Campaign {
        cases: args.cases,
        seed: args.seed,
        shape,
        template,
        qemu,
        shrink_budget: args.shrink_budget,
        regressions: args.regressions.clone(),
        progress: true,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| e.to_string())?;
    eprintln!(
        "difftest: {} cases of {} instructions, seed {}, classes {}, EL {}, mmu {}, mte {}",
        args.cases, args.len, args.seed, args.class, args.el, args.mmu, args.mte
    );
    let report = pool.install(|| campaign.run());
    let _ = std::fs::remove_dir_all(&work_dir);
    print!("{}", report.table());
    if let Some(path) = &args.json {
        std::fs::write(path, report.to_json()).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(if report.unexplained().next().is_some() {
        1
    } else {
        0
    })
}

/// Options of `difftest replay`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReplayArgs {
    /// Regression case files (`.S` written by a campaign).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The template image (default: tests/images/difftest_case.elf of this source tree).
    #[arg(long, value_name = "ELF")]
    pub template: Option<PathBuf>,
    /// The QEMU 10 binary.
    #[arg(long, default_value = "qemu-system-aarch64")]
    pub qemu: PathBuf,
}

/// Runs each case under both emulators and prints the lines where their outputs differ;
/// returns 0 when all agree, 1 otherwise.
pub fn replay(args: &ReplayArgs) -> Result<u8, String> {
    let root = source_root();
    let template_path = args
        .template
        .clone()
        .unwrap_or_else(|| root.join("tests/images/difftest_case.elf"));
    let template = a64sim_machine::load_image(&template_path, None).map_err(|e| e.to_string())?;
    let work_dir = std::env::temp_dir().join(format!("a64sim-replay-{}", std::process::id()));
    std::fs::create_dir_all(&work_dir).map_err(|e| format!("{}: {e}", work_dir.display()))?;
    let qemu = Qemu {
        binary: args.qemu.clone(),
        args: machine_args(MACHINE_ARGS),
        template: template_path,
        work_dir: work_dir.clone(),
        timeout: Duration::from_secs(20),
    };
    let mut code = 0;
    for f in &args.files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let case = super::Case::from_source(&text).map_err(|e| format!("{}: {e}", f.display()))?;
        let ours = super::run_a64sim(&template, &case);
        let theirs = qemu.run(&case, "replay");
        println!("== {} ({})", f.display(), case.describe());
        for w in &case.code {
            println!(
                "   {w:08x}  {}",
                a64sim_isa::disassemble(*w, 0).text_or_placeholder()
            );
        }
        if ours.agrees_with(&theirs) {
            println!("   same output");
            continue;
        }
        code = 1;
        let (a, q) = (
            String::from_utf8_lossy(&ours.output).into_owned(),
            String::from_utf8_lossy(&theirs.output).into_owned(),
        );
        let (al, ql): (Vec<&str>, Vec<&str>) = (a.lines().collect(), q.lines().collect());
        for i in 0..al.len().max(ql.len()) {
            let (x, y) = (
                al.get(i).copied().unwrap_or(""),
                ql.get(i).copied().unwrap_or(""),
            );
            if x != y {
                println!("   a64sim: {x:<40} qemu: {y}");
            }
        }
        if let Some(p) = &ours.problem {
            println!("   a64sim problem: {p}");
        }
        if let Some(p) = &theirs.problem {
            println!("   qemu problem: {p}");
        }
    }
    let _ = std::fs::remove_dir_all(&work_dir);
    Ok(code)
}
