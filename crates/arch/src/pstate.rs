//! Exception levels and PSTATE (Arm ARM D1.4), with the SPSR_ELx layout of ARCH.md §1.2.

/// An Exception level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum El {
    /// EL0: applications.
    El0 = 0,
    /// EL1: OS kernel.
    El1 = 1,
    /// EL2: hypervisor.
    El2 = 2,
    /// EL3: secure monitor.
    El3 = 3,
}

impl El {
    /// The level from its 2-bit encoding.
    pub const fn from_bits(b: u8) -> El {
        match b & 3 {
            0 => El::El0,
            1 => El::El1,
            2 => El::El2,
            _ => El::El3,
        }
    }
    /// The 2-bit encoding.
    pub const fn bits(self) -> u8 {
        self as u8
    }
}

/// PSTATE fields kept by a64sim (AArch64 state only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pstate {
    /// N, Z, C, V in bits 3..0.
    pub nzcv: u8,
    /// D, A, I, F in bits 3..0.
    pub daif: u8,
    /// Current Exception level.
    pub el: El,
    /// Stack pointer select: `true` uses SP_ELx, `false` SP_EL0.
    pub sp: bool,
    /// Privileged Access Never.
    pub pan: bool,
    /// User Access Override.
    pub uao: bool,
    /// Data Independent Timing.
    pub dit: bool,
    /// Speculative Store Bypass Safe.
    pub ssbs: bool,
    /// MTE Tag Check Override.
    pub tco: bool,
    /// Branch type for BTI.
    pub btype: u8,
    /// Software step.
    pub ss: bool,
    /// Illegal execution state.
    pub il: bool,
    /// FEAT_NMI: all interrupts masked (when SCTLR_ELx.NMI = 1).
    pub allint: bool,
}

impl Pstate {
    /// PSTATE on reset into `el` (Arm ARM D1.9): handler mode, all of DAIF masked. NZCV is
    /// UNKNOWN on reset; a64sim picks Z = 1, the value QEMU resets to, so that the two start
    /// from the same state in a lockstep comparison.
    pub const fn reset(el: El) -> Pstate {
        Pstate {
            nzcv: 0b0100,
            daif: 0xf,
            el,
            sp: true,
            pan: false,
            uao: false,
            dit: false,
            ssbs: false,
            tco: false,
            btype: 0,
            ss: false,
            il: false,
            allint: false,
        }
    }

    /// Packs PSTATE in the SPSR_ELx layout (GetPSRFromPSTATE for AArch64).
    pub fn to_spsr(&self) -> u64 {
        ((self.nzcv as u64) << 28)
            | ((self.tco as u64) << 25)
            | ((self.dit as u64) << 24)
            | ((self.uao as u64) << 23)
            | ((self.pan as u64) << 22)
            | ((self.ss as u64) << 21)
            | ((self.il as u64) << 20)
            | ((self.allint as u64) << 13)
            | ((self.ssbs as u64) << 12)
            | ((self.btype as u64 & 3) << 10)
            | ((self.daif as u64 & 0xf) << 6)
            | ((self.el.bits() as u64) << 2)
            | self.sp as u64
    }

    /// Restores every field from an SPSR value (SetPSTATEFromPSR for AArch64). Checking that
    /// the return is legal is the caller's job.
    pub fn set_from_spsr(&mut self, spsr: u64) {
        self.nzcv = (spsr >> 28) as u8 & 0xf;
        self.tco = spsr >> 25 & 1 != 0;
        self.dit = spsr >> 24 & 1 != 0;
        self.uao = spsr >> 23 & 1 != 0;
        self.pan = spsr >> 22 & 1 != 0;
        self.ss = spsr >> 21 & 1 != 0;
        self.il = spsr >> 20 & 1 != 0;
        self.allint = spsr >> 13 & 1 != 0;
        self.ssbs = spsr >> 12 & 1 != 0;
        self.btype = (spsr >> 10) as u8 & 3;
        self.daif = (spsr >> 6) as u8 & 0xf;
        self.el = El::from_bits((spsr >> 2) as u8);
        self.sp = spsr & 1 != 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spsr_round_trip_of_el2h_with_flags() {
        // 0x3C9 is the SPSR firmware uses to enter EL2h with DAIF masked (ARCH.md §7).
        let mut p = Pstate::reset(El::El3);
        p.set_from_spsr(0x3c9 | (0b1010 << 28));
        assert_eq!(p.el, El::El2);
        assert!(p.sp);
        assert_eq!(p.daif, 0xf);
        assert_eq!(p.nzcv, 0b1010);
        assert_eq!(p.to_spsr(), 0x3c9 | (0b1010 << 28));
    }
}
