//! The out-of-order engine: a dataflow approximation in the style of the Neoverse N1.
//!
//! Each instruction, in program order:
//!
//! * dispatches at `d`, the first cycle with a free dispatch slot (`width` per cycle) at
//!   or after the front end delivers it, once the instruction `rob` places earlier has
//!   retired (the reorder buffer is full until then); a serialising instruction also
//!   waits until every older one has retired;
//! * issues at `t`, the first cycle at or after `max(d, sources ready)` in which its pipe
//!   has a free unit (a small per-pipe reservation table, so a younger instruction can
//!   take a cycle an older one left free; an unpipelined operation such as a divide
//!   also waits for the previous one on its unit);
//! * completes at `t + latency` (a load's latency from the cache level that hit, plus
//!   any translation walk);
//! * retires at the first cycle at or after its completion and the previous retirement
//!   with a free retire slot (`width` per cycle).
//!
//! A mispredicted branch that issues at `b` lets nothing younger dispatch before
//! `b + penalty`; a correctly predicted taken branch ends its fetch group. After a
//! serialising instruction retires at `r`, the next dispatches at `r + after` (plus the
//! refill if it flushes).

use crate::core::{sources_ready, write_results, Engine, Lane, Scoreboard, Shared};
use crate::op::{EventTotals, Op, Retired};
use crate::preset::Preset;

/// Cycles the per-pipe reservation table covers (reservations further apart alias).
const RING: usize = 128;

/// Out-of-order dispatch, issue and retire state.
#[derive(Clone, Debug)]
pub(crate) struct OutOfOrder {
    /// The cycle of the last dispatch, and how many dispatched in it.
    disp_cycle: u64,
    disp_count: u32,
    /// The front end delivers the next instruction no earlier than this.
    fetch_ready: u64,
    /// The cycle of the last retirement, and how many retired in it.
    last_retire: u64,
    ret_count: u32,
    ready: Scoreboard,
    /// Retire cycles of the last `rob` instructions, a ring; `rob_pos` is the oldest.
    rob: Vec<u64>,
    rob_pos: usize,
    /// Per pipe and cycle modulo [`RING`]: which cycle the slot holds and how many units
    /// are taken in it.
    ring_cycle: [[u64; RING]; 8],
    ring_used: [[u8; RING]; 8],
    /// Per pipe: when its last multi-cycle operation frees its unit.
    unit_free: [u64; 8],
}

impl OutOfOrder {
    pub fn new(p: &Preset) -> Self {
        OutOfOrder {
            disp_cycle: 0,
            disp_count: 0,
            fetch_ready: 0,
            last_retire: 0,
            ret_count: 0,
            ready: [0; 256],
            rob: vec![0; p.rob.max(1) as usize],
            rob_pos: 0,
            ring_cycle: [[u64::MAX; RING]; 8],
            ring_used: [[0; RING]; 8],
            unit_free: [0; 8],
        }
    }

    /// Takes a unit of `pipe` (which has `units`) at the first cycle at or after `t` where
    /// one is free, and returns that cycle. An operation that keeps its unit `busy` for
    /// more than a cycle also waits for the previous such operation on the pipe to finish
    /// (in program order: a reservation table could not see that far ahead).
    #[inline(always)]
    fn reserve(&mut self, pipe: usize, units: u8, mut t: u64, busy: u64) -> u64 {
        if units == u8::MAX {
            return t;
        }
        if busy > 1 {
            t = t.max(self.unit_free[pipe]);
        }
        let cycles = &mut self.ring_cycle[pipe];
        let used = &mut self.ring_used[pipe];
        loop {
            let i = t as usize % RING;
            if cycles[i] != t {
                cycles[i] = t;
                used[i] = 1;
                break;
            }
            if used[i] < units {
                used[i] += 1;
                break;
            }
            t += 1;
        }
        if busy > 1 {
            self.unit_free[pipe] = t + busy;
        }
        t
    }

    /// The cycle by which every instruction so far has retired and the front end can
    /// fetch again, given the cycle count `end`.
    pub fn drained(&self, end: u64) -> u64 {
        end.max(self.last_retire).max(self.fetch_ready)
    }

    /// Nothing younger dispatches before `at`.
    pub fn restart_at(&mut self, at: u64) {
        self.fetch_ready = self.fetch_ready.max(at);
        self.last_retire = self.last_retire.max(at);
        self.ret_count = 0;
    }
}

impl Engine for OutOfOrder {
    #[inline(always)]
    fn step(&mut self, sh: &mut Shared, op: &Op, r: &Retired, ev: &mut EventTotals) -> u64 {
        let k = sh.costs.lane(op.class);
        let x = u32::from(op.bytes == 8) * 8;
        let width = sh.costs.width;
        let stall = sh.fetch(r, ev);
        if stall != 0 {
            self.fetch_ready = self.fetch_ready.max(self.disp_cycle) + stall;
        }

        let mut d = self.disp_cycle.max(self.fetch_ready);
        if d == self.disp_cycle && self.disp_count >= width {
            d += 1;
        }
        d = d.max(self.rob[self.rob_pos]);
        if k.has(Lane::SERIALISE) {
            d = d.max(self.last_retire);
        }
        if d == self.disp_cycle {
            self.disp_count += 1;
        } else {
            self.disp_cycle = d;
            self.disp_count = 1;
        }

        let pi = k.pipe();
        let t = d.max(sources_ready(&self.ready, op));
        let t = self.reserve(pi, sh.costs.units[pi], t, k.busy(x));
        let mut lat = k.latency(x);
        let mut walk = 0;
        if let Some(m) = r.mem {
            let (w, a) = sh.data(m, r, ev);
            walk = w;
            lat = sh.result_latency(op.class, lat, a);
        }
        let complete = t + walk + lat;
        write_results(&mut self.ready, k, op, t, complete);

        let mut rt = complete.max(self.last_retire);
        if rt == self.last_retire {
            if self.ret_count >= width {
                rt += 1;
                self.ret_count = 1;
            } else {
                self.ret_count += 1;
            }
        } else {
            self.ret_count = 1;
        }
        self.last_retire = rt;
        self.rob[self.rob_pos] = rt;
        self.rob_pos += 1;
        if self.rob_pos == self.rob.len() {
            self.rob_pos = 0;
        }

        if k.has(Lane::BRANCH) {
            if sh.branch(op, r, ev) {
                let refetch = t + sh.costs.penalty;
                self.fetch_ready = self.fetch_ready.max(refetch);
            } else if r.next_pc != r.pc.wrapping_add(4) {
                self.fetch_ready = self.fetch_ready.max(d + 1);
            }
        }
        if k.has(Lane::BLOCK) {
            self.fetch_ready = self.fetch_ready.max(complete);
        }
        if k.has(Lane::SERIALISE) {
            let mut next = rt + k.after();
            if k.has(Lane::FLUSH) {
                next += sh.costs.penalty;
            }
            self.fetch_ready = self.fetch_ready.max(next);
        }
        rt
    }
}
