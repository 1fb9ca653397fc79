//! Names of the SYS/SYSL system instructions (DC, IC, TLBI, AT and friends), keyed by
//! op1, CRn, CRm, op2 (Arm ARM C5.3, ../shared/ARCH.md §3.13, §3.14, §4.5, §5.7), and the
//! PSTATE fields of MSR (immediate) (Arm ARM C5.2, ARCH.md §1.1).
//!
//! A SYS instruction is one encoding row (`Sys` in `encodings/branch_sys.decode`); which
//! operation it performs is data, in [`SYS_OPS`], shared by the disassembler and the executor.
//! The operations are keyed by their op0 = 1 encoding as a [`SysRegId`] (ARCH.md writes
//! `DC ZVA 1,3,7,4,1`), so the trap rules of the CPU can key on the same value as for
//! registers. The set of names is what GNU objdump 2.40 prints (found by disassembling all
//! 16,384 SYS encodings); it includes operations of features a64sim does not implement
//! (FEAT_RME, FEAT_SPECRES), which only name them.

use std::fmt;

use crate::sysreg::SysRegId;
use crate::{Mrs, MsrImm, MsrReg, Sys, Sysl};

/// The instruction a named SYS encoding is an alias of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SysOpKind {
    /// Instruction cache maintenance (Arm ARM C6.2 IC).
    Ic,
    /// Data cache maintenance, DC ZVA and the MTE tag operations (C6.2 DC).
    Dc,
    /// Address translation (C6.2 AT).
    At,
    /// TLB maintenance (C6.2 TLBI).
    Tlbi,
    /// Control flow prediction restriction by context (FEAT_SPECRES).
    Cfp,
    /// Data value prediction restriction by context (FEAT_SPECRES).
    Dvp,
    /// Cache prefetch prediction restriction by context (FEAT_SPECRES).
    Cpp,
}

impl SysOpKind {
    /// The alias mnemonic (`dc`, `tlbi`, ...).
    pub fn mnemonic(self) -> &'static str {
        match self {
            SysOpKind::Ic => "ic",
            SysOpKind::Dc => "dc",
            SysOpKind::At => "at",
            SysOpKind::Tlbi => "tlbi",
            SysOpKind::Cfp => "cfp",
            SysOpKind::Dvp => "dvp",
            SysOpKind::Cpp => "cpp",
        }
    }
}

/// One named SYS operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SysOp {
    /// The encoding, op0 = 1.
    pub id: SysRegId,
    /// Which alias it is.
    pub kind: SysOpKind,
    /// The operation (upper case as in the Arm ARM), e.g. `ZVA` in `DC ZVA, Xt`.
    pub name: &'static str,
    /// Whether Xt is an operand (`DC ZVA, Xt`) or not (`TLBI VMALLE1`; Rt should be 31).
    pub takes_rt: bool,
}

impl fmt::Display for SysOp {
    /// `dc zva`, `tlbi vmalle1`: the mnemonic and the lower-case operation, without Xt.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.mnemonic())?;
        f.write_str(" ")?;
        self.name
            .chars()
            .try_for_each(|c| fmt::Write::write_char(f, c.to_ascii_lowercase()))
    }
}

const RT: bool = true;
const NO_RT: bool = false;

const fn op(
    kind: SysOpKind,
    name: &'static str,
    op1: u8,
    crn: u8,
    crm: u8,
    op2: u8,
    takes_rt: bool,
) -> SysOp {
    SysOp {
        id: SysRegId::new(1, op1, crn, crm, op2),
        kind,
        name,
        takes_rt,
    }
}

