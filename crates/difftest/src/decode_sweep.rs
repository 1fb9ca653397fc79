//! Capstone sweep of the decoder: a64sim's [`disassemble`] against capstone 5 (LLVM's A64
//! tables) on many instruction words.
//!
//! For each word the two sides either agree (both reject it, or both accept it and print the
//! same text after [`normalize`](crate::normalize)) or disagree in one of three ways
//! ([`MismatchKind`]). Words a64sim reports as [`Disassembly::Unimplemented`] (FP/SIMD, SVE,
//! SME) are skipped and counted. A disagreement that is capstone's fault (a capstone bug, a
//! missing name, an alias it does not know, a CONSTRAINED UNPREDICTABLE choice made the other
//! way) is matched by a named rule of the [`Allowlist`] (`capstone-allowlist.toml`), which
//! states the reason; everything else is reported. The Arm ARM, and GNU objdump 2.40 where
//! the manual leaves the text open, decide who is right.
//!
//! Words come from a [`WordSource`]: a range, a seeded pseudo-random stream, or a list (the
//! golden rows of `isa/tests/golden/gnu.txt`). [`sweep`] splits the source into chunks that
//! rayon checks in parallel, one capstone handle per thread, and merges the per-chunk
//! [`Summary`] values; the result is deterministic for a given source.

use std::cell::RefCell;
use std::fmt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use a64sim_isa::{disassemble, Disassembly};
use capstone::prelude::*;
use rayon::prelude::*;

use crate::normalize::{capstone_aliases, normalize};

/// The pc at which words of ranges and random streams are disassembled (the `virt` RAM base),
/// so that pc-relative targets are checked with a non-zero pc.
pub const SWEEP_PC: u64 = 0x4000_0000;

/// Words per parallel work item.
const CHUNK: u64 = 1 << 16;

/// The allowlist compiled into the binary and the tests.
pub const BUILTIN_ALLOWLIST: &str = include_str!("../capstone-allowlist.toml");

/// Host-side failures of a sweep.
#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    /// The allowlist file is malformed.
    #[error("{path}:{line}: {message}")]
    Allowlist {
        /// File name (or `<builtin>`).
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A golden file row is malformed.
    #[error("{path}:{line}: bad golden row: {message}")]
    Golden {
        /// File name.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Capstone could not be initialised.
    #[error("capstone: {0}")]
    Capstone(String),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

// ---------------------------------------------------------------------------------------------
// Mismatches and the allowlist

/// How the two disassemblers disagree on a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MismatchKind {
    /// a64sim decodes the word, capstone rejects it.
    WeAcceptCapstoneRejects,
    /// a64sim says unallocated, capstone decodes it.
    WeRejectCapstoneAccepts,
    /// Both decode it, to different text.
    TextDiffers,
}

impl MismatchKind {
    /// All kinds, in report order.
    pub const ALL: [MismatchKind; 3] = [
        MismatchKind::WeAcceptCapstoneRejects,
        MismatchKind::WeRejectCapstoneAccepts,
        MismatchKind::TextDiffers,
    ];

    /// The name used in the allowlist and the reports.
    pub fn name(self) -> &'static str {
        match self {
            MismatchKind::WeAcceptCapstoneRejects => "we-accept-capstone-rejects",
            MismatchKind::WeRejectCapstoneAccepts => "we-reject-capstone-accepts",
            MismatchKind::TextDiffers => "text-differs",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl fmt::Display for MismatchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One disagreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The instruction word.
    pub word: u32,
    /// The pc it was disassembled at.
    pub pc: u64,
    /// How the two sides disagree.
    pub kind: MismatchKind,
    /// a64sim's text, or `<unallocated>`.
    pub ours: String,
    /// capstone's text, or `<rejected>`.
    pub capstone: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:08x} @{:#x} {:<28} ours: {:<40} capstone: {}",
            self.word,
            self.pc,
            self.kind.name(),
            self.ours,
            self.capstone
        )
    }
}

