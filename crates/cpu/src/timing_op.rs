//! What each decoded instruction is for the cycle model (placeholder until the
//! classification lands).

use a64sim_isa::Insn;
use a64sim_timing::Op;

/// The timing description of `insn`.
pub fn timing_op(_insn: &Insn) -> Op {
    Op::default()
}
