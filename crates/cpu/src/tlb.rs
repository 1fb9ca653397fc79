//! The soft TLB (DESIGN.md "Soft TLB"): a direct-mapped cache from (translation context,
//! virtual page) to the combined stage 1 + stage 2 result for that page: where it is in RAM
//! (or its physical page, for MMIO), which of read/write/fetch the context may do, and
//! whether it is Device memory. A hit is a compare and an add; a miss walks (`translation`)
//! and fills.
//!
//! Translation contexts are numbered by [`ContextTable`]: every distinct set of the values
//! a walk and its permission checks depend on (regime, EL, PAN, UAO, the regime's control
//! registers, stage-2 controls) gets a small id. Entries are tagged with it, so switching
//! EL or ASID needs no flush, and a register change simply selects another id: a stale
//! entry can never match. Only TLBI (page tables changed in memory) flushes.

/// Entries in the soft TLB (power of two).
pub const ENTRIES: usize = 1 << 10;
/// Contexts remembered before the table starts over (and the TLB is flushed).
const MAX_CONTEXTS: usize = 256;

/// Access rights cached in an entry.
pub mod perm {
    /// Data reads allowed.
    pub const READ: u8 = 1;
    /// Data writes allowed.
    pub const WRITE: u8 = 2;
    /// Instruction fetches allowed.
    pub const FETCH: u8 = 4;
    /// Device memory (data accesses must be aligned; DC ZVA faults).
    pub const DEVICE: u8 = 8;
    /// Backed by RAM (`base` is a RAM offset); otherwise `base` is the physical page.
    pub const RAM: u8 = 16;
    /// Allocation Tagged RAM with tag storage: LDG/STG reach the tags (ARCH.md §4.8).
    pub const TAGGED: u8 = 32;
    /// Tagged, and data accesses in this context are tag-checked with an effect (tag
    /// access enabled, TCF not 0b00, TBI applies): the fast path compares tags.
    pub const CHECKED: u8 = 64;
}

/// One cached page translation. `repr(C)`: generated code (`jit`) reads the fields at
/// their `offset_of!` offsets and compares `ctx` and `gen` as one 32-bit word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct TlbEntry {
    /// Virtual page number (VA >> 12).
    pub vpage: u64,
    /// Translation context id.
    pub ctx: u16,
    /// The TLB generation the entry was filled in (a flush starts a new one).
    pub gen: u16,
    /// `perm` bits.
    pub perm: u8,
    /// RAM offset of the page when `perm::RAM`, else the physical page address.
    pub base: u64,
}

impl TlbEntry {
    /// The physical address of `va` (within this entry's page); `ram_base` is where RAM
    /// starts, since RAM pages hold an offset.
    #[inline(always)]
    pub fn phys(&self, ram_base: u64, va: u64) -> u64 {
        if self.perm & perm::RAM != 0 {
            ram_base + self.base + (va & 0xfff)
        } else {
            self.base | (va & 0xfff)
        }
    }
}

const INVALID: TlbEntry = TlbEntry {
    vpage: u64::MAX,
    ctx: u16::MAX,
    gen: 0,
    perm: 0,
    base: 0,
};

/// The soft TLB of one PE.
#[derive(Clone, Debug)]
pub struct SoftTlb {
    entries: Box<[TlbEntry]>,
    /// Current generation: entries of older ones are invalid, so a flush (every TLBI) is
    /// one increment, not a clear of the whole array.
    gen: u16,
}

impl Default for SoftTlb {
    fn default() -> Self {
        SoftTlb {
            entries: vec![INVALID; ENTRIES].into_boxed_slice(),
            gen: 1,
        }
    }
}

impl SoftTlb {
    /// The entry for `va` in context `ctx`, if cached.
    #[inline(always)]
    pub fn lookup(&self, ctx: u16, va: u64) -> Option<&TlbEntry> {
        let vpage = va >> 12;
        let e = &self.entries[vpage as usize & (ENTRIES - 1)];
        (e.vpage == vpage && e.ctx == ctx && e.gen == self.gen).then_some(e)
    }

