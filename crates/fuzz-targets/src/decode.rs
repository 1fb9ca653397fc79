//! The `decode` target: every 4-byte little-endian word of the input goes through
//! [`a64sim_isa::decode`], [`Insn::encode`] and [`a64sim_isa::disassemble`].
//!
//! Properties, per word:
//! * nothing panics;
//! * the decoder agrees with a linear scan of [`ENCODINGS`] (first matching row, guards
//!   applied), the table the bucketed decoder is generated from;
//! * an instruction row encodes back to the word (the table has no lossy fields);
//! * the disassembler agrees with the decoder on unallocated and unimplemented words and
//!   prints one line, starting with a lower-case mnemonic, for every other word.

use a64sim_isa::{disassemble, Disassembly, Insn, RowKind, ENCODINGS};

/// Where the first word of the input is (PC-relative operands are printed as addresses).
pub const PC: u64 = 0x4000_0000;

/// Runs every whole word of `data` through the checks (a trailing partial word is ignored).
pub fn decode(data: &[u8]) {
    let mut pc = PC;
    for chunk in data.chunks_exact(4) {
        let w = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        check_word(w, pc);
        pc = pc.wrapping_add(4);
    }
}

/// The checks for one word at `pc`.
pub fn check_word(w: u32, pc: u64) {
    let insn = a64sim_isa::decode(w);
    let row = ENCODINGS
        .iter()
        .find(|r| r.matches_bits(w) && r.guard.is_none_or(|g| g(w)));
    match (row, &insn) {
        (None, Insn::Unallocated) => {}
        (Some(r), Insn::Unallocated) => {
            assert_eq!(
                r.kind,
                RowKind::Unallocated,
                "{w:#010x}: table row {}",
                r.source
            )
        }
        (Some(r), Insn::Unimplemented(c)) => {
            assert_eq!(
                r.kind,
                RowKind::Unimplemented(*c),
                "{w:#010x}: {}",
                r.source
            )
        }
        (Some(r), i) => {
            assert!(
                r.kind == RowKind::Insn && r.name == i.name(),
                "{w:#010x}: decoded as {}, table row {} ({})",
                i.name(),
                r.name,
                r.source
            )
        }
        (None, i) => panic!(
            "{w:#010x}: decoded as {} but no table row matches",
            i.name()
        ),
    }
    if let Some(back) = insn.encode() {
        assert_eq!(back, w, "{insn:?} encodes to {back:#010x}, not {w:#010x}");
    }
    let d = disassemble(w, pc);
    match (&insn, &d) {
        (Insn::Unallocated, Disassembly::Unallocated) => {}
        (Insn::Unimplemented(c), Disassembly::Unimplemented(dc)) => assert_eq!(c, dc),
        (Insn::Unallocated | Insn::Unimplemented(_), d) => {
            panic!(
                "{w:#010x}: decoded as {} but disassembled as {d:?}",
                insn.name()
            )
        }
        (_, Disassembly::Text(t)) => check_text(w, t),
        (_, d) => panic!("{w:#010x}: {} disassembled as {d:?}", insn.name()),
    }
    let _ = d.text_or_placeholder();
}

/// One line of GNU-syntax text: a lower-case mnemonic first, no control characters.
fn check_text(w: u32, t: &str) {
    let first = t.chars().next();
    assert!(
        first.is_some_and(|c| c.is_ascii_lowercase()),
        "{w:#010x}: disassembly {t:?} does not start with a mnemonic"
    );
    assert!(
        !t.chars().any(|c| c.is_control()) && t == t.trim_end(),
        "{w:#010x}: disassembly {t:?} is not one clean line"
    );
}
