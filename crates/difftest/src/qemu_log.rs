//! A streaming parser of QEMU's per-instruction log (`-accel tcg,one-insn-per-tb=on
//! -d cpu,exec,nochain[,int] -D FILE`) into [`StateRecord`]s.
//!
//! QEMU 10 writes, before every translation block it executes (one instruction each with
//! `one-insn-per-tb=on`), a record of 13 lines:
//!
//! ```text
//! Trace 0: 0x7f144bc00100 [00000000/0000000040200000/00000471/ff020201] [symbol]
//!  PC=0000000040200000 X00=0000000000000000 X01=0000000000000000
//! X02=0000000000000000 X03=0000000000000000 X04=0000000000000000
//! ...                                       (three registers a line)
//! X29=0000000000000000 X30=0000000000000000  SP=0000000000000000
//! PSTATE=400003cd -Z-- EL3h  BTYPE=0
//! ```
//!
//! The `Trace` line gives the CPU index, the host address of the translated code and
//! `[cs_base/PC/tb flags/cflags]`; `SP` is the stack pointer PSTATE selects; the PSTATE hex is
//! the SPSR_ELx layout, then the NZCV letters, `NS `/`S ` below EL3, `EL<n><h|t>`, an
//! `SVCR=<hex> <ZS>` pair when SME is on and `BTYPE=<n>` when BTI is. The parser checks that
//! these agree with one another, so a record it accepts is self-consistent.
//!
//! With `-d int`, QEMU also logs exception entries (`Taking exception 2 [SVC] on CPU 0`
//! followed by `...from EL1 to EL2`, `...with ESR 0x15/0x5a000000` lines), semihosting calls
//! (as exception 16, `[Semihosting call]`) and exception returns (`Exception return from
//! AArch64 EL2 to AArch64 EL1 PC 0x...`). They become [`LogEvent`]s attached to the record
//! that follows them. Any other line outside a record is skipped; a malformed record is an
//! error naming the line.

use a64sim_cpu::trace_state::{Security, StateRecord};
use std::io::BufRead;

/// Longest line kept; longer lines are cut (and an error if they belong to a record).
const MAX_LINE: usize = 4096;

/// A record of QEMU's log with what QEMU logged between it and the previous one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QemuStep {
    /// The state before the step.
    pub record: StateRecord,
    /// Line number (1-based) of the record's `Trace` line.
    pub line: u64,
    /// Events logged since the previous record.
    pub events: Vec<LogEvent>,
}

/// What an event line says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// `Taking exception N [NAME] on CPU c`.
    Exception {
        /// QEMU's exception number.
        number: u32,
        /// QEMU's name for it (`SVC`, `Data Abort`, `IRQ`, `Semihosting call`, ...).
        name: String,
    },
    /// `Exception return from AArch64 ELx to AArch64 ELy PC ...`.
    ExceptionReturn,
}

/// An event QEMU logged between two records (`-d int`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEvent {
    /// Line number of its first line.
    pub line: u64,
    /// What it is.
    pub kind: EventKind,
    /// Its lines, joined with newlines (the first line and its `...` continuations).
    pub text: String,
}

impl LogEvent {
    /// Whether this is an asynchronous exception entry (IRQ, FIQ, SError and their virtual
    /// and NMI forms), which a lockstep comparison cannot follow.
    pub fn is_asynchronous(&self) -> bool {
        match &self.kind {
            EventKind::Exception { name, .. } => ["IRQ", "FIQ", "SERR", "SError", "NMI"]
                .iter()
                .any(|k| name.contains(k)),
            EventKind::ExceptionReturn => false,
        }
    }

    /// Whether this is a semihosting call (QEMU logs it as exception 16).
    pub fn is_semihosting(&self) -> bool {
        matches!(&self.kind, EventKind::Exception { name, .. } if name == "Semihosting call")
    }
}

/// Why a QEMU log could not be read.
#[derive(Debug, thiserror::Error)]
pub enum QemuLogError {
    /// Reading failed.
    #[error("QEMU log line {line}: read error: {source}")]
    Io {
        /// The line being read.
        line: u64,
        /// The cause.
        source: std::io::Error,
    },
    /// A record's line is not what QEMU writes.
    #[error("QEMU log line {line}: {message}: `{text}`")]
    Malformed {
        /// The line.
        line: u64,
        /// What is wrong.
        message: String,
        /// The line's text (cut to 120 characters).
        text: String,
    },
    /// The log ends inside a record.
    #[error("QEMU log line {line}: the log ends inside the record that starts at line {start}")]
    Truncated {
        /// The last line read.
        line: u64,
        /// The record's `Trace` line.
        start: u64,
    },
}

