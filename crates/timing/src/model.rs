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

use crate::op::{Event, EventTotals, Op, Retired};
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

/// What the CPU tells the cycle model. The model keeps its own cycle count and adds what
/// it counts to an [`EventTotals`] owned by the CPU (the PMU reads it).
///
/// The CPU calls [`CycleModel::retire`] once per retired instruction, in program order,
/// when a timing preset is on. A trap report without a preset calls only
/// [`CycleModel::retire_bulk`] and the exception methods.
pub trait CycleModel {
    /// The preset's name, for reports.
    fn name(&self) -> &'static str;
    /// The modelled core clock in Hz (the generic counter ticks at CNTFRQ_EL0, so a
    /// counter read converts cycles with this).
    fn frequency_hz(&self) -> u64;
    /// Cycles elapsed since the model started: the cycle at which the last event
    /// (retired instruction, exception entry, ERET) completed.
    fn cycles(&self) -> u64;
    /// One instruction retired: `op` says what it is, `r` what it did.
    fn retire(&mut self, op: &Op, r: &Retired, ev: &mut EventTotals);
    /// `n` instructions at `el` retired that the model is not told about one by one.
    fn retire_bulk(&mut self, n: u64, el: El, ev: &mut EventTotals);
    /// An exception with class `ec` was taken from `from` to `to` (after the instruction
    /// before it retired; a faulting instruction does not retire).
    fn exception_entry(&mut self, ec: u8, from: El, to: El, ev: &mut EventTotals);
    /// An ERET at `from` returned to `to` (after [`CycleModel::retire`] for the ERET).
    fn exception_return(&mut self, from: El, to: El, ev: &mut EventTotals);
}

/// A cycle model whose costs are one row of [`PRESETS`].
#[derive(Clone, Copy, Debug)]
pub struct PresetModel {
    preset: &'static Preset,
    cycles: u64,
}

impl PresetModel {
    /// A model charging the costs of `preset`.
    pub fn new(preset: &'static Preset) -> Self {
        PresetModel { preset, cycles: 0 }
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

    fn frequency_hz(&self) -> u64 {
        1_000_000_000
    }

    fn cycles(&self) -> u64 {
        self.cycles
    }

    #[inline]
    fn retire(&mut self, _op: &Op, r: &Retired, ev: &mut EventTotals) {
        self.retire_bulk(1, r.el, ev);
    }

    fn retire_bulk(&mut self, n: u64, el: El, ev: &mut EventTotals) {
        let c = n.saturating_mul(self.preset.insn_cycles);
        self.cycles = self.cycles.saturating_add(c);
        ev.add(Event::InstRetired, el, n);
        ev.add(Event::CpuCycles, el, c);
    }

    fn exception_entry(&mut self, ec: u8, from: El, _to: El, ev: &mut EventTotals) {
        self.cycles = self
            .cycles
            .saturating_add(self.preset.exception_entry_cycles);
        ev.add(Event::ExcTaken, from, 1);
        if ec == 0x16 {
            ev.add(Event::ExcHvc, from, 1);
        }
    }

    fn exception_return(&mut self, _from: El, _to: El, _ev: &mut EventTotals) {
        self.cycles = self
            .cycles
            .saturating_add(self.preset.exception_return_cycles);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functional_is_one_cycle_per_instruction() {
        let mut m = PresetModel::new(Preset::by_name("functional").unwrap());
        assert_eq!(m.name(), "functional");
        let mut ev = EventTotals::default();
        m.retire_bulk(7, El::El1, &mut ev);
        assert_eq!(m.cycles(), 7);
        m.exception_entry(0x16, El::El1, El::El2, &mut ev);
        m.exception_return(El::El2, El::El1, &mut ev);
        assert_eq!(m.cycles(), 7);
        assert_eq!(ev.get(Event::ExcHvc, El::El1), 1);
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
