//! Memory attributes (ARCH.md §3.9, §3.11; Arm ARM D8.6): MAIR decoding, stage-2
//! MemAttr decoding, the stage 1 + stage 2 combination with and without FEAT_S2FWB, and the
//! MAIR-format encoding PAR_EL1.ATTR reports (§3.14).
//!
//! One [`MemAttrs`] value describes the final memory type of an access: Device (with its
//! type) or Normal (inner and outer cacheability with allocation hints), shareability, and
//! whether it is Allocation-Tagged (MTE).

/// Device memory types, most restrictive first (the `Ord` order is "less restrictive").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeviceType {
    /// Device-nGnRnE.
    NGnRnE,
    /// Device-nGnRE.
    NGnRE,
    /// Device-nGRE.
    NGRE,
    /// Device-GRE.
    Gre,
}

impl DeviceType {
    /// From the 2-bit `dd` field (MAIR 0b0000_dd00, S2 MemAttr[1:0]).
    pub const fn from_bits(dd: u8) -> DeviceType {
        match dd & 3 {
            0 => DeviceType::NGnRnE,
            1 => DeviceType::NGnRE,
            2 => DeviceType::NGRE,
            _ => DeviceType::Gre,
        }
    }
    /// The 2-bit `dd` encoding.
    pub const fn bits(self) -> u8 {
        self as u8
    }
}

/// Cacheability of one level (inner or outer) of Normal memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cacheability {
    /// Non-cacheable.
    NonCacheable,
    /// Write-through with allocation hints.
    WriteThrough(Hints),
    /// Write-back with allocation hints.
    WriteBack(Hints),
}

/// Allocation hints of a cacheable attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Hints {
    /// Read-allocate.
    pub ra: bool,
    /// Write-allocate.
    pub wa: bool,
    /// Transient.
    pub transient: bool,
}

impl Hints {
    /// Read and write allocate, non-transient.
    pub const RWA: Hints = Hints {
        ra: true,
        wa: true,
        transient: false,
    };
}

impl Cacheability {
    /// Write-back, read+write allocate, non-transient.
    pub const WB_RWA: Cacheability = Cacheability::WriteBack(Hints::RWA);

    /// Decodes a MAIR nibble (ARCH.md §3.9): `00RW` WT transient (RW≠00), `0100` NC,
    /// `01RW` WB transient, `10RW` WT, `11RW` WB. `0000` is reserved and treated as NC.
    pub const fn from_mair_nibble(n: u8) -> Cacheability {
        let h = Hints {
            ra: n & 2 != 0,
            wa: n & 1 != 0,
            transient: n & 8 == 0,
        };
        match (n >> 2) & 3 {
            0 if n & 3 != 0 => Cacheability::WriteThrough(h),
            1 if n & 3 != 0 => Cacheability::WriteBack(h),
            2 => Cacheability::WriteThrough(h),
            3 => Cacheability::WriteBack(h),
            _ => Cacheability::NonCacheable,
        }
    }

    /// The MAIR nibble that encodes this attribute (inverse of `from_mair_nibble`).
    pub const fn mair_nibble(self) -> u8 {
        let (base, h) = match self {
            Cacheability::NonCacheable => return 0b0100,
            Cacheability::WriteThrough(h) => (if h.transient { 0b0000 } else { 0b1000 }, h),
            Cacheability::WriteBack(h) => (if h.transient { 0b0100 } else { 0b1100 }, h),
        };
        base | ((h.ra as u8) << 1) | h.wa as u8
    }

    /// Rank for "NC beats WT beats WB" (ARCH.md §3.11).
    const fn rank(self) -> u8 {
        match self {
            Cacheability::NonCacheable => 0,
            Cacheability::WriteThrough(_) => 1,
            Cacheability::WriteBack(_) => 2,
        }
    }

    const fn hints(self) -> Option<Hints> {
        match self {
            Cacheability::NonCacheable => None,
            Cacheability::WriteThrough(h) | Cacheability::WriteBack(h) => Some(h),
        }
    }

    /// Stage-2 cacheability from a 2-bit S2 MemAttr half: 01 NC, 10 WT, 11 WB (00 reserved,
    /// treated as NC). Hints are RWA non-transient; they are replaced by stage 1's when
    /// combining.
    const fn from_s2_bits(b: u8) -> Cacheability {
        match b & 3 {
            2 => Cacheability::WriteThrough(Hints::RWA),
            3 => Cacheability::WriteBack(Hints::RWA),
            _ => Cacheability::NonCacheable,
        }
    }

