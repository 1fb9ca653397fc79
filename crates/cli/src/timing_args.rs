//! `--timing PRESET` and `--timing-set KEY=VALUE`: from the command line to a cycle model.

use a64sim_timing::{CoreModel, TimingConfig};

/// The model of preset `name` (given with the command-line option `option`, for messages)
/// with the `KEY=VALUE` `settings` applied, or a one-line error naming what is wrong (the
/// valid presets or keys included).
pub fn build_model(option: &str, name: &str, settings: &[String]) -> Result<CoreModel, String> {
    let mut config = TimingConfig::new(name).map_err(|e| format!("{option} {name}: {e}"))?;
    for s in settings {
        config
            .apply(s)
            .map_err(|e| format!("--timing-set {s}: {e}"))?;
    }
    let model = config
        .build()
        .map_err(|e| format!("{option} {name}: {e}"))?;
    Ok(model)
}
