//! The seed corpora of `fuzz/corpus/<target>/seed-*`, generated from values so that they
//! are reproducible and meaningful: instruction words from the encoding table and from the
//! test images, PE states that turn the MMU and stage 2 on, well-formed page tables of each
//! granule and regime with the faults around them, and the test images plus broken ones.
//!
//! The small programs in [`PROGRAMS`] were assembled with `aarch64-linux-gnu-as
//! -march=armv8.5-a+memtag+lse` (the source is the comment after each word).

use a64sim_fuzz_targets::bytes::Encode;
use a64sim_fuzz_targets::step::{
    control_reg, MemWrite, Operand, StepInput, StepState, SysRegWrite, CODE, MMIO_BASE, RAM_BASE,
};
use a64sim_fuzz_targets::walk::{table_address, Entry, WalkInput};
use a64sim_isa::sysreg::{regs, SysRegId};
use a64sim_isa::ENCODINGS;
use a64sim_mmu::Granule;
use std::path::{Path, PathBuf};

/// One seed: the corpus it belongs to, its file name and contents.
#[derive(Debug)]
pub struct Seed {
    /// Target (corpus directory) name.
    pub target: &'static str,
    /// File name (always starting with `seed-`).
    pub name: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

fn seed(target: &'static str, name: impl Into<String>, bytes: Vec<u8>) -> Seed {
    Seed {
        target,
        name: format!("seed-{}", name.into()),
        bytes,
    }
}

/// Every seed of every target.
pub fn all() -> Vec<Seed> {
    let images = test_images();
    let mut out = Vec::new();
    decode_seeds(&images, &mut out);
    step_seeds(&images, &mut out);
    walk_seeds(&mut out);
    load_image_seeds(&images, &mut out);
    execute_seeds(&images, &mut out);
    out
}

/// A test image: its name and the bytes of its (only) loadable segment, linked at CODE.
struct TestImage {
    name: String,
    path: PathBuf,
    code: Vec<u8>,
}

fn images_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/images")
}

/// The test images the seeds come from: a fixed list, so that adding a test program does not
/// change the committed corpus.
const SEED_IMAGES: &[&str] = &[
    "acqrel",
    "atomics",
    "atomics_mmu",
    "bench_branchy",
    "bench_branchy_mmu",
    "bench_hvc_roundtrip",
    "bench_int_loop",
    "bench_int_loop_mmu",
    "bench_ldst_loop",
    "bench_ldst_loop_mmu",
    "bench_mmu_pagewalk",
    "bench_mmu_s2_ldst",
    "bench_mrs_trapped",
    "bench_mrs_untrapped",
    "bench_mte_checked_load",
    "bench_mte_stg",
    "bench_mte_unchecked_load",
    "bench_svc_roundtrip",
    "bench_tlbi_loop",
    "branch",
    "demo",
    "dp_imm",
    "dp_reg",
    "el_walk",
    "eret_illegal",
    "exclusive",
    "exclusive_mmu",
    "flags",
    "hvc_smc",
    "ldst",
    "mmu_at",
    "mmu_s1_faults",
    "mmu_s1_granules",
    "mmu_s1_hwaf",
    "mmu_s2",
    "mte_checks",
    "mte_insns",
    "mte_snapshot_check",
    "mte_snapshot_tag",
    "mte_stage2",
    "mte_tag_store",
    "mte_traps",
    "pkvm_mte_lockdown",
    "pkvm_undef_inject",
    "selfmod",
    "selfmod_mmu",
    "system",
    "tge_routing",
    "traps_hcr",
    "traps_scr_cptr",
    "vectors_virq",
    "vhe_host",
    "vhe_host_timers",
];

fn test_images() -> Vec<TestImage> {
    SEED_IMAGES
        .iter()
        .map(|n| images_dir().join(format!("{n}.elf")))
        .map(|path| {
            let img = a64sim_machine::load_image(&path, None).expect("a test image loads");
            let seg = img
                .segments
                .iter()
                .find(|s| s.addr == CODE)
                .expect("test images are linked at 0x4020_0000");
            TestImage {
                name: path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into(),
                code: seg.data.clone(),
                path,
            }
        })
        .collect()
}

fn words(ws: &[u32]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_le_bytes()).collect()
}

