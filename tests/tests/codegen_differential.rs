//! Each type the generator makes of `tests/codegen/keywords.json`, compiled (the checked-in
//! `tests/codegen/keywords.rs`), against the schema it was made from in that document, as the
//! document writes it (not the normalised schema the round trip compares): on documents made
//! around each schema (`authlete_models_tests::instances`), valid ones and near misses, the
//! type reads a document exactly when an independent validator (the `jsonschema` crate) finds
//! it valid against the input schema. `format` is an annotation on both sides: the fixture is
//! generated without `--check-formats`, and the validator does not assert formats.
//!
//! Two normalisations `docs::codegen` documents change which documents are valid, and are taken
//! into account, narrowly: an integer is bounded by its Rust type's range (`i32` for `format:
//! int32`, else `i64`; `instances::integer_ranges` applies it to the input before it judges),
//! and `null` allowed by an inline schema is the `Option` of the member that holds its type,
//! so that the type itself refuses a document that is `null` alone. How many documents each
//! rule decides is printed.
//!
//! The generator's library gives each type's pointer into the input; the validator reads the
//! whole input document from a registry, so that its own `$ref`s resolve, and checks the
//! document against `{"$ref": "<document>#<pointer>"}`.

#[rustfmt::skip]
#[path = "../codegen/keywords.rs"]
mod keywords;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use authlete_models::Model;
use authlete_models_codegen::{Document, Options, generate, header};
use authlete_models_tests::instances::{
    Rng, documents, integer_ranges, judging_schema, sample_pattern, shrink, type_in_list,
};
use jsonschema::Registry;
use serde_json::{Value, json};

use keywords::*;

/// Documents made for each type.
const PER_TYPE: usize = 1000;

/// The seed of the documents.
const SEED: u64 = 0x5eed_2026;

/// The URI the input document is registered under, for the validator's `$ref`s.
const DOCUMENT_URI: &str = "urn:authlete-models:input";

/// A generated type: its name and its verdict on a document's text.
struct Type {
    name: &'static str,
    verdict: fn(&str) -> Verdict,
}

/// What a type makes of a document: whether `authlete_models::from_json` reads it, and
/// whether `serde_json::from_str` does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Verdict {
    from_json: bool,
    serde: bool,
}

/// `T`'s verdict on `text`.
fn verdict<T: Model>(text: &str) -> Verdict {
    Verdict {
        from_json: authlete_models::from_json::<T>(text).is_ok(),
        serde: serde_json::from_str::<T>(text).is_ok(),
    }
}

macro_rules! types {
    ($($t:ident),* $(,)?) => {
        &[$(Type { name: stringify!($t), verdict: verdict::<$t> }),*]
    };
}

/// Every type of the generated module, the alias among them (it reads what its target
/// reads, and its input schema is a `$ref` to its target's).
const TYPES: &[Type] = types![
    Tag,
    Tags,
    TagAlias,
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
    Lists,
    Shapes,
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
    Install,
    Plugin,
    StepKey,
    HolderChild,
    HolderMode,
    ListsKindsItem,
    ListsNamedValue,
    ShapesId,
    ShapesValue,
    ShapesKind,
    ManagerKind,
    InstallCommand,
    HolderChildY,
];

/// The path of a file of the fixture.
fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("codegen")
        .join(name)
}

/// The input document, as text and as a value.
fn input() -> (String, Value) {
    let text = std::fs::read_to_string(fixture("keywords.json")).expect("keywords.json");
    let value = serde_json::from_str(&text).expect("keywords.json is JSON");
    (text, value)
}

/// Each generated type's name, pointer into the input (`#/$defs/Tag`) and whether it is an
/// inline schema's type (not one the document names), in the order the generator writes them.
fn generated() -> Vec<(String, String, bool)> {
    let (text, _) = input();
    let doc = Document::parse(&text, "keywords").expect("keywords.json");
    let named: Vec<String> = doc.named.iter().map(|n| doc.show(&n.pointer)).collect();
    let out = generate(
        &doc,
        &Options {
            header: header(&["keywords.json"]),
            ..Default::default()
        },
    );
    out.types
        .into_iter()
        .map(|t| {
            let inline = !named.contains(&t.pointer);
            (t.name, t.pointer, inline)
        })
        .collect()
}

/// One document on which a type and the input schema disagree.
struct Disagreement {
    name: String,
    document: String,
    /// The least part of the document on which the verdicts still differ the same way.
    least: Value,
    model: Verdict,
    schema: bool,
}

