//! THE table of trap rules (the shape of Linux `arch/arm64/kvm/emulate-nested.c`: single
//! control bits as data, combinations as small predicates).
//!
//! A rule says: when the access is made from one of these ELs, in this direction, and the
//! condition holds, it traps to this EL. The CPU's system-register table lists, per
//! register, the rules that guard it; system instructions and trappable instructions
//! (WFI/WFE, FP/SIMD) have their own lists. [`check`] applies a list in the architecture's
//! priority order: controls of EL1 first, then EL2, then EL3 (Arm ARM D1.11, "Synchronous
//! exception prioritization"). UNDEFINED because of the register's own minimum EL is
//! decided by the caller before any rule.

use crate::bits::{cntctl, cpacr, cptr, hcr, mdcr, pmuserenr, scr, sctlr};
use crate::ctx::TrapCtx;
use a64sim_arch::El;

/// The direction of an access.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dir {
    /// MRS, SYSL, or executing a trappable instruction that reads.
    Read,
    /// MSR, SYS, or executing a trappable instruction.
    Write,
}

/// Which directions a rule traps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dirs {
    /// Reads only (e.g. HCR_EL2.TRVM).
    Read,
    /// Writes only (e.g. HCR_EL2.TVM).
    Write,
    /// Both.
    Both,
}

impl Dirs {
    fn contains(self, d: Dir) -> bool {
        matches!(
            (self, d),
            (Dirs::Both, _) | (Dirs::Read, Dir::Read) | (Dirs::Write, Dir::Write)
        )
    }
}

/// Where a rule sends the access.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// EL1, or EL2 when HCR_EL2.TGE = 1 (controls of EL0 in SCTLR_EL1/CPACR_EL1).
    El1OrTge,
    /// EL2 (only when EL2 is enabled).
    El2,
    /// EL3 (only when EL3 is implemented).
    El3,
}

/// Whether a64sim acts on a rule yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The rule is enforced.
    Implemented,
    /// The control exists but its feature is not implemented; the rule never fires.
    Unimplemented(&'static str),
}

/// Identifies a row of [`RULES`]; the discriminant is the row index.
#[allow(
    missing_docs,
    reason = "each variant is documented by its row's `name`"
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum RuleId {
    SctlrUct,
    SctlrDze,
    SctlrUci,
    SctlrUma,
    SctlrNtwi,
    SctlrNtwe,
    CpacrFpen,
    HcrTid0,
    HcrTid1,
    HcrTid2,
    HcrTid3,
    HcrTid5,
    HcrTacr,
    HcrTidcp,
    HcrTsw,
    HcrTpcp,
    HcrTpu,
    HcrTtlb,
    HcrTvm,
    HcrTrvm,
    HcrTdz,
    HcrTwi,
    HcrTwe,
    HcrTsc,
    HcrTlor,
    HcrTerr,
    HcrApk,
    HcrApi,
    HcrAta,
    HcrNv,
    HcrNv1,
    Cptr2Fp,
    Cptr2Tta,
    Cptr2Tcpac,
    Mdcr2Tpm,
    Mdcr2Tpmcr,
    Mdcr2Tda,
    Mdcr2Tdosa,
    Mdcr2Tdra,
    ScrTwi,
    ScrTwe,
    ScrTlor,
    ScrTerr,
    ScrApk,
    ScrApi,
    ScrAta,
    Cptr3Fp,
    Cptr3Tta,
    Cptr3Tcpac,
    Mdcr3Tpm,
    Mdcr3Tda,
    Mdcr3Tdosa,
    PmuserenrEn,
    PmuserenrEnWrite,
    PmuserenrCr,
    PmuserenrEr,
    PmuserenrErSel,
    PmuserenrSw,
    CntkctlEl0pcten,
    CntkctlEl0vcten,
    CnthctlEl1pcten,
    CntkctlEl0frq,
}

/// One trap rule.
#[derive(Clone, Copy, Debug)]
pub struct TrapRule {
    /// Its identifier (equal to its index in [`RULES`]).
    pub id: RuleId,
    /// The control, as the Arm ARM names it.
    pub name: &'static str,
    /// What it traps, in words.
    pub what: &'static str,
    /// Where the access goes.
    pub target: Target,
    /// The ELs whose accesses it applies to, as a bit mask (bit n = ELn).
    pub from: u8,
    /// The directions it traps.
    pub dirs: Dirs,
    /// The condition on the controls.
    pub when: fn(&TrapCtx) -> bool,
    /// Whether it is enforced.
    pub status: Status,
}

const EL0: u8 = 1;
const EL1: u8 = 2;
const EL2: u8 = 4;
const EL01: u8 = EL0 | EL1;
const EL012: u8 = EL0 | EL1 | EL2;

/// FPEN (CPACR_EL1, or CPTR_EL2 with E2H = 1): is FP/SIMD disabled at `el`?
/// 0bx0 disables EL0 and EL1; 0b01 disables EL0 only (for CPTR_EL2: only with TGE = 1).
fn fpen_disables(reg: u64, el: El, el0_needs_tge: bool, tge: bool) -> bool {
    match (reg >> cpacr::FPEN_SHIFT) & 3 {
        0 | 2 => true,
        1 => el == El::El0 && (!el0_needs_tge || tge),
        _ => false,
    }
}

