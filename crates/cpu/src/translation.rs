//! Address translation for the PE: the `a64sim-mmu` walker fed from the system registers,
//! the soft TLB in front of it, and translation faults turned into aborts.
//!
//! [`XlatState`] caches what the current context needs (whether anything translates at all,
//! the stage 1 and stage 2 configurations, the context id that tags TLB entries). It is
//! recomputed at the next block boundary after anything it depends on changed: a write to a
//! context-changing system register, an exception entry or return, an MSR to PAN/UAO.

use crate::exception::{Exception, VectorKind};
use crate::memory::PhysMem;
use crate::run::Pe;
use crate::sysreg::index_of;
use crate::tlb::{perm, ContextTable, TlbEntry};
use crate::trap::abort_class;
use a64sim_arch::{El, Esr};
use a64sim_isa::sysreg::{regs, SysRegId};
use a64sim_mmu::{
    translate, AccessKind, AccessReq, DescriptorMemory, ExternalAbort, Fault, MemType, Regime,
    Stage, Stage1Config, Stage1Regs, Stage2Config, Translation,
};

/// Everything a translation context is defined by: equal keys translate identically.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContextKey {
    regime: Regime,
    el: El,
    pan: bool,
    uao: bool,
    s1: Stage1Regs,
    hcr: Option<u64>,
    vtcr: u64,
    vttbr: u64,
    /// SCR_EL3.ATA: whether tag-checked TLB entries may exist below EL3.
    scr_ata: bool,
}

/// The translation state of the current context.
#[derive(Clone, Debug)]
pub struct XlatState {
    /// Whether accesses translate at all (stage 1 on, or stage 2 on). When not, data
    /// accesses are to Device memory at VA = PA and fetches are Normal (ARCH.md §3.2).
    pub active: bool,
    /// SCTLR_ELx.A of the regime: alignment checking on Normal memory.
    pub align_check: bool,
    /// The context id tagging soft-TLB entries.
    pub ctx: u16,
    /// Allocation-tag access is enabled at the current EL (ARCH.md §4.4): IRG/ADDG/SUBG
    /// generate tags, LDG/STG reach tag storage.
    pub tag_access: bool,
    /// By VA[55]: the mask that removes the top byte of data addresses where TBI applies
    /// (all ones elsewhere). Data accesses look the soft TLB up with the masked address,
    /// so pointers with different tags share one entry.
    pub tbi_mask: [u64; 2],
    /// Something the state depends on changed; recompute before the next access.
    pub dirty: bool,
    /// A TLBI ran: the run loop must also forget virtual-PC-to-block mappings.
    pub flush_jump_cache: bool,
    /// Descriptor reads of a full walk in this context (for a cycle model's TLB misses):
    /// the stage-1 levels, each also translated by stage 2, plus the final stage-2 walk.
    pub walk_reads: u8,
    key: Option<ContextKey>,
    contexts: ContextTable<ContextKey, Derived>,
    /// The context by [EL][PAN | UAO << 1], valid until a register the context depends on
    /// is written: an exception entry or return then switches context without rebuilding
    /// its key.
    by_el: [[Option<ContextFlags>; 4]; 4],
}

/// What the run loop and the executor read of the current context.
#[derive(Clone, Copy, Debug)]
struct ContextFlags {
    ctx: u16,
    walk_reads: u8,
    active: bool,
    align_check: bool,
    tag_access: bool,
    tbi_mask: [u64; 2],
}

impl XlatState {
    /// The soft-TLB key of a data access to `va` (TBI applied).
    #[inline(always)]
    pub fn data_key(&self, va: u64) -> u64 {
        va & self.tbi_mask[(va >> 55 & 1) as usize]
    }

    /// The soft-TLB key of an access of `kind` to `va`: fetches use the whole address.
    #[inline(always)]
    pub fn key_for(&self, va: u64, kind: AccessKind) -> u64 {
        if kind == AccessKind::Fetch {
            va
        } else {
            self.data_key(va)
        }
    }
}

