//! The rows of the system-register table. Values: Arm ARM D23 register descriptions and
//! ../shared/ARCH.md §5. Identification values advertise only what a64sim implements.
//! Reset values follow QEMU 10's `-cpu max` where a test program observes them.

use super::{Access, Storage, SysRegDef};
use a64sim_arch::El;
use a64sim_el2::RuleId::{self, *};
use a64sim_isa::sysreg::regs::*;
use a64sim_isa::sysreg::SysRegId;

use Access::{ReadOnly as RO, ReadWrite as RW, WriteOnly as WO};
use El::{El0, El1, El2, El3};
use Storage::{Const, Counter, PeState, Plain};

const fn row(id: SysRegId, min_el: El, access: Access, storage: Storage, reset: u64) -> SysRegDef {
    SysRegDef {
        id,
        reset,
        res0: 0,
        res1: 0,
        min_el,
        write_el: min_el,
        access,
        storage,
        context: false,
        traps: &[],
        min_mte: 0,
    }
}

/// A read/write register held in the register file.
const fn rw(id: SysRegId, min_el: El, reset: u64) -> SysRegDef {
    row(id, min_el, RW, Plain, reset)
}

/// A read/write register whose writes change context (translation, routing, vectors,
/// traps): the block ends after a write.
const fn ctx(id: SysRegId, min_el: El, reset: u64) -> SysRegDef {
    let mut r = row(id, min_el, RW, Plain, reset);
    r.context = true;
    r
}

/// An identification register: a read-only constant, trapped by HCR_EL2.TID3 when in the
/// ID group 3 space.
const fn id(id: SysRegId, value: u64) -> SysRegDef {
    let mut r = row(id, El1, RO, Const, value);
    if id.op0() == 3 && id.op1() == 0 && id.crn() == 0 && id.crm() >= 1 {
        r.traps = ID3;
    }
    r
}

/// A read-only constant outside the ID space.
const fn ro(id: SysRegId, min_el: El, value: u64) -> SysRegDef {
    row(id, min_el, RO, Const, value)
}

/// A view of PE state (PSTATE fields, stack pointers).
const fn pe(id: SysRegId, min_el: El, access: Access) -> SysRegDef {
    row(id, min_el, access, PeState, 0)
}

/// A counter or PMU register computed by `crate::pmu`.
const fn counter(id: SysRegId, min_el: El, access: Access) -> SysRegDef {
    row(id, min_el, access, Counter, 0)
}

/// `r` guarded by `traps`.
const fn t(mut r: SysRegDef, traps: &'static [RuleId]) -> SysRegDef {
    r.traps = traps;
    r
}

/// `r`, which exists only with MTE `level` or more (ARCH.md §4.10).
const fn mte(mut r: SysRegDef, level: u8) -> SysRegDef {
    r.min_mte = level;
    r
}

/// `r` with RES0/RES1 masks.
const fn m(mut r: SysRegDef, res0: u64, res1: u64) -> SysRegDef {
    r.res0 = res0;
    r.res1 = res1;
    r
}

/// `r`, writable only from `el` upwards.
const fn writable_at(mut r: SysRegDef, el: El) -> SysRegDef {
    r.write_el = el;
    r
}

/// `r` with a direction restriction.
const fn only(mut r: SysRegDef, access: Access) -> SysRegDef {
    r.access = access;
    r
}

/// The EL1 virtual-memory controls: HCR_EL2.TVM traps writes, TRVM reads.
const TVM: &[RuleId] = &[HcrTvm, HcrTrvm];
/// ID group 3.
const ID3: &[RuleId] = &[HcrTid3];
/// The MTE registers of EL1 (ARCH.md §4.9): HCR_EL2.ATA, then SCR_EL3.ATA.
const ATA: &[RuleId] = &[HcrAta, ScrAta];
/// Cache identification (CCSIDR, CLIDR, CSSELR).
const ID2: &[RuleId] = &[HcrTid2];
/// Debug registers.
const DBG: &[RuleId] = &[Mdcr2Tda, Mdcr3Tda];
/// PMU registers (ARCH.md §5.3): PMUSERENR_EL0.EN at EL0, MDCR_EL2.TPM, MDCR_EL3.TPM.
const PMU: &[RuleId] = &[PmuserenrEn, Mdcr2Tpm, Mdcr3Tpm];
/// PMU event counters: EL0 reads also with PMUSERENR_EL0.ER, writes only with EN.
const PMU_EVCNT: &[RuleId] = &[PmuserenrEr, PmuserenrEnWrite, Mdcr2Tpm, Mdcr3Tpm];
/// PMU registers of EL1 (no EL0 access).
const PMU_EL1: &[RuleId] = &[Mdcr2Tpm, Mdcr3Tpm];
/// OS lock and power-down debug registers.
const DBG_OS: &[RuleId] = &[Mdcr2Tdosa, Mdcr3Tdosa];

