// selfmod.S - self-modifying code patched and re-run after DC CVAU; DSB ISH;
// IC IVAU; DSB ISH; ISB.
//
// This is the MMU-off half; selfmod_mmu.S is the MMU-on half (MMU and caches
// on, RAM Normal Write-Back).
// The code, shared by both, is include/selfmod_body.inc.

    .include "selfmod_body.inc"
