//! Extra conditions a word must meet to match a row: reserved operand values that the
//! fixed bits alone cannot express. Each names the Arm ARM rule it encodes.

use crate::operand::decode_bit_masks;

/// Logical (immediate): `sf == 0 && N == 1` is reserved, and DecodeBitMasks must succeed.
pub(crate) fn logical_imm_valid(w: u32) -> bool {
    let sf = w >> 31 != 0;
    let n = (w >> 22) & 1 != 0;
    if !sf && n {
        return false;
    }
    let immr = ((w >> 16) & 0x3f) as u8;
    let imms = ((w >> 10) & 0x3f) as u8;
    decode_bit_masks(n, imms, immr, true, if sf { 64 } else { 32 }).is_some()
}

/// Move wide: a 32-bit form with `hw` = 1x is unallocated.
pub(crate) fn move_wide_valid(w: u32) -> bool {
    let sf = w >> 31 != 0;
    let hw = (w >> 21) & 3;
    sf || hw < 2
}

/// Bitfield: `opc` = 11 unallocated, `N` must equal `sf`, and a 32-bit form needs
/// `immr[5]` = `imms[5]` = 0.
pub(crate) fn bitfield_valid(w: u32) -> bool {
    let sf = w >> 31;
    let opc = (w >> 29) & 3;
    let n = (w >> 22) & 1;
    let immr = (w >> 16) & 0x3f;
    let imms = (w >> 10) & 0x3f;
    opc != 3 && n == sf && (sf == 1 || (immr < 32 && imms < 32))
}

/// Extract: `N` must equal `sf`; a 32-bit form needs `imms[5]` = 0.
pub(crate) fn extract_valid(w: u32) -> bool {
    let sf = w >> 31;
    let n = (w >> 22) & 1;
    let imms = (w >> 10) & 0x3f;
    n == sf && (sf == 1 || imms < 32)
}

// --- dp_reg ---

/// Add/subtract (extended register): an extend shift `imm3` above 4 is unallocated
/// (Arm ARM C6.2 ADD (extended register): "if shift > 4 then UNDEFINED").
pub(crate) fn add_sub_ext_valid(w: u32) -> bool {
    let imm3 = (w >> 10) & 7;
    imm3 <= 4
}
