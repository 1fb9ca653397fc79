//! Random instruction blocks drawn from the encoding table (`a64sim_isa::ENCODINGS`, the
//! rows that build the decoder): a row of the chosen class, its free bits random, then
//! its fields constrained by name so that the block stays inside what the template can
//! survive and compare (ARCH.md-legal, deterministic, no CONSTRAINED UNPREDICTABLE
//! register overlaps):
//!
//! * destinations (`rd`, `rt`, `rt2`, `rs`, `ra`) come from [`DEST`]: never SP, never the
//!   base and index registers, never ZR (a `rd` of 31 means SP in some rows);
//! * memory bases (`rn` of loads, stores and tag instructions) come from [`BASE`] (or SP),
//!   which the template points into its scratch region; register offsets (`rm`) come
//!   from [`INDEX`]; immediates are kept small so writeback cannot drift far;
//! * branches go forward by 1 to 8 instructions, never past the terminator;
//! * the system class is a curated list (no WFI/WFE, HLT, ERET, SPSel, TPIDR_ELx of the
//!   template, counters or ID registers, whose values differ between emulators by design).

use a64sim_isa::{decode, EncodingRow, RowKind, ENCODINGS};

/// Registers random code may write.
pub const DEST: [u8; 25] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 26, 27, 28, 29, 30,
];
/// Base registers of memory accesses (the template's scratch pointers).
pub const BASE: [u8; 4] = [20, 21, 22, 23];
/// Index registers of register-offset accesses (small values).
pub const INDEX: [u8; 2] = [24, 25];
/// The stack pointer as a base (SP-relative accesses).
const SP: u8 = 31;

/// Instruction classes of a campaign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// Integer data processing (immediate and register).
    Alu,
    /// Loads, stores, exclusives, atomics, prefetches.
    Ldst,
    /// Direct branches (forward).
    Branch,
    /// Hints, barriers, PSTATE, exception generation, a few system registers, cache ops.
    Sys,
    /// Memory tagging instructions.
    Mte,
}

impl Class {
    /// Every class.
    pub const ALL: [Class; 5] = [
        Class::Alu,
        Class::Ldst,
        Class::Branch,
        Class::Sys,
        Class::Mte,
    ];

    /// Its name on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Class::Alu => "alu",
            Class::Ldst => "ldst",
            Class::Branch => "branch",
            Class::Sys => "sys",
            Class::Mte => "mte",
        }
    }

    /// The class named `s`.
    pub fn parse(s: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// The rows each class draws from (names of `ENCODINGS` rows).
fn rows_of(class: Class) -> &'static [&'static str] {
    match class {
        Class::Alu => &[
            "PcRelAddr",
            "AddSubImm",
            "AddSubImmS",
            "LogicalImmS",
            "LogicalImm",
            "MoveWide",
            "Bitfield",
            "Extract",
            "Div",
            "ShiftVar",
            "Rbit",
            "Rev",
            "CountLeading",
            "LogicalShift",
            "AddSubShift",
            "AddSubExt",
            "AddSubExtS",
            "AddSubCarry",
            "Rmif",
            "Setf",
            "CondCmpReg",
            "CondCmpImm",
            "CondSel",
            "MulAdd",
            "MulAddLong",
            "MulHigh",
            "Pacga",
            "PacAut",
            "PacAutZero",
            "Xpac",
        ],
        Class::Ldst => &[
            "LdStRegUImm",
            "LdStRegImm9",
            "LdStRegRegOff",
            "LdStPair",
            "LdStExcl",
            "LdStExclPair",
            "LdStOrdered",
            "Ldapr",
            "LdStRcpcUnscaled",
            "LdAtomic",
            "Swp",
            "Cas",
            "Casp",
            "LdrLit",
            "PrfmLit",
            "PrfumImm",
            "PrfmReg",
            "PrfmUImm",
        ],
        Class::Branch => &["B", "Bl", "BCond", "Cbz", "Cbnz", "Tbz", "Tbnz"],
        Class::Sys => &[],
        Class::Mte => &[
            "Irg",
            "Gmi",
            "AddSubTag",
            "Subp",
            "Ldg",
            "StoreTag",
            "Stgp",
            "Stzgm",
            "Stgm",
            "Ldgm",
        ],
    }
}

/// A small deterministic generator (SplitMix64): the same seed gives the same case on
/// every machine and in every release.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// One element of `items`.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// True with probability `num / den`.
    pub fn chance(&mut self, num: u64, den: u64) -> bool {
        self.below(den) < num
    }
}

/// The first row of the table with this name.
fn row(name: &str) -> &'static EncodingRow {
    ENCODINGS
        .iter()
        .find(|r| r.name == name && matches!(r.kind, RowKind::Insn))
        .unwrap_or_else(|| panic!("no encoding row {name}"))
}

/// Replaces field `lsb..lsb+width` of `w` with `v`.
fn put(w: u32, lsb: u32, width: u32, v: u64) -> u32 {
    let mask = if width >= 32 {
        u32::MAX
    } else {
        ((1u32 << width) - 1) << lsb
    };
    (w & !mask) | ((v as u32) << lsb & mask)
}