    /// Combines stage 1 (`self`) with stage 2: the weaker cacheability wins, allocation
    /// hints and transience come from stage 1 (ARCH.md §3.11).
    const fn combine(self, s2: Cacheability) -> Cacheability {
        let kind = if s2.rank() < self.rank() { s2 } else { self };
        let h = match self.hints() {
            Some(h) => h,
            None => Hints::RWA,
        };
        match kind {
            Cacheability::NonCacheable => Cacheability::NonCacheable,
            Cacheability::WriteThrough(_) => Cacheability::WriteThrough(h),
            Cacheability::WriteBack(_) => Cacheability::WriteBack(h),
        }
    }
}

/// Shareability domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shareability {
    /// Non-shareable.
    NonShareable,
    /// Inner Shareable.
    Inner,
    /// Outer Shareable.
    Outer,
}

impl Shareability {
    /// From a descriptor SH field: 00 NSH, 10 OSH, 11 ISH; the reserved 01 is treated as
    /// OSH (CONSTRAINED UNPREDICTABLE; a64sim picks the widest domain).
    pub const fn from_sh(sh: u8) -> Shareability {
        match sh & 3 {
            0 => Shareability::NonShareable,
            3 => Shareability::Inner,
            _ => Shareability::Outer,
        }
    }
    /// The SH encoding (PAR_EL1.SH).
    pub const fn bits(self) -> u8 {
        match self {
            Shareability::NonShareable => 0,
            Shareability::Outer => 2,
            Shareability::Inner => 3,
        }
    }
}

/// Device or Normal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MemType {
    /// Device memory of the given type.
    Device(DeviceType),
    /// Normal memory.
    Normal {
        /// Inner cacheability.
        inner: Cacheability,
        /// Outer cacheability.
        outer: Cacheability,
    },
}

/// The full memory attributes of an access.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MemAttrs {
    /// Memory type and cacheability.
    pub mem: MemType,
    /// Shareability (Device and Non-cacheable Normal are always Outer Shareable).
    pub sh: Shareability,
    /// MTE Allocation-Tagged (tag checks and tag storage apply).
    pub tagged: bool,
}

impl MemAttrs {
    /// Device-nGnRnE (stage 1 off, data accesses; ARCH.md §3.2).
    pub const DEVICE_NGNRNE: MemAttrs = MemAttrs {
        mem: MemType::Device(DeviceType::NGnRnE),
        sh: Shareability::Outer,
        tagged: false,
    };

    /// Normal with the same cacheability inside and outside, normalised shareability.
    pub const fn normal(c: Cacheability, sh: Shareability, tagged: bool) -> MemAttrs {
        MemAttrs {
            mem: MemType::Normal { inner: c, outer: c },
            sh,
            tagged,
        }
        .normalised()
    }

    /// Decodes a MAIR Attr<n> byte with the descriptor's SH field (ARCH.md §3.9):
    /// `0000_dd00` Device (`0000_dd01` the FEAT_XS variant, other low bits reserved →
    /// nGnRnE), `0xF0` Tagged Normal WB RWA, `0x40`/`0xA0` NC/WT with XS = 0, other
    /// `xxxx_0000` reserved → NC, else outer = high nibble, inner = low nibble.
    pub const fn from_mair(attr: u8, sh: u8) -> MemAttrs {
        let hi = attr >> 4;
        let lo = attr & 0xf;
        if hi == 0 {
            let dev = if lo & 3 <= 1 {
                DeviceType::from_bits(lo >> 2)
            } else {
                DeviceType::NGnRnE
            };
            return MemAttrs {
                mem: MemType::Device(dev),
                sh: Shareability::Outer,
                tagged: false,
            };
        }
        if lo == 0 {
            return match attr {
                0xf0 => MemAttrs::normal(Cacheability::WB_RWA, Shareability::from_sh(sh), true),
                0xa0 => MemAttrs::normal(
                    Cacheability::WriteThrough(Hints::RWA),
                    Shareability::from_sh(sh),
                    false,
                ),
                _ => MemAttrs::normal(Cacheability::NonCacheable, Shareability::Outer, false),
            };
        }
        MemAttrs {
            mem: MemType::Normal {
                inner: Cacheability::from_mair_nibble(lo),
                outer: Cacheability::from_mair_nibble(hi),
            },
            sh: Shareability::from_sh(sh),
            tagged: false,
        }
        .normalised()
    }

