//! The branch predictor: 2-bit direction counters (gshare when the preset asks for
//! global history), a direct-mapped branch target buffer, and a return stack.
//!
//! The model sees each branch once, when it retires, with its real outcome, so
//! prediction and update are one call ([`Predictor::predict_update`]): it answers whether
//! the front end would have fetched the wrong path, then trains. A direct branch whose
//! target is not in the BTB counts as mispredicted (the model has no separate, cheaper
//! decode-time redirect).

use crate::op::OpClass;
use crate::preset::BranchParams;

/// Weakly not taken.
const COUNTER_INIT: u8 = 1;

/// Direction, target and return-address prediction for one core.
#[derive(Clone, Debug)]
pub struct Predictor {
    counters: Vec<u8>,
    counter_mask: u64,
    history: u64,
    history_mask: u64,
    btb_pc: Vec<u64>,
    btb_target: Vec<u64>,
    btb_mask: u64,
    ras: Vec<u64>,
    /// Index of the next push.
    ras_top: usize,
    /// Valid entries (at most the depth; older ones are overwritten).
    ras_len: usize,
}

impl Predictor {
    /// An untrained predictor of the sizes `p` gives (table sizes are powers of two).
    pub fn new(p: &BranchParams) -> Self {
        assert!(
            p.direction_entries.is_power_of_two() && p.btb_entries.is_power_of_two(),
            "predictor tables must be powers of two"
        );
        Predictor {
            counters: vec![COUNTER_INIT; p.direction_entries as usize],
            counter_mask: u64::from(p.direction_entries - 1),
            history: 0,
            history_mask: if p.history_bits >= 64 {
                u64::MAX
            } else {
                (1u64 << p.history_bits) - 1
            },
            btb_pc: vec![u64::MAX; p.btb_entries as usize],
            btb_target: vec![0; p.btb_entries as usize],
            btb_mask: u64::from(p.btb_entries - 1),
            ras: vec![0; p.ras_depth.max(1) as usize],
            ras_top: 0,
            ras_len: 0,
        }
    }

    /// A branch of `class` at `pc` went to `next_pc`: returns whether it was mispredicted,
    /// and trains the predictor on the outcome. `class` must be a branch class.
    #[inline]
    pub fn predict_update(&mut self, class: OpClass, pc: u64, next_pc: u64) -> bool {
        match class {
            OpClass::CondBranch => self.conditional(pc, next_pc),
            OpClass::Branch | OpClass::IndirectBranch => self.target(pc, next_pc),
            OpClass::Call | OpClass::IndirectCall => {
                self.push(pc.wrapping_add(4));
                self.target(pc, next_pc)
            }
            OpClass::Return => self.pop() != Some(next_pc),
            _ => false,
        }
    }

    /// A conditional branch: direction from the counters, target from the BTB.
    #[inline]
    fn conditional(&mut self, pc: u64, next_pc: u64) -> bool {
        let taken = next_pc != pc.wrapping_add(4);
        let i = (((pc >> 2) ^ (self.history & self.history_mask)) & self.counter_mask) as usize;
        let c = self.counters[i];
        let predicted_taken = c >= 2;
        self.counters[i] = if taken {
            (c + 1).min(3)
        } else {
            c.saturating_sub(1)
        };
        self.history = (self.history << 1) | u64::from(taken);
        if !taken {
            return predicted_taken;
        }
        // A taken branch also needs its target; a wrong direction is a mispredict anyway.
        let target_wrong = self.target(pc, next_pc);
        !predicted_taken || target_wrong
    }

    /// The BTB's target for `pc`: returns whether it was missing or wrong, and learns it.
    #[inline]
    fn target(&mut self, pc: u64, next_pc: u64) -> bool {
        let i = ((pc >> 2) & self.btb_mask) as usize;
        let hit = self.btb_pc[i] == pc && self.btb_target[i] == next_pc;
        if !hit {
            self.btb_pc[i] = pc;
            self.btb_target[i] = next_pc;
        }
        !hit
    }

    fn push(&mut self, ret: u64) {
        self.ras[self.ras_top] = ret;
        self.ras_top = (self.ras_top + 1) % self.ras.len();
        self.ras_len = (self.ras_len + 1).min(self.ras.len());
    }

