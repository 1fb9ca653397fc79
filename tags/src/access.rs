//! Whether allocation tags may be accessed (ARCH.md §4.4, Arm ARM
//! AArch64.AllocationTagAccessIsEnabled), and the tag-check fault mode (§4.7).

use a64sim_arch::El;
use a64sim_el2::bits::sctlr;
use a64sim_el2::TrapCtx;

/// The SCTLR that holds the MTE controls of an access at `ctx.el`, and whether they are
/// its EL0 fields: SCTLR_EL2 for EL2 and for EL0 in the host (E2H = TGE = 1), SCTLR_EL3
/// for EL3, SCTLR_EL1 otherwise.
fn controls(ctx: &TrapCtx, sctlr_el3: u64) -> (u64, bool) {
    match ctx.el {
        El::El3 => (sctlr_el3, false),
        El::El2 => (ctx.sctlr_el2, false),
        El::El1 => (ctx.sctlr_el1, false),
        El::El0 => (ctx.sctlr_el0_controls(), true),
    }
}

/// AllocationTagAccessIsEnabled for an access at `ctx.el` (EL0 for LDTR/STTR at EL1):
/// tag storage exists (MTE2+), SCR_EL3.ATA and HCR_EL2.ATA do not withhold access (the
/// `el2` predicates, shared with the MTE register traps), and SCTLR_ELx.ATA (ATA0 for
/// EL0) of the regime is set. When false, tag reads are zero, tag writes are dropped,
/// generated tags are zero and nothing is tag-checked.
pub fn allocation_tag_access_is_enabled(mte_level: u8, ctx: &TrapCtx, sctlr_el3: u64) -> bool {
    if mte_level < 2 || ctx.scr_withholds_tag_access() || ctx.hcr_withholds_tag_access() {
        return false;
    }
    let (s, el0) = controls(ctx, sctlr_el3);
    s & if el0 { sctlr::ATA0 } else { sctlr::ATA } != 0
}

/// What a failed tag check does (SCTLR_ELx.TCF/TCF0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagCheckMode {
    /// 0b00: tag-check faults have no effect.
    Ignore,
    /// 0b01: a synchronous Data Abort (DFSC 0x11).
    Sync,
    /// 0b10: recorded in TFSR_ELx; the access completes.
    Async,
    /// 0b11 (FEAT_MTE3): reads synchronous, writes asynchronous.
    Asymmetric,
}

/// The effect of one tag mismatch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MismatchAction {
    /// Nothing happens.
    None,
    /// Synchronous tag-check fault.
    Fault,
    /// Set TFSR_ELx.TF0/TF1 and complete the access.
    Record,
}

impl TagCheckMode {
    /// The mode for accesses at `ctx.el` (TCF0 for EL0, TCF otherwise; ARCH.md §4.7).
    /// 0b11 without FEAT_MTE3 is reserved and acts as 0b00.
    pub fn for_access(mte_level: u8, ctx: &TrapCtx, sctlr_el3: u64) -> TagCheckMode {
        let (s, el0) = controls(ctx, sctlr_el3);
        let shift = if el0 {
            sctlr::TCF0_SHIFT
        } else {
            sctlr::TCF_SHIFT
        };
        match s >> shift & 3 {
            1 => TagCheckMode::Sync,
            2 => TagCheckMode::Async,
            3 if mte_level >= 3 => TagCheckMode::Asymmetric,
            _ => TagCheckMode::Ignore,
        }
    }

    /// What a mismatch does for an access that reads (`read`; read-modify-write counts as
    /// a read) or only writes.
    pub fn on_mismatch(self, read: bool) -> MismatchAction {
        match self {
            TagCheckMode::Ignore => MismatchAction::None,
            TagCheckMode::Sync => MismatchAction::Fault,
            TagCheckMode::Async => MismatchAction::Record,
            TagCheckMode::Asymmetric if read => MismatchAction::Fault,
            TagCheckMode::Asymmetric => MismatchAction::Record,
        }
    }
}

