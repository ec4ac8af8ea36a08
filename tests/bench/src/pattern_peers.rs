//! The structs of [`crate::pattern_shapes`] written with `serde_derive` alone (the floor),
//! validator, garde, and `serde_derive` followed by `regex::Regex::is_match`, and the rows and
//! documents of the `patterns` benchmark's two tables.
//!
//! Each `read_*` function reads a JSON document (and validates the value, where the crate
//! validates after reading), drops the value and says whether it was accepted; [`check`] first
//! asserts that every row gives each document the verdict it should.

use core::hint::black_box;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use crate::pattern_shapes::{self as ours, SID_PATTERN};

/// The SID pattern compiled by `regex`, once, on first use: what validator's documentation
/// has its `regex(path = ...)` point at, and what the hand-written row calls.
pub static SID_REGEX: LazyLock<Regex> = LazyLock::new(|| Regex::new(SID_PATTERN).unwrap());

/// [`ours::Account`] with no check: the floor.
#[derive(Debug, Deserialize)]
pub struct Account {
    /// The account SID.
    pub sid: String,
}

/// validator: `regex(path = ...)`.
#[derive(Debug, Deserialize, validator::Validate)]
pub struct ValidatorAccount {
    /// The account SID.
    #[validate(regex(path = *SID_REGEX))]
    pub sid: String,
}

/// garde: `pattern(...)` with the pattern as a literal (garde compiles it into a static of its
/// own on first use).
#[derive(Debug, Deserialize, garde::Validate)]
pub struct GardeAccount {
    /// The account SID.
    #[garde(pattern(r"^AC[0-9a-fA-F]{32}$"))]
    pub sid: String,
}

/// [`ours::Contact`] with no check: the floor.
#[derive(Debug, Deserialize)]
pub struct Contact {
    /// The address.
    pub email: String,
}

/// validator: `email`.
#[derive(Debug, Deserialize, validator::Validate)]
pub struct ValidatorContact {
    /// The address.
    #[validate(email)]
    pub email: String,
}

/// garde: `email`.
#[derive(Debug, Deserialize, garde::Validate)]
pub struct GardeContact {
    /// The address.
    #[garde(email)]
    pub email: String,
}

/// Reads `doc` as a `T` and keeps the outcome alive until it is dropped.
#[inline(always)]
fn read<T: for<'de> Deserialize<'de>>(doc: &str) -> Option<T> {
    black_box(serde_json::from_str::<T>(doc)).ok()
}

/// Reads `doc` as a `serde_derive` [`Account`]; whether it was accepted.
pub fn read_account(doc: &str) -> bool {
    read::<Account>(doc).is_some()
}

/// Reads `doc` as a [`ValidatorAccount`], then validates it; whether both succeeded.
pub fn read_validator_account(doc: &str) -> bool {
    read::<ValidatorAccount>(doc)
        .is_some_and(|v| black_box(validator::Validate::validate(&v)).is_ok())
}

/// Reads `doc` as a [`GardeAccount`], then validates it; whether both succeeded.
pub fn read_garde_account(doc: &str) -> bool {
    read::<GardeAccount>(doc).is_some_and(|v| black_box(garde::Validate::validate(&v)).is_ok())
}

/// Reads `doc` as a `serde_derive` [`Account`], then matches its SID with [`SID_REGEX`];
/// whether both succeeded.
pub fn read_regex_account(doc: &str) -> bool {
    read::<Account>(doc).is_some_and(|v| SID_REGEX.is_match(&v.sid))
}

/// Reads `doc` as a `serde_derive` [`Contact`]; whether it was accepted.
pub fn read_contact(doc: &str) -> bool {
    read::<Contact>(doc).is_some()
}

/// Reads `doc` as a [`ValidatorContact`], then validates it; whether both succeeded.
pub fn read_validator_contact(doc: &str) -> bool {
    read::<ValidatorContact>(doc)
        .is_some_and(|v| black_box(validator::Validate::validate(&v)).is_ok())
}

/// Reads `doc` as a [`GardeContact`], then validates it; whether both succeeded.
pub fn read_garde_contact(doc: &str) -> bool {
    read::<GardeContact>(doc).is_some_and(|v| black_box(garde::Validate::validate(&v)).is_ok())
}

