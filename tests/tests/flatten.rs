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

/// Members several models share.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Audit {
    #[model(max_len = 8)]
    created_by: String,
    updated_at: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Paging {
    #[model(min = 1, max = 100)]
    limit: u32,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
struct Listing {
    #[model(max_len = 4)]
    name: String,
    #[model(flatten)]
    audit: Audit,
    #[model(flatten)]
    paging: Paging,
}

#[test]
fn a_flattened_model_s_members_sit_beside_the_struct_s() {
    let doc = json!({"createdBy": "ann", "name": "a", "limit": 5, "updatedAt": 9});
    let l: Listing = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(
        l,
        Listing {
            name: "a".into(),
            audit: Audit {
                created_by: "ann".into(),
                updated_at: Some(9)
            },
            paging: Paging { limit: 5 }
        }
    );
    assert_eq!(serde_json::to_value(&l).unwrap(), doc);
    assert_eq!(from_json::<Listing>(&doc.to_string()).unwrap(), l);
    // The models' rules hold at the struct's level; every violation is listed, in the order
    // the members come, the models' among the struct's own.
    let err =
        serde_json::from_str::<Listing>(r#"{"name": "a", "createdBy": "toolongname", "limit": 5}"#)
            .unwrap_err()
            .to_string();
    assert!(err.starts_with("/createdBy: max_len"), "{err}");
    let errors = from_json::<Listing>(
        r#"{"name": "abcde", "createdBy": "toolongname", "limit": 0, "other": 1, "limit": 2}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/name", "max_len"),
            ("/createdBy", "max_len"),
            ("/limit", "min"),
            ("/other", "unknown_field"),
            ("/limit", "duplicate")
        ])
    );
    let errors = from_json::<Listing>(r#"{"name": "a"}"#).unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/createdBy", "required"), ("/limit", "required")])
    );
    // Under `deny_unknown_fields`, a member neither the struct nor a model declares is refused.
    let err =
        serde_json::from_str::<Listing>(r#"{"name": "a", "createdBy": "b", "limit": 1, "x": 1}"#)
            .unwrap_err()
            .to_string();
    // The message lists the struct's own names, and says the models' are known too.
    assert!(
        err.starts_with("unknown field `x`, expected `name`, or a member of a flattened field"),
        "{err}"
    );
    let built = Listing {
        name: "abcde".into(),
        audit: Audit {
            created_by: "toolongname".into(),
            updated_at: None,
        },
        paging: Paging { limit: 0 },
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[
            ("/name", "max_len"),
            ("/createdBy", "max_len"),
            ("/limit", "min")
        ])
    );
}

#[test]
fn a_flattened_model_s_properties_join_the_struct_s_schema() {
    let schema = Listing::json_schema();
    assert_eq!(
        schema["properties"],
        json!({
            "name": {"type": "string", "maxLength": 4},
            "createdBy": {"type": "string", "maxLength": 8},
            "updatedAt": {"type": ["integer", "null"], "minimum": 0, "maximum": u64::MAX},
            "limit": {"type": "integer", "minimum": 1, "maximum": 100}
        })
    );
    assert_eq!(schema["required"], json!(["name", "createdBy", "limit"]));
    assert_eq!(schema["additionalProperties"], false);
    // The models are not referenced: their members are the struct's own.
    assert_eq!(schema.get("$defs"), None);
}
