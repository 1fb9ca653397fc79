//! Disassembly of "Loads and stores" (Arm ARM C4.1.88), general-purpose registers only.
//!
//! objdump prints load/store offsets in decimal (`[x1, #-8]`), omits a zero offset in the
//! plain offset forms but not in the pre/post-index forms (`[x1, #0]!`, `[x1], #0`; LDRAA
//! and LDRAB are the exception, `[x1]!`), writes the ST<op> aliases of the LSE atomics when
//! Rt = ZR and there is no acquire, and names the prefetch operations (`pldl1keep`) or prints
//! them as `#0x..`.

use super::{Disasm, Outcome, Target};
use crate::*;
use std::fmt;

/// Addressing of a base register and a signed byte offset.
#[derive(Clone, Copy)]
enum Addr {
    /// `[Xn]` or `[Xn, #off]`: no writeback, zero offset omitted.
    Offset(XRegSp, i64),
    /// `[Xn, #off]!`
    Pre(XRegSp, i64),
    /// `[Xn], #off`
    Post(XRegSp, i64),
}

impl fmt::Display for Addr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Addr::Offset(rn, 0) => write!(f, "[{}]", rn.name(true)),
            Addr::Offset(rn, off) => write!(f, "[{}, #{off}]", rn.name(true)),
            Addr::Pre(rn, off) => write!(f, "[{}, #{off}]!", rn.name(true)),
            Addr::Post(rn, off) => write!(f, "[{}], #{off}", rn.name(true)),
        }
    }
}

/// `[Xn]`: the base-register-only addressing of exclusives, atomics and tag block forms.
fn base(rn: XRegSp) -> Addr {
    Addr::Offset(rn, 0)
}

/// A prefetch operation (the Rt field of PRFM/PRFUM): `<type><target><policy>` when all
/// three are named, else `#0x..` as objdump prints it (C6.2 PRFM (immediate)).
struct PrfOp(u8);

impl fmt::Display for PrfOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ty = self.0 >> 3;
        let target = (self.0 >> 1) & 3;
        let policy = if self.0 & 1 == 0 { "keep" } else { "strm" };
        if ty < 3 && target < 3 {
            let ty = ["pld", "pli", "pst"][ty as usize];
            write!(f, "{ty}l{}{policy}", target + 1)
        } else {
            write!(f, "#0x{:02x}", self.0)
        }
    }
}

/// The access of a single-register load/store with fields `size` and `opc` (C4.1.88, the
/// size/opc tables of the register classes), `None` if reserved.
#[derive(Clone, Copy)]
struct Access {
    /// `st` or `ld`.
    dir: &'static str,
    /// `s` for a sign-extending load.
    sign: &'static str,
    /// Size suffix: `b`, `h`, `w` (LDRSW only) or empty.
    suffix: &'static str,
    /// Whether Rt is an X register.
    x: bool,
}

fn access(size: u8, opc: u8) -> Option<Access> {
    let suffix = match size {
        0 => "b",
        1 => "h",
        2 if opc == 2 => "w",
        _ => "",
    };
    let (dir, sign, x) = match (size, opc) {
        (_, 0) => ("st", "", size == 3),
        (_, 1) => ("ld", "", size == 3),
        (0..=2, 2) => ("ld", "s", true),
        (0 | 1, 3) => ("ld", "s", false),
        _ => return None,
    };
    Some(Access {
        dir,
        sign,
        suffix,
        x,
    })
}

/// Size suffix of the exclusive, ordered, CAS and atomic mnemonics: `b`, `h` or none.
fn bh(size: u8) -> &'static str {
    match size {
        0 => "b",
        1 => "h",
        _ => "",
    }
}

/// Acquire/release suffix of the LSE and exclusive mnemonics: none, `a`, `l` or `al`.
fn acq_rel(acquire: bool, release: bool) -> &'static str {
    match (acquire, release) {
        (false, false) => "",
        (true, false) => "a",
        (false, true) => "l",
        (true, true) => "al",
    }
}

impl LdstVisitor for Disasm {
    fn stzgm(&mut self, i: Stzgm) -> Outcome {
        self.emit(format_args!("stzgm {}, {}", i.rt.name(true), base(i.rn)))
    }

