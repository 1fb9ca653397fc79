//! Translation granules and address-space geometry (ARCH.md §3.6, §3.11; Arm ARM D8.2).
//!
//! Everything that depends only on the granule size is here: the TG0/TG1/VTCR.TG0 decodings,
//! the per-level shift and index width, the stage-1 start level formula, the stage-2 SL0
//! table, the levels at which block descriptors are allowed, and the IPS/PS decoding.
//! Only the DS = 0, 48-bit output address architecture is modelled (no FEAT_LPA/LPA2), so
//! levels run 0..=3.

/// A translation granule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Granule {
    /// 4 KB pages, 9 index bits per level.
    K4,
    /// 16 KB pages, 11 index bits per level.
    K16,
    /// 64 KB pages, 13 index bits per level.
    K64,
}

/// Largest output address size modelled: 48 bits (PARange 0b0101, no FEAT_LPA).
pub const PA_MAX_BITS: u8 = 48;

/// Smallest TxSZ without FEAT_LVA (ARCH.md §3.3): 48-bit input addresses.
pub const MIN_TXSZ: u8 = 16;
/// Largest TxSZ without FEAT_TTST (ARCH.md §3.3): 25-bit input addresses.
pub const MAX_TXSZ: u8 = 39;

impl Granule {
    /// TCR.TG0 / VTCR.TG0: 00 4K, 01 64K, 10 16K (ARCH.md §3.4). The reserved value 11 is
    /// IMPLEMENTATION DEFINED as one of the sizes; a64sim chooses 4K.
    pub const fn from_tg0(tg0: u64) -> Granule {
        match tg0 & 3 {
            1 => Granule::K64,
            2 => Granule::K16,
            _ => Granule::K4,
        }
    }

    /// TCR.TG1: 01 16K, 10 4K, 11 64K — a different encoding from TG0 (ARCH.md §3.4). The
    /// reserved value 00 is treated as 4K (IMPLEMENTATION DEFINED choice).
    pub const fn from_tg1(tg1: u64) -> Granule {
        match tg1 & 3 {
            1 => Granule::K16,
            3 => Granule::K64,
            _ => Granule::K4,
        }
    }

    /// log2 of the page size: 12, 14 or 16.
    pub const fn bits(self) -> u8 {
        match self {
            Granule::K4 => 12,
            Granule::K16 => 14,
            Granule::K64 => 16,
        }
    }

    /// Index bits resolved per level (the stride): granule bits − 3.
    pub const fn stride(self) -> u8 {
        self.bits() - 3
    }

    /// Page size in bytes.
    pub const fn size(self) -> u64 {
        1 << self.bits()
    }

    /// The lowest address bit indexed at `level` (0..=3), which is also log2 of the size
    /// a block or page at that level maps: `g + s*(3 - level)` (ARCH.md §3.6).
    pub const fn level_shift(self, level: u8) -> u8 {
        let l = if level > 3 { 3 } else { level };
        self.bits() + self.stride() * (3 - l)
    }

    /// Whether a block descriptor is allowed at `level` with DS = 0 and a 48-bit OA
    /// (ARCH.md §3.6/§3.7): 4K at levels 1 and 2; 16K and 64K at level 2 only (the 64K
    /// level-1 block needs 52-bit PA). Elsewhere `01` is a Translation fault.
    pub const fn block_allowed(self, level: u8) -> bool {
        match self {
            Granule::K4 => level == 1 || level == 2,
            Granule::K16 | Granule::K64 => level == 2,
        }
    }

    /// Stage-1 start level for an input size of `ia_bits` (ARCH.md §3.6 formula):
    /// `3 - ((ia - 1 - g) / s)`. `ia_bits` must lie in 25..=48 (TxSZ clamped first).
    pub const fn s1_start_level(self, ia_bits: u8) -> u8 {
        let g = self.bits();
        let ia = if ia_bits < g + 1 { g + 1 } else { ia_bits };
        // Levels above 3 that the input bits reach; comparisons rather than a division
        // because every TLB miss computes this.
        let (rest, s) = (ia - 1 - g, self.stride());
        let up = (rest >= s) as u8 + (rest >= 2 * s) as u8 + (rest >= 3 * s) as u8;
        3 - up
    }

    /// Stage-2 start level from VTCR_EL2.SL0 (ARCH.md §3.11 table); `None` for the
    /// reserved encodings (11 needs FEAT_TTST for 4K, DS = 1 for 16K; reserved for 64K).
    pub const fn s2_start_level(self, sl0: u64) -> Option<u8> {
        match (self, sl0 & 3) {
            (Granule::K4, 0) => Some(2),
            (Granule::K4, 1) => Some(1),
            (Granule::K4, 2) => Some(0),
            (Granule::K16 | Granule::K64, 0) => Some(3),
            (Granule::K16 | Granule::K64, 1) => Some(2),
            (Granule::K16 | Granule::K64, 2) => Some(1),
            _ => None,
        }
    }

    /// Whether an IPA size of `ia_bits` is consistent with a stage-2 walk starting at
    /// `start` (ARCH.md §3.11): `min_ia <= ia <= max_ia` where
    /// `min_ia = (3 - start)*s + g + 1` and `max_ia = min_ia + s - 1 + 4` (the extra 4 bits
    /// are up to 16 concatenated tables).
    pub const fn s2_consistent(self, start: u8, ia_bits: u8) -> bool {
        if start > 3 {
            return false;
        }
        let min_ia = (3 - start) as u32 * self.stride() as u32 + self.bits() as u32 + 1;
        let max_ia = min_ia + self.stride() as u32 - 1 + 4;
        let ia = ia_bits as u32;
        ia >= min_ia && ia <= max_ia
    }
}

