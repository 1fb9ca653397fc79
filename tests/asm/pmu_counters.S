// pmu_counters.S - the generic counter (CNTPCT_EL0/CNTVCT_EL0) and the PMUv3
// registers: their trap controls and the behaviour that does not depend on
// time (MMU off, Non-secure EL2/EL1/EL0 under an EL3 that sets SCR_EL3.NS).
//
// Only deterministic facts are printed: syndromes of trapped accesses,
// register read-back, counts of SW_INCR events (PMSWINC_EL0), overflow flags,
// and comparisons of time-dependent values (a second PMCCNTR read is not
// below the first, CNTPCT - CNTVCT lies within [CNTVOFF, CNTVOFF + 1e6)),
// never a raw cycle or counter value (QEMU's counters follow host time).
//
// 1. PMCR_EL0: N (bits [15:0] only: IMP/IDCODE are IMPLEMENTATION DEFINED)
//    at EL2 (6) and, with MDCR_EL2.HPMN = 2, at EL1 and EL0 (2); the writable
//    bits (C and P read as 0).
// 2. PMCNTENSET/CLR, PMINTENSET/CLR, PMOVSSET/CLR (bits 31 and 5:0), PMSELR
//    (SEL is 5 bits), PMEVTYPER<n> and PMCCFILTR read-back, PMXEVTYPER and
//    PMXEVCNTR through PMSELR (SEL = 31 reaches PMCCFILTR).
// 3. PMSWINC: increments exactly the selected, enabled counters counting
//    SW_INCR, subject to the event filters at the EL of the write (EL1 counts
//    with PMEVTYPER = 0, EL2 only with NSH = 1), PMCR.E, MDCR_EL2.HPMN/HPME
//    (counters >= HPMN are enabled by HPME, not PMCR.E) and MDCR_EL2.HPMD;
//    overflow from 0xffffffff sets PMOVSSET (bits [31:0] of the counter are
//    printed: QEMU has FEAT_PMUv3p5, whose event counters are 64 bits wide).
// 4. PMCR.P zeroes the event counters and not PMCCNTR, PMCR.C zeroes
//    PMCCNTR and not the event counters (counters disabled: stable values).
// 5. PMCCNTR counting: monotonic, restarted by PMCR.C, frozen where
//    PMCCFILTR filters the EL (NSH = 0 at EL2) and with PMCR.E = 0.
// 6. CNTVCT = CNTPCT - CNTVOFF_EL2 at EL2 (E2H = 0), EL1 and EL0; no offset at
//    EL2 with E2H = 1.
// 7. EL0 accesses under PMUSERENR_EL0 = 0, CR, ER, SW, EN (EC 0x18 to EL1;
//    MSR PMUSERENR_EL0 and MRS PMINTENSET_EL1 at EL0 are UNDEFINED, EC 0x00);
//    CNTKCTL_EL1.EL0PCTEN/EL0VCTEN (to EL1); CNTHCTL_EL2.EL1PCTEN (bit 0 with
//    E2H = 0, bit 10 with E2H = 1) for EL1 and EL0 (to EL2).
// 8. MDCR_EL2.TPM (EL1 and EL0 PMU accesses to EL2; EL0 with PMUSERENR.EN =
//    0 goes to EL1 first), MDCR_EL2.TPMCR (no other PMU register trapped),
//    MDCR_EL3.TPM (EL2, EL1 and EL0 accesses to EL3, after the EL1 and EL2
//    controls).
//
// Left out because QEMU 10 departs from the Arm ARM (a64sim follows the Arm
// ARM; see tests/difftest/known-qemu-differences.md):
//   * mdcr-el2-tpmcr-ignored: QEMU never traps PMCR_EL0 on MDCR_EL2.TPMCR, so
//     the TPMCR cases only access the other PMU registers (not trapped, in
//     both).
//   * pmu-hpmn-not-enforced-below-el2: at EL1/EL0 with HPMN < N, QEMU lets
//     EL1 see and change EL2's counters (PMCNTENSET/PMOVSSET/PMINTENSET bits
//     >= HPMN are not RAZ/WI, PMCR.P zeroes them, PMSWINC increments them with
//     HPME = 1). Below EL2 HPMN < 6 only for reads of PMCR_EL0.N and for a
//     PMSWINC with HPME = 0.
// Feature differences kept out of the output: QEMU's PMCR_EL0 has IMP/IDCODE
// set (only bits [15:0] are printed) and QEMU implements FEAT_PMUv3p5 (64-bit
// event counters, PMCR_EL0.LP), a64sim PMUv3p1 (ID_AA64DFR0_EL1.PMUVer = 4):
// PMCR_EL0.LP is never written and event counters are printed as bits [31:0].
// Reset values of the PMU registers are UNKNOWN: every register is written
// before it is printed.

    .include "semihost.inc"
    .include "el.inc"

    .equ MDCR_HPMN_ALL, 6
    .equ MDCR_TPMCR,  (1 << 5)
    .equ MDCR_TPM,    (1 << 6)
    .equ MDCR_HPME,   (1 << 7)
    .equ MDCR_HPMD,   (1 << 17)

    .equ PMCR_E,  (1 << 0)
    .equ PMCR_P,  (1 << 1)
    .equ PMCR_C,  (1 << 2)
    .equ PMCR_D,  (1 << 3)
    .equ PMCR_X,  (1 << 4)
    .equ PMCR_DP, (1 << 5)
    .equ PMCR_LC, (1 << 6)

    .equ EVT_P,   (1 << 31)
    .equ EVT_U,   (1 << 30)
    .equ EVT_NSK, (1 << 29)
    .equ EVT_NSU, (1 << 28)
    .equ EVT_NSH, (1 << 27)
    .equ EVT_M,   (1 << 26)

    .equ UEN_EN, (1 << 0)
    .equ UEN_SW, (1 << 1)
    .equ UEN_CR, (1 << 2)
    .equ UEN_ER, (1 << 3)

    .equ CNTVOFF_BIG, 0x0000010000000000
    .equ COUNT_SLACK, 1000000

