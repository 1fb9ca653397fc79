//! Two-stage tests with hand-built stage-1 and stage-2 tables (ARCH.md §3.11, §3.12,
//! §2.6, §3.14): S1PTW faults, HCR_EL2.PTW, concatenated start tables, FWB, PAR.

use crate::fault::{Fault, FaultKind, Stage};
use crate::granule::Granule;
use crate::par;
use crate::perms::{AccessKind, AccessReq};
use crate::regime::{Regime, Stage1Config, Stage1Regs};
use crate::stage2::Stage2Config;
use crate::testmem::{Builder, FakeRam};
use crate::tests_walk::{config, rd, wr, AF, AP_RO_ALL, AP_RW_ALL, ATTRS, ISH, ROOT};
use crate::translate::{translate, translate_stage1, Translation};
use a64sim_arch::El;

const S2ROOT: u64 = 0x1_0000_0000;
/// Stage-1 tables live at IPA `ROOT`, PA `ROOT + S1_OFFSET`.
const S1_OFFSET: u64 = 0x8000_0000;
const DATA_IPA: u64 = 0x20_0000_0000;
const DATA_PA: u64 = 0x3_0000_5000;
/// 4K, T0SZ = 24 (40-bit IPA), SL0 = 01 (level 1, 2 concatenated tables), PS = 40 bits.
const VTCR: u64 = 24 | (1 << 6) | (2 << 16) | (1 << 31);
const VTTBR: u64 = (7 << 48) | S2ROOT;
const HCR_VM: u64 = 1;
const HCR_PTW: u64 = 1 << 2;
const HCR_FWB: u64 = 1 << 46;
/// S2 leaf: AF, S2AP = RW, SH = ISH, MemAttr = 0b1111 (Normal WB).
const S2_RW_WB: u64 = AF | (3 << 6) | (3 << 8) | (0xf << 2);

struct World {
    ram: FakeRam,
    s1: Builder,
    s2: Builder,
    s1_table_block: u64,
    data_s2: u64,
}

/// VA 0x1000 → IPA DATA_IPA (stage 1, `s1_leaf` attributes) → PA DATA_PA (stage 2).
fn world(s1_leaf: u64, data_s2_attrs: u64) -> World {
    let mut ram = FakeRam::default();
    let mut s2 = Builder::new(Granule::K4, 1, 40, S2ROOT);
    // The 2 MB of IPA holding the stage-1 tables, as one level-2 block.
    let s1_table_block = s2
        .map(&mut ram, ROOT, 2, ROOT + S1_OFFSET, S2_RW_WB)
        .unwrap();
    let data_s2 = s2
        .map(&mut ram, DATA_IPA, 3, DATA_PA, data_s2_attrs)
        .unwrap();
    let mut s1 = Builder::new(Granule::K4, 1, 39, ROOT);
    s1.offset = S1_OFFSET;
    s1.map(&mut ram, 0x1000, 3, DATA_IPA, s1_leaf).unwrap();
    World {
        ram,
        s1,
        s2,
        s1_table_block,
        data_s2,
    }
}

fn s1cfg() -> Stage1Config {
    config(Regime::El10, Granule::K4, 25, 5, 0)
}

fn s2cfg(hcr: u64) -> Stage2Config {
    Stage2Config::from_regs(VTCR, VTTBR, hcr)
}

fn run(w: &mut World, hcr: u64, va: u64, req: &AccessReq) -> Result<Translation, Fault> {
    translate(&mut w.ram, &s1cfg(), Some(&s2cfg(hcr)), va, req)
}