/// What the documents of one type came to.
#[derive(Default)]
struct Reach {
    /// Documents the input schema (integer ranges applied) accepts.
    valid: usize,
    /// Documents it refuses.
    invalid: usize,
    /// Documents the input schema as written accepts and the integer ranges refuse.
    past_range: usize,
    /// Documents `null` that the input schema of an inline type accepts and the type refuses.
    left_to_holders: usize,
}

/// The validator of the schema at `pointer` (a fragment, `#/$defs/Tag`) in the document that
/// `registry` holds (`root`), or of one type of the `type` list it names.
fn judge(registry: &Registry<'_>, root: &Value, pointer: &str) -> jsonschema::Validator {
    jsonschema::options()
        .with_registry(registry)
        .should_validate_formats(false)
        .build(&judging_schema(root, DOCUMENT_URI, pointer))
        .unwrap_or_else(|e| panic!("{pointer}: {e}"))
}

/// The documents, per type, on which the model's verdict is not the input schema's, and what
/// the documents of each type came to.
fn compare() -> (Vec<Disagreement>, BTreeMap<String, Reach>) {
    let (_, root) = input();
    let mut ranged = root.clone();
    integer_ranges(&mut ranged);
    let registry = |doc: Value| {
        Registry::new()
            .add(DOCUMENT_URI, doc)
            .expect("the document is a resource")
            .prepare()
            .expect("the registry resolves")
    };
    let as_written = registry(root.clone());
    let ranged = registry(ranged);
    let mut found = Vec::new();
    let mut reach = BTreeMap::new();
    for (name, pointer, inline) in generated() {
        let ty = TYPES
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("{name} is generated and is not in TYPES: add it"));
        let (plain, judge) = (
            judge(&as_written, &root, &pointer),
            judge(&ranged, &root, &pointer),
        );
        let mut r = Reach::default();
        // A type of a `type` list gets the list's documents.
        let at = type_in_list(&root, &pointer).map_or(pointer.as_str(), |(p, _)| p);
        for doc in documents(&root, at, PER_TYPE, SEED) {
            let text = doc.to_string();
            let schema = judge.is_valid(&doc);
            let model = (ty.verdict)(&text);
            if schema {
                r.valid += 1;
            } else {
                r.invalid += 1;
                if plain.is_valid(&doc) {
                    r.past_range += 1;
                }
            }
            if inline && doc.is_null() && schema && !model.from_json && !model.serde {
                // `null` among an inline schema's types is the holding member's `Option`, as
                // `authlete_models::docs::codegen` says: the type itself does not take it.
                r.left_to_holders += 1;
                continue;
            }
            if model.from_json != schema || model.serde != schema {
                let least = shrink(&doc, 400, &mut |d: &Value| {
                    judge.is_valid(d) == schema && (ty.verdict)(&d.to_string()) == model
                });
                found.push(Disagreement {
                    name: name.clone(),
                    document: text,
                    least,
                    model,
                    schema,
                });
            }
        }
        println!(
            "{name}: {} documents, {} valid, {} invalid",
            r.valid + r.invalid,
            r.valid,
            r.invalid
        );
        reach.insert(name, r);
    }
    let past: usize = reach.values().map(|r| r.past_range).sum();
    let held: usize = reach.values().map(|r| r.left_to_holders).sum();
    println!("documents refused only for an integer past its Rust type's range: {past}");
    println!("documents `null` left to the members that hold an inline type: {held}");
    (found, reach)
}

/// Every generated type is listed here, and no listed type is gone.
#[test]
fn every_generated_type_is_listed() {
    let names: Vec<String> = generated().into_iter().map(|(n, _, _)| n).collect();
    let listed: Vec<&str> = TYPES.iter().map(|t| t.name).collect();
    for n in &names {
        assert!(listed.contains(&n.as_str()), "{n} is not in TYPES");
    }
    for l in &listed {
        assert!(names.iter().any(|n| n == l), "{l} is no longer generated");
    }
}

/// The documents reach both sides of every type's schema: some valid, some not.
#[test]
fn the_documents_reach_both_verdicts_for_every_type() {
    let (_, reach) = compare();
    let one_sided: Vec<String> = reach
        .iter()
        .filter(|(_, r)| r.valid == 0 || r.invalid == 0)
        .map(|(n, r)| format!("{n}: {} valid, {} invalid", r.valid, r.invalid))
        .collect();
    assert!(one_sided.is_empty(), "{one_sided:#?}");
}

