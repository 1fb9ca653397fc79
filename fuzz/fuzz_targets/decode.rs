//! Decoding and disassembling any word never panics, and implemented words encode back.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: [u8; 4]| {
    let w = u32::from_le_bytes(data);
    let insn = a64sim_isa::decode(w);
    if let Some(back) = insn.encode() {
        assert_eq!(back, w);
    }
    let _ = a64sim_isa::disassemble(w, 0x4000_0000);
});
