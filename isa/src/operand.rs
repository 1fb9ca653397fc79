//! Typed operands: the meaning of an encoding field, fixed at decode time.

use std::fmt;

/// A general-purpose register operand where number 31 means the zero register (XZR/WZR).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct XReg(u8);

/// A general-purpose register operand where number 31 means the stack pointer (SP/WSP).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct XRegSp(u8);

impl XReg {
    /// Wraps a 5-bit register number.
    #[inline(always)]
    pub const fn new(n: u8) -> Self {
        XReg(n & 31)
    }
    /// The register number 0..=31.
    #[inline(always)]
    pub const fn num(self) -> u8 {
        self.0
    }
    /// Whether this is XZR/WZR.
    #[inline(always)]
    pub const fn is_zr(self) -> bool {
        self.0 == 31
    }
    /// GNU name at 64 (`x3`, `xzr`) or 32 bits (`w3`, `wzr`).
    pub fn name(self, sf: bool) -> RegName {
        RegName {
            n: self.0,
            sf,
            sp: false,
        }
    }
}

impl XRegSp {
    /// Wraps a 5-bit register number.
    #[inline(always)]
    pub const fn new(n: u8) -> Self {
        XRegSp(n & 31)
    }
    /// The register number 0..=31.
    #[inline(always)]
    pub const fn num(self) -> u8 {
        self.0
    }
    /// Whether this is SP/WSP.
    #[inline(always)]
    pub const fn is_sp(self) -> bool {
        self.0 == 31
    }
    /// GNU name at 64 (`x3`, `sp`) or 32 bits (`w3`, `wsp`).
    pub fn name(self, sf: bool) -> RegName {
        RegName {
            n: self.0,
            sf,
            sp: true,
        }
    }
}

/// Displays a register in GNU syntax.
#[derive(Clone, Copy, Debug)]
pub struct RegName {
    n: u8,
    sf: bool,
    sp: bool,
}

impl fmt::Display for RegName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.n, self.sp, self.sf) {
            (31, true, true) => f.write_str("sp"),
            (31, true, false) => f.write_str("wsp"),
            (31, false, true) => f.write_str("xzr"),
            (31, false, false) => f.write_str("wzr"),
            (n, _, true) => write!(f, "x{n}"),
            (n, _, false) => write!(f, "w{n}"),
        }
    }
}

/// A condition code (Arm ARM C1.2.4): the 4-bit `cond` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cond(pub u8);

impl Cond {
    /// GNU mnemonic suffix (`eq`, `ne`, ..., `al`, `nv`).
    pub fn name(self) -> &'static str {
        const NAMES: [&str; 16] = [
            "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le",
            "al", "nv",
        ];
        NAMES[(self.0 & 15) as usize]
    }
    /// The condition with its low bit flipped (the inverse, except for AL/NV).
    pub fn invert(self) -> Cond {
        Cond((self.0 ^ 1) & 15)
    }
    /// Whether the condition holds for flags `nzcv` (bits 3..0 = N, Z, C, V).
    /// This is ConditionHolds() from the Arm ARM.
    #[inline(always)]
    pub fn holds(self, nzcv: u8) -> bool {
        let n = nzcv & 8 != 0;
        let z = nzcv & 4 != 0;
        let c = nzcv & 2 != 0;
        let v = nzcv & 1 != 0;
        let base = match self.0 >> 1 {
            0 => z,
            1 => c,
            2 => n,
            3 => v,
            4 => c && !z,
            5 => n == v,
            6 => n == v && !z,
            _ => true,
        };
        if self.0 & 1 == 1 && self.0 != 15 {
            !base
        } else {
            base
        }
    }
}

impl fmt::Display for Cond {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Decodes a logical (bitmask) immediate, DecodeBitMasks() in the Arm ARM (C6.2 / J1).
/// Returns `(wmask, tmask)` for a register of `datasize` bits, or `None` when reserved.
pub fn decode_bit_masks(
    n: bool,
    imms: u8,
    immr: u8,
    immediate: bool,
    datasize: u32,
) -> Option<(u64, u64)> {
    let combined = ((n as u32) << 6) | (!(imms as u32) & 0x3f);
    if combined == 0 {
        return None;
    }
    let len = 31 - combined.leading_zeros();
    if len < 1 {
        return None;
    }
    let esize = 1u32 << len;
    if esize > datasize {
        return None;
    }
    let levels = esize - 1;
    let s = imms as u32 & levels;
    let r = immr as u32 & levels;
    if immediate && s == levels {
        return None;
    }
    let d = s.wrapping_sub(r) & levels;
    let ones = |k: u32| -> u64 {
        if k >= 64 {
            u64::MAX
        } else {
            (1u64 << k) - 1
        }
    };
    let welem = ones(s + 1);
    let telem = ones(d + 1);
    let emask = ones(esize);
    let ror = |x: u64, sh: u32| -> u64 {
        if sh == 0 {
            x
        } else {
            ((x >> sh) | (x << (esize - sh))) & emask
        }
    };
    let replicate = |x: u64| -> u64 {
        let mut out = 0u64;
        let mut i = 0;
        while i < 64 {
            out |= x << i;
            i += esize;
        }
        out
    };
    let dmask = if datasize == 64 {
        u64::MAX
    } else {
        (1u64 << datasize) - 1
    };
    Some((replicate(ror(welem, r)) & dmask, replicate(telem) & dmask))
}
