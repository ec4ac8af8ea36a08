//! The generator's output for `tests/codegen/keywords.json`, a document that uses every keyword
//! and shape the generator supports, compiled: each generated type's `json_schema()` is the
//! expected schema the generator wrote beside it, the checked-in files are what the generator
//! makes of the document now, and each type accepts exactly the documents its schema accepts,
//! on listed documents (judged by the input schema too) and on random ones.
//!
//! Regenerate the fixture with
//! `cargo run -q -p authlete-models-codegen -- tests/codegen/keywords.json --expected
//! tests/codegen/keywords.expected.json > tests/codegen/keywords.rs`.

#[rustfmt::skip]
#[path = "../codegen/keywords.rs"]
mod keywords;

mod codegen_near;

use std::cell::Cell;
use std::path::PathBuf;

use authlete_models::Model;
use authlete_models_codegen::{Document, Options, generate, header};
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRunner};
use serde_json::{Map, Value, json};

use codegen_near::Near;
use keywords::*;

/// A generated type: its name, its schema and whether it reads a document.
struct Type {
    name: &'static str,
    schema: fn() -> Value,
    reads: fn(&Value) -> bool,
}

fn reads<T: Model>(doc: &Value) -> bool {
    serde_json::from_str::<T>(&doc.to_string()).is_ok()
}

macro_rules! types {
    ($($t:ident),* $(,)?) => {
        &[$(Type {
            name: stringify!($t),
            schema: <$t as Model>::json_schema,
            reads: reads::<$t>,
        }),*]
    };
}

/// Every type of the generated module that has a schema of its own (the alias `TagAlias` has
/// none).
const TYPES: &[Type] = types![
    Tag,
    Tags,
    Level,
    Strings,
    Numbers,
    Collections,
    Holder,
    Base,
    Merged,
    Node,
    Strict,
    ResultModel,
    Scores,
    HolderChild,
    HolderMode,
    HolderChildY,
    Lists,
    ListsKindsItem,
    ListsNamedValue,
    Shapes,
    ShapesId,
    ShapesValue,
    ShapesKind,
    Labels,
    Access,
    Container,
    Job,
    External,
    ExternalObject,
    StepBase,
    Step,
    Retries,
    Switch,
    Checkout,
    Manager,
    ManagerKind,
    Install,
    InstallCommand,
    Plugin,
    StepKey,
];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("codegen")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn expected_file() -> Map<String, Value> {
    serde_json::from_str(&read("keywords.expected.json")).expect("keywords.expected.json")
}

fn expected(name: &str) -> Value {
    expected_file()
        .remove(name)
        .unwrap_or_else(|| panic!("{name} is not in keywords.expected.json"))
}

fn ty(name: &str) -> &'static Type {
    TYPES
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("{name} is not in TYPES"))
}

