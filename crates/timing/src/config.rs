//! Timing configuration: a preset chosen by name plus `key=value` overrides
//! (`--timing a55 --timing-set l1d.size=64K`).
//!
//! Every key is one row of [`KEYS`] (name, value kind, allowed range, help, and the field
//! it sets), so parsing, range checks, error messages and help text come from the same
//! table. `lat.<class>` keys, one per [`OpClass`], set a class's result latency (both W
//! and X forms). Sizes and counts take binary `K`/`M`/`G` suffixes, the clock decimal
//! ones (`2.5G`). [`TimingConfig::build`] checks that the geometry is one the model can
//! index (power-of-two sets and tables) before making a [`CoreModel`].

use crate::core::CoreModel;
use crate::op::OpClass;
use crate::preset::{CacheGeometry, Pipe, Preset, TlbGeometry, CLASS_NAMES, PRESETS};
use std::fmt;
use thiserror::Error;

/// A timing option that cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ConfigError {
    /// No preset has this name.
    #[error("unknown timing preset `{name}`; valid presets: {valid}")]
    UnknownPreset {
        /// The name given.
        name: String,
        /// The valid names, comma-separated.
        valid: String,
    },
    /// A setting without `=`.
    #[error("timing setting `{setting}` is not KEY=VALUE")]
    NotKeyValue {
        /// The setting given.
        setting: String,
    },
    /// No key has this name.
    #[error("unknown timing key `{key}`; valid keys: {valid}")]
    UnknownKey {
        /// The key given.
        key: String,
        /// The valid keys, comma-separated.
        valid: String,
    },
    /// The value does not parse or is out of range for the key.
    #[error("timing setting `{key}={value}`: {reason}")]
    BadValue {
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The values parse but together describe something the model cannot build.
    #[error("timing preset `{preset}` with these settings: {what}")]
    Inconsistent {
        /// The preset's name.
        preset: &'static str,
        /// What is wrong.
        what: String,
    },
}

/// How a key's value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// Bytes, with optional binary `K`, `M`, `G` suffix (and optional `B`).
    Size,
    /// A number of entries or units, with optional binary suffix.
    Count,
    /// Cycles, a plain number.
    Cycles,
    /// Hz, with optional decimal `K`, `M`, `G` suffix and fraction (`2.5G`).
    Hz,
    /// `0`/`1`, `true`/`false`, `on`/`off`.
    Bool,
}

impl fmt::Display for ValueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValueKind::Size => "bytes",
            ValueKind::Count => "count",
            ValueKind::Cycles => "cycles",
            ValueKind::Hz => "Hz",
            ValueKind::Bool => "on/off",
        })
    }
}

