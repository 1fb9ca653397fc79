//! x86-64 code for one block (System V calling convention, `BlockFn`).
//!
//! Registers while a block runs: `rbx` = X0.., `r12` = the `JitEnv`, `r15` = instructions
//! retired by the passes through blocks that ended before this one (a loop-carried count
//! kept out of memory). `rax`, `rcx`, `rdx`, `rsi` and `r8`–`r11` are scratch. Guest
//! registers live in memory, and every result is stored there at once, so leaving the code
//! at any instruction boundary needs no write-back; `r13`, `r14`, `rbp` and `rdi` are a
//! write-through cache of four guest registers (Belady replacement over the block's known
//! future reads), so that a value an instruction computed or loaded reaches the next ones
//! without a store-to-load round trip. The compiler knows
//! statically which guest register each holds; the cache starts empty at the block's body
//! (its only merge point: loop-backs and branches from other blocks enter there).
//!
//! Every way out of the code is one of: a slow path of instruction `k` (`eax = k`: the
//! interpreter runs instruction `k` next; nothing of it has happened), or leaving the block
//! after instruction `k` (`rax = LEFT | k + 1`, `JitEnv::next_pc` = where to).

#![allow(
    clippy::useless_conversion,
    reason = "dynasm! converts dynamic register operands with .into()"
)]

use super::{chain_index, ChainEntry, JitEnv, PageSlot, CHAIN_ENTRIES, LEFT};
use crate::tlb::{perm, TlbEntry, ENTRIES};
use a64sim_arch::El;
use a64sim_isa::operand::decode_bit_masks;
use a64sim_isa::sysreg::regs;
use a64sim_isa::{Cond, Insn, XReg, XRegSp};
use a64sim_timing::Op;
use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};
use std::mem::{offset_of, size_of};

type Asm = VecAssembler<X64Relocation>;

/// Host register numbers (for `Rq(..)` operands).
const RAX: u8 = 0;
const RCX: u8 = 1;
const RDX: u8 = 2;
const RSI: u8 = 6;

/// Field offsets of `JitEnv`.
const E_X: i32 = offset_of!(JitEnv, x) as i32;
const E_SP: i32 = offset_of!(JitEnv, sp) as i32;
const E_TLB: i32 = offset_of!(JitEnv, tlb) as i32;
const E_RAM: i32 = offset_of!(JitEnv, ram) as i32;
const E_RAM_SIZE: i32 = offset_of!(JitEnv, ram_size) as i32;
const E_RAM_BASE: i32 = offset_of!(JitEnv, ram_base) as i32;
const E_CODE_PAGES: i32 = offset_of!(JitEnv, code_pages) as i32;
const E_TAG_PAGES: i32 = offset_of!(JitEnv, tag_pages) as i32;
const E_TAG_LEN: i32 = offset_of!(JitEnv, tag_len) as i32;
const E_TAG_FIRST: i32 = offset_of!(JitEnv, tag_first_page) as i32;
const E_TBI: i32 = offset_of!(JitEnv, tbi_mask) as i32;
const E_BUDGET: i32 = offset_of!(JitEnv, budget) as i32;
const E_LOOP: i32 = offset_of!(JitEnv, loop_retired) as i32;
const E_NEXT: i32 = offset_of!(JitEnv, next_pc) as i32;
const E_CTX_GEN: i32 = offset_of!(JitEnv, ctx_gen) as i32;
const E_NZCV: i32 = offset_of!(JitEnv, nzcv) as i32;
const E_TAG_STORES: i32 = offset_of!(JitEnv, tag_stores) as i32;
const E_CHAIN: i32 = offset_of!(JitEnv, chain) as i32;
const E_CHAIN_TAG: i32 = offset_of!(JitEnv, chain_tag) as i32;
const E_BTYPE: i32 = offset_of!(JitEnv, btype) as i32;
const E_ENTRY_BTYPE: i32 = offset_of!(JitEnv, entry_btype) as i32;
const E_CUR_ID: i32 = offset_of!(JitEnv, cur_id) as i32;
const E_CUR_PC: i32 = offset_of!(JitEnv, cur_pc) as i32;
/// Field offsets of a `ChainEntry`.
const C_PC: i32 = offset_of!(ChainEntry, pc) as i32;
const C_TAG: i32 = offset_of!(ChainEntry, tag) as i32;
const C_LEN: i32 = offset_of!(ChainEntry, len) as i32;
const C_BODY: i32 = offset_of!(ChainEntry, body) as i32;
const E_SYS: i32 = offset_of!(JitEnv, sys) as i32;
const E_NO_TAGS: i32 = offset_of!(JitEnv, no_tags) as i32;
const E_SLOTS: i32 = offset_of!(JitEnv, slots) as i32;

/// The page slots (`JitEnv::slots`): one for data reads, one for data writes, one for tag
/// stores.
const SLOT_READ: usize = 0;
const SLOT_WRITE: usize = 1;
const SLOT_TAG: usize = 2;
/// Field offsets of a `PageSlot`.
const S_KEY: i32 = offset_of!(PageSlot, key) as i32;
const S_HOST: i32 = offset_of!(PageSlot, host) as i32;
const S_CHECKED: i32 = offset_of!(PageSlot, checked) as i32;
const S_TAGS: i32 = offset_of!(PageSlot, tags) as i32;
const S_GRANULE: i32 = offset_of!(PageSlot, granule) as i32;

/// Offset in `JitEnv` of page slot `slot`.
const fn slot_offset(slot: usize) -> i32 {
    E_SLOTS + (slot * size_of::<PageSlot>()) as i32
}

/// Field offsets and size of `TlbEntry`; `ctx` and `gen` are compared as one `u32`.
const T_VPAGE: i32 = offset_of!(TlbEntry, vpage) as i32;
const T_CTX: i32 = offset_of!(TlbEntry, ctx) as i32;
const T_PERM: i32 = offset_of!(TlbEntry, perm) as i32;
const T_BASE: i32 = offset_of!(TlbEntry, base) as i32;
const T_SIZE: i32 = size_of::<TlbEntry>() as i32;
const _: () = assert!(offset_of!(TlbEntry, gen) == offset_of!(TlbEntry, ctx) + 2);

macro_rules! x64 {
    ($ops:expr; $($t:tt)*) => {
        dynasm!($ops ; .arch x64 ; $($t)*)
    };
}

/// What a memory access needs of its page.
#[derive(Clone, Copy, Debug)]
struct Access {
    /// Bytes accessed (one page, one RAM range).
    size: u32,
    /// Alignment needed with translation off (Device memory): the element size.
    align: u32,
    /// `perm` bits that must be set, of `mask`.
    want: u8,
    /// `perm` bits looked at.
    mask: u8,
    /// Whether data is written (code pages take the slow path).
    write: bool,
}

impl Access {
    fn data(size: u32, align: u32, write: bool) -> Access {
        let want = if write { perm::WRITE } else { perm::READ };
        Access {
            size,
            align,
            want: want | perm::RAM,
            mask: want | perm::RAM | perm::DEVICE,
            write,
        }
    }
}

/// A compiled block.
#[derive(Debug)]
pub(super) struct Compiled {
    /// The machine code.
    pub bytes: Vec<u8>,
    /// Offset of its body (where chained blocks enter).
    pub body: usize,
    /// Instructions compiled (a prefix of the block).
    pub covered: usize,
    /// Whether a branch in it goes back to its start (it loops in compiled code).
    pub loops: bool,
    /// Whether it ends in a compiled branch (which may go on into other compiled code).
    pub branches_out: bool,
}

/// Compiles `insns` (block `id`, at `block_pc`, described by `ops`) for translation on or
/// off, at Exception level `el`. `None` when the first instruction is not handled.
pub(super) fn compile(
    insns: &[Insn],
    ops: &[Op],
    block_pc: u64,
    id: u32,
    mmu_on: bool,
    el: El,
) -> Option<Compiled> {
    let mut c = Compiler::new(block_pc, id, insns.len(), mmu_on);
    c.el = el;
    c.next_reads = next_reads(ops);
    c.prologue();
    let mut k = 0;
    let mut ended = false;
    while k < insns.len() {
        c.k = k;
        match c.insn(k, &insns[k]) {
            Emitted::Next => k += 1,
            Emitted::Left => {
                k += 1;
                ended = true;
                break;
            }
            Emitted::Unhandled => break,
        }
    }
    if k == 0 {
        return None;
    }
    if !ended {
        if k == insns.len() {
            // Off the end of the block (a page end): continue after it.
            c.leave(k - 1, block_pc.wrapping_add(4 * k as u64));
        } else {
            c.resume(k);
        }
    }
    let loops = c.loops;
    let (bytes, body) = c.finish()?;
    Some(Compiled {
        bytes,
        body,
        covered: k,
        loops,
        branches_out: ended,
    })
}