/// SCTLR_EL1 RES1 bits in an Armv8.5 PE without AArch32 (bits 29, 28, 23, 22, 20, 11).
const SCTLR_EL1_RES1: u64 = (1 << 29) | (1 << 28) | (1 << 23) | (1 << 22) | (1 << 20) | (1 << 11);
/// SPSR_ELx bits a64sim holds (N Z C V, TCO, DIT, UAO, PAN, SS, IL, ALLINT, SSBS, BTYPE, D A I F, M[4:0]).
const SPSR_RES0: u64 = !0xf3f0_3fdf_u64 & 0xffff_ffff | 0xffff_ffff_0000_0000;

/// Number of rows.
pub const ROWS: usize = 179;

/// Every system register a64sim implements.
pub static SYSREGS: [SysRegDef; ROWS] = [
    // PSTATE views and stack pointers (Arm ARM C5.2).
    pe(NZCV, El0, RW),
    t(pe(DAIF, El0, RW), &[SctlrUma]),
    pe(CURRENTEL, El1, RO),
    pe(SPSEL, El1, RW),
    pe(PAN, El1, RW),
    pe(UAO, El1, RW),
    pe(DIT, El0, RW),
    pe(SSBS, El0, RW),
    pe(ALLINT, El1, RW),
    mte(pe(TCO, El0, RW), 1),
    pe(SP_EL0, El1, RW),
    pe(SP_EL1, El2, RW),
    pe(SP_EL2, El3, RW),
    // ISR_EL1: pending interrupts (A bit 8, I bit 7, F bit 6), computed on read.
    pe(ISR_EL1, El1, RO),
    // Exception return state, syndromes and vectors (D23.2).
    rw(ELR_EL1, El1, 0),
    rw(ELR_EL2, El2, 0),
    rw(ELR_EL3, El3, 0),
    m(rw(SPSR_EL1, El1, 0), SPSR_RES0, 0),
    m(rw(SPSR_EL2, El2, 0), SPSR_RES0, 0),
    m(rw(SPSR_EL3, El3, 0), SPSR_RES0, 0),
    t(rw(ESR_EL1, El1, 0), TVM),
    rw(ESR_EL2, El2, 0),
    rw(ESR_EL3, El3, 0),
    t(rw(FAR_EL1, El1, 0), TVM),
    rw(FAR_EL2, El2, 0),
    rw(FAR_EL3, El3, 0),
    rw(HPFAR_EL2, El2, 0),
    t(rw(AFSR0_EL1, El1, 0), TVM),
    t(rw(AFSR1_EL1, El1, 0), TVM),
    rw(AFSR0_EL2, El2, 0),
    rw(AFSR1_EL2, El2, 0),
    rw(AFSR0_EL3, El3, 0),
    rw(AFSR1_EL3, El3, 0),
    m(ctx(VBAR_EL1, El1, 0), 0x7ff, 0),
    m(ctx(VBAR_EL2, El2, 0), 0x7ff, 0),
    m(ctx(VBAR_EL3, El3, 0), 0x7ff, 0),
    rw(PAR_EL1, El1, 0),
    rw(VSESR_EL2, El2, 0),
    // Memory tagging (ARCH.md §4.3, §4.9): tag generation, asynchronous fault status.
    mte(t(m(rw(GCR_EL1, El1, 0), !0x1_ffff, 0), ATA), 2),
    mte(t(m(rw(RGSR_EL1, El1, 0), !0xff_ff0f, 0), ATA), 2),
    mte(t(m(rw(TFSR_EL1, El1, 0), !0x3, 0), ATA), 2),
    mte(t(m(rw(TFSRE0_EL1, El1, 0), !0x3, 0), ATA), 2),
    mte(t(m(rw(TFSR_EL2, El2, 0), !0x3, 0), &[ScrAta]), 2),
    mte(m(rw(TFSR_EL3, El3, 0), !0x1, 0), 2),
    // GMID_EL1.BS = 6: LDGM/STGM move 256 bytes of tags (QEMU max).
    mte(t(ro(GMID_EL1, El1, 6), &[HcrTid5]), 2),
    // System control (D23.2.118 SCTLR_EL1 and friends).
    t(m(ctx(SCTLR_EL1, El1, 0x30d0_0800), 0, SCTLR_EL1_RES1), TVM),
    ctx(SCTLR_EL2, El2, 0x30c5_0838),
    ctx(SCTLR_EL3, El3, 0x00c5_0838),
    t(rw(ACTLR_EL1, El1, 0), &[HcrTacr]),
    rw(ACTLR_EL2, El2, 0),
    rw(ACTLR_EL3, El3, 0),
    // HCR_EL2.RW and SCR_EL3.RW are RAO/WI: a64sim has no AArch32 (ARCH.md §1.8, §1.9).
    m(ctx(HCR_EL2, El2, 1 << 31), 0, 1 << 31),
    m(ctx(SCR_EL3, El3, 0x30), 0, 0x30 | (1 << 10)),
    // HSTR_EL2 traps AArch32 CP15 accesses only: RES0 on an AArch64-only PE.
    m(ctx(HSTR_EL2, El2, 0), u64::MAX, 0),
    rw(HACR_EL2, El2, 0),
    // Trap controls: FP/SIMD, debug, PMU (ARCH.md §1.11).
    t(ctx(CPACR_EL1, El1, 0), &[Cptr2Tcpac, Cptr3Tcpac]),
    t(ctx(CPTR_EL2, El2, 0), &[Cptr3Tcpac]),
    ctx(CPTR_EL3, El3, 0),
    // HPMN resets to PMCR_EL0.N (all counters belong to EL0/EL1), as in QEMU.
    ctx(MDCR_EL2, El2, crate::pmu::COUNTERS as u64),
    ctx(MDCR_EL3, El3, 0),
    // Thread ID registers.
    rw(TPIDR_EL0, El0, 0),
    rw(TPIDRRO_EL0, El0, 0),
    rw(TPIDR_EL1, El1, 0),
    rw(TPIDR_EL2, El2, 0),
    rw(TPIDR_EL3, El3, 0),
    t(rw(CONTEXTIDR_EL1, El1, 0), TVM),
    rw(CONTEXTIDR_EL2, El2, 0),
    // Translation controls: stored now, used by the MMU issue.
    t(ctx(TTBR0_EL1, El1, 0), TVM),
    t(ctx(TTBR1_EL1, El1, 0), TVM),
    t(ctx(TCR_EL1, El1, 0), TVM),
    t(ctx(MAIR_EL1, El1, 0), TVM),
    t(ctx(AMAIR_EL1, El1, 0), TVM),
    ctx(TTBR0_EL2, El2, 0),
    ctx(TTBR1_EL2, El2, 0),
    ctx(TCR_EL2, El2, 0),
    ctx(MAIR_EL2, El2, 0),
    ctx(AMAIR_EL2, El2, 0),
    ctx(VTTBR_EL2, El2, 0),
    ctx(VTCR_EL2, El2, 0),
    ctx(TTBR0_EL3, El3, 0),
    ctx(TCR_EL3, El3, 0),
    ctx(MAIR_EL3, El3, 0),
    ctx(AMAIR_EL3, El3, 0),
    // Virtualized identification: EL1 reads of MIDR/MPIDR return these when EL2 is enabled.
    rw(VPIDR_EL2, El2, 0x000f_0510),
    rw(VMPIDR_EL2, El2, 0x8000_0000),
    // Generic timer controls (values only until the timer issue).
    t(
        writable_at(rw(CNTFRQ_EL0, El0, 1_000_000_000), El3),
        &[CntkctlEl0frq],
    ),
    rw(CNTKCTL_EL1, El1, 0),
    rw(CNTHCTL_EL2, El2, 0),
    rw(CNTVOFF_EL2, El2, 0),
    // The generic counter (ARCH.md §6.1), ticking with modelled time (`crate::pmu`).
    t(
        counter(CNTPCT_EL0, El0, RO),
        &[CntkctlEl0pcten, CnthctlEl1pcten],
    ),
    t(counter(CNTVCT_EL0, El0, RO), &[CntkctlEl0vcten]),
    // PMUv3 (ARCH.md §5.3): a cycle counter and six event counters (`crate::pmu`).
    t(
        counter(PMCR_EL0, El0, RW),
        &[PmuserenrEn, Mdcr2Tpm, Mdcr2Tpmcr, Mdcr3Tpm],
    ),
    t(counter(PMCNTENSET_EL0, El0, RW), PMU),
    t(counter(PMCNTENCLR_EL0, El0, RW), PMU),
    t(counter(PMOVSSET_EL0, El0, RW), PMU),
    t(counter(PMOVSCLR_EL0, El0, RW), PMU),
    t(
        counter(PMSWINC_EL0, El0, WO),
        &[PmuserenrSw, Mdcr2Tpm, Mdcr3Tpm],
    ),
    t(
        counter(PMSELR_EL0, El0, RW),
        &[PmuserenrErSel, Mdcr2Tpm, Mdcr3Tpm],
    ),
    t(counter(PMCEID0_EL0, El0, RO), PMU),
    t(counter(PMCEID1_EL0, El0, RO), PMU),
    t(
        counter(PMCCNTR_EL0, El0, RW),
        &[PmuserenrCr, PmuserenrEnWrite, Mdcr2Tpm, Mdcr3Tpm],
    ),
    t(counter(PMCCFILTR_EL0, El0, RW), PMU),
    t(counter(PMXEVTYPER_EL0, El0, RW), PMU),
    t(counter(PMXEVCNTR_EL0, El0, RW), PMU_EVCNT),
    t(counter(PMEVCNTR0_EL0, El0, RW), PMU_EVCNT),
    t(counter(PMEVCNTR1_EL0, El0, RW), PMU_EVCNT),
    t(counter(PMEVCNTR2_EL0, El0, RW), PMU_EVCNT),
    t(counter(PMEVCNTR3_EL0, El0, RW), PMU_EVCNT),
    t(counter(PMEVCNTR4_EL0, El0, RW), PMU_EVCNT),
    t(counter(PMEVCNTR5_EL0, El0, RW), PMU_EVCNT),
    t(counter(PMEVTYPER0_EL0, El0, RW), PMU),
    t(counter(PMEVTYPER1_EL0, El0, RW), PMU),
    t(counter(PMEVTYPER2_EL0, El0, RW), PMU),
    t(counter(PMEVTYPER3_EL0, El0, RW), PMU),
    t(counter(PMEVTYPER4_EL0, El0, RW), PMU),
    t(counter(PMEVTYPER5_EL0, El0, RW), PMU),
    t(counter(PMINTENSET_EL1, El1, RW), PMU_EL1),
    t(counter(PMINTENCLR_EL1, El1, RW), PMU_EL1),
    // EL0 may read PMUSERENR_EL0; only EL1 and above write it.
    t(
        writable_at(m(rw(PMUSERENR_EL0, El0, 0), !0xf, 0), El1),
        PMU_EL1,
    ),
    // Debug (ARCH.md §5.4): plain storage behind the MDCR traps.
    t(rw(MDSCR_EL1, El1, 0), DBG),
    t(rw(MDCCINT_EL1, El1, 0), DBG),
    t(rw(DBGBVR0_EL1, El1, 0), DBG),
    t(rw(DBGBCR0_EL1, El1, 0), DBG),
    t(rw(DBGBVR1_EL1, El1, 0), DBG),
    t(rw(DBGBCR1_EL1, El1, 0), DBG),
    t(rw(DBGWVR0_EL1, El1, 0), DBG),
    t(rw(DBGWCR0_EL1, El1, 0), DBG),
    t(rw(DBGWVR1_EL1, El1, 0), DBG),
    t(rw(DBGWCR1_EL1, El1, 0), DBG),
    t(only(rw(OSLAR_EL1, El1, 0), WO), DBG_OS),
    // OSLSR_EL1: OSLM = 0b10 (OS lock implemented), unlocked.
    t(ro(OSLSR_EL1, El1, 0x8), DBG_OS),
    t(rw(OSDLR_EL1, El1, 0), DBG_OS),
    t(ro(MDRAR_EL1, El1, 0), &[Mdcr2Tdra, Mdcr3Tda]),
    // Identification (ARCH.md §5.1). MIDR: implementer 0, architecture 0xF, part 0x051.
    ro(MIDR_EL1, El1, 0x000f_0510),
    // MPIDR: RES1 bit 31, uniprocessor single core at affinity 0.0.0.0.
    ro(MPIDR_EL1, El1, 0x8000_0000),
    t(ro(REVIDR_EL1, El1, 0), &[HcrTid1]),
    t(ro(AIDR_EL1, El1, 0), &[HcrTid1]),
    // 64-byte lines, IDC = DIC = 1; EL0 reads need SCTLR_EL1.UCT. TminLine (bits 37:32)
    // is 0 as in QEMU 10's `-cpu max` (the lockstep trace of traps_hcr compares it).
    t(
        ro(CTR_EL0, El0, 0x0000_0000_b444_c004),
        &[SctlrUct, HcrTid2],
    ),
    // DC ZVA block of 64 bytes (BS = 4); DZP is computed on read.
    ro(DCZID_EL0, El0, 0x4),
    // One level of separate 32 KiB I and D caches (LoC = LoUU = LoUIS = 1).
    t(ro(CLIDR_EL1, El1, 0x0000_0000_0920_0003), ID2),
    t(ro(CCSIDR_EL1, El1, 0x0000_0000_700f_e01a), ID2),
    t(m(rw(CSSELR_EL1, El1, 0), !0x1f, 0), ID2),
    // AArch32 views: zero for an AArch64-only PE.
    id(ID_PFR0_EL1, 0),
    id(ID_PFR1_EL1, 0),
    id(ID_DFR0_EL1, 0),
    id(ID_AFR0_EL1, 0),
    id(ID_MMFR0_EL1, 0),
    id(ID_MMFR1_EL1, 0),
    id(ID_MMFR2_EL1, 0),
    id(ID_MMFR3_EL1, 0),
    id(ID_ISAR0_EL1, 0),
    id(ID_ISAR1_EL1, 0),
    id(ID_ISAR2_EL1, 0),
    id(ID_ISAR3_EL1, 0),
    id(ID_ISAR4_EL1, 0),
    id(ID_ISAR5_EL1, 0),
    id(ID_MMFR4_EL1, 0),
    id(ID_ISAR6_EL1, 0),
    id(MVFR0_EL1, 0),
    id(MVFR1_EL1, 0),
    id(MVFR2_EL1, 0),
    id(ID_PFR2_EL1, 0),
    id(ID_DFR1_EL1, 0),
    id(ID_MMFR5_EL1, 0),
    // EL0-EL3 AArch64 only; FP and AdvSIMD (decoded, not yet executed); GICv3 system
    // registers; SEL2 = 1 (Secure EL2, SCR_EL3.EEL2).
    id(ID_AA64PFR0_EL1, 0x0000_0010_0100_1111),
    // BT = 1, SSBS = 2 (MSR SSBS), MTE = 3 (FEAT_MTE3; `Cpu::set_mte_level` changes it),
    // MTE_frac = 0 (asynchronous checks), NMI = 1: QEMU 10 `-cpu max` with mte=on.
    id(ID_AA64PFR1_EL1, 0x0000_0010_0000_0321),
    id(ID_AA64ZFR0_EL1, 0),
    id(ID_AA64SMFR0_EL1, 0),
    // DebugVer = 6 (v8.0), PMUVer = 4 (PMUv3p1, `crate::pmu`), BRPs = 1 and WRPs = 1
    // (two of each).
    id(ID_AA64DFR0_EL1, 0x0000_0000_0010_1406),
    id(ID_AA64DFR1_EL1, 0),
    id(ID_AA64AFR0_EL1, 0),
    id(ID_AA64AFR1_EL1, 0),
    // CRC32 = 1, ATOMIC = 2 (LSE), TS = 2 (FlagM and FlagM2).
    id(ID_AA64ISAR0_EL1, 0x0020_0000_0021_0000),
    // LRCPC = 2 (LDAPR and LDAPUR/STLUR), SB = 1.
    id(ID_AA64ISAR1_EL1, 0x0000_0010_0020_0000),
    id(ID_AA64ISAR2_EL1, 0),
    // PARange 48 bits, 16-bit ASIDs, SNSMem, 4 KiB, 16 KiB and 64 KiB granules (stage 2 as
    // stage 1): what a64sim-mmu walks.
    id(ID_AA64MMFR0_EL1, 0x0000_0000_0010_1025),
    // HAFDBS = 2 (hardware Access flag and dirty state), VMIDBits = 16, VH = 1, PAN = 1.
    id(ID_AA64MMFR1_EL1, 0x0000_0000_0010_1022),
    // UAO = 1, AT = 1 (FEAT_LSE2: ordered and atomic accesses within 16 bytes need no
    // alignment), IDS = 1 (FEAT_IDST: EL0 reads of the ID space trap with EC 0x18).
    id(ID_AA64MMFR2_EL1, 0x0000_0011_0000_0010),
    // The rest of the ID group 3 space reads as zero: one shared row (see `super::lookup`).
    id(ID_SPACE_RESERVED, 0),
];

