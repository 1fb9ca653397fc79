//! Emulator failures (not guest events): what stops a run that the guest did not ask for.

use a64sim_isa::UnimplClass;
use thiserror::Error;

/// Why the emulator, not the guest, stopped.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum CpuError {
    /// The guest executed an instruction a64sim decodes but does not implement yet.
    #[error("unimplemented instruction at pc {pc:#x}: word {word:#010x} ({what})")]
    Unimplemented {
        /// Address of the instruction.
        pc: u64,
        /// The instruction word.
        word: u32,
        /// Class or instruction name.
        what: String,
    },
}

impl CpuError {
    /// Builds the error for an unimplemented encoding class.
    pub fn unimplemented_class(pc: u64, word: u32, class: UnimplClass) -> Self {
        CpuError::Unimplemented {
            pc,
            word,
            what: class.name().to_string(),
        }
    }
}
