//! Branches, exception generating and system instructions (Arm ARM C4.1.87).
//!
//! Trap controls (SCTLR_EL1.nTWI/UMA/DZE/UCI, HCR_EL2, SCR_EL3, CPTR) arrive with the
//! exception-level issue as rows of `a64sim-el2`'s trap table; until then an access is
//! allowed when the current EL is at least the register's minimum EL.

use super::{Exec, ExecResult, Flow, Trap};
use crate::memory::{Platform, SemihostingCall};
use crate::run::StopReason;
use crate::sysreg::{resolve, Access, Resolved, Storage};
use crate::trap::sync_to;
use a64sim_arch::esr::fsc;
use a64sim_arch::{El, Esr, ExceptionClass, SysRegIss, WfxIss};
use a64sim_el2::route::{virtual_pending, Interrupt};
use a64sim_el2::rules::insn;
use a64sim_el2::{check, Dir, Outcome, RuleId, TrapCtx};
use a64sim_isa::sysop::{PStateField, SysOp, SysOpKind};
use a64sim_isa::sysreg::{regs, SysRegId};
use a64sim_isa::*;

/// The HLT immediate that requests a semihosting call in A64.
const SEMIHOSTING_HLT: u16 = 0xf000;
/// DC ZVA block size in bytes (DCZID_EL0.BS = 4 words of 2^4).
const DC_ZVA_BYTES: u64 = 64;

