//! The documented model written with plain `serde_derive` and with each peer crate, the way
//! each crate's documentation writes those rules: 1 to 86 characters of `A-Z a-z 0-9 - _`.
//!
//! Every `accepts_*` function reads a JSON document and validates it (deserialize, then the
//! crate's `validate()`), keeps the result from being optimized away, drops it, and says
//! whether the document was accepted.

use core::hint::black_box;

use serde::Deserialize;

/// The plain value: `serde_derive` and nothing else (the floor of the tables).
#[derive(Deserialize)]
pub struct Floor {
    /// The secret.
    #[serde(rename = "clientSecret")]
    pub client_secret: String,
}

/// `serde_derive` for the struct, a hand-written `Deserialize` with a 256-entry table for the
/// field: checked while borrowed, copied only once accepted.
#[derive(Deserialize)]
pub struct Table {
    /// The secret.
    #[serde(rename = "clientSecret")]
    pub client_secret: TableSecret,
}

/// A string of 1 to 86 characters of `A-Z a-z 0-9 - _`.
pub struct TableSecret(pub String);

const fn url_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
        b += 1;
    }
    t
}

static URL_TABLE: [bool; 256] = url_table();

impl<'de> Deserialize<'de> for TableSecret {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = TableSecret;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("1 to 86 characters of A-Z a-z 0-9 - _")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<TableSecret, E> {
                // The table admits ASCII only, so bytes are characters once it holds.
                if s.is_empty() || s.len() > 86 || !s.bytes().all(|b| URL_TABLE[b as usize]) {
                    return Err(E::custom(
                        "clientSecret: must be 1 to 86 characters of A-Z a-z 0-9 - _",
                    ));
                }
                Ok(TableSecret(s.to_owned()))
            }
        }
        d.deserialize_str(V)
    }
}

static URL_REGEX: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^[A-Za-z0-9_-]*$").unwrap());

/// validator: `length` + `regex`.
#[derive(Deserialize, validator::Validate)]
pub struct WithValidator {
    /// The secret.
    #[serde(rename = "clientSecret")]
    #[validate(length(min = 1, max = 86), regex(path = *URL_REGEX))]
    pub client_secret: String,
}

/// garde: `length(chars)` + `pattern`.
#[derive(Deserialize, garde::Validate)]
pub struct WithGarde {
    /// The secret.
    #[serde(rename = "clientSecret")]
    #[garde(length(chars, min = 1, max = 86), pattern(r"^[A-Za-z0-9_-]*$"))]
    pub client_secret: String,
}

/// The nutype newtype: `len_char_min` / `len_char_max` + `predicate`.
#[nutype::nutype(
    validate(
        len_char_min = 1,
        len_char_max = 86,
        predicate = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    ),
    derive(Deserialize, Debug)
)]
pub struct NutypeSecret(String);

/// nutype: the newtype as a field of a `serde_derive` struct.
#[derive(Deserialize)]
pub struct WithNutype {
    /// The secret.
    #[serde(rename = "clientSecret")]
    pub client_secret: NutypeSecret,
}

/// serde_valid: `min_length` / `max_length` + `pattern`.
#[derive(Deserialize, serde_valid::Validate)]
pub struct WithSerdeValid {
    /// The secret.
    #[serde(rename = "clientSecret")]
    #[validate(min_length = 1)]
    #[validate(max_length = 86)]
    #[validate(pattern = r"^[A-Za-z0-9_-]*$")]
    pub client_secret: String,
}

/// Reads `doc` as a `T` and keeps the outcome alive until it is dropped.
#[inline(always)]
fn read<T: for<'de> Deserialize<'de>>(doc: &str) -> Option<T> {
    let read = black_box(serde_json::from_str::<T>(doc));
    read.ok()
}

/// Plain `serde_derive` + `serde_json`, no validation.
pub fn accepts_floor(doc: &str) -> bool {
    black_box(read::<Floor>(doc)).is_some()
}

/// This project: `#[derive(Model)]`, validated while read.
/// The documented model through `from_json`, which collects every violation.
pub fn accepts_from_json(doc: &str) -> bool {
    black_box(authlete_models::from_json::<
        authlete_models::ApiServiceIdClientSecretUpdateClientIdentifie,
    >(doc))
    .is_ok()
}

/// The documented model through its `Deserialize`, which stops at the first violation.
pub fn accepts_authlete_models(doc: &str) -> bool {
    black_box(read::<
        authlete_models::ApiServiceIdClientSecretUpdateClientIdentifie,
    >(doc))
    .is_some()
}

/// This project, the same rules on a plain `String` (not a `Secret`).
pub fn accepts_not_secret(doc: &str) -> bool {
    black_box(read::<crate::variants::NotSecret>(doc)).is_some()
}

/// This project, the same field with no rule: the derive's own cost.
pub fn accepts_no_rules(doc: &str) -> bool {
    black_box(read::<crate::variants::NoRules>(doc)).is_some()
}

/// The hand-written table field.
pub fn accepts_table(doc: &str) -> bool {
    black_box(read::<Table>(doc)).is_some()
}

/// validator: deserialize, then validate.
pub fn accepts_validator(doc: &str) -> bool {
    read::<WithValidator>(doc).is_some_and(|v| black_box(validator::Validate::validate(&v)).is_ok())
}

/// garde: deserialize, then validate.
pub fn accepts_garde(doc: &str) -> bool {
    read::<WithGarde>(doc).is_some_and(|v| black_box(garde::Validate::validate(&v)).is_ok())
}

