//! Tag checks of data accesses (ARCH.md §4.6, §4.7).
//!
//! A soft-TLB entry carries `perm::CHECKED` when its page is Allocation Tagged and a
//! mismatch there can have an effect in the current context (tag access enabled, TCF not
//! "ignore", TBI applies to the range). The fast path then only compares the pointer's tag
//! with the tag of each 16-byte granule the access touches. Everything else — PSTATE.TCO,
//! TCMA match-all tags, whether the instruction's access is checkable at all, the fault
//! mode — is decided on the mismatch path, which is cold.

use super::{ldst, Exec, Trap};
use crate::memory::Platform;
use crate::sysreg::index_of;
use crate::tlb::perm;
use a64sim_arch::esr::fsc;
use a64sim_arch::El;
use a64sim_isa::sysreg::regs;
use a64sim_mmu::AccessKind;
use a64sim_tags::{logical_tag, tfsr_bit, MismatchAction};

/// The asynchronous fault status register of accesses at each EL (ARCH.md §4.7).
const TFSR: [usize; 4] = [
    index_of(regs::TFSRE0_EL1),
    index_of(regs::TFSR_EL1),
    index_of(regs::TFSR_EL2),
    index_of(regs::TFSR_EL3),
];

impl<P: Platform> Exec<'_, P> {
    /// Compares the tag of `va` with the allocation tags of the granules that
    /// `[ram_off, ram_off + size)` touches (`size` ≤ 16); a mismatch goes to
    /// [`Self::tag_mismatch`].
    #[inline(always)]
    pub(crate) fn check_tags(
        &mut self,
        va: u64,
        ram_off: usize,
        size: usize,
        read: bool,
    ) -> Result<(), Trap> {
        let want = logical_tag(va);
        let pa = self.mem.base() + ram_off as u64;
        let tags = &self.mem.tags;
        if tags.tag(pa) != want {
            return self.tag_mismatch(va, read);
        }
        if (ram_off & 15) + size > 16 && tags.tag(pa + 16) != want {
            // FAR is the first byte of the granule that failed (QEMU agrees).
            return self.tag_mismatch((va | 15).wrapping_add(1), read);
        }
        Ok(())
    }

    /// The checks of a store of `size` bytes at `va` that is one element of a larger
    /// store (STP), made before any element is written: translation, permission and
    /// alignment faults and tag checks. Nothing to do on a cached page that is not
    /// tag-checked (the store itself will check the rest).
    #[inline(always)]
    pub(crate) fn precheck_store(&mut self, va: u64, size: usize) -> Result<(), Trap> {
        if !self.pe.xlat.active {
            return Ok(());
        }
        let key = self.pe.xlat.data_key(va);
        if let Some(e) = self.pe.tlb.lookup(self.pe.xlat.ctx, key) {
            if e.perm & (perm::WRITE | perm::CHECKED) == perm::WRITE {
                return Ok(());
            }
        }
        self.precheck_store_slow(va, size)
    }

    #[cold]
    #[inline(never)]
    fn precheck_store_slow(&mut self, va: u64, size: usize) -> Result<(), Trap> {
        if (va & 0xfff) as usize + size > 0x1000 {
            // Split across pages: the element's own store checks byte by byte.
            return Ok(());
        }
        let (pa, p) = self.translate_data(va, size, AccessKind::Write)?;
        if p & perm::CHECKED != 0 {
            if let Some(off) = self.mem.offset(pa, size) {
                self.check_tags(va, off, size, false)?;
            }
        }
        Ok(())
    }

    /// A pointer tag differs from an allocation tag: decide whether the access is checked
    /// at all (PSTATE.TCO, the instruction) and what the mismatch does (SCTLR_ELx.TCF,
    /// TCF0 for EL0 and for LDTR/STTR as EL0). `read` is false only for pure writes.
    #[cold]
    #[inline(never)]
    pub(crate) fn tag_mismatch(&mut self, va: u64, read: bool) -> Result<(), Trap> {
        if self.pe.st.pstate.tco || !self.pe.tag_checked_address(va) {
            return Ok(());
        }
        if !self.current_insn().as_ref().is_none_or(ldst::tag_checked) {
            return Ok(());
        }
        let el = if self.unprivileged {
            El::El0
        } else {
            self.pe.st.pstate.el
        };
        match self.pe.tag_check_mode(el).on_mismatch(read) {
            MismatchAction::None => Ok(()),
            MismatchAction::Record => {
                let r = TFSR[el as usize];
                let v = self.pe.sys.get(r) | tfsr_bit(va, el);
                self.pe.sys.set(r, v);
                Ok(())
            }
            MismatchAction::Fault => Err(self.data_abort(va, fsc::TAG_CHECK, !read)),
        }
    }
}

