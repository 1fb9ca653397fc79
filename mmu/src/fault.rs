//! Translation faults as values (STYLE.md §4; ARCH.md §2.4–§2.6, §3.12).
//!
//! A [`Fault`] records what went wrong (kind), where (level, stage, whether on a stage-1
//! table walk), the faulting IPA for stage-2 faults, and the WnR value to report. Its
//! methods give the DFSC/IFSC code (§2.5), whether HPFAR_EL2 is valid and its value (§2.6),
//! and a data-abort ISS (`a64sim_arch::DataAbortIss`). Which EL the abort is taken to, and
//! the exception class, are decided by the caller.

use a64sim_arch::DataAbortIss;

/// The kind of fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FaultKind {
    /// Address size fault (output or table address beyond PS/IPS, or TTBR base).
    AddressSize,
    /// Translation fault (invalid descriptor, VA out of range, EPDx, E0PDx...).
    Translation,
    /// Access flag fault (AF = 0 with hardware update off).
    AccessFlag,
    /// Permission fault.
    Permission,
    /// Synchronous External abort: `on_walk` when reading (or updating) a descriptor.
    SyncExternal {
        /// Whether the abort happened on a translation table walk.
        on_walk: bool,
    },
    /// Unsupported atomic hardware update (DFSC 0x31): the hardware AF/dirty update kept
    /// losing its compare-and-swap race.
    UnsupportedAtomicUpdate,
}

/// Which translation stage faulted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Stage 1 (reported to the regime's EL).
    One,
    /// Stage 2 (reported to EL2).
    Two,
}

/// A translation fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fault {
    /// What went wrong.
    pub kind: FaultKind,
    /// The lookup level (0..=3) of the descriptor or check that faulted.
    pub level: u8,
    /// The stage that faulted.
    pub stage: Stage,
    /// A stage-2 fault on a stage-1 table walk (ISS.S1PTW).
    pub s1ptw: bool,
    /// The faulting IPA, for stage-2 faults: the final IPA, or for S1PTW the IPA of the
    /// stage-1 descriptor.
    pub ipa: Option<u64>,
    /// The WnR value to report: whether the faulting access was a write. For S1PTW this
    /// is whether the walk access was a write (a hardware AF/dirty update, ARCH.md §3.12 (?)).
    pub write: bool,
}

impl Fault {
    /// A stage-1 fault.
    pub const fn stage1(kind: FaultKind, level: u8, write: bool) -> Fault {
        Fault {
            kind,
            level,
            stage: Stage::One,
            s1ptw: false,
            ipa: None,
            write,
        }
    }

    /// A stage-2 fault at `ipa`.
    pub const fn stage2(kind: FaultKind, level: u8, ipa: u64, write: bool) -> Fault {
        Fault {
            kind,
            level,
            stage: Stage::Two,
            s1ptw: false,
            ipa: Some(ipa),
            write,
        }
    }

    /// The 6-bit DFSC/IFSC (ARCH.md §2.5): address size 0x00+L, translation 0x04+L, access
    /// flag 0x08+L, permission 0x0C+L, external abort 0x10 (not on walk) / 0x14+L (walk),
    /// unsupported atomic update 0x31.
    pub const fn fsc(&self) -> u8 {
        let l = if self.level > 3 { 3 } else { self.level };
        match self.kind {
            FaultKind::AddressSize => l,
            FaultKind::Translation => 0x04 + l,
            FaultKind::AccessFlag => 0x08 + l,
            FaultKind::Permission => 0x0c + l,
            FaultKind::SyncExternal { on_walk: false } => 0x10,
            FaultKind::SyncExternal { on_walk: true } => 0x14 + l,
            FaultKind::UnsupportedAtomicUpdate => 0x31,
        }
    }

