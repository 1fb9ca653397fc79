//! The two-stage translation entry points and the [`Translation`] result a soft TLB is
//! filled from (ARCH.md §3.1–§3.12; Arm ARM AArch64.FullTranslate).
//!
//! [`translate`] runs stage 1 (flat when disabled), checks the Access flag, performs the
//! hardware Access flag / dirty-state updates (TCR.HA/HD; retried when the compare-and-swap
//! loses), checks stage-1 permissions for the access, then translates the output IPA through
//! stage 2 when it applies and combines the attributes. Fault priority follows ARCH.md §3.8:
//! walk faults (by level, including S1PTW stage-2 faults) → stage-1 permission → stage-2
//! faults of the output IPA. Alignment is the caller's (it depends on the access size).
//!
//! A [`Translation`] covers a naturally aligned region (`size_log2`, the smaller of the two
//! stages' leaf sizes) and holds the permissions of both stages for all access kinds, so
//! one TLB entry serves reads, writes and fetches from EL0 and the privileged EL;
//! [`Translation::check`] repeats exactly the permission checks of `translate`.
//! A page whose write permission comes from hardware dirty-state management is cached as
//! read-only with `dirty_on_write` set: a write that fails `check` on such an entry must
//! re-walk with `translate` (which updates the descriptor) rather than fault.

use crate::attrs::{combine_s2, MemAttrs};
use crate::descriptor::Descriptor;
use crate::fault::{Fault, FaultKind};
use crate::granule::{low_mask, PA_MAX_BITS};
use crate::memory::DescriptorMemory;
use crate::perms::{AccessKind, AccessReq, S1PermInputs, S1Perms, S2Perms};
use crate::regime::{Regime, Stage1Config};
use crate::stage2::{
    translate_s1_walk_access, translate_stage2, Stage2Config, MAX_UPDATE_ATTEMPTS,
};
use crate::walk::{to_host, walk, Leaf, WalkParams};

/// log2 of the region a flat (stage 1 disabled) translation reports: 1 GB, the largest
/// 4K block, so one TLB entry may cover it.
pub const FLAT_REGION_LOG2: u8 = 30;

/// A successful translation, everything a TLB entry tagged by regime/ASID/VMID needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Translation {
    /// The regime translated in.
    pub regime: Regime,
    /// The input VA.
    pub va: u64,
    /// The output PA of `va`.
    pub pa: u64,
    /// The intermediate PA of `va` when stage 2 was applied.
    pub ipa: Option<u64>,
    /// log2 of the naturally aligned region this result covers (min of both stages).
    pub size_log2: u8,
    /// Stage-1 leaf level (`None` when stage 1 is disabled).
    pub s1_level: Option<u8>,
    /// Stage-2 leaf level (`None` without stage 2).
    pub s2_level: Option<u8>,
    /// Stage-1 permissions for all access kinds.
    pub s1_perms: S1Perms,
    /// Stage-2 permissions (`S2Perms::ALL` without stage 2).
    pub s2_perms: S2Perms,
    /// Attributes of data accesses (combined over both stages).
    pub data_attrs: MemAttrs,
    /// Attributes of instruction fetches (never Tagged).
    pub fetch_attrs: MemAttrs,
    /// ASID of the regime (two-range regimes).
    pub asid: Option<u16>,
    /// VMID (with stage 2).
    pub vmid: Option<u16>,
    /// Global entry (nG = 0, or a single-range regime, or stage 1 off): matches any ASID.
    pub global: bool,
    /// BTI guarded page (GP).
    pub guarded: bool,
    /// The stage-1 leaf has DBM = 1 and hardware dirty state is on: writes are allowed
    /// after a re-walk even though `s1_perms` shows the page read-only.
    pub dirty_on_write: bool,
    /// The stage-1 leaf descriptor's NS bit (bit 5): in a Secure translation regime, the
    /// output address is Non-secure (PAR_EL1.NS for AT). NSTable is not modelled.
    pub ns_descriptor: bool,
    /// TCR_ELx.E0PDx of the VA's range is set: accesses as EL0 take a level-0 Translation
    /// fault before any walk (ARCH.md §3.3), whatever this entry's permissions say.
    pub el0_denied: bool,
}

