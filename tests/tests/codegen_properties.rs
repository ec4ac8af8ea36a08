//! The generator on random JSON Schema documents: objects whose members are strings with
//! lengths and a class pattern, integers and numbers with bounds, booleans, arrays of those,
//! maps, inline objects and enums, and `$ref`s to other `$defs`, some required, some nullable,
//! some with a default. For each document the generator refuses nothing, each expected schema
//! compiles, and random documents get the same verdict from the expected schema as from the
//! input schema, `null` included: a member takes `null` only where its schema allows it.

mod codegen_near;

use std::cell::RefCell;

use authlete_models_codegen::{Document, Options, generate};
use codegen_near::Near;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRunner};
use serde_json::{Map, Value, json};

/// A class pattern over the whole string, `^[...]*$`, of one to four pieces.
fn a_class() -> BoxedStrategy<String> {
    let pieces = vec!["a-z", "A-Z", "0-9", "_", "\\-", ".", " ", "é", "~/", "-"];
    prop::sample::subsequence(pieces, 1..=4)
        .prop_map(|p| format!("^[{}]*$", p.concat()))
        .boxed()
}

/// A pair of length keywords, each at times absent, the minimum never above the maximum.
fn a_length_pair(min: &'static str, max: &'static str) -> BoxedStrategy<Map<String, Value>> {
    (prop::option::of(0u64..4), prop::option::of(0u64..5))
        .prop_map(move |(lo, extra)| {
            let mut m = Map::new();
            if let Some(lo) = lo {
                m.insert(min.into(), lo.into());
            }
            if let Some(extra) = extra {
                m.insert(max.into(), (lo.unwrap_or(0) + extra).into());
            }
            m
        })
        .boxed()
}

fn with(mut base: Value, more: Map<String, Value>) -> Value {
    base.as_object_mut().expect("an object").extend(more);
    base
}

fn a_string() -> BoxedStrategy<Value> {
    (
        a_length_pair("minLength", "maxLength"),
        prop::option::weighted(0.6, a_class()),
        prop::option::weighted(
            0.2,
            prop::sample::select(vec!["uri", "date-time", "password"]),
        ),
    )
        .prop_map(|(lengths, pattern, format)| {
            let mut s = with(json!({"type": "string"}), lengths);
            if let Some(p) = pattern {
                s["pattern"] = p.into();
            }
            if let Some(f) = format {
                s["format"] = f.into();
            }
            s
        })
        .boxed()
}

/// One side's bound: none, or a value and whether it is exclusive.
type Bound = Option<(bool, Value)>;

fn a_bound<T: Into<Value> + Clone + std::fmt::Debug + 'static>(
    values: Vec<T>,
) -> BoxedStrategy<Bound> {
    prop::option::of((
        any::<bool>(),
        prop::sample::select(values).prop_map(Into::into),
    ))
    .boxed()
}

fn bounds((lo, hi): (Bound, Bound), multiple: Option<Value>) -> Map<String, Value> {
    let mut m = Map::new();
    if let Some((exclusive, v)) = lo {
        m.insert(
            if exclusive {
                "exclusiveMinimum"
            } else {
                "minimum"
            }
            .into(),
            v,
        );
    }
    if let Some((exclusive, v)) = hi {
        m.insert(
            if exclusive {
                "exclusiveMaximum"
            } else {
                "maximum"
            }
            .into(),
            v,
        );
    }
    if let Some(v) = multiple {
        m.insert("multipleOf".into(), v);
    }
    m
}

fn an_integer() -> BoxedStrategy<Value> {
    (
        // Below 4 and from 5 up, so that every pair of bounds leaves an integer (`4` at least):
        // bounds that leave none are refused, which `bounds_that_leave_no_value_are_refused`
        // tests.
        a_bound(vec![-20i64, -3, 0, 1, 3]),
        a_bound(vec![5i64, 8, 20, 100]),
        prop::option::of(1i64..=5),
        prop::sample::select(vec![None, Some("int32"), Some("int64")]),
    )
        .prop_map(|(lo, hi, multiple, format)| {
            let mut s = with(
                json!({"type": "integer"}),
                bounds((lo, hi), multiple.map(Value::from)),
            );
            if let Some(f) = format {
                s["format"] = f.into();
            }
            s
        })
        .boxed()
}

