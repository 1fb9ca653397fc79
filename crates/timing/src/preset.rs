//! The named core presets: one table row per modelled core, with every number the cycle
//! model uses and where it comes from.
//!
//! A row holds per-[`OpClass`] costs ([`ClassCost`]: result latency for W and X forms,
//! execution pipe and how long it stays busy, dual-issue and serialisation rules), the
//! issue width and reorder-buffer size, cache and TLB geometries, branch-predictor sizes
//! and the fixed costs of exception entry and ERET. The model reads nothing else, so a
//! `--timing-set` override ([`crate::config`]) is a change to a copy of one row.
//!
//! Numbers from Arm's Software Optimization Guides (SOG) and Technical Reference Manuals
//! (TRM) are cited per row; numbers Arm does not publish (exception entry, ERET, barrier
//! costs, predictor sizes, memory latency) are estimates and say so.

use crate::op::OpClass;

/// Number of timing classes (rows of a class table).
pub const CLASS_COUNT: usize = OpClass::ALL.len();

/// How a core executes: which cycle model a preset selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoreKind {
    /// One cycle per instruction and nothing else (no caches, no predictor).
    Functional,
    /// In-order issue up to `width` per cycle with a register scoreboard and pipe limits.
    InOrder,
    /// Dataflow approximation of an out-of-order core: dispatch width, reorder buffer,
    /// issue when operands are ready, in-order retirement.
    OutOfOrder,
}

/// An execution pipe kind; a preset says how many of each a core has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pipe {
    /// Uses no limited resource (NOP, system instructions that single-issue anyway).
    None,
    /// Integer ALU.
    Alu,
    /// Integer multiply-accumulate.
    Mac,
    /// Integer divider.
    Div,
    /// Load (address generation and data return).
    Load,
    /// Store.
    Store,
    /// Branch unit.
    Branch,
}

impl Pipe {
    /// Number of pipe kinds.
    pub const COUNT: usize = 7;
}

/// What instructions of one class cost on one core.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClassCost {
    /// Cycles from issue until a dependent instruction can use the result: `[W or other
    /// form, X form]` (X when [`crate::Op::bytes`] is 8). For loads the L1 hit latency
    /// comes from [`Preset::l1d`] instead.
    pub latency: [u8; 2],
    /// Cycles the pipe cannot accept another instruction (1 = fully pipelined), `[W, X]`.
    pub busy: [u8; 2],
    /// The pipe it executes in.
    pub pipe: Pipe,
    /// In-order dual issue: it may issue as the younger instruction of a pair.
    pub slot1: bool,
    /// In-order dual issue: a younger instruction may issue in the same cycle after it.
    pub pair_after: bool,
    /// It waits until every older instruction has completed (drains the pipeline).
    pub serialise: bool,
    /// Younger instructions are refetched after it (pipeline refill: the mispredict
    /// penalty is charged).
    pub flush: bool,
    /// Younger instructions cannot issue until its result is ready.
    pub block: bool,
    /// Extra cycles before a younger instruction may issue, after it completes (only for
    /// serialising classes).
    pub after: u16,
}

impl ClassCost {
    /// Fully pipelined, `latency` for every form, dual-issuable in both slots.
    pub const fn new(latency: u8, pipe: Pipe) -> Self {
        ClassCost {
            latency: [latency; 2],
            busy: [1; 2],
            pipe,
            slot1: true,
            pair_after: true,
            serialise: false,
            flush: false,
            block: false,
            after: 0,
        }
    }

    /// With a different latency for the X form.
    pub const fn x(mut self, latency_x: u8) -> Self {
        self.latency[1] = latency_x;
        self
    }

    /// With the pipe busy for `w` (W form) and `x` (X form) cycles.
    pub const fn busy(mut self, w: u8, x: u8) -> Self {
        self.busy = [w, x];
        self
    }

