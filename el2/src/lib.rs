//! Exception-level policy as pure functions of register values.
//!
//! This crate will hold exception routing (SCR_EL3, HCR_EL2.TGE/E2H/IMO/FMO/AMO), the one
//! table of trap rules for system registers and instructions that the CPU's system-register
//! table refers to (the KVM `emulate-nested.c` shape: single control bits, combinations,
//! callbacks), EL3 rules and typed ESR syndromes. The exception-level issue fills it.
