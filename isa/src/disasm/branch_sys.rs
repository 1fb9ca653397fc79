//! Disassembly of "Branches, exception generating and system instructions" (Arm ARM C4.1.87),
//! as GNU objdump 2.40 prints it: branch targets as absolute addresses, the preferred hint,
//! barrier and SYS aliases (`dc zva, x0`, `tlbi vmalle1`, `ssbb`), system registers by name
//! (`sysreg`) and the generic `sys`/`s<op0>_<op1>_c<n>_c<m>_<op2>` forms for unnamed ones.

use super::{Disasm, Hex, Outcome, Target};
use crate::*;

/// DSB/DMB option names by CRm (Arm ARM C6.2 DMB, `<option>`); `None` prints `#0x..`.
const BARRIER_OPTIONS: [Option<&str>; 16] = [
    None,
    Some("oshld"),
    Some("oshst"),
    Some("osh"),
    None,
    Some("nshld"),
    Some("nshst"),
    Some("nsh"),
    None,
    Some("ishld"),
    Some("ishst"),
    Some("ish"),
    None,
    Some("ld"),
    Some("st"),
    Some("sy"),
];

impl Disasm {
    /// A PC-relative branch target: `pc + offset * 4`.
    fn target(&self, offset: i32) -> Target {
        Target(self.pc.wrapping_add(((offset as i64) << 2) as u64))
    }

    /// `mnemonic #imm` with objdump's hex immediate.
    fn with_imm16(&mut self, m: &str, imm16: u16) -> Outcome {
        self.emit(format_args!("{m} {}", Hex(imm16 as u64)))
    }

    /// `dsb`/`dmb` with a named option or objdump's two-digit `#0x..`.
    fn barrier(&mut self, m: &str, crm: u8) -> Outcome {
        match BARRIER_OPTIONS[crm as usize & 15] {
            Some(o) => self.emit(format_args!("{m} {o}")),
            None => self.emit(format_args!("{m} #{crm:#04x}")),
        }
    }

    /// The generic `sys` form: `sys #op1, Cn, Cm, #op2{, xt}` (Xt omitted when it is XZR).
    fn generic_sys(&mut self, i: Sys) -> Outcome {
        let rt = if i.rt.is_zr() {
            String::new()
        } else {
            format!(", {}", i.rt.name(true))
        };
        self.emit(format_args!(
            "sys #{}, C{}, C{}, #{}{rt}",
            i.op1, i.crn, i.crm, i.op2
        ))
    }
}

impl BranchSysVisitor for Disasm {
    fn b(&mut self, i: B) -> Outcome {
        let t = self.target(i.imm26);
        self.emit(format_args!("b {t}"))
    }

    fn bl(&mut self, i: Bl) -> Outcome {
        let t = self.target(i.imm26);
        self.emit(format_args!("bl {t}"))
    }

    fn b_cond(&mut self, i: BCond) -> Outcome {
        let t = self.target(i.imm19);
        self.emit(format_args!("b.{} {t}", Cond(i.cond)))
    }

    fn cbz(&mut self, i: Cbz) -> Outcome {
        let t = self.target(i.imm19);
        self.emit(format_args!("cbz {}, {t}", i.rt.name(i.sf)))
    }

    fn cbnz(&mut self, i: Cbnz) -> Outcome {
        let t = self.target(i.imm19);
        self.emit(format_args!("cbnz {}, {t}", i.rt.name(i.sf)))
    }

    fn tbz(&mut self, i: Tbz) -> Outcome {
        let t = self.target(i.imm14);
        let bit = (i.b5 as u8) << 5 | i.b40;
        self.emit(format_args!("tbz {}, #{bit}, {t}", i.rt.name(i.b5)))
    }

    fn tbnz(&mut self, i: Tbnz) -> Outcome {
        let t = self.target(i.imm14);
        let bit = (i.b5 as u8) << 5 | i.b40;
        self.emit(format_args!("tbnz {}, #{bit}, {t}", i.rt.name(i.b5)))
    }

    fn svc(&mut self, i: Svc) -> Outcome {
        self.with_imm16("svc", i.imm16)
    }

    fn hvc(&mut self, i: Hvc) -> Outcome {
        self.with_imm16("hvc", i.imm16)
    }

    fn smc(&mut self, i: Smc) -> Outcome {
        self.with_imm16("smc", i.imm16)
    }

    fn brk(&mut self, i: Brk) -> Outcome {
        self.with_imm16("brk", i.imm16)
    }

    fn hlt(&mut self, i: Hlt) -> Outcome {
        self.with_imm16("hlt", i.imm16)
    }

    fn dcps(&mut self, i: Dcps) -> Outcome {
        // objdump omits a zero immediate.
        if i.imm16 == 0 {
            return self.emit(format_args!("dcps{}", i.ll));
        }
        self.emit(format_args!("dcps{} {}", i.ll, Hex(i.imm16 as u64)))
    }

    fn nop(&mut self, _: Nop) -> Outcome {
        self.emit(format_args!("nop"))
    }

