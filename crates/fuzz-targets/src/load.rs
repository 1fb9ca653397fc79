//! The `load_image` target: any file through the image loader
//! ([`a64sim_machine::loader::parse_image`] and [`Image::copy_into`]).
//!
//! Properties:
//! * nothing panics and nothing allocates without bound;
//! * a parsed ELF has at least one segment, none with more file bytes than memory bytes;
//! * copying it into RAM either succeeds, leaving each segment's bytes (and zero fill) in
//!   RAM and the entry point in RAM, or fails with a typed "outside RAM" error;
//! * every error is one line that names the file;
//! * the same bytes as a raw image at the start of RAM always load.

use a64sim_cpu::PhysMem;
use a64sim_machine::loader::{parse_image, Image, ImageFormat, LoadError};
use std::path::Path;

/// Where RAM starts (QEMU `virt`).
pub const RAM_BASE: u64 = 0x4000_0000;
/// RAM for the copy (the test images need well under this).
pub const RAM_SIZE: usize = 4 << 20;
/// The file name errors must mention.
pub const FILE_NAME: &str = "fuzz-input.elf";

/// Parses `data` as an ELF image and as a raw image, and copies what parses into RAM.
pub fn load_image(data: &[u8]) {
    let path = Path::new(FILE_NAME);
    match parse_image(path, data, None) {
        Ok(img) => check_elf(&img, data),
        Err(e) => check_error(&e),
    }
    match parse_image(path, data, Some(RAM_BASE)) {
        Ok(img) => {
            assert_eq!(img.format, ImageFormat::Raw);
            assert_eq!(img.entry, RAM_BASE);
            let mut mem = PhysMem::new(RAM_BASE, RAM_SIZE);
            match img.copy_into(&mut mem) {
                Ok(()) => assert!(data.len() <= RAM_SIZE),
                Err(e) => {
                    assert!(
                        data.len() > RAM_SIZE,
                        "raw image of {} bytes: {e}",
                        data.len()
                    );
                    check_error(&e);
                }
            }
        }
        Err(e) => {
            assert!(data.is_empty(), "raw image: {e}");
            check_error(&e);
        }
    }
}

fn check_elf(img: &Image, file: &[u8]) {
    assert_eq!(img.format, ImageFormat::Elf);
    assert!(!img.segments.is_empty());
    for s in &img.segments {
        assert!(s.data.len() as u64 <= s.mem_size);
        assert!(s.data.len() <= file.len());
    }
    let mut mem = PhysMem::new(RAM_BASE, RAM_SIZE);
    match img.copy_into(&mut mem) {
        Ok(()) => {
            let ram = RAM_BASE..RAM_BASE + RAM_SIZE as u64;
            assert!(
                ram.contains(&img.entry),
                "entry {:#x} outside RAM",
                img.entry
            );
            for (i, s) in img.segments.iter().enumerate() {
                // A later segment may overwrite this one.
                let end = s.addr + s.mem_size;
                let overlapped = img.segments[i + 1..]
                    .iter()
                    .any(|o| o.addr < end && s.addr < o.addr + o.mem_size);
                if overlapped || s.mem_size > 1 << 16 {
                    continue;
                }
                let mut back = vec![0u8; s.mem_size as usize];
                assert!(mem.read_bytes(s.addr, &mut back));
                let (loaded, fill) = back.split_at(s.data.len());
                assert_eq!(loaded, &s.data[..], "segment at {:#x}", s.addr);
                assert!(fill.iter().all(|&b| b == 0), "segment at {:#x}", s.addr);
            }
        }
        Err(e) => {
            assert!(
                matches!(
                    e,
                    LoadError::OutsideRam { .. } | LoadError::EntryOutsideRam { .. }
                ),
                "copy_into: {e}"
            );
            check_error(&e);
        }
    }
}

fn check_error(e: &LoadError) {
    let msg = e.to_string();
    assert!(
        msg.starts_with(&format!("{FILE_NAME}: ")),
        "error does not name the file: {msg:?}"
    );
    assert!(!msg.contains('\n'), "error is not one line: {msg:?}");
}