#[test]
fn two_stage_translation_returns_pa_ipa_vmid_and_combined_attrs() {
    // ARCH.md §3.11: tagged S1 (AttrIndx 1 = 0xF0) stays tagged over S2 MemAttr 0b1111.
    let mut w = world(ATTRS | AP_RW_ALL | (1 << 2) | (1 << 11), S2_RW_WB);
    let t = run(&mut w, HCR_VM, 0x1abc, &rd(El::El0)).unwrap();
    assert_eq!(t.pa, DATA_PA + 0xabc);
    assert_eq!(t.ipa, Some(DATA_IPA + 0xabc));
    assert_eq!(
        (t.s1_level, t.s2_level, t.size_log2),
        (Some(3), Some(3), 12)
    );
    assert_eq!((t.vmid, t.asid, t.global), (Some(7), Some(0), false));
    assert!(t.data_attrs.tagged && !t.fetch_attrs.tagged);
    assert_eq!(t.region().ipa_base, Some(DATA_IPA));
    // AT S1E1R under stage 2 returns the IPA (ARCH.md §3.14).
    let a = translate_stage1(
        &mut w.ram,
        &s1cfg(),
        Some(&s2cfg(HCR_VM)),
        0x1abc,
        &rd(El::El1),
    )
    .unwrap();
    assert_eq!(a.pa, DATA_IPA + 0xabc);
    // S2 NC (0b0101) makes the access untagged; FWB 0b0110 keeps it tagged.
    w.ram
        .set(w.data_s2, DATA_PA | AF | (3 << 6) | (0b0101 << 2) | 3);
    assert!(
        !run(&mut w, HCR_VM, 0x1000, &rd(El::El1))
            .unwrap()
            .data_attrs
            .tagged
    );
    w.ram
        .set(w.data_s2, DATA_PA | AF | (3 << 6) | (0b0110 << 2) | 3);
    let t = run(&mut w, HCR_VM | HCR_FWB, 0x1000, &rd(El::El1)).unwrap();
    assert!(t.data_attrs.tagged);
    let t = run(&mut w, HCR_VM | (1 << 32), 0x1000, &rd(El::El1)).unwrap();
    assert!(!t.data_attrs.tagged, "HCR_EL2.CD");
}

#[test]
fn stage2_fault_on_a_stage1_table_read_is_s1ptw_with_descriptor_ipa() {
    // ARCH.md §3.12: S1PTW = 1, HPFAR = IPA of the descriptor, level = stage-2 level.
    let mut w = world(ATTRS, S2_RW_WB);
    w.ram.set(w.s1_table_block, 0);
    let f = run(&mut w, HCR_VM, 0x1000, &rd(El::El1)).unwrap_err();
    assert_eq!(
        (f.stage, f.kind, f.level, f.s1ptw),
        (Stage::Two, FaultKind::Translation, 2, true)
    );
    // The first descriptor read: level-1 entry 0 of the root table at IPA ROOT.
    assert_eq!(f.ipa, Some(ROOT));
    assert_eq!(f.hpfar(), Some((ROOT >> 12) << 4));
    assert_eq!(f.data_abort_iss().encode(), 0x80 | 0x06);
    assert!(!f.write);
    // No read permission at stage 2 on the table page → Permission, HPFAR still valid.
    w.ram.set(
        w.s1_table_block,
        (ROOT + S1_OFFSET) | AF | (2 << 6) | (0xf << 2) | 1,
    );
    let f = run(&mut w, HCR_VM, 0x1000, &rd(El::El1)).unwrap_err();
    assert_eq!((f.kind, f.level, f.s1ptw), (FaultKind::Permission, 2, true));
    assert!(f.hpfar().is_some());
}

#[test]
fn hcr_ptw_faults_walks_into_stage2_device_memory() {
    // ARCH.md §1.9/§3.11: PTW = 1 and the S1 table page is Device at S2.
    let mut w = world(ATTRS, S2_RW_WB);
    w.ram.set(
        w.s1_table_block,
        (ROOT + S1_OFFSET) | AF | (3 << 6) | (0b0001 << 2) | 1,
    );
    assert!(run(&mut w, HCR_VM, 0x1000, &rd(El::El1)).is_ok());
    let f = run(&mut w, HCR_VM | HCR_PTW, 0x1000, &rd(El::El1)).unwrap_err();
    assert_eq!(
        (f.kind, f.stage, f.s1ptw, f.level),
        (FaultKind::Permission, Stage::Two, true, 2)
    );
    // With FWB the Device encoding is MemAttr[2] = 0.
    w.ram.set(
        w.s1_table_block,
        (ROOT + S1_OFFSET) | AF | (3 << 6) | (0b0110 << 2) | 1,
    );
    assert!(run(&mut w, HCR_VM | HCR_PTW | HCR_FWB, 0x1000, &rd(El::El1)).is_ok());
}

