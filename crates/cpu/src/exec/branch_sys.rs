//! Execution of the `branch_sys` section of the encoding table.

use super::Exec;
use crate::memory::Platform;
#[allow(unused_imports, reason = "section rows are being written")]
use a64sim_isa::*;

impl<P: Platform> BranchSysVisitor for Exec<'_, P> {}
