//! Table-driven stage-1 walk tests against hand-built tables (ARCH.md §3.3–§3.10, §2.5).
//! Each geometry row states its expected start level from the ARCH.md §3.6 examples; the
//! descriptors are written by `testmem::Builder` from the §3.7 formats.

use crate::fault::{Fault, FaultKind};
use crate::granule::Granule;
use crate::perms::{AccessKind, AccessReq};
use crate::regime::{Regime, Stage1Config, Stage1Regs};
use crate::testmem::{shift, Builder, FakeRam};
use crate::translate::translate;
use a64sim_arch::El;

pub const ROOT: u64 = 0x4000_0000;
/// MAIR: Attr0 0xFF, Attr1 0xF0 (Tagged), Attr2 0x44, Attr3 0x00, Attr4 0x04 (Linux).
pub const MAIR: u64 = 0x04_00_44_f0_ff;
pub const AF: u64 = 1 << 10;
pub const ISH: u64 = 3 << 8;
/// AP[2:1] = 01: RW at EL1 and EL0.
pub const AP_RW_ALL: u64 = 1 << 6;
/// AP[2:1] = 11: RO at EL1 and EL0.
pub const AP_RO_ALL: u64 = 3 << 6;
pub const ATTRS: u64 = AF | ISH;

/// (granule, TxSZ, expected start level) — ARCH.md §3.6: 2, 3 and 4 levels per granule.
pub const GEOMETRIES: &[(Granule, u64, u8)] = &[
    (Granule::K4, 16, 0),
    (Granule::K4, 25, 1),
    (Granule::K4, 34, 2),
    (Granule::K16, 16, 0),
    (Granule::K16, 17, 1),
    (Granule::K16, 28, 2),
    (Granule::K64, 16, 1),
    (Granule::K64, 22, 2),
];

pub fn tg0(g: Granule) -> u64 {
    match g {
        Granule::K4 => 0,
        Granule::K64 => 1 << 14,
        Granule::K16 => 2 << 14,
    }
}

/// SCTLR with M, C, I.
pub const SCTLR_ON: u64 = 1 | (1 << 2) | (1 << 12);

pub fn config(regime: Regime, g: Granule, txsz: u64, ips: u64, tcr_extra: u64) -> Stage1Config {
    let regs = Stage1Regs {
        sctlr: SCTLR_ON,
        tcr: txsz | tg0(g) | (ips << 32) | (ips << 16) | tcr_extra,
        ttbr0: ROOT,
        ttbr1: 0,
        mair: MAIR,
    };
    let regs = if regime.two_ranges() {
        Stage1Regs {
            tcr: regs.tcr & !(7 << 16) | (16 << 16),
            ..regs
        }
    } else {
        Stage1Regs {
            tcr: regs.tcr & !(7 << 32),
            ..regs
        }
    };
    Stage1Config::from_regs(regime, &regs, None)
}

pub fn rd(el: El) -> AccessReq {
    AccessReq::new(AccessKind::Read, el)
}
pub fn wr(el: El) -> AccessReq {
    AccessReq::new(AccessKind::Write, el)
}

/// A VA inside the input range with a mixed bit pattern, aligned to `align` bits.
fn sample_va(ia: u8, align: u8, salt: u64) -> u64 {
    let raw = 0x5a5a_a5a5_3c3c_c3c3u64.rotate_left(salt as u32 * 7);
    raw & ((1u64 << ia) - 1) & !((1u64 << align) - 1)
}

fn expect_fault(r: Result<crate::translate::Translation, Fault>) -> Fault {
    match r {
        Ok(t) => panic!("expected a fault, got {t:?}"),
        Err(f) => f,
    }
}