/// A bit field `word[hi:lo]` named in an allowlist condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct BitField {
    hi: u32,
    lo: u32,
}

impl BitField {
    fn get(self, word: u32) -> u32 {
        let width = self.hi - self.lo + 1;
        let mask = if width >= 32 {
            u32::MAX
        } else {
            (1 << width) - 1
        };
        (word >> self.lo) & mask
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rhs {
    Const(u32),
    Field(BitField),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// `word[hi:lo] OP (constant | word[hi:lo])`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FieldCond {
    lhs: BitField,
    op: CmpOp,
    rhs: Rhs,
}

impl FieldCond {
    fn holds(self, word: u32) -> bool {
        let a = self.lhs.get(word);
        let b = match self.rhs {
            Rhs::Const(c) => c,
            Rhs::Field(f) => f.get(word),
        };
        match self.op {
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
        }
    }
}

/// One named allowlist rule. A mismatch matches when every given criterion holds.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Short unique name, reported with counts.
    pub name: String,
    /// Why this difference is not a64sim's bug.
    pub reason: String,
    /// Line of the rule in its file.
    pub line: usize,
    kind: Option<MismatchKind>,
    /// `(mask, value)` pairs; the word must match one of them (if any are given).
    words: Vec<(u32, u32)>,
    fields: Vec<FieldCond>,
    /// Glob on a64sim's normalised text.
    ours: Option<String>,
    /// Glob on capstone's normalised text.
    capstone: Option<String>,
}

impl Rule {
    fn matches(&self, m: &Mismatch, ours_norm: &str, capstone_norm: &str) -> bool {
        self.kind.is_none_or(|k| k == m.kind)
            && (self.words.is_empty()
                || self
                    .words
                    .iter()
                    .any(|&(mask, value)| m.word & mask == value))
            && self.fields.iter().all(|c| c.holds(m.word))
            && self.ours.as_deref().is_none_or(|g| glob(g, ours_norm))
            && self
                .capstone
                .as_deref()
                .is_none_or(|g| glob(g, capstone_norm))
    }
}

/// The named rules of `capstone-allowlist.toml`.
#[derive(Clone, Debug, Default)]
pub struct Allowlist {
    rules: Vec<Rule>,
}

impl Allowlist {
    /// The allowlist shipped with the crate.
    pub fn builtin() -> Result<Self, SweepError> {
        Self::parse(BUILTIN_ALLOWLIST, "capstone-allowlist.toml")
    }

    /// The rules, in file order (the first matching rule is used).
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The index of the first rule matching `m`.
    pub fn find(&self, m: &Mismatch) -> Option<usize> {
        let ours_norm = normalize(&m.ours);
        let capstone_norm = capstone_aliases(&normalize(&m.capstone));
        self.rules
            .iter()
            .position(|r| r.matches(m, &ours_norm, &capstone_norm))
    }

