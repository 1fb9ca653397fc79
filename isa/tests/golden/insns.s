// Source list for isa/tests/golden/gnu.txt: A64 general-purpose (integer) instructions,
// Armv8.0-v8.5 incl. LSE, exclusives, acquire/release, RCpc, PAuth, MTE, system
// instructions, hints and barriers, in GNU as syntax. Not FP/SIMD, SVE or SME.
// Regenerate gnu.txt with ./regen.sh (binutils-aarch64-linux-gnu). The whole file is one
// section assembled at address 0, so pc-relative targets are absolute offsets from here.
// Rules for editing: every line must assemble without relocations; raw `.inst` words are
// for encodings the assembler will not emit (unallocated, reserved fields, adrp). Keep out
// words where objdump disagrees with the Arm ARM (e.g. it prints unallocated op0=0
// system encodings as `msr s0_...`, and decodes post-v8.5 instructions such as CSSC).
	.text
	.globl _start
_start:

// ---- add/sub immediate (C4.1.86) ----
	add x0, x1, #0
	add w2, w3, #4095
	add x4, x5, #1, lsl #12
	add w6, w7, #0xabc, lsl #12
	add x8, sp, #16
	add w9, wsp, #16
	add sp, x1, #16
	add wsp, w1, #32
	add sp, sp, #0x40
	adds x0, x1, #0
	adds w2, w3, #4095
	adds x4, x5, #1, lsl #12
	adds w6, w7, #0xabc, lsl #12
	adds x8, sp, #16
	adds w9, wsp, #16
	sub x0, x1, #0
	sub w2, w3, #4095
	sub x4, x5, #1, lsl #12
	sub w6, w7, #0xabc, lsl #12
	sub x8, sp, #16
	sub w9, wsp, #16
	sub sp, x1, #16
	sub wsp, w1, #32
	sub sp, sp, #0x40
	subs x0, x1, #0
	subs w2, w3, #4095
	subs x4, x5, #1, lsl #12
	subs w6, w7, #0xabc, lsl #12
	subs x8, sp, #16
	subs w9, wsp, #16
	mov sp, x0
	mov x0, sp
	mov wsp, w1
	mov w1, wsp
	add x0, x1, #0
	add sp, sp, #0
	add x0, sp, #0, lsl #12
	cmp x0, #1
	cmp w1, #4095
	cmp sp, #8
	cmp wsp, #8, lsl #12
	cmn x2, #3
	cmn wsp, #1
	cmn sp, #0x10, lsl #12
	adds xzr, x1, #1
	subs wzr, w2, #2

// ---- logical immediate (C4.1.88) ----
	and x0, x1, #0xff
	and w2, w3, #0xf0f0f0f0
	and x4, x5, #0x5555555555555555
	and w6, w7, #0x1
	and x8, x9, #0xfffffffffffffffe
	and w10, w11, #0x7fffffff
	and x12, x13, #0xffff0000ffff0000
	and sp, x1, #0x8
	and wsp, w1, #0x3
	orr x0, x1, #0xff
	orr w2, w3, #0xf0f0f0f0
	orr x4, x5, #0x5555555555555555
	orr w6, w7, #0x1
	orr x8, x9, #0xfffffffffffffffe
	orr w10, w11, #0x7fffffff
	orr x12, x13, #0xffff0000ffff0000
	orr sp, x1, #0x8
	orr wsp, w1, #0x3
	eor x0, x1, #0xff
	eor w2, w3, #0xf0f0f0f0
	eor x4, x5, #0x5555555555555555
	eor w6, w7, #0x1
	eor x8, x9, #0xfffffffffffffffe
	eor w10, w11, #0x7fffffff
	eor x12, x13, #0xffff0000ffff0000
	eor sp, x1, #0x8
	eor wsp, w1, #0x3
	ands x0, x1, #0xff
	ands w2, w3, #0xf0f0f0f0
	ands x4, x5, #0x5555555555555555
	ands w6, w7, #0x1
	ands x8, x9, #0xfffffffffffffffe
	ands w10, w11, #0x7fffffff
	ands x12, x13, #0xffff0000ffff0000
	tst x0, #0x1
	tst w1, #0xff00
	ands xzr, x2, #0x3c
	mov x0, #0xff00ff00ff00ff00
	mov w1, #0x80808080
	orr x2, xzr, #0x1
	mov sp, #0xfffffffffffffff0
	orr w3, wzr, #0xffff
	mov x4, #0xaaaaaaaaaaaaaaaa
	mov w5, #0x7fff0000

// ---- move wide (C4.1.87) ----
	movz x0, #0
	movz w1, #1
	movz x2, #0xffff, lsl #16
	movz x3, #0x1234, lsl #32
	movz x4, #0x8000, lsl #48
	movz w5, #0xabcd, lsl #16
	movz x6, #0, lsl #16
	movz w7, #0, lsl #16
	movn x8, #0
	movn w9, #0
	movn x10, #0x1234
	movn w11, #0xffff
	movn x12, #0x1, lsl #48
	movn w13, #0xffff, lsl #16
	movn x14, #0, lsl #32
	movn w15, #0x5555, lsl #16
	movk x16, #0x1234
	movk w17, #0xffff, lsl #16
	movk x18, #0, lsl #32
	movk x19, #0xbeef, lsl #48
	movk xzr, #1
	mov x20, #0x10000
	mov w21, #-1
	mov x22, #-2
	mov xzr, #5
	mov wzr, #-65536

// ---- bitfield (C4.1.89) and aliases ----
	sbfm x0, x1, #0, #63
	sbfm w2, w3, #0, #31
	sbfm x4, x5, #8, #7
	sbfm w6, w7, #31, #30
	ubfm x8, x9, #0, #63
	ubfm w10, w11, #0, #31
	bfm x12, x13, #4, #3
	bfm w14, w15, #0, #0
	bfm x16, x17, #63, #63
	asr x0, x1, #1
	asr w2, w3, #31
	asr x4, x5, #63
	lsr x6, x7, #1
	lsr w8, w9, #31
	lsr x10, x11, #63
	lsl x12, x13, #1
	lsl w14, w15, #31
	lsl x16, x17, #63
	lsl w18, w19, #1
	sxtb x0, w1
	sxtb w2, w3
	sxth x4, w5
	sxth w6, w7
	sxtw x8, w9
	uxtb w10, w11
	uxth w12, w13
	sbfx x0, x1, #4, #8
	sbfx w2, w3, #0, #1
	sbfx x4, x5, #62, #2
	ubfx x6, x7, #4, #8
	ubfx w8, w9, #31, #1
	ubfx x10, x11, #1, #62
	sbfiz x12, x13, #4, #8
	sbfiz w14, w15, #31, #1
	ubfiz x16, x17, #1, #63
	ubfiz w18, w19, #8, #16
	bfi x20, x21, #4, #8
	bfi w22, w23, #31, #1
	bfxil x24, x25, #0, #8
	bfxil w26, w27, #16, #16
	bfc x28, #4, #8
	bfc w0, #0, #31
	bfm x1, xzr, #60, #3
	bfm w2, wzr, #1, #0
	bfi x3, xzr, #1, #2
	bfxil x4, xzr, #1, #2
	sxtb xzr, wzr
	uxtb w0, wzr
	ubfm x0, x1, #63, #62

// ---- extract (C4.1.90) and ror ----
	extr x0, x1, x2, #0
	extr x3, x4, x5, #63
	extr w6, w7, w8, #31
	extr w9, w10, w11, #1
	ror x12, x13, #7
	ror w14, w15, #3
	ror x16, x16, #63
	extr xzr, xzr, xzr, #5

// ---- pc-relative addressing (C4.1.85) ----
	adr x0, .
	adr x1, .+4
	adr x2, .-4
	adr x3, .+0xfffff
	adr x4, .-0x100000
	adr xzr, .+8
	.inst 0x90000000
	.inst 0xb0000001
	.inst 0xf0ffffe2
	.inst 0x9000001f
	.inst 0xd0800003
	.inst 0x90800004

// ---- unconditional branch immediate (C4.1.92) ----
	b .
	b .+4
	b .-4
	b .+0x7fffffc
	b .-0x8000000
	bl .
	bl .+0x100
	bl .-0x200

// ---- conditional branch (C4.1.92) ----
	b.eq .+0
	b.ne .+4
	b.cs .+8
	b.cc .+12
	b.mi .+16
	b.pl .+20
	b.vs .+24
	b.vc .+28
	b.hi .+32
	b.ls .+36
	b.ge .+40
	b.lt .+44
	b.gt .+48
	b.le .+52
	b.al .+56
	b.nv .+60
	b.eq .-0x100000
	b.ne .+0xffffc
	b.hs .+8
	b.lo .+8
	b.cs .-4

// ---- compare and branch, test and branch ----
	cbz x0, .
	cbz w1, .+8
	cbz xzr, .-8
	cbnz x2, .+0xffffc
	cbnz w3, .-0x100000
	cbnz wzr, .+4
	tbz w0, #0, .+4
	tbz x1, #31, .
	tbz x2, #32, .-4
	tbz x3, #63, .+0x7ffc
	tbz xzr, #40, .-0x8000
	tbnz w4, #7, .+16
	tbnz x5, #33, .-16
	tbnz x6, #63, .+0x20
	tbnz wzr, #1, .

// ---- unconditional branch register (C4.1.92) ----
	br x0
	br x30
	br xzr
	blr x1
	blr x30
	blr xzr
	ret
	ret x0
	ret x29
	ret xzr
	eret
	drps
	braa x0, x1
	braa x2, sp
	brab x3, x4
	brab x30, sp
	braaz x5
	brabz x6
	blraa x7, x8
	blraa x9, sp
	blrab x10, x11
	blraaz x12
	blrabz x13
	retaa
	retab
	eretaa
	eretab

// ---- exception generation (C4.1.92) ----
	svc #0
	svc #0x1
	svc #0xffff
	hvc #0
	hvc #0x1234
	smc #0
	smc #0xffff
	brk #0
	brk #0x3e8
	brk #0xf000
	hlt #0
	hlt #0xf000
	dcps1
	dcps2
	dcps3
	dcps1 #0x1
	dcps3 #0xffff
	udf #0
	udf #0x1234
	udf #65535

// ---- hints (C4.1.92 hints) ----
	nop
	yield
	wfe
	wfi
	sev
	sevl
	esb
	psb csync
	tsb csync
	csdb
	bti
	bti c
	bti j
	bti jc
	xpaclri
	pacia1716
	pacib1716
	autia1716
	autib1716
	paciaz
	paciasp
	pacibz
	pacibsp
	autiaz
	autiasp
	autibz
	autibsp
	hint #0x6
	hint #0x9
	hint #0xf
	hint #0x13
	hint #0x15
	hint #0x17
	hint #0x21
	hint #0x23
	hint #0x25
	hint #0x27
	hint #0x2f
	hint #0x3f
	hint #0x41
	hint #0x7f
	hint #0
	hint #0x22
	hint #0x24
	hint #0x26
	hint #0x10
	hint #0x14

// ---- barriers and clrex (C4.1.92 barriers) ----
	clrex
	clrex #0
	clrex #5
	isb
	isb sy
	isb #0
	isb #3
	sb
	ssbb
	pssbb
	dsb sy
	dmb sy
	dsb st
	dmb st
	dsb ld
	dmb ld
	dsb ish
	dmb ish
	dsb ishst
	dmb ishst
	dsb ishld
	dmb ishld
	dsb nsh
	dmb nsh
	dsb nshst
	dmb nshst
	dsb nshld
	dmb nshld
	dsb osh
	dmb osh
	dsb oshst
	dmb oshst
	dsb oshld
	dmb oshld
	dmb #1
	dmb #2
	dmb #3
	dmb #5
	dmb #6
	dmb #9
	dmb #10
	dmb #13
	dmb #14
	dsb #1
	dsb #2
	dsb #3
	dsb #5
	dsb #6
	dsb #8
	dsb #9
	dsb #10
	dsb #13
	dsb #14

// ---- pstate (C4.1.92) msr immediate ----
	msr daifset, #0
	msr daifset, #15
	msr daifclr, #2
	msr daifclr, #0xf
	msr spsel, #0
	msr spsel, #1
	msr pan, #0
	msr pan, #1
	msr uao, #0
	msr uao, #1
	msr ssbs, #0
	msr ssbs, #1
	msr tco, #0
	msr tco, #1
	msr dit, #0
	msr dit, #1
	cfinv
	xaflag
	axflag
	rmif x0, #0, #0
	rmif x1, #63, #15
	rmif xzr, #3, #5
	setf8 w0
	setf16 w1
	setf8 wzr

