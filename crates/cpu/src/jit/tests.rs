//! The block compiler against the interpreter (the reference, itself checked against QEMU
//! by the image tests): random blocks of the instructions the compiler handles, run with
//! compilation at first execution and with the interpreter alone, must leave the same
//! registers, flags, memory, PC and instruction count, faults included.

use super::JitConfig;
use crate::memory::PhysMem;
use crate::run::Cpu;
use crate::testutil::{machine, step, CODE, DATA};
use a64sim_isa::{decode, Insn, ENCODINGS};

/// Integer rows the compiler handles, as random-word templates.
pub(super) const ALU_ROWS: &[&str] = &[
    "AddSubImm",
    "AddSubImmS",
    "AddSubShift",
    "AddSubExt",
    "AddSubExtS",
    "AddSubCarry",
    "LogicalShift",
    "LogicalImm",
    "LogicalImmS",
    "MoveWide",
    "PcRelAddr",
    "Bitfield",
    "Extract",
    "ShiftVar",
    "CountLeading",
    "Rev",
    "MulAdd",
    "MulHigh",
    "MulAddLong",
    "Div",
    "CondSel",
    "CondCmpReg",
    "CondCmpImm",
    "Nop",
    "YieldHint",
    "Xpaclri",
    "Pac1716",
    "Esb",
    "PsbCsync",
    "TsbCsync",
    "Csdb",
    "PacLr",
    "Bti",
    "Hint",
    "Dsb",
    "Dmb",
    "Sb",
    "Cfinv",
    "Isb",
];

/// Load and store rows the compiler handles (with the MMU off).
const MEMORY_ROWS: &[&str] = &[
    "LdStRegUImm",
    "LdStRegImm9",
    "LdStRegRegOff",
    "LdStPair",
    "LdrLit",
    "LdStOrdered",
    "Ldapr",
];

/// Every row sampled by the MMU-off test.
fn rows() -> impl Iterator<Item = &'static str> {
    ALU_ROWS.iter().chain(MEMORY_ROWS).copied()
}