    /// IPAValid (ARCH.md §2.6, Arm ARM IPAValid): HPFAR_EL2 holds the IPA for stage-2
    /// Translation, Access flag and Address size faults, and additionally Permission faults
    /// when on a stage-1 table walk. Never for stage-1 faults or external aborts.
    pub const fn ipa_valid(&self) -> bool {
        if !matches!(self.stage, Stage::Two) {
            return false;
        }
        match self.kind {
            FaultKind::Translation | FaultKind::AccessFlag | FaultKind::AddressSize => true,
            FaultKind::Permission => self.s1ptw,
            _ => false,
        }
    }

    /// HPFAR_EL2 value when valid: FIPA (bits 43:4 without FEAT_LPA) = IPA[47:12]
    /// (ARCH.md §2.6). `None` when HPFAR is UNKNOWN for this fault.
    pub const fn hpfar(&self) -> Option<u64> {
        match self.ipa {
            Some(ipa) if self.ipa_valid() => Some(((ipa >> 12) << 4) & 0x0000_0fff_ffff_fff0),
            _ => None,
        }
    }

    /// The data-abort ISS of this fault (ISV = 0; ARCH.md §2.4). The caller adds CM for
    /// AT/cache maintenance and the ISV syndrome for MMIO emulation.
    pub const fn data_abort_iss(&self) -> DataAbortIss {
        DataAbortIss {
            s1ptw: self.s1ptw,
            ..DataAbortIss::simple(self.fsc(), self.write)
        }
    }

    /// The instruction-abort ISS (IFSC and S1PTW only; ARCH.md §2.4).
    pub const fn insn_abort_iss(&self) -> u32 {
        ((self.s1ptw as u32) << 7) | self.fsc() as u32
    }
}

/// A synchronous External abort returned by the memory system for a descriptor access.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExternalAbort {
    /// The physical address that aborted.
    pub pa: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fault_status_codes_match_arch_2_5() {
        // ARCH.md §2.5 table, every kind at every level.
        let kinds = [
            (FaultKind::AddressSize, 0x00),
            (FaultKind::Translation, 0x04),
            (FaultKind::AccessFlag, 0x08),
            (FaultKind::Permission, 0x0c),
            (FaultKind::SyncExternal { on_walk: true }, 0x14),
        ];
        for (k, base) in kinds {
            for l in 0..4 {
                assert_eq!(Fault::stage1(k, l, false).fsc(), base + l);
            }
        }
        let ext = Fault::stage1(FaultKind::SyncExternal { on_walk: false }, 2, false);
        assert_eq!(ext.fsc(), 0x10);
        assert_eq!(
            Fault::stage1(FaultKind::UnsupportedAtomicUpdate, 3, true).fsc(),
            0x31
        );
    }

    #[test]
    fn hpfar_validity_follows_ipavalid() {
        // ARCH.md §2.6: valid for S2 translation/AF/address-size, and permission only
        // with S1PTW; never for stage 1.
        let ipa = 0x8_1234_5678;
        let t = Fault::stage2(FaultKind::Translation, 2, ipa, false);
        assert_eq!(t.hpfar(), Some(0x0812_3450)); // IPA[47:12] << 4
        let p = Fault::stage2(FaultKind::Permission, 3, ipa, true);
        assert_eq!(p.hpfar(), None);
        let pw = Fault { s1ptw: true, ..p };
        assert!(pw.ipa_valid());
        let e = Fault::stage2(FaultKind::SyncExternal { on_walk: true }, 1, ipa, false);
        assert!(!e.ipa_valid());
        assert!(!Fault::stage1(FaultKind::Translation, 0, false).ipa_valid());
    }

    #[test]
    fn iss_carries_s1ptw_and_wnr() {
        // ARCH.md §2.4: S1PTW bit 7, WnR bit 6, DFSC 5:0.
        let f = Fault {
            s1ptw: true,
            ..Fault::stage2(FaultKind::Translation, 1, 0x1000, false)
        };
        assert_eq!(f.data_abort_iss().encode(), 0x80 | 0x05);
        assert_eq!(f.insn_abort_iss(), 0x85);
        let w = Fault::stage1(FaultKind::Permission, 3, true);
        assert_eq!(w.data_abort_iss().encode(), 0x40 | 0x0f);
    }
}
