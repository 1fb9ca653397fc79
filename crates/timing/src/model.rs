//! The cycle model interface: a narrow trait the CPU calls at the events that cost time.
//!
//! The CPU reports three kinds of events: retired instructions, exception entry and
//! exception return (ERET). The model keeps its own cycle count, which the CPU reads at
//! any time (PMCCNTR_EL0, the generic counter), and counts PMU events into an
//! [`EventTotals`] the CPU owns. The CPU only makes these calls when a timing consumer is
//! compiled in (the `run` path without `--timing` or `--trap-report` never sees this
//! trait).
//!
//! The implementation is [`crate::CoreModel`] (also called [`crate::PresetModel`]): one
//! model whose costs are a row of [`crate::PRESETS`], run by a functional, in-order or
//! out-of-order engine.

use crate::op::{EventTotals, Op, Retired, RetiredRun};
use a64sim_arch::El;

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
    /// A straight-line run of instructions retired, in program order: the same as
    /// [`CycleModel::retire`] for each, which is what this default does.
    fn retire_run(&mut self, run: &RetiredRun<'_>, ev: &mut EventTotals) {
        for (j, op) in run.ops.iter().enumerate() {
            self.retire(op, &run.get(j), ev);
        }
    }
    /// The guest invalidated translations (TLBI): cached translations must walk again.
    fn invalidate_tlbs(&mut self) {}
    /// `n` instructions at `el` retired that the model is not told about one by one.
    fn retire_bulk(&mut self, n: u64, el: El, ev: &mut EventTotals);
    /// An exception with class `ec` was taken from `from` to `to` (after the instruction
    /// before it retired; a faulting instruction does not retire).
    fn exception_entry(&mut self, ec: u8, from: El, to: El, ev: &mut EventTotals);
    /// An ERET at `from` returned to `to` (after [`CycleModel::retire`] for the ERET).
    fn exception_return(&mut self, from: El, to: El, ev: &mut EventTotals);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::op::Event;
    use crate::{Preset, PresetModel};

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
        assert_eq!(ev.get(Event::CpuCycles, El::El1), 7);
        assert_eq!(PresetModel::default().name(), "functional");
    }
}
