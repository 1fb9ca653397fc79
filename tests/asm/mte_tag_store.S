// a64sim-requires: mte
//
// mte_tag_store.S - allocation-tag storage: every instruction that reads or
// writes allocation tags, run at EL1 with the MMU on (SCR_EL3.ATA=1,
// HCR_EL2.ATA=1, SCTLR_EL1.ATA=1, SCTLR_EL1.TCF=0 so nothing is tag-checked
// for effect; TCR_EL1.TBI0=1). Regime of include/mte_a.inc; a 20 KiB buffer
// `tbuf` (PA) is seen through these 4 KiB-page windows:
//   TA  0x8000_0000  Allocation Tagged (MAIR 0xf0), RW       (main window)
//   TB  0x8010_0000  Allocation Tagged, RW                  (alias of TA)
//   UNT 0x8020_0000  Normal WB untagged (0xff), RW
//   UNC 0x8030_0000  Normal Non-cacheable (0x44), RW
//   TRO 0x8040_0000  Allocation Tagged, EL1 read-only
//   HOLE 0x8050_0000 invalid level-3 descriptor
// and through the identity map of the RAM (untagged), which is how data is
// read back for printing (`d_<offset>` lines are dwords of tbuf). Before the
// tests, every dword at offset o of tbuf holds 0xd000_0000_0000_0000 | o and
// every granule's tag is set to 0 by STG.
//
// Sections: STG offset/pre/post forms (imm9 range, Xt/Xn = SP, tag taken
// from Xt, written-back bases), LDG (tag inserted into Xt[59:56], other bits
// kept, unaligned addresses aligned down, SP base); STZG/ST2G/STZ2G (data
// zeroed or not, page-crossing ST2G); STGP (data from Xt/Xt2, tag from the
// address, imm7 range); LDGM/STGM (block of 4 << GMID_EL1.BS bytes: QEMU's
// BS=6, 256 bytes = 16 tags per LDGM), STZGM (block of 4 << DCZID_EL0.BS
// bytes, tag from Xt[3:0], data zeroed), DC GVA/DC GZVA (DCZID block, tag
// from Xt[59:56]), DC ZVA (zeroes data, keeps tags); two tagged VAs of one PA
// share tags; untagged and Non-cacheable mappings (tag reads 0, tag writes
// dropped, data still written); faults (Alignment fault for STG-family and
// STGP at a non-16-aligned address, also via the untagged mapping, with no
// data written and no base writeback; translation faults of every tag
// instruction; Permission faults of the tag stores on a read-only page);
// SCTLR_EL1.ATA=0 and HCR_EL2.ATA=0 (tag reads 0, tag writes dropped, data
// zeroing of STZG/STZ2G/STZGM/DC GZVA and STGP data still done; alignment,
// translation and permission faults still taken, as the tag access is still
// translated).
// GMID_EL1 and DCZID_EL0 are printed because the LDGM/STGM/STZGM/DC G*VA
// results depend on them. Faults are printed by the mte_a.inc EL1 handler
// (ESR, ELR, FAR[55:0]) and skipped.

    .include "semihost.inc"
    .include "el.inc"
    .include "pt.inc"
    .include "mte_a.inc"

    .equ TA,   0x80000000
    .equ TB,   0x80100000
    .equ UNT,  0x80200000
    .equ UNC,  0x80300000
    .equ TRO,  0x80400000
    .equ HOLE, 0x80500000
    .equ TBUF_PAGES, 5
    .equ TBUF_SIZE, (TBUF_PAGES * 4096)
    .equ POOL_SIZE, 0x8000

.macro LA reg, label
    adrp    \reg, \label
    add     \reg, \reg, :lo12:\label
.endm

// VA dst, base, off, tag: dst = base + off with VA[59:56] = tag (base untagged)
.macro VA dst, base, off, tag=0
    LI      \dst, ((\off) | ((\tag) << 56))
    add     \dst, \base, \dst
.endm

// PTAG name, base, off: print LDG of base+off (the address with its tag)
.macro PTAG name, base, off
    VA      x10, \base, \off
    ldg     x10, [x10]
    PR      "\name", x10
.endm

// PBLK name, base, off: print LDGM of base+off
.macro PBLK name, base, off
    VA      x10, \base, \off
    ldgm    x10, [x10]
    PR      "\name", x10
.endm

// PD off: print the dword at tbuf+off (read through the identity map)
.macro PD off
    VA      x10, x28, \off
    ldr     x10, [x10]
    PR      "d_\off", x10