/// A page slot's miss path, emitted out of line after the block.
#[derive(Clone, Copy, Debug)]
struct Fill {
    /// Where the miss path starts.
    miss: DynamicLabel,
    /// Where the access starts over once the slot is filled.
    hit: DynamicLabel,
    /// The instruction's slow path.
    slow: DynamicLabel,
    /// Where the out-of-line tag check starts (data slots, translation on).
    checked: DynamicLabel,
    /// Where the access goes on once translated (and checked).
    go: DynamicLabel,
    /// Which slot.
    slot: usize,
    /// The permission rule.
    a: Access,
}

/// The second operand of an add or subtract.
#[derive(Clone, Copy, Debug)]
enum Operand {
    /// An immediate.
    Imm(i32),
    /// `rcx`.
    Rcx,
}

/// The host flag state in which a conditional branch is taken.
#[derive(Clone, Copy, Debug)]
enum Taken {
    Carry,
    NoCarry,
    Zero,
    NotZero,
}

/// How an instruction was compiled.
enum Emitted {
    /// Execution goes on with the next instruction.
    Next,
    /// The instruction always leaves the block (B, BL).
    Left,
    /// Not handled: the compiled prefix ends before it.
    Unhandled,
}

struct Compiler {
    ops: Asm,
    /// The block's body (after the prologue), where chained blocks enter.
    start: DynamicLabel,
    /// The epilogue.
    exit: DynamicLabel,
    /// Records which block the interpreter continues in, then the epilogue.
    resume: DynamicLabel,
    /// Offset of `start` in the code.
    body: usize,
    /// The block's id in the block cache.
    id: u32,
    block_pc: u64,
    len: usize,
    mmu_on: bool,
    /// The slow-path label of each instruction that has one.
    slow: Vec<Option<DynamicLabel>>,
    /// Page-slot miss paths still to emit.
    fills: Vec<Fill>,
    /// The guest register each of `CACHE_REGS` holds, here in the code.
    cached: [Option<u8>; CACHE_REGS.len()],
    /// When each was last used (`tick` values), to break ties.
    used: [u64; CACHE_REGS.len()],
    tick: u64,
    /// The instruction being compiled.
    k: usize,
    /// Whether a branch goes back to the block's start.
    loops: bool,
    /// The Exception level the code runs at (system-register reads depend on it).
    el: El,
    /// For each instruction index, where each X register is next read from there on.
    next_reads: Vec<[u16; 31]>,
}

impl Compiler {
    fn new(block_pc: u64, id: u32, len: usize, mmu_on: bool) -> Compiler {
        let mut ops = Asm::new(0);
        let start = ops.new_dynamic_label();
        let exit = ops.new_dynamic_label();
        let resume = ops.new_dynamic_label();
        Compiler {
            ops,
            start,
            exit,
            resume,
            body: 0,
            id,
            block_pc,
            len,
            mmu_on,
            slow: vec![None; len],
            fills: Vec::new(),
            cached: [None; CACHE_REGS.len()],
            used: [0; CACHE_REGS.len()],
            tick: 0,
            k: 0,
            loops: false,
            el: El::El0,
            next_reads: Vec::new(),
        }
    }

    fn prologue(&mut self) {
        let start = self.start;
        x64!(self.ops
            ; push rbx
            ; push rbp
            ; push r12
            ; push r13
            ; push r14
            ; push r15
            ; mov r12, rdi
            ; mov rbx, QWORD [r12 + E_X]
            ; xor r15d, r15d
        );
        self.body = self.ops.offset().0;
        x64!(self.ops ; =>start);
        self.clear_cache();
    }

    /// Emits the slow-path stubs and the epilogue.
    fn finish(mut self) -> Option<(Vec<u8>, usize)> {
        let (exit, resume) = (self.exit, self.resume);
        for f in std::mem::take(&mut self.fills) {
            self.emit_fill(&f);
            if self.mmu_on && f.slot != SLOT_TAG {
                self.emit_tag_check(&f);
            }
        }
        for (k, label) in self.slow.iter().enumerate() {
            if let Some(label) = *label {
                x64!(self.ops
                    ; =>label
                    ; mov eax, k as i32
                    ; jmp =>resume
                );
            }
        }
        // The interpreter goes on in this block (which may not be the one the call
        // entered): say which.
        x64!(self.ops
            ; =>resume
            ; mov DWORD [r12 + E_CUR_ID], self.id as i32
            ; mov rcx, QWORD self.block_pc as i64
            ; mov QWORD [r12 + E_CUR_PC], rcx
            ; =>exit
            ; mov QWORD [r12 + E_LOOP], r15
            ; pop r15
            ; pop r14
            ; pop r13
            ; pop r12
            ; pop rbp
            ; pop rbx
            ; ret
        );
        let body = self.body;
        self.ops.finalize().ok().map(|code| (code, body))
    }

    /// The label where instruction `k` hands itself to the interpreter.
    fn slow(&mut self, k: usize) -> DynamicLabel {
        match self.slow[k] {
            Some(l) => l,
            None => {
                let l = self.ops.new_dynamic_label();
                self.slow[k] = Some(l);
                l
            }
        }
    }

    /// Ends the code before instruction `k`, which the interpreter runs next.
    fn resume(&mut self, k: usize) {
        let resume = self.resume;
        x64!(self.ops
            ; mov eax, k as i32
            ; jmp =>resume
        );
    }

    /// Leaves the block after instruction `k` for `target`: a branch back to the block's
    /// start loops, and a branch to another compiled block of the same context goes
    /// straight to its code (through the chain table), while the budget allows that
    /// block's whole length; else the code returns with `next_pc` = `target`. `r15` counts
    /// the instructions of the pass that ends here.
    fn leave(&mut self, k: usize, target: u64) {
        let start = self.start;
        x64!(self.ops
            ; add r15, (k + 1) as i32
            ; mov rax, QWORD target as i64
            ; mov BYTE [r12 + E_ENTRY_BTYPE], 0
        );
        if target == self.block_pc {
            self.loops = true;
            x64!(self.ops
                ; lea rcx, [r15 + self.len as i32]
                ; cmp rcx, QWORD [r12 + E_BUDGET]
                ; jbe =>start
            );
        } else {
            let entry = (chain_index(target) * size_of::<ChainEntry>()) as i32;
            x64!(self.ops
                ; mov rcx, QWORD [r12 + E_CHAIN]
                ; add rcx, entry
            );
            self.chain_jump();
        }
        self.leave_with_rax();
    }

    /// With the target in `rax` and `rcx` at its chain entry: goes to the target's code
    /// when the entry is valid and the budget allows its whole block; else falls through.
    fn chain_jump(&mut self) {
        x64!(self.ops
            ; cmp QWORD [rcx + C_PC], rax
            ; jne >out
            ; mov rsi, QWORD [r12 + E_CHAIN_TAG]
            ; cmp QWORD [rcx + C_TAG], rsi
            ; jne >out
            ; mov rsi, QWORD [rcx + C_LEN]
            ; add rsi, r15
            ; cmp rsi, QWORD [r12 + E_BUDGET]
            ; ja >out
            ; jmp QWORD [rcx + C_BODY]
            ; out:
        );
    }

    /// Returns to the run loop, which continues at `rax` (`JitEnv::loop_retired` counts
    /// this pass).
    fn leave_with_rax(&mut self) {
        let exit = self.exit;
        x64!(self.ops
            ; mov QWORD [r12 + E_NEXT], rax
            ; mov rax, QWORD LEFT as i64
            ; jmp =>exit
        );
    }

    /// RET: leaves the block after instruction `k` for X[rn], chaining when that address
    /// holds a compiled block.
    fn ret(&mut self, k: usize, rn: XReg) {
        self.indirect(k, rn, 0);
    }

    /// BR (BTYPE 01) and BLR (BTYPE 10, X30 = the return address): leave for X[rn],
    /// chaining like RET; the target block starts with BTYPE set.
    fn branch_register(&mut self, k: usize, rn: XReg, link: Option<u64>) {
        self.ldx(RAX, rn);
        if let Some(ret) = link {
            x64!(self.ops ; mov rcx, QWORD ret as i64);
            self.stx(RCX, XReg::new(30), true);
        }
        self.indirect(k, rn, if link.is_some() { 0b10 } else { 0b01 });
    }