fn a_number() -> BoxedStrategy<Value> {
    (
        a_bound(vec![json!(-2.5), json!(-1), json!(0), json!(0.5)]),
        a_bound(vec![json!(1), json!(2.5), json!(10)]),
        prop::option::of(prop::sample::select(vec![
            json!(0.5),
            json!(0.25),
            json!(0.1),
            json!(2),
        ])),
    )
        .prop_map(|(lo, hi, multiple)| with(json!({"type": "number"}), bounds((lo, hi), multiple)))
        .boxed()
}

fn a_scalar() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => a_string(),
        3 => an_integer(),
        2 => a_number(),
        1 => Just(json!({"type": "boolean"})),
    ]
    .boxed()
}

fn an_array() -> BoxedStrategy<Value> {
    (
        a_scalar(),
        a_length_pair("minItems", "maxItems"),
        any::<bool>(),
    )
        .prop_map(|(items, lengths, unique)| {
            let mut s = with(json!({"type": "array", "items": items}), lengths);
            if unique {
                s["uniqueItems"] = true.into();
            }
            s
        })
        .boxed()
}

fn a_map() -> BoxedStrategy<Value> {
    (
        a_scalar(),
        a_length_pair("minProperties", "maxProperties"),
        prop::option::of((a_class(), prop::option::of(1u64..6))),
    )
        .prop_map(|(values, counts, names)| {
            let mut s = with(
                json!({"type": "object", "additionalProperties": values}),
                counts,
            );
            if let Some((pattern, max)) = names {
                s["propertyNames"] = json!({ "pattern": pattern });
                if let Some(max) = max {
                    s["propertyNames"]["maxLength"] = max.into();
                }
            }
            s
        })
        .boxed()
}

fn an_enum() -> BoxedStrategy<Value> {
    prop::sample::subsequence(vec!["a", "b", "C_D", "e-f", "n/a"], 1..=4)
        .prop_map(|values| json!({"type": "string", "enum": values}))
        .boxed()
}

/// Member names, among them ones the generator renames or writes raw.
const NAMES: &[&str] = &[
    "name", "count", "ratio", "tags", "child", "mode", "flag", "self", "type", "clientId", "a_b",
    "2fa",
];

/// An object of one to `max` members of `member`'s kinds: some required; of the others some
/// nullable (a type list with `null`, or `anyOf` with `null` for a `$ref`), some with the
/// type's default; at times `additionalProperties: false`.
fn an_object(member: BoxedStrategy<Value>, max: usize) -> BoxedStrategy<Value> {
    (
        prop::collection::btree_map(
            prop::sample::select(NAMES),
            (member, 0u8..10, any::<bool>()),
            1..=max,
        ),
        prop::option::weighted(0.3, Just(false)),
        prop::option::weighted(0.3, Just("A type.")),
    )
        .prop_map(|(members, closed, description)| {
            let mut props = Map::new();
            let mut required = Vec::new();
            for (name, (mut schema, roll, is_required)) in members {
                if is_required {
                    required.push(json!(name));
                } else if roll < 2 && schema.get("enum").is_none() {
                    // Nullable; an inline enum or object is not (its type's own schema is
                    // not where the `null` is).
                    if let Some(Value::String(t)) = schema.get("type").cloned() {
                        if t != "object" {
                            schema["type"] = json!([t, "null"]);
                        }
                    } else if schema.get("$ref").is_some() {
                        schema = json!({"anyOf": [schema, {"type": "null"}]});
                    }
                } else if roll < 4 {
                    let default = match schema.get("type").and_then(Value::as_str) {
                        Some("string") if schema.get("enum").is_none() => Some(json!("")),
                        Some("boolean") => Some(json!(false)),
                        Some("integer") => Some(json!(0)),
                        Some("array") => Some(json!([])),
                        _ => None,
                    };
                    // A default its member's schema accepts: the generator refuses one that
                    // breaks it, as the derive would.
                    let fits =
                        |d: &Value| jsonschema::validator_for(&schema).is_ok_and(|v| v.is_valid(d));
                    if let Some(d) = default.filter(fits) {
                        schema["default"] = d;
                    }
                }
                props.insert(name.to_owned(), schema);
            }
            let mut s = json!({"type": "object", "properties": props});
            if !required.is_empty() {
                s["required"] = Value::Array(required);
            }
            if let Some(closed) = closed {
                s["additionalProperties"] = closed.into();
            }
            if let Some(d) = description {
                s["description"] = d.into();
            }
            s
        })
        .boxed()
}

