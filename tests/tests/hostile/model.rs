//! Models that use every attribute and every field type and shape, shared by the
//! hostile-input tests and the fuzz targets (which include this file by path).

#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

use authlete_models::{Model, Secret};

/// Every attribute and field type the derive supports, under `deny_unknown_fields`.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
pub struct Everything {
    /// A renamed, restricted string.
    #[model(rename = "id", charset = "a-z0-9_\\-", min_len = 1, max_len = 16)]
    pub name: String,
    /// A credential, as the documented model has it.
    #[model(charset = "A-Za-z0-9\\-_", min_len = 1, max_len = 86)]
    pub token: Secret<String>,
    /// An optional credential with no other rule.
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
    #[model(max_len = 64)]
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

/// A closed string enum: one value renamed, one with characters that JSON escapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Model)]
#[model(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Grant {
    AuthorizationCode,
    ClientCredentials,
    #[model(rename = "urn:ietf:params:oauth:grant-type:device_code")]
    DeviceCode,
    #[model(rename = "a\"b\\c\u{E9}\u{1F600}")]
    Quoted,
}

/// An open string enum: any other string is kept in `Other`.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
pub enum Alg {
    RS256,
    ES256,
    #[model(rename = "none")]
    Unsigned,
    #[model(other)]
    Other(String),
}

/// A credential, as a newtype.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Token(#[model(min_len = 1, max_len = 40)] pub Secret<String>);

/// A number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
pub struct Ttl(#[model(min = 1, max = 3600)] pub u32);

/// A short label.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Label(#[model(charset = "a-z0-9 ", max_len = 12)] pub String);

/// A list of words, as a newtype.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Words(
    #[model(max_len = 3, items(charset = "a-z", min_len = 1, max_len = 6))] pub Vec<String>,
);

/// String enums, newtypes, maps and nested `items(...)`, under `deny_unknown_fields`.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
pub struct Shapes {
    /// String enums, closed and open, alone and in lists.
    pub grant: Grant,
    pub alg: Option<Alg>,
    #[model(max_len = 4)]
    pub grants: Vec<Grant>,
    pub algs: Option<Vec<Alg>>,
    /// A secret newtype, alone, in a list and in a map.
    pub token: Token,
    pub old_token: Option<Token>,
    #[model(max_len = 3)]
    pub tokens: Option<Vec<Token>>,
    #[model(max_len = 3, keys(charset = "a-z_", min_len = 1, max_len = 16))]
    pub keys: Option<BTreeMap<String, Token>>,
    /// A map of secrets.
    #[model(values(min_len = 1, max_len = 64))]
    pub vault: Option<HashMap<String, Secret<String>>>,
    /// Newtypes with rules.
    pub ttl: Option<Ttl>,
    pub label: Option<Label>,
    pub words: Option<Words>,
    /// Maps: rules on the count, the names and the values.
    #[model(
        max_len = 4,
        keys(charset = "a-z_\\-", min_len = 1, max_len = 16),
        values(max_len = 32)
    )]
    pub attributes: HashMap<String, String>,
    #[model(default, values(min = 1, max = 9))]
    pub weights: BTreeMap<String, u8>,
    pub levels: Option<HashMap<String, Grant>>,
    pub algs_by_name: Option<BTreeMap<String, Alg>>,
    #[model(values(min = -1.5, max = 1e6))]
    pub ratios: Option<BTreeMap<String, f32>>,
    pub stamps: Option<HashMap<String, Option<u64>>>,
    #[model(max_len = 2, values(max_len = 2))]
    pub nested: Option<BTreeMap<String, BTreeMap<String, Ttl>>>,
    #[model(max_len = 2)]
    pub scopes: Option<HashMap<String, Scope>>,
    /// Nested `items(...)`.
    #[model(max_len = 5, items(charset = "a-z", min_len = 1, max_len = 8))]
    pub tags: Vec<String>,
    #[model(max_len = 3, items(max_len = 3, items(min = -5, max = 5)))]
    pub grid: Option<Vec<Vec<i16>>>,
    #[model(values(max_len = 3, items(charset = "a-z", max_len = 4)))]
    pub lists: Option<HashMap<String, Vec<String>>>,
    #[model(max_len = 2, items(max_len = 2, keys(max_len = 4), values(max = 3)))]
    pub maps: Option<Vec<HashMap<String, u8>>>,
    /// Two instantiations of one generic model.
    pub labels: Option<Page<Label>>,
    pub ttls: Option<Page<Ttl>>,
    /// `opaque` fields: any JSON value, and an address read by its own impl.
    #[model(opaque, default)]
    pub payload: serde_json::Value,
    #[model(opaque, schema = r#"{"type": "string", "format": "ipv4"}"#)]
    pub ip: Option<std::net::Ipv4Addr>,
    /// Strict bounds, multiples and unique items.
    #[model(exclusive_min = 0, exclusive_max = 100)]
    pub percent: Option<f64>,
    #[model(multiple_of = 5, exclusive_max = 60)]
    pub minutes: Option<u32>,
    #[model(multiple_of = 0.25, exclusive_min = -2)]
    pub step: Option<f64>,
    #[model(unique, max_len = 4, items(max_len = 4))]
    pub names: Option<Vec<String>>,
    #[model(unique, items(exclusive_min = -3, multiple_of = 3))]
    pub points: Option<Vec<i64>>,
}