#[test]
fn every_type_s_schema_is_its_expected_schema() {
    let file = expected_file();
    let mut wrong = Vec::new();
    for t in TYPES {
        let want = file
            .get(t.name)
            .unwrap_or_else(|| panic!("{} is not in keywords.expected.json", t.name));
        let got = (t.schema)();
        if &got != want {
            wrong.push(format!(
                "{}:\n  json_schema(): {got}\n  expected:      {want}",
                t.name
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn the_list_of_types_is_the_expected_file_s() {
    let file = expected_file();
    let mut listed: Vec<&str> = TYPES.iter().map(|t| t.name).collect();
    listed.sort_unstable();
    let mut keys: Vec<&str> = file.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(listed, keys);
}

/// The one alias is the type it names, and has no schema of its own in the expected file.
#[test]
fn a_schema_that_is_only_a_ref_is_an_alias() {
    let tag: Tag = serde_json::from_str(r#""blue""#).unwrap();
    let alias: TagAlias = tag.clone();
    assert_eq!(alias, tag);
    assert!(!expected_file().contains_key("TagAlias"));
}

fn regenerate() -> authlete_models_codegen::Output {
    let doc = Document::parse(&read("keywords.json"), "keywords").expect("keywords.json");
    generate(
        &doc,
        &Options {
            header: header(&["keywords.json"]),
            ..Default::default()
        },
    )
}

#[test]
fn the_checked_in_files_are_what_the_generator_makes_now() {
    let out = regenerate();
    assert!(out.refused.is_empty(), "refused: {:?}", out.refused);
    assert!(out.warnings.is_empty(), "warnings: {:?}", out.warnings);
    let hint = "run\n  cargo run -q -p authlete-models-codegen -- tests/codegen/keywords.json \
                --expected tests/codegen/keywords.expected.json > tests/codegen/keywords.rs";
    assert!(
        out.code == read("keywords.rs"),
        "tests/codegen/keywords.rs is not the generator's output: {hint}"
    );
    let map: Map<String, Value> = out
        .types
        .iter()
        .filter_map(|t| Some((t.name.clone(), t.expected.clone()?)))
        .collect();
    let text = serde_json::to_string_pretty(&map).unwrap();
    assert!(
        text == read("keywords.expected.json"),
        "tests/codegen/keywords.expected.json is not the generator's output: {hint}"
    );
    // Every generated type is listed, the alias apart.
    let names: Vec<&str> = out.types.iter().map(|t| t.name.as_str()).collect();
    for t in TYPES {
        assert!(names.contains(&t.name), "{} is not generated", t.name);
    }
    assert_eq!(names.len(), TYPES.len() + 1, "{names:?}");
    let alias = out.types.iter().find(|t| t.name == "TagAlias").unwrap();
    assert_eq!(alias.expected, None);
    assert_eq!(alias.pointer, "#/$defs/TagAlias");
}

/// The input schema of a named `$defs` entry, with the document's `$defs` beside it: the
/// judge of the listed documents, apart from the expected schema.
fn input_schema(def: &str) -> Value {
    let mut root: Map<String, Value> =
        serde_json::from_str(&read("keywords.json")).expect("keywords.json");
    root.insert("$ref".into(), format!("#/$defs/{def}").into());
    Value::Object(root)
}

/// Documents with the verdict the input schema gives them, by the type (and its `$defs` name
/// in the input), `null`s among them.
fn listed() -> Vec<(&'static str, &'static str, Value, bool)> {
    let long_name = "A".repeat(86);
    let too_long = "A".repeat(87);
    vec![
        // Tag: 1 to 12 of `a-z0-9_-`.
        ("Tag", "Tag", json!("team_a-1"), true),
        ("Tag", "Tag", json!("abcdefghijkl"), true),
        ("Tag", "Tag", json!(""), false),
        ("Tag", "Tag", json!("abcdefghijklm"), false),
        ("Tag", "Tag", json!("Blue"), false),
        ("Tag", "Tag", json!("a.b"), false),
        ("Tag", "Tag", json!(1), false),
        ("Tag", "Tag", json!(null), false),
        // Tags: at most 4 unique tags.
        ("Tags", "Tags", json!([]), true),
        ("Tags", "Tags", json!(["a", "b", "c", "d"]), true),
        ("Tags", "Tags", json!(["a", "b", "c", "d", "e"]), false),
        ("Tags", "Tags", json!(["a", "a"]), false),
        ("Tags", "Tags", json!(["A"]), false),
        ("Tags", "Tags", json!("a"), false),
        // Level.
        ("Level", "Level", json!("low"), true),
        ("Level", "Level", json!("VERY_HIGH"), true),
        ("Level", "Level", json!("n/a"), true),
        ("Level", "Level", json!("veryHigh"), false),
        ("Level", "Level", json!("Low"), false),
        ("Level", "Level", json!(null), false),
        // Strings.
        ("Strings", "Strings", json!({"name": "a"}), true),
        (
            "Strings",
            "Strings",
            json!({
                "name": long_name, "label": "é ~/a", "homepage": "not checked",
                "password": "12345678", "note": "", "code": "x", "hint": "abc", "digits": "1.5"
            }),
            true,
        ),
        (
            "Strings",
            "Strings",
            json!({"name": "a", "hint": null}),
            true,
        ),
        ("Strings", "Strings", json!({}), false),
        ("Strings", "Strings", json!({"name": ""}), false),
        ("Strings", "Strings", json!({"name": too_long}), false),
        ("Strings", "Strings", json!({"name": "a+b"}), false),
        ("Strings", "Strings", json!({"name": null}), false),
        (
            "Strings",
            "Strings",
            json!({"name": "a", "label": "abcdef"}),
            false,
        ),
        (
            "Strings",
            "Strings",
            json!({"name": "a", "label": "A"}),
            false,
        ),
        (
            "Strings",
            "Strings",
            json!({"name": "a", "password": "1234567"}),
            false,
        ),
        (
            "Strings",
            "Strings",
            json!({"name": "a", "hint": "abcd"}),
            false,
        ),
        (
            "Strings",
            "Strings",
            json!({"name": "a", "digits": "1"}),
            false,
        ),
        (
            "Strings",
            "Strings",
            json!({"name": "a", "digits": "1,5"}),
            false,
        ),
        ("Strings", "Strings", json!({"name": "a", "note": 1}), false),
        ("Strings", "Strings", json!(["a"]), false),
        // Numbers.
        ("Numbers", "Numbers", json!({"count": 0}), true),
        (
            "Numbers",
            "Numbers",
            json!({
                "count": 100, "small": -4, "big": -9000000000i64, "step": 30, "ratio": -1.5,
                "score": 99.5, "quarter": -2, "enabled": true, "retries": 5, "maybe": 1,
                "weight": -3.25
            }),
            true,
        ),
        ("Numbers", "Numbers", json!({"count": 2.0}), true),
        (
            "Numbers",
            "Numbers",
            json!({"count": 1, "small": 4.0, "quarter": 0.75}),
            true,
        ),
        (
            "Numbers",
            "Numbers",
            json!({"count": 1, "maybe": null}),
            true,
        ),
        ("Numbers", "Numbers", json!({}), false),
        ("Numbers", "Numbers", json!({"count": -1}), false),
        ("Numbers", "Numbers", json!({"count": 101}), false),
        ("Numbers", "Numbers", json!({"count": 1.5}), false),
        ("Numbers", "Numbers", json!({"count": "1"}), false),
        ("Numbers", "Numbers", json!({"count": 1, "small": 6}), false),
        (
            "Numbers",
            "Numbers",
            json!({"count": 1, "small": -6}),
            false,
        ),
        ("Numbers", "Numbers", json!({"count": 1, "small": 3}), false),
        (
            "Numbers",
            "Numbers",
            json!({"count": 1, "big": -9000000001i64}),
            false,
        ),
        ("Numbers", "Numbers", json!({"count": 1, "step": 31}), false),
        ("Numbers", "Numbers", json!({"count": 1, "step": 33}), false),
        (
            "Numbers",
            "Numbers",
            json!({"count": 1, "ratio": 1.6}),
            false,
        ),
        ("Numbers", "Numbers", json!({"count": 1, "score": 0}), false),
        (
            "Numbers",
            "Numbers",
            json!({"count": 1, "score": 100}),
            false,
        ),
        (
            "Numbers",
            "Numbers",
            json!({"count": 1, "quarter": 0.3}),
            false,
        ),
        (
            "Numbers",
            "Numbers",
            json!({"count": 1, "quarter": -2.25}),
            false,
        ),
        (
            "Numbers",
            "Numbers",
            json!({"count": 1, "enabled": "yes"}),
            false,
        ),
        (
            "Numbers",
            "Numbers",
            json!({"count": 1, "retries": 6}),
            false,
        ),
        (
            "Numbers",
            "Numbers",
            json!({"count": 1, "retries": 2147483648u64}),
            false,
        ),
        ("Numbers", "Numbers", json!({"count": 1, "maybe": 0}), false),
        // Collections.
        ("Collections", "Collections", json!({"ids": [1]}), true),
        (
            "Collections",
            "Collections",
            json!({
                "ids": [1, 2, 9], "matrix": [["ab"], ["", "x"]], "levels": ["low", "n/a"],
                "uris": ["x"], "words": [], "labels": {"a": "12345678", "bc": ""},
                "counts": {"A b": 0, "": 7}, "flags": {"x": [true, false], "y": []},
                "anything": [1, {"a": null}], "object": {"k": [null]}, "array": [1, "a", null]
            }),
            true,
        ),
        ("Collections", "Collections", json!({"ids": []}), false),
        (
            "Collections",
            "Collections",
            json!({"ids": [1, 2, 3, 4]}),
            false,
        ),
        ("Collections", "Collections", json!({"ids": [1, 1]}), false),
        ("Collections", "Collections", json!({"ids": [0]}), false),
        ("Collections", "Collections", json!({"ids": [10]}), false),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "matrix": [[]]}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "matrix": [["abc"]]}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "matrix": [["a"], ["b"], ["c"]]}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "levels": ["high"]}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "labels": {}}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "labels": {"a": "", "b": "", "c": "", "d": ""}}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "labels": {"A": ""}}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "labels": {"": ""}}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "labels": {"abcdefghijk": ""}}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "labels": {"a": "123456789"}}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "counts": {"a": -1}}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "flags": {"a": [true, true, true]}}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "flags": {"a": [1]}}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "object": []}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "array": {}}),
            false,
        ),
        (
            "Collections",
            "Collections",
            json!({"ids": [1], "words": "a"}),
            false,
        ),
        // Holder.
        ("Holder", "Holder", json!({"mode": "on", "tags": []}), true),
        (
            "Holder",
            "Holder",
            json!({
                "child": {"x": 2147483647, "y": "down"}, "mode": "off",
                "strings": {"name": "n"}, "numbers": {"count": 3}, "level": "medium",
                "size": 0, "tags": ["a"]
            }),
            true,
        ),
        (
            "Holder",
            "Holder",
            json!({"mode": "on", "tags": [], "numbers": null, "level": null, "size": null}),
            true,
        ),
        ("Holder", "Holder", json!({"mode": "on"}), false),
        ("Holder", "Holder", json!({"tags": []}), false),
        ("Holder", "Holder", json!({"mode": "ON", "tags": []}), false),
        (
            "Holder",
            "Holder",
            json!({"mode": "on", "tags": [], "child": {}}),
            false,
        ),
        (
            "Holder",
            "Holder",
            json!({"mode": "on", "tags": [], "child": {"x": 1, "z": 1}}),
            false,
        ),
        (
            "Holder",
            "Holder",
            json!({"mode": "on", "tags": [], "child": {"x": 1, "y": "left"}}),
            false,
        ),
        (
            "Holder",
            "Holder",
            json!({"mode": "on", "tags": [], "strings": {}}),
            false,
        ),
        (
            "Holder",
            "Holder",
            json!({"mode": "on", "tags": [], "numbers": {"count": 101}}),
            false,
        ),
        (
            "Holder",
            "Holder",
            json!({"mode": "on", "tags": [], "level": "none"}),
            false,
        ),
        (
            "Holder",
            "Holder",
            json!({"mode": "on", "tags": [], "size": -1}),
            false,
        ),
        (
            "Holder",
            "Holder",
            json!({"mode": "on", "tags": ["a", "a"]}),
            false,
        ),
        // HolderChild and its enum, the inline types (no `$defs` name in the input).
        ("HolderChild", "", json!({"x": 0}), true),
        ("HolderChild", "", json!({"x": 0, "y": "up"}), true),
        ("HolderChild", "", json!({"y": "up"}), false),
        ("HolderChild", "", json!({"x": 0, "extra": 1}), false),
        ("HolderChild", "", json!({"x": -2147483649i64}), false),
        ("HolderMode", "", json!("off"), true),
        ("HolderMode", "", json!("Off"), false),
        ("HolderChildY", "", json!("up"), true),
        ("HolderChildY", "", json!("on"), false),
        // Base and Merged.
        ("Base", "Base", json!({"id": "1"}), true),
        (
            "Base",
            "Base",
            json!({"id": "1", "kind": "abcd", "extra": 1}),
            true,
        ),
        ("Base", "Base", json!({"id": ""}), false),
        ("Base", "Base", json!({"id": "1", "kind": "abcde"}), false),
        ("Merged", "Merged", json!({"id": "1", "extra": false}), true),
        (
            "Merged",
            "Merged",
            json!({"id": "1", "kind": "k", "extra": true, "own": -5}),
            true,
        ),
        ("Merged", "Merged", json!({"id": "1"}), false),
        ("Merged", "Merged", json!({"extra": true}), false),
        ("Merged", "Merged", json!({"id": "", "extra": true}), false),
        (
            "Merged",
            "Merged",
            json!({"id": "1", "extra": true, "kind": "kkkkk"}),
            false,
        ),
        (
            "Merged",
            "Merged",
            json!({"id": "1", "extra": true, "own": 1}),
            false,
        ),
        // Node.
        ("Node", "Node", json!({"value": "a"}), true),
        (
            "Node",
            "Node",
            json!({
                "value": "a",
                "next": {"value": "b", "next": {"value": "c"}},
                "children": [{"value": ""}, {"value": "d", "children": []}],
                "named": {"x": {"value": "e", "named": {"y": {"value": "f"}}}}
            }),
            true,
        ),
        ("Node", "Node", json!({}), false),
        ("Node", "Node", json!({"value": "abcd"}), false),
        ("Node", "Node", json!({"value": "a", "next": {}}), false),
        (
            "Node",
            "Node",
            json!({"value": "a", "next": {"value": "b", "next": {"value": "long"}}}),
            false,
        ),
        (
            "Node",
            "Node",
            json!({"value": "a", "children": [{"value": "a"}, {"value": "b"}, {"value": "c"}]}),
            false,
        ),
        (
            "Node",
            "Node",
            json!({"value": "a", "named": {"x": {"value": 1}}}),
            false,
        ),
        // Strict.
        ("Strict", "Strict", json!({}), true),
        ("Strict", "Strict", json!({"a": "x", "b": 0}), true),
        ("Strict", "Strict", json!({"c": 1}), false),
        ("Strict", "Strict", json!({"b": -1}), false),
        // ResultModel, the input's `result`.
        ("ResultModel", "result", json!({"type": "t"}), true),
        (
            "ResultModel",
            "result",
            json!({"type": "t", "clientId": "c", "HTTPStatus": 200, "2fa": true, "self": "s"}),
            true,
        ),
        ("ResultModel", "result", json!({"clientId": "c"}), false),
        (
            "ResultModel",
            "result",
            json!({"type": "t", "HTTPStatus": 600}),
            false,
        ),
        (
            "ResultModel",
            "result",
            json!({"type": "t", "2fa": "yes"}),
            false,
        ),
        (
            "ResultModel",
            "result",
            json!({"type": "t", "self": 1}),
            false,
        ),
        // These are unknown members, skipped: the wire names are the input's.
        (
            "ResultModel",
            "result",
            json!({"type": "t", "client_id": 1, "httpStatus": "x", "self_": 1, "n_2fa": 1}),
            true,
        ),
        // Scores.
        ("Scores", "Scores", json!({}), true),
        ("Scores", "Scores", json!({"a": 0, "b": 1.5}), true),
        ("Scores", "Scores", json!({"a": 0, "b": 1, "c": 2}), false),
        ("Scores", "Scores", json!({"a": -0.5}), false),
        ("Scores", "Scores", json!({"a": "1"}), false),
        ("Scores", "Scores", json!([]), false),
        // Lists: items and map values that are types of their own.
        (
            "Lists",
            "Lists",
            json!({"kinds": ["x", "y"], "named": {"a": {"k": "abcd"}}}),
            true,
        ),
        ("Lists", "Lists", json!({"kinds": ["z"]}), false),
        (
            "Lists",
            "Lists",
            json!({"named": {"a": {"k": "abcde"}}}),
            false,
        ),
        ("Lists", "Lists", json!({"named": {"a": {}}}), false),
        ("ListsKindsItem", "", json!("y"), true),
        ("ListsKindsItem", "", json!("Y"), false),
        ("ListsNamedValue", "", json!({"k": ""}), true),
        ("ListsNamedValue", "", json!({"k": 1}), false),
        // Shapes: `kind` and `note` required, `note` maybe `null`; the others optional and
        // never `null` (`value` and `anything` aside); other members strings of at most 2.
        (
            "Shapes",
            "Shapes",
            json!({"kind": "shape", "note": null}),
            true,
        ),
        (
            "Shapes",
            "Shapes",
            json!({"kind": "shape", "note": "n", "id": "abcd", "value": null, "size": 1,
                   "list": [1, "a"], "anything": null, "ab": "cd"}),
            true,
        ),
        ("Shapes", "Shapes", json!({"kind": "shape"}), false),
        (
            "Shapes",
            "Shapes",
            json!({"kind": "other", "note": null}),
            false,
        ),
        (
            "Shapes",
            "Shapes",
            json!({"kind": "shape", "note": null, "size": null}),
            false,
        ),
        (
            "Shapes",
            "Shapes",
            json!({"kind": "shape", "note": null, "size": 0}),
            false,
        ),
        (
            "Shapes",
            "Shapes",
            json!({"kind": "shape", "note": null, "id": null}),
            false,
        ),
        (
            "Shapes",
            "Shapes",
            json!({"kind": "shape", "note": null, "list": [1, 2, 3]}),
            false,
        ),
        (
            "Shapes",
            "Shapes",
            json!({"kind": "shape", "note": null, "ab": "cde"}),
            false,
        ),
        (
            "Shapes",
            "Shapes",
            json!({"kind": "shape", "note": null, "ab": 1}),
            false,
        ),
        // `low` is both a short string and a level: `oneOf` refuses it.
        ("ShapesId", "", json!("abc"), true),
        ("ShapesId", "", json!("VERY_HIGH"), true),
        ("ShapesId", "", json!("low"), false),
        ("ShapesId", "", json!(1), false),
        ("ShapesValue", "", json!(0), true),
        ("ShapesValue", "", json!(true), true),
        ("ShapesValue", "", json!(-1), false),
        ("ShapesValue", "", json!("1"), false),
        ("ShapesKind", "", json!("shape"), true),
        ("ShapesKind", "", json!("Shape"), false),
        ("Labels", "Labels", json!({"a": 1, "bc": 2}), true),
        ("Labels", "Labels", json!({}), true),
        ("Labels", "Labels", json!({"A": 1}), false),
        ("Labels", "Labels", json!({"a": "1"}), false),
        (
            "Labels",
            "Labels",
            json!({"a": 1, "b": 2, "c": 3, "d": 4}),
            false,
        ),
        // Access: exactly one of `id` and (`team`, `owner`), a `null` owner present; a
        // branch needs its project.
        ("Access", "Access", json!({"id": 1}), true),
        (
            "Access",
            "Access",
            json!({"team": "t", "owner": null}),
            true,
        ),
        ("Access", "Access", json!({"team": "t"}), false),
        ("Access", "Access", json!({}), false),
        (
            "Access",
            "Access",
            json!({"id": 1, "team": "t", "owner": "o"}),
            false,
        ),
        ("Access", "Access", json!({"id": 1, "branch": "b"}), false),
        (
            "Access",
            "Access",
            json!({"id": 1, "branch": "b", "project": "p"}),
            true,
        ),
        (
            "Container",
            "Container",
            json!({"image": "i", "other": 1}),
            true,
        ),
        ("Container", "Container", json!({"image": ""}), false),
        // Job: the container's members, its own, and extensions; nothing else.
        ("Job", "Job", json!({"image": "i"}), true),
        ("Job", "Job", json!({"image": "i", "x-a": [1]}), true),
        ("Job", "Job", json!({"image": "i", "other": 1}), false),
        ("Job", "Job", json!({"replicas": 1}), false),
        ("Job", "Job", json!({"image": "", "replicas": 1}), false),
        // External: a flag, a short name, or an object of a short name alone.
        ("External", "External", json!(true), true),
        ("External", "External", json!("abc"), true),
        ("External", "External", json!({"name": "n"}), true),
        ("External", "External", json!("123456789"), false),
        ("External", "External", json!({"other": 1}), false),
        ("External", "External", json!(1), false),
        ("External", "External", json!(null), false),
        ("ExternalObject", "", json!({"name": "n"}), true),
        ("ExternalObject", "", json!({"name": "123456789"}), false),
        ("ExternalObject", "", json!("n"), false),
        // Step: the closed part names `name` and `image`; `debug`, which the other part
        // declares, may not appear.
        ("Step", "Step", json!({"image": "i"}), true),
        ("Step", "Step", json!({"image": "i", "name": "n"}), true),
        ("Step", "Step", json!({"image": "i", "debug": true}), false),
        ("Step", "Step", json!({"image": "i", "other": 1}), false),
        ("Step", "Step", json!({"name": "n"}), false),
        (
            "Step",
            "Step",
            json!({"image": "123456789012345678901"}),
            false,
        ),
        ("Step", "Step", json!({"image": "i", "name": 1}), false),
        (
            "StepBase",
            "StepBase",
            json!({"debug": true, "other": 1}),
            true,
        ),
        // Retries and Switch: enums of numbers, and of a word, numbers and a flag, equal by
        // value as JSON Schema compares numbers.
        ("Retries", "Retries", json!(3), true),
        ("Retries", "Retries", json!(1.0), true),
        ("Retries", "Retries", json!(2), false),
        ("Retries", "Retries", json!("3"), false),
        ("Switch", "Switch", json!("auto"), true),
        ("Switch", "Switch", json!(0), true),
        ("Switch", "Switch", json!(2.5), true),
        ("Switch", "Switch", json!(true), true),
        ("Switch", "Switch", json!(false), false),
        ("Switch", "Switch", json!("Auto"), false),
        ("Switch", "Switch", json!(null), false),
        // Checkout: `not` of two members, an `if`/`then` of presence, a member never present,
        // and counts of members (unknown ones too).
        ("Checkout", "Checkout", json!({"branch": "main"}), true),
        (
            "Checkout",
            "Checkout",
            json!({"branch": "main", "depth": 1}),
            true,
        ),
        (
            "Checkout",
            "Checkout",
            json!({"tag": "v1", "other": 1}),
            true,
        ),
        ("Checkout", "Checkout", json!({}), false),
        (
            "Checkout",
            "Checkout",
            json!({"branch": "main", "tag": "v1"}),
            false,
        ),
        ("Checkout", "Checkout", json!({"depth": 1}), false),
        (
            "Checkout",
            "Checkout",
            json!({"tag": "v1", "depth": 1}),
            false,
        ),
        (
            "Checkout",
            "Checkout",
            json!({"branch": "main", "legacy": true}),
            false,
        ),
        (
            "Checkout",
            "Checkout",
            json!({"branch": "main", "a": 1, "b": 2, "c": 3}),
            false,
        ),
        ("Checkout", "Checkout", json!({"branch": null}), false),
        // Manager: `if`s of a member's value, in parts of an `allOf`.
        (
            "Manager",
            "Manager",
            json!({"kind": "jsonata", "fileFormat": "json"}),
            true,
        ),
        ("Manager", "Manager", json!({"kind": "jsonata"}), false),
        ("Manager", "Manager", json!({"kind": "regex"}), true),
        (
            "Manager",
            "Manager",
            json!({"kind": "xslt", "fileFormat": "f", "template": "t"}),
            false,
        ),
        (
            "Manager",
            "Manager",
            json!({"kind": "jsonata", "fileFormat": "f", "template": "t"}),
            true,
        ),
        (
            "Manager",
            "Manager",
            json!({"fileFormat": "f", "template": "t"}),
            true,
        ),
        ("Manager", "Manager", json!({"level": 3}), false),
        (
            "Manager",
            "Manager",
            json!({"level": 3.0, "note": null}),
            true,
        ),
        ("Manager", "Manager", json!({"level": 2}), true),
        ("ManagerKind", "ManagerKind", json!("regex"), true),
        ("ManagerKind", "ManagerKind", json!("Regex"), false),
        // Install: the `if` does not require `command`, which is required.
        ("Install", "Install", json!({"command": "sync"}), true),
        (
            "Install",
            "Install",
            json!({"command": "sync", "requirements": "r"}),
            false,
        ),
        (
            "Install",
            "Install",
            json!({"command": "pip", "requirements": "r"}),
            true,
        ),
        ("Install", "Install", json!({"requirements": "r"}), false),
        ("InstallCommand", "", json!("pip"), true),
        ("InstallCommand", "", json!("uv"), false),
        // Plugin: `Base`'s members and its own, and no other.
        ("Plugin", "Plugin", json!({"id": "a", "pip": "p"}), true),
        ("Plugin", "Plugin", json!({"id": "a", "kind": "k"}), true),
        ("Plugin", "Plugin", json!({"id": "a", "other": 1}), false),
        ("Plugin", "Plugin", json!({"pip": "p"}), false),
        ("Plugin", "Plugin", json!({"id": "", "pip": "p"}), false),
        // StepKey: a pattern, and two it must not match.
        ("StepKey", "StepKey", json!("deploy-staging"), true),
        ("StepKey", "StepKey", json!("a1b2c3d4"), true),
        (
            "StepKey",
            "StepKey",
            json!("123e4567-e89b-12d3-a456-426614174000"),
            false,
        ),
        (
            "StepKey",
            "StepKey",
            json!("123e4567-e89b-12d3-a456-426614174000x"),
            true,
        ),
        ("StepKey", "StepKey", json!("has space"), false),
        ("StepKey", "StepKey", json!(7), false),
    ]
}

