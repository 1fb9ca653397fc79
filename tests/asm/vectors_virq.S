// vectors_virq.S - virtual interrupts from HCR_EL2.VI/VF/VSE (MMU off).
//
// A virtual IRQ/FIQ/SError is pending when HCR_EL2.IMO/FMO/AMO and VI/VF/VSE
// are both 1 (and TGE=0); it is taken only at EL0/EL1, always to EL1, when
// PSTATE.I/F/A is 0 there: at VBAR_EL1 + 0x080/0x100/0x180 from EL1t,
// + 0x280/0x300/0x380 from EL1h, + 0x480/0x500/0x580 from EL0. ELR is the
// first instruction not executed: the target of the ERET that unmasked it,
// or the instruction after the MSR DAIFClr that unmasked it. IRQ/FIQ do not
// write ESR (the handler does not print it); a vSError writes ESR_EL1 =
// EC 0x2F, IL=1, ISS = VSESR_EL2[24:0] (IDS and ISS; only values with no
// RES0 bit set are used), and taking it clears HCR_EL2.VSE.
// VI/VF stay set: the EL1 handler returns with SPSR.I/F set (masked).
// ISR_EL1 shows the pending virtual interrupts (I bit 7, F bit 6, A bit 8)
// while they are masked. Not taken: with PSTATE.I/F/A=1, with IMO/FMO/AMO=0,
// at EL2, with HCR_EL2.TGE=1. The physical routing bits (SCR_EL3.IRQ/FIQ/EA,
// HCR_EL2.IMO/FMO/AMO) with no interrupt source take nothing.

    .include "semihost.inc"
    .include "el.inc"

// VIRT name, hcr, spsr, func: from EL2 with HCR_EL2 = RW | hcr, run func
// (EL1) with the given SPSR; count the exceptions.
.macro VIRT name, hcr, spsr, func
    PUTS    "== \name ==\n"
    LI      x0, HCR_RW | (\hcr)
    msr     hcr_el2, x0
    isb
    MARK
    CALL_AT 2, \spsr, \func
    PR_COUNT "exceptions"
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
.endm

// VIRT0 name, hcr, spsr: from EL2 with HCR_EL2 = RW | hcr, EL1 runs e0_body
// at EL0 with the given SPSR.
.macro VIRT0 name, hcr, spsr
    PUTS    "== \name ==\n"
    LI      x0, HCR_RW | (\hcr)
    msr     hcr_el2, x0
    isb
    LI      x0, \spsr
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

    PUTS    "== physical routing bits, no interrupt source, EL3 unmasked ==\n"
    LI      x0, SCR_DEFAULT | SCR_IRQ | SCR_FIQ | SCR_EA
    msr     scr_el3, x0
    isb
    MARK
    msr     daifclr, #0xf
    nop
    isb
    msr     daifset, #0xf
    PR_COUNT "exceptions"
    LI      x0, SCR_DEFAULT
    msr     scr_el3, x0
    isb
    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ EL2
