//! Divergences that are QEMU's, not a64sim's: each rule names an entry of
//! `tests/difftest/known-qemu-differences.md`, recognises an instruction of the shrunk case
//! that can show it, and checks that the outputs differ only the way the entry says (so a
//! rule never hides an unrelated bug). A divergence is only ever filtered by a named rule,
//! and reports say which.

use super::case::{Case, FLAG_MMU, FLAG_MTE};
use a64sim_isa::{decode, Insn};

/// One known QEMU difference.
#[derive(Clone, Copy, Debug)]
pub struct KnownRule {
    /// Its name in known-qemu-differences.md.
    pub name: &'static str,
    /// Whether an instruction of the (shrunk) case can show it.
    insn: fn(&Case, u32) -> bool,
    /// Whether the two outputs (a64sim's, QEMU's) differ only as the rule says.
    diff: fn(&str, &str) -> bool,
    /// `diff` pins the difference down exactly (ESR bits, a count of faults), so the rule
    /// may explain a long case without shrinking it first.
    tight: bool,
}

fn is_dc(w: u32, op: u32) -> bool {
    w & !0x1f == op
}

/// DC ZVA, DC GVA, DC GZVA (Rt clear): the block-zeroing and tag-setting DC operations.
const DC_ZERO_OPS: [u32; 3] = [0xd50b_7420, 0xd50b_7460, 0xd50b_7480];

/// The `(a64sim, qemu)` values of the lines that differ, by line name; `None` when the
/// outputs do not have the same line names.
fn differing(a: &str, q: &str) -> Option<Vec<(String, u64, u64)>> {
    let (al, ql): (Vec<&str>, Vec<&str>) = (a.lines().collect(), q.lines().collect());
    if al.len() != ql.len() {
        return None;
    }
    let mut out = Vec::new();
    for (x, y) in al.iter().zip(&ql) {
        if x == y {
            continue;
        }
        let (xn, xv) = x.split_once('=')?;
        let (yn, yv) = y.split_once('=')?;
        if xn != yn {
            return None;
        }
        let p = |v: &str| u64::from_str_radix(v, 16).ok();
        out.push((xn.to_string(), p(xv)?, p(yv)?));
    }
    Some(out)
}

/// Only ESR values differ, and only in the bits of `mask`.
fn only_esr_bits(a: &str, q: &str, mask: u64) -> bool {
    differing(a, q).is_some_and(|d| {
        !d.is_empty()
            && d.iter()
                .all(|(n, x, y)| n.ends_with("_esr") && (x ^ y) & !mask == 0)
    })
}

/// WnR (ESR bit 6).
const WNR: u64 = 1 << 6;

/// Only the WnR bit of data aborts with fault status `dfsc` differs.
fn only_wnr_of(a: &str, q: &str, dfsc: u64) -> bool {
    only_esr_bits(a, q, WNR)
        && differing(a, q).is_some_and(|d| d.iter().all(|(_, x, _)| x & 0x3f == dfsc))
}

/// Data aborts with DFSC `dfsc` (EC 0x24/0x25) in an output.
fn data_aborts(out: &str, dfsc: u64) -> usize {
    out.lines()
        .filter(|l| {
            l.split_once("_esr=")
                .and_then(|(_, v)| u64::from_str_radix(v, 16).ok())
                .is_some_and(|e| e >> 26 & 0x3e == 0x24 && e & 0x3f == dfsc)
        })
        .count()
}

/// Alignment faults in an output.
fn alignment_faults(out: &str) -> usize {
    data_aborts(out, 0x21)
}

/// Synchronous tag-check faults (DFSC 0x11 with EC 0x24/0x25) in an output.
fn tag_faults(out: &str) -> usize {
    data_aborts(out, 0x11)
}