    /// Not pipelined: the pipe is busy until the result is ready.
    pub const fn unpipelined(self) -> Self {
        let [w, x] = self.latency;
        self.busy(w, x)
    }

    /// Dual-issues only as the older instruction of a pair (SOG "01").
    pub const fn slot0_only(mut self) -> Self {
        self.slot1 = false;
        self
    }

    /// Dual-issues only as the younger instruction of a pair (SOG "10").
    pub const fn ends_group(mut self) -> Self {
        self.pair_after = false;
        self
    }

    /// Never dual-issues (SOG "00").
    pub const fn single(self) -> Self {
        self.slot0_only().ends_group()
    }

    /// Drains the pipeline before it and holds younger instructions `after` cycles.
    pub const fn serialising(mut self, after: u16) -> Self {
        self.serialise = true;
        self.after = after;
        self.single()
    }

    /// Refetches younger instructions (charges the pipeline refill).
    pub const fn flushing(mut self) -> Self {
        self.flush = true;
        self
    }

    /// Younger instructions wait for its result.
    pub const fn blocking(mut self) -> Self {
        self.block = true;
        self
    }
}

/// A class table written as `(class, cost)` rows in any order; every class exactly once
/// (checked when the constant is evaluated, so a missing or doubled row does not compile).
const fn class_table(rows: [(OpClass, ClassCost); CLASS_COUNT]) -> [ClassCost; CLASS_COUNT] {
    let mut out = [ClassCost::new(1, Pipe::None); CLASS_COUNT];
    let mut seen = [false; CLASS_COUNT];
    let mut i = 0;
    while i < CLASS_COUNT {
        let (class, cost) = rows[i];
        assert!(
            !seen[class as usize],
            "a class appears twice in a class table"
        );
        seen[class as usize] = true;
        out[class as usize] = cost;
        i += 1;
    }
    out
}

/// The `--timing-set` name of each class (`lat.<name>`), in [`OpClass::ALL`] order.
pub const CLASS_NAMES: [&str; CLASS_COUNT] = [
    "nop",
    "alu",
    "alu_complex",
    "mul",
    "mul_high",
    "div",
    "load",
    "store",
    "atomic",
    "branch",
    "cond_branch",
    "indirect_branch",
    "call",
    "indirect_call",
    "return",
    "sys_read",
    "sys_write",
    "barrier",
    "isb",
    "sys_op",
    "exception_gen",
    "eret",
    "wait",
    "crypto",
];

/// One cache level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CacheGeometry {
    /// Capacity in bytes.
    pub size: u64,
    /// Ways per set.
    pub assoc: u32,
    /// Line size in bytes.
    pub line: u32,
    /// Load-to-use cycles of a hit at this level (for L2: of an L1 miss that hits L2).
    pub latency: u32,
}

impl CacheGeometry {
    /// Number of sets.
    pub const fn sets(&self) -> u64 {
        self.size / (self.assoc as u64 * self.line as u64)
    }
}

/// One TLB level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TlbGeometry {
    /// Entries.
    pub entries: u32,
    /// Ways per set (equal to `entries` for a fully associative TLB).
    pub assoc: u32,
    /// Extra cycles of a lookup that misses the level above and hits this one.
    pub latency: u32,
}

/// Branch predictor sizes and the cost of a wrong prediction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BranchParams {
    /// Cycles lost when a branch was mispredicted (pipeline refill); also the refill
    /// charged by ISB, exception entry and ERET.
    pub mispredict_penalty: u32,
    /// 2-bit direction counters (a power of two).
    pub direction_entries: u32,
    /// Global history bits XORed into the counter index (0: bimodal, else gshare).
    pub history_bits: u32,
    /// Branch target buffer entries, direct-mapped (a power of two).
    pub btb_entries: u32,
    /// Return stack entries.
    pub ras_depth: u32,
}

