//! Trap-path accounting: pairs each exception entry with the ERET that ends its handler and
//! keeps, per [`TrapKey`], the cycles and instructions in between.
//!
//! # What is measured
//!
//! A trap starts when the exception is taken (before its entry cost is charged) and ends
//! when the ERET that leaves its handler has retired (after its return cost). Its cycles
//! and instructions therefore include the entry, the whole handler with the ERET, and any
//! exception nested inside it; they exclude the instruction that trapped (an SVC or HVC has
//! already retired; a faulting instruction has not, and runs again after the return).
//!
//! # Nesting
//!
//! Open traps are kept on a stack. An exception taken while another is open is pushed on
//! top, and the open one is marked *re-entered* (its handler was interrupted by another
//! exception, whose time it includes). An ERET executed at EL `x`:
//!
//! 1. first discards open traps whose handler ran above `x`: their handler was left
//!    without an ERET of its own (an ERET from a higher EL went straight below them), so
//!    they are counted as *abandoned*, not as samples;
//! 2. then, if the top trap was taken to `x`, pops it and records a sample;
//! 3. otherwise (nothing open at `x`, e.g. the ERETs firmware uses to drop from EL3 to
//!    EL2 at boot) counts an *unmatched ERET* and records nothing.
//!
//! A handler may return somewhere other than the context it interrupted (a hypervisor
//! switching vCPUs, a kernel switching tasks). The sample is still recorded, since the
//! handler did end there, and marked *returned elsewhere* when the ERET's target EL differs
//! from the EL the exception came from, or its target PC is neither the preferred return
//! address nor the instruction after it (handlers that emulate the trapped instruction
//! skip it with ELR += 4). The report counts these per row.
//!
//! The stack holds at most [`MAX_DEPTH`] traps; a guest that keeps faulting inside its own
//! vectors pushes the oldest ones out, which are counted as abandoned.

use crate::detail::TrapKey;
use a64sim_arch::El;
use std::collections::{HashMap, VecDeque};

/// The deepest nesting the recorder tracks.
pub const MAX_DEPTH: usize = 256;

/// An exception being taken, as the recorder needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrapEntry {
    /// What it is and between which levels.
    pub key: TrapKey,
    /// Its preferred return address (ELR_ELx), which identifies the interrupted context.
    pub return_pc: u64,
}

/// An ERET, as the recorder needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrapReturn {
    /// The EL the ERET executed at.
    pub from: El,
    /// The EL it returned to.
    pub to: El,
    /// The address it returned to.
    pub pc: u64,
}

/// A trap whose handler has not returned yet.
#[derive(Clone, Copy, Debug)]
struct Open {
    entry: TrapEntry,
    cycles: u64,
    insns: u64,
    reentered: bool,
}

/// The samples of one [`TrapKey`].
#[derive(Clone, Debug, Default)]
struct Samples {
    /// Cycles of each trap, in the order they ended.
    cycles: Vec<u64>,
    /// Instructions of each trap, in the same order.
    insns: Vec<u64>,
    reentered: u64,
    elsewhere: u64,
}

/// Records traps and summarises them (see the module documentation).
#[derive(Clone, Debug, Default)]
pub struct TrapRecorder {
    stack: VecDeque<Open>,
    samples: HashMap<TrapKey, Samples>,
    unmatched_erets: u64,
    abandoned: u64,
}

impl TrapRecorder {
    /// An empty recorder.
    pub fn new() -> Self {
        TrapRecorder::default()
    }

    /// The exception `entry` is taken at time (`cycles`, `insns`).
    pub fn on_exception_entry(&mut self, entry: TrapEntry, cycles: u64, insns: u64) {
        if let Some(top) = self.stack.back_mut() {
            top.reentered = true;
        }
        if self.stack.len() == MAX_DEPTH {
            self.stack.pop_front();
            self.abandoned += 1;
        }
        self.stack.push_back(Open {
            entry,
            cycles,
            insns,
            reentered: false,
        });
    }

