//! Making sure the external tools the tests need are installed.
//!
//! The tests need the AArch64 GNU assembler and linker (Debian package
//! `binutils-aarch64-linux-gnu`) to rebuild `tests/images/*.elf`, and QEMU 10.x
//! (`qemu-system-arm` from Debian bookworm-backports) as the differential-testing oracle.
//! bookworm's own QEMU 7.2 is not acceptable (see QEMU.md).
//!
//! When something is missing and we run as root, it is installed with `apt-get`; the
//! bookworm-backports suite is added to apt's sources reusing the mirror URI already named in
//! the machine's own Debian sources (never a host name from this repository). When not root,
//! a one-line error names the package and the command to run.

use std::error::Error;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

/// The QEMU major version the project uses as its oracle.
pub const QEMU_MAJOR: u32 = 10;

/// Debian package holding `aarch64-linux-gnu-as` and `aarch64-linux-gnu-ld`.
const BINUTILS_PKG: &str = "binutils-aarch64-linux-gnu";
/// Debian package holding `qemu-system-aarch64`.
const QEMU_PKG: &str = "qemu-system-arm";
/// The apt suite QEMU 10 comes from on bookworm.
const BACKPORTS: &str = "bookworm-backports";
/// The sources file this tool writes when the backports suite is missing.
const SOURCES_FILE: &str = "/etc/apt/sources.list.d/a64sim-bookworm-backports.sources";
/// Directory of deb822 / one-line apt source files.
const SOURCES_DIR: &str = "/etc/apt/sources.list.d";
/// The classic one-line apt sources file.
const SOURCES_LIST: &str = "/etc/apt/sources.list";

/// What was found (after installing, when that was allowed).
#[derive(Debug, Clone)]
pub struct Tools {
    /// Version line of `aarch64-linux-gnu-as`, when both `as` and `ld` are present.
    pub binutils: Option<String>,
    /// The `qemu-system-aarch64 --version` first line, when present (any version).
    pub qemu: Option<String>,
}

impl Tools {
    /// Whether the AArch64 assembler and linker are both available.
    pub fn have_binutils(&self) -> bool {
        self.binutils.is_some()
    }
}

/// Looks for the tools without installing anything.
pub fn detect() -> Tools {
    let binutils = match (
        first_line_of("aarch64-linux-gnu-as", &["--version"]),
        first_line_of("aarch64-linux-gnu-ld", &["--version"]),
    ) {
        (Some(as_line), Some(_)) => Some(as_line),
        _ => None,
    };
    let qemu = first_line_of("qemu-system-aarch64", &["--version"]);
    Tools { binutils, qemu }
}

/// Makes sure AArch64 binutils and QEMU 10.x are installed, installing them with apt when
/// running as root. Prints one line per step. Fails with a one-line message otherwise.
pub fn ensure_tools() -> Result<Tools, Box<dyn Error>> {
    let found = detect();
    let need_binutils = !found.have_binutils();
    let qemu_ok = found.qemu.as_deref().and_then(qemu_version).map(|v| v.0) == Some(QEMU_MAJOR);
    let need_qemu = !qemu_ok;

    match &found.binutils {
        Some(v) => step(&format!("binutils: {v}")),
        None => step(&format!(
            "binutils: aarch64-linux-gnu-as/-ld not found (package {BINUTILS_PKG})"
        )),
    }
    match &found.qemu {
        Some(v) if qemu_ok => step(&format!("qemu: {v}")),
        Some(v) => step(&format!("qemu: {v} is not {QEMU_MAJOR}.x")),
        None => step("qemu: qemu-system-aarch64 not found"),
    }
    if !need_binutils && !need_qemu {
        return Ok(found);
    }

    if !is_root() {
        let mut msgs = Vec::new();
        if need_binutils {
            msgs.push(format!(
                "AArch64 binutils missing: install {BINUTILS_PKG} \
                 (as root: `apt-get install -y {BINUTILS_PKG}`)"
            ));
        }
        if need_qemu {
            let what = match &found.qemu {
                Some(v) => format!("found `{v}`"),
                None => "qemu-system-aarch64 not found".to_string(),
            };
            msgs.push(format!(
                "QEMU {QEMU_MAJOR}.x required ({what}): install {QEMU_PKG} from {BACKPORTS} \
                 (as root, with {BACKPORTS} in apt's sources: \
                 `apt-get install -y -t {BACKPORTS} {QEMU_PKG}`), or rerun `cargo xtask test` as root"
            ));
        }
        return Err(msgs.join("; ").into());
    }

    let mut updated = false;
    if need_binutils {
        apt(&["update"])?;
        updated = true;
        apt(&["install", "-y", BINUTILS_PKG])?;
    }
    if need_qemu {
        let codename = os_codename();
        if codename.as_deref() == Some("bookworm") {
            let wrote = ensure_backports_source()?;
            if wrote || !updated {
                apt(&["update"])?;
            }
            apt(&["install", "-y", "-t", BACKPORTS, QEMU_PKG])?;
        } else {
            // Newer Debian releases ship QEMU 10 in their own suite.
            step(&format!(
                "install: system is {}, installing {QEMU_PKG} from its default suite",
                codename.as_deref().unwrap_or("not Debian bookworm")
            ));
            if !updated {
                apt(&["update"])?;
            }
            apt(&["install", "-y", QEMU_PKG])?;
        }
    }

    let after = detect();
    if after.binutils.is_none() {
        return Err(format!(
            "aarch64-linux-gnu-as/-ld still not found after installing {BINUTILS_PKG}"
        )
        .into());
    }
    match after.qemu.as_deref() {
        Some(v) if qemu_version(v).map(|v| v.0) == Some(QEMU_MAJOR) => {
            step(&format!("qemu: {v}"));
        }
        Some(v) => {
            return Err(format!(
                "`qemu-system-aarch64 --version` reports `{v}`, {QEMU_MAJOR}.x is required \
                 (apt-get install -y -t {BACKPORTS} {QEMU_PKG})"
            )
            .into())
        }
        None => {
            return Err(
                format!("qemu-system-aarch64 still not found after installing {QEMU_PKG}").into(),
            )
        }
    }
    if let Some(v) = &after.binutils {
        step(&format!("binutils: {v}"));
    }
    Ok(after)
}

