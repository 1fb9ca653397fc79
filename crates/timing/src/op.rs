//! What the cycle model is told about each instruction: its static description ([`Op`],
//! computed once when the instruction is decoded) and what happened when it ran
//! ([`Retired`]: where it was, where execution went next, what memory it touched).
//!
//! These are plain values so that this crate does not depend on the CPU: `a64sim-cpu`
//! translates its decoded instructions into [`Op`]s (one exhaustive match) and fills a
//! [`Retired`] after each instruction.

use a64sim_arch::El;

/// Register numbers in [`Op::src`] and [`Op::dst`]: X0–X30 are 0–30, then these.
pub mod reg {
    /// The stack pointer of the current EL.
    pub const SP: u8 = 31;
    /// The condition flags (PSTATE.NZCV).
    pub const NZCV: u8 = 32;
    /// Number of tracked registers (scoreboard size).
    pub const COUNT: usize = 33;
    /// No register (an unused slot, or XZR/WZR, which never creates a dependency).
    pub const NONE: u8 = 0xff;
}

/// The timing class of an instruction: which pipeline resource it uses and which latency
/// row of a preset applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum OpClass {
    /// No work (NOP, hints, PRFM, BTI).
    #[default]
    Nop,
    /// Simple integer ALU (ADD, SUB, logical, MOV, ADR, CSEL, CCMP, bitfield moves).
    Alu,
    /// Integer ALU with a shifted or extended operand, or a multi-cycle ALU operation
    /// (EXTR, CLZ, RBIT, REV, CRC32, flag manipulation).
    AluComplex,
    /// Multiply and multiply-accumulate (MUL, MADD, SMULL, ...).
    Mul,
    /// Multiply high (SMULH, UMULH).
    MulHigh,
    /// Integer divide (SDIV, UDIV): not pipelined.
    Div,
    /// Load (all single, pair, exclusive and acquire loads, LDG).
    Load,
    /// Store (all single, pair, exclusive and release stores, STG and friends, DC ZVA).
    Store,
    /// Atomic read-modify-write (LDADD and friends, SWP, CAS, CASP).
    Atomic,
    /// Unconditional direct branch (B).
    Branch,
    /// Conditional branch (B.cond, CBZ, CBNZ, TBZ, TBNZ).
    CondBranch,
    /// Indirect branch (BR, BRAA, ...).
    IndirectBranch,
    /// Direct call (BL): pushes the return stack.
    Call,
    /// Indirect call (BLR, BLRAA, ...): pushes the return stack.
    IndirectCall,
    /// Return (RET, RETAA, ...): pops the return stack.
    Return,
    /// System register read (MRS).
    SysRead,
    /// System register or PSTATE write (MSR): serialising on most cores.
    SysWrite,
    /// Memory barrier (DMB, DSB, SB).
    Barrier,
    /// Instruction synchronisation barrier: flushes the pipeline.
    Isb,
    /// System instruction (DC, IC, TLBI, AT).
    SysOp,
    /// Exception-generating instruction (SVC, HVC, SMC, BRK, HLT, UDF).
    ExceptionGen,
    /// Exception return (ERET, ERETAA).
    Eret,
    /// Wait for interrupt or event (WFI, WFE).
    Wait,
    /// Pointer authentication and tag arithmetic (PAC*, AUT*, IRG, ADDG, GMI, SUBP).
    Crypto,
}

impl OpClass {
    /// Every class, in declaration order (for tables and tests).
    pub const ALL: [OpClass; 24] = [
        OpClass::Nop,
        OpClass::Alu,
        OpClass::AluComplex,
        OpClass::Mul,
        OpClass::MulHigh,
        OpClass::Div,
        OpClass::Load,
        OpClass::Store,
        OpClass::Atomic,
        OpClass::Branch,
        OpClass::CondBranch,
        OpClass::IndirectBranch,
        OpClass::Call,
        OpClass::IndirectCall,
        OpClass::Return,
        OpClass::SysRead,
        OpClass::SysWrite,
        OpClass::Barrier,
        OpClass::Isb,
        OpClass::SysOp,
        OpClass::ExceptionGen,
        OpClass::Eret,
        OpClass::Wait,
        OpClass::Crypto,
    ];

    /// Whether the class is a branch of any kind.
    pub const fn is_branch(self) -> bool {
        matches!(
            self,
            OpClass::Branch
                | OpClass::CondBranch
                | OpClass::IndirectBranch
                | OpClass::Call
                | OpClass::IndirectCall
                | OpClass::Return
        )
    }

    /// Whether the class accesses data memory.
    pub const fn is_memory(self) -> bool {
        matches!(self, OpClass::Load | OpClass::Store | OpClass::Atomic)
    }
}

/// The static timing description of one decoded instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Op {
    /// Timing class.
    pub class: OpClass,
    /// Registers read ([`reg`] numbering; unused slots are [`reg::NONE`]).
    pub src: [u8; 4],
    /// Registers written ([`reg`] numbering; unused slots are [`reg::NONE`]). For a load
    /// the loaded registers come first; a base-register writeback is second (or third).
    pub dst: [u8; 3],
    /// Operand width in bytes for data processing (4 or 8: W or X forms), bytes moved for
    /// memory accesses (1–64), 0 when it does not matter.
    pub bytes: u8,
}

impl Default for Op {
    fn default() -> Self {
        Op::new(OpClass::Nop)
    }
}

impl Op {
    /// An instruction of `class` with no register operands.
    pub const fn new(class: OpClass) -> Self {
        Op {
            class,
            src: [reg::NONE; 4],
            dst: [reg::NONE; 3],
            bytes: 0,
        }
    }
}

