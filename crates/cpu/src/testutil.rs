//! Test support: run a few instruction words on a bare PE with RAM and no devices.

use crate::memory::{PhysMem, Platform, SemihostingCall};
use crate::run::{Cpu, NoTrace, RunOutcome};
use a64sim_arch::El;

/// Where test code is placed.
pub const CODE: u64 = 0x4000_0000;
/// A scratch data area tests may use.
pub const DATA: u64 = 0x4001_0000;

/// A platform with nothing mapped besides RAM; semihosting calls return 0.
#[derive(Debug, Default)]
pub struct NullPlatform;

impl Platform for NullPlatform {
    fn mmio_read(&mut self, _pa: u64, _size: usize) -> Option<u64> {
        None
    }
    fn mmio_write(&mut self, _pa: u64, _size: usize, _value: u64) -> bool {
        false
    }
    fn semihosting(
        &mut self,
        _op: u32,
        _param: u64,
        _mem: &mut dyn crate::memory::GuestMemory,
    ) -> SemihostingCall {
        SemihostingCall::Return(0)
    }
}

/// A PE at EL3 (MMU off) with 1 MiB of RAM holding `words` at [`CODE`].
pub fn machine(words: &[u32]) -> (Cpu, PhysMem) {
    let mut mem = PhysMem::new(CODE, 1 << 20);
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    assert!(mem.write_bytes(CODE, &bytes));
    (Cpu::new(El::El3, CODE), mem)
}

/// Runs `n` instructions.
pub fn step(cpu: &mut Cpu, mem: &mut PhysMem, n: u64) -> RunOutcome {
    cpu.run(mem, &mut NullPlatform, n, &mut NoTrace)
}

/// Runs `words` once, straight through, after `setup` prepared the PE; returns the PE.
pub fn run_words(words: &[u32], setup: impl FnOnce(&mut Cpu, &mut PhysMem)) -> (Cpu, PhysMem) {
    let (mut cpu, mut mem) = machine(words);
    setup(&mut cpu, &mut mem);
    let out = step(&mut cpu, &mut mem, words.len() as u64);
    assert_eq!(
        out.retired,
        words.len() as u64,
        "stopped early: {:?} at pc {:#x}",
        out.reason,
        cpu.pe.st.pc
    );
    (cpu, mem)
}

#[test]
fn movz_movk_build_a_constant() {
    // movz x0, #0x1234, lsl #16 ; movk x0, #0x5678 ; orr w1, wzr, #0xff
    let (cpu, _) = run_words(&[0xd2a2_4680, 0xf28a_cf00, 0x3200_1fe1], |_, _| {});
    assert_eq!(cpu.pe.st.x[0], 0x1234_5678);
    assert_eq!(cpu.pe.st.x[1], 0xff);
}

#[test]
fn unaligned_access_with_the_mmu_off_is_an_alignment_fault() {
    use crate::exception::{banked, Banked};
    // With the MMU off data memory is Device: an unaligned access faults (QEMU.md).
    // The data-abort ESR: EC 0x25 (same EL), IL, DFSC 0x21, FAR = the address.
    let (mut cpu, mut mem) = machine(&[]);
    let mut exec_mem = PhysMem::new(CODE, 1 << 20);
    std::mem::swap(&mut mem, &mut exec_mem);
    // ldr x1, [x0]
    assert!(mem.write_bytes(CODE, &0xf940_0001u32.to_le_bytes()));
    cpu.pe.st.x[0] = DATA + 1;
    let out = step(&mut cpu, &mut mem, 1);
    assert_eq!(out.retired, 0);
    assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El3), 0x9600_0021);
    assert_eq!(banked(&cpu.pe.sys, Banked::Far, El::El3), DATA + 1);
    assert_eq!(banked(&cpu.pe.sys, Banked::Elr, El::El3), CODE);
    assert_eq!(cpu.pe.st.pc, 0x200, "VBAR_EL3 = 0, current EL with SP_ELx");
}
