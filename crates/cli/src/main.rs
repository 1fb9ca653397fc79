//! `a64sim`: run AArch64 images, disassemble words, compare with QEMU.

mod bench_traps_cmd;
mod difftest_cmd;
mod disasm_cmd;
mod plot;
mod run_cmd;
mod timing_args;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Command line of `a64sim`.
#[derive(Debug, Parser)]
#[command(
    name = "a64sim",
    version,
    about = "A cycle-approximate AArch64 system emulator"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Run an image (the built-in demo when no image is given).
    Run(run_cmd::RunArgs),
    /// Disassemble instruction words.
    Disasm(disasm_cmd::DisasmArgs),
    /// Compare a64sim with QEMU (`difftest trace IMAGE`: the first instruction whose
    /// architectural state differs).
    Difftest(difftest_cmd::DifftestArgs),
    /// Measure the trap paths hypervisors care about (HVC, SMC, SVC, trapped MRS/MSR with
    /// UNDEF injection, stage-2 abort, WFI, tag-check fault) under each core preset.
    BenchTraps(bench_traps_cmd::BenchTrapsArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Run(args)) => run_cmd::run(args),
        Some(Command::Disasm(args)) => disasm_cmd::run(args),
        Some(Command::Difftest(args)) => difftest_cmd::run(args),
        Some(Command::BenchTraps(args)) => bench_traps_cmd::run(args),
        None => run_cmd::run(run_cmd::RunArgs::default()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("a64sim: {e}");
            ExitCode::from(2)
        }
    }
}
