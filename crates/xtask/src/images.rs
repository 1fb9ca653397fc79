//! `cargo xtask images`: assemble the bare-metal test programs and refresh their
//! QEMU expectations.
//!
//! Every `tests/asm/NAME.S` is assembled with `aarch64-linux-gnu-as` (plain GNU as,
//! `.include` from `tests/asm/include`, no C preprocessor) and linked with
//! `aarch64-linux-gnu-ld -T tests/asm/link.ld --build-id=none` into
//! `tests/images/NAME.elf`. Nothing in the output depends on the time, the host or
//! the checkout path (the assembler runs in `tests/asm` with relative names), so the
//! same binutils release (2.40) rebuilds identical bytes.
//!
//! * no option: rebuild the ELF files in place (only files whose bytes change are
//!   rewritten);
//! * `--check`: build into a temporary directory and fail, listing the files, when a
//!   committed ELF is missing, differs, or has no source (what CI runs);
//! * `--expected`: rebuild, then run every image twice under QEMU with the comparison
//!   machine line and write `NAME.expected` (the exact semihosting output, which QEMU
//!   writes to its stderr) and `NAME.status` (QEMU's exit status and a newline).
//!
//! The cross tools are found as `${CROSS_COMPILE:-aarch64-linux-gnu-}as` and `...ld`.

use std::error::Error;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Options of `cargo xtask images`.
#[derive(Debug, clap::Args)]
pub struct ImagesArgs {
    /// Build into a temporary directory and fail if a committed ELF is stale or missing.
    #[arg(long, conflicts_with = "expected")]
    pub check: bool,
    /// Also run each image under QEMU and rewrite NAME.expected and NAME.status.
    #[arg(long)]
    pub expected: bool,
    /// QEMU binary used by --expected.
    #[arg(long, default_value = "qemu-system-aarch64")]
    pub qemu: PathBuf,
    /// Seconds each QEMU run may take before it is killed (--expected).
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
    /// Only these images (names of tests/asm/NAME.S without the extension); default all.
    pub names: Vec<String>,
}

/// The QEMU arguments of the comparison machine, from `tests/qemu-machine.args` (the one
/// place that line lives); the image follows as `-kernel IMAGE`.
pub fn qemu_machine_args() -> Result<Vec<String>> {
    let path = workspace_root().join("tests/qemu-machine.args");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect())
}

/// `-march` given to the assembler: Armv9.3-A (the newest level binutils 2.40 knows)
/// covers LSE, CRC32, `RCpc`, LOR, SB, ...; MTE (`+memtag`) is optional there.
const MARCH: &str = "-march=armv9.3-a+memtag";

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// Runs `cargo xtask images`.
pub fn run(args: ImagesArgs) -> Result<()> {
    let root = workspace_root();
    let asm_dir = root.join("tests/asm");
    let img_dir = root.join("tests/images");
    let sources = select_sources(&asm_dir, &args.names)?;
    let tools = CrossTools::find()?;

    let tmp = TempDir::new("a64sim-images")?;
    let mut stale = Vec::new();
    let mut updated = 0usize;
    for name in &sources {
        let built = tools.build(&asm_dir, name, tmp.path())?;
        let bytes = fs::read(&built).map_err(|e| io_err(&built, e))?;
        let target = img_dir.join(format!("{name}.elf"));
        let old = fs::read(&target).ok();
        let verdict = match &old {
            None => "new",
            Some(old) if *old == bytes => "unchanged",
            Some(_) => "changed",
        };
        if args.check {
            println!("images: check {name}.elf ({} bytes) {verdict}", bytes.len());
            if verdict != "unchanged" {
                stale.push(format!("tests/images/{name}.elf ({verdict})"));
            }
        } else {
            if verdict != "unchanged" {
                fs::create_dir_all(&img_dir).map_err(|e| io_err(&img_dir, e))?;
                fs::write(&target, &bytes).map_err(|e| io_err(&target, e))?;
                updated += 1;
            }
            println!("images: built {name}.elf ({} bytes) {verdict}", bytes.len());
        }
    }

    if args.check {
        if args.names.is_empty() {
            for elf in list_with_ext(&img_dir, "elf")? {
                if !sources.contains(&elf) {
                    stale.push(format!("tests/images/{elf}.elf (no tests/asm/{elf}.S)"));
                }
            }
        }
        if !stale.is_empty() {
            return Err(format!(
                "{} image(s) stale, run `cargo xtask images`: {}",
                stale.len(),
                stale.join(", ")
            )
            .into());
        }
        println!("images: {} image(s) up to date", sources.len());
        return Ok(());
    }
    println!(
        "images: {} image(s) built, {updated} updated, {} unchanged",
        sources.len(),
        sources.len() - updated
    );

    if args.expected {
        write_expected(&args, &img_dir, &sources)?;
    }
    Ok(())
}

