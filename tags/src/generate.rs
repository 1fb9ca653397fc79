//! Tag arithmetic of the tag-generating instructions IRG, ADDG, SUBG, GMI and SUBP(S)
//! (Arm ARM C6.2 instruction pages and the shared pseudocode `AArch64.ChooseNonExcludedTag`,
//! `AArch64.RandomTag`, `AArch64_ChooseTagOrZero`; ARCH.md §4.5).
//!
//! Everything here is a pure function of register values. Whether allocation-tag access is
//! enabled (when it is not, IRG/ADDG/SUBG produce tag 0) is decided by the caller, which
//! owns the system registers; these functions give the result for the enabled case.

/// GCR_EL1, the Tag Control Register: which tags IRG/ADDG/SUBG may generate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Gcr {
    /// Exclude[15:0]: bit n set = tag n is never generated.
    pub exclude: u16,
    /// RRND[16]: IRG uses an IMPLEMENTATION DEFINED random source instead of the RGSR_EL1 LFSR.
    pub rrnd: bool,
}

impl Gcr {
    /// Decodes a GCR_EL1 value; bits 63:17 are RES0 and ignored.
    pub const fn from_bits(gcr_el1: u64) -> Gcr {
        Gcr {
            exclude: gcr_el1 as u16,
            rrnd: (gcr_el1 >> 16) & 1 != 0,
        }
    }
}

/// RGSR_EL1, the Random Allocation Tag Seed Register: the state of IRG's architected LFSR.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rgsr {
    /// TAG[3:0]: the last tag IRG generated, the start point of the next one.
    pub tag: u8,
    /// SEED[23:8]: the 16-bit LFSR state.
    pub seed: u16,
}

impl Rgsr {
    /// Decodes an RGSR_EL1 value; bits other than TAG[3:0] and SEED[23:8] are RES0.
    pub const fn from_bits(rgsr_el1: u64) -> Rgsr {
        Rgsr {
            tag: (rgsr_el1 & 0xf) as u8,
            seed: (rgsr_el1 >> 8) as u16,
        }
    }

    /// The RGSR_EL1 value: TAG in [3:0], SEED in [23:8], RES0 elsewhere.
    pub const fn to_bits(self) -> u64 {
        (self.tag & 0xf) as u64 | ((self.seed as u64) << 8)
    }
}

/// Whether `tag` (0..=15) is excluded by the 16-bit mask.
const fn is_excluded(tag: u8, exclude: u16) -> bool {
    (exclude >> (tag & 0xf)) & 1 != 0
}

/// `AArch64.ChooseNonExcludedTag`: the tag `offset` non-excluded steps after `start`, or,
/// for offset 0, `start` itself advanced to the first non-excluded tag; 0 if all 16 tags are
/// excluded. Only the low 4 bits of `start` and `offset` are used (both are `bits(4)` in the
/// pseudocode).
pub const fn choose_non_excluded_tag(start: u8, offset: u8, exclude: u16) -> u8 {
    if exclude == 0xffff {
        return 0;
    }
    let mut tag = start & 0xf;
    let mut offset = offset & 0xf;
    if offset == 0 {
        // Offset 0 keeps `start` when it is allowed, otherwise moves up to the next allowed.
        while is_excluded(tag, exclude) {
            tag = (tag + 1) & 0xf;
        }
    }
    // Each step moves at least one tag and skips excluded ones. Both loops end because at
    // least one tag is allowed.
    while offset != 0 {
        offset -= 1;
        tag = (tag + 1) & 0xf;
        while is_excluded(tag, exclude) {
            tag = (tag + 1) & 0xf;
        }
    }
    tag
}

/// `AArch64.RandomTag` with GCR_EL1.RRND = 0: four steps of the architected 16-bit LFSR
/// (`AArch64.NextRandomTagBit`, taps at seed bits 5, 3, 2 and 0, new bit shifted in at bit
/// 15). Returns the four generated bits, first bit in bit 0, and the new seed. A zero seed
/// stays zero and gives offset 0.
pub const fn lfsr_random_offset(seed: u16) -> (u8, u16) {
    let mut seed = seed;
    let mut offset = 0u8;
    let mut i = 0;
    while i < 4 {
        let bit = ((seed >> 5) ^ (seed >> 3) ^ (seed >> 2) ^ seed) & 1;
        seed = (bit << 15) | (seed >> 1);
        offset |= (bit as u8) << i;
        i += 1;
    }
    (offset, seed)
}