/// Small programs for the areas the test images touch least.
const PROGRAMS: &[(&str, &[u32])] = &[
    (
        "exceptions",
        &[
            0xd503_4fff, // msr daifclr, #0xf
            0xd400_0021, // svc #0x1
            0xd400_0042, // hvc #0x2
            0xd400_0063, // smc #0x3
            0xd420_0080, // brk #0x4
            0xd538_4241, // mrs x1, currentel
            0xd538_4002, // mrs x2, spsr_el1
            0xd69f_03e0, // eret
        ],
    ),
    (
        "mmio",
        &[
            0xd2a1_2000, // mov x0, #0x9000000
            0xb940_0001, // ldr w1, [x0]
            0xb900_0401, // str w1, [x0, #4]
            0x3940_6002, // ldrb w2, [x0, #24]
            0x791f_fc02, // strh w2, [x0, #4094]
            0xa940_1003, // ldp x3, x4, [x0]
            0xf948_0005, // ldr x5, [x0, #4096]
            0xa93f_1003, // stp x3, x4, [x0, #-16]
        ],
    ),
    (
        "semihosting",
        &[
            0x1000_00c1, // adr x1, msg
            0x5280_0080, // mov w0, #0x4
            0xd45e_0000, // hlt #0xf000
            0x5280_0300, // mov w0, #0x18
            0xd280_00e1, // mov x1, #0x7
            0xd45e_0000, // hlt #0xf000
            0x0000_6968, // msg: .asciz "hi"
        ],
    ),
    (
        "self-modifying",
        &[
            0x1000_0080, // adr x0, 1f
            0x5280_a841, // mov w1, #0x542
            0x72ba_5001, // movk w1, #0xd280, lsl #16
            0xb900_0001, // str w1, [x0]
            0xd503_201f, // 1: nop
            0xd50b_7520, // ic ivau, x0
            0xd503_3b9f, // dsb ish
            0xd503_3fdf, // isb
            0x9100_0443, // add x3, x2, #0x1
            0x17ff_fff7, // b 0
        ],
    ),
    (
        "system",
        &[
            0xd538_1000, // mrs x0, sctlr_el1
            0xb240_0000, // orr x0, x0, #0x1
            0xd518_1000, // msr sctlr_el1, x0
            0xd503_3fdf, // isb
            0xd508_7801, // at s1e1r, x1
            0xd538_7402, // mrs x2, par_el1
            0xd508_871f, // tlbi vmalle1
            0xd50b_7421, // dc zva, x1
            0xd50b_7e21, // dc civac, x1
            0xd538_2043, // mrs x3, tcr_el1
            0xd518_2001, // msr ttbr0_el1, x1
            0xd503_207f, // wfi
            0xd503_205f, // wfe
        ],
    ),
    (
        "exclusive-atomic",
        &[
            0xc85f_7c22, // ldxr x2, [x1]
            0x9100_0442, // add x2, x2, #0x1
            0xc803_7c22, // stxr w3, x2, [x1]
            0x35ff_ffa3, // cbnz w3, 0
            0x885f_fc24, // ldaxr w4, [x1]
            0x8805_fc24, // stlxr w5, w4, [x1]
            0xc8e6_fc27, // casal x6, x7, [x1]
            0xf828_0029, // ldadd x8, x9, [x1]
            0xf82a_802b, // swp x10, x11, [x1]
            0xd503_3f5f, // clrex
        ],
    ),
    (
        "mte",
        &[
            0x9adf_1021, // irg x1, x1
            0x9181_0422, // addg x2, x1, #0x10, #0x1
            0xd920_0842, // stg x2, [x2]
            0xd960_0023, // ldg x3, [x1]
            0xd9a0_2821, // st2g x1, [x1, #32]
            0xd960_4821, // stzg x1, [x1, #64]
            0x9ac1_0044, // subp x4, x2, x1
            0x9ac5_1425, // gmi x5, x1, x5
            0xf940_0046, // ldr x6, [x2]
        ],
    ),
    (
        "pstate",
        &[
            0xd500_40bf, // msr spsel, #0x0
            0xd500_419f, // msr pan, #0x1
            0xd500_417f, // msr uao, #0x1
            0xd503_415f, // msr dit, #0x1
            0xd503_419f, // msr tco, #0x1
            0xd53b_4200, // mrs x0, nzcv
            0xd51b_4201, // msr nzcv, x1
            0xd53b_4222, // mrs x2, daif
            0xd51b_4222, // msr daif, x2
            0xd538_4103, // mrs x3, sp_el0
            0xd51c_4103, // msr sp_el1, x3
            0xf840_0824, // ldtr x4, [x1]
            0xf800_8824, // sttr x4, [x1, #8]
            0xd503_233f, // paciasp
            0xd503_23bf, // autiasp
            0xd503_245f, // bti c
            0xd65f_03c0, // ret
        ],
    ),
];

// ---------------------------------------------------------------------------------------
// decode

fn decode_seeds(images: &[TestImage], out: &mut Vec<Seed>) {
    // Every row's fixed bits with its other bits clear, alternating and set.
    let mut rows = Vec::new();
    for r in ENCODINGS {
        for fill in [0, 0xaaaa_aaaa, 0x5555_5555, u32::MAX] {
            rows.push(r.value | (fill & !r.mask));
        }
    }
    out.push(seed("decode", "table-rows", words(&rows)));
    out.push(seed(
        "decode",
        "edge-words",
        words(&[
            0,
            u32::MAX,
            0x8000_0000,
            0x7fff_ffff,
            0xd503_201f,
            0x0000_dead,
        ]),
    ));
    for (name, ws) in PROGRAMS {
        out.push(seed("decode", format!("prog-{name}"), words(ws)));
    }
    for img in images {
        let n = img.code.len().min(2048) & !3;
        out.push(seed(
            "decode",
            format!("elf-{}", img.name),
            img.code[..n].to_vec(),
        ));
    }
}

// ---------------------------------------------------------------------------------------
// step

/// SPSR values: DAIF masked, AArch64, the EL and SP given.
const EL3H: u64 = 0x3cd;
const EL2H: u64 = 0x3c9;
const EL1H: u64 = 0x3c5;
const EL0T: u64 = 0x3c0;

