//! Loads and stores (Arm ARM C4.1.88), general-purpose registers: single registers with
//! every addressing mode, literals, pairs, exclusives, load-acquire/store-release, the
//! FEAT_LSE atomics and compare-and-swap, and prefetches.
//!
//! Design. One row of `ldst.decode` is one addressing class; its `size`/`opc` fields choose
//! the access (C4.1.88 tables), so a handler computes the address once and hands the access
//! to [`Exec::access`]. [`Exec::load`]/[`Exec::store`] turn the run-time `size` into the
//! constant sizes of [`Exec::read`]/[`Exec::write`], so each inlined copy of the memory path
//! moves a fixed number of bytes instead of calling `memcpy`. Every access goes through
//! `read`/`write` (translation, natural alignment with the MMU off, MMIO, unmapped).
//!
//! Alignment (Arm ARM B2.5.2, `AArch64.CheckAlignment`): exclusives, atomics, compare and
//! swap and the acquire/release forms always need natural alignment (a64sim implements no
//! FEAT_LSE2), so they check it themselves with [`Exec::check_aligned`] even where an
//! ordinary access could be unaligned. A pair (LDP/STP) is two element-size accesses, so an
//! LDP of W registers at a 4-byte boundary is fine; LDXP/STXP/CASP are one access of twice
//! the element size. The syndrome's WnR follows QEMU 10 (measured): 0 for every access that
//! reads (LDXR, LD<op>, ST<op>, SWP, CAS, CASP), 1 for STLR/STLUR and ordinary stores.
//!
//! CONSTRAINED UNPREDICTABLE and IMPLEMENTATION DEFINED choices, all as QEMU 10 behaves
//! (measured with a bare-metal program at EL3):
//! * a load with writeback and Rt (or Rt2) = Rn, Rn not SP: the written-back address wins
//!   over the loaded value (Arm ARM C6.2 LDR (immediate), Constraint_WBSUPPRESS not chosen);
//! * a store with writeback and Rt = Rn: the value stored is Rn before the writeback;
//! * LDP and LDXP with Rt = Rt2: Rt2's value (the higher address) wins;
//! * STXR with Rs = Rt (or Rn): the store uses the register's old value, the status is
//!   written last;
//! * STXR/STXP whose monitor check fails do not fault on a misaligned address: whether an
//!   abort is detected before or after the local monitor check is IMPLEMENTATION DEFINED
//!   (`AArch64.ExclusiveMonitorsPass`) and QEMU checks the monitor first.

use super::tag_memory::GRANULE;
use super::{Exec, ExecResult, Flow, IsvSyndrome, Trap};

