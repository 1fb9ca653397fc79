//! Disassembly of the `branch_sys` section of the encoding table.

use super::{Disasm, Outcome};
#[allow(unused_imports, reason = "section rows are being written")]
use crate::*;

impl BranchSysVisitor for Disasm {}
