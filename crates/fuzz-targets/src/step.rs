//! The `step` target: an arbitrary PE state and instruction stream, run for at most
//! [`BUDGET`] steps against [`StubPlatform`].
//!
//! The input is a [`StepState`] (decoded with `arbitrary`) followed by the code, which is
//! placed at [`CODE`]. The state is built the way an EL3 guest could build it:
//! system registers are written with their RES0/RES1 masks applied (what MSR does), the
//! GPRs and stack pointers are set, and the PE leaves EL3 through an exception return to
//! the given SPSR and ELR, so the starting EL and PSTATE are ones the architecture can
//! reach (an illegal return gives PSTATE.IL, as it would on hardware). With the MMU on, the
//! translation tables are whatever the input wrote into RAM.
//!
//! Properties:
//! * nothing panics (every word, register value and table ends in architectural behaviour
//!   or a typed emulator error);
//! * the run is bounded and its counters agree with the PE's;
//! * the end state keeps the PE's invariants (XZR reads zero, EL0 uses SP_EL0, PSTATE
//!   fields in range, every plain system register within its RES0/RES1 masks);
//! * running the same input in two parts (split at an input-chosen step, the second part
//!   traced to a sink) ends in exactly the same registers, system registers, RAM and stop
//!   reason as running it in one go: block boundaries, budgets and tracing change nothing.

use crate::bytes::{encode_fields, Encode};
use a64sim_arch::El;
use a64sim_cpu::memory::GuestMemory;
use a64sim_cpu::run::Pe;
use a64sim_cpu::sysreg::{Access, Storage, SysRegs, SYSREGS};
use a64sim_cpu::{
    Cpu, NoTrace, PhysMem, Platform, RunOutcome, SemihostingCall, StopReason, TextTracer,
};
use a64sim_isa::sysreg::{regs, SysRegId};
use arbitrary::{Arbitrary, Unstructured};

/// Where RAM starts (QEMU `virt`).
pub const RAM_BASE: u64 = 0x4000_0000;
/// RAM size: room for code, data and translation tables of every granule.
pub const RAM_SIZE: usize = 4 << 20;
/// Where the code is placed: where the test images in `tests/images` are linked.
pub const CODE: u64 = 0x4020_0000;
/// The stub platform's MMIO window (a 4 KiB device at the PL011's address).
pub const MMIO_BASE: u64 = 0x0900_0000;
/// Steps (retired instructions plus taken exceptions) per run.
pub const BUDGET: u64 = 600;

/// A 64-bit value as the input describes it: `kind` picks how `bits` is read, so that the
/// fuzzer reaches pointers into RAM as easily as arbitrary values.
#[derive(Arbitrary, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Operand {
    /// 0: an address in RAM, `bits` bytes after [`CODE`] (wrapping around RAM); 1: `bits`
    /// as is; 2: a small number; 3: like 0, with the top byte of `bits` as tag (TBI, MTE).
    /// Only the low two bits count.
    pub kind: u8,
    /// The value.
    pub bits: u64,
}
encode_fields!(Operand { kind, bits });

impl Operand {
    /// The RAM address `pa` (wrapped into RAM).
    pub const fn ram(pa: u64) -> Operand {
        let size = RAM_SIZE as u64;
        Operand {
            kind: 0,
            bits: pa.wrapping_sub(CODE) % size,
        }
    }

    /// A raw value.
    pub const fn raw(bits: u64) -> Operand {
        Operand { kind: 1, bits }
    }

    /// The 64-bit value.
    pub fn value(self) -> u64 {
        let size = RAM_SIZE as u64;
        let ram = RAM_BASE + (CODE - RAM_BASE + self.bits % size) % size;
        match self.kind & 3 {
            0 => ram,
            1 => self.bits,
            2 => self.bits & 0xfff,
            _ => ram | (self.bits & 0xff00_0000_0000_0000),
        }
    }
}

/// A write of `value` to a system register chosen by `reg`.
#[derive(Arbitrary, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SysRegWrite {
    /// 0: no write; `1..=CONTROL.len()`: that entry of [`CONTROL`]; above: a row of the
    /// register table (modulo its length), skipped unless MSR could write it.
    pub reg: u16,
    /// The value written.
    pub value: Operand,
}
encode_fields!(SysRegWrite { reg, value });

/// A write of 8 bytes to RAM (translation tables, data, vectors).
#[derive(Arbitrary, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemWrite {
    /// Doubleword index into RAM (modulo its size).
    pub index: u32,
    /// The value written.
    pub value: Operand,
}
encode_fields!(MemWrite { index, value });

