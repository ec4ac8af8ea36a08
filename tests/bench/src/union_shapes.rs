//! The derive's newer shapes, read with this project's derive: an internally tagged enum, an
//! untagged enum, a flattened map, a flattened struct model and `Option<Option<T>>`, with the
//! documents the `unions` benchmark reads and the value each document must read to.
//!
//! The same shapes with `serde_derive` are in `union_peers`, behind the `peers` feature; these
//! models need nothing but this project.

use std::collections::BTreeMap;

use authlete_models::Model;

/// A payment, tagged by its kind in `type` (internally tagged). `Card` is the variant read.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(tag = "type", rename_all = "snake_case")]
pub enum Payment {
    /// A card payment: two strings and two numbers, four rules.
    Card {
        /// The card holder's name, 1 to 64 characters.
        #[model(min_len = 1, max_len = 64)]
        holder: String,
        /// The last four digits of the card number.
        #[model(min_len = 4, max_len = 4)]
        last4: String,
        /// The amount in cents, at least 1.
        #[model(min = 1)]
        amount: u64,
        /// The fee, not negative.
        #[model(min = 0)]
        fee: f64,
    },
    /// A bank transfer.
    Transfer {
        /// The account.
        #[model(max_len = 34)]
        iban: String,
        /// The amount in cents.
        amount: u64,
    },
    /// Cash.
    Cash,
}

/// The card payment every tagged document holds.
pub fn card() -> Payment {
    Payment::Card {
        holder: "Alice Example".into(),
        last4: "4242".into(),
        amount: 1999,
        fee: 0.35,
    }
}

/// The tagged documents: `(column title, id, document)`, the tag first, then last.
pub const TAGGED_DOCS: [(&str, &str, &str); 2] = [
    (
        "tag first",
        "tag_first",
        r#"{"type": "card", "holder": "Alice Example", "last4": "4242", "amount": 1999, "fee": 0.35}"#,
    ),
    (
        "tag last",
        "tag_last",
        r#"{"holder": "Alice Example", "last4": "4242", "amount": 1999, "fee": 0.35, "type": "card"}"#,
    ),
];

/// A client credential, told apart by its members (untagged): the first variant, in
/// declaration order, that accepts the document is the value.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(untagged)]
pub enum Credential {
    /// A user name and password.
    Password {
        /// 1 to 64 characters.
        #[model(min_len = 1, max_len = 64)]
        username: String,
        /// At least 8 characters.
        #[model(min_len = 8)]
        password: String,
    },
    /// A bearer token.
    Token {
        /// At most 256 characters.
        #[model(max_len = 256)]
        token: String,
        /// Seconds, at least 1.
        #[model(min = 1)]
        expires_in: u64,
    },
    /// A certificate.
    Certificate {
        /// At most 128 characters.
        #[model(max_len = 128)]
        subject: String,
        /// The issuer's name.
        issuer: String,
        /// The serial number.
        serial: u64,
    },
}

/// The untagged documents: `(column title, id, document, the value it holds)`.
pub fn untagged_docs() -> Vec<(&'static str, &'static str, &'static str, Credential)> {
    vec![
        (
            "matches the 3rd (last) variant",
            "third",
            r#"{"subject": "CN=client.example.com", "issuer": "CN=Example CA", "serial": 4242}"#,
            Credential::Certificate {
                subject: "CN=client.example.com".into(),
                issuer: "CN=Example CA".into(),
                serial: 4242,
            },
        ),
        (
            "matches the 1st variant",
            "first",
            r#"{"username": "alice", "password": "correct horse"}"#,
            Credential::Password {
                username: "alice".into(),
                password: "correct horse".into(),
            },
        ),
    ]
}

/// An ID token's claims: three declared members, every other member in `extra`.
#[derive(Debug, Clone, PartialEq, Model)]
pub struct Claims {
    /// The subject.
    pub sub: String,
    /// Issued at.
    pub iat: u64,
    /// The scopes.
    pub scope: String,
    /// Every member not declared above.
    #[model(flatten)]
    pub extra: BTreeMap<String, String>,
}

/// The flatten document: 3 declared and 5 other members, interleaved.
pub const FLATTEN_DOC: &str = r#"{"sub": "alice", "acr": "urn:mace:incommon:iap:silver", "iat": 1700000000, "amr": "pwd", "azp": "client-1", "scope": "openid profile", "sid": "08a5019c-17e1-4977-8f42-65a12843ea02", "nonce": "n-0S6_WzA2Mj"}"#;

/// The value [`FLATTEN_DOC`] holds.
pub fn claims() -> Claims {
    Claims {
        sub: "alice".into(),
        iat: 1_700_000_000,
        scope: "openid profile".into(),
        extra: [
            ("acr", "urn:mace:incommon:iap:silver"),
            ("amr", "pwd"),
            ("azp", "client-1"),
            ("sid", "08a5019c-17e1-4977-8f42-65a12843ea02"),
            ("nonce", "n-0S6_WzA2Mj"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect(),
    }
}

/// Members several models share: who made the object, when, and its revision; two rules.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct Audit {
    /// Who made it, at most 64 characters.
    #[model(max_len = 64)]
    pub created_by: String,
    /// When, at least 1.
    #[model(min = 1)]
    pub created_at: u64,
    /// The revision.
    pub revision: u64,
}

/// A stored document: three declared fields and the three members of [`Audit`] beside them.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct Record {
    /// The id.
    pub id: String,
    /// The file name.
    pub name: String,
    /// The size in bytes.
    pub size: u64,
    /// Who made it and when, at the record's level.
    #[model(flatten)]
    pub audit: Audit,
}

