//! A campaign: many seeded cases run under a64sim and QEMU in parallel (rayon), progress
//! on stderr, each divergence shrunk, explained by a named known-difference rule or kept
//! as unexplained and written out as a regression case, and a per-class report.

use super::case::{Case, CaseShape};
use super::generator::{class_of, Class, Rng};
use super::known::{explain, explain_with_word};
use super::runner::{run_a64sim, Outcome, Qemu};
use super::shrink::shrink;
use a64sim_machine::Image;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How to run a campaign.
#[derive(Clone, Debug)]
pub struct Campaign {
    /// Number of cases.
    pub cases: u64,
    /// Campaign seed: case `i` uses a seed derived from it, so runs repeat exactly.
    pub seed: u64,
    /// What cases look like.
    pub shape: CaseShape,
    /// The template image.
    pub template: Image,
    /// The QEMU side.
    pub qemu: Qemu,
    /// Shrink runs per divergence.
    pub shrink_budget: usize,
    /// Where unexplained divergences are written as regression cases (none: not written).
    pub regressions: Option<PathBuf>,
    /// Print progress on stderr.
    pub progress: bool,
}

/// Counts of one class.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClassStats {
    /// Instructions generated.
    pub instructions: u64,
    /// Divergences whose shrunk case starts with an instruction of this class.
    pub divergences: u64,
    /// Of those, explained by a known-difference rule.
    pub explained: u64,
}

/// One divergence.
#[derive(Clone, Debug)]
pub struct Divergence {
    /// Case index.
    pub index: u64,
    /// The case's seed.
    pub seed: u64,
    /// The shrunk case.
    pub case: Case,
    /// Instructions before shrinking.
    pub original_len: usize,
    /// a64sim's outcome on the shrunk case.
    pub a64sim: Outcome,
    /// QEMU's outcome on the shrunk case.
    pub qemu: Outcome,
    /// The known-difference rule that explains it.
    pub known: Option<&'static str>,
    /// The class it is attributed to.
    pub class: Class,
    /// The regression file written for it.
    pub file: Option<PathBuf>,
}

/// What a campaign found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Cases run.
    pub cases: u64,
    /// Instructions generated.
    pub instructions: u64,
    /// Per-class counts.
    pub classes: BTreeMap<Class, ClassStats>,
    /// Per-EL case counts.
    pub cases_by_el: [u64; 4],
    /// The divergences, by case index.
    pub divergences: Vec<Divergence>,
    /// Wall time.
    pub seconds: f64,
}

/// The seed of case `index` of a campaign seeded `seed`.
pub fn case_seed(seed: u64, index: u64) -> u64 {
    let mut r = Rng::new(seed ^ index.wrapping_mul(0xd1b5_4a32_d192_ed03));
    r.next_u64()
}

impl Campaign {
    /// Runs every case; divergences are shrunk as they are found.
    pub fn run(&self) -> Report {
        let start = Instant::now();
        let done = AtomicU64::new(0);
        let diverged = AtomicUsize::new(0);
        let divergences = Mutex::new(Vec::new());
        let stop = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|s| {
            if self.progress {
                s.spawn(|| {
                    // A terminal gets one updating line; a log a line every 10 seconds.
                    use std::io::IsTerminal;
                    let tty = std::io::stderr().is_terminal();
                    let mut ticks = 0u64;
                    while !stop.load(Ordering::Relaxed) {
                        std::thread::sleep(Duration::from_millis(200));
                        ticks += 1;
                        if !tty && ticks % 50 != 0 {
                            continue;
                        }
                        let n = done.load(Ordering::Relaxed);
                        let secs = start.elapsed().as_secs_f64().max(1e-3);
                        let line = format!(
                            "difftest: {n}/{} cases, {:.1} cases/s, {} divergences",
                            self.cases,
                            n as f64 / secs,
                            diverged.load(Ordering::Relaxed)
                        );
                        if tty {
                            eprint!("\r{line}   ");
                        } else {
                            eprintln!("{line}");
                        }
                    }
                });
            }
            (0..self.cases).into_par_iter().for_each(|i| {
                if let Some(d) = self.run_case(i) {
                    diverged.fetch_add(1, Ordering::Relaxed);
                    divergences
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(d);
                }
                done.fetch_add(1, Ordering::Relaxed);
            });
            stop.store(true, Ordering::Relaxed);
        });
        if self.progress {
            eprintln!();
        }
        let mut report = Report {
            cases: self.cases,
            seconds: start.elapsed().as_secs_f64(),
            ..Report::default()
        };
        for c in Class::ALL {
            if self.shape.classes.contains(&c) {
                report.classes.insert(c, ClassStats::default());
            }
        }
        for i in 0..self.cases {
            let case = Case::generate(case_seed(self.seed, i), &self.shape);
            report.cases_by_el[case.el as usize] += 1;
            report.instructions += case.code.len() as u64;
            for &w in &case.code {
                report.classes.entry(class_of(w)).or_default().instructions += 1;
            }
        }
        let mut divergences = divergences.into_inner().unwrap_or_else(|e| e.into_inner());
        divergences.sort_by_key(|d| d.index);
        for d in &divergences {
            let s = report.classes.entry(d.class).or_default();
            s.divergences += 1;
            s.explained += d.known.is_some() as u64;
        }
        report.divergences = divergences;
        report
    }

    /// Runs case `index`; a divergence comes back shrunk and classified.
    fn run_case(&self, index: u64) -> Option<Divergence> {
        let seed = case_seed(self.seed, index);
        let case = Case::generate(seed, &self.shape);
        let tag = format!("case-{}-{index}", std::process::id());
        let ours = run_a64sim(&self.template, &case);
        let theirs = self.qemu.run(&case, &tag);
        if ours.agrees_with(&theirs) && ours.problem.is_none() {
            return None;
        }
        // A known QEMU difference is usually recognisable without shrinking (its rule checks
        // both the instruction and the exact output difference): shrinking is for the rest.
        if ours.problem.is_none() {
            if let Some((known, word)) = explain_with_word(&case, &ours.output, &theirs.output) {
                return Some(Divergence {
                    index,
                    seed,
                    original_len: case.code.len(),
                    class: class_of(word),
                    case,
                    a64sim: ours,
                    qemu: theirs,
                    known: Some(known),
                    file: None,
                });
            }
        }
        let small = shrink(
            &case,
            |c| {
                let a = run_a64sim(&self.template, c);
                let q = self.qemu.run(c, &tag);
                !a.agrees_with(&q) || a.problem.is_some()
            },
            self.shrink_budget,
        );
        let a64sim = run_a64sim(&self.template, &small);
        let qemu = self.qemu.run(&small, &tag);
        let known = explain(&small, &a64sim.output, &qemu.output);
        let class = small.code.first().map_or(Class::Sys, |&w| class_of(w));
        let mut d = Divergence {
            index,
            seed,
            case: small,
            original_len: case.code.len(),
            a64sim,
            qemu,
            known,
            class,
            file: None,
        };
        if let (None, Some(dir)) = (known, &self.regressions) {
            d.file = write_regression(dir, &d).ok();
        }
        Some(d)
    }
}

