//! The bridge from the run loop to `a64sim-timing`: a [`Tracer`] that charges time to a
//! [`CycleModel`], keeps the PE's clock and PMU events, and feeds a [`TrapRecorder`].
//!
//! Two modes, chosen by the `TIMED` parameter:
//! * `TrapTracer<M, false>` (`a64sim run --trap-report` without `--timing`): the run loop
//!   makes no per-instruction call; retired instructions are charged in bulk, from
//!   `Pe::retired`, at each exception entry and ERET. Exact for the `functional` preset.
//! * `TrapTracer<M, true>` (`--timing PRESET`): the model sees every retired instruction
//!   with its timing description, data access and branch target, and drives the
//!   guest-visible clock (`Pe::clock`) and the PMU's event counts (`Pe::events`).

use crate::block::MAX_BLOCK_INSNS;
use crate::exception::{Exception, VectorKind};
use crate::run::{Pe, RunSpan, Tracer};
use a64sim_arch::El;
use a64sim_isa::sysreg::SysRegId;
use a64sim_isa::Insn;
use a64sim_timing::{
    CycleModel, EventTotals, MemAccess, Op, RetiredRun, SysRegName, TrapDetail, TrapEntry, TrapKey,
    TrapRecorder, TrapReport, TrapReturn, Vector,
};
use std::collections::HashMap;

/// Records every trap under a cycle model.
#[derive(Debug)]
pub struct TrapTracer<M: CycleModel, const TIMED: bool = false> {
    /// The cycle model.
    pub model: M,
    /// The traps recorded so far.
    pub recorder: TrapRecorder,
    /// Events counted in bulk mode (a timed tracer counts into `Pe::events`).
    pub events: EventTotals,
    /// Cycles of exception entry, summed per trap key, with the count.
    pub entry_cycles: HashMap<TrapKey, (u64, u64)>,
    /// Cycles of ERET, summed per (from, to) EL pair, with the count.
    pub return_cycles: HashMap<(El, El), (u64, u64)>,
    charged_insns: u64,
    /// The data access of each instruction of the current block (timed mode).
    mems: Box<[MemAccess]>,
}

impl<M: CycleModel, const TIMED: bool> TrapTracer<M, TIMED> {
    /// A tracer charging `model`, for a PE that has retired `retired` instructions so far.
    pub fn new(model: M, retired: u64) -> Self {
        TrapTracer {
            model,
            recorder: TrapRecorder::new(),
            events: EventTotals::default(),
            entry_cycles: HashMap::new(),
            return_cycles: HashMap::new(),
            charged_insns: retired,
            mems: vec![MemAccess::default(); if TIMED { MAX_BLOCK_INSNS } else { 0 }]
                .into_boxed_slice(),
        }
    }

    /// Makes `pe`'s guest-visible clock follow this tracer's model (timed mode only; in
    /// bulk mode the PE keeps counting one cycle per instruction).
    pub fn install(&self, pe: &mut Pe) {
        if TIMED {
            pe.clock = crate::pmu::Clock {
                modelled: true,
                cycles: self.model.cycles(),
                freq_hz: self.model.frequency_hz(),
            };
        }
    }

    /// Modelled cycles so far (in bulk mode, after charging what `pe` retired since).
    pub fn cycles(&mut self, pe: &Pe) -> u64 {
        self.catch_up(pe, pe.st.pstate.el);
        self.model.cycles()
    }

    /// The summary of the traps recorded so far.
    pub fn report(&self) -> TrapReport {
        self.recorder.report(self.model.name())
    }

    /// Mean cycles of taking a `key` exception and of the ERET from `key.to` to
    /// `key.from`, when seen.
    pub fn entry_and_return(&self, key: &TrapKey) -> (Option<f64>, Option<f64>) {
        let mean = |v: Option<&(u64, u64)>| v.filter(|v| v.1 > 0).map(|v| v.0 as f64 / v.1 as f64);
        (
            mean(self.entry_cycles.get(key)),
            mean(self.return_cycles.get(&(key.to, key.from))),
        )
    }

