//! Translation table descriptors, 64-bit VMSAv8-64 format with DS = 0 (ARCH.md §3.7 for
//! stage 1, §3.11 for stage 2; Arm ARM D8.3).
//!
//! [`Descriptor`] is a typed view of the raw `u64` read from memory. [`Descriptor::kind`]
//! classifies it at a level (invalid / table / block / page); accessors name every field the
//! walk and the permission and attribute logic use. Stage-1 and stage-2 leaves share the
//! layout of bits 1:0, the output address and AF/DBM/Contiguous; the attribute fields
//! differ and have separate accessors (`s2_*`).

use crate::granule::{low_mask, Granule};

/// Bits 47:0 — the OA field upper bound for the 48-bit OA architecture.
const OA_TOP: u32 = 48;

/// What a descriptor is at a given level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DescKind {
    /// Bit 0 clear, or a block where none is allowed, or `01` at level 3: Translation fault.
    Invalid,
    /// `11` at levels 0–2: points to the next-level table.
    Table,
    /// `01` at a level where the granule allows blocks.
    Block,
    /// `11` at level 3.
    Page,
}

/// A raw translation table descriptor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Descriptor(pub u64);

impl Descriptor {
    /// Access flag (bit 10).
    pub const AF: u64 = 1 << 10;
    /// AP[2] (bit 7): read-only at stage 1; the same bit is S2AP[1] (write) at stage 2.
    pub const AP2: u64 = 1 << 7;
    /// Dirty bit modifier (bit 51).
    pub const DBM: u64 = 1 << 51;

    /// Classifies the descriptor at `level` (ARCH.md §3.7: bits[1:0] `x0` invalid, `01`
    /// block where allowed, `11` table at 0–2 and page at 3).
    pub const fn kind(self, level: u8, granule: Granule) -> DescKind {
        match self.0 & 3 {
            3 if level >= 3 => DescKind::Page,
            3 => DescKind::Table,
            1 if level < 3 && granule.block_allowed(level) => DescKind::Block,
            _ => DescKind::Invalid,
        }
    }

    /// Next-level table address: bits 47:g of a table descriptor (ARCH.md §3.7).
    pub const fn table_address(self, granule: Granule) -> u64 {
        self.0 & low_mask(OA_TOP) & !low_mask(granule.bits() as u32)
    }

    /// Output address of a block or page whose size is `2^shift`: bits 47:shift.
    pub const fn output_address(self, shift: u8) -> u64 {
        self.0 & low_mask(OA_TOP) & !low_mask(shift as u32)
    }

    /// AttrIndx[2:0] (bits 4:2), stage 1.
    pub const fn attr_index(self) -> u8 {
        (self.0 >> 2) as u8 & 7
    }
    /// AP[1] (bit 6), stage 1: EL0 access in two-range regimes.
    pub const fn ap1(self) -> bool {
        self.0 & (1 << 6) != 0
    }
    /// AP[2] (bit 7), stage 1: read-only.
    pub const fn ap2(self) -> bool {
        self.0 & Self::AP2 != 0
    }
    /// SH[1:0] (bits 9:8).
    pub const fn sh(self) -> u8 {
        (self.0 >> 8) as u8 & 3
    }
    /// AF (bit 10).
    pub const fn af(self) -> bool {
        self.0 & Self::AF != 0
    }
    /// nG (bit 11), stage 1: not global.
    pub const fn ng(self) -> bool {
        self.0 & (1 << 11) != 0
    }
    /// GP (bit 50), stage 1: BTI guarded page.
    pub const fn gp(self) -> bool {
        self.0 & (1 << 50) != 0
    }
    /// DBM (bit 51).
    pub const fn dbm(self) -> bool {
        self.0 & Self::DBM != 0
    }
    /// Contiguous hint (bit 52). Accepted and otherwise ignored (ARCH.md §3.7).
    pub const fn contiguous(self) -> bool {
        self.0 & (1 << 52) != 0
    }
    /// PXN (bit 53), stage 1 two-range regimes.
    pub const fn pxn(self) -> bool {
        self.0 & (1 << 53) != 0
    }
    /// UXN (two-range) or XN (single-range) (bit 54), stage 1.
    pub const fn uxn(self) -> bool {
        self.0 & (1 << 54) != 0
    }

