//! The block compiler: hot decoded blocks become x86-64 machine code that runs the common
//! case of their instructions directly on the guest state (DESIGN.md "The hot loop").
//!
//! Design. The interpreter stays the reference: compiled code only ever does what the
//! interpreter would do on its fast path, and hands everything else back. An instruction the
//! compiler does not know ends the compiled prefix of its block; a memory access that is not
//! a soft-TLB hit on RAM with the needed permission, that would write a code page, that
//! crosses a page or a tag granule, or whose tag check fails, and a tag store where tags are
//! not reachable, leave the compiled code *before* the instruction changes anything, and the
//! run loop interprets the block from that instruction on (so faults, MMIO, self-modifying
//! code and every tag-check rule stay in one place). Nothing in compiled code can raise an
//! exception or change a translation context, so a block whose branch goes back to its own
//! start loops inside the compiled code, and a branch to another compiled block of the same
//! context (found in the chain table, by VA) goes straight into its code, while the
//! instruction budget allows the target's whole block.
//!
//! Compiled code runs only without a tracer or cycle model (they observe every instruction)
//! and with SCTLR_ELx.A = 0 (alignment checks of Normal memory stay interpreted). Blocks are
//! compiled after [`JitConfig::threshold`] executions, for one VA, translation mode and EL;
//! code is kept per block id and forgotten with the block cache (its epoch) or when the
//! code arena is full. See docs/jit.md.
//!
//! `unsafe` is confined to this module: mapping code executable and calling it. The code
//! accesses only what [`JitEnv`] points at, and bounds-checks every RAM offset it forms.

#![allow(
    unsafe_code,
    reason = "calling generated machine code; see the module documentation"
)]

#[cfg(all(target_arch = "x86_64", unix))]
mod code_arena;
#[cfg(all(target_arch = "x86_64", unix))]
mod x64;

use crate::block::BlockId;
use crate::memory::PhysMem;
use crate::run::Pe;
use a64sim_isa::Insn;

/// How the block compiler is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JitConfig {
    /// Whether hot blocks are compiled at all.
    pub enabled: bool,
    /// Executions of a block before it is compiled.
    pub threshold: u32,
}

impl Default for JitConfig {
    fn default() -> Self {
        JitConfig {
            enabled: cfg!(all(target_arch = "x86_64", unix)),
            threshold: 8,
        }
    }
}

/// What the block compiler did, for run summaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JitStats {
    /// Blocks compiled (at least their first instruction).
    pub compiled_blocks: u64,
    /// Blocks whose first instruction the compiler does not handle.
    pub rejected_blocks: u64,
    /// Instructions retired by compiled code.
    pub retired: u64,
    /// Bytes of machine code generated.
    pub code_bytes: u64,
    /// Times compiled code handed an instruction back to the interpreter.
    pub fallbacks: u64,
    /// The host refused executable memory, so compilation was turned off.
    pub no_executable_memory: bool,
}

