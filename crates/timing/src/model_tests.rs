//! Model-level tests: synthetic instruction streams through [`CoreModel::retire`] for
//! every preset, checked against the numbers in the preset's own table row.

use crate::core::CoreModel;
use crate::model::CycleModel;
use crate::op::{reg, Event, EventTotals, MemAccess, Op, OpClass, Retired};
use crate::preset::{CoreKind, Preset, PRESETS};
use a64sim_arch::El;

const NONE: u8 = reg::NONE;

fn op(class: OpClass, src: &[u8], dst: &[u8], bytes: u8) -> Op {
    let mut o = Op::new(class);
    o.src[..src.len()].copy_from_slice(src);
    o.dst[..dst.len()].copy_from_slice(dst);
    o.bytes = bytes;
    o
}

/// One retired instruction at `pc` that falls through.
fn at(pc: u64) -> Retired {
    Retired {
        pc,
        fetch_pa: pc,
        next_pc: pc + 4,
        el: El::El1,
        mem: None,
        ctx: 0,
        walk_reads: 0,
    }
}

/// The `i`th instruction of a straight-line stream that stays in one fetch line.
fn nth(i: usize) -> Retired {
    at(0x1000 + 4 * (i as u64 % 16))
}

fn with_mem(mut r: Retired, pa: u64) -> Retired {
    r.mem = Some(MemAccess { va: pa, pa });
    r
}

/// Cycles of `n` instructions made by `f`.
fn run(p: &Preset, n: usize, f: &dyn Fn(usize) -> (Op, Retired)) -> u64 {
    let mut m = CoreModel::new(p);
    let mut ev = EventTotals::default();
    for i in 0..n {
        let (o, r) = f(i);
        m.retire(&o, &r, &mut ev);
    }
    assert_eq!(ev.get(Event::InstRetired, El::El1), n as u64);
    assert_eq!(ev.get(Event::CpuCycles, El::El1), m.cycles());
    m.cycles()
}

/// Cycles per instruction in steady state: (cycles of 2N − cycles of N) / N, exactly.
fn per_op(p: &Preset, f: &dyn Fn(usize) -> (Op, Retired)) -> u64 {
    const N: usize = 64;
    let d = run(p, 2 * N, f) - run(p, N, f);
    assert_eq!(
        d % N as u64,
        0,
        "{}: {d} cycles for {N} instructions",
        p.name
    );
    d / N as u64
}

#[test]
fn dependent_chains_cost_the_published_latency() {
    for p in PRESETS {
        for (class, bytes) in [
            (OpClass::Alu, 8),
            (OpClass::AluComplex, 8),
            (OpClass::Mul, 4),
            (OpClass::Mul, 8),
            (OpClass::MulHigh, 8),
            (OpClass::Div, 4),
            (OpClass::Div, 8),
        ] {
            let chain = |i| (op(class, &[0, 1], &[0], bytes), nth(i));
            assert_eq!(
                per_op(p, &chain),
                p.latency(class, bytes),
                "{} {class:?} {bytes}",
                p.name
            );
        }
    }
}

#[test]
fn load_to_use_on_an_l1_hit() {
    for p in PRESETS {
        let chase = |i| (op(OpClass::Load, &[0], &[0], 8), with_mem(nth(i), 0x8000));
        assert_eq!(per_op(p, &chase), u64::from(p.l1d.latency), "{}", p.name);
        assert_eq!(p.latency(OpClass::Load, 8), u64::from(p.l1d.latency));
    }
}

#[test]
fn loads_that_miss_to_memory() {
    for p in PRESETS {
        // Every load touches a line never seen before: it misses L1 and L2.
        let chase = |i| {
            let pa = 0x100_0000 + 64 * i as u64;
            (op(OpClass::Load, &[0], &[0], 8), with_mem(nth(i), pa))
        };
        assert_eq!(per_op(p, &chase), u64::from(p.mem_latency), "{}", p.name);
    }
}

