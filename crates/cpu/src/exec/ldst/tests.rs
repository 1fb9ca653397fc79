//! Tests of the loads and stores, one program of a few instructions each on the
//! [`crate::testutil`] PE. Instruction words from
//! `aarch64-linux-gnu-as -march=armv8.5-a+lse+rcpc+memtag` and `objdump -d` (binutils 2.40);
//! the assembly is next to each word. Expected values of the CONSTRAINED UNPREDICTABLE
//! cases were measured on QEMU 10.0.2 (see the `ldst` module doc).

use super::atomic_op;
use crate::exception::{banked, Banked};
use crate::memory::PhysMem;
use crate::run::Cpu;
use crate::testutil::{machine, run_words, step, CODE, DATA};
use a64sim_arch::El;

const D: u64 = DATA;
/// Alignment fault on a read / a write at the current EL (EC 0x25, IL, DFSC 0x21).
const ALIGN_READ: u64 = 0x9600_0021;
const ALIGN_WRITE: u64 = 0x9600_0061;
/// D+0.. and D+8.. of most tests: bytes 87 86 85 84 83 82 81 80, 10 32 54 76 98 ba dc fe.
const P0: u64 = 0x8081_8283_8485_8687;
const P1: u64 = 0xfedc_ba98_7654_3210;
const X: u64 = 0x1122_3344_5566_7788;
const A5: u64 = 0xa5a5_a5a5_a5a5_a5a5;

fn put(mem: &mut PhysMem, pa: u64, v: u64) {
    assert!(mem.write_bytes(pa, &v.to_le_bytes()));
}

fn get(mem: &PhysMem, pa: u64) -> u64 {
    let mut b = [0; 8];
    assert!(mem.read_bytes(pa, &mut b));
    u64::from_le_bytes(b)
}

fn pattern(mem: &mut PhysMem) {
    put(mem, D, P0);
    put(mem, D + 8, P1);
}

/// Runs one instruction that must fault; returns (ESR_EL3, FAR_EL3) and the machine.
fn fault(word: u32, setup: impl FnOnce(&mut Cpu, &mut PhysMem)) -> (u64, u64, Cpu, PhysMem) {
    let (mut cpu, mut mem) = machine(&[word]);
    setup(&mut cpu, &mut mem);
    let out = step(&mut cpu, &mut mem, 1);
    assert_eq!(out.retired, 0, "{word:#010x} did not fault");
    assert_eq!(banked(&cpu.pe.sys, Banked::Elr, El::El3), CODE);
    assert_eq!(cpu.pe.st.pc, 0x200);
    let esr = banked(&cpu.pe.sys, Banked::Esr, El::El3);
    let far = banked(&cpu.pe.sys, Banked::Far, El::El3);
    (esr, far, cpu, mem)
}

#[test]
fn unsigned_offset_loads_extend_every_size() {
    let words = [
        0x3940_0401, // ldrb w1, [x0, #1]
        0x39c0_0402, // ldrsb w2, [x0, #1]
        0x3980_0403, // ldrsb x3, [x0, #1]
        0x7940_0404, // ldrh w4, [x0, #2]
        0x79c0_0405, // ldrsh w5, [x0, #2]
        0x7980_0406, // ldrsh x6, [x0, #2]
        0xb940_0407, // ldr w7, [x0, #4]
        0xb980_0408, // ldrsw x8, [x0, #4]
        0xf940_0409, // ldr x9, [x0, #8]
        0x39c0_200a, // ldrsb w10, [x0, #8]
        0x7980_1c0b, // ldrsh x11, [x0, #14]
        0xb980_080c, // ldrsw x12, [x0, #8]
        0xf940_001f, // ldr xzr, [x0]
    ];
    let (cpu, _) = run_words(&words, |cpu, mem| {
        pattern(mem);
        cpu.pe.st.x[0] = D;
        cpu.pe.st.x[1..13].fill(u64::MAX);
    });
    let x = &cpu.pe.st.x;
    assert_eq!(x[1], 0x86);
    assert_eq!(x[2], 0xffff_ff86);
    assert_eq!(x[3], 0xffff_ffff_ffff_ff86);
    assert_eq!(x[4], 0x8485);
    assert_eq!(x[5], 0xffff_8485);
    assert_eq!(x[6], 0xffff_ffff_ffff_8485);
    assert_eq!(x[7], 0x8081_8283);
    assert_eq!(x[8], 0xffff_ffff_8081_8283);
    assert_eq!(x[9], P1);
    assert_eq!(x[10], 0x10);
    assert_eq!(x[11], 0xffff_ffff_ffff_fedc);
    assert_eq!(x[12], 0x7654_3210);
    assert_eq!(x[31], 0);
}

#[test]
fn unsigned_offset_stores_write_only_their_size() {
    let words = [
        0x3900_0001, // strb w1, [x0]
        0x7900_0401, // strh w1, [x0, #2]
        0xb900_0401, // str w1, [x0, #4]
        0xf900_0401, // str x1, [x0, #8]
        0xf900_081f, // str xzr, [x0, #16]
        0x3900_041f, // strb wzr, [x0, #1]
        0x393f_fc41, // strb w1, [x2, #4095]
        0x793f_fc41, // strh w1, [x2, #8190]
        0xb93f_fc41, // str w1, [x2, #16380]
        0xf93f_fc41, // str x1, [x2, #32760]
    ];
    let (_, mem) = run_words(&words, |cpu, mem| {
        put(mem, D, u64::MAX);
        put(mem, D + 16, u64::MAX);
        cpu.pe.st.x[0] = D;
        cpu.pe.st.x[1] = X;
        cpu.pe.st.x[2] = D;
    });
    assert_eq!(get(&mem, D), 0x5566_7788_7788_0088);
    assert_eq!(get(&mem, D + 8), X);
    assert_eq!(get(&mem, D + 16), 0);
    assert_eq!(get(&mem, D + 4088), 0x8800_0000_0000_0000);
    assert_eq!(get(&mem, D + 8184) >> 48, 0x7788);
    assert_eq!(get(&mem, D + 16376) >> 32, 0x5566_7788);
    assert_eq!(get(&mem, D + 32760), X);
}

