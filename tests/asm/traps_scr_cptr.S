// traps_scr_cptr.S - WFI trapped by SCR_EL3.TWI, and the FP/SIMD access
// traps CPACR_EL1.FPEN, CPTR_EL2.TFP and CPTR_EL3.TFP with their priorities
// (MMU off).
//
// WFI (EC 0x01, ISS CV=1 COND=0xE TI=0): SCR_EL3.TWI traps it at EL0, EL1
// and EL2 to EL3; SCTLR_EL1.nTWI=0 (EL0) and HCR_EL2.TWI (EL0/EL1) win
// over it. Every trapped WFI runs with no interrupt pending.
//
// FP/SIMD (EC 0x07, ISS CV=1 COND=0xE: ESR 0x1fe00000): each case runs
// `fmov d0, x1`, `mov v0.16b, v1.16b` and `ldr q0, [x2]` at one EL with the
// given CPACR_EL1.FPEN / CPTR_EL2.TFP / CPTR_EL3.TFP; the first control that
// applies, in the order CPACR_EL1 (to EL1) > CPTR_EL2 (to EL2) > CPTR_EL3
// (to EL3), takes the trap; CPACR_EL1.FPEN=0b01 traps EL0 only. With
// HCR_EL2.TGE=1 a CPACR_EL1 trap from EL0 goes to EL2 as EC 0x00 (UNKNOWN
// reason), not 0x07. Every case has at least one trap that applies: no FP/
// SIMD instruction is ever executed.
//
// Not here, because QEMU 10 differs from the Arm ARM: SCR_EL3.TWE (QEMU
// never traps WFE).

    .include "semihost.inc"
    .include "el.inc"

// SCR_WFI name, scr, hcr, sctlr, spsr, func: SCR_EL3 = scr, HCR_EL2 =
// RW | hcr, SCTLR_EL1 = default | sctlr, then CALL_AT 3, spsr, func.
.macro SCR_WFI name, scr, hcr, sctlr, spsr, func
    PUTS    "== \name ==\n"
    LI      x0, \scr
    msr     scr_el3, x0
    LI      x0, HCR_RW | (\hcr)
    msr     hcr_el2, x0
    LI      x0, SCTLR_EL1_DEFAULT | (\sctlr)
    msr     sctlr_el1, x0
    isb
    adr     x1, e0_wfi
    MARK
    CALL_AT 3, \spsr, \func
    PR_COUNT "exceptions"
    LI      x0, SCR_DEFAULT
    msr     scr_el3, x0
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    LI      x0, SCTLR_EL1_DEFAULT
    msr     sctlr_el1, x0
    isb
.endm

// FP_SET cpacr, cptr2, cptr3: CPACR_EL1 = cpacr, CPTR_EL2 = default | cptr2,
// CPTR_EL3 = cptr3 (at EL3).
.macro FP_SET cpacr, cptr2, cptr3
    LI      x0, \cpacr
    msr     cpacr_el1, x0
    LI      x0, CPTR_EL2_DEFAULT | (\cptr2)
    msr     cptr_el2, x0
    LI      x0, \cptr3
    msr     cptr_el3, x0
    isb
.endm

// FP_AT name, el, cpacr, cptr2, cptr3: the FP/SIMD instructions at ELel.
.macro FP_AT name, el, cpacr, cptr2, cptr3
    PUTS    "== \name ==\n"
    FP_SET  \cpacr, \cptr2, \cptr3
    MARK
    .if \el == 3
    bl      fp_ops
    .elseif \el == 2
    CALL_AT 3, SPSR_EL2H, el2_fp
    .elseif \el == 1
    CALL_AT 3, SPSR_EL1H, el1_fp
    .else
    adr     x1, e0_fp
    CALL_AT 3, SPSR_EL1H, el1_run_el0
    .endif
    PR_COUNT "exceptions"
    FP_SET  0, 0, 0
.endm

// FP_TGE name, cpacr, cptr2, cptr3: EL0 FP/SIMD with HCR_EL2.TGE=1.
.macro FP_TGE name, cpacr, cptr2, cptr3
    PUTS    "== \name ==\n"
    FP_SET  \cpacr, \cptr2, \cptr3
    LI      x0, HCR_RW | HCR_TGE
    msr     hcr_el2, x0
    isb
    adr     x1, e0_fp
    MARK
    CALL_AT 3, SPSR_EL2H, el2_run_el0
    PR_COUNT "exceptions"
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    FP_SET  0, 0, 0
.endm

    .text
    .global _start
_start:
    SETUP
    EL_INIT

// ------------------------------------------------------------ WFI
    SCR_WFI "SCR_EL3.TWI=1: WFI at EL2 (to EL3)", SCR_DEFAULT | SCR_TWI, 0, 0, SPSR_EL2H, el2_wfi
    SCR_WFI "SCR_EL3.TWI=1: WFI at EL1 (to EL3)", SCR_DEFAULT | SCR_TWI, 0, 0, SPSR_EL1H, el1_wfi
    SCR_WFI "SCR_EL3.TWI=1, HCR_EL2.TWI=1: WFI at EL1 (EL2 wins)", SCR_DEFAULT | SCR_TWI, HCR_TWI, 0, SPSR_EL1H, el1_wfi
    SCR_WFI "SCR_EL3.TWI=1, nTWI=1: WFI at EL0 (to EL3)", SCR_DEFAULT | SCR_TWI, 0, SCTLR_nTWI, SPSR_EL1H, el1_run_el0
    SCR_WFI "SCR_EL3.TWI=1, nTWI=1, HCR_EL2.TWI=1: WFI at EL0 (EL2 wins)", SCR_DEFAULT | SCR_TWI, HCR_TWI, SCTLR_nTWI, SPSR_EL1H, el1_run_el0
    SCR_WFI "SCR_EL3.TWI=1, nTWI=0: WFI at EL0 (EL1 wins)", SCR_DEFAULT | SCR_TWI, HCR_TWI, 0, SPSR_EL1H, el1_run_el0

