//! `()`: a value that is always `null`. It reads `null` and nothing else, writes `null`, and its
//! schema is `{"type": "null"}`, alone and under `Option`, `Vec`, a map and `Box`; it takes the
//! annotations and no rule.

use std::collections::BTreeMap;

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::{Value, json};

/// A reply whose members are there to be `null`.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Cleared {
    /// Always `null`.
    #[model(title = "Nothing", deprecated, read_only, examples = "[null]")]
    nothing: (),
    /// Absent or `null`: `None` either way.
    maybe: Option<()>,
    #[model(default, write_only)]
    or_absent: (),
    #[model(max_len = 2, items(title = "A null"))]
    nulls: Vec<()>,
    #[model(values(deprecated))]
    by_name: BTreeMap<String, ()>,
    boxed: Box<()>,
    /// Absent is `None`, `null` is `Some(None)`.
    patch: Option<Option<()>>,
}

fn read(text: &str) -> Result<Cleared, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn all_null() -> Cleared {
    Cleared {
        nothing: (),
        maybe: None,
        or_absent: (),
        nulls: vec![(), ()],
        by_name: BTreeMap::from([("a".to_owned(), ())]),
        boxed: Box::new(()),
        patch: Some(None),
    }
}

#[test]
fn reads_null_and_writes_it_back() {
    let text = r#"{"nothing": null, "maybe": null, "orAbsent": null, "nulls": [null, null], "byName": {"a": null}, "boxed": null, "patch": null}"#;
    assert_eq!(read(text), Ok(all_null()));
    assert!(from_json::<Cleared>(text).is_ok());
    assert!(all_null().validate().is_ok());
    // `None` is left out, as for any `Option`; `()` and `Some(None)` are `null`.
    let written = serde_json::to_value(all_null()).unwrap();
    assert_eq!(
        written,
        json!({"nothing": null, "orAbsent": null, "nulls": [null, null], "byName": {"a": null}, "boxed": null, "patch": null})
    );
    assert_eq!(
        serde_json::from_value::<Cleared>(written).unwrap(),
        all_null()
    );
}

#[test]
fn absent_members_as_for_any_other_type() {
    let least = r#"{"nothing": null, "nulls": [], "byName": {}, "boxed": null}"#;
    let value = read(least).unwrap();
    assert_eq!((value.maybe, value.patch), (None, None));
    assert_eq!(value.or_absent, ());
    // `()` is required like any field that is not an `Option` and has no default.
    let err = read(r#"{"nulls": [], "byName": {}, "boxed": null}"#).unwrap_err();
    assert_eq!(err, "/nothing: missing required field at line 1 column 42");
    let errors = from_json::<Cleared>(r#"{"nulls": [], "byName": {}}"#).unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/nothing", "required"), ("/boxed", "required")])
    );
}

#[test]
fn any_other_value_is_a_type_error_at_its_pointer() {
    let err = read(r#"{"nothing": false, "nulls": [], "byName": {}, "boxed": null}"#).unwrap_err();
    assert_eq!(
        err,
        "invalid type: boolean `false`, expected null at /nothing at line 1 column 17"
    );
    let err =
        read(r#"{"nothing": null, "nulls": [null, 0], "byName": {}, "boxed": null}"#).unwrap_err();
    assert_eq!(
        err,
        "invalid type: integer `0`, expected null at /nulls/1 at line 1 column 35"
    );
    // `"null"` is a string, not `null`; `Option<()>` refuses what `()` refuses.
    let text = r#"{"nothing": "null", "maybe": 0, "orAbsent": {}, "nulls": [null, [], null], "byName": {"a/b": true}, "boxed": 1.5, "patch": "x"}"#;
    let errors = from_json::<Cleared>(text).unwrap_err();
    let listed: Vec<(&str, &str, &str)> = errors
        .iter()
        .map(|e| (e.path(), e.code(), e.message()))
        .collect();
    assert_eq!(
        listed,
        [
            (
                "/nothing",
                "type",
                "must be null, got a string at line 1 column 18"
            ),
            (
                "/maybe",
                "type",
                "must be null, got a number at line 1 column 30"
            ),
            (
                "/orAbsent",
                "type",
                "must be null, got an object at line 1 column 46"
            ),
            ("/nulls", "max_len", "must have at most 2 items, got 3"),
            (
                "/nulls/1",
                "type",
                "must be null, got an array at line 1 column 66"
            ),
            (
                "/byName/a~1b",
                "type",
                "must be null, got a boolean at line 1 column 97"
            ),
            (
                "/boxed",
                "type",
                "must be null, got a number at line 1 column 112"
            ),
            (
                "/patch",
                "type",
                "must be null, got a string at line 1 column 126"
            ),
        ]
    );
}

#[test]
fn the_schema_is_null_and_the_annotations() {
    assert_eq!(
        Cleared::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Cleared",
            "description": "A reply whose members are there to be `null`.",
            "type": "object",
            "properties": {
                "nothing": {
                    "type": "null",
                    "description": "Always `null`.",
                    "title": "Nothing",
                    "deprecated": true,
                    "readOnly": true,
                    "examples": [null]
                },
                "maybe": {"type": "null", "description": "Absent or `null`: `None` either way."},
                "orAbsent": {"type": "null", "writeOnly": true, "default": null},
                "nulls": {"type": "array", "maxItems": 2, "items": {"type": "null", "title": "A null"}},
                "byName": {
                    "type": "object",
                    "additionalProperties": {"type": "null", "deprecated": true}
                },
                "boxed": {"type": "null"},
                "patch": {"type": "null", "description": "Absent is `None`, `null` is `Some(None)`."}
            },
            "required": ["nothing", "nulls", "byName", "boxed"]
        })
    );
}

/// A value cleared on purpose.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(title = "Cleared value", deprecated)]
struct Nothing(());

/// A label, or `null` for none.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(untagged)]
enum Label {
    Text(#[model(max_len = 3)] String),
    Cleared(()),
}

/// A setting by name: `{"reset": null}` holds no value.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "lowercase")]
enum Setting {
    Size(u8),
    Reset(()),
}

#[test]
fn a_newtype_and_variants_that_hold_a_null() {
    assert_eq!(
        serde_json::from_value::<Nothing>(json!(null)).unwrap(),
        Nothing(())
    );
    assert!(serde_json::from_value::<Nothing>(json!(0)).is_err());
    assert_eq!(serde_json::to_value(Nothing(())).unwrap(), Value::Null);
    assert_eq!(
        Nothing::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Cleared value",
            "description": "A value cleared on purpose.",
            "type": "null",
            "deprecated": true
        })
    );

    assert_eq!(
        serde_json::from_value::<Label>(json!(null)).unwrap(),
        Label::Cleared(())
    );
    assert_eq!(
        serde_json::from_value::<Label>(json!("abc")).unwrap(),
        Label::Text("abc".into())
    );
    assert!(serde_json::from_value::<Label>(json!(false)).is_err());
    assert_eq!(
        serde_json::to_value(Label::Cleared(())).unwrap(),
        Value::Null
    );
    let schema = Label::json_schema();
    assert_eq!(
        schema["anyOf"],
        json!([{"type": "string", "maxLength": 3}, {"type": "null"}])
    );

    assert_eq!(
        serde_json::from_value::<Setting>(json!({"reset": null})).unwrap(),
        Setting::Reset(())
    );
    assert_eq!(
        serde_json::to_value(Setting::Reset(())).unwrap(),
        json!({"reset": null})
    );
    let errors = from_json::<Setting>(r#"{"reset": 0}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/reset", "type")]));
}