    /// An ERET `ret` has retired at time (`cycles`, `insns`).
    pub fn on_exception_return(&mut self, ret: TrapReturn, cycles: u64, insns: u64) {
        while self.stack.back().is_some_and(|o| o.entry.key.to > ret.from) {
            self.stack.pop_back();
            self.abandoned += 1;
        }
        let Some(open) = self.stack.pop_back_if_to(ret.from) else {
            self.unmatched_erets += 1;
            return;
        };
        let key = open.entry.key;
        let pc = open.entry.return_pc;
        let elsewhere = ret.to != key.from || (ret.pc != pc && ret.pc != pc.wrapping_add(4));
        let s = self.samples.entry(key).or_default();
        s.cycles.push(cycles.saturating_sub(open.cycles));
        s.insns.push(insns.saturating_sub(open.insns));
        s.reentered += u64::from(open.reentered);
        s.elsewhere += u64::from(elsewhere);
    }

    /// Traps whose handler has not returned yet.
    pub fn open(&self) -> usize {
        self.stack.len()
    }

    /// The summary under the cycle model called `model`: one row per key, most frequent
    /// first.
    pub fn report(&self, model: &'static str) -> TrapReport {
        let mut rows: Vec<TrapStats> = self
            .samples
            .iter()
            .map(|(key, s)| TrapStats::new(*key, s))
            .collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
        TrapReport {
            model,
            rows,
            unmatched_erets: self.unmatched_erets,
            abandoned: self.abandoned,
            open: self.stack.len() as u64,
        }
    }
}

/// `VecDeque::pop_back` when the top trap was taken to `el`.
trait PopIfTo {
    fn pop_back_if_to(&mut self, el: El) -> Option<Open>;
}

impl PopIfTo for VecDeque<Open> {
    fn pop_back_if_to(&mut self, el: El) -> Option<Open> {
        match self.back() {
            Some(o) if o.entry.key.to == el => self.pop_back(),
            _ => None,
        }
    }
}

/// The statistics of one row of the trap report.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrapStats {
    /// What the row counts.
    pub key: TrapKey,
    /// Traps that returned.
    pub count: u64,
    /// Mean cycles from entry to the ERET.
    pub mean_cycles: f64,
    /// Median cycles (nearest rank).
    pub p50_cycles: u64,
    /// 99th percentile of cycles (nearest rank).
    pub p99_cycles: u64,
    /// Most cycles of one trap.
    pub max_cycles: u64,
    /// Mean instructions from the vector to the ERET, both included.
    pub mean_insns: f64,
    /// Median instructions from the vector to the ERET (nearest rank).
    pub p50_insns: u64,
    /// Traps whose handler took another exception before returning.
    pub reentered: u64,
    /// Traps whose ERET went to another context than the interrupted one.
    pub returned_elsewhere: u64,
}

impl TrapStats {
    fn new(key: TrapKey, s: &Samples) -> TrapStats {
        let mut sorted = s.cycles.clone();
        sorted.sort_unstable();
        let count = sorted.len() as u64;
        let total: u128 = sorted.iter().map(|&c| u128::from(c)).sum();
        let mean = |sum: u128| {
            if count == 0 {
                0.0
            } else {
                sum as f64 / count as f64
            }
        };
        TrapStats {
            key,
            count,
            mean_cycles: mean(total),
            p50_cycles: percentile(&sorted, 50),
            p99_cycles: percentile(&sorted, 99),
            max_cycles: sorted.last().copied().unwrap_or(0),
            mean_insns: mean(s.insns.iter().map(|&n| u128::from(n)).sum()),
            p50_insns: {
                let mut n = s.insns.clone();
                n.sort_unstable();
                percentile(&n, 50)
            },
            reentered: s.reentered,
            returned_elsewhere: s.elsewhere,
        }
    }
}

/// The nearest-rank `p`th percentile of `sorted` (the smallest value with at least `p`% of
/// the samples at or below it); 0 for no samples.
pub fn percentile(sorted: &[u64], p: u32) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let n = sorted.len() as u128;
    let rank = (n * u128::from(p.min(100))).div_ceil(100).max(1);
    sorted[(rank - 1) as usize]
}

/// The trap report: rows per key and what could not be paired.
#[derive(Clone, Debug, PartialEq)]
pub struct TrapReport {
    /// The cycle model the cycles come from.
    pub model: &'static str,
    /// One row per key, most frequent first.
    pub rows: Vec<TrapStats>,
    /// ERETs that returned from no recorded exception (boot-time drops to a lower EL).
    pub unmatched_erets: u64,
    /// Traps whose handler was left without its own ERET.
    pub abandoned: u64,
    /// Traps still open when the run stopped.
    pub open: u64,
}