// ---- sys aliases: dc ----
	dc ivac, x4
	dc isw, x3
	dc csw, x3
	dc cisw, x4
	dc zva, x3
	dc cvac, x4
	dc cvau, x4
	dc civac, x5
	dc cvap, x4
	dc cvadp, x5
	dc igvac, x5
	dc igsw, x4
	dc igdvac, x6
	dc igdsw, x5
	dc cgsw, x4
	dc cgdsw, x5
	dc cigsw, x5
	dc cigdsw, x6
	dc gva, x3
	dc gzva, x4
	dc cgvac, x5
	dc cgdvac, x6
	dc cgvap, x5
	dc cgdvap, x6
	dc cgvadp, x6
	dc cgdvadp, x7
	dc cigvac, x6
	dc cigdvac, x7
	dc zva, xzr
	dc civac, x30

// ---- sys aliases: cfp/dvp/cpp (FEAT_SPECRES, mandatory from v8.5) ----
	cfp rctx, x0
	dvp rctx, x1
	cpp rctx, x2
	cfp rctx, xzr

// ---- sys aliases: ic ----
	ic ialluis
	ic iallu
	ic ivau, x0
	ic ivau, xzr

// ---- sys aliases: at ----
	at s1e1r, x0
	at s1e1w, x1
	at s1e0r, x2
	at s1e0w, x3
	at s1e1rp, x4
	at s1e1wp, x5
	at s1e2r, x6
	at s1e2w, x7
	at s12e1r, x8
	at s12e1w, x9
	at s12e0r, x10
	at s12e0w, x11
	at s1e3r, x12
	at s1e3w, x13

// ---- sys aliases: tlbi ----
	tlbi vmalle1is
	tlbi vmalle1
	tlbi alle2is
	tlbi alle2
	tlbi alle1is
	tlbi alle1
	tlbi alle3is
	tlbi alle3
	tlbi vmalls12e1is
	tlbi vmalls12e1
	tlbi vmalle1os
	tlbi alle2os
	tlbi alle1os
	tlbi alle3os
	tlbi vmalls12e1os
	tlbi vae1is, x0
	tlbi aside1is, x1
	tlbi vaae1is, x2
	tlbi vale1is, x3
	tlbi vaale1is, x4
	tlbi vae1, x5
	tlbi aside1, x6
	tlbi vaae1, x7
	tlbi vale1, x8
	tlbi vaale1, x9
	tlbi ipas2e1is, x10
	tlbi ipas2le1is, x11
	tlbi ipas2e1, x12
	tlbi ipas2le1, x13
	tlbi vae2is, x14
	tlbi vale2is, x15
	tlbi vae2, x16
	tlbi vale2, x17
	tlbi vae3is, x18
	tlbi vale3is, x19
	tlbi vae3, x20
	tlbi vale3, x21
	tlbi vae1os, x22
	tlbi aside1os, x23
	tlbi vaae1os, x24
	tlbi vale1os, x25
	tlbi vaale1os, x26
	tlbi ipas2e1os, x27
	tlbi ipas2le1os, x28
	tlbi vae2os, x29
	tlbi vale2os, x30
	tlbi vae3os, x0
	tlbi vale3os, x1
	tlbi rvae1is, x2
	tlbi rvaae1is, x3
	tlbi rvale1is, x4
	tlbi rvaale1is, x5
	tlbi rvae1os, x6
	tlbi rvae1, x7
	tlbi rvaae1, x8
	tlbi rvale1, x9
	tlbi rvaale1, x10
	tlbi ripas2e1is, x11
	tlbi ripas2le1is, x12
	tlbi ripas2e1, x13
	tlbi ripas2le1, x14
	tlbi ripas2e1os, x15
	tlbi ripas2le1os, x16
	tlbi rvae2is, x17
	tlbi rvale2is, x18
	tlbi rvae2, x19
	tlbi rvale2, x20
	tlbi rvae2os, x21
	tlbi rvale2os, x22
	tlbi rvae3is, x23
	tlbi rvale3is, x24
	tlbi rvae3, x25
	tlbi rvale3, x26
	tlbi rvae3os, x27
	tlbi rvale3os, x28
	tlbi vae1, xzr

// ---- sys/sysl raw ----
	sys #0, c0, c0, #0
	sys #7, c15, c15, #7, x1
	sys #3, c7, c5, #2, x3
	sys #1, c2, c3, #4
	sys #0, c7, c1, #1, x2
	sysl x0, #0, c0, c0, #0
	sysl x5, #7, c15, c15, #7
	sysl xzr, #3, c1, c2, #3

