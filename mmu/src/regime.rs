//! Translation regimes and the typed stage-1 configuration (ARCH.md §3.1–§3.5, §3.10).
//!
//! [`Stage1Config::from_regs`] turns the raw register values the CPU holds (SCTLR, TCR,
//! TTBR0/1, MAIR of the regime, and HCR_EL2 when EL2 is enabled) into a decoded value:
//! per-range table base, TxSZ (clamped to the valid range), granule (TG0 and TG1 decoded
//! with their different encodings), EPD, TBI/TBID, HPD, E0PD; the ASID (A1, AS); the
//! output size (IPS/PS); HA/HD; and the SCTLR bits translation uses. It is cheap enough to
//! rebuild on every register write and is what a soft TLB is keyed against.

use crate::attrs::{Cacheability, MemAttrs, Shareability};
use crate::fault::{Fault, FaultKind};
use crate::granule::{clamp_txsz, low_mask, pa_bits_from_ps, Granule};
use crate::regs::{Hcr, Sctlr, Tcr, TcrSingle, Ttbr};
use a64sim_arch::El;

/// A stage-1 translation regime (ARCH.md §3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Regime {
    /// EL1&0: EL1 and EL0 outside the host; may have stage 2.
    El10,
    /// EL2 with HCR_EL2.E2H = 0: single range.
    El2,
    /// EL2&0 with HCR_EL2.E2H = 1 (VHE): two ranges, ASIDs; host EL0 too.
    El20,
    /// EL3: single range.
    El3,
}

impl Regime {
    /// The regime an access at `el` uses. `e2h` and `tge` are HCR_EL2.E2H and TGE already
    /// qualified by EL2 being enabled (el2 crate `TrapCtx::e2h()` / `tge()`): EL0 in the
    /// host ({E2H,TGE} = {1,1}) and EL2 with E2H use EL2&0 (ARCH.md §1.10, §3.1).
    pub const fn for_access(el: El, e2h: bool, tge: bool) -> Regime {
        match el {
            El::El0 if e2h && tge => Regime::El20,
            El::El0 | El::El1 => Regime::El10,
            El::El2 if e2h => Regime::El20,
            El::El2 => Regime::El2,
            El::El3 => Regime::El3,
        }
    }

    /// Whether the regime has two VA ranges (TTBR0/TTBR1), EL0, ASIDs and PXN/UXN.
    pub const fn two_ranges(self) -> bool {
        matches!(self, Regime::El10 | Regime::El20)
    }
}

/// The registers of one stage-1 regime, as raw values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stage1Regs {
    /// SCTLR_ELx of the regime.
    pub sctlr: u64,
    /// TCR_ELx of the regime.
    pub tcr: u64,
    /// TTBR0_ELx.
    pub ttbr0: u64,
    /// TTBR1_ELx (ignored in single-range regimes).
    pub ttbr1: u64,
    /// MAIR_ELx.
    pub mair: u64,
}

/// The configuration of one VA range (TTBR0 or TTBR1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeConfig {
    /// Table base (TTBR.BADDR), before alignment to the first table's size.
    pub base: u64,
    /// TxSZ clamped to 16..=39 (ARCH.md §3.3).
    pub txsz: u8,
    /// Translation granule.
    pub granule: Granule,
    /// EPDx: walks via this range fault (Translation, level 0).
    pub epd: bool,
    /// TBIx: top byte ignored.
    pub tbi: bool,
    /// TBIDx: TBI for data only.
    pub tbid: bool,
    /// HPDx: APTable/XNTable/PXNTable ignored.
    pub hpd: bool,
    /// E0PDx: EL0 accesses fault (Translation, level 0).
    pub e0pd: bool,
    /// TCMAx: the range's match-all tags are not tag-checked (ARCH.md §4.6).
    pub tcma: bool,
}

impl RangeConfig {
    /// Input address bits: 64 − TxSZ.
    pub const fn ia_bits(&self) -> u8 {
        64 - self.txsz
    }
    /// First lookup level (ARCH.md §3.6 formula).
    pub const fn start_level(&self) -> u8 {
        self.granule.s1_start_level(self.ia_bits())
    }
    /// Whether TBI applies to this access (TBID excludes instruction fetches).
    pub const fn tbi_applies(&self, fetch: bool) -> bool {
        self.tbi && !(fetch && self.tbid)
    }
}