// ------------------------------------------------------------ macros

// PR_EVCNT: print PMEVCNTR0..5 (bits [31:0]); clobbers x0.
.macro PR_EVCNT1 n
    mrs     x0, pmevcntr\n\()_el0
    mov     w0, w0
    PR      "   pmevcntr\n", x0
.endm
.macro PR_EVCNT
    PR_EVCNT1 0
    PR_EVCNT1 1
    PR_EVCNT1 2
    PR_EVCNT1 3
    PR_EVCNT1 4
    PR_EVCNT1 5
.endm

// SET_EVTYPER val: PMEVTYPER0..5 = val; clobbers x0.
.macro SET_EVTYPER val
    LI      x0, \val
    msr     pmevtyper0_el0, x0
    msr     pmevtyper1_el0, x0
    msr     pmevtyper2_el0, x0
    msr     pmevtyper3_el0, x0
    msr     pmevtyper4_el0, x0
    msr     pmevtyper5_el0, x0
.endm

// ZERO_EVCNT: PMEVCNTR0..5 = 0.
.macro ZERO_EVCNT
    msr     pmevcntr0_el0, xzr
    msr     pmevcntr1_el0, xzr
    msr     pmevcntr2_el0, xzr
    msr     pmevcntr3_el0, xzr
    msr     pmevcntr4_el0, xzr
    msr     pmevcntr5_el0, xzr
.endm

// SET_MDCR2 val: MDCR_EL2 = val (TDE = 0); clobbers x0.
.macro SET_MDCR2 val
    LI      x0, \val
    msr     mdcr_el2, x0
    isb
.endm

// IN_RANGE xd, xv, lo: xd = 1 if lo <= xv < lo + COUNT_SLACK, else 0
// (clobbers x14, x15).
.macro IN_RANGE xd, xv, lo
    LI      x14, \lo
    sub     x15, \xv, x14
    LI      x14, COUNT_SLACK
    cmp     x15, x14
    cset    \xd, lo
.endm

// EL0_CASE name, pmuserenr, cntkctl, func (at EL2): PMUSERENR_EL0 and
// CNTKCTL_EL1 as given, then EL1 runs func at EL0.
.macro EL0_CASE name, pmuserenr, cntkctl, func
    PUTS    "== \name ==\n"
    LI      x0, \pmuserenr
    msr     pmuserenr_el0, x0
    LI      x0, \cntkctl
    msr     cntkctl_el1, x0
    isb
    adr     x2, \func
    MARK
    CALL_AT 2, SPSR_EL1H, el1_run_el0
    PR_COUNT "exceptions"
.endm

// EL0_RUN name, func (at EL2): EL1 runs func at EL0 (controls left as they are).
.macro EL0_RUN name, func
    PUTS    "== \name ==\n"
    adr     x2, \func
    MARK
    CALL_AT 2, SPSR_EL1H, el1_run_el0
    PR_COUNT "exceptions"
.endm

// EL1_CASE name, func (at EL2): run func at EL1.
.macro EL1_CASE name, func
    PUTS    "== \name ==\n"
    MARK
    CALL_AT 2, SPSR_EL1H, \func
    PR_COUNT "exceptions"
.endm

// The PMU accesses that MDCR_ELx.TPM traps, as made from EL1 or EL2
// (with_pmcr = 0: all but PMCR_EL0).
.macro PMU_ACCESSES with_pmcr=1
    .if \with_pmcr
    mrs     x1, pmcr_el0
    msr     pmcr_el0, xzr
    .endif
    msr     pmselr_el0, xzr
    mrs     x2, pmccntr_el0
    mrs     x3, pmevcntr0_el0
    mrs     x4, pmxevtyper_el0
    msr     pmswinc_el0, xzr
    mrs     x5, pmuserenr_el0
    msr     pmuserenr_el0, xzr
    msr     pmintenclr_el1, xzr
    msr     pmovsclr_el0, xzr
    mrs     x6, pmceid0_el0