/// Every rule.
pub static RULES: &[KnownRule] = &[
    KnownRule {
        name: "ldxr-alignment-wnr",
        insn: |_, w| matches!(decode(w), Insn::LdStExcl(_) | Insn::LdStExclPair(_)),
        diff: |a, q| only_wnr_of(a, q, 0x21),
        tight: true,
    },
    KnownRule {
        name: "atomic-alignment-wnr",
        insn: |_, w| {
            matches!(
                decode(w),
                Insn::LdAtomic(_) | Insn::Swp(_) | Insn::Cas(_) | Insn::Casp(_)
            )
        },
        diff: |a, q| only_wnr_of(a, q, 0x21),
        tight: true,
    },
    KnownRule {
        name: "mte-cas-tag-fault-wnr",
        insn: |c, w| c.flags & FLAG_MTE != 0 && matches!(decode(w), Insn::Cas(_) | Insn::Casp(_)),
        diff: |a, q| only_wnr_of(a, q, 0x11),
        tight: true,
    },
    KnownRule {
        name: "mte-dc-zva-tag-fault",
        insn: |c, w| c.flags & FLAG_MTE != 0 && is_dc(w, 0xd50b_7420),
        diff: |a, q| only_wnr_of(a, q, 0x11),
        tight: true,
    },
    KnownRule {
        name: "mte-stxr-tagged-monitor",
        insn: |c, w| c.flags & FLAG_MTE != 0 && matches!(decode(w), Insn::LdStExcl(i) if !i.l),
        diff: |_, _| true,
        tight: false,
    },
    KnownRule {
        name: "dc-zva-device-memory",
        insn: |c, w| c.flags & FLAG_MMU == 0 && DC_ZERO_OPS.iter().any(|&op| is_dc(w, op)),
        diff: |_, _| true,
        tight: false,
    },
    KnownRule {
        name: "mte-ldapur-stlur-unchecked",
        insn: |c, w| c.flags & FLAG_MTE != 0 && matches!(decode(w), Insn::LdStRcpcUnscaled(_)),
        diff: |a, q| tag_faults(a) > tag_faults(q),
        tight: true,
    },
    KnownRule {
        name: "lse2-exclusive-alignment",
        insn: |_, w| matches!(decode(w), Insn::LdStExcl(_) | Insn::LdStExclPair(_)),
        diff: |a, q| alignment_faults(a) > alignment_faults(q),
        tight: true,
    },
    KnownRule {
        name: "stxr-narrower-than-ldxr",
        insn: |_, w| matches!(decode(w), Insn::LdStExcl(i) if !i.l),
        // Only the status register and the scratch memory may differ.
        diff: |a, q| {
            differing(a, q).is_some_and(|d| {
                d.iter()
                    .all(|(n, _, _)| n == "scratch_cksum" || n.starts_with('x'))
            })
        },
        tight: false,
    },
    KnownRule {
        name: "daifset-trap-iss-op1-op2-swapped",
        insn: |c, w| c.el == 0 && matches!(decode(w), Insn::MsrImm(_)),
        // The ISS Op1/Op2/CRm fields (bits 21:1).
        diff: |a, q| only_esr_bits(a, q, 0x3f_fffe),
        tight: true,
    },
];

/// Instructions a case is not given because they always show a known QEMU difference in
/// its configuration (they would only cost shrinking time and hide other findings): DC
/// ZVA/GVA/GZVA with the MMU off (`dc-zva-device-memory`), MSR DAIFSet/DAIFClr at EL0
/// (`daifset-trap-iss-op1-op2-swapped`) and LDAPUR/STLUR with MTE on
/// (`mte-ldapur-stlur-unchecked`: most of their tagged pointers mismatch).
pub fn always_differs(el: u8, flags: u64, w: u32) -> bool {
    let dc = DC_ZERO_OPS.iter().any(|&op| is_dc(w, op));
    (flags & FLAG_MMU == 0 && dc)
        || (el == 0 && matches!(decode(w), Insn::MsrImm(_)))
        || (flags & FLAG_MTE != 0 && matches!(decode(w), Insn::LdStRcpcUnscaled(_)))
}

/// Like [`explain`] with the rules whose output check is exact (usable on a case that was
/// not shrunk), also returning the instruction word the rule recognised.
pub fn explain_with_word(c: &Case, a64sim: &[u8], qemu: &[u8]) -> Option<(&'static str, u32)> {
    let (a, q) = (
        String::from_utf8_lossy(a64sim),
        String::from_utf8_lossy(qemu),
    );
    RULES.iter().filter(|r| r.tight).find_map(|r| {
        let w = c.code.iter().copied().find(|&w| (r.insn)(c, w))?;
        (r.diff)(&a, &q).then_some((r.name, w))
    })
}

/// The rule that explains a divergence of the shrunk case `c` with outputs `a64sim` and
/// `qemu`, if one does.
pub fn explain(c: &Case, a64sim: &[u8], qemu: &[u8]) -> Option<&'static str> {
    let (a, q) = (
        String::from_utf8_lossy(a64sim),
        String::from_utf8_lossy(qemu),
    );
    RULES
        .iter()
        .find(|r| c.code.iter().any(|&w| (r.insn)(c, w)) && (r.diff)(&a, &q))
        .map(|r| r.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_names_a_documented_difference() {
        let doc = include_str!("../../../../tests/difftest/known-qemu-differences.md");
        for r in RULES {
            assert!(doc.contains(&format!("## `{}`", r.name)), "{}", r.name);
        }
    }

    #[test]
    fn a_rule_explains_only_the_difference_it_names() {
        let case = Case::from_source("// param el 1\n.inst 0xc8adfe9a\n").unwrap(); // casl
        let a = "x0=0000000000000001\ne00_esr=0000000096000021\n";
        let q = "x0=0000000000000001\ne00_esr=0000000096000061\n";
        assert_eq!(
            explain(&case, a.as_bytes(), q.as_bytes()),
            Some("atomic-alignment-wnr")
        );
        let other = "x0=0000000000000002\ne00_esr=0000000096000061\n";
        assert_eq!(explain(&case, a.as_bytes(), other.as_bytes()), None);
        let nop = Case::from_source("// param el 1\n.inst 0xd503201f\n").unwrap();
        assert_eq!(explain(&nop, a.as_bytes(), q.as_bytes()), None);
    }
}
