//! Access permissions (ARCH.md §3.8 stage 1, §3.11 stage 2; Arm ARM
//! AArch64.S1DirectBasePermissions, AArch64.S2HasPermissionsFault).
//!
//! A walk computes the permission set for *every* kind of access at once ([`S1Perms`]:
//! read/write/execute for EL0 and for the privileged EL, plus what PAN needs), so that one
//! soft-TLB entry serves reads, writes and fetches from either privilege. An [`AccessReq`]
//! is then checked against that set; the same check runs on a TLB hit and in the walk.

use a64sim_arch::El;

/// The kind of memory access.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccessKind {
    /// A data read (loads, AT ...R).
    Read,
    /// A data write (stores, AT ...W, DC ZVA).
    Write,
    /// An instruction fetch.
    Fetch,
}

/// One access to translate or check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AccessReq {
    /// Read, write or fetch.
    pub kind: AccessKind,
    /// The Exception level executing the access.
    pub el: El,
    /// An unprivileged load/store (LDTR/STTR family, AT S1E0*): checked as EL0 in a
    /// two-range regime unless `uao` (ARCH.md §3.1, §3.8).
    pub unprivileged: bool,
    /// PSTATE.PAN, or `false` for accesses PAN does not apply to (AT S1E1R/W without the P
    /// suffix). Fetches and unprivileged accesses ignore it (ARCH.md §3.8).
    pub pan: bool,
    /// PSTATE.UAO.
    pub uao: bool,
}

impl AccessReq {
    /// A plain access at `el` (no PAN, no UAO, privileged form).
    pub const fn new(kind: AccessKind, el: El) -> AccessReq {
        AccessReq {
            kind,
            el,
            unprivileged: false,
            pan: false,
            uao: false,
        }
    }

    /// Whether the access is a write.
    pub const fn is_write(&self) -> bool {
        matches!(self.kind, AccessKind::Write)
    }

    /// Whether the access is checked with EL0 permissions in a two-range regime: from EL0,
    /// or LDTR/STTR from the privileged EL without UAO (ARCH.md §3.8).
    pub const fn as_el0(&self) -> bool {
        matches!(self.el, El::El0) || (self.unprivileged && !self.uao)
    }
}

/// Read, write and execute rights.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Rwx {
    /// Read allowed.
    pub r: bool,
    /// Write allowed.
    pub w: bool,
    /// Execute allowed.
    pub x: bool,
}

impl Rwx {
    /// Everything allowed.
    pub const ALL: Rwx = Rwx {
        r: true,
        w: true,
        x: true,
    };

    /// Whether `kind` is allowed.
    pub const fn allows(&self, kind: AccessKind) -> bool {
        match kind {
            AccessKind::Read => self.r,
            AccessKind::Write => self.w,
            AccessKind::Fetch => self.x,
        }
    }
}

/// Stage-1 permissions of one leaf for all access kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct S1Perms {
    /// Rights of EL0 (all false in single-range regimes, which have no EL0).
    pub el0: Rwx,
    /// Rights of the regime's privileged EL (EL1, EL2 or EL3), before PAN.
    pub privileged: Rwx,
    /// PAN applies to this page: EL0 may read or write it (or, with SCTLR.EPAN, execute
    /// it). Privileged data accesses with PSTATE.PAN = 1 then fault.
    pub pan_protected: bool,
}

/// The inputs of the stage-1 permission computation for one leaf.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct S1PermInputs {
    /// Two-range regime (EL1&0, EL2&0): EL0 exists, AP[1] and PXN/UXN apply.
    pub two_range: bool,
    /// Leaf AP[1] (EL0 access, two-range only).
    pub ap1: bool,
    /// Leaf AP[2] (read-only).
    pub ap2: bool,
    /// Leaf PXN (two-range only).
    pub pxn: bool,
    /// Leaf UXN, or XN in single-range regimes.
    pub uxn: bool,
    /// Accumulated APTable[1:0] (zero when hierarchical permissions are disabled).
    pub ap_table: u8,
    /// Accumulated PXNTable.
    pub pxn_table: bool,
    /// Accumulated UXNTable / XNTable.
    pub xn_table: bool,
    /// SCTLR_ELx.WXN.
    pub wxn: bool,
    /// SCTLR_ELx.EPAN.
    pub epan: bool,
}

impl S1Perms {
    /// Full access for everyone (stage 1 disabled: no permission checks, ARCH.md §3.2).
    pub const ALL: S1Perms = S1Perms {
        el0: Rwx::ALL,
        privileged: Rwx::ALL,
        pan_protected: false,
    };

