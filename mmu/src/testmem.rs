//! Test support: a fake physical memory implementing `DescriptorMemory`, and a page-table
//! builder that writes descriptors straight from the ARCH.md §3.7 formats (independently
//! of the walker's decoding).

use crate::fault::ExternalAbort;
use crate::granule::Granule;
use crate::memory::DescriptorMemory;
use std::collections::{HashMap, HashSet};

/// Sparse 8-byte-word RAM; unwritten words read as 0 (invalid descriptors).
#[derive(Debug, Default, Clone)]
pub struct FakeRam {
    pub words: HashMap<u64, u64>,
    /// Addresses whose reads and writes abort.
    pub abort: HashSet<u64>,
    /// Number of successful descriptor writes.
    pub writes: usize,
}

impl FakeRam {
    pub fn set(&mut self, pa: u64, v: u64) {
        self.words.insert(pa, v);
    }
    pub fn get(&self, pa: u64) -> u64 {
        self.words.get(&pa).copied().unwrap_or(0)
    }
}

impl DescriptorMemory for FakeRam {
    fn read_desc(&mut self, pa: u64) -> Result<u64, ExternalAbort> {
        if self.abort.contains(&pa) {
            return Err(ExternalAbort { pa });
        }
        Ok(self.get(pa))
    }
    fn write_desc(&mut self, pa: u64, old: u64, new: u64) -> Result<bool, ExternalAbort> {
        if self.abort.contains(&pa) {
            return Err(ExternalAbort { pa });
        }
        if self.get(pa) != old {
            return Ok(false);
        }
        self.set(pa, new);
        self.writes += 1;
        Ok(true)
    }
}

/// Builds translation tables for one granule. Tables are allocated from `next`; they are
/// addressed in the walk's input space (`addr`) and written at `addr + offset` (non-zero
/// for stage-1 tables that live in IPA space behind a stage 2).
#[derive(Debug)]
pub struct Builder {
    pub granule: Granule,
    pub start: u8,
    pub ia_bits: u8,
    pub root: u64,
    pub next: u64,
    pub offset: u64,
    /// (level, addr >> level_shift) of every valid entry written.
    pub entries: HashSet<(u8, u64)>,
}

/// Level shift from ARCH.md §3.6 written out per granule (not via `Granule`).
pub fn shift(g: Granule, level: u8) -> u8 {
    let (page, stride) = match g {
        Granule::K4 => (12, 9),
        Granule::K16 => (14, 11),
        Granule::K64 => (16, 13),
    };
    page + stride * (3 - level)
}

impl Builder {
    pub fn new(granule: Granule, start: u8, ia_bits: u8, root: u64) -> Builder {
        // The root may need up to 16 concatenated tables (stage 2): reserve 16 granules.
        Builder {
            granule,
            start,
            ia_bits,
            root,
            next: root + 16 * granule.size(),
            offset: 0,
            entries: HashSet::new(),
        }
    }

    fn index(&self, addr: u64, level: u8) -> u64 {
        let s = shift(self.granule, level);
        let bits = if level == self.start {
            self.ia_bits - s
        } else {
            shift(self.granule, 3) - 3
        };
        (addr >> s) & ((1u64 << bits) - 1)
    }

    /// Descriptor addresses (input space) from the start level down to `level`, creating
    /// tables as needed with `table_bits` OR-ed into new table descriptors. Returns `None`
    /// if a block is in the way.
    pub fn path(
        &mut self,
        ram: &mut FakeRam,
        addr: u64,
        level: u8,
        table_bits: u64,
    ) -> Option<Vec<u64>> {
        let mut table = self.root;
        let mut out = Vec::new();
        for l in self.start..=level {
            let da = table + 8 * self.index(addr, l);
            out.push(da);
            if l == level {
                break;
            }
            let d = ram.get(da + self.offset);
            if d & 3 == 3 {
                table = d & 0x0000_ffff_ffff_f000 & !(self.granule.size() - 1);
            } else if d & 1 == 1 {
                return None;
            } else {
                let t = self.next;
                self.next += self.granule.size();
                ram.set(da + self.offset, t | 3 | table_bits);
                self.entries.insert((l, addr >> shift(self.granule, l)));
                table = t;
            }
        }
        Some(out)
    }

    /// Maps the block/page at `level` containing `addr` to `oa` with `attrs` (AF, AP, ...
    /// as raw bits). Returns the descriptor address, or `None` if it conflicts.
    pub fn map(
        &mut self,
        ram: &mut FakeRam,
        addr: u64,
        level: u8,
        oa: u64,
        attrs: u64,
    ) -> Option<u64> {
        let path = self.path(ram, addr, level, 0)?;
        let da = *path.last()?;
        if ram.get(da + self.offset) & 1 != 0 {
            return None;
        }
        let kind = if level == 3 { 3 } else { 1 };
        ram.set(da + self.offset, oa | attrs | kind);
        self.entries
            .insert((level, addr >> shift(self.granule, level)));
        Some(da)
    }

    /// The level at which a walk for `addr` must find an invalid entry, if it is unmapped.
    pub fn expected_fault_level(&self, addr: u64) -> Option<u8> {
        (self.start..=3).find(|&l| !self.entries.contains(&(l, addr >> shift(self.granule, l))))
    }

    /// Whether `addr` is mapped by a leaf (some level's entry exists and is a leaf).
    pub fn mapped(&self, ram: &FakeRam, addr: u64) -> Option<(u8, u64)> {
        let mut table = self.root;
        for l in self.start..=3 {
            let d = ram.get(table + 8 * self.index(addr, l) + self.offset);
            match (d & 3, l) {
                (3, 3) | (1, 0..=2) => return Some((l, d)),
                (3, _) => table = d & 0x0000_ffff_ffff_f000 & !(self.granule.size() - 1),
                _ => return None,
            }
        }
        None
    }
}
