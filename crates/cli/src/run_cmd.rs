//! `a64sim run [IMAGE]` (being written).

use std::process::ExitCode;

/// Options of `a64sim run`.
#[derive(Debug, Default, clap::Args)]
pub struct RunArgs {}

/// Runs an image.
pub fn run(_args: RunArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    Err("run is not written yet".into())
}
