// exclusive.S - load/store exclusive (LDXR/STXR, LDAXR/STLXR, LDXP/STXP,
// LDAXP/STLXP in B/H/W/X sizes, CLREX, failing store-exclusives).
//
// It runs with the MMU off (every data access Device-nGnRnE, all of them
// naturally aligned) because QEMU 10, and a64sim, perform exclusives on Device
// memory without faulting, deterministically, so this test does not wait for
// a64sim's MMU. exclusive_mmu.S is the Normal-memory variant (MMU_ON first),
// where exclusives are architecturally defined.
// The code, shared by both, is include/exclusive_body.inc.

    .include "exclusive_body.inc"
