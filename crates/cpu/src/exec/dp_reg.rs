//! Data processing -- register (Arm ARM C4.1.89): add/subtract (shifted, extended, with
//! carry), logical (shifted), conditional compare and select, 1- and 2-source operations
//! (bit/byte reverse, count leading, divide, variable shifts, CRC32), 3-source multiplies,
//! and the FEAT_FlagM RMIF/SETF8/SETF16.
//!
//! 32-bit forms compute on the low 32 bits of their operands and write the zero-extended
//! result. Every shift amount is reduced to the operand width before it reaches a Rust
//! shift, so no guest value can make a handler panic. The PAuth rows are UNDEFINED (a64sim
//! implements no pointer authentication) and the MTE rows stop the run as not implemented.

use super::{add_with_carry, logical_flags, Exec, ExecResult, Flow};
use crate::memory::Platform;
use a64sim_isa::*;

/// `x` truncated to the operation width: 64 bits when `sf`, else the low 32.
#[inline(always)]
fn width(x: u64, sf: bool) -> u64 {
    if sf {
        x
    } else {
        x & 0xffff_ffff
    }
}

/// ShiftReg() (Arm ARM J1): `x` shifted by `shift` type (LSL, LSR, ASR, ROR) and `amount`
/// at the operation width. The encodings keep `amount` below the width; it is masked anyway.
#[inline(always)]
fn shift_reg(x: u64, shift: u8, amount: u32, sf: bool) -> u64 {
    if sf {
        match shift & 3 {
            0 => x.wrapping_shl(amount),
            1 => x.wrapping_shr(amount),
            2 => (x as i64).wrapping_shr(amount) as u64,
            _ => x.rotate_right(amount),
        }
    } else {
        let w = x as u32;
        (match shift & 3 {
            0 => w.wrapping_shl(amount),
            1 => w.wrapping_shr(amount),
            2 => (w as i32).wrapping_shr(amount) as u32,
            _ => w.rotate_right(amount),
        }) as u64
    }
}

/// ExtendReg() (Arm ARM J1): the low 8 << option<1:0> bits of `x`, sign-extended when
/// option<2> is set, shifted left by `shift` (at most 4). The caller truncates to the width.
#[inline(always)]
fn extend_reg(x: u64, option: u8, shift: u8) -> u64 {
    // Move the source field to the top, then back down with a logical or arithmetic shift.
    let unused = 64 - (8u32 << (option & 3));
    let top = x << unused;
    let v = if option & 4 != 0 {
        ((top as i64) >> unused) as u64
    } else {
        top >> unused
    };
    v << (shift & 7)
}

/// CountLeadingSignBits() (Arm ARM J1) of `x` at the operation width: the number of bits
/// below the top one that equal it.
#[inline(always)]
fn count_leading_sign_bits(x: u64, sf: bool) -> u64 {
    // x<N-1:1> EOR x<N-2:0> is an (N-1)-bit value whose leading zeros are the answer; as an
    // N-bit value with a zero top bit it has one more.
    if sf {
        let s = x as i64;
        ((s ^ (s >> 1)) as u64).leading_zeros() as u64 - 1
    } else {
        let s = x as i32;
        ((s ^ (s >> 1)) as u32).leading_zeros() as u64 - 1
    }
}

/// Builds the byte-at-a-time table of a reflected CRC-32 with reflected polynomial `rpoly`.
const fn crc_table(rpoly: u32) -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { (c >> 1) ^ rpoly } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
}

/// CRC32 table: polynomial 0x04C11DB7, bit-reversed (0xEDB88320).
static CRC32_TABLE: [u32; 256] = crc_table(0x04C1_1DB7u32.reverse_bits());
/// CRC32C table: polynomial 0x1EDC6F41 (Castagnoli), bit-reversed (0x82F63B78).
static CRC32C_TABLE: [u32; 256] = crc_table(0x1EDC_6F41u32.reverse_bits());

/// The CRC32/CRC32C pseudocode (Arm ARM C6.2 CRC32B): BitReverse(Poly32Mod2(
/// BitReverse(acc):Zeros(size) EOR BitReverse(val):Zeros(32), poly)). Reversing every
/// operand makes this the reflected CRC, consumed least significant byte first, with no
/// initial or final inversion (software applies those around a chain of instructions).
#[inline(always)]
fn crc32(table: &[u32; 256], mut acc: u32, val: u64, bytes: u32) -> u32 {
    let mut v = val;
    for _ in 0..bytes {
        acc = table[((acc ^ v as u32) & 0xff) as usize] ^ (acc >> 8);
        v >>= 8;
    }
    acc
}

/// CCMN/CCMP (Arm ARM C6.2): if `cond` holds for the flags `cur`, the flags of `x + y`
/// (CCMN) or `x - y` (CCMP), else the immediate `nzcv`.
#[inline(always)]
fn cond_cmp(cur: u8, sf: bool, sub: bool, cond: u8, x: u64, y: u64, nzcv: u8) -> u8 {
    if Cond(cond & 15).holds(cur) {
        let y = if sub { !y } else { y };
        add_with_carry(x, y, sub, sf).1
    } else {
        nzcv & 15
    }
}

