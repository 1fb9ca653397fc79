//! Disassembly of the `fp_simd` section. It has no instruction rows yet: its encodings
//! disassemble as `Disassembly::Unimplemented`.

use super::Disasm;
use crate::FpSimdVisitor;

impl FpSimdVisitor for Disasm {}