/// A naturally aligned region of VA space and where it maps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// First VA of the region.
    pub va_base: u64,
    /// First IPA (with stage 2).
    pub ipa_base: Option<u64>,
    /// First PA.
    pub pa_base: u64,
    /// log2 of the size.
    pub size_log2: u8,
}

impl Translation {
    /// The region this result covers (a TLB entry may map all of it).
    pub const fn region(&self) -> Region {
        let m = low_mask(self.size_log2 as u32);
        Region {
            va_base: self.va & !m,
            ipa_base: match self.ipa {
                Some(i) => Some(i & !m),
                None => None,
            },
            pa_base: self.pa & !m,
            size_log2: self.size_log2,
        }
    }

    /// PA of `va`, which must lie in `region()`.
    pub const fn pa_of(&self, va: u64) -> u64 {
        (self.pa & !low_mask(self.size_log2 as u32)) | (va & low_mask(self.size_log2 as u32))
    }

    /// The permission checks of `translate` for `req` at `va` (inside the region): stage 1
    /// first (Permission fault at the stage-1 level), then stage 2 (Permission fault at the
    /// stage-2 level with the IPA).
    pub const fn check(&self, va: u64, req: &AccessReq) -> Result<(), Fault> {
        if self.el0_denied && req.as_el0() {
            return Err(Fault::stage1(FaultKind::Translation, 0, req.is_write()));
        }
        if !self.s1_perms.allows(req, self.regime.two_ranges()) {
            let level = match self.s1_level {
                Some(l) => l,
                None => 0,
            };
            return Err(Fault::stage1(FaultKind::Permission, level, req.is_write()));
        }
        if let (Some(level), Some(ipa)) = (self.s2_level, self.ipa) {
            if !self.s2_perms.allows(req.kind, req.el) {
                let m = low_mask(self.size_log2 as u32);
                let ipa = (ipa & !m) | (va & m);
                return Err(Fault::stage2(
                    FaultKind::Permission,
                    level,
                    ipa,
                    req.is_write(),
                ));
            }
        }
        Ok(())
    }
}

/// Translates `va` for `req` through stage 1 of `s1` and, if given, stage 2 (`s2` is
/// `Stage2Config::for_regime(..)`: only for EL1&0 with VM or DC). Performs hardware AF and
/// dirty updates through `mem`.
#[inline(always)]
pub fn translate<M: DescriptorMemory>(
    mem: &mut M,
    s1: &Stage1Config,
    s2: Option<&Stage2Config>,
    va: u64,
    req: &AccessReq,
) -> Result<Translation, Fault> {
    translate_inner(mem, s1, s2, va, req, true)
}

/// Stage 1 only, for AT S1E0*/S1E1*: stage-1 table walks still go through stage 2
/// (S1PTW faults) but the output is the IPA, and `pa` holds it (ARCH.md §3.14).
pub fn translate_stage1<M: DescriptorMemory>(
    mem: &mut M,
    s1: &Stage1Config,
    s2: Option<&Stage2Config>,
    va: u64,
    req: &AccessReq,
) -> Result<Translation, Fault> {
    translate_inner(mem, s1, s2, va, req, false)
}