#[test]
fn stage2_faults_on_the_output_ipa() {
    // ARCH.md §3.12: S1PTW = 0, IPA = final IPA; HPFAR valid for translation/AF, not for
    // a plain permission fault.
    let mut w = world(ATTRS | AP_RW_ALL, 0);
    w.ram.set(w.data_s2, 0);
    let f = run(&mut w, HCR_VM, 0x1234, &wr(El::El0)).unwrap_err();
    assert_eq!(
        (f.kind, f.level, f.s1ptw, f.write),
        (FaultKind::Translation, 3, false, true)
    );
    assert_eq!(f.ipa, Some(DATA_IPA + 0x234));
    assert_eq!(f.hpfar(), Some((DATA_IPA >> 12) << 4));
    w.ram.set(w.data_s2, DATA_PA | (3 << 6) | (0xf << 2) | 3);
    let f = run(&mut w, HCR_VM, 0x1234, &rd(El::El0)).unwrap_err();
    assert_eq!(
        (f.kind, f.level, f.stage),
        (FaultKind::AccessFlag, 3, Stage::Two)
    );
    // Read-only at stage 2 (S2AP = 01): write → stage-2 Permission fault.
    w.ram
        .set(w.data_s2, DATA_PA | AF | (1 << 6) | (0xf << 2) | 3);
    let t = run(&mut w, HCR_VM, 0x1234, &rd(El::El0)).unwrap();
    let f = run(&mut w, HCR_VM, 0x1234, &wr(El::El0)).unwrap_err();
    assert_eq!(
        (f.kind, f.level, f.stage),
        (FaultKind::Permission, 3, Stage::Two)
    );
    assert_eq!(f.hpfar(), None);
    assert_eq!(
        t.check(0x1234, &wr(El::El0)),
        Err(f),
        "a cached entry gives the same fault"
    );
    // Stage-2 XN (XN[1:0] = 01: EL0 only); stage 1 read-only so that EL1 may execute.
    let mut w = world(ATTRS | AP_RO_ALL, 0);
    w.ram.set(
        w.data_s2,
        DATA_PA | AF | (1 << 6) | (1 << 53) | (0xf << 2) | 3,
    );
    let fetch0 = AccessReq::new(AccessKind::Fetch, El::El0);
    let fetch1 = AccessReq::new(AccessKind::Fetch, El::El1);
    assert!(run(&mut w, HCR_VM, 0x1234, &fetch0).is_ok());
    assert_eq!(
        run(&mut w, HCR_VM, 0x1234, &fetch1).unwrap_err().stage,
        Stage::Two
    );
    // Output address beyond VTCR.PS (40 bits) → stage-2 Address size fault.
    w.ram.set(w.data_s2, (1 << 44) | S2_RW_WB | 3);
    let f = run(&mut w, HCR_VM, 0x1234, &rd(El::El0)).unwrap_err();
    assert_eq!(
        (f.kind, f.level, f.stage),
        (FaultKind::AddressSize, 3, Stage::Two)
    );
}

#[test]
fn stage1_permission_fault_has_priority_over_stage2_faults() {
    // ARCH.md §3.8 priority: stage-1 permission before stage-2 faults of the output IPA.
    let mut w = world(ATTRS | AP_RO_ALL, 0);
    w.ram.set(w.data_s2, 0);
    let f = run(&mut w, HCR_VM, 0x1000, &wr(El::El1)).unwrap_err();
    assert_eq!(
        (f.stage, f.kind, f.level),
        (Stage::One, FaultKind::Permission, 3)
    );
}

