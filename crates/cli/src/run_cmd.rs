//! `a64sim run [IMAGE]`: load an image into the `virt` machine and run it.

use crate::timing_args::build_model;
use a64sim_arch::El;
use a64sim_cpu::{NoTrace, QemuLogWriter, StateTracer, StopReason, TextTracer, Tracer, TrapTracer};
use a64sim_machine::{load_image, Console, Machine, MachineConfig};
use a64sim_timing::{CoreModel, CycleModel, Event, EventTotals, TrapReport};
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
    /// Format of --trace: `text` (one line per instruction with the registers it changed)
    /// or `qemu` (the state before each instruction, as QEMU's `-d cpu,exec` logs it).
    #[arg(long, value_enum, default_value_t, requires = "trace")]
    pub trace_format: TraceFormat,
    /// Print the summary as JSON on stderr instead of text.
    #[arg(long)]
    pub json: bool,
    /// Record every exception and print, after the summary, a table per exception kind and
    /// EL pair: count, mean/p50/p99 cycles to the ERET, mean handler instructions (with
    /// --json: a `trap_report` member of the JSON summary). Cycle model: the --timing
    /// preset, else `functional`.
    #[arg(long)]
    pub trap_report: bool,
    /// Run under a cycle model: a core preset (`functional`, `a55`, `n1`) or `off`. With a
    /// preset, the generic counter and the PMU follow modelled cycles and the summary
    /// gives cycles, IPC and the model's events; --trap-report uses the same model.
    #[arg(long, value_name = "PRESET")]
    pub timing: Option<String>,
    /// Override a parameter of the --timing preset (`l1d.size=64K`, `bp.penalty=15`, ...;
    /// a bad key lists the valid ones). Repeatable.
    #[arg(long = "timing-set", value_name = "KEY=VALUE")]
    pub timing_set: Vec<String>,
    /// Compile hot blocks to host code (`on`, the default where the host is x86-64) or
    /// interpret every instruction (`off`). Traces and cycle models always interpret.
    #[arg(long, value_enum, default_value_t)]
    pub jit: JitMode,
    /// Executions of a block before it is compiled (default 8; 0 compiles every block at
    /// its first execution, the widest test of the compiler).
    #[arg(long, value_name = "N")]
    pub jit_threshold: Option<u32>,
    /// Before running, set the allocation tags from FILE starting at physical ADDR (hex):
    /// one tag per byte, one byte per 16-byte granule (the KVM_ARM_MTE_COPY_TAGS format).
    #[arg(long, value_name = "ADDR,FILE", value_parser = parse_tag_load)]
    pub load_tags: Vec<TagLoad>,
    /// After the run, write the allocation tags of LEN bytes (hex) of RAM from ADDR (hex)
    /// to FILE, one tag per byte per 16-byte granule.
    #[arg(long, value_name = "ADDR,LEN,FILE", value_parser = parse_tag_dump)]
    pub dump_tags: Vec<TagDump>,
}

/// The settings of `--jit`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum JitMode {
    /// Compile hot blocks (where the host supports it).
    #[default]
    On,
    /// Interpret everything.
    Off,
}

/// The formats of `--trace`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TraceFormat {
    /// One line per instruction: PC, word, disassembly, registers it changed.
    #[default]
    Text,
    /// QEMU's `-d cpu,exec` records: PC, X0-X30, SP and PSTATE before each instruction.
    Qemu,
}

/// `--load-tags ADDR,FILE`.
#[derive(Clone, Debug)]
pub struct TagLoad {
    addr: u64,
    file: PathBuf,
}

/// `--dump-tags ADDR,LEN,FILE`.
#[derive(Clone, Debug)]
pub struct TagDump {
    addr: u64,
    len: u64,
    file: PathBuf,
}

fn parse_tag_load(s: &str) -> Result<TagLoad, String> {
    match s.split_once(',') {
        Some((a, f)) if !f.is_empty() => Ok(TagLoad {
            addr: parse_hex(a)?,
            file: PathBuf::from(f),
        }),
        _ => Err(format!("`{s}`: expected ADDR,FILE")),
    }
}

