//! The run loop: look up (or decode) the block at the PC, execute it, take exceptions,
//! repeat until the instruction budget is spent or something stops the run.

use crate::block::BlockCache;
use crate::error::CpuError;
use crate::exception::Exception;
use crate::exec::{Exec, Flow, Trap};
use crate::memory::{PhysMem, Platform};
use crate::monitor::ExclusiveMonitor;
use crate::state::CpuState;
use crate::sysreg::SysRegs;
use a64sim_arch::{El, Esr, ExceptionClass};
use a64sim_isa::Insn;
use a64sim_timing::{Event, MemAccess, Op, OpClass};

/// Table index of HCR_EL2, read at every block boundary.
const HCR: usize = crate::sysreg::index_of(a64sim_isa::sysreg::regs::HCR_EL2);
/// HCR_EL2.VI, VF and VSE: a virtual interrupt may be pending.
const VIRTUAL_PENDING: u64 =
    a64sim_el2::bits::hcr::VI | a64sim_el2::bits::hcr::VF | a64sim_el2::bits::hcr::VSE;

/// Architectural state of one processing element: registers, system registers, monitor.
#[derive(Clone, Debug)]
pub struct Pe {
    /// General-purpose registers, SPs, PC, PSTATE.
    pub st: CpuState,
    /// System registers.
    pub sys: SysRegs,
    /// Local exclusive monitor.
    pub monitor: ExclusiveMonitor,
    /// Instructions retired since reset.
    pub retired: u64,
    /// Exceptions taken since reset.
    pub exceptions: u64,
    /// The translation state of the current context.
    pub xlat: crate::translation::XlatState,
    /// The soft TLB.
    pub tlb: crate::tlb::SoftTlb,
    /// State of the generator behind IRG with GCR_EL1.RRND = 1 (deterministic).
    pub tag_rng: u64,
    /// Where guest-visible time comes from (a cycle model, or one cycle per instruction).
    pub clock: crate::pmu::Clock,
    /// Events counted per EL (retired instructions and exceptions always; cycles, cache
    /// and TLB refills and mispredictions when a cycle model runs).
    pub events: a64sim_timing::EventTotals,
    /// The PMU registers.
    pub pmu: crate::pmu::Pmu,
    /// The last data access made (for a cycle model).
    pub data_access: a64sim_timing::MemAccess,
}

/// A processing element with its decoded-block cache.
#[derive(Debug)]
pub struct Cpu {
    /// Architectural state.
    pub pe: Pe,
    /// Decoded blocks.
    pub blocks: BlockCache,
    /// Compiled code of hot blocks.
    pub jit: crate::jit::Jit,
}

/// Why a run stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// The instruction budget was spent.
    BudgetExhausted,
    /// The guest exited through semihosting with this status.
    Exit(i32),
    /// The guest waits for an interrupt that nothing can raise (WFI with no source).
    Idle {
        /// Address of the WFI.
        pc: u64,
    },
    /// The emulator could not go on.
    Error(CpuError),
}

/// The result of [`Cpu::run`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutcome {
    /// Why the run stopped.
    pub reason: StopReason,
    /// Instructions retired during this run.
    pub retired: u64,
}

/// A straight-line span of the current block that retired, for a cycle model: its
/// instructions fall through one to the next, and the last went to `last_next`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunSpan {
    /// Which instructions of the block.
    pub range: std::ops::Range<usize>,
    /// Address of the first.
    pub pc: u64,
    /// Physical address of the first.
    pub pa: u64,
    /// Where the last went.
    pub last_next: u64,
    /// The Exception level they ran at.
    pub el: El,
}

impl RunSpan {
    /// Instructions `from..to` of the block at `pc`/`pa`, the last going to `last_next`.
    #[inline(always)]
    fn of(block_pc: u64, block_pa: u64, from: usize, to: usize, last_next: u64, el: El) -> Self {
        RunSpan {
            range: from..to,
            pc: block_pc.wrapping_add(4 * from as u64),
            pa: block_pa.wrapping_add(4 * from as u64),
            last_next,
            el,
        }
    }
}