    fn pop(&mut self) -> Option<u64> {
        if self.ras_len == 0 {
            return None;
        }
        self.ras_len -= 1;
        self.ras_top = (self.ras_top + self.ras.len() - 1) % self.ras.len();
        Some(self.ras[self.ras_top])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(history_bits: u32, ras_depth: u32) -> BranchParams {
        BranchParams {
            mispredict_penalty: 8,
            direction_entries: 1024,
            history_bits,
            btb_entries: 256,
            ras_depth,
        }
    }

    /// Mispredictions of a loop-closing branch over `loops` runs of `trips` iterations.
    fn loop_mispredicts(p: &mut Predictor, trips: u32, loops: u32) -> u32 {
        let (pc, top) = (0x1040, 0x1000);
        let mut n = 0;
        for _ in 0..loops {
            for i in 0..trips {
                let next = if i + 1 < trips { top } else { pc + 4 };
                n += u32::from(p.predict_update(OpClass::CondBranch, pc, next));
            }
        }
        n
    }

    #[test]
    fn learns_a_loop_branch() {
        for history in [0, 8] {
            let mut p = Predictor::new(&params(history, 8));
            let n = loop_mispredicts(&mut p, 100, 50);
            // Warm-up, then at most about one miss per loop exit.
            assert!(n <= 50 + 20, "history {history}: {n} of 5000");
        }
    }

    #[test]
    fn fails_on_a_random_pattern() {
        let mut p = Predictor::new(&params(8, 8));
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut n = 0;
        for _ in 0..10_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let next = if x & 1 != 0 { 0x2000 } else { 0x1004 };
            n += u32::from(p.predict_update(OpClass::CondBranch, 0x1000, next));
        }
        assert!((3_500..=6_500).contains(&n), "{n}");
    }

    #[test]
    fn gshare_learns_an_alternating_pattern() {
        let run = |history| {
            let mut p = Predictor::new(&params(history, 8));
            (0..1000)
                .map(|i| {
                    let next = if i % 2 == 0 { 0x2000 } else { 0x1004 };
                    u32::from(p.predict_update(OpClass::CondBranch, 0x1000, next))
                })
                .sum::<u32>()
        };
        assert!(run(8) < 20);
        assert!(run(0) > 400);
    }

    #[test]
    fn return_stack_matches_calls_and_returns() {
        let mut p = Predictor::new(&params(0, 4));
        // Nested calls three deep, each from a different site.
        for (site, target) in [(0x100, 0x1000), (0x1010, 0x2000), (0x2020, 0x3000)] {
            p.predict_update(OpClass::Call, site, target);
        }
        assert!(!p.predict_update(OpClass::Return, 0x3008, 0x2024));
        assert!(!p.predict_update(OpClass::Return, 0x2008, 0x1014));
        // A return somewhere else mispredicts (and pops).
        assert!(p.predict_update(OpClass::Return, 0x1008, 0x5000));
        // Empty stack: mispredict.
        assert!(p.predict_update(OpClass::Return, 0x1008, 0x104));
        // Overflow keeps the newest `depth` entries.
        for i in 0..6u64 {
            p.predict_update(OpClass::IndirectCall, 0x100 * (i + 1), 0x9000);
        }
        for i in (2..6u64).rev() {
            assert!(!p.predict_update(OpClass::Return, 0x9004, 0x100 * (i + 1) + 4));
        }
        assert!(p.predict_update(OpClass::Return, 0x9004, 0x204));
    }

    #[test]
    fn btb_learns_targets() {
        let mut p = Predictor::new(&params(0, 4));
        assert!(p.predict_update(OpClass::Branch, 0x100, 0x800));
        assert!(!p.predict_update(OpClass::Branch, 0x100, 0x800));
        assert!(p.predict_update(OpClass::IndirectBranch, 0x200, 0x900));
        assert!(!p.predict_update(OpClass::IndirectBranch, 0x200, 0x900));
        assert!(p.predict_update(OpClass::IndirectBranch, 0x200, 0xa00));
        assert!(!p.predict_update(OpClass::IndirectBranch, 0x200, 0xa00));
        // A conditional branch predicted taken still needs the right target.
        for _ in 0..4 {
            p.predict_update(OpClass::CondBranch, 0x300, 0x400);
        }
        assert!(!p.predict_update(OpClass::CondBranch, 0x300, 0x400));
        assert!(p.predict_update(OpClass::CondBranch, 0x300, 0x500));
    }
}
