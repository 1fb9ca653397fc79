//! `a64sim difftest trace` end to end, without QEMU: `--qemu` points at a script that
//! answers `--version` like QEMU 10 and writes a captured QEMU log (as it is, or doctored)
//! to the `-D` file, so the pipe, the exit statuses, `--json` and `--keep-log` are checked
//! on any machine. The comparison against a real QEMU is tested in crates/difftest.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FAKE_QEMU: &str = r#"#!/bin/sh
if [ "$1" = "--version" ]; then
    echo "QEMU emulator version 10.0.2 (a64sim test stand-in)"
    exit 0
fi
log=
while [ $# -gt 0 ]; do
    if [ "$1" = "-D" ]; then log=$2; fi
    shift
done
if [ -n "$FAKE_QEMU_FAIL" ]; then
    echo "qemu-system-aarch64: $FAKE_QEMU_FAIL" >&2
    exit 1
fi
cat "$FAKE_QEMU_LOG" > "$log"
"#;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(qemu: &Path, log: &Path, extra: &[&str], fail: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_a64sim"));
    cmd.arg("difftest")
        .arg("trace")
        .arg("--qemu")
        .arg(qemu)
        .args(extra)
        .env("FAKE_QEMU_LOG", log);
    match fail {
        Some(msg) => cmd.env("FAKE_QEMU_FAIL", msg),
        None => cmd.env_remove("FAKE_QEMU_FAIL"),
    };
    cmd.output().expect("a64sim runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn exit_statuses_json_and_kept_log() {
    let dir = tempfile::tempdir().expect("temp dir");
    let qemu = dir.path().join("fake-qemu");
    std::fs::write(&qemu, FAKE_QEMU).expect("script written");
    std::fs::set_permissions(&qemu, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let fixture = root().join("crates/difftest/tests/fixtures/dp_imm_first40.log");
    let image = root().join("tests/images/dp_imm.elf");
    let image = image.to_str().expect("UTF-8 path");

    // The captured log, compared as far as it goes: identical, exit 0; the log is kept.
    let kept = dir.path().join("kept.log");
    let kept_arg = kept.to_str().expect("UTF-8 path");
    let out = run(
        &qemu,
        &fixture,
        &["--max-insns", "40", "--keep-log", kept_arg, image],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("identical: 40 instructions"));
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        std::fs::read(&fixture).unwrap()
    );

    // Past its end, QEMU "ended" while a64sim went on: a divergence, exit 1.
    let out = run(&qemu, &fixture, &[image], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("QEMU's log ended after 40 instructions"));

    // X10 of record 30 doctored: the divergence is reported there, as text and as JSON.
    let mut lines: Vec<String> = std::fs::read_to_string(&fixture)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let line = &mut lines[30 * 13 + 4];
    assert!(line.contains("X10="), "{line}");
    *line = line.replacen("X10=0", "X10=8", 1);
    let doctored = dir.path().join("doctored.log");
    std::fs::write(&doctored, lines.join("\n") + "\n").unwrap();
    let out = run(
        &qemu,
        &doctored,
        &["--max-insns", "40", "--context", "2", image],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("DIVERGENCE: the state after instruction #29 differs: X10"),
        "{stdout}"
    );
    assert!(stdout.contains("previous 2 instructions"));
    let out = run(
        &qemu,
        &doctored,
        &["--max-insns", "40", "--json", image],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let json = text(&out.stdout);
    assert!(
        json.starts_with("{\"verdict\":\"diverged\",\"compared\":30,"),
        "{json}"
    );
    assert!(json.trim_end().ends_with('}'));

    // Errors: exit 2 with one line naming the cause.
    let out = run(
        &qemu,
        &fixture,
        &["--max-insns", "40", "/nonexistent.elf"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("/nonexistent.elf"));
    let out = run(&qemu, &fixture, &[image], Some("cannot load kernel"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("QEMU logged no instruction"), "{stderr}");
    assert!(stderr.contains("cannot load kernel"), "{stderr}");
    let out = run(&dir.path().join("no-such-qemu"), &fixture, &[image], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-qemu"));
}
