// bench_svc_roundtrip.S - benchmark: SVC round trips EL0 -> EL1 -> EL0.
// EL3 drops to EL2 (HCR_EL2 = RW, no traps), which sets VBAR_EL1 and drops
// to EL0t (DAIF masked). EL0 runs
//     1: svc #0 ; add x0, x0, x5 ; subs x5, x5, #1 ; b.ne 1b
// and the EL1 lower-EL synchronous vector (VBAR_EL1 + 0x400) is
//     cbz x5, el1_done ; eret
// (SVC's preferred return address is the next instruction; the CBZ is the
// only way out, since EL0 cannot use semihosting and every synchronous
// exception from EL0 arrives at the same vector: after the loop x5 = 0 and
// EL0's final SVC reaches el1_done, which prints checksum = x0 =
// ITERS*(ITERS+1)/2.)
// 6 instructions per iteration (SVC, CBZ, ERET, ADD, SUBS, B.NE); ITERS
// iterations. MMU off.

    .include "semihost.inc"
    .include "hyp.inc"

    .equ    ITERS, 2000000

.macro HYP_INLINE_HANDLER
    cbz     x5, el1_done
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
    LA      x0, el1_vectors
    msr     vbar_el1, x0
    isb
    DROP_EL2 (SPSR_DAIF | SPSR_EL0T), el0_entry

el0_entry:
    mov     x0, #0
    movz    x5, #(ITERS & 0xffff)
    movk    x5, #(ITERS >> 16), lsl #16
1:  svc     #0
    add     x0, x0, x5
    subs    x5, x5, #1
    b.ne    1b
    svc     #0                              // x5 = 0: to el1_done
    b       .

// EL0's final SVC (VBAR_EL1 + 0x400 with x5 = 0).
el1_done:
    mrs     x1, esr_el1
    lsr     x1, x1, #26
    cmp     x1, #0x15
    b.ne    hyp_unexpected_el1
    PR      "checksum", x0
    EXIT    0

    HYP_VECTORS el2_vectors, 2
    HYP_VECTORS el1_vectors, 1, , , INLINE
