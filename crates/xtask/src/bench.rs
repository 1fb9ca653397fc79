//! `cargo xtask bench`: run each workload image under a64sim and QEMU, alternately, and
//! report wall-time medians and ratios.
//!
//! Workloads are `tests/images/bench_*.elf`. Each is run `--runs` times under
//! `target/release/a64sim run IMAGE` and under `qemu-system-aarch64` with the project's
//! comparison machine line, alternating the two so that machine noise hits both alike. Both
//! runs must print the same guest output; a difference is reported loudly. With
//! `--criterion`, `cargo bench -p a64sim-benches` runs afterwards.

use crate::install;
use crate::test::{cargo, workspace_root};
use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Options of `cargo xtask bench`.
#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Runs per workload and per emulator.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    pub runs: u32,
    /// Also write the results as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Only run workloads whose name contains NAME.
    #[arg(long, value_name = "NAME")]
    pub filter: Option<String>,
    /// Also run the criterion benchmarks (`cargo bench -p a64sim-benches`).
    #[arg(long)]
    pub criterion: bool,
    /// Kill a run that takes longer than this many seconds.
    #[arg(long, default_value_t = 600, value_name = "SECS")]
    pub timeout: u64,
    /// Skip the cycle-model section (each preset's slowdown against `--timing off`).
    #[arg(long)]
    pub no_presets: bool,
}

/// The workloads the cycle-model section times: integer, load/store (MMU off and on) and
/// trap-heavy code.
const PRESET_WORKLOADS: [&str; 4] = ["int_loop", "ldst_loop", "ldst_loop_mmu", "hvc_roundtrip"];
/// The `--timing` settings the cycle-model section compares, `off` first (the reference).
const PRESET_SETTINGS: [&str; 4] = ["off", "functional", "a55", "n1"];

/// One workload under every preset: median wall seconds per setting.
#[derive(Debug, Default)]
struct PresetRow {
    name: String,
    secs: Vec<Option<f64>>,
}

/// What one run of one emulator produced.
#[derive(Debug)]
struct RunOutput {
    secs: f64,
    /// Exit status code (`None` when killed by a signal or by the timeout).
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    timed_out: bool,
}

/// Results for one workload.
#[derive(Debug, Default)]
struct Workload {
    name: String,
    a64sim: Vec<f64>,
    qemu: Vec<f64>,
    /// Instructions a64sim reported executing, when it printed a summary line.
    instructions: Option<u64>,
    /// MIPS a64sim reported on its summary line, one per run that printed it.
    reported_mips: Vec<f64>,
    /// Whether every a64sim/QEMU pair printed the same guest output and exit status.
    outputs_match: bool,
    /// Whether any run failed (non-zero exit, timeout, or could not start).
    failures: u32,
    /// The `a64sim-requires:` feature of a workload a64sim failed on (not counted as a failure).
    unsupported: Option<String>,
}

