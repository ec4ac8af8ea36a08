//! The shapes of [`crate::union_shapes`] written with `serde_derive` (no rules: it has none),
//! and the rows and documents of the `unions` benchmark's tables.
//!
//! Each `read_*` function reads a JSON document, drops the value and says whether it was
//! accepted; [`check`] first reads every document with both derives and asserts that they give
//! the same value, converted to this project's type.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

use crate::union_shapes as ours;

/// [`ours::Payment`] with `#[serde(tag = "type")]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Payment {
    /// A card payment.
    Card {
        /// The card holder's name.
        holder: String,
        /// The last four digits of the card number.
        last4: String,
        /// The amount in cents.
        amount: u64,
        /// The fee.
        fee: f64,
    },
    /// A bank transfer.
    Transfer {
        /// The account.
        iban: String,
        /// The amount in cents.
        amount: u64,
    },
    /// Cash.
    Cash,
}

impl From<Payment> for ours::Payment {
    fn from(p: Payment) -> Self {
        match p {
            Payment::Card {
                holder,
                last4,
                amount,
                fee,
            } => ours::Payment::Card {
                holder,
                last4,
                amount,
                fee,
            },
            Payment::Transfer { iban, amount } => ours::Payment::Transfer { iban, amount },
            Payment::Cash => ours::Payment::Cash,
        }
    }
}

/// [`ours::Credential`] with `#[serde(untagged)]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Credential {
    /// A user name and password.
    Password {
        /// The user name.
        username: String,
        /// The password.
        password: String,
    },
    /// A bearer token.
    Token {
        /// The token.
        token: String,
        /// Seconds.
        expires_in: u64,
    },
    /// A certificate.
    Certificate {
        /// The subject.
        subject: String,
        /// The issuer's name.
        issuer: String,
        /// The serial number.
        serial: u64,
    },
}

impl From<Credential> for ours::Credential {
    fn from(c: Credential) -> Self {
        match c {
            Credential::Password { username, password } => {
                ours::Credential::Password { username, password }
            }
            Credential::Token { token, expires_in } => {
                ours::Credential::Token { token, expires_in }
            }
            Credential::Certificate {
                subject,
                issuer,
                serial,
            } => ours::Credential::Certificate {
                subject,
                issuer,
                serial,
            },
        }
    }
}

/// [`ours::Claims`] with `#[serde(flatten)]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Claims {
    /// The subject.
    pub sub: String,
    /// Issued at.
    pub iat: u64,
    /// The scopes.
    pub scope: String,
    /// Every member not declared above.
    #[serde(flatten)]
    pub extra: BTreeMap<String, String>,
}

impl From<Claims> for ours::Claims {
    fn from(c: Claims) -> Self {
        ours::Claims {
            sub: c.sub,
            iat: c.iat,
            scope: c.scope,
            extra: c.extra,
        }
    }
}

/// [`ours::Audit`], no rules.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Audit {
    /// Who made it.
    pub created_by: String,
    /// When.
    pub created_at: u64,
    /// The revision.
    pub revision: u64,
}

/// [`ours::Record`] with `#[serde(flatten)]` on the [`Audit`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    /// The id.
    pub id: String,
    /// The file name.
    pub name: String,
    /// The size in bytes.
    pub size: u64,
    /// Who made it and when, at the record's level.
    #[serde(flatten)]
    pub audit: Audit,
}

/// [`Record`]'s six members declared in one struct: what reading them costs without
/// `flatten`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlainRecord {
    /// The id.
    pub id: String,
    /// The file name.
    pub name: String,
    /// The size in bytes.
    pub size: u64,
    /// Who made it.
    pub created_by: String,
    /// When.
    pub created_at: u64,
    /// The revision.
    pub revision: u64,
}

impl From<PlainRecord> for ours::Record {
    fn from(r: PlainRecord) -> Self {
        ours::Record {
            id: r.id,
            name: r.name,
            size: r.size,
            audit: ours::Audit {
                created_by: r.created_by,
                created_at: r.created_at,
                revision: r.revision,
            },
        }
    }
}

impl From<Record> for ours::Record {
    fn from(r: Record) -> Self {
        ours::Record {
            id: r.id,
            name: r.name,
            size: r.size,
            audit: ours::Audit {
                created_by: r.audit.created_by,
                created_at: r.audit.created_at,
                revision: r.audit.revision,
            },
        }
    }
}

