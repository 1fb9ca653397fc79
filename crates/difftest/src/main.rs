//! `a64sim-difftest`: differential testing tools.
//!
//! `decode-sweep` compares a64sim's disassembler with capstone on random words, a range of
//! words, the whole 2^32 space, or the golden rows, and exits non-zero if any disagreement is
//! not explained by `capstone-allowlist.toml`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use a64sim_difftest::decode_sweep::{
    golden_words, sweep, Allowlist, Progress, SweepError, WordSource,
};
use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "a64sim-difftest", about = "Differential testing of a64sim")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compare the decoder/disassembler with capstone on many instruction words.
    DecodeSweep(SweepArgs),
    /// Run random cases under a64sim and QEMU and compare the final states.
    Random(a64sim_difftest::random::command::RandomArgs),
    /// Run regression case files under a64sim and QEMU and show where they differ.
    Replay(a64sim_difftest::random::command::ReplayArgs),
}

#[derive(Debug, Args)]
struct SweepArgs {
    /// First word of a sequential sweep (hex, with or without 0x).
    #[arg(long, value_parser = parse_hex_u32, default_value = "0")]
    start: u32,
    /// Number of consecutive words to check from --start (decimal, or hex with 0x).
    #[arg(long, value_parser = parse_u64, conflicts_with_all = ["all", "random", "golden"])]
    count: Option<u64>,
    /// Check all 2^32 words.
    #[arg(long, conflicts_with_all = ["random", "golden"])]
    all: bool,
    /// Check N pseudo-random words drawn from --seed.
    #[arg(long, value_name = "N", value_parser = parse_u64, conflicts_with = "golden")]
    random: Option<u64>,
    /// Seed of the random stream (decimal, or hex with 0x).
    #[arg(long, value_parser = parse_u64, default_value = "0")]
    seed: u64,
    /// Check the words of a golden file (PC<TAB>WORD<TAB>TEXT rows), e.g. isa/tests/golden/gnu.txt.
    #[arg(long, value_name = "FILE")]
    golden: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    jobs: Option<usize>,
    /// Also write the summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Use this allowlist instead of the built-in capstone-allowlist.toml.
    #[arg(long, value_name = "FILE")]
    allowlist: Option<PathBuf>,
    /// How many unexplained mismatches to list.
    #[arg(long, default_value_t = 50)]
    list: usize,
}

fn parse_hex_u32(s: &str) -> Result<u32, String> {
    let digits = s.trim_start_matches("0x").replace('_', "");
    u32::from_str_radix(&digits, 16).map_err(|e| format!("{s:?} is not a 32-bit hex number: {e}"))
}

fn parse_u64(s: &str) -> Result<u64, String> {
    let digits = s.replace('_', "");
    match digits.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => digits.parse(),
    }
    .map_err(|e| format!("{s:?} is not a 64-bit number: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::DecodeSweep(args) => match decode_sweep(&args) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::FAILURE,
            Err(e) => {
                eprintln!("a64sim-difftest: {e}");
                ExitCode::from(2)
            }
        },
        Command::Replay(args) => match a64sim_difftest::random::command::replay(&args) {
            Ok(code) => ExitCode::from(code),
            Err(e) => {
                eprintln!("a64sim-difftest: {e}");
                ExitCode::from(2)
            }
        },
        Command::Random(args) => match a64sim_difftest::random::command::run(&args) {
            Ok(code) => ExitCode::from(code),
            Err(e) => {
                eprintln!("a64sim-difftest: {e}");
                ExitCode::from(2)
            }
        },
    }
}

/// Runs the sweep; `Ok(false)` when there are unexplained mismatches.
fn decode_sweep(args: &SweepArgs) -> Result<bool, SweepError> {
    let allowlist = match &args.allowlist {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|source| SweepError::Io {
                path: path.clone(),
                source,
            })?;
            Allowlist::parse(&text, &path.display().to_string())?
        }
        None => Allowlist::builtin()?,
    };
    let source = if let Some(path) = &args.golden {
        let text = std::fs::read_to_string(path).map_err(|source| SweepError::Io {
            path: path.clone(),
            source,
        })?;
        WordSource::List(golden_words(&text, &path.display().to_string())?)
    } else if let Some(count) = args.random {
        WordSource::Random {
            seed: args.seed,
            count,
        }
    } else if args.all {
        WordSource::Range {
            start: 0,
            count: 1 << 32,
        }
    } else {
        WordSource::Range {
            start: args.start,
            count: args.count.unwrap_or(1 << 24).min(1 << 32),
        }
    };
    if let Some(jobs) = args.jobs {
        // Fails only if the global pool already exists, which it cannot here.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global();
    }

    let total = source.len();
    let progress = Progress::default();
    let finished = AtomicBool::new(false);
    let started = Instant::now();
    let summary = std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut last_print = Instant::now();
            while !finished.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                if last_print.elapsed() >= Duration::from_secs(1) {
                    last_print = Instant::now();
                    print_progress(&progress, total, started);
                }
            }
        });
        let result = sweep(&source, &allowlist, args.list, Some(&progress));
        finished.store(true, Ordering::Relaxed);
        result
    })?;
    print_progress(&progress, total, started);
    eprintln!();

    print!("{}", summary.report(&allowlist));
    if let Some(path) = &args.json {
        std::fs::write(path, summary.to_json(&allowlist)).map_err(|source| SweepError::Io {
            path: path.clone(),
            source,
        })?;
    }
    Ok(summary.unexplained() == 0)
}

fn print_progress(progress: &Progress, total: u64, started: Instant) {
    let done = progress.done.load(Ordering::Relaxed);
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    eprint!(
        "\r{done}/{total} words ({:.1}%), {:.0} words/s, {} unexplained mismatches   ",
        100.0 * done as f64 / total.max(1) as f64,
        done as f64 / secs,
        progress.mismatches.load(Ordering::Relaxed)
    );
}