impl<P: Platform> Exec<'_, P> {
    #[inline(always)]
    fn branch_rel(&self, imm: i32) -> ExecResult {
        Ok(Flow::Branch(
            self.pc.wrapping_add(((imm as i64) << 2) as u64),
        ))
    }

    fn el(&self) -> El {
        self.pe.st.pstate.el
    }

    /// A synchronous exception to `target` with syndrome `esr`.
    fn exception_to(&self, target: El, esr: Esr, preferred_return: u64) -> Trap {
        Trap::Exception(sync_to(target, esr, None, preferred_return))
    }

    /// Applies trap rules to a system register or system instruction access: a trap
    /// becomes EC 0x18 with the access's syndrome, returning to this instruction.
    fn check_sysreg_traps(
        &self,
        ctx: &TrapCtx,
        rules: &[RuleId],
        dir: Dir,
        iss: SysRegIss,
    ) -> Result<(), Trap> {
        match check(ctx, rules, dir) {
            Outcome::Allowed => Ok(()),
            Outcome::Trap { target, .. } => Err(self.exception_to(
                target,
                Esr::new(ExceptionClass::SysRegTrap, iss.encode()),
                self.pc,
            )),
        }
    }

    /// The register an MRS/MSR encoding reaches from the current EL. Only the _EL12
    /// aliases and accesses at EL2 (E2H redirection) need the trap context; everything
    /// else is one table load, so an untrapped MRS/MSR costs about an ALU instruction.
    #[inline(always)]
    fn resolve_sysreg(&self, id: SysRegId) -> Option<(usize, &'static crate::sysreg::SysRegDef)> {
        let found = if id.op1() == 5 || self.el() == El::El2 {
            match resolve(id, &self.pe.trap_ctx()) {
                Resolved::Reg(idx, def) => Some((idx, def)),
                Resolved::Undefined => None,
            }
        } else {
            crate::sysreg::SysRegs::lookup(id)
        };
        found.filter(|(_, def)| def.min_mte == 0 || def.min_mte <= self.pe.mte_level())
    }

    /// The syndrome of an access to `id` with register `rt`.
    fn sysreg_iss(id: SysRegId, rt: XReg, read: bool) -> SysRegIss {
        SysRegIss {
            op0: id.op0(),
            op1: id.op1(),
            crn: id.crn(),
            crm: id.crm(),
            op2: id.op2(),
            rt: rt.num(),
            read,
        }
    }

    /// Reads a plain or constant register, applying the views the architecture defines:
    /// EL1 reads of MIDR/MPIDR see VPIDR_EL2/VMPIDR_EL2 when EL2 is enabled, and
    /// DCZID_EL0.DZP says whether DC ZVA is prohibited at the current EL.
    fn read_register(&self, ctx: &TrapCtx, idx: usize, id: SysRegId) -> u64 {
        let virtualised = ctx.el() == El::El1 && ctx.el2_enabled();
        match id {
            // (Constant registers only: the table holds the other views' storage.)
            regs::MIDR_EL1 if virtualised => {
                self.pe.sys.get(crate::sysreg::index_of(regs::VPIDR_EL2))
            }
            regs::MPIDR_EL1 if virtualised => {
                self.pe.sys.get(crate::sysreg::index_of(regs::VMPIDR_EL2))
            }
            regs::DCZID_EL0 => {
                let prohibited = check(ctx, insn::DC_ZVA, Dir::Write) != Outcome::Allowed;
                self.pe.sys.get(idx) | ((prohibited as u64) << 4)
            }
            _ => self.pe.sys.get(idx),
        }
    }

    /// ISR_EL1: the virtual interrupts pending for EL1 when EL2 routes them there (there
    /// are no physical interrupt sources yet).
    fn isr_el1(&self, ctx: &TrapCtx) -> u64 {
        let bit = |irq, out: u64| if virtual_pending(ctx, irq) { out } else { 0 };
        bit(Interrupt::SError, 1 << 8) | bit(Interrupt::Irq, 1 << 7) | bit(Interrupt::Fiq, 1 << 6)
    }

    /// The trap rules of a named system instruction.
    fn sys_op_rules(op: &SysOp) -> &'static [RuleId] {
        match (op.kind, op.name) {
            (SysOpKind::Dc, "ZVA" | "GVA" | "GZVA") => insn::DC_ZVA,
            (SysOpKind::Dc, "CVAU") => insn::DC_POU,
            (SysOpKind::Dc, "IVAC" | "IGVAC" | "IGSW" | "IGDVAC" | "IGDSW") => insn::DC_IVAC,
            (SysOpKind::Dc, "ISW" | "CSW" | "CISW" | "CGSW" | "CGDSW" | "CIGSW" | "CIGDSW") => {
                insn::DC_SW
            }
            (SysOpKind::Dc, _) => insn::DC_POC,
            (SysOpKind::Ic, "IVAU") => insn::IC_IVAU,
            (SysOpKind::Ic, _) => insn::IC_ALL,
            (SysOpKind::Tlbi, _) if op.id.op1() == 0 => insn::TLBI_EL1,
            _ => &[],
        }
    }

    /// The MTE level a DC operation needs: DC GVA and GZVA are FEAT_MTE, the tag cache
    /// maintenance forms (every other DC name with a G) FEAT_MTE2 (ARCH.md §4.5).
    fn mte_level_of(op: &SysOp) -> u8 {
        match (op.kind, op.name) {
            (SysOpKind::Dc, "GVA" | "GZVA") => 1,
            (SysOpKind::Dc, name) if name.contains('G') => 2,
            _ => 0,
        }
    }

    /// WFI/WFE traps: EC 0x01 to the first EL whose control traps them.
    fn check_wfx(&self, rules: &[RuleId], iss: WfxIss) -> Result<(), Trap> {
        match check(&self.pe.trap_ctx(), rules, Dir::Write) {
            Outcome::Allowed => Ok(()),
            Outcome::Trap { target, .. } => Err(self.exception_to(
                target,
                Esr::new(ExceptionClass::WfxTrap, iss.encode()),
                self.pc,
            )),
        }
    }

    /// MSR/MRS and SYS access check by the register's minimum EL: UNDEFINED below it.
    fn min_el_for_op1(op1: u8) -> El {
        match op1 {
            3 => El::El0,
            4 | 5 => El::El2,
            6 => El::El3,
            _ => El::El1,
        }
    }

    /// Reads a register that is a view of PE state.
    fn read_pe_state(&self, id: SysRegId) -> Result<u64, Trap> {
        let p = &self.pe.st.pstate;
        Ok(match id {
            regs::NZCV => (p.nzcv as u64) << 28,
            regs::DAIF => (p.daif as u64) << 6,
            regs::CURRENTEL => (p.el as u64) << 2,
            regs::SPSEL => p.sp as u64,
            regs::PAN => (p.pan as u64) << 22,
            regs::UAO => (p.uao as u64) << 23,
            regs::DIT => (p.dit as u64) << 24,
            regs::SSBS => (p.ssbs as u64) << 12,
            regs::ALLINT => (p.allint as u64) << 13,
            regs::TCO => (p.tco as u64) << 25,
            regs::SP_EL0 => {
                // SP_EL0 is accessible only while SP_ELx is selected (Arm ARM C5.2.16).
                if !p.sp {
                    return Err(self.undefined().unwrap_err());
                }
                self.pe.st.sp_el[0]
            }
            regs::SP_EL1 => self.pe.st.sp_el[1],
            regs::SP_EL2 => self.pe.st.sp_el[2],
            _ => return Err(self.undefined().unwrap_err()),
        })
    }

    /// Writes a register that is a view of PE state.
    fn write_pe_state(&mut self, id: SysRegId, v: u64) -> Result<(), Trap> {
        let sp_selected = self.pe.st.pstate.sp;
        let mte2 = self.pe.mte_level() >= 2;
        let p = &mut self.pe.st.pstate;
        match id {
            regs::NZCV => p.nzcv = (v >> 28) as u8 & 0xf,
            regs::DAIF => p.daif = (v >> 6) as u8 & 0xf,
            regs::SPSEL => p.sp = v & 1 != 0,
            regs::PAN => p.pan = v >> 22 & 1 != 0,
            regs::UAO => p.uao = v >> 23 & 1 != 0,
            regs::DIT => p.dit = v >> 24 & 1 != 0,
            regs::SSBS => p.ssbs = v >> 12 & 1 != 0,
            regs::ALLINT => p.allint = v >> 13 & 1 != 0,
            // QEMU keeps TCO at 0 without tag storage (FEAT_MTE only); a64sim follows it.
            regs::TCO => p.tco = v >> 25 & 1 != 0 && mte2,
            regs::SP_EL0 => {
                if !sp_selected {
                    return Err(self.undefined().unwrap_err());
                }
                self.pe.st.sp_el[0] = v;
            }
            regs::SP_EL1 => self.pe.st.sp_el[1] = v,
            regs::SP_EL2 => self.pe.st.sp_el[2] = v,
            _ => return Err(self.undefined().unwrap_err()),
        }
        Ok(())
    }

    /// AT (Arm ARM C6.2 AT; ARCH.md §3.14): translates `va` as the named operation says
    /// and writes PAR_EL1, in the fault format when the fault is reported there; a stage-2
    /// fault of an EL1 AT is taken to EL2 instead (with CM = 1).
    fn address_translate(&mut self, name: &str, va: u64) -> ExecResult {
        use a64sim_mmu::AccessKind::{Read, Write};
        let pan = self.pe.st.pstate.pan;
        let (el, kind, pan, two_stage) = match name {
            "S1E1R" => (El::El1, Read, false, false),
            "S1E1W" => (El::El1, Write, false, false),
            "S1E1RP" => (El::El1, Read, pan, false),
            "S1E1WP" => (El::El1, Write, pan, false),
            "S1E0R" => (El::El0, Read, false, false),
            "S1E0W" => (El::El0, Write, false, false),
            "S12E1R" => (El::El1, Read, false, true),
            "S12E1W" => (El::El1, Write, false, true),
            "S12E0R" => (El::El0, Read, false, true),
            "S12E0W" => (El::El0, Write, false, true),
            "S1E2R" => (El::El2, Read, false, false),
            "S1E2W" => (El::El2, Write, false, false),
            "S1E3R" => (El::El3, Read, false, false),
            "S1E3W" => (El::El3, Write, false, false),
            _ => return self.undefined(),
        };
        // Faults go to PAR for the EL2/EL3 forms and for any AT executed at EL2 or EL3;
        // only a stage-2 fault of an EL1 AT at EL1 is taken (to EL2).
        let at_el2 = two_stage || el >= El::El2 || self.el() >= El::El2;
        let par = match self
            .pe
            .address_translate(self.mem, va, el, kind, pan, two_stage)
        {
            Ok(t) => {
                // PAR.NS: the output address space. In a Secure regime (EL3, or Secure
                // EL1&0) it is the descriptor's NS bit; Non-secure regimes output NS.
                let secure_regime = el == El::El3 || self.pe.trap_ctx().is_secure();
                let ns = if secure_regime { t.ns_descriptor } else { true };
                a64sim_mmu::par::encode_success(&t, ns)
            }
            Err(f) if a64sim_mmu::par::at_fault_goes_to_par(&f, at_el2) => {
                a64sim_mmu::par::encode_fault(&f)
            }
            Err(f) => {
                let mut e = self.pe.translation_abort(va, &f, false, self.pc);
                // Cache maintenance and AT report CM = 1 and WnR = 1 (ARCH.md §2.4).
                e.esr = Esr(e.esr.0 | (1 << 8) | (1 << 6));
                return Err(Trap::Exception(e));
            }
        };
        self.pe.sys.set(crate::sysreg::index_of(regs::PAR_EL1), par);
        Ok(Flow::Next)
    }

    /// DC ZVA: zeroes the naturally aligned 64-byte block holding `va`. With the MMU off
    /// memory is Device, where DC ZVA is an Alignment fault (Arm ARM C6.2 DC ZVA).
    fn dc_zva(&mut self, va: u64) -> ExecResult {
        let base = va & !(DC_ZVA_BYTES - 1);
        // DC ZVA to Device memory (all data memory with translation off) is an Alignment
        // fault; ISS: CM = 0 for DC ZVA (it is a store), WnR = 1.
        let device = if self.pe.xlat.active {
            self.translate_data(base, 1, a64sim_mmu::AccessKind::Write)?
                .1
                & crate::tlb::perm::DEVICE
                != 0
        } else {
            true
        };
        if device {
            return Err(self.data_abort(va, fsc::ALIGNMENT, true));
        }
        // DC ZVA is tag-checked against Xt's tag (ARCH.md §4.5): every granule of the block
        // before any is zeroed, so a synchronous fault leaves the block unchanged.
        if self.pe.xlat.active {
            let (pa, p) = self.translate_data(base, 1, a64sim_mmu::AccessKind::Write)?;
            if p & crate::tlb::perm::CHECKED != 0 {
                if let Some(off) = self.mem.offset(pa, DC_ZVA_BYTES as usize) {
                    // One access of the whole block: a mismatch reports its first byte.
                    for g in (0..DC_ZVA_BYTES).step_by(16) {
                        self.check_tags(base, off + g as usize, 16, false)?;
                    }
                }
            }
        }
        for off in (0..DC_ZVA_BYTES).step_by(8) {
            self.write(base + off, 8, 0)?;
        }
        self.after_store()
    }

    /// DC GVA, DC GZVA: the tag of Xt set on every granule of the DC ZVA block holding
    /// it, and for GZVA the block zeroed (unchecked). Like DC ZVA, Device memory (all
    /// memory with translation off) is an Alignment fault.
    fn dc_tag_block(&mut self, va: u64, zero: bool) -> ExecResult {
        let bytes = self.zero_block_bytes();
        let base = va & !(bytes - 1);
        let device = if self.pe.xlat.active {
            self.translate_data(base, 1, a64sim_mmu::AccessKind::Write)?
                .1
                & crate::tlb::perm::DEVICE
                != 0
        } else {
            true
        };
        if device {
            return Err(self.data_abort(va, fsc::ALIGNMENT, true));
        }
        let tag = a64sim_tags::logical_tag(va);
        for g in (0..bytes).step_by(16) {
            if zero {
                self.zero_granule(base + g)?;
            }
            self.store_allocation_tag(base + g, tag)?;
        }
        self.after_store()
    }
}

