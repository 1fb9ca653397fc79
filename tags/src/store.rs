//! Allocation-tag storage for physical RAM (Arm ARM, "The Memory Tagging Extension":
//! Allocation Tags; ARCH.md §4.2).
//!
//! Tags belong to physical 16-byte granules (`LOG2_TAG_GRANULE` = 4), never to virtual
//! addresses, so every alias of a page sees the same tags. The bytes use QEMU's layout, one
//! byte per 32 bytes of RAM with the even granule (PA bit 4 clear) in the low nibble, so a
//! page's 128 bytes can be compared with QEMU's tag memory and moved by LDGM/STGM in whole
//! bytes.
//!
//! Pages of tag bytes are allocated on the first non-zero tag written to them: guests tag few
//! pages, and the reset value of tags is UNKNOWN, which this model reads as 0. The page
//! directory is a flat vector indexed by physical page number because [`TagStore::tag`] runs
//! on every tag-checked load and store; a hash lookup there would cost more than the check.
//!
//! Pages and nibbles are indexed by the absolute physical address, not by the offset into
//! RAM, so a RAM region whose base is not page aligned still keeps each granule in the nibble
//! its PA bit 4 selects. A granule that straddles the start or end of RAM (only possible when
//! `base` or `base + size` is not 16-byte aligned) is one tag shared by the bytes on both
//! sides of the edge.

use core::fmt;

use thiserror::Error;

/// log2 of the tag granule: one allocation tag per 16 bytes (`LOG2_TAG_GRANULE`).
const GRANULE_SHIFT: u32 = 4;
/// Bytes per tag granule.
const GRANULE_BYTES: u64 = 1 << GRANULE_SHIFT;
/// log2 of the page size in which tag bytes are allocated.
const PAGE_SHIFT: u32 = 12;
/// Tag bytes per 4 KiB page: two 4-bit tags per byte, one per 16-byte granule.
pub const TAG_BYTES_PER_PAGE: usize = 1 << (PAGE_SHIFT - GRANULE_SHIFT - 1);
/// Granules per 4 KiB page.
const GRANULES_PER_PAGE: u64 = 1 << (PAGE_SHIFT - GRANULE_SHIFT);

/// The 128 tag bytes of one 4 KiB page, in QEMU's layout.
type TagPage = [u8; TAG_BYTES_PER_PAGE];

/// 4-bit allocation tags for a RAM region, one per 16-byte granule, stored in QEMU's layout:
/// one byte per 32 bytes of RAM, low nibble = the granule with PA bit 4 clear. Allocated lazily
/// per 4 KiB page (128 tag bytes), so RAM that is never tagged costs no tag memory.
#[derive(Clone)]
pub struct TagStore {
    /// First byte of RAM.
    base: u64,
    /// Bytes of RAM; `base + size` never exceeds `u64::MAX`.
    size: u64,
    /// Physical page number of `pages[0]` (the page holding `base`).
    first_page: u64,
    /// One slot per physical page overlapping RAM; `None` = every tag of the page is 0.
    pages: Vec<Option<Box<TagPage>>>,
    /// How many slots of `pages` are `Some`, kept so the count costs no scan.
    allocated: usize,
}

/// Where [`TagStore`]'s page directory is (see [`TagStore::raw_directory`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawTagDirectory {
    /// The first slot: 0 or the address of a page's 128 tag bytes.
    pub pages: *mut usize,
    /// Number of slots.
    pub len: u64,
    /// Physical page number of slot 0.
    pub first_page: u64,
}

