//! `HashMap<String, V>` and `BTreeMap<String, V>` fields: objects with any members, with rules
//! on how many there are, on each member name (`keys(...)`) and on each value (`values(...)`).

use std::collections::{BTreeMap, HashMap};

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq, Model)]
#[model(rename_all = "lowercase")]
enum Level {
    Low,
    High,
}

#[derive(Debug, PartialEq, Model)]
struct Scope {
    #[model(max_len = 4)]
    name: String,
}

#[derive(Debug, PartialEq, Model)]
struct Client {
    /// Free-form attributes.
    #[model(
        max_len = 3,
        keys(charset = "a-z_", min_len = 1, max_len = 8),
        values(max_len = 5)
    )]
    attributes: HashMap<String, String>,
    #[model(min_len = 1, values(min = 1, max = 9))]
    weights: BTreeMap<String, u8>,
    levels: Option<HashMap<String, Level>>,
    scopes: Option<BTreeMap<String, Vec<Scope>>>,
    #[model(values(items(max_len = 2)))]
    lists: Option<HashMap<String, Option<Vec<String>>>>,
}

fn doc() -> serde_json::Value {
    json!({
        "attributes": {"team": "core", "tier": "gold"},
        "weights": {"a": 1, "b": 9},
        "levels": {"x": "low", "y": "high"},
        "scopes": {"s": [{"name": "read"}]},
        "lists": {"k": ["ab", "c"], "n": null}
    })
}

#[test]
fn reads_and_writes_members_of_every_value_type() {
    let client: Client = serde_json::from_value(doc()).unwrap();
    assert_eq!(client.attributes["tier"], "gold");
    assert_eq!(client.weights.keys().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(client.levels.as_ref().unwrap()["y"], Level::High);
    assert_eq!(client.scopes.as_ref().unwrap()["s"][0].name, "read");
    assert_eq!(client.lists.as_ref().unwrap()["n"], None);
    assert_eq!(serde_json::to_value(&client).unwrap(), doc());
    assert!(client.validate().is_ok());
}

#[test]
fn members_are_counted() {
    let mut d = doc();
    d["attributes"] = json!({"a": "", "b": "", "c": "", "d": ""});
    let err = serde_json::from_value::<Client>(d).unwrap_err().to_string();
    assert_eq!(err, "/attributes: max_len: must have at most 3 members");
    let mut d = doc();
    d["weights"] = json!({});
    let err = serde_json::from_value::<Client>(d).unwrap_err().to_string();
    assert_eq!(err, "/weights: min_len: must have at least 1 member");
}

#[test]
fn a_bad_member_name_is_reported_at_the_map_without_the_name() {
    let mut d = doc();
    d["attributes"] = json!({"Team": "x"});
    let err = serde_json::from_value::<Client>(d).unwrap_err().to_string();
    assert_eq!(
        err,
        "/attributes: charset: a member name must contain only a-z _"
    );
    let mut d = doc();
    d["attributes"] = json!({"": "x"});
    let err = serde_json::from_value::<Client>(d).unwrap_err().to_string();
    assert_eq!(
        err,
        "/attributes: min_len: a member name must be at least 1 character long"
    );
}

#[test]
fn a_value_s_errors_sit_under_the_escaped_member_name() {
    let mut d = doc();
    d["attributes"] = json!({"a_b": "toolong"});
    let err = serde_json::from_value::<Client>(d).unwrap_err().to_string();
    assert_eq!(
        err,
        "/attributes/a_b: max_len: must be at most 5 characters long"
    );
    let mut d = doc();
    d["scopes"] = json!({"a/b~c": [{"name": "write"}]});
    let err = serde_json::from_value::<Client>(d).unwrap_err().to_string();
    assert_eq!(
        err,
        "/scopes/a~1b~0c/0/name: max_len: must be at most 4 characters long"
    );
    let mut d = doc();
    d["levels"] = json!({"x": "medium"});
    let err = serde_json::from_value::<Client>(d).unwrap_err().to_string();
    assert!(
        err.starts_with("/levels/x: enum: must be one of `low` or `high`"),
        "{err}"
    );
}

#[test]
fn a_member_given_twice_is_refused() {
    let text = r#"{"attributes": {"a": "x", "a": "y"}, "weights": {"a": 1}}"#;
    let err = serde_json::from_str::<Client>(text)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("/attributes/a: duplicate field"), "{err}");
}

