//! Exception classes and syndrome values (ESR_ELx, Arm ARM D23.2.41; ARCH.md §2).

/// ESR_ELx.EC values a64sim raises. Unknown classes stay representable via `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExceptionClass {
    /// 0x00: unknown reason (UNDEFINED instructions).
    Unknown,
    /// 0x01: trapped WFI/WFE.
    WfxTrap,
    /// 0x07: trapped SIMD/FP access.
    FpAccessTrap,
    /// 0x0E: illegal execution state.
    IllegalState,
    /// 0x15: SVC from AArch64.
    Svc64,
    /// 0x16: HVC from AArch64.
    Hvc64,
    /// 0x17: SMC from AArch64.
    Smc64,
    /// 0x18: trapped MSR/MRS/system instruction.
    SysRegTrap,
    /// 0x20: instruction abort from a lower EL.
    InsnAbortLower,
    /// 0x21: instruction abort at the same EL.
    InsnAbortSame,
    /// 0x22: PC alignment fault.
    PcAlignment,
    /// 0x24: data abort from a lower EL.
    DataAbortLower,
    /// 0x25: data abort at the same EL.
    DataAbortSame,
    /// 0x26: SP alignment fault.
    SpAlignment,
    /// 0x2F: SError.
    SError,
    /// 0x3C: BRK.
    Brk64,
    /// Any other class.
    Other(u8),
}

impl ExceptionClass {
    /// The 6-bit EC value.
    pub const fn code(self) -> u8 {
        match self {
            ExceptionClass::Unknown => 0x00,
            ExceptionClass::WfxTrap => 0x01,
            ExceptionClass::FpAccessTrap => 0x07,
            ExceptionClass::IllegalState => 0x0e,
            ExceptionClass::Svc64 => 0x15,
            ExceptionClass::Hvc64 => 0x16,
            ExceptionClass::Smc64 => 0x17,
            ExceptionClass::SysRegTrap => 0x18,
            ExceptionClass::InsnAbortLower => 0x20,
            ExceptionClass::InsnAbortSame => 0x21,
            ExceptionClass::PcAlignment => 0x22,
            ExceptionClass::DataAbortLower => 0x24,
            ExceptionClass::DataAbortSame => 0x25,
            ExceptionClass::SpAlignment => 0x26,
            ExceptionClass::SError => 0x2f,
            ExceptionClass::Brk64 => 0x3c,
            ExceptionClass::Other(c) => c & 0x3f,
        }
    }
}

/// A syndrome: EC, IL and ISS packed as ESR_ELx holds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Esr(pub u64);

impl Esr {
    /// Builds a syndrome for a 32-bit instruction (IL = 1).
    pub const fn new(ec: ExceptionClass, iss: u32) -> Esr {
        Esr(((ec.code() as u64) << 26) | (1 << 25) | (iss as u64 & 0x1ff_ffff))
    }
    /// Builds a syndrome with IL = 0 (used by EC 0x00 for some cases and by SError).
    pub const fn new_il0(ec: ExceptionClass, iss: u32) -> Esr {
        Esr(((ec.code() as u64) << 26) | (iss as u64 & 0x1ff_ffff))
    }
    /// The exception class code.
    pub const fn ec(self) -> u8 {
        (self.0 >> 26) as u8 & 0x3f
    }
    /// The ISS field.
    pub const fn iss(self) -> u32 {
        self.0 as u32 & 0x1ff_ffff
    }
}

/// Data Fault Status Codes used in data/instruction abort ISS (ARCH.md §2.5).
pub mod fsc {
    /// Alignment fault.
    pub const ALIGNMENT: u8 = 0x21;
    /// Synchronous external abort, not on a translation table walk.
    pub const SYNC_EXTERNAL: u8 = 0x10;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svc_syndrome_matches_linux_value() {
        // Linux ESR_ELx_EC_SVC64 = 0x15; SVC #0 gives 0x56000000.
        assert_eq!(Esr::new(ExceptionClass::Svc64, 0).0, 0x5600_0000);
        // QEMU.md: a synchronous tag-check fault on a load is 0x96000011.
        assert_eq!(Esr::new(ExceptionClass::DataAbortSame, 0x11).0, 0x9600_0011);
    }
}
