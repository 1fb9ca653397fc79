//! The rows of the system-register table. Values: Arm ARM D23 register descriptions and
//! ../shared/ARCH.md §5 (identification values are a64sim's choices, advertising only what
//! is implemented).

use super::{Access, Storage, SysRegDef};
use a64sim_arch::El;
use a64sim_isa::sysreg::regs::*;
use a64sim_isa::sysreg::SysRegId;

use Access::{ReadOnly as RO, ReadWrite as RW};
use El::{El0, El1, El2, El3};
use Storage::{Const, PeState, Plain};

const fn row(
    id: SysRegId,
    min_el: El,
    access: Access,
    storage: Storage,
    reset: u64,
    res0: u64,
    res1: u64,
) -> SysRegDef {
    SysRegDef {
        id,
        reset,
        res0,
        res1,
        min_el,
        write_el: min_el,
        access,
        storage,
        context: false,
    }
}

/// A read/write register held in the register file.
const fn rw(id: SysRegId, min_el: El, reset: u64) -> SysRegDef {
    row(id, min_el, RW, Plain, reset, 0, 0)
}

/// A read/write register whose writes change context (translation, routing, vectors).
const fn ctx(id: SysRegId, min_el: El, reset: u64, res0: u64, res1: u64) -> SysRegDef {
    let mut r = row(id, min_el, RW, Plain, reset, res0, res1);
    r.context = true;
    r
}

/// `r`, writable only from `el` upwards.
const fn writable_at(mut r: SysRegDef, el: El) -> SysRegDef {
    r.write_el = el;
    r
}

/// An identification register: a read-only constant.
const fn id(id: SysRegId, min_el: El, value: u64) -> SysRegDef {
    row(id, min_el, RO, Const, value, 0, 0)
}

/// A view of PE state (PSTATE fields, stack pointers).
const fn pe(id: SysRegId, min_el: El, access: Access) -> SysRegDef {
    row(id, min_el, access, PeState, 0, 0, 0)
}

/// SCTLR_EL1 RES1 bits in an Armv8.5 PE without AArch32 (bits 29, 28, 23, 22, 20, 11).
const SCTLR_EL1_RES1: u64 = (1 << 29) | (1 << 28) | (1 << 23) | (1 << 22) | (1 << 20) | (1 << 11);
/// SCTLR_EL2/EL3 RES1 bits when HCR_EL2.E2H = 0 (bits 29, 28, 23, 22, 18, 16, 11, 5, 4).
const SCTLR_EL23_RES1: u64 = (1 << 29)
    | (1 << 28)
    | (1 << 23)
    | (1 << 22)
    | (1 << 18)
    | (1 << 16)
    | (1 << 11)
    | (1 << 5)
    | (1 << 4);

