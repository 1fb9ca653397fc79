//! Stage 2 of the EL1&0 regime (ARCH.md §3.11, §3.12; Arm ARM AArch64.S2Translate).
//!
//! [`Stage2Config::from_regs`] decodes VTCR_EL2, VTTBR_EL2 and HCR_EL2: T0SZ (clamped),
//! TG0, SL0 → start level (checked for consistency with T0SZ; an inconsistent or reserved
//! SL0 faults every access with a level-0 Translation fault), PS, the 8/16-bit VMID, FWB,
//! PTW, CD/ID and HA/HD. [`translate_stage2`] walks the stage-2 tables for one IPA, applies
//! the Access flag (hardware update with VTCR.HA, dirty state with HD), checks S2AP/XN for
//! the access and returns the leaf. Stage-1 descriptor fetches use it with `s1ptw = true`,
//! which marks its faults S1PTW and applies HCR_EL2.PTW.

use crate::attrs::s2_is_device;
use crate::descriptor::Descriptor;
use crate::fault::{Fault, FaultKind, Stage};
use crate::granule::{clamp_txsz, pa_bits_from_ps, Granule};
use crate::memory::DescriptorMemory;
use crate::perms::{AccessKind, S2Perms};
use crate::regime::Regime;
use crate::regs::{Hcr, Ttbr, Vtcr};
use crate::walk::{to_host, walk, WalkParams};
use a64sim_arch::El;

/// How many times a walk is retried when a hardware descriptor update loses its race.
pub(crate) const MAX_UPDATE_ATTEMPTS: usize = 4;

/// Decoded stage-2 configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stage2Config {
    /// Granule (VTCR.TG0).
    pub granule: Granule,
    /// Start level from SL0, `None` if SL0 is reserved or inconsistent with T0SZ.
    pub start_level: Option<u8>,
    /// IPA bits (64 − T0SZ, T0SZ clamped to 16..=39).
    pub ia_bits: u8,
    /// VTTBR.BADDR.
    pub base: u64,
    /// Output size (VTCR.PS), capped at 48.
    pub oa_bits: u8,
    /// VMID (8 bits unless VTCR.VS).
    pub vmid: u16,
    /// HCR_EL2.FWB.
    pub fwb: bool,
    /// HCR_EL2.PTW.
    pub ptw: bool,
    /// HCR_EL2.CD: data accesses Non-cacheable.
    pub cd: bool,
    /// HCR_EL2.ID: instruction fetches Non-cacheable.
    pub id: bool,
    /// VTCR.HA.
    pub ha: bool,
    /// VTCR.HD (with HA).
    pub hd: bool,
    /// Big-endian stage-2 descriptors (SCTLR_EL2.EE); `from_regs` leaves it false.
    pub big_endian: bool,
}

impl Stage2Config {
    /// Decodes VTCR_EL2, VTTBR_EL2 and HCR_EL2 (ARCH.md §3.11).
    pub fn from_regs(vtcr: u64, vttbr: u64, hcr: u64) -> Stage2Config {
        let v = Vtcr(vtcr);
        let t = Ttbr(vttbr);
        let h = Hcr(hcr);
        let granule = Granule::from_tg0(v.tg0());
        let ia_bits = 64 - clamp_txsz(v.t0sz());
        let start_level = granule
            .s2_start_level(v.sl0())
            .filter(|&s| granule.s2_consistent(s, ia_bits));
        let vmid = if v.vs() { t.asid() } else { t.asid() & 0xff } as u16;
        Stage2Config {
            granule,
            start_level,
            ia_bits,
            base: t.baddr(),
            oa_bits: pa_bits_from_ps(v.ps()),
            vmid,
            fwb: h.fwb(),
            ptw: h.ptw(),
            cd: h.cd(),
            id: h.id(),
            ha: v.ha(),
            hd: v.ha() && v.hd(),
            big_endian: false,
        }
    }

    /// Whether stage 2 applies to `regime` (ARCH.md §3.11): the EL1&0 regime with EL2
    /// enabled (`hcr_el2` is `Some(HCR_EL2)` then) and HCR_EL2.VM or DC set.
    pub fn enabled_for(regime: Regime, hcr_el2: Option<u64>) -> bool {
        matches!(regime, Regime::El10) && hcr_el2.is_some_and(|h| Hcr(h).vm() || Hcr(h).dc())
    }

    /// The configuration if stage 2 applies to `regime`, else `None`.
    pub fn for_regime(
        regime: Regime,
        hcr_el2: Option<u64>,
        vtcr: u64,
        vttbr: u64,
    ) -> Option<Stage2Config> {
        match hcr_el2 {
            Some(h) if Self::enabled_for(regime, hcr_el2) => {
                Some(Stage2Config::from_regs(vtcr, vttbr, h))
            }
            _ => None,
        }
    }
}

/// The result of a stage-2 translation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct S2Leaf {
    /// The output PA.
    pub pa: u64,
    /// The leaf level.
    pub level: u8,
    /// log2 of the leaf size.
    pub shift: u8,
    /// S2AP/XN permissions.
    pub perms: S2Perms,
    /// MemAttr[3:0].
    pub memattr: u8,
    /// SH[1:0].
    pub sh: u8,
    /// DBM = 1 with VTCR.HD and S2AP[1] = 0: a later write succeeds after a re-walk.
    pub dirty_on_write: bool,
}