/// Register names of a record in QEMU's order: PC, X00–X30, SP.
const REG_NAMES: [&str; 33] = [
    "PC", "X00", "X01", "X02", "X03", "X04", "X05", "X06", "X07", "X08", "X09", "X10", "X11",
    "X12", "X13", "X14", "X15", "X16", "X17", "X18", "X19", "X20", "X21", "X22", "X23", "X24",
    "X25", "X26", "X27", "X28", "X29", "X30", "SP",
];

/// Reads QEMU's log one record at a time from any buffered reader (a file, a pipe, a
/// fixture); memory use does not grow with the log.
#[derive(Debug)]
pub struct QemuLog<R> {
    reader: R,
    /// Number of the line in `buf`.
    line: u64,
    buf: Vec<u8>,
    /// Events since the last record.
    events: Vec<LogEvent>,
    /// Lines outside records that were not events.
    skipped: u64,
    /// The last line was an exception entry or one of its `...` continuation lines.
    in_event: bool,
    /// The reader is exhausted or an error was returned.
    done: bool,
}

impl<R: BufRead> QemuLog<R> {
    /// A parser reading from `reader`.
    pub fn new(reader: R) -> Self {
        QemuLog {
            reader,
            line: 0,
            buf: Vec::with_capacity(128),
            events: Vec::new(),
            skipped: 0,
            in_event: false,
            done: false,
        }
    }

    /// The reader (to see what it has buffered).
    pub fn get_ref(&self) -> &R {
        &self.reader
    }

    /// The number of the last line read.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Lines skipped because they were neither records nor events.
    pub fn skipped_lines(&self) -> u64 {
        self.skipped
    }

    /// Events logged after the last record (at the end of the log).
    pub fn trailing_events(&self) -> &[LogEvent] {
        &self.events
    }

    /// Reads the next line into `buf` without its line ending; `false` at the end.
    fn read_line(&mut self) -> Result<bool, QemuLogError> {
        self.buf.clear();
        let mut any = false;
        loop {
            let chunk = self.reader.fill_buf().map_err(|source| QemuLogError::Io {
                line: self.line + 1,
                source,
            })?;
            if chunk.is_empty() {
                break;
            }
            any = true;
            let (used, end) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let keep = used.min(MAX_LINE.saturating_sub(self.buf.len()));
            self.buf.extend_from_slice(&chunk[..keep]);
            self.reader.consume(used);
            if end {
                break;
            }
        }
        if !any {
            return Ok(false);
        }
        self.line += 1;
        while matches!(self.buf.last(), Some(b'\n' | b'\r')) {
            self.buf.pop();
        }
        Ok(true)
    }

    fn malformed(&self, message: impl Into<String>) -> QemuLogError {
        let text = String::from_utf8_lossy(&self.buf);
        QemuLogError::Malformed {
            line: self.line,
            message: message.into(),
            text: text.chars().take(120).collect(),
        }
    }

    /// The next record, or `None` at the end of the log.
    pub fn next_step(&mut self) -> Result<Option<QemuStep>, QemuLogError> {
        if self.done {
            return Ok(None);
        }
        let r = self.scan();
        if !matches!(r, Ok(Some(_))) {
            self.done = true;
        }
        r
    }

    /// Skips to the next `Trace` line, collecting events, and parses its record.
    fn scan(&mut self) -> Result<Option<QemuStep>, QemuLogError> {
        loop {
            if !self.read_line()? {
                return Ok(None);
            }
            let l = &self.buf[..];
            let continues_event = std::mem::take(&mut self.in_event);
            if l.starts_with(b"Trace ") {
                return self.record().map(Some);
            } else if l.starts_with(b"Taking exception ") {
                let event = self.exception_event()?;
                self.events.push(event);
                self.in_event = true;
            } else if l.starts_with(b"...") {
                match self.events.last_mut() {
                    Some(e) if continues_event => {
                        e.text.push('\n');
                        e.text.push_str(&String::from_utf8_lossy(&self.buf));
                        self.in_event = true;
                    }
                    _ => self.skipped += 1,
                }
            } else if l.starts_with(b"Exception return from ") {
                self.events.push(LogEvent {
                    line: self.line,
                    kind: EventKind::ExceptionReturn,
                    text: String::from_utf8_lossy(&self.buf).into_owned(),
                });
            } else if l.starts_with(b" PC=") || l.starts_with(b"PSTATE=") {
                return Err(self.malformed(
                    "register dump without its `Trace` line (the log must be made with \
                     -d cpu,exec,nochain)",
                ));
            } else {
                self.skipped += 1;
            }
        }
    }

