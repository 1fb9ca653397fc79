//! `a64sim run --timing PRESET [--timing-set KEY=VALUE]` and `a64sim bench-traps`, run as
//! the built binary: the summary line and JSON, what the functional preset promises,
//! determinism, the errors of bad options, and the trap-path table against the costs the
//! model charges (read from the preset table, never written here) and against the
//! handlers of tests/asm/trap_paths.S.

use a64sim_timing::{Preset, TimingConfig, PRESETS};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Output;

fn image(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../tests/images/{name}.elf"))
        .display()
        .to_string()
}

/// A small program with exceptions taken at and returned to every EL (41,319
/// instructions).
fn el_walk() -> String {
    image("el_walk")
}

fn a64sim(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_a64sim"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `a64sim ARGS`, which must succeed; returns its stdout and stderr.
fn ok(args: &[&str]) -> (String, String) {
    let out = a64sim(args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "a64sim {args:?}: {err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

/// Runs `a64sim ARGS`, which must fail with status 2 and one line on stderr (and nothing
/// on stdout); returns that line.
fn usage_error(args: &[&str]) -> String {
    let out = a64sim(args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "a64sim {args:?}: {err}");
    assert!(out.stdout.is_empty(), "a64sim {args:?} wrote to stdout");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "a64sim {args:?}: not one line: {err}");
    assert!(lines[0].starts_with("a64sim: "), "{err}");
    lines[0].to_string()
}

// ---------------------------------------------------------------- a minimal JSON reader

/// A JSON value (a64sim's summaries use no escapes other than `\"` and `\\`).
#[derive(Clone, Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(BTreeMap<String, Json>),
}

impl Json {
    fn parse(text: &str) -> Json {
        let mut p = Parser {
            s: text.trim().as_bytes(),
            i: 0,
        };
        let v = p.value();
        assert_eq!(p.i, p.s.len(), "trailing text after the JSON value: {text}");
        v
    }

    /// The member `key` of an object.
    fn get(&self, key: &str) -> &Json {
        match self {
            Json::Obj(m) => m
                .get(key)
                .unwrap_or_else(|| panic!("no member `{key}` in {self:?}")),
            _ => panic!("not an object: {self:?}"),
        }
    }

    fn num(&self) -> f64 {
        match self {
            Json::Num(n) => *n,
            _ => panic!("not a number: {self:?}"),
        }
    }

    /// A number that must be a whole, non-negative one.
    fn u64(&self) -> u64 {
        let n = self.num();
        assert!(n >= 0.0 && n.fract() == 0.0, "not a count: {n}");
        n as u64
    }

    fn str(&self) -> &str {
        match self {
            Json::Str(s) => s,
            _ => panic!("not a string: {self:?}"),
        }
    }

    fn arr(&self) -> &[Json] {
        match self {
            Json::Arr(v) => v,
            _ => panic!("not an array: {self:?}"),
        }
    }

    /// The counts of an array of counts.
    fn counts(&self) -> Vec<u64> {
        self.arr().iter().map(Json::u64).collect()
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&mut self) -> u8 {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
        *self.s.get(self.i).expect("unexpected end of JSON")
    }

    fn eat(&mut self, c: u8) {
        assert_eq!(self.peek(), c, "at byte {}", self.i);
        self.i += 1;
    }

    fn value(&mut self) -> Json {
        match self.peek() {
            b'{' => {
                self.eat(b'{');
                let mut m = BTreeMap::new();
                if self.peek() != b'}' {
                    loop {
                        let k = self.string();
                        self.eat(b':');
                        m.insert(k, self.value());
                        if self.peek() == b',' {
                            self.eat(b',');
                        } else {
                            break;
                        }
                    }
                }
                self.eat(b'}');
                Json::Obj(m)
            }
            b'[' => {
                self.eat(b'[');
                let mut v = Vec::new();
                if self.peek() != b']' {
                    loop {
                        v.push(self.value());
                        if self.peek() == b',' {
                            self.eat(b',');
                        } else {
                            break;
                        }
                    }
                }
                self.eat(b']');
                Json::Arr(v)
            }
            b'"' => Json::Str(self.string()),
            _ => {
                let start = self.i;
                while self.i < self.s.len() && !b",]} \n".contains(&self.s[self.i]) {
                    self.i += 1;
                }
                match std::str::from_utf8(&self.s[start..self.i]).unwrap() {
                    "null" => Json::Null,
                    "true" => Json::Bool(true),
                    "false" => Json::Bool(false),
                    n => Json::Num(n.parse().unwrap_or_else(|_| panic!("bad number `{n}`"))),
                }
            }
        }
    }

    fn string(&mut self) -> String {
        self.eat(b'"');
        let mut out = Vec::new();
        while self.s[self.i] != b'"' {
            if self.s[self.i] == b'\\' {
                self.i += 1;
            }
            out.push(self.s[self.i]);
            self.i += 1;
        }
        self.i += 1;
        String::from_utf8(out).unwrap()
    }
}

// ---------------------------------------------------------------- a64sim run --timing

/// `a64sim run IMAGE --json ARGS`: the JSON summary.
fn run_json(img: &str, args: &[&str]) -> Json {
    let mut all = vec!["run", img, "--json"];
    all.extend_from_slice(args);
    let (_, err) = ok(&all);
    Json::parse(&err)
}

fn preset(name: &str) -> &'static Preset {
    Preset::by_name(name).unwrap()
}

