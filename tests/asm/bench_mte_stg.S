// a64sim-requires: mte
//
// bench_mte_stg.S - benchmark: STG over a buffer at EL1. MMU on
// (include/mte_a.inc regime; SCR_EL3.ATA=HCR_EL2.ATA=SCTLR_EL1.ATA=1,
// TCF=0), a 16 KiB buffer mapped Allocation Tagged at VA 0x8000_0000. Each
// pass tags all 1024 granules with STG Xt, [Xn], #16 (post-index, unrolled
// four times: 6 instructions per 4 STGs), through a pointer whose tag is
// pass + 1 (mod 16); 60,007 passes = 61.4 million STGs, about 92 million
// instructions (the last pass writes tag 7). Prints the final pointer, a digest of the tags (LDGM over
// the buffer), a checksum of the data (which STG never changes) and the
// tags of a few granules.

    .include "semihost.inc"
    .include "el.inc"
    .include "pt.inc"
    .include "mte_a.inc"

    .equ    SBUF, 0x80000000
    .equ    SBUF_SIZE, 16384
    .equ    PASSES, 60007
    .equ    POOL_SIZE, 0x4000

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
    orr     x0, x0, #SCTLR_ATA
    msr     sctlr_el1, x0
    isb
    adrp    x0, pool
    add     x0, x0, :lo12:pool
    mov     x1, #POOL_SIZE
    bl      mte_a_tables
    LI      x1, SBUF
    adrp    x2, sbuf
    add     x2, x2, :lo12:sbuf
    LI      x3, MTE_A_TAGGED_RW
    orr     x2, x2, x3
    mov     x5, #(SBUF_SIZE / 4096)
    bl      mte_a_map
    dsb     sy
    CALL_AT 3, SPSR_EL1H, el1_bench
    PUTS    "done\n"
    EXIT    0

el1_bench:
    MTE_A_VBAR
    bl      mte_a_mmu_on
    adrp    x28, sbuf
    add     x28, x28, :lo12:sbuf
    LI      x19, SBUF
    // data through the identity map
    LI      x1, 0x0123456789abcdef
    LI      x2, 0x9e3779b97f4a7c15
    mov     x3, x28
    mov     x4, #(SBUF_SIZE / 8)
1:  str     x1, [x3], #8
    add     x1, x1, x2
    sub     x4, x4, #1
    cbnz    x4, 1b
    dsb     sy

    LI      x21, 0x0100000000000000         // tag + 1
    add     x20, x19, x21                   // pass 0: tag 1
    LI      x5, PASSES
2:  mov     x3, x20
    mov     x4, #(SBUF_SIZE / 64)
3:  stg     x3, [x3], #16
    stg     x3, [x3], #16
    stg     x3, [x3], #16
    stg     x3, [x3], #16
    sub     x4, x4, #1
    cbnz    x4, 3b
    add     x20, x20, x21
    sub     x5, x5, #1
    cbnz    x5, 2b

    PR      "pointer_after_last_pass", x3
    PR      "next_pass_pointer", x20
    mov     x0, #0
    LI      x1, 0x9e3779b97f4a7c15
    mov     x2, x19
    mov     x3, #0
4:  ldgm    x4, [x2]
    eor     x0, x0, x4
    madd    x0, x0, x1, x3
    add     x2, x2, #256
    add     x3, x3, #1
    cmp     x3, #(SBUF_SIZE / 256)
    b.lo    4b
    PR      "tag_digest", x0
    mov     x1, #SBUF_SIZE
    CKSUM   x0, x28, x1
    PR      "buffer_checksum", x0
    mov     x0, x19
    ldg     x0, [x0]
    PR      "ldg_first", x0
    mov     x2, #0x3ff0
    add     x0, x19, x2
    ldg     x0, [x0]
    PR      "ldg_last", x0
    ldgm    x0, [x19]
    PR      "ldgm_first_block", x0
    RET_SMC

    .bss
    .balign 4096
pool:
    .skip   POOL_SIZE
    .balign 4096
sbuf:
    .skip   SBUF_SIZE
