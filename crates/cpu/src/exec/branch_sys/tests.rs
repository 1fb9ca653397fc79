//! Exception-level behaviour of system instructions, checked against the Arm ARM rules
//! (ARCH.md §1, §2): traps with their syndromes, VHE redirection, WFI, FP traps, virtual
//! interrupts, SP alignment. Instruction words come from `aarch64-linux-gnu-as`.

use crate::exception::{banked, Banked};
use crate::run::{Cpu, StopReason};
use crate::sysreg::SysRegs;
use crate::testutil::{machine, step, CODE};
use crate::PhysMem;
use a64sim_arch::El;
use a64sim_el2::bits::{hcr, scr, sctlr};
use a64sim_isa::sysreg::{regs, SysRegId};

fn set(cpu: &mut Cpu, id: SysRegId, v: u64) {
    let (i, _) = SysRegs::lookup(id).expect("register");
    cpu.pe.sys.set(i, v);
}

fn get(cpu: &Cpu, id: SysRegId) -> u64 {
    let (i, _) = SysRegs::lookup(id).expect("register");
    cpu.pe.sys.get(i)
}

/// A PE at `el` in Non-secure state (SCR_EL3.NS = RW = 1) running `words`, vectors at 0x...
fn at(el: El, words: &[u32], hcr_v: u64) -> (Cpu, PhysMem) {
    let (mut cpu, mem) = machine(words);
    set(&mut cpu, regs::SCR_EL3, scr::NS | scr::RW | scr::HCE);
    set(&mut cpu, regs::HCR_EL2, hcr::RW | hcr_v);
    for (v, base) in [
        (regs::VBAR_EL1, 0x4001_0000u64),
        (regs::VBAR_EL2, 0x4002_0000),
        (regs::VBAR_EL3, 0x4003_0000),
    ] {
        set(&mut cpu, v, base);
    }
    cpu.pe.st.pstate.el = el;
    (cpu, mem)
}

const MRS_X3_ID_AA64PFR0: u32 = 0xd538_0403; // mrs x3, id_aa64pfr0_el1
const MSR_SCTLR_EL1_X5: u32 = 0xd518_1005; // msr sctlr_el1, x5
const MRS_X1_SCTLR_EL1: u32 = 0xd538_1001; // mrs x1, sctlr_el1
const MSR_SCTLR_EL12_X2: u32 = 0xd51d_1002; // msr sctlr_el12, x2
const WFI: u32 = 0xd503_207f;
const FMOV_D0_X1: u32 = 0x9e67_0020; // fmov d0, x1
const MRS_X0_CTR: u32 = 0xd53b_0020; // mrs x0, ctr_el0
const NOP: u32 = 0xd503_201f;

#[test]
fn tid3_traps_an_el1_id_read_to_el2_with_the_sysreg_syndrome() {
    let (mut cpu, mut mem) = at(El::El1, &[MRS_X3_ID_AA64PFR0], hcr::TID3);
    step(&mut cpu, &mut mem, 1);
    // EC 0x18, IL, ISS: op0=3 op2=0 op1=0 CRn=0 Rt=3 CRm=4 read.
    assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El2), 0x6230_0069);
    assert_eq!(banked(&cpu.pe.sys, Banked::Elr, El::El2), CODE);
    assert_eq!(cpu.pe.st.pstate.el, El::El2);
    assert_eq!(
        cpu.pe.st.pc, 0x4002_0400,
        "lower EL, AArch64: VBAR_EL2 + 0x400"
    );
}

#[test]
fn without_tid3_the_read_completes_and_secure_el1_is_never_trapped_to_el2() {
    let (mut cpu, mut mem) = at(El::El1, &[MRS_X3_ID_AA64PFR0], 0);
    step(&mut cpu, &mut mem, 1);
    assert_eq!(cpu.pe.st.x[3], 0x0000_0010_0100_1111);
    let (mut cpu, mut mem) = at(El::El1, &[MRS_X3_ID_AA64PFR0], hcr::TID3);
    set(&mut cpu, regs::SCR_EL3, scr::RW);
    step(&mut cpu, &mut mem, 1);
    assert_eq!(
        cpu.pe.st.pstate.el,
        El::El1,
        "EL2 is disabled in Secure state"
    );
}

