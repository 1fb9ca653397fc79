//! THE system-register table and the register file it describes.
//!
//! Each row of [`table::SYSREGS`] is one register: its encoding (named by
//! `a64sim_isa::sysreg::regs`), reset value, RES0/RES1 masks, the lowest EL that may access
//! it, whether it is read-only/write-only, and where its value lives. Storage, reset,
//! MRS/MSR and masks are all derived from the row. Trap rules (HCR_EL2.TVM, TID3, ...) join
//! the row as a column with the exception-level issue.

pub mod table;

use a64sim_arch::El;
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

/// The values of every plain register of one PE.
#[derive(Clone, Debug)]
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

    /// The row and index for an encoding, if the register exists.
    pub fn lookup(id: SysRegId) -> Option<(usize, &'static SysRegDef)> {
        static SORTED: std::sync::LazyLock<Vec<(SysRegId, usize)>> =
            std::sync::LazyLock::new(|| {
                let mut v: Vec<(SysRegId, usize)> =
                    SYSREGS.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
                v.sort_unstable();
                v
            });
        let i = SORTED.binary_search_by_key(&id, |&(k, _)| k).ok()?;
        let idx = SORTED[i].1;
        Some((idx, &SYSREGS[idx]))
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
        for r in SYSREGS.iter() {
            assert!(
                r.id.name().is_some(),
                "{:?} has no name in isa::sysreg",
                r.id
            );
        }
    }

    #[test]
    fn res0_and_res1_hold_after_any_write() {
        let mut regs = SysRegs::new();
        for (i, r) in SYSREGS.iter().enumerate() {
            assert_eq!(r.res0 & r.res1, 0, "{}: RES0 and RES1 overlap", r.id);
            for v in [0u64, u64::MAX, 0xdead_beef_0123_4567] {
                regs.set(i, v);
                assert_eq!(regs.get(i) & r.res0, 0, "{}", r.id);
                assert_eq!(regs.get(i) & r.res1, r.res1, "{}", r.id);
            }
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
