//! Guest-visible time: the generic counter (CNTPCT_EL0, CNTVCT_EL0) and a PMUv3 subset
//! (Arm ARM D13 "The Performance Monitors Extension", ARCH.md §5.3), both driven by the
//! [`Clock`] and the [`EventTotals`] of the PE.
//!
//! With a timing preset on, the cycle model counts cycles and events into the PE after
//! each instruction. Without one the PE counts retired instructions and exceptions per
//! EL itself, and a cycle is one instruction (the `functional` preset at 1 GHz).
//!
//! Counters are evaluated lazily: each PMU counter is its value at the last *settle* plus
//! the events counted since, summed over the ELs its filter lets it count at. Anything
//! that changes which ELs count (PMCR, PMCNTEN, filters, MDCR_EL2/EL3, SCR_EL3) settles
//! first, so the sums are exact.

use crate::run::Pe;
use crate::sysreg::index_of;
use a64sim_arch::El;
use a64sim_el2::bits::mdcr;
use a64sim_isa::sysreg::regs;
use a64sim_isa::sysreg::SysRegId;
use a64sim_mmu::Regime;
use a64sim_timing::{Event, EventTotals};

/// Number of event counters (PMCR_EL0.N), as QEMU's `-cpu max`.
pub const COUNTERS: usize = 6;
/// PMCCNTR's bit in PMCNTEN/PMOVS/PMINTEN.
const CYCLE_BIT: u64 = 1 << 31;
/// The counter bits of PMCNTEN/PMOVS/PMINTEN.
const COUNTER_BITS: u64 = CYCLE_BIT | ((1 << COUNTERS) - 1);

/// PMCR_EL0 fields.
mod pmcr {
    pub const E: u64 = 1 << 0;
    pub const P: u64 = 1 << 1;
    pub const C: u64 = 1 << 2;
    pub const D: u64 = 1 << 3;
    pub const DP: u64 = 1 << 5;
    pub const LC: u64 = 1 << 6;
    /// The bits software can write (E, D, X, DP, LC).
    pub const WRITABLE: u64 = E | D | (1 << 4) | DP | LC;
    pub const N_SHIFT: u32 = 11;
}

/// PMEVTYPER/PMCCFILTR filter bits.
mod filter {
    pub const P: u64 = 1 << 31;
    pub const U: u64 = 1 << 30;
    pub const NSK: u64 = 1 << 29;
    pub const NSU: u64 = 1 << 28;
    pub const NSH: u64 = 1 << 27;
    pub const M: u64 = 1 << 26;
    pub const MASK: u64 = P | U | NSK | NSU | NSH | M;
}

/// Where modelled time comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// A cycle model updates `cycles` and the event totals after every instruction.
    pub modelled: bool,
    /// Modelled cycles (valid when `modelled`).
    pub cycles: u64,
    /// The modelled core frequency in Hz.
    pub freq_hz: u64,
}

impl Default for Clock {
    fn default() -> Self {
        Clock {
            modelled: false,
            cycles: 0,
            freq_hz: 1_000_000_000,
        }
    }
}

/// The PMU registers and the counting state behind them.
#[derive(Clone, Debug, Default)]
pub struct Pmu {
    pmcr: u64,
    cnten: u64,
    inten: u64,
    ovs: u64,
    selr: u64,
    ccfiltr: u64,
    evtyper: [u64; COUNTERS],
    /// PMCCNTR at the last settle.
    ccnt: u64,
    /// Cycles counted with PMCR.D = 1 that have not made a tick of 64 yet.
    ccnt_frac: u64,
    /// PMEVCNTR<n> at the last settle.
    evcnt: [u64; COUNTERS],
    /// The event totals at the last settle.
    snap: EventTotals,
}

/// What a counter counts right now: its event and the ELs it counts at.
#[derive(Clone, Copy, Debug)]
struct Counting {
    event: Option<Event>,
    els: [bool; 4],
}

