//! Golden disassembly test: for every row of `tests/golden/gnu.txt`, a64sim-isa's
//! `disassemble(word, pc)` must give exactly the text GNU objdump 2.40 printed.
//!
//! The rows are made by `tests/golden/regen.sh` from `tests/golden/insns.s` (the commands are
//! in the file's `#` header). Each row is `PC_HEX<TAB>WORD_HEX<TAB>TEXT`; the pc matters for
//! branch, ADR/ADRP and literal targets. objdump prints unallocated words as
//! `.inst 0xWORD ; undefined`, which is what `Disassembly::Unallocated` must correspond to.
//! All mismatches are listed before the test fails, grouped by expected mnemonic, so that one
//! run shows everything still to do.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use a64sim_isa::{disassemble, Disassembly};

/// The golden rows, compiled in so the test does not depend on the working directory.
const GOLDEN: &str = include_str!("golden/gnu.txt");

/// At most this many mismatches are printed in full.
const MAX_LISTED: usize = 400;

/// One row of gnu.txt.
#[derive(Debug)]
struct Row {
    line: usize,
    pc: u64,
    word: u32,
    text: &'static str,
}

fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for (i, raw) in GOLDEN.lines().enumerate() {
        let line = i + 1;
        if raw.is_empty() || raw.starts_with('#') {
            continue;
        }
        let mut fields = raw.splitn(3, '\t');
        let (Some(pc), Some(word), Some(text)) = (fields.next(), fields.next(), fields.next())
        else {
            panic!("gnu.txt:{line}: expected PC<TAB>WORD<TAB>TEXT, got {raw:?}");
        };
        let pc = u64::from_str_radix(pc, 16)
            .unwrap_or_else(|e| panic!("gnu.txt:{line}: bad pc {pc:?}: {e}"));
        let word = u32::from_str_radix(word, 16)
            .unwrap_or_else(|e| panic!("gnu.txt:{line}: bad word {word:?}: {e}"));
        rows.push(Row {
            line,
            pc,
            word,
            text,
        });
    }
    rows
}

/// What objdump prints for a word it considers unallocated.
fn unallocated_text(word: u32) -> String {
    format!(".inst 0x{word:08x} ; undefined")
}

/// Our result rendered the way the golden file spells it, for comparison and display.
fn ours(word: u32, pc: u64) -> String {
    match disassemble(word, pc) {
        Disassembly::Text(text) => text,
        Disassembly::Unallocated => unallocated_text(word),
        Disassembly::Unimplemented(class) => format!("<unimplemented: {class:?}>"),
    }
}

#[test]
fn golden_gnu_objdump() {
    let rows = rows();
    assert!(rows.len() > 1000, "gnu.txt has only {} rows", rows.len());

    let mut mismatches = Vec::new();
    let mut unimplemented = 0;
    for row in &rows {
        // FP/SIMD, SVE and SME words are not decoded precisely yet: whether objdump calls
        // them allocated or not, our honest answer is "unimplemented", checked elsewhere.
        if matches!(disassemble(row.word, row.pc), Disassembly::Unimplemented(_)) {
            unimplemented += 1;
            continue;
        }
        let got = ours(row.word, row.pc);
        if got != row.text {
            mismatches.push((row, got));
        }
    }
    assert!(
        unimplemented < 16,
        "{unimplemented} golden rows are unimplemented: the golden file is for integer A64"
    );
    if mismatches.is_empty() {
        return;
    }

    let mut by_mnemonic: BTreeMap<&str, usize> = BTreeMap::new();
    for (row, _) in &mismatches {
        let mnemonic = row.text.split(' ').next().unwrap_or(row.text);
        *by_mnemonic.entry(mnemonic).or_default() += 1;
    }

    let mut report = String::new();
    let _ = writeln!(
        report,
        "{} of {} golden rows differ from GNU objdump:",
        mismatches.len(),
        rows.len()
    );
    for (row, got) in mismatches.iter().take(MAX_LISTED) {
        let _ = writeln!(
            report,
            "  gnu.txt:{:<5} pc {:#06x} word {:08x}\n      expected: {}\n      got:      {}",
            row.line, row.pc, row.word, row.text, got
        );
    }
    if mismatches.len() > MAX_LISTED {
        let _ = writeln!(report, "  ... and {} more", mismatches.len() - MAX_LISTED);
    }
    let _ = writeln!(report, "mismatches by expected mnemonic:");
    for (mnemonic, count) in &by_mnemonic {
        let _ = writeln!(report, "  {mnemonic:<12} {count}");
    }
    panic!("{report}");
}