/// The point of the file: each type reads exactly the documents its input schema accepts,
/// by `from_json` and by `serde_json` alike.
#[test]
fn each_type_reads_what_its_input_schema_accepts() {
    let (found, reach) = compare();
    if found.is_empty() {
        return;
    }
    let mut per_type: BTreeMap<&str, Vec<&Disagreement>> = BTreeMap::new();
    for d in &found {
        per_type.entry(d.name.as_str()).or_default().push(d);
    }
    let mut report = String::new();
    for (name, list) in &per_type {
        let (valid, invalid) = (reach[*name].valid, reach[*name].invalid);
        report.push_str(&format!(
            "{name}: {} of {} documents ({valid} valid, {invalid} invalid by the input schema)\n",
            list.len(),
            valid + invalid
        ));
        for d in list.iter().take(6) {
            report.push_str(&format!(
                "  least: {}\n    from_json: {}, serde_json: {}, input schema: {}\n    document: {}\n",
                d.least,
                ok(d.model.from_json),
                ok(d.model.serde),
                ok(d.schema),
                d.document,
            ));
        }
    }
    panic!(
        "{} documents where a type and its input schema disagree:\n{report}",
        found.len()
    );
}

/// A verdict in words.
fn ok(accepted: bool) -> &'static str {
    if accepted { "accepts" } else { "refuses" }
}

/// The assertions whose reach is checked: each occurrence, taken out of the input, must change
/// the input's verdict on some document made for the types.
const ASSERTIONS: &[&str] = &[
    "type",
    "enum",
    "const",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "items",
    "minItems",
    "maxItems",
    "uniqueItems",
    "required",
    "additionalProperties",
    "propertyNames",
    "minProperties",
    "maxProperties",
];

/// Assertions no document can reach, since another keyword says the same: `type` beside an
/// `enum` or `const` is left out by rule; these are the others, each as (the pointer of its
/// schema, keyword, why).
const REDUNDANT: &[(&str, &str, &str)] = &[
    (
        "/$defs/Merged/allOf/1",
        "type",
        "the first part of `Merged`'s `allOf`, `Base`, says `object` already",
    ),
    (
        "/$defs/Manager/allOf/0",
        "type",
        "every other value than an object meets the `if`s, and the `not` of a `required` list in one `then` refuses it",
    ),
    (
        "/$defs/Install",
        "type",
        "every other value than an object meets the `if`, and the `not` of a `required` list in its `then` refuses it",
    ),
    (
        "/$defs/StepKey",
        "type",
        "every other value than a string meets each `pattern`, so the `not` of their `anyOf` refuses it",
    ),
];