/// SCR_EL3: NS, RES1, HCE, RW, APK, API, ATA.
const SCR: u64 = 1 | 0x30 | 1 << 8 | 1 << 10 | 1 << 16 | 1 << 17 | 1 << 26;
/// HCR_EL2 bits.
const HCR_VM: u64 = 1;
const HCR_TGE: u64 = 1 << 27;
const HCR_RW: u64 = 1 << 31;
const HCR_E2H: u64 = 1 << 34;
/// SCTLR: M, C, I.
const SCTLR_MMU: u64 = 1 | 1 << 2 | 1 << 12;
/// TCR_EL1 (and TCR_EL2 with E2H): T0SZ = 25 (39-bit VA, 4K, start level 1), inner and
/// outer write-back, inner shareable, TTBR1 walks off, 40-bit IPS.
const TCR_4K_39: u64 = 25 | 1 << 8 | 1 << 10 | 3 << 12 | 1 << 23 | 2 << 32;
/// VTCR_EL2: T0SZ = 25, SL0 = 1 (level 1), write-back, inner shareable, 4K, 40-bit PS.
const VTCR_4K_39: u64 = 25 | 1 << 6 | 1 << 8 | 1 << 10 | 3 << 12 | 2 << 16;
/// MAIR: 0 Normal WB, 1 Device-nGnRE, 2 Normal WB Tagged.
const MAIR: u64 = 0xff | 0x04 << 8 | 0xf0 << 16;

/// Where the seeds put the stage-1 tables (level 1, then level 2), the stage-2 table,
/// the stacks and the data (all in the first 2 MiB of RAM; the code is in the second).
const S1_TABLE: u64 = RAM_BASE + 0x10_0000;
const S2_TABLE: u64 = RAM_BASE + 0x11_0000;
const STACK: u64 = RAM_BASE + 0x18_0000;
const DATA: u64 = RAM_BASE + 0x1c_0000;

/// VBAR_EL1, VBAR_EL2, VBAR_EL3 of the program seeds.
const VBAR: [u64; 3] = [CODE + 0x800, CODE + 0x1000, CODE + 0x1800];
/// Where the program seeds' exception handlers are, by EL (1, 2, 3).
const HANDLER: [u64; 3] = [CODE + 0x200, CODE + 0x224, CODE + 0x248];
/// The handlers: return past the instruction that trapped (SVC, HVC and SMC already
/// return past themselves), so a program runs to its end through its exceptions.
const HANDLERS: [u32; 27] = [
    0xd538_521e, // mrs x30, esr_el1
    0xd35a_7fde, // ubfx x30, x30, #26, #6
    0xd100_57de, // sub x30, x30, #0x15
    0xf100_0bdf, // cmp x30, #0x2
    0x5400_0089, // b.ls 1f
    0xd538_403e, // mrs x30, elr_el1
    0x9100_13de, // add x30, x30, #0x4
    0xd518_403e, // msr elr_el1, x30
    0xd69f_03e0, // 1: eret
    0xd53c_521e, // mrs x30, esr_el2
    0xd35a_7fde, // ubfx x30, x30, #26, #6
    0xd100_57de, // sub x30, x30, #0x15
    0xf100_0bdf, // cmp x30, #0x2
    0x5400_0089, // b.ls 1f
    0xd53c_403e, // mrs x30, elr_el2
    0x9100_13de, // add x30, x30, #0x4
    0xd51c_403e, // msr elr_el2, x30
    0xd69f_03e0, // 1: eret
    0xd53e_521e, // mrs x30, esr_el3
    0xd35a_7fde, // ubfx x30, x30, #26, #6
    0xd100_57de, // sub x30, x30, #0x15
    0xf100_0bdf, // cmp x30, #0x2
    0x5400_0089, // b.ls 1f
    0xd53e_403e, // mrs x30, elr_el3
    0x9100_13de, // add x30, x30, #0x4
    0xd51e_403e, // msr elr_el3, x30
    0xd69f_03e0, // 1: eret
];

/// A program followed by the handlers at `HANDLER`.
fn with_handlers(program: &[u32]) -> Vec<u8> {
    let mut code = words(program);
    code.resize((HANDLER[0] - CODE) as usize, 0);
    code.extend(words(&HANDLERS));
    code
}

/// `b target` at `pc` followed by a NOP, as one doubleword.
fn branch(pc: u64, target: u64) -> u64 {
    let imm26 = (target.wrapping_sub(pc) as i64 / 4) as u64 & 0x3ff_ffff;
    0xd503_201f_u64 << 32 | 0x1400_0000 | imm26
}

/// Stage-1 block descriptor bits: block, AF, inner shareable, AttrIndx.
const fn s1_block(oa: u64, attr: u64) -> u64 {
    oa | 1 | 1 << 10 | 3 << 8 | attr << 2
}

/// Stage-2 block descriptor: block, AF, read/write, MemAttr.
const fn s2_block(oa: u64, memattr: u64) -> u64 {
    oa | 1 | 1 << 10 | 3 << 6 | 3 << 8 | memattr << 2
}

/// `cbnz x1, .-8` at 0x20 of every test image: the end of its BSS-clearing loop.
const BSS_LOOP_END: u32 = 0xb5ff_ffc1;

/// The starting states the seeds use, by name.
const VARIANTS: [&str; 5] = ["el3", "el1-mmu", "el1-stage2", "el0-mmu", "el2-vhe"];