    /// An indirect branch of instruction `k` to the address in `rax` (read from X[rn]
    /// before any link write), setting PSTATE.BTYPE to `btype` for the target's first
    /// instruction: through the chain table when the target is compiled (the target's
    /// `JitEnv::entry_btype`, for the run loop should that instruction be interpreted),
    /// else back to the run loop with `JitEnv::btype`.
    fn indirect(&mut self, k: usize, rn: XReg, btype: i8) {
        if btype == 0 {
            self.ldx(RAX, rn);
        }
        x64!(self.ops
            ; add r15, (k + 1) as i32
            ; mov BYTE [r12 + E_ENTRY_BTYPE], btype
            ; mov rcx, rax
            ; shr rcx, 2
            ; and ecx, (CHAIN_ENTRIES - 1) as i32
            ; imul ecx, ecx, size_of::<ChainEntry>() as i32
            ; add rcx, QWORD [r12 + E_CHAIN]
        );
        self.chain_jump();
        if btype != 0 {
            x64!(self.ops ; mov BYTE [r12 + E_BTYPE], btype);
        }
        self.leave_with_rax();
    }

    // --- Guest registers.

    /// Forgets what the cache registers hold (at the block's body).
    fn clear_cache(&mut self) {
        self.cached = [None; CACHE_REGS.len()];
    }

    /// The cache register holding X[n], if one does (and marks it used).
    fn cache_lookup(&mut self, n: u8) -> Option<u8> {
        let i = self.cached.iter().position(|c| *c == Some(n))?;
        self.tick += 1;
        self.used[i] = self.tick;
        Some(CACHE_REGS[i])
    }

    /// Where X[n] is next read after the current instruction (`NEVER` when it is written
    /// first, or not read again in the block).
    fn next_read(&self, n: u8) -> u16 {
        self.next_reads
            .get(self.k + 1)
            .map_or(NEVER, |row| row[n as usize])
    }

    /// A cache register for X[n], now holding nothing else, or `None` when X[n] is not
    /// read again in the block (caching it would only evict something useful). The one
    /// evicted is free, or holds the register read furthest ahead (Belady's choice: the
    /// block is straight-line code, so the future reads are known).
    fn cache_assign(&mut self, n: u8) -> Option<u8> {
        let next = self.next_read(n);
        if next == NEVER {
            return None;
        }
        let furthest = |c: &Option<u8>| c.map_or(u32::MAX, |r| self.next_read(r) as u32);
        let i = (0..CACHE_REGS.len())
            .max_by_key(|&i| (furthest(&self.cached[i]), u64::MAX - self.used[i]))?;
        if self.cached[i].is_some_and(|r| self.next_read(r) < next) {
            // Everything cached is needed sooner.
            return None;
        }
        self.cached[i] = Some(n);
        self.tick += 1;
        self.used[i] = self.tick;
        Some(CACHE_REGS[i])
    }

    /// `dst` = X[r] (XZR for 31).
    fn ldx(&mut self, dst: u8, r: XReg) {
        let n = r.num();
        if n == 31 {
            x64!(self.ops ; xor Rd(dst), Rd(dst));
        } else if let Some(h) = self.cache_lookup(n) {
            x64!(self.ops ; mov Rq(dst), Rq(h));
        } else {
            x64!(self.ops ; mov Rq(dst), QWORD [rbx + 8 * n as i32]);
            if let Some(h) = self.cache_assign(n) {
                x64!(self.ops ; mov Rq(h), Rq(dst));
            }
        }
    }

    /// `dst` = X[r] (SP for 31).
    fn ldxs(&mut self, dst: u8, r: XRegSp) {
        if r.is_sp() {
            x64!(self.ops
                ; mov Rq(dst), QWORD [r12 + E_SP]
                ; mov Rq(dst), QWORD [Rq(dst)]
            );
        } else {
            self.ldx(dst, XReg::new(r.num()));
        }
    }

    /// X[r] = `src` (discarded for XZR), its low 32 bits zero-extended unless `sf`.
    fn stx(&mut self, src: u8, r: XReg, sf: bool) {
        let n = r.num();
        if n == 31 {
            return;
        }
        if !sf {
            x64!(self.ops ; mov Rd(src), Rd(src));
        }
        x64!(self.ops ; mov QWORD [rbx + 8 * n as i32], Rq(src));
        // A cached copy must follow the write (or be dropped when not read again).
        let h = match self.cached.iter().position(|c| *c == Some(n)) {
            Some(i) if self.next_read(n) == NEVER => {
                self.cached[i] = None;
                None
            }
            Some(i) => Some(CACHE_REGS[i]),
            None => self.cache_assign(n),
        };
        if let Some(h) = h {
            x64!(self.ops ; mov Rq(h), Rq(src));
        }
    }

    /// X[r] or SP = `src` (not `r11`), its low 32 bits zero-extended unless `sf`.
    fn stxs(&mut self, src: u8, r: XRegSp, sf: bool) {
        debug_assert_ne!(src, R11);
        if r.is_sp() {
            if !sf {
                x64!(self.ops ; mov Rd(src), Rd(src));
            }
            x64!(self.ops
                ; mov r11, QWORD [r12 + E_SP]
                ; mov QWORD [r11], Rq(src)
            );
        } else {
            self.stx(src, XReg::new(r.num()), sf);
        }
    }

    // --- Flags.

    /// NZCV from the host flags of an add (`sub` = false) or subtract, into `r8b`.
    fn arith_flags_to_r8(&mut self, sub: bool) {
        if sub {
            x64!(self.ops ; sets r8b ; setz r9b ; setnc r10b ; seto r11b);
        } else {
            x64!(self.ops ; sets r8b ; setz r9b ; setc r10b ; seto r11b);
        }
        x64!(self.ops
            ; shl r8b, 3
            ; shl r9b, 2
            ; add r10b, r10b
            ; or r8b, r9b
            ; or r8b, r10b
            ; or r8b, r11b
        );
    }

    /// `rax` = `rax` + or - `y` (`sub`) at the width `sf` gives, host flags set.
    fn add_sub(&mut self, sub: bool, sf: bool, y: Operand) {
        match (y, sub, sf) {
            (Operand::Imm(v), true, true) => x64!(self.ops ; sub rax, v),
            (Operand::Imm(v), true, false) => x64!(self.ops ; sub eax, v),
            (Operand::Imm(v), false, true) => x64!(self.ops ; add rax, v),
            (Operand::Imm(v), false, false) => x64!(self.ops ; add eax, v),
            (Operand::Rcx, true, true) => x64!(self.ops ; sub rax, rcx),
            (Operand::Rcx, true, false) => x64!(self.ops ; sub eax, ecx),
            (Operand::Rcx, false, true) => x64!(self.ops ; add rax, rcx),
            (Operand::Rcx, false, false) => x64!(self.ops ; add eax, ecx),
        }
    }

    /// NZCV = the host flags of an add or subtract.
    fn arith_flags(&mut self, sub: bool) {
        self.arith_flags_to_r8(sub);
        x64!(self.ops ; mov BYTE [r12 + E_NZCV], r8b);
    }

    /// NZCV = N and Z of the host flags of a logical operation, C = V = 0.
    fn logic_flags(&mut self) {
        x64!(self.ops
            ; sets r8b
            ; setz r9b
            ; shl r8b, 3
            ; shl r9b, 2
            ; or r8b, r9b
            ; mov BYTE [r12 + E_NZCV], r8b
        );
    }

    /// Host CF = whether `cond` holds for the guest NZCV (clobbers `esi`, `r10d`).
    fn cond_to_cf(&mut self, cond: u8) {
        let mask = (0u8..16)
            .filter(|&v| Cond(cond & 15).holds(v))
            .fold(0u32, |m, v| m | 1 << v);
        x64!(self.ops
            ; movzx esi, BYTE [r12 + E_NZCV]
            ; mov r10d, mask as i32
            ; bt r10d, esi
        );
    }