    fn yield_hint(&mut self, _: YieldHint) -> Outcome {
        self.emit(format_args!("yield"))
    }

    fn wfe(&mut self, _: Wfe) -> Outcome {
        self.emit(format_args!("wfe"))
    }

    fn wfi(&mut self, _: Wfi) -> Outcome {
        self.emit(format_args!("wfi"))
    }

    fn sev(&mut self, _: Sev) -> Outcome {
        self.emit(format_args!("sev"))
    }

    fn sevl(&mut self, _: Sevl) -> Outcome {
        self.emit(format_args!("sevl"))
    }

    fn xpaclri(&mut self, _: Xpaclri) -> Outcome {
        self.emit(format_args!("xpaclri"))
    }

    fn pac1716(&mut self, i: Pac1716) -> Outcome {
        let m = if i.auth { "aut" } else { "pac" };
        let k = if i.key_b { "b" } else { "a" };
        self.emit(format_args!("{m}i{k}1716"))
    }

    fn esb(&mut self, _: Esb) -> Outcome {
        self.emit(format_args!("esb"))
    }

    fn psb_csync(&mut self, _: PsbCsync) -> Outcome {
        self.emit(format_args!("psb csync"))
    }

    fn tsb_csync(&mut self, _: TsbCsync) -> Outcome {
        self.emit(format_args!("tsb csync"))
    }

    fn csdb(&mut self, _: Csdb) -> Outcome {
        self.emit(format_args!("csdb"))
    }

    fn pac_lr(&mut self, i: PacLr) -> Outcome {
        let m = if i.auth { "aut" } else { "pac" };
        let k = if i.key_b { "b" } else { "a" };
        let modifier = if i.sp { "sp" } else { "z" };
        self.emit(format_args!("{m}i{k}{modifier}"))
    }

    fn bti(&mut self, i: Bti) -> Outcome {
        match i.targets {
            0 => self.emit(format_args!("bti")),
            1 => self.emit(format_args!("bti c")),
            2 => self.emit(format_args!("bti j")),
            _ => self.emit(format_args!("bti jc")),
        }
    }

    fn hint(&mut self, i: Hint) -> Outcome {
        let n = (i.crm << 3) | i.op2;
        // CLRBHB (FEAT_CLRBHB) is the one hint objdump 2.40 names that has no row (DGH,
        // hint 6, it prints as `hint #0x6`).
        if n == 22 {
            return self.emit(format_args!("clearbhb"));
        }
        self.emit(format_args!("hint {}", Hex(n as u64)))
    }

    fn clrex(&mut self, i: Clrex) -> Outcome {
        if i.crm == 15 {
            return self.emit(format_args!("clrex"));
        }
        self.emit(format_args!("clrex {}", Hex(i.crm as u64)))
    }

    fn dsb(&mut self, i: Dsb) -> Outcome {
        match i.crm {
            0 => self.emit(format_args!("ssbb")),
            4 => self.emit(format_args!("pssbb")),
            crm => self.barrier("dsb", crm),
        }
    }

    fn dmb(&mut self, i: Dmb) -> Outcome {
        self.barrier("dmb", i.crm)
    }

    fn isb(&mut self, i: Isb) -> Outcome {
        if i.crm == 15 {
            return self.emit(format_args!("isb"));
        }
        self.emit(format_args!("isb {}", Hex(i.crm as u64)))
    }

    fn sb(&mut self, _: Sb) -> Outcome {
        self.emit(format_args!("sb"))
    }

    fn cfinv(&mut self, _: Cfinv) -> Outcome {
        self.emit(format_args!("cfinv"))
    }

    fn xaflag(&mut self, _: Xaflag) -> Outcome {
        self.emit(format_args!("xaflag"))
    }

    fn axflag(&mut self, _: Axflag) -> Outcome {
        self.emit(format_args!("axflag"))
    }

    fn msr_imm(&mut self, i: MsrImm) -> Outcome {
        let Some(field) = i.field() else {
            return Outcome::Unallocated;
        };
        // objdump accepts only #0/#1 for the one-bit fields and prints other CRm values (whose
        // upper bits the architecture ignores) as a generic MSR of XZR.
        if !field.uses_whole_crm() && i.crm > 1 {
            return self.emit(format_args!(
                "msr s0_{}_c4_c{}_{}, xzr",
                i.op1, i.crm, i.op2
            ));
        }
        self.emit(format_args!("msr {}, {}", field.name(), Hex(i.crm as u64)))
    }

    fn sys(&mut self, i: Sys) -> Outcome {
        match i.op() {
            Some(op) if op.takes_rt => self.emit(format_args!("{op}, {}", i.rt.name(true))),
            Some(op) => self.emit(format_args!("{op}")),
            None => self.generic_sys(i),
        }
    }

    fn sysl(&mut self, i: Sysl) -> Outcome {
        self.emit(format_args!(
            "sysl {}, #{}, C{}, C{}, #{}",
            i.rt.name(true),
            i.op1,
            i.crn,
            i.crm,
            i.op2
        ))
    }

