//! The result of a lockstep comparison, as text and as JSON.

use super::{LockstepError, Past};
use crate::decode_sweep::Checker;
use crate::qemu_log::LogEvent;
use a64sim_cpu::trace_state::StateRecord;
use a64sim_isa::disassemble;
use std::collections::VecDeque;
use std::fmt::{self, Write as _};
use std::time::Duration;

/// What a comparison found.
#[derive(Clone, Debug)]
pub struct Report {
    /// Records found identical.
    pub compared: u64,
    /// Wall time of the comparison.
    pub seconds: f64,
    /// The verdict.
    pub verdict: Verdict,
    /// The instructions before the point where the comparison stopped (empty when identical).
    pub context: Vec<ContextRow>,
    /// The last instruction both executed identically (for a divergence: the one whose
    /// effects differ), when the comparison did not end identical.
    pub last: Option<InsnInfo>,
    /// QEMU's `--version` line, for a live run.
    pub qemu_version: Option<String>,
    /// The tolerance rules that matched: name, times, first record.
    pub tolerated: Vec<(&'static str, u64, u64)>,
}

/// How the comparison ended.
#[derive(Clone, Debug)]
pub enum Verdict {
    /// No difference up to the end (of the program, or of `--max-insns`).
    Identical {
        /// Why the comparison ended.
        why: String,
    },
    /// The first difference.
    Diverged(Box<Divergence>),
    /// QEMU took an asynchronous exception, which cannot be compared in lockstep.
    AsyncException {
        /// Index of the record QEMU logged after it.
        index: u64,
        /// QEMU's log lines of the exception entry.
        event: LogEvent,
    },
}

/// The first point at which a64sim and QEMU differ.
#[derive(Clone, Debug)]
pub struct Divergence {
    /// Index of the first record that differs: the number of instructions (steps) that
    /// executed identically before it.
    pub index: u64,
    /// What differs.
    pub kind: DivergenceKind,
    /// a64sim's instruction at `index`, when it has one.
    pub next: Option<InsnInfo>,
}

/// The kinds of difference.
#[derive(Clone, Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "made once per comparison, and kept in a Box<Divergence>"
)]
pub enum DivergenceKind {
    /// The state before instruction `index` differs.
    State {
        /// The fields that differ.
        fields: Vec<FieldDiff>,
        /// a64sim's state.
        ours: StateRecord,
        /// QEMU's state.
        qemu: StateRecord,
        /// Line of QEMU's log where its record starts.
        qemu_line: u64,
        /// What QEMU logged between the previous record and this one.
        qemu_events: Vec<LogEvent>,
    },
    /// QEMU's log ended while a64sim went on.
    QemuEnded {
        /// a64sim's next state.
        ours: StateRecord,
        /// How QEMU ended.
        why: String,
    },
    /// QEMU logged nothing for a long time while a64sim went on.
    QemuStalled {
        /// a64sim's next state.
        ours: StateRecord,
        /// How long the comparison waited.
        waited: Duration,
    },
    /// a64sim stopped while QEMU went on (or did something else).
    OursEnded {
        /// Why a64sim stopped (and what QEMU did).
        why: String,
        /// QEMU's next state, if it logged one.
        qemu: Option<StateRecord>,
    },
    /// Both exited after identical streams, with different statuses.
    ExitStatus {
        /// a64sim's exit status.
        ours: i32,
        /// QEMU's.
        qemu: i32,
    },
}

/// One field that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    /// `PC`, `X00`–`X30`, `SP`, `PSTATE`.
    pub field: String,
    /// a64sim's value, as QEMU prints it.
    pub ours: String,
    /// QEMU's value.
    pub qemu: String,
    /// For PSTATE, the names of the bits that differ.
    pub bits: Vec<String>,
    /// Why it matters, when a tolerated difference turned into this one.
    pub note: Option<String>,
}

impl FieldDiff {
    /// A difference of `field`.
    pub fn new(field: &str, ours: String, qemu: String) -> Self {
        FieldDiff {
            field: field.to_string(),
            ours,
            qemu,
            bits: Vec::new(),
            note: None,
        }
    }
}

/// An instruction, disassembled by a64sim and by capstone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InsnInfo {
    /// Its index in the stream (0 is the first instruction).
    pub index: u64,
    /// Its address.
    pub pc: u64,
    /// Its word (`None` for a step that raised an exception before fetching).
    pub word: Option<u32>,
    /// a64sim's disassembly.
    pub ours: String,
    /// capstone's disassembly.
    pub capstone: String,
}

