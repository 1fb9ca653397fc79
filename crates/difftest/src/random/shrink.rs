//! Shrinking a diverging case (delta debugging over its instructions): chunks of the block
//! are removed as long as the case still diverges, then single instructions, and the
//! initial registers that do not matter are zeroed. Branch offsets are clamped after each
//! removal so that branches still land inside the block.

use super::case::Case;
use a64sim_isa::{decode, Insn};

/// Clamps forward branch offsets so that no branch jumps past the terminator.
pub fn fix_branches(code: &mut [u32]) {
    let len = code.len();
    for (i, w) in code.iter_mut().enumerate() {
        let max = (len - i) as u32; // the terminator's distance
        let (lsb, width, off) = match decode(*w) {
            Insn::B(b) => (0, 26, b.imm26 as i64),
            Insn::Bl(b) => (0, 26, b.imm26 as i64),
            Insn::BCond(b) => (5, 19, b.imm19 as i64),
            Insn::Cbz(b) => (5, 19, b.imm19 as i64),
            Insn::Cbnz(b) => (5, 19, b.imm19 as i64),
            Insn::Tbz(b) => (5, 14, b.imm14 as i64),
            Insn::Tbnz(b) => (5, 14, b.imm14 as i64),
            _ => continue,
        };
        if off > max as i64 {
            let mask = ((1u32 << width) - 1) << lsb;
            *w = (*w & !mask) | (max << lsb & mask);
        }
    }
}

/// The smallest case found that still satisfies `diverges`, trying at most `budget` runs.
pub fn shrink(case: &Case, mut diverges: impl FnMut(&Case) -> bool, budget: usize) -> Case {
    let mut cur = case.clone();
    let mut tests = 0;
    let mut n = 2usize;
    while cur.code.len() > 1 && tests < budget {
        let len = cur.code.len();
        let chunk = len.div_ceil(n);
        let mut reduced = false;
        let mut start = 0;
        while start < len && tests < budget {
            let mut cand = cur.clone();
            cand.code.drain(start..(start + chunk).min(len));
            start += chunk;
            if cand.code.is_empty() {
                continue;
            }
            fix_branches(&mut cand.code);
            tests += 1;
            if diverges(&cand) {
                cur = cand;
                n = (n - 1).max(2);
                reduced = true;
                break;
            }
        }
        if !reduced {
            if chunk == 1 {
                break;
            }
            n = (n * 2).min(cur.code.len());
        }
    }
    // Registers the divergence does not depend on become 0.
    for i in 0..31 {
        if tests >= budget || cur.x[i] == 0 || super::generator::BASE.contains(&(i as u8)) {
            continue;
        }
        let mut cand = cur.clone();
        cand.x[i] = 0;
        tests += 1;
        if diverges(&cand) {
            cur = cand;
        }
    }
    cur
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::case::CaseShape;
    use crate::random::Class;

    #[test]
    fn shrinking_finds_the_one_instruction_that_matters() {
        let shape = CaseShape {
            classes: Class::ALL.to_vec(),
            els: vec![1],
            mmu: vec![true],
            mte: vec![false],
            len: 300,
        };
        let mut case = Case::generate(9, &shape);
        let culprit = 0xd503_3fdf; // isb
        case.code.retain(|&w| w != culprit);
        case.code.insert(137, culprit);
        let small = shrink(&case, |c| c.code.contains(&culprit), 10_000);
        assert_eq!(small.code, vec![culprit]);
        assert!(small
            .x
            .iter()
            .enumerate()
            .all(|(i, &v)| v == 0 || crate::random::generator::BASE.contains(&(i as u8))));
    }

    #[test]
    fn branches_are_clamped_to_the_terminator() {
        // b #+8 at index 0 of a two-instruction block lands on the terminator (+2).
        let mut code = vec![0x1400_0008, 0xd503_201f];
        fix_branches(&mut code);
        assert_eq!(code[0], 0x1400_0002);
        let mut c = vec![0x5400_0100u32]; // b.eq #+8
        fix_branches(&mut c);
        assert_eq!(c[0], 0x5400_0020);
    }
}
