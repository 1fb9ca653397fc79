// a64sim-requires: mmu
//
// mmu_s1_hwaf.S - hardware Access flag and dirty state updates at stage 1
// (FEAT_HAFDBS, TCR_EL1.HA and TCR_EL1.HD), with the descriptors read back.
// Needs an implementation that advertises ID_AA64MMFR1_EL1.HAFDBS = 2 (as
// QEMU 10 -cpu max does); with HAFDBS = 0, HA and HD are RES0 and every
// access below takes the Access flag or Permission fault instead.
//
// EL1, 4K granule, T0SZ=25 (L1-L3), the RAM by one 1 GiB L1 block, and at
// VA 0x10_0000_0000 + n * 4K (all onto one data page):
//   P_AF0  AF=0, RW           P_DBM   AF=1, AP=10 (read-only), DBM=1
//   P_RO   AF=1, AP=10, DBM=0 P_BOTH  AF=0, AP=10, DBM=1
//   P_LD   AF=1, AP=10, DBM=1 (only read)
// plus an L2 block with AF=0 at VA 0x10_0020_0000. Faults are printed by the
// include/el.inc EL1 handler and skipped.
//   1. HA=0: loads from AF=0 pages fault (Access flag);
//   2. HA=1, HD=0: loads from the AF=0 page and block set AF; a store to the
//      DBM=1 read-only page faults (Permission: DBM needs HD);
//   3. HA=1, HD=1: the store makes the DBM=1 page writable (AP[2] cleared),
//      the DBM=0 page still faults, the AF=0 DBM=1 page gets AF set and
//      AP[2] cleared by one store, a load leaves a DBM page read-only.

    .include "semihost.inc"
    .include "el.inc"
    .include "pt.inc"

.macro LA reg, label
    adrp    \reg, \label
    add     \reg, \reg, :lo12:\label
.endm

.macro T desc, insn:vararg
    PUTS    "-- \desc"
    NL
    \insn
.endm

.macro SYNC_TLB
    dsb     ishst
    isb
    tlbi    vmalle1
    dsb     ish
    isb
.endm

// PD name, slotvar: print the descriptor whose address is in slotvar
.macro PD name, slot
    LA      x11, \slot
    ldr     x11, [x11]
    ldr     x0, [x11]
    PR      "\name", x0
.endm

    .equ VBASE,  0x1000000000
    .equ P_AF0,  VBASE + 0x0000
    .equ P_DBM,  VBASE + 0x1000
    .equ P_RO,   VBASE + 0x2000
    .equ P_BOTH, VBASE + 0x3000
    .equ P_LD,   VBASE + 0x4000
    .equ B_AF0,  VBASE + 0x200000
    .equ RAM_BASE, 0x40000000
    .equ POOL_SIZE, 0x10000
    .equ TCR1, (25 | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS_40)
    .equ TCR_HD, (1 << 40)
    .equ A_PAGE, (PT_S1_NORMAL | PT_PAGE | PT_PXN | PT_UXN)

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    CALL_AT 3, SPSR_EL1H, el1_main
    PUTS    "done\n"
    EXIT    0

