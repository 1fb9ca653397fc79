//! `cargo xtask difftest`: a long random difftest campaign against QEMU (release build of
//! `a64sim-difftest random`), with the regression cases written to
//! tests/difftest/regressions. Extra arguments go to `a64sim-difftest random`.

use crate::install;
use crate::test::{cargo, workspace_root};
use std::error::Error;

/// Options of `cargo xtask difftest`.
#[derive(Debug, clap::Args)]
pub struct DifftestArgs {
    /// Cases to run.
    #[arg(long, default_value_t = 10_000)]
    pub cases: u64,
    /// Instructions per case.
    #[arg(long, default_value_t = 100)]
    pub len: u32,
    /// Campaign seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// More options for `a64sim-difftest random` (after `--`).
    #[arg(last = true)]
    pub rest: Vec<String>,
}

/// Builds the campaign runner in release mode and runs it.
pub fn run(args: DifftestArgs) -> Result<(), Box<dyn Error>> {
    let root = workspace_root();
    let tools = install::detect();
    if tools.qemu.is_none() {
        return Err("QEMU 10 is not installed: run `cargo xtask test --tools-only` first".into());
    }
    let status = cargo(&root)
        .args(["run", "--release", "-p", "a64sim-difftest", "--", "random"])
        .args(["--cases", &args.cases.to_string()])
        .args(["--len", &args.len.to_string()])
        .args(["--seed", &args.seed.to_string()])
        .arg("--regressions")
        .arg(root.join("tests/difftest/regressions"))
        .arg("--json")
        .arg(root.join("target/difftest-report.json"))
        .args(&args.rest)
        .status()?;
    if status.success() {
        println!(
            "xtask: difftest: no unexplained divergence (report: target/difftest-report.json)"
        );
        Ok(())
    } else {
        Err(format!("difftest campaign failed ({status}); see target/difftest-report.json").into())
    }
}