/// A page of any model.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(deny_unknown_fields)]
pub struct Page<T> {
    #[model(max_len = 3)]
    pub items: Vec<T>,
    pub total: u64,
}

/// The secret fields of [`Shapes`], as JSON Pointers (`*`: every element of an array, every
/// member of a map).
pub const SHAPES_SECRETS: &[&str] = &[
    "/token",
    "/oldToken",
    "/tokens/*",
    "/keys/*",
    "/vault/*",
    "/scopes/*/key",
];

/// The words taken when `words` and the skipped `seen` are absent.
pub fn default_words() -> Vec<String> {
    vec!["openid".to_owned()]
}

/// The grants taken when `grants` is absent.
pub fn default_grants() -> Vec<Grant> {
    vec![Grant::AuthorizationCode, Grant::ClientCredentials]
}

/// What an absent member and a `null` mean (`required` and `not_null` on an `Option`,
/// `Option<Option<T>>`, `default` with a literal or a function, `skip`), any JSON value as a
/// plain field (`serde_json::Value` and `serde_json::Map`, alone and inside lists and maps),
/// and the annotations (`title`, `deprecated`, `format`), which check nothing.
///
/// Unknown members are skipped, and the wire names are those of [`Everything`] and
/// [`Shapes`] where a field fits, with rules their valid documents keep: the fuzz target's
/// seeds and corpus, written for those models, then reach this one's accepted values too.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    rename_all = "camelCase",
    title = "Presence, defaults and any value",
    deprecated
)]
pub struct Presence {
    /// A credential: present, perhaps `null`.
    #[model(required, min_len = 1, max_len = 86, format = "token")]
    pub token: Option<Secret<String>>,
    /// A credential with a charset: perhaps absent, never `null`.
    #[model(not_null, charset = "A-Za-z0-9\\-_ ", min_len = 1, max_len = 86)]
    pub old_token: Option<Secret<String>>,
    /// A credential in three states: absent, `null`, or a value.
    #[model(min_len = 2, max_len = 40, deprecated)]
    pub note: Option<Option<Secret<String>>>,
    /// Perhaps absent, never `null`: a number, a nested model, an enum, a list, a map of
    /// any values.
    #[model(not_null, min = 1, max = 3600, deprecated, format = "seconds")]
    pub ttl: Option<u32>,
    #[model(not_null)]
    pub owner: Option<Scope>,
    #[model(not_null, deprecated)]
    pub grant: Option<Grant>,
    #[model(not_null, max_len = 8, items(min = 0, max = 100))]
    pub scores: Option<Vec<u16>>,
    #[model(
        not_null,
        max_len = 4,
        keys(charset = "a-z_\\-", min_len = 1, max_len = 16),
        deprecated
    )]
    pub attributes: Option<serde_json::Map<String, serde_json::Value>>,
    /// Three states: a string, an open enum, a nested model.
    #[model(charset = "a-z0-9 ", min_len = 1, max_len = 12, format = "label")]
    pub label: Option<Option<String>>,
    pub alg: Option<Option<Alg>>,
    pub parent: Option<Option<Scope>>,
    /// Literal defaults, each within the rules beside it.
    #[model(default = 250, min = 10, max = 1_000_000)]
    pub count: u32,
    #[model(
        default = "auto",
        charset = "a-z",
        min_len = 2,
        max_len = 6,
        format = "tag"
    )]
    pub tag: String,
    #[model(default = true)]
    pub enabled: bool,
    #[model(default = -1.5, min = -2, max = 1e6)]
    pub ratio: f64,
    #[model(default = 0.25, min = 0.0, max = 1e6)]
    pub weight: f32,
    /// Absent, the default; `null`, `None`.
    #[model(default = 3, min = -5, max = 5)]
    pub small: Option<i8>,
    #[model(default = -9_000_000_000, min = -9_000_000_000, max = 9_000_000_000)]
    pub stamp: i64,
    #[model(default = "urn:ietf:params:oauth:grant-type:device_code")]
    pub fallback: Grant,
    #[model(default = "RS256")]
    pub algorithm: Alg,
    /// Defaults given by a function.
    #[model(default = default_words, max_len = 4, items(charset = "a-z", min_len = 1, max_len = 8))]
    pub words: Vec<String>,
    #[model(default = default_grants, max_len = 4, deprecated)]
    pub grants: Vec<Grant>,
    /// Neither read nor written: their names are unknown members.
    #[model(skip)]
    pub cache: Option<u64>,
    #[model(skip, default = default_words)]
    pub seen: Vec<String>,
    /// Any JSON value, `null` among them: present, or absent and `null`.
    #[model(format = "anything")]
    pub tags: serde_json::Value,
    #[model(default)]
    pub payload: serde_json::Value,
    /// Any JSON value but `null`, which is `None`.
    pub extra: Option<serde_json::Value>,
    /// Any values in a list and in maps, with rules on the counts and the member names.
    #[model(default, max_len = 6)]
    pub digits: Vec<serde_json::Value>,
    #[model(
        default,
        max_len = 3,
        keys(charset = "a-z_", max_len = 16),
        format = "claims"
    )]
    pub keys: serde_json::Map<String, serde_json::Value>,
    #[model(max_len = 2, values(max_len = 3))]
    pub lists: Option<BTreeMap<String, Vec<serde_json::Value>>>,
    #[model(values(max_len = 2))]
    pub nested: Option<HashMap<String, serde_json::Map<String, serde_json::Value>>>,
    #[model(max_len = 2, items(max_len = 2, keys(max_len = 4)))]
    pub maps: Option<Vec<serde_json::Map<String, serde_json::Value>>>,
}

