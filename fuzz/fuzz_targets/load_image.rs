//! Any file through the image loader (see a64sim_fuzz_targets::load).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| a64sim_fuzz_targets::load_image(data));
