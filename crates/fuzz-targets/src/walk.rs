//! The `walk` target: arbitrary translation registers, descriptors, VA and access through
//! [`a64sim_mmu::translate`] and [`translate_stage1`].
//!
//! The input is a [`WalkInput`]. The registers go through the same constructors the CPU
//! uses ([`Stage1Config::from_regs`], [`Stage2Config::for_regime`]). Descriptors live in
//! [`TableMemory`]: explicit entries in up to [`TABLES`] tables at fixed addresses (for
//! well-formed page tables) over a 16-word pool mirrored across all other addresses (so
//! that any walk, wherever its table addresses point, reads input-chosen descriptors).
//!
//! Properties:
//! * nothing panics;
//! * a fault is well-formed: level ≤ 3, a stage-2 fault only with stage 2 and always with
//!   its IPA, S1PTW only at stage 2, a WnR that matches the access for walk and permission
//!   faults, a PAR_EL1 encoding with F = 1;
//! * a translation is well-formed: same VA and regime, PA below 2^48, `pa_of(va) == pa`, a
//!   region of 4 KiB to 512 GiB, stage levels present exactly when the stages are, the
//!   PA inside the output of the last leaf descriptor read, and `check` allows the access;
//! * once hardware Access flag and dirty updates have settled, translating again gives the
//!   same result; for every other access kind, EL and PAN/UAO/unprivileged combination,
//!   [`Translation::check`] agrees with a fresh walk; and every other VA of the reported
//!   region translates to `pa_of` of it with the same permissions and attributes (what
//!   the soft TLB relies on).

use crate::bytes::encode_fields;
use a64sim_arch::El;
use a64sim_mmu::fault::Stage;
use a64sim_mmu::par;
use a64sim_mmu::{
    translate, translate_stage1, AccessKind, AccessReq, DescriptorMemory, ExternalAbort, Fault,
    FaultKind, Regime, Stage1Config, Stage1Regs, Stage2Config, Translation,
};
use arbitrary::{Arbitrary, Unstructured};

/// Address of table 0; table `i` is at `TABLE_BASE + i * TABLE_STRIDE`.
pub const TABLE_BASE: u64 = 0x8000_0000;
/// Distance between tables: one 64 KiB-granule table.
pub const TABLE_STRIDE: u64 = 0x1_0000;
/// Number of tables explicit entries can be in.
pub const TABLES: u64 = 8;
/// Words in the mirrored pool.
pub const POOL: usize = 16;
/// Explicit entries in a [`WalkInput`].
pub const MAX_ENTRIES: usize = 24;

/// One explicit descriptor: `value` at index `index` of table `table`.
#[derive(Arbitrary, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// Table number (modulo [`TABLES`]).
    pub table: u8,
    /// Index in the table (modulo 8192, a 64 KiB table's entries).
    pub index: u16,
    /// The descriptor as stored (little-endian order unless the walk is big-endian).
    pub value: u64,
}
encode_fields!(Entry {
    table,
    index,
    value
});

impl Entry {
    /// The physical address of the entry.
    pub fn pa(&self) -> u64 {
        table_address(self.table) + (self.index as u64 % 8192) * 8
    }
}

/// The address of table `n` (modulo [`TABLES`]).
pub fn table_address(n: u8) -> u64 {
    TABLE_BASE + (n as u64 % TABLES) * TABLE_STRIDE
}

/// A `walk` input.
#[derive(Arbitrary, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WalkInput {
    /// Regime (modulo 4): EL1&0, EL2, EL2&0, EL3.
    pub regime: u8,
    /// Bit 0: EL2 enabled (HCR_EL2 applies); bit 1: big-endian stage-2 descriptors.
    pub flags: u8,
    /// SCTLR_ELx of the regime.
    pub sctlr: u64,
    /// TCR_ELx.
    pub tcr: u64,
    /// TTBR0_ELx.
    pub ttbr0: u64,
    /// TTBR1_ELx.
    pub ttbr1: u64,
    /// MAIR_ELx.
    pub mair: u64,
    /// HCR_EL2.
    pub hcr: u64,
    /// VTCR_EL2.
    pub vtcr: u64,
    /// VTTBR_EL2.
    pub vttbr: u64,
    /// The address translated.
    pub va: u64,
    /// Bits 0-1: kind (read, write, fetch; 3 = read); bits 2-3: EL; bit 4: unprivileged;
    /// bit 5: PAN; bit 6: UAO.
    pub access: u8,
    /// How many descriptor compare-and-swaps fail (modulo 8) before they succeed, as if
    /// another agent kept writing the table.
    pub cas_failures: u8,
    /// Bit `i`: reads and writes of pool word `i` abort.
    pub aborts: u16,
    /// The mirrored pool.
    pub pool: [u64; POOL],
    /// Explicit descriptors (later entries at the same address win).
    pub entries: [Entry; MAX_ENTRIES],
}
encode_fields!(WalkInput {
    regime,
    flags,
    sctlr,
    tcr,
    ttbr0,
    ttbr1,
    mair,
    hcr,
    vtcr,
    vttbr,
    va,
    access,
    cas_failures,
    aborts,
    pool,
    entries
});