/// Runs every image under QEMU twice and writes NAME.expected / NAME.status.
fn write_expected(args: &ImagesArgs, img_dir: &Path, sources: &[String]) -> Result<()> {
    check_qemu(&args.qemu)?;
    let timeout = Duration::from_secs(args.timeout);
    let mut failures = Vec::new();
    for name in sources {
        let elf = img_dir.join(format!("{name}.elf"));
        let first = run_qemu(&args.qemu, &elf, timeout)?;
        let second = run_qemu(&args.qemu, &elf, timeout)?;
        if first.output != second.output || first.status != second.status {
            return Err(format!(
                "{}: two QEMU runs differ (status {} vs {}, {} vs {} output bytes)",
                elf.display(),
                first.status,
                second.status,
                first.output.len(),
                second.output.len()
            )
            .into());
        }
        let expected = img_dir.join(format!("{name}.expected"));
        let status = img_dir.join(format!("{name}.status"));
        fs::write(&expected, &first.output).map_err(|e| io_err(&expected, e))?;
        fs::write(&status, format!("{}\n", first.status)).map_err(|e| io_err(&status, e))?;
        println!(
            "images: qemu {name}: status {}, {} output bytes, {:.2} s",
            first.status,
            first.output.len(),
            first.elapsed.as_secs_f64()
        );
        if first.status != 0 {
            failures.push(format!("{name} (status {})", first.status));
        }
    }
    if !failures.is_empty() {
        return Err(format!(
            "expectations written, but these images did not exit with 0: {}",
            failures.join(", ")
        )
        .into());
    }
    println!("images: {} expectation(s) written", sources.len());
    Ok(())
}

/// The workspace root: crates/xtask/../..
fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .nth(2)
        .map_or_else(|| manifest.to_path_buf(), Path::to_path_buf)
}

/// The image names to build: all tests/asm/*.S, or the requested ones.
fn select_sources(asm_dir: &Path, names: &[String]) -> Result<Vec<String>> {
    let all = list_with_ext(asm_dir, "S")?;
    if all.is_empty() {
        return Err(format!("no .S files in {}", asm_dir.display()).into());
    }
    if names.is_empty() {
        return Ok(all);
    }
    let mut picked = Vec::new();
    for name in names {
        let name = name.strip_suffix(".S").unwrap_or(name);
        if !all.iter().any(|n| n == name) {
            return Err(format!("no such program: {}/{name}.S", asm_dir.display()).into());
        }
        if !picked.iter().any(|n: &String| n == name) {
            picked.push(name.to_string());
        }
    }
    Ok(picked)
}

/// Sorted file stems in `dir` whose extension is `ext` (empty if `dir` is missing).
fn list_with_ext(dir: &Path, ext: &str) -> Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_err(dir, e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| io_err(dir, e))?.path();
        if path.is_file() && path.extension() == Some(OsStr::new(ext)) {
            if let Some(stem) = path.file_stem().and_then(OsStr::to_str) {
                names.push(stem.to_string());
            }
        }
    }
    names.sort();
    Ok(names)
}

/// The cross assembler and linker.
#[derive(Debug)]
struct CrossTools {
    asm: String,
    ld: String,
}

impl CrossTools {
    fn find() -> Result<Self> {
        let prefix =
            std::env::var("CROSS_COMPILE").unwrap_or_else(|_| "aarch64-linux-gnu-".to_string());
        let tools = Self {
            asm: format!("{prefix}as"),
            ld: format!("{prefix}ld"),
        };
        for tool in [&tools.asm, &tools.ld] {
            match Command::new(tool)
                .arg("--version")
                .stdout(Stdio::null())
                .status()
            {
                Ok(status) if status.success() => {}
                Ok(status) => return Err(format!("`{tool} --version` failed ({status})").into()),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    return Err(format!(
                        "{tool} not found: install binutils-aarch64-linux-gnu \
                         (or set CROSS_COMPILE to the tool prefix)"
                    )
                    .into())
                }
                Err(e) => return Err(format!("cannot run {tool}: {e}").into()),
            }
        }
        Ok(tools)
    }

    /// Assembles and links `asm_dir/NAME.S` into `out_dir/NAME.elf`.
    fn build(&self, asm_dir: &Path, name: &str, out_dir: &Path) -> Result<PathBuf> {
        let obj = out_dir.join(format!("{name}.o"));
        let elf = out_dir.join(format!("{name}.elf"));
        // Relative source and include names keep the checkout path out of the object.
        let mut asm = Command::new(&self.asm);
        asm.current_dir(asm_dir)
            .args([MARCH, "-I", "include", "-o"])
            .arg(&obj)
            .arg(format!("{name}.S"));
        run_tool(&mut asm, &format!("{name}.S"))?;
        let mut ld = Command::new(&self.ld);
        ld.current_dir(asm_dir)
            .args([
                "--build-id=none",
                "--no-warn-rwx-segments",
                "-z",
                "max-page-size=4096",
                "-z",
                "common-page-size=4096",
                "-T",
                "link.ld",
                "-o",
            ])
            .arg(&elf)
            .arg(&obj);
        run_tool(&mut ld, &format!("{name}.o"))?;
        Ok(elf)
    }
}