    /// Device, or Normal Non-cacheable inside and outside: always Outer Shareable
    /// (ARCH.md §3.11).
    const fn normalised(mut self) -> MemAttrs {
        let force_osh = match self.mem {
            MemType::Device(_) => true,
            MemType::Normal { inner, outer } => {
                matches!(inner, Cacheability::NonCacheable)
                    && matches!(outer, Cacheability::NonCacheable)
            }
        };
        if force_osh {
            self.sh = Shareability::Outer;
        }
        self
    }

    /// Whether this is Normal write-back inside and outside (the only type that can stay
    /// Tagged, ARCH.md §3.11).
    pub const fn is_wb_wb(&self) -> bool {
        matches!(
            self.mem,
            MemType::Normal {
                inner: Cacheability::WriteBack(_),
                outer: Cacheability::WriteBack(_)
            }
        )
    }

    /// Whether this is Device memory.
    pub const fn is_device(&self) -> bool {
        matches!(self.mem, MemType::Device(_))
    }

    /// Makes Normal memory Non-cacheable and untagged (SCTLR_ELx.C = 0 for data, I = 0 for
    /// fetches, HCR_EL2.CD/ID at stage 2; ARCH.md §3.9, §3.11). Device is unchanged.
    pub const fn non_cacheable(self) -> MemAttrs {
        match self.mem {
            MemType::Device(_) => self,
            MemType::Normal { .. } => {
                MemAttrs::normal(Cacheability::NonCacheable, Shareability::Outer, false)
            }
        }
    }

    /// The MAIR-format byte PAR_EL1.ATTR reports (ARCH.md §3.14): 0xF0 for Tagged,
    /// `0000_dd00` for Device, else outer/inner nibbles.
    pub const fn mair_byte(&self) -> u8 {
        match self.mem {
            MemType::Device(d) => d.bits() << 2,
            MemType::Normal { .. } if self.tagged => 0xf0,
            MemType::Normal { inner, outer } => (outer.mair_nibble() << 4) | inner.mair_nibble(),
        }
    }
}

/// Stage-2 MemAttr[3:0] with HCR_EL2.FWB = 0 (ARCH.md §3.11): `00dd` Device, else
/// outer = [3:2], inner = [1:0] (01 NC, 10 WT, 11 WB).
const fn s2_attrs_no_fwb(memattr: u8) -> MemType {
    if memattr >> 2 & 3 == 0 {
        MemType::Device(DeviceType::from_bits(memattr))
    } else {
        MemType::Normal {
            inner: Cacheability::from_s2_bits(memattr),
            outer: Cacheability::from_s2_bits(memattr >> 2),
        }
    }
}

/// Whether stage-2 MemAttr selects Device memory (used for HCR_EL2.PTW, ARCH.md §3.11).
pub const fn s2_is_device(memattr: u8, fwb: bool) -> bool {
    if fwb {
        memattr & 4 == 0
    } else {
        memattr >> 2 & 3 == 0
    }
}

/// Combines stage-1 attributes with a stage-2 MemAttr and SH field (ARCH.md §3.11,
/// Arm ARM S2CombineS1MemAttrs / S2ApplyFWBMemAttrs).
pub const fn combine_s2(s1: MemAttrs, memattr: u8, s2_sh: u8, fwb: bool) -> MemAttrs {
    let combined = if fwb {
        combine_fwb(s1, memattr)
    } else {
        combine_no_fwb(s1, memattr, s2_sh)
    };
    // Tagged only if stage 1 was Tagged and the combination stayed Normal WB/WB RWA
    // non-transient (ARCH.md §3.11); allocation hints come from stage 1, which is WB RWA
    // non-transient whenever it is Tagged.
    let tagged = s1.tagged && combined.is_wb_wb();
    MemAttrs {
        tagged,
        ..combined.normalised()
    }
}

const fn more_restrictive(a: DeviceType, b: DeviceType) -> DeviceType {
    if (a as u8) < (b as u8) {
        a
    } else {
        b
    }
}

/// FWB = 0: Device beats Normal, the more restrictive Device type wins, per-level
/// cacheability "NC beats WT beats WB", hints from stage 1, shareability OSH > ISH > NSH.
const fn combine_no_fwb(s1: MemAttrs, memattr: u8, s2_sh: u8) -> MemAttrs {
    let s2 = s2_attrs_no_fwb(memattr);
    let s2_share = Shareability::from_sh(s2_sh);
    let sh = if (s2_share as u8) > (s1.sh as u8) {
        s2_share
    } else {
        s1.sh
    };
    let mem = match (s1.mem, s2) {
        (MemType::Device(a), MemType::Device(b)) => MemType::Device(more_restrictive(a, b)),
        (MemType::Device(a), MemType::Normal { .. }) => MemType::Device(a),
        (MemType::Normal { .. }, MemType::Device(b)) => MemType::Device(b),
        (
            MemType::Normal {
                inner: i1,
                outer: o1,
            },
            MemType::Normal {
                inner: i2,
                outer: o2,
            },
        ) => MemType::Normal {
            inner: i1.combine(i2),
            outer: o1.combine(o2),
        },
    };
    MemAttrs {
        mem,
        sh,
        tagged: false,
    }
}

