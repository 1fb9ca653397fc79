//! The a64sim fuzz targets as plain functions of a byte string.
//!
//! Each target takes any `&[u8]`, runs one part of a64sim on it and asserts the properties
//! that must hold for every input (DESIGN.md "Errors and bad input": no panic, and a few
//! cheap invariants). A failed property is a panic, which is what a fuzzer reports.
//!
//! * [`decode()`]: words through the decoder, the encoder and the disassembler, checked
//!   against the encoding table itself.
//! * [`step()`]: an arbitrary PE state and instruction stream run for a bounded number of
//!   steps against a stub platform, once straight and once split in two with tracing on;
//!   both runs must end in the same state.
//! * [`walk()`]: arbitrary translation registers and descriptors through the stage 1 and
//!   stage 2 walker; results must be well-formed and consistent with each other.
//! * [`load_image()`]: any file through the image loader: an image that fits, or a typed
//!   error naming the file.
//! * [`execute()`]: raw bytes as a RAM image on the `virt` machine (UART, semihosting).
//!
//! The cargo-fuzz package in `fuzz/` wraps each function in a one-line `fuzz_target!`; the
//! test `tests/corpus.rs` runs every seed of `fuzz/corpus/<target>/` through it on stable
//! Rust. Structured inputs ([`step::StepInput`], [`walk::WalkInput`]) are decoded with
//! `arbitrary`; [`bytes::Encode`] writes the bytes that decode back to a given input, which
//! is how the seed corpora are generated.

pub mod bytes;
pub mod decode;
pub mod execute;
pub mod jit;
pub mod load;
pub mod step;
pub mod walk;

pub use decode::decode;
pub use execute::execute;
pub use jit::jit;
pub use load::load_image;
pub use step::step;
pub use walk::walk;

/// A fuzz target: a function of the input bytes that panics when a property fails.
pub type Target = fn(&[u8]);

/// Every target by the name of its `fuzz/fuzz_targets/<name>.rs` and corpus directory.
pub const TARGETS: [(&str, Target); 6] = [
    ("decode", decode),
    ("step", step),
    ("walk", walk),
    ("load_image", load_image),
    ("execute", execute),
    ("jit", jit),
];