impl XlatState {
    /// A register that translation depends on was written (MSR to a context register).
    pub fn registers_changed(&mut self) {
        self.dirty = true;
        self.by_el = [[None; 4]; 4];
        self.key = None;
    }
}

/// Descriptor reads of a full walk: each stage-1 level's table address goes through a
/// stage-2 walk, and so does the output address.
fn walk_reads(s1: &Stage1Config, s2: Option<&Stage2Config>) -> u8 {
    let l1 = if s1.enabled {
        4 - s1.ranges[0].start_level().min(3)
    } else {
        0
    };
    let l2 = s2.map_or(0, |s| 4 - s.start_level.unwrap_or(0).min(3));
    l1 * (l2 + 1) + l2
}

/// What a context's registers decode to, kept per context id.
#[derive(Clone, Copy, Debug)]
struct Derived {
    tbi_mask: [u64; 2],
    walk_reads: u8,
    s1: Stage1Config,
    s2: Option<Stage2Config>,
    active: bool,
    align_check: bool,
}

impl Default for XlatState {
    fn default() -> Self {
        XlatState {
            active: false,
            align_check: false,
            ctx: 0,
            tag_access: false,
            tbi_mask: [!0; 2],
            dirty: true,
            flush_jump_cache: false,
            walk_reads: 0,
            key: None,
            by_el: [[None; 4]; 4],
            contexts: ContextTable::default(),
        }
    }
}

/// The registers of a stage-1 regime, by regime.
fn regime_regs(regime: Regime) -> [SysRegId; 5] {
    match regime {
        Regime::El10 => [
            regs::SCTLR_EL1,
            regs::TCR_EL1,
            regs::TTBR0_EL1,
            regs::TTBR1_EL1,
            regs::MAIR_EL1,
        ],
        Regime::El2 | Regime::El20 => [
            regs::SCTLR_EL2,
            regs::TCR_EL2,
            regs::TTBR0_EL2,
            regs::TTBR1_EL2,
            regs::MAIR_EL2,
        ],
        Regime::El3 => [
            regs::SCTLR_EL3,
            regs::TCR_EL3,
            regs::TTBR0_EL3,
            regs::TTBR0_EL3,
            regs::MAIR_EL3,
        ],
    }
}

impl Pe {
    #[inline(always)]
    fn reg(&self, id: SysRegId) -> u64 {
        crate::sysreg::SysRegs::lookup(id).map_or(0, |(i, _)| self.sys.get(i))
    }

    /// The translation context of an access at `el` (the current one unless an AT
    /// instruction asks for another).
    pub fn context_key(&self, el: El) -> ContextKey {
        let t = self.trap_ctx();
        let regime = Regime::for_access(el, t.e2h(), t.tge());
        let [sctlr, tcr, ttbr0, ttbr1, mair] = regime_regs(regime).map(|r| self.reg(r));
        let ttbr1 = if regime == Regime::El3 || regime == Regime::El2 {
            0
        } else {
            ttbr1
        };
        ContextKey {
            regime,
            el,
            pan: self.st.pstate.pan,
            uao: self.st.pstate.uao,
            s1: Stage1Regs {
                sctlr,
                tcr,
                ttbr0,
                ttbr1,
                mair,
            },
            hcr: t.el2_enabled().then_some(t.hcr_el2),
            vtcr: self.sys.get(index_of(regs::VTCR_EL2)),
            vttbr: self.sys.get(index_of(regs::VTTBR_EL2)),
            scr_ata: t.scr_el3 & a64sim_el2::bits::scr::ATA != 0,
        }
    }

    /// Recomputes the translation state if anything it depends on changed.
    #[inline(always)]
    pub fn refresh_translation(&mut self) {
        if self.xlat.dirty {
            self.recompute_translation();
        }
    }

