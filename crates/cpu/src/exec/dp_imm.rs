//! Data processing -- immediate (Arm ARM C4.1.86): ADR/ADRP, add/subtract, logical,
//! move wide, bitfield, extract, and the MTE ADDG/SUBG.

use super::{add_with_carry, logical_flags, Exec, ExecResult, Flow};
use crate::memory::Platform;
use a64sim_isa::operand::decode_bit_masks;
use a64sim_isa::*;

/// GCR_EL1 in the register table.
const GCR: usize = crate::sysreg::index_of(a64sim_isa::sysreg::regs::GCR_EL1);

impl<P: Platform> DpImmVisitor for Exec<'_, P> {
    fn udf(&mut self, _i: Udf) -> ExecResult {
        self.undefined()
    }

    #[inline(always)]
    fn pc_rel_addr(&mut self, i: PcRelAddr) -> ExecResult {
        let imm = ((i.immhi as i64) << 2) | i.immlo as i64;
        let v = if i.op {
            (self.pc & !0xfff).wrapping_add((imm << 12) as u64)
        } else {
            self.pc.wrapping_add(imm as u64)
        };
        self.pe.st.set_xr(i.rd, v);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn add_sub_imm(&mut self, i: AddSubImm) -> ExecResult {
        let imm = (i.imm12 as u64) << (if i.sh { 12 } else { 0 });
        let x = self.pe.st.xs(i.rn);
        let r = if i.op {
            x.wrapping_sub(imm)
        } else {
            x.wrapping_add(imm)
        };
        let r = if i.sf { r } else { r & 0xffff_ffff };
        self.pe.st.set_xs(i.rd, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn add_sub_imm_s(&mut self, i: AddSubImmS) -> ExecResult {
        let imm = (i.imm12 as u64) << (if i.sh { 12 } else { 0 });
        let x = self.pe.st.xs(i.rn);
        let (r, nzcv) = if i.op {
            add_with_carry(x, !imm, true, i.sf)
        } else {
            add_with_carry(x, imm, false, i.sf)
        };
        self.pe.st.pstate.nzcv = nzcv;
        self.set_xr_w(i.rd, i.sf, r);
        Ok(Flow::Next)
    }

    fn add_sub_tag(&mut self, i: AddSubTag) -> ExecResult {
        // ADDG, SUBG: Xn ± uimm6 * 16 (a full 64-bit add), and the tag uimm4 steps past
        // Xn's tag skipping GCR_EL1.Exclude; tag 0 when allocation-tag access is disabled.
        if self.pe.mte_level() == 0 {
            return self.undefined();
        }
        let xn = self.pe.st.xs(i.rn);
        let offset = (i.uimm6 as u64) << 4;
        let addr = if i.op {
            xn.wrapping_sub(offset)
        } else {
            xn.wrapping_add(offset)
        };
        let tag = if self.pe.xlat.tag_access {
            let exclude = a64sim_tags::Gcr::from_bits(self.pe.sys.get(GCR)).exclude;
            a64sim_tags::addg_tag(a64sim_tags::logical_tag(xn), i.uimm4, exclude)
        } else {
            0
        };
        self.pe.st.set_xs(i.rd, a64sim_tags::with_tag(addr, tag));
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn logical_imm_s(&mut self, i: LogicalImmS) -> ExecResult {
        let Some((imm, _)) =
            decode_bit_masks(i.n, i.imms, i.immr, true, if i.sf { 64 } else { 32 })
        else {
            return self.undefined();
        };
        let r = self.pe.st.xr(i.rn) & imm;
        self.pe.st.pstate.nzcv = logical_flags(r, i.sf);
        self.set_xr_w(i.rd, i.sf, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn logical_imm(&mut self, i: LogicalImm) -> ExecResult {
        let Some((imm, _)) =
            decode_bit_masks(i.n, i.imms, i.immr, true, if i.sf { 64 } else { 32 })
        else {
            return self.undefined();
        };
        let x = self.pe.st.xr(i.rn);
        let r = match i.opc {
            0 => x & imm,
            1 => x | imm,
            _ => x ^ imm,
        };
        let r = if i.sf { r } else { r & 0xffff_ffff };
        self.pe.st.set_xs(i.rd, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn move_wide(&mut self, i: MoveWide) -> ExecResult {
        let shift = i.hw as u32 * 16;
        let imm = (i.imm16 as u64) << shift;
        let r = match i.opc {
            0 => !imm,
            2 => imm,
            3 => (self.pe.st.xr(i.rd) & !(0xffffu64 << shift)) | imm,
            _ => return self.undefined(),
        };
        self.set_xr_w(i.rd, i.sf, r);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn bitfield(&mut self, i: Bitfield) -> ExecResult {
        // Bitfield move (Arm ARM C6.2.25 BFM pseudocode).
        let size = if i.sf { 64 } else { 32 };
        let Some((wmask, tmask)) = decode_bit_masks(i.n, i.imms, i.immr, false, size) else {
            return self.undefined();
        };
        let src = self.pe.st.xr(i.rn);
        let dst = if i.opc == 1 { self.pe.st.xr(i.rd) } else { 0 };
        let r = i.immr as u32;
        let rot = if size == 64 {
            src.rotate_right(r)
        } else {
            (src as u32).rotate_right(r) as u64
        };
        let bot = (dst & !wmask) | (rot & wmask);
        let top = if i.opc == 0 {
            // SBFM: replicate the sign bit src<S>.
            if (src >> i.imms) & 1 != 0 {
                u64::MAX
            } else {
                0
            }
        } else {
            dst
        };
        let res = (top & !tmask) | (bot & tmask);
        self.set_xr_w(i.rd, i.sf, res);
        Ok(Flow::Next)
    }

    #[inline(always)]
    fn extract(&mut self, i: Extract) -> ExecResult {
        let (hi, lo) = (self.pe.st.xr(i.rn), self.pe.st.xr(i.rm));
        let lsb = i.imms as u32;
        let r = if i.sf {
            if lsb == 0 {
                lo
            } else {
                (lo >> lsb) | (hi << (64 - lsb))
            }
        } else {
            let concat = ((hi & 0xffff_ffff) << 32) | (lo & 0xffff_ffff);
            (concat >> lsb) & 0xffff_ffff
        };
        self.set_xr_w(i.rd, i.sf, r);
        Ok(Flow::Next)
    }
}
