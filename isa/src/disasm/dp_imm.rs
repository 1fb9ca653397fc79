//! Disassembly of "Data processing -- immediate" (Arm ARM C4.1.86), with the preferred
//! aliases MOV, CMP, CMN, TST, the bitfield aliases and ROR.

use super::{Disasm, Hex, Outcome, Target};
use crate::operand::decode_bit_masks;
use crate::*;

/// MoveWidePreferred() (Arm ARM J1): whether ORR-immediate's MOV alias would be a MOVZ/MOVN.
fn move_wide_preferred(sf: bool, n: bool, imms: u8, immr: u8) -> bool {
    let width = if sf { 64 } else { 32 };
    let imms = imms as u32;
    let immr = immr as u32;
    if sf && !n {
        return false;
    }
    if !sf && (n || imms & 0x20 != 0) {
        return false;
    }
    if imms < 16 {
        return (immr.wrapping_neg() % 16) <= (15 - imms);
    }
    if imms >= width - 15 {
        return (immr % 16) <= (imms - (width - 15));
    }
    false
}

impl DpImmVisitor for Disasm {
    fn udf(&mut self, i: Udf) -> Outcome {
        // objdump prints the UDF immediate in decimal.
        self.emit(format_args!("udf #{}", i.imm16))
    }

    fn pc_rel_addr(&mut self, i: PcRelAddr) -> Outcome {
        let imm = ((i.immhi as i64) << 2) | i.immlo as i64;
        if i.op {
            let base = self.pc & !0xfff;
            let t = base.wrapping_add((imm << 12) as u64);
            self.emit(format_args!("adrp {}, {}", i.rd.name(true), Target(t)))
        } else {
            let t = self.pc.wrapping_add(imm as u64);
            self.emit(format_args!("adr {}, {}", i.rd.name(true), Target(t)))
        }
    }

    fn add_sub_imm(&mut self, i: AddSubImm) -> Outcome {
        if !i.op && !i.sh && i.imm12 == 0 && (i.rd.is_sp() || i.rn.is_sp()) {
            return self.emit(format_args!("mov {}, {}", i.rd.name(i.sf), i.rn.name(i.sf)));
        }
        let m = if i.op { "sub" } else { "add" };
        let sh = if i.sh { ", lsl #12" } else { "" };
        self.emit(format_args!(
            "{m} {}, {}, {}{sh}",
            i.rd.name(i.sf),
            i.rn.name(i.sf),
            Hex(i.imm12 as u64)
        ))
    }

    fn add_sub_imm_s(&mut self, i: AddSubImmS) -> Outcome {
        let sh = if i.sh { ", lsl #12" } else { "" };
        if i.rd.is_zr() {
            let m = if i.op { "cmp" } else { "cmn" };
            return self.emit(format_args!(
                "{m} {}, {}{sh}",
                i.rn.name(i.sf),
                Hex(i.imm12 as u64)
            ));
        }
        let m = if i.op { "subs" } else { "adds" };
        self.emit(format_args!(
            "{m} {}, {}, {}{sh}",
            i.rd.name(i.sf),
            i.rn.name(i.sf),
            Hex(i.imm12 as u64)
        ))
    }

    fn add_sub_tag(&mut self, i: AddSubTag) -> Outcome {
        let m = if i.op { "subg" } else { "addg" };
        self.emit(format_args!(
            "{m} {}, {}, {}, {}",
            i.rd.name(true),
            i.rn.name(true),
            Hex(i.uimm6 as u64 * 16),
            Hex(i.uimm4 as u64)
        ))
    }

    fn logical_imm_s(&mut self, i: LogicalImmS) -> Outcome {
        let size = if i.sf { 64 } else { 32 };
        let Some((imm, _)) = decode_bit_masks(i.n, i.imms, i.immr, true, size) else {
            return Outcome::Unallocated;
        };
        if i.rd.is_zr() {
            return self.emit(format_args!("tst {}, {}", i.rn.name(i.sf), Hex(imm)));
        }
        self.emit(format_args!(
            "ands {}, {}, {}",
            i.rd.name(i.sf),
            i.rn.name(i.sf),
            Hex(imm)
        ))
    }

    fn logical_imm(&mut self, i: LogicalImm) -> Outcome {
        let size = if i.sf { 64 } else { 32 };
        let Some((imm, _)) = decode_bit_masks(i.n, i.imms, i.immr, true, size) else {
            return Outcome::Unallocated;
        };
        if i.opc == 1 && i.rn.is_zr() && !move_wide_preferred(i.sf, i.n, i.imms, i.immr) {
            return self.emit(format_args!("mov {}, {}", i.rd.name(i.sf), Hex(imm)));
        }
        let m = ["and", "orr", "eor", "ands"][i.opc as usize];
        self.emit(format_args!(
            "{m} {}, {}, {}",
            i.rd.name(i.sf),
            i.rn.name(i.sf),
            Hex(imm)
        ))
    }

