//! Allocation-tag accesses of the MTE instructions (ARCH.md §4.5): where a tag lives, the
//! tag the IRG instruction generates, and the block sizes of LDGM/STGM/STZGM and DC GVA.
//!
//! The tag instructions translate like data accesses (reads for LDG/LDGM, writes for the
//! stores), so translation faults, PAN and stage 2 apply. Tags are reached only when
//! allocation-tag access is enabled at the current EL and the page is Allocation Tagged
//! RAM (`perm::TAGGED`); otherwise tag reads give 0 and tag writes are dropped.

use super::{Exec, Trap};
use crate::memory::Platform;
use crate::sysreg::index_of;
use crate::tlb::perm;
use a64sim_arch::esr::fsc;
use a64sim_arch::El;
use a64sim_isa::sysreg::regs;
use a64sim_mmu::AccessKind;
use a64sim_tags::{irg_tag, Gcr, Rgsr};

/// Size of a tag granule.
pub(crate) const GRANULE: u64 = 16;
/// GCR_EL1 and RGSR_EL1 in the register table.
const GCR: usize = index_of(regs::GCR_EL1);
const RGSR: usize = index_of(regs::RGSR_EL1);
const GMID: usize = index_of(regs::GMID_EL1);
const DCZID: usize = index_of(regs::DCZID_EL0);

impl<P: Platform> Exec<'_, P> {
    /// The physical address of the tag granule of `va` for a tag read or write, or `None`
    /// when the access has no tag storage behind it (tag access disabled, untagged memory,
    /// translation off). Translation faults are raised as for a data access.
    #[inline(always)]
    pub(crate) fn tag_granule(&mut self, va: u64, write: bool) -> Result<Option<u64>, Trap> {
        if !self.pe.xlat.active {
            // All data memory is Device-nGnRnE with translation off: untagged.
            return Ok(None);
        }
        let want = if write { perm::WRITE } else { perm::READ };
        let (pa, p) = match self
            .pe
            .tlb
            .lookup(self.pe.xlat.ctx, self.pe.xlat.data_key(va))
        {
            Some(e) if e.perm & want != 0 => (e.phys(self.mem.base(), va), e.perm),
            _ => {
                let kind = if write {
                    AccessKind::Write
                } else {
                    AccessKind::Read
                };
                self.translate_data(va, 1, kind)?
            }
        };
        Ok((p & perm::TAGGED != 0 && self.pe.xlat.tag_access).then_some(pa))
    }

    /// The allocation tag of `va`'s granule as a tag read sees it.
    #[inline(always)]
    pub(crate) fn load_allocation_tag(&mut self, va: u64) -> Result<u8, Trap> {
        Ok(match self.tag_granule(va, false)? {
            Some(pa) => self.mem.tags.tag(pa),
            None => 0,
        })
    }

    /// Sets the allocation tag of `va`'s granule (dropped where tags are not reachable).
    #[inline(always)]
    pub(crate) fn store_allocation_tag(&mut self, va: u64, tag: u8) -> Result<(), Trap> {
        if let Some(pa) = self.tag_granule(va, true)? {
            self.mem.tags.set_tag(pa, tag);
        }
        Ok(())
    }

    /// Stores `lo` and `hi` to the 16-byte granule at `va` (aligned), as the data part of a
    /// tag instruction: translated and permission-checked, never tag-checked.
    #[inline(always)]
    pub(crate) fn store_granule(&mut self, va: u64, lo: u64, hi: u64) -> Result<(), Trap> {
        if self.pe.xlat.active {
            if let Some(e) = self
                .pe
                .tlb
                .lookup(self.pe.xlat.ctx, self.pe.xlat.data_key(va))
            {
                let fast = perm::WRITE | perm::RAM;
                if e.perm & (fast | perm::DEVICE) == fast && !self.pe.xlat.align_check {
                    let off = e.base as usize + (va & 0xfff) as usize;
                    self.mem.write_at(off, 8, lo);
                    self.mem.write_at(off + 8, 8, hi);
                    return Ok(());
                }
            }
        }
        // The general path; a tag mismatch there finds the instruction unchecked.
        self.write(va, 8, lo)?;
        self.write(va.wrapping_add(8), 8, hi)
    }

    /// Zeroes the 16-byte granule at `va` (aligned): STZG, STZ2G, STZGM, DC GZVA.
    #[inline(always)]
    pub(crate) fn zero_granule(&mut self, va: u64) -> Result<(), Trap> {
        self.store_granule(va, 0, 0)
    }

    /// The Alignment fault of a tag store whose address is not granule aligned.
    #[inline(always)]
    pub(crate) fn check_granule_aligned(&self, va: u64) -> Result<(), Trap> {
        if va & (GRANULE - 1) != 0 {
            return Err(self.data_abort(va, fsc::ALIGNMENT, true));
        }
        Ok(())
    }

    /// IRG's tag when tag access is enabled, with GCR_EL1.Exclude and `xm_exclude`
    /// excluded. For GCR_EL1.RRND = 1 (an IMPLEMENTATION DEFINED source) a64sim makes QEMU's
    /// choice, so that programs compare: the architected RGSR_EL1 LFSR as for RRND = 0,
    /// with a zero seed first replaced by a non-zero one from a deterministic generator.
    pub(crate) fn random_allocation_tag(&mut self, xm_exclude: u16) -> u8 {
        let mut gcr = Gcr::from_bits(self.pe.sys.get(GCR));
        let mut rgsr = Rgsr::from_bits(self.pe.sys.get(RGSR));
        if gcr.rrnd {
            gcr.rrnd = false;
            while rgsr.seed == 0 {
                // xorshift64: reproducible runs, no host entropy.
                let r = &mut self.pe.tag_rng;
                *r ^= *r << 13;
                *r ^= *r >> 7;
                *r ^= *r << 17;
                rgsr.seed = (*r >> 32) as u16;
            }
        }
        let (tag, rgsr) = irg_tag(rgsr, gcr, xm_exclude, || 0);
        self.pe.sys.set(RGSR, rgsr.to_bits());
        tag
    }

    /// LDGM, STGM and STZGM exist with FEAT_MTE2 only and are UNDEFINED at EL0.
    pub(crate) fn tag_block_insn_allowed(&self) -> bool {
        self.pe.mte_level() >= 2 && self.pe.st.pstate.el != El::El0
    }

    /// Bytes covered by LDGM and STGM: 4 << GMID_EL1.BS.
    pub(crate) fn tag_block_bytes(&self) -> u64 {
        4 << (self.pe.sys.get(GMID) & 0xf)
    }

    /// Bytes covered by STZGM, DC GVA and DC GZVA: the DC ZVA block, 4 << DCZID_EL0.BS.
    pub(crate) fn zero_block_bytes(&self) -> u64 {
        4 << (self.pe.sys.get(DCZID) & 0xf)
    }
}
