//! Typed views of the control registers the translation library reads (ARCH.md §3.4, §3.5,
//! §3.10, §3.11, §1.9). Each register is a `u64` newtype with one accessor per field, so
//! logic code never shifts and masks raw register values (STYLE.md §3).
//!
//! `a64sim-arch` does not (yet) hold these bitfields; they live here because only the MMU
//! reads these fields. Accessors return the raw field value (`u64`) or a `bool` for 1-bit
//! fields; decoding the field into a meaning (granule, PA size...) is the job of the module
//! that owns the concept (`granule.rs`, `regime.rs`, `stage2.rs`).

/// Defines accessor methods on a `u64` newtype: `name: lo, width;` for fields and
/// `name: bit;` (in a `flags` block) for single bits.
macro_rules! fields {
    ($t:ident { $($(#[$m:meta])* $name:ident : $lo:expr, $w:expr;)* }
     flags { $($(#[$fm:meta])* $flag:ident : $bit:expr;)* }) => {
        impl $t {
            $($(#[$m])* #[inline] pub const fn $name(self) -> u64 {
                (self.0 >> $lo) & ((1u64 << $w) - 1)
            })*
            $($(#[$fm])* #[inline] pub const fn $flag(self) -> bool {
                (self.0 >> $bit) & 1 != 0
            })*
        }
    };
}

/// TCR_EL1, or TCR_EL2 with E2H = 1 (the two-range layout, ARCH.md §3.4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tcr(pub u64);
fields!(Tcr {
    /// T0SZ: size offset of the TTBR0 region.
    t0sz: 0, 6;
    /// TG0: TTBR0 granule (00 4K, 01 64K, 10 16K).
    tg0: 14, 2;
    /// T1SZ: size offset of the TTBR1 region.
    t1sz: 16, 6;
    /// TG1: TTBR1 granule (01 16K, 10 4K, 11 64K).
    tg1: 30, 2;
    /// IPS: intermediate physical address size.
    ips: 32, 3;
} flags {
    /// EPD0: walks via TTBR0 fault.
    epd0: 7;
    /// A1: the ASID comes from TTBR1.
    a1: 22;
    /// EPD1: walks via TTBR1 fault.
    epd1: 23;
    /// AS: 16-bit ASIDs.
    as16: 36;
    /// TBI0: top byte ignored, TTBR0 region.
    tbi0: 37;
    /// TBI1: top byte ignored, TTBR1 region.
    tbi1: 38;
    /// HA: hardware Access flag update.
    ha: 39;
    /// HD: hardware dirty state update.
    hd: 40;
    /// HPD0: hierarchical permissions disabled, TTBR0 region.
    hpd0: 41;
    /// HPD1: hierarchical permissions disabled, TTBR1 region.
    hpd1: 42;
    /// TBID0: TBI0 applies to data accesses only.
    tbid0: 51;
    /// TBID1: TBI1 applies to data accesses only.
    tbid1: 52;
    /// E0PD0: EL0 accesses to the TTBR0 region fault.
    e0pd0: 55;
    /// E0PD1: EL0 accesses to the TTBR1 region fault.
    e0pd1: 56;
    /// TCMA0: tag 0b0000 in the TTBR0 region is match-all (no tag check).
    tcma0: 57;
    /// TCMA1: tag 0b1111 in the TTBR1 region is match-all.
    tcma1: 58;
});

/// TCR_EL2 with E2H = 0, or TCR_EL3: the single-range layout (ARCH.md §3.4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TcrSingle(pub u64);
fields!(TcrSingle {
    /// T0SZ.
    t0sz: 0, 6;
    /// TG0 (00 4K, 01 64K, 10 16K).
    tg0: 14, 2;
    /// PS: physical address size (IPS encoding).
    ps: 16, 3;
} flags {
    /// TBI.
    tbi: 20;
    /// HA.
    ha: 21;
    /// HD.
    hd: 22;
    /// HPD.
    hpd: 24;
    /// TBID.
    tbid: 29;
    /// TCMA: tags 0b0000 and 0b1111 are match-all (no tag check).
    tcma: 30;
});

/// SCTLR_ELx fields the MMU reads (ARCH.md §3.10).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sctlr(pub u64);
fields!(Sctlr {} flags {
    /// M: stage-1 MMU enable.
    m: 0;
    /// C: data cacheability.
    c: 2;
    /// I: instruction cacheability.
    i: 12;
    /// WXN: writable implies execute-never.
    wxn: 19;
    /// EE: big-endian data and translation table walks.
    ee: 25;
    /// EPAN: PAN also covers EL0-executable pages.
    epan: 57;
});

/// TTBRn_ELx and VTTBR_EL2 (ARCH.md §3.5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ttbr(pub u64);
fields!(Ttbr {
    /// ASID (TTBRn) or VMID (VTTBR), bits 63:48.
    asid: 48, 16;
} flags {});

impl Ttbr {
    /// BADDR[47:1]: the table base, 48-bit PA (no FEAT_LPA).
    #[inline]
    pub const fn baddr(self) -> u64 {
        self.0 & 0x0000_ffff_ffff_fffe
    }
}

/// VTCR_EL2 (ARCH.md §3.11).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Vtcr(pub u64);
fields!(Vtcr {
    /// T0SZ: IPA size offset.
    t0sz: 0, 6;
    /// SL0: starting level.
    sl0: 6, 2;
    /// TG0 (00 4K, 01 64K, 10 16K).
    tg0: 14, 2;
    /// PS: physical address size.
    ps: 16, 3;
} flags {
    /// VS: 16-bit VMID.
    vs: 19;
    /// HA: hardware Access flag update at stage 2.
    ha: 21;
    /// HD: hardware dirty state update at stage 2.
    hd: 22;
});

/// HCR_EL2 fields the MMU reads (ARCH.md §1.9).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hcr(pub u64);
fields!(Hcr {} flags {
    /// VM: stage 2 enable.
    vm: 0;
    /// PTW: stage-1 walks to stage-2 Device memory fault.
    ptw: 2;
    /// DC: default cacheability (stage 1 off, Normal WB).
    dc: 12;
    /// TGE: EL1&0 stage 1 treated as off.
    tge: 27;
    /// CD: stage-2 data accesses Non-cacheable.
    cd: 32;
    /// ID: stage-2 instruction accesses Non-cacheable.
    id: 33;
    /// E2H: VHE.
    e2h: 34;
    /// FWB: stage-2 forced write-back.
    fwb: 46;
    /// DCT: with DC, default memory is Tagged.
    dct: 57;
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcr_field_positions_match_arch_3_4() {
        // ARCH.md §3.4: TG1 bits 31:30, IPS 34:32, AS 36, TBI1 38, HD 40, E0PD1 56.
        let t = Tcr((2 << 30) | (5 << 32) | (1 << 36) | (1 << 38) | (1 << 40) | (1 << 56) | 25);
        assert_eq!(t.tg1(), 2);
        assert_eq!(t.ips(), 5);
        assert!(t.as16() && t.tbi1() && t.hd() && t.e0pd1());
        assert!(!t.tbi0() && !t.ha());
        assert_eq!(t.t0sz(), 25);
    }

    #[test]
    fn single_range_tcr_and_vtcr_positions_match_arch() {
        // ARCH.md §3.4 (EL2/EL3 layout): PS 18:16, TBI 20, HA 21, HD 22, HPD 24, TBID 29.
        let t = TcrSingle((4 << 16) | (1 << 20) | (1 << 24) | (1 << 29));
        assert_eq!(t.ps(), 4);
        assert!(t.tbi() && t.hpd() && t.tbid() && !t.ha());
        // ARCH.md §3.11: SL0 7:6, VS 19.
        let v = Vtcr((1 << 6) | (1 << 19) | 24);
        assert_eq!(v.sl0(), 1);
        assert!(v.vs());
        assert_eq!(v.t0sz(), 24);
    }

    #[test]
    fn ttbr_splits_asid_and_base() {
        // ARCH.md §3.5: ASID[63:48], BADDR[47:1], CnP bit 0.
        let t = Ttbr(0xabcd_0000_4000_1001);
        assert_eq!(t.asid(), 0xabcd);
        assert_eq!(t.baddr(), 0x4000_1000);
    }
}
