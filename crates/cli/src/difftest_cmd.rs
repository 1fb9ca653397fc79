//! `a64sim difftest trace IMAGE`: run an image under a64sim and under QEMU in lockstep and
//! report the first instruction after which the architectural state differs.

use a64sim_difftest::lockstep::{trace_image, Options, QemuCommand, Verdict};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Options of `a64sim difftest`.
#[derive(Debug, clap::Args)]
pub struct DifftestArgs {
    /// What to compare.
    #[command(subcommand)]
    pub command: DifftestCommand,
}

/// The `difftest` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum DifftestCommand {
    /// Run IMAGE under a64sim and QEMU with per-instruction state logging and report the
    /// first instruction whose architectural state differs. Exit status: 0 identical,
    /// 1 divergence, 2 error or no verdict (QEMU took an interrupt).
    Trace(TraceArgs),
    /// Run random instruction blocks (drawn from the encoding table) under a64sim and QEMU
    /// in parallel; shrink each divergence and explain it by a known-QEMU-difference rule
    /// or write it as a regression case. Exit status: 0 no unexplained divergence, 1 some,
    /// 2 error.
    Random(a64sim_difftest::random::command::RandomArgs),
    /// Run regression case files under a64sim and QEMU and show where they differ.
    Replay(a64sim_difftest::random::command::ReplayArgs),
}

/// Options of `a64sim difftest trace`.
#[derive(Debug, clap::Args)]
pub struct TraceArgs {
    /// ELF64 AArch64 image (run by QEMU with `-kernel`).
    pub image: PathBuf,
    /// Instructions shown before the divergence.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub context: usize,
    /// Compare at most N instructions.
    #[arg(long, value_name = "N", default_value = "2000000", value_parser = parse_count)]
    pub max_insns: u64,
    /// Print the report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// The QEMU binary (QEMU 10 or later).
    #[arg(long, value_name = "PATH", default_value = "qemu-system-aarch64")]
    pub qemu: PathBuf,
    /// Also write QEMU's log (as far as it was compared) to FILE.
    #[arg(long, value_name = "FILE")]
    pub keep_log: Option<PathBuf>,
    /// Report known differences too (by default the comparison tolerates, and counts, the
    /// differences its named rules explain, e.g. NZCV that QEMU clears on exception entry).
    #[arg(long)]
    pub strict: bool,
}

fn parse_count(s: &str) -> Result<u64, String> {
    let digits = s.replace('_', "");
    match digits.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => digits.parse(),
    }
    .map_err(|e| format!("`{s}` is not a count: {e}"))
}

/// Runs the subcommand.
pub fn run(args: DifftestArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    match args.command {
        DifftestCommand::Trace(t) => trace(t),
        DifftestCommand::Random(r) => {
            Ok(ExitCode::from(a64sim_difftest::random::command::run(&r)?))
        }
        DifftestCommand::Replay(r) => Ok(ExitCode::from(a64sim_difftest::random::command::replay(
            &r,
        )?)),
    }
}

fn trace(args: TraceArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut qemu = QemuCommand::new(&args.qemu);
    qemu.keep_log = args.keep_log.clone();
    let opts = Options {
        max_insns: args.max_insns,
        context: args.context,
        strict: args.strict,
        ..Options::default()
    };
    let start = Instant::now();
    let mut last = Instant::now();
    let terminal = std::io::stderr().is_terminal();
    let mut shown = false;
    let mut progress = |n: u64| {
        let every = if terminal { 1.0 } else { 10.0 };
        if last.elapsed().as_secs_f64() < every {
            return;
        }
        last = Instant::now();
        let rate = n as f64 / start.elapsed().as_secs_f64().max(1e-9);
        if terminal {
            eprint!("\ra64sim difftest: {n} instructions compared ({rate:.0}/s)   ");
            shown = true;
        } else {
            eprintln!("a64sim difftest: {n} instructions compared ({rate:.0}/s)");
        }
    };
    let result = trace_image(&args.image, &qemu, &opts, &mut progress);
    if shown {
        eprintln!();
    }
    let report = result?;
    if args.json {
        println!("{}", report.to_json());
    } else {
        print!("{report}");
    }
    Ok(match report.verdict {
        Verdict::Identical { .. } => ExitCode::SUCCESS,
        Verdict::Diverged(_) => ExitCode::from(1),
        Verdict::AsyncException { .. } => ExitCode::from(2),
    })
}

#[cfg(test)]
mod tests {
    use super::parse_count;

    #[test]
    fn counts() {
        assert_eq!(parse_count("2_000_000"), Ok(2_000_000));
        assert_eq!(parse_count("0x100"), Ok(256));
        assert!(parse_count("many").is_err());
    }
}
