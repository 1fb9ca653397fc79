//! Generates the decoder from the encoding table in `encodings/*.decode`.
//!
//! Each `.decode` file is one section of the Arm ARM A64 encoding index. A row is
//!
//! ```text
//! Name      field:width[:type] 0101 other:3 ...   [if=guard_fn]
//! unimplemented ClassName  x1x0 ...               (FP/SIMD and friends: emulator error)
//! unallocated   0000 xxxx ...                     (reserved space carved out of a wider row)
//! ```
//!
//! The bits are written most significant first and must add up to 32. `0`/`1` are fixed
//! bits, `x` a bit that does not matter (only in `unimplemented`/`unallocated` rows). Field
//! types: `X` (general register, 31 = XZR/WZR), `XS` (31 = SP), `s` (sign-extended to i32);
//! otherwise a 1-bit field is a `bool` and wider ones the smallest unsigned integer.
//!
//! From these rows we generate, once: a struct per row with `decode`/`encode`, the `Insn`
//! enum, `decode(u32)`, one visitor trait per section (no default methods) plus the
//! `Visitor` super-trait, `Insn::visit`, and `ENCODINGS` metadata for table tests and random
//! program generators. First matching row wins; the table tests check that every overlap
//! is deliberate (the earlier row is more specific or guarded).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

/// Kinds of table rows.
#[derive(Clone, PartialEq)]
enum Kind {
    Insn,
    Unimplemented(String),
    Unallocated,
}

#[derive(Clone)]
struct Field {
    name: String,
    lsb: u32,
    width: u32,
    ty: String,
}

#[derive(Clone)]
struct Row {
    kind: Kind,
    name: String,
    section: String,
    mask: u32,
    value: u32,
    fields: Vec<Field>,
    guard: Option<String>,
    file: String,
    line: usize,
}

fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The handler method name of a row: snake case, as a raw identifier when it is a keyword.
fn method(name: &str) -> String {
    const KEYWORDS: &[&str] = &[
        "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn",
        "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
        "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
        "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final",
        "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
    ];
    let s = snake(name);
    if KEYWORDS.contains(&s.as_str()) {
        format!("r#{s}")
    } else {
        s
    }
}

