//! THE system-register table and the register file it describes.
//!
//! Each row of [`table::SYSREGS`] is one register: its encoding (named by
//! `a64sim_isa::sysreg::regs`), reset value, RES0/RES1 masks, the lowest EL that may access
//! it, whether it is read-only/write-only, and where its value lives. Storage, reset,
//! MRS/MSR and masks are all derived from the row. Trap rules (HCR_EL2.TVM, TID3, ...) join
//! the row as a column with the exception-level issue.

pub mod table;

use a64sim_arch::El;
use a64sim_el2::RuleId;
use a64sim_isa::sysreg::SysRegId;
pub use table::SYSREGS;

/// Who may access a register, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Read and write.
    ReadWrite,
    /// MRS only; MSR is UNDEFINED.
    ReadOnly,
    /// MSR only; MRS is UNDEFINED.
    WriteOnly,
}

/// Where a register's value lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// In the register file, masked by RES0/RES1 on write.
    Plain,
    /// A constant: the reset value (identification registers).
    Const,
    /// A view of PE state (PSTATE fields, banked stack pointers) handled by the executor.
    PeState,
    /// A counter or PMU register, computed from the clock and the event counts
    /// (`crate::pmu`).
    Counter,
}

/// One row of the system-register table.
#[derive(Clone, Copy, Debug)]
pub struct SysRegDef {
    /// Encoding (and, through it, the name).
    pub id: SysRegId,
    /// Value after a cold reset.
    pub reset: u64,
    /// Bits that read as zero and ignore writes.
    pub res0: u64,
    /// Bits that read as one and ignore writes.
    pub res1: u64,
    /// Lowest Exception level that can access the register; lower ELs get UNDEFINED.
    pub min_el: El,
    /// Lowest Exception level that can write it (CNTFRQ_EL0 is writable only at the
    /// highest implemented EL).
    pub write_el: El,
    /// Direction restrictions.
    pub access: Access,
    /// Where the value lives.
    pub storage: Storage,
    /// Whether a write can change translation, routing or other context that decoded
    /// blocks depend on (the block ends after the write).
    pub context: bool,
    /// The trap rules guarding the register (rows of `a64sim_el2::RULES`), in priority
    /// order: EL1 controls, then EL2, then EL3.
    pub traps: &'static [RuleId],
    /// The ID_AA64PFR1_EL1.MTE level the register needs (0: none); below it the encoding
    /// is UNDEFINED.
    pub min_mte: u8,
}

/// Index of `id` in [`SYSREGS`], computed at compile time for the registers the executor
/// touches directly. Panics (at compile time) when the register is not in the table.
pub const fn index_of(id: SysRegId) -> usize {
    let mut i = 0;
    while i < SYSREGS.len() {
        if SYSREGS[i].id.0 == id.0 {
            return i;
        }
        i += 1;
    }
    panic!("system register missing from the table");
}

/// What an MRS/MSR encoding means at the current EL, after VHE redirection (ARCH.md §1.10).
#[derive(Clone, Copy, Debug)]
pub enum Resolved {
    /// This table row.
    Reg(usize, &'static SysRegDef),
    /// UNDEFINED (unknown encoding, or an _EL12 alias without E2H).
    Undefined,
}

/// Resolves an encoding for an access from `ctx.el`: *_EL12 aliases reach the EL1
/// registers from EL2/EL3 when HCR_EL2.E2H = 1 (UNDEFINED otherwise); at EL2 with E2H = 1
/// the redirected *_EL1 encodings reach their EL2 twins.
#[inline]
pub fn resolve(id: SysRegId, ctx: &a64sim_el2::TrapCtx) -> Resolved {
    let el = ctx.el();
    let target = if id.op0() == 3 && id.op1() == 5 {
        match table::VHE_ALIASES.iter().find(|a| a.2 == id) {
            // At EL3 the aliases need Non-secure state as well (QEMU `e2h_access`).
            Some(a) if el >= El::El2 && ctx.e2h() && !(el == El::El3 && ctx.is_secure()) => a.0,
            _ => return Resolved::Undefined,
        }
    } else if el == El::El2 && ctx.e2h() {
        table::VHE_ALIASES
            .iter()
            .find(|a| a.0 == id)
            .map_or(id, |a| a.1)
    } else {
        id
    };
    match SysRegs::lookup(target) {
        Some((i, d)) => Resolved::Reg(i, d),
        None => Resolved::Undefined,
    }
}

/// Row index by 16-bit encoding, built at compile time (`u16::MAX`: no such register).
static INDEX: [u16; 1 << 16] = build_index();

const fn build_index() -> [u16; 1 << 16] {
    let mut v = [u16::MAX; 1 << 16];
    let reserved = index_of(table::ID_SPACE_RESERVED) as u16;
    // Unnamed encodings of the ID group 3 space (op0=3, op1=0, CRn=0, CRm=1..7) read as 0.
    let mut crm = 1;
    while crm < 8 {
        let mut op2 = 0;
        while op2 < 8 {
            v[SysRegId::new(3, 0, 0, crm, op2).0 as usize] = reserved;
            op2 += 1;
        }
        crm += 1;
    }
    let mut i = 0;
    while i < SYSREGS.len() {
        v[SYSREGS[i].id.0 as usize] = i as u16;
        i += 1;
    }
    v
}

/// The values of every plain register of one PE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SysRegs {
    vals: Box<[u64]>,
}