/// FWB = 1 (FEAT_S2FWB, ARCH.md §3.11): MemAttr[2] = 0 Device (combined with a Device S1
/// by restrictiveness); [1:0] = 11 stage 1 unchanged; 10 force Normal WB (hints from S1 if
/// it is cacheable, else RWA); 01 Normal NC unless S1 is Device; 00 reserved → NC.
/// Shareability comes from stage 1.
const fn combine_fwb(s1: MemAttrs, memattr: u8) -> MemAttrs {
    if memattr & 4 == 0 {
        let d2 = DeviceType::from_bits(memattr);
        let dev = match s1.mem {
            MemType::Device(d1) => more_restrictive(d1, d2),
            MemType::Normal { .. } => d2,
        };
        return MemAttrs {
            mem: MemType::Device(dev),
            sh: Shareability::Outer,
            tagged: false,
        };
    }
    match memattr & 3 {
        3 => s1,
        2 => {
            let (i, o) = match s1.mem {
                MemType::Normal { inner, outer } => (force_wb(inner), force_wb(outer)),
                MemType::Device(_) => (Cacheability::WB_RWA, Cacheability::WB_RWA),
            };
            MemAttrs {
                mem: MemType::Normal { inner: i, outer: o },
                sh: s1.sh,
                tagged: false,
            }
        }
        _ => match s1.mem {
            MemType::Device(_) => s1,
            MemType::Normal { .. } => MemAttrs {
                mem: MemType::Normal {
                    inner: Cacheability::NonCacheable,
                    outer: Cacheability::NonCacheable,
                },
                sh: Shareability::Outer,
                tagged: false,
            },
        },
    }
}

