//! Where exceptions are taken (ARCH.md §1.6, §1.7): the target EL of synchronous
//! exceptions and of physical and virtual interrupts, and interrupt masking.

use crate::bits::{hcr, scr};
use crate::ctx::TrapCtx;
use a64sim_arch::El;

/// Target of a "general" synchronous exception (UNDEFINED, SVC, BRK, alignment, stage-1
/// aborts, illegal state): EL1 from EL0 (EL2 when HCR_EL2.TGE = 1), else the current EL.
#[inline]
pub fn sync_target(ctx: &TrapCtx) -> El {
    match ctx.el() {
        El::El0 if ctx.tge() => El::El2,
        El::El0 => El::El1,
        el => el,
    }
}

/// Interrupt kinds with a physical routing control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interrupt {
    /// IRQ (SCR_EL3.IRQ, HCR_EL2.IMO, PSTATE.I).
    Irq,
    /// FIQ (SCR_EL3.FIQ, HCR_EL2.FMO, PSTATE.F).
    Fiq,
    /// SError (SCR_EL3.EA, HCR_EL2.AMO, PSTATE.A).
    SError,
}

impl Interrupt {
    fn scr_bit(self) -> u64 {
        match self {
            Interrupt::Irq => scr::IRQ,
            Interrupt::Fiq => scr::FIQ,
            Interrupt::SError => scr::EA,
        }
    }
    fn hcr_bit(self) -> u64 {
        match self {
            Interrupt::Irq => hcr::IMO,
            Interrupt::Fiq => hcr::FMO,
            Interrupt::SError => hcr::AMO,
        }
    }
    /// The PSTATE.DAIF bit (D=3, A=2, I=1, F=0) that masks it.
    pub fn daif_bit(self) -> u8 {
        match self {
            Interrupt::Irq => 0b0010,
            Interrupt::Fiq => 0b0001,
            Interrupt::SError => 0b0100,
        }
    }
    /// The HCR_EL2 bit that makes the virtual one pending (VI, VF, VSE).
    pub fn virtual_pending_bit(self) -> u64 {
        match self {
            Interrupt::Irq => hcr::VI,
            Interrupt::Fiq => hcr::VF,
            Interrupt::SError => hcr::VSE,
        }
    }
}

/// The EL a physical interrupt is taken to: EL3 if SCR_EL3 routes it there; else EL2 when
/// below EL2 with EL2 enabled and TGE or the HCR_EL2 routing bit, or already at EL2; else EL1.
pub fn physical_target(ctx: &TrapCtx, irq: Interrupt) -> El {
    if ctx.has_el3 && ctx.scr_el3 & irq.scr_bit() != 0 {
        return El::El3;
    }
    let el = ctx.el();
    if el == El::El3 {
        return El::El3;
    }
    if el == El::El2 || (ctx.el2_enabled() && (ctx.tge() || ctx.hcr_el2 & irq.hcr_bit() != 0)) {
        return El::El2;
    }
    El::El1
}

/// Whether a pending physical interrupt is masked at the current EL (ARCH.md §1.7).
pub fn physical_masked(ctx: &TrapCtx, irq: Interrupt, daif: u8) -> bool {
    let mut masked = daif & irq.daif_bit() != 0;
    let el = ctx.el();
    if ctx.el2_enabled() {
        let routed_to_el2 = if ctx.is_in_host() {
            false
        } else {
            ctx.tge() || ctx.hcr_el2 & irq.hcr_bit() != 0
        };
        if el <= El::El1 && routed_to_el2 {
            masked = false;
        }
        if el == El::El2 && !ctx.tge() && !routed_to_el2 {
            masked = true;
        }
    }
    if ctx.has_el3 {
        if el != El::El3 && ctx.scr_el3 & irq.scr_bit() != 0 {
            masked = false;
        } else if el == El::El3 && ctx.scr_el3 & irq.scr_bit() == 0 {
            masked = true;
        }
    }
    masked
}