impl MemWrite {
    /// A write of `value` to the doubleword at RAM address `pa`.
    pub const fn at(pa: u64, value: Operand) -> MemWrite {
        MemWrite {
            index: (pa.wrapping_sub(RAM_BASE) / 8) as u32,
            value,
        }
    }

    /// The RAM address written.
    pub const fn address(&self) -> u64 {
        RAM_BASE + (self.index as u64 % (RAM_SIZE as u64 / 8)) * 8
    }
}

/// Most system registers: how many writes a [`StepState`] holds.
pub const MAX_SYSREG_WRITES: usize = 16;
/// How many RAM writes a [`StepState`] holds.
pub const MAX_MEM_WRITES: usize = 24;

/// The PE state an input starts from (everything before the code).
#[derive(Arbitrary, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StepState {
    /// SPSR_EL3 of the exception return that starts the run (EL, SP, DAIF, NZCV, PAN...).
    pub spsr: u64,
    /// ELR_EL3: where the run starts (default: the code at the start of RAM).
    pub entry: Operand,
    /// Where the second run splits the budget (modulo `BUDGET + 1`).
    pub split: u16,
    /// X0–X30.
    pub x: [Operand; 31],
    /// SP_EL0–SP_EL3.
    pub sp: [Operand; 4],
    /// System register writes, in order.
    pub sysregs: [SysRegWrite; MAX_SYSREG_WRITES],
    /// RAM writes, in order, after the code is placed.
    pub mem: [MemWrite; MAX_MEM_WRITES],
}
encode_fields!(StepState {
    spsr,
    entry,
    split,
    x,
    sp,
    sysregs,
    mem
});

/// A whole `step` input: the state, then the code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepInput {
    /// The starting state.
    pub state: StepState,
    /// The bytes placed at [`CODE`].
    pub code: Vec<u8>,
}

impl Encode for StepInput {
    fn encode_into(&self, out: &mut Vec<u8>) {
        self.state.encode_into(out);
        out.extend_from_slice(&self.code);
    }
}

impl StepInput {
    /// Decodes an input: the state (zero-padded when short), then the rest as code.
    pub fn from_bytes(data: &[u8]) -> StepInput {
        let mut u = Unstructured::new(data);
        let state = StepState::arbitrary(&mut u).unwrap_or_default();
        StepInput {
            state,
            code: u.take_rest().to_vec(),
        }
    }
}

/// The registers that decide translation, routing and traps, for [`SysRegWrite::reg`].
pub const CONTROL: [SysRegId; 32] = [
    regs::SCR_EL3,
    regs::HCR_EL2,
    regs::SCTLR_EL1,
    regs::SCTLR_EL2,
    regs::SCTLR_EL3,
    regs::TCR_EL1,
    regs::TCR_EL2,
    regs::TCR_EL3,
    regs::TTBR0_EL1,
    regs::TTBR1_EL1,
    regs::TTBR0_EL2,
    regs::TTBR1_EL2,
    regs::TTBR0_EL3,
    regs::MAIR_EL1,
    regs::MAIR_EL2,
    regs::MAIR_EL3,
    regs::VTCR_EL2,
    regs::VTTBR_EL2,
    regs::VBAR_EL1,
    regs::VBAR_EL2,
    regs::VBAR_EL3,
    regs::CPACR_EL1,
    regs::CPTR_EL2,
    regs::CPTR_EL3,
    regs::SPSR_EL1,
    regs::SPSR_EL2,
    regs::ELR_EL1,
    regs::ELR_EL2,
    regs::MDCR_EL2,
    regs::MDCR_EL3,
    regs::GCR_EL1,
    regs::TFSR_EL1,
];

/// The table index a [`SysRegWrite::reg`] selects, if MSR at EL3 could write it.
pub fn sysreg_index(reg: u16) -> Option<usize> {
    let reg = reg as usize;
    let idx = match reg {
        0 => return None,
        r if r <= CONTROL.len() => SysRegs::lookup(CONTROL[r - 1])?.0,
        r => (r - 1 - CONTROL.len()) % SYSREGS.len(),
    };
    let def = &SYSREGS[idx];
    (def.storage == Storage::Plain && def.access != Access::ReadOnly).then_some(idx)
}

/// The entry in [`CONTROL`] of `id`, as a [`SysRegWrite::reg`] value.
pub fn control_reg(id: SysRegId) -> u16 {
    let i = CONTROL
        .iter()
        .position(|&c| c == id)
        .unwrap_or(CONTROL.len());
    i as u16 + 1
}

/// A platform with one 4 KiB device at [`MMIO_BASE`] and a semihosting console that
/// reads the guest's string through its (possibly translated) memory.
#[derive(Debug, Default)]
pub struct StubPlatform {
    /// The last value written to the device.
    pub last_write: u64,
    /// Bytes the guest printed through semihosting (capped).
    pub console: Vec<u8>,
}

