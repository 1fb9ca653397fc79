// bench_int_loop.S - benchmark: a tight integer ALU loop (add, eor, rotate,
// shifts, multiply, conditional select), about 1.0e9 instructions.
// Prints a checksum of the final register state.

    .include "semihost.inc"
    .include "mmu.inc"

    .equ    ITERS, 80000000                 // 12 instructions per iteration

    .text
    .global _start
_start:
    SETUP
    MMU_ON
    LI      x1, 0x9e3779b97f4a7c15
    LI      x2, 0xbf58476d1ce4e5b9
    LI      x3, 0x94d049bb133111eb
    mov     x4, #1
    mov     x0, #0
    movz    x5, #(ITERS & 0xffff)
    movk    x5, #(ITERS >> 16), lsl #16
1:  add     x0, x0, x1
    eor     x1, x1, x0, ror #13
    add     x2, x2, x1, lsl #3
    mul     x6, x2, x3
    eor     x3, x3, x6, lsr #29
    sub     x4, x4, x3, asr #7
    orr     x7, x4, x0
    bic     x0, x0, x7, lsl #1
    add     x0, x0, x7
    csel    x1, x1, x2, mi
    subs    x5, x5, #1
    b.ne    1b
    eor     x0, x0, x1
    eor     x0, x0, x2, ror #16
    eor     x0, x0, x3, ror #32
    eor     x0, x0, x4, ror #48
    PR      "checksum", x0
    EXIT    0