/// Observes execution one instruction at a time. With [`NoTrace`] every hook compiles away.
pub trait Tracer {
    /// Whether the hooks are called at all (a constant, so the check costs nothing).
    const ENABLED: bool;
    /// Before the instruction `word` at `pc` executes.
    fn before(&mut self, pe: &Pe, pc: u64, word: u32, insn: &Insn);
    /// Before a step at `pc` that takes an exception without fetching an instruction: a PC
    /// alignment fault or an Illegal Execution state exception (QEMU logs these steps too).
    fn before_exception(&mut self, pe: &Pe, pc: u64);
    /// After it completed or raised an exception.
    fn after(&mut self, pe: &Pe);
    /// Whether the exception hooks below are called (a constant, independent of
    /// [`Tracer::ENABLED`], so a trap recorder costs nothing per instruction).
    const EXCEPTIONS: bool = false;
    /// After `e` was taken from `from`: PSTATE, PC and `pe.retired` are those of the vector.
    fn exception_taken(&mut self, _pe: &mut Pe, _e: &Exception, _from: El) {}
    /// After an ERET executed at `from` retired: PSTATE and PC are the restored ones.
    fn exception_returned(&mut self, _pe: &mut Pe, _from: El) {}
    /// Whether [`Tracer::retired`] is called after every instruction (a cycle model; a
    /// constant, so the run loop without one pays nothing).
    const TIMING: bool = false;
    /// After instruction `i` of the current block executed: `a` is its data access, if it
    /// made one (`pe.data_access`, which is stale otherwise).
    fn access(&mut self, _i: usize, _a: MemAccess) {}
    /// The instructions `span` names retired (described by `ops[span.range]`). Called at the end of each block, and before an instruction that may
    /// read or change the PMU or the counters (so that they see every earlier one). A
    /// model that listens keeps `pe.clock` and `pe.events` up to date.
    fn retired_run(&mut self, _pe: &mut Pe, _ops: &[Op], _span: RunSpan) {}
    /// The guest invalidated translations (a TLBI, or context ids were recycled).
    fn tlbs_invalidated(&mut self) {}
}

impl<T: Tracer> Tracer for &mut T {
    const ENABLED: bool = T::ENABLED;
    const EXCEPTIONS: bool = T::EXCEPTIONS;
    #[inline(always)]
    fn before(&mut self, pe: &Pe, pc: u64, word: u32, insn: &Insn) {
        (**self).before(pe, pc, word, insn);
    }
    #[inline(always)]
    fn before_exception(&mut self, pe: &Pe, pc: u64) {
        (**self).before_exception(pe, pc);
    }
    #[inline(always)]
    fn after(&mut self, pe: &Pe) {
        (**self).after(pe);
    }
    #[inline(always)]
    fn exception_taken(&mut self, pe: &mut Pe, e: &Exception, from: El) {
        (**self).exception_taken(pe, e, from);
    }
    #[inline(always)]
    fn exception_returned(&mut self, pe: &mut Pe, from: El) {
        (**self).exception_returned(pe, from);
    }
    const TIMING: bool = T::TIMING;
    #[inline(always)]
    fn access(&mut self, i: usize, a: MemAccess) {
        (**self).access(i, a);
    }
    #[inline(always)]
    fn retired_run(&mut self, pe: &mut Pe, ops: &[Op], span: RunSpan) {
        (**self).retired_run(pe, ops, span);
    }
    #[inline(always)]
    fn tlbs_invalidated(&mut self) {
        (**self).tlbs_invalidated();
    }
}