const fn force_wb(c: Cacheability) -> Cacheability {
    match c.hints() {
        Some(h) => Cacheability::WriteBack(h),
        None => Cacheability::WB_RWA,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WB: Cacheability = Cacheability::WB_RWA;

    #[test]
    fn linux_mair_layout_decodes_as_arch_3_9_says() {
        // ARCH.md §3.9: Linux MAIR_EL1 indices 0 0xFF, 1 0xF0, 2 0x44, 3 0x00, 4 0x04.
        let n = MemAttrs::from_mair(0xff, 3);
        assert_eq!(n, MemAttrs::normal(WB, Shareability::Inner, false));
        let t = MemAttrs::from_mair(0xf0, 3);
        assert!(t.tagged && t.is_wb_wb());
        assert_eq!(t.sh, Shareability::Inner);
        let nc = MemAttrs::from_mair(0x44, 3);
        assert_eq!(
            nc.mem,
            MemType::Normal {
                inner: Cacheability::NonCacheable,
                outer: Cacheability::NonCacheable
            }
        );
        assert_eq!(nc.sh, Shareability::Outer, "NC is always OSH");
        assert_eq!(MemAttrs::from_mair(0x00, 3), MemAttrs::DEVICE_NGNRNE);
        assert_eq!(
            MemAttrs::from_mair(0x04, 0).mem,
            MemType::Device(DeviceType::NGnRE)
        );
        assert_eq!(
            MemAttrs::from_mair(0x0c, 0).mem,
            MemType::Device(DeviceType::Gre)
        );
        // FEAT_XS variant 0b0000_dd01.
        assert_eq!(
            MemAttrs::from_mair(0x05, 0).mem,
            MemType::Device(DeviceType::NGnRE)
        );
    }

    #[test]
    fn mair_nibbles_round_trip() {
        // ARCH.md §3.9 nibble table: every nibble except the reserved 0000 round-trips.
        for n in 1u8..16 {
            assert_eq!(Cacheability::from_mair_nibble(n).mair_nibble(), n, "{n:#x}");
        }
        assert_eq!(
            Cacheability::from_mair_nibble(0xb),
            Cacheability::WriteThrough(Hints {
                ra: true,
                wa: true,
                transient: false
            })
        );
        // PAR.ATTR (ARCH.md §3.14): 0xF0 for Tagged, Device 0000_dd00, else nibbles.
        for a in [0xffu8, 0xf0, 0x44, 0x00, 0x04, 0x08, 0x0c, 0xbb, 0x4f] {
            assert_eq!(MemAttrs::from_mair(a, 3).mair_byte(), a, "{a:#x}");
        }
    }

    #[test]
    fn s2_combination_without_fwb() {
        // ARCH.md §3.11: 0b1111 keeps S1 WB (and Tagged); 0b0101 makes NC (untagged);
        // 0b0001 makes Device nGnRE; Device types: more restrictive wins.
        let tagged = MemAttrs::from_mair(0xf0, 3);
        let r = combine_s2(tagged, 0b1111, 3, false);
        assert!(r.tagged && r.is_wb_wb());
        let r = combine_s2(tagged, 0b0101, 3, false);
        assert!(!r.tagged);
        assert_eq!(r.sh, Shareability::Outer);
        let r = combine_s2(tagged, 0b0001, 3, false);
        assert_eq!(r.mem, MemType::Device(DeviceType::NGnRE));
        let r = combine_s2(MemAttrs::from_mair(0x0c, 0), 0b0001, 0, false);
        assert_eq!(r.mem, MemType::Device(DeviceType::NGnRE));
        let r = combine_s2(MemAttrs::DEVICE_NGNRNE, 0b1111, 3, false);
        assert_eq!(r.mem, MemType::Device(DeviceType::NGnRnE));
        // WT at stage 2 beats WB at stage 1, hints from stage 1.
        let s1 = MemAttrs::from_mair(0xee, 3); // WB RA-only... outer/inner 1110
        let r = combine_s2(s1, 0b1010, 3, false);
        assert_eq!(
            r.mem,
            MemType::Normal {
                inner: Cacheability::WriteThrough(Hints {
                    ra: true,
                    wa: false,
                    transient: false
                }),
                outer: Cacheability::WriteThrough(Hints {
                    ra: true,
                    wa: false,
                    transient: false
                }),
            }
        );
        assert!(!r.tagged);
        // Shareability: OSH beats ISH beats NSH.
        let r = combine_s2(MemAttrs::from_mair(0xff, 0), 0b1111, 2, false);
        assert_eq!(r.sh, Shareability::Outer);
        let r = combine_s2(MemAttrs::from_mair(0xff, 3), 0b1111, 0, false);
        assert_eq!(r.sh, Shareability::Inner);
    }

    #[test]
    fn s2_combination_with_fwb() {
        // ARCH.md §3.11: Linux MT_S2_FWB_NORMAL 0b0110 forces WB (keeps Tagged);
        // 0b0111 passes stage 1 through; 0b0101 NC unless S1 Device; 0b0001 Device nGnRE.
        let tagged = MemAttrs::from_mair(0xf0, 3);
        assert!(combine_s2(tagged, 0b0110, 0, true).tagged);
        assert_eq!(combine_s2(tagged, 0b0111, 0, true), tagged);
        let nc_s1 = MemAttrs::from_mair(0x44, 0);
        let r = combine_s2(nc_s1, 0b0110, 0, true);
        assert!(r.is_wb_wb(), "force WB even over S1 NC");
        assert_eq!(
            combine_s2(MemAttrs::DEVICE_NGNRNE, 0b0110, 0, true).mem,
            MemType::Normal {
                inner: WB,
                outer: WB
            }
        );
        let r = combine_s2(tagged, 0b0101, 3, true);
        assert!(!r.tagged && !r.is_wb_wb() && !r.is_device());
        let dev = MemAttrs::from_mair(0x04, 0);
        assert_eq!(combine_s2(dev, 0b0101, 0, true), dev);
        assert_eq!(
            combine_s2(tagged, 0b0001, 0, true).mem,
            MemType::Device(DeviceType::NGnRE)
        );
        assert_eq!(
            combine_s2(MemAttrs::DEVICE_NGNRNE, 0b0011, 0, true).mem,
            MemType::Device(DeviceType::NGnRnE)
        );
        assert!(s2_is_device(0b0001, true) && !s2_is_device(0b0110, true));
        assert!(s2_is_device(0b0011, false) && !s2_is_device(0b1111, false));
    }

    #[test]
    fn non_cacheable_drops_tags() {
        // ARCH.md §3.9: SCTLR.C = 0 makes Normal data NC and Untagged.
        let r = MemAttrs::from_mair(0xf0, 3).non_cacheable();
        assert!(!r.tagged && !r.is_wb_wb());
        assert_eq!(
            MemAttrs::DEVICE_NGNRNE.non_cacheable(),
            MemAttrs::DEVICE_NGNRNE
        );
    }
}