el2_main:
    // vIRQ
    VIRT    "vIRQ: ERET to EL1h with I=0 (0x280, ELR = ERET target)", HCR_IMO | HCR_VI, 0x345, el1_body
    VIRT    "vIRQ: ERET to EL1t with I=0 (0x080)", HCR_IMO | HCR_VI, 0x344, el1_body
    VIRT0   "vIRQ: EL0 with I=0 (0x480)", HCR_IMO | HCR_VI, 0x340
    VIRT    "vIRQ: EL1 MSR DAIFClr #2 (ELR = after the MSR)", HCR_IMO | HCR_VI, SPSR_EL1H, el1_unmask_i
    VIRT    "vIRQ: EL1 with I=1 (masked, ISR_EL1.I=1)", HCR_IMO | HCR_VI, SPSR_EL1H, el1_isr
    VIRT    "vIRQ: VI=1, IMO=0 (not pending)", HCR_VI, 0x345, el1_isr
    VIRT    "vIRQ: IMO=1, VI=0 (not pending)", HCR_IMO, 0x345, el1_isr
    PUTS    "== vIRQ: at EL2 with I=0 (virtual interrupts are not taken at EL2) ==\n"
    LI      x0, HCR_RW | HCR_IMO | HCR_VI | HCR_FMO | HCR_VF | HCR_AMO | HCR_VSE
    msr     hcr_el2, x0
    isb
    MARK
    msr     daifclr, #0x7
    nop
    isb
    msr     daifset, #0x7
    PR_COUNT "exceptions"
    mrs     x0, hcr_el2
    and     x0, x0, #(HCR_VI | HCR_VF | HCR_VSE)
    PR      "hcr_vi_vf_vse", x0
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    PUTS    "== vIRQ/vFIQ/vSError: EL0 unmasked with HCR_EL2.TGE=1 (not taken) ==\n"
    LI      x0, HCR_RW | HCR_TGE | HCR_IMO | HCR_VI | HCR_FMO | HCR_VF | HCR_AMO | HCR_VSE
    msr     hcr_el2, x0
    isb
    MARK
    CALL_AT 2, 0x000, e0_tge
    PR_COUNT "exceptions"
    mrs     x0, hcr_el2
    and     x0, x0, #(HCR_VI | HCR_VF | HCR_VSE)
    PR      "hcr_vi_vf_vse", x0
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb

    // vFIQ
    VIRT    "vFIQ: ERET to EL1h with F=0 (0x300)", HCR_FMO | HCR_VF, 0x385, el1_body
    VIRT    "vFIQ: ERET to EL1t with F=0 (0x100)", HCR_FMO | HCR_VF, 0x384, el1_body
    VIRT0   "vFIQ: EL0 with F=0 (0x500)", HCR_FMO | HCR_VF, 0x380
    VIRT    "vFIQ: EL1 MSR DAIFClr #1", HCR_FMO | HCR_VF, SPSR_EL1H, el1_unmask_f
    VIRT    "vFIQ: EL1 with F=1 (masked, ISR_EL1.F=1)", HCR_FMO | HCR_VF, SPSR_EL1H, el1_isr
    VIRT    "vFIQ: VF=1, FMO=0 (not pending)", HCR_VF, 0x385, el1_isr
    VIRT    "vIRQ and vFIQ pending, only F unmasked (vFIQ taken)", HCR_IMO | HCR_VI | HCR_FMO | HCR_VF, 0x385, el1_isr
    VIRT    "vIRQ and vFIQ pending, only I unmasked (vIRQ taken)", HCR_IMO | HCR_VI | HCR_FMO | HCR_VF, 0x345, el1_isr

    // vSError
    LI      x0, 0x00001811
    msr     vsesr_el2, x0
    VIRT    "vSError: ERET to EL1h with A=0 (0x380, VSESR_EL2 = 0x1811: AET=CE, DFSC=0x11)", HCR_AMO | HCR_VSE, 0x2c5, el1_body_vse
    LI      x0, 0x01000abc
    msr     vsesr_el2, x0
    VIRT    "vSError: ERET to EL1t with A=0 (0x180, VSESR_EL2 = 0x01000abc: IDS=1)", HCR_AMO | HCR_VSE, 0x2c4, el1_body_vse
    LI      x0, 0x00000011
    msr     vsesr_el2, x0
    VIRT0   "vSError: EL0 with A=0 (0x580, VSESR_EL2 = 0x11)", HCR_AMO | HCR_VSE, 0x2c0
    mrs     x0, hcr_el2
    PR      "hcr_after", x0
    msr     vsesr_el2, xzr
    VIRT    "vSError: EL1 with A=1 (masked, ISR_EL1.A=1), then MSR DAIFClr #4", HCR_AMO | HCR_VSE, SPSR_EL1H, el1_unmask_a
    VIRT    "vSError: VSE=1, AMO=0 (not pending)", HCR_VSE, 0x2c5, el1_isr

    PUTS    "== physical routing bits, no interrupt source, EL1 and EL2 unmasked ==\n"
    // (EL3 sets SCR_EL3.IRQ/FIQ/EA afterwards, in _start)
    LI      x0, HCR_RW | HCR_IMO | HCR_FMO | HCR_AMO
    msr     hcr_el2, x0
    isb
    MARK
    CALL_AT 2, 0x005, el1_isr
    msr     daifclr, #0xf
    nop
    isb
    msr     daifset, #0xf
    PR_COUNT "exceptions"
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    RET_SMC

// ------------------------------------------------------------ EL1
// el1_body: the target of the ERET (a pending unmasked interrupt is taken
// before its first instruction); prints ISR_EL1 and DAIF afterwards.
el1_body:
    nop
    mrs     x0, isr_el1
    PR      "isr_el1", x0
    mrs     x0, daif
    PR      "daif_after", x0
    RET_HVC

el1_body_vse:
    nop
    mrs     x0, isr_el1
    PR      "isr_el1", x0
    mrs     x0, esr_el1
    PR      "esr_el1", x0
    RET_HVC

el1_isr:
    mrs     x0, isr_el1
    PR      "isr_el1", x0
    mrs     x0, daif
    PR      "daif", x0
    msr     daifset, #0xf
    RET_HVC

el1_unmask_i:
    mrs     x0, isr_el1
    PR      "isr_el1_masked", x0
    msr     daifclr, #2
    nop
    mrs     x0, daif
    PR      "daif_after", x0
    RET_HVC

el1_unmask_f:
    mrs     x0, isr_el1
    PR      "isr_el1_masked", x0
    msr     daifclr, #1
    nop
    mrs     x0, daif
    PR      "daif_after", x0
    RET_HVC

el1_unmask_a:
    mrs     x0, isr_el1
    PR      "isr_el1_masked", x0
    msr     daifclr, #4
    nop
    mrs     x0, isr_el1
    PR      "isr_el1_after", x0
    mrs     x0, daif
    PR      "daif_after", x0
    RET_HVC

// el1_run_el0: run e0_body at EL0 with SPSR = x0.
el1_run_el0:
    adr     x16, e0_body
    mov     x17, x0
    bl      el1_call
    mrs     x0, isr_el1
    PR      "isr_el1_after_el0", x0
    RET_HVC

// ------------------------------------------------------------ EL0
e0_body:
    nop
    nop
    RET_SVC

e0_tge:
    nop
    nop
    RET_SVC