/// Every named SYS operation, sorted by encoding (a test checks it).
#[rustfmt::skip]
pub static SYS_OPS: &[SysOp] = {
    use SysOpKind::{At, Cfp, Cpp, Dc, Dvp, Ic, Tlbi};
    &[
    // op1 = 0, CRn = 7: EL1 instruction/data cache maintenance (by set/way, to PoC), the FEAT_MTE2
    // tag forms (IG*, CG*, CIG*), AT S1E1/S1E0 (ARCH.md §3.14, §4.5, §5.7); S1E1RP/WP are FEAT_PAN2.
    op(Ic, "IALLUIS", 0, 7, 1, 0, NO_RT),
    op(Ic, "IALLU", 0, 7, 5, 0, NO_RT),
    op(Dc, "IVAC", 0, 7, 6, 1, RT),
    op(Dc, "ISW", 0, 7, 6, 2, RT),
    op(Dc, "IGVAC", 0, 7, 6, 3, RT),
    op(Dc, "IGSW", 0, 7, 6, 4, RT),
    op(Dc, "IGDVAC", 0, 7, 6, 5, RT),
    op(Dc, "IGDSW", 0, 7, 6, 6, RT),
    op(At, "S1E1R", 0, 7, 8, 0, RT),
    op(At, "S1E1W", 0, 7, 8, 1, RT),
    op(At, "S1E0R", 0, 7, 8, 2, RT),
    op(At, "S1E0W", 0, 7, 8, 3, RT),
    op(At, "S1E1RP", 0, 7, 9, 0, RT),
    op(At, "S1E1WP", 0, 7, 9, 1, RT),
    op(Dc, "CSW", 0, 7, 10, 2, RT),
    op(Dc, "CGSW", 0, 7, 10, 4, RT),
    op(Dc, "CGDSW", 0, 7, 10, 6, RT),
    op(Dc, "CISW", 0, 7, 14, 2, RT),
    op(Dc, "CIGSW", 0, 7, 14, 4, RT),
    op(Dc, "CIGDSW", 0, 7, 14, 6, RT),
    // op1 = 0, CRn = 8: EL1 TLB maintenance (ARCH.md §3.13): CRm = 1 Outer Shareable (FEAT_TLBIOS),
    // 3 Inner Shareable, 7 local; CRm = 2/5/6 range forms IS/OS/local (FEAT_TLBIRANGE).
    op(Tlbi, "VMALLE1OS", 0, 8, 1, 0, NO_RT),
    op(Tlbi, "VAE1OS", 0, 8, 1, 1, RT),
    op(Tlbi, "ASIDE1OS", 0, 8, 1, 2, RT),
    op(Tlbi, "VAAE1OS", 0, 8, 1, 3, RT),
    op(Tlbi, "VALE1OS", 0, 8, 1, 5, RT),
    op(Tlbi, "VAALE1OS", 0, 8, 1, 7, RT),
    op(Tlbi, "RVAE1IS", 0, 8, 2, 1, RT),
    op(Tlbi, "RVAAE1IS", 0, 8, 2, 3, RT),
    op(Tlbi, "RVALE1IS", 0, 8, 2, 5, RT),
    op(Tlbi, "RVAALE1IS", 0, 8, 2, 7, RT),
    op(Tlbi, "VMALLE1IS", 0, 8, 3, 0, NO_RT),
    op(Tlbi, "VAE1IS", 0, 8, 3, 1, RT),
    op(Tlbi, "ASIDE1IS", 0, 8, 3, 2, RT),
    op(Tlbi, "VAAE1IS", 0, 8, 3, 3, RT),
    op(Tlbi, "VALE1IS", 0, 8, 3, 5, RT),
    op(Tlbi, "VAALE1IS", 0, 8, 3, 7, RT),
    op(Tlbi, "RVAE1OS", 0, 8, 5, 1, RT),
    op(Tlbi, "RVAAE1OS", 0, 8, 5, 3, RT),
    op(Tlbi, "RVALE1OS", 0, 8, 5, 5, RT),
    op(Tlbi, "RVAALE1OS", 0, 8, 5, 7, RT),
    op(Tlbi, "RVAE1", 0, 8, 6, 1, RT),
    op(Tlbi, "RVAAE1", 0, 8, 6, 3, RT),
    op(Tlbi, "RVALE1", 0, 8, 6, 5, RT),
    op(Tlbi, "RVAALE1", 0, 8, 6, 7, RT),
    op(Tlbi, "VMALLE1", 0, 8, 7, 0, NO_RT),
    op(Tlbi, "VAE1", 0, 8, 7, 1, RT),
    op(Tlbi, "ASIDE1", 0, 8, 7, 2, RT),
    op(Tlbi, "VAAE1", 0, 8, 7, 3, RT),
    op(Tlbi, "VALE1", 0, 8, 7, 5, RT),
    op(Tlbi, "VAALE1", 0, 8, 7, 7, RT),
    // op1 = 3, CRn = 7: EL0-accessible operations: CFP/DVP/CPP RCTX (FEAT_SPECRES), DC ZVA and the
    // MTE GVA/GZVA, IC IVAU, DC by VA to PoC/PoU/PoP (FEAT_DPB)/PoDP (FEAT_DPB2) and their tag forms.
    op(Cfp, "RCTX", 3, 7, 3, 4, RT),
    op(Dvp, "RCTX", 3, 7, 3, 5, RT),
    op(Cpp, "RCTX", 3, 7, 3, 7, RT),
    op(Dc, "ZVA", 3, 7, 4, 1, RT),
    op(Dc, "GVA", 3, 7, 4, 3, RT),
    op(Dc, "GZVA", 3, 7, 4, 4, RT),
    op(Ic, "IVAU", 3, 7, 5, 1, RT),
    op(Dc, "CVAC", 3, 7, 10, 1, RT),
    op(Dc, "CGVAC", 3, 7, 10, 3, RT),
    op(Dc, "CGDVAC", 3, 7, 10, 5, RT),
    op(Dc, "CVAU", 3, 7, 11, 1, RT),
    op(Dc, "CVAP", 3, 7, 12, 1, RT),
    op(Dc, "CGVAP", 3, 7, 12, 3, RT),
    op(Dc, "CGDVAP", 3, 7, 12, 5, RT),
    op(Dc, "CVADP", 3, 7, 13, 1, RT),
    op(Dc, "CGVADP", 3, 7, 13, 3, RT),
    op(Dc, "CGDVADP", 3, 7, 13, 5, RT),
    op(Dc, "CIVAC", 3, 7, 14, 1, RT),
    op(Dc, "CIGVAC", 3, 7, 14, 3, RT),
    op(Dc, "CIGDVAC", 3, 7, 14, 5, RT),
    // op1 = 4, CRn = 7: AT S1E2 and the stage 1+2 forms S12E1/S12E0 (EL2).
    op(At, "S1E2R", 4, 7, 8, 0, RT),
    op(At, "S1E2W", 4, 7, 8, 1, RT),
    op(At, "S12E1R", 4, 7, 8, 4, RT),
    op(At, "S12E1W", 4, 7, 8, 5, RT),
    op(At, "S12E0R", 4, 7, 8, 6, RT),
    op(At, "S12E0W", 4, 7, 8, 7, RT),
    // op1 = 4, CRn = 8: EL2 TLB maintenance, including stage 2 by IPA (IPAS2*, RIPAS2*).
    op(Tlbi, "IPAS2E1IS", 4, 8, 0, 1, RT),
    op(Tlbi, "RIPAS2E1IS", 4, 8, 0, 2, RT),
    op(Tlbi, "IPAS2LE1IS", 4, 8, 0, 5, RT),
    op(Tlbi, "RIPAS2LE1IS", 4, 8, 0, 6, RT),
    op(Tlbi, "ALLE2OS", 4, 8, 1, 0, NO_RT),
    op(Tlbi, "VAE2OS", 4, 8, 1, 1, RT),
    op(Tlbi, "ALLE1OS", 4, 8, 1, 4, NO_RT),
    op(Tlbi, "VALE2OS", 4, 8, 1, 5, RT),
    op(Tlbi, "VMALLS12E1OS", 4, 8, 1, 6, NO_RT),
    op(Tlbi, "RVAE2IS", 4, 8, 2, 1, RT),
    op(Tlbi, "RVALE2IS", 4, 8, 2, 5, RT),
    op(Tlbi, "ALLE2IS", 4, 8, 3, 0, NO_RT),
    op(Tlbi, "VAE2IS", 4, 8, 3, 1, RT),
    op(Tlbi, "ALLE1IS", 4, 8, 3, 4, NO_RT),
    op(Tlbi, "VALE2IS", 4, 8, 3, 5, RT),
    op(Tlbi, "VMALLS12E1IS", 4, 8, 3, 6, NO_RT),
    op(Tlbi, "IPAS2E1OS", 4, 8, 4, 0, RT),
    op(Tlbi, "IPAS2E1", 4, 8, 4, 1, RT),
    op(Tlbi, "RIPAS2E1", 4, 8, 4, 2, RT),
    op(Tlbi, "RIPAS2E1OS", 4, 8, 4, 3, RT),
    op(Tlbi, "IPAS2LE1OS", 4, 8, 4, 4, RT),
    op(Tlbi, "IPAS2LE1", 4, 8, 4, 5, RT),
    op(Tlbi, "RIPAS2LE1", 4, 8, 4, 6, RT),
    op(Tlbi, "RIPAS2LE1OS", 4, 8, 4, 7, RT),
    op(Tlbi, "RVAE2OS", 4, 8, 5, 1, RT),
    op(Tlbi, "RVALE2OS", 4, 8, 5, 5, RT),
    op(Tlbi, "RVAE2", 4, 8, 6, 1, RT),
    op(Tlbi, "RVALE2", 4, 8, 6, 5, RT),
    op(Tlbi, "ALLE2", 4, 8, 7, 0, NO_RT),
    op(Tlbi, "VAE2", 4, 8, 7, 1, RT),
    op(Tlbi, "ALLE1", 4, 8, 7, 4, NO_RT),
    op(Tlbi, "VALE2", 4, 8, 7, 5, RT),
    op(Tlbi, "VMALLS12E1", 4, 8, 7, 6, NO_RT),
    // op1 = 6, CRn = 7: AT S1E3; DC CIPAPA/CIGDPAPA by physical address (FEAT_RME).
    op(At, "S1E3R", 6, 7, 8, 0, RT),
    op(At, "S1E3W", 6, 7, 8, 1, RT),
    op(Dc, "CIPAPA", 6, 7, 14, 1, RT),
    op(Dc, "CIGDPAPA", 6, 7, 14, 5, RT),
    // op1 = 6, CRn = 8: EL3 TLB maintenance; PAALL/RPAOS/RPALOS (FEAT_RME).
    op(Tlbi, "ALLE3OS", 6, 8, 1, 0, NO_RT),
    op(Tlbi, "VAE3OS", 6, 8, 1, 1, RT),
    op(Tlbi, "PAALLOS", 6, 8, 1, 4, NO_RT),
    op(Tlbi, "VALE3OS", 6, 8, 1, 5, RT),
    op(Tlbi, "RVAE3IS", 6, 8, 2, 1, RT),
    op(Tlbi, "RVALE3IS", 6, 8, 2, 5, RT),
    op(Tlbi, "ALLE3IS", 6, 8, 3, 0, NO_RT),
    op(Tlbi, "VAE3IS", 6, 8, 3, 1, RT),
    op(Tlbi, "VALE3IS", 6, 8, 3, 5, RT),
    op(Tlbi, "RPAOS", 6, 8, 4, 3, RT),
    op(Tlbi, "RPALOS", 6, 8, 4, 7, RT),
    op(Tlbi, "RVAE3OS", 6, 8, 5, 1, RT),
    op(Tlbi, "RVALE3OS", 6, 8, 5, 5, RT),
    op(Tlbi, "RVAE3", 6, 8, 6, 1, RT),
    op(Tlbi, "RVALE3", 6, 8, 6, 5, RT),
    op(Tlbi, "ALLE3", 6, 8, 7, 0, NO_RT),
    op(Tlbi, "VAE3", 6, 8, 7, 1, RT),
    op(Tlbi, "PAALL", 6, 8, 7, 4, NO_RT),
    op(Tlbi, "VALE3", 6, 8, 7, 5, RT),
    ]
};

