// traps_hcr.S - HCR_EL2 trap controls for EL1 (and EL0) and the SCTLR_EL1
// controls of EL0 operations (MMU off).
//
// Each HCR_EL2 test runs one EL1 routine twice from EL2: with the trap bit
// set (each access traps to EL2: EC 0x18 with Op0/Op2/Op1/CRn/Rt/CRm/
// Direction in the ISS, or EC 0x01/0x17; the EL2 handler prints it and skips
// the instruction) and with HCR_EL2 = RW only (the accesses run; only the
// number of exceptions, "exceptions=0", is printed, never a value read).
//   TID1  REVIDR_EL1, AIDR_EL1 reads
//   TID2  CTR_EL0, CCSIDR_EL1, CLIDR_EL1, CSSELR_EL1 (read and write)
//   TID3  ID_AA64PFR0/ISAR0/MMFR0/DFR0_EL1, ID_PFR0_EL1, MVFR0_EL1 reads
//   TACR  ACTLR_EL1 read and write
//   TVM   writes of SCTLR/TTBR0/TTBR1/TCR/ESR/FAR/AFSR0/AFSR1/MAIR/AMAIR/
//         CONTEXTIDR_EL1 (each writes back the value just read)
//   TRVM  reads of the same registers
//   TSW   DC ISW/CSW/CISW;  TPCP  DC IVAC/CVAC/CIVAC/CVAP/CVADP
//   TPU   IC IVAU, IC IALLU, IC IALLUIS, DC CVAU
//   TTLB  TLBI VMALLE1/VMALLE1IS/VMALLE1OS/VAE1/ASIDE1/VAALE1
//   TDZ   DC ZVA (trapped before the access; see below)
//   TWI   WFI (EC 0x01, TI=0). Untrapped, it runs with a virtual IRQ pending
//         but masked (HCR_EL2.IMO=VI=1, PSTATE.I=1), a WFI wake-up event, so
//         it completes at once.
//   TSC   SMC (EC 0x17, ELR = the SMC); untrapped it goes to EL3.
// EL0 operations with SCTLR_EL1 bits 0 then 1 (and the HCR_EL2 bit that
// also traps them, to show that the trap to EL1 wins):
//   UMA   MRS DAIF / MSR DAIF at EL0 (MSR DAIFSet/DAIFClr only with UMA=1)
//   UCT   MRS CTR_EL0 at EL0 (UCT=0 and TID2=1: EL1 wins; UCT=0 and TGE=1:
//         to EL2)
//   DZE   DC ZVA at EL0 (DZE=0 traps to EL1 even with TDZ=1; DZE=1 with
//         TDZ=1 traps to EL2)
//   UCI   DC CVAU/CVAC/CIVAC/CVAP, IC IVAU at EL0 (DC IVAC at EL0 is always
//         UNDEFINED)
//   nTWI  WFI at EL0 (nTWI=0 and HCR_EL2.TWI=1: EL1 wins; nTWI=1 and TWI=1:
//         EL2)
//
// Not here, because QEMU 10 differs from the Arm ARM:
//   * WFE is never trapped by QEMU (HCR_EL2.TWE, SCTLR_EL1.nTWE): only
//     untrapped WFE (after SEVL, so that it completes) is executed.
//   * DC ZVA on Device memory (MMU off) must take an Alignment fault; QEMU
//     zeroes the block. So DC ZVA only runs where it is trapped.
//   * MSR DAIFSet/DAIFClr at EL0 with UMA=0: QEMU traps it but swaps Op1 and
//     Op2 in the ISS (ESR 0x620793e4 for DAIFSet #2; the Arm ARM gives
//     Op1=3, Op2=6: 0x620cd3e4), so only the UMA=1 (untrapped) run is here.
//   * QEMU does not trap WFI while an interrupt is pending (even a masked
//     one); trapped WFIs here run with nothing pending.

    .include "semihost.inc"
    .include "el.inc"

// HCR_TEST name, bits, func: run func at EL1 with HCR_EL2 = RW | bits, then
// with RW only (at EL2).
.macro HCR_TEST name, bits, func
    PUTS    "== \name=1 ==\n"
    LI      x0, HCR_RW | (\bits)
    msr     hcr_el2, x0
    isb
    MARK
    CALL_AT 2, SPSR_EL1H, \func
    PR_COUNT "exceptions"
    PUTS    "== \name=0 ==\n"
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    MARK
    CALL_AT 2, SPSR_EL1H, \func
    PR_COUNT "exceptions"
.endm

// HCR_ONLY name, bits, func: only the trapping run.
.macro HCR_ONLY name, bits, func
    PUTS    "== \name ==\n"
    LI      x0, HCR_RW | (\bits)
    msr     hcr_el2, x0
    isb
    MARK
    CALL_AT 2, SPSR_EL1H, \func
    PR_COUNT "exceptions"
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
.endm