/// The usual double-option helper: a member present is `Some`, its `null` `Some(None)`; with
/// `#[serde(default)]` an absent member is `None`.
pub fn double_option<'de, T, D>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// [`ours::Patch`] with `#[serde(default, deserialize_with = "double_option")]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Patch {
    /// The object updated.
    pub id: u64,
    /// Absent, `null` or a string.
    #[serde(default, deserialize_with = "double_option")]
    pub label: Option<Option<String>>,
    /// Absent, `null` or a number.
    #[serde(default, deserialize_with = "double_option")]
    pub expires_at: Option<Option<u64>>,
}

impl From<Patch> for ours::Patch {
    fn from(p: Patch) -> Self {
        ours::Patch {
            id: p.id,
            label: p.label,
            expires_at: p.expires_at,
        }
    }
}

/// Reads `doc` as a `serde_derive` [`Payment`]; whether it was accepted.
pub fn read_payment(doc: &str) -> bool {
    serde_json::from_str::<Payment>(doc).is_ok()
}

/// Reads `doc` as a `serde_derive` [`Credential`]; whether it was accepted.
pub fn read_credential(doc: &str) -> bool {
    serde_json::from_str::<Credential>(doc).is_ok()
}

/// Reads `doc` as `serde_derive` [`Claims`]; whether it was accepted.
pub fn read_claims(doc: &str) -> bool {
    serde_json::from_str::<Claims>(doc).is_ok()
}

/// Reads `doc` as a `serde_derive` [`Record`]; whether it was accepted.
pub fn read_record(doc: &str) -> bool {
    serde_json::from_str::<Record>(doc).is_ok()
}

/// Reads `doc` as a `serde_derive` [`PlainRecord`]; whether it was accepted.
pub fn read_plain_record(doc: &str) -> bool {
    serde_json::from_str::<PlainRecord>(doc).is_ok()
}

/// Reads `doc` as a `serde_derive` [`Patch`]; whether it was accepted.
pub fn read_patch(doc: &str) -> bool {
    serde_json::from_str::<Patch>(doc).is_ok()
}

/// One table of the benchmark: a shape, its documents (columns) and its two implementations
/// (rows, `serde_derive` first).
pub struct Shape {
    /// A file-name-safe id.
    pub name: &'static str,
    /// What the table reads.
    pub heading: &'static str,
    /// The columns: `(title, id, document)`.
    pub docs: Vec<(&'static str, &'static str, &'static str)>,
    /// The rows, the floor first.
    pub rows: Vec<Row>,
}

impl Shape {
    /// The shape as the runner's table.
    pub fn grid(&self) -> crate::grid::Grid {
        crate::grid::Grid {
            name: self.name,
            heading: self.heading,
            docs: self.docs.iter().map(|&(t, id, doc)| (t, id, doc)).collect(),
            rows: self.rows.iter().map(|r| (r.title, r.id, r.read)).collect(),
        }
    }
}

/// An implementation in a table.
#[derive(Clone, Copy)]
pub struct Row {
    /// The row title.
    pub title: &'static str,
    /// The criterion id.
    pub id: &'static str,
    /// Reads a document; whether it was accepted.
    pub read: fn(&str) -> bool,
}

/// The five tables, in the order they are printed.
pub fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "tagged",
            heading: "an internally tagged enum (`tag = \"type\"`), its `Card` variant: two \
                      strings and two numbers (four rules for this project)",
            docs: ours::TAGGED_DOCS.to_vec(),
            rows: vec![
                Row {
                    title: "serde_derive, `#[serde(tag = \"type\")]` (the floor)",
                    id: "serde_derive",
                    read: read_payment,
                },
                Row {
                    title: "**authlete-models**, `#[model(tag = \"type\")]`",
                    id: "authlete_models",
                    read: ours::read_payment,
                },
            ],
        },
        Shape {
            name: "untagged",
            heading: "an untagged enum of three struct variants (rules on the first two for \
                      this project)",
            docs: ours::untagged_docs()
                .into_iter()
                .map(|(t, id, doc, _)| (t, id, doc))
                .collect(),
            rows: vec![
                Row {
                    title: "serde_derive, `#[serde(untagged)]` (the floor)",
                    id: "serde_derive",
                    read: read_credential,
                },
                Row {
                    title: "**authlete-models**, `#[model(untagged)]`",
                    id: "authlete_models",
                    read: ours::read_credential,
                },
            ],
        },
        Shape {
            name: "flatten",
            heading: "a struct of 3 declared fields and a flattened `BTreeMap<String, String>` \
                      (no rules)",
            docs: vec![("3 declared + 5 other members", "map", ours::FLATTEN_DOC)],
            rows: vec![
                Row {
                    title: "serde_derive, `#[serde(flatten)]` (the floor)",
                    id: "serde_derive",
                    read: read_claims,
                },
                Row {
                    title: "**authlete-models**, `#[model(flatten)]`",
                    id: "authlete_models",
                    read: ours::read_claims,
                },
            ],
        },
        Shape {
            name: "flatten_model",
            heading: "a struct of 3 declared fields and a flattened struct model of 3 fields \
                      (two rules on the model for this project)",
            docs: vec![(
                "3 declared + 3 flattened members",
                "model",
                ours::FLAT_MODEL_DOC,
            )],
            rows: vec![
                Row {
                    title: "serde_derive, `#[serde(flatten)]` of a struct (the floor)",
                    id: "serde_derive",
                    read: read_record,
                },
                Row {
                    title: "**authlete-models**, `#[model(flatten)]` of a model",
                    id: "authlete_models",
                    read: ours::read_record,
                },
                Row {
                    title: "serde_derive, the six members declared in one struct, no \
                            `flatten` (what reading them costs at all)",
                    id: "serde_derive_plain",
                    read: read_plain_record,
                },
            ],
        },
        Shape {
            name: "double_option",
            heading: "`{\"id\", \"label\", \"expiresAt\"}`, the last two \
                      `Option<Option<String>>` and `Option<Option<u64>>` (no rules)",
            docs: ours::patch_docs()
                .into_iter()
                .map(|(t, id, doc, _)| (t, id, doc))
                .collect(),
            rows: vec![
                Row {
                    title: "serde_derive, `default, deserialize_with = \"double_option\"` (the floor)",
                    id: "serde_derive",
                    read: read_patch,
                },
                Row {
                    title: "**authlete-models**, plain `Option<Option<T>>`",
                    id: "authlete_models",
                    read: ours::read_patch,
                },
            ],
        },
    ]
}