#[test]
fn unscaled_offsets_reach_both_directions() {
    let words = [
        0xf85f_8001, // ldur x1, [x0, #-8]
        0x38df_f002, // ldursb w2, [x0, #-1]
        0x3890_0003, // ldursb x3, [x0, #-256]
        0x785f_e004, // ldurh w4, [x0, #-2]
        0x789f_e005, // ldursh x5, [x0, #-2]
        0xb89f_c006, // ldursw x6, [x0, #-4]
        0xb84f_c007, // ldur w7, [x0, #252]
        0x3800_1008, // sturb w8, [x0, #1]
        0x7810_2008, // sturh w8, [x0, #-254]
        0xb810_4008, // stur w8, [x0, #-252]
        0xf81e_8008, // stur x8, [x0, #-24]
    ];
    let y = 0xa1a2_a3a4_a5a6_a7a8;
    let (cpu, mem) = run_words(&words, |cpu, mem| {
        put(mem, D, 0x80);
        put(mem, D + 0xf8, 0x8123_4567_89ab_cdef);
        put(mem, D + 0x1f8, 0xdead_beef_0000_0000);
        cpu.pe.st.x[0] = D + 0x100;
        cpu.pe.st.x[8] = y;
    });
    let x = &cpu.pe.st.x;
    assert_eq!(x[1], 0x8123_4567_89ab_cdef);
    assert_eq!(x[2], 0xffff_ff81);
    assert_eq!(x[3], 0xffff_ffff_ffff_ff80);
    assert_eq!(x[4], 0x8123);
    assert_eq!(x[5], 0xffff_ffff_ffff_8123);
    assert_eq!(x[6], 0xffff_ffff_8123_4567);
    assert_eq!(x[7], 0xdead_beef);
    assert_eq!(get(&mem, D + 0x100), 0xa800);
    assert_eq!(get(&mem, D), 0xa5a6_a7a8_a7a8_0080);
    assert_eq!(get(&mem, D + 0xe8), y);
}

#[test]
fn pre_and_post_index_write_back_the_base() {
    let words = [
        0xf840_8c01, // ldr x1, [x0, #8]!
        0xb85f_c402, // ldr w2, [x0], #-4
        0x389f_dc03, // ldrsb x3, [x0, #-3]!
        0x78c0_1c04, // ldrsh w4, [x0, #1]!
        0xf81f_0fe5, // str x5, [sp, #-16]!
        0xf841_07e6, // ldr x6, [sp], #16
        0x3800_14e5, // strb w5, [x7], #1
        0x7800_1ce5, // strh w5, [x7, #1]!
        0xb88f_f528, // ldrsw x8, [x9], #255
        0x3850_0d2a, // ldrb w10, [x9, #-256]!
    ];
    let (cpu, mem) = run_words(&words, |cpu, mem| {
        pattern(mem);
        put(mem, D + 0x28, 0x5a00_0000_0000_0000);
        put(mem, D + 0x30, 0x8000_0000);
        cpu.pe.st.x[0] = D;
        cpu.pe.st.set_sp(D + 0x100);
        cpu.pe.st.x[5] = X;
        cpu.pe.st.x[7] = D + 0x20;
        cpu.pe.st.x[9] = D + 0x30;
    });
    let x = &cpu.pe.st.x;
    assert_eq!(x[1], P1);
    assert_eq!(x[2], 0x7654_3210);
    assert_eq!(x[3], 0xffff_ffff_ffff_ff86);
    assert_eq!(x[4], 0xffff_8485);
    assert_eq!(x[0], D + 2);
    assert_eq!(get(&mem, D + 0xf0), X);
    assert_eq!(x[6], X);
    assert_eq!(cpu.pe.st.sp(), D + 0x100);
    assert_eq!(get(&mem, D + 0x20), 0x7788_0088);
    assert_eq!(x[7], D + 0x22);
    assert_eq!(x[8], 0xffff_ffff_8000_0000);
    assert_eq!(x[10], 0x5a);
    assert_eq!(x[9], D + 0x2f);
}

#[test]
fn writeback_to_the_transfer_register_keeps_the_address_as_qemu() {
    let words = [
        0xf840_8c21, // ldr x1, [x1, #8]!
        0xf840_8442, // ldr x2, [x2], #8
        0xf801_0c63, // str x3, [x3, #16]!
        0xa9c1_1484, // ldp x4, x5, [x4, #16]!
        0xa940_18e6, // ldp x6, x6, [x7]
        0xa9bf_2108, // stp x8, x8, [x8, #-16]!
        0x3840_1529, // ldrb w9, [x9], #1
    ];
    let (cpu, mem) = run_words(&words, |cpu, mem| {
        for k in 0..4 {
            put(mem, D + 8 * k, 0x1111 * (k + 1));
        }
        let x = &mut cpu.pe.st.x;
        (x[1], x[2], x[3], x[4], x[7], x[8], x[9]) = (D, D, D + 0x40, D, D, D + 0x80, D);
    });
    let x = &cpu.pe.st.x;
    assert_eq!(x[1], D + 8);
    assert_eq!(x[2], D + 8);
    assert_eq!((x[3], get(&mem, D + 0x50)), (D + 0x50, D + 0x40));
    assert_eq!((x[4], x[5]), (D + 16, 0x4444));
    assert_eq!(x[6], 0x2222, "LDP with Rt = Rt2: Rt2 wins");
    assert_eq!(x[8], D + 0x70);
    assert_eq!(
        (get(&mem, D + 0x70), get(&mem, D + 0x78)),
        (D + 0x80, D + 0x80)
    );
    assert_eq!(x[9], D + 1);
}

