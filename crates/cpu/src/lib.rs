//! The a64sim processing element (PE).
//!
//! * [`state`]: architectural registers (X0–X30, banked SPs, PC, PSTATE).
//! * [`sysreg`]: THE system-register table (encoding, reset, RES0/RES1, minimum EL, storage).
//! * [`exec`]: execution, a [`Visitor`](a64sim_isa::Visitor) over decoded instructions, one
//!   file per section of the encoding index.
//! * [`memory`]: physical memory, the load/store path and the [`Platform`] (MMIO,
//!   semihosting) the PE is generic over, so the hot path inlines.
//! * [`block`]: the decoded-block cache keyed by physical address, with a jump cache keyed
//!   by virtual PC and invalidation when a code page is written.
//! * [`exception`]: exception entry and return.
//! * [`run`]: the run loop with an instruction budget and a zero-cost tracing hook;
//!   [`trace`] writes the default text trace, [`trace_state`] records the state before each
//!   instruction as QEMU's `-d cpu` log shows it; [`trap_report`] records every trap
//!   under an `a64sim-timing` cycle model through the loop's exception hooks.
//! * [`timing_op`]: what the cycle model is told about each decoded instruction (its
//!   timing class, the registers it reads and writes, the bytes it moves).

pub mod block;
pub mod error;
pub mod exception;
pub mod exec;
pub mod jit;
pub mod memory;
pub mod monitor;
pub mod mte;
pub mod pmu;
pub mod run;
pub mod state;
pub mod sysreg;
#[cfg(test)]
pub(crate) mod testutil;
pub mod timing_op;
pub mod tlb;
pub mod trace;
pub mod trace_state;
pub mod translation;
pub mod trap;
pub mod trap_report;

pub use error::CpuError;
pub use memory::{PhysMem, Platform, SemihostingCall};
pub use run::{Cpu, NoTrace, RunOutcome, RunSpan, StopReason, Tracer};
pub use state::CpuState;
pub use trace::TextTracer;
pub use trace_state::{QemuLogWriter, StateRecord, StateTracer};
pub use trap_report::TrapTracer;
