//! Compiled against interpreted runs of raw code (see a64sim_fuzz_targets::jit).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| a64sim_fuzz_targets::jit(data));