/// A named core preset: every number the cycle model uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// The name users select it by (`--timing a55`).
    pub name: &'static str,
    /// Other names accepted for it.
    pub aliases: &'static [&'static str],
    /// What it stands for.
    pub description: &'static str,
    /// Where its numbers come from.
    pub source: &'static str,
    /// Which model runs it.
    pub kind: CoreKind,
    /// Core clock in Hz.
    pub freq_hz: u64,
    /// Instructions issued (in-order) or dispatched and retired (out-of-order) per cycle.
    pub width: u32,
    /// Reorder buffer entries (out-of-order only).
    pub rob: u32,
    /// Units of each pipe kind, indexed by [`Pipe`] (the `None` entry is unlimited).
    pub pipes: [u8; Pipe::COUNT],
    /// Per-class costs, indexed by [`OpClass`].
    pub classes: [ClassCost; CLASS_COUNT],
    /// L1 instruction cache.
    pub l1i: CacheGeometry,
    /// L1 data cache.
    pub l1d: CacheGeometry,
    /// Unified L2 cache.
    pub l2: CacheGeometry,
    /// Load-to-use cycles of an access that misses L2.
    pub mem_latency: u32,
    /// L1 instruction TLB.
    pub itlb: TlbGeometry,
    /// L1 data TLB.
    pub dtlb: TlbGeometry,
    /// Unified L2 TLB.
    pub l2tlb: TlbGeometry,
    /// Branch predictor.
    pub branch: BranchParams,
    /// Fixed cycles of exception entry, after the drain and the pipeline refill.
    pub exception_entry: u32,
    /// Fixed cycles of an ERET, after the drain and the pipeline refill.
    pub exception_return: u32,
}

/// Unlimited units for [`Pipe::None`].
const NO_LIMIT: u8 = u8::MAX;

/// The `functional` preset: every class costs one cycle and nothing else is charged.
const FUNCTIONAL: Preset = Preset {
    name: "functional",
    aliases: &[],
    description: "1 cycle per instruction; exception entry and ERET cost nothing extra",
    source: "none: a reference model, not a core",
    kind: CoreKind::Functional,
    freq_hz: 1_000_000_000,
    width: 1,
    rob: 1,
    pipes: [NO_LIMIT, 1, 1, 1, 1, 1, 1],
    classes: [ClassCost::new(1, Pipe::None); CLASS_COUNT],
    l1i: CacheGeometry {
        size: 32 * 1024,
        assoc: 4,
        line: 64,
        latency: 1,
    },
    l1d: CacheGeometry {
        size: 32 * 1024,
        assoc: 4,
        line: 64,
        latency: 1,
    },
    l2: CacheGeometry {
        size: 256 * 1024,
        assoc: 8,
        line: 64,
        latency: 1,
    },
    mem_latency: 1,
    itlb: TlbGeometry {
        entries: 16,
        assoc: 16,
        latency: 0,
    },
    dtlb: TlbGeometry {
        entries: 16,
        assoc: 16,
        latency: 0,
    },
    l2tlb: TlbGeometry {
        entries: 1024,
        assoc: 4,
        latency: 0,
    },
    branch: BranchParams {
        mispredict_penalty: 0,
        direction_entries: 1024,
        history_bits: 0,
        btb_entries: 256,
        ras_depth: 8,
    },
    exception_entry: 0,
    exception_return: 0,
};

