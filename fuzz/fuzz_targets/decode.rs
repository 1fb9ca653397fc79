//! Decoding, encoding and disassembling words (see a64sim_fuzz_targets::decode).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| a64sim_fuzz_targets::decode(data));