    fn ldg(&mut self, i: Ldg) -> Outcome {
        let a = Addr::Offset(i.rn, i.imm9 as i64 * 16);
        self.emit(format_args!("ldg {}, {a}", i.rt.name(true)))
    }

    fn stgm(&mut self, i: Stgm) -> Outcome {
        self.emit(format_args!("stgm {}, {}", i.rt.name(true), base(i.rn)))
    }

    fn ldgm(&mut self, i: Ldgm) -> Outcome {
        self.emit(format_args!("ldgm {}, {}", i.rt.name(true), base(i.rn)))
    }

    fn store_tag(&mut self, i: StoreTag) -> Outcome {
        let m = ["stg", "stzg", "st2g", "stz2g"][i.opc as usize];
        let off = i.imm9 as i64 * 16;
        let a = match i.idx {
            1 => Addr::Post(i.rn, off),
            2 => Addr::Offset(i.rn, off),
            3 => Addr::Pre(i.rn, off),
            _ => return Outcome::Unallocated,
        };
        self.emit(format_args!("{m} {}, {a}", i.rt.name(true)))
    }

    fn ld_st_excl(&mut self, i: LdStExcl) -> Outcome {
        let x = i.size == 3;
        let sz = bh(i.size);
        if i.l {
            let m = if i.o0 { "ldaxr" } else { "ldxr" };
            self.emit(format_args!("{m}{sz} {}, {}", i.rt.name(x), base(i.rn)))
        } else {
            let m = if i.o0 { "stlxr" } else { "stxr" };
            self.emit(format_args!(
                "{m}{sz} {}, {}, {}",
                i.rs.name(false),
                i.rt.name(x),
                base(i.rn)
            ))
        }
    }

    fn casp(&mut self, i: Casp) -> Outcome {
        let (s, t) = (i.rs.num(), i.rt.num());
        let r = |n: u8| XReg::new(n).name(i.sz);
        self.emit(format_args!(
            "casp{} {}, {}, {}, {}, {}",
            acq_rel(i.l, i.o0),
            r(s),
            r(s + 1),
            r(t),
            r(t + 1),
            base(i.rn)
        ))
    }

    fn ld_st_excl_pair(&mut self, i: LdStExclPair) -> Outcome {
        let (rt, rt2) = (i.rt.name(i.sz), i.rt2.name(i.sz));
        if i.l {
            let m = if i.o0 { "ldaxp" } else { "ldxp" };
            self.emit(format_args!("{m} {rt}, {rt2}, {}", base(i.rn)))
        } else {
            let m = if i.o0 { "stlxp" } else { "stxp" };
            self.emit(format_args!(
                "{m} {}, {rt}, {rt2}, {}",
                i.rs.name(false),
                base(i.rn)
            ))
        }
    }

    fn ld_st_ordered(&mut self, i: LdStOrdered) -> Outcome {
        let m = match (i.l, i.o0) {
            (false, false) => "stllr",
            (false, true) => "stlr",
            (true, false) => "ldlar",
            (true, true) => "ldar",
        };
        self.emit(format_args!(
            "{m}{} {}, {}",
            bh(i.size),
            i.rt.name(i.size == 3),
            base(i.rn)
        ))
    }

    fn cas(&mut self, i: Cas) -> Outcome {
        let x = i.size == 3;
        self.emit(format_args!(
            "cas{}{} {}, {}, {}",
            acq_rel(i.l, i.o0),
            bh(i.size),
            i.rs.name(x),
            i.rt.name(x),
            base(i.rn)
        ))
    }

    fn ld_st_rcpc_unscaled(&mut self, i: LdStRcpcUnscaled) -> Outcome {
        let Some(a) = access(i.size, i.opc) else {
            return Outcome::Unallocated;
        };
        let m = if i.opc == 0 { "stlur" } else { "ldapur" };
        self.emit(format_args!(
            "{m}{}{} {}, {}",
            a.sign,
            a.suffix,
            i.rt.name(a.x),
            Addr::Offset(i.rn, i.imm9 as i64)
        ))
    }

