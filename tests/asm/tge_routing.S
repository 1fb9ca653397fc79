// tge_routing.S - HCR_EL2.TGE=1 with E2H=0 (not a VHE host).
//
// 1. EL0 exceptions are taken to EL2 (VBAR_EL2 + 0x400), not EL1: SVC
//    (EC 0x15), UDF, HVC and SMC at EL0, MRS SCTLR_EL1 at EL0 (all EC 0x00),
//    BRK (EC 0x3c), and MRS DAIF / MSR DAIF at EL0 with SCTLR_EL1.UMA=0
//    (EC 0x18 trap to EL2; SCTLR_EL1 still governs EL0 when E2H=0). The
//    trapped MSR DAIFSet (immediate) is left out: QEMU 10 reports it with
//    ISS Op1 and Op2 swapped (Op1=6, Op2=3; daif_check() in op_helper.c).
//    The
//    EL1 registers ESR_EL1/ELR_EL1/SPSR_EL1 are left alone. With
//    SCTLR_EL1.UMA=1 EL0 may use DAIF.
// 2. ERET from EL2 with an illegal SPSR_EL2: target EL1 while TGE=1, target
//    EL3 (above the current EL), M[1]=1, EL0 with M[0]=1 (EL0h). Each
//    sets PSTATE.IL, stays at EL2h, restores NZCV and DAIF from the SPSR and
//    branches to ELR_EL2, where the first instruction takes an Illegal
//    Execution state exception (EC 0x0e, IL=1) to EL2, current EL with
//    SP_ELx (VBAR_EL2 + 0x200); SPSR_EL2 then has IL (bit 20) set and M=EL2h.
// 3. With TGE=0 the same ERET to EL1 is legal (EL1 calls HVC to finish).

    .include "semihost.inc"
    .include "hyp.inc"

    .text
    .global _start
_start:
    SETUP
    HYP_EL3_INIT SCR_NVHE
    DROP_EL3 (SPSR_DAIF | SPSR_EL2H), el2_entry

el2_entry:
    LA      x0, el2_vectors
    msr     vbar_el2, x0
    LA      x0, el1_vectors
    msr     vbar_el1, x0
    mov     x0, #0x1111                     // markers in the EL1 registers
    msr     esr_el1, x0
    msr     elr_el1, x0
    msr     spsr_el1, x0
    LI      x0, (HCR_RW | HCR_TGE)
    msr     hcr_el2, x0
    isb
    PUTS    "== EL0 exceptions with TGE=1, E2H=0 ==\n"
    mrs     x0, hcr_el2
    PR      "hcr_el2", x0
    mrs     x0, sctlr_el1
    PR      "sctlr_el1", x0
    DROP_EL2 SPSR_EL0T, el0_code

// ------------------------------------------------------------------ EL0
el0_code:
    mov     x0, #0x80000000                 // N
    msr     nzcv, x0
    adr     x28, 1f
1:  svc     #0x21
    adr     x28, 1f
1:  udf     #0
    adr     x28, 1f
1:  hvc     #1
    adr     x28, 1f
1:  smc     #2
    adr     x28, 1f
1:  mrs     x1, sctlr_el1
    adr     x28, 1f
1:  brk     #9
    adr     x28, 1f
1:  mrs     x3, daif
    adr     x28, 1f
1:  msr     daif, x3
    adr     x28, 1f
1:  svc     #0xff                           // EL2 sets SCTLR_EL1.UMA
    msr     daifset, #2
    mrs     x3, daif
    msr     daifclr, #2
    mrs     x4, daif
    adr     x28, 1f
1:  svc     #0xffff                         // EL2 prints x3, x4, moves on
    b       .