impl Pe {
    /// The events counted so far, including the instructions of the current block that
    /// `pending` says have retired (without a cycle model the PE counts per block).
    fn event_totals(&self, pending: u64) -> EventTotals {
        let mut t = self.events;
        if !self.clock.modelled {
            let el = self.st.pstate.el;
            t.add(Event::InstRetired, el, pending);
            for el in [El::El0, El::El1, El::El2, El::El3] {
                let n = t.get(Event::InstRetired, el);
                let c = t.get(Event::CpuCycles, el);
                t.add(Event::CpuCycles, el, n.wrapping_sub(c));
            }
        }
        t
    }

    /// Cycles since reset, with `pending` instructions of the current block retired.
    pub fn cycles_now(&self, pending: u64) -> u64 {
        if self.clock.modelled {
            self.clock.cycles
        } else {
            self.retired + pending
        }
    }

    /// The physical count (CNTPCT_EL0): cycles converted to CNTFRQ_EL0 ticks.
    pub fn physical_count(&self, pending: u64) -> u64 {
        let frq = self.sys.get(index_of(regs::CNTFRQ_EL0));
        let cycles = self.cycles_now(pending) as u128;
        (cycles * frq as u128 / self.clock.freq_hz.max(1) as u128) as u64
    }

    /// The virtual count (CNTVCT_EL0) seen at the current EL: the physical count minus
    /// CNTVOFF_EL2, except in the EL2&0 host regime (E2H = 1 at EL2, or E2H = TGE = 1 at
    /// EL0), where the offset does not apply.
    pub fn virtual_count(&self, pending: u64) -> u64 {
        let ctx = self.trap_ctx();
        // The EL2&0 regime sees no offset; the one statement of it is the MMU's.
        let host = Regime::for_access(ctx.el(), ctx.e2h(), ctx.tge()) == Regime::El20;
        let off = if host || !ctx.el2_enabled() {
            0
        } else {
            self.sys.get(index_of(regs::CNTVOFF_EL2))
        };
        self.physical_count(pending).wrapping_sub(off)
    }

    /// MDCR_EL2.HPMN: the counters EL0/EL1 own (all of them without EL2 in use).
    fn hpmn(&self) -> usize {
        if self.trap_ctx().el2_enabled() {
            ((self.sys.get(index_of(regs::MDCR_EL2)) & mdcr::HPMN_MASK) as usize).min(COUNTERS)
        } else {
            COUNTERS
        }
    }

    /// Which ELs counter `k` (31: the cycle counter) counts at, given the controls now.
    fn counting(&self, k: usize) -> Counting {
        let p = &self.pmu;
        let mdcr2 = self.sys.get(index_of(regs::MDCR_EL2));
        let mdcr3 = self.sys.get(index_of(regs::MDCR_EL3));
        let ctx = self.trap_ctx();
        let cycle = k == 31;
        let hpmn = self.hpmn();
        let enabled = if cycle || k < hpmn {
            p.pmcr & pmcr::E != 0
        } else {
            mdcr2 & mdcr::HPME != 0
        } && p.cnten & (1 << k) != 0;
        let (event, f) = if cycle {
            (Some(Event::CpuCycles), p.ccfiltr)
        } else {
            let t = p.evtyper[k];
            (Event::from_number((t & 0xffff) as u16), t)
        };
        let mut els = [false; 4];
        if enabled {
            for el in [El::El0, El::El1, El::El2, El::El3] {
                let secure = el == El::El3 || ctx.is_secure();
                let mut prohibited = secure && mdcr3 & mdcr::SPME == 0;
                if el == El::El2 && (cycle || k < hpmn) {
                    prohibited |= mdcr2 & mdcr::HPMD != 0;
                }
                if cycle {
                    // The cycle counter keeps running where counting is prohibited
                    // unless PMCR_EL0.DP says otherwise.
                    prohibited &= p.pmcr & pmcr::DP != 0;
                }
                let bit = |b: u64| f & b != 0;
                let filtered = match el {
                    El::El0 if secure => bit(filter::U),
                    El::El0 => bit(filter::U) != bit(filter::NSU),
                    El::El1 if secure => bit(filter::P),
                    El::El1 => bit(filter::P) != bit(filter::NSK),
                    El::El2 => !bit(filter::NSH),
                    El::El3 => bit(filter::P) != bit(filter::M),
                };
                els[el as usize] = !prohibited && !filtered;
            }
        }
        Counting { event, els }
    }