.endm

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    msr     mdcr_el3, xzr
    SET_MDCR2 MDCR_HPMN_ALL
    mov     x0, #1                          // CNTHCTL_EL2.EL1PCTEN (E2H = 0)
    msr     cnthctl_el2, x0
    msr     cntvoff_el2, xzr
    msr     pmuserenr_el0, xzr
    msr     cntkctl_el1, xzr
    isb
    CALL_AT 3, SPSR_EL2H, el2_main
    CALL_AT 3, SPSR_EL2H, el2_traps

    // ---------------------------------------------------- MDCR_EL3.TPM
    PUTS    "== MDCR_EL3.TPM=1: EL2 PMU accesses (to EL3) ==\n"
    mov     x0, #MDCR_TPM
    msr     mdcr_el3, x0
    isb
    MARK
    CALL_AT 3, SPSR_EL2H, el2_pmu_accesses
    PR_COUNT "exceptions"
    PUTS    "== MDCR_EL3.TPM=1: EL1 PMU accesses (to EL3) ==\n"
    MARK
    CALL_AT 3, SPSR_EL2H, el2_run_el1_pmu
    PR_COUNT "exceptions"
    PUTS    "== MDCR_EL3.TPM=1, MDCR_EL2.TPM=1: EL1 PMU accesses (EL2 first) ==\n"
    SET_MDCR2 (MDCR_HPMN_ALL | MDCR_TPM)
    MARK
    CALL_AT 3, SPSR_EL2H, el2_run_el1_pmu
    PR_COUNT "exceptions"
    SET_MDCR2 MDCR_HPMN_ALL
    PUTS    "== MDCR_EL3.TPM=1: EL0 with PMUSERENR_EL0.EN=0 (EL1 first) ==\n"
    msr     pmuserenr_el0, xzr
    isb
    MARK
    CALL_AT 3, SPSR_EL2H, el2_run_el0_short
    PR_COUNT "exceptions"
    PUTS    "== MDCR_EL3.TPM=1: EL0 with PMUSERENR_EL0.EN=1 (to EL3) ==\n"
    mov     x0, #UEN_EN
    msr     pmuserenr_el0, x0
    isb
    MARK
    CALL_AT 3, SPSR_EL2H, el2_run_el0_short
    PR_COUNT "exceptions"
    msr     mdcr_el3, xzr
    msr     pmuserenr_el0, xzr
    isb
    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ EL2: behaviour
