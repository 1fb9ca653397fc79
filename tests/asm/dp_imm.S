// dp_imm.S - data processing (immediate): ADR/ADRP, ADD/SUB(S) immediate
// (LSL #12, SP forms), logical immediate with bitmask immediates of every
// element size and rotation, MOVZ/MOVN/MOVK, SBFM/UBFM/BFM and all their
// aliases, EXTR/ROR.

    .include "semihost.inc"

    .text
    .global _start
_start:
    SETUP

// ------------------------------------------------------------ ADR / ADRP
    PUTS    "== adr/adrp ==\n"
    adr     x0, _start
    PR      "adr_start", x0
    adr     x1, adr_fwd
    sub     x2, x1, x0
    PR      "adr_fwd-start", x2
adr_back:
    adr     x3, adr_back
    adr     x4, adr_back + 1            // odd byte offsets are fine for ADR
    sub     x5, x4, x3
    PR      "adr_odd_delta", x5
    adr     x6, .
    sub     x6, x6, x0
    PR      "adr_dot-start", x6
adr_fwd:
    adrp    x7, _start
    PR      "adrp_start", x7
    adrp    x8, far_data
    PR      "adrp_far_data", x8
    add     x9, x8, :lo12:far_data
    adr     x10, _start
    sub     x9, x9, x10
    PR      "far_data-start", x9
    adrp    x11, adrp_lo_target            // page below the image: negative offset
    PR      "adrp_below", x11

// ------------------------------------------------------------ ADD/SUB imm
    PUTS    "== add/sub imm ==\n"
    LI      x19, 0x7ffffffffffff000
    add     x0, x19, #0xfff
    PR      "add_fff", x0
    add     x1, x19, #1, lsl #12
    PR      "add_1_lsl12", x1
    add     x2, x19, #0xfff, lsl #12
    PR      "add_fff_lsl12", x2
    sub     x3, sp, #1                      // Rn=31 is SP for ADD/SUB imm
    mov     x4, sp
    sub     x4, x4, x3
    PR      "sub_sp_1_delta", x4             // sp - (sp - 1) = 1
    sub     w5, w19, #1
    PR      "subw_1", x5
    add     w6, w19, #0xfff, lsl #12
    PR      "addw_fff_lsl12", x6
    LIW     w20, 0xffffffff
    add     w7, w20, #1
    PR      "addw_wrap", x7
    add     x8, x20, #1
    PR      "addx_nowrap", x8
    sub     x9, sp, #0
    mov     x10, sp
    sub     x9, x10, x9
    PR      "mov_sp_delta", x9

    // SP as destination and source
    mov     x21, sp
    sub     sp, sp, #1, lsl #12
    mov     x0, sp
    sub     x0, x21, x0
    PR      "sp_sub_4k", x0
    add     sp, sp, #0x800
    add     sp, sp, #0x800
    mov     x1, sp
    sub     x1, x1, x21
    PR      "sp_restored", x1
    add     x2, sp, #0x10
    sub     x2, x2, x21
    PR      "add_x_sp_10", x2
    sub     w3, wsp, #0x10                 // 32-bit form reads WSP
    sub     w4, w21, #0x10
    sub     x3, x3, x4
    PR      "sub_w_wsp", x3

    // ADDS/SUBS imm and their flags
    PUTS    "== adds/subs imm ==\n"
    LI      x22, 0x7fffffffffffffff
    adds    x0, x22, #1
    PR      "adds_ovf", x0
    PRNZCV  "adds_ovf_nzcv"
    mov     x23, #-1
    adds    x1, x23, #1
    PR      "adds_carry", x1
    PRNZCV  "adds_carry_nzcv"
    subs    x2, sp, #1                      // SUBS: Rn=31 is SP
    PRNZCV  "subs_sp_nzcv"
    mov     x3, #0
    subs    x3, x3, #1
    PR      "subs_0_1", x3
    PRNZCV  "subs_0_1_nzcv"
    mov     x4, #5
    subs    x4, x4, #5
    PR      "subs_eq", x4
    PRNZCV  "subs_eq_nzcv"
    LI      x24, 0x8000000000000000
    subs    x5, x24, #1
    PR      "subs_min_1", x5
    PRNZCV  "subs_min_1_nzcv"
    LIW     w25, 0x7fffffff
    adds    w6, w25, #1
    PR      "addsw_ovf", x6
    PRNZCV  "addsw_ovf_nzcv"
    adds    w7, w20, #1, lsl #12
    PR      "addsw_lsl12", x7
    PRNZCV  "addsw_lsl12_nzcv"
    subs    w8, w25, #0xfff, lsl #12
    PR      "subsw_lsl12", x8
    PRNZCV  "subsw_lsl12_nzcv"
    cmp     x22, #0xfff
    PRNZCV  "cmp_max_fff"
    cmn     x23, #1
    PRNZCV  "cmn_m1_1"
    cmp     w20, #0
    PRNZCV  "cmpw_ffff_0"
    cmn     w25, #1, lsl #12
    PRNZCV  "cmnw_7fff_1000"
    mov     x26, sp
    cmp     sp, x26                          // CMP (extended) with SP
    PRNZCV  "cmp_sp_sp"
    adds    x9, sp, #0                       // ADDS with SP source
    sub     x9, x9, x26
    PR      "adds_sp_0", x9
    PRNZCV  "adds_sp_0_nzcv"

