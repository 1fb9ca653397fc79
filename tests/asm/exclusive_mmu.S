// a64sim-requires: mmu
//
// exclusive_mmu.S - the Normal-memory variant of exclusive.S: the same test
// body with MMU_ON (include/mmu.inc: identity map, RAM Normal Write-Back,
// caches on) after SETUP, so that the exclusives run on Normal memory, where
// they are architecturally defined.
// The code, shared with exclusive.S, is include/exclusive_body.inc.

    .equ    WITH_MMU, 1
    .include "exclusive_body.inc"
