//! The decoded-block cache (DESIGN.md "Decode once").
//!
//! A block is a run of decoded instructions starting at a physical address and ending
//! after an unconditional branch, an exception-generating instruction, an instruction that
//! does not decode, or at the end of a 4 KiB page. Conditional branches and system
//! instructions do not end it statically: they leave it at run time when they must. Blocks are found by physical address in a hash map, and by virtual PC through a
//! direct-mapped jump cache that needs no hashing. When a page holding blocks is written,
//! its blocks are dropped and the jump cache forgets them.

use crate::timing_op::timing_op;
use a64sim_isa::{decode, Insn};
use a64sim_timing::Op;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for the physical addresses and page numbers the block cache is keyed by: one
/// multiply (Fibonacci hashing). std's SipHash costs more than a block lookup should.
#[derive(Clone, Copy, Debug, Default)]
pub struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0 ^ v)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
}

/// A map keyed by addresses.
type AddrMap<V> = HashMap<u64, V, BuildHasherDefault<AddrHasher>>;

/// Most instructions in one block (a 4 KiB page holds 1024).
pub const MAX_BLOCK_INSNS: usize = 1024;
/// Entries of the jump cache (power of two).
const JUMP_ENTRIES: usize = 1 << 12;
/// Decoded instructions kept before the cache is flushed and refilled.
const ARENA_LIMIT: usize = 1 << 22;

/// One decoded block.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    /// Physical address of the first instruction.
    pub pa: u64,
    /// Index of the first instruction in the arena.
    pub start: u32,
    /// Number of instructions.
    pub len: u32,
    /// The block compiler will not run this block (so the run loop need not ask it).
    pub interpret_only: bool,
}

/// Identifies a block in the cache.
pub type BlockId = u32;

/// The block cache of one PE.
#[derive(Debug)]
pub struct BlockCache {
    insns: Vec<Insn>,
    words: Vec<u32>,
    /// What each instruction is for a cycle model (parallel to `insns`).
    ops: Vec<Op>,
    blocks: Vec<Block>,
    by_pa: AddrMap<BlockId>,
    by_page: AddrMap<Vec<BlockId>>,
    /// (virtual PC, translation context, block); `u64::MAX` marks an empty entry.
    jump: Box<[(u64, u32, BlockId)]>,
    /// Jump-cache generation (entries are tagged with context | generation << 16):
    /// flushing it (every TLBI) is an increment.
    jump_gen: u16,
    /// Blocks decoded since creation (statistics).
    pub decoded_blocks: u64,
    /// How many times the cache was flushed (block ids restart at 0 after a flush).
    flushes: u64,
    /// Changes whenever a virtual address may lead to another block than before.
    va_generation: u64,
}

impl Default for BlockCache {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether decoding stops after `insn`: after unconditional control transfers and
/// exception-generating instructions, where execution never falls through. Everything else
/// may continue the block: a taken conditional branch leaves it with `Flow::Branch`, and an
/// instruction that changes context (MSR SCTLR, ISB, ...) leaves with `Flow::EndBlock`, so
/// instructions decoded after it under the old context never run.
#[inline]
fn ends_block(insn: &Insn) -> bool {
    matches!(
        insn,
        Insn::B(_)
            | Insn::Bl(_)
            | Insn::Br(_)
            | Insn::Blr(_)
            | Insn::Ret(_)
            | Insn::Eret(_)
            | Insn::Drps(_)
            | Insn::BrAuthZ(_)
            | Insn::BlrAuthZ(_)
            | Insn::RetAuth(_)
            | Insn::EretAuth(_)
            | Insn::BrAuth(_)
            | Insn::BlrAuth(_)
            | Insn::Svc(_)
            | Insn::Hvc(_)
            | Insn::Smc(_)
            | Insn::Brk(_)
            | Insn::Hlt(_)
            | Insn::Dcps(_)
            | Insn::Udf(_)
            | Insn::Unallocated
            | Insn::Unimplemented(_)
    )
}

impl BlockCache {
    /// An empty cache.
    pub fn new() -> Self {
        BlockCache {
            insns: Vec::new(),
            words: Vec::new(),
            ops: Vec::new(),
            blocks: Vec::new(),
            by_pa: AddrMap::default(),
            by_page: AddrMap::default(),
            jump: vec![(u64::MAX, 0, 0); JUMP_ENTRIES].into_boxed_slice(),
            jump_gen: 0,
            decoded_blocks: 0,
            flushes: 0,
            va_generation: 0,
        }
    }

    #[inline(always)]
    fn jump_slot(va: u64) -> usize {
        (va >> 2) as usize & (JUMP_ENTRIES - 1)
    }

    /// The block for virtual PC `va` in translation context `ctx`, from the jump cache.
    #[inline(always)]
    pub fn lookup_va(&self, va: u64, ctx: u16) -> Option<BlockId> {
        let (k, c, id) = self.jump[Self::jump_slot(va)];
        (k == va && c == self.jump_tag(ctx)).then_some(id)
    }

    /// The block starting at physical address `pa`, remembered for virtual PC `va` in
    /// translation context `ctx`.
    pub fn lookup_pa(&mut self, va: u64, ctx: u16, pa: u64) -> Option<BlockId> {
        let id = *self.by_pa.get(&pa)?;
        self.jump[Self::jump_slot(va)] = (va, self.jump_tag(ctx), id);
        Some(id)
    }

