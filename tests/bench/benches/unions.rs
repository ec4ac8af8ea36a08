//! The derive's newer shapes against `serde_derive`'s equivalents, read with serde_json: an
//! internally tagged enum (the tag first and last), an untagged enum (the document matching
//! the last of three variants, and the first), a flattened `BTreeMap<String, String>`, a
//! flattened struct model, and `Option<Option<T>>` (`null`, a value, absent) against serde's
//! `deserialize_with` helper.
//! Prints a ratio table to `serde_derive` for each.
//!
//! `cargo bench -p authlete-models-bench --features peers --bench unions`

use authlete_models_bench::{grid, union_peers};

fn main() {
    // Every row gives every document its verdict before anything is timed.
    union_peers::check();
    let grids: Vec<_> = union_peers::shapes().iter().map(|s| s.grid()).collect();
    grid::bench("unions", &grids);
}
