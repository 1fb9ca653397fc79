//! Stage 1 and stage 2 address translation (Arm ARM D8, "The AArch64 Virtual Memory System
//! Architecture").
//!
//! This crate will hold the translation regimes (EL1&0, EL2, EL2&0, EL3), table walks for the
//! 4 KB, 16 KB and 64 KB granules generic over a descriptor-reading trait, descriptor and
//! attribute decoding, the stage-1/stage-2 attribute combination, `Fault` values with level
//! and type, and the TLB model tagged by regime, ASID and VMID. The two-stage MMU issue fills
//! it; until then a64sim runs with the MMU off and nothing here is used.