/// The seed and case count of a random test: the given ones, or for a longer search
/// `A64SIM_JIT_SEED` (hex) and `A64SIM_JIT_CASES` from the environment.
pub(super) fn soak(seed: u64, cases: u64) -> (u64, u64) {
    let env = |name: &str| std::env::var(name).ok();
    let seed = env("A64SIM_JIT_SEED")
        .and_then(|v| u64::from_str_radix(v.trim_start_matches("0x"), 16).ok())
        .unwrap_or(seed);
    let cases = env("A64SIM_JIT_CASES")
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    (seed, cases)
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A random word of row `name` whose base registers mostly point at data (X0–X7, SP) and
/// whose immediates mostly stay near it.
fn random_word(rng: &mut Rng, name: &str) -> Option<u32> {
    let row = ENCODINGS.iter().find(|r| r.name == name)?;
    let mut w = (rng.next() as u32 & !row.mask) | row.value;
    for f in row.fields {
        let set = |w: u32, v: u32| (w & !(((1u32 << f.width) - 1) << f.lsb)) | (v << f.lsb);
        w = match f.name {
            "rn" if rng.below(4) != 0 => {
                set(w, [0, 1, 2, 3, 4, 5, 6, 7, 31][rng.below(9) as usize])
            }
            "imm12" if rng.below(4) != 0 => set(w, rng.below(64) as u32),
            "imm9" if rng.below(4) != 0 => set(w, (rng.below(64) as u32).wrapping_sub(32) & 0x1ff),
            "imm7" => set(w, (rng.below(16) as u32).wrapping_sub(8) & 0x7f),
            "rm" if name == "LdStRegRegOff" => set(w, 8 + rng.below(3) as u32),
            // LDAR/STLR: Rs and Rt2 should be one (else UNDEFINED).
            "rs" | "rt2" if name == "LdStOrdered" && rng.below(8) != 0 => set(w, 31),
            _ => w,
        };
    }
    if row.guard.is_some_and(|g| !g(w)) || !row.matches_bits(w) {
        return None;
    }
    let insn = decode(w);
    (insn.name() == name).then_some(w)
}

/// A conditional branch forward by `skip` instructions.
fn random_branch(rng: &mut Rng, skip: u32) -> u32 {
    let rt = rng.below(12) as u32;
    match rng.below(5) {
        0 => 0x5400_0000 | skip << 5 | rng.below(16) as u32, // b.cond
        1 => 0xb400_0000 | skip << 5 | rt,                   // cbz x
        2 => 0x3500_0000 | skip << 5 | rt,                   // cbnz w
        3 => 0x3600_0000 | (rng.below(32) as u32) << 19 | skip << 5 | rt, // tbz
        _ => 0xb700_0000 | (rng.below(32) as u32) << 19 | skip << 5 | rt, // tbnz
    }
}

/// A block of `len` random instructions ending in a branch back to its start, with a few
/// forward branches inside.
fn random_block(rng: &mut Rng, len: usize) -> Vec<u32> {
    let mut words = Vec::with_capacity(len + 1);
    while words.len() < len {
        if rng.below(8) == 0 {
            let skip = 1 + rng.below((len - words.len()) as u64) as u32;
            words.push(random_branch(rng, skip));
            continue;
        }
        if rng.below(16) == 0 {
            // System-register accesses, most of which the compiler handles.
            // Reads (NZCV, TPIDR_EL0, TPIDRRO_EL0, TPIDR_EL1, ESR_EL1, SPSR_EL3) and
            // writes (TPIDR_EL0, TPIDRRO_EL0, TPIDR_EL1, ESR_EL1, SPSR_EL3 and SPSR_EL1
            // with RES0 bits, and SCTLR_EL1: a context register, interpreted).
            let sys = [
                0xd53b_4200,
                0xd53b_d040,
                0xd53b_d060,
                0xd538_d080,
                0xd538_5200,
                0xd51b_d040,
                0xd51b_d060,
                0xd518_d080,
                0xd518_5200,
                0xd518_1000,
                0xd51e_4000,
                0xd53e_4000,
                0xd518_4000,
            ];
            words.push(sys[rng.below(sys.len() as u64) as usize] | rng.below(31) as u32);
            continue;
        }
        let n = ALU_ROWS.len() + MEMORY_ROWS.len();
        let name = rows().nth(rng.below(n as u64) as usize).unwrap_or("Nop");
        if let Some(w) = random_word(rng, name) {
            words.push(w);
        }
    }
    // b <start>
    words.push(0x1400_0000 | ((-(len as i32)) as u32 & 0x03ff_ffff));
    words
}

/// A PE at EL3 with `words` at CODE, data pointers in X0–X7 and SP, values elsewhere.
fn prepared(words: &[u32], seed: u64, jit: JitConfig) -> (Cpu, PhysMem) {
    let (mut cpu, mut mem) = machine(words);
    cpu.jit.config = jit;
    let mut rng = Rng(seed | 1);
    for r in 0..31 {
        cpu.pe.st.x[r] = match r {
            0..=7 => DATA + 0x100 * r as u64 + 8 * rng.below(4),
            8..=10 => rng.below(16),
            _ => rng.next() >> rng.below(64),
        };
    }
    cpu.pe.st.sp_el[3] = DATA + 0x8000;
    cpu.pe.st.pstate.nzcv = rng.below(16) as u8;
    let data: Vec<u8> = (0..0x1_0000).map(|_| rng.next() as u8).collect();
    assert!(mem.write_bytes(DATA, &data));
    (cpu, mem)
}

/// Everything compared between the two runs.
fn state(cpu: &Cpu, mem: &PhysMem) -> (Vec<u64>, [u64; 4], u64, u8, u64, u64, Vec<u8>) {
    let mut data = vec![0; 0x1_0000];
    assert!(mem.read_bytes(DATA, &mut data));
    (
        cpu.pe.st.x.to_vec(),
        cpu.pe.st.sp_el,
        cpu.pe.st.pc,
        cpu.pe.st.pstate.nzcv,
        cpu.pe.retired,
        cpu.pe.exceptions,
        data,
    )
}

/// Compilation at first execution.
const EAGER: JitConfig = JitConfig {
    enabled: true,
    threshold: 0,
};
/// The interpreter alone.
const INTERPRETED: JitConfig = JitConfig {
    enabled: false,
    threshold: 0,
};

#[test]
fn random_blocks_match_the_interpreter() {
    let (on, off) = (EAGER, INTERPRETED);
    let (seed, cases) = soak(0x5eed_1234_abcd_0001, 3000);
    let mut rng = Rng(seed);
    let mut compiled = 0;
    for case in 0..cases {
        let len = 2 + rng.below(24) as usize;
        let words = random_block(&mut rng, len);
        let seed = rng.next();
        let budget = 1 + rng.below(400);
        let (mut a, mut ma) = prepared(&words, seed, on);
        let (mut b, mut mb) = prepared(&words, seed, off);
        let ra = step(&mut a, &mut ma, budget);
        let rb = step(&mut b, &mut mb, budget);
        compiled += a.jit.stats.compiled_blocks;
        assert_eq!(ra, rb, "case {case}: outcome; words {words:08x?}");
        let (sa, sb) = (state(&a, &ma), state(&b, &mb));
        if sa != sb {
            let listing: Vec<String> = words
                .iter()
                .map(|w| format!("{w:08x} {:?}", decode(*w)))
                .collect();
            assert_eq!(
                sa.0,
                sb.0,
                "case {case}: X registers\n{}",
                listing.join("\n")
            );
            assert_eq!(sa.1, sb.1, "case {case}: SPs\n{}", listing.join("\n"));
            assert_eq!(sa.2, sb.2, "case {case}: PC\n{}", listing.join("\n"));
            assert_eq!(sa.3, sb.3, "case {case}: NZCV\n{}", listing.join("\n"));
            assert_eq!(sa.4, sb.4, "case {case}: retired\n{}", listing.join("\n"));
            assert_eq!(
                sa.5,
                sb.5,
                "case {case}: exceptions\n{}",
                listing.join("\n")
            );
            panic!("case {case}: memory differs\n{}", listing.join("\n"));
        }
    }
    assert!(compiled > 2000, "only {compiled} blocks compiled");
}

#[test]
fn a_self_loop_runs_compiled_and_stops_at_the_budget() {
    // add x0, x0, #1 ; subs x1, x1, #1 ; b.ne <start>
    let words = [0x9100_0400, 0xf100_0421, 0x54ff_ffc1];
    let (mut cpu, mut mem) = machine(&words);
    cpu.jit.config.threshold = 0;
    cpu.pe.st.x[1] = 1_000_000;
    let out = step(&mut cpu, &mut mem, 1_000_000);
    assert_eq!(out.retired, 1_000_000);
    assert_eq!(cpu.pe.st.x[0], 333_334);
    assert_eq!(cpu.pe.st.x[1], 1_000_000 - 333_333);
    assert_eq!(
        cpu.pe.st.pc,
        CODE + 4,
        "the budget ends after the first add"
    );
    assert!(cpu.jit.stats.retired > 999_000, "{:?}", cpu.jit.stats);
}

#[test]
fn a_store_to_a_code_page_leaves_compiled_code() {
    // A loop that rewrites its own next instruction: str w2, [x3] ; add x0, x0, #1 ;
    // subs x1, x1, #1 ; b.ne <start>, with x3 = the address of the add and w2 = "add x0,
    // x0, #2". The interpreter must see the store and decode the new instruction.
    let words = [0xb900_0062, 0x9100_0400, 0xf100_0421, 0x54ff_ffa1];
    let (mut cpu, mut mem) = machine(&words);
    cpu.jit.config.threshold = 0;
    cpu.pe.st.x[1] = 10;
    cpu.pe.st.x[2] = 0x9100_0800;
    cpu.pe.st.x[3] = CODE + 4;
    let out = step(&mut cpu, &mut mem, 40);
    assert_eq!(out.retired, 40);
    assert_eq!(
        cpu.pe.st.x[0], 20,
        "every pass adds 2 once the add is rewritten"
    );
    assert_eq!(cpu.pe.st.x[1], 0);
}

#[test]
fn every_compiled_row_is_decodable_and_handled() {
    let mut rng = Rng(7);
    for name in rows() {
        let found = (0..10_000).find_map(|_| random_word(&mut rng, name));
        let w = found.unwrap_or_else(|| panic!("no random word for {name}"));
        let insn = decode(w);
        assert!(!matches!(insn, Insn::Unallocated), "{name}");
    }
}

#[test]
fn chained_blocks_stop_at_the_budget_like_the_interpreter() {
    // A: add x0, x0, #1 ; b B
    // B: add x1, x1, #1 ; subs x2, x2, #1 ; b.ne A ; b B2
    // B2: add x3, x3, #1 ; b B2
    let words = [
        0x9100_0400, // A
        0x1400_0001, // b B
        0x9100_0421, // B
        0xf100_0442,
        0x54ff_ffa1, // b.ne A (-3)
        0x1400_0001, // b B2
        0x9100_0463, // B2
        0x17ff_ffff, // b B2
    ];
    let stats = same_at_every_budget(
        &words,
        &[1, 2, 3, 5, 7, 50, 997, 1000, 5003, 20_000],
        |cpu| {
            cpu.pe.st.x[2] = 700;
        },
    );
    assert!(stats.retired > 19_900, "{stats:?}");
}

/// Runs `words` (after `setup`) compiled at first execution and interpreted, with each
/// of `budgets`, and asserts the same outcome, registers, PC, BTYPE and flags; returns the
/// compiler's counters of the longest run.
fn same_at_every_budget(
    words: &[u32],
    budgets: &[u64],
    setup: impl Fn(&mut Cpu),
) -> super::JitStats {
    let (on, off) = (EAGER, INTERPRETED);
    let mut stats = Default::default();
    for &budget in budgets {
        let run = |jit: JitConfig| {
            let (mut cpu, mut mem) = machine(words);
            cpu.jit.config = jit;
            setup(&mut cpu);
            let out = step(&mut cpu, &mut mem, budget);
            (out, cpu)
        };
        let ((oa, a), (ob, b)) = (run(on), run(off));
        assert_eq!(oa, ob, "budget {budget}");
        assert_eq!(a.pe.st.x, b.pe.st.x, "budget {budget}");
        assert_eq!(a.pe.st.pc, b.pe.st.pc, "budget {budget}");
        assert_eq!(
            a.pe.st.pstate.btype, b.pe.st.pstate.btype,
            "budget {budget}"
        );
        assert_eq!(a.pe.st.pstate.nzcv, b.pe.st.pstate.nzcv, "budget {budget}");
        stats = a.jit.stats;
    }
    stats
}

#[test]
fn calls_and_returns_match_the_interpreter() {
    // loop: bl f ; blr x5 ; subs x2, x2, #1 ; b.ne loop ; b .
    // f:    add x0, x0, #1 ; ret
    // g:    add x1, x1, x0 ; br x6   (x6 = the subs)
    let words = [
        0x9400_0005, // bl f (+5)
        0xd63f_00a0, // blr x5
        0xf100_0442, // subs x2, x2, #1
        0x54ff_ffa1, // b.ne loop (-3)
        0x1400_0000, // b .
        0x9100_0400, // f: add x0, x0, #1
        0xd65f_03c0, // ret
        0x8b00_0021, // g: add x1, x1, x0
        0xd61f_00c0, // br x6
    ];
    let budgets = [1, 2, 3, 4, 9, 10, 11, 64, 1001, 6000];
    let stats = same_at_every_budget(&words, &budgets, |cpu| {
        cpu.pe.st.x[2] = 500;
        cpu.pe.st.x[5] = CODE + 7 * 4;
        cpu.pe.st.x[6] = CODE + 2 * 4;
    });
    assert!(stats.retired > 1000, "{stats:?}");
}

#[test]
fn a_fault_after_a_chained_br_keeps_btype_in_spsr() {
    // A: br x5 (to B)
    // B: ldr x0, [x6] ; add x6, x6, x7 ; b A
    // x6 walks up to the end of RAM: the load that leaves RAM is interpreted and takes an
    // external abort with SPSR_EL3.BTYPE = 01 (BR), entered through compiled code's chain.
    use crate::exception::{banked, Banked};
    let mut words = vec![
        0xd61f_00a0, // A: br x5
        0xf940_00c0, // B: ldr x0, [x6]
        0x8b07_00c6, // add x6, x6, x7
        0x17ff_fffd, // b A
    ];
    // VBAR_EL3 = CODE + 0x1000; the current-EL synchronous vector (+0x200) is `b .`, so
    // the first exception's SPSR stays.
    words.resize(0x1200 / 4, 0);
    words.push(0x1400_0000);
    for jit in [EAGER, INTERPRETED] {
        let (mut cpu, mut mem) = machine(&words);
        cpu.jit.config = jit;
        let vbar = crate::sysreg::index_of(a64sim_isa::sysreg::regs::VBAR_EL3);
        cpu.pe.sys.set(vbar, CODE + 0x1000);
        cpu.pe.st.x[5] = CODE + 4;
        cpu.pe.st.x[6] = CODE + (1 << 20) - 0x8000;
        cpu.pe.st.x[7] = 8;
        let out = step(&mut cpu, &mut mem, 20_000);
        let spsr = banked(&cpu.pe.sys, Banked::Spsr, a64sim_arch::El::El3);
        let esr = banked(&cpu.pe.sys, Banked::Esr, a64sim_arch::El::El3);
        assert_eq!(esr >> 26, 0x25, "{jit:?}: a data abort ({esr:#x}, {out:?})");
        assert_eq!((spsr >> 10) & 3, 0b01, "{jit:?}: SPSR_EL3 {spsr:#x}");
        if jit.enabled {
            assert!(cpu.jit.stats.retired > 10_000, "{:?}", cpu.jit.stats);
        }
    }
}