#[test]
fn unprivileged_forms_act_as_normal_ones_at_el3_and_el1() {
    let words = [
        0x3840_1801, // ldtrb w1, [x0, #1]
        0x38c0_1802, // ldtrsb w2, [x0, #1]
        0x7880_2803, // ldtrsh x3, [x0, #2]
        0xb840_4804, // ldtr w4, [x0, #4]
        0xb880_4805, // ldtrsw x5, [x0, #4]
        0xf840_8806, // ldtr x6, [x0, #8]
        0x3801_0807, // sttrb w7, [x0, #16]
        0x7801_2807, // sttrh w7, [x0, #18]
        0xb801_4807, // sttr w7, [x0, #20]
        0xf81f_8807, // sttr x7, [x0, #-8]
        0x3890_1808, // ldtrsb x8, [x0, #-255]
    ];
    for el in [El::El3, El::El1] {
        let (cpu, mem) = run_words(&words, |cpu, mem| {
            pattern(mem);
            put(mem, D - 0x100, 0x9000);
            cpu.pe.st.pstate.el = el;
            cpu.pe.st.x[0] = D;
            cpu.pe.st.x[7] = X;
        });
        let x = &cpu.pe.st.x;
        assert_eq!(x[1], 0x86);
        assert_eq!(x[2], 0xffff_ff86);
        assert_eq!(x[3], 0xffff_ffff_ffff_8485);
        assert_eq!(x[4], 0x8081_8283);
        assert_eq!(x[5], 0xffff_ffff_8081_8283);
        assert_eq!(x[6], P1);
        assert_eq!(get(&mem, D + 16), 0x5566_7788_7788_0088);
        assert_eq!(get(&mem, D - 8), X);
        assert_eq!(x[8], 0xffff_ffff_ffff_ff90);
    }
}

#[test]
fn register_offset_extends_and_scales_the_index() {
    let words = [
        0xf869_7801, // ldr x1, [x0, x9, lsl #3]
        0xb86a_5802, // ldr w2, [x0, w10, uxtw #2]
        0x386b_c8c3, // ldrb w3, [x6, w11, sxtw]
        0x78ac_f8c4, // ldrsh x4, [x6, x12, sxtx #1]
        0xb8ad_6805, // ldrsw x5, [x0, x13]
        0xf87f_6807, // ldr x7, [x0, xzr]
        0x782a_5808, // strh w8, [x0, w10, uxtw #1]
        0xf82b_d8c8, // str x8, [x6, w11, sxtw #3]
        0xb870_e8ce, // ldr w14, [x6, x16, sxtx]
        0x38ed_780f, // ldrsb w15, [x0, x13, lsl #0]
    ];
    let (cpu, mem) = run_words(&words, |cpu, mem| {
        pattern(mem);
        let x = &mut cpu.pe.st.x;
        x[0] = D;
        x[6] = D + 0x10;
        x[8] = X;
        x[9] = 1;
        x[10] = 0xffff_ffff_0000_0001; // UXTW ignores the upper half
        x[11] = 0xffff_fff1; // SXTW: -15
        x[12] = u64::MAX; // SXTX: -1
        x[13] = 4;
        x[16] = (-8i64) as u64;
    });
    let x = &cpu.pe.st.x;
    assert_eq!(x[1], P1);
    assert_eq!(x[2], 0x8081_8283);
    assert_eq!(x[3], 0x86);
    assert_eq!(x[4], 0xffff_ffff_ffff_fedc);
    assert_eq!(x[5], 0xffff_ffff_8081_8283);
    assert_eq!(x[7], P0);
    assert_eq!(get(&mem, D), 0x8081_8283_7788_8687);
    assert_eq!(get(&mem, D - 0x68), X);
    assert_eq!(x[14], 0x7654_3210);
    assert_eq!(x[15], 0xffff_ff83);
}

#[test]
fn literal_loads_are_pc_relative() {
    let words = [
        0x5808_0001, // ldr x1, . + 0x10000       (D)
        0x1808_0022, // ldr w2, . + 0x10004       (D + 8)
        0x9808_0003, // ldrsw x3, . + 0x10000     (D + 8)
        0xd8ff_8000, // prfm pldl1keep, . - 0x1000 (below RAM: no effect)
        0x58ff_ff84, // ldr x4, . - 16            (CODE: the first two words)
        0x9807_ffe5, // ldrsw x5, . + 0xfffc      (D + 0x10)
    ];
    let (cpu, _) = run_words(&words, |cpu, mem| {
        put(mem, D, P0);
        put(mem, D + 8, 0x1234_5678_9abc_def0);
        put(mem, D + 16, 0x7fff_ffff);
        cpu.pe.st.x[2] = u64::MAX;
    });
    let x = &cpu.pe.st.x;
    assert_eq!(x[1], P0);
    assert_eq!(x[2], 0x9abc_def0);
    assert_eq!(x[3], 0xffff_ffff_9abc_def0);
    assert_eq!(x[4], 0x1808_0022_5808_0001);
    assert_eq!(x[5], 0x7fff_ffff);
}

