// a64sim-requires: mte
// mte_tco.S - PSTATE.TCO through MSR (immediate) and MRS/MSR TCO (FEAT_MTE2).
// Split from system.S: a64sim advertises MTE only once the MTE issue implements it.

    .include "semihost.inc"

    .text
    .global _start
_start:
    SETUP
    PUTS    "== tco ==\n"
    msr     tco, #1
    mrs     x0, tco
    PR      "tco1", x0
    msr     tco, #0
    mrs     x0, tco
    PR      "tco0", x0
    mov     x1, #-1
    msr     tco, x1                          // bits other than 25 are RES0
    mrs     x0, tco
    PR      "tco_ones", x0
    msr     tco, xzr
    mrs     x0, tco
    PR      "tco_zero", x0
    PUTS    "done\n"
    EXIT    0
