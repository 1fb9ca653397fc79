//! Architectural register state of one PE.

use a64sim_arch::{El, Pstate};
use a64sim_isa::{XReg, XRegSp};

/// General-purpose registers, stack pointers, PC and PSTATE.
#[derive(Clone, Debug)]
pub struct CpuState {
    /// X0–X30; slot 31 always holds 0 so reads of XZR need no branch.
    pub x: [u64; 32],
    /// SP_EL0..SP_EL3.
    pub sp_el: [u64; 4],
    /// Address of the next instruction to execute.
    pub pc: u64,
    /// PSTATE.
    pub pstate: Pstate,
}

impl CpuState {
    /// Reset state: registers zero, PSTATE as on reset into `el`, PC = `entry`.
    pub fn reset(el: El, entry: u64) -> Self {
        CpuState {
            x: [0; 32],
            sp_el: [0; 4],
            pc: entry,
            pstate: Pstate::reset(el),
        }
    }

    /// Reads a register operand where 31 is XZR.
    #[inline(always)]
    pub fn xr(&self, r: XReg) -> u64 {
        self.x[r.num() as usize & 31]
    }

    /// Writes a register operand where 31 is XZR (the write is discarded).
    #[inline(always)]
    pub fn set_xr(&mut self, r: XReg, v: u64) {
        self.x[r.num() as usize & 31] = v;
        self.x[31] = 0;
    }

    /// Index into `sp_el` of the stack pointer in use (SP_EL0 or SP_ELx by PSTATE.SP).
    #[inline(always)]
    pub fn sp_index(&self) -> usize {
        if self.pstate.sp {
            self.pstate.el as usize
        } else {
            0
        }
    }

    /// The current stack pointer.
    #[inline(always)]
    pub fn sp(&self) -> u64 {
        self.sp_el[self.sp_index()]
    }

    /// Sets the current stack pointer.
    #[inline(always)]
    pub fn set_sp(&mut self, v: u64) {
        let i = self.sp_index();
        self.sp_el[i] = v;
    }

    /// Reads a register operand where 31 is SP.
    #[inline(always)]
    pub fn xs(&self, r: XRegSp) -> u64 {
        if r.is_sp() {
            self.sp()
        } else {
            self.x[r.num() as usize & 31]
        }
    }

    /// Writes a register operand where 31 is SP.
    #[inline(always)]
    pub fn set_xs(&mut self, r: XRegSp, v: u64) {
        if r.is_sp() {
            self.set_sp(v);
        } else {
            self.x[r.num() as usize & 31] = v;
        }
    }
}
