// a64sim-requires: mmu
//
// mmu_at.S - address translation instructions and PAR_EL1.
//
// EL2 (MMU off) builds an EL1&0 stage 1 (4K granule, T0SZ=25, L1-L3,
// TCR_EL1.IPS=40 bits) and a stage 2 (VTCR_EL2 4K, T0SZ=24, SL0=1, VMID 1;
// IPA=PA for the RAM window with 4 KiB pages), then:
//   1. EL1, HCR_EL2.VM=0: AT S1E1R, S1E1W, S1E0R, S1E0W on every kind of page
//      (EL1 RW/RO, EL0 RW/RO, unmapped at L1/L3, AF=0, OA beyond the IPS,
//      VA out of range, L2 block with an offset), and AT S1E1RP/S1E1WP with
//      PSTATE.PAN=1;
//   2. EL2, HCR_EL2.VM=1: AT S12E1R/W, S12E0R/W (both stages: success,
//      stage-1 fault, stage-2 fault, stage-2 permission, stage-2 fault on
//      the stage-1 walk) and AT S1E1R (stage 1 only, IPA in PAR);
//   3. EL1, HCR_EL2.VM=1: AT S1E1R returns the IPA without stage 2; when its
//      stage-1 walk takes a stage-2 fault, the fault is an exception to EL2
//      (Data Abort, S1PTW=1, CM=1), printed by the include/el.inc handler;
//   4. EL2 regime (E2H=0): AT S1E2R/W with SCTLR_EL2.M=1 and M=0;
//   5. EL3 regime: AT S1E3R/W, descriptors with NS=0 and NS=1.
//
// Printed: PAR_EL1 with the IMPLEMENTATION DEFINED or implementation-choice
// fields cleared. F=0: bits 55:12 (PA) and 0 are kept; ATTR (63:56) and SH
// (8:7) may report the attributes "as implemented" and are cleared, NS (9) is
// kept for the EL3 regime only, bit 10 (IMP DEF) and bit 11 are cleared; for
// the Normal/Device pages the memory type (ATTR[7:4] == 0: Device) is
// printed on its own line. F=1: bits 9:0 (F, FST, PTW, S) are kept, bits
// 63:48 (IMP DEF) and 11:10 cleared.

    .include "semihost.inc"
    .include "el.inc"
    .include "pt.inc"

.macro LA reg, label
    adrp    \reg, \label
    add     \reg, \reg, :lo12:\label
.endm

// ATP op, "name", xVA: AT op, ISB, print the masked PAR_EL1 (clobbers x0)
.macro ATP op, name, va
    at      \op, \va
    isb
    mrs     x0, par_el1
    bl      par_mask
    PR      "\name", x0
.endm
// ATD op, "name", xVA: as ATP, then print "name_device" (ATTR[7:4] == 0)
.macro ATD op, name, va
    at      \op, \va
    isb
    mrs     x0, par_el1
    lsr     x1, x0, #60
    cmp     x1, #0
    cset    x1, eq
    bl      par_mask
    PR      "\name", x0
    PR      "\name\()_device", x1
