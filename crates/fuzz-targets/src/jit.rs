//! The `jit` target: the input as code on the `virt` machine (as [`execute`](crate::execute())
//! runs it), twice — every block compiled at its first execution, and the interpreter
//! alone — and everything observable must agree: the outcome, registers, PSTATE, system
//! registers, instruction and exception counts, console output and all of RAM.
//!
//! The first eight bytes also choose X0–X7 (pointers into RAM near the code), so that loads
//! and stores reach memory and compiled code gets to run its fast paths.

use crate::step::CODE;
use a64sim_cpu::jit::JitConfig;
use a64sim_machine::map::RAM_BASE;
use a64sim_machine::{Console, Machine, MachineConfig};

/// RAM size of the machine.
pub const RAM_SIZE: usize = 4 << 20;
/// Steps per run: enough for loops to run compiled.
pub const BUDGET: u64 = 20_000;

/// Everything compared between the two runs.
#[derive(Debug, PartialEq, Eq)]
struct Observed {
    outcome: String,
    x: [u64; 32],
    sp: [u64; 4],
    pc: u64,
    pstate: a64sim_arch::Pstate,
    retired: u64,
    exceptions: u64,
    sys: a64sim_cpu::sysreg::SysRegs,
    output: Vec<u8>,
    ram: Vec<u8>,
}

/// Runs `data` with the block compiler configured as `jit`.
fn run(data: &[u8], jit: JitConfig) -> (Observed, u64) {
    let (console, output) = Console::capture();
    let mut m = Machine::new(&MachineConfig { ram_size: RAM_SIZE }, console);
    let room = (RAM_BASE + RAM_SIZE as u64 - CODE) as usize;
    assert!(m.mem.write_bytes(CODE, &data[..data.len().min(room)]));
    m.cpu = a64sim_cpu::Cpu::new(a64sim_arch::El::El3, CODE);
    m.cpu.jit.config = jit;
    for (r, b) in data.iter().take(8).enumerate() {
        m.cpu.pe.st.x[r] = CODE + 0x1000 * (*b as u64 % 64) + 8 * (*b as u64 / 64);
    }
    let out = m.run(BUDGET);
    let mut ram = vec![0; RAM_SIZE];
    assert!(m.mem.read_bytes(RAM_BASE, &mut ram));
    let output = output.lock().map(|b| b.clone()).unwrap_or_default();
    let pe = &m.cpu.pe;
    let observed = Observed {
        outcome: format!("{out:?}"),
        x: pe.st.x,
        sp: pe.st.sp_el,
        pc: pe.st.pc,
        pstate: pe.st.pstate,
        retired: pe.retired,
        exceptions: pe.exceptions,
        sys: pe.sys.clone(),
        output,
        ram,
    };
    (observed, m.cpu.jit.stats.retired)
}

/// Runs `data` compiled and interpreted; panics on any difference. Returns the
/// instructions that ran compiled.
pub fn jit_retired(data: &[u8]) -> u64 {
    let eager = JitConfig {
        enabled: true,
        threshold: 0,
    };
    let alone = JitConfig {
        enabled: false,
        threshold: 0,
    };
    let (a, compiled) = run(data, eager);
    let (b, _) = run(data, alone);
    if a != b {
        let field = [
            ("outcome", a.outcome != b.outcome),
            ("x", a.x != b.x),
            ("sp", a.sp != b.sp),
            ("pc", a.pc != b.pc),
            ("pstate", a.pstate != b.pstate),
            ("retired", a.retired != b.retired),
            ("exceptions", a.exceptions != b.exceptions),
            ("sys", a.sys != b.sys),
            ("output", a.output != b.output),
            ("ram", a.ram != b.ram),
        ];
        let differ: Vec<&str> = field.iter().filter(|f| f.1).map(|f| f.0).collect();
        panic!(
            "compiled and interpreted runs differ in {differ:?}: x {:x?} / {:x?}, pc {:#x} / {:#x}, {} / {}",
            a.x, b.x, a.pc, b.pc, a.outcome, b.outcome
        );
    }
    compiled
}

/// The fuzz target: [`jit_retired`] without the count.
pub fn jit(data: &[u8]) {
    jit_retired(data);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Instruction words as target input.
    fn code(words: &[u32]) -> Vec<u8> {
        words.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    #[test]
    fn loops_run_compiled_and_agree() {
        // add x0, x0, #1 ; subs x1, x1, #1 ; b.ne <start>
        let counting = code(&[0x9100_0400, 0xf100_0421, 0x54ff_ffc1]);
        // ldr x9, [x2] ; add x9, x9, #1 ; str x9, [x2], #8 ; b <start>: walks RAM up to
        // its end, where the load takes an external abort (the vector is not RAM).
        let walking = code(&[0xf940_0049, 0x9100_0529, 0xf800_8449, 0x17ff_fffd]);
        assert!(jit_retired(&counting) > BUDGET - 100);
        assert!(jit_retired(&walking) > BUDGET / 2);
        // Random bytes: mostly undefined instructions and faults, which must agree too.
        let mut x = 0x1234_5678_9abc_def0u64;
        for _ in 0..200 {
            let bytes: Vec<u8> = (0..64)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x as u8
                })
                .collect();
            jit(&bytes);
        }
    }
}