/// The flattened-model document: 3 declared and 3 flattened members, interleaved.
pub const FLAT_MODEL_DOC: &str = r#"{"id": "doc-42", "createdBy": "alice", "name": "report.pdf", "createdAt": 1700000000, "size": 52340, "revision": 3}"#;

/// The value [`FLAT_MODEL_DOC`] holds.
pub fn record() -> Record {
    Record {
        id: "doc-42".into(),
        name: "report.pdf".into(),
        size: 52_340,
        audit: Audit {
            created_by: "alice".into(),
            created_at: 1_700_000_000,
            revision: 3,
        },
    }
}

/// A partial update: `label` and `expiresAt` absent (leave as is), `null` (clear) or a value
/// (set).
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct Patch {
    /// The object updated.
    pub id: u64,
    /// Absent, `null` or a string.
    pub label: Option<Option<String>>,
    /// Absent, `null` or a number.
    pub expires_at: Option<Option<u64>>,
}

/// The double-option documents: `(column title, id, document, the value it holds)`.
pub fn patch_docs() -> Vec<(&'static str, &'static str, &'static str, Patch)> {
    vec![
        (
            "both members `null`",
            "null",
            r#"{"id": 7, "label": null, "expiresAt": null}"#,
            Patch {
                id: 7,
                label: Some(None),
                expires_at: Some(None),
            },
        ),
        (
            "both members a value",
            "value",
            r#"{"id": 7, "label": "primary key", "expiresAt": 1700000000}"#,
            Patch {
                id: 7,
                label: Some(Some("primary key".into())),
                expires_at: Some(Some(1_700_000_000)),
            },
        ),
        (
            "both members absent",
            "absent",
            r#"{"id": 7}"#,
            Patch {
                id: 7,
                label: None,
                expires_at: None,
            },
        ),
    ]
}

/// Reads `doc` as a [`Payment`]; whether it was accepted.
pub fn read_payment(doc: &str) -> bool {
    serde_json::from_str::<Payment>(doc).is_ok()
}

/// Reads `doc` as a [`Credential`]; whether it was accepted.
pub fn read_credential(doc: &str) -> bool {
    serde_json::from_str::<Credential>(doc).is_ok()
}

/// Reads `doc` as [`Claims`]; whether it was accepted.
pub fn read_claims(doc: &str) -> bool {
    serde_json::from_str::<Claims>(doc).is_ok()
}

/// Reads `doc` as a [`Record`]; whether it was accepted.
pub fn read_record(doc: &str) -> bool {
    serde_json::from_str::<Record>(doc).is_ok()
}

/// Reads `doc` as a [`Patch`]; whether it was accepted.
pub fn read_patch(doc: &str) -> bool {
    serde_json::from_str::<Patch>(doc).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_reads_to_its_value() {
        for (_, id, doc) in TAGGED_DOCS {
            assert_eq!(
                serde_json::from_str::<Payment>(doc).unwrap(),
                card(),
                "{id}"
            );
        }
        for (_, id, doc, expected) in untagged_docs() {
            assert_eq!(
                serde_json::from_str::<Credential>(doc).unwrap(),
                expected,
                "{id}"
            );
        }
        assert_eq!(
            serde_json::from_str::<Claims>(FLATTEN_DOC).unwrap(),
            claims()
        );
        assert_eq!(
            serde_json::from_str::<Record>(FLAT_MODEL_DOC).unwrap(),
            record()
        );
        for (_, id, doc, expected) in patch_docs() {
            assert_eq!(
                serde_json::from_str::<Patch>(doc).unwrap(),
                expected,
                "{id}"
            );
        }
    }

    #[test]
    fn the_rules_hold_in_the_benchmarked_shapes() {
        // A rule broken in the tagged variant, the tag first and last.
        assert!(!read_payment(
            r#"{"type": "card", "holder": "A", "last4": "424", "amount": 1, "fee": 0}"#
        ));
        assert!(!read_payment(
            r#"{"holder": "A", "last4": "4242", "amount": 0, "fee": 0, "type": "card"}"#
        ));
        // A password too short is not a `Password`, and nothing else takes it.
        assert!(!read_credential(
            r#"{"username": "a", "password": "short"}"#
        ));
        // A flattened member must be a string.
        assert!(!read_claims(
            r#"{"sub": "a", "iat": 1, "scope": "s", "x": 1}"#
        ));
        // The flattened model's rules hold at the record's level, and its members are required.
        let valid: serde_json::Value = serde_json::from_str(FLAT_MODEL_DOC).unwrap();
        assert!(read_record(&valid.to_string()));
        for (member, value) in [
            ("createdBy", serde_json::json!("x".repeat(65))),
            ("createdAt", serde_json::json!(0)),
        ] {
            let mut doc = valid.clone();
            doc[member] = value;
            assert!(!read_record(&doc.to_string()), "{member}");
        }
        let mut doc = valid;
        doc.as_object_mut().unwrap().remove("revision");
        assert!(!read_record(&doc.to_string()));
    }
}