/// Two tracers at once (an instruction trace and a trap report): each hook goes to the
/// ones that enabled it.
impl<A: Tracer, B: Tracer> Tracer for (A, B) {
    const ENABLED: bool = A::ENABLED || B::ENABLED;
    const EXCEPTIONS: bool = A::EXCEPTIONS || B::EXCEPTIONS;
    #[inline(always)]
    fn before(&mut self, pe: &Pe, pc: u64, word: u32, insn: &Insn) {
        if A::ENABLED {
            self.0.before(pe, pc, word, insn);
        }
        if B::ENABLED {
            self.1.before(pe, pc, word, insn);
        }
    }
    #[inline(always)]
    fn before_exception(&mut self, pe: &Pe, pc: u64) {
        if A::ENABLED {
            self.0.before_exception(pe, pc);
        }
        if B::ENABLED {
            self.1.before_exception(pe, pc);
        }
    }
    #[inline(always)]
    fn after(&mut self, pe: &Pe) {
        if A::ENABLED {
            self.0.after(pe);
        }
        if B::ENABLED {
            self.1.after(pe);
        }
    }
    #[inline(always)]
    fn exception_taken(&mut self, pe: &mut Pe, e: &Exception, from: El) {
        if A::EXCEPTIONS {
            self.0.exception_taken(pe, e, from);
        }
        if B::EXCEPTIONS {
            self.1.exception_taken(pe, e, from);
        }
    }
    #[inline(always)]
    fn exception_returned(&mut self, pe: &mut Pe, from: El) {
        if A::EXCEPTIONS {
            self.0.exception_returned(pe, from);
        }
        if B::EXCEPTIONS {
            self.1.exception_returned(pe, from);
        }
    }
    const TIMING: bool = A::TIMING || B::TIMING;
    #[inline(always)]
    fn access(&mut self, i: usize, a: MemAccess) {
        if A::TIMING {
            self.0.access(i, a);
        }
        if B::TIMING {
            self.1.access(i, a);
        }
    }
    #[inline(always)]
    fn retired_run(&mut self, pe: &mut Pe, ops: &[Op], span: RunSpan) {
        if A::TIMING {
            self.0.retired_run(pe, ops, span.clone());
        }
        if B::TIMING {
            self.1.retired_run(pe, ops, span);
        }
    }
    #[inline(always)]
    fn tlbs_invalidated(&mut self) {
        if A::TIMING {
            self.0.tlbs_invalidated();
        }
        if B::TIMING {
            self.1.tlbs_invalidated();
        }
    }
}

/// Takes `e`, telling `tracer` when it wants exception events.
#[inline(always)]
fn take<T: Tracer>(pe: &mut Pe, e: &Exception, tracer: &mut T) {
    let from = pe.st.pstate.el;
    if !T::TIMING {
        // Without a cycle model the PE counts the PMU's exception events itself.
        pe.events.add(Event::ExcTaken, from, 1);
        if e.esr.ec() == ExceptionClass::Hvc64.code() {
            pe.events.add(Event::ExcHvc, from, 1);
        }
    }
    pe.take_exception(e);
    if T::EXCEPTIONS {
        tracer.exception_taken(pe, e, from);
    }
}

/// The tracer that does nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoTrace;

impl Tracer for NoTrace {
    const ENABLED: bool = false;
    #[inline(always)]
    fn before(&mut self, _: &Pe, _: u64, _: u32, _: &Insn) {}
    #[inline(always)]
    fn before_exception(&mut self, _: &Pe, _: u64) {}
    #[inline(always)]
    fn after(&mut self, _: &Pe) {}
}

impl Cpu {
    /// A PE out of reset at `el` (MMU off, DAIF masked), about to execute `entry`.
    pub fn new(el: El, entry: u64) -> Self {
        Cpu {
            pe: Pe {
                st: CpuState::reset(el, entry),
                sys: SysRegs::new(),
                monitor: ExclusiveMonitor::default(),
                retired: 0,
                exceptions: 0,
                xlat: Default::default(),
                tlb: Default::default(),
                tag_rng: 0x9e37_79b9_7f4a_7c15,
                clock: Default::default(),
                events: Default::default(),
                pmu: Default::default(),
                data_access: Default::default(),
            },
            blocks: BlockCache::new(),
            jit: Default::default(),
        }
    }

