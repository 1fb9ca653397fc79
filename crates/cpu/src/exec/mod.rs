//! Execution: [`Exec`] is a [`Visitor`](a64sim_isa::Visitor) over decoded instructions.
//! Each section of the encoding index has its handlers in its own file.
//!
//! A handler returns `Ok(Flow)` when the instruction completed and `Err(Trap)` when it
//! raised a guest exception or must stop the run. Conventions for handler authors:
//! * read operands with `self.pe.st.xr()/xs()`, write with `set_xr()/set_xs()`;
//! * 32-bit forms write the zero-extended result (use [`Exec::set_xr_w`]);
//! * memory goes through [`Exec::read`]/[`Exec::write`] (alignment, MMIO, self-modifying
//!   code) and a handler that stored ends with [`Exec::after_store`];
//! * PC-relative values use `self.pc`, the address of the instruction being executed.

mod branch_sys;
mod dp_imm;
mod dp_reg;
mod fp_simd;
mod ldst;
mod tag_check;
mod tag_memory;

use crate::error::CpuError;
use crate::exception::sctlr_index;
use crate::exception::{Exception, VectorKind};
use crate::memory::{PhysMem, Platform};
use crate::run::{Pe, StopReason};
use crate::tlb::perm;
use crate::trap::{abort_class, sync_to};
use a64sim_arch::esr::fsc;
use a64sim_arch::esr::FP_ACCESS_ISS;
use a64sim_arch::El;
use a64sim_arch::{DataAbortIss, Esr, ExceptionClass};
use a64sim_el2::bits::sctlr;
use a64sim_el2::rules::insn;
use a64sim_el2::{check, Dir, Outcome};
use a64sim_isa::{UnimplClass, VisitorBase, XReg, XRegSp};
use a64sim_mmu::AccessKind;

/// How execution continues after an instruction that completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Fall through to the next instruction of the block.
    Next,
    /// Continue at this address (ends the block).
    Branch(u64),
    /// Continue at the next instruction, but outside this block (context changed, or the
    /// block's own code was written).
    EndBlock,
}

/// Why an instruction did not complete normally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trap {
    /// A guest exception to take.
    Exception(Exception),
    /// The run must stop (semihosting exit, emulator error).
    Stop(StopReason),
}

/// What every handler returns.
pub type ExecResult = Result<Flow, Trap>;

/// The executing visitor: one PE, its memory and platform, and the current PC.
#[derive(Debug)]
pub struct Exec<'a, P: Platform> {
    /// The processing element.
    pub pe: &'a mut Pe,
    /// RAM.
    pub mem: &'a mut PhysMem,
    /// Devices and semihosting.
    pub plat: &'a mut P,
    /// Address of the instruction being executed.
    pub pc: u64,
    /// Address of the first instruction of the block being executed (instructions before
    /// `pc` in it have retired but are not in `Pe::retired` yet).
    pub block_pc: u64,
    /// The current access is unprivileged (LDTR/STTR family): checked as EL0.
    pub unprivileged: bool,
}

/// The instruction-syndrome fields of a data abort (ISS[24:14], valid with ISV = 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsvSyndrome {
    /// log2 of the access size.
    pub sas: u8,
    /// Sign-extending load.
    pub sse: bool,
    /// The register.
    pub srt: u8,
    /// 64-bit register.
    pub sf: bool,
    /// Acquire/release semantics.
    pub ar: bool,
}

