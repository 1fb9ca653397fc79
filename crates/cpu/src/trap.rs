//! The CPU's side of trapping and routing: the [`TrapCtx`] snapshot built from the
//! system registers, and the exceptions `a64sim-el2`'s verdicts turn into.

use crate::exception::{Exception, VectorKind};
use crate::run::Pe;
use crate::sysreg::index_of;
use a64sim_arch::esr::fsc;
use a64sim_arch::{DataAbortIss, El, Esr, ExceptionClass};
use a64sim_el2::bits::{hcr, scr};
use a64sim_el2::{route, TrapCtx};
use a64sim_isa::sysreg::regs;

const SCR: usize = index_of(regs::SCR_EL3);
const HCR: usize = index_of(regs::HCR_EL2);
const SCTLR1: usize = index_of(regs::SCTLR_EL1);
const SCTLR2: usize = index_of(regs::SCTLR_EL2);
const CPACR: usize = index_of(regs::CPACR_EL1);
const CPTR2: usize = index_of(regs::CPTR_EL2);
const CPTR3: usize = index_of(regs::CPTR_EL3);
const MDCR2: usize = index_of(regs::MDCR_EL2);
const MDCR3: usize = index_of(regs::MDCR_EL3);
const PMUSERENR: usize = index_of(regs::PMUSERENR_EL0);
const CNTKCTL: usize = index_of(regs::CNTKCTL_EL1);
const CNTHCTL: usize = index_of(regs::CNTHCTL_EL2);

impl Pe {
    /// The controls of routing and trapping, as they are now.
    #[inline]
    pub fn trap_ctx(&self) -> TrapCtx {
        let s = &self.sys;
        TrapCtx {
            el: self.st.pstate.el,
            has_el3: true,
            scr_el3: s.get(SCR),
            hcr_el2: s.get(HCR),
            sctlr_el1: s.get(SCTLR1),
            sctlr_el2: s.get(SCTLR2),
            cpacr_el1: s.get(CPACR),
            cptr_el2: s.get(CPTR2),
            cptr_el3: s.get(CPTR3),
            mdcr_el2: s.get(MDCR2),
            mdcr_el3: s.get(MDCR3),
            pmuserenr_el0: s.get(PMUSERENR),
            cntkctl_el1: s.get(CNTKCTL),
            cnthctl_el2: s.get(CNTHCTL),
        }
    }

    /// Where a general synchronous exception from the current EL goes (HCR_EL2.TGE aware).
    #[inline]
    pub fn sync_target(&self) -> El {
        route::sync_target(&self.trap_ctx())
    }
}

impl Pe {
    /// A synchronous External abort (DFSC/IFSC 0x10) for an access to `va` by the
    /// instruction at `pc` that reached no memory or device (ARCH.md §1.6): to EL3 when
    /// SCR_EL3.EA = 1, else to EL2 when below it with HCR_EL2.TEA = 1, else as a stage-1
    /// abort.
    pub fn external_abort(&self, va: u64, write: bool, fetch: bool, pc: u64) -> Exception {
        let ctx = self.trap_ctx();
        let from = ctx.el();
        let target = if ctx.has_el3 && ctx.scr_el3 & scr::EA != 0 {
            El::El3
        } else if from < El::El2 && ctx.el2_enabled() && ctx.hcr_el2 & hcr::TEA != 0 {
            El::El2
        } else {
            self.sync_target()
        };
        let iss = if fetch {
            fsc::SYNC_EXTERNAL as u32
        } else {
            DataAbortIss::simple(fsc::SYNC_EXTERNAL, write).encode()
        };
        sync_to(
            target,
            Esr::new(abort_class(from, target, !fetch), iss),
            Some(va),
            pc,
        )
    }
}

/// A synchronous exception to `target` with syndrome `esr`.
pub fn sync_to(target: El, esr: Esr, far: Option<u64>, preferred_return: u64) -> Exception {
    Exception {
        kind: VectorKind::Sync,
        target,
        esr,
        far,
        preferred_return,
        hpfar: None,
    }
}

/// The EC of an abort taken to `target` from `from`: the "lower EL" class when the
/// exception changes EL.
pub fn abort_class(from: El, target: El, data: bool) -> ExceptionClass {
    match (data, target > from) {
        (true, true) => ExceptionClass::DataAbortLower,
        (true, false) => ExceptionClass::DataAbortSame,
        (false, true) => ExceptionClass::InsnAbortLower,
        (false, false) => ExceptionClass::InsnAbortSame,
    }
}