/// The state `variant` of [`VARIANTS`]; with `handlers`, VBAR_ELx point at vectors whose
/// synchronous entries (current EL with SP_ELx, lower EL) branch to [`HANDLERS`].
fn state(variant: &str, handlers: bool) -> StepState {
    let mut s = StepState {
        split: 257,
        ..StepState::default()
    };
    let mut sys: Vec<(SysRegId, Operand)> = vec![
        (regs::SCR_EL3, Operand::raw(SCR)),
        (regs::HCR_EL2, Operand::raw(HCR_RW)),
        (regs::VBAR_EL1, Operand::ram(VBAR[0])),
        (regs::VBAR_EL2, Operand::ram(VBAR[1])),
        (regs::VBAR_EL3, Operand::ram(VBAR[2])),
    ];
    let mut mem = Vec::new();
    // Identity map: the first GB (devices, execute-never) as a block; the first 2 MiB of
    // RAM (tables, stacks, data; EL0 read/write in the EL0 state) and the next 2 MiB (the
    // code; privileged read/write, EL0 execute-only) as level-2 blocks.
    let el0 = variant == "el0-mmu";
    let data_ap = if el0 { 1 << 6 } else { 0 };
    let l2 = S1_TABLE + 0x1000;
    mem.push(MemWrite::at(
        S1_TABLE,
        Operand::raw(s1_block(0, 1) | 3 << 53),
    ));
    mem.push(MemWrite::at(S1_TABLE + 8, Operand::ram(l2 | 3)));
    mem.push(MemWrite::at(
        l2,
        Operand::raw(s1_block(RAM_BASE, 0) | data_ap),
    ));
    mem.push(MemWrite::at(l2 + 8, Operand::raw(s1_block(CODE, 0))));
    if handlers {
        for (vbar, handler) in VBAR.into_iter().zip(HANDLER) {
            for offset in [0x200, 0x400] {
                let v = vbar + offset;
                mem.push(MemWrite::at(v, Operand::raw(branch(v, handler))));
            }
        }
    }
    let (spsr, extra): (u64, Vec<(SysRegId, Operand)>) = match variant {
        "el3" => (EL3H, vec![]),
        "el1-mmu" | "el0-mmu" => (
            if el0 { EL0T } else { EL1H },
            vec![
                (regs::SCTLR_EL1, Operand::raw(SCTLR_MMU)),
                (regs::TCR_EL1, Operand::raw(TCR_4K_39)),
                (regs::MAIR_EL1, Operand::raw(MAIR)),
                (regs::TTBR0_EL1, Operand::ram(S1_TABLE)),
            ],
        ),
        "el1-stage2" => {
            mem.push(MemWrite::at(
                S2_TABLE,
                Operand::raw(s2_block(0, 1) | 2 << 53),
            ));
            mem.push(MemWrite::at(
                S2_TABLE + 8,
                Operand::raw(s2_block(0x4000_0000, 0xf)),
            ));
            (
                EL1H,
                vec![
                    (regs::HCR_EL2, Operand::raw(HCR_RW | HCR_VM)),
                    (regs::VTCR_EL2, Operand::raw(VTCR_4K_39)),
                    (regs::VTTBR_EL2, Operand::ram(S2_TABLE)),
                    (regs::SCTLR_EL1, Operand::raw(SCTLR_MMU)),
                    (regs::TCR_EL1, Operand::raw(TCR_4K_39)),
                    (regs::MAIR_EL1, Operand::raw(MAIR)),
                    (regs::TTBR0_EL1, Operand::ram(S1_TABLE)),
                ],
            )
        }
        _ => (
            EL2H,
            vec![
                (regs::HCR_EL2, Operand::raw(HCR_RW | HCR_E2H | HCR_TGE)),
                (regs::SCTLR_EL2, Operand::raw(SCTLR_MMU)),
                (regs::TCR_EL2, Operand::raw(TCR_4K_39)),
                (regs::MAIR_EL2, Operand::raw(MAIR)),
                (regs::TTBR0_EL2, Operand::ram(S1_TABLE)),
            ],
        ),
    };
    sys.extend(extra);
    for (slot, (id, v)) in s.sysregs.iter_mut().zip(sys) {
        *slot = SysRegWrite {
            reg: control_reg(id),
            value: v,
        };
    }
    for (slot, w) in s.mem.iter_mut().zip(mem) {
        *slot = w;
    }
    s.spsr = spsr;
    s.entry = Operand::ram(CODE);
    s.x[0] = Operand::raw(MMIO_BASE);
    s.x[1] = Operand::ram(DATA);
    s.x[2] = Operand::raw(0x1234_5678_9abc_def0);
    for (i, sp) in s.sp.iter_mut().enumerate() {
        *sp = Operand::ram(STACK + 0x1_0000 * i as u64);
    }
    s
}

