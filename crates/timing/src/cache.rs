//! Set-associative LRU arrays and the cache hierarchy built from them.
//!
//! [`SetAssoc`] is the one lookup structure: caches index it by line address, TLBs by
//! (context, page). Every set remembers its most recently used way and a lookup tries
//! that way first, so the common case (the same line or page as last time in that set)
//! is one compare and no write. LRU order is kept with per-way use stamps from one
//! counter; the victim of a miss is the way with the oldest stamp (never-filled ways have
//! stamp 0 and go first, lowest way first), which is deterministic.
//!
//! [`Hierarchy`] is L1I and L1D in front of a unified L2 in front of memory. It is
//! non-inclusive and allocates on every miss (loads, stores, fetches, walk reads alike);
//! write-backs are not modelled. An access returns its load-to-use latency, taken from
//! the level that hit.

use crate::preset::CacheGeometry;

/// Tag of a way that holds nothing.
const INVALID: u64 = u64::MAX;

/// A set-associative array of tags with LRU replacement.
#[derive(Clone, Debug)]
pub struct SetAssoc {
    set_mask: u64,
    ways: usize,
    tags: Vec<u64>,
    stamps: Vec<u64>,
    mru: Vec<u32>,
    tick: u64,
}

impl SetAssoc {
    /// An empty array of `sets` sets (a power of two) of `ways` ways.
    pub fn new(sets: u64, ways: u32) -> Self {
        assert!(sets.is_power_of_two() && ways >= 1, "bad geometry");
        let n = sets as usize * ways as usize;
        SetAssoc {
            set_mask: sets - 1,
            ways: ways as usize,
            tags: vec![INVALID; n],
            stamps: vec![0; n],
            mru: vec![0; sets as usize],
            tick: 1,
        }
    }

    /// Looks `key` up in the set `index` selects (its low bits), filling it on a miss.
    /// Returns whether it hit.
    #[inline(always)]
    pub fn access(&mut self, key: u64, index: u64) -> bool {
        let set = (index & self.set_mask) as usize;
        let base = set * self.ways;
        let m = base + self.mru[set] as usize;
        // The MRU way already has the newest stamp of its set: a hit there changes nothing.
        if self.tags[m] == key {
            return true;
        }
        self.access_slow(key, set, base)
    }

    #[inline(never)]
    fn access_slow(&mut self, key: u64, set: usize, base: usize) -> bool {
        let ways = &self.tags[base..base + self.ways];
        let (way, hit) = match ways.iter().position(|&t| t == key) {
            Some(w) => (w, true),
            None => {
                let stamps = &self.stamps[base..base + self.ways];
                let mut victim = 0;
                for (w, &s) in stamps.iter().enumerate() {
                    if s < stamps[victim] {
                        victim = w;
                    }
                }
                self.tags[base + victim] = key;
                (victim, false)
            }
        };
        self.stamps[base + way] = self.tick;
        self.tick += 1;
        self.mru[set] = way as u32;
        hit
    }

    /// Whether `key` is present in the set `index` selects, without touching LRU state.
    pub fn contains(&self, key: u64, index: u64) -> bool {
        let base = (index & self.set_mask) as usize * self.ways;
        self.tags[base..base + self.ways].contains(&key)
    }

    /// Empties every set.
    pub fn clear(&mut self) {
        self.tags.fill(INVALID);
        self.stamps.fill(0);
        self.mru.fill(0);
        self.tick = 1;
    }
}

/// One cache: a [`SetAssoc`] of line addresses.
#[derive(Clone, Debug)]
pub struct Cache {
    array: SetAssoc,
    line_shift: u32,
    latency: u32,
}

impl Cache {
    /// An empty cache of geometry `g` (sets and line size must be powers of two).
    pub fn new(g: &CacheGeometry) -> Self {
        assert!(g.line.is_power_of_two(), "line size must be a power of two");
        Cache {
            array: SetAssoc::new(g.sets(), g.assoc),
            line_shift: g.line.trailing_zeros(),
            latency: g.latency,
        }
    }

    /// Accesses the line holding `addr`; returns whether it hit (a miss fills it).
    #[inline(always)]
    pub fn access(&mut self, addr: u64) -> bool {
        let line = addr >> self.line_shift;
        self.array.access(line, line)
    }

    /// Whether the line holding `addr` is present.
    pub fn contains(&self, addr: u64) -> bool {
        let line = addr >> self.line_shift;
        self.array.contains(line, line)
    }

    /// log2 of the line size.
    pub fn line_shift(&self) -> u32 {
        self.line_shift
    }

    /// Load-to-use cycles of a hit.
    pub fn latency(&self) -> u32 {
        self.latency
    }
}

