//! Disassembly of "Data processing -- register" (Arm ARM C4.1.89), with the preferred
//! aliases GNU objdump prints: MOV, MVN, TST, NEG(S), CMP, CMN, NGC(S), CSET(M), CINC, CINV,
//! CNEG, LSL/LSR/ASR/ROR (variable), MUL, MNEG, SMULL, SMNEGL, UMULL, UMNEGL and CMPP.

use super::{Disasm, Hex, Outcome};
use crate::*;
use std::fmt;

/// Shift-type names, indexed by the 2-bit `shift`/`op2` field.
const SHIFT_NAMES: [&str; 4] = ["lsl", "lsr", "asr", "ror"];

/// The `, <shift> #<amount>` suffix of a shifted-register operand; objdump omits only
/// `lsl #0`.
struct ShiftSuffix {
    shift: u8,
    amount: u8,
}

impl fmt::Display for ShiftSuffix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.shift == 0 && self.amount == 0 {
            return Ok(());
        }
        write!(
            f,
            ", {} #{}",
            SHIFT_NAMES[(self.shift & 3) as usize],
            self.amount
        )
    }
}

/// The `<Rm>{, <extend> {#<amount>}}` operand of the extended-register forms.
struct ExtendedRm {
    sf: bool,
    rm: XReg,
    option: u8,
    imm3: u8,
    /// Rd (when it is SP-based) or Rn is SP: the default extend is then written as LSL.
    uses_sp: bool,
}

impl fmt::Display for ExtendedRm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A 64-bit Rm only with UXTX/SXTX in a 64-bit operation.
        let rm = self.rm.name(self.sf && self.option & 3 == 3);
        let default_extend = if self.sf { 3 } else { 2 };
        if self.uses_sp && self.option == default_extend {
            // Arm ARM alias rule for ADD/SUB (extended register): LSL is preferred, and
            // omitted when the amount is zero.
            return if self.imm3 == 0 {
                write!(f, "{rm}")
            } else {
                write!(f, "{rm}, lsl #{}", self.imm3)
            };
        }
        const EXTENDS: [&str; 8] = [
            "uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx",
        ];
        write!(f, "{rm}, {}", EXTENDS[(self.option & 7) as usize])?;
        if self.imm3 != 0 {
            write!(f, " #{}", self.imm3)?;
        }
        Ok(())
    }
}

/// CSINC/CSINV/CSNEG with `Rn == Rm` and a condition other than AL/NV have a
/// one-register alias that prints the inverted condition.
fn cond_sel_alias_applies(rn: XReg, rm: XReg, cond: Cond) -> bool {
    rn == rm && cond.0 < 14
}

impl DpRegVisitor for Disasm {
    fn subp(&mut self, i: Subp) -> Outcome {
        let (rn, rm) = (i.rn.name(true), i.rm.name(true));
        if i.s && i.rd.is_zr() {
            return self.emit(format_args!("cmpp {rn}, {rm}"));
        }
        let m = if i.s { "subps" } else { "subp" };
        self.emit(format_args!("{m} {}, {rn}, {rm}", i.rd.name(true)))
    }

    fn div(&mut self, i: Div) -> Outcome {
        let m = if i.o1 { "sdiv" } else { "udiv" };
        self.emit(format_args!(
            "{m} {}, {}, {}",
            i.rd.name(i.sf),
            i.rn.name(i.sf),
            i.rm.name(i.sf)
        ))
    }

    fn irg(&mut self, i: Irg) -> Outcome {
        let (rd, rn) = (i.rd.name(true), i.rn.name(true));
        if i.rm.is_zr() {
            return self.emit(format_args!("irg {rd}, {rn}"));
        }
        self.emit(format_args!("irg {rd}, {rn}, {}", i.rm.name(true)))
    }

    fn gmi(&mut self, i: Gmi) -> Outcome {
        self.emit(format_args!(
            "gmi {}, {}, {}",
            i.rd.name(true),
            i.rn.name(true),
            i.rm.name(true)
        ))
    }

    fn shift_var(&mut self, i: ShiftVar) -> Outcome {
        // LSLV and friends are always printed as their LSL/LSR/ASR/ROR aliases.
        self.emit(format_args!(
            "{} {}, {}, {}",
            SHIFT_NAMES[(i.op2 & 3) as usize],
            i.rd.name(i.sf),
            i.rn.name(i.sf),
            i.rm.name(i.sf)
        ))
    }

    fn pacga(&mut self, i: Pacga) -> Outcome {
        self.emit(format_args!(
            "pacga {}, {}, {}",
            i.rd.name(true),
            i.rn.name(true),
            i.rm.name(true)
        ))
    }

    fn crc32(&mut self, i: Crc32) -> Outcome {
        let c = if i.c { "c" } else { "" };
        let size = ["b", "h", "w", "x"][(i.sz & 3) as usize];
        self.emit(format_args!(
            "crc32{c}{size} {}, {}, {}",
            i.rd.name(false),
            i.rn.name(false),
            i.rm.name(i.sz == 3)
        ))
    }