fn step_seeds(images: &[TestImage], out: &mut Vec<Seed>) {
    for (name, ws) in PROGRAMS {
        for v in VARIANTS {
            let input = StepInput {
                state: state(v, true),
                code: with_handlers(ws),
            };
            out.push(seed("step", format!("prog-{name}-{v}"), input.to_bytes()));
        }
    }
    // The images whose code and data fit in 16 KiB, whole. They are EL3 programs: every
    // other one starts as it would (at EL3), the others in one of the other states. All
    // start past their common first loop, which clears the BSS (RAM is zero already) and
    // would use up the budget.
    let small = images.iter().filter(|i| i.code.len() <= 16 << 10);
    for (i, img) in small.enumerate() {
        let v = if i % 2 == 0 {
            VARIANTS[0]
        } else {
            VARIANTS[1 + (i / 2) % 4]
        };
        let mut state = state(v, false);
        if img.code.get(0x20..0x24) == Some(&BSS_LOOP_END.to_le_bytes()[..]) {
            state.entry = Operand::ram(CODE + 0x24);
        }
        let input = StepInput {
            state,
            code: img.code.clone(),
        };
        out.push(seed(
            "step",
            format!("elf-{}-{v}", img.name),
            input.to_bytes(),
        ));
    }
}

// ---------------------------------------------------------------------------------------
// walk

/// Regime numbers of `WalkInput::regime`.
const EL10: u8 = 0;
const EL2: u8 = 1;
const EL20: u8 = 2;
const EL3: u8 = 3;
/// `WalkInput::access` values.
const READ_EL1: u8 = 1 << 2;
const WRITE_EL1: u8 = 1 | 1 << 2;
const FETCH_EL1: u8 = 2 | 1 << 2;
const READ_EL0: u8 = 0;

/// Descriptor bits.
const VALID_TABLE: u64 = 3;
const PAGE: u64 = 3;
const BLOCK: u64 = 1;
const AF: u64 = 1 << 10;
const AP_EL0: u64 = 1 << 6;
const AP_RO: u64 = 1 << 7;
const DBM: u64 = 1 << 51;
const SH_INNER: u64 = 3 << 8;
const S2_RW: u64 = 3 << 6;
const S2_NORMAL: u64 = 0xf << 2;

/// Page tables written as `WalkInput` entries.
struct Tables {
    input: WalkInput,
    used: usize,
    big_endian: bool,
}

impl Tables {
    fn new(input: WalkInput) -> Tables {
        Tables {
            input,
            used: 0,
            big_endian: false,
        }
    }

    fn put(&mut self, table: u8, index: u64, value: u64) {
        let value = if self.big_endian {
            value.swap_bytes()
        } else {
            value
        };
        self.input.entries[self.used] = Entry {
            table,
            index: index as u16,
            value,
        };
        self.used += 1;
    }

    /// Maps `addr` (an `ia_bits`-bit input address, walk starting at `start`) through
    /// tables `first`, `first + 1`, ... to `leaf` at `level`; `table_bits` go into every
    /// table descriptor. Returns the next free table.
    #[allow(
        clippy::too_many_arguments,
        reason = "a page-table path is this many things"
    )]
    fn map(
        &mut self,
        g: Granule,
        ia_bits: u8,
        start: u8,
        first: u8,
        addr: u64,
        level: u8,
        leaf: u64,
        table_bits: u64,
    ) -> u8 {
        let mut table = first;
        for l in start..=level {
            let shift = g.level_shift(l);
            let bits = if l == start {
                ia_bits - shift
            } else {
                g.stride()
            };
            let index = (addr >> shift) & ((1 << bits) - 1);
            if l == level {
                self.put(table, index, leaf);
            } else {
                self.put(
                    table,
                    index,
                    table_address(table + 1) | VALID_TABLE | table_bits,
                );
            }
            table += 1;
        }
        table
    }
}

/// A stage-1 EL1&0 input: 4K granule, 39-bit VA (start level 1), TTBR0 = table 0.
fn el10_4k(va: u64, access: u8) -> WalkInput {
    WalkInput {
        regime: EL10,
        sctlr: SCTLR_MMU,
        tcr: TCR_4K_39,
        ttbr0: table_address(0),
        mair: MAIR,
        va,
        access,
        ..WalkInput::default()
    }
}

