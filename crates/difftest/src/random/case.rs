//! One random case: the template's parameters (EL, MMU/stage 2/MTE, registers) and the
//! instruction block, as the memory blobs both emulators load and as a regression file.
//!
//! Layout (the interface of `tests/asm/difftest_case.S`): PARAMS at PA 0x4400_0000 holds
//! little-endian u64 words `[magic, el, flags, nzcv, x0..x30, sp]`; the block is at PA
//! 0x4410_0000 followed by the terminator `BRK #0xDF00`; SCRATCH is 64 KiB at 0x4420_0000.
//!
//! A regression file is a valid assembly source: `// param NAME VALUE` comment lines and one
//! `.inst 0xWORD` line per instruction (with its disassembly as a comment), so it can be
//! read back without an assembler.

use super::generator::{Class, Rng, BASE, INDEX};
use std::fmt::Write as _;

/// Physical address of the parameter block.
pub const PARAMS: u64 = 0x4400_0000;
/// Physical (and virtual) address of the instruction block.
pub const CASE_CODE: u64 = 0x4410_0000;
/// Physical (and virtual) address of the scratch region.
pub const SCRATCH: u64 = 0x4420_0000;
/// Size of the scratch region.
pub const SCRATCH_SIZE: u64 = 0x1_0000;
/// `BRK #0xDF00`: ends every block.
pub const TERMINATOR: u32 = 0xd43b_e000;
/// The parameter block's magic (the bytes "6A64DIF1").
pub const MAGIC: u64 = 0x3146_4944_3436_4136;

/// Template flag: stage 1 translation on at the case's regime.
pub const FLAG_MMU: u64 = 1;
/// Template flag: stage 2 on (EL0/EL1 cases).
pub const FLAG_STAGE2: u64 = 2;
/// Template flag: MTE on (tag access, synchronous checks, Tagged scratch).
pub const FLAG_MTE: u64 = 4;

/// A random case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// Exception level the block runs at.
    pub el: u8,
    /// `FLAG_*` bits.
    pub flags: u64,
    /// Initial NZCV (bits 31:28).
    pub nzcv: u64,
    /// Initial X0..X30.
    pub x: [u64; 31],
    /// Initial SP (inside SCRATCH, 16-byte aligned).
    pub sp: u64,
    /// The block, without the terminator.
    pub code: Vec<u32>,
}

/// How a campaign draws cases.
#[derive(Clone, Debug)]
pub struct CaseShape {
    /// Instruction classes to draw from.
    pub classes: Vec<Class>,
    /// Exception levels to run at.
    pub els: Vec<u8>,
    /// MMU choices (each case picks one).
    pub mmu: Vec<bool>,
    /// MTE choices.
    pub mte: Vec<bool>,
    /// Instructions per case.
    pub len: u32,
}

/// The allocation tag the template gives the granule at `pa` of SCRATCH.
pub fn scratch_tag(pa: u64) -> u8 {
    let g = (pa - SCRATCH) >> 4;
    ((g * 5 + 1) & 15) as u8
}

impl Case {
    /// The case of `seed` with `shape`.
    pub fn generate(seed: u64, shape: &CaseShape) -> Case {
        let mut rng = Rng::new(seed);
        let el = rng.pick(&shape.els);
        let mmu = rng.pick(&shape.mmu);
        let mte = mmu && rng.pick(&shape.mte);
        let stage2 = mmu && el <= 1 && rng.chance(1, 2);
        let bit = |on: bool, flag: u64| if on { flag } else { 0 };
        let flags = bit(mmu, FLAG_MMU) | bit(stage2, FLAG_STAGE2) | bit(mte, FLAG_MTE);
        let mut x = [0u64; 31];
        for (i, v) in x.iter_mut().enumerate() {
            *v = match rng.below(4) {
                0 => rng.below(256),
                1 => rng.next_u64(),
                2 => SCRATCH + rng.below(SCRATCH_SIZE),
                _ => (i as u64) << 12 | i as u64,
            };
        }
        // Base registers in the middle of SCRATCH, carrying the tag of their granule (so
        // nearby accesses pass tag checks and farther ones fault).
        for (k, &b) in BASE.iter().enumerate() {
            let pa = SCRATCH + 0x4000 + 0x2000 * k as u64 + (rng.below(0x100) & !7);
            let tag = if mte { scratch_tag(pa) as u64 } else { 0 };
            x[b as usize] = pa | tag << 56;
        }
        for &i in &INDEX {
            x[i as usize] = rng.below(64) * 8;
        }
        Case {
            el,
            flags,
            nzcv: rng.below(16) << 28,
            x,
            sp: SCRATCH + 0xe000,
            code: super::generator::block(&mut rng, &shape.classes, shape.len, |w| {
                super::known::always_differs(el, flags, w)
            }),
        }
    }

