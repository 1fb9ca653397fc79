//! [`CoreModel`]: the [`CycleModel`] that runs a [`Preset`], with one of three engines.
//!
//! * Functional: one cycle per instruction, nothing else.
//! * In-order (`inorder.rs`): issue up to `width` per cycle, scoreboard, pipes.
//! * Out-of-order (`ooo.rs`): dispatch width, ROB, dataflow issue, in-order retire.
//!
//! Both timed engines share the parts of a core that do not depend on the issue policy
//! (`Shared`): the front end (an instruction fetch that enters a new line looks up the
//! ITLB and the L1I, and a miss stalls fetch), the data side (DTLB, L2 TLB, walk, caches)
//! and the branch predictor. The engine is chosen once, by the preset's kind; `retire`
//! matches on it (no dynamic dispatch) and allocates nothing.
//!
//! [`CycleModel::cycles`] is the cycle at which the last instruction retired, counted so
//! that an instruction issued (in-order) or retired (out-of-order) in cycle `t` makes it
//! `t + 1`: N dependent single-cycle ADDs cost N cycles, N independent ones on a
//! dual-issue core N/2. Exception entry and ERET wait for everything in flight, then add
//! the pipeline refill (the preset's mispredict penalty) and the preset's fixed cost.
//! Cycles of an exception entry or ERET are counted as CPU_CYCLES at the EL it leaves.

use crate::cache::{Access, Hierarchy};
use crate::inorder::InOrder;
use crate::model::CycleModel;
use crate::ooo::OutOfOrder;
use crate::op::{reg, Event, EventTotals, MemAccess, Op, OpClass, Retired, RetiredRun};
use crate::predictor::Predictor;
use crate::preset::{ClassCost, CoreKind, Pipe, Preset};
use crate::tlb::Tlbs;
use a64sim_arch::El;

/// Register-ready times, indexed by register number; the [`reg::NONE`] slot stays 0, so
/// unused operand slots never delay anything and need no test.
pub(crate) type Scoreboard = [u64; 256];

/// One class's costs packed into a word for the hot path (one load instead of a struct
/// copy): latency W and X in bits 0-15, pipe busy W and X in 16-31, pipe in 32-39, flags
/// in 40-47, cycles after a serialising instruction in 48-63.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Lane(u64);

impl Lane {
    /// May issue as the younger of a dual-issue pair.
    pub const SLOT1: u64 = 1;
    /// A younger instruction may pair with it.
    pub const PAIR_AFTER: u64 = 2;
    /// Drains the pipeline before it.
    pub const SERIALISE: u64 = 4;
    /// Charges the pipeline refill after it.
    pub const FLUSH: u64 = 8;
    /// Younger instructions wait for its result.
    pub const BLOCK: u64 = 16;
    /// A branch of any kind.
    pub const BRANCH: u64 = 32;
    /// A load or atomic: its first destination is loaded data.
    pub const LOADS: u64 = 64;

    fn pack(class: OpClass, c: &ClassCost) -> Lane {
        let flags = [
            (c.slot1, Lane::SLOT1),
            (c.pair_after, Lane::PAIR_AFTER),
            (c.serialise, Lane::SERIALISE),
            (c.flush, Lane::FLUSH),
            (c.block, Lane::BLOCK),
            (class.is_branch(), Lane::BRANCH),
            (
                matches!(class, OpClass::Load | OpClass::Atomic),
                Lane::LOADS,
            ),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |f, (_, bit)| f | bit);
        Lane(
            u64::from(c.latency[0])
                | u64::from(c.latency[1]) << 8
                | u64::from(c.busy[0]) << 16
                | u64::from(c.busy[1]) << 24
                | (c.pipe as u64) << 32
                | flags << 40
                | u64::from(c.after) << 48,
        )
    }

    /// Result latency; `x` is 8 for the X form, else 0.
    #[inline(always)]
    pub fn latency(self, x: u32) -> u64 {
        (self.0 >> x) & 0xff
    }

    /// Cycles the pipe stays busy; `x` is 8 for the X form, else 0.
    #[inline(always)]
    pub fn busy(self, x: u32) -> u64 {
        (self.0 >> (16 + x)) & 0xff
    }

    /// The pipe, as an index into 8-entry per-pipe arrays.
    #[inline(always)]
    pub fn pipe(self) -> usize {
        ((self.0 >> 32) & 7) as usize
    }

    /// Whether `flag` is set.
    #[inline(always)]
    pub fn has(self, flag: u64) -> bool {
        (self.0 >> 40) & flag != 0
    }

    /// Cycles after a serialising instruction completes before the next may issue.
    #[inline(always)]
    pub fn after(self) -> u64 {
        self.0 >> 48
    }
}