fn walk_seeds(out: &mut Vec<Seed>) {
    let g4 = Granule::K4;
    let va = 0x4020_1234;
    let mut seeds: Vec<(&str, WalkInput)> = Vec::new();
    let page = |oa: u64, bits: u64| oa | PAGE | AF | SH_INNER | bits;

    let mut t = Tables::new(el10_4k(va, READ_EL1));
    t.map(g4, 39, 1, 0, va, 3, page(0x8_1234_5000, 0), 0);
    seeds.push(("s1-4k-page", t.input));

    let mut t = Tables::new(el10_4k(va, WRITE_EL1));
    t.map(g4, 39, 1, 0, va, 1, 0x4000_0000 | BLOCK | AF | SH_INNER, 0);
    seeds.push(("s1-4k-block-l1", t.input));

    let mut t = Tables::new(el10_4k(va, FETCH_EL1));
    t.map(g4, 39, 1, 0, va, 2, 0x7fe0_0000 | BLOCK | AF | 2 << 2, 0);
    seeds.push(("s1-4k-block-l2-tagged", t.input));

    // 16K granule, 47-bit VA; 64K granule, 42-bit VA.
    for (name, g, txsz, tg0) in [
        ("s1-16k-page", Granule::K16, 17u64, 2u64),
        ("s1-64k-page", Granule::K64, 22, 1),
    ] {
        let ia = 64 - txsz as u8;
        let mut w = el10_4k(0x0000_1234_5678_9abc & ((1 << ia) - 1), READ_EL0);
        w.tcr = (TCR_4K_39 & !0x3f & !(3 << 14)) | txsz | tg0 << 14;
        let start = g.s1_start_level(ia);
        let mut t = Tables::new(w);
        let oa = 0x0000_00ab_cdef_0000 & !((1 << g.level_shift(3)) - 1);
        t.map(g, ia, start, 0, w.va, 3, page(oa, AP_EL0), 0);
        seeds.push((name, t.input));
    }

    // TTBR1: a kernel address with T1SZ = 25, TG1 = 4K.
    let kva = 0xffff_ffc0_0808_0000;
    let mut w = el10_4k(kva, READ_EL1);
    w.tcr = (TCR_4K_39 & !(1 << 23)) | 25 << 16 | 2 << 30 | 3 << 28 | 1 << 24 | 1 << 26;
    w.ttbr1 = table_address(4) | 0x42 << 48;
    let mut t = Tables::new(w);
    t.map(g4, 39, 1, 4, kva, 3, page(0x4008_0000, AP_RO), 0);
    seeds.push(("s1-ttbr1-kernel", t.input));

    // TBI: a tagged pointer translates by its low 56 bits.
    let mut w = el10_4k(0x5a00_0000_4020_1000, READ_EL1);
    w.tcr |= 1 << 37;
    let mut t = Tables::new(w);
    t.map(g4, 39, 1, 0, 0x4020_1000, 3, page(0x8000_0000, 0), 0);
    seeds.push(("s1-tbi-tagged", t.input));

    // Hardware Access flag and dirty state: AF = 0, DBM = 1, read-only, written.
    let mut w = el10_4k(va, WRITE_EL1);
    w.tcr |= 1 << 39 | 1 << 40;
    let mut t = Tables::new(w);
    t.map(g4, 39, 1, 0, va, 3, 0x9000_0000 | PAGE | AP_RO | DBM, 0);
    seeds.push(("s1-hw-af-dirty", t.input));
    let mut w = t.input;
    w.cas_failures = 5;
    seeds.push(("s1-hw-update-races", w));

    // Big-endian tables (SCTLR.EE).
    let mut w = el10_4k(va, READ_EL1);
    w.sctlr |= 1 << 25;
    let mut t = Tables::new(w);
    t.big_endian = true;
    t.map(g4, 39, 1, 0, va, 3, page(0x8123_4000, 0), 0);
    seeds.push(("s1-big-endian", t.input));

    // Faults: permission (EL0 on a privileged page), access flag, address size, invalid.
    let mut t = Tables::new(el10_4k(va, READ_EL0));
    t.map(g4, 39, 1, 0, va, 3, page(0x8000_0000, 0), 0);
    seeds.push(("s1-permission-el0", t.input));
    let mut t = Tables::new(el10_4k(va, READ_EL1));
    t.map(g4, 39, 1, 0, va, 3, 0x8000_0000 | PAGE, 0);
    seeds.push(("s1-access-flag", t.input));
    let mut w = el10_4k(va, READ_EL1);
    w.tcr &= !(7 << 32); // IPS = 32 bits
    let mut t = Tables::new(w);
    t.map(g4, 39, 1, 0, va, 3, page(0x1_0000_0000, 0), 0);
    seeds.push(("s1-address-size", t.input));
    let mut t = Tables::new(el10_4k(va, READ_EL1));
    t.map(g4, 39, 1, 0, va, 2, 0, 0);
    seeds.push(("s1-invalid-l2", t.input));
    let mut w = el10_4k(va, READ_EL1);
    w.tcr |= 1 << 7; // EPD0
    seeds.push(("s1-epd0", w));
    seeds.push((
        "s1-va-out-of-range",
        el10_4k(0x0000_8000_0000_0000, READ_EL1),
    ));

    // Hierarchical attributes: APTable, UXNTable, PXNTable on the way, fetched from EL0.
    let mut t = Tables::new(el10_4k(va, 2));
    t.map(
        g4,
        39,
        1,
        0,
        va,
        3,
        page(0x8000_0000, AP_EL0),
        1 << 61 | 1 << 60,
    );
    seeds.push(("s1-table-attributes", t.input));

    // Stage 2 alone (stage 1 off), and both stages: the stage-1 tables are at IPA = PA
    // (a 1 GB stage-2 block over them) and the output IPA is mapped by a stage-2 page.
    let s2_only = |access| WalkInput {
        regime: EL10,
        flags: 1,
        hcr: HCR_RW | HCR_VM,
        vtcr: VTCR_4K_39,
        vttbr: table_address(4) | 7 << 48,
        va: 0x4020_1000,
        access,
        ..WalkInput::default()
    };
    let mut t = Tables::new(s2_only(READ_EL1));
    t.map(g4, 39, 1, 4, 0x4000_0000, 1, s2_block(0x4000_0000, 0xf), 0);
    seeds.push(("s2-only-block", t.input));
    let mut w = s2_only(WRITE_EL1);
    w.sctlr = SCTLR_MMU;
    w.tcr = TCR_4K_39;
    w.ttbr0 = table_address(0);
    w.mair = MAIR;
    let mut t = Tables::new(w);
    t.map(g4, 39, 1, 0, va, 3, page(0x3000_0000, 0), 0);
    t.map(
        g4,
        39,
        1,
        4,
        table_address(0),
        1,
        s2_block(0x8000_0000, 0xf),
        0,
    );
    t.map(
        g4,
        39,
        1,
        6,
        0x3000_0000,
        3,
        0x5000_0000 | PAGE | AF | S2_RW | S2_NORMAL,
        0,
    );
    seeds.push(("s1-s2-page", t.input));
    // The same, but stage 2 does not map the stage-1 tables: an S1PTW fault.
    let mut t = Tables::new(w);
    t.map(g4, 39, 1, 0, va, 3, page(0x3000_0000, 0), 0);
    t.map(
        g4,
        39,
        1,
        6,
        0x3000_0000,
        3,
        0x5000_0000 | PAGE | AF | S2_RW | S2_NORMAL,
        0,
    );
    seeds.push(("s1-s2-s1ptw-fault", t.input));
    // Stage-2 hardware Access flag and dirty state (VTCR.HA/HD).
    let mut w = s2_only(WRITE_EL1);
    w.vtcr |= 1 << 21 | 1 << 22;
    let mut t = Tables::new(w);
    t.map(
        g4,
        39,
        1,
        4,
        0x4020_1000,
        3,
        0x6000_0000 | PAGE | 1 << 6 | DBM | S2_NORMAL,
        0,
    );
    seeds.push(("s2-hw-af-dirty", t.input));
    // HCR_EL2.DC: stage 1 off, default cacheable.
    let mut w = s2_only(READ_EL1);
    w.hcr = HCR_RW | 1 << 12;
    let mut t = Tables::new(w);
    t.map(g4, 39, 1, 4, 0x4000_0000, 1, s2_block(0x4000_0000, 0xf), 0);
    seeds.push(("s2-dc", t.input));

    // The single-range regimes (TCR_EL2/EL3 layout: PS at 18:16) and EL2&0.
    for (name, regime, access) in [("el2", EL2, 2 << 2), ("el3", EL3, 3 << 2)] {
        let w = WalkInput {
            regime,
            sctlr: SCTLR_MMU,
            tcr: 25 | 1 << 8 | 1 << 10 | 3 << 12 | 2 << 16,
            ttbr0: table_address(0),
            mair: MAIR,
            va,
            access,
            ..WalkInput::default()
        };
        let mut t = Tables::new(w);
        t.map(g4, 39, 1, 0, va, 3, page(0x8000_0000, 0), 0);
        seeds.push((name, t.input));
    }
    let mut w = el10_4k(va, 2 << 2);
    w.regime = EL20;
    w.flags = 1;
    w.hcr = HCR_RW | HCR_E2H | HCR_TGE;
    let mut t = Tables::new(w);
    t.map(g4, 39, 1, 0, va, 2, 0x4000_0000 | BLOCK | AF | SH_INNER, 0);
    seeds.push(("el20-vhe", t.input));

    // No tables at all: every table address reads the pool, which points back at itself
    // (a walk as deep as the levels allow) with one word that aborts.
    let mut w = el10_4k(0x7f_ffff_f000, READ_EL1);
    w.ttbr0 = 0x1000;
    for (i, p) in w.pool.iter_mut().enumerate() {
        *p = (0x2000 * i as u64) | VALID_TABLE;
    }
    w.aborts = 1 << 9;
    seeds.push(("pool-deep-walk", w));
    seeds.push((
        "flat-s1-off",
        WalkInput {
            va: 0x4000_0000,
            access: READ_EL1,
            ..WalkInput::default()
        },
    ));

    for (name, w) in seeds {
        out.push(seed("walk", name, w.to_bytes()));
    }
}