el2_main:
    // ---------------------------------------------------- 1. PMCR_EL0
    PUTS    "== PMCR_EL0 ==\n"
    msr     pmcr_el0, xzr
    isb
    mrs     x0, pmcr_el0
    and     x1, x0, #0xffff
    PR      "pmcr_el2_15_0", x1
    ubfx    x1, x0, #11, #5
    PR      "pmcr_n_el2", x1
    mov     x0, #(PMCR_E | PMCR_P | PMCR_C | PMCR_D | PMCR_X | PMCR_DP | PMCR_LC)
    msr     pmcr_el0, x0
    mrs     x0, pmcr_el0
    and     x0, x0, #0xffff
    PR      "pmcr_after_write_7f", x0
    msr     pmcr_el0, xzr
    mrs     x0, pmcr_el0
    and     x0, x0, #0xffff
    PR      "pmcr_after_write_0", x0
    PUTS    "== PMCR_EL0.N with MDCR_EL2.HPMN=2 ==\n"
    SET_MDCR2 2
    mrs     x0, mdcr_el2
    and     x0, x0, #0x1f
    PR      "mdcr_el2_hpmn", x0
    mrs     x0, pmcr_el0
    and     x0, x0, #0xffff
    PR      "pmcr_el2_15_0", x0
    CALL_AT 2, SPSR_EL1H, el1_pmcr
    mov     x0, #UEN_EN
    msr     pmuserenr_el0, x0
    isb
    adr     x2, e0_pmcr
    CALL_AT 2, SPSR_EL1H, el1_run_el0
    adrp    x0, e0_out
    ldr     x0, [x0, :lo12:e0_out]
    and     x1, x0, #0xffff
    PR      "pmcr_el0_15_0", x1
    msr     pmuserenr_el0, xzr
    SET_MDCR2 MDCR_HPMN_ALL

    // ---------------------------------------------------- 2. read-back
    PUTS    "== PMCNTENSET/CLR ==\n"
    mov     x0, #-1
    msr     pmcntenset_el0, x0
    mrs     x1, pmcntenset_el0
    PR      "pmcntenset_all", x1
    mrs     x1, pmcntenclr_el0
    PR      "pmcntenclr_all", x1
    LI      x0, 0x80000005
    msr     pmcntenclr_el0, x0
    mrs     x1, pmcntenset_el0
    PR      "pmcntenset_after_clr", x1
    mov     x0, #-1
    msr     pmcntenclr_el0, x0
    mrs     x1, pmcntenset_el0
    PR      "pmcntenset_none", x1
    PUTS    "== PMINTENSET/CLR ==\n"
    mov     x0, #-1
    msr     pmintenset_el1, x0
    mrs     x1, pmintenset_el1
    PR      "pmintenset_all", x1
    LI      x0, 0x8000000a
    msr     pmintenclr_el1, x0
    mrs     x1, pmintenclr_el1
    PR      "pmintenclr_after_clr", x1
    mov     x0, #-1
    msr     pmintenclr_el1, x0
    mrs     x1, pmintenset_el1
    PR      "pmintenset_none", x1
    PUTS    "== PMOVSSET/CLR ==\n"
    mov     x0, #-1
    msr     pmovsclr_el0, x0
    LI      x0, 0xffffffff
    msr     pmovsset_el0, x0
    mrs     x1, pmovsset_el0
    PR      "pmovsset_all", x1
    LI      x0, 0x80000030
    msr     pmovsclr_el0, x0
    mrs     x1, pmovsclr_el0
    PR      "pmovsclr_after_clr", x1
    mov     x0, #-1
    msr     pmovsclr_el0, x0
    mrs     x1, pmovsset_el0
    PR      "pmovsset_none", x1
    PUTS    "== PMSELR, PMEVTYPER, PMCCFILTR, PMXEVTYPER, PMXEVCNTR ==\n"
    mov     x0, #-1
    msr     pmselr_el0, x0
    mrs     x1, pmselr_el0
    PR      "pmselr_all", x1
    LI      x0, 0xfc00ffff
    msr     pmevtyper0_el0, x0
    LI      x0, 0x80000011
    msr     pmevtyper1_el0, x0
    LI      x0, 0x08000008
    msr     pmevtyper2_el0, x0
    LI      x0, 0x54000000
    msr     pmevtyper3_el0, x0
    LI      x0, 0x28000023
    msr     pmevtyper4_el0, x0
    msr     pmevtyper5_el0, xzr
    .irp    n, 0, 1, 2, 3, 4, 5
    mrs     x1, pmevtyper\n\()_el0
    PR      "pmevtyper\n", x1
    .endr
    mov     x0, #-1
    msr     pmccfiltr_el0, x0
    mrs     x1, pmccfiltr_el0
    PR      "pmccfiltr_all", x1
    mov     x0, #2
    msr     pmselr_el0, x0
    isb
    LI      x0, 0x08000011
    msr     pmxevtyper_el0, x0
    mrs     x1, pmevtyper2_el0
    PR      "pmevtyper2_via_pmxevtyper", x1
    mrs     x1, pmxevtyper_el0
    PR      "pmxevtyper_sel2", x1
    mov     x0, #31
    msr     pmselr_el0, x0
    isb
    LI      x0, EVT_P
    msr     pmxevtyper_el0, x0
    mrs     x1, pmccfiltr_el0
    PR      "pmccfiltr_via_pmxevtyper", x1
    mov     x0, #4
    msr     pmselr_el0, x0
    isb
    LI      x0, 0x12345678
    msr     pmxevcntr_el0, x0
    mrs     x1, pmevcntr4_el0
    PR      "pmevcntr4_via_pmxevcntr", x1
    LI      x0, 0xdeadbeef
    msr     pmevcntr5_el0, x0
    mov     x0, #5
    msr     pmselr_el0, x0
    isb
    mrs     x1, pmxevcntr_el0
    PR      "pmxevcntr_sel5", x1
    msr     pmccfiltr_el0, xzr

    // ---------------------------------------------------- 3. PMSWINC
    PUTS    "== PMSWINC at EL1: counters 0-3 enabled, PMSWINC 0x35, 0x3, 0x3 ==\n"
    SET_EVTYPER 0
    ZERO_EVCNT
    mov     x0, #-1
    msr     pmcntenclr_el0, x0
    mov     x0, #0xf
    msr     pmcntenset_el0, x0
    mov     x0, #PMCR_E
    msr     pmcr_el0, x0
    isb
    mov     x0, #0x35
    mov     x1, #0x3
    mov     x2, #0x3
    CALL_AT 2, SPSR_EL1H, el1_swinc3
    PR_EVCNT
    PUTS    "== PMSWINC 0x3f at EL2 with PMEVTYPER.NSH=0 (filtered) ==\n"
    mov     x0, #0x3f
    msr     pmswinc_el0, x0
    PR_EVCNT
    PUTS    "== PMSWINC 0x3f at EL2 with PMEVTYPER.NSH=1 ==\n"
    SET_EVTYPER EVT_NSH
    mov     x0, #0x3f
    msr     pmswinc_el0, x0
    PR_EVCNT
    PUTS    "== PMSWINC 0x3f at EL2 with PMCR_EL0.E=0 ==\n"
    msr     pmcr_el0, xzr
    mov     x0, #0x3f
    msr     pmswinc_el0, x0
    PR_EVCNT
    PUTS    "== PMSWINC 0x3f at EL1 with PMEVTYPER.P=1 (filtered) ==\n"
    mov     x0, #PMCR_E
    msr     pmcr_el0, x0
    SET_EVTYPER EVT_P
    mov     x0, #0x3f
    mov     x1, #0
    mov     x2, #0
    CALL_AT 2, SPSR_EL1H, el1_swinc3
    PR_EVCNT

    PUTS    "== HPMN=2, HPME=0: PMSWINC 0x3f at EL2 ==\n"
    SET_EVTYPER EVT_NSH
    mov     x0, #(PMCR_E | PMCR_P)
    msr     pmcr_el0, x0
    mov     x0, #0x3f
    msr     pmcntenset_el0, x0
    SET_MDCR2 2
    mov     x0, #0x3f
    msr     pmswinc_el0, x0
    PR_EVCNT
    PUTS    "== HPMN=2, HPME=1: PMSWINC 0x3f at EL2 ==\n"
    SET_MDCR2 (2 | MDCR_HPME)
    mov     x0, #0x3f
    msr     pmswinc_el0, x0
    PR_EVCNT
    PUTS    "== HPMN=2, HPME=1, PMCR_EL0.E=0: PMSWINC 0x3f at EL2 ==\n"
    msr     pmcr_el0, xzr
    mov     x0, #0x3f
    msr     pmswinc_el0, x0
    PR_EVCNT
    PUTS    "== HPMN=2, HPME=0: PMSWINC 0x3f at EL1 ==\n"
    mov     x0, #PMCR_E
    msr     pmcr_el0, x0
    SET_MDCR2 2
    mov     x0, #0x3f
    mov     x1, #0
    mov     x2, #0
    CALL_AT 2, SPSR_EL1H, el1_swinc3
    PR_EVCNT
    PUTS    "== HPMN=2, HPME=1, HPMD=1: PMSWINC 0x3f at EL2 ==\n"
    SET_MDCR2 (2 | MDCR_HPME | MDCR_HPMD)
    mov     x0, #0x3f
    msr     pmswinc_el0, x0
    PR_EVCNT
    SET_MDCR2 MDCR_HPMN_ALL

    PUTS    "== overflow ==\n"
    mov     x0, #-1
    msr     pmovsclr_el0, x0
    msr     pmcntenclr_el0, x0
    mov     x0, #(1 << 3)
    msr     pmcntenset_el0, x0
    mov     x0, #PMCR_E
    msr     pmcr_el0, x0
    LI      x0, 0x7fffffff
    msr     pmevcntr3_el0, x0
    mov     x0, #(1 << 3)
    msr     pmswinc_el0, x0
    mrs     x1, pmevcntr3_el0
    mov     w1, w1
    PR      "pmevcntr3_from_7fffffff", x1
    mrs     x1, pmovsset_el0
    PR      "pmovsset", x1
    LI      x0, 0xffffffff
    msr     pmevcntr3_el0, x0
    mov     x0, #(1 << 3)
    msr     pmswinc_el0, x0
    mrs     x1, pmevcntr3_el0
    mov     w1, w1
    PR      "pmevcntr3_from_ffffffff", x1
    mrs     x1, pmovsset_el0
    PR      "pmovsset", x1
    mov     x0, #(1 << 3)
    msr     pmswinc_el0, x0
    mrs     x1, pmevcntr3_el0
    mov     w1, w1
    PR      "pmevcntr3_next", x1
    mov     x0, #(1 << 3)
    msr     pmovsclr_el0, x0
    mrs     x1, pmovsclr_el0
    PR      "pmovsclr_after_clear", x1

    // ---------------------------------------------------- 4. PMCR.P and .C
    PUTS    "== PMCR_EL0.P and .C (counters disabled) ==\n"
    mov     x0, #-1
    msr     pmcntenclr_el0, x0
    msr     pmcr_el0, xzr
    .irp    n, 0, 1, 2, 3, 4, 5
    mov     x0, #(0x100 + \n)
    msr     pmevcntr\n\()_el0, x0
    .endr
    LI      x0, 0x0000123456789abc
    msr     pmccntr_el0, x0
    mrs     x1, pmccntr_el0
    PR      "pmccntr_written", x1
    mov     x0, #PMCR_P
    msr     pmcr_el0, x0
    PR_EVCNT
    mrs     x1, pmccntr_el0
    PR      "pmccntr_after_p", x1
    .irp    n, 0, 1, 2, 3, 4, 5
    mov     x0, #(0x200 + \n)
    msr     pmevcntr\n\()_el0, x0
    .endr
    mov     x0, #PMCR_C
    msr     pmcr_el0, x0
    PR_EVCNT
    mrs     x1, pmccntr_el0
    PR      "pmccntr_after_c", x1
    ZERO_EVCNT

    // ---------------------------------------------------- 5. PMCCNTR
    PUTS    "== PMCCNTR_EL0 counting at EL2 (PMCCFILTR.NSH=1) ==\n"
    LI      x0, EVT_NSH
    msr     pmccfiltr_el0, x0
    mov     x0, #(PMCR_E | PMCR_LC | PMCR_C)
    msr     pmcr_el0, x0
    LI      x0, 0x80000000
    msr     pmcntenset_el0, x0
    isb
    mrs     x19, pmccntr_el0
    bl      spin
    mrs     x20, pmccntr_el0
    cmp     x20, x19
    cset    x0, hs
    PR      "second_read_not_below_first", x0
    cset    x0, hi
    PR      "second_read_above_first", x0
    mov     x0, #(PMCR_E | PMCR_LC | PMCR_C)
    msr     pmcr_el0, x0
    mrs     x21, pmccntr_el0
    cmp     x21, x20
    cset    x0, lo
    PR      "after_pmcr_c_below_previous", x0
    PUTS    "== PMCCNTR_EL0 at EL2 with PMCCFILTR.NSH=0 (filtered) ==\n"
    msr     pmccfiltr_el0, xzr
    isb
    mrs     x19, pmccntr_el0
    bl      spin
    mrs     x20, pmccntr_el0
    cmp     x20, x19
    cset    x0, eq
    PR      "frozen", x0
    PUTS    "== PMCCNTR_EL0 at EL2 with PMCR_EL0.E=0 ==\n"
    LI      x0, EVT_NSH
    msr     pmccfiltr_el0, x0
    mov     x0, #PMCR_LC
    msr     pmcr_el0, x0
    isb
    mrs     x19, pmccntr_el0
    bl      spin
    mrs     x20, pmccntr_el0
    cmp     x20, x19
    cset    x0, eq
    PR      "frozen", x0
    msr     pmccfiltr_el0, xzr
    msr     pmcr_el0, xzr
    mov     x0, #-1
    msr     pmcntenclr_el0, x0
    msr     pmovsclr_el0, x0
    isb

    // ---------------------------------------------------- 6. CNTVCT/CNTPCT
    PUTS    "== CNTPCT_EL0 at EL2 ==\n"
    mrs     x19, cntpct_el0
    bl      spin
    mrs     x20, cntpct_el0
    cmp     x20, x19
    cset    x0, hi
    PR      "cntpct_advances", x0
    LI      x0, CNTVOFF_BIG
    msr     cntvoff_el2, x0
    isb
    mrs     x0, cntvoff_el2
    PR      "cntvoff_el2", x0
    PUTS    "== CNTPCT - CNTVCT at EL2, E2H=0 ==\n"
    bl      count_diff
    IN_RANGE x1, x0, CNTVOFF_BIG
    PR      "diff_is_cntvoff", x1
    PUTS    "== CNTPCT - CNTVCT at EL1 ==\n"
    CALL_AT 2, SPSR_EL1H, el1_count_diff
    IN_RANGE x1, x0, CNTVOFF_BIG
    PR      "diff_is_cntvoff", x1
    PUTS    "== CNTPCT - CNTVCT at EL0 ==\n"
    mov     x0, #3
    msr     cntkctl_el1, x0
    isb
    adr     x2, e0_count_diff
    CALL_AT 2, SPSR_EL1H, el1_run_el0
    adrp    x0, e0_out
    ldr     x0, [x0, :lo12:e0_out]
    IN_RANGE x1, x0, CNTVOFF_BIG
    PR      "diff_is_cntvoff", x1
    msr     cntkctl_el1, xzr
    PUTS    "== CNTPCT - CNTVCT at EL2, E2H=1 (no offset) ==\n"
    LI      x0, (HCR_RW | (1 << 34))
    msr     hcr_el2, x0
    isb
    bl      count_diff
    IN_RANGE x1, x0, 0
    PR      "diff_is_zero", x1
    PUTS    "== CNTPCT - CNTVCT at EL1, E2H=1 ==\n"
    mov     x0, #(1 << 10)                  // CNTHCTL_EL2.EL1PCTEN (E2H = 1)
    msr     cnthctl_el2, x0
    isb
    CALL_AT 2, SPSR_EL1H, el1_count_diff
    IN_RANGE x1, x0, CNTVOFF_BIG
    PR      "diff_is_cntvoff", x1
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    mov     x0, #1
    msr     cnthctl_el2, x0
    msr     cntvoff_el2, xzr
    isb
    RET_SMC

