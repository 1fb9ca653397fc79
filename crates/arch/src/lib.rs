//! Shared AArch64 vocabulary used by every a64sim crate: exception levels, PSTATE and its
//! SPSR encoding, exception classes and syndromes.
//!
//! This crate is a leaf: it knows the architecture's data layouts, not any behaviour.

pub mod esr;
pub mod pstate;

pub use esr::{DataAbortIss, Esr, ExceptionClass, SysRegIss, WfxIss};
pub use pstate::{El, Pstate};