// Inlined into the TLB-miss path so its result is not copied out of a returned `Result`.
#[inline(always)]
fn translate_inner<M: DescriptorMemory>(
    mem: &mut M,
    s1: &Stage1Config,
    s2: Option<&Stage2Config>,
    va: u64,
    req: &AccessReq,
    final_s2: bool,
) -> Result<Translation, Fault> {
    // Filled in place by stage 1, then stage 2: a TLB miss builds no intermediate copies.
    let mut t = Translation {
        regime: s1.regime,
        va,
        pa: 0,
        ipa: None,
        size_log2: 0,
        s1_level: None,
        s2_level: None,
        s1_perms: S1Perms::ALL,
        s2_perms: S2Perms::ALL,
        data_attrs: MemAttrs::DEVICE_NGNRNE,
        fetch_attrs: MemAttrs::DEVICE_NGNRNE,
        asid: if s1.regime.two_ranges() {
            s1.asid
        } else {
            None
        },
        vmid: None,
        global: true,
        guarded: false,
        dirty_on_write: false,
        ns_descriptor: false,
        el0_denied: false,
    };
    for _ in 0..MAX_UPDATE_ATTEMPTS {
        if stage1(mem, s1, s2, va, req, &mut t)? {
            if let (true, Some(c)) = (final_s2, s2) {
                finish_stage2(mem, c, req, &mut t)?;
            }
            return Ok(t);
        }
    }
    Err(Fault::stage1(
        FaultKind::UnsupportedAtomicUpdate,
        3,
        req.is_write(),
    ))
}

/// Stage 1 into `t` (its output address in `t.pa`): `Ok(false)` when a hardware update
/// lost its race and the walk must restart.
#[inline(always)]
fn stage1<M: DescriptorMemory>(
    mem: &mut M,
    s1: &Stage1Config,
    s2: Option<&Stage2Config>,
    va: u64,
    req: &AccessReq,
    t: &mut Translation,
) -> Result<bool, Fault> {
    let fetch = matches!(req.kind, AccessKind::Fetch);
    let write = req.is_write();
    if !s1.enabled {
        // ARCH.md §3.2: output = VA; VA bits [AddrTop:PAMax] must be zero, else Address
        // size fault level 0.
        let top = s1.addr_top(va, fetch) as u32;
        if va & (low_mask(top + 1) & !low_mask(PA_MAX_BITS as u32)) != 0 {
            return Err(Fault::stage1(FaultKind::AddressSize, 0, write));
        }
        let (data, fetch_attrs) = s1.disabled_attrs();
        t.pa = va & low_mask(PA_MAX_BITS as u32);
        t.size_log2 = FLAT_REGION_LOG2;
        t.data_attrs = data;
        t.fetch_attrs = fetch_attrs;
        return Ok(true);
    }
    let idx = s1.select_range(va, fetch, write)?;
    let range = &s1.ranges[idx];
    // ARCH.md §3.3/§3.4: EPDx and (for EL0 accesses) E0PDx fault at level 0.
    let el0_denied = range.e0pd && s1.regime.two_ranges();
    if range.epd || (el0_denied && req.as_el0()) {
        return Err(Fault::stage1(FaultKind::Translation, 0, write));
    }
    t.el0_denied = el0_denied;
    let params = WalkParams {
        granule: range.granule,
        start_level: range.start_level(),
        ia_bits: range.ia_bits(),
        base: range.base,
        oa_bits: s1.oa_bits,
        stage: crate::fault::Stage::One,
        big_endian: s1.big_endian,
        hierarchical: !range.hpd,
        write,
    };
    let leaf = walk(mem, &params, va, |m, ipa, _| match s2 {
        Some(c) => translate_s1_walk_access(m, c, ipa, false),
        None => Ok(ipa),
    })?;
    let d = leaf.desc;
    // Access flag (a walk fault, before permissions; ARCH.md §3.8).
    if !d.af() && !s1.ha {
        return Err(Fault::stage1(FaultKind::AccessFlag, leaf.level, write));
    }
    let two_range = s1.regime.two_ranges();
    let inputs = S1PermInputs {
        two_range,
        ap1: d.ap1(),
        ap2: d.ap2(),
        pxn: two_range && d.pxn(),
        uxn: d.uxn(),
        // Single-range regimes only use APTable[1] (ARCH.md §3.7).
        ap_table: if two_range {
            leaf.ap_table
        } else {
            leaf.ap_table & 2
        },
        pxn_table: two_range && leaf.pxn_table,
        xn_table: leaf.xn_table,
        wxn: s1.wxn,
        epan: s1.epan,
    };
    let mut perms = S1Perms::compute(&inputs);
    let dbm = s1.hd && d.dbm() && d.ap2();
    // Dirty state: a write to DBM = 1, AP[2] = 1 clears AP[2] instead of faulting
    // (ARCH.md §3.8); permissions are checked as if AP[2] were already clear.
    let dirty = write && dbm && {
        let cleared = S1Perms::compute(&S1PermInputs {
            ap2: false,
            ..inputs
        });
        cleared.allows(req, two_range) && !perms.allows(req, two_range)
    };
    if dirty {
        perms = S1Perms::compute(&S1PermInputs {
            ap2: false,
            ..inputs
        });
    }
    if !perms.allows(req, two_range) {
        return Err(Fault::stage1(FaultKind::Permission, leaf.level, write));
    }
    if (!d.af() || dirty) && !update_descriptor(mem, s1, s2, &leaf, dirty)? {
        return Ok(false);
    }
    let (data, fetch_attrs) = s1.leaf_attrs(d.attr_index(), d.sh());
    t.pa = leaf.output(va);
    t.size_log2 = leaf.shift;
    t.s1_level = Some(leaf.level);
    t.s1_perms = perms;
    t.data_attrs = data;
    t.fetch_attrs = fetch_attrs;
    t.global = !(two_range && d.ng());
    t.guarded = d.gp();
    t.dirty_on_write = dbm && !dirty;
    // ARCH.md §3.7: bit 5 of a stage-1 block/page descriptor is NS (Secure regimes).
    t.ns_descriptor = d.0 >> 5 & 1 != 0;
    Ok(true)
}