// ------------------------------------------------------------ FP/SIMD
    FP_AT   "EL1, CPACR_EL1.FPEN=00 (to EL1)", 1, 0, 0, 0
    FP_AT   "EL0, CPACR_EL1.FPEN=00 (to EL1)", 0, 0, 0, 0
    FP_AT   "EL0, CPACR_EL1.FPEN=10 (to EL1)", 0, (2 << 20), 0, 0
    FP_AT   "EL0, CPACR_EL1.FPEN=01 (to EL1)", 0, CPACR_FPEN_EL0, 0, 0
    FP_AT   "EL1, FPEN=01 (EL1 not trapped), CPTR_EL2.TFP=1 (to EL2)", 1, CPACR_FPEN_EL0, CPTR_TFP, 0
    FP_AT   "EL1, FPEN=11, CPTR_EL2.TFP=1 (to EL2)", 1, CPACR_FPEN_NONE, CPTR_TFP, 0
    FP_AT   "EL0, FPEN=11, CPTR_EL2.TFP=1 (to EL2)", 0, CPACR_FPEN_NONE, CPTR_TFP, 0
    FP_AT   "EL2, CPTR_EL2.TFP=1 (to EL2)", 2, 0, CPTR_TFP, 0
    FP_AT   "EL3, CPTR_EL3.TFP=1 (to EL3)", 3, 0, 0, CPTR_TFP
    FP_AT   "EL2, CPTR_EL3.TFP=1 (to EL3)", 2, 0, 0, CPTR_TFP
    FP_AT   "EL1, FPEN=11, CPTR_EL3.TFP=1 (to EL3)", 1, CPACR_FPEN_NONE, 0, CPTR_TFP
    FP_AT   "EL0, FPEN=11, CPTR_EL3.TFP=1 (to EL3)", 0, CPACR_FPEN_NONE, 0, CPTR_TFP
    FP_AT   "EL1, all three trap (EL1 wins)", 1, 0, CPTR_TFP, CPTR_TFP
    FP_AT   "EL0, all three trap (EL1 wins)", 0, 0, CPTR_TFP, CPTR_TFP
    FP_AT   "EL1, FPEN=11, CPTR_EL2.TFP and CPTR_EL3.TFP (EL2 wins)", 1, CPACR_FPEN_NONE, CPTR_TFP, CPTR_TFP
    FP_AT   "EL0, FPEN=11, CPTR_EL2.TFP and CPTR_EL3.TFP (EL2 wins)", 0, CPACR_FPEN_NONE, CPTR_TFP, CPTR_TFP
    FP_AT   "EL2, CPTR_EL2.TFP and CPTR_EL3.TFP (EL2 wins)", 2, 0, CPTR_TFP, CPTR_TFP
    FP_TGE  "EL0, TGE=1, FPEN=00 (to EL2 as EC 0x00)", 0, 0, 0
    FP_TGE  "EL0, TGE=1, FPEN=01 (to EL2 as EC 0x00)", CPACR_FPEN_EL0, 0, 0
    FP_TGE  "EL0, TGE=1, FPEN=00, CPTR_EL2.TFP and CPTR_EL3.TFP (EL2, EC 0x00)", 0, CPTR_TFP, CPTR_TFP
    FP_TGE  "EL0, TGE=1, FPEN=11, CPTR_EL2.TFP=1 (to EL2, EC 0x07)", CPACR_FPEN_NONE, CPTR_TFP, 0
    FP_TGE  "EL0, TGE=1, FPEN=11, CPTR_EL3.TFP=1 (to EL3)", CPACR_FPEN_NONE, 0, CPTR_TFP

    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ routines
// fp_ops: the FP/SIMD instructions; each one must be trapped (skipped).
fp_ops:
    adrp    x2, fp_buf
    add     x2, x2, :lo12:fp_buf
    fmov    d0, x1
    mov     v0.16b, v1.16b
    ldr     q0, [x2]
    ret

el2_fp:
    bl      fp_ops
    RET_SMC

el1_fp:
    bl      fp_ops
    RET_SMC

e0_fp:
    bl      fp_ops
    RET_SVC

el2_wfi:
    wfi
    RET_SMC

el1_wfi:
    wfi
    RET_SMC

e0_wfi:
    wfi
    RET_SVC

// el1_run_el0 / el2_run_el0: run the EL0 routine at x1, then back to EL3.
el1_run_el0:
    mov     x16, x1
    LI      x17, SPSR_EL0T
    bl      el1_call
    RET_SMC

el2_run_el0:
    mov     x16, x1
    LI      x17, SPSR_EL0T
    bl      el2_call
    RET_SMC

    .bss
    .balign 16
fp_buf:
    .skip   16
