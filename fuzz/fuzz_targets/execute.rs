//! Any instruction stream runs into architectural behaviour or a clean stop, never a panic.
#![no_main]
use a64sim_machine::{Console, Machine, MachineConfig};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (console, _buf) = Console::capture();
    let mut m = Machine::new(&MachineConfig { ram_size: 1 << 20 }, console);
    let start = 0x4000_0000;
    m.mem.write_bytes(start, data);
    m.cpu = a64sim_cpu::Cpu::new(a64sim_arch::El::El3, start);
    let _ = m.run(10_000);
});

