// a64sim-requires: mmu
//
// bench_int_loop_mmu.S - the Normal-memory variant of bench_int_loop.S: the
// same benchmark loop with MMU_ON (include/mmu.inc: identity map, RAM Normal
// Write-Back, caches on) after SETUP.
// The code, shared with bench_int_loop.S, is include/bench_int_loop_body.inc.

    .equ    WITH_MMU, 1
    .include "bench_int_loop_body.inc"