/// One instruction of the context before a divergence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextRow {
    /// The instruction.
    pub insn: InsnInfo,
    /// What it changed (in a64sim), `x0=0x5 sp=0x...`.
    pub changes: String,
    /// First lines of what QEMU logged just before it (exception entries and returns).
    pub qemu_events: Vec<String>,
}

impl Report {
    /// Whether no difference was found.
    pub fn is_identical(&self) -> bool {
        matches!(self.verdict, Verdict::Identical { .. })
    }

    /// The divergence, if any.
    pub fn divergence(&self) -> Option<&Divergence> {
        match &self.verdict {
            Verdict::Diverged(d) => Some(d),
            _ => None,
        }
    }

    /// Records compared per second.
    pub fn rate(&self) -> f64 {
        self.compared as f64 / self.seconds.max(1e-9)
    }

    /// The last instruction both executed identically (the one whose effects differ).
    pub fn last_instruction(&self) -> Option<&InsnInfo> {
        self.last.as_ref()
    }

    /// The report as one JSON object.
    pub fn to_json(&self) -> String {
        let mut o = String::from("{");
        let verdict = match &self.verdict {
            Verdict::Identical { .. } => "identical",
            Verdict::Diverged(_) => "diverged",
            Verdict::AsyncException { .. } => "async-exception",
        };
        let _ = write!(
            o,
            "\"verdict\":\"{verdict}\",\"compared\":{},\"seconds\":{:.3},\"insns_per_second\":{:.0}",
            self.compared,
            self.seconds,
            self.rate()
        );
        if let Some(v) = &self.qemu_version {
            let _ = write!(o, ",\"qemu_version\":{}", json_str(v));
        }
        o.push_str(",\"tolerated\":[");
        for (i, (rule, count, first)) in self.tolerated.iter().enumerate() {
            let _ = write!(
                o,
                "{}{{\"rule\":\"{rule}\",\"count\":{count},\"first\":{first}}}",
                if i > 0 { "," } else { "" }
            );
        }
        o.push(']');
        match &self.verdict {
            Verdict::Identical { why } => {
                let _ = write!(o, ",\"why\":{}", json_str(why));
            }
            Verdict::AsyncException { index, event } => {
                let _ = write!(
                    o,
                    ",\"index\":{index},\"qemu_line\":{},\"event\":{}",
                    event.line,
                    json_str(&event.text)
                );
            }
            Verdict::Diverged(d) => {
                let _ = write!(
                    o,
                    ",\"divergence\":{{\"index\":{},\"kind\":\"{}\",\"summary\":{}",
                    d.index,
                    d.kind.name(),
                    json_str(&d.summary())
                );
                if let Some(hint) = d.interrupt_hint() {
                    let _ = write!(o, ",\"note\":{}", json_str(&hint));
                }
                if let DivergenceKind::State {
                    fields,
                    qemu_line,
                    qemu_events,
                    ..
                } = &d.kind
                {
                    o.push_str(",\"fields\":[");
                    for (i, f) in fields.iter().enumerate() {
                        let bits: Vec<String> = f.bits.iter().map(|b| json_str(b)).collect();
                        let _ = write!(
                            o,
                            "{}{{\"field\":{},\"a64sim\":{},\"qemu\":{},\"bits\":[{}],\"note\":{}}}",
                            if i > 0 { "," } else { "" },
                            json_str(&f.field),
                            json_str(&f.ours),
                            json_str(&f.qemu),
                            bits.join(","),
                            f.note.as_deref().map_or_else(|| "null".into(), json_str)
                        );
                    }
                    let events: Vec<String> =
                        qemu_events.iter().map(|e| json_str(&e.text)).collect();
                    let _ = write!(
                        o,
                        "],\"qemu_line\":{qemu_line},\"qemu_events\":[{}]",
                        events.join(",")
                    );
                }
                if let Some(r) = d.kind.ours() {
                    let _ = write!(o, ",\"a64sim_state\":{}", record_json(r));
                }
                if let Some(r) = d.kind.qemu() {
                    let _ = write!(o, ",\"qemu_state\":{}", record_json(r));
                }
                o.push('}');
            }
        }
        if let Some(last) = self.last_instruction() {
            let _ = write!(o, ",\"last_instruction\":{}", insn_json(last));
        }
        o.push_str(",\"context\":[");
        for (i, row) in self.context.iter().enumerate() {
            let events: Vec<String> = row.qemu_events.iter().map(|e| json_str(e)).collect();
            let mut insn = insn_json(&row.insn);
            insn.pop();
            let _ = write!(
                o,
                "{}{insn},\"changes\":{},\"qemu_events\":[{}]}}",
                if i > 0 { "," } else { "" },
                json_str(&row.changes),
                events.join(",")
            );
        }
        o.push_str("]}");
        o
    }
}