fn parse_tag_dump(s: &str) -> Result<TagDump, String> {
    let mut parts = s.splitn(3, ',');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(l), Some(f)) if !f.is_empty() => {
            let len = parse_hex(l)?;
            if len % 16 != 0 {
                return Err(format!(
                    "`{s}`: LEN must be a multiple of 16 (one tag per 16 bytes)"
                ));
            }
            Ok(TagDump {
                addr: parse_hex(a)?,
                len,
                file: PathBuf::from(f),
            })
        }
        _ => Err(format!("`{s}`: expected ADDR,LEN,FILE")),
    }
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
    for t in &args.load_tags {
        let tags = std::fs::read(&t.file).map_err(|e| format!("{}: {e}", t.file.display()))?;
        machine
            .copy_tags_in(t.addr, &tags)
            .map_err(|e| format!("--load-tags {}: {e}", t.file.display()))?;
        eprintln!(
            "a64sim: loaded {} tags for [{:#x}, {:#x}) from {}",
            tags.len(),
            t.addr,
            t.addr + 16 * tags.len() as u64,
            t.file.display()
        );
    }
    if args.jit == JitMode::Off {
        machine.cpu.jit.config.enabled = false;
    }
    if let Some(n) = args.jit_threshold {
        machine.cpu.jit.config.threshold = n;
    }
    let budget = args.max_insns.unwrap_or(u64::MAX);
    let model = match args.timing.as_deref() {
        None | Some("off") => {
            if !args.timing_set.is_empty() {
                return Err("--timing-set needs --timing PRESET".into());
            }
            None
        }
        Some(name) => Some(build_model("--timing", name, &args.timing_set)?),
    };
    let retired = machine.cpu.pe.retired;
    let mut timed = model.map(|m| {
        let t = TrapTracer::<CoreModel, true>::new(m, retired);
        t.install(&mut machine.cpu.pe);
        t
    });
    let mut bulk = (timed.is_none() && args.trap_report)
        .then(|| TrapTracer::<CoreModel, false>::new(CoreModel::default(), retired));
    let start = Instant::now();
    let outcome = match (timed.as_mut(), bulk.as_mut()) {
        (Some(t), _) => execute(&mut machine, &args, budget, Some(t))?,
        (None, Some(t)) => execute(&mut machine, &args, budget, Some(t))?,
        (None, None) => execute::<NoTrace>(&mut machine, &args, budget, None)?,
    };
    let secs = start.elapsed().as_secs_f64();
    machine.bus.console().flush();
    for t in &args.dump_tags {
        let mut tags = vec![0; (t.len / 16) as usize];
        machine
            .copy_tags_out(t.addr, &mut tags)
            .map_err(|e| format!("--dump-tags {}: {e}", t.file.display()))?;
        std::fs::write(&t.file, &tags).map_err(|e| format!("{}: {e}", t.file.display()))?;
        eprintln!(
            "a64sim: wrote {} tags of [{:#x}, {:#x}) to {}",
            tags.len(),
            t.addr,
            t.addr + t.len,
            t.file.display()
        );
    }
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
    let pe = &machine.cpu.pe;
    let timing = timed.as_mut().map(|t| Timing {
        preset: t.model.name(),
        cycles: t.cycles(pe),
        events: pe.events,
        freq_hz: t.model.frequency_hz(),
    });
    let report = match (timed.as_mut(), bulk.as_mut()) {
        (Some(t), _) if args.trap_report => Some((t.cycles(pe), t.report())),
        (None, Some(t)) => Some((t.cycles(pe), t.report())),
        _ => None,
    };
    let jit = &machine.cpu.jit.stats;
    let jit_share = jit.retired as f64 * 100.0 / outcome.retired.max(1) as f64;
    if args.json {
        let mut extra = String::new();
        extra.push_str(&format!(
            ",\"jit\":{{\"enabled\":{},\"compiled_blocks\":{},\"rejected_blocks\":{},\
             \"code_bytes\":{},\"retired\":{},\"fallbacks\":{}}}",
            machine.cpu.jit.config.enabled,
            jit.compiled_blocks,
            jit.rejected_blocks,
            jit.code_bytes,
            jit.retired,
            jit.fallbacks
        ));
        if let Some(t) = &timing {
            extra.push_str(&t.to_json(outcome.retired));
        }
        if let Some((cycles, r)) = &report {
            if timing.is_none() {
                extra.push_str(&format!(",\"cycles\":{cycles}"));
            }
            extra.push_str(&format!(",\"trap_report\":{}", r.to_json()));
        }
        eprintln!(
            "{{\"instructions\":{},\"seconds\":{secs:.6},\"mips\":{mips:.1},\"pc\":\"{:#x}\",\"stop\":{:?}{extra}}}",
            outcome.retired, pe.st.pc, what
        );
    } else {
        eprintln!(
            "a64sim: {} instructions in {secs:.3} s ({mips:.1} MIPS); {what}",
            outcome.retired
        );
        if let Some(t) = &timing {
            eprintln!("{}", t.to_text(outcome.retired));
        }
        if let Some((cycles, r)) = &report {
            if timing.is_none() {
                eprintln!("a64sim: {cycles} cycles");
            }
            print_report(r);
        }
        if jit.no_executable_memory {
            eprintln!(
                "a64sim: jit: the host refused executable memory; everything was interpreted"
            );
        }
        if jit.compiled_blocks > 0 {
            eprintln!(
                "a64sim: jit: {} blocks compiled ({:.1} KiB of code), {jit_share:.1}% of \
                 instructions ran compiled",
                jit.compiled_blocks,
                jit.code_bytes as f64 / 1024.0
            );
        }
    }
    Ok(code)
}

