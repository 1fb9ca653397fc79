//! The Memory Tagging Extension in the PE: the feature level it advertises, and (built on
//! `a64sim-tags`) tag access, tag checks and the tag instructions' state.

use crate::run::{Cpu, Pe};
use crate::sysreg::index_of;
use a64sim_arch::El;
use a64sim_el2::TrapCtx;
use a64sim_isa::sysreg::regs;
use a64sim_tags::{allocation_tag_access_is_enabled, TagCheckMode};

/// ID_AA64PFR1_EL1.MTE, bits [11:8].
const PFR1_MTE_SHIFT: u32 = 8;
/// Where ID_AA64PFR1_EL1 lives in the register table.
const PFR1: usize = index_of(regs::ID_AA64PFR1_EL1);
/// SCTLR_EL3 (not part of `TrapCtx`).
const SCTLR3: usize = index_of(regs::SCTLR_EL3);

impl Pe {
    /// The MTE level ID_AA64PFR1_EL1.MTE advertises: 0 none, 1 FEAT_MTE (instructions only),
    /// 2 FEAT_MTE2 (tag storage and checks), 3 FEAT_MTE3 (asymmetric checks).
    #[inline(always)]
    pub fn mte_level(&self) -> u8 {
        (self.sys.get(PFR1) >> PFR1_MTE_SHIFT & 0xf) as u8
    }

    /// The trap context of an access at `el` (EL0 for LDTR/STTR at EL1).
    fn access_ctx(&self, el: El) -> TrapCtx {
        TrapCtx {
            el,
            ..self.trap_ctx()
        }
    }

    /// AllocationTagAccessIsEnabled for an access at `el` (ARCH.md §4.4).
    pub fn tag_access_enabled(&self, el: El) -> bool {
        allocation_tag_access_is_enabled(
            self.mte_level(),
            &self.access_ctx(el),
            self.sys.get(SCTLR3),
        )
    }

    /// The tag-check fault mode of accesses at `el` (SCTLR_ELx.TCF/TCF0).
    pub fn tag_check_mode(&self, el: El) -> TagCheckMode {
        TagCheckMode::for_access(self.mte_level(), &self.access_ctx(el), self.sys.get(SCTLR3))
    }

    /// Whether a tag mismatch of an access at `el` can have any effect: tag access is
    /// enabled and TCF is not "ignore". (PSTATE.TCO, the instruction and the address
    /// decide per access.)
    pub fn tag_checks_can_fault(&self, el: El) -> bool {
        self.tag_access_enabled(el) && self.tag_check_mode(el) != TagCheckMode::Ignore
    }
}

impl Cpu {
    /// Advertises MTE `level` (0–3, ARCH.md §4.1) in ID_AA64PFR1_EL1; larger values are
    /// clamped to 3. Call before running: the level decides what is implemented.
    pub fn set_mte_level(&mut self, level: u8) {
        let v = self.pe.sys.get(PFR1) & !(0xf << PFR1_MTE_SHIFT);
        let level = u64::from(level.min(3));
        self.pe.sys.set_unmasked(PFR1, v | level << PFR1_MTE_SHIFT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_level_round_trips_through_id_aa64pfr1_and_keeps_the_other_fields() {
        let mut cpu = Cpu::new(El::El3, 0);
        assert_eq!(cpu.pe.mte_level(), 3, "QEMU max with mte=on");
        let before = cpu.pe.sys.get(PFR1);
        for level in 0..=3 {
            cpu.set_mte_level(level);
            assert_eq!(cpu.pe.mte_level(), level);
            assert_eq!(cpu.pe.sys.get(PFR1) & !0xf00, before & !0xf00);
        }
        cpu.set_mte_level(9);
        assert_eq!(cpu.pe.mte_level(), 3);
    }
}