/// The secret fields of [`Presence`], as JSON Pointers.
pub const PRESENCE_SECRETS: &[&str] =
    &["/token", "/oldToken", "/note", "/owner/key", "/parent/key"];

/// A login, held by variants of the enums below: secrets in a struct model.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "snake_case")]
pub struct Login {
    #[model(charset = "A-Za-z0-9\\-_", min_len = 1, max_len = 40)]
    pub token: Option<Secret<String>>,
    #[model(charset = "a-z0-9", max_len = 64)]
    pub key: Option<Secret<String>>,
    #[model(min = 0, max = 86400)]
    pub max_age: Option<i64>,
}

/// Externally tagged: a unit variant is its tag alone (the values of [`Grant`] among them, so
/// that the `grant` and `grants` of [`Shapes`] documents read), any other an object of one
/// member, the tag, holding the content (`signing_key` and `read` so that the `keys` and
/// `scopes` of [`Shapes`] documents read).
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "SCREAMING_SNAKE_CASE", rename_all_fields = "camelCase")]
pub enum External {
    AuthorizationCode,
    #[model(deprecated)]
    ClientCredentials,
    #[model(rename = "urn:ietf:params:oauth:grant-type:device_code")]
    DeviceCode,
    #[model(rename = "a\"b\\c\u{E9}\u{1F600}")]
    Quoted,
    /// A secret alone.
    Token(#[model(min_len = 1, max_len = 40)] Secret<String>),
    /// A secret alone, with a charset.
    #[model(rename = "signing_key")]
    SigningKey(#[model(charset = "a-z0-9", min_len = 1, max_len = 40)] Secret<String>),
    /// Secrets among other fields: a renamed one, and one under its own name.
    Password {
        #[model(
            rename = "clientSecret",
            charset = "A-Za-z0-9\\-_",
            min_len = 1,
            max_len = 86
        )]
        secret: Secret<String>,
        #[model(min = 1, max = 3600)]
        max_age: Option<u32>,
        #[model(default, max_len = 3, items(charset = "a-z", max_len = 8))]
        scopes: Vec<String>,
    },
    #[model(rename = "read")]
    Read {
        #[model(charset = "a-z:.", min_len = 1, max_len = 20)]
        name: String,
        #[model(rename = "max_age", min = 0, max = 86400)]
        max_age: Option<i64>,
        #[model(charset = "a-z", max_len = 64)]
        key: Option<Secret<String>>,
    },
    /// A model with secrets.
    Code(Login),
    /// A number with rules.
    #[model(deprecated)]
    Ttl(#[model(min = 1, max = 3600)] u32),
}

/// Internally tagged by `name`: the names of the `owner` and `scopes` of [`Everything`]
/// documents are its tags. Of the secrets, `key` sorts before the tag and `token` after it, so
/// that the documents the secret check writes (whose members come sorted) take both the
/// buffering path (a tag met later) and the direct one.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    tag = "name",
    rename_all = "lowercase",
    rename_all_fields = "snake_case"
)]
pub enum Internal {
    /// A struct variant with a secret.
    #[model(rename = "openid")]
    OpenId {
        #[model(min = 0, max = 86400)]
        max_age: Option<i64>,
        #[model(charset = "a-z0-9", min_len = 1, max_len = 64)]
        key: Option<Secret<String>>,
        #[model(default, min = -10, max = 10)]
        weight: f64,
    },
    /// A newtype variant: a struct model, its members beside the tag.
    #[model(rename = "o")]
    Login(Login),
    #[model(rename = "o:x.y", deprecated)]
    Dotted,
    A,
    S,
}