/// One settable key.
#[derive(Clone, Copy)]
pub struct Key {
    /// Its name (`l1d.size`).
    pub name: &'static str,
    /// How its value is written.
    pub kind: ValueKind,
    /// Smallest accepted value.
    pub min: u64,
    /// Largest accepted value.
    pub max: u64,
    /// One line of help.
    pub help: &'static str,
    /// Stores a value already checked against `min..=max`.
    set: fn(&mut Preset, u64),
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Key")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

const KIB: u64 = 1024;
const U32: u64 = u32::MAX as u64;

/// A key row. `set` receives a value in `min..=max`, so its narrowing casts are exact.
const fn key(
    name: &'static str,
    kind: ValueKind,
    min: u64,
    max: u64,
    help: &'static str,
    set: fn(&mut Preset, u64),
) -> Key {
    Key {
        name,
        kind,
        min,
        max,
        help,
        set,
    }
}

/// Sets the cost row of `class` to serialise with `after` cycles.
fn set_after(p: &mut Preset, class: OpClass, v: u64) {
    p.classes[class as usize].after = v as u16;
}

/// Every key but `lat.<class>`.
pub const KEYS: &[Key] = &[
    key("freq", ValueKind::Hz, 1, 1 << 40, "core clock", |p, v| {
        p.freq_hz = v
    }),
    key(
        "width",
        ValueKind::Count,
        1,
        8,
        "issue (in-order) or dispatch and retire (out-of-order) width",
        |p, v| p.width = v as u32,
    ),
    key(
        "rob",
        ValueKind::Count,
        1,
        4096,
        "reorder buffer entries (out-of-order)",
        |p, v| p.rob = v as u32,
    ),
    key(
        "pipe.alu",
        ValueKind::Count,
        1,
        8,
        "integer ALU units",
        |p, v| p.pipes[Pipe::Alu as usize] = v as u8,
    ),
    key(
        "pipe.mac",
        ValueKind::Count,
        1,
        8,
        "multiply units",
        |p, v| p.pipes[Pipe::Mac as usize] = v as u8,
    ),
    key(
        "pipe.div",
        ValueKind::Count,
        1,
        8,
        "divide units",
        |p, v| p.pipes[Pipe::Div as usize] = v as u8,
    ),
    key("pipe.load", ValueKind::Count, 1, 8, "load units", |p, v| {
        p.pipes[Pipe::Load as usize] = v as u8
    }),
    key(
        "pipe.store",
        ValueKind::Count,
        1,
        8,
        "store units",
        |p, v| p.pipes[Pipe::Store as usize] = v as u8,
    ),
    key(
        "pipe.branch",
        ValueKind::Count,
        1,
        8,
        "branch units",
        |p, v| p.pipes[Pipe::Branch as usize] = v as u8,
    ),
    key(
        "l1i.size",
        ValueKind::Size,
        64,
        1 << 30,
        "L1 instruction cache capacity",
        |p, v| p.l1i.size = v,
    ),
    key(
        "l1i.assoc",
        ValueKind::Count,
        1,
        1024,
        "L1 instruction cache ways",
        |p, v| p.l1i.assoc = v as u32,
    ),
    key(
        "l1i.line",
        ValueKind::Size,
        8,
        4 * KIB,
        "L1 instruction cache line size",
        |p, v| p.l1i.line = v as u32,
    ),
    key(
        "l1i.latency",
        ValueKind::Cycles,
        1,
        10_000,
        "L1 instruction cache hit latency",
        |p, v| p.l1i.latency = v as u32,
    ),
    key(
        "l1d.size",
        ValueKind::Size,
        64,
        1 << 30,
        "L1 data cache capacity",
        |p, v| p.l1d.size = v,
    ),
    key(
        "l1d.assoc",
        ValueKind::Count,
        1,
        1024,
        "L1 data cache ways",
        |p, v| p.l1d.assoc = v as u32,
    ),
    key(
        "l1d.line",
        ValueKind::Size,
        8,
        4 * KIB,
        "L1 data cache line size",
        |p, v| p.l1d.line = v as u32,
    ),
    key(
        "l1d.latency",
        ValueKind::Cycles,
        1,
        10_000,
        "L1 data cache load-to-use latency",
        |p, v| p.l1d.latency = v as u32,
    ),
    key(
        "l2.size",
        ValueKind::Size,
        64,
        1 << 34,
        "L2 cache capacity",
        |p, v| p.l2.size = v,
    ),
    key(
        "l2.assoc",
        ValueKind::Count,
        1,
        1024,
        "L2 cache ways",
        |p, v| p.l2.assoc = v as u32,
    ),
    key(
        "l2.line",
        ValueKind::Size,
        8,
        4 * KIB,
        "L2 cache line size",
        |p, v| p.l2.line = v as u32,
    ),
    key(
        "l2.latency",
        ValueKind::Cycles,
        1,
        10_000,
        "load-to-use latency of an L2 hit",
        |p, v| p.l2.latency = v as u32,
    ),
    key(
        "mem.latency",
        ValueKind::Cycles,
        1,
        100_000,
        "load-to-use latency of an L2 miss",
        |p, v| p.mem_latency = v as u32,
    ),
    key(
        "itlb.entries",
        ValueKind::Count,
        1,
        4096,
        "L1 instruction TLB entries (fully associative)",
        |p, v| {
            p.itlb = TlbGeometry {
                entries: v as u32,
                assoc: v as u32,
                latency: 0,
            }
        },
    ),
    key(
        "dtlb.entries",
        ValueKind::Count,
        1,
        4096,
        "L1 data TLB entries (fully associative)",
        |p, v| {
            p.dtlb = TlbGeometry {
                entries: v as u32,
                assoc: v as u32,
                latency: 0,
            }
        },
    ),
    key(
        "l2tlb.entries",
        ValueKind::Count,
        1,
        1 << 20,
        "L2 TLB entries",
        |p, v| p.l2tlb.entries = v as u32,
    ),
    key(
        "l2tlb.assoc",
        ValueKind::Count,
        1,
        1024,
        "L2 TLB ways",
        |p, v| p.l2tlb.assoc = v as u32,
    ),
    key(
        "l2tlb.latency",
        ValueKind::Cycles,
        0,
        10_000,
        "extra cycles of an L2 TLB hit",
        |p, v| p.l2tlb.latency = v as u32,
    ),
    key(
        "bp.penalty",
        ValueKind::Cycles,
        0,
        10_000,
        "branch mispredict penalty (also the refill of ISB, exception entry, ERET)",
        |p, v| p.branch.mispredict_penalty = v as u32,
    ),
    key(
        "bp.entries",
        ValueKind::Count,
        1,
        1 << 24,
        "direction predictor counters (a power of two)",
        |p, v| p.branch.direction_entries = v as u32,
    ),
    key(
        "bp.history",
        ValueKind::Count,
        0,
        63,
        "global history bits (0: bimodal)",
        |p, v| p.branch.history_bits = v as u32,
    ),
    key(
        "btb.entries",
        ValueKind::Count,
        1,
        1 << 24,
        "branch target buffer entries (a power of two)",
        |p, v| p.branch.btb_entries = v as u32,
    ),
    key(
        "ras.depth",
        ValueKind::Count,
        1,
        1024,
        "return stack entries",
        |p, v| p.branch.ras_depth = v as u32,
    ),
    key(
        "exc.entry",
        ValueKind::Cycles,
        0,
        U32,
        "fixed cycles of exception entry",
        |p, v| p.exception_entry = v as u32,
    ),
    key(
        "exc.return",
        ValueKind::Cycles,
        0,
        U32,
        "fixed cycles of ERET",
        |p, v| p.exception_return = v as u32,
    ),
    key(
        "msr.cost",
        ValueKind::Cycles,
        0,
        65_535,
        "cycles after a system register write before the next instruction",
        |p, v| set_after(p, OpClass::SysWrite, v),
    ),
    key(
        "msr.serialise",
        ValueKind::Bool,
        0,
        1,
        "a system register write drains the pipeline",
        |p, v| {
            let c = &mut p.classes[OpClass::SysWrite as usize];
            c.serialise = v != 0;
        },
    ),
    key(
        "isb.cost",
        ValueKind::Cycles,
        0,
        65_535,
        "cycles after an ISB, beyond the pipeline refill",
        |p, v| set_after(p, OpClass::Isb, v),
    ),
    key(
        "barrier.cost",
        ValueKind::Cycles,
        0,
        65_535,
        "cycles after a DMB/DSB before the next instruction",
        |p, v| set_after(p, OpClass::Barrier, v),
    ),
    key(
        "sysop.cost",
        ValueKind::Cycles,
        0,
        65_535,
        "cycles after a DC/IC/TLBI/AT before the next instruction",
        |p, v| set_after(p, OpClass::SysOp, v),
    ),
    key(
        "wfi.cost",
        ValueKind::Cycles,
        0,
        65_535,
        "cycles of a WFI/WFE that returns at once",
        |p, v| set_after(p, OpClass::Wait, v),
    ),
];

/// The name pattern and help of the per-class latency keys.
pub const LAT_KEY: (&str, &str) = (
    "lat.<class>",
    "result latency in cycles of a class (both forms): nop, alu, alu_complex, mul, \
     mul_high, div, store, atomic, branches, sys_read, ...; loads use l1d.latency",
);

/// A preset plus the overrides applied to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimingConfig {
    preset: Preset,
}