/// A signed value in `-max..=max` as a `width`-bit two's-complement field.
fn signed(rng: &mut Rng, max: i64, width: u32) -> u64 {
    let v = rng.below((2 * max + 1) as u64) as i64 - max;
    (v as u64) & ((1u64 << width) - 1)
}

/// The word of one instruction of `class`, `remaining` instructions before the terminator
/// (branches stay inside the block).
pub fn instruction(rng: &mut Rng, class: Class, remaining: u32) -> u32 {
    if class == Class::Sys {
        return system_instruction(rng);
    }
    let names = rows_of(class);
    for _ in 0..64 {
        let r = row(rng.pick(names));
        let mut w = r.value | (rng.next_u64() as u32 & !r.mask);
        let mut used: Vec<u8> = Vec::new();
        let memory = matches!(class, Class::Ldst | Class::Mte);
        for f in r.fields {
            let v = match f.name {
                "rd" | "rt" | "rt2" | "rs" | "ra" => {
                    let even = r.name == "Casp" && f.name != "rt2";
                    Some(fresh_dest(rng, &mut used, even) as u64)
                }
                "rn" if memory && r.name != "Subp" && r.name != "Gmi" && r.name != "Irg" => {
                    Some(if rng.chance(1, 8) {
                        SP
                    } else {
                        rng.pick(&BASE)
                    } as u64)
                }
                "rn" if r.name == "AddSubTag" || r.name == "Irg" || r.name == "Gmi" => {
                    Some(rng.pick(&BASE) as u64)
                }
                "rm" if r.name == "LdStRegRegOff" || r.name == "PrfmReg" => {
                    Some(rng.pick(&INDEX) as u64)
                }
                "imm9" if memory => Some(signed(rng, 64, 9)),
                "imm7" if memory => Some(signed(rng, 8, 7)),
                "imm12" if memory => Some(rng.below(512)),
                "imm19" if r.name == "LdrLit" || r.name == "PrfmLit" => Some(signed(rng, 32, 19)),
                "imm26" | "imm19" | "imm14" => Some(1 + rng.below(remaining.clamp(1, 8) as u64)),
                _ => None,
            };
            if let Some(v) = v {
                w = put(w, f.lsb, f.width, v);
            }
        }
        let insn = decode(w);
        if insn.name() == r.name && !sp_writeback(&insn) {
            return w;
        }
    }
    0xd503_201f // NOP: no valid word found (cannot happen for the rows above)
}

/// Whether `insn` writes a new address back to SP: never generated, since the template
/// keeps SP 16-byte aligned (QEMU does not check SP alignment: `sp-alignment-not-checked`).
fn sp_writeback(insn: &a64sim_isa::Insn) -> bool {
    use a64sim_isa::Insn;
    match insn {
        Insn::LdStRegImm9(i) => i.idx & 1 != 0 && i.rn.is_sp(),
        Insn::LdStPair(i) => i.idx & 1 != 0 && i.rn.is_sp(),
        Insn::StoreTag(i) => i.idx & 1 != 0 && i.rn.is_sp(),
        Insn::Stgp(i) => i.idx & 1 != 0 && i.rn.is_sp(),
        _ => false,
    }
}

/// The class a word belongs to (for reports): the class whose rows contain its row, else
/// the system class.
pub fn class_of(word: u32) -> Class {
    let name = decode(word).name();
    [Class::Alu, Class::Ldst, Class::Branch, Class::Mte]
        .into_iter()
        .find(|&c| rows_of(c).contains(&name))
        .unwrap_or(Class::Sys)
}

/// A destination register not yet used by this instruction.
fn fresh_dest(rng: &mut Rng, used: &mut Vec<u8>, even: bool) -> u8 {
    loop {
        let r = rng.pick(&DEST);
        if (!even || r % 2 == 0) && !used.contains(&r) {
            used.push(r);
            return r;
        }
    }
}