/// Index into [`SYS_OPS`] by op1:CRn:CRm:op2 (14 bits), built at compile time: a SYS
/// instruction (TLBI, DC, IC, AT) finds its operation with one load.
static SYS_OP_INDEX: [u8; 1 << 14] = {
    let mut v = [u8::MAX; 1 << 14];
    let mut i = 0;
    while i < SYS_OPS.len() {
        v[(SYS_OPS[i].id.0 & 0x3fff) as usize] = i as u8;
        i += 1;
    }
    v
};

/// The named operation of a SYS encoding, if it has one.
#[inline]
pub fn sys_op(op1: u8, crn: u8, crm: u8, op2: u8) -> Option<&'static SysOp> {
    let id = SysRegId::new(1, op1, crn, crm, op2);
    match SYS_OP_INDEX[(id.0 & 0x3fff) as usize] {
        u8::MAX => None,
        i => Some(&SYS_OPS[i as usize]),
    }
}

impl Sys {
    /// The encoding as op0 = 1 `SysRegId` (the key of [`SYS_OPS`] and of trap rules).
    pub fn id(&self) -> SysRegId {
        SysRegId::new(1, self.op1, self.crn, self.crm, self.op2)
    }
    /// The named operation (DC, IC, TLBI, AT, ...), or `None` for a generic SYS.
    pub fn op(&self) -> Option<&'static SysOp> {
        sys_op(self.op1, self.crn, self.crm, self.op2)
    }
}