#[cfg(test)]
mod tests {
    //! Tag checks that the QEMU-compared programs leave out because QEMU departs from the
    //! architecture there (tests/difftest/known-qemu-differences.md), and the check rules
    //! of ARCH.md §4.6/§4.7 on a minimal EL1 regime.
    use super::*;
    use crate::exec::Exec;
    use crate::run::Cpu;
    use crate::sysreg::SysRegs;
    use crate::testutil::{machine, NullPlatform, CODE};
    use crate::PhysMem;
    use a64sim_isa::sysreg::SysRegId;

    const L1: u64 = CODE + 0x1000;
    const L2: u64 = CODE + 0x2000;
    const L3: u64 = CODE + 0x3000;
    /// A Tagged page (MAIR index 1 = 0xF0) at VA 0x1000_0000.
    const VA: u64 = 0x1000_0000;
    const PA: u64 = CODE + 0x8_0000;
    const TCF_SYNC: u64 = 1 << 40;
    const TCF_ASYMMETRIC: u64 = 3 << 40;

    fn set(cpu: &mut Cpu, id: SysRegId, v: u64) {
        let (i, _) = SysRegs::lookup(id).expect("register");
        cpu.pe.sys.set(i, v);
    }

    fn get(cpu: &Cpu, id: SysRegId) -> u64 {
        cpu.pe.sys.get(SysRegs::lookup(id).expect("register").0)
    }

    /// EL1 with stage 1 on (T0SZ = 25, TBI0): RAM identity-mapped by a 1 GiB block, the
    /// Tagged page at `VA` with its first granule tagged 5 and holding 0x1111; tag access
    /// on at every level; SCTLR_EL1.TCF = `tcf`.
    fn setup(tcf: u64) -> (Cpu, PhysMem) {
        let (mut cpu, mut mem) = machine(&[]);
        let put = |mem: &mut PhysMem, pa: u64, v: u64| {
            assert!(mem.write_bytes(pa, &v.to_le_bytes()));
        };
        put(&mut mem, L1, L2 | 0b11);
        put(&mut mem, L1 + 8, CODE | 0b01 | (0b11 << 8) | (1 << 10));
        put(&mut mem, L2 + 8 * ((VA >> 21) & 0x1ff), L3 | 0b11);
        put(&mut mem, L3, PA | 0b11 | (1 << 2) | (0b11 << 8) | (1 << 10));
        put(&mut mem, PA, 0x1111);
        assert!(mem.tags.set_tag(PA, 5));
        set(&mut cpu, regs::MAIR_EL1, 0xf0ff);
        // T0SZ = 25, TG0 = 4 KiB, EPD1, IPS = 48 bits, TBI0.
        set(
            &mut cpu,
            regs::TCR_EL1,
            25 | (1 << 23) | (0b101 << 32) | (1 << 37),
        );
        set(&mut cpu, regs::TTBR0_EL1, L1);
        let ata = 1 << 43;
        set(&mut cpu, regs::SCTLR_EL1, 0x30d0_0800 | 0b101 | ata | tcf);
        set(&mut cpu, regs::SCR_EL3, 0x30 | 1 | 1 << 10 | 1 << 26);
        set(&mut cpu, regs::HCR_EL2, 1 << 31 | 1 << 56);
        cpu.pe.st.pstate.el = El::El1;
        cpu.pe.xlat.registers_changed();
        (cpu, mem)
    }

    /// Executes `word` at EL1 (fetched from `CODE`, which the block maps) with X2 = `x2`.
    fn exec(cpu: &mut Cpu, mem: &mut PhysMem, word: u32, x2: u64) -> Result<(), Trap> {
        assert!(mem.write_bytes(CODE, &word.to_le_bytes()));
        cpu.pe.st.x[2] = x2;
        cpu.pe.refresh_translation();
        let mut plat = NullPlatform;
        let mut e = Exec {
            pe: &mut cpu.pe,
            mem,
            plat: &mut plat,
            pc: CODE,
            block_pc: CODE,
            unprivileged: false,
        };
        a64sim_isa::decode(word).visit(&mut e).map(|_| ())
    }