/// Why a bulk tag transfer ([`TagStore::copy_out`], [`TagStore::copy_in`]) was refused.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum TagRangeError {
    /// The start address is not on a 16-byte granule boundary.
    #[error("tag transfer start {pa:#x} is not 16-byte aligned")]
    Unaligned {
        /// Requested start address.
        pa: u64,
    },
    /// Part of the range is not RAM, so it has no tag storage.
    #[error("tag transfer of {len:#x} bytes at {pa:#x} is not entirely inside RAM")]
    OutsideRam {
        /// Requested start address.
        pa: u64,
        /// Bytes of memory the transfer covers (16 per tag).
        len: u64,
    },
    /// A byte of the input does not fit in a 4-bit tag.
    #[error("tag byte {index} is {value:#04x}, more than the largest tag 0xf")]
    BadTag {
        /// Position of the byte in the input slice.
        index: usize,
        /// The byte found there.
        value: u8,
    },
}

impl TagStore {
    /// A store for RAM `[base, base + size)` with every tag 0 and no tag page allocated.
    ///
    /// `size` need not be page aligned. A range that would run past the top of the physical
    /// address space is cut at `u64::MAX`. The page directory costs 8 bytes per 4 KiB of RAM
    /// in zero-filled memory that the host backs only where pages get tagged; a directory the
    /// host cannot allocate at all aborts like any failed allocation.
    pub fn new(base: u64, size: u64) -> TagStore {
        let size = size.min(u64::MAX - base);
        let first_page = base >> PAGE_SHIFT;
        TagStore {
            base,
            size,
            first_page,
            pages: vec![None; directory_len(base, size)],
            allocated: 0,
        }
    }

    /// First byte of RAM.
    pub fn base(&self) -> u64 {
        self.base
    }

    /// Bytes of RAM covered.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Whether `pa` is inside RAM, i.e. tag-capable memory.
    pub fn covers(&self, pa: u64) -> bool {
        pa.wrapping_sub(self.base) < self.size
    }

    /// Whether `[pa, pa + len)` lies entirely inside RAM (an empty range always does).
    fn covers_range(&self, pa: u64, len: u64) -> bool {
        len == 0 || (self.covers(pa) && len <= self.size - (pa - self.base))
    }

    /// Allocation tag of the granule holding `pa`; 0 if never written or outside RAM.
    /// Always inlined: every tag-checked load calls it.
    #[inline(always)]
    pub fn tag(&self, pa: u64) -> u8 {
        // No separate RAM check: addresses outside RAM either miss the directory or land in
        // the unused part of an edge page, whose nibbles are never written (see module docs).
        let index = (pa >> PAGE_SHIFT).wrapping_sub(self.first_page);
        match usize::try_from(index).ok().and_then(|i| self.pages.get(i)) {
            Some(Some(page)) => nibble(page, pa),
            _ => 0,
        }
    }

    /// Stores `tag & 0xf` for the granule holding `pa`; false (nothing stored) outside RAM.
    ///
    /// Writing 0 to a page that has no tag bytes leaves it unallocated.
    #[inline(always)]
    pub fn set_tag(&mut self, pa: u64, tag: u8) -> bool {
        if !self.covers(pa) {
            return false;
        }
        let tag = tag & 0xf;
        if let Some(page) = self.page_for_write(pa, tag) {
            set_nibble(page, pa, tag);
        }
        true
    }

    /// Sets the tag of every granule touched by `[pa, pa + len)` to `tag & 0xf`; false (and
    /// nothing changes) if any part of the range is outside RAM. An empty range changes nothing.
    pub fn set_range(&mut self, pa: u64, len: u64, tag: u8) -> bool {
        if !self.covers_range(pa, len) {
            return false;
        }
        if len == 0 {
            return true;
        }
        let tag = tag & 0xf;
        let first = pa >> GRANULE_SHIFT;
        let last = (pa + (len - 1)) >> GRANULE_SHIFT;
        let mut granule = first;
        loop {
            // Work page by page so an all-zero write can skip an unallocated page whole.
            let page_end = (granule | (GRANULES_PER_PAGE - 1)).min(last);
            if let Some(page) = self.page_for_write(granule << GRANULE_SHIFT, tag) {
                for g in granule..=page_end {
                    set_nibble(page, g << GRANULE_SHIFT, tag);
                }
            }
            if page_end == last {
                return true;
            }
            granule = page_end + 1;
        }
    }