/// Hardware update of a stage-1 leaf: set AF, and clear AP[2] when `dirty`. The write goes
/// through stage 2 (a write S1PTW access). `Ok(false)` when the descriptor changed.
fn update_descriptor<M: DescriptorMemory>(
    mem: &mut M,
    s1: &Stage1Config,
    s2: Option<&Stage2Config>,
    leaf: &Leaf,
    dirty: bool,
) -> Result<bool, Fault> {
    let old = leaf.desc.0;
    let mut new = old | Descriptor::AF;
    if dirty {
        new &= !Descriptor::AP2;
    }
    let pa = match s2 {
        Some(c) => translate_s1_walk_access(mem, c, leaf.desc_addr, true)?,
        None => leaf.desc_pa,
    };
    mem.write_desc(pa, to_host(old, s1.big_endian), to_host(new, s1.big_endian))
        .map_err(|_| Fault::stage1(FaultKind::SyncExternal { on_walk: true }, leaf.level, true))
}

/// Stage 2 of the stage-1 output in `t.pa`, combined into `t`.
#[inline(always)]
fn finish_stage2<M: DescriptorMemory>(
    mem: &mut M,
    c: &Stage2Config,
    req: &AccessReq,
    t: &mut Translation,
) -> Result<(), Fault> {
    let ipa = t.pa;
    let leaf = translate_stage2(mem, c, ipa, req.kind, req.el, false)?;
    let data = combine_s2(t.data_attrs, leaf.memattr, leaf.sh, c.fwb);
    let fetch = combine_s2(t.fetch_attrs, leaf.memattr, leaf.sh, c.fwb);
    t.ipa = Some(ipa);
    t.pa = leaf.pa;
    t.s2_level = Some(leaf.level);
    t.s2_perms = leaf.perms;
    t.size_log2 = t.size_log2.min(leaf.shift);
    // HCR_EL2.CD/ID force stage-2 data/instruction accesses Non-cacheable (ARCH.md §3.11).
    t.data_attrs = if c.cd { data.non_cacheable() } else { data };
    t.fetch_attrs = if c.id {
        fetch.non_cacheable()
    } else {
        MemAttrs {
            tagged: false,
            ..fetch
        }
    };
    t.vmid = Some(c.vmid);
    t.dirty_on_write |= leaf.dirty_on_write;
    Ok(())
}
