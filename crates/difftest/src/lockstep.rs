//! Lockstep comparison of a64sim with QEMU: the first instruction after which the
//! architectural state differs.
//!
//! a64sim runs in this process with a [`StateTracer`] that records, before every step, the
//! state QEMU's `-d cpu` log shows (PC, X0–X30, SP, PSTATE, security state). QEMU runs as a
//! subprocess with the machine line of `tests/qemu-machine.args` and [`TRACE_ARGS`], writing
//! its log into a named pipe that a reader thread parses ([`LiveQemu`]); nothing is
//! stored, so the comparison runs in constant memory however long the program is. Record `i`
//! of one stream is compared with record `i` of the other, up to [`Options::max_insns`].
//!
//! Both streams have one record per step: an instruction, or a step that raises an exception
//! before fetching (misaligned PC, PSTATE.IL), which QEMU logs like an instruction. An
//! exception taken by an instruction shows as the next record being the handler's first
//! instruction, on both sides; an abort on the fetch itself has no record on either side. What the comparison knows about QEMU's behaviour:
//!
//! - Semihosting (`HLT #0xF000`) is a record like any instruction (QEMU handles the call
//!   when the instruction executes and logs the next one).
//! - Differences with a known cause are tolerated by the named [`RULES`] (and counted in
//!   the report): X0 after SYS_WRITEC/SYS_WRITE0, NZCV that QEMU clears on exception entry.
//!   [`Options::strict`] turns them off.
//! - Asynchronous exceptions (IRQ, FIQ, SError, virtual and NMI forms) depend on timing and
//!   are out of scope: QEMU logs their entry (`-d int`), and the comparison stops there with
//!   [`Verdict::AsyncException`].
//! - A program that waits in WFI with nothing to wake it stops a64sim ("idle"); QEMU just
//!   stops logging. Both idle counts as the same end.

mod qemu;
mod report;

pub use qemu::{qemu_version, LiveQemu, QemuCommand};
pub use report::{ContextRow, Divergence, DivergenceKind, FieldDiff, InsnInfo, Report, Verdict};

use crate::qemu_log::{EventKind, LogEvent, QemuLog, QemuLogError, QemuStep};
use a64sim_cpu::trace_state::{StateRecord, StateTracer};
use a64sim_cpu::StopReason;
use a64sim_machine::semihosting::{SYS_WRITE0, SYS_WRITEC};
use a64sim_machine::{load_image, Console, LoadError, Machine, MachineConfig};
use std::collections::VecDeque;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The QEMU machine line every comparison uses: `tests/qemu-machine.args`, read at build
/// time (the one place it is written; see [`machine_args`]).
pub const MACHINE_ARGS: &str = include_str!("../../../tests/qemu-machine.args");

/// The QEMU options that make it log the state before every instruction: one instruction per
/// translation block, `-d cpu` (registers) `exec` (one record per executed block) `nochain`
/// (no direct jumps between blocks, so every block is logged) `int` (exception entries).
pub const TRACE_ARGS: [&str; 4] = [
    "-accel",
    "tcg,one-insn-per-tb=on",
    "-d",
    "cpu,exec,nochain,int",
];

/// `HLT #0xF000`, the AArch64 semihosting call.
const HLT_SEMIHOSTING: u32 = 0xd45e_0000;

/// Steps a64sim runs between two looks at QEMU's records.
const CHUNK: u64 = 4096;

/// Chunks in a row in which a64sim may take exceptions without a single record before the
/// comparison gives up on it (a loop of instruction aborts on the vector, say).
const MAX_EMPTY_CHUNKS: u32 = 256;