/// Runs a build tool; on failure returns its diagnostics as the error.
fn run_tool(cmd: &mut Command, what: &str) -> Result<()> {
    let program = cmd.get_program().to_string_lossy().into_owned();
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if out.status.success() {
        return Ok(());
    }
    let mut msg = format!("{program} failed on tests/asm/{what} ({})", out.status);
    let diag = String::from_utf8_lossy(&out.stderr);
    for line in diag.lines().filter(|l| !l.trim().is_empty()) {
        let _ = write!(msg, "\n  {line}");
    }
    Err(msg.into())
}

/// Fails with one line when QEMU cannot be run or is older than 10.0 (the oracle
/// version; 7.2 differs, e.g. it does not fault on unaligned Device accesses).
fn check_qemu(qemu: &Path) -> Result<()> {
    let out = match Command::new(qemu).arg("--version").output() {
        Ok(out) if out.status.success() => out,
        Ok(out) => {
            return Err(format!("`{} --version` failed ({})", qemu.display(), out.status).into())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(format!(
                "{} not found: install qemu-system-arm 10.0 from bookworm-backports \
                 (or pass --qemu PATH)",
                qemu.display()
            )
            .into())
        }
        Err(e) => return Err(format!("cannot run {}: {e}", qemu.display()).into()),
    };
    // "QEMU emulator version 10.0.2 (Debian ...)"
    let text = String::from_utf8_lossy(&out.stdout);
    let version = text
        .lines()
        .next()
        .and_then(|l| l.split("version ").nth(1))
        .and_then(|v| v.split_whitespace().next())
        .unwrap_or("");
    let major = version
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok());
    match major {
        Some(m) if m >= 10 => Ok(()),
        _ => Err(format!(
            "{} is QEMU {}; the expectations come from QEMU 10.0 \
             (qemu-system-arm from bookworm-backports)",
            qemu.display(),
            if version.is_empty() {
                "of unknown version"
            } else {
                version
            }
        )
        .into()),
    }
}

/// What one QEMU run produced.
#[derive(Debug)]
struct QemuRun {
    /// Semihosting output (QEMU's stderr).
    output: Vec<u8>,
    /// QEMU's exit status.
    status: i32,
    elapsed: Duration,
}

/// Runs `elf` under QEMU with the comparison machine line, killing it after `timeout`.
fn run_qemu(qemu: &Path, elf: &Path, timeout: Duration) -> Result<QemuRun> {
    let start = Instant::now();
    let mut child = Command::new(qemu)
        .args(qemu_machine_args()?)
        .arg("-kernel")
        .arg(elf)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", qemu.display()))?;
    let stdout = child.stdout.take().map(drain);
    let stderr = child.stderr.take().map(drain);
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "{}: QEMU did not exit within {} s",
                elf.display(),
                timeout.as_secs()
            )
            .into());
        }
        thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let stdout = stdout.map(join_drain).transpose()?.unwrap_or_default();
    let output = stderr.map(join_drain).transpose()?.unwrap_or_default();
    let Some(code) = status.code() else {
        return Err(format!("{}: QEMU killed by a signal ({status})", elf.display()).into());
    };
    // Semihosting output is all QEMU writes to stderr; its own diagnostics start with
    // the program name. The UART (stdout) must stay silent in these programs.
    let text = String::from_utf8_lossy(&output);
    if let Some(line) = text.lines().find(|l| l.starts_with("qemu-system-")) {
        return Err(format!("{}: QEMU diagnostic in the output: {line}", elf.display()).into());
    }
    if !stdout.is_empty() {
        return Err(format!(
            "{}: unexpected {} bytes on QEMU's stdout (UART): {:?}",
            elf.display(),
            stdout.len(),
            String::from_utf8_lossy(&stdout)
        )
        .into());
    }
    Ok(QemuRun {
        output,
        status: code,
        elapsed,
    })
}

/// Reads a pipe to its end on a helper thread.
fn drain<R: Read + Send + 'static>(mut pipe: R) -> thread::JoinHandle<io::Result<Vec<u8>>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        pipe.read_to_end(&mut buf)?;
        Ok(buf)
    })
}

fn join_drain(handle: thread::JoinHandle<io::Result<Vec<u8>>>) -> Result<Vec<u8>> {
    match handle.join() {
        Ok(result) => Ok(result?),
        Err(_) => Err("pipe reader thread panicked".into()),
    }
}

fn io_err(path: &Path, e: io::Error) -> Box<dyn Error> {
    format!("{}: {e}", path.display()).into()
}

/// A uniquely named temporary directory, removed on drop.
#[derive(Debug)]
struct TempDir(PathBuf);

impl TempDir {
    fn new(prefix: &str) -> Result<Self> {
        let base = std::env::temp_dir();
        for n in 0..1000u32 {
            let path = base.join(format!("{prefix}-{}-{n}", std::process::id()));
            match fs::create_dir(&path) {
                Ok(()) => return Ok(Self(path)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io_err(&path, e)),
            }
        }
        Err(format!("cannot create a temporary directory in {}", base.display()).into())
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}
