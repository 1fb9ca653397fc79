//! Property tests (DESIGN.md "Testing"): random page tables translate exactly as built,
//! unmapped addresses fault at the level where the table chain ends, a cached result's
//! `check` agrees with a fresh walk, and no register or descriptor value makes the walk
//! panic.

use crate::attrs::MemAttrs;
use crate::fault::{ExternalAbort, FaultKind, Stage};
use crate::memory::DescriptorMemory;
use crate::par;
use crate::perms::{AccessKind, AccessReq};
use crate::regime::{Regime, Stage1Config, Stage1Regs};
use crate::stage2::Stage2Config;
use crate::testmem::{shift, Builder, FakeRam};
use crate::tests_walk::{config, AF, GEOMETRIES, MAIR, ROOT};
use crate::translate::{translate, translate_stage1};
use a64sim_arch::El;
use proptest::prelude::*;

fn block_ok(g: crate::granule::Granule, level: u8) -> bool {
    use crate::granule::Granule::*;
    matches!((g, level), (K4, 1 | 2) | (K16 | K64, 2) | (_, 3))
}

fn kind_of(k: u8) -> AccessKind {
    match k % 3 {
        0 => AccessKind::Read,
        1 => AccessKind::Write,
        _ => AccessKind::Fetch,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_tables_translate_exactly_as_built(
        geo in 0..GEOMETRIES.len(),
        maps in prop::collection::vec((any::<u64>(), 0u8..4, any::<u64>(), 0u8..5, 0u8..4), 1..24),
        probes in prop::collection::vec(any::<u64>(), 0..24),
    ) {
        let (g, txsz, start) = GEOMETRIES[geo];
        let ia = (64 - txsz) as u8;
        let cfg = config(Regime::El10, g, txsz, 5, 0);
        let mut ram = FakeRam::default();
        let mut b = Builder::new(g, start, ia, ROOT);
        let mut mapped = Vec::new();
        for (salt, up, oa_raw, attr, sh) in maps {
            let level = 3u8.saturating_sub(up).max(start);
            let level = if block_ok(g, level) { level } else { 3 };
            let s = shift(g, level);
            let va = salt & ((1u64 << ia) - 1) & !((1u64 << s) - 1);
            let oa = oa_raw & 0x0000_00ff_ffff_ffff & !((1u64 << s) - 1);
            let attrs = AF | ((attr as u64) << 2) | ((sh as u64) << 8) | (1 << 6);
            if b.map(&mut ram, va, level, oa, attrs).is_some() {
                mapped.push((va, level, oa, attr, sh, salt.rotate_left(17)));
            }
        }
        for &(va, level, oa, attr, sh, off_raw) in &mapped {
            let s = shift(g, level);
            let off = off_raw & ((1u64 << s) - 1);
            let t = translate(&mut ram, &cfg, None, va | off, &AccessReq::new(AccessKind::Read, El::El0))
                .unwrap();
            prop_assert_eq!(t.pa, oa | off);
            prop_assert_eq!(t.s1_level, Some(level));
            prop_assert_eq!(t.size_log2, s);
            let expect = MemAttrs::from_mair((MAIR >> (8 * attr)) as u8, sh);
            prop_assert_eq!(t.data_attrs, expect);
        }
        for p in probes {
            let va = p & ((1u64 << ia) - 1);
            let r = translate(&mut ram, &cfg, None, va, &AccessReq::new(AccessKind::Read, El::El1));
            match b.mapped(&ram, va) {
                Some((level, d)) => {
                    let s = shift(g, level);
                    let t = r.unwrap();
                    prop_assert_eq!(t.pa, (d & 0x0000_ffff_ffff_ffff & !((1u64 << s) - 1)) | (va & ((1u64 << s) - 1)));
                }
                None => {
                    let f = r.unwrap_err();
                    prop_assert_eq!(f.kind, FaultKind::Translation);
                    prop_assert_eq!(Some(f.level), b.expected_fault_level(va));
                }
            }
        }
    }

    #[test]
    fn cached_check_agrees_with_a_fresh_walk(
        leaf_bits in any::<u64>(),
        table_bits in 0u64..32,
        sctlr_bits in 0u64..4,
        reqs in prop::collection::vec((0u8..3, 0u8..2, any::<bool>(), any::<bool>(), any::<bool>()), 1..16),
    ) {
        // Leaf: AF = 1, random AP/PXN/UXN/nG/DBM; table: random APTable/XNTable/PXNTable.
        let leaf = AF | (leaf_bits & ((3 << 6) | (1 << 11) | (3 << 53) | (1 << 51)));
        let tb = table_bits << 59;
        let mut cfg = config(Regime::El10, crate::granule::Granule::K4, 25, 5, 0);
        cfg.wxn = sctlr_bits & 1 != 0;
        cfg.epan = sctlr_bits & 2 != 0;
        let mut ram = FakeRam::default();
        let mut b = Builder::new(crate::granule::Granule::K4, 1, 39, ROOT);
        b.path(&mut ram, 0x1000, 2, tb);
        b.map(&mut ram, 0x1000, 3, 0x9000, leaf).unwrap();
        let base = translate(&mut ram, &cfg, None, 0x1000, &AccessReq::new(AccessKind::Read, El::El1));
        prop_assume!(base.is_ok());
        let t = base.unwrap();
        for (k, el, unpriv, pan, uao) in reqs {
            let req = AccessReq {
                kind: kind_of(k),
                el: if el == 0 { El::El0 } else { El::El1 },
                unprivileged: unpriv,
                pan,
                uao,
            };
            let fresh = translate(&mut ram, &cfg, None, 0x1234, &req).map(|_| ());
            prop_assert_eq!(t.check(0x1234, &req), fresh, "{:?}", req);
        }
    }

    #[test]
    fn arbitrary_registers_and_descriptors_never_panic(
        seed in any::<u64>(),
        regs in any::<[u64; 9]>(),
        va in any::<u64>(),
        regime in 0u8..4,
        k in 0u8..3,
        el in 0u8..4,
        flags in 0u8..8,
        el2 in any::<bool>(),
    ) {
        let regime = [Regime::El10, Regime::El2, Regime::El20, Regime::El3][regime as usize];
        let s1regs = Stage1Regs {
            sctlr: regs[0] | 1,
            tcr: regs[1],
            ttbr0: regs[2],
            ttbr1: regs[3],
            mair: regs[4],
        };
        let hcr = el2.then_some(regs[5] | 1);
        let s1 = Stage1Config::from_regs(regime, &s1regs, hcr);
        let s2 = Stage2Config::for_regime(regime, hcr, regs[6], regs[7]);
        let req = AccessReq {
            kind: kind_of(k),
            el: El::from_bits(el),
            unprivileged: flags & 1 != 0,
            pan: flags & 2 != 0,
            uao: flags & 4 != 0,
        };
        let mut mem = RandomRam { seed, budget: regs[8] % 64 };
        for r in [
            translate(&mut mem, &s1, s2.as_ref(), va, &req),
            translate_stage1(&mut mem, &s1, s2.as_ref(), va, &req),
        ] {
            match r {
                Ok(t) => {
                    prop_assert!(t.pa >> 48 == 0);
                    prop_assert!((12..=39).contains(&t.size_log2));
                    prop_assert!(t.check(va, &req).is_ok());
                    let p = par::encode_success(&t, true);
                    prop_assert_eq!(p & 1, 0);
                }
                Err(f) => {
                    prop_assert!(f.fsc() < 0x40 && f.level <= 3);
                    prop_assert!(f.hpfar().is_none() || f.stage == Stage::Two);
                    prop_assert!(!f.s1ptw || f.stage == Stage::Two);
                    prop_assert_eq!(par::encode_fault(&f) & 1, 1);
                }
            }
        }
    }
}

/// Memory whose every word is a pseudo-random function of its address; some reads abort
/// and compare-and-swap succeeds or fails at random.
#[derive(Debug)]
struct RandomRam {
    seed: u64,
    budget: u64,
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl DescriptorMemory for RandomRam {
    fn read_desc(&mut self, pa: u64) -> Result<u64, ExternalAbort> {
        let v = splitmix(self.seed ^ pa);
        if v % 61 == 0 {
            return Err(ExternalAbort { pa });
        }
        // Bias towards valid tables and leaves so that walks go deep.
        Ok(if v & 0x30 != 0 { v | 1 } else { v })
    }
    fn write_desc(&mut self, pa: u64, _old: u64, _new: u64) -> Result<bool, ExternalAbort> {
        self.budget = self.budget.wrapping_add(1);
        match splitmix(self.seed ^ pa ^ self.budget) % 5 {
            0 => Err(ExternalAbort { pa }),
            1 => Ok(false),
            _ => Ok(true),
        }
    }
}