// spin: about 2^20 loop iterations (clobbers x9).
spin:
    mov     x9, #(1 << 20)
1:  sub     x9, x9, #1
    cbnz    x9, 1b
    ret

// count_diff: x0 = the least of 16 samples of CNTPCT - CNTVCT, CNTVCT read
// first (so each is at least the offset; the least is robust against the host
// descheduling QEMU between the two reads); clobbers x1-x3.
count_diff:
    mov     x3, #16
    mov     x1, #-1
1:  isb
    mrs     x2, cntvct_el0
    mrs     x0, cntpct_el0
    sub     x0, x0, x2
    cmp     x0, x1
    csel    x1, x0, x1, lo
    subs    x3, x3, #1
    b.ne    1b
    mov     x0, x1
    ret

// ------------------------------------------------------------ EL2: traps
el2_traps:
    // PMU registers at EL0: counter 0 counts SW_INCR at EL0 (to show which
    // PMSWINC writes happen), counter 1 holds 0x1111 (read via PMSELR = 1).
    SET_EVTYPER 0
    mov     x0, #PMCR_E
    msr     pmcr_el0, x0
    mov     x0, #1
    msr     pmcntenset_el0, x0
    bl      e0_pmu_reset
    EL0_CASE "EL0, PMUSERENR_EL0=0", 0, 0, e0_pmu
    bl      pr_e0_pmu
    EL0_CASE "EL0, PMUSERENR_EL0.CR=1", UEN_CR, 0, e0_pmu
    bl      pr_e0_pmu
    EL0_CASE "EL0, PMUSERENR_EL0.ER=1", UEN_ER, 0, e0_pmu
    bl      pr_e0_pmu
    EL0_CASE "EL0, PMUSERENR_EL0.SW=1", UEN_SW, 0, e0_pmu
    bl      pr_e0_pmu
    EL0_CASE "EL0, PMUSERENR_EL0.EN=1", UEN_EN, 0, e0_pmu
    bl      pr_e0_pmu
    EL0_CASE "EL0, PMUSERENR_EL0=0xf", 0xf, 0, e0_pmu
    bl      pr_e0_pmu
    msr     pmuserenr_el0, xzr
    msr     pmcr_el0, xzr
    mov     x0, #-1
    msr     pmcntenclr_el0, x0

    // MDCR_EL2.TPM and TPMCR
    SET_MDCR2 (MDCR_HPMN_ALL | MDCR_TPM)
    EL1_CASE "MDCR_EL2.TPM=1: EL1 PMU accesses (to EL2)", el1_pmu_accesses
    EL0_CASE "MDCR_EL2.TPM=1: EL0, PMUSERENR_EL0.EN=1 (to EL2)", UEN_EN, 0, e0_pmu_short
    EL0_CASE "MDCR_EL2.TPM=1: EL0, PMUSERENR_EL0=0 (EL1 first; PMUSERENR read to EL2)", 0, 0, e0_pmu_short
    SET_MDCR2 (MDCR_HPMN_ALL | MDCR_TPMCR)
    EL1_CASE "MDCR_EL2.TPMCR=1: EL1 PMU accesses other than PMCR_EL0", el1_pmu_accesses_nopmcr
    EL0_CASE "MDCR_EL2.TPMCR=1: EL0 PMU accesses other than PMCR_EL0, PMUSERENR_EL0.EN=1", UEN_EN, 0, e0_pmu_short_nopmcr
    SET_MDCR2 MDCR_HPMN_ALL
    EL1_CASE "MDCR_EL2.TPM=0: EL1 PMU accesses", el1_pmu_accesses
    msr     pmuserenr_el0, xzr
    isb

    // Counter access controls
    EL0_CASE "EL0, CNTKCTL_EL1=0", 0, 0, e0_counters
    EL0_CASE "EL0, CNTKCTL_EL1.EL0PCTEN=1", 0, 1, e0_counters
    EL0_CASE "EL0, CNTKCTL_EL1.EL0VCTEN=1", 0, 2, e0_counters
    EL0_CASE "EL0, CNTKCTL_EL1.EL0PCTEN=EL0VCTEN=1", 0, 3, e0_counters
    msr     cnthctl_el2, xzr
    isb
    EL1_CASE "EL1, CNTHCTL_EL2=0, E2H=0 (CNTPCT to EL2)", el1_counters
    EL0_CASE "EL0, CNTHCTL_EL2=0, E2H=0, CNTKCTL_EL1=3 (CNTPCT to EL2)", 0, 3, e0_counters
    EL0_CASE "EL0, CNTHCTL_EL2=0, E2H=0, CNTKCTL_EL1=0 (EL1 first)", 0, 0, e0_counters
    mov     x0, #1
    msr     cnthctl_el2, x0
    isb
    EL1_CASE "EL1, CNTHCTL_EL2.EL1PCTEN=1, E2H=0", el1_counters
    mov     x0, #3                          // CNTKCTL_EL1 before E2H = 1 (which
    msr     cntkctl_el1, x0                 // redirects it to CNTHCTL_EL2 at EL2)
    LI      x0, (HCR_RW | (1 << 34))
    msr     hcr_el2, x0
    isb
    EL1_CASE "EL1, E2H=1, CNTHCTL_EL2=1 (bit 10 clear: CNTPCT to EL2)", el1_counters
    EL0_RUN "EL0, E2H=1, CNTHCTL_EL2=1, CNTKCTL_EL1=3 (CNTPCT to EL2)", e0_counters
    mov     x0, #(1 << 10)
    msr     cnthctl_el2, x0
    isb
    EL1_CASE "EL1, E2H=1, CNTHCTL_EL2.EL1PCTEN=1 (bit 10)", el1_counters
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    mov     x0, #1
    msr     cnthctl_el2, x0
    msr     cntkctl_el1, xzr
    isb
    RET_SMC

