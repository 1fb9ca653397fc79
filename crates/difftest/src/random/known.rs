//! Divergences that are QEMU's, not a64sim's: each rule names an entry of
//! `tests/difftest/known-qemu-differences.md` and recognises a shrunk case that shows it.
//! A divergence is only ever filtered by a named rule, and reports say which.

use super::case::{Case, FLAG_MMU, FLAG_MTE};
use a64sim_isa::{decode, Insn};

/// One known QEMU difference.
#[derive(Clone, Copy, Debug)]
pub struct KnownRule {
    /// Its name in known-qemu-differences.md.
    pub name: &'static str,
    /// Whether an instruction of the (shrunk) case can show it.
    matches: fn(&Case, u32) -> bool,
}

fn is_dc(w: u32, op: u32) -> bool {
    w & !0x1f == op
}

/// Every rule.
pub static RULES: &[KnownRule] = &[
    KnownRule {
        name: "ldxr-alignment-wnr",
        matches: |_, w| matches!(decode(w), Insn::LdStExcl(_) | Insn::LdStExclPair(_)),
    },
    KnownRule {
        name: "mte-cas-tag-fault-wnr",
        matches: |c, w| {
            c.flags & FLAG_MTE != 0 && matches!(decode(w), Insn::Cas(_) | Insn::Casp(_))
        },
    },
    KnownRule {
        name: "mte-dc-zva-tag-fault",
        matches: |c, w| c.flags & FLAG_MTE != 0 && is_dc(w, 0xd50b_7420),
    },
    KnownRule {
        name: "mte-stxr-tagged-monitor",
        matches: |c, w| c.flags & FLAG_MTE != 0 && matches!(decode(w), Insn::LdStExcl(i) if !i.l),
    },
    KnownRule {
        name: "dc-zva-device-memory",
        matches: |c, w| {
            c.flags & FLAG_MMU == 0
                && [0xd50b_7420, 0xd50b_7460, 0xd50b_7480]
                    .iter()
                    .any(|&op| is_dc(w, op))
        },
    },
    KnownRule {
        name: "daifset-trap-iss-op1-op2-swapped",
        matches: |c, w| c.el == 0 && matches!(decode(w), Insn::MsrImm(_)),
    },
];

/// The rule that explains a divergence of the shrunk case `c`, if one does.
pub fn explain(c: &Case) -> Option<&'static str> {
    RULES
        .iter()
        .find(|r| c.code.iter().any(|&w| (r.matches)(c, w)))
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
}
