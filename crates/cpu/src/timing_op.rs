//! What the cycle model is told about each decoded instruction: [`timing_op`] maps an
//! [`Insn`] to an [`a64sim_timing::Op`] (timing class, registers read and written, bytes).
//!
//! Design. One exhaustive `match` over [`Insn`] with no catch-all arm, so that a new row in
//! the encoding table does not compile until it is classified here, as for the
//! disassembler and the executor. The description follows the executor (`exec/*.rs`):
//! which `opc` values load or store, which forms write back the base, which registers an
//! exclusive, CAS or pair touches. It is computed once, when a block is decoded.
//!
//! Conventions (see [`a64sim_timing::op::reg`]): XZR/WZR is `NONE` (it creates no
//! dependency), SP is 31, the flags are `NZCV`. System registers and PSTATE fields other
//! than NZCV are not tracked. `dst` is positional: for a load the loaded register(s) come
//! first, even when one is `NONE` (Rt = XZR), then the written-back base. `src` order is
//! not significant.
//!
//! Instructions a64sim decodes but does not implement (the FEAT_PAuth forms: PAC*, AUT*,
//! BRAA, RETAA, LDRAA, ...; DRPS, DCPS, SYSL) are described as the instruction they are, as
//! if the feature were implemented: when they trap, the model accounts for the exception.
//!
//! Judgement calls:
//! * ADD/SUB (extended register) whose extend is the identity at the operation's width with
//!   no shift (`add sp, x0, x1` is UXTX #0) is `Alu`, like the shifted-register forms with a
//!   zero shift; a real extend or a shift is `AluComplex`.
//! * CLREX is `Nop`: it clears the local exclusive monitor, with no memory access and no
//!   ordering.
//! * The hint-space pointer authentication instructions (PACIASP, AUTIASP, PACIA1716,
//!   XPACLRI, ...) are `Crypto` with their implicit registers (X30, X17, X16, SP), as the
//!   other FEAT_PAuth instructions, although a PE without FEAT_PAuth (a64sim today)
//!   executes them as NOPs.
//! * CASP reads five registers (Rs, Rs+1, Rt, Rt+1, Rn); there are four source slots, so
//!   Rt+1, the second half of the value to store, is left out.
//! * LDGM and STGM cover 256 bytes (GMID_EL1.BS = 6), which `Op::bytes` (a `u8`) cannot
//!   hold: they report 255 (the same 64-byte lines from the block's aligned start).
//! * HLT #0xF000 is the semihosting call: X0 and X1 read, X0 written.

use crate::sysreg::{index_of, SYSREGS};
use a64sim_isa::sysop::SysOpKind;
use a64sim_isa::sysreg::regs;
use a64sim_isa::*;
use a64sim_timing::op::reg::{NONE, NZCV, SP};
use a64sim_timing::{Op, OpClass};

/// X30, the link register BL and BLR write and RET reads by default.
const LR: u8 = 30;

/// `4 << bs` bytes, the size of a block whose size register field BS is `bs`, saturated to
/// fit `Op::bytes`.
const fn block_bytes(bs: u64) -> u8 {
    let bytes = 4u64 << (bs & 0xf);
    if bytes > u8::MAX as u64 {
        u8::MAX
    } else {
        bytes as u8
    }
}

/// The DC ZVA block (DCZID_EL0.BS): what DC ZVA, DC GVA, DC GZVA and STZGM cover.
const ZVA_BLOCK: u8 = block_bytes(SYSREGS[index_of(regs::DCZID_EL0)].reset);

/// The block LDGM and STGM cover (GMID_EL1.BS).
const TAG_BLOCK: u8 = block_bytes(SYSREGS[index_of(regs::GMID_EL1)].reset);

/// Bytes of an MTE tag granule (STG, STZG, LDG, STGP).
const GRANULE: u8 = 16;

/// The HLT immediate of a semihosting call.
const SEMIHOSTING_HLT: u16 = 0xf000;

/// An XZR-based register: XZR/WZR is no dependency.
#[inline]
fn x(r: XReg) -> u8 {
    if r.is_zr() {
        NONE
    } else {
        r.num()
    }
}

/// An SP-based register: 31 is SP, which has the same number in the timing numbering.
#[inline]
fn xs(r: XRegSp) -> u8 {
    r.num()
}

/// Operand width of a W (`sf` = 0) or X (`sf` = 1) data-processing form.
#[inline]
fn width(sf: bool) -> u8 {
    if sf {
        8
    } else {
        4
    }
}

/// `r` when `cond` holds, else no register.
#[inline]
fn when(cond: bool, r: u8) -> u8 {
    if cond {
        r
    } else {
        NONE
    }
}

/// Builds an [`Op`]; unused slots are `NONE`.
#[inline]
fn op<const S: usize, const D: usize>(class: OpClass, src: [u8; S], dst: [u8; D], bytes: u8) -> Op {
    const { assert!(S <= 4 && D <= 3, "at most 4 sources and 3 destinations") };
    let mut o = Op::new(class);
    o.src[..S].copy_from_slice(&src);
    o.dst[..D].copy_from_slice(&dst);
    o.bytes = bytes;
    o
}

