//! Bit positions of the control registers the trap rules and routing read (ARCH.md §1.8,
//! §1.9, §5; Arm ARM D23). Only bits a64sim acts on are named.

/// SCR_EL3 bits.
pub mod scr {
    /// Non-secure: EL0/1/2 are Non-secure.
    pub const NS: u64 = 1 << 0;
    /// Physical IRQs to EL3.
    pub const IRQ: u64 = 1 << 1;
    /// Physical FIQs to EL3.
    pub const FIQ: u64 = 1 << 2;
    /// SError and synchronous external aborts to EL3.
    pub const EA: u64 = 1 << 3;
    /// SMC disabled.
    pub const SMD: u64 = 1 << 7;
    /// HVC enabled.
    pub const HCE: u64 = 1 << 8;
    /// Lower ELs are AArch64 (RAO/WI in a64sim: no AArch32).
    pub const RW: u64 = 1 << 10;
    /// Trap WFI at EL0-EL2 to EL3.
    pub const TWI: u64 = 1 << 12;
    /// Trap WFE at EL0-EL2 to EL3.
    pub const TWE: u64 = 1 << 13;
    /// Trap LOR registers to EL3.
    pub const TLOR: u64 = 1 << 14;
    /// Trap error-record registers to EL3.
    pub const TERR: u64 = 1 << 15;
    /// 0 traps pointer-authentication key registers to EL3.
    pub const APK: u64 = 1 << 16;
    /// 0 traps pointer-authentication instructions to EL3.
    pub const API: u64 = 1 << 17;
    /// Secure EL2 enable.
    pub const EEL2: u64 = 1 << 18;
    /// Trap ID group 3 registers to EL3 (FEAT_FGT era).
    pub const TID3: u64 = 1 << 22;
    /// Trap GMID_EL1 to EL3.
    pub const TID5: u64 = 1 << 23;
    /// 0 traps allocation-tag access and the MTE system registers to EL3.
    pub const ATA: u64 = 1 << 26;
}

/// HCR_EL2 bits.
pub mod hcr {
    /// Stage 2 enable.
    pub const VM: u64 = 1 << 0;
    /// Set/way invalidation override.
    pub const SWIO: u64 = 1 << 1;
    /// Physical FIQ routing to EL2.
    pub const FMO: u64 = 1 << 3;
    /// Physical IRQ routing to EL2.
    pub const IMO: u64 = 1 << 4;
    /// Physical SError routing to EL2.
    pub const AMO: u64 = 1 << 5;
    /// Virtual FIQ pending.
    pub const VF: u64 = 1 << 6;
    /// Virtual IRQ pending.
    pub const VI: u64 = 1 << 7;
    /// Virtual SError pending.
    pub const VSE: u64 = 1 << 8;
    /// Trap WFI.
    pub const TWI: u64 = 1 << 13;
    /// Trap WFE.
    pub const TWE: u64 = 1 << 14;
    /// Trap AArch32 ID registers (no effect in AArch64).
    pub const TID0: u64 = 1 << 15;
    /// Trap REVIDR_EL1, AIDR_EL1.
    pub const TID1: u64 = 1 << 16;
    /// Trap cache identification registers.
    pub const TID2: u64 = 1 << 17;
    /// Trap ID group 3.
    pub const TID3: u64 = 1 << 18;
    /// Trap SMC from EL1.
    pub const TSC: u64 = 1 << 19;
    /// Trap IMPLEMENTATION DEFINED registers.
    pub const TIDCP: u64 = 1 << 20;
    /// Trap ACTLR_EL1.
    pub const TACR: u64 = 1 << 21;
    /// Trap data cache set/way operations.
    pub const TSW: u64 = 1 << 22;
    /// Trap data cache maintenance to the point of coherency.
    pub const TPCP: u64 = 1 << 23;
    /// Trap cache maintenance to the point of unification.
    pub const TPU: u64 = 1 << 24;
    /// Trap EL1 TLB maintenance.
    pub const TTLB: u64 = 1 << 25;
    /// Trap writes of the virtual-memory controls.
    pub const TVM: u64 = 1 << 26;
    /// Trap general exceptions.
    pub const TGE: u64 = 1 << 27;
    /// Trap DC ZVA (and DC GVA/GZVA).
    pub const TDZ: u64 = 1 << 28;
    /// HVC disabled (without EL3).
    pub const HCD: u64 = 1 << 29;
    /// Trap reads of the virtual-memory controls.
    pub const TRVM: u64 = 1 << 30;
    /// EL1 is AArch64 (RAO/WI in a64sim).
    pub const RW: u64 = 1 << 31;
    /// EL2 host (VHE).
    pub const E2H: u64 = 1 << 34;
    /// Trap LOR registers.
    pub const TLOR: u64 = 1 << 35;
    /// Trap error-record registers.
    pub const TERR: u64 = 1 << 36;
    /// Route synchronous external aborts to EL2.
    pub const TEA: u64 = 1 << 37;
    /// 0 traps pointer-authentication key registers.
    pub const APK: u64 = 1 << 40;
    /// 0 traps pointer-authentication instructions.
    pub const API: u64 = 1 << 41;
    /// Nested virtualization (not implemented).
    pub const NV: u64 = 1 << 42;
    /// Nested virtualization (not implemented).
    pub const NV1: u64 = 1 << 43;
    /// 0 makes allocation tags inaccessible at EL0/EL1 and traps the MTE registers.
    pub const ATA: u64 = 1 << 56;
    /// Trap GMID_EL1 (FEAT_MTE2).
    pub const TID5: u64 = 1 << 58;
}