impl<P: Platform> Exec<'_, P> {
    /// Writes a 32-bit result: W registers zero-extend into X (Arm ARM C1.2.5).
    #[inline(always)]
    pub fn set_xr_w(&mut self, r: XReg, sf: bool, v: u64) {
        self.pe.st.set_xr(r, if sf { v } else { v & 0xffff_ffff });
    }

    /// A synchronous exception with syndrome `esr`, taken to the default target EL,
    /// returning to this instruction.
    #[cold]
    pub fn sync_exception(&self, esr: Esr, far: Option<u64>, preferred_return: u64) -> Trap {
        Trap::Exception(Exception {
            kind: VectorKind::Sync,
            target: self.pe.sync_target(),
            esr,
            far,
            preferred_return,
            hpfar: None,
        })
    }

    /// UNDEFINED: EC 0x00 (Arm ARM D1.10.4), returning to this instruction.
    #[cold]
    pub fn undefined(&self) -> ExecResult {
        Err(self.sync_exception(Esr::new(ExceptionClass::Unknown, 0), None, self.pc))
    }

    /// Stops the run with an emulator error.
    #[cold]
    pub fn stop(&self, e: CpuError) -> ExecResult {
        Err(Trap::Stop(StopReason::Error(e)))
    }

    /// Stops the run: a64sim decodes this instruction but does not execute it yet.
    #[cold]
    pub fn not_implemented(&self, what: &str) -> ExecResult {
        let word = self.fetch_word_for_diagnostics();
        self.stop(CpuError::Unimplemented {
            pc: self.pc,
            word,
            what: what.to_string(),
        })
    }

    /// The instruction word at `pc` (MMU off: the PC is the physical address).
    fn fetch_word_for_diagnostics(&self) -> u32 {
        self.mem
            .offset(self.pc, 4)
            .map(|o| self.mem.read_u32_at(o))
            .unwrap_or(0)
    }

    /// A data abort (ISV = 0) for an access by the current instruction.
    #[cold]
    pub(crate) fn data_abort(&self, va: u64, dfsc: u8, write: bool) -> Trap {
        let (from, target) = (self.pe.st.pstate.el, self.pe.sync_target());
        let esr = Esr::new(
            abort_class(from, target, true),
            DataAbortIss::simple(dfsc, write).encode(),
        );
        Trap::Exception(sync_to(target, esr, Some(va), self.pc))
    }

    /// The base address of a load/store from register `rn`. When it is the stack pointer
    /// and SP alignment checking is on (SCTLR_ELx.SA, or SA0 at EL0), a base that is not
    /// 16-byte aligned is an SP alignment fault (EC 0x26). QEMU omits this check
    /// (tests/difftest/known-qemu-differences.md).
    #[inline(always)]
    pub fn base(&self, rn: XRegSp) -> Result<u64, Trap> {
        let v = self.pe.st.xs(rn);
        if rn.is_sp() && v & 0xf != 0 && self.sp_alignment_checked() {
            return Err(self.sp_alignment_fault());
        }
        Ok(v)
    }

    #[cold]
    fn sp_alignment_checked(&self) -> bool {
        let el = self.pe.st.pstate.el;
        if el == El::El0 {
            self.pe.trap_ctx().sctlr_el0_controls() & sctlr::SA0 != 0
        } else {
            self.pe.sys.get(sctlr_index(el)) & sctlr::SA != 0
        }
    }

    #[cold]
    fn sp_alignment_fault(&self) -> Trap {
        let esr = Esr::new(ExceptionClass::SpAlignment, 0);
        Trap::Exception(sync_to(self.pe.sync_target(), esr, None, self.pc))
    }

    /// The MMU-off data path: VA = PA and all data memory is Device-nGnRnE, so an unaligned
    /// access is an alignment fault (ARCH.md §3.2; QEMU 10 agrees, QEMU.md).
    #[inline(always)]
    fn check_device_alignment(&self, va: u64, size: usize, write: bool) -> Result<(), Trap> {
        if va & (size as u64 - 1) != 0 {
            return Err(self.data_abort(va, fsc::ALIGNMENT, write));
        }
        Ok(())
    }

    /// Whether an LDTR/STTR at the current EL is checked as EL0: at EL1, and at EL2 in the
    /// host (AArch64.UnprivilegedAccess).
    #[cold]
    pub(crate) fn unprivileged_applies(&self) -> bool {
        match self.pe.st.pstate.el {
            El::El1 => true,
            El::El2 => self.pe.trap_ctx().is_in_host(),
            _ => false,
        }
    }

    /// Whether a soft-TLB entry lets this access take the fast path: the right permission,
    /// RAM, not Device, within the page, and not an alignment fault under SCTLR_ELx.A.
    /// Returns the RAM offset and the entry's `perm` bits.
    #[inline(always)]
    pub(crate) fn fast_entry(&self, va: u64, size: usize, want: u8) -> Option<(usize, u8)> {
        let e = self
            .pe
            .tlb
            .lookup(self.pe.xlat.ctx, self.pe.xlat.data_key(va))?;
        let off = (va & 0xfff) as usize;
        let ok = e.perm & (want | perm::RAM | perm::DEVICE) == want | perm::RAM
            && off + size <= 0x1000
            && !(self.pe.xlat.align_check && va & (size as u64 - 1) != 0)
            && !self.unprivileged;
        ok.then_some((e.base as usize + off, e.perm))
    }

    /// Remembers the data access being made, for a cycle model (the last one of an
    /// instruction wins; two stores, cheaper than asking whether a model listens).
    #[inline(always)]
    pub(crate) fn note_access(&mut self, va: u64, pa: u64) {
        self.pe.data_access = a64sim_timing::MemAccess { va, pa };
    }

    /// Instructions of the current block before this one: retired, but not yet counted in
    /// `Pe::retired` (the run loop counts per block).
    #[inline]
    pub fn retired_in_block(&self) -> u64 {
        self.pc.wrapping_sub(self.block_pc) / 4
    }

    /// Loads `size` (1, 2, 4 or 8) bytes, zero-extended.
    #[inline(always)]
    pub fn read(&mut self, va: u64, size: usize) -> Result<u64, Trap> {
        if self.pe.xlat.active {
            if let Some((off, p)) = self.fast_entry(va, size, perm::READ) {
                self.note_access(va, self.mem.base() + off as u64);
                if p & perm::CHECKED != 0 {
                    self.check_tags(va, off, size, true)?;
                }
                return Ok(self.mem.read_at(off, size));
            }
            return self.read_translated(va, size);
        }
        self.check_device_alignment(va, size, false)?;
        self.note_access(va, va);
        match self.mem.offset(va, size) {
            Some(off) => Ok(self.mem.read_at(off, size)),
            None => self.read_slow(va, va, size),
        }
    }

    /// Stores the low `size` (1, 2, 4 or 8) bytes of `v`.
    #[inline(always)]
    pub fn write(&mut self, va: u64, size: usize, v: u64) -> Result<(), Trap> {
        if self.pe.xlat.active {
            if let Some((off, p)) = self.fast_entry(va, size, perm::WRITE) {
                self.note_access(va, self.mem.base() + off as u64);
                if p & perm::CHECKED != 0 {
                    self.check_tags(va, off, size, false)?;
                }
                self.mem.write_at(off, size, v);
                return Ok(());
            }
            return self.write_translated(va, size, v);
        }
        self.check_device_alignment(va, size, true)?;
        self.note_access(va, va);
        match self.mem.offset(va, size) {
            Some(off) => {
                self.mem.write_at(off, size, v);
                Ok(())
            }
            None => self.write_slow(va, va, size, v),
        }
    }

    /// Translates the page of `va` for `kind` (soft TLB, else a walk), checking alignment:
    /// SCTLR_ELx.A on any memory before translation, Device memory after it. Returns the
    /// physical address and the soft-TLB `perm` bits of the page.
    #[cold]
    #[inline(never)]
    pub(crate) fn translate_data(
        &mut self,
        va: u64,
        size: usize,
        kind: AccessKind,
    ) -> Result<(u64, u8), Trap> {
        let write = kind == AccessKind::Write;
        let misaligned = va & (size as u64 - 1) != 0;
        if self.pe.xlat.align_check && misaligned {
            return Err(self.data_abort(va, fsc::ALIGNMENT, write));
        }
        let e = match self.pe.page_for(self.mem, va, kind, self.unprivileged) {
            Ok(e) => e,
            Err(f) => return Err(self.data_translation_abort(va, &f)),
        };
        if e.perm & perm::DEVICE != 0 && misaligned {
            return Err(self.data_abort(va, fsc::ALIGNMENT, write));
        }
        let pa = e.phys(self.mem.base(), va);
        self.note_access(va, pa);
        Ok((pa, e.perm))
    }

    /// The abort for a translation fault of this instruction's data access. A stage-2
    /// fault (not on a stage-1 walk) of a single-register load or store also reports the
    /// instruction syndrome, taken from the instruction itself on this slow path.
    #[cold]
    fn data_translation_abort(&mut self, va: u64, f: &a64sim_mmu::Fault) -> Trap {
        let mut e = self.pe.translation_abort(va, f, false, self.pc);
        if f.stage == a64sim_mmu::Stage::Two && !f.s1ptw {
            if let Some(s) = self.current_insn().as_ref().and_then(ldst::isv_syndrome) {
                let iss = DataAbortIss {
                    isv: true,
                    sas: s.sas,
                    sse: s.sse,
                    srt: s.srt,
                    sf: s.sf,
                    ar: s.ar,
                    ..f.data_abort_iss()
                };
                e.esr = Esr((e.esr.0 & !0x1ff_ffff) | iss.encode() as u64);
            }
        }
        Trap::Exception(e)
    }

    /// The instruction being executed, decoded again from memory (slow paths only).
    #[cold]
    fn current_insn(&mut self) -> Option<a64sim_isa::Insn> {
        let pa = if self.pe.xlat.active {
            let e = self
                .pe
                .page_for(self.mem, self.pc, AccessKind::Fetch, false)
                .ok()?;
            e.phys(self.mem.base(), self.pc)
        } else {
            self.pc
        };
        let off = self.mem.offset(pa, 4)?;
        Some(a64sim_isa::decode(self.mem.read_u32_at(off)))
    }

    /// A translated load that missed the fast path. An access crossing a page is split
    /// into bytes, each translated (and faulting) on its own page.
    #[cold]
    #[inline(never)]
    fn read_translated(&mut self, va: u64, size: usize) -> Result<u64, Trap> {
        if (va & 0xfff) as usize + size > 0x1000 {
            if self.pe.xlat.align_check {
                return Err(self.data_abort(va, fsc::ALIGNMENT, false));
            }
            let mut v = 0u64;
            for k in 0..size {
                v |= self.read_translated(va.wrapping_add(k as u64), 1)? << (8 * k);
            }
            return Ok(v);
        }
        let (pa, p) = self.translate_data(va, size, AccessKind::Read)?;
        match self.mem.offset(pa, size) {
            Some(off) => {
                if p & perm::CHECKED != 0 {
                    self.check_tags(va, off, size, true)?;
                }
                Ok(self.mem.read_at(off, size))
            }
            None => self.read_slow(va, pa, size),
        }
    }

    /// A translated store that missed the fast path (see [`Self::read_translated`]).
    #[cold]
    #[inline(never)]
    fn write_translated(&mut self, va: u64, size: usize, v: u64) -> Result<(), Trap> {
        if (va & 0xfff) as usize + size > 0x1000 {
            if self.pe.xlat.align_check {
                return Err(self.data_abort(va, fsc::ALIGNMENT, true));
            }
            // Translate every byte first: a fault on either page leaves memory unchanged.
            for k in 0..size {
                self.translate_data(va.wrapping_add(k as u64), 1, AccessKind::Write)?;
            }
            for k in 0..size {
                self.write_translated(va.wrapping_add(k as u64), 1, v >> (8 * k))?;
            }
            return Ok(());
        }
        let (pa, p) = self.translate_data(va, size, AccessKind::Write)?;
        match self.mem.offset(pa, size) {
            Some(off) => {
                if p & perm::CHECKED != 0 {
                    self.check_tags(va, off, size, false)?;
                }
                self.mem.write_at(off, size, v);
                Ok(())
            }
            None => self.write_slow(va, pa, size, v),
        }
    }

    #[cold]
    #[inline(never)]
    fn read_slow(&mut self, va: u64, pa: u64, size: usize) -> Result<u64, Trap> {
        match self.plat.mmio_read(pa, size) {
            Some(v) => Ok(v),
            None => Err(Trap::Exception(
                self.pe.external_abort(va, false, false, self.pc),
            )),
        }
    }

    #[cold]
    #[inline(never)]
    fn write_slow(&mut self, va: u64, pa: u64, size: usize, v: u64) -> Result<(), Trap> {
        if self.plat.mmio_write(pa, size, v) {
            Ok(())
        } else {
            Err(Trap::Exception(
                self.pe.external_abort(va, true, false, self.pc),
            ))
        }
    }

    /// Physical address of a data access for the exclusive monitor: the VA with the MMU
    /// off, else the translation the access just used (a fault leaves the VA, unused).
    #[inline(always)]
    pub fn monitor_address(&mut self, va: u64) -> u64 {
        if !self.pe.xlat.active {
            return va;
        }
        self.translate_data(va, 1, AccessKind::Read)
            .map_or(va, |(pa, _)| pa)
    }

    /// How a handler that stored to memory finishes: if the store hit a page holding
    /// decoded code, the block ends so that the new code is decoded before it runs.
    #[inline(always)]
    pub fn after_store(&self) -> ExecResult {
        if self.mem.has_dirty_code() {
            Ok(Flow::EndBlock)
        } else {
            Ok(Flow::Next)
        }
    }
}