    #[cold]
    fn recompute_translation(&mut self) {
        self.xlat.dirty = false;
        let p = &self.st.pstate;
        let slot = (p.el as usize, p.pan as usize | (p.uao as usize) << 1);
        if let Some(f) = self.xlat.by_el[slot.0][slot.1] {
            self.xlat.ctx = f.ctx;
            self.xlat.active = f.active;
            self.xlat.align_check = f.align_check;
            self.xlat.tag_access = f.tag_access;
            self.xlat.tbi_mask = f.tbi_mask;
            self.xlat.walk_reads = f.walk_reads;
            return;
        }
        let key = self.context_key(self.st.pstate.el);
        let (ctx, d, reset) = self.xlat.contexts.id(key, |k| {
            let s1 = Stage1Config::from_regs(k.regime, &k.s1, k.hcr);
            let s2 = Stage2Config::for_regime(k.regime, k.hcr, k.vtcr, k.vttbr);
            Derived {
                tbi_mask: [0, 1].map(|r| {
                    // Single-range regimes apply their one TBI to every address.
                    let r = if s1.regime.two_ranges() { r } else { 0 };
                    if s1.ranges[r].tbi_applies(false) {
                        !(0xff << 56)
                    } else {
                        !0
                    }
                }),
                active: s1.enabled || s2.is_some(),
                align_check: k.s1.sctlr & a64sim_el2::bits::sctlr::A != 0,
                walk_reads: walk_reads(&s1, s2.as_ref()),
                s1,
                s2,
            }
        });
        let (active, align_check) = (d.active, d.align_check);
        let tbi_mask = d.tbi_mask;
        let walk_reads = d.walk_reads;
        if reset {
            // Old ids will be reused: nothing tagged with them may survive.
            self.tlb.flush();
            self.xlat.flush_jump_cache = true;
        }
        let tag_access = self.tag_access_enabled(self.st.pstate.el);
        self.xlat.active = active;
        self.xlat.align_check = align_check;
        self.xlat.ctx = ctx;
        self.xlat.tag_access = tag_access;
        self.xlat.tbi_mask = tbi_mask;
        self.xlat.walk_reads = walk_reads;
        self.xlat.key = Some(key);
        if reset {
            self.xlat.by_el = [[None; 4]; 4];
        }
        self.xlat.by_el[slot.0][slot.1] = Some(ContextFlags {
            ctx,
            walk_reads,
            active,
            align_check,
            tag_access,
            tbi_mask,
        });
    }

    /// AT: translates `va` as an access of `kind` at `el` (through stage 2 too when
    /// `two_stage`; stage-1 walks use stage 2 either way), without touching the soft TLB.
    pub fn address_translate(
        &self,
        mem: &mut PhysMem,
        va: u64,
        el: El,
        kind: AccessKind,
        pan: bool,
        two_stage: bool,
    ) -> Result<Translation, Fault> {
        let key = self.context_key(el);
        let s1 = Stage1Config::from_regs(key.regime, &key.s1, key.hcr);
        let s2 = Stage2Config::for_regime(key.regime, key.hcr, key.vtcr, key.vttbr);
        let req = AccessReq {
            kind,
            el,
            unprivileged: false,
            pan,
            uao: false,
        };
        if two_stage {
            translate(mem, &s1, s2.as_ref(), va, &req)
        } else {
            a64sim_mmu::translate_stage1(mem, &s1, s2.as_ref(), va, &req)
        }
    }

    /// The access request of the current context for `kind`.
    pub fn access_req(&self, kind: AccessKind, unprivileged: bool) -> AccessReq {
        let p = &self.st.pstate;
        AccessReq {
            kind,
            el: p.el,
            unprivileged,
            pan: p.pan,
            uao: p.uao,
        }
    }

