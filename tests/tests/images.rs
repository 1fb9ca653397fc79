//! Every test program must behave under a64sim exactly as under QEMU 10: the same
//! semihosting bytes and the same exit status, against the committed expectation and, when
//! QEMU 10 is installed (always in CI), against a live QEMU run.

use a64sim_tests::*;
use std::time::Duration;

/// Whether an image is skipped under a64sim, and why.
fn skip_reason(img: &TestImage) -> Option<String> {
    let feature = img.requires.as_deref()?;
    if PRESENT_FEATURES.contains(&feature) {
        return None;
    }
    let issue = MISSING_FEATURES
        .iter()
        .find(|(f, _)| *f == feature)
        .map(|(_, i)| *i);
    Some(match issue {
        Some(issue) => format!("requires {feature} ({issue})"),
        None => panic!("{}: unknown a64sim-requires feature `{feature}`", img.name),
    })
}

/// Runs the images on two threads; returns (name, result) rows.
fn for_each_image<F>(f: F) -> Vec<(String, Result<String, String>)>
where
    F: Fn(&TestImage) -> Result<String, String> + Sync,
{
    let images = discover();
    assert!(
        images.len() >= 10,
        "only {} test images found",
        images.len()
    );
    let next = std::sync::atomic::AtomicUsize::new(0);
    let rows = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(img) = images.get(i) else { break };
                let r = f(img);
                rows.lock().unwrap().push((img.name.clone(), r));
            });
        }
    });
    let mut rows = rows.into_inner().unwrap();
    rows.sort();
    rows
}

fn report(title: &str, rows: &[(String, Result<String, String>)]) {
    eprintln!("{title}");
    for (name, r) in rows {
        match r {
            Ok(note) => eprintln!("  ok    {name:<22} {note}"),
            Err(e) => eprintln!("  FAIL  {name:<22} {e}"),
        }
    }
    let failed: Vec<&String> = rows.iter().filter(|r| r.1.is_err()).map(|r| &r.0).collect();
    assert!(
        failed.is_empty(),
        "{} image(s) differ: {:?}",
        failed.len(),
        failed
    );
}

fn compare(name: &str, got: &Run, want_out: &[u8], want_status: i32) -> Result<String, String> {
    if let Some(p) = &got.problem {
        return Err(format!(
            "{p}; output so far: {}",
            first_difference(&got.output, want_out)
        ));
    }
    if got.output != want_out {
        return Err(format!(
            "{name}: output differs at {}",
            first_difference(&got.output, want_out)
        ));
    }
    if got.status != Some(want_status) {
        return Err(format!("exit status {:?}, want {want_status}", got.status));
    }
    Ok(format!(
        "{} instructions, {:.2} s",
        got.instructions,
        got.time.as_secs_f64()
    ))
}

#[test]
fn every_image_matches_its_qemu_expectation() {
    let rows = for_each_image(|img| {
        if let Some(why) = skip_reason(img) {
            return Ok(format!("skipped under a64sim: {why}"));
        }
        let got = run_a64sim(&img.elf, BUDGET);
        compare(&img.name, &got, &img.expected, img.status)
    });
    report("a64sim against the committed QEMU 10 expectations:", &rows);
}

#[test]
fn every_image_matches_live_qemu() {
    let Some(qemu) = qemu10() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have QEMU 10 (cargo xtask test installs it)"
        );
        eprintln!(
            "QEMU 10 is not installed: live comparison skipped (cargo xtask test installs it)"
        );
        return;
    };
    let rows = for_each_image(|img| {
        let q = run_qemu(&qemu, &img.elf, Duration::from_secs(120));
        // QEMU must still produce the committed expectation (else regenerate and review).
        compare(&img.name, &q, &img.expected, img.status)
            .map_err(|e| format!("QEMU itself: {e}"))?;
        if let Some(why) = skip_reason(img) {
            return Ok(format!("QEMU ok; a64sim skipped: {why}"));
        }
        // Every block compiled at its first execution: the block compiler's widest test.
        let eager = JitConfig {
            enabled: JitConfig::default().enabled,
            threshold: 0,
        };
        let ours = run_a64sim_with(&img.elf, BUDGET, eager);
        compare(&img.name, &ours, &q.output, q.status.unwrap_or(-1))
    });
    report(
        "a64sim (every block compiled at once) against a live QEMU 10 run:",
        &rows,
    );
}

#[test]
fn every_image_matches_with_the_interpreter_alone() {
    let rows = for_each_image(|img| {
        if let Some(why) = skip_reason(img) {
            return Ok(format!("skipped under a64sim: {why}"));
        }
        if img.name.starts_with("bench_") {
            // Long; the interpreter runs them under the cycle-model and lockstep tests.
            return Ok("skipped: benchmark".to_string());
        }
        let off = JitConfig {
            enabled: false,
            threshold: 0,
        };
        let got = run_a64sim_with(&img.elf, BUDGET, off);
        compare(&img.name, &got, &img.expected, img.status)
    });
    report(
        "a64sim's interpreter alone against the QEMU 10 expectations:",
        &rows,
    );
}

#[test]
fn committed_images_have_sources_and_expectations() {
    let root = workspace_root();
    for img in discover() {
        assert!(
            root.join(format!("tests/asm/{}.S", img.name)).exists(),
            "{} has no source",
            img.name
        );
    }
    for entry in std::fs::read_dir(root.join("tests/asm")).unwrap().flatten() {
        let p = entry.path();
        if p.extension().and_then(|e| e.to_str()) == Some("S") {
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            assert!(
                root.join(format!("tests/images/{stem}.expected")).exists(),
                "{stem} has no QEMU expectation"
            );
        }
    }
}
