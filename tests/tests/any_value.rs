//! `serde_json::Value` and `serde_json::Map<String, Value>` as field types, with no `opaque`:
//! any JSON value, and an object of any members, inside `Option`, `Vec` and maps too, with
//! count rules on what holds them.

use std::collections::BTreeMap;

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::{Map, Value, json};

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Event {
    payload: Value,
    extra: Option<Value>,
    #[model(max_len = 2)]
    items: Vec<Value>,
    #[model(max_len = 2, keys(charset = "a-z"))]
    claims: Map<String, Value>,
    #[model(values(max_len = 1))]
    lists: BTreeMap<String, Vec<Value>>,
}

#[test]
fn any_value_reads_and_writes_back_unchanged() {
    let doc = json!({
        "payload": {"a": [1, "two", null, {"b": true}]},
        "extra": 1.5,
        "items": [null, "x"],
        "claims": {"sub": "a", "aud": ["b"]},
        "lists": {"a": [{}]}
    });
    let e: Event = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(e.payload, doc["payload"]);
    assert!(e.validate().is_ok());
    assert_eq!(serde_json::to_value(&e).unwrap(), doc);
    assert_eq!(from_json::<Event>(&doc.to_string()).unwrap(), e);
    // `null` is a value like any other, except under `Option`, where it is `None`.
    let e: Event = serde_json::from_value(
        json!({"payload": null, "extra": null, "items": [], "claims": {}, "lists": {}}),
    )
    .unwrap();
    assert_eq!((e.payload, e.extra), (Value::Null, None));
}

#[test]
fn counts_and_member_names_are_checked_and_every_violation_listed() {
    let errors = from_json::<Event>(
        r#"{"payload": 1, "items": [1, 2, 3], "claims": {"a": 1, "B": 2, "c": 3}, "lists": {"x": [1, 2]}}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/items", "max_len"),
            ("/claims", "max_len"),
            ("/claims", "charset"),
            ("/lists/x", "max_len")
        ])
    );
    // An object is required where the field is a `Map`: a wrong type says what came.
    let errors = from_json::<Event>(r#"{"payload": 1, "items": [], "claims": [1], "lists": {}}"#)
        .unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/claims", "type")]));
    let err =
        serde_json::from_str::<Event>(r#"{"payload": 1, "items": [], "claims": 5, "lists": {}}"#)
            .unwrap_err()
            .to_string();
    assert!(err.contains("expected an object at /claims"), "{err}");
    let built = Event {
        payload: json!(1),
        extra: None,
        items: vec![json!(1); 3],
        claims: Map::new(),
        lists: BTreeMap::new(),
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("/items", "max_len")])
    );
}

#[test]
fn the_schema_of_any_value_is_empty_and_of_a_map_an_object() {
    let schema = Event::json_schema();
    let p = &schema["properties"];
    assert_eq!(p["payload"], json!({}));
    assert_eq!(p["extra"], json!({}));
    assert_eq!(
        p["items"],
        json!({"type": "array", "items": {}, "maxItems": 2})
    );
    assert_eq!(
        p["claims"],
        json!({"type": "object", "propertyNames": {"pattern": "^[a-z]*$"}, "maxProperties": 2})
    );
    assert_eq!(
        p["lists"],
        json!({"type": "object", "additionalProperties": {"type": "array", "items": {}, "maxItems": 1}})
    );
    // No `$defs` entry for `Value`: its schema is written in place.
    assert_eq!(schema.get("$defs"), None);
    assert_eq!(
        schema["required"],
        json!(["payload", "items", "claims", "lists"])
    );
}