    /// Events counter `k` counted since the last settle.
    fn delta(&self, k: usize, now: &EventTotals) -> u64 {
        let c = self.counting(k);
        let Some(e) = c.event else { return 0 };
        let snap = &self.pmu.snap;
        [El::El0, El::El1, El::El2, El::El3]
            .into_iter()
            .filter(|&el| c.els[el as usize])
            .fold(0u64, |s, el| {
                s.wrapping_add(now.get(e, el).wrapping_sub(snap.get(e, el)))
            })
    }

    /// PMCCNTR_EL0 now, and whether it overflowed since the last settle.
    fn cycle_counter_now(&self, now: &EventTotals) -> (u64, u64, bool) {
        let d = self.delta(31, now);
        let (ticks, frac) = if self.pmu.pmcr & pmcr::D != 0 {
            let all = self.pmu.ccnt_frac + d;
            (all / 64, all % 64)
        } else {
            (d, self.pmu.ccnt_frac)
        };
        let width_mask = if self.pmu.pmcr & pmcr::LC != 0 {
            u64::MAX
        } else {
            0xffff_ffff
        };
        let old = self.pmu.ccnt & width_mask;
        let new = old.wrapping_add(ticks);
        let overflow = if width_mask == u64::MAX {
            new < old
        } else {
            new > width_mask
        };
        // The 64-bit register keeps counting past bit 31 when LC = 0 (the overflow is
        // reported from bit 31, Arm ARM D13.3.1).
        (self.pmu.ccnt.wrapping_add(ticks), frac, overflow)
    }

    /// PMEVCNTR<k> now (32 bits), and whether it overflowed since the last settle.
    fn event_counter_now(&self, k: usize, now: &EventTotals) -> (u64, bool) {
        let sum = self.pmu.evcnt[k] + (self.delta(k, now) & 0xffff_ffff);
        (sum & 0xffff_ffff, sum > 0xffff_ffff)
    }

    /// Folds the counts since the last settle into the counters (before anything that
    /// changes what they count).
    pub fn settle_pmu(&mut self, pending: u64) {
        let now = self.event_totals(pending);
        let (c, frac, over) = self.cycle_counter_now(&now);
        self.pmu.ccnt = c;
        self.pmu.ccnt_frac = frac;
        if over {
            self.pmu.ovs |= CYCLE_BIT;
        }
        for k in 0..COUNTERS {
            let (v, over) = self.event_counter_now(k, &now);
            self.pmu.evcnt[k] = v;
            if over {
                self.pmu.ovs |= 1 << k;
            }
        }
        self.pmu.snap = now;
    }

    /// The counter bits (PMCNTENSET/PMOVSSET/PMINTENSET/PMSWINC layout) the current EL may
    /// access: at EL0 and EL1 with EL2 enabled, the event counters from MDCR_EL2.HPMN up
    /// are EL2's, and their bits are RAZ/WI there (Arm ARM PMCNTENSET_EL0.P<n>: "bits
    /// [30:N] are RAZ/WI ... in EL1 and EL0, N is the value in MDCR_EL2.HPMN").
    fn accessible_counters(&self) -> u64 {
        if self.st.pstate.el < El::El2 {
            CYCLE_BIT | ((1u64 << self.hpmn()) - 1)
        } else {
            COUNTER_BITS
        }
    }

    /// Whether an EL0/EL1 access to event counter `k` reaches a counter EL2 kept for
    /// itself (k ≥ MDCR_EL2.HPMN): such accesses read as zero and ignore writes.
    fn counter_hidden(&self, k: usize) -> bool {
        self.st.pstate.el < El::El2 && k >= self.hpmn()
    }