/// Untagged: a list of [`Internal`] (the `scopes` of [`Everything`] documents), or one
/// [`External`] (those of [`Shapes`] documents): each variant tried on the buffered value.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(untagged)]
pub enum Scopes {
    List(#[model(max_len = 3)] Vec<Internal>),
    One(External),
}

/// Adjacently tagged: the tag in `total`, the content in `items` (the members of the
/// `labels` of [`Shapes`] documents), which sorts before it, so that the documents the secret
/// check writes have their content buffered. Secrets alone in newtype variants: the content of
/// every variant is a secret, or nothing, since an error about a string sent where an object
/// or a number is expected quotes part of it (so `/labels/items` is a secret's place whatever
/// the tag).
#[derive(Debug, Clone, PartialEq, Model)]
#[model(tag = "total", content = "items", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Adjacent {
    #[model(rename = "NONE")]
    Nothing,
    /// A secret alone, with a charset.
    Token(#[model(charset = "A-Za-z0-9\\-_", min_len = 1, max_len = 40)] Secret<String>),
    /// Another secret, with no rule but its length.
    #[model(deprecated)]
    Password(#[model(min_len = 8, max_len = 64)] Secret<String>),
    #[model(deprecated)]
    Public,
}

/// Adjacently tagged: the tag in `name`, the content in `value`, which sorts after it, so
/// that the documents the secret check writes have their content read as it comes. Secrets in
/// a struct variant and in a model. The `parent` of [`Everything`] documents is the unit
/// variant `p`.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    tag = "name",
    content = "value",
    rename_all = "SCREAMING_SNAKE_CASE",
    rename_all_fields = "camelCase"
)]
pub enum Envelope {
    /// A secret among other fields.
    Password {
        #[model(min_len = 8, max_len = 64)]
        client_secret: Secret<String>,
        #[model(max_len = 3, items(charset = "a-z", min_len = 1, max_len = 8))]
        scopes: Option<Vec<String>>,
    },
    /// A model with secrets.
    Code(Login),
    /// A string with rules.
    Label(#[model(charset = "a-z0-9 ", max_len = 12)] String),
    #[model(rename = "p", deprecated)]
    P,
}

/// Untagged: the first variant that takes the value (the `digits` of [`Everything`]
/// documents read as `Digit` and `Nothing`, its scopes as `Login`).
#[derive(Debug, Clone, PartialEq, Model)]
#[model(untagged, rename_all_fields = "camelCase")]
pub enum Untagged {
    Digit(#[model(max = 9)] u8),
    /// A secret alone, with a charset.
    Key(#[model(charset = "A-Za-z0-9\\-_", min_len = 1, max_len = 40)] Secret<String>),
    /// A secret among other fields.
    Login {
        #[model(min_len = 1, max_len = 64)]
        key: Secret<String>,
        #[model(charset = "a-z", max_len = 8)]
        name: Option<String>,
    },
    Nothing,
}

/// Exactly one variant must take the value: a lowercase word of two letters or more is both a
/// `Key` and a `Name`, a multiple of 7 up to 3600 both a `Seconds` and a `Sevens`, an object
/// with a `name` and a `key` of 8 characters or more both a `Login` and a `Scope`; all
/// refused. The `token`s of the other models' documents read as a `Key` or a `Name`.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(one_of, rename_all_fields = "camelCase")]
pub enum Exact {
    /// A secret alone, with a charset.
    Key(#[model(charset = "A-Za-z0-9\\-_", min_len = 2, max_len = 86)] Secret<String>),
    Name(#[model(charset = "a-z0-9 \\-\u{E9}", min_len = 1, max_len = 24)] String),
    Seconds(#[model(min = 1, max = 3600)] u32),
    Sevens(#[model(multiple_of = 7, max = 1_000_000)] u64),
    /// A secret among other fields.
    Login {
        #[model(min_len = 8, max_len = 64)]
        key: Secret<String>,
        #[model(min = 0, max = 86400)]
        max_age: Option<i64>,
    },
    /// A model with a secret.
    #[model(deprecated)]
    Scope(Scope),
}

/// A flattened map of secrets, beside a declared secret: the `vault` of [`Shapes`] documents.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Vault {
    #[model(rename = "db/password", min_len = 1, max_len = 64)]
    pub primary: Option<Secret<String>>,
    #[model(
        flatten,
        keys(charset = "a-z_~/", min_len = 1, max_len = 16),
        values(min_len = 1, max_len = 64)
    )]
    pub rest: HashMap<String, Secret<String>>,
}

/// A flattened map of strings, beside declared fields: the `attributes` of [`Shapes`]
/// documents.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct Attributes {
    #[model(charset = "a-z", max_len = 8)]
    pub team: Option<String>,
    #[model(min = 1, max = 9)]
    pub level: Option<u8>,
    #[model(
        flatten,
        keys(charset = "a-z_\\-", min_len = 1, max_len = 16),
        values(max_len = 32)
    )]
    pub rest: BTreeMap<String, String>,
}

/// A flattened `serde_json::Map`, beside a declared secret: the `payload` of [`Shapes`]
/// documents.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Claims {
    #[model(charset = "a-z0-9", min_len = 1, max_len = 40)]
    pub signing_key: Option<Secret<String>>,
    #[model(flatten, keys(charset = "a-z_", max_len = 16))]
    pub rest: serde_json::Map<String, serde_json::Value>,
}