    fn rbit(&mut self, i: Rbit) -> Outcome {
        self.emit(format_args!(
            "rbit {}, {}",
            i.rd.name(i.sf),
            i.rn.name(i.sf)
        ))
    }

    fn rev(&mut self, i: Rev) -> Outcome {
        let m = match (i.opc, i.sf) {
            (1, _) => "rev16",
            (2, true) => "rev32",
            (2, false) | (3, true) => "rev",
            // opc = 00 decodes as RBIT and 32-bit opc = 11 is carved out in the table.
            _ => return Outcome::Unallocated,
        };
        self.emit(format_args!("{m} {}, {}", i.rd.name(i.sf), i.rn.name(i.sf)))
    }

    fn count_leading(&mut self, i: CountLeading) -> Outcome {
        let m = if i.op { "cls" } else { "clz" };
        self.emit(format_args!("{m} {}, {}", i.rd.name(i.sf), i.rn.name(i.sf)))
    }

    fn pac_aut(&mut self, i: PacAut) -> Outcome {
        let op = if i.aut { "aut" } else { "pac" };
        let kind = if i.d { "d" } else { "i" };
        let key = if i.b { "b" } else { "a" };
        self.emit(format_args!(
            "{op}{kind}{key} {}, {}",
            i.rd.name(true),
            i.rn.name(true)
        ))
    }

    fn pac_aut_zero(&mut self, i: PacAutZero) -> Outcome {
        let op = if i.aut { "aut" } else { "pac" };
        let kind = if i.d { "d" } else { "i" };
        let key = if i.b { "b" } else { "a" };
        self.emit(format_args!("{op}{kind}z{key} {}", i.rd.name(true)))
    }

    fn xpac(&mut self, i: Xpac) -> Outcome {
        let m = if i.d { "xpacd" } else { "xpaci" };
        self.emit(format_args!("{m} {}", i.rd.name(true)))
    }

    fn logical_shift(&mut self, i: LogicalShift) -> Outcome {
        let sf = i.sf;
        let (rd, rn, rm) = (i.rd.name(sf), i.rn.name(sf), i.rm.name(sf));
        let sh = ShiftSuffix {
            shift: i.shift,
            amount: i.imm6,
        };
        match (i.opc, i.n) {
            (1, false) if i.rn.is_zr() && i.shift == 0 && i.imm6 == 0 => {
                return self.emit(format_args!("mov {rd}, {rm}"));
            }
            (1, true) if i.rn.is_zr() => return self.emit(format_args!("mvn {rd}, {rm}{sh}")),
            (3, false) if i.rd.is_zr() => return self.emit(format_args!("tst {rn}, {rm}{sh}")),
            _ => {}
        }
        let m = match (i.opc, i.n) {
            (0, false) => "and",
            (0, true) => "bic",
            (1, false) => "orr",
            (1, true) => "orn",
            (2, false) => "eor",
            (2, true) => "eon",
            (_, false) => "ands",
            (_, true) => "bics",
        };
        self.emit(format_args!("{m} {rd}, {rn}, {rm}{sh}"))
    }

    fn add_sub_shift(&mut self, i: AddSubShift) -> Outcome {
        let sf = i.sf;
        let (rd, rn, rm) = (i.rd.name(sf), i.rn.name(sf), i.rm.name(sf));
        let sh = ShiftSuffix {
            shift: i.shift,
            amount: i.imm6,
        };
        // CMP/CMN (Rd = ZR) take precedence over NEGS (Rn = ZR).
        if i.s && i.rd.is_zr() {
            let m = if i.op { "cmp" } else { "cmn" };
            return self.emit(format_args!("{m} {rn}, {rm}{sh}"));
        }
        if i.op && i.rn.is_zr() {
            let m = if i.s { "negs" } else { "neg" };
            return self.emit(format_args!("{m} {rd}, {rm}{sh}"));
        }
        let m = match (i.op, i.s) {
            (false, false) => "add",
            (false, true) => "adds",
            (true, false) => "sub",
            (true, true) => "subs",
        };
        self.emit(format_args!("{m} {rd}, {rn}, {rm}{sh}"))
    }

    fn add_sub_ext(&mut self, i: AddSubExt) -> Outcome {
        let rm = ExtendedRm {
            sf: i.sf,
            rm: i.rm,
            option: i.option,
            imm3: i.imm3,
            uses_sp: i.rd.is_sp() || i.rn.is_sp(),
        };
        let m = if i.op { "sub" } else { "add" };
        self.emit(format_args!(
            "{m} {}, {}, {rm}",
            i.rd.name(i.sf),
            i.rn.name(i.sf)
        ))
    }