impl DivergenceKind {
    /// A short name for JSON.
    pub fn name(&self) -> &'static str {
        match self {
            DivergenceKind::State { .. } => "state",
            DivergenceKind::QemuEnded { .. } => "qemu-ended",
            DivergenceKind::QemuStalled { .. } => "qemu-stalled",
            DivergenceKind::OursEnded { .. } => "a64sim-ended",
            DivergenceKind::ExitStatus { .. } => "exit-status",
        }
    }

    /// a64sim's state at the divergence, if it had one.
    pub fn ours(&self) -> Option<&StateRecord> {
        match self {
            DivergenceKind::State { ours, .. }
            | DivergenceKind::QemuEnded { ours, .. }
            | DivergenceKind::QemuStalled { ours, .. } => Some(ours),
            _ => None,
        }
    }

    /// QEMU's state at the divergence, if it had one.
    pub fn qemu(&self) -> Option<&StateRecord> {
        match self {
            DivergenceKind::State { qemu, .. } => Some(qemu),
            DivergenceKind::OursEnded { qemu, .. } => qemu.as_ref(),
            _ => None,
        }
    }
}

impl Divergence {
    /// When a PC differs and one side's new PC sits at an IRQ, FIQ or SError offset of a
    /// vector table, a hint that it took an interrupt the other did not (interrupts are out
    /// of scope: they depend on timing).
    pub fn interrupt_hint(&self) -> Option<String> {
        let DivergenceKind::State { ours, qemu, .. } = &self.kind else {
            return None;
        };
        if ours.pc == qemu.pc {
            return None;
        }
        let kind = |pc: u64| match (pc & 0x7f, pc >> 7 & 3) {
            (0, 1) => Some("IRQ"),
            (0, 2) => Some("FIQ"),
            (0, 3) => Some("SError"),
            _ => None,
        };
        [("a64sim", ours.pc), ("QEMU", qemu.pc)]
            .into_iter()
            .find_map(|(who, pc)| {
                kind(pc).map(|k| {
                    format!(
                        "{who}'s next PC {pc:#x} is at the {k} offset of a vector table: if it \
                         is one, {who} took an interrupt the other did not (interrupts are out \
                         of scope)"
                    )
                })
            })
    }

    /// One line saying what differs.
    pub fn summary(&self) -> String {
        let i = self.index;
        match &self.kind {
            DivergenceKind::State { fields, .. } => {
                let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
                if i == 0 {
                    format!("the initial state differs: {}", names.join(", "))
                } else {
                    format!(
                        "the state after instruction #{} differs: {}",
                        i - 1,
                        names.join(", ")
                    )
                }
            }
            DivergenceKind::QemuEnded { ours, why } => format!(
                "QEMU's log ended after {i} instructions ({why}); a64sim went on at {:#x}",
                ours.pc
            ),
            DivergenceKind::QemuStalled { ours, waited } => format!(
                "QEMU logged nothing for {:.0} s after {i} instructions; a64sim went on at {:#x}",
                waited.as_secs_f64(),
                ours.pc
            ),
            DivergenceKind::OursEnded { why, qemu } => match qemu {
                Some(q) => format!(
                    "a64sim stopped after {i} instructions ({why}); QEMU went on at {:#x}",
                    q.pc
                ),
                None => format!("a64sim stopped after {i} instructions ({why})"),
            },
            DivergenceKind::ExitStatus { ours, qemu } => format!(
                "all {i} instructions identical, but a64sim exited with status {ours} and QEMU \
                 with {qemu}"
            ),
        }
    }
}

impl InsnInfo {
    fn word_text(&self) -> String {
        match self.word {
            Some(w) => format!("{w:08x}"),
            None => "--------".into(),
        }
    }

    /// `#index pc word disassembly`, padded for a column of changes.
    pub fn compact(&self) -> String {
        format!(
            "#{:<8} {:016x}  {}  {:<36}",
            self.index,
            self.pc,
            self.word_text(),
            self.ours
        )
    }
}