macro_rules! rule {
    ($id:ident, $name:literal, $what:literal, $target:ident, $from:expr, $dirs:ident, $when:expr) => {
        rule!(
            $id,
            $name,
            $what,
            $target,
            $from,
            $dirs,
            $when,
            Status::Implemented
        )
    };
    ($id:ident, $name:literal, $what:literal, $target:ident, $from:expr, $dirs:ident, $when:expr, $status:expr) => {
        TrapRule {
            id: RuleId::$id,
            name: $name,
            what: $what,
            target: Target::$target,
            from: $from,
            dirs: Dirs::$dirs,
            when: $when,
            status: $status,
        }
    };
}

/// Every trap rule a64sim knows, in [`RuleId`] order.
pub static RULES: [TrapRule; 62] = [
    // Controls of EL0 in SCTLR_EL1 (SCTLR_EL2 in the host), Arm ARM D23.2.118.
    rule!(
        SctlrUct,
        "SCTLR_EL1.UCT",
        "EL0 reads of CTR_EL0 when 0",
        El1OrTge,
        EL0,
        Read,
        |c| c.sctlr_el0_controls() & sctlr::UCT == 0
    ),
    rule!(
        SctlrDze,
        "SCTLR_EL1.DZE",
        "EL0 DC ZVA/GVA/GZVA when 0",
        El1OrTge,
        EL0,
        Both,
        |c| c.sctlr_el0_controls() & sctlr::DZE == 0
    ),
    rule!(
        SctlrUci,
        "SCTLR_EL1.UCI",
        "EL0 DC CVAU/CVAC/CVAP/CVADP/CIVAC and IC IVAU when 0",
        El1OrTge,
        EL0,
        Both,
        |c| c.sctlr_el0_controls() & sctlr::UCI == 0
    ),
    rule!(
        SctlrUma,
        "SCTLR_EL1.UMA",
        "EL0 accesses to DAIF when 0",
        El1OrTge,
        EL0,
        Both,
        |c| c.sctlr_el0_controls() & sctlr::UMA == 0
    ),
    rule!(
        SctlrNtwi,
        "SCTLR_EL1.nTWI",
        "EL0 WFI when 0",
        El1OrTge,
        EL0,
        Both,
        |c| c.sctlr_el0_controls() & sctlr::N_TWI == 0
    ),
    rule!(
        SctlrNtwe,
        "SCTLR_EL1.nTWE",
        "EL0 WFE when 0",
        El1OrTge,
        EL0,
        Both,
        |c| c.sctlr_el0_controls() & sctlr::N_TWE == 0
    ),
    // CPACR_EL1.FPEN (AArch64.CheckFPEnabled): not consulted in the host.
    rule!(
        CpacrFpen,
        "CPACR_EL1.FPEN",
        "FP/SIMD at EL0/EL1",
        El1OrTge,
        EL01,
        Both,
        |c| !c.is_in_host() && fpen_disables(c.cpacr_el1, c.el(), false, false)
    ),
    // HCR_EL2 (Arm ARM D23.2.53), for EL0/EL1 outside the host.
    rule!(
        HcrTid0,
        "HCR_EL2.TID0",
        "AArch32 ID registers only: no effect in AArch64",
        El2,
        EL01,
        Read,
        |_| false
    ),
    rule!(
        HcrTid1,
        "HCR_EL2.TID1",
        "REVIDR_EL1, AIDR_EL1",
        El2,
        EL1,
        Read,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TID1 != 0
    ),
    rule!(
        HcrTid2,
        "HCR_EL2.TID2",
        "CTR_EL0, CCSIDR_EL1, CCSIDR2_EL1, CLIDR_EL1, CSSELR_EL1",
        El2,
        EL01,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TID2 != 0
    ),
    rule!(
        HcrTid3,
        "HCR_EL2.TID3",
        "ID group 3 (op0=3, op1=0, CRn=0, CRm=1..7)",
        El2,
        EL1,
        Read,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TID3 != 0
    ),
    rule!(HcrTid5, "HCR_EL2.TID5", "GMID_EL1", El2, EL1, Read, |c| c
        .hcr_traps_apply()
        && c.hcr_el2 & hcr::TID5 != 0),
    rule!(HcrTacr, "HCR_EL2.TACR", "ACTLR_EL1", El2, EL1, Both, |c| c
        .hcr_traps_apply()
        && c.hcr_el2 & hcr::TACR != 0),
    rule!(
        HcrTidcp,
        "HCR_EL2.TIDCP",
        "IMPLEMENTATION DEFINED registers (CRn 11, 15)",
        El2,
        EL1,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TIDCP != 0
    ),
    rule!(
        HcrTsw,
        "HCR_EL2.TSW",
        "DC ISW/CSW/CISW",
        El2,
        EL1,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TSW != 0
    ),
    rule!(
        HcrTpcp,
        "HCR_EL2.TPCP",
        "DC IVAC/CVAC/CIVAC/CVAP/CVADP",
        El2,
        EL01,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TPCP != 0
    ),
    rule!(
        HcrTpu,
        "HCR_EL2.TPU",
        "IC IVAU, IC IALLU(IS), DC CVAU",
        El2,
        EL01,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TPU != 0
    ),
    rule!(
        HcrTtlb,
        "HCR_EL2.TTLB",
        "EL1 TLB maintenance",
        El2,
        EL1,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TTLB != 0
    ),
    rule!(
        HcrTvm,
        "HCR_EL2.TVM",
        "writes of the EL1 virtual-memory controls",
        El2,
        EL1,
        Write,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TVM != 0
    ),
    rule!(
        HcrTrvm,
        "HCR_EL2.TRVM",
        "reads of the EL1 virtual-memory controls",
        El2,
        EL1,
        Read,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TRVM != 0
    ),
    rule!(
        HcrTdz,
        "HCR_EL2.TDZ",
        "DC ZVA/GVA/GZVA",
        El2,
        EL01,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TDZ != 0
    ),
    rule!(HcrTwi, "HCR_EL2.TWI", "WFI", El2, EL01, Both, |c| c
        .hcr_traps_apply()
        && c.hcr_el2 & hcr::TWI != 0),
    rule!(HcrTwe, "HCR_EL2.TWE", "WFE", El2, EL01, Both, |c| c
        .hcr_traps_apply()
        && c.hcr_el2 & hcr::TWE != 0),
    rule!(
        HcrTsc,
        "HCR_EL2.TSC",
        "SMC from EL1 (EC 0x17, before SCR_EL3.SMD)",
        El2,
        EL1,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TSC != 0
    ),
    rule!(
        HcrTlor,
        "HCR_EL2.TLOR",
        "LORegion registers",
        El2,
        EL1,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TLOR != 0,
        Status::Unimplemented("FEAT_LOR is not advertised")
    ),
    rule!(
        HcrTerr,
        "HCR_EL2.TERR",
        "error-record registers",
        El2,
        EL1,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::TERR != 0,
        Status::Unimplemented("FEAT_RAS is not advertised")
    ),
    rule!(
        HcrApk,
        "HCR_EL2.APK",
        "pointer-authentication key registers when 0",
        El2,
        EL1,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::APK == 0,
        Status::Unimplemented("FEAT_PAuth is not advertised")
    ),
    rule!(
        HcrApi,
        "HCR_EL2.API",
        "pointer-authentication instructions when 0",
        El2,
        EL01,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::API == 0,
        Status::Unimplemented("FEAT_PAuth is not advertised")
    ),
    rule!(
        HcrAta,
        "HCR_EL2.ATA",
        "GCR_EL1, RGSR_EL1, TFSR_EL1, TFSRE0_EL1 when 0",
        El2,
        EL1,
        Both,
        |c| c.hcr_withholds_tag_access(),
        Status::Implemented
    ),
    rule!(
        HcrNv,
        "HCR_EL2.NV",
        "nested virtualization",
        El2,
        EL1,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::NV != 0,
        Status::Unimplemented("FEAT_NV is not implemented")
    ),
    rule!(
        HcrNv1,
        "HCR_EL2.NV1",
        "nested virtualization",
        El2,
        EL1,
        Both,
        |c| c.hcr_traps_apply() && c.hcr_el2 & hcr::NV1 != 0,
        Status::Unimplemented("FEAT_NV is not implemented")
    ),
    // CPTR_EL2 (D23.2.31): FPEN layout with E2H = 1, TFP otherwise; applies at EL2 too.
    rule!(
        Cptr2Fp,
        "CPTR_EL2.TFP/FPEN",
        "FP/SIMD at EL0-EL2",
        El2,
        EL012,
        Both,
        |c| if c.e2h() {
            fpen_disables(c.cptr_el2, c.el(), true, c.tge())
        } else {
            c.cptr_el2 & cptr::TFP != 0
        }
    ),
    rule!(
        Cptr2Tta,
        "CPTR_EL2.TTA",
        "trace registers",
        El2,
        EL012,
        Both,
        |c| c.cptr_el2 & if c.e2h() { cptr::TTA_E2H } else { cptr::TTA } != 0,
        Status::Unimplemented("no trace registers")
    ),
    rule!(
        Cptr2Tcpac,
        "CPTR_EL2.TCPAC",
        "EL1 accesses to CPACR_EL1",
        El2,
        EL1,
        Both,
        |c| c.hcr_traps_apply() && c.cptr_el2 & cptr::TCPAC != 0
    ),
    // MDCR_EL2 (D23.3.17).
    rule!(
        Mdcr2Tpm,
        "MDCR_EL2.TPM",
        "PMU registers",
        El2,
        EL01,
        Both,
        |c| c.hcr_traps_apply() && c.mdcr_el2 & mdcr::TPM != 0
    ),
    rule!(
        Mdcr2Tpmcr,
        "MDCR_EL2.TPMCR",
        "PMCR_EL0",
        El2,
        EL01,
        Both,
        |c| c.hcr_traps_apply() && c.mdcr_el2 & mdcr::TPMCR != 0
    ),
    rule!(
        Mdcr2Tda,
        "MDCR_EL2.TDA",
        "debug registers",
        El2,
        EL01,
        Both,
        |c| c.hcr_traps_apply() && c.mdcr_el2 & mdcr::TDA != 0
    ),
    rule!(
        Mdcr2Tdosa,
        "MDCR_EL2.TDOSA",
        "OS lock and power-down registers",
        El2,
        EL1,
        Both,
        |c| c.hcr_traps_apply() && c.mdcr_el2 & mdcr::TDOSA != 0
    ),
    rule!(
        Mdcr2Tdra,
        "MDCR_EL2.TDRA",
        "debug ROM address registers",
        El2,
        EL01,
        Both,
        |c| c.hcr_traps_apply() && c.mdcr_el2 & mdcr::TDRA != 0
    ),
    // SCR_EL3 (D23.2.117).
    rule!(
        ScrTwi,
        "SCR_EL3.TWI",
        "WFI at EL0-EL2",
        El3,
        EL012,
        Both,
        |c| c.scr_el3 & scr::TWI != 0
    ),
    rule!(
        ScrTwe,
        "SCR_EL3.TWE",
        "WFE at EL0-EL2",
        El3,
        EL012,
        Both,
        |c| c.scr_el3 & scr::TWE != 0
    ),
    rule!(
        ScrTlor,
        "SCR_EL3.TLOR",
        "LORegion registers",
        El3,
        EL012,
        Both,
        |c| c.scr_el3 & scr::TLOR != 0,
        Status::Unimplemented("FEAT_LOR is not advertised")
    ),
    rule!(
        ScrTerr,
        "SCR_EL3.TERR",
        "error-record registers",
        El3,
        EL012,
        Both,
        |c| c.scr_el3 & scr::TERR != 0,
        Status::Unimplemented("FEAT_RAS is not advertised")
    ),
    rule!(
        ScrApk,
        "SCR_EL3.APK",
        "pointer-authentication key registers when 0",
        El3,
        EL012,
        Both,
        |c| c.scr_el3 & scr::APK == 0,
        Status::Unimplemented("FEAT_PAuth is not advertised")
    ),
    rule!(
        ScrApi,
        "SCR_EL3.API",
        "pointer-authentication instructions when 0",
        El3,
        EL012,
        Both,
        |c| c.scr_el3 & scr::API == 0,
        Status::Unimplemented("FEAT_PAuth is not advertised")
    ),
    rule!(
        ScrAta,
        "SCR_EL3.ATA",
        "MTE system registers below EL3 when 0",
        El3,
        EL012,
        Both,
        |c| c.scr_withholds_tag_access(),
        Status::Implemented
    ),
    // CPTR_EL3 (D23.2.32).
    rule!(
        Cptr3Fp,
        "CPTR_EL3.TFP",
        "FP/SIMD at EL0-EL2 (and EL3)",
        El3,
        EL012 | 8,
        Both,
        |c| c.cptr_el3 & cptr::TFP != 0
    ),
    rule!(
        Cptr3Tta,
        "CPTR_EL3.TTA",
        "trace registers",
        El3,
        EL012,
        Both,
        |c| c.cptr_el3 & cptr::TTA != 0,
        Status::Unimplemented("no trace registers")
    ),
    rule!(
        Cptr3Tcpac,
        "CPTR_EL3.TCPAC",
        "EL1/EL2 accesses to CPACR_EL1 and CPTR_EL2",
        El3,
        EL1 | EL2,
        Both,
        |c| c.cptr_el3 & cptr::TCPAC != 0
    ),
    // MDCR_EL3 (D23.3.18).
    rule!(
        Mdcr3Tpm,
        "MDCR_EL3.TPM",
        "PMU registers",
        El3,
        EL012,
        Both,
        |c| c.mdcr_el3 & mdcr::TPM != 0
    ),
    rule!(
        Mdcr3Tda,
        "MDCR_EL3.TDA",
        "debug registers",
        El3,
        EL012,
        Both,
        |c| c.mdcr_el3 & mdcr::TDA != 0
    ),
    rule!(
        Mdcr3Tdosa,
        "MDCR_EL3.TDOSA",
        "OS lock and power-down registers",
        El3,
        EL012,
        Both,
        |c| c.mdcr_el3 & mdcr::TDOSA != 0
    ),
    // EL0 controls of the PMU (Arm ARM D23.5 PMUSERENR_EL0): EN opens everything, CR the
    // cycle counter for reads, ER the event counters for reads and PMSELR_EL0, SW PMSWINC.
    rule!(
        PmuserenrEn,
        "PMUSERENR_EL0.EN",
        "EL0 accesses to PMU registers when 0",
        El1OrTge,
        EL0,
        Both,
        |c| c.pmuserenr_el0 & pmuserenr::EN == 0
    ),
    rule!(
        PmuserenrEnWrite,
        "PMUSERENR_EL0.EN",
        "EL0 writes of the PMU counters when 0",
        El1OrTge,
        EL0,
        Write,
        |c| c.pmuserenr_el0 & pmuserenr::EN == 0
    ),
    rule!(
        PmuserenrCr,
        "PMUSERENR_EL0.{EN,CR}",
        "EL0 reads of PMCCNTR_EL0 when both 0",
        El1OrTge,
        EL0,
        Read,
        |c| c.pmuserenr_el0 & (pmuserenr::EN | pmuserenr::CR) == 0
    ),
    rule!(
        PmuserenrEr,
        "PMUSERENR_EL0.{EN,ER}",
        "EL0 reads of the event counters when both 0",
        El1OrTge,
        EL0,
        Read,
        |c| c.pmuserenr_el0 & (pmuserenr::EN | pmuserenr::ER) == 0
    ),
    rule!(
        PmuserenrErSel,
        "PMUSERENR_EL0.{EN,ER}",
        "EL0 accesses to PMSELR_EL0 when both 0",
        El1OrTge,
        EL0,
        Both,
        |c| c.pmuserenr_el0 & (pmuserenr::EN | pmuserenr::ER) == 0
    ),
    rule!(
        PmuserenrSw,
        "PMUSERENR_EL0.{EN,SW}",
        "EL0 writes of PMSWINC_EL0 when both 0",
        El1OrTge,
        EL0,
        Write,
        |c| c.pmuserenr_el0 & (pmuserenr::EN | pmuserenr::SW) == 0
    ),
    // Counter access (Arm ARM D23.8): EL0 controls in CNTKCTL_EL1 (CNTHCTL_EL2 in the
    // host), EL1 controls in CNTHCTL_EL2 (bit 0 with E2H = 0, bit 10 with E2H = 1).
    rule!(
        CntkctlEl0pcten,
        "CNTKCTL_EL1.EL0PCTEN",
        "EL0 reads of CNTPCT_EL0 when 0",
        El1OrTge,
        EL0,
        Read,
        |c| c.timer_el0_controls() & cntctl::EL0PCTEN == 0
    ),
    rule!(
        CntkctlEl0vcten,
        "CNTKCTL_EL1.EL0VCTEN",
        "EL0 reads of CNTVCT_EL0 when 0",
        El1OrTge,
        EL0,
        Read,
        |c| c.timer_el0_controls() & cntctl::EL0VCTEN == 0
    ),
    rule!(
        CnthctlEl1pcten,
        "CNTHCTL_EL2.EL1PCTEN",
        "EL0/EL1 reads of CNTPCT_EL0 when 0",
        El2,
        EL01,
        Read,
        |c| {
            let bit = if c.e2h() {
                cntctl::EL1PCTEN_VHE
            } else {
                cntctl::EL1PCTEN_NVHE
            };
            c.hcr_traps_apply() && c.cnthctl_el2 & bit == 0
        }
    ),
    rule!(
        CntkctlEl0frq,
        "CNTKCTL_EL1.{EL0PCTEN,EL0VCTEN}",
        "EL0 reads of CNTFRQ_EL0 when both 0",
        El1OrTge,
        EL0,
        Read,
        |c| c.timer_el0_controls() & (cntctl::EL0PCTEN | cntctl::EL0VCTEN) == 0
    ),
];