    fn add_sub_ext_s(&mut self, i: AddSubExtS) -> Outcome {
        let rm = ExtendedRm {
            sf: i.sf,
            rm: i.rm,
            option: i.option,
            imm3: i.imm3,
            uses_sp: i.rn.is_sp(),
        };
        let rn = i.rn.name(i.sf);
        if i.rd.is_zr() {
            let m = if i.op { "cmp" } else { "cmn" };
            return self.emit(format_args!("{m} {rn}, {rm}"));
        }
        let m = if i.op { "subs" } else { "adds" };
        self.emit(format_args!("{m} {}, {rn}, {rm}", i.rd.name(i.sf)))
    }

    fn add_sub_carry(&mut self, i: AddSubCarry) -> Outcome {
        let sf = i.sf;
        let (rd, rn, rm) = (i.rd.name(sf), i.rn.name(sf), i.rm.name(sf));
        if i.op && i.rn.is_zr() {
            let m = if i.s { "ngcs" } else { "ngc" };
            return self.emit(format_args!("{m} {rd}, {rm}"));
        }
        let m = match (i.op, i.s) {
            (false, false) => "adc",
            (false, true) => "adcs",
            (true, false) => "sbc",
            (true, true) => "sbcs",
        };
        self.emit(format_args!("{m} {rd}, {rn}, {rm}"))
    }

    fn rmif(&mut self, i: Rmif) -> Outcome {
        self.emit(format_args!(
            "rmif {}, #{}, #{}",
            i.rn.name(true),
            i.imm6,
            i.mask
        ))
    }

    fn setf(&mut self, i: Setf) -> Outcome {
        let m = if i.sz { "setf16" } else { "setf8" };
        self.emit(format_args!("{m} {}", i.rn.name(false)))
    }

    fn cond_cmp_reg(&mut self, i: CondCmpReg) -> Outcome {
        let m = if i.op { "ccmp" } else { "ccmn" };
        self.emit(format_args!(
            "{m} {}, {}, {}, {}",
            i.rn.name(i.sf),
            i.rm.name(i.sf),
            Hex(i.nzcv as u64),
            Cond(i.cond)
        ))
    }

    fn cond_cmp_imm(&mut self, i: CondCmpImm) -> Outcome {
        let m = if i.op { "ccmp" } else { "ccmn" };
        self.emit(format_args!(
            "{m} {}, {}, {}, {}",
            i.rn.name(i.sf),
            Hex(i.imm5 as u64),
            Hex(i.nzcv as u64),
            Cond(i.cond)
        ))
    }

    fn cond_sel(&mut self, i: CondSel) -> Outcome {
        let sf = i.sf;
        let (rd, rn, rm) = (i.rd.name(sf), i.rn.name(sf), i.rm.name(sf));
        let cond = Cond(i.cond);
        if (i.op || i.o2) && cond_sel_alias_applies(i.rn, i.rm, cond) {
            let inv = cond.invert();
            return match (i.op, i.o2) {
                (false, _) if i.rn.is_zr() => self.emit(format_args!("cset {rd}, {inv}")),
                (false, _) => self.emit(format_args!("cinc {rd}, {rn}, {inv}")),
                (true, false) if i.rn.is_zr() => self.emit(format_args!("csetm {rd}, {inv}")),
                (true, false) => self.emit(format_args!("cinv {rd}, {rn}, {inv}")),
                (true, true) => self.emit(format_args!("cneg {rd}, {rn}, {inv}")),
            };
        }
        let m = match (i.op, i.o2) {
            (false, false) => "csel",
            (false, true) => "csinc",
            (true, false) => "csinv",
            (true, true) => "csneg",
        };
        self.emit(format_args!("{m} {rd}, {rn}, {rm}, {cond}"))
    }

    fn mul_add(&mut self, i: MulAdd) -> Outcome {
        let sf = i.sf;
        let (rd, rn, rm) = (i.rd.name(sf), i.rn.name(sf), i.rm.name(sf));
        if i.ra.is_zr() {
            let m = if i.o0 { "mneg" } else { "mul" };
            return self.emit(format_args!("{m} {rd}, {rn}, {rm}"));
        }
        let m = if i.o0 { "msub" } else { "madd" };
        self.emit(format_args!("{m} {rd}, {rn}, {rm}, {}", i.ra.name(sf)))
    }

    fn mul_add_long(&mut self, i: MulAddLong) -> Outcome {
        let (rd, rn, rm) = (i.rd.name(true), i.rn.name(false), i.rm.name(false));
        let u = if i.u { "u" } else { "s" };
        if i.ra.is_zr() {
            let m = if i.o0 { "mnegl" } else { "mull" };
            return self.emit(format_args!("{u}{m} {rd}, {rn}, {rm}"));
        }
        let m = if i.o0 { "msubl" } else { "maddl" };
        self.emit(format_args!("{u}{m} {rd}, {rn}, {rm}, {}", i.ra.name(true)))
    }

    fn mul_high(&mut self, i: MulHigh) -> Outcome {
        let m = if i.u { "umulh" } else { "smulh" };
        self.emit(format_args!(
            "{m} {}, {}, {}",
            i.rd.name(true),
            i.rn.name(true),
            i.rm.name(true)
        ))
    }
}
