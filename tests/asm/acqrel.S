// acqrel.S - load-acquire / store-release: LDAR/STLR, LDAPR (RCpc),
// LDLAR/STLLR (LORegions; with no LORegion configured they behave as
// LDAR/STLR), and the RCpc2 unscaled forms LDAPUR*/STLUR*, all sizes and
// sign extensions. On one PE the ordering is invisible: the results are the
// values loaded and the memory written.

    .include "semihost.inc"

    .text
    .global _start
_start:
    SETUP
    adrp    x19, src
    add     x19, x19, :lo12:src
    adrp    x20, dst
    add     x20, x20, :lo12:dst
    LI      x21, 0x8899aabbccddeeff
    LI      x22, 0x7766554433221100

    PUTS    "== ldar/ldapr/ldlar ==\n"
    .irp    ld, ldar, ldapr, ldlar
    add     x1, x19, #7
    \ld\()b w0, [x1]
    PR      "\ld\()b", x0
    add     x1, x19, #6
    \ld\()h w0, [x1]
    PR      "\ld\()h", x0
    add     x1, x19, #4
    \ld     w0, [x1]
    PR      "\ld\()_w", x0
    add     x1, x19, #8
    \ld     x0, [x1]
    PR      "\ld\()_x", x0
    \ld     x0, [x19, #0]
    PR      "\ld\()_x0", x0
    .endr
    ldar    xzr, [x19]                       // discarded

    PUTS    "== stlr/stllr ==\n"
    .irp    st, stlr, stllr
    stp     xzr, xzr, [x20]
    add     x1, x20, #1
    \st\()b w21, [x1]
    add     x1, x20, #2
    \st\()h w21, [x1]
    add     x1, x20, #4
    \st     w22, [x1]
    add     x1, x20, #8
    \st     x21, [x1]
    ldp     x0, x1, [x20]
    PR      "\st\()_0", x0
    PR      "\st\()_8", x1
    .endr
    stlr    xzr, [x20]
    stlrb   wzr, [x20, #0]
    ldr     x0, [x20]
    PR      "stlr_zr", x0

    PUTS    "== ldapur/stlur ==\n"
    add     x1, x19, #16
    ldapurb  w0, [x1, #-1]
    PR      "ldapurb", x0
    ldapursb w0, [x1, #-1]
    PR      "ldapursb_w", x0
    ldapursb x0, [x1, #-9]
    PR      "ldapursb_x", x0
    ldapurh  w0, [x1, #-2]
    PR      "ldapurh", x0
    ldapursh w0, [x1, #-2]
    PR      "ldapursh_w", x0
    ldapursh x0, [x1, #-10]
    PR      "ldapursh_x", x0
    ldapur   w0, [x1, #-4]
    PR      "ldapur_w", x0
    ldapursw x0, [x1, #-4]
    PR      "ldapursw", x0
    ldapursw x0, [x1, #-16]
    PR      "ldapursw_m16", x0
    ldapur   x0, [x1, #-8]
    PR      "ldapur_x", x0
    ldapur   x0, [x19, #16]
    PR      "ldapur_x_16", x0
    sub      x1, x19, #256
    ldapur   x0, [x1, #255 - 7]              // offset 248: x19 - 8
    ldapurb  w0, [x1, #255]
    PR      "ldapurb_m1", x0
    add      x1, x20, #256
    stp      xzr, xzr, [x20]
    stlurb   w21, [x1, #-256]
    stlurh   w21, [x1, #-254]
    stlur    w22, [x1, #-252]
    stlur    x21, [x1, #-248]
    ldp      x0, x1, [x20]
    PR       "stlur_0", x0
    PR       "stlur_8", x1
    add      x1, x20, #8
    stlur    x22, [x1, #8]
    stlur    w21, [x1, #-8]
    ldp      x0, x1, [x20]
    PR       "stlur2_0", x0
    ldr      x1, [x20, #16]
    PR       "stlur2_16", x1

    PUTS    "done\n"
    EXIT    0

    .data
    .balign 16
    .quad   0x0f1e2d3c4b5a6978
src:
    .quad   0x80f1e2d3c4b5a697
    .quad   0x7f8e9dacbbcad9e8
    .quad   0xfedcba9876543210
    .bss
    .balign 16
dst:
    .skip   32