/// Runs the benchmark.
pub fn run(args: BenchArgs) -> Result<(), Box<dyn Error>> {
    let root = workspace_root();

    println!("==> cargo build --release -p a64sim");
    let status = cargo(&root)
        .args(["build", "--release", "-p", "a64sim"])
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("`cargo build --release -p a64sim` failed ({status})").into());
    }
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(|d| root.join(d))
        .unwrap_or_else(|| root.join("target"));
    let a64sim = target_dir.join("release").join("a64sim");

    let images = workload_images(&root.join("tests").join("images"), args.filter.as_deref())?;
    let mut results = Vec::new();
    if images.is_empty() {
        println!(
            "xtask: bench: no workload images tests/images/bench_*.elf{} \
             (they are built from tests/asm/bench_*.S by `cargo xtask images`); nothing to time",
            args.filter
                .as_deref()
                .map(|f| format!(" matching `{f}`"))
                .unwrap_or_default()
        );
    } else {
        let qemu_line = install::detect().qemu;
        let use_qemu = match qemu_line.as_deref() {
            Some(v) if install::qemu_version(v).map(|v| v.0) == Some(install::QEMU_MAJOR) => {
                println!("xtask: bench: {v}");
                true
            }
            Some(v) => {
                println!(
                    "xtask: bench: WARNING: `{v}` is not QEMU {}.x; timing a64sim alone \
                     (`cargo xtask test` installs QEMU {}.x)",
                    install::QEMU_MAJOR,
                    install::QEMU_MAJOR
                );
                false
            }
            None => {
                println!(
                    "xtask: bench: WARNING: qemu-system-aarch64 not found; timing a64sim alone \
                     (`cargo xtask test` installs it)"
                );
                false
            }
        };
        let timeout = Duration::from_secs(args.timeout);
        let qemu_args = crate::images::qemu_machine_args()?;
        for image in &images {
            results.push(bench_one(
                &root, &a64sim, image, use_qemu, &qemu_args, args.runs, timeout,
            ));
        }
        print_table(&results, use_qemu, args.runs);
        let presets = if args.no_presets {
            Vec::new()
        } else {
            bench_presets(&root, &a64sim, &images, args.runs, timeout)
        };
        print_presets(&presets, args.runs);
        if let Some(path) = &args.json {
            fs::write(path, to_json(&results, &presets, args.runs))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            println!("xtask: bench: wrote {}", path.display());
        }
    }

    if args.criterion {
        println!("\n==> cargo bench -p a64sim-benches");
        let status = cargo(&root)
            .args(["bench", "-p", "a64sim-benches"])
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            return Err(format!("`cargo bench -p a64sim-benches` failed ({status})").into());
        }
    }

    let mismatched: Vec<&str> = results
        .iter()
        .filter(|w| !w.outputs_match)
        .map(|w| w.name.as_str())
        .collect();
    let failed: Vec<&str> = results
        .iter()
        .filter(|w| w.failures > 0)
        .map(|w| w.name.as_str())
        .collect();
    if !failed.is_empty() {
        return Err(format!("runs failed for: {}", failed.join(", ")).into());
    }
    if !mismatched.is_empty() {
        println!(
            "xtask: bench: WARNING: a64sim and QEMU outputs differ for: {}",
            mismatched.join(", ")
        );
    }
    Ok(())
}

/// Times the [`PRESET_WORKLOADS`] among `images` under every [`PRESET_SETTINGS`].
fn bench_presets(
    root: &Path,
    a64sim: &Path,
    images: &[PathBuf],
    runs: u32,
    timeout: Duration,
) -> Vec<PresetRow> {
    let mut rows = Vec::new();
    for image in images {
        let name = workload_name(image);
        if !PRESET_WORKLOADS.contains(&name.as_str()) {
            continue;
        }
        println!("\n==> {name} under the cycle-model presets");
        let mut row = PresetRow {
            name: name.clone(),
            secs: Vec::new(),
        };
        for setting in PRESET_SETTINGS {
            let mut times = Vec::new();
            for i in 1..=runs {
                let mut cmd = Command::new(a64sim);
                cmd.current_dir(root)
                    .arg("run")
                    .arg(image)
                    // The cycle model runs on the interpreter; the reference is the
                    // interpreter too (compiled code would measure something else).
                    .args(["--timing", setting, "--jit", "off"]);
                match timed_run(cmd, timeout) {
                    Ok(out) if out.code == Some(0) && !out.timed_out => {
                        println!(
                            "  {name} --timing {setting} run {i}/{runs}: {:.3} s",
                            out.secs
                        );
                        times.push(out.secs);
                    }
                    Ok(out) => println!(
                        "  {name} --timing {setting} run {i}/{runs}: FAILED (status {:?}){}",
                        out.code,
                        tail_lines(&out.stderr, 3)
                    ),
                    Err(e) => println!("  {name} --timing {setting} run {i}/{runs}: {e}"),
                }
            }
            row.secs.push(median(&times));
        }
        rows.push(row);
    }
    rows
}

/// Prints each preset's slowdown against `--timing off`.
fn print_presets(rows: &[PresetRow], runs: u32) {
    if rows.is_empty() {
        return;
    }
    println!();
    let mut head = format!("{:<16}", "workload");
    for s in PRESET_SETTINGS {
        let _ = write!(head, "  {:>16}", format!("{s} s (x off)"));
    }
    println!("{head}");
    for r in rows {
        let base = r.secs.first().copied().flatten();
        let mut line = format!("{:<16}", r.name);
        for t in &r.secs {
            let cell = match (t, base) {
                (Some(t), Some(b)) if b > 0.0 => format!("{t:.3} ({:.2}x)", t / b),
                (Some(t), _) => format!("{t:.3}"),
                (None, _) => "-".to_string(),
            };
            let _ = write!(line, "  {cell:>16}");
        }
        println!("{line}");
    }
    println!(
        "(medians of {runs} wall-time runs; `off` is the plain interpreter (--jit off), the others run \
         the cycle model on every instruction; target: a55 at most 2x off)"
    );
}

