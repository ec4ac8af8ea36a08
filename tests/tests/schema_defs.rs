//! Definitions under `$defs`: one per model type, keyed by a readable name that no other model
//! of the document shares, and numbers past 64 bits written as numbers.

use authlete_models::Model;
use serde_json::json;

mod a {
    use authlete_models::Model;

    /// A scope by name.
    #[derive(Debug, Model)]
    pub struct Scope {
        pub name: String,
    }
}

mod b {
    use authlete_models::Model;

    /// A scope by level.
    #[derive(Debug, Model)]
    pub struct Scope {
        pub level: u32,
    }
}

#[derive(Debug, Model)]
struct Both {
    a: a::Scope,
    b: b::Scope,
    again: Option<a::Scope>,
}

#[derive(Debug, Model)]
struct Lone {
    first: a::Scope,
    second: Vec<a::Scope>,
}

fn accepts(schema: &serde_json::Value, doc: &serde_json::Value) -> bool {
    jsonschema::validator_for(schema)
        .expect("the derived schema compiles")
        .is_valid(doc)
}

#[test]
fn two_models_of_one_name_get_two_definitions() {
    let schema = Both::json_schema();
    let defs = schema["$defs"].as_object().unwrap();
    assert_eq!(defs.len(), 2, "{schema:#}");
    let a_ref = schema["properties"]["a"]["$ref"].as_str().unwrap();
    let b_ref = schema["properties"]["b"]["$ref"].as_str().unwrap();
    assert_ne!(a_ref, b_ref);
    // The same type is referred to by the same definition everywhere.
    assert_eq!(
        schema["properties"]["again"]["anyOf"][0]["$ref"].as_str(),
        Some(a_ref)
    );
    // The keys say where each model lives.
    let a_key = a_ref.strip_prefix("#/$defs/").unwrap();
    let b_key = b_ref.strip_prefix("#/$defs/").unwrap();
    assert!(a_key.ends_with(".a.Scope"), "{a_key}");
    assert!(b_key.ends_with(".b.Scope"), "{b_key}");
    assert_eq!(defs[a_key]["required"], json!(["name"]));
    assert_eq!(defs[b_key]["required"], json!(["level"]));
}

#[test]
fn the_schema_accepts_what_the_model_accepts_with_two_models_of_one_name() {
    let schema = Both::json_schema();
    let doc = json!({"a": {"name": "read"}, "b": {"level": 15}});
    assert!(serde_json::from_value::<Both>(doc.clone()).is_ok());
    assert!(accepts(&schema, &doc), "{schema:#}");
    let swapped = json!({"a": {"level": 15}, "b": {"name": "read"}});
    assert!(serde_json::from_value::<Both>(swapped.clone()).is_err());
    assert!(!accepts(&schema, &swapped));
}

#[test]
fn a_name_no_other_model_shares_is_the_key() {
    let schema = Lone::json_schema();
    assert_eq!(schema["properties"]["first"]["$ref"], "#/$defs/Scope");
    assert_eq!(
        schema["properties"]["second"]["items"]["$ref"],
        "#/$defs/Scope"
    );
    assert_eq!(schema["$defs"].as_object().unwrap().len(), 1);
}

#[derive(Debug, Model)]
struct Wide {
    /// 2^70.
    #[model(max = 1180591620717411303424)]
    big: u128,
    /// -2^70.
    #[model(min = -1180591620717411303424)]
    low: i128,
}

#[test]
fn bounds_past_64_bits_are_numbers_in_the_schema() {
    let schema = Wide::json_schema();
    assert_eq!(
        schema["properties"]["big"]["maximum"].as_f64(),
        Some(2f64.powi(70))
    );
    assert_eq!(
        schema["properties"]["low"]["minimum"].as_f64(),
        Some(-(2f64.powi(70)))
    );
    let ok: Wide =
        serde_json::from_str(r#"{"big": 1180591620717411303424, "low": -1180591620717411303424}"#)
            .unwrap();
    assert_eq!(ok.big, 1 << 70);
    let err = serde_json::from_str::<Wide>(r#"{"big": 1180591620717411303425, "low": 0}"#)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("/big: max: "), "{err}");
}
