//! `cargo xtask test`: what CI runs.
//!
//! Steps, in order, stopping at the first failure:
//! 1. `tools`  — make sure AArch64 binutils and QEMU 10.x are installed ([`crate::install`]);
//! 2. `fmt`    — `cargo fmt --all --check`;
//! 3. `clippy` — `cargo clippy --workspace --all-targets -- -D warnings`;
//! 4. `images` — `cargo xtask images --check` (committed ELFs up to date), when binutils exist;
//! 5. `test`   — `cargo test --workspace` (unit, property, image and difftest tests).
//!
//! A summary table (step, status, seconds) is printed at the end.

use crate::install;
use clap::Parser;
use std::error::Error;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Options of `cargo xtask test`.
#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// Do not install missing tools; only report what is there.
    #[arg(long)]
    pub skip_install: bool,
    /// Skip the `cargo fmt --check` and clippy steps.
    #[arg(long)]
    pub quick: bool,
    /// Only make sure the tools are installed (step 1), then stop.
    #[arg(long)]
    pub tools_only: bool,
}

/// The workspace root (two levels above this crate's manifest).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .nth(2)
        .unwrap_or(manifest)
        .to_path_buf()
}

/// A `cargo` command running in the workspace root, using the same cargo that runs us.
pub fn cargo(root: &Path) -> Command {
    let program = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let mut cmd = Command::new(program);
    cmd.current_dir(root).stdin(Stdio::null());
    cmd
}

/// [`cargo`] for the test steps: in CI (`CI` set), a build from scratch, incremental
/// compilation is switched off (measured: about 10 CPU-seconds less for `cargo test` on
/// 2 cores) unless `CARGO_INCREMENTAL` says otherwise.
fn cargo_step(root: &Path) -> Command {
    let mut cmd = cargo(root);
    if std::env::var_os("CI").is_some() && std::env::var_os("CARGO_INCREMENTAL").is_none() {
        cmd.env("CARGO_INCREMENTAL", "0");
    }
    cmd
}

/// How a step ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Status {
    /// Passed.
    Ok,
    /// Failed with this message.
    Failed(String),
    /// Not run, for this reason.
    Skipped(String),
}

/// One row of the summary table.
#[derive(Debug)]
struct Row {
    name: &'static str,
    status: Status,
    secs: f64,
}

