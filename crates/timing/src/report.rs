//! The trap report as a text table and as JSON (written by hand: the workspace has no
//! serde, and the shape is small and fixed).

use crate::recorder::{TrapReport, TrapStats};
use a64sim_arch::El;
use std::fmt::Write;

fn el(e: El) -> &'static str {
    match e {
        El::El0 => "EL0",
        El::El1 => "EL1",
        El::El2 => "EL2",
        El::El3 => "EL3",
    }
}

/// Appends `s` as a JSON string literal.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

const HEADERS: [&str; 9] = [
    "exception",
    "from->to",
    "count",
    "mean cyc",
    "p50 cyc",
    "p99 cyc",
    "mean insns",
    "re-entered",
    "elsewhere",
];

fn cells(r: &TrapStats) -> [String; 9] {
    [
        r.key.detail.to_string(),
        format!("{}->{}", el(r.key.from), el(r.key.to)),
        r.count.to_string(),
        format!("{:.2}", r.mean_cycles),
        r.p50_cycles.to_string(),
        r.p99_cycles.to_string(),
        format!("{:.2}", r.mean_insns),
        r.reentered.to_string(),
        r.returned_elsewhere.to_string(),
    ]
}

impl TrapReport {
    /// The report as a table, one line per row, with notes on what could not be paired.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if self.rows.is_empty() {
            let _ = writeln!(
                out,
                "trap report (cycle model {}): no exception was taken and returned from",
                self.model
            );
        } else {
            let _ = writeln!(
                out,
                "trap report (cycle model {}): {} traps; cycles and instructions from \
                 exception entry to the ERET, handler included",
                self.model,
                self.total()
            );
            let rows: Vec<[String; 9]> = self.rows.iter().map(cells).collect();
            let mut width = HEADERS.map(str::len);
            for r in &rows {
                for (w, c) in width.iter_mut().zip(r) {
                    *w = (*w).max(c.len());
                }
            }
            let mut line = |cols: [&str; 9]| {
                let mut l = String::new();
                for (i, (c, w)) in cols.iter().zip(width).enumerate() {
                    let _ = match i {
                        0 | 1 => write!(l, "{c:<w$}  "),
                        _ => write!(l, "{c:>w$}  "),
                    };
                }
                let _ = writeln!(out, "{}", l.trim_end());
            };
            line(HEADERS);
            for r in &rows {
                line(r.each_ref().map(String::as_str));
            }
        }
        if self.unmatched_erets > 0 {
            let _ = writeln!(
                out,
                "{} ERET(s) returned from no recorded exception (e.g. boot-time drops to a \
                 lower EL); not counted",
                self.unmatched_erets
            );
        }
        if self.abandoned > 0 {
            let _ = writeln!(
                out,
                "{} trap(s) abandoned: their handler was left without an ERET of its own; \
                 not counted",
                self.abandoned
            );
        }
        if self.open > 0 {
            let _ = writeln!(
                out,
                "{} trap(s) still open when the run stopped; not counted",
                self.open
            );
        }
        out
    }

    /// The report as one JSON object.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        out.push_str("{\"model\":");
        json_str(&mut out, self.model);
        let _ = write!(
            out,
            ",\"traps\":{},\"unmatched_erets\":{},\"abandoned\":{},\"open\":{},\"rows\":[",
            self.total(),
            self.unmatched_erets,
            self.abandoned,
            self.open
        );
        for (i, r) in self.rows.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"exception\":");
            json_str(&mut out, &r.key.detail.to_string());
            let _ = write!(
                out,
                ",\"ec\":{},\"from\":\"{}\",\"to\":\"{}\",\"count\":{},\"mean_cycles\":{:.3},\
                 \"p50_cycles\":{},\"p99_cycles\":{},\"max_cycles\":{},\"mean_insns\":{:.3},\
                 \"reentered\":{},\"returned_elsewhere\":{}}}",
                r.key.detail.ec(),
                el(r.key.from),
                el(r.key.to),
                r.count,
                r.mean_cycles,
                r.p50_cycles,
                r.p99_cycles,
                r.max_cycles,
                r.mean_insns,
                r.reentered,
                r.returned_elsewhere
            );
        }
        out.push_str("]}");
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::detail::{TrapDetail, TrapKey};
    use crate::recorder::{TrapEntry, TrapRecorder, TrapReturn};
    use a64sim_arch::El;

    fn sample() -> TrapRecorder {
        let mut r = TrapRecorder::new();
        let key = TrapKey {
            detail: TrapDetail::Class(0x16),
            from: El::El1,
            to: El::El2,
        };
        for i in 0..3 {
            r.on_exception_entry(TrapEntry { key, return_pc: 8 }, 10 * i, 10 * i);
            r.on_exception_return(
                TrapReturn {
                    from: El::El2,
                    to: El::El1,
                    pc: 8,
                },
                10 * i + 2,
                10 * i + 2,
            );
        }
        r.on_exception_return(
            TrapReturn {
                from: El::El3,
                to: El::El2,
                pc: 0,
            },
            50,
            50,
        );
        r
    }

    #[test]
    fn text_table() {
        let text = sample().report("functional").to_text();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("trap report (cycle model functional): 3 traps"));
        assert_eq!(
            lines[1],
            "exception  from->to  count  mean cyc  p50 cyc  p99 cyc  mean insns  re-entered  elsewhere"
        );
        assert_eq!(
            lines[2],
            "HVC64      EL1->EL2      3      2.00        2        2        2.00           0          0"
        );
        assert!(lines[3].starts_with("1 ERET(s) returned from no recorded exception"));
    }

    #[test]
    fn empty_report_says_so() {
        let text = TrapRecorder::new().report("functional").to_text();
        assert_eq!(
            text,
            "trap report (cycle model functional): no exception was taken and returned from\n"
        );
        assert_eq!(
            TrapRecorder::new().report("functional").to_json(),
            "{\"model\":\"functional\",\"traps\":0,\"unmatched_erets\":0,\"abandoned\":0,\"open\":0,\"rows\":[]}"
        );
    }

    #[test]
    fn json_object() {
        assert_eq!(
            sample().report("functional").to_json(),
            "{\"model\":\"functional\",\"traps\":3,\"unmatched_erets\":1,\"abandoned\":0,\
             \"open\":0,\"rows\":[{\"exception\":\"HVC64\",\"ec\":22,\"from\":\"EL1\",\
             \"to\":\"EL2\",\"count\":3,\"mean_cycles\":2.000,\"p50_cycles\":2,\
             \"p99_cycles\":2,\"max_cycles\":2,\"mean_insns\":2.000,\"reentered\":0,\
             \"returned_elsewhere\":0}]}"
        );
    }

    #[test]
    fn json_strings_are_escaped() {
        let mut s = String::new();
        super::json_str(&mut s, "a\"b\\c\n");
        assert_eq!(s, "\"a\\\"b\\\\c\\u000a\"");
    }
}
