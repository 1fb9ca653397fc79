//! Exception entry and return (Arm ARM D1.10, ARCH.md §1.3–§1.5).
//!
//! Guest exceptions are values ([`Exception`]) returned by the executor and taken here.
//! Routing beyond "to the current EL, or EL1 from EL0" arrives with the exception-level
//! issue, which moves the choice of target EL into `a64sim-el2`.

use crate::run::Pe;
use crate::sysreg::{index_of, SysRegs};
use a64sim_arch::{El, Esr, ExceptionClass};
use a64sim_el2::bits::sctlr as sctlr_bits;
use a64sim_isa::sysreg::regs;

/// Which entry of the vector table an exception uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VectorKind {
    /// Synchronous exceptions (offset 0x000).
    Sync = 0x000,
    /// IRQ or vIRQ (0x080).
    Irq = 0x080,
    /// FIQ or vFIQ (0x100).
    Fiq = 0x100,
    /// SError or vSError (0x180).
    SError = 0x180,
}

/// A guest exception about to be taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exception {
    /// Vector entry.
    pub kind: VectorKind,
    /// Target Exception level.
    pub target: El,
    /// Syndrome written to ESR_ELx (not for IRQ/FIQ).
    pub esr: Esr,
    /// Faulting virtual address for aborts, PC alignment and watchpoints.
    pub far: Option<u64>,
    /// Preferred return address (ELR_ELx).
    pub preferred_return: u64,
    /// HPFAR_EL2 for stage-2 aborts taken to EL2 (the faulting IPA), when valid.
    pub hpfar: Option<u64>,
}

/// Table indices of the banked exception registers, by EL (index 0 unused).
const ELR: [usize; 4] = [
    usize::MAX,
    index_of(regs::ELR_EL1),
    index_of(regs::ELR_EL2),
    index_of(regs::ELR_EL3),
];
const SPSR: [usize; 4] = [
    usize::MAX,
    index_of(regs::SPSR_EL1),
    index_of(regs::SPSR_EL2),
    index_of(regs::SPSR_EL3),
];
const ESR: [usize; 4] = [
    usize::MAX,
    index_of(regs::ESR_EL1),
    index_of(regs::ESR_EL2),
    index_of(regs::ESR_EL3),
];
const FAR: [usize; 4] = [
    usize::MAX,
    index_of(regs::FAR_EL1),
    index_of(regs::FAR_EL2),
    index_of(regs::FAR_EL3),
];
const VBAR: [usize; 4] = [
    usize::MAX,
    index_of(regs::VBAR_EL1),
    index_of(regs::VBAR_EL2),
    index_of(regs::VBAR_EL3),
];
const SCTLR: [usize; 4] = [
    usize::MAX,
    index_of(regs::SCTLR_EL1),
    index_of(regs::SCTLR_EL2),
    index_of(regs::SCTLR_EL3),
];

/// The SCTLR that governs `el` (EL0 uses SCTLR_EL1 until the EL2&0 regime exists).
pub fn sctlr_index(el: El) -> usize {
    SCTLR[(el as usize).max(1)]
}

impl Pe {
    /// Takes `e`: AArch64.TakeException (ARCH.md §1.4). Returns the vector address.
    pub fn take_exception(&mut self, e: &Exception) -> u64 {
        self.exceptions += 1;
        let from = self.st.pstate.el;
        let t = e.target as usize;
        let mut off = e.kind as u64;
        if e.target > from {
            off += 0x400; // lower EL using AArch64 (a64sim has no AArch32)
        } else if self.st.pstate.sp {
            off += 0x200;
        }
        let spsr = self.st.pstate.to_spsr();
        if !matches!(e.kind, VectorKind::Irq | VectorKind::Fiq) {
            self.sys.set_unmasked(ESR[t], e.esr.0);
            if let Some(far) = e.far {
                self.sys.set_unmasked(FAR[t], far);
            }
        }
        if let (Some(h), El::El2) = (e.hpfar, e.target) {
            self.sys.set(index_of(regs::HPFAR_EL2), h);
        }
        // The EL changes: the translation context may too.
        self.xlat.dirty = true;
        self.sys.set_unmasked(SPSR[t], spsr);
        self.sys.set_unmasked(ELR[t], e.preferred_return);
        let sctlr = self.sys.get(SCTLR[t]);
        // Only entry to EL2 needs to know whether EL2 is the host (E2H = TGE = 1).
        let in_host = e.target == El::El2 && self.trap_ctx().is_in_host();
        let mte_level = self.mte_level();
        let p = &mut self.st.pstate;
        p.el = e.target;
        p.sp = true;
        p.ss = false;
        p.il = false;
        p.daif = 0xf;
        // PAN is set on entry to EL1, or to EL2 in the host, when SCTLR_ELx.SPAN = 0.
        if (e.target == El::El1 || (e.target == El::El2 && in_host))
            && sctlr & sctlr_bits::SPAN == 0
        {
            p.pan = true;
        }
        p.uao = false;
        p.btype = 0;
        p.ssbs = sctlr & sctlr_bits::DSSBS != 0;
        // FEAT_NMI: ALLINT = NOT SCTLR_ELx.SPINTMASK.
        p.allint = sctlr & sctlr_bits::SPINTMASK == 0;
        // Tag checks are off on entry when MTE is implemented. QEMU treats TCO as RAZ/WI at
        // FEAT_MTE (level 1, no tag storage), and a64sim follows it there.
        p.tco = mte_level >= 2;
        self.monitor.clear();
        let pc = (self.sys.get(VBAR[t]) & !0x7ff) | off;
        self.st.pc = pc;
        pc
    }

