//! Execution of the `ldst` section of the encoding table (interim: handlers being written).

use super::{Exec, ExecResult};
use crate::memory::Platform;
use a64sim_isa::*;

impl<P: Platform> LdstVisitor for Exec<'_, P> {
    fn stzgm(&mut self, _i: Stzgm) -> ExecResult {
        self.not_implemented("Stzgm")
    }

    fn ldg(&mut self, _i: Ldg) -> ExecResult {
        self.not_implemented("Ldg")
    }

    fn stgm(&mut self, _i: Stgm) -> ExecResult {
        self.not_implemented("Stgm")
    }

    fn ldgm(&mut self, _i: Ldgm) -> ExecResult {
        self.not_implemented("Ldgm")
    }

    fn store_tag(&mut self, _i: StoreTag) -> ExecResult {
        self.not_implemented("StoreTag")
    }

    fn ld_st_excl(&mut self, _i: LdStExcl) -> ExecResult {
        self.not_implemented("LdStExcl")
    }

    fn casp(&mut self, _i: Casp) -> ExecResult {
        self.not_implemented("Casp")
    }

    fn ld_st_excl_pair(&mut self, _i: LdStExclPair) -> ExecResult {
        self.not_implemented("LdStExclPair")
    }

    fn ld_st_ordered(&mut self, _i: LdStOrdered) -> ExecResult {
        self.not_implemented("LdStOrdered")
    }

    fn cas(&mut self, _i: Cas) -> ExecResult {
        self.not_implemented("Cas")
    }

    fn ld_st_rcpc_unscaled(&mut self, _i: LdStRcpcUnscaled) -> ExecResult {
        self.not_implemented("LdStRcpcUnscaled")
    }

    fn prfm_lit(&mut self, _i: PrfmLit) -> ExecResult {
        self.not_implemented("PrfmLit")
    }

    fn ldr_lit(&mut self, _i: LdrLit) -> ExecResult {
        self.not_implemented("LdrLit")
    }

    fn stgp(&mut self, _i: Stgp) -> ExecResult {
        self.not_implemented("Stgp")
    }

    fn ld_st_pair(&mut self, _i: LdStPair) -> ExecResult {
        self.not_implemented("LdStPair")
    }

    fn prfum_imm(&mut self, _i: PrfumImm) -> ExecResult {
        self.not_implemented("PrfumImm")
    }

    fn ld_st_reg_imm9(&mut self, _i: LdStRegImm9) -> ExecResult {
        self.not_implemented("LdStRegImm9")
    }

    fn ld_atomic(&mut self, _i: LdAtomic) -> ExecResult {
        self.not_implemented("LdAtomic")
    }

    fn swp(&mut self, _i: Swp) -> ExecResult {
        self.not_implemented("Swp")
    }

    fn ldapr(&mut self, _i: Ldapr) -> ExecResult {
        self.not_implemented("Ldapr")
    }

    fn prfm_reg(&mut self, _i: PrfmReg) -> ExecResult {
        self.not_implemented("PrfmReg")
    }

    fn ld_st_reg_reg_off(&mut self, _i: LdStRegRegOff) -> ExecResult {
        self.not_implemented("LdStRegRegOff")
    }

    fn ldra(&mut self, _i: Ldra) -> ExecResult {
        self.not_implemented("Ldra")
    }

    fn prfm_u_imm(&mut self, _i: PrfmUImm) -> ExecResult {
        self.not_implemented("PrfmUImm")
    }

    fn ld_st_reg_u_imm(&mut self, _i: LdStRegUImm) -> ExecResult {
        self.not_implemented("LdStRegUImm")
    }
}
