//! The bridge from the run loop to `a64sim-timing`: a [`Tracer`] that uses only the
//! exception hooks, charges time to a [`CycleModel`], and feeds a [`TrapRecorder`].
//!
//! It sets [`Tracer::ENABLED`] to false, so the run loop makes no per-instruction call:
//! retired instructions are charged in bulk, from `Pe::retired`, at each exception entry
//! and ERET. That is exact for a model whose cost does not depend on the instruction
//! (the `functional` preset); per-class costs will charge each block's static cost instead.

use crate::exception::{Exception, VectorKind};
use crate::run::{Pe, Tracer};
use a64sim_arch::El;
use a64sim_isa::sysreg::SysRegId;
use a64sim_isa::Insn;
use a64sim_timing::{
    CycleModel, EventTotals, SysRegName, TrapDetail, TrapEntry, TrapKey, TrapRecorder, TrapReport, TrapReturn,
    Vector,
};

/// Records every trap under a cycle model (`a64sim run --trap-report`).
#[derive(Debug)]
pub struct TrapTracer<M: CycleModel> {
    /// The cycle model.
    pub model: M,
    /// The traps recorded so far.
    pub recorder: TrapRecorder,
    /// Events counted so far.
    pub events: EventTotals,
    charged_insns: u64,
}

impl<M: CycleModel> TrapTracer<M> {
    /// A tracer charging `model`, for a PE that has retired `retired` instructions so far.
    pub fn new(model: M, retired: u64) -> Self {
        TrapTracer {
            model,
            recorder: TrapRecorder::new(),
            events: EventTotals::default(),
            charged_insns: retired,
        }
    }

    /// Cycles up to the last event, then the instructions `pe` retired since.
    pub fn cycles(&mut self, pe: &Pe) -> u64 {
        self.catch_up(pe, pe.st.pstate.el);
        self.model.cycles()
    }

    /// The summary of the traps recorded so far.
    pub fn report(&self) -> TrapReport {
        self.recorder.report(self.model.name())
    }

    /// Charges the instructions retired since the last event.
    fn catch_up(&mut self, pe: &Pe, el: El) {
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

impl<M: CycleModel> Tracer for TrapTracer<M> {
    const ENABLED: bool = false;
    const EXCEPTIONS: bool = true;

    fn before(&mut self, _: &Pe, _: u64, _: u32, _: &Insn) {}

    fn before_exception(&mut self, _: &Pe, _: u64) {}

    fn after(&mut self, _: &Pe) {}

    #[cold]
    fn exception_taken(&mut self, pe: &Pe, e: &Exception, from: El) {
        self.catch_up(pe, from);
        let vector = match e.kind {
            VectorKind::Sync => Vector::Sync,
            VectorKind::Irq => Vector::Irq,
            VectorKind::Fiq => Vector::Fiq,
            VectorKind::SError => Vector::SError,
        };
        let detail = TrapDetail::classify(vector, e.esr, sysreg_name);
        let entry = TrapEntry {
            key: TrapKey {
                detail,
                from,
                to: e.target,
            },
            return_pc: e.preferred_return,
        };
        self.recorder
            .on_exception_entry(entry, self.model.cycles(), pe.retired);
        self.model
            .exception_entry(detail.ec(), from, e.target, &mut self.events);
    }

    #[cold]
    fn exception_returned(&mut self, pe: &Pe, from: El) {
        self.catch_up(pe, from);
        let to = pe.st.pstate.el;
        self.model.exception_return(from, to, &mut self.events);
        let ret = TrapReturn {
            from,
            to,
            pc: pe.st.pc,
        };
        self.recorder
            .on_exception_return(ret, self.model.cycles(), pe.retired);
    }
}
