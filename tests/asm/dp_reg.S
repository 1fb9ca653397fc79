// dp_reg.S - data processing (register): ADD/SUB shifted and extended (and S
// forms), ADC/SBC(S), logical shifted incl. BIC/ORN/EON/BICS and ROR,
// CCMN/CCMP, CSEL family and aliases, RBIT/REV*/CLZ/CLS, UDIV/SDIV,
// variable shifts, CRC32/CRC32C, multiply and multiply-high.

    .include "semihost.inc"

// T name, insn...    run insn (result in x0/w0), print x0
.macro T name, insn:vararg
    \insn
    PR      "\name", x0
.endm
// TF name, insn...   same, and print the flags as name.f
.macro TF name, insn:vararg
    \insn
    PR      "\name", x0
    PRNZCV  "\name\().f"
.endm
// TW name, nzcv, insn...   set NZCV to nzcv<<28 first, print x0 and flags
.macro TW name, nzcv, insn:vararg
    mov     x9, #((\nzcv) << 28)
    msr     nzcv, x9
    \insn
    PR      "\name", x0
    PRNZCV  "\name\().f"
.endm

// TWF name, nzcv, insn...  set NZCV to nzcv<<28 first, print only the flags
.macro TWF name, nzcv, insn:vararg
    mov     x9, #((\nzcv) << 28)
    msr     nzcv, x9
    \insn
    PRNZCV  "\name\().f"
.endm

    .text
    .global _start
_start:
    SETUP
    LI      x19, 0x8123456789abcdef
    LI      x20, 0x76543210fedcba98
    LI      x21, 0x7fffffffffffffff
    LI      x22, 0x8000000000000000
    mov     x23, #-1
    mov     x24, #0
    mov     x25, #1
    LI      x26, 0x00000000ffffffff
    LI      x27, 0x0000000080000000
    LI      x28, 0x000000007fffffff

// ------------------------------------------------------------ shifted add/sub
    PUTS    "== add/sub shifted ==\n"
    T  add_lsl0,   add x0, x19, x20
    T  add_lsl1,   add x0, x19, x20, lsl #1
    T  add_lsl63,  add x0, x19, x20, lsl #63
    T  add_lsr63,  add x0, x19, x19, lsr #63
    T  add_asr63,  add x0, x20, x19, asr #63
    T  add_asr17,  add x0, x20, x19, asr #17
    T  addw_lsl31, add w0, w19, w20, lsl #31
    T  addw_lsr31, add w0, w19, w19, lsr #31
    T  addw_asr31, add w0, w20, w19, asr #31
    T  addw_asr5,  add w0, w20, w19, asr #5
    T  sub_lsl4,   sub x0, x19, x20, lsl #4
    T  sub_asr60,  sub x0, x20, x19, asr #60
    T  subw_lsr3,  sub w0, w20, w19, lsr #3
    T  neg,        neg x0, x19
    T  neg_lsl8,   neg x0, x19, lsl #8
    T  negw,       neg w0, w19
    TF adds_max1,  adds x0, x21, x25
    TF adds_ones,  adds x0, x23, x25
    TF adds_minmin, adds x0, x22, x22
    TF adds_shift, adds x0, x25, x22, asr #63
    TF addsw_max1, adds w0, w28, w25
    TF addsw_ones, adds w0, w26, w25
    TF addsw_lsl31, adds w0, w24, w25, lsl #31
    TF subs_0_1,   subs x0, x24, x25
    TF subs_min_1, subs x0, x22, x25
    TF subs_eq,    subs x0, x19, x19
    TF subs_lsr1,  subs x0, x21, x23, lsr #1
    TF subsw_min1, subs w0, w27, w25
    TF subsw_0_1,  subs w0, w24, w25
    TF negs_min,   negs x0, x22
    TF negs_0,     negs x0, x24
    TF negsw_min,  negs w0, w27
    TWF cmp_sh,      0x0, cmp x20, x19, lsr #1
    TWF cmn_sh,      0x0, cmn x23, x25, lsl #0
    TWF cmpw_sh,     0x0, cmp w28, w27, asr #31

