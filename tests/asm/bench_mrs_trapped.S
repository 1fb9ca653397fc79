// bench_mrs_trapped.S - benchmark: an ID register read trapped to EL2 by
// HCR_EL2.TID3 and emulated there (EL1 -> EL2 -> EL1).
// EL3 drops to EL2 (HCR_EL2 = RW|TID3), which drops to EL1h. EL1 runs
//     1: mrs x0, id_aa64mmfr0_el1 ; add x0, x0, x5 ; add x1, x1, x0
//        subs x5, x5, #1 ; b.ne 1b
// The EL2 lower-EL synchronous vector (VBAR_EL2 + 0x400) emulates the MRS
// for Rt = x0 only (no ESR decode):
//     mov x0, #0 ; mrs x17, elr_el2 ; add x17, x17, #4 ; msr elr_el2, x17 ; eret
// 10 instructions per iteration (the trapped MRS, 5 at EL2, 4 at EL1);
// ITERS iterations. x1 sums the running x0, so checksum = x1 depends on x0
// being zeroed by every trap; EL1 prints it. MMU off.

    .include "semihost.inc"
    .include "hyp.inc"

    .equ    ITERS, 2000000

.macro HYP_INLINE_HANDLER
    mov     x0, #0
    mrs     x17, elr_el2
    add     x17, x17, #4
    msr     elr_el2, x17
    eret
.endm

    .text
    .global _start
_start:
    SETUP
    HYP_EL3_INIT SCR_NVHE
    DROP_EL3 (SPSR_DAIF | SPSR_EL2H), el2_entry
el2_entry:
    LA      x0, el2_vectors
    msr     vbar_el2, x0
    LI      x0, (HCR_RW | HCR_TID3)
    msr     hcr_el2, x0
    isb
    DROP_EL2 (SPSR_DAIF | SPSR_EL1H), el1_entry

el1_entry:
    mov     x0, #0
    mov     x1, #0
    movz    x5, #(ITERS & 0xffff)
    movk    x5, #(ITERS >> 16), lsl #16
1:  mrs     x0, id_aa64mmfr0_el1
    add     x0, x0, x5
    add     x1, x1, x0
    subs    x5, x5, #1
    b.ne    1b
    PR      "checksum", x1
    EXIT    0

    HYP_VECTORS el2_vectors, 2, , , INLINE