/// One data memory access of a retired instruction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemAccess {
    /// Virtual address of the first byte.
    pub va: u64,
    /// Physical address of the first byte.
    pub pa: u64,
}

/// What happened when an instruction ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retired {
    /// Its address.
    pub pc: u64,
    /// The physical address it was fetched from (the instruction caches are physically
    /// indexed and tagged; callers that do not know it pass `pc`).
    pub fetch_pa: u64,
    /// The address of the next instruction (a branch was taken when this is not `pc + 4`).
    pub next_pc: u64,
    /// The Exception level it ran at.
    pub el: El,
    /// The first data access it made, if any (its size is [`Op::bytes`]).
    pub mem: Option<MemAccess>,
    /// The translation context it ran in (TLB entries of different contexts never match).
    pub ctx: u32,
    /// Descriptor reads a TLB miss costs in this context (0 with the MMU off; up to 24 for
    /// a 4-level stage 1 under a 4-level stage 2).
    pub walk_reads: u8,
}

/// A straight-line run of retired instructions (a decoded block, or part of one): `ops[j]`
/// is at `pc + 4 * j` and falls through to the next; the last one went to `last_next`.
/// The CPU hands the model whole runs so that the per-instruction cost of the hand-over
/// is a store, not a call.
#[derive(Clone, Copy, Debug)]
pub struct RetiredRun<'a> {
    /// The instructions, in program order.
    pub ops: &'a [Op],
    /// The data access of each instruction (meaningful for memory classes only).
    pub mems: &'a [MemAccess],
    /// Address of the first instruction.
    pub pc: u64,
    /// Physical address of the first instruction.
    pub fetch_pa: u64,
    /// Where the last instruction went.
    pub last_next: u64,
    /// The Exception level they ran at.
    pub el: El,
    /// The translation context they ran in.
    pub ctx: u32,
    /// Descriptor reads of a full walk in that context.
    pub walk_reads: u8,
}

impl RetiredRun<'_> {
    /// What instruction `j` of the run did.
    #[inline(always)]
    pub fn get(&self, j: usize) -> Retired {
        let pc = self.pc.wrapping_add(4 * j as u64);
        Retired {
            pc,
            fetch_pa: self.fetch_pa.wrapping_add(4 * j as u64),
            next_pc: if j + 1 == self.ops.len() {
                self.last_next
            } else {
                pc.wrapping_add(4)
            },
            el: self.el,
            mem: if self.ops[j].class.is_memory() {
                self.mems.get(j).copied()
            } else {
                None
            },
            ctx: self.ctx,
            walk_reads: self.walk_reads,
        }
    }
}

/// The PMUv3 common events the model counts (Arm ARM D17.11), by event number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Event {
    /// 0x03 L1D_CACHE_REFILL.
    L1dCacheRefill = 0,
    /// 0x05 L1D_TLB_REFILL.
    L1dTlbRefill = 1,
    /// 0x08 INST_RETIRED.
    InstRetired = 2,
    /// 0x09 EXC_TAKEN.
    ExcTaken = 3,
    /// 0x10 BR_MIS_PRED.
    BrMisPred = 4,
    /// 0x11 CPU_CYCLES.
    CpuCycles = 5,
    /// 0x8A EXC_HVC.
    ExcHvc = 6,
    /// 0x01 L1I_CACHE_REFILL.
    L1iCacheRefill = 7,
    /// 0x04 L1D_CACHE (accesses).
    L1dCache = 8,
    /// 0x12 BR_PRED (predictable branches executed).
    BrPred = 9,
}

impl Event {
    /// Every event.
    pub const ALL: [Event; 10] = [
        Event::L1dCacheRefill,
        Event::L1dTlbRefill,
        Event::InstRetired,
        Event::ExcTaken,
        Event::BrMisPred,
        Event::CpuCycles,
        Event::ExcHvc,
        Event::L1iCacheRefill,
        Event::L1dCache,
        Event::BrPred,
    ];

    /// Number of events.
    pub const COUNT: usize = Event::ALL.len();

    /// Its PMUv3 event number.
    pub const fn number(self) -> u16 {
        match self {
            Event::L1dCacheRefill => 0x03,
            Event::L1dTlbRefill => 0x05,
            Event::InstRetired => 0x08,
            Event::ExcTaken => 0x09,
            Event::BrMisPred => 0x10,
            Event::CpuCycles => 0x11,
            Event::ExcHvc => 0x8a,
            Event::L1iCacheRefill => 0x01,
            Event::L1dCache => 0x04,
            Event::BrPred => 0x12,
        }
    }

    /// The event with PMUv3 number `n`, if the model counts it.
    pub fn from_number(n: u16) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.number() == n)
    }
}

/// Event totals since reset, per Exception level (so a PMU can filter by EL).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EventTotals {
    counts: [[u64; 4]; Event::COUNT],
}

impl EventTotals {
    /// Adds `n` occurrences of `e` at `el`.
    #[inline(always)]
    pub fn add(&mut self, e: Event, el: El, n: u64) {
        let c = &mut self.counts[e as usize][el as usize];
        *c = c.wrapping_add(n);
    }

    /// Occurrences of `e` at `el`.
    pub fn get(&self, e: Event, el: El) -> u64 {
        self.counts[e as usize][el as usize]
    }

    /// Occurrences of `e` at every EL for which `include` says yes.
    pub fn sum(&self, e: Event, include: impl Fn(El) -> bool) -> u64 {
        [El::El0, El::El1, El::El2, El::El3]
            .into_iter()
            .filter(|&el| include(el))
            .fold(0u64, |s, el| s.wrapping_add(self.get(e, el)))
    }
}