    /// Parses `Taking exception N [NAME] on CPU c`.
    fn exception_event(&self) -> Result<LogEvent, QemuLogError> {
        let text = String::from_utf8_lossy(&self.buf).into_owned();
        let parsed = text
            .strip_prefix("Taking exception ")
            .and_then(|rest| rest.split_once(' '))
            .and_then(|(n, rest)| {
                let number = n.parse().ok()?;
                let name = rest.strip_prefix('[')?.split_once(']')?.0.to_string();
                Some(EventKind::Exception { number, name })
            });
        match parsed {
            Some(kind) => Ok(LogEvent {
                line: self.line,
                kind,
                text,
            }),
            None => Err(self.malformed("expected `Taking exception N [NAME] on CPU c`")),
        }
    }

    /// Parses a record whose `Trace` line is in `buf`.
    fn record(&mut self) -> Result<QemuStep, QemuLogError> {
        let start = self.line;
        let header_pc = self.trace_header()?;
        let mut regs = [0u64; 33];
        let mut next = 0;
        while next < regs.len() {
            if !self.read_line()? {
                return Err(QemuLogError::Truncated {
                    line: self.line,
                    start,
                });
            }
            let text = std::str::from_utf8(&self.buf)
                .map_err(|_| self.malformed("not ASCII inside a record"))?;
            let mut any = false;
            for token in text.split_ascii_whitespace() {
                any = true;
                let Some(name) = REG_NAMES.get(next) else {
                    return Err(self.malformed(format!("unexpected `{token}` after SP")));
                };
                let value = token
                    .strip_prefix(name)
                    .and_then(|t| t.strip_prefix('='))
                    .ok_or_else(|| self.malformed(format!("expected {name}=<hex>")))?;
                regs[next] = parse_hex64(value)
                    .ok_or_else(|| self.malformed(format!("{name}: `{value}` is not hex")))?;
                next += 1;
            }
            if !any {
                return Err(self.malformed("empty line inside a record"));
            }
        }
        if regs[0] != header_pc {
            return Err(self.malformed(format!(
                "PC {:#x} differs from the PC {header_pc:#x} of the `Trace` line at line {start}",
                regs[0]
            )));
        }
        if !self.read_line()? {
            return Err(QemuLogError::Truncated {
                line: self.line,
                start,
            });
        }
        let (pstate, security) = self.pstate_line()?;
        let mut x = [0; 31];
        x.copy_from_slice(&regs[1..32]);
        Ok(QemuStep {
            record: StateRecord {
                pc: regs[0],
                x,
                sp: regs[32],
                pstate,
                security,
                word: None,
            },
            line: start,
            events: std::mem::take(&mut self.events),
        })
    }

    /// Parses `Trace <cpu>: <host> [<cs_base>/<pc>/<flags>/<cflags>] [symbol]`; returns PC.
    fn trace_header(&self) -> Result<u64, QemuLogError> {
        let text = std::str::from_utf8(&self.buf).map_err(|_| self.malformed("not ASCII"))?;
        let err =
            || self.malformed("expected `Trace <cpu>: <host> [<cs_base>/<pc>/<flags>/<cflags>]`");
        let rest = text.strip_prefix("Trace ").ok_or_else(err)?;
        let (cpu, rest) = rest.split_once(": ").ok_or_else(err)?;
        let cpu: u32 = cpu.parse().map_err(|_| err())?;
        if cpu != 0 {
            return Err(self.malformed(format!(
                "a record of CPU {cpu}: only single-CPU logs can be compared"
            )));
        }
        let (_host, rest) = rest.split_once(" [").ok_or_else(err)?;
        let (fields, _symbol) = rest.split_once(']').ok_or_else(err)?;
        let mut parts = fields.split('/');
        let (Some(_cs_base), Some(pc), Some(_flags), Some(_cflags), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return Err(err());
        };
        parse_hex64(pc).ok_or_else(err)
    }