/// The encoding standing for every unnamed ID group 3 register (op0=3, op1=0, CRn=0,
/// CRm=1..7): reserved encodings there are RAZ, not UNDEFINED (Arm ARM D18.3.1).
pub const ID_SPACE_RESERVED: SysRegId = SysRegId::new(3, 0, 0, 7, 7);

/// Whether `id` lies in the ID group 3 space.
pub const fn in_id_space(id: SysRegId) -> bool {
    id.op0() == 3 && id.op1() == 0 && id.crn() == 0 && id.crm() >= 1
}

/// VHE register redirection (ARCH.md §1.10): `(EL1 encoding, its EL2 twin, the _EL12 alias)`.
/// At EL2 with HCR_EL2.E2H = 1 the EL1 encoding reaches the EL2 register, and the _EL12
/// alias (at EL2, or at EL3 with E2H = 1) reaches the EL1 register; with E2H = 0 the
/// aliases are UNDEFINED.
pub static VHE_ALIASES: [(SysRegId, SysRegId, SysRegId); 17] = [
    (SCTLR_EL1, SCTLR_EL2, SCTLR_EL12),
    (CPACR_EL1, CPTR_EL2, CPACR_EL12),
    (TTBR0_EL1, TTBR0_EL2, TTBR0_EL12),
    (TTBR1_EL1, TTBR1_EL2, TTBR1_EL12),
    (TCR_EL1, TCR_EL2, TCR_EL12),
    (SPSR_EL1, SPSR_EL2, SPSR_EL12),
    (ELR_EL1, ELR_EL2, ELR_EL12),
    (AFSR0_EL1, AFSR0_EL2, AFSR0_EL12),
    (AFSR1_EL1, AFSR1_EL2, AFSR1_EL12),
    (ESR_EL1, ESR_EL2, ESR_EL12),
    (FAR_EL1, FAR_EL2, FAR_EL12),
    (MAIR_EL1, MAIR_EL2, MAIR_EL12),
    (AMAIR_EL1, AMAIR_EL2, AMAIR_EL12),
    (VBAR_EL1, VBAR_EL2, VBAR_EL12),
    (CONTEXTIDR_EL1, CONTEXTIDR_EL2, CONTEXTIDR_EL12),
    (CNTKCTL_EL1, CNTHCTL_EL2, CNTKCTL_EL12),
    (TFSR_EL1, TFSR_EL2, TFSR_EL12),
];