/// Semihosting SYS_WRITE0.
const SYS_WRITE0: u32 = 0x04;
/// Semihosting SYS_EXIT.
const SYS_EXIT: u32 = 0x18;
/// The most console bytes kept.
const CONSOLE_MAX: usize = 256;

impl Platform for StubPlatform {
    fn mmio_read(&mut self, pa: u64, size: usize) -> Option<u64> {
        if !(MMIO_BASE..MMIO_BASE + 0x1000).contains(&pa) {
            return None;
        }
        let v = (pa ^ self.last_write).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        Some(if size >= 8 {
            v
        } else {
            v & ((1u64 << (8 * size)) - 1)
        })
    }

    fn mmio_write(&mut self, pa: u64, _size: usize, value: u64) -> bool {
        if !(MMIO_BASE..MMIO_BASE + 0x1000).contains(&pa) {
            return false;
        }
        self.last_write = value;
        true
    }

    fn semihosting(&mut self, op: u32, param: u64, mem: &mut dyn GuestMemory) -> SemihostingCall {
        match op {
            SYS_WRITE0 => {
                let mut b = [0u8; 1];
                let mut va = param;
                while self.console.len() < CONSOLE_MAX && mem.read_virt(va, &mut b) && b[0] != 0 {
                    self.console.push(b[0]);
                    va = va.wrapping_add(1);
                }
                SemihostingCall::Return(param)
            }
            SYS_EXIT => SemihostingCall::Exit(param as i32),
            _ => SemihostingCall::Return(u64::MAX),
        }
    }
}

/// Builds the PE and RAM for `input`, ready to run.
pub fn build(input: &StepInput) -> (Cpu, PhysMem) {
    let s = &input.state;
    let mut mem = PhysMem::new(RAM_BASE, RAM_SIZE);
    let room = (RAM_BASE + RAM_SIZE as u64 - CODE) as usize;
    let code = &input.code[..input.code.len().min(room)];
    assert!(mem.write_bytes(CODE, code));
    for w in &s.mem {
        assert!(mem.write_bytes(w.address(), &w.value.value().to_le_bytes()));
    }
    let mut cpu = Cpu::new(El::El3, CODE);
    for w in &s.sysregs {
        if let Some(idx) = sysreg_index(w.reg) {
            cpu.pe.sys.set(idx, w.value.value());
        }
    }
    for (x, v) in cpu.pe.st.x.iter_mut().zip(&s.x) {
        *x = v.value();
    }
    for (sp, v) in cpu.pe.st.sp_el.iter_mut().zip(&s.sp) {
        *sp = v.value();
    }
    let spsr = SysRegs::lookup(regs::SPSR_EL3).map(|r| r.0);
    let elr = SysRegs::lookup(regs::ELR_EL3).map(|r| r.0);
    if let (Some(spsr), Some(elr)) = (spsr, elr) {
        cpu.pe.sys.set(spsr, s.spsr);
        cpu.pe.sys.set(elr, s.entry.value());
        cpu.pe.st.pc = cpu.pe.exception_return();
    }
    cpu.pe.xlat.registers_changed();
    (cpu, mem)
}

/// The end of a run: what the two ways of running an input are compared on.
#[derive(Debug)]
pub struct Ending {
    /// The PE.
    pub cpu: Cpu,
    /// RAM.
    pub mem: PhysMem,
    /// Why the (last part of the) run stopped.
    pub reason: StopReason,
    /// Instructions retired over the whole run.
    pub retired: u64,
}

/// Runs `input` for [`BUDGET`] steps in one go, or split at `split` with the second part
/// traced.
pub fn run(input: &StepInput, split: Option<u64>) -> Ending {
    let (mut cpu, mut mem) = build(input);
    let mut plat = StubPlatform::default();
    let (reason, retired) = match split {
        None => {
            let out = cpu.run(&mut mem, &mut plat, BUDGET, &mut NoTrace);
            check_outcome(&cpu.pe, &out, BUDGET);
            (out.reason, out.retired)
        }
        Some(k) => {
            let first = cpu.run(&mut mem, &mut plat, k, &mut NoTrace);
            check_outcome(&cpu.pe, &first, k);
            if first.reason == StopReason::BudgetExhausted {
                let mut tracer = TextTracer::new(std::io::sink());
                let second = cpu.run(&mut mem, &mut plat, BUDGET - k, &mut tracer);
                assert!(tracer.finish().is_ok());
                let total = first.retired + second.retired;
                check_outcome(
                    &cpu.pe,
                    &RunOutcome {
                        reason: second.reason.clone(),
                        retired: total,
                    },
                    BUDGET,
                );
                (second.reason, total)
            } else {
                (first.reason, first.retired)
            }
        }
    };
    check_pe(&cpu.pe);
    Ending {
        cpu,
        mem,
        reason,
        retired,
    }
}

