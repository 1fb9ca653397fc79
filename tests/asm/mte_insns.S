// a64sim-requires: mte
//
// mte_insns.S - the MTE instructions that only compute on registers: IRG
// (architected LFSR in RGSR_EL1 with GCR_EL1.RRND=0, exclusion by Xm and by
// GCR_EL1.Exclude, all tags excluded, SP forms), GMI, ADDG/SUBG (uimm6 and
// uimm4 ranges, tag wrap, exclusions, carries and borrows out of bit 55 into
// the top byte, SP forms), SUBP/SUBPS/CMPP (sign extension from bit 55,
// tag bits ignored, NZCV, SP forms) and PSTATE.TCO (MSR TCO,#imm, MSR/MRS TCO).
// MMU off everywhere; no memory is tagged or tag-checked here.
//
// The same suite (`suite`, below) runs five times, each time with tag access
// enabled at exactly one EL or at none:
//   EL3 with SCTLR_EL3.ATA=1; EL3 with SCTLR_EL3.ATA=0; EL2 (E2H=0) with
//   SCTLR_EL2.ATA=1; EL1 with SCTLR_EL1.ATA=1 (HCR_EL2.ATA=1); EL1 with
//   SCTLR_EL1.ATA=0 but SCTLR_EL2.ATA=SCTLR_EL3.ATA=1.
// SCR_EL3.ATA=1 throughout (except in the last section). With tag access
// disabled IRG/ADDG/SUBG produce tag 0 and IRG leaves RGSR_EL1 alone; GMI,
// SUBP(S) and TCO do not depend on it.
// Then HCR_EL2.ATA=0 at EL1 (IRG/ADDG/SUBG give tag 0; GCR_EL1/RGSR_EL1
// accesses trap to EL2, EC 0x18) and SCR_EL3.ATA=0 at EL2 and EL1 (tag 0;
// the registers trap to EL3).
// GCR_EL1.RRND=1 (IMPLEMENTATION DEFINED random tags) is used by IRG only
// where the result is determined (every tag or all but one excluded), and
// with ADDG/SUBG, which ignore it.
// Exceptions are printed by the include/el.inc handlers, which skip the
// trapped instruction.

    .include "semihost.inc"
    .include "el.inc"

    .equ SCR_ATA,   (1 << 26)
    .equ HCR_ATA,   (1 << 56)
    .equ SCTLR_ATA, (1 << 43)
    .equ GCR_RRND,  (1 << 16)
    .equ TCO_BIT,   (1 << 25)

    .equ PTR_A, 0xa500123456789ab0          // tag 5, bits 63:60 = 0xa

// ------------------------------------------------------------ macros

.macro LA reg, label
    adrp    \reg, \label
    add     \reg, \reg, :lo12:\label
.endm

// SET_GCR value / SET_RGSR seed, tag (clobber x9)
.macro SET_GCR val
    LI      x9, \val
    msr     gcr_el1, x9
    isb
.endm
.macro SET_RGSR seed, tag
    LI      x9, (((\seed) << 8) | (\tag))
    msr     rgsr_el1, x9
    isb
.endm

// P_RGSR name: print RGSR_EL1 (clobbers x9)
.macro P_RGSR name
    isb
    mrs     x9, rgsr_el1
    PR      "\name", x9
.endm

// T_IRG name, insn...: run an IRG writing x0, print x0 and RGSR_EL1
.macro T_IRG name, insn:vararg
    \insn
    PR      "\name", x0
    P_RGSR  "\name\()_rgsr"
.endm

// T_X0 name, insn...: run an instruction writing x0, print x0
.macro T_X0 name, insn:vararg
    \insn
    PR      "\name", x0
.endm

// T_SP name, insn...: run an instruction writing SP, print SP, restore SP
// (no memory access while SP holds the result)
.macro T_SP name, insn:vararg
    mov     x22, sp
    \insn
    mov     x0, sp
    mov     sp, x22
    PR      "\name", x0
.endm

// T_FLAGS name, insn...: NZCV = 0b0101 (Z and V set), run the instruction
// (result in x0), print x0 and NZCV
.macro T_FLAGS name, insn:vararg
    mov     x9, #0x50000000
    msr     nzcv, x9
    \insn
    PR      "\name", x0
    PRNZCV  "\name\()_nzcv"
.endm

