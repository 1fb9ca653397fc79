//! System register encodings and names (op0, op1, CRn, CRm, op2), the vocabulary shared by
//! the disassembler and the CPU's system-register table (which keys its rows on [`SysRegId`]).

use std::fmt;

/// A system register encoding packed as op0:op1:CRn:CRm:op2 (2+3+4+4+3 bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SysRegId(pub u16);

impl SysRegId {
    /// Packs an encoding.
    pub const fn new(op0: u8, op1: u8, crn: u8, crm: u8, op2: u8) -> Self {
        SysRegId(
            ((op0 as u16 & 3) << 14)
                | ((op1 as u16 & 7) << 11)
                | ((crn as u16 & 15) << 7)
                | ((crm as u16 & 15) << 3)
                | (op2 as u16 & 7),
        )
    }
    /// op0 (2 or 3 for registers).
    pub const fn op0(self) -> u8 {
        (self.0 >> 14) as u8 & 3
    }
    /// op1.
    pub const fn op1(self) -> u8 {
        (self.0 >> 11) as u8 & 7
    }
    /// CRn.
    pub const fn crn(self) -> u8 {
        (self.0 >> 7) as u8 & 15
    }
    /// CRm.
    pub const fn crm(self) -> u8 {
        (self.0 >> 3) as u8 & 15
    }
    /// op2.
    pub const fn op2(self) -> u8 {
        self.0 as u8 & 7
    }
    /// The architectural name (upper case, as in the Arm ARM), if a64sim knows it.
    pub fn name(self) -> Option<&'static str> {
        SYSREG_NAMES
            .binary_search_by_key(&self, |&(id, _)| id)
            .ok()
            .map(|i| SYSREG_NAMES[i].1)
    }
}

impl fmt::Display for SysRegId {
    /// The name in lower case, or the generic `s<op0>_<op1>_c<n>_c<m>_<op2>` form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(n) => n
                .chars()
                .try_for_each(|c| fmt::Write::write_char(f, c.to_ascii_lowercase())),
            None => write!(
                f,
                "s{}_{}_c{}_c{}_{}",
                self.op0(),
                self.op1(),
                self.crn(),
                self.crm(),
                self.op2()
            ),
        }
    }
}

macro_rules! sysregs {
    ($($name:ident = $op0:literal, $op1:literal, $crn:literal, $crm:literal, $op2:literal;)*) => {
        /// Named register encodings.
        #[allow(non_upper_case_globals, reason = "architectural register names")]
        pub mod regs {
            use super::SysRegId;
            $(
                #[doc = concat!("`", stringify!($name), "`.")]
                pub const $name: SysRegId = SysRegId::new($op0, $op1, $crn, $crm, $op2);
            )*
        }
        /// Sorted by encoding at first use.
        static SYSREG_NAMES_UNSORTED: &[(SysRegId, &str)] = &[
            $((regs::$name, stringify!($name)),)*
        ];
    };
}

include!("sysreg_list.rs");

/// `(encoding, name)` sorted by encoding.
static SYSREG_NAMES: std::sync::LazyLock<Vec<(SysRegId, &'static str)>> =
    std::sync::LazyLock::new(|| {
        let mut v = SYSREG_NAMES_UNSORTED.to_vec();
        v.sort_by_key(|&(id, _)| id);
        v
    });
