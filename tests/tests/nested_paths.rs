//! Errors name the value they are about with an RFC 6901 JSON Pointer built from wire names
//! and array indexes (`/scopes/2/name`), `~` written `~0` and `/` written `~1`, in the errors
//! of deserialization, of `validate()` and of `from_json`.

use authlete_models::{Model, Validate, escape_pointer_token, from_json};
use authlete_models_tests::{found, pairs};

/// Resolves an RFC 6901 pointer in `doc`, written here from the RFC rather than through
/// `serde_json::Value::pointer`, so that the two can be compared.
fn resolve<'a>(doc: &'a serde_json::Value, pointer: &str) -> Option<&'a serde_json::Value> {
    if pointer.is_empty() {
        return Some(doc);
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/').try_fold(doc, |value, token| {
        // `~1` first, then `~0`, as RFC 6901 §4 says.
        let token = token.replace("~1", "/").replace("~0", "~");
        match value {
            serde_json::Value::Object(map) => map.get(&token),
            serde_json::Value::Array(items) => items.get(token.parse::<usize>().ok()?),
            _ => None,
        }
    })
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
struct Scope {
    #[model(charset = "a-z_", min_len = 1, max_len = 8)]
    name: String,
    #[model(min = 1, max = 86400)]
    max_age: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Grant {
    client_id: String,
    scopes: Vec<Scope>,
    sub_grants: Option<Vec<Grant>>,
}

fn scope(name: &str) -> Scope {
    Scope {
        name: name.into(),
        max_age: None,
    }
}

fn grant() -> Grant {
    Grant {
        client_id: "c".into(),
        scopes: vec![scope("openid"), scope("email"), scope("profile")],
        sub_grants: None,
    }
}

#[test]
fn an_item_of_an_array_of_models() {
    let mut v = grant();
    v.scopes[2].name = "Profile".into();
    let errors = v.validate().unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/scopes/2/name", "charset")]));

    let json = serde_json::to_string(&v).unwrap();
    let err = serde_json::from_str::<Grant>(&json).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/scopes/2/name: charset: must contain only a-z _"),
        "{err}"
    );
    assert_eq!(
        found(&from_json::<Grant>(&json).unwrap_err()),
        found(&errors)
    );

    // The pointer leads to the offending value in the document.
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        resolve(&doc, "/scopes/2/name"),
        Some(&serde_json::json!("Profile"))
    );
    assert_eq!(
        doc.pointer("/scopes/2/name"),
        Some(&serde_json::json!("Profile"))
    );
}

#[test]
fn deeply_nested_paths_join_every_step() {
    let mut inner = grant();
    inner.scopes[1].max_age = Some(0);
    let mut middle = grant();
    middle.sub_grants = Some(vec![grant(), grant(), inner]);
    let mut outer = grant();
    outer.sub_grants = Some(vec![middle]);

    let expected = "/subGrants/0/subGrants/2/scopes/1/maxAge";
    let errors = outer.validate().unwrap_err();
    assert_eq!(found(&errors), pairs(&[(expected, "min")]));

    let json = serde_json::to_string(&outer).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(resolve(&doc, expected), Some(&serde_json::json!(0)));

    let err = serde_json::from_str::<Grant>(&json).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("{expected}: min: must be at least 1")),
        "{err}"
    );
    assert_eq!(
        found(&from_json::<Grant>(&json).unwrap_err()),
        pairs(&[(expected, "min")])
    );
}

#[test]
fn deserialize_errors_other_than_rules_carry_the_path_too() {
    let cases = [
        // A missing required field in the third scope.
        (
            r#"{"clientId": "c", "scopes": [{"name": "a"}, {"name": "b"}, {"maxAge": 5}]}"#,
            "/scopes/2/name: missing required field",
        ),
        // A wrong type deep inside.
        (
            r#"{"clientId": "c", "scopes": [], "subGrants": [{"clientId": "d", "scopes": [{"name": 7}]}]}"#,
            "/subGrants/0/scopes/0/name",
        ),
        // A duplicated field.
        (
            r#"{"clientId": "c", "scopes": [{"name": "a", "name": "b"}]}"#,
            "/scopes/0/name: duplicate field",
        ),
        // null where a model is required.
        (r#"{"clientId": "c", "scopes": [null]}"#, "/scopes/0"),
        // A length refused by the array rule of a nested model's field.
        (
            r#"{"clientId": "c", "scopes": [{"name": "abcdefghi"}]}"#,
            "/scopes/0/name: max_len: must be at most 8 characters long",
        ),
    ];
    for (json, expected) in cases {
        let err = serde_json::from_str::<Grant>(json).unwrap_err();
        assert!(err.to_string().contains(expected), "{json}: {err}");
    }
}

#[test]
fn unknown_fields_in_a_nested_model_are_refused() {
    let json = r#"{"clientId": "c", "scopes": [{"name": "a"}, {"name": "b", "bogus": 1}]}"#;
    let err = serde_json::from_str::<Grant>(json).unwrap_err();
    assert!(err.to_string().contains("unknown field `bogus`"), "{err}");
    let errors = from_json::<Grant>(json).unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/scopes/1/bogus", "unknown_field")])
    );
}