/// A single-register access of the C4.1.88 (size, opc) tables: opc 00 stores Rt, the other
/// values load it (the table sends PRFM and the reserved pairs elsewhere). `index` is the
/// register-offset index, `wback` whether the base is written back.
fn single(size: u8, opc: u8, rt: XReg, rn: XRegSp, index: u8, wback: bool) -> Op {
    let bytes = 1 << (size & 3);
    let wb = when(wback, xs(rn));
    if opc == 0 {
        op(OpClass::Store, [x(rt), xs(rn), index], [wb], bytes)
    } else {
        op(OpClass::Load, [xs(rn), index], [x(rt), wb], bytes)
    }
}

/// A load (`l`) or store of Rt (and Rt2 for a pair) at [Xn|SP], with base writeback when
/// `wback`. `status` is the register a store-exclusive writes (`NONE` otherwise); a store
/// writes either it or the base, never both.
fn load_store(l: bool, rt: u8, rt2: u8, rn: XRegSp, wback: bool, status: u8, bytes: u8) -> Op {
    if l {
        op(
            OpClass::Load,
            [xs(rn)],
            [rt, rt2, when(wback, xs(rn))],
            bytes,
        )
    } else {
        let written = if wback { xs(rn) } else { status };
        op(OpClass::Store, [rt, rt2, xs(rn)], [written], bytes)
    }
}