// ------------------------------------------------------------ extended add/sub
    PUTS    "== add/sub extended ==\n"
    T  add_uxtb,   add x0, x20, w19, uxtb
    T  add_uxtb4,  add x0, x20, w19, uxtb #4
    T  add_uxth2,  add x0, x20, w19, uxth #2
    T  add_uxtw,   add x0, x20, w19, uxtw
    T  add_uxtw3,  add x0, x20, w19, uxtw #3
    T  add_uxtx1,  add x0, x20, x19, uxtx #1
    T  add_sxtb,   add x0, x20, w19, sxtb
    T  add_sxtb1,  add x0, x20, w19, sxtb #1
    T  add_sxth4,  add x0, x20, w19, sxth #4
    T  add_sxtw,   add x0, x20, w19, sxtw
    T  add_sxtw2,  add x0, x20, w19, sxtw #2
    T  add_sxtx3,  add x0, x20, x19, sxtx #3
    T  addw_uxtb,  add w0, w20, w19, uxtb
    T  addw_sxth3, add w0, w20, w19, sxth #3
    T  addw_sxtw,  add w0, w20, w19, sxtw
    T  addw_uxtx,  add w0, w20, w19, uxtx #2
    T  sub_sxtb,   sub x0, x20, w19, sxtb
    T  sub_uxth1,  sub x0, x20, w19, uxth #1
    T  subw_sxtb2, sub w0, w20, w19, sxtb #2
    TF adds_sxtw,  adds x0, x23, w25, sxtw
    TF adds_uxtb,  adds x0, x21, w23, uxtb
    TF subs_sxtb,  subs x0, x24, w23, sxtb
    TF subs_uxth4, subs x0, x24, w23, uxth #4
    TF subsw_sxth, subs w0, w24, w23, sxth
    TWF cmp_uxtw,    0x0, cmp x26, w23, uxtw
    TWF cmn_sxtw,    0x0, cmn x25, w23, sxtw
    // SP forms: Rn=SP and Rd=SP (Rd=SP only without S)
    mov     x10, sp
    add     x0, sp, w25, uxtw #4
    sub     x0, x0, x10
    PR      "add_sp_uxtw4", x0
    add     x0, sp, x25                     // LSL/UXTX form with SP
    sub     x0, x0, x10
    PR      "add_sp_x", x0
    add     sp, x10, w23, sxtw #4           // sp - 16
    mov     x0, sp
    mov     sp, x10
    sub     x0, x10, x0
    PR      "add_to_sp_sxtw4", x0
    sub     sp, sp, w25, uxtb #4
    mov     x0, sp
    mov     sp, x10
    sub     x0, x10, x0
    PR      "sub_sp_uxtb4", x0
    adds    x0, sp, x24
    sub     x0, x0, x10
    PR      "adds_sp", x0
    PRNZCV  "adds_sp.f"

// ------------------------------------------------------------ ADC / SBC
    PUTS    "== adc/sbc ==\n"
    TW adc_c0,     0x0, adc x0, x19, x20
    TW adc_c1,     0x2, adc x0, x19, x20
    TW adc_nzv,    0xd, adc x0, x19, x20      // N, Z, V set but C clear
    TW adcs_c0_max, 0x0, adcs x0, x21, x24
    TW adcs_c1_max, 0x2, adcs x0, x21, x24
    TW adcs_c1_ones, 0x2, adcs x0, x23, x24
    TW adcs_c1_ones2, 0x2, adcs x0, x23, x23
    TW adcs_c0_minmin, 0x0, adcs x0, x22, x22
    TW adcs_c1_minmin, 0x2, adcs x0, x22, x23
    TW adcsw_c1,   0x2, adcs w0, w28, w24
    TW adcsw_c1b,  0x2, adcs w0, w26, w24
    TW adcsw_c0,   0x0, adcs w0, w26, w25
    TW adcw_c1,    0x2, adc w0, w26, w26
    TW sbc_c0,     0x0, sbc x0, x19, x20
    TW sbc_c1,     0x2, sbc x0, x19, x20
    TW sbcs_c0_0,  0x0, sbcs x0, x24, x24
    TW sbcs_c1_0,  0x2, sbcs x0, x24, x24
    TW sbcs_c0_min, 0x0, sbcs x0, x22, x24
    TW sbcs_c1_min, 0x2, sbcs x0, x22, x25
    TW sbcs_c0_eq, 0xf, sbcs x0, x19, x19
    TW sbcsw_c0,   0x0, sbcs w0, w27, w24
    TW sbcsw_c1,   0x2, sbcs w0, w27, w25
    TW sbcw_c0,    0x0, sbc w0, w24, w24
    TW ngc_c0,     0x0, ngc x0, x19
    TW ngc_c1,     0x2, ngc x0, x19
    TW ngcs_c0_0,  0x0, ngcs x0, x24
    TW ngcs_c1_0,  0x2, ngcs x0, x24
    TW ngcsw_c1,   0x2, ngcs w0, w27

