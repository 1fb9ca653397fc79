// a64sim-requires: pmu
//
// timing_latency.S - latency microbenchmarks of the cycle model, timed from
// the guest with PMCCNTR_EL0 (tests/tests/timing_latency.rs runs it under
// every preset and compares with the preset table). EL3, MMU off.
//
// Each chain row times a chain of K dependent instructions and one of 2K:
// the difference over K is the latency of one link, free of the fixed cost
// of the measurement. Each timed block runs as a subroutine called twice, a
// warm-up (instruction cache, branch predictor, the L1-hit ring) and the
// measured call, and is bracketed by
//     isb ; mrs PMEVCNTR0..2 ; isb ; mrs PMCCNTR     <block>
//     isb ; mrs PMCCNTR ; mrs PMEVCNTR0..2
// (the ISBs keep earlier instructions out of the readings). Event counters,
// counting at EL3 (MDCR_EL3.SPME = 1, PMEVTYPER filters 0):
//     0: BR_MIS_PRED (0x10)   1: L1D_CACHE_REFILL (0x03)   2: INST_RETIRED (0x08)
//
// Rows (latency_results order; K = 128):
//   add_x          add x0, x0, #1
//   mul_x          mul x0, x0, x1                  (x1 odd: x0 never becomes 0)
//   sdiv_x         sdiv x0, x0, x1                 (x1 = -1: x0 = +-0x0123456789abcdef)
//   udiv_w         udiv w0, w0, w1                 (w1 = 1)
//   load_l1_hit    ldr x0, [x0]: pointer chasing around a ring of 8 nodes, one
//                  per 64-byte line (512 bytes), always in the L1D
//   load_mem_miss  ldr x0, [x0]: pointer chasing around a ring of MISS_NODES =
//                  20480 nodes MISS_STRIDE = 4 KiB + 64 apart at MISS_BASE
//                  (0x4400_0000, 81.25 MiB, filled in ring order before). The
//                  stride moves 65 lines a node, which is odd, so consecutive
//                  nodes walk through every set of any power-of-two-set cache
//                  and a set receives a node every `sets` nodes. The chase
//                  starts at node 0 and visits 6K = 768 nodes in all (the
//                  warm-up and the measured calls of both chains continue
//                  around the ring); node p < 768 had at least
//                  floor((20479 - 768) / sets) newer nodes of its set written
//                  after it by the fill: 9 for 2048 sets (1 MiB 8-way 64-byte
//                  L2, the largest preset cache), more for smaller caches, so
//                  every LRU cache of up to 9 ways x 2048 sets has evicted it:
//                  every load misses every level
//   branch         not a chain: a block of BR_COPIES = 128 copies of
//                      and x5, x2, #1 ; neg x5, x5 ; and x5, x5, x6
//                      eor x2, x5, x2, lsr #1      // Galois LFSR step, taps x6
//                      tbz x2, #0, 1f ; add x7, x7, #1 ; 1:
//                  run with x2 = x6 = 0 (the branch is always taken; calls:
//                  two warm-ups, then measured a: the first warm-up starts
//                  with whatever global branch history the code before left,
//                  the second and the measured call both with all-taken
//                  history, so a gshare predictor has seen every index the
//                  measured call uses) and then with x2 = LFSR_SEED, x6 =
//                  LFSR_TAPS (its direction follows the LFSR bit: measured
//                  b). The instructions and their dependences are the same;
//                  only the data differ (x7 counts the not-taken branches)
//
// RESULTS are not printed (QEMU's counters follow host time); the host reads
// them from the global symbol latency_results (16-byte aligned, .data),
// little-endian:
//   +0    u64  magic 0x4843_4e45_4254_414c (the bytes "LATBENCH"), stored
//              last, just before "done": 0 means the run did not finish
//   +8    u64  number of rows (LR_ROWS = 7)
//   +16   LR_ROWS entries of LR_ENTRY = 96 bytes, in the order above:
//         +0   16 bytes  name, ASCII, NUL-padded
//         +16  u64       K: links of the short chain (the long one has 2K);
//                        branch: copies in the block (both runs)
//         +24  u32       load rows: ring stride in bytes (0 otherwise)
//         +28  u32       load rows: ring nodes (0 otherwise)
//         +32  u64       a: PMCCNTR_EL0 cycles of the K chain (branch: always taken)
//         +40  u64       a: BR_MIS_PRED events (counter 0)
//         +48  u64       a: L1D_CACHE_REFILL events (counter 1)
//         +56  u64       a: INST_RETIRED events (counter 2)
//         +64  u64       b: cycles of the 2K chain (branch: random)
//         +72  u64       b: BR_MIS_PRED
//         +80  u64       b: L1D_CACHE_REFILL
//         +88  u64       b: INST_RETIRED
// Every field of a and b is a difference between the readings after and
// before the block (event counters are read as 32 bits and never wrap here).
//
// PRINTED: PMEVTYPER0-2 read back; per row, the value its chain leaves in
// x0 (for the miss ring also the next node's offset; for the branch row x2
// and x7 after each run), which depend only on the arithmetic; then "done".

    .include "semihost.inc"
    .include "hyp.inc"
    .include "pmu.inc"

    .equ K, 128                             // links of the short chains
    .equ BR_COPIES, 128                     // copies in the branch block
    .equ LR_ROWS, 7
    .equ LR_HDR, 16
    .equ LR_ENTRY, 96
    .equ LR_A, 32                           // then LR_B
    .equ LR_B, 64
    .equ LR_MAGIC, 0x48434e454254414c       // "LATBENCH"

    .equ HIT_NODES, 8
    .equ HIT_STRIDE, 64
    .equ MISS_BASE, 0x44000000              // 64 MiB into RAM, far above the image
    .equ MISS_NODES, 20480
    .equ MISS_STRIDE, 4096 + 64

    .equ LFSR_SEED, 0x2545f4914f6cdd1d
    .equ LFSR_TAPS, 0xd800000000000000      // x^64 + x^63 + x^61 + x^60 + 1

    .equ MDCR_EL3_SPME, (1 << 17)
    .equ EV_BR_MIS_PRED, 0x10
    .equ EV_L1D_CACHE_REFILL, 0x03
    .equ EV_INST_RETIRED, 0x08

