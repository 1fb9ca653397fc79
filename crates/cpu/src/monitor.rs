//! The local exclusive monitor (Arm ARM B2.9): LDXR marks an address range, STXR succeeds
//! only while the mark is intact; CLREX, ERET and exception entry clear it.

/// State of the local exclusive monitor.
///
/// Which store-exclusives succeed is partly IMPLEMENTATION DEFINED (B2.9: a store-exclusive
/// of another size than its load-exclusive, a plain store to the marked location in
/// between). a64sim makes QEMU's choices, so that programs compare with the oracle: the
/// monitor remembers the address and the value loaded, and a store-exclusive succeeds when
/// its address is the marked one and memory still holds that value, both taken at the
/// store's size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExclusiveMonitor {
    /// Marked physical address and the value loaded there (low and high 64 bits), when in
    /// the Exclusive Access state.
    marked: Option<(u64, u64, u64)>,
}

impl ExclusiveMonitor {
    /// LDXR/LDAXR/LDXP: enters the Exclusive Access state at `pa`, remembering the value
    /// loaded (`hi` holds the second doubleword of a 128-bit pair, else 0).
    pub fn mark(&mut self, pa: u64, lo: u64, hi: u64) {
        self.marked = Some((pa, lo, hi));
    }
    /// CLREX, exception entry/return: back to Open Access.
    pub fn clear(&mut self) {
        self.marked = None;
    }
    /// STXR: the value remembered for `pa` when the monitor holds that address. The
    /// monitor is cleared either way (the architecture clears it on any store-exclusive).
    pub fn take(&mut self, pa: u64) -> Option<(u64, u64)> {
        let m = self.marked.take()?;
        (m.0 == pa).then_some((m.1, m.2))
    }
    /// Whether the monitor is in the Exclusive Access state.
    pub fn is_marked(&self) -> bool {
        self.marked.is_some()
    }
}
