//! Lockstep comparison of a64sim with QEMU: the parser on logs captured from QEMU 10
//! (`tests/fixtures`), a64sim against those logs (as they are, and doctored so that a
//! divergence must be found at a known instruction), and, when QEMU 10 is installed (always
//! in CI), live comparisons of committed test images.

use a64sim_difftest::lockstep::{
    compare, qemu_version, trace_image, DivergenceKind, LogSource, Options, QemuCommand, Report,
    Verdict,
};
use a64sim_difftest::qemu_log::{EventKind, QemuLog};
use a64sim_machine::{load_image, Console, Machine, MachineConfig};
use std::path::{Path, PathBuf};

const DP_IMM_FIRST40: &str = include_str!("fixtures/dp_imm_first40.log");
const EL_WALK_EVENTS: &str = include_str!("fixtures/el_walk_events.log");

fn image(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/images/{name}.elf"))
}

fn machine(name: &str) -> Machine {
    let (console, _) = Console::capture();
    let mut m = Machine::new(&MachineConfig::default(), console);
    m.load(&load_image(&image(name), None).expect("image loads"))
        .expect("image fits");
    m
}

fn against_log(m: &mut Machine, log: &str, opts: &Options) -> Report {
    compare(m, &mut LogSource::new(log.as_bytes()), opts, &mut |_| {}).expect("comparison runs")
}

fn opts(max_insns: u64) -> Options {
    Options {
        max_insns,
        ..Options::default()
    }
}

#[test]
fn parser_reads_captured_exceptions_semihosting_and_a_misaligned_pc() {
    let steps: Vec<_> = QemuLog::new(EL_WALK_EVENTS.as_bytes())
        .collect::<Result<_, _>>()
        .expect("the fixture parses");
    assert_eq!(steps.len(), 20);
    let with_events: Vec<_> = steps.iter().filter(|s| !s.events.is_empty()).collect();
    assert_eq!(with_events.len(), 4);
    assert_eq!(with_events[0].events[0].kind, EventKind::ExceptionReturn);
    assert!(with_events[1].events[0].is_semihosting());
    assert!(with_events[1].events[0]
        .text
        .ends_with("...handling as semihosting call 0x4"));
    let svc = &with_events[2];
    assert_eq!(
        svc.events[0].kind,
        EventKind::Exception {
            number: 2,
            name: "SVC".into()
        }
    );
    assert_eq!(svc.events[0].text.lines().count(), 6);
    // The handler's first instruction: EL3h with TCO and ALLINT set by the entry.
    assert_eq!(svc.record.pc, 0x4020_4200);
    assert_eq!(svc.record.pstate, 0x0200_23cd);
    // The misaligned PC is a record of its own, before the Prefetch Abort, with BTYPE = 1.
    let misaligned = steps.iter().find(|s| s.record.pc & 3 != 0).expect("one");
    assert_eq!(misaligned.record.pc, 0x4020_0179);
    assert_eq!(misaligned.record.btype(), 1);
    assert!(steps
        .iter()
        .all(|s| !s.events.iter().any(|e| e.is_asynchronous())));
}

#[test]
fn a64sim_matches_the_captured_start_of_dp_imm() {
    let r = against_log(&mut machine("dp_imm"), DP_IMM_FIRST40, &opts(40));
    assert!(r.is_identical(), "{r}");
    assert_eq!(r.compared, 40);
    // Without the limit, the log ends before the program does.
    let r = against_log(&mut machine("dp_imm"), DP_IMM_FIRST40, &opts(1000));
    let d = r.divergence().expect("the log ends first");
    assert_eq!(d.index, 40);
    assert!(matches!(d.kind, DivergenceKind::QemuEnded { .. }), "{r}");
}

