//! The bounded random campaign of every test run (CI included): a fixed seed, every class,
//! EL0–EL3, MMU and MTE on and off. Any divergence that no known-QEMU-difference rule
//! explains fails the test, with the shrunk cases in the message (run the same campaign
//! with `--regressions` to write them out). Skipped without QEMU 10, except in CI.

use a64sim_difftest::lockstep::{machine_args, MACHINE_ARGS};
use a64sim_difftest::random::command::source_root;
use a64sim_difftest::random::{Campaign, CaseShape, Class, Qemu};
use std::time::Duration;

#[test]
fn a_bounded_campaign_finds_no_unexplained_divergence() {
    let qemu_ok = std::process::Command::new("qemu-system-aarch64")
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("version 10."));
    if !qemu_ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "QEMU 10 is required in CI"
        );
        eprintln!("skipped: QEMU 10 is not installed");
        return;
    }
    let root = source_root();
    let template_path = root.join("tests/images/difftest_case.elf");
    let work = std::env::temp_dir().join(format!("a64sim-campaign-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let campaign = Campaign {
        cases: 120,
        seed: 0x5eed,
        shape: CaseShape {
            classes: Class::ALL.to_vec(),
            els: vec![0, 1, 2, 3],
            mmu: vec![false, true],
            mte: vec![false, true],
            len: 50,
        },
        template: a64sim_machine::load_image(&template_path, None).unwrap(),
        qemu: Qemu {
            binary: "qemu-system-aarch64".into(),
            args: machine_args(MACHINE_ARGS),
            template: template_path,
            work_dir: work.clone(),
            timeout: Duration::from_secs(30),
        },
        shrink_budget: 80,
        regressions: None,
        progress: false,
    };
    let report = campaign.run();
    let _ = std::fs::remove_dir_all(&work);
    eprint!("{}", report.table());
    // Every class at every EL was exercised.
    assert!(
        report.cases_by_el.iter().all(|&n| n > 0),
        "{:?}",
        report.cases_by_el
    );
    assert!(report.classes.values().all(|c| c.instructions > 0));
    let bad: Vec<String> = report
        .unexplained()
        .map(|d| {
            format!(
                "case {} ({}):\n{}a64sim: {}\nqemu:   {}",
                d.index,
                d.case.describe(),
                d.case.to_source(""),
                String::from_utf8_lossy(&d.a64sim.output),
                String::from_utf8_lossy(&d.qemu.output)
            )
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{} unexplained divergence(s):\n{}",
        bad.len(),
        bad.join("\n")
    );
}