/// The tag IRG writes when allocation-tag access is enabled (`AArch64_ChooseTagOrZero` with
/// exclusion GCR_EL1.Exclude | Xm[15:0]), and RGSR_EL1 afterwards.
///
/// * RRND = 1: 0 if all 16 tags are excluded (then `random` is not called), otherwise a
///   non-excluded tag picked by `random()` (the IMPLEMENTATION DEFINED
///   `ChooseRandomNonExcludedTag`). RGSR_EL1 is returned unchanged: current Arm pseudocode
///   does not write it on this path (older releases made it UNKNOWN, which allows unchanged).
/// * RRND = 0: offset from the LFSR in RGSR_EL1.SEED, tag =
///   `choose_non_excluded_tag(RGSR_EL1.TAG, offset, exclude)`; RGSR_EL1.TAG := tag and
///   RGSR_EL1.SEED := the advanced seed. With all tags excluded the tag is 0, and the seed
///   still advances and TAG still becomes 0, as in the pseudocode.
///
/// QEMU's IMPLEMENTATION DEFINED choice for RRND = 1 is the RRND = 0 algorithm (RGSR_EL1
/// updated), with a zero seed first replaced by a random non-zero one; a caller comparing
/// with QEMU can pass a `Gcr` with `rrnd: false` to follow it. The newest pseudocode's
/// FEAT_MTE_EIRG variant of the RRND = 0 path is not modelled.
pub fn irg_tag(rgsr: Rgsr, gcr: Gcr, xm_exclude: u16, random: impl FnOnce() -> u8) -> (u8, Rgsr) {
    let exclude = gcr.exclude | xm_exclude;
    if gcr.rrnd {
        if exclude == 0xffff {
            return (0, rgsr);
        }
        (nth_allowed_tag(exclude, random()), rgsr)
    } else {
        let (offset, seed) = lfsr_random_offset(rgsr.seed);
        let tag = choose_non_excluded_tag(rgsr.tag, offset, exclude);
        (tag, Rgsr { tag, seed })
    }
}

/// The non-excluded tag selected by `random`: index `random % allowed` among the allowed
/// tags in increasing order, so every allowed tag is picked by an even share of the 256
/// random values (exactly even for 1, 2, 4, 8 or 16 allowed tags). `exclude` must allow at
/// least one tag; with none allowed the answer is 0.
fn nth_allowed_tag(exclude: u16, random: u8) -> u8 {
    let allowed = (!exclude).count_ones();
    if allowed == 0 {
        return 0;
    }
    let mut remaining = u32::from(random) % allowed;
    for tag in 0..16u8 {
        if !is_excluded(tag, exclude) {
            if remaining == 0 {
                return tag;
            }
            remaining -= 1;
        }
    }
    0
}

/// The tag ADDG and SUBG give their result (both step the tag forwards): `uimm4` non-excluded
/// steps from the tag of Xn, excluding GCR_EL1.Exclude. Only for enabled tag access.
pub const fn addg_tag(start: u8, offset: u8, exclude: u16) -> u8 {
    choose_non_excluded_tag(start, offset, exclude)
}

/// `AArch64.AddressWithAllocationTag`: `addr` with bits 59:56 replaced by `tag & 0xf`.
pub const fn with_tag(addr: u64, tag: u8) -> u64 {
    (addr & !(0xf << 56)) | (((tag & 0xf) as u64) << 56)
}

/// `AArch64.AllocationTagFromAddress`: the logical tag, bits 59:56 of `addr`.
pub const fn logical_tag(addr: u64) -> u8 {
    ((addr >> 56) & 0xf) as u8
}

/// GMI: the exclusion mask `xm` with the bit for Xn's logical tag set.
pub const fn gmi(xn: u64, xm: u64) -> u64 {
    xm | (1 << logical_tag(xn))
}