/// Decoded stage-1 configuration of a regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stage1Config {
    /// The regime.
    pub regime: Regime,
    /// Stage 1 enabled (SCTLR.M, and for EL1&0 not HCR_EL2.DC/TGE; ARCH.md §3.1).
    pub enabled: bool,
    /// TTBR0 range and TTBR1 range (the second is unused in single-range regimes).
    pub ranges: [RangeConfig; 2],
    /// The ASID (two-range regimes; 8 bits unless TCR.AS).
    pub asid: Option<u16>,
    /// Output (IPA or PA) size from IPS/PS, capped at 48.
    pub oa_bits: u8,
    /// MAIR_ELx.
    pub mair: u64,
    /// SCTLR.WXN.
    pub wxn: bool,
    /// SCTLR.EPAN.
    pub epan: bool,
    /// SCTLR.C: data accesses may be cacheable.
    pub data_cacheable: bool,
    /// SCTLR.I: instruction fetches may be cacheable.
    pub insn_cacheable: bool,
    /// SCTLR.EE: big-endian descriptors.
    pub big_endian: bool,
    /// TCR.HA: hardware Access flag update.
    pub ha: bool,
    /// TCR.HD (with HA): hardware dirty state update.
    pub hd: bool,
    /// HCR_EL2.DC applies (EL1&0 with EL2 enabled): `Some(DCT)`.
    pub default_cacheable: Option<bool>,
}

impl Stage1Config {
    /// Decodes the registers of `regime`. `hcr_el2` is `Some(HCR_EL2)` when EL2 is enabled
    /// in the current Security state (el2 crate `TrapCtx::el2_enabled()`), else `None`.
    /// For EL2&0 pass TCR_EL2/SCTLR_EL2 (they use the EL1 layout when E2H = 1).
    pub fn from_regs(regime: Regime, regs: &Stage1Regs, hcr_el2: Option<u64>) -> Stage1Config {
        let sctlr = Sctlr(regs.sctlr);
        let hcr = hcr_el2.map(Hcr);
        let el10 = matches!(regime, Regime::El10);
        // ARCH.md §3.1: EL1&0 stage 1 is off when EL2 is enabled and DC or TGE is set.
        let dc = el10 && hcr.is_some_and(|h| h.dc());
        let tge = el10 && hcr.is_some_and(|h| h.tge());
        let enabled = sctlr.m() && !dc && !tge;
        let default_cacheable = if dc { hcr.map(|h| h.dct()) } else { None };
        let common = |ranges, asid, oa_bits, ha, hd| Stage1Config {
            regime,
            enabled,
            ranges,
            asid,
            oa_bits,
            mair: regs.mair,
            wxn: sctlr.wxn(),
            epan: sctlr.epan(),
            data_cacheable: sctlr.c(),
            insn_cacheable: sctlr.i(),
            big_endian: sctlr.ee(),
            ha,
            hd: ha && hd,
            default_cacheable,
        };
        if regime.two_ranges() {
            let tcr = Tcr(regs.tcr);
            let (t0, t1) = (Ttbr(regs.ttbr0), Ttbr(regs.ttbr1));
            let r0 = RangeConfig {
                base: t0.baddr(),
                txsz: clamp_txsz(tcr.t0sz()),
                granule: Granule::from_tg0(tcr.tg0()),
                epd: tcr.epd0(),
                tbi: tcr.tbi0(),
                tbid: tcr.tbid0(),
                hpd: tcr.hpd0(),
                e0pd: tcr.e0pd0(),
                tcma: tcr.tcma0(),
            };
            let r1 = RangeConfig {
                base: t1.baddr(),
                txsz: clamp_txsz(tcr.t1sz()),
                granule: Granule::from_tg1(tcr.tg1()),
                epd: tcr.epd1(),
                tbi: tcr.tbi1(),
                tbid: tcr.tbid1(),
                hpd: tcr.hpd1(),
                e0pd: tcr.e0pd1(),
                tcma: tcr.tcma1(),
            };
            // ARCH.md §3.4/§3.5: A1 selects the TTBR holding the ASID; AS = 0 uses [55:48].
            let raw = if tcr.a1() { t1.asid() } else { t0.asid() };
            let asid = if tcr.as16() { raw } else { raw & 0xff } as u16;
            common(
                [r0, r1],
                Some(asid),
                pa_bits_from_ps(tcr.ips()),
                tcr.ha(),
                tcr.hd(),
            )
        } else {
            let tcr = TcrSingle(regs.tcr);
            let r0 = RangeConfig {
                base: Ttbr(regs.ttbr0).baddr(),
                txsz: clamp_txsz(tcr.t0sz()),
                granule: Granule::from_tg0(tcr.tg0()),
                epd: false,
                tbi: tcr.tbi(),
                tbid: tcr.tbid(),
                hpd: tcr.hpd(),
                e0pd: false,
                tcma: tcr.tcma(),
            };
            let r1 = RangeConfig { epd: true, ..r0 };
            common(
                [r0, r1],
                None,
                pa_bits_from_ps(tcr.ps()),
                tcr.ha(),
                tcr.hd(),
            )
        }
    }

