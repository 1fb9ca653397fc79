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

// --- ldst ---

/// Compare and swap pair (CASP): `Rs` and `Rt` name the first of a register pair and must be
/// even (Arm ARM C6.2 CASP: "if Rs<0> == '1' then UNDEFINED; if Rt<0> == '1' then UNDEFINED").
pub(crate) fn casp_pairs_even(w: u32) -> bool {
    let rs = (w >> 16) & 31;
    let rt = w & 31;
    rs & 1 == 0 && rt & 1 == 0
}

/// Load/store ordered: LDAR (L = 1, o0 = 1) needs the unused `Rs` and `Rt2` fields to be
/// ones. The Arm ARM makes other values CONSTRAINED UNPREDICTABLE; we follow GNU objdump
/// 2.40, which for LDAR checks `Rt2` and `Rs<3:0>` (all of `Rs` only for LDARH) and ignores
/// both fields for STLR, STLLR and LDLAR.
pub(crate) fn ldst_ordered_valid(w: u32) -> bool {
    let ldar = (w >> 22) & 1 == 1 && (w >> 15) & 1 == 1;
    let rs = (w >> 16) & 31;
    let rt2 = (w >> 10) & 31;
    let ldarh = (w >> 30) == 1;
    let rs_ok = if ldarh { rs == 31 } else { rs & 0xf == 0xf };
    !ldar || (rs_ok && rt2 == 31)
}

/// Load/store register pair: for LDPSW, `Rt` = `Rt2`, and writeback with `Rn` = `Rt` or
/// `Rt2` (`Rn` not SP), are CONSTRAINED UNPREDICTABLE (Arm ARM C6.2 LDPSW); GNU objdump
/// treats them as unallocated (UNDEF is one of the permitted behaviours), so we do too.
/// LDP/STP accept them.
pub(crate) fn ldst_pair_valid(w: u32) -> bool {
    let ldpsw = (w >> 30) == 1 && (w >> 22) & 1 == 1;
    if !ldpsw {
        return true;
    }
    let t = w & 31;
    let n = (w >> 5) & 31;
    let t2 = (w >> 10) & 31;
    let wback = (w >> 23) & 1 == 1;
    t != t2 && !(wback && n != 31 && (t == n || t2 == n))
}

/// Load/store register (register offset): `option<1>` = 0 (extend UXTB/UXTH/SXTB/SXTH) is
/// unallocated (Arm ARM C6.2 LDR (register): "if option<1> == '0' then UNDEFINED").
pub(crate) fn ldst_regoff_valid(w: u32) -> bool {
    (w >> 14) & 1 == 1
}

// --- branch_sys ---

/// MSR (immediate): op1:op2 (and CRm for ALLINT) must select a PSTATE field a64sim decodes
/// (Arm ARM C6.2 MSR (immediate), decode of `field`; see `sysop::PStateField::decode`).
pub(crate) fn msr_imm_valid(w: u32) -> bool {
    let op1 = ((w >> 16) & 7) as u8;
    let crm = ((w >> 8) & 15) as u8;
    let op2 = ((w >> 5) & 7) as u8;
    crate::sysop::PStateField::decode(op1, op2, crm).is_some()
}