/// The state compiled code works on, laid out for it (`repr(C)`, read at `offset_of!`
/// offsets). Pointers are taken from `&mut` borrows for the duration of one call.
#[repr(C)]
#[derive(Debug)]
pub(crate) struct JitEnv {
    /// X0..X30 and the always-zero slot 31.
    pub x: *mut u64,
    /// The stack pointer in use.
    pub sp: *mut u64,
    /// The soft-TLB entries.
    pub tlb: *const crate::tlb::TlbEntry,
    /// RAM.
    pub ram: *mut u8,
    /// Bytes of RAM.
    pub ram_size: u64,
    /// Physical address of RAM's first byte.
    pub ram_base: u64,
    /// Code-page marks, one byte per 4 KiB of RAM.
    pub code_pages: *const u8,
    /// Tag directory slots (0 or the address of 128 tag bytes).
    pub tag_pages: *mut usize,
    /// Number of tag directory slots.
    pub tag_len: u64,
    /// Physical page number of tag slot 0.
    pub tag_first_page: u64,
    /// The TBI masks by VA[55] (as `XlatState::tbi_mask`).
    pub tbi_mask: [u64; 2],
    /// Instructions the call may retire (at least the block's length).
    pub budget: u64,
    /// Out: instructions retired by whole passes through a self-looping block.
    pub loop_retired: u64,
    /// Out: where execution continues when the code left the block.
    pub next_pc: u64,
    /// Context id | TLB generation << 16, as the entries' `ctx`/`gen` pair.
    pub ctx_gen: u32,
    /// PSTATE.NZCV in bits 3..0, in and out.
    pub nzcv: u8,
    /// Non-zero when STG may write tags directly (FEAT_MTE, tag access enabled,
    /// translation on).
    pub tag_stores: u8,
    /// The chain table.
    pub chain: *const ChainEntry,
    /// What a chain entry's `tag` must be to be used in this call.
    pub chain_tag: u64,
    /// Out: the block the interpreter continues in (when the code did not leave it).
    pub cur_pc: u64,
    /// Out: its id.
    pub cur_id: u32,
    /// Out: PSTATE.BTYPE after a BR or BLR left the code (else 0).
    pub btype: u8,
    /// Out: PSTATE.BTYPE at the start of the block the code was last branched into (set
    /// by BR and BLR, 0 for other branches): the run loop needs it if that block's first
    /// instruction is interpreted and takes an exception.
    pub entry_btype: u8,
    /// The system-register values (by table index).
    pub sys: *mut u64,
    /// 128 zero tag bytes: the tags of a page without tag storage.
    pub no_tags: *const u8,
    /// The last page translated for data reads, data writes and tag stores.
    pub slots: [PageSlot; 3],
}

/// A page that compiled code translated during this call, for one kind of access: later
/// accesses to it skip the soft-TLB lookup. Filled only once the kind's permission rule
/// passed (and, for writes, the page holds no code; for tag stores, it has tag bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub(crate) struct PageSlot {
    /// `va & !0xfff` with the tag byte (so another pointer tag is another key); 1 = empty.
    pub key: u64,
    /// Host address of the page.
    pub host: u64,
    /// Non-zero when accesses to the page are tag-checked.
    pub checked: u64,
    /// The page's 128 tag bytes (`no_tags` when it has none).
    pub tags: u64,
    /// `va & !15` (tag byte included) of the last granule whose tag matched. "None" is
    /// `key + 0x1000`: an address in the next page, which no access through this slot
    /// is in (an access is in the granule when `va - granule` is below 16). Forgotten
    /// when compiled code writes a tag.
    pub granule: u64,
}

impl PageSlot {
    /// A slot that matches nothing (keys of real pages are 4 KiB aligned).
    const EMPTY: PageSlot = PageSlot {
        key: 1,
        host: 0,
        checked: 0,
        tags: 0,
        granule: 0x1001,
    };
}

/// Entries in the chain table (power of two).
pub(crate) const CHAIN_ENTRIES: usize = 1 << 12;

/// The chain table's slot for the block at virtual address `pc`.
pub(crate) const fn chain_index(pc: u64) -> usize {
    (pc >> 2) as usize & (CHAIN_ENTRIES - 1)
}

/// A compiled block that compiled code may branch to directly: the block at `pc`, valid
/// while the call's `chain_tag` equals `tag` (same context and translation mode, no
/// block or jump-cache invalidation and no code flush since it was recorded).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub(crate) struct ChainEntry {
    /// Virtual address of the block.
    pub pc: u64,
    /// The `chain_tag` it was recorded under.
    pub tag: u64,
    /// Instructions in the block (a branch to it needs that much budget left).
    pub len: u64,
    /// Address of its body.
    pub body: u64,
}

impl ChainEntry {
    /// An entry no branch uses (no block is at an odd address).
    const EMPTY: ChainEntry = ChainEntry {
        pc: 1,
        tag: 0,
        len: 0,
        body: 0,
    };
}

/// The tags of a page without tag storage, for compiled code's tag lookups.
static NO_TAGS: [u8; a64sim_tags::TAG_BYTES_PER_PAGE] = [0; a64sim_tags::TAG_BYTES_PER_PAGE];

