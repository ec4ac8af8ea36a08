//! The tests of the models at the HTTP boundary (`tests/axum.rs`, with the `axum` feature).