    /// The soft-TLB entry for `va` if it allows `kind`, else a walk that fills it: the one
    /// way data accesses, fetches, DC ZVA and semihosting find a page. Unprivileged
    /// accesses always walk (their permissions are not the context's).
    pub fn page_for(
        &mut self,
        mem: &mut PhysMem,
        va: u64,
        kind: AccessKind,
        unprivileged: bool,
    ) -> Result<TlbEntry, Fault> {
        let want = match kind {
            AccessKind::Read => perm::READ,
            AccessKind::Write => perm::WRITE,
            AccessKind::Fetch => perm::FETCH,
        };
        match self.tlb.lookup(self.xlat.ctx, self.xlat.key_for(va, kind)) {
            Some(e) if e.perm & want != 0 && !unprivileged => Ok(*e),
            _ => self.walk_and_fill(mem, va, kind, unprivileged),
        }
    }

    /// Walks for `va` in the current context and caches the page (unless the access is
    /// unprivileged, whose permissions differ from the context's). Returns the entry.
    #[cold]
    pub fn walk_and_fill(
        &mut self,
        mem: &mut PhysMem,
        va: u64,
        kind: AccessKind,
        unprivileged: bool,
    ) -> Result<TlbEntry, Fault> {
        self.xlat.dirty |= self.xlat.key.is_none();
        self.refresh_translation();
        let Some(d) = self.xlat.contexts.get(self.xlat.ctx) else {
            return Err(Fault::stage1(
                a64sim_mmu::FaultKind::Translation,
                0,
                kind == AccessKind::Write,
            ));
        };
        let req = self.access_req(kind, unprivileged);
        let t = translate(mem, &d.s1, d.s2.as_ref(), va, &req)?;
        let tbi = self.xlat.tbi_mask[(va >> 55 & 1) as usize] != !0;
        let mut entry = self.entry_for(mem, &t, va, unprivileged, tbi);
        entry.vpage = self.xlat.key_for(va, kind) >> 12;
        if !unprivileged {
            self.tlb.fill(entry);
        }
        Ok(entry)
    }

    /// Whether a data access to `va` in the current context is tag-checked as far as the
    /// address goes: TBI applies, and the tag is not match-all under TCMA (ARCH.md §4.6).
    pub fn tag_checked_address(&self, va: u64) -> bool {
        self.xlat
            .contexts
            .get(self.xlat.ctx)
            .is_some_and(|d| d.s1.tag_checked_address(va))
    }

    /// The soft-TLB entry for the 4 KiB page of `va` within translation `t`. `tbi` says
    /// whether TBI applies to `va`'s range (tag checks need it; TCMA is decided when a
    /// tag mismatches, since the entry serves every tag).
    fn entry_for(
        &self,
        mem: &PhysMem,
        t: &Translation,
        va: u64,
        unprivileged: bool,
        tbi: bool,
    ) -> TlbEntry {
        let mut bits = 0;
        for (kind, bit) in [
            (AccessKind::Read, perm::READ),
            (AccessKind::Write, perm::WRITE),
            (AccessKind::Fetch, perm::FETCH),
        ] {
            // A page whose dirty state must still be set is not writable from the TLB: the
            // write misses, walks, and the walker updates the descriptor.
            if kind == AccessKind::Write && t.dirty_on_write {
                continue;
            }
            if t.check(va, &self.access_req(kind, unprivileged)).is_ok() {
                bits |= bit;
            }
        }
        if matches!(t.data_attrs.mem, MemType::Device(_)) {
            bits |= perm::DEVICE;
        }
        let pa_page = t.pa_of(va) & !0xfff;
        let base = match mem.offset(pa_page, 0x1000) {
            Some(off) => {
                bits |= perm::RAM;
                off as u64
            }
            None => pa_page,
        };
        // Tag-capable: Allocation Tagged after both stages, in RAM, with tag storage.
        if t.data_attrs.tagged && bits & perm::RAM != 0 && self.mte_level() >= 2 {
            bits |= perm::TAGGED;
            let el = if unprivileged {
                El::El0
            } else {
                self.st.pstate.el
            };
            if tbi && self.tag_checks_can_fault(el) {
                bits |= perm::CHECKED;
            }
        }
        TlbEntry {
            vpage: va >> 12,
            ctx: self.xlat.ctx,
            gen: 0,
            perm: bits,
            base,
        }
    }