/// nutype: validated while read (the newtype's `Deserialize` calls `try_new`).
pub fn accepts_nutype(doc: &str) -> bool {
    black_box(read::<WithNutype>(doc)).is_some()
}

/// serde_valid: deserialize, then validate.
pub fn accepts_serde_valid(doc: &str) -> bool {
    read::<WithSerdeValid>(doc)
        .is_some_and(|v| black_box(serde_valid::Validate::validate(&v)).is_ok())
}

/// An implementation in the tables: its row title, a file-name-safe id, and its function.
pub struct Peer {
    /// The row title.
    pub title: &'static str,
    /// The criterion id.
    pub id: &'static str,
    /// Reads and validates a document; `true` when accepted.
    pub accepts: fn(&str) -> bool,
    /// Whether it checks the rules (the floor and the no-rule variant accept anything).
    pub validates: bool,
}

/// The rows of the deserialize table, the floor first.
pub const DESERIALIZE: &[Peer] = &[
    Peer {
        title: "serde_derive, no validation (the floor)",
        id: "serde_derive",
        accepts: accepts_floor,
        validates: false,
    },
    Peer {
        title: "**authlete-models** (`#[derive(Model)]`)",
        id: "authlete_models",
        accepts: accepts_authlete_models,
        validates: true,
    },
    Peer {
        title: "**authlete-models**, `from_json` (every violation, with its pointer and code)",
        id: "from_json",
        accepts: accepts_from_json,
        validates: true,
    },
    Peer {
        title: "validator 0.21 (length + regex)",
        id: "validator",
        accepts: accepts_validator,
        validates: true,
    },
    Peer {
        title: "garde 0.23 (length(chars) + pattern)",
        id: "garde",
        accepts: accepts_garde,
        validates: true,
    },
    Peer {
        title: "nutype 0.8 (len_char_max + predicate)",
        id: "nutype",
        accepts: accepts_nutype,
        validates: true,
    },
    Peer {
        title: "serde_valid 3.2 (max_length + pattern)",
        id: "serde_valid",
        accepts: accepts_serde_valid,
        validates: true,
    },
    Peer {
        title: "hand-written serde field with a 256-entry table",
        id: "table",
        accepts: accepts_table,
        validates: true,
    },
    Peer {
        title: "authlete-models, the same rules on a plain `String` (not a `Secret`)",
        id: "authlete_models_not_secret",
        accepts: accepts_not_secret,
        validates: true,
    },
    Peer {
        title: "authlete-models, the same field with no rule (the derive alone)",
        id: "authlete_models_no_rules",
        accepts: accepts_no_rules,
        validates: false,
    },
];

/// The larger model with `serde_derive` and garde's rules, matching
/// [`crate::large::Client`] rule for rule.
pub mod large {
    use serde::Deserialize;

    /// [`crate::large::Client`] with `serde_derive` and garde.
    #[derive(Debug, Deserialize, garde::Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct Client {
        /// An identifier alias.
        #[garde(length(chars, min = 1, max = 86), pattern(r"^[A-Za-z0-9_-]*$"))]
        pub client_id_alias: String,
        /// A display name.
        #[garde(length(chars, min = 1, max = 200))]
        pub client_name: String,
        /// Access token lifetime.
        #[garde(range(min = 1, max = 86400))]
        pub token_ttl: u32,
        /// A weight.
        #[garde(range(min = 0.0, max = 1.0))]
        pub weight: f64,
        /// Enabled.
        #[garde(skip)]
        pub enabled: bool,
        /// A description.
        #[garde(length(chars, max = 500))]
        pub description: Option<String>,
        /// A priority.
        #[garde(range(min = -100, max = 100))]
        pub priority: i32,
        /// Tags.
        #[garde(length(max = 10), inner(pattern(r"^[a-z_]*$")))]
        pub tags: Vec<String>,
        /// A software identifier.
        #[garde(length(chars, max = 64), pattern(r"^[A-Za-z0-9._:-]*$"))]
        pub software_id: Option<String>,
        /// Scopes.
        #[garde(length(min = 1, max = 50), dive)]
        pub scopes: Vec<Scope>,
    }

    /// [`crate::large::Scope`] with `serde_derive` and garde.
    #[derive(Debug, Deserialize, garde::Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct Scope {
        /// The name.
        #[garde(length(chars, min = 1, max = 64), pattern(r"^[a-z0-9_:.-]*$"))]
        pub name: String,
        /// A description.
        #[garde(length(chars, max = 200))]
        pub description: Option<String>,
        /// Default entry.
        #[garde(skip)]
        pub default_entry: bool,
        /// A lifetime.
        #[garde(range(min = 0, max = 3600))]
        pub ttl: u32,
    }

    /// The same shape with no rule at all: the floor.
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct FloorClient {
        /// An identifier alias.
        pub client_id_alias: String,
        /// A display name.
        pub client_name: String,
        /// Access token lifetime.
        pub token_ttl: u32,
        /// A weight.
        pub weight: f64,
        /// Enabled.
        pub enabled: bool,
        /// A description.
        pub description: Option<String>,
        /// A priority.
        pub priority: i32,
        /// Tags.
        pub tags: Vec<String>,
        /// A software identifier.
        pub software_id: Option<String>,
        /// Scopes.
        pub scopes: Vec<FloorScope>,
    }

    /// [`crate::large::Scope`] with no rule.
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct FloorScope {
        /// The name.
        pub name: String,
        /// A description.
        pub description: Option<String>,
        /// Default entry.
        pub default_entry: bool,
        /// A lifetime.
        pub ttl: u32,
    }
}
