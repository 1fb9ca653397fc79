//! How long one `CycleModel::retire` call takes for each preset, with the MMU off and on,
//! on two streams: `loop`, a 16-instruction loop body (loads and stores streaming through
//! 64 KB, ALU, multiply, a loop branch that exits every 64 iterations into a call and
//! return), which is what guest hot loops look like to the host's branch predictor; and
//! `random`, 4096 instructions of random classes and registers over a 16 KB working set
//! (the host mispredicts the model's own branches often: a pessimistic bound). Run it
//! optimised:
//! `cargo run --release -p a64sim-timing --example retire_speed [calls [preset]]`.
//!
//! On Linux the figure is on-CPU time (`/proc/thread-self/schedstat`), so time spent
//! descheduled on a busy machine does not count; elsewhere it is wall time.

use a64sim_arch::El;
use a64sim_timing::{
    reg, CoreModel, CycleModel, EventTotals, MemAccess, Op, OpClass, Retired, PRESETS,
};
use std::hint::black_box;
use std::time::Instant;

fn op(class: OpClass, src: &[u8], dst: &[u8]) -> Op {
    let mut o = Op::new(class);
    o.src[..src.len()].copy_from_slice(src);
    o.dst[..dst.len()].copy_from_slice(dst);
    o.bytes = 8;
    o
}

/// `iterations` runs of a 16-instruction loop body.
fn loop_stream(iterations: usize, walk_reads: u8) -> Vec<(Op, Retired)> {
    use OpClass::*;
    let body = [
        (op(Load, &[0], &[1, 0]), true),
        (op(Alu, &[2, 1], &[2]), false),
        (op(Load, &[4, 5], &[3]), true),
        (op(Mul, &[3, 7], &[6]), false),
        (op(Store, &[6, 8], &[8]), true),
        (op(AluComplex, &[6], &[9]), false),
        (op(Alu, &[9, 2], &[10]), false),
        (op(Alu, &[5], &[5]), false),
        (op(Load, &[0], &[11]), true),
        (op(Alu, &[11, 10], &[10]), false),
        (op(Alu, &[12], &[12]), false),
        (op(Store, &[10, 8], &[]), true),
        (op(Alu, &[13, 12], &[13]), false),
        (op(Alu, &[14], &[14, 32]), false),
        (op(Alu, &[13], &[15]), false),
        (op(CondBranch, &[32], &[]), false),
    ];
    let top = 0x40_1000u64;
    let mut v = Vec::new();
    let mut addr = 0u64;
    for it in 0..iterations {
        for (k, &(o, mem)) in body.iter().enumerate() {
            let pc = top + 4 * k as u64;
            let mut r = Retired {
                pc,
                fetch_pa: pc,
                next_pc: pc + 4,
                el: El::El0,
                mem: None,
                ctx: 1,
                walk_reads,
            };
            if mem {
                addr = (addr + 8) % (64 * 1024);
                let va = 0x7f_0000_0000 + addr;
                r.mem = Some(MemAccess {
                    va,
                    pa: va & 0xffff_ffff,
                });
            }
            let exit = it % 64 == 63;
            if o.class == CondBranch && !exit {
                r.next_pc = top;
            }
            v.push((o, r));
        }
        if it % 64 == 63 {
            let after = top + 4 * body.len() as u64;
            let mut call = Retired {
                pc: after,
                fetch_pa: after,
                next_pc: 0x40_8000,
                el: El::El0,
                mem: None,
                ctx: 1,
                walk_reads,
            };
            v.push((op(Call, &[], &[30]), call));
            call.pc = 0x40_8000;
            call.next_pc = after + 4;
            v.push((op(Return, &[30], &[]), call));
            call.pc = after + 4;
            call.next_pc = top;
            v.push((op(Branch, &[], &[]), call));
        }
    }
    v
}