impl Sysl {
    /// The encoding as op0 = 1 `SysRegId`.
    pub fn id(&self) -> SysRegId {
        SysRegId::new(1, self.op1, self.crn, self.crm, self.op2)
    }
}

impl MsrReg {
    /// The register written: op0 = 2 + o0.
    pub fn reg(&self) -> SysRegId {
        SysRegId::new(2 + self.o0 as u8, self.op1, self.crn, self.crm, self.op2)
    }
}

impl Mrs {
    /// The register read: op0 = 2 + o0.
    pub fn reg(&self) -> SysRegId {
        SysRegId::new(2 + self.o0 as u8, self.op1, self.crn, self.crm, self.op2)
    }
}

/// A PSTATE field written by MSR (immediate) (Arm ARM C6.2 MSR (immediate), ARCH.md §1.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PStateField {
    /// PSTATE.UAO (FEAT_UAO), op1 = 0, op2 = 3.
    Uao,
    /// PSTATE.PAN (FEAT_PAN), op1 = 0, op2 = 4.
    Pan,
    /// PSTATE.SP, op1 = 0, op2 = 5.
    SpSel,
    /// PSTATE.ALLINT (FEAT_NMI), op1 = 1, op2 = 0, CRm = 000x.
    AllInt,
    /// PSTATE.SSBS (FEAT_SSBS), op1 = 3, op2 = 1.
    Ssbs,
    /// PSTATE.DIT (FEAT_DIT), op1 = 3, op2 = 2.
    Dit,
    /// PSTATE.TCO (FEAT_MTE), op1 = 3, op2 = 4.
    Tco,
    /// Set bits of PSTATE.{D,A,I,F} from CRm, op1 = 3, op2 = 6.
    DaifSet,
    /// Clear bits of PSTATE.{D,A,I,F} from CRm, op1 = 3, op2 = 7.
    DaifClr,
}

