//! Rules on an object as a whole: `min_members` and `max_members` count its members,
//! `forbid("...")` names members it must not have. Each is held in the places a rule acts:
//! the first-violation reader, `from_json` (every violation, with the others), `validate()`,
//! and the schema.

use std::collections::BTreeMap;

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};

/// An open object (unknown members are skipped, and counted) of 2 to 3 members, none named
/// `password`, `secret` or `a/b`.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    rename_all = "camelCase",
    min_members = 2,
    max_members = 3,
    forbid("password"),
    forbid("secret", "a/b")
)]
struct Profile {
    #[model(max_len = 3)]
    nick_name: Option<String>,
    /// `null` is a member given, and counted.
    age: Option<Option<u8>>,
    /// Always present: `null` when `None`.
    #[model(required)]
    email: Option<String>,
}

fn read(text: &str) -> Result<Profile, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn collected(text: &str) -> Vec<(String, String)> {
    match from_json::<Profile>(text) {
        Ok(_) => Vec::new(),
        Err(errors) => found(&errors),
    }
}

#[test]
fn every_member_read_is_counted_a_null_and_an_unknown_one_too() {
    for ok in [
        r#"{"email": "e", "age": 1}"#,
        // A `null` is a member.
        r#"{"email": null, "age": null}"#,
        // An unknown member is skipped, and counted.
        r#"{"email": "e", "unknown": [1, 2]}"#,
        r#"{"email": "e", "age": 1, "nickName": "n"}"#,
    ] {
        assert!(read(ok).is_ok(), "{ok}: {:?}", read(ok));
        assert_eq!(collected(ok), [], "{ok}");
    }
    let one = r#"{"email": "e"}"#;
    assert_eq!(
        read(one).unwrap_err(),
        "(root): min_members: must have at least 2 members, got 1 at line 1 column 14"
    );
    assert_eq!(collected(one), pairs(&[("", "min_members")]));
    let four = r#"{"email": "e", "age": null, "nickName": "n", "x": 0}"#;
    assert_eq!(
        read(four).unwrap_err(),
        "(root): max_members: must have at most 3 members, got 4 at line 1 column 52"
    );
    let errors = from_json::<Profile>(four).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "max_members")]));
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "must have at most 3 members, got 4"
    );
}

#[test]
fn a_forbidden_member_is_refused_whatever_its_value_at_its_pointer() {
    for value in ["1", "null", r#"{"deep": [1, {"x": true}]}"#, r#""text""#] {
        let text = format!(r#"{{"email": "e", "password": {value}}}"#);
        let err = read(&text).unwrap_err();
        assert!(
            err.starts_with("/password: forbidden: must not be present at line 1"),
            "{err}"
        );
        assert_eq!(
            collected(&text),
            pairs(&[("/password", "forbidden")]),
            "{text}"
        );
    }
    // Its pointer escapes its name.
    assert_eq!(
        collected(r#"{"email": "e", "a/b": 1}"#),
        pairs(&[("/a~1b", "forbidden")])
    );
    // A name the rule does not list is an unknown member like any other.
    assert!(read(r#"{"email": "e", "passwords": 1}"#).is_ok());
}

#[test]
fn every_violation_at_once_in_the_order_of_the_document() {
    let text = r#"{"password": 1, "nickName": "toolong", "secret": null, "x": 0, "email": "e"}"#;
    assert_eq!(
        collected(text),
        pairs(&[
            ("/password", "forbidden"),
            ("/nickName", "max_len"),
            ("/secret", "forbidden"),
            ("", "max_members"),
        ])
    );
    // The reader stops at the first.
    assert!(read(text).unwrap_err().starts_with("/password: forbidden:"));
    // A missing member is listed where the object ends, before its count.
    assert_eq!(
        collected(r#"{"secret": 1}"#),
        pairs(&[
            ("/secret", "forbidden"),
            ("/email", "required"),
            ("", "min_members"),
        ])
    );
}

#[test]
fn validate_counts_the_members_the_value_writes() {
    // `email` is written as `null` when `None`: one member.
    let one = Profile {
        nick_name: None,
        age: None,
        email: None,
    };
    let errors = one.validate().unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "min_members")]));
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "must have at least 2 members, got 1"
    );
    // `Some(None)` is written as `null`: a member.
    let two = Profile {
        age: Some(None),
        ..one.clone()
    };
    assert!(two.validate().is_ok());
    let four_and_long = Profile {
        nick_name: Some("toolong".into()),
        age: Some(Some(1)),
        email: Some("e".into()),
    };
    assert_eq!(
        found(&four_and_long.validate().unwrap_err()),
        pairs(&[("/nickName", "max_len")]),
        "three members are within the bounds"
    );
    // What `validate()` finds, the value written and read back finds too.
    for value in [one, two, four_and_long] {
        let written = serde_json::to_string(&value).unwrap();
        let validated = value
            .validate()
            .err()
            .map(|e| found(&e))
            .unwrap_or_default();
        assert_eq!(collected(&written), validated, "{written}");
    }
}

