//! [`TrapCtx`]: the control registers that decide routing and traps, and the Arm
//! pseudocode predicates over them. Every caller asks these functions; nobody re-derives a
//! condition from raw bits.

use crate::bits::{hcr, scr};
use a64sim_arch::El;

/// A snapshot of everything routing and trapping depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrapCtx {
    /// The Exception level of the access.
    pub el: El,
    /// Whether EL3 is implemented (QEMU `secure=on`: yes).
    pub has_el3: bool,
    /// SCR_EL3.
    pub scr_el3: u64,
    /// HCR_EL2.
    pub hcr_el2: u64,
    /// SCTLR_EL1.
    pub sctlr_el1: u64,
    /// SCTLR_EL2.
    pub sctlr_el2: u64,
    /// CPACR_EL1.
    pub cpacr_el1: u64,
    /// CPTR_EL2.
    pub cptr_el2: u64,
    /// CPTR_EL3.
    pub cptr_el3: u64,
    /// MDCR_EL2.
    pub mdcr_el2: u64,
    /// MDCR_EL3.
    pub mdcr_el3: u64,
    /// PMUSERENR_EL0 (the EL0 controls of the PMU).
    pub pmuserenr_el0: u64,
    /// CNTKCTL_EL1 (the EL0 controls of the generic timer).
    pub cntkctl_el1: u64,
    /// CNTHCTL_EL2.
    pub cnthctl_el2: u64,
}

impl TrapCtx {
    /// All controls zero (their reset-like state), EL3 present, at `el`.
    pub const fn at(el: El) -> Self {
        TrapCtx {
            el,
            has_el3: true,
            scr_el3: 0,
            hcr_el2: 0,
            sctlr_el1: 0,
            sctlr_el2: 0,
            cpacr_el1: 0,
            cptr_el2: 0,
            cptr_el3: 0,
            mdcr_el2: 0,
            mdcr_el3: 0,
            pmuserenr_el0: 0,
            cntkctl_el1: 0,
            cnthctl_el2: 0,
        }
    }

    /// The Exception level of the access.
    #[inline]
    pub fn el(&self) -> El {
        self.el
    }

    /// Whether the current Security state is Secure (SCR_EL3.NS = 0 with EL3 present).
    #[inline]
    pub fn is_secure(&self) -> bool {
        self.has_el3 && self.scr_el3 & scr::NS == 0
    }

    /// EL2Enabled(): EL2 is implemented and enabled in the current Security state
    /// (Non-secure, or Secure with SCR_EL3.EEL2 = 1). a64sim always implements EL2.
    #[inline]
    pub fn el2_enabled(&self) -> bool {
        !self.is_secure() || self.scr_el3 & scr::EEL2 != 0
    }

    /// ELIsInHost(EL0)/(EL2): HCR_EL2.{E2H,TGE} = {1,1} with EL2 enabled.
    #[inline]
    pub fn is_in_host(&self) -> bool {
        self.el2_enabled() && self.hcr_el2 & (hcr::E2H | hcr::TGE) == (hcr::E2H | hcr::TGE)
    }

    /// HCR_EL2.E2H with EL2 enabled: the EL2 registers use the EL2&0 (VHE) layout.
    #[inline]
    pub fn e2h(&self) -> bool {
        self.el2_enabled() && self.hcr_el2 & hcr::E2H != 0
    }

    /// HCR_EL2.TGE with EL2 enabled: exceptions from EL0 go to EL2.
    #[inline]
    pub fn tge(&self) -> bool {
        self.el2_enabled() && self.hcr_el2 & hcr::TGE != 0
    }

    /// The SCTLR that holds the EL0 controls (UCT, UCI, DZE, UMA, nTWI, nTWE, SA0):
    /// SCTLR_EL2 in the host, otherwise SCTLR_EL1.
    #[inline]
    pub fn sctlr_el0_controls(&self) -> u64 {
        if self.is_in_host() {
            self.sctlr_el2
        } else {
            self.sctlr_el1
        }
    }

    /// The register holding the EL0 controls of the generic timer (EL0PCTEN, EL0VCTEN):
    /// CNTHCTL_EL2 in the host, otherwise CNTKCTL_EL1.
    #[inline]
    pub fn timer_el0_controls(&self) -> u64 {
        if self.is_in_host() {
            self.cnthctl_el2
        } else {
            self.cntkctl_el1
        }
    }

    /// Whether an HCR_EL2 control that traps EL1 (and EL0) accesses to EL2 applies: EL2
    /// enabled, the access below EL2, and not in the host (where EL1 is not in use).
    #[inline]
    pub fn hcr_traps_apply(&self) -> bool {
        self.el() < El::El2 && self.el2_enabled() && !self.is_in_host()
    }

    /// HCR_EL2.ATA = 0 withholds allocation-tag access from EL1 and EL0 (ARCH.md §4.4):
    /// EL2 enabled, `el` below EL2, not the host (E2H = TGE = 1). The one statement of
    /// this condition: it makes tag accesses RAZ/WI and traps the MTE registers to EL2.
    #[inline]
    pub fn hcr_withholds_tag_access(&self) -> bool {
        self.hcr_traps_apply() && self.hcr_el2 & hcr::ATA == 0
    }

    /// SCR_EL3.ATA = 0 withholds allocation-tag access from EL0–EL2 (ARCH.md §4.4): tag
    /// accesses are RAZ/WI and the MTE registers trap to EL3.
    #[inline]
    pub fn scr_withholds_tag_access(&self) -> bool {
        self.has_el3 && self.el() < El::El3 && self.scr_el3 & scr::ATA == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(el: El, scr: u64, hcr: u64) -> TrapCtx {
        TrapCtx {
            scr_el3: scr,
            hcr_el2: hcr,
            ..TrapCtx::at(el)
        }
    }

    #[test]
    fn el2_is_enabled_only_in_non_secure_state_or_with_eel2() {
        assert!(!ctx(El::El1, 0, 0).el2_enabled());
        assert!(ctx(El::El1, scr::NS, 0).el2_enabled());
        assert!(ctx(El::El1, scr::EEL2, 0).el2_enabled());
        let no_el3 = TrapCtx {
            has_el3: false,
            ..ctx(El::El1, 0, 0)
        };
        assert!(no_el3.el2_enabled());
    }

    #[test]
    fn host_needs_e2h_and_tge() {
        assert!(ctx(El::El0, scr::NS, hcr::E2H | hcr::TGE).is_in_host());
        assert!(!ctx(El::El0, scr::NS, hcr::TGE).is_in_host());
        assert!(
            !ctx(El::El0, 0, hcr::E2H | hcr::TGE).is_in_host(),
            "EL2 disabled in Secure state"
        );
    }
}