/// What the engines read from the preset on every instruction, in hot-path form.
#[derive(Clone, Debug)]
pub(crate) struct Costs {
    /// Per class, indexed by `class as usize` (32 entries so the index needs no check).
    pub lanes: [Lane; 32],
    /// Units per pipe, indexed by [`Lane::pipe`].
    pub units: [u8; 8],
    pub width: u32,
    pub penalty: u64,
    pub l1d_latency: u64,
}

impl Costs {
    fn new(p: &Preset) -> Self {
        let mut lanes = [Lane::default(); 32];
        for (i, &class) in OpClass::ALL.iter().enumerate() {
            lanes[i] = Lane::pack(class, p.class(class));
        }
        let mut units = [u8::MAX; 8];
        units[..Pipe::COUNT].copy_from_slice(&p.pipes);
        Costs {
            lanes,
            units,
            width: p.width,
            penalty: u64::from(p.branch.mispredict_penalty),
            l1d_latency: u64::from(p.l1d.latency),
        }
    }

    /// The costs of `class`.
    #[inline(always)]
    pub fn lane(&self, class: OpClass) -> Lane {
        self.lanes[class as usize & 31]
    }
}

/// The parts of a core every timed engine uses.
#[derive(Clone, Debug)]
pub(crate) struct Shared {
    pub costs: Costs,
    pub caches: Hierarchy,
    pub tlbs: Tlbs,
    pub predictor: Predictor,
    /// The L1I line of the last fetch.
    fetch_line: u64,
    fetch_shift: u32,
    /// The L1D line, DTLB page and context of the last data access (the memo of
    /// [`Shared::data`]); `last_vpage` is `u64::MAX` when that access did not translate.
    last_line: u64,
    last_vpage: u64,
    last_ctx: u32,
    data_shift: u32,
}

impl Shared {
    fn new(p: &Preset) -> Self {
        let caches = Hierarchy::new(&p.l1i, &p.l1d, &p.l2, p.mem_latency);
        Shared {
            costs: Costs::new(p),
            fetch_shift: caches.l1i.line_shift(),
            data_shift: caches.l1d.line_shift(),
            last_line: u64::MAX,
            last_vpage: u64::MAX,
            last_ctx: 0,
            caches,
            tlbs: Tlbs::new(p),
            predictor: Predictor::new(&p.branch),
            fetch_line: u64::MAX,
        }
    }

    /// Cycles the front end stalls to fetch the instruction `r` describes: zero unless it
    /// is on a new line and that line or its page misses.
    #[inline(always)]
    pub fn fetch(&mut self, r: &Retired, ev: &mut EventTotals) -> u64 {
        let line = r.pc >> self.fetch_shift;
        if line == self.fetch_line {
            return 0;
        }
        self.fetch_line = line;
        self.fetch_new_line(r, ev)
    }

    // The ITLB is looked up by VA, the L1I and the L2 by the fetch PA.
    #[inline(never)]
    fn fetch_new_line(&mut self, r: &Retired, ev: &mut EventTotals) -> u64 {
        let mut stall = 0;
        if r.walk_reads != 0 {
            let t = self.tlbs.fetch(r.pc, r.ctx, r.walk_reads, &mut self.caches);
            if t.l1_refill {
                // The walk read through the L1D.
                self.last_line = u64::MAX;
            }
            stall += u64::from(t.cycles);
        }
        let a = self.caches.fetch(r.fetch_pa);
        if a.l1_refill {
            ev.add(Event::L1iCacheRefill, r.el, 1);
            stall += u64::from(a.latency.saturating_sub(self.caches.l1i.latency()));
        }
        stall
    }

    /// Forgets every TLB entry (a TLBI, or a change of context ids) and the memos that
    /// stand for TLB hits.
    fn invalidate_tlbs(&mut self) {
        self.tlbs.clear();
        self.last_vpage = u64::MAX;
        self.fetch_line = u64::MAX;
    }

    /// A data access: returns the translation stall and the cache access, counting
    /// L1D_CACHE, L1D_CACHE_REFILL and L1D_TLB_REFILL.
    ///
    /// An access to the line (and page) of the previous data access is an L1 hit without a
    /// lookup: that line is the most recently used of its set and that page of the DTLB,
    /// and nothing can have evicted them since except a walk, which forgets the memo.
    #[inline(always)]
    pub fn data(&mut self, m: MemAccess, r: &Retired, ev: &mut EventTotals) -> (u64, Access) {
        ev.add(Event::L1dCache, r.el, 1);
        let same_page =
            r.walk_reads == 0 || (m.va >> 12 == self.last_vpage && r.ctx == self.last_ctx);
        if m.pa >> self.data_shift == self.last_line && same_page {
            return (
                0,
                Access {
                    latency: self.costs.l1d_latency as u32,
                    l1_refill: false,
                },
            );
        }
        self.data_lookup(m, r, ev)
    }