.endm

// T "description", insn...: print the description, run the instruction
.macro T desc, insn:vararg
    PUTS    "-- \desc\n"
    \insn
.endm

// SP_TO base, off, tag: x21 = SP, SP = base+off (tag); SP_BACK: x22 = SP, SP = x21
.macro SP_TO base, off, tag=0
    mov     x21, sp
    VA      x10, \base, \off, \tag
    mov     sp, x10
.endm
.macro SP_BACK
    mov     x22, sp
    mov     sp, x21
.endm

// SET_ATA on: SCTLR_EL1.ATA = on (at EL1)
.macro SET_ATA on
    mrs     x9, sctlr_el1
    .if \on
    orr     x9, x9, #SCTLR_ATA
    .else
    bic     x9, x9, #SCTLR_ATA
    .endif
    msr     sctlr_el1, x9
    isb
.endm

// ------------------------------------------------------------ EL3

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    LI      x0, (SCR_DEFAULT | SCR_ATA)
    msr     scr_el3, x0
    LI      x0, (HCR_RW | HCR_ATA)
    msr     hcr_el2, x0
    mrs     x0, sctlr_el1
    orr     x0, x0, #SCTLR_ATA                // TCF = 0: no tag checks
    msr     sctlr_el1, x0
    isb
    // tables (EL3 MMU off)
    LA      x0, pool
    LI      x1, POOL_SIZE
    bl      mte_a_tables
    LA      x6, tbuf
    mov     x5, #TBUF_PAGES
    LI      x1, TA
    LI      x2, MTE_A_TAGGED_RW
    orr     x2, x2, x6
    bl      mte_a_map
    LI      x1, TB
    bl      mte_a_map
    LI      x1, UNT
    LI      x2, MTE_A_NORMAL_RW
    orr     x2, x2, x6
    bl      mte_a_map
    LI      x1, UNC
    LI      x2, MTE_A_NC_RW
    orr     x2, x2, x6
    bl      mte_a_map
    LI      x1, TRO
    LI      x2, MTE_A_TAGGED_RO
    orr     x2, x2, x6
    bl      mte_a_map
    dsb     sy

    CALL_AT 3, SPSR_EL1H, el1_main
    PUTS    "== HCR_EL2.ATA=0 ==\n"
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb
    CALL_AT 3, SPSR_EL1H, el1_hcr_ata0
    LI      x0, (HCR_RW | HCR_ATA)
    msr     hcr_el2, x0
    isb
    CALL_AT 3, SPSR_EL1H, el1_final
    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ EL1

el1_main:
    MTE_A_VBAR
    bl      mte_a_mmu_on
    LI      x27, TA
    LI      x26, TB
    LI      x25, UNT
    LI      x24, UNC
    LI      x23, TRO
    LA      x28, tbuf
    PUTS    "== setup ==\n"
    mrs     x0, gmid_el1
    PR      "gmid_el1", x0
    mrs     x0, dczid_el0
    PR      "dczid_el0", x0
    // data: 0xd000_0000_0000_0000 | offset
    mov     x10, #0
    LI      x11, 0xd000000000000000
1:  orr     x12, x11, x10
    str     x12, [x28, x10]
    add     x10, x10, #8
    cmp     x10, #TBUF_SIZE
    b.lo    1b
    // tags: 0 in every granule, by STG through TA
    mov     x9, x27
    mov     x10, #(TBUF_SIZE / 16)
