//! The local exclusive monitor (Arm ARM B2.9): LDXR marks an address range, STXR succeeds
//! only while the mark is intact; CLREX, ERET and exception entry clear it.

/// State of the local exclusive monitor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExclusiveMonitor {
    /// Marked physical address and size, when in the Exclusive Access state.
    marked: Option<(u64, u8)>,
}

impl ExclusiveMonitor {
    /// LDXR/LDAXR/LDXP: enters the Exclusive Access state for `[pa, pa + size)`.
    pub fn mark(&mut self, pa: u64, size: u8) {
        self.marked = Some((pa, size));
    }
    /// CLREX, exception entry/return: back to Open Access.
    pub fn clear(&mut self) {
        self.marked = None;
    }
    /// STXR: whether the store may proceed. The monitor is cleared either way
    /// (the architecture clears it on any store-exclusive).
    pub fn check_and_clear(&mut self, pa: u64, size: u8) -> bool {
        let ok = self.marked == Some((pa, size));
        self.marked = None;
        ok
    }
    /// A plain store by this PE to a marked location: whether to clear is IMPLEMENTATION
    /// DEFINED; like QEMU we keep the mark (QEMU compares values, not addresses).
    pub fn is_marked(&self) -> bool {
        self.marked.is_some()
    }
}