    fn esr(r: Result<(), Trap>) -> u64 {
        match r {
            Err(Trap::Exception(e)) => e.esr.0,
            other => panic!("no exception: {other:?}"),
        }
    }

    const CAS: u32 = 0xc8a0_7c41; // cas x0, x1, [x2]
    const LDADD: u32 = 0xf820_0041; // ldadd x0, x1, [x2]
    const DC_ZVA: u32 = 0xd50b_7422; // dc zva, x2
    const STR: u32 = 0xf900_0041; // str x1, [x2]
    const LDR: u32 = 0xf940_0041; // ldr x1, [x2]

    #[test]
    fn read_modify_write_atomics_fault_as_reads() {
        // Arm ARM: a tag-check fault on CAS reports WnR = 0 (QEMU: 1; mte-cas-tag-fault-wnr).
        for word in [CAS, LDADD] {
            let (mut cpu, mut mem) = setup(TCF_SYNC);
            cpu.pe.st.x[0] = 0x1111;
            assert_eq!(
                esr(exec(&mut cpu, &mut mem, word, 3 << 56 | VA)),
                0x9600_0011
            );
            assert_eq!(mem.read_at((PA - CODE) as usize, 8), 0x1111, "no effect");
        }
        // Asymmetric mode: reads (and read-modify-writes) fault synchronously.
        let (mut cpu, mut mem) = setup(TCF_ASYMMETRIC);
        cpu.pe.st.x[0] = 0x1111;
        assert_eq!(
            esr(exec(&mut cpu, &mut mem, CAS, 3 << 56 | VA)),
            0x9600_0011
        );
    }

    #[test]
    fn dc_zva_faults_as_a_write_before_zeroing_anything() {
        // Arm ARM: DC ZVA is a write (WnR = 1; QEMU: 0, mte-dc-zva-tag-fault). The first
        // granule matches, a later one does not: nothing is zeroed.
        let (mut cpu, mut mem) = setup(TCF_SYNC);
        assert!(mem.tags.set_tag(PA + 0x20, 9));
        assert_eq!(
            esr(exec(&mut cpu, &mut mem, DC_ZVA, 5 << 56 | VA)),
            0x9600_0051
        );
        assert_eq!(mem.read_at((PA - CODE) as usize, 8), 0x1111);
        // Asymmetric mode: a write records the fault in TFSR_EL1.TF0 and completes.
        let (mut cpu, mut mem) = setup(TCF_ASYMMETRIC);
        assert!(exec(&mut cpu, &mut mem, DC_ZVA, 3 << 56 | VA).is_ok());
        assert_eq!(mem.read_at((PA - CODE) as usize, 8), 0);
        assert_eq!(get(&cpu, regs::TFSR_EL1), 1);
    }

    #[test]
    fn matching_tags_tco_and_tcma_pass_and_a_store_fault_writes_nothing() {
        let (mut cpu, mut mem) = setup(TCF_SYNC);
        assert!(exec(&mut cpu, &mut mem, LDR, 5 << 56 | VA).is_ok());
        assert_eq!(cpu.pe.st.x[1], 0x1111);
        cpu.pe.st.x[1] = 0x2222;
        assert_eq!(
            esr(exec(&mut cpu, &mut mem, STR, 6 << 56 | VA)),
            0x9600_0051
        );
        assert_eq!(mem.read_at((PA - CODE) as usize, 8), 0x1111);
        cpu.pe.st.pstate.tco = true;
        assert!(exec(&mut cpu, &mut mem, STR, 6 << 56 | VA).is_ok());
        assert_eq!(mem.read_at((PA - CODE) as usize, 8), 0x2222);
        cpu.pe.st.pstate.tco = false;
        // Tag 0 is checked without TCMA0, and match-all with it.
        assert_eq!(esr(exec(&mut cpu, &mut mem, LDR, VA)), 0x9600_0011);
        let tcr = get(&cpu, regs::TCR_EL1);
        set(&mut cpu, regs::TCR_EL1, tcr | 1 << 57);
        cpu.pe.xlat.registers_changed();
        assert!(exec(&mut cpu, &mut mem, LDR, VA).is_ok());
    }
}