    /// The abort for a translation fault of an access to `va` by the instruction at `pc`:
    /// stage-2 faults go to EL2 with HPFAR_EL2, stage-1 faults to the regime's EL.
    pub fn translation_abort(&self, va: u64, fault: &Fault, fetch: bool, pc: u64) -> Exception {
        let from = self.st.pstate.el;
        let target = if fault.stage == Stage::Two {
            El::El2
        } else {
            self.sync_target()
        };
        let ec = abort_class(from, target, !fetch);
        let iss = if fetch {
            fault.insn_abort_iss()
        } else {
            fault.data_abort_iss().encode()
        };
        Exception {
            kind: VectorKind::Sync,
            target,
            esr: Esr::new(ec, iss),
            far: Some(va),
            preferred_return: pc,
            hpfar: if target == El::El2 {
                fault.hpfar()
            } else {
                None
            },
        }
    }
}

/// Guest memory through the current translation context (what semihosting calls see):
/// each page is translated like a privileged read or write of the caller; a fault makes the
/// copy fail instead of raising an exception.
#[derive(Debug)]
pub struct TranslatedMemory<'a> {
    /// The PE whose context translates.
    pub pe: &'a mut Pe,
    /// RAM.
    pub mem: &'a mut PhysMem,
}

impl TranslatedMemory<'_> {
    /// Physical address of `va` for `kind`, if it translates to RAM.
    fn pa(&mut self, va: u64, kind: AccessKind) -> Option<u64> {
        if !self.pe.xlat.active {
            return Some(va);
        }
        let e = self.pe.page_for(self.mem, va, kind, false).ok()?;
        (e.perm & perm::RAM != 0).then(|| e.phys(self.mem.base(), va))
    }

    /// Splits `[va, va + len)` at page boundaries: (va, offset into the buffer, length).
    fn chunks(va: u64, len: usize) -> impl Iterator<Item = (u64, usize, usize)> {
        let mut done = 0usize;
        std::iter::from_fn(move || {
            (done < len).then(|| {
                let a = va.wrapping_add(done as u64);
                let n = ((0x1000 - (a & 0xfff)) as usize).min(len - done);
                let chunk = (a, done, n);
                done += n;
                chunk
            })
        })
    }
}

impl crate::memory::GuestMemory for TranslatedMemory<'_> {
    fn read_virt(&mut self, va: u64, buf: &mut [u8]) -> bool {
        for (a, off, n) in Self::chunks(va, buf.len()) {
            match self.pa(a, AccessKind::Read) {
                Some(pa) if self.mem.read_bytes(pa, &mut buf[off..off + n]) => {}
                _ => return false,
            }
        }
        true
    }

    fn write_virt(&mut self, va: u64, bytes: &[u8]) -> bool {
        for (a, off, n) in Self::chunks(va, bytes.len()) {
            match self.pa(a, AccessKind::Write) {
                Some(pa) if self.mem.write_bytes(pa, &bytes[off..off + n]) => {}
                _ => return false,
            }
        }
        true
    }
}

impl DescriptorMemory for PhysMem {
    fn read_desc(&mut self, pa: u64) -> Result<u64, ExternalAbort> {
        let mut b = [0u8; 8];
        if self.read_bytes(pa, &mut b) {
            Ok(u64::from_le_bytes(b))
        } else {
            Err(ExternalAbort { pa })
        }
    }

    fn write_desc(&mut self, pa: u64, old: u64, new: u64) -> Result<bool, ExternalAbort> {
        match self.read_desc(pa)? {
            cur if cur == old => {
                self.write_bytes(pa, &new.to_le_bytes());
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

#[cfg(test)]
mod tests;
