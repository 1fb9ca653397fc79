// a64sim-requires: mte
//
// bench_mte_checked_load.S - benchmark: tag-checked loads at EL1. MMU on,
// a 16 KiB Allocation Tagged buffer of 16 "allocations" of 1 KiB tagged
// 1, 2, ..., 15, 0 (set with STG), SCTLR_EL1.TCF = 0b01 (synchronous
// checking), PSTATE.TCO = 0: a loop of LDR/LDR/LDRH/LDRB through correctly
// tagged pointers, 81.9 million checked loads (20,000 passes x 1024
// granules x 4), 226.6 million instructions.
// Prints the load sums, a tag digest and a buffer checksum, then shows
// that a wrongly tagged load faults (ESR 0x96000011).
// bench_mte_unchecked_load.S runs the identical loop with TCF = 0b00.
// The code is include/mte_a_bench_load_body.inc.

    .equ CHECKED, 1
    .include "mte_a_bench_load_body.inc"
