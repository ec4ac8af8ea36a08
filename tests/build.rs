//! Writes two files into `OUT_DIR` from the JSON Schema Test Suite's files
//! (`suite/draft2020-12/`):
//! - `suite.rs`: for each schema of the `pattern` and `format` files that the derive expresses on
//!   a string, a newtype that derives `Model` with that rule, and the suite's cases on string
//!   data, each with the reader of its model. `tests/suite.rs` runs them.
//! - `generator_suite.rs`: every group of the suite's required files (those directly in
//!   `draft2020-12/`) run through the generator (`authlete-models-codegen`, default options):
//!   what became of each group (read, refused and why, or a module of types), the module of each
//!   group it accepted, and the group's cases, each with the reader of the group's root type.
//!   `tests/generator_suite.rs` runs them.

use std::fmt::Write as _;
use std::path::Path;

use authlete_models_codegen::{Document, Options, generate};
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
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).to_owned();
    std::fs::write(out.join("suite.rs"), rule_suite(&root)).expect("writing suite.rs");
    std::fs::write(out.join("generator_suite.rs"), generator_suite(&root))
        .expect("writing generator_suite.rs");
}

/// `suite.rs`: a model per `pattern` and `format` schema, and every case on string data.
fn rule_suite(root: &Path) -> String {
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
    format!("{models}\n/// Every case on string data.\npub const CASES: &[Case] = &[\n{cases}];\n")
}

/// `generator_suite.rs`: `GROUPS`, what the generator made of each group of the required
/// files, in file order; a module `g<i>` of the types of each group `i` it accepted; and
/// `CASES`, the cases of the accepted groups, each reading its data as the group's root type.
fn generator_suite(root: &Path) -> String {
    let mut files: Vec<String> = std::fs::read_dir(root)
        .expect("the suite's files")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.ends_with(".json").then_some(name)
        })
        .collect();
    files.sort();
    let mut modules = String::new();
    let mut groups_out = String::new();
    let mut cases = String::new();
    let mut i = 0;
    for file in &files {
        let text = std::fs::read_to_string(root.join(file)).expect("a suite file");
        let parsed: Vec<Value> = serde_json::from_str(&text).expect("the suite's JSON");
        let schemas = schema_texts(&text);
        assert_eq!(schemas.len(), parsed.len(), "{file}: a schema per group");
        for (group, schema) in parsed.iter().zip(schemas) {
            assert_eq!(
                serde_json::from_str::<Value>(schema).ok().as_ref(),
                Some(&group["schema"]),
                "{file}: the schema's text"
            );
            let description = group["description"].as_str().expect("a description");
            let outcome = outcome(file, schema, group, i, &mut modules, &mut cases);
            writeln!(
                groups_out,
                "    Group {{ file: {file:?}, description: {description:?}, schema: {schema:?}, outcome: {outcome} }},"
            )
            .unwrap();
            i += 1;
        }
    }
    format!(
        "/// What the generator made of each group of the required files, in file order.\n\
         pub const GROUPS: &[Group] = &[\n{groups_out}];\n\n\
         {modules}\n\
         /// Every case of the groups the generator accepted.\n\
         pub const CASES: &[Case] = &[\n{cases}];\n"
    )
}

