//! The seed corpora as a regression test on stable Rust: every file of every
//! `fuzz/corpus/<target>/` runs through its target, and the generated seeds (`seed-*`)
//! must match what `seeds::all()` generates.
//!
//! After changing a generator or an input format, regenerate the seeds with
//! `A64SIM_UPDATE_CORPUS=1 cargo test -p a64sim-fuzz-targets --test corpus`.

mod seeds;

use a64sim_fuzz_targets::TARGETS;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

/// Serialises the two tests: one may be rewriting the files the other reads.
static CORPUS: Mutex<()> = Mutex::new(());

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.is_file())
            .collect(),
        Err(e) => panic!("corpus directory {}: {e}", dir.display()),
    };
    v.sort();
    v
}

#[test]
fn generated_seeds_are_up_to_date() {
    let _guard = CORPUS.lock().unwrap_or_else(|e| e.into_inner());
    let seeds = seeds::all();
    seeds::check_unique(&seeds);
    let update = std::env::var_os("A64SIM_UPDATE_CORPUS").is_some_and(|v| v == "1");
    let root = corpus_dir();
    let mut stale = Vec::new();
    for (target, _) in TARGETS {
        let dir = root.join(target);
        if update {
            std::fs::create_dir_all(&dir).expect("create the corpus directory");
            for old in files(&dir) {
                let name = old.file_name().unwrap_or_default().to_string_lossy();
                if name.starts_with("seed-") {
                    std::fs::remove_file(&old).expect("remove an old seed");
                }
            }
        }
        let mine: Vec<&seeds::Seed> = seeds.iter().filter(|s| s.target == target).collect();
        for s in &mine {
            let path = dir.join(&s.name);
            if update {
                std::fs::write(&path, &s.bytes).expect("write a seed");
            } else if std::fs::read(&path).ok().as_ref() != Some(&s.bytes) {
                stale.push(path.display().to_string());
            }
        }
        if !update {
            for f in files(&dir) {
                let name = f
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .to_string();
                if name.starts_with("seed-") && !mine.iter().any(|s| s.name == name) {
                    stale.push(format!("{} (no longer generated)", f.display()));
                }
            }
        }
    }
    let total: usize = seeds.iter().map(|s| s.bytes.len()).sum();
    println!("{} generated seeds, {} KiB", seeds.len(), total / 1024);
    assert!(
        stale.is_empty(),
        "seed files differ from the generator; run\n  A64SIM_UPDATE_CORPUS=1 cargo test -p \
         a64sim-fuzz-targets --test corpus\n{}",
        stale.join("\n")
    );
}

#[test]
fn every_corpus_input_runs() {
    let _guard = CORPUS.lock().unwrap_or_else(|e| e.into_inner());
    let root = corpus_dir();
    let mut failures = Vec::new();
    for (target, run) in TARGETS {
        let dir = root.join(target);
        let inputs = files(&dir);
        assert!(
            !inputs.is_empty(),
            "corpus directory {} is empty",
            dir.display()
        );
        let start = Instant::now();
        let mut bytes = 0;
        for path in &inputs {
            let data = std::fs::read(path).expect("read a corpus input");
            bytes += data.len();
            if catch_unwind(AssertUnwindSafe(|| run(&data))).is_err() {
                failures.push(path.display().to_string());
            }
        }
        println!(
            "{target:>10}: {:4} inputs, {:5} KiB, {:6.2} s",
            inputs.len(),
            bytes / 1024,
            start.elapsed().as_secs_f64()
        );
    }
    assert!(
        failures.is_empty(),
        "failing inputs:\n{}",
        failures.join("\n")
    );
}
