// a64sim-requires: mmu
//
// bench_mmu_pagewalk.S - benchmark: TLB misses. EL1 maps a 64 MiB region at
// VA 0x10_0000_0000 with 16384 4 KiB pages (4K granule, T0SZ=25, 3 levels;
// 32 L3 tables) onto the RAM at PA 0x4400_0000, zeroes it, then runs
//     ldr x6, [page p, line o] ; sum += x6 ; str x6 + i, [same]
//     p = (p + 2053) mod 16384 ; o = (o + 64) mod 4096
// so that every access is to a different page than the one before and the
// 16384 pages are visited in a fixed permutation (ITERS accesses, 10
// instructions each). Prints the sum of the loaded values and a checksum of
// the first 64 KiB of the region. The tables live at PA 0x4800_0000.

    .include "semihost.inc"
    .include "hyp.inc"
    .include "pt.inc"

    .equ    RAM_BASE, 0x40000000
    .equ    REGION_VA, 0x1000000000
    .equ    REGION_PA, 0x44000000
    .equ    REGION_PAGES, 16384
    .equ    REGION_SIZE, 0x4000000
    .equ    POOL_PA, 0x48000000
    .equ    POOL_SIZE, 0x100000
    .equ    STRIDE, 2053
    .equ    ITERS, 4000000
    .equ    TCR1, (25 | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS_40)

    .text
    .global _start
_start:
    SETUP
    HYP_EL3_INIT SCR_NVHE
    DROP_EL3 (SPSR_DAIF | SPSR_EL1H), el1_entry

el1_entry:
    LI      x0, POOL_PA
    LI      x1, POOL_SIZE
    bl      pt_pool_init
    mov     x0, #4096
    bl      pt_alloc
    mov     x20, x0
    PT_GEOM x3, 12, 1, 1, 39
    mov     x4, #0
    LI      x1, RAM_BASE
    LI      x2, (RAM_BASE | PT_S1_NORMAL | PT_BLOCK)
    bl      pt_map                          // the RAM, identity (1 GiB block)
    mov     x0, x20
    PT_GEOM x3, 12, 1, 3, 39
    LI      x1, REGION_VA
    LI      x2, (REGION_PA | PT_S1_NORMAL | PT_PAGE | PT_PXN | PT_UXN)
    mov     x5, #REGION_PAGES
    bl      pt_map_range
    LI      x0, TCR1
    mov     x1, x20
    mov     x2, #0
    bl      pt_el1_on

    LI      x20, REGION_VA
    mov     x1, x20                         // zero the region
    LI      x2, REGION_SIZE
1:  stp     xzr, xzr, [x1], #16
    sub     x2, x2, #16
    cbnz    x2, 1b

    mov     x10, #0                         // sum of loaded values
    mov     x21, #0                         // page index
    mov     x22, #0                         // line offset
    LI      x5, ITERS
2:  add     x9, x20, x21, lsl #12
    ldr     x6, [x9, x22]
    add     x10, x10, x6
    add     x6, x6, x5
    str     x6, [x9, x22]
    add     x21, x21, #STRIDE
    and     x21, x21, #(REGION_PAGES - 1)
    add     x22, x22, #64
    and     x22, x22, #0xfc0
    sub     x5, x5, #1
    cbnz    x5, 2b

    PR      "loaded_sum", x10
    mov     x1, #0x10000
    CKSUM   x0, x20, x1
    PR      "region_first_64k_checksum", x0
    EXIT    0
