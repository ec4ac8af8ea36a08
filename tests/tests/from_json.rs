//! `from_json` reads a whole document and reports every violation in it at once, each with
//! its JSON Pointer and code: `syntax`, `type`, `required`, `unknown_field`, `invalid`, and the
//! rule codes `charset`, `min_len`, `max_len`, `min`, `max`.

use authlete_models::{Model, Secret, Validate, from_json};
use authlete_models_tests::{found, pairs};

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
struct Scope {
    #[model(charset = "a-z_", min_len = 1, max_len = 8)]
    name: String,
    #[model(min = 1, max = 86400)]
    max_age: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
struct Registration {
    #[model(charset = "A-Za-z0-9_-", min_len = 1, max_len = 16)]
    client_id: String,
    #[model(min_len = 8)]
    client_secret: Secret<String>,
    #[model(min = 1, max = 10)]
    priority: i32,
    enabled: bool,
    #[model(min = 0.0, max = 1.0)]
    weight: f64,
    #[model(max_len = 3)]
    scopes: Vec<Scope>,
    default_scope: Option<Scope>,
    #[model(default, items(charset = "a-z"))]
    tags: Vec<String>,
    description: Option<String>,
}

#[derive(Debug, Model)]
struct Labels {
    #[model(values(max_len = 3))]
    labels: std::collections::HashMap<String, String>,
}

#[derive(Debug, Model)]
struct LabelSets {
    sets: Vec<Labels>,
}

fn valid_doc() -> serde_json::Value {
    serde_json::json!({
        "clientId": "app_1",
        "clientSecret": "long-enough",
        "priority": 5,
        "enabled": true,
        "weight": 0.5,
        "scopes": [{"name": "openid"}],
    })
}

#[test]
fn a_valid_document_is_the_value_serde_reads() {
    let json = valid_doc().to_string();
    let value = from_json::<Registration>(&json).unwrap();
    assert_eq!(value, serde_json::from_str::<Registration>(&json).unwrap());
    assert_eq!(value.validate(), Ok(()));
    assert_eq!(value.client_secret.expose(), "long-enough");
    assert_eq!(value.tags, Vec::<String>::new());
}

#[test]
fn every_violation_is_reported_at_once_in_document_order() {
    let json = r#"{
        "clientId": "bad id!",
        "priority": 11,
        "enabled": "yes",
        "weight": -0.1,
        "scopes": [
            {"name": "openid"},
            {"name": "Bad-Name", "maxAge": 0},
            {"maxAge": "soon"},
            {"name": "toolongname", "extra": true}
        ],
        "defaultScope": 7,
        "tags": ["ok", "NO", 3],
        "description": null,
        "unexpected": {"a": 1}
    }"#;
    let errors = from_json::<Registration>(json).unwrap_err();
    assert_eq!(
        found(&errors),
        // As the document is written; an array's count before its items' violations (the
        // array starts first); an absent member at the end of its object.
        pairs(&[
            ("/clientId", "charset"),
            ("/priority", "max"),
            ("/enabled", "type"),
            ("/weight", "min"),
            ("/scopes", "max_len"),
            ("/scopes/1/name", "charset"),
            ("/scopes/1/maxAge", "min"),
            ("/scopes/2/maxAge", "type"),
            ("/scopes/2/name", "required"),
            ("/scopes/3/name", "max_len"),
            ("/scopes/3/extra", "unknown_field"),
            ("/defaultScope", "type"),
            ("/tags/1", "charset"),
            ("/tags/2", "type"),
            ("/unexpected", "unknown_field"),
            ("/clientSecret", "required"),
        ])
    );
    // Every pointer but the missing one leads to its value in the document.
    let doc: serde_json::Value = serde_json::from_str(json).unwrap();
    for e in &errors {
        if e.code() != "required" {
            assert!(doc.pointer(e.path()).is_some(), "{e}");
        }
    }
}