.endm

    .equ V_RW,    0x1000000000              // pg_a, EL1 RW
    .equ V_RO,    0x1000001000              // pg_a, EL1 RO
    .equ V_USER,  0x1000002000              // pg_b, EL0 RW
    .equ V_UROL,  0x1000003000              // pg_b, EL0 RO
    .equ V_UNMAP, 0x1000004000              // L3 invalid
    .equ V_AF0,   0x1000005000              // pg_a, AF=0
    .equ V_DEV,   0x1000006000              // pg_c, Device-nGnRnE
    .equ V_NC,    0x1000007000              // pg_c, Normal Non-cacheable
    .equ V_OA,    0x1000008000              // OA 0x100_0000_0000 (beyond IPS=40)
    .equ V_S2UN,  0x1000009000              // IPA 0x80_0000_0000: no stage 2
    .equ V_S2RO,  0x100000a000              // IPA 0x81_0000_0000: stage-2 read-only -> pg_c
    .equ V_S2B,   0x100000b000              // IPA 0x82_0000_0000 -> pg_d
    .equ V_PTW,   0x1100000000              // pg_a; its L3 table's IPA unmapped at stage 2
    .equ V_BLK,   0x1200000000              // L2 block -> the 2 MiB at 0x4020_0000
    .equ V_L1UN,  0x2000000000              // L1 invalid
    .equ V_RANGE, 0x8000000000              // beyond T0SZ=25
    .equ IPA_S2UN, 0x8000000000
    .equ IPA_S2RO, 0x8100000000
    .equ IPA_S2B, 0x8200000000
    .equ OA_BIG,  0x10000000000

    .equ IDENT_BASE, 0x40000000
    .equ IDENT_PAGES, 8192
    .equ POOL_SIZE, 0x60000
    .equ VTCR, (24 | VTCR_SL0_L1 | TCR_WB0 | TCR_TG0_4K | VTCR_PS_40 | VTCR_RES1)
    .equ TCR1, (25 | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS_40)
    .equ TCRX, (25 | TCR_WB0 | TCR_TG0_4K | TCRX_PS_40 | TCRX_RES1)
    .equ S1PAGE, (PT_S1_NORMAL | PT_PAGE)
    .equ S1BLOCK, (PT_S1_NORMAL | PT_BLOCK)
    .equ S1XPAGE, (PT_S1_NORMAL | PT_AP1 | PT_PAGE)
    .equ S1XBLOCK, (PT_S1_NORMAL | PT_AP1 | PT_BLOCK)
    .equ S2PAGE, (PT_S2_NORMAL_RW | PT_PAGE)

    .equ PAR_OK_MASK, 0x00fffffffffff001
    .equ PAR_OK_MASK_NS, 0x00fffffffffff201
    .equ PAR_FAULT_MASK, 0x3ff

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    CALL_AT 3, SPSR_EL2H, el2_main
    PUTS    "== 5. EL3 regime: AT S1E3R/W ==\n"
    bl      el3_part
    PUTS    "done\n"
    EXIT    0