// ---------------------------------------------------------------------------------------
// load_image

/// Fields of the ELF64 header and program header this module corrupts.
mod elf {
    pub const CLASS: usize = 4;
    pub const DATA: usize = 5;
    pub const MACHINE: usize = 18;
    pub const ENTRY: usize = 24;
    pub const PHOFF: usize = 32;
    pub const SHOFF: usize = 40;
    pub const PHENTSIZE: usize = 54;
    pub const PHNUM: usize = 56;
    pub const SHNUM: usize = 60;
    pub const SHSTRNDX: usize = 62;
    /// Program header fields (offsets within an entry).
    pub const P_TYPE: usize = 0;
    pub const P_OFFSET: usize = 8;
    pub const P_PADDR: usize = 24;
    pub const P_FILESZ: usize = 32;
    pub const P_MEMSZ: usize = 40;
}

fn patch(file: &[u8], at: usize, bytes: &[u8]) -> Vec<u8> {
    let mut f = file.to_vec();
    f[at..at + bytes.len()].copy_from_slice(bytes);
    f
}

fn load_image_seeds(images: &[TestImage], out: &mut Vec<Seed>) {
    let picked = [
        "acqrel",
        "demo",
        "el_walk",
        "exclusive_mmu",
        "selfmod",
        "mte_tag_store",
    ];
    for img in images.iter().filter(|i| picked.contains(&i.name.as_str())) {
        let file = std::fs::read(&img.path).expect("test image");
        out.push(seed("load_image", format!("elf-{}", img.name), file));
    }
    let base = images
        .iter()
        .find(|i| i.name == "acqrel")
        .map(|i| std::fs::read(&i.path).expect("test image"))
        .expect("tests/images/acqrel.elf");
    let rd64 = |at: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&base[at..at + 8]);
        u64::from_le_bytes(b)
    };
    let ph = rd64(elf::PHOFF) as usize;
    let seg_off = rd64(ph + elf::P_OFFSET) as usize;
    let mut v: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        (
            "not-elf",
            b"MZ\x90\x00\x03\x00\x00\x00 not an ELF file".to_vec(),
        ),
        ("magic-only", b"\x7fELF".to_vec()),
        ("ident-only", base[..16].to_vec()),
        ("header-cut", base[..40].to_vec()),
        ("header-only", base[..64].to_vec()),
        ("phdr-cut", base[..ph + 20].to_vec()),
        ("segment-cut", base[..seg_off + 100].to_vec()),
        ("elf32", patch(&base, elf::CLASS, &[1])),
        ("bad-class", patch(&base, elf::CLASS, &[7])),
        ("big-endian", patch(&base, elf::DATA, &[2])),
        ("x86-64", patch(&base, elf::MACHINE, &62u16.to_le_bytes())),
        (
            "phoff-past-end",
            patch(&base, elf::PHOFF, &u64::MAX.to_le_bytes()),
        ),
        (
            "phnum-max",
            patch(&base, elf::PHNUM, &u16::MAX.to_le_bytes()),
        ),
        (
            "phentsize-zero",
            patch(&base, elf::PHENTSIZE, &0u16.to_le_bytes()),
        ),
        ("phnum-zero", patch(&base, elf::PHNUM, &0u16.to_le_bytes())),
        (
            "shoff-past-end",
            patch(&base, elf::SHOFF, &(1u64 << 40).to_le_bytes()),
        ),
        (
            "shnum-max",
            patch(&base, elf::SHNUM, &u16::MAX.to_le_bytes()),
        ),
        (
            "shstrndx-bad",
            patch(&base, elf::SHSTRNDX, &0xfffeu16.to_le_bytes()),
        ),
        (
            "entry-outside-ram",
            patch(&base, elf::ENTRY, &0x1000u64.to_le_bytes()),
        ),
        (
            "no-load-segment",
            patch(&base, ph + elf::P_TYPE, &4u32.to_le_bytes()),
        ),
        (
            "segment-offset-past-end",
            patch(&base, ph + elf::P_OFFSET, &(u64::MAX - 8).to_le_bytes()),
        ),
        (
            "segment-outside-ram",
            patch(&base, ph + elf::P_PADDR, &0x10u64.to_le_bytes()),
        ),
        (
            "filesz-over-memsz",
            patch(&base, ph + elf::P_MEMSZ, &16u64.to_le_bytes()),
        ),
        (
            "memsz-huge",
            patch(&base, ph + elf::P_MEMSZ, &u64::MAX.to_le_bytes()),
        ),
        (
            "filesz-huge",
            patch(&base, ph + elf::P_FILESZ, &(1u64 << 62).to_le_bytes()),
        ),
    ];
    // A second segment overlapping the first.
    let mut two = base.clone();
    let entry: Vec<u8> = base[ph..ph + 56].to_vec();
    two.extend_from_slice(&entry);
    let n = two.len() - 56;
    two[elf::PHOFF..elf::PHOFF + 8].copy_from_slice(&(n as u64).to_le_bytes());
    let mut both = entry.clone();
    both.extend_from_slice(&entry);
    two.truncate(n);
    two.extend_from_slice(&both);
    two[elf::PHNUM..elf::PHNUM + 2].copy_from_slice(&2u16.to_le_bytes());
    v.push(("overlapping-segments", two));
    for (name, bytes) in v {
        out.push(seed("load_image", name, bytes));
    }
}