    fn prfm_lit(&mut self, i: PrfmLit) -> Outcome {
        let t = self.pc.wrapping_add((i.imm19 as i64 * 4) as u64);
        self.emit(format_args!("prfm {}, {}", PrfOp(i.prfop), Target(t)))
    }

    fn ldr_lit(&mut self, i: LdrLit) -> Outcome {
        let t = self.pc.wrapping_add((i.imm19 as i64 * 4) as u64);
        let (m, x) = match i.opc {
            0 => ("ldr", false),
            1 => ("ldr", true),
            2 => ("ldrsw", true),
            _ => return Outcome::Unallocated,
        };
        self.emit(format_args!("{m} {}, {}", i.rt.name(x), Target(t)))
    }

    fn stgp(&mut self, i: Stgp) -> Outcome {
        let off = i.imm7 as i64 * 16;
        let a = match i.idx {
            1 => Addr::Post(i.rn, off),
            2 => Addr::Offset(i.rn, off),
            3 => Addr::Pre(i.rn, off),
            _ => return Outcome::Unallocated,
        };
        self.emit(format_args!(
            "stgp {}, {}, {a}",
            i.rt.name(true),
            i.rt2.name(true)
        ))
    }

    fn ld_st_pair(&mut self, i: LdStPair) -> Outcome {
        let (m, x, scale) = match (i.opc, i.l) {
            (0, false) => ("stp", false, 4),
            (0, true) => ("ldp", false, 4),
            (1, true) => ("ldpsw", true, 4),
            (2, false) => ("stp", true, 8),
            (2, true) => ("ldp", true, 8),
            _ => return Outcome::Unallocated,
        };
        let off = i.imm7 as i64 * scale;
        let (m, a) = match i.idx {
            0 if i.opc != 1 => (if i.l { "ldnp" } else { "stnp" }, Addr::Offset(i.rn, off)),
            1 => (m, Addr::Post(i.rn, off)),
            2 => (m, Addr::Offset(i.rn, off)),
            3 => (m, Addr::Pre(i.rn, off)),
            _ => return Outcome::Unallocated,
        };
        self.emit(format_args!("{m} {}, {}, {a}", i.rt.name(x), i.rt2.name(x)))
    }

    fn prfum_imm(&mut self, i: PrfumImm) -> Outcome {
        let a = Addr::Offset(i.rn, i.imm9 as i64);
        self.emit(format_args!("prfum {}, {a}", PrfOp(i.prfop)))
    }

    fn ld_st_reg_imm9(&mut self, i: LdStRegImm9) -> Outcome {
        let Some(acc) = access(i.size, i.opc) else {
            return Outcome::Unallocated;
        };
        let off = i.imm9 as i64;
        let (kind, a) = match i.idx {
            0 => ("ur", Addr::Offset(i.rn, off)),
            1 => ("r", Addr::Post(i.rn, off)),
            2 => ("tr", Addr::Offset(i.rn, off)),
            _ => ("r", Addr::Pre(i.rn, off)),
        };
        self.emit(format_args!(
            "{}{kind}{}{} {}, {a}",
            acc.dir,
            acc.sign,
            acc.suffix,
            i.rt.name(acc.x)
        ))
    }

    fn ld_atomic(&mut self, i: LdAtomic) -> Outcome {
        const OPS: [&str; 8] = ["add", "clr", "eor", "set", "smax", "smin", "umax", "umin"];
        let op = OPS[i.opc as usize];
        let x = i.size == 3;
        let sz = bh(i.size);
        if i.rt.is_zr() && !i.a {
            let l = if i.r { "l" } else { "" };
            return self.emit(format_args!(
                "st{op}{l}{sz} {}, {}",
                i.rs.name(x),
                base(i.rn)
            ));
        }
        self.emit(format_args!(
            "ld{op}{}{sz} {}, {}, {}",
            acq_rel(i.a, i.r),
            i.rs.name(x),
            i.rt.name(x),
            base(i.rn)
        ))
    }

