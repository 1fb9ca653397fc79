//! Integration-test support: the assembled programs in `tests/images`, run under a64sim
//! and under QEMU 10 (the oracle), with their committed QEMU expectations.
//!
//! Each `tests/asm/NAME.S` is built into `tests/images/NAME.elf`; `NAME.expected` holds the
//! bytes QEMU printed through semihosting and `NAME.status` its exit status. A program whose
//! source has a `// a64sim-requires: FEATURE` line needs a part of a64sim that does not exist
//! yet: it is still checked against QEMU, and skipped (with the reason) under a64sim.

pub use a64sim_cpu::jit::JitConfig;
use a64sim_cpu::StopReason;
use a64sim_machine::{load_image, Console, Machine, MachineConfig};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Features that a64sim does not have yet, which a test program may require.
pub const MISSING_FEATURES: &[(&str, &str)] = &[("timer", "the generic timer and GIC issue")];

/// Features test programs may require that a64sim has: their programs run.
pub const PRESENT_FEATURES: &[&str] = &["mmu", "mte", "pmu"];

/// The QEMU arguments of the comparison machine, from `tests/qemu-machine.args` (the one
/// place that line lives; `cargo xtask images` reads it too). The image follows `-kernel`.
pub fn qemu_args() -> Vec<String> {
    let path = workspace_root().join("tests/qemu-machine.args");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Instructions a test program may run under a64sim before it counts as hung.
pub const BUDGET: u64 = 3_000_000_000;

/// One test program.
#[derive(Clone, Debug)]
pub struct TestImage {
    /// File stem.
    pub name: String,
    /// The ELF.
    pub elf: PathBuf,
    /// What QEMU printed.
    pub expected: Vec<u8>,
    /// QEMU's exit status.
    pub status: i32,
    /// `a64sim-requires:` feature, when the program needs one.
    pub requires: Option<String>,
}

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Every program in `tests/images` that has an expectation, sorted by name.
pub fn discover() -> Vec<TestImage> {
    let root = workspace_root();
    let dir = root.join("tests/images");
    let mut out = Vec::new();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("elf") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let Ok(expected) = std::fs::read(dir.join(format!("{name}.expected"))) else {
            continue;
        };
        let status_text = std::fs::read_to_string(dir.join(format!("{name}.status")))
            .unwrap_or_else(|e| panic!("{name}.status: {e}"));
        let status = status_text
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("{name}.status: {e}"));
        let source =
            std::fs::read_to_string(root.join(format!("tests/asm/{name}.S"))).unwrap_or_default();
        let requires = source.lines().take(20).find_map(|l| {
            l.trim()
                .strip_prefix("// a64sim-requires:")
                .map(|f| f.trim().to_string())
        });
        out.push(TestImage {
            name,
            elf: path,
            expected,
            status,
            requires,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The outcome of running one program.
#[derive(Clone, Debug)]
pub struct Run {
    /// Console output.
    pub output: Vec<u8>,
    /// Exit status (None when the program did not exit).
    pub status: Option<i32>,
    /// Instructions executed.
    pub instructions: u64,
    /// How the run ended, when not by an exit.
    pub problem: Option<String>,
    /// Wall time.
    pub time: Duration,
}

impl Run {
    /// A run that could not start.
    fn failed(e: impl std::fmt::Display, start: Instant) -> Run {
        Run {
            output: vec![],
            status: None,
            instructions: 0,
            problem: Some(e.to_string()),
            time: start.elapsed(),
        }
    }
}

/// Runs `elf` under a64sim.
pub fn run_a64sim(elf: &Path, budget: u64) -> Run {
    run_a64sim_with(elf, budget, JitConfig::default())
}

/// [`run_a64sim`] with the block compiler configured as `jit` says.
pub fn run_a64sim_with(elf: &Path, budget: u64, jit: JitConfig) -> Run {
    let start = Instant::now();
    let (console, buf) = Console::capture();
    let mut m = Machine::new(&MachineConfig::default(), console);
    m.cpu.jit.config = jit;
    let image = match load_image(elf, None) {
        Ok(i) => i,
        Err(e) => return Run::failed(e, start),
    };
    if let Err(e) = m.load(&image) {
        return Run::failed(e, start);
    }
    let outcome = m.run(budget);
    let output = buf.lock().map(|b| b.clone()).unwrap_or_default();
    let (status, problem) = match outcome.reason {
        StopReason::Exit(c) => (Some(c), None),
        StopReason::BudgetExhausted => (
            None,
            Some(format!("still running after {budget} instructions")),
        ),
        StopReason::Idle { pc } => (None, Some(format!("idle in WFI at {pc:#x}"))),
        StopReason::Error(e) => (None, Some(e.to_string())),
    };
    Run {
        output,
        status,
        instructions: outcome.retired,
        problem,
        time: start.elapsed(),
    }
}

/// `qemu-system-aarch64` if it is installed and is version 10.x.
pub fn qemu10() -> Option<PathBuf> {
    let out = Command::new("qemu-system-aarch64")
        .arg("--version")
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let version = text.split("version ").nth(1)?;
    version
        .starts_with("10.")
        .then(|| PathBuf::from("qemu-system-aarch64"))
}

/// Runs `elf` under QEMU with the comparison machine line; semihosting output is QEMU's
/// stderr. Gives up after `timeout`.
pub fn run_qemu(qemu: &Path, elf: &Path, timeout: Duration) -> Run {
    let start = Instant::now();
    let child = Command::new(qemu)
        .args(qemu_args())
        .arg("-kernel")
        .arg(elf)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => return Run::failed(e, start),
    };
    let mut stderr = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut v);
        v
    });
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s.code(),
            Ok(None) if start.elapsed() < timeout => std::thread::sleep(Duration::from_millis(10)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                let output = reader.join().unwrap_or_default();
                return Run {
                    output,
                    status: None,
                    instructions: 0,
                    problem: Some("QEMU timed out".into()),
                    time: start.elapsed(),
                };
            }
        }
    };
    let output = reader.join().unwrap_or_default();
    Run {
        output,
        status,
        instructions: 0,
        problem: None,
        time: start.elapsed(),
    }
}

/// The first line where two outputs differ, for a readable failure.
pub fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (la, lb): (Vec<&[u8]>, Vec<&[u8]>) = (
        a.split(|&c| c == b'\n').collect(),
        b.split(|&c| c == b'\n').collect(),
    );
    for i in 0..la.len().max(lb.len()) {
        let (x, y) = (
            la.get(i).copied().unwrap_or(b"<end>"),
            lb.get(i).copied().unwrap_or(b"<end>"),
        );
        if x != y {
            return format!(
                "line {}: {:?} vs {:?}",
                i + 1,
                String::from_utf8_lossy(x),
                String::from_utf8_lossy(y)
            );
        }
    }
    "identical".into()
}