// Synchronous exception from EL0 (VBAR_EL2 + 0x400).
el2_lower_sync:
    stp     x0, x1, [sp, #-16]!
    PUTS    "-- EL2: sync from EL0 (VBAR_EL2+0x400) --\n"
    mrs     x0, esr_el2
    PR      "esr_el2", x0
    mrs     x0, elr_el2
    sub     x0, x0, x28
    PR      "elr_el2_minus_insn", x0
    mrs     x0, spsr_el2
    PR      "spsr_el2", x0
    mrs     x0, esr_el1
    PR      "esr_el1", x0
    mrs     x0, elr_el1
    PR      "elr_el1", x0
    mrs     x0, spsr_el1
    PR      "spsr_el1", x0
    mrs     x0, esr_el2
    ubfx    x1, x0, #26, #6
    cmp     x1, #0x15
    b.eq    2f
    mrs     x1, elr_el2                     // not SVC: skip the instruction
    add     x1, x1, #4
    msr     elr_el2, x1
    b       3f
2:  and     x0, x0, #0xffff
    cmp     x0, #0xff
    b.ne    1f
    mrs     x0, sctlr_el1
    orr     x0, x0, #(1 << 9)               // UMA
    msr     sctlr_el1, x0
    isb
    PR      "sctlr_el1_uma", x0
    b       3f
1:  mov     x1, #0xffff
    cmp     x0, x1
    b.eq    illegal_returns
3:  ldp     x0, x1, [sp], #16
    eret

// ------------------------------------------------------------------ illegal ERETs
illegal_returns:
    ldp     x0, x1, [sp], #16
    PR      "el0_daif_after_daifset", x3
    PR      "el0_daif_after_daifclr", x4
    LA      x0, hyp_stack_el2_top           // reset SP_EL2
    mov     sp, x0
    // A legal ERET to EL2h first gives a clean PSTATE (TCO, set on exception
    // entry with MTE, is UNKNOWN after an illegal return).
    mov     x0, #(SPSR_DAIF | SPSR_EL2H)
    msr     spsr_el2, x0
    adr     x0, 1f
    msr     elr_el2, x0
    eret
1:

    PUTS    "== ERET to EL1h with TGE=1 ==\n"
    LI      x25, (0xa0000000 | 0x140 | SPSR_EL1H)
    adr     x27, 1f
    b       do_illegal_eret
1:
    PUTS    "== ERET to EL3h from EL2 ==\n"
    LI      x25, (0x50000000 | 0x280 | SPSR_EL3H)
    adr     x27, 1f
    b       do_illegal_eret
1:
    PUTS    "== ERET with M[1]=1 (M=0b1011) ==\n"
    LI      x25, (0x30000000 | 0x3c0 | 0xb)
    adr     x27, 1f
    b       do_illegal_eret
1:
    PUTS    "== ERET to EL0 with M[0]=1 ==\n"
    LI      x25, (0xc0000000 | 0x200 | 0x1)
    adr     x27, 1f
    b       do_illegal_eret
1:
    PUTS    "== TGE=0: ERET to EL1h is legal ==\n"
    msr     nzcv, xzr
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    DROP_EL2 (SPSR_DAIF | SPSR_EL1H), el1_code

// ERET with SPSR_EL2 = x25 and ELR_EL2 = illegal_target; the Illegal State
// exception handler continues at x27.
do_illegal_eret:
    PR      "spsr_el2_for_eret", x25
    msr     spsr_el2, x25
    LA      x0, illegal_target
    msr     elr_el2, x0
    eret
illegal_target:
    PUTS    "BUG: the illegal ERET target executed\n"
    EXIT    1

// Synchronous exception at EL2 with SP_EL2 (VBAR_EL2 + 0x200).
el2_cur_sync:
    PUTS    "-- EL2: sync at EL2 (VBAR_EL2+0x200) --\n"
    mrs     x0, esr_el2
    PR      "esr_el2", x0
    mrs     x0, elr_el2
    LA      x1, illegal_target
    sub     x0, x0, x1
    PR      "elr_el2_minus_target", x0
    mrs     x0, spsr_el2
    PR      "spsr_el2", x0
    mrs     x0, currentel
    PR      "currentel", x0
    msr     elr_el2, x27
    mov     x0, #(SPSR_DAIF | SPSR_EL2H)
    msr     spsr_el2, x0
    eret

// ------------------------------------------------------------------ EL1
el1_code:
    mrs     x0, currentel
    PR      "el1_currentel", x0
    hvc     #0x99
    b       .

el2_hvc_done:
    PUTS    "-- EL2: sync from EL1 (VBAR_EL2+0x400) --\n"
    mrs     x0, esr_el2
    PR      "esr_el2", x0
    mrs     x0, spsr_el2
    PR      "spsr_el2", x0
    PUTS    "done\n"
    EXIT    0

// The lower-EL vector serves EL0 while TGE=1 and EL1's final HVC after.
el2_lower_dispatch:
    stp     x0, x1, [sp, #-16]!
    mrs     x0, hcr_el2
    tbnz    x0, #27, 1f
    ldp     x0, x1, [sp], #16
    b       el2_hvc_done
1:  ldp     x0, x1, [sp], #16
    b       el2_lower_sync

    HYP_VECTORS el2_vectors, 2, , el2_cur_sync, el2_lower_dispatch
    HYP_VECTORS el1_vectors, 1