// pr_e0_pmu: print what e0_pmu recorded, and PMEVCNTR0/PMSELR (reset them).
pr_e0_pmu:
    stp     x0, x30, [sp, #-16]!
    adrp    x0, e0_out
    add     x0, x0, :lo12:e0_out
    ldr     x1, [x0]
    PR      "   e0_pmuserenr", x1
    ldr     x1, [x0, #8]
    and     x1, x1, #0xffff
    PR      "   e0_pmcr_15_0", x1
    ldr     x1, [x0, #16]
    PR      "   e0_pmselr", x1
    ldr     x1, [x0, #24]
    PR      "   e0_pmevcntr1", x1
    ldr     x1, [x0, #32]
    PR      "   e0_pmxevcntr", x1
    mrs     x1, pmevcntr0_el0
    PR      "   pmevcntr0", x1
    mrs     x1, pmevcntr1_el0
    PR      "   pmevcntr1", x1
    mrs     x1, pmselr_el0
    PR      "   pmselr", x1
    ldp     x0, x30, [sp], #16
// e0_pmu_reset: PMEVCNTR0 = 0, PMEVCNTR1 = 0x1111, PMSELR = 1 (clobbers x1).
e0_pmu_reset:
    msr     pmevcntr0_el0, xzr
    LI      x1, 0x1111
    msr     pmevcntr1_el0, x1
    mov     x1, #1
    msr     pmselr_el0, x1
    isb
    ret

el2_pmu_accesses:
    PMU_ACCESSES
    RET_SMC

// From EL3: EL2 runs el1_pmu_accesses at EL1.
el2_run_el1_pmu:
    CALL_AT 2, SPSR_EL1H, el1_pmu_accesses
    RET_SMC

// From EL3: EL2 runs e0_pmu_short at EL0 (PMUSERENR_EL0 set by EL3).
el2_run_el0_short:
    adr     x2, e0_pmu_short
    CALL_AT 2, SPSR_EL1H, el1_run_el0
    RET_SMC

// ------------------------------------------------------------ EL1
// el1_run_el0: run the EL0 routine at x2 (e0_out cleared first).
el1_run_el0:
    adrp    x0, e0_out
    add     x0, x0, :lo12:e0_out
    stp     xzr, xzr, [x0]
    stp     xzr, xzr, [x0, #16]
    stp     xzr, xzr, [x0, #32]
    mov     x16, x2
    LI      x17, SPSR_EL0T
    bl      el1_call
    RET_HVC

el1_pmcr:
    mrs     x0, pmcr_el0
    and     x1, x0, #0xffff
    PR      "pmcr_el1_15_0", x1
    ubfx    x1, x0, #11, #5
    PR      "pmcr_n_el1", x1
    RET_HVC

// el1_swinc3: PMSWINC_EL0 = x0, x1, x2 in turn.
el1_swinc3:
    msr     pmswinc_el0, x0
    msr     pmswinc_el0, x1
    msr     pmswinc_el0, x2
    RET_HVC

el1_count_diff:
    bl      count_diff
    RET_HVC

el1_pmu_accesses:
    PMU_ACCESSES
    RET_HVC

el1_pmu_accesses_nopmcr:
    PMU_ACCESSES 0
    RET_HVC

el1_counters:
    mrs     x1, cntpct_el0
    mrs     x2, cntvct_el0
    RET_HVC

// ------------------------------------------------------------ EL0
// Results go to e0_out (EL0 cannot print).
e0_pmcr:
    mrs     x0, pmcr_el0
    adrp    x1, e0_out
    str     x0, [x1, :lo12:e0_out]
    RET_SVC

e0_count_diff:
    bl      count_diff
    adrp    x1, e0_out
    str     x0, [x1, :lo12:e0_out]
    RET_SVC

// e0_pmu: reads (slots: PMUSERENR, PMCR, PMSELR, PMEVCNTR1, PMXEVCNTR), then
// writes (PMEVCNTR0 = 0x10, PMSELR = 3, PMSWINC = 1, PMCCNTR), then the
// UNDEFINED ones.
e0_pmu:
    adrp    x9, e0_out
    add     x9, x9, :lo12:e0_out
    mov     x1, #0
    mrs     x1, pmuserenr_el0
    str     x1, [x9]
    mov     x1, #0
    mrs     x1, pmcr_el0
    str     x1, [x9, #8]
    mov     x1, #0
    mrs     x1, pmselr_el0
    str     x1, [x9, #16]
    mov     x1, #0
    mrs     x1, pmevcntr1_el0
    str     x1, [x9, #24]
    mov     x1, #0
    mrs     x1, pmxevcntr_el0
    str     x1, [x9, #32]
    mrs     x2, pmccntr_el0
    mrs     x3, pmxevtyper_el0
    mrs     x4, pmceid0_el0
    mrs     x5, pmcntenset_el0
    mov     x1, #0x10
    msr     pmevcntr0_el0, x1
    mov     x1, #3
    msr     pmselr_el0, x1
    mov     x1, #1
    msr     pmswinc_el0, x1
    msr     pmccntr_el0, xzr
    msr     pmuserenr_el0, xzr
    mrs     x6, pmintenset_el1
    mrs     x7, s3_3_c9_c12_4              // PMSWINC_EL0 (write-only)
    RET_SVC

e0_pmu_short:
    mrs     x4, pmcr_el0
e0_pmu_short_nopmcr:
    mrs     x1, pmccntr_el0
    mov     x2, #0
    msr     pmswinc_el0, x2
    mrs     x3, pmuserenr_el0
    RET_SVC

e0_counters:
    mrs     x1, cntpct_el0
    mrs     x2, cntvct_el0
    mrs     x3, cntfrq_el0
    RET_SVC

    .pushsection .bss.pmu, "aw", %nobits
    .balign 16
e0_out:
    .skip   64
    .popsection