// ------------------------------------------------------------ logical imm
    PUTS    "== logical imm ==\n"
    LI      x19, 0x0123456789abcdef
    LI      x20, 0xfedcba9876543210

    .macro LOGIMM64 imm
    and     x0, x19, #\imm
    orr     x1, x19, #\imm
    eor     x2, x20, #\imm
    ands    x3, x20, #\imm
    mrs     x4, nzcv
    eor     x0, x0, x1, ror #7
    eor     x0, x0, x2, ror #19
    eor     x0, x0, x3, ror #37
    eor     x0, x0, x4
    PR      "log64 \imm", x0
    .endm
    .macro LOGIMM32 imm
    and     w0, w19, #\imm
    orr     w1, w19, #\imm
    eor     w2, w20, #\imm
    ands    w3, w20, #\imm
    mrs     x4, nzcv
    eor     x0, x0, x1, ror #7
    eor     x0, x0, x2, ror #19
    eor     x0, x0, x3, ror #37
    eor     x0, x0, x4
    PR      "log32 \imm", x0
    .endm

    // element size 2
    LOGIMM64 0x5555555555555555
    LOGIMM64 0xaaaaaaaaaaaaaaaa
    // element size 4
    LOGIMM64 0x1111111111111111
    LOGIMM64 0x8888888888888888
    LOGIMM64 0x3333333333333333
    LOGIMM64 0x9999999999999999
    LOGIMM64 0x7777777777777777
    LOGIMM64 0xeeeeeeeeeeeeeeee
    // element size 8
    LOGIMM64 0x0101010101010101
    LOGIMM64 0x8080808080808080
    LOGIMM64 0x8181818181818181
    LOGIMM64 0x3c3c3c3c3c3c3c3c
    LOGIMM64 0x7f7f7f7f7f7f7f7f
    LOGIMM64 0xfefefefefefefefe
    LOGIMM64 0xe3e3e3e3e3e3e3e3
    // element size 16
    LOGIMM64 0x00ff00ff00ff00ff
    LOGIMM64 0x8001800180018001
    LOGIMM64 0xfff0fff0fff0fff0
    LOGIMM64 0x0ff00ff00ff00ff0
    LOGIMM64 0x7fff7fff7fff7fff
    LOGIMM64 0xc003c003c003c003
    // element size 32
    LOGIMM64 0x0000ffff0000ffff
    LOGIMM64 0x8000000180000001
    LOGIMM64 0xfffffffefffffffe
    LOGIMM64 0x0000000100000001
    LOGIMM64 0xff0000ffff0000ff
    LOGIMM64 0x7fffffff7fffffff
    // element size 64
    LOGIMM64 0x0000000000000001
    LOGIMM64 0x8000000000000000
    LOGIMM64 0x8000000000000001
    LOGIMM64 0xfffffffffffffffe
    LOGIMM64 0x7fffffffffffffff
    LOGIMM64 0x00000ffffff00000
    LOGIMM64 0xffff00000000ffff
    LOGIMM64 0xfffffffffff00000
    LOGIMM64 0x00000000ffffffff
    // 32-bit forms: sizes 2..32
    LOGIMM32 0x55555555
    LOGIMM32 0x99999999
    LOGIMM32 0x81818181
    LOGIMM32 0xff00ff00
    LOGIMM32 0x80000001
    LOGIMM32 0xfffffffe
    LOGIMM32 0x0ff00000
    LOGIMM32 0x7fffffff
    LOGIMM32 0x00000001

    // ANDS flag results and TST
    ands    x0, x19, #0x8000000000000000
    PRNZCV  "ands_zero"
    ands    x0, x20, #0x8000000000000000
    PRNZCV  "ands_neg"
    adds    xzr, x22, #1                     // set V and N first
    tst     x19, #0xff
    PRNZCV  "tst_clears_cv"
    tst     w20, #0x80000000
    PRNZCV  "tstw_neg"
    // MOV (bitmask immediate) alias = ORR with ZR
    mov     x0, #0x5555555555555555
    PR      "mov_bitmask", x0
    mov     w1, #0xff00ff00
    PR      "movw_bitmask", x1
    // AND/ORR/EOR immediate may write SP
    mov     x21, sp
    and     sp, x21, #0xffffffffffffff00
    mov     x2, sp
    mov     sp, x21
    sub     x2, x21, x2
    PR      "and_sp_delta", x2
    orr     sp, xzr, #0x3f0                 // mov sp, #0x3f0 (bitmask)
    mov     x3, sp
    mov     sp, x21
    PR      "orr_sp", x3

