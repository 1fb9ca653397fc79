//! Developer tasks for a64sim: `cargo xtask test|images|bench|difftest`.
//!
//! Each subcommand lives in its own module; this file only parses the command line.

mod bench;
mod difftest;
mod images;
mod install;
mod test;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Command line of `cargo xtask`.
#[derive(Debug, Parser)]
#[command(name = "xtask", about = "a64sim developer tasks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The developer tasks.
#[derive(Debug, Subcommand)]
enum Command {
    /// Install what is missing, then run every check and test (what CI runs).
    Test(test::TestArgs),
    /// Assemble tests/asm/*.S into tests/images/*.elf (and refresh QEMU expectations).
    Images(images::ImagesArgs),
    /// Run workload images under a64sim and QEMU and report time ratios.
    Bench(bench::BenchArgs),
    /// Run a long random difftest campaign against QEMU.
    Difftest(difftest::DifftestArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Test(args) => test::run(args),
        Command::Images(args) => images::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Difftest(args) => difftest::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
