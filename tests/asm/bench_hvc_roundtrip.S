// bench_hvc_roundtrip.S - benchmark: HVC round trips EL1 -> EL2 -> EL1.
// EL3 drops to EL2 (nVHE, HCR_EL2.RW=1), which drops to EL1h. EL1 runs
//     1: hvc #0 ; add x0, x0, x5 ; subs x5, x5, #1 ; b.ne 1b
// and the EL2 lower-EL synchronous vector (VBAR_EL2 + 0x400) is a bare ERET
// (HVC's preferred return address is the next instruction).
// 5 instructions per iteration (HVC, ERET, ADD, SUBS, B.NE) and 2 exception
// level changes; ITERS iterations. Prints checksum = ITERS*(ITERS+1)/2.
// MMU off.

    .include "semihost.inc"
    .include "hyp.inc"

    .equ    ITERS, 2000000

    .text
    .global _start
_start:
    SETUP
    HYP_EL3_INIT SCR_NVHE
    DROP_EL3 (SPSR_DAIF | SPSR_EL2H), el2_entry
el2_entry:
    LA      x0, el2_vectors
    msr     vbar_el2, x0
    isb
    DROP_EL2 (SPSR_DAIF | SPSR_EL1H), el1_entry

el1_entry:
    mov     x0, #0
    movz    x5, #(ITERS & 0xffff)
    movk    x5, #(ITERS >> 16), lsl #16
1:  hvc     #0
    add     x0, x0, x5
    subs    x5, x5, #1
    b.ne    1b
    PR      "checksum", x0
    EXIT    0

    HYP_VECTORS el2_vectors, 2, , , ERET