    /// MRS of a PMU or counter register (`Storage::Counter` rows), after the trap checks.
    pub fn read_counter_register(&mut self, id: SysRegId, pending: u64) -> u64 {
        match id {
            regs::CNTPCT_EL0 | regs::CNTPCTSS_EL0 => return self.physical_count(pending),
            regs::CNTVCT_EL0 | regs::CNTVCTSS_EL0 => return self.virtual_count(pending),
            _ => {}
        }
        self.settle_pmu(pending);
        let visible = self.accessible_counters();
        let p = &self.pmu;
        match id {
            regs::PMCR_EL0 => {
                let n = if self.st.pstate.el < El::El2 {
                    self.hpmn()
                } else {
                    COUNTERS
                };
                (p.pmcr & pmcr::WRITABLE) | (n as u64) << pmcr::N_SHIFT
            }
            regs::PMCNTENSET_EL0 | regs::PMCNTENCLR_EL0 => p.cnten & visible,
            regs::PMINTENSET_EL1 | regs::PMINTENCLR_EL1 => p.inten & visible,
            regs::PMOVSSET_EL0 | regs::PMOVSCLR_EL0 => p.ovs & visible,
            regs::PMSELR_EL0 => p.selr,
            regs::PMCCNTR_EL0 => p.ccnt,
            regs::PMCCFILTR_EL0 => p.ccfiltr,
            regs::PMCEID0_EL0 => implemented_events(),
            regs::PMCEID1_EL0 | regs::PMSWINC_EL0 => 0,
            regs::PMXEVTYPER_EL0 => match p.selr as usize {
                31 => p.ccfiltr,
                k if k < COUNTERS && !self.counter_hidden(k) => p.evtyper[k],
                _ => 0,
            },
            regs::PMXEVCNTR_EL0 => match p.selr as usize {
                k if k < COUNTERS && !self.counter_hidden(k) => p.evcnt[k],
                _ => 0,
            },
            _ => match event_counter_index(id) {
                Some((k, false)) if !self.counter_hidden(k) => p.evcnt[k],
                Some((k, true)) if !self.counter_hidden(k) => p.evtyper[k],
                _ => 0,
            },
        }
    }

    /// MSR of a PMU register (`Storage::Counter` rows), after the trap checks.
    pub fn write_counter_register(&mut self, id: SysRegId, v: u64, pending: u64) {
        self.settle_pmu(pending);
        let accessible = self.accessible_counters();
        if id == regs::PMSWINC_EL0 {
            self.software_increment(v & accessible);
            return;
        }
        let p = &mut self.pmu;
        match id {
            regs::PMCR_EL0 => {
                p.pmcr = v & pmcr::WRITABLE;
                if v & pmcr::C != 0 {
                    p.ccnt = 0;
                    p.ccnt_frac = 0;
                }
                if v & pmcr::P != 0 {
                    for k in 0..COUNTERS {
                        if accessible & (1 << k) != 0 {
                            p.evcnt[k] = 0;
                        }
                    }
                }
            }
            regs::PMCNTENSET_EL0 => p.cnten |= v & COUNTER_BITS & accessible,
            regs::PMCNTENCLR_EL0 => p.cnten &= !(v & COUNTER_BITS & accessible),
            regs::PMINTENSET_EL1 => p.inten |= v & COUNTER_BITS & accessible,
            regs::PMINTENCLR_EL1 => p.inten &= !(v & COUNTER_BITS & accessible),
            regs::PMOVSSET_EL0 => p.ovs |= v & COUNTER_BITS & accessible,
            regs::PMOVSCLR_EL0 => p.ovs &= !(v & COUNTER_BITS & accessible),
            regs::PMSELR_EL0 => p.selr = v & 0x1f,
            regs::PMCCNTR_EL0 => {
                p.ccnt = v;
                p.ccnt_frac = 0;
            }
            regs::PMCCFILTR_EL0 => p.ccfiltr = v & filter::MASK,
            regs::PMXEVTYPER_EL0 => match p.selr as usize {
                31 => p.ccfiltr = v & filter::MASK,
                k if k < COUNTERS && accessible & (1 << k) != 0 => {
                    p.evtyper[k] = v & (filter::MASK | 0xffff)
                }
                _ => {}
            },
            regs::PMXEVCNTR_EL0 => match p.selr as usize {
                k if k < COUNTERS && accessible & (1 << k) != 0 => p.evcnt[k] = v & 0xffff_ffff,
                _ => {}
            },
            _ => match event_counter_index(id) {
                Some((k, false)) if accessible & (1 << k) != 0 => p.evcnt[k] = v & 0xffff_ffff,
                Some((k, true)) if accessible & (1 << k) != 0 => {
                    p.evtyper[k] = v & (filter::MASK | 0xffff)
                }
                _ => {}
            },
        }
    }

