// demo.S - the built-in demo of `a64sim run` (and `cargo run --release`).
//
// A bare-metal program at EL3 with the MMU off that says what it exercises and prints
// the results through Arm semihosting. Every value it prints is checked against QEMU
// like the other tests/asm programs.

    .include "semihost.inc"

    .section .text.start, "ax"
    .global _start
_start:
    SETUP
    PUTS "a64sim demo: an AArch64 program at EL3 (MMU off), printing via semihosting\n"

    PUTS "1. integer loop: sum of 1..1000000\n"
    mov     x0, #0
    mov     x1, #1
    LI      x2, 1000000
1:  add     x0, x0, x1
    add     x1, x1, #1
    cmp     x1, x2
    b.ls    1b
    PR      sum, x0

    PUTS "2. multiply and divide: 0x123456789 * 1000003 / 977\n"
    LI      x3, 0x123456789
    LI      x4, 1000003
    mul     x5, x3, x4
    umulh   x6, x3, x4
    mov     x7, #977
    udiv    x8, x5, x7
    msub    x9, x8, x7, x5
    PR      product, x5
    PR      quotient, x8
    PR      remainder, x9

    PUTS "3. bit manipulation: bitmask immediate, bitfields, rbit, clz, rev\n"
    mov     x10, #0x5555555555555555
    ubfx    x11, x10, #4, #12
    bfi     x11, x10, #32, #8
    rbit    x12, x11
    clz     x13, x12
    rev     x14, x11
    PR      ubfx_bfi, x11
    PR      rbit, x12
    PR      clz, x13
    PR      rev, x14

    PUTS "4. memory: store a table, load it back with pairs, checksum it\n"
    adr     x15, table
    mov     x16, #0
2:  mul     x17, x16, x16
    str     x17, [x15, x16, lsl #3]
    add     x16, x16, #1
    cmp     x16, #32
    b.lo    2b
    ldp     x18, x19, [x15, #240]
    PR      squares_30_31, x19
    mov     x20, #256
    CKSUM   x21, x15, x20
    PR      checksum, x21

    PUTS "5. atomics: LSE add and an exclusive load/store pair\n"
    adr     x22, counter
    mov     x23, #5
    ldadd   x23, x24, [x22]
    ldadd   x23, x24, [x22]
3:  ldxr    x25, [x22]
    add     x25, x25, #100
    stxr    w26, x25, [x22]
    cbnz    w26, 3b
    ldr     x27, [x22]
    PR      counter, x27

    PUTS "6. conditional select and flags\n"
    mov     x0, #7
    cmp     x0, #9
    cset    x1, lt
    csinc   x2, x0, x0, ge
    PRNZCV  nzcv
    PR      cset_lt, x1
    PR      csinc, x2

    PUTS "demo done: see a64sim run --help, a64sim disasm, and tests/asm for more\n"
    EXIT    0

    .data
    .balign 16
table:
    .skip   256
counter:
    .quad   0