    /// Computes the permissions (ARCH.md §3.8, Arm ARM AArch64.S1DirectBasePermissions).
    pub const fn compute(p: &S1PermInputs) -> S1Perms {
        if !p.two_range {
            // Single range: AP[2] read-only, AP[1] ignored; APTable[1] removes write;
            // XN | XNTable removes execute; WXN.
            let pw = !p.ap2 && p.ap_table & 2 == 0;
            let px = !(p.uxn || p.xn_table || (p.wxn && pw));
            return S1Perms {
                el0: Rwx {
                    r: false,
                    w: false,
                    x: false,
                },
                privileged: Rwx {
                    r: true,
                    w: pw,
                    x: px,
                },
                pan_protected: false,
            };
        }
        // Leaf AP[2:1]: 00 priv RW; 01 all RW; 10 priv RO; 11 all RO.
        let (pr, mut pw, mut ur, mut uw) = (true, !p.ap2, p.ap1, p.ap1 && !p.ap2);
        // APTable[0] removes EL0 access, APTable[1] removes write.
        if p.ap_table & 1 != 0 {
            ur = false;
            uw = false;
        }
        if p.ap_table & 2 != 0 {
            pw = false;
            uw = false;
        }
        let mut ux = !(p.uxn || p.xn_table);
        // Memory writable at EL0 is never executable at the privileged level.
        let mut px = !(p.pxn || p.pxn_table || uw);
        if p.wxn {
            px = px && !pw;
            ux = ux && !uw;
        }
        let pan_protected = ur || uw || (p.epan && ux);
        S1Perms {
            el0: Rwx {
                r: ur,
                w: uw,
                x: ux,
            },
            privileged: Rwx {
                r: pr,
                w: pw,
                x: px,
            },
            pan_protected,
        }
    }

    /// Whether stage 1 allows `req` (ARCH.md §3.8): EL0 rights for EL0 and unprivileged
    /// accesses in two-range regimes; privileged rights otherwise, and with PSTATE.PAN a
    /// privileged data access to a PAN-protected page is refused.
    pub const fn allows(&self, req: &AccessReq, two_range: bool) -> bool {
        if two_range && req.as_el0() {
            return self.el0.allows(req.kind);
        }
        if req.pan && self.pan_protected && !matches!(req.kind, AccessKind::Fetch) {
            return false;
        }
        self.privileged.allows(req.kind)
    }
}

/// Stage-2 permissions of one leaf (ARCH.md §3.11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct S2Perms {
    /// S2AP[0]: reads allowed.
    pub r: bool,
    /// S2AP[1]: writes allowed.
    pub w: bool,
    /// Execution allowed at EL0.
    pub x_el0: bool,
    /// Execution allowed at EL1.
    pub x_el1: bool,
}

impl S2Perms {
    /// Everything allowed (stage 2 off).
    pub const ALL: S2Perms = S2Perms {
        r: true,
        w: true,
        x_el0: true,
        x_el1: true,
    };

    /// From S2AP and XN[1:0] (FEAT_XNX): 00 EL0+EL1, 01 EL0 only, 10 none, 11 EL1 only.
    pub const fn from_fields(read: bool, write: bool, xn: u8) -> S2Perms {
        let (x_el1, x_el0) = match xn & 3 {
            0 => (true, true),
            1 => (false, true),
            2 => (false, false),
            _ => (true, false),
        };
        S2Perms {
            r: read,
            w: write,
            x_el0,
            x_el1,
        }
    }

