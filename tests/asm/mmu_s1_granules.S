// a64sim-requires: mmu
//
// mmu_s1_granules.S - stage-1 translation with every granule and walk depth.
//
// EL1&0 regime (run at EL1, EL2 present with HCR_EL2.VM=0), seven table
// layouts, each with its own TTBR0 and TTBR1 geometry:
//
//   cfg | TTBR0: granule, T0SZ, levels | identity map of 0x4000_0000 (32 MiB)  | TTBR1: granule, T1SZ, levels
//   ----+------------------------------+----------------------------------------+------------------------------
//    1  | 4K   16  L0-L3 (4)           | 4 KiB L3 pages (8192)                  | 4K  34  L2-L3 (2)
//    2  | 4K   25  L1-L3 (3)           | one 1 GiB L1 block                     | 64K 36  L3 only (1)
//    3  | 16K  16  L0-L3 (4, 2-entry L0) | one 32 MiB L2 block                  | 16K 39  L3 only (1)
//    4  | 16K  20  L1-L3 (3)           | one 32 MiB L2 block                    | 4K  16  L0-L3 (4)
//    5  | 16K  28  L2-L3 (2)           | one 32 MiB L2 block                    | 16K 17  L1-L3 (3)
//    6  | 64K  16  L1-L3 (3)           | one 512 MiB L2 block                   | 64K 16  L1-L3 (3)
//    7  | 64K  30  L2-L3 (2, 32-entry L2) | one 512 MiB L2 block                | 4K  25  L1-L3 (3)
//
// In each: a data page (pg_a) mapped by a last-level page at a non-identity
// VA, the same page reached through a non-identity L2 block alias, a TTBR1
// page (pg_b) at the bottom of the TTBR1 range and one (pg_c) at its very top
// (the last page of the 64-bit VA space). With SCTLR_EL1.{M,C,I}=1 and MAIR
// attr0 = Normal WB, the program reads and writes through every mapping and
// prints the values and checksums, then remaps the data page by
// break-before-make (descriptor zeroed, DSB, TLBI VAE1 / VALE1 / VMALLE1,
// DSB, new descriptor, DSB, ISB) and shows the new mapping. The code, stacks and tables run through the identity map.
//
// Then ASIDs: TCR_EL1.AS=1 (16-bit ASIDs), two TTBR0 roots whose nG page at
// the same VA maps pg_a / pg_b, switched by writing TTBR0_EL1 (ASID 0x1201 /
// 0x3401, which agree in their low 8 bits) without TLB maintenance, plus
// TLBI ASIDE1, VAAE1, VAE1IS, VALE1IS after remapping.
//
// Then one layout in the EL2 regime (E2H=0: TCR_EL2, TTBR0_EL2, 16K granule,
// T0SZ=20, 3 levels) and one in the EL3 regime (64K granule, T0SZ=22, 2
// levels: an 8192-entry L2 table), with TLBI VAE2/ALLE2 and VAE3/ALLE3.

    .include "semihost.inc"
    .include "el.inc"
    .include "pt.inc"

    .equ IDENT_BASE, 0x40000000
    .equ IDENT_SIZE, 0x2000000              // 32 MiB: image, stacks, tables, data pages
    .equ POOL_SIZE, 0x100000
    .equ PG_SIZE, 0x10000                   // each data page is 64 KiB (largest granule)

    // config record fields
    .equ CF_NAME, 0
    .equ CF_TCR, 8
    .equ CF_GEOM_ID, 16                     // identity map: geometry, leaf = block/page level
    .equ CF_ID_ATTR, 24                     // identity leaf attributes (type bits included)
    .equ CF_GEOM_PG, 32                     // TTBR0 page geometry (leaf 3)
    .equ CF_TEST_VA, 40
    .equ CF_GEOM_BLK, 48                    // block alias geometry (leaf 2)
    .equ CF_ALIAS_VA, 56
    .equ CF_GEOM_HI, 64                     // TTBR1 page geometry (leaf 3)
    .equ CF_HI_VA, 72
    .equ CF_TOP_VA, 80
    .equ CF_PG_ATTR, 88                     // page leaf attributes
    .equ CF_BLK_ATTR, 96                    // block leaf attributes

    .equ S1_PAGE, (PT_S1_NORMAL | PT_PAGE)
    .equ S1_BLOCK, (PT_S1_NORMAL | PT_BLOCK)
    .equ S1X_PAGE, (PT_S1_NORMAL | PT_AP1 | PT_PAGE)    // EL2/EL3: AP[1] RES1
    .equ S1X_BLOCK, (PT_S1_NORMAL | PT_AP1 | PT_BLOCK)