#[test]
fn pages_and_blocks_translate_for_every_granule_and_depth() {
    for &(g, txsz, start) in GEOMETRIES {
        let cfg = config(Regime::El10, g, txsz, 5, 0);
        assert_eq!(cfg.ranges[0].start_level(), start, "{g:?} T0SZ={txsz}");
        let ia = (64 - txsz) as u8;
        let mut ram = FakeRam::default();
        let mut b = Builder::new(g, start, ia, ROOT);
        let page = shift(g, 3);
        let va = sample_va(ia, page, 1);
        let oa = 0x0000_8765_4321_0000 & !((1u64 << page) - 1);
        b.map(&mut ram, va, 3, oa, ATTRS | AP_RW_ALL).unwrap();
        let off = 0x123 & ((1 << page) - 1);
        let t = translate(&mut ram, &cfg, None, va + off, &rd(El::El0)).unwrap();
        assert_eq!(t.pa, oa + off, "{g:?} T0SZ={txsz} page");
        assert_eq!((t.s1_level, t.size_log2), (Some(3), page));
        assert!(t.data_attrs.is_wb_wb() && !t.data_attrs.tagged);
        assert_eq!(t.region().va_base, va);
        // Blocks at every level the granule allows (ARCH.md §3.6 block sizes).
        for level in start..3 {
            let s = shift(g, level);
            let allowed = matches!((g, level), (Granule::K4, 1 | 2) | (_, 2));
            let vb = (va ^ (1u64 << s)) & !((1u64 << s) - 1);
            let ob = 0x0000_2000_0000_0000u64 & !((1u64 << s) - 1);
            b.map(&mut ram, vb, level, ob, ATTRS | (1 << 2)).unwrap();
            let off = 0x0123_4567_89ab & ((1u64 << s) - 1);
            let r = translate(&mut ram, &cfg, None, vb + off, &rd(El::El1));
            if allowed {
                let t = r.unwrap();
                assert_eq!(t.pa, ob + off, "{g:?} T0SZ={txsz} block L{level}");
                assert_eq!((t.s1_level, t.size_log2), (Some(level), s));
                assert!(t.data_attrs.tagged, "AttrIndx 1 = 0xF0");
            } else {
                // ARCH.md §3.7: a block where none is allowed is a Translation fault.
                let f = expect_fault(r);
                assert_eq!(
                    f.fsc(),
                    0x04 + level,
                    "{g:?} T0SZ={txsz} reserved block L{level}"
                );
            }
        }
    }
}

#[test]
fn each_fault_class_at_each_level_has_the_exact_dfsc() {
    for &(g, txsz, start) in GEOMETRIES {
        let ia = (64 - txsz) as u8;
        let page = shift(g, 3);
        let va = sample_va(ia, page, 2) | 0x10;
        let oa = 0x0000_0012_3456_0000 & !((1u64 << page) - 1);
        let fresh = |attrs: u64| {
            let mut ram = FakeRam::default();
            let mut b = Builder::new(g, start, ia, ROOT);
            b.map(&mut ram, va, 3, oa, attrs).unwrap();
            let path = b.path(&mut ram, va, 3, 0).unwrap();
            (ram, path)
        };
        // IPS = 40 bits, so 1 << 44 is out of range (ARCH.md §3.7 OA check).
        let cfg = config(Regime::El10, g, txsz, 2, 0);
        for level in start..=3 {
            let i = (level - start) as usize;
            let ctx = format!("{g:?} T0SZ={txsz} L{level}");
            // Translation fault: invalid descriptor.
            let (mut ram, path) = fresh(ATTRS);
            ram.set(path[i], 0);
            let f = expect_fault(translate(&mut ram, &cfg, None, va, &rd(El::El1)));
            assert_eq!(
                (f.kind, f.fsc()),
                (FaultKind::Translation, 0x04 + level),
                "{ctx}"
            );
            // External abort on the walk.
            let (mut ram, path) = fresh(ATTRS);
            ram.abort.insert(path[i]);
            let f = expect_fault(translate(&mut ram, &cfg, None, va, &rd(El::El1)));
            assert_eq!(f.fsc(), 0x14 + level, "{ctx}");
            // Address size: table or output address beyond IPS.
            let (mut ram, path) = fresh(ATTRS);
            let bad = if level < 3 {
                (1u64 << 44) | 3
            } else {
                (1u64 << 44) | ATTRS | 3
            };
            ram.set(path[i], bad);
            let f = expect_fault(translate(&mut ram, &cfg, None, va, &wr(El::El1)));
            assert_eq!(f.fsc(), level, "{ctx}");
            assert!(f.write);
        }
        // Access flag and permission faults at the page level.
        let (mut ram, _) = fresh(ISH);
        let f = expect_fault(translate(&mut ram, &cfg, None, va, &rd(El::El1)));
        assert_eq!(f.fsc(), 0x0b, "{g:?} AF L3");
        let (mut ram, _) = fresh(ATTRS | AP_RO_ALL);
        let f = expect_fault(translate(&mut ram, &cfg, None, va, &wr(El::El0)));
        assert_eq!(f.fsc(), 0x0f, "{g:?} permission L3");
        assert!(f.write);
        // TTBR base beyond IPS: Address size fault level 0 (ARCH.md §2.5).
        let mut c2 = cfg;
        c2.ranges[0].base = 1 << 44;
        let f = expect_fault(translate(&mut ram, &c2, None, va, &rd(El::El1)));
        assert_eq!(f.fsc(), 0x00);
    }
}

