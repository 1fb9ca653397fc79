//! The descriptor-access interface the walks are generic over (DESIGN.md: the walk is
//! independent of the CPU and the bus).

use crate::fault::ExternalAbort;

/// Physical memory as seen by the table walker.
///
/// Addresses are physical. Values are the 64-bit descriptor as stored little-endian; the
/// walker byte-swaps when SCTLR_ELx.EE selects big-endian walks.
pub trait DescriptorMemory {
    /// Reads the 8-byte descriptor at `pa` (8-byte aligned).
    fn read_desc(&mut self, pa: u64) -> Result<u64, ExternalAbort>;

    /// Atomically replaces the descriptor at `pa` with `new` if it still holds `old`
    /// (hardware Access flag and dirty state updates, ARCH.md §3.8). Returns `Ok(false)` if
    /// the descriptor changed, in which case the walker retries the whole walk.
    fn write_desc(&mut self, pa: u64, old: u64, new: u64) -> Result<bool, ExternalAbort>;
}
