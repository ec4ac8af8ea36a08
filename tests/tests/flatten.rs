//! `#[model(flatten)]` on a map: it takes every member no field declares, each name held to
//! `keys(...)` and each value to `values(...)`, read as the members come. The schema puts the
//! values' schema in `additionalProperties` beside `properties`.

use std::collections::{BTreeMap, HashMap};

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::{Map, Value, json};

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Claims {
    #[model(max_len = 8)]
    sub: String,
    exp: Option<u64>,
    #[model(flatten, keys(charset = "a-z_", max_len = 10), values(max_len = 5))]
    extra: BTreeMap<String, String>,
}

#[test]
fn every_undeclared_member_goes_to_the_map() {
    let c: Claims =
        serde_json::from_str(r#"{"acr": "gold", "sub": "alice", "amr_x": "pwd", "exp": 5}"#)
            .unwrap();
    assert_eq!(c.sub, "alice");
    assert_eq!(c.exp, Some(5));
    assert_eq!(
        c.extra,
        BTreeMap::from([
            ("acr".into(), "gold".into()),
            ("amr_x".into(), "pwd".into())
        ])
    );
    // Written back at the same level, the fields first.
    let written = serde_json::to_string(&c).unwrap();
    assert_eq!(
        written,
        r#"{"sub":"alice","exp":5,"acr":"gold","amr_x":"pwd"}"#
    );
    assert_eq!(serde_json::from_str::<Claims>(&written).unwrap(), c);
    assert_eq!(from_json::<Claims>(&written).unwrap(), c);
    let none: Claims = serde_json::from_str(r#"{"sub": "a"}"#).unwrap();
    assert!(none.extra.is_empty());
    assert_eq!(serde_json::to_string(&none).unwrap(), r#"{"sub":"a"}"#);
}

#[test]
fn names_and_values_keep_their_rules() {
    let err = serde_json::from_str::<Claims>(r#"{"sub": "a", "Acr": "x"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("(root): charset: a member name must contain only"),
        "{err}"
    );
    let err = serde_json::from_str::<Claims>(r#"{"sub": "a", "acr": "golden"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("/acr: max_len:"), "{err}");
    let err = serde_json::from_str::<Claims>(r#"{"sub": "a", "acr": 1}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("/acr"), "{err}");
    let err = serde_json::from_str::<Claims>(r#"{"acr": "a", "sub": "a", "acr": "b"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("/acr: duplicate field"), "{err}");
    let errors = from_json::<Claims>(
        r#"{"sub": "too long a name", "Acr": "x", "acr": "golden", "acr": "b", "amr": 3}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/sub", "max_len"),
            ("", "charset"),
            ("/acr", "max_len"),
            ("/acr", "duplicate"),
            ("/amr", "type")
        ])
    );
    let built = Claims {
        sub: "a".into(),
        exp: None,
        extra: BTreeMap::from([("B".into(), "x".into()), ("c".into(), "toolong".into())]),
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("", "charset"), ("/c", "max_len")])
    );
}

#[test]
fn the_schema_puts_the_values_beside_the_properties() {
    let schema = Claims::json_schema();
    assert_eq!(
        schema,
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Claims",
            "type": "object",
            "properties": {
                "sub": {"type": "string", "maxLength": 8},
                "exp": {"type": ["integer", "null"], "minimum": 0, "maximum": u64::MAX}
            },
            "required": ["sub"],
            "additionalProperties": {"type": "string", "maxLength": 5},
            "propertyNames": {"anyOf": [
                {"enum": ["sub", "exp"]},
                {"pattern": "^[\\u005Fa-z]*$", "maxLength": 10}
            ]}
        })
    );
}

#[derive(Debug, PartialEq, Model)]
struct Anything {
    kind: String,
    #[model(flatten)]
    rest: Map<String, Value>,
}

#[derive(Debug, PartialEq, Model)]
struct Counts {
    #[model(flatten, values(min = 1))]
    counts: HashMap<String, u32>,
}

#[test]
fn any_map_may_be_flattened() {
    let doc = json!({"kind": "x", "a": [1, {"b": null}], "c": "d"});
    let a: Anything = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(a.rest.len(), 2);
    assert_eq!(serde_json::to_value(&a).unwrap(), doc);
    assert_eq!(
        Anything::json_schema()["additionalProperties"],
        Value::Null,
        "any value: nothing to say"
    );
    let c: Counts = serde_json::from_str(r#"{"a": 1, "b": 2}"#).unwrap();
    assert_eq!(c.counts.len(), 2);
    assert!(serde_json::from_str::<Counts>(r#"{"a": 0}"#).is_err());
    assert_eq!(Counts::json_schema().get("propertyNames"), None);
}