/// Reads every document with both derives and asserts that each gives the value the document
/// holds; then that each refuses a document of the wrong kind.
pub fn check() {
    let serde = |doc: &str| serde_json::from_str::<Payment>(doc).map(ours::Payment::from);
    for (_, id, doc) in ours::TAGGED_DOCS {
        let theirs = serde(doc).unwrap_or_else(|e| panic!("serde_derive on {id}: {e}"));
        let mine = serde_json::from_str::<ours::Payment>(doc)
            .unwrap_or_else(|e| panic!("authlete-models on {id}: {e}"));
        assert_eq!(theirs, mine, "{id}");
        assert_eq!(mine, ours::card(), "{id}");
    }
    for (_, id, doc, expected) in ours::untagged_docs() {
        let theirs: ours::Credential = serde_json::from_str::<Credential>(doc)
            .unwrap_or_else(|e| panic!("serde_derive on {id}: {e}"))
            .into();
        let mine = serde_json::from_str::<ours::Credential>(doc)
            .unwrap_or_else(|e| panic!("authlete-models on {id}: {e}"));
        assert_eq!(theirs, mine, "{id}");
        assert_eq!(mine, expected, "{id}");
    }
    let theirs: ours::Claims = serde_json::from_str::<Claims>(ours::FLATTEN_DOC)
        .expect("serde_derive on the flatten document")
        .into();
    let mine = serde_json::from_str::<ours::Claims>(ours::FLATTEN_DOC)
        .expect("authlete-models on the flatten document");
    assert_eq!(theirs, mine);
    assert_eq!(mine, ours::claims());
    let theirs: ours::Record = serde_json::from_str::<Record>(ours::FLAT_MODEL_DOC)
        .expect("serde_derive on the flattened-model document")
        .into();
    let mine = serde_json::from_str::<ours::Record>(ours::FLAT_MODEL_DOC)
        .expect("authlete-models on the flattened-model document");
    assert_eq!(theirs, mine);
    assert_eq!(mine, ours::record());
    let plain: ours::Record = serde_json::from_str::<PlainRecord>(ours::FLAT_MODEL_DOC)
        .expect("serde_derive on the flattened-model document, one struct")
        .into();
    assert_eq!(plain, mine);
    for (_, id, doc, expected) in ours::patch_docs() {
        let theirs: ours::Patch = serde_json::from_str::<Patch>(doc)
            .unwrap_or_else(|e| panic!("serde_derive on {id}: {e}"))
            .into();
        let mine = serde_json::from_str::<ours::Patch>(doc)
            .unwrap_or_else(|e| panic!("authlete-models on {id}: {e}"));
        assert_eq!(theirs, mine, "{id}");
        assert_eq!(mine, expected, "{id}");
    }
    // Both refuse what is none of the shape.
    for shape in shapes() {
        for bad in ["[]", "{}", "null"] {
            for row in &shape.rows {
                assert!(
                    !(row.read)(bad),
                    "{} on {} accepts {bad}",
                    row.id,
                    shape.name
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_derives_read_every_document_to_the_same_value() {
        super::check();
    }
}
