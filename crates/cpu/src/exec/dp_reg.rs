//! Execution of the `dp_reg` section of the encoding table (interim: handlers being written).

use super::{Exec, ExecResult};
use crate::memory::Platform;
use a64sim_isa::*;

impl<P: Platform> DpRegVisitor for Exec<'_, P> {
    fn subp(&mut self, _i: Subp) -> ExecResult {
        self.not_implemented("Subp")
    }

    fn div(&mut self, _i: Div) -> ExecResult {
        self.not_implemented("Div")
    }

    fn irg(&mut self, _i: Irg) -> ExecResult {
        self.not_implemented("Irg")
    }

    fn gmi(&mut self, _i: Gmi) -> ExecResult {
        self.not_implemented("Gmi")
    }

    fn shift_var(&mut self, _i: ShiftVar) -> ExecResult {
        self.not_implemented("ShiftVar")
    }

    fn pacga(&mut self, _i: Pacga) -> ExecResult {
        self.not_implemented("Pacga")
    }

    fn crc32(&mut self, _i: Crc32) -> ExecResult {
        self.not_implemented("Crc32")
    }

    fn rbit(&mut self, _i: Rbit) -> ExecResult {
        self.not_implemented("Rbit")
    }

    fn rev(&mut self, _i: Rev) -> ExecResult {
        self.not_implemented("Rev")
    }

    fn count_leading(&mut self, _i: CountLeading) -> ExecResult {
        self.not_implemented("CountLeading")
    }

    fn pac_aut(&mut self, _i: PacAut) -> ExecResult {
        self.not_implemented("PacAut")
    }

    fn pac_aut_zero(&mut self, _i: PacAutZero) -> ExecResult {
        self.not_implemented("PacAutZero")
    }

    fn xpac(&mut self, _i: Xpac) -> ExecResult {
        self.not_implemented("Xpac")
    }

    fn logical_shift(&mut self, _i: LogicalShift) -> ExecResult {
        self.not_implemented("LogicalShift")
    }

    fn add_sub_shift(&mut self, _i: AddSubShift) -> ExecResult {
        self.not_implemented("AddSubShift")
    }

    fn add_sub_ext(&mut self, _i: AddSubExt) -> ExecResult {
        self.not_implemented("AddSubExt")
    }

    fn add_sub_ext_s(&mut self, _i: AddSubExtS) -> ExecResult {
        self.not_implemented("AddSubExtS")
    }

    fn add_sub_carry(&mut self, _i: AddSubCarry) -> ExecResult {
        self.not_implemented("AddSubCarry")
    }

    fn rmif(&mut self, _i: Rmif) -> ExecResult {
        self.not_implemented("Rmif")
    }

    fn setf(&mut self, _i: Setf) -> ExecResult {
        self.not_implemented("Setf")
    }

    fn cond_cmp_reg(&mut self, _i: CondCmpReg) -> ExecResult {
        self.not_implemented("CondCmpReg")
    }

    fn cond_cmp_imm(&mut self, _i: CondCmpImm) -> ExecResult {
        self.not_implemented("CondCmpImm")
    }

    fn cond_sel(&mut self, _i: CondSel) -> ExecResult {
        self.not_implemented("CondSel")
    }

    fn mul_add(&mut self, _i: MulAdd) -> ExecResult {
        self.not_implemented("MulAdd")
    }

    fn mul_add_long(&mut self, _i: MulAddLong) -> ExecResult {
        self.not_implemented("MulAddLong")
    }

    fn mul_high(&mut self, _i: MulHigh) -> ExecResult {
        self.not_implemented("MulHigh")
    }
}