/// What one call of compiled code did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct JitExit {
    /// Instructions retired by whole passes through blocks before the last one.
    pub loop_retired: u64,
    /// Instructions of the last pass (through `block`) that retired.
    pub done: usize,
    /// Whether the last pass left the block (by a branch, or off its end): the run loop
    /// continues at `next_pc`. Otherwise instruction `done` is to be interpreted.
    pub left: bool,
    /// Where execution continues: the next instruction to interpret when not `left`.
    pub next_pc: u64,
    /// The block the code was in when it stopped (another than the one entered when it
    /// branched to a compiled block).
    pub block: BlockId,
    /// Its virtual address.
    pub block_pc: u64,
    /// PSTATE.BTYPE for the next instruction when `left` (set by BR and BLR).
    pub btype: u8,
    /// PSTATE.BTYPE at the start of `block`, when the code branched into it.
    pub entry_btype: u8,
}

/// The entry point of one compiled block.
type BlockFn = unsafe extern "sysv64" fn(*mut JitEnv) -> u64;

/// Bit of a compiled block's return value: it left the block (else the low bits are the
/// index of the instruction to interpret).
const LEFT: u64 = 1 << 32;

/// What is known about one block id.
#[derive(Clone, Copy, Debug)]
enum Slot {
    /// Executed this many times, not compiled yet.
    Cold(u32),
    /// Not compilable (its first instruction is not handled).
    Rejected,
    /// Compiled for the block at virtual address `pc` (branch targets and PC-relative
    /// values are constants in the code, and a physical block may be reached through
    /// several virtual aliases), with translation on or off.
    Ready(Ready),
}

/// What the run loop is to do with a block.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Verdict {
    /// Call this code (with this chain tag).
    Run(BlockFn, u64),
    /// Interpret it this time.
    NotNow,
    /// Interpret it from now on: not compilable, or not worth a call from the run loop
    /// (other compiled blocks may still branch into its code).
    Never,
}

impl Verdict {
    /// The verdict for compiled block `r` under chain tag `tag`.
    fn of(r: &Ready, tag: u64) -> Verdict {
        if r.enter {
            Verdict::Run(r.code, tag)
        } else {
            Verdict::Never
        }
    }
}

/// A compiled block's slot.
#[derive(Clone, Copy, Debug)]
struct Ready {
    code: BlockFn,
    body: u64,
    pc: u64,
    mmu_on: bool,
    /// The Exception level it was compiled for.
    el: a64sim_arch::El,
    /// Whether the run loop calls the code. Other compiled blocks branch to it anyway;
    /// the run loop does not when a call would cost more than interpreting: the compiled
    /// prefix is short, does not loop and does not end in a branch (that could go on into
    /// other compiled blocks), or calls have mostly retired only a few instructions (its
    /// first instruction keeps taking the slow path, say after every TLBI, or it keeps
    /// branching to code that is not compiled).
    enter: bool,
    /// Calls from the run loop, and those that retired fewer than `MIN_ENTERED`
    /// instructions (once most do, `enter` goes false and the run loop stops asking).
    calls: u32,
    wasted: u32,
    /// The chain tag under which the block was last made a branch target (another
    /// entry may have taken its chain slot since; it is not put back until the tag
    /// changes, and never for a block the run loop no longer asks about).
    tag: u64,
}

/// A compiled prefix shorter than this that does not loop is not worth a call from the
/// run loop (measured: a call costs about as much as interpreting a few instructions).
const MIN_ENTERED: usize = 4;
/// Calls from the run loop before their usefulness is judged.
const JUDGED_AFTER: u32 = 64;

/// The block compiler: compiled code per block id.
#[derive(Debug, Default)]
pub struct Jit {
    /// Settings.
    pub config: JitConfig,
    /// Counters.
    pub stats: JitStats,
    /// The block cache epoch the slots belong to.
    epoch: u64,
    slots: Vec<Slot>,
    /// Compiled blocks by virtual address, for branches between them.
    chain: Vec<ChainEntry>,
    /// Times compiled code was dropped (part of every chain tag).
    resets: u64,
    #[cfg(all(target_arch = "x86_64", unix))]
    arena: code_arena::CodeArena,
}

impl Jit {
    /// Forgets all compiled code.
    fn reset(&mut self, epoch: u64) {
        self.epoch = epoch;
        self.slots.clear();
        self.resets += 1;
        #[cfg(all(target_arch = "x86_64", unix))]
        self.arena.clear();
    }