/// The schema of `$defs` entry `i` of `n`: mostly an object whose members may reference the
/// entries after it (so that a valid document exists), at times a newtype.
fn a_type(i: usize, n: usize) -> BoxedStrategy<Value> {
    let mut kinds = vec![
        (6, a_scalar()),
        (2, an_array()),
        (1, a_map()),
        (1, an_enum()),
        (1, an_object(a_scalar(), 3)),
    ];
    if i + 1 < n {
        kinds.push((
            3,
            (i + 1..n)
                .prop_map(|j| json!({ "$ref": format!("#/$defs/T{j}") }))
                .boxed(),
        ));
    }
    let member = proptest::strategy::Union::new_weighted(kinds).boxed();
    prop_oneof![
        6 => an_object(member, 5),
        1 => a_string(),
        1 => an_array(),
    ]
    .boxed()
}

fn a_document() -> BoxedStrategy<Value> {
    (1usize..=3)
        .prop_flat_map(|n| (0..n).map(|i| a_type(i, n)).collect::<Vec<_>>())
        .prop_map(|types| {
            let defs: Map<String, Value> = types
                .into_iter()
                .enumerate()
                .map(|(i, t)| (format!("T{i}"), t))
                .collect();
            json!({ "$defs": defs })
        })
        .boxed()
}

/// Documents tried against each type of each random schema.
const DOCUMENTS: u32 = 32;

#[test]
fn the_expected_schemas_of_random_documents_judge_as_the_input_does() {
    let mut runner = TestRunner::new(Config {
        cases: 160,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::XorShift,
        ..Config::default()
    });
    // Documents compared, over all cases: enough of both verdicts to say something.
    let tally = RefCell::new((0u32, 0u32));
    let result = runner.run(&a_document(), |doc| {
        let out = generate(
            &Document::new(doc.clone(), "Root").unwrap(),
            &Options::default(),
        );
        prop_assert!(
            out.refused.is_empty(),
            "refused {:?}\nin {doc}",
            out.refused
        );
        prop_assert!(!out.types.is_empty());
        for t in &out.types {
            let expected = t.expected.as_ref().expect("no alias here");
            let judge = jsonschema::validator_for(expected)
                .map_err(|e| TestCaseError::fail(format!("{}: {e}\n{expected}", t.name)))?;
            let pointer = t.pointer.strip_prefix('#').expect("a fragment");
            let node = doc.pointer(pointer).expect("the type's schema").clone();
            let mut input = node.clone();
            input["$defs"] = doc["$defs"].clone();
            let input = jsonschema::validator_for(&input).expect("the input compiles");
            let mut inner = TestRunner::new(Config {
                cases: DOCUMENTS,
                failure_persistence: None,
                rng_algorithm: RngAlgorithm::XorShift,
                ..Config::default()
            });
            inner
                .run(&Near::new(&doc, false).of(&node, 3), |d| {
                    let (want, got) = (input.is_valid(&d), judge.is_valid(&d));
                    let mut t = tally.borrow_mut();
                    if want {
                        t.0 += 1;
                    } else {
                        t.1 += 1;
                    }
                    prop_assert_eq!(want, got, "{}", d);
                    Ok(())
                })
                .map_err(|e| {
                    TestCaseError::fail(format!(
                        "{} ({}): {e}\ninput: {doc}\nexpected: {expected}",
                        t.name, t.pointer
                    ))
                })?;
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let (valid, invalid) = *tally.borrow();
    assert!(
        valid > 1000 && invalid > 1000,
        "{valid} valid and {invalid} invalid documents"
    );
}
