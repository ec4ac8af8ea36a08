//! `not_pattern`: JSON Schema's `not: {"pattern": ...}`, a string refused when a pattern matches
//! it, checked in all five places (the first-violation read, `validate()`, `from_json`,
//! writing, the schema). The rules are the ones real documents write: a step key that must not
//! resemble a UUID nor hold a matrix interpolation (Buildkite's pipeline schema), a relative
//! path (OKH's `relPath` in SchemaStore), a name that must not start with `bk`.

use std::collections::BTreeMap;

use authlete_models::{Model, Secret, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::json;

const UUID: &str = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

#[derive(Debug, Clone, PartialEq, Model)]
struct Step {
    // Allowed characters, and neither a UUID nor a matrix interpolation.
    #[model(
        max_len = 100,
        pattern = r"^[a-zA-Z0-9_\-:${}.,]+$",
        not_pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        not_pattern = r"\{\{matrix"
    )]
    key: String,
    /// Unanchored at the end: any name starting with `bk` is refused.
    #[model(not_pattern = "^([Bb][Kk])")]
    secret_name: Option<String>,
    /// A token that must not be a test key; its value is never in an error.
    #[model(not_pattern = "^sk_test_", min_len = 10)]
    token: Option<Secret<String>>,
    /// Relative paths, each on its own: no protocol, no `//`, no `..`.
    #[model(items(
        not_pattern = "^[a-z]*:",
        not_pattern = "^//",
        not_pattern = r"(?:.*/)?\.\.(?:/.*)?"
    ))]
    files: Option<Vec<String>>,
    #[model(keys(not_pattern = "^x-"), values(not_pattern = "^$"))]
    labels: Option<BTreeMap<String, String>>,
    /// Under `Box`, as anywhere.
    #[allow(clippy::box_collection)]
    #[model(not_pattern = r"\s")]
    boxed: Option<Box<String>>,
}

/// A step key on its own.
#[derive(Debug, Clone, PartialEq, Model)]
struct StepKey(#[model(not_pattern = r"\{\{matrix")] String);

fn step(key: &str) -> Step {
    Step {
        key: key.into(),
        secret_name: None,
        token: None,
        files: None,
        labels: None,
        boxed: None,
    }
}

fn read(doc: serde_json::Value) -> Result<Step, String> {
    serde_json::from_value(doc).map_err(|e| e.to_string())
}

fn listed(doc: serde_json::Value) -> Vec<(String, String)> {
    match from_json::<Step>(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(errors) => found(&errors),
    }
}

#[test]
fn a_value_no_refused_pattern_matches_reads_and_writes_back() {
    let doc = json!({
        "key": "deploy-staging", "secret_name": "SECRET_BKX", "token": "sk_live_123",
        "files": ["docs/a.md", "a.b", "x/y:z"], "labels": {"team": "ci"}, "boxed": "one"
    });
    let step = read(doc.clone()).unwrap();
    assert_eq!(step.key, "deploy-staging");
    assert!(step.validate().is_ok());
    assert_eq!(from_json::<Step>(&doc.to_string()).unwrap(), step);
    assert_eq!(serde_json::to_value(&step).unwrap(), doc);
}

#[test]
fn the_first_violation_names_the_refused_pattern_and_the_field() {
    let err = read(json!({"key": "0123abcd-0123-4567-89ab-0123456789ab"})).unwrap_err();
    // A long pattern is cut in the message, as `pattern`'s.
    assert_eq!(
        err,
        "/key: not_pattern: must not match the pattern `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-…`"
    );
    let err = read(json!({"key": "build-{{matrix.os}}"})).unwrap_err();
    assert_eq!(
        err,
        r"/key: not_pattern: must not match the pattern `\{\{matrix`"
    );
    // Beside `pattern`, the pattern comes first.
    let err = read(json!({"key": "{{matrix os}}"})).unwrap_err();
    assert!(err.starts_with("/key: pattern: "), "{err}");
    // Unanchored at the end: a prefix is enough.
    let err = read(json!({"key": "k", "secret_name": "bkToken"})).unwrap_err();
    assert_eq!(
        err,
        "/secret_name: not_pattern: must not match the pattern `^([Bb][Kk])`"
    );
    assert!(read(json!({"key": "k", "secret_name": "my_bk"})).is_ok());
    assert!(read(json!({"key": "k", "secret_name": null})).is_ok());
    let err = read(json!({"key": "k", "boxed": "a b"})).unwrap_err();
    assert!(err.starts_with("/boxed: not_pattern: "), "{err}");
}

#[test]
fn every_violation_is_listed_with_its_pointer_and_code() {
    let doc = json!({
        "key": "{{matrix os}}", "secret_name": "BK", "token": "sk_test_1",
        "files": ["ok", "//host/../etc", "https:x"],
        "labels": {"x-team": "", "ok": "v"}
    });
    // `json!` writes members in name order: the errors come in that order.
    assert_eq!(
        listed(doc),
        pairs(&[
            ("/files/1", "not_pattern"),
            ("/files/1", "not_pattern"),
            ("/files/2", "not_pattern"),
            ("/key", "pattern"),
            ("/key", "not_pattern"),
            // The member name `x-team` breaks `keys(not_pattern)`: the map is where it is.
            ("/labels", "not_pattern"),
            ("/labels/x-team", "not_pattern"),
            ("/secret_name", "not_pattern"),
            ("/token", "min_len"),
            ("/token", "not_pattern"),
        ])
    );
}

#[test]
fn each_refused_pattern_that_matches_is_listed_in_the_order_written() {
    let errors = from_json::<Step>(r#"{"key": "k", "files": ["//a/../b"]}"#).unwrap_err();
    let messages: Vec<_> = errors.iter().map(|e| e.message().to_owned()).collect();
    assert_eq!(
        messages,
        [
            "must not match the pattern `^//`",
            r"must not match the pattern `(?:.*/)?\.\.(?:/.*)?`"
        ]
    );
}

#[test]
fn validate_lists_what_a_value_built_in_code_breaks() {
    let mut s = step("0123abcd-0123-4567-89ab-0123456789ab");
    s.secret_name = Some("bk".into());
    s.token = Some(Secret::new("sk_test_123".into()));
    s.files = Some(vec!["../up".into()]);
    s.labels = Some(BTreeMap::from([("x-a".into(), "v".into())]));
    let errors = s.validate().unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/key", "not_pattern"),
            ("/secret_name", "not_pattern"),
            ("/token", "not_pattern"),
            ("/files/0", "not_pattern"),
            ("/labels", "not_pattern"),
        ])
    );
    assert!(step("deploy").validate().is_ok());
}