#[test]
fn messages_say_what_was_expected_without_the_value() {
    let json = r#"{"clientId": "", "clientSecret": "short", "priority": "5", "enabled": null, "weight": 2, "scopes": {}}"#;
    let errors = from_json::<Registration>(json).unwrap_err();
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "/clientId: min_len: must be at least 1 character long, got 0",
            "/clientSecret: min_len: must be at least 8 characters long, got 5",
            // A type error ends with where the value ends: columns 57, 74 and 101 are the
            // last characters of `"5"`, `null` and `{}`.
            "/priority: type: must be an integer in the field's range, got a string at line 1 column 57",
            "/enabled: type: must be a boolean, got null at line 1 column 74",
            "/weight: max: must be at most 1.0, got 2",
            "/scopes: type: must be an array, got an object at line 1 column 101",
        ]
    );
    assert!(!errors.to_string().contains("short"));
}

#[test]
fn type_errors_say_where_the_value_ends() {
    // Line 3, column 19 is the last character of `"ten"`; line 4, column 27 the `]` closing
    // the array given for an object.
    let json =
        "{\n  \"clientId\": \"a\",\n  \"priority\": \"ten\",\n  \"defaultScope\": [1, 2, 3]\n}";
    let errors = from_json::<Registration>(json).unwrap_err();
    let typed: Vec<&str> = errors
        .iter()
        .filter(|e| e.code() == "type")
        .map(|e| e.message())
        .collect();
    assert_eq!(
        typed,
        [
            "must be an integer in the field's range, got a string at line 3 column 19",
            "must be an object, got an array at line 4 column 27",
        ]
    );
}

#[test]
fn syntax_errors_are_one_error_at_the_root() {
    for json in [
        "",
        "{",
        r#"{"clientId": }"#,
        r#"{"clientId": "a",}"#,
        "{} x",
        "nul",
        "{'a': 1}",
    ] {
        let errors = from_json::<Registration>(json).unwrap_err();
        assert_eq!(found(&errors), pairs(&[("", "syntax")]), "{json:?}");
        let e = errors.iter().next().unwrap();
        assert!(e.message().contains("line 1 column"), "{json:?}: {e}");
        // The root path displays as `(root)`.
        assert!(e.to_string().starts_with("(root): syntax: "), "{e}");
    }
    // The position counts lines.
    let errors = from_json::<Registration>("{\n\"clientId\": \"a\",\n\n  oops\n}").unwrap_err();
    assert!(
        errors
            .iter()
            .next()
            .unwrap()
            .message()
            .contains("line 4 column"),
        "{errors}"
    );
}

#[test]
fn a_document_that_is_not_an_object_is_a_type_error_at_the_root() {
    // Each message names the kind of value given and where it ends.
    for (json, message) in [
        (
            "\"text\"",
            "must be an object, got a string at line 1 column 6",
        ),
        ("5", "must be an object, got a number at line 1 column 1"),
        (
            "-2.5e3",
            "must be an object, got a number at line 1 column 6",
        ),
        ("null", "must be an object, got null at line 1 column 4"),
        (
            "true",
            "must be an object, got a boolean at line 1 column 4",
        ),
        (
            "[1, 2]",
            "must be an object, got an array at line 1 column 6",
        ),
    ] {
        let errors = from_json::<Registration>(json).unwrap_err();
        assert_eq!(found(&errors), pairs(&[("", "type")]), "{json}");
        assert_eq!(errors.iter().next().unwrap().message(), message);
    }
}

#[test]
fn a_scalar_given_for_an_object_an_array_or_a_map_is_listed_and_reading_goes_on() {
    // Columns 22, 58, 76 and 95 are the last characters of `7`, `"… at line 9 column 9"`,
    // `null` and `false`; the string's own words never reach the message.
    let json = r#"{"sets": [{"labels": 7}, {"labels": "a at line 9 column 9"}, {"labels": null}, {"labels": false}, {"labels": {"k": "long"}}]}"#;
    let errors = from_json::<LabelSets>(json).unwrap_err();
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "/sets/0/labels: type: must be an object, got a number at line 1 column 22",
            "/sets/1/labels: type: must be an object, got a string at line 1 column 58",
            "/sets/2/labels: type: must be an object, got null at line 1 column 76",
            "/sets/3/labels: type: must be an object, got a boolean at line 1 column 95",
            "/sets/4/labels/k: max_len: must be at most 3 characters long, got 4",
        ]
    );
    let json = r#"{"clientId": "a", "clientSecret": "long-enough", "priority": 5, "enabled": true, "weight": 0.5, "scopes": "openid", "defaultScope": 3, "tags": "x"}"#;
    let errors = from_json::<Registration>(json).unwrap_err();
    // Columns 114, 133 and 146 are the last characters of `"openid"`, `3` and `"x"`.
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/scopes", "type"),
            ("/defaultScope", "type"),
            ("/tags", "type")
        ])
    );
    let messages: Vec<&str> = errors.iter().map(|e| e.message()).collect();
    assert_eq!(
        messages,
        [
            "must be an array, got a string at line 1 column 114",
            "must be an object, got a number at line 1 column 133",
            "must be an array, got a string at line 1 column 146",
        ]
    );
}