    /// `Rq(r)` shifted by `amount` as `shift` says (0 LSL, 1 LSR, 2 ASR, 3 ROR), at the
    /// width `sf` gives. `false` for ROR when `ror` is not allowed.
    fn shift(&mut self, r: u8, shift: u8, amount: u8, sf: bool, ror: bool) -> bool {
        if shift == 3 && !ror {
            return false;
        }
        let a = amount as i8;
        match (shift, sf) {
            (_, true) if amount == 0 => {}
            (_, false) if amount == 0 => x64!(self.ops ; mov Rd(r), Rd(r)),
            (0, true) => x64!(self.ops ; shl Rq(r), a),
            (1, true) => x64!(self.ops ; shr Rq(r), a),
            (2, true) => x64!(self.ops ; sar Rq(r), a),
            (_, true) => x64!(self.ops ; ror Rq(r), a),
            (0, false) => x64!(self.ops ; shl Rd(r), a),
            (1, false) => x64!(self.ops ; shr Rd(r), a),
            (2, false) => x64!(self.ops ; sar Rd(r), a),
            (_, false) => x64!(self.ops ; ror Rd(r), a),
        }
        true
    }

    // --- Memory.

    /// With the virtual address in `rax` (kept), sets `rdx` to the host address of a fast
    /// access `a`, or jumps to `slow`. Clobbers `rcx`, `rsi`, `r8`–`r11`.
    ///
    /// With translation on, the page comes from the access kind's page slot (the last page
    /// this call translated for that kind, its whole VA with the tag byte as the key); a
    /// miss looks the soft TLB up out of line, fills the slot and comes back. On a
    /// tag-checked page the access must lie in one granule, and its tag is compared unless
    /// the slot's last checked granule is this one (same pointer, so same pointer tag).
    fn translate(&mut self, a: Access, slow: DynamicLabel) {
        let size = a.size as i32;
        if !self.mmu_on && a.align > 1 {
            // Device-nGnRnE at VA = PA: element-aligned.
            x64!(self.ops
                ; test eax, (a.align - 1) as i32
                ; jnz =>slow
            );
        }
        let slot = if a.write { SLOT_WRITE } else { SLOT_READ };
        let s = slot_offset(slot);
        let (hit, miss, go, checked) = (
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
        );
        x64!(self.ops
            ; =>hit
            ; mov rcx, rax
            ; and rcx, -4096
            ; cmp rcx, QWORD [r12 + s + S_KEY]
            ; jne =>miss
            ; mov edx, eax
            ; and edx, 0xfff
        );
        if self.mmu_on {
            // Tag-checked pages take the out-of-line path (translation off: none are).
            x64!(self.ops
                ; cmp BYTE [r12 + s + S_CHECKED], 0
                ; jne =>checked
            );
        }
        if size > 1 {
            x64!(self.ops
                ; cmp edx, 0x1000 - size
                ; ja =>slow
            );
        }
        x64!(self.ops
            ; add rdx, QWORD [r12 + s + S_HOST]
            ; =>go
        );
        self.fills.push(Fill {
            miss,
            hit,
            slow,
            checked,
            go,
            slot,
            a,
        });
    }

    /// The out-of-line tag check of an access through slot `f.slot` to a tag-checked page
    /// (`rdx` = the page offset): skipped inside the last granule whose tag matched;
    /// otherwise the access must lie in one granule whose allocation tag is the pointer's.
    fn emit_tag_check(&mut self, f: &Fill) {
        let s = slot_offset(f.slot);
        let (slow, go, size) = (f.slow, f.go, f.a.size as i32);
        x64!(self.ops
            ; =>f.checked
            ; add rdx, QWORD [r12 + s + S_HOST]
            ; mov rcx, rax
            ; sub rcx, QWORD [r12 + s + S_GRANULE]
            ; cmp rcx, 16 - size
            ; jbe =>go
        );
        if size > 1 {
            // One granule (so one page); a spanning access is interpreted.
            x64!(self.ops
                ; mov ecx, eax
                ; and ecx, 15
                ; cmp ecx, 16 - size
                ; ja =>slow
            );
        }
        x64!(self.ops
            // The allocation tag: byte (va & 0xfff) >> 5 of the page's tag bytes, the high
            // nibble for odd granules; compared with the pointer's tag (va bits 59:56).
            ; mov rsi, QWORD [r12 + s + S_TAGS]
            ; mov r10d, eax
            ; shr r10d, 5
            ; and r10d, 127
            ; movzx r11d, BYTE [rsi + r10]
            ; mov ecx, eax
            ; shr ecx, 2
            ; and ecx, 4
            ; shr r11d, cl
            ; mov rsi, rax
            ; shr rsi, 56
            ; xor esi, r11d
            ; test esi, 15
            ; jnz =>slow
            ; mov rcx, rax
            ; and rcx, -16
            ; mov QWORD [r12 + s + S_GRANULE], rcx
            ; jmp =>go
        );
    }

    /// The out-of-line miss path of a page slot: with translation on, the soft-TLB lookup
    /// with the access's permission rule; off, the page must lie wholly in RAM (and, for
    /// writes, hold no code). Then the slot is filled and the access starts over at `hit`.
    fn emit_fill(&mut self, f: &Fill) {
        let s = slot_offset(f.slot);
        let (slow, hit) = (f.slow, f.hit);
        if !self.mmu_on {
            // VA = PA: a page wholly inside RAM (else the interpreter), untagged.
            x64!(self.ops
                ; =>f.miss
                ; mov rdx, rax
                ; and rdx, -4096
                ; sub rdx, QWORD [r12 + E_RAM_BASE]
                ; cmp rdx, QWORD [r12 + E_RAM_SIZE]
                ; jae =>slow
                ; lea rsi, [rdx + 0x1000]
                ; cmp rsi, QWORD [r12 + E_RAM_SIZE]
                ; ja =>slow
            );
            if f.a.write {
                x64!(self.ops
                    ; mov rcx, QWORD [r12 + E_CODE_PAGES]
                    ; mov rsi, rdx
                    ; shr rsi, 12
                    ; cmp BYTE [rcx + rsi], 0
                    ; jne =>slow
                );
            }
            x64!(self.ops
                ; mov rsi, QWORD [r12 + E_NO_TAGS]
                ; xor r8d, r8d
            );
        } else {
            self.emit_tlb_lookup(f);
        }
        x64!(self.ops
            ; mov QWORD [r12 + s + S_TAGS], rsi
            ; add rdx, QWORD [r12 + E_RAM]
            ; mov QWORD [r12 + s + S_HOST], rdx
            ; and r8d, perm::CHECKED as i32
            ; mov QWORD [r12 + s + S_CHECKED], r8
            ; mov rcx, rax
            ; and rcx, -4096
            ; mov QWORD [r12 + s + S_KEY], rcx
            ; add rcx, 0x1000
            ; mov QWORD [r12 + s + S_GRANULE], rcx
            ; jmp =>hit
        );
    }

    /// The soft-TLB half of a slot fill (translation on): leaves `rdx` = the page's RAM
    /// offset, `r8` = its permissions and `rsi` = its tag bytes, or goes to the slow path.
    fn emit_tlb_lookup(&mut self, f: &Fill) {
        let slow = f.slow;
        x64!(self.ops
            ; =>f.miss
            ; mov rcx, rax
            ; shr rcx, 55
            ; and ecx, 1
            ; mov rdx, QWORD [r12 + rcx * 8 + E_TBI]
            ; and rdx, rax
            ; shr rdx, 12
            ; mov ecx, edx
            ; and ecx, (ENTRIES - 1) as i32
            ; imul ecx, ecx, T_SIZE
            ; add rcx, QWORD [r12 + E_TLB]
            ; cmp QWORD [rcx + T_VPAGE], rdx
            ; jne =>slow
            ; mov esi, DWORD [r12 + E_CTX_GEN]
            ; cmp DWORD [rcx + T_CTX], esi
            ; jne =>slow
            ; movzx r8d, BYTE [rcx + T_PERM]
            ; mov esi, r8d
            ; and esi, f.a.mask as i32
            ; cmp esi, f.a.want as i32
            ; jne =>slow
            // A RAM entry covers a whole page of RAM (the fill checks it), so offsets
            // within the page need no bounds check.
            ; mov rdx, QWORD [rcx + T_BASE]
        );
        if f.a.write {
            x64!(self.ops
                ; mov rcx, QWORD [r12 + E_CODE_PAGES]
                ; mov rsi, rdx
                ; shr rsi, 12
                ; cmp BYTE [rcx + rsi], 0
                ; jne =>slow
            );
        }
        // The page's tag bytes (all-zero ones when it has none); for the tag slot they must
        // exist, since STG writes them.
        x64!(self.ops
            ; mov r9, rdx
            ; add r9, QWORD [r12 + E_RAM_BASE]
            ; shr r9, 12
            ; sub r9, QWORD [r12 + E_TAG_FIRST]
            ; mov rsi, QWORD [r12 + E_NO_TAGS]
            ; cmp r9, QWORD [r12 + E_TAG_LEN]
            ; jae >none
            ; mov r10, QWORD [r12 + E_TAG_PAGES]
            ; mov r10, QWORD [r10 + r9 * 8]
            ; test r10, r10
            ; cmovnz rsi, r10
            ; none:
        );
        if f.slot == SLOT_TAG {
            x64!(self.ops
                ; cmp BYTE [r12 + E_TAG_STORES], 0
                ; je =>slow
                ; cmp rsi, QWORD [r12 + E_NO_TAGS]
                ; je =>slow
            );
        }
    }