/// One table of the benchmark: a struct, its documents (columns) and its implementations
/// (rows, the floor first).
pub struct Shape {
    /// A file-name-safe id.
    pub name: &'static str,
    /// What the table reads.
    pub heading: &'static str,
    /// The columns: `(title, id, document, whether its value is valid)`.
    pub docs: Vec<(&'static str, &'static str, &'static str, bool)>,
    /// The rows, the floor first.
    pub rows: Vec<Row>,
}

impl Shape {
    /// The shape as the runner's table.
    pub fn grid(&self) -> crate::grid::Grid {
        crate::grid::Grid {
            name: self.name,
            heading: self.heading,
            docs: self
                .docs
                .iter()
                .map(|&(t, id, doc, _)| (t, id, doc))
                .collect(),
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
    /// Whether the row checks the value (every row but the floor).
    pub checks: bool,
}

/// The two tables, in the order they are printed.
pub fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "sid",
            heading: "`{\"sid\": \"AC…\"}`, the 34-character SID held to \
                      `^AC[0-9a-fA-F]{32}$`",
            docs: ours::SID_DOCS.to_vec(),
            rows: vec![
                Row {
                    title: "serde_derive, no check (the floor)",
                    id: "serde_derive",
                    read: read_account,
                    checks: false,
                },
                Row {
                    title: "**authlete-models**, `#[model(pattern = r\"^AC[0-9a-fA-F]{32}$\")]`",
                    id: "authlete_models",
                    read: ours::read_account,
                    checks: true,
                },
                Row {
                    title: "validator 0.21, `#[validate(regex(path = *SID_REGEX))]`, then \
                            `validate()`",
                    id: "validator",
                    read: read_validator_account,
                    checks: true,
                },
                Row {
                    title: "garde 0.23, `#[garde(pattern(r\"…\"))]`, then `validate()`",
                    id: "garde",
                    read: read_garde_account,
                    checks: true,
                },
                Row {
                    title: "serde_derive, then `regex::Regex::is_match` on the field \
                            (regex 1.13, a `LazyLock<Regex>`)",
                    id: "regex",
                    read: read_regex_account,
                    checks: true,
                },
            ],
        },
        Shape {
            name: "email",
            heading: "`{\"email\": \"…\"}`, the address checked as an email",
            docs: ours::EMAIL_DOCS.to_vec(),
            rows: vec![
                Row {
                    title: "serde_derive, no check (the floor)",
                    id: "serde_derive",
                    read: read_contact,
                    checks: false,
                },
                Row {
                    title: "**authlete-models**, `#[model(format = \"email\", check_format)]`",
                    id: "authlete_models",
                    read: ours::read_contact,
                    checks: true,
                },
                Row {
                    title: "validator 0.21, `#[validate(email)]`, then `validate()`",
                    id: "validator",
                    read: read_validator_contact,
                    checks: true,
                },
                Row {
                    title: "garde 0.23, `#[garde(email)]`, then `validate()`",
                    id: "garde",
                    read: read_garde_contact,
                    checks: true,
                },
            ],
        },
    ]
}

/// Asserts, before anything is timed, that every row gives every document its verdict: the
/// floor accepts every document (it checks nothing), the checking rows accept the valid ones
/// and refuse the invalid ones; and that every row refuses what is not the struct at all.
pub fn check() {
    for shape in shapes() {
        for &(_, doc_id, doc, valid) in &shape.docs {
            for row in &shape.rows {
                let expected = valid || !row.checks;
                assert_eq!(
                    (row.read)(doc),
                    expected,
                    "{} on {}:{doc_id}",
                    row.id,
                    shape.name
                );
            }
        }
        for bad in ["[]", "{}", "null", r#"{"sid": 7, "email": 7}"#] {
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
    // The hand-written regex row and the derive agree on more than the two documents.
    for sid in [
        "AC0123456789abcdef0123456789ABCDEF",
        "AC0123456789abcdef0123456789ABCDE",
        "AC0123456789abcdef0123456789ABCDEF0",
        "ac0123456789abcdef0123456789ABCDEF",
        "AC0123456789abcdef0123456789ABCDEF\n",
        "AC0123456789abcdef0123456789ABCDEé",
        "",
    ] {
        let doc = serde_json::json!({ "sid": sid }).to_string();
        assert_eq!(
            ours::read_account(&doc),
            SID_REGEX.is_match(sid),
            "authlete_models and regex on {sid:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_row_gives_every_document_its_verdict() {
        super::check();
    }
}