#[test]
fn loads_that_hit_l2() {
    for p in PRESETS {
        if p.kind == CoreKind::Functional {
            continue;
        }
        // Lines at a stride of the L1 set span, more of them than the L1 has ways: each
        // misses the L1 (LRU cycles through them) but fits in the L2.
        let l1_span = p.l1d.sets() * u64::from(p.l1d.line);
        let lines = u64::from(p.l1d.assoc) + 1;
        let m = |i: usize| {
            let pa = 0x200_0000 + l1_span * (i as u64 % lines);
            (op(OpClass::Load, &[0], &[0], 8), with_mem(nth(i), pa))
        };
        // Warm the L2, then measure.
        let warm = lines as usize;
        let f = |i: usize| m(i);
        let d = run(p, warm + 128, &f) - run(p, warm + 64, &f);
        assert_eq!(d, 64 * u64::from(p.l2.latency), "{}", p.name);
    }
}

#[test]
fn independent_alu_ops_fill_the_issue_width() {
    let a55 = Preset::by_name("a55").unwrap();
    let n1 = Preset::by_name("n1").unwrap();
    let indep = |i: usize| (op(OpClass::Alu, &[], &[(i % 8) as u8], 8), nth(i));
    let d = run(a55, 128, &indep) - run(a55, 64, &indep);
    assert_eq!(d, 32, "a55: two ALUs, dual issue: half a cycle each");
    // N1: four-wide dispatch, three ALUs: a third of a cycle each.
    let d = run(n1, 192, &indep) - run(n1, 96, &indep);
    assert!((31..=33).contains(&d), "n1: {d} cycles for 96");
    let f = Preset::functional();
    assert_eq!(run(f, 128, &indep) - run(f, 64, &indep), 64);
}

#[test]
fn a55_pairs_only_what_its_pipes_allow() {
    let a55 = Preset::by_name("a55").unwrap();
    // Independent loads: one load pipe, one per cycle. Load + ALU pairs: two per cycle.
    let loads = |i: usize| {
        (
            op(OpClass::Load, &[20], &[(i % 8) as u8], 8),
            with_mem(nth(i), 0x8000),
        )
    };
    assert_eq!(per_op(a55, &loads), 1);
    let mixed = |i: usize| {
        if i % 2 == 0 {
            loads(i)
        } else {
            (op(OpClass::Alu, &[], &[8 + (i % 8) as u8], 8), nth(i))
        }
    };
    let d = run(a55, 128, &mixed) - run(a55, 64, &mixed);
    assert_eq!(d, 32);
    // Independent MULs: one MAC, W form pipelined (1/cycle), X form busy 2 cycles.
    let muls = |bytes| move |i: usize| (op(OpClass::Mul, &[20], &[(i % 8) as u8], bytes), nth(i));
    assert_eq!(per_op(a55, &muls(4)), 1);
    assert_eq!(per_op(a55, &muls(8)), 2);
    // System register reads never pair.
    let mrs = |i: usize| (op(OpClass::SysRead, &[], &[(i % 8) as u8], 8), nth(i));
    assert_eq!(per_op(a55, &mrs), 1);
}

/// A call, a return that depends on a late result, then a dependent chain: the return
/// goes where the call was made from (`good`) or elsewhere in the same line.
fn call_return(good: bool) -> Vec<(Op, Retired)> {
    let add = op(OpClass::Alu, &[0], &[0], 8);
    let mut v = Vec::new();
    for i in 0..4 {
        v.push((add, at(0x1000 + 4 * i)));
    }
    let mut call = at(0x1010);
    call.next_pc = 0x1020;
    v.push((op(OpClass::Call, &[], &[30], 8), call));
    v.push((add, at(0x1020)));
    let back = if good { 0x1014 } else { 0x1018 };
    let mut ret = at(0x1024);
    ret.next_pc = back;
    v.push((op(OpClass::Return, &[0, 30], &[], 8), ret));
    for i in 0..8 {
        v.push((add, at(back + 4 * i)));
    }
    v
}

