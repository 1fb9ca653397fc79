// ldst.S - loads and stores: every size and sign extension with unsigned
// offset (incl. the largest offsets), LDUR/STUR with negative offsets, pre-
// and post-index writeback, register offset (LSL/UXTW/SXTW/SXTX, shifted),
// LDR/LDRSW/PRFM literal, LDP/STP/LDPSW/LDNP/STNP, LDTR/STTR at EL3, PRFM.
//
// All accesses are naturally aligned: with the MMU off memory is Device and
// QEMU 10 faults on unaligned accesses.

    .include "semihost.inc"

    .text
    .global _start
_start:
    SETUP
    adrp    x19, src
    add     x19, x19, :lo12:src             // 256 bytes of pattern
    adrp    x20, dst
    add     x20, x20, :lo12:dst             // 256 writable bytes, zero
    adrp    x21, big
    add     x21, x21, :lo12:big             // 32 KiB + 256 writable bytes

// ------------------------------------------------------------ unsigned offset
    PUTS    "== unsigned offset ==\n"
    .irp    off, 0, 1, 6, 7, 8, 15
    ldrb    w0, [x19, #\off]
    PR      "ldrb_\off", x0
    ldrsb   w0, [x19, #\off]
    PR      "ldrsb_w_\off", x0
    ldrsb   x0, [x19, #\off]
    PR      "ldrsb_x_\off", x0
    .endr
    .irp    off, 0, 2, 6, 8, 14
    ldrh    w0, [x19, #\off]
    PR      "ldrh_\off", x0
    ldrsh   w0, [x19, #\off]
    PR      "ldrsh_w_\off", x0
    ldrsh   x0, [x19, #\off]
    PR      "ldrsh_x_\off", x0
    .endr
    .irp    off, 0, 4, 8, 12, 20
    ldr     w0, [x19, #\off]
    PR      "ldr_w_\off", x0
    ldrsw   x0, [x19, #\off]
    PR      "ldrsw_\off", x0
    .endr
    .irp    off, 0, 8, 16, 24
    ldr     x0, [x19, #\off]
    PR      "ldr_x_\off", x0
    .endr
    ldr     xzr, [x19]                       // load to XZR is discarded
    // largest scaled offsets: base pointers below the buffer
    sub     x1, x19, #4095
    ldrb    w0, [x1, #4095]
    PR      "ldrb_4095", x0
    mov     x1, #8190
    sub     x1, x19, x1
    ldrsh   x0, [x1, #8190]
    PR      "ldrsh_8190", x0
    mov     x1, #16380
    sub     x1, x19, x1
    ldrsw   x0, [x1, #16380]
    PR      "ldrsw_16380", x0
    mov     x1, #32760
    sub     x1, x19, x1
    ldr     x0, [x1, #32760]
    PR      "ldr_x_32760", x0
    // stores
    ldr     x2, [x19]
    ldr     x3, [x19, #8]
    strb    w2, [x20, #0]
    strb    w3, [x20, #3]
    strh    w2, [x20, #4]
    strh    w3, [x20, #6]
    str     w2, [x20, #8]
    str     w3, [x20, #12]
    str     x3, [x20, #16]
    str     xzr, [x20, #24]
    strb    wzr, [x20, #1]
    add     x1, x21, #4095
    strb    w2, [x21, #4095]
    strh    w3, [x21, #8190]
    str     w2, [x21, #16380]
    str     x3, [x21, #32760]
    ldrb    w0, [x1]
    PR      "strb_4095", x0
    ldr     x0, [x20]
    PR      "st_dst0", x0
    ldr     x0, [x20, #8]
    PR      "st_dst8", x0
    ldr     x0, [x20, #16]
    PR      "st_dst16", x0
    // SP as the base
    sub     sp, sp, #32
    stp     x2, x3, [sp]
    ldrsb   x0, [sp, #7]
    PR      "ldrsb_sp", x0
    ldrh    w0, [sp, #10]
    PR      "ldrh_sp", x0
    str     w3, [sp, #4]
    ldr     x0, [sp]
    PR      "str_sp", x0
    add     sp, sp, #32

// ------------------------------------------------------------ unscaled
    PUTS    "== unscaled ==\n"
    add     x1, x19, #256                   // one past the end of src
    ldurb   w0, [x1, #-1]
    PR      "ldurb_m1", x0
    ldursb  w0, [x1, #-2]
    PR      "ldursb_w_m2", x0
    ldursb  x0, [x1, #-255]
    PR      "ldursb_x_m255", x0
    ldurh   w0, [x1, #-2]
    PR      "ldurh_m2", x0
    ldursh  w0, [x1, #-4]
    PR      "ldursh_w_m4", x0
    ldursh  x0, [x1, #-256]
    PR      "ldursh_x_m256", x0
    ldur    w0, [x1, #-8]
    PR      "ldur_w_m8", x0
    ldursw  x0, [x1, #-12]
    PR      "ldursw_m12", x0
    ldur    x0, [x1, #-16]
    PR      "ldur_x_m16", x0
    ldur    x0, [x19, #248]
    PR      "ldur_x_248", x0
    ldurb   w0, [x19, #255]
    PR      "ldurb_255", x0
    add     x1, x20, #128
    mov     x2, #-1
    sturb   w2, [x1, #-128]
    sturh   w2, [x1, #-126]
    stur    w2, [x1, #-124]
    stur    x2, [x1, #-104]
    stur    x2, [x1, #120]
    ldr     x0, [x20]
    PR      "stur_dst0", x0
    ldr     x0, [x20, #24]
    PR      "stur_dst24", x0

// ------------------------------------------------------------ writeback
    PUTS    "== pre/post index ==\n"
    mov     x1, x19
    ldr     x0, [x1, #8]!
    sub     x2, x1, x19
    PR      "pre_x", x0
    PR      "pre_x_wb", x2
    ldr     w0, [x1], #-4
    sub     x2, x1, x19
    PR      "post_w", x0
    PR      "post_w_wb", x2
    ldrsb   x0, [x1, #-3]!
    sub     x2, x1, x19
    PR      "pre_sb", x0
    PR      "pre_sb_wb", x2
    ldrsh   w0, [x1, #1]!
    sub     x2, x1, x19
    PR      "pre_sh", x0
    PR      "pre_sh_wb", x2
    ldrsw   x0, [x1, #2]!
    sub     x2, x1, x19
    PR      "pre_sw", x0
    PR      "pre_sw_wb", x2
    ldrh    w0, [x1], #255
    sub     x2, x1, x19
    PR      "post_h", x0
    PR      "post_h_wb", x2
    ldrb    w0, [x1, #-256]!
    sub     x2, x1, x19
    PR      "pre_b_m256", x0
    PR      "pre_b_m256_wb", x2
    ldrsb   w0, [x1], #0
    sub     x2, x1, x19
    PR      "post_sb0", x0
    PR      "post_sb0_wb", x2
    // stores with writeback
    mov     x1, x20
    LI      x3, 0x1122334455667788
    str     x3, [x1, #32]!
    strb    w3, [x1, #8]!
    strh    w3, [x1], #2
    strh    w3, [x1, #2]!
    str     w3, [x1], #4
    str     x3, [x1], #-16
    sub     x2, x1, x20
    PR      "st_wb", x2
    add     x4, x20, #32
    CKSUM   x0, x4, #32
    PR      "st_wb_sum", x0
    // SP writeback
    mov     x5, sp
    str     x3, [sp, #-16]!
    ldr     x0, [sp], #16
    mov     x6, sp
    sub     x5, x5, x6
    PR      "sp_wb", x0
    PR      "sp_wb_delta", x5

// ------------------------------------------------------------ register offset
    PUTS    "== register offset ==\n"
    mov     x2, #5
    ldrb    w0, [x19, x2]
    PR      "ldrb_reg", x0
    ldrsb   x0, [x19, x2, lsl #0]
    PR      "ldrsb_reg_lsl0", x0
    mov     x2, #3
    ldrh    w0, [x19, x2, lsl #1]
    PR      "ldrh_lsl1", x0
    ldrsh   x0, [x19, x2, lsl #1]
    PR      "ldrsh_lsl1", x0
    ldr     w0, [x19, x2, lsl #2]
    PR      "ldr_w_lsl2", x0
    ldrsw   x0, [x19, x2, lsl #2]
    PR      "ldrsw_lsl2", x0
    ldr     x0, [x19, x2, lsl #3]
    PR      "ldr_x_lsl3", x0
    LI      x2, 0xffffffff00000010          // UXTW ignores the upper half
    ldr     x0, [x19, w2, uxtw]
    PR      "ldr_uxtw", x0
    ldr     w0, [x19, w2, uxtw #2]
    PR      "ldr_w_uxtw2", x0
    mov     x6, #128
    add     x6, x19, x6                     // middle of src
    mov     x2, #-3
    ldrb    w0, [x6, w2, sxtw]
    PR      "ldrb_sxtw", x0
    ldrsh   w0, [x6, w2, sxtw #1]
    PR      "ldrsh_sxtw1", x0
    ldr     w0, [x6, w2, sxtw #2]
    PR      "ldr_w_sxtw2", x0
    ldr     x0, [x6, w2, sxtw #3]
    PR      "ldr_x_sxtw3", x0
    ldrsw   x0, [x6, x2, sxtx #2]
    PR      "ldrsw_sxtx2", x0
    ldr     x0, [x6, x2, sxtx #3]
    PR      "ldr_x_sxtx3", x0
    LI      x2, 0x00000000fffffffe          // SXTW: -2
    ldrh    w0, [x6, w2, sxtw #1]
    PR      "ldrh_sxtw1", x0
    // stores with register offset
    mov     x2, #1
    mov     x3, #-1
    add     x7, x20, #64
    strb    w3, [x7, x2]
    strh    w3, [x7, x2, lsl #1]
    str     w3, [x7, x2, lsl #2]
    str     x3, [x7, x2, lsl #3]
    mov     x2, #-2
    str     w3, [x7, w2, sxtw #2]
    strh    w3, [x7, x2, sxtx #1]
    LI      x2, 0x123456780000000c
    strb    w3, [x7, w2, uxtw]
    CKSUM   x0, x20, #128
    PR      "st_reg_sum", x0
    ldr     x0, [x7, #-8]
    PR      "st_reg_m8", x0
    ldr     x0, [x7]
    PR      "st_reg_0", x0
    ldr     x0, [x7, #8]
    PR      "st_reg_8", x0

// ------------------------------------------------------------ literal
    PUTS    "== literal ==\n"
    ldr     x0, lit_x
    PR      "ldr_lit_x", x0
    ldr     w0, lit_w
    PR      "ldr_lit_w", x0
    ldrsw   x0, lit_w
    PR      "ldrsw_lit", x0
    ldrsw   x0, lit_w2
    PR      "ldrsw_lit_pos", x0
    ldr     x0, lit_back
    PR      "ldr_lit_back", x0
    prfm    pldl1keep, lit_x
    prfm    plil2strm, lit_back

// ------------------------------------------------------------ pairs
    PUTS    "== pairs ==\n"
    ldp     x0, x1, [x19]
    PR      "ldp_x0", x0
    PR      "ldp_x1", x1
    ldp     w0, w1, [x19, #8]
    PR      "ldp_w0", x0
    PR      "ldp_w1", x1
    ldpsw   x0, x1, [x19, #16]
    PR      "ldpsw0", x0
    PR      "ldpsw1", x1
    ldpsw   x0, x1, [x19, #40]
    PR      "ldpsw2", x0
    PR      "ldpsw3", x1
    mov     x2, x19
    ldp     x0, x1, [x2, #16]!
    sub     x3, x2, x19
    PR      "ldp_pre0", x0
    PR      "ldp_pre1", x1
    PR      "ldp_pre_wb", x3
    ldp     w0, w1, [x2], #-8
    sub     x3, x2, x19
    PR      "ldp_w_post0", x0
    PR      "ldp_w_post1", x1
    PR      "ldp_w_post_wb", x3
    ldpsw   x0, x1, [x2, #24]!
    sub     x3, x2, x19
    PR      "ldpsw_pre0", x0
    PR      "ldpsw_pre1", x1
    PR      "ldpsw_pre_wb", x3
    ldpsw   x0, x1, [x2], #4
    sub     x3, x2, x19
    PR      "ldpsw_post0", x0
    PR      "ldpsw_post1", x1
    PR      "ldpsw_post_wb", x3
    add     x2, x19, #512                   // largest offsets: +504 and -512
    ldp     x0, x1, [x2, #-512]
    PR      "ldp_m512_0", x0
    sub     x2, x19, #504
    ldp     x0, x1, [x2, #504]
    PR      "ldp_504_0", x0
    PR      "ldp_504_1", x1
    ldnp    x0, x1, [x19, #32]
    PR      "ldnp_x0", x0
    PR      "ldnp_x1", x1
    ldnp    w0, w1, [x19, #-0]
    PR      "ldnp_w0", x0
    PR      "ldnp_w1", x1
    // stores
    add     x7, x20, #128
    LI      x3, 0xa1a2a3a4a5a6a7a8
    LI      x4, 0xb1b2b3b4b5b6b7b8
    stp     x3, x4, [x7]
    stp     w4, w3, [x7, #16]
    mov     x2, x7
    stp     x4, x3, [x2, #32]!
    stp     w3, w4, [x2], #-8
    stp     xzr, x3, [x2, #56]!
    sub     x5, x2, x7
    PR      "stp_wb", x5
    stnp    x4, x4, [x7, #72]
    stnp    w3, w4, [x7, #88]
    stp     x3, x4, [x7, #-16]
    CKSUM   x0, x7, #128
    PR      "stp_sum", x0
    ldr     x0, [x7, #56]
    PR      "stp_56", x0
    ldr     x0, [x7, #88]
    PR      "stnp_88", x0
    // SP-based pairs
    stp     x3, x4, [sp, #-32]!
    stp     x4, x3, [sp, #16]
    ldp     x0, x1, [sp, #8]
    add     sp, sp, #32
    PR      "sp_pair0", x0
    PR      "sp_pair1", x1

// ------------------------------------------------------------ LDTR / STTR
// At EL3 the unprivileged forms behave like ordinary loads and stores.
    PUTS    "== ldtr/sttr ==\n"
    ldtrb   w0, [x19, #7]
    PR      "ldtrb", x0
    ldtrsb  w0, [x19, #7]
    PR      "ldtrsb_w", x0
    ldtrsb  x0, [x19, #-0]
    PR      "ldtrsb_x", x0
    ldtrh   w0, [x19, #14]
    PR      "ldtrh", x0
    ldtrsh  w0, [x19, #14]
    PR      "ldtrsh_w", x0
    ldtrsh  x0, [x19, #2]
    PR      "ldtrsh_x", x0
    ldtr    w0, [x19, #20]
    PR      "ldtr_w", x0
    ldtrsw  x0, [x19, #20]
    PR      "ldtrsw", x0
    ldtr    x0, [x19, #248]
    PR      "ldtr_x", x0
    add     x1, x19, #256
    ldtr    x0, [x1, #-256]
    PR      "ldtr_x_m256", x0
    add     x7, x20, #192
    LI      x3, 0xc1c2c3c4c5c6c7c8
    sttrb   w3, [x7, #1]
    sttrh   w3, [x7, #2]
    sttr    w3, [x7, #4]
    sttr    x3, [x7, #8]
    sttr    x3, [x7, #-8]
    ldr     x0, [x7]
    PR      "sttr_0", x0
    ldr     x0, [x7, #8]
    PR      "sttr_8", x0
    ldr     x0, [x7, #-8]
    PR      "sttr_m8", x0

// ------------------------------------------------------------ PRFM
// Prefetches have no architectural effect and never fault, whatever the
// address or operation.
    PUTS    "== prfm ==\n"
    prfm    pldl1keep, [x19]
    prfm    pldl2strm, [x19, #8]
    prfm    pldl3keep, [x19, #32760]
    prfm    plil1keep, [x19, x2]
    prfm    plil2strm, [x19, w2, sxtw #3]
    prfm    pstl1keep, [x20]
    prfm    pstl3strm, [x20, #64]
    prfum   pldl1keep, [x19, #-1]
    prfum   pstl2keep, [x19, #255]
    prfm    #0x1f, [x19]                    // unallocated prfop
    prfm    #0x18, [x19, #16]
    mov     x1, #0
    prfm    pldl1keep, [x1]                 // flash / unmapped / odd addresses
    LI      x1, 0xffff000000000000
    prfm    pldl1keep, [x1]
    prfm    pstl1strm, [x1, #8]
    LI      x1, 0x0000000012345677
    prfum   pldl1keep, [x1, #1]
    PUTS    "prfm ok\n"

// ------------------------------------------------------------ memory summary
    CKSUM   x0, x20, #256
    PR      "dst_sum", x0
    mov     x1, #32768
    add     x1, x1, #256
    CKSUM   x0, x21, x1
    PR      "big_sum", x0
    CKSUM   x0, x19, #256
    PR      "src_sum", x0

    PUTS    "done\n"
    EXIT    0

    .balign 8
lit_back:
    .quad   0x0123456789abcdef

    .section .rodata
    .balign 8
lit_x:
    .quad   0xfedcba9876543210
lit_w:
    .word   0x87654321
lit_w2:
    .word   0x76543210

    .data
    .balign 16
src:
    .set    k, 0
    .rept   256
    .byte   (k * 0x9d + 0x53) & 0xff
    .set    k, k + 1
    .endr

    .bss
    .balign 16
    .skip   64                              // room below dst for negative offsets
dst:
    .skip   256
    .skip   64
    .balign 16
big:
    .skip   32768 + 256
