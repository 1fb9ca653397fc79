// a64sim-requires: mte
//
// mte_checks.S - MTE tag checks of data accesses at EL1, EL0 and EL3.
//
// EL3 sets SCR_EL3.ATA=1 and HCR_EL2 = RW|ATA (EL2 enabled but not in the
// way), then runs el1_main at EL1h. EL1 turns its MMU on with one level-1
// table per TTBR (4 KiB granule, T0SZ = T1SZ = 25, TBI0 = TBI1 = 1), 1 GiB
// blocks of the RAM at 0x4000_0000:
//   VA 0x0_4000_0000  identity, Normal WB (MAIR 0xff), EL1 only, executable
//   VA 0x0_8000_0000  Tagged (MAIR 0xf0), EL1 and EL0 read/write, XN
//   VA 0x0_c000_0000  Normal WB untagged (0xff), EL1 and EL0 read/write, XN
//   VA 0x1_0000_0000  Tagged, EL1 only, executable at EL1
//   VA 0xffff_ff80_8000_0000 (TTBR1) Tagged, EL1 only, XN
// so that code, stacks and the el.inc handlers run untagged and the test
// page tpage0 is reached through its tagged aliases (VA = PA + 0x4000_0000,
// or PA + 0xffff_ff80_4000_0000 for VA[55] = 1). Every dword of tpage0 holds
// 0xd0d0_0000_0000_0000 | its offset. STG gives its granules the tags
//   0x000-0x0ff: 3     0x100-0x1ff: 5     0x200-0x2ff: 0xa     rest: 0
// and the granule of a literal-load routine in tpage1 gets tag 6.
//
// The include/el.inc handler prints every exception (ESR, ELR, SPSR, FAR)
// and skips the faulting instruction. Sections: synchronous checks
// (SCTLR_EL1.TCF=01) of LDR/STR, LDRB/STRH, unaligned accesses and pairs
// crossing into a granule with another tag, exclusives, LSE atomics (LDADD,
// SWP, STADD; WnR of their syndromes), DC ZVA, SP-based accesses (immediate
// offset, exclusive and atomic: unchecked; register offset and pre/post-
// index: checked), literal loads, PRFM, the TTBR1 range; LDTR/STTR under
// the EL0 controls (TCF0, ATA0, TFSRE0_EL1); asynchronous mode (TCF=10:
// TFSR_EL1.TF0/TF1, also for a CAS and a DC ZVA that complete with a
// mismatching tag); asymmetric mode (TCF=11, FEAT_MTE3: LDR, LDADD, SWP
// synchronous, STR asynchronous); TCR_EL1.TCMA0/TCMA1; PSTATE.TCO;
// SCTLR_EL1.ATA=0; TCF=00; EL0 with TCF0 = 01/00/10 and TCO; the untagged
// alias; then EL3 with its own MMU (SCTLR_EL3.TCF sync and async, TFSR_EL3).
//
// Faulting loads print their destination afterwards (it was 0xdead before):
// QEMU leaves it unchanged. Stores that fault leave memory unchanged (shown
// by reading it back with the right tag). FAR keeps the pointer's tag (and
// bits 63:60, UNKNOWN without FEAT_MTE_TAGGED_FAR, are those of the VA in
// QEMU); for an access crossing into a mismatching granule FAR is the first
// byte of that granule. SP-based accesses follow the Arm ASL: `tagchecked =
// wback || n != 31` for immediate-offset loads/stores and pairs, `n != 31`
// for exclusives and LSE atomics, but TRUE for the register-offset forms, so
// LDR x4, [sp, x5] is checked.
//
// Not here, because QEMU 10 differs from the Arm ARM:
//  * CAS with a mismatching tag: QEMU reports WnR=1 (ESR 0x96000051) and, in
//    asymmetric mode, treats it as a write (TFSR_EL1.TF0, no exception). CAS
//    reads and writes its location, so WnR is 0 (a read would fault) and the
//    asymmetric mode makes it synchronous (as QEMU does for LDADD and SWP).
//    CAS is only checked in asynchronous mode here.
//  * DC ZVA with a mismatching tag: QEMU reports WnR=0 (ESR 0x96000011) and
//    in asymmetric mode takes a synchronous fault; DC ZVA is a write (WnR=1,
//    asynchronous in asymmetric mode). Only the asynchronous case is here.
//  * STXR whose pointer tag differs from the LDXR's: QEMU compares the
//    tagged VA with the monitor's and fails the STXR (status 1) without an
//    access; whether the monitor covers it depends on the implementation.
//    The STXR here uses the same pointer as an LDXR done under PSTATE.TCO=1.

    .include "semihost.inc"
    .include "el.inc"
    .include "mte_b_common.inc"