#[test]
fn listed_documents_get_the_input_schema_s_verdict() {
    let mut wrong = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (name, def, doc, valid) in listed() {
        seen.insert(name);
        let t = ty(name);
        let derive = (t.reads)(&doc);
        let expected = jsonschema::validator_for(&expected(name))
            .unwrap()
            .is_valid(&doc);
        let input = if def.is_empty() {
            valid
        } else {
            jsonschema::validator_for(&input_schema(def))
                .unwrap()
                .is_valid(&doc)
        };
        if (derive, expected, input) != (valid, valid, valid) {
            wrong.push(format!(
                "{name} {doc}: listed as {valid}; the type says {derive}, the expected schema \
                 {expected}, the input schema {input}"
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    for t in TYPES {
        assert!(seen.contains(t.name), "no listed document for {}", t.name);
    }
}

/// Integers past their Rust type's range: the input schema takes them, the expected schema
/// states the range (`i64`, or `i32` for `format: int32`), as the normalisation says, and the
/// types refuse them.
#[test]
fn integers_past_their_rust_type_are_refused_where_the_input_takes_them() {
    let cases = [
        (
            "Numbers",
            json!({"count": 1, "big": 9223372036854775808u64}),
        ),
        ("Numbers", json!({"count": 1, "retries": -2147483649i64})),
        (
            "Numbers",
            json!({"count": 1, "maybe": 18446744073709551615u64}),
        ),
        (
            "Collections",
            json!({"ids": [1], "counts": {"a": 2147483648u64}}),
        ),
        (
            "Holder",
            json!({"mode": "on", "tags": [], "child": {"x": 2147483648u64}}),
        ),
    ];
    for (name, doc) in cases {
        let input = jsonschema::validator_for(&input_schema(name)).unwrap();
        assert!(
            input.is_valid(&doc),
            "{name} {doc}: the input schema refuses it"
        );
        let expected = jsonschema::validator_for(&expected(name)).unwrap();
        assert!(
            !expected.is_valid(&doc),
            "{name} {doc}: the expected schema takes it"
        );
        assert!(!(ty(name).reads)(&doc), "{name} {doc}: the type takes it");
    }
}

/// For each type, random documents near its expected schema get the same verdict from the
/// type and from an independent validator of that schema.
#[test]
fn random_documents_get_the_expected_schema_s_verdict() {
    for t in TYPES {
        let schema = expected(t.name);
        let validator = jsonschema::validator_for(&schema).unwrap();
        let strategy = Near::new(&schema, true).of(&schema, 3);
        let mut runner = TestRunner::new(Config {
            cases: 900,
            failure_persistence: None,
            rng_algorithm: RngAlgorithm::XorShift,
            ..Config::default()
        });
        let (valid, invalid) = (Cell::new(0), Cell::new(0));
        let result = runner.run(&strategy, |doc| {
            let derive = (t.reads)(&doc);
            let judge = validator.is_valid(&doc);
            let tally = if judge { &valid } else { &invalid };
            tally.set(tally.get() + 1);
            if derive != judge {
                return Err(TestCaseError::fail(format!(
                    "{} {doc}: the type says {derive}, the schema {judge}",
                    t.name
                )));
            }
            Ok(())
        });
        if let Err(e) = result {
            panic!("{e}");
        }
        // The documents reach both verdicts, so that the agreement says something.
        let (valid, invalid) = (valid.get(), invalid.get());
        assert!(
            valid >= 25 && invalid >= 25,
            "{}: {valid} valid, {invalid} invalid",
            t.name
        );
    }
}
