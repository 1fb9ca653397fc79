// a64sim-requires: mmu
//
// bench_mmu_s2_ldst.S - benchmark: the bench_ldst_loop loop (loads and
// stores over a 64 KiB buffer, read-modify-write of every dword, pair loads,
// byte stores; about 1.0e9 instructions) at EL1 with both translation stages
// on. EL2 builds a stage 2 (VTCR_EL2 4K granule, T0SZ=24, SL0=1, VMID 1,
// IPA=PA for 0x4000_0000..0x7fff_ffff by one 1 GiB L1 block, Normal WB) and
// HCR_EL2.VM=1; EL1 turns on its stage 1 (4K granule, T0SZ=32, one 1 GiB
// L1 block for the RAM, MAIR Normal WB, SCTLR_EL1.{M,C,I}=1) and runs the
// loop. Prints exactly what bench_ldst_loop prints.

    .include "semihost.inc"
    .include "hyp.inc"
    .include "pt.inc"

    .equ    BUF_SIZE, 65536
    .equ    PASSES, 30500                   // 8 instructions per 16 bytes: 32772 per pass
    .equ    RAM_BASE, 0x40000000
    .equ    VTCR, (24 | VTCR_SL0_L1 | TCR_WB0 | TCR_TG0_4K | VTCR_PS_40 | VTCR_RES1)
    .equ    TCR1, (32 | TCR_WB0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS_40)

    .text
    .global _start
_start:
    SETUP
    HYP_EL3_INIT SCR_NVHE
    DROP_EL3 (SPSR_DAIF | SPSR_EL2H), el2_entry

el2_entry:
    LA      x0, pool
    mov     x1, #POOL_SIZE
    bl      pt_pool_init
    mov     x0, #8192                       // stage 2: two concatenated L1 tables
    bl      pt_alloc
    mov     x19, x0
    PT_GEOM x3, 12, 1, 1, 40
    mov     x4, #0
    LI      x1, RAM_BASE
    LI      x2, (RAM_BASE | PT_S2_NORMAL_RW | PT_BLOCK)
    bl      pt_map
    mov     x0, #4096                       // stage 1: one L1 table (4 entries used)
    bl      pt_alloc
    mov     x20, x0
    PT_GEOM x3, 12, 1, 1, 32
    LI      x1, RAM_BASE
    LI      x2, (RAM_BASE | PT_S1_NORMAL | PT_BLOCK)
    bl      pt_map
    LA      x0, s1root
    str     x20, [x0]
    LI      x0, VTCR
    msr     vtcr_el2, x0
    orr     x0, x19, #(1 << 48)
    msr     vttbr_el2, x0
    LI      x0, (HCR_RW | HCR_VM)
    msr     hcr_el2, x0
    dsb     sy
    isb
    tlbi    vmalls12e1
    dsb     sy
    isb
    DROP_EL2 (SPSR_DAIF | SPSR_EL1H), el1_entry

el1_entry:
    LI      x0, TCR1
    LA      x1, s1root
    ldr     x1, [x1]
    mov     x2, #0
    bl      pt_el1_on
    LA      x19, buf
    // fill the buffer with a pattern
    LI      x1, 0x0123456789abcdef
    LI      x2, 0x9e3779b97f4a7c15
    mov     x3, x19
    mov     x4, #(BUF_SIZE / 8)
1:  str     x1, [x3], #8
    add     x1, x1, x2
    sub     x4, x4, #1
    cbnz    x4, 1b

    mov     x10, #0                         // sum of loaded values
    mov     x5, #PASSES
2:  mov     x3, x19
    mov     x4, #(BUF_SIZE / 16)
3:  ldp     x6, x7, [x3]
    add     x10, x10, x6
    eor     x6, x6, x7, ror #7
    add     x7, x7, x5
    stp     x7, x6, [x3], #16
    strb    w10, [x3, #-3]
    sub     x4, x4, #1
    cbnz    x4, 3b
    sub     x5, x5, #1
    cbnz    x5, 2b

    PR      "loaded_sum", x10
    mov     x1, #BUF_SIZE
    CKSUM   x0, x19, x1
    PR      "buffer_checksum", x0
    EXIT    0

    .equ    POOL_SIZE, 0x4000

    .bss
    .balign 4096
s1root:
    .skip   16
    .balign 4096
pool:
    .skip   POOL_SIZE
    .balign 4096
buf:
    .skip   BUF_SIZE
