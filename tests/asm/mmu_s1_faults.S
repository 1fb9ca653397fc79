// a64sim-requires: mmu
//
// mmu_s1_faults.S - every stage-1 fault class of the EL1&0 regime, taken at
// EL1 (from EL1 and from EL0) and reported by the include/el.inc handler
// (ESR, ELR, SPSR, FAR, ...), which skips the faulting instruction (or
// resumes at a label for instruction aborts).
//
// Regime: 4K granule, TTBR0 T0SZ=16 (walk L0-L3), TTBR1 T1SZ=25 (L1-L3),
// TCR_EL1.IPS=40 bits (32 bits for the address-size tests), MAIR attr0 Normal
// WB, attr1 Device-nGnRnE, SCTLR_EL1.{M,C,I}=1. The image is identity-mapped
// by 4 KiB pages: text and rodata read-only at EL1 and executable at EL1 and
// EL0 (EL0 execute-only: AP=10, UXN=0), .bss read/write at EL1, execute-never.
// Test pages at TV = 0x5000_0000 + n*4K (the .equ list below), blocks and
// tables for the level-0/1/2 cases, and a TTBR1 alias of the RAM (1 GiB L1
// block at 0xffff_ff80_4000_0000) from which the EPD0 test runs.
//
// Sections: translation faults at levels 0-3 (unmapped, invalid and reserved
// descriptors), access flag faults at levels 1-3, permission faults (AP,
// EL0, UXN/PXN, EL0-writable implies PXN, WXN, PAN with LDR/LDTR/STTR and
// UAO), address size faults (leaf OA, table address, block OA, TTBR base),
// input address out of range (T0SZ, TBI0 off/on, TTBR1 range), EPD1 and
// EPD0, alignment (SCTLR.A=0/1 on Normal memory, aligned Device accesses,
// LDAR) and fault priorities. The hardware Access flag and dirty state
// updates (TCR_EL1.HA/HD, FEAT_HAFDBS) are in mmu_s1_hwaf.S.
//
// Not here, because QEMU 10 differs from the Arm ARM:
//  * unaligned accesses to Device memory with the MMU on (stage-1 attribute
//    Device-nGnRnE or nGnRE): QEMU performs them without an Alignment fault
//    (it does fault with the MMU off), so neither the Device alignment fault
//    nor its priority over Permission faults (R_XCHFJ) can be checked;
//  * LDXR Alignment faults: QEMU (FEAT_LSE2 path) reports WnR=1 for a
//    load-exclusive;
//  * (not a QEMU difference) an unaligned LDAR/LDXR within one 16-byte block
//    faults without FEAT_LSE2 and not with it, so only an LDAR crossing a
//    16-byte boundary is used (an Alignment fault either way with
//    SCTLR_EL1.nAA=0).

    .include "semihost.inc"
    .include "el.inc"
    .include "pt.inc"

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

.macro CLEAR_RESUME
    adrp    x17, el_resume
    str     xzr, [x17, :lo12:el_resume]
.endm

// TLB maintenance after a change of the tables or of TCR/SCTLR
.macro SYNC_TLB
    dsb     ishst
    isb
    tlbi    vmalle1
    dsb     ish
    isb