/// The arguments of a machine-line file: one per line, `#` lines and blank lines skipped.
pub fn machine_args(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// The RAM size a machine line gives with `-m` (`512M`), if it gives one a64sim can use.
pub fn ram_size(args: &[String]) -> Option<usize> {
    let i = args.iter().position(|a| a == "-m")?;
    let s = args.get(i + 1)?.trim();
    let (num, shift) = match s.as_bytes().last()? {
        b'G' | b'g' => (&s[..s.len() - 1], 30),
        b'M' | b'm' => (&s[..s.len() - 1], 20),
        b'K' | b'k' => (&s[..s.len() - 1], 10),
        // QEMU reads a bare number as MiB.
        _ => (s, 20),
    };
    num.parse::<usize>().ok()?.checked_mul(1 << shift)
}

/// How a comparison runs.
#[derive(Clone, Debug)]
pub struct Options {
    /// Records to compare at most.
    pub max_insns: u64,
    /// Records shown before a divergence.
    pub context: usize,
    /// How long to wait for QEMU's next record while a64sim has one.
    pub stall_timeout: Duration,
    /// How long to wait for QEMU once a64sim idles in WFI (QEMU then logs nothing more).
    pub idle_grace: Duration,
    /// The progress callback is called every this many records.
    pub progress_every: u64,
    /// Report every difference, including those the [`RULES`] explain.
    pub strict: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_insns: 2_000_000,
            context: 8,
            stall_timeout: Duration::from_secs(30),
            idle_grace: Duration::from_secs(2),
            progress_every: 1 << 16,
            strict: false,
        }
    }
}

/// Why a comparison could not be made.
#[derive(Debug, thiserror::Error)]
pub enum LockstepError {
    /// The image cannot be loaded into a64sim.
    #[error(transparent)]
    Image(#[from] LoadError),
    /// QEMU's log is malformed.
    #[error(transparent)]
    Log(#[from] QemuLogError),
    /// QEMU cannot be run.
    #[error("cannot run {program}: {source}")]
    Spawn {
        /// The QEMU binary.
        program: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// QEMU is not version 10 or later.
    #[error("{program} is {version}; the comparison needs QEMU 10 (one-insn-per-tb, fixed MTE)")]
    QemuVersion {
        /// The QEMU binary.
        program: PathBuf,
        /// What `--version` printed.
        version: String,
    },
    /// QEMU ended without logging a single instruction.
    #[error("QEMU logged no instruction: {0}")]
    NoRecords(String),
    /// QEMU failed while logging.
    #[error("QEMU failed: {0}")]
    QemuFailed(String),
    /// A file or pipe of the comparison failed.
    #[error("{path}: {source}")]
    File {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Capstone could not be opened.
    #[error("capstone: {0}")]
    Capstone(String),
}

/// How QEMU's log ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QemuEnd {
    /// QEMU's exit status (its semihosting exit status), when known.
    pub status: Option<i32>,
    /// What happened, for the report.
    pub description: String,
}

/// The next thing a [`StepSource`] has.
#[derive(Clone, Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "one per record, moved once; boxing would allocate per record"
)]
pub enum Next {
    /// A record.
    Step(QemuStep),
    /// The log ended.
    End(QemuEnd),
    /// No record came within the time given.
    Stalled(Duration),
}

/// A stream of QEMU records: a live QEMU, or a log read from a file.
pub trait StepSource {
    /// The next record, waiting at most `patience` for it.
    fn next_step(&mut self, patience: Duration) -> Result<Next, LockstepError>;
}

/// QEMU records from a log already written (a file, a test fixture).
#[derive(Debug)]
pub struct LogSource<R> {
    log: QemuLog<R>,
}

impl<R: BufRead> LogSource<R> {
    /// Records parsed from `reader`.
    pub fn new(reader: R) -> Self {
        LogSource {
            log: QemuLog::new(reader),
        }
    }
}

impl<R: BufRead> StepSource for LogSource<R> {
    fn next_step(&mut self, _patience: Duration) -> Result<Next, LockstepError> {
        Ok(match self.log.next_step()? {
            Some(s) => Next::Step(s),
            None => Next::End(QemuEnd {
                status: None,
                description: format!("the log ends at line {}", self.log.line()),
            }),
        })
    }
}

/// Runs `image` under a64sim and under QEMU (`qemu`) and compares them.
pub fn trace_image(
    image: &Path,
    qemu: &QemuCommand,
    opts: &Options,
    progress: &mut dyn FnMut(u64),
) -> Result<Report, LockstepError> {
    let (major, version) = qemu_version(&qemu.program)?;
    if major < 10 {
        return Err(LockstepError::QemuVersion {
            program: qemu.program.clone(),
            version,
        });
    }
    let loaded = load_image(image, None)?;
    let config = MachineConfig {
        ram_size: ram_size(&qemu.machine_args).unwrap_or(MachineConfig::default().ram_size),
    };
    // The guest's console output is not part of the comparison.
    let (console, _output) = Console::capture();
    let mut machine = Machine::new(&config, console);
    machine.load(&loaded)?;
    let mut live = LiveQemu::spawn(qemu, image)?;
    let mut report = compare(&mut machine, &mut live, opts, progress)?;
    report.qemu_version = Some(version);
    Ok(report)
}

/// Why a64sim stopped producing records.
#[derive(Clone, Debug)]
enum OursStop {
    /// The run loop stopped.
    Cpu(StopReason),
    /// Exceptions without instructions for too long.
    NoProgress,
}

impl OursStop {
    fn describe(&self) -> String {
        match self {
            OursStop::Cpu(StopReason::Exit(c)) => format!("guest exited with status {c}"),
            OursStop::Cpu(StopReason::Idle { pc }) => {
                format!("WFI at {pc:#x} with no interrupt source that could wake it")
            }
            OursStop::Cpu(StopReason::Error(e)) => format!("emulator stopped: {e}"),
            OursStop::Cpu(StopReason::BudgetExhausted) => "instruction budget spent".into(),
            OursStop::NoProgress => format!(
                "{} steps of exceptions without an instruction (a fault on every fetch?)",
                CHUNK * MAX_EMPTY_CHUNKS as u64
            ),
        }
    }
}

/// a64sim's records, produced a chunk at a time.
struct Ours<'m> {
    machine: &'m mut Machine,
    tracer: StateTracer<Vec<StateRecord>>,
    pos: usize,
    stop: Option<OursStop>,
}