// EL0_TEST name, hcr, sctlr, func: from EL2 with HCR_EL2 = RW | hcr, EL1
// sets SCTLR_EL1 = default | sctlr and runs func at EL0.
.macro EL0_TEST name, hcr, sctlr, func
    PUTS    "== \name ==\n"
    LI      x0, HCR_RW | (\hcr)
    msr     hcr_el2, x0
    isb
    LI      x0, SCTLR_EL1_DEFAULT | (\sctlr)
    adr     x1, \func
    MARK
    CALL_AT 2, SPSR_EL1H, el1_run_el0
    PR_COUNT "exceptions"
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
.endm

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    CALL_AT 3, SPSR_EL2H, el2_main
    LI      x0, SCTLR_EL1_DEFAULT
    msr     sctlr_el1, x0
    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ EL2
el2_main:
    HCR_TEST "TID1", HCR_TID1, t_tid1
    HCR_TEST "TID2", HCR_TID2, t_tid2
    HCR_TEST "TID3", HCR_TID3, t_tid3
    HCR_TEST "TACR", HCR_TACR, t_tacr
    HCR_TEST "TVM", HCR_TVM, t_tvm
    HCR_TEST "TRVM", HCR_TRVM, t_trvm
    HCR_TEST "TSW", HCR_TSW, t_tsw
    HCR_TEST "TPCP", HCR_TPCP, t_tpcp
    HCR_TEST "TPU", HCR_TPU, t_tpu
    HCR_TEST "TTLB", HCR_TTLB, t_ttlb
    HCR_ONLY "TDZ=1 (DC ZVA at EL1)", HCR_TDZ, t_dczva
    HCR_ONLY "TWI=1 (WFI at EL1)", HCR_TWI, t_wfi
    HCR_ONLY "TWI=0, virtual IRQ pending and masked (WFI completes)", HCR_IMO | HCR_VI, t_wfi
    HCR_ONLY "TWE=0 (SEVL; WFE completes)", 0, t_wfe
    HCR_TEST "TSC", HCR_TSC, t_smc
    HCR_ONLY "TVM|TRVM|TID3|TACR together", HCR_TVM | HCR_TRVM | HCR_TID3 | HCR_TACR, t_mixed

    EL0_TEST "EL0 UMA=0 (DAIF access traps to EL1)", 0, 0, e0_daif
    EL0_TEST "EL0 UMA=1", 0, SCTLR_UMA, e0_daif
    EL0_TEST "EL0 UMA=1, MSR DAIFSet/DAIFClr", 0, SCTLR_UMA, e0_daif_imm
    EL0_TEST "EL0 UCT=0 (CTR_EL0 read traps to EL1)", 0, 0, e0_ctr
    EL0_TEST "EL0 UCT=1", 0, SCTLR_UCT, e0_ctr
    EL0_TEST "EL0 UCT=0, TID2=1 (EL1 wins)", HCR_TID2, 0, e0_ctr
    EL0_TEST "EL0 UCT=1, TID2=1 (to EL2)", HCR_TID2, SCTLR_UCT, e0_ctr
    EL0_TEST "EL0 DZE=0 (DC ZVA traps to EL1)", 0, 0, e0_dczva
    EL0_TEST "EL0 DZE=0, TDZ=1 (EL1 wins)", HCR_TDZ, 0, e0_dczva
    EL0_TEST "EL0 DZE=1, TDZ=1 (to EL2)", HCR_TDZ, SCTLR_DZE, e0_dczva
    EL0_TEST "EL0 UCI=0 (cache maintenance traps to EL1)", 0, 0, e0_cmo
    EL0_TEST "EL0 UCI=1", 0, SCTLR_UCI, e0_cmo
    EL0_TEST "EL0 UCI=0, TPU=1 (EL1 wins)", HCR_TPU, 0, e0_cmo
    EL0_TEST "EL0 UCI=1, TPU|TPCP=1 (to EL2)", HCR_TPU | HCR_TPCP, SCTLR_UCI, e0_cmo
    EL0_TEST "EL0 nTWI=0 (WFI traps to EL1)", 0, 0, e0_wfi
    EL0_TEST "EL0 nTWI=0, TWI=1 (EL1 wins)", HCR_TWI, 0, e0_wfi
    EL0_TEST "EL0 nTWI=1, TWI=1 (to EL2)", HCR_TWI, SCTLR_nTWI, e0_wfi
    EL0_TEST "EL0 nTWI=1, virtual IRQ pending and masked (WFI completes)", HCR_IMO | HCR_VI, SCTLR_nTWI, e0_wfi
    EL0_TEST "EL0 nTWE=1 (SEVL; WFE completes)", 0, SCTLR_nTWE, e0_wfe

    PUTS    "== EL0 UCT=0 with HCR_EL2.TGE=1 (to EL2) ==\n"
    LI      x0, SCTLR_EL1_DEFAULT
    msr     sctlr_el1, x0
    LI      x0, HCR_RW | HCR_TGE
    msr     hcr_el2, x0
    isb
    MARK
    CALL_AT 2, SPSR_EL0T, e0_ctr
    PR_COUNT "exceptions"
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    RET_SMC