impl<P: Platform> VisitorBase for Exec<'_, P> {
    type Output = ExecResult;

    #[cold]
    fn unallocated(&mut self) -> ExecResult {
        self.undefined()
    }

    #[cold]
    fn unimplemented(&mut self, class: UnimplClass) -> ExecResult {
        match class {
            // FP/SIMD is implemented as far as the ID registers say, so its access traps
            // (CPACR_EL1.FPEN, CPTR_EL2, CPTR_EL3) apply before a64sim's own limit shows.
            UnimplClass::FpSimd | UnimplClass::FpSimdLdSt => {
                if let Outcome::Trap {
                    target, via_tge, ..
                } = check(&self.pe.trap_ctx(), insn::FP, Dir::Write)
                {
                    // An EL1-targeted FP trap rerouted by HCR_EL2.TGE is reported as EC 0x00.
                    let esr = if via_tge {
                        Esr::new(ExceptionClass::Unknown, 0)
                    } else {
                        Esr::new(ExceptionClass::FpAccessTrap, FP_ACCESS_ISS)
                    };
                    return Err(Trap::Exception(sync_to(target, esr, None, self.pc)));
                }
            }
            // SVE and SME are not advertised (ID_AA64PFR0_EL1.SVE = 0, PFR1.SME = 0):
            // their encodings are UNDEFINED.
            UnimplClass::Sve | UnimplClass::Sme => return self.undefined(),
        }
        let word = self.fetch_word_for_diagnostics();
        self.stop(CpuError::unimplemented_class(self.pc, word, class))
    }
}

