//! Tag checks of data accesses (ARCH.md §4.6, §4.7).
//!
//! A soft-TLB entry carries `perm::CHECKED` when its page is Allocation Tagged and a
//! mismatch there can have an effect in the current context (tag access enabled, TCF not
//! "ignore", TBI applies to the range). The fast path then only compares the pointer's tag
//! with the tag of each 16-byte granule the access touches. Everything else — PSTATE.TCO,
//! TCMA match-all tags, whether the instruction's access is checkable at all, the fault
//! mode — is decided on the mismatch path, which is cold.

use super::{ldst, Exec, Trap};
use crate::memory::Platform;
use crate::sysreg::index_of;
use a64sim_arch::esr::fsc;
use a64sim_arch::El;
use a64sim_isa::sysreg::regs;
use a64sim_tags::{tfsr_bit, MismatchAction};

/// The asynchronous fault status register of accesses at each EL (ARCH.md §4.7).
const TFSR: [usize; 4] = [
    index_of(regs::TFSRE0_EL1),
    index_of(regs::TFSR_EL1),
    index_of(regs::TFSR_EL2),
    index_of(regs::TFSR_EL3),
];

/// The logical (pointer) tag of `va`: bits [59:56].
#[inline(always)]
pub(crate) const fn logical_tag(va: u64) -> u8 {
    (va >> 56) as u8 & 0xf
}

impl<P: Platform> Exec<'_, P> {
    /// Compares the tag of `va` with the allocation tags of the granules that
    /// `[ram_off, ram_off + size)` touches (`size` ≤ 16); a mismatch goes to
    /// [`Self::tag_mismatch`].
    #[inline(always)]
    pub(crate) fn check_tags(
        &mut self,
        va: u64,
        ram_off: usize,
        size: usize,
        read: bool,
    ) -> Result<(), Trap> {
        let want = logical_tag(va);
        let pa = self.mem.base() + ram_off as u64;
        let tags = &self.mem.tags;
        if tags.tag(pa) != want {
            return self.tag_mismatch(va, read);
        }
        if (ram_off & 15) + size > 16 && tags.tag(pa + 16) != want {
            // FAR is the first byte of the granule that failed (QEMU agrees).
            return self.tag_mismatch((va | 15).wrapping_add(1), read);
        }
        Ok(())
    }

    /// A pointer tag differs from an allocation tag: decide whether the access is checked
    /// at all (PSTATE.TCO, the instruction) and what the mismatch does (SCTLR_ELx.TCF,
    /// TCF0 for EL0 and for LDTR/STTR as EL0). `read` is false only for pure writes.
    #[cold]
    #[inline(never)]
    pub(crate) fn tag_mismatch(&mut self, va: u64, read: bool) -> Result<(), Trap> {
        if self.pe.st.pstate.tco || !self.pe.tag_checked_address(va) {
            return Ok(());
        }
        if !self.current_insn().as_ref().is_none_or(ldst::tag_checked) {
            return Ok(());
        }
        let el = if self.unprivileged {
            El::El0
        } else {
            self.pe.st.pstate.el
        };
        match self.pe.tag_check_mode(el).on_mismatch(read) {
            MismatchAction::None => Ok(()),
            MismatchAction::Record => {
                let r = TFSR[el as usize];
                let v = self.pe.sys.get(r) | tfsr_bit(va, el);
                self.pe.sys.set(r, v);
                Ok(())
            }
            MismatchAction::Fault => Err(self.data_abort(va, fsc::TAG_CHECK, !read)),
        }
    }
}