impl WalkInput {
    /// Decodes an input (zero-padded when short).
    pub fn from_bytes(data: &[u8]) -> WalkInput {
        WalkInput::arbitrary(&mut Unstructured::new(data)).unwrap_or_default()
    }

    /// The regime.
    pub fn regime(&self) -> Regime {
        [Regime::El10, Regime::El2, Regime::El20, Regime::El3][self.regime as usize & 3]
    }

    /// HCR_EL2 when EL2 is enabled.
    pub fn hcr_el2(&self) -> Option<u64> {
        (self.flags & 1 != 0).then_some(self.hcr)
    }

    /// The stage-1 configuration.
    pub fn stage1(&self) -> Stage1Config {
        let regs = Stage1Regs {
            sctlr: self.sctlr,
            tcr: self.tcr,
            ttbr0: self.ttbr0,
            ttbr1: self.ttbr1,
            mair: self.mair,
        };
        Stage1Config::from_regs(self.regime(), &regs, self.hcr_el2())
    }

    /// The stage-2 configuration, when stage 2 applies.
    pub fn stage2(&self) -> Option<Stage2Config> {
        let mut c = Stage2Config::for_regime(self.regime(), self.hcr_el2(), self.vtcr, self.vttbr)?;
        c.big_endian = self.flags & 2 != 0;
        Some(c)
    }

    /// The access request.
    pub fn request(&self) -> AccessReq {
        request(self.access)
    }

    /// The descriptor memory.
    pub fn memory(&self) -> TableMemory {
        let mut entries: Vec<(u64, u64)> = Vec::new();
        for e in &self.entries {
            let pa = e.pa();
            match entries.iter_mut().find(|(a, _)| *a == pa) {
                Some(slot) => slot.1 = e.value,
                None => entries.push((pa, e.value)),
            }
        }
        TableMemory {
            entries,
            pool: self.pool,
            aborts: self.aborts,
            cas_failures: self.cas_failures % 8,
            last_read: None,
            updates: 0,
        }
    }
}

/// The access request of an `access` byte (see [`WalkInput::access`]).
pub fn request(access: u8) -> AccessReq {
    let kind = match access & 3 {
        1 => AccessKind::Write,
        2 => AccessKind::Fetch,
        _ => AccessKind::Read,
    };
    AccessReq {
        kind,
        el: El::from_bits(access >> 2),
        unprivileged: access & 0x10 != 0,
        pan: access & 0x20 != 0,
        uao: access & 0x40 != 0,
    }
}

/// Descriptor memory: explicit entries over a mirrored pool.
#[derive(Clone, Debug)]
pub struct TableMemory {
    /// (PA, descriptor) pairs.
    pub entries: Vec<(u64, u64)>,
    /// What every other doubleword reads: `pool[(pa / 8) % POOL]`.
    pub pool: [u64; POOL],
    /// Pool words whose accesses abort.
    pub aborts: u16,
    /// Compare-and-swaps still to fail.
    pub cas_failures: u8,
    /// The last descriptor read.
    pub last_read: Option<u64>,
    /// Descriptor compare-and-swaps attempted (hardware updates).
    pub updates: usize,
}

impl TableMemory {
    fn slot(&mut self, pa: u64) -> Result<&mut u64, ExternalAbort> {
        if let Some(i) = self.entries.iter().position(|(a, _)| *a == pa) {
            return Ok(&mut self.entries[i].1);
        }
        let i = (pa / 8) as usize % POOL;
        if self.aborts >> i & 1 != 0 {
            return Err(ExternalAbort { pa });
        }
        Ok(&mut self.pool[i])
    }
}

impl DescriptorMemory for TableMemory {
    fn read_desc(&mut self, pa: u64) -> Result<u64, ExternalAbort> {
        let v = *self.slot(pa)?;
        self.last_read = Some(v);
        Ok(v)
    }

    fn write_desc(&mut self, pa: u64, old: u64, new: u64) -> Result<bool, ExternalAbort> {
        self.updates += 1;
        let failing = self.cas_failures > 0;
        let slot = self.slot(pa)?;
        if failing || *slot != old {
            self.cas_failures = self.cas_failures.saturating_sub(1);
            return Ok(false);
        }
        *slot = new;
        Ok(true)
    }
}

/// What a translation was asked to do, for the checks.
struct Ctx<'a> {
    s1: &'a Stage1Config,
    s2: Option<&'a Stage2Config>,
    va: u64,
    req: &'a AccessReq,
    /// Whether stage 2 of the output applies (`translate`, not `translate_stage1`).
    final_s2: bool,
}