/// Runs the steps and prints the summary.
pub fn run(args: TestArgs) -> Result<(), Box<dyn Error>> {
    let root = workspace_root();
    let started = Instant::now();
    let mut rows: Vec<Row> = Vec::new();
    let total_steps = 5;
    let mut n = 0;
    let mut header = |name: &str, what: &str| {
        n += 1;
        println!("\n==> [{n}/{total_steps}] {name}: {what}");
    };

    // 1. Tools.
    header(
        "tools",
        if args.skip_install {
            "detect AArch64 binutils and QEMU (--skip-install)"
        } else {
            "ensure AArch64 binutils and QEMU 10.x are installed"
        },
    );
    let t = Instant::now();
    let tools = if args.skip_install {
        let tools = install::detect();
        println!(
            "xtask: tools: binutils: {}",
            tools.binutils.as_deref().unwrap_or("not found")
        );
        println!(
            "xtask: tools: qemu: {}",
            tools.qemu.as_deref().unwrap_or("not found")
        );
        Ok(tools)
    } else {
        install::ensure_tools()
    };
    let tools = match tools {
        Ok(tools) => {
            rows.push(row("tools", Status::Ok, t));
            tools
        }
        Err(e) => {
            return fail(
                rows,
                row("tools", Status::Failed(e.to_string()), t),
                started,
            )
        }
    };
    if args.tools_only {
        print_summary(&rows, started);
        return Ok(());
    }

    // 2 and 3. Formatting and lints.
    let fmt_args: &[&str] = &["fmt", "--all", "--check"];
    let clippy_args: &[&str] = &[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ];
    for (name, cargo_args) in [("fmt", fmt_args), ("clippy", clippy_args)] {
        header(name, &format!("cargo {}", cargo_args.join(" ")));
        if args.quick {
            println!("skipped (--quick)");
            rows.push(Row {
                name,
                status: Status::Skipped("--quick".into()),
                secs: 0.0,
            });
            continue;
        }
        let t = Instant::now();
        let status = run_cargo(&root, cargo_args);
        if status != Status::Ok {
            return fail(rows, row(name, status, t), started);
        }
        rows.push(row(name, Status::Ok, t));
    }

    // 4. Committed images up to date.
    header("images", "cargo xtask images --check");
    if tools.have_binutils() {
        let t = Instant::now();
        match images_check() {
            Ok(()) => rows.push(row("images", Status::Ok, t)),
            Err(e) => {
                return fail(
                    rows,
                    row("images", Status::Failed(e.to_string()), t),
                    started,
                )
            }
        }
    } else {
        let why = "AArch64 binutils not installed".to_string();
        println!("skipped ({why})");
        rows.push(Row {
            name: "images",
            status: Status::Skipped(why),
            secs: 0.0,
        });
    }

    // 5. The test suite.
    let test_args: &[&str] = &["test", "--workspace"];
    header("test", &format!("cargo {}", test_args.join(" ")));
    let t = Instant::now();
    let status = run_cargo(&root, test_args);
    if status != Status::Ok {
        return fail(rows, row("test", status, t), started);
    }
    rows.push(row("test", Status::Ok, t));

    print_summary(&rows, started);
    println!("xtask: all steps passed");
    Ok(())
}

/// A row for a step that started at `t`.
fn row(name: &'static str, status: Status, t: Instant) -> Row {
    Row {
        name,
        status,
        secs: t.elapsed().as_secs_f64(),
    }
}

/// Records the failing step, prints the summary, and returns the error.
fn fail(mut rows: Vec<Row>, failed: Row, started: Instant) -> Result<(), Box<dyn Error>> {
    let msg = match &failed.status {
        Status::Failed(m) => format!("step `{}` failed: {m}", failed.name),
        _ => format!("step `{}` failed", failed.name),
    };
    rows.push(failed);
    print_summary(&rows, started);
    Err(msg.into())
}

/// Runs `cargo ARGS` in the workspace root with inherited output.
fn run_cargo(root: &Path, args: &[&str]) -> Status {
    match cargo_step(root).args(args).status() {
        Ok(s) if s.success() => Status::Ok,
        Ok(s) => Status::Failed(format!("`cargo {}` exited with {s}", args.join(" "))),
        Err(e) => Status::Failed(format!("cannot run cargo: {e}")),
    }
}

/// `cargo xtask images --check`, in-process.
fn images_check() -> Result<(), Box<dyn Error>> {
    /// Parses the images options exactly as `cargo xtask images --check` would.
    #[derive(Debug, Parser)]
    struct ImagesCheck {
        #[command(flatten)]
        args: crate::images::ImagesArgs,
    }
    let parsed = ImagesCheck::try_parse_from(["xtask images", "--check"])?;
    crate::images::run(parsed.args)
}

/// Prints the step / status / seconds table.
fn print_summary(rows: &[Row], started: Instant) {
    println!("\n==> summary");
    println!("{:<8} {:<8} {:>9}", "step", "status", "seconds");
    for r in rows {
        let (status, note) = match &r.status {
            Status::Ok => ("ok", String::new()),
            Status::Failed(m) => ("FAILED", format!("  {m}")),
            Status::Skipped(why) => ("skipped", format!("  ({why})")),
        };
        println!("{:<8} {:<8} {:>9.1}{note}", r.name, status, r.secs);
    }
    println!(
        "{:<8} {:<8} {:>9.1}",
        "total",
        "",
        started.elapsed().as_secs_f64()
    );
}