// ------------------------------------------------------------ main (EL3)

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    LI      x0, (SCR_DEFAULT | SCR_ATA)
    msr     scr_el3, x0
    LI      x0, (HCR_RW | HCR_ATA)
    msr     hcr_el2, x0
    isb

    PUTS    "== EL3, SCTLR_EL3.ATA=1 ==\n"
    mrs     x0, sctlr_el3
    orr     x0, x0, #SCTLR_ATA
    msr     sctlr_el3, x0
    isb
    bl      suite

    PUTS    "== EL3, SCTLR_EL3.ATA=0 ==\n"
    mrs     x0, sctlr_el3
    bic     x0, x0, #SCTLR_ATA
    msr     sctlr_el3, x0
    isb
    bl      suite

    PUTS    "== EL2, SCTLR_EL2.ATA=1 (SCTLR_EL1.ATA=SCTLR_EL3.ATA=0) ==\n"
    mrs     x0, sctlr_el2
    orr     x0, x0, #SCTLR_ATA
    msr     sctlr_el2, x0
    isb
    CALL_AT 3, SPSR_EL2H, lower_suite

    PUTS    "== EL1, SCTLR_EL1.ATA=1, HCR_EL2.ATA=1 (SCTLR_EL2.ATA=0) ==\n"
    mrs     x0, sctlr_el2
    bic     x0, x0, #SCTLR_ATA
    msr     sctlr_el2, x0
    mrs     x0, sctlr_el1
    orr     x0, x0, #SCTLR_ATA
    msr     sctlr_el1, x0
    isb
    CALL_AT 3, SPSR_EL1H, lower_suite

    PUTS    "== EL1, SCTLR_EL1.ATA=0 (SCTLR_EL2.ATA=SCTLR_EL3.ATA=1) ==\n"
    mrs     x0, sctlr_el1
    bic     x0, x0, #SCTLR_ATA
    msr     sctlr_el1, x0
    mrs     x0, sctlr_el2
    orr     x0, x0, #SCTLR_ATA
    msr     sctlr_el2, x0
    mrs     x0, sctlr_el3
    orr     x0, x0, #SCTLR_ATA
    msr     sctlr_el3, x0
    isb
    CALL_AT 3, SPSR_EL1H, lower_suite

    PUTS    "== EL1, HCR_EL2.ATA=0, SCTLR_EL1.ATA=1 ==\n"
    mrs     x0, sctlr_el1
    orr     x0, x0, #SCTLR_ATA
    msr     sctlr_el1, x0
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    SET_GCR 0
    SET_RGSR 0xace1, 3
    isb
    CALL_AT 3, SPSR_EL1H, el1_hcr_ata0
    P_RGSR  "el3_rgsr_after"
    mrs     x0, gcr_el1
    PR      "el3_gcr_after", x0

    PUTS    "== SCR_EL3.ATA=0: EL2 with SCTLR_EL2.ATA=1 ==\n"
    LI      x0, (HCR_RW | HCR_ATA)
    msr     hcr_el2, x0
    LI      x0, SCR_DEFAULT
    msr     scr_el3, x0
    isb
    CALL_AT 3, SPSR_EL2H, scr_ata0_part
    PUTS    "== SCR_EL3.ATA=0: EL1 with SCTLR_EL1.ATA=1, HCR_EL2.ATA=1 ==\n"
    CALL_AT 3, SPSR_EL1H, scr_ata0_part
    PUTS    "== SCR_EL3.ATA=0 and HCR_EL2.ATA=0: EL1 (EL2 trap first) ==\n"
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    CALL_AT 3, SPSR_EL1H, scr_ata0_part
    LI      x0, (SCR_DEFAULT | SCR_ATA)
    msr     scr_el3, x0
    isb
    P_RGSR  "el3_rgsr_after"
    mrs     x0, gcr_el1
    PR      "el3_gcr_after", x0

    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ lower ELs

lower_suite:
    bl      suite
    mrs     x0, currentel
    PR      "currentel", x0
    RET_SMC

