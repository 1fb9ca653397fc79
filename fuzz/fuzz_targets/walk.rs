//! Arbitrary translation registers and descriptors (see a64sim_fuzz_targets::walk).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| a64sim_fuzz_targets::walk(data));