.endm

    .equ TV, 0x50000000
    .equ P_RW,     TV + 0x0000          // fpage0, EL1 RW, XN
    .equ P_RO,     TV + 0x1000          // fpage1, EL1 RO
    .equ P_USER,   TV + 0x2000          // fpage2, EL1+EL0 RW (the EL0 record page)
    .equ P_ROALL,  TV + 0x3000          // fpage3, EL1+EL0 RO
    .equ P_UNMAP,  TV + 0x4000          // invalid (zero) L3 descriptor
    .equ P_RSVD,   TV + 0x5000          // L3 descriptor 0b01 (reserved)
    .equ P_AF0,    TV + 0x6000          // fpage0, AF=0
    .equ P_AF0RO,  TV + 0x7000          // fpage1, AF=0, read-only
    .equ P_DEV,    TV + 0x8000          // fpage4, Device-nGnRnE, RW
    .equ P_DEVRO,  TV + 0x9000          // fpage4, Device-nGnRnE, RO
    .equ X_RW,     TV + 0xa000          // fcode, EL1 RW, PXN=0, UXN=1
    .equ X_PXN,    TV + 0xb000          // fcode, EL1 RO, PXN=1, UXN=0
    .equ X_UXN,    TV + 0xc000          // fcode, EL1+EL0 RO, PXN=0, UXN=1
    .equ X_EL0W,   TV + 0xd000          // fcode, EL1+EL0 RW, PXN=0, UXN=0
    .equ X_AF0,    TV + 0xe000          // fcode, EL1 RO, AF=0, executable
    .equ P_OA4G,   TV + 0xf000          // OA 0x1_0000_0000 (beyond a 32-bit IPS)
    .equ P_AF0OA,  TV + 0x11000         // OA 0x1_0000_0000, AF=0
    .equ P_DEVAF0, TV + 0x12000         // fpage4, Device, AF=0
    .equ B_AF0,    0x60000000           // L2 block, AF=0 (the 2 MiB holding fpage0)
    .equ B_OA4G,   0x60200000           // L2 block, OA 0x1_0000_0000
    .equ T_OA4G,   0x60400000           // L2 table descriptor -> 0x1_0000_0000
    .equ L2_EMPTY, 0x70000000           // invalid L2 descriptor
    .equ L1_AF0,   0xc0000000           // L1 block, AF=0
    .equ L1_OA4G,  0x100000000          // L1 block, OA 0x1_0000_0000
    .equ L1_JUNK,  0x140000000          // L1 descriptor 0xffff_ffff_ffff_fffc
    .equ L1_EMPTY, 0x4000000000         // invalid L1 descriptor
    .equ L0_BLOCK, 0x0000010000000000   // L0 descriptor 0b01 (no L0 blocks with 4K, DS=0)
    .equ L0_EMPTY, 0x0000800000000000   // invalid L0 descriptor
    .equ HI_OFF,   0xffffff8000000000   // TTBR1 alias: VA = PA + HI_OFF
    .equ OA4G,     0x100000000

    .equ A_RW,     (PT_S1_NORMAL | PT_PAGE | PT_PXN | PT_UXN)
    .equ A_RO,     (A_RW | PT_AP_RO_EL1)
    .equ A_USER,   (A_RW | PT_AP_RW_ALL)
    .equ A_ROALL,  (A_RW | PT_AP_RO_ALL)
    .equ A_AF0,    (A_RW & ~PT_AF)
    .equ A_AF0RO,  (A_RO & ~PT_AF)
    .equ A_DEV,    (PT_S1_DEVICE | PT_PAGE | PT_PXN | PT_UXN)
    .equ A_DEVRO,  (A_DEV | PT_AP_RO_EL1)
    .equ A_DEVAF0, (A_DEV & ~PT_AF)
    .equ A_XRW,    (PT_S1_NORMAL | PT_PAGE | PT_UXN)
    .equ A_XPXN,   (PT_S1_NORMAL | PT_PAGE | PT_AP_RO_EL1 | PT_PXN)
    .equ A_XUXN,   (PT_S1_NORMAL | PT_PAGE | PT_AP_RO_ALL | PT_UXN)
    .equ A_XEL0W,  (PT_S1_NORMAL | PT_PAGE | PT_AP_RW_ALL)
    .equ A_XAF0,   ((PT_S1_NORMAL & ~PT_AF) | PT_PAGE | PT_AP_RO_EL1)
    .equ A_TEXT,   (PT_S1_NORMAL | PT_PAGE | PT_AP_RO_EL1)
    .equ A_DATA,   (PT_S1_NORMAL | PT_PAGE | PT_PXN | PT_UXN)
    .equ A_BLK,    (PT_S1_NORMAL | PT_BLOCK)
    .equ A_BLKAF0, ((PT_S1_NORMAL & ~PT_AF) | PT_BLOCK)

    .equ TCR_F, (16 | TCR_WB0 | TCR_TG0_4K | (25 << 16) | TCR_WB1 | TCR_TG1_4K | TCR_IPS_40)
    .equ TCR_IPS_MASK, (7 << 32)

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    CALL_AT 3, SPSR_EL1H, el1_main
    PUTS    "done\n"
    EXIT    0