impl<P: Platform> BranchSysVisitor for Exec<'_, P> {
    #[inline(always)]
    fn b(&mut self, i: B) -> ExecResult {
        self.branch_rel(i.imm26)
    }

    #[inline(always)]
    fn bl(&mut self, i: Bl) -> ExecResult {
        self.pe.st.set_xr(XReg::new(30), self.pc.wrapping_add(4));
        self.branch_rel(i.imm26)
    }

    #[inline(always)]
    fn b_cond(&mut self, i: BCond) -> ExecResult {
        if Cond(i.cond).holds(self.pe.st.pstate.nzcv) {
            self.branch_rel(i.imm19)
        } else {
            Ok(Flow::Next)
        }
    }

    #[inline(always)]
    fn cbz(&mut self, i: Cbz) -> ExecResult {
        let v = self.pe.st.xr(i.rt);
        let v = if i.sf { v } else { v & 0xffff_ffff };
        if v == 0 {
            self.branch_rel(i.imm19)
        } else {
            Ok(Flow::Next)
        }
    }

    #[inline(always)]
    fn cbnz(&mut self, i: Cbnz) -> ExecResult {
        let v = self.pe.st.xr(i.rt);
        let v = if i.sf { v } else { v & 0xffff_ffff };
        if v != 0 {
            self.branch_rel(i.imm19)
        } else {
            Ok(Flow::Next)
        }
    }

    #[inline(always)]
    fn tbz(&mut self, i: Tbz) -> ExecResult {
        let bit = ((i.b5 as u32) << 5) | i.b40 as u32;
        if self.pe.st.xr(i.rt) >> bit & 1 == 0 {
            self.branch_rel(i.imm14)
        } else {
            Ok(Flow::Next)
        }
    }

    #[inline(always)]
    fn tbnz(&mut self, i: Tbnz) -> ExecResult {
        let bit = ((i.b5 as u32) << 5) | i.b40 as u32;
        if self.pe.st.xr(i.rt) >> bit & 1 != 0 {
            self.branch_rel(i.imm14)
        } else {
            Ok(Flow::Next)
        }
    }

    fn svc(&mut self, i: Svc) -> ExecResult {
        let esr = Esr::new(ExceptionClass::Svc64, i.imm16 as u32);
        Err(self.sync_exception(esr, None, self.pc.wrapping_add(4)))
    }

    fn hvc(&mut self, i: Hvc) -> ExecResult {
        // UNDEFINED at EL0, when SCR_EL3.HCE = 0, or at EL1 where EL2 is not enabled
        // (HCR_EL2.HCD matters only without EL3, and a64sim always has EL3).
        let ctx = self.pe.trap_ctx();
        let el = ctx.el();
        if el == El::El0
            || ctx.scr_el3 & a64sim_el2::bits::scr::HCE == 0
            || (el == El::El1 && !ctx.el2_enabled())
        {
            return self.undefined();
        }
        let target = if el == El::El3 { El::El3 } else { El::El2 };
        let esr = Esr::new(ExceptionClass::Hvc64, i.imm16 as u32);
        Err(self.exception_to(target, esr, self.pc.wrapping_add(4)))
    }

    fn smc(&mut self, i: Smc) -> ExecResult {
        let ctx = self.pe.trap_ctx();
        if ctx.el() == El::El0 {
            return self.undefined();
        }
        let esr = Esr::new(ExceptionClass::Smc64, i.imm16 as u32);
        // HCR_EL2.TSC traps SMC from EL1 to EL2 before SCR_EL3.SMD is considered; the
        // preferred return is the SMC itself (ARCH.md §1.4, §1.6).
        if let Outcome::Trap { target, .. } = check(&ctx, &[RuleId::HcrTsc], Dir::Write) {
            return Err(self.exception_to(target, esr, self.pc));
        }
        if ctx.scr_el3 & a64sim_el2::bits::scr::SMD != 0 {
            return self.undefined();
        }
        Err(self.exception_to(El::El3, esr, self.pc.wrapping_add(4)))
    }

    fn brk(&mut self, i: Brk) -> ExecResult {
        let esr = Esr::new(ExceptionClass::Brk64, i.imm16 as u32);
        Err(self.sync_exception(esr, None, self.pc))
    }

    fn hlt(&mut self, i: Hlt) -> ExecResult {
        // Halting debug is never enabled, so HLT is UNDEFINED except as the semihosting
        // call, which (like QEMU without userspace semihosting) works from EL1 upwards.
        if i.imm16 != SEMIHOSTING_HLT || self.el() == El::El0 {
            return self.undefined();
        }
        let op = self.pe.st.x[0] as u32;
        let param = self.pe.st.x[1];
        let mut view = crate::translation::TranslatedMemory {
            pe: self.pe,
            mem: self.mem,
        };
        match self.plat.semihosting(op, param, &mut view) {
            SemihostingCall::Return(v) => {
                self.pe.st.x[0] = v;
                // A semihosting read may have written code: decode again if so.
                self.after_store()
            }
            SemihostingCall::Exit(code) => Err(Trap::Stop(StopReason::Exit(code))),
        }
    }

    fn dcps(&mut self, _i: Dcps) -> ExecResult {
        // UNDEFINED outside Debug state, which a64sim never enters.
        self.undefined()
    }

    fn nop(&mut self, _i: Nop) -> ExecResult {
        Ok(Flow::Next)
    }

    fn yield_hint(&mut self, _i: YieldHint) -> ExecResult {
        Ok(Flow::Next)
    }

    fn wfe(&mut self, _i: Wfe) -> ExecResult {
        self.check_wfx(insn::WFE, WfxIss::Wfe)?;
        // One PE and no event sources: WFE completes at once, as the architecture allows.
        Ok(Flow::Next)
    }

    fn wfi(&mut self, _i: Wfi) -> ExecResult {
        self.check_wfx(insn::WFI, WfxIss::Wfi)?;
        // WFI completes when an interrupt is pending (masked or not). The only sources yet
        // are HCR_EL2.VI/VF/VSE; with none pending nothing can ever wake the PE.
        let ctx = self.pe.trap_ctx();
        if [Interrupt::Irq, Interrupt::Fiq, Interrupt::SError]
            .into_iter()
            .any(|irq| virtual_pending(&ctx, irq))
        {
            return Ok(Flow::EndBlock);
        }
        Err(Trap::Stop(StopReason::Idle { pc: self.pc }))
    }

    fn sev(&mut self, _i: Sev) -> ExecResult {
        Ok(Flow::Next)
    }

    fn sevl(&mut self, _i: Sevl) -> ExecResult {
        Ok(Flow::Next)
    }

    fn xpaclri(&mut self, _i: Xpaclri) -> ExecResult {
        // A NOP without FEAT_PAuth (a hint-space instruction).
        Ok(Flow::Next)
    }

    fn pac1716(&mut self, _i: Pac1716) -> ExecResult {
        Ok(Flow::Next)
    }

    fn esb(&mut self, _i: Esb) -> ExecResult {
        Ok(Flow::Next)
    }

    fn psb_csync(&mut self, _i: PsbCsync) -> ExecResult {
        Ok(Flow::Next)
    }

    fn tsb_csync(&mut self, _i: TsbCsync) -> ExecResult {
        Ok(Flow::Next)
    }

    fn csdb(&mut self, _i: Csdb) -> ExecResult {
        Ok(Flow::Next)
    }

    fn pac_lr(&mut self, _i: PacLr) -> ExecResult {
        // PACIASP/AUTIASP and friends are hints: NOPs without FEAT_PAuth.
        Ok(Flow::Next)
    }

    fn bti(&mut self, _i: Bti) -> ExecResult {
        Ok(Flow::Next)
    }

    fn hint(&mut self, _i: Hint) -> ExecResult {
        Ok(Flow::Next)
    }

    fn clrex(&mut self, _i: Clrex) -> ExecResult {
        self.pe.monitor.clear();
        Ok(Flow::Next)
    }

    fn dsb(&mut self, _i: Dsb) -> ExecResult {
        Ok(Flow::Next)
    }

    fn dmb(&mut self, _i: Dmb) -> ExecResult {
        Ok(Flow::Next)
    }

    fn isb(&mut self, _i: Isb) -> ExecResult {
        // Context synchronization: the block ends so later instructions see new context.
        Ok(Flow::EndBlock)
    }

    fn sb(&mut self, _i: Sb) -> ExecResult {
        Ok(Flow::Next)
    }

    fn cfinv(&mut self, _i: Cfinv) -> ExecResult {
        self.pe.st.pstate.nzcv ^= 0b0010;
        Ok(Flow::Next)
    }

    fn xaflag(&mut self, _i: Xaflag) -> ExecResult {
        // FEAT_FlagM2 XAFLAG: external to Arm floating-point comparison flags.
        let f = self.pe.st.pstate.nzcv;
        let (z, c) = (f & 4 != 0, f & 2 != 0);
        let n = !c && !z;
        let nz = z && c;
        let nc = c || z;
        let v = !c && z;
        self.pe.st.pstate.nzcv = ((n as u8) << 3) | ((nz as u8) << 2) | ((nc as u8) << 1) | v as u8;
        Ok(Flow::Next)
    }

    fn axflag(&mut self, _i: Axflag) -> ExecResult {
        // FEAT_FlagM2 AXFLAG: Arm to external floating-point comparison flags.
        let f = self.pe.st.pstate.nzcv;
        let (z, c, v) = (f & 4 != 0, f & 2 != 0, f & 1 != 0);
        self.pe.st.pstate.nzcv = (((z || v) as u8) << 2) | (((c && !v) as u8) << 1);
        Ok(Flow::Next)
    }

    fn msr_imm(&mut self, i: MsrImm) -> ExecResult {
        let Some(field) = i.field() else {
            return self.undefined();
        };
        if self.el() < Self::min_el_for_op1(i.op1) {
            return self.undefined();
        }
        let bit = i.crm & 1 != 0;
        let mte_level = self.pe.mte_level();
        let p = &mut self.pe.st.pstate;
        match field {
            PStateField::SpSel => p.sp = bit,
            PStateField::Pan => p.pan = bit,
            PStateField::Uao => p.uao = bit,
            PStateField::Dit => p.dit = bit,
            PStateField::Ssbs => p.ssbs = bit,
            PStateField::DaifSet | PStateField::DaifClr => {
                // At EL0 these need SCTLR_EL1.UMA (EC 0x18 with the MSR-immediate fields).
                let iss = SysRegIss {
                    op0: 0,
                    op1: i.op1,
                    crn: 4,
                    crm: i.crm,
                    op2: i.op2,
                    rt: 31,
                    read: false,
                };
                self.check_sysreg_traps(&self.pe.trap_ctx(), insn::DAIF, Dir::Write, iss)?;
                let p = &mut self.pe.st.pstate;
                if field == PStateField::DaifSet {
                    p.daif |= i.crm & 0xf;
                } else {
                    p.daif &= !(i.crm & 0xf);
                }
            }
            PStateField::AllInt => p.allint = bit,
            PStateField::Tco if mte_level == 0 => return self.undefined(),
            PStateField::Tco => p.tco = bit && mte_level >= 2,
        }
        // PSTATE changed: interrupts may be unmasked, and PAN/UAO select another
        // translation context, so leave the block and recompute.
        self.pe.xlat.dirty = true;
        Ok(Flow::EndBlock)
    }

    fn sys(&mut self, i: Sys) -> ExecResult {
        let Some(op) = i.op() else {
            return self.undefined();
        };
        let ctx = self.pe.trap_ctx();
        if ctx.el() < Self::min_el_for_op1(i.op1) || Self::mte_level_of(op) > self.pe.mte_level() {
            return self.undefined();
        }
        let iss = Self::sysreg_iss(op.id, i.rt, false);
        self.check_sysreg_traps(&ctx, Self::sys_op_rules(op), Dir::Write, iss)?;
        match op.kind {
            SysOpKind::Dc if op.name == "ZVA" => {
                let va = self.pe.st.xr(i.rt);
                self.dc_zva(va)
            }
            // Cache maintenance has no architectural effect without caches; with the MMU
            // off there is no translation to fault either. Stores already invalidate
            // decoded code, so IC needs nothing.
            SysOpKind::Dc if matches!(op.name, "GVA" | "GZVA") => {
                let va = self.pe.st.xr(i.rt);
                self.dc_tag_block(va, op.name == "GZVA")
            }
            // Tags survive cache maintenance: the tag forms are no-ops too (ARCH.md §4.2).
            SysOpKind::Dc => Ok(Flow::Next),
            SysOpKind::Ic => Ok(Flow::Next),
            // Page tables may have changed: nothing cached may survive (DSB/ISB ordering is
            // not modelled, so invalidation is immediate and complete).
            // Data accesses see the flush at once; instruction fetch has to observe it only
            // after a context synchronization (the ISB that follows ends the block, and
            // the jump cache is flushed at that block boundary).
            SysOpKind::Tlbi => {
                self.pe.tlb.flush();
                self.pe.xlat.flush_jump_cache = true;
                Ok(Flow::Next)
            }
            SysOpKind::At => self.address_translate(op.name, self.pe.st.xr(i.rt)),
            // FEAT_SPECRES is not advertised.
            SysOpKind::Cfp | SysOpKind::Dvp | SysOpKind::Cpp => self.undefined(),
        }
    }

    fn sysl(&mut self, _i: Sysl) -> ExecResult {
        // No SYSL encodings are allocated in Armv8.5.
        self.undefined()
    }

    fn msr_reg(&mut self, i: MsrReg) -> ExecResult {
        let Some((idx, def)) = self.resolve_sysreg(i.reg()) else {
            return self.undefined();
        };
        let el = self.el();
        if el < def.min_el || def.access == Access::ReadOnly || def.storage == Storage::Const {
            return self.undefined();
        }
        if !def.traps.is_empty() {
            let ctx = self.pe.trap_ctx();
            self.check_sysreg_traps(
                &ctx,
                def.traps,
                Dir::Write,
                Self::sysreg_iss(i.reg(), i.rt, false),
            )?;
        }
        if el < def.write_el {
            return self.undefined();
        }
        let v = self.pe.st.xr(i.rt);
        if def.storage == Storage::PeState {
            self.write_pe_state(def.id, v)?;
            // PAN and UAO change permission checks: a new translation context.
            self.pe.xlat.dirty = true;
            return Ok(Flow::EndBlock);
        }
        if def.storage == Storage::Counter {
            let pending = self.retired_in_block();
            self.pe.write_counter_register(def.id, v, pending);
            return Ok(Flow::Next);
        }
        if matches!(def.id, regs::MDCR_EL2 | regs::MDCR_EL3 | regs::SCR_EL3) {
            // They decide at which ELs the PMU counts: count up to here under the old.
            let pending = self.retired_in_block();
            self.pe.settle_pmu(pending);
        }
        self.pe.sys.set(idx, v);
        if def.context {
            // Translation, routing or trap controls changed: recompute the context before
            // the next block (stale soft-TLB entries belong to the old context id).
            self.pe.xlat.registers_changed();
            return Ok(Flow::EndBlock);
        }
        Ok(Flow::Next)
    }

    fn mrs(&mut self, i: Mrs) -> ExecResult {
        let Some((idx, def)) = self.resolve_sysreg(i.reg()) else {
            return self.undefined();
        };
        if self.el() < def.min_el || def.access == Access::WriteOnly {
            let id = i.reg();
            // FEAT_IDST: EL0 reads of the feature ID space (op0 = 3, op1 = 0, 1 or 3,
            // CRn = 0) trap with EC 0x18 instead of being UNDEFINED.
            if self.el() == El::El0
                && id.op0() == 3
                && matches!(id.op1(), 0 | 1 | 3)
                && id.crn() == 0
            {
                let esr = Esr::new(
                    ExceptionClass::SysRegTrap,
                    Self::sysreg_iss(id, i.rt, true).encode(),
                );
                return Err(self.exception_to(self.pe.sync_target(), esr, self.pc));
            }
            return self.undefined();
        }
        if !def.traps.is_empty() {
            let ctx = self.pe.trap_ctx();
            self.check_sysreg_traps(
                &ctx,
                def.traps,
                Dir::Read,
                Self::sysreg_iss(i.reg(), i.rt, true),
            )?;
        }
        let v = match def.storage {
            Storage::Plain => self.pe.sys.get(idx),
            Storage::PeState if def.id == regs::ISR_EL1 => self.isr_el1(&self.pe.trap_ctx()),
            Storage::PeState => self.read_pe_state(def.id)?,
            Storage::Const => self.read_register(&self.pe.trap_ctx(), idx, def.id),
            Storage::Counter => {
                let pending = self.retired_in_block();
                self.pe.read_counter_register(def.id, pending)
            }
        };
        self.pe.st.set_xr(i.rt, v);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn br(&mut self, i: Br) -> ExecResult {
        // FEAT_BTI: BR sets BTYPE 0b01 (from a non-guarded page, or via X16/X17); a64sim
        // has no guarded pages until the MMU issue.
        self.pe.st.pstate.btype = 0b01;
        Ok(Flow::Branch(self.pe.st.xr(i.rn)))
    }

    #[inline(always)]
    fn blr(&mut self, i: Blr) -> ExecResult {
        let target = self.pe.st.xr(i.rn);
        self.pe.st.set_xr(XReg::new(30), self.pc.wrapping_add(4));
        self.pe.st.pstate.btype = 0b10;
        Ok(Flow::Branch(target))
    }

    #[inline(always)]
    fn ret(&mut self, i: Ret) -> ExecResult {
        self.pe.st.pstate.btype = 0;
        Ok(Flow::Branch(self.pe.st.xr(i.rn)))
    }

    fn eret(&mut self, _i: Eret) -> ExecResult {
        if self.el() == El::El0 {
            return self.undefined();
        }
        let target = self.pe.exception_return();
        Ok(Flow::Branch(target))
    }

    fn drps(&mut self, _i: Drps) -> ExecResult {
        self.undefined()
    }

    // Pointer-authenticated branches: UNDEFINED, FEAT_PAuth is not advertised.
    fn br_auth_z(&mut self, _i: BrAuthZ) -> ExecResult {
        self.undefined()
    }

    fn blr_auth_z(&mut self, _i: BlrAuthZ) -> ExecResult {
        self.undefined()
    }

    fn ret_auth(&mut self, _i: RetAuth) -> ExecResult {
        self.undefined()
    }

    fn eret_auth(&mut self, _i: EretAuth) -> ExecResult {
        self.undefined()
    }

    fn br_auth(&mut self, _i: BrAuth) -> ExecResult {
        self.undefined()
    }

    fn blr_auth(&mut self, _i: BlrAuth) -> ExecResult {
        self.undefined()
    }
}

#[cfg(test)]
mod tests;