#[test]
fn a_doctored_qemu_record_is_reported_at_its_instruction() {
    // Record 25 starts at line 25 * 13 + 1; its X05 is on the record's fourth line.
    let mut lines: Vec<String> = DP_IMM_FIRST40.lines().map(String::from).collect();
    let line = &mut lines[25 * 13 + 3];
    assert!(line.starts_with("X05="), "{line}");
    let old = line[4..20].to_string();
    let new = format!("{:016x}", u64::from_str_radix(&old, 16).unwrap() ^ 0x10);
    *line = line.replacen(&old, &new, 1);
    let doctored = lines.join("\n") + "\n";

    let r = against_log(&mut machine("dp_imm"), &doctored, &opts(40));
    let d = r
        .divergence()
        .unwrap_or_else(|| panic!("no divergence: {r}"));
    assert_eq!(d.index, 25);
    assert_eq!(r.compared, 25);
    let DivergenceKind::State {
        fields, qemu_line, ..
    } = &d.kind
    else {
        panic!("{r}");
    };
    assert_eq!(*qemu_line, 25 * 13 + 1);
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].field, "X05");
    assert_eq!(fields[0].ours, old);
    assert_eq!(fields[0].qemu, new);
    // The instruction that produced the state, with both disassemblies, and 8 before it.
    let last = r.last_instruction().expect("context");
    assert_eq!(last.index, 24);
    let pc24 = &DP_IMM_FIRST40.lines().nth(24 * 13 + 1).unwrap()[4..20];
    assert_eq!(last.pc, u64::from_str_radix(pc24, 16).unwrap());
    assert!(last.word.is_some() && !last.ours.is_empty() && !last.capstone.is_empty());
    assert_eq!(r.context.len(), 8);
    assert_eq!(r.context[0].insn.index, 17);
    let text = r.to_string();
    assert!(text.starts_with("DIVERGENCE: the state after instruction #24 differs: X05"));
    let json = r.to_json();
    assert!(json.contains("\"verdict\":\"diverged\""));
    assert!(json.contains("\"index\":25"));
    assert!(json.contains(&format!(
        "\"field\":\"X05\",\"a64sim\":\"{old}\",\"qemu\":\"{new}\""
    )));
}

#[test]
fn a_tampered_a64sim_register_is_reported_at_the_first_record() {
    let mut m = machine("dp_imm");
    m.cpu.pe.st.x[7] = 0x77;
    let r = against_log(&mut m, DP_IMM_FIRST40, &opts(40));
    let d = r.divergence().expect("diverges");
    assert_eq!(d.index, 0);
    assert!(d.summary().starts_with("the initial state differs: X07"));
    assert!(r.context.is_empty());
    assert_eq!(d.next.as_ref().map(|n| n.pc), Some(0x4020_0000));
}

/// QEMU 10, or `None` (and a printed reason) when it is not installed; CI must have it.
fn qemu10() -> Option<QemuCommand> {
    let program = PathBuf::from("qemu-system-aarch64");
    match qemu_version(&program) {
        Ok((major, _)) if major >= 10 => Some(QemuCommand::new(program)),
        other => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must have QEMU 10 (cargo xtask test installs it): {other:?}"
            );
            eprintln!("QEMU 10 is not installed ({other:?}): live lockstep comparison skipped");
            None
        }
    }
}

#[test]
fn committed_images_run_identically_under_qemu() {
    let Some(qemu) = qemu10() else { return };
    // Straight-line data processing, loads and stores, exceptions at every EL (with PC
    // alignment faults), illegal exception returns, instruction and data aborts with the
    // MMU on, MTE tag-check faults.
    for name in [
        "dp_imm",
        "ldst",
        "el_walk",
        "eret_illegal",
        "mmu_s1_faults",
        "mte_checks",
    ] {
        let r = trace_image(&image(name), &qemu, &Options::default(), &mut |_| {})
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        eprintln!("{name}: {}", r.to_string().trim_end().replace('\n', "; "));
        assert!(r.is_identical(), "{name}:\n{r}");
        let Verdict::Identical { why } = &r.verdict else {
            unreachable!()
        };
        assert!(why.starts_with("both ended"), "{name}: {why}");
        assert!(r.compared > 5000, "{name}: {}", r.compared);
    }
}

#[test]
fn the_kept_log_replays_to_the_same_result() {
    let Some(mut qemu) = qemu10() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("el_walk.log");
    qemu.keep_log = Some(log.clone());
    let live = trace_image(&image("el_walk"), &qemu, &Options::default(), &mut |_| {})
        .expect("live comparison");
    assert!(live.is_identical(), "{live}");
    let text = std::fs::read_to_string(&log).expect("kept log");
    let replay = against_log(&mut machine("el_walk"), &text, &Options::default());
    assert_eq!(replay.compared, live.compared);
    assert_eq!(replay.tolerated, live.tolerated);
    assert!(replay.is_identical(), "{replay}");
}