impl fmt::Display for InsnInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "#{} at {:016x}: {}  a64sim: {}  capstone: {}",
            self.index,
            self.pc,
            self.word_text(),
            self.ours,
            self.capstone
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let timing = format!(
            "{} instructions compared in {:.2} s ({:.0} instructions/s)",
            self.compared,
            self.seconds,
            self.rate()
        );
        let mut tolerated = String::new();
        for (rule, count, first) in &self.tolerated {
            let _ = write!(
                tolerated,
                "\n  {rule}: {count} time{} (first before #{first})",
                if *count == 1 { "" } else { "s" }
            );
        }
        if !tolerated.is_empty() {
            tolerated.insert_str(0, "known differences tolerated (--strict reports them):");
            tolerated.push('\n');
        }
        match &self.verdict {
            Verdict::Identical { why } => {
                writeln!(
                    f,
                    "identical: {} instructions, no difference ({why})",
                    self.compared
                )?;
                return writeln!(f, "{tolerated}{timing}");
            }
            Verdict::AsyncException { index, event } => {
                writeln!(
                    f,
                    "stopped: QEMU took an asynchronous exception before instruction #{index} \
                     (log line {}); interrupts are out of scope for a lockstep comparison. \
                     The {index} instructions before it were identical.",
                    event.line
                )?;
                for l in event.text.lines() {
                    writeln!(f, "    {l}")?;
                }
            }
            Verdict::Diverged(d) => {
                writeln!(f, "DIVERGENCE: {}", d.summary())?;
                if let Some(hint) = d.interrupt_hint() {
                    writeln!(f, "  note: {hint}")?;
                }
                if let Some(last) = self.last_instruction() {
                    writeln!(f, "  last instruction executed by both:")?;
                    writeln!(f, "    {last}")?;
                }
                if let DivergenceKind::State {
                    fields,
                    qemu_line,
                    qemu_events,
                    ..
                } = &d.kind
                {
                    writeln!(
                        f,
                        "  state before #{} (QEMU log line {qemu_line}):",
                        d.index
                    )?;
                    for fd in fields {
                        writeln!(f, "    {:<7} a64sim {}", fd.field, fd.ours)?;
                        write!(f, "    {:<7} QEMU   {}", "", fd.qemu)?;
                        if !fd.bits.is_empty() {
                            write!(f, "   (differs in {})", fd.bits.join(", "))?;
                        }
                        writeln!(f)?;
                        if let Some(note) = &fd.note {
                            writeln!(f, "    {:<7} ({note})", "")?;
                        }
                    }
                    if !qemu_events.is_empty() {
                        writeln!(f, "  QEMU logged in between:")?;
                        for e in qemu_events {
                            for l in e.text.lines() {
                                writeln!(f, "    {l}")?;
                            }
                        }
                    }
                }
                if let Some(next) = &d.next {
                    writeln!(f, "  a64sim's next instruction:")?;
                    writeln!(f, "    {next}")?;
                }
            }
        }
        if !self.context.is_empty() {
            writeln!(
                f,
                "  previous {} instructions (changes as a64sim made them):",
                self.context.len()
            )?;
            for row in &self.context {
                for e in &row.qemu_events {
                    writeln!(f, "      ({e})")?;
                }
                writeln!(f, "    {}  {}", row.insn.compact(), row.changes)?;
            }
        }
        writeln!(f, "{tolerated}{timing}")
    }
}

/// Disassembles record `r` (index `index`) with a64sim and capstone (opened on first use).
fn insn_info(
    checker: &mut Option<Checker>,
    index: u64,
    r: &StateRecord,
) -> Result<InsnInfo, LockstepError> {
    let (ours, capstone) = match r.word {
        Some(w) => {
            if checker.is_none() {
                *checker =
                    Some(Checker::new().map_err(|e| LockstepError::Capstone(e.to_string()))?);
            }
            let cs = checker
                .as_ref()
                .and_then(|c| c.capstone_text(w, r.pc))
                .unwrap_or_else(|| "<rejected>".into());
            (disassemble(w, r.pc).text_or_placeholder(), cs)
        }
        None => {
            let what = "<exception before fetch>".to_string();
            (what.clone(), what)
        }
    };
    Ok(InsnInfo {
        index,
        pc: r.pc,
        word: r.word,
        ours,
        capstone,
    })
}

/// What changed from `a` to `b`, in the text tracer's style.
fn changes(a: &StateRecord, b: &StateRecord) -> String {
    let mut out = Vec::new();
    for i in 0..31 {
        if a.x[i] != b.x[i] {
            out.push(format!("x{i}={:#x}", b.x[i]));
        }
    }
    if a.sp != b.sp {
        out.push(format!("sp={:#x}", b.sp));
    }
    if a.pstate != b.pstate || a.security != b.security {
        out.push(format!("pstate={}", b.pstate_text()));
    }
    if b.pc != a.pc.wrapping_add(4) {
        out.push(format!("-> {:#x}", b.pc));
    }
    out.join(" ")
}