    /// Parses the allowlist: a subset of TOML made of `[[rule]]` tables whose keys are
    /// `name`, `reason` (required), `kind`, `ours`, `capstone` (strings) and `words`,
    /// `fields` (arrays of strings; arrays may span lines). `#` starts a comment.
    pub fn parse(text: &str, path: &str) -> Result<Self, SweepError> {
        let err = |line: usize, message: String| SweepError::Allowlist {
            path: path.to_owned(),
            line,
            message,
        };
        let mut rules: Vec<Rule> = Vec::new();
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        while let Some((line, raw)) = lines.next() {
            let content = strip_comment(raw).trim();
            if content.is_empty() {
                continue;
            }
            if content == "[[rule]]" {
                rules.push(Rule {
                    name: String::new(),
                    reason: String::new(),
                    line,
                    kind: None,
                    words: Vec::new(),
                    fields: Vec::new(),
                    ours: None,
                    capstone: None,
                });
                continue;
            }
            let Some(rule) = rules.last_mut() else {
                return Err(err(line, "expected [[rule]] before keys".into()));
            };
            let Some((key, value)) = content.split_once('=') else {
                return Err(err(
                    line,
                    format!("expected `key = value`, got {content:?}"),
                ));
            };
            let key = key.trim();
            let mut value = value.trim().to_owned();
            if value.starts_with('[') {
                while !brackets_closed(&value) {
                    let Some((_, more)) = lines.next() else {
                        return Err(err(line, "unterminated array".into()));
                    };
                    value.push(' ');
                    value.push_str(strip_comment(more).trim());
                }
            }
            match key {
                "name" => rule.name = parse_string(&value).map_err(|e| err(line, e))?,
                "reason" => rule.reason = parse_string(&value).map_err(|e| err(line, e))?,
                "kind" => {
                    let k = parse_string(&value).map_err(|e| err(line, e))?;
                    rule.kind = match k.as_str() {
                        "any" => None,
                        other => Some(
                            MismatchKind::from_name(other)
                                .ok_or_else(|| err(line, format!("unknown kind {other:?}")))?,
                        ),
                    };
                }
                "ours" => rule.ours = Some(parse_string(&value).map_err(|e| err(line, e))?),
                "capstone" => {
                    rule.capstone = Some(parse_string(&value).map_err(|e| err(line, e))?);
                }
                "words" => {
                    for item in parse_array(&value).map_err(|e| err(line, e))? {
                        rule.words
                            .push(parse_mask_value(&item).map_err(|e| err(line, e))?);
                    }
                }
                "fields" => {
                    for item in parse_array(&value).map_err(|e| err(line, e))? {
                        rule.fields
                            .push(parse_field_cond(&item).map_err(|e| err(line, e))?);
                    }
                }
                other => return Err(err(line, format!("unknown key {other:?}"))),
            }
        }
        for (i, rule) in rules.iter().enumerate() {
            if rule.name.is_empty() || rule.reason.is_empty() {
                return Err(err(
                    rule.line,
                    "every rule needs a name and a reason".into(),
                ));
            }
            if rules[..i].iter().any(|r| r.name == rule.name) {
                return Err(err(
                    rule.line,
                    format!("duplicate rule name {:?}", rule.name),
                ));
            }
            if rule.words.is_empty() && rule.ours.is_none() && rule.capstone.is_none() {
                return Err(err(
                    rule.line,
                    "a rule must restrict `words`, `ours` or `capstone`".into(),
                ));
            }
        }
        Ok(Allowlist { rules })
    }
}

fn strip_comment(line: &str) -> &str {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '#' if !in_string => return &line[..i],
            _ => {}
        }
    }
    line
}

fn brackets_closed(value: &str) -> bool {
    let mut depth = 0i32;
    let mut in_string = false;
    let mut escaped = false;
    for c in value.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '[' if !in_string => depth += 1,
            ']' if !in_string => depth -= 1,
            _ => {}
        }
    }
    depth <= 0
}

/// Parses one basic TOML string `"..."` with `\"` and `\\` escapes.
fn parse_string(value: &str) -> Result<String, String> {
    let (s, rest) = take_string(value.trim())?;
    if !rest.trim().is_empty() {
        return Err(format!("unexpected text after string: {rest:?}"));
    }
    Ok(s)
}

fn take_string(value: &str) -> Result<(String, &str), String> {
    let Some(body) = value.strip_prefix('"') else {
        return Err(format!("expected a \"string\", got {value:?}"));
    };
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &body[i + 1..])),
            '\\' => match chars.next() {
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, 'n')) => out.push('\n'),
                other => return Err(format!("unsupported escape {other:?}")),
            },
            c => out.push(c),
        }
    }
    Err("unterminated string".into())
}

fn parse_array(value: &str) -> Result<Vec<String>, String> {
    let Some(mut rest) = value.trim().strip_prefix('[') else {
        return Err(format!("expected an array, got {value:?}"));
    };
    let mut items = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix(']') {
            if !after.trim().is_empty() {
                return Err(format!("unexpected text after array: {after:?}"));
            }
            return Ok(items);
        }
        let (item, after) = take_string(rest)?;
        items.push(item);
        rest = after.trim_start();
        rest = rest.strip_prefix(',').unwrap_or(rest);
    }
}

