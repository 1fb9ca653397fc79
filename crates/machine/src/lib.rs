//! The `virt` platform of QEMU, as far as a64sim models it: RAM at 0x4000_0000, an MMIO
//! bus with the PL011 UART, Arm semihosting, and the image loaders (ELF via goblin, raw
//! binaries). GIC, timer, PL031, PSCI and the device tree arrive with later issues.

pub mod bus;
pub mod loader;
pub mod map;
pub mod pl011;
pub mod semihosting;
pub mod snapshot;

use a64sim_arch::El;
use a64sim_cpu::{Cpu, NoTrace, PhysMem, RunOutcome, Tracer};
pub use bus::{Console, VirtBus};
pub use loader::{load_image, Image, ImageFormat, LoadError};
pub use snapshot::{RangeSnapshot, SnapshotError};

/// How to build a machine.
#[derive(Clone, Debug)]
pub struct MachineConfig {
    /// RAM size in bytes.
    pub ram_size: usize,
}

impl Default for MachineConfig {
    fn default() -> Self {
        MachineConfig {
            ram_size: 512 << 20,
        }
    }
}

/// One `virt` machine with a single PE.
#[derive(Debug)]
pub struct Machine {
    /// The processing element.
    pub cpu: Cpu,
    /// RAM.
    pub mem: PhysMem,
    /// Devices and semihosting.
    pub bus: VirtBus,
}

impl Machine {
    /// A machine with the PE held at reset at EL3 (QEMU with `secure=on`), writing its
    /// console output (UART and semihosting) to `console`.
    pub fn new(config: &MachineConfig, console: Console) -> Self {
        Machine {
            cpu: Cpu::new(El::El3, 0),
            mem: PhysMem::new(map::RAM_BASE, config.ram_size),
            bus: VirtBus::new(console),
        }
    }

    /// Copies `image` into RAM and points the PE at its entry (EL3, MMU off, as QEMU
    /// starts an ELF given to `-kernel` with `secure=on`).
    pub fn load(&mut self, image: &Image) -> Result<(), LoadError> {
        image.copy_into(&mut self.mem)?;
        self.cpu = Cpu::new(El::El3, image.entry);
        Ok(())
    }

    /// Runs at most `budget` instructions.
    pub fn run(&mut self, budget: u64) -> RunOutcome {
        self.cpu
            .run(&mut self.mem, &mut self.bus, budget, &mut NoTrace)
    }

    /// Runs at most `budget` instructions, reporting each to `tracer`.
    pub fn run_traced<T: Tracer>(&mut self, budget: u64, tracer: &mut T) -> RunOutcome {
        self.cpu.run(&mut self.mem, &mut self.bus, budget, tracer)
    }
}