/// The instruction syndrome a stage-2 data abort of `insn` reports (ISV = 1, ARCH.md §2.4),
/// the fields hypervisors use to emulate MMIO: single general-purpose-register loads and
/// stores without writeback, incl. LDTR/STTR and the acquire/release forms (AR = 1). Not
/// pairs, writeback forms, exclusives or atomics. Computed on the fault path only, from the
/// decoded instruction, so loads and stores carry nothing for it.
pub(crate) fn isv_syndrome(insn: &Insn) -> Option<IsvSyndrome> {
    // (size, opc) as the C4.1.88 single-register table: opc 00 store, 01 load, 10 load
    // sign-extended to X, 11 load sign-extended to W.
    let single = |size: u8, opc: u8, rt: XReg| IsvSyndrome {
        sas: size,
        sse: opc >= 2,
        srt: rt.num(),
        sf: opc == 2 || (opc != 3 && size == 3),
        ar: false,
    };
    let ordered = |size: u8, rt: XReg| IsvSyndrome {
        sas: size,
        sse: false,
        srt: rt.num(),
        sf: size == 3,
        ar: true,
    };
    match *insn {
        Insn::LdStRegImm9(i) if i.idx & 1 == 0 => Some(single(i.size, i.opc, i.rt)),
        Insn::LdStRegRegOff(i) => Some(single(i.size, i.opc, i.rt)),
        Insn::LdStRegUImm(i) => Some(single(i.size, i.opc, i.rt)),
        Insn::LdStRcpcUnscaled(i) => Some(single(i.size, i.opc, i.rt)),
        Insn::LdStOrdered(i) => Some(ordered(i.size, i.rt)),
        Insn::Ldapr(i) => Some(ordered(i.size, i.rt)),
        _ => None,
    }
}
/// Whether the data accesses of `insn` are tag-checked as far as the instruction goes
/// (ARCH.md §4.6 item 2): not with the stack pointer as base and no writeback (immediate
/// offsets, pairs, exclusives, atomics, acquire/release), not literal loads, not the tag
/// instructions' own accesses. Asked on the tag-mismatch path only, so
/// checked accesses carry nothing for it.
pub(crate) fn tag_checked(insn: &Insn) -> bool {
    match *insn {
        Insn::LdStRegImm9(i) => i.idx & 1 != 0 || !i.rn.is_sp(),
        Insn::LdStPair(i) => i.idx & 1 != 0 || !i.rn.is_sp(),
        // The register-offset forms are always checked (Arm ARM: tag_checked = memop !=
        // MemOp_PREFETCH), whatever the base.
        Insn::LdStRegRegOff(_) => true,
        Insn::LdStRegUImm(i) => !i.rn.is_sp(),
        Insn::LdStRcpcUnscaled(i) => !i.rn.is_sp(),
        Insn::LdStOrdered(i) => !i.rn.is_sp(),
        Insn::Ldapr(i) => !i.rn.is_sp(),
        Insn::LdStExcl(i) => !i.rn.is_sp(),
        Insn::LdStExclPair(i) => !i.rn.is_sp(),
        Insn::LdAtomic(i) => !i.rn.is_sp(),
        Insn::Swp(i) => !i.rn.is_sp(),
        Insn::Cas(i) => !i.rn.is_sp(),
        Insn::Casp(i) => !i.rn.is_sp(),
        Insn::LdrLit(_)
        | Insn::Stgp(_)
        | Insn::StoreTag(_)
        | Insn::Ldg(_)
        | Insn::Ldgm(_)
        | Insn::Stgm(_)
        | Insn::Stzgm(_) => false,
        // DC ZVA is checked; DC GZVA zeroes unchecked.
        Insn::Sys(i) => i
            .op()
            .is_some_and(|op| op.kind == a64sim_isa::sysop::SysOpKind::Dc && op.name == "ZVA"),
        _ => true,
    }
}

use crate::memory::Platform;
use a64sim_arch::esr::fsc;

/// SCTLR_ELx.nAA (FEAT_LSE2): unaligned load-acquire/store-release allowed.
const NAA: u64 = 1 << 6;
use a64sim_isa::*;

/// SignExtend() of the low `8 << size` bits of `v` to 64 bits.
#[inline(always)]
fn sign_extend(v: u64, size: u8) -> u64 {
    let sh = 64 - (8u32 << size);
    (((v << sh) as i64) >> sh) as u64
}

/// The mask of an access of `1 << size` bytes.
#[inline(always)]
fn size_mask(size: u8) -> u64 {
    u64::MAX >> (64 - (8u32 << size))
}

/// ExtendReg() of a register-offset index (C6.2 LDR (register)): `option` 010 UXTW,
/// 011 LSL (UXTX), 110 SXTW, 111 SXTX (`option<1>` = 0 is unallocated by the table), then
/// shifted left by `shift`.
#[inline(always)]
fn extend_index(m: u64, option: u8, shift: u8) -> u64 {
    let m = match option {
        2 => m as u32 as u64,
        6 => m as u32 as i32 as i64 as u64,
        _ => m,
    };
    m << shift
}

/// The result of an LSE atomic memory operation (C6.2 LDADD .. LDUMIN, `MemAtomicOp`) on
/// the `1 << size`-byte memory value `old` (zero-extended) with register operand `s`.
#[inline(always)]
fn atomic_op(opc: u8, size: u8, old: u64, s: u64) -> u64 {
    let s_u = s & size_mask(size);
    let (old_s, s_s) = (sign_extend(old, size) as i64, sign_extend(s, size) as i64);
    match opc {
        0 => old.wrapping_add(s),
        1 => old & !s,
        2 => old ^ s,
        3 => old | s,
        4 => (old_s.max(s_s)) as u64,
        5 => (old_s.min(s_s)) as u64,
        6 => old.max(s_u),
        _ => old.min(s_u),
    }
}