#[test]
fn af_and_permission_faults_on_blocks_report_the_block_level() {
    // ARCH.md §2.5: level = level of the leaf descriptor.
    let cfg = config(Regime::El10, Granule::K4, 16, 5, 0);
    for level in [1u8, 2] {
        let mut ram = FakeRam::default();
        let mut b = Builder::new(Granule::K4, 0, 48, ROOT);
        let va = 0x0000_1234_4000_0000 & !((1u64 << shift(Granule::K4, level)) - 1);
        b.map(&mut ram, va, level, 0x8000_0000, ISH).unwrap();
        let f = expect_fault(translate(&mut ram, &cfg, None, va, &rd(El::El1)));
        assert_eq!(f.fsc(), 0x08 + level);
        let mut ram = FakeRam::default();
        let mut b = Builder::new(Granule::K4, 0, 48, ROOT);
        b.map(&mut ram, va, level, 0x8000_0000, ATTRS).unwrap();
        let f = expect_fault(translate(&mut ram, &cfg, None, va, &rd(El::El0)));
        assert_eq!(f.fsc(), 0x0c + level, "AP=00: no EL0 access");
    }
}

#[test]
fn level0_faults_before_the_walk() {
    // ARCH.md §2.5/§3.3: VA out of range, EPD0, E0PD0 → Translation fault level 0.
    let cfg = config(Regime::El10, Granule::K4, 25, 5, 0);
    let mut ram = FakeRam::default();
    let f = expect_fault(translate(&mut ram, &cfg, None, 1 << 40, &rd(El::El1)));
    assert_eq!(f.fsc(), 0x04);
    let cfg = config(Regime::El10, Granule::K4, 25, 5, 1 << 7);
    let f = expect_fault(translate(&mut ram, &cfg, None, 0x1000, &rd(El::El1)));
    assert_eq!(f.fsc(), 0x04);
    let cfg = config(Regime::El10, Granule::K4, 25, 5, 1 << 55);
    let mut b = Builder::new(Granule::K4, 1, 39, ROOT);
    b.map(&mut ram, 0x1000, 3, 0x9000, ATTRS | AP_RW_ALL)
        .unwrap();
    assert!(translate(&mut ram, &cfg, None, 0x1000, &rd(El::El1)).is_ok());
    let f = expect_fault(translate(&mut ram, &cfg, None, 0x1000, &rd(El::El0)));
    assert_eq!(f.fsc(), 0x04, "E0PD0");
    let ldtr = AccessReq {
        unprivileged: true,
        ..rd(El::El1)
    };
    assert_eq!(
        expect_fault(translate(&mut ram, &cfg, None, 0x1000, &ldtr)).fsc(),
        0x04,
        "LDTR counts as EL0 for E0PD"
    );
    // A translation made for EL1 (what a TLB caches) repeats the E0PD fault for EL0.
    let t = translate(&mut ram, &cfg, None, 0x1000, &rd(El::El1)).unwrap();
    let f = t.check(0x1000, &rd(El::El0)).unwrap_err();
    assert_eq!((f.fsc(), f.level), (0x04, 0), "check agrees with a walk");
    assert!(t.check(0x1000, &rd(El::El1)).is_ok());
}

#[test]
fn ttbr1_uses_tg1_encoding_and_t1sz() {
    // ARCH.md §3.4: TG1 = 0b11 is 64K; VA[55] = 1 selects TTBR1.
    let regs = Stage1Regs {
        sctlr: SCTLR_ON,
        tcr: 16 | (22 << 16) | (3 << 30) | (5 << 32) | (1 << 22),
        ttbr0: 0,
        ttbr1: 0x0042_0000_5000_0000,
        mair: MAIR,
    };
    let cfg = Stage1Config::from_regs(Regime::El10, &regs, None);
    let mut ram = FakeRam::default();
    let mut b = Builder::new(Granule::K64, 2, 42, 0x5000_0000);
    let va = 0xffff_fc12_3456_0000u64;
    b.map(&mut ram, va, 3, 0x7777_0000, ATTRS | (1 << 11))
        .unwrap();
    let t = translate(&mut ram, &cfg, None, va | 0xabc, &rd(El::El1)).unwrap();
    assert_eq!(t.pa, 0x7777_0abc);
    assert_eq!(t.size_log2, 16);
    assert!(!t.global, "nG");
    assert_eq!(t.asid, Some(0x42 & 0xff));
}