    /// PXNTable (bit 59) of a table descriptor.
    pub const fn pxn_table(self) -> bool {
        self.0 & (1 << 59) != 0
    }
    /// UXNTable / XNTable (bit 60) of a table descriptor.
    pub const fn xn_table(self) -> bool {
        self.0 & (1 << 60) != 0
    }
    /// APTable[1:0] (bits 62:61) of a table descriptor.
    pub const fn ap_table(self) -> u8 {
        (self.0 >> 61) as u8 & 3
    }

    /// Stage 2 MemAttr[3:0] (bits 5:2).
    pub const fn s2_memattr(self) -> u8 {
        (self.0 >> 2) as u8 & 0xf
    }
    /// Stage 2 S2AP[0] (bit 6): reads allowed.
    pub const fn s2_read(self) -> bool {
        self.0 & (1 << 6) != 0
    }
    /// Stage 2 S2AP[1] (bit 7): writes allowed.
    pub const fn s2_write(self) -> bool {
        self.0 & (1 << 7) != 0
    }
    /// Stage 2 XN[1:0] (bits 54:53; bit 53 is XNX, FEAT_XNX).
    pub const fn s2_xn(self) -> u8 {
        (self.0 >> 53) as u8 & 3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_per_level_follow_arch_3_7() {
        // ARCH.md §3.7: 01 at level 3 is reserved (invalid); 11 at level 3 is a page.
        let g = Granule::K4;
        assert_eq!(Descriptor(0b11).kind(3, g), DescKind::Page);
        assert_eq!(Descriptor(0b01).kind(3, g), DescKind::Invalid);
        assert_eq!(Descriptor(0b11).kind(0, g), DescKind::Table);
        assert_eq!(Descriptor(0b01).kind(0, g), DescKind::Invalid);
        assert_eq!(Descriptor(0b01).kind(1, g), DescKind::Block);
        assert_eq!(Descriptor(0b10).kind(2, g), DescKind::Invalid);
        assert_eq!(Descriptor(0b01).kind(1, Granule::K64), DescKind::Invalid);
        assert_eq!(Descriptor(0b01).kind(2, Granule::K16), DescKind::Block);
    }

    #[test]
    fn address_fields_stop_at_bit_47() {
        // ARCH.md §3.7: OA is bits 47:n; bits above are attributes.
        let d = Descriptor(0xffff_ffff_ffff_ffff);
        assert_eq!(d.table_address(Granule::K4), 0x0000_ffff_ffff_f000);
        assert_eq!(d.table_address(Granule::K64), 0x0000_ffff_ffff_0000);
        assert_eq!(d.output_address(21), 0x0000_ffff_ffe0_0000);
    }

    #[test]
    fn attribute_fields() {
        // ARCH.md §3.7 bit positions.
        let d = Descriptor((5 << 2) | (1 << 6) | (3 << 8) | (1 << 11) | (1 << 53) | (3 << 61));
        assert_eq!(d.attr_index(), 5);
        assert!(d.ap1() && !d.ap2() && d.ng() && d.pxn() && !d.uxn());
        assert_eq!(d.sh(), 3);
        assert_eq!(d.ap_table(), 3);
        // ARCH.md §3.11: MemAttr 5:2, S2AP 7:6, XN 54:53.
        let s2 = Descriptor((0xf << 2) | (1 << 6) | (2 << 53));
        assert_eq!(s2.s2_memattr(), 0xf);
        assert!(s2.s2_read() && !s2.s2_write());
        assert_eq!(s2.s2_xn(), 2);
    }
}