#[test]
fn pairs_load_and_store_two_elements() {
    let words = [
        0xa940_0801, // ldp x1, x2, [x0]
        0x2940_9003, // ldp w3, w4, [x0, #4]  (4-aligned is enough for W elements)
        0x6941_1805, // ldpsw x5, x6, [x0, #8]
        0xa9c1_2127, // ldp x7, x8, [x9, #16]!
        0x28ff_2d8a, // ldp w10, w11, [x12], #-8
        0xa841_380d, // ldnp x13, x14, [x0, #16]
        0xa9bf_0be1, // stp x1, x2, [sp, #-16]!
        0x2881_11e3, // stp w3, w4, [x15], #8
        0xa83f_1a05, // stnp x5, x6, [x16, #-16]
        0x69ff_4a71, // ldpsw x17, x18, [x19, #-8]!
        0x2900_8a81, // stp w1, w2, [x20, #4]
        0x2841_5815, // ldnp w21, w22, [x0, #8]
    ];
    let (cpu, mem) = run_words(&words, |cpu, mem| {
        put(mem, D, 0x8000_0001_7fff_ffff);
        put(mem, D + 8, 0xffff_fffe_8000_0000);
        put(mem, D + 16, 0x1111);
        put(mem, D + 24, 0x2222);
        cpu.pe.st.set_sp(D + 0x100);
        let x = &mut cpu.pe.st.x;
        x[0] = D;
        x[9] = D;
        x[12] = D + 8;
        x[15] = D + 0x40;
        x[16] = D + 0x60;
        x[19] = D + 0x10;
        x[20] = D + 0x80;
    });
    let x = &cpu.pe.st.x;
    assert_eq!((x[1], x[2]), (0x8000_0001_7fff_ffff, 0xffff_fffe_8000_0000));
    assert_eq!((x[3], x[4]), (0x8000_0001, 0x8000_0000));
    assert_eq!((x[5], x[6]), (0xffff_ffff_8000_0000, (-2i64) as u64));
    assert_eq!((x[7], x[8], x[9]), (0x1111, 0x2222, D + 16));
    assert_eq!((x[10], x[11], x[12]), (0x8000_0000, 0xffff_fffe, D));
    assert_eq!((x[13], x[14]), (0x1111, 0x2222));
    assert_eq!(cpu.pe.st.sp(), D + 0xf0);
    assert_eq!((get(&mem, D + 0xf0), get(&mem, D + 0xf8)), (x[1], x[2]));
    assert_eq!(
        (get(&mem, D + 0x40), x[15]),
        (0x8000_0000_8000_0001, D + 0x48)
    );
    assert_eq!((get(&mem, D + 0x50), get(&mem, D + 0x58)), (x[5], x[6]));
    assert_eq!(x[16], D + 0x60);
    assert_eq!(
        (x[17], x[18], x[19]),
        (0xffff_ffff_8000_0000, (-2i64) as u64, D + 8)
    );
    assert_eq!(
        (get(&mem, D + 0x80), get(&mem, D + 0x88)),
        (0x7fff_ffff_0000_0000, 0x8000_0000)
    );
    assert_eq!((x[21], x[22]), (0x8000_0000, 0xffff_fffe));
}

#[test]
fn store_exclusive_succeeds_once_after_load_exclusive() {
    let words = [
        0xc85f_7c01, // ldxr x1, [x0]
        0xc802_7c03, // stxr w2, x3, [x0]
        0xc804_7c05, // stxr w4, x5, [x0]
    ];
    let (cpu, mem) = run_words(&words, |cpu, mem| {
        put(mem, D, 0x1111);
        let x = &mut cpu.pe.st.x;
        (x[0], x[2], x[3], x[4], x[5]) = (D, 0x55, 0xaaaa, 0x55, 0xbbbb);
    });
    let x = &cpu.pe.st.x;
    assert_eq!((x[1], x[2], x[4]), (0x1111, 0, 1));
    assert_eq!(get(&mem, D), 0xaaaa, "the second STXR must not store");
    assert!(!cpu.pe.monitor.is_marked());
}

#[test]
fn store_exclusive_fails_without_a_mark() {
    // stxr w2, x3, [x0]: the monitor is Open after reset (QEMU too).
    let (cpu, mem) = run_words(&[0xc802_7c03], |cpu, mem| {
        put(mem, D, 0x1111);
        (cpu.pe.st.x[0], cpu.pe.st.x[3]) = (D, 0xaaaa);
    });
    assert_eq!((cpu.pe.st.x[2], get(&mem, D)), (1, 0x1111));

    // ldxr x1, [x0] ; (CLREX) ; stxr w2, x3, [x0]
    let (mut cpu, mut mem) = machine(&[0xc85f_7c01, 0xc802_7c03]);
    put(&mut mem, D, 0x1111);
    (cpu.pe.st.x[0], cpu.pe.st.x[3]) = (D, 0xaaaa);
    assert_eq!(step(&mut cpu, &mut mem, 1).retired, 1);
    assert!(cpu.pe.monitor.is_marked());
    cpu.pe.monitor.clear();
    assert_eq!(step(&mut cpu, &mut mem, 1).retired, 1);
    assert_eq!((cpu.pe.st.x[2], get(&mem, D)), (1, 0x1111));

    // ldxr x1, [x0] ; stxr w2, x3, [x6] to another address: neither location written
    let (cpu, mem) = run_words(&[0xc85f_7c01, 0xc802_7c03 | 6 << 5], |cpu, mem| {
        put(mem, D, 0x1111);
        put(mem, D + 8, 0x2222);
        let x = &mut cpu.pe.st.x;
        (x[0], x[3], x[6]) = (D, 0xaaaa, D + 8);
    });
    assert_eq!(cpu.pe.st.x[2], 1);
    assert_eq!((get(&mem, D), get(&mem, D + 8)), (0x1111, 0x2222));
}

#[test]
fn exclusives_of_every_size() {
    let cases: [([u32; 2], u64, u64); 3] = [
        // ldxrb w1, [x6] ; stxrb w2, w3, [x6]
        ([0x085f_7cc1, 0x0802_7cc3], 0x81, 0x8011_8283_8485_8687),
        // ldaxrh w1, [x6] ; stlxrh w2, w3, [x6]
        ([0x485f_fcc1, 0x4802_fcc3], 0x8081, 0xff11_8283_8485_8687),
        // ldaxr w1, [x0] ; stlxr w2, w3, [x0]
        (
            [0x885f_fc01, 0x8802_fc03],
            0x8485_8687,
            0x8081_8283_ffff_ff11,
        ),
    ];
    for (words, loaded, after) in cases {
        let (cpu, mem) = run_words(&words, |cpu, mem| {
            pattern(mem);
            let x = &mut cpu.pe.st.x;
            (x[0], x[2], x[3], x[6]) = (D, 0x55, 0xffff_ffff_ffff_ff11, D + 6);
        });
        assert_eq!((cpu.pe.st.x[1], cpu.pe.st.x[2]), (loaded, 0), "{words:x?}");
        assert_eq!(get(&mem, D), after, "{words:x?}");
    }
}

