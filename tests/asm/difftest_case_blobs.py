#!/usr/bin/env python3
"""Hand-made PARAMS / CASE_CODE blobs for tests/images/difftest_case.elf.

The layout the template (tests/asm/difftest_case.S) expects:

  PARAMS at PA 0x4400_0000, little-endian u64 words:
    [0]      magic 0x3146_4944_3436_4136 (the bytes "6A64DIF1")
    [1]      EL of the case, 0..3
    [2]      flags: bit0 MMU (stage 1), bit1 stage 2 (EL0/EL1 only), bit2 MTE
    [3]      initial NZCV in bits 31:28
    [4..34]  x0..x30
    [35]     SP of the case (SP_EL0 for EL0, SP_ELx otherwise)
  CASE_CODE at PA 0x4410_0000: little-endian instruction words, at most
  64 KiB, ending with BRK #0xDF00 (0xD43BE000).

Usage:
  difftest_case_blobs.py OUTDIR            write OUTDIR/<config>/{params,case}.bin
  difftest_case_blobs.py OUTDIR --qemu     ... and run each under QEMU, printing
                                           the output to OUTDIR/<config>/qemu.out
The QEMU command line (from the repository root):
  qemu-system-aarch64 $(grep -v '^#' tests/qemu-machine.args) \\
    -kernel tests/images/difftest_case.elf \\
    -device loader,file=params.bin,addr=0x44000000,force-raw=on \\
    -device loader,file=case.bin,addr=0x44100000,force-raw=on </dev/null
"""

import os
import struct
import subprocess
import sys
import time

PARAMS = 0x4400_0000
CASE = 0x4410_0000
CASE_SIZE = 0x1_0000
SCRATCH = 0x4420_0000
SCRATCH_SIZE = 0x1_0000
MAGIC = 0x3146_4944_3436_4136
TERMINATOR = 0xD43BE000  # BRK #0xDF00
F_MMU, F_S2, F_MTE = 1, 2, 4
PARAMS_WORDS = 36


def params_blob(el, flags, nzcv=0, regs=None, sp=SCRATCH + 0x8000):
    """The 36-word PARAMS block. regs: dict {n: value} (others 0x1001 * n)."""
    x = [0x1001 * i for i in range(31)]
    for n, v in (regs or {}).items():
        x[n] = v & (2**64 - 1)
    words = [MAGIC, el, flags, nzcv & 0xF000_0000] + x + [sp]
    assert len(words) == PARAMS_WORDS
    return struct.pack("<36Q", *words)


def case_blob(insns):
    if not insns or insns[-1] != TERMINATOR:
        insns = list(insns) + [TERMINATOR]
    assert len(insns) * 4 <= CASE_SIZE
    return struct.pack("<%dI" % len(insns), *insns)


# ---------------------------------------------------------------- digests
# What the template prints as scratch_cksum and scratch_tags, for a runner
# that wants to predict them or recompute them from an emulator's memory.

M64 = 2**64 - 1
FILL_MUL = 0x9E3779B97F4A7C15
FILL_ADD = 0x0123456789ABCDEF