// ---- mrs/msr register ----
	mrs x0, actlr_el1
	msr actlr_el1, x7
	mrs x1, actlr_el2
	msr actlr_el2, x8
	mrs x2, actlr_el3
	msr actlr_el3, x9
	mrs x3, afsr0_el1
	msr afsr0_el1, x10
	mrs x4, afsr1_el1
	msr afsr1_el1, x11
	mrs x5, afsr0_el2
	msr afsr0_el2, x12
	mrs x6, afsr1_el2
	msr afsr1_el2, x13
	mrs x7, afsr0_el3
	msr afsr0_el3, x14
	mrs x8, afsr1_el3
	msr afsr1_el3, x15
	mrs x9, amair_el1
	msr amair_el1, x16
	mrs x10, amair_el2
	msr amair_el2, x17
	mrs x11, amair_el3
	msr amair_el3, x18
	mrs x12, contextidr_el1
	msr contextidr_el1, x19
	mrs x13, contextidr_el2
	msr contextidr_el2, x20
	mrs x14, cpacr_el1
	msr cpacr_el1, x21
	mrs x15, cptr_el2
	msr cptr_el2, x22
	mrs x16, cptr_el3
	msr cptr_el3, x23
	mrs x17, csselr_el1
	msr csselr_el1, x24
	mrs x18, dacr32_el2
	msr dacr32_el2, x25
	mrs x19, daif
	msr daif, x26
	mrs x20, dbgvcr32_el2
	msr dbgvcr32_el2, x27
	mrs x21, dczid_el0
	msr dczid_el0, x28
	mrs x22, elr_el1
	msr elr_el1, x29
	mrs x23, elr_el2
	msr elr_el2, x30
	mrs x24, elr_el3
	msr elr_el3, x0
	mrs x25, esr_el1
	msr esr_el1, x1
	mrs x26, esr_el2
	msr esr_el2, x2
	mrs x27, esr_el3
	msr esr_el3, x3
	mrs x28, far_el1
	msr far_el1, x4
	mrs x29, far_el2
	msr far_el2, x5
	mrs x30, far_el3
	msr far_el3, x6
	mrs x0, fpcr
	msr fpcr, x7
	mrs x1, fpsr
	msr fpsr, x8
	mrs x2, fpexc32_el2
	msr fpexc32_el2, x9
	mrs x3, hacr_el2
	msr hacr_el2, x10
	mrs x4, hcr_el2
	msr hcr_el2, x11
	mrs x5, hpfar_el2
	msr hpfar_el2, x12
	mrs x6, hstr_el2
	msr hstr_el2, x13
	mrs x7, ifsr32_el2
	msr ifsr32_el2, x14
	mrs x8, mair_el1
	msr mair_el1, x15
	mrs x9, mair_el2
	msr mair_el2, x16
	mrs x10, mair_el3
	msr mair_el3, x17
	mrs x11, mdcr_el2
	msr mdcr_el2, x18
	mrs x12, mdcr_el3
	msr mdcr_el3, x19
	mrs x13, mdscr_el1
	msr mdscr_el1, x20
	mrs x14, nzcv
	msr nzcv, x21
	mrs x15, par_el1
	msr par_el1, x22
	mrs x16, rmr_el1
	msr rmr_el1, x23
	mrs x17, rmr_el2
	msr rmr_el2, x24
	mrs x18, rmr_el3
	msr rmr_el3, x25
	mrs x19, scr_el3
	msr scr_el3, x26
	mrs x20, sctlr_el1
	msr sctlr_el1, x27
	mrs x21, sctlr_el2
	msr sctlr_el2, x28
	mrs x22, sctlr_el3
	msr sctlr_el3, x29
	mrs x23, sder32_el3
	msr sder32_el3, x30
	mrs x24, sp_el0
	msr sp_el0, x0
	mrs x25, sp_el1
	msr sp_el1, x1
	mrs x26, sp_el2
	msr sp_el2, x2
	mrs x27, spsel
	msr spsel, x3
	mrs x28, spsr_el1
	msr spsr_el1, x4
	mrs x29, spsr_el2
	msr spsr_el2, x5
	mrs x30, spsr_el3
	msr spsr_el3, x6
	mrs x0, spsr_abt
	msr spsr_abt, x7
	mrs x1, spsr_fiq
	msr spsr_fiq, x8
	mrs x2, spsr_irq
	msr spsr_irq, x9
	mrs x3, spsr_und
	msr spsr_und, x10
	mrs x4, currentel
	mrs x5, tcr_el1
	msr tcr_el1, x12
	mrs x6, tcr_el2
	msr tcr_el2, x13
	mrs x7, tcr_el3
	msr tcr_el3, x14
	mrs x8, tpidr_el0
	msr tpidr_el0, x15
	mrs x9, tpidr_el1
	msr tpidr_el1, x16
	mrs x10, tpidr_el2
	msr tpidr_el2, x17
	mrs x11, tpidr_el3
	msr tpidr_el3, x18
	mrs x12, tpidrro_el0
	msr tpidrro_el0, x19
	mrs x13, ttbr0_el1
	msr ttbr0_el1, x20
	mrs x14, ttbr0_el2
	msr ttbr0_el2, x21
	mrs x15, ttbr0_el3
	msr ttbr0_el3, x22
	mrs x16, ttbr1_el1
	msr ttbr1_el1, x23
	mrs x17, ttbr1_el2
	msr ttbr1_el2, x24
	mrs x18, vbar_el1
	msr vbar_el1, x25
	mrs x19, vbar_el2
	msr vbar_el2, x26
	mrs x20, vbar_el3
	msr vbar_el3, x27
	mrs x21, vmpidr_el2
	msr vmpidr_el2, x28
	mrs x22, vpidr_el2
	msr vpidr_el2, x29
	mrs x23, vtcr_el2
	msr vtcr_el2, x30
	mrs x24, vttbr_el2
	msr vttbr_el2, x0
	mrs x25, vsttbr_el2
	msr vsttbr_el2, x1
	mrs x26, vstcr_el2
	msr vstcr_el2, x2
	mrs x27, cntfrq_el0
	msr cntfrq_el0, x3
	mrs x28, cnthctl_el2
	msr cnthctl_el2, x4
	mrs x29, cnthp_ctl_el2
	msr cnthp_ctl_el2, x5
	mrs x30, cnthp_cval_el2
	msr cnthp_cval_el2, x6
	mrs x0, cnthp_tval_el2
	msr cnthp_tval_el2, x7
	mrs x1, cnthv_ctl_el2
	msr cnthv_ctl_el2, x8
	mrs x2, cnthv_cval_el2
	msr cnthv_cval_el2, x9
	mrs x3, cnthv_tval_el2
	msr cnthv_tval_el2, x10
	mrs x4, cntkctl_el1
	msr cntkctl_el1, x11
	mrs x5, cntp_ctl_el0
	msr cntp_ctl_el0, x12
	mrs x6, cntp_cval_el0
	msr cntp_cval_el0, x13
	mrs x7, cntp_tval_el0
	msr cntp_tval_el0, x14
	mrs x8, cntps_ctl_el1
	msr cntps_ctl_el1, x15
	mrs x9, cntps_cval_el1
	msr cntps_cval_el1, x16
	mrs x10, cntps_tval_el1
	msr cntps_tval_el1, x17
	mrs x11, cntv_ctl_el0
	msr cntv_ctl_el0, x18
	mrs x12, cntv_cval_el0
	msr cntv_cval_el0, x19
	mrs x13, cntv_tval_el0
	msr cntv_tval_el0, x20
	mrs x14, cntvoff_el2
	msr cntvoff_el2, x21
	mrs x15, pan
	msr pan, x22
	mrs x16, uao
	msr uao, x23
	mrs x17, dit
	msr dit, x24
	mrs x18, ssbs
	msr ssbs, x25
	mrs x19, tco
	msr tco, x26
	mrs x20, gcr_el1
	msr gcr_el1, x27
	mrs x21, rgsr_el1
	msr rgsr_el1, x28
	mrs x22, tfsr_el1
	msr tfsr_el1, x29
	mrs x23, tfsr_el2
	msr tfsr_el2, x30
	mrs x24, tfsr_el3
	msr tfsr_el3, x0
	mrs x25, tfsre0_el1
	msr tfsre0_el1, x1
	mrs x26, tfsr_el12
	msr tfsr_el12, x2
	mrs x27, sctlr_el12
	msr sctlr_el12, x3
	mrs x28, cpacr_el12
	msr cpacr_el12, x4
	mrs x29, ttbr0_el12
	msr ttbr0_el12, x5
	mrs x30, ttbr1_el12
	msr ttbr1_el12, x6
	mrs x0, tcr_el12
	msr tcr_el12, x7
	mrs x1, afsr0_el12
	msr afsr0_el12, x8
	mrs x2, afsr1_el12
	msr afsr1_el12, x9
	mrs x3, esr_el12
	msr esr_el12, x10
	mrs x4, far_el12
	msr far_el12, x11
	mrs x5, mair_el12
	msr mair_el12, x12
	mrs x6, amair_el12
	msr amair_el12, x13
	mrs x7, vbar_el12
	msr vbar_el12, x14
	mrs x8, contextidr_el12
	msr contextidr_el12, x15
	mrs x9, cntkctl_el12
	msr cntkctl_el12, x16
	mrs x10, cntp_tval_el02
	msr cntp_tval_el02, x17
	mrs x11, cntp_ctl_el02
	msr cntp_ctl_el02, x18
	mrs x12, cntp_cval_el02
	msr cntp_cval_el02, x19
	mrs x13, cntv_tval_el02
	msr cntv_tval_el02, x20
	mrs x14, cntv_ctl_el02
	msr cntv_ctl_el02, x21
	mrs x15, cntv_cval_el02
	msr cntv_cval_el02, x22
	mrs x16, spsr_el12
	msr spsr_el12, x23
	mrs x17, elr_el12
	msr elr_el12, x24
	mrs x18, apiakeylo_el1
	msr apiakeylo_el1, x25
	mrs x19, apiakeyhi_el1
	msr apiakeyhi_el1, x26
	mrs x20, apibkeylo_el1
	msr apibkeylo_el1, x27
	mrs x21, apibkeyhi_el1
	msr apibkeyhi_el1, x28
	mrs x22, apdakeylo_el1
	msr apdakeylo_el1, x29
	mrs x23, apdakeyhi_el1
	msr apdakeyhi_el1, x30
	mrs x24, apdbkeylo_el1
	msr apdbkeylo_el1, x0
	mrs x25, apdbkeyhi_el1
	msr apdbkeyhi_el1, x1
	mrs x26, apgakeylo_el1
	msr apgakeylo_el1, x2
	mrs x27, apgakeyhi_el1
	msr apgakeyhi_el1, x3
	mrs x28, lorsa_el1
	msr lorsa_el1, x4
	mrs x29, lorea_el1
	msr lorea_el1, x5
	mrs x30, lorn_el1
	msr lorn_el1, x6
	mrs x0, lorc_el1
	msr lorc_el1, x7
	mrs x1, vdisr_el2
	msr vdisr_el2, x8
	mrs x2, disr_el1
	msr disr_el1, x9
	mrs x3, vsesr_el2
	msr vsesr_el2, x10
	mrs x4, errselr_el1
	msr errselr_el1, x11
	mrs x5, erxaddr_el1
	msr erxaddr_el1, x12
	mrs x6, erxctlr_el1
	msr erxctlr_el1, x13
	mrs x7, erxmisc0_el1
	msr erxmisc0_el1, x14
	mrs x8, erxstatus_el1
	msr erxstatus_el1, x15
	mrs x9, osdlr_el1
	msr osdlr_el1, x16
	mrs x10, oslar_el1
	msr oslar_el1, x17
	mrs x11, oseccr_el1
	msr oseccr_el1, x18
	mrs x12, osdtrrx_el1
	msr osdtrrx_el1, x19
	mrs x13, osdtrtx_el1
	msr osdtrtx_el1, x20
	mrs x14, dbgbvr0_el1
	msr dbgbvr0_el1, x21
	mrs x15, dbgbcr0_el1
	msr dbgbcr0_el1, x22
	mrs x16, dbgwvr0_el1
	msr dbgwvr0_el1, x23
	mrs x17, dbgwcr0_el1
	msr dbgwcr0_el1, x24
	mrs x18, dbgbvr15_el1
	msr dbgbvr15_el1, x25
	mrs x19, dbgwcr15_el1
	msr dbgwcr15_el1, x26
	mrs x20, dbgclaimset_el1
	msr dbgclaimset_el1, x27
	mrs x21, dbgclaimclr_el1
	msr dbgclaimclr_el1, x28
	mrs x22, dbgprcr_el1
	msr dbgprcr_el1, x29
	mrs x23, mdccint_el1
	msr mdccint_el1, x30
	mrs x24, dspsr_el0
	msr dspsr_el0, x0
	mrs x25, dlr_el0
	msr dlr_el0, x1
	mrs x26, pmcr_el0
	msr pmcr_el0, x2
	mrs x27, pmcntenset_el0
	msr pmcntenset_el0, x3
	mrs x28, pmccntr_el0
	msr pmccntr_el0, x4
	mrs x29, pmevcntr0_el0
	msr pmevcntr0_el0, x5
	mrs x30, pmevtyper30_el0
	msr pmevtyper30_el0, x6
	mrs x0, pmuserenr_el0
	msr pmuserenr_el0, x7
	mrs x1, pmintenset_el1
	msr pmintenset_el1, x8
	mrs x2, pmselr_el0
	msr pmselr_el0, x9
	mrs x3, pmccfiltr_el0
	msr pmccfiltr_el0, x10
	mrs x4, icc_pmr_el1
	msr icc_pmr_el1, x11
	mrs x5, icc_ctlr_el1
	msr icc_ctlr_el1, x12
	mrs x6, icc_ctlr_el3
	msr icc_ctlr_el3, x13
	mrs x7, icc_sre_el1
	msr icc_sre_el1, x14
	mrs x8, icc_sre_el2
	msr icc_sre_el2, x15
	mrs x9, icc_sre_el3
	msr icc_sre_el3, x16
	mrs x10, icc_igrpen1_el1
	msr icc_igrpen1_el1, x17
	mrs x11, icc_igrpen0_el1
	msr icc_igrpen0_el1, x18
	mrs x12, icc_igrpen1_el3
	msr icc_igrpen1_el3, x19
	mrs x13, icc_bpr0_el1
	msr icc_bpr0_el1, x20
	mrs x14, icc_bpr1_el1
	msr icc_bpr1_el1, x21
	mrs x15, icc_ap0r0_el1
	msr icc_ap0r0_el1, x22
	mrs x16, icc_ap1r3_el1
	msr icc_ap1r3_el1, x23
	mrs x17, ich_hcr_el2
	msr ich_hcr_el2, x24
	mrs x18, ich_vmcr_el2
	msr ich_vmcr_el2, x25
	mrs x19, ich_lr0_el2
	msr ich_lr0_el2, x26
	mrs x20, ich_lr15_el2
	msr ich_lr15_el2, x27
	mrs x21, ich_ap0r0_el2
	msr ich_ap0r0_el2, x28
	mrs x22, ich_ap1r0_el2
	msr ich_ap1r0_el2, x29
	mrs x23, scxtnum_el0
	msr scxtnum_el0, x30
	mrs x24, scxtnum_el1
	msr scxtnum_el1, x0
	mrs x25, scxtnum_el2
	msr scxtnum_el2, x1
	mrs x26, scxtnum_el3
	msr scxtnum_el3, x2
	mrs x27, scxtnum_el12
	msr scxtnum_el12, x3
	mrs x28, trfcr_el1
	msr trfcr_el1, x4
	mrs x29, trfcr_el2
	msr trfcr_el2, x5
	mrs x30, cnthps_ctl_el2
	msr cnthps_ctl_el2, x6
	mrs x0, cnthvs_ctl_el2
	msr cnthvs_ctl_el2, x7
	mrs x1, cnthps_cval_el2
	msr cnthps_cval_el2, x8
	mrs x2, mpam0_el1
	msr mpam0_el1, x9
	mrs x3, mpam1_el1
	msr mpam1_el1, x10
	mrs x4, mpam2_el2
	msr mpam2_el2, x11
	mrs x5, mpam3_el3
	msr mpam3_el3, x12
	mrs x0, midr_el1
	mrs x1, mpidr_el1
	mrs x2, revidr_el1
	mrs x3, ctr_el0
	mrs x4, clidr_el1
	mrs x5, ccsidr_el1
	mrs x6, aidr_el1
	mrs x7, isr_el1
	mrs x8, id_aa64pfr0_el1
	mrs x9, id_aa64pfr1_el1
	mrs x10, id_aa64dfr0_el1
	mrs x11, id_aa64dfr1_el1
	mrs x12, id_aa64afr0_el1
	mrs x13, id_aa64isar0_el1
	mrs x14, id_aa64isar1_el1
	mrs x15, id_aa64mmfr0_el1
	mrs x16, id_aa64mmfr1_el1
	mrs x17, id_aa64mmfr2_el1
	mrs x18, id_pfr0_el1
	mrs x19, id_pfr1_el1
	mrs x20, id_dfr0_el1
	mrs x21, id_mmfr0_el1
	mrs x22, id_isar0_el1
	mrs x23, id_isar5_el1
	mrs x24, mvfr0_el1
	mrs x25, mvfr1_el1
	mrs x26, mvfr2_el1
	mrs x27, cntpct_el0
	mrs x28, cntvct_el0
	mrs x29, rvbar_el1
	mrs x30, rvbar_el2
	mrs x0, rvbar_el3
	mrs x1, gmid_el1
	mrs x2, icc_iar0_el1
	mrs x3, icc_iar1_el1
	mrs x4, icc_hppir1_el1
	mrs x5, icc_rpr_el1
	mrs x6, ich_vtr_el2
	mrs x7, ich_misr_el2
	mrs x8, ich_eisr_el2
	mrs x9, ich_elrsr_el2
	mrs x10, mdrar_el1
	mrs x11, oslsr_el1
	mrs x12, dbgauthstatus_el1
	mrs x13, mdccsr_el0
	mrs x14, lorid_el1
	mrs x15, erridr_el1
	mrs x16, pmceid0_el0
	mrs x17, mpamidr_el1
	msr icc_eoir0_el1, x0
	msr icc_eoir1_el1, x1
	msr icc_dir_el1, x2
	msr icc_sgi1r_el1, x3
	msr icc_sgi0r_el1, x4
	msr icc_asgi1r_el1, x5
	msr pmswinc_el0, x6
	mrs xzr, midr_el1
	msr sctlr_el1, xzr
	mrs x0, s3_0_c15_c0_0
	msr s3_7_c15_c15_7, x1
	mrs x2, s2_0_c0_c0_0
	mrs x3, s3_4_c15_c1_0
	msr s2_7_c15_c15_7, x4
	mrs x5, s3_1_c11_c0_2
	msr s3_0_c11_c12_0, x6

