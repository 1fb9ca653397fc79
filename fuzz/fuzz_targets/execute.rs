//! Raw code on the virt machine (see a64sim_fuzz_targets::execute).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| a64sim_fuzz_targets::execute(data));