// EL1 with HCR_EL2.ATA=0: tag generation gives tag 0, RGSR_EL1 untouched
// (EL3 prints it afterwards); the MTE registers trap to EL2.
el1_hcr_ata0:
    LI      x20, PTR_A
    T_X0    "irg", irg x0, x20
    T_X0    "irg_xm", irg x0, x20, x20
    T_X0    "addg", addg x0, x20, #16, #1
    T_X0    "subg", subg x0, x20, #16, #1
    T_X0    "gmi", gmi x0, x20, xzr
    mov     x0, #0x55
    PUTS    "-- msr gcr_el1 (traps to EL2)\n"
    msr     gcr_el1, x0
    PUTS    "-- mrs rgsr_el1 (traps to EL2)\n"
    mov     x0, #0x77
    mrs     x0, rgsr_el1
    PR      "x0_after_trapped_mrs", x0
    PUTS    "-- msr tco, #1 (not trapped)\n"
    msr     tco, #1
    mrs     x0, tco
    PR      "tco", x0
    msr     tco, #0
    RET_SMC

// SCR_EL3.ATA=0 at EL2 or EL1: tag 0; GCR_EL1 and RGSR_EL1 trap (to EL3, or
// to EL2 first for EL1 when HCR_EL2.ATA=0 too).
scr_ata0_part:
    LI      x20, PTR_A
    T_X0    "irg", irg x0, x20
    T_X0    "addg", addg x0, x20, #32, #2
    T_X0    "subg", subg x0, x20, #32, #2
    PUTS    "-- mrs gcr_el1\n"
    mov     x0, #0x66
    mrs     x0, gcr_el1
    PR      "x0_after_mrs", x0
    PUTS    "-- msr rgsr_el1\n"
    msr     rgsr_el1, x0
    mrs     x0, currentel
    PR      "currentel", x0
    RET_SMC

// ------------------------------------------------------------ the suite
// Runs at EL1, EL2 or EL3; clobbers x0-x27 (not x30), leaves NZCV = 0,
// PSTATE.TCO = 0, GCR_EL1 = 0.

