// bench_branchy.S - benchmark: data-dependent conditional branches, TBZ/
// CBZ/CBNZ, and (in one iteration of eight) an indirect jump table and a
// call, driven by a 64-bit LCG; about 1.0e9 instructions (17.3 per
// iteration on average). QEMU runs this kind of code about 2x slower than
// straight-line code; indirect branches are kept rare because QEMU's TCG
// pays a hash lookup for each of them.
// Prints the counters and a checksum.

    .include "semihost.inc"
    .include "mmu.inc"

    .equ    ITERS, 58000000                 // about 17.3 instructions per iteration

    .text
    .global _start
_start:
    SETUP
    MMU_ON
    LI      x20, 0x5851f42d4c957f2d         // LCG multiplier
    LI      x21, 0x14057b7ef767814f         // LCG increment
    mov     x1, #1                           // state
    mov     x2, #0
    mov     x3, #0
    mov     x4, #0
    mov     x6, #0
    mov     x7, #0
    adr     x22, jtab
    movz    x5, #(ITERS & 0xffff)
    movk    x5, #(ITERS >> 16), lsl #16
loop:
    madd    x1, x1, x20, x21
    tbz     x1, #40, 1f
    add     x2, x2, x1, lsr #32
    b       2f
1:  eor     x3, x3, x1
2:  ubfx    x8, x1, #45, #3
    cmp     x8, #3
    b.hi    3f
    add     x4, x4, #1
    b.eq    4f
    add     x6, x6, x8
    b       4f
3:  cmp     x8, #6
    b.lo    4f
    sub     x7, x7, #1
4:  ubfx    x9, x1, #50, #3
    cbnz    x9, 5f                           // 1 in 8: indirect dispatch
    ubfx    x9, x1, #53, #2
    ldrsw   x10, [x22, x9, lsl #2]
    add     x10, x22, x10
    br      x10
case0:
    add     x2, x2, #3
    b       5f
case1:
    bl      func
    b       5f
case2:
    eor     x3, x3, x2
case3:
    add     x6, x6, #1
5:  and     x11, x1, #0x3f0000000000
    cbz     x11, 6f
    add     x7, x7, #2
6:  subs    x5, x5, #1
    b.ne    loop

    PR      "sum_hi", x2
    PR      "xor_lo", x3
    PR      "count_le3", x4
    PR      "acc6", x6
    PR      "acc7", x7
    eor     x0, x2, x3
    add     x0, x0, x4, lsl #32
    eor     x0, x0, x6, ror #11
    eor     x0, x0, x7, ror #23
    PR      "checksum", x0
    EXIT    0

func:
    add     x4, x4, x1, lsr #60
    ret

    .balign 4
jtab:
    .word   case0 - jtab
    .word   case1 - jtab
    .word   case2 - jtab
    .word   case3 - jtab
