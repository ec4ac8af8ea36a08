//! `exclusive_min`, `exclusive_max`, `multiple_of` and `unique`: each maps to its JSON Schema
//! keyword, and each error's code is the attribute's name.

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::json;

#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Pricing {
    #[model(exclusive_min = 0, exclusive_max = 100)]
    percent: f64,
    #[model(multiple_of = 5, exclusive_max = 60)]
    minutes: u32,
    #[model(multiple_of = 0.25)]
    step: Option<f64>,
    #[model(unique, max_len = 4)]
    tags: Vec<String>,
    #[model(unique, items(exclusive_min = -1))]
    points: Option<Vec<i64>>,
}

fn ok() -> serde_json::Value {
    json!({"percent": 0.5, "minutes": 55, "step": 1.75, "tags": ["a", "b"], "points": [0, 1]})
}

fn with(change: serde_json::Value) -> serde_json::Value {
    let mut d = ok();
    for (k, v) in change.as_object().unwrap() {
        d[k] = v.clone();
    }
    d
}

fn refusal(change: serde_json::Value) -> String {
    serde_json::from_value::<Pricing>(with(change))
        .unwrap_err()
        .to_string()
}

#[test]
fn exclusive_bounds_refuse_the_bound_itself() {
    assert!(serde_json::from_value::<Pricing>(ok()).is_ok());
    assert_eq!(
        refusal(json!({"percent": 0})),
        "/percent: exclusive_min: must be greater than 0.0"
    );
    assert_eq!(
        refusal(json!({"percent": 100.0})),
        "/percent: exclusive_max: must be less than 100.0"
    );
    assert!(serde_json::from_value::<Pricing>(with(json!({"percent": 99.999}))).is_ok());
    assert_eq!(
        refusal(json!({"points": [-1]})),
        "/points/0: exclusive_min: must be greater than -1"
    );
}

#[test]
fn multiples_of_integers_and_floats() {
    assert_eq!(
        refusal(json!({"minutes": 7})),
        "/minutes: multiple_of: must be a multiple of 5"
    );
    assert_eq!(
        refusal(json!({"minutes": 60})),
        "/minutes: exclusive_max: must be less than 60"
    );
    assert_eq!(
        refusal(json!({"step": 0.3})),
        "/step: multiple_of: must be a multiple of 0.25"
    );
    for step in [0.0, -0.25, 2.5, 1e10] {
        assert!(
            serde_json::from_value::<Pricing>(with(json!({"step": step}))).is_ok(),
            "{step}"
        );
    }
}

#[test]
fn unique_items_compare_as_json_values() {
    assert_eq!(
        refusal(json!({"tags": ["a", "b", "a"]})),
        "/tags: unique: must hold each item once, but items 0 and 2 are equal"
    );
    assert_eq!(
        refusal(json!({"points": [3, 4.0, 4]})),
        "/points: unique: must hold each item once, but items 1 and 2 are equal"
    );
}

#[test]
fn validate_and_from_json_report_every_keyword() {
    let built = Pricing {
        percent: 100.0,
        minutes: 61,
        step: Some(0.1),
        tags: vec!["x".into(), "x".into()],
        points: Some(vec![-5, -5]),
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[
            ("/percent", "exclusive_max"),
            ("/minutes", "exclusive_max"),
            ("/minutes", "multiple_of"),
            ("/step", "multiple_of"),
            ("/tags", "unique"),
            ("/points/0", "exclusive_min"),
            ("/points/1", "exclusive_min"),
            ("/points", "unique"),
        ])
    );
    let errors = from_json::<Pricing>(
        r#"{"percent": -1, "minutes": 3, "tags": ["a", "a", "b", "c", "d"], "points": [1, 1]}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/percent", "exclusive_min"),
            ("/minutes", "multiple_of"),
            ("/tags", "max_len"),
            ("/tags", "unique"),
            ("/points", "unique"),
        ])
    );
}

#[test]
fn the_schema_has_each_keyword_and_agrees_with_a_validator() {
    let schema = Pricing::json_schema();
    let p = &schema["properties"];
    assert_eq!(
        p["percent"],
        json!({"type": "number", "exclusiveMinimum": 0.0, "exclusiveMaximum": 100.0})
    );
    assert_eq!(
        p["minutes"],
        json!({"type": "integer", "minimum": 0, "maximum": 4294967295u64, "exclusiveMaximum": 60, "multipleOf": 5})
    );
    assert_eq!(
        p["step"],
        json!({"type": ["number", "null"], "multipleOf": 0.25})
    );
    assert_eq!(p["tags"]["uniqueItems"], true);
    let validator = jsonschema::validator_for(&schema).unwrap();
    for change in [
        json!({}),
        json!({"percent": 0}),
        json!({"percent": 1e-9}),
        json!({"minutes": 0}),
        json!({"minutes": 59}),
        json!({"step": 0.3}),
        json!({"step": 0.75}),
        json!({"tags": ["a", "a"]}),
        json!({"points": [1, 1.0]}),
        json!({"points": [0, -1]}),
    ] {
        let d = with(change);
        assert_eq!(
            validator.is_valid(&d),
            serde_json::from_value::<Pricing>(d.clone()).is_ok(),
            "{d}"
        );
    }
}