    /// Bulk mode: charges the instructions retired since the last event, at `el`.
    fn catch_up(&mut self, pe: &Pe, el: El) {
        if TIMED {
            return;
        }
        let n = pe.retired.saturating_sub(self.charged_insns);
        self.charged_insns = pe.retired;
        if n > 0 {
            self.model.retire_bulk(n, el, &mut self.events);
        }
    }
}

/// The name of the system register or operation of an EC 0x18 trap, from THE tables in
/// `a64sim-isa` (`enc` is op0:op1:CRn:CRm:op2, as [`SysRegId`] packs it).
fn sysreg_name(enc: u16, read: bool) -> Option<SysRegName> {
    let id = SysRegId(enc);
    if id.op0() == 1 {
        let op = a64sim_isa::sysop::sys_op(id.op1(), id.crn(), id.crm(), id.op2())?;
        return Some(SysRegName {
            mnemonic: op.kind.mnemonic(),
            name: op.name,
        });
    }
    let name = if read { id.name() } else { id.write_name() }?;
    Some(SysRegName {
        mnemonic: if read { "MRS" } else { "MSR" },
        name,
    })
}

impl<M: CycleModel, const TIMED: bool> Tracer for TrapTracer<M, TIMED> {
    const ENABLED: bool = false;
    const EXCEPTIONS: bool = true;
    const TIMING: bool = TIMED;

    fn before(&mut self, _: &Pe, _: u64, _: u32, _: &Insn) {}

    fn before_exception(&mut self, _: &Pe, _: u64) {}

    fn after(&mut self, _: &Pe) {}

    #[inline(always)]
    fn access(&mut self, i: usize, a: MemAccess) {
        if let Some(slot) = self.mems.get_mut(i) {
            *slot = a;
        }
    }

    #[inline]
    fn retired_run(&mut self, pe: &mut Pe, ops: &[Op], span: RunSpan) {
        let RunSpan {
            range,
            pc,
            pa,
            last_next,
            el,
        } = span;
        if range.is_empty() {
            return;
        }
        let run = RetiredRun {
            ops: &ops[range.clone()],
            mems: &self.mems[range],
            pc,
            fetch_pa: pa,
            last_next,
            el,
            ctx: pe.xlat.ctx as u32,
            walk_reads: pe.xlat.walk_reads,
        };
        self.model.retire_run(&run, &mut pe.events);
        pe.clock.cycles = self.model.cycles();
    }

    #[cold]
    fn tlbs_invalidated(&mut self) {
        self.model.invalidate_tlbs();
    }

    #[cold]
    fn exception_taken(&mut self, pe: &mut Pe, e: &Exception, from: El) {
        self.catch_up(pe, from);
        let vector = match e.kind {
            VectorKind::Sync => Vector::Sync,
            VectorKind::Irq => Vector::Irq,
            VectorKind::Fiq => Vector::Fiq,
            VectorKind::SError => Vector::SError,
        };
        let detail = TrapDetail::classify(vector, e.esr, sysreg_name);
        let key = TrapKey {
            detail,
            from,
            to: e.target,
        };
        let entry = TrapEntry {
            key,
            return_pc: e.preferred_return,
        };
        let before = self.model.cycles();
        self.recorder.on_exception_entry(entry, before, pe.retired);
        let events = if TIMED {
            &mut pe.events
        } else {
            &mut self.events
        };
        self.model
            .exception_entry(detail.ec(), from, e.target, events);
        let cost = self.model.cycles() - before;
        let slot = self.entry_cycles.entry(key).or_default();
        *slot = (slot.0 + cost, slot.1 + 1);
        pe.clock.cycles = self.model.cycles();
    }

    #[cold]
    fn exception_returned(&mut self, pe: &mut Pe, from: El) {
        self.catch_up(pe, from);
        let to = pe.st.pstate.el;
        let before = self.model.cycles();
        let events = if TIMED {
            &mut pe.events
        } else {
            &mut self.events
        };
        self.model.exception_return(from, to, events);
        let cost = self.model.cycles() - before;
        let slot = self.return_cycles.entry((from, to)).or_default();
        *slot = (slot.0 + cost, slot.1 + 1);
        pe.clock.cycles = self.model.cycles();
        let ret = TrapReturn {
            from,
            to,
            pc: pe.st.pc,
        };
        self.recorder
            .on_exception_return(ret, self.model.cycles(), pe.retired);
    }
}