/// `DIR/bench_*.elf`, sorted, keeping names containing `filter`.
fn workload_images(dir: &Path, filter: Option<&str>) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("cannot list {}: {e}", dir.display()).into()),
    };
    let mut images: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("bench_")
                && name.ends_with(".elf")
                && filter.is_none_or(|f| name.contains(f))
        })
        .collect();
    images.sort();
    Ok(images)
}

/// The workload's name: the file stem without `bench_`.
fn workload_name(image: &Path) -> String {
    let stem = image
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    stem.strip_prefix("bench_").unwrap_or(&stem).to_string()
}

/// Times one workload under both emulators, alternating.
fn bench_one(
    root: &Path,
    a64sim: &Path,
    image: &Path,
    use_qemu: bool,
    qemu_args: &[String],
    runs: u32,
    timeout: Duration,
) -> Workload {
    let name = workload_name(image);
    let mut w = Workload {
        name: name.clone(),
        outputs_match: true,
        ..Workload::default()
    };
    println!("\n==> {name} ({})", image.display());
    let requires = requires_feature(root, image);
    for i in 1..=runs {
        let mut sim_cmd = Command::new(a64sim);
        sim_cmd.current_dir(root).arg("run").arg(image);
        let sim = timed_run(sim_cmd, timeout);
        let sim = report_run(&name, "a64sim", i, runs, sim, &mut w);
        let sim_ok = sim
            .as_ref()
            .is_some_and(|o| o.code == Some(0) && !o.timed_out);
        if let (false, Some(feature)) = (sim_ok, &requires) {
            println!(
                "  {name}: needs `{feature}` (a64sim-requires in its source), which a64sim \
                 does not support yet; skipped"
            );
            w.failures = 0;
            w.unsupported = Some(feature.clone());
            w.a64sim.clear();
            return w;
        }
        if let Some(out) = &sim {
            w.a64sim.push(out.secs);
            let stderr = String::from_utf8_lossy(&out.stderr);
            if let Some(n) = parse_instructions(&stderr) {
                w.instructions = Some(n);
            }
            if let Some(m) = parse_mips(&stderr) {
                w.reported_mips.push(m);
            }
        }
        if !use_qemu {
            continue;
        }
        let mut qemu_cmd = Command::new("qemu-system-aarch64");
        qemu_cmd
            .current_dir(root)
            .args(qemu_args)
            .arg("-kernel")
            .arg(image);
        let qemu = timed_run(qemu_cmd, timeout);
        let qemu = report_run(&name, "qemu", i, runs, qemu, &mut w);
        if let Some(out) = &qemu {
            w.qemu.push(out.secs);
        }
        if let (Some(sim), Some(qemu)) = (&sim, &qemu) {
            if let Some(diff) = compare_outputs(sim, qemu) {
                w.outputs_match = false;
                println!("!!!!! WARNING: {name}: a64sim and QEMU outputs DIFFER (run {i}): {diff}");
            }
        }
    }
    w
}

/// The `// a64sim-requires: FEATURE` header (first 20 lines) of the image's source
/// `tests/asm/NAME.S`, if any.
fn requires_feature(root: &Path, image: &Path) -> Option<String> {
    let stem = image.file_stem()?.to_str()?;
    let source =
        fs::read_to_string(root.join("tests").join("asm").join(format!("{stem}.S"))).ok()?;
    parse_requires(&source)
}

/// The feature named by a `// a64sim-requires: FEATURE` line among the first 20 lines.
fn parse_requires(source: &str) -> Option<String> {
    source.lines().take(20).find_map(|l| {
        l.trim()
            .strip_prefix("// a64sim-requires:")
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
    })
}