    #[inline(never)]
    fn data_lookup(&mut self, m: MemAccess, r: &Retired, ev: &mut EventTotals) -> (u64, Access) {
        let mut walk = 0;
        self.last_vpage = u64::MAX;
        if r.walk_reads != 0 {
            let t = self.tlbs.data(m.va, r.ctx, r.walk_reads, &mut self.caches);
            if t.l1_refill {
                ev.add(Event::L1dTlbRefill, r.el, 1);
                walk = u64::from(t.cycles);
            }
            self.last_vpage = m.va >> 12;
            self.last_ctx = r.ctx;
        }
        let a = self.caches.data(m.pa);
        if a.l1_refill {
            ev.add(Event::L1dCacheRefill, r.el, 1);
        }
        self.last_line = m.pa >> self.data_shift;
        (walk, a)
    }

    /// A branch retired: returns whether it was mispredicted, counting BR_PRED and
    /// BR_MIS_PRED.
    #[inline(always)]
    pub fn branch(&mut self, op: &Op, r: &Retired, ev: &mut EventTotals) -> bool {
        ev.add(Event::BrPred, r.el, 1);
        let miss = self.predictor.predict_update(op.class, r.pc, r.next_pc);
        if miss {
            ev.add(Event::BrMisPred, r.el, 1);
        }
        miss
    }

    /// The result latency of an instruction whose class latency is `class_lat`, given the
    /// cache access it made: loads take the level's load-to-use latency, atomics their
    /// own latency plus what the access cost beyond an L1 hit, others (stores, system
    /// operations) their class latency.
    #[inline(always)]
    pub fn result_latency(&self, class: OpClass, class_lat: u64, a: Access) -> u64 {
        let level = u64::from(a.latency);
        match class {
            OpClass::Load => level,
            OpClass::Atomic => class_lat + level.saturating_sub(self.costs.l1d_latency),
            _ => class_lat,
        }
    }
}

/// Writes the ready times of `op`'s destinations: `complete` for results, `issue + 1` for
/// the base-register writeback of a load or atomic (a destination after the first that
/// is also a source: the address update, which does not wait for the data).
#[inline(always)]
pub(crate) fn write_results(
    ready: &mut Scoreboard,
    lane: Lane,
    op: &Op,
    issue: u64,
    complete: u64,
) {
    let [d0, d1, d2] = op.dst;
    ready[d0 as usize] = complete;
    if lane.has(Lane::LOADS) {
        let [a, b, c, d] = op.src;
        let wb = |r: u8| {
            if r == a || r == b || r == c || r == d {
                issue + 1
            } else {
                complete
            }
        };
        ready[d1 as usize] = wb(d1);
        ready[d2 as usize] = wb(d2);
    } else {
        ready[d1 as usize] = complete;
        ready[d2 as usize] = complete;
    }
    ready[reg::NONE as usize] = 0;
}

/// An issue policy (the in-order or out-of-order engine): one instruction at a time, with
/// the out-of-line entry points the model calls derived from it once.
pub(crate) trait Engine {
    /// Runs one instruction; returns the cycle count after it.
    fn step(&mut self, sh: &mut Shared, op: &Op, r: &Retired, ev: &mut EventTotals) -> u64;

    /// One instruction, out of line: the CPU inlines the small dispatch in
    /// `CoreModel::retire`, and the engine's register saves are paid only by timed presets.
    #[inline(never)]
    fn retire(&mut self, sh: &mut Shared, op: &Op, r: &Retired, ev: &mut EventTotals) -> u64 {
        self.step(sh, op, r, ev)
    }

    /// A straight-line run; returns the cycle count after its last instruction (the
    /// engine's state can stay in registers across the run).
    #[inline(never)]
    fn retire_run(&mut self, sh: &mut Shared, run: &RetiredRun<'_>, ev: &mut EventTotals) -> u64 {
        let mut end = 0;
        for (j, op) in run.ops.iter().enumerate() {
            end = self.step(sh, op, &run.get(j), ev);
        }
        end
    }
}

/// The latest ready time of `op`'s sources.
#[inline(always)]
pub(crate) fn sources_ready(ready: &Scoreboard, op: &Op) -> u64 {
    let [a, b, c, d] = op.src;
    ready[a as usize]
        .max(ready[b as usize])
        .max(ready[c as usize])
        .max(ready[d as usize])
}

/// Which engine runs the preset. An explicit tag makes the per-instruction match one
/// byte compare; the engines' state (kilobytes of scoreboard and reservation tables) is
/// boxed so that moving a model moves a pointer.
#[derive(Clone, Debug)]
#[repr(u8)]
enum EngineKind {
    Functional,
    InOrder(Box<InOrder>),
    OutOfOrder(Box<OutOfOrder>),
}