#[test]
fn exclusive_pairs() {
    let words = [
        0xc87f_0801, // ldxp x1, x2, [x0]
        0xc823_1404, // stxp w3, x4, x5, [x0]
    ];
    let (cpu, mem) = run_words(&words, |cpu, mem| {
        pattern(mem);
        let x = &mut cpu.pe.st.x;
        (x[0], x[3], x[4], x[5]) = (D, 0x55, 0x4444, 0x5555);
    });
    let x = &cpu.pe.st.x;
    assert_eq!((x[1], x[2], x[3]), (P0, P1, 0));
    assert_eq!((get(&mem, D), get(&mem, D + 8)), (0x4444, 0x5555));

    let words = [
        0x887f_88c1, // ldaxp w1, w2, [x6]
        0x8823_94c4, // stlxp w3, w4, w5, [x6]
    ];
    let (cpu, mem) = run_words(&words, |cpu, mem| {
        pattern(mem);
        let x = &mut cpu.pe.st.x;
        (x[3], x[4], x[5], x[6]) = (0x55, 0xffff_ffff_4444_4444, 0x5555_5555, D + 8);
    });
    let x = &cpu.pe.st.x;
    assert_eq!((x[1], x[2], x[3]), (0x7654_3210, 0xfedc_ba98, 0));
    assert_eq!(get(&mem, D + 8), 0x5555_5555_4444_4444);

    // ldxp x1, x1, [x0]: Rt2 wins (QEMU).
    let (cpu, _) = run_words(&[0xc87f_0401], |cpu, mem| {
        pattern(mem);
        cpu.pe.st.x[0] = D;
    });
    assert_eq!(cpu.pe.st.x[1], P1);
}

#[test]
fn store_exclusive_with_status_equal_to_data_stores_the_old_value() {
    let words = [
        0xc85f_7c01, // ldxr x1, [x0]
        0xc803_7c03, // stxr w3, x3, [x0]
    ];
    let (cpu, mem) = run_words(&words, |cpu, _| {
        (cpu.pe.st.x[0], cpu.pe.st.x[3]) = (D, 0x77);
    });
    assert_eq!((cpu.pe.st.x[3], get(&mem, D)), (0, 0x77));
}

#[test]
fn misaligned_exclusives_fault_except_a_failing_store() {
    // ldxr x1, [x0]
    let (esr, far, cpu, _) = fault(0xc85f_7c01, |cpu, _| cpu.pe.st.x[0] = D + 4);
    assert_eq!((esr, far), (ALIGN_READ, D + 4));
    assert!(!cpu.pe.monitor.is_marked());
    // ldxp x1, x2, [x0]: the pair needs 16-byte alignment
    let (esr, far, _, _) = fault(0xc87f_0801, |cpu, _| cpu.pe.st.x[0] = D + 8);
    assert_eq!((esr, far), (ALIGN_READ, D + 8));
    // ldxp w1, w2, [x0]: 8-byte alignment
    let (esr, far, _, _) = fault(0x887f_0801, |cpu, _| cpu.pe.st.x[0] = D + 4);
    assert_eq!((esr, far), (ALIGN_READ, D + 4));
    // stxr w2, x3, [x0] with the monitor open: status 1, no fault (QEMU)
    let (cpu, _) = run_words(&[0xc802_7c03], |cpu, _| cpu.pe.st.x[0] = D + 4);
    assert_eq!(cpu.pe.st.x[2], 1);
}

/// (word, memory value at D, Rs = x1, Rt = x2 expected, memory at D expected); the
/// memory around the accessed bytes is 0xa5 and must stay so.
const ATOMICS: [(u32, u64, u64, u64, u64); 24] = [
    (0x3821_0002, 0x7f, 0xffff_ff01, 0x7f, 0x80), // ldaddb w1, w2, [x0]
    (0x7821_0002, 0xffff, 1, 0xffff, 0),          // ldaddh w1, w2, [x0]
    (
        0xb821_0002,
        0xffff_ffff,
        0xffff_ffff_0000_0002,
        0xffff_ffff,
        1,
    ), // ldadd w
    (0xf821_0002, u64::MAX, 2, u64::MAX, 1),      // ldadd x1, x2, [x0]
    (0x3821_1002, 0xff, 0x0f, 0xff, 0xf0),        // ldclrb w1, w2, [x0]
    (0x7821_2002, 0x8001, 0xffff, 0x8001, 0x7ffe), // ldeorh w1, w2, [x0]
    (0xb821_3002, 0x8000_0000, 1, 0x8000_0000, 0x8000_0001), // ldset w1, w2, [x0]
    (0x3821_4002, 0x80, 0x7f, 0x80, 0x7f),        // ldsmaxb w1, w2, [x0]
    (0x3821_4002, 0x01, 0xffff_ff80, 0x01, 0x01), // ldsmaxb: Rs byte is -128
    (0x7821_5002, 0x7fff, 0x8000, 0x7fff, 0x8000), // ldsminh w1, w2, [x0]
    (
        0xb821_5002,
        0x7fff_ffff,
        0x8000_0000,
        0x7fff_ffff,
        0x8000_0000,
    ), // ldsmin w
    (
        0xf821_4002,
        1 << 63,
        i64::MAX as u64,
        1 << 63,
        i64::MAX as u64,
    ), // ldsmax x
    (0xf8e1_5002, 0, 1 << 63, 0, 1 << 63),        // ldsminal x1, x2, [x0]
    (0x3821_6002, 0x80, 0x7f, 0x80, 0x80),        // ldumaxb w1, w2, [x0]
    (0x7821_6002, 0x7fff, 0xffff_8000, 0x7fff, 0x8000), // ldumaxh w1, w2, [x0]
    (
        0xb821_7002,
        0xffff_fffe,
        0xffff_ffff_0000_0003,
        0xffff_fffe,
        3,
    ), // ldumin w
    (
        0xf821_7002,
        1 << 63,
        i64::MAX as u64,
        1 << 63,
        i64::MAX as u64,
    ), // ldumin x
    (0xf8a1_6002, u64::MAX, 0, u64::MAX, u64::MAX), // ldumaxa x1, x2, [x0]
    (
        0xf8e1_1002,
        0xff00_ff00,
        0xf0f0_f0f0,
        0xff00_ff00,
        0x0f00_0f00,
    ), // ldclral x
    (0x3861_2002, 0x5a, 0xff, 0x5a, 0xa5),        // ldeorlb w1, w2, [x0]
    (0x78a1_3002, 0x0001, 0x8000, 0x0001, 0x8001), // ldsetah w1, w2, [x0]
    (0xf8e1_8002, 0x1234, u64::MAX, 0x1234, u64::MAX), // swpal x1, x2, [x0]
    (0x3821_8002, 0x42, 0x1ff, 0x42, 0xff),       // swpb w1, w2, [x0]
    (0xf821_001f, 5, 7, 0x5a5a, 12),              // stadd x1, [x0]: Rt = XZR, x2 untouched
];