// ------------------------------------------------------------ logical shifted
    PUTS    "== logical shifted ==\n"
    T  and_,       and x0, x19, x20
    T  and_ror8,   and x0, x19, x20, ror #8
    T  and_asr63,  and x0, x20, x19, asr #63
    T  bic,        bic x0, x19, x20
    T  bic_lsr4,   bic x0, x19, x20, lsr #4
    T  orr_lsl63,  orr x0, x20, x19, lsl #63
    T  orr_ror1,   orr x0, x24, x19, ror #1
    T  orr_ror63,  orr x0, x24, x19, ror #63
    T  orn,        orn x0, x19, x20
    T  orn_ror32,  orn x0, x19, x20, ror #32
    T  eor_asr1,   eor x0, x19, x19, asr #1
    T  eon,        eon x0, x19, x20
    T  eon_lsl3,   eon x0, x19, x20, lsl #3
    T  mvn,        mvn x0, x19
    T  mvn_ror4,   mvn x0, x19, ror #4
    T  mov_reg,    mov x0, x20
    T  andw_ror31, and w0, w19, w20, ror #31
    T  bicw_asr31, bic w0, w20, w19, asr #31
    T  orrw_ror16, orr w0, w24, w19, ror #16
    T  ornw,       orn w0, w19, w20
    T  eonw_lsr1,  eon w0, w19, w20, lsr #1
    T  mvnw,       mvn w0, w19
    T  movw_reg,   mov w0, w19
    TF ands_neg,   ands x0, x19, x23
    TF ands_zero,  ands x0, x19, x24
    TF ands_ror,   ands x0, x25, x25, ror #1
    TF bics_zero,  bics x0, x19, x19
    TF bics_neg,   bics x0, x23, x21
    TF bics_lsr63, bics x0, x25, x23, lsr #63
    TF andsw_neg,  ands w0, w19, w23
    TF bicsw_pos,  bics w0, w28, w27
    // ANDS/BICS/TST clear C and V
    TW ands_cv,    0x3, ands x0, x19, x20
    TW bics_cv,    0x3, bics x0, x19, x20
    TWF tst_cv,    0xf, tst x20, x19, lsl #1
    TWF tstw,      0x3, tst w27, w19

// ------------------------------------------------------------ CCMP / CCMN
// TW sets NZCV first; the condition is checked against it.
    PUTS    "== ccmp/ccmn ==\n"
    TWF ccmp_taken_eq,    0x4, ccmp x19, x19, #0x0, eq   // Z: compare -> 6
    TWF ccmp_nottaken,    0x0, ccmp x19, x19, #0xa, eq   // -> imm a
    TWF ccmp_taken_lt,    0x8, ccmp x24, x25, #0x0, lt   // 0-1 -> N
    TWF ccmp_taken_ovf,   0x2, ccmp x22, x25, #0xf, cs   // min-1 -> C V
    TWF ccmp_nt_hi,       0x6, ccmp x22, x25, #0x5, hi
    TWF ccmp_imm_taken,   0x0, ccmp x25, #31, #0x0, ne
    TWF ccmp_imm_nt,      0x4, ccmp x25, #31, #0x9, ne
    TWF ccmp_imm0,        0x1, ccmp x24, #0, #0x0, vs
    TWF ccmpw_taken,      0x1, ccmp w27, w25, #0x0, vs
    TWF ccmpw_imm,        0x9, ccmp w24, #1, #0x3, lt
    TWF ccmn_taken,       0x0, ccmn x23, x25, #0x8, al
    TWF ccmn_nv,          0xf, ccmn x21, x25, #0x0, nv
    TWF ccmn_nt,          0x0, ccmn x21, x25, #0x4, mi
    TWF ccmn_imm_taken,   0x8, ccmn x23, #1, #0x0, mi
    TWF ccmn_imm_ovf,     0x8, ccmn x21, #1, #0x0, ge    // N!=V: not taken
    TWF ccmnw_taken,      0x0, ccmn w28, w25, #0x0, gt
    TWF ccmnw_imm,        0x0, ccmn w26, #31, #0xc, le