/// Who made an object, flattened into [`Stamped`]: a secret among its members.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct Stamp {
    #[model(charset = "a-z", max_len = 8)]
    pub created_by: Option<String>,
    #[model(min_len = 1, max_len = 32)]
    pub session_key: Option<Secret<String>>,
}

/// A page's size, flattened into [`Stamped`]: required, so a `Stamped` without it is refused.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Paging {
    #[model(min = 1, max = 50)]
    pub limit: u8,
}

/// Two flattened struct models beside a declared field: the `stamped` of [`Unions`].
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Stamped {
    #[model(min = 1, max = 9)]
    pub level: Option<u8>,
    #[model(flatten)]
    pub stamp: Stamp,
    #[model(flatten)]
    pub page: Paging,
}

/// Patterns and checked formats: anchored and not, with Unicode classes, counted repetition and
/// alternation, on a secret, in a list, on member names and values: the `checked` of
/// [`Unions`].
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct Checked {
    #[model(pattern = r"^AC[0-9a-fA-F]{32}$")]
    pub sid: Option<String>,
    #[model(pattern = r"\d", max_len = 12)]
    pub code: Option<String>,
    #[model(pattern = r"^[\p{L} .'-]{1,24}$")]
    pub name: Option<String>,
    #[model(pattern = r"^(v|release-)?\d+(\.\d+){0,2}$")]
    pub version: Option<String>,
    #[model(pattern = "^sk_[A-Za-z0-9]{8,16}$")]
    pub api_key: Option<Secret<String>>,
    #[model(format = "email", check_format)]
    pub email: Option<String>,
    #[model(format = "date-time", check_format)]
    pub at: Option<String>,
    #[model(format = "uri", check_format, min_len = 1)]
    pub home: Option<Secret<String>>,
    #[model(max_len = 4, items(format = "ipv4", check_format))]
    pub hosts: Option<Vec<String>>,
    #[model(
        keys(pattern = "^x-[a-z]+$"),
        values(pattern = "[^ ]", format = "uuid", check_format)
    )]
    pub ids: Option<BTreeMap<String, String>>,
}