def scratch_initial():
    """SCRATCH before the case: dword i = i * FILL_MUL + FILL_ADD."""
    return struct.pack("<%dQ" % (SCRATCH_SIZE // 8),
                       *[(i * FILL_MUL + FILL_ADD) & M64 for i in range(SCRATCH_SIZE // 8)])


def initial_tags(mte):
    """Allocation tags of the 4096 granules before the case (0 without MTE)."""
    return [((g * 5 + 1) & 15) if mte else 0 for g in range(SCRATCH_SIZE // 16)]


def cksum(data):
    """sh_cksum of include/semihost.inc: h = ror(h ^ d, 51) * K + remaining."""
    h = 0x6A09E667F3BCC908
    k = 0x9E3779B97F4A4F6B
    n = len(data)
    for i in range(0, n, 8):
        d = struct.unpack_from("<Q", data, i)[0]
        x = h ^ d
        x = ((x >> 51) | (x << 13)) & M64
        h = (x * k + (n - i)) & M64
    return h


def tags_digest(tags):
    """scratch_tags: the tags packed 16 per dword (granule 16k + j in bits
    4j+3:4j of dword k), then cksum of the 256 dwords."""
    words = []
    for k in range(len(tags) // 16):
        w = 0
        for j in range(16):
            w |= (tags[16 * k + j] & 15) << (4 * j)
        words.append(w)
    return cksum(struct.pack("<%dQ" % len(words), *words))


# ---------------------------------------------------------------- encoders

def movz(rd, imm, hw=0):
    return 0xD2800000 | hw << 21 | (imm & 0xFFFF) << 5 | rd


def movk(rd, imm, hw=0):
    return 0xF2800000 | hw << 21 | (imm & 0xFFFF) << 5 | rd


def ldr(rt, rn, off=0):  # LDR Xt, [Xn|SP, #off] (unsigned offset)
    assert off % 8 == 0
    return 0xF9400000 | (off // 8) << 10 | rn << 5 | rt


def str_(rt, rn, off=0):  # STR Xt, [Xn|SP, #off]
    assert off % 8 == 0
    return 0xF9000000 | (off // 8) << 10 | rn << 5 | rt


def ldur(rt, rn, simm9):
    return 0xF8400000 | (simm9 & 0x1FF) << 12 | rn << 5 | rt


def stp_pre(rt, rt2, rn, off):  # STP Xt, Xt2, [Xn|SP, #off]!
    assert off % 8 == 0
    return 0xA9800000 | ((off // 8) & 0x7F) << 15 | rt2 << 10 | rn << 5 | rt


def adds(rd, rn, rm):
    return 0xAB000000 | rm << 16 | rn << 5 | rd


def subs(rd, rn, rm):
    return 0xEB000000 | rm << 16 | rn << 5 | rd


def mov_from_sp(rd):  # ADD Xd, SP, #0
    return 0x910003E0 | rd


def svc(imm):
    return 0xD4000001 | imm << 5


def hvc(imm):
    return 0xD4000002 | imm << 5


def smc(imm):
    return 0xD4000003 | imm << 5


def brk(imm):
    return 0xD4200000 | imm << 5


def udf(imm):
    return imm & 0xFFFF


def sysreg(op0, op1, crn, crm, op2):
    return op0 << 19 | op1 << 16 | crn << 12 | crm << 8 | op2 << 5


TPIDR_EL0 = sysreg(3, 3, 13, 0, 2)
TPIDRRO_EL0 = sysreg(3, 3, 13, 0, 3)
TPIDR_EL1 = sysreg(3, 0, 13, 0, 4)
SCTLR_EL3 = sysreg(3, 6, 1, 0, 0)


def mrs(rt, reg):
    return 0xD5200000 | reg | rt


def msr(reg, rt):
    return 0xD5000000 | reg | rt


def at_s1e1r(rt):
    return 0xD5087800 | rt


MSR_SPSEL_0 = 0xD50040BF  # MSR SPSel, #0
WFI = 0xD503207F
ISB = 0xD5033FDF


def br(rn):
    return 0xD61F0000 | rn << 5


def b(offset_bytes):
    return 0x14000000 | ((offset_bytes // 4) & 0x3FFFFFF)


def irg(rd, rn, rm=31):
    return 0x9AC01000 | rm << 16 | rn << 5 | rd


def stg(rt, rn, off=0):  # STG Xt, [Xn|SP, #off]
    assert off % 16 == 0
    return 0xD9200800 | ((off // 16) & 0x1FF) << 12 | rn << 5 | rt


def ldg(rt, rn, off=0):
    assert off % 16 == 0
    return 0xD9600000 | ((off // 16) & 0x1FF) << 12 | rn << 5 | rt


# ---------------------------------------------------------------- configurations


def tag(addr, t):
    return addr | t << 56


def granule_tag(addr):
    return ((addr - SCRATCH) // 16 * 5 + 1) & 15


CONFIGS = {}

# EL0, MMU + MTE: tag-checked loads/stores, SP pre-index (checked), EL0
# permission fault on template RAM, SVC, UNDEFs (HVC, MRS TPIDR_EL1), WFI
# trapped to EL1, IRG/STG/LDG at EL0.
CONFIGS["el0_mmu_mte"] = (
    params_blob(
        0, F_MMU | F_MTE, nzcv=0x8000_0000,
        regs={1: tag(SCRATCH, granule_tag(SCRATCH)),  # right tag
              2: SCRATCH + 0x10,                      # tag 0, granule tag 6
              6: 0x4020_0000},                        # template RAM: EL1 only
        sp=SCRATCH + 0x4000),
    case_blob([
        ldr(3, 1),               # ok
        ldr(4, 2),               # tag-check fault (EC 0x24 to EL1)
        str_(3, 1, 8),           # ok
        ldr(5, 6),               # permission fault, level 2
        stp_pre(3, 4, 31, -16),  # SP pre-index: checked, SP tag 0 vs 12: fault
        str_(3, 31, 8),          # SP offset: unchecked
        svc(1),
        hvc(2),                  # UNDEF at EL0
        mrs(7, TPIDR_EL1),       # UNDEF at EL0
        msr(TPIDR_EL0, 3),
        WFI,                     # trapped to EL1 (SCTLR_EL1.nTWI = 0)
        irg(8, 1),               # RGSR_EL1 LFSR
        stg(8, 1, 32),           # granule 2 gets the IRG tag
        ldg(9, 1, 32),
        subs(10, 3, 4),
        TERMINATOR,
    ]),
)

# EL2, MMU: translation fault outside RAM, HVC/SMC from EL2, UNDEF of an
# EL3 register, SPSel = 0 (vector 0x000, SP_EL0 as the case's SP).
CONFIGS["el2_mmu"] = (
    params_blob(2, F_MMU, nzcv=0x4000_0000,
                regs={0: SCRATCH + 0x100, 3: 0x8000_0000}, sp=SCRATCH + 0x8000),
    case_blob([
        ldr(1, 0),
        str_(1, 0, 8),
        ldr(2, 3),               # translation fault level 1
        hvc(0x22),               # to EL2 (ELR = next)
        smc(0x33),               # to EL3
        mrs(4, SCTLR_EL3),       # UNDEF at EL2
        MSR_SPSEL_0,
        mov_from_sp(5),          # SP_EL0 = 0
        svc(7),                  # vector 0x000
        adds(6, 1, 1),
        TERMINATOR,
    ]),
)

# EL3, MMU off: Device memory (alignment fault), SVC/SMC/HVC/UDF at EL3.
CONFIGS["el3_nommu"] = (
    params_blob(3, 0, nzcv=0x2000_0000, regs={0: SCRATCH + 0x200}, sp=SCRATCH + 0xF000),
    case_blob([
        ldr(1, 0),
        ldur(2, 0, 1),           # unaligned on Device: alignment fault
        svc(5),
        smc(6),
        hvc(7),
        udf(8),
        msr(TPIDRRO_EL0, 1),
        stp_pre(1, 0, 31, -16),
        subs(3, 1, 0),
        TERMINATOR,
    ]),
)

# EL1, stage 1 off, stage 2 on: stage-2 translation fault (to EL2), AT.
CONFIGS["el1_s2"] = (
    params_blob(1, F_S2, regs={0: 0x6000_0000, 1: SCRATCH + 0x40}),
    case_blob([
        ldr(2, 1),
        ldr(3, 0),               # stage-2 translation fault, EC 0x24 to EL2
        at_s1e1r(1),
        hvc(1),
        TERMINATOR,
    ]),
)

# EL1, MMU off: UDF in a loop until the 65th exception (end=1).
CONFIGS["el1_overflow"] = (
    params_blob(1, 0),
    case_blob([udf(1), b(-4), TERMINATOR]),
)

# EL0, MMU: branch out of CASE_CODE (end=2, runaway).
CONFIGS["el0_runaway"] = (
    params_blob(0, F_MMU, regs={0: 0x4400_0000}, sp=SCRATCH + 0x1000),
    case_blob([svc(0), br(0), TERMINATOR]),
)


# EL2, MMU + MTE: tag-check fault at EL2 (EC 0x25), IRG/STG/LDG, ST2G.
CONFIGS["el2_mmu_mte"] = (
    params_blob(2, F_MMU | F_MTE,
                regs={1: tag(SCRATCH + 0x100, granule_tag(SCRATCH + 0x100)),
                      2: tag(SCRATCH + 0x100, 3)}),
    case_blob([
        ldr(3, 1),               # right tag
        ldr(4, 2),               # wrong tag: EC 0x25, DFSC 0x11
        str_(3, 2),              # wrong tag, store: WnR
        irg(5, 1),
        stg(5, 1),               # granule 16 gets the IRG tag
        ldg(6, 1),
        ldr(7, 5),               # through the new tag: ok
        TERMINATOR,
    ]),
)

# EL3, MMU + MTE: the same at EL3.
CONFIGS["el3_mmu_mte"] = (
    params_blob(3, F_MMU | F_MTE,
                regs={1: tag(SCRATCH + 0xF00, granule_tag(SCRATCH + 0xF00)),
                      2: SCRATCH + 0xF00},
                sp=SCRATCH + 0xFF00),
    case_blob([
        ldr(3, 1),
        ldr(4, 2),               # tag 0 vs granule tag: fault
        stg(2, 2),               # granule tag := 0
        ldr(4, 2),               # now ok
        stp_pre(3, 4, 31, -16),  # SP tag 0 vs granule tag
        TERMINATOR,
    ]),
)

# EL1, MMU + stage 2 + MTE: tagged through both stages, AT, LDGM.
CONFIGS["el1_mmu_s2_mte"] = (
    params_blob(1, F_MMU | F_S2 | F_MTE,
                regs={1: SCRATCH + 0x300, 2: tag(SCRATCH + 0x300, granule_tag(SCRATCH + 0x300))}),
    case_blob([
        ldr(3, 1),               # tag 0: fault
        ldr(4, 2),               # ok
        at_s1e1r(1),
        0xD9E00025,              # LDGM x5, [x1]
        stg(1, 2),               # granule tag := 0 (pointer in x1 has tag 0)
        ldr(6, 1),               # now ok
        TERMINATOR,
    ]),
)


def qemu_cmd(root, pdir):
    with open(os.path.join(root, "tests/qemu-machine.args")) as f:
        machine = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    return (["qemu-system-aarch64"] + machine + [
        "-kernel", os.path.join(root, "tests/images/difftest_case.elf"),
        "-device", "loader,file=%s,addr=0x%x,force-raw=on" % (os.path.join(pdir, "params.bin"), PARAMS),
        "-device", "loader,file=%s,addr=0x%x,force-raw=on" % (os.path.join(pdir, "case.bin"), CASE),
    ])


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    out = sys.argv[1]
    run_qemu = "--qemu" in sys.argv
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for name, (p, c) in CONFIGS.items():
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "params.bin"), "wb") as f:
            f.write(p)
        with open(os.path.join(d, "case.bin"), "wb") as f:
            f.write(c)
        if run_qemu:
            t = time.time()
            r = subprocess.run(qemu_cmd(root, d), stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            dt = time.time() - t
            with open(os.path.join(d, "qemu.out"), "wb") as f:
                f.write(r.stderr)
            print("%-14s status %d, %d bytes, %.3f s" % (name, r.returncode, len(r.stderr), dt))
        else:
            print("%-14s %s" % (name, d))
    return 0


if __name__ == "__main__":
    sys.exit(main())