/// The timing description of `insn`: class, registers read and written, bytes.
pub fn timing_op(insn: &Insn) -> Op {
    use OpClass::*;
    match *insn {
        // Exception generating, and everything that is UNDEFINED or not executed.
        Insn::Unallocated | Insn::Unimplemented(_) => Op::new(ExceptionGen),
        Insn::Udf(_) | Insn::Svc(_) | Insn::Hvc(_) | Insn::Smc(_) | Insn::Brk(_) => {
            Op::new(ExceptionGen)
        }
        // DCPS1/2/3 enter Debug state (UNDEFINED outside it, which a64sim never enters).
        Insn::Dcps(_) => Op::new(ExceptionGen),
        Insn::Hlt(i) if i.imm16 == SEMIHOSTING_HLT => op(ExceptionGen, [0, 1], [0], 0),
        Insn::Hlt(_) => Op::new(ExceptionGen),

        // --- Data processing -- immediate (C4.1.86).
        Insn::PcRelAddr(i) => op(Alu, [], [x(i.rd)], 8),
        Insn::AddSubImm(i) => op(Alu, [xs(i.rn)], [xs(i.rd)], width(i.sf)),
        Insn::AddSubImmS(i) => op(Alu, [xs(i.rn)], [x(i.rd), NZCV], width(i.sf)),
        Insn::AddSubTag(i) => op(Crypto, [xs(i.rn)], [xs(i.rd)], 8),
        Insn::LogicalImmS(i) => op(Alu, [x(i.rn)], [x(i.rd), NZCV], width(i.sf)),
        Insn::LogicalImm(i) => op(Alu, [x(i.rn)], [xs(i.rd)], width(i.sf)),
        // MOVK (opc 11) keeps the other bits of Rd.
        Insn::MoveWide(i) => op(Alu, [when(i.opc == 3, x(i.rd))], [x(i.rd)], width(i.sf)),
        // BFM (opc 01) keeps the bits of Rd outside the field.
        Insn::Bitfield(i) => op(
            Alu,
            [x(i.rn), when(i.opc == 1, x(i.rd))],
            [x(i.rd)],
            width(i.sf),
        ),
        Insn::Extract(i) => op(AluComplex, [x(i.rn), x(i.rm)], [x(i.rd)], width(i.sf)),

        // --- Branches (C4.1.87).
        Insn::B(_) => Op::new(Branch),
        Insn::Bl(_) => op(Call, [], [LR], 0),
        Insn::BCond(_) => op(CondBranch, [NZCV], [], 0),
        Insn::Cbz(i) => op(CondBranch, [x(i.rt)], [], 0),
        Insn::Cbnz(i) => op(CondBranch, [x(i.rt)], [], 0),
        Insn::Tbz(i) => op(CondBranch, [x(i.rt)], [], 0),
        Insn::Tbnz(i) => op(CondBranch, [x(i.rt)], [], 0),
        Insn::Br(i) => op(IndirectBranch, [x(i.rn)], [], 0),
        Insn::BrAuthZ(i) => op(IndirectBranch, [x(i.rn)], [], 0),
        Insn::BrAuth(i) => op(IndirectBranch, [x(i.rn), xs(i.rm)], [], 0),
        Insn::Blr(i) => op(IndirectCall, [x(i.rn)], [LR], 0),
        Insn::BlrAuthZ(i) => op(IndirectCall, [x(i.rn)], [LR], 0),
        Insn::BlrAuth(i) => op(IndirectCall, [x(i.rn), xs(i.rm)], [LR], 0),
        Insn::Ret(i) => op(Return, [x(i.rn)], [], 0),
        // RETAA/RETAB: X30 authenticated with SP as the modifier.
        Insn::RetAuth(_) => op(Return, [LR, SP], [], 0),
        Insn::Eret(_) | Insn::Drps(_) => Op::new(Eret),
        // ERETAA/ERETAB: ELR authenticated with SP as the modifier.
        Insn::EretAuth(_) => op(Eret, [SP], [], 0),

        // --- Hints (HINT space): no work, except the waits and pointer authentication.
        Insn::Nop(_)
        | Insn::YieldHint(_)
        | Insn::Sev(_)
        | Insn::Sevl(_)
        | Insn::Esb(_)
        | Insn::PsbCsync(_)
        | Insn::TsbCsync(_)
        | Insn::Csdb(_)
        | Insn::Bti(_)
        | Insn::Hint(_) => Op::new(Nop),
        Insn::Wfe(_) | Insn::Wfi(_) => Op::new(Wait),
        // XPACLRI: X30.
        Insn::Xpaclri(_) => op(Crypto, [LR], [LR], 8),
        // PACIA1716 and friends: X17 with the modifier X16.
        Insn::Pac1716(_) => op(Crypto, [17, 16], [17], 8),
        // PACIASP and friends: X30 with the modifier SP (sp = 1) or zero.
        Insn::PacLr(i) => op(Crypto, [LR, when(i.sp, SP)], [LR], 8),

        // --- Barriers. CLREX only clears the local monitor (see the module doc).
        Insn::Clrex(_) => Op::new(Nop),
        Insn::Dsb(_) | Insn::Dmb(_) | Insn::Sb(_) => Op::new(Barrier),
        Insn::Isb(_) => Op::new(Isb),

        // --- PSTATE: flag manipulation is ALU work on NZCV; MSR (immediate) writes PSTATE
        // fields that are not tracked (DAIF, PAN, SPSel, ...).
        Insn::Cfinv(_) | Insn::Xaflag(_) | Insn::Axflag(_) => op(AluComplex, [NZCV], [NZCV], 0),
        Insn::MsrImm(_) => Op::new(SysWrite),

        // --- System instructions and system register moves.
        Insn::Sys(i) => match i.op() {
            // DC ZVA zeroes the block; DC GVA tags it and DC GZVA does both: stores.
            Some(o) if o.kind == SysOpKind::Dc && matches!(o.name, "ZVA" | "GVA" | "GZVA") => {
                op(Store, [x(i.rt)], [], ZVA_BLOCK)
            }
            _ => op(SysOp, [x(i.rt)], [], 0),
        },
        Insn::Sysl(i) => op(SysRead, [], [x(i.rt)], 0),
        // MSR NZCV, Xt writes the flags; MRS Xt, NZCV reads them.
        Insn::MsrReg(i) => op(SysWrite, [x(i.rt)], [when(i.reg() == regs::NZCV, NZCV)], 0),
        Insn::Mrs(i) => op(SysRead, [when(i.reg() == regs::NZCV, NZCV)], [x(i.rt)], 0),

        // --- Loads and stores (C4.1.88).
        // Memory tagging: tag stores cover their granules, the block forms their blocks.
        Insn::Stzgm(i) => op(Store, [x(i.rt), xs(i.rn)], [], ZVA_BLOCK),
        // LDG inserts the tag into Xt, keeping its other bits.
        Insn::Ldg(i) => op(Load, [xs(i.rn), x(i.rt)], [x(i.rt)], GRANULE),
        Insn::Stgm(i) => op(Store, [x(i.rt), xs(i.rn)], [], TAG_BLOCK),
        Insn::Ldgm(i) => op(Load, [xs(i.rn)], [x(i.rt)], TAG_BLOCK),
        // STG, STZG (opc x0/x1), ST2G, STZ2G (1x); idx 01 post-index, 11 pre-index.
        Insn::StoreTag(i) => op(
            Store,
            [xs(i.rt), xs(i.rn)],
            [when(i.idx & 1 != 0, xs(i.rn))],
            if i.opc & 2 != 0 { 2 * GRANULE } else { GRANULE },
        ),
        Insn::Stgp(i) => load_store(
            false,
            x(i.rt),
            x(i.rt2),
            i.rn,
            i.idx & 1 != 0,
            NONE,
            GRANULE,
        ),

        // Exclusives: a store-exclusive writes its status to Rs; loads ignore Rs.
        Insn::LdStExcl(i) => load_store(
            i.l,
            x(i.rt),
            NONE,
            i.rn,
            false,
            when(!i.l, x(i.rs)),
            1 << i.size,
        ),
        Insn::LdStExclPair(i) => load_store(
            i.l,
            x(i.rt),
            x(i.rt2),
            i.rn,
            false,
            when(!i.l, x(i.rs)),
            if i.sz { 16 } else { 8 },
        ),
        // Load-acquire/store-release.
        Insn::LdStOrdered(i) => load_store(i.l, x(i.rt), NONE, i.rn, false, NONE, 1 << i.size),
        Insn::Ldapr(i) => op(Load, [xs(i.rn)], [x(i.rt)], 1 << i.size),
        Insn::LdStRcpcUnscaled(i) => single(i.size, i.opc, i.rt, i.rn, NONE, false),

        // Atomics: Rt gets the old value (the ST<op> aliases have Rt = XZR).
        Insn::LdAtomic(i) => op(Atomic, [x(i.rs), xs(i.rn)], [x(i.rt)], 1 << i.size),
        Insn::Swp(i) => op(Atomic, [x(i.rs), xs(i.rn)], [x(i.rt)], 1 << i.size),
        // CAS compares Rs, stores Rt and writes the old value to Rs.
        Insn::Cas(i) => op(Atomic, [x(i.rs), x(i.rt), xs(i.rn)], [x(i.rs)], 1 << i.size),
        // CASP: the pairs <Rs, Rs+1> and <Rt, Rt+1> (Rt+1 left out, see the module doc).
        Insn::Casp(i) => {
            let s1 = x(XReg::new(i.rs.num() + 1));
            op(
                Atomic,
                [x(i.rs), s1, x(i.rt), xs(i.rn)],
                [x(i.rs), s1],
                if i.sz { 16 } else { 8 },
            )
        }

        // Literal loads: opc 00 W, 01 X, 10 LDRSW (11 is PRFM, its own row).
        Insn::LdrLit(i) => op(Load, [], [x(i.rt)], if i.opc == 1 { 8 } else { 4 }),

        // Prefetches are hints.
        Insn::PrfmLit(_) | Insn::PrfumImm(_) | Insn::PrfmReg(_) | Insn::PrfmUImm(_) => Op::new(Nop),

        // Pairs: opc 00 W, 01 LDPSW, 10 X; idx 01 post-index, 11 pre-index write back.
        Insn::LdStPair(i) => load_store(
            i.l,
            x(i.rt),
            x(i.rt2),
            i.rn,
            i.idx & 1 != 0,
            NONE,
            if i.opc & 2 != 0 { 16 } else { 8 },
        ),

        // Single register; LdStRegImm9 idx 01 post-index, 11 pre-index write back.
        Insn::LdStRegImm9(i) => single(i.size, i.opc, i.rt, i.rn, NONE, i.idx & 1 != 0),
        Insn::LdStRegRegOff(i) => single(i.size, i.opc, i.rt, i.rn, x(i.rm), false),
        Insn::LdStRegUImm(i) => single(i.size, i.opc, i.rt, i.rn, NONE, false),
        // LDRAA/LDRAB: a 64-bit load (size 11, opc 01), W = pre-index writeback.
        Insn::Ldra(i) => single(3, 1, i.rt, i.rn, NONE, i.w),

        // --- Data processing -- register (C4.1.89).
        Insn::Subp(i) => op(Crypto, [xs(i.rn), xs(i.rm)], [x(i.rd), when(i.s, NZCV)], 8),
        Insn::Div(i) => op(Div, [x(i.rn), x(i.rm)], [x(i.rd)], width(i.sf)),
        Insn::Irg(i) => op(Crypto, [xs(i.rn), x(i.rm)], [xs(i.rd)], 8),
        Insn::Gmi(i) => op(Crypto, [xs(i.rn), x(i.rm)], [x(i.rd)], 8),
        Insn::ShiftVar(i) => op(Alu, [x(i.rn), x(i.rm)], [x(i.rd)], width(i.sf)),
        Insn::Pacga(i) => op(Crypto, [x(i.rn), xs(i.rm)], [x(i.rd)], 8),
        Insn::Crc32(i) => op(AluComplex, [x(i.rn), x(i.rm)], [x(i.rd)], width(i.sf)),
        Insn::Rbit(i) => op(AluComplex, [x(i.rn)], [x(i.rd)], width(i.sf)),
        Insn::Rev(i) => op(AluComplex, [x(i.rn)], [x(i.rd)], width(i.sf)),
        Insn::CountLeading(i) => op(AluComplex, [x(i.rn)], [x(i.rd)], width(i.sf)),
        // PAC*/AUT*: Xd with the modifier Xn|SP (or zero), XPAC*: Xd.
        Insn::PacAut(i) => op(Crypto, [x(i.rd), xs(i.rn)], [x(i.rd)], 8),
        Insn::PacAutZero(i) => op(Crypto, [x(i.rd)], [x(i.rd)], 8),
        Insn::Xpac(i) => op(Crypto, [x(i.rd)], [x(i.rd)], 8),
        // Shifted register: a zero shift amount is a plain register operand.
        Insn::LogicalShift(i) => op(
            if i.imm6 == 0 { Alu } else { AluComplex },
            [x(i.rn), x(i.rm)],
            [x(i.rd), when(i.opc == 3, NZCV)],
            width(i.sf),
        ),
        Insn::AddSubShift(i) => op(
            if i.imm6 == 0 { Alu } else { AluComplex },
            [x(i.rn), x(i.rm)],
            [x(i.rd), when(i.s, NZCV)],
            width(i.sf),
        ),
        Insn::AddSubExt(i) => op(
            ext_class(i.sf, i.option, i.imm3),
            [xs(i.rn), x(i.rm)],
            [xs(i.rd)],
            width(i.sf),
        ),
        Insn::AddSubExtS(i) => op(
            ext_class(i.sf, i.option, i.imm3),
            [xs(i.rn), x(i.rm)],
            [x(i.rd), NZCV],
            width(i.sf),
        ),
        // ADC, SBC read the carry.
        Insn::AddSubCarry(i) => op(
            AluComplex,
            [x(i.rn), x(i.rm), NZCV],
            [x(i.rd), when(i.s, NZCV)],
            width(i.sf),
        ),
        // RMIF and SETF keep some flags: they read NZCV too.
        Insn::Rmif(i) => op(AluComplex, [x(i.rn), NZCV], [NZCV], 8),
        Insn::Setf(i) => op(AluComplex, [x(i.rn), NZCV], [NZCV], 4),
        Insn::CondCmpReg(i) => op(Alu, [x(i.rn), x(i.rm), NZCV], [NZCV], width(i.sf)),
        Insn::CondCmpImm(i) => op(Alu, [x(i.rn), NZCV], [NZCV], width(i.sf)),
        Insn::CondSel(i) => op(Alu, [x(i.rn), x(i.rm), NZCV], [x(i.rd)], width(i.sf)),
        Insn::MulAdd(i) => op(Mul, [x(i.rn), x(i.rm), x(i.ra)], [x(i.rd)], width(i.sf)),
        Insn::MulAddLong(i) => op(Mul, [x(i.rn), x(i.rm), x(i.ra)], [x(i.rd)], 8),
        // Ra is a should-be-one field, not an operand.
        Insn::MulHigh(i) => op(MulHigh, [x(i.rn), x(i.rm)], [x(i.rd)], 8),
    }
}