impl<P: Platform> Exec<'_, P> {
    /// Loads `1 << size` bytes, zero-extended.
    #[inline(always)]
    fn load(&mut self, va: u64, size: u8) -> Result<u64, Trap> {
        match size {
            0 => self.read(va, 1),
            1 => self.read(va, 2),
            2 => self.read(va, 4),
            _ => self.read(va, 8),
        }
    }

    /// Stores the low `1 << size` bytes of `v`.
    #[inline(always)]
    fn store(&mut self, va: u64, size: u8, v: u64) -> Result<(), Trap> {
        match size {
            0 => self.write(va, 1, v),
            1 => self.write(va, 2, v),
            2 => self.write(va, 4, v),
            _ => self.write(va, 8, v),
        }
    }

    /// One single-register access at `va` as the C4.1.88 (size, opc) table says: opc 00
    /// store, 01 load zero-extended, 10 load sign-extended to 64 bits, 11 load
    /// sign-extended to 32 bits (then zero-extended into X, as every W write).
    #[inline(always)]
    fn access(&mut self, size: u8, opc: u8, rt: XReg, va: u64) -> Result<(), Trap> {
        if opc == 0 {
            return self.store(va, size, self.pe.st.xr(rt));
        }
        let v = self.load(va, size)?;
        let v = match opc {
            1 => v,
            2 => sign_extend(v, size),
            _ => sign_extend(v, size) & 0xffff_ffff,
        };
        self.pe.st.set_xr(rt, v);
        Ok(())
    }

    /// STP through the soft TLB when both elements of `esize` bytes lie in one cached RAM
    /// page: one lookup, the tag check of the whole pair, then both writes. `Ok(false)`
    /// sends the pair to the general path.
    #[inline(always)]
    fn store_pair_fast(&mut self, va: u64, esize: usize, v1: u64, v2: u64) -> Result<bool, Trap> {
        if !self.pe.xlat.active || (va & 0xfff) as usize + 2 * esize > 0x1000 {
            return Ok(false);
        }
        let Some((off, p)) = self.fast_entry(va, esize, crate::tlb::perm::WRITE) else {
            return Ok(false);
        };
        self.note_access(va, self.mem.base() + off as u64);
        if p & crate::tlb::perm::CHECKED != 0 {
            self.check_tags(va, off, 2 * esize, false)?;
        }
        self.mem.write_at(off, esize, v1);
        self.mem.write_at(off + esize, esize, v2);
        Ok(true)
    }

    /// Whether a store-exclusive of `bytes` at `va` (physical `pa`) passes the monitor (see
    /// `ExclusiveMonitor`): the marked address, and memory still holding the loaded value
    /// when read at the store's size. Clears the monitor.
    fn exclusive_pass(&mut self, va: u64, pa: u64, bytes: u8) -> Result<bool, Trap> {
        let Some((lo, hi)) = self.pe.monitor.take(pa) else {
            return Ok(false);
        };
        // The address matched: the store is attempted, so its alignment is checked before
        // the value comparison (QEMU's order).
        self.check_aligned(va, bytes as u64, true)?;
        let Some(off) = self.mem.offset(pa, bytes as usize) else {
            return Ok(false);
        };
        Ok(if bytes == 16 {
            self.mem.read_at(off, 8) == lo && self.mem.read_at(off + 8, 8) == hi
        } else {
            // The loaded value is compared at the store's size (QEMU's cmpxchg truncates).
            let mask = u64::MAX >> (64 - 8 * bytes as u32);
            self.mem.read_at(off, bytes as usize) == lo & mask
        })
    }

    /// The alignment check of the accesses that always need natural alignment (exclusives,
    /// atomics, acquire/release): an Alignment fault, Data Abort DFSC 0x21, FAR = `va`.
    /// FEAT_LSE2 (ID_AA64MMFR2_EL1.AT = 1): a load-acquire/store-release (`ordered`) or an
    /// LSE atomic need not be aligned when it lies within one 16-byte aligned block; an
    /// ordered access outside one faults only with SCTLR_ELx.nAA = 0. Exclusives keep the
    /// full alignment check.
    #[inline(always)]
    fn check_lse2_aligned(
        &self,
        va: u64,
        bytes: u64,
        write: bool,
        ordered: bool,
    ) -> Result<(), Trap> {
        if va & (bytes - 1) == 0 || (va & 15) + bytes <= 16 {
            return Ok(());
        }
        if ordered
            && self
                .pe
                .sys
                .get(crate::exception::sctlr_index(self.pe.st.pstate.el))
                & NAA
                != 0
        {
            return Ok(());
        }
        Err(self.data_abort(va, fsc::ALIGNMENT, write))
    }

    #[inline(always)]
    fn check_aligned(&self, va: u64, bytes: u64, write: bool) -> Result<(), Trap> {
        if va & (bytes - 1) != 0 {
            return Err(self.data_abort(va, fsc::ALIGNMENT, write));
        }
        Ok(())
    }
}