    /// Writes `out[i]` = tag of the granule at `pa + 16 * i` (KVM_ARM_MTE_COPY_TAGS format:
    /// one tag per byte). `pa` must be 16-byte aligned and the whole range inside RAM.
    pub fn copy_out(&self, pa: u64, out: &mut [u8]) -> Result<(), TagRangeError> {
        self.check_transfer(pa, out.len())?;
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = self.tag(granule_address(pa, i));
        }
        Ok(())
    }

    /// Sets the tag of the granule at `pa + 16 * i` to `tags[i]`, the inverse of
    /// [`TagStore::copy_out`]. Bytes above 0xf are refused; on any error nothing changes.
    pub fn copy_in(&mut self, pa: u64, tags: &[u8]) -> Result<(), TagRangeError> {
        self.check_transfer(pa, tags.len())?;
        if let Some((index, &value)) = tags.iter().enumerate().find(|&(_, &t)| t > 0xf) {
            return Err(TagRangeError::BadTag { index, value });
        }
        for (i, &tag) in tags.iter().enumerate() {
            self.set_tag(granule_address(pa, i), tag);
        }
        Ok(())
    }

    /// The QEMU-layout tag bytes of the 4 KiB page holding `pa`, if that page is allocated.
    pub fn raw_page(&self, pa: u64) -> Option<&[u8; 128]> {
        if !self.covers(pa) {
            return None;
        }
        let index = usize::try_from((pa >> PAGE_SHIFT).wrapping_sub(self.first_page)).ok()?;
        self.pages.get(index)?.as_deref()
    }

    /// The page directory as plain addresses, for generated code that looks tags up
    /// itself: `pages` points at `len` slots, one per 4 KiB page from physical page
    /// `first_page` on; a slot is 0 when the page has no tag bytes, else the address of its
    /// 128 tag bytes in QEMU's layout. Taken from `&mut self` because the caller may write
    /// tags of allocated pages through it; valid until the store is next used.
    pub fn raw_directory(&mut self) -> RawTagDirectory {
        RawTagDirectory {
            // `Option<Box<T>>` is guaranteed to be one pointer, null for `None`.
            pages: self.pages.as_mut_ptr().cast(),
            len: self.pages.len() as u64,
            first_page: self.first_page,
        }
    }

    /// How many 4 KiB pages have tag bytes allocated.
    pub fn allocated_pages(&self) -> usize {
        self.allocated
    }

    /// Sets every tag back to 0 and releases all tag memory, the page directory included.
    pub fn clear(&mut self) {
        self.pages = vec![None; self.pages.len()];
        self.allocated = 0;
    }

    /// Checks a bulk transfer of `count` tags starting at `pa`.
    fn check_transfer(&self, pa: u64, count: usize) -> Result<(), TagRangeError> {
        if pa % GRANULE_BYTES != 0 {
            return Err(TagRangeError::Unaligned { pa });
        }
        let len = u64::try_from(count)
            .unwrap_or(u64::MAX)
            .saturating_mul(GRANULE_BYTES);
        if !self.covers_range(pa, len) {
            return Err(TagRangeError::OutsideRam { pa, len });
        }
        Ok(())
    }

    /// The page holding `pa` (inside RAM), ready for writing `tag`: allocated on demand, or
    /// `None` when `tag` is 0 and the page has no bytes yet (all its tags already read 0).
    fn page_for_write(&mut self, pa: u64, tag: u8) -> Option<&mut TagPage> {
        let index = usize::try_from((pa >> PAGE_SHIFT).wrapping_sub(self.first_page)).ok()?;
        let slot = self.pages.get_mut(index)?;
        if slot.is_none() {
            if tag == 0 {
                return None;
            }
            self.allocated += 1;
        }
        Some(slot.get_or_insert_with(|| Box::new([0; TAG_BYTES_PER_PAGE])))
    }
}