.macro LA reg, label
    adrp    \reg, \label
    add     \reg, \reg, :lo12:\label
.endm

.macro CFG name, tcr, g0, s0, ia0, idleaf, idattr, test_va, alias_va, g1, s1, ia1, hi_va, top_va, pgattr, blkattr
    .pushsection .rodata.cfg, "a"
    .balign 8
\name:
    .quad   \name\()_str
    .quad   \tcr
    .quad   ((\g0) | ((\s0) << 8) | ((\idleaf) << 16) | ((\ia0) << 24))
    .quad   \idattr
    .quad   ((\g0) | ((\s0) << 8) | (3 << 16) | ((\ia0) << 24))
    .quad   \test_va
    .quad   ((\g0) | ((\s0) << 8) | (2 << 16) | ((\ia0) << 24))
    .quad   \alias_va
    .quad   ((\g1) | ((\s1) << 8) | (3 << 16) | ((\ia1) << 24))
    .quad   \hi_va
    .quad   \top_va
    .quad   \pgattr
    .quad   \blkattr
    .popsection
.endm

    .text
    .global _start
_start:
    SETUP
    EL_INIT
    PUTS    "== EL1&0 regime: seven granule/level layouts ==\n"
    CALL_AT 3, SPSR_EL1H, el1_main
    PUTS    "== EL2 regime (HCR_EL2.E2H=0) ==\n"
    CALL_AT 3, SPSR_EL2H, el2_main
    PUTS    "== EL3 regime ==\n"
    LA      x19, cfg_el3
    bl      run_cfg_el3
    PUTS    "done\n"
    EXIT    0

el1_main:
    LA      x19, cfg1
    bl      run_cfg_el1
    LA      x19, cfg2
    bl      run_cfg_el1
    LA      x19, cfg3
    bl      run_cfg_el1
    LA      x19, cfg4
    bl      run_cfg_el1
    LA      x19, cfg5
    bl      run_cfg_el1
    LA      x19, cfg6
    bl      run_cfg_el1
    LA      x19, cfg7
    bl      run_cfg_el1
    bl      asid_test
    RET_SMC

el2_main:
    LA      x19, cfg_el2
    bl      run_cfg_el2
    RET_SMC