impl Ours<'_> {
    fn next(&mut self) -> Option<StateRecord> {
        let mut empty = 0;
        loop {
            if let Some(r) = self.tracer.sink.get(self.pos) {
                self.pos += 1;
                return Some(r.clone());
            }
            if self.stop.is_some() {
                return None;
            }
            self.tracer.sink.clear();
            self.pos = 0;
            let outcome = self.machine.run_traced(CHUNK, &mut self.tracer);
            if outcome.reason != StopReason::BudgetExhausted {
                self.stop = Some(OursStop::Cpu(outcome.reason));
            } else if self.tracer.sink.is_empty() {
                empty += 1;
                if empty == MAX_EMPTY_CHUNKS {
                    self.stop = Some(OursStop::NoProgress);
                }
            }
        }
    }
}

/// A known difference between a64sim and QEMU that the comparison tolerates (unless
/// [`Options::strict`]): when the rule matches the instruction that produced a difference,
/// the difference (as an XOR delta on one field) is remembered and accepted for as long as
/// the field differs by exactly that delta. Once the field agrees again the tolerance ends;
/// if it differs otherwise, that is a divergence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The rule's name (for QEMU deviations, the entry in
    /// `tests/difftest/known-qemu-differences.md`).
    pub name: &'static str,
    /// Why the difference is expected.
    pub reason: &'static str,
}

/// The tolerance rules, in the order they are tried.
pub const RULES: [Rule; 2] = [
    Rule {
        name: "semihosting-corrupts-x0",
        reason: "SYS_WRITEC and SYS_WRITE0 leave X0 corrupted (semihosting specification); \
                 QEMU writes 0xdeadbeef, a64sim returns the parameter block address",
    },
    Rule {
        name: "exception-entry-clears-nzcv",
        reason: "QEMU clears PSTATE.{N,Z,C,V} on exception entry; AArch64.TakeException \
                 leaves them unchanged, as a64sim does",
    },
];

/// A field of a record that a rule may tolerate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    /// X0–X30.
    X(usize),
    /// The PSTATE hex.
    Pstate,
}

impl Field {
    fn delta(self, a: &StateRecord, q: &StateRecord) -> u64 {
        match self {
            Field::X(i) => a.x[i] ^ q.x[i],
            Field::Pstate => (a.pstate ^ q.pstate) as u64,
        }
    }
}

/// A tolerance in force.
#[derive(Clone, Copy, Debug)]
struct Active {
    field: Field,
    delta: u64,
    rule: usize,
}

/// The rules' state during a comparison.
#[derive(Debug, Default)]
struct Tolerances {
    active: Vec<Active>,
    /// Tolerances that ended at the last record because the field then differed otherwise.
    broken: Vec<Active>,
    /// Per rule: how often it matched, and the first record it matched at.
    used: [(u64, Option<u64>); RULES.len()],
}