/// SUBP/SUBPS: sign-extended Xn[55:0] minus sign-extended Xm[55:0] (tags and top byte
/// ignored). The difference of two 56-bit values always fits, so the result is exact.
pub const fn subp(xn: u64, xm: u64) -> u64 {
    sign_extend_56(xn).wrapping_sub(sign_extend_56(xm)) as u64
}

/// Bits 55:0 of `value` sign-extended from bit 55.
const fn sign_extend_56(value: u64) -> i64 {
    ((value << 8) as i64) >> 8
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn choose_examples() {
        assert_eq!(choose_non_excluded_tag(0, 0, 0), 0);
        assert_eq!(choose_non_excluded_tag(5, 2, 0), 7);
        assert_eq!(choose_non_excluded_tag(15, 1, 0), 0, "wraps at 16");
        assert_eq!(
            choose_non_excluded_tag(15, 1, 0x0001),
            1,
            "skips excluded 0"
        );
        // Offset 0: start kept if allowed, else the next allowed tag.
        assert_eq!(choose_non_excluded_tag(3, 0, 0x0004), 3);
        assert_eq!(choose_non_excluded_tag(3, 0, 0x0018), 5);
        // Only tag 0 allowed (Linux's default user exclusion), then nothing allowed.
        assert_eq!(choose_non_excluded_tag(9, 7, 0xfffe), 0);
        assert_eq!(choose_non_excluded_tag(9, 7, 0xffff), 0);
        // Only tag 12 allowed: every offset lands there.
        for offset in 0..16 {
            assert_eq!(choose_non_excluded_tag(2, offset, !(1 << 12)), 12);
        }
        // Excluded runs count as one step: from 1, offset 2 with 2..=5 excluded → 6, 7.
        assert_eq!(choose_non_excluded_tag(1, 2, 0b11_1100), 7);
        // High bits of start/offset are ignored.
        assert_eq!(choose_non_excluded_tag(0x13, 0x21, 0), 4);
    }

    #[test]
    fn choose_is_usable_in_const_context() {
        const TAG: u8 = choose_non_excluded_tag(14, 3, 0x8000);
        assert_eq!(TAG, 2);
    }

    #[test]
    fn lfsr_examples() {
        assert_eq!(lfsr_random_offset(0), (0, 0));
        // Seed 1: the first step feeds back bit 0 (=1), then three zero bits.
        assert_eq!(lfsr_random_offset(1), (0b0001, 0x1000));
        // Seed 0x2c: the steps see seeds 0x2c, 0x8016, 0xc00b, 0x6005 and feed back 1, 1, 0, 0
        // (worked by hand from the taps).
        assert_eq!(lfsr_random_offset(0x2c), (0b0011, 0x3002));
        assert_eq!(lfsr_random_offset(0xffff), (0, 0x0fff));
    }

    #[test]
    fn gcr_and_rgsr_fields() {
        assert_eq!(
            Gcr::from_bits(0xffff_ffff_fffe_1234),
            Gcr {
                exclude: 0x1234,
                rrnd: false
            }
        );
        assert_eq!(
            Gcr::from_bits(0x1_ffff),
            Gcr {
                exclude: 0xffff,
                rrnd: true
            }
        );
        let rgsr = Rgsr::from_bits(0xffff_ffff_ffab_cdef);
        assert_eq!(
            rgsr,
            Rgsr {
                tag: 0xf,
                seed: 0xabcd
            }
        );
        assert_eq!(rgsr.to_bits(), 0x00ab_cd0f);
        assert_eq!(
            Rgsr { tag: 0x35, seed: 1 }.to_bits(),
            0x105,
            "TAG keeps 4 bits"
        );
    }

    #[test]
    fn irg_lfsr_path_updates_rgsr() {
        let gcr = Gcr::from_bits(0);
        let rgsr = Rgsr { tag: 3, seed: 1 };
        let (tag, next) = irg_tag(rgsr, gcr, 0, || unreachable!("RRND=0 uses the LFSR"));
        // Offset 1 from tag 3.
        assert_eq!(tag, 4);
        assert_eq!(
            next,
            Rgsr {
                tag: 4,
                seed: 0x1000
            }
        );
        // Xm's exclusion is ORed with GCR_EL1.Exclude: 4 and 5 excluded → 6.
        let gcr = Gcr {
            exclude: 1 << 4,
            rrnd: false,
        };
        let (tag, next) = irg_tag(rgsr, gcr, 1 << 5, || 0);
        assert_eq!(tag, 6);
        assert_eq!(next.tag, 6);
    }

    #[test]
    fn irg_lfsr_path_all_excluded() {
        let rgsr = Rgsr { tag: 9, seed: 1 };
        let gcr = Gcr {
            exclude: 0xff00,
            rrnd: false,
        };
        let (tag, next) = irg_tag(rgsr, gcr, 0x00ff, || 0);
        assert_eq!(tag, 0);
        assert_eq!(
            next,
            Rgsr {
                tag: 0,
                seed: 0x1000
            }
        );
    }

    #[test]
    fn irg_zero_seed_repeats_start() {
        // A zero seed gives offset 0: the start tag, moved past exclusions.
        let rgsr = Rgsr { tag: 7, seed: 0 };
        let (tag, next) = irg_tag(rgsr, Gcr::from_bits(1 << 7), 0, || 0);
        assert_eq!((tag, next), (8, Rgsr { tag: 8, seed: 0 }));
    }

    #[test]
    fn irg_random_path_leaves_rgsr() {
        let rgsr = Rgsr {
            tag: 5,
            seed: 0xbeef,
        };
        let gcr = Gcr::from_bits(1 << 16);
        assert_eq!(irg_tag(rgsr, gcr, 0, || 0x2a), (0xa, rgsr));
        // Only tag 13 allowed.
        assert_eq!(irg_tag(rgsr, gcr, !(1 << 13), || 0xff), (13, rgsr));
        // All excluded: 0 without consulting the random source.
        let all = Gcr::from_bits((1 << 16) | 0xffff);
        assert_eq!(
            irg_tag(rgsr, all, 0, || unreachable!("nothing to choose")),
            (0, rgsr)
        );
    }

    #[test]
    fn random_choice_is_even_over_256_values() {
        // Four allowed tags: each gets exactly 64 of the 256 random bytes.
        let exclude = !0b1000_0100_0010_0001u16;
        let mut counts = [0u32; 16];
        for r in 0..=255u8 {
            counts[usize::from(nth_allowed_tag(exclude, r))] += 1;
        }
        assert_eq!(counts[0], 64);
        assert_eq!(counts[5], 64);
        assert_eq!(counts[10], 64);
        assert_eq!(counts[15], 64);
        assert_eq!(nth_allowed_tag(0xffff, 3), 0);
    }

    #[test]
    fn address_tag_helpers() {
        let addr = 0xfa12_3456_789a_bcdeu64;
        assert_eq!(logical_tag(addr), 0xa);
        assert_eq!(with_tag(addr, 3), 0xf312_3456_789a_bcde);
        assert_eq!(with_tag(addr, 0x35), 0xf512_3456_789a_bcde);
        assert_eq!(addg_tag(logical_tag(addr), 1, 1 << 11), 12);
    }

    #[test]
    fn gmi_sets_the_tag_bit() {
        assert_eq!(gmi(0x0300_0000_0000_1000, 0), 1 << 3);
        assert_eq!(gmi(0xff00_0000_0000_0000, 0x1), 0x8001);
        assert_eq!(gmi(0, u64::MAX), u64::MAX);
    }

    #[test]
    fn subp_examples() {
        // Tags and top byte ignored.
        assert_eq!(subp(0xaf00_0000_0000_1000, 0x0500_0000_0000_0800), 0x800);
        assert_eq!(subp(0x800, 0x1000), (-0x800i64) as u64);
        // Bit 55 is the sign of each operand.
        assert_eq!(subp(0x0080_0000_0000_0000, 0), 0xff80_0000_0000_0000);
        assert_eq!(subp(0, 0x0080_0000_0000_0000), 0x0080_0000_0000_0000);
        // Extremes: (2^55 - 1) - (-2^55) = 2^56 - 1.
        assert_eq!(
            subp(0x007f_ffff_ffff_ffff, 0x0080_0000_0000_0000),
            0x00ff_ffff_ffff_ffff
        );
    }

    /// Reference for offset > 0: walk the allowed tags in cyclic order after `start`.
    fn reference_choose(start: u8, offset: u8, exclude: u16) -> u8 {
        let allowed: Vec<u8> = (1..=16u8)
            .map(|d| (start + d) & 0xf)
            .filter(|&t| exclude & (1 << t) == 0)
            .collect();
        if allowed.is_empty() {
            return 0;
        }
        allowed[(usize::from(offset) - 1) % allowed.len()]
    }

    proptest! {
        #[test]
        fn choose_never_returns_an_excluded_tag(start in 0u8..16, offset in 0u8..16, exclude in any::<u16>()) {
            let tag = choose_non_excluded_tag(start, offset, exclude);
            prop_assert!(tag < 16);
            if exclude == 0xffff {
                prop_assert_eq!(tag, 0);
            } else {
                prop_assert!(exclude & (1 << tag) == 0, "tag {} excluded by {:#06x}", tag, exclude);
            }
        }

        #[test]
        fn choose_matches_reference(start in 0u8..16, offset in 1u8..16, exclude in any::<u16>()) {
            prop_assert_eq!(choose_non_excluded_tag(start, offset, exclude), reference_choose(start, offset, exclude));
        }

        #[test]
        fn choose_without_exclusion_adds(start in 0u8..16, offset in 0u8..16) {
            prop_assert_eq!(choose_non_excluded_tag(start, offset, 0), (start + offset) & 0xf);
        }

        #[test]
        fn choose_accepts_any_input(start in any::<u8>(), offset in any::<u8>(), exclude in any::<u16>()) {
            prop_assert!(choose_non_excluded_tag(start, offset, exclude) < 16);
        }

        #[test]
        fn lfsr_shifts_its_output_into_the_top(seed in any::<u16>()) {
            // Four right shifts: old SEED[15:4] moves to [11:0] and the generated bits fill
            // [15:12], first bit lowest.
            let (offset, next) = lfsr_random_offset(seed);
            prop_assert!(offset < 16);
            prop_assert_eq!(next, (seed >> 4) | (u16::from(offset) << 12));
        }

        #[test]
        fn irg_random_never_excluded(rgsr_bits in any::<u64>(), gcr_bits in any::<u64>(), xm in any::<u16>(), r in any::<u8>()) {
            let rgsr = Rgsr::from_bits(rgsr_bits);
            let gcr = Gcr::from_bits(gcr_bits);
            let (tag, next) = irg_tag(rgsr, gcr, xm, || r);
            let exclude = gcr.exclude | xm;
            prop_assert!(tag < 16);
            if exclude == 0xffff {
                prop_assert_eq!(tag, 0);
            } else {
                prop_assert!(exclude & (1 << tag) == 0);
            }
            if gcr.rrnd {
                prop_assert_eq!(next, rgsr);
            } else {
                prop_assert_eq!(next.tag, tag);
                prop_assert_eq!(next.seed, lfsr_random_offset(rgsr.seed).1);
            }
        }

        #[test]
        fn rgsr_round_trips(tag in 0u8..16, seed in any::<u16>()) {
            let rgsr = Rgsr { tag, seed };
            prop_assert_eq!(Rgsr::from_bits(rgsr.to_bits()), rgsr);
        }

        #[test]
        fn with_tag_then_logical_tag(addr in any::<u64>(), tag in any::<u8>()) {
            let tagged = with_tag(addr, tag);
            prop_assert_eq!(logical_tag(tagged), tag & 0xf);
            prop_assert_eq!(tagged & !(0xf << 56), addr & !(0xf << 56));
        }

        #[test]
        fn subp_ignores_top_byte(a in any::<u64>(), b in any::<u64>(), ta in any::<u8>(), tb in any::<u8>()) {
            let strip = |x: u64, top: u8| (x & 0x00ff_ffff_ffff_ffff) | (u64::from(top) << 56);
            prop_assert_eq!(subp(strip(a, ta), strip(b, tb)), subp(a, b));
            prop_assert_eq!(subp(a, a), 0);
        }
    }
}
