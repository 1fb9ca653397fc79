// a64sim-requires: mmu
//
// atomics_mmu.S - the Normal-memory variant of atomics.S: the same test body
// with MMU_ON (include/mmu.inc: identity map, RAM Normal Write-Back, caches
// on) after SETUP, so that the LSE atomics run on Normal memory, where they
// are architecturally defined.
// The code, shared with atomics.S, is include/atomics_body.inc.

    .equ    WITH_MMU, 1
    .include "atomics_body.inc"