fn camel(stem: &str) -> String {
    stem.split('_')
        .map(|p| {
            let mut c = p.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn rust_type(f: &Field) -> String {
    match f.ty.as_str() {
        "X" => "XReg".into(),
        "XS" => "XRegSp".into(),
        "s" => "i32".into(),
        "" if f.width == 1 => "bool".into(),
        "" if f.width <= 8 => "u8".into(),
        "" if f.width <= 16 => "u16".into(),
        "" => "u32".into(),
        other => panic!("unknown field type `{other}` for field {}", f.name),
    }
}

fn parse_row(line: &str, section: &str, file: &str, lineno: usize) -> Row {
    let mut toks = line.split_whitespace();
    let first = toks.next().unwrap();
    let (kind, name) = match first {
        "unimplemented" => {
            let class = toks
                .next()
                .unwrap_or_else(|| panic!("{file}:{lineno}: class missing"));
            (
                Kind::Unimplemented(class.to_string()),
                format!("Unimplemented{class}"),
            )
        }
        "unallocated" => (Kind::Unallocated, "Unallocated".to_string()),
        n => (Kind::Insn, n.to_string()),
    };
    let mut bit = 32i32;
    let mut mask = 0u32;
    let mut value = 0u32;
    let mut fields = Vec::new();
    let mut guard = None;
    for t in toks {
        if let Some(g) = t.strip_prefix("if=") {
            guard = Some(g.to_string());
            continue;
        }
        if t.chars().all(|c| matches!(c, '0' | '1' | 'x')) {
            for c in t.chars() {
                bit -= 1;
                assert!(bit >= 0, "{file}:{lineno}: more than 32 bits");
                match c {
                    '1' => {
                        mask |= 1 << bit;
                        value |= 1 << bit;
                    }
                    '0' => mask |= 1 << bit,
                    _ => assert!(
                        kind != Kind::Insn,
                        "{file}:{lineno}: `x` bits only in unimplemented/unallocated rows"
                    ),
                }
            }
            continue;
        }
        let parts: Vec<&str> = t.split(':').collect();
        assert!(
            parts.len() >= 2,
            "{file}:{lineno}: bad token `{t}` (want name:width[:type])"
        );
        let width: u32 = parts[1]
            .parse()
            .unwrap_or_else(|_| panic!("{file}:{lineno}: bad width in `{t}`"));
        bit -= width as i32;
        assert!(bit >= 0, "{file}:{lineno}: more than 32 bits");
        assert!(
            kind == Kind::Insn,
            "{file}:{lineno}: fields only in instruction rows"
        );
        fields.push(Field {
            name: parts[0].to_string(),
            lsb: bit as u32,
            width,
            ty: parts.get(2).copied().unwrap_or("").to_string(),
        });
    }
    assert!(
        bit == 0,
        "{file}:{lineno}: row has {} bits, want 32",
        32 - bit
    );
    Row {
        kind,
        name,
        section: section.to_string(),
        mask,
        value,
        fields,
        guard,
        file: file.to_string(),
        line: lineno,
    }
}

/// Sections in the order of the Arm ARM encoding index; earlier rows win.
const SECTIONS: &[&str] = &["dp_imm", "branch_sys", "ldst", "dp_reg", "fp_simd"];

fn main() {
    let dir = Path::new("encodings");
    println!("cargo:rerun-if-changed=encodings");
    let mut rows = Vec::new();
    for section in SECTIONS {
        let path = dir.join(format!("{section}.decode"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap().trim();
            if line.is_empty() {
                continue;
            }
            rows.push(parse_row(line, section, &path.display().to_string(), i + 1));
        }
    }
    let mut names = BTreeSet::new();
    for r in &rows {
        if r.kind == Kind::Insn {
            assert!(
                names.insert(r.name.clone()),
                "{}:{}: duplicate row name {}",
                r.file,
                r.line,
                r.name
            );
        }
    }
    let mut out = String::new();
    gen_structs(&mut out, &rows);
    gen_enum(&mut out, &rows);
    gen_decode(&mut out, &rows);
    gen_visitors(&mut out, &rows);
    gen_metadata(&mut out, &rows);
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("generated.rs");
    std::fs::write(dest, out).unwrap();
}

fn insn_rows(rows: &[Row]) -> impl Iterator<Item = &Row> {
    rows.iter().filter(|r| r.kind == Kind::Insn)
}

fn gen_structs(out: &mut String, rows: &[Row]) {
    for r in insn_rows(rows) {
        let _ = writeln!(
            out,
            "/// `{}` ({}:{}), section `{}`.",
            r.name,
            Path::new(&r.file).file_name().unwrap().to_string_lossy(),
            r.line,
            r.section
        );
        let _ = writeln!(out, "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]");
        let _ = writeln!(out, "pub struct {} {{", r.name);
        for f in &r.fields {
            let _ = writeln!(
                out,
                "    /// Bits [{}:{}].\n    pub {}: {},",
                f.lsb + f.width - 1,
                f.lsb,
                f.name,
                rust_type(f)
            );
        }
        let _ = writeln!(out, "}}");
        let _ = writeln!(out, "impl {} {{", r.name);
        let _ = writeln!(
            out,
            "    /// Fixed bits of the encoding.\n    pub const MASK: u32 = {:#010x};",
            r.mask
        );
        let _ = writeln!(
            out,
            "    /// Values of the fixed bits.\n    pub const VALUE: u32 = {:#010x};",
            r.value
        );
        let _ = writeln!(
            out,
            "    /// Extracts the fields of a word that matches this row."
        );
        let _ = writeln!(
            out,
            "    #[inline]\n    #[allow(unused_variables, reason = \"rows without fields\")]"
        );
        let _ = writeln!(
            out,
            "    pub fn from_word(w: u32) -> Self {{\n        Self {{"
        );
        for f in &r.fields {
            let raw = if f.lsb == 0 {
                format!("(w & {:#x})", (1u64 << f.width) - 1)
            } else {
                format!("((w >> {}) & {:#x})", f.lsb, (1u64 << f.width) - 1)
            };
            let conv = match rust_type(f).as_str() {
                "bool" => format!("{raw} != 0"),
                "XReg" => format!("XReg::new({raw} as u8)"),
                "XRegSp" => format!("XRegSp::new({raw} as u8)"),
                "i32" => format!("(({raw} << {sh}) as i32) >> {sh}", sh = 32 - f.width),
                t => format!("{raw} as {t}"),
            };
            let _ = writeln!(out, "            {}: {},", f.name, conv);
        }
        let _ = writeln!(out, "        }}\n    }}");
        let _ = writeln!(
            out,
            "    /// Builds the instruction word back from the fields."
        );
        let _ = writeln!(
            out,
            "    pub fn encode(&self) -> u32 {{\n        {}w = Self::VALUE;",
            if r.fields.is_empty() {
                "let "
            } else {
                "let mut "
            }
        );
        for f in &r.fields {
            let val = match rust_type(f).as_str() {
                "bool" => format!("self.{} as u32", f.name),
                "XReg" | "XRegSp" => format!("self.{}.num() as u32", f.name),
                _ => format!("self.{} as u32", f.name),
            };
            let _ = writeln!(
                out,
                "        w |= (({val}) & {:#x}) << {};",
                (1u64 << f.width) - 1,
                f.lsb
            );
        }
        let _ = writeln!(out, "        w\n    }}\n}}");
    }
}

fn gen_enum(out: &mut String, rows: &[Row]) {
    let classes: BTreeSet<String> = rows
        .iter()
        .filter_map(|r| match &r.kind {
            Kind::Unimplemented(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let _ = writeln!(out, "/// Encoding classes that decode but are not executed yet (an emulator error, never a guest UNDEF).");
    let _ = writeln!(
        out,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum UnimplClass {{"
    );
    for c in &classes {
        let _ = writeln!(out, "    /// `{c}` encodings.\n    {c},");
    }
    let _ = writeln!(out, "}}");
    let _ = writeln!(out, "impl UnimplClass {{\n    /// The class name as written in the table.\n    pub fn name(self) -> &'static str {{\n        match self {{");
    for c in &classes {
        let _ = writeln!(out, "            UnimplClass::{c} => \"{c}\",");
    }
    let _ = writeln!(out, "        }}\n    }}\n}}");

    let _ = writeln!(
        out,
        "/// Sections of the A64 encoding index, one `.decode` file each."
    );
    let _ = writeln!(
        out,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Section {{"
    );
    for s in SECTIONS {
        let _ = writeln!(out, "    /// `encodings/{s}.decode`.\n    {},", camel(s));
    }
    let _ = writeln!(out, "}}");
    let _ = writeln!(
        out,
        "/// A decoded A64 instruction: one variant per row of the encoding table."
    );
    let _ = writeln!(
        out,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Insn {{"
    );
    let _ = writeln!(
        out,
        "    /// Unallocated encoding: UNDEFINED.\n    Unallocated,"
    );
    let _ = writeln!(
        out,
        "    /// An encoding a64sim does not execute yet.\n    Unimplemented(UnimplClass),"
    );
    for r in insn_rows(rows) {
        let _ = writeln!(out, "    /// See [`{0}`].\n    {0}({0}),", r.name);
    }
    let _ = writeln!(out, "}}");
    let _ = writeln!(out, "impl Insn {{");
    let _ = writeln!(out, "    /// The table row name of this instruction.\n    pub fn name(&self) -> &'static str {{\n        match self {{");
    let _ = writeln!(out, "            Insn::Unallocated => \"Unallocated\",\n            Insn::Unimplemented(c) => c.name(),");
    for r in insn_rows(rows) {
        let _ = writeln!(out, "            Insn::{0}(_) => \"{0}\",", r.name);
    }
    let _ = writeln!(out, "        }}\n    }}");
    let _ = writeln!(out, "    /// The encoding-index section of this instruction (`None` for `Unallocated`/`Unimplemented`).\n    pub fn section(&self) -> Option<Section> {{\n        match self {{");
    let _ = writeln!(
        out,
        "            Insn::Unallocated | Insn::Unimplemented(_) => None,"
    );
    for r in insn_rows(rows) {
        let _ = writeln!(
            out,
            "            Insn::{}(_) => Some(Section::{}),",
            r.name,
            camel(&r.section)
        );
    }
    let _ = writeln!(out, "        }}\n    }}");
    let _ = writeln!(out, "    /// The instruction word, or `None` for `Unallocated`/`Unimplemented`.\n    pub fn encode(&self) -> Option<u32> {{\n        match self {{");
    let _ = writeln!(
        out,
        "            Insn::Unallocated | Insn::Unimplemented(_) => None,"
    );
    for r in insn_rows(rows) {
        let _ = writeln!(out, "            Insn::{0}(i) => Some(i.encode()),", r.name);
    }
    let _ = writeln!(out, "        }}\n    }}\n}}");
}

/// Bits of the word that select the decode bucket.
const BUCKET_SHIFT: u32 = 21;
const BUCKET_BITS: u32 = 11;

fn gen_decode(out: &mut String, rows: &[Row]) {
    let nb = 1usize << BUCKET_BITS;
    let bmask: u32 = ((1u32 << BUCKET_BITS) - 1) << BUCKET_SHIFT;
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); nb];
    for (i, r) in rows.iter().enumerate() {
        for (b, bucket) in buckets.iter_mut().enumerate() {
            let bv = (b as u32) << BUCKET_SHIFT;
            let m = r.mask & bmask;
            if bv & m == r.value & m {
                bucket.push(i);
            }
        }
    }
    // Identical bucket lists share one static slice.
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut bucket_list = Vec::with_capacity(nb);
    for b in &buckets {
        let idx = match lists.iter().position(|l| l == b) {
            Some(p) => p,
            None => {
                lists.push(b.clone());
                lists.len() - 1
            }
        };
        bucket_list.push(idx);
    }
    for (i, l) in lists.iter().enumerate() {
        let items: Vec<String> = l.iter().map(|x| x.to_string()).collect();
        let _ = writeln!(
            out,
            "static LIST_{i}: [u16; {}] = [{}];",
            l.len(),
            items.join(", ")
        );
    }
    let _ = writeln!(out, "static BUCKETS: [&[u16]; {nb}] = [");
    for idx in &bucket_list {
        let _ = writeln!(out, "    &LIST_{idx},");
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(
        out,
        "static ROW_MASK: [u32; {}] = [{}];",
        rows.len(),
        rows.iter()
            .map(|r| format!("{:#x}", r.mask))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        out,
        "static ROW_VALUE: [u32; {}] = [{}];",
        rows.len(),
        rows.iter()
            .map(|r| format!("{:#x}", r.value))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        out,
        "/// Decodes one instruction word. Never panics; every word gives an `Insn`."
    );
    let _ = writeln!(out, "pub fn decode(w: u32) -> Insn {{");
    let _ = writeln!(
        out,
        "    for &row in BUCKETS[(w >> {BUCKET_SHIFT}) as usize & {:#x}] {{",
        nb - 1
    );
    let _ = writeln!(out, "        let row = row as usize;");
    let _ = writeln!(
        out,
        "        if w & ROW_MASK[row] != ROW_VALUE[row] {{\n            continue;\n        }}"
    );
    let _ = writeln!(out, "        match row {{");
    for (i, r) in rows.iter().enumerate() {
        let guard = r
            .guard
            .as_ref()
            .map(|g| format!("if crate::guards::{g}(w) "))
            .unwrap_or_default();
        let val = match &r.kind {
            Kind::Insn => format!("Insn::{0}({0}::from_word(w))", r.name),
            Kind::Unimplemented(c) => format!("Insn::Unimplemented(UnimplClass::{c})"),
            Kind::Unallocated => "Insn::Unallocated".to_string(),
        };
        let _ = writeln!(out, "            {i} {guard}=> return {val},");
    }
    let _ = writeln!(
        out,
        "            _ => {{}}\n        }}\n    }}\n    Insn::Unallocated\n}}"
    );
}

fn gen_visitors(out: &mut String, rows: &[Row]) {
    let _ = writeln!(out, "/// What every visitor of `Insn` has in common: the output type and the two non-row outcomes.");
    let _ = writeln!(
        out,
        "pub trait VisitorBase {{\n    /// What each handler returns.\n    type Output;"
    );
    let _ = writeln!(out, "    /// An unallocated encoding (UNDEFINED).\n    fn unallocated(&mut self) -> Self::Output;");
    let _ = writeln!(out, "    /// An encoding that decodes but is not implemented yet.\n    fn unimplemented(&mut self, class: UnimplClass) -> Self::Output;\n}}");
    let mut supers = Vec::new();
    for section in SECTIONS {
        let sec_rows: Vec<&Row> = insn_rows(rows).filter(|r| r.section == *section).collect();
        let tr = format!("{}Visitor", camel(section));
        let _ = writeln!(out, "/// Handlers for the rows of `encodings/{section}.decode` (no defaults: a new row must be handled).");
        let _ = writeln!(out, "pub trait {tr}: VisitorBase {{");
        for r in &sec_rows {
            let _ = writeln!(
                out,
                "    /// Handles [`{0}`].\n    fn {1}(&mut self, i: {0}) -> Self::Output;",
                r.name,
                method(&r.name)
            );
        }
        let _ = writeln!(out, "}}");
        supers.push(tr);
    }
    let _ = writeln!(out, "/// A consumer of every row of the encoding table.");
    let _ = writeln!(out, "pub trait Visitor: {} {{}}", supers.join(" + "));
    let _ = writeln!(out, "impl<T: {}> Visitor for T {{}}", supers.join(" + "));
    let _ = writeln!(out, "impl Insn {{\n    /// Calls the handler of `v` for this instruction. Takes `&self` so that the fields\n    /// are read straight from where the decoded instruction is stored (a copy to the stack\n    /// and a re-read at another width stalls store forwarding on the hot path).\n    #[inline(always)]\n    pub fn visit<V: Visitor>(&self, v: &mut V) -> V::Output {{\n        match *self {{");
    let _ = writeln!(out, "            Insn::Unallocated => v.unallocated(),\n            Insn::Unimplemented(c) => v.unimplemented(c),");
    for r in insn_rows(rows) {
        let _ = writeln!(
            out,
            "            Insn::{}(i) => v.{}(i),",
            r.name,
            method(&r.name)
        );
    }
    let _ = writeln!(out, "        }}\n    }}\n}}");
}

fn gen_metadata(out: &mut String, rows: &[Row]) {
    let _ = writeln!(out, "/// Every row of the encoding table, in decode order.");
    let _ = writeln!(out, "pub static ENCODINGS: &[EncodingRow] = &[");
    for r in rows {
        let kind = match &r.kind {
            Kind::Insn => "RowKind::Insn".to_string(),
            Kind::Unimplemented(c) => format!("RowKind::Unimplemented(UnimplClass::{c})"),
            Kind::Unallocated => "RowKind::Unallocated".to_string(),
        };
        let fields: Vec<String> = r
            .fields
            .iter()
            .map(|f| {
                format!(
                    "FieldInfo {{ name: \"{}\", lsb: {}, width: {} }}",
                    f.name, f.lsb, f.width
                )
            })
            .collect();
        let guard = match &r.guard {
            Some(g) => format!("Some(crate::guards::{g})"),
            None => "None".into(),
        };
        let _ = writeln!(
            out,
            "    EncodingRow {{ name: \"{}\", section: \"{}\", kind: {kind}, mask: {:#010x}, value: {:#010x}, fields: &[{}], guard: {guard}, source: \"{}:{}\" }},",
            r.name,
            r.section,
            r.mask,
            r.value,
            fields.join(", "),
            Path::new(&r.file).file_name().unwrap().to_string_lossy(),
            r.line
        );
    }
    let _ = writeln!(out, "];");
}