/// Low `bits` bits set.
const fn low(bits: u8) -> u64 {
    if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    }
}

/// Bits [47:12] of a descriptor: its output or next-table address (no FEAT_LPA).
const OA_MASK: u64 = 0x0000_ffff_ffff_f000;

fn check_fault(c: &Ctx<'_>, f: &Fault) {
    assert!(f.level <= 3, "{f:?}");
    assert!(f.fsc() < 0x40, "{f:?}");
    match f.stage {
        Stage::One => assert!(f.ipa.is_none() && !f.s1ptw, "{f:?}"),
        Stage::Two => assert!(f.ipa.is_some() && c.s2.is_some(), "{f:?} without stage 2"),
    }
    if f.stage == Stage::Two && !f.s1ptw {
        assert!(c.final_s2, "{f:?} from a stage-1-only translation");
    }
    let walk_or_permission = matches!(
        f.kind,
        FaultKind::Translation
            | FaultKind::AddressSize
            | FaultKind::AccessFlag
            | FaultKind::Permission
    );
    if walk_or_permission && !f.s1ptw {
        assert_eq!(f.write, c.req.is_write(), "WnR of {f:?}");
    }
    assert!(f.hpfar().is_none() || f.stage == Stage::Two, "{f:?}");
    assert_eq!(par::encode_fault(f) & 1, 1);
    let _ = (f.data_abort_iss(), f.insn_abort_iss());
}

/// `last_read` is the last descriptor the translation read, when that is its last walk's
/// leaf (not so for a stage-1-only translation whose hardware update walked stage 2).
fn check_translation(c: &Ctx<'_>, t: &Translation, last_read: Option<u64>) {
    assert_eq!((t.va, t.regime), (c.va, c.s1.regime));
    assert_eq!(t.pa >> 48, 0, "{t:?}");
    assert!((12..=39).contains(&t.size_log2), "{t:?}");
    assert_eq!(t.pa_of(c.va), t.pa, "{t:?}");
    assert_eq!(t.s1_level.is_some(), c.s1.enabled, "{t:?}");
    let s2 = c.s2.filter(|_| c.final_s2);
    assert_eq!(t.s2_level.is_some(), s2.is_some(), "{t:?}");
    assert_eq!(t.ipa.is_some(), s2.is_some(), "{t:?}");
    assert!(
        t.s1_level.unwrap_or(0) <= 3 && t.s2_level.unwrap_or(0) <= 3,
        "{t:?}"
    );
    assert_eq!(t.vmid, s2.map(|c| c.vmid), "{t:?}");
    let asid = if c.s1.regime.two_ranges() {
        c.s1.asid
    } else {
        None
    };
    assert_eq!(t.asid, asid, "{t:?}");
    // The PA lies in the output of the leaf the last walk read.
    let fetch = c.req.kind == AccessKind::Fetch;
    let leaf = match (s2, t.s2_level, t.s1_level) {
        (Some(c2), Some(l), _) => Some((c2.granule, l, c2.big_endian, t.ipa.unwrap_or(0))),
        (None, _, Some(l)) => {
            let range = c.s1.select_range(c.va, fetch, c.req.is_write());
            let idx = range.expect("a translation from an out-of-range VA");
            Some((c.s1.ranges[idx].granule, l, c.s1.big_endian, c.va))
        }
        _ => None,
    };
    match leaf {
        Some(_) if last_read.is_none() => {}
        Some((granule, level, big_endian, input)) => {
            let raw = last_read.unwrap_or_default();
            let desc = if big_endian { raw.swap_bytes() } else { raw };
            let shift = granule.level_shift(level);
            assert_eq!(
                t.pa & !low(shift),
                desc & OA_MASK & !low(shift),
                "{t:?} is not in the output of {desc:#x}"
            );
            assert_eq!(t.pa & low(shift), input & low(shift), "{t:?}");
        }
        None => assert_eq!(t.pa, c.va & low(48), "flat {t:?}"),
    }
    assert_eq!(
        t.check(c.va, c.req),
        Ok(()),
        "{t:?} denies the access it was made for"
    );
    assert_eq!(par::encode_success(t, true) & 1, 0);
    let _ = t.region();
}

fn check_result(c: &Ctx<'_>, r: &Result<Translation, Fault>, last_read: Option<u64>) {
    match r {
        Ok(t) => check_translation(c, t, last_read),
        Err(f) => check_fault(c, f),
    }
}

