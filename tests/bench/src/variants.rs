//! Variants of the documented model, to see where its cost goes: the same rules on a plain
//! `String` (not a `Secret`), and the same field with no rule at all (the derive's own cost).

use authlete_models::Model;

/// The documented model's rules on a plain `String`.
#[derive(Clone, Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct NotSecret {
    /// The secret, not marked as one.
    #[model(charset = "A-Za-z0-9\\-_", min_len = 1, max_len = 86)]
    pub client_secret: String,
}

/// The documented model's field with no rule.
#[derive(Clone, Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct NoRules {
    /// Any string.
    pub client_secret: String,
}
