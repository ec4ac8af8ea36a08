//! The fuzz targets' shared code: the models and the properties of the hostile-input tests,
//! included from the tests package so that both check the very same things.

#![allow(missing_docs, dead_code)]

#[path = "../../tests/tests/hostile/model.rs"]
pub mod model;
#[path = "../../tests/tests/hostile/props.rs"]
pub mod props;

use authlete_models::{ClientSecretUpdateRequest, ClientSecretUpdateResponse};

pub use props::Checks;

/// The properties to check: all of them, unless `FUZZ_SKIP` names some to leave out
/// (`secret-in-errors`, `error-size`, comma-separated), so that a long run can look past a
/// known finding for others.
pub fn checks() -> Checks {
    static CHECKS: std::sync::OnceLock<Checks> = std::sync::OnceLock::new();
    *CHECKS.get_or_init(|| {
        let skip = std::env::var("FUZZ_SKIP").unwrap_or_default();
        let skipped = |name: &str| skip.split(',').any(|s| s.trim() == name);
        Checks {
            no_secret_in_errors: !skipped("secret-in-errors"),
            bounded_errors: !skipped("error-size"),
        }
    })
}

/// The secret fields of [`model::Everything`], as JSON Pointers (`*`: every array element);
/// those of [`model::Shapes`] are [`model::SHAPES_SECRETS`].
pub const EVERYTHING_SECRETS: &[&str] = &[
    "/token",
    "/oldToken",
    "/scopes/*/key",
    "/parent/key",
    "/owner/key",
    "/extra/*/key",
];

/// The documented request and response models.
pub fn client_secret(data: &[u8], checks: Checks) {
    props::check::<ClientSecretUpdateRequest>(data, &["/clientSecret"], checks);
    props::check::<ClientSecretUpdateResponse>(
        data,
        &["/newClientSecret", "/oldClientSecret"],
        checks,
    );
}

/// The models with every attribute, field type and shape.
pub fn everything(data: &[u8], checks: Checks) {
    props::check::<model::Everything>(data, EVERYTHING_SECRETS, checks);
    props::check::<model::Node>(data, &[], checks);
    props::check::<model::Shapes>(data, model::SHAPES_SECRETS, checks);
}