    /// Decodes a block from `code`, the words from `pa` to the end of its page, and
    /// remembers it for `va`.
    pub fn insert(
        &mut self,
        va: u64,
        ctx: u16,
        pa: u64,
        code: impl Iterator<Item = u32>,
    ) -> BlockId {
        if self.insns.len() >= ARENA_LIMIT {
            self.flush();
        }
        let start = self.insns.len() as u32;
        for w in code.take(MAX_BLOCK_INSNS) {
            let insn = decode(w);
            self.insns.push(insn);
            self.words.push(w);
            self.ops.push(timing_op(&insn));
            if ends_block(&insn) {
                break;
            }
        }
        let len = self.insns.len() as u32 - start;
        let id = self.blocks.len() as BlockId;
        self.blocks.push(Block {
            pa,
            start,
            len,
            interpret_only: false,
        });
        self.by_pa.insert(pa, id);
        self.by_page.entry(pa >> 12).or_default().push(id);
        self.jump[Self::jump_slot(va)] = (va, self.jump_tag(ctx), id);
        self.decoded_blocks += 1;
        id
    }

    /// The block's instructions and their words.
    #[inline(always)]
    pub fn get(&self, id: BlockId) -> (&[Insn], &[u32]) {
        let b = self.blocks[id as usize];
        let r = b.start as usize..(b.start + b.len) as usize;
        (&self.insns[r.clone()], &self.words[r])
    }

    /// Whether the block compiler said it will not run block `id`.
    #[inline(always)]
    pub fn interpret_only(&self, id: BlockId) -> bool {
        self.blocks[id as usize].interpret_only
    }

    /// Records that the block compiler will not run block `id`.
    pub fn set_interpret_only(&mut self, id: BlockId) {
        self.blocks[id as usize].interpret_only = true;
    }

    /// The physical address of the block's first instruction.
    #[inline(always)]
    pub fn pa(&self, id: BlockId) -> u64 {
        self.blocks[id as usize].pa
    }

    /// The block's instructions as the cycle model sees them.
    #[inline(always)]
    pub fn ops(&self, id: BlockId) -> &[Op] {
        let b = self.blocks[id as usize];
        &self.ops[b.start as usize..(b.start + b.len) as usize]
    }

    /// Drops every block decoded from the 4 KiB page at physical address `page_pa`.
    pub fn invalidate_page(&mut self, page_pa: u64) {
        let Some(ids) = self.by_page.remove(&(page_pa >> 12)) else {
            return;
        };
        self.va_generation += 1;
        for id in &ids {
            let pa = self.blocks[*id as usize].pa;
            if self.by_pa.get(&pa) == Some(id) {
                self.by_pa.remove(&pa);
            }
        }
        for e in self.jump.iter_mut() {
            if ids.contains(&e.2) {
                *e = (u64::MAX, 0, 0);
            }
        }
    }

    /// Forgets every block (translation changed, or the arena is full).
    pub fn flush(&mut self) {
        self.flushes += 1;
        self.va_generation += 1;
        self.insns.clear();
        self.words.clear();
        self.ops.clear();
        self.blocks.clear();
        self.by_pa.clear();
        self.by_page.clear();
        self.jump.fill((u64::MAX, 0, 0));
    }

    /// Forgets the virtual-to-block mapping only (translation context changed).
    /// Changes whenever block ids are reused (after a flush): what is kept per id elsewhere
    /// (compiled code) is stale when this differs from when it was made.
    #[inline(always)]
    pub fn epoch(&self) -> u64 {
        self.flushes
    }

    /// Changes whenever what a virtual PC leads to may have changed (a flush, a TLBI, a
    /// code page written): what maps PCs to blocks elsewhere (the block compiler's chain
    /// table) is stale when this differs from when it was made.
    #[inline(always)]
    pub fn va_generation(&self) -> u64 {
        self.va_generation
    }

    pub fn flush_jump_cache(&mut self) {
        self.va_generation += 1;
        self.jump_gen = self.jump_gen.wrapping_add(1);
        if self.jump_gen == 0 {
            self.jump.fill((u64::MAX, 0, 0));
        }
    }

    /// The tag of a jump-cache entry: the translation context and the generation.
    #[inline(always)]
    fn jump_tag(&self, ctx: u16) -> u32 {
        ctx as u32 | (self.jump_gen as u32) << 16
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOP: u32 = 0xd503_201f;
    const ADD_X0_X0_1: u32 = 0x9100_0400;
    const B_SELF: u32 = 0x1400_0000;

    #[test]
    fn blocks_end_after_a_branch() {
        let mut c = BlockCache::new();
        let id = c.insert(
            0x1000,
            0,
            0x1000,
            [ADD_X0_X0_1, ADD_X0_X0_1, B_SELF, ADD_X0_X0_1].into_iter(),
        );
        assert_eq!(c.get(id).0.len(), 3);
        assert_eq!(c.lookup_va(0x1000, 0), Some(id));
    }

    #[test]
    fn invalidating_a_page_forgets_its_blocks() {
        let mut c = BlockCache::new();
        let a = c.insert(0x1000, 0, 0x1000, [NOP].into_iter());
        let b = c.insert(0x2000, 0, 0x2000, [NOP].into_iter());
        c.invalidate_page(0x1000);
        assert_eq!(c.lookup_va(0x1000, 0), None);
        assert_eq!(c.lookup_pa(0x1000, 0, 0x1000), None);
        assert_eq!(c.lookup_va(0x2000, 0), Some(b));
        assert_ne!(a, b);
    }
}
