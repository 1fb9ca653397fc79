//! The soft TLB against fresh walks: random accesses, remaps and TLBIs over real page tables
//! in guest RAM give exactly what a model of the page tables says (ARCH.md §3.7, §3.8), so
//! cached translations equal fresh walks and nothing stale survives a TLBI.

use crate::exec::{Exec, Trap};
use crate::run::Cpu;
use crate::sysreg::SysRegs;
use crate::testutil::{machine, NullPlatform, CODE};
use crate::PhysMem;
use a64sim_arch::El;
use a64sim_isa::sysreg::{regs, SysRegId};
use proptest::prelude::*;

/// Stage-1 tables for EL1: 4 KiB granule, T0SZ = 25 (start level 1).
const L1: u64 = CODE + 0x1000;
const L2: u64 = CODE + 0x2000;
const L3: u64 = CODE + 0x3000;
/// The mapped virtual pages: VA_BASE + i * 4 KiB.
const VA_BASE: u64 = 0x1000_0000;
/// Physical target pages: TARGET + k * 4 KiB.
const TARGET: u64 = CODE + 0x8_0000;
const PAGES: u64 = 8;
const TARGETS: u64 = 16;

fn set(cpu: &mut Cpu, id: SysRegId, v: u64) {
    let (i, _) = SysRegs::lookup(id).expect("register");
    cpu.pe.sys.set(i, v);
}

fn put(mem: &mut PhysMem, pa: u64, v: u64) {
    assert!(mem.write_bytes(pa, &v.to_le_bytes()));
}

/// A level-3 page descriptor for `pa` with AP[2:1] = `ap`, AF = 1, AttrIndx 0, inner
/// shareable (ARCH.md §3.7).
fn page(pa: u64, ap: u64) -> u64 {
    pa | 0b11 | (ap << 6) | (0b11 << 8) | (1 << 10)
}

/// A PE at EL1 with the MMU on over the tables above, and RAM with distinct data per page.
fn setup() -> (Cpu, PhysMem) {
    let (mut cpu, mut mem) = machine(&[]);
    put(&mut mem, L1, L2 | 0b11);
    put(&mut mem, L2 + 8 * ((VA_BASE >> 21) & 0x1ff), L3 | 0b11);
    for k in 0..TARGETS {
        for w in 0..512 {
            put(&mut mem, TARGET + k * 0x1000 + w * 8, (k << 32) | w);
        }
    }
    set(&mut cpu, regs::MAIR_EL1, 0xff);
    // T0SZ = 25, TG0 = 4 KiB, EPD1 = 1, IPS = 48 bits.
    set(&mut cpu, regs::TCR_EL1, 25 | (1 << 23) | (0b101 << 32));
    set(&mut cpu, regs::TTBR0_EL1, L1);
    set(&mut cpu, regs::SCTLR_EL1, 0x30d0_0800 | 1);
    cpu.pe.st.pstate.el = El::El1;
    cpu.pe.xlat.registers_changed();
    (cpu, mem)
}

#[derive(Clone, Debug)]
enum Op {
    Read {
        page: u64,
        word: u64,
    },
    Write {
        page: u64,
        word: u64,
        value: u64,
    },
    /// Point a virtual page at another target with new permissions, then TLBI.
    Remap {
        page: u64,
        target: u64,
        ap: u64,
    },
    Tlbi,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..PAGES, 0..512u64).prop_map(|(page, word)| Op::Read { page, word }),
        2 => (0..PAGES, 0..512u64, any::<u64>()).prop_map(|(page, word, value)| Op::Write { page, word, value }),
        1 => (0..PAGES, 0..TARGETS, 0..4u64).prop_map(|(page, target, ap)| Op::Remap { page, target, ap }),
        1 => Just(Op::Tlbi),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn soft_tlb_agrees_with_the_page_tables(ops in proptest::collection::vec(op(), 1..60)) {
        let (mut cpu, mut mem) = setup();
        // The model: page -> (target, AP[2:1]); unmapped pages fault.
        let mut model: Vec<Option<(u64, u64)>> = vec![None; PAGES as usize];
        let mut plat = NullPlatform;
        for o in ops {
            let mut exec = Exec { pe: &mut cpu.pe, mem: &mut mem, plat: &mut plat, pc: CODE, block_pc: CODE, unprivileged: false };
            exec.pe.refresh_translation();
            match o {
                Op::Remap { page: p, target, ap } => {
                    let pa = TARGET + target * 0x1000;
                    put(exec.mem, L3 + 8 * p, page(pa, ap));
                    model[p as usize] = Some((target, ap));
                    // TLBI VMALLE1: what the SYS handler does.
                    exec.pe.tlb.flush();
                }
                Op::Tlbi => exec.pe.tlb.flush(),
                Op::Read { page: p, word } => {
                    let va = VA_BASE + p * 0x1000 + word * 8;
                    let got = exec.read(va, 8);
                    match model[p as usize] {
                        // AP[2:1]: any value allows EL1 reads (ARCH.md §3.8).
                        Some((t, _)) => {
                            let mut b = [0u8; 8];
                            prop_assert!(mem_read(exec.mem, TARGET + t * 0x1000 + word * 8, &mut b));
                            prop_assert_eq!(got.ok(), Some(u64::from_le_bytes(b)), "read {:#x}", va);
                        }
                        None => prop_assert!(matches!(got, Err(Trap::Exception(ref e)) if e.esr.iss() & 0x3f == 0x07),
                            "unmapped page must be a level-3 translation fault: {:?}", got),
                    }
                }
                Op::Write { page: p, word, value } => {
                    let va = VA_BASE + p * 0x1000 + word * 8;
                    let got = exec.write(va, 8, value);
                    match model[p as usize] {
                        // AP[2] = 1 (read-only): permission fault, level 3 (DFSC 0x0F), WnR.
                        Some((_, ap)) if ap & 2 != 0 => prop_assert!(
                            matches!(got, Err(Trap::Exception(ref e)) if e.esr.iss() & 0x7f == 0x4f),
                            "write to a read-only page: {:?}", got),
                        Some((t, _)) => {
                            prop_assert!(got.is_ok());
                            let mut b = [0u8; 8];
                            prop_assert!(mem_read(exec.mem, TARGET + t * 0x1000 + word * 8, &mut b));
                            prop_assert_eq!(u64::from_le_bytes(b), value);
                        }
                        None => prop_assert!(got.is_err()),
                    }
                }
            }
        }
    }
}

fn mem_read(mem: &PhysMem, pa: u64, b: &mut [u8]) -> bool {
    mem.read_bytes(pa, b)
}

#[test]
fn a_stale_mapping_does_not_survive_tlbi() {
    let (mut cpu, mut mem) = setup();
    let mut plat = NullPlatform;
    put(&mut mem, L3, page(TARGET, 0));
    let mut exec = Exec {
        pe: &mut cpu.pe,
        mem: &mut mem,
        plat: &mut plat,
        pc: CODE,
        block_pc: CODE,
        unprivileged: false,
    };
    exec.pe.refresh_translation();
    assert_eq!(exec.read(VA_BASE, 8).ok(), Some(0));
    // Remap to target 3 and invalidate: the next read must use the new page.
    put(exec.mem, L3, page(TARGET + 3 * 0x1000, 0));
    exec.pe.tlb.flush();
    assert_eq!(exec.read(VA_BASE + 8, 8).ok(), Some((3 << 32) | 1));
}