// ------------------------------------------------------------ EL1
// el1_run_el0: SCTLR_EL1 = x0, run the EL0 routine at x1.
el1_run_el0:
    msr     sctlr_el1, x0
    isb
    mov     x16, x1
    LI      x17, SPSR_EL0T
    bl      el1_call
    LI      x0, SCTLR_EL1_DEFAULT
    msr     sctlr_el1, x0
    isb
    RET_HVC

t_tid1:
    mrs     x1, revidr_el1
    mrs     x2, aidr_el1
    RET_HVC

t_tid2:
    mrs     x3, ctr_el0
    mrs     x4, clidr_el1
    mrs     x5, csselr_el1
    msr     csselr_el1, xzr
    mrs     x6, ccsidr_el1
    RET_HVC

t_tid3:
    mrs     x7, id_aa64pfr0_el1
    mrs     x8, id_aa64isar0_el1
    mrs     x9, id_aa64mmfr0_el1
    mrs     x10, id_aa64dfr0_el1
    mrs     x11, id_pfr0_el1
    mrs     x12, mvfr0_el1
    RET_HVC

t_tacr:
    mrs     x13, actlr_el1
    msr     actlr_el1, x13
    RET_HVC

t_tvm:
    .irp    reg, sctlr_el1, ttbr0_el1, ttbr1_el1, tcr_el1, esr_el1, far_el1, afsr0_el1, afsr1_el1, mair_el1, amair_el1, contextidr_el1
    mrs     x14, \reg
    msr     \reg, x14
    .endr
    RET_HVC

t_trvm:
    mrs     x1, sctlr_el1
    mrs     x2, ttbr0_el1
    mrs     x3, ttbr1_el1
    mrs     x4, tcr_el1
    mrs     x5, esr_el1
    mrs     x6, far_el1
    mrs     x7, afsr0_el1
    mrs     x8, afsr1_el1
    mrs     x9, mair_el1
    mrs     x10, amair_el1
    mrs     x11, contextidr_el1
    RET_HVC

t_tsw:
    mov     x0, #0
    dc      isw, x0
    dc      csw, x0
    dc      cisw, x0
    RET_HVC

t_tpcp:
    adrp    x1, cmo_buf
    add     x1, x1, :lo12:cmo_buf
    dc      ivac, x1
    dc      cvac, x1
    dc      civac, x1
    dc      cvap, x1
    dc      cvadp, x1
    RET_HVC

t_tpu:
    adrp    x2, cmo_buf
    add     x2, x2, :lo12:cmo_buf
    ic      ivau, x2
    ic      iallu
    ic      ialluis
    dc      cvau, x2
    RET_HVC

t_ttlb:
    adrp    x3, cmo_buf
    lsr     x3, x3, #12
    tlbi    vmalle1
    tlbi    vmalle1is
    tlbi    vmalle1os
    tlbi    vae1, x3
    tlbi    aside1, xzr
    tlbi    vaale1, x3
    dsb     sy
    RET_HVC

t_dczva:
    adrp    x4, zva_buf
    add     x4, x4, :lo12:zva_buf
    dc      zva, x4
    RET_HVC

t_wfi:
    wfi
    RET_HVC

t_wfe:
    sevl
    wfe
    RET_HVC

t_smc:
    smc     #0x55
    RET_HVC

t_mixed:
    mrs     x5, tcr_el1                       // TRVM
    msr     tcr_el1, x5                       // TVM
    mrs     x6, id_aa64mmfr1_el1              // TID3
    mrs     x7, actlr_el1                     // TACR
    mrs     x8, tpidr_el1                     // not trapped
    msr     tpidr_el1, x8                     // not trapped
    RET_HVC

// ------------------------------------------------------------ EL0
e0_daif:
    mrs     x1, daif
    msr     daif, x1
    RET_SVC

e0_daif_imm:                                  // only run with UMA=1
    msr     daifset, #2
    msr     daifclr, #0
    RET_SVC

e0_ctr:
    mrs     x2, ctr_el0
    RET_SVC

e0_dczva:
    adrp    x3, zva_buf
    add     x3, x3, :lo12:zva_buf
    dc      zva, x3
    RET_SVC

e0_cmo:
    adrp    x4, cmo_buf
    add     x4, x4, :lo12:cmo_buf
    dc      cvau, x4
    ic      ivau, x4
    dc      cvac, x4
    dc      civac, x4
    dc      cvap, x4
    dc      ivac, x4                          // always UNDEFINED at EL0
    RET_SVC

e0_wfi:
    wfi
    RET_SVC

e0_wfe:
    sevl
    wfe
    RET_SVC

    .bss
    .balign 4096
zva_buf:
    .skip   4096
cmo_buf:
    .skip   64