#[test]
fn from_json_reports_in_document_order_and_validate_in_name_order() {
    let errors = from_json::<Client>(
        r#"{"attributes": {"ok": "toolong", "Bad": "x", "c": "", "d": ""},
            "weights": {"z": 0, "a": 10},
            "lists": {"k": ["abc"]}}"#,
    )
    .unwrap_err();
    // As written: the member count first (the map starts before its members), then each
    // member's name and value.
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/attributes", "max_len"),
            ("/attributes/ok", "max_len"),
            ("/attributes", "charset"),
            ("/weights/z", "min"),
            ("/weights/a", "max"),
            ("/lists/k/0", "max_len"),
        ])
    );
    let client = Client {
        attributes: HashMap::from([
            ("zz".to_owned(), "toolong".to_owned()),
            ("Bad".to_owned(), String::new()),
            ("aa".to_owned(), "toolong".to_owned()),
        ]),
        weights: BTreeMap::new(),
        levels: None,
        scopes: None,
        lists: None,
    };
    // A `HashMap`'s members are checked in name order, so the errors come in the same order
    // every time.
    assert_eq!(
        found(&client.validate().unwrap_err()),
        pairs(&[
            ("/attributes", "charset"),
            ("/attributes/aa", "max_len"),
            ("/attributes/zz", "max_len"),
            ("/weights", "min_len"),
        ])
    );
}

#[test]
fn long_member_names_are_cut_in_pointers() {
    let name = "n".repeat(1000);
    let mut d = doc();
    d["scopes"] = json!({ name.clone(): [{"name": "toolong"}] });
    let err = serde_json::from_value::<Client>(d).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "/scopes/{}…/0/name: max_len: must be at most 4 characters long",
            "n".repeat(32)
        )
    );
}

#[test]
fn the_schema_describes_names_values_and_counts() {
    let schema = Client::json_schema();
    assert_eq!(
        schema["properties"]["attributes"],
        json!({
            "description": "Free-form attributes.",
            "type": "object",
            "propertyNames": {"minLength": 1, "maxLength": 8, "pattern": "^[\\u005Fa-z]*$"},
            "additionalProperties": {"type": "string", "maxLength": 5},
            "maxProperties": 3
        })
    );
    assert_eq!(
        schema["properties"]["weights"],
        json!({
            "type": "object",
            "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 9},
            "minProperties": 1
        })
    );
    assert_eq!(
        schema["properties"]["levels"]["additionalProperties"],
        json!({"$ref": "#/$defs/Level"})
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (change, ok) in [
        (json!({}), true),
        (json!({"attributes": {"Bad": "x"}}), false),
        (json!({"attributes": {"a": "123456"}}), false),
        (
            json!({"attributes": {"a": "", "b": "", "c": "", "d": ""}}),
            false,
        ),
        (json!({"weights": {}}), false),
        (json!({"weights": {"a": 10}}), false),
        (json!({"levels": {"a": "mid"}}), false),
        (json!({"lists": {"a": ["abc"]}}), false),
        (json!({"lists": {"a": null}}), true),
    ] {
        let mut d = doc();
        for (k, v) in change.as_object().unwrap() {
            d[k] = v.clone();
        }
        assert_eq!(validator.is_valid(&d), ok, "{d}");
        assert_eq!(
            serde_json::from_value::<Client>(d.clone()).is_ok(),
            ok,
            "{d}"
        );
    }
}