    /// Loads `1 << size` bytes at host address `rdx` into `rcx` as `opc` says (1 zero-extend,
    /// 2 sign-extend to 64 bits, 3 sign-extend to 32 bits); `disp` is added to the offset.
    fn load_rcx(&mut self, size: u8, opc: u8, disp: i32) {
        match (size, opc) {
            (0, 1) => x64!(self.ops ; movzx ecx, BYTE [rdx + disp]),
            (0, 2) => x64!(self.ops ; movsx rcx, BYTE [rdx + disp]),
            (0, _) => x64!(self.ops ; movsx ecx, BYTE [rdx + disp]),
            (1, 1) => x64!(self.ops ; movzx ecx, WORD [rdx + disp]),
            (1, 2) => x64!(self.ops ; movsx rcx, WORD [rdx + disp]),
            (1, _) => x64!(self.ops ; movsx ecx, WORD [rdx + disp]),
            (2, 1) => x64!(self.ops ; mov ecx, DWORD [rdx + disp]),
            (2, _) => x64!(self.ops ; movsxd rcx, DWORD [rdx + disp]),
            _ => x64!(self.ops ; mov rcx, QWORD [rdx + disp]),
        }
    }

    /// Stores the low `1 << size` bytes of `Rq(r)` at host address `rdx` + `disp`.
    fn store_reg(&mut self, r: u8, size: u8, disp: i32) {
        match size {
            0 => x64!(self.ops ; mov BYTE [rdx + disp], Rb(r)),
            1 => x64!(self.ops ; mov WORD [rdx + disp], Rw(r)),
            2 => x64!(self.ops ; mov DWORD [rdx + disp], Rd(r)),
            _ => x64!(self.ops ; mov QWORD [rdx + disp], Rq(r)),
        }
    }

    /// `rax` = the base register; an SP base that is not 16-byte aligned goes to `slow`
    /// (the interpreter knows whether SP alignment checking is on).
    fn base(&mut self, rn: XRegSp, slow: DynamicLabel) {
        self.ldxs(RAX, rn);
        if rn.is_sp() {
            x64!(self.ops
                ; test al, 15
                ; jnz =>slow
            );
        }
    }

    /// One single-register access (the C4.1.88 size/opc table) at the address in `rax`.
    fn single(&mut self, size: u8, opc: u8, rt: XReg, slow: DynamicLabel) {
        let bytes = 1u32 << size;
        self.translate(Access::data(bytes, bytes, opc == 0), slow);
        if opc == 0 {
            self.ldx(RCX, rt);
            self.store_reg(RCX, size, 0);
        } else {
            self.load_rcx(size, opc, 0);
            self.stx(RCX, rt, true);
        }
    }

    /// MRS of a register whose read is a plain value at this EL: held in the register
    /// table with no trap rule and no access restriction that applies (TPIDR_EL0/EL1,
    /// TPIDRRO_EL0, …), or NZCV. `false` (interpreted) for everything else: traps, VHE
    /// redirection (EL2, `_EL12`/`_EL02`), views, counters, other PSTATE fields.
    fn mrs(&mut self, id: a64sim_isa::sysreg::SysRegId, rt: XReg) -> bool {
        use crate::sysreg::{Access, Storage, SysRegs};
        if id == regs::NZCV {
            x64!(self.ops
                ; movzx eax, BYTE [r12 + E_NZCV]
                ; shl eax, 28
            );
            self.stx(RAX, rt, true);
            return true;
        }
        if self.el == El::El2 || id.op1() == 5 {
            return false;
        }
        let Some((idx, def)) = SysRegs::lookup(id) else {
            return false;
        };
        let plain = def.storage == Storage::Plain
            && def.traps.is_empty()
            && def.access != Access::WriteOnly
            && def.min_mte == 0
            && self.el >= def.min_el;
        if !plain {
            return false;
        }
        x64!(self.ops
            ; mov rax, QWORD [r12 + E_SYS]
            ; mov rax, QWORD [rax + 8 * idx as i32]
        );
        self.stx(RAX, rt, true);
        true
    }

    /// MSR to a register whose write only stores a value at this EL: kept in the register
    /// table, no trap rule, writable here, not a context register (translation, routing,
    /// traps: the interpreter ends the block after those), not one that settles the PMU.
    /// The row's RES0/RES1 masks apply. `false` (interpreted) otherwise.
    fn msr(&mut self, id: a64sim_isa::sysreg::SysRegId, rt: XReg) -> bool {
        use crate::sysreg::{Access, Storage, SysRegs};
        if self.el == El::El2 || id.op1() == 5 {
            return false;
        }
        let Some((idx, def)) = SysRegs::lookup(id) else {
            return false;
        };
        let plain = def.storage == Storage::Plain
            && def.traps.is_empty()
            && def.access != Access::ReadOnly
            && !def.context
            && def.min_mte == 0
            && self.el >= def.min_el
            && self.el >= def.write_el
            && !matches!(def.id, regs::MDCR_EL2 | regs::MDCR_EL3 | regs::SCR_EL3);
        if !plain {
            return false;
        }
        self.ldx(RAX, rt);
        if def.res0 != 0 {
            x64!(self.ops
                ; mov rcx, QWORD !def.res0 as i64
                ; and rax, rcx
            );
        }
        if def.res1 != 0 {
            x64!(self.ops
                ; mov rcx, QWORD def.res1 as i64
                ; or rax, rcx
            );
        }
        x64!(self.ops
            ; mov rcx, QWORD [r12 + E_SYS]
            ; mov QWORD [rcx + 8 * idx as i32], rax
        );
        true
    }

    /// A load-acquire (`opc` 1) or store-release (`opc` 0) of `1 << size` bytes at X[rn]:
    /// a misaligned address is the interpreter's (an Alignment fault).
    fn ordered(&mut self, k: usize, size: u8, opc: u8, rn: XRegSp, rt: XReg) {
        let slow = self.slow(k);
        self.base(rn, slow);
        if size > 0 {
            x64!(self.ops
                ; test eax, (1 << size) - 1
                ; jnz =>slow
            );
        }
        self.single(size, opc, rt, slow);
    }

    /// Whether (size, opc) is a plain load or store this compiler handles (not PRFM, not
    /// the unallocated sign-extending forms).
    fn single_handled(size: u8, opc: u8) -> bool {
        match opc {
            0 | 1 => true,
            2 => size < 3,
            _ => size < 2,
        }
    }

    // --- Instructions.