/// ADD/SUB (extended register): `Alu` when the operand is used as it is (UXTX or SXTX on
/// 64 bits, any W or X extend on 32 bits, with no shift), else `AluComplex`.
fn ext_class(sf: bool, option: u8, imm3: u8) -> OpClass {
    // option: 000 UXTB, 001 UXTH, 010 UXTW, 011 UXTX, 1xx the signed forms.
    let identity = if sf { option & 3 == 3 } else { option & 2 == 2 };
    if identity && imm3 == 0 {
        OpClass::Alu
    } else {
        OpClass::AluComplex
    }
}

#[cfg(test)]
mod tests {
    //! Instruction words come from GNU as (`aarch64-linux-gnu-as
    //! -march=armv8.5-a+memtag+crc+flagm+pauth+lse+rcpc`, then `aarch64-linux-gnu-objdump
    //! -d`); the assembly is next to each word.

    use super::{timing_op, LR};
    use a64sim_isa::{decode, EncodingRow, Insn, RowKind, ENCODINGS};
    use a64sim_timing::op::reg::{COUNT, NONE, NZCV, SP};
    use a64sim_timing::{Op, OpClass};
    use OpClass::*;

    /// One hand-written case: word, assembly, class, registers read (any order), registers
    /// written (positionally, trailing `NONE`s left out), bytes.
    type Case = (u32, &'static str, OpClass, &'static [u8], &'static [u8], u8);

    #[rustfmt::skip]
    const CASES: &[Case] = &[
        // Data processing.
        (0x8b020020, "add x0, x1, x2", Alu, &[1, 2], &[0], 8),
        (0x31000483, "adds w3, w4, #1", Alu, &[4], &[3, NZCV], 4),
        (0x9a820020, "csel x0, x1, x2, eq", Alu, &[1, 2, NZCV], &[0], 8),
        (0x8b020c20, "add x0, x1, x2, lsl #3", AluComplex, &[1, 2], &[0], 8),
        (0x910043ff, "add sp, sp, #16", Alu, &[SP], &[SP], 8),
        (0xf100143f, "cmp x1, #5", Alu, &[1], &[NONE, NZCV], 8),
        (0xf2a00020, "movk x0, #1, lsl #16", Alu, &[0], &[0], 8),
        (0xd2824687, "mov x7, #0x1234", Alu, &[], &[7], 8),
        (0x90000000, "adrp x0, .", Alu, &[], &[0], 8),
        (0xd3442c41, "ubfx x1, x2, #4, #8", Alu, &[2], &[1], 8),
        (0xb3780c83, "bfi x3, x4, #8, #4", Alu, &[3, 4], &[3], 8),
        (0x93c11c20, "ror x0, x1, #7", AluComplex, &[1, 1], &[0], 8),
        (0x5ac01041, "clz w1, w2", AluComplex, &[2], &[1], 4),
        (0xdac00c20, "rev x0, x1", AluComplex, &[1], &[0], 8),
        (0x9ac25c20, "crc32cx w0, w1, x2", AluComplex, &[1, 2], &[0], 8),
        (0x9a020020, "adc x0, x1, x2", AluComplex, &[1, 2, NZCV], &[0], 8),
        (0xd500401f, "cfinv", AluComplex, &[NZCV], &[NZCV], 0),
        (0x3a00080d, "setf8 w0", AluComplex, &[0, NZCV], &[NZCV], 4),
        (0xba018422, "rmif x1, #3, #2", AluComplex, &[1, NZCV], &[NZCV], 8),
        (0xfa421020, "ccmp x1, x2, #0, ne", Alu, &[1, 2, NZCV], &[NZCV], 8),
        (0x9ac22020, "lsl x0, x1, x2", Alu, &[1, 2], &[0], 8),
        (0xcb2163e0, "sub x0, sp, x1", Alu, &[SP, 1], &[0], 8),
        (0x8b22c020, "add x0, x1, w2, sxtw", AluComplex, &[1, 2], &[0], 8),
        (0xea02003f, "tst x1, x2", Alu, &[1, 2], &[NONE, NZCV], 8),
        (0x9b020c20, "madd x0, x1, x2, x3", Mul, &[1, 2, 3], &[0], 8),
        (0x9ba20c20, "umaddl x0, w1, w2, x3", Mul, &[1, 2, 3], &[0], 8),
        (0x9bc27c20, "umulh x0, x1, x2", MulHigh, &[1, 2], &[0], 8),
        (0x9ac20c20, "sdiv x0, x1, x2", Div, &[1, 2], &[0], 8),
        (0x1ac20820, "udiv w0, w1, w2", Div, &[1, 2], &[0], 4),
        // Loads and stores.
        (0xf8408c20, "ldr x0, [x1, #8]!", Load, &[1], &[0, 1], 8),
        (0xa8c10fe2, "ldp x2, x3, [sp], #16", Load, &[SP], &[2, 3, SP], 16),
        (0xb82778c5, "str w5, [x6, x7, lsl #2]", Store, &[5, 6, 7], &[], 4),
        (0xc8087d49, "stxr w8, x9, [x10]", Store, &[9, 10], &[8], 8),
        (0xc85ffc20, "ldaxr x0, [x1]", Load, &[1], &[0], 8),
        (0x39400020, "ldrb w0, [x1]", Load, &[1], &[0], 1),
        (0x798004a4, "ldrsh x4, [x5, #2]", Load, &[5], &[4], 2),
        (0x58000000, "ldr x0, .", Load, &[], &[0], 8),
        (0x69400440, "ldpsw x0, x1, [x2]", Load, &[2], &[0, 1], 8),
        (0xa9bf7bfd, "stp x29, x30, [sp, #-16]!", Store, &[29, 30, SP], &[SP], 16),
        (0xc87f0440, "ldxp x0, x1, [x2]", Load, &[2], &[0, 1], 16),
        (0xc8238440, "stlxp w3, x0, x1, [x2]", Store, &[0, 1, 2], &[3], 16),
        (0x88dffc20, "ldar w0, [x1]", Load, &[1], &[0], 4),
        (0xc89ffc20, "stlr x0, [x1]", Store, &[0, 1], &[], 8),
        (0xf8408820, "ldtr x0, [x1, #8]", Load, &[1], &[0], 8),
        (0xf8201c20, "ldraa x0, [x1, #8]!", Load, &[1], &[0, 1], 8),
        // Atomics.
        (0xc8a07c41, "cas x0, x1, [x2]", Atomic, &[0, 1, 2], &[0], 8),
        (0x48207c82, "casp x0, x1, x2, x3, [x4]", Atomic, &[0, 1, 2, 4], &[0, 1], 16),
        (0xb8200041, "ldadd w0, w1, [x2]", Atomic, &[0, 2], &[1], 4),
        (0xf820003f, "stadd x0, [x1]", Atomic, &[0, 1], &[], 8),
        (0xf8208041, "swp x0, x1, [x2]", Atomic, &[0, 2], &[1], 8),
        // Branches.
        (0x14000000, "b .", Branch, &[], &[], 0),
        (0x94000000, "bl .", Call, &[], &[30], 0),
        (0xd63f0060, "blr x3", IndirectCall, &[3], &[30], 0),
        (0xd61f0080, "br x4", IndirectBranch, &[4], &[], 0),
        (0xd65f03c0, "ret", Return, &[30], &[], 0),
        (0xd65f0bff, "retaa", Return, &[30, SP], &[], 0),
        (0x54000001, "b.ne .", CondBranch, &[NZCV], &[], 0),
        (0xb4000005, "cbz x5, .", CondBranch, &[5], &[], 0),
        (0x36180006, "tbz w6, #3, .", CondBranch, &[6], &[], 0),
        // System.
        (0xd5380000, "mrs x0, midr_el1", SysRead, &[], &[0], 0),
        (0xd53b4201, "mrs x1, nzcv", SysRead, &[NZCV], &[1], 0),
        (0xd5280000, "sysl x0, #0, c0, c0, #0", SysRead, &[], &[0], 0),
        (0xd5181000, "msr sctlr_el1, x0", SysWrite, &[0], &[], 0),
        (0xd51b4202, "msr nzcv, x2", SysWrite, &[2], &[NZCV], 0),
        (0xd50342df, "msr daifset, #2", SysWrite, &[], &[], 0),
        (0xd5033fdf, "isb", Isb, &[], &[], 0),
        (0xd5033f9f, "dsb sy", Barrier, &[], &[], 0),
        (0xd5033bbf, "dmb ish", Barrier, &[], &[], 0),
        (0xd5033f5f, "clrex", Nop, &[], &[], 0),
        (0xd50b7420, "dc zva, x0", Store, &[0], &[], 64),
        (0xd50b7e21, "dc civac, x1", SysOp, &[1], &[], 0),
        (0xd508871f, "tlbi vmalle1", SysOp, &[], &[], 0),
        (0xd4000001, "svc #0", ExceptionGen, &[], &[], 0),
        (0xd4000002, "hvc #0", ExceptionGen, &[], &[], 0),
        (0xd4200020, "brk #1", ExceptionGen, &[], &[], 0),
        (0x00000000, "udf #0", ExceptionGen, &[], &[], 0),
        (0xd45e0000, "hlt #0xf000", ExceptionGen, &[0, 1], &[0], 0),
        (0x1e622820, "fadd d0, d1, d2 (not executed yet)", ExceptionGen, &[], &[], 0),
        (0xd69f03e0, "eret", Eret, &[], &[], 0),
        (0xd503207f, "wfi", Wait, &[], &[], 0),
        (0xd503205f, "wfe", Wait, &[], &[], 0),
        // Hints.
        (0xd503201f, "nop", Nop, &[], &[], 0),
        (0xd503203f, "yield", Nop, &[], &[], 0),
        (0xd503229f, "csdb", Nop, &[], &[], 0),
        (0xd503245f, "bti c", Nop, &[], &[], 0),
        (0xf9800000, "prfm pldl1keep, [x0]", Nop, &[], &[], 0),
        // Pointer authentication and MTE.
        (0xd503233f, "paciasp", Crypto, &[30, SP], &[30], 8),
        (0xdac10020, "pacia x0, x1", Crypto, &[0, 1], &[0], 8),
        (0x9adf1020, "irg x0, x1", Crypto, &[1], &[0], 8),
        (0x91810420, "addg x0, x1, #16, #1", Crypto, &[1], &[0], 8),
        (0x9ac20020, "subp x0, x1, x2", Crypto, &[1, 2], &[0], 8),
        (0xd9200820, "stg x0, [x1]", Store, &[0, 1], &[], 16),
        (0xd9a02c20, "st2g x0, [x1, #32]!", Store, &[0, 1], &[1], 32),
        (0x69000440, "stgp x0, x1, [x2]", Store, &[0, 1, 2], &[], 16),
        (0xd9600020, "ldg x0, [x1]", Load, &[0, 1], &[0], 16),
        (0xd9e00020, "ldgm x0, [x1]", Load, &[1], &[0], 255),
        (0xd9200020, "stzgm x0, [x1]", Store, &[0, 1], &[], 64),
        (0xd50b7462, "dc gva, x2", Store, &[2], &[], 64),
    ];

    /// The registers of `regs` other than `NONE`, sorted.
    fn set(regs: &[u8]) -> Vec<u8> {
        let mut v: Vec<u8> = regs.iter().copied().filter(|&n| n != NONE).collect();
        v.sort_unstable();
        v
    }

    /// `regs` without its trailing `NONE`s.
    fn trimmed(regs: &[u8]) -> &[u8] {
        let n = regs.iter().rposition(|&n| n != NONE).map_or(0, |p| p + 1);
        &regs[..n]
    }

    #[test]
    fn timing_op_hand_written_cases() {
        for &(word, asm, class, src, dst, bytes) in CASES {
            let got = timing_op(&decode(word));
            assert_eq!(got.class, class, "{word:#010x} {asm}: class");
            assert_eq!(
                set(&got.src),
                set(src),
                "{word:#010x} {asm}: src {:?}",
                got.src
            );
            assert_eq!(
                trimmed(&got.dst),
                dst,
                "{word:#010x} {asm}: dst {:?}",
                got.dst
            );
            assert_eq!(got.bytes, bytes, "{word:#010x} {asm}: bytes");
        }
    }

    #[test]
    fn timing_op_hand_written_cases_cover_every_class() {
        for class in OpClass::ALL {
            assert!(
                CASES.iter().any(|c| c.2 == class),
                "no hand-written case of {class:?}"
            );
        }
    }

    /// Classes whose `bytes` is the W/X operand width.
    fn data_processing(class: OpClass) -> bool {
        matches!(class, Alu | AluComplex | Mul | MulHigh | Div | Crypto)
    }

    /// The value of the field `name` of `row` in `word`, if the row has one.
    fn field(row: &EncodingRow, word: u32, name: &str) -> Option<u8> {
        row.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| ((word >> f.lsb) & ((1 << f.width) - 1)) as u8)
    }