    /// A write of `sel` to PMSWINC_EL0 (bits the current EL may not access already
    /// cleared): the SW_INCR event (0x00) happens once for each selected counter, at the
    /// current EL. A counter counts it if it counts event 0x00 and counts events at this
    /// EL now: enabled (PMCR_EL0.E, or MDCR_EL2.HPME for counters at or above HPMN, and
    /// PMCNTENSET), not prohibited (MDCR_EL2.HPMD, MDCR_EL3.SPME) and not filtered out by
    /// its PMEVTYPER (Arm ARM: the SW_INCR event, AArch64.PMUSwIncrement()).
    fn software_increment(&mut self, sel: u64) {
        let el = self.st.pstate.el as usize;
        for k in 0..COUNTERS {
            let counts = sel & (1 << k) != 0
                && self.pmu.evtyper[k] & 0xffff == 0
                && self.counting(k).els[el];
            if counts {
                let p = &mut self.pmu;
                let n = p.evcnt[k] + 1;
                if n > 0xffff_ffff {
                    p.ovs |= 1 << k;
                }
                p.evcnt[k] = n & 0xffff_ffff;
            }
        }
    }
}

/// PMCEID0_EL0: the common events 0x00–0x1F that are counted (bit n = event n).
fn implemented_events() -> u64 {
    let mut v = 1; // SW_INCR
    for e in Event::ALL {
        if e.number() < 32 {
            v |= 1 << e.number();
        }
    }
    v
}

