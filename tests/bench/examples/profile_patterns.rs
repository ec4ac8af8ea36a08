//! Runs one row of the `patterns` benchmark on one of its documents many times, for a
//! profiler: `profile_patterns SHAPE:IMPLEMENTATION DOCUMENT [ITERATIONS]`, e.g.
//! `profile_patterns sid:authlete_models invalid 1000000`. With no arguments, lists the rows,
//! each with its shape's documents, the floor of each shape first.
//!

use authlete_models_bench::{grid, pattern_peers};

fn main() {
    let grids: Vec<_> = pattern_peers::shapes().iter().map(|s| s.grid()).collect();
    grid::profile(&grids);
}
