//! Any byte string is either a loadable image or a clean error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(img) = a64sim_machine::loader::parse_image(std::path::Path::new("fuzz"), data, None) {
        let mut mem = a64sim_cpu::PhysMem::new(0x4000_0000, 1 << 20);
        let _ = img.copy_into(&mut mem);
    }
});