/// Enums with data in the five representations, with secrets in struct and newtype variants,
/// structs with a flattened map (of secrets, of strings, of any values) and a struct with
/// flattened models.
///
/// Unknown members are skipped, and the wire names, tags and variants are those of
/// [`Everything`] and [`Shapes`] documents where they fit: the fuzz target's seeds and corpus
/// then reach this model's variants too (`valid-full` and `shapes-valid-full` read, with a
/// variant of each representation but `one_of`'s object ones).
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct Unions {
    pub grant: Option<External>,
    #[model(max_len = 4)]
    pub grants: Option<Vec<External>>,
    pub keys: Option<External>,
    pub owner: Option<Internal>,
    pub scopes: Option<Scopes>,
    pub labels: Option<Adjacent>,
    pub parent: Option<Envelope>,
    #[model(max_len = 6)]
    pub digits: Option<Vec<Untagged>>,
    pub token: Option<Exact>,
    pub vault: Option<Vault>,
    pub attributes: Option<Attributes>,
    pub payload: Option<Claims>,
    pub stamped: Option<Stamped>,
    pub checked: Option<Checked>,
}

/// The secret fields of [`Unions`], as JSON Pointers: where each representation puts them.
pub const UNIONS_SECRETS: &[&str] = &[
    // Externally tagged: under the tag.
    "/grant/TOKEN",
    "/grant/signing_key",
    "/grant/PASSWORD/clientSecret",
    "/grant/read/key",
    "/grant/CODE/token",
    "/grant/CODE/key",
    "/grants/*/TOKEN",
    "/grants/*/signing_key",
    "/grants/*/PASSWORD/clientSecret",
    "/grants/*/read/key",
    "/grants/*/CODE/token",
    "/grants/*/CODE/key",
    "/keys/TOKEN",
    "/keys/signing_key",
    "/keys/PASSWORD/clientSecret",
    "/keys/read/key",
    "/keys/CODE/token",
    "/keys/CODE/key",
    // Internally tagged: beside the tag.
    "/owner/key",
    "/owner/token",
    // Untagged, a list of internally tagged values or an externally tagged one: `*` is an
    // item of the list, or the tag (`read`, `CODE`).
    "/scopes/*/key",
    "/scopes/*/token",
    "/scopes/TOKEN",
    "/scopes/signing_key",
    "/scopes/PASSWORD/clientSecret",
    // Adjacently tagged: the content, or in it.
    "/labels/items",
    "/parent/value/clientSecret",
    "/parent/value/token",
    "/parent/value/key",
    // Untagged and one_of: the value, or in it.
    "/digits/*",
    "/digits/*/key",
    "/token",
    "/token/key",
    // Flattened maps: every member of the vault, a declared one.
    "/vault/*",
    "/payload/signing_key",
    // Flattened models: a member of one, at the struct's level.
    "/stamped/sessionKey",
    // Held to a pattern and to a format.
    "/checked/apiKey",
    "/checked/home",
];

/// A flattened map at the top level: every member of the document but the two declared ones,
/// any value under a name of letters and `_`. Every document of the other models whose names
/// keep that rule reads.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct Flat {
    #[model(charset = "a-z0-9_\\-", min_len = 1, max_len = 16)]
    pub id: Option<String>,
    #[model(min_len = 1, max_len = 86)]
    pub old_token: Option<Secret<String>>,
    #[model(flatten, keys(charset = "a-zA-Z_", min_len = 1, max_len = 16))]
    pub rest: BTreeMap<String, serde_json::Value>,
}

/// The secret fields of [`Flat`].
pub const FLAT_SECRETS: &[&str] = &["/oldToken"];