// ------------------------------------------------------------ conditional select
// Bit c of the mask is CSINC(c) = cond ? 0 : 1 evaluated for every one of the
// 16 conditions, for all 16 NZCV values. Then each CS* op and alias.
    PUTS    "== csel ==\n"
    .set    nzcv, 0
    .rept   16
    mov     x9, #(nzcv << 28)
    msr     nzcv, x9
    mov     x0, #0
    .set    cbit, 0
    .irp    cond, eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le, al, nv
    csinc   x1, xzr, xzr, \cond
    orr     x0, x0, x1, lsl #cbit
    .set    cbit, cbit + 1
    .endr
    csetm   w2, ne                          // flags unchanged by the CSINCs
    bfi     x0, x2, #16, #16
    orr     x0, x0, x9, lsl #4
    PR      "csinc_mask", x0
    .set    nzcv, nzcv + 1
    .endr

    TW csel_t,     0x4, csel x0, x19, x20, eq
    TW csel_f,     0x0, csel x0, x19, x20, eq
    TW cselw_t,    0x4, csel w0, w19, w20, eq
    TW csinc_t,    0x8, csinc x0, x19, x20, mi
    TW csinc_f,    0x0, csinc x0, x19, x23, mi   // -1 + 1 = 0
    TW csincw_f,   0x0, csinc w0, w19, w26, mi
    TW csinv_t,    0x2, csinv x0, x19, x20, cs
    TW csinv_f,    0x0, csinv x0, x19, x20, cs
    TW csinvw_f,   0x0, csinv w0, w19, w20, cs
    TW csneg_t,    0x1, csneg x0, x19, x20, vs
    TW csneg_f,    0x0, csneg x0, x19, x20, vs
    TW csneg_min,  0x0, csneg x0, x19, x22, vs   // -INT64_MIN = INT64_MIN
    TW csnegw_f,   0x0, csneg w0, w19, w27, vs
    TW cset_t,     0x6, cset x0, ls
    TW cset_f,     0x0, cset x0, ls
    TW csetw_t,    0x9, cset w0, lt
    TW csetm_t,    0x6, csetm x0, hs
    TW csetm_f,    0x0, csetm x0, hs
    TW csetmw_t,   0x4, csetm w0, le
    TW cinc_t,     0x0, cinc x0, x23, ge
    TW cinc_f,     0x8, cinc x0, x23, ge
    TW cincw_t,    0x0, cinc w0, w26, gt
    TW cinv_t,     0x0, cinv x0, x19, pl
    TW cinv_f,     0x8, cinv x0, x19, pl
    TW cinvw_t,    0x0, cinv w0, w19, vc
    TW cneg_t,     0x0, cneg x0, x19, hi
    TW cneg_f,     0x2, cneg x0, x19, hi
    TW cnegw_t,    0x2, cneg w0, w27, hi

