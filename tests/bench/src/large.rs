//! A larger model: ten fields of mixed types, one of them a `Vec` of 50 nested models.

use authlete_models::Model;

/// A client registration, with rules on most fields.
#[derive(Clone, Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct Client {
    /// An identifier alias.
    #[model(charset = "A-Za-z0-9_-", min_len = 1, max_len = 86)]
    pub client_id_alias: String,
    /// A display name.
    #[model(min_len = 1, max_len = 200)]
    pub client_name: String,
    /// Access token lifetime, in seconds.
    #[model(min = 1, max = 86400)]
    pub token_ttl: u32,
    /// A weight between 0 and 1.
    #[model(min = 0.0, max = 1.0)]
    pub weight: f64,
    /// Whether the client is enabled.
    pub enabled: bool,
    /// A free description.
    #[model(max_len = 500)]
    pub description: Option<String>,
    /// A priority.
    #[model(min = -100, max = 100)]
    pub priority: i32,
    /// Up to 10 tags of `a-z` and `_`.
    #[model(max_len = 10, items(charset = "a-z_"))]
    pub tags: Vec<String>,
    /// A software identifier.
    #[model(charset = "A-Za-z0-9._:-", max_len = 64)]
    pub software_id: Option<String>,
    /// The scopes, 1 to 50.
    #[model(min_len = 1, max_len = 50)]
    pub scopes: Vec<Scope>,
}

/// A scope of [`Client`].
#[derive(Clone, Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct Scope {
    /// The scope's name.
    #[model(charset = "a-z0-9_:.-", min_len = 1, max_len = 64)]
    pub name: String,
    /// A description.
    #[model(max_len = 200)]
    pub description: Option<String>,
    /// Whether the scope is granted by default.
    pub default_entry: bool,
    /// A lifetime, in seconds.
    #[model(min = 0, max = 3600)]
    pub ttl: u32,
}

/// The number of scopes in [`document`].
pub const SCOPES: usize = 50;

/// A valid document with [`SCOPES`] scopes, as compact JSON.
pub fn document() -> String {
    serde_json::to_string(&built()).expect("a model serializes")
}

/// The value [`document`] holds.
pub fn built() -> Client {
    Client {
        client_id_alias: crate::inputs::base64url(43),
        client_name: "My example client, used by the benchmarks".into(),
        token_ttl: 3600,
        weight: 0.75,
        enabled: true,
        description: Some("A client registered to measure what validation costs.".into()),
        priority: -3,
        tags: vec!["mobile".into(), "first_party".into(), "beta".into()],
        software_id: Some("com.example.app:4.2".into()),
        scopes: (0..SCOPES)
            .map(|i| Scope {
                name: format!("scope_{i:02}:read.all"),
                description: (i % 2 == 0).then(|| format!("Scope number {i}, for reading.")),
                default_entry: i % 3 == 0,
                ttl: (i as u32 * 60) % 3600,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use authlete_models::Validate;

    #[test]
    fn the_document_is_valid_and_round_trips() {
        let doc = document();
        let read: Client = serde_json::from_str(&doc).unwrap();
        assert_eq!(read, built());
        assert!(read.validate().is_ok());
        assert_eq!(read.scopes.len(), SCOPES);
    }
}
