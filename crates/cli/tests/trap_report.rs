//! `a64sim run --trap-report`: counts and handler lengths checked against what the test
//! programs do (tests/asm/bench_hvc_roundtrip.S, tests/asm/pkvm_mte_lockdown.S) and
//! against an instruction trace of the same run.

use std::path::PathBuf;

fn image(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../tests/images/{name}.elf"))
        .display()
        .to_string()
}

/// Runs `a64sim run` with `args`; returns its stderr.
fn run(args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_a64sim"))
        .arg("run")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).unwrap()
}

/// The number after `"key":` in `json` (the first occurrence at or after `from`).
fn field(json: &str, from: usize, key: &str) -> f64 {
    let pat = format!("\"{key}\":");
    let start = json[from..].find(&pat).unwrap() + from + pat.len();
    let end = json[start..].find([',', '}']).unwrap() + start;
    json[start..end].parse().unwrap()
}

/// The offset of the JSON row of `exception` from `from` to `to`.
fn row(json: &str, exception: &str, from: &str, to: &str) -> usize {
    json.find(&format!(
        "{{\"exception\":\"{exception}\",\"ec\":{},\"from\":\"{from}\",\"to\":\"{to}\"",
        field(json, json.find(exception).unwrap() + exception.len(), "ec") as u64
    ))
    .unwrap_or_else(|| panic!("no row {exception} {from}->{to} in {json}"))
}

#[test]
fn hvc_roundtrip_counts_every_hvc_with_a_one_instruction_handler() {
    let json = run(&[&image("bench_hvc_roundtrip"), "--trap-report", "--json"]);
    let r = row(&json, "HVC64", "EL1", "EL2");
    // ITERS = 2000000 HVCs from EL1, each answered by the bare ERET at VBAR_EL2 + 0x400.
    assert_eq!(field(&json, r, "count"), 2_000_000.0);
    assert_eq!(field(&json, r, "mean_insns"), 1.0);
    assert_eq!(field(&json, r, "mean_cycles"), 1.0);
    assert_eq!(field(&json, r, "p50_cycles"), 1.0);
    assert_eq!(field(&json, r, "p99_cycles"), 1.0);
    assert_eq!(field(&json, r, "reentered"), 0.0);
    assert_eq!(field(&json, r, "returned_elsewhere"), 0.0);
    assert_eq!(field(&json, 0, "traps"), 2_000_000.0);
    // DROP_EL3 and DROP_EL2 are ERETs with no exception to return from.
    assert_eq!(field(&json, 0, "unmatched_erets"), 2.0);
    assert_eq!(field(&json, 0, "open"), 0.0);
    // functional: one cycle per instruction.
    assert_eq!(field(&json, 0, "cycles"), field(&json, 0, "instructions"));
}

#[test]
fn handler_instructions_match_the_trace() {
    let dir = tempfile::tempdir().unwrap();
    let trace = dir.path().join("t.txt");
    let trace_arg = trace.display().to_string();
    let json = run(&[
        &image("bench_hvc_roundtrip"),
        "--max-insns",
        "6000",
        "--trace",
        &trace_arg,
        "--trap-report",
        "--json",
    ]);
    let text = std::fs::read_to_string(&trace).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Each HVC's handler: the instructions after it up to and including the ERET.
    let (mut pairs, mut handler_insns, mut open) = (0u64, 0u64, 0u64);
    for (i, l) in lines.iter().enumerate() {
        if l.contains(" hvc ") {
            match lines[i + 1..].iter().position(|l| l.contains(" eret ")) {
                Some(n) => {
                    pairs += 1;
                    handler_insns += n as u64 + 1;
                }
                None => open += 1,
            }
        }
    }
    assert!(pairs > 50, "{pairs} HVCs in the first 6000 steps");
    let r = row(&json, "HVC64", "EL1", "EL2");
    assert_eq!(field(&json, r, "count"), pairs as f64);
    assert_eq!(
        field(&json, r, "mean_insns"),
        handler_insns as f64 / pairs as f64
    );
    assert_eq!(field(&json, 0, "open"), open as f64);
}

#[test]
fn pkvm_lockdown_separates_registers_and_fault_classes() {
    let json = run(&[&image("pkvm_mte_lockdown"), "--trap-report", "--json"]);
    // HVC #1 and #2 return; HVC #3 ends the program at EL2.
    assert_eq!(
        field(&json, row(&json, "HVC64", "EL1", "EL2"), "count"),
        2.0
    );
    assert_eq!(field(&json, 0, "open"), 1.0);
    // Five MTE register accesses trap to EL2 (EC 0x18); the handler injects an UNDEF by
    // returning to VBAR_EL1 + 0x200, which is not the interrupted context.
    for reg in [
        "MSR GCR_EL1",
        "MSR RGSR_EL1",
        "MRS TFSR_EL1",
        "MRS TFSRE0_EL1",
        "MRS GMID_EL1",
    ] {
        let r = row(&json, &format!("SYS64 {reg}"), "EL1", "EL2");
        assert_eq!(field(&json, r, "count"), 1.0, "{reg}");
        assert_eq!(field(&json, r, "returned_elsewhere"), 1.0, "{reg}");
    }
    // After HVC #2 the tag-7 load takes a synchronous tag-check fault to EL1 itself.
    let r = row(&json, "DABT_CUR tag check", "EL1", "EL1");
    assert_eq!(field(&json, r, "count"), 1.0);
    assert_eq!(field(&json, r, "returned_elsewhere"), 0.0);
    // Two boot drops and five ERETs of the injected UNDEFs, which no exception entered.
    assert_eq!(field(&json, 0, "unmatched_erets"), 7.0);
}

#[test]
fn text_report_follows_the_summary_and_says_when_nothing_trapped() {
    let err = run(&[&image("bench_hvc_roundtrip"), "--trap-report"]);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].starts_with("a64sim: 10005567 instructions"),
        "{err}"
    );
    assert_eq!(lines[1], "a64sim: 10005567 cycles");
    assert!(lines[2].starts_with("trap report (cycle model functional): 2000000 traps"));
    assert!(lines[3].starts_with("exception  from->to"));
    assert!(lines[4].starts_with("HVC64      EL1->EL2  2000000"));
    let none = run(&[
        &image("bench_hvc_roundtrip"),
        "--trap-report",
        "--max-insns",
        "10",
    ]);
    assert!(
        none.contains("trap report (cycle model functional): no exception was taken"),
        "{none}"
    );
    // Without the option, no report.
    let plain = run(&[&image("bench_hvc_roundtrip"), "--max-insns", "10"]);
    assert!(!plain.contains("trap report"));
}
