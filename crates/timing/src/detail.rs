//! What kind of exception a trap was: the exception class, refined for trapped system
//! register accesses (EC 0x18) by the register and for aborts by the fault class and level.

use a64sim_arch::{El, Esr};
use std::fmt;

/// Exception class names (ESR_ELx.EC, Arm ARM D23.2.41), the short forms Linux uses in
/// `arch/arm64/include/asm/esr.h`. AArch32-only classes are left out: a64sim has no AArch32.
const EC_NAMES: &[(u8, &str)] = &[
    (0x00, "UNKNOWN"),
    (0x01, "WFx"),
    (0x07, "FP_ASIMD"),
    (0x0a, "LS64"),
    (0x0c, "CP14_64"),
    (0x0d, "BTI"),
    (0x0e, "ILL"),
    (0x15, "SVC64"),
    (0x16, "HVC64"),
    (0x17, "SMC64"),
    (0x18, "SYS64"),
    (0x19, "SVE"),
    (0x1a, "ERET"),
    (0x1b, "TSTART"),
    (0x1c, "FPAC"),
    (0x1d, "SME"),
    (0x1f, "IMP_DEF"),
    (0x20, "IABT_LOW"),
    (0x21, "IABT_CUR"),
    (0x22, "PC_ALIGN"),
    (0x24, "DABT_LOW"),
    (0x25, "DABT_CUR"),
    (0x26, "SP_ALIGN"),
    (0x27, "MOPS"),
    (0x2c, "FP_EXC64"),
    (0x2f, "SERROR"),
    (0x30, "BREAKPT_LOW"),
    (0x31, "BREAKPT_CUR"),
    (0x32, "SOFTSTP_LOW"),
    (0x33, "SOFTSTP_CUR"),
    (0x34, "WATCHPT_LOW"),
    (0x35, "WATCHPT_CUR"),
    (0x3c, "BRK64"),
];

/// The short name of exception class `ec`, if it is an AArch64 class.
pub fn ec_name(ec: u8) -> Option<&'static str> {
    EC_NAMES.iter().find(|&&(c, _)| c == ec).map(|&(_, n)| n)
}

/// Which vector an exception was taken through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vector {
    /// Synchronous exception.
    Sync,
    /// IRQ or vIRQ (ESR not written).
    Irq,
    /// FIQ or vFIQ (ESR not written).
    Fiq,
    /// SError or vSError.
    SError,
}

/// The fault class of an abort, from its fault status code (ISS.DFSC/IFSC, Arm ARM
/// D23.2.41 "ISS encoding for an exception from a Data Abort").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FaultClass {
    /// Address size fault (0b0000LL, 0x29).
    AddressSize,
    /// Translation fault (0b0001LL, 0x2B).
    Translation,
    /// Access flag fault (0b0010LL).
    AccessFlag,
    /// Permission fault (0b0011LL).
    Permission,
    /// Synchronous external abort, not on a walk (0x10).
    External,
    /// Synchronous Tag Check Fault (0x11).
    TagCheck,
    /// Synchronous external abort on a translation table walk (0x13-0x17).
    ExternalOnWalk,
    /// Alignment fault (0x21).
    Alignment,
    /// TLB conflict abort (0x30).
    TlbConflict,
    /// Any other status code.
    Other(u8),
}

impl FaultClass {
    /// The class and, for faults that report one, the translation level (-1 to 3).
    pub fn from_fsc(fsc: u8) -> (FaultClass, Option<i8>) {
        let fsc = fsc & 0x3f;
        let level = Some((fsc & 3) as i8);
        match fsc {
            0x00..=0x03 => (FaultClass::AddressSize, level),
            0x04..=0x07 => (FaultClass::Translation, level),
            0x08..=0x0b => (FaultClass::AccessFlag, level),
            0x0c..=0x0f => (FaultClass::Permission, level),
            0x10 => (FaultClass::External, None),
            0x11 => (FaultClass::TagCheck, None),
            0x13 => (FaultClass::ExternalOnWalk, Some(-1)),
            0x14..=0x17 => (FaultClass::ExternalOnWalk, level),
            0x21 => (FaultClass::Alignment, None),
            0x29 => (FaultClass::AddressSize, Some(-1)),
            0x2b => (FaultClass::Translation, Some(-1)),
            0x30 => (FaultClass::TlbConflict, None),
            other => (FaultClass::Other(other), None),
        }
    }
}

