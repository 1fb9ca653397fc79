//! QEMU as a live source of records: a subprocess writing its log into a named pipe, and a
//! thread that parses the pipe and hands records over in batches.
//!
//! The pipe keeps the comparison in constant memory and disk (QEMU writes about 830 bytes
//! per instruction) and paces QEMU to the comparison: when the reader stops, QEMU blocks.
//! A named pipe's reader blocks in `open` until a writer opens it; if QEMU dies before it
//! does, [`poke`] opens the pipe for writing once so that the reader sees the end.

use super::{machine_args, LockstepError, Next, QemuEnd, StepSource, MACHINE_ARGS, TRACE_ARGS};
use crate::qemu_log::{QemuLog, QemuLogError, QemuStep};
use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Records handed from the reader thread to the comparison at most at once.
const BATCH: usize = 256;
/// Batches in flight between the reader thread and the comparison.
const BATCHES_IN_FLIGHT: usize = 16;
/// Bytes of QEMU's stderr kept for error messages (it also carries semihosting output).
const STDERR_TAIL: usize = 4096;

/// How to run QEMU for a comparison.
#[derive(Clone, Debug)]
pub struct QemuCommand {
    /// The `qemu-system-aarch64` binary.
    pub program: PathBuf,
    /// The machine line (default: [`MACHINE_ARGS`]).
    pub machine_args: Vec<String>,
    /// Also copy QEMU's log to this file.
    pub keep_log: Option<PathBuf>,
}

impl QemuCommand {
    /// `program` with the comparison machine line of `tests/qemu-machine.args`.
    pub fn new(program: impl Into<PathBuf>) -> Self {
        QemuCommand {
            program: program.into(),
            machine_args: machine_args(MACHINE_ARGS),
            keep_log: None,
        }
    }

    /// The whole argument list for `image` logging to `log`.
    pub fn args(&self, image: &Path, log: &Path) -> Vec<std::ffi::OsString> {
        let mut v: Vec<std::ffi::OsString> = self.machine_args.iter().map(Into::into).collect();
        v.extend(TRACE_ARGS.iter().map(Into::into));
        v.push("-D".into());
        v.push(log.into());
        v.push("-kernel".into());
        v.push(image.into());
        v
    }
}

/// The major version of `program` and its `--version` line.
pub fn qemu_version(program: &Path) -> Result<(u32, String), LockstepError> {
    let out = Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .map_err(|source| LockstepError::Spawn {
            program: program.to_path_buf(),
            source,
        })?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().next().unwrap_or("").trim().to_string();
    let major = line
        .split("version ")
        .nth(1)
        .and_then(|v| v.split('.').next())
        .and_then(|m| m.parse().ok());
    match major {
        Some(m) => Ok((m, line)),
        None => Err(LockstepError::QemuVersion {
            program: program.to_path_buf(),
            version: format!("not QEMU (`--version` printed `{line}`)"),
        }),
    }
}

/// Opens the pipe for writing without blocking and closes it again: a reader waiting in
/// `open` gets the end of the file. Does nothing when no reader is there.
fn poke(fifo: &Path) {
    use rustix::fs::{Mode, OFlags};
    let _ = rustix::fs::open(fifo, OFlags::WRONLY | OFlags::NONBLOCK, Mode::empty());
}

/// Copies what it reads to a file (`--keep-log`).
struct Tee<R> {
    inner: R,
    copy: File,
    path: PathBuf,
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.copy
            .write_all(&buf[..n])
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", self.path.display())))?;
        Ok(n)
    }
}

type Batch = Result<Vec<QemuStep>, QemuLogError>;

/// The reader thread: parses the pipe, sends batches; a batch goes out when full or when
/// nothing more is buffered (so that records before a pause in QEMU are not held back).
fn read_log(fifo: PathBuf, keep: Option<(PathBuf, File)>, tx: SyncSender<Batch>) {
    let file = match File::open(&fifo) {
        Ok(f) => f,
        Err(source) => {
            let _ = tx.send(Err(QemuLogError::Io { line: 0, source }));
            return;
        }
    };
    let reader: Box<dyn Read> = match keep {
        Some((path, copy)) => Box::new(Tee {
            inner: file,
            copy,
            path,
        }),
        None => Box::new(file),
    };
    let mut log = QemuLog::new(BufReader::with_capacity(1 << 16, reader));
    let mut batch = Vec::with_capacity(BATCH);
    loop {
        match log.next_step() {
            Ok(Some(step)) => {
                batch.push(step);
                if batch.len() == BATCH || log.get_ref().buffer().is_empty() {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    if tx.send(Ok(full)).is_err() {
                        return;
                    }
                }
            }
            Ok(None) => {
                if !batch.is_empty() {
                    let _ = tx.send(Ok(batch));
                }
                return;
            }
            Err(e) => {
                if !batch.is_empty() {
                    let _ = tx.send(Ok(std::mem::take(&mut batch)));
                }
                let _ = tx.send(Err(e));
                return;
            }
        }
    }
}

/// A running QEMU whose log is compared as it is written.
#[derive(Debug)]
pub struct LiveQemu {
    child: Child,
    rx: Option<Receiver<Batch>>,
    batch: std::vec::IntoIter<QemuStep>,
    reader: Option<JoinHandle<()>>,
    stderr: Option<JoinHandle<Vec<u8>>>,
    fifo: PathBuf,
    status: Option<ExitStatus>,
    /// Holds the pipe's directory until QEMU is gone.
    _dir: tempfile::TempDir,
}

