//! The cycle model and trap-path accounting.
//!
//! This crate will hold named core presets (functional, an in-order A55-like core, an
//! out-of-order N1-like core), per-class latencies with a register scoreboard, branch
//! prediction, cache and TLB models, exception entry/return costs, and the per-exception
//! records behind `a64sim run --trap-report`. The timing issue fills it; until then a64sim
//! counts one cycle per instruction.