// ---------------------------------------------------------------------------------------
// execute

fn execute_seeds(images: &[TestImage], out: &mut Vec<Seed>) {
    // The `jit` target runs the same raw code (compiled against interpreted).
    for target in ["execute", "jit"] {
        execute_seeds_for(target, images, out);
    }
}

fn execute_seeds_for(target: &'static str, images: &[TestImage], out: &mut Vec<Seed>) {
    for (name, ws) in PROGRAMS {
        out.push(seed(target, format!("prog-{name}"), words(ws)));
    }
    let picked = [
        "demo",
        "el_walk",
        "exclusive",
        "hvc_smc",
        "selfmod",
        "atomics_mmu",
    ];
    for img in images.iter().filter(|i| picked.contains(&i.name.as_str())) {
        out.push(seed(target, format!("elf-{}", img.name), img.code.clone()));
    }
}

/// Checks that the seed names are unique per target (a typo would silently drop one).
pub fn check_unique(seeds: &[Seed]) {
    let mut names: Vec<(&str, &str)> = seeds.iter().map(|s| (s.target, s.name.as_str())).collect();
    names.sort_unstable();
    let n = names.len();
    names.dedup();
    assert_eq!(n, names.len(), "duplicate seed names");
}

/// Silences the unused-constant lint for helpers only some seeds use.
#[allow(
    dead_code,
    reason = "kept for symmetry with the other access constants"
)]
const _ACCESS: [u8; 1] = [READ_EL0];
