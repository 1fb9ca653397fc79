//! `--trace`: one text line per executed instruction with the PC, the word, the
//! disassembly and the registers the instruction changed.

use crate::run::{Pe, Tracer};
use a64sim_isa::{disassemble, Insn};
use std::io::Write;

/// Register values an instruction may change, as the tracer compares them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Snapshot {
    x: [u64; 31],
    sp: u64,
    nzcv: u8,
    el: u8,
}

impl Snapshot {
    fn of(pe: &Pe) -> Self {
        let mut x = [0; 31];
        x.copy_from_slice(&pe.st.x[..31]);
        Snapshot {
            x,
            sp: pe.st.sp(),
            nzcv: pe.st.pstate.nzcv,
            el: pe.st.pstate.el as u8,
        }
    }
}

/// Writes the trace as text to `out`.
#[derive(Debug)]
pub struct TextTracer<W: Write> {
    out: W,
    before: Option<Snapshot>,
    /// First write error; tracing stops after it.
    pub error: Option<std::io::Error>,
}

impl<W: Write> TextTracer<W> {
    /// A tracer writing to `out`.
    pub fn new(out: W) -> Self {
        TextTracer {
            out,
            before: None,
            error: None,
        }
    }

    fn emit(&mut self, args: std::fmt::Arguments<'_>) {
        if self.error.is_none() {
            if let Err(e) = self.out.write_fmt(args) {
                self.error = Some(e);
            }
        }
    }

    /// Ends a line whose instruction did not report back (the run stopped on it).
    fn close_line(&mut self) {
        if self.before.take().is_some() {
            self.emit(format_args!("\n"));
        }
    }

    /// Finishes the trace and flushes it.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.close_line();
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.out.flush()
    }
}

impl<W: Write> Tracer for TextTracer<W> {
    const ENABLED: bool = true;

    fn before(&mut self, pe: &Pe, pc: u64, word: u32, _insn: &Insn) {
        self.close_line();
        let text = disassemble(word, pc).text_or_placeholder();
        self.emit(format_args!("{pc:016x}: {word:08x}  {text:<40}"));
        self.before = Some(Snapshot::of(pe));
    }

    fn before_exception(&mut self, _pe: &Pe, _pc: u64) {}

    fn after(&mut self, pe: &Pe) {
        let Some(b) = self.before.take() else {
            return;
        };
        let a = Snapshot::of(pe);
        for i in 0..31 {
            if a.x[i] != b.x[i] {
                self.emit(format_args!(" x{i}={:#x}", a.x[i]));
            }
        }
        if a.sp != b.sp {
            self.emit(format_args!(" sp={:#x}", a.sp));
        }
        if a.nzcv != b.nzcv {
            self.emit(format_args!(" nzcv={:04b}", a.nzcv));
        }
        if a.el != b.el {
            self.emit(format_args!(" el={} pc={:#x}", a.el, pe.st.pc));
        }
        self.emit(format_args!("\n"));
    }
}
