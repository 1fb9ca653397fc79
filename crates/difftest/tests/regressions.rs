//! Every committed random-difftest regression case (`tests/difftest/regressions/*.S`, each
//! a shrunk divergence found by a campaign and then fixed) must now give QEMU's recorded
//! output (`*.expected`) under a64sim, and under a live QEMU 10 when it is installed
//! (always in CI).

use a64sim_difftest::lockstep::{machine_args, MACHINE_ARGS};
use a64sim_difftest::random::command::source_root;
use a64sim_difftest::random::{run_a64sim, Case, Qemu};
use std::time::Duration;

#[test]
fn committed_regression_cases_agree_with_qemu() {
    let root = source_root();
    let dir = root.join("tests/difftest/regressions");
    let template_path = root.join("tests/images/difftest_case.elf");
    let template = a64sim_machine::load_image(&template_path, None).expect("template image");
    let qemu_ok = std::process::Command::new("qemu-system-aarch64")
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("version 10."));
    if !qemu_ok && std::env::var_os("CI").is_some() {
        panic!("QEMU 10 is required in CI");
    }
    let work = std::env::temp_dir().join(format!("a64sim-regressions-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let qemu = Qemu {
        binary: "qemu-system-aarch64".into(),
        args: machine_args(MACHINE_ARGS),
        template: template_path,
        work_dir: work.clone(),
        timeout: Duration::from_secs(30),
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "S"));
    files.sort();
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let case = Case::from_source(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let expected = std::fs::read(path.with_extension("expected")).unwrap();
        let ours = run_a64sim(&template, &case);
        if ours.output != expected || ours.status != Some(0) {
            failures.push(format!(
                "{}: a64sim differs from the expectation",
                path.display()
            ));
        }
        if qemu_ok {
            let theirs = qemu.run(&case, "regression");
            if theirs.output != expected {
                failures.push(format!(
                    "{}: live QEMU differs from the expectation",
                    path.display()
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    eprintln!("{} regression case(s) checked", files.len());
    assert!(failures.is_empty(), "{failures:#?}");
}
