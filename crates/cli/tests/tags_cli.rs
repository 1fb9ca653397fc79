//! `a64sim run --dump-tags/--load-tags`: tags written by one run reach the guest of
//! another (the MTE issue's tag save/restore options).

use std::path::PathBuf;

/// The page the snapshot programs tag (`tests/asm/include/mte_snapshot_body.inc`).
const PAGE: u64 = 0x4800_0000;

fn image(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../tests/images/{name}.elf"))
        .display()
        .to_string()
}

/// Runs `a64sim` with `args`; returns (stdout, stderr) of a successful run.
fn a64sim(args: &[String]) -> (String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_a64sim"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_cli_dumps_and_loads_tags() {
    let dir = std::env::temp_dir().join(format!("a64sim-tags-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("page.tags");
    let (tagged, log) = a64sim(&[
        "run".into(),
        image("mte_snapshot_tag"),
        "--dump-tags".into(),
        format!("{PAGE:x},1000,{}", file.display()),
    ]);
    assert!(log.contains("wrote 256 tags"), "{log}");
    let tags = std::fs::read(&file).unwrap();
    assert_eq!(tags.len(), 256);
    assert!(tags
        .iter()
        .enumerate()
        .all(|(i, &t)| t == ((7 * i + 3) & 15) as u8));
    let (checked, log) = a64sim(&[
        "run".into(),
        image("mte_snapshot_check"),
        "--load-tags".into(),
        format!("{PAGE:x},{}", file.display()),
    ]);
    assert!(log.contains("loaded 256 tags"), "{log}");
    let digest = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("tag_digest="))
            .map(str::to_owned)
    };
    assert!(digest(&tagged).is_some());
    assert_eq!(digest(&checked), digest(&tagged));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_tag_files_are_clear_errors() {
    let dir = std::env::temp_dir().join(format!("a64sim-badtags-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.tags");
    std::fs::write(&file, [1u8, 2, 0x33]).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_a64sim"))
        .args([
            "run".to_string(),
            image("mte_snapshot_check"),
            "--load-tags".into(),
            format!("{PAGE:x},{}", file.display()),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--load-tags") && err.contains("0x33"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
