//! The MMIO bus of the `virt` machine and the console the guest writes to.

use crate::map;
use crate::pl011::Pl011;
use crate::semihosting;
use a64sim_cpu::memory::GuestMemory;
use a64sim_cpu::{Platform, SemihostingCall};
use std::io::Write;
use std::sync::{Arc, Mutex};

/// Where guest console output (UART and semihosting) goes.
#[derive(Clone)]
pub enum Console {
    /// The process's standard output, flushed at every newline.
    Stdout,
    /// A shared buffer (tests, difftests).
    Buffer(Arc<Mutex<Vec<u8>>>),
}

impl std::fmt::Debug for Console {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Console::Stdout => f.write_str("Console::Stdout"),
            Console::Buffer(_) => f.write_str("Console::Buffer"),
        }
    }
}

impl Console {
    /// A console that captures into a new buffer, and the buffer.
    pub fn capture() -> (Console, Arc<Mutex<Vec<u8>>>) {
        let b = Arc::new(Mutex::new(Vec::new()));
        (Console::Buffer(b.clone()), b)
    }

    /// Writes guest output.
    pub fn write(&self, bytes: &[u8]) {
        match self {
            Console::Stdout => {
                let mut out = std::io::stdout().lock();
                // Output errors (closed pipe) must not stop the guest.
                let _ = out.write_all(bytes);
                if bytes.contains(&b'\n') {
                    let _ = out.flush();
                }
            }
            Console::Buffer(b) => match b.lock() {
                Ok(mut v) => v.extend_from_slice(bytes),
                Err(poisoned) => poisoned.into_inner().extend_from_slice(bytes),
            },
        }
    }

    /// Flushes buffered output.
    pub fn flush(&self) {
        if let Console::Stdout = self {
            let _ = std::io::stdout().flush();
        }
    }
}

/// The devices of the `virt` machine.
#[derive(Debug)]
pub struct VirtBus {
    uart: Pl011,
    console: Console,
}

impl VirtBus {
    /// A bus whose UART and semihosting write to `console`.
    pub fn new(console: Console) -> Self {
        VirtBus {
            uart: Pl011::default(),
            console,
        }
    }

    /// The console.
    pub fn console(&self) -> &Console {
        &self.console
    }
}

impl Platform for VirtBus {
    fn mmio_read(&mut self, pa: u64, _size: usize) -> Option<u64> {
        if (map::UART_BASE..map::UART_BASE + map::UART_SIZE).contains(&pa) {
            return Some(self.uart.read(pa - map::UART_BASE));
        }
        None
    }

    fn mmio_write(&mut self, pa: u64, _size: usize, value: u64) -> bool {
        if (map::UART_BASE..map::UART_BASE + map::UART_SIZE).contains(&pa) {
            if let Some(byte) = self.uart.write(pa - map::UART_BASE, value) {
                self.console.write(&[byte]);
            }
            return true;
        }
        false
    }

    fn semihosting(&mut self, op: u32, param: u64, mem: &mut dyn GuestMemory) -> SemihostingCall {
        semihosting::call(op, param, mem, &self.console)
    }
}