#[test]
fn timed_run_prints_cycles_and_ipc() {
    let p = preset("a55");
    let (_, err) = ok(&["run", &image("acqrel"), "--timing", "a55"]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    // a64sim: 6952 instructions in 0.001 s (5.8 MIPS); guest exited with status 0
    let insns: u64 = lines[0]
        .strip_prefix("a64sim: ")
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{err}"));
    assert!(lines[0].ends_with("guest exited with status 0"), "{err}");
    // a64sim: timing a55: 12852 cycles (0.007 ms at 1800 MHz), IPC 0.541; L1D refills ...
    let rest = lines[1]
        .strip_prefix("a64sim: timing a55: ")
        .unwrap_or_else(|| panic!("{err}"));
    let cycles: u64 = rest.split(' ').next().unwrap().parse().unwrap();
    assert!(
        rest.contains(&format!(" ms at {} MHz), IPC ", p.freq_hz / 1_000_000)),
        "{err}"
    );
    let ipc: f64 = rest
        .split("IPC ")
        .nth(1)
        .and_then(|s| s.split(';').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(cycles > 0 && insns > 0);
    assert!(
        (ipc - insns as f64 / cycles as f64).abs() <= 0.0005,
        "IPC {ipc} for {insns} instructions in {cycles} cycles"
    );
    for what in [
        "L1D refills ",
        "L1I refills ",
        "L1D TLB refills ",
        "branch mispredictions ",
        "exceptions ",
    ] {
        assert!(rest.contains(what), "no `{what}` in {err}");
    }
}

#[test]
fn json_timing_member_agrees_with_the_summary() {
    let plain = run_json(&el_walk(), &["--timing", "functional"]);
    let base = plain.get("timing").get("events_by_el");
    for name in ["functional", "a55", "n1"] {
        let p = preset(name);
        let j = run_json(&el_walk(), &["--timing", name]);
        let insns = j.get("instructions").u64();
        let cycles = j.get("cycles").u64();
        let t = j.get("timing");
        assert_eq!(t.get("preset").str(), name);
        assert_eq!(t.get("cycles").u64(), cycles, "{name}");
        assert_eq!(t.get("freq_hz").u64(), p.freq_hz, "{name}");
        let ipc = t.get("ipc").num();
        assert!(
            (ipc - insns as f64 / cycles as f64).abs() <= 0.00005,
            "{name}: ipc {ipc}"
        );
        let ev = t.get("events_by_el");
        for key in [
            "inst_retired",
            "cpu_cycles",
            "l1d_cache_refill",
            "l1i_cache_refill",
            "l1d_tlb_refill",
            "br_mis_pred",
            "exc_taken",
        ] {
            assert_eq!(ev.get(key).arr().len(), 4, "{name} {key}: one count per EL");
        }
        // Every instruction retires into the model at its EL, and every cycle is charged
        // to some EL (exception entry and ERET to the EL they leave).
        assert_eq!(
            ev.get("inst_retired").counts().iter().sum::<u64>(),
            insns,
            "{name}"
        );
        assert_eq!(
            ev.get("cpu_cycles").counts().iter().sum::<u64>(),
            cycles,
            "{name}"
        );
        // The model changes time, not what runs: the same instructions at each EL and
        // the same exceptions as under the functional preset.
        for key in ["inst_retired", "exc_taken"] {
            assert_eq!(ev.get(key), base.get(key), "{name} {key}");
        }
        assert!(ev.get("exc_taken").counts().iter().sum::<u64>() > 0);
    }
}

#[test]
fn functional_is_one_cycle_per_instruction() {
    let j = run_json(&el_walk(), &["--timing", "functional"]);
    let insns = j.get("instructions").u64();
    assert_eq!(j.get("cycles").u64(), insns);
    let t = j.get("timing");
    assert_eq!(t.get("cycles").u64(), insns);
    assert_eq!(t.get("ipc").num(), 1.0);
    let ev = t.get("events_by_el");
    assert_eq!(ev.get("cpu_cycles"), ev.get("inst_retired"));
    // No caches, TLBs or predictor.
    for key in [
        "l1d_cache_refill",
        "l1i_cache_refill",
        "l1d_tlb_refill",
        "br_mis_pred",
    ] {
        assert_eq!(ev.get(key).counts(), [0; 4], "{key}");
    }
    // Without --timing there is no model and no timing member.
    let off = run_json(&el_walk(), &["--timing", "off"]);
    assert_eq!(off.get("instructions").u64(), insns);
    assert!(matches!(&off, Json::Obj(m) if !m.contains_key("timing") && !m.contains_key("cycles")));
}

#[test]
fn same_image_and_options_give_identical_cycles() {
    for args in [
        &["--timing", "a55"][..],
        &["--timing", "n1"],
        &["--timing", "a55", "--timing-set", "l1d.size=8K"],
    ] {
        let a = run_json(&el_walk(), args);
        let b = run_json(&el_walk(), args);
        assert_eq!(a.get("cycles"), b.get("cycles"), "{args:?}");
        assert_eq!(a.get("timing"), b.get("timing"), "{args:?}");
    }
    // An override that matters changes the count (and the model really ran).
    let slow = run_json(
        &el_walk(),
        &["--timing", "a55", "--timing-set", "bp.penalty=30"],
    );
    let base = run_json(&el_walk(), &["--timing", "a55"]);
    assert!(slow.get("cycles").u64() > base.get("cycles").u64());
}

#[test]
fn a_bad_preset_or_key_is_one_line_naming_the_valid_choices() {
    let img = el_walk();
    let line = usage_error(&["run", &img, "--timing", "bogus"]);
    assert!(line.contains("`bogus`"), "{line}");
    for p in PRESETS {
        assert!(line.contains(p.name), "{line} does not name {}", p.name);
    }

    let line = usage_error(&[
        "run",
        &img,
        "--timing",
        "a55",
        "--timing-set",
        "l1d.sise=64K",
    ]);
    assert!(line.contains("`l1d.sise`"), "{line}");
    for (key, _) in TimingConfig::keys() {
        assert!(line.contains(key), "{line} does not name {key}");
    }

    // A known key with a value out of range, or no `=`: one line saying so.
    let line = usage_error(&["run", &img, "--timing", "n1", "--timing-set", "width=9"]);
    assert!(line.contains("between 1 and 8"), "{line}");
    let line = usage_error(&["run", &img, "--timing", "n1", "--timing-set", "width"]);
    assert!(line.contains("KEY=VALUE"), "{line}");
}

#[test]
fn timing_set_needs_a_preset() {
    let img = el_walk();
    for args in [
        &["run", &img, "--timing-set", "l1d.size=64K"][..],
        &[
            "run",
            &img,
            "--timing",
            "off",
            "--timing-set",
            "l1d.size=64K",
        ],
    ] {
        let line = usage_error(args);
        assert!(line.contains("--timing PRESET"), "{line}");
    }
}

// ---------------------------------------------------------------- a64sim bench-traps

/// The paths of `bench-traps`, in the guest's order (tests/asm/trap_paths.S).
const PATHS: [&str; 8] = [
    "hvc",
    "smc",
    "svc",
    "mrs_tid3",
    "msr_gcr_ata",
    "s2_abort",
    "wfi",
    "tag_fault",
];

/// Paths whose trapping instruction is exception-generating (HVC, SMC, SVC): it retires
/// like the NOP of the baseline loop, and it serialises, so nothing is in flight when the
/// exception is taken.
const GENERATED: [&str; 3] = ["hvc", "smc", "svc"];

#[test]
fn bench_traps_json_follows_the_model() {
    let (out, err) = ok(&["bench-traps", "--json"]);
    let j = Json::parse(&out);
    let presets = j.get("presets").arr();
    let names: Vec<&str> = presets.iter().map(|p| p.get("preset").str()).collect();
    let all: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
    assert_eq!(names, all, "every preset, in table order");
    for name in &all {
        assert!(
            err.contains(&format!("preset {name}: ")),
            "no progress line for {name}: {err}"
        );
    }
    let insns = presets[0].get("instructions").u64();
    for pj in presets {
        let name = pj.get("preset").str();
        let p = preset(name);
        // The same program runs under every preset.
        assert_eq!(pj.get("instructions").u64(), insns, "{name}");
        let paths = pj.get("paths").arr();
        let got: Vec<&str> = paths.iter().map(|x| x.get("path").str()).collect();
        assert_eq!(got, PATHS, "{name}");
        let refill = f64::from(p.branch.mispredict_penalty);
        let entry_min = f64::from(p.exception_entry) + refill;
        let eret_cost = f64::from(p.exception_return) + refill;
        for x in paths {
            let path = x.get("path").str();
            let at = format!("{name} {path}");
            assert_eq!(x.get("iterations").u64(), 64, "{at}");
            assert!(x.get("traps").u64() >= 64, "{at}");
            let round_trip = x.get("round_trip_cycles").num();
            assert!(round_trip > 0.0, "{at}");
            let entry = x.get("entry_cycles").num();
            let eret = x.get("eret_cycles").num();
            let handler = x.get("handler_cycles").num();
            assert!(handler > 0.0, "{at}");
            // Exception entry = drain + pipeline refill (the mispredict penalty) + the
            // preset's fixed cost; ERET likewise. The functional preset's are all zero.
            assert!(entry >= entry_min, "{at}: entry {entry} < {entry_min}");
            // An ERET serialises (it issues after everything older has completed), so
            // there is nothing left to drain after it.
            assert_eq!(eret, eret_cost, "{at}: eret");
            if GENERATED.contains(&path) {
                assert_eq!(
                    entry, entry_min,
                    "{at}: entry after a serialising instruction"
                );
                // The guest's round trip includes the entry and the ERET.
                assert!(round_trip >= entry + eret, "{at}: {round_trip}");
            }
        }
        if name == "functional" {
            assert_eq!(pj.get("cycles").u64(), insns);
            functional_round_trips(paths);
        } else {
            assert!(pj.get("cycles").u64() > insns, "{name}");
        }
    }
}

/// Under the functional preset a round trip is the number of instructions it adds to the
/// NOP loop, which trap_paths.S fixes.
fn functional_round_trips(paths: &[Json]) {
    let row = |name: &str| paths.iter().find(|x| x.get("path").str() == name).unwrap();
    // hvc, smc and svc trap to a BT_STUB vector slot: `cbnz x17, <service>` (x17 = 0, not
    // taken), `mrs x16, esr_elN`, `add x18, x18, #1`, `eret`: 4 instructions; the HVC, SMC
    // or SVC retires in place of the baseline's NOP, and entry and ERET cost nothing.
    for path in GENERATED {
        let x = row(path);
        assert_eq!(x.get("round_trip_cycles").num(), 4.0, "{path}");
        assert_eq!(x.get("entry_cycles").num(), 0.0, "{path}");
        assert_eq!(x.get("eret_cycles").num(), 0.0, "{path}");
        assert_eq!(x.get("handler_cycles").num(), 4.0, "{path}");
    }
    // smc has no service calls, so every trap is one of the 64 round trips.
    assert_eq!(row("smc").get("traps").u64(), 64);
    assert_eq!(row("smc").get("handler_insns").num(), 4.0);
    // The trapped MRS, the trapped WFI and the tag-check-faulting load do not retire (the
    // handler skips them with ELR += 4), so the round trip is one less than the handler;
    // the stage-2-faulting load is retried and retires after its handler.
    for (path, missing) in [
        ("mrs_tid3", 1.0),
        ("wfi", 1.0),
        ("tag_fault", 1.0),
        ("s2_abort", 0.0),
    ] {
        let x = row(path);
        assert_eq!(
            x.get("round_trip_cycles").num(),
            x.get("handler_insns").num() - missing,
            "{path}"
        );
    }
}

#[test]
fn bench_traps_plot_names_every_path_and_preset() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("traps.svg");
    let svg_arg = svg.display().to_string();
    let (out, err) = ok(&["bench-traps", "--plot", &svg_arg]);
    assert!(err.contains(&format!("wrote {svg_arg}")), "{err}");
    // The table still goes to stdout: one row per path and preset.
    for path in PATHS {
        for p in PRESETS {
            assert!(
                out.lines()
                    .any(|l| l.split_whitespace().take(2).eq([path, p.name])),
                "no row {path} {} in {out}",
                p.name
            );
        }
    }
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg"), "{}", &text[..text.len().min(200)]);
    assert!(text.trim_end().ends_with("</svg>"));
    // The labels: the contents of the <text> elements.
    let labels: Vec<&str> = text
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>'))
        .filter_map(|(_, rest)| rest.split_once("</text>"))
        .map(|(label, _)| label.trim())
        .collect();
    for name in PATHS.iter().copied().chain(PRESETS.iter().map(|p| p.name)) {
        assert!(labels.contains(&name), "no label {name} in {labels:?}");
    }
}

#[test]
fn bench_traps_rejects_a_bad_preset_or_key_before_running() {
    let line = usage_error(&["bench-traps", "--preset", "a55", "--preset", "bogus"]);
    assert!(line.contains("--preset bogus"), "{line}");
    for p in PRESETS {
        assert!(line.contains(p.name), "{line} does not name {}", p.name);
    }
    let line = usage_error(&["bench-traps", "--timing-set", "nope=1"]);
    assert!(
        line.contains("`nope`") && line.contains("l1d.size"),
        "{line}"
    );
}

/// Every `TLBI VMALLE1` empties the model's TLBs: in tests/asm/bench_tlbi_loop.S (nine
/// instructions per iteration, one TLBI and one load of the same page each), every
/// iteration's load walks again, so the L1D TLB refills follow the iterations.
#[test]
fn tlbi_makes_the_next_access_walk_again() {
    let budget = 900_000u64;
    let j = run_json(
        &image("bench_tlbi_loop"),
        &["--timing", "a55", "--max-insns", &budget.to_string()],
    );
    let refills = j
        .get("timing")
        .get("events_by_el")
        .get("l1d_tlb_refill")
        .counts();
    // At most this many iterations fit in the budget (the set-up before the loop takes
    // about 12 000 instructions); without the invalidation the loop would refill once.
    let iterations = budget / 9;
    assert!(
        refills[1] >= iterations * 97 / 100 && refills[1] <= iterations + 10,
        "EL1 L1D TLB refills {refills:?} for at most {iterations} TLBIs"
    );
}