impl TimingConfig {
    /// The preset called `name`, unchanged.
    pub fn new(name: &str) -> Result<Self, ConfigError> {
        Preset::by_name(name)
            .map(TimingConfig::from_preset)
            .ok_or_else(|| ConfigError::UnknownPreset {
                name: name.to_owned(),
                valid: PRESETS
                    .iter()
                    .map(|p| p.name)
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// `preset`, unchanged.
    pub fn from_preset(preset: &Preset) -> Self {
        TimingConfig { preset: *preset }
    }

    /// The preset with the overrides applied so far.
    pub fn preset(&self) -> &Preset {
        &self.preset
    }

    /// Every key with its help text: the table rows, then the `lat.<class>` pattern.
    pub fn keys() -> impl Iterator<Item = (&'static str, &'static str)> {
        KEYS.iter().map(|k| (k.name, k.help)).chain([LAT_KEY])
    }

    /// Applies one `KEY=VALUE` setting.
    pub fn apply(&mut self, setting: &str) -> Result<(), ConfigError> {
        let (key, value) = setting
            .split_once('=')
            .ok_or_else(|| ConfigError::NotKeyValue {
                setting: setting.to_owned(),
            })?;
        self.set(key.trim(), value.trim())
    }

    /// Sets `key` to `value`.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        let bad = |reason: String| ConfigError::BadValue {
            key: key.to_owned(),
            value: value.to_owned(),
            reason,
        };
        if let Some(class) = key.strip_prefix("lat.") {
            let i = CLASS_NAMES
                .iter()
                .position(|&n| n == class)
                .ok_or_else(|| unknown_key(key))?;
            if OpClass::ALL[i] == OpClass::Load {
                return Err(bad(
                    "a load's latency is the cache's: set l1d.latency".into()
                ));
            }
            let v = parse(ValueKind::Cycles, value).map_err(|e| bad(e.into()))?;
            let v = check_range(v, 1, 255).map_err(bad)?;
            let c = &mut self.preset.classes[i];
            // A non-pipelined unit stays busy for the whole new latency.
            if c.busy[0] > 1 && c.busy == c.latency {
                c.busy = [v as u8; 2];
            }
            c.latency = [v as u8; 2];
            return Ok(());
        }
        let k = KEYS
            .iter()
            .find(|k| k.name == key)
            .ok_or_else(|| unknown_key(key))?;
        let v = parse(k.kind, value).map_err(|e| bad(e.into()))?;
        let v = check_range(v, k.min, k.max).map_err(bad)?;
        (k.set)(&mut self.preset, v);
        Ok(())
    }

    /// Checks that the model can be built from the configuration.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let p = &self.preset;
        let err = |what: String| ConfigError::Inconsistent {
            preset: p.name,
            what,
        };
        for (name, g) in [("l1i", &p.l1i), ("l1d", &p.l1d), ("l2", &p.l2)] {
            check_cache(name, g).map_err(err)?;
        }
        for (name, g) in [("itlb", &p.itlb), ("dtlb", &p.dtlb), ("l2tlb", &p.l2tlb)] {
            check_tlb(name, g).map_err(err)?;
        }
        let b = &p.branch;
        if !b.direction_entries.is_power_of_two() {
            return Err(err(format!(
                "bp.entries={} is not a power of two",
                b.direction_entries
            )));
        }
        if !b.btb_entries.is_power_of_two() {
            return Err(err(format!(
                "btb.entries={} is not a power of two",
                b.btb_entries
            )));
        }
        Ok(())
    }