/// TCR.IPS / TCR.PS / VTCR.PS → output address bits (ARCH.md §3.4): 000 32, 001 36,
/// 010 40, 011 42, 100 44, 101 48; 110 (52) and 111 (56, D128) are capped at the 48 bits
/// a64sim implements (the Arm ARM treats a PS above PARange as PARange).
pub const fn pa_bits_from_ps(ps: u64) -> u8 {
    match ps & 7 {
        0 => 32,
        1 => 36,
        2 => 40,
        3 => 42,
        4 => 44,
        _ => PA_MAX_BITS,
    }
}

/// TxSZ clamped to the supported range 16..=39 (ARCH.md §3.3: out-of-range values either
/// fault or clamp, IMPLEMENTATION DEFINED; a64sim clamps like QEMU).
pub const fn clamp_txsz(txsz: u64) -> u8 {
    if txsz < MIN_TXSZ as u64 {
        MIN_TXSZ
    } else if txsz > MAX_TXSZ as u64 {
        MAX_TXSZ
    } else {
        txsz as u8
    }
}

/// A mask of the low `bits` bits (`bits` ≥ 64 gives all ones).
#[inline]
pub(crate) const fn low_mask(bits: u32) -> u64 {
    if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tg0_and_tg1_use_different_encodings() {
        // ARCH.md §3.4: TG0 00 4K, 01 64K, 10 16K; TG1 01 16K, 10 4K, 11 64K.
        assert_eq!(Granule::from_tg0(0), Granule::K4);
        assert_eq!(Granule::from_tg0(1), Granule::K64);
        assert_eq!(Granule::from_tg0(2), Granule::K16);
        assert_eq!(Granule::from_tg1(1), Granule::K16);
        assert_eq!(Granule::from_tg1(2), Granule::K4);
        assert_eq!(Granule::from_tg1(3), Granule::K64);
    }

    #[test]
    fn start_levels_match_the_arch_3_6_examples() {
        // ARCH.md §3.6: 4K T0SZ=16 → L0, 25 → L1, 34 → L2; 64K 16 → L1, 22 → L2;
        // 16K 16 → L0, 17 → L1.
        assert_eq!(Granule::K4.s1_start_level(48), 0);
        assert_eq!(Granule::K4.s1_start_level(39), 1);
        assert_eq!(Granule::K4.s1_start_level(30), 2);
        assert_eq!(Granule::K64.s1_start_level(48), 1);
        assert_eq!(Granule::K64.s1_start_level(42), 2);
        assert_eq!(Granule::K16.s1_start_level(48), 0);
        assert_eq!(Granule::K16.s1_start_level(47), 1);
        // Largest TxSZ (39, 25-bit): 4K L2, 16K L3, 64K L3.
        assert_eq!(Granule::K4.s1_start_level(25), 2);
        assert_eq!(Granule::K16.s1_start_level(25), 3);
        assert_eq!(Granule::K64.s1_start_level(25), 3);
    }

    #[test]
    fn level_shifts_and_block_sizes_match_arch_3_6() {
        // ARCH.md §3.6: 4K L1 1GB, L2 2MB; 16K L2 32MB; 64K L2 512MB; L0 index VA[47:39].
        assert_eq!(Granule::K4.level_shift(0), 39);
        assert_eq!(Granule::K4.level_shift(1), 30);
        assert_eq!(Granule::K4.level_shift(2), 21);
        assert_eq!(Granule::K16.level_shift(2), 25);
        assert_eq!(Granule::K16.level_shift(0), 47);
        assert_eq!(Granule::K64.level_shift(2), 29);
        assert_eq!(Granule::K64.level_shift(1), 42);
        assert!(Granule::K4.block_allowed(1) && !Granule::K4.block_allowed(0));
        assert!(!Granule::K16.block_allowed(1) && !Granule::K64.block_allowed(1));
        assert!(!Granule::K4.block_allowed(3));
    }

    #[test]
    fn stage2_sl0_table_and_consistency_rule() {
        // ARCH.md §3.11: SL0 table; 4K 40-bit IPA with SL0=01 (L1, 2 concatenated tables)
        // is Linux's default KVM layout.
        assert_eq!(Granule::K4.s2_start_level(1), Some(1));
        assert_eq!(Granule::K4.s2_start_level(3), None);
        assert_eq!(Granule::K16.s2_start_level(0), Some(3));
        assert_eq!(Granule::K64.s2_start_level(2), Some(1));
        assert_eq!(Granule::K64.s2_start_level(3), None);
        assert!(Granule::K4.s2_consistent(1, 40));
        assert!(Granule::K4.s2_consistent(1, 31) && Granule::K4.s2_consistent(1, 43));
        assert!(!Granule::K4.s2_consistent(1, 44) && !Granule::K4.s2_consistent(1, 30));
        assert!(Granule::K4.s2_consistent(0, 48));
    }

    #[test]
    fn ps_decoding_and_txsz_clamp() {
        // ARCH.md §3.4 IPS encoding; §3.3 TxSZ range 16..39.
        let bits: Vec<u8> = (0..8).map(pa_bits_from_ps).collect();
        assert_eq!(bits, [32, 36, 40, 42, 44, 48, 48, 48]);
        assert_eq!(clamp_txsz(0), 16);
        assert_eq!(clamp_txsz(63), 39);
        assert_eq!(clamp_txsz(25), 25);
    }
}