/// Every access request the region and `check` comparisons try: all kinds, EL0 and the
/// regime's own EL, with and without unprivileged/PAN/UAO.
fn other_requests(regime: Regime) -> impl Iterator<Item = AccessReq> {
    let own = match regime {
        Regime::El10 => El::El1,
        Regime::El2 | Regime::El20 => El::El2,
        Regime::El3 => El::El3,
    };
    let kinds = [AccessKind::Read, AccessKind::Write, AccessKind::Fetch];
    kinds.into_iter().flat_map(move |kind| {
        [El::El0, own].into_iter().flat_map(move |el| {
            (0u8..8).map(move |f| AccessReq {
                kind,
                el,
                unprivileged: f & 1 != 0,
                pan: f & 2 != 0,
                uao: f & 4 != 0,
            })
        })
    })
}

/// The `walk` target.
pub fn walk(data: &[u8]) {
    let input = WalkInput::from_bytes(data);
    let s1 = input.stage1();
    let s2 = input.stage2();
    let va = input.va;
    let req = input.request();
    let ctx = Ctx {
        s1: &s1,
        s2: s2.as_ref(),
        va,
        req: &req,
        final_s2: true,
    };

    // AT S1E*: stage 1 only (its walk still goes through stage 2).
    let mut mem = input.memory();
    let r = translate_stage1(&mut mem, &s1, s2.as_ref(), va, &req);
    let stage1_ctx = Ctx {
        final_s2: false,
        ..ctx
    };
    let leaf_read = mem.last_read.filter(|_| s2.is_none() || mem.updates == 0);
    check_result(&stage1_ctx, &r, leaf_read);

    // The full translation, repeated until it needs no hardware update (the racing
    // writer behind `cas_failures` stops after the first one).
    let mut mem = input.memory();
    let mut settled = None;
    for _ in 0..4 {
        let updates = mem.updates;
        mem.last_read = None;
        let r = translate(&mut mem, &s1, s2.as_ref(), va, &req);
        check_result(&ctx, &r, mem.last_read);
        if mem.updates == updates {
            settled = Some(r);
            break;
        }
        mem.cas_failures = 0;
    }
    let Some(base) = settled else {
        return;
    };
    mem.cas_failures = 0;
    let again = translate(&mut mem.clone(), &s1, s2.as_ref(), va, &req);
    assert_eq!(again, base, "a second translation differs");
    let Ok(t) = base else {
        return;
    };
    let fetch = req.kind == AccessKind::Fetch;
    let e0pd = s1.enabled && s1.regime.two_ranges() && s1.ranges[(va >> 55 & 1) as usize].e0pd;
    let region = t.region();
    let mask = low(region.size_log2);
    for (n, other) in other_requests(s1.regime).enumerate() {
        // Another VA of the region, chosen from the input bits.
        let va2 = (va & !mask) | (input.pool[n % POOL].rotate_left(n as u32) & mask);
        let r2 = translate(&mut mem.clone(), &s1, s2.as_ref(), va2, &req);
        let expect = Translation {
            va: va2,
            pa: t.pa_of(va2),
            ipa: t.ipa.map(|i| (i & !mask) | (va2 & mask)),
            ..t
        };
        assert_eq!(r2, Ok(expect), "VA {va2:#x} in the region of {t:?}");

        // Fetches and data accesses see the same VA only where TBI treats them alike
        // (the soft TLB keys fetches by the whole VA).
        if (other.kind == AccessKind::Fetch) != fetch
            && s1.addr_top(va, true) != s1.addr_top(va, false)
        {
            continue;
        }
        let fresh = translate(&mut mem.clone(), &s1, s2.as_ref(), va, &other);
        if e0pd && other.as_el0() {
            // E0PDx faults EL0 accesses before any walk; `check` repeats it.
            let f = fresh.as_ref().expect_err("an EL0 access under E0PD");
            assert_eq!((f.kind, f.level), (FaultKind::Translation, 0), "{f:?}");
        }
        let cached = t.check(va, &other);
        // A dirty-managed page is cached read-only: a write re-walks instead of faulting.
        let dirty_write = t.dirty_on_write && other.is_write() && cached.is_err();
        if !dirty_write {
            assert_eq!(
                cached,
                fresh.map(|_| ()),
                "check disagrees with a walk for {other:?} on {t:?}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytes::Encode;

    #[test]
    fn inputs_round_trip_through_arbitrary() {
        let mut w = WalkInput {
            regime: 2,
            flags: 3,
            sctlr: 1,
            tcr: 0x1234,
            ttbr0: table_address(1),
            va: 0xffff_0000_1234_5678,
            access: 0x55,
            aborts: 0x8001,
            ..WalkInput::default()
        };
        w.pool[15] = 0xdead_beef;
        w.entries[23] = Entry {
            table: 7,
            index: 8191,
            value: u64::MAX,
        };
        assert_eq!(WalkInput::from_bytes(&w.to_bytes()), w);
    }

    #[test]
    fn empty_input_translates_flat() {
        walk(&[]);
    }
}