impl<P: Platform> LdstVisitor for Exec<'_, P> {
    // --- Memory tagging (C6.2 LDG, STG, STZG, ST2G, STZ2G, STGP, LDGM, STGM, STZGM;
    // ARCH.md §4.5). The tag instructions' own data accesses are never tag-checked
    // (`tag_checked`); their tag accesses go through `tag_memory`.

    fn stzgm(&mut self, i: Stzgm) -> ExecResult {
        // STZGM (FEAT_MTE2, EL1 and up): zero the DC ZVA block holding Xn and set the tag of
        // each of its granules to Xt[3:0].
        if !self.tag_block_insn_allowed() {
            return self.undefined();
        }
        let bytes = self.zero_block_bytes();
        let a = self.base(i.rn)? & !(bytes - 1);
        let tag = self.pe.st.xr(i.rt) as u8 & 0xf;
        for g in (0..bytes).step_by(GRANULE as usize) {
            self.zero_granule(a.wrapping_add(g))?;
            self.store_allocation_tag(a.wrapping_add(g), tag)?;
        }
        self.after_store()
    }

    fn ldg(&mut self, i: Ldg) -> ExecResult {
        // LDG: Xt[59:56] = the allocation tag of the granule at Xn + imm9 * 16.
        if self.pe.mte_level() == 0 {
            return self.undefined();
        }
        let va = self.base(i.rn)?.wrapping_add((i.imm9 as i64 as u64) << 4) & !(GRANULE - 1);
        let tag = self.load_allocation_tag(va)?;
        let xt = self.pe.st.xr(i.rt);
        self.pe.st.set_xr(i.rt, a64sim_tags::with_tag(xt, tag));
        Ok(Flow::Next)
    }

    fn stgm(&mut self, i: Stgm) -> ExecResult {
        // STGM (FEAT_MTE2, EL1 and up): granule g of the GMID_EL1.BS block takes tag
        // Xt[4k+3:4k], k = bits [7:4] of its address.
        if !self.tag_block_insn_allowed() {
            return self.undefined();
        }
        let bytes = self.tag_block_bytes();
        let a = self.base(i.rn)? & !(bytes - 1);
        let xt = self.pe.st.xr(i.rt);
        for g in (0..bytes).step_by(GRANULE as usize) {
            let va = a.wrapping_add(g);
            self.store_allocation_tag(va, (xt >> (4 * (va >> 4 & 15))) as u8 & 0xf)?;
        }
        Ok(Flow::Next)
    }

    fn ldgm(&mut self, i: Ldgm) -> ExecResult {
        // LDGM (FEAT_MTE2, EL1 and up): the inverse of STGM.
        if !self.tag_block_insn_allowed() {
            return self.undefined();
        }
        let bytes = self.tag_block_bytes();
        let a = self.base(i.rn)? & !(bytes - 1);
        let mut r = 0u64;
        for g in (0..bytes).step_by(GRANULE as usize) {
            let va = a.wrapping_add(g);
            r |= (self.load_allocation_tag(va)? as u64) << (4 * (va >> 4 & 15));
        }
        self.pe.st.set_xr(i.rt, r);
        Ok(Flow::Next)
    }

    fn store_tag(&mut self, i: StoreTag) -> ExecResult {
        // STG (opc 00), STZG (01), ST2G (10), STZ2G (11): the granule(s) at the address
        // take the tag of Xt|SP; the Z forms zero their data first. idx: 01 post-index,
        // 10 offset, 11 pre-index. The address must be granule aligned.
        if self.pe.mte_level() == 0 {
            return self.undefined();
        }
        let base = self.base(i.rn)?;
        let addr = base.wrapping_add((i.imm9 as i64 as u64) << 4);
        let va = if i.idx == 1 { base } else { addr };
        self.check_granule_aligned(va)?;
        let tag = a64sim_tags::logical_tag(self.pe.st.xs(i.rt));
        let granules = if i.opc & 2 != 0 { 2 } else { 1 };
        for g in 0..granules {
            let ga = va.wrapping_add(g * GRANULE);
            if i.opc & 1 != 0 {
                self.zero_granule(ga)?;
            }
            self.store_allocation_tag(ga, tag)?;
        }
        if i.idx & 1 != 0 {
            self.pe.st.set_xs(i.rn, addr);
        }
        self.after_store()
    }

    fn stgp(&mut self, i: Stgp) -> ExecResult {
        // STGP: store Xt, Xt2 to the granule at the address (unchecked) and set its tag to
        // the address's own tag. idx as for pairs: 01 post, 10 offset, 11 pre.
        if self.pe.mte_level() == 0 {
            return self.undefined();
        }
        let base = self.base(i.rn)?;
        let addr = base.wrapping_add((i.imm7 as i64 as u64) << 4);
        let va = if i.idx == 1 { base } else { addr };
        self.check_granule_aligned(va)?;
        let (v1, v2) = (self.pe.st.xr(i.rt), self.pe.st.xr(i.rt2));
        self.store_granule(va, v1, v2)?;
        self.store_allocation_tag(va, a64sim_tags::logical_tag(va))?;
        if i.idx & 1 != 0 {
            self.pe.st.set_xs(i.rn, addr);
        }
        self.after_store()
    }

    // --- Exclusives (C6.2 LDXR, STXR, LDXP, STXP and the acquire/release forms; monitor:
    // B2.9, AArch64.SetExclusiveMonitors / AArch64.ExclusiveMonitorsPass).

    fn ld_st_excl(&mut self, i: LdStExcl) -> ExecResult {
        let va = self.base(i.rn)?;
        let bytes = 1u8 << i.size;
        if i.l {
            self.check_aligned(va, bytes as u64, false)?;
            let v = self.load(va, i.size)?;
            let pa = self.monitor_address(va);
            self.pe.monitor.mark(pa, v, 0);
            self.pe.st.set_xr(i.rt, v);
            return Ok(Flow::Next);
        }
        let data = self.pe.st.xr(i.rt);
        let pa = self.monitor_address(va);
        // The monitor is checked (and always cleared) first, as QEMU does: see the module doc.
        let status = if self.exclusive_pass(va, pa, bytes)? {
            self.store(va, i.size, data)?;
            0
        } else {
            1
        };
        self.pe.st.set_xr(i.rs, status);
        self.after_store()
    }

    fn ld_st_excl_pair(&mut self, i: LdStExclPair) -> ExecResult {
        // One single-copy atomic access of 2 x element size, aligned to that size; the first
        // register is at the lower address (little-endian data).
        let va = self.base(i.rn)?;
        let bytes: u8 = if i.sz { 16 } else { 8 };
        if i.l {
            self.check_aligned(va, bytes as u64, false)?;
            let (lo, hi) = if i.sz {
                let lo = self.load(va, 3)?;
                (lo, self.load(va.wrapping_add(8), 3)?)
            } else {
                let v = self.load(va, 3)?;
                (v & 0xffff_ffff, v >> 32)
            };
            let pa = self.monitor_address(va);
            if i.sz {
                self.pe.monitor.mark(pa, lo, hi);
            } else {
                self.pe.monitor.mark(pa, lo | hi << 32, 0);
            }
            self.pe.st.set_xr(i.rt, lo);
            self.pe.st.set_xr(i.rt2, hi); // Rt = Rt2: Rt2 wins (QEMU)
            return Ok(Flow::Next);
        }
        let (lo, hi) = (self.pe.st.xr(i.rt), self.pe.st.xr(i.rt2));
        let pa = self.monitor_address(va);
        let status = if self.exclusive_pass(va, pa, bytes)? {
            if i.sz {
                self.store(va, 3, lo)?;
                self.store(va.wrapping_add(8), 3, hi)?;
            } else {
                self.store(va, 3, (lo & 0xffff_ffff) | (hi << 32))?;
            }
            0
        } else {
            1
        };
        self.pe.st.set_xr(i.rs, status);
        self.after_store()
    }

    // --- Load-acquire/store-release (C6.2 LDAR, STLR, LDLAR, STLLR, LDAPR, LDAPUR*,
    // STLUR*). One PE observes its own accesses in order, so they are ordinary accesses;
    // only the alignment requirement remains (relaxed by FEAT_LSE2). LDLAR/STLLR: no
    // LORegion is enabled (LORC_EL1.EN resets to 0), so they behave as LDAR/STLR.

    fn ld_st_ordered(&mut self, i: LdStOrdered) -> ExecResult {
        // Rs and Rt2 are "should be one" fields: QEMU makes other values UNDEFINED, an
        // allowed CONSTRAINED UNPREDICTABLE choice a64sim shares.
        if i.rs != 31 || i.rt2 != 31 {
            return self.undefined();
        }
        let va = self.base(i.rn)?;
        self.check_lse2_aligned(va, 1 << i.size, !i.l, true)?;
        if i.l {
            let v = self.load(va, i.size)?;
            self.pe.st.set_xr(i.rt, v);
        } else {
            self.store(va, i.size, self.pe.st.xr(i.rt))?;
        }
        self.after_store()
    }

    fn ldapr(&mut self, i: Ldapr) -> ExecResult {
        let va = self.base(i.rn)?;
        self.check_lse2_aligned(va, 1 << i.size, false, true)?;
        let v = self.load(va, i.size)?;
        self.pe.st.set_xr(i.rt, v);
        Ok(Flow::Next)
    }

    fn ld_st_rcpc_unscaled(&mut self, i: LdStRcpcUnscaled) -> ExecResult {
        // (size, opc) as the single-register classes; the table excludes the reserved pairs.
        let va = self.base(i.rn)?.wrapping_add(i.imm9 as i64 as u64);
        self.check_lse2_aligned(va, 1 << i.size, i.opc == 0, true)?;
        self.access(i.size, i.opc, i.rt, va)?;
        self.after_store()
    }

    // --- FEAT_LSE atomics (C6.2 LDADD .. LDUMIN, SWP, CAS, CASP). A single PE has no
    // other observer, so read-modify-write is atomic. Rt gets the old value (zero-extended:
    // a W result clears the upper half); Rt = ZR (the ST<op> aliases) discards it.

    fn ld_atomic(&mut self, i: LdAtomic) -> ExecResult {
        let va = self.base(i.rn)?;
        self.check_lse2_aligned(va, 1 << i.size, false, false)?;
        let s = self.pe.st.xr(i.rs);
        let old = self.load(va, i.size)?;
        self.store(va, i.size, atomic_op(i.opc, i.size, old, s))?;
        self.pe.st.set_xr(i.rt, old);
        self.after_store()
    }

    fn swp(&mut self, i: Swp) -> ExecResult {
        let va = self.base(i.rn)?;
        self.check_lse2_aligned(va, 1 << i.size, false, false)?;
        let s = self.pe.st.xr(i.rs);
        let old = self.load(va, i.size)?;
        self.store(va, i.size, s)?;
        self.pe.st.set_xr(i.rt, old);
        self.after_store()
    }

    fn cas(&mut self, i: Cas) -> ExecResult {
        // Compares the low `size` bytes of Rs with memory; stores Rt only when equal; Rs
        // gets the old value. A failed compare writes nothing.
        let va = self.base(i.rn)?;
        self.check_lse2_aligned(va, 1 << i.size, false, false)?;
        let expected = self.pe.st.xr(i.rs) & size_mask(i.size);
        let new = self.pe.st.xr(i.rt);
        let old = self.load(va, i.size)?;
        if old == expected {
            self.store(va, i.size, new)?;
        }
        self.pe.st.set_xr(i.rs, old);
        self.after_store()
    }

    fn casp(&mut self, i: Casp) -> ExecResult {
        // <Rs, Rs+1> compared with the pair at [Xn] (Rs at the lower address), <Rt, Rt+1>
        // stored when equal; one access of 2 x element size. The table makes Rs and Rt even;
        // Rs+1 or Rt+1 can be ZR (Rs = 30).
        let va = self.base(i.rn)?;
        let (s0, s1) = (i.rs, XReg::new(i.rs.num() + 1));
        let (t0, t1) = (i.rt, XReg::new(i.rt.num() + 1));
        let st = &self.pe.st;
        let (c0, c1, n0, n1) = (st.xr(s0), st.xr(s1), st.xr(t0), st.xr(t1));
        let (o0, o1) = if i.sz {
            self.check_lse2_aligned(va, 16, false, false)?;
            let o0 = self.load(va, 3)?;
            let o1 = self.load(va.wrapping_add(8), 3)?;
            if (o0, o1) == (c0, c1) {
                self.store(va, 3, n0)?;
                self.store(va.wrapping_add(8), 3, n1)?;
            }
            (o0, o1)
        } else {
            self.check_lse2_aligned(va, 8, false, false)?;
            let old = self.load(va, 3)?;
            if old == (c0 & 0xffff_ffff) | (c1 << 32) {
                self.store(va, 3, (n0 & 0xffff_ffff) | (n1 << 32))?;
            }
            (old & 0xffff_ffff, old >> 32)
        };
        self.pe.st.set_xr(s0, o0);
        self.pe.st.set_xr(s1, o1);
        self.after_store()
    }

    // --- Literal (C6.2 LDR (literal), LDRSW (literal), PRFM (literal)).

    #[inline(always)]
    fn ldr_lit(&mut self, i: LdrLit) -> ExecResult {
        let va = self.pc.wrapping_add((i.imm19 as i64 * 4) as u64);
        let v = match i.opc {
            0 => self.load(va, 2)?,
            1 => self.load(va, 3)?,
            2 => sign_extend(self.load(va, 2)?, 2),
            // opc 11 is PRFM (literal), decoded as `PrfmLit`: no effect.
            _ => return Ok(Flow::Next),
        };
        self.pe.st.set_xr(i.rt, v);
        Ok(Flow::Next)
    }

    // Prefetches (C6.2 PRFM, PRFUM) are hints: no effect, never a fault, whatever the
    // address or the operation (unallocated prfop values included).

    fn prfm_lit(&mut self, _i: PrfmLit) -> ExecResult {
        Ok(Flow::Next)
    }

    fn prfum_imm(&mut self, _i: PrfumImm) -> ExecResult {
        Ok(Flow::Next)
    }

    fn prfm_reg(&mut self, _i: PrfmReg) -> ExecResult {
        Ok(Flow::Next)
    }

    fn prfm_u_imm(&mut self, _i: PrfmUImm) -> ExecResult {
        Ok(Flow::Next)
    }

    // --- Pairs (C6.2 LDP, STP, LDPSW, LDNP, STNP).

    #[inline(always)]
    fn ld_st_pair(&mut self, i: LdStPair) -> ExecResult {
        // opc: 00 W, 01 LDPSW (the table sends opc 01 with L = 0 to STGP), 10 X. idx: 00
        // no-allocate offset, 01 post-index, 10 offset, 11 pre-index. Two element-size
        // accesses, each aligned to its own size.
        let size = if i.opc & 2 != 0 { 3 } else { 2 };
        let base = self.base(i.rn)?;
        let addr = base.wrapping_add((i.imm7 as i64 as u64) << size);
        let va = if i.idx == 1 { base } else { addr };
        let va2 = va.wrapping_add(1 << size);
        if i.l {
            let v1 = self.load(va, size)?;
            let v2 = self.load(va2, size)?;
            let (v1, v2) = if i.opc == 1 {
                (sign_extend(v1, 2), sign_extend(v2, 2))
            } else {
                (v1, v2)
            };
            self.pe.st.set_xr(i.rt, v1);
            self.pe.st.set_xr(i.rt2, v2); // Rt = Rt2: Rt2 wins (QEMU)
        } else {
            let (v1, v2) = (self.pe.st.xr(i.rt), self.pe.st.xr(i.rt2));
            if !self.store_pair_fast(va, 1 << size, v1, v2)? {
                // One instruction: a fault on either element leaves both unwritten.
                self.precheck_store(va, 1 << size)?;
                self.precheck_store(va2, 1 << size)?;
                self.store(va, size, v1)?;
                self.store(va2, size, v2)?;
            }
        }
        if i.idx & 1 != 0 {
            // After the loads: with Rt = Rn the written-back address wins (QEMU).
            self.pe.st.set_xs(i.rn, addr);
        }
        self.after_store()
    }

    // --- Single register: unscaled, pre/post-index, unprivileged, register offset,
    // unsigned offset (C6.2 LDR*/STR*, LDUR*/STUR*, LDTR*/STTR*).

    #[inline(always)]
    fn ld_st_reg_imm9(&mut self, i: LdStRegImm9) -> ExecResult {
        // idx: 00 unscaled, 01 post-index, 10 unprivileged, 11 pre-index. LDTR/STTR are
        // checked with EL0 permissions at EL1, and at EL2 in the host (E2H = TGE = 1);
        // elsewhere they act as the normal forms (AArch64.UnprivilegedAccess).
        let base = self.base(i.rn)?;
        let addr = base.wrapping_add(i.imm9 as i64 as u64);
        let va = if i.idx == 1 { base } else { addr };
        if i.idx & 1 != 0 {
            // Pre/post-index writeback: no instruction syndrome. After the load: with
            // Rt = Rn the written-back address wins (QEMU).
            self.access(i.size, i.opc, i.rt, va)?;
            self.pe.st.set_xs(i.rn, addr);
            return self.after_store();
        }
        if i.idx == 2 && self.unprivileged_applies() {
            self.unprivileged = true;
            let r = self.access(i.size, i.opc, i.rt, va);
            self.unprivileged = false;
            r?;
            return self.after_store();
        }
        self.access(i.size, i.opc, i.rt, va)?;
        self.after_store()
    }

    #[inline(always)]
    fn ld_st_reg_reg_off(&mut self, i: LdStRegRegOff) -> ExecResult {
        let shift = if i.s { i.size } else { 0 };
        let index = extend_index(self.pe.st.xr(i.rm), i.option, shift);
        let va = self.base(i.rn)?.wrapping_add(index);
        self.access(i.size, i.opc, i.rt, va)?;
        self.after_store()
    }

    #[inline(always)]
    fn ld_st_reg_u_imm(&mut self, i: LdStRegUImm) -> ExecResult {
        let va = self.base(i.rn)?.wrapping_add((i.imm12 as u64) << i.size);
        self.access(i.size, i.opc, i.rt, va)?;
        self.after_store()
    }

    fn ldra(&mut self, _i: Ldra) -> ExecResult {
        // LDRAA/LDRAB need FEAT_PAuth; a64sim advertises no pointer authentication
        // (ID_AA64ISAR1_EL1.APA/API/GPA/GPI = 0), and without it the encoding is
        // unallocated: UNDEFINED.
        self.undefined()
    }
}

#[cfg(test)]
mod tests;