/// `(n, is_type)` for PMEVCNTR<n>_EL0 (`false`) and PMEVTYPER<n>_EL0 (`true`).
fn event_counter_index(id: SysRegId) -> Option<(usize, bool)> {
    if id.op0() != 3 || id.op1() != 3 || id.crn() != 14 {
        return None;
    }
    let n = ((id.crm() as usize & 3) << 3) | id.op2() as usize;
    match id.crm() {
        8..=11 => Some((n, false)),
        12..=15 if n != 31 => Some((n, true)),
        _ => None,
    }
    .filter(|&(n, _)| n < COUNTERS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::Cpu;
    use a64sim_el2::bits::{hcr, scr};

    fn pe_at(el: El) -> Pe {
        let mut pe = Cpu::new(el, 0x4000_0000).pe;
        // Non-secure, so that counting is permitted at EL0-EL2.
        pe.sys.set(index_of(regs::SCR_EL3), scr::NS | (1 << 10));
        pe
    }

    fn retire(pe: &mut Pe, el: El, n: u64) {
        pe.events.add(Event::InstRetired, el, n);
        pe.retired += n;
    }

    #[test]
    fn cycle_counter_counts_only_while_enabled_and_filters_by_el() {
        let mut pe = pe_at(El::El2);
        retire(&mut pe, El::El1, 100);
        assert_eq!(pe.read_counter_register(regs::PMCCNTR_EL0, 0), 0);
        pe.write_counter_register(regs::PMCR_EL0, pmcr::E, 0);
        pe.write_counter_register(regs::PMCNTENSET_EL0, CYCLE_BIT, 0);
        // NSH = 0: EL2 cycles are filtered out; EL1 counts.
        retire(&mut pe, El::El1, 10);
        retire(&mut pe, El::El2, 7);
        assert_eq!(pe.read_counter_register(regs::PMCCNTR_EL0, 0), 10);
        pe.write_counter_register(regs::PMCCFILTR_EL0, filter::NSH, 0);
        retire(&mut pe, El::El2, 7);
        // Three instructions of the current block have retired but are not counted yet.
        assert_eq!(pe.read_counter_register(regs::PMCCNTR_EL0, 3), 20);
        retire(&mut pe, El::El2, 3);
        // P = 1 with NSK = 0 stops Non-secure EL1 counting; P = NSK = 1 counts again.
        pe.write_counter_register(regs::PMCCFILTR_EL0, filter::P, 0);
        retire(&mut pe, El::El1, 5);
        assert_eq!(pe.read_counter_register(regs::PMCCNTR_EL0, 0), 20);
        pe.write_counter_register(regs::PMCCFILTR_EL0, filter::P | filter::NSK, 0);
        retire(&mut pe, El::El1, 5);
        assert_eq!(pe.read_counter_register(regs::PMCCNTR_EL0, 0), 25);
        // PMCR.C resets it.
        pe.write_counter_register(regs::PMCR_EL0, pmcr::E | pmcr::C, 0);
        assert_eq!(pe.read_counter_register(regs::PMCCNTR_EL0, 0), 0);
    }

    #[test]
    fn event_counters_count_their_event_and_overflow_at_32_bits() {
        let mut pe = pe_at(El::El1);
        pe.write_counter_register(regs::PMCR_EL0, pmcr::E, 0);
        pe.write_counter_register(regs::PMEVTYPER0_EL0, 0x08, 0);
        pe.write_counter_register(regs::PMEVTYPER1_EL0, 0x09, 0);
        pe.write_counter_register(regs::PMCNTENSET_EL0, 0b11, 0);
        pe.write_counter_register(regs::PMEVCNTR0_EL0, 0xffff_fff0, 0);
        retire(&mut pe, El::El1, 0x20);
        pe.events.add(Event::ExcTaken, El::El1, 2);
        assert_eq!(pe.read_counter_register(regs::PMEVCNTR0_EL0, 0), 0x10);
        assert_eq!(pe.read_counter_register(regs::PMEVCNTR1_EL0, 0), 2);
        assert_eq!(pe.read_counter_register(regs::PMOVSSET_EL0, 0), 1);
        pe.write_counter_register(regs::PMOVSCLR_EL0, 1, 0);
        assert_eq!(pe.read_counter_register(regs::PMOVSCLR_EL0, 0), 0);
    }

    #[test]
    fn pmcr_n_shows_hpmn_below_el2_and_hidden_counters_read_as_zero() {
        let mut pe = pe_at(El::El1);
        pe.sys.set(index_of(regs::MDCR_EL2), 2);
        let n = |pe: &mut Pe| pe.read_counter_register(regs::PMCR_EL0, 0) >> 11 & 0x1f;
        assert_eq!(n(&mut pe), 2);
        pe.write_counter_register(regs::PMEVCNTR3_EL0, 5, 0);
        assert_eq!(pe.read_counter_register(regs::PMEVCNTR3_EL0, 0), 0);
        pe.st.pstate.el = El::El2;
        assert_eq!(n(&mut pe), COUNTERS as u64);
    }

    fn evcnt(pe: &mut Pe) -> [u64; COUNTERS] {
        let ids = [
            regs::PMEVCNTR0_EL0,
            regs::PMEVCNTR1_EL0,
            regs::PMEVCNTR2_EL0,
            regs::PMEVCNTR3_EL0,
            regs::PMEVCNTR4_EL0,
            regs::PMEVCNTR5_EL0,
        ];
        ids.map(|id| pe.read_counter_register(id, 0))
    }

    fn set_all_evtyper(pe: &mut Pe, v: u64) {
        for id in [
            regs::PMEVTYPER0_EL0,
            regs::PMEVTYPER1_EL0,
            regs::PMEVTYPER2_EL0,
            regs::PMEVTYPER3_EL0,
            regs::PMEVTYPER4_EL0,
            regs::PMEVTYPER5_EL0,
        ] {
            pe.write_counter_register(id, v, 0);
        }
    }

    #[test]
    fn pmswinc_counts_only_where_the_counter_counts_at_the_current_el() {
        // SW_INCR everywhere, filter 0: Non-secure EL0/EL1 count, EL2 does not (NSH = 0).
        let mut pe = pe_at(El::El2);
        pe.write_counter_register(regs::PMCR_EL0, pmcr::E, 0);
        pe.write_counter_register(regs::PMCNTENSET_EL0, 0xf, 0);
        pe.write_counter_register(regs::PMSWINC_EL0, 0x3f, 0);
        assert_eq!(evcnt(&mut pe), [0; COUNTERS], "filtered at EL2");
        pe.st.pstate.el = El::El1;
        pe.write_counter_register(regs::PMSWINC_EL0, 0x35, 0);
        pe.write_counter_register(regs::PMSWINC_EL0, 0x3, 0);
        assert_eq!(
            evcnt(&mut pe),
            [2, 1, 1, 0, 0, 0],
            "selected and enabled only"
        );
        // P = 1 filters Non-secure EL1 (NSK = 0); NSH = 1 opens EL2.
        set_all_evtyper(&mut pe, filter::P | filter::NSH);
        pe.write_counter_register(regs::PMSWINC_EL0, 0x3f, 0);
        assert_eq!(evcnt(&mut pe), [2, 1, 1, 0, 0, 0]);
        pe.st.pstate.el = El::El2;
        pe.write_counter_register(regs::PMSWINC_EL0, 0x3f, 0);
        assert_eq!(evcnt(&mut pe), [3, 2, 2, 1, 0, 0]);
        // A counter counting another event ignores PMSWINC; PMCR.E = 0 stops them all.
        pe.write_counter_register(regs::PMEVTYPER0_EL0, filter::NSH | 0x11, 0);
        pe.write_counter_register(regs::PMSWINC_EL0, 0x3, 0);
        assert_eq!(evcnt(&mut pe)[..2], [3, 3]);
        pe.write_counter_register(regs::PMCR_EL0, 0, 0);
        pe.write_counter_register(regs::PMSWINC_EL0, 0x3f, 0);
        assert_eq!(evcnt(&mut pe)[..4], [3, 3, 2, 1]);
    }

    #[test]
    fn pmswinc_follows_the_hpmn_partition() {
        let mut pe = pe_at(El::El2);
        set_all_evtyper(&mut pe, filter::NSH);
        pe.write_counter_register(regs::PMCR_EL0, pmcr::E, 0);
        pe.write_counter_register(regs::PMCNTENSET_EL0, 0x3f, 0);
        let mdcr2 = index_of(regs::MDCR_EL2);
        // HPMN = 2: counters 2-5 are EL2's, enabled by HPME rather than PMCR.E.
        pe.sys.set(mdcr2, 2);
        pe.write_counter_register(regs::PMSWINC_EL0, 0x3f, 0);
        assert_eq!(evcnt(&mut pe), [1, 1, 0, 0, 0, 0]);
        pe.sys.set(mdcr2, 2 | mdcr::HPME);
        pe.write_counter_register(regs::PMSWINC_EL0, 0x3f, 0);
        assert_eq!(evcnt(&mut pe), [2, 2, 1, 1, 1, 1]);
        pe.write_counter_register(regs::PMCR_EL0, 0, 0);
        pe.write_counter_register(regs::PMSWINC_EL0, 0x3f, 0);
        assert_eq!(evcnt(&mut pe), [2, 2, 2, 2, 2, 2]);
        // HPMD prohibits counting at EL2 by the counters below HPMN only.
        pe.write_counter_register(regs::PMCR_EL0, pmcr::E, 0);
        pe.sys.set(mdcr2, 2 | mdcr::HPME | mdcr::HPMD);
        pe.write_counter_register(regs::PMSWINC_EL0, 0x3f, 0);
        assert_eq!(evcnt(&mut pe), [2, 2, 3, 3, 3, 3]);
        // From EL1 the bits of EL2's counters are ignored, even with HPME = 1 (QEMU 10
        // increments them: known-qemu-differences.md, pmu-hpmn-not-enforced-below-el2).
        pe.sys.set(mdcr2, 2 | mdcr::HPME);
        pe.st.pstate.el = El::El1;
        pe.write_counter_register(regs::PMSWINC_EL0, 0x3f, 0);
        pe.st.pstate.el = El::El2;
        assert_eq!(evcnt(&mut pe), [3, 3, 3, 3, 3, 3]);
    }

    #[test]
    fn el2_counter_bits_are_raz_wi_below_el2() {
        let mut pe = pe_at(El::El2);
        pe.write_counter_register(regs::PMCNTENSET_EL0, 0x8000_0030, 0);
        pe.write_counter_register(regs::PMOVSSET_EL0, 0x30, 0);
        pe.write_counter_register(regs::PMINTENSET_EL1, 0x30, 0);
        pe.write_counter_register(regs::PMEVCNTR4_EL0, 0x55, 0);
        pe.sys.set(index_of(regs::MDCR_EL2), 2);
        pe.st.pstate.el = El::El1;
        for (set, clr) in [
            (regs::PMCNTENSET_EL0, regs::PMCNTENCLR_EL0),
            (regs::PMOVSSET_EL0, regs::PMOVSCLR_EL0),
            (regs::PMINTENSET_EL1, regs::PMINTENCLR_EL1),
        ] {
            // Reads hide EL2's bits, writes of them are ignored; bit 0 is EL1's.
            pe.write_counter_register(set, 0x3, 0);
            assert_eq!(pe.read_counter_register(set, 0) & 0x3f, 0x3, "{set:?}");
            pe.write_counter_register(clr, 0x3f, 0);
            assert_eq!(pe.read_counter_register(clr, 0) & 0x3f, 0, "{clr:?}");
        }
        // PMCR.P from EL1 resets only EL1's counters.
        pe.write_counter_register(regs::PMCR_EL0, pmcr::P, 0);
        pe.st.pstate.el = El::El2;
        assert_eq!(
            pe.read_counter_register(regs::PMCNTENSET_EL0, 0),
            0x8000_0030
        );
        assert_eq!(pe.read_counter_register(regs::PMOVSSET_EL0, 0), 0x30);
        assert_eq!(pe.read_counter_register(regs::PMINTENSET_EL1, 0), 0x30);
        assert_eq!(pe.read_counter_register(regs::PMEVCNTR4_EL0, 0), 0x55);
    }

    #[test]
    fn counts_convert_cycles_to_cntfrq_ticks_and_apply_cntvoff() {
        let mut pe = pe_at(El::El1);
        pe.retired = 1000;
        pe.clock.freq_hz = 2_000_000_000;
        assert_eq!(pe.physical_count(0), 500);
        pe.sys.set(index_of(regs::CNTVOFF_EL2), 100);
        assert_eq!(pe.virtual_count(0), 400);
        pe.st.pstate.el = El::El2;
        assert_eq!(pe.virtual_count(0), 400);
        pe.sys.set(index_of(regs::HCR_EL2), hcr::E2H | (1 << 31));
        assert_eq!(pe.virtual_count(0), 500);
    }

    #[test]
    fn event_counter_encodings_map_to_counters() {
        assert_eq!(event_counter_index(regs::PMEVCNTR5_EL0), Some((5, false)));
        assert_eq!(event_counter_index(regs::PMEVTYPER0_EL0), Some((0, true)));
        assert_eq!(event_counter_index(regs::PMCCFILTR_EL0), None);
        assert_eq!(event_counter_index(regs::PMEVCNTR6_EL0), None);
    }
}