2:  stg     x9, [x9], #16
    sub     x10, x10, #1
    cbnz    x10, 2b
    PBLK    "ldgm_after_init_0000", x27, 0x0000
    PBLK    "ldgm_after_init_4f00", x27, 0x4f00

    // ---------------------------------------------------------- STG / LDG
    PUTS    "== STG ==\n"
    VA      x1, x27, 0x100, 3
    T "stg x1, [x1] (tag 3)", stg x1, [x1]
    T "stg x1, [x1, #32]", stg x1, [x1, #32]
    VA      x19, x27, 0x100
    VA      x2, x27, 0x7770, 0xa
    T "stg x2, [x19, #-256]: tag from Xt (0xa), address from Xn", stg x2, [x19, #-256]
    VA      x3, x27, 0x000, 0xb
    T "stg x3, [x3, #4080]", stg x3, [x3, #4080]
    VA      x3, x27, 0x1010, 0xc
    T "stg x3, [x3, #-4096]", stg x3, [x3, #-4096]
    VA      x3, x27, 0x200, 5
    T "stg x3, [x3, #48]!", stg x3, [x3, #48]!
    PR      "x3", x3
    VA      x3, x27, 0x300, 6
    T "stg x3, [x3], #-32", stg x3, [x3], #-32
    PR      "x3", x3
    VA      x3, x27, 0x330, 0
    VA      x4, x27, 0x0, 0xe
    T "stg x4, [x3], #4080", stg x4, [x3], #4080
    PR      "x3", x3
    PUTS    "-- stg sp, [x3] (SP carries tag 9)\n"
    VA      x3, x27, 0x400
    mov     x21, sp
    LI      x10, 0x0900000000000000
    orr     x10, x10, x21
    mov     sp, x10
    stg     sp, [x3]
    mov     sp, x21
    PUTS    "-- Xn = SP: SP = TA+0x500, tag 7\n"
    VA      x4, x27, 0, 4
    SP_TO   x27, 0x500, 7
    stg     sp, [sp]
    stg     x4, [sp, #16]
    stg     sp, [sp, #32]!
    mov     x5, sp
    stg     x4, [sp], #64
    mov     x6, sp
    stg     sp, [sp, #-16]
    SP_BACK
    PR      "sp_after_pre", x5
    PR      "sp_after_post", x6
    PBLK    "ldgm_0000", x27, 0x0000
    PBLK    "ldgm_0100", x27, 0x0100
    PBLK    "ldgm_0200", x27, 0x0200
    PBLK    "ldgm_0300", x27, 0x0300
    PBLK    "ldgm_0400", x27, 0x0400
    PBLK    "ldgm_0500", x27, 0x0500
    PBLK    "ldgm_0f00", x27, 0x0f00
    PBLK    "ldgm_1000", x27, 0x1000
    PBLK    "ldgm_1300", x27, 0x1300
    PD      0x100
    PD      0x108
    PD      0x230

    PUTS    "== LDG ==\n"
    LI      x5, 0x5a00deadbeef0000
    T "ldg x5, [x19] (Xt bits other than 59:56 kept)", ldg x5, [x19]
    PR      "x5", x5
    T "ldg x5, [x19, #32]", ldg x5, [x19, #32]
    PR      "x5", x5
    T "ldg x5, [x19, #16]", ldg x5, [x19, #16]
    PR      "x5", x5
    T "ldg x5, [x19, #-256]", ldg x5, [x19, #-256]
    PR      "x5", x5
    VA      x3, x27, 0xf00, 0x5
    T "ldg x5, [x3, #240] (tag 0xb)", ldg x5, [x3, #240]
    PR      "x5", x5
    VA      x3, x27, 0x1010
    T "ldg x5, [x3, #-4096] (tag 0xc)", ldg x5, [x3, #-4096]
    PR      "x5", x5
    VA      x6, x27, 0x10f, 0xf
    T "ldg x5, [x6] (x6 = TA+0x10f: granule 0x100)", ldg x5, [x6]
    PR      "x5", x5
    T "ldg x6, [x6] (Xt = Xn)", ldg x6, [x6]
    PR      "x6", x6
    VA      x6, x27, 0x127
    T "ldg x6, [x6, #-16] (TA+0x117: granule 0x110)", ldg x6, [x6, #-16]
    PR      "x6", x6
    mov     x7, #0
    SP_TO   x27, 0x510
    ldg     x7, [sp]
    ldg     x8, [sp, #16]
    SP_BACK
    PR      "ldg_sp_0510", x7
    PR      "ldg_sp_0520", x8
    PTAG    "tag_0540", x27, 0x540
    PTAG    "tag_0550", x27, 0x550
    PTAG    "tag_0400", x27, 0x400

    // ---------------------------------------------------------- STZG etc.
    PUTS    "== STZG / ST2G / STZ2G ==\n"
    VA      x3, x27, 0x1100, 1
    T "stzg x3, [x3]", stzg x3, [x3]
    VA      x3, x27, 0x1140, 2
    T "stzg x3, [x3, #16]!", stzg x3, [x3, #16]!
    PR      "x3", x3
    VA      x3, x27, 0x1180, 3
    T "stzg x3, [x3], #32", stzg x3, [x3], #32
    PR      "x3", x3
    PBLK    "ldgm_1100", x27, 0x1100
    PD      0x1100
    PD      0x1108
    PD      0x1110
    PD      0x1140
    PD      0x1150
    PD      0x1158
    PD      0x1160
    PD      0x1180
    PD      0x1188
    PD      0x1190
    VA      x3, x27, 0x1200, 4
    T "st2g x3, [x3]", st2g x3, [x3]
    VA      x3, x27, 0x1230, 5
    T "st2g x3, [x3, #32]!", st2g x3, [x3, #32]!
    PR      "x3", x3
    VA      x3, x27, 0x12a0, 6
    T "st2g x3, [x3], #-64", st2g x3, [x3], #-64
    PR      "x3", x3
    PBLK    "ldgm_1200", x27, 0x1200
    PD      0x1200
    PD      0x1218
    PD      0x1250
    PD      0x12a0
    PD      0x12b8
    VA      x3, x27, 0x1300, 7
    T "stz2g x3, [x3]", stz2g x3, [x3]
    VA      x3, x27, 0x1380, 8
    T "stz2g x3, [x3, #-64]!", stz2g x3, [x3, #-64]!
    PR      "x3", x3
    VA      x3, x27, 0x13c0, 9
    T "stz2g x3, [x3], #4064", stz2g x3, [x3], #4064
    PR      "x3", x3
    PBLK    "ldgm_1300", x27, 0x1300
    PD      0x12f8
    PD      0x1300
    PD      0x1318
    PD      0x1320
    PD      0x1338
    PD      0x1340
    PD      0x1358
    PD      0x1360
    PD      0x13c0
    PD      0x13d8
    PD      0x13e0
    VA      x3, x27, 0x3ff0, 0xa
    T "stz2g x3, [x3] across a page boundary (TA+0x3ff0)", stz2g x3, [x3]
    PTAG    "tag_3fe0", x27, 0x3fe0
    PTAG    "tag_3ff0", x27, 0x3ff0
    PTAG    "tag_4000", x27, 0x4000
    PTAG    "tag_4010", x27, 0x4010
    PD      0x3fe8
    PD      0x3ff0
    PD      0x4008
    PD      0x4010
    PUTS    "-- Xn = SP: st2g x4, [sp, #32]; stzg sp, [sp, #-16]!; stz2g x4, [sp], #64\n"
    VA      x4, x27, 0, 0xd
    SP_TO   x27, 0x1400, 0xe
    st2g    x4, [sp, #32]
    stzg    sp, [sp, #-16]!
    stz2g   x4, [sp], #64
    SP_BACK
    PR      "sp_after", x22
    PBLK    "ldgm_1400", x27, 0x1400
    PBLK    "ldgm_1300_again", x27, 0x1300
    PD      0x13f0
    PD      0x1400
    PD      0x1410
    PD      0x1420

    PUTS    "== STGP ==\n"
    LI      x7, 0x0f11111111111111
    LI      x8, 0x0e22222222222222
    VA      x3, x27, 0x1500, 0xa
    T "stgp x7, x8, [x3] (tag 0xa from the address)", stgp x7, x8, [x3]
    T "stgp x7, x8, [x3, #1008]", stgp x7, x8, [x3, #1008]
    T "stgp x8, x7, [x3, #-32]!", stgp x8, x7, [x3, #-32]!
    PR      "x3", x3
    VA      x3, x27, 0x1580, 0xb
    T "stgp x7, x8, [x3], #-1024", stgp x7, x8, [x3], #-1024
    PR      "x3", x3
    VA      x3, x27, 0x15c0, 0xc
    T "stgp xzr, xzr, [x3, #-1024]", stgp xzr, xzr, [x3, #-1024]
    PUTS    "-- stgp x7, x8, [sp, #16] (SP = TA+0x1600, tag 0xd)\n"
    SP_TO   x27, 0x1600, 0xd
    stgp    x7, x8, [sp, #16]
    SP_BACK
    PBLK    "ldgm_1100_again", x27, 0x1100
    PBLK    "ldgm_1500", x27, 0x1500
    PBLK    "ldgm_1600", x27, 0x1600
    PBLK    "ldgm_1800", x27, 0x1800
    PD      0x14e0
    PD      0x14e8
    PD      0x14f0
    PD      0x1500
    PD      0x1508
    PD      0x1510
    PD      0x1580
    PD      0x1588
    PD      0x11c0
    PD      0x11c8
    PD      0x15f0
    PD      0x1600
    PD      0x1610
    PD      0x1618
    PD      0x18f0
    PD      0x18f8

    // ---------------------------------------------------------- LDGM etc.
    PUTS    "== LDGM / STGM ==\n"
    VA      x3, x27, 0x2000
    LI      x4, 0xfedcba9876543210
    T "stgm x4, [x3]", stgm x4, [x3]
    PBLK    "ldgm_2000", x27, 0x2000
    PTAG    "tag_2010", x27, 0x2010
    PTAG    "tag_20f0", x27, 0x20f0
    PD      0x2000
    PD      0x20f8
    VA      x3, x27, 0x2137, 0x5
    LI      x4, 0x0123456789abcdef
    T "stgm x4, [x3] (x3 = TA+0x2137: block 0x2100)", stgm x4, [x3]
    VA      x5, x27, 0x21f8, 0xf
    T "ldgm x6, [x5] (x5 = TA+0x21f8)", ldgm x6, [x5]
    PR      "x6", x6
    LI      x4, 0x5555aaaa5555aaaa
    SP_TO   x27, 0x2240, 0x3
    stgm    x4, [sp]
    ldgm    x7, [sp]
    SP_BACK
    PR      "ldgm_sp_2240", x7
    PBLK    "ldgm_2200", x27, 0x2200
    mov     x4, #-1
    VA      x3, x27, 0x2300
    stgm    x4, [x3]
    PBLK    "ldgm_2300_ones", x27, 0x2300
    T "stgm xzr, [x3]", stgm xzr, [x3]
    PBLK    "ldgm_2300", x27, 0x2300
    PD      0x2100
    PD      0x21f8
    PD      0x2300

    PUTS    "== STZGM ==\n"
    LI      x4, 0xabcd0000000000f5
    VA      x3, x27, 0x2468, 0xe
    T "stzgm x4, [x3] (tag Xt[3:0] = 5, x3 = TA+0x2468)", stzgm x4, [x3]
    PBLK    "ldgm_2400", x27, 0x2400
    PD      0x2438
    PD      0x2440
    PD      0x2478
    PD      0x2480
    LI      x4, 0x000000000000000c
    SP_TO   x27, 0x24c0
    stzgm   x4, [sp]
    SP_BACK
    PUTS    "-- stzgm x4, [sp] (SP = TA+0x24c0, tag 0xc)\n"
    PBLK    "ldgm_2400_again", x27, 0x2400
    PD      0x24b8
    PD      0x24c0
    PD      0x24f8

    PUTS    "== DC GVA / DC GZVA / DC ZVA ==\n"
    VA      x3, x27, 0x2528, 0xb
    T "dc gva, x3 (TA+0x2528, tag 0xb)", dc gva, x3
    VA      x3, x27, 0x25bf, 0xc
    T "dc gzva, x3 (TA+0x25bf, tag 0xc)", dc gzva, x3
    PBLK    "ldgm_2500", x27, 0x2500
    PD      0x24f8
    PD      0x2500
    PD      0x2538
    PD      0x2540
    PD      0x2578
    PD      0x2580
    PD      0x25b8
    PD      0x25c0
    VA      x3, x27, 0x2600, 0xd
    dc      gva, x3
    VA      x3, x27, 0x2640, 0xe
    dc      gva, x3
    VA      x3, x27, 0x2608, 0xd
    T "dc zva, x3 (TA+0x2608, tag 0xd = the memory's)", dc zva, x3
    VA      x3, x27, 0x2640, 0x0
    T "dc zva, x3 (TA+0x2640, tag 0 != 0xe, TCF=0)", dc zva, x3
    PBLK    "ldgm_2600", x27, 0x2600
    PD      0x2600
    PD      0x2638
    PD      0x2640
    PD      0x2678
    PD      0x2680

    // ---------------------------------------------------------- aliases
    PUTS    "== aliases: TA and TB map the same PA ==\n"
    LI      x4, 0x9999999999999999
    VA      x3, x27, 0x3000
    stgm    x4, [x3]
    LI      x4, 0x8888888888888888
    VA      x3, x27, 0x3100
    stgm    x4, [x3]
    VA      x3, x27, 0x3000, 0xc
    T "stg via TA+0x3000 (tag 0xc)", stg x3, [x3]
    PTAG    "tb_tag_3000", x26, 0x3000
    VA      x3, x26, 0x3010, 0xd
    T "stg via TB+0x3010 (tag 0xd)", stg x3, [x3]
    PTAG    "ta_tag_3010", x27, 0x3010
    PBLK    "tb_ldgm_3000", x26, 0x3000
    PBLK    "ta_ldgm_3000", x27, 0x3000

    PUTS    "== untagged mappings ==\n"
    LI      x7, 0x0f11111111111111
    LI      x8, 0x0e22222222222222
    PTAG    "unt_tag_3000", x25, 0x3000
    PTAG    "unc_tag_3000", x24, 0x3000
    PTAG    "identity_tag_3000", x28, 0x3000
    PBLK    "unt_ldgm_3000", x25, 0x3000
    PBLK    "unc_ldgm_3000", x24, 0x3000
    PBLK    "identity_ldgm_3000", x28, 0x3000
    VA      x3, x25, 0x3020, 7
    T "stg via UNT+0x3020 (tag 7): dropped", stg x3, [x3]
    VA      x3, x24, 0x3030, 7
    T "stg via UNC+0x3030 (tag 7): dropped", stg x3, [x3]
    VA      x3, x28, 0x3040, 7
    T "stg via the identity map (tag 7): dropped", stg x3, [x3]
    VA      x3, x25, 0x3050, 7
    T "stzg via UNT+0x3050: data zeroed, tag dropped", stzg x3, [x3]
    VA      x3, x25, 0x3060, 7
    T "stz2g via UNT+0x3060: data zeroed, tags dropped", stz2g x3, [x3]
    VA      x3, x25, 0x3080, 7
    T "stgp via UNT+0x3080: data written, tag dropped", stgp x7, x8, [x3]
    VA      x3, x25, 0x30c0
    mov     x4, #7
    T "stzgm via UNT+0x30c0 (tag 7): data zeroed, tags dropped", stzgm x4, [x3]
    VA      x3, x25, 0x3100, 7
    T "dc gva via UNT+0x3100: dropped", dc gva, x3
    VA      x3, x25, 0x3140, 7
    T "dc gzva via UNT+0x3140: data zeroed, tags dropped", dc gzva, x3
    VA      x3, x25, 0x3100
    mov     x4, #0
    T "stgm xzr via UNT+0x3100: dropped", stgm xzr, [x3]
    PBLK    "ta_ldgm_3000_after", x27, 0x3000
    PBLK    "ta_ldgm_3100_after", x27, 0x3100
    PD      0x3020
    PD      0x3030
    PD      0x3040
    PD      0x3050
    PD      0x3058
    PD      0x3060
    PD      0x3078
    PD      0x3080
    PD      0x3088
    PD      0x30c0
    PD      0x30f8
    PD      0x3100
    PD      0x3140
    PD      0x3178
    PD      0x3180

    PUTS    "== read-only tagged alias TRO ==\n"
    PTAG    "tro_tag_3000", x23, 0x3000
    PBLK    "tro_ldgm_3000", x23, 0x3000

    // ---------------------------------------------------------- faults
    PUTS    "== faults ==\n"
    VA      x3, x27, 0x3208, 1
    T "stg x3, [x3] (TA+0x3208): Alignment fault", stg x3, [x3]
    VA      x3, x27, 0x3204, 1
    T "stg x3, [x3, #16]! (TA+0x3204): Alignment fault, no writeback", stg x3, [x3, #16]!
    PR      "x3", x3
    T "stg x3, [x3], #16 (TA+0x3204): Alignment fault, no writeback", stg x3, [x3], #16
    PR      "x3", x3
    VA      x3, x27, 0x3201, 2
    T "st2g x3, [x3] (TA+0x3201): Alignment fault", st2g x3, [x3]
    VA      x3, x27, 0x3228, 3
    T "stzg x3, [x3] (TA+0x3228): Alignment fault, no data zeroed", stzg x3, [x3]
    VA      x3, x27, 0x3242, 4
    T "stz2g x3, [x3] (TA+0x3242): Alignment fault, no data zeroed", stz2g x3, [x3]
    VA      x3, x27, 0x3268, 5
    T "stgp x7, x8, [x3] (TA+0x3268): Alignment fault, no data written", stgp x7, x8, [x3]
    VA      x3, x27, 0x3278, 5
    T "stgp x7, x8, [x3, #-16]! (TA+0x3278): Alignment fault, no writeback", stgp x7, x8, [x3, #-16]!
    PR      "x3", x3
    VA      x3, x25, 0x3288, 6
    T "stg via UNT+0x3288: Alignment fault although untagged", stg x3, [x3]
    VA      x3, x27, 0x3297, 7
    T "ldg x5, [x3] (TA+0x3297): no fault", ldg x5, [x3]
    PR      "x5", x5
    PBLK    "ldgm_3200", x27, 0x3200
    PD      0x3220
    PD      0x3228
    PD      0x3240
    PD      0x3248
    PD      0x3258
    PD      0x3260
    PD      0x3268
    PD      0x3270
    VA      x3, x23, 0x3000, 1
    T "stg via TRO: Permission fault", stg x3, [x3]
    T "stzg via TRO: Permission fault", stzg x3, [x3]
    T "st2g via TRO: Permission fault", st2g x3, [x3, #32]
    T "stz2g via TRO: Permission fault", stz2g x3, [x3, #-32]!
    T "stgp via TRO: Permission fault", stgp x7, x8, [x3], #16
    PR      "x3", x3
    T "stgm via TRO: Permission fault", stgm x4, [x3]
    T "stzgm via TRO: Permission fault", stzgm x4, [x3]
    T "dc gva via TRO: Permission fault", dc gva, x3
    T "dc gzva via TRO: Permission fault", dc gzva, x3
    T "ldg via TRO: no fault", ldg x5, [x3]
    PR      "x5", x5
    PBLK    "ta_ldgm_3000_after_tro", x27, 0x3000
    PD      0x3000
    PD      0x3008
    VA      x3, x27, HOLE - TA, 2
    T "ldg via HOLE: Translation fault", ldg x5, [x3, #32]
    T "ldgm via HOLE: Translation fault", ldgm x5, [x3]
    T "stg via HOLE: Translation fault", stg x3, [x3, #-16]!
    PR      "x3", x3
    T "stzg via HOLE: Translation fault", stzg x3, [x3]
    T "st2g via HOLE: Translation fault", st2g x3, [x3], #32
    PR      "x3", x3
    T "stgp via HOLE: Translation fault", stgp x7, x8, [x3]
    T "stgm via HOLE: Translation fault", stgm x4, [x3]
    T "stzgm via HOLE: Translation fault", stzgm x4, [x3]
    T "dc gva via HOLE: Translation fault", dc gva, x3
    T "dc gzva via HOLE: Translation fault", dc gzva, x3
    adrp    x0, mte_a_exc_count
    ldr     x0, [x0, :lo12:mte_a_exc_count]
    PR      "exceptions", x0

    // ---------------------------------------------------------- ATA = 0
    PUTS    "== SCTLR_EL1.ATA=0 ==\n"
    LI      x4, 0x7777777777777777
    VA      x3, x27, 0x3400
    stgm    x4, [x3]
    VA      x3, x27, 0x3500
    stgm    x4, [x3]
    SET_ATA 0
    PTAG    "tag_3400", x27, 0x3400
    PBLK    "ldgm_3400", x27, 0x3400
    VA      x3, x27, 0x3400, 1
    T "stg (dropped)", stg x3, [x3]
    VA      x3, x27, 0x3410, 2
    T "stzg (data zeroed)", stzg x3, [x3]
    VA      x3, x27, 0x3420, 3
    T "st2g (dropped)", st2g x3, [x3]
    VA      x3, x27, 0x3440, 4
    T "stz2g (data zeroed)", stz2g x3, [x3]
    VA      x3, x27, 0x3460, 5
    T "stgp (data written)", stgp x7, x8, [x3]
    VA      x3, x27, 0x3400, 6
    T "stgm xzr (dropped)", stgm xzr, [x3]
    VA      x3, x27, 0x3480
    mov     x4, #8
    T "stzgm (data zeroed)", stzgm x4, [x3]
    VA      x3, x27, 0x3500, 9
    T "dc gva (dropped)", dc gva, x3
    VA      x3, x27, 0x3540, 9
    T "dc gzva (data zeroed)", dc gzva, x3
    VA      x3, x27, 0x3588, 9
    T "stg x3, [x3] (TA+0x3588): Alignment fault", stg x3, [x3]
    VA      x3, x27, 0x3598, 9
    T "stzg x3, [x3] (TA+0x3598): Alignment fault", stzg x3, [x3]
    VA      x3, x23, 0x3400, 9
    T "stg via TRO: Permission fault", stg x3, [x3]
    T "stgm via TRO: Permission fault", stgm x5, [x3]
    T "stzgm via TRO: Permission fault", stzgm x5, [x3]
    T "dc gva via TRO: Permission fault", dc gva, x3
    T "dc gzva via TRO: Permission fault", dc gzva, x3
    T "ldg via TRO: no fault", ldg x5, [x3]
    PR      "x5", x5
    VA      x3, x27, HOLE - TA, 2
    T "ldg via HOLE: Translation fault", ldg x5, [x3]
    T "ldgm via HOLE: Translation fault", ldgm x5, [x3]
    T "stg via HOLE: Translation fault", stg x3, [x3]
    T "stzg via HOLE: Translation fault", stzg x3, [x3]
    T "st2g via HOLE: Translation fault", st2g x3, [x3]
    T "stgp via HOLE: Translation fault", stgp x3, x3, [x3]
    T "stgm via HOLE: Translation fault", stgm x5, [x3]
    T "stzgm via HOLE: Translation fault", stzgm x5, [x3]
    T "dc gva via HOLE: Translation fault", dc gva, x3
    T "dc gzva via HOLE: Translation fault", dc gzva, x3
    SET_ATA 1
    PBLK    "ldgm_3400_enabled", x27, 0x3400
    PBLK    "ldgm_3500_enabled", x27, 0x3500
    PD      0x3400
    PD      0x3410
    PD      0x3418
    PD      0x3420
    PD      0x3440
    PD      0x3458
    PD      0x3460
    PD      0x3468
    PD      0x3480
    PD      0x34b8
    PD      0x34c0
    PD      0x3500
    PD      0x3540
    PD      0x3578
    PD      0x3580
    PD      0x3590
    LI      x4, 0x6666666666666666
    VA      x3, x27, 0x3600
    stgm    x4, [x3]
    RET_SMC

// HCR_EL2.ATA=0 (SCTLR_EL1.ATA=1): tag reads 0, tag writes dropped
el1_hcr_ata0:
    LI      x27, TA
    LA      x28, tbuf
    PTAG    "tag_3000", x27, 0x3000
    PBLK    "ldgm_3000", x27, 0x3000
    VA      x3, x27, 0x3600, 1
    T "stg (dropped)", stg x3, [x3]
    VA      x3, x27, 0x3610, 2
    T "stzg (data zeroed)", stzg x3, [x3]
    VA      x3, x27, 0x3620, 3
    T "stgp (data written)", stgp xzr, x3, [x3]
    VA      x3, x27, 0x3600
    mov     x4, #-1
    T "stgm (dropped)", stgm x4, [x3]
    VA      x3, x27, 0x3640, 4
    T "dc gzva (data zeroed)", dc gzva, x3
    VA      x3, x27, 0x3688, 4
    T "stg x3, [x3] (TA+0x3688): Alignment fault", stg x3, [x3]
    VA      x3, x27, HOLE - TA, 4
    T "ldg via HOLE: Translation fault", ldg x5, [x3]
    T "stg via HOLE: Translation fault", stg x3, [x3]
    T "ldgm via HOLE: Translation fault", ldgm x5, [x3]
    RET_SMC

// back with HCR_EL2.ATA=1: what the disabled sections left, and a digest of
// every tag and every data byte of tbuf
el1_final:
    LI      x27, TA
    LA      x28, tbuf
    PUTS    "== final ==\n"
    PBLK    "ldgm_3600", x27, 0x3600
    PD      0x3600
    PD      0x3610
    PD      0x3620
    PD      0x3628
    PD      0x3640
    PD      0x3680
    // tag digest: h = (h ^ LDGM(block)) * odd constant + index
    mov     x0, #0
    LI      x1, 0x9e3779b97f4a7c15
    mov     x2, x27
    mov     x3, #0
1:  ldgm    x4, [x2]
    eor     x0, x0, x4
    madd    x0, x0, x1, x3
    add     x2, x2, #256
    add     x3, x3, #1
    cmp     x3, #(TBUF_SIZE / 256)
    b.lo    1b
    PR      "tag_digest", x0
    LI      x1, TBUF_SIZE
    CKSUM   x0, x28, x1
    PR      "data_checksum", x0
    adrp    x0, mte_a_exc_count
    ldr     x0, [x0, :lo12:mte_a_exc_count]
    PR      "exceptions", x0
    RET_SMC

    .bss
    .balign 4096
pool:
    .skip   POOL_SIZE
    .balign 4096
tbuf:
    .skip   TBUF_SIZE