/// SCTLR_EL1 (and SCTLR_EL2 with E2H = 1) controls of EL0 and alignment.
pub mod sctlr {
    /// MMU enable.
    pub const M: u64 = 1 << 0;
    /// Alignment check enable.
    pub const A: u64 = 1 << 1;
    /// SP alignment check for the EL the register controls.
    pub const SA: u64 = 1 << 3;
    /// SP alignment check for EL0.
    pub const SA0: u64 = 1 << 4;
    /// User mask access: 0 traps EL0 DAIF accesses.
    pub const UMA: u64 = 1 << 9;
    /// 0 traps EL0 DC ZVA.
    pub const DZE: u64 = 1 << 14;
    /// 0 traps EL0 CTR_EL0 reads.
    pub const UCT: u64 = 1 << 15;
    /// 0 traps EL0 WFI.
    pub const N_TWI: u64 = 1 << 16;
    /// 0 traps EL0 WFE.
    pub const N_TWE: u64 = 1 << 18;
    /// 0 sets PSTATE.PAN on exception entry.
    pub const SPAN: u64 = 1 << 23;
    /// 0 traps EL0 cache maintenance by VA.
    pub const UCI: u64 = 1 << 26;
    /// PSTATE.SSBS value on exception entry.
    pub const DSSBS: u64 = 1 << 44;
    /// TCF0: tag-check fault mode of EL0 accesses (bits 39:38).
    pub const TCF0_SHIFT: u32 = 38;
    /// TCF: tag-check fault mode of this EL's accesses (bits 41:40).
    pub const TCF_SHIFT: u32 = 40;
    /// ATA0: EL0 allocation-tag access.
    pub const ATA0: u64 = 1 << 42;
    /// ATA: allocation-tag access at this EL.
    pub const ATA: u64 = 1 << 43;
    /// FEAT_NMI: non-maskable interrupts enabled (ALLINT masks).
    pub const NMI: u64 = 1 << 61;
    /// FEAT_NMI: PSTATE.ALLINT on exception entry is NOT SPINTMASK.
    pub const SPINTMASK: u64 = 1 << 62;
}

/// CPACR_EL1 (and CPTR_EL2 with E2H = 1) fields.
pub mod cpacr {
    /// FPEN, bits 21:20: 0b11 no trap, 0b01 trap EL0 only, 0bx0 trap EL0 and EL1.
    pub const FPEN_SHIFT: u32 = 20;
    /// TTA in CPACR_EL1 (bit 28): trace register traps.
    pub const TTA: u64 = 1 << 28;
}

/// CPTR_EL2 (E2H = 0) and CPTR_EL3 bits.
pub mod cptr {
    /// Trap FP/SIMD.
    pub const TFP: u64 = 1 << 10;
    /// Trap trace registers (E2H = 0 layout and CPTR_EL3).
    pub const TTA: u64 = 1 << 20;
    /// Trap CPACR_EL1 (CPTR_EL2) / CPTR_EL2 and CPACR_EL1 (CPTR_EL3) accesses.
    pub const TCPAC: u64 = 1 << 31;
    /// TTA in CPTR_EL2 when E2H = 1 (bit 28).
    pub const TTA_E2H: u64 = 1 << 28;
}

/// MDCR_EL2 and MDCR_EL3 bits.
pub mod mdcr {
    /// MDCR_EL2.TPMCR: trap PMCR_EL0.
    pub const TPMCR: u64 = 1 << 5;
    /// Trap PMU registers.
    pub const TPM: u64 = 1 << 6;
    /// Trap debug registers.
    pub const TDA: u64 = 1 << 9;
    /// Trap OS-lock and power-down debug registers.
    pub const TDOSA: u64 = 1 << 10;
    /// MDCR_EL2.TDRA: trap debug ROM address registers.
    pub const TDRA: u64 = 1 << 11;
    /// MDCR_EL2.HPMN: event counters below it belong to EL0/EL1.
    pub const HPMN_MASK: u64 = 0x1f;
    /// MDCR_EL2.HPME: enables the counters reserved for EL2.
    pub const HPME: u64 = 1 << 7;
    /// MDCR_EL2.HPMD: prohibits event counting at EL2 (FEAT_PMUv3p1).
    pub const HPMD: u64 = 1 << 17;
    /// MDCR_EL3.SPME: permits event counting in Secure state.
    pub const SPME: u64 = 1 << 17;
}

/// PMUSERENR_EL0 (Arm ARM D23.5): what EL0 may access of the PMU.
pub mod pmuserenr {
    /// EN: every PMU register.
    pub const EN: u64 = 1 << 0;
    /// SW: writes of PMSWINC_EL0.
    pub const SW: u64 = 1 << 1;
    /// CR: reads of PMCCNTR_EL0.
    pub const CR: u64 = 1 << 2;
    /// ER: reads of the event counters, PMSELR_EL0.
    pub const ER: u64 = 1 << 3;
}

/// CNTKCTL_EL1 and CNTHCTL_EL2 (Arm ARM D23.8): counter access controls.
pub mod cntctl {
    /// EL0PCTEN: EL0 reads of CNTPCT_EL0.
    pub const EL0PCTEN: u64 = 1 << 0;
    /// EL0VCTEN: EL0 reads of CNTVCT_EL0.
    pub const EL0VCTEN: u64 = 1 << 1;
    /// CNTHCTL_EL2.EL1PCTEN with E2H = 0: EL0/EL1 reads of CNTPCT_EL0.
    pub const EL1PCTEN_NVHE: u64 = 1 << 0;
    /// CNTHCTL_EL2.EL1PCTEN with E2H = 1.
    pub const EL1PCTEN_VHE: u64 = 1 << 10;
}