#[test]
fn a_mispredicted_branch_costs_the_penalty() {
    for p in PRESETS {
        let mut cycles = [0; 2];
        for (k, good) in [true, false].into_iter().enumerate() {
            let mut m = CoreModel::new(p);
            let mut ev = EventTotals::default();
            for (o, r) in call_return(good) {
                m.retire(&o, &r, &mut ev);
            }
            cycles[k] = m.cycles();
            if p.kind != CoreKind::Functional {
                assert_eq!(ev.get(Event::BrPred, El::El1), 2);
                // The call's target was not in the BTB yet.
                assert_eq!(
                    ev.get(Event::BrMisPred, El::El1),
                    1 + k as u64,
                    "{}",
                    p.name
                );
            }
        }
        assert_eq!(
            cycles[1] - cycles[0],
            u64::from(p.branch.mispredict_penalty),
            "{}",
            p.name
        );
    }
}

#[test]
fn exception_entry_and_return_drain_refill_and_add_the_fixed_cost() {
    for p in PRESETS {
        let mut m = CoreModel::new(p);
        let mut ev = EventTotals::default();
        // A divide in flight must finish before the exception is taken.
        m.retire(&op(OpClass::Div, &[1, 2], &[3], 8), &nth(0), &mut ev);
        // In-order, cycles() is the divide's issue cycle + 1; out-of-order, its retirement.
        let div_done = match p.kind {
            CoreKind::InOrder => m.cycles() - 1 + p.latency(OpClass::Div, 8),
            CoreKind::OutOfOrder | CoreKind::Functional => m.cycles(),
        };
        let refill = u64::from(p.branch.mispredict_penalty);
        m.exception_entry(0x16, El::El1, El::El2, &mut ev);
        let entered = div_done + refill + u64::from(p.exception_entry);
        assert_eq!(m.cycles(), entered, "{}", p.name);
        assert_eq!(ev.get(Event::ExcTaken, El::El1), 1);
        assert_eq!(ev.get(Event::ExcHvc, El::El1), 1);
        // The handler's first instruction issues when the entry completes.
        let mut r = nth(1);
        r.el = El::El2;
        m.retire(&op(OpClass::Alu, &[], &[4], 8), &r, &mut ev);
        assert_eq!(m.cycles(), entered + 1, "{}", p.name);
        let mut eret = nth(2);
        eret.el = El::El2;
        eret.next_pc = 0x2000;
        m.retire(&op(OpClass::Eret, &[], &[], 8), &eret, &mut ev);
        let before = m.cycles();
        m.exception_return(El::El2, El::El1, &mut ev);
        assert_eq!(
            m.cycles(),
            before + refill + u64::from(p.exception_return),
            "{}",
            p.name
        );
        let total: u64 = [El::El0, El::El1, El::El2, El::El3]
            .iter()
            .map(|&el| ev.get(Event::CpuCycles, el))
            .sum();
        assert_eq!(total, m.cycles());
    }
}

/// Cycles of ADD, `class`, ADD (all independent).
fn sandwich(p: &Preset, class: OpClass) -> u64 {
    let f = |i: usize| {
        let o = if i == 1 {
            op(class, &[], &[], 8)
        } else {
            op(OpClass::Alu, &[], &[i as u8], 8)
        };
        (o, nth(i))
    };
    run(p, 3, &f)
}

#[test]
fn serialising_instructions_cost_their_row() {
    for p in PRESETS {
        let base = sandwich(p, OpClass::Nop);
        let refill = u64::from(p.branch.mispredict_penalty);
        for class in [
            OpClass::Isb,
            OpClass::Barrier,
            OpClass::SysWrite,
            OpClass::SysOp,
            OpClass::Wait,
        ] {
            let c = p.class(class);
            let own = u64::from(c.after) + if c.flush { refill } else { 0 };
            let want = match p.kind {
                CoreKind::Functional => 0,
                // The NOP pairs with the first ADD; a serialising class issues alone and
                // the ADD after it waits for it to complete.
                CoreKind::InOrder => own + 1,
                // It dispatches when the first ADD has retired, retires a cycle later, and
                // only then does the last ADD dispatch.
                CoreKind::OutOfOrder => own + 2,
            };
            assert_eq!(sandwich(p, class) - base, want, "{} {class:?}", p.name);
        }
    }
}

