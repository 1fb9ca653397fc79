// a64sim-requires: mmu
//
// bench_ldst_loop_mmu.S - the Normal-memory variant of bench_ldst_loop.S: the
// same benchmark loop with MMU_ON (include/mmu.inc: identity map, RAM Normal
// Write-Back, caches on) after SETUP.
// The code, shared with bench_ldst_loop.S, is
// include/bench_ldst_loop_body.inc.

    .equ    WITH_MMU, 1
    .include "bench_ldst_loop_body.inc"