#[test]
fn a_duplicated_member_is_reported_at_its_pointer_beside_every_other_violation() {
    let json = r#"{"clientId": "a", "clientId": "b", "clientSecret": "long-enough", "priority": 5, "enabled": true, "weight": 0.5, "scopes": []}"#;
    let errors = from_json::<Registration>(json).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/clientId", "duplicate")]));
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "is given more than once"
    );
    // Deeper, in an array, with another violation; the first value given is the one checked.
    let json = r#"{"clientId": "a", "clientSecret": "long-enough", "priority": 5, "enabled": true, "weight": 0.5, "scopes": [{"name": "x", "name": "y"}], "priority": "high"}"#;
    let errors = from_json::<Registration>(json).unwrap_err();
    let found = found(&errors);
    assert!(
        found.contains(&("/scopes/0/name".to_owned(), "duplicate".to_owned())),
        "{found:?}"
    );
    assert!(
        found.contains(&("/priority".to_owned(), "duplicate".to_owned())),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(p, c)| p == "/priority" && c == "type"),
        "{found:?}"
    );
    // In a map, a very long member name is cut in the pointer, as its other errors' are.
    let long = "n".repeat(500);
    let json = format!(r#"{{"labels": {{"{long}": "a", "{long}": "b"}}}}"#);
    let errors = from_json::<Labels>(&json).unwrap_err();
    assert_eq!(
        authlete_models_tests::found(&errors),
        [(
            format!("/labels/{}…", "n".repeat(32)),
            "duplicate".to_owned()
        )]
    );
    // A member the model does not know, given twice, is unknown twice: it is not read.
    let errors = from_json::<Scope>(r#"{"name": "a", "x": 1, "x": 2}"#).unwrap_err();
    assert_eq!(
        authlete_models_tests::found(&errors),
        pairs(&[("/x", "unknown_field"), ("/x", "unknown_field")])
    );
}

#[test]
fn required_fields_are_required_and_others_are_not() {
    let errors = from_json::<Registration>("{}").unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/clientId", "required"),
            ("/clientSecret", "required"),
            ("/priority", "required"),
            ("/enabled", "required"),
            ("/weight", "required"),
            ("/scopes", "required"),
        ])
    );
    assert!(errors.iter().all(|e| e.message() == "is required"));
    // `null` is not absence for a required field: it is the wrong type.
    let mut doc = valid_doc();
    doc["clientId"] = serde_json::Value::Null;
    let errors = from_json::<Registration>(&doc.to_string()).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/clientId", "type")]));
}

#[test]
fn unknown_fields_are_reported_where_they_are_denied() {
    let mut doc = valid_doc();
    doc["zeta"] = serde_json::json!(1);
    doc["alpha"] = serde_json::json!(null);
    doc["scopes"] = serde_json::json!([{"name": "a", "b": 2}]);
    doc["defaultScope"] = serde_json::json!({"name": "x", "c": 3});
    let errors = from_json::<Registration>(&doc.to_string()).unwrap_err();
    let mut got = found(&errors);
    got.sort();
    let mut expected = pairs(&[
        ("/scopes/0/b", "unknown_field"),
        ("/defaultScope/c", "unknown_field"),
        ("/zeta", "unknown_field"),
        ("/alpha", "unknown_field"),
    ]);
    expected.sort();
    assert_eq!(got, expected);
    assert!(
        errors
            .iter()
            .all(|e| e.message() == "is not a field of this object")
    );
}

