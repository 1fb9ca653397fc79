//! Normalisation of disassembly text for the capstone sweep.
//!
//! a64sim prints GNU objdump syntax; capstone 5 prints LLVM syntax. Many differences are
//! presentation only, and [`normalize`] maps both to one canonical form so that only real
//! disagreements remain:
//!
//! - case: everything is lower-cased (capstone and objdump agree on lower case, except that
//!   objdump writes `C7` for the CRn/CRm operands of `sys`/`sysl`);
//! - spacing: one space after the mnemonic, `", "` between operands, none inside `[...]`
//!   or `{...}` next to the brackets;
//! - numbers: `#0x10`, `#16`, `#0x0010` and branch targets with or without `#` (capstone
//!   writes `b #0x1000`, objdump `b 0x1000`) all become `0x10`. Negative numbers are taken
//!   modulo 2^64, or 2^32 when the instruction has a W register operand: capstone prints
//!   logical immediates as signed (`and x0, x1, #-2`, `mov w1, #-0x7f7f7f80`) and negative
//!   post-index offsets as 64-bit unsigned (`[x9], #0xffffffffffffffff`), objdump prints
//!   `#0xfffffffffffffffe`, `#0x80808080` and `#-1`;
//! - condition aliases: capstone writes `hs`/`lo`, objdump `cs`/`cc` (`b.hs`, `csel ..., lo`);
//! - register aliases: `fp`, `lr`, `ip0`, `ip1` become `x29`, `x30`, `x16`, `x17`.
//!
//! [`capstone_aliases`] additionally rewrites capstone text where capstone prints the
//! aliased instruction instead of the preferred alias and the rewrite is exact by the Arm ARM
//! alias condition (for example `subps xzr, xn, xm` is `cmpp xn, xm`). Differences that are
//! capstone bugs or missing features, rather than presentation, are not normalised away: they
//! are listed, with their reason, in `capstone-allowlist.toml`.

/// Returns the canonical form of one instruction's text (mnemonic and operands).
pub fn normalize(text: &str) -> String {
    let text = text.trim().to_ascii_lowercase();
    let (mnemonic, operands) = match text.split_once(|c: char| c.is_ascii_whitespace()) {
        Some((m, rest)) => (m, rest.trim()),
        None => (text.as_str(), ""),
    };
    let mnemonic = canonical_mnemonic(mnemonic);
    let tokens = tokenize(operands);
    let w_context = tokens
        .iter()
        .any(|t| matches!(t, Token::Word(w) if is_w_register(w)));

    let mut out = mnemonic;
    if tokens.is_empty() {
        return out;
    }
    out.push(' ');
    let mut prev_word = false;
    for token in &tokens {
        match token {
            Token::Word(w) => {
                if prev_word {
                    out.push(' ');
                }
                match parse_number(w) {
                    Some(value) => {
                        let value = if w_context {
                            value & 0xffff_ffff
                        } else {
                            value
                        };
                        out.push_str(&format!("0x{value:x}"));
                    }
                    None => out.push_str(canonical_word(w)),
                }
                prev_word = true;
            }
            Token::Delim(',') => {
                out.push_str(", ");
                prev_word = false;
            }
            Token::Delim(c) => {
                out.push(*c);
                prev_word = false;
            }
        }
    }
    // A zero offset is optional syntax: objdump prints `ldraa x0, [x1]!` where capstone
    // prints `[x1, #0]!`.
    out.replace(", 0x0]", "]")
}

/// Rewrites capstone's text where capstone prints the base instruction instead of the
/// preferred alias and the alias condition can be checked on the text alone. Input and
/// output are normalised text (see [`normalize`]).
pub fn capstone_aliases(normalized: &str) -> String {
    // CMPP is SUBPS with Rd == XZR (Arm ARM C6.2 CMPP: "alias of SUBPS ... S == 1 && Rd == 11111").
    if let Some(rest) = normalized.strip_prefix("subps xzr, ") {
        return format!("cmpp {rest}");
    }
    normalized.to_owned()
}

/// One lexical piece of an operand list.
#[derive(Debug, PartialEq, Eq)]
enum Token<'a> {
    /// A register, number, name or shift keyword.
    Word(&'a str),
    /// Punctuation: `, [ ] { } !`.
    Delim(char),
}