// ------------------------------------------------------------ bit ops
    PUTS    "== rbit/rev/clz/cls ==\n"
    .irp    n, 19, 20, 21, 22, 23, 24, 25, 27
    T  rbit_x\n,    rbit x0, x\n
    T  rev16_x\n,   rev16 x0, x\n
    T  rev32_x\n,   rev32 x0, x\n
    T  rev_x\n,     rev x0, x\n
    T  rev64_x\n,   rev64 x0, x\n
    T  clz_x\n,     clz x0, x\n
    T  cls_x\n,     cls x0, x\n
    T  rbitw_x\n,   rbit w0, w\n
    T  rev16w_x\n,  rev16 w0, w\n
    T  revw_x\n,    rev w0, w\n
    T  clzw_x\n,    clz w0, w\n
    T  clsw_x\n,    cls w0, w\n
    .endr
    .irp    v, 0x0000000040000000, 0xffffffffc0000000, 0x0000000000000001
    LI      x10, \v
    T  clz2_\v,    clz x0, x10
    T  cls2_\v,    cls x0, x10
    T  clzw2_\v,   clz w0, w10
    T  clsw2_\v,   cls w0, w10
    .endr

// ------------------------------------------------------------ division
    PUTS    "== udiv/sdiv ==\n"
    T  udiv,       udiv x0, x19, x20
    T  udiv2,      udiv x0, x23, x25
    T  udiv3,      udiv x0, x20, x19
    T  udiv_big,   udiv x0, x23, x26
    T  udiv_0,     udiv x0, x19, x24
    T  udiv_0_0,   udiv x0, x24, x24
    T  udivw,      udiv w0, w19, w20
    T  udivw_0,    udiv w0, w19, w24
    T  udivw_top,  udiv w0, w23, w27
    T  sdiv,       sdiv x0, x19, x20
    T  sdiv_neg,   sdiv x0, x20, x19
    T  sdiv_min_m1, sdiv x0, x22, x23
    T  sdiv_min_1, sdiv x0, x22, x25
    T  sdiv_0,     sdiv x0, x19, x24
    T  sdiv_m1_0,  sdiv x0, x23, x24
    T  sdivw_min_m1, sdiv w0, w27, w23
    T  sdivw_0,    sdiv w0, w27, w24
    T  sdivw,      sdiv w0, w19, w20
    mov     x10, #-7
    mov     x11, #2
    T  sdiv_m7_2,  sdiv x0, x10, x11
    T  sdiv_2_m7,  sdiv x0, x11, x10
    mov     x12, #7
    neg     x11, x11
    T  sdiv_7_m2b, sdiv x0, x12, x11
    T  sdiv_m7_m2, sdiv x0, x10, x11
    T  sdivw_m7_m2, sdiv w0, w10, w11
    T  udivw_m7_m2, udiv w0, w10, w11

// ------------------------------------------------------------ variable shifts
    PUTS    "== variable shifts ==\n"
    .irp    amt, 0, 1, 31, 32, 33, 63, 64, 65, 127, 128, 0x8000000000000001, 0xffffffffffffffff
    LI      x10, \amt
    lslv    x0, x19, x10
    lsrv    x1, x19, x10
    asrv    x2, x19, x10
    rorv    x3, x19, x10
    lslv    w4, w19, w10
    lsrv    w5, w19, w10
    asrv    w6, w19, w10
    rorv    w7, w19, w10
    PR      "lslv_\amt", x0
    PR      "lsrv_\amt", x1
    PR      "asrv_\amt", x2
    PR      "rorv_\amt", x3
    PR      "lslvw_\amt", x4
    PR      "lsrvw_\amt", x5
    PR      "asrvw_\amt", x6
    PR      "rorvw_\amt", x7
    .endr
    // preferred aliases
    mov     x10, #36
    T  lsl_reg,    lsl x0, x20, x10
    T  lsr_reg,    lsr x0, x20, x10
    T  asr_reg,    asr x0, x19, x10
    T  ror_reg,    ror x0, x20, x10
    T  asrw_reg,   asr w0, w19, w10

// ------------------------------------------------------------ CRC32
    PUTS    "== crc32 ==\n"
    .irp    init, 0x00000000, 0xffffffff
    LIW     w11, \init
    T  crc32b_\init,   crc32b w0, w11, w19
    T  crc32h_\init,   crc32h w0, w11, w19
    T  crc32w_\init,   crc32w w0, w11, w19
    T  crc32x_\init,   crc32x w0, w11, x19
    T  crc32cb_\init,  crc32cb w0, w11, w19
    T  crc32ch_\init,  crc32ch w0, w11, w19
    T  crc32cw_\init,  crc32cw w0, w11, w19
    T  crc32cx_\init,  crc32cx w0, w11, x19
    .endr
    // CRC of the ASCII bytes "123456789" (check values cbf43926 / e3069283
    // after the final inversion)
    adr     x12, crc_check
    mov     w0, #-1
    mov     w1, #-1
    mov     x13, #9