// ---- loads and stores: unsigned offset, pre/post index, unscaled, unprivileged (C4.1.94) ----
	strb w0, [x1]
	strb w2, [sp, #1]
	strb w3, [x4, #4095]
	strb w30, [x29, #7]
	strb wzr, [sp]
	strb w5, [x6, #-256]!
	strb w7, [sp, #255]!
	strb w8, [x9], #-1
	strb w10, [sp], #255
	strb w11, [x12], #0
	strb w13, [x14, #0]!
	sturb w0, [x1]
	sturb w2, [sp, #-256]
	sturb w3, [x4, #255]
	sturb wzr, [x5, #-1]
	sttrb w0, [x1]
	sttrb w2, [sp, #-256]
	sttrb w3, [x4, #255]
	sttrb wzr, [x5, #8]
	ldrb w0, [x1]
	ldrb w2, [sp, #1]
	ldrb w3, [x4, #4095]
	ldrb w30, [x29, #7]
	ldrb wzr, [sp]
	ldrb w5, [x6, #-256]!
	ldrb w7, [sp, #255]!
	ldrb w8, [x9], #-1
	ldrb w10, [sp], #255
	ldrb w11, [x12], #0
	ldrb w13, [x14, #0]!
	ldurb w0, [x1]
	ldurb w2, [sp, #-256]
	ldurb w3, [x4, #255]
	ldurb wzr, [x5, #-1]
	ldtrb w0, [x1]
	ldtrb w2, [sp, #-256]
	ldtrb w3, [x4, #255]
	ldtrb wzr, [x5, #8]
	ldrsb x0, [x1]
	ldrsb x2, [sp, #1]
	ldrsb x3, [x4, #4095]
	ldrsb x30, [x29, #7]
	ldrsb xzr, [sp]
	ldrsb x5, [x6, #-256]!
	ldrsb x7, [sp, #255]!
	ldrsb x8, [x9], #-1
	ldrsb x10, [sp], #255
	ldrsb x11, [x12], #0
	ldrsb x13, [x14, #0]!
	ldursb x0, [x1]
	ldursb x2, [sp, #-256]
	ldursb x3, [x4, #255]
	ldursb xzr, [x5, #-1]
	ldtrsb x0, [x1]
	ldtrsb x2, [sp, #-256]
	ldtrsb x3, [x4, #255]
	ldtrsb xzr, [x5, #8]
	ldrsb w0, [x1]
	ldrsb w2, [sp, #1]
	ldrsb w3, [x4, #4095]
	ldrsb w30, [x29, #7]
	ldrsb wzr, [sp]
	ldrsb w5, [x6, #-256]!
	ldrsb w7, [sp, #255]!
	ldrsb w8, [x9], #-1
	ldrsb w10, [sp], #255
	ldrsb w11, [x12], #0
	ldrsb w13, [x14, #0]!
	ldursb w0, [x1]
	ldursb w2, [sp, #-256]
	ldursb w3, [x4, #255]
	ldursb wzr, [x5, #-1]
	ldtrsb w0, [x1]
	ldtrsb w2, [sp, #-256]
	ldtrsb w3, [x4, #255]
	ldtrsb wzr, [x5, #8]
	strh w0, [x1]
	strh w2, [sp, #2]
	strh w3, [x4, #8190]
	strh w30, [x29, #14]
	strh wzr, [sp]
	strh w5, [x6, #-256]!
	strh w7, [sp, #255]!
	strh w8, [x9], #-1
	strh w10, [sp], #255
	strh w11, [x12], #0
	strh w13, [x14, #0]!
	sturh w0, [x1]
	sturh w2, [sp, #-256]
	sturh w3, [x4, #255]
	sturh wzr, [x5, #-1]
	sttrh w0, [x1]
	sttrh w2, [sp, #-256]
	sttrh w3, [x4, #255]
	sttrh wzr, [x5, #8]
	ldrh w0, [x1]
	ldrh w2, [sp, #2]
	ldrh w3, [x4, #8190]
	ldrh w30, [x29, #14]
	ldrh wzr, [sp]
	ldrh w5, [x6, #-256]!
	ldrh w7, [sp, #255]!
	ldrh w8, [x9], #-1
	ldrh w10, [sp], #255
	ldrh w11, [x12], #0
	ldrh w13, [x14, #0]!
	ldurh w0, [x1]
	ldurh w2, [sp, #-256]
	ldurh w3, [x4, #255]
	ldurh wzr, [x5, #-1]
	ldtrh w0, [x1]
	ldtrh w2, [sp, #-256]
	ldtrh w3, [x4, #255]
	ldtrh wzr, [x5, #8]
	ldrsh x0, [x1]
	ldrsh x2, [sp, #2]
	ldrsh x3, [x4, #8190]
	ldrsh x30, [x29, #14]
	ldrsh xzr, [sp]
	ldrsh x5, [x6, #-256]!
	ldrsh x7, [sp, #255]!
	ldrsh x8, [x9], #-1
	ldrsh x10, [sp], #255
	ldrsh x11, [x12], #0
	ldrsh x13, [x14, #0]!
	ldursh x0, [x1]
	ldursh x2, [sp, #-256]
	ldursh x3, [x4, #255]
	ldursh xzr, [x5, #-1]
	ldtrsh x0, [x1]
	ldtrsh x2, [sp, #-256]
	ldtrsh x3, [x4, #255]
	ldtrsh xzr, [x5, #8]
	ldrsh w0, [x1]
	ldrsh w2, [sp, #2]
	ldrsh w3, [x4, #8190]
	ldrsh w30, [x29, #14]
	ldrsh wzr, [sp]
	ldrsh w5, [x6, #-256]!
	ldrsh w7, [sp, #255]!
	ldrsh w8, [x9], #-1
	ldrsh w10, [sp], #255
	ldrsh w11, [x12], #0
	ldrsh w13, [x14, #0]!
	ldursh w0, [x1]
	ldursh w2, [sp, #-256]
	ldursh w3, [x4, #255]
	ldursh wzr, [x5, #-1]
	ldtrsh w0, [x1]
	ldtrsh w2, [sp, #-256]
	ldtrsh w3, [x4, #255]
	ldtrsh wzr, [x5, #8]
	str w0, [x1]
	str w2, [sp, #4]
	str w3, [x4, #16380]
	str w30, [x29, #28]
	str wzr, [sp]
	str w5, [x6, #-256]!
	str w7, [sp, #255]!
	str w8, [x9], #-1
	str w10, [sp], #255
	str w11, [x12], #0
	str w13, [x14, #0]!
	stur w0, [x1]
	stur w2, [sp, #-256]
	stur w3, [x4, #255]
	stur wzr, [x5, #-1]
	sttr w0, [x1]
	sttr w2, [sp, #-256]
	sttr w3, [x4, #255]
	sttr wzr, [x5, #8]
	ldr w0, [x1]
	ldr w2, [sp, #4]
	ldr w3, [x4, #16380]
	ldr w30, [x29, #28]
	ldr wzr, [sp]
	ldr w5, [x6, #-256]!
	ldr w7, [sp, #255]!
	ldr w8, [x9], #-1
	ldr w10, [sp], #255
	ldr w11, [x12], #0
	ldr w13, [x14, #0]!
	ldur w0, [x1]
	ldur w2, [sp, #-256]
	ldur w3, [x4, #255]
	ldur wzr, [x5, #-1]
	ldtr w0, [x1]
	ldtr w2, [sp, #-256]
	ldtr w3, [x4, #255]
	ldtr wzr, [x5, #8]
	ldrsw x0, [x1]
	ldrsw x2, [sp, #4]
	ldrsw x3, [x4, #16380]
	ldrsw x30, [x29, #28]
	ldrsw xzr, [sp]
	ldrsw x5, [x6, #-256]!
	ldrsw x7, [sp, #255]!
	ldrsw x8, [x9], #-1
	ldrsw x10, [sp], #255
	ldrsw x11, [x12], #0
	ldrsw x13, [x14, #0]!
	ldursw x0, [x1]
	ldursw x2, [sp, #-256]
	ldursw x3, [x4, #255]
	ldursw xzr, [x5, #-1]
	ldtrsw x0, [x1]
	ldtrsw x2, [sp, #-256]
	ldtrsw x3, [x4, #255]
	ldtrsw xzr, [x5, #8]
	str x0, [x1]
	str x2, [sp, #8]
	str x3, [x4, #32760]
	str x30, [x29, #56]
	str xzr, [sp]
	str x5, [x6, #-256]!
	str x7, [sp, #255]!
	str x8, [x9], #-1
	str x10, [sp], #255
	str x11, [x12], #0
	str x13, [x14, #0]!
	stur x0, [x1]
	stur x2, [sp, #-256]
	stur x3, [x4, #255]
	stur xzr, [x5, #-1]
	sttr x0, [x1]
	sttr x2, [sp, #-256]
	sttr x3, [x4, #255]
	sttr xzr, [x5, #8]
	ldr x0, [x1]
	ldr x2, [sp, #8]
	ldr x3, [x4, #32760]
	ldr x30, [x29, #56]
	ldr xzr, [sp]
	ldr x5, [x6, #-256]!
	ldr x7, [sp, #255]!
	ldr x8, [x9], #-1
	ldr x10, [sp], #255
	ldr x11, [x12], #0
	ldr x13, [x14, #0]!
	ldur x0, [x1]
	ldur x2, [sp, #-256]
	ldur x3, [x4, #255]
	ldur xzr, [x5, #-1]
	ldtr x0, [x1]
	ldtr x2, [sp, #-256]
	ldtr x3, [x4, #255]
	ldtr xzr, [x5, #8]
	ldr x0, [x1, #3]
	ldr w2, [x3, #-8]
	ldrh w4, [x5, #1]
	str x6, [x7, #33]

// ---- loads and stores: register offset ----
	strb w0, [x1, x2]
	strb w3, [sp, x4, lsl #0]
	strb w5, [x6, w7, uxtw]
	strb w8, [x9, w10, uxtw #0]
	strb w11, [x12, w13, sxtw]
	strb w14, [x15, w16, sxtw #0]
	strb w17, [x18, x19, sxtx]
	strb w20, [x21, x22, sxtx #0]
	strb wzr, [x23, xzr]
	ldrb w0, [x1, x2]
	ldrb w3, [sp, x4, lsl #0]
	ldrb w5, [x6, w7, uxtw]
	ldrb w8, [x9, w10, uxtw #0]
	ldrb w11, [x12, w13, sxtw]
	ldrb w14, [x15, w16, sxtw #0]
	ldrb w17, [x18, x19, sxtx]
	ldrb w20, [x21, x22, sxtx #0]
	ldrb wzr, [x23, xzr]
	ldrsb x0, [x1, x2]
	ldrsb x3, [sp, x4, lsl #0]
	ldrsb x5, [x6, w7, uxtw]
	ldrsb x8, [x9, w10, uxtw #0]
	ldrsb x11, [x12, w13, sxtw]
	ldrsb x14, [x15, w16, sxtw #0]
	ldrsb x17, [x18, x19, sxtx]
	ldrsb x20, [x21, x22, sxtx #0]
	ldrsb xzr, [x23, xzr]
	ldrsb w0, [x1, x2]
	ldrsb w3, [sp, x4, lsl #0]
	ldrsb w5, [x6, w7, uxtw]
	ldrsb w8, [x9, w10, uxtw #0]
	ldrsb w11, [x12, w13, sxtw]
	ldrsb w14, [x15, w16, sxtw #0]
	ldrsb w17, [x18, x19, sxtx]
	ldrsb w20, [x21, x22, sxtx #0]
	ldrsb wzr, [x23, xzr]
	strh w0, [x1, x2]
	strh w3, [sp, x4, lsl #1]
	strh w5, [x6, w7, uxtw]
	strh w8, [x9, w10, uxtw #1]
	strh w11, [x12, w13, sxtw]
	strh w14, [x15, w16, sxtw #1]
	strh w17, [x18, x19, sxtx]
	strh w20, [x21, x22, sxtx #1]
	strh wzr, [x23, xzr]
	ldrh w0, [x1, x2]
	ldrh w3, [sp, x4, lsl #1]
	ldrh w5, [x6, w7, uxtw]
	ldrh w8, [x9, w10, uxtw #1]
	ldrh w11, [x12, w13, sxtw]
	ldrh w14, [x15, w16, sxtw #1]
	ldrh w17, [x18, x19, sxtx]
	ldrh w20, [x21, x22, sxtx #1]
	ldrh wzr, [x23, xzr]
	ldrsh x0, [x1, x2]
	ldrsh x3, [sp, x4, lsl #1]
	ldrsh x5, [x6, w7, uxtw]
	ldrsh x8, [x9, w10, uxtw #1]
	ldrsh x11, [x12, w13, sxtw]
	ldrsh x14, [x15, w16, sxtw #1]
	ldrsh x17, [x18, x19, sxtx]
	ldrsh x20, [x21, x22, sxtx #1]
	ldrsh xzr, [x23, xzr]
	ldrsh w0, [x1, x2]
	ldrsh w3, [sp, x4, lsl #1]
	ldrsh w5, [x6, w7, uxtw]
	ldrsh w8, [x9, w10, uxtw #1]
	ldrsh w11, [x12, w13, sxtw]
	ldrsh w14, [x15, w16, sxtw #1]
	ldrsh w17, [x18, x19, sxtx]
	ldrsh w20, [x21, x22, sxtx #1]
	ldrsh wzr, [x23, xzr]
	str w0, [x1, x2]
	str w3, [sp, x4, lsl #2]
	str w5, [x6, w7, uxtw]
	str w8, [x9, w10, uxtw #2]
	str w11, [x12, w13, sxtw]
	str w14, [x15, w16, sxtw #2]
	str w17, [x18, x19, sxtx]
	str w20, [x21, x22, sxtx #2]
	str wzr, [x23, xzr]
	ldr w0, [x1, x2]
	ldr w3, [sp, x4, lsl #2]
	ldr w5, [x6, w7, uxtw]
	ldr w8, [x9, w10, uxtw #2]
	ldr w11, [x12, w13, sxtw]
	ldr w14, [x15, w16, sxtw #2]
	ldr w17, [x18, x19, sxtx]
	ldr w20, [x21, x22, sxtx #2]
	ldr wzr, [x23, xzr]
	ldrsw x0, [x1, x2]
	ldrsw x3, [sp, x4, lsl #2]
	ldrsw x5, [x6, w7, uxtw]
	ldrsw x8, [x9, w10, uxtw #2]
	ldrsw x11, [x12, w13, sxtw]
	ldrsw x14, [x15, w16, sxtw #2]
	ldrsw x17, [x18, x19, sxtx]
	ldrsw x20, [x21, x22, sxtx #2]
	ldrsw xzr, [x23, xzr]
	str x0, [x1, x2]
	str x3, [sp, x4, lsl #3]
	str x5, [x6, w7, uxtw]
	str x8, [x9, w10, uxtw #3]
	str x11, [x12, w13, sxtw]
	str x14, [x15, w16, sxtw #3]
	str x17, [x18, x19, sxtx]
	str x20, [x21, x22, sxtx #3]
	str xzr, [x23, xzr]
	ldr x0, [x1, x2]
	ldr x3, [sp, x4, lsl #3]
	ldr x5, [x6, w7, uxtw]
	ldr x8, [x9, w10, uxtw #3]
	ldr x11, [x12, w13, sxtw]
	ldr x14, [x15, w16, sxtw #3]
	ldr x17, [x18, x19, sxtx]
	ldr x20, [x21, x22, sxtx #3]
	ldr xzr, [x23, xzr]
	.inst 0x38606820
	.inst 0x38607820
	.inst 0xf8607820
	.inst 0xb8606820
	.inst 0x38604820
	.inst 0xf8602820

// ---- load literal, prefetch ----
	ldr w0, .
	ldr x1, .+8
	ldr x2, .-8
	ldr w3, .+0xffffc
	ldr xzr, .-0x100000
	ldrsw x4, .+4
	ldrsw xzr, .
	prfm pldl1keep, [x0]
	prfm pldl1keep, [sp, #0]
	prfm pldl1strm, [x1]
	prfm pldl1strm, [sp, #8]
	prfm pldl2keep, [x2]
	prfm pldl2keep, [sp, #16]
	prfm pldl2strm, [x3]
	prfm pldl2strm, [sp, #24]
	prfm pldl3keep, [x4]
	prfm pldl3keep, [sp, #32]
	prfm pldl3strm, [x5]
	prfm pldl3strm, [sp, #40]
	prfm plil1keep, [x6]
	prfm plil1keep, [sp, #48]
	prfm plil1strm, [x7]
	prfm plil1strm, [sp, #56]
	prfm plil2keep, [x8]
	prfm plil2keep, [sp, #64]
	prfm plil2strm, [x9]
	prfm plil2strm, [sp, #72]
	prfm plil3keep, [x10]
	prfm plil3keep, [sp, #80]
	prfm plil3strm, [x11]
	prfm plil3strm, [sp, #88]
	prfm pstl1keep, [x12]
	prfm pstl1keep, [sp, #96]
	prfm pstl1strm, [x13]
	prfm pstl1strm, [sp, #104]
	prfm pstl2keep, [x14]
	prfm pstl2keep, [sp, #112]
	prfm pstl2strm, [x15]
	prfm pstl2strm, [sp, #120]
	prfm pstl3keep, [x16]
	prfm pstl3keep, [sp, #128]
	prfm pstl3strm, [x17]
	prfm pstl3strm, [sp, #136]
	prfm pldl1keep, .
	prfm plil3strm, .+16
	prfm #6, [x0]
	prfm #7, [x1, #8]
	prfm #0x1f, [x2]
	prfm #0x18, .+4
	prfm pldl1keep, [x0, x1]
	prfm pstl2strm, [x2, w3, uxtw #3]
	prfm plil1keep, [x4, x5, lsl #3]
	prfm #0x1e, [x6, w7, sxtw]
	prfm pldl2keep, [x8, #32760]
	prfum pldl1keep, [x0]
	prfum pstl3strm, [sp, #-256]
	prfum #0x1f, [x1, #255]
	prfum plil2keep, [x2, #1]

// ---- load/store pair ----
	stp w0, w1, [x2]
	stp w3, w4, [sp, #252]
	stp w5, w6, [x7, #-256]
	stp w8, w9, [x10, #4]!
	stp w11, w12, [sp, #-256]!
	stp w13, w14, [x15], #252
	stp w16, w17, [sp], #-4
	stp wzr, wzr, [x18]
	stp w29, w30, [sp, #-8]!
	ldp w0, w1, [x2]
	ldp w3, w4, [sp, #252]
	ldp w5, w6, [x7, #-256]
	ldp w8, w9, [x10, #4]!
	ldp w11, w12, [sp, #-256]!
	ldp w13, w14, [x15], #252
	ldp w16, w17, [sp], #-4
	ldp wzr, wzr, [x18]
	ldp w29, w30, [sp, #-8]!
	stp x0, x1, [x2]
	stp x3, x4, [sp, #504]
	stp x5, x6, [x7, #-512]
	stp x8, x9, [x10, #8]!
	stp x11, x12, [sp, #-512]!
	stp x13, x14, [x15], #504
	stp x16, x17, [sp], #-8
	stp xzr, xzr, [x18]
	stp x29, x30, [sp, #-16]!
	ldp x0, x1, [x2]
	ldp x3, x4, [sp, #504]
	ldp x5, x6, [x7, #-512]
	ldp x8, x9, [x10, #8]!
	ldp x11, x12, [sp, #-512]!
	ldp x13, x14, [x15], #504
	ldp x16, x17, [sp], #-8
	ldp xzr, xzr, [x18]
	ldp x29, x30, [sp, #-16]!
	ldpsw x0, x1, [x2]
	ldpsw x3, x4, [sp, #252]
	ldpsw x5, x6, [x7, #-256]
	ldpsw x8, x9, [x10, #4]!
	ldpsw x11, x12, [sp, #-256]!
	ldpsw x13, x14, [x15], #252
	ldpsw x16, x17, [sp], #-4
	ldpsw x18, x19, [x20]
	ldpsw x29, x30, [sp, #-8]!
	stnp w0, w1, [x2]
	stnp w3, w4, [sp, #252]
	stnp w5, w6, [x7, #-256]
	stnp wzr, w30, [x8, #4]
	ldnp w0, w1, [x2]
	ldnp w3, w4, [sp, #252]
	ldnp w5, w6, [x7, #-256]
	ldnp wzr, w30, [x8, #4]
	stnp x0, x1, [x2]
	stnp x3, x4, [sp, #504]
	stnp x5, x6, [x7, #-512]
	stnp xzr, x30, [x8, #8]
	ldnp x0, x1, [x2]
	ldnp x3, x4, [sp, #504]
	ldnp x5, x6, [x7, #-512]
	ldnp xzr, x30, [x8, #8]
	ldp x0, x0, [x1]
	ldp w2, w2, [x3, #8]
	.inst 0x29c00c20
	.inst 0xa8c10c20
	.inst 0x69400c20
	.inst 0xe9400c20
	.inst 0x68c00c20
	.inst 0x28c08441

// ---- exclusives and acquire/release (C4.1.94) ----
	ldxrb w0, [x1]
	ldaxrb w2, [sp]
	stxrb w3, w4, [x5]
	stlxrb w6, w7, [sp]
	ldarb w8, [x9]
	stlrb w10, [sp]
	ldlarb w11, [x12]
	stllrb w13, [x14]
	ldaprb w15, [x16]
	ldxrb wzr, [x17, #0]
	stxrb wzr, wzr, [x18]
	ldxrh w0, [x1]
	ldaxrh w2, [sp]
	stxrh w3, w4, [x5]
	stlxrh w6, w7, [sp]
	ldarh w8, [x9]
	stlrh w10, [sp]
	ldlarh w11, [x12]
	stllrh w13, [x14]
	ldaprh w15, [x16]
	ldxrh wzr, [x17, #0]
	stxrh wzr, wzr, [x18]
	ldxr w0, [x1]
	ldaxr w2, [sp]
	stxr w3, w4, [x5]
	stlxr w6, w7, [sp]
	ldar w8, [x9]
	stlr w10, [sp]
	ldlar w11, [x12]
	stllr w13, [x14]
	ldapr w15, [x16]
	ldxr wzr, [x17, #0]
	stxr wzr, wzr, [x18]
	ldxr x0, [x1]
	ldaxr x2, [sp]
	stxr w3, x4, [x5]
	stlxr w6, x7, [sp]
	ldar x8, [x9]
	stlr x10, [sp]
	ldlar x11, [x12]
	stllr x13, [x14]
	ldapr x15, [x16]
	ldxr xzr, [x17, #0]
	stxr wzr, xzr, [x18]
	ldxp w0, w1, [x2]
	ldaxp w3, w4, [sp]
	stxp w5, w6, w7, [x8]
	stlxp w9, w10, w11, [sp]
	ldxp x0, x1, [x2]
	ldaxp x3, x4, [sp]
	stxp w5, x6, x7, [x8]
	stlxp w9, x10, x11, [sp]

// ---- rcpc2 ldapur/stlur (v8.4) ----
	stlurb w0, [x1]
	stlurb w2, [sp, #-256]
	stlurb w3, [x4, #255]
	ldapurb w0, [x1]
	ldapurb w2, [sp, #-256]
	ldapurb w3, [x4, #255]
	ldapursb w0, [x1]
	ldapursb w2, [sp, #-256]
	ldapursb w3, [x4, #255]
	ldapursb x0, [x1]
	ldapursb x2, [sp, #-256]
	ldapursb x3, [x4, #255]
	stlurh w0, [x1]
	stlurh w2, [sp, #-256]
	stlurh w3, [x4, #255]
	ldapurh w0, [x1]
	ldapurh w2, [sp, #-256]
	ldapurh w3, [x4, #255]
	ldapursh w0, [x1]
	ldapursh w2, [sp, #-256]
	ldapursh w3, [x4, #255]
	ldapursh x0, [x1]
	ldapursh x2, [sp, #-256]
	ldapursh x3, [x4, #255]
	stlur w0, [x1]
	stlur w2, [sp, #-256]
	stlur w3, [x4, #255]
	ldapur w0, [x1]
	ldapur w2, [sp, #-256]
	ldapur w3, [x4, #255]
	ldapursw x0, [x1]
	ldapursw x2, [sp, #-256]
	ldapursw x3, [x4, #255]
	stlur x0, [x1]
	stlur x2, [sp, #-256]
	stlur x3, [x4, #255]
	ldapur x0, [x1]
	ldapur x2, [sp, #-256]
	ldapur x3, [x4, #255]

// ---- exclusive edge encodings (Rs/Rt2 fields not all ones, L/o0 combos) ----
	.inst 0x085f7c20
	.inst 0x08407c20
	.inst 0xc8dffc20
	.inst 0x889f7c20
	.inst 0x08df7c20
	.inst 0x089ffc20
	.inst 0xc85f0420
	.inst 0x88200820
	.inst 0xc8607c20

// ---- LSE compare and swap (C6.2 CAS*) ----
	casb w0, w1, [x2]
	casb w3, w4, [sp]
	casab w0, w1, [x2]
	casab w3, w4, [sp]
	caslb w0, w1, [x2]
	caslb w3, w4, [sp]
	casalb w0, w1, [x2]
	casalb w3, w4, [sp]
	casb wzr, wzr, [x5]
	cash w0, w1, [x2]
	cash w3, w4, [sp]
	casah w0, w1, [x2]
	casah w3, w4, [sp]
	caslh w0, w1, [x2]
	caslh w3, w4, [sp]
	casalh w0, w1, [x2]
	casalh w3, w4, [sp]
	cash wzr, wzr, [x5]
	cas w0, w1, [x2]
	cas w3, w4, [sp]
	casa w0, w1, [x2]
	casa w3, w4, [sp]
	casl w0, w1, [x2]
	casl w3, w4, [sp]
	casal w0, w1, [x2]
	casal w3, w4, [sp]
	cas wzr, wzr, [x5]
	cas x0, x1, [x2]
	cas x3, x4, [sp]
	casa x0, x1, [x2]
	casa x3, x4, [sp]
	casl x0, x1, [x2]
	casl x3, x4, [sp]
	casal x0, x1, [x2]
	casal x3, x4, [sp]
	cas xzr, xzr, [x5]
	casp w0, w1, w2, w3, [x4]
	casp w4, w5, w6, w7, [sp]
	caspa w0, w1, w2, w3, [x4]
	caspa w4, w5, w6, w7, [sp]
	caspl w0, w1, w2, w3, [x4]
	caspl w4, w5, w6, w7, [sp]
	caspal w0, w1, w2, w3, [x4]
	caspal w4, w5, w6, w7, [sp]
	casp x0, x1, x2, x3, [x4]
	casp x4, x5, x6, x7, [sp]
	caspa x0, x1, x2, x3, [x4]
	caspa x4, x5, x6, x7, [sp]
	caspl x0, x1, x2, x3, [x4]
	caspl x4, x5, x6, x7, [sp]
	caspal x0, x1, x2, x3, [x4]
	caspal x4, x5, x6, x7, [sp]
	.inst 0x08207c41
	.inst 0x48207c41
	.inst 0x48217c40

// ---- LSE swap and atomic memory operations ----
	swpb w0, w1, [x2]
	swpab w0, w1, [x2]
	swplb w0, w1, [x2]
	swpalb w0, w1, [x2]
	swpb wzr, wzr, [sp]
	swph w0, w1, [x2]
	swpah w0, w1, [x2]
	swplh w0, w1, [x2]
	swpalh w0, w1, [x2]
	swph wzr, wzr, [sp]
	swp w0, w1, [x2]
	swpa w0, w1, [x2]
	swpl w0, w1, [x2]
	swpal w0, w1, [x2]
	swp wzr, wzr, [sp]
	swp x0, x1, [x2]
	swpa x0, x1, [x2]
	swpl x0, x1, [x2]
	swpal x0, x1, [x2]
	swp xzr, xzr, [sp]
	ldaddb w0, w1, [x2]
	ldaddab w0, w1, [x2]
	ldaddlb w0, w1, [x2]
	ldaddalb w0, w1, [x2]
	staddb w3, [sp]
	staddlb w4, [x5]
	ldaddab w6, wzr, [x7]
	ldaddb wzr, wzr, [x8]
	ldaddh w0, w1, [x2]
	ldaddah w0, w1, [x2]
	ldaddlh w0, w1, [x2]
	ldaddalh w0, w1, [x2]
	staddh w3, [sp]
	staddlh w4, [x5]
	ldaddah w6, wzr, [x7]
	ldaddh wzr, wzr, [x8]
	ldadd w0, w1, [x2]
	ldadda w0, w1, [x2]
	ldaddl w0, w1, [x2]
	ldaddal w0, w1, [x2]
	stadd w3, [sp]
	staddl w4, [x5]
	ldadda w6, wzr, [x7]
	ldadd wzr, wzr, [x8]
	ldadd x0, x1, [x2]
	ldadda x0, x1, [x2]
	ldaddl x0, x1, [x2]
	ldaddal x0, x1, [x2]
	stadd x3, [sp]
	staddl x4, [x5]
	ldadda x6, xzr, [x7]
	ldadd xzr, xzr, [x8]
	ldclrb w0, w1, [x2]
	ldclrab w0, w1, [x2]
	ldclrlb w0, w1, [x2]
	ldclralb w0, w1, [x2]
	stclrb w3, [sp]
	stclrlb w4, [x5]
	ldclrab w6, wzr, [x7]
	ldclrb wzr, wzr, [x8]
	ldclrh w0, w1, [x2]
	ldclrah w0, w1, [x2]
	ldclrlh w0, w1, [x2]
	ldclralh w0, w1, [x2]
	stclrh w3, [sp]
	stclrlh w4, [x5]
	ldclrah w6, wzr, [x7]
	ldclrh wzr, wzr, [x8]
	ldclr w0, w1, [x2]
	ldclra w0, w1, [x2]
	ldclrl w0, w1, [x2]
	ldclral w0, w1, [x2]
	stclr w3, [sp]
	stclrl w4, [x5]
	ldclra w6, wzr, [x7]
	ldclr wzr, wzr, [x8]
	ldclr x0, x1, [x2]
	ldclra x0, x1, [x2]
	ldclrl x0, x1, [x2]
	ldclral x0, x1, [x2]
	stclr x3, [sp]
	stclrl x4, [x5]
	ldclra x6, xzr, [x7]
	ldclr xzr, xzr, [x8]
	ldeorb w0, w1, [x2]
	ldeorab w0, w1, [x2]
	ldeorlb w0, w1, [x2]
	ldeoralb w0, w1, [x2]
	steorb w3, [sp]
	steorlb w4, [x5]
	ldeorab w6, wzr, [x7]
	ldeorb wzr, wzr, [x8]
	ldeorh w0, w1, [x2]
	ldeorah w0, w1, [x2]
	ldeorlh w0, w1, [x2]
	ldeoralh w0, w1, [x2]
	steorh w3, [sp]
	steorlh w4, [x5]
	ldeorah w6, wzr, [x7]
	ldeorh wzr, wzr, [x8]
	ldeor w0, w1, [x2]
	ldeora w0, w1, [x2]
	ldeorl w0, w1, [x2]
	ldeoral w0, w1, [x2]
	steor w3, [sp]
	steorl w4, [x5]
	ldeora w6, wzr, [x7]
	ldeor wzr, wzr, [x8]
	ldeor x0, x1, [x2]
	ldeora x0, x1, [x2]
	ldeorl x0, x1, [x2]
	ldeoral x0, x1, [x2]
	steor x3, [sp]
	steorl x4, [x5]
	ldeora x6, xzr, [x7]
	ldeor xzr, xzr, [x8]
	ldsetb w0, w1, [x2]
	ldsetab w0, w1, [x2]
	ldsetlb w0, w1, [x2]
	ldsetalb w0, w1, [x2]
	stsetb w3, [sp]
	stsetlb w4, [x5]
	ldsetab w6, wzr, [x7]
	ldsetb wzr, wzr, [x8]
	ldseth w0, w1, [x2]
	ldsetah w0, w1, [x2]
	ldsetlh w0, w1, [x2]
	ldsetalh w0, w1, [x2]
	stseth w3, [sp]
	stsetlh w4, [x5]
	ldsetah w6, wzr, [x7]
	ldseth wzr, wzr, [x8]
	ldset w0, w1, [x2]
	ldseta w0, w1, [x2]
	ldsetl w0, w1, [x2]
	ldsetal w0, w1, [x2]
	stset w3, [sp]
	stsetl w4, [x5]
	ldseta w6, wzr, [x7]
	ldset wzr, wzr, [x8]
	ldset x0, x1, [x2]
	ldseta x0, x1, [x2]
	ldsetl x0, x1, [x2]
	ldsetal x0, x1, [x2]
	stset x3, [sp]
	stsetl x4, [x5]
	ldseta x6, xzr, [x7]
	ldset xzr, xzr, [x8]
	ldsmaxb w0, w1, [x2]
	ldsmaxab w0, w1, [x2]
	ldsmaxlb w0, w1, [x2]
	ldsmaxalb w0, w1, [x2]
	stsmaxb w3, [sp]
	stsmaxlb w4, [x5]
	ldsmaxab w6, wzr, [x7]
	ldsmaxb wzr, wzr, [x8]
	ldsmaxh w0, w1, [x2]
	ldsmaxah w0, w1, [x2]
	ldsmaxlh w0, w1, [x2]
	ldsmaxalh w0, w1, [x2]
	stsmaxh w3, [sp]
	stsmaxlh w4, [x5]
	ldsmaxah w6, wzr, [x7]
	ldsmaxh wzr, wzr, [x8]
	ldsmax w0, w1, [x2]
	ldsmaxa w0, w1, [x2]
	ldsmaxl w0, w1, [x2]
	ldsmaxal w0, w1, [x2]
	stsmax w3, [sp]
	stsmaxl w4, [x5]
	ldsmaxa w6, wzr, [x7]
	ldsmax wzr, wzr, [x8]
	ldsmax x0, x1, [x2]
	ldsmaxa x0, x1, [x2]
	ldsmaxl x0, x1, [x2]
	ldsmaxal x0, x1, [x2]
	stsmax x3, [sp]
	stsmaxl x4, [x5]
	ldsmaxa x6, xzr, [x7]
	ldsmax xzr, xzr, [x8]
	ldsminb w0, w1, [x2]
	ldsminab w0, w1, [x2]
	ldsminlb w0, w1, [x2]
	ldsminalb w0, w1, [x2]
	stsminb w3, [sp]
	stsminlb w4, [x5]
	ldsminab w6, wzr, [x7]
	ldsminb wzr, wzr, [x8]
	ldsminh w0, w1, [x2]
	ldsminah w0, w1, [x2]
	ldsminlh w0, w1, [x2]
	ldsminalh w0, w1, [x2]
	stsminh w3, [sp]
	stsminlh w4, [x5]
	ldsminah w6, wzr, [x7]
	ldsminh wzr, wzr, [x8]
	ldsmin w0, w1, [x2]
	ldsmina w0, w1, [x2]
	ldsminl w0, w1, [x2]
	ldsminal w0, w1, [x2]
	stsmin w3, [sp]
	stsminl w4, [x5]
	ldsmina w6, wzr, [x7]
	ldsmin wzr, wzr, [x8]
	ldsmin x0, x1, [x2]
	ldsmina x0, x1, [x2]
	ldsminl x0, x1, [x2]
	ldsminal x0, x1, [x2]
	stsmin x3, [sp]
	stsminl x4, [x5]
	ldsmina x6, xzr, [x7]
	ldsmin xzr, xzr, [x8]
	ldumaxb w0, w1, [x2]
	ldumaxab w0, w1, [x2]
	ldumaxlb w0, w1, [x2]
	ldumaxalb w0, w1, [x2]
	stumaxb w3, [sp]
	stumaxlb w4, [x5]
	ldumaxab w6, wzr, [x7]
	ldumaxb wzr, wzr, [x8]
	ldumaxh w0, w1, [x2]
	ldumaxah w0, w1, [x2]
	ldumaxlh w0, w1, [x2]
	ldumaxalh w0, w1, [x2]
	stumaxh w3, [sp]
	stumaxlh w4, [x5]
	ldumaxah w6, wzr, [x7]
	ldumaxh wzr, wzr, [x8]
	ldumax w0, w1, [x2]
	ldumaxa w0, w1, [x2]
	ldumaxl w0, w1, [x2]
	ldumaxal w0, w1, [x2]
	stumax w3, [sp]
	stumaxl w4, [x5]
	ldumaxa w6, wzr, [x7]
	ldumax wzr, wzr, [x8]
	ldumax x0, x1, [x2]
	ldumaxa x0, x1, [x2]
	ldumaxl x0, x1, [x2]
	ldumaxal x0, x1, [x2]
	stumax x3, [sp]
	stumaxl x4, [x5]
	ldumaxa x6, xzr, [x7]
	ldumax xzr, xzr, [x8]
	lduminb w0, w1, [x2]
	lduminab w0, w1, [x2]
	lduminlb w0, w1, [x2]
	lduminalb w0, w1, [x2]
	stuminb w3, [sp]
	stuminlb w4, [x5]
	lduminab w6, wzr, [x7]
	lduminb wzr, wzr, [x8]
	lduminh w0, w1, [x2]
	lduminah w0, w1, [x2]
	lduminlh w0, w1, [x2]
	lduminalh w0, w1, [x2]
	stuminh w3, [sp]
	stuminlh w4, [x5]
	lduminah w6, wzr, [x7]
	lduminh wzr, wzr, [x8]
	ldumin w0, w1, [x2]
	ldumina w0, w1, [x2]
	lduminl w0, w1, [x2]
	lduminal w0, w1, [x2]
	stumin w3, [sp]
	stuminl w4, [x5]
	ldumina w6, wzr, [x7]
	ldumin wzr, wzr, [x8]
	ldumin x0, x1, [x2]
	ldumina x0, x1, [x2]
	lduminl x0, x1, [x2]
	lduminal x0, x1, [x2]
	stumin x3, [sp]
	stuminl x4, [x5]
	ldumina x6, xzr, [x7]
	ldumin xzr, xzr, [x8]

// ---- pointer authentication loads (v8.3) ----
	ldraa x0, [x1]
	ldraa x2, [sp, #8]
	ldraa x3, [x4, #-4096]
	ldraa x5, [x6, #4088]
	ldraa x7, [x8, #16]!
	ldraa x9, [sp, #-8]!
	ldrab x10, [x11]
	ldrab x12, [x13, #-8]
	ldrab x14, [x15, #4088]!
	ldrab xzr, [sp]

// ---- add/sub shifted register (C4.1.95) ----
	add x0, x1, x2
	add w3, w4, w5
	add x6, x7, x8, lsl #1
	add x9, x10, x11, lsr #63
	add w12, w13, w14, asr #31
	add x15, x16, x17, asr #0
	add x18, xzr, x19
	add w20, w21, wzr, lsl #5
	add x22, x23, x24, lsl #0
	adds x0, x1, x2
	adds w3, w4, w5
	adds x6, x7, x8, lsl #1
	adds x9, x10, x11, lsr #63
	adds w12, w13, w14, asr #31
	adds x15, x16, x17, asr #0
	adds x18, xzr, x19
	adds w20, w21, wzr, lsl #5
	adds x22, x23, x24, lsl #0
	sub x0, x1, x2
	sub w3, w4, w5
	sub x6, x7, x8, lsl #1
	sub x9, x10, x11, lsr #63
	sub w12, w13, w14, asr #31
	sub x15, x16, x17, asr #0
	sub x18, xzr, x19
	sub w20, w21, wzr, lsl #5
	sub x22, x23, x24, lsl #0
	subs x0, x1, x2
	subs w3, w4, w5
	subs x6, x7, x8, lsl #1
	subs x9, x10, x11, lsr #63
	subs w12, w13, w14, asr #31
	subs x15, x16, x17, asr #0
	subs x18, xzr, x19
	subs w20, w21, wzr, lsl #5
	subs x22, x23, x24, lsl #0
	neg x0, x1
	neg w2, w3, lsl #2
	neg x4, x5, asr #63
	negs x6, x7
	negs w8, w9, lsr #1
	cmp x10, x11
	cmp w12, w13, lsl #3
	cmn x14, x15, asr #7
	cmn w16, w17
	sub x18, xzr, x19
	subs xzr, xzr, x20
	adds xzr, x0, x1, lsl #2
	neg xzr, x0
	negs wzr, w1
	.inst 0x8b400000
	.inst 0x0b028020
	.inst 0x8bc20020

// ---- add/sub extended register ----
	add x0, x1, w2, uxtb
	add x3, x4, w5, uxth #1
	add x6, x7, w8, uxtw #2
	add x9, x10, x11, uxtx #3
	add x12, x13, w14, sxtb #4
	add x15, x16, w17, sxth
	add x18, x19, w20, sxtw #1
	add x21, x22, x23, sxtx #2
	add w0, w1, w2, uxtb
	add w3, w4, w5, uxth #4
	add w6, w7, w8, uxtw
	add w9, w10, w11, sxtb #1
	add x24, sp, x25
	add x26, sp, x27, lsl #3
	add w28, wsp, w29
	add w0, wsp, w1, lsl #2
	add x2, sp, w3, uxtw
	add sp, x1, x2, uxtx #1
	add sp, sp, x3
	add wsp, w4, w5, uxtw
	add sp, x6, w7, sxtw
	add x8, x9, x10, uxtx
	adds x0, x1, w2, uxtb
	adds x3, x4, w5, uxth #1
	adds x6, x7, w8, uxtw #2
	adds x9, x10, x11, uxtx #3
	adds x12, x13, w14, sxtb #4
	adds x15, x16, w17, sxth
	adds x18, x19, w20, sxtw #1
	adds x21, x22, x23, sxtx #2
	adds w0, w1, w2, uxtb
	adds w3, w4, w5, uxth #4
	adds w6, w7, w8, uxtw
	adds w9, w10, w11, sxtb #1
	adds x24, sp, x25
	adds x26, sp, x27, lsl #3
	adds w28, wsp, w29
	adds w0, wsp, w1, lsl #2
	adds x2, sp, w3, uxtw
	sub x0, x1, w2, uxtb
	sub x3, x4, w5, uxth #1
	sub x6, x7, w8, uxtw #2
	sub x9, x10, x11, uxtx #3
	sub x12, x13, w14, sxtb #4
	sub x15, x16, w17, sxth
	sub x18, x19, w20, sxtw #1
	sub x21, x22, x23, sxtx #2
	sub w0, w1, w2, uxtb
	sub w3, w4, w5, uxth #4
	sub w6, w7, w8, uxtw
	sub w9, w10, w11, sxtb #1
	sub x24, sp, x25
	sub x26, sp, x27, lsl #3
	sub w28, wsp, w29
	sub w0, wsp, w1, lsl #2
	sub x2, sp, w3, uxtw
	sub sp, x1, x2, uxtx #1
	sub sp, sp, x3
	sub wsp, w4, w5, uxtw
	sub sp, x6, w7, sxtw
	sub x8, x9, x10, uxtx
	subs x0, x1, w2, uxtb
	subs x3, x4, w5, uxth #1
	subs x6, x7, w8, uxtw #2
	subs x9, x10, x11, uxtx #3
	subs x12, x13, w14, sxtb #4
	subs x15, x16, w17, sxth
	subs x18, x19, w20, sxtw #1
	subs x21, x22, x23, sxtx #2
	subs w0, w1, w2, uxtb
	subs w3, w4, w5, uxth #4
	subs w6, w7, w8, uxtw
	subs w9, w10, w11, sxtb #1
	subs x24, sp, x25
	subs x26, sp, x27, lsl #3
	subs w28, wsp, w29
	subs w0, wsp, w1, lsl #2
	subs x2, sp, w3, uxtw
	cmp sp, x0
	cmp x1, w2, uxtb
	cmp sp, w3, uxtw #2
	cmp wsp, w4
	cmn sp, x5, lsl #4
	cmn w6, w7, sxth
	cmn x8, x9, sxtx
	cmp x10, x11, uxtx
	add x12, sp, xzr
	sub sp, sp, xzr, lsl #1

// ---- add/sub with carry, flag manipulation ----
	adc x0, x1, x2
	adc w3, w4, w5
	adcs x6, x7, x8
	adcs w9, w10, w11
	sbc x12, x13, x14
	sbc w15, w16, w17
	sbcs x18, x19, x20
	sbcs w21, w22, w23
	ngc x24, x25
	ngc w26, w27
	ngcs x28, x29
	ngcs w30, w0
	sbc x0, xzr, xzr
	adc xzr, xzr, xzr

// ---- logical shifted register ----
	and x0, x1, x2
	and w3, w4, w5
	and x6, x7, x8, lsl #1
	and x9, x10, x11, lsr #63
	and w12, w13, w14, asr #31
	and x15, x16, x17, ror #7
	and w18, w19, w20, ror #31
	and x21, xzr, x22
	and xzr, x23, x24
	bic x0, x1, x2
	bic w3, w4, w5
	bic x6, x7, x8, lsl #1
	bic x9, x10, x11, lsr #63
	bic w12, w13, w14, asr #31
	bic x15, x16, x17, ror #7
	bic w18, w19, w20, ror #31
	bic x21, xzr, x22
	bic xzr, x23, x24
	orr x0, x1, x2
	orr w3, w4, w5
	orr x6, x7, x8, lsl #1
	orr x9, x10, x11, lsr #63
	orr w12, w13, w14, asr #31
	orr x15, x16, x17, ror #7
	orr w18, w19, w20, ror #31
	orr x21, xzr, x22
	orr xzr, x23, x24
	orn x0, x1, x2
	orn w3, w4, w5
	orn x6, x7, x8, lsl #1
	orn x9, x10, x11, lsr #63
	orn w12, w13, w14, asr #31
	orn x15, x16, x17, ror #7
	orn w18, w19, w20, ror #31
	orn x21, xzr, x22
	orn xzr, x23, x24
	eor x0, x1, x2
	eor w3, w4, w5
	eor x6, x7, x8, lsl #1
	eor x9, x10, x11, lsr #63
	eor w12, w13, w14, asr #31
	eor x15, x16, x17, ror #7
	eor w18, w19, w20, ror #31
	eor x21, xzr, x22
	eor xzr, x23, x24
	eon x0, x1, x2
	eon w3, w4, w5
	eon x6, x7, x8, lsl #1
	eon x9, x10, x11, lsr #63
	eon w12, w13, w14, asr #31
	eon x15, x16, x17, ror #7
	eon w18, w19, w20, ror #31
	eon x21, xzr, x22
	eon xzr, x23, x24
	ands x0, x1, x2
	ands w3, w4, w5
	ands x6, x7, x8, lsl #1
	ands x9, x10, x11, lsr #63
	ands w12, w13, w14, asr #31
	ands x15, x16, x17, ror #7
	ands w18, w19, w20, ror #31
	ands x21, xzr, x22
	ands xzr, x23, x24
	bics x0, x1, x2
	bics w3, w4, w5
	bics x6, x7, x8, lsl #1
	bics x9, x10, x11, lsr #63
	bics w12, w13, w14, asr #31
	bics x15, x16, x17, ror #7
	bics w18, w19, w20, ror #31
	bics x21, xzr, x22
	bics xzr, x23, x24
	mov x0, x1
	mov w2, w3
	mov xzr, x4
	mov x5, xzr
	orr x6, xzr, x7, lsl #1
	orr w8, wzr, w9, ror #2
	mvn x10, x11
	mvn w12, w13, lsl #3
	mvn x14, x15, ror #63
	orn x16, xzr, x17
	tst x18, x19
	tst w20, w21, asr #4
	tst x22, x23, ror #1
	mov x24, x24
	mov w25, wzr
	mov x29, sp
	mov x30, x29
	.inst 0x0a008020
	.inst 0x8a020020
	.inst 0xaa0003e0

// ---- conditional compare ----
	ccmp x0, x1, #0, eq
	ccmn w0, #15, #15, eq
	ccmp x1, x2, #1, ne
	ccmn w1, #16, #14, ne
	ccmp x2, x3, #2, cs
	ccmn w2, #17, #13, cs
	ccmp x3, x4, #3, cc
	ccmn w3, #18, #12, cc
	ccmp x4, x5, #4, mi
	ccmn w4, #19, #11, mi
	ccmp x5, x6, #5, pl
	ccmn w5, #20, #10, pl
	ccmp x6, x7, #6, vs
	ccmn w6, #21, #9, vs
	ccmp x7, x8, #7, vc
	ccmn w7, #22, #8, vc
	ccmp x8, x9, #8, hi
	ccmn w8, #23, #7, hi
	ccmp x9, x10, #9, ls
	ccmn w9, #24, #6, ls
	ccmp x10, x11, #10, ge
	ccmn w10, #25, #5, ge
	ccmp x11, x12, #11, lt
	ccmn w11, #26, #4, lt
	ccmp x12, x13, #12, gt
	ccmn w12, #27, #3, gt
	ccmp x13, x14, #13, le
	ccmn w13, #28, #2, le
	ccmp x14, x15, #14, al
	ccmn w14, #29, #1, al
	ccmp x15, x16, #15, nv
	ccmn w15, #30, #0, nv
	ccmp w0, #31, #15, eq
	ccmn x1, x2, #0, ne
	ccmp xzr, xzr, #3, hi
	ccmn wzr, #0, #0, lt
	.inst 0x7a400c20
	.inst 0x7a400810
	.inst 0xfa400c30

// ---- conditional select and aliases ----
	csel x0, x1, x2, eq
	csinc w0, w1, w2, eq
	csinv x0, x3, x4, eq
	csneg w0, w5, w6, eq
	csel x1, x2, x3, ne
	csinc w1, w2, w3, ne
	csinv x1, x4, x5, ne
	csneg w1, w6, w7, ne
	csel x2, x3, x4, cs
	csinc w2, w3, w4, cs
	csinv x2, x5, x6, cs
	csneg w2, w7, w8, cs
	csel x3, x4, x5, cc
	csinc w3, w4, w5, cc
	csinv x3, x6, x7, cc
	csneg w3, w8, w9, cc
	csel x4, x5, x6, mi
	csinc w4, w5, w6, mi
	csinv x4, x7, x8, mi
	csneg w4, w9, w10, mi
	csel x5, x6, x7, pl
	csinc w5, w6, w7, pl
	csinv x5, x8, x9, pl
	csneg w5, w10, w11, pl
	csel x6, x7, x8, vs
	csinc w6, w7, w8, vs
	csinv x6, x9, x10, vs
	csneg w6, w11, w12, vs
	csel x7, x8, x9, vc
	csinc w7, w8, w9, vc
	csinv x7, x10, x11, vc
	csneg w7, w12, w13, vc
	csel x8, x9, x10, hi
	csinc w8, w9, w10, hi
	csinv x8, x11, x12, hi
	csneg w8, w13, w14, hi
	csel x9, x10, x11, ls
	csinc w9, w10, w11, ls
	csinv x9, x12, x13, ls
	csneg w9, w14, w15, ls
	csel x10, x11, x12, ge
	csinc w10, w11, w12, ge
	csinv x10, x13, x14, ge
	csneg w10, w15, w16, ge
	csel x11, x12, x13, lt
	csinc w11, w12, w13, lt
	csinv x11, x14, x15, lt
	csneg w11, w16, w17, lt
	csel x12, x13, x14, gt
	csinc w12, w13, w14, gt
	csinv x12, x15, x16, gt
	csneg w12, w17, w18, gt
	csel x13, x14, x15, le
	csinc w13, w14, w15, le
	csinv x13, x16, x17, le
	csneg w13, w18, w19, le
	csel x14, x15, x16, al
	csinc w14, w15, w16, al
	csinv x14, x17, x18, al
	csneg w14, w19, w20, al
	csel x15, x16, x17, nv
	csinc w15, w16, w17, nv
	csinv x15, x18, x19, nv
	csneg w15, w20, w21, nv
	cset w0, eq
	csetm x1, eq
	cinc x2, x3, eq
	cinv w4, w5, eq
	cneg x6, x7, eq
	cset w0, ne
	csetm x1, ne
	cinc x2, x3, ne
	cinv w4, w5, ne
	cneg x6, x7, ne
	cset w0, cs
	csetm x1, cs
	cinc x2, x3, cs
	cinv w4, w5, cs
	cneg x6, x7, cs
	cset w0, cc
	csetm x1, cc
	cinc x2, x3, cc
	cinv w4, w5, cc
	cneg x6, x7, cc
	cset w0, mi
	csetm x1, mi
	cinc x2, x3, mi
	cinv w4, w5, mi
	cneg x6, x7, mi
	cset w0, pl
	csetm x1, pl
	cinc x2, x3, pl
	cinv w4, w5, pl
	cneg x6, x7, pl
	cset w0, vs
	csetm x1, vs
	cinc x2, x3, vs
	cinv w4, w5, vs
	cneg x6, x7, vs
	cset w0, vc
	csetm x1, vc
	cinc x2, x3, vc
	cinv w4, w5, vc
	cneg x6, x7, vc
	cset w0, hi
	csetm x1, hi
	cinc x2, x3, hi
	cinv w4, w5, hi
	cneg x6, x7, hi
	cset w0, ls
	csetm x1, ls
	cinc x2, x3, ls
	cinv w4, w5, ls
	cneg x6, x7, ls
	cset w0, ge
	csetm x1, ge
	cinc x2, x3, ge
	cinv w4, w5, ge
	cneg x6, x7, ge
	cset w0, lt
	csetm x1, lt
	cinc x2, x3, lt
	cinv w4, w5, lt
	cneg x6, x7, lt
	cset w0, gt
	csetm x1, gt
	cinc x2, x3, gt
	cinv w4, w5, gt
	cneg x6, x7, gt
	cset w0, le
	csetm x1, le
	cinc x2, x3, le
	cinv w4, w5, le
	cneg x6, x7, le
	csinc x0, xzr, xzr, al
	csinc w1, wzr, wzr, nv
	csinv x2, xzr, xzr, nv
	csinc x3, x4, x4, nv
	csinv w5, w6, w6, al
	csneg x7, x8, x8, al
	csinc x9, x10, x11, eq
	csinc x12, x13, x13, eq
	csinc x14, xzr, x15, ne
	csinv x16, xzr, xzr, eq
	csneg w17, w18, w18, nv
	csel xzr, xzr, xzr, eq

// ---- data processing 1 source ----
	rbit x0, x1
	rbit w2, w3
	rev16 x4, x5
	rev16 w6, w7
	rev32 x8, x9
	rev x10, x11
	rev w12, w13
	clz x14, x15
	clz w16, w17
	cls x18, x19
	cls w20, w21
	rev xzr, xzr
	clz wzr, w0
	pacia x0, x1
	pacia x2, sp
	pacia xzr, x3
	pacib x0, x1
	pacib x2, sp
	pacib xzr, x3
	pacda x0, x1
	pacda x2, sp
	pacda xzr, x3
	pacdb x0, x1
	pacdb x2, sp
	pacdb xzr, x3
	autia x0, x1
	autia x2, sp
	autia xzr, x3
	autib x0, x1
	autib x2, sp
	autib xzr, x3
	autda x0, x1
	autda x2, sp
	autda xzr, x3
	autdb x0, x1
	autdb x2, sp
	autdb xzr, x3
	paciza x4
	paciza xzr
	pacizb x4
	pacizb xzr
	pacdza x4
	pacdza xzr
	pacdzb x4
	pacdzb xzr
	autiza x4
	autiza xzr
	autizb x4
	autizb xzr
	autdza x4
	autdza xzr
	autdzb x4
	autdzb xzr
	xpaci x4
	xpaci xzr
	xpacd x4
	xpacd xzr
	.inst 0xdac10400
	.inst 0x5ac00c00
	.inst 0xdac00c00
	.inst 0xdac123e5
	.inst 0xdac143e0
	.inst 0x5ac10000

// ---- data processing 2 source ----
	udiv x0, x1, x2
	udiv w3, w4, w5
	sdiv x6, x7, x8
	sdiv w9, w10, w11
	lsl x12, x13, x14
	lsl w15, w16, w17
	lsr x18, x19, x20
	lsr w21, w22, w23
	asr x24, x25, x26
	asr w27, w28, w29
	ror x30, x0, x1
	ror w2, w3, w4
	lslv x5, x6, x7
	rorv wzr, wzr, wzr
	crc32b w0, w1, w2
	crc32h w3, w4, w5
	crc32w w6, w7, w8
	crc32x w9, w10, x11
	crc32cb w12, w13, w14
	crc32ch w15, w16, w17
	crc32cw w18, w19, w20
	crc32cx w21, w22, x23
	crc32x wzr, wzr, xzr
	pacga x0, x1, x2
	pacga x3, x4, sp
	pacga xzr, xzr, x5
	.inst 0x1ac20420
	.inst 0x9ac05020
	.inst 0x1ac05c20
	.inst 0x9ac23020
	.inst 0x9ac21020

// ---- data processing 3 source ----
	madd x0, x1, x2, x3
	madd w4, w5, w6, w7
	msub x8, x9, x10, x11
	msub w12, w13, w14, w15
	mul x16, x17, x18
	mul w19, w20, w21
	mneg x22, x23, x24
	mneg w25, w26, w27
	smaddl x0, w1, w2, x3
	smsubl x4, w5, w6, x7
	umaddl x8, w9, w10, x11
	umsubl x12, w13, w14, x15
	smull x16, w17, w18
	smnegl x19, w20, w21
	umull x22, w23, w24
	umnegl x25, w26, w27
	smulh x0, x1, x2
	umulh x3, x4, x5
	madd xzr, xzr, xzr, xzr
	madd x0, x1, x2, xzr
	msub w0, w1, w2, wzr
	.inst 0x9b428020
	.inst 0x9bc28020
	.inst 0x9b220c20
	.inst 0x1b220c20
	.inst 0x9b607c20
	.inst 0x9be27c20
	.inst 0x9b407c20

// ---- MTE (v8.5 memtag) ----
	irg x0, x1
	irg x2, sp
	irg sp, x3
	irg x4, x5, x6
	irg sp, sp, xzr
	irg x7, x8, xzr
	gmi x0, x1, x2
	gmi x3, sp, x4
	gmi xzr, x5, xzr
	addg x0, x1, #0, #0
	addg x2, sp, #1008, #15
	addg sp, x3, #16, #1
	addg sp, sp, #496, #7
	subg x4, x5, #0, #0
	subg x6, sp, #1008, #15
	subg sp, x7, #32, #2
	subp x0, x1, x2
	subp x3, sp, sp
	subps x4, x5, x6
	subps x7, sp, x8
	subps xzr, x9, x10
	cmpp x11, x12
	cmpp sp, x13
	cmpp x14, sp
	ldg x0, [x1]
	ldg x2, [sp, #16]
	ldg x3, [x4, #-4096]
	ldg x5, [x6, #4080]
	ldg xzr, [x7]
	stg x0, [x1]
	stg sp, [x2, #16]
	stg x3, [sp, #-4096]
	stg x4, [x5, #4080]
	stg x6, [x7, #32]!
	stg x8, [sp, #-16]!
	stg x9, [x10], #4080
	stg sp, [sp], #-4096
	stzg x0, [x1]
	stzg sp, [x2, #16]
	stzg x3, [sp, #-4096]
	stzg x4, [x5, #4080]
	stzg x6, [x7, #32]!
	stzg x8, [sp, #-16]!
	stzg x9, [x10], #4080
	stzg sp, [sp], #-4096
	st2g x0, [x1]
	st2g sp, [x2, #16]
	st2g x3, [sp, #-4096]
	st2g x4, [x5, #4080]
	st2g x6, [x7, #32]!
	st2g x8, [sp, #-16]!
	st2g x9, [x10], #4080
	st2g sp, [sp], #-4096
	stz2g x0, [x1]
	stz2g sp, [x2, #16]
	stz2g x3, [sp, #-4096]
	stz2g x4, [x5, #4080]
	stz2g x6, [x7, #32]!
	stz2g x8, [sp, #-16]!
	stz2g x9, [x10], #4080
	stz2g sp, [sp], #-4096
	stgp x0, x1, [x2]
	stgp x3, x4, [sp, #1008]
	stgp x5, x6, [x7, #-1024]
	stgp x8, x9, [x10, #16]!
	stgp xzr, xzr, [sp, #-1024]!
	stgp x11, x12, [x13], #1008
	stgp x14, x15, [sp], #-16
	ldgm x0, [x1]
	ldgm x2, [sp]
	ldgm xzr, [x3]
	stgm x4, [x5]
	stgm xzr, [sp]
	stzgm x6, [x7]
	stzgm x8, [sp]
	.inst 0xd9600c20
	.inst 0xd9e00c20
	.inst 0xd9a00c20
	.inst 0xd9200c20
	.inst 0xd9a00020
	.inst 0xd9e00420
	.inst 0x9ac01420

// ---- unallocated and edge encodings ----
	.inst 0x00000000
	.inst 0x00000001
	.inst 0x0000ffff
	.inst 0x00010000
	.inst 0xd7ffffff
	.inst 0x12800000 | (1 << 22)
	.inst 0x52c00000
	.inst 0x72e00000
	.inst 0x13808000
	.inst 0x1340a000
	.inst 0x93407c00
	.inst 0x12c00000
	.inst 0x33400000
	.inst 0x13e00000
	.inst 0x13c08000
	.inst 0xd4000000
	.inst 0xd4000004
	.inst 0xd4a00002
	.inst 0xd4200001
	.inst 0xd6bf03e0
	.inst 0xd65f03e1
	.inst 0xd61f0001
	.inst 0xd69f03e1
	.inst 0xd63f0800
	.inst 0xd65f0c1f
	.inst 0xd503305f
	.inst 0xd503309f
	.inst 0xd50330ff
	.inst 0xd500401f
	.inst 0xd503403f
	.inst 0xd50344df
	.inst 0xd500409f
	.inst 0xd508871f
	.inst 0xd50b7e20
	.inst 0xd5087100
	.inst 0xd5088700
	.inst 0xd50b7400
	.inst 0xd508751f
	.inst 0xd5380000 | (0xf << 12)
	.inst 0x1ac02000 | (1 << 29)
	.inst 0x3a000000 | (1 << 10)
	.inst 0x1a800400 | (1 << 11)
	.inst 0x7a400000 | (1 << 4)
	.inst 0xf8400c00 | (1 << 11) | (1 << 10) | 0x200000
	.inst 0x38a00800
	.inst 0xfa3f03e0
	.inst 0x9a000400
	.inst 0xd503245f