    fn move_wide(&mut self, i: MoveWide) -> Outcome {
        let shift = i.hw as u32 * 16;
        let rd = i.rd.name(i.sf);
        // MOV alias unless the immediate is zero with a non-zero shift (and, for a 32-bit
        // MOVN, unless imm16 is all ones).
        let alias = !((i.imm16 == 0 && i.hw != 0) || (i.opc == 0 && !i.sf && i.imm16 == 0xffff));
        match i.opc {
            0 | 2 if alias => {
                let v = (i.imm16 as u64) << shift;
                let v = if i.opc == 0 { !v } else { v };
                let v = if i.sf { v } else { v & 0xffff_ffff };
                self.emit(format_args!("mov {rd}, {}", Hex(v)))
            }
            0 => self.emit(format_args!(
                "movn {rd}, {}{}",
                Hex(i.imm16 as u64),
                lsl(shift)
            )),
            2 => self.emit(format_args!(
                "movz {rd}, {}{}",
                Hex(i.imm16 as u64),
                lsl(shift)
            )),
            3 => self.emit(format_args!(
                "movk {rd}, {}{}",
                Hex(i.imm16 as u64),
                lsl(shift)
            )),
            _ => Outcome::Unallocated,
        }
    }

    fn bitfield(&mut self, i: Bitfield) -> Outcome {
        let size: u32 = if i.sf { 64 } else { 32 };
        let (immr, imms) = (i.immr as u32, i.imms as u32);
        let (rd, rn) = (i.rd.name(i.sf), i.rn.name(i.sf));
        let last = size - 1;
        match i.opc {
            0 => {
                if imms == last {
                    return self.emit(format_args!("asr {rd}, {rn}, #{immr}"));
                }
                if imms < immr {
                    let lsb = (size - immr) & last;
                    return self.emit(format_args!("sbfiz {rd}, {rn}, #{lsb}, #{}", imms + 1));
                }
                if immr == 0 && matches!(imms, 7 | 15 | 31) {
                    let m = match imms {
                        7 => "sxtb",
                        15 => "sxth",
                        _ => "sxtw",
                    };
                    return self.emit(format_args!("{m} {rd}, {}", i.rn.name(false)));
                }
                self.emit(format_args!(
                    "sbfx {rd}, {rn}, #{immr}, #{}",
                    imms - immr + 1
                ))
            }
            1 => {
                if imms < immr {
                    let lsb = (size - immr) & last;
                    if i.rn.is_zr() {
                        return self.emit(format_args!("bfc {rd}, #{lsb}, #{}", imms + 1));
                    }
                    return self.emit(format_args!("bfi {rd}, {rn}, #{lsb}, #{}", imms + 1));
                }
                self.emit(format_args!(
                    "bfxil {rd}, {rn}, #{immr}, #{}",
                    imms - immr + 1
                ))
            }
            2 => {
                if imms != last && imms + 1 == immr {
                    return self.emit(format_args!("lsl {rd}, {rn}, #{}", last - imms));
                }
                if imms == last {
                    return self.emit(format_args!("lsr {rd}, {rn}, #{immr}"));
                }
                if imms < immr {
                    let lsb = (size - immr) & last;
                    return self.emit(format_args!("ubfiz {rd}, {rn}, #{lsb}, #{}", imms + 1));
                }
                if immr == 0 && !i.sf && matches!(imms, 7 | 15) {
                    let m = if imms == 7 { "uxtb" } else { "uxth" };
                    return self.emit(format_args!("{m} {rd}, {rn}"));
                }
                self.emit(format_args!(
                    "ubfx {rd}, {rn}, #{immr}, #{}",
                    imms - immr + 1
                ))
            }
            _ => Outcome::Unallocated,
        }
    }

    fn extract(&mut self, i: Extract) -> Outcome {
        let (rd, rn) = (i.rd.name(i.sf), i.rn.name(i.sf));
        if i.rn == i.rm {
            return self.emit(format_args!("ror {rd}, {rn}, #{}", i.imms));
        }
        self.emit(format_args!(
            "extr {rd}, {rn}, {}, #{}",
            i.rm.name(i.sf),
            i.imms
        ))
    }
}

/// `, lsl #N` when N is not zero.
fn lsl(shift: u32) -> String {
    if shift == 0 {
        String::new()
    } else {
        format!(", lsl #{shift}")
    }
}