fn parse_u32(s: &str) -> Result<u32, String> {
    let s = s.trim().replace('_', "");
    let parsed = match s.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16),
        None => s.parse::<u32>(),
    };
    parsed.map_err(|e| format!("bad number {s:?}: {e}"))
}

/// `"0xffc00000/0x68800000"`.
fn parse_mask_value(item: &str) -> Result<(u32, u32), String> {
    let Some((mask, value)) = item.split_once('/') else {
        return Err(format!("expected MASK/VALUE, got {item:?}"));
    };
    let (mask, value) = (parse_u32(mask)?, parse_u32(value)?);
    if value & !mask != 0 {
        return Err(format!(
            "value {value:#010x} has bits outside mask {mask:#010x}"
        ));
    }
    Ok((mask, value))
}

fn parse_bitfield(s: &str) -> Result<BitField, String> {
    let s = s.trim();
    let (hi, lo) = match s.split_once(':') {
        Some((hi, lo)) => (parse_u32(hi)?, parse_u32(lo)?),
        None => {
            let bit = parse_u32(s)?;
            (bit, bit)
        }
    };
    if hi > 31 || lo > hi {
        return Err(format!("bad bit field {s:?}"));
    }
    Ok(BitField { hi, lo })
}

/// `"4:0 == 14:10"`, `"20:16 != 0x1f"`, `"15:10 >= 21:16"`.
fn parse_field_cond(item: &str) -> Result<FieldCond, String> {
    const OPS: [(&str, CmpOp); 6] = [
        ("==", CmpOp::Eq),
        ("!=", CmpOp::Ne),
        ("<=", CmpOp::Le),
        (">=", CmpOp::Ge),
        ("<", CmpOp::Lt),
        (">", CmpOp::Gt),
    ];
    for (text, op) in OPS {
        if let Some((lhs, rhs)) = item.split_once(text) {
            let lhs = parse_bitfield(lhs)?;
            let rhs = if rhs.contains(':') {
                Rhs::Field(parse_bitfield(rhs)?)
            } else {
                Rhs::Const(parse_u32(rhs)?)
            };
            return Ok(FieldCond { lhs, op, rhs });
        }
    }
    Err(format!("expected `HI:LO OP (VALUE | HI:LO)`, got {item:?}"))
}