/// One instruction of the system class.
fn system_instruction(rng: &mut Rng) -> u32 {
    let rt = rng.pick(&DEST) as u32;
    match rng.below(16) {
        // MRS/MSR NZCV, TPIDR_EL0, TPIDRRO_EL0 (EL0 read-only).
        0 => 0xd53b_4200 | rt, // mrs xt, nzcv
        1 => 0xd51b_4200 | rt, // msr nzcv, xt
        2 => 0xd53b_d040 | rt, // mrs xt, tpidr_el0
        3 => 0xd51b_d040 | rt, // msr tpidr_el0, xt
        4 => 0xd53b_d060 | rt, // mrs xt, tpidrro_el0
        5 => 0xd538_4240 | rt, // mrs xt, currentel
        6 => 0xd53b_4220 | rt, // mrs xt, daif
        // PSTATE immediates: DAIFSet/Clr, PAN, UAO, DIT, SSBS, TCO.
        7 => {
            let (op1, op2) =
                rng.pick(&[(3u32, 6u32), (3, 7), (0, 4), (0, 3), (3, 2), (3, 1), (3, 4)]);
            0xd500_401f | op1 << 16 | (rng.below(16) as u32) << 8 | op2 << 5
        }
        // Hints (NOP, YIELD, SEV, SEVL, CSDB, BTI, unallocated ones), never WFE/WFI.
        8 => {
            let hint = rng.pick(&[0u32, 1, 4, 5, 20, 32, 34, 36, 38, 40, 41, 127]);
            0xd503_201f | hint << 5
        }
        // Barriers, CLREX, CFINV, XAFLAG, AXFLAG, SB.
        9 => rng.pick(&[
            0xd503_3f9f, // dsb sy
            0xd503_3bbf, // dmb ish
            0xd503_3fdf, // isb
            0xd503_3f5f, // clrex
            0xd500_401f, // cfinv
            0xd500_403f, // xaflag
            0xd500_405f, // axflag
            0xd503_30ff, // sb
        ]),
        // Exception generation: SVC, HVC, SMC, BRK (not the terminator's #0xdf00), UDF.
        10 => 0xd400_0001 | (rng.below(0x10000) as u32) << 5,
        11 => 0xd400_0002 | (rng.below(0x10000) as u32) << 5,
        12 => 0xd400_0003 | (rng.below(0x10000) as u32) << 5,
        13 => 0xd420_0000 | (rng.below(0xdf00) as u32) << 5,
        14 => rng.below(0x10000) as u32, // udf #imm16
        // Cache maintenance by address on a scratch pointer (DC ZVA, CVAC, CIVAC, CVAU),
        // DC GVA/GZVA; TLBI VMALLE1 and VAE1 (EL1 and up).
        _ => {
            let base = rng.pick(&BASE) as u32;
            rng.pick(&[
                0xd50b_7420, // dc zva
                0xd50b_7a20, // dc cvac
                0xd50b_7e20, // dc civac
                0xd50b_7b20, // dc cvau
                0xd50b_7460, // dc gva
                0xd50b_7480, // dc gzva
                0xd508_871f, // tlbi vmalle1
                0xd508_8720, // tlbi vae1
            ]) | base
        }
    }
}

/// A block of `len` instructions of the given classes (drawn in turn at random), without
/// the words `skip` rejects (they are drawn again).
pub fn block(rng: &mut Rng, classes: &[Class], len: u32, skip: impl Fn(u32) -> bool) -> Vec<u32> {
    (0..len)
        .map(|i| loop {
            let class = rng.pick(classes);
            let w = instruction(rng, class, len - i);
            if !skip(w) {
                break w;
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use a64sim_isa::Insn;

    #[test]
    fn every_class_produces_its_rows_and_respects_the_register_pools() {
        let mut rng = Rng::new(7);
        for class in Class::ALL {
            for i in 0..2000 {
                let w = instruction(&mut rng, class, 5);
                let insn = decode(w);
                assert!(
                    !matches!(insn, Insn::Unallocated | Insn::Unimplemented(_))
                        || class == Class::Sys,
                    "{class:?} {w:#010x}"
                );
                if class != Class::Sys {
                    assert!(
                        rows_of(class).contains(&insn.name()),
                        "{class:?} {w:#010x} {}",
                        insn.name()
                    );
                }
                // No destination register field may name SP, a base or an index register.
                let r = ENCODINGS
                    .iter()
                    .find(|r| r.name == insn.name() && class != Class::Sys);
                if let Some(r) = r {
                    for f in r
                        .fields
                        .iter()
                        .filter(|f| ["rd", "rt", "rt2", "rs", "ra"].contains(&f.name))
                    {
                        let v = (w >> f.lsb) & 31;
                        assert!(
                            DEST.contains(&(v as u8)),
                            "{class:?} #{i} {w:#010x} {}={v}",
                            f.name
                        );
                    }
                }
                assert_ne!(w, 0xd43b_e000, "the terminator");
            }
        }
    }

    #[test]
    fn branches_stay_inside_the_block() {
        let mut rng = Rng::new(1);
        for remaining in 1..10u32 {
            for _ in 0..500 {
                let w = instruction(&mut rng, Class::Branch, remaining);
                let off = match decode(w) {
                    Insn::B(i) => i.imm26 as i64,
                    Insn::Bl(i) => i.imm26 as i64,
                    Insn::BCond(i) => i.imm19 as i64,
                    Insn::Cbz(i) => i.imm19 as i64,
                    Insn::Cbnz(i) => i.imm19 as i64,
                    Insn::Tbz(i) => i.imm14 as i64,
                    Insn::Tbnz(i) => i.imm14 as i64,
                    other => panic!("{other:?}"),
                };
                assert!(
                    (1..=remaining.clamp(1, 8) as i64).contains(&off),
                    "{w:#010x}"
                );
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_block() {
        let a = block(&mut Rng::new(42), &Class::ALL, 200, |_| false);
        let b = block(&mut Rng::new(42), &Class::ALL, 200, |_| false);
        assert_eq!(a, b);
        assert_ne!(a, block(&mut Rng::new(43), &Class::ALL, 200, |_| false));
    }
}