    fn msr_reg(&mut self, i: MsrReg) -> Outcome {
        self.emit(format_args!(
            "msr {}, {}",
            i.reg().for_write(),
            i.rt.name(true)
        ))
    }

    fn mrs(&mut self, i: Mrs) -> Outcome {
        self.emit(format_args!("mrs {}, {}", i.rt.name(true), i.reg()))
    }

    fn br(&mut self, i: Br) -> Outcome {
        self.emit(format_args!("br {}", i.rn.name(true)))
    }

    fn blr(&mut self, i: Blr) -> Outcome {
        self.emit(format_args!("blr {}", i.rn.name(true)))
    }

    fn ret(&mut self, i: Ret) -> Outcome {
        if i.rn.num() == 30 {
            return self.emit(format_args!("ret"));
        }
        self.emit(format_args!("ret {}", i.rn.name(true)))
    }

    fn eret(&mut self, _: Eret) -> Outcome {
        self.emit(format_args!("eret"))
    }

    fn drps(&mut self, _: Drps) -> Outcome {
        self.emit(format_args!("drps"))
    }

    fn br_auth_z(&mut self, i: BrAuthZ) -> Outcome {
        let k = if i.key_b { "b" } else { "a" };
        self.emit(format_args!("bra{k}z {}", i.rn.name(true)))
    }

    fn blr_auth_z(&mut self, i: BlrAuthZ) -> Outcome {
        let k = if i.key_b { "b" } else { "a" };
        self.emit(format_args!("blra{k}z {}", i.rn.name(true)))
    }

    fn ret_auth(&mut self, i: RetAuth) -> Outcome {
        let k = if i.key_b { "b" } else { "a" };
        self.emit(format_args!("reta{k}"))
    }

    fn eret_auth(&mut self, i: EretAuth) -> Outcome {
        let k = if i.key_b { "b" } else { "a" };
        self.emit(format_args!("ereta{k}"))
    }

    fn br_auth(&mut self, i: BrAuth) -> Outcome {
        let k = if i.key_b { "b" } else { "a" };
        self.emit(format_args!(
            "bra{k} {}, {}",
            i.rn.name(true),
            i.rm.name(true)
        ))
    }

    fn blr_auth(&mut self, i: BlrAuth) -> Outcome {
        let k = if i.key_b { "b" } else { "a" };
        self.emit(format_args!(
            "blra{k} {}, {}",
            i.rn.name(true),
            i.rm.name(true)
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::{disassemble, Disassembly};

    fn text(w: u32, pc: u64) -> String {
        match disassemble(w, pc) {
            Disassembly::Text(t) => t,
            other => format!("{other:?}"),
        }
    }

    /// Rows checked against `aarch64-linux-gnu-objdump -d` (binutils 2.40).
    #[test]
    fn objdump_spellings() {
        let rows: &[(u32, &str)] = &[
            (0xd65f03c0, "ret"),
            (0xd65f0000, "ret x0"),
            (0x5400000e, "b.al 0x0"),
            (0xd50322df, "clearbhb"),
            (0xd50320df, "hint #0x6"),
            (0xd503309f, "ssbb"),
            (0xd503389f, "dsb #0x08"),
            (0xd50330bf, "dmb #0x00"),
            (0xd50330df, "isb #0x0"),
            (0xd5034fdf, "msr daifset, #0xf"),
            (0xd500429f, "msr s0_0_c4_c2_4, xzr"),
            (0xd501411f, "msr allint, #0x1"),
            (0xd508001f, "sys #0, C0, C0, #0"),
            (0xd5087122, "sys #0, C7, C1, #1, x2"),
            (0xd508871f, "tlbi vmalle1"),
            (0xd5087500, "ic iallu"),
            (0xd50b7420, "dc zva, x0"),
            (0xd50b73e0, "cpp rctx, x0"),
            (0xd52b127f, "sysl xzr, #3, C1, C2, #3"),
            (0xd5330503, "mrs x3, dbgdtrrx_el0"),
            (0xd5130503, "msr dbgdtrtx_el0, x3"),
            (0xd71f0bff, "braa xzr, sp"),
            (0xd4a00001, "dcps1"),
            (0xd4a24681, "dcps1 #0x1234"),
        ];
        for &(w, want) in rows {
            assert_eq!(text(w, 0), want, "{w:08x}");
        }
    }

    #[test]
    fn rejected_words() {
        // DCPS with LL = 00, BC.cond, SB with CRm != 0, ERET with Rn != 31, a hint with
        // Rt != 31, MSR (immediate) of SVCR (SME), TCOMMIT (TME).
        for w in [
            0xd4a00000u32,
            0x54000010,
            0xd50331ff,
            0xd69f0000,
            0xd503201e,
            0xd503467f,
            0xd503307f,
        ] {
            assert_eq!(disassemble(w, 0), Disassembly::Unallocated, "{w:08x}");
        }
    }
}
