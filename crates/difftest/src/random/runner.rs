//! Running a case: in-process under a64sim, as a subprocess under QEMU 10 with the two
//! blobs loaded by `-device loader`, and comparing what the template printed.

use super::case::{Case, CASE_CODE, PARAMS};
use a64sim_cpu::StopReason;
use a64sim_machine::{Console, Image, Machine, MachineConfig};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Instructions a64sim may run per case before the run counts as a hang.
pub const BUDGET: u64 = 5_000_000;

/// What one emulator produced for a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The template's output (semihosting bytes).
    pub output: Vec<u8>,
    /// Exit status, when the emulator exited normally.
    pub status: Option<i32>,
    /// Why the run did not end normally (hang, emulator error).
    pub problem: Option<String>,
}

impl Outcome {
    /// Whether two outcomes agree.
    pub fn agrees_with(&self, other: &Outcome) -> bool {
        self.output == other.output && self.status == other.status
    }
}

/// Runs `case` under a64sim in the template `image`.
pub fn run_a64sim(image: &Image, case: &Case) -> Outcome {
    let (console, out) = Console::capture();
    let mut m = Machine::new(&MachineConfig::default(), console);
    let problem = |e: String| Outcome {
        output: Vec::new(),
        status: None,
        problem: Some(e),
    };
    if let Err(e) = m.load(image) {
        return problem(e.to_string());
    }
    if !m.mem.write_bytes(PARAMS, &case.params_blob())
        || !m.mem.write_bytes(CASE_CODE, &case.code_blob())
    {
        return problem("the case does not fit in RAM".into());
    }
    let r = m.run(BUDGET);
    let output = out.lock().map(|b| b.clone()).unwrap_or_default();
    let (status, problem) = match r.reason {
        StopReason::Exit(c) => (Some(c), None),
        StopReason::BudgetExhausted => (
            None,
            Some(format!("still running after {BUDGET} instructions")),
        ),
        StopReason::Idle { pc } => (None, Some(format!("idle in WFI at {pc:#x}"))),
        StopReason::Error(e) => (None, Some(e.to_string())),
    };
    Outcome {
        output,
        status,
        problem,
    }
}

/// The QEMU side: the binary, the machine line (`lockstep::machine_args` of
/// `tests/qemu-machine.args`), the template ELF and a directory for the blobs.
#[derive(Clone, Debug)]
pub struct Qemu {
    /// `qemu-system-aarch64`.
    pub binary: PathBuf,
    /// The comparison machine line.
    pub args: Vec<String>,
    /// The template image file.
    pub template: PathBuf,
    /// Where the per-case blobs go.
    pub work_dir: PathBuf,
    /// A run that takes longer is killed and reported.
    pub timeout: Duration,
}

impl Qemu {
    /// Runs `case`; `tag` names its blob files (unique per concurrent run).
    pub fn run(&self, case: &Case, tag: &str) -> Outcome {
        let params = self.work_dir.join(format!("{tag}.params"));
        let code = self.work_dir.join(format!("{tag}.code"));
        let fail = |e: String| Outcome {
            output: Vec::new(),
            status: None,
            problem: Some(e),
        };
        if let Err(e) = std::fs::write(&params, case.params_blob())
            .and_then(|_| std::fs::write(&code, case.code_blob()))
        {
            return fail(format!("{}: {e}", self.work_dir.display()));
        }
        let loader = |file: &Path, addr: u64| {
            format!("loader,file={},addr={addr:#x},force-raw=on", file.display())
        };
        let child = Command::new(&self.binary)
            .args(&self.args)
            .arg("-kernel")
            .arg(&self.template)
            .arg("-device")
            .arg(loader(&params, PARAMS))
            .arg("-device")
            .arg(loader(&code, CASE_CODE))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn();
        let mut child = match child {
            Ok(c) => c,
            Err(e) => return fail(format!("{}: {e}", self.binary.display())),
        };
        let mut stderr = child.stderr.take();
        let reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(s) = stderr.as_mut() {
                let _ = s.read_to_end(&mut buf);
            }
            buf
        });
        let start = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(s)) => break Some(s),
                Ok(None) if start.elapsed() > self.timeout => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break None;
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(2)),
                Err(_) => break None,
            }
        };
        let output = reader.join().unwrap_or_default();
        let _ = std::fs::remove_file(&params);
        let _ = std::fs::remove_file(&code);
        match status {
            Some(s) => Outcome {
                output,
                status: s.code(),
                problem: None,
            },
            None => Outcome {
                output,
                status: None,
                problem: Some(format!("QEMU killed after {:?}", self.timeout)),
            },
        }
    }
}