.macro LA reg, label
    adrp    \reg, \label
    add     \reg, \reg, :lo12:\label
.endm

// T "description", insn...: print the description, execute the instruction.
.macro T desc, insn:vararg
    PUTS    "-- \desc"
    NL
    \insn
.endm

// PR_TFSR: print TFSR_EL1 and TFSRE0_EL1 (clobbers x16)
.macro PR_TFSR
    SYNC_TFSR
    mrs     x16, tfsr_el1
    PR      "tfsr_el1", x16
    mrs     x16, tfsre0_el1
    PR      "tfsre0_el1", x16
.endm
.macro CLR_TFSR
    msr     tfsr_el1, xzr
    msr     tfsre0_el1, xzr
    isb
.endm

// TLB maintenance after a TCR_EL1 change
.macro SYNC_TLB
    isb
    tlbi    vmalle1
    dsb     ish
    isb
.endm

    .equ RAM,     0x40000000
    .equ TAG_OFF, 0x40000000            // tagged alias: VA = PA + TAG_OFF
    .equ UNT_OFF, 0x80000000            // untagged EL0 alias
    .equ XT_OFF,  0xc0000000            // tagged executable alias
    .equ HI_OFF,  0xffffff8040000000    // tagged TTBR1 alias
    .equ FILL,    0xd0d0000000000000

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    mrs     x0, scr_el3
    orr     x0, x0, #SCR_ATA
    msr     scr_el3, x0
    LI      x0, (HCR_RW | HCR_ATA)
    msr     hcr_el2, x0
    isb
    CALL_AT 3, SPSR_EL1H, el1_main
    bl      el3_part
    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ EL1