    /// Highest VA bit that takes part in translation for this access: 55 if TBI applies,
    /// else 63 (Arm ARM AddrTop). Two-range regimes pick the range's TBI by VA[55].
    pub const fn addr_top(&self, va: u64, fetch: bool) -> u8 {
        let r = if self.regime.two_ranges() {
            &self.ranges[(va >> 55 & 1) as usize]
        } else {
            &self.ranges[0]
        };
        if r.tbi_applies(fetch) {
            55
        } else {
            63
        }
    }

    /// Whether a data access to `va` is subject to tag checking as far as the address goes
    /// (ARCH.md §4.6 items 3 and 4): TBI applies to it, and its tag is not match-all
    /// under TCMA (VA[59:55] all zeros or all ones; two-range regimes use the TCMA of
    /// the range VA[55] selects).
    pub const fn tag_checked_address(&self, va: u64) -> bool {
        let r = if self.regime.two_ranges() {
            &self.ranges[(va >> 55 & 1) as usize]
        } else {
            &self.ranges[0]
        };
        let top = va >> 55 & 0x1f;
        r.tbi_applies(false) && !(r.tcma && (top == 0 || top == 0x1f))
    }

    /// Selects the VA range (0 = TTBR0, 1 = TTBR1) and checks that the bits from the
    /// input size up to AddrTop are all equal to VA[55] (two ranges) or zero (one range),
    /// else Translation fault level 0 (ARCH.md §3.3).
    pub const fn select_range(&self, va: u64, fetch: bool, write: bool) -> Result<usize, Fault> {
        let idx = if self.regime.two_ranges() {
            (va >> 55 & 1) as usize
        } else {
            0
        };
        let r = &self.ranges[idx];
        let top = self.addr_top(va, fetch) as u32;
        let ia = r.ia_bits() as u32;
        let span = low_mask(top + 1 - ia) << ia;
        let expect = if idx == 1 { span } else { 0 };
        if va & span != expect {
            return Err(Fault::stage1(FaultKind::Translation, 0, write));
        }
        Ok(idx)
    }

    /// Memory attributes with stage 1 disabled (ARCH.md §3.2): data Device-nGnRnE,
    /// fetches Normal WT (SCTLR.I = 1) or NC, Outer Shareable; with HCR_EL2.DC, Normal WB
    /// RWA Non-shareable for both, Tagged if DCT. Returns (data, fetch).
    pub const fn disabled_attrs(&self) -> (MemAttrs, MemAttrs) {
        if let Some(dct) = self.default_cacheable {
            let n = MemAttrs::normal(Cacheability::WB_RWA, Shareability::NonShareable, dct);
            let f = MemAttrs { tagged: false, ..n };
            return (n, f);
        }
        let fetch = if self.insn_cacheable {
            Cacheability::WriteThrough(crate::attrs::Hints {
                ra: true,
                wa: false,
                transient: false,
            })
        } else {
            Cacheability::NonCacheable
        };
        (
            MemAttrs::DEVICE_NGNRNE,
            MemAttrs::normal(fetch, Shareability::Outer, false),
        )
    }