    /// Runs at most `budget` steps: retired instructions plus taken exceptions (a guest
    /// looping through its vectors without retiring anything must still stop).
    pub fn run<P: Platform, T: Tracer>(
        &mut self,
        mem: &mut PhysMem,
        plat: &mut P,
        budget: u64,
        tracer: &mut T,
    ) -> RunOutcome {
        let start = self.pe.retired;
        let start_exceptions = self.pe.exceptions;
        let Cpu { pe, blocks, jit } = self;
        loop {
            if mem.has_dirty_code() {
                for page in mem.take_dirty_code() {
                    blocks.invalidate_page(page);
                }
            }
            let done = pe.retired - start;
            let steps = done + (pe.exceptions - start_exceptions);
            if steps >= budget {
                return RunOutcome {
                    reason: StopReason::BudgetExhausted,
                    retired: done,
                };
            }
            let pc = pe.st.pc;
            if pe.sys.get(HCR) & VIRTUAL_PENDING != 0 {
                if let Some(e) = pe.pending_virtual_interrupt() {
                    take(pe, &e, tracer);
                    continue;
                }
            }
            if pe.st.pstate.il {
                // After an illegal exception return, the next instruction takes an Illegal
                // Execution state exception (EC 0x0E) instead of executing (ARCH.md §1.5).
                let e = Exception {
                    kind: crate::exception::VectorKind::Sync,
                    target: pe.sync_target(),
                    esr: Esr::new(ExceptionClass::IllegalState, 0),
                    far: None,
                    preferred_return: pc,
                    hpfar: None,
                };
                if T::ENABLED {
                    tracer.before_exception(pe, pc);
                }
                take(pe, &e, tracer);
                continue;
            }
            pe.refresh_translation();
            if pe.xlat.flush_jump_cache {
                pe.xlat.flush_jump_cache = false;
                blocks.flush_jump_cache();
                if T::TIMING {
                    tracer.tlbs_invalidated();
                }
            }
            let id = match blocks.lookup_va(pc, pe.xlat.ctx) {
                Some(id) => id,
                None => match find_or_decode(pe, blocks, mem, pc) {
                    Ok(id) => id,
                    Err(Trap::Exception(e)) => {
                        // A misaligned PC faults without a fetch; an abort on the fetch
                        // itself is not a step QEMU logs.
                        if T::ENABLED && pc & 3 != 0 {
                            tracer.before_exception(pe, pc);
                        }
                        take(pe, &e, tracer);
                        continue;
                    }
                    Err(Trap::Stop(reason)) => {
                        return RunOutcome {
                            reason,
                            retired: pe.retired - start,
                        }
                    }
                },
            };
            // FEAT_BTI: BTYPE, set by the branch that led here, lasts until the first
            // instruction of this block completes. Clear it once per block, and put it back
            // if that first instruction takes an exception (SPSR must show it).
            let mut entry_btype = std::mem::take(&mut pe.st.pstate.btype);
            // Compiled code: only where nothing observes single instructions, and for a
            // whole block (the budget allows it). It runs the block, or a prefix of it, or
            // loops in it, or goes on into other compiled blocks; the interpreter continues
            // where it stopped.
            let (mut id, mut pc, mut first) = (id, pc, 0);
            if !T::ENABLED
                && !T::TIMING
                && jit.config.enabled
                && !blocks.interpret_only(id)
                && blocks.get(id).0.len() as u64 <= budget - steps
                && !pe.xlat.align_check
            {
                let ctx = pe.xlat.ctx;
                let (epoch, va_gen) = (blocks.epoch(), blocks.va_generation());
                let (insns, ops) = (blocks.get(id).0, blocks.ops(id));
                let (active, el) = (pe.xlat.active, pe.st.pstate.el);
                let verdict = jit.code_for(id, epoch, va_gen, insns, ops, pc, ctx, active, el);
                if let crate::jit::Verdict::Never = verdict {
                    blocks.set_interpret_only(id);
                }
                if let crate::jit::Verdict::Run(code, tag) = verdict {
                    let left = budget - steps;
                    let exit = crate::jit::run_block(jit, code, tag, pe, mem, left, id, pc);
                    jit.note_call(id, exit.loop_retired + exit.done as u64);
                    let el = pe.st.pstate.el;
                    pe.retired += exit.loop_retired;
                    pe.events.add(Event::InstRetired, el, exit.loop_retired);
                    jit.stats.retired += exit.loop_retired + exit.done as u64;
                    if exit.left {
                        pe.retired += exit.done as u64;
                        pe.events.add(Event::InstRetired, el, exit.done as u64);
                        pe.st.pc = exit.next_pc;
                        pe.st.pstate.btype = exit.btype;
                        continue;
                    }
                    if exit.loop_retired > 0 {
                        // The code branched into the block it stopped in.
                        entry_btype = exit.entry_btype;
                    }
                    // Interpret the rest of the block the code stopped in, from instruction
                    // `done` (the budget allowed all of it when the code entered it).
                    jit.stats.fallbacks += 1;
                    (id, pc, first) = (exit.block, exit.block_pc, exit.done);
                    pe.st.pc = exit.next_pc;
                }
            }
            let steps = pe.retired - start + (pe.exceptions - start_exceptions);
            let (insns, words) = blocks.get(id);
            let ops = blocks.ops(id);
            let block_pa = blocks.pa(id);
            let n = insns.len().min((budget - steps) as usize);
            // Only an ERET, the last instruction of its block, changes the EL in a block.
            let block_el = pe.st.pstate.el;
            let block_pc = pc;
            let mut exec = Exec {
                pe,
                mem,
                plat,
                pc: pe_pc(first, pc),
                block_pc: pc,
                unprivileged: false,
            };
            let mut i = first;
            // Instructions before `told` have been handed to the cycle model.
            let mut told = 0;
            let trap = loop {
                if i == n {
                    break None;
                }
                let insn = &insns[i];
                if T::TIMING && i > told && reads_clock(&ops[i]) {
                    let span = RunSpan::of(pc, block_pa, told, i, exec.pc, block_el);
                    tracer.retired_run(exec.pe, ops, span);
                    told = i;
                }
                if T::ENABLED {
                    // The tracer sees PSTATE.BTYPE as the first instruction executes with it.
                    if i == 0 {
                        exec.pe.st.pstate.btype = entry_btype;
                    }
                    tracer.before(exec.pe, exec.pc, words[i], insn);
                    exec.pe.st.pstate.btype = 0;
                }
                let r = insn.visit(&mut exec);
                if T::TIMING {
                    tracer.access(i, exec.pe.data_access);
                }
                i += 1;
                let end = match r {
                    Ok(Flow::Next) => {
                        exec.pc = exec.pc.wrapping_add(4);
                        if T::ENABLED {
                            exec.pe.st.pc = exec.pc;
                            tracer.after(exec.pe);
                        }
                        false
                    }
                    Ok(Flow::Branch(target)) => {
                        exec.pc = target;
                        true
                    }
                    Ok(Flow::EndBlock) => {
                        exec.pc = exec.pc.wrapping_add(4);
                        true
                    }
                    Err(t) => break Some(t),
                };
                if end {
                    break None;
                }
            };
            let pc = exec.pc;
            pe.st.pc = pc;
            match trap {
                None => {
                    let span = RunSpan::of(block_pc, block_pa, told, i, pc, block_el);
                    account_retired(pe, tracer, ops, span);
                    if T::ENABLED && i > 0 {
                        tracer.after(pe);
                    }
                    if T::EXCEPTIONS && i > 0 && matches!(insns[i - 1], Insn::Eret(_)) {
                        tracer.exception_returned(pe, block_el);
                    }
                }
                Some(Trap::Exception(e)) => {
                    if i == 1 && pe.st.pstate.btype == 0 {
                        pe.st.pstate.btype = entry_btype;
                    }
                    // An exception-generating instruction (SVC, HVC, SMC) completes: its
                    // preferred return is the next instruction. A fault does not retire.
                    let completed = e.preferred_return != pc;
                    let done = i - 1 + completed as usize;
                    let last_next = if completed { e.preferred_return } else { pc };
                    let span = RunSpan::of(block_pc, block_pa, told, done, last_next, block_el);
                    account_retired(pe, tracer, ops, span);
                    take(pe, &e, tracer);
                    if T::ENABLED {
                        tracer.after(pe);
                    }
                }
                Some(Trap::Stop(reason)) => {
                    // Semihosting exit completes the HLT; errors leave the PC at the culprit.
                    let completed = matches!(reason, StopReason::Exit(_));
                    let done = i - 1 + completed as usize;
                    let last_next = if completed { pc.wrapping_add(4) } else { pc };
                    let span = RunSpan::of(block_pc, block_pa, told, done, last_next, block_el);
                    account_retired(pe, tracer, ops, span);
                    return RunOutcome {
                        reason,
                        retired: pe.retired - start,
                    };
                }
            }
        }
    }
}