impl Tolerances {
    /// The rule that explains a difference of `field` by `delta` in the state after `prev`
    /// (QEMU having logged `events` in between), if one does.
    fn explain(
        field: Field,
        delta: u64,
        prev: &StateRecord,
        q: &StateRecord,
        events: &[LogEvent],
    ) -> Option<usize> {
        const NZCV: u64 = 0xf000_0000;
        match field {
            Field::X(0)
                if prev.word == Some(HLT_SEMIHOSTING)
                    && matches!(prev.x[0] as u32, SYS_WRITEC | SYS_WRITE0) =>
            {
                Some(0)
            }
            Field::Pstate
                if delta & !NZCV == 0
                    && q.pstate as u64 & NZCV == 0
                    && events.iter().any(|e| {
                        matches!(e.kind, EventKind::Exception { .. }) && !e.is_semihosting()
                    }) =>
            {
                Some(1)
            }
            _ => None,
        }
    }

    /// Splits the differing fields of `a` and `q` into tolerated ones and the rest; returns
    /// whether all of them are tolerated.
    fn accept(
        &mut self,
        index: u64,
        a: &StateRecord,
        q: &StateRecord,
        prev: Option<&StateRecord>,
        events: &[LogEvent],
        strict: bool,
    ) -> bool {
        let mut all = true;
        self.broken.clear();
        let mut fields: Vec<Field> = (0..31).map(Field::X).collect();
        fields.push(Field::Pstate);
        for field in fields {
            let delta = field.delta(a, q);
            let known = self.active.iter().position(|t| t.field == field);
            match known {
                Some(k) if delta == self.active[k].delta => continue,
                Some(k) => {
                    let ended = self.active.swap_remove(k);
                    if delta != 0 {
                        self.broken.push(ended);
                    }
                }
                None => {}
            }
            if delta == 0 {
                continue;
            }
            let rule = prev
                .filter(|_| !strict)
                .and_then(|p| Self::explain(field, delta, p, q, events));
            match rule {
                Some(rule) => {
                    self.active.push(Active { field, delta, rule });
                    let used = &mut self.used[rule];
                    used.0 += 1;
                    used.1.get_or_insert(index);
                }
                None => all = false,
            }
        }
        all
    }

    /// Whether `field` is tolerated with this delta now.
    fn covers(&self, field: Field, delta: u64) -> bool {
        self.active
            .iter()
            .any(|t| t.field == field && t.delta == delta)
    }

    /// A note for a field whose tolerated difference just changed into another one.
    fn note(&self, field: Field) -> Option<String> {
        self.broken.iter().find(|t| t.field == field).map(|t| {
            format!(
                "it differed by {:#x} before, tolerated by {}",
                t.delta, RULES[t.rule].name
            )
        })
    }
}

/// The fields of `a` and `q` that differ and no tolerance covers.
fn differences(a: &StateRecord, q: &StateRecord, tol: &Tolerances) -> Vec<FieldDiff> {
    let mut out = Vec::new();
    let hex = |v: u64| format!("{v:016x}");
    if a.pc != q.pc {
        out.push(FieldDiff::new("PC", hex(a.pc), hex(q.pc)));
    }
    for i in 0..31 {
        let delta = a.x[i] ^ q.x[i];
        if delta != 0 && !tol.covers(Field::X(i), delta) {
            let mut d = FieldDiff::new(&format!("X{i:02}"), hex(a.x[i]), hex(q.x[i]));
            d.note = tol.note(Field::X(i));
            out.push(d);
        }
    }
    if a.sp != q.sp {
        out.push(FieldDiff::new("SP", hex(a.sp), hex(q.sp)));
    }
    let delta = (a.pstate ^ q.pstate) as u64;
    if (delta != 0 && !tol.covers(Field::Pstate, delta)) || a.security != q.security {
        let mut d = FieldDiff::new("PSTATE", a.pstate_text(), q.pstate_text());
        d.bits = a64sim_cpu::trace_state::PSTATE_BITS
            .iter()
            .filter(|(bit, _)| (a.pstate ^ q.pstate) >> bit & 1 != 0)
            .map(|(_, name)| name.to_string())
            .collect();
        if a.security != q.security {
            d.bits.push("security state (SCR_EL3.NS)".into());
        }
        d.note = tol.note(Field::Pstate);
        out.push(d);
    }
    out
}

/// One step of the history kept for the context of a report.
#[derive(Clone, Debug)]
struct Past {
    record: StateRecord,
    events: Vec<LogEvent>,
}

