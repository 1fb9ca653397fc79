// a64sim-requires: mmu
//
// bench_tlbi_loop.S - benchmark: TLB invalidation. EL1 with its stage 1 on
// (4K granule, T0SZ=25, the RAM by one 1 GiB L1 block, a data page by a
// 4 KiB page at VA 0x10_0000_0000) runs ITERS times
//     tlbi vmalle1 ; dsb ish ; isb ; ldr x6, [x9] ; add x10, x10, x6 ;
//     add x6, x6, #1 ; str x6, [x9] ; sub ; cbnz
// so every iteration refills the TLB for the code and the data page.
// Prints the sum of the loaded values and the final counter.

    .include "semihost.inc"
    .include "hyp.inc"
    .include "pt.inc"

    .equ    RAM_BASE, 0x40000000
    .equ    DATA_VA, 0x1000000000
    .equ    ITERS, 500000
    .equ    TCR1, (25 | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS_40)

    .text
    .global _start
_start:
    SETUP
    HYP_EL3_INIT SCR_NVHE
    DROP_EL3 (SPSR_DAIF | SPSR_EL1H), el1_entry

el1_entry:
    LA      x0, pool
    mov     x1, #POOL_SIZE
    bl      pt_pool_init
    mov     x0, #4096
    bl      pt_alloc
    mov     x20, x0
    PT_GEOM x3, 12, 1, 1, 39
    mov     x4, #0
    LI      x1, RAM_BASE
    LI      x2, (RAM_BASE | PT_S1_NORMAL | PT_BLOCK)
    bl      pt_map
    mov     x0, x20
    PT_GEOM x3, 12, 1, 3, 39
    LI      x1, DATA_VA
    LA      x2, data
    LI      x5, (PT_S1_NORMAL | PT_PAGE | PT_PXN | PT_UXN)
    orr     x2, x2, x5
    bl      pt_map
    LI      x0, TCR1
    mov     x1, x20
    mov     x2, #0
    bl      pt_el1_on

    LI      x9, DATA_VA
    LI      x6, 0x1000
    str     x6, [x9]
    mov     x10, #0
    LI      x5, ITERS
1:  tlbi    vmalle1
    dsb     ish
    isb
    ldr     x6, [x9]
    add     x10, x10, x6
    add     x6, x6, #1
    str     x6, [x9]
    sub     x5, x5, #1
    cbnz    x5, 1b

    PR      "loaded_sum", x10
    ldr     x0, [x9]
    PR      "counter", x0
    EXIT    0

    .equ    POOL_SIZE, 0x4000

    .bss
    .balign 4096
pool:
    .skip   POOL_SIZE
    .balign 4096
data:
    .skip   4096