impl fmt::Debug for TagStore {
    /// Summary only: the page directory has one entry per 4 KiB of RAM.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TagStore")
            .field("base", &format_args!("{:#x}", self.base))
            .field("size", &format_args!("{:#x}", self.size))
            .field("allocated_pages", &self.allocated)
            .finish()
    }
}

/// Number of directory slots: physical pages overlapping `[base, base + size)`.
fn directory_len(base: u64, size: u64) -> usize {
    if size == 0 {
        return 0;
    }
    let pages = ((base + (size - 1)) >> PAGE_SHIFT) - (base >> PAGE_SHIFT) + 1;
    // A region too large for the host's address space could never be backed anyway.
    usize::try_from(pages).unwrap_or(usize::MAX)
}

/// Address of the `i`-th granule from the granule-aligned `pa`. Callers have checked that
/// the range is inside RAM, so this cannot wrap.
fn granule_address(pa: u64, i: usize) -> u64 {
    pa.wrapping_add((i as u64) << GRANULE_SHIFT)
}

/// Index of the byte holding `pa`'s tag within its page.
#[inline(always)]
fn byte_index(pa: u64) -> usize {
    // Masked to 0..128, so the cast and the later indexing cannot fail.
    ((pa >> (GRANULE_SHIFT + 1)) as usize) & (TAG_BYTES_PER_PAGE - 1)
}

/// Shift of `pa`'s nibble within its byte: 0 (low) when PA bit 4 is clear, 4 when set.
#[inline(always)]
fn nibble_shift(pa: u64) -> u32 {
    (((pa >> GRANULE_SHIFT) & 1) as u32) * 4
}

/// The tag of the granule holding `pa` within its page.
#[inline(always)]
fn nibble(page: &TagPage, pa: u64) -> u8 {
    (page[byte_index(pa)] >> nibble_shift(pa)) & 0xf
}

