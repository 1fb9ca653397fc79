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

/// ISS of EC 0x18: a trapped MSR, MRS, SYS or SYSL (ARCH.md §2.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SysRegIss {
    /// op0 (2 or 3 for registers, 1 for SYS).
    pub op0: u8,
    /// op1.
    pub op1: u8,
    /// CRn.
    pub crn: u8,
    /// CRm.
    pub crm: u8,
    /// op2.
    pub op2: u8,
    /// The general-purpose register operand.
    pub rt: u8,
    /// Direction: `true` for MRS/SYSL (read), `false` for MSR/SYS (write).
    pub read: bool,
}

impl SysRegIss {
    /// The 25-bit ISS value.
    pub const fn encode(self) -> u32 {
        ((self.op0 as u32 & 3) << 20)
            | ((self.op2 as u32 & 7) << 17)
            | ((self.op1 as u32 & 7) << 14)
            | ((self.crn as u32 & 15) << 10)
            | ((self.rt as u32 & 31) << 5)
            | ((self.crm as u32 & 15) << 1)
            | self.read as u32
    }
}

/// ISS of EC 0x01: a trapped WFI or WFE from AArch64 (CV = 1, COND = 0xE).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WfxIss {
    /// WFI (TI = 00).
    Wfi,
    /// WFE (TI = 01).
    Wfe,
}

impl WfxIss {
    /// The 25-bit ISS value.
    pub const fn encode(self) -> u32 {
        (1 << 24) | (0xe << 20) | (self as u32)
    }
}

/// ISS of EC 0x07 from AArch64: CV = 1, COND = 0xE, the rest zero.
pub const FP_ACCESS_ISS: u32 = 0x1e0_0000;

/// ISS of a data abort (EC 0x24/0x25), ARCH.md §2.4. Fields that do not apply stay zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DataAbortIss {
    /// Instruction syndrome valid (stage-2 faults of single-register accesses only).
    pub isv: bool,
    /// Access size: log2 of bytes (valid with ISV).
    pub sas: u8,
    /// Sign-extending load (valid with ISV).
    pub sse: bool,
    /// Register number (valid with ISV).
    pub srt: u8,
    /// 64-bit register (valid with ISV).
    pub sf: bool,
    /// Acquire/release semantics (valid with ISV).
    pub ar: bool,
    /// FAR not valid.
    pub fnv: bool,
    /// Fault from cache maintenance or AT.
    pub cm: bool,
    /// Stage-2 fault on a stage-1 table walk.
    pub s1ptw: bool,
    /// Write (1) or read (0).
    pub wnr: bool,
    /// Data fault status code (`fsc`).
    pub dfsc: u8,
}

impl DataAbortIss {
    /// A fault of the given status code on a read or write, ISV = 0.
    pub const fn simple(dfsc: u8, wnr: bool) -> Self {
        DataAbortIss {
            isv: false,
            sas: 0,
            sse: false,
            srt: 0,
            sf: false,
            ar: false,
            fnv: false,
            cm: false,
            s1ptw: false,
            wnr,
            dfsc,
        }
    }

    /// The 25-bit ISS value.
    pub const fn encode(self) -> u32 {
        let isv_part = if self.isv {
            (1 << 24)
                | ((self.sas as u32 & 3) << 22)
                | ((self.sse as u32) << 21)
                | ((self.srt as u32 & 31) << 16)
                | ((self.sf as u32) << 15)
                | ((self.ar as u32) << 14)
        } else {
            0
        };
        isv_part
            | ((self.fnv as u32) << 10)
            | ((self.cm as u32) << 8)
            | ((self.s1ptw as u32) << 7)
            | ((self.wnr as u32) << 6)
            | (self.dfsc as u32 & 0x3f)
    }
}

/// Data Fault Status Codes used in data/instruction abort ISS (ARCH.md §2.5).
pub mod fsc {
    /// Alignment fault.
    pub const ALIGNMENT: u8 = 0x21;
    /// Synchronous external abort, not on a translation table walk.
    pub const SYNC_EXTERNAL: u8 = 0x10;
    /// Synchronous Tag Check Fault (FEAT_MTE2).
    pub const TAG_CHECK: u8 = 0x11;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sysreg_iss_matches_the_instruction_fields() {
        // MRS x3, ID_AA64PFR0_EL1 (3,0,0,4,0) trapped by HCR_EL2.TID3, from the field
        // positions of ARCH.md §2.3.
        let iss = SysRegIss {
            op0: 3,
            op1: 0,
            crn: 0,
            crm: 4,
            op2: 0,
            rt: 3,
            read: true,
        }
        .encode();
        assert_eq!(iss, (3 << 20) | (3 << 5) | (4 << 1) | 1);
        assert_eq!(Esr::new(ExceptionClass::SysRegTrap, iss).0, 0x6230_0069);
        // MSR SCTLR_EL1, x0 (3,0,1,0,0), a write.
        let w = SysRegIss {
            op0: 3,
            op1: 0,
            crn: 1,
            crm: 0,
            op2: 0,
            rt: 0,
            read: false,
        }
        .encode();
        assert_eq!(w, 0x30_0400);
    }

    #[test]
    fn wfx_and_fp_syndromes() {
        assert_eq!(
            Esr::new(ExceptionClass::WfxTrap, WfxIss::Wfi.encode()).0,
            0x07e0_0000
        );
        assert_eq!(
            Esr::new(ExceptionClass::WfxTrap, WfxIss::Wfe.encode()).0,
            0x07e0_0001
        );
        assert_eq!(
            Esr::new(ExceptionClass::FpAccessTrap, FP_ACCESS_ISS).0,
            0x1fe0_0000
        );
    }

    #[test]
    fn data_abort_iss_fields() {
        // Alignment fault on a store: 0x96000061 (QEMU, ldst executor tests).
        assert_eq!(
            Esr::new(
                ExceptionClass::DataAbortSame,
                DataAbortIss::simple(0x21, true).encode()
            )
            .0,
            0x9600_0061
        );
        let full = DataAbortIss {
            isv: true,
            sas: 3,
            sse: false,
            srt: 5,
            sf: true,
            ar: false,
            ..DataAbortIss::simple(0x07, false)
        };
        assert_eq!(
            full.encode(),
            (1 << 24) | (3 << 22) | (5 << 16) | (1 << 15) | 0x07
        );
    }

    #[test]
    fn svc_syndrome_matches_linux_value() {
        // Linux ESR_ELx_EC_SVC64 = 0x15; SVC #0 gives 0x56000000.
        assert_eq!(Esr::new(ExceptionClass::Svc64, 0).0, 0x5600_0000);
        // QEMU.md: a synchronous tag-check fault on a load is 0x96000011.
        assert_eq!(Esr::new(ExceptionClass::DataAbortSame, 0x11).0, 0x9600_0011);
    }
}