/// Prints one progress line for a run; returns the output when the run could start.
fn report_run(
    name: &str,
    who: &str,
    i: u32,
    runs: u32,
    result: Result<RunOutput, String>,
    w: &mut Workload,
) -> Option<RunOutput> {
    match result {
        Ok(out) => {
            let note = if out.timed_out {
                w.failures += 1;
                " TIMED OUT (killed)".to_string()
            } else if out.code != Some(0) {
                w.failures += 1;
                format!(
                    " FAILED (exit {})",
                    out.code
                        .map_or_else(|| "by signal".to_string(), |c| c.to_string())
                )
            } else {
                String::new()
            };
            println!(
                "  {name}: {who:<6} run {i}/{runs}: {:8.3} s{note}",
                out.secs
            );
            if !note.is_empty() {
                let tail = tail_lines(&out.stderr, 5);
                if !tail.is_empty() {
                    println!("    stderr: {}", tail.replace('\n', "\n    stderr: "));
                }
            }
            Some(out)
        }
        Err(e) => {
            w.failures += 1;
            println!("  {name}: {who:<6} run {i}/{runs}: FAILED to start: {e}");
            None
        }
    }
}

/// Runs `cmd` with stdin null and output captured, timing it from spawn to exit.
fn timed_run(mut cmd: Command, timeout: Duration) -> Result<RunOutput, String> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("{:?}: {e}", cmd.get_program()))?;
    let readers = [
        child.stdout.take().map(|mut r| {
            thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = r.read_to_end(&mut buf);
                buf
            })
        }),
        child.stderr.take().map(|mut r| {
            thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = r.read_to_end(&mut buf);
                buf
            })
        }),
    ];
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > timeout => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().map_err(|e| e.to_string())?;
            }
            Ok(None) => thread::sleep(Duration::from_millis(1)),
            Err(e) => return Err(e.to_string()),
        }
    };
    let secs = start.elapsed().as_secs_f64();
    let [out, err] = readers.map(|h| h.and_then(|h| h.join().ok()).unwrap_or_default());
    Ok(RunOutput {
        secs,
        code: status.code(),
        stdout: out,
        stderr: err,
        timed_out,
    })
}

/// The guest's output: stdout then stderr, without a64sim's own `a64sim:` report lines.
fn guest_output(out: &RunOutput) -> String {
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    for line in String::from_utf8_lossy(&out.stderr).split_inclusive('\n') {
        if !line.starts_with("a64sim:") {
            s.push_str(line);
        }
    }
    s
}

/// `None` when both runs printed the same guest output and exit status, else what differs.
fn compare_outputs(sim: &RunOutput, qemu: &RunOutput) -> Option<String> {
    let (a, b) = (guest_output(sim), guest_output(qemu));
    if a != b {
        let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
        let n = la.iter().zip(&lb).take_while(|(x, y)| x == y).count();
        return Some(format!(
            "first difference at output line {}: a64sim {:?} vs QEMU {:?}",
            n + 1,
            la.get(n).copied().unwrap_or("<end of output>"),
            lb.get(n).copied().unwrap_or("<end of output>")
        ));
    }
    if sim.code != qemu.code {
        return Some(format!(
            "exit status a64sim {:?} vs QEMU {:?}",
            sim.code, qemu.code
        ));
    }
    None
}

/// The last `n` non-empty lines of `bytes`.
fn tail_lines(bytes: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// The instruction count from a64sim's summary line
/// (`a64sim: <N> instructions in <T> s (<M> MIPS)`): the integer just before the word
/// "instructions" on the last line that has one. Digit separators `,` and `_` are allowed.
fn parse_instructions(stderr: &str) -> Option<u64> {
    stderr.lines().rev().find_map(|line| {
        let at = line.find("instructions")?;
        let before = line[..at].trim_end();
        let word = before
            .rsplit(|c: char| c.is_whitespace() || c == ':')
            .next()?;
        let digits: String = word.chars().filter(|c| *c != ',' && *c != '_').collect();
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    })
}

/// The MIPS figure from a64sim's summary line: the number just before the word "MIPS" on
/// the last line that has one.
fn parse_mips(stderr: &str) -> Option<f64> {
    stderr.lines().rev().find_map(|line| {
        let at = line.find("MIPS")?;
        let word = line[..at]
            .trim_end()
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()?;
        word.parse::<f64>().ok().filter(|m| m.is_finite())
    })
}

/// The median of `xs` (`None` when empty).
fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    })
}