/// What the generator makes of group `i` of `file`, whose schema is `schema`, as an `Outcome`;
/// when it accepts the group, its types as module `g<i>` in `modules`, after a line that names
/// the group (for the compiler's errors), and its cases in `cases`.
fn outcome(
    file: &str,
    schema: &str,
    group: &Value,
    i: usize,
    modules: &mut String,
    cases: &mut String,
) -> String {
    let doc = match Document::parse(schema, "Case") {
        Ok(doc) => doc,
        Err(why) => return format!("Outcome::NotRead({why:?})"),
    };
    let out = generate(&doc, &Options::default());
    // The first refusal of the schema itself, rather than one of a type that holds a refused
    // type.
    let first = out
        .refused
        .iter()
        .find(|note| !note.message.starts_with("holds `"))
        .or(out.refused.first());
    if let Some(note) = first {
        return format!(
            "Outcome::Refused {{ pointer: {:?}, message: {:?} }}",
            note.pointer, note.message
        );
    }
    let Some(root) = out.types.iter().find(|t| t.pointer == "#") else {
        let names: Vec<&str> = out.types.iter().map(|t| t.name.as_str()).collect();
        return format!("Outcome::NoRootType({:?})", names.join(", "));
    };
    // The module's head, before its first item: its doc comment, which names the features it
    // needs, is left out (the test crate has them all), and its inner attributes become the
    // inline module's outer ones.
    let mut attributes = String::from("#[allow(dead_code)]\n");
    let mut lines = out.code.lines().peekable();
    while let Some(line) =
        lines.next_if(|l| l.is_empty() || l.starts_with("//!") || l.starts_with("#!["))
    {
        if let Some(attribute) = line.strip_prefix("#!") {
            writeln!(attributes, "#{attribute}").unwrap();
        }
    }
    let module: String = lines.map(|line| format!("{line}\n")).collect();
    let description = &group["description"];
    writeln!(
        modules,
        "// {file} / {description}\n{attributes}mod g{i} {{\n{module}}}\n"
    )
    .unwrap();
    for test in group["tests"].as_array().expect("the suite's tests") {
        // Written by serde_json, so that no member is given twice (`from_json` refuses that).
        let data = serde_json::to_string(&test["data"]).expect("data");
        writeln!(
            cases,
            "    Case {{ group: {i}, test: {:?}, data: {data:?}, valid: {}, read: read::<g{i}::{}> }},",
            test["description"].as_str().expect("a description"),
            test["valid"].as_bool().expect("a verdict"),
            root.name,
        )
        .unwrap();
    }
    let warnings: Vec<String> = out.warnings.iter().map(ToString::to_string).collect();
    format!(
        "Outcome::Accepted {{ warnings: {:?} }}",
        warnings.join("; ")
    )
}

fn groups(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("the suite's JSON")
}

/// The text of each group's `schema` in a suite file (an array of groups), as the file writes
/// it: the generator then reads each schema's members in the file's order.
fn schema_texts(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = space(b, 0);
    assert_eq!(b[i], b'[', "a suite file is an array");
    i = space(b, i + 1);
    while b[i] != b']' {
        assert_eq!(b[i], b'{', "a group is an object");
        i = space(b, i + 1);
        while b[i] != b'}' {
            let key_end = skip(b, i);
            let key: String = serde_json::from_str(&text[i..key_end]).expect("a member name");
            i = space(b, key_end);
            assert_eq!(b[i], b':');
            let start = space(b, i + 1);
            let end = skip(b, start);
            if key == "schema" {
                out.push(&text[start..end]);
            }
            i = space(b, end);
            if b[i] == b',' {
                i = space(b, i + 1);
            }
        }
        i = space(b, i + 1);
        if b[i] == b',' {
            i = space(b, i + 1);
        }
    }
    out
}

/// The first byte at or after `i` that is not white space.
fn space(b: &[u8], mut i: usize) -> usize {
    while b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The end of the JSON value that starts at `i`.
fn skip(b: &[u8], mut i: usize) -> usize {
    match b[i] {
        b'"' => {
            i += 1;
            while b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i + 1
        }
        open @ (b'{' | b'[') => {
            let close = if open == b'{' { b'}' } else { b']' };
            i = space(b, i + 1);
            while b[i] != close {
                i = space(b, skip(b, i));
                if matches!(b[i], b',' | b':') {
                    i = space(b, i + 1);
                }
            }
            i + 1
        }
        _ => {
            while !matches!(b[i], b',' | b']' | b'}') && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            i
        }
    }
}