/// Prints one progress line.
fn step(msg: &str) {
    println!("xtask: tools: {msg}");
}

/// Runs `program args`, stdin closed, and returns the first non-empty line of its stdout,
/// or `None` when it cannot be run or fails.
fn first_line_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string)
}

/// Parses `(major, minor)` out of a `QEMU emulator version 10.0.2 (...)` line.
pub fn qemu_version(line: &str) -> Option<(u32, u32)> {
    let rest = &line[line.find("version")? + "version".len()..];
    let ver = rest.split_whitespace().next()?;
    let mut parts = ver.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts
        .next()
        .and_then(|m| {
            let digits: String = m.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .unwrap_or(0);
    Some((major, minor))
}

/// Whether the effective user is root, from `/proc/self/status` (`Uid: real effective ...`),
/// falling back to `id -u`.
fn is_root() -> bool {
    if let Ok(status) = fs::read_to_string("/proc/self/status") {
        if let Some(uid) = parse_effective_uid(&status) {
            return uid == 0;
        }
    }
    first_line_of("id", &["-u"]).as_deref() == Some("0")
}

/// Effective UID from the text of `/proc/<pid>/status`.
fn parse_effective_uid(status: &str) -> Option<u32> {
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    line["Uid:".len()..].split_whitespace().nth(1)?.parse().ok()
}

/// `VERSION_CODENAME` from `/etc/os-release`.
fn os_codename() -> Option<String> {
    let text = fs::read_to_string("/etc/os-release").ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix("VERSION_CODENAME="))
        .map(|v| v.trim().trim_matches('"').to_string())
        .filter(|v| !v.is_empty())
}

/// Runs `apt-get ARGS` non-interactively, echoing the command first.
fn apt(args: &[&str]) -> Result<(), Box<dyn Error>> {
    step(&format!("run: apt-get {}", args.join(" ")));
    let status = Command::new("apt-get")
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run apt-get: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`apt-get {}` failed ({status})", args.join(" ")).into())
    }
}

/// What to do so that apt knows the bookworm-backports suite.
#[derive(Debug, Clone, PartialEq, Eq)]
enum BackportsPlan {
    /// An enabled entry for the suite exists already (in this file).
    Present(String),
    /// Write a sources file using this mirror URI (taken from the machine's sources).
    Write(String),
}

/// Decides from the machine's apt entries how to get bookworm-backports configured.
fn plan_backports(sources: &[AptSource]) -> Result<BackportsPlan, String> {
    if let Some(s) = sources
        .iter()
        .find(|s| s.enabled && s.suites.iter().any(|x| x == BACKPORTS))
    {
        return Ok(BackportsPlan::Present(s.path.clone()));
    }
    sources
        .iter()
        .filter(|s| s.enabled && s.suites.iter().any(|x| x == "bookworm"))
        .find_map(|s| s.uris.first().cloned())
        .map(BackportsPlan::Write)
        .ok_or_else(|| {
            format!(
                "no Debian bookworm mirror found in {SOURCES_DIR}/*.sources or {SOURCES_LIST}; \
                 add the {BACKPORTS} suite to apt's sources by hand, then \
                 `apt-get update && apt-get install -y -t {BACKPORTS} {QEMU_PKG}`"
            )
        })
}