/// `Profile` in a list: the errors sit under its pointer.
#[derive(Debug, Clone, PartialEq, Model)]
struct Profiles {
    items: Vec<Profile>,
}

#[test]
fn nested_the_pointers_are_the_object_s_and_the_member_s() {
    let text = r#"{"items": [{"email": "e", "age": 1}, {"email": "e", "secret": 1}]}"#;
    assert_eq!(
        found(&from_json::<Profiles>(text).unwrap_err()),
        pairs(&[("/items/1/secret", "forbidden")])
    );
    let text = r#"{"items": [{"email": "e"}]}"#;
    assert_eq!(
        found(&from_json::<Profiles>(text).unwrap_err()),
        pairs(&[("/items/0", "min_members")])
    );
    let err = serde_json::from_str::<Profiles>(text)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("/items/0: min_members: must have at least 2 members, got 1"),
        "{err}"
    );
}

#[test]
fn the_schema_states_each_rule_with_wire_names() {
    let schema = Profile::json_schema();
    assert_eq!(schema["minProperties"], 2);
    assert_eq!(schema["maxProperties"], 3);
    let properties = schema["properties"].as_object().unwrap();
    for name in ["password", "secret", "a/b"] {
        assert_eq!(properties[name], false, "{schema:#}");
    }
    // The declared properties are kept as they were.
    assert_eq!(properties["nickName"]["maxLength"], 3);
    assert_eq!(properties.len(), 6);
    assert_eq!(schema.get("additionalProperties"), None);
}

/// Extra members kept in a map, at most 3 members in all, none named `token`.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(max_members = 3, forbid("token"))]
struct Open {
    #[model(not_null)]
    name: Option<String>,
    #[model(flatten, values(max = 9))]
    extra: BTreeMap<String, u8>,
}