/// Whether a virtual interrupt is pending for EL1: EL2 enabled, TGE = 0, the HCR_EL2
/// routing bit (IMO/FMO/AMO) and the pending bit (VI/VF/VSE) set. What ISR_EL1 shows, and
/// what wakes a WFI, whatever PSTATE masks.
pub fn virtual_pending(ctx: &TrapCtx, irq: Interrupt) -> bool {
    ctx.el2_enabled()
        && !ctx.tge()
        && ctx.hcr_el2 & irq.hcr_bit() != 0
        && ctx.hcr_el2 & irq.virtual_pending_bit() != 0
}

/// Whether a pending virtual interrupt is taken now: only at EL0/EL1 and not masked by
/// PSTATE. Virtual interrupts are always taken to EL1.
pub fn virtual_taken(ctx: &TrapCtx, irq: Interrupt, daif: u8) -> bool {
    ctx.el() <= El::El1 && virtual_pending(ctx, irq) && daif & irq.daif_bit() == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ns(el: El, hcr_v: u64) -> TrapCtx {
        TrapCtx {
            scr_el3: scr::NS | scr::RW,
            hcr_el2: hcr_v,
            ..TrapCtx::at(el)
        }
    }

    #[test]
    fn tge_routes_el0_exceptions_to_el2() {
        assert_eq!(sync_target(&ns(El::El0, 0)), El::El1);
        assert_eq!(sync_target(&ns(El::El0, hcr::TGE)), El::El2);
        assert_eq!(sync_target(&ns(El::El1, hcr::TGE)), El::El1);
        assert_eq!(
            sync_target(&TrapCtx {
                scr_el3: 0,
                ..ns(El::El0, hcr::TGE)
            }),
            El::El1,
            "EL2 disabled"
        );
    }

    #[test]
    fn irq_routing() {
        assert_eq!(physical_target(&ns(El::El1, 0), Interrupt::Irq), El::El1);
        assert_eq!(
            physical_target(&ns(El::El1, hcr::IMO), Interrupt::Irq),
            El::El2
        );
        assert_eq!(physical_target(&ns(El::El2, 0), Interrupt::Irq), El::El2);
        let to_el3 = TrapCtx {
            scr_el3: scr::NS | scr::IRQ,
            ..ns(El::El1, hcr::IMO)
        };
        assert_eq!(physical_target(&to_el3, Interrupt::Irq), El::El3);
    }

    #[test]
    fn masking_follows_routing() {
        // Routed to EL2 from EL1: PSTATE.I cannot mask it.
        assert!(!physical_masked(
            &ns(El::El1, hcr::IMO),
            Interrupt::Irq,
            0b0010
        ));
        assert!(physical_masked(&ns(El::El1, 0), Interrupt::Irq, 0b0010));
        // At EL2, an IRQ that belongs to EL1 is not taken.
        assert!(physical_masked(&ns(El::El2, 0), Interrupt::Irq, 0));
        // At EL3, only EL3-routed interrupts are taken.
        assert!(physical_masked(&ns(El::El3, 0), Interrupt::Irq, 0));
    }

    #[test]
    fn virtual_irq_needs_imo_and_vi_at_el1() {
        assert!(virtual_taken(
            &ns(El::El1, hcr::IMO | hcr::VI),
            Interrupt::Irq,
            0
        ));
        assert!(!virtual_taken(
            &ns(El::El1, hcr::IMO | hcr::VI),
            Interrupt::Irq,
            0b0010
        ));
        assert!(!virtual_taken(&ns(El::El1, hcr::VI), Interrupt::Irq, 0));
        assert!(!virtual_taken(
            &ns(El::El2, hcr::IMO | hcr::VI),
            Interrupt::Irq,
            0
        ));
        assert!(!virtual_taken(
            &ns(El::El1, hcr::IMO | hcr::VI | hcr::TGE),
            Interrupt::Irq,
            0
        ));
    }
}
