//! Differential testing of a64sim.
//!
//! - [`decode_sweep`]: the decoder and disassembler checked against capstone on random,
//!   sequential or golden instruction words, with the named exceptions of
//!   `capstone-allowlist.toml`; [`normalize`] removes the differences of syntax alone.

pub mod decode_sweep;
pub mod normalize;
pub mod random;
