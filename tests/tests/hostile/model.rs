//! Models that use every attribute and every field type, shared by the hostile-input tests
//! and the fuzz targets (which include this file by path).

#![allow(dead_code)]

use authlete_models::{Model, Secret};

/// Every attribute and field type the derive supports, under `deny_unknown_fields`.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
pub struct Everything {
    /// A renamed, restricted string.
    #[model(rename = "id", charset = "a-z0-9_\\-", min_len = 1, max_len = 16)]
    pub name: String,
    /// A credential, as the documented model has it.
    #[model(secret, charset = "A-Za-z0-9\\-_", min_len = 1, max_len = 86)]
    pub token: Secret<String>,
    /// An optional credential with no other rule.
    #[model(secret)]
    pub old_token: Option<Secret<String>>,
    /// A charset with escapes and a non-ASCII character.
    #[model(charset = "a-z \\u{E9}\\n\\t\\\\\\]\\[\\^-", max_len = 40)]
    pub note: Option<String>,
    /// A plain string.
    pub label: Option<String>,
    /// Booleans, one of them with `default`.
    pub flag: bool,
    /// A missing `enabled` is `false`.
    #[model(default)]
    pub enabled: bool,
    /// Integers of every type, some bounded.
    #[model(min = 1, max = 3600)]
    pub ttl: Option<u32>,
    #[model(min = -5, max = 5)]
    pub small: i8,
    pub byte: Option<u8>,
    #[model(max = 60000)]
    pub port: Option<u16>,
    pub big: Option<u64>,
    #[model(min = -1000)]
    pub delta: Option<i16>,
    pub offset: Option<i32>,
    #[model(min = -9_000_000_000, max = 9_000_000_000)]
    pub stamp: Option<i64>,
    pub huge: Option<u128>,
    pub wide: Option<i128>,
    #[model(max = 1_000_000)]
    pub count: Option<usize>,
    pub diff: Option<isize>,
    /// Floats, bounded and not.
    #[model(min = -1.5, max = 1e6)]
    pub ratio: f64,
    #[model(min = 0.0)]
    pub weight: Option<f32>,
    pub any_float: Option<f64>,
    pub single: Option<f32>,
    /// A `Vec` of restricted strings: `max_len` counts items.
    #[model(max_len = 4, items(charset = "a-z"))]
    pub tags: Vec<String>,
    /// A `Vec` of bounded numbers, with `default`.
    #[model(default, max_len = 8, items(min = 0, max = 100))]
    pub scores: Vec<u16>,
    /// Nested models: a `Vec`, an `Option<Box<_>>`, a `Box` and an optional `Vec`.
    #[model(min_len = 1, max_len = 3)]
    pub scopes: Vec<Scope>,
    pub parent: Option<Box<Scope>>,
    pub owner: Box<Scope>,
    #[model(max_len = 2)]
    pub extra: Option<Vec<Scope>>,
    /// Optional items and strings inside a `Vec`.
    #[model(items(max = 9))]
    pub digits: Option<Vec<Option<u8>>>,
    /// A recursive model.
    pub tree: Option<Node>,
}

/// A nested model that skips unknown fields.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "snake_case")]
pub struct Scope {
    #[model(charset = "a-z:.", min_len = 1, max_len = 20)]
    pub name: String,
    #[model(min = 0, max = 86400)]
    pub max_age: Option<i64>,
    #[model(secret, max_len = 64)]
    pub key: Option<Secret<String>>,
    #[model(default)]
    pub weight: f64,
}

/// A model that contains itself.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Node {
    #[model(max = 100)]
    pub value: u8,
    #[model(max_len = 3)]
    pub children: Vec<Node>,
    pub next: Option<Box<Node>>,
}