#[test]
fn translation_misses_walk_through_the_caches() {
    for p in PRESETS {
        let mmu = |walk_reads: u8| {
            move |i: usize| {
                let mut r = with_mem(nth(i), 0x8000 + 8 * i as u64);
                r.walk_reads = walk_reads;
                r.ctx = 5;
                (op(OpClass::Load, &[20], &[i as u8], 8), r)
            }
        };
        let (off, on) = (run(p, 2, &mmu(0)), run(p, 2, &mmu(4)));
        if p.kind == CoreKind::Functional {
            assert_eq!(on, off);
            continue;
        }
        let mem = u64::from(p.mem_latency);
        let l2tlb = u64::from(p.l2tlb.latency);
        // The fetch walks four cold descriptor lines; the data walk for a page 7 pages
        // away shares the three upper-level lines (L1D hits) but not the last-level one.
        let fetch_walk = l2tlb + 4 * mem;
        let data_walk = l2tlb + 3 * u64::from(p.l1d.latency) + mem;
        assert_eq!(on - off, fetch_walk + data_walk, "{}", p.name);

        let mut m = CoreModel::new(p);
        let mut ev = EventTotals::default();
        for i in 0..4 {
            let (o, r) = mmu(4)(i);
            m.retire(&o, &r, &mut ev);
        }
        assert_eq!(ev.get(Event::L1dTlbRefill, El::El1), 1, "{}", p.name);
        assert_eq!(ev.get(Event::L1dCache, El::El1), 4);
        assert_eq!(ev.get(Event::L1dCacheRefill, El::El1), 1);
        assert_eq!(ev.get(Event::L1iCacheRefill, El::El1), 1);
    }
}

/// A deterministic pseudo-random mix of everything the model handles.
fn mixed_stream(n: usize) -> Vec<(Op, Retired)> {
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut v = Vec::with_capacity(n);
    let mut pc = 0x4000u64;
    for _ in 0..n {
        let k = next();
        let class = OpClass::ALL[(k % 24) as usize];
        let class = match class {
            // Keep the stream mostly ordinary work.
            OpClass::Isb
            | OpClass::SysOp
            | OpClass::Wait
            | OpClass::Eret
            | OpClass::ExceptionGen
                if k & 0x700 != 0 =>
            {
                OpClass::Alu
            }
            c => c,
        };
        let r = |s: u32| ((k >> s) % 34) as u8;
        let o = op(
            class,
            &[r(8), r(16), NONE, NONE],
            &[r(24), NONE, NONE],
            if k & 0x800 != 0 { 8 } else { 4 },
        );
        let mut ret = at(pc);
        ret.ctx = (k >> 40) as u32 & 1;
        ret.walk_reads = if k & 0x1000 != 0 { 4 } else { 0 };
        if class.is_memory() {
            let pa = 0x8000_0000 + ((k >> 20) & 0xf_ffc0);
            ret.mem = Some(MemAccess { va: pa, pa });
        }
        if class.is_branch() && k & 0x2000 != 0 {
            ret.next_pc = 0x4000 + ((k >> 30) & 0xfffc);
        }
        pc = ret.next_pc;
        v.push((o, ret));
    }
    v
}

#[test]
fn same_calls_same_cycles() {
    let stream = mixed_stream(20_000);
    for p in PRESETS {
        let once = || {
            let mut m = CoreModel::new(p);
            let mut ev = EventTotals::default();
            let mut trace = 0u64;
            for (i, (o, r)) in stream.iter().enumerate() {
                m.retire(o, r, &mut ev);
                if i % 1000 == 999 {
                    m.exception_entry(0x15, El::El0, El::El1, &mut ev);
                    m.exception_return(El::El1, El::El0, &mut ev);
                }
                trace = trace.rotate_left(5) ^ m.cycles();
            }
            (m.cycles(), trace, ev)
        };
        let (a, b) = (once(), once());
        assert_eq!(a, b, "{}", p.name);
        if p.kind == CoreKind::Functional {
            assert_eq!(a.0, 20_000);
        } else {
            assert!(a.0 > 20_000 / 4, "{}: {}", p.name, a.0);
            assert!(a.2.get(Event::BrMisPred, El::El1) > 0);
        }
    }
}