#[test]
fn from_json_agrees_with_validate_on_rule_violations() {
    // A value built in code, written out, then read by from_json: the same violations.
    let value = Registration {
        client_id: "way too long client id".into(),
        client_secret: Secret::new("x".into()),
        priority: 0,
        enabled: false,
        weight: 1.5,
        scopes: vec![
            Scope {
                name: "ok".into(),
                max_age: Some(86401),
            };
            4
        ],
        default_scope: Some(Scope {
            name: String::new(),
            max_age: None,
        }),
        tags: vec!["Up".into()],
        description: Some("free text".into()),
    };
    let validated = value.validate().unwrap_err();
    let json = serde_json::to_string(&value).unwrap();
    let collected = from_json::<Registration>(&json).unwrap_err();
    assert_eq!(collected, validated);
    assert_eq!(
        found(&collected),
        pairs(&[
            ("/clientId", "max_len"),
            ("/clientId", "charset"),
            ("/clientSecret", "min_len"),
            ("/priority", "min"),
            ("/weight", "max"),
            ("/scopes", "max_len"),
            ("/scopes/0/maxAge", "max"),
            ("/scopes/1/maxAge", "max"),
            ("/scopes/2/maxAge", "max"),
            ("/scopes/3/maxAge", "max"),
            ("/defaultScope/name", "min_len"),
            ("/tags/0", "charset"),
        ])
    );
}

#[test]
fn serde_stops_at_the_first_violation_from_json_goes_on() {
    let json = r#"{"clientId": "bad id!", "clientSecret": "x", "priority": 0, "enabled": true, "weight": 0, "scopes": []}"#;
    let err = serde_json::from_str::<Registration>(json).unwrap_err();
    assert!(err.to_string().starts_with("/clientId: charset: "), "{err}");
    let errors = from_json::<Registration>(json).unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/clientId", "charset"),
            ("/clientSecret", "min_len"),
            ("/priority", "min"),
        ])
    );
}

#[test]
fn the_errors_serialize_for_a_422_body() {
    let errors = from_json::<Registration>(r#"{"clientId": "", "extra": 1}"#).unwrap_err();
    let body = serde_json::to_value(&errors).unwrap();
    let array = body.as_array().unwrap();
    assert_eq!(array.len(), errors.len());
    for (item, e) in array.iter().zip(&errors) {
        assert_eq!(item["path"], e.path());
        assert_eq!(item["code"], e.code());
        assert_eq!(item["message"], e.message());
    }
    assert_eq!(array[0]["path"], "/clientId");
    assert_eq!(array[0]["code"], "min_len");
    assert_eq!(array[1]["path"], "/extra");
    assert_eq!(array[1]["code"], "unknown_field");
    assert_eq!(array.last().unwrap()["code"], "required");
}

#[test]
fn the_list_is_cut_at_the_limit_and_says_so() {
    let with_tags = |n: usize| {
        let tags = vec![r#""X""#; n].join(",");
        format!(
            r#"{{"clientId": "a", "clientSecret": "long-enough", "priority": 5, "enabled": true, "weight": 0.5, "scopes": [], "tags": [{tags}]}}"#
        )
    };
    // 200,000 bad tags: the reading stops collecting once past the limit, and the list holds
    // the first `ERROR_LIMIT` errors and says it was cut.
    let errors = from_json::<Registration>(&with_tags(200_000)).unwrap_err();
    assert_eq!(errors.len(), authlete_models::ERROR_LIMIT);
    assert!(errors.is_cut());
    assert!(
        errors
            .to_string()
            .ends_with("\n(more errors not listed: the list stops at 100)")
    );
    let paths: Vec<&str> = errors.iter().map(|e| e.path()).collect();
    assert_eq!((paths[0], paths[99]), ("/tags/0", "/tags/99"));
    // At the limit, nothing is cut; one past it, the list is.
    let errors = from_json::<Registration>(&with_tags(100)).unwrap_err();
    assert_eq!((errors.len(), errors.is_cut()), (100, false));
    let errors = from_json::<Registration>(&with_tags(101)).unwrap_err();
    assert_eq!((errors.len(), errors.is_cut()), (100, true));
    // Duplicates count too: 200,000 of them make at most a hundred errors.
    let members = vec![r#""clientId": "a""#; 200_000].join(",");
    let errors = from_json::<Registration>(&format!("{{{members}}}")).unwrap_err();
    assert_eq!((errors.len(), errors.is_cut()), (100, true));
}
