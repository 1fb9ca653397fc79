//! The cycle model: a narrow trait the CPU calls at the events that cost time, and the
//! table of named core presets behind it.
//!
//! The CPU reports three kinds of events: retired instructions, exception entry and
//! exception return (ERET). Each call returns the cycles the event costs; the caller adds
//! them up. The CPU only makes these calls when a timing consumer is compiled in (the
//! `run` path without `--trap-report` never sees this trait).
//!
//! Only the `functional` preset exists today: one cycle per instruction, nothing extra for
//! exception entry or ERET. A preset is a table row, so a later in-order or out-of-order
//! preset changes numbers here, and per-class latencies, caches and predictors become new
//! methods or new columns rather than a new interface.

use a64sim_arch::El;

/// Costs a core preset charges, in cycles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// The name users select it by (`functional`).
    pub name: &'static str,
    /// What it stands for.
    pub description: &'static str,
    /// Cycles per retired instruction.
    pub insn_cycles: u64,
    /// Extra cycles to take an exception (vector fetch, state save), beyond the instructions.
    pub exception_entry_cycles: u64,
    /// Extra cycles of an ERET (state restore, pipeline refill), beyond the instruction.
    pub exception_return_cycles: u64,
}

/// The named core presets, one row each.
pub const PRESETS: &[Preset] = &[Preset {
    name: "functional",
    description: "1 cycle per instruction; exception entry and ERET cost nothing extra",
    insn_cycles: 1,
    exception_entry_cycles: 0,
    exception_return_cycles: 0,
}];

impl Preset {
    /// The preset called `name`, if there is one.
    pub fn by_name(name: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.name == name)
    }

    /// The `functional` preset.
    pub fn functional() -> &'static Preset {
        &PRESETS[0]
    }
}

/// What the CPU tells the cycle model; every method returns the cycles the event costs.
pub trait CycleModel {
    /// The preset's name, for reports.
    fn name(&self) -> &'static str;
    /// `n` instructions retired (charged at the preset's per-instruction cost).
    fn retire(&mut self, n: u64) -> u64;
    /// An exception with class `ec` was taken from `from` to `to`.
    fn exception_entry(&mut self, ec: u8, from: El, to: El) -> u64;
    /// An ERET at `from` returned to `to`.
    fn exception_return(&mut self, from: El, to: El) -> u64;
}

/// A cycle model whose costs are one row of [`PRESETS`].
#[derive(Clone, Copy, Debug)]
pub struct PresetModel {
    preset: &'static Preset,
}

impl PresetModel {
    /// A model charging the costs of `preset`.
    pub fn new(preset: &'static Preset) -> Self {
        PresetModel { preset }
    }

    /// The preset this model charges.
    pub fn preset(&self) -> &'static Preset {
        self.preset
    }
}

impl Default for PresetModel {
    fn default() -> Self {
        PresetModel::new(Preset::functional())
    }
}

impl CycleModel for PresetModel {
    fn name(&self) -> &'static str {
        self.preset.name
    }

    #[inline]
    fn retire(&mut self, n: u64) -> u64 {
        n.saturating_mul(self.preset.insn_cycles)
    }

    fn exception_entry(&mut self, _ec: u8, _from: El, _to: El) -> u64 {
        self.preset.exception_entry_cycles
    }

    fn exception_return(&mut self, _from: El, _to: El) -> u64 {
        self.preset.exception_return_cycles
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functional_is_one_cycle_per_instruction() {
        let mut m = PresetModel::new(Preset::by_name("functional").unwrap());
        assert_eq!(m.name(), "functional");
        assert_eq!(m.retire(7), 7);
        assert_eq!(m.exception_entry(0x16, El::El1, El::El2), 0);
        assert_eq!(m.exception_return(El::El2, El::El1), 0);
        assert!(Preset::by_name("n1").is_none());
    }

    #[test]
    fn preset_names_are_unique() {
        for (i, p) in PRESETS.iter().enumerate() {
            assert!(
                PRESETS[i + 1..].iter().all(|q| q.name != p.name),
                "{}",
                p.name
            );
        }
    }
}
