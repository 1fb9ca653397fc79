// bench_ldst_loop.S - benchmark: loads and stores over a 64 KiB buffer, about
// 1.0e9 instructions; prints a checksum of the buffer and of the loaded
// values.
//
// It runs with the MMU off (every data access Device-nGnRnE, all of them
// naturally aligned) so that a64sim can run it before it has an MMU; the loop
// and its instruction count are the same as in bench_ldst_loop_mmu.S, the
// Normal-memory variant (MMU_ON first, RAM Normal Write-Back).
// The code, shared by both, is include/bench_ldst_loop_body.inc.

    .include "bench_ldst_loop_body.inc"
