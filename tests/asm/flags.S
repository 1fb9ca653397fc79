// flags.S - NZCV produced by ADDS/SUBS/ADCS/SBCS/ANDS/CMP/CMN/NEGS at the
// overflow and carry boundaries, 64- and 32-bit, read back with MRS NZCV.
//
// For every pair (a, b) of boundary values one line "fXX_i_j=" holds the
// NZCV nibbles of, from bit 0 up:
//   0 ADDS a,b   1 SUBS a,b   2 ADCS a,b (C=0)   3 ADCS a,b (C=1)
//   4 SBCS a,b (C=0)   5 SBCS a,b (C=1)   6 ANDS a,b   7 CMP a,b   8 CMN a,b
//   9 BICS a,b   10 NEGS b   11 ADDS a,b,LSL #1   12 SUBS a,b,ASR #1
// The flags are preset to the opposite of a usual result before each
// instruction so a missing update shows. A checksum of all results ends it.

    .include "semihost.inc"

// FL k, insn...: preset NZCV from x(20 + k%2), run insn (result in x3), put
// its NZCV into nibble k of x10 and fold x3 into x11.
.macro FL k, insn:vararg
    .if (\k) % 2
    msr     nzcv, x21
    .else
    msr     nzcv, x20
    .endif
    \insn
    mrs     x4, nzcv
    lsr     x4, x4, #28
    bfi     x10, x4, #(4 * (\k)), #4
    eor     x11, x3, x11, ror #13
.endm

// CARRY c, k, insn...: NZCV = c ? C (plus N,Z,V when k is even) : N,Z,V or 0
.macro FLC c, k, insn:vararg
    .if \c
    mov     x4, #0x20000000
    .else
    mov     x4, #0xd0000000
    .endif
    msr     nzcv, x4
    \insn
    mrs     x4, nzcv
    lsr     x4, x4, #28
    bfi     x10, x4, #(4 * (\k)), #4
    eor     x11, x3, x11, ror #13
.endm

    .text
    .global _start
_start:
    SETUP
    mov     x20, #0xf0000000
    mov     x21, #0
    mov     x11, #0

    PUTS    "== 64-bit ==\n"
    adr     x19, vals64
    .irp    i, 0, 1, 2, 3, 4, 5, 6, 7, 8
    .irp    j, 0, 1, 2, 3, 4, 5, 6, 7, 8
    ldr     x1, [x19, #(8 * \i)]
    ldr     x2, [x19, #(8 * \j)]
    mov     x10, #0
    FL      0, adds x3, x1, x2
    FL      1, subs x3, x1, x2
    FLC     0, 2, adcs x3, x1, x2
    FLC     1, 3, adcs x3, x1, x2
    FLC     0, 4, sbcs x3, x1, x2
    FLC     1, 5, sbcs x3, x1, x2
    FL      6, ands x3, x1, x2
    FL      7, cmp x1, x2
    FL      8, cmn x1, x2
    FL      9, bics x3, x1, x2
    FL      10, negs x3, x2
    FL      11, adds x3, x1, x2, lsl #1
    FL      12, subs x3, x1, x2, asr #1
    PR      "f64_\i\()_\j", x10
    .endr
    .endr

    PUTS    "== 32-bit ==\n"
    adr     x19, vals32
    .irp    i, 0, 1, 2, 3, 4, 5, 6, 7, 8
    .irp    j, 0, 1, 2, 3, 4, 5, 6, 7, 8
    ldr     x1, [x19, #(8 * \i)]            // the upper halves hold junk that
    ldr     x2, [x19, #(8 * \j)]            // the W forms must ignore
    mov     x10, #0
    FL      0, adds w3, w1, w2
    FL      1, subs w3, w1, w2
    FLC     0, 2, adcs w3, w1, w2
    FLC     1, 3, adcs w3, w1, w2
    FLC     0, 4, sbcs w3, w1, w2
    FLC     1, 5, sbcs w3, w1, w2
    FL      6, ands w3, w1, w2
    FL      7, cmp w1, w2
    FL      8, cmn w1, w2
    FL      9, bics w3, w1, w2
    FL      10, negs w3, w2
    FL      11, adds w3, w1, w2, lsl #1
    FL      12, subs w3, w1, w2, asr #1
    PR      "f32_\i\()_\j", x10
    .endr
    .endr

    PR      "results", x11

    // immediate forms at the boundaries
    PUTS    "== immediate ==\n"
    mov     x10, #0
    adr     x19, vals64
    ldr     x1, [x19, #16]                  // INT64_MAX
    ldr     x2, [x19, #32]                  // -1
    FL      0, adds x3, x1, #1
    FL      1, adds x3, x2, #1
    FL      2, subs x3, x1, #0xfff, lsl #12
    FL      3, cmp x2, #0
    FL      4, cmn x2, #0
    FL      5, cmn x1, #1
    FL      6, subs x3, x1, #0
    adr     x19, vals32
    ldr     x1, [x19, #16]                  // INT32_MAX (+junk)
    ldr     x2, [x19, #32]                  // UINT32_MAX (+junk)
    FL      7, adds w3, w1, #1
    FL      8, adds w3, w2, #1
    FL      9, cmp w2, #0xfff
    FL      10, cmn w1, #1, lsl #12
    FL      11, ands w3, w2, #0x80000000
    FL      12, ands x3, x2, #0x8000000000000000
    FL      13, tst x2, #1
    PR      "imm_flags", x10
    PR      "results", x11

    PUTS    "done\n"
    EXIT    0

    .section .rodata
    .balign 8
vals64:
    .quad   0
    .quad   1
    .quad   0x7fffffffffffffff
    .quad   0x8000000000000000
    .quad   0xffffffffffffffff
    .quad   0x8000000000000001
    .quad   0x7ffffffffffffffe
    .quad   2
    .quad   0x00000000ffffffff
vals32:
    .quad   0xdeadbeef00000000
    .quad   0x1234567800000001
    .quad   0xffffffff7fffffff
    .quad   0x0000000080000000
    .quad   0x00000001ffffffff
    .quad   0x8000000080000001
    .quad   0x7fffffff7ffffffe
    .quad   0xfffffffe00000002
    .quad   0xffffffff00000000