impl Default for SysRegs {
    fn default() -> Self {
        Self::new()
    }
}

impl SysRegs {
    /// Registers at their reset values.
    pub fn new() -> Self {
        SysRegs {
            vals: SYSREGS
                .iter()
                .map(|r| (r.reset & !r.res0) | r.res1)
                .collect(),
        }
    }

    /// The row and index for an encoding, if the register exists: one load from a table
    /// indexed by the 16-bit encoding (MRS/MSR must cost about an ALU instruction).
    /// Unnamed encodings of the ID group 3 space share one read-as-zero row.
    #[inline(always)]
    pub fn lookup(id: SysRegId) -> Option<(usize, &'static SysRegDef)> {
        let idx = INDEX[id.0 as usize];
        (idx != u16::MAX).then(|| (idx as usize, &SYSREGS[idx as usize]))
    }

    /// Stores a value the PE itself produced (ESR, FAR, SPSR, ELR on exception entry),
    /// which already respects the register's RES0/RES1 bits.
    #[inline(always)]
    pub fn set_unmasked(&mut self, idx: usize, v: u64) {
        debug_assert_eq!(
            (v & !SYSREGS[idx].res0) | SYSREGS[idx].res1,
            v,
            "{}",
            SYSREGS[idx].id
        );
        self.vals[idx] = v;
    }

    /// The values by table index, for generated code that reads and writes plain
    /// registers itself (applying each row's masks as [`Self::set`] does).
    pub fn raw_values(&mut self) -> *mut u64 {
        self.vals.as_mut_ptr()
    }

    /// Raw value by table index.
    #[inline(always)]
    pub fn get(&self, idx: usize) -> u64 {
        self.vals[idx]
    }

    /// Stores `v` by table index, applying the row's RES0/RES1 masks.
    #[inline]
    pub fn set(&mut self, idx: usize, v: u64) {
        let r = &SYSREGS[idx];
        self.vals[idx] = (v & !r.res0) | r.res1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_duplicate_encodings() {
        let mut ids: Vec<u16> = SYSREGS.iter().map(|r| r.id.0).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(n, ids.len(), "duplicate rows in the system-register table");
    }

    #[test]
    fn every_row_is_named_by_isa() {
        for r in SYSREGS.iter().filter(|r| r.id != table::ID_SPACE_RESERVED) {
            assert!(
                r.id.name().is_some(),
                "{:?} has no name in isa::sysreg",
                r.id
            );
        }
    }

    proptest::proptest! {
        /// RES0 bits read as 0 and RES1 bits as 1 after any write, for every register.
        #[test]
        fn res0_and_res1_hold_after_any_write(v in proptest::prelude::any::<u64>()) {
            let mut regs = SysRegs::new();
            for (i, r) in SYSREGS.iter().enumerate() {
                proptest::prop_assert_eq!(r.res0 & r.res1, 0, "{}: RES0 and RES1 overlap", r.id);
                regs.set(i, v);
                proptest::prop_assert_eq!(regs.get(i) & r.res0, 0, "{}", r.id);
                proptest::prop_assert_eq!(regs.get(i) & r.res1, r.res1, "{}", r.id);
            }
        }
    }

    #[test]
    fn unnamed_id_space_encodings_read_as_zero_and_others_are_undefined() {
        // ID_AA64MMFR3_EL1 (3,0,0,7,3) is not in the table: reserved ID space, RAZ.
        let (_, def) = SysRegs::lookup(SysRegId::new(3, 0, 0, 7, 3)).expect("ID space");
        assert_eq!(
            (def.storage, def.reset, def.traps),
            (Storage::Const, 0, &[RuleId::HcrTid3][..])
        );
        assert!(SysRegs::lookup(SysRegId::new(3, 0, 15, 15, 7)).is_none());
    }

    #[test]
    fn vhe_aliases_name_real_rows() {
        for (el1, el2, el12) in table::VHE_ALIASES.iter() {
            assert!(
                SysRegs::lookup(*el1).is_some() && SysRegs::lookup(*el2).is_some(),
                "{el1} / {el2}"
            );
            assert_eq!(
                (el12.op1(), el12.crn(), el12.crm(), el12.op2()),
                (5, el1.crn(), el1.crm(), el1.op2())
            );
        }
    }

    #[test]
    fn trap_lists_are_in_priority_order() {
        for r in SYSREGS.iter() {
            let p: Vec<u8> = r
                .traps
                .iter()
                .map(|&t| a64sim_el2::rules::priority(t))
                .collect();
            assert!(
                p.windows(2).all(|w| w[0] <= w[1]),
                "{}: {:?}",
                r.id,
                r.traps
            );
        }
    }

    #[test]
    fn min_el_follows_op1_for_ordinary_registers() {
        // Arm ARM D18.3: op1 = 0 -> EL1, 3 -> EL0, 4/5 -> EL2, 6 -> EL3 (op0 = 3).
        for r in SYSREGS
            .iter()
            .filter(|r| r.id.op0() == 3 && r.id.crn() != 4)
        {
            let want = match r.id.op1() {
                0..=2 => El::El1,
                3 => El::El0,
                4 | 5 => El::El2,
                6 => El::El3,
                _ => continue,
            };
            assert_eq!(r.min_el, want, "{}", r.id);
        }
    }
}