/// The result of checking an access against its rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No rule traps it.
    Allowed,
    /// A rule traps it.
    Trap {
        /// The EL the exception goes to.
        target: El,
        /// The rule.
        rule: RuleId,
        /// An EL1-targeted control whose exception HCR_EL2.TGE sent to EL2 (the FP/SIMD
        /// trap is then reported with EC 0x00, ARCH.md §1.6).
        via_tge: bool,
    },
}

/// Applies `rules` to an access in direction `dir`: the first rule that fires, EL1 controls
/// before EL2 before EL3 (callers list rules in that order; a table test checks it).
#[inline]
pub fn check(ctx: &TrapCtx, rules: &[RuleId], dir: Dir) -> Outcome {
    let el_bit = 1u8 << (ctx.el() as u8);
    for &id in rules {
        let r = &RULES[id as usize];
        if r.from & el_bit == 0 || !r.dirs.contains(dir) || r.status != Status::Implemented {
            continue;
        }
        let target = match r.target {
            Target::El1OrTge => {
                if ctx.tge() {
                    El::El2
                } else {
                    El::El1
                }
            }
            Target::El2 if !ctx.el2_enabled() => continue,
            Target::El2 => El::El2,
            Target::El3 if !ctx.has_el3 => continue,
            Target::El3 => El::El3,
        };
        if (r.when)(ctx) {
            let via_tge = r.target == Target::El1OrTge && target == El::El2;
            return Outcome::Trap {
                target,
                rule: id,
                via_tge,
            };
        }
    }
    Outcome::Allowed
}

