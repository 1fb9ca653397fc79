//! The A64 encoding table and everything derived from it.
//!
//! `encodings/*.decode` holds one row per instruction pattern, one file per section of the
//! Arm ARM A64 encoding index (C4.1). `build.rs` turns the rows into a struct per row, the
//! [`Insn`] enum, [`decode`], one visitor trait per section ([`Visitor`] is all of them) and
//! the [`ENCODINGS`] metadata. Adding an instruction is one row; the compiler then lists every
//! consumer (disassembler, executor) that must handle it, since the traits have no defaults.
//!
//! GNU-syntax disassembly ([`disassemble`]) is a visitor in [`disasm`]. System register and
//! system instruction names (shared by the disassembler and the CPU's register table) are in
//! [`sysreg`] and [`sysop`].

pub mod disasm;
mod guards;
pub mod operand;
pub mod sysop;
pub mod sysreg;

pub use disasm::{disassemble, Disassembly};
pub use operand::{Cond, XReg, XRegSp};

/// How a row of the encoding table decodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// An instruction row: decodes to its own `Insn` variant.
    Insn,
    /// A class decoded as `Insn::Unimplemented`.
    Unimplemented(UnimplClass),
    /// A reserved pattern carved out of a wider row.
    Unallocated,
}

/// One field of a row: `name` occupies bits `[lsb + width - 1 : lsb]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    /// Field name as written in the table.
    pub name: &'static str,
    /// Least significant bit.
    pub lsb: u32,
    /// Width in bits.
    pub width: u32,
}

/// Metadata of one row of the encoding table (for table tests and random program generators).
#[derive(Clone, Copy, Debug)]
pub struct EncodingRow {
    /// Row name (the `Insn` variant).
    pub name: &'static str,
    /// Encoding-index section (file stem).
    pub section: &'static str,
    /// What the row decodes to.
    pub kind: RowKind,
    /// Fixed bits.
    pub mask: u32,
    /// Values of the fixed bits.
    pub value: u32,
    /// Operand fields.
    pub fields: &'static [FieldInfo],
    /// Extra condition a matching word must meet (reserved operand values fail it).
    pub guard: Option<fn(u32) -> bool>,
    /// `file:line` of the row.
    pub source: &'static str,
}

impl EncodingRow {
    /// Whether `word` has this row's fixed bits (ignoring the guard).
    pub fn matches_bits(&self, word: u32) -> bool {
        word & self.mask == self.value
    }
}

/// Everything `build.rs` generates from the encoding table.
#[allow(
    clippy::identity_op,
    clippy::precedence,
    clippy::unnecessary_cast,
    clippy::match_single_binding,
    clippy::let_and_return,
    unused_parens,
    reason = "generated code favours uniformity over minimal syntax"
)]
mod generated {
    use crate::operand::{XReg, XRegSp};
    use crate::{EncodingRow, FieldInfo, RowKind};
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}
pub use generated::*;

#[cfg(test)]
mod table_tests;
