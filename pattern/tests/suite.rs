//! The `pattern` cases of the JSON Schema Test Suite (draft 2020-12), vendored under the
//! workspace's `tests/suite/`: every case whose schema has a `pattern` and whose data is a
//! string. Patterns the compiler refuses must be listed in `REFUSED` with the reason, and are
//! checked to be refused; nothing is skipped silently.

use std::path::Path;

use serde_json::Value;

/// The suite's files with `pattern` cases, relative to `tests/suite/draft2020-12/`.
const FILES: [&str; 3] = [
    "pattern.json",
    "optional/ecmascript-regex.json",
    "optional/non-bmp-regex.json",
];

/// Patterns of the suite that are refused on purpose, each with a word of the refusal.
const REFUSED: &[(&str, &str)] = &[];

#[test]
fn suite_pattern_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/suite/draft2020-12");
    let (mut passed, mut refused, mut out_of_scope) = (0, 0, 0);
    let mut failures = Vec::new();
    for file in FILES {
        let text = std::fs::read_to_string(root.join(file)).expect("a vendored suite file");
        let groups: Vec<Value> = serde_json::from_str(&text).expect("the suite's JSON");
        for group in &groups {
            let description = group["description"].as_str().unwrap_or_default();
            let tests = group["tests"].as_array().expect("a list of tests");
            let Some(pattern) = group["schema"].get("pattern").and_then(Value::as_str) else {
                // `patternProperties` cases: the keys of objects, out of scope here.
                out_of_scope += tests.len();
                continue;
            };
            let dfa = match authlete_models_pattern::compile(pattern, 10_000) {
                Ok(dfa) => {
                    assert!(
                        !REFUSED.iter().any(|&(p, _)| p == pattern),
                        "{pattern:?} is listed as refused but compiles"
                    );
                    dfa
                }
                Err(refusal) => {
                    let Some(&(_, reason)) = REFUSED.iter().find(|&&(p, _)| p == pattern) else {
                        panic!("{file}: {description}: {pattern:?} refused: {refusal}");
                    };
                    assert!(refusal.message().contains(reason), "{pattern:?}: {refusal}");
                    refused += tests.len();
                    continue;
                }
            };
            for test in tests {
                let Some(data) = test["data"].as_str() else {
                    out_of_scope += 1;
                    continue;
                };
                let valid = test["valid"].as_bool().expect("a verdict");
                if dfa.is_match(data) == valid {
                    passed += 1;
                } else {
                    failures.push(format!("{file}: {description}: {pattern:?} on {data:?}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{passed} passed, {refused} refused, {out_of_scope} out of scope (not strings)");
    assert!(passed >= 40, "only {passed} cases ran");
}
