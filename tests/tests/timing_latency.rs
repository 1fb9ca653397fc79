//! Latency microbenchmarks of the cycle model: `tests/asm/timing_latency.S` times, from
//! the guest with PMCCNTR_EL0, chains of K and 2K dependent instructions (ADD, MUL, SDIV X,
//! UDIV W, a load chain that hits the L1D, one that misses every level) and a block whose
//! conditional branch follows an LFSR bit against the same block with the branch always
//! taken, with PMU event counters for BR_MIS_PRED, L1D_CACHE_REFILL and INST_RETIRED. It
//! leaves the counts in the table `latency_results` (layout at the top of the source).
//!
//! Under every preset, with the cycle model told about every instruction
//! (`TrapTracer<CoreModel, true>`, as `--timing`), the measured latencies must equal the
//! preset table's numbers (read from [`Preset`], never written here), and two runs of the
//! same image under the same options must give bit-identical counts.

use a64sim_cpu::{StopReason, TrapTracer};
use a64sim_machine::{load_image, Console, Image, Machine, MachineConfig};
use a64sim_tests::workspace_root;
use a64sim_timing::{CoreKind, CoreModel, CycleModel, OpClass, Preset, TimingConfig, PRESETS};
use std::path::PathBuf;

/// `latency_results` starts with this once the program has filled it ("LATBENCH").
const MAGIC: u64 = 0x4843_4e45_4254_414c;
/// Header bytes, then entries of this many bytes.
const HDR: u64 = 16;
const ENTRY: u64 = 96;
/// Instructions the program may run (it runs about 200,000).
const BUDGET: u64 = 20_000_000;

/// The counts of one timed block: PMCCNTR_EL0 and event counters 0-2, after minus before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Counts {
    cycles: u64,
    mispredicts: u64,
    l1d_refills: u64,
    instructions: u64,
}

/// One row of `latency_results`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    name: String,
    /// Links of the short chain (the long one has 2K); copies of the branch block.
    k: u64,
    /// Load rows: the ring's stride in bytes and its number of nodes.
    stride: u32,
    nodes: u32,
    /// The K chain (branch row: the always-taken run).
    a: Counts,
    /// The 2K chain (branch row: the random run).
    b: Counts,
}

impl Row {
    /// Cycles per link: (cycles(2K) - cycles(K)) / K, which must be whole.
    fn per_link(&self) -> u64 {
        let d = self.b.cycles - self.a.cycles;
        assert_eq!(
            d % self.k,
            0,
            "{}: {d} cycles for {} more links is not a whole number per link",
            self.name,
            self.k
        );
        d / self.k
    }
}

/// The result of one run: the table, its raw bytes, the model's cycle count and the output.
struct Measured {
    rows: Vec<Row>,
    raw: Vec<u8>,
    cycles: u64,
    retired: u64,
    output: Vec<u8>,
}

impl Measured {
    fn row(&self, name: &str) -> &Row {
        self.rows
            .iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("latency_results has no row `{name}`"))
    }
}

fn elf() -> PathBuf {
    workspace_root().join("tests/images/timing_latency.elf")
}

fn image() -> Image {
    load_image(&elf(), None).unwrap_or_else(|e| panic!("{e}"))
}

/// Runs the program with every instruction told to `model` and reads its table.
fn measure(image: &Image, model: CoreModel) -> Measured {
    let name = model.name();
    let (console, out) = Console::capture();
    let mut machine = Machine::new(&MachineConfig::default(), console);
    machine.load(image).unwrap_or_else(|e| panic!("{e}"));
    let mut tracer = TrapTracer::<CoreModel, true>::new(model, machine.cpu.pe.retired);
    tracer.install(&mut machine.cpu.pe);
    let outcome = machine.run_traced(BUDGET, &mut tracer);
    let output = out.lock().unwrap().clone();
    assert!(
        matches!(outcome.reason, StopReason::Exit(0)),
        "{name}: the program did not finish ({:?}); its output:\n{}",
        outcome.reason,
        String::from_utf8_lossy(&output)
    );
    let table = image
        .symbol("latency_results")
        .expect("timing_latency.elf defines latency_results");
    let mut head = [0u8; HDR as usize];
    assert!(machine.mem.read_bytes(table, &mut head));
    let word = |b: &[u8], at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap());
    assert_eq!(
        word(&head, 0),
        MAGIC,
        "{name}: latency_results was not filled"
    );
    let count = word(&head, 8);
    assert!(count <= 16, "{name}: latency_results claims {count} rows");
    let mut raw = vec![0u8; (HDR + count * ENTRY) as usize];
    assert!(machine.mem.read_bytes(table, &mut raw));
    let counts = |e: &[u8], at: usize| Counts {
        cycles: word(e, at),
        mispredicts: word(e, at + 8),
        l1d_refills: word(e, at + 16),
        instructions: word(e, at + 24),
    };
    let rows = raw[HDR as usize..]
        .chunks(ENTRY as usize)
        .map(|e| {
            let end = e[..16].iter().position(|&c| c == 0).unwrap_or(16);
            Row {
                name: String::from_utf8_lossy(&e[..end]).into_owned(),
                k: word(e, 16),
                stride: u32::from_le_bytes(e[24..28].try_into().unwrap()),
                nodes: u32::from_le_bytes(e[28..32].try_into().unwrap()),
                a: counts(e, 32),
                b: counts(e, 64),
            }
        })
        .collect();
    Measured {
        rows,
        raw,
        cycles: tracer.model.cycles(),
        retired: outcome.retired,
        output,
    }
}