// ---------------------------------------------------------------------------------------------
// Escaping

#[derive(Debug, Clone, PartialEq, Model)]
#[model(deny_unknown_fields)]
struct Odd {
    #[model(rename = "a/b", max_len = 1)]
    slash: String,
    #[model(rename = "m~n", max_len = 1)]
    tilde: String,
    #[model(rename = "~1", max_len = 1)]
    tilde_one: String,
    #[model(rename = "/~/", max_len = 1)]
    both: Vec<String>,
    #[model(rename = "%20 \"q\" \\", max_len = 1)]
    others: Option<String>,
    #[model(rename = "x/y~z")]
    inner: Option<Box<Odd>>,
}

fn odd() -> Odd {
    Odd {
        slash: "s".into(),
        tilde: "t".into(),
        tilde_one: "o".into(),
        both: Vec::new(),
        others: None,
        inner: None,
    }
}

#[test]
fn the_escaping_helper_follows_rfc_6901() {
    for name in [
        "a/b",
        "m~n",
        "~1",
        "/~/",
        "%20 \"q\" \\",
        "x/y~z",
        "plain",
        "",
    ] {
        let token = escape_pointer_token(name);
        // Unescaping in the RFC's order gives the name back, and the token has no bare `/`.
        assert_eq!(token.replace("~1", "/").replace("~0", "~"), name);
        assert!(!token.contains('/'));
    }
    assert_eq!(escape_pointer_token("~1"), "~01");
}

#[test]
fn tilde_and_slash_are_escaped_in_validate_paths() {
    let mut v = odd();
    v.slash = "ss".into();
    v.tilde = "tt".into();
    v.tilde_one = "oo".into();
    v.both = vec!["ok".into(), "no".into()];
    v.others = Some("xx".into());
    v.inner = Some(Box::new(Odd {
        slash: "ss".into(),
        ..odd()
    }));
    let errors = v.validate().unwrap_err();
    let expected = [
        "/a~1b",
        "/m~0n",
        "/~01",
        "/~1~0~1",
        "/%20 \"q\" \\",
        "/x~1y~0z/a~1b",
    ];
    assert_eq!(
        found(&errors),
        pairs(&[
            (expected[0], "max_len"),
            (expected[1], "max_len"),
            (expected[2], "max_len"),
            (expected[3], "max_len"),
            (expected[4], "max_len"),
            (expected[5], "max_len"),
        ])
    );
    // Each pointer leads to the offending value in the document.
    let doc = serde_json::to_value(&v).unwrap();
    for pointer in expected {
        let value = resolve(&doc, pointer).unwrap_or_else(|| panic!("{pointer} leads nowhere"));
        assert_eq!(doc.pointer(pointer), Some(value));
    }
    assert_eq!(
        resolve(&doc, "/x~1y~0z/a~1b"),
        Some(&serde_json::json!("ss"))
    );
    // `from_json` lists them as the text has them (a `Value` writes its members sorted by
    // name), `validate()` in declaration order: the same errors.
    let mut read = found(&from_json::<Odd>(&doc.to_string()).unwrap_err());
    let mut validated = found(&errors);
    read.sort();
    validated.sort();
    assert_eq!(read, validated);
}

#[test]
fn tilde_and_slash_are_escaped_in_deserialize_errors() {
    let base = serde_json::to_value(odd()).unwrap();
    let cases = [
        ("a/b", serde_json::json!("ss"), "/a~1b: max_len: "),
        ("m~n", serde_json::json!("tt"), "/m~0n: max_len: "),
        ("~1", serde_json::json!("oo"), "/~01: max_len: "),
        ("/~/", serde_json::json!(["a", "b"]), "/~1~0~1: max_len: "),
        (
            "x/y~z",
            serde_json::json!({"a/b": "s", "m~n": "t", "~1": "o", "/~/": [5]}),
            "/x~1y~0z/~1~0~1/0",
        ),
    ];
    for (wire, value, expected) in cases {
        let mut doc = base.clone();
        doc[wire] = value;
        let json = doc.to_string();
        let err = serde_json::from_str::<Odd>(&json).unwrap_err();
        assert!(err.to_string().contains(expected), "{json}: {err}");
    }
    // A missing field is named by its escaped pointer as well.
    let mut doc = base.clone();
    doc.as_object_mut().unwrap().remove("m~n");
    let err = serde_json::from_str::<Odd>(&doc.to_string()).unwrap_err();
    assert!(
        err.to_string().contains("/m~0n: missing required field"),
        "{err}"
    );
    let errors = from_json::<Odd>(&doc.to_string()).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/m~0n", "required")]));
}

#[test]
fn unknown_field_pointers_are_escaped() {
    let mut doc = serde_json::to_value(odd()).unwrap();
    doc["u/v~w"] = serde_json::json!(1);
    let errors = from_json::<Odd>(&doc.to_string()).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/u~1v~0w", "unknown_field")]));
}