// fill x0 (4 KiB page) with seed x2 + i * 0x9e3779b97f4a7c15; clobbers x0-x3
fill_4k:
    mov     x1, #4096
    LI      x3, 0x9e3779b97f4a7c15
1:  str     x2, [x0], #8
    add     x2, x2, x3
    sub     x1, x1, #8
    cbnz    x1, 1b
    ret

// map_page: x1 = VA, x2 = descriptor (root0, L3). Clobbers x0.
map_page:
    str     x30, [sp, #-16]!
    LA      x0, root0
    ldr     x0, [x0]
    PT_GEOM x3, 12, 0, 3, 48
    mov     x4, #0
    bl      pt_map
    ldr     x30, [sp], #16
    ret

// slot_at: x1 = VA, x3 = geometry (leaf = level) -> x0 = descriptor address
slot_at:
    str     x30, [sp, #-16]!
    LA      x0, root0
    ldr     x0, [x0]
    mov     x4, #0
    bl      pt_walk
    ldr     x30, [sp], #16
    ret

// ------------------------------------------------------------ EL1
el1_main:
    // data pages and the code page
    LA      x0, fpage0
    LI      x2, 0x1000000000000000
    bl      fill_4k
    LA      x0, fpage1
    LI      x2, 0x2000000000000000
    bl      fill_4k
    LA      x0, fpage2
    LI      x2, 0x3000000000000000
    bl      fill_4k
    LA      x0, fpage3
    LI      x2, 0x4000000000000000
    bl      fill_4k
    LA      x0, fpage4
    LI      x2, 0x5000000000000000
    bl      fill_4k
    LA      x0, fcode
    LIW     w1, 0xd2800b40                  // mov x0, #0x5a
    str     w1, [x0]
    LIW     w1, 0xd65f03c0                  // ret
    str     w1, [x0, #4]
    dsb     ish
    ic      iallu
    dsb     ish
    isb

    // tables
    LA      x0, pt_pool
    LI      x1, POOL_SIZE
    bl      pt_pool_init
    mov     x0, #4096
    bl      pt_alloc
    LA      x1, root0
    str     x0, [x1]
    mov     x0, #4096
    bl      pt_alloc
    LA      x1, root1
    str     x0, [x1]
    // the image: text+rodata read-only/executable, .bss read/write/XN
    LA      x0, root0
    ldr     x0, [x0]
    PT_GEOM x3, 12, 0, 3, 48
    mov     x4, #0
    LA      x1, __image_start
    LA      x5, __bss_start
    sub     x5, x5, x1
    lsr     x5, x5, #12
    LI      x2, A_TEXT
    orr     x2, x2, x1
    bl      pt_map_range
    LA      x0, root0
    ldr     x0, [x0]
    LA      x1, __bss_start
    LA      x5, __bss_end
    sub     x5, x5, x1
    add     x5, x5, #0xfff
    lsr     x5, x5, #12
    LI      x2, A_DATA
    orr     x2, x2, x1
    bl      pt_map_range
    // test pages
.macro MAPP va, page, attr
    LI      x1, \va
    LA      x2, \page
    LI      x5, \attr
    orr     x2, x2, x5
    bl      map_page
.endm
.macro MAPA va, pa, attr
    LI      x1, \va
    LI      x2, (\pa | \attr)
    bl      map_page
.endm
    MAPP    P_RW, fpage0, A_RW
    MAPP    P_RO, fpage1, A_RO
    MAPP    P_USER, fpage2, A_USER
    MAPP    P_ROALL, fpage3, A_ROALL
    MAPP    P_RSVD, fpage0, (PT_S1_NORMAL | 1)
    MAPP    P_AF0, fpage0, A_AF0
    MAPP    P_AF0RO, fpage1, A_AF0RO
    MAPP    P_DEV, fpage4, A_DEV
    MAPP    P_DEVRO, fpage4, A_DEVRO
    MAPP    X_RW, fcode, A_XRW
    MAPP    X_PXN, fcode, A_XPXN
    MAPP    X_UXN, fcode, A_XUXN
    MAPP    X_EL0W, fcode, A_XEL0W
    MAPP    X_AF0, fcode, A_XAF0
    MAPA    P_OA4G, OA4G, A_RW
    MAPA    P_AF0OA, OA4G, A_AF0
    MAPP    P_DEVAF0, fpage4, A_DEVAF0
    // blocks and special descriptors
    LA      x0, root0
    ldr     x0, [x0]
    PT_GEOM x3, 12, 0, 2, 48
    mov     x4, #0
    LI      x1, B_AF0
    LA      x2, fpage0
    and     x2, x2, #~0x1fffff
    LI      x5, A_BLKAF0
    orr     x2, x2, x5
    bl      pt_map
    LA      x0, root0
    ldr     x0, [x0]
    LI      x1, B_OA4G
    LI      x2, (OA4G | A_BLK)
    bl      pt_map
    LI      x1, T_OA4G
    bl      slot_at
    LI      x2, (OA4G | PT_TABLE)
    str     x2, [x0]
    PT_GEOM x3, 12, 0, 1, 48
    LI      x1, L1_AF0
    bl      slot_at
    LI      x2, (0x40000000 | A_BLKAF0)
    str     x2, [x0]
    LI      x1, L1_OA4G
    bl      slot_at
    LI      x2, (OA4G | A_BLK)
    str     x2, [x0]
    LI      x1, L1_JUNK
    bl      slot_at
    mov     x2, #-4
    str     x2, [x0]
    PT_GEOM x3, 12, 0, 0, 48
    LI      x1, L0_BLOCK
    bl      slot_at
    LI      x2, (0x40000000 | A_BLK)
    str     x2, [x0]
    // TTBR1: the RAM at HI_OFF + PA (L1 block, EL1 RW, executable)
    LA      x0, root1
    ldr     x0, [x0]
    PT_GEOM x3, 12, 1, 1, 39
    LI      x1, (HI_OFF + 0x40000000)
    LI      x2, (0x40000000 | A_BLK)
    bl      pt_map
    // MMU on
    LI      x0, TCR_F
    LA      x1, root0
    ldr     x1, [x1]
    LA      x2, root1
    ldr     x2, [x2]
    bl      pt_el1_on

    PUTS    "== accesses that succeed ==\n"
    LI      x9, P_RW
    ldr     x0, [x9]
    PR      "rw_page[0]", x0
    LI      x9, P_RO
    ldr     x0, [x9, #8]
    PR      "ro_page[1]", x0
    LA      x10, fpage0
    LI      x9, HI_OFF
    add     x9, x9, x10
    ldr     x0, [x9, #16]
    PR      "ttbr1_alias_fpage0[2]", x0
    LI      x9, X_RW
    mov     x0, #0
    blr     x9
    PR      "exec_rw_page_x0", x0
    LI      x9, X_UXN
    mov     x0, #0
    blr     x9
    PR      "exec_uxn_page_at_el1_x0", x0

    PUTS    "== translation faults ==\n"
    LI      x9, L0_EMPTY
    T "ldr: L0 descriptor invalid", ldr x0, [x9]
    LI      x9, L0_BLOCK
    T "ldr: L0 descriptor 0b01 (no L0 block with 4K granule)", ldr x0, [x9]
    LI      x9, L1_EMPTY
    T "ldr: L1 descriptor invalid", ldr x0, [x9]
    LI      x9, L1_JUNK
    T "ldr: L1 descriptor 0xfffffffffffffffc", ldr x0, [x9]
    LI      x9, L2_EMPTY
    T "ldr: L2 descriptor invalid", ldr x0, [x9, #0x10]
    LI      x9, P_UNMAP
    T "ldr: L3 descriptor invalid", ldr x0, [x9, #0x18]
    T "str: L3 descriptor invalid", str x0, [x9, #0x20]
    T "ldrb: L3 descriptor invalid", ldrb w0, [x9, #0x7ff]
    T "ldp: L3 descriptor invalid", ldp x0, x1, [x9, #0x30]
    LI      x9, P_RSVD
    T "ldr: L3 descriptor 0b01 (reserved)", ldr x0, [x9]
    PUTS    "-- instruction fetch: L3 descriptor invalid\n"
    LI      x9, P_UNMAP
    SET_RESUME 1f
    blr     x9
1:
    PUTS    "-- instruction fetch: L0 descriptor invalid\n"
    LI      x9, L0_EMPTY
    SET_RESUME 1f
    blr     x9
1:

    PUTS    "== access flag faults (TCR_EL1.HA=0) ==\n"
    LI      x9, P_AF0
    T "ldr: L3 page AF=0", ldr x0, [x9]
    T "str: L3 page AF=0", str x0, [x9, #8]
    LI      x9, B_AF0
    T "ldr: L2 block AF=0", ldr x0, [x9]
    LI      x9, L1_AF0
    T "ldr: L1 block AF=0", ldr x0, [x9, #0x40]
    PUTS    "-- instruction fetch: L3 page AF=0\n"
    LI      x9, X_AF0
    SET_RESUME 1f
    blr     x9
1:

    PUTS    "== permission faults at EL1 ==\n"
    LI      x9, P_RO
    T "str: AP=10 (EL1 read-only)", str x0, [x9]
    LI      x9, P_ROALL
    T "stp: AP=11 (read-only)", stp x0, x1, [x9, #16]
    ldr     x0, [x9, #8]
    PR      "roall_page[1]", x0
    PUTS    "-- instruction fetch: PXN=1\n"
    LI      x9, X_PXN
    SET_RESUME 1f
    mov     x0, #0
    blr     x9
1:  PR      "x0_after_pxn", x0
    PUTS    "-- instruction fetch: EL0-writable page (AP=01) implies PXN\n"
    LI      x9, X_EL0W
    SET_RESUME 1f
    mov     x0, #0
    blr     x9
1:  PR      "x0_after_el0w", x0
    PUTS    "-- instruction fetch: data page (PXN=1)\n"
    LI      x9, P_RW
    SET_RESUME 1f
    blr     x9
1:
    PUTS    "-- SCTLR_EL1.WXN=1: instruction fetch from a writable page\n"
    mrs     x10, sctlr_el1
    orr     x10, x10, #SCTLR_WXN
    msr     sctlr_el1, x10
    SYNC_TLB
    LI      x9, X_RW
    SET_RESUME 1f
    mov     x0, #0
    blr     x9
1:  PR      "x0_after_wxn", x0
    mov     x0, #0
    LI      x9, X_UXN                       // read-only: still executable
    blr     x9
    PR      "x0_wxn_readonly_page", x0
    mrs     x10, sctlr_el1
    bic     x10, x10, #SCTLR_WXN
    msr     sctlr_el1, x10
    SYNC_TLB
    mov     x0, #0
    LI      x9, X_RW
    blr     x9
    PR      "x0_after_wxn_cleared", x0

    PUTS    "== PAN ==\n"
    msr     pan, #1
    LI      x9, P_USER
    T "pan=1 ldr: EL0-RW page", ldr x0, [x9]
    T "pan=1 str: EL0-RW page", str x0, [x9, #8]
    LI      x9, P_ROALL
    T "pan=1 ldr: EL0-RO page", ldr x0, [x9]
    LI      x9, P_RW
    ldr     x0, [x9, #24]
    PR      "pan1_ldr_el1_page", x0
    LI      x9, P_USER
    ldtr    x0, [x9, #32]
    PR      "pan1_ldtr_el0_page", x0
    LI      x1, 0x7777777777777777
    sttr    x1, [x9, #40]
    ldtr    x0, [x9, #40]
    PR      "pan1_sttr_ldtr_el0_page", x0
    LI      x9, P_RW
    T "pan=1 ldtr: EL1-only page (checked as EL0)", ldtr x0, [x9]
    LI      x9, P_ROALL
    T "pan=1 sttr: EL0-RO page", sttr x0, [x9]
    msr     uao, #1
    LI      x9, P_USER
    T "pan=1 uao=1 ldtr: EL0-RW page (privileged, PAN applies)", ldtr x0, [x9]
    LI      x9, P_RW
    ldtr    x0, [x9, #48]
    PR      "uao1_ldtr_el1_page", x0
    msr     uao, #0
    msr     pan, #0
    LI      x9, P_USER
    ldr     x0, [x9, #56]
    PR      "pan0_ldr_el0_page", x0

    PUTS    "== EL0 data accesses ==\n"
    LI      x0, P_USER
    LI      x1, P_RW
    LI      x2, P_ROALL
    LI      x3, P_UNMAP
    LI      x4, P_AF0
    LA      x5, fpage0
    LI      x6, HI_OFF
    add     x5, x5, x6                      // fpage0 through the TTBR1 alias
    LI      x6, 0xffffff0000000000          // below the TTBR1 range
    CALL_AT 1, SPSR_EL0T, el0_data
    PUTS    "-- EL0 records\n"
    LI      x9, P_USER
    ldr     x0, [x9, #0x100]
    PR      "el0_ldr_el1_page", x0
    ldr     x0, [x9, #0x108]
    PR      "el0_ldr_roall_page", x0
    ldr     x0, [x9, #0x110]
    PR      "el0_ldr_user_page", x0
    ldr     x0, [x9, #0x118]
    PR      "el0_str_user_page", x0

    PUTS    "== EL0 instruction fetches ==\n"
    PUTS    "-- EL0 executes a PXN=1/UXN=0 page with AP=10 (execute-only at EL0)\n"
    LI      x9, X_PXN
    SET_RESUME el0_resume
    CALL_AT 1, SPSR_EL0T, el0_exec
    CLEAR_RESUME
    PR      "el0_x0", x0
    PUTS    "-- EL0 executes an EL0-writable page (UXN=0)\n"
    LI      x9, X_EL0W
    SET_RESUME el0_resume
    CALL_AT 1, SPSR_EL0T, el0_exec
    CLEAR_RESUME
    PR      "el0_x0", x0
    PUTS    "-- EL0 executes a UXN=1 page\n"
    LI      x9, X_UXN
    SET_RESUME el0_resume
    CALL_AT 1, SPSR_EL0T, el0_exec
    CLEAR_RESUME
    PR      "el0_x0", x0
    PUTS    "-- EL0 executes an unmapped page\n"
    LI      x9, P_UNMAP
    SET_RESUME el0_resume
    CALL_AT 1, SPSR_EL0T, el0_exec
    CLEAR_RESUME
    PR      "el0_x0", x0

    PUTS    "== input address out of range, TBI, EPD ==\n"
    LI      x9, 0x0001000050000000
    T "ldr: VA bit 48 set with T0SZ=16", ldr x0, [x9]
    LI      x9, 0x5a00000050000000
    T "ldr: tagged VA with TBI0=0", ldr x0, [x9]
    mrs     x10, tcr_el1
    orr     x10, x10, #TCR_TBI0
    msr     tcr_el1, x10
    SYNC_TLB
    ldr     x0, [x9, #8]
    PR      "tbi0_tagged_ldr", x0
    bic     x10, x10, #TCR_TBI0
    msr     tcr_el1, x10
    SYNC_TLB
    LI      x9, 0xffffff0000000000
    T "ldr: below the TTBR1 range (T1SZ=25)", ldr x0, [x9]
    LI      x9, 0xfeffff8040000000
    T "ldr: TTBR1 VA with a non-canonical top byte (TBI1=0)", ldr x0, [x9]
    mrs     x10, tcr_el1
    orr     x10, x10, #TCR_EPD1
    msr     tcr_el1, x10
    SYNC_TLB
    LA      x11, fpage0
    LI      x9, HI_OFF
    add     x9, x9, x11
    T "ldr: TCR_EL1.EPD1=1", ldr x0, [x9]
    bic     x10, x10, #TCR_EPD1
    msr     tcr_el1, x10
    SYNC_TLB
    ldr     x0, [x9, #24]
    PR      "epd1_cleared_ldr", x0
    // EPD0: continue in the TTBR1 alias (code, stack and vectors)
    PUTS    "-- TCR_EL1.EPD0=1, running from the TTBR1 alias\n"
    LI      x15, HI_OFF
    adr     x10, 2f
    add     x10, x10, x15
    br      x10
2:  add     sp, sp, x15
    mrs     x11, vbar_el1
    add     x11, x11, x15
    msr     vbar_el1, x11
    mrs     x12, tcr_el1
    orr     x12, x12, #TCR_EPD0
    msr     tcr_el1, x12
    SYNC_TLB
    adr     x0, 2b
    PR      "alias_pc", x0
    LI      x9, P_RW
    T "ldr: TCR_EL1.EPD0=1", ldr x0, [x9]
    bic     x12, x12, #TCR_EPD0
    msr     tcr_el1, x12
    SYNC_TLB
    ldr     x0, [x9, #32]
    PR      "epd0_cleared_ldr", x0
    sub     x11, x11, x15
    msr     vbar_el1, x11
    isb
    sub     sp, sp, x15
    adr     x10, 3f
    sub     x10, x10, x15
    br      x10
3:  adr     x0, 3b
    PR      "back_pc", x0

    PUTS    "== address size faults (TCR_EL1.IPS=32 bits) ==\n"
    mrs     x10, tcr_el1
    bic     x10, x10, #TCR_IPS_MASK
    msr     tcr_el1, x10
    SYNC_TLB
    LI      x9, P_OA4G
    T "ldr: L3 page OA 0x100000000", ldr x0, [x9]
    LI      x9, B_OA4G
    T "ldr: L2 block OA 0x100000000", ldr x0, [x9]
    LI      x9, T_OA4G
    T "ldr: L2 table descriptor -> 0x100000000", ldr x0, [x9]
    LI      x9, L1_OA4G
    T "ldr: L1 block OA 0x100000000", ldr x0, [x9]
    LI      x9, P_AF0OA
    T "ldr: L3 page OA 0x100000000 with AF=0 (address size first)", ldr x0, [x9]
    LI      x9, P_RW
    ldr     x0, [x9, #40]
    PR      "ips32_ldr_rw_page", x0
    mrs     x11, ttbr1_el1
    mov     x12, #(1 << 33)
    orr     x12, x11, x12
    msr     ttbr1_el1, x12
    SYNC_TLB
    LA      x13, fpage0
    LI      x9, HI_OFF
    add     x9, x9, x13
    T "ldr: TTBR1_EL1 base 0x2_xxxx_xxxx beyond the IPS", ldr x0, [x9]
    msr     ttbr1_el1, x11
    orr     x10, x10, #TCR_IPS_40
    msr     tcr_el1, x10
    SYNC_TLB
    ldr     x0, [x9, #48]
    PR      "ttbr1_restored_ldr", x0

    PUTS    "== alignment ==\n"
    LI      x9, P_RW
    ldr     x0, [x9, #1]
    PR      "a0_normal_ldr_x_plus1", x0
    ldr     w0, [x9, #0x13]
    PR      "a0_normal_ldr_w_plus13", x0
    add     x10, x9, #0x204
    ldp     x0, x1, [x10]
    PR      "a0_normal_ldp_plus204_x0", x0
    PR      "a0_normal_ldp_plus204_x1", x1
    LI      x1, 0x1122334455667788
    add     x10, x9, #0x305
    str     x1, [x10]
    ldr     x0, [x9, #0x300]
    PR      "a0_normal_str_x_plus5_dw0", x0
    ldr     x0, [x9, #0x308]
    PR      "a0_normal_str_x_plus5_dw1", x0
    add     x10, x9, #12
    T "ldar x at +12 (unaligned and crossing 16 bytes: faults with A=0)", ldar x0, [x10]
    LI      x9, P_DEV
    ldrb    w0, [x9, #3]
    PR      "device_ldrb_plus3", x0
    ldp     x0, x1, [x9, #8]
    PR      "device_ldp_plus8_x0", x0
    PR      "device_ldp_plus8_x1", x1
    ldr     x0, [x9, #16]
    PR      "device_ldr_plus16", x0
    mrs     x10, sctlr_el1
    orr     x10, x10, #SCTLR_A
    msr     sctlr_el1, x10
    isb
    LI      x9, P_RW
    T "a1 ldr x at +1", ldr x0, [x9, #1]
    T "a1 ldrh at +1", ldrh w0, [x9, #1]
    add     x10, x9, #4
    T "a1 ldp x at +4", ldp x0, x1, [x10]
    T "a1 str w at +2", str w0, [x9, #2]
    ldp     x0, x1, [x9, #8]
    PR      "a1_ldp_plus8_x0", x0
    ldrb    w0, [x9, #5]
    PR      "a1_ldrb_plus5", x0

    PUTS    "== fault priorities ==\n"
    LI      x9, P_UNMAP
    T "a1 ldr x at +1 of an unmapped page (alignment before translation)", ldr x0, [x9, #1]
    LI      x9, P_AF0
    T "a1 ldr x at +1 of an AF=0 page", ldr x0, [x9, #1]
    mrs     x10, sctlr_el1
    bic     x10, x10, #SCTLR_A
    msr     sctlr_el1, x10
    isb
    LI      x9, P_UNMAP
    T "A=0 unaligned ldr of an unmapped page (translation)", ldr x0, [x9, #1]
    LI      x9, P_DEVAF0
    T "unaligned ldr of a Device AF=0 page (access flag)", ldr x0, [x9, #1]
    LI      x9, P_DEVRO
    T "device str x to a read-only page", str x0, [x9]
    LI      x9, P_AF0RO
    T "str to a read-only AF=0 page (access flag before permission)", str x0, [x9]
    msr     pan, #1
    LI      x9, P_USER
    T "pan=1 unaligned ldr of an EL0 page (A=0: permission)", ldr x0, [x9, #3]
    msr     pan, #0

    bl      pt_el1_off
    RET_SMC

// EL0: x0 = record page, x1 = EL1-only page, x2 = EL0-RO page, x3 = unmapped,
// x4 = AF=0 page, x5 = fpage0 via the TTBR1 alias (EL1-only L1 block),
// x6 = below the TTBR1 range. Faulting loads leave the destination
// unchanged (0xdead).
el0_data:
    mov     x10, #0xdead
    ldr     x10, [x1]
    str     x10, [x0, #0x100]
    mov     x10, #0xdead
    ldr     x10, [x2, #8]
    str     x10, [x0, #0x108]
    str     x10, [x2, #8]
    mov     x10, #0xdead
    ldr     x10, [x0, #16]
    str     x10, [x0, #0x110]
    str     x0, [x0, #0x118]
    ldr     x10, [x3]
    ldr     x10, [x4]
    ldr     x10, [x5]
    ldr     x10, [x6]
    RET_SVC

// EL0: x9 = code address, called with BLR; x0 = what it returns (0 if it faults)
el0_exec:
    mov     x0, #0
    blr     x9
el0_resume:
    RET_SVC

    .equ POOL_SIZE, 0x10000

    .bss
    .balign 4096
root0:
    .skip   8
root1:
    .skip   8
    .balign 4096
fpage0:
    .skip   4096
fpage1:
    .skip   4096
fpage2:
    .skip   4096
fpage3:
    .skip   4096
fpage4:
    .skip   4096
fcode:
    .skip   4096
pt_pool:
    .skip   POOL_SIZE
