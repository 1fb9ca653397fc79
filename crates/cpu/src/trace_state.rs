//! State records: the architectural state before each instruction, exactly what QEMU's
//! `-d cpu,exec` log shows, so that a64sim's execution and QEMU's compare record by record.
//!
//! QEMU (`-accel tcg,one-insn-per-tb=on -d cpu,exec,nochain`) prints before every
//! translation block, hence before every instruction, the PC, X0–X30, the current SP (the
//! one PSTATE.{EL,SP} selects), and `PSTATE=<hex>` where the hex is PSTATE in the SPSR_ELx
//! layout (NZCV, TCO, DIT, UAO, PAN, SS, IL, ALLINT, SSBS, BTYPE, DAIF, M\[3:0\] = EL and
//! SPSel), followed by the NZCV letters, the security state of EL0–EL2 (`NS `/`S `, from
//! SCR_EL3.NS, absent at EL3), `EL<n><h|t>` and `BTYPE=<n>`. [`StateRecord`] holds exactly
//! these values; [`StateTracer`] takes one before each step a64sim executes and hands it to a
//! [`RecordSink`]: a `Vec` (the lockstep comparison) or a [`QemuLogWriter`] (`a64sim run
//! --trace FILE --trace-format qemu`, for comparing with QEMU's log by standard tools).
//!
//! QEMU also logs a record for a step that raises an exception without executing an
//! instruction (a misaligned PC, PSTATE.IL set); the run loop reports those steps through
//! [`Tracer::before_exception`] and the record has no instruction word.

use crate::run::{Pe, Tracer};
use a64sim_arch::El;
use a64sim_isa::Insn;
use std::io::Write;

/// Table index of SCR_EL3, whose NS bit QEMU prints as the security state below EL3.
const SCR: usize = crate::sysreg::index_of(a64sim_isa::sysreg::regs::SCR_EL3);

/// The security state QEMU prints before `EL<n>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Security {
    /// Nothing printed: the PE is at EL3.
    Unstated,
    /// `S `: SCR_EL3.NS = 0 below EL3.
    Secure,
    /// `NS `: SCR_EL3.NS = 1 below EL3.
    NonSecure,
}

impl Security {
    /// The text QEMU prints for it, with its trailing space.
    pub fn prefix(self) -> &'static str {
        match self {
            Security::Unstated => "",
            Security::Secure => "S ",
            Security::NonSecure => "NS ",
        }
    }
}

/// Names of the PSTATE bits of [`StateRecord::pstate`] (SPSR_ELx layout), most significant
/// first, for reporting which bits differ.
pub const PSTATE_BITS: &[(u32, &str)] = &[
    (31, "N"),
    (30, "Z"),
    (29, "C"),
    (28, "V"),
    (25, "TCO"),
    (24, "DIT"),
    (23, "UAO"),
    (22, "PAN"),
    (21, "SS"),
    (20, "IL"),
    (13, "ALLINT"),
    (12, "SSBS"),
    (11, "BTYPE[1]"),
    (10, "BTYPE[0]"),
    (9, "D"),
    (8, "A"),
    (7, "I"),
    (6, "F"),
    (3, "EL[1]"),
    (2, "EL[0]"),
    (0, "SPSel"),
];

/// The architectural state before one step, as QEMU logs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateRecord {
    /// Address of the instruction about to execute.
    pub pc: u64,
    /// X0–X30.
    pub x: [u64; 31],
    /// The stack pointer selected by PSTATE.EL and PSTATE.SP.
    pub sp: u64,
    /// PSTATE in the SPSR_ELx layout (QEMU's `pstate_read()`).
    pub pstate: u32,
    /// Security state below EL3.
    pub security: Security,
    /// The instruction word (a64sim's records; QEMU does not log it, and steps that raise an
    /// exception before fetching have none).
    pub word: Option<u32>,
}