/// The deb822 text of the backports sources file for `mirror`.
fn backports_sources_text(mirror: &str) -> String {
    format!(
        "Types: deb\nURIs: {mirror}\nSuites: {BACKPORTS}\nComponents: main\n\
         Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"
    )
}

/// Makes sure apt knows the bookworm-backports suite. Returns whether a file was written.
fn ensure_backports_source() -> Result<bool, Box<dyn Error>> {
    match plan_backports(&read_apt_sources())? {
        BackportsPlan::Present(path) => {
            step(&format!("apt: {BACKPORTS} already configured in {path}"));
            Ok(false)
        }
        BackportsPlan::Write(mirror) => {
            step(&format!("apt: writing {SOURCES_FILE} (mirror {mirror})"));
            fs::write(SOURCES_FILE, backports_sources_text(&mirror))
                .map_err(|e| format!("cannot write {SOURCES_FILE}: {e}"))?;
            Ok(true)
        }
    }
}

/// One apt source entry (a deb822 stanza or a one-line `deb` entry).
#[derive(Debug, Clone, PartialEq, Eq)]
struct AptSource {
    /// File it came from.
    path: String,
    /// Whether the entry is active (`Enabled: no` turns a deb822 stanza off).
    enabled: bool,
    /// Repository URIs.
    uris: Vec<String>,
    /// Suites (distribution names).
    suites: Vec<String>,
}

/// Reads every `deb` entry of `/etc/apt/sources.list` and `/etc/apt/sources.list.d/`.
fn read_apt_sources() -> Vec<AptSource> {
    let mut out = Vec::new();
    let mut files: Vec<_> = fs::read_dir(SOURCES_DIR)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for path in files {
        let name = path.to_string_lossy().into_owned();
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        if name.ends_with(".sources") {
            out.extend(parse_deb822(&name, &text));
        } else if name.ends_with(".list") {
            out.extend(parse_one_line(&name, &text));
        }
    }
    if let Ok(text) = fs::read_to_string(Path::new(SOURCES_LIST)) {
        out.extend(parse_one_line(SOURCES_LIST, &text));
    }
    out
}

/// Parses deb822 stanzas (`Types:`, `URIs:`, `Suites:`, `Enabled:`), keeping `deb` ones.
/// Stanzas are separated by blank lines; lines starting with whitespace continue the
/// previous field.
fn parse_deb822(path: &str, text: &str) -> Vec<AptSource> {
    #[derive(Default)]
    struct Stanza {
        types: Vec<String>,
        uris: Vec<String>,
        suites: Vec<String>,
        enabled: bool,
        field: String,
    }
    fn flush(path: &str, st: &mut Stanza, out: &mut Vec<AptSource>) {
        let st = std::mem::take(st);
        if st.types.iter().any(|t| t == "deb") && !st.uris.is_empty() {
            out.push(AptSource {
                path: path.to_string(),
                enabled: st.enabled,
                uris: st.uris,
                suites: st.suites,
            });
        }
    }
    fn add(st: &mut Stanza, value: &str) {
        let words = value.split_whitespace().map(str::to_string);
        match st.field.as_str() {
            "types" => st.types.extend(words),
            "uris" => st.uris.extend(words),
            "suites" => st.suites.extend(words),
            "enabled" => st.enabled = !value.trim().eq_ignore_ascii_case("no"),
            _ => {}
        }
    }

    let mut out = Vec::new();
    let mut st = Stanza {
        enabled: true,
        ..Stanza::default()
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(path, &mut st, &mut out);
            st.enabled = true;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            add(&mut st, line);
            continue;
        }
        match line.split_once(':') {
            Some((key, value)) => {
                st.field = key.trim().to_ascii_lowercase();
                add(&mut st, value);
            }
            None => st.field.clear(),
        }
    }
    flush(path, &mut st, &mut out);
    out
}