impl LiveQemu {
    /// Starts `cmd` on `image`, logging into a fresh named pipe.
    pub fn spawn(cmd: &QemuCommand, image: &Path) -> Result<Self, LockstepError> {
        let file_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| LockstepError::File { path, source }
        };
        let dir = tempfile::Builder::new()
            .prefix("a64sim-difftest-")
            .tempdir()
            .map_err(file_err(&std::env::temp_dir()))?;
        let fifo = dir.path().join("qemu.log");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        )
        .map_err(|e| LockstepError::File {
            path: fifo.clone(),
            source: e.into(),
        })?;
        let keep = match &cmd.keep_log {
            Some(p) => Some((p.clone(), File::create(p).map_err(file_err(p))?)),
            None => None,
        };
        let (tx, rx) = sync_channel(BATCHES_IN_FLIGHT);
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || read_log(fifo, keep, tx))
        };
        let spawned = Command::new(&cmd.program)
            .args(cmd.args(image, &fifo))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn();
        let mut child = match spawned {
            Ok(c) => c,
            Err(source) => {
                drop(rx);
                poke(&fifo);
                let _ = reader.join();
                return Err(LockstepError::Spawn {
                    program: cmd.program.clone(),
                    source,
                });
            }
        };
        let stderr = child.stderr.take().map(|mut s| {
            std::thread::spawn(move || {
                let mut tail = Vec::new();
                let mut buf = [0u8; 4096];
                while let Ok(n) = s.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    tail.extend_from_slice(&buf[..n]);
                    if tail.len() > 2 * STDERR_TAIL {
                        tail.drain(..tail.len() - STDERR_TAIL);
                    }
                }
                tail
            })
        });
        Ok(LiveQemu {
            child,
            rx: Some(rx),
            batch: Vec::new().into_iter(),
            reader: Some(reader),
            stderr,
            fifo,
            status: None,
            _dir: dir,
        })
    }

    /// Notes whether QEMU has exited; once it has, makes sure the reader sees the end.
    fn check_exit(&mut self) {
        if self.status.is_none() {
            if let Ok(Some(s)) = self.child.try_wait() {
                self.status = Some(s);
                poke(&self.fifo);
            }
        }
    }

    /// How QEMU ended: waits (briefly) for its exit and reads its stderr.
    fn end(&mut self) -> QemuEnd {
        let deadline = Instant::now() + Duration::from_secs(5);
        while self.status.is_none() && Instant::now() < deadline {
            self.check_exit();
            std::thread::sleep(Duration::from_millis(10));
        }
        let Some(status) = self.status else {
            return QemuEnd {
                status: None,
                description: "QEMU closed its log but did not exit".into(),
            };
        };
        let _ = self.child.kill();
        let tail = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        let tail = String::from_utf8_lossy(&tail[tail.len().saturating_sub(STDERR_TAIL)..])
            .trim()
            .to_string();
        let mut description = match status.code() {
            Some(c) => format!("QEMU exited with status {c}"),
            None => format!("QEMU ended: {status}"),
        };
        if !status.success() && !tail.is_empty() {
            let last: Vec<&str> = tail.lines().rev().take(5).collect();
            let last: Vec<&str> = last.into_iter().rev().collect();
            description.push_str(&format!("; its last output: {}", last.join(" | ")));
        }
        QemuEnd {
            status: status.code(),
            description,
        }
    }
}

impl StepSource for LiveQemu {
    fn next_step(&mut self, patience: Duration) -> Result<Next, LockstepError> {
        if let Some(s) = self.batch.next() {
            return Ok(Next::Step(s));
        }
        let start = Instant::now();
        loop {
            let Some(rx) = &self.rx else {
                return Ok(Next::End(self.end()));
            };
            match rx.recv_timeout(Duration::from_millis(50)) {
                Ok(Ok(batch)) => {
                    self.batch = batch.into_iter();
                    if let Some(s) = self.batch.next() {
                        return Ok(Next::Step(s));
                    }
                }
                Ok(Err(e)) => {
                    self.rx = None;
                    // A log cut short by QEMU failing is QEMU's failure, not the log's.
                    let end = self.end();
                    return match end.status {
                        Some(0) => Err(e.into()),
                        _ => Err(LockstepError::QemuFailed(format!(
                            "{} ({e})",
                            end.description
                        ))),
                    };
                }
                Err(RecvTimeoutError::Disconnected) => self.rx = None,
                Err(RecvTimeoutError::Timeout) => {
                    self.check_exit();
                    if start.elapsed() >= patience {
                        return Ok(Next::Stalled(start.elapsed()));
                    }
                }
            }
        }
    }
}

impl Drop for LiveQemu {
    fn drop(&mut self) {
        // Unblock the reader first (it may wait to send), then stop QEMU, then a reader
        // still waiting in `open`.
        self.rx = None;
        if self.status.is_none() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        poke(&self.fifo);
        if let Some(h) = self.reader.take() {
            let _ = h.join();
        }
        if let Some(h) = self.stderr.take() {
            let _ = h.join();
        }
    }
}