impl StateRecord {
    /// The state of `pe` before the step at `pc` (`word`: the instruction, if fetched).
    pub fn of(pe: &Pe, pc: u64, word: Option<u32>) -> Self {
        let mut x = [0; 31];
        x.copy_from_slice(&pe.st.x[..31]);
        let security = if pe.st.pstate.el == El::El3 {
            Security::Unstated
        } else if pe.sys.get(SCR) & a64sim_el2::bits::scr::NS != 0 {
            Security::NonSecure
        } else {
            Security::Secure
        };
        StateRecord {
            pc,
            x,
            sp: pe.st.sp(),
            pstate: pe.st.pstate.to_spsr() as u32,
            security,
            word,
        }
    }

    /// PSTATE.EL.
    pub fn el(&self) -> u8 {
        (self.pstate >> 2) as u8 & 3
    }

    /// PSTATE.SP: `true` when SP_ELx is in use (QEMU's `h`), `false` for SP_EL0 (`t`).
    pub fn sp_sel(&self) -> bool {
        self.pstate & 1 != 0
    }

    /// PSTATE.BTYPE.
    pub fn btype(&self) -> u8 {
        (self.pstate >> 10) as u8 & 3
    }

    /// The NZCV letters QEMU prints (`-Z--`).
    pub fn nzcv_letters(&self) -> String {
        "NZCV"
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if self.pstate >> (31 - i) & 1 != 0 {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    }

    /// PSTATE as QEMU prints it after `PSTATE=`: `400003cd -Z-- EL3h  BTYPE=0`.
    pub fn pstate_text(&self) -> String {
        format!(
            "{:08x} {} {}EL{}{}  BTYPE={}",
            self.pstate,
            self.nzcv_letters(),
            self.security.prefix(),
            self.el(),
            if self.sp_sel() { 'h' } else { 't' },
            self.btype()
        )
    }

    /// Writes the record in QEMU's `-d cpu,exec` format. The `Trace` line carries no host
    /// address or translation-block flags (a64sim has neither): zeros stand in for them.
    pub fn write_qemu(&self, out: &mut impl Write) -> std::io::Result<()> {
        writeln!(
            out,
            "Trace 0: 0x0000000000000000 [00000000/{:016x}/00000000/00000000] ",
            self.pc
        )?;
        write!(out, " PC={:016x}", self.pc)?;
        for (i, v) in self.x.iter().enumerate() {
            let sep = if i % 3 == 2 { '\n' } else { ' ' };
            write!(out, "{sep}X{i:02}={v:016x}")?;
        }
        writeln!(out, "  SP={:016x}", self.sp)?;
        writeln!(out, "PSTATE={}", self.pstate_text())
    }
}

/// Where a [`StateTracer`] puts its records.
pub trait RecordSink {
    /// Takes the record of the next step.
    fn record(&mut self, r: StateRecord);
}

impl RecordSink for Vec<StateRecord> {
    #[inline]
    fn record(&mut self, r: StateRecord) {
        self.push(r);
    }
}

/// Writes records in QEMU's log format; the first write error stops the output.
#[derive(Debug)]
pub struct QemuLogWriter<W: Write> {
    out: W,
    /// First write error; nothing is written after it.
    pub error: Option<std::io::Error>,
}

impl<W: Write> QemuLogWriter<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> Self {
        QemuLogWriter { out, error: None }
    }

    /// Flushes the output; returns the first write error, if any.
    pub fn finish(mut self) -> std::io::Result<()> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.out.flush()
    }
}

impl<W: Write> RecordSink for QemuLogWriter<W> {
    fn record(&mut self, r: StateRecord) {
        if self.error.is_none() {
            if let Err(e) = r.write_qemu(&mut self.out) {
                self.error = Some(e);
            }
        }
    }
}

/// A tracer that records the state before every step into a [`RecordSink`].
#[derive(Debug, Default)]
pub struct StateTracer<S: RecordSink> {
    /// The records' destination.
    pub sink: S,
}

impl<S: RecordSink> StateTracer<S> {
    /// A tracer feeding `sink`.
    pub fn new(sink: S) -> Self {
        StateTracer { sink }
    }
}

