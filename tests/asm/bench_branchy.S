// bench_branchy.S - benchmark: data-dependent branches, about 1.0e9
// instructions; prints the counters and a checksum.
//
// It runs with the MMU off (every data access Device-nGnRnE, all of them
// naturally aligned) so that a64sim can run it before it has an MMU; the loop
// and its instruction count are the same as in bench_branchy_mmu.S, the
// Normal-memory variant (MMU_ON first, RAM Normal Write-Back).
// The code, shared by both, is include/bench_branchy_body.inc.

    .include "bench_branchy_body.inc"