/// Writes `d` as `DIR/random-SEED.S` with the QEMU output as `.expected`.
fn write_regression(dir: &std::path::Path, d: &Divergence) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("random-{:016x}.S", d.seed));
    let note = format!(
        "Random difftest case {:#018x} (index {}), shrunk from {} to {} instructions.\n{}\n\
         a64sim and QEMU 10 differ; {} holds QEMU's output.",
        d.seed,
        d.index,
        d.original_len,
        d.case.code.len(),
        d.case.describe(),
        path.with_extension("expected")
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    std::fs::write(&path, d.case.to_source(&note))?;
    std::fs::write(path.with_extension("expected"), &d.qemu.output)?;
    Ok(path)
}

impl Report {
    /// Divergences no rule explains.
    pub fn unexplained(&self) -> impl Iterator<Item = &Divergence> {
        self.divergences.iter().filter(|d| d.known.is_none())
    }

    /// The per-class table and the divergences, as text.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<8} {:>12} {:>12} {:>10}",
            "class", "instructions", "divergences", "explained"
        );
        for (c, st) in &self.classes {
            let _ = writeln!(
                s,
                "{:<8} {:>12} {:>12} {:>10}",
                c.name(),
                st.instructions,
                st.divergences,
                st.explained
            );
        }
        let _ = writeln!(
            s,
            "{} cases (EL0 {}, EL1 {}, EL2 {}, EL3 {}), {} instructions, {} divergences ({} unexplained) in {:.1} s, {:.1} cases/s",
            self.cases,
            self.cases_by_el[0],
            self.cases_by_el[1],
            self.cases_by_el[2],
            self.cases_by_el[3],
            self.instructions,
            self.divergences.len(),
            self.unexplained().count(),
            self.seconds,
            self.cases as f64 / self.seconds.max(1e-9)
        );
        for d in &self.divergences {
            let _ = writeln!(
                s,
                "  case {} seed {:#018x}: {} -> {} instructions, {}{}",
                d.index,
                d.seed,
                d.original_len,
                d.case.code.len(),
                match d.known {
                    Some(k) => format!("known QEMU difference `{k}`"),
                    None => "UNEXPLAINED".to_string(),
                },
                d.file
                    .as_ref()
                    .map(|f| format!(", written to {}", f.display()))
                    .unwrap_or_default()
            );
        }
        s
    }

    /// The report as JSON.
    pub fn to_json(&self) -> String {
        use crate::decode_sweep::json_string;
        let classes: Vec<String> = self
            .classes
            .iter()
            .map(|(c, st)| {
                format!(
                    "{{\"class\":\"{}\",\"instructions\":{},\"divergences\":{},\"explained\":{}}}",
                    c.name(),
                    st.instructions,
                    st.divergences,
                    st.explained
                )
            })
            .collect();
        let divs: Vec<String> = self
            .divergences
            .iter()
            .map(|d| {
                format!(
                    "{{\"index\":{},\"seed\":\"{:#018x}\",\"instructions\":{},\"known\":{},\"file\":{},\"words\":[{}]}}",
                    d.index,
                    d.seed,
                    d.case.code.len(),
                    d.known.map_or("null".into(), json_string),
                    d.file
                        .as_ref()
                        .map_or("null".into(), |f| json_string(&f.display().to_string())),
                    d.case
                        .code
                        .iter()
                        .map(|w| format!("\"{w:#010x}\""))
                        .collect::<Vec<_>>()
                        .join(",")
                )
            })
            .collect();
        format!(
            "{{\"cases\":{},\"instructions\":{},\"seconds\":{:.3},\"cases_per_second\":{:.2},\"cases_by_el\":{:?},\"classes\":[{}],\"divergences\":[{}],\"unexplained\":{}}}",
            self.cases,
            self.instructions,
            self.seconds,
            self.cases as f64 / self.seconds.max(1e-9),
            self.cases_by_el,
            classes.join(","),
            divs.join(","),
            self.unexplained().count()
        )
    }
}