/// Parses one-line `deb [options] URI SUITE COMPONENT...` entries.
fn parse_one_line(path: &str, text: &str) -> Vec<AptSource> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some(rest) = line
            .strip_prefix("deb")
            .filter(|r| r.starts_with([' ', '\t']))
        else {
            continue;
        };
        let mut rest = rest.trim_start();
        if rest.starts_with('[') {
            match rest.find(']') {
                Some(end) => rest = rest[end + 1..].trim_start(),
                None => continue,
            }
        }
        let mut words = rest.split_whitespace();
        let (Some(uri), Some(suite)) = (words.next(), words.next()) else {
            continue;
        };
        out.push(AptSource {
            path: path.to_string(),
            enabled: true,
            uris: vec![uri.to_string()],
            suites: vec![suite.to_string()],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_qemu_versions() {
        let line = "QEMU emulator version 10.0.2 (Debian 1:10.0.2+ds-2+deb13u1~bpo12+1)";
        assert_eq!(qemu_version(line), Some((10, 0)));
        assert_eq!(
            qemu_version("QEMU emulator version 7.2.15 (Debian 1:7.2+dfsg-7+deb12u13)"),
            Some((7, 2))
        );
        assert_eq!(qemu_version("something else"), None);
    }

    #[test]
    fn parses_effective_uid() {
        let status = "Name:\tcat\nUid:\t1000\t0\t0\t0\nGid:\t0\t0\t0\t0\n";
        assert_eq!(parse_effective_uid(status), Some(0));
        assert_eq!(parse_effective_uid("Uid:\t5\t7\t7\t7\n"), Some(7));
        assert_eq!(parse_effective_uid("Name: x\n"), None);
    }

    #[test]
    fn parses_deb822_stanzas() {
        let text = "Types: deb\n# comment: with colon\nURIs: file:/srv/mirror/debian\n\
                    Suites: bookworm bookworm-updates\nComponents: main\n\n\
                    Types: deb\nURIs: file:/srv/mirror/debian-security\n\
                    Suites: bookworm-security\nComponents: main\n\n\
                    Types: deb-src\nURIs: file:/srv/src/debian\nSuites: bookworm\n\n\
                    Types: deb\nURIs: file:/srv/off/debian\nSuites: bookworm-backports\n\
                    Enabled: no\n";
        let s = parse_deb822("x.sources", text);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].uris, ["file:/srv/mirror/debian"]);
        assert_eq!(s[0].suites, ["bookworm", "bookworm-updates"]);
        assert_eq!(s[1].suites, ["bookworm-security"]);
        assert!(!s[2].enabled);
    }

    #[test]
    fn deb822_continuation_lines_and_blank_lines_with_spaces() {
        let text = concat!(
            "Types: deb\r\n",
            "URIs:\n",
            " file:/srv/a/debian\n",
            " file:/srv/b/debian\n",
            "Suites: bookworm\n",
            "Signed-By:\n",
            " -----BEGIN PGP PUBLIC KEY BLOCK-----\n",
            " Suites: bogus\n",
            " .\n",
            " -----END PGP PUBLIC KEY BLOCK-----\n",
            "   \n",
            "Types: deb\n",
            "URIs: file:/srv/c/debian\n",
            "Suites: trixie\n",
        );
        let s = parse_deb822("y.sources", text);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].uris, ["file:/srv/a/debian", "file:/srv/b/debian"]);
        assert_eq!(s[0].suites, ["bookworm"]);
        assert_eq!(s[1].suites, ["trixie"]);
    }

    #[test]
    fn parses_one_line_entries() {
        let text = "# deb file:/srv/commented/debian bookworm main\n\
                    deb [signed-by=/k.gpg arch=amd64] file:/srv/mirror/debian bookworm main\n\
                    deb-src file:/srv/src/debian bookworm main\n\
                    deb file:/srv/mirror/debian bookworm-backports main # trailing\n";
        let s = parse_one_line("sources.list", text);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].uris, ["file:/srv/mirror/debian"]);
        assert_eq!(s[0].suites, ["bookworm"]);
        assert_eq!(s[1].suites, ["bookworm-backports"]);
    }

    fn source(path: &str, uri: &str, suites: &[&str], enabled: bool) -> AptSource {
        AptSource {
            path: path.to_string(),
            enabled,
            uris: vec![uri.to_string()],
            suites: suites.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn backports_plan_reuses_the_machine_mirror() {
        let sources = [
            source("a.sources", "file:/srv/sec", &["bookworm-security"], true),
            source("b.sources", "file:/srv/off", &["bookworm"], false),
            source(
                "c.sources",
                "file:/srv/main",
                &["bookworm", "bookworm-updates"],
                true,
            ),
        ];
        assert_eq!(
            plan_backports(&sources),
            Ok(BackportsPlan::Write("file:/srv/main".to_string()))
        );
        let text = backports_sources_text("file:/srv/main");
        assert!(text.contains("URIs: file:/srv/main\n"));
        assert!(text.contains("Suites: bookworm-backports\n"));
        assert!(text.contains("Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"));
    }

    #[test]
    fn backports_plan_keeps_an_existing_entry() {
        let sources = [
            source("main.sources", "file:/srv/main", &["bookworm"], true),
            source(
                "bp.sources",
                "file:/srv/main",
                &["bookworm-backports"],
                true,
            ),
        ];
        assert_eq!(
            plan_backports(&sources),
            Ok(BackportsPlan::Present("bp.sources".to_string()))
        );
        assert!(plan_backports(&sources[1..]).is_ok());
        assert!(plan_backports(&[]).is_err());
        let disabled = [source(
            "bp.sources",
            "file:/srv/x",
            &["bookworm-backports"],
            false,
        )];
        assert!(plan_backports(&disabled).is_err());
    }
}