    fn swp(&mut self, i: Swp) -> Outcome {
        let x = i.size == 3;
        self.emit(format_args!(
            "swp{}{} {}, {}, {}",
            acq_rel(i.a, i.r),
            bh(i.size),
            i.rs.name(x),
            i.rt.name(x),
            base(i.rn)
        ))
    }

    fn ldapr(&mut self, i: Ldapr) -> Outcome {
        self.emit(format_args!(
            "ldapr{} {}, {}",
            bh(i.size),
            i.rt.name(i.size == 3),
            base(i.rn)
        ))
    }

    fn prfm_reg(&mut self, i: PrfmReg) -> Outcome {
        let Some(index) = RegIndex::new(i.rm, i.option, i.s, 3) else {
            return Outcome::Unallocated;
        };
        self.emit(format_args!(
            "prfm {}, [{}, {index}]",
            PrfOp(i.prfop),
            i.rn.name(true)
        ))
    }

    fn ld_st_reg_reg_off(&mut self, i: LdStRegRegOff) -> Outcome {
        let (Some(acc), Some(index)) = (
            access(i.size, i.opc),
            RegIndex::new(i.rm, i.option, i.s, i.size),
        ) else {
            return Outcome::Unallocated;
        };
        self.emit(format_args!(
            "{}r{}{} {}, [{}, {index}]",
            acc.dir,
            acc.sign,
            acc.suffix,
            i.rt.name(acc.x),
            i.rn.name(true)
        ))
    }

    fn ldra(&mut self, i: Ldra) -> Outcome {
        let m = if i.m { "ldrab" } else { "ldraa" };
        // SignExtend(S:imm9) << 3.
        let simm10 = ((((i.s as u32) << 9 | i.imm9 as u32) << 22) as i32 >> 22) as i64;
        let off = simm10 * 8;
        let rt = i.rt.name(true);
        match (i.w, off) {
            // objdump writes a zero pre-index offset as `[Xn]!` here (unlike LDR `[Xn, #0]!`).
            (true, 0) => self.emit(format_args!("{m} {rt}, [{}]!", i.rn.name(true))),
            (true, _) => self.emit(format_args!("{m} {rt}, {}", Addr::Pre(i.rn, off))),
            (false, _) => self.emit(format_args!("{m} {rt}, {}", Addr::Offset(i.rn, off))),
        }
    }

    fn prfm_u_imm(&mut self, i: PrfmUImm) -> Outcome {
        let a = Addr::Offset(i.rn, i.imm12 as i64 * 8);
        self.emit(format_args!("prfm {}, {a}", PrfOp(i.prfop)))
    }

    fn ld_st_reg_u_imm(&mut self, i: LdStRegUImm) -> Outcome {
        let Some(acc) = access(i.size, i.opc) else {
            return Outcome::Unallocated;
        };
        let a = Addr::Offset(i.rn, (i.imm12 as i64) << i.size);
        self.emit(format_args!(
            "{}r{}{} {}, {a}",
            acc.dir,
            acc.sign,
            acc.suffix,
            i.rt.name(acc.x)
        ))
    }
}

/// The index operand of the register-offset forms: `Rm` extended by `option` and shifted
/// left by `size` when `S` is set (C6.2 LDR (register): ExtendReg(m, extend_type, shift)).
struct RegIndex {
    rm: XReg,
    option: u8,
    shift: Option<u8>,
}

impl RegIndex {
    /// `None` for the unallocated `option<1>` = 0 extends.
    fn new(rm: XReg, option: u8, s: bool, size: u8) -> Option<Self> {
        (option & 2 != 0).then_some(RegIndex {
            rm,
            option,
            shift: s.then_some(size),
        })
    }
}

impl fmt::Display for RegIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // option<0> selects an X index register (LSL/SXTX) over a W one (UXTW/SXTW).
        write!(f, "{}", self.rm.name(self.option & 1 != 0))?;
        let ext = match self.option {
            3 => "lsl",
            2 => "uxtw",
            6 => "sxtw",
            _ => "sxtx",
        };
        match (self.option, self.shift) {
            (3, None) => Ok(()),
            (_, None) => write!(f, ", {ext}"),
            (_, Some(sh)) => write!(f, ", {ext} #{sh}"),
        }
    }
}