#[test]
fn hierarchical_attributes_and_hpd() {
    // ARCH.md §3.7/§3.8: APTable[0] removes EL0 access; PXNTable/UXNTable; HPD ignores.
    let ap_table_no_el0 = 1u64 << 61;
    let uxn_pxn_table = (1u64 << 59) | (1 << 60);
    for (tcr_extra, hpd) in [(0u64, false), (1u64 << 41, true)] {
        let cfg = config(Regime::El10, Granule::K4, 25, 5, tcr_extra);
        let mut ram = FakeRam::default();
        let mut b = Builder::new(Granule::K4, 1, 39, ROOT);
        b.path(&mut ram, 0x20_0000, 2, ap_table_no_el0 | uxn_pxn_table);
        b.map(&mut ram, 0x20_0000, 3, 0xa000, ATTRS | AP_RO_ALL)
            .unwrap();
        let r = translate(&mut ram, &cfg, None, 0x20_0000, &rd(El::El0));
        assert_eq!(r.is_ok(), hpd, "HPD={hpd}");
        let fetch = AccessReq::new(AccessKind::Fetch, El::El1);
        assert_eq!(
            translate(&mut ram, &cfg, None, 0x20_0000, &fetch).is_ok(),
            hpd
        );
        let t = translate(&mut ram, &cfg, None, 0x20_0000, &rd(El::El1)).unwrap();
        assert!(t.s1_perms.privileged.r);
    }
}

#[test]
fn single_range_regimes_ignore_pxntable_ng_and_ap1() {
    // ARCH.md §3.7: PXNTable is RES0 and nG unused in single-range regimes; XNTable and
    // APTable[1] apply.
    for regime in [Regime::El2, Regime::El3] {
        let cfg = config(regime, Granule::K4, 25, 5, 0);
        assert!(!cfg.regime.two_ranges());
        let mut ram = FakeRam::default();
        let mut b = Builder::new(Granule::K4, 1, 39, ROOT);
        b.path(&mut ram, 0x40_0000, 2, 1 << 59);
        b.map(
            &mut ram,
            0x40_0000,
            3,
            0xb000,
            ATTRS | (1 << 11) | (1 << 53),
        )
        .unwrap();
        let fetch = AccessReq::new(AccessKind::Fetch, El::El2);
        let t = translate(&mut ram, &cfg, None, 0x40_0000, &fetch).unwrap();
        assert!(t.global && t.asid.is_none());
        assert!(t.s1_perms.privileged.w);
        b.path(&mut ram, 0x8000_0000, 2, (1 << 60) | (2 << 61));
        b.map(&mut ram, 0x8000_0000, 3, 0xc000, ATTRS).unwrap();
        assert_eq!(
            translate(&mut ram, &cfg, None, 0x8000_0000, &fetch)
                .unwrap_err()
                .fsc(),
            0x0f
        );
        let w = AccessReq::new(AccessKind::Write, El::El2);
        assert_eq!(
            translate(&mut ram, &cfg, None, 0x8000_0000, &w)
                .unwrap_err()
                .fsc(),
            0x0f
        );
    }
}

#[test]
fn pan_wxn_and_uao_through_the_walk() {
    // ARCH.md §3.8.
    let mut ram = FakeRam::default();
    let mut b = Builder::new(Granule::K4, 1, 39, ROOT);
    b.map(&mut ram, 0x1000, 3, 0x5000, ATTRS | AP_RW_ALL)
        .unwrap();
    b.map(&mut ram, 0x2000, 3, 0x6000, ATTRS).unwrap();
    let cfg = config(Regime::El10, Granule::K4, 25, 5, 0);
    let pan = AccessReq {
        pan: true,
        ..rd(El::El1)
    };
    assert_eq!(
        translate(&mut ram, &cfg, None, 0x1000, &pan)
            .unwrap_err()
            .fsc(),
        0x0f
    );
    assert!(translate(&mut ram, &cfg, None, 0x2000, &pan).is_ok());
    // LDTR ignores PAN but uses EL0 permissions; UAO restores privileged checks.
    let ldtr = AccessReq {
        unprivileged: true,
        ..pan
    };
    assert!(translate(&mut ram, &cfg, None, 0x1000, &ldtr).is_ok());
    assert!(translate(&mut ram, &cfg, None, 0x2000, &ldtr).is_err());
    let uao = AccessReq { uao: true, ..ldtr };
    assert!(translate(&mut ram, &cfg, None, 0x2000, &uao).is_ok());
    // EL0-writable memory is never privileged-executable; WXN removes EL1 execute.
    let fetch1 = AccessReq::new(AccessKind::Fetch, El::El1);
    assert!(translate(&mut ram, &cfg, None, 0x1000, &fetch1).is_err());
    assert!(translate(&mut ram, &cfg, None, 0x2000, &fetch1).is_ok());
    let mut wxn = cfg;
    wxn.wxn = true;
    assert!(translate(&mut ram, &wxn, None, 0x2000, &fetch1).is_err());
}

