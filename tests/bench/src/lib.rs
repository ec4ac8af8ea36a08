//! Benchmarks of `authlete-models` against plain `serde_derive` and the validation crates.
//!
//! The benchmarks themselves are in `benches/` and need the `peers` feature, which brings in
//! criterion and the peer crates; without it this library holds only the inputs and this
//! project's models, so `cargo test --workspace` builds nothing more than that:
//!
//! ```sh
//! cargo bench -p authlete-models-bench --features peers --bench deserialize
//! cargo bench -p authlete-models-bench --features peers --bench validate
//! cargo bench -p authlete-models-bench --features peers --bench large
//! cargo bench -p authlete-models-bench --features peers --bench shapes
//! cargo bench -p authlete-models-bench --features peers --bench unions
//! cargo bench -p authlete-models-bench --features peers --bench patterns
//! cargo bench -p authlete-models-bench --features peers --bench authlete
//! ```
//!
//! Each benchmark prints, after criterion's own report, a table of medians and their ratio to
//! plain `serde_derive` + `serde_json` (which validates nothing), all from the same run.

pub mod inputs;
pub mod large;
pub mod pattern_shapes;
pub mod shapes;
pub mod union_shapes;
pub mod variants;

#[cfg(feature = "peers")]
#[rustfmt::skip]
pub mod authlete_serde;
#[cfg(feature = "peers")]
pub mod grid;
#[cfg(feature = "peers")]
pub mod pattern_peers;
#[cfg(feature = "peers")]
pub mod peers;
#[cfg(feature = "peers")]
pub mod report;
#[cfg(feature = "peers")]
pub mod shape_peers;
#[cfg(feature = "peers")]
pub mod union_peers;
