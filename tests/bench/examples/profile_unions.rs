//! Runs one row of the `unions` benchmark on one of its documents many times, for a profiler:
//! `profile_unions SHAPE:IMPLEMENTATION DOCUMENT [ITERATIONS]`, e.g.
//! `profile_unions untagged:authlete_models third 1000000`. With no arguments, lists them.
//!
//! Under `valgrind --tool=callgrind`, the difference between two iteration counts divided by

use authlete_models_bench::{grid, union_peers};

fn main() {
    let grids: Vec<_> = union_peers::shapes().iter().map(|s| s.grid()).collect();
    grid::profile(&grids);
}