impl<P: Platform> DpRegVisitor for Exec<'_, P> {
    fn subp(&mut self, i: Subp) -> ExecResult {
        // SUBP, SUBPS (CMPP): the difference of the two 56-bit addresses, sign-extended;
        // SUBPS sets NZCV as a 64-bit SUBS of the extended operands.
        if self.pe.mte_level() == 0 {
            return self.undefined();
        }
        let (x, y) = (self.pe.st.xs(i.rn), self.pe.st.xs(i.rm));
        let r = a64sim_tags::subp(x, y);
        if i.s {
            let (sx, sy) = (a64sim_tags::subp(x, 0), a64sim_tags::subp(y, 0));
            self.pe.st.pstate.nzcv = add_with_carry(sx, !sy, true, true).1;
        }
        self.pe.st.set_xr(i.rd, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn div(&mut self, i: Div) -> ExecResult {
        // UDIV, SDIV (Arm ARM C6.2): a zero divisor gives 0 and the quotient rounds toward
        // zero; the signed overflow INT_MIN / -1 wraps to INT_MIN. Neither traps.
        let (x, y) = (self.pe.st.xr(i.rn), self.pe.st.xr(i.rm));
        let r = match (i.sf, i.o1) {
            (true, false) => x.checked_div(y).unwrap_or(0),
            (true, true) => {
                let (x, y) = (x as i64, y as i64);
                if y == 0 {
                    0
                } else {
                    x.wrapping_div(y) as u64
                }
            }
            (false, false) => (x as u32).checked_div(y as u32).unwrap_or(0) as u64,
            (false, true) => {
                let (x, y) = (x as i32, y as i32);
                if y == 0 {
                    0
                } else {
                    x.wrapping_div(y) as u32 as u64
                }
            }
        };
        self.pe.st.set_xr(i.rd, r);
        Ok(Flow::Next)
    }

    fn irg(&mut self, i: Irg) -> ExecResult {
        // IRG: Xd = Xn with a random tag that GCR_EL1.Exclude and Xm[15:0] allow; tag 0
        // when allocation-tag access is disabled (ARCH.md §4.5).
        if self.pe.mte_level() == 0 {
            return self.undefined();
        }
        let xn = self.pe.st.xs(i.rn);
        let tag = if self.pe.xlat.tag_access {
            self.random_allocation_tag(self.pe.st.xr(i.rm) as u16)
        } else {
            0
        };
        self.pe.st.set_xs(i.rd, a64sim_tags::with_tag(xn, tag));
        Ok(Flow::Next)
    }

    fn gmi(&mut self, i: Gmi) -> ExecResult {
        // GMI: Xd = Xm with the bit of Xn's tag set (no enable check).
        if self.pe.mte_level() == 0 {
            return self.undefined();
        }
        let r = a64sim_tags::gmi(self.pe.st.xs(i.rn), self.pe.st.xr(i.rm));
        self.pe.st.set_xr(i.rd, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn shift_var(&mut self, i: ShiftVar) -> ExecResult {
        // LSLV, LSRV, ASRV, RORV (Arm ARM C6.2): the amount is Rm modulo the width.
        let amount = (self.pe.st.xr(i.rm) & if i.sf { 63 } else { 31 }) as u32;
        let r = shift_reg(self.pe.st.xr(i.rn), i.op2, amount, i.sf);
        self.pe.st.set_xr(i.rd, r);
        Ok(Flow::Next)
    }

    #[cold]
    fn pacga(&mut self, _i: Pacga) -> ExecResult {
        // FEAT_PAuth is not implemented (ID_AA64ISAR1_EL1.GPA = 0): PACGA is UNDEFINED.
        self.undefined()
    }

    #[inline(always)]
    fn crc32(&mut self, i: Crc32) -> ExecResult {
        // CRC32B/H/W/X, CRC32CB/CH/CW/CX (Arm ARM C6.2, FEAT_CRC32): Wd = CRC of the low
        // 8 << sz bits of Rm into the accumulator Wn.
        let table = if i.c { &CRC32C_TABLE } else { &CRC32_TABLE };
        let acc = self.pe.st.xr(i.rn) as u32;
        let r = crc32(table, acc, self.pe.st.xr(i.rm), 1 << (i.sz & 3));
        self.pe.st.set_xr(i.rd, r as u64);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn rbit(&mut self, i: Rbit) -> ExecResult {
        // RBIT (Arm ARM C6.2).
        let x = self.pe.st.xr(i.rn);
        let r = if i.sf {
            x.reverse_bits()
        } else {
            (x as u32).reverse_bits() as u64
        };
        self.pe.st.set_xr(i.rd, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn rev(&mut self, i: Rev) -> ExecResult {
        // REV16, REV32, REV (Arm ARM C6.2): reverse the bytes of each 16 << opc bit container.
        let x = self.pe.st.xr(i.rn);
        let r = match (i.opc, i.sf) {
            (1, _) => {
                let m = 0x00ff_00ff_00ff_00ff;
                width(((x >> 8) & m) | ((x & m) << 8), i.sf)
            }
            (2, true) => x.swap_bytes().rotate_left(32),
            (2, false) => (x as u32).swap_bytes() as u64,
            (3, true) => x.swap_bytes(),
            // opc = 00 is RBIT and a 32-bit opc = 11 is unallocated: the decoder sends
            // neither here.
            _ => return self.undefined(),
        };
        self.pe.st.set_xr(i.rd, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn count_leading(&mut self, i: CountLeading) -> ExecResult {
        // CLZ, CLS (Arm ARM C6.2): CountLeadingZeroBits(), CountLeadingSignBits().
        let x = self.pe.st.xr(i.rn);
        let r = match (i.op, i.sf) {
            (false, true) => x.leading_zeros() as u64,
            (false, false) => (x as u32).leading_zeros() as u64,
            (true, sf) => count_leading_sign_bits(x, sf),
        };
        self.pe.st.set_xr(i.rd, r);
        Ok(Flow::Next)
    }

    #[cold]
    fn pac_aut(&mut self, _i: PacAut) -> ExecResult {
        // FEAT_PAuth is not implemented (ID_AA64ISAR1_EL1.APA = API = 0): PAC*/AUT* outside
        // the hint space are UNDEFINED.
        self.undefined()
    }

    #[cold]
    fn pac_aut_zero(&mut self, _i: PacAutZero) -> ExecResult {
        // FEAT_PAuth is not implemented: PAC*Z*/AUT*Z* are UNDEFINED.
        self.undefined()
    }

    #[cold]
    fn xpac(&mut self, _i: Xpac) -> ExecResult {
        // FEAT_PAuth is not implemented: XPACD/XPACI are UNDEFINED (XPACLRI is a hint).
        self.undefined()
    }

    #[inline(always)]
    fn logical_shift(&mut self, i: LogicalShift) -> ExecResult {
        // AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS (shifted register) (Arm ARM C6.2).
        let y = shift_reg(self.pe.st.xr(i.rm), i.shift, i.imm6 as u32, i.sf);
        let y = if i.n { !y } else { y };
        let x = self.pe.st.xr(i.rn);
        let r = match i.opc & 3 {
            0 => x & y,
            1 => x | y,
            2 => x ^ y,
            _ => {
                let r = x & y;
                self.pe.st.pstate.nzcv = logical_flags(r, i.sf);
                r
            }
        };
        self.set_xr_w(i.rd, i.sf, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn add_sub_shift(&mut self, i: AddSubShift) -> ExecResult {
        // ADD, ADDS, SUB, SUBS (shifted register) (Arm ARM C6.2): every register is XZR-based.
        let x = self.pe.st.xr(i.rn);
        let y = shift_reg(self.pe.st.xr(i.rm), i.shift, i.imm6 as u32, i.sf);
        let r = if i.s {
            let (r, nzcv) = if i.op {
                add_with_carry(x, !y, true, i.sf)
            } else {
                add_with_carry(x, y, false, i.sf)
            };
            self.pe.st.pstate.nzcv = nzcv;
            r
        } else if i.op {
            x.wrapping_sub(y)
        } else {
            x.wrapping_add(y)
        };
        self.set_xr_w(i.rd, i.sf, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn add_sub_ext(&mut self, i: AddSubExt) -> ExecResult {
        // ADD, SUB (extended register): Rn and Rd may be SP; a 32-bit result written to WSP
        // is zero-extended like any other.
        let x = self.pe.st.xs(i.rn);
        let y = extend_reg(self.pe.st.xr(i.rm), i.option, i.imm3);
        let r = if i.op {
            x.wrapping_sub(y)
        } else {
            x.wrapping_add(y)
        };
        self.pe.st.set_xs(i.rd, width(r, i.sf));
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn add_sub_ext_s(&mut self, i: AddSubExtS) -> ExecResult {
        // ADDS, SUBS (extended register): Rn may be SP, Rd = 31 is XZR (CMN/CMP).
        let x = self.pe.st.xs(i.rn);
        let y = extend_reg(self.pe.st.xr(i.rm), i.option, i.imm3);
        let (r, nzcv) = if i.op {
            add_with_carry(x, !y, true, i.sf)
        } else {
            add_with_carry(x, y, false, i.sf)
        };
        self.pe.st.pstate.nzcv = nzcv;
        self.set_xr_w(i.rd, i.sf, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn add_sub_carry(&mut self, i: AddSubCarry) -> ExecResult {
        // ADC, ADCS, SBC, SBCS (Arm ARM C6.2): x + y + C, with y = NOT(Rm) to subtract.
        let x = self.pe.st.xr(i.rn);
        let y = self.pe.st.xr(i.rm);
        let y = if i.op { !y } else { y };
        let c = self.pe.st.pstate.nzcv & 2 != 0;
        let (r, nzcv) = add_with_carry(x, y, c, i.sf);
        if i.s {
            self.pe.st.pstate.nzcv = nzcv;
        }
        self.set_xr_w(i.rd, i.sf, r);
        Ok(Flow::Next)
    }

    fn rmif(&mut self, i: Rmif) -> ExecResult {
        // RMIF (Arm ARM C6.2, FEAT_FlagM): rotate Xn right by imm6 and copy bits 3..0 into
        // N, Z, C, V where the mask bit is set.
        let bits = self.pe.st.xr(i.rn).rotate_right(i.imm6 as u32 & 63) as u8 & 15;
        let mask = i.mask & 15;
        let nzcv = (self.pe.st.pstate.nzcv & !mask) | (bits & mask);
        self.pe.st.pstate.nzcv = nzcv;
        Ok(Flow::Next)
    }

    fn setf(&mut self, i: Setf) -> ExecResult {
        // SETF8, SETF16 (Arm ARM C6.2, FEAT_FlagM): with msb = 7 or 15, N = Wn<msb>,
        // Z = IsZero(Wn<msb:0>), V = Wn<msb+1> EOR Wn<msb>; C is unchanged.
        let x = self.pe.st.xr(i.rn);
        let msb = if i.sz { 15 } else { 7 };
        let n = (x >> msb) & 1;
        let z = (x & ((2 << msb) - 1) == 0) as u64;
        let v = ((x >> (msb + 1)) & 1) ^ n;
        let c = self.pe.st.pstate.nzcv & 2;
        self.pe.st.pstate.nzcv = ((n << 3) | (z << 2) | v) as u8 | c;
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn cond_cmp_reg(&mut self, i: CondCmpReg) -> ExecResult {
        let (x, y) = (self.pe.st.xr(i.rn), self.pe.st.xr(i.rm));
        let cur = self.pe.st.pstate.nzcv;
        self.pe.st.pstate.nzcv = cond_cmp(cur, i.sf, i.op, i.cond, x, y, i.nzcv);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn cond_cmp_imm(&mut self, i: CondCmpImm) -> ExecResult {
        let x = self.pe.st.xr(i.rn);
        let cur = self.pe.st.pstate.nzcv;
        self.pe.st.pstate.nzcv = cond_cmp(cur, i.sf, i.op, i.cond, x, i.imm5 as u64, i.nzcv);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn cond_sel(&mut self, i: CondSel) -> ExecResult {
        // CSEL, CSINC, CSINV, CSNEG (Arm ARM C6.2): Rn if the condition holds, else Rm,
        // inverted when op = 1, then incremented when o2 = 1 (both: NOT(x) + 1 = -x).
        let r = if Cond(i.cond & 15).holds(self.pe.st.pstate.nzcv) {
            self.pe.st.xr(i.rn)
        } else {
            let y = self.pe.st.xr(i.rm);
            let y = if i.op { !y } else { y };
            y.wrapping_add(i.o2 as u64)
        };
        self.set_xr_w(i.rd, i.sf, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn mul_add(&mut self, i: MulAdd) -> ExecResult {
        // MADD, MSUB: the low bits of a product do not depend on signedness.
        let p = self.pe.st.xr(i.rn).wrapping_mul(self.pe.st.xr(i.rm));
        let a = self.pe.st.xr(i.ra);
        let r = if i.o0 {
            a.wrapping_sub(p)
        } else {
            a.wrapping_add(p)
        };
        self.set_xr_w(i.rd, i.sf, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn mul_add_long(&mut self, i: MulAddLong) -> ExecResult {
        // SMADDL, SMSUBL, UMADDL, UMSUBL: Wn * Wm extended to 64 bits, then Xa +/- product
        // modulo 2^64.
        let (x, y) = (self.pe.st.xr(i.rn), self.pe.st.xr(i.rm));
        let p = if i.u {
            (x as u32 as u64).wrapping_mul(y as u32 as u64)
        } else {
            (x as i32 as i64).wrapping_mul(y as i32 as i64) as u64
        };
        let a = self.pe.st.xr(i.ra);
        let r = if i.o0 {
            a.wrapping_sub(p)
        } else {
            a.wrapping_add(p)
        };
        self.pe.st.set_xr(i.rd, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn mul_high(&mut self, i: MulHigh) -> ExecResult {
        // SMULH, UMULH: bits 127..64 of the 128-bit product. Ra is a "should be one" field;
        // QEMU makes other values UNDEFINED (an allowed CONSTRAINED UNPREDICTABLE choice).
        if i.ra != 31 {
            return self.undefined();
        }
        let (x, y) = (self.pe.st.xr(i.rn), self.pe.st.xr(i.rm));
        let r = if i.u {
            ((x as u128 * y as u128) >> 64) as u64
        } else {
            ((x as i64 as i128 * y as i64 as i128) >> 64) as u64
        };
        self.pe.st.set_xr(i.rd, r);
        Ok(Flow::Next)
    }
}

#[cfg(test)]
mod tests {
    //! Instruction words come from GNU as (`aarch64-linux-gnu-as
    //! -march=armv8.5-a+crc+flagm+memtag+pauth`, then `aarch64-linux-gnu-objdump -d`); the
    //! assembly is next to each word. Expected values are worked out from the Arm ARM rules
    //! by hand, or by a straightforward reference written here (casts, i128/u128 arithmetic,
    //! the condition table of C1.2.4).

    use crate::exception::{banked, Banked};
    use crate::run::Cpu;
    use crate::testutil::{machine, run_words, step, CODE};
    use a64sim_arch::El;
    use proptest::prelude::*;

    const N: u8 = 8;
    const Z: u8 = 4;
    const C: u8 = 2;
    const V: u8 = 1;
    const MIN: u64 = 1 << 63;
    const SMAX: u64 = MIN - 1;
    const MAX: u64 = u64::MAX;
    /// Junk for the upper half of registers that 32-bit forms must ignore.
    const G: u64 = 0xdead_beef_0000_0000;

    /// Runs `words` after setting X registers `regs` and the flags `nzcv`.
    fn run(words: &[u32], regs: &[(usize, u64)], nzcv: u8) -> Cpu {
        run_words(words, |cpu, _| {
            for &(r, v) in regs {
                cpu.pe.st.x[r] = v;
            }
            cpu.pe.st.pstate.nzcv = nzcv;
        })
        .0
    }

    /// One instruction with X1 = `a`, X2 = `b` and flags `nzcv`: returns X0 and the flags.
    fn op2(word: u32, a: u64, b: u64, nzcv: u8) -> (u64, u8) {
        let cpu = run(&[word], &[(1, a), (2, b)], nzcv);
        (cpu.pe.st.x[0], cpu.pe.st.pstate.nzcv)
    }

    /// Runs one instruction with SP = `sp` and X registers `regs`: returns the PE.
    fn run_sp(word: u32, sp: u64, regs: &[(usize, u64)]) -> Cpu {
        run_words(&[word], |cpu, _| {
            cpu.pe.st.set_sp(sp);
            for &(r, v) in regs {
                cpu.pe.st.x[r] = v;
            }
        })
        .0
    }

    /// The condition table of Arm ARM C1.2.4, row by row.
    fn arm_condition(cond: usize, nzcv: u8) -> bool {
        let (n, z, c, v) = (nzcv & N != 0, nzcv & Z != 0, nzcv & C != 0, nzcv & V != 0);
        match cond {
            0 => z,             // EQ
            1 => !z,            // NE
            2 => c,             // CS
            3 => !c,            // CC
            4 => n,             // MI
            5 => !n,            // PL
            6 => v,             // VS
            7 => !v,            // VC
            8 => c && !z,       // HI
            9 => !c || z,       // LS
            10 => n == v,       // GE
            11 => n != v,       // LT
            12 => !z && n == v, // GT
            13 => z || n != v,  // LE
            _ => true,          // AL, NV
        }
    }

    // ---------------------------------------------------------------- add/sub shifted

    #[test]
    fn adds_subs_flags_at_the_carry_and_overflow_boundaries() {
        const ADDS: u32 = 0xab02_0020; // adds x0, x1, x2
        const SUBS: u32 = 0xeb02_0020; // subs x0, x1, x2
        const ADDS_W: u32 = 0x2b02_0020; // adds w0, w1, w2
        const SUBS_W: u32 = 0x6b02_0020; // subs w0, w1, w2
        for (w, a, b, r, f) in [
            (ADDS, SMAX, 1, MIN, N | V),
            (ADDS, MAX, 1, 0, Z | C),
            (ADDS, MIN, MIN, 0, Z | C | V),
            (ADDS, MAX, MAX, MAX - 1, N | C),
            (ADDS, 1, 2, 3, 0),
            (SUBS, 0, 1, MAX, N),
            (SUBS, MIN, 1, SMAX, C | V),
            (SUBS, 5, 5, 0, Z | C),
            (SUBS, SMAX, MAX, MIN, N | V),
            (SUBS, 7, 3, 4, C),
            (ADDS_W, G | 0x7fff_ffff, G | 1, 0x8000_0000, N | V),
            (ADDS_W, G | 0xffff_ffff, G | 1, 0, Z | C),
            (ADDS_W, G | 0x8000_0000, G | 0x8000_0000, 0, Z | C | V),
            (ADDS_W, G | 0xffff_ffff, G | 0xffff_ffff, 0xffff_fffe, N | C),
            (SUBS_W, G, G | 1, 0xffff_ffff, N),
            (SUBS_W, G | 0x8000_0000, G | 1, 0x7fff_ffff, C | V),
            (SUBS_W, G | 0x7fff_ffff, G | 0xffff_ffff, 0x8000_0000, N | V),
            (SUBS_W, G | 5, 5, 0, Z | C),
        ] {
            // Start from the complement so every flag must be written.
            assert_eq!(op2(w, a, b, !f & 15), (r, f), "{w:#010x} {a:#x} {b:#x}");
        }
    }

    #[test]
    fn shifted_register_operands() {
        let x = 0x8123_4567_89ab_cdef;
        let xw = 0xffff_ffff_8123_4567;
        for (w, a, b, r) in [
            (0x8b02_0020, 0, x, x),                     // add x0, x1, x2
            (0x8b02_fc20, 0, x, MIN),                   // add x0, x1, x2, lsl #63
            (0x8b42_fc20, 0, x, 1),                     // add x0, x1, x2, lsr #63
            (0x8b82_fc20, 0, x, MAX),                   // add x0, x1, x2, asr #63
            (0x8b82_1020, 0, x, 0xf812_3456_789a_bcde), // add x0, x1, x2, asr #4
            (0x8b42_1020, 0, x, 0x0812_3456_789a_bcde), // add x0, x1, x2, lsr #4
            (0x8b02_1020, 0, x, 0x1234_5678_9abc_def0), // add x0, x1, x2, lsl #4
            (0xcb02_0420, 0, x, 0xfdb9_7530_eca8_6422), // sub x0, x1, x2, lsl #1
            (0x0b02_0020, G, xw, 0x8123_4567),          // add w0, w1, w2
            (0x0b02_7c20, G, xw, 0x8000_0000),          // add w0, w1, w2, lsl #31
            (0x0b42_7c20, G, xw, 1),                    // add w0, w1, w2, lsr #31
            (0x0b82_7c20, G, xw, 0xffff_ffff),          // add w0, w1, w2, asr #31
            (0x0b82_1020, G, xw, 0xf812_3456),          // add w0, w1, w2, asr #4
            (0x4b02_03e0, G, xw, 0x7edc_ba99),          // neg w0, w2
            (0x8b02_03e0, 0x55, xw, xw),                // add x0, xzr, x2
        ] {
            // The non-flag-setting forms leave NZCV alone.
            assert_eq!(op2(w, a, b, N | C), (r, N | C), "{w:#010x}");
        }
        // adds x0, x1, x2, asr #63: 1 + (-1).
        assert_eq!(op2(0xab82_fc20, 1, MIN, N), (0, Z | C));
        // subs w0, w1, w2, lsr #1: 0x4000_0000 - 0x4000_0000.
        assert_eq!(
            op2(0x6b42_0420, G | 0x4000_0000, G | 0x8000_0000, N),
            (0, Z | C)
        );
    }

    #[test]
    fn register_31_is_the_zero_register_in_shifted_forms() {
        // add x0, xzr, x2: Rn = 31 reads zero, not SP.
        let cpu = run_sp(0x8b02_03e0, 0x5000, &[(2, 7)]);
        assert_eq!(cpu.pe.st.x[0], 7);
        // cmp x1, x2 (subs xzr, x1, x2): Rd = 31 discards the result and leaves SP alone.
        let cpu = run_sp(0xeb02_003f, 0x5000, &[(1, 9), (2, 9)]);
        assert_eq!(cpu.pe.st.pstate.nzcv, Z | C);
        assert_eq!(cpu.pe.st.sp(), 0x5000);
        assert_eq!(cpu.pe.st.x[31], 0);
    }

    // ---------------------------------------------------------------- add/sub extended

    /// ADD (extended register), every extend (rows: UXTB..SXTX) and shift 0..=4 (columns).
    #[rustfmt::skip]
    const ADD_X_EXT: [[u32; 5]; 8] = [
        [0x8b22_0020, 0x8b22_0420, 0x8b22_0820, 0x8b22_0c20, 0x8b22_1020], // add x0, x1, w2, uxtb #0..=4
        [0x8b22_2020, 0x8b22_2420, 0x8b22_2820, 0x8b22_2c20, 0x8b22_3020], // add x0, x1, w2, uxth #0..=4
        [0x8b22_4020, 0x8b22_4420, 0x8b22_4820, 0x8b22_4c20, 0x8b22_5020], // add x0, x1, w2, uxtw #0..=4
        [0x8b22_6020, 0x8b22_6420, 0x8b22_6820, 0x8b22_6c20, 0x8b22_7020], // add x0, x1, x2, uxtx #0..=4
        [0x8b22_8020, 0x8b22_8420, 0x8b22_8820, 0x8b22_8c20, 0x8b22_9020], // add x0, x1, w2, sxtb #0..=4
        [0x8b22_a020, 0x8b22_a420, 0x8b22_a820, 0x8b22_ac20, 0x8b22_b020], // add x0, x1, w2, sxth #0..=4
        [0x8b22_c020, 0x8b22_c420, 0x8b22_c820, 0x8b22_cc20, 0x8b22_d020], // add x0, x1, w2, sxtw #0..=4
        [0x8b22_e020, 0x8b22_e420, 0x8b22_e820, 0x8b22_ec20, 0x8b22_f020], // add x0, x1, x2, sxtx #0..=4
    ];
    #[rustfmt::skip]
    const ADD_W_EXT: [[u32; 5]; 8] = [
        [0x0b22_0020, 0x0b22_0420, 0x0b22_0820, 0x0b22_0c20, 0x0b22_1020], // add w0, w1, w2, uxtb #0..=4
        [0x0b22_2020, 0x0b22_2420, 0x0b22_2820, 0x0b22_2c20, 0x0b22_3020], // add w0, w1, w2, uxth #0..=4
        [0x0b22_4020, 0x0b22_4420, 0x0b22_4820, 0x0b22_4c20, 0x0b22_5020], // add w0, w1, w2, uxtw #0..=4
        [0x0b22_6020, 0x0b22_6420, 0x0b22_6820, 0x0b22_6c20, 0x0b22_7020], // add w0, w1, w2, uxtx #0..=4
        [0x0b22_8020, 0x0b22_8420, 0x0b22_8820, 0x0b22_8c20, 0x0b22_9020], // add w0, w1, w2, sxtb #0..=4
        [0x0b22_a020, 0x0b22_a420, 0x0b22_a820, 0x0b22_ac20, 0x0b22_b020], // add w0, w1, w2, sxth #0..=4
        [0x0b22_c020, 0x0b22_c420, 0x0b22_c820, 0x0b22_cc20, 0x0b22_d020], // add w0, w1, w2, sxtw #0..=4
        [0x0b22_e020, 0x0b22_e420, 0x0b22_e820, 0x0b22_ec20, 0x0b22_f020], // add w0, w1, w2, sxtx #0..=4
    ];
    #[rustfmt::skip]
    const SUB_X_EXT: [[u32; 5]; 8] = [
        [0xcb22_0020, 0xcb22_0420, 0xcb22_0820, 0xcb22_0c20, 0xcb22_1020], // sub x0, x1, w2, uxtb #0..=4
        [0xcb22_2020, 0xcb22_2420, 0xcb22_2820, 0xcb22_2c20, 0xcb22_3020], // sub x0, x1, w2, uxth #0..=4
        [0xcb22_4020, 0xcb22_4420, 0xcb22_4820, 0xcb22_4c20, 0xcb22_5020], // sub x0, x1, w2, uxtw #0..=4
        [0xcb22_6020, 0xcb22_6420, 0xcb22_6820, 0xcb22_6c20, 0xcb22_7020], // sub x0, x1, x2, uxtx #0..=4
        [0xcb22_8020, 0xcb22_8420, 0xcb22_8820, 0xcb22_8c20, 0xcb22_9020], // sub x0, x1, w2, sxtb #0..=4
        [0xcb22_a020, 0xcb22_a420, 0xcb22_a820, 0xcb22_ac20, 0xcb22_b020], // sub x0, x1, w2, sxth #0..=4
        [0xcb22_c020, 0xcb22_c420, 0xcb22_c820, 0xcb22_cc20, 0xcb22_d020], // sub x0, x1, w2, sxtw #0..=4
        [0xcb22_e020, 0xcb22_e420, 0xcb22_e820, 0xcb22_ec20, 0xcb22_f020], // sub x0, x1, x2, sxtx #0..=4
    ];

    /// The extended operand before the shift, by Rust casts (UXTB..UXTX, SXTB..SXTX).
    fn extended(x: u64, ext: usize) -> u64 {
        match ext {
            0 => x as u8 as u64,
            1 => x as u16 as u64,
            2 => x as u32 as u64,
            4 => x as i8 as u64,
            5 => x as i16 as u64,
            6 => x as i32 as u64,
            _ => x,
        }
    }

    #[test]
    fn extended_register_every_extend_and_shift() {
        let a = 0x1000_0000_0000_0001u64;
        // Negative byte, halfword and word with a positive X, then the reverse.
        for b in [0x0123_4567_89ab_cdefu64, 0xfedc_ba98_7654_3210] {
            for ext in 0..8 {
                for sh in 0..5 {
                    let y = extended(b, ext) << sh;
                    let what = format!("ext {ext} shift {sh} b {b:#x}");
                    assert_eq!(
                        op2(ADD_X_EXT[ext][sh], a, b, 0).0,
                        a.wrapping_add(y),
                        "{what}"
                    );
                    assert_eq!(
                        op2(SUB_X_EXT[ext][sh], a, b, 0).0,
                        a.wrapping_sub(y),
                        "{what}"
                    );
                    let r = a.wrapping_add(y) & 0xffff_ffff;
                    assert_eq!(op2(ADD_W_EXT[ext][sh], a, b, 0).0, r, "W {what}");
                }
            }
        }
        // Worked by hand: 0xef as SXTB is -17, times 16 is -0x110.
        assert_eq!(
            op2(ADD_X_EXT[4][4], a, 0x89ab_cdef, 0).0,
            0x0fff_ffff_ffff_fef1
        );
        // 0xcdef as SXTH is -0x3211; times 8, plus 1, at 32 bits.
        assert_eq!(op2(ADD_W_EXT[5][3], a, 0x89ab_cdef, 0).0, 0xfffe_6f79);
        // add x0, x1, x2, sxtx #4: the bits shifted out are lost.
        assert_eq!(op2(0x8b22_f020, 0, 0xf000_0000_0000_0001, 0).0, 0x10);
    }

    #[test]
    fn extended_register_flags() {
        for (w, a, b, r, f) in [
            (0xab22_c020, 1, 0xffff_ffff, 0, Z | C), // adds x0, x1, w2, sxtw
            (0xeb22_0020, 0, 0x1ff, 0xffff_ffff_ffff_ff01, N), // subs x0, x1, w2, uxtb
            (0x6b22_a020, G, 0x8000, 0x8000, 0),     // subs w0, w1, w2, sxth
            (0xab22_c03f, 1, 0xffff_ffff, 0, Z | C), // cmn x1, w2, sxtw (X0 untouched)
        ] {
            assert_eq!(op2(w, a, b, !f & 15), (r, f), "{w:#010x}");
        }
    }

    #[test]
    fn extended_register_sp_operands() {
        // add x0, sp, w1, uxtw #4
        let cpu = run_sp(0x8b21_53e0, 0x1000, &[(1, 0xffff_ffff_0000_0002)]);
        assert_eq!(cpu.pe.st.x[0], 0x1020);
        // add x0, sp, x1 (the UXTX form, written LSL)
        let cpu = run_sp(0x8b21_63e0, 0x1000, &[(1, 5)]);
        assert_eq!(cpu.pe.st.x[0], 0x1005);
        // sub sp, x2, w1, sxtb #2: 0x2000 - (-1 << 2)
        let cpu = run_sp(0xcb21_885f, 0, &[(1, 0xff), (2, 0x2000)]);
        assert_eq!(cpu.pe.st.sp(), 0x2004);
        // add wsp, wsp, w1: a 32-bit result written to SP is zero-extended.
        let cpu = run_sp(0x0b21_43ff, 0xffff_ffff_0000_0010, &[(1, 0x20)]);
        assert_eq!(cpu.pe.st.sp(), 0x30);
        // cmp sp, x1: Rn = 31 is SP, Rd = 31 is XZR.
        let cpu = run_sp(0xeb21_63ff, 0x100, &[(1, 0x100)]);
        assert_eq!(cpu.pe.st.pstate.nzcv, Z | C);
        assert_eq!(cpu.pe.st.sp(), 0x100);
        // adds x0, sp, x1
        let cpu = run_sp(0xab21_63e0, 0x100, &[(1, 0xffff_ffff_ffff_ff00)]);
        assert_eq!(cpu.pe.st.x[0], 0);
        assert_eq!(cpu.pe.st.pstate.nzcv, Z | C);
    }

    // ---------------------------------------------------------------- ADC/SBC

    #[test]
    fn add_subtract_with_carry() {
        const ADC: u32 = 0x9a02_0020; // adc x0, x1, x2
        const ADCS: u32 = 0xba02_0020; // adcs x0, x1, x2
        const SBCS: u32 = 0xfa02_0020; // sbcs x0, x1, x2
        const ADCS_W: u32 = 0x3a02_0020; // adcs w0, w1, w2
        const SBCS_W: u32 = 0x7a02_0020; // sbcs w0, w1, w2
        const SBC_W: u32 = 0x5a02_0020; // sbc w0, w1, w2
        const NGC: u32 = 0xda02_03e0; // ngc x0, x2
        for (w, fin, a, b, r, f) in [
            (ADC, 0, 1, 2, 3, 0),
            (ADC, C, 1, 2, 4, C),
            (ADC, N | Z | V, 1, 2, 3, N | Z | V),
            (ADC, N | Z | C | V, MAX, 1, 1, N | Z | C | V),
            (ADCS, C, MAX, 0, 0, Z | C),
            (ADCS, C, SMAX, 0, MIN, N | V),
            (ADCS, 0, MAX, 0, MAX, N),
            (ADCS, C, MIN, MIN, 1, C | V),
            (ADCS, C, MAX, MAX, MAX, N | C),
            (SBCS, C, 5, 5, 0, Z | C),
            (SBCS, 0, 5, 5, MAX, N),
            (SBCS, 0, 0, 0, MAX, N),
            (SBCS, 0, MIN, 0, SMAX, C | V),
            (SBCS, C, MIN, 0, MIN, N | C),
            (ADCS_W, C, G | 0xffff_ffff, G, 0, Z | C),
            (ADCS_W, C | N, 0x7fff_ffff, 0, 0x8000_0000, N | V),
            (SBCS_W, 0, G | 0x8000_0000, G, 0x7fff_ffff, C | V),
            (SBC_W, 0, G, G, 0xffff_ffff, 0),
            (NGC, C, 0, 1, MAX, C),
            (NGC, 0, 0, 1, MAX - 1, 0),
        ] {
            assert_eq!(
                op2(w, a, b, fin),
                (r, f),
                "{w:#010x} C={} {a:#x} {b:#x}",
                fin & C
            );
        }
    }

    // ---------------------------------------------------------------- logical shifted

    #[test]
    fn logical_shifted_register_every_operation() {
        let (a, b) = (0xff00_ff00_f0f0_0f0f, 0x0123_4567_89ab_cdef);
        // (word, result, sets flags): results from a separate Python model of ShiftReg and
        // the operations (BIC/ORN/EON/BICS invert the shifted Rm).
        let rows: [(u32, u64, bool); 40] = [
            (0x8a02_1020, 0x1200_5600_90b0_0e00, false), // and x0, x1, x2, lsl #4
            (0x0a42_2020, 0x0000_0000_0080_0b0d, false), // and w0, w1, w2, lsr #8
            (0x8a82_f020, 0x0000_0000_0000_0000, false), // and x0, x1, x2, asr #60
            (0x0a82_7020, 0x0000_0000_f0f0_0f08, false), // and w0, w1, w2, asr #28
            (0x8ac2_fc20, 0x0200_8a00_1050_0b0e, false), // and x0, x1, x2, ror #63
            (0x0ac2_2020, 0x0000_0000_e080_0b0d, false), // and w0, w1, w2, ror #8
            (0x8a62_2020, 0xff00_dc00_9070_0402, false), // bic x0, x1, x2, lsr #8
            (0x0a22_1020, 0x0000_0000_6040_010f, false), // bic w0, w1, w2, lsl #4
            (0x8ae2_2020, 0x1000_dc00_9070_0402, false), // bic x0, x1, x2, ror #8
            (0x0ae2_7c20, 0x0000_0000_e0a0_0400, false), // bic w0, w1, w2, ror #31
            (0xaa02_1020, 0xff34_ff78_fafc_dfff, false), // orr x0, x1, x2, lsl #4
            (0x2a82_7020, 0x0000_0000_ffff_ffff, false), // orr w0, w1, w2, asr #28
            (0xaac2_fc20, 0xff46_ffcf_f3f7_9fdf, false), // orr x0, x1, x2, ror #63
            (0x2a42_2020, 0x0000_0000_f0f9_afcf, false), // orr w0, w1, w2, lsr #8
            (0xaaa2_f020, 0xffff_ffff_ffff_ffff, false), // orn x0, x1, x2, asr #60
            (0x2a22_1020, 0x0000_0000_f5f3_2f0f, false), // orn w0, w1, w2, lsl #4
            (0xaae2_2020, 0xfffe_ffba_f8f6_5f3f, false), // orn x0, x1, x2, ror #8
            (0x2ae2_7c20, 0x0000_0000_fcf8_6f2f, false), // orn w0, w1, w2, ror #31
            (0xca42_2020, 0xff01_dc45_9779_a4c2, false), // eor x0, x1, x2, lsr #8
            (0x4a82_7020, 0x0000_0000_0f0f_f0f7, false), // eor w0, w1, w2, asr #28
            (0xcac2_2020, 0x1001_dc45_9779_a4c2, false), // eor x0, x1, x2, ror #8
            (0x4ac2_7c20, 0x0000_0000_e3a7_94d0, false), // eor w0, w1, w2, ror #31
            (0xca22_1020, 0x12cb_5687_95b3_2e00, false), // eon x0, x1, x2, lsl #4
            (0x4a62_2020, 0x0000_0000_0f86_5b3d, false), // eon w0, w1, w2, lsr #8
            (0xcaa2_f020, 0x00ff_00ff_0f0f_f0f0, false), // eon x0, x1, x2, asr #60
            (0x4ae2_2020, 0x0000_0000_e086_5b3d, false), // eon w0, w1, w2, ror #8
            (0xea02_1020, 0x1200_5600_90b0_0e00, true),  // ands x0, x1, x2, lsl #4
            (0x6a02_1020, 0x0000_0000_90b0_0e00, true),  // ands w0, w1, w2, lsl #4
            (0xea82_f020, 0x0000_0000_0000_0000, true),  // ands x0, x1, x2, asr #60
            (0x6a42_2020, 0x0000_0000_0080_0b0d, true),  // ands w0, w1, w2, lsr #8
            (0xeac2_2020, 0xef00_2300_6080_0b0d, true),  // ands x0, x1, x2, ror #8
            (0x6ac2_7c20, 0x0000_0000_1050_0b0f, true),  // ands w0, w1, w2, ror #31
            (0xea22_1020, 0xed00_a900_6040_010f, true),  // bics x0, x1, x2, lsl #4
            (0x6a62_2020, 0x0000_0000_f070_0402, true),  // bics w0, w1, w2, lsr #8
            (0xeaa2_f020, 0xff00_ff00_f0f0_0f0f, true),  // bics x0, x1, x2, asr #60
            (0x6aa2_7020, 0x0000_0000_0000_0007, true),  // bics w0, w1, w2, asr #28
            (0xeae2_fc20, 0xfd00_7500_e0a0_0401, true),  // bics x0, x1, x2, ror #63
            (0x6ae2_2020, 0x0000_0000_1070_0402, true),  // bics w0, w1, w2, ror #8
            (0x8ac2_2020, 0xef00_2300_6080_0b0d, false), // and x0, x1, x2, ror #8
            (0x4a02_1020, 0x0000_0000_6a4c_d1ff, false), // eor w0, w1, w2, lsl #4
        ];
        for (w, r, s) in rows {
            // Logical flags: N = result<msb>, Z = IsZero(result), C = V = 0.
            let f = if s {
                let msb = if w >> 31 != 0 { 63 } else { 31 };
                (((r >> msb) & 1) as u8) << 3 | ((r == 0) as u8) << 2
            } else {
                C | V
            };
            assert_eq!(op2(w, a, b, C | V), (r, f), "{w:#010x}");
        }
    }

    #[test]
    fn ands_32_bit_flags_ignore_the_upper_half() {
        // ands w0, w1, w2, lsl #4: X1 & X2 is non-zero, but only above bit 31.
        assert_eq!(op2(0x6a02_1020, 0xffff_0000_0000_0000, MAX, N), (0, Z));
    }

    // ---------------------------------------------------------------- conditional

    /// By condition EQ..NV: csel x0, x1, x2, <c>; csinc x3, x1, x2, <c>;
    /// csinv x4, x1, x2, <c>; csneg x5, x1, x2, <c>; ccmp x1, x2, #6, <c>;
    /// ccmn x1, #5, #9, <c>.
    #[rustfmt::skip]
    const COND: [[u32; 6]; 16] = [
        [0x9a82_0020, 0x9a82_0423, 0xda82_0024, 0xda82_0425, 0xfa42_0026, 0xba45_0829], // eq
        [0x9a82_1020, 0x9a82_1423, 0xda82_1024, 0xda82_1425, 0xfa42_1026, 0xba45_1829], // ne
        [0x9a82_2020, 0x9a82_2423, 0xda82_2024, 0xda82_2425, 0xfa42_2026, 0xba45_2829], // cs
        [0x9a82_3020, 0x9a82_3423, 0xda82_3024, 0xda82_3425, 0xfa42_3026, 0xba45_3829], // cc
        [0x9a82_4020, 0x9a82_4423, 0xda82_4024, 0xda82_4425, 0xfa42_4026, 0xba45_4829], // mi
        [0x9a82_5020, 0x9a82_5423, 0xda82_5024, 0xda82_5425, 0xfa42_5026, 0xba45_5829], // pl
        [0x9a82_6020, 0x9a82_6423, 0xda82_6024, 0xda82_6425, 0xfa42_6026, 0xba45_6829], // vs
        [0x9a82_7020, 0x9a82_7423, 0xda82_7024, 0xda82_7425, 0xfa42_7026, 0xba45_7829], // vc
        [0x9a82_8020, 0x9a82_8423, 0xda82_8024, 0xda82_8425, 0xfa42_8026, 0xba45_8829], // hi
        [0x9a82_9020, 0x9a82_9423, 0xda82_9024, 0xda82_9425, 0xfa42_9026, 0xba45_9829], // ls
        [0x9a82_a020, 0x9a82_a423, 0xda82_a024, 0xda82_a425, 0xfa42_a026, 0xba45_a829], // ge
        [0x9a82_b020, 0x9a82_b423, 0xda82_b024, 0xda82_b425, 0xfa42_b026, 0xba45_b829], // lt
        [0x9a82_c020, 0x9a82_c423, 0xda82_c024, 0xda82_c425, 0xfa42_c026, 0xba45_c829], // gt
        [0x9a82_d020, 0x9a82_d423, 0xda82_d024, 0xda82_d425, 0xfa42_d026, 0xba45_d829], // le
        [0x9a82_e020, 0x9a82_e423, 0xda82_e024, 0xda82_e425, 0xfa42_e026, 0xba45_e829], // al
        [0x9a82_f020, 0x9a82_f423, 0xda82_f024, 0xda82_f425, 0xfa42_f026, 0xba45_f829], // nv
    ];

    #[test]
    fn conditional_select_every_condition_and_flag_state() {
        let (a, b) = (0x1111, 0x8000_0000_0000_0005u64);
        for (cond, words) in COND.iter().enumerate() {
            for nzcv in 0..16u8 {
                let cpu = run(&words[..4], &[(1, a), (2, b)], nzcv);
                let x = &cpu.pe.st.x;
                let expect = if arm_condition(cond, nzcv) {
                    [a; 4]
                } else {
                    [
                        b,
                        0x8000_0000_0000_0006,
                        0x7fff_ffff_ffff_fffa,
                        0x7fff_ffff_ffff_fffb,
                    ]
                };
                assert_eq!(
                    [x[0], x[3], x[4], x[5]],
                    expect,
                    "cond {cond} nzcv {nzcv:#06b}"
                );
                assert_eq!(cpu.pe.st.pstate.nzcv, nzcv);
            }
        }
    }

    #[test]
    fn conditional_compare_every_condition_and_flag_state() {
        for (cond, words) in COND.iter().enumerate() {
            for nzcv in 0..16u8 {
                let holds = arm_condition(cond, nzcv);
                // ccmp x1, x2, #6: 3 - 5 borrows and is negative.
                let f = op2(words[4], 3, 5, nzcv).1;
                assert_eq!(
                    f,
                    if holds { N } else { 6 },
                    "ccmp cond {cond} nzcv {nzcv:#06b}"
                );
                // ccmn x1, #5, #9: -5 + 5 carries out to zero.
                let f = op2(words[5], -5i64 as u64, 0, nzcv).1;
                assert_eq!(
                    f,
                    if holds { Z | C } else { 9 },
                    "ccmn cond {cond} nzcv {nzcv:#06b}"
                );
            }
        }
    }

    #[test]
    fn conditional_compare_and_select_32_bit_and_aliases() {
        for (w, fin, a, b, r, f) in [
            // ccmp w1, w2, #0, eq: 0x8000_0000 - 1 overflows.
            (0x7a42_0020, Z, 0xffff_ffff_8000_0000, G | 1, 0, C | V),
            // ccmn w1, #1, #0, eq: 0x7fff_ffff + 1 overflows.
            (0x3a41_0820, Z, G | 0x7fff_ffff, 0, 0, N | V),
            // ccmp x1, #31, #0, al
            (0xfa5f_e820, 0, 31, 0, 0, Z | C),
            // ccmn x1, x2, #15, ne with Z set: the immediate flags.
            (0xba42_102f, Z, 1, 2, 0, 15),
            // csel w0, w1, w2, eq: W1 zero-extended.
            (0x1a82_0020, Z, 0xffff_ffff_1234_5678, 0, 0x1234_5678, Z),
            // csinc w0, w1, w2, ne (false): 0xffff_ffff + 1 wraps at 32 bits.
            (0x1a82_1420, Z, 7, G | 0xffff_ffff, 0, Z),
            // csinv w0, w1, w2, ne (false)
            (0x5a82_1020, Z, 7, 0x1_0000_0000, 0xffff_ffff, Z),
            // csneg w0, w1, w2, ne (false): -INT_MIN is INT_MIN.
            (0x5a82_1420, Z, 7, G | 0x8000_0000, 0x8000_0000, Z),
            (0x5a82_1420, Z, 7, 1, 0xffff_ffff, Z),
            // cset w0, eq
            (0x1a9f_17e0, Z, 0, 0, 1, Z),
            (0x1a9f_17e0, 0, 0, 0, 0, 0),
            // csetm x0, ne
            (0xda9f_03e0, 0, 0, 0, MAX, 0),
            (0xda9f_03e0, Z, 0, 0, 0, Z),
            // cinc x0, x1, eq (csinc x0, x1, x1, ne)
            (0x9a81_1420, Z, MAX, 0, 0, Z),
        ] {
            assert_eq!(op2(w, a, b, fin), (r, f), "{w:#010x} nzcv {fin:#06b}");
        }
    }

    // ---------------------------------------------------------------- 1 source

    #[test]
    fn bit_and_byte_reversal() {
        let x = 0x0123_4567_89ab_cdef;
        for (w, a, r) in [
            (0xdac0_0020, x, 0xf7b3_d591_e6a2_c480), // rbit x0, x1
            (0xdac0_0020, 1, MIN),                   // rbit x0, x1
            (0x5ac0_0020, G | 1, 0x8000_0000),       // rbit w0, w1
            (0xdac0_0420, x, 0x2301_6745_ab89_efcd), // rev16 x0, x1
            (0xdac0_0820, x, 0x6745_2301_efcd_ab89), // rev32 x0, x1
            (0xdac0_0c20, x, 0xefcd_ab89_6745_2301), // rev x0, x1
            (0x5ac0_0420, x, 0xab89_efcd),           // rev16 w0, w1
            (0x5ac0_0820, x, 0xefcd_ab89),           // rev w0, w1
        ] {
            assert_eq!(op2(w, a, 0, 0).0, r, "{w:#010x} {a:#x}");
        }
    }

    #[test]
    fn count_leading_zeros_and_sign_bits() {
        const CLZ: u32 = 0xdac0_1020; // clz x0, x1
        const CLZ_W: u32 = 0x5ac0_1020; // clz w0, w1
        const CLS: u32 = 0xdac0_1420; // cls x0, x1
        const CLS_W: u32 = 0x5ac0_1420; // cls w0, w1
        for (w, a, r) in [
            (CLZ, 0, 64),
            (CLZ, MAX, 0),
            (CLZ, 1, 63),
            (CLZ, 0x0000_8000_0000_0000, 16),
            (CLZ_W, 0xffff_ffff_0000_0000, 32),
            (CLZ_W, 0xffff_ffff, 0),
            (CLZ_W, 1, 31),
            (CLS, 0, 63),
            (CLS, MAX, 63),
            (CLS, 1, 62),
            (CLS, MIN, 0),
            (CLS, 0xc000_0000_0000_0000, 1),
            (CLS, 0x4000_0000_0000_0000, 0),
            (CLS, 0xffff_0000_0000_0000, 15),
            (CLS_W, 0, 31),
            (CLS_W, 0xffff_ffff, 31),
            (CLS_W, 0xffff_fffe, 30),
            (CLS_W, 0x8000_0000, 0),
            (CLS_W, 0xffff_ffff_0000_0001, 30),
            (CLS_W, 0xffff, 15),
        ] {
            assert_eq!(op2(w, a, 0, 0).0, r, "{w:#010x} {a:#x}");
        }
    }

    // ---------------------------------------------------------------- 2 source

    #[test]
    fn division_by_zero_and_overflow() {
        const UDIV: u32 = 0x9ac2_0820; // udiv x0, x1, x2
        const SDIV: u32 = 0x9ac2_0c20; // sdiv x0, x1, x2
        const UDIV_W: u32 = 0x1ac2_0820; // udiv w0, w1, w2
        const SDIV_W: u32 = 0x1ac2_0c20; // sdiv w0, w1, w2
        let m = |v: i64| v as u64;
        for (w, a, b, r) in [
            (UDIV, 100, 7, 14),
            (UDIV, 0x8123_4567_89ab_cdef, 0, 0),
            (UDIV, 0, 0, 0),
            (UDIV, MAX, 1, MAX),
            (UDIV, MAX, 2, SMAX),
            (SDIV, m(-7), 2, m(-3)),
            (SDIV, 7, m(-2), m(-3)),
            (SDIV, m(-7), m(-2), 3),
            (SDIV, MIN, m(-1), MIN),
            (SDIV, MIN, 0, 0),
            (SDIV, m(-1), 0, 0),
            (SDIV, MIN, 1, MIN),
            (UDIV_W, 0xdead_0000_ffff_ffff, 0x1234_0000_8000_0000, 1),
            (UDIV_W, 5, 0xffff_0000_0000_0000, 0),
            (UDIV_W, 0xffff_ffff, 1, 0xffff_ffff),
            (SDIV_W, 0x8000_0000, G | 0xffff_ffff, 0x8000_0000),
            (SDIV_W, 0xffff_fff9, 2, 0xffff_fffd),
            (SDIV_W, 7, 0xffff_fffe, 0xffff_fffd),
            (SDIV_W, 0x1234, 0x1_0000_0000, 0),
        ] {
            assert_eq!(op2(w, a, b, 0).0, r, "{w:#010x} {a:#x} / {b:#x}");
        }
    }

    #[test]
    fn variable_shifts_take_the_amount_modulo_the_width() {
        // lsl/lsr/asr/ror x0, x1, x2 and w0, w1, w2.
        const X: [u32; 4] = [0x9ac2_2020, 0x9ac2_2420, 0x9ac2_2820, 0x9ac2_2c20];
        const W: [u32; 4] = [0x1ac2_2020, 0x1ac2_2420, 0x1ac2_2820, 0x1ac2_2c20];
        let a = 0x8000_0000_0000_0001;
        let by1 = [2, 1 << 62, 0xc000_0000_0000_0000, 0xc000_0000_0000_0000];
        let by31 = [0x8000_0000, 1 << 32, 0xffff_ffff_0000_0000, 0x3_0000_0000];
        let by32 = [1 << 32, 0x8000_0000, 0xffff_ffff_8000_0000, 0x1_8000_0000];
        for (amount, r) in [
            (0, [a; 4]),
            (31, by31),
            (32, by32),
            (63, [MIN, 1, MAX, 3]),
            (64, [a; 4]),
            (65, by1),
            (0xffff_ffff_ffff_ffc1, by1),
        ] {
            for op in 0..4 {
                assert_eq!(op2(X[op], a, amount, 0).0, r[op], "op {op} by {amount}");
            }
        }
        let a = G | 0x8000_0001;
        let by0 = [0x8000_0001; 4];
        let by31 = [0x8000_0000, 1, 0xffff_ffff, 3];
        let by1 = [2, 0x4000_0000, 0xc000_0000, 0xc000_0000];
        for (amount, r) in [
            (0, by0),
            (31, by31),
            (32, by0),
            (63, by31),
            (64, by0),
            (65, by1),
        ] {
            for op in 0..4 {
                assert_eq!(op2(W[op], a, amount, 0).0, r[op], "W op {op} by {amount}");
            }
        }
    }

    /// CRC32 words: crc32{b,h,w,x} w0, w0, {w1,x1} and crc32c{b,h,w,x} w0, w0, {w1,x1}.
    const CRC32: [u32; 4] = [0x1ac1_4000, 0x1ac1_4400, 0x1ac1_4800, 0x9ac1_4c00];
    const CRC32C: [u32; 4] = [0x1ac1_5000, 0x1ac1_5400, 0x1ac1_5800, 0x9ac1_5c00];
    const CRC32B_W2: u32 = 0x1ac2_4000; // crc32b w0, w0, w2
    const CRC32CB_W2: u32 = 0x1ac2_5000; // crc32cb w0, w0, w2
    /// lsr x1, x1, #8 / #16 / #32
    const LSR_X1: [u32; 3] = [0xd348_fc21, 0xd350_fc21, 0xd360_fc21];

    /// The CRC of "123456789" through the `sz` form: 8 bytes from X1 in 8 >> sz steps,
    /// then "9" from W2 with the byte form; initial value all ones, final inversion done
    /// here (the standard check values of CRC-32 and CRC-32C).
    fn crc_check(words: &[u32; 4], last: u32, sz: usize) -> u32 {
        let mut prog = Vec::new();
        for i in 0..8 >> sz {
            if i > 0 {
                prog.push(LSR_X1[sz]);
            }
            prog.push(words[sz]);
        }
        prog.push(last);
        let cpu = run(
            &prog,
            &[
                (0, 0xabcd_0000_ffff_ffff),
                (1, 0x3837_3635_3433_3231),
                (2, G | 0x39),
            ],
            0,
        );
        assert_eq!(cpu.pe.st.x[0] >> 32, 0, "the W result is zero-extended");
        !(cpu.pe.st.x[0] as u32)
    }

    #[test]
    fn crc32_check_values_through_every_size() {
        for sz in 0..4 {
            assert_eq!(
                crc_check(&CRC32, CRC32B_W2, sz),
                0xcbf4_3926,
                "crc32 sz {sz}"
            );
            assert_eq!(
                crc_check(&CRC32C, CRC32CB_W2, sz),
                0xe306_9283,
                "crc32c sz {sz}"
            );
        }
        // "a": CRC-32 0xe8b7be43, CRC-32C 0xc1d04330; the upper half of W1 is ignored.
        let cpu = run(&[CRC32[0]], &[(0, 0xffff_ffff), (1, G | 0x61)], 0);
        assert_eq!(!(cpu.pe.st.x[0] as u32), 0xe8b7_be43);
        let cpu = run(&[CRC32C[0]], &[(0, 0xffff_ffff), (1, G | 0x61)], 0);
        assert_eq!(!(cpu.pe.st.x[0] as u32), 0xc1d0_4330);
    }

    // ---------------------------------------------------------------- 3 source

    #[test]
    fn multiply_add_and_long_forms() {
        let three =
            |w: u32, a: u64, b: u64, acc: u64| run(&[w], &[(1, a), (2, b), (3, acc)], 0).pe.st.x[0];
        for (w, a, b, acc, r) in [
            (0x9b02_0c20, 3, 4, 5, 17),             // madd x0, x1, x2, x3
            (0x9b02_0c20, MAX, MAX, 0, 1),          // madd x0, x1, x2, x3
            (0x9b02_8c20, 3, 4, 5, (-7i64) as u64), // msub x0, x1, x2, x3
            (
                0x1b02_0c20,
                G | 0x1_0000,
                0x1_0001_0000,
                0xffff_ffff_0000_0001,
                1,
            ), // madd w0, w1, w2, w3
            (0x1b02_8c20, 1, 1, 0, 0xffff_ffff),    // msub w0, w1, w2, w3
            (0x9b02_7c20, 1 << 32, 1 << 32, 7, 0),  // mul x0, x1, x2
            (0x9b02_7c20, 0x1234, 0x10, 7, 0x12340), // mul x0, x1, x2
            (0x9b22_0c20, G | 0xffff_ffff, G | 2, 10, 8), // smaddl x0, w1, w2, x3
            (0x9ba2_0c20, G | 0xffff_ffff, G | 2, 10, 0x2_0000_0008), // umaddl x0, w1, w2, x3
            (0x9b22_8c20, G | 0xffff_ffff, G | 2, 10, 12), // smsubl x0, w1, w2, x3
            (
                0x9ba2_8c20,
                G | 0xffff_ffff,
                G | 2,
                10,
                0xffff_fffe_0000_000c,
            ), // umsubl
            (0x9b22_7c20, 0x8000_0000, 0x8000_0000, 7, 1 << 62), // smull x0, w1, w2
            (0x9b22_7c20, 0xffff_ffff, 2, 7, MAX - 1), // smull x0, w1, w2
            (
                0x9ba2_7c20,
                0xffff_ffff,
                0xffff_ffff,
                7,
                0xffff_fffe_0000_0001,
            ), // umull x0, w1, w2
        ] {
            assert_eq!(three(w, a, b, acc), r, "{w:#010x}");
        }
    }

    #[test]
    fn multiply_high_extremes() {
        const SMULH: u32 = 0x9b42_7c20; // smulh x0, x1, x2
        const UMULH: u32 = 0x9bc2_7c20; // umulh x0, x1, x2
        for (w, a, b, r) in [
            (SMULH, MIN, MIN, 1 << 62),
            (SMULH, MIN, MAX, 0),
            (SMULH, MAX, MAX, 0),
            (SMULH, MAX, 1, MAX),
            (SMULH, SMAX, SMAX, (1 << 62) - 1),
            (SMULH, MIN, SMAX, 0xc000_0000_0000_0000),
            (UMULH, MAX, MAX, MAX - 1),
            (UMULH, MAX, 2, 1),
            (UMULH, 1 << 32, 1 << 32, 1),
            (UMULH, 0, MAX, 0),
        ] {
            assert_eq!(op2(w, a, b, 0).0, r, "{w:#010x} {a:#x} * {b:#x}");
        }
    }

    // ---------------------------------------------------------------- FlagM

    #[test]
    fn rmif_and_setf() {
        const SETF8: u32 = 0x3a00_082d; // setf8 w1
        const SETF16: u32 = 0x3a00_482d; // setf16 w1
        for (w, fin, a, f) in [
            (0xba02_042f, 0, 0xa0, N | C),                      // rmif x1, #4, #15
            (0xba02_042f, Z | V, 0xa0, N | C),                  // rmif x1, #4, #15
            (0xba00_0423, N | V, 0b0110, N | C),                // rmif x1, #0, #3
            (0xba1f_842f, 0, 0x8000_0000_0000_0003, Z | C | V), // rmif x1, #63, #15
            (SETF8, C, 0x80, N | C | V),
            (SETF8, 0, 0x100, Z | V),
            (SETF8, 0, 0x17f, V),
            (SETF8, C, 0xffff_ff80, N | C),
            (SETF8, N | Z | V, 0, Z),
            (SETF16, C, 0x8000, N | C | V),
            (SETF16, 0, 0x1_0000, Z | V),
            (SETF16, 0, 0xffff_0000_0000_0000, Z),
        ] {
            assert_eq!(op2(w, a, 0, fin).1, f, "{w:#010x} {a:#x}");
        }
    }

    // ---------------------------------------------------------------- PAuth, MTE

    #[test]
    fn pointer_authentication_is_undefined() {
        // pacia x0, x1; autdzb x0; xpaci x0; pacga x0, x1, x2
        for w in [0xdac1_0020, 0xdac1_3fe0, 0xdac1_43e0, 0x9ac2_3020] {
            let (mut cpu, mut mem) = machine(&[w]);
            let out = step(&mut cpu, &mut mem, 1);
            assert_eq!(out.retired, 0, "{w:#010x}");
            // EC 0x00 (Unknown reason), IL = 1, taken to EL3 from this instruction.
            assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El3), 0x0200_0000);
            assert_eq!(banked(&cpu.pe.sys, Banked::Elr, El::El3), CODE);
        }
    }

    #[test]
    fn mte_rows_are_undefined_without_mte_and_compute_with_it() {
        // irg x0, x1; gmi x0, x1, x2; subp x0, x1, x2
        for w in [0x9adf_1020, 0x9ac2_1420, 0x9ac2_0020] {
            let (mut cpu, mut mem) = machine(&[w]);
            cpu.set_mte_level(0);
            assert_eq!(step(&mut cpu, &mut mem, 1).retired, 0, "{w:#010x}");
            assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El3), 0x0200_0000);
        }
        // ARCH.md §4.5: GMI sets bit Xn[59:56] of Xm; SUBP is the difference of the
        // sign-extended 56-bit addresses (tags ignored).
        let (mut cpu, mut mem) = machine(&[0x9ac2_1420, 0x9ac2_0020]);
        cpu.pe.st.x[1] = 0x0500_0000_0000_1000;
        cpu.pe.st.x[2] = 0x0a00_0000_0000_0010;
        step(&mut cpu, &mut mem, 1);
        assert_eq!(cpu.pe.st.x[0], 0x0a00_0000_0000_0010 | 1 << 5);
        cpu.pe.st.x[1] = 0x0580_0000_0000_0000;
        cpu.pe.st.x[2] = 0x0a00_0000_0000_0001;
        step(&mut cpu, &mut mem, 1);
        assert_eq!(cpu.pe.st.x[0], 0xff80_0000_0000_0000u64.wrapping_sub(1));
    }

    // ---------------------------------------------------------------- reference model

    #[derive(Clone, Copy, Debug)]
    enum Arith {
        Add,
        Sub,
        Adc,
        Sbc,
    }

    /// ADD/SUB/ADC/SBC with and without S, both widths (shifted-register forms, LSL #0).
    const ARITH: [(u32, Arith, bool, bool); 16] = [
        (0x8b02_0020, Arith::Add, false, true),  // add x0, x1, x2
        (0xab02_0020, Arith::Add, true, true),   // adds x0, x1, x2
        (0xcb02_0020, Arith::Sub, false, true),  // sub x0, x1, x2
        (0xeb02_0020, Arith::Sub, true, true),   // subs x0, x1, x2
        (0x9a02_0020, Arith::Adc, false, true),  // adc x0, x1, x2
        (0xba02_0020, Arith::Adc, true, true),   // adcs x0, x1, x2
        (0xda02_0020, Arith::Sbc, false, true),  // sbc x0, x1, x2
        (0xfa02_0020, Arith::Sbc, true, true),   // sbcs x0, x1, x2
        (0x0b02_0020, Arith::Add, false, false), // add w0, w1, w2
        (0x2b02_0020, Arith::Add, true, false),  // adds w0, w1, w2
        (0x4b02_0020, Arith::Sub, false, false), // sub w0, w1, w2
        (0x6b02_0020, Arith::Sub, true, false),  // subs w0, w1, w2
        (0x1a02_0020, Arith::Adc, false, false), // adc w0, w1, w2
        (0x3a02_0020, Arith::Adc, true, false),  // adcs w0, w1, w2
        (0x5a02_0020, Arith::Sbc, false, false), // sbc w0, w1, w2
        (0x7a02_0020, Arith::Sbc, true, false),  // sbcs w0, w1, w2
    ];

    /// Exact-integer model: the result and flags of `x op y` (with carry `c` for ADC/SBC)
    /// at 32 or 64 bits. C is "the unsigned result is representable" for subtraction (no
    /// borrow) and "there was a carry out" for addition; V is "the signed result is not
    /// representable".
    fn reference(op: Arith, sf: bool, x: u64, y: u64, c: bool) -> (u64, u8) {
        let bits = if sf { 64 } else { 32 };
        let mask: u128 = (1u128 << bits) - 1;
        let signed = |u: u128| -> i128 {
            if (u >> (bits - 1)) & 1 != 0 {
                u as i128 - (1i128 << bits)
            } else {
                u as i128
            }
        };
        let (ux, uy) = ((x as u128 & mask) as i128, (y as u128 & mask) as i128);
        let (sx, sy) = (signed(ux as u128), signed(uy as u128));
        let (cin, sub) = match op {
            Arith::Add => (0, false),
            Arith::Sub => (1, true),
            Arith::Adc => (c as i128, false),
            Arith::Sbc => (c as i128, true),
        };
        let (u, s) = if sub {
            let borrow = 1 - cin;
            (ux - uy - borrow, sx - sy - borrow)
        } else {
            (ux + uy + cin, sx + sy + cin)
        };
        let r = (u as u128 & mask) as u64;
        let n = (r >> (bits - 1)) & 1 != 0;
        let z = r == 0;
        let carry = if sub { u >= 0 } else { u > mask as i128 };
        let v = s != signed(r as u128);
        (
            r,
            (n as u8) << 3 | (z as u8) << 2 | (carry as u8) << 1 | v as u8,
        )
    }

    fn interesting_u64() -> impl Strategy<Value = u64> {
        prop_oneof![
            any::<u64>(),
            Just(0u64),
            Just(1),
            Just(MAX),
            Just(MIN),
            Just(SMAX),
            Just(0x7fff_ffff),
            Just(0x8000_0000),
            Just(0xffff_ffff),
            Just(0x1_0000_0000),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn add_sub_with_carry_match_an_exact_integer_model(
            idx in 0..ARITH.len(),
            x in interesting_u64(),
            y in interesting_u64(),
            nzcv in 0..16u8,
        ) {
            let (word, op, s, sf) = ARITH[idx];
            let (r, f) = reference(op, sf, x, y, nzcv & C != 0);
            let got = op2(word, x, y, nzcv);
            prop_assert_eq!(got, (r, if s { f } else { nzcv }), "{:#010x}", word);
        }
    }
}
