//! The tests of the models at the HTTP boundary (`tests/axum.rs`, and the load run
//! `tests/load.rs`, with the `axum` feature).