    /// Checks the invariants every description must meet; `Err` says which fails.
    fn check(row: &EncodingRow, word: u32, o: &Op) -> Result<(), String> {
        let regs = o.src.iter().chain(&o.dst);
        if let Some(n) = regs.clone().find(|&&n| n != NONE && n as usize >= COUNT) {
            return Err(format!("register number {n}"));
        }
        let class = o.class;
        if class.is_memory() {
            if o.bytes == 0 {
                return Err("memory access of 0 bytes".into());
            }
        } else if data_processing(class) {
            // Width 0 only for the flag manipulations without a register operand.
            let only_flags = regs.clone().all(|&n| n == NONE || n == NZCV);
            if !(o.bytes == 4 || o.bytes == 8 || (o.bytes == 0 && only_flags)) {
                return Err(format!("data processing of {} bytes", o.bytes));
            }
        } else if o.bytes != 0 {
            return Err(format!("{} bytes for a {class:?}", o.bytes));
        }
        // Rt is bits [4:0] of every load row: XZR is the only way to load nothing.
        if class == Load && (o.dst[0] == NONE) != (word & 31 == 31) {
            return Err(format!("load writes {:?} with Rt = {}", o.dst, word & 31));
        }
        // The flags are read and written only where the instruction says so.
        let reads_flags = o.src.contains(&NZCV);
        let writes_flags = o.dst.contains(&NZCV);
        if reads_flags && !matches!(class, Alu | AluComplex | CondBranch | SysRead) {
            return Err("reads NZCV".into());
        }
        if writes_flags && !matches!(class, Alu | AluComplex | Crypto | SysWrite) {
            return Err("writes NZCV".into());
        }
        // A condition field is evaluated on the flags (B.cond, CSEL, CCMP); the S bit of
        // the data-processing (register) rows sets them.
        if field(row, word, "cond").is_some() && !reads_flags {
            return Err("condition without NZCV".into());
        }
        if row.section == "dp_reg" && field(row, word, "s") == Some(1) && !writes_flags {
            return Err("S form without NZCV".into());
        }
        if matches!(class, Call | IndirectCall) && !o.dst.contains(&LR) {
            return Err("call without a link register".into());
        }
        // The register fields of the row: Rn, Rm, Ra are read, Rd is written (31 is XZR or
        // SP, which depends on the row; other numbers must appear). Prefetches are NOPs and
        // the Ra of SMULH/UMULH is not an operand.
        if class != Nop {
            for name in ["rn", "rm", "ra", "rd"] {
                if name == "ra" && row.name == "MulHigh" {
                    continue;
                }
                let Some(n) = field(row, word, name) else {
                    continue;
                };
                let regs = if name == "rd" { &o.dst[..] } else { &o.src[..] };
                if n != 31 && !regs.contains(&n) {
                    return Err(format!("{name} = {n} missing"));
                }
            }
            // Rt is written by loads, MRS, SYSL, LD<op> and SWP, read by everything else.
            if let Some(rt) = field(row, word, "rt").filter(|&n| n != 31) {
                let written =
                    matches!(class, Load | SysRead) || matches!(row.name, "LdAtomic" | "Swp");
                let regs = if written { &o.dst[..] } else { &o.src[..] };
                if !regs.contains(&rt) {
                    return Err(format!("rt = {rt} missing"));
                }
            }
            // Rt2 of a pair is written by loads, read by stores (the exclusive and ordered
            // rows have an ignored Rt2 field).
            if let Some(rt2) = field(row, word, "rt2").filter(|&n| n != 31) {
                let regs = match (class, row.name) {
                    (_, "LdStExcl" | "LdStOrdered") => None,
                    (Load, _) => Some(&o.dst[..]),
                    _ => Some(&o.src[..]),
                };
                if regs.is_some_and(|r| !r.contains(&rt2)) {
                    return Err(format!("rt2 = {rt2} missing"));
                }
            }
            // Rs: the status register of a store-exclusive (written), the operand of the
            // atomics (read; CAS and CASP also write it); loads and LDAR ignore it.
            if let Some(rs) = field(row, word, "rs").filter(|&n| n != 31) {
                let ok = match (class, row.name) {
                    (_, "LdStOrdered") | (Load, _) => true,
                    (Store, _) => o.dst.contains(&rs),
                    (_, "Cas" | "Casp") => o.src.contains(&rs) && o.dst.contains(&rs),
                    _ => o.src.contains(&rs),
                };
                if !ok {
                    return Err(format!("rs = {rs} missing"));
                }
            }
        }
        // Base writeback (idx 01 post-index and 11 pre-index, W of LDRAA): the base is
        // written exactly then, unless it is also a loaded or status register (or Rs+1 of
        // CASP), in the slot after the loaded registers (the first slot of a store).
        if class.is_memory() {
            if let Some(rn) = field(row, word, "rn") {
                let wback = field(row, word, "idx").is_some_and(|idx| idx & 1 != 0)
                    || (row.name == "Ldra" && field(row, word, "w") == Some(1));
                let rs1 = field(row, word, "rs")
                    .filter(|_| row.name == "Casp")
                    .map(|n| n + 1);
                let also = ["rt", "rt2", "rs"].map(|f| field(row, word, f));
                let slot = match class {
                    Load if field(row, word, "rt2").is_some() => 2,
                    Load => 1,
                    _ => 0,
                };
                if wback && o.dst[slot] != rn {
                    return Err(format!("no writeback of rn = {rn} in dst[{slot}]"));
                }
                if !wback && o.dst.contains(&rn) && !also.contains(&Some(rn)) && rs1 != Some(rn) {
                    return Err(format!("writeback of rn = {rn}"));
                }
            }
        }
        Ok(())
    }