/// AddWithCarry() (Arm ARM J1): result and NZCV of `x + y + carry` at `sf` width.
#[inline(always)]
pub fn add_with_carry(x: u64, y: u64, carry: bool, sf: bool) -> (u64, u8) {
    if sf {
        let (r1, c1) = x.overflowing_add(y);
        let (r, c2) = r1.overflowing_add(carry as u64);
        let c = c1 || c2;
        let v = ((x ^ r) & (y ^ r)) >> 63 != 0;
        let n = r >> 63 != 0;
        (
            r,
            ((n as u8) << 3) | (((r == 0) as u8) << 2) | ((c as u8) << 1) | v as u8,
        )
    } else {
        let (x, y) = (x as u32, y as u32);
        let (r1, c1) = x.overflowing_add(y);
        let (r, c2) = r1.overflowing_add(carry as u32);
        let c = c1 || c2;
        let v = ((x ^ r) & (y ^ r)) >> 31 != 0;
        let n = r >> 31 != 0;
        (
            r as u64,
            ((n as u8) << 3) | (((r == 0) as u8) << 2) | ((c as u8) << 1) | v as u8,
        )
    }
}

/// NZCV of a logical result (C = V = 0).
#[inline(always)]
pub fn logical_flags(r: u64, sf: bool) -> u8 {
    let (n, z) = if sf {
        (r >> 63 != 0, r == 0)
    } else {
        (r >> 31 & 1 != 0, r as u32 == 0)
    };
    ((n as u8) << 3) | ((z as u8) << 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_with_carry_matches_the_arm_examples() {
        // 0x7fffffff + 1 overflows a W register: N=1 V=1.
        assert_eq!(
            add_with_carry(0x7fff_ffff, 1, false, false),
            (0x8000_0000, 0b1001)
        );
        // SUBS via x + !y + 1: 5 - 5 = 0 with C=1 (no borrow), Z=1.
        assert_eq!(add_with_carry(5, !5u64, true, true), (0, 0b0110));
        // 0 - 1: borrow, C=0, N=1.
        assert_eq!(add_with_carry(0, !1u64, true, true), (u64::MAX, 0b1000));
        // u64::MAX + 1: C=1, Z=1, no signed overflow.
        assert_eq!(add_with_carry(u64::MAX, 1, false, true), (0, 0b0110));
        // i64::MIN - 1 overflows: V=1, C=1.
        assert_eq!(add_with_carry(1 << 63, !1u64, true, true).1, 0b0011);
    }
}