fn model(name: &str) -> CoreModel {
    TimingConfig::new(name).unwrap().build().unwrap()
}

/// The chain rows with the latency of one link a preset promises (the row's class and
/// operand width; for loads the load-to-use latency of the level that answers).
fn expected_links(p: &Preset) -> [(&'static str, u64); 6] {
    let timed = p.kind != CoreKind::Functional;
    let one = |lat: u64| if timed { lat } else { 1 };
    [
        ("add_x", one(p.latency(OpClass::Alu, 8))),
        ("mul_x", one(p.latency(OpClass::Mul, 8))),
        ("sdiv_x", one(p.latency(OpClass::Div, 8))),
        ("udiv_w", one(p.latency(OpClass::Div, 4))),
        // An L1D hit: Preset::latency gives l1d.latency for loads.
        ("load_l1_hit", one(p.latency(OpClass::Load, 8))),
        // A load that misses the L1D and the L2: the hierarchy answers with the memory
        // latency, which is load-to-use in total (not added to the L1 or L2 latency); with
        // the MMU off there is no translation and so no TLB or walk term.
        ("load_mem_miss", one(u64::from(p.mem_latency))),
    ]
}

/// The per-link latencies, the cycles per mispredict and the cycles the mispredicts do
/// not explain, for the summary.
type Summary = (Vec<(&'static str, u64)>, f64, u64);

/// Checks every row of `m` against preset `p`.
fn check(p: &Preset, m: &Measured) -> Summary {
    let name = p.name;
    let timed = p.kind != CoreKind::Functional;
    let mut got = Vec::new();
    for (row, want) in expected_links(p) {
        let r = m.row(row);
        // The long chain is exactly K more instructions, and nothing but the chain differs.
        assert_eq!(
            r.b.instructions - r.a.instructions,
            r.k,
            "{name} {row}: instructions"
        );
        assert_eq!(
            r.a.mispredicts, 0,
            "{name} {row}: mispredicts in the K chain"
        );
        assert_eq!(
            r.b.mispredicts, 0,
            "{name} {row}: mispredicts in the 2K chain"
        );
        let (refills_a, refills_b) = if timed && row == "load_mem_miss" {
            (r.k, 2 * r.k)
        } else {
            (0, 0)
        };
        assert_eq!(
            (r.a.l1d_refills, r.b.l1d_refills),
            (refills_a, refills_b),
            "{name} {row}: L1D refills of the K and 2K chains"
        );
        assert_eq!(r.per_link(), want, "{name} {row}: cycles per link ({r:?})");
        got.push((row, r.per_link()));
    }

    let br = m.row("branch");
    let extra_insns = br.b.instructions - br.a.instructions;
    let (dc, dm) = (
        br.b.cycles - br.a.cycles,
        br.b.mispredicts - br.a.mispredicts,
    );
    if !timed {
        // No predictor: no mispredicts, one cycle per instruction (the random run also
        // runs the ADD after each branch that is not taken).
        assert_eq!(
            (br.a.mispredicts, br.b.mispredicts),
            (0, 0),
            "{name} branch"
        );
        assert_eq!(dc, extra_insns, "{name} branch: cycles = instructions");
        return (got, 0.0, 0);
    }
    // The always-taken run was warmed up: its branches are all predicted.
    assert_eq!(
        br.a.mispredicts, 0,
        "{name} branch: always-taken mispredicts"
    );
    // The LFSR bit defeats the predictor about half the time.
    assert!(
        dm >= br.k / 4 && dm <= br.k,
        "{name} branch: {dm} mispredicts in {} random branches",
        br.k
    );
    let per = dc as f64 / dm as f64;
    let want = u64::from(p.branch.mispredict_penalty);
    // Both runs execute the same instructions with the same dependences; only the data
    // differ. The differences other than the mispredicts are
    // * the ADD after each branch that is not taken (`extra_insns` of them, about k/2):
    //   in-order it issues in the branch's cycle (it pairs with the branch, in the slot a
    //   taken branch leaves empty); out-of-order it is off the critical path (the LFSR
    //   recurrence, 5 cycles a copy, is longer than the front end's 2 cycles a copy);
    // * the direction: a taken branch ends its issue or fetch group, a not-taken one lets
    //   the ADD join it, and the next copy starts in the following cycle either way.
    // The branch tests the register the next copy's first instruction reads, so it
    // resolves exactly when the recurrence would go on, and each mispredict delays all
    // younger instructions by the penalty: the residual `dc - dm * penalty` is 0 in the
    // model as it stands. The assertion allows a quarter of a cycle a mispredict (about
    // 15 cycles in all), room for a model detail that charges the ADDs or the direction
    // a little (a few cycles), while a penalty off by one cycle moves the total by `dm`
    // (about 60 cycles) and fails.
    let residual = dc.abs_diff(dm * want);
    assert!(
        4 * residual <= dm,
        "{name} branch: {dc} more cycles for {dm} more mispredicts = {per:.3} a \
         mispredict, preset penalty {want} (residual {residual} cycles, {extra_insns} \
         more instructions)"
    );
    (got, per, residual)
}

#[test]
fn latencies_equal_the_preset_table() {
    let image = image();
    let expected = std::fs::read(workspace_root().join("tests/images/timing_latency.expected"))
        .expect("timing_latency.expected");
    for p in PRESETS {
        let m = measure(&image, CoreModel::new(p));
        // The cycle model changes time, never what the program computes.
        assert_eq!(
            m.output,
            expected,
            "{}: output differs from QEMU's at {}",
            p.name,
            a64sim_tests::first_difference(&m.output, &expected)
        );
        let (links, per_mispredict, residual) = check(p, &m);
        let br = m.row("branch");
        eprintln!(
            "{:<10} {} | branch: {} mispredicts, {per_mispredict:.2} cycles each (residual \
             {residual}) | {} cycles, {} instructions",
            p.name,
            links
                .iter()
                .map(|(n, l)| format!("{n} {l}"))
                .collect::<Vec<_>>()
                .join(", "),
            br.b.mispredicts - br.a.mispredicts,
            m.cycles,
            m.retired
        );
    }
}

/// The miss ring defeats every preset's caches: its stride moves an odd number of lines,
/// so node i and node j share a set of a power-of-two-set cache only when i = j modulo
/// the number of sets; the nodes the program visits (6K of them, from node 0) each have
/// more newer nodes of their set written after them by the fill than the cache has ways.
#[test]
fn the_miss_ring_is_larger_than_every_cache() {
    let m = measure(&image(), model("functional"));
    let r = m.row("load_mem_miss");
    let lines = u64::from(r.stride) / 64;
    assert!(
        r.stride >= 4096 + 64 && lines % 2 == 1,
        "stride {}",
        r.stride
    );
    let visited = 6 * r.k;
    for p in PRESETS {
        for (level, g) in [("l1d", p.l1d), ("l2", p.l2)] {
            assert_eq!(u64::from(g.line), 64, "{} {level}", p.name);
            let newer = (u64::from(r.nodes) - visited) / g.sets();
            assert!(
                newer > u64::from(g.assoc),
                "{} {level}: {} nodes leave {newer} newer lines a set, {} ways",
                p.name,
                r.nodes,
                g.assoc
            );
        }
        assert!(u64::from(r.nodes) * u64::from(r.stride) > 64 * p.l2.size);
    }
}

#[test]
fn same_image_and_options_give_identical_cycles() {
    let image = image();
    for name in ["a55", "n1"] {
        let first = measure(&image, model(name));
        let second = measure(&image, model(name));
        assert_eq!(first.raw, second.raw, "{name}: latency_results differ");
        assert_eq!(first.cycles, second.cycles, "{name}: model cycles differ");
        assert_eq!(first.retired, second.retired, "{name}: instructions differ");
        assert!(
            first.cycles > first.retired,
            "{name}: a timed model is slower than 1 IPC here"
        );
    }
}

#[test]
fn overrides_change_the_measured_latency() {
    let image = image();
    for name in ["a55", "n1"] {
        let base = Preset::by_name(name).unwrap();
        let mut config = TimingConfig::new(name).unwrap();
        // Values no preset uses, so a change cannot go unnoticed.
        for s in [
            "lat.mul=7",
            "lat.div=33",
            "l1d.latency=6",
            "mem.latency=321",
            "bp.penalty=17",
        ] {
            config.apply(s).unwrap();
        }
        let p = config.preset();
        assert_ne!(p.latency(OpClass::Mul, 8), base.latency(OpClass::Mul, 8));
        let m = measure(&image, config.build().unwrap());
        assert_eq!(m.row("mul_x").per_link(), 7, "{name} lat.mul=7");
        assert_eq!(m.row("sdiv_x").per_link(), 33, "{name} lat.div=33 (X)");
        assert_eq!(m.row("udiv_w").per_link(), 33, "{name} lat.div=33 (W)");
        assert_eq!(m.row("load_l1_hit").per_link(), 6, "{name} l1d.latency=6");
        assert_eq!(
            m.row("load_mem_miss").per_link(),
            321,
            "{name} mem.latency=321"
        );
        check(p, &m);
        // And the unchanged rows still follow the table.
        assert_eq!(m.row("add_x").per_link(), base.latency(OpClass::Alu, 8));
    }
}