/// The level a rule's target sorts at (EL1 controls first).
pub fn priority(id: RuleId) -> u8 {
    match RULES[id as usize].target {
        Target::El1OrTge => 1,
        Target::El2 => 2,
        Target::El3 => 3,
    }
}

/// Rule lists for the trappable instructions, in priority order.
pub mod insn {
    use super::RuleId::{self, *};
    /// WFI.
    pub const WFI: &[RuleId] = &[SctlrNtwi, HcrTwi, ScrTwi];
    /// WFE.
    pub const WFE: &[RuleId] = &[SctlrNtwe, HcrTwe, ScrTwe];
    /// Any FP/SIMD instruction or register access.
    pub const FP: &[RuleId] = &[CpacrFpen, Cptr2Fp, Cptr3Fp];
    /// DC ZVA (and the MTE DC GVA/GZVA).
    pub const DC_ZVA: &[RuleId] = &[SctlrDze, HcrTdz];
    /// DC CVAU.
    pub const DC_POU: &[RuleId] = &[SctlrUci, HcrTpu];
    /// DC CVAC, CIVAC, CVAP, CVADP.
    pub const DC_POC: &[RuleId] = &[SctlrUci, HcrTpcp];
    /// DC IVAC (EL1 only).
    pub const DC_IVAC: &[RuleId] = &[HcrTpcp];
    /// DC ISW, CSW, CISW.
    pub const DC_SW: &[RuleId] = &[HcrTsw];
    /// IC IVAU.
    pub const IC_IVAU: &[RuleId] = &[SctlrUci, HcrTpu];
    /// IC IALLU, IALLUIS.
    pub const IC_ALL: &[RuleId] = &[HcrTpu];
    /// TLBI operations of EL1.
    pub const TLBI_EL1: &[RuleId] = &[HcrTtlb];
    /// DAIF accesses (MSR DAIFSet/DAIFClr, MRS/MSR DAIF).
    pub const DAIF: &[RuleId] = &[SctlrUma];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bits::{hcr, mdcr, scr, sctlr};