/// Cortex-A55 (in-order, dual issue). Section numbers are those of the Arm Cortex-A55
/// Software Optimization Guide, EPM128372 issue 4.0 (2022), which match issue 3.0 (2018).
const A55: Preset = Preset {
    name: "a55",
    aliases: &["cortex-a55"],
    description: "Arm Cortex-A55: in-order, dual issue, 32K L1I/L1D, 128K private L2",
    source: "Arm Cortex-A55 Software Optimization Guide (EPM128372, issue 3.0/2018 and \
             4.0/2022) sections 3.2-3.4 and 4.2-4.10 for latencies, pipes and dual issue; \
             Cortex-A55 TRM (100442) for cache and TLB organisation (L1 TLBs 15/16 entries \
             fully associative, L2 TLB 1024 entries 4-way); mispredict penalty 8 from SOG \
             4.3 (branch forms flush: 8 cycles) and LLVM's Cortex-A55 model; cache sizes \
             as configured in common SoCs (32K/32K/128K); L2 latency, memory latency, \
             predictor sizes, barrier, system-register, exception entry and ERET costs \
             are estimates",
    kind: CoreKind::InOrder,
    freq_hz: 1_800_000_000, // estimate: a typical phone little-core clock
    width: 2,               // SOG 3.2: dual issue
    rob: 1,
    // SOG 3.1 figure 1: ALU0/ALU1, MAC, DIV, load, store, branch.
    pipes: [NO_LIMIT, 2, 1, 1, 1, 1, 1],
    classes: class_table([
        (OpClass::Nop, ClassCost::new(1, Pipe::None)),
        // 4.3 ALU basic: 1 cycle, throughput 2, "11".
        (OpClass::Alu, ClassCost::new(1, Pipe::Alu)),
        // 4.3 ALU extend and/or shift: 2; 4.7 EXTR, RBIT, BFM: 2.
        (OpClass::AluComplex, ClassCost::new(2, Pipe::Alu)),
        // 4.5 MADD 32-bit 3, throughput 1; 64-bit 4-5 (we take 4), throughput 1/3-1/2.
        (OpClass::Mul, ClassCost::new(3, Pipe::Mac).x(4).busy(1, 2)),
        // 4.5 SMULH/UMULH: 6, throughput 1/3.
        (OpClass::MulHigh, ClassCost::new(6, Pipe::Mac).busy(3, 3)),
        // 4.5 SDIV/UDIV W 3-12, X 3-20 (we take the upper bounds), "01"; 3.4: divides
        // block later divides and let no younger instruction retire underneath.
        (
            OpClass::Div,
            ClassCost::new(12, Pipe::Div)
                .x(20)
                .unpipelined()
                .slot0_only()
                .blocking(),
        ),
        // 3.3 / 4.8: load-to-use 3 on an L1 hit (from Preset::l1d.latency).
        (OpClass::Load, ClassCost::new(3, Pipe::Load)),
        // 4.9 store: 1.
        (OpClass::Store, ClassCost::new(1, Pipe::Store)),
        // 4.10: LD<OP>/SWP 2-3, CAS 3-4 (we take 3), throughput 1/3, "01".
        (
            OpClass::Atomic,
            ClassCost::new(3, Pipe::Load).busy(3, 3).slot0_only(),
        ),
        // 4.2 branches: 1; B, BL, CBZ/TBZ "11"; BR, BLR, RET "10".
        (OpClass::Branch, ClassCost::new(1, Pipe::Branch)),
        (OpClass::CondBranch, ClassCost::new(1, Pipe::Branch)),
        (
            OpClass::IndirectBranch,
            ClassCost::new(1, Pipe::Branch).ends_group(),
        ),
        (OpClass::Call, ClassCost::new(1, Pipe::Branch)),
        (
            OpClass::IndirectCall,
            ClassCost::new(1, Pipe::Branch).ends_group(),
        ),
        (
            OpClass::Return,
            ClassCost::new(1, Pipe::Branch).ends_group(),
        ),
        // 3.2: MRS/MSR, barriers, WFI never dual-issue; 3.1.1: system register reads are
        // not forwarded (latency 4 is an estimate). Costs after serialisation: estimates.
        (OpClass::SysRead, ClassCost::new(4, Pipe::None).single()),
        (
            OpClass::SysWrite,
            ClassCost::new(1, Pipe::None).serialising(4),
        ),
        (
            OpClass::Barrier,
            ClassCost::new(1, Pipe::None).serialising(6),
        ),
        (
            OpClass::Isb,
            ClassCost::new(1, Pipe::None).serialising(0).flushing(),
        ),
        (
            OpClass::SysOp,
            ClassCost::new(1, Pipe::None).serialising(10),
        ),
        (
            OpClass::ExceptionGen,
            ClassCost::new(1, Pipe::None).serialising(0),
        ),
        (OpClass::Eret, ClassCost::new(1, Pipe::None).serialising(0)),
        (OpClass::Wait, ClassCost::new(1, Pipe::None).serialising(20)),
        // The A55 has no PAC or MTE; an estimate in case the guest uses them anyway.
        (OpClass::Crypto, ClassCost::new(4, Pipe::Mac)),
    ]),
    // TRM: L1I 16-64K 4-way 64-byte lines; L1D 16-64K 4-way 64-byte lines; L2 64-256K 4-way.
    l1i: CacheGeometry {
        size: 32 * 1024,
        assoc: 4,
        line: 64,
        latency: 3,
    },
    l1d: CacheGeometry {
        size: 32 * 1024,
        assoc: 4,
        line: 64,
        latency: 3, // SOG 3.3 / 4.8
    },
    l2: CacheGeometry {
        size: 128 * 1024,
        assoc: 4,
        line: 64,
        latency: 10, // estimate
    },
    mem_latency: 150, // estimate: DSU L3 and DRAM behind the private L2, at 1.8 GHz
    itlb: TlbGeometry {
        entries: 15,
        assoc: 15,
        latency: 0,
    },
    dtlb: TlbGeometry {
        entries: 16,
        assoc: 16,
        latency: 0,
    },
    l2tlb: TlbGeometry {
        entries: 1024,
        assoc: 4,
        latency: 2, // estimate: the TRM says only "variable"
    },
    branch: BranchParams {
        mispredict_penalty: 8,
        direction_entries: 4096, // estimate
        history_bits: 8,         // estimate
        btb_entries: 256,        // estimate
        ras_depth: 8,            // estimate
    },
    exception_entry: 12, // estimate
    exception_return: 8, // estimate
};

