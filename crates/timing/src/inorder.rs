//! The in-order engine: a scoreboard and issue rules in the style of the Cortex-A55.
//!
//! Instructions issue in program order. Instruction `i` issues in the first cycle `t`
//! that satisfies all of:
//!
//! * not before the previous instruction; in the same cycle only if the issue group is
//!   still open (fewer than `width` instructions, the previous instruction lets a younger
//!   one pair with it, was not a taken branch) and `i` may be the younger of a pair;
//! * not before the front end has it (instruction-cache miss, mispredict refill,
//!   serialising instruction, blocking divide);
//! * not before its source registers are ready (the scoreboard);
//! * a serialising instruction not before every older result is ready;
//! * its pipe has a free unit in `t` and is not busy with a multi-cycle operation.
//!
//! Its result is ready at `t + latency`; a load's latency comes from the cache level that
//! hit, and a translation miss holds the memory instruction at issue for the walk. After
//! a load or atomic misses the L1D, no later load can use the load pipe until the line
//! has arrived (the A55 has no hit-under-miss, SOG 5.1). A mispredicted branch issued in
//! `b` lets the next instruction issue at `b + 1 + penalty`.

use crate::core::{sources_ready, write_results, Engine, Lane, Scoreboard, Shared};
use crate::op::{EventTotals, Op, Retired};
use crate::preset::Pipe;

/// In-order issue state.
#[derive(Clone, Debug)]
pub(crate) struct InOrder {
    /// The cycle of the current issue group.
    cycle: u64,
    /// Instructions issued in `cycle`.
    slots: u32,
    /// A younger instruction may still join the group in `cycle`.
    open: bool,
    /// The front end delivers the next instruction no earlier than this.
    fetch_ready: u64,
    /// Every result issued so far is ready by this cycle.
    horizon: u64,
    ready: Scoreboard,
    /// Per pipe: the cycle it last accepted an instruction, how many it accepted then,
    /// and the cycle a multi-cycle operation frees it.
    pipe_cycle: [u64; 8],
    pipe_used: [u8; 8],
    pipe_free: [u64; 8],
}

impl InOrder {
    pub fn new() -> Self {
        InOrder {
            cycle: 0,
            slots: 0,
            open: true,
            fetch_ready: 0,
            horizon: 0,
            ready: [0; 256],
            pipe_cycle: [0; 8],
            pipe_used: [0; 8],
            pipe_free: [0; 8],
        }
    }

    /// The cycle by which everything in flight has completed, given the cycle count `end`.
    pub fn drained(&self, end: u64) -> u64 {
        end.max(self.horizon).max(self.fetch_ready)
    }

    /// The next instruction issues at `at` at the earliest, starting a new group.
    pub fn restart_at(&mut self, at: u64) {
        self.cycle = self.cycle.max(at);
        self.slots = 0;
        self.open = true;
        self.fetch_ready = self.fetch_ready.max(at);
        self.horizon = self.horizon.max(at);
    }
}

impl Engine for InOrder {
    #[inline(always)]
    fn step(&mut self, sh: &mut Shared, op: &Op, r: &Retired, ev: &mut EventTotals) -> u64 {
        let k = sh.costs.lane(op.class);
        let x = u32::from(op.bytes == 8) * 8;
        let stall = sh.fetch(r, ev);
        if stall != 0 {
            self.fetch_ready = self.fetch_ready.max(self.cycle) + stall;
        }

        let mut t = if self.open && (self.slots == 0 || k.has(Lane::SLOT1)) {
            self.cycle
        } else {
            self.cycle + 1
        };
        t = t.max(self.fetch_ready).max(sources_ready(&self.ready, op));
        if k.has(Lane::SERIALISE) {
            t = t.max(self.horizon);
        }

        let mut lat = k.latency(x);
        let mut load_miss = false;
        if let Some(m) = r.mem {
            let (walk, a) = sh.data(m, r, ev);
            t += walk;
            lat = sh.result_latency(op.class, lat, a);
            load_miss = a.l1_refill && k.has(Lane::LOADS);
        }

        let pi = k.pipe();
        t = t.max(self.pipe_free[pi]);
        if t == self.pipe_cycle[pi] {
            if self.pipe_used[pi] >= sh.costs.units[pi] {
                t += 1;
                self.pipe_cycle[pi] = t;
                self.pipe_used[pi] = 1;
            } else {
                self.pipe_used[pi] += 1;
            }
        } else {
            self.pipe_cycle[pi] = t;
            self.pipe_used[pi] = 1;
        }
        let busy = k.busy(x);
        if busy > 1 {
            self.pipe_free[pi] = t + busy;
        }
        if load_miss {
            let l = Pipe::Load as usize;
            let refilled = t + lat - sh.costs.l1d_latency.min(lat);
            self.pipe_free[l] = self.pipe_free[l].max(refilled);
        }

        if t == self.cycle {
            self.slots += 1;
        } else {
            self.cycle = t;
            self.slots = 1;
        }

        let complete = t + lat;
        write_results(&mut self.ready, k, op, t, complete);
        self.horizon = self.horizon.max(complete);
        let mut taken = false;
        if k.has(Lane::BRANCH) {
            taken = r.next_pc != r.pc.wrapping_add(4);
            if sh.branch(op, r, ev) {
                let refetch = t + 1 + sh.costs.penalty;
                self.fetch_ready = self.fetch_ready.max(refetch);
            }
        }
        if k.has(Lane::BLOCK | Lane::SERIALISE) {
            let mut next = complete;
            if k.has(Lane::SERIALISE) {
                next += k.after();
            }
            if k.has(Lane::FLUSH) {
                next += sh.costs.penalty;
            }
            self.fetch_ready = self.fetch_ready.max(next);
        }
        self.open = self.slots < sh.costs.width && k.has(Lane::PAIR_AFTER) && !taken;
        t + 1
    }
}
