//! Arbitrary PE state and code against a stub platform (see a64sim_fuzz_targets::step).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| a64sim_fuzz_targets::step(data));