    /// The entry array and the current generation, for generated code that looks entries
    /// up itself (same rule as [`Self::lookup`]: slot `vpage % ENTRIES`, matching `vpage`,
    /// `ctx` and `gen`).
    pub fn raw_entries(&self) -> (*const TlbEntry, u16) {
        (self.entries.as_ptr(), self.gen)
    }

    /// Caches a page translation.
    pub fn fill(&mut self, e: TlbEntry) {
        self.entries[e.vpage as usize & (ENTRIES - 1)] = TlbEntry { gen: self.gen, ..e };
    }

    /// Forgets everything (TLBI): a new generation; the array is only cleared when the
    /// generation counter wraps.
    pub fn flush(&mut self) {
        self.gen = self.gen.wrapping_add(1);
        if self.gen == 0 {
            self.entries.fill(INVALID);
            self.gen = 1;
        }
    }
}

/// Numbers translation contexts (see the module documentation) and keeps what was
/// derived for each (`V`), so that returning to a context (an ERET back to EL1) costs a
/// search, not a decode of its registers.
#[derive(Clone, Debug)]
pub struct ContextTable<K: PartialEq, V> {
    entries: Vec<(K, V)>,
}

impl<K: PartialEq, V> Default for ContextTable<K, V> {
    fn default() -> Self {
        ContextTable {
            entries: Vec::new(),
        }
    }
}

impl<K: PartialEq, V> ContextTable<K, V> {
    /// The derived value of context `id`.
    pub fn get(&self, id: u16) -> Option<&V> {
        self.entries.get(id as usize).map(|(_, v)| v)
    }

    /// The id of `key` and its derived value (made by `derive` the first time), and
    /// whether the table started over (the caller must then flush everything tagged with
    /// old ids).
    pub fn id(&mut self, key: K, derive: impl FnOnce(&K) -> V) -> (u16, &V, bool) {
        if let Some(i) = self.entries.iter().position(|(k, _)| *k == key) {
            return (i as u16, &self.entries[i].1, false);
        }
        let reset = self.entries.len() >= MAX_CONTEXTS;
        if reset {
            self.entries.clear();
        }
        let v = derive(&key);
        self.entries.push((key, v));
        let i = self.entries.len() - 1;
        (i as u16, &self.entries[i].1, reset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_match_only_their_context_and_page() {
        let mut t = SoftTlb::default();
        t.fill(TlbEntry {
            vpage: 0x40_0000 >> 12,
            ctx: 3,
            gen: 0,
            perm: perm::READ | perm::RAM,
            base: 0x1000,
        });
        assert!(t.lookup(3, 0x40_0abc).is_some());
        assert!(t.lookup(4, 0x40_0abc).is_none(), "another context");
        assert!(t.lookup(3, 0x40_1000).is_none(), "another page");
        t.flush();
        assert!(t.lookup(3, 0x40_0abc).is_none());
        for _ in 0..70_000 {
            t.flush();
        }
        assert!(
            t.lookup(3, 0x40_0abc).is_none(),
            "still invalid after the generation wraps"
        );
    }

    #[test]
    fn contexts_get_stable_ids_and_the_table_starts_over_when_full() {
        let mut c = ContextTable::default();
        assert_eq!(c.id(7u32, |k| k * 2), (0, &14, false));
        assert_eq!(c.id(9u32, |k| k * 2), (1, &18, false));
        assert_eq!(
            c.id(7u32, |_| unreachable!("known context")),
            (0, &14, false)
        );
        for k in 10..(10 + MAX_CONTEXTS as u32 - 2) {
            c.id(k, |k| *k);
        }
        let (_, _, reset) = c.id(100_000, |k| *k);
        assert!(reset);
    }
}