/// Shell-style glob: `*` matches any run of characters, `?` any one character.
pub fn glob(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    let mut backtrack: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == b'?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            backtrack = Some((pi, ti));
            pi += 1;
        } else if let Some((star, matched)) = backtrack {
            pi = star + 1;
            ti = matched + 1;
            backtrack = Some((star, matched + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

// ---------------------------------------------------------------------------------------------
// Checking one word

/// What the sweep concluded about one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Both decode it to the same normalised text.
    AgreeAccept,
    /// Both reject it.
    AgreeReject,
    /// a64sim does not implement its class; not compared.
    Unimplemented,
    /// A disagreement matched by the allowlist rule with this index.
    Allowlisted(usize, Mismatch),
    /// A disagreement nobody has explained.
    Mismatch(Mismatch),
}

/// One capstone handle (AArch64, detail off) for checking words on one thread.
#[derive(Debug)]
pub struct Checker {
    cs: Capstone,
}

impl Checker {
    /// Opens capstone for AArch64.
    pub fn new() -> Result<Self, SweepError> {
        let cs = Capstone::new()
            .arm64()
            .mode(arch::arm64::ArchMode::Arm)
            .detail(false)
            .build()
            .map_err(|e| SweepError::Capstone(e.to_string()))?;
        Ok(Checker { cs })
    }

    /// capstone's text for `word` at `pc` (`mnemonic operands`), or `None` if it rejects it.
    pub fn capstone_text(&self, word: u32, pc: u64) -> Option<String> {
        let insns = self.cs.disasm_count(&word.to_le_bytes(), pc, 1).ok()?;
        let insn = insns.iter().next()?;
        let mnemonic = insn.mnemonic().unwrap_or("");
        let operands = insn.op_str().unwrap_or("");
        Some(if operands.is_empty() {
            mnemonic.to_owned()
        } else {
            format!("{mnemonic} {operands}")
        })
    }

    /// Compares a64sim and capstone on `word` at `pc`.
    pub fn check(&self, allowlist: &Allowlist, word: u32, pc: u64) -> Verdict {
        match disassemble(word, pc) {
            Disassembly::Unimplemented(_) => Verdict::Unimplemented,
            Disassembly::Unallocated => self.compare(allowlist, word, pc, None),
            Disassembly::Text(text) => self.compare(allowlist, word, pc, Some(text)),
        }
    }

    /// Compares a given disassembly (`None`: unallocated) with capstone's on `word` at `pc`.
    /// [`check`](Self::check) uses it with a64sim's text; it also lets another disassembler
    /// (GNU objdump) be checked against capstone and the allowlist.
    pub fn compare(
        &self,
        allowlist: &Allowlist,
        word: u32,
        pc: u64,
        ours: Option<String>,
    ) -> Verdict {
        let theirs = self.capstone_text(word, pc);
        let kind = match (&ours, &theirs) {
            (None, None) => return Verdict::AgreeReject,
            (Some(_), None) => MismatchKind::WeAcceptCapstoneRejects,
            (None, Some(_)) => MismatchKind::WeRejectCapstoneAccepts,
            (Some(o), Some(t)) => {
                if normalize(o) == capstone_aliases(&normalize(t)) {
                    return Verdict::AgreeAccept;
                }
                MismatchKind::TextDiffers
            }
        };
        let mismatch = Mismatch {
            word,
            pc,
            kind,
            ours: ours.unwrap_or_else(|| "<unallocated>".into()),
            capstone: theirs.unwrap_or_else(|| "<rejected>".into()),
        };
        match allowlist.find(&mismatch) {
            Some(rule) => Verdict::Allowlisted(rule, mismatch),
            None => Verdict::Mismatch(mismatch),
        }
    }
}

thread_local! {
    static CHECKER: RefCell<Option<Checker>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's [`Checker`], creating it on first use.
fn with_checker<R>(f: impl FnOnce(&Checker) -> R) -> Result<R, SweepError> {
    CHECKER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(Checker::new()?);
        }
        match slot.as_ref() {
            Some(checker) => Ok(f(checker)),
            None => Err(SweepError::Capstone("no checker".into())),
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Word sources

/// Which words a sweep checks.
#[derive(Clone, Debug)]
pub enum WordSource {
    /// `count` consecutive words from `start` (wrapping), at [`SWEEP_PC`].
    Range {
        /// First word.
        start: u32,
        /// Number of words (at most 2^32).
        count: u64,
    },
    /// `count` pseudo-random words (SplitMix64 of `seed` and the index), at [`SWEEP_PC`].
    Random {
        /// Stream seed.
        seed: u64,
        /// Number of words.
        count: u64,
    },
    /// Explicit `(word, pc)` pairs.
    List(Vec<(u32, u64)>),
}

impl WordSource {
    /// Number of words.
    pub fn len(&self) -> u64 {
        match self {
            WordSource::Range { count, .. } | WordSource::Random { count, .. } => *count,
            WordSource::List(list) => list.len() as u64,
        }
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `index`-th word and its pc.
    pub fn get(&self, index: u64) -> (u32, u64) {
        match self {
            WordSource::Range { start, .. } => (start.wrapping_add(index as u32), SWEEP_PC),
            WordSource::Random { seed, .. } => ((splitmix64(*seed, index) >> 32) as u32, SWEEP_PC),
            WordSource::List(list) => list[index as usize],
        }
    }
}

/// SplitMix64 output number `index` of the stream seeded with `seed`.
fn splitmix64(seed: u64, index: u64) -> u64 {
    let mut z = seed.wrapping_add(index.wrapping_add(1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The `(word, pc)` pairs of a golden file (`PC_HEX<TAB>WORD_HEX<TAB>TEXT` rows, `#` comments).
pub fn golden_words(text: &str, path: &str) -> Result<Vec<(u32, u64)>, SweepError> {
    let mut words = Vec::new();
    for (i, row) in text.lines().enumerate() {
        if row.is_empty() || row.starts_with('#') {
            continue;
        }
        let err = |message: String| SweepError::Golden {
            path: path.to_owned(),
            line: i + 1,
            message,
        };
        let mut fields = row.split('\t');
        let (Some(pc), Some(word)) = (fields.next(), fields.next()) else {
            return Err(err(format!("expected PC<TAB>WORD<TAB>TEXT, got {row:?}")));
        };
        let pc = u64::from_str_radix(pc, 16).map_err(|e| err(format!("pc {pc:?}: {e}")))?;
        let word = u32::from_str_radix(word, 16).map_err(|e| err(format!("word {word:?}: {e}")))?;
        words.push((word, pc));
    }
    Ok(words)
}

// ---------------------------------------------------------------------------------------------
// Summaries

/// Counts and examples from a sweep.
#[derive(Clone, Debug)]
pub struct Summary {
    /// Words checked.
    pub checked: u64,
    /// Both accept with the same text.
    pub agree_accept: u64,
    /// Both reject.
    pub agree_reject: u64,
    /// Skipped as unimplemented in a64sim.
    pub unimplemented: u64,
    /// Unexplained disagreements per [`MismatchKind`] (indexed in [`MismatchKind::ALL`] order).
    pub disagree: [u64; 3],
    /// Allowlisted disagreements per rule (indexed like [`Allowlist::rules`]).
    pub allowlisted: Vec<u64>,
    /// One example per rule: the allowlisted mismatch with the lowest source index.
    pub rule_examples: Vec<Option<(u64, Mismatch)>>,
    /// The unexplained mismatches with the lowest source indices, at most `max_listed`.
    pub mismatches: Vec<(u64, Mismatch)>,
    /// Capacity of `mismatches`.
    pub max_listed: usize,
}

impl Summary {
    /// An empty summary for an allowlist of `rules` rules.
    pub fn new(rules: usize, max_listed: usize) -> Self {
        Summary {
            checked: 0,
            agree_accept: 0,
            agree_reject: 0,
            unimplemented: 0,
            disagree: [0; 3],
            allowlisted: vec![0; rules],
            rule_examples: vec![None; rules],
            mismatches: Vec::new(),
            max_listed,
        }
    }

    /// Adds the verdict for the word at source index `index`.
    pub fn record(&mut self, index: u64, verdict: Verdict) {
        self.checked += 1;
        match verdict {
            Verdict::AgreeAccept => self.agree_accept += 1,
            Verdict::AgreeReject => self.agree_reject += 1,
            Verdict::Unimplemented => self.unimplemented += 1,
            Verdict::Allowlisted(rule, m) => {
                self.allowlisted[rule] += 1;
                if self.rule_examples[rule]
                    .as_ref()
                    .is_none_or(|(i, _)| index < *i)
                {
                    self.rule_examples[rule] = Some((index, m));
                }
            }
            Verdict::Mismatch(m) => {
                self.disagree[m.kind.index()] += 1;
                if self.mismatches.len() < self.max_listed {
                    self.mismatches.push((index, m));
                }
            }
        }
    }

    /// Merges another partial summary (of disjoint indices) into this one.
    pub fn merge(mut self, other: Summary) -> Summary {
        self.checked += other.checked;
        self.agree_accept += other.agree_accept;
        self.agree_reject += other.agree_reject;
        self.unimplemented += other.unimplemented;
        for (a, b) in self.disagree.iter_mut().zip(other.disagree) {
            *a += b;
        }
        for (a, b) in self.allowlisted.iter_mut().zip(&other.allowlisted) {
            *a += b;
        }
        for (a, b) in self.rule_examples.iter_mut().zip(other.rule_examples) {
            if let Some((j, m)) = b {
                if a.as_ref().is_none_or(|(i, _)| j < *i) {
                    *a = Some((j, m));
                }
            }
        }
        self.mismatches.extend(other.mismatches);
        self.mismatches.sort_by_key(|(i, _)| *i);
        self.mismatches.truncate(self.max_listed);
        self
    }

    /// Number of unexplained disagreements.
    pub fn unexplained(&self) -> u64 {
        self.disagree.iter().sum()
    }

    /// Number of allowlisted disagreements.
    pub fn allowlisted_total(&self) -> u64 {
        self.allowlisted.iter().sum()
    }

    /// The report: counts, allowlist rule counts, and the listed mismatches.
    pub fn report(&self, allowlist: &Allowlist) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let pct = |n: u64| {
            if self.checked == 0 {
                0.0
            } else {
                100.0 * n as f64 / self.checked as f64
            }
        };
        let mut row = |label: &str, n: u64| {
            let _ = writeln!(out, "  {label:<44} {n:>12}  {:>7.3}%", pct(n));
        };
        row("words checked", self.checked);
        row("agree: both accept, same text", self.agree_accept);
        row("agree: both reject", self.agree_reject);
        row("unimplemented in a64sim (skipped)", self.unimplemented);
        for kind in MismatchKind::ALL {
            row(
                &format!("DISAGREE {}", kind.name()),
                self.disagree[kind.index()],
            );
        }
        row("allowlisted (all rules)", self.allowlisted_total());
        for (i, rule) in allowlist.rules().iter().enumerate() {
            if self.allowlisted[i] > 0 {
                row(&format!("  rule {}", rule.name), self.allowlisted[i]);
            }
        }
        if !self.mismatches.is_empty() {
            let _ = writeln!(
                out,
                "first {} of {} unexplained mismatches:",
                self.mismatches.len(),
                self.unexplained()
            );
            for (_, m) in &self.mismatches {
                let _ = writeln!(out, "  {m}");
            }
        }
        out
    }

    /// The summary as a JSON object.
    pub fn to_json(&self, allowlist: &Allowlist) -> String {
        let mismatch_json = |m: &Mismatch| {
            format!(
                "{{\"word\": \"{:08x}\", \"pc\": \"{:#x}\", \"kind\": \"{}\", \"ours\": {}, \"capstone\": {}}}",
                m.word,
                m.pc,
                m.kind.name(),
                json_string(&m.ours),
                json_string(&m.capstone)
            )
        };
        let rules: Vec<String> = allowlist
            .rules()
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let example = match &self.rule_examples[i] {
                    Some((_, m)) => mismatch_json(m),
                    None => "null".into(),
                };
                format!(
                    "{{\"name\": {}, \"count\": {}, \"example\": {}}}",
                    json_string(&r.name),
                    self.allowlisted[i],
                    example
                )
            })
            .collect();
        let mismatches: Vec<String> = self
            .mismatches
            .iter()
            .map(|(_, m)| mismatch_json(m))
            .collect();
        format!(
            "{{\n  \"checked\": {},\n  \"agree_accept\": {},\n  \"agree_reject\": {},\n  \
             \"unimplemented\": {},\n  \"disagree\": {{\"{}\": {}, \"{}\": {}, \"{}\": {}}},\n  \
             \"allowlisted\": {},\n  \"rules\": [\n    {}\n  ],\n  \"mismatches\": [\n    {}\n  ]\n}}\n",
            self.checked,
            self.agree_accept,
            self.agree_reject,
            self.unimplemented,
            MismatchKind::ALL[0].name(),
            self.disagree[0],
            MismatchKind::ALL[1].name(),
            self.disagree[1],
            MismatchKind::ALL[2].name(),
            self.disagree[2],
            self.allowlisted_total(),
            rules.join(",\n    "),
            mismatches.join(",\n    ")
        )
    }
}

pub(crate) fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---------------------------------------------------------------------------------------------
// The sweep

/// Live counters a sweep updates after each chunk, for progress display.
#[derive(Debug, Default)]
pub struct Progress {
    /// Words checked so far.
    pub done: AtomicU64,
    /// Unexplained mismatches so far.
    pub mismatches: AtomicU64,
}

/// Checks every word of `source` in parallel on the current rayon pool.
pub fn sweep(
    source: &WordSource,
    allowlist: &Allowlist,
    max_listed: usize,
    progress: Option<&Progress>,
) -> Result<Summary, SweepError> {
    let len = source.len();
    let chunks = len.div_ceil(CHUNK);
    let empty = || Summary::new(allowlist.rules().len(), max_listed);
    (0..chunks)
        .into_par_iter()
        .map(|chunk| {
            let start = chunk * CHUNK;
            let end = (start + CHUNK).min(len);
            let summary = with_checker(|checker| {
                let mut summary = empty();
                for index in start..end {
                    let (word, pc) = source.get(index);
                    summary.record(index, checker.check(allowlist, word, pc));
                }
                summary
            })?;
            if let Some(p) = progress {
                p.done.fetch_add(end - start, Ordering::Relaxed);
                p.mismatches
                    .fetch_add(summary.unexplained(), Ordering::Relaxed);
            }
            Ok(summary)
        })
        .try_reduce(empty, |a, b| Ok(a.merge(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob("prfm , *", "prfm , [x0]"));
        assert!(glob("*", ""));
        assert!(glob("b?c*d", "bxcyyd"));
        assert!(!glob("b?c*d", "bxcyye"));
        assert!(glob("mrs *, s?_*", "mrs x0, s3_0_c15_c0_0"));
    }

    #[test]
    fn field_conditions() {
        let c = parse_field_cond("4:0 == 14:10").unwrap();
        assert!(c.holds(0xa940_0020)); // ldp x0, x0, [x1]
        assert!(!c.holds(0xa940_0c20)); // ldp x0, x3, [x1]
        let c = parse_field_cond("20:16 != 0x1f").unwrap();
        assert!(c.holds(0x0840_7c20));
        assert!(!c.holds(0x085f_7c20));
        assert!(parse_field_cond("31:33 == 1").is_err());
    }

    #[test]
    fn builtin_allowlist_parses() {
        let list = Allowlist::builtin().unwrap();
        assert!(!list.rules().is_empty());
        for rule in list.rules() {
            assert!(
                rule.reason.len() > 20,
                "rule {} needs a real reason",
                rule.name
            );
        }
    }

    #[test]
    fn allowlist_syntax() {
        let text = r#"
            # comment
            [[rule]]
            name = "a"   # trailing comment
            kind = "we-accept-capstone-rejects"
            words = [
                "0xffc00000/0x68800000",  # post-index
                "0xffc00000/0x69000000",
            ]
            fields = ["4:0 == 14:10"]
            reason = "a \"quoted\" reason with # inside"
        "#;
        let list = Allowlist::parse(text, "t").unwrap();
        let rule = &list.rules()[0];
        assert_eq!(rule.words.len(), 2);
        assert_eq!(rule.reason, "a \"quoted\" reason with # inside");
        assert!(Allowlist::parse("[[rule]]\nname = \"x\"\n", "t").is_err());
        assert!(Allowlist::parse("[[rule]]\nbogus = \"x\"\n", "t").is_err());
    }

    #[test]
    fn random_source_is_deterministic() {
        let s = WordSource::Random { seed: 7, count: 10 };
        assert_eq!(s.get(3), s.get(3));
        assert_ne!(s.get(3), s.get(4));
    }
}