#[test]
fn lse_atomics_return_the_old_value_and_store_the_result() {
    for (word, old, rs, rt, new) in ATOMICS {
        let (cpu, mem) = run_words(&[word], |cpu, mem| {
            put(mem, D, A5);
            put(mem, D + 8, A5);
            let size = word >> 30;
            let mask = u64::MAX >> (64 - (8 << size));
            put(mem, D, (A5 & !mask) | old);
            let x = &mut cpu.pe.st.x;
            (x[0], x[1], x[2]) = (D, rs, 0x5a5a);
        });
        let size = word >> 30;
        let mask = u64::MAX >> (64 - (8 << size));
        assert_eq!(cpu.pe.st.x[2], rt, "{word:#010x}: Rt");
        assert_eq!(cpu.pe.st.x[1], rs, "{word:#010x}: Rs");
        assert_eq!(get(&mem, D), (A5 & !mask) | new, "{word:#010x}: memory");
        assert_eq!(get(&mem, D + 8), A5);
    }
    // ldaddh w1, w1, [x0]: Rt = Rs gets the old value
    let (cpu, mem) = run_words(&[0x7821_0001], |cpu, mem| {
        put(mem, D, 0x8000);
        (cpu.pe.st.x[0], cpu.pe.st.x[1]) = (D, 0x8001);
    });
    assert_eq!((cpu.pe.st.x[1], get(&mem, D)), (0x8000, 1));
}

#[test]
fn atomic_ops_compare_at_the_access_size() {
    // LDSMAX/LDSMIN/LDUMAX/LDUMIN of 8-bit and 64-bit extremes.
    assert_eq!(atomic_op(4, 0, 0x80, 0x7f) & 0xff, 0x7f);
    assert_eq!(atomic_op(5, 0, 0x80, 0x7f) & 0xff, 0x80);
    assert_eq!(atomic_op(6, 0, 0x80, 0xffff_ff7f), 0x80);
    assert_eq!(atomic_op(7, 0, 0x80, 0xffff_ff7f), 0x7f);
    assert_eq!(atomic_op(4, 3, 1 << 63, 0), 0);
    assert_eq!(atomic_op(5, 3, 1 << 63, 0), 1 << 63);
    assert_eq!(atomic_op(6, 3, 1 << 63, 0), 1 << 63);
    assert_eq!(atomic_op(7, 3, 1 << 63, 0), 0);
    assert_eq!(atomic_op(0, 2, 0xffff_ffff, 1) & 0xffff_ffff, 0);
}

#[test]
fn compare_and_swap() {
    // (word, memory at D, Rs = x1, Rt = x2, Rs after, memory after)
    let cases: [(u32, u64, u64, u64, u64, u64); 5] = [
        // casb w1, w2, [x0]: the compare ignores the register bits above the size
        (0x08a1_7c02, 0x80, 0xffff_ff80, 0x7f, 0x80, 0x7f),
        // cash w1, w2, [x0]
        (0x48a1_7c02, 0x8001, 0x0001_8001, 0x1234, 0x8001, 0x1234),
        // casa w1, w2, [x0]: fails
        (
            0x88e1_7c02,
            0x8000_0000,
            0,
            0x7fff_ffff,
            0x8000_0000,
            0x8000_0000,
        ),
        // casal x1, x2, [x0]: fails on the high half
        (
            0xc8e1_fc02,
            1 << 63,
            0x8000_0001_0000_0000,
            5,
            1 << 63,
            1 << 63,
        ),
        // casl x1, x2, [x0]
        (
            0xc8a1_fc02,
            1 << 63,
            1 << 63,
            0x0123_4567_89ab_cdef,
            1 << 63,
            0x0123_4567_89ab_cdef,
        ),
    ];
    for (word, old, rs, rt, rs_after, new) in cases {
        let (cpu, mem) = run_words(&[word], |cpu, mem| {
            put(mem, D, old);
            let x = &mut cpu.pe.st.x;
            (x[0], x[1], x[2]) = (D, rs, rt);
        });
        assert_eq!(cpu.pe.st.x[1], rs_after, "{word:#010x}: Rs");
        assert_eq!(get(&mem, D), new, "{word:#010x}: memory");
    }
}