impl PStateField {
    /// The field selected by op1, op2 and CRm, as the MSR (immediate) decode does; `None` is
    /// UNDEFINED (including SME's SVCR and FEAT_EBEP's PM, which a64sim does not decode).
    /// op1 = 0, op2 = 0..2 are CFINV/XAFLAG/AXFLAG, their own rows.
    pub fn decode(op1: u8, op2: u8, crm: u8) -> Option<Self> {
        Some(match (op1, op2) {
            (0, 3) => PStateField::Uao,
            (0, 4) => PStateField::Pan,
            (0, 5) => PStateField::SpSel,
            (1, 0) if crm < 2 => PStateField::AllInt,
            (3, 1) => PStateField::Ssbs,
            (3, 2) => PStateField::Dit,
            (3, 4) => PStateField::Tco,
            (3, 6) => PStateField::DaifSet,
            (3, 7) => PStateField::DaifClr,
            _ => return None,
        })
    }

    /// The operand name (`daifset`, `spsel`, ...).
    pub fn name(self) -> &'static str {
        match self {
            PStateField::Uao => "uao",
            PStateField::Pan => "pan",
            PStateField::SpSel => "spsel",
            PStateField::AllInt => "allint",
            PStateField::Ssbs => "ssbs",
            PStateField::Dit => "dit",
            PStateField::Tco => "tco",
            PStateField::DaifSet => "daifset",
            PStateField::DaifClr => "daifclr",
        }
    }

    /// Whether the field takes all four CRm bits (DAIFSet/DAIFClr) rather than CRm<0>.
    pub fn uses_whole_crm(self) -> bool {
        matches!(self, PStateField::DaifSet | PStateField::DaifClr)
    }
}

impl MsrImm {
    /// The PSTATE field written (`None` only for a value not built by `decode`).
    pub fn field(&self) -> Option<PStateField> {
        PStateField::decode(self.op1, self.op2, self.crm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sys_ops_sorted_and_unique() {
        for w in SYS_OPS.windows(2) {
            assert!(w[0].id < w[1].id, "{} / {} out of order", w[0], w[1]);
        }
        for o in SYS_OPS {
            assert_eq!(o.id.op0(), 1, "{o}");
        }
    }

    #[test]
    fn lookups() {
        let zva = sys_op(3, 7, 4, 1).unwrap();
        assert_eq!(zva.to_string(), "dc zva");
        assert!(zva.takes_rt);
        let t = sys_op(0, 8, 7, 0).unwrap();
        assert_eq!(t.to_string(), "tlbi vmalle1");
        assert!(!t.takes_rt);
        assert_eq!(sys_op(4, 8, 4, 1).unwrap().to_string(), "tlbi ipas2e1");
        assert_eq!(sys_op(0, 7, 8, 0).unwrap().to_string(), "at s1e1r");
        assert!(sys_op(0, 0, 0, 0).is_none());
    }

    #[test]
    fn pstate_fields() {
        assert_eq!(PStateField::decode(3, 6, 15), Some(PStateField::DaifSet));
        assert_eq!(PStateField::decode(1, 0, 1), Some(PStateField::AllInt));
        assert_eq!(PStateField::decode(1, 0, 2), None);
        assert_eq!(PStateField::decode(3, 3, 0), None);
        assert_eq!(PStateField::decode(0, 0, 0), None);
    }
}
