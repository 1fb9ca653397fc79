//! The cycle model and trap-path accounting.
//!
//! * [`model`]: the [`CycleModel`] trait the CPU calls (retired instructions, exception
//!   entry, ERET); the model keeps its own cycle count and counts PMU events.
//! * [`op`]: what the CPU tells the model about each instruction ([`Op`], [`Retired`])
//!   and the PMU events it counts ([`EventTotals`]).
//! * [`preset`]: the named core presets ([`PRESETS`]: `functional`, `a55`, `n1`), one
//!   table row each, with the published source of every number.
//! * [`config`]: [`TimingConfig`], a preset plus `key=value` overrides.
//! * [`core`]: [`CoreModel`] (alias [`PresetModel`]), the model that runs a preset with
//!   the functional, in-order (`inorder.rs`) or out-of-order (`ooo.rs`) engine.
//! * [`cache`], [`tlb`], [`predictor`]: the set-associative LRU caches and TLBs (with the
//!   page-walk cost) and the branch predictor the timed engines share.
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

pub mod cache;
pub mod config;
pub mod core;
pub mod detail;
mod inorder;
pub mod model;
#[cfg(test)]
mod model_tests;
mod ooo;
pub mod op;
pub mod predictor;
pub mod preset;
pub mod recorder;
pub mod report;
pub mod tlb;

pub use crate::core::{CoreModel, PresetModel};
pub use config::{ConfigError, TimingConfig};
pub use detail::{ec_name, FaultClass, SysRegName, TrapDetail, TrapKey, Vector};
pub use model::CycleModel;
pub use op::{reg, Event, EventTotals, MemAccess, Op, OpClass, Retired, RetiredRun};
pub use preset::{CoreKind, Preset, PRESETS};
pub use recorder::{percentile, TrapEntry, TrapRecorder, TrapReport, TrapReturn, TrapStats};
