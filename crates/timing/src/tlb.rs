//! L1 instruction and data TLBs in front of a unified L2 TLB, and the cost of a walk.
//!
//! Entries are keyed by (translation context, 4 KB page): the CPU's context id stands for
//! ASID, VMID, regime and EL together, so entries of different contexts never match. The
//! key keeps VA bits 55 to 12 (bit 55 selects TTBR0 or TTBR1) and the low 20 bits of the
//! context; contexts that differ only above bit 19 would share entries.
//!
//! An L2 TLB miss walks: the CPU says how many descriptor reads a full walk costs in the
//! current context (`walk_reads`: 4 for a 4-level stage 1, up to 24 for a nested walk),
//! and each read goes through the data cache hierarchy one after another. The model does
//! not know the real descriptor addresses, so it makes up deterministic ones that keep
//! the locality of real tables: read `k` is at level `k % 4` of table group `k / 4`, and
//! the descriptor for `va` at level L sits at `region(ctx, group, L) + (va >> shift_L) * 8`
//! with `shift_L = 39 - 9L`. Eight neighbouring pages therefore share one 64-byte line of
//! last-level descriptors, and upper-level descriptors are shared by wide VA ranges, as in
//! a real 4 KB-granule table. Walk caches are not modelled.

use crate::cache::{Hierarchy, SetAssoc};
use crate::preset::{Preset, TlbGeometry};

/// VA bits 55 to 12 of a page.
const PAGE_BITS: u32 = 44;
/// Context bits kept in a key.
const CTX_MASK: u64 = (1 << 20) - 1;

/// The key of the page holding `va` in context `ctx`.
#[inline(always)]
fn key(va: u64, ctx: u32) -> u64 {
    ((va >> 12) & ((1 << PAGE_BITS) - 1)) | ((u64::from(ctx) & CTX_MASK) << PAGE_BITS)
}

/// The set-index bits of a key: page number mixed with the context.
#[inline(always)]
fn index(va: u64, ctx: u32) -> u64 {
    (va >> 12) ^ u64::from(ctx)
}

/// The synthetic physical address of descriptor read `read` of a walk for `va` in `ctx`
/// (see the module documentation). Bit 63 keeps it clear of guest RAM.
pub fn descriptor_pa(ctx: u32, va: u64, read: u32) -> u64 {
    let level = u64::from(read % 4);
    let group = u64::from(read / 4) & 7;
    let shift = 39 - 9 * level;
    let entry = (va & ((1 << 48) - 1)) >> shift;
    (1 << 63) | ((u64::from(ctx) & 0x7_ffff) << 44) | (group << 41) | (level << 39) | (entry * 8)
}

/// What a translation cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Translation {
    /// Extra cycles beyond an L1 TLB hit.
    pub cycles: u32,
    /// The L1 TLB missed and was refilled.
    pub l1_refill: bool,
}

/// Translation that an L1 TLB hit gives.
const HIT: Translation = Translation {
    cycles: 0,
    l1_refill: false,
};

/// The TLB hierarchy of one core.
#[derive(Clone, Debug)]
pub struct Tlbs {
    itlb: SetAssoc,
    dtlb: SetAssoc,
    l2: SetAssoc,
    l2_latency: u32,
}

fn array(g: &TlbGeometry) -> SetAssoc {
    SetAssoc::new(u64::from(g.entries / g.assoc), g.assoc)
}

impl Tlbs {
    /// Empty TLBs of the geometry `p` gives.
    pub fn new(p: &Preset) -> Self {
        Tlbs {
            itlb: array(&p.itlb),
            dtlb: array(&p.dtlb),
            l2: array(&p.l2tlb),
            l2_latency: p.l2tlb.latency,
        }
    }

    /// Forgets every entry.
    pub fn clear(&mut self) {
        self.itlb.clear();
        self.dtlb.clear();
        self.l2.clear();
    }

    /// Translates the data address `va`; a walk reads through `caches`.
    #[inline(always)]
    pub fn data(
        &mut self,
        va: u64,
        ctx: u32,
        walk_reads: u8,
        caches: &mut Hierarchy,
    ) -> Translation {
        if self.dtlb.access(key(va, ctx), index(va, ctx)) {
            return HIT;
        }
        self.l1_miss(va, ctx, walk_reads, caches)
    }

    /// Translates the instruction address `va`; a walk reads through `caches`.
    #[inline(always)]
    pub fn fetch(
        &mut self,
        va: u64,
        ctx: u32,
        walk_reads: u8,
        caches: &mut Hierarchy,
    ) -> Translation {
        if self.itlb.access(key(va, ctx), index(va, ctx)) {
            return HIT;
        }
        self.l1_miss(va, ctx, walk_reads, caches)
    }