fn tokenize(operands: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in operands.char_indices() {
        let delim = matches!(c, ',' | '[' | ']' | '{' | '}' | '!');
        if delim || c.is_ascii_whitespace() {
            if let Some(s) = start.take() {
                tokens.push(Token::Word(&operands[s..i]));
            }
            if delim {
                tokens.push(Token::Delim(c));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        tokens.push(Token::Word(&operands[s..]));
    }
    tokens
}

/// Parses `#0x10`, `#16`, `#-0x10`, `0x1000`, `16`; returns the value modulo 2^64.
fn parse_number(word: &str) -> Option<u64> {
    let digits = word.strip_prefix('#').unwrap_or(word);
    let (negative, digits) = match digits.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, digits),
    };
    let magnitude = if let Some(hex) = digits.strip_prefix("0x") {
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u64::from_str_radix(hex, 16).ok()?
    } else {
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse::<u64>().ok()?
    };
    Some(if negative {
        magnitude.wrapping_neg()
    } else {
        magnitude
    })
}

fn is_w_register(word: &str) -> bool {
    match word.strip_prefix('w') {
        Some("zr" | "sp") => true,
        Some(n) => !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()),
        None => false,
    }
}

/// Canonical spelling of a non-numeric operand word.
fn canonical_word(word: &str) -> &str {
    match word {
        "fp" => "x29",
        "lr" => "x30",
        "ip0" => "x16",
        "ip1" => "x17",
        "hs" => "cs",
        "lo" => "cc",
        other => other,
    }
}

/// Condition suffixes: `b.hs`/`b.lo` (and `bc.hs`/`bc.lo`) are written `b.cs`/`b.cc` by objdump.
fn canonical_mnemonic(mnemonic: &str) -> String {
    match mnemonic.rsplit_once('.') {
        Some((base, "hs")) => format!("{base}.cs"),
        Some((base, "lo")) => format!("{base}.cc"),
        _ => mnemonic.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_targets() {
        assert_eq!(normalize("add x0, x1, #16"), normalize("add x0, x1, #0x10"));
        assert_eq!(normalize("b #0x2b4"), normalize("b 0x2b4"));
        assert_eq!(normalize("dsb #0x08"), "dsb 0x8");
        assert_eq!(
            normalize("tbz w1, #0x1f, #0x374"),
            normalize("tbz w1, #31, 0x374")
        );
    }

    #[test]
    fn signed_immediates() {
        assert_eq!(
            normalize("ands x8, x9, #-2"),
            normalize("ands x8, x9, #0xfffffffffffffffe")
        );
        assert_eq!(
            normalize("mov w1, #-0x7f7f7f80"),
            normalize("mov w1, #0x80808080")
        );
        assert_eq!(
            normalize("strb w8, [x9], #0xffffffffffffffff"),
            normalize("strb w8, [x9], #-1")
        );
        assert_eq!(
            normalize("ldr x8, [x9], #0xffffffffffffffff"),
            normalize("ldr x8, [x9], #-1")
        );
        assert_ne!(
            normalize("ldr x8, [x9], #0xffffffff"),
            normalize("ldr x8, [x9], #-1")
        );
    }

    #[test]
    fn spacing_case_conditions_registers() {
        assert_eq!(
            normalize("sys #0, C7, C1, #1, x2"),
            normalize("sys  #0,c7, c1,#1, x2")
        );
        assert_eq!(normalize("ldr x1, [ sp , #8 ]!"), "ldr x1, [sp, 0x8]!");
        assert_eq!(normalize("b.hs #0x354"), normalize("b.cs 0x354"));
        assert_eq!(
            normalize("csel x3, x4, x5, lo"),
            normalize("csel x3, x4, x5, cc")
        );
        assert_eq!(
            normalize("stp fp, lr, [sp, #-0x10]!"),
            normalize("stp x29, x30, [sp, #-16]!")
        );
        assert_eq!(normalize("MRS X0, GCR_EL1"), "mrs x0, gcr_el1");
        assert_eq!(
            normalize("add x0, x1, x2, lsl #1"),
            "add x0, x1, x2, lsl 0x1"
        );
        assert_eq!(normalize("nop"), "nop");
        assert_eq!(
            normalize("ldrab x2, [x1, #0]!"),
            normalize("ldrab x2, [x1]!")
        );
        assert_eq!(normalize("stg x0, [x1, #0]"), "stg x0, [x1]");
        assert_eq!(normalize("psb csync"), "psb csync");
    }

    #[test]
    fn capstone_cmpp() {
        assert_eq!(
            capstone_aliases(&normalize("subps xzr, x9, x10")),
            normalize("cmpp x9, x10")
        );
        assert_eq!(
            capstone_aliases(&normalize("subps x1, x9, x10")),
            normalize("subps x1, x9, x10")
        );
    }
}