// fill_pages: pg_a/pg_b/pg_c = three distinct patterns (64 KiB each).
fill_pages:
    stp     x0, x1, [sp, #-48]!
    stp     x2, x3, [sp, #16]
    str     x30, [sp, #32]
    LA      x0, pg_a
    LI      x2, 0xaaaa000000000000
    bl      fill_one
    LA      x0, pg_b
    LI      x2, 0xbbbb000000000000
    bl      fill_one
    LA      x0, pg_c
    LI      x2, 0xcccc000000000000
    bl      fill_one
    ldr     x30, [sp, #32]
    ldp     x2, x3, [sp, #16]
    ldp     x0, x1, [sp], #48
    ret
// x0 = page, x2 = seed: dword i = seed + i * 0x9e3779b97f4a7c15. Clobbers x0-x3.
fill_one:
    mov     x1, #PG_SIZE
    LI      x3, 0x9e3779b97f4a7c15
1:  str     x2, [x0], #8
    add     x2, x2, x3
    sub     x1, x1, #8
    cbnz    x1, 1b
    ret

// run_cfg_el<el>: x19 = config record. Builds the tables (MMU off), turns
// the MMU of the regime on, checks, turns it off. Clobbers x0-x28.
.macro RUN_CFG el
run_cfg_el\el:
    str     x30, [sp, #-16]!
    ldr     x0, [x19, #CF_NAME]
    bl      sh_puts
    bl      fill_pages
    LA      x0, pt_pool
    LI      x1, POOL_SIZE
    bl      pt_pool_init
    ldr     x3, [x19, #CF_GEOM_PG]
    bl      pt_leaf_size
    mov     x22, x0                         // TTBR0 granule size
    bl      pt_alloc
    mov     x20, x0                         // TTBR0 root
    mov     x21, #0
    .if \el == 1
    ldr     x3, [x19, #CF_GEOM_HI]
    bl      pt_leaf_size
    mov     x25, x0                         // TTBR1 granule size
    bl      pt_alloc
    mov     x21, x0                         // TTBR1 root
    .endif
    // identity map of IDENT_BASE..+IDENT_SIZE
    ldr     x3, [x19, #CF_GEOM_ID]
    bl      pt_leaf_size
    LI      x5, IDENT_SIZE
    udiv    x5, x5, x0
    cbnz    x5, 1f
    mov     x5, #1
1:  mov     x0, x20
    LI      x1, IDENT_BASE
    ldr     x2, [x19, #CF_ID_ATTR]
    orr     x2, x2, x1
    mov     x4, #0
    bl      pt_map_range
    // the data page at a non-identity VA
    mov     x0, x20
    ldr     x1, [x19, #CF_TEST_VA]
    mov     x26, x1
    LA      x2, pg_a
    ldr     x6, [x19, #CF_PG_ATTR]
    orr     x2, x2, x6
    ldr     x3, [x19, #CF_GEOM_PG]
    bl      pt_map
    mov     x23, x0                         // its descriptor
    // an L2 block alias of the block holding pg_a
    ldr     x3, [x19, #CF_GEOM_BLK]
    bl      pt_leaf_size
    sub     x6, x0, #1
    LA      x7, pg_a
    and     x8, x7, x6                      // offset of pg_a in its block
    bic     x2, x7, x6                      // block base
    ldr     x9, [x19, #CF_BLK_ATTR]
    orr     x2, x2, x9
    ldr     x1, [x19, #CF_ALIAS_VA]
    add     x27, x1, x8                     // pg_a through the alias
    mov     x0, x20
    bl      pt_map
    .if \el == 1
    mov     x0, x21                         // TTBR1: pg_b at the bottom of the range
    ldr     x1, [x19, #CF_HI_VA]
    mov     x28, x1
    LA      x2, pg_b
    ldr     x6, [x19, #CF_PG_ATTR]
    orr     x2, x2, x6
    ldr     x3, [x19, #CF_GEOM_HI]
    bl      pt_map
    mov     x24, x0
    mov     x0, x21                         // pg_c at the top page
    ldr     x1, [x19, #CF_TOP_VA]
    LA      x2, pg_c
    orr     x2, x2, x6
    bl      pt_map
    .endif
    ldr     x0, [x19, #CF_TCR]
    mov     x1, x20
    mov     x2, x21
    bl      pt_el\el\()_on
    // through the page mapping
    ldr     x5, [x26]
    PR      "  va_page[0]", x5
    add     x6, x26, x22
    ldr     x5, [x6, #-8]
    PR      "  va_page[last]", x5
    LI      x6, 0x0123456789abcdef
    str     x6, [x26, #8]
    LA      x7, pg_a
    ldr     x5, [x7, #8]
    PR      "  pa_page[1]_after_va_store", x5
    // through the block alias
    LI      x6, 0xfedcba9876543210
    str     x6, [x27, #16]
    ldr     x5, [x26, #16]
    PR      "  va_page[2]_after_alias_store", x5
    ldr     x5, [x27]
    PR      "  alias_page[0]", x5
    CKSUM   x5, x26, x22
    PR      "  va_page_cksum", x5
    CKSUM   x5, x27, x22
    PR      "  alias_page_cksum", x5
    .if \el == 1
    ldr     x5, [x28]
    PR      "  ttbr1_page[0]", x5
    add     x6, x28, x25
    ldr     x5, [x6, #-8]
    PR      "  ttbr1_page[last]", x5
    LI      x6, 0x55aa55aa12345678
    str     x6, [x28, #24]
    LA      x7, pg_b
    ldr     x5, [x7, #24]
    PR      "  pa_pg_b[3]_after_ttbr1_store", x5
    ldr     x7, [x19, #CF_TOP_VA]
    ldr     x5, [x7]
    PR      "  ttbr1_top_page[0]", x5
    add     x7, x7, x25
    ldr     x5, [x7, #-8]
    PR      "  ttbr1_top_page[last]", x5
    CKSUM   x5, x28, x25
    PR      "  ttbr1_page_cksum", x5
    .endif
    // remap the data page to pg_c, TLBI by VA
    LA      x2, pg_c
    ldr     x6, [x19, #CF_PG_ATTR]
    orr     x2, x2, x6
    str     xzr, [x23]              // break
    dsb     ishst
    ubfx    x0, x26, #12, #44
    tlbi    vae\el, x0
    dsb     ish
    str     x2, [x23]               // make
    dsb     ishst
    isb
    ldr     x5, [x26]
    PR      "  va_page[0]_after_remap_tlbi_vae", x5
    .if \el == 1
    LA      x2, pg_a                        // TTBR1 page -> pg_a, TLBI VALE1
    orr     x2, x2, x6
    str     xzr, [x24]              // break
    dsb     ishst
    ubfx    x0, x28, #12, #44
    tlbi    vale1, x0
    dsb     ish
    str     x2, [x24]               // make
    dsb     ishst
    isb
    ldr     x5, [x28]
    PR      "  ttbr1_page[0]_after_remap_tlbi_vale1", x5
    .endif
    // and back to pg_a, TLBI of the whole regime
    LA      x2, pg_a
    orr     x2, x2, x6
    str     xzr, [x23]              // break
    dsb     ishst
    .if \el == 1
    tlbi    vmalle1
    .else
    tlbi    alle\el
    .endif
    dsb     ish
    str     x2, [x23]               // make
    dsb     ishst
    isb
    ldr     x5, [x26, #8]
    PR      "  va_page[1]_after_remap_tlbi_all", x5
    bl      pt_el\el\()_off
    LA      x7, pg_a
    mov     x8, #PG_SIZE
    CKSUM   x5, x7, x8
    PR      "  pa_pg_a_cksum_mmu_off", x5
    ldr     x30, [sp], #16
    ret
.endm

    RUN_CFG 1
    RUN_CFG 2
    RUN_CFG 3

// ASIDs: two roots, an nG page at ASID_VA (pg_a in root 1, pg_b in root 2),
// a global page at ASID_VA + 0x1000 (pg_c in both).
    .equ ASID_VA, 0x0000002000000000
    .equ ASID1, 0x1201
    .equ ASID2, 0x3401
    .equ ASID_TCR, (25 | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS_40 | TCR_AS)
asid_test:
    str     x30, [sp, #-16]!
    PUTS    "== EL1: 16-bit ASIDs, nG pages, TLBI by ASID and VA (4K, T0SZ=25) ==\n"
    bl      fill_pages
    LA      x0, pt_pool
    LI      x1, POOL_SIZE
    bl      pt_pool_init
    mov     x0, #4096
    bl      pt_alloc
    mov     x20, x0                         // root 1
    mov     x0, #4096
    bl      pt_alloc
    mov     x21, x0                         // root 2
    PT_GEOM x3, 12, 1, 1, 39
    LI      x1, IDENT_BASE
    LI      x2, (IDENT_BASE | S1_BLOCK)
    mov     x4, #0
    mov     x0, x20
    bl      pt_map
    mov     x0, x21
    bl      pt_map
    PT_GEOM x3, 12, 1, 3, 39
    LI      x1, ASID_VA
    LA      x2, pg_a
    LI      x6, (S1_PAGE | PT_NG)
    orr     x2, x2, x6
    mov     x0, x20
    bl      pt_map
    mov     x22, x0                         // root 1 nG descriptor
    LA      x2, pg_b
    orr     x2, x2, x6
    mov     x0, x21
    bl      pt_map
    mov     x23, x0                         // root 2 nG descriptor
    add     x1, x1, #0x1000
    LA      x2, pg_c
    LI      x6, S1_PAGE
    orr     x2, x2, x6
    mov     x0, x20
    bl      pt_map
    mov     x0, x21
    bl      pt_map
    LI      x26, ASID_VA
    LI      x0, (ASID1 << 48)
    orr     x24, x20, x0
    LI      x0, (ASID2 << 48)
    orr     x25, x21, x0
    LI      x0, ASID_TCR
    mov     x1, x24
    mov     x2, #0
    bl      pt_el1_on
    ldr     x5, [x26]
    PR      "  asid1201_ng[0]", x5
    ldr     x5, [x26, #0x1000]
    PR      "  asid1201_global[0]", x5
    msr     ttbr0_el1, x25
    isb
    ldr     x5, [x26]
    PR      "  asid3401_ng[0]", x5
    ldr     x5, [x26, #0x1000]
    PR      "  asid3401_global[0]", x5
    msr     ttbr0_el1, x24
    isb
    ldr     x5, [x26, #8]
    PR      "  asid1201_ng[1]_again", x5
    msr     ttbr0_el1, x25
    isb
    ldr     x5, [x26, #8]
    PR      "  asid3401_ng[1]_again", x5
    // root 2 (current ASID 0x3401): remap the nG page, TLBI ASIDE1
    LA      x2, pg_c
    LI      x6, (S1_PAGE | PT_NG)
    orr     x2, x2, x6
    str     xzr, [x23]              // break
    dsb     ishst
    LI      x0, (ASID2 << 48)
    tlbi    aside1, x0
    dsb     ish
    str     x2, [x23]               // make
    dsb     ishst
    isb
    ldr     x5, [x26]
    PR      "  asid3401_after_remap_tlbi_aside1", x5
    // TLBI VAAE1 (any ASID)
    LA      x2, pg_a
    orr     x2, x2, x6
    str     xzr, [x23]              // break
    dsb     ishst
    LI      x0, (ASID_VA >> 12)
    tlbi    vaae1, x0
    dsb     ish
    str     x2, [x23]               // make
    dsb     ishst
    isb
    ldr     x5, [x26]
    PR      "  asid3401_after_remap_tlbi_vaae1", x5
    // TLBI VAE1IS with the ASID
    LA      x2, pg_b
    orr     x2, x2, x6
    str     xzr, [x23]              // break
    dsb     ishst
    LI      x0, ((ASID2 << 48) | (ASID_VA >> 12))
    tlbi    vae1is, x0
    dsb     ish
    str     x2, [x23]               // make
    dsb     ishst
    isb
    ldr     x5, [x26, #16]
    PR      "  asid3401_after_remap_tlbi_vae1is", x5
    // TLBI VALE1IS with the ASID
    LA      x2, pg_c
    orr     x2, x2, x6
    str     xzr, [x23]              // break
    dsb     ishst
    LI      x0, ((ASID2 << 48) | (ASID_VA >> 12))
    tlbi    vale1is, x0
    dsb     ish
    str     x2, [x23]               // make
    dsb     ishst
    isb
    ldr     x5, [x26, #16]
    PR      "  asid3401_after_remap_tlbi_vale1is", x5
    // root 1 was never changed
    msr     ttbr0_el1, x24
    isb
    ldr     x5, [x26, #16]
    PR      "  asid1201_ng[2]_unchanged", x5
    bl      pt_el1_off
    ldr     x30, [sp], #16
    ret

// ------------------------------------------------------------ configs

    .equ TCR_CFG1, (16 | TCR_WB0 | TCR_TG0_4K | (34 << 16) | TCR_WB1 | TCR_TG1_4K | TCR_IPS_40)
    .equ TCR_CFG2, (25 | TCR_WB0 | TCR_TG0_4K | (36 << 16) | TCR_WB1 | TCR_TG1_64K | TCR_IPS_40)
    .equ TCR_CFG3, (16 | TCR_WB0 | TCR_TG0_16K | (39 << 16) | TCR_WB1 | TCR_TG1_16K | TCR_IPS_40)
    .equ TCR_CFG4, (20 | TCR_WB0 | TCR_TG0_16K | (16 << 16) | TCR_WB1 | TCR_TG1_4K | TCR_IPS_40)
    .equ TCR_CFG5, (28 | TCR_WB0 | TCR_TG0_16K | (17 << 16) | TCR_WB1 | TCR_TG1_16K | TCR_IPS_40)
    .equ TCR_CFG6, (16 | TCR_WB0 | TCR_TG0_64K | (16 << 16) | TCR_WB1 | TCR_TG1_64K | TCR_IPS_40)
    .equ TCR_CFG7, (30 | TCR_WB0 | TCR_TG0_64K | (25 << 16) | TCR_WB1 | TCR_TG1_4K | TCR_IPS_40)
    .equ TCR_CFG_EL2, (20 | TCR_WB0 | TCR_TG0_16K | TCRX_PS_40 | TCRX_RES1)
    .equ TCR_CFG_EL3, (22 | TCR_WB0 | TCR_TG0_64K | TCRX_PS_40 | TCRX_RES1)

    //  name     tcr          g0 s0 ia0 idleaf idattr     test_va             alias_va            g1 s1 ia1 hi_va               top_va              pgattr    blkattr
    CFG cfg1,    TCR_CFG1,    12, 0, 48, 3, S1_PAGE,   0x00005a5a00123000, 0x00007f0000200000, 12, 2, 30, 0xffffffffc0005000, 0xfffffffffffff000, S1_PAGE,  S1_BLOCK
    CFG cfg2,    TCR_CFG2,    12, 1, 39, 1, S1_BLOCK,  0x0000005566778000, 0x0000001234400000, 16, 3, 28, 0xfffffffff0030000, 0xffffffffffff0000, S1_PAGE,  S1_BLOCK
    CFG cfg3,    TCR_CFG3,    14, 0, 48, 2, S1_BLOCK,  0x000087654321c000, 0x0000010002000000, 14, 3, 25, 0xfffffffffe014000, 0xffffffffffffc000, S1_PAGE,  S1_BLOCK
    CFG cfg4,    TCR_CFG4,    14, 1, 44, 2, S1_BLOCK,  0x00000abcdef04000, 0x0000080000000000, 12, 0, 48, 0xffff800000007000, 0xfffffffffffff000, S1_PAGE,  S1_BLOCK
    CFG cfg5,    TCR_CFG5,    14, 2, 36, 2, S1_BLOCK,  0x0000000c34568000, 0x0000000800000000, 14, 1, 47, 0xffff80000000c000, 0xffffffffffffc000, S1_PAGE,  S1_BLOCK
    CFG cfg6,    TCR_CFG6,    16, 1, 48, 2, S1_BLOCK,  0x0000c0de00010000, 0x0000100000000000, 16, 1, 48, 0xffff000000050000, 0xffffffffffff0000, S1_PAGE,  S1_BLOCK
    CFG cfg7,    TCR_CFG7,    16, 2, 34, 2, S1_BLOCK,  0x0000000312340000, 0x0000000200000000, 12, 1, 39, 0xffffff8000009000, 0xfffffffffffff000, S1_PAGE,  S1_BLOCK
    CFG cfg_el2, TCR_CFG_EL2, 14, 1, 44, 2, S1X_BLOCK, 0x00000abcdef04000, 0x0000080000000000, 14, 1, 44, 0,                  0,                  S1X_PAGE, S1X_BLOCK
    CFG cfg_el3, TCR_CFG_EL3, 16, 2, 42, 2, S1X_BLOCK, 0x0000023456780000, 0x0000010000000000, 16, 2, 42, 0,                  0,                  S1X_PAGE, S1X_BLOCK

    .section .rodata.cfgnames, "a"
cfg1_str:    .asciz "-- cfg1: TTBR0 4K T0SZ=16 (L0-L3, image by 4K pages), TTBR1 4K T1SZ=34 (L2-L3)\n"
cfg2_str:    .asciz "-- cfg2: TTBR0 4K T0SZ=25 (L1-L3, 1G block), TTBR1 64K T1SZ=36 (L3 only)\n"
cfg3_str:    .asciz "-- cfg3: TTBR0 16K T0SZ=16 (L0-L3), TTBR1 16K T1SZ=39 (L3 only)\n"
cfg4_str:    .asciz "-- cfg4: TTBR0 16K T0SZ=20 (L1-L3), TTBR1 4K T1SZ=16 (L0-L3)\n"
cfg5_str:    .asciz "-- cfg5: TTBR0 16K T0SZ=28 (L2-L3), TTBR1 16K T1SZ=17 (L1-L3)\n"
cfg6_str:    .asciz "-- cfg6: TTBR0 64K T0SZ=16 (L1-L3), TTBR1 64K T1SZ=16 (L1-L3)\n"
cfg7_str:    .asciz "-- cfg7: TTBR0 64K T0SZ=30 (L2-L3), TTBR1 4K T1SZ=25 (L1-L3)\n"
cfg_el2_str: .asciz "-- EL2: TTBR0_EL2 16K T0SZ=20 (L1-L3)\n"
cfg_el3_str: .asciz "-- EL3: TTBR0_EL3 64K T0SZ=22 (L2-L3)\n"

    .bss
    .balign 65536
pg_a:
    .skip   PG_SIZE
pg_b:
    .skip   PG_SIZE
pg_c:
    .skip   PG_SIZE
pt_pool:
    .skip   POOL_SIZE