// ------------------------------------------------------------ MOVZ/MOVN/MOVK
    PUTS    "== movz/movn/movk ==\n"
    movz    x0, #0xbeef
    PR      "movz0", x0
    movz    x0, #0xbeef, lsl #16
    PR      "movz16", x0
    movz    x0, #0xbeef, lsl #32
    PR      "movz32", x0
    movz    x0, #0xbeef, lsl #48
    PR      "movz48", x0
    movz    w0, #0xbeef, lsl #16
    PR      "movzw16", x0
    movn    x0, #0
    PR      "movn0_0", x0
    movn    x0, #0x1234
    PR      "movn0", x0
    movn    x0, #0x1234, lsl #16
    PR      "movn16", x0
    movn    x0, #0x1234, lsl #32
    PR      "movn32", x0
    movn    x0, #0xffff, lsl #48
    PR      "movn48", x0
    movn    w0, #0
    PR      "movnw0_0", x0
    movn    w0, #0xffff, lsl #16
    PR      "movnw16", x0
    movn    w0, #0x1234
    PR      "movnw0", x0
    LI      x1, 0x1111222233334444
    mov     x0, x1
    movk    x0, #0xaaaa
    PR      "movk0", x0
    mov     x0, x1
    movk    x0, #0xaaaa, lsl #16
    PR      "movk16", x0
    mov     x0, x1
    movk    x0, #0xaaaa, lsl #32
    PR      "movk32", x0
    mov     x0, x1
    movk    x0, #0xaaaa, lsl #48
    PR      "movk48", x0
    mov     x0, x1
    movk    w0, #0xaaaa                     // 32-bit MOVK clears the top half
    PR      "movkw0", x0
    mov     x0, x1
    movk    w0, #0xaaaa, lsl #16
    PR      "movkw16", x0
    mov     x0, #-2                          // MOVN alias
    PR      "mov_m2", x0
    mov     w0, #-2
    PR      "movw_m2", x0
    mov     x0, #0x12340000
    PR      "mov_movz", x0