/// The context rows of a report: the last `n` records of `history`, each with what it
/// changed (the last one: what it changed in a64sim); and the last record's instruction.
pub(super) fn context_rows(
    history: &VecDeque<Past>,
    verdict: &mut Verdict,
    n: usize,
) -> Result<(Vec<ContextRow>, Option<InsnInfo>), LockstepError> {
    let mut checker = None;
    if let Verdict::Diverged(d) = verdict {
        if let Some(r) = d.kind.ours() {
            d.next = Some(insn_info(&mut checker, d.index, r)?);
        }
    }
    let verdict: &Verdict = verdict;
    let (end_index, after_last) = match verdict {
        Verdict::Identical { .. } => return Ok((Vec::new(), None)),
        Verdict::Diverged(d) => (d.index, d.kind.ours()),
        Verdict::AsyncException { index, .. } => (*index, None),
    };
    let first = history.len().saturating_sub(n);
    let base = end_index - history.len() as u64;
    let last = match history.back() {
        Some(p) => Some(insn_info(&mut checker, end_index - 1, &p.record)?),
        None => None,
    };
    let mut rows = Vec::new();
    for k in first..history.len() {
        let past = &history[k];
        let next = history.get(k + 1).map(|p| &p.record).or(after_last);
        rows.push(ContextRow {
            insn: insn_info(&mut checker, base + k as u64, &past.record)?,
            changes: next.map(|b| changes(&past.record, b)).unwrap_or_default(),
            qemu_events: past
                .events
                .iter()
                .filter_map(|e| e.text.lines().next().map(String::from))
                .collect(),
        });
    }
    Ok((rows, last))
}

fn insn_json(i: &InsnInfo) -> String {
    format!(
        "{{\"index\":{},\"pc\":\"{:#x}\",\"word\":{},\"a64sim\":{},\"capstone\":{}}}",
        i.index,
        i.pc,
        i.word
            .map_or_else(|| "null".into(), |w| format!("\"{w:08x}\"")),
        json_str(&i.ours),
        json_str(&i.capstone)
    )
}

fn record_json(r: &StateRecord) -> String {
    let x: Vec<String> = r.x.iter().map(|v| format!("\"{v:#x}\"")).collect();
    format!(
        "{{\"pc\":\"{:#x}\",\"x\":[{}],\"sp\":\"{:#x}\",\"pstate\":{}}}",
        r.pc,
        x.join(","),
        r.sp,
        json_str(&r.pstate_text())
    )
}

/// `s` as a JSON string literal.
fn json_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use a64sim_cpu::trace_state::Security;

    fn state(pc: u64) -> StateRecord {
        StateRecord {
            pc,
            x: [0; 31],
            sp: 0,
            pstate: 0x3c5,
            security: Security::NonSecure,
            word: None,
        }
    }

    fn diverged_at(ours: u64, qemu: u64) -> Divergence {
        Divergence {
            index: 7,
            kind: DivergenceKind::State {
                fields: vec![FieldDiff::new(
                    "PC",
                    format!("{ours:x}"),
                    format!("{qemu:x}"),
                )],
                ours: state(ours),
                qemu: state(qemu),
                qemu_line: 92,
                qemu_events: Vec::new(),
            },
            next: None,
        }
    }

    #[test]
    fn a_pc_at_an_interrupt_vector_gets_a_hint() {
        let hint = diverged_at(0x4020_2a80, 0x4020_1118)
            .interrupt_hint()
            .unwrap();
        assert!(
            hint.starts_with("a64sim's next PC 0x40202a80 is at the IRQ offset"),
            "{hint}"
        );
        let hint = diverged_at(0x4020_1118, 0x4020_2b80)
            .interrupt_hint()
            .unwrap();
        assert!(
            hint.starts_with("QEMU's next PC 0x40202b80 is at the SError offset"),
            "{hint}"
        );
        assert_eq!(diverged_at(0x4020_2a00, 0x4020_1118).interrupt_hint(), None);
        assert_eq!(diverged_at(0x4020_2a84, 0x4020_1118).interrupt_hint(), None);
        assert_eq!(diverged_at(0x4020_2a80, 0x4020_2a80).interrupt_hint(), None);
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_str("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
    }
}