    fn insn(&mut self, k: usize, insn: &Insn) -> Emitted {
        let pc = self.block_pc.wrapping_add(4 * k as u64);
        let rel = |imm: i32| pc.wrapping_add(((imm as i64) << 2) as u64);
        match *insn {
            // Hints and barriers: nothing to do on one PE without FEAT_PAuth, BTI-guarded
            // pages, SPE or TRBE (the interpreter's rows do nothing either).
            Insn::Nop(_)
            | Insn::YieldHint(_)
            | Insn::Xpaclri(_)
            | Insn::Pac1716(_)
            | Insn::Esb(_)
            | Insn::PsbCsync(_)
            | Insn::TsbCsync(_)
            | Insn::Csdb(_)
            | Insn::PacLr(_)
            | Insn::Bti(_)
            | Insn::Hint(_)
            | Insn::Dsb(_)
            | Insn::Dmb(_)
            | Insn::Sb(_) => {}
            Insn::Cfinv(_) => x64!(self.ops ; xor BYTE [r12 + E_NZCV], 0b0010),
            Insn::Isb(_) => {
                // Ends the block (context synchronization): compiled code changed no
                // context, so the next block may follow directly.
                self.leave(k, pc.wrapping_add(4));
                return Emitted::Left;
            }
            Insn::AddSubImm(i) => {
                let imm = (i.imm12 as i32) << if i.sh { 12 } else { 0 };
                self.ldxs(RAX, i.rn);
                self.add_sub(i.op, true, Operand::Imm(imm));
                self.stxs(RAX, i.rd, i.sf);
            }
            Insn::AddSubImmS(i) => {
                let imm = (i.imm12 as i32) << if i.sh { 12 } else { 0 };
                self.ldxs(RAX, i.rn);
                self.add_sub(i.op, i.sf, Operand::Imm(imm));
                self.arith_flags(i.op);
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::AddSubShift(i) => {
                self.ldx(RCX, i.rm);
                if !self.shift(RCX, i.shift, i.imm6, i.sf, false) {
                    return Emitted::Unhandled;
                }
                self.ldx(RAX, i.rn);
                self.add_sub(i.op, i.sf, Operand::Rcx);
                if i.s {
                    self.arith_flags(i.op);
                }
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::LogicalShift(i) => {
                self.ldx(RCX, i.rm);
                self.shift(RCX, i.shift, i.imm6, i.sf, true);
                if i.n {
                    x64!(self.ops ; not rcx);
                }
                self.ldx(RAX, i.rn);
                match (i.opc & 3, i.sf) {
                    (0 | 3, true) => x64!(self.ops ; and rax, rcx),
                    (0 | 3, false) => x64!(self.ops ; and eax, ecx),
                    (1, _) => x64!(self.ops ; or rax, rcx),
                    (_, _) => x64!(self.ops ; xor rax, rcx),
                }
                if i.opc & 3 == 3 {
                    self.logic_flags();
                }
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::LogicalImm(i) => {
                let size = if i.sf { 64 } else { 32 };
                let Some((imm, _)) = decode_bit_masks(i.n, i.imms, i.immr, true, size) else {
                    return Emitted::Unhandled;
                };
                self.ldx(RAX, i.rn);
                x64!(self.ops ; mov rcx, QWORD imm as i64);
                match i.opc {
                    0 => x64!(self.ops ; and rax, rcx),
                    1 => x64!(self.ops ; or rax, rcx),
                    2 => x64!(self.ops ; xor rax, rcx),
                    _ => return Emitted::Unhandled,
                }
                self.stxs(RAX, i.rd, i.sf);
            }
            Insn::LogicalImmS(i) => {
                let size = if i.sf { 64 } else { 32 };
                let Some((imm, _)) = decode_bit_masks(i.n, i.imms, i.immr, true, size) else {
                    return Emitted::Unhandled;
                };
                self.ldx(RAX, i.rn);
                x64!(self.ops ; mov rcx, QWORD imm as i64);
                if i.sf {
                    x64!(self.ops ; and rax, rcx);
                } else {
                    x64!(self.ops ; and eax, ecx);
                }
                self.logic_flags();
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::MoveWide(i) => {
                let shift = i.hw as u32 * 16;
                let imm = (i.imm16 as u64) << shift;
                match i.opc {
                    0 => x64!(self.ops ; mov rax, QWORD !imm as i64),
                    2 => x64!(self.ops ; mov rax, QWORD imm as i64),
                    3 => {
                        self.ldx(RAX, i.rd);
                        x64!(self.ops
                            ; mov rcx, QWORD !(0xffffu64 << shift) as i64
                            ; and rax, rcx
                            ; mov rcx, QWORD imm as i64
                            ; or rax, rcx
                        );
                    }
                    _ => return Emitted::Unhandled,
                }
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::PcRelAddr(i) => {
                let imm = ((i.immhi as i64) << 2) | i.immlo as i64;
                let v = if i.op {
                    (pc & !0xfff).wrapping_add((imm << 12) as u64)
                } else {
                    pc.wrapping_add(imm as u64)
                };
                x64!(self.ops ; mov rax, QWORD v as i64);
                self.stx(RAX, i.rd, true);
            }
            Insn::Bitfield(i) => {
                let size = if i.sf { 64 } else { 32 };
                if i.opc == 3 {
                    return Emitted::Unhandled;
                }
                let Some((wmask, tmask)) = decode_bit_masks(i.n, i.imms, i.immr, false, size)
                else {
                    return Emitted::Unhandled;
                };
                self.ldx(RAX, i.rn);
                if i.immr != 0 {
                    if i.sf {
                        x64!(self.ops ; ror rax, i.immr as i8);
                    } else {
                        x64!(self.ops ; ror eax, i.immr as i8);
                    }
                }
                x64!(self.ops
                    ; mov r8, QWORD wmask as i64
                    ; and rax, r8
                );
                // rax = bot without dst; rdx = top.
                match i.opc {
                    1 => {
                        self.ldx(RDX, i.rd);
                        x64!(self.ops
                            ; mov r8, QWORD !wmask as i64
                            ; mov r9, rdx
                            ; and r9, r8
                            ; or rax, r9
                        );
                    }
                    0 => {
                        self.ldx(RDX, i.rn);
                        x64!(self.ops
                            ; shl rdx, (63 - i.imms) as i8
                            ; sar rdx, 63
                        );
                    }
                    _ => x64!(self.ops ; xor edx, edx),
                }
                x64!(self.ops
                    ; mov r8, QWORD tmask as i64
                    ; and rax, r8
                    ; not r8
                    ; and rdx, r8
                    ; or rax, rdx
                );
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::ShiftVar(i) => {
                self.ldx(RCX, i.rm);
                self.ldx(RAX, i.rn);
                match (i.op2 & 3, i.sf) {
                    (0, true) => x64!(self.ops ; shl rax, cl),
                    (1, true) => x64!(self.ops ; shr rax, cl),
                    (2, true) => x64!(self.ops ; sar rax, cl),
                    (_, true) => x64!(self.ops ; ror rax, cl),
                    (0, false) => x64!(self.ops ; shl eax, cl),
                    (1, false) => x64!(self.ops ; shr eax, cl),
                    (2, false) => x64!(self.ops ; sar eax, cl),
                    (_, false) => x64!(self.ops ; ror eax, cl),
                }
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::MulAdd(i) => {
                self.ldx(RAX, i.rn);
                self.ldx(RCX, i.rm);
                x64!(self.ops ; imul rax, rcx);
                self.ldx(RDX, i.ra);
                if i.o0 {
                    x64!(self.ops ; sub rdx, rax ; mov rax, rdx);
                } else {
                    x64!(self.ops ; add rax, rdx);
                }
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::CondSel(i) => {
                self.ldx(RDX, i.rm);
                if i.op {
                    x64!(self.ops ; not rdx);
                }
                if i.o2 {
                    x64!(self.ops ; add rdx, 1);
                }
                self.ldx(RAX, i.rn);
                self.cond_to_cf(i.cond);
                x64!(self.ops ; cmovc rdx, rax);
                self.stx(RDX, i.rd, i.sf);
            }
            Insn::CondCmpReg(i) => {
                self.ldx(RCX, i.rm);
                self.cond_cmp(i.sf, i.op, i.cond, i.rn, i.nzcv);
            }
            Insn::CondCmpImm(i) => {
                x64!(self.ops ; mov ecx, i.imm5 as i32);
                self.cond_cmp(i.sf, i.op, i.cond, i.rn, i.nzcv);
            }
            Insn::AddSubExt(i) => {
                if !self.extend_rcx(i.rm, i.option, i.imm3) {
                    return Emitted::Unhandled;
                }
                self.ldxs(RAX, i.rn);
                self.add_sub(i.op, true, Operand::Rcx);
                self.stxs(RAX, i.rd, i.sf);
            }
            Insn::AddSubExtS(i) => {
                if !self.extend_rcx(i.rm, i.option, i.imm3) {
                    return Emitted::Unhandled;
                }
                self.ldxs(RAX, i.rn);
                self.add_sub(i.op, i.sf, Operand::Rcx);
                self.arith_flags(i.op);
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::AddSubCarry(i) => {
                // x + y + C (ADC), x - y - NOT C (SBC): the host carry is C, or NOT C
                // for the borrow of SBB.
                self.ldx(RAX, i.rn);
                self.ldx(RCX, i.rm);
                x64!(self.ops
                    ; movzx esi, BYTE [r12 + E_NZCV]
                    ; bt esi, 1
                );
                match (i.op, i.sf) {
                    (false, true) => x64!(self.ops ; adc rax, rcx),
                    (false, false) => x64!(self.ops ; adc eax, ecx),
                    (true, true) => x64!(self.ops ; cmc ; sbb rax, rcx),
                    (true, false) => x64!(self.ops ; cmc ; sbb eax, ecx),
                }
                if i.s {
                    self.arith_flags(i.op);
                }
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::Extract(i) => {
                self.ldx(RCX, i.rm);
                if i.imms != 0 {
                    self.ldx(RAX, i.rn);
                    if i.sf {
                        x64!(self.ops ; shrd rcx, rax, i.imms as i8);
                    } else {
                        x64!(self.ops ; shrd ecx, eax, i.imms as i8);
                    }
                }
                self.stx(RCX, i.rd, i.sf);
            }
            Insn::CountLeading(i) if !i.op => {
                // CLZ: width - 1 - the highest set bit, or the width for 0.
                let top = if i.sf { 63 } else { 31 };
                self.ldx(RAX, i.rn);
                if i.sf {
                    x64!(self.ops ; bsr rcx, rax);
                } else {
                    x64!(self.ops ; bsr ecx, eax);
                }
                x64!(self.ops
                    ; jnz >nonzero
                    ; mov ecx, -1
                    ; nonzero:
                    ; neg ecx
                    ; add ecx, top
                );
                self.stx(RCX, i.rd, true);
            }
            Insn::Rev(i) => {
                self.ldx(RAX, i.rn);
                match (i.opc, i.sf) {
                    (1, _) => x64!(self.ops
                        ; mov r8, QWORD 0x00ff_00ff_00ff_00ff
                        ; mov rcx, rax
                        ; shr rcx, 8
                        ; and rcx, r8
                        ; and rax, r8
                        ; shl rax, 8
                        ; or rax, rcx
                    ),
                    (2, true) => x64!(self.ops ; bswap rax ; rol rax, 32),
                    (2, false) => x64!(self.ops ; bswap eax),
                    (3, true) => x64!(self.ops ; bswap rax),
                    _ => return Emitted::Unhandled,
                }
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::MulHigh(i) if i.ra == 31 => {
                self.ldx(RAX, i.rn);
                self.ldx(RCX, i.rm);
                if i.u {
                    x64!(self.ops ; mul rcx);
                } else {
                    x64!(self.ops ; imul rcx);
                }
                self.stx(RDX, i.rd, true);
            }
            Insn::MulAddLong(i) => {
                self.ldx(RAX, i.rn);
                self.ldx(RCX, i.rm);
                if i.u {
                    x64!(self.ops ; mov eax, eax ; mov ecx, ecx);
                } else {
                    x64!(self.ops ; movsxd rax, eax ; movsxd rcx, ecx);
                }
                x64!(self.ops ; imul rax, rcx);
                self.ldx(RDX, i.ra);
                if i.o0 {
                    x64!(self.ops ; sub rdx, rax ; mov rax, rdx);
                } else {
                    x64!(self.ops ; add rax, rdx);
                }
                self.stx(RAX, i.rd, true);
            }
            Insn::Div(i) => {
                // A zero divisor gives 0, and INT_MIN / -1 wraps (x / -1 is -x): the host
                // would trap on both.
                self.ldx(RAX, i.rn);
                self.ldx(RCX, i.rm);
                match (i.sf, i.o1) {
                    (true, false) => x64!(self.ops
                        ; test rcx, rcx
                        ; jz >zero
                        ; xor edx, edx
                        ; div rcx
                        ; jmp >done
                    ),
                    (true, true) => x64!(self.ops
                        ; test rcx, rcx
                        ; jz >zero
                        ; cmp rcx, -1
                        ; jne >divide
                        ; neg rax
                        ; jmp >done
                        ; divide:
                        ; cqo
                        ; idiv rcx
                        ; jmp >done
                    ),
                    (false, false) => x64!(self.ops
                        ; test ecx, ecx
                        ; jz >zero
                        ; xor edx, edx
                        ; div ecx
                        ; jmp >done
                    ),
                    (false, true) => x64!(self.ops
                        ; test ecx, ecx
                        ; jz >zero
                        ; cmp ecx, -1
                        ; jne >divide
                        ; neg eax
                        ; jmp >done
                        ; divide:
                        ; cdq
                        ; idiv ecx
                        ; jmp >done
                    ),
                }
                x64!(self.ops
                    ; zero:
                    ; xor eax, eax
                    ; done:
                );
                self.stx(RAX, i.rd, i.sf);
            }
            Insn::LdrLit(i) if i.opc < 3 => {
                let va = pc.wrapping_add((i.imm19 as i64 * 4) as u64);
                let (size, opc) = match i.opc {
                    0 => (2, 1),
                    1 => (3, 1),
                    _ => (2, 2),
                };
                let slow = self.slow(k);
                x64!(self.ops ; mov rax, QWORD va as i64);
                self.single(size, opc, i.rt, slow);
            }
            Insn::Mrs(i) => {
                if !self.mrs(i.reg(), i.rt) {
                    return Emitted::Unhandled;
                }
            }
            Insn::MsrReg(i) => {
                if !self.msr(i.reg(), i.rt) {
                    return Emitted::Unhandled;
                }
            }
            Insn::LdStOrdered(i) if i.rs == 31 && i.rt2 == 31 => {
                // LDAR/STLR and the LORegion forms: one PE observes its own accesses in
                // order, so they are plain accesses that must be naturally aligned.
                self.ordered(k, i.size, if i.l { 1 } else { 0 }, i.rn, i.rt);
            }
            Insn::Ldapr(i) => self.ordered(k, i.size, 1, i.rn, i.rt),
            Insn::LdStRegUImm(i) => {
                if !Self::single_handled(i.size, i.opc) {
                    return Emitted::Unhandled;
                }
                let slow = self.slow(k);
                self.base(i.rn, slow);
                let off = (i.imm12 as i32) << i.size;
                if off != 0 {
                    x64!(self.ops ; add rax, off);
                }
                self.single(i.size, i.opc, i.rt, slow);
            }
            Insn::LdStRegImm9(i) => {
                // idx 10 (LDTR/STTR) stays interpreted.
                if !Self::single_handled(i.size, i.opc) || i.idx == 2 {
                    return Emitted::Unhandled;
                }
                let slow = self.slow(k);
                self.base(i.rn, slow);
                if i.idx != 1 && i.imm9 != 0 {
                    x64!(self.ops ; add rax, i.imm9);
                }
                self.single(i.size, i.opc, i.rt, slow);
                self.writeback(i.idx, i.imm9, i.rn);
            }
            Insn::LdStRegRegOff(i) => {
                if !Self::single_handled(i.size, i.opc) {
                    return Emitted::Unhandled;
                }
                let slow = self.slow(k);
                self.ldx(RCX, i.rm);
                match i.option {
                    2 => x64!(self.ops ; mov ecx, ecx),
                    6 => x64!(self.ops ; movsxd rcx, ecx),
                    3 | 7 => {}
                    _ => return Emitted::Unhandled,
                }
                if i.s && i.size != 0 {
                    x64!(self.ops ; shl rcx, i.size as i8);
                }
                self.base(i.rn, slow);
                x64!(self.ops ; add rax, rcx);
                self.single(i.size, i.opc, i.rt, slow);
            }
            Insn::LdStPair(i) => {
                if i.opc == 3 || (i.opc == 1 && !i.l) {
                    return Emitted::Unhandled;
                }
                let esize: u8 = if i.opc & 2 != 0 { 3 } else { 2 };
                let es = 1i32 << esize;
                let imm = i.imm7 << esize;
                let slow = self.slow(k);
                self.base(i.rn, slow);
                if i.idx != 1 && imm != 0 {
                    x64!(self.ops ; add rax, imm);
                }
                self.translate(Access::data(2 * es as u32, es as u32, !i.l), slow);
                if i.l {
                    let opc = if i.opc == 1 { 2 } else { 1 };
                    self.load_rcx(esize, opc, 0);
                    x64!(self.ops ; mov rsi, rcx);
                    self.load_rcx(esize, opc, es);
                    self.stx(RSI, i.rt, true);
                    self.stx(RCX, i.rt2, true);
                } else {
                    self.ldx(RCX, i.rt);
                    self.ldx(RSI, i.rt2);
                    self.store_reg(RCX, esize, 0);
                    self.store_reg(RSI, esize, es);
                }
                self.writeback(i.idx, imm, i.rn);
            }
            Insn::StoreTag(i) => {
                // STG only (opc 00), post-index, offset or pre-index.
                if i.opc != 0 || i.idx == 0 || !self.mmu_on {
                    return Emitted::Unhandled;
                }
                self.store_tag(k, i.imm9 << 4, i.idx, i.rn, i.rt);
            }
            Insn::B(i) => {
                self.leave(k, rel(i.imm26));
                return Emitted::Left;
            }
            Insn::Bl(i) => {
                x64!(self.ops ; mov rax, QWORD pc.wrapping_add(4) as i64);
                self.stx(RAX, XReg::new(30), true);
                self.leave(k, rel(i.imm26));
                return Emitted::Left;
            }
            Insn::Ret(i) => {
                self.ret(k, i.rn);
                return Emitted::Left;
            }
            Insn::Br(i) => {
                self.branch_register(k, i.rn, None);
                return Emitted::Left;
            }
            Insn::Blr(i) => {
                self.branch_register(k, i.rn, Some(pc.wrapping_add(4)));
                return Emitted::Left;
            }
            Insn::BCond(i) => {
                self.cond_to_cf(i.cond);
                self.branch_if(k, rel(i.imm19), Taken::Carry);
            }
            Insn::Cbz(i) => {
                self.test_reg(i.rt, i.sf);
                self.branch_if(k, rel(i.imm19), Taken::Zero);
            }
            Insn::Cbnz(i) => {
                self.test_reg(i.rt, i.sf);
                self.branch_if(k, rel(i.imm19), Taken::NotZero);
            }
            Insn::Tbz(i) => {
                self.test_bit(i.rt, i.b5, i.b40);
                self.branch_if(k, rel(i.imm14), Taken::NoCarry);
            }
            Insn::Tbnz(i) => {
                self.test_bit(i.rt, i.b5, i.b40);
                self.branch_if(k, rel(i.imm14), Taken::Carry);
            }
            _ => return Emitted::Unhandled,
        }
        Emitted::Next
    }

    /// `rcx` = ExtendReg(X[rm], option, shift) of the extended-register forms: the low
    /// 8 << option<1:0> bits, sign-extended when option<2> is set, shifted left. `false` for
    /// a shift above 4 (reserved).
    fn extend_rcx(&mut self, rm: XReg, option: u8, shift: u8) -> bool {
        if shift > 4 {
            return false;
        }
        self.ldx(RCX, rm);
        match option & 7 {
            0 => x64!(self.ops ; movzx ecx, cl),
            1 => x64!(self.ops ; movzx ecx, cx),
            2 => x64!(self.ops ; mov ecx, ecx),
            4 => x64!(self.ops ; movsx rcx, cl),
            5 => x64!(self.ops ; movsx rcx, cx),
            6 => x64!(self.ops ; movsxd rcx, ecx),
            _ => {}
        }
        if shift != 0 {
            x64!(self.ops ; shl rcx, shift as i8);
        }
        true
    }

    /// A conditional branch of instruction `k` to `target`, taken when the host flags say
    /// `taken`: the taken path leaves (or loops, or chains), the other goes on.
    fn branch_if(&mut self, k: usize, target: u64, taken: Taken) {
        match taken {
            Taken::Carry => x64!(self.ops ; jnc >skip),
            Taken::NoCarry => x64!(self.ops ; jc >skip),
            Taken::Zero => x64!(self.ops ; jnz >skip),
            Taken::NotZero => x64!(self.ops ; jz >skip),
        }
        self.leave(k, target);
        x64!(self.ops ; skip:);
    }

    /// Sets the host CF from bit b5:b40 of X[rt].
    fn test_bit(&mut self, rt: XReg, b5: bool, b40: u8) {
        self.ldx(RAX, rt);
        x64!(self.ops ; bt rax, ((b5 as i8) << 5) | b40 as i8);
    }

    /// Sets the host ZF from X[rt] (its low 32 bits unless `sf`).
    fn test_reg(&mut self, rt: XReg, sf: bool) {
        self.ldx(RAX, rt);
        if sf {
            x64!(self.ops ; test rax, rax);
        } else {
            x64!(self.ops ; test eax, eax);
        }
    }

    /// CCMP (`sub`) / CCMN of X[rn] and `rcx`: NZCV from the comparison if `cond` holds,
    /// else `nzcv`.
    fn cond_cmp(&mut self, sf: bool, sub: bool, cond: u8, rn: XReg, nzcv: u8) {
        self.cond_to_cf(cond);
        x64!(self.ops ; setc dl);
        self.ldx(RAX, rn);
        self.add_sub(sub, sf, Operand::Rcx);
        self.arith_flags_to_r8(sub);
        x64!(self.ops
            ; mov ecx, (nzcv & 15) as i32
            ; test dl, dl
            ; cmovz r8d, ecx
            ; mov BYTE [r12 + E_NZCV], r8b
        );
    }

    /// The base-register writeback of a pre-index (idx 11: `rax` is the address) or
    /// post-index (idx 01: `rax` + `imm`) access; nothing for the offset forms.
    fn writeback(&mut self, idx: u8, imm: i32, rn: XRegSp) {
        if idx & 1 == 0 {
            return;
        }
        if idx == 1 && imm != 0 {
            x64!(self.ops ; add rax, imm);
        }
        self.stxs(RAX, rn, true);
    }

    /// STG: the tag of X[rt] to the granule at the address, when the page is Allocation
    /// Tagged RAM with its tag page allocated (the tag slot); anything else is interpreted.
    fn store_tag(&mut self, k: usize, imm: i32, idx: u8, rn: XRegSp, rt: XRegSp) {
        let slow = self.slow(k);
        self.ldxs(RAX, rn);
        if idx != 1 && imm != 0 {
            x64!(self.ops ; add rax, imm);
        }
        x64!(self.ops
            ; test al, 15
            ; jnz =>slow
        );
        let s = slot_offset(SLOT_TAG);
        let (hit, miss) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        x64!(self.ops
            ; =>hit
            ; mov rcx, rax
            ; and rcx, -4096
            ; cmp rcx, QWORD [r12 + s + S_KEY]
            ; jne =>miss
        );
        self.ldxs(R11, rt);
        x64!(self.ops
            ; mov rsi, QWORD [r12 + s + S_TAGS]
            ; mov r10d, eax
            ; shr r10d, 5
            ; and r10d, 127
            ; mov ecx, eax
            ; shr ecx, 2
            ; and ecx, 4
            ; shr r11, 56
            ; and r11d, 15
            ; shl r11d, cl
            ; mov r8d, 15
            ; shl r8d, cl
            ; not r8d
            ; movzx r9d, BYTE [rsi + r10]
            ; and r9d, r8d
            ; or r9d, r11d
            ; mov BYTE [rsi + r10], r9b
            // A tag changed: no granule counts as checked any more.
            ; mov rcx, QWORD [r12 + slot_offset(SLOT_READ) + S_KEY]
            ; add rcx, 0x1000
            ; mov QWORD [r12 + slot_offset(SLOT_READ) + S_GRANULE], rcx
            ; mov rcx, QWORD [r12 + slot_offset(SLOT_WRITE) + S_KEY]
            ; add rcx, 0x1000
            ; mov QWORD [r12 + slot_offset(SLOT_WRITE) + S_GRANULE], rcx
        );
        let a = Access {
            size: 1,
            align: 1,
            want: perm::WRITE | perm::RAM | perm::TAGGED,
            mask: perm::WRITE | perm::RAM | perm::DEVICE | perm::TAGGED,
            write: false,
        };
        let (checked, go) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        self.fills.push(Fill {
            miss,
            hit,
            slow,
            checked,
            go,
            slot: SLOT_TAG,
            a,
        });
        self.writeback(idx, imm, rn);
    }
}

/// `r11` (for `Rq(..)` operands).
const R11: u8 = 11;
/// The registers of the guest-register cache: `r13`, `r14`, `rbp`, `rdi`.
const CACHE_REGS: [u8; 4] = [13, 14, 5, 7];
/// "Not read again" in `Compiler::next_reads`.
const NEVER: u16 = u16::MAX;

/// For each instruction index of a block described by `ops`, where each X register is next
/// read at or after it; a write before any read ends the value's life (`NEVER`). Only a
/// hint for the register cache: a wrong entry costs speed, never correctness.
fn next_reads(ops: &[Op]) -> Vec<[u16; 31]> {
    let mut rows = vec![[NEVER; 31]; ops.len() + 1];
    for (k, op) in ops.iter().enumerate().rev() {
        let mut row = rows[k + 1];
        for &d in &op.dst {
            if (d as usize) < 31 {
                row[d as usize] = NEVER;
            }
        }
        for &r in &op.src {
            if (r as usize) < 31 {
                row[r as usize] = k as u16;
            }
        }
        rows[k] = row;
    }
    rows
}