    /// Stage-1 attributes of a leaf with MAIR index `idx` and SH `sh` (ARCH.md §3.9):
    /// SCTLR.C = 0 makes data Normal NC and untagged, SCTLR.I = 0 likewise for fetches
    /// (which are never tag-checked). Returns (data, fetch).
    pub const fn leaf_attrs(&self, idx: u8, sh: u8) -> (MemAttrs, MemAttrs) {
        let a = MemAttrs::from_mair((self.mair >> (8 * (idx as u32 & 7))) as u8, sh);
        let data = if self.data_cacheable {
            a
        } else {
            a.non_cacheable()
        };
        let fetch = if self.insn_cacheable {
            MemAttrs { tagged: false, ..a }
        } else {
            a.non_cacheable()
        };
        (data, fetch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regs(tcr: u64) -> Stage1Regs {
        Stage1Regs {
            sctlr: 1,
            tcr,
            ttbr0: 0x1234_0000_0008_0000,
            ttbr1: 0xabcd_0000_0009_0000,
            mair: 0,
        }
    }

    #[test]
    fn regime_selection_follows_e2h_and_tge() {
        // ARCH.md §1.10/§3.1.
        assert_eq!(Regime::for_access(El::El0, true, true), Regime::El20);
        assert_eq!(Regime::for_access(El::El0, true, false), Regime::El10);
        assert_eq!(Regime::for_access(El::El1, true, true), Regime::El10);
        assert_eq!(Regime::for_access(El::El2, true, false), Regime::El20);
        assert_eq!(Regime::for_access(El::El2, false, true), Regime::El2);
        assert_eq!(Regime::for_access(El::El3, true, true), Regime::El3);
    }

    #[test]
    fn asid_selection_a1_and_as() {
        // ARCH.md §3.4: A1 picks TTBR1's ASID; AS = 0 keeps 8 bits.
        let c = Stage1Config::from_regs(Regime::El10, &regs(0), None);
        assert_eq!(c.asid, Some(0x34));
        let c = Stage1Config::from_regs(Regime::El10, &regs(1 << 36), None);
        assert_eq!(c.asid, Some(0x1234));
        let c = Stage1Config::from_regs(Regime::El10, &regs((1 << 36) | (1 << 22)), None);
        assert_eq!(c.asid, Some(0xabcd));
        let c = Stage1Config::from_regs(Regime::El2, &regs(0), None);
        assert_eq!(c.asid, None);
    }

    #[test]
    fn tg1_and_single_range_fields() {
        // ARCH.md §3.4: TG1 = 0b11 is 64K; single-range TCR has PS at 18:16.
        let c = Stage1Config::from_regs(Regime::El10, &regs((3 << 30) | (2 << 32)), None);
        assert_eq!(c.ranges[1].granule, Granule::K64);
        assert_eq!(c.ranges[0].granule, Granule::K4);
        assert_eq!(c.oa_bits, 40);
        let c = Stage1Config::from_regs(Regime::El3, &regs((1 << 16) | (1 << 14)), None);
        assert_eq!(c.oa_bits, 36);
        assert_eq!(c.ranges[0].granule, Granule::K64);
    }

    #[test]
    fn dc_and_tge_disable_el1_stage1_only_with_el2_enabled() {
        // ARCH.md §3.1: EL1&0 stage 1 on iff M=1 and not (EL2 enabled and (DC or TGE)).
        let dc = 1 << 12;
        let tge = 1 << 27;
        assert!(Stage1Config::from_regs(Regime::El10, &regs(0), None).enabled);
        assert!(!Stage1Config::from_regs(Regime::El10, &regs(0), Some(dc)).enabled);
        assert!(!Stage1Config::from_regs(Regime::El10, &regs(0), Some(tge)).enabled);
        assert!(Stage1Config::from_regs(Regime::El2, &regs(0), Some(dc)).enabled);
        let c = Stage1Config::from_regs(Regime::El10, &regs(0), Some(dc | (1 << 57)));
        assert_eq!(c.default_cacheable, Some(true));
        let (d, f) = c.disabled_attrs();
        assert!(d.tagged && d.is_wb_wb() && !f.tagged);
        assert_eq!(d.sh, Shareability::NonShareable);
    }

    #[test]
    fn range_selection_and_tbi() {
        // ARCH.md §3.3: bits [top:ia] must equal VA[55]; TBI ignores 63:56; TBID only
        // for data.
        let t0sz = 16;
        let c = Stage1Config::from_regs(Regime::El10, &regs(t0sz | (16 << 16)), None);
        assert_eq!(c.select_range(0x0000_7fff_ffff_f000, false, false), Ok(0));
        assert_eq!(c.select_range(0xffff_8000_0000_0000, false, false), Ok(1));
        assert!(c.select_range(0x0001_0000_0000_0000, false, false).is_err());
        assert!(c.select_range(0x5a00_0000_0000_1000, false, false).is_err());
        let tbi = t0sz | (16 << 16) | (1 << 37) | (1 << 51);
        let c = Stage1Config::from_regs(Regime::El10, &regs(tbi), None);
        assert_eq!(c.select_range(0x5a00_0000_0000_1000, false, false), Ok(0));
        assert!(
            c.select_range(0x5a00_0000_0000_1000, true, false).is_err(),
            "TBID"
        );
        // Single range: the bits must be zero.
        let c = Stage1Config::from_regs(Regime::El2, &regs(25), None);
        assert_eq!(c.select_range(0x7f_ffff_f000, false, false), Ok(0));
        assert!(c.select_range(0xffff_ff80_0000_0000, false, false).is_err());
        let f = c
            .select_range(0x8000_0000_0000_0000, false, true)
            .unwrap_err();
        assert_eq!(f.fsc(), 0x04);
        assert!(f.write);
    }

    #[test]
    fn stage1_disabled_attrs() {
        // ARCH.md §3.2: data Device-nGnRnE; fetch Normal WT if SCTLR.I else NC.
        let mut r = regs(0);
        r.sctlr = 1 << 12;
        let c = Stage1Config::from_regs(Regime::El10, &r, None);
        assert!(!c.enabled);
        let (d, f) = c.disabled_attrs();
        assert_eq!(d, MemAttrs::DEVICE_NGNRNE);
        assert_eq!(f.mair_byte(), 0xaa);
        r.sctlr = 0;
        let (_, f) = Stage1Config::from_regs(Regime::El10, &r, None).disabled_attrs();
        assert_eq!(f.mair_byte(), 0x44);
    }

    #[test]
    fn tag_checked_addresses_follow_tbi_and_tcma_by_range() {
        // EL1&0: TBI0 (37), TCMA0 (57); TTBR1 range with TBI1 (38) but not TCMA1.
        let c = Stage1Config::from_regs(Regime::El10, &regs(1 << 37 | 1 << 57 | 1 << 38), None);
        assert!(c.tag_checked_address(0x0300_0000_0000_1000), "tag 3, TTBR0");
        assert!(
            !c.tag_checked_address(0x0000_0000_0000_1000),
            "tag 0 is match-all"
        );
        assert!(
            c.tag_checked_address(0xff00_0000_0000_1000 | 1 << 55),
            "no TCMA1"
        );
        let no_tbi = Stage1Config::from_regs(Regime::El10, &regs(1 << 57), None);
        assert!(
            !no_tbi.tag_checked_address(0x0300_0000_0000_1000),
            "TBI0 off"
        );
        // EL2 (E2H = 0): TBI bit 20, TCMA bit 30 covers tags 0b0000 and 0b1111.
        let el2 = Stage1Config::from_regs(Regime::El2, &regs(1 << 20 | 1 << 30), None);
        assert!(!el2.tag_checked_address(0x0000_0000_0000_1000));
        assert!(!el2.tag_checked_address(0xff80_0000_0000_1000));
        assert!(el2.tag_checked_address(0x0500_0000_0000_1000));
        // TBID: TBI still applies to data accesses.
        let tbid = Stage1Config::from_regs(Regime::El2, &regs(1 << 20 | 1 << 29), None);
        assert!(tbid.tag_checked_address(0x0500_0000_0000_1000));
    }
}
