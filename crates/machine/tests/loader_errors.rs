//! Every way an image can be wrong gets one clear error naming the file, never a panic.

use a64sim_cpu::PhysMem;
use a64sim_machine::loader::{load_image, parse_image, LoadError};
use a64sim_machine::map::RAM_BASE;
use std::path::Path;

/// A minimal ELF64 little-endian AArch64 executable with one PT_LOAD segment of `code`
/// at `addr`, entry at `addr`. Laid out by hand from the ELF-64 specification.
fn elf(addr: u64, code: &[u8]) -> Vec<u8> {
    let mut b = vec![0u8; 64 + 56];
    b[..4].copy_from_slice(b"\x7fELF");
    b[4] = 2; // ELFCLASS64
    b[5] = 1; // ELFDATA2LSB
    b[6] = 1; // EV_CURRENT
    b[16..18].copy_from_slice(&2u16.to_le_bytes()); // ET_EXEC
    b[18..20].copy_from_slice(&183u16.to_le_bytes()); // EM_AARCH64
    b[20..24].copy_from_slice(&1u32.to_le_bytes());
    b[24..32].copy_from_slice(&addr.to_le_bytes()); // e_entry
    b[32..40].copy_from_slice(&64u64.to_le_bytes()); // e_phoff
    b[52..54].copy_from_slice(&64u16.to_le_bytes()); // e_ehsize
    b[54..56].copy_from_slice(&56u16.to_le_bytes()); // e_phentsize
    b[56..58].copy_from_slice(&1u16.to_le_bytes()); // e_phnum
    let ph = &mut b[64..];
    ph[..4].copy_from_slice(&1u32.to_le_bytes()); // PT_LOAD
    ph[4..8].copy_from_slice(&5u32.to_le_bytes()); // R+X
    ph[8..16].copy_from_slice(&120u64.to_le_bytes()); // p_offset
    ph[16..24].copy_from_slice(&addr.to_le_bytes()); // p_vaddr
    ph[24..32].copy_from_slice(&addr.to_le_bytes()); // p_paddr
    ph[32..40].copy_from_slice(&(code.len() as u64).to_le_bytes()); // p_filesz
    ph[40..48].copy_from_slice(&(code.len() as u64 + 16).to_le_bytes()); // p_memsz
    b.extend_from_slice(code);
    b
}

const CODE: [u8; 8] = [0x1f, 0x20, 0x03, 0xd5, 0x00, 0x00, 0x00, 0x14];

fn err(bytes: &[u8]) -> String {
    let e = parse_image(Path::new("img.elf"), bytes, None).unwrap_err();
    let s = e.to_string();
    assert!(s.starts_with("img.elf: "), "error must name the file: {s}");
    assert!(!s.contains('\n'), "one line: {s}");
    s
}

#[test]
fn a_good_elf_loads_at_its_address() {
    let img = parse_image(Path::new("ok.elf"), &elf(RAM_BASE + 0x1000, &CODE), None).unwrap();
    let mut mem = PhysMem::new(RAM_BASE, 1 << 20);
    img.copy_into(&mut mem).unwrap();
    assert_eq!(img.entry, RAM_BASE + 0x1000);
    let mut back = [0u8; 8];
    assert!(mem.read_bytes(RAM_BASE + 0x1000, &mut back));
    assert_eq!(back, CODE);
}

#[test]
fn missing_file() {
    let e = load_image(Path::new("/nonexistent/a64sim-test.elf"), None).unwrap_err();
    assert!(matches!(e, LoadError::Io { .. }));
    assert!(
        e.to_string()
            .starts_with("/nonexistent/a64sim-test.elf: cannot read"),
        "{e}"
    );
}

#[test]
fn empty_file() {
    assert!(err(&[]).contains("empty"));
}

#[test]
fn not_elf() {
    assert!(err(b"MZ\x90\x00 this is not an ELF").contains("not an ELF file"));
}

#[test]
fn truncated_identification() {
    assert!(err(b"\x7fELF\x02").contains("malformed"));
}

#[test]
fn truncated_segment() {
    let mut b = elf(RAM_BASE, &CODE);
    b.truncate(b.len() - 4);
    assert!(err(&b).contains("truncated"));
}

#[test]
fn truncated_header() {
    let b = elf(RAM_BASE, &CODE);
    assert!(err(&b[..40]).contains("malformed"));
}

#[test]
fn elf32() {
    let mut b = elf(RAM_BASE, &CODE);
    b[4] = 1;
    assert!(err(&b).contains("not 64-bit"));
}

#[test]
fn not_aarch64() {
    let mut b = elf(RAM_BASE, &CODE);
    b[18..20].copy_from_slice(&62u16.to_le_bytes()); // EM_X86_64
    let s = err(&b);
    assert!(s.contains("not AArch64") && s.contains("62"), "{s}");
}

#[test]
fn big_endian() {
    let mut b = elf(RAM_BASE, &CODE);
    b[5] = 2;
    assert!(err(&b).contains("big-endian"));
}

#[test]
fn segment_outside_ram() {
    let img = parse_image(Path::new("far.elf"), &elf(0x1000, &CODE), None).unwrap();
    let mut mem = PhysMem::new(RAM_BASE, 1 << 20);
    let e = img.copy_into(&mut mem).unwrap_err().to_string();
    assert!(
        e.starts_with("far.elf: segment [0x1000, 0x1018) is outside RAM"),
        "{e}"
    );
}

#[test]
fn segment_past_the_end_of_ram() {
    let img = parse_image(
        Path::new("big.elf"),
        &elf(RAM_BASE + (1 << 20) - 4, &CODE),
        None,
    )
    .unwrap();
    let mut mem = PhysMem::new(RAM_BASE, 1 << 20);
    assert!(img
        .copy_into(&mut mem)
        .unwrap_err()
        .to_string()
        .contains("outside RAM"));
}

#[test]
fn raw_binary_at_a_load_address() {
    let img = parse_image(Path::new("raw.bin"), &CODE, Some(RAM_BASE + 0x80000)).unwrap();
    assert_eq!(img.entry, RAM_BASE + 0x80000);
    let mut mem = PhysMem::new(RAM_BASE, 1 << 20);
    img.copy_into(&mut mem).unwrap();
    let small = parse_image(Path::new("raw.bin"), &CODE, Some(0x10)).unwrap();
    assert!(small
        .copy_into(&mut mem)
        .unwrap_err()
        .to_string()
        .contains("raw image"));
}

#[test]
fn random_bytes_never_panic() {
    let mut seed = 0x1234_5678_9abc_def0u64;
    let base = elf(RAM_BASE, &CODE);
    for _ in 0..2000 {
        let mut b = base.clone();
        for _ in 0..4 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = (seed % b.len() as u64) as usize;
            b[i] = (seed >> 32) as u8;
        }
        let _ = parse_image(Path::new("fuzz.elf"), &b, None);
    }
}

/// Symbols of an assembled image are found by name (checked against binutils' `nm`
/// output for the demo: `_start` is the entry point); a hand-made ELF has none.
#[test]
fn elf_symbols_are_found_by_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/images/demo.elf");
    let image = load_image(&root, None).unwrap();
    assert_eq!(image.symbol("_start"), Some(image.entry));
    assert_eq!(image.symbol("no_such_symbol"), None);
    let bare = parse_image(Path::new("bare.elf"), &elf(RAM_BASE, &[0; 4]), None).unwrap();
    assert!(bare.symbols.is_empty());
}