    /// Parses `PSTATE=<hex> <NZCV> [NS |S ]EL<n><h|t> [SVCR=<hex> <ZS>] [BTYPE=<n>]` and
    /// checks that its parts agree with the hex value.
    fn pstate_line(&self) -> Result<(u32, Security), QemuLogError> {
        let text = std::str::from_utf8(&self.buf).map_err(|_| self.malformed("not ASCII"))?;
        let mut tokens = text.split_ascii_whitespace();
        let hex = tokens
            .next()
            .and_then(|t| t.strip_prefix("PSTATE="))
            .ok_or_else(|| self.malformed("expected `PSTATE=<hex>` after SP"))?;
        let pstate = u32::from_str_radix(hex, 16)
            .ok()
            .filter(|_| (1..=8).contains(&hex.len()))
            .ok_or_else(|| self.malformed(format!("PSTATE `{hex}` is not 32-bit hex")))?;
        let record = StateRecord {
            pc: 0,
            x: [0; 31],
            sp: 0,
            pstate,
            security: Security::Unstated,
            word: None,
        };
        let letters = tokens.next().unwrap_or("");
        if letters != record.nzcv_letters() {
            return Err(self.malformed(format!(
                "NZCV letters `{letters}` disagree with PSTATE {pstate:08x}"
            )));
        }
        let mut token = tokens.next().unwrap_or("");
        let security = match token {
            "NS" => Security::NonSecure,
            "S" => Security::Secure,
            _ => Security::Unstated,
        };
        if security != Security::Unstated {
            token = tokens.next().unwrap_or("");
        }
        let want = format!(
            "EL{}{}",
            record.el(),
            if record.sp_sel() { 'h' } else { 't' }
        );
        if token != want {
            return Err(self.malformed(format!(
                "`{token}` disagrees with PSTATE {pstate:08x} (which says {want})"
            )));
        }
        if (record.el() == 3) != (security == Security::Unstated) {
            return Err(self
                .malformed("the security state is printed below EL3 and only there".to_string()));
        }
        while let Some(t) = tokens.next() {
            if let Some(v) = t.strip_prefix("SVCR=") {
                parse_hex64(v).ok_or_else(|| self.malformed("SVCR is not hex"))?;
                tokens.next();
            } else if let Some(v) = t.strip_prefix("BTYPE=") {
                if v.parse::<u8>().ok() != Some(record.btype()) {
                    return Err(
                        self.malformed(format!("BTYPE={v} disagrees with PSTATE {pstate:08x}"))
                    );
                }
            } else {
                return Err(self.malformed(format!("unknown PSTATE field `{t}`")));
            }
        }
        Ok((pstate, security))
    }
}

impl<R: BufRead> Iterator for QemuLog<R> {
    type Item = Result<QemuStep, QemuLogError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_step().transpose()
    }
}

