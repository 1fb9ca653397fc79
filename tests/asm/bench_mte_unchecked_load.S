// a64sim-requires: mte
//
// bench_mte_unchecked_load.S - benchmark: the loop of
// bench_mte_checked_load.S (same code, same tagged buffer and pointers) with
// SCTLR_EL1.TCF = 0b00, so no load is tag-checked (PSTATE.TCO stays 0; tag
// access itself is enabled). 81.9 million loads, 226.6 million
// instructions. Prints what bench_mte_checked_load prints, except that the
// final wrongly tagged load does not fault.
// The code is include/mte_a_bench_load_body.inc.

    .include "mte_a_bench_load_body.inc"