/// Checks a run's counters against the PE's (the PE started with none retired).
pub fn check_outcome(pe: &Pe, out: &RunOutcome, budget: u64) {
    assert_eq!(pe.retired, out.retired, "retired count");
    // An exception-generating instruction that retires as the last step takes its
    // exception too: one step over.
    assert!(
        pe.retired + pe.exceptions <= budget + 1,
        "{} retired + {} exceptions exceed the budget {budget}",
        pe.retired,
        pe.exceptions
    );
    if let StopReason::Error(e) = &out.reason {
        assert!(!e.to_string().is_empty());
    }
}

/// The PE invariants that hold after any run.
pub fn check_pe(pe: &Pe) {
    let p = &pe.st.pstate;
    assert_eq!(pe.st.x[31], 0, "the XZR slot is not zero");
    assert!(p.el != El::El0 || !p.sp, "EL0 with SP_ELx selected");
    assert!(p.nzcv <= 0xf && p.daif <= 0xf && p.btype <= 3, "{p:?}");
    for (i, def) in SYSREGS.iter().enumerate() {
        let v = pe.sys.get(i);
        assert_eq!(
            (v & !def.res0) | def.res1,
            v,
            "{} = {v:#x} breaks its RES0/RES1 masks",
            def.id
        );
    }
}

/// Asserts that two endings are the same.
pub fn assert_same(a: &Ending, b: &Ending) {
    let (pa, pb) = (&a.cpu.pe, &b.cpu.pe);
    assert_eq!(a.reason, b.reason, "stop reason");
    assert_eq!(a.retired, b.retired, "retired");
    assert_eq!(pa.exceptions, pb.exceptions, "exceptions taken");
    assert_eq!(pa.st.pc, pb.st.pc, "pc");
    assert_eq!(pa.st.x, pb.st.x, "X registers");
    assert_eq!(pa.st.sp_el, pb.st.sp_el, "stack pointers");
    assert_eq!(pa.st.pstate, pb.st.pstate, "PSTATE");
    for (i, def) in SYSREGS.iter().enumerate() {
        assert_eq!(pa.sys.get(i), pb.sys.get(i), "{}", def.id);
    }
    let (mut ca, mut cb) = ([0u8; 4096], [0u8; 4096]);
    for page in (0..RAM_SIZE as u64).step_by(4096) {
        assert!(a.mem.read_bytes(RAM_BASE + page, &mut ca));
        assert!(b.mem.read_bytes(RAM_BASE + page, &mut cb));
        assert!(
            ca == cb,
            "RAM differs in the page at {:#x}",
            RAM_BASE + page
        );
    }
}

/// The `step` target.
pub fn step(data: &[u8]) {
    let input = StepInput::from_bytes(data);
    let whole = run(&input, None);
    let k = u64::from(input.state.split) % (BUDGET + 1);
    let split = run(&input, Some(k));
    assert_same(&whole, &split);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_round_trip_through_arbitrary() {
        let mut s = StepState {
            spsr: 0x3c5,
            entry: Operand::ram(CODE + 0x40),
            split: 77,
            ..StepState::default()
        };
        s.x[3] = Operand::raw(0x1234_5678_9abc_def0);
        s.sp[2] = Operand {
            kind: 3,
            bits: u64::MAX,
        };
        s.sysregs[0] = SysRegWrite {
            reg: control_reg(regs::SCTLR_EL1),
            value: Operand::raw(1),
        };
        s.mem[5] = MemWrite::at(RAM_BASE + 0x8_0000, Operand::ram(RAM_BASE + 0x3000));
        let input = StepInput {
            state: s,
            code: vec![0x1f, 0x20, 0x03, 0xd5],
        };
        assert_eq!(StepInput::from_bytes(&input.to_bytes()), input);
    }

    #[test]
    fn every_control_register_is_writable() {
        for (i, id) in CONTROL.iter().enumerate() {
            assert!(sysreg_index(i as u16 + 1).is_some(), "{id}");
            assert_eq!(control_reg(*id), i as u16 + 1);
        }
    }

    #[test]
    fn empty_input_starts_at_el0_on_the_code() {
        let (cpu, _) = build(&StepInput::default());
        assert_eq!(cpu.pe.st.pc, CODE);
        assert_eq!(Operand::ram(RAM_BASE + 0x1238).value(), RAM_BASE + 0x1238);
        assert_eq!(MemWrite::at(CODE + 8, Operand::raw(0)).address(), CODE + 8);
        assert_eq!(cpu.pe.st.pstate.el, El::El0);
        step(&[]);
    }
}