/// Compares `machine` (loaded, about to run) with the records of `qemu`.
pub fn compare(
    machine: &mut Machine,
    qemu: &mut dyn StepSource,
    opts: &Options,
    progress: &mut dyn FnMut(u64),
) -> Result<Report, LockstepError> {
    let start = Instant::now();
    let mut ours = Ours {
        machine,
        tracer: StateTracer::new(Vec::with_capacity(CHUNK as usize + 1)),
        pos: 0,
        stop: None,
    };
    let mut history: VecDeque<Past> = VecDeque::with_capacity(opts.context + 1);
    let mut tol = Tolerances::default();
    let mut index: u64 = 0;
    let mut verdict = loop {
        if index >= opts.max_insns {
            break Verdict::Identical {
                why: format!("--max-insns {} reached", opts.max_insns),
            };
        }
        let a = ours.next();
        let patience = match (&a, &ours.stop) {
            (None, Some(OursStop::Cpu(StopReason::Idle { .. }))) => opts.idle_grace,
            _ => opts.stall_timeout,
        };
        let next = qemu.next_step(patience)?;
        if let Next::Step(q) = &next {
            if let Some(event) = q.events.iter().find(|e| e.is_asynchronous()) {
                break Verdict::AsyncException {
                    index,
                    event: event.clone(),
                };
            }
        }
        let ours_why = || {
            ours.stop
                .as_ref()
                .map(OursStop::describe)
                .unwrap_or_default()
        };
        let kind = match (a, next) {
            (Some(a), Next::Step(q)) => {
                let same = a.pc == q.record.pc
                    && a.sp == q.record.sp
                    && a.security == q.record.security
                    && tol.accept(
                        index,
                        &a,
                        &q.record,
                        history.back().map(|p| &p.record),
                        &q.events,
                        opts.strict,
                    );
                if same {
                    if history.len() > opts.context {
                        history.pop_front();
                    }
                    history.push_back(Past {
                        record: a,
                        events: q.events,
                    });
                    index += 1;
                    if opts.progress_every != 0 && index % opts.progress_every == 0 {
                        progress(index);
                    }
                    continue;
                }
                DivergenceKind::State {
                    fields: differences(&a, &q.record, &tol),
                    ours: a,
                    qemu: q.record,
                    qemu_line: q.line,
                    qemu_events: q.events,
                }
            }
            (Some(_), Next::End(end)) if index == 0 => {
                return Err(LockstepError::NoRecords(end.description))
            }
            (Some(a), Next::End(end)) => DivergenceKind::QemuEnded {
                ours: a,
                why: end.description,
            },
            (Some(_), Next::Stalled(waited)) if index == 0 => {
                return Err(LockstepError::NoRecords(format!(
                    "nothing in {:.0} s",
                    waited.as_secs_f64()
                )))
            }
            (Some(a), Next::Stalled(waited)) => DivergenceKind::QemuStalled { ours: a, waited },
            (None, Next::Step(q)) => DivergenceKind::OursEnded {
                why: ours_why(),
                qemu: Some(q.record),
            },
            (None, Next::End(end)) => match (&ours.stop, end.status) {
                (Some(OursStop::Cpu(StopReason::Exit(c))), Some(s)) if *c != s => {
                    DivergenceKind::ExitStatus { ours: *c, qemu: s }
                }
                (Some(OursStop::Cpu(StopReason::Exit(_) | StopReason::Idle { .. })), _) => {
                    break Verdict::Identical {
                        why: format!(
                            "both ended: a64sim: {}; QEMU: {}",
                            ours_why(),
                            end.description
                        ),
                    }
                }
                _ => DivergenceKind::OursEnded {
                    why: format!("{}; QEMU: {}", ours_why(), end.description),
                    qemu: None,
                },
            },
            (None, Next::Stalled(waited)) => match &ours.stop {
                Some(OursStop::Cpu(StopReason::Idle { .. })) => {
                    break Verdict::Identical {
                        why: format!(
                            "both idle: a64sim: {}; QEMU logged nothing more in {:.1} s",
                            ours_why(),
                            waited.as_secs_f64()
                        ),
                    }
                }
                _ => DivergenceKind::OursEnded {
                    why: format!(
                        "{}; QEMU logged nothing more in {:.1} s",
                        ours_why(),
                        waited.as_secs_f64()
                    ),
                    qemu: None,
                },
            },
        };
        break Verdict::Diverged(Box::new(Divergence {
            index,
            kind,
            next: None,
        }));
    };
    let (context, last) = report::context_rows(&history, &mut verdict, opts.context)?;
    let tolerated = RULES
        .iter()
        .zip(tol.used)
        .filter_map(|(rule, (count, first))| Some((rule.name, count, first?)))
        .collect();
    Ok(Report {
        tolerated,
        compared: index,
        seconds: start.elapsed().as_secs_f64(),
        verdict,
        context,
        last,
        qemu_version: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use a64sim_cpu::trace_state::Security;

    fn rec(pc: u64, word: Option<u32>) -> StateRecord {
        StateRecord {
            pc,
            x: [0; 31],
            sp: 0,
            pstate: 0x3cd,
            security: Security::Unstated,
            word,
        }
    }

    fn exception(name: &str) -> LogEvent {
        LogEvent {
            line: 1,
            kind: EventKind::Exception {
                number: 2,
                name: name.into(),
            },
            text: String::new(),
        }
    }

    #[test]
    fn the_machine_line_comes_from_tests_qemu_machine_args() {
        let args = machine_args(MACHINE_ARGS);
        assert!(args.iter().any(|a| a.starts_with("virt,")), "{args:?}");
        assert!(args.iter().all(|a| !a.starts_with('#') && !a.is_empty()));
        assert_eq!(ram_size(&args), Some(512 << 20));
        assert_eq!(ram_size(&["-m".into(), "2G".into()]), Some(2 << 30));
        assert_eq!(ram_size(&["-m".into(), "128".into()]), Some(128 << 20));
        assert_eq!(ram_size(&["-m".into(), "lots".into()]), None);
        assert_eq!(ram_size(&[]), None);
    }

    #[test]
    fn semihosting_x0_is_tolerated_until_it_is_written() {
        let mut t = Tolerances::default();
        let mut hlt = rec(0x100, Some(HLT_SEMIHOSTING));
        hlt.x[0] = SYS_WRITE0 as u64;
        let (mut a, mut q) = (rec(0x104, Some(0)), rec(0x104, None));
        a.x[0] = 0x4000;
        q.x[0] = 0xdead_beef;
        assert!(t.accept(1, &a, &q, Some(&hlt), &[], false));
        assert!(differences(&a, &q, &t).is_empty());
        // Still the same values: still tolerated, with no new match counted.
        assert!(t.accept(2, &a, &q, Some(&a), &[], false));
        assert_eq!(t.used[0], (1, Some(1)));
        // Written differently on the two sides: a divergence, with a note.
        q.x[0] = 5;
        assert!(!t.accept(3, &a, &q, Some(&a), &[], false));
        let d = differences(&a, &q, &t);
        assert_eq!(d[0].field, "X00");
        assert!(d[0]
            .note
            .as_deref()
            .unwrap()
            .contains("semihosting-corrupts-x0"));
        // Strict mode tolerates nothing.
        let mut strict = Tolerances::default();
        assert!(!strict.accept(1, &a, &q, Some(&hlt), &[], true));
        // Another call (SYS_WRITE returns a count in X0): not tolerated.
        hlt.x[0] = 5;
        assert!(!Tolerances::default().accept(1, &a, &q, Some(&hlt), &[], false));
    }

    #[test]
    fn nzcv_is_tolerated_after_an_exception_entry_only() {
        let prev = rec(0x100, Some(0xd400_0001));
        let (mut a, mut q) = (rec(0x200, Some(0)), rec(0x200, None));
        a.pstate = 0x6200_23cd;
        q.pstate = 0x0200_23cd;
        let svc = [exception("SVC")];
        assert!(Tolerances::default().accept(1, &a, &q, Some(&prev), &svc, false));
        assert!(!Tolerances::default().accept(1, &a, &q, Some(&prev), &[], false));
        let semihosting = [exception("Semihosting call")];
        assert!(!Tolerances::default().accept(1, &a, &q, Some(&prev), &semihosting, false));
        // QEMU's flags must be the cleared ones, and nothing else may differ.
        q.pstate = 0x2200_23cd;
        assert!(!Tolerances::default().accept(1, &a, &q, Some(&prev), &svc, false));
        q.pstate = 0x0000_03cd;
        assert!(!Tolerances::default().accept(1, &a, &q, Some(&prev), &svc, false));
    }
}
