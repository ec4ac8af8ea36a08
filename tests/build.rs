//! Writes `suite.rs` into `OUT_DIR`: for each schema of the JSON Schema Test Suite's
//! `pattern` and `format` files (`suite/draft2020-12/`) that the derive expresses on a string,
//! a newtype that derives `Model` with that rule, and the suite's cases on string data, each
//! with the reader of its model. `tests/suite.rs` runs them.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

/// The suite's pattern files.
const PATTERN_FILES: &[&str] = &[
    "pattern.json",
    "optional/ecmascript-regex.json",
    "optional/non-bmp-regex.json",
];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("suite/draft2020-12");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut models = String::new();
    let mut cases = String::new();
    let mut n = 0;
    let mut add = |file: &str, rule: String, group: &Value| {
        let tests = group["tests"].as_array().expect("the suite's tests");
        let description = group["description"].as_str().unwrap_or_default();
        writeln!(
            models,
            "#[derive(Debug, Model)]\npub struct Case{n}(#[model({rule})] pub String);"
        )
        .unwrap();
        for test in tests {
            // Out of scope: a `pattern` or a `format` says nothing of what is not a string.
            let Some(data) = test["data"].as_str() else {
                continue;
            };
            let valid = test["valid"].as_bool().expect("a verdict");
            let what = format!("{file}: {description}: {}", test["description"]);
            writeln!(
                cases,
                "    Case {{ what: {what:?}, data: {data:?}, valid: {valid}, read: |s| read::<Case{n}>(s) }},"
            )
            .unwrap();
        }
        n += 1;
    };
    for file in PATTERN_FILES {
        for group in groups(&root.join(file)) {
            // `patternProperties` groups hold no `pattern`: the keys of objects, out of scope.
            if let Some(pattern) = group["schema"].get("pattern").and_then(Value::as_str) {
                add(file, format!("pattern = {pattern:?}"), &group);
            }
        }
    }
    // The format files vendored are those of the formats `check_format` checks, each named
    // after its format.
    let mut formats: Vec<String> = std::fs::read_dir(root.join("optional/format"))
        .expect("the format files")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".json")?.to_owned())
        })
        .collect();
    formats.sort();
    for format in &formats {
        let file = format!("optional/format/{format}.json");
        for group in groups(&root.join(&file)) {
            assert_eq!(group["schema"]["format"], format.as_str(), "{file}");
            add(&file, format!("format = {format:?}, check_format"), &group);
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("suite.rs");
    let text = format!(
        "{models}\n/// Every case on string data.\npub const CASES: &[Case] = &[\n{cases}];\n"
    );
    std::fs::write(out, text).expect("writing suite.rs");
}

fn groups(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("the suite's JSON")
}