#[test]
fn beside_a_flattened_map_its_entries_count_and_a_forbidden_name_is_not_taken() {
    let ok: Open = serde_json::from_str(r#"{"name": "n", "a": 1, "b": 2}"#).unwrap();
    assert_eq!(ok.extra.len(), 2);
    let err = serde_json::from_str::<Open>(r#"{"a": 1, "token": 1}"#)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("/token: forbidden:"), "{err}");
    assert_eq!(
        found(&from_json::<Open>(r#"{"token": 99, "a": 10, "b": 1, "c": 2}"#).unwrap_err()),
        pairs(&[("/token", "forbidden"), ("/a", "max"), ("", "max_members")])
    );
    // Built in code, the map may hold the name: `validate()` reports it, and counts the
    // entries beside the fields.
    let built = Open {
        name: Some("n".into()),
        extra: BTreeMap::from([
            ("token".to_owned(), 1),
            ("z".to_owned(), 2),
            ("y".to_owned(), 3),
        ]),
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("/token", "forbidden"), ("", "max_members")])
    );
    let schema = Open::json_schema();
    assert_eq!(schema["properties"]["token"], false);
    assert_eq!(schema["additionalProperties"]["maximum"], 9);
    assert_eq!(schema["maxProperties"], 3);
}

/// A model flattened into a struct with the rules: its members are the struct's, counted
/// with them.
#[derive(Debug, Clone, PartialEq, Model)]
struct Audit {
    #[model(not_null)]
    created_by: Option<String>,
    #[model(not_null)]
    updated_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(min_members = 1, max_members = 2, forbid("deleted_by"))]
struct Record {
    #[model(not_null)]
    id: Option<u32>,
    #[model(flatten)]
    audit: Audit,
}

#[test]
fn a_flattened_model_s_members_are_counted_with_the_struct_s() {
    assert!(serde_json::from_str::<Record>(r#"{"created_by": "a"}"#).is_ok());
    assert_eq!(
        found(
            &from_json::<Record>(r#"{"id": 1, "created_by": "a", "updated_by": "b"}"#).unwrap_err()
        ),
        pairs(&[("", "max_members")])
    );
    // A forbidden member is a member: one here, as `min_members` asks.
    assert_eq!(
        found(&from_json::<Record>(r#"{"deleted_by": "c"}"#).unwrap_err()),
        pairs(&[("/deleted_by", "forbidden")])
    );
    assert_eq!(
        found(&from_json::<Record>("{}").unwrap_err()),
        pairs(&[("", "min_members")])
    );
    let built = Record {
        id: Some(1),
        audit: Audit {
            created_by: Some("a".into()),
            updated_by: Some("b".into()),
        },
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("", "max_members")])
    );
    let schema = Record::json_schema();
    assert_eq!(schema["properties"]["deleted_by"], false);
    assert!(schema["properties"]["created_by"].is_object());
}

/// Only the bounds: nothing forbidden, and an empty object is one of no members.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(max_members = 0)]
struct Empty {}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(deny_unknown_fields, min_members = 1)]
struct Closed {
    #[model(not_null)]
    a: Option<u8>,
}

#[test]
fn bounds_alone_and_beside_deny_unknown_fields() {
    assert!(serde_json::from_str::<Empty>("{}").is_ok());
    assert_eq!(
        found(&from_json::<Empty>(r#"{"x": 1}"#).unwrap_err()),
        pairs(&[("", "max_members")])
    );
    assert_eq!(Empty::json_schema()["maxProperties"], 0);
    assert_eq!(Empty::json_schema().get("minProperties"), None);
    assert!(Empty {}.validate().is_ok());
    // An unknown member is refused, and counted: the schema's `additionalProperties: false`
    // and `minProperties` both see it.
    assert_eq!(
        found(&from_json::<Closed>(r#"{"x": 1}"#).unwrap_err()),
        pairs(&[("/x", "unknown_field")])
    );
    assert_eq!(
        found(&from_json::<Closed>("{}").unwrap_err()),
        pairs(&[("", "min_members")])
    );
    assert!(serde_json::from_str::<Closed>(r#"{"a": 1}"#).is_ok());
}

/// `forbid` alone: nothing is counted.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(forbid("x"))]
struct NoX {
    a: Option<u8>,
}

#[test]
fn forbid_alone() {
    assert!(serde_json::from_str::<NoX>(r#"{"a": null, "y": 1}"#).is_ok());
    assert_eq!(
        found(&from_json::<NoX>(r#"{"x": 1, "a": "s"}"#).unwrap_err()),
        pairs(&[("/x", "forbidden"), ("/a", "type")])
    );
    assert!(NoX { a: None }.validate().is_ok());
    let schema = NoX::json_schema();
    assert_eq!(schema["properties"]["x"], false);
    assert_eq!(schema.get("minProperties"), None);
    assert_eq!(schema.get("maxProperties"), None);
}

/// At least 2 members, of which a `null` read as `None` is one while reading.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(min_members = 2)]
struct Pair {
    a: Option<u8>,
    b: Option<u8>,
}

#[test]
fn a_value_read_may_hold_fewer_members_than_its_document_had() {
    // The document has two members, as its schema counts them.
    let read: Pair = serde_json::from_str(r#"{"a": 1, "b": null}"#).unwrap();
    assert_eq!(
        read,
        Pair {
            a: Some(1),
            b: None
        }
    );
    // The value holds one: it writes one, and `validate()` says so.
    assert_eq!(serde_json::to_string(&read).unwrap(), r#"{"a":1}"#);
    assert_eq!(
        found(&read.validate().unwrap_err()),
        pairs(&[("", "min_members")])
    );
    let read: Pair = serde_json::from_str(r#"{"a": 1, "unknown": 0}"#).unwrap();
    assert!(read.validate().is_err());
}
