//! The decoder and disassembler against capstone: 2,000,000 random words from a fixed seed
//! plus every word of the golden file `isa/tests/golden/gnu.txt`, with no disagreement
//! left unexplained by `capstone-allowlist.toml`. Runs in parallel (rayon); the
//! `a64sim-difftest decode-sweep` command runs larger sweeps.

use a64sim_difftest::decode_sweep::{
    golden_words, sweep, Allowlist, Checker, Summary, Verdict, WordSource,
};

/// Random words checked on every test run.
const RANDOM_WORDS: u64 = 2_000_000;
/// Seed of the random stream (fixed, so failures reproduce with
/// `a64sim-difftest decode-sweep --random 2000000 --seed 0x5eed`).
const SEED: u64 = 0x5eed;
/// Mismatches listed on failure.
const LISTED: usize = 200;

const GOLDEN: &str = include_str!("../../../isa/tests/golden/gnu.txt");

fn assert_clean(what: &str, summary: &Summary, allowlist: &Allowlist) {
    assert!(
        summary.unexplained() == 0,
        "capstone sweep of {what}: {} unexplained mismatches\n{}",
        summary.unexplained(),
        summary.report(allowlist)
    );
}

#[test]
fn random_words_agree_with_capstone() {
    let allowlist = Allowlist::builtin().expect("capstone-allowlist.toml parses");
    let source = WordSource::Random {
        seed: SEED,
        count: RANDOM_WORDS,
    };
    let summary = sweep(&source, &allowlist, LISTED, None).expect("sweep runs");
    assert_eq!(summary.checked, RANDOM_WORDS);
    eprint!("{}", summary.report(&allowlist));
    assert_clean("2,000,000 random words", &summary, &allowlist);
}

#[test]
fn golden_words_agree_with_capstone() {
    let allowlist = Allowlist::builtin().expect("capstone-allowlist.toml parses");
    let words = golden_words(GOLDEN, "isa/tests/golden/gnu.txt").expect("golden file parses");
    let count = words.len() as u64;
    let summary = sweep(&WordSource::List(words), &allowlist, LISTED, None).expect("sweep runs");
    assert_eq!(summary.checked, count);
    eprint!("{}", summary.report(&allowlist));
    assert_clean("the golden words", &summary, &allowlist);
}

/// The normaliser and the allowlist on their own: GNU objdump's text in the golden file,
/// standing in for a64sim, must agree with capstone up to the allowlist. This holds whatever
/// state the isa crate is in, so a failure here is a normalisation or allowlist problem.
#[test]
fn golden_objdump_text_agrees_with_capstone() {
    let allowlist = Allowlist::builtin().expect("capstone-allowlist.toml parses");
    let checker = Checker::new().expect("capstone opens");
    let mut failures = Vec::new();
    for row in GOLDEN
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let mut fields = row.splitn(3, '\t');
        let (Some(pc), Some(word), Some(text)) = (fields.next(), fields.next(), fields.next())
        else {
            panic!("bad golden row {row:?}");
        };
        let pc = u64::from_str_radix(pc, 16).expect("pc");
        let word = u32::from_str_radix(word, 16).expect("word");
        let ours = (!text.starts_with(".inst")).then(|| text.to_owned());
        if let Verdict::Mismatch(m) = checker.compare(&allowlist, word, pc, ours) {
            failures.push(m.to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden rows differ from capstone beyond the allowlist:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}
