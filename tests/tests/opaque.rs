//! `opaque` fields: a type with its own serde impls, read and written by them, with no rule of
//! the derive and the schema the attribute gives (`{}` without one).

use std::net::Ipv4Addr;

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::json;

#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Event {
    #[model(max_len = 8)]
    name: String,
    /// Anything at all.
    #[model(opaque)]
    payload: serde_json::Value,
    #[model(opaque, schema = r#"{"type": "string", "format": "ipv4"}"#)]
    source: Ipv4Addr,
    #[model(opaque, schema = r#"{"type": "string", "format": "ipv4"}"#)]
    relay: Option<Ipv4Addr>,
    #[model(opaque, default)]
    extra: Vec<serde_json::Value>,
}

#[test]
fn the_type_s_own_impls_read_and_write_it() {
    let doc = json!({
        "name": "login",
        "payload": {"any": ["thing", 1, null]},
        "source": "10.0.0.1",
        "relay": null,
        "extra": [true]
    });
    let e: Event = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(e.source, Ipv4Addr::new(10, 0, 0, 1));
    assert_eq!(e.relay, None);
    assert!(e.validate().is_ok());
    let mut written = serde_json::to_value(&e).unwrap();
    written
        .as_object_mut()
        .unwrap()
        .insert("relay".into(), json!(null));
    assert_eq!(written, doc);
    // Absent optional and defaulted fields.
    let e: Event =
        serde_json::from_value(json!({"name": "x", "payload": 1, "source": "1.2.3.4"})).unwrap();
    assert_eq!((e.relay, e.extra.len()), (None, 0));
}

#[test]
fn its_errors_name_the_path() {
    let err =
        serde_json::from_value::<Event>(json!({"name": "x", "payload": 1, "source": "300.0.0.1"}))
            .unwrap_err()
            .to_string();
    assert!(err.starts_with("/source: "), "{err}");
    // `from_json` reads an opaque field with the type's own impl, as the reader does, so the
    // two accept the same documents; that impl cannot go on past what it refuses, so the list
    // ends there (`relay` is not read).
    let errors = from_json::<Event>(
        r#"{"name": "too long name", "payload": null, "source": 5, "relay": "x"}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/name", "max_len"), ("/source", "invalid")])
    );
    // Column 54 is the `5`.
    assert!(
        errors.as_slice()[1]
            .message()
            .ends_with("expected IPv4 address at line 1 column 54"),
        "{errors}"
    );
    // Inside an opaque value, a member given twice is the type's affair: `Value` keeps the
    // last, as serde_json's reader does.
    let json = r#"{"name": "x", "payload": {"a": 1, "a": 2}, "source": "1.2.3.4"}"#;
    assert_eq!(
        from_json::<Event>(json).unwrap(),
        serde_json::from_str::<Event>(json).unwrap()
    );
    // A missing opaque field is still required.
    let errors = from_json::<Event>(r#"{"name": "x", "source": "1.2.3.4"}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/payload", "required")]));
}

#[test]
fn the_schema_is_the_attribute_s_or_empty() {
    let schema = Event::json_schema();
    let p = &schema["properties"];
    assert_eq!(p["payload"], json!({"description": "Anything at all."}));
    assert_eq!(p["source"], json!({"type": "string", "format": "ipv4"}));
    assert_eq!(
        p["relay"],
        json!({"type": ["string", "null"], "format": "ipv4"})
    );
    // No schema of its own; `default` writes what an absent field becomes.
    assert_eq!(p["extra"], json!({"default": []}));
    assert_eq!(schema["required"], json!(["name", "payload", "source"]));
}
