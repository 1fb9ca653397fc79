//! Execution of the `fp_simd` section. It has no instruction rows yet: its encodings decode
//! to `Insn::Unimplemented`, which `VisitorBase::unimplemented` turns into an emulator error.

use super::Exec;
use crate::memory::Platform;
use a64sim_isa::FpSimdVisitor;

impl<P: Platform> FpSimdVisitor for Exec<'_, P> {}