/// Neoverse N1 (the infrastructure twin of the Cortex-A76), out-of-order. Latencies from
/// the Arm Neoverse N1 Software Optimization Guide (PJDOC-466751330-9707) section 3, as
/// transcribed in LLVM's AArch64SchedNeoverseN1.td.
const N1: Preset = Preset {
    name: "n1",
    aliases: &["neoverse-n1"],
    description: "Arm Neoverse N1 / Cortex-A76: out-of-order approximation, 4-wide, \
                  128-entry ROB, 64K L1I/L1D, 1M private L2",
    source: "Arm Neoverse N1 Software Optimization Guide (PJDOC-466751330-9707) section 3 \
             for latencies and pipes (as transcribed in LLVM AArch64SchedNeoverseN1.td), \
             mispredict penalty 11 and load-to-use 4 from the same; Cortex-A76/N1 TRM \
             A5.2 for TLBs (48/48 entries fully associative, L2 TLB 1280 entries 5-way, \
             3 cycles); WikiChip/AnandTech N1 disclosure for caches (64K 4-way L1I/L1D, \
             L2 8-way 9-11 cycles, 1M as in AWS Graviton2) and 4-wide decode; clock \
             2.5 GHz as Graviton2; memory latency, predictor sizes, barrier, \
             system-register, exception entry and ERET costs are estimates",
    kind: CoreKind::OutOfOrder,
    freq_hz: 2_500_000_000,
    width: 4,
    rob: 128,
    // Integer pipes S0, S1, M (ALU ops may use all three); two load/store AGUs; one branch.
    pipes: [NO_LIMIT, 3, 1, 1, 2, 2, 1],
    classes: class_table([
        (OpClass::Nop, ClassCost::new(1, Pipe::None)),
        // ALU basic: 1 on S/M pipes.
        (OpClass::Alu, ClassCost::new(1, Pipe::Alu)),
        // ALU extend and shift (other than LSL <= 4): 2 on M.
        (OpClass::AluComplex, ClassCost::new(2, Pipe::Alu)),
        // Multiply-accumulate W 2; X 4 with the M pipe busy 3 cycles.
        (OpClass::Mul, ClassCost::new(2, Pipe::Mac).x(4).busy(1, 3)),
        // Multiply high: 5, M busy 3.
        (OpClass::MulHigh, ClassCost::new(5, Pipe::Mac).busy(3, 3)),
        // Divide W 12, X 20 (upper bounds), not pipelined.
        (
            OpClass::Div,
            ClassCost::new(12, Pipe::Div).x(20).unpipelined(),
        ),
        // Load register: 4 (from Preset::l1d.latency).
        (OpClass::Load, ClassCost::new(4, Pipe::Load)),
        // Store: 1.
        (OpClass::Store, ClassCost::new(1, Pipe::Store)),
        // Atomics: not in the SOG integer tables; estimate.
        (OpClass::Atomic, ClassCost::new(8, Pipe::Load).busy(2, 2)),
        // Branches: 1 on B.
        (OpClass::Branch, ClassCost::new(1, Pipe::Branch)),
        (OpClass::CondBranch, ClassCost::new(1, Pipe::Branch)),
        (OpClass::IndirectBranch, ClassCost::new(1, Pipe::Branch)),
        (OpClass::Call, ClassCost::new(1, Pipe::Branch)),
        (OpClass::IndirectCall, ClassCost::new(1, Pipe::Branch)),
        (OpClass::Return, ClassCost::new(1, Pipe::Branch)),
        // System register and barrier costs: estimates.
        (OpClass::SysRead, ClassCost::new(3, Pipe::None)),
        (
            OpClass::SysWrite,
            ClassCost::new(1, Pipe::None).serialising(10),
        ),
        (
            OpClass::Barrier,
            ClassCost::new(1, Pipe::None).serialising(15),
        ),
        (
            OpClass::Isb,
            ClassCost::new(1, Pipe::None).serialising(0).flushing(),
        ),
        (
            OpClass::SysOp,
            ClassCost::new(1, Pipe::None).serialising(20),
        ),
        (
            OpClass::ExceptionGen,
            ClassCost::new(1, Pipe::None).serialising(0),
        ),
        (OpClass::Eret, ClassCost::new(1, Pipe::None).serialising(0)),
        (OpClass::Wait, ClassCost::new(1, Pipe::None).serialising(30)),
        // The N1 has no PAC or MTE; estimate after later cores' 5-cycle PAC on M.
        (OpClass::Crypto, ClassCost::new(5, Pipe::Mac)),
    ]),
    l1i: CacheGeometry {
        size: 64 * 1024,
        assoc: 4,
        line: 64,
        latency: 4,
    },
    l1d: CacheGeometry {
        size: 64 * 1024,
        assoc: 4,
        line: 64,
        latency: 4,
    },
    l2: CacheGeometry {
        size: 1024 * 1024,
        assoc: 8,
        line: 64,
        latency: 11,
    },
    mem_latency: 200, // estimate: system cache and DRAM behind the private L2, at 2.5 GHz
    itlb: TlbGeometry {
        entries: 48,
        assoc: 48,
        latency: 0,
    },
    dtlb: TlbGeometry {
        entries: 48,
        assoc: 48,
        latency: 0,
    },
    l2tlb: TlbGeometry {
        entries: 1280,
        assoc: 5,
        latency: 3,
    },
    branch: BranchParams {
        mispredict_penalty: 11,
        direction_entries: 16384, // estimate
        history_bits: 12,         // estimate
        btb_entries: 8192,        // estimate (the A76 disclosure gives a 6K-entry main BTB)
        ras_depth: 16,            // estimate
    },
    exception_entry: 20,  // estimate
    exception_return: 15, // estimate
};

