//! The `execute` target: the input as a raw image at [`CODE`] (where the test images are
//! linked) on the `virt` machine (PL011 UART, semihosting console), run from reset at EL3.
//!
//! Unlike [`step`](crate::step()), the platform is the real one: MMIO reaches the UART
//! model and semihosting calls reach the console and exit code. Properties: nothing
//! panics, the run is bounded, and the PE invariants of [`crate::step::check_pe`] hold.

pub use crate::step::CODE;
use a64sim_cpu::Cpu;
use a64sim_machine::map::RAM_BASE;
use a64sim_machine::{Console, Machine, MachineConfig};

/// RAM size of the machine.
pub const RAM_SIZE: usize = 4 << 20;
/// Steps per run.
pub const BUDGET: u64 = 2_000;

/// Runs `data` from [`CODE`].
pub fn execute(data: &[u8]) {
    let (console, _output) = Console::capture();
    let mut m = Machine::new(&MachineConfig { ram_size: RAM_SIZE }, console);
    let room = (RAM_BASE + RAM_SIZE as u64 - CODE) as usize;
    assert!(m.mem.write_bytes(CODE, &data[..data.len().min(room)]));
    m.cpu = Cpu::new(a64sim_arch::El::El3, CODE);
    let out = m.run(BUDGET);
    crate::step::check_outcome(&m.cpu.pe, &out, BUDGET);
    crate::step::check_pe(&m.cpu.pe);
}
