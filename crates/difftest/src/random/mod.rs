//! Random differential testing against QEMU: blocks generated from the encoding table run
//! inside a template image (`tests/asm/difftest_case.S`) under a64sim and under QEMU; the
//! final states are compared, a diverging case is shrunk and written as a regression case.

pub mod campaign;
pub mod case;
pub mod command;
pub mod generator;
pub mod known;
pub mod runner;
pub mod shrink;

pub use campaign::{Campaign, Report};
pub use case::{Case, CaseShape};
pub use generator::{block, instruction, Class, Rng};
pub use runner::{run_a64sim, Outcome, Qemu};
