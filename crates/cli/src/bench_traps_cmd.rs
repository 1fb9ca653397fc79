//! `a64sim bench-traps`: the trap paths hypervisor developers care about, measured under
//! each core preset.
//!
//! The guest program (`tests/asm/trap_paths.S`, embedded) times each path with
//! PMCCNTR_EL0 as a loop of round trips minus the same loop without the trapping
//! instruction, and leaves the sums in a table at its symbol `bench_results`. The host
//! runs it once per preset with the cycle model on, reads that table, and adds the
//! model's own view of each trap from the trap recorder: exception entry, handler (to the
//! ERET) and ERET cycles.

use crate::timing_args::build_model;
use a64sim_arch::El;
use a64sim_cpu::{StopReason, TrapTracer};
use a64sim_machine::{loader::Image, Console, Machine, MachineConfig};
use a64sim_timing::{CoreModel, CycleModel, TrapReport, PRESETS};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

/// The built-in benchmark program (tests/asm/trap_paths.S).
const BENCH_IMAGE: &[u8] = include_bytes!("../../../tests/images/trap_paths.elf");
/// `bench_results` starts with this ("BENKTRAP", little-endian).
const MAGIC: u64 = 0x5041_5254_4b4e_4542;
/// Instructions the benchmark may take per preset before it counts as hung.
const BUDGET: u64 = 200_000_000;

/// Options of `a64sim bench-traps`.
#[derive(Debug, clap::Args)]
pub struct BenchTrapsArgs {
    /// A core preset to measure (repeat for several); default: every preset.
    #[arg(long = "preset", value_name = "NAME")]
    pub presets: Vec<String>,
    /// Override a preset parameter for every preset measured (`l1d.size=64K`).
    #[arg(long = "timing-set", value_name = "KEY=VALUE")]
    pub timing_set: Vec<String>,
    /// Print the results as JSON on stdout instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also draw cycles per path per preset into this SVG file.
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
    /// Run this image instead of the built-in program (it must define `bench_results`).
    #[arg(long)]
    pub image: Option<PathBuf>,
}

/// A trap path: its name in the guest's table, and the exception that starts it.
#[derive(Clone, Copy, Debug)]
struct PathSpec {
    name: &'static str,
    what: &'static str,
    ec: u8,
    from: El,
    to: El,
    /// For EC 0x18: the register the trap names.
    reg: Option<&'static str>,
}

/// The paths, in the guest's order.
const PATHS: [PathSpec; 8] = [
    PathSpec {
        name: "hvc",
        what: "HVC to an EL2 stub",
        ec: 0x16,
        from: El::El1,
        to: El::El2,
        reg: None,
    },
    PathSpec {
        name: "smc",
        what: "SMC to an EL3 stub",
        ec: 0x17,
        from: El::El1,
        to: El::El3,
        reg: None,
    },
    PathSpec {
        name: "svc",
        what: "SVC from EL0 to EL1",
        ec: 0x15,
        from: El::El0,
        to: El::El1,
        reg: None,
    },
    PathSpec {
        name: "mrs_tid3",
        what: "MRS ID_AA64MMFR0_EL1 trapped by HCR_EL2.TID3, emulated at EL2",
        ec: 0x18,
        from: El::El1,
        to: El::El2,
        reg: Some("ID_AA64MMFR0_EL1"),
    },
    PathSpec {
        name: "msr_gcr_ata",
        what: "MSR GCR_EL1 with HCR_EL2.ATA=0, UNDEF injected back to EL1",
        ec: 0x18,
        from: El::El1,
        to: El::El2,
        reg: Some("GCR_EL1"),
    },
    PathSpec {
        name: "s2_abort",
        what: "stage-2 data abort: EL2 maps the page, the load retries",
        ec: 0x24,
        from: El::El1,
        to: El::El2,
        reg: None,
    },
    PathSpec {
        name: "wfi",
        what: "WFI trapped by HCR_EL2.TWI",
        ec: 0x01,
        from: El::El1,
        to: El::El2,
        reg: None,
    },
    PathSpec {
        name: "tag_fault",
        what: "synchronous tag-check fault at EL1, skipped by the handler",
        ec: 0x25,
        from: El::El1,
        to: El::El1,
        reg: None,
    },
];

/// One path's guest measurement, from `bench_results`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct GuestPath {
    name: String,
    iterations: u64,
    cycles: u64,
    baseline: u64,
}

/// One path under one preset.
#[derive(Clone, Debug)]
struct PathResult {
    path: &'static PathSpec,
    iterations: u64,
    /// Guest view: cycles per round trip (timed loop minus baseline, per iteration).
    round_trip: f64,
    /// Model view, from the trap recorder (None when the trap was not seen).
    traps: u64,
    entry: f64,
    handler: f64,
    eret: f64,
    handler_insns: f64,
}