/// The TFSR_ELx bit an asynchronous fault on `va` sets: TF1 for VA[55] = 1, else TF0
/// (TFSR_EL3 has TF0 only).
pub const fn tfsr_bit(va: u64, el: El) -> u64 {
    if matches!(el, El::El3) {
        1
    } else {
        1 << (va >> 55 & 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use a64sim_el2::bits::{hcr, scr};

    fn ctx(el: El) -> TrapCtx {
        TrapCtx {
            scr_el3: scr::NS | scr::ATA,
            hcr_el2: hcr::ATA,
            sctlr_el1: sctlr::ATA | sctlr::ATA0,
            sctlr_el2: sctlr::ATA | sctlr::ATA0,
            ..TrapCtx::at(el)
        }
    }

    #[test]
    fn access_needs_mte2_and_every_enable_in_arch_4_4_order() {
        for el in [El::El0, El::El1, El::El2, El::El3] {
            assert!(
                allocation_tag_access_is_enabled(2, &ctx(el), sctlr::ATA),
                "{el:?}"
            );
            assert!(
                !allocation_tag_access_is_enabled(1, &ctx(el), sctlr::ATA),
                "MTE1"
            );
        }
        // SCR_EL3.ATA = 0: EL0-EL2 lose access, EL3 keeps it.
        for el in [El::El0, El::El1, El::El2] {
            let c = TrapCtx {
                scr_el3: scr::NS,
                ..ctx(el)
            };
            assert!(
                !allocation_tag_access_is_enabled(2, &c, sctlr::ATA),
                "{el:?}"
            );
        }
        let c = TrapCtx {
            scr_el3: scr::NS,
            ..ctx(El::El3)
        };
        assert!(allocation_tag_access_is_enabled(2, &c, sctlr::ATA));
        // HCR_EL2.ATA = 0: EL0 and EL1 lose access, except in the host (E2H = TGE = 1).
        for (el, hcr_bits, enabled) in [
            (El::El1, 0, false),
            (El::El0, 0, false),
            (El::El2, 0, true),
            (El::El0, hcr::E2H | hcr::TGE, true),
            (El::El0, hcr::TGE, false),
        ] {
            let c = TrapCtx {
                hcr_el2: hcr_bits,
                ..ctx(el)
            };
            assert_eq!(
                allocation_tag_access_is_enabled(2, &c, 0),
                enabled,
                "{el:?}"
            );
        }
        // SCTLR: ATA for EL1, ATA0 for EL0, from SCTLR_EL2 in the host.
        let c = TrapCtx {
            sctlr_el1: sctlr::ATA,
            ..ctx(El::El0)
        };
        assert!(!allocation_tag_access_is_enabled(2, &c, 0));
        let host = TrapCtx {
            hcr_el2: hcr::E2H | hcr::TGE,
            sctlr_el1: 0,
            sctlr_el2: sctlr::ATA0,
            ..ctx(El::El0)
        };
        assert!(allocation_tag_access_is_enabled(2, &host, 0));
        assert!(!allocation_tag_access_is_enabled(2, &ctx(El::El3), 0));
    }

    #[test]
    fn the_mode_comes_from_tcf_or_tcf0_and_asymmetric_needs_mte3() {
        let c = TrapCtx {
            sctlr_el1: 1 << sctlr::TCF_SHIFT | 3 << sctlr::TCF0_SHIFT,
            ..ctx(El::El1)
        };
        assert_eq!(TagCheckMode::for_access(3, &c, 0), TagCheckMode::Sync);
        let c0 = TrapCtx { el: El::El0, ..c };
        assert_eq!(
            TagCheckMode::for_access(3, &c0, 0),
            TagCheckMode::Asymmetric
        );
        assert_eq!(TagCheckMode::for_access(2, &c0, 0), TagCheckMode::Ignore);
        let el3 = ctx(El::El3);
        assert_eq!(
            TagCheckMode::for_access(3, &el3, 2 << sctlr::TCF_SHIFT),
            TagCheckMode::Async
        );
        assert_eq!(
            TagCheckMode::Asymmetric.on_mismatch(true),
            MismatchAction::Fault
        );
        assert_eq!(
            TagCheckMode::Asymmetric.on_mismatch(false),
            MismatchAction::Record
        );
        assert_eq!(TagCheckMode::Ignore.on_mismatch(true), MismatchAction::None);
    }

    #[test]
    fn tfsr_bits() {
        assert_eq!(tfsr_bit(0x0500_0000_0000_0000, El::El1), 1);
        assert_eq!(tfsr_bit(0xff80_0000_0000_0000, El::El1), 2);
        assert_eq!(tfsr_bit(0xff80_0000_0000_0000, El::El3), 1);
    }
}