/// a64sim median / QEMU median.
fn ratio(w: &Workload) -> Option<f64> {
    match (median(&w.a64sim), median(&w.qemu)) {
        (Some(a), Some(q)) if q > 0.0 => Some(a / q),
        _ => None,
    }
}

/// a64sim's speed in millions of instructions per second: the median of what it reported,
/// else its reported instruction count over the median wall time.
fn mips(w: &Workload) -> Option<f64> {
    if let Some(m) = median(&w.reported_mips) {
        return Some(m);
    }
    match (w.instructions, median(&w.a64sim)) {
        (Some(n), Some(t)) if t > 0.0 => Some(n as f64 / t / 1e6),
        _ => None,
    }
}

/// Prints the result table.
fn print_table(results: &[Workload], use_qemu: bool, runs: u32) {
    let opt =
        |v: Option<f64>, prec: usize| v.map_or_else(|| "-".to_string(), |x| format!("{x:.prec$}"));
    let width = results
        .iter()
        .map(|w| w.name.len())
        .max()
        .unwrap_or(0)
        .max("workload".len());
    println!();
    println!(
        "{:<width$}  {:>10}  {:>10}  {:>11}  {:>11}  outputs",
        "workload", "a64sim s", "QEMU s", "a64sim/QEMU", "a64sim MIPS"
    );
    for w in results {
        let unsupported;
        let outputs = if let Some(f) = &w.unsupported {
            unsupported = format!("skipped: requires {f}");
            unsupported.as_str()
        } else if !use_qemu {
            "not compared"
        } else if w.outputs_match {
            "same"
        } else {
            "DIFFER"
        };
        println!(
            "{:<width$}  {:>10}  {:>10}  {:>11}  {:>11}  {outputs}",
            w.name,
            opt(median(&w.a64sim), 3),
            opt(median(&w.qemu), 3),
            opt(ratio(w), 2),
            opt(mips(w), 1),
        );
    }
    println!(
        "(medians of {runs} wall-time runs each; MIPS as a64sim reports it on its summary line)"
    );
    for (slow, fast, what) in WITHIN_A64SIM {
        let time = |name: &str| {
            results
                .iter()
                .find(|w| w.name == name)
                .and_then(|w| median(&w.a64sim))
        };
        if let (Some(a), Some(b)) = (time(slow), time(fast)) {
            println!(
                "{what}: {slow} / {fast} = {:.2} (a64sim against itself)",
                a / b.max(1e-9)
            );
        }
    }
}

/// Pairs of workloads that differ in one feature, compared within a64sim: (with, without,
/// what the ratio measures).
const WITHIN_A64SIM: [(&str, &str, &str); 2] = [
    (
        "mte_checked_load",
        "mte_unchecked_load",
        "cost of tag checks",
    ),
    ("mmu_s2_ldst", "ldst_loop", "cost of two-stage translation"),
];

/// The results as JSON.
fn to_json(results: &[Workload], presets: &[PresetRow], runs: u32) -> String {
    fn num(v: Option<f64>) -> String {
        match v {
            Some(x) if x.is_finite() => format!("{x}"),
            _ => "null".to_string(),
        }
    }
    fn list(xs: &[f64]) -> String {
        let items: Vec<String> = xs.iter().map(|x| num(Some(*x))).collect();
        format!("[{}]", items.join(", "))
    }
    let mut s = String::new();
    let _ = writeln!(s, "{{\n  \"runs\": {runs},\n  \"workloads\": [");
    for (i, w) in results.iter().enumerate() {
        let sep = if i + 1 < results.len() { "," } else { "" };
        let _ = writeln!(
            s,
            "    {{\"name\": {}, \"a64sim_s\": {}, \"qemu_s\": {}, \
             \"a64sim_median_s\": {}, \"qemu_median_s\": {}, \"ratio\": {}, \
             \"instructions\": {}, \"mips\": {}, \"outputs_match\": {}, \"failures\": {}, \
             \"unsupported\": {}}}{sep}",
            json_string(&w.name),
            list(&w.a64sim),
            list(&w.qemu),
            num(median(&w.a64sim)),
            num(median(&w.qemu)),
            num(ratio(w)),
            w.instructions
                .map_or_else(|| "null".to_string(), |n| n.to_string()),
            num(mips(w)),
            w.outputs_match,
            w.failures,
            w.unsupported
                .as_deref()
                .map_or_else(|| "null".to_string(), json_string),
        );
    }
    s.push_str("  ],\n  \"presets\": [\n");
    for (i, r) in presets.iter().enumerate() {
        let sep = if i + 1 < presets.len() { "," } else { "" };
        let cells: Vec<String> = PRESET_SETTINGS
            .iter()
            .zip(&r.secs)
            .map(|(k, v)| format!("{}: {}", json_string(k), num(*v)))
            .collect();
        let _ = writeln!(
            s,
            "    {{\"name\": {}, \"median_s\": {{{}}}}}{sep}",
            json_string(&r.name),
            cells.join(", ")
        );
    }
    s.push_str("  ]\n}\n");
    s
}