    /// The chain tag of calls in context `ctx` with translation `mmu_on`, when the block
    /// cache's virtual-address generation is `va_generation`.
    fn chain_tag(&self, ctx: u16, mmu_on: bool, va_generation: u64) -> u64 {
        // Both counters only grow, so their sum changes whenever either does.
        ctx as u64 | (mmu_on as u64) << 16 | (va_generation + self.resets) << 17
    }

    /// The compiled code of block `id` (of the block cache at `epoch`), at virtual address
    /// `block_pc` in context `ctx`, compiling it when it has become hot; also makes it a
    /// branch target for other compiled blocks. `None`: interpret it.
    #[inline(always)]
    #[allow(clippy::too_many_arguments, reason = "one call site, in the run loop")]
    pub(crate) fn code_for(
        &mut self,
        id: BlockId,
        epoch: u64,
        va_generation: u64,
        insns: &[Insn],
        ops: &[a64sim_timing::Op],
        block_pc: u64,
        ctx: u16,
        mmu_on: bool,
        el: a64sim_arch::El,
    ) -> Verdict {
        if epoch != self.epoch {
            self.reset(epoch);
        }
        let i = id as usize;
        if i >= self.slots.len() {
            self.slots.resize(i + 1, Slot::Cold(0));
        }
        let tag = self.chain_tag(ctx, mmu_on, va_generation);
        let ready = match &mut self.slots[i] {
            Slot::Ready(r) if r.mmu_on == mmu_on && r.pc == block_pc && r.el == el => {
                if r.tag == tag {
                    return Verdict::of(r, tag);
                }
                r.tag = tag;
                *r
            }
            Slot::Ready(_) => return Verdict::NotNow,
            Slot::Rejected => return Verdict::Never,
            Slot::Cold(n) if *n < self.config.threshold => {
                *n += 1;
                return Verdict::NotNow;
            }
            Slot::Cold(_) => match self.compile(insns, ops, block_pc, id, mmu_on, el) {
                Some((code, body, enter)) => {
                    // `compile` may have reset everything (a full arena).
                    if i >= self.slots.len() {
                        self.slots.resize(i + 1, Slot::Cold(0));
                    }
                    let r = Ready {
                        code,
                        body,
                        pc: block_pc,
                        mmu_on,
                        el,
                        enter,
                        calls: 0,
                        wasted: 0,
                        tag,
                    };
                    self.slots[i] = Slot::Ready(r);
                    r
                }
                None => {
                    self.slots[i] = Slot::Rejected;
                    return Verdict::Never;
                }
            },
        };
        // Make the block a branch target of compiled code under the current tag.
        if self.chain.is_empty() {
            self.chain = vec![ChainEntry::EMPTY; CHAIN_ENTRIES];
        }
        self.chain[chain_index(block_pc)] = ChainEntry {
            pc: block_pc,
            tag,
            len: insns.len() as u64,
            body: ready.body,
        };
        Verdict::of(&ready, tag)
    }

    /// After a call of block `id`'s code from the run loop that retired `retired`
    /// instructions.
    #[inline]
    pub(crate) fn note_call(&mut self, id: BlockId, retired: u64) {
        let wasted = retired < MIN_ENTERED as u64;
        if let Some(Slot::Ready(r)) = self.slots.get_mut(id as usize) {
            r.calls += 1;
            r.wasted += wasted as u32;
            if r.calls >= JUDGED_AFTER {
                if 2 * r.wasted > r.calls {
                    r.enter = false;
                }
                (r.calls, r.wasted) = (0, 0);
            }
        }
    }

