//! `a64sim run [IMAGE]`: load an image into the `virt` machine and run it.

use a64sim_cpu::{StopReason, TextTracer};
use a64sim_machine::{load_image, Console, Machine, MachineConfig};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// The built-in demo image (tests/asm/demo.S, assembled by `cargo xtask images`).
const DEMO_IMAGE: &[u8] = include_bytes!("../../../tests/images/demo.elf");

/// Options of `a64sim run`.
#[derive(Debug, Default, clap::Args)]
pub struct RunArgs {
    /// ELF64 AArch64 image, or a raw binary with --load-addr. Without it, the built-in demo.
    pub image: Option<PathBuf>,
    /// RAM size (bytes, or with a K/M/G suffix).
    #[arg(short = 'm', long = "memory", value_parser = parse_size)]
    pub memory: Option<usize>,
    /// Stop after this many instructions.
    #[arg(long)]
    pub max_insns: Option<u64>,
    /// Load IMAGE as a raw binary at this physical address (hex) and start there.
    #[arg(long, value_parser = parse_hex)]
    pub load_addr: Option<u64>,
    /// Write one line per executed instruction to this file.
    #[arg(long)]
    pub trace: Option<PathBuf>,
    /// Print the summary as JSON on stderr instead of text.
    #[arg(long)]
    pub json: bool,
}

fn parse_hex(s: &str) -> Result<u64, String> {
    let t = s.trim_start_matches("0x").trim_start_matches("0X");
    u64::from_str_radix(t, 16).map_err(|e| format!("`{s}` is not a hex address: {e}"))
}

/// Parses `512M`, `1G`, `65536`, `64K`.
pub fn parse_size(s: &str) -> Result<usize, String> {
    let (num, mult) = match s.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m: usize = match c.to_ascii_uppercase() {
                'K' => 1 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                _ => return Err(format!("`{s}`: unknown size suffix `{c}` (use K, M or G)")),
            };
            (&s[..i], m)
        }
        _ => (s, 1),
    };
    let n: usize = num
        .parse()
        .map_err(|e| format!("`{s}` is not a size: {e}"))?;
    let bytes = n
        .checked_mul(mult)
        .ok_or_else(|| format!("`{s}` is too large"))?;
    if !(1 << 20..=1 << 36).contains(&bytes) {
        return Err(format!("`{s}`: memory must be between 1M and 64G"));
    }
    Ok(bytes)
}

/// Runs the image and prints a summary line on stderr.
pub fn run(args: RunArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let config = MachineConfig {
        ram_size: args.memory.unwrap_or(512 << 20),
    };
    let image = match &args.image {
        Some(path) => load_image(path, args.load_addr)?,
        None => {
            eprintln!(
                "a64sim: no image given, running the built-in demo (see `a64sim run --help`)"
            );
            a64sim_machine::loader::parse_image(std::path::Path::new("<demo>"), DEMO_IMAGE, None)?
        }
    };
    let mut machine = Machine::new(&config, Console::Stdout);
    machine.load(&image)?;
    let budget = args.max_insns.unwrap_or(u64::MAX);
    let start = Instant::now();
    let outcome = match &args.trace {
        Some(path) => {
            let file =
                std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut tracer = TextTracer::new(std::io::BufWriter::new(file));
            let outcome = machine.run_traced(budget, &mut tracer);
            tracer
                .finish()
                .map_err(|e| format!("{}: {e}", path.display()))?;
            outcome
        }
        None => machine.run(budget),
    };
    let secs = start.elapsed().as_secs_f64();
    machine.bus.console().flush();
    let mips = outcome.retired as f64 / secs.max(1e-9) / 1e6;
    let (what, code) = match &outcome.reason {
        StopReason::Exit(c) => (
            format!("guest exited with status {c}"),
            ExitCode::from(*c as u8),
        ),
        StopReason::BudgetExhausted => (
            "instruction budget spent (--max-insns)".to_string(),
            ExitCode::SUCCESS,
        ),
        StopReason::Idle { pc } => (
            format!("guest idle: WFI at {pc:#x} with no interrupt source that could wake it"),
            ExitCode::SUCCESS,
        ),
        StopReason::Error(e) => (format!("emulator stopped: {e}"), ExitCode::from(2)),
    };
    if args.json {
        eprintln!(
            "{{\"instructions\":{},\"seconds\":{secs:.6},\"mips\":{mips:.1},\"pc\":\"{:#x}\",\"stop\":{:?}}}",
            outcome.retired, machine.cpu.pe.st.pc, what
        );
    } else {
        eprintln!(
            "a64sim: {} instructions in {secs:.3} s ({mips:.1} MIPS); {what}",
            outcome.retired
        );
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert!(parse_size("12Q").is_err());
        assert!(parse_size("4K").is_err());
        assert!(parse_size("M").is_err());
        assert!(parse_size("999999999999G").is_err());
    }
}