    /// The virtual interrupt (HCR_EL2.VSE, VI, VF) to take now, if any: SError first, then
    /// IRQ, then FIQ (the priority QEMU uses). Taking a virtual SError clears
    /// HCR_EL2.VSE and reports VSESR_EL2 in ESR_EL1 (EC 0x2F).
    pub fn pending_virtual_interrupt(&mut self) -> Option<Exception> {
        use a64sim_el2::route::{virtual_taken, Interrupt};
        let ctx = self.trap_ctx();
        let daif = self.st.pstate.daif;
        // FEAT_NMI with SCTLR_ELx.NMI = 1: PSTATE.ALLINT (or SPINTMASK while on SP_ELx)
        // masks IRQ and FIQ at the current EL.
        let sctlr = self.sys.get(sctlr_index(self.st.pstate.el));
        let allint_masks = sctlr & sctlr_bits::NMI != 0
            && (self.st.pstate.allint || (sctlr & sctlr_bits::SPINTMASK != 0 && self.st.pstate.sp));
        let preferred_return = self.st.pc;
        for (irq, kind) in [
            (Interrupt::SError, VectorKind::SError),
            (Interrupt::Irq, VectorKind::Irq),
            (Interrupt::Fiq, VectorKind::Fiq),
        ] {
            if virtual_taken(&ctx, irq, daif) && !(allint_masks && irq != Interrupt::SError) {
                let mut esr = Esr(0);
                if irq == Interrupt::SError {
                    let hcr = index_of(regs::HCR_EL2);
                    self.sys
                        .set(hcr, self.sys.get(hcr) & !irq.virtual_pending_bit());
                    let vsesr = self.sys.get(index_of(regs::VSESR_EL2));
                    esr = Esr::new(ExceptionClass::SError, vsesr as u32 & 0x1ff_ffff);
                }
                return Some(Exception {
                    kind,
                    target: El::El1,
                    esr,
                    far: None,
                    preferred_return,
                    hpfar: None,
                });
            }
        }
        None
    }

    /// ERET: restores PSTATE from SPSR_ELx and returns ELR_ELx (AArch64.ExceptionReturn).
    /// An illegal return (ARCH.md §1.5) keeps the EL and sets PSTATE.IL.
    pub fn exception_return(&mut self) -> u64 {
        let cur = self.st.pstate.el as usize;
        let spsr = self.sys.get(SPSR[cur]);
        let elr = self.sys.get(ELR[cur]);
        self.monitor.clear();
        self.xlat.dirty = true;
        let target = El::from_bits((spsr >> 2) as u8);
        let ctx = self.trap_ctx();
        let illegal = spsr & (1 << 4) != 0 // AArch32 is not implemented
            || target > self.st.pstate.el
            || spsr & 2 != 0
            || (target == El::El0 && spsr & 1 != 0)
            // EL2 is not a legal target where it is not enabled (Secure state without
            // SCR_EL3.EEL2), nor EL1 while HCR_EL2.TGE is in effect.
            || (target == El::El2 && !ctx.el2_enabled())
            || (target == El::El1 && ctx.tge());
        if illegal {
            let p = &mut self.st.pstate;
            p.nzcv = (spsr >> 28) as u8 & 0xf;
            p.daif = (spsr >> 6) as u8 & 0xf;
            p.pan = spsr >> 22 & 1 != 0;
            p.allint = spsr >> 13 & 1 != 0;
            p.il = true;
        } else {
            self.st.pstate.set_from_spsr(spsr);
        }
        elr
    }
}

/// Reads a banked register of `el` for diagnostics and tests.
pub fn banked(sys: &SysRegs, which: Banked, el: El) -> u64 {
    let t = (el as usize).max(1);
    sys.get(match which {
        Banked::Elr => ELR[t],
        Banked::Spsr => SPSR[t],
        Banked::Esr => ESR[t],
        Banked::Far => FAR[t],
        Banked::Vbar => VBAR[t],
    })
}

/// Registers banked per exception level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Banked {
    /// ELR_ELx.
    Elr,
    /// SPSR_ELx.
    Spsr,
    /// ESR_ELx.
    Esr,
    /// FAR_ELx.
    Far,
    /// VBAR_ELx.
    Vbar,
}
