//! `a64sim disasm WORD... | --file F`: GNU-syntax disassembly of instruction words.

use a64sim_isa::{disassemble, Disassembly};
use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `a64sim disasm`.
#[derive(Debug, clap::Args)]
pub struct DisasmArgs {
    /// Instruction words in hex (`d503201f` or `0xd503201f`).
    words: Vec<String>,
    /// Read little-endian words from a raw binary file instead.
    #[arg(long)]
    file: Option<PathBuf>,
    /// Address of the first word (for PC-relative targets).
    #[arg(long, default_value = "0", value_parser = parse_hex_u64)]
    pc: u64,
}

fn parse_hex_u64(s: &str) -> Result<u64, String> {
    let t = s.trim_start_matches("0x").trim_start_matches("0X");
    u64::from_str_radix(t, 16).map_err(|e| format!("`{s}` is not a hex number: {e}"))
}

/// Prints `address: word  text` for each word.
pub fn run(args: DisasmArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut words = Vec::new();
    for w in &args.words {
        let v = parse_hex_u64(w)?;
        let v = u32::try_from(v).map_err(|_| format!("`{w}` does not fit in 32 bits"))?;
        words.push(v);
    }
    if let Some(path) = &args.file {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if bytes.len() % 4 != 0 {
            return Err(format!(
                "{}: length {} is not a multiple of 4",
                path.display(),
                bytes.len()
            )
            .into());
        }
        words.extend(
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
        );
    }
    if words.is_empty() {
        return Err("no words given (pass hex words or --file)".into());
    }
    for (i, w) in words.iter().enumerate() {
        let pc = args.pc.wrapping_add(4 * i as u64);
        let text = match disassemble(*w, pc) {
            Disassembly::Text(t) => t,
            other => other.text_or_placeholder(),
        };
        println!("{pc:8x}: {w:08x}  {text}");
    }
    Ok(ExitCode::SUCCESS)
}
