//! `items(...)`: the rules of each element of a `Vec`, nesting as deep as the type does. A
//! field's own rules apply to the field's value (the `Vec` itself: `min_len`/`max_len` count
//! its items); the rules of its strings or numbers are written in `items(...)`.

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::json;

#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Registration {
    /// At most 20 redirect URIs, each at most 2,000 characters.
    #[model(min_len = 1, max_len = 20, items(min_len = 8, max_len = 2000))]
    redirect_uris: Vec<String>,
    #[model(items(max_len = 2, items(charset = "a-z", max_len = 3)))]
    grid: Option<Vec<Vec<String>>>,
    #[model(items(min = 1, max = 5))]
    scores: Vec<Option<u8>>,
}

fn ok() -> serde_json::Value {
    json!({
        "redirectUris": ["https://a.example"],
        "grid": [["ab", "c"], []],
        "scores": [1, null, 5]
    })
}

#[test]
fn items_rules_hold_each_element() {
    let r: Registration = serde_json::from_value(ok()).unwrap();
    assert_eq!(r.scores, [Some(1), None, Some(5)]);
    assert!(r.validate().is_ok());
    let mut d = ok();
    d["redirectUris"] = json!(["https://a.example", "short"]);
    let err = serde_json::from_value::<Registration>(d)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "/redirectUris/1: min_len: must be at least 8 characters long"
    );
    let mut d = ok();
    d["redirectUris"] = json!([format!("https://{}", "a".repeat(2000))]);
    let err = serde_json::from_value::<Registration>(d)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "/redirectUris/0: max_len: must be at most 2000 characters long"
    );
}

#[test]
fn the_field_s_own_length_counts_items() {
    let mut d = ok();
    d["redirectUris"] = json!([]);
    let err = serde_json::from_value::<Registration>(d)
        .unwrap_err()
        .to_string();
    assert_eq!(err, "/redirectUris: min_len: must have at least 1 item");
}

#[test]
fn items_nest() {
    let mut d = ok();
    d["grid"] = json!([["ab"], ["a", "b", "c"]]);
    let err = serde_json::from_value::<Registration>(d)
        .unwrap_err()
        .to_string();
    assert_eq!(err, "/grid/1: max_len: must have at most 2 items");
    let errors = from_json::<Registration>(
        r#"{"redirectUris": ["x"], "grid": [["abcd", "A"]], "scores": [0, 6, null]}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/redirectUris/0", "min_len"),
            ("/grid/0/0", "max_len"),
            ("/grid/0/1", "charset"),
            ("/scores/0", "min"),
            ("/scores/1", "max"),
        ])
    );
    let built = Registration {
        redirect_uris: vec![],
        grid: Some(vec![vec!["ok".into(), "NO".into()]]),
        scores: vec![Some(9)],
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[
            ("/redirectUris", "min_len"),
            ("/grid/0/1", "charset"),
            ("/scores/0", "max")
        ])
    );
}

#[test]
fn the_schema_nests_as_the_rules_do() {
    let schema = Registration::json_schema();
    assert_eq!(
        schema["properties"]["redirectUris"],
        json!({
            "description": "At most 20 redirect URIs, each at most 2,000 characters.",
            "type": "array",
            "items": {"type": "string", "minLength": 8, "maxLength": 2000},
            "minItems": 1,
            "maxItems": 20
        })
    );
    assert_eq!(
        schema["properties"]["grid"],
        json!({
            "type": ["array", "null"],
            "items": {
                "type": "array",
                "items": {"type": "string", "maxLength": 3, "pattern": "^[a-z]*$"},
                "maxItems": 2
            }
        })
    );
    assert_eq!(
        schema["properties"]["scores"]["items"],
        json!({"type": ["integer", "null"], "minimum": 1, "maximum": 5})
    );
}
