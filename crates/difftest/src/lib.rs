//! Differential testing of a64sim.
//!
//! - [`decode_sweep`]: the decoder and disassembler checked against capstone on random,
//!   sequential or golden instruction words, with the named exceptions of
//!   `capstone-allowlist.toml`; [`normalize`] removes the differences of syntax alone.
//! - [`lockstep`]: an image run under a64sim and under QEMU with per-instruction state
//!   logging, compared record by record up to the first divergence; [`qemu_log`] parses
//!   QEMU's log as a stream.
//! - [`random`]: random blocks from the encoding table run in a template image under both
//!   emulators, shrunk and explained or kept as regression cases.

pub mod decode_sweep;
pub mod lockstep;
pub mod normalize;
pub mod qemu_log;
pub mod random;