// ------------------------------------------------------------ bitfield
    PUTS    "== bitfield ==\n"
    LI      x19, 0x8123456789abcdef
    LI      x20, 0x76543210fedcba98
    asr     x0, x19, #0
    PR      "asr0", x0
    asr     x0, x19, #1
    PR      "asr1", x0
    asr     x0, x19, #36
    PR      "asr36", x0
    asr     x0, x19, #63
    PR      "asr63", x0
    asr     x0, x20, #63
    PR      "asr63_pos", x0
    asr     w0, w19, #0
    PR      "asrw0", x0
    asr     w0, w19, #7
    PR      "asrw7", x0
    asr     w0, w19, #31
    PR      "asrw31", x0
    lsl     x0, x19, #0
    PR      "lsl0", x0
    lsl     x0, x19, #1
    PR      "lsl1", x0
    lsl     x0, x19, #63
    PR      "lsl63", x0
    lsl     w0, w19, #1
    PR      "lslw1", x0
    lsl     w0, w19, #31
    PR      "lslw31", x0
    lsr     x0, x19, #0
    PR      "lsr0", x0
    lsr     x0, x19, #1
    PR      "lsr1", x0
    lsr     x0, x19, #63
    PR      "lsr63", x0
    lsr     w0, w19, #31
    PR      "lsrw31", x0
    lsr     w0, w19, #4
    PR      "lsrw4", x0
    sxtb    x0, w19
    PR      "sxtb_x", x0
    sxtb    w0, w19
    PR      "sxtb_w", x0
    sxtb    x0, w20
    PR      "sxtb_x2", x0
    sxth    x0, w19
    PR      "sxth_x", x0
    sxth    w0, w19
    PR      "sxth_w", x0
    sxth    x0, w20
    PR      "sxth_x2", x0
    sxtw    x0, w19
    PR      "sxtw", x0
    sxtw    x0, w20
    PR      "sxtw2", x0
    uxtb    w0, w19
    PR      "uxtb", x0
    uxth    w0, w19
    PR      "uxth", x0
    sbfiz   x0, x19, #4, #8
    PR      "sbfiz_4_8", x0
    sbfiz   x0, x19, #60, #4
    PR      "sbfiz_60_4", x0
    sbfiz   w0, w19, #3, #5
    PR      "sbfizw_3_5", x0
    sbfx    x0, x19, #4, #8
    PR      "sbfx_4_8", x0
    sbfx    x0, x19, #60, #4
    PR      "sbfx_60_4", x0
    sbfx    x0, x19, #0, #64
    PR      "sbfx_0_64", x0
    sbfx    w0, w19, #28, #4
    PR      "sbfxw_28_4", x0
    ubfiz   x0, x19, #4, #8
    PR      "ubfiz_4_8", x0
    ubfiz   x0, x19, #63, #1
    PR      "ubfiz_63_1", x0
    ubfiz   w0, w19, #16, #16
    PR      "ubfizw_16_16", x0
    ubfx    x0, x19, #4, #8
    PR      "ubfx_4_8", x0
    ubfx    x0, x19, #63, #1
    PR      "ubfx_63_1", x0
    ubfx    w0, w19, #31, #1
    PR      "ubfxw_31_1", x0
    mov     x0, x20
    bfi     x0, x19, #8, #16
    PR      "bfi_8_16", x0
    mov     x0, x20
    bfi     x0, x19, #60, #4
    PR      "bfi_60_4", x0
    mov     x0, x20
    bfi     w0, w19, #28, #4                // 32-bit BFM clears the top half
    PR      "bfiw_28_4", x0
    mov     x0, x20
    bfxil   x0, x19, #8, #16
    PR      "bfxil_8_16", x0
    mov     x0, x20
    bfxil   x0, x19, #32, #32
    PR      "bfxil_32_32", x0
    mov     x0, x20
    bfxil   w0, w19, #4, #8
    PR      "bfxilw_4_8", x0
    mov     x0, x20
    bfc     x0, #4, #40
    PR      "bfc_4_40", x0
    mov     x0, x20
    bfc     w0, #0, #31
    PR      "bfcw_0_31", x0
    // raw encodings, including immr/imms combinations no alias prefers
    sbfm    x0, x19, #8, #3                 // imms < immr: sbfiz 56, 4
    PR      "sbfm_8_3", x0
    sbfm    x0, x19, #3, #8
    PR      "sbfm_3_8", x0
    sbfm    x0, x19, #63, #62
    PR      "sbfm_63_62", x0
    ubfm    x0, x19, #8, #3
    PR      "ubfm_8_3", x0
    ubfm    x0, x19, #0, #63
    PR      "ubfm_0_63", x0
    ubfm    w0, w19, #31, #30
    PR      "ubfmw_31_30", x0
    mov     x0, x20
    bfm     x0, x19, #8, #3
    PR      "bfm_8_3", x0
    mov     x0, x20
    bfm     x0, x19, #60, #2
    PR      "bfm_60_2", x0
    mov     x0, x20
    bfm     x0, x19, #0, #63
    PR      "bfm_0_63", x0
    mov     x0, x20
    bfm     w0, w19, #16, #7
    PR      "bfmw_16_7", x0

    // EXTR / ROR imm
    PUTS    "== extr ==\n"
    extr    x0, x19, x20, #0
    PR      "extr0", x0
    extr    x0, x19, x20, #1
    PR      "extr1", x0
    extr    x0, x19, x20, #32
    PR      "extr32", x0
    extr    x0, x19, x20, #63
    PR      "extr63", x0
    extr    w0, w19, w20, #0
    PR      "extrw0", x0
    extr    w0, w19, w20, #1
    PR      "extrw1", x0
    extr    w0, w19, w20, #31
    PR      "extrw31", x0
    ror     x0, x19, #0
    PR      "ror0", x0
    ror     x0, x19, #4
    PR      "ror4", x0
    ror     x0, x19, #63
    PR      "ror63", x0
    ror     w0, w19, #1
    PR      "rorw1", x0
    ror     w0, w19, #31
    PR      "rorw31", x0

    PUTS    "done\n"
    EXIT    0

    .data
    .balign 16
    .quad   0
    // far_data sits a page boundary or more after the code
    .balign 4096
    .skip   4096
far_data:
    .quad   0x1122334455667788

    .equ    adrp_lo_target, 0x40100123