    fn ns(el: El) -> TrapCtx {
        TrapCtx {
            scr_el3: scr::NS | scr::RW,
            ..TrapCtx::at(el)
        }
    }

    #[test]
    fn rule_ids_match_their_rows() {
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.id as usize, i, "{} is at index {i}", r.name);
        }
    }

    #[test]
    fn instruction_rule_lists_are_in_priority_order() {
        for list in [
            insn::WFI,
            insn::WFE,
            insn::FP,
            insn::DC_ZVA,
            insn::DC_POU,
            insn::DC_POC,
            insn::IC_IVAU,
        ] {
            assert!(
                list.windows(2).all(|w| priority(w[0]) <= priority(w[1])),
                "{list:?}"
            );
        }
    }

    /// Row tests: (TrapCtx, rules, direction) -> outcome.
    #[test]
    fn hcr_tid3_traps_el1_reads_to_el2_only_when_el2_is_enabled() {
        let c = TrapCtx {
            hcr_el2: hcr::TID3,
            ..ns(El::El1)
        };
        assert!(matches!(
            check(&c, &[RuleId::HcrTid3], Dir::Read),
            Outcome::Trap {
                target: El::El2,
                ..
            }
        ));
        let secure = TrapCtx { scr_el3: 0, ..c };
        assert_eq!(
            check(&secure, &[RuleId::HcrTid3], Dir::Read),
            Outcome::Allowed
        );
        let at_el2 = TrapCtx { el: El::El2, ..c };
        assert_eq!(
            check(&at_el2, &[RuleId::HcrTid3], Dir::Read),
            Outcome::Allowed
        );
    }

    #[test]
    fn tvm_traps_writes_and_trvm_reads() {
        let c = TrapCtx {
            hcr_el2: hcr::TVM,
            ..ns(El::El1)
        };
        let rules = [RuleId::HcrTvm, RuleId::HcrTrvm];
        assert!(matches!(
            check(&c, &rules, Dir::Write),
            Outcome::Trap { .. }
        ));
        assert_eq!(check(&c, &rules, Dir::Read), Outcome::Allowed);
        let c = TrapCtx {
            hcr_el2: hcr::TRVM,
            ..c
        };
        assert!(matches!(check(&c, &rules, Dir::Read), Outcome::Trap { .. }));
        assert_eq!(check(&c, &rules, Dir::Write), Outcome::Allowed);
    }

    #[test]
    fn wfi_priority_is_el1_then_el2_then_el3() {
        let all = TrapCtx {
            hcr_el2: hcr::TWI,
            scr_el3: scr::NS | scr::TWI,
            sctlr_el1: 0,
            ..ns(El::El0)
        };
        assert!(matches!(
            check(&all, insn::WFI, Dir::Write),
            Outcome::Trap {
                target: El::El1,
                ..
            }
        ));
        let no_el1 = TrapCtx {
            sctlr_el1: sctlr::N_TWI,
            ..all
        };
        assert!(matches!(
            check(&no_el1, insn::WFI, Dir::Write),
            Outcome::Trap {
                target: El::El2,
                ..
            }
        ));
        let only_el3 = TrapCtx {
            hcr_el2: 0,
            ..no_el1
        };
        assert!(matches!(
            check(&only_el3, insn::WFI, Dir::Write),
            Outcome::Trap {
                target: El::El3,
                ..
            }
        ));
        let at_el3 = TrapCtx {
            el: El::El3,
            ..only_el3
        };
        assert_eq!(check(&at_el3, insn::WFI, Dir::Write), Outcome::Allowed);
    }

    #[test]
    fn el0_controls_go_to_el2_under_tge_and_use_sctlr_el2_in_the_host() {
        let tge = TrapCtx {
            hcr_el2: hcr::TGE,
            ..ns(El::El0)
        };
        assert_eq!(
            check(&tge, &[RuleId::SctlrUct], Dir::Read),
            Outcome::Trap {
                target: El::El2,
                rule: RuleId::SctlrUct,
                via_tge: true
            }
        );
        let host = TrapCtx {
            hcr_el2: hcr::TGE | hcr::E2H,
            sctlr_el1: 0,
            sctlr_el2: sctlr::UCT,
            ..ns(El::El0)
        };
        assert_eq!(
            check(&host, &[RuleId::SctlrUct], Dir::Read),
            Outcome::Allowed
        );
    }

    #[test]
    fn fp_traps_follow_fpen_and_tfp() {
        let off = TrapCtx {
            cpacr_el1: 0,
            ..ns(El::El1)
        };
        assert!(matches!(
            check(&off, insn::FP, Dir::Write),
            Outcome::Trap {
                target: El::El1,
                ..
            }
        ));
        let el0_only = TrapCtx {
            cpacr_el1: 1 << 20,
            ..ns(El::El1)
        };
        assert_eq!(check(&el0_only, insn::FP, Dir::Write), Outcome::Allowed);
        let el0 = TrapCtx {
            el: El::El0,
            ..el0_only
        };
        assert!(matches!(
            check(&el0, insn::FP, Dir::Write),
            Outcome::Trap {
                target: El::El1,
                ..
            }
        ));
        let tfp = TrapCtx {
            cpacr_el1: 3 << 20,
            cptr_el2: crate::bits::cptr::TFP,
            ..ns(El::El1)
        };
        assert!(matches!(
            check(&tfp, insn::FP, Dir::Write),
            Outcome::Trap {
                target: El::El2,
                ..
            }
        ));
        let tfp3 = TrapCtx {
            cptr_el3: crate::bits::cptr::TFP,
            cptr_el2: 0,
            ..tfp
        };
        assert!(matches!(
            check(&tfp3, insn::FP, Dir::Write),
            Outcome::Trap {
                target: El::El3,
                ..
            }
        ));
    }

    #[test]
    fn unimplemented_rules_never_fire() {
        let c = TrapCtx {
            hcr_el2: hcr::NV | hcr::NV1 | hcr::TLOR,
            ..ns(El::El1)
        };
        assert_eq!(
            check(
                &c,
                &[RuleId::HcrNv, RuleId::HcrNv1, RuleId::HcrTlor],
                Dir::Write
            ),
            Outcome::Allowed
        );
    }

    /// Where `rules` send an access, `None` when it is allowed.
    fn target(c: &TrapCtx, rules: &[RuleId], dir: Dir) -> Option<El> {
        match check(c, rules, dir) {
            Outcome::Trap { target, .. } => Some(target),
            Outcome::Allowed => None,
        }
    }

    #[test]
    fn pmu_traps_follow_pmuserenr_then_mdcr_el2_then_mdcr_el3() {
        use RuleId::*;
        // The lists of PMCR_EL0 and PMCCNTR_EL0 in the CPU's register table.
        let pmcr = [PmuserenrEn, Mdcr2Tpm, Mdcr2Tpmcr, Mdcr3Tpm];
        let ccntr = [PmuserenrCr, PmuserenrEnWrite, Mdcr2Tpm, Mdcr3Tpm];
        let el0 = |uen: u64, mdcr2: u64, mdcr3: u64| TrapCtx {
            pmuserenr_el0: uen,
            mdcr_el2: mdcr2,
            mdcr_el3: mdcr3,
            ..ns(El::El0)
        };
        assert_eq!(target(&el0(0, 0, 0), &pmcr, Dir::Read), Some(El::El1));
        assert_eq!(target(&el0(1, 0, 0), &pmcr, Dir::Read), None);
        // CR opens reads of the cycle counter only.
        assert_eq!(target(&el0(4, 0, 0), &ccntr, Dir::Read), None);
        assert_eq!(target(&el0(4, 0, 0), &ccntr, Dir::Write), Some(El::El1));
        // The EL1 control wins over MDCR_EL2.TPM and MDCR_EL3.TPM.
        let all = (mdcr::TPM, mdcr::TPM);
        assert_eq!(
            target(&el0(0, all.0, all.1), &pmcr, Dir::Read),
            Some(El::El1)
        );
        assert_eq!(
            target(&el0(1, all.0, all.1), &pmcr, Dir::Read),
            Some(El::El2)
        );
        assert_eq!(target(&el0(1, 0, all.1), &pmcr, Dir::Read), Some(El::El3));
        // TPMCR traps PMCR_EL0 (from EL0 and EL1) and nothing else; QEMU 10 ignores it
        // (known-qemu-differences.md, mdcr-el2-tpmcr-ignored).
        assert_eq!(
            target(&el0(1, mdcr::TPMCR, 0), &pmcr, Dir::Write),
            Some(El::El2)
        );
        assert_eq!(target(&el0(5, mdcr::TPMCR, 0), &ccntr, Dir::Read), None);
        let el1 = |mdcr2: u64| TrapCtx {
            mdcr_el2: mdcr2,
            ..ns(El::El1)
        };
        assert_eq!(target(&el1(mdcr::TPMCR), &pmcr, Dir::Read), Some(El::El2));
        assert_eq!(target(&el1(mdcr::TPMCR), &ccntr, Dir::Read), None);
        // At EL2 only MDCR_EL3.TPM applies.
        let el2 = TrapCtx {
            mdcr_el2: mdcr::TPM | mdcr::TPMCR,
            ..ns(El::El2)
        };
        assert_eq!(target(&el2, &pmcr, Dir::Read), None);
        let el2 = TrapCtx {
            mdcr_el3: mdcr::TPM,
            ..el2
        };
        assert_eq!(target(&el2, &pmcr, Dir::Read), Some(El::El3));
    }

    #[test]
    fn counter_traps_use_cntkctl_then_cnthctl_el1pcten_by_e2h() {
        use RuleId::*;
        let pct = [CntkctlEl0pcten, CnthctlEl1pcten];
        let vct = [CntkctlEl0vcten];
        let c = |el: El, hcr_v: u64, kctl: u64, hctl: u64| TrapCtx {
            hcr_el2: hcr_v,
            cntkctl_el1: kctl,
            cnthctl_el2: hctl,
            ..ns(el)
        };
        assert_eq!(target(&c(El::El0, 0, 0, 1), &pct, Dir::Read), Some(El::El1));
        assert_eq!(target(&c(El::El0, 0, 0, 1), &vct, Dir::Read), Some(El::El1));
        assert_eq!(target(&c(El::El0, 0, 3, 1), &pct, Dir::Read), None);
        assert_eq!(target(&c(El::El0, 0, 3, 0), &pct, Dir::Read), Some(El::El2));
        assert_eq!(target(&c(El::El0, 0, 3, 0), &vct, Dir::Read), None);
        assert_eq!(target(&c(El::El1, 0, 0, 0), &pct, Dir::Read), Some(El::El2));
        assert_eq!(target(&c(El::El1, 0, 0, 1), &pct, Dir::Read), None);
        // With E2H = 1 (TGE = 0) EL1PCTEN is bit 10.
        assert_eq!(
            target(&c(El::El1, hcr::E2H, 0, 1), &pct, Dir::Read),
            Some(El::El2)
        );
        assert_eq!(
            target(&c(El::El1, hcr::E2H, 0, 1 << 10), &pct, Dir::Read),
            None
        );
        // CNTFRQ_EL0 is readable at EL0 when either counter is.
        let frq = [CntkctlEl0frq];
        assert_eq!(target(&c(El::El0, 0, 0, 1), &frq, Dir::Read), Some(El::El1));
        assert_eq!(target(&c(El::El0, 0, 2, 1), &frq, Dir::Read), None);
        assert_eq!(target(&c(El::El1, 0, 0, 0), &frq, Dir::Read), None);
        // In the host (E2H = TGE = 1) EL0 uses CNTHCTL_EL2.EL0PCTEN and EL1PCTEN is moot.
        let host = hcr::E2H | hcr::TGE;
        assert_eq!(target(&c(El::El0, host, 0, 1), &pct, Dir::Read), None);
        assert_eq!(
            target(&c(El::El0, host, 3, 0), &pct, Dir::Read),
            Some(El::El2)
        );
    }

    proptest::proptest! {
        /// With EL2 disabled (Secure state without SEL2), no EL2 trap ever fires.
        #[test]
        fn no_el2_trap_without_el2(hcr_v in proptest::prelude::any::<u64>(), cptr2 in proptest::prelude::any::<u64>(),
                                   mdcr2 in proptest::prelude::any::<u64>(), sctlr1 in proptest::prelude::any::<u64>(),
                                   cpacr in proptest::prelude::any::<u64>(), el in 0u8..3, write in proptest::prelude::any::<bool>()) {
            let c = TrapCtx {
                scr_el3: 0,
                hcr_el2: hcr_v,
                cptr_el2: cptr2,
                mdcr_el2: mdcr2,
                sctlr_el1: sctlr1,
                cpacr_el1: cpacr,
                ..TrapCtx::at(El::from_bits(el))
            };
            let all: Vec<RuleId> = RULES.iter().map(|r| r.id).collect();
            let dir = if write { Dir::Write } else { Dir::Read };
            for id in all {
                if let Outcome::Trap { target, .. } = check(&c, &[id], dir) {
                    proptest::prop_assert_ne!(target, El::El2, "{} fired with EL2 disabled", RULES[id as usize].name);
                }
            }
        }
    }
}