    /// A small deterministic generator (xorshift64*).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u32 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 32) as u32
        }
    }

    #[test]
    fn timing_op_invariants_over_the_encoding_table() {
        const TRIES: usize = 3000;
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut seen = std::collections::HashSet::new();
        for row in ENCODINGS {
            let mut hits = 0;
            for _ in 0..TRIES {
                let word = row.value | (rng.next() & !row.mask);
                if row.guard.is_some_and(|g| !g(word)) {
                    continue;
                }
                let insn = decode(word);
                let o = timing_op(&insn);
                if row.kind != RowKind::Insn {
                    if matches!(insn, Insn::Unallocated | Insn::Unimplemented(_)) {
                        hits += 1;
                        assert_eq!(o, Op::new(ExceptionGen), "{} {word:#010x}", row.source);
                    }
                    continue;
                }
                if insn.name() != row.name {
                    // An earlier, more specific row (or an unallocated hole) won.
                    continue;
                }
                hits += 1;
                seen.insert(o.class);
                if let Err(e) = check(row, word, &o) {
                    panic!("{} ({}) {word:#010x}: {e}: {o:?}", row.name, row.source);
                }
            }
            assert!(
                hits > 0,
                "{}: no random word decodes to the row",
                row.source
            );
        }
        for class in OpClass::ALL {
            assert!(seen.contains(&class), "no row gives {class:?}");
        }
    }
}