#[test]
fn hardware_access_flag_and_dirty_state() {
    // ARCH.md §3.8: HA sets AF instead of faulting; HA+HD: a write to DBM=1, AP[2]=1
    // clears AP[2].
    let ha_hd = (1u64 << 39) | (1 << 40);
    let cfg = config(Regime::El10, Granule::K4, 25, 5, ha_hd);
    let mut ram = FakeRam::default();
    let mut b = Builder::new(Granule::K4, 1, 39, ROOT);
    let da = b
        .map(&mut ram, 0x3000, 3, 0x7000, ISH | AP_RO_ALL | (1 << 51))
        .unwrap();
    let t = translate(&mut ram, &cfg, None, 0x3000, &rd(El::El1)).unwrap();
    assert!(ram.get(da) & AF != 0, "AF set by hardware");
    assert!(t.dirty_on_write && !t.s1_perms.privileged.w);
    assert!(
        t.check(0x3000, &wr(El::El1)).is_err(),
        "cached entry is read-only"
    );
    let t = translate(&mut ram, &cfg, None, 0x3000, &wr(El::El1)).unwrap();
    assert_eq!(ram.get(da) & (1 << 7), 0, "AP[2] cleared");
    assert!(t.s1_perms.privileged.w && !t.dirty_on_write);
    // Without DBM a read-only page faults; with HA only (no HD) too.
    let da2 = b.map(&mut ram, 0x4000, 3, 0x8000, ISH | AP_RO_ALL).unwrap();
    assert_eq!(
        translate(&mut ram, &cfg, None, 0x4000, &wr(El::El1))
            .unwrap_err()
            .fsc(),
        0x0f
    );
    assert_eq!(ram.get(da2) & AF, 0, "no update when the access faults");
    let ha = config(Regime::El10, Granule::K4, 25, 5, 1 << 39);
    b.map(&mut ram, 0x5000, 3, 0x9000, AF | AP_RO_ALL | (1 << 51))
        .unwrap();
    assert!(translate(&mut ram, &ha, None, 0x5000, &wr(El::El1)).is_err());
    // Big-endian walks byte-swap, including the update.
    let mut be = cfg;
    be.big_endian = true;
    let mut ram = FakeRam::default();
    let mut b = Builder::new(Granule::K4, 1, 39, ROOT);
    let da = b.map(&mut ram, 0x3000, 3, 0x7000, ISH).unwrap();
    let words: Vec<(u64, u64)> = ram.words.iter().map(|(&a, &v)| (a, v)).collect();
    for (a, v) in words {
        ram.set(a, v.swap_bytes());
    }
    let t = translate(&mut ram, &be, None, 0x3123, &rd(El::El1)).unwrap();
    assert_eq!(t.pa, 0x7123);
    assert_eq!(ram.get(da).swap_bytes() & AF, AF);
}

#[test]
fn stage1_disabled_is_flat_with_arch_3_2_attributes() {
    // ARCH.md §3.2: PA = VA; beyond the PA size → Address size fault level 0.
    let regs = Stage1Regs {
        sctlr: 1 << 12,
        tcr: 0,
        ..Default::default()
    };
    let cfg = Stage1Config::from_regs(Regime::El10, &regs, None);
    let mut ram = FakeRam::default();
    let t = translate(&mut ram, &cfg, None, 0x0900_0123, &wr(El::El0)).unwrap();
    assert_eq!(t.pa, 0x0900_0123);
    assert!(t.data_attrs.is_device() && !t.fetch_attrs.is_device());
    assert!(t.global);
    let f = expect_fault(translate(&mut ram, &cfg, None, 1 << 48, &rd(El::El1)));
    assert_eq!(f.fsc(), 0x00);
    // With TBI0 the top byte is ignored.
    let tbi = Stage1Config::from_regs(
        Regime::El10,
        &Stage1Regs {
            tcr: 1 << 37,
            ..regs
        },
        None,
    );
    let t = translate(&mut ram, &tbi, None, 0x5a00_0000_0000_1000, &rd(El::El1)).unwrap();
    assert_eq!(t.pa, 0x1000);
}