// MEASURED label, n, insn: subroutine `label` runs n copies of insn between
// the PMU readings; returns x20 = cycles, x21 = BR_MIS_PRED, x22 =
// L1D_CACHE_REFILL, x23 = INST_RETIRED (clobbers x24-x27).
.macro MEASURED label, n, insn
    .balign 64
\label:
    isb
    mrs     x24, pmevcntr0_el0
    mrs     x25, pmevcntr1_el0
    mrs     x26, pmevcntr2_el0
    PMU_CYCLES x27
    .rept   \n
    \insn
    .endr
    PMU_CYCLES x20
    mrs     x21, pmevcntr0_el0
    mrs     x22, pmevcntr1_el0
    mrs     x23, pmevcntr2_el0
    sub     x20, x20, x27
    sub     x21, x21, x24
    sub     x22, x22, x25
    sub     x23, x23, x26
    ret
.endm

// STORE_AB idx, off: store x20-x23 at entry idx, offset off (LR_A or LR_B).
.macro STORE_AB idx, off
    LA      x9, (latency_results + LR_HDR + (\idx) * LR_ENTRY + \off)
    stp     x20, x21, [x9]
    stp     x22, x23, [x9, #16]
.endm

// ROW idx, short, long: warm-up and measured call of each chain; store.
.macro ROW idx, short, long
    bl      \short
    bl      \short
    STORE_AB \idx, LR_A
    bl      \long
    bl      \long
    STORE_AB \idx, LR_B
.endm

// One copy of the branch block's body (see the header).
.macro BR_STEP
    and     x5, x2, #1
    neg     x5, x5
    and     x5, x5, x6
    eor     x2, x5, x2, lsr #1
    tbz     x2, #0, 1f
    add     x7, x7, #1
1:
.endm

    .text
    .global _start
_start:
    SETUP
    PMU_EL3_INIT
    // Event counters 0-2 count at EL3 too (Secure EL3 is prohibited
    // without SPME); filters 0 count at every EL.
    mov     x0, #MDCR_EL3_SPME
    msr     mdcr_el3, x0
    mov     x0, #EV_BR_MIS_PRED
    msr     pmevtyper0_el0, x0
    mov     x0, #EV_L1D_CACHE_REFILL
    msr     pmevtyper1_el0, x0
    mov     x0, #EV_INST_RETIRED
    msr     pmevtyper2_el0, x0
    mov     w0, #(PMU_CYCLE_COUNTER | 7)
    msr     pmcntenset_el0, x0
    mov     x0, #(PMCR_E | PMCR_P | PMCR_C | PMCR_LC)
    msr     pmcr_el0, x0
    isb
    PUTS    "== timing_latency: latency chains, cycles in latency_results ==\n"
    mrs     x0, pmevtyper0_el0
    PR      "pmevtyper0", x0
    mrs     x0, pmevtyper1_el0
    PR      "pmevtyper1", x0
    mrs     x0, pmevtyper2_el0
    PR      "pmevtyper2", x0

    // The L1-hit ring: node i holds the address of node (i + 1) % 8.
    LA      x0, hit_ring
    mov     x1, #HIT_NODES
    mov     x2, x0
1:  add     x3, x2, #HIT_STRIDE
    sub     x1, x1, #1
    cbz     x1, 2f
    str     x3, [x2]
    mov     x2, x3
    b       1b
2:  str     x0, [x2]

    // The miss ring, filled in ring order.
    LI      x0, MISS_BASE
    mov     x1, #MISS_NODES
    mov     x4, #MISS_STRIDE
    mov     x2, x0
1:  add     x3, x2, x4
    sub     x1, x1, #1
    cbz     x1, 2f
    str     x3, [x2]
    mov     x2, x3
    b       1b
2:  str     x0, [x2]

    PUTS    "== add_x ==\n"
    mov     x0, #0
    ROW     0, add_k, add_2k
    PR      "x0", x0

    PUTS    "== mul_x ==\n"
    mov     x0, #3
    LI      x1, 0x9e3779b97f4a7c15
    ROW     1, mul_k, mul_2k
    PR      "x0", x0

    PUTS    "== sdiv_x ==\n"
    LI      x0, 0x0123456789abcdef
    mov     x1, #-1
    ROW     2, sdiv_k, sdiv_2k
    PR      "x0", x0

    PUTS    "== udiv_w ==\n"
    LI      x0, 0xfedcba9889abcdef
    mov     x1, #1
    ROW     3, udiv_k, udiv_2k
    PR      "x0", x0

    PUTS    "== load_l1_hit ==\n"
    LA      x0, hit_ring
    ROW     4, ldr_k, ldr_2k
    LA      x1, hit_ring
    sub     x0, x0, x1
    PR      "x0-ring", x0

    PUTS    "== load_mem_miss ==\n"
    LI      x0, MISS_BASE
    ROW     5, ldr_k, ldr_2k
    LI      x1, MISS_BASE
    sub     x0, x0, x1
    PR      "x0-ring", x0
    ldr     x0, [x0, x1]                    // the node after: its address
    sub     x0, x0, x1
    PR      "next-ring", x0

    PUTS    "== branch ==\n"
    mov     x2, #0
    mov     x6, #0
    mov     x7, #0
    bl      br_block                        // two warm-ups: the second sees the
    bl      br_block                        // global history the measured call sees
    bl      br_block
    STORE_AB 6, LR_A
    PR      "always_x2", x2
    PR      "always_not_taken", x7
    LI      x2, LFSR_SEED
    LI      x6, LFSR_TAPS
    mov     x7, #0
    bl      br_block
    STORE_AB 6, LR_B
    PR      "random_x2", x2
    PR      "random_not_taken", x7

    LA      x0, latency_results
    LI      x1, LR_MAGIC
    str     x1, [x0]
    PUTS    "done\n"
    EXIT    0

// ------------------------------------------------------------ timed blocks
    MEASURED add_k, K, "add x0, x0, #1"
    MEASURED add_2k, 2 * K, "add x0, x0, #1"
    MEASURED mul_k, K, "mul x0, x0, x1"
    MEASURED mul_2k, 2 * K, "mul x0, x0, x1"
    MEASURED sdiv_k, K, "sdiv x0, x0, x1"
    MEASURED sdiv_2k, 2 * K, "sdiv x0, x0, x1"
    MEASURED udiv_k, K, "udiv w0, w0, w1"
    MEASURED udiv_2k, 2 * K, "udiv w0, w0, w1"
    MEASURED ldr_k, K, "ldr x0, [x0]"
    MEASURED ldr_2k, 2 * K, "ldr x0, [x0]"
    MEASURED br_block, BR_COPIES, BR_STEP

// ------------------------------------------------------------ results
.macro LR_ENTRY_DATA name, k, stride, nodes
.Llr_name\@:
    .ascii  "\name"
    .fill   16 - (. - .Llr_name\@), 1, 0
    .quad   \k
    .word   \stride, \nodes
    .quad   0, 0, 0, 0, 0, 0, 0, 0
.endm

    .data
    .balign 16
    .global latency_results
    .type   latency_results, %object
latency_results:
    .quad   0                               // LR_MAGIC once finished
    .quad   LR_ROWS
    LR_ENTRY_DATA add_x, K, 0, 0
    LR_ENTRY_DATA mul_x, K, 0, 0
    LR_ENTRY_DATA sdiv_x, K, 0, 0
    LR_ENTRY_DATA udiv_w, K, 0, 0
    LR_ENTRY_DATA load_l1_hit, K, HIT_STRIDE, HIT_NODES
    LR_ENTRY_DATA load_mem_miss, K, MISS_STRIDE, MISS_NODES
    LR_ENTRY_DATA branch, BR_COPIES, 0, 0
    .size   latency_results, . - latency_results

    .bss
    .balign 64
hit_ring:
    .skip   HIT_NODES * HIT_STRIDE