/// Replaces the tag of the granule holding `pa` within its page.
#[inline(always)]
fn set_nibble(page: &mut TagPage, pa: u64, tag: u8) {
    let shift = nibble_shift(pa);
    let byte = &mut page[byte_index(pa)];
    *byte = (*byte & !(0xf << shift)) | ((tag & 0xf) << shift);
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    const RAM_BASE: u64 = 0x4000_0000;

    #[test]
    fn fresh_4gib_store_allocates_no_pages() {
        let store = TagStore::new(RAM_BASE, 4 << 30);
        assert_eq!(store.allocated_pages(), 0);
        assert_eq!(store.tag(RAM_BASE), 0);
        assert_eq!(store.tag(RAM_BASE + (4 << 30) - 1), 0);
    }

    #[test]
    fn writing_zero_does_not_allocate() {
        let mut store = TagStore::new(RAM_BASE, 4 << 30);
        assert!(store.set_tag(RAM_BASE + 0x1230, 0));
        assert!(store.set_range(RAM_BASE, 1 << 20, 0));
        assert!(store.set_tag(RAM_BASE + 0x10, 0x10)); // 0x10 & 0xf == 0
        assert_eq!(store.copy_in(RAM_BASE, &[0; 4096]), Ok(()));
        assert_eq!(store.allocated_pages(), 0);
        assert!(store.raw_page(RAM_BASE).is_none());
    }

    #[test]
    fn set_then_get_one_granule() {
        let mut store = TagStore::new(RAM_BASE, 1 << 20);
        assert!(store.set_tag(RAM_BASE + 0x25, 0xa));
        // Every byte of the granule 0x20..0x30 shares the tag; its neighbours do not.
        for pa in RAM_BASE + 0x20..RAM_BASE + 0x30 {
            assert_eq!(store.tag(pa), 0xa);
        }
        assert_eq!(store.tag(RAM_BASE + 0x1f), 0);
        assert_eq!(store.tag(RAM_BASE + 0x30), 0);
        assert_eq!(store.allocated_pages(), 1);
        // Only the low nibble of the argument is stored.
        assert!(store.set_tag(RAM_BASE + 0x20, 0xf3));
        assert_eq!(store.tag(RAM_BASE + 0x20), 3);
    }

    #[test]
    fn outside_ram_reads_zero_and_refuses_writes() {
        let mut store = TagStore::new(RAM_BASE, 0x2000);
        for pa in [0, RAM_BASE - 1, RAM_BASE + 0x2000, u64::MAX] {
            assert!(!store.covers(pa));
            assert!(!store.set_tag(pa, 5));
            assert_eq!(store.tag(pa), 0);
            assert!(store.raw_page(pa).is_none());
        }
        assert_eq!(store.allocated_pages(), 0);
        assert!(store.covers(RAM_BASE));
        assert!(store.covers(RAM_BASE + 0x1fff));
    }

    #[test]
    fn raw_page_layout_matches_qemu() {
        let mut store = TagStore::new(RAM_BASE, 0x10000);
        let page = RAM_BASE + 0x3000;
        // Granules 0 and 1 share byte 0: even granule in the low nibble.
        store.set_tag(page, 0x1);
        store.set_tag(page + 0x10, 0x2);
        // Granule 5 (0x50, PA bit 4 set) is the high nibble of byte 2.
        store.set_tag(page + 0x50, 0xc);
        // Granule 254 (0xfe0, bit 4 clear) is the low nibble of byte 127.
        store.set_tag(page + 0xfe0, 0x7);
        let raw = store.raw_page(page + 0x800).expect("page was tagged");
        let mut expected = [0u8; 128];
        expected[0] = 0x21;
        expected[2] = 0xc0;
        expected[127] = 0x07;
        assert_eq!(raw, &expected);
        assert!(store.raw_page(RAM_BASE).is_none());
    }

    #[test]
    fn unaligned_ram_edges() {
        // RAM starting 0x20 into a page and ending mid-page: the page directory spans both
        // partial pages, and addresses beyond the edges stay untagged.
        let base = RAM_BASE + 0x20;
        let mut store = TagStore::new(base, 0x1000);
        assert!(store.set_range(base, 0x1000, 9));
        assert_eq!(store.allocated_pages(), 2);
        assert_eq!(store.tag(base - 0x10), 0);
        assert_eq!(store.tag(base), 9);
        assert_eq!(store.tag(base + 0xfff), 9);
        assert_eq!(store.tag(base + 0x1000), 0);
        let raw = store.raw_page(base).expect("tagged");
        assert_eq!(raw[0], 0, "granules 0x00 and 0x10 of the page are not RAM");
        assert_eq!(raw[1], 0x99);
    }

    #[test]
    fn set_range_touches_partial_granules_and_checks_bounds() {
        let mut store = TagStore::new(RAM_BASE, 0x3000);
        // [0x0f, 0x21) touches granules 0x00, 0x10 and 0x20.
        assert!(store.set_range(RAM_BASE + 0x0f, 0x12, 4));
        assert_eq!(store.tag(RAM_BASE), 4);
        assert_eq!(store.tag(RAM_BASE + 0x10), 4);
        assert_eq!(store.tag(RAM_BASE + 0x20), 4);
        assert_eq!(store.tag(RAM_BASE + 0x30), 0);
        // Crossing a page boundary.
        assert!(store.set_range(RAM_BASE + 0xff0, 0x20, 6));
        assert_eq!(store.tag(RAM_BASE + 0xff0), 6);
        assert_eq!(store.tag(RAM_BASE + 0x1000), 6);
        assert_eq!(store.allocated_pages(), 2);
        // Running off the end of RAM changes nothing.
        let before = store.clone();
        assert!(!store.set_range(RAM_BASE + 0x2ff0, 0x20, 1));
        assert!(!store.set_range(RAM_BASE - 0x10, 0x20, 1));
        assert!(!store.set_range(u64::MAX - 0xf, u64::MAX, 1));
        assert_eq!(store.tag(RAM_BASE + 0x2ff0), 0);
        assert_eq!(store.allocated_pages(), before.allocated_pages());
        // Empty ranges touch nothing.
        assert!(store.set_range(RAM_BASE + 0x100, 0, 3));
        assert_eq!(store.tag(RAM_BASE + 0x100), 0);
        // Zero over a tagged page clears it (the page stays allocated).
        assert!(store.set_range(RAM_BASE, 0x3000, 0));
        assert_eq!(store.tag(RAM_BASE + 0x10), 0);
    }

    #[test]
    fn copy_errors() {
        let mut store = TagStore::new(RAM_BASE, 0x2000);
        let mut out = [0u8; 4];
        assert_eq!(
            store.copy_out(RAM_BASE + 8, &mut out),
            Err(TagRangeError::Unaligned { pa: RAM_BASE + 8 })
        );
        assert_eq!(
            store.copy_out(RAM_BASE + 0x1ff0, &mut out),
            Err(TagRangeError::OutsideRam {
                pa: RAM_BASE + 0x1ff0,
                len: 0x40
            })
        );
        assert_eq!(
            store.copy_in(RAM_BASE, &[1, 2, 0x10, 0xff]),
            Err(TagRangeError::BadTag {
                index: 2,
                value: 0x10
            })
        );
        assert_eq!(
            store.allocated_pages(),
            0,
            "a refused copy_in changes nothing"
        );
        assert_eq!(
            store.copy_in(RAM_BASE - 0x10, &[1]),
            Err(TagRangeError::OutsideRam {
                pa: RAM_BASE - 0x10,
                len: 0x10
            })
        );
        // Empty transfers at an aligned address succeed.
        assert_eq!(store.copy_out(RAM_BASE, &mut []), Ok(()));
        assert_eq!(store.copy_in(RAM_BASE + 0x2000, &[]), Ok(()));
    }

    #[test]
    fn error_messages_are_one_line() {
        let errors = [
            TagRangeError::Unaligned { pa: 0x1008 },
            TagRangeError::OutsideRam {
                pa: 0x1000,
                len: 0x40,
            },
            TagRangeError::BadTag {
                index: 3,
                value: 0x42,
            },
        ];
        for e in errors {
            let text = e.to_string();
            assert!(!text.contains('\n'), "{text}");
        }
        assert_eq!(
            TagRangeError::BadTag {
                index: 3,
                value: 0x42
            }
            .to_string(),
            "tag byte 3 is 0x42, more than the largest tag 0xf"
        );
    }

    #[test]
    fn clear_releases_everything() {
        let mut store = TagStore::new(RAM_BASE, 0x10000);
        store.set_range(RAM_BASE, 0x10000, 0xe);
        assert_eq!(store.allocated_pages(), 16);
        store.clear();
        assert_eq!(store.allocated_pages(), 0);
        assert_eq!(store.tag(RAM_BASE + 0x5550), 0);
        assert!(store.raw_page(RAM_BASE).is_none());
    }

    #[test]
    fn degenerate_regions_do_not_panic() {
        let mut empty = TagStore::new(RAM_BASE, 0);
        assert!(!empty.covers(RAM_BASE));
        assert!(!empty.set_tag(RAM_BASE, 1));
        assert_eq!(empty.tag(RAM_BASE), 0);
        // A region running past the top of the address space is cut at u64::MAX.
        let mut top = TagStore::new(u64::MAX - 0xfff, 0x10000);
        assert_eq!(top.size(), 0xfff);
        assert!(top.set_tag(u64::MAX - 0x10, 3));
        assert_eq!(top.tag(u64::MAX - 0x10), 3);
        assert!(!top.set_range(u64::MAX - 0x10, 0x20, 3));
        let mut out = [0u8; 1];
        assert_eq!(
            top.copy_out(u64::MAX - 0xf, &mut out),
            Err(TagRangeError::OutsideRam {
                pa: u64::MAX - 0xf,
                len: 0x10
            })
        );
    }

    #[test]
    fn debug_is_a_summary() {
        let store = TagStore::new(RAM_BASE, 4 << 30);
        let text = format!("{store:?}");
        assert_eq!(
            text,
            "TagStore { base: 0x40000000, size: 0x100000000, allocated_pages: 0 }"
        );
    }

    /// One step of a random operation sequence checked against the naive model.
    #[derive(Debug, Clone)]
    enum Op {
        Set(u64, u8),
        Range(u64, u64, u8),
        Clear,
    }

    /// RAM for the model tests: 16-byte aligned but not page aligned, with the last page
    /// partial, so edge pages are exercised.
    const MODEL_BASE: u64 = 0x8000_0f40;
    const MODEL_SIZE: u64 = 0x3100;

    fn address() -> impl Strategy<Value = u64> {
        // Mostly inside RAM, with margins on both sides.
        (MODEL_BASE - 0x100)..(MODEL_BASE + MODEL_SIZE + 0x100)
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            8 => (address(), any::<u8>()).prop_map(|(pa, t)| Op::Set(pa, t)),
            3 => (address(), 0u64..0x600, any::<u8>()).prop_map(|(pa, l, t)| Op::Range(pa, l, t)),
            1 => Just(Op::Clear),
        ]
    }

    proptest! {
        #[test]
        fn agrees_with_hashmap_model(ops in prop::collection::vec(op(), 1..60), probes in prop::collection::vec(address(), 32)) {
            let mut store = TagStore::new(MODEL_BASE, MODEL_SIZE);
            let mut model: HashMap<u64, u8> = HashMap::new();
            let inside = |pa: u64| (MODEL_BASE..MODEL_BASE + MODEL_SIZE).contains(&pa);
            for op in &ops {
                match *op {
                    Op::Set(pa, t) => {
                        prop_assert_eq!(store.set_tag(pa, t), inside(pa));
                        if inside(pa) {
                            model.insert(pa >> 4, t & 0xf);
                        }
                    }
                    Op::Range(pa, len, t) => {
                        let ok = len == 0 || (inside(pa) && inside(pa + len - 1));
                        prop_assert_eq!(store.set_range(pa, len, t), ok);
                        if ok && len > 0 {
                            for g in (pa >> 4)..=((pa + len - 1) >> 4) {
                                model.insert(g, t & 0xf);
                            }
                        }
                    }
                    Op::Clear => {
                        store.clear();
                        model.clear();
                    }
                }
                for &pa in &probes {
                    prop_assert_eq!(store.tag(pa), model.get(&(pa >> 4)).copied().unwrap_or(0));
                }
            }
            // Pages are allocated only where a non-zero tag was written since the last clear.
            for (&g, &t) in &model {
                if t != 0 {
                    prop_assert!(store.raw_page(g << 4).is_some());
                }
            }
        }

        #[test]
        fn copy_in_then_copy_out_round_trips(start in 0u64..0x300, tags in prop::collection::vec(0u8..16, 0..0x100)) {
            let mut store = TagStore::new(RAM_BASE, 0x4000);
            let pa = RAM_BASE + start * 16;
            let fits = start * 16 + tags.len() as u64 * 16 <= 0x4000;
            let result = store.copy_in(pa, &tags);
            if fits {
                prop_assert_eq!(result, Ok(()));
                let mut out = vec![0xffu8; tags.len()];
                prop_assert_eq!(store.copy_out(pa, &mut out), Ok(()));
                prop_assert_eq!(&out, &tags);
                for (i, &t) in tags.iter().enumerate() {
                    prop_assert_eq!(store.tag(pa + 16 * i as u64 + 15), t);
                }
            } else {
                prop_assert!(matches!(result, Err(TagRangeError::OutsideRam { .. })), "{:?}", result);
                prop_assert_eq!(store.allocated_pages(), 0);
            }
        }
    }
}
