//! The physical memory map of QEMU's `virt` board (hw/arm/virt.c `base_memmap`).

/// GICv3 distributor.
pub const GICD_BASE: u64 = 0x0800_0000;
/// GICv3 redistributors.
pub const GICR_BASE: u64 = 0x080a_0000;
/// PL011 UART.
pub const UART_BASE: u64 = 0x0900_0000;
/// Size of the PL011 register window.
pub const UART_SIZE: u64 = 0x1000;
/// PL031 real-time clock.
pub const RTC_BASE: u64 = 0x0901_0000;
/// Start of RAM.
pub const RAM_BASE: u64 = 0x4000_0000;