    /// The cycle model, after [`TimingConfig::validate`].
    pub fn build(&self) -> Result<CoreModel, ConfigError> {
        self.validate()?;
        Ok(CoreModel::new(&self.preset))
    }
}

fn unknown_key(key: &str) -> ConfigError {
    ConfigError::UnknownKey {
        key: key.to_owned(),
        valid: TimingConfig::keys()
            .map(|(n, _)| n)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn check_range(v: u64, min: u64, max: u64) -> Result<u64, String> {
    if (min..=max).contains(&v) {
        Ok(v)
    } else {
        Err(format!("must be between {min} and {max}"))
    }
}

fn check_cache(name: &str, g: &CacheGeometry) -> Result<(), String> {
    if !g.line.is_power_of_two() {
        return Err(format!("{name}.line={} is not a power of two", g.line));
    }
    let way_bytes = u64::from(g.assoc) * u64::from(g.line);
    if g.size % way_bytes != 0 || !g.sets().is_power_of_two() {
        return Err(format!(
            "{name}: {} bytes in {}-way sets of {}-byte lines is not a power-of-two number \
             of sets",
            g.size, g.assoc, g.line
        ));
    }
    // The model keeps a tag and an age per line: bound what a setting can allocate.
    let lines = g.size / u64::from(g.line);
    if lines > MAX_CACHE_LINES {
        return Err(format!(
            "{name}: {} bytes of {}-byte lines is {lines} lines; the model holds at most \
             {MAX_CACHE_LINES}",
            g.size, g.line
        ));
    }
    Ok(())
}

/// Most lines a modelled cache may have (4 Mi lines: 256 MiB of 64-byte lines, about
/// 64 MiB of model state).
const MAX_CACHE_LINES: u64 = 1 << 22;

fn check_tlb(name: &str, g: &TlbGeometry) -> Result<(), String> {
    if g.entries % g.assoc != 0 || !(g.entries / g.assoc).is_power_of_two() {
        return Err(format!(
            "{name}: {} entries in {}-way sets is not a power-of-two number of sets",
            g.entries, g.assoc
        ));
    }
    Ok(())
}

/// Parses `s` as a value of `kind`.
pub fn parse(kind: ValueKind, s: &str) -> Result<u64, &'static str> {
    match kind {
        ValueKind::Bool => match s.to_ascii_lowercase().as_str() {
            "1" | "true" | "on" | "yes" => Ok(1),
            "0" | "false" | "off" | "no" => Ok(0),
            _ => Err("expected on or off"),
        },
        ValueKind::Cycles => s.parse().map_err(|_| "expected a whole number of cycles"),
        ValueKind::Size | ValueKind::Count => {
            let t = s.strip_suffix(['B', 'b']).unwrap_or(s);
            let t = t.strip_suffix('i').unwrap_or(t);
            let (digits, mult) = split_suffix(t, 1024);
            let n: u64 = digits
                .parse()
                .map_err(|_| "expected a whole number with an optional K, M or G suffix")?;
            n.checked_mul(mult).ok_or("too large")
        }
        ValueKind::Hz => {
            let t = s.strip_suffix("Hz").unwrap_or(s);
            let (digits, mult) = split_suffix(t, 1000);
            parse_decimal(digits, mult).ok_or("expected a frequency such as 2.5G or 1800M")
        }
    }
}

/// Splits a `K`/`M`/`G` suffix off `s`, returning the rest and the multiplier (powers of
/// `base`).
fn split_suffix(s: &str, base: u64) -> (&str, u64) {
    let mult = match s.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => base,
        Some('M') => base * base,
        Some('G') => base * base * base,
        _ => return (s, 1),
    };
    (&s[..s.len() - 1], mult)
}

