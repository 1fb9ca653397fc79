//! Saving and restoring guest memory with its allocation tags, as a VMM does for snapshots
//! and migration. Tags travel in the KVM_ARM_MTE_COPY_TAGS format (ARCH.md §4.12): one
//! tag per byte, one byte per 16-byte granule, so a range of `len` bytes has `len / 16`
//! tag bytes. Data without its tags would silently lose them; [`RangeSnapshot`] keeps
//! both together.

use crate::Machine;
use a64sim_tags::TagRangeError;

/// Guest RAM contents and allocation tags of one physical range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeSnapshot {
    /// First physical address (16-byte aligned).
    pub pa: u64,
    /// The bytes of the range.
    pub data: Vec<u8>,
    /// One allocation tag per 16-byte granule of the range.
    pub tags: Vec<u8>,
}

/// Why a range could not be saved or restored.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    /// The tag part of the range is unusable.
    #[error(transparent)]
    Tags(#[from] TagRangeError),
    /// The length is not a whole number of 16-byte granules.
    #[error("length {len:#x} is not a multiple of the 16-byte tag granule")]
    Length {
        /// The length asked for.
        len: u64,
    },
    /// Data and tags of a snapshot disagree in size.
    #[error("snapshot at {pa:#x} has {data} data bytes but {tags} tags (want one per 16 bytes)")]
    Mismatch {
        /// Its address.
        pa: u64,
        /// Data bytes.
        data: usize,
        /// Tag bytes.
        tags: usize,
    },
}

impl Machine {
    /// The allocation tags of `[pa, pa + 16 * out.len())`, one per byte into `out`.
    pub fn copy_tags_out(&self, pa: u64, out: &mut [u8]) -> Result<(), TagRangeError> {
        self.mem.tags.copy_out(pa, out)
    }

    /// Sets the allocation tags of `[pa, pa + 16 * tags.len())` from one tag per byte.
    /// Nothing changes when the range or a value is bad.
    pub fn copy_tags_in(&mut self, pa: u64, tags: &[u8]) -> Result<(), TagRangeError> {
        self.mem.tags.copy_in(pa, tags)
    }

    /// Saves the data and the tags of `[pa, pa + len)` (RAM only, granule aligned).
    pub fn snapshot_range(&self, pa: u64, len: u64) -> Result<RangeSnapshot, SnapshotError> {
        if len % 16 != 0 {
            return Err(SnapshotError::Length { len });
        }
        let mut tags = vec![0; (len / 16) as usize];
        self.copy_tags_out(pa, &mut tags)?;
        let mut data = vec![0; len as usize];
        if !self.mem.read_bytes(pa, &mut data) {
            return Err(TagRangeError::OutsideRam { pa, len }.into());
        }
        Ok(RangeSnapshot { pa, data, tags })
    }

    /// Restores a range saved by [`Machine::snapshot_range`], data and tags; nothing
    /// changes when it does not fit this machine's RAM.
    pub fn restore_range(&mut self, s: &RangeSnapshot) -> Result<(), SnapshotError> {
        if s.data.len() != s.tags.len() * 16 {
            return Err(SnapshotError::Mismatch {
                pa: s.pa,
                data: s.data.len(),
                tags: s.tags.len(),
            });
        }
        let len = s.data.len() as u64;
        if self.mem.offset(s.pa, s.data.len()).is_none() {
            return Err(TagRangeError::OutsideRam { pa: s.pa, len }.into());
        }
        self.copy_tags_in(s.pa, &s.tags)?;
        self.mem.write_bytes(s.pa, &s.data);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{map, Console, MachineConfig};

    fn machine() -> Machine {
        Machine::new(&MachineConfig { ram_size: 1 << 20 }, Console::capture().0)
    }

    #[test]
    fn a_range_moves_with_its_tags_into_a_fresh_machine() {
        let mut a = machine();
        let pa = map::RAM_BASE + 0x8000;
        let tags: Vec<u8> = (0..256u32).map(|i| (i * 7 % 16) as u8).collect();
        a.copy_tags_in(pa, &tags).unwrap();
        a.mem.write_bytes(pa, &[0xab; 4096]);
        let s = a.snapshot_range(pa, 4096).unwrap();
        assert_eq!(s.tags, tags);
        let mut b = machine();
        b.restore_range(&s).unwrap();
        assert_eq!(b.snapshot_range(pa, 4096).unwrap(), s);
    }

    #[test]
    fn bad_ranges_are_errors_and_change_nothing() {
        let mut m = machine();
        let end = map::RAM_BASE + (1 << 20);
        assert!(matches!(
            m.snapshot_range(end - 16, 32),
            Err(SnapshotError::Tags(TagRangeError::OutsideRam { .. }))
        ));
        assert_eq!(
            m.snapshot_range(map::RAM_BASE, 17),
            Err(SnapshotError::Length { len: 17 })
        );
        let bad = RangeSnapshot {
            pa: map::RAM_BASE,
            data: vec![1; 32],
            tags: vec![3, 0x10],
        };
        assert!(matches!(
            m.restore_range(&bad),
            Err(SnapshotError::Tags(TagRangeError::BadTag { index: 1, .. }))
        ));
        assert_eq!(m.mem.tags.allocated_pages(), 0);
        let mut out = [0u8; 2];
        m.copy_tags_out(map::RAM_BASE, &mut out).unwrap();
        assert_eq!(out, [0, 0]);
        let short = RangeSnapshot {
            tags: vec![1],
            ..bad
        };
        assert!(matches!(
            m.restore_range(&short),
            Err(SnapshotError::Mismatch { .. })
        ));
    }
}