/// Counts the block's first `span.range.end` instructions as retired: in `Pe::retired`,
/// and in the PMU's events (by the cycle model, which is handed the ones it has not seen
/// yet, or by the PE itself without one).
#[inline(always)]
fn account_retired<T: Tracer>(pe: &mut Pe, tracer: &mut T, ops: &[Op], span: RunSpan) {
    let done = span.range.end as u64;
    pe.retired += done;
    if T::TIMING {
        tracer.retired_run(pe, ops, span);
    } else {
        pe.events.add(Event::InstRetired, span.el, done);
    }
}

/// The address of instruction `i` of the block at `block_pc`.
#[inline(always)]
fn pe_pc(i: usize, block_pc: u64) -> u64 {
    block_pc.wrapping_add(4 * i as u64)
}

/// Whether the cycle model must have seen every earlier instruction before `op` runs:
/// MRS and MSR may read or change the PMU and the counters.
#[inline(always)]
fn reads_clock(op: &Op) -> bool {
    matches!(op.class, OpClass::SysRead | OpClass::SysWrite)
}

/// Finds the block for `pc` by physical address, decoding it when it is new.
#[cold]
fn find_or_decode(
    pe: &mut Pe,
    blocks: &mut BlockCache,
    mem: &mut PhysMem,
    pc: u64,
) -> Result<u32, Trap> {
    if pc & 3 != 0 {
        // PC alignment fault (EC 0x22), FAR = the misaligned PC.
        return Err(Trap::Exception(Exception {
            kind: crate::exception::VectorKind::Sync,
            target: pe.sync_target(),
            esr: Esr::new(ExceptionClass::PcAlignment, 0),
            far: Some(pc),
            preferred_return: pc,
            hpfar: None,
        }));
    }
    let pa = if pe.xlat.active {
        fetch_address(pe, mem, pc)?
    } else {
        pc
    };
    if let Some(id) = blocks.lookup_pa(pc, pe.xlat.ctx, pa) {
        return Ok(id);
    }
    let Some(off) = mem.offset(pa, 4) else {
        // Nothing executable there: a synchronous external abort on the fetch.
        return Err(Trap::Exception(pe.external_abort(pc, false, true, pc)));
    };
    let page_end = (off | 0xfff) + 1;
    let end = page_end.min(mem.size());
    mem.mark_code(off);
    let m: &PhysMem = mem;
    let words = (off..end).step_by(4).map(|o| m.read_u32_at(o));
    Ok(blocks.insert(pc, pe.xlat.ctx, pa, words))
}

/// The physical address of an instruction fetch from `pc` with translation on: the soft
/// TLB, else a walk; a translation fault becomes an instruction abort.
#[cold]
fn fetch_address(pe: &mut Pe, mem: &mut PhysMem, pc: u64) -> Result<u64, Trap> {
    match pe.page_for(mem, pc, a64sim_mmu::AccessKind::Fetch, false) {
        Ok(e) => Ok(e.phys(mem.base(), pc)),
        Err(f) => Err(Trap::Exception(pe.translation_abort(pc, &f, true, pc))),
    }
}