1:  ldrb    w14, [x12], #1
    crc32b  w0, w0, w14
    crc32cb w1, w1, w14
    sub     x13, x13, #1
    cbnz    x13, 1b
    mvn     w0, w0
    mvn     w1, w1
    PR      "crc32_123456789", x0
    PR      "crc32c_123456789", x1
    // mixed widths over a buffer: 8 + 4 + 2 + 1 bytes
    adr     x12, crc_check
    mov     w0, #-1
    mov     w1, #-1
    ldr     x14, [x12]                      // crc_check is 8-aligned
    crc32x  w0, w0, x14
    crc32cx w1, w1, x14
    ldr     w14, [x12, #8]
    crc32w  w0, w0, w14
    crc32cw w1, w1, w14
    ldrh    w14, [x12, #12]
    crc32h  w0, w0, w14
    crc32ch w1, w1, w14
    ldrb    w14, [x12, #14]
    crc32b  w0, w0, w14
    crc32cb w1, w1, w14
    PR      "crc32_mixed", x0
    PR      "crc32c_mixed", x1
    // upper bits of the W data register are ignored
    mov     w11, #0
    LI      x12, 0xffffffffffffff5a
    LI      x13, 0x000000000000005a
    crc32b  w0, w11, w12
    crc32b  w1, w11, w13
    eor     x0, x0, x1
    PR      "crc32b_upper_ignored", x0

// ------------------------------------------------------------ multiply
    PUTS    "== multiply ==\n"
    T  mul,        mul x0, x19, x20
    T  mul_min_m1, mul x0, x22, x23
    T  mulw,       mul w0, w19, w20
    T  mneg,       mneg x0, x19, x20
    T  mnegw,      mneg w0, w19, w20
    T  madd,       madd x0, x19, x20, x21
    T  maddw,      madd w0, w19, w20, w21
    T  madd_ovf,   madd x0, x21, x21, x22
    T  msub,       msub x0, x19, x20, x21
    T  msubw,      msub w0, w19, w20, w28
    T  msub_zr,    msub x0, x23, x23, xzr
    T  smull,      smull x0, w19, w20
    T  smull_min,  smull x0, w27, w27
    T  smull_minm1, smull x0, w27, w23
    T  umull,      umull x0, w19, w20
    T  umull_max,  umull x0, w23, w23
    T  smnegl,     smnegl x0, w19, w20
    T  umnegl,     umnegl x0, w19, w20
    T  smaddl,     smaddl x0, w19, w20, x21
    T  smaddl_ext, smaddl x0, w27, w27, x22
    T  smsubl,     smsubl x0, w19, w20, x22
    T  smsubl_ext, smsubl x0, w27, w28, x23
    T  umaddl,     umaddl x0, w19, w20, x21
    T  umaddl_ext, umaddl x0, w23, w23, x23
    T  umsubl,     umsubl x0, w19, w20, x24
    T  umsubl_ext, umsubl x0, w23, w23, x24
    T  smulh,      smulh x0, x19, x20
    T  smulh_minmin, smulh x0, x22, x22
    T  smulh_minm1, smulh x0, x22, x23
    T  smulh_maxmax, smulh x0, x21, x21
    T  smulh_m1m1, smulh x0, x23, x23
    T  smulh_maxmin, smulh x0, x21, x22
    T  umulh,      umulh x0, x19, x20
    T  umulh_ones, umulh x0, x23, x23
    T  umulh_min,  umulh x0, x22, x22
    T  umulh_1,    umulh x0, x23, x25
    T  umulh_max_min, umulh x0, x21, x22

    PUTS    "done\n"
    EXIT    0

    .section .rodata
    .balign 8
crc_check:
    .ascii  "123456789abcdefg"