    /// Whether stage 2 allows `kind` from `el` (fetches check XN for EL0 or EL1).
    pub const fn allows(&self, kind: AccessKind, el: El) -> bool {
        match kind {
            AccessKind::Read => self.r,
            AccessKind::Write => self.w,
            AccessKind::Fetch => {
                if matches!(el, El::El0) {
                    self.x_el0
                } else {
                    self.x_el1
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(ap: u8) -> S1PermInputs {
        S1PermInputs {
            two_range: true,
            ap1: ap & 1 != 0,
            ap2: ap & 2 != 0,
            pxn: false,
            uxn: false,
            ap_table: 0,
            pxn_table: false,
            xn_table: false,
            wxn: false,
            epan: false,
        }
    }

    fn req(kind: AccessKind, el: El) -> AccessReq {
        AccessReq::new(kind, el)
    }

    #[test]
    fn ap_table_of_arch_3_8() {
        // ARCH.md §3.8: AP[2:1] 00 priv RW/EL0 none, 01 RW/RW, 10 RO/none, 11 RO/RO.
        let expect = [
            (0u8, (true, true), (false, false)),
            (1, (true, true), (true, true)),
            (2, (true, false), (false, false)),
            (3, (true, false), (true, false)),
        ];
        for (ap, (pr, pw), (ur, uw)) in expect {
            let p = S1Perms::compute(&inputs(ap));
            assert_eq!((p.privileged.r, p.privileged.w), (pr, pw), "AP={ap:02b}");
            assert_eq!((p.el0.r, p.el0.w), (ur, uw), "AP={ap:02b}");
        }
    }

    #[test]
    fn full_permission_matrix_ap_pan_uao_unpriv_wxn_xn() {
        // ARCH.md §3.8 rules evaluated independently in the test body and compared with
        // S1Perms for every combination of AP × PAN × UAO × LDTR × WXN × UXN × PXN ×
        // EL × access kind.
        for bits in 0u32..(1 << 8) {
            let ap = (bits & 3) as u8;
            let pan = bits & 4 != 0;
            let uao = bits & 8 != 0;
            let unpriv = bits & 16 != 0;
            let wxn = bits & 32 != 0;
            let uxn = bits & 64 != 0;
            let pxn = bits & 128 != 0;
            let p = S1Perms::compute(&S1PermInputs {
                wxn,
                uxn,
                pxn,
                ..inputs(ap)
            });
            for el in [El::El0, El::El1] {
                for kind in [AccessKind::Read, AccessKind::Write, AccessKind::Fetch] {
                    let r = AccessReq {
                        kind,
                        el,
                        unprivileged: unpriv,
                        pan,
                        uao,
                    };
                    let el0_view = el == El::El0 || (unpriv && !uao);
                    let el0_rw = ap & 1 != 0;
                    let ro = ap & 2 != 0;
                    let uw = el0_rw && !ro;
                    let pw = !ro;
                    let expected = if el0_view {
                        match kind {
                            AccessKind::Read => el0_rw,
                            AccessKind::Write => uw,
                            AccessKind::Fetch => !(uxn || (wxn && uw)),
                        }
                    } else {
                        let pan_blocks = pan && el0_rw && kind != AccessKind::Fetch;
                        !pan_blocks
                            && match kind {
                                AccessKind::Read => true,
                                AccessKind::Write => pw,
                                AccessKind::Fetch => !(pxn || uw || (wxn && pw)),
                            }
                    };
                    assert_eq!(
                        p.allows(&r, true),
                        expected,
                        "bits={bits:08b} {el:?} {kind:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn aptable_and_xntables() {
        // ARCH.md §3.8: APTable[0] removes EL0 access, APTable[1] removes write;
        // UXNTable/PXNTable remove execute.
        let p = S1Perms::compute(&S1PermInputs {
            ap_table: 1,
            ..inputs(1)
        });
        assert!(!p.el0.r && p.privileged.w);
        let p = S1Perms::compute(&S1PermInputs {
            ap_table: 2,
            ..inputs(1)
        });
        assert!(p.el0.r && !p.el0.w && !p.privileged.w);
        let p = S1Perms::compute(&S1PermInputs {
            xn_table: true,
            pxn_table: true,
            ..inputs(2)
        });
        assert!(!p.el0.x && !p.privileged.x);
    }

    #[test]
    fn epan_protects_el0_execute_only_pages() {
        // ARCH.md §3.8: with SCTLR.EPAN, EL0-execute-only pages are PAN-protected.
        let xo = S1PermInputs {
            pxn: true,
            ..inputs(2)
        };
        assert!(!S1Perms::compute(&xo).pan_protected);
        let p = S1Perms::compute(&S1PermInputs { epan: true, ..xo });
        assert!(p.pan_protected);
        let r = AccessReq {
            pan: true,
            ..req(AccessKind::Read, El::El1)
        };
        assert!(!p.allows(&r, true));
    }

    #[test]
    fn single_range_uses_ap2_xn_and_aptable1() {
        // ARCH.md §3.8: single-range regimes: AP[2] read-only, XN = bit 54, APTable[1].
        let base = S1PermInputs {
            two_range: false,
            ..inputs(0)
        };
        let p = S1Perms::compute(&base);
        assert_eq!(p.privileged, Rwx::ALL);
        assert_eq!(p.el0, Rwx::default());
        let p = S1Perms::compute(&S1PermInputs { ap2: true, ..base });
        assert!(!p.privileged.w && p.privileged.x);
        let p = S1Perms::compute(&S1PermInputs {
            ap_table: 2,
            ..base
        });
        assert!(!p.privileged.w);
        let p = S1Perms::compute(&S1PermInputs { uxn: true, ..base });
        assert!(!p.privileged.x);
        let p = S1Perms::compute(&S1PermInputs { wxn: true, ..base });
        assert!(p.privileged.w && !p.privileged.x);
        // PAN and LDTR do not change single-range checks.
        let r = AccessReq {
            pan: true,
            unprivileged: true,
            ..req(AccessKind::Read, El::El2)
        };
        assert!(S1Perms::compute(&base).allows(&r, false));
    }

    #[test]
    fn stage2_xn_encodings() {
        // ARCH.md §3.11: XN[1:0] 00 EL1+EL0, 01 EL0 only, 10 none, 11 EL1 only.
        let cases = [
            (0u8, true, true),
            (1, false, true),
            (2, false, false),
            (3, true, false),
        ];
        for (xn, el1, el0) in cases {
            let p = S2Perms::from_fields(true, false, xn);
            assert_eq!(p.allows(AccessKind::Fetch, El::El1), el1, "xn={xn}");
            assert_eq!(p.allows(AccessKind::Fetch, El::El0), el0, "xn={xn}");
            assert!(p.allows(AccessKind::Read, El::El1));
            assert!(!p.allows(AccessKind::Write, El::El1));
        }
    }
}
