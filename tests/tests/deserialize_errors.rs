//! What plain serde deserialization refuses besides the rules, each with an error that names
//! the field: a missing required field, `null` for a non-`Option` field, a value of the wrong
//! JSON type, a field given twice and, under `deny_unknown_fields`, an unknown field. No error
//! ever contains a secret's value.

use authlete_models::{ClientSecretUpdateRequest, Model, Secret, from_json};

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Profile {
    user_name: String,
    age: u8,
    active: bool,
    score: f64,
    tags: Vec<String>,
    nickname: Option<String>,
    address: Address,
    api_secret: Secret<String>,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
struct Address {
    city: String,
    zip_code: Option<String>,
}

fn valid_doc() -> serde_json::Value {
    serde_json::json!({
        "userName": "u",
        "age": 30,
        "active": true,
        "score": 1.5,
        "tags": ["a"],
        "nickname": "n",
        "address": {"city": "c"},
        "apiSecret": "s3cr3t"
    })
}

fn error_of(doc: &serde_json::Value) -> String {
    serde_json::from_str::<Profile>(&doc.to_string())
        .unwrap_err()
        .to_string()
}

#[test]
fn the_valid_document_is_accepted() {
    let v: Profile = serde_json::from_str(&valid_doc().to_string()).unwrap();
    assert_eq!(v.user_name, "u");
    assert_eq!(v.api_secret.expose(), "s3cr3t");
}

#[test]
fn a_missing_required_field_is_named() {
    for wire in [
        "userName",
        "age",
        "active",
        "score",
        "tags",
        "address",
        "apiSecret",
    ] {
        let mut doc = valid_doc();
        doc.as_object_mut().unwrap().remove(wire);
        let err = error_of(&doc);
        assert!(
            err.starts_with(&format!("/{wire}: missing required field")),
            "{wire}: {err}"
        );
    }
    // Inside a nested model, the path leads there.
    let mut doc = valid_doc();
    doc["address"] = serde_json::json!({"zipCode": "1"});
    assert!(error_of(&doc).starts_with("/address/city: missing required field"));
    // An optional field may be missing.
    let mut doc = valid_doc();
    doc.as_object_mut().unwrap().remove("nickname");
    assert!(serde_json::from_str::<Profile>(&doc.to_string()).is_ok());
}

#[test]
fn every_missing_field_is_reported_by_from_json() {
    let errors = from_json::<Profile>("{}").unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(
        found,
        [
            ("/userName", "required"),
            ("/age", "required"),
            ("/active", "required"),
            ("/score", "required"),
            ("/tags", "required"),
            ("/address", "required"),
            ("/apiSecret", "required"),
        ]
    );
}

#[test]
fn null_for_a_non_option_field_is_refused_naming_it() {
    for wire in [
        "userName",
        "age",
        "active",
        "score",
        "tags",
        "address",
        "apiSecret",
    ] {
        let mut doc = valid_doc();
        doc[wire] = serde_json::Value::Null;
        let err = error_of(&doc);
        assert!(err.contains("null"), "{wire}: {err}");
        assert!(err.contains(&format!("/{wire}")), "{wire}: {err}");
        let errors = from_json::<Profile>(&doc.to_string()).unwrap_err();
        let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
        let path = format!("/{wire}");
        assert_eq!(found, [(path.as_str(), "type")], "{wire}");
    }
    // `null` is `None` for an `Option`.
    let mut doc = valid_doc();
    doc["nickname"] = serde_json::Value::Null;
    let v: Profile = serde_json::from_str(&doc.to_string()).unwrap();
    assert_eq!(v.nickname, None);
}

#[test]
fn a_wrong_json_type_is_refused_naming_the_field() {
    let cases = [
        ("userName", serde_json::json!(5)),
        ("userName", serde_json::json!(["u"])),
        ("userName", serde_json::json!({"u": 1})),
        ("userName", serde_json::json!(false)),
        ("age", serde_json::json!("30")),
        ("age", serde_json::json!(-1)),
        ("age", serde_json::json!(300)),
        ("age", serde_json::json!(true)),
        ("active", serde_json::json!(1)),
        ("active", serde_json::json!("true")),
        ("score", serde_json::json!("1.5")),
        ("score", serde_json::json!([1.5])),
        ("tags", serde_json::json!("a")),
        ("tags", serde_json::json!({"0": "a"})),
        ("nickname", serde_json::json!(1)),
        ("address", serde_json::json!("c")),
        ("address", serde_json::json!(["c"])),
        ("apiSecret", serde_json::json!({"s": 1})),
    ];
    for (wire, value) in cases {
        let mut doc = valid_doc();
        doc[wire] = value.clone();
        let err = error_of(&doc);
        assert!(err.contains(&format!("/{wire}")), "{wire} = {value}: {err}");
        // serde_json adds where it stopped.
        assert!(err.contains(" at line "), "{wire} = {value}: {err}");
    }
    // An item of the wrong type is named by its index.
    let mut doc = valid_doc();
    doc["tags"] = serde_json::json!(["a", "b", 3]);
    assert!(error_of(&doc).contains("/tags/2"), "{}", error_of(&doc));
    let mut doc = valid_doc();
    doc["address"] = serde_json::json!({"city": 1});
    assert!(
        error_of(&doc).contains("/address/city"),
        "{}",
        error_of(&doc)
    );
}

#[test]
fn a_wrong_type_error_says_what_was_expected() {
    let mut doc = valid_doc();
    doc["userName"] = serde_json::json!(5);
    let err = error_of(&doc);
    assert!(err.contains("invalid type"), "{err}");
    assert!(err.contains("expected a string at /userName"), "{err}");
}

#[test]
fn the_document_itself_must_be_an_object() {
    for json in ["\"text\"", "5", "null", "true", "[]"] {
        let err = serde_json::from_str::<Profile>(json).unwrap_err();
        assert!(err.to_string().contains("Profile"), "{json}: {err}");
    }
    // An array is not read as the fields in order, as it is no JSON form of an object.
    let err = serde_json::from_str::<ClientSecretUpdateRequest>(r#"["abc"]"#).unwrap_err();
    assert!(err.to_string().contains("expected an object"), "{err}");
}

#[test]
fn a_duplicated_field_is_refused_naming_it() {
    let cases = [
        (
            r#"{"userName": "a", "userName": "b"}"#,
            "/userName: duplicate field",
        ),
        // The same value twice is still twice.
        (r#"{"age": 1, "age": 1}"#, "/age: duplicate field"),
        // `null` then a value for an `Option`: the field was given twice.
        (
            r#"{"nickname": null, "nickname": "n"}"#,
            "/nickname: duplicate field",
        ),
        (
            r#"{"address": {"city": "a", "city": "b"}}"#,
            "/address/city: duplicate field",
        ),
        (
            r#"{"apiSecret": "a", "apiSecret": "b"}"#,
            "/apiSecret: duplicate field",
        ),
    ];
    for (json, expected) in cases {
        let err = serde_json::from_str::<Profile>(json).unwrap_err();
        assert!(err.to_string().starts_with(expected), "{json}: {err}");
    }
    // from_json reports it at the member, with the code `duplicate`.
    let mut text = valid_doc().to_string();
    text.insert_str(1, r#""age": 1, "#);
    let errors = from_json::<Profile>(&text).unwrap_err();
    let first = errors.iter().next().unwrap();
    assert_eq!(
        (errors.len(), first.path(), first.code()),
        (1, "/age", "duplicate")
    );
}

#[test]
fn an_unknown_field_under_deny_unknown_fields_is_named() {
    let mut doc = valid_doc();
    doc["address"] = serde_json::json!({"city": "c", "country": "x"});
    let err = error_of(&doc);
    assert!(err.contains("unknown field `country`"), "{err}");
    assert!(err.contains("`city`") && err.contains("`zipCode`"), "{err}");
    // The top level does not deny unknown fields.
    let mut doc = valid_doc();
    doc["country"] = serde_json::json!("x");
    assert!(serde_json::from_str::<Profile>(&doc.to_string()).is_ok());
}

#[test]
fn an_unknown_field_name_is_quoted_only_in_part_when_long() {
    let long = "q".repeat(5000);
    let json = format!(r#"{{"city": "c", "{long}": 1}}"#);
    let err = serde_json::from_str::<Address>(&json)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field"), "{err}");
    assert!(err.len() < 300, "{} bytes", err.len());
}

// ---------------------------------------------------------------------------------------------
// Secrets never show in errors

const MARKER: &str = "Zx81Secret";

#[test]
fn rule_errors_about_a_secret_do_not_contain_it() {
    for secret in [
        format!("{MARKER} with space"),
        format!("{MARKER}{}", "A".repeat(90)),
        format!("{MARKER}+/="),
    ] {
        let json = format!(r#"{{"clientSecret": "{secret}"}}"#);
        let err = serde_json::from_str::<ClientSecretUpdateRequest>(&json).unwrap_err();
        assert!(!err.to_string().contains(MARKER), "{err}");
        assert!(!format!("{err:?}").contains(MARKER), "{err:?}");
        let errors = from_json::<ClientSecretUpdateRequest>(&json).unwrap_err();
        assert!(!errors.to_string().contains(MARKER), "{errors}");
        assert!(!serde_json::to_string(&errors).unwrap().contains(MARKER));
    }
}

#[test]
fn type_errors_about_a_secret_do_not_contain_it() {
    // A credential sent with the wrong JSON type is still the credential.
    for value in [
        "918273645",
        "-918273645",
        "9182.73645",
        "18446744073709551615",
    ] {
        let json = format!(r#"{{"clientSecret": {value}}}"#);
        let err = serde_json::from_str::<ClientSecretUpdateRequest>(&json).unwrap_err();
        assert!(!err.to_string().contains(value), "{err}");
        assert!(err.to_string().contains("/clientSecret"), "{err}");
        let errors = from_json::<ClientSecretUpdateRequest>(&json).unwrap_err();
        assert!(!errors.to_string().contains(value), "{errors}");
    }
}

#[test]
fn structural_errors_near_a_secret_do_not_contain_it() {
    let secret = format!("{MARKER}ok");
    let cases = [
        // Given twice.
        format!(r#"{{"clientSecret": "{secret}", "clientSecret": "{secret}"}}"#),
        // Followed by a syntax error.
        format!(r#"{{"clientSecret": "{secret}" "x"}}"#),
        // In a document that is not complete.
        format!(r#"{{"clientSecret": "{secret}""#),
    ];
    for json in cases {
        let err = serde_json::from_str::<ClientSecretUpdateRequest>(&json).unwrap_err();
        assert!(!err.to_string().contains(MARKER), "{err}");
        let errors = from_json::<ClientSecretUpdateRequest>(&json).unwrap_err();
        assert!(!errors.to_string().contains(MARKER), "{errors}");
    }
    // A secret beside an unknown field of a strict model.
    #[derive(Debug, Model)]
    #[model(deny_unknown_fields)]
    struct Strict {
        key: Secret<String>,
    }
    let json = format!(r#"{{"key": "{secret}", "other": 1}}"#);
    let err = serde_json::from_str::<Strict>(&json).unwrap_err();
    assert!(!err.to_string().contains(MARKER), "{err}");
    let errors = from_json::<Strict>(&json).unwrap_err();
    assert!(!errors.to_string().contains(MARKER), "{errors}");
}
