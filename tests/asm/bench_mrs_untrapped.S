// bench_mrs_untrapped.S - benchmark: untrapped system-register accesses at
// EL1, the baseline for bench_mrs_trapped.
// EL3 drops to EL2 (HCR_EL2 = RW, no traps), which drops to EL1h. EL1 runs
//     1: mrs x0, tpidr_el1 ; add x0, x0, x5 ; msr tpidr_el1, x0
//        subs x5, x5, #1 ; b.ne 1b
// 5 instructions per iteration, ITERS = 24,000,000 iterations: 1.2e8
// instructions, as bench_int_loop. Prints checksum = TPIDR_EL1 =
// ITERS*(ITERS+1)/2 (mod 2^64). MMU off.

    .include "semihost.inc"
    .include "hyp.inc"

    .equ    ITERS, 24000000

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
    LA      x0, el1_vectors
    msr     vbar_el1, x0
    msr     tpidr_el1, xzr
    movz    x5, #(ITERS & 0xffff)
    movk    x5, #(ITERS >> 16), lsl #16
1:  mrs     x0, tpidr_el1
    add     x0, x0, x5
    msr     tpidr_el1, x0
    subs    x5, x5, #1
    b.ne    1b
    mrs     x0, tpidr_el1
    PR      "checksum", x0
    EXIT    0

    HYP_VECTORS el2_vectors, 2
    HYP_VECTORS el1_vectors, 1