/// The named core presets, one row each.
pub const PRESETS: &[Preset] = &[FUNCTIONAL, A55, N1];

impl Preset {
    /// The preset called `name` (or one of its aliases), if there is one.
    pub fn by_name(name: &str) -> Option<&'static Preset> {
        PRESETS
            .iter()
            .find(|p| p.name == name || p.aliases.contains(&name))
    }

    /// The `functional` preset.
    pub fn functional() -> &'static Preset {
        &PRESETS[0]
    }

    /// The costs of `class`.
    #[inline(always)]
    pub fn class(&self, class: OpClass) -> &ClassCost {
        &self.classes[class as usize]
    }

    /// Result latency of `class` for an operand width of `bytes` (8 selects the X form);
    /// for loads, the L1 hit load-to-use latency.
    pub fn latency(&self, class: OpClass, bytes: u8) -> u64 {
        match class {
            OpClass::Load => u64::from(self.l1d.latency),
            _ => u64::from(self.class(class).latency[usize::from(bytes == 8)]),
        }
    }

    /// Units of `pipe`.
    pub fn units(&self, pipe: Pipe) -> u32 {
        u32::from(self.pipes[pipe as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_are_unique() {
        let mut all: Vec<&str> = Vec::new();
        for p in PRESETS {
            all.push(p.name);
            all.extend(p.aliases);
        }
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
        assert_eq!(Preset::by_name("cortex-a55").unwrap().name, "a55");
        assert_eq!(Preset::by_name("neoverse-n1").unwrap().name, "n1");
        assert_eq!(Preset::functional().name, "functional");
        assert!(Preset::by_name("a53").is_none());
    }

    #[test]
    fn class_names_follow_the_class_order() {
        assert_eq!(CLASS_NAMES.len(), OpClass::ALL.len());
        assert_eq!(CLASS_NAMES[OpClass::Div as usize], "div");
        assert_eq!(CLASS_NAMES[OpClass::Crypto as usize], "crypto");
        for (i, c) in OpClass::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
    }

    #[test]
    fn published_numbers() {
        let a55 = Preset::by_name("a55").unwrap();
        assert_eq!(a55.latency(OpClass::Alu, 8), 1);
        assert_eq!(a55.latency(OpClass::Mul, 4), 3);
        assert_eq!(a55.latency(OpClass::Mul, 8), 4);
        assert_eq!(a55.latency(OpClass::Div, 4), 12);
        assert_eq!(a55.latency(OpClass::Div, 8), 20);
        assert_eq!(a55.latency(OpClass::Load, 8), 3);
        assert_eq!(a55.branch.mispredict_penalty, 8);
        let n1 = Preset::by_name("n1").unwrap();
        assert_eq!(n1.latency(OpClass::Mul, 4), 2);
        assert_eq!(n1.latency(OpClass::Load, 8), 4);
        assert_eq!(n1.branch.mispredict_penalty, 11);
        assert_eq!(n1.l2tlb.entries / n1.l2tlb.assoc, 256);
    }

    #[test]
    fn every_preset_is_well_formed() {
        for p in PRESETS {
            assert!(!p.source.is_empty(), "{}", p.name);
            assert_eq!(p.pipes[Pipe::None as usize], u8::MAX, "{}", p.name);
            for c in &p.classes {
                assert!(c.latency[0] >= 1 && c.latency[1] >= 1, "{}", p.name);
                assert!(c.busy[0] >= 1 && c.busy[1] >= 1, "{}", p.name);
                assert!(c.pipe == Pipe::None || p.units(c.pipe) >= 1, "{}", p.name);
            }
            for g in [p.l1i, p.l1d, p.l2] {
                assert!(g.sets().is_power_of_two(), "{}", p.name);
            }
        }
    }
}
