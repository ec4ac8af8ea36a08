//! `pattern` and `check_format` against the validation crates, read with serde_json: a
//! Twilio account SID held to `^AC[0-9a-fA-F]{32}$` (this project's automaton, validator's
//! and garde's `regex`, and `regex::Regex::is_match` called by hand after `serde_derive`),
//! and an address checked as an email; each on a valid and an invalid document.
//! Prints a ratio table to `serde_derive` (no check) for each.
//!
//! `cargo bench -p authlete-models-bench --features peers --bench patterns`

use authlete_models_bench::{grid, pattern_peers};

fn main() {
    // Every row gives every document its verdict before anything is timed.
    pattern_peers::check();
    let grids: Vec<_> = pattern_peers::shapes().iter().map(|s| s.grid()).collect();
    grid::bench("patterns", &grids);
}
