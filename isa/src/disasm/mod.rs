//! GNU-syntax disassembly, as `aarch64-linux-gnu-objdump -d` prints it (without the
//! `<symbol>` annotations and `//` comments): lower case, one space after the mnemonic,
//! `, ` between operands, preferred aliases (Arm ARM "alias conditions") applied.
//!
//! [`Disasm`] is a [`Visitor`](crate::Visitor); each section of the encoding table has its
//! handlers in its own file.

mod branch_sys;
mod dp_imm;
mod dp_reg;
mod fp_simd;
mod ldst;

use crate::{decode, UnimplClass, VisitorBase};
use std::fmt::Write as _;

/// The result of disassembling one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Disassembly {
    /// GNU-syntax text of an implemented instruction.
    Text(String),
    /// The word is unallocated (UNDEFINED).
    Unallocated,
    /// The word decodes to a class a64sim does not implement yet.
    Unimplemented(UnimplClass),
}

impl Disassembly {
    /// The text, or a placeholder for unallocated/unimplemented words (for traces).
    pub fn text_or_placeholder(&self) -> String {
        match self {
            Disassembly::Text(t) => t.clone(),
            Disassembly::Unallocated => "<unallocated>".into(),
            Disassembly::Unimplemented(c) => format!("<unimplemented {}>", c.name()),
        }
    }
}

/// Disassembles `word` located at virtual address `pc` (PC-relative targets are absolute).
pub fn disassemble(word: u32, pc: u64) -> Disassembly {
    let mut d = Disasm {
        pc,
        out: String::new(),
    };
    let insn = decode(word);
    match insn.visit(&mut d) {
        Outcome::Text => Disassembly::Text(d.out),
        Outcome::Unallocated => Disassembly::Unallocated,
        Outcome::Unimplemented(c) => Disassembly::Unimplemented(c),
    }
}

/// What a disassembly handler produced.
#[derive(Debug)]
pub(crate) enum Outcome {
    Text,
    Unallocated,
    Unimplemented(UnimplClass),
}

/// The disassembling visitor: writes into `out`.
#[derive(Debug)]
pub(crate) struct Disasm {
    pub(crate) pc: u64,
    pub(crate) out: String,
}

impl Disasm {
    /// Writes the text and reports success.
    pub(crate) fn emit(&mut self, args: std::fmt::Arguments<'_>) -> Outcome {
        let _ = self.out.write_fmt(args);
        Outcome::Text
    }
}

impl VisitorBase for Disasm {
    type Output = Outcome;
    fn unallocated(&mut self) -> Outcome {
        Outcome::Unallocated
    }
    fn unimplemented(&mut self, class: UnimplClass) -> Outcome {
        Outcome::Unimplemented(class)
    }
}

/// Formats an immediate the way objdump does: `#0x..` in hex.
pub(crate) struct Hex(pub u64);

impl std::fmt::Display for Hex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{:#x}", self.0)
    }
}

/// Formats a branch/ADR target address (objdump prints the absolute address).
pub(crate) struct Target(pub u64);

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#x}", self.0)
    }
}