#[test]
fn compare_and_swap_pair() {
    // (word, memory D/D+8, <x4, x5>, <x6, x7>, <x4, x5> after, memory after)
    type Case = (u32, [u64; 2], [u64; 2], [u64; 2], [u64; 2], [u64; 2]);
    let (m0, m1) = (1u64 << 63, i64::MAX as u64);
    let cases: [Case; 4] = [
        // caspal x4, x5, x6, x7, [x0]
        (0x4864_fc06, [m0, m1], [m0, m1], [1, 2], [m0, m1], [1, 2]),
        // casp x4, x5, x6, x7, [x0]: high half differs
        (
            0x4824_7c06,
            [m0, m1],
            [m0, m1 - 1],
            [1, 2],
            [m0, m1],
            [m0, m1],
        ),
        // caspa w4, w5, w6, w7, [x0]: register bits above 32 are ignored
        (
            0x0864_7c06,
            [0x7fff_ffff_8000_0000, 9],
            [0xffff_ffff_8000_0000, 0x7fff_ffff],
            [0x3333_3333, 0x4444_4444],
            [0x8000_0000, 0x7fff_ffff],
            [0x4444_4444_3333_3333, 9],
        ),
        // caspl w4, w5, w6, w7, [x0]: fails
        (
            0x0824_fc06,
            [0x7fff_ffff_8000_0000, 9],
            [0x8000_0000, 0x7fff_fffe],
            [0x3333_3333, 0x4444_4444],
            [0x8000_0000, 0x7fff_ffff],
            [0x7fff_ffff_8000_0000, 9],
        ),
    ];
    for (word, old, rs, rt, rs_after, new) in cases {
        let (cpu, mem) = run_words(&[word], |cpu, mem| {
            put(mem, D, old[0]);
            put(mem, D + 8, old[1]);
            let x = &mut cpu.pe.st.x;
            (x[0], x[4], x[5], x[6], x[7]) = (D, rs[0], rs[1], rt[0], rt[1]);
        });
        let x = &cpu.pe.st.x;
        assert_eq!([x[4], x[5]], rs_after, "{word:#010x}: Rs pair");
        assert_eq!(
            [get(&mem, D), get(&mem, D + 8)],
            new,
            "{word:#010x}: memory"
        );
    }
    // casp x30, xzr, x6, x7, [x0]: Rs+1 is XZR, compared as 0 and not written
    let (cpu, mem) = run_words(&[0x483e_7c06], |cpu, mem| {
        put(mem, D, 5);
        let x = &mut cpu.pe.st.x;
        (x[0], x[30], x[6], x[7]) = (D, 5, 6, 7);
    });
    assert_eq!((cpu.pe.st.x[30], cpu.pe.st.x[31]), (5, 0));
    assert_eq!([get(&mem, D), get(&mem, D + 8)], [6, 7]);
}

#[test]
fn misaligned_atomics_and_ordered_accesses_fault() {
    // (word, x0, ESR, FAR)
    let cases: [(u32, u64, u64, u64); 9] = [
        (0xf823_0004, D + 4, ALIGN_READ, D + 4), // ldadd x3, x4, [x0]
        (0xf821_001f, D + 4, ALIGN_READ, D + 4), // stadd x1, [x0]
        (0x7821_8002, D + 1, ALIGN_READ, D + 1), // swph w1, w2, [x0]
        (0x88a3_7c04, D + 2, ALIGN_READ, D + 2), // cas w3, w4, [x0]
        (0x4824_7c06, D + 8, ALIGN_READ, D + 8), // casp x4, x5, x6, x7, [x0]
        (0x88df_fc01, D + 2, ALIGN_READ, D + 2), // ldar w1, [x0]
        (0xc89f_fc04, D + 4, ALIGN_WRITE, D + 4), // stlr x4, [x0]
        (0x5940_1001, D, ALIGN_READ, D + 1),     // ldapurh w1, [x0, #1]
        (0x9900_0001, D + 2, ALIGN_WRITE, D + 2), // stlur w1, [x0]
    ];
    for (word, base, esr, far) in cases {
        let (e, f, cpu, mem) = fault(word, |cpu, mem| {
            put(mem, D, A5);
            put(mem, D + 8, A5);
            put(mem, D + 16, A5);
            cpu.pe.st.x[0] = base;
            cpu.pe.st.x[1..8].fill(0x5a);
        });
        assert_eq!((e, f), (esr, far), "{word:#010x}");
        assert!(cpu.pe.st.x[1..8].iter().all(|&v| v == 0x5a), "{word:#010x}");
        assert_eq!([get(&mem, D), get(&mem, D + 8), get(&mem, D + 16)], [A5; 3]);
    }
}

#[test]
fn acquire_release_forms_are_ordinary_accesses() {
    let words = [
        0x08df_fc01, // ldarb w1, [x0]
        0x48df_fc02, // ldarh w2, [x0]
        0x88df_fc03, // ldar w3, [x0]
        0xc8df_fc04, // ldar x4, [x0]
        0xf8bf_c005, // ldapr x5, [x0]
        0x78bf_c006, // ldaprh w6, [x0]
        0xc8df_7c07, // ldlar x7, [x0]
        0x19c0_100a, // ldapursb w10, [x0, #1]
        0x1980_100b, // ldapursb x11, [x0, #1]
        0x59c0_200c, // ldapursh w12, [x0, #2]
        0x5980_200d, // ldapursh x13, [x0, #2]
        0x9980_400e, // ldapursw x14, [x0, #4]
        0x9940_400f, // ldapur w15, [x0, #4]
        0xd95f_8130, // ldapur x16, [x9, #-8]
        0x1940_3011, // ldapurb w17, [x0, #3]
        0x5940_6012, // ldapurh w18, [x0, #6]
        0x38bf_c013, // ldaprb w19, [x0]
        0x08df_7c14, // ldlarb w20, [x0]
        0xd900_8128, // stlur x8, [x9, #8]
        0x191f_f128, // stlurb w8, [x9, #-1]
        0x591f_c128, // stlurh w8, [x9, #-4]
        0x9901_0128, // stlur w8, [x9, #16]
    ];
    let (cpu, mem) = run_words(&words, |cpu, mem| {
        pattern(mem);
        put(mem, D + 0x18, 0x0bad_cafe);
        let x = &mut cpu.pe.st.x;
        (x[0], x[8], x[9]) = (D, X, D + 0x20);
        x[10..21].fill(u64::MAX);
    });
    let x = &cpu.pe.st.x;
    assert_eq!((x[1], x[2], x[3], x[4]), (0x87, 0x8687, 0x8485_8687, P0));
    assert_eq!((x[5], x[6], x[7]), (P0, 0x8687, P0));
    assert_eq!((x[10], x[11]), (0xffff_ff86, 0xffff_ffff_ffff_ff86));
    assert_eq!((x[12], x[13]), (0xffff_8485, 0xffff_ffff_ffff_8485));
    assert_eq!((x[14], x[15]), (0xffff_ffff_8081_8283, 0x8081_8283));
    assert_eq!((x[16], x[17], x[18]), (0x0bad_cafe, 0x84, 0x8081));
    assert_eq!((x[19], x[20]), (0x87, 0x87));
    assert_eq!(get(&mem, D + 0x18), 0x8800_7788_0bad_cafe);
    assert_eq!(get(&mem, D + 0x28), X);
    assert_eq!(get(&mem, D + 0x30), 0x5566_7788);

    // Store-release of each size (x8 = X, x9 = D + 0x20, memory 0xa5).
    let cases: [(u32, u64); 5] = [
        (0x089f_fd28, 0xa5a5_a5a5_a5a5_a588), // stlrb w8, [x9]
        (0x489f_fd28, 0xa5a5_a5a5_a5a5_7788), // stlrh w8, [x9]
        (0x889f_7d28, 0xa5a5_a5a5_5566_7788), // stllr w8, [x9]
        (0x489f_7d28, 0xa5a5_a5a5_a5a5_7788), // stllrh w8, [x9]
        (0xc89f_fd28, X),                     // stlr x8, [x9]
    ];
    for (word, after) in cases {
        let (_, mem) = run_words(&[word], |cpu, mem| {
            put(mem, D + 0x20, A5);
            (cpu.pe.st.x[8], cpu.pe.st.x[9]) = (X, D + 0x20);
        });
        assert_eq!(get(&mem, D + 0x20), after, "{word:#010x}");
    }
}