impl fmt::Display for FaultClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FaultClass::AddressSize => f.write_str("address size"),
            FaultClass::Translation => f.write_str("translation"),
            FaultClass::AccessFlag => f.write_str("access flag"),
            FaultClass::Permission => f.write_str("permission"),
            FaultClass::External => f.write_str("external"),
            FaultClass::TagCheck => f.write_str("tag check"),
            FaultClass::ExternalOnWalk => f.write_str("external on walk"),
            FaultClass::Alignment => f.write_str("alignment"),
            FaultClass::TlbConflict => f.write_str("TLB conflict"),
            FaultClass::Other(c) => write!(f, "FSC {c:#04x}"),
        }
    }
}

/// The name of a system register or system instruction, as the CPU's tables know it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SysRegName {
    /// The instruction: `MRS`, `MSR`, or the SYS alias (`TLBI`, `DC`, `AT`, ...).
    pub mnemonic: &'static str,
    /// The register or operation (`SCTLR_EL1`, `VMALLE1IS`).
    pub name: &'static str,
}

/// What a trap was, as finely as the report separates traps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TrapDetail {
    /// A synchronous exception or SError, by EC, with nothing more to tell.
    Class(u8),
    /// EC 0x18: a trapped MSR, MRS, SYS or SYSL.
    SysReg {
        /// The encoding packed as op0:op1:CRn:CRm:op2 (2+3+4+4+3 bits).
        enc: u16,
        /// MRS or SYSL (a read) rather than MSR or SYS.
        read: bool,
        /// The name, when the CPU's tables have one.
        name: Option<SysRegName>,
    },
    /// An instruction or data abort (EC 0x20, 0x21, 0x24, 0x25).
    Abort {
        /// The exception class.
        ec: u8,
        /// The fault class from the status code.
        fault: FaultClass,
        /// The translation level, for faults that have one.
        level: Option<i8>,
    },
    /// An IRQ or vIRQ.
    Irq,
    /// An FIQ or vFIQ.
    Fiq,
}

impl TrapDetail {
    /// Classifies an exception taken through `vector` with syndrome `esr`; `sysreg_name`
    /// names an EC 0x18 encoding (op0:op1:CRn:CRm:op2) accessed as a read or a write.
    pub fn classify(
        vector: Vector,
        esr: Esr,
        sysreg_name: impl FnOnce(u16, bool) -> Option<SysRegName>,
    ) -> TrapDetail {
        match vector {
            Vector::Irq => return TrapDetail::Irq,
            Vector::Fiq => return TrapDetail::Fiq,
            Vector::Sync | Vector::SError => {}
        }
        let iss = esr.iss();
        match esr.ec() {
            0x18 => {
                // ISS layout of ARCH.md §2.3 (Arm ARM D23.2.41, "ISS encoding for an
                // exception from MSR, MRS, or System instruction execution").
                let field = |shift: u32, bits: u32| ((iss >> shift) & ((1 << bits) - 1)) as u16;
                let enc = (field(20, 2) << 14)
                    | (field(14, 3) << 11)
                    | (field(10, 4) << 7)
                    | (field(1, 4) << 3)
                    | field(17, 3);
                let read = iss & 1 != 0;
                TrapDetail::SysReg {
                    enc,
                    read,
                    name: sysreg_name(enc, read),
                }
            }
            ec @ (0x20 | 0x21 | 0x24 | 0x25) => {
                let (fault, level) = FaultClass::from_fsc(iss as u8);
                TrapDetail::Abort { ec, fault, level }
            }
            ec => TrapDetail::Class(ec),
        }
    }

    /// The exception class (0 for IRQ and FIQ, which have none).
    pub fn ec(&self) -> u8 {
        match *self {
            TrapDetail::Class(ec) | TrapDetail::Abort { ec, .. } => ec,
            TrapDetail::SysReg { .. } => 0x18,
            TrapDetail::Irq | TrapDetail::Fiq => 0,
        }
    }
}

/// Writes the name of EC `ec`, or `EC_0xNN` for a class without one.
fn write_ec(f: &mut fmt::Formatter<'_>, ec: u8) -> fmt::Result {
    match ec_name(ec) {
        Some(n) => f.write_str(n),
        None => write!(f, "EC_{ec:#04x}"),
    }
}