/// `s` as a JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_instruction_counts_leniently() {
        let e = "hello\na64sim: 123456789 instructions in 0.52 s (237.4 MIPS)\n";
        assert_eq!(parse_instructions(e), Some(123_456_789));
        assert_eq!(
            parse_instructions("a64sim: 1,234 instructions, 2 exceptions"),
            Some(1234)
        );
        assert_eq!(parse_instructions("a64sim:42 instructions"), Some(42));
        assert_eq!(parse_instructions("no count here\n"), None);
        assert_eq!(parse_instructions("a64sim: many instructions\n"), None);
        let line = "a64sim: 5 instructions in 0.100 s (237.4 MIPS); guest exited with status 0";
        assert_eq!(parse_instructions(line), Some(5));
        assert_eq!(parse_mips(line), Some(237.4));
        assert_eq!(parse_mips("a64sim: 5 instructions"), None);
    }

    #[test]
    fn requires_headers() {
        let src = "// a64sim-requires: mmu\n//\n// bench_x.S - ...\n";
        assert_eq!(parse_requires(src), Some("mmu".to_string()));
        assert_eq!(parse_requires("// bench_x.S\n    nop\n"), None);
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"");
    }

    fn out(stdout: &str, stderr: &str, code: i32) -> RunOutput {
        RunOutput {
            secs: 0.0,
            code: Some(code),
            stdout: stdout.as_bytes().to_vec(),
            stderr: stderr.as_bytes().to_vec(),
            timed_out: false,
        }
    }

    #[test]
    fn compares_guest_output_without_a64sim_report_lines() {
        let sim = out(
            "",
            "sum=10\na64sim: 5 instructions in 0.1 s (0.0 MIPS)\n",
            0,
        );
        let qemu = out("", "sum=10\n", 0);
        assert_eq!(compare_outputs(&sim, &qemu), None);
        let qemu = out("", "sum=11\n", 0);
        assert!(compare_outputs(&sim, &qemu).is_some());
        let qemu = out("", "sum=10\n", 1);
        assert!(compare_outputs(&sim, &qemu).is_some());
    }

    #[test]
    fn workload_names_and_json() {
        assert_eq!(
            workload_name(Path::new("tests/images/bench_loop.elf")),
            "loop"
        );
        let w = Workload {
            name: "loop".into(),
            a64sim: vec![2.0, 1.0, 3.0],
            qemu: vec![1.0],
            instructions: Some(4_000_000),
            reported_mips: Vec::new(),
            outputs_match: true,
            failures: 0,
            unsupported: None,
        };
        assert_eq!(ratio(&w), Some(2.0));
        assert_eq!(mips(&w), Some(2.0));
        let p = PresetRow {
            name: "loop".into(),
            secs: vec![Some(1.5), None, Some(2.0), Some(4.0)],
        };
        let j = to_json(&[w], &[p], 3);
        assert!(
            j.contains("\"median_s\": {\"off\": 1.5, \"functional\": null, \"a55\": 2, \"n1\": 4}")
        );
        assert!(j.contains("\"name\": \"loop\""));
        assert!(j.contains("\"ratio\": 2,"));
        assert!(j.contains("\"instructions\": 4000000"));
    }
}