#[test]
fn prefetches_never_fault() {
    let words = [
        0xf980_0020, // prfm pldl1keep, [x1]
        0xf880_1032, // prfum pstl2keep, [x1, #1]
        0xf8a2_783f, // prfm #0x1f, [x1, x2, lsl #3]
        0xf9bf_fc25, // prfm pldl3strm, [x1, #32760]
        0xf8a2_c828, // prfm plil1keep, [x1, w2, sxtw]
        0xd8ff_8000, // prfm pldl1keep, . - 0x1000
    ];
    let (cpu, _) = run_words(&words, |cpu, _| {
        (cpu.pe.st.x[1], cpu.pe.st.x[2]) = (0, 3); // address 0: nothing mapped
    });
    assert_eq!(cpu.pe.st.pc, CODE + 24);
}

#[test]
fn a_store_into_the_code_page_ends_the_block() {
    // Each program stores `mov x2, #7` over its last instruction, `mov x2, #1`; the
    // store must end the block so the new instruction runs.
    const MOV_X2_1: u32 = 0xd280_0022;
    const MOV_X2_7: u32 = 0xd280_00e2;
    let programs: [&[u32]; 12] = [
        &[0xb900_0001],              // str w1, [x0]
        &[0xb800_0001],              // stur w1, [x0]
        &[0xb800_4401],              // str w1, [x0], #4
        &[0xb800_0801],              // sttr w1, [x0]
        &[0xb825_6801],              // str w1, [x0, x5]
        &[0x2900_0401],              // stp w1, w1, [x0]
        &[0xb821_8003],              // swp w1, w3, [x0]
        &[0x88a4_7c01],              // cas w4, w1, [x0]
        &[0xb826_0006],              // ldadd w6, w6, [x0]
        &[0x889f_fc01],              // stlr w1, [x0]
        &[0x9900_0001],              // stlur w1, [x0]
        &[0x885f_7c03, 0x8803_7c01], // ldxr w3, [x0] ; stxr w3, w1, [x0]
    ];
    for prog in programs {
        let mut words = prog.to_vec();
        words.push(MOV_X2_1);
        let (mut cpu, mut mem) = machine(&words);
        let x = &mut cpu.pe.st.x;
        x[0] = CODE + 4 * prog.len() as u64;
        (x[1], x[4], x[5], x[6]) = (MOV_X2_7 as u64, MOV_X2_1 as u64, 0, 0xc0);
        let out = step(&mut cpu, &mut mem, words.len() as u64);
        assert_eq!(
            out.retired,
            words.len() as u64,
            "{prog:x?}: {:?}",
            out.reason
        );
        assert_eq!(cpu.pe.st.x[2], 7, "{prog:x?}: the stale instruction ran");
    }
}

#[test]
fn ldraa_is_undefined_and_the_tag_instructions_need_mte() {
    // ldraa x1, [x0]: no FEAT_PAuth
    let (mut cpu, mut mem) = machine(&[0xf820_0401]);
    assert_eq!(step(&mut cpu, &mut mem, 1).retired, 0);
    assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El3), 0x0200_0000);
    assert_eq!(banked(&cpu.pe.sys, Banked::Elr, El::El3), CODE);
    // stzgm x1, [x2], ldg x1, [x2], stg x1, [x2], stgp x1, x2, [x3], ldgm, stgm: UNDEFINED
    // with ID_AA64PFR1_EL1.MTE = 0 (ARCH.md §4.10); the block forms also with MTE = 1.
    for (word, level) in [
        (0xd920_0041, 1),
        (0xd960_0041, 0),
        (0xd920_0841, 0),
        (0x6900_0861, 0),
        (0xd9e0_0041, 1),
        (0xd9a0_0041, 1),
    ] {
        let (mut cpu, mut mem) = machine(&[word]);
        cpu.set_mte_level(level);
        assert_eq!(step(&mut cpu, &mut mem, 1).retired, 0, "{word:#010x}");
        assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El3), 0x0200_0000);
    }
    // With MTE and the MMU off, memory is untagged: LDG leaves Xt's tag 0, STG is dropped.
    let (mut cpu, mut mem) = machine(&[0xd920_0841, 0xd960_0041]);
    cpu.pe.st.x[1] = 0x0700_0000_0000_0000;
    cpu.pe.st.x[2] = CODE + 0x100;
    assert_eq!(step(&mut cpu, &mut mem, 2).retired, 2);
    assert_eq!(cpu.pe.st.x[1], 0);
    assert_eq!(mem.tags.allocated_pages(), 0);
}
