// atomics.S - FEAT_LSE atomics (LD<op>/SWP in every ordering and size, ST<op>,
// CAS*, CASP*).
//
// It runs with the MMU off (every data access Device-nGnRnE, all of them
// naturally aligned) because QEMU 10, and a64sim, perform LSE atomics on
// Device memory without faulting, deterministically, so this test does not
// wait for a64sim's MMU. atomics_mmu.S is the Normal-memory variant (MMU_ON
// first), where atomics are architecturally defined.
// The code, shared by both, is include/atomics_body.inc.

    .include "atomics_body.inc"
