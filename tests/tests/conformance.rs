//! Each shipped model against its contract in `specs/`: the schema, and every example.

use std::fmt::Debug;
use std::path::PathBuf;

use authlete_models::{
    ApiServiceIdClientSecretUpdateClientIdentifie, ClientSecretUpdateResponse, Model, from_json,
};
use serde_json::{Map, Value};

type Check = fn(&Value) -> Vec<String>;

/// Every model the crate ships, by the name its contract gives.
const MODELS: &[(&str, Check)] = &[
    (
        "ApiServiceIdClientSecretUpdateClientIdentifie",
        check::<ApiServiceIdClientSecretUpdateClientIdentifie>,
    ),
    (
        "ClientSecretUpdateResponse",
        check::<ClientSecretUpdateResponse>,
    ),
];

fn specs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../specs")
}

fn contracts() -> Vec<(PathBuf, Value)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(specs_dir())
        .expect("specs/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", p.display()));
            (p, value)
        })
        .collect()
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

/// The document as the model writes it back: only known members, no `null` for absent
/// optional fields.
fn expected_round_trip(schema: &Value, document: &Value) -> Value {
    let known = schema["properties"].as_object().expect("properties");
    let doc = document.as_object().expect("a valid document is an object");
    let kept: Map<String, Value> = doc
        .iter()
        .filter(|(k, v)| known.contains_key(k.as_str()) && !v.is_null())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Value::Object(kept)
}

/// Checks `T` against `contract`; returns every mismatch found.
fn check<T: Model + Debug + PartialEq>(contract: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let expected = &contract["schema"];
    let actual = T::json_schema();
    if &actual != expected {
        failures.push(format!(
            "schema differs from the contract\n--- contract:\n{}\n--- derived:\n{}",
            pretty(expected),
            pretty(&actual)
        ));
    }
    let examples = contract["examples"].as_array().expect("examples");
    assert!(!examples.is_empty(), "a contract needs examples");
    for example in examples {
        let name = example["name"].as_str().expect("name");
        let doc = &example["document"];
        let text = serde_json::to_string(doc).unwrap();
        let serde_result = serde_json::from_str::<T>(&text);
        let collected = from_json::<T>(&text);
        if example["valid"] == Value::Bool(true) {
            let value = match serde_result {
                Ok(v) => v,
                Err(e) => {
                    failures.push(format!("{name}: valid example refused: {e}"));
                    continue;
                }
            };
            if let Err(e) = value.validate() {
                failures.push(format!("{name}: accepted but validate() fails: {e}"));
            }
            if let Err(e) = &collected {
                failures.push(format!("{name}: from_json refuses a valid example: {e}"));
            }
            let written = serde_json::to_value(&value).unwrap();
            let want = expected_round_trip(&contract["schema"], doc);
            if written != want {
                failures.push(format!(
                    "{name}: serialized {} but expected {}",
                    written, want
                ));
            }
            let again: T = serde_json::from_value(written).unwrap();
            if again != value {
                failures.push(format!("{name}: round trip changed the value"));
            }
        } else {
            if let Ok(v) = serde_result {
                failures.push(format!("{name}: invalid example accepted: {v:?}"));
            }
            let want: Vec<(String, String)> = example["errors"]
                .as_array()
                .expect("errors")
                .iter()
                .map(|e| {
                    (
                        e["path"].as_str().unwrap().to_owned(),
                        e["code"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            let got: Vec<(String, String)> = match collected {
                Ok(_) => Vec::new(),
                Err(errors) => errors
                    .iter()
                    .map(|e| (e.path().to_owned(), e.code().to_owned()))
                    .collect(),
            };
            if got != want {
                failures.push(format!(
                    "{name}: from_json reported {got:?}, contract lists {want:?}"
                ));
            }
        }
    }
    failures
}

#[test]
fn every_contract_names_a_shipped_model_and_every_model_has_a_contract() {
    let named: Vec<String> = contracts()
        .iter()
        .map(|(_, c)| c["model"].as_str().expect("model").to_owned())
        .collect();
    for (model, _) in MODELS {
        assert!(
            named.iter().any(|n| n == model),
            "no contract in specs/ for {model}"
        );
    }
    for name in &named {
        assert!(
            MODELS.iter().any(|(m, _)| m == name),
            "contract for unknown model {name}"
        );
    }
}

#[test]
fn every_model_meets_its_contract() {
    let mut failures = Vec::new();
    for (path, contract) in contracts() {
        let model = contract["model"].as_str().expect("model");
        let Some((_, check)) = MODELS.iter().find(|(m, _)| *m == model) else {
            continue;
        };
        for f in check(&contract) {
            failures.push(format!("{}: {f}", path.display()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn contract_schemas_are_valid_json_schemas_that_agree_with_the_examples() {
    for (path, contract) in contracts() {
        let validator = jsonschema::validator_for(&contract["schema"])
            .unwrap_or_else(|e| panic!("{}: not a valid schema: {e}", path.display()));
        for example in contract["examples"].as_array().unwrap() {
            assert_eq!(
                validator.is_valid(&example["document"]),
                example["valid"] == Value::Bool(true),
                "{}: {}",
                path.display(),
                example["name"]
            );
        }
    }
}
