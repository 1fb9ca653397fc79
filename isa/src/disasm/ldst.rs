//! Disassembly of the `ldst` section of the encoding table.

use super::{Disasm, Outcome};
#[allow(unused_imports, reason = "section rows are being written")]
use crate::*;

impl LdstVisitor for Disasm {}
