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
//! exception or change a translation context, so a block whose conditional branch goes back
//! to its own start loops inside the compiled code until the instruction budget runs out.
//!
//! Compiled code runs only without a tracer or cycle model (they observe every instruction)
//! and with SCTLR_ELx.A = 0 (alignment checks of Normal memory stay interpreted). Blocks are
//! compiled after [`JitConfig::threshold`] executions; code is kept per block id and
//! forgotten with the block cache (its epoch) or when the code arena is full.
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
}

/// What one call of compiled code did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct JitExit {
    /// Instructions retired by whole passes through the block before the last one.
    pub loop_retired: u64,
    /// Instructions of the last pass that retired.
    pub done: usize,
    /// Whether the last pass left the block (by a branch, or off its end): the run loop
    /// continues at `next_pc`. Otherwise instruction `done` is to be interpreted.
    pub left: bool,
    /// Where execution continues when `left`.
    pub next_pc: u64,
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
    Ready {
        code: BlockFn,
        pc: u64,
        mmu_on: bool,
    },
}

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
    #[cfg(all(target_arch = "x86_64", unix))]
    arena: code_arena::CodeArena,
}

impl Jit {
    /// Forgets all compiled code.
    fn reset(&mut self, epoch: u64) {
        self.epoch = epoch;
        self.slots.clear();
        #[cfg(all(target_arch = "x86_64", unix))]
        self.arena.clear();
    }

    /// The compiled code of block `id` (of the block cache at `epoch`), compiling it when it
    /// has become hot. `None`: interpret it.
    #[inline]
    pub(crate) fn code_for(
        &mut self,
        id: BlockId,
        epoch: u64,
        insns: &[Insn],
        block_pc: u64,
        mmu_on: bool,
    ) -> Option<BlockFn> {
        if epoch != self.epoch {
            self.reset(epoch);
        }
        let i = id as usize;
        if i >= self.slots.len() {
            self.slots.resize(i + 1, Slot::Cold(0));
        }
        match self.slots[i] {
            Slot::Ready {
                code,
                pc,
                mmu_on: m,
            } if m == mmu_on && pc == block_pc => Some(code),
            Slot::Ready { .. } | Slot::Rejected => None,
            Slot::Cold(n) if n < self.config.threshold => {
                self.slots[i] = Slot::Cold(n + 1);
                None
            }
            Slot::Cold(_) => {
                let code = self.compile(insns, block_pc, mmu_on);
                self.slots[i] = match code {
                    Some(code) => Slot::Ready {
                        code,
                        pc: block_pc,
                        mmu_on,
                    },
                    None => Slot::Rejected,
                };
                code
            }
        }
    }

    #[cfg(all(target_arch = "x86_64", unix))]
    #[cold]
    fn compile(&mut self, insns: &[Insn], block_pc: u64, mmu_on: bool) -> Option<BlockFn> {
        let Some(bytes) = x64::compile(insns, block_pc, mmu_on) else {
            self.stats.rejected_blocks += 1;
            return None;
        };
        let addr = match self.arena.place(&bytes) {
            Some(a) => a,
            None => {
                // Arena full (or the host refused a mapping): start over, then retry once.
                self.slots.clear();
                self.arena.clear();
                self.arena.place(&bytes)?
            }
        };
        self.stats.compiled_blocks += 1;
        self.stats.code_bytes += bytes.len() as u64;
        // SAFETY: `addr` is the start of `bytes`, now in executable memory that the arena
        // keeps mapped until `clear`, which also drops every slot holding this pointer.
        // `x64::compile` emits a complete function with the `BlockFn` signature.
        Some(unsafe { std::mem::transmute::<*const u8, BlockFn>(addr) })
    }

    #[cfg(not(all(target_arch = "x86_64", unix)))]
    fn compile(&mut self, _insns: &[Insn], _block_pc: u64, _mmu_on: bool) -> Option<BlockFn> {
        self.stats.rejected_blocks += 1;
        None
    }
}

/// Runs compiled block `code` on `pe` and `mem`, retiring at most `budget` instructions
/// (at least the block's length).
#[inline]
pub(crate) fn run_block(
    code: BlockFn,
    pe: &mut Pe,
    mem: &mut PhysMem,
    budget: u64,
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
            block_pc.wrapping_add(4 * done as u64)
        },
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_mte;
