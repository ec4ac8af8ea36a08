//! Helpers shared by the integration tests.

use authlete_models::ValidationErrors;

pub mod instances;

/// Every error as `(path, code)`, in order.
pub fn found(errors: &ValidationErrors) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.path().to_owned(), e.code().to_owned()))
        .collect()
}

/// Expected `(path, code)` pairs, owned, to compare with [`found`].
pub fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}
