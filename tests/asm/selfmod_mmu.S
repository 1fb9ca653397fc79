// a64sim-requires: mmu
//
// selfmod_mmu.S - the MMU-on half of the self-modifying code test: MMU_ON
// (include/mmu.inc: identity map, RAM Normal Write-Back, caches on) after
// SETUP, then the same patch-and-rerun round as selfmod.S.
// The code, shared with selfmod.S, is include/selfmod_body.inc.

    .equ    WITH_MMU, 1
    .include "selfmod_body.inc"