#[test]
fn concatenated_start_tables_and_ipa_range() {
    // ARCH.md §3.11: 40-bit IPA at level 1 → two concatenated tables; IPA beyond T0SZ →
    // Translation fault level 0. Stage 1 off so that IPA = VA.
    let mut w = world(ATTRS, S2_RW_WB);
    let high = 0x80_1234_5000u64;
    w.s2.map(&mut w.ram, high, 3, 0x6000, S2_RW_WB).unwrap();
    let off = Stage1Config::from_regs(Regime::El10, &Stage1Regs::default(), Some(HCR_VM));
    let s2 = s2cfg(HCR_VM);
    let t = translate(&mut w.ram, &off, Some(&s2), high + 8, &rd(El::El1)).unwrap();
    assert_eq!(t.pa, 0x6008);
    assert_eq!(t.size_log2, 12, "min of the stages' sizes");
    // The second table starts 4 KB after the root.
    assert!(w
        .ram
        .words
        .keys()
        .any(|&a| (S2ROOT + 0x1000..S2ROOT + 0x2000).contains(&a)));
    let f = translate(&mut w.ram, &off, Some(&s2), 1 << 40, &rd(El::El1)).unwrap_err();
    assert_eq!(
        (f.stage, f.kind, f.level, f.s1ptw),
        (Stage::Two, FaultKind::Translation, 0, false)
    );
    // A reserved/inconsistent SL0 faults every access at level 0.
    let bad = Stage2Config::from_regs(24, VTTBR, HCR_VM);
    let f = translate(&mut w.ram, &off, Some(&bad), high, &rd(El::El1)).unwrap_err();
    assert_eq!((f.stage, f.fsc()), (Stage::Two, 0x04));
}

#[test]
fn hardware_af_update_needs_stage2_write_permission() {
    // ARCH.md §3.11: walks need S2 write permission to update descriptors; the fault is
    // an S1PTW permission fault with WnR = 1 (§3.12 (?)).
    let mut w = world(ISH | AP_RW_ALL, S2_RW_WB);
    let ha = config(Regime::El10, Granule::K4, 25, 5, 1 << 39);
    w.ram.set(
        w.s1_table_block,
        (ROOT + S1_OFFSET) | AF | (1 << 6) | (0xf << 2) | 1,
    );
    let f = translate(&mut w.ram, &ha, Some(&s2cfg(HCR_VM)), 0x1000, &rd(El::El1)).unwrap_err();
    assert_eq!(
        (f.kind, f.s1ptw, f.write, f.stage),
        (FaultKind::Permission, true, true, Stage::Two)
    );
    w.ram
        .set(w.s1_table_block, (ROOT + S1_OFFSET) | S2_RW_WB | 1);
    assert!(translate(&mut w.ram, &ha, Some(&s2cfg(HCR_VM)), 0x1000, &rd(El::El1)).is_ok());
    let leaf = w.s1.path(&mut w.ram, 0x1000, 3, 0).unwrap()[2];
    assert_eq!(w.ram.get(leaf + S1_OFFSET) & AF, AF);
}

#[test]
fn par_encoding_of_success_and_faults() {
    // ARCH.md §3.14: F=0: ATTR[63:56], PA[47:12], RES1 bit 11, NS bit 9, SH[8:7].
    let mut w = world(ATTRS | AP_RW_ALL | (1 << 2), S2_RW_WB);
    let t = run(&mut w, HCR_VM, 0x1abc, &rd(El::El1)).unwrap();
    assert_eq!(
        par::encode_success(&t, true),
        0xf000_0003_0000_5000 | (1 << 11) | (1 << 9) | (3 << 7)
    );
    // Device reports SH = 10 (OSH) and ATTR 0000_dd00.
    w.ram
        .set(w.data_s2, DATA_PA | AF | (3 << 6) | (0b0001 << 2) | 3);
    let t = run(&mut w, HCR_VM, 0x1abc, &rd(El::El1)).unwrap();
    assert_eq!(par::encode_success(&t, false) >> 56, 0x04);
    assert_eq!(par::encode_success(&t, false) >> 7 & 3, 2);
    // F=1: FST[6:1], PTW bit 8, S bit 9, RES1 bit 11.
    w.ram.set(w.s1_table_block, 0);
    let f = run(&mut w, HCR_VM, 0x1000, &rd(El::El1)).unwrap_err();
    assert_eq!(
        par::encode_fault(&f),
        (1 << 11) | (1 << 9) | (1 << 8) | (0x06 << 1) | 1
    );
    assert!(
        !par::at_fault_goes_to_par(&f, false),
        "AT at EL1: taken to EL2"
    );
    assert!(par::at_fault_goes_to_par(&f, true));
    let s1 = Fault::stage1(FaultKind::Translation, 2, false);
    assert_eq!(par::encode_fault(&s1), (1 << 11) | (0x06 << 1) | 1);
    assert!(par::at_fault_goes_to_par(&s1, false));
}