    #[cfg(all(target_arch = "x86_64", unix))]
    #[cold]
    fn compile(
        &mut self,
        insns: &[Insn],
        ops: &[a64sim_timing::Op],
        block_pc: u64,
        id: BlockId,
        mmu_on: bool,
        el: a64sim_arch::El,
    ) -> Option<(BlockFn, u64, bool)> {
        let Some(c) = x64::compile(insns, ops, block_pc, id, mmu_on, el) else {
            self.stats.rejected_blocks += 1;
            return None;
        };
        let bytes = c.bytes;
        let addr = match self.arena.place(&bytes) {
            Some(a) => a,
            None => {
                // Arena full (or the host refused a mapping): start over, then retry once.
                let epoch = self.epoch;
                self.reset(epoch);
                match self.arena.place(&bytes) {
                    Some(a) => a,
                    None => {
                        // The host gives no executable memory (a W^X policy, say):
                        // interpret from now on rather than retry at every hot block.
                        self.config.enabled = false;
                        self.stats.no_executable_memory = true;
                        return None;
                    }
                }
            }
        };
        self.stats.compiled_blocks += 1;
        self.stats.code_bytes += bytes.len() as u64;
        // SAFETY: `addr` is the start of `bytes`, now in executable memory that the arena
        // keeps mapped until `clear`, which `reset` calls, also dropping every slot and
        // (through the chain tag) every chain entry holding this pointer. `x64::compile`
        // emits a complete function with the `BlockFn` signature.
        let code = unsafe { std::mem::transmute::<*const u8, BlockFn>(addr) };
        let enter = c.loops || c.branches_out || c.covered >= MIN_ENTERED;
        Some((code, addr as u64 + c.body as u64, enter))
    }

    #[cfg(not(all(target_arch = "x86_64", unix)))]
    fn compile(
        &mut self,
        _insns: &[Insn],
        _ops: &[a64sim_timing::Op],
        _block_pc: u64,
        _id: BlockId,
        _mmu_on: bool,
        _el: a64sim_arch::El,
    ) -> Option<(BlockFn, u64, bool)> {
        self.stats.rejected_blocks += 1;
        None
    }

    /// The chain table's address (empty until a block was compiled).
    fn chain_ptr(&self) -> *const ChainEntry {
        self.chain.as_ptr()
    }
}

/// Runs compiled block `code` (block `id` at `block_pc`, entered with chain tag
/// `chain_tag`) on `pe` and `mem`, retiring at most `budget` instructions (at least the
/// block's length).
#[inline]
#[allow(clippy::too_many_arguments, reason = "one call site, in the run loop")]
pub(crate) fn run_block(
    jit: &Jit,
    code: BlockFn,
    chain_tag: u64,
    pe: &mut Pe,
    mem: &mut PhysMem,
    budget: u64,
    id: BlockId,
    block_pc: u64,
) -> JitExit {
    let ram = mem.raw();
    let (tlb, gen) = pe.tlb.raw_entries();
    let tag_stores = pe.xlat.active && pe.xlat.tag_access && pe.mte_level() >= 1;
    let sp = pe.st.sp_index();
    let mut env = JitEnv {
        x: pe.st.x.as_mut_ptr(),
        sp: &mut pe.st.sp_el[sp],
        tlb,
        ram: ram.data,
        ram_size: ram.size,
        ram_base: ram.base,
        code_pages: ram.code_pages,
        tag_pages: ram.tags.pages,
        tag_len: ram.tags.len,
        tag_first_page: ram.tags.first_page,
        tbi_mask: pe.xlat.tbi_mask,
        budget,
        loop_retired: 0,
        next_pc: 0,
        ctx_gen: pe.xlat.ctx as u32 | (gen as u32) << 16,
        nzcv: pe.st.pstate.nzcv,
        tag_stores: tag_stores as u8,
        chain: jit.chain_ptr(),
        chain_tag,
        cur_pc: block_pc,
        cur_id: id,
        btype: 0,
        entry_btype: 0,
        sys: pe.sys.raw_values(),
        no_tags: NO_TAGS.as_ptr(),
        slots: [PageSlot::EMPTY; 3],
    };
    // SAFETY: `code` was generated for the `BlockFn` signature and only accesses memory
    // through `env`'s pointers, which stay valid for the call: they come from `pe` and
    // `mem`, borrowed mutably here and not otherwise used until it returns. Every RAM
    // offset is checked against `ram_size`, every TLB index is masked to the array, every
    // tag slot index is checked against `tag_len`.
    let r = unsafe { code(&mut env) };
    pe.st.pstate.nzcv = env.nzcv;
    let done = (r & 0xffff_ffff) as usize;
    let left = r & LEFT != 0;
    JitExit {
        loop_retired: env.loop_retired,
        done,
        left,
        next_pc: if left {
            env.next_pc
        } else {
            env.cur_pc.wrapping_add(4 * done as u64)
        },
        block: env.cur_id,
        block_pc: env.cur_pc,
        btype: env.btype,
        entry_btype: env.entry_btype,
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_mte;
