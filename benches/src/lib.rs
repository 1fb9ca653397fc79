//! Workloads shared by the criterion benchmarks: instruction words to decode and images to
//! interpret, taken from the committed test programs so that the mix is real code.

use a64sim_machine::{load_image, Console, Machine, MachineConfig};
use std::path::{Path, PathBuf};

/// `tests/images/NAME.elf`.
pub fn image(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/images")
        .join(format!("{name}.elf"))
}

/// The instruction words of every committed test image's text (a realistic decode mix).
pub fn code_words() -> Vec<u32> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/images");
    let mut words = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/images").flatten() {
        let p = entry.path();
        if p.extension().and_then(|e| e.to_str()) != Some("elf") {
            continue;
        }
        let Ok(img) = load_image(&p, None) else {
            continue;
        };
        for seg in &img.segments {
            words.extend(
                seg.data
                    .chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
            );
        }
    }
    words
}

/// `n` pseudo-random words from a fixed seed (xorshift64).
pub fn random_words(n: usize) -> Vec<u32> {
    let mut s = 0x9e37_79b9_7f4a_7c15u64;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 16) as u32
        })
        .collect()
}

/// A machine with `name` loaded, console output discarded into a buffer.
pub fn machine_with(name: &str) -> Machine {
    let img = load_image(&image(name), None).expect("bench image");
    let (console, _buf) = Console::capture();
    let mut m = Machine::new(&MachineConfig::default(), console);
    m.load(&img).expect("load");
    m
}