/// A cycle model running one [`Preset`] (possibly changed by `--timing-set` overrides).
#[derive(Clone, Debug)]
pub struct CoreModel {
    preset: Preset,
    /// The cycle count [`CycleModel::cycles`] reports.
    end: u64,
    shared: Shared,
    engine: EngineKind,
}

/// The name CPU and CLI code use for the cycle model.
pub type PresetModel = CoreModel;

impl CoreModel {
    /// A model of `preset`, which must be well formed ([`crate::TimingConfig::build`]
    /// checks that; the built-in presets are).
    pub fn new(preset: &Preset) -> Self {
        let engine = match preset.kind {
            CoreKind::Functional => EngineKind::Functional,
            CoreKind::InOrder => EngineKind::InOrder(Box::new(InOrder::new())),
            CoreKind::OutOfOrder => EngineKind::OutOfOrder(Box::new(OutOfOrder::new(preset))),
        };
        CoreModel {
            preset: *preset,
            end: 0,
            shared: Shared::new(preset),
            engine,
        }
    }

    /// The preset this model runs.
    pub fn preset(&self) -> &Preset {
        &self.preset
    }

    /// The cycle by which everything issued so far has completed and the front end can
    /// fetch again.
    fn drained(&self) -> u64 {
        match &self.engine {
            EngineKind::Functional => self.end,
            EngineKind::InOrder(e) => e.drained(self.end),
            EngineKind::OutOfOrder(e) => e.drained(self.end),
        }
    }

    /// Moves time to `at` (not earlier than now): the next instruction issues or
    /// dispatches there at the earliest.
    fn restart_at(&mut self, at: u64, el: El, ev: &mut EventTotals) {
        match &mut self.engine {
            EngineKind::Functional => {}
            EngineKind::InOrder(e) => e.restart_at(at),
            EngineKind::OutOfOrder(e) => e.restart_at(at),
        }
        ev.add(Event::CpuCycles, el, at - self.end);
        self.end = at;
    }

    /// Drain, refill, then `fixed` cycles.
    fn full_stop(&self, fixed: u32) -> u64 {
        self.drained() + u64::from(self.preset.branch.mispredict_penalty) + u64::from(fixed)
    }
}

impl Default for CoreModel {
    fn default() -> Self {
        CoreModel::new(Preset::functional())
    }
}

impl CycleModel for CoreModel {
    fn name(&self) -> &'static str {
        self.preset.name
    }

    fn frequency_hz(&self) -> u64 {
        self.preset.freq_hz
    }

    fn cycles(&self) -> u64 {
        self.end
    }

    #[inline]
    fn retire(&mut self, op: &Op, r: &Retired, ev: &mut EventTotals) {
        let end = match &mut self.engine {
            EngineKind::Functional => self.end + 1,
            EngineKind::InOrder(e) => e.retire(&mut self.shared, op, r, ev),
            EngineKind::OutOfOrder(e) => e.retire(&mut self.shared, op, r, ev),
        };
        ev.add(Event::InstRetired, r.el, 1);
        ev.add(Event::CpuCycles, r.el, end - self.end);
        self.end = end;
    }

    #[inline]
    fn retire_run(&mut self, run: &RetiredRun<'_>, ev: &mut EventTotals) {
        let n = run.ops.len() as u64;
        if n == 0 {
            return;
        }
        let end = match &mut self.engine {
            EngineKind::Functional => self.end + n,
            EngineKind::InOrder(e) => e.retire_run(&mut self.shared, run, ev),
            EngineKind::OutOfOrder(e) => e.retire_run(&mut self.shared, run, ev),
        };
        ev.add(Event::InstRetired, run.el, n);
        ev.add(Event::CpuCycles, run.el, end - self.end);
        self.end = end;
    }

    fn invalidate_tlbs(&mut self) {
        self.shared.invalidate_tlbs();
    }

    /// Charges one cycle per instruction (the CPI of the functional preset; timed presets
    /// are exact only when told about each instruction).
    fn retire_bulk(&mut self, n: u64, el: El, ev: &mut EventTotals) {
        ev.add(Event::InstRetired, el, n);
        let at = self.end.saturating_add(n);
        self.restart_at(at, el, ev);
    }

    fn exception_entry(&mut self, ec: u8, from: El, _to: El, ev: &mut EventTotals) {
        ev.add(Event::ExcTaken, from, 1);
        if ec == 0x16 {
            ev.add(Event::ExcHvc, from, 1);
        }
        let at = self.full_stop(self.preset.exception_entry);
        self.restart_at(at, from, ev);
    }

    fn exception_return(&mut self, from: El, _to: El, ev: &mut EventTotals) {
        let at = self.full_stop(self.preset.exception_return);
        self.restart_at(at, from, ev);
    }
}