#[test]
fn tvm_traps_writes_and_trvm_reads_of_sctlr_el1() {
    let (mut cpu, mut mem) = at(El::El1, &[MSR_SCTLR_EL1_X5], hcr::TVM);
    step(&mut cpu, &mut mem, 1);
    // ISS: op0=3 op2=0 op1=0 CRn=1 Rt=5 CRm=0 write.
    assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El2), 0x6230_04a0);
    let (mut cpu, mut mem) = at(El::El1, &[MSR_SCTLR_EL1_X5, MRS_X1_SCTLR_EL1], hcr::TRVM);
    cpu.pe.st.x[5] = 0x30d0_0800 | sctlr::UCT;
    step(&mut cpu, &mut mem, 2);
    assert_eq!(cpu.pe.st.pstate.el, El::El2, "the read traps");
    assert_eq!(banked(&cpu.pe.sys, Banked::Elr, El::El2), CODE + 4);
    assert_eq!(
        get(&cpu, regs::SCTLR_EL1) & sctlr::UCT,
        sctlr::UCT,
        "the write went through"
    );
}

#[test]
fn vhe_redirects_el1_names_at_el2_and_el12_reaches_el1() {
    let (mut cpu, mut mem) = at(
        El::El2,
        &[MSR_SCTLR_EL1_X5, MSR_SCTLR_EL12_X2, MRS_X1_SCTLR_EL1],
        hcr::E2H,
    );
    cpu.pe.st.x[5] = 0x1234_0000;
    cpu.pe.st.x[2] = 0x30d0_0800 | sctlr::DZE;
    step(&mut cpu, &mut mem, 3);
    assert_eq!(get(&cpu, regs::SCTLR_EL2), 0x1234_0000);
    assert_eq!(get(&cpu, regs::SCTLR_EL1) & sctlr::DZE, sctlr::DZE);
    assert_eq!(
        cpu.pe.st.x[1], 0x1234_0000,
        "SCTLR_EL1 at EL2 with E2H reads SCTLR_EL2"
    );
}

#[test]
fn el12_aliases_are_undefined_without_e2h() {
    let (mut cpu, mut mem) = at(El::El2, &[MSR_SCTLR_EL12_X2], 0);
    step(&mut cpu, &mut mem, 1);
    assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El2), 0x0200_0000);
}

#[test]
fn wfi_traps_by_priority_and_idles_when_nothing_can_wake_it() {
    // EL0 with SCTLR_EL1.nTWI = 0 traps to EL1 before HCR_EL2.TWI; ESR EC 0x01, CV, COND.
    let (mut cpu, mut mem) = at(El::El0, &[WFI], hcr::TWI);
    set(&mut cpu, regs::SCTLR_EL1, 0);
    step(&mut cpu, &mut mem, 1);
    assert_eq!(
        (
            cpu.pe.st.pstate.el,
            banked(&cpu.pe.sys, Banked::Esr, El::El1)
        ),
        (El::El1, 0x07e0_0000)
    );
    let (mut cpu, mut mem) = at(El::El1, &[WFI], hcr::TWI);
    step(&mut cpu, &mut mem, 1);
    assert_eq!(cpu.pe.st.pstate.el, El::El2);
    let (mut cpu, mut mem) = at(El::El1, &[WFI], 0);
    let out = step(&mut cpu, &mut mem, 1);
    assert_eq!(out.reason, StopReason::Idle { pc: CODE });
}

#[test]
fn fp_traps_report_ec7_and_tge_reroutes_them_as_ec0() {
    let (mut cpu, mut mem) = at(El::El1, &[FMOV_D0_X1], 0);
    step(&mut cpu, &mut mem, 1);
    assert_eq!(
        banked(&cpu.pe.sys, Banked::Esr, El::El1),
        0x1fe0_0000,
        "CPACR_EL1.FPEN = 0 at reset"
    );
    let (mut cpu, mut mem) = at(El::El0, &[FMOV_D0_X1], hcr::TGE);
    step(&mut cpu, &mut mem, 1);
    assert_eq!(
        (
            cpu.pe.st.pstate.el,
            banked(&cpu.pe.sys, Banked::Esr, El::El2)
        ),
        (El::El2, 0x0200_0000)
    );
}

