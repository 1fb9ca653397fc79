//! The cycle model and trap-path accounting.
//!
//! * [`model`]: the [`CycleModel`] trait the CPU calls (retired instructions, exception
//!   entry, ERET; each returns cycles) and the table of named core [`Preset`]s. Only
//!   `functional` (one cycle per instruction) exists so far.
//! * [`detail`]: what a trap was ([`TrapKey`]): the exception class, refined by the system
//!   register for EC 0x18 and by the fault class and level for aborts, with the from and
//!   to Exception levels.
//! * [`recorder`]: [`TrapRecorder`] pairs each exception with the ERET that ends its
//!   handler (a stack for nesting) and summarises cycles and instructions per key.
//! * [`report`]: the summary as a text table and as JSON (`a64sim run --trap-report`).
//!
//! This crate does not know the CPU (`a64sim-cpu` depends on it, not the other way round):
//! the CPU translates its events into these plain values. Nothing here runs unless a timing
//! consumer is compiled into the run loop, so a plain `a64sim run` pays nothing for it.

pub mod detail;
pub mod model;
pub mod op;
pub mod recorder;
pub mod report;

pub use detail::{ec_name, FaultClass, SysRegName, TrapDetail, TrapKey, Vector};
pub use model::{CycleModel, Preset, PresetModel, PRESETS};
pub use op::{reg, Event, EventTotals, MemAccess, Op, OpClass, Retired};
pub use recorder::{percentile, TrapEntry, TrapRecorder, TrapReport, TrapReturn, TrapStats};