// map: x1 = VA, x2 = descriptor, x3 = geometry -> x0 = slot
map:
    str     x30, [sp, #-16]!
    LA      x0, root
    ldr     x0, [x0]
    mov     x4, #0
    bl      pt_map
    ldr     x30, [sp], #16
    ret

.macro MAPP va, attr, slot
    LI      x1, \va
    LA      x2, page
    LI      x5, \attr
    orr     x2, x2, x5
    bl      map
    LA      x1, \slot
    str     x0, [x1]
.endm

el1_main:
    LA      x0, page
    mov     x1, #0
    LI      x2, 0x9e3779b97f4a7c15
1:  str     x1, [x0], #8
    add     x1, x1, x2
    tst     x0, #0xfff
    b.ne    1b
    LA      x0, pool
    mov     x1, #POOL_SIZE
    bl      pt_pool_init
    mov     x0, #4096
    bl      pt_alloc
    LA      x1, root
    str     x0, [x1]
    PT_GEOM x3, 12, 1, 1, 39
    LI      x1, RAM_BASE
    LI      x2, (RAM_BASE | PT_S1_NORMAL | PT_BLOCK)
    bl      map
    PT_GEOM x3, 12, 1, 3, 39
    MAPP    P_AF0, (A_PAGE & ~PT_AF), s_af0
    MAPP    P_DBM, (A_PAGE | PT_AP_RO_EL1 | PT_DBM), s_dbm
    MAPP    P_RO, (A_PAGE | PT_AP_RO_EL1), s_ro
    MAPP    P_BOTH, ((A_PAGE & ~PT_AF) | PT_AP_RO_EL1 | PT_DBM), s_both
    MAPP    P_LD, (A_PAGE | PT_AP_RO_EL1 | PT_DBM), s_ld
    PT_GEOM x3, 12, 1, 2, 39
    LI      x1, B_AF0
    LA      x2, page
    and     x2, x2, #~0x1fffff
    LI      x5, ((PT_S1_NORMAL & ~PT_AF) | PT_BLOCK)
    orr     x2, x2, x5
    bl      map
    LA      x1, s_blk
    str     x0, [x1]
    LA      x12, page                       // offset of the page in its block
    and     x12, x12, #0x1fffff
    LI      x0, TCR1
    LA      x1, root
    ldr     x1, [x1]
    mov     x2, #0
    bl      pt_el1_on

    PUTS    "== 1. TCR_EL1.HA=0 ==\n"
    LI      x9, P_AF0
    T "ldr: page AF=0", ldr x0, [x9]
    LI      x9, B_AF0
    T "ldr: L2 block AF=0", ldr x0, [x9, x12]
    PD      "page_af0_desc", s_af0
    PD      "block_af0_desc", s_blk

    PUTS    "== 2. TCR_EL1.HA=1, HD=0 ==\n"
    mrs     x10, tcr_el1
    orr     x10, x10, #TCR_HA
    msr     tcr_el1, x10
    SYNC_TLB
    LI      x9, P_AF0
    ldr     x0, [x9, #8]
    PR      "page_af0_ldr", x0
    dsb     ish
    PD      "page_af0_desc", s_af0
    LI      x9, B_AF0
    add     x9, x9, x12
    ldr     x0, [x9, #16]
    PR      "block_af0_ldr", x0
    dsb     ish
    PD      "block_af0_desc", s_blk
    LI      x9, P_DBM
    T "str: AP=10 DBM=1 with HD=0", str x0, [x9]
    PD      "page_dbm_desc", s_dbm

    PUTS    "== 3. TCR_EL1.HA=1, HD=1 ==\n"
    mrs     x10, tcr_el1
    orr     x10, x10, #TCR_HD
    msr     tcr_el1, x10
    SYNC_TLB
    LI      x9, P_DBM
    LI      x1, 0x1111222233334444
    str     x1, [x9, #24]
    ldr     x0, [x9, #24]
    PR      "page_dbm_str_ldr", x0
    dsb     ish
    PD      "page_dbm_desc", s_dbm
    LI      x9, P_RO
    T "str: AP=10 DBM=0 with HD=1", str x0, [x9]
    PD      "page_ro_desc", s_ro
    LI      x9, P_BOTH
    LI      x1, 0x5555666677778888
    str     x1, [x9, #32]
    ldr     x0, [x9, #32]
    PR      "page_both_str_ldr", x0
    dsb     ish
    PD      "page_both_desc", s_both
    LI      x9, P_LD
    ldr     x0, [x9, #40]
    PR      "page_ld_ldr", x0
    dsb     ish
    PD      "page_ld_desc", s_ld
    bic     x10, x10, #(TCR_HA | TCR_HD)
    msr     tcr_el1, x10
    SYNC_TLB
    bl      pt_el1_off
    RET_SMC

    .bss
    .balign 4096
root:
    .skip   8
s_af0:
    .skip   8
s_dbm:
    .skip   8
s_ro:
    .skip   8
s_both:
    .skip   8
s_ld:
    .skip   8
s_blk:
    .skip   8
    .balign 4096
page:
    .skip   4096
pool:
    .skip   POOL_SIZE