el1_main:
    LA      x0, tpage0
    mov     x1, #4096
    LI      x2, FILL
    bl      mteb_fill
    // tpage1: "ldr x0, .+8; ret" and the literal
    LA      x0, tpage1
    LIW     w1, 0x58000040
    str     w1, [x0]
    LIW     w1, 0xd65f03c0
    str     w1, [x0, #4]
    LI      x1, 0x1111222233334444
    str     x1, [x0, #8]
    dsb     ish
    ic      iallu
    dsb     ish
    isb

    LA      x0, l1_lo
    LI      x1, RAM
    LI      x2, (RAM | B_BASE | B_NORMAL)
    bl      mteb_l1
    LI      x1, (RAM + TAG_OFF)
    LI      x2, (RAM | B_BASE | B_TAGGED | B_EL0 | B_PXN | B_UXN)
    bl      mteb_l1
    LI      x1, (RAM + UNT_OFF)
    LI      x2, (RAM | B_BASE | B_NORMAL | B_EL0 | B_PXN | B_UXN)
    bl      mteb_l1
    LI      x1, (RAM + XT_OFF)
    LI      x2, (RAM | B_BASE | B_TAGGED | B_UXN)
    bl      mteb_l1
    LA      x0, l1_hi
    LI      x1, (RAM + HI_OFF)
    LI      x2, (RAM | B_BASE | B_TAGGED | B_PXN | B_UXN)
    bl      mteb_l1
    LI      x0, TCR_EL1_MTE
    LA      x1, l1_lo
    LA      x2, l1_hi
    bl      mteb_el1_on
    MTE_CTL 1, 1, 1, 1, 1
    CLR_TFSR

    LA      x19, tpage0
    LI      x0, TAG_OFF
    add     x19, x19, x0                    // tpage0, tagged alias, tag 0
    LA      x20, tpage0
    LI      x0, HI_OFF
    add     x20, x20, x0                    // tpage0, TTBR1 alias (tag 0xf)
    LA      x21, tpage0
    LI      x0, UNT_OFF
    add     x21, x21, x0                    // tpage0, untagged alias
    LA      x22, rec
    add     x22, x22, x0                    // EL0 record page, untagged alias

    TAGP    x0, x19, 3, 0
    mov     x1, #0x100
    bl      mteb_stg_range
    TAGP    x0, x19, 5, 0x100
    mov     x1, #0x100
    bl      mteb_stg_range
    TAGP    x0, x19, 0xa, 0x200
    mov     x1, #0x100
    bl      mteb_stg_range
    LA      x0, tpage1
    LI      x1, TAG_OFF
    add     x0, x0, x1
    mov     x1, #6
    bfi     x0, x1, #56, #4
    stg     x0, [x0]

    PUTS    "== allocation tags (LDG) ==\n"
    mov     x0, #0
    ldg     x0, [x19]
    PR      "ldg_0x000", x0
    mov     x0, #0
    ldg     x0, [x19, #0x1f0]
    PR      "ldg_0x1f0", x0
    mov     x0, #0
    ldg     x0, [x19, #0x2f0]
    PR      "ldg_0x2f0", x0
    mov     x0, #0
    ldg     x0, [x19, #0x300]
    PR      "ldg_0x300", x0
    mov     x0, #0
    ldg     x0, [x20, #0x100]
    PR      "ldg_ttbr1_0x100", x0

    PUTS    "== synchronous (SCTLR_EL1.TCF=01): matching tags ==\n"
    TAGP    x9, x19, 3, 0x10
    ldr     x0, [x9]
    PR      "ldr_tag3", x0
    LI      x1, 0x1111111111111111
    str     x1, [x9, #8]
    ldr     x0, [x9, #8]
    PR      "str_ldr_tag3", x0
    ldrb    w0, [x9, #0x21]
    PR      "ldrb_tag3", x0
    TAGP    x9, x19, 5, 0x100
    ldr     x0, [x9, #0xf8]
    PR      "ldr_tag5_0x1f8", x0
    TAGP    x9, x19, 3, 0xf0
    ldp     x0, x1, [x9]
    PR      "ldp_0xf0_x0", x0
    PR      "ldp_0xf0_x1", x1
    ldr     x0, [x9, #7]
    PR      "ldr_0xf7", x0

    PUTS    "== synchronous: mismatching tags ==\n"
    TAGP    x9, x19, 4, 0x20
    mov     x0, #0xdead
    T "ldr x0, pointer tag 4, granule tag 3", ldr x0, [x9]
    PR      "x0_after", x0
    LI      x1, 0x2222222222222222
    T "str x1, pointer tag 4", str x1, [x9, #8]
    TAGP    x10, x19, 3, 0x20
    ldr     x0, [x10, #8]
    PR      "mem_0x28_after", x0
    T "strh w1, pointer tag 4", strh w1, [x9, #2]
    ldr     x0, [x10]
    PR      "mem_0x20_after", x0
    TAGP    x9, x19, 0, 0x20
    T "ldrb, pointer tag 0", ldrb w0, [x9, #1]
    TAGP    x9, x19, 3, 0x100
    T "ldr, pointer tag 3, granule 0x100 tag 5", ldr x0, [x9]

    PUTS    "== every granule of an access is checked ==\n"
    TAGP    x9, x19, 3, 0xfc
    T "ldr x at 0xfc, tag 3 (bytes 0x100.. have tag 5)", ldr x0, [x9]
    TAGP    x9, x19, 5, 0xfc
    T "ldr x at 0xfc, tag 5 (bytes ..0xff have tag 3)", ldr x0, [x9]
    TAGP    x9, x19, 3, 0xf8
    T "ldp x at 0xf8, tag 3 (second register at 0x100, tag 5)", ldp x0, x1, [x9]
    TAGP    x9, x19, 3, 0xf4
    T "ldp w at 0xf4, tag 3 (second register at 0xf8: one granule, passes)", ldp w0, w1, [x9]
    PR      "ldp_w_0xf4_w0", x0
    PR      "ldp_w_0xf4_w1", x1
    TAGP    x9, x19, 3, 0xe0
    T "ldp x at 0xe0 and stp x at 0xe0 (tag 3, one granule each: pass)", ldp x0, x1, [x9]
    stp     x1, x0, [x9]
    ldp     x0, x1, [x9]
    PR      "stp_ldp_0xe0_x0", x0
    PR      "stp_ldp_0xe0_x1", x1
    TAGP    x9, x19, 6, 0x30
    T "stp x at 0x30, tag 6 (granule tag 3)", stp xzr, xzr, [x9]
    TAGP    x10, x19, 3, 0x30
    ldp     x0, x1, [x10]
    PR      "mem_0x30_after", x0
    PR      "mem_0x38_after", x1

    PUTS    "== exclusives ==\n"
    TAGP    x9, x19, 3, 0x40
    TAGP    x10, x19, 4, 0x40
    ldxr    x0, [x9]
    PR      "ldxr_tag3", x0
    LI      x1, 0x3333333333333333
    stxr    w2, x1, [x9]
    PR      "stxr_tag3_status", x2
    ldr     x0, [x9]
    PR      "mem_0x40", x0
    T "ldxr, tag 4", ldxr x0, [x10]
    msr     tco, #1
    ldxr    x0, [x10]                       // unchecked (TCO=1): opens the monitor
    msr     tco, #0
    LI      x1, 0x4444444444444444
    T "stxr, tag 4, after ldxr with the same pointer under TCO=1", stxr w2, x1, [x10]
    clrex
    ldr     x0, [x9]
    PR      "mem_0x40_after", x0
    T "ldaxp, tag 4", ldaxp x0, x1, [x10]

    PUTS    "== LSE atomics ==\n"
    TAGP    x9, x19, 3, 0x50
    TAGP    x10, x19, 4, 0x50
    mov     x1, #1
    ldadd   x1, x0, [x9]
    PR      "ldadd_tag3_old", x0
    ldr     x0, [x9]
    PR      "ldadd_tag3_new", x0
    T "ldadd, tag 4", ldadd x1, x0, [x10]
    T "stadd, tag 4", stadd x1, [x10]
    T "swp, tag 4", swp x1, x0, [x10]
    T "ldaddb, tag 4", ldaddb w1, w0, [x10]
    ldr     x0, [x9]
    PR      "mem_0x50_after", x0

    PUTS    "== DC ZVA (64-byte block at 0x200, granules tag 0xa) ==\n"
    TAGP    x10, x19, 0xa, 0x200
    ldr     x0, [x10, #0x38]
    PR      "mem_0x238_before", x0
    dc      zva, x10
    ldr     x0, [x10, #0x38]
    PR      "mem_0x238_after_dc_zva_tag_a", x0
    ldr     x0, [x10, #0x40]
    PR      "mem_0x240_after_dc_zva_tag_a", x0
    mov     x0, #0
    ldg     x0, [x10]
    PR      "ldg_0x200_after_dc_zva", x0

    PUTS    "== SP as the base register (SP_EL0 selected, SP = 0x60 with tag 4) ==\n"
    PUTS    "-- unchecked: ldr x0, [sp, #8]; ldp x1, x2, [sp, #16]; str x3, [sp, #32];\n"
    PUTS    "--   ldxr x8, [sp]; ldadd x16, x10, [sp] (x16 = 1)\n"
    PUTS    "-- checked: ldr x4, [sp, x5] (register offset, x5 = 0x28); ldr x6, [sp, #8]!;\n"
    PUTS    "--   ldr x7, [sp], #8; str x3, [sp, #-16]!; stp x3, x3, [sp, #16]!\n"
    TAGP    x9, x19, 4, 0x60
    mov     x11, sp                         // SP_EL1
    msr     spsel, #0
    mov     x12, sp                         // SP_EL0
    mov     sp, x9
    mov     x0, #0xdead
    mov     x1, #0xdead
    mov     x2, #0xdead
    LI      x3, 0x5555555555555555
    mov     x5, #0x28
    mov     x6, #0xdead
    mov     x7, #0xdead
    ldr     x0, [sp, #8]
    ldp     x1, x2, [sp, #16]
    str     x3, [sp, #32]
    ldxr    x8, [sp]
    clrex
    mov     x16, #1
    ldadd   x16, x10, [sp]
    mov     x4, #0xdead
    ldr     x4, [sp, x5]
    ldr     x6, [sp, #8]!
    mov     x13, sp
    ldr     x7, [sp], #8
    mov     x14, sp
    str     x3, [sp, #-16]!
    stp     x3, x3, [sp, #16]!
    mov     x15, sp
    mov     sp, x12
    msr     spsel, #1
    PR      "sp_ldr_x0", x0
    PR      "sp_ldp_x1", x1
    PR      "sp_ldp_x2", x2
    PR      "sp_ldxr_x8", x8
    PR      "sp_ldadd_old_x10", x10
    PR      "sp_ldr_reg_x4", x4
    PR      "sp_pre_ldr_x6", x6
    PR      "sp_post_ldr_x7", x7
    sub     x13, x13, x9
    PR      "sp_minus_start_after_pre", x13
    sub     x14, x14, x9
    PR      "sp_minus_start_after_post", x14
    sub     x15, x15, x9
    PR      "sp_minus_start_after_stores", x15
    TAGP    x10, x19, 3, 0x60
    ldr     x0, [x10, #32]
    PR      "mem_0x80_after_sp_str", x0
    ldr     x0, [x10, #0x10]
    PR      "mem_0x70_after", x0
    ldr     x0, [x10]
    PR      "mem_0x60_after_sp_ldadd", x0

    PUTS    "== literal loads (code in a granule tagged 6, PC tag 0) ==\n"
    LA      x9, tpage1
    LI      x0, XT_OFF
    add     x9, x9, x0
    mov     x0, #0
    blr     x9
    PR      "literal_x0", x0
    T "ldr of the literal through a tag-0 pointer", ldr x0, [x9, #8]

    PUTS    "== PRFM (tag 4, granule tag 3): no exception ==\n"
    TAGP    x9, x19, 4, 0x10
    prfm    pldl1keep, [x9]
    prfm    pstl1strm, [x9, #8]
    prfm    pldl2keep, [x9, #0x100]
    prfum   pldl1keep, [x9, #1]
    PUTS    "prfm done\n"

    PUTS    "== TTBR1 (VA[55]=1) ==\n"
    TAGP    x9, x20, 3, 0x10
    ldr     x0, [x9]
    PR      "ttbr1_ldr_tag3", x0
    TAGP    x9, x20, 4, 0x10
    T "ldr, TTBR1 alias, tag 4", ldr x0, [x9]
    T "ldr, TTBR1 alias, tag 0xf (granule tag 3)", ldr x0, [x20, #0x10]

    PUTS    "== LDTR/STTR use the EL0 controls ==\n"
    TAGP    x9, x19, 4, 0x90
    MTE_CTL 1, 1, 1, 1, 0
    PUTS    "-- TCF=01, TCF0=00\n"
    ldtr    x0, [x9]
    PR      "ldtr_tag4", x0
    LI      x1, 0x6666666666666666
    sttr    x1, [x9, #8]
    TAGP    x10, x19, 3, 0x90
    ldr     x0, [x10, #8]
    PR      "mem_0x98_after_sttr", x0
    T "ldr, tag 4", ldr x0, [x9]
    MTE_CTL 1, 1, 1, 0, 1
    PUTS    "-- TCF=00, TCF0=01\n"
    ldr     x0, [x9]
    PR      "ldr_tag4", x0
    T "ldtr, tag 4", ldtr x0, [x9]
    T "sttrb, tag 4", sttrb w1, [x9]
    MTE_CTL 1, 1, 0, 0, 1
    PUTS    "-- ATA0=0, TCF0=01\n"
    ldtr    x0, [x9]
    PR      "ldtr_tag4", x0
    mov     x0, #0
    ldg     x0, [x9]
    PR      "ldg_at_el1_with_ata0_0", x0
    MTE_CTL 1, 1, 1, 0, 2
    PUTS    "-- TCF=00, TCF0=10 (asynchronous)\n"
    ldtr    x0, [x9]
    PR      "ldtr_tag4", x0
    PR_TFSR
    CLR_TFSR

    PUTS    "== asynchronous (TCF=10) ==\n"
    MTE_CTL 1, 1, 1, 2, 0
    PR_TFSR
    TAGP    x9, x19, 4, 0xa0
    ldr     x0, [x9]
    PR      "ldr_tag4", x0
    PR_TFSR
    LI      x1, 0x7777777777777777
    str     x1, [x9, #8]
    TAGP    x10, x19, 3, 0xa0
    ldr     x0, [x10, #8]
    PR      "mem_0xa8_after_str_tag4", x0
    TAGP    x9, x20, 4, 0xa0
    ldr     x0, [x9]
    PR      "ttbr1_ldr_tag4", x0
    PR_TFSR
    msr     tfsr_el1, xzr
    isb
    PUTS    "-- msr tfsr_el1, xzr\n"
    PR_TFSR
    ldr     x0, [x20, #0xa0]
    PUTS    "-- ttbr1 ldr, tag 0xf\n"
    PR_TFSR
    TAGP    x9, x19, 3, 0xa0
    ldr     x0, [x9]
    PUTS    "-- ldr, tag 3 (matches)\n"
    PR_TFSR
    CLR_TFSR
    TAGP    x9, x19, 4, 0xa0
    ldr     x0, [x9]
    mov     x2, x0
    LI      x1, 0x7878787878787878
    cas     x2, x1, [x9]
    PUTS    "-- cas, tag 4, compare value = memory\n"
    PR      "cas_old", x2
    TAGP    x10, x19, 3, 0xa0
    ldr     x0, [x10]
    PR      "mem_0xa0_after_cas", x0
    PR_TFSR
    CLR_TFSR
    TAGP    x9, x19, 0xb, 0x240
    dc      zva, x9
    PUTS    "-- dc zva, tag 0xb, block 0x240 (tag 0xa)\n"
    TAGP    x10, x19, 0xa, 0x240
    ldr     x0, [x10, #0x38]
    PR      "mem_0x278_after_dc_zva", x0
    PR_TFSR
    CLR_TFSR

    PUTS    "== asymmetric (TCF=11): reads synchronous, writes asynchronous ==\n"
    MTE_CTL 1, 1, 1, 3, 0
    TAGP    x9, x19, 4, 0xb0
    T "ldr, tag 4", ldr x0, [x9]
    PR_TFSR
    LI      x1, 0x8888888888888888
    str     x1, [x9, #8]
    TAGP    x10, x19, 3, 0xb0
    ldr     x0, [x10, #8]
    PR      "mem_0xb8_after_str_tag4", x0
    PR_TFSR
    CLR_TFSR
    T "ldadd, tag 4", ldadd x1, x0, [x9]
    PR_TFSR
    CLR_TFSR
    T "swp, tag 4", swp x1, x0, [x9]
    PR_TFSR
    CLR_TFSR
    TAGP    x9, x20, 4, 0xb0
    str     x1, [x9]
    PUTS    "-- str, TTBR1 alias, tag 4\n"
    PR_TFSR
    CLR_TFSR

    PUTS    "== TCMA0/TCMA1 (TCF=01) ==\n"
    MTE_CTL 1, 1, 1, 1, 1
    T "ldr, tag 0, TCMA0=0", ldr x0, [x19, #0xc0]
    mrs     x0, tcr_el1
    LI      x1, TCR_TCMA0
    orr     x0, x0, x1
    msr     tcr_el1, x0
    SYNC_TLB
    ldr     x0, [x19, #0xc0]
    PR      "ldr_tag0_tcma0", x0
    TAGP    x9, x19, 1, 0xc0
    T "ldr, tag 1, TCMA0=1", ldr x0, [x9]
    TAGP    x9, x19, 0xf, 0xc0
    T "ldr, tag 0xf, VA[55]=0, TCMA0=1", ldr x0, [x9]
    TAGP    x9, x20, 0, 0xc0
    T "ldr, TTBR1 alias, tag 0, TCMA0=1", ldr x0, [x9]
    T "ldr, TTBR1 alias, tag 0xf, TCMA1=0", ldr x0, [x20, #0xc0]
    mrs     x0, tcr_el1
    LI      x1, TCR_TCMA1
    orr     x0, x0, x1
    msr     tcr_el1, x0
    SYNC_TLB
    ldr     x0, [x20, #0xc0]
    PR      "ttbr1_ldr_tag_f_tcma1", x0
    TAGP    x9, x20, 0xe, 0xc0
    T "ldr, TTBR1 alias, tag 0xe, TCMA1=1", ldr x0, [x9]
    mrs     x0, tcr_el1
    LI      x1, (TCR_TCMA0 | TCR_TCMA1)
    bic     x0, x0, x1
    msr     tcr_el1, x0
    SYNC_TLB

    PUTS    "== PSTATE.TCO ==\n"
    TAGP    x9, x19, 4, 0xd0
    msr     tco, #1
    ldr     x0, [x9]
    PR      "ldr_tag4_tco1", x0
    LI      x1, 0x9999999999999999
    str     x1, [x9, #8]
    mrs     x2, tco
    msr     tco, #0
    PR      "tco", x2
    TAGP    x10, x19, 3, 0xd0
    ldr     x0, [x10, #8]
    PR      "mem_0xd8_after_str_tco1", x0
    mrs     x2, tco
    PR      "tco", x2
    T "ldr, tag 4, TCO=0", ldr x0, [x9]

    PUTS    "== SCTLR_EL1.ATA=0 ==\n"
    MTE_CTL 1, 0, 1, 1, 1
    ldr     x0, [x9]
    PR      "ldr_tag4_ata0", x0
    mov     x0, #0
    ldg     x0, [x9]
    PR      "ldg_ata0", x0
    stg     x9, [x9]                        // dropped
    MTE_CTL 1, 1, 1, 1, 1
    mov     x0, #0
    ldg     x0, [x9]
    PR      "ldg_ata1", x0

    PUTS    "== SCTLR_EL1.TCF=00 ==\n"
    MTE_CTL 1, 1, 1, 0, 1
    ldr     x0, [x9]
    PR      "ldr_tag4_tcf0", x0
    LI      x1, 0xaaaaaaaaaaaaaaaa
    str     x1, [x9, #8]
    ldr     x0, [x10, #8]
    PR      "mem_0xd8_after_str_tcf0", x0
    PR_TFSR

    PUTS    "== untagged alias (MAIR 0xff), TCF=01 ==\n"
    MTE_CTL 1, 1, 1, 1, 1
    TAGP    x9, x21, 4, 0xe0
    ldr     x0, [x9]
    PR      "untagged_ldr_tag4", x0
    LI      x1, 0xbbbbbbbbbbbbbbbb
    str     x1, [x9, #8]
    ldr     x0, [x9, #8]
    PR      "untagged_str_ldr_tag4", x0
    mov     x0, #0
    ldg     x0, [x9]
    PR      "untagged_ldg", x0
    stg     x9, [x9]                        // dropped: Untagged memory
    TAGP    x10, x19, 3, 0xe0
    mov     x0, #0
    ldg     x0, [x10]
    PR      "tagged_ldg_after_untagged_stg", x0

    PUTS    "== EL0 (SCTLR_EL1.TCF0) ==\n"
    TAGP    x0, x19, 3, 0xf0
    TAGP    x1, x19, 4, 0xf0
    mov     x2, x22
    PUTS    "-- TCF0=01\n"
    CALL_AT 1, SPSR_EL0T, el0_body
    ldr     x0, [x22]
    PR      "el0_ldr_tag3", x0
    ldr     x0, [x22, #8]
    PR      "el0_ldr_tag4", x0
    ldr     x0, [x22, #16]
    PR      "el0_ldr_tag4_tco1", x0
    TAGP    x10, x19, 3, 0xf0
    ldr     x0, [x10, #8]
    PR      "mem_0xf8_after_el0_str_tag4", x0
    MTE_CTL 1, 1, 1, 1, 0
    PUTS    "-- TCF0=00\n"
    TAGP    x0, x19, 3, 0xf0
    TAGP    x1, x19, 4, 0xf0
    mov     x2, x22
    CALL_AT 1, SPSR_EL0T, el0_body
    ldr     x0, [x22, #8]
    PR      "el0_ldr_tag4", x0
    ldr     x0, [x10, #8]
    PR      "mem_0xf8_after_el0_str_tag4", x0
    PR_TFSR
    MTE_CTL 1, 1, 1, 1, 2
    PUTS    "-- TCF0=10\n"
    TAGP    x0, x19, 3, 0xf0
    TAGP    x1, x19, 4, 0xf0
    mov     x2, x22
    CALL_AT 1, SPSR_EL0T, el0_body
    ldr     x0, [x22, #8]
    PR      "el0_ldr_tag4", x0
    PR_TFSR
    CLR_TFSR

    MTE_CTL 1, 0, 0, 0, 0
    RET_SMC

// EL0: x0 = tag-3 pointer, x1 = tag-4 pointer (same granule, tag 3),
// x2 = record area (untagged alias). Records the loads; the store through
// x1 writes 0x00ee.
el0_body:
    ldr     x3, [x0]
    str     x3, [x2]
    mov     x3, #0xdead
    ldr     x3, [x1]
    str     x3, [x2, #8]
    mov     x4, #0xee
    str     x4, [x1, #8]
    msr     tco, #1
    ldr     x3, [x1]
    msr     tco, #0
    str     x3, [x2, #16]
    RET_SVC

// ------------------------------------------------------------ EL3
el3_part:
    str     x30, [sp, #-16]!
    PUTS    "== EL3 with its own MMU (TCR_EL3.TBI=1, SCTLR_EL3.TCF=01) ==\n"
    LA      x0, l1_el3
    LI      x1, RAM
    LI      x2, (RAM | B_BASE | B_NORMAL | B_AP1)
    bl      mteb_l1
    LI      x1, (RAM + TAG_OFF)
    LI      x2, (RAM | B_BASE | B_TAGGED | B_AP1 | B_UXN)
    bl      mteb_l1
    LI      x0, TCR_ELX_MTE
    LA      x1, l1_el3
    bl      mteb_el3_on
    MTE_CTL 3, 1, 0, 1, 0
    msr     tfsr_el3, xzr
    isb
    LA      x19, tpage0
    LI      x0, TAG_OFF
    add     x19, x19, x0
    mov     x0, #0
    ldg     x0, [x19, #0x100]
    PR      "el3_ldg_0x100", x0
    TAGP    x9, x19, 5, 0x110
    ldr     x0, [x9]
    PR      "el3_ldr_tag5", x0
    TAGP    x9, x19, 6, 0x110
    mov     x0, #0xdead
    T "el3 ldr, tag 6", ldr x0, [x9]
    LI      x1, 0xcccccccccccccccc
    T "el3 str, tag 6", str x1, [x9, #8]
    TAGP    x10, x19, 5, 0x110
    ldr     x0, [x10, #8]
    PR      "el3_mem_0x118_after", x0
    MTE_CTL 3, 1, 0, 2, 0
    PUTS    "-- SCTLR_EL3.TCF=10\n"
    ldr     x0, [x9]
    PR      "el3_ldr_tag6_async", x0
    SYNC_TFSR
    mrs     x0, tfsr_el3
    PR      "tfsr_el3", x0
    msr     tfsr_el3, xzr
    isb
    mrs     x0, tfsr_el3
    PR      "tfsr_el3_cleared", x0
    MTE_CTL 3, 0, 0, 0, 0
    bl      mteb_el3_off
    ldr     x30, [sp], #16
    ret

    .bss
    .balign 4096
l1_lo:
    .skip   4096
l1_hi:
    .skip   4096
l1_el3:
    .skip   4096
tpage0:
    .skip   4096
tpage1:
    .skip   4096
rec:
    .skip   4096
