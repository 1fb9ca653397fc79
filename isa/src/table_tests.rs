//! Tests of the encoding table itself: every overlap is deliberate, fields round-trip.

use crate::*;

/// Two rows overlap when some word has the fixed bits of both.
fn overlap(a: &EncodingRow, b: &EncodingRow) -> bool {
    (a.value ^ b.value) & a.mask & b.mask == 0
}

#[test]
fn every_overlap_is_deliberate() {
    // An earlier row may shadow part of a later one only if it is more specific (fixes a
    // superset of the later row's bits) or guarded; anything else is an ambiguous table.
    let mut bad = Vec::new();
    for (i, a) in ENCODINGS.iter().enumerate() {
        for b in &ENCODINGS[i + 1..] {
            if overlap(a, b) && a.mask & b.mask != b.mask && a.guard.is_none() {
                bad.push(format!(
                    "{} ({}) overlaps later {} ({})",
                    a.name, a.source, b.name, b.source
                ));
            }
        }
    }
    assert!(bad.is_empty(), "ambiguous rows:\n{}", bad.join("\n"));
}

#[test]
fn row_names_are_unique() {
    let mut names: Vec<&str> = ENCODINGS
        .iter()
        .filter(|r| r.kind == RowKind::Insn)
        .map(|r| r.name)
        .collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len());
}

#[test]
fn fields_and_fixed_bits_cover_each_word_once() {
    for r in ENCODINGS.iter().filter(|r| r.kind == RowKind::Insn) {
        let mut covered = r.mask;
        for f in r.fields {
            let m = (((1u64 << f.width) - 1) << f.lsb) as u32;
            assert_eq!(covered & m, 0, "{}: field {} overlaps", r.source, f.name);
            covered |= m;
        }
        assert_eq!(covered, u32::MAX, "{}: bits not covered", r.source);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
    /// Every implemented word encodes back to itself: nothing is lost in decoding.
    #[test]
    fn decode_encode_round_trip(w in proptest::prelude::any::<u32>()) {
        let insn = decode(w);
        if let Some(back) = insn.encode() {
            proptest::prop_assert_eq!(back, w, "{:?}", insn);
        }
    }

    /// Words built from each row's fixed bits decode to that row or to an earlier,
    /// more specific one (never to a later row).
    #[test]
    fn row_words_decode_to_their_row(idx in 0..ENCODINGS.len(), noise in proptest::prelude::any::<u32>()) {
        let row = &ENCODINGS[idx];
        let w = (noise & !row.mask) | row.value;
        let name = decode(w).name();
        let first = ENCODINGS.iter().position(|r| r.matches_bits(w) && r.guard.is_none_or(|g| g(w)));
        if let Some(first) = first {
            proptest::prop_assert!(first <= idx || row.guard.is_some_and(|g| !g(w)), "{} decoded as {}", row.name, name);
        }
    }
}