/// A JSON Pointer token: `~` as `~0`, `/` as `~1`.
fn token(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// The pointer of every schema object in `value` (a schema at `at`), outermost first.
fn schema_places(value: &Value, at: String, out: &mut Vec<String>) {
    let Value::Object(map) = value else { return };
    out.push(at.clone());
    for (key, v) in map {
        let here = format!("{at}/{}", token(key));
        match (key.as_str(), v) {
            (
                "properties" | "patternProperties" | "$defs" | "definitions" | "dependentSchemas",
                Value::Object(all),
            ) => {
                for (k, v) in all {
                    schema_places(v, format!("{here}/{}", token(k)), out);
                }
            }
            ("allOf" | "anyOf" | "oneOf" | "prefixItems" | "items", Value::Array(all)) => {
                for (i, v) in all.iter().enumerate() {
                    schema_places(v, format!("{here}/{i}"), out);
                }
            }
            (
                "items"
                | "additionalItems"
                | "additionalProperties"
                | "propertyNames"
                | "not"
                | "if"
                | "then"
                | "else"
                | "contains",
                v,
            ) => schema_places(v, here, out),
            _ => {}
        }
    }
}

/// The schema objects a validator may read for the schema at `pointer`: those below it and,
/// through `$ref`s, those below the schemas they name.
fn reachable(root: &Value, places: &[String], pointer: &str) -> BTreeSet<String> {
    let below = |p: &str, top: &str| p == top || p.starts_with(&format!("{top}/"));
    let mut seen = BTreeSet::new();
    let mut tops = vec![pointer.to_owned()];
    while let Some(top) = tops.pop() {
        for p in places.iter().filter(|p| below(p, &top)) {
            if !seen.insert(p.clone()) {
                continue;
            }
            if let Some(r) = root
                .pointer(p)
                .and_then(|s| s.get("$ref"))
                .and_then(Value::as_str)
            {
                tops.push(r.trim_start_matches('#').to_owned());
            }
        }
    }
    seen
}

/// The documents reach every assertion of the input: taking any one out of the document
/// (one occurrence at a time) changes the verdict on some document made for the types whose
/// schemas read it. An assertion no document reaches is one the differential check cannot
/// speak for.
#[test]
fn the_documents_reach_every_assertion_of_the_input() {
    let (_, root) = input();
    let mut places = Vec::new();
    schema_places(&root, String::new(), &mut places);
    let types: Vec<(String, Vec<Value>, BTreeSet<String>)> = generated()
        .into_iter()
        .map(|(_, pointer, _)| {
            let at = type_in_list(&root, &pointer).map_or(pointer.as_str(), |(p, _)| p);
            let docs = documents(&root, at, PER_TYPE, SEED);
            let reads = reachable(&root, &places, pointer.trim_start_matches('#'));
            (pointer, docs, reads)
        })
        .collect();
    // The verdicts on the documents of the types that read the schema at `place`.
    let verdicts = |doc: &Value, place: &str| -> Vec<bool> {
        let registry = Registry::new()
            .add(DOCUMENT_URI, doc.clone())
            .expect("the document is a resource")
            .prepare()
            .expect("the registry resolves");
        types
            .iter()
            .filter(|(pointer, _, reads)| {
                reads.contains(place) && doc.pointer(pointer.trim_start_matches('#')).is_some()
            })
            .flat_map(|(pointer, ds, _)| {
                let j = judge(&registry, doc, pointer);
                ds.iter().map(|d| j.is_valid(d)).collect::<Vec<_>>()
            })
            .collect()
    };
    let mut unreached = Vec::new();
    for place in &places {
        let schema = root.pointer(place).expect("a place");
        for keyword in ASSERTIONS {
            let Some(value) = schema.get(*keyword) else {
                continue;
            };
            // Beside values, or beside a `oneOf` of two `required` lists or more, each of
            // which every other value than an object matches, so that `oneOf` refuses it.
            let presence_choice = schema
                .get("oneOf")
                .and_then(Value::as_array)
                .is_some_and(|bs| {
                    bs.len() > 1
                        && bs.iter().all(|b| {
                            b.as_object()
                                .is_some_and(|b| b.len() == 1 && b.contains_key("required"))
                        })
                });
            // Or beside a `not` of a `required` list, which every other value than an object
            // matches, so that `not` refuses it.
            let presence_not = schema
                .get("not")
                .is_some_and(|n| n.get("required").is_some());
            let beside_values = *keyword == "type"
                && (schema.get("enum").is_some()
                    || schema.get("const").is_some()
                    || presence_choice
                    || presence_not);
            let listed = REDUNDANT.iter().any(|(p, k, _)| p == place && k == keyword);
            if beside_values || listed {
                continue;
            }
            let mut changed = root.clone();
            if let Some(Value::Object(map)) = changed.pointer_mut(place) {
                map.remove(*keyword);
            }
            if verdicts(&root, place) == verdicts(&changed, place) {
                unreached.push(format!("{place}: {keyword}: {value}"));
            }
        }
    }
    assert!(unreached.is_empty(), "{unreached:#?}");
}

/// The pattern sampler makes strings of the pattern's shape, and reads no lookaround or
/// backreference.
#[test]
fn patterns_are_sampled_to_match_their_shape() {
    let mut rng = Rng::new(7);
    for _ in 0..50 {
        let s = sample_pattern("^[a-z]+(-[a-z]+)*$", &mut rng).unwrap();
        assert!(
            !s.is_empty() && !s.starts_with('-') && !s.ends_with('-'),
            "{s}"
        );
        let d = sample_pattern("^\\d{3}$", &mut rng).unwrap();
        assert!(d.len() == 3 && d.chars().all(|c| c.is_ascii_digit()), "{d}");
    }
    assert!(sample_pattern("^(?=a)", &mut rng).is_none());
    assert!(sample_pattern("(a)\\1", &mut rng).is_none());
}

/// The same arguments give the same documents, and they reach both bounds, one past each,
/// and a missing required member.
#[test]
fn the_same_seed_gives_the_same_documents() {
    let root = json!({"$defs": {"A": {"type": "object",
        "properties": {"n": {"type": "integer", "minimum": 1, "maximum": 3}},
        "required": ["n"]}}});
    let a = documents(&root, "#/$defs/A", 200, 1);
    assert_eq!(a, documents(&root, "#/$defs/A", 200, 1));
    assert!(a.iter().any(|d| d["n"] == 1) && a.iter().any(|d| d["n"] == 3));
    assert!(a.iter().any(|d| d["n"] == 0) && a.iter().any(|d| d["n"] == 4));
    assert!(a.iter().any(|d| d.is_object() && d.get("n").is_none()));
}