    /// An L1 TLB missed (and has been refilled): the L2 TLB, then a walk.
    #[cold]
    fn l1_miss(
        &mut self,
        va: u64,
        ctx: u32,
        walk_reads: u8,
        caches: &mut Hierarchy,
    ) -> Translation {
        let mut cycles = self.l2_latency;
        if !self.l2.access(key(va, ctx), index(va, ctx)) {
            cycles += walk_cycles(va, ctx, walk_reads, caches);
        }
        Translation {
            cycles,
            l1_refill: true,
        }
    }
}

/// Cycles of a walk of `reads` dependent descriptor reads.
pub fn walk_cycles(va: u64, ctx: u32, reads: u8, caches: &mut Hierarchy) -> u32 {
    (0..u32::from(reads))
        .map(|k| caches.data(descriptor_pa(ctx, va, k)).latency)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preset::{CacheGeometry, Preset};

    fn preset(dtlb: u32, l2tlb: u32, l2_assoc: u32) -> Preset {
        let mut p = *Preset::by_name("a55").unwrap();
        p.dtlb = TlbGeometry {
            entries: dtlb,
            assoc: dtlb,
            latency: 0,
        };
        p.l2tlb = TlbGeometry {
            entries: l2tlb,
            assoc: l2_assoc,
            latency: 2,
        };
        p
    }

    fn caches() -> Hierarchy {
        let g = CacheGeometry {
            size: 32 * 1024,
            assoc: 4,
            line: 64,
            latency: 3,
        };
        let l2 = CacheGeometry {
            size: 256 * 1024,
            assoc: 8,
            line: 64,
            latency: 10,
        };
        Hierarchy::new(&g, &g, &l2, 100)
    }

    #[test]
    fn l1_capacity_and_lru() {
        let mut t = Tlbs::new(&preset(16, 1024, 4));
        let mut c = caches();
        for p in 0..16u64 {
            assert!(t.data(p << 12, 1, 4, &mut c).l1_refill);
        }
        for p in 0..16u64 {
            assert_eq!(t.data((p << 12) + 0x123, 1, 4, &mut c), HIT);
        }
        // A 17th page evicts the LRU (page 0); cycling 17 pages through 16 entries misses
        // every time, but every miss hits the L2 TLB: 2 cycles, no walk.
        for round in 0..2 {
            for p in 16..33u64 {
                let tr = t.data((p % 17) << 12, 1, 4, &mut c);
                assert!(tr.l1_refill, "round {round} page {p}");
                if p != 16 {
                    assert_eq!(tr.cycles, 2);
                }
            }
        }
    }

    #[test]
    fn contexts_do_not_share_entries() {
        let mut t = Tlbs::new(&preset(16, 1024, 4));
        let mut c = caches();
        assert!(t.data(0x4000, 1, 4, &mut c).l1_refill);
        assert!(t.data(0x4000, 2, 4, &mut c).l1_refill);
        assert_eq!(t.data(0x4000, 1, 4, &mut c), HIT);
        // Instruction and data L1 TLBs are separate, the L2 TLB is shared.
        let f = t.fetch(0x4000, 1, 4, &mut c);
        assert_eq!(
            f,
            Translation {
                cycles: 2,
                l1_refill: true
            }
        );
    }

    #[test]
    fn walks_read_through_the_caches_with_locality() {
        let mut c = caches();
        // A cold 4-read walk misses to memory four times.
        assert_eq!(walk_cycles(0x1000, 7, 4, &mut c), 400);
        // The next page shares every descriptor line: four L1 hits.
        assert_eq!(walk_cycles(0x2000, 7, 4, &mut c), 12);
        // Eight pages further on, the last-level descriptor is on a new line.
        assert_eq!(walk_cycles(0x1000 + 8 * 0x1000, 7, 4, &mut c), 3 * 3 + 100);
        // Another context has its own tables.
        assert_eq!(walk_cycles(0x1000, 8, 4, &mut c), 400);
        // No reads, no cost (MMU off).
        assert_eq!(walk_cycles(0x1000, 9, 0, &mut c), 0);
    }

    #[test]
    fn descriptor_addresses_separate_levels_groups_and_contexts() {
        let va = 0x0000_7fff_1234_5000;
        let a: Vec<u64> = (0..24).map(|k| descriptor_pa(3, va, k)).collect();
        let mut d = a.clone();
        d.sort_unstable();
        d.dedup();
        assert_eq!(d.len(), 24);
        assert!(a.iter().all(|&x| x >> 63 == 1));
        assert_ne!(descriptor_pa(3, va, 3), descriptor_pa(4, va, 3));
        assert_eq!(
            descriptor_pa(3, va, 3) + 8,
            descriptor_pa(3, va + 0x1000, 3)
        );
    }
}