impl TrapReport {
    /// Traps that returned, over all rows.
    pub fn total(&self) -> u64 {
        self.rows.iter().map(|r| r.count).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detail::{TrapDetail, TrapKey};

    fn key(ec: u8, from: El, to: El) -> TrapKey {
        TrapKey {
            detail: TrapDetail::Class(ec),
            from,
            to,
        }
    }

    fn entry(ec: u8, from: El, to: El, pc: u64) -> TrapEntry {
        TrapEntry {
            key: key(ec, from, to),
            return_pc: pc,
        }
    }

    fn ret(from: El, to: El, pc: u64) -> TrapReturn {
        TrapReturn { from, to, pc }
    }

    #[test]
    fn the_median_handler_ignores_a_few_long_ones() {
        let mut r = TrapRecorder::new();
        for (i, n) in [4u64, 4, 4, 40, 4].into_iter().enumerate() {
            let t = 1000 * i as u64;
            r.on_exception_entry(entry(0x16, El::El1, El::El2, 0x1004), t, t);
            r.on_exception_return(ret(El::El2, El::El1, 0x1004), t + n, t + n);
        }
        let row = &r.report("functional").rows[0];
        assert_eq!((row.p50_insns, row.p50_cycles), (4, 4));
        assert_eq!(row.mean_insns, 11.2);
    }

    #[test]
    fn a_round_trip_is_one_sample() {
        let mut r = TrapRecorder::new();
        r.on_exception_entry(entry(0x16, El::El1, El::El2, 0x1004), 100, 100);
        r.on_exception_return(ret(El::El2, El::El1, 0x1004), 103, 103);
        let rep = r.report("functional");
        assert_eq!(rep.rows.len(), 1);
        let row = rep.rows[0];
        assert_eq!(row.count, 1);
        assert_eq!((row.p50_cycles, row.p99_cycles), (3, 3));
        assert_eq!(row.mean_insns, 3.0);
        assert_eq!(row.p50_insns, 3);
        assert_eq!((row.reentered, row.returned_elsewhere), (0, 0));
        assert_eq!((rep.unmatched_erets, rep.abandoned, rep.open), (0, 0, 0));
    }

    #[test]
    fn nested_traps_pop_innermost_first_and_mark_the_outer_reentered() {
        let mut r = TrapRecorder::new();
        // EL0 SVC to EL1; the EL1 handler does an HVC to EL2, which returns; then EL1 returns.
        r.on_exception_entry(entry(0x15, El::El0, El::El1, 0x400), 0, 0);
        r.on_exception_entry(entry(0x16, El::El1, El::El2, 0x8010), 4, 4);
        assert_eq!(r.open(), 2);
        r.on_exception_return(ret(El::El2, El::El1, 0x8010), 9, 9);
        r.on_exception_return(ret(El::El1, El::El0, 0x400), 20, 20);
        let rep = r.report("functional");
        let svc = rep.rows.iter().find(|s| s.key.detail.ec() == 0x15).unwrap();
        let hvc = rep.rows.iter().find(|s| s.key.detail.ec() == 0x16).unwrap();
        assert_eq!((svc.p50_cycles, svc.reentered), (20, 1));
        assert_eq!((hvc.p50_cycles, hvc.reentered), (5, 0));
        assert_eq!(r.open(), 0);
    }

    #[test]
    fn same_level_nesting_is_reentry() {
        let mut r = TrapRecorder::new();
        r.on_exception_entry(entry(0x16, El::El1, El::El2, 0x100), 0, 0);
        // The EL2 handler faults at EL2 and the fault handler returns to it.
        r.on_exception_entry(entry(0x25, El::El2, El::El2, 0x8000), 2, 2);
        r.on_exception_return(ret(El::El2, El::El2, 0x8004), 6, 6);
        r.on_exception_return(ret(El::El2, El::El1, 0x100), 8, 8);
        let rep = r.report("functional");
        assert_eq!(rep.total(), 2);
        let outer = rep.rows.iter().find(|s| s.key.detail.ec() == 0x16).unwrap();
        assert_eq!((outer.count, outer.reentered, outer.p50_cycles), (1, 1, 8));
    }

    #[test]
    fn returns_elsewhere_are_recorded_and_flagged() {
        let mut r = TrapRecorder::new();
        // Emulated instruction: ELR advanced by 4 is still the interrupted context.
        r.on_exception_entry(entry(0x18, El::El1, El::El2, 0x100), 0, 0);
        r.on_exception_return(ret(El::El2, El::El1, 0x104), 5, 5);
        // A vCPU switch: returns to another PC.
        r.on_exception_entry(entry(0x18, El::El1, El::El2, 0x100), 10, 10);
        r.on_exception_return(ret(El::El2, El::El1, 0x9000), 20, 20);
        // Returns to another EL.
        r.on_exception_entry(entry(0x18, El::El1, El::El2, 0x100), 30, 30);
        r.on_exception_return(ret(El::El2, El::El0, 0x100), 31, 31);
        let rep = r.report("functional");
        assert_eq!(rep.rows[0].count, 3);
        assert_eq!(rep.rows[0].returned_elsewhere, 2);
    }

    #[test]
    fn unmatched_and_abandoned() {
        let mut r = TrapRecorder::new();
        // Boot: EL3 drops to EL2, EL2 to EL1, with no exception to return from.
        r.on_exception_return(ret(El::El3, El::El2, 0x10), 0, 0);
        r.on_exception_return(ret(El::El2, El::El1, 0x20), 1, 1);
        // An HVC to EL2 whose handler calls EL3 with SMC; EL3 returns straight to EL1.
        r.on_exception_entry(entry(0x16, El::El1, El::El2, 0x30), 2, 2);
        r.on_exception_entry(entry(0x17, El::El2, El::El3, 0x40), 3, 3);
        r.on_exception_return(ret(El::El3, El::El1, 0x30), 4, 4);
        // The EL1 code later returns from an EL1 exception nobody recorded: unmatched, and
        // the HVC still open above EL1 is abandoned.
        r.on_exception_return(ret(El::El1, El::El0, 0x50), 5, 5);
        let rep = r.report("functional");
        assert_eq!(rep.unmatched_erets, 3);
        assert_eq!(rep.abandoned, 1);
        assert_eq!(rep.total(), 1);
        assert_eq!(rep.rows[0].returned_elsewhere, 1);
        assert_eq!(rep.open, 0);
    }

    #[test]
    fn depth_is_bounded() {
        let mut r = TrapRecorder::new();
        for i in 0..(MAX_DEPTH as u64 + 10) {
            r.on_exception_entry(entry(0x25, El::El1, El::El1, i), i, i);
        }
        assert_eq!(r.open(), MAX_DEPTH);
        assert_eq!(r.report("functional").abandoned, 10);
    }

    #[test]
    fn percentiles_are_exact_nearest_rank() {
        assert_eq!(percentile(&[], 50), 0);
        assert_eq!(percentile(&[7], 99), 7);
        let v: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&v, 50), 50);
        assert_eq!(percentile(&v, 99), 99);
        assert_eq!(percentile(&v, 100), 100);
        let v: Vec<u64> = (1..=1000).collect();
        assert_eq!(percentile(&v, 99), 990);
        // 1,000,000 traps, 1% of them slow: p99 is the last fast one; one more slow trap
        // moves it.
        let mut v = vec![2u64; 990_000];
        v.extend([50u64; 10_000]);
        assert_eq!(percentile(&v, 99), 2);
        v.remove(0);
        v.push(50);
        assert_eq!(percentile(&v, 99), 50);
        let mut r = TrapRecorder::new();
        let mut t = 0;
        for i in 0..1_000_000u64 {
            let cost = if i % 100 == 0 { 50 } else { 2 };
            r.on_exception_entry(entry(0x16, El::El1, El::El2, 4), t, t);
            t += cost;
            r.on_exception_return(ret(El::El2, El::El1, 4), t, t);
        }
        let row = r.report("functional").rows[0];
        assert_eq!(row.count, 1_000_000);
        assert_eq!((row.p50_cycles, row.p99_cycles, row.max_cycles), (2, 2, 50));
        assert!((row.mean_cycles - 2.48).abs() < 1e-9);
    }
}