    /// The PARAMS block.
    pub fn params_blob(&self) -> Vec<u8> {
        let mut words = vec![MAGIC, self.el as u64, self.flags, self.nzcv];
        words.extend_from_slice(&self.x);
        words.push(self.sp);
        words.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    /// The block with its terminator, as bytes.
    pub fn code_blob(&self) -> Vec<u8> {
        self.code
            .iter()
            .chain(std::iter::once(&TERMINATOR))
            .flat_map(|w| w.to_le_bytes())
            .collect()
    }

    /// A one-line description: EL and options.
    pub fn describe(&self) -> String {
        format!(
            "EL{} mmu={} stage2={} mte={} {} instructions",
            self.el,
            self.flags & FLAG_MMU != 0,
            self.flags & FLAG_STAGE2 != 0,
            self.flags & FLAG_MTE != 0,
            self.code.len()
        )
    }

    /// The regression-file text of this case (see the module docs); `note` becomes the
    /// header comment.
    pub fn to_source(&self, note: &str) -> String {
        let mut s = String::new();
        for line in note.lines() {
            let _ = writeln!(s, "// {line}");
        }
        let _ = writeln!(s, "// param el {}", self.el);
        let _ = writeln!(s, "// param flags {:#x}", self.flags);
        let _ = writeln!(s, "// param nzcv {:#x}", self.nzcv);
        for (i, v) in self.x.iter().enumerate() {
            let _ = writeln!(s, "// param x{i} {v:#x}");
        }
        let _ = writeln!(s, "// param sp {:#x}", self.sp);
        for w in &self.code {
            let text = a64sim_isa::disassemble(*w, 0).text_or_placeholder();
            let _ = writeln!(s, "    .inst {w:#010x} // {text}");
        }
        s
    }

    /// Reads a regression file written by [`Case::to_source`].
    pub fn from_source(text: &str) -> Result<Case, String> {
        let mut case = Case {
            el: 1,
            flags: 0,
            nzcv: 0,
            x: [0; 31],
            sp: SCRATCH + 0xe000,
            code: Vec::new(),
        };
        let num = |v: &str, line: usize| {
            let v = v.trim();
            let r = match v.strip_prefix("0x") {
                Some(h) => u64::from_str_radix(h, 16),
                None => v.parse(),
            };
            r.map_err(|e| format!("line {line}: `{v}`: {e}"))
        };
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if let Some(p) = line.strip_prefix("// param ") {
                let (k, v) = p
                    .split_once(' ')
                    .ok_or_else(|| format!("line {}: expected `// param NAME VALUE`", n + 1))?;
                let v = num(v, n + 1)?;
                match k {
                    "el" if v <= 3 => case.el = v as u8,
                    "flags" => case.flags = v,
                    "nzcv" => case.nzcv = v,
                    "sp" => case.sp = v,
                    _ => match k.strip_prefix('x').and_then(|i| i.parse::<usize>().ok()) {
                        Some(i) if i < 31 => case.x[i] = v,
                        _ => return Err(format!("line {}: unknown parameter `{k}`", n + 1)),
                    },
                }
            } else if let Some(rest) = line.strip_prefix(".inst ") {
                let word = rest.split("//").next().unwrap_or("");
                let w = num(word, n + 1)?;
                case.code
                    .push(u32::try_from(w).map_err(|_| format!("line {}: not a word", n + 1))?);
            }
        }
        if case.code.is_empty() {
            return Err("no `.inst` lines".into());
        }
        Ok(case)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape() -> CaseShape {
        CaseShape {
            classes: Class::ALL.to_vec(),
            els: vec![0, 1, 2, 3],
            mmu: vec![false, true],
            mte: vec![false, true],
            len: 50,
        }
    }

    #[test]
    fn a_case_survives_its_regression_file() {
        for seed in 0..20 {
            let c = Case::generate(seed, &shape());
            let back = Case::from_source(&c.to_source("note\nsecond line")).unwrap();
            assert_eq!(back, c);
        }
    }

    #[test]
    fn blobs_have_the_template_layout() {
        let c = Case::generate(3, &shape());
        let p = c.params_blob();
        assert_eq!(p.len(), 36 * 8);
        assert_eq!(u64::from_le_bytes(p[..8].try_into().unwrap()), MAGIC);
        assert_eq!(&p[..8], b"6A64DIF1");
        let code = c.code_blob();
        assert_eq!(code.len(), 4 * (c.code.len() + 1));
        assert_eq!(&code[code.len() - 4..], &TERMINATOR.to_le_bytes());
        assert!(Case::from_source("// param q 1\n.inst 0x0").is_err());
        assert!(Case::from_source("").is_err());
    }
}