/// The results of one preset.
#[derive(Clone, Debug)]
struct PresetResult {
    preset: String,
    instructions: u64,
    cycles: u64,
    paths: Vec<PathResult>,
}

/// Runs the suite and prints the table (or JSON), and the plot when asked.
pub fn run(args: BenchTrapsArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let image = match &args.image {
        Some(path) => a64sim_machine::load_image(path, None)?,
        None => a64sim_machine::loader::parse_image(
            std::path::Path::new("<trap_paths>"),
            BENCH_IMAGE,
            None,
        )?,
    };
    let table = image.symbol("bench_results").ok_or_else(|| {
        format!(
            "{}: no `bench_results` symbol (not a bench-traps program)",
            image.path.display()
        )
    })?;
    let presets: Vec<String> = if args.presets.is_empty() {
        PRESETS.iter().map(|p| p.name.to_string()).collect()
    } else {
        args.presets.clone()
    };
    // Every name and setting is checked before the first (slow) run.
    let models = presets
        .iter()
        .map(|name| build_model("--preset", name, &args.timing_set))
        .collect::<Result<Vec<_>, _>>()?;
    let mut results = Vec::new();
    for (i, (name, model)) in presets.iter().zip(models).enumerate() {
        eprintln!(
            "a64sim bench-traps: [{}/{}] preset {name} ...",
            i + 1,
            presets.len()
        );
        let r = run_preset(&image, table, model)?;
        eprintln!(
            "a64sim bench-traps: [{}/{}] preset {name}: {} instructions, {} cycles",
            i + 1,
            presets.len(),
            r.instructions,
            r.cycles
        );
        results.push(r);
    }
    if args.json {
        println!("{}", to_json(&results));
    } else {
        print!("{}", to_text(&results));
    }
    if let Some(path) = &args.plot {
        crate::plot::bars(path, &plot_series(&results))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("a64sim bench-traps: wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs the program once under `model` and collects both views of every path.
fn run_preset(
    image: &Image,
    table: u64,
    model: CoreModel,
) -> Result<PresetResult, Box<dyn std::error::Error>> {
    let preset = model.name().to_string();
    let output = Arc::new(Mutex::new(Vec::new()));
    let mut machine = Machine::new(&MachineConfig::default(), Console::Buffer(output.clone()));
    machine.load(image)?;
    let mut tracer = TrapTracer::<CoreModel, true>::new(model, machine.cpu.pe.retired);
    tracer.install(&mut machine.cpu.pe);
    let outcome = machine.run_traced(BUDGET, &mut tracer);
    match outcome.reason {
        StopReason::Exit(0) => {}
        other => {
            return Err(format!(
            "preset {preset}: the benchmark program did not finish ({other:?}); its output:\n{}",
            String::from_utf8_lossy(&output.lock().map(|o| o.clone()).unwrap_or_default())
        )
            .into())
        }
    }
    let guest = read_table(&machine, table)?;
    let report = tracer.report();
    let mut paths = Vec::new();
    for spec in PATHS.iter() {
        let Some(g) = guest.iter().find(|g| g.name == spec.name) else {
            return Err(format!("the guest table has no path `{}`", spec.name).into());
        };
        paths.push(path_result(spec, g, &report, &tracer));
    }
    Ok(PresetResult {
        preset,
        instructions: outcome.retired,
        cycles: tracer.model.cycles(),
        paths,
    })
}

/// Reads `bench_results` from guest memory.
fn read_table(machine: &Machine, addr: u64) -> Result<Vec<GuestPath>, String> {
    let word = |a: u64| -> Result<u64, String> {
        let mut b = [0u8; 8];
        if !machine.mem.read_bytes(a, &mut b) {
            return Err(format!("bench_results at {a:#x} is outside RAM"));
        }
        Ok(u64::from_le_bytes(b))
    };
    if word(addr)? != MAGIC {
        return Err(format!(
            "bench_results at {addr:#x} does not start with the magic number: the program did not fill it"
        ));
    }
    let count = word(addr + 8)?;
    if count > 64 {
        return Err(format!("bench_results claims {count} paths"));
    }
    (0..count)
        .map(|i| {
            let e = addr + 16 + i * 40;
            let mut name = [0u8; 16];
            if !machine.mem.read_bytes(e, &mut name) {
                return Err(format!("bench_results entry {i} is outside RAM"));
            }
            let end = name.iter().position(|&c| c == 0).unwrap_or(16);
            Ok(GuestPath {
                name: String::from_utf8_lossy(&name[..end]).into_owned(),
                iterations: word(e + 16)?,
                cycles: word(e + 24)?,
                baseline: word(e + 32)?,
            })
        })
        .collect()
}

/// Combines the guest's measurement of `spec` with the recorder's row for its trap.
fn path_result<const T: bool>(
    spec: &'static PathSpec,
    g: &GuestPath,
    report: &TrapReport,
    tracer: &TrapTracer<CoreModel, T>,
) -> PathResult {
    let round_trip = if g.iterations == 0 {
        0.0
    } else {
        g.cycles.saturating_sub(g.baseline) as f64 / g.iterations as f64
    };
    let row = report
        .rows
        .iter()
        .filter(|r| {
            r.key.detail.ec() == spec.ec
                && r.key.from == spec.from
                && r.key.to == spec.to
                && spec
                    .reg
                    .is_none_or(|reg| r.key.detail.to_string().contains(reg))
        })
        .max_by_key(|r| r.count);
    let mut out = PathResult {
        path: spec,
        iterations: g.iterations,
        round_trip,
        traps: 0,
        entry: 0.0,
        handler: 0.0,
        eret: 0.0,
        handler_insns: 0.0,
    };
    if let Some(r) = row {
        let (entry, eret) = tracer.entry_and_return(&r.key);
        let (entry, eret) = (entry.unwrap_or(0.0), eret.unwrap_or(0.0));
        // The median trap: a few set-up traps of the same kind must not skew it.
        out.traps = r.count;
        out.entry = entry;
        out.eret = eret;
        out.handler = (r.p50_cycles as f64 - entry - eret).max(0.0);
        out.handler_insns = r.p50_insns as f64;
    }
    out
}

fn to_text(results: &[PresetResult]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Trap round trips (guest PMCCNTR, cycles per trip, minus a NOP baseline) and the model's \
         breakdown of one trap: entry = mean exception entry, eret = mean ERET (per EL pair), \
         handler = median trap minus both (vector to ERET), insns = median handler instructions"
    );
    let _ = writeln!(
        s,
        "{:<12} {:<10} {:>6} {:>11} {:>8} {:>8} {:>8} {:>8} {:>7}",
        "path", "preset", "iters", "round trip", "entry", "handler", "eret", "insns", "traps"
    );
    for spec in PATHS.iter() {
        for r in results {
            let Some(p) = r.paths.iter().find(|p| p.path.name == spec.name) else {
                continue;
            };
            let _ = writeln!(
                s,
                "{:<12} {:<10} {:>6} {:>11.1} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {:>7}",
                spec.name,
                r.preset,
                p.iterations,
                p.round_trip,
                p.entry,
                p.handler,
                p.eret,
                p.handler_insns,
                p.traps
            );
        }
    }
    let _ = writeln!(s, "paths:");
    for spec in PATHS.iter() {
        let _ = writeln!(s, "  {:<12} {}", spec.name, spec.what);
    }
    s
}

fn to_json(results: &[PresetResult]) -> String {
    let mut s = String::from("{\"presets\":[");
    for (i, r) in results.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(
            s,
            "{{\"preset\":\"{}\",\"instructions\":{},\"cycles\":{},\"paths\":[",
            r.preset, r.instructions, r.cycles
        );
        for (j, p) in r.paths.iter().enumerate() {
            if j > 0 {
                s.push(',');
            }
            let _ = write!(
                s,
                "{{\"path\":\"{}\",\"iterations\":{},\"round_trip_cycles\":{:.2},\"traps\":{},\
                 \"entry_cycles\":{:.2},\"handler_cycles\":{:.2},\"eret_cycles\":{:.2},\
                 \"handler_insns\":{:.2}}}",
                p.path.name,
                p.iterations,
                p.round_trip,
                p.traps,
                p.entry,
                p.handler,
                p.eret,
                p.handler_insns
            );
        }
        s.push_str("]}");
    }
    s.push_str("]}");
    s
}

/// The plot's data: one group of bars per path, one bar per preset.
fn plot_series(results: &[PresetResult]) -> crate::plot::Bars {
    crate::plot::Bars {
        title: "a64sim bench-traps: cycles per round trip".into(),
        groups: PATHS.iter().map(|p| p.name.to_string()).collect(),
        series: results
            .iter()
            .map(|r| {
                (
                    r.preset.clone(),
                    PATHS
                        .iter()
                        .map(|spec| {
                            r.paths
                                .iter()
                                .find(|p| p.path.name == spec.name)
                                .map_or(0.0, |p| p.round_trip)
                        })
                        .collect(),
                )
            })
            .collect(),
    }
}