/// The result of one access to the hierarchy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    /// Load-to-use cycles.
    pub latency: u32,
    /// The L1 missed and was refilled.
    pub l1_refill: bool,
}

/// L1I and L1D, a unified L2, then memory.
#[derive(Clone, Debug)]
pub struct Hierarchy {
    /// L1 instruction cache.
    pub l1i: Cache,
    /// L1 data cache.
    pub l1d: Cache,
    /// Unified L2.
    pub l2: Cache,
    mem_latency: u32,
}

impl Hierarchy {
    /// An empty hierarchy.
    pub fn new(l1i: &CacheGeometry, l1d: &CacheGeometry, l2: &CacheGeometry, mem: u32) -> Self {
        Hierarchy {
            l1i: Cache::new(l1i),
            l1d: Cache::new(l1d),
            l2: Cache::new(l2),
            mem_latency: mem,
        }
    }

    /// A data access (load, store, or translation-table walk read) to `pa`.
    #[inline(always)]
    pub fn data(&mut self, pa: u64) -> Access {
        if self.l1d.access(pa) {
            return Access {
                latency: self.l1d.latency,
                l1_refill: false,
            };
        }
        Access {
            latency: self.beyond_l1(pa),
            l1_refill: true,
        }
    }

    /// An instruction fetch from `addr`.
    #[inline(always)]
    pub fn fetch(&mut self, addr: u64) -> Access {
        if self.l1i.access(addr) {
            return Access {
                latency: self.l1i.latency,
                l1_refill: false,
            };
        }
        Access {
            latency: self.beyond_l1(addr),
            l1_refill: true,
        }
    }

    /// Latency of an L1 miss: the L2's, or memory's if the L2 misses too.
    #[cold]
    fn beyond_l1(&mut self, addr: u64) -> u32 {
        if self.l2.access(addr) {
            self.l2.latency
        } else {
            self.mem_latency
        }
    }

    /// Load-to-use cycles of an access that misses L2.
    pub fn mem_latency(&self) -> u32 {
        self.mem_latency
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geom(size: u64, assoc: u32, latency: u32) -> CacheGeometry {
        CacheGeometry {
            size,
            assoc,
            line: 64,
            latency,
        }
    }

    #[test]
    fn lru_order() {
        // One set of two ways.
        let mut c = Cache::new(&geom(128, 2, 1));
        let (a, b, d) = (0x000, 0x1000, 0x2000);
        assert!(!c.access(a));
        assert!(!c.access(b));
        assert!(c.access(a)); // a is now the newest; b the LRU
        assert!(!c.access(d)); // evicts b
        assert!(c.contains(a) && c.contains(d) && !c.contains(b));
        assert!(c.access(a));
        assert!(!c.access(b)); // evicts d, the LRU now
        assert!(!c.contains(d));
        // Bytes of one line share it.
        assert!(c.access(b + 63));
    }

    #[test]
    fn set_conflicts_stay_in_their_set() {
        // 4 sets of 2 ways: lines 4*64 bytes apart share a set.
        let mut c = Cache::new(&geom(512, 2, 1));
        let stride = 4 * 64;
        let other = 64; // set 1
        assert!(!c.access(other));
        for round in 0..3 {
            for i in 0..3u64 {
                // Three lines cycling through two ways: every access misses.
                assert!(!c.access(i * stride), "round {round} line {i}");
            }
        }
        assert!(c.access(other), "other sets are untouched");
        // Two lines fit.
        assert!(!c.access(10 * stride));
        assert!(c.access(2 * stride));
        assert!(c.access(10 * stride));
    }

    #[test]
    fn hierarchy_latencies_and_refills() {
        let mut h = Hierarchy::new(&geom(128, 2, 2), &geom(128, 2, 3), &geom(1024, 4, 10), 100);
        let a = h.data(0x40);
        assert_eq!(
            a,
            Access {
                latency: 100,
                l1_refill: true
            }
        );
        assert_eq!(h.data(0x48).latency, 3);
        // The L1D is one set of two ways: two more lines push 0x40 out of it.
        h.data(0x40 + 128);
        h.data(0x40 + 256);
        let b = h.data(0x40);
        assert_eq!(
            b,
            Access {
                latency: 10,
                l1_refill: true
            }
        );
        // Fetches use the L1I but share the L2.
        assert_eq!(h.fetch(0x40).latency, 10);
        assert_eq!(h.fetch(0x40).latency, 2);
        assert_eq!(h.mem_latency(), 100);
    }

    #[test]
    fn set_assoc_clear() {
        let mut s = SetAssoc::new(1, 4);
        assert!(!s.access(7, 0));
        assert!(s.access(7, 0));
        s.clear();
        assert!(!s.contains(7, 0));
    }
}