/// What a timed run reports: the preset, modelled cycles and the model's events.
struct Timing {
    preset: &'static str,
    cycles: u64,
    events: EventTotals,
    freq_hz: u64,
}

impl Timing {
    /// Events summed over every EL.
    fn total(&self, e: Event) -> u64 {
        self.events.sum(e, |_| true)
    }

    fn ipc(&self, insns: u64) -> f64 {
        insns as f64 / self.cycles.max(1) as f64
    }

    fn to_text(&self, insns: u64) -> String {
        format!(
            "a64sim: timing {}: {} cycles ({:.3} ms at {} MHz), IPC {:.3}; L1D refills {}, \
             L1I refills {}, L1D TLB refills {}, branch mispredictions {}, exceptions {}",
            self.preset,
            self.cycles,
            self.cycles as f64 * 1e3 / self.freq_hz.max(1) as f64,
            self.freq_hz / 1_000_000,
            self.ipc(insns),
            self.total(Event::L1dCacheRefill),
            self.total(Event::L1iCacheRefill),
            self.total(Event::L1dTlbRefill),
            self.total(Event::BrMisPred),
            self.total(Event::ExcTaken),
        )
    }

    fn to_json(&self, insns: u64) -> String {
        let per_el = |e: Event| {
            let v: Vec<String> = [El::El0, El::El1, El::El2, El::El3]
                .iter()
                .map(|&el| self.events.get(e, el).to_string())
                .collect();
            format!("[{}]", v.join(","))
        };
        format!(
            ",\"timing\":{{\"preset\":\"{}\",\"cycles\":{},\"freq_hz\":{},\"ipc\":{:.4},\
             \"events_by_el\":{{\"inst_retired\":{},\"cpu_cycles\":{},\"l1d_cache_refill\":{},\
             \"l1i_cache_refill\":{},\"l1d_tlb_refill\":{},\"br_mis_pred\":{},\"exc_taken\":{}}}}},\
             \"cycles\":{}",
            self.preset,
            self.cycles,
            self.freq_hz,
            self.ipc(insns),
            per_el(Event::InstRetired),
            per_el(Event::CpuCycles),
            per_el(Event::L1dCacheRefill),
            per_el(Event::L1iCacheRefill),
            per_el(Event::L1dTlbRefill),
            per_el(Event::BrMisPred),
            per_el(Event::ExcTaken),
            self.cycles,
        )
    }
}

fn print_report(r: &TrapReport) {
    eprint!("{}", r.to_text());
}

/// Runs `machine` with the --trace tracer (if any) and `extra` beside it.
fn execute<U: Tracer>(
    machine: &mut Machine,
    args: &RunArgs,
    budget: u64,
    extra: Option<&mut U>,
) -> Result<a64sim_cpu::RunOutcome, Box<dyn std::error::Error>> {
    let Some(path) = &args.trace else {
        return Ok(match extra {
            Some(t) => machine.run_traced(budget, t),
            None => machine.run(budget),
        });
    };
    let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let out = std::io::BufWriter::new(file);
    let (outcome, written) = match args.trace_format {
        TraceFormat::Text => {
            let mut tracer = TextTracer::new(out);
            let outcome = run_with(machine, budget, &mut tracer, extra);
            (outcome, tracer.finish())
        }
        TraceFormat::Qemu => {
            let mut tracer = StateTracer::new(QemuLogWriter::new(out));
            let outcome = run_with(machine, budget, &mut tracer, extra);
            (outcome, tracer.sink.finish())
        }
    };
    written.map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(outcome)
}

/// Runs with `tracer`, and `extra` beside it when there is one.
fn run_with<T: Tracer, U: Tracer>(
    machine: &mut Machine,
    budget: u64,
    tracer: &mut T,
    extra: Option<&mut U>,
) -> a64sim_cpu::RunOutcome {
    match extra {
        Some(t) => machine.run_traced(budget, &mut (tracer, t)),
        None => machine.run_traced(budget, tracer),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn tag_options() {
        let d = super::parse_tag_dump("0x40000000,1000,t.bin").unwrap();
        assert_eq!((d.addr, d.len), (0x4000_0000, 0x1000));
        assert!(super::parse_tag_dump("40000000,18,t.bin").is_err());
        assert!(super::parse_tag_dump("40000000,10").is_err());
        let l = super::parse_tag_load("40000000,a,b.bin").unwrap();
        assert_eq!(l.file.to_str(), Some("a,b.bin"));
        assert!(super::parse_tag_load("zz,f").is_err());
        assert!(super::parse_tag_load("40000000,").is_err());
    }

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