impl fmt::Display for TrapDetail {
    /// `HVC64`, `SYS64 MRS ID_AA64PFR0_EL1`, `DABT_LOW translation L3`, `IRQ`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TrapDetail::Class(ec) => write_ec(f, ec),
            TrapDetail::SysReg { enc, read, name } => {
                f.write_str("SYS64 ")?;
                match name {
                    Some(n) => {
                        n.mnemonic
                            .chars()
                            .try_for_each(|c| fmt::Write::write_char(f, c.to_ascii_uppercase()))?;
                        write!(f, " {}", n.name)
                    }
                    None => {
                        let op0 = enc >> 14;
                        let mnemonic = match (op0, read) {
                            (1, false) => "SYS",
                            (1, true) => "SYSL",
                            (_, false) => "MSR",
                            (_, true) => "MRS",
                        };
                        write!(
                            f,
                            "{mnemonic} S{}_{}_C{}_C{}_{}",
                            op0,
                            (enc >> 11) & 7,
                            (enc >> 7) & 15,
                            (enc >> 3) & 15,
                            enc & 7
                        )
                    }
                }
            }
            TrapDetail::Abort { ec, fault, level } => {
                write_ec(f, ec)?;
                write!(f, " {fault}")?;
                match level {
                    Some(l) => write!(f, " L{l}"),
                    None => Ok(()),
                }
            }
            TrapDetail::Irq => f.write_str("IRQ"),
            TrapDetail::Fiq => f.write_str("FIQ"),
        }
    }
}

/// The key the trap report groups by: what the trap was, and between which levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TrapKey {
    /// What kind of exception.
    pub detail: TrapDetail,
    /// The Exception level it was taken from.
    pub from: El,
    /// The Exception level it was taken to.
    pub to: El,
}

#[cfg(test)]
mod tests {
    use super::*;
    use a64sim_arch::{DataAbortIss, ExceptionClass, SysRegIss};

    fn no_name(_: u16, _: bool) -> Option<SysRegName> {
        None
    }

    #[test]
    fn classes_and_interrupts() {
        let hvc =
            TrapDetail::classify(Vector::Sync, Esr::new(ExceptionClass::Hvc64, 0x12), no_name);
        assert_eq!(hvc, TrapDetail::Class(0x16));
        assert_eq!(hvc.to_string(), "HVC64");
        let irq = TrapDetail::classify(Vector::Irq, Esr(0), no_name);
        assert_eq!(irq.to_string(), "IRQ");
        assert_eq!(TrapDetail::Class(0x3f).to_string(), "EC_0x3f");
    }

    #[test]
    fn sysreg_traps_carry_the_register() {
        // MRS x3, ID_AA64PFR0_EL1 = (3,0,0,4,0).
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
        let esr = Esr::new(ExceptionClass::SysRegTrap, iss);
        let mut seen = None;
        let d = TrapDetail::classify(Vector::Sync, esr, |enc, read| {
            seen = Some((enc, read));
            Some(SysRegName {
                mnemonic: "mrs",
                name: "ID_AA64PFR0_EL1",
            })
        });
        assert_eq!(seen, Some(((3 << 14) | (4 << 3), true)));
        assert_eq!(d.to_string(), "SYS64 MRS ID_AA64PFR0_EL1");
        let unnamed = TrapDetail::classify(Vector::Sync, esr, no_name);
        assert_eq!(unnamed.to_string(), "SYS64 MRS S3_0_C0_C4_0");
        // Rt does not split the key.
        let iss_x7 = SysRegIss {
            op0: 3,
            op1: 0,
            crn: 0,
            crm: 4,
            op2: 0,
            rt: 7,
            read: true,
        }
        .encode();
        let other_rt = TrapDetail::classify(
            Vector::Sync,
            Esr::new(ExceptionClass::SysRegTrap, iss_x7),
            no_name,
        );
        assert_eq!(other_rt, unnamed);
    }

    #[test]
    fn aborts_carry_the_fault_class_and_level() {
        let da = |dfsc| {
            TrapDetail::classify(
                Vector::Sync,
                Esr::new(
                    ExceptionClass::DataAbortLower,
                    DataAbortIss::simple(dfsc, true).encode(),
                ),
                no_name,
            )
            .to_string()
        };
        assert_eq!(da(0x07), "DABT_LOW translation L3");
        assert_eq!(da(0x0d), "DABT_LOW permission L1");
        assert_eq!(da(0x0a), "DABT_LOW access flag L2");
        assert_eq!(da(0x11), "DABT_LOW tag check");
        assert_eq!(da(0x21), "DABT_LOW alignment");
        assert_eq!(da(0x10), "DABT_LOW external");
        assert_eq!(da(0x2b), "DABT_LOW translation L-1");
        assert_eq!(da(0x3e), "DABT_LOW FSC 0x3e");
        let ia = TrapDetail::classify(
            Vector::Sync,
            Esr::new(ExceptionClass::InsnAbortSame, 0x0f),
            no_name,
        );
        assert_eq!(ia.to_string(), "IABT_CUR permission L3");
    }

    #[test]
    fn every_fsc_classifies() {
        for fsc in 0..=u8::MAX {
            let (class, level) = FaultClass::from_fsc(fsc);
            assert!(level.is_none_or(|l| (-1..=3).contains(&l)));
            assert!(!class.to_string().is_empty());
        }
    }
}