// par_mask: x0 = PAR_EL1 -> x0 masked (see the header); NS kept if
// par_keep_ns != 0. Clobbers nothing else (NZCV preserved).
par_mask:
    stp     x1, x2, [sp, #-16]!
    mrs     x2, nzcv
    tbnz    x0, #0, 1f
    adrp    x1, par_keep_ns
    ldr     x1, [x1, :lo12:par_keep_ns]
    cbnz    x1, 2f
    LI      x1, PAR_OK_MASK
    and     x0, x0, x1
    b       3f
2:  LI      x1, PAR_OK_MASK_NS
    and     x0, x0, x1
    b       3f
1:  and     x0, x0, #PAR_FAULT_MASK
3:  msr     nzcv, x2
    ldp     x1, x2, [sp], #16
    ret

// x0 = page (4 KiB), x2 = seed; clobbers x0-x3
fill_4k:
    mov     x1, #4096
    LI      x3, 0x9e3779b97f4a7c15
1:  str     x2, [x0], #8
    add     x2, x2, x3
    sub     x1, x1, #8
    cbnz    x1, 1b
    ret

// map1: x1 = VA, x2 = L3 descriptor in the EL1 stage-1 root
map1:
    str     x30, [sp, #-16]!
    LA      x0, s1root
    ldr     x0, [x0]
    PT_GEOM x3, 12, 1, 3, 39
    mov     x4, #0
    bl      pt_map
    ldr     x30, [sp], #16
    ret
// map2: x1 = IPA, x2 = L3 descriptor in the stage-2 root -> x0 = slot
map2:
    str     x30, [sp, #-16]!
    LA      x0, s2root
    ldr     x0, [x0]
    PT_GEOM x3, 12, 1, 3, 40
    mov     x4, #0
    bl      pt_map
    ldr     x30, [sp], #16
    ret

.macro M1P va, page, attr
    LI      x1, \va
    LA      x2, \page
    LI      x5, \attr
    orr     x2, x2, x5
    bl      map1
.endm
.macro M1A va, oa, attr
    LI      x1, \va
    LI      x2, (\oa | \attr)
    bl      map1
.endm

// ------------------------------------------------------------ EL2
el2_main:
    LA      x0, pg_a
    LI      x2, 0xa100000000000000
    bl      fill_4k
    LA      x0, pg_b
    LI      x2, 0xb200000000000000
    bl      fill_4k
    LA      x0, pt_pool
    LI      x1, POOL_SIZE
    bl      pt_pool_init
    // EL1 stage 1
    mov     x0, #4096
    bl      pt_alloc
    LA      x1, s1root
    str     x0, [x1]
    PT_GEOM x3, 12, 1, 1, 39
    mov     x4, #0
    LI      x1, IDENT_BASE
    LI      x2, (IDENT_BASE | S1BLOCK)
    bl      pt_map
    M1P     V_RW, pg_a, S1PAGE
    M1P     V_RO, pg_a, (S1PAGE | PT_AP_RO_EL1)
    M1P     V_USER, pg_b, (S1PAGE | PT_AP_RW_ALL)
    M1P     V_UROL, pg_b, (S1PAGE | PT_AP_RO_ALL)
    M1P     V_AF0, pg_a, (S1PAGE & ~PT_AF)
    M1P     V_DEV, pg_c, (PT_S1_DEVICE | PT_PAGE)
    M1P     V_NC, pg_c, (PT_AF | PT_ATTR_NC | PT_PAGE)
    M1A     V_OA, OA_BIG, S1PAGE
    M1A     V_S2UN, IPA_S2UN, S1PAGE
    M1A     V_S2RO, IPA_S2RO, S1PAGE
    M1A     V_S2B, IPA_S2B, S1PAGE
    M1P     V_PTW, pg_a, S1PAGE
    LI      x1, V_UNMAP                     // make the L3 table hold V_UNMAP's slot
    LA      x0, s1root
    ldr     x0, [x0]
    PT_GEOM x3, 12, 1, 3, 39
    bl      pt_walk
    LA      x0, s1root
    ldr     x0, [x0]
    PT_GEOM x3, 12, 1, 2, 39
    LI      x1, V_BLK
    LI      x2, (0x40200000 | S1BLOCK)
    bl      pt_map
    LA      x0, s1root                      // V_PTW's L3 table
    ldr     x0, [x0]
    LI      x1, V_PTW
    bl      pt_walk
    ldr     x0, [x0]
    and     x0, x0, #0x0000fffffffff000
    LA      x1, ptw_table
    str     x0, [x1]
    // stage 2
    mov     x0, #8192
    bl      pt_alloc
    LA      x1, s2root
    str     x0, [x1]
    PT_GEOM x3, 12, 1, 3, 40
    mov     x4, #0
    LI      x1, IDENT_BASE
    LI      x2, (IDENT_BASE | S2PAGE)
    mov     x5, #IDENT_PAGES
    bl      pt_map_range
    LI      x1, IPA_S2RO
    LA      x2, pg_c
    LI      x5, ((S2PAGE & ~PT_S2_RW) | PT_S2_R)
    orr     x2, x2, x5
    bl      map2
    LI      x1, IPA_S2B
    LA      x2, pg_d
    LI      x5, S2PAGE
    orr     x2, x2, x5
    bl      map2
    LA      x1, ptw_table
    ldr     x1, [x1]
    mov     x2, #0
    bl      map2                            // unmap V_PTW's L3 table page
    LI      x0, VTCR
    msr     vtcr_el2, x0
    LA      x0, s2root
    ldr     x0, [x0]
    orr     x0, x0, #(1 << 48)
    msr     vttbr_el2, x0
    isb

    PUTS    "== 1. EL1, stage 2 off: AT S1E1R/S1E1W/S1E0R/S1E0W ==\n"
    CALL_AT 2, SPSR_EL1H, el1_part1

    PUTS    "== 2. EL2, HCR_EL2.VM=1: AT S12E1R/W, S12E0R/W, S1E1R ==\n"
    LI      x0, (HCR_RW | HCR_VM)
    msr     hcr_el2, x0
    isb
    tlbi    vmalls12e1
    dsb     sy
    isb
.macro S12 name, va
    LI      x9, \va
    ATP     s12e1r, "\name\()_s12e1r", x9
    ATP     s12e1w, "\name\()_s12e1w", x9
    ATP     s12e0r, "\name\()_s12e0r", x9
    ATP     s12e0w, "\name\()_s12e0w", x9
    ATP     s1e1r, "\name\()_s1e1r", x9
.endm
    S12     rw, V_RW
    S12     user, V_USER
    S12     unmap, V_UNMAP
    S12     s2b, V_S2B
    S12     s2un, V_S2UN
    LI      x9, V_S2RO                      // no S12E1W/S12E0W here: QEMU 10 aborts
    ATP     s12e1r, "s2ro_s12e1r", x9
    ATP     s1e1r, "s2ro_s1e1r", x9
    S12     ptw, V_PTW
    S12     oa, V_OA
    LI      x9, V_DEV
    ATD     s12e1r, "dev_s12e1r", x9
    LI      x9, V_RW
    ATD     s12e1r, "rw_s12e1r", x9

    PUTS    "== 3. EL1, HCR_EL2.VM=1: AT S1E1R gives the IPA ==\n"
    CALL_AT 2, SPSR_EL1H, el1_part3
    LI      x0, HCR_RW
    msr     hcr_el2, x0
    isb

    PUTS    "== 4. EL2 regime (E2H=0): AT S1E2R/S1E2W ==\n"
    mov     x0, #4096
    bl      pt_alloc
    mov     x20, x0
    PT_GEOM x3, 12, 1, 1, 39
    mov     x4, #0
    LI      x1, IDENT_BASE
    LI      x2, (IDENT_BASE | S1XBLOCK)
    bl      pt_map
    PT_GEOM x3, 12, 1, 3, 39
    mov     x0, x20
    LI      x1, V_RW
    LA      x2, pg_b
    LI      x5, S1XPAGE
    orr     x2, x2, x5
    bl      pt_map
    mov     x0, x20
    LI      x1, V_RO
    LA      x2, pg_b
    LI      x5, (S1XPAGE | PT_AP2)
    orr     x2, x2, x5
    bl      pt_map
    LI      x0, TCRX
    mov     x1, x20
    bl      pt_el2_on
    LI      x9, V_RW
    ATP     s1e2r, "el2_rw_s1e2r", x9
    ATP     s1e2w, "el2_rw_s1e2w", x9
    LI      x9, V_RO
    ATP     s1e2r, "el2_ro_s1e2r", x9
    ATP     s1e2w, "el2_ro_s1e2w", x9
    LI      x9, V_UNMAP
    ATP     s1e2r, "el2_unmap_s1e2r", x9
    LI      x9, V_RANGE
    ATP     s1e2r, "el2_range_s1e2r", x9
    add     x9, x20, #0x10                  // identity: the table itself
    ATP     s1e2w, "el2_table_s1e2w", x9
    sub     x0, x9, x20
    PR      "el2_table_offset", x0
    bl      pt_el2_off
    LI      x9, 0x40212345
    ATP     s1e2r, "el2_mmu_off_s1e2r", x9
    RET_SMC

// ------------------------------------------------------------ EL1
el1_part1:
    LI      x0, TCR1
    LA      x1, s1root
    ldr     x1, [x1]
    mov     x2, #0
    bl      pt_el1_on
.macro S1 name, va
    LI      x9, \va
    ATP     s1e1r, "\name\()_s1e1r", x9
    ATP     s1e1w, "\name\()_s1e1w", x9
    ATP     s1e0r, "\name\()_s1e0r", x9
    ATP     s1e0w, "\name\()_s1e0w", x9
.endm
    S1      rw, V_RW
    S1      ro, V_RO
    S1      user, V_USER
    S1      urol, V_UROL
    S1      unmap, V_UNMAP
    S1      l1unmap, V_L1UN
    S1      range, V_RANGE
    S1      af0, V_AF0
    S1      oa, V_OA
    S1      s2b, V_S2B
    LI      x9, (V_RW + 0x123)
    ATP     s1e1r, "rw_plus_0x123_s1e1r", x9
    LI      x9, (V_BLK + 0x1ab456)
    ATP     s1e1r, "block_plus_0x1ab456_s1e1r", x9
    LI      x9, V_DEV
    ATD     s1e1r, "dev_s1e1r", x9
    LI      x9, V_NC
    ATD     s1e1r, "nc_s1e1r", x9
    LI      x9, V_RW
    ATD     s1e1r, "rw_s1e1r", x9
    PUTS    "-- PSTATE.PAN=1\n"
    msr     pan, #1
    LI      x9, V_USER
    ATP     s1e1r, "pan1_user_s1e1r", x9
    ATP     s1e1w, "pan1_user_s1e1w", x9
    ATP     s1e1rp, "pan1_user_s1e1rp", x9
    ATP     s1e1wp, "pan1_user_s1e1wp", x9
    ATP     s1e0r, "pan1_user_s1e0r", x9
    LI      x9, V_UROL
    ATP     s1e1rp, "pan1_urol_s1e1rp", x9
    LI      x9, V_RW
    ATP     s1e1rp, "pan1_rw_s1e1rp", x9
    ATP     s1e1wp, "pan1_rw_s1e1wp", x9
    msr     pan, #0
    LI      x9, V_USER
    ATP     s1e1rp, "pan0_user_s1e1rp", x9
    RET_HVC

el1_part3:
    LI      x9, V_S2B
    ATP     s1e1r, "el1_s2b_s1e1r", x9
    LI      x9, V_S2UN
    ATP     s1e1r, "el1_s2un_s1e1r", x9
    LI      x9, V_RW
    ATP     s1e1w, "el1_rw_s1e1w", x9
    SET_HOOK 2, hook_hpfar
    PUTS    "-- AT S1E1R at EL1, stage-1 walk faults at stage 2: exception to EL2\n"
    LI      x9, V_PTW
    at      s1e1r, x9
    isb
    SET_HOOK 2, hook_hpfar
    PUTS    "-- AT S1E0W at EL1, the same\n"
    at      s1e0w, x9
    isb
    RET_HVC

hook_hpfar:
    mrs     x1, hpfar_el2
    PR      "   hpfar", x1
    ret

// ------------------------------------------------------------ EL3
el3_part:
    str     x30, [sp, #-16]!
    mov     x0, #4096
    bl      pt_alloc
    mov     x20, x0
    PT_GEOM x3, 12, 1, 1, 39
    mov     x4, #0
    LI      x1, IDENT_BASE
    LI      x2, (IDENT_BASE | S1XBLOCK)
    bl      pt_map
    PT_GEOM x3, 12, 1, 3, 39
    mov     x0, x20
    LI      x1, V_RW
    LA      x2, pg_a
    LI      x5, S1XPAGE
    orr     x2, x2, x5
    bl      pt_map
    mov     x0, x20
    LI      x1, V_USER
    LA      x2, pg_a
    LI      x5, (S1XPAGE | PT_NS)
    orr     x2, x2, x5
    bl      pt_map
    mov     x0, x20
    LI      x1, V_RO
    LA      x2, pg_a
    LI      x5, (S1XPAGE | PT_AP2)
    orr     x2, x2, x5
    bl      pt_map
    LI      x0, TCRX
    mov     x1, x20
    bl      pt_el3_on
    mov     x0, #1
    adrp    x1, par_keep_ns
    str     x0, [x1, :lo12:par_keep_ns]
    LI      x9, V_RW
    ATP     s1e3r, "el3_ns0_s1e3r", x9
    ATP     s1e3w, "el3_ns0_s1e3w", x9
    LI      x9, V_USER
    ATP     s1e3r, "el3_ns1_s1e3r", x9
    LI      x9, V_RO
    ATP     s1e3w, "el3_ro_s1e3w", x9
    LI      x9, V_UNMAP
    ATP     s1e3r, "el3_unmap_s1e3r", x9
    adrp    x1, par_keep_ns
    str     xzr, [x1, :lo12:par_keep_ns]
    bl      pt_el3_off
    ldr     x30, [sp], #16
    ret

    .bss
    .balign 4096
s1root:
    .skip   8
s2root:
    .skip   8
ptw_table:
    .skip   8
par_keep_ns:
    .skip   8
    .balign 4096
pg_a:
    .skip   4096
pg_b:
    .skip   4096
pg_c:
    .skip   4096
pg_d:
    .skip   4096
pt_pool:
    .skip   POOL_SIZE