suite:
    LI      x20, PTR_A
    PUTS    "-- IRG, GCR_EL1.RRND=0, no exclusions: RGSR_EL1 seeds and start tags\n"
    SET_GCR 0
    SET_RGSR 0x0000, 0
    T_IRG   "irg_s0000_t0", irg x0, x20
    SET_RGSR 0x0000, 7
    T_IRG   "irg_s0000_t7", irg x0, x20
    SET_RGSR 0x0001, 0
    T_IRG   "irg_s0001_t0", irg x0, x20
    SET_RGSR 0xace1, 3
    T_IRG   "irg_sace1_t3", irg x0, x20
    SET_RGSR 0xffff, 15
    T_IRG   "irg_sffff_t15", irg x0, x20
    SET_RGSR 0x8000, 9
    T_IRG   "irg_s8000_t9", irg x0, x20
    SET_RGSR 0x1234, 12
    T_IRG   "irg_s1234_t12", irg x0, x20, xzr
    PUTS    "-- IRG chain from seed 0xbeef, tag 2\n"
    SET_RGSR 0xbeef, 2
    .irp    i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    T_IRG   "irg_chain\i", irg x0, x20
    .endr

    PUTS    "-- IRG exclusions\n"
    SET_RGSR 0x5a5a, 4
    mov     x21, #0x00ff                    // tags 0-7 excluded by Xm
    .irp    i, 0, 1, 2, 3
    T_IRG   "irg_xm00ff_\i", irg x0, x20, x21
    .endr
    mov     x21, #0xaaaa                    // odd tags excluded by Xm
    .irp    i, 0, 1, 2, 3
    T_IRG   "irg_xmaaaa_\i", irg x0, x20, x21
    .endr
    LI      x21, 0xffffffffffff0001         // only Xm[15:0] counts: tag 0
    .irp    i, 0, 1
    T_IRG   "irg_xm_hi_\i", irg x0, x20, x21
    .endr
    SET_GCR 0x5555                          // even tags excluded by GCR
    .irp    i, 0, 1, 2, 3
    T_IRG   "irg_gcr5555_\i", irg x0, x20
    .endr
    SET_GCR 0x00f0
    mov     x21, #0x0f00                    // GCR | Xm
    .irp    i, 0, 1, 2, 3
    T_IRG   "irg_gcr00f0_xm0f00_\i", irg x0, x20, x21
    .endr
    SET_GCR 0
    SET_RGSR 0x0000, 5                      // offset 0, start tag excluded
    mov     x21, #0x0060
    T_IRG   "irg_s0_t5_xm0060", irg x0, x20, x21
    SET_RGSR 0x0000, 15                     // offset 0, wraps to tag 1
    mov     x21, #0x8001
    T_IRG   "irg_s0_t15_xm8001", irg x0, x20, x21
    PUTS    "-- IRG with every tag excluded: tag 0\n"
    SET_RGSR 0x1357, 9
    mov     x21, #0xffff
    T_IRG   "irg_all_xm", irg x0, x20, x21
    SET_GCR 0xffff
    T_IRG   "irg_all_gcr", irg x0, x20
    SET_GCR 0xff00
    mov     x21, #0x00ff
    T_IRG   "irg_all_gcr_xm", irg x0, x20, x21
    PUTS    "-- IRG with GCR_EL1.RRND=1 (RGSR_EL1 becomes UNKNOWN, not printed)\n"
    SET_GCR (GCR_RRND | 0xffff)
    T_X0    "irg_rrnd_all_excluded", irg x0, x20
    SET_GCR (GCR_RRND | 0xf7ff)
    T_X0    "irg_rrnd_only_tag11", irg x0, x20
    SET_GCR GCR_RRND
    LI      x21, 0xfffe
    T_X0    "irg_rrnd_only_tag0_xm", irg x0, x20, x21
    SET_GCR 0

    PUTS    "-- IRG with SP\n"
    SET_RGSR 0x0f0f, 1
    T_IRG   "irg_x0_sp", irg x0, sp
    T_SP    "irg_sp_x20", irg sp, x20
    P_RGSR  "irg_sp_x20_rgsr"
    mov     x21, #0x0003
    T_SP    "irg_sp_sp_xm0003", irg sp, sp, x21
    P_RGSR  "irg_sp_sp_xm0003_rgsr"
    mov     x0, sp
    PR      "sp", x0

    PUTS    "-- GMI\n"
    T_X0    "gmi_xzr", gmi x0, x20, xzr
    LI      x21, 0xffff000000000001
    T_X0    "gmi_xm", gmi x0, x20, x21
    LI      x23, 0x0f00000000000000
    LI      x21, 0x0000000000008000
    T_X0    "gmi_tag15_set", gmi x0, x23, x21
    T_X0    "gmi_sp", gmi x0, sp, x21
    mov     x22, sp
    LI      x9, 0x0b00000000000000
    orr     x0, x22, x9
    mov     sp, x0
    gmi     x0, sp, xzr
    mov     sp, x22
    PR      "gmi_sp_tag11", x0
    T_X0    "gmi_rd_eq_rm", gmi x21, x20, x21
    PR      "gmi_rd_eq_rm_x21", x21

    PUTS    "-- ADDG/SUBG, GCR_EL1.Exclude=0\n"
    LI      x24, 0x0f00000000000100         // tag 15
    LI      x25, 0x0fffffffffffffff & ~0xf  // carry out of bit 55
    LI      x26, 0x3000000000000000         // tag 0, borrow into bits 63:56
    T_X0    "addg_0_0", addg x0, x20, #0, #0
    T_X0    "addg_16_1", addg x0, x20, #16, #1
    T_X0    "addg_1008_15", addg x0, x20, #1008, #15
    T_X0    "addg_512_8", addg x0, x20, #512, #8
    T_X0    "addg_wrap_t15_32_1", addg x0, x24, #32, #1
    T_X0    "addg_wrap_t15_0_15", addg x0, x24, #0, #15
    T_X0    "addg_carry55", addg x0, x25, #16, #0
    T_X0    "subg_16_1", subg x0, x20, #16, #1
    T_X0    "subg_1008_0", subg x0, x20, #1008, #0
    T_X0    "subg_borrow_16_2", subg x0, x26, #16, #2
    mov     x27, #0
    T_X0    "subg_from0_16_0", subg x0, x27, #16, #0
    addg    x27, x27, #48, #3
    PR      "addg_rd_eq_rn_x27", x27
    PUTS    "-- ADDG/SUBG with GCR_EL1.Exclude\n"
    SET_GCR 0x0006                          // tags 1, 2 excluded
    mov     x27, #0
    T_X0    "addg_x0006_t0_1", addg x0, x27, #0, #1
    T_X0    "addg_x0006_t0_2", addg x0, x27, #0, #2
    T_X0    "subg_x0006_t5_13", subg x0, x20, #16, #13
    SET_GCR 0x0020                          // start tag 5 excluded, offset 0
    T_X0    "addg_x0020_t5_0", addg x0, x20, #0, #0
    SET_GCR 0x7fff                          // only tag 15 left
    T_X0    "addg_x7fff_t5_3", addg x0, x20, #0, #3
    T_X0    "addg_x7fff_t5_0", addg x0, x20, #0, #0
    SET_GCR 0xaaaa
    T_X0    "addg_xaaaa_t5_2", addg x0, x20, #0, #2
    T_X0    "subg_xaaaa_t5_15", subg x0, x20, #0, #15
    SET_GCR 0xffff                          // every tag excluded: tag 0
    T_X0    "addg_xffff_t5_1", addg x0, x20, #16, #1
    T_X0    "subg_xffff_t5_0", subg x0, x20, #16, #0
    SET_GCR (GCR_RRND | 0x0008)             // RRND does not affect ADDG
    T_X0    "addg_rrnd_x0008_t5_1", addg x0, x20, #0, #1
    T_X0    "addg_rrnd_x0008_t15_4", addg x0, x24, #0, #4
    SET_GCR 0
    PUTS    "-- ADDG/SUBG with SP\n"
    T_SP    "addg_sp_sp_32_2", addg sp, sp, #32, #2
    T_X0    "subg_x0_sp_16_1", subg x0, sp, #16, #1
    T_SP    "addg_sp_x20_0_1", addg sp, x20, #0, #1
    T_SP    "subg_sp_sp_1008_15", subg sp, sp, #1008, #15

    PUTS    "-- SUBP/SUBPS/CMPP\n"
    LI      x20, 0x0500000040201000          // tag 5
    LI      x21, 0x0a00000040200000          // tag 10
    LI      x22, 0xff00000040201000          // same address as x20, top byte 0xff
    LI      x23, 0x0380000000000010          // bit 55 set: negative
    LI      x24, 0x0000000000000020
    LI      x25, 0xf07fffffffffffff          // largest positive 56-bit value
    LI      x26, 0x0f80000000000000          // smallest negative 56-bit value
    T_FLAGS "subp_a_b", subp x0, x20, x21
    T_FLAGS "subp_b_a", subp x0, x21, x20
    T_FLAGS "subps_a_b", subps x0, x20, x21
    T_FLAGS "subps_b_a", subps x0, x21, x20
    T_FLAGS "subps_a_a_tagdiff", subps x0, x20, x22
    T_FLAGS "subps_neg_pos", subps x0, x23, x24
    T_FLAGS "subps_pos_neg", subps x0, x24, x23
    T_FLAGS "subps_max_min", subps x0, x25, x26
    T_FLAGS "subps_min_max", subps x0, x26, x25
    T_FLAGS "subps_neg_neg", subps x0, x23, x26
    mov     x0, #0
    T_FLAGS "cmpp_a_b", cmpp x20, x21
    T_FLAGS "cmpp_a_a_tagdiff", cmpp x20, x22
    T_FLAGS "cmpp_min_max", cmpp x26, x25
    mov     x9, sp
    sub     x27, x9, #0x40
    orr     x27, x27, #0x0c00000000000000    // SP - 0x40 with tag 12
    T_FLAGS "subp_sp_x", subp x0, sp, x27
    T_FLAGS "subps_x_sp", subps x0, x27, sp
    mov     x0, #0
    T_FLAGS "cmpp_sp_x", cmpp sp, x27
    T_FLAGS "cmpp_sp_sp", cmpp sp, sp
    msr     nzcv, xzr

    PUTS    "-- PSTATE.TCO\n"
    mrs     x0, tco
    PR      "tco_initial", x0
    msr     tco, #1
    mrs     x0, tco
    PR      "tco_after_imm1", x0
    msr     tco, #0
    mrs     x0, tco
    PR      "tco_after_imm0", x0
    LI      x1, TCO_BIT
    msr     tco, x1
    mrs     x0, tco
    PR      "tco_after_reg_bit25", x0
    LI      x1, ~TCO_BIT
    msr     tco, x1
    mrs     x0, tco
    PR      "tco_after_reg_not_bit25", x0
    mov     x1, #-1
    msr     tco, x1
    mrs     x0, tco
    PR      "tco_after_reg_ones", x0
    mrs     x0, nzcv
    PR      "nzcv_with_tco", x0
    mrs     x0, daif
    PR      "daif_with_tco", x0
    msr     tco, xzr
    mrs     x0, tco
    PR      "tco_after_reg_zero", x0
    ret
