// a64sim-requires: mmu
//
// bench_branchy_mmu.S - the Normal-memory variant of bench_branchy.S: the same
// benchmark loop with MMU_ON (include/mmu.inc: identity map, RAM Normal Write-
// Back, caches on) after SETUP.
// The code, shared with bench_branchy.S, is include/bench_branchy_body.inc.

    .equ    WITH_MMU, 1
    .include "bench_branchy_body.inc"