/// Parses 1 to 16 hex digits.
fn parse_hex64(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 16 {
        return None;
    }
    u64::from_str_radix(s, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One record as QEMU 10 printed it (the first of tests/images/dp_imm.elf).
    const ONE: &str = "\
Trace 0: 0x7f144bc00100 [00000000/0000000040200000/00000471/ff020201] 
 PC=0000000040200000 X00=0000000000000000 X01=0000000000000000
X02=0000000000000000 X03=0000000000000000 X04=0000000000000000
X05=0000000000000000 X06=0000000000000000 X07=0000000000000000
X08=0000000000000000 X09=0000000000000000 X10=0000000000000000
X11=0000000000000000 X12=0000000000000000 X13=0000000000000000
X14=0000000000000000 X15=0000000000000000 X16=0000000000000000
X17=0000000000000000 X18=0000000000000000 X19=0000000000000000
X20=0000000000000000 X21=0000000000000000 X22=0000000000000000
X23=0000000000000000 X24=0000000000000000 X25=0000000000000000
X26=0000000000000000 X27=0000000000000000 X28=0000000000000000
X29=0000000000000000 X30=0000000000000000  SP=0000000000000000
PSTATE=400003cd -Z-- EL3h  BTYPE=0
";

    fn parse_all(text: &str) -> Result<Vec<QemuStep>, QemuLogError> {
        QemuLog::new(text.as_bytes()).collect()
    }

    fn err_of(text: &str) -> String {
        parse_all(text).unwrap_err().to_string()
    }

    #[test]
    fn one_record() {
        let steps = parse_all(ONE).unwrap();
        assert_eq!(steps.len(), 1);
        let r = &steps[0].record;
        assert_eq!(r.pc, 0x4020_0000);
        assert_eq!(r.pstate, 0x4000_03cd);
        assert_eq!(r.security, Security::Unstated);
        assert_eq!(steps[0].line, 1);
    }

    #[test]
    fn writer_output_parses_back() {
        let mut r = parse_all(ONE).unwrap().remove(0).record;
        r.x[7] = 0xdead_beef;
        r.sp = 0x1234;
        r.pstate = 0x6000_03c5;
        r.security = Security::NonSecure;
        let mut text = Vec::new();
        r.write_qemu(&mut text).unwrap();
        let back = parse_all(std::str::from_utf8(&text).unwrap()).unwrap();
        assert_eq!(back[0].record, r);
    }

    #[test]
    fn malformed_lines_are_errors_with_their_line_number() {
        let bad_hex = ONE.replace("X05=0000000000000000", "X05=00000000000g0000");
        assert!(err_of(&bad_hex).starts_with("QEMU log line 4: X05"));
        let missing = ONE.replace("X05=0000000000000000 ", "");
        assert!(err_of(&missing).contains("line 4: expected X05=<hex>"));
        let letters = ONE.replace("-Z--", "N---");
        assert!(err_of(&letters).contains("line 13: NZCV letters"));
        let el = ONE.replace("EL3h", "EL1h");
        assert!(err_of(&el).contains("disagrees with PSTATE"));
        let btype = ONE.replace("BTYPE=0", "BTYPE=2");
        assert!(err_of(&btype).contains("BTYPE=2 disagrees"));
        let cpu1 = ONE.replace("Trace 0:", "Trace 1:");
        assert!(err_of(&cpu1).contains("CPU 1"));
        let pc = ONE.replace("/0000000040200000/", "/0000000040200004/");
        assert!(err_of(&pc).contains("differs from the PC"));
        let cut: String = ONE.lines().take(7).map(|l| format!("{l}\n")).collect();
        assert!(err_of(&cut).contains("ends inside the record that starts at line 1"));
        let headless: String = ONE.lines().skip(1).map(|l| format!("{l}\n")).collect();
        assert!(err_of(&headless).contains("without its `Trace` line"));
        let long = format!("Trace 0: {}", "x".repeat(100_000));
        assert!(err_of(&long).contains("QEMU log line 1"));
        let binary = ONE.replace("X05=0000000000000000", "X05=\u{ff}\u{fe}");
        assert!(err_of(&binary).contains("line 4"));
    }

    #[test]
    fn other_lines_are_skipped_and_exceptions_become_events() {
        let text = format!(
            "qemu: some warning\n{ONE}Taking exception 2 [SVC] on CPU 0\n\
             ...from EL3 to EL3\n...with ESR 0x15/0x56000001\nunrelated\n{ONE}\
             Taking exception 5 [IRQ] on CPU 0\n...from EL1 to EL1\n"
        );
        let mut log = QemuLog::new(text.as_bytes());
        let a = log.next_step().unwrap().unwrap();
        assert!(a.events.is_empty());
        assert_eq!(a.line, 2);
        let b = log.next_step().unwrap().unwrap();
        assert_eq!(b.events.len(), 1);
        assert_eq!(
            b.events[0].kind,
            EventKind::Exception {
                number: 2,
                name: "SVC".into()
            }
        );
        assert!(b.events[0].text.ends_with("...with ESR 0x15/0x56000001"));
        assert!(!b.events[0].is_asynchronous());
        assert!(log.next_step().unwrap().is_none());
        assert!(log.trailing_events()[0].is_asynchronous());
        assert_eq!(log.skipped_lines(), 2);
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..3000)) {
            let _ = QemuLog::new(&bytes[..]).count();
        }

        #[test]
        fn a_damaged_record_parses_or_is_an_error(pos in 0..ONE.len(), byte in proptest::prelude::any::<u8>()) {
            let mut bytes = ONE.as_bytes().to_vec();
            bytes[pos] = byte;
            let results: Vec<_> = QemuLog::new(&bytes[..]).collect();
            proptest::prop_assert!(results.len() <= 1);
        }
    }

    #[test]
    fn security_state_and_optional_fields() {
        let ns = ONE.replace(
            "PSTATE=400003cd -Z-- EL3h  BTYPE=0",
            "PSTATE=820023c5 N--- NS EL1h  SVCR=00000000 --  BTYPE=0",
        );
        let r = parse_all(&ns).unwrap().remove(0).record;
        assert_eq!(r.security, Security::NonSecure);
        assert_eq!(r.el(), 1);
        let no_ns = ONE.replace("-Z-- EL3h", "-Z-- NS EL3h");
        assert!(err_of(&no_ns).contains("security state"));
        let extra = ONE.replace("BTYPE=0", "BTYPE=0 FOO=1");
        assert!(err_of(&extra).contains("unknown PSTATE field `FOO=1`"));
    }
}