#[test]
fn el0_ctr_read_needs_uct_and_tge_sends_the_trap_to_el2() {
    let (mut cpu, mut mem) = at(El::El0, &[MRS_X0_CTR], 0);
    set(&mut cpu, regs::SCTLR_EL1, 0);
    step(&mut cpu, &mut mem, 1);
    assert_eq!(cpu.pe.st.pstate.el, El::El1);
    assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El1) >> 26, 0x18);
    let (mut cpu, mut mem) = at(El::El0, &[MRS_X0_CTR], 0);
    set(&mut cpu, regs::SCTLR_EL1, sctlr::UCT);
    step(&mut cpu, &mut mem, 1);
    // QEMU 10 -cpu max value (TminLine 0).
    assert_eq!(cpu.pe.st.x[0], 0x0000_0000_b444_c004);
}

#[test]
fn a_virtual_irq_is_taken_at_el1_when_unmasked() {
    let (mut cpu, mut mem) = at(El::El1, &[NOP, NOP, NOP], hcr::IMO | hcr::VI);
    cpu.pe.st.pstate.daif = 0b1101; // I clear
    step(&mut cpu, &mut mem, 1);
    assert_eq!(cpu.pe.st.pstate.el, El::El1);
    assert_eq!(
        cpu.pe.st.pc, 0x4001_0280,
        "took the vIRQ at VBAR_EL1 + 0x280 (the one step of the budget)"
    );
    assert_eq!(banked(&cpu.pe.sys, Banked::Elr, El::El1), CODE);
    assert_eq!(cpu.pe.st.pstate.daif, 0xf);
}

#[test]
fn an_exception_loop_still_spends_the_budget() {
    // Vectors full of zeros (UDF): every step is an exception, nothing retires.
    let (mut cpu, mut mem) = machine(&[0]);
    set(&mut cpu, regs::VBAR_EL3, 0x4000_8000);
    let out = step(&mut cpu, &mut mem, 1000);
    assert_eq!(
        (out.reason, out.retired, cpu.pe.exceptions),
        (StopReason::BudgetExhausted, 0, 1000)
    );
}

#[test]
fn misaligned_sp_base_faults_when_sa_is_set() {
    // ldr x1, [sp]: SP alignment fault EC 0x26 at EL3 (SCTLR_EL3.SA = 1 at reset, as QEMU).
    let (mut cpu, mut mem) = machine(&[0xf940_03e1]);
    cpu.pe.st.sp_el[3] = 0x4000_8008;
    step(&mut cpu, &mut mem, 1);
    assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El3), 0x9a00_0000);
    let (mut cpu, mut mem) = machine(&[0xf940_03e1]);
    cpu.pe.st.sp_el[3] = 0x4000_8008;
    set(&mut cpu, regs::SCTLR_EL3, 0);
    let out = step(&mut cpu, &mut mem, 1);
    assert_eq!(
        out.retired, 1,
        "SA = 0: no check (the access itself is 8-byte aligned)"
    );
}

#[test]
fn unbacked_addresses_are_synchronous_external_aborts() {
    // A fetch from outside RAM: EC 0x21 (same EL), IFSC 0x10 — QEMU 10 reports 0x86000010.
    let (mut cpu, mut mem) = machine(&[0xd61f_0000]); // br x0
    cpu.pe.st.x[0] = 0x1000_0000;
    step(&mut cpu, &mut mem, 2);
    assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El3), 0x8600_0010);
    assert_eq!(banked(&cpu.pe.sys, Banked::Far, El::El3), 0x1000_0000);
    // A load from an unmapped physical address: EC 0x25, DFSC 0x10.
    let (mut cpu, mut mem) = machine(&[0xf940_0001]); // ldr x1, [x0]
    cpu.pe.st.x[0] = 0x2000_0000;
    step(&mut cpu, &mut mem, 1);
    assert_eq!(banked(&cpu.pe.sys, Banked::Esr, El::El3), 0x9600_0010);
    // SCR_EL3.EA routes it to EL3 even from EL1.
    let (mut cpu, mut mem) = at(El::El1, &[0xf940_0001], 0);
    set(&mut cpu, regs::SCR_EL3, scr::NS | scr::RW | scr::EA);
    cpu.pe.st.x[0] = 0x2000_0000;
    step(&mut cpu, &mut mem, 1);
    assert_eq!(
        (
            cpu.pe.st.pstate.el,
            banked(&cpu.pe.sys, Banked::Esr, El::El3)
        ),
        (El::El3, 0x9200_0010)
    );
}
