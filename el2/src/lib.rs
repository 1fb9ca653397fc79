//! Exception-level policy as pure functions of register values.
//!
//! * [`ctx`]: [`TrapCtx`], a snapshot of the controls that decide routing and traps, with
//!   the Arm pseudocode's predicates (`EL2Enabled`, `IsInHost`, ...) written once.
//! * [`rules`]: THE table of trap rules. The CPU's system-register table, its system
//!   instructions and the trappable instructions (WFI/WFE, FP/SIMD) refer to its rows; one
//!   evaluator applies them in the architecture's order (EL1 controls, then EL2, then EL3).
//! * [`route`]: where synchronous exceptions and interrupts are taken, and interrupt masking.
//! * [`bits`]: named bits of SCR_EL3, HCR_EL2, SCTLR_ELx, CPACR_EL1, CPTR_ELx and MDCR_ELx.
//!
//! Nothing here holds state: the CPU builds a `TrapCtx` from its registers and asks.

pub mod bits;
pub mod ctx;
pub mod route;
pub mod rules;

pub use ctx::TrapCtx;
pub use rules::{check, Dir, Outcome, RuleId, TrapRule, RULES};
