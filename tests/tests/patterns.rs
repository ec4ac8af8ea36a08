//! `pattern` and `check_format`: JSON Schema's patterns and formats, checked in all five places
//! (the first-violation read, `validate()`, `from_json`, writing, the schema).

use std::collections::BTreeMap;

use authlete_models::{Model, Secret, Validate, from_json};
use serde_json::json;

/// A Twilio-style account id, a slug, and a contact address, checked.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Account {
    #[model(pattern = r"^AC[0-9a-fA-F]{32}$")]
    sid: String,
    /// Unanchored: the pattern may match anywhere.
    #[model(pattern = "[0-9]", max_len = 8)]
    code: Option<String>,
    #[model(charset = "a-z-", pattern = "^[a-z]+(-[a-z]+)*$")]
    slug: Option<String>,
    #[model(format = "email", check_format)]
    email: Option<String>,
    #[model(pattern = "^sk_[a-z0-9]{8}$")]
    key: Option<Secret<String>>,
    #[model(items(pattern = "^[A-Z]{2}$"), max_len = 3)]
    countries: Option<Vec<String>>,
    #[model(keys(pattern = "^x-"), values(format = "uri", check_format))]
    links: Option<BTreeMap<String, String>>,
    /// An annotation only: not checked.
    #[model(format = "email")]
    note: Option<String>,
}

const SID: &str = "AC0123456789abcdef0123456789ABCDEF";

fn read(doc: serde_json::Value) -> Result<Account, String> {
    serde_json::from_value(doc).map_err(|e| e.to_string())
}

fn found(doc: serde_json::Value) -> Vec<(String, String)> {
    match from_json::<Account>(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code().to_owned()))
            .collect(),
    }
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn a_matching_value_reads_and_writes_back() {
    let doc = json!({
        "sid": SID, "code": "ab1", "slug": "a-b", "email": "ann@example.com",
        "key": "sk_abc12345", "countries": ["FR", "DE"],
        "links": {"x-home": "https://example.com/"}, "note": "not an address"
    });
    let a = read(doc.clone()).unwrap();
    assert_eq!(a.sid, SID);
    assert!(a.validate().is_ok());
    assert_eq!(from_json::<Account>(&doc.to_string()).unwrap(), a);
    assert_eq!(serde_json::to_value(&a).unwrap(), doc);
}

#[test]
fn the_first_violation_names_the_pattern_and_the_field() {
    let err = read(json!({"sid": "AC0123"})).unwrap_err();
    assert_eq!(
        err,
        "/sid: pattern: must match the pattern `^AC[0-9a-fA-F]{32}$`"
    );
    let err = read(json!({"sid": SID, "email": "ann@"})).unwrap_err();
    assert_eq!(err, "/email: format: must be a valid `email`");
    // Unanchored: a digit anywhere is enough, none is refused.
    assert!(read(json!({"sid": SID, "code": "abc9def"})).is_ok());
    assert!(read(json!({"sid": SID, "code": "abcdef"})).is_err());
}

#[test]
fn every_violation_is_listed_with_its_pointer_and_code() {
    let doc = json!({
        "sid": "BC0123456789abcdef0123456789ABCDEF", "code": "abcdefghij", "slug": "a--b",
        "email": "no at sign", "countries": ["FR", "fr", "D"],
        "links": {"home": "not a uri", "x-ok": "https://ok.example/"}, "note": "free"
    });
    // `json!` writes members in name order: the errors come in that order.
    assert_eq!(
        found(doc),
        pairs(&[
            ("/code", "max_len"),
            ("/code", "pattern"),
            ("/countries/1", "pattern"),
            ("/countries/2", "pattern"),
            ("/email", "format"),
            // The member name `home` breaks `keys(pattern)`: the map is where it is.
            ("/links", "pattern"),
            ("/links/home", "format"),
            ("/sid", "pattern"),
            ("/slug", "pattern"),
        ])
    );
}

#[test]
fn validate_lists_what_a_value_built_in_code_breaks() {
    let a = Account {
        sid: "AC".into(),
        code: None,
        slug: Some("A".into()),
        email: Some("x".into()),
        key: Some(Secret::new("sk_TOOLONGVALUE".into())),
        countries: None,
        links: None,
        note: Some("anything".into()),
    };
    let errors = a.validate().unwrap_err();
    let found: Vec<_> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(
        found,
        [
            ("/sid", "pattern"),
            ("/slug", "charset"),
            ("/slug", "pattern"),
            ("/email", "format"),
            ("/key", "pattern"),
        ]
    );
}

#[test]
fn a_secret_s_value_is_never_in_the_error() {
    let err = read(json!({"sid": SID, "key": "sk_NOPE-VALUE"})).unwrap_err();
    assert!(err.starts_with("/key: pattern:"), "{err}");
    assert!(!err.contains("NOPE"), "{err}");
    let listed =
        from_json::<Account>(&json!({"sid": SID, "key": "sk_NOPE-VALUE"}).to_string()).unwrap_err();
    assert!(!format!("{listed:?} {listed}").contains("NOPE"));
}

#[test]
fn the_schema_has_each_pattern_as_written_and_a_charset_beside_it_under_all_of() {
    let schema = Account::json_schema();
    let props = &schema["properties"];
    assert_eq!(props["sid"]["pattern"], r"^AC[0-9a-fA-F]{32}$");
    assert_eq!(props["slug"]["pattern"], "^[a-z]+(-[a-z]+)*$");
    assert_eq!(
        props["slug"]["allOf"],
        json!([{"pattern": "^[\\u002Da-z]*$"}])
    );
    assert_eq!(props["email"]["format"], "email");
    assert_eq!(props["countries"]["items"]["pattern"], "^[A-Z]{2}$");
    assert_eq!(props["links"]["propertyNames"]["pattern"], "^x-");
}

#[test]
fn a_long_pattern_is_cut_in_the_message() {
    #[derive(Debug, Model)]
    struct Long {
        #[model(
            pattern = "^(alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|kilo|lima)+$"
        )]
        word: String,
    }
    let err = serde_json::from_value::<Long>(json!({"word": "x"}))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "/word: pattern: must match the pattern `^(alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet…`"
    );
}