impl<S: RecordSink> Tracer for StateTracer<S> {
    const ENABLED: bool = true;

    #[inline]
    fn before(&mut self, pe: &Pe, pc: u64, word: u32, _insn: &Insn) {
        self.sink.record(StateRecord::of(pe, pc, Some(word)));
    }

    #[inline]
    fn before_exception(&mut self, pe: &Pe, pc: u64) {
        self.sink.record(StateRecord::of(pe, pc, None));
    }

    #[inline]
    fn after(&mut self, _pe: &Pe) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{machine, NullPlatform};

    #[test]
    fn records_state_before_each_instruction_in_qemu_layout() {
        // movz x1, #5; subs x2, x1, #5; b .
        let (mut cpu, mut mem) = machine(&[0xd28000a1, 0xf1001422, 0x14000000]);
        let mut t = StateTracer::new(Vec::new());
        cpu.run(&mut mem, &mut NullPlatform, 3, &mut t);
        let r = &t.sink;
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].pc, 0x4000_0000);
        assert_eq!(r[0].word, Some(0xd28000a1));
        assert_eq!(r[1].x[1], 5);
        assert_eq!(r[2].x[2], 0);
        // EL3h, DAIF masked, Z and C set by the SUBS.
        assert_eq!(r[2].pstate & 0x3ff, 0x3cd);
        assert_eq!(r[2].nzcv_letters(), "-ZC-");
        assert_eq!(r[2].security, Security::Unstated);
        assert_eq!(r[2].pstate_text(), "600003cd -ZC- EL3h  BTYPE=0");
    }

    #[test]
    fn qemu_text_has_qemus_line_structure() {
        let (cpu, _) = machine(&[]);
        let mut r = StateRecord::of(&cpu.pe, 0x4020_0000, None);
        r.x[0] = 0x4020_7000;
        r.x[30] = 1;
        r.sp = 0x4020_b020;
        let mut out = Vec::new();
        r.write_qemu(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 13);
        assert_eq!(
            lines[1],
            " PC=0000000040200000 X00=0000000040207000 X01=0000000000000000"
        );
        assert_eq!(
            lines[2],
            "X02=0000000000000000 X03=0000000000000000 X04=0000000000000000"
        );
        assert_eq!(
            lines[11],
            "X29=0000000000000000 X30=0000000000000001  SP=000000004020b020"
        );
        assert!(lines[12].starts_with("PSTATE=") && lines[12].ends_with("EL3h  BTYPE=0"));
    }

    #[test]
    fn the_branch_target_is_recorded_with_the_btype_it_executes_with() {
        // br x1 (to the nop); nop; nop: BTYPE = 1 before the target, 0 after it.
        let (mut cpu, mut mem) = machine(&[0xd61f0020, 0xd503201f, 0xd503201f]);
        cpu.pe.st.x[1] = crate::testutil::CODE + 4;
        let mut t = StateTracer::new(Vec::new());
        cpu.run(&mut mem, &mut NullPlatform, 3, &mut t);
        let btypes: Vec<u8> = t.sink.iter().map(StateRecord::btype).collect();
        assert_eq!(btypes, [0, 1, 0]);
        assert_eq!(cpu.pe.st.pstate.btype, 0);
    }

    #[test]
    fn misaligned_pc_is_a_step_without_a_word() {
        // br x1 with x1 = base + 2: the next step is a PC alignment fault.
        let (mut cpu, mut mem) = machine(&[0xd61f0020]);
        cpu.pe.st.x[1] = 0x4000_0002;
        let mut t = StateTracer::new(Vec::new());
        cpu.run(&mut mem, &mut NullPlatform, 2, &mut t);
        assert_eq!(t.sink.len(), 2);
        assert_eq!(t.sink[1].pc, 0x4000_0002);
        assert_eq!(t.sink[1].word, None);
        // BR sets BTYPE = 1; the record before the fault still shows it (as QEMU's does).
        assert_eq!(t.sink[1].btype(), 1);
    }
}