#[test]
fn bulk_retirement_is_one_cycle_each_and_timing_resumes_after_it() {
    for p in PRESETS {
        let mut m = CoreModel::new(p);
        let mut ev = EventTotals::default();
        m.retire(&op(OpClass::Alu, &[], &[1], 8), &nth(0), &mut ev);
        let c = m.cycles();
        m.retire_bulk(100, El::El0, &mut ev);
        assert_eq!(m.cycles(), c + 100);
        assert_eq!(ev.get(Event::InstRetired, El::El0), 100);
        assert_eq!(ev.get(Event::CpuCycles, El::El0), 100);
        m.retire(&op(OpClass::Alu, &[1], &[1], 8), &nth(1), &mut ev);
        assert_eq!(m.cycles(), c + 101, "{}", p.name);
    }
}

#[test]
fn an_unpipelined_divider_takes_one_divide_at_a_time() {
    for p in PRESETS {
        if p.kind == CoreKind::Functional {
            continue;
        }
        let divs = |i: usize| (op(OpClass::Div, &[20, 21], &[(i % 8) as u8], 8), nth(i));
        assert_eq!(
            per_op(p, &divs),
            u64::from(p.class(OpClass::Div).busy[1]),
            "{}",
            p.name
        );
    }
}

/// Handing the model whole straight-line runs (what the CPU does) gives exactly the
/// cycles and events of handing it one instruction at a time.
#[test]
fn runs_retire_like_single_instructions() {
    let stream = mixed_stream(20_000);
    for p in PRESETS {
        let mut single = CoreModel::new(p);
        let mut ev_single = EventTotals::default();
        for (o, r) in &stream {
            single.retire(o, r, &mut ev_single);
        }
        let mut runs = CoreModel::new(p);
        let mut ev_runs = EventTotals::default();
        let mut start = 0;
        let mut count = 0;
        for (j, (_, r)) in stream.iter().enumerate() {
            // The next instruction joins the run if this one falls through to it in the
            // same context.
            let joins = stream.get(j + 1).is_some_and(|n| {
                r.next_pc == r.pc.wrapping_add(4)
                    && n.1.ctx == stream[start].1.ctx
                    && n.1.walk_reads == stream[start].1.walk_reads
            });
            if joins {
                continue;
            }
            let ops: Vec<Op> = stream[start..=j].iter().map(|s| s.0).collect();
            let mems: Vec<MemAccess> = stream[start..=j]
                .iter()
                .map(|s| s.1.mem.unwrap_or_default())
                .collect();
            let run = crate::op::RetiredRun {
                ops: &ops,
                mems: &mems,
                pc: stream[start].1.pc,
                fetch_pa: stream[start].1.fetch_pa,
                last_next: r.next_pc,
                el: r.el,
                ctx: stream[start].1.ctx,
                walk_reads: stream[start].1.walk_reads,
            };
            runs.retire_run(&run, &mut ev_runs);
            count += 1;
            start = j + 1;
        }
        assert!(count > 100, "{}: only {count} runs", p.name);
        assert_eq!(runs.cycles(), single.cycles(), "{}", p.name);
        assert_eq!(ev_runs, ev_single, "{}", p.name);
    }
}

/// After a TLBI the next access to a page walks again (and counts an L1D TLB refill);
/// without one it hits.
#[test]
fn invalidated_translations_walk_again() {
    let p = Preset::by_name("a55").unwrap();
    let load = op(OpClass::Load, &[1], &[2], 8);
    let access = |m: &mut CoreModel, ev: &mut EventTotals| {
        let mut r = with_mem(at(0x1000), 0x4000_0000);
        r.walk_reads = 4;
        m.retire(&load, &r, ev);
    };
    let mut m = CoreModel::new(p);
    let mut ev = EventTotals::default();
    access(&mut m, &mut ev);
    access(&mut m, &mut ev);
    assert_eq!(ev.get(Event::L1dTlbRefill, El::El1), 1);
    m.invalidate_tlbs();
    access(&mut m, &mut ev);
    assert_eq!(ev.get(Event::L1dTlbRefill, El::El1), 2);
}