/// Translates `ipa` through stage 2 for an access of `kind` from `el`. With `s1ptw`, the
/// access is a stage-1 descriptor read (`kind` = Read) or hardware update (`Write`): its
/// faults are marked S1PTW and carry the descriptor's IPA, and HCR_EL2.PTW turns a
/// Device result into a Permission fault (ARCH.md §3.11, §3.12).
pub fn translate_stage2<M: DescriptorMemory>(
    mem: &mut M,
    cfg: &Stage2Config,
    ipa: u64,
    kind: AccessKind,
    el: El,
    s1ptw: bool,
) -> Result<S2Leaf, Fault> {
    let write = matches!(kind, AccessKind::Write);
    let mark = |f: Fault| Fault { s1ptw, ..f };
    let fault = |kind, level| mark(Fault::stage2(kind, level, ipa, write));
    // ARCH.md §3.11: reserved/inconsistent SL0, or an IPA beyond 64 − T0SZ bits →
    // stage-2 Translation fault level 0.
    let Some(start_level) = cfg.start_level else {
        return Err(fault(FaultKind::Translation, 0));
    };
    if ipa >> cfg.ia_bits != 0 {
        return Err(fault(FaultKind::Translation, 0));
    }
    let params = WalkParams {
        granule: cfg.granule,
        start_level,
        ia_bits: cfg.ia_bits,
        base: cfg.base,
        oa_bits: cfg.oa_bits,
        stage: Stage::Two,
        big_endian: cfg.big_endian,
        hierarchical: false,
        write,
    };
    for _ in 0..MAX_UPDATE_ATTEMPTS {
        let leaf = walk(mem, &params, ipa, |_, a, _| Ok(a)).map_err(mark)?;
        let d = leaf.desc;
        let level = leaf.level;
        // Access flag: fault unless VTCR.HA, which sets it (ARCH.md §3.8).
        if !d.af() && !cfg.ha {
            return Err(fault(FaultKind::AccessFlag, level));
        }
        let mut perms = S2Perms::from_fields(d.s2_read(), d.s2_write(), d.s2_xn());
        // Dirty state: DBM = 1 and S2AP[1] = 0 with HD → hardware sets S2AP[1].
        let dirty = write && !perms.w && cfg.hd && d.dbm();
        if dirty {
            perms.w = true;
        }
        if !perms.allows(kind, el) {
            return Err(fault(FaultKind::Permission, level));
        }
        if s1ptw && cfg.ptw && s2_is_device(d.s2_memattr(), cfg.fwb) {
            return Err(fault(FaultKind::Permission, level));
        }
        if !d.af() || dirty {
            let mut new = d.0 | Descriptor::AF;
            if dirty {
                new |= Descriptor::AP2;
            }
            let old_raw = to_host(d.0, cfg.big_endian);
            let new_raw = to_host(new, cfg.big_endian);
            match mem.write_desc(leaf.desc_pa, old_raw, new_raw) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(_) => return Err(fault(FaultKind::SyncExternal { on_walk: true }, level)),
            }
        }
        return Ok(S2Leaf {
            pa: leaf.output(ipa),
            level,
            shift: leaf.shift,
            perms,
            memattr: d.s2_memattr(),
            sh: d.sh(),
            dirty_on_write: cfg.hd && d.dbm() && !perms.w,
        });
    }
    Err(fault(FaultKind::UnsupportedAtomicUpdate, 3))
}

/// Translates the IPA of a stage-1 descriptor (a walk read, or with `write` a hardware
/// update of that descriptor); faults are S1PTW stage-2 faults.
pub(crate) fn translate_s1_walk_access<M: DescriptorMemory>(
    mem: &mut M,
    cfg: &Stage2Config,
    desc_ipa: u64,
    write: bool,
) -> Result<u64, Fault> {
    let kind = if write {
        AccessKind::Write
    } else {
        AccessKind::Read
    };
    translate_stage2(mem, cfg, desc_ipa, kind, El::El1, true).map(|l| l.pa)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vtcr_decoding() {
        // ARCH.md §3.11: Linux KVM default: 4K, T0SZ=24 (40-bit IPA), SL0=01 → level 1.
        let vtcr = 24 | (1 << 6) | (2 << 16) | (1 << 31);
        let c = Stage2Config::from_regs(vtcr, 0x0005_0000_8000_2000, 1 << 46);
        assert_eq!(c.start_level, Some(1));
        assert_eq!(c.ia_bits, 40);
        assert_eq!(c.oa_bits, 40);
        assert_eq!(c.vmid, 5);
        assert!(c.fwb && !c.ptw);
        // VS=1 keeps the 16-bit VMID.
        let c = Stage2Config::from_regs(vtcr | (1 << 19), 0x1234_0000_0000_0000, 0);
        assert_eq!(c.vmid, 0x1234);
        // Inconsistent SL0 (4K, 40-bit IPA, SL0 = 00 → level 2 allows 22..34 bits).
        let c = Stage2Config::from_regs(24, 0, 0);
        assert_eq!(c.start_level, None);
    }

    #[test]
    fn stage2_enable_predicate() {
        // ARCH.md §3.11: EL1&0 with EL2 enabled and VM or DC.
        assert!(Stage2Config::enabled_for(Regime::El10, Some(1)));
        assert!(Stage2Config::enabled_for(Regime::El10, Some(1 << 12)));
        assert!(!Stage2Config::enabled_for(Regime::El10, Some(0)));
        assert!(!Stage2Config::enabled_for(Regime::El10, None));
        assert!(!Stage2Config::enabled_for(Regime::El20, Some(1)));
        assert!(Stage2Config::for_regime(Regime::El2, Some(1), 0, 0).is_none());
    }
}