/// Every system register a64sim implements.
pub static SYSREGS: [SysRegDef; 59] = [
    // PSTATE views and stack pointers (Arm ARM C5.2).
    pe(NZCV, El0, RW),
    pe(DAIF, El0, RW),
    pe(CURRENTEL, El1, RO),
    pe(SPSEL, El1, RW),
    pe(PAN, El1, RW),
    pe(UAO, El1, RW),
    pe(DIT, El0, RW),
    pe(SSBS, El0, RW),
    pe(SP_EL0, El1, RW),
    pe(SP_EL1, El2, RW),
    pe(SP_EL2, El3, RW),
    // Exception return state, syndromes and vectors (D23.2).
    rw(ELR_EL1, El1, 0),
    rw(ELR_EL2, El2, 0),
    rw(ELR_EL3, El3, 0),
    rw(SPSR_EL1, El1, 0),
    rw(SPSR_EL2, El2, 0),
    rw(SPSR_EL3, El3, 0),
    rw(ESR_EL1, El1, 0),
    rw(ESR_EL2, El2, 0),
    rw(ESR_EL3, El3, 0),
    rw(FAR_EL1, El1, 0),
    rw(FAR_EL2, El2, 0),
    rw(FAR_EL3, El3, 0),
    ctx(VBAR_EL1, El1, 0, 0x7ff, 0),
    ctx(VBAR_EL2, El2, 0, 0x7ff, 0),
    ctx(VBAR_EL3, El3, 0, 0x7ff, 0),
    // System control (D23.2.118 SCTLR_EL1 and friends): MMU, alignment and cache enables.
    ctx(SCTLR_EL1, El1, 0x30d0_0800, 0, SCTLR_EL1_RES1),
    ctx(SCTLR_EL2, El2, 0x30c5_0830, 0, SCTLR_EL23_RES1),
    ctx(SCTLR_EL3, El3, 0x30c5_0830, 0, SCTLR_EL23_RES1),
    ctx(HCR_EL2, El2, 0, 0, 0),
    // SCR_EL3 bits 5:4 are RES1 (ARCH.md §1.8).
    ctx(SCR_EL3, El3, 0, 0, 0x30),
    // Thread ID registers (D23.2.150 onwards).
    rw(TPIDR_EL0, El0, 0),
    rw(TPIDRRO_EL0, El0, 0),
    rw(TPIDR_EL1, El1, 0),
    rw(TPIDR_EL2, El2, 0),
    rw(TPIDR_EL3, El3, 0),
    rw(CONTEXTIDR_EL1, El1, 0),
    // Translation controls: stored now, used by the MMU issue.
    ctx(TTBR0_EL1, El1, 0, 0, 0),
    ctx(TTBR1_EL1, El1, 0, 0, 0),
    ctx(TCR_EL1, El1, 0, 0, 0),
    ctx(MAIR_EL1, El1, 0, 0, 0),
    ctx(TTBR0_EL2, El2, 0, 0, 0),
    ctx(TCR_EL2, El2, 0, 0, 0),
    ctx(MAIR_EL2, El2, 0, 0, 0),
    ctx(TTBR0_EL3, El3, 0, 0, 0),
    ctx(TCR_EL3, El3, 0, 0, 0),
    ctx(MAIR_EL3, El3, 0, 0, 0),
    // Identification (ARCH.md §5.1). MIDR: implementer 0, architecture 0xF, part 0x051.
    id(MIDR_EL1, El1, 0x000f_0510),
    // MPIDR: RES1 bit 31, uniprocessor single core at affinity 0.0.0.0.
    id(MPIDR_EL1, El1, 0x8000_0000),
    // EL0-EL3 AArch64 only; FP and AdvSIMD (decoded, not yet executed); GICv3 system registers.
    id(ID_AA64PFR0_EL1, El1, 0x0000_0000_0100_1111),
    id(ID_AA64PFR1_EL1, El1, 0),
    // CRC32 = 1, ATOMIC = 2 (LSE), TS = 2 (FlagM and FlagM2).
    id(ID_AA64ISAR0_EL1, El1, 0x0020_0000_0021_0000),
    // LRCPC = 2 (LDAPR and LDAPUR/STLUR), SB = 1.
    id(ID_AA64ISAR1_EL1, El1, 0x0000_0010_0020_0000),
    id(ID_AA64MMFR0_EL1, El1, 0x0000_0000_0f00_1025),
    id(ID_AA64DFR0_EL1, El1, 0x0000_0000_0000_0006),
    // 64-byte cache lines, IDC = DIC = 1: no cache maintenance needed for coherence.
    id(CTR_EL0, El0, 0x0000_0004_b444_c004),
    // DC ZVA block of 64 bytes (BS = 4).
    id(DCZID_EL0, El0, 0x4),
    // Generic timer frequency: 1 GHz, as QEMU 10 (QEMU.md). Writable at the highest EL only.
    writable_at(rw(CNTFRQ_EL0, El0, 1_000_000_000), El3),
    rw(CPACR_EL1, El1, 0),
];