/// A deterministic stream of `n` random instructions; `walk_reads` reads per walk.
fn random_stream(n: usize, walk_reads: u8) -> Vec<(Op, Retired)> {
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let mut rnd = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut v = Vec::with_capacity(n);
    let mut pc = 0x40_0000u64;
    for i in 0..n {
        let k = rnd();
        let class = match k % 100 {
            0..=44 => OpClass::Alu,
            45..=49 => OpClass::AluComplex,
            50..=53 => OpClass::Mul,
            54..=73 => OpClass::Load,
            74..=83 => OpClass::Store,
            84..=95 => OpClass::CondBranch,
            96..=97 => OpClass::Call,
            _ => OpClass::Return,
        };
        let r = |s: u32| ((k >> s) % 31) as u8;
        let mut op = Op::new(class);
        op.src = [r(8), r(13), reg::NONE, reg::NONE];
        op.dst = [r(18), reg::NONE, reg::NONE];
        op.bytes = 8;
        let mut ret = Retired {
            pc,
            fetch_pa: pc,
            next_pc: pc + 4,
            el: El::El0,
            mem: None,
            ctx: 1,
            walk_reads,
        };
        if class.is_memory() {
            let va = 0x7f_0000_0000 + ((k >> 24) & 0x3ff8);
            ret.mem = Some(MemAccess {
                va,
                pa: va & 0xffff_ffff,
            });
        }
        // Loop-like branches: mostly taken back a little; every 16th one data-dependent.
        if class == OpClass::CondBranch && (i % 16 != 0 || k & 0x100 != 0) {
            ret.next_pc = pc.saturating_sub(64).max(0x40_0000);
        }
        pc = ret.next_pc;
        v.push((op, ret));
    }
    v
}

/// Nanoseconds this thread has run on a CPU, if the OS says.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Runs `f`, returning its on-CPU (or wall) nanoseconds.
fn timed(f: impl FnOnce()) -> f64 {
    let (wall, cpu) = (Instant::now(), cpu_ns());
    f();
    match (cpu, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64,
        _ => wall.elapsed().as_nanos() as f64,
    }
}

fn main() {
    let calls: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000_000);
    let only = std::env::args().nth(2);
    for (name, make) in [
        ("loop", loop_stream as fn(usize, u8) -> Vec<(Op, Retired)>),
        ("random", random_stream),
    ] {
        for walk_reads in [0u8, 4] {
            let s = make(if name == "loop" { 1024 } else { 4096 }, walk_reads);
            run(name, &s, walk_reads, calls, only.as_deref());
        }
    }
}

/// Times `calls` retires of the repeated stream `s` for each preset (or only `only`):
/// one model alone (each call waits for the state the previous one stored: a latency
/// bound), and four models fed the same stream in turn (their chains overlap, as the
/// model's work overlaps the interpreter's in a real run: nearer the throughput cost).
fn run(name: &str, s: &[(Op, Retired)], walk_reads: u8, calls: u64, only: Option<&str>) {
    for p in PRESETS {
        if only.is_some_and(|o| o != p.name) {
            continue;
        }
        let mut m = CoreModel::new(p);
        let mut ev = EventTotals::default();
        let mut done = 0u64;
        let alone = timed(|| {
            while done < calls {
                for (op, r) in black_box(s) {
                    m.retire(op, r, &mut ev);
                }
                done += s.len() as u64;
            }
        }) / done as f64;
        let mut ms = [0; 4].map(|_| (CoreModel::new(p), EventTotals::default()));
        let mut n = 0u64;
        let four = timed(|| {
            while n < calls {
                for (op, r) in black_box(s) {
                    for (m, ev) in &mut ms {
                        m.retire(op, r, ev);
                    }
                }
                n += s.len() as u64;
            }
        }) / (4 * n) as f64;
        assert!(ms.iter().all(|(x, _)| x.cycles() == ms[0].0.cycles()));
        println!(
            "{:<10} {:<6} mmu {:<3}  {:6.2} ns/retire alone, {:6.2} interleaved  IPC {:.2}",
            p.name,
            name,
            if walk_reads == 0 { "off" } else { "on" },
            alone,
            four,
            done as f64 / black_box(m.cycles()) as f64
        );
    }
}