/// `digits` (an integer or a decimal fraction) times `mult`, if that is a whole number.
fn parse_decimal(digits: &str, mult: u64) -> Option<u64> {
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) || frac.len() > 9 {
        return None;
    }
    let mut v = int.parse::<u64>().ok()?.checked_mul(mult)?;
    let mut scale = mult;
    for b in frac.bytes() {
        if scale % 10 != 0 {
            return None;
        }
        scale /= 10;
        v = v.checked_add(u64::from(b - b'0') * scale)?;
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_change_a_copy() {
        let mut c = TimingConfig::new("a55").unwrap();
        c.apply("l1d.size=64K").unwrap();
        c.set("l2.size", "256KiB").unwrap();
        c.set("mem.latency", "300").unwrap();
        c.set("freq", "2.05G").unwrap();
        c.set("lat.mul", "7").unwrap();
        c.set("lat.div", "30").unwrap();
        c.set("msr.serialise", "off").unwrap();
        c.set("dtlb.entries", "32").unwrap();
        let p = c.preset();
        assert_eq!(p.l1d.size, 64 * 1024);
        assert_eq!(p.l2.size, 256 * 1024);
        assert_eq!(p.mem_latency, 300);
        assert_eq!(p.freq_hz, 2_050_000_000);
        assert_eq!(p.latency(OpClass::Mul, 8), 7);
        assert_eq!(p.class(OpClass::Div).busy, [30, 30]);
        assert!(!p.class(OpClass::SysWrite).serialise);
        assert_eq!((p.dtlb.entries, p.dtlb.assoc), (32, 32));
        // The table row is untouched.
        assert_eq!(Preset::by_name("a55").unwrap().l1d.size, 32 * 1024);
        let m = c.build().unwrap();
        assert_eq!(m.preset().l1d.size, 64 * 1024);
    }

    #[test]
    fn values_parse() {
        assert_eq!(parse(ValueKind::Size, "64K"), Ok(65_536));
        assert_eq!(parse(ValueKind::Size, "1M"), Ok(1 << 20));
        assert_eq!(parse(ValueKind::Size, "2g"), Ok(2 << 30));
        let mut c = TimingConfig::new("a55").unwrap();
        c.set("l2.size", "1G").unwrap();
        let err = c.build().unwrap_err().to_string();
        assert!(err.contains("at most"), "{err}");
        assert_eq!(parse(ValueKind::Size, "512"), Ok(512));
        assert_eq!(parse(ValueKind::Count, "4K"), Ok(4096));
        assert_eq!(parse(ValueKind::Hz, "2.5G"), Ok(2_500_000_000));
        assert_eq!(parse(ValueKind::Hz, "1800MHz"), Ok(1_800_000_000));
        assert_eq!(parse(ValueKind::Hz, "1000000"), Ok(1_000_000));
        assert!(parse(ValueKind::Hz, "1.0000000005G").is_err());
        assert!(parse(ValueKind::Hz, "1.5").is_err());
        assert!(parse(ValueKind::Size, "64X").is_err());
        assert!(parse(ValueKind::Size, "-1").is_err());
        assert!(parse(ValueKind::Cycles, "3K").is_err());
        assert!(parse(ValueKind::Bool, "maybe").is_err());
    }

    #[test]
    fn errors_name_the_problem() {
        let e = TimingConfig::new("a99").unwrap_err();
        assert!(e.to_string().contains("functional, a55, n1"), "{e}");
        let mut c = TimingConfig::new("n1").unwrap();
        let e = c.set("l1d.sise", "64K").unwrap_err();
        assert!(matches!(e, ConfigError::UnknownKey { .. }));
        assert!(e.to_string().contains("l1d.size"), "{e}");
        assert!(e.to_string().contains("lat.<class>"), "{e}");
        let e = c.set("l1d.size", "lots").unwrap_err();
        assert!(
            e.to_string().starts_with("timing setting `l1d.size=lots`"),
            "{e}"
        );
        let e = c.set("width", "9").unwrap_err();
        assert!(e.to_string().contains("between 1 and 8"), "{e}");
        assert!(matches!(
            c.apply("width"),
            Err(ConfigError::NotKeyValue { .. })
        ));
        assert!(matches!(
            c.set("lat.frob", "3"),
            Err(ConfigError::UnknownKey { .. })
        ));
        assert!(c.set("lat.load", "3").is_err());
        // Parses, but 48K in 4-way 64-byte lines is 192 sets.
        c.set("l1d.size", "48K").unwrap();
        let e = c.build().unwrap_err();
        assert!(matches!(e, ConfigError::Inconsistent { .. }));
        assert!(e.to_string().contains("l1d"), "{e}");
        let mut c = TimingConfig::new("n1").unwrap();
        c.set("l2tlb.assoc", "3").unwrap();
        assert!(c.validate().is_err());
        let mut c = TimingConfig::new("n1").unwrap();
        c.set("btb.entries", "6000").unwrap();
        assert!(c.validate().is_err());
    }

    #[test]
    fn every_key_is_documented_and_unique() {
        let names: Vec<&str> = TimingConfig::keys().map(|(n, _)| n).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert!(TimingConfig::keys().all(|(_, h)| !h.is_empty()));
        // Every key accepts its own minimum on every preset.
        for p in PRESETS {
            for k in KEYS {
                let mut c = TimingConfig::from_preset(p);
                c.set(k.name, &k.min.to_string()).unwrap();
            }
        }
    }
}
