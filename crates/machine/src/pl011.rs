//! The PL011 UART, transmit side: enough for polled output (ARM DDI 0183).

/// Data register.
const DR: u64 = 0x000;
/// Flag register.
const FR: u64 = 0x018;
/// FR.RXFE: receive FIFO empty.
const FR_RXFE: u64 = 1 << 4;
/// FR.TXFE: transmit FIFO empty.
const FR_TXFE: u64 = 1 << 7;
/// PrimeCell peripheral and cell identification registers at 0xFE0..0xFFC.
const ID: [u8; 8] = [0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

/// A PL011 whose transmitted bytes are collected by the caller.
#[derive(Clone, Debug, Default)]
pub struct Pl011 {
    /// Control and configuration registers we store but do not act on (IBRD, FBRD,
    /// LCR_H, CR, IFLS, IMSC), indexed by offset / 4.
    regs: [u32; 16],
}

impl Pl011 {
    /// A read at `offset`. Transmission is instantaneous: FR says "TX empty, RX empty".
    pub fn read(&self, offset: u64) -> u64 {
        match offset {
            FR => FR_TXFE | FR_RXFE,
            DR => 0,
            0xfe0..=0xffc => ID[((offset - 0xfe0) / 4) as usize] as u64,
            o if o < 0x40 => self.regs[(o / 4) as usize] as u64,
            _ => 0,
        }
    }

    /// A write at `offset`; returns the byte to transmit, if any.
    pub fn write(&mut self, offset: u64, value: u64) -> Option<u8> {
        match offset {
            DR => Some(value as u8),
            o if o < 0x40 && o != FR => {
                self.regs[(o / 4) as usize] = value as u32;
                None
            }
            _ => None,
        }
    }
}