#[test]
fn a_secret_s_value_is_never_in_the_error() {
    let doc = json!({"key": "k", "token": "sk_test_HUNTER2"});
    let err = read(doc.clone()).unwrap_err();
    assert_eq!(
        err,
        "/token: not_pattern: must not match the pattern `^sk_test_`"
    );
    let errors = from_json::<Step>(&doc.to_string()).unwrap_err();
    assert!(!format!("{errors:?} {errors}").contains("HUNTER2"));
    let mut s = step("k");
    s.token = Some(Secret::new("sk_test_HUNTER2".into()));
    let errors = s.validate().unwrap_err();
    assert!(!format!("{errors:?} {errors}").contains("HUNTER2"));
}

#[test]
fn a_newtype_holds_its_value_to_the_refused_pattern() {
    assert_eq!(
        serde_json::from_str::<StepKey>(r#""build""#).unwrap(),
        StepKey("build".into())
    );
    let err = serde_json::from_str::<StepKey>(r#""{{matrix}}""#)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(r"(root): not_pattern: must not match the pattern `\{\{matrix`"),
        "{err}"
    );
    assert_eq!(
        found(&StepKey("{{matrix}}".into()).validate().unwrap_err()),
        pairs(&[("", "not_pattern")])
    );
    assert_eq!(
        StepKey::json_schema()["not"],
        json!({"pattern": r"\{\{matrix"})
    );
}

#[test]
fn the_schema_has_one_refused_pattern_under_not_and_several_under_not_any_of() {
    let schema = Step::json_schema();
    let props = &schema["properties"];
    // Several: `not` of `anyOf`, in the order written, beside the other keywords.
    assert_eq!(
        props["key"],
        json!({
            "type": "string",
            "maxLength": 100,
            "pattern": r"^[a-zA-Z0-9_\-:${}.,]+$",
            "not": {"anyOf": [{"pattern": UUID}, {"pattern": r"\{\{matrix"}]}
        })
    );
    // One, on an `Option`: `null` is a branch of its own, since `{"not": {"pattern": ...}}`
    // beside `"type": ["string", "null"]` would refuse `null`.
    assert_eq!(
        props["secret_name"]["anyOf"],
        json!([
            {"type": "string", "not": {"pattern": "^([Bb][Kk])"}},
            {"type": "null"}
        ])
    );
    assert_eq!(
        props["files"]["items"],
        json!({"type": "string", "not": {"anyOf": [
            {"pattern": "^[a-z]*:"},
            {"pattern": "^//"},
            {"pattern": r"(?:.*/)?\.\.(?:/.*)?"}
        ]}})
    );
    let labels = &props["labels"];
    assert_eq!(labels["propertyNames"]["not"], json!({"pattern": "^x-"}));
    assert_eq!(
        labels["additionalProperties"],
        json!({"type": "string", "not": {"pattern": "^$"}})
    );
    assert_eq!(
        props["token"]["anyOf"][0]["not"],
        json!({"pattern": "^sk_test_"})
    );
}
