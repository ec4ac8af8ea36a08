//! The derive's verdict against an independent JSON Schema validator's verdict on the derive's
//! own schema, over generated documents around every constraint: the Rust code accepts exactly
//! what the schema promises, no more and no less. The documents must also reach every rule:
//! with any one assertion taken out of the schema, some document gets another verdict.
//!
//! The documents are `serde_json::Value`s, so no object holds a member twice (the derive
//! refuses a text that does, which a schema validator given a `Value` cannot see).

use authlete_models::{ApiServiceIdClientSecretUpdateClientIdentifie, Model, Secret};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::ops::RangeInclusive;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRunner};
use serde_json::{Map, Value, json};

/// A nested model that refuses unknown fields.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
struct Scope {
    #[model(charset = "a-z_:", min_len = 1, max_len = 12)]
    name: String,
    #[model(min = 0, max = 86400)]
    max_age: Option<u32>,
}

/// Every attribute and field type at once.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Everything {
    #[model(rename = "client_id", min = 1)]
    id: u64,
    #[model(charset = "A-Za-z0-9\\-_", min_len = 1, max_len = 8)]
    secret: Secret<String>,
    #[model(charset = "a-z\\u{E9}\\u{1F600} ~/", max_len = 5)]
    label: Option<String>,
    #[model(min_len = 1, max_len = 3)]
    scopes: Vec<Scope>,
    #[model(max_len = 2, items(charset = "a-z"))]
    tags: Vec<String>,
    #[model(min = -1.5, max = 1.5)]
    ratio: f64,
    #[model(items(min = -3, max = 3))]
    offsets: Option<Vec<i8>>,
    enabled: bool,
    #[model(default, max = 5)]
    retries: u8,
    parent: Option<Box<Scope>>,
    #[model(default, max_len = 3)]
    note: String,
}

/// Characters in and just outside the sets above, with escapes, NUL and non-BMP ones.
fn a_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        'a',
        'z',
        'A',
        'Z',
        '0',
        '9',
        '-',
        '_',
        ':',
        ' ',
        '~',
        '/',
        'é',
        '😀',
        '+',
        '=',
        '.',
        '`',
        '{',
        '@',
        '[',
        '\0',
        '\n',
        '"',
        '\\',
        'É',
        'ä',
        '\u{FFFF}',
        '\u{10FFFF}',
    ])
}

fn a_string() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::collection::vec(a_char(), 0..=14)
            .prop_map(|c| Value::String(c.into_iter().collect())),
        // Runs of one valid character, to reach every length bound.
        (
            prop::sample::select(vec!['a', 'Q', '7', 'é', '😀']),
            0usize..=90
        )
            .prop_map(|(c, n)| Value::String(std::iter::repeat_n(c, n).collect())),
    ]
}

fn a_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(vec![
            json!(0),
            json!(1),
            json!(-1),
            json!(2),
            json!(3),
            json!(-3),
            json!(4),
            json!(-4),
            json!(5),
            json!(6),
            json!(127),
            json!(128),
            json!(-128),
            json!(-129),
            json!(255),
            json!(256),
            json!(86400),
            json!(86401),
            json!(4294967295u64),
            json!(4294967296u64),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(1.5),
            json!(-1.5),
            json!(1.5000001),
            json!(-1.5000001),
            json!(1.0),
            json!(2.0),
            json!(0.5),
            json!(1e30),
        ]),
        any::<i32>().prop_map(|n| json!(n)),
    ]
}

/// Anything at all, favouring the wrong JSON types.
fn a_scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        a_number(),
        a_string(),
    ]
}

/// Mostly a value `right` says is valid, at times anything at all: the edges and the wrong types.
fn mostly(right: impl Strategy<Value = Value> + 'static) -> BoxedStrategy<Value> {
    prop_oneof![
        120 => right,
        1 => a_scalar(),
        1 => a_number(),
        1 => a_string(),
        1 => Just(json!({})),
        1 => Just(json!([])),
    ]
    .boxed()
}

/// A string of `min..=max` characters drawn from `set`.
fn valid_string(set: &'static str, min: usize, max: usize) -> BoxedStrategy<Value> {
    let chars: Vec<char> = set.chars().collect();
    prop::collection::vec(prop::sample::select(chars), min..=max)
        .prop_map(|c| Value::String(c.into_iter().collect()))
        .boxed()
}

fn valid_int(lo: i64, hi: i64) -> BoxedStrategy<Value> {
    prop_oneof![
        Just(json!(lo)),
        Just(json!(hi)),
        (lo..=hi).prop_map(|n| json!(n))
    ]
    .boxed()
}

/// An object with `fields` (each rarely absent) and at times an unknown member.
fn an_object(fields: Vec<(&'static str, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    an_object_with(0.97, fields)
}

/// An object with `fields`, each there with probability `present`, and at times an unknown
/// member.
fn an_object_with(
    present: f64,
    fields: Vec<(&'static str, BoxedStrategy<Value>)>,
) -> BoxedStrategy<Value> {
    let members: Vec<_> = fields
        .into_iter()
        .map(|(name, value)| prop::option::weighted(present, value).prop_map(move |v| (name, v)))
        .collect();
    (members, prop::option::weighted(0.05, a_scalar()))
        .prop_map(|(members, extra)| {
            let mut map = Map::new();
            for (name, value) in members {
                if let Some(v) = value {
                    map.insert(name.to_owned(), v);
                }
            }
            if let Some(v) = extra {
                map.insert("unknownMember".to_owned(), v);
            }
            Value::Object(map)
        })
        .boxed()
}

const SCOPE_CHARS: &str = "abcxyz_:";
const SECRET_CHARS: &str = "AZaz09-_";
const LABEL_CHARS: &str = "amzé😀 ~/";

fn a_scope() -> BoxedStrategy<Value> {
    an_object(vec![
        (
            "name",
            mostly(edge_string(SCOPE_CHARS, "A-. \u{E9}", 1, 12)),
        ),
        (
            "maxAge",
            mostly(prop_oneof![edge_int(0, 86400), Just(Value::Null)]),
        ),
    ])
}

fn a_client_secret_request() -> BoxedStrategy<Value> {
    let base64url = "ABCXYZabcxyz0189-_";
    prop_oneof![
        9 => an_object(vec![("clientSecret", mostly(prop_oneof![
            edge_string(base64url, "+/=. ~\u{E9}", 1, 86),
            valid_string(base64url, 84, 86),
        ]))]),
        1 => a_scalar(),
    ]
    .boxed()
}

fn an_everything() -> BoxedStrategy<Value> {
    an_object(vec![
        (
            "client_id",
            mostly(edge(
                prop_oneof![valid_int(1, i64::MAX), Just(json!(u64::MAX))].boxed(),
                // One below the minimum, and one past `u64::MAX` as a `Value` can hold it:
                // a float.
                prop_oneof![Just(json!(0)), Just(json!(18446744073709551616.0))].boxed(),
            )),
        ),
        (
            "secret",
            mostly(edge_string(SECRET_CHARS, "+/=. \u{E9}", 1, 8)),
        ),
        (
            "label",
            mostly(prop_oneof![
                edge_string(LABEL_CHARS, "A_-\u{C9}\u{1F601}", 0, 5),
                Just(Value::Null)
            ]),
        ),
        ("scopes", mostly(a_list(a_scope(), edge_count(1, 3)))),
        (
            "tags",
            mostly(a_list(mostly(valid_string("az", 0, 4)), edge_count(0, 2))),
        ),
        (
            "ratio",
            mostly(edge(
                prop_oneof![
                    (-1.5f64..=1.5).prop_map(|f| json!(f)),
                    Just(json!(1.5)),
                    Just(json!(-1.5)),
                    Just(json!(-1))
                ]
                .boxed(),
                prop_oneof![Just(json!(1.5000001)), Just(json!(-1.5000001))].boxed(),
            )),
        ),
        (
            "offsets",
            mostly(prop_oneof![
                a_list(mostly(edge_int(-3, 3)), any_count(0, 3)),
                Just(Value::Null)
            ]),
        ),
        ("enabled", mostly(any::<bool>().prop_map(Value::Bool))),
        ("retries", mostly(edge_int(0, 5))),
        ("parent", mostly(prop_oneof![a_scope(), Just(Value::Null)])),
        ("note", mostly(edge_string("abc", "", 0, 3))),
    ])
}

/// Runs `cases` generated documents through the derive and through `jsonschema`, then
/// checks that they reach every rule of the schema (see [`every_assertion_is_reached`]).
fn agree<T: Model + PartialEq + std::fmt::Debug>(strategy: BoxedStrategy<Value>, cases: u32) {
    agree_with_opaque::<T>(strategy, cases, &[]);
}

/// [`agree`], for a model with `opaque` fields at `opaque` (JSON Pointers): a value its type's
/// own impl refuses is reported there with code `invalid`, the one code that impl can give.
fn agree_with_opaque<T: Model + PartialEq + std::fmt::Debug>(
    strategy: BoxedStrategy<Value>,
    cases: u32,
    opaque: &[&str],
) {
    let schema = T::json_schema();
    let validator = compile(&schema).expect("the derived schema compiles");
    // The derive's verdict on `doc`, once it is shown to be the schema's.
    let verdict = |doc: &Value| -> Result<bool, TestCaseError> {
        let text = serde_json::to_string(doc).unwrap();
        let from_text = serde_json::from_str::<T>(&text);
        let from_value = serde_json::from_value::<T>(doc.clone());
        let schema_says = validator.is_valid(doc);
        prop_assert_eq!(
            from_text.is_ok(),
            schema_says,
            "derive: {:?}\nschema: {}\ndocument: {}",
            from_text.as_ref().err().map(ToString::to_string),
            schema_says,
            text
        );
        prop_assert_eq!(from_value.is_ok(), schema_says, "from_value on {}", text);
        // `from_json` reports a refused document's violations by walking the `Value`, code
        // apart from the reading: it must find one, not fall back to the reader's error
        // (code `invalid`, kept for what a `Value` cannot hold, such as a member given twice).
        if let Err(errors) = authlete_models::from_json::<T>(&text) {
            prop_assert!(
                errors
                    .iter()
                    .all(|e| e.code() != "invalid" || opaque.contains(&e.path())),
                "from_json found no violation in {}: {}",
                text,
                errors
            );
        }
        if let Ok(value) = from_text {
            prop_assert!(value.validate().is_ok(), "accepted but invalid: {}", text);
            let written = serde_json::to_value(&value).unwrap();
            prop_assert!(
                validator.is_valid(&written),
                "writes what the schema refuses: {}",
                written
            );
            let again: T = serde_json::from_value(written).unwrap();
            prop_assert_eq!(again, value);
        }
        Ok(schema_says)
    };
    // XorShift: the default generator (ChaCha) is seeded anew for every branch of a union not
    // taken, which makes generating these documents several times slower.
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::XorShift,
        ..Config::default()
    });
    // The whole document is now and then of another JSON type.
    let strategy = prop_oneof![
        40 => strategy,
        1 => a_scalar(),
        1 => Just(json!([])),
    ]
    .boxed();
    let seen = RefCell::new(Vec::new());
    runner
        .run(&strategy, |doc| {
            let accepted = verdict(&doc)?;
            seen.borrow_mut().push((doc, accepted));
            Ok(())
        })
        .unwrap();
    let seen = seen.into_inner();
    // The generator must exercise both verdicts, or agreement proves little.
    let accepted = seen.iter().filter(|(_, accepted)| *accepted).count();
    let refused = seen.len() - accepted;
    eprintln!(
        "{}: accepted {accepted}, refused {refused}",
        std::any::type_name::<T>()
    );
    assert!(
        accepted * 20 > seen.len() && refused * 20 > seen.len(),
        "accepted {accepted}, refused {refused}"
    );
    every_assertion_is_reached(&schema, &seen, || {
        let doc = strategy.new_tree(&mut runner).unwrap().current();
        let accepted = verdict(&doc).unwrap_or_else(|e| panic!("{e}"));
        (doc, accepted)
    });
}

/// The validator for `schema`, with `format` asserted: an `opaque` field's schema may name a
/// format that its type checks (`ipv4`, which both the validator and `Ipv4Addr` read with
/// `Ipv4Addr::from_str`), and left an annotation the validator would take what the type
/// refuses.
fn compile(schema: &Value) -> Result<jsonschema::Validator, jsonschema::ValidationError<'static>> {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
}

/// Annotations, which change no verdict.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "title",
    "description",
    "writeOnly",
    "readOnly",
    "default",
    "format",
    "examples",
    "deprecated",
];

/// The schema with each of its assertions taken away in turn (a keyword, or one value of a
/// `required`, `enum` or `type` list), each described by its JSON Pointer into the schema.
///
/// Left alone: a `minimum` (`maximum`) beside an `exclusiveMinimum` (`exclusiveMaximum`) at
/// least as strict, such as a `u32`'s `"maximum": 4294967295` beside `"exclusiveMaximum": 60`,
/// which no value can tell from the schema without it; a `type` beside an `enum`, whose
/// values already have that type; and a string enum with a catch-all, whose `type` and `anyOf`
/// each say "a string" (they are taken away together); and the `type` of an internally tagged
/// variant holding a struct model, beside an `allOf` of that model's `$ref`, whose schema has
/// the same `type`; and the `type: object` of a struct with a `required_one_of` of two items
/// or more, whose `oneOf` of `required` lists every other value matches each branch of, so
/// refuses, or with a `not_all_of` (or a `when` with `not_all`), whose `not` of a `required`
/// list every other value matches, so refuses (the `if` of a `when` holds for every other
/// value too). A forbidden member's `"name": false` under `properties` is one
/// assertion. A keyword whose schema is `{}` or `true` (any value, as for
/// `serde_json::Value` items) asserts nothing, and is left too. The branches of an `anyOf`,
/// a `oneOf` and an `allOf` are walked.
fn mutants(schema: &Value) -> Vec<(String, Value)> {
    fn implied(
        members: &Map<String, Value>,
        bound: &str,
        exclusive: &str,
        stricter: fn(f64, f64) -> bool,
    ) -> bool {
        let number = |key| members.get(key).and_then(Value::as_f64);
        matches!((number(bound), number(exclusive)), (Some(b), Some(e)) if stricter(b, e))
    }
    fn walk(schema: &Value, node: &Value, at: &str, out: &mut Vec<(String, Value)>) {
        let Value::Object(members) = node else {
            return;
        };
        let catch_all = members
            .get("anyOf")
            .and_then(Value::as_array)
            .is_some_and(|any| any.contains(&json!({"type": "string"})));
        // The `type` of the model that an `allOf` of one `$ref` names.
        let referred_type = match members.get("allOf").and_then(Value::as_array) {
            Some(all) if all.len() == 1 => all[0]
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| schema.pointer(r.strip_prefix('#')?))
                .and_then(|model| model.get("type")),
            _ => None,
        };
        let presence_part = |part: &Value| {
            part.get("oneOf").is_some_and(is_presence_choice)
                || part.get("not").is_some_and(is_required_list)
                || part
                    .get("then")
                    .and_then(|then| then.get("not"))
                    .is_some_and(is_required_list)
        };
        let choice = presence_part(node)
            || members
                .get("allOf")
                .and_then(Value::as_array)
                .is_some_and(|all| all.iter().any(presence_part));
        for (key, value) in members {
            let here = format!("{at}/{}", authlete_models::escape_pointer_token(key));
            let mutate = |out: &mut Vec<(String, Value)>, what: String, f: &dyn Fn(&mut Value)| {
                let mut changed = schema.clone();
                f(changed.pointer_mut(at).expect("the node is there"));
                out.push((what, changed));
            };
            let remove = |node: &mut Value, keys: &[&str]| {
                for key in keys {
                    node.as_object_mut().unwrap().remove(*key);
                }
            };
            match key.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                // The schema of any value (an `items` of `Value`s): no assertion to take away.
                _ if *value == json!({}) || *value == json!(true) => {}
                "anyOf" if catch_all => {}
                "type" if catch_all => mutate(out, format!("{here} and {at}/anyOf"), &|node| {
                    remove(node, &["type", "anyOf"]);
                }),
                "type" if members.contains_key("enum") => {}
                "type" if choice && value == "object" => {}
                "type" if referred_type == Some(value) => {}
                // An integer type's bound beside a stricter exclusive bound on its side.
                "minimum" if implied(members, "minimum", "exclusiveMinimum", |b, e| e >= b) => {}
                "maximum" if implied(members, "maximum", "exclusiveMaximum", |b, e| e <= b) => {}
                "$defs" | "properties" => {
                    for (name, sub) in value.as_object().unwrap() {
                        let token = authlete_models::escape_pointer_token(name);
                        // A forbidden member (`"name": false`) is one assertion.
                        if *sub == json!(false) {
                            mutate(out, format!("{here}/{token}"), &|node| {
                                node[key].as_object_mut().unwrap().remove(name);
                            });
                        }
                        walk(schema, sub, &format!("{here}/{token}"), out);
                    }
                }
                "required" | "enum" | "type" if value.as_array().is_some_and(|v| v.len() > 1) => {
                    for (i, item) in value.as_array().unwrap().iter().enumerate() {
                        mutate(out, format!("{here}/{i} ({item})"), &|node| {
                            node[key].as_array_mut().unwrap().remove(i);
                        });
                    }
                }
                _ => {
                    mutate(out, here.clone(), &|node| remove(node, &[key]));
                    match value {
                        Value::Array(items)
                            if matches!(key.as_str(), "anyOf" | "oneOf" | "allOf") =>
                        {
                            for (i, sub) in items.iter().enumerate() {
                                walk(schema, sub, &format!("{here}/{i}"), out);
                            }
                        }
                        Value::Object(_) => walk(schema, value, &here, out),
                        _ => {}
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(schema, schema, "", &mut out);
    out
}

/// Whether a schema holds only a `required` list: what a `not_all_of` puts under `not`.
fn is_required_list(schema: &Value) -> bool {
    schema
        .as_object()
        .is_some_and(|s| s.len() == 1 && s.contains_key("required"))
}

/// Whether a `oneOf` is a `required_one_of` of two items or more: branches that each hold only
/// a `required` list.
fn is_presence_choice(one_of: &Value) -> bool {
    one_of.as_array().is_some_and(|branches| {
        branches.len() > 1
            && branches.iter().all(|b| {
                b.as_object()
                    .is_some_and(|b| b.len() == 1 && b.contains_key("required"))
            })
    })
}

/// The generated documents reach every rule: with any one assertion taken out of the schema,
/// some document gets another verdict; otherwise that rule could break in the derive and go
/// unnoticed here. `seen` are the documents checked, with their verdicts; while an assertion
/// is not reached, `more` checks another document, up to 20 times as many as were seen.
fn every_assertion_is_reached(
    schema: &Value,
    seen: &[(Value, bool)],
    mut more: impl FnMut() -> (Value, bool),
) {
    let all = mutants(schema);
    let reached = |validator: &jsonschema::Validator, (doc, accepted): &(Value, bool)| {
        validator.is_valid(doc) != *accepted
    };
    let mut unreached: Vec<(&str, jsonschema::Validator)> = all
        .iter()
        .map(|(what, changed)| {
            let validator = compile(changed).expect("the changed schema compiles");
            (what.as_str(), validator)
        })
        .filter(|(_, validator)| !seen.iter().any(|seen| reached(validator, seen)))
        .collect();
    let mut extra = 0;
    while !unreached.is_empty() && extra < 20 * seen.len() {
        let doc = more();
        unreached.retain(|(_, validator)| !reached(validator, &doc));
        extra += 1;
    }
    let unreached: Vec<&str> = unreached.iter().map(|(what, _)| *what).collect();
    assert!(
        unreached.is_empty(),
        "no document of {} gets another verdict without {unreached:?}: \
         the generator does not reach these rules",
        seen.len() + extra
    );
    eprintln!(
        "  each of {} assertions reached, {extra} more documents",
        all.len()
    );
}

#[test]
fn documented_model_agrees_with_its_schema() {
    agree::<ApiServiceIdClientSecretUpdateClientIdentifie>(a_client_secret_request(), 3000);
}

#[test]
fn nested_model_agrees_with_its_schema() {
    agree::<Scope>(a_scope(), 2500);
}

#[test]
fn model_with_every_attribute_and_type_agrees_with_its_schema() {
    agree::<Everything>(an_everything(), 2500);
}

// ---------------------------------------------------------------------------------------------
// String enums, newtypes, maps, nested `items(...)` and two models of one name

/// A closed set of values, one of them renamed.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
#[model(rename_all = "SCREAMING_SNAKE_CASE")]
enum Grant {
    AuthorizationCode,
    ClientCredentials,
    #[model(rename = "urn:ietf:params:oauth:grant-type:device_code")]
    DeviceCode,
    #[model(rename = "r\u{E9}fresh/\u{1F600}")]
    Refresh,
}

/// An open set of values: any other string lands in the catch-all.
#[derive(Debug, Clone, PartialEq, Model)]
enum Alg {
    RS256,
    ES256,
    #[model(other)]
    Other(String),
}

/// A number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
struct Ttl(#[model(min = 1, max = 3600)] u32);

/// A short code.
#[derive(Debug, Clone, PartialEq, Model)]
struct Code(#[model(charset = "A-Z0-9\\-", min_len = 2, max_len = 6)] String);

/// A credential.
#[derive(Debug, Clone, PartialEq, Model)]
struct Token(#[model(charset = "A-Za-z0-9_\\-", min_len = 1, max_len = 12)] Secret<String>);

/// A short list of words.
#[derive(Debug, Clone, PartialEq, Model)]
struct Words(
    #[model(
        min_len = 1,
        max_len = 2,
        items(charset = "a-z", min_len = 1, max_len = 3)
    )]
    Vec<String>,
);

/// A few labels.
#[derive(Debug, Clone, PartialEq, Model)]
struct Labels(
    #[model(
        max_len = 2,
        keys(charset = "a-z", min_len = 1, max_len = 2),
        values(max_len = 2)
    )]
    BTreeMap<String, String>,
);

/// String enums in every field position.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Enums {
    grant: Grant,
    alg: Alg,
    maybe_grant: Option<Grant>,
    #[model(max_len = 3)]
    grants: Vec<Grant>,
    algs: Option<Vec<Alg>>,
    boxed: Box<Grant>,
}

/// Newtypes in every field position.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
struct Newtypes {
    ttl: Ttl,
    code: Option<Code>,
    token: Token,
    #[model(max_len = 3)]
    ttls: Vec<Ttl>,
    words: Option<Words>,
    labels: Option<Labels>,
    boxed: Option<Box<Code>>,
}

/// Maps: rules on how many members, on their names and on their values, of every kind.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Maps {
    #[model(
        min_len = 1,
        max_len = 3,
        keys(charset = "a-z_", min_len = 1, max_len = 4),
        values(max_len = 3)
    )]
    attributes: HashMap<String, String>,
    levels: BTreeMap<String, Grant>,
    #[model(keys(max_len = 3), values(min = 1, max = 9))]
    weights: Option<HashMap<String, u8>>,
    /// No rule: the values' type bounds them.
    bytes: Option<BTreeMap<String, u8>>,
    algs: Option<BTreeMap<String, Alg>>,
    #[model(values(min_len = 1, items(charset = "a-z", max_len = 2)))]
    lists: Option<BTreeMap<String, Vec<String>>>,
    ttls: Option<HashMap<String, Option<Ttl>>>,
    #[model(max_len = 2, values(max_len = 1, values(min = 0, max = 1)))]
    nested: Option<BTreeMap<String, HashMap<String, i8>>>,
}

/// Lists with `items(...)`, nested.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Lists {
    #[model(
        min_len = 1,
        max_len = 3,
        items(charset = "a-z", min_len = 1, max_len = 3)
    )]
    tags: Vec<String>,
    #[model(max_len = 2, items(max_len = 2, items(min = -2, max = 2)))]
    grid: Vec<Vec<i8>>,
    /// No rule: the items' type bounds them.
    matrix: Option<Vec<Vec<u8>>>,
    #[model(items(min_len = 1, items(charset = "a-z\\u{E9}", max_len = 2)))]
    words: Option<Vec<Vec<String>>>,
    #[model(items(items(min = 1, max = 5)))]
    holes: Option<Vec<Option<Vec<Option<u8>>>>>,
    #[model(
        max_len = 2,
        items(max_len = 1, keys(charset = "a-z"), values(max = 3))
    )]
    maps: Option<Vec<BTreeMap<String, u8>>>,
}

/// Two models named `Item`, each referring to the other.
mod one {
    use authlete_models::Model;

    /// An item by name.
    #[derive(Debug, Clone, PartialEq, Model)]
    #[model(deny_unknown_fields)]
    pub struct Item {
        #[model(charset = "a-z", min_len = 1, max_len = 3)]
        pub name: String,
        pub other: Option<Box<super::two::Item>>,
    }
}

mod two {
    use authlete_models::Model;

    /// An item by level.
    #[derive(Debug, Clone, PartialEq, Model)]
    pub struct Item {
        #[model(min = 1, max = 9)]
        pub level: u8,
        #[model(max_len = 2)]
        pub items: Option<Vec<super::one::Item>>,
    }
}

/// Both `Item`s in one parent: two `$defs` entries, each referring to the other.
#[derive(Debug, Clone, PartialEq, Model)]
struct Collide {
    one: one::Item,
    two: two::Item,
    #[model(max_len = 2)]
    ones: Vec<one::Item>,
    twos: Option<BTreeMap<String, two::Item>>,
}

/// Mostly `valid`, at times `invalid` (the values just past a bound).
fn edge(valid: BoxedStrategy<Value>, invalid: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    prop_oneof![12 => valid, 1 => invalid].boxed()
}

/// Strings of `set` just inside and just outside `min..=max` characters, and strings of the
/// right length holding one character of `bad`.
fn edge_string(
    set: &'static str,
    bad: &'static str,
    min: usize,
    max: usize,
) -> BoxedStrategy<Value> {
    let (inside, outside) = strings_around(set, bad, min, max);
    edge(inside, outside)
}

/// Strings of `set` of `min..=max` characters, favouring the bounds; and strings breaking a
/// rule: one character too many or too few, or one character of `bad`.
fn strings_around(
    set: &'static str,
    bad: &'static str,
    min: usize,
    max: usize,
) -> (BoxedStrategy<Value>, BoxedStrategy<Value>) {
    let chars: Vec<char> = set.chars().collect();
    let bad: Vec<char> = bad.chars().collect();
    let mut outside = vec![valid_string(set, max + 1, max + 1)];
    if !bad.is_empty() {
        outside.push(
            (
                prop::collection::vec(prop::sample::select(chars), min.max(1)..=max),
                prop::sample::select(bad),
                any::<prop::sample::Index>(),
            )
                .prop_map(|(mut c, b, at)| {
                    let i = at.index(c.len());
                    c[i] = b;
                    Value::String(c.into_iter().collect())
                })
                .boxed(),
        );
    }
    if min > 0 {
        outside.push(valid_string(set, min - 1, min - 1));
    }
    let inside = prop_oneof![
        valid_string(set, min, max),
        valid_string(set, min, min),
        valid_string(set, max, max),
    ]
    .boxed();
    (inside, prop::strategy::Union::new(outside).boxed())
}

/// Integers of `lo..=hi`, and the integers one past each bound.
fn edge_int(lo: i64, hi: i64) -> BoxedStrategy<Value> {
    edge(
        valid_int(lo, hi),
        prop_oneof![Just(json!(lo - 1)), Just(json!(hi + 1))].boxed(),
    )
}

/// Member names for `keys(charset = set, min_len, max_len)`: mostly valid ones, at times one
/// that breaks a rule (too short, too long, a character outside the set, among them the `/`
/// and `~` that a JSON Pointer escapes).
fn edge_key(set: &'static str, min: usize, max: usize) -> BoxedStrategy<String> {
    let (inside, outside) = strings_around(set, "A~/ \u{E9}\u{1F600}-", min, max);
    // A sixth of them broken: a map holds few names, each drawn apart.
    prop_oneof![5 => inside, 1 => outside]
        .prop_map(|v| match v {
            Value::String(s) => s,
            _ => unreachable!("strings_around makes strings"),
        })
        .boxed()
}

/// How many members or items: ranges, each with its weight.
#[derive(Clone)]
struct Count(Vec<(u32, RangeInclusive<usize>)>);

/// Mostly `min..=max`, at times one fewer or one more.
fn edge_count(min: usize, max: usize) -> Count {
    let mut counts = vec![(12, min..=max), (1, max + 1..=max + 1)];
    if min > 0 {
        counts.push((1, min - 1..=min - 1));
    }
    Count(counts)
}

/// Any of `min..=max`, for a count without a rule.
fn any_count(min: usize, max: usize) -> Count {
    Count(vec![(1, min..=max)])
}

/// An object of `count` members (fewer when two names are drawn alike).
fn a_map(
    key: BoxedStrategy<String>,
    value: BoxedStrategy<Value>,
    count: Count,
) -> BoxedStrategy<Value> {
    let each = count.0.into_iter().map(|(weight, range)| {
        let members = prop::collection::vec((key.clone(), value.clone()), range)
            .prop_map(|members| Value::Object(members.into_iter().collect()));
        (weight, members.boxed())
    });
    prop::strategy::Union::new_weighted(each.collect()).boxed()
}

/// An array of `count` items.
fn a_list(item: BoxedStrategy<Value>, count: Count) -> BoxedStrategy<Value> {
    let each = count.0.into_iter().map(|(weight, range)| {
        let items = prop::collection::vec(item.clone(), range).prop_map(Value::Array);
        (weight, items.boxed())
    });
    prop::strategy::Union::new_weighted(each.collect()).boxed()
}

const GRANTS: &[&str] = &[
    "AUTHORIZATION_CODE",
    "CLIENT_CREDENTIALS",
    "urn:ietf:params:oauth:grant-type:device_code",
    "r\u{E9}fresh/\u{1F600}",
];

/// Strings close to the values of a closed enum: the values with another case, cut, with a
/// space, the Rust names, the other enum's values, the empty string.
const NEAR_GRANTS: &[&str] = &[
    "authorization_code",
    "AUTHORIZATION_COD",
    "AUTHORIZATION_CODE ",
    " CLIENT_CREDENTIALS",
    "AuthorizationCode",
    "DeviceCode",
    "urn:ietf:params:oauth:grant-type:device_code\u{0}",
    "r\u{C9}fresh/\u{1F600}",
    "refresh",
    "RS256",
    "",
];

fn a_grant() -> BoxedStrategy<Value> {
    edge(
        prop::sample::select(GRANTS).prop_map(|s| json!(s)).boxed(),
        prop::sample::select(NEAR_GRANTS)
            .prop_map(|s| json!(s))
            .boxed(),
    )
}

/// Any string is an `Alg`: the known values, strings close to them, and others.
fn an_alg() -> BoxedStrategy<Value> {
    prop_oneof![
        prop::sample::select(vec!["RS256", "ES256", "rs256", "RS256 ", "", "Other"])
            .prop_map(|s| json!(s)),
        a_string(),
    ]
    .boxed()
}

fn a_ttl() -> BoxedStrategy<Value> {
    edge(
        prop_oneof![valid_int(1, 3600), Just(json!(60.0))].boxed(),
        prop_oneof![Just(json!(0)), Just(json!(3601)), Just(json!(-1))].boxed(),
    )
}

const CODE_CHARS: &str = "AZ09-";
const TOKEN_CHARS: &str = "AZaz09_-";

fn a_code() -> BoxedStrategy<Value> {
    edge_string(CODE_CHARS, "a_ +\u{C9}", 2, 6)
}

fn a_token() -> BoxedStrategy<Value> {
    edge_string(TOKEN_CHARS, "+/= .\u{E9}", 1, 12)
}

fn some_words() -> BoxedStrategy<Value> {
    a_list(mostly(edge_string("abz", "A-", 1, 3)), edge_count(1, 2))
}

fn some_labels() -> BoxedStrategy<Value> {
    a_map(
        edge_key("ab", 1, 2),
        mostly(edge_string("ab", "", 0, 2)),
        edge_count(0, 2),
    )
}

fn some_enums() -> BoxedStrategy<Value> {
    an_object(vec![
        ("grant", mostly(a_grant())),
        ("alg", mostly(an_alg())),
        (
            "maybeGrant",
            mostly(prop_oneof![a_grant(), Just(Value::Null)].boxed()),
        ),
        (
            "grants",
            mostly(a_list(mostly(a_grant()), edge_count(0, 3))),
        ),
        (
            "algs",
            mostly(prop_oneof![
                a_list(mostly(an_alg()), any_count(0, 3)),
                Just(Value::Null)
            ]),
        ),
        ("boxed", mostly(a_grant())),
    ])
}

fn some_newtypes() -> BoxedStrategy<Value> {
    an_object(vec![
        ("ttl", mostly(a_ttl())),
        (
            "code",
            mostly(prop_oneof![a_code(), Just(Value::Null)].boxed()),
        ),
        ("token", mostly(a_token())),
        ("ttls", mostly(a_list(mostly(a_ttl()), edge_count(0, 3)))),
        (
            "words",
            mostly(prop_oneof![some_words(), Just(Value::Null)].boxed()),
        ),
        (
            "labels",
            mostly(prop_oneof![some_labels(), Just(Value::Null)].boxed()),
        ),
        (
            "boxed",
            mostly(prop_oneof![a_code(), Just(Value::Null)].boxed()),
        ),
    ])
}

fn some_maps() -> BoxedStrategy<Value> {
    let or_null = |v: BoxedStrategy<Value>| prop_oneof![4 => v, 1 => Just(Value::Null)].boxed();
    let any_key = || edge_key("abxyz", 1, 3);
    an_object(vec![
        (
            "attributes",
            mostly(a_map(
                edge_key("az_", 1, 4),
                mostly(edge_string("a\u{E9}\u{1F600}", "", 0, 3)),
                edge_count(1, 3),
            )),
        ),
        (
            "levels",
            mostly(a_map(any_key(), mostly(a_grant()), any_count(0, 3))),
        ),
        (
            "weights",
            mostly(or_null(a_map(
                edge_key("ab\u{1F600}", 0, 3),
                mostly(edge_int(1, 9)),
                any_count(0, 3),
            ))),
        ),
        (
            "bytes",
            mostly(or_null(a_map(
                any_key(),
                mostly(edge_int(0, 255)),
                any_count(0, 3),
            ))),
        ),
        (
            "algs",
            mostly(or_null(a_map(any_key(), mostly(an_alg()), any_count(0, 2)))),
        ),
        (
            "lists",
            mostly(or_null(a_map(
                any_key(),
                mostly(a_list(
                    mostly(edge_string("az", "A", 0, 2)),
                    edge_count(1, 2),
                )),
                any_count(0, 2),
            ))),
        ),
        (
            "ttls",
            mostly(or_null(a_map(
                any_key(),
                mostly(or_null(a_ttl())),
                any_count(0, 2),
            ))),
        ),
        (
            "nested",
            mostly(or_null(a_map(
                any_key(),
                mostly(a_map(any_key(), mostly(edge_int(0, 1)), edge_count(1, 1))),
                edge_count(0, 2),
            ))),
        ),
    ])
}

fn some_lists() -> BoxedStrategy<Value> {
    let or_null = |v: BoxedStrategy<Value>| prop_oneof![4 => v, 1 => Just(Value::Null)].boxed();
    an_object(vec![
        (
            "tags",
            mostly(a_list(
                mostly(edge_string("az", "A_ ", 1, 3)),
                edge_count(1, 3),
            )),
        ),
        (
            "grid",
            mostly(a_list(
                mostly(a_list(mostly(edge_int(-2, 2)), edge_count(0, 2))),
                edge_count(0, 2),
            )),
        ),
        (
            "matrix",
            mostly(or_null(a_list(
                mostly(a_list(mostly(edge_int(0, 255)), any_count(0, 2))),
                any_count(0, 2),
            ))),
        ),
        (
            "words",
            mostly(or_null(a_list(
                mostly(a_list(
                    mostly(edge_string("a\u{E9}", "\u{C9}z ", 0, 2)),
                    edge_count(1, 2),
                )),
                any_count(0, 2),
            ))),
        ),
        (
            "holes",
            mostly(or_null(a_list(
                mostly(or_null(a_list(
                    mostly(or_null(edge_int(1, 5))),
                    any_count(0, 2),
                ))),
                any_count(0, 2),
            ))),
        ),
        (
            "maps",
            mostly(or_null(a_list(
                mostly(a_map(
                    edge_key("az", 0, 2),
                    mostly(edge_int(0, 3)),
                    // No `min_len`: 0 is valid, and drawn a twelfth of the time.
                    edge_count(1, 1),
                )),
                edge_count(0, 2),
            ))),
        ),
    ])
}

/// A `one::Item`, holding at times a `two::Item`, `depth` levels down at most.
fn a_one_item(depth: u32) -> BoxedStrategy<Value> {
    let mut fields = vec![("name", mostly(edge_string("az", "A9", 1, 3)))];
    if depth > 0 {
        fields.push((
            "other",
            mostly(prop_oneof![2 => a_two_item(depth - 1), 1 => Just(Value::Null)].boxed()),
        ));
    }
    an_object(fields)
}

/// A `two::Item`, holding at times `one::Item`s.
fn a_two_item(depth: u32) -> BoxedStrategy<Value> {
    let mut fields = vec![("level", mostly(edge_int(1, 9)))];
    if depth > 0 {
        fields.push((
            "items",
            mostly(
                prop_oneof![
                    2 => a_list(a_one_item(depth - 1), edge_count(0, 2)),
                    1 => Just(Value::Null)
                ]
                .boxed(),
            ),
        ));
    }
    an_object(fields)
}

fn a_collide() -> BoxedStrategy<Value> {
    an_object(vec![
        // Each in the other's place, now and then.
        (
            "one",
            mostly(prop_oneof![12 => a_one_item(2), 1 => a_two_item(1)].boxed()),
        ),
        (
            "two",
            mostly(prop_oneof![12 => a_two_item(2), 1 => a_one_item(1)].boxed()),
        ),
        (
            "ones",
            mostly(a_list(mostly(a_one_item(1)), edge_count(0, 2))),
        ),
        (
            "twos",
            mostly(
                prop_oneof![
                    3 => a_map(edge_key("ab", 0, 2), a_two_item(1), any_count(0, 2)),
                    1 => Just(Value::Null)
                ]
                .boxed(),
            ),
        ),
    ])
}

/// A value as the whole document: `value` three times in five, else a scalar (mostly of the
/// wrong type), an empty object or an empty array.
fn alone(value: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    prop_oneof![
        6 => value,
        2 => a_scalar(),
        1 => Just(json!({})),
        1 => Just(json!([])),
    ]
    .boxed()
}

#[test]
fn string_enums_agree_with_their_schemas() {
    agree::<Grant>(alone(a_grant()), 300);
    agree::<Enums>(some_enums(), 700);
}

#[test]
fn a_catch_all_enum_agrees_with_its_schema() {
    // Every string is an `Alg`: only the other JSON types are refused.
    agree::<Alg>(
        prop_oneof![3 => an_alg(), 1 => a_scalar(), 1 => Just(json!([]))].boxed(),
        300,
    );
}

/// A value enum: strings, integers (one past `i64`), a float, a boolean and `null`.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
#[model(rename_all = "lowercase")]
enum Setting {
    Auto,
    #[model(value = 0)]
    Off,
    #[model(value = 2.5)]
    Half,
    #[model(value = -3)]
    Minus,
    #[model(value = 18446744073709551615)]
    Max,
    #[model(value = true)]
    On,
    #[model(value = null)]
    Unset,
}

/// Value enums in field positions.
#[derive(Debug, Clone, PartialEq, Model)]
struct Settings {
    setting: Setting,
    #[model(max_len = 3)]
    settings: Vec<Setting>,
    maybe: Option<Setting>,
}

/// The values of a `Setting`, some written another way (`0.0`, `-3.0`, `25e-1`).
fn a_setting() -> BoxedStrategy<Value> {
    let valid = prop::sample::select(vec![
        json!("auto"),
        json!(0),
        json!(0.0),
        json!(2.5),
        json!(-3),
        json!(-3.0),
        json!(u64::MAX),
        json!(true),
        Value::Null,
    ]);
    // Close to the values: another case, another type, a neighbour.
    let near = prop::sample::select(vec![
        json!("AUTO"),
        json!("0"),
        json!("null"),
        json!("true"),
        json!(false),
        json!(1),
        json!(-0.5),
        json!(2.4999),
        json!(-2),
        json!(u64::MAX - 1),
        json!(i64::MIN),
        json!(18446744073709551616.0),
        json!([0]),
        json!({"auto": null}),
    ]);
    prop_oneof![3 => valid, 1 => near].boxed()
}

fn some_settings() -> BoxedStrategy<Value> {
    an_object(vec![
        ("setting", mostly(a_setting())),
        ("settings", mostly(a_list(a_setting(), edge_count(0, 3)))),
        ("maybe", mostly(a_setting())),
    ])
}

#[test]
fn value_enums_agree_with_their_schemas() {
    agree::<Setting>(alone(a_setting()), 400);
    agree::<Settings>(some_settings(), 700);
}

#[test]
fn newtypes_agree_with_their_schemas() {
    agree::<Ttl>(alone(a_ttl()), 200);
    agree::<Code>(alone(a_code()), 200);
    agree::<Token>(alone(a_token()), 200);
    agree::<Words>(alone(some_words()), 200);
    agree::<Labels>(alone(some_labels()), 200);
    agree::<Newtypes>(some_newtypes(), 700);
}

#[test]
fn maps_agree_with_their_schema() {
    agree::<Maps>(some_maps(), 800);
}

#[test]
fn nested_items_agree_with_their_schema() {
    agree::<Lists>(some_lists(), 800);
}

#[test]
fn two_models_of_one_name_agree_with_their_schema() {
    let schema = Collide::json_schema();
    assert_eq!(schema["$defs"].as_object().unwrap().len(), 2, "{schema:#}");
    agree::<Collide>(a_collide(), 600);
}

/// Integers of the 64- and 128-bit types, without rules.
#[derive(Debug, Clone, PartialEq, Model)]
struct Wide {
    unsigned: Option<u64>,
    signed: Option<i64>,
    huge: Option<u128>,
}

/// A number the reader refuses for an integer field, `from_json` must report at that field
/// with code `type`, as it does for `-1` in a `u64`. A `serde_json::Value` holds an integer
/// past 64 bits, and a number written with a fraction or an exponent, as a float; the reader
/// takes no float past 2^53 for an integer (it may not be the number written), but the check
/// of a `Value` took any float within the type's range (and the type's largest value, made a
/// float, rounds up to 2^64, 2^63 or 2^128, one past it). So `from_json` found no violation
/// and fell back to one `invalid` error at the root. Found by the agreement check above
/// (`client_id`, a `u64`, given 2^64).
#[test]
fn from_json_reports_a_float_refused_for_an_integer_at_its_field() {
    let mut wrong = Vec::new();
    for (doc, path) in [
        (r#"{"unsigned": -1}"#, "/unsigned"),
        (r#"{"unsigned": 1.5}"#, "/unsigned"),
        // One past the largest value (2^64, 2^63, 2^128), as an integer and as a float.
        (r#"{"unsigned": 18446744073709551616}"#, "/unsigned"),
        (r#"{"unsigned": 18446744073709551616.0}"#, "/unsigned"),
        (r#"{"signed": 9223372036854775808}"#, "/signed"),
        // One below the smallest, which the float rounds to: -2^63.
        (r#"{"signed": -9223372036854775809}"#, "/signed"),
        // Within range, but floats past 2^53. For a 128-bit field, a `Value` holding a float
        // could come from an integer the reader takes (2^128 as a float is also `u128::MAX`
        // as a float), so none is tried there.
        (r#"{"signed": 1e17}"#, "/signed"),
        (r#"{"unsigned": 9007199254740994.0}"#, "/unsigned"),
    ] {
        assert!(serde_json::from_str::<Wide>(doc).is_err(), "{doc}");
        let errors = authlete_models::from_json::<Wide>(doc).unwrap_err();
        let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
        if found != [(path, "type")] {
            wrong.push(format!("{doc}: {found:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "from_json reports, instead of a `type` error at the field:\n{}",
        wrong.join("\n")
    );
}

/// `f32` fields: unbounded, bounded, in a list and in a map.
#[derive(Debug, Clone, PartialEq, Model)]
struct Floats {
    single: Option<f32>,
    #[model(min = -1.5, max = 1e6)]
    bounded: Option<f32>,
    #[model(items(min = 0.0))]
    list: Option<Vec<f32>>,
    #[model(values(max = 1.0))]
    map: Option<BTreeMap<String, f32>>,
}

/// Numbers around the edges of `f32` and of the bounds above: exact, just past them by less
/// than half an `f32` step (so that they round onto them) and by more.
fn an_f32() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => any::<f32>()
            .prop_filter("finite", |v| v.is_finite())
            .prop_map(|v| json!(v)),
        2 => (-2.0f64..2.0).prop_map(|v| json!(v)),
        3 => prop::sample::select(vec![
            json!(0),
            json!(0.0),
            json!(-0.0),
            json!(1.0),
            json!(1.00000001),
            json!(1.0000001),
            json!(-1.5),
            json!(-1.50000001),
            json!(-1.5000001),
            json!(1e6),
            json!(1000000.03),
            json!(1000000.1),
            json!(-1e-50),
            json!(f64::from(f32::MAX)),
            json!(3.40282356e38),
            json!(3.4028236e38),
            json!(-3.4028236e38),
            json!(1e39),
            json!(1e300),
            json!(-1e300),
        ]),
    ]
    .boxed()
}

fn some_floats() -> BoxedStrategy<Value> {
    let or_null = |v: BoxedStrategy<Value>| prop_oneof![4 => v, 1 => Just(Value::Null)].boxed();
    an_object(vec![
        ("single", mostly(or_null(an_f32()))),
        ("bounded", mostly(or_null(an_f32()))),
        (
            "list",
            mostly(or_null(a_list(mostly(an_f32()), any_count(0, 2)))),
        ),
        (
            "map",
            mostly(or_null(a_map(
                edge_key("ab", 0, 2),
                mostly(an_f32()),
                any_count(0, 2),
            ))),
        ),
    ])
}

#[test]
fn f32_fields_agree_with_their_schema() {
    agree::<Floats>(some_floats(), 600);
}

/// The derive read an `f32` as the nearest `f32` and checked that: a number past the type's
/// range was refused, and a number just past a bound that rounds onto it was taken, while the
/// schema said `"type": "number"` and the bound as written. Found by the agreement check
/// above; an `f32` is now checked as the number written.
#[test]
fn an_f32_near_its_range_or_a_bound_gets_the_schema_s_verdict() {
    assert_same_verdicts::<Floats>([
        // Agreeing, as controls.
        json!({"single": f64::from(f32::MAX)}),
        json!({"bounded": -1.5}),
        json!({"bounded": -1.5000001}),
        json!({"bounded": 1000000.1}),
        // Past `f32::MAX`.
        json!({"single": 3.5e38}),
        json!({"single": -1e39}),
        json!({"single": 1e300}),
        json!({"list": [1e300]}),
        // Past a bound by less than half a step of `f32`.
        json!({"bounded": -1.50000001}),
        json!({"bounded": 1000000.03}),
        json!({"map": {"a": 1.00000001}}),
    ]);
}

// ---------------------------------------------------------------------------------------------
// Two instantiations of one generic model, `opaque` fields, and the number and array keywords

/// A page of any model.
#[derive(Debug, Clone, PartialEq, Model)]
struct Page<T> {
    #[model(max_len = 3)]
    items: Vec<T>,
    total: u64,
}

/// A client by name.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(deny_unknown_fields)]
struct Client {
    #[model(charset = "a-z", min_len = 1, max_len = 3)]
    name: String,
}

/// A level: the type's `"minimum": 0` beside `"exclusiveMinimum": 0`.
#[derive(Debug, Clone, PartialEq, Model)]
struct Level {
    #[model(exclusive_min = 0, max = 9)]
    level: u8,
}

/// Generic models, `opaque` fields, strict bounds, multiples and unique items.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Keywords {
    clients: Page<Client>,
    levels: Option<Page<Level>>,
    #[model(opaque)]
    payload: Value,
    #[model(opaque, schema = r#"{"type": "string", "format": "ipv4"}"#)]
    ip: Option<std::net::Ipv4Addr>,
    #[model(exclusive_min = 0, exclusive_max = 100)]
    percent: f64,
    #[model(multiple_of = 5, exclusive_max = 60)]
    minutes: u32,
    #[model(exclusive_min = -3, exclusive_max = 3)]
    small: Option<i8>,
    #[model(multiple_of = 0.25, exclusive_min = -2)]
    step: Option<f64>,
    #[model(unique, max_len = 3, items(charset = "ab", max_len = 2))]
    tags: Vec<String>,
    #[model(unique, items(exclusive_min = -3, multiple_of = 3))]
    points: Option<Vec<i64>>,
}

/// One of `valid` mostly, one of `invalid` at times.
fn edge_of(valid: Vec<Value>, invalid: Vec<Value>) -> BoxedStrategy<Value> {
    edge(
        prop::sample::select(valid).boxed(),
        prop::sample::select(invalid).boxed(),
    )
}

fn a_page(item: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    an_object(vec![
        ("items", mostly(a_list(item, edge_count(0, 3)))),
        (
            "total",
            mostly(edge(
                prop_oneof![valid_int(0, i64::MAX), Just(json!(u64::MAX))].boxed(),
                prop_oneof![Just(json!(-1)), Just(json!(18446744073709551616.0))].boxed(),
            )),
        ),
    ])
}

fn a_client() -> BoxedStrategy<Value> {
    an_object(vec![("name", mostly(edge_string("abz", "A9", 1, 3)))])
}

fn a_level() -> BoxedStrategy<Value> {
    an_object(vec![(
        "level",
        mostly(edge(
            prop_oneof![valid_int(1, 9), Just(json!(1.0))].boxed(),
            prop_oneof![Just(json!(0)), Just(json!(0.0)), Just(json!(10))].boxed(),
        )),
    )])
}

/// Any JSON value, nested a little.
fn a_payload() -> BoxedStrategy<Value> {
    a_scalar()
        .prop_recursive(2, 8, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
                prop::collection::btree_map("[a-z]{0,2}", inner, 0..3)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
        .boxed()
}

/// `ipv4` strings and strings `Ipv4Addr::from_str` refuses: out of range, too few or too
/// many parts, a leading zero, a space, IPv6.
fn an_ip() -> BoxedStrategy<Value> {
    edge_of(
        vec![
            json!("0.0.0.0"),
            json!("255.255.255.255"),
            json!("10.0.0.1"),
            json!("192.168.1.254"),
        ],
        vec![
            json!("256.0.0.1"),
            json!("1.2.3"),
            json!("1.2.3.4.5"),
            json!("01.2.3.4"),
            json!("1.2.3.4 "),
            json!(""),
            json!("::1"),
            json!("1.2.3.-1"),
            json!(16909060),
        ],
    )
}

/// A list of items of `pool`, distinct as JSON values, `0..=max` of them; at times with one
/// of them given again, or with both values of a pair of `twins` (equal as JSON values,
/// such as `3` and `3.0`).
fn a_unique_list(pool: Vec<Value>, twins: Vec<(Value, Value)>, max: usize) -> BoxedStrategy<Value> {
    let distinct = prop::sample::subsequence(pool, 0..=max).prop_shuffle();
    let at = any::<prop::sample::Index>();
    let mut each = vec![
        (20, distinct.clone().prop_map(Value::Array).boxed()),
        (
            1,
            (distinct.clone(), at.clone(), at.clone())
                .prop_map(|(mut items, which, at)| {
                    if !items.is_empty() {
                        let again = which.get(&items).clone();
                        items.insert(at.index(items.len() + 1), again);
                    }
                    Value::Array(items)
                })
                .boxed(),
        ),
    ];
    if !twins.is_empty() {
        each.push((
            1,
            (prop::sample::select(twins), at.clone(), at)
                .prop_map(|((a, b), i, j)| {
                    let mut items = vec![a];
                    items.insert(i.index(2), b);
                    let _ = j;
                    Value::Array(items)
                })
                .boxed(),
        ));
    }
    prop::strategy::Union::new_weighted(each).boxed()
}

fn some_keywords() -> BoxedStrategy<Value> {
    let or_null = |v: BoxedStrategy<Value>| prop_oneof![3 => v, 1 => Just(Value::Null)].boxed();
    an_object(vec![
        ("clients", mostly(a_page(mostly(a_client())))),
        ("levels", mostly(or_null(a_page(mostly(a_level()))))),
        ("payload", a_payload()),
        ("ip", mostly(or_null(an_ip()))),
        (
            "percent",
            mostly(edge(
                prop_oneof![
                    (0.0f64..100.0)
                        .prop_filter("above the bound", |v| *v > 0.0)
                        .prop_map(|v| json!(v)),
                    prop::sample::select(vec![
                        json!(5e-324),
                        json!(1e-9),
                        json!(1),
                        json!(99),
                        json!(99.99999999999999),
                    ]),
                ]
                .boxed(),
                prop::sample::select(vec![
                    json!(0),
                    json!(0.0),
                    json!(-0.0),
                    json!(-5e-324),
                    json!(100),
                    json!(100.0),
                    json!(100.00000000000001),
                ])
                .boxed(),
            )),
        ),
        (
            "minutes",
            mostly(edge(
                prop_oneof![
                    (0u32..12).prop_map(|n| json!(n * 5)),
                    prop::sample::select(vec![json!(0), json!(55), json!(55.0), json!(-0.0)]),
                ]
                .boxed(),
                prop::sample::select(vec![
                    json!(60),
                    json!(59),
                    json!(61),
                    json!(65),
                    json!(7),
                    json!(1),
                    json!(-5),
                    json!(54.999999999),
                    json!(5.5),
                    json!(4294967295u64),
                    json!(4294967300u64),
                ])
                .boxed(),
            )),
        ),
        (
            "small",
            mostly(or_null(edge(
                prop_oneof![valid_int(-2, 2), Just(json!(2.0))].boxed(),
                prop::sample::select(vec![
                    json!(-3),
                    json!(3),
                    json!(3.0),
                    json!(-4),
                    json!(4),
                    json!(2.5),
                ])
                .boxed(),
            ))),
        ),
        (
            "step",
            mostly(or_null(edge(
                prop_oneof![
                    (-7i32..40).prop_map(|n| json!(f64::from(n) * 0.25)),
                    prop::sample::select(vec![
                        json!(-1.75),
                        json!(0),
                        json!(-0.0),
                        json!(0.25),
                        json!(1e10),
                        json!(1e300),
                        json!(-4.4942328371557893e307),
                        json!(8.98846567431158e307),
                        json!(f64::MAX),
                        json!(-f64::MAX),
                    ]),
                ]
                .boxed(),
                prop::sample::select(vec![
                    json!(-2),
                    json!(-2.0),
                    json!(-2.25),
                    json!(0.3),
                    json!(0.1),
                    json!(0.2500000000000001),
                    json!(0.24999999999999997),
                    json!(1e-300),
                    json!(5e-324),
                    json!(1.0000000000000002),
                ])
                .boxed(),
            ))),
        ),
        (
            "tags",
            mostly(prop_oneof![
                30 => a_unique_list(
                    ["", "a", "b", "ab", "ba", "aa"].map(|s| json!(s)).to_vec(),
                    vec![],
                    3
                ),
                // Four items, or one breaking a rule on items.
                1 => prop::sample::subsequence(
                    ["", "a", "b", "ab", "ba", "aa"].map(|s| json!(s)).to_vec(),
                    4
                )
                .prop_map(Value::Array),
                1 => prop::sample::select(
                    ["c", "A", "abb", "a\u{E9}"].map(|s| json!(s)).to_vec()
                )
                .prop_map(|s| json!([s])),
                1 => prop::sample::select(vec![json!(1), json!(null), json!(["a"])])
                    .prop_map(|v| json!(["b", v])),
            ]),
        ),
        (
            "points",
            mostly(or_null(
                prop_oneof![
                    24 => a_unique_list(
                        vec![
                            json!(0),
                            json!(3.0),
                            json!(6),
                            json!(-0.0),
                            json!(9007199254740993u64),
                            json!(i64::MAX - 1),
                        ],
                        vec![
                            (json!(3), json!(3.0)),
                            (json!(0), json!(0.0)),
                            (json!(0), json!(-0.0)),
                            (json!(6.0), json!(6)),
                        ],
                        4
                    ),
                    // One item breaking a rule: the bound itself, past it, not a multiple, past
                    // `i64::MAX` (`2^63 + 1` is a multiple of 3), not a number.
                    1 => prop::sample::select(vec![
                        json!(-3),
                        json!(-6),
                        json!(-2),
                        json!(1),
                        json!(4),
                        json!(4.5),
                        json!(i64::MAX),
                        json!(9223372036854775809u64),
                        json!("3"),
                        json!(null),
                    ])
                    .prop_map(|v| json!([6, v])),
                ]
                .boxed(),
            )),
        ),
    ])
}

#[test]
fn generics_opaque_fields_and_number_keywords_agree_with_their_schema() {
    let schema = Keywords::json_schema();
    let defs: Vec<&String> = schema["$defs"].as_object().unwrap().keys().collect();
    for name in ["Page_Client", "Page_Level", "Client", "Level"] {
        assert!(defs.iter().any(|d| *d == name), "{name} in {defs:?}");
    }
    agree_with_opaque::<Keywords>(some_keywords(), 1500, &["/ip"]);
}

/// A `multiple_of` that no `f64` holds exactly.
#[derive(Debug, Clone, PartialEq, Model)]
struct Tenths {
    #[model(multiple_of = 0.1)]
    tenth: f64,
}

/// `multiple_of = 0.1` against the schema's `"multipleOf": 0.1`: the validator divides the
/// numbers as the decimals written (JSON Schema's numbers are decimal: `0.5 / 0.1` is `5`),
/// while the derive divided the `f64`s exactly, and `0.1` as an `f64` is a little more than a
/// tenth, so it refused `0.3`, `0.5`, `1` and `10`. Found by the agreement check above, with
/// `0.5`.
#[test]
fn a_multiple_of_a_tenth_gets_the_schema_s_verdict() {
    assert_same_verdicts::<Tenths>(
        [
            // Agreeing, as controls.
            json!(0),
            json!(0.1),
            json!(0.2),
            json!(0.25),
            json!(0.30000000000000004),
            // Refused by the derive before, taken by the schema.
            json!(0.3),
            json!(0.5),
            json!(0.7),
            json!(1),
            json!(1.0),
            json!(10),
            json!(1e21),
        ]
        .map(|tenth| json!({ "tenth": tenth })),
    );
}

/// A quarter.
#[derive(Debug, Clone, PartialEq, Model)]
struct Quarters {
    #[model(multiple_of = 0.25)]
    quarter: f64,
}

/// Every `f64` of `2^53` or more is a whole number, so a multiple of `0.25`, and the schema
/// takes each; the derive refused the largest ones (from `2^1023` on, four times the value
/// was past `f64::MAX`). Found by the agreement check above, with `f64::MAX`.
#[test]
fn a_huge_multiple_of_a_quarter_gets_the_schema_s_verdict() {
    assert_same_verdicts::<Quarters>(
        [
            // Agreeing, as controls.
            json!(1e10),
            json!(9007199254740992.0),
            json!(1e300),
            json!(-1e300),
            json!(1e307),
            json!(4.4942328371557893e307),
            // From 2^1023 on: four times the value was past `f64::MAX`.
            json!(8.98846567431158e307),
            json!(1e308),
            json!(f64::MAX),
            json!(-f64::MAX),
        ]
        .map(|quarter| json!({ "quarter": quarter })),
    );
}

/// Every document of `docs` gets the same verdict from the derive and from `T`'s schema.
fn assert_same_verdicts<T: Model>(docs: impl IntoIterator<Item = Value>) {
    let validator = compile(&T::json_schema()).unwrap();
    let wrong: Vec<String> = docs
        .into_iter()
        .filter_map(|doc| {
            let derive = serde_json::from_str::<T>(&doc.to_string()).is_ok();
            let schema = validator.is_valid(&doc);
            (derive != schema)
                .then(|| format!("{doc}: derive accepts: {derive}, schema accepts: {schema}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// What an absent member and a `null` mean: `required`, `not_null`, `Option<Option<T>>`,
// `default` (literals and a function), `skip`, and the annotations beside them

fn default_grants() -> Vec<Grant> {
    vec![Grant::AuthorizationCode]
}

/// Every way of saying what an absent member and a `null` mean, with rules beside each.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", title = "Presence and defaults", deprecated)]
struct Presence {
    /// Present, perhaps `null`.
    #[model(
        required,
        charset = "a-z",
        min_len = 1,
        max_len = 4,
        format = "nickname"
    )]
    name: Option<String>,
    /// Perhaps absent, never `null`.
    #[model(not_null, min = 1, max = 9, deprecated)]
    size: Option<u32>,
    #[model(not_null)]
    scope: Option<Scope>,
    #[model(not_null, deprecated)]
    grant: Option<Grant>,
    /// Absent, `null`, or a value: three states.
    #[model(min_len = 1, max_len = 3)]
    label: Option<Option<String>>,
    #[model(default = 250, min = 10, max = 1000)]
    limit: u32,
    #[model(default = "auto", charset = "a-z", min_len = 2, max_len = 6)]
    tag: String,
    #[model(default = true)]
    enabled: bool,
    #[model(default = -1.5, min = -2, max = 2)]
    ratio: f64,
    /// Absent, the default; `null`, `None`.
    #[model(default = 3, min = -3, max = 3)]
    retries: Option<i8>,
    #[model(default = "CLIENT_CREDENTIALS")]
    fallback: Grant,
    #[model(default = default_grants, max_len = 2)]
    grants: Vec<Grant>,
    #[model(skip)]
    cache: Option<u64>,
    #[model(skip, default = default_grants)]
    seen: Vec<Grant>,
}

fn a_presence() -> BoxedStrategy<Value> {
    // `null`: often where it reads as `None`, at times where it is refused.
    let or_null = |v: BoxedStrategy<Value>| prop_oneof![3 => v, 1 => Just(Value::Null)].boxed();
    let or_refused_null =
        |v: BoxedStrategy<Value>| prop_oneof![12 => v, 1 => Just(Value::Null)].boxed();
    let a_ratio = edge(
        prop_oneof![
            (-2.0f64..=2.0).prop_map(|f| json!(f)),
            prop::sample::select(vec![json!(-2), json!(2.0), json!(-1.5), json!(0)]),
        ]
        .boxed(),
        prop::sample::select(vec![json!(-2.0000001), json!(2.0000001), json!(-3)]).boxed(),
    );
    // Each member absent one time in four: `name` is then refused, any other read as its
    // default or `None`.
    an_object_with(
        0.75,
        vec![
            ("name", mostly(or_null(edge_string("abz", "A9 -", 1, 4)))),
            ("size", mostly(or_refused_null(edge_int(1, 9)))),
            ("scope", mostly(or_refused_null(a_scope()))),
            ("grant", mostly(or_refused_null(a_grant()))),
            ("label", mostly(or_null(edge_string("ab\u{E9}", "", 1, 3)))),
            ("limit", mostly(or_refused_null(edge_int(10, 1000)))),
            (
                "tag",
                mostly(or_refused_null(edge_string("auto", "A_1", 2, 6))),
            ),
            (
                "enabled",
                mostly(or_refused_null(any::<bool>().prop_map(Value::Bool).boxed())),
            ),
            ("ratio", mostly(or_refused_null(a_ratio))),
            ("retries", mostly(or_null(edge_int(-3, 3)))),
            ("fallback", mostly(or_refused_null(a_grant()))),
            (
                "grants",
                mostly(or_refused_null(a_list(mostly(a_grant()), edge_count(0, 2)))),
            ),
            // The `skip` fields' names: unknown members, taken and not read.
            ("cache", a_scalar().boxed()),
            ("seen", a_list(a_grant(), any_count(0, 3))),
        ],
    )
}

#[test]
fn presence_and_defaults_agree_with_their_schema() {
    let schema = Presence::json_schema();
    assert_eq!(schema["required"], json!(["name"]), "{schema:#}");
    assert_eq!(schema["title"], "Presence and defaults");
    assert_eq!(schema["deprecated"], true);
    for absent in ["cache", "seen"] {
        assert_eq!(schema["properties"].get(absent), None, "{schema:#}");
    }
    // Every member but `name` absent: each takes its default, which keeps its rules.
    let p: Presence = serde_json::from_str(r#"{"name": null}"#).unwrap();
    assert_eq!(
        (p.limit, p.tag.as_str(), p.enabled, p.ratio, p.retries),
        (250, "auto", true, -1.5, Some(3))
    );
    assert_eq!(
        (p.fallback, &p.grants),
        (Grant::ClientCredentials, &default_grants())
    );
    assert_eq!((p.cache, &p.seen), (None, &default_grants()));
    // The schema's `default`s, given as members, read as the values taken when absent.
    let mut doc = json!({"name": null});
    for (member, property) in schema["properties"].as_object().unwrap() {
        if let Some(default) = property.get("default") {
            doc[member] = default.clone();
        }
    }
    assert_eq!(
        serde_json::from_value::<Presence>(doc.clone()).unwrap(),
        p,
        "{doc}"
    );
    agree::<Presence>(a_presence(), 1500);
}

// ---------------------------------------------------------------------------------------------
// `serde_json::Value` and `Map` as field types, and a flattened map taking the members no
// field declares

/// Any JSON value and objects of any members, with count rules on what holds them, and a
/// flattened `Map` taking every other member, its names held to rules that no declared name
/// keeps (each is longer than two characters).
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct AnyValues {
    payload: Value,
    extra: Option<Value>,
    #[model(max_len = 2)]
    items: Vec<Value>,
    #[model(
        min_len = 1,
        max_len = 2,
        keys(charset = "a-z", min_len = 1, max_len = 3)
    )]
    claims: Map<String, Value>,
    #[model(max_len = 1)]
    more: Option<Map<String, Value>>,
    #[model(values(max_len = 1))]
    lists: BTreeMap<String, Vec<Value>>,
    #[model(flatten, keys(min_len = 1, max_len = 2))]
    rest: Map<String, Value>,
}

/// Declared fields, some optional, some with rules, beside a flattened map whose names'
/// rules each declared name breaks: `clientId`, `maxAge` and `isOn` hold a capital, and
/// `description` is too long. The Rust names `is_on` and `cache` (a `skip` field's) keep
/// them: members of the map.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Flattened {
    #[model(charset = "a-z0-9", min_len = 1, max_len = 4)]
    client_id: String,
    #[model(min = 1, max = 9)]
    max_age: Option<u8>,
    #[model(rename = "description", max_len = 3)]
    note: Option<String>,
    is_on: bool,
    #[model(skip)]
    cache: Option<u64>,
    #[model(
        flatten,
        keys(charset = "a-z_", max_len = 6),
        values(charset = "ab", min_len = 1, max_len = 2)
    )]
    rest: BTreeMap<String, String>,
}

/// The members of `object`, then those of `members` whose names it does not hold.
fn with_members(
    object: BoxedStrategy<Value>,
    members: BoxedStrategy<Value>,
) -> BoxedStrategy<Value> {
    (object, members)
        .prop_map(|(object, members)| match (object, members) {
            (Value::Object(mut object), Value::Object(members)) => {
                for (name, value) in members {
                    object.entry(name.to_owned()).or_insert(value);
                }
                Value::Object(object)
            }
            (object, _) => object,
        })
        .boxed()
}

fn some_any_values() -> BoxedStrategy<Value> {
    let or_null = |v: BoxedStrategy<Value>| prop_oneof![4 => v, 1 => Just(Value::Null)].boxed();
    let any_key = || edge_key("abz", 0, 3);
    let declared = an_object(vec![
        // Any value: only its absence is refused.
        ("payload", a_payload()),
        ("extra", a_payload()),
        ("items", mostly(a_list(a_payload(), edge_count(0, 2)))),
        (
            "claims",
            mostly(a_map(edge_key("az", 1, 3), a_payload(), edge_count(1, 2))),
        ),
        (
            "more",
            mostly(or_null(a_map(any_key(), a_payload(), edge_count(0, 1)))),
        ),
        (
            "lists",
            mostly(a_map(
                any_key(),
                mostly(a_list(a_payload(), edge_count(0, 1))),
                any_count(0, 2),
            )),
        ),
    ]);
    // Names for the flattened map: of one or two characters, or breaking a rule; and the
    // declared names with another case.
    let names = prop_oneof![
        8 => edge_key("az\u{E9}", 1, 2),
        1 => prop::sample::select(vec!["Payload", "extrA", "item", "claim", "lists "])
            .prop_map(str::to_owned),
    ]
    .boxed();
    with_members(declared, a_map(names, a_payload(), any_count(0, 2)))
}

fn a_flattened() -> BoxedStrategy<Value> {
    let or_null = |v: BoxedStrategy<Value>| prop_oneof![4 => v, 1 => Just(Value::Null)].boxed();
    let declared = an_object_with(
        0.9,
        vec![
            ("clientId", mostly(edge_string("az09", "A_-", 1, 4))),
            ("maxAge", mostly(or_null(edge_int(1, 9)))),
            ("description", mostly(or_null(edge_string("xyz", "", 0, 3)))),
            ("isOn", mostly(any::<bool>().prop_map(Value::Bool).boxed())),
        ],
    );
    // Names just inside and outside the names' rules; the Rust names of the fields (`is_on`
    // and `cache` keep the rules, `client_id` and `max_age` are too long); and names close to
    // the declared ones.
    let names = prop_oneof![
        10 => edge_key("abz_", 0, 6),
        1 => prop::sample::select(vec![
            "is_on",
            "cache",
            "client_id",
            "max_age",
            "clientid",
            "isOn_",
            "maxage",
            "descri",
        ])
        .prop_map(str::to_owned),
    ]
    .boxed();
    let values = mostly(edge_string("ab", "c", 1, 2));
    with_members(declared, a_map(names, values, any_count(0, 3)))
}

#[test]
fn any_values_agree_with_their_schema() {
    agree::<AnyValues>(some_any_values(), 800);
}

#[test]
fn a_flattened_map_agrees_with_its_schema() {
    let schema = Flattened::json_schema();
    assert_eq!(
        schema["propertyNames"]["anyOf"][0],
        json!({"enum": ["clientId", "maxAge", "description", "isOn"]}),
        "{schema:#}"
    );
    agree::<Flattened>(a_flattened(), 1000);
}

// ---------------------------------------------------------------------------------------------
// Enums with data: externally, internally and adjacently tagged, untagged and `one_of`
//
// The documents are written with their members sorted by name (a `Value`'s map), so the names
// are chosen to put a tag both before and after the members of its variant.

/// A short text, for the variants holding a struct model. Around `kind`, the tag of
/// [`Shape`]: `bigSize` sorts before it, `text` after it.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Memo {
    #[model(charset = "a-z ", min_len = 1, max_len = 5)]
    text: String,
    #[model(min = 1, max = 3)]
    big_size: Option<u8>,
}

/// Internally tagged: a struct variant and a variant holding a struct model, each with
/// members sorting on both sides of the tag, a renamed unit variant and a deprecated one.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
enum Shape {
    /// A circle.
    Circle {
        #[model(min = 0, max = 9)]
        radius: f64,
        #[model(rename = "color", charset = "a-z", max_len = 3)]
        colour: Option<String>,
        line_width: Option<u8>,
        caption: Option<Memo>,
    },
    Note(Memo),
    #[model(rename = "dot")]
    Point,
    #[model(deprecated)]
    Empty,
}

/// Externally tagged: unit variants (one renamed), newtype variants with rules and a
/// deprecated struct variant with rules.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "kebab-case", rename_all_fields = "SCREAMING_SNAKE_CASE")]
enum Event {
    Started,
    #[model(rename = "halt")]
    Stopped,
    Named(#[model(charset = "a-z", max_len = 3)] String),
    Counted(#[model(min = 1, max = 9)] u8),
    #[model(deprecated)]
    MovedTo {
        #[model(min = -5, max = 5)]
        x_pos: i32,
        #[model(min_len = 1, max_len = 2)]
        tags: Option<Vec<Grant>>,
    },
}

/// Adjacently tagged, the content's name sorting before the tag's.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(tag = "t", content = "c")]
enum Message {
    Ping,
    Text(#[model(max_len = 4)] String),
    Move {
        x: u8,
        #[model(min = -1, max = 1)]
        dy: Option<i8>,
    },
}

/// Adjacently tagged, the tag's name sorting before the content's; variants holding models.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(tag = "kind", content = "value", rename_all = "lowercase")]
enum Command {
    Stop,
    Wait(Ttl),
    Say(Memo),
}

/// Untagged: a number, a string, an object or `null`, each with its rules.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(untagged)]
enum Id {
    Number(#[model(min = 1, max = 99)] u64),
    Name(#[model(charset = "a-z", min_len = 1, max_len = 4)] String),
    Pair {
        a: u8,
        #[model(max = 5)]
        b: u8,
    },
    Nothing,
}

/// `one_of`: variants that overlap on some values (`0`, `2`, ..., `10`; `"b"`, `"bc"`, ...),
/// which are refused.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(one_of)]
enum Exact {
    Small(#[model(max = 10)] u32),
    Even(#[model(multiple_of = 2)] u32),
    Short(#[model(charset = "a-c", max_len = 2)] String),
    Letters(#[model(charset = "b-d", min_len = 2, max_len = 3)] String),
}

/// A member named `name` holding `tag` mostly, at times one of `near` (or, through `mostly`,
/// another JSON type); absent one time in twenty.
fn a_tag(
    name: &'static str,
    tag: &'static str,
    near: &'static [&'static str],
) -> BoxedStrategy<Value> {
    an_object_with(
        0.95,
        vec![(
            name,
            mostly(edge(
                Just(json!(tag)).boxed(),
                prop::sample::select(near).prop_map(|s| json!(s)).boxed(),
            )),
        )],
    )
}

fn or_null(v: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    prop_oneof![4 => v, 1 => Just(Value::Null)].boxed()
}

const NEAR_SHAPES: &[&str] = &[
    "Circle",
    "circle ",
    "point",
    "Point",
    "Dot",
    "",
    "square",
    "note\u{0}",
    "Empty",
];

fn a_memo() -> BoxedStrategy<Value> {
    with_members(
        an_object_with(
            0.9,
            vec![("text", mostly(edge_string("az ", "A_\u{E9}", 1, 5)))],
        ),
        an_object_with(0.5, vec![("bigSize", mostly(or_null(edge_int(1, 3))))]),
    )
}

fn circle_members() -> BoxedStrategy<Value> {
    // Those sorting after the tag, and, less often, those sorting before it.
    let after = an_object_with(
        0.85,
        vec![
            (
                "radius",
                mostly(edge(
                    prop_oneof![
                        (0.0f64..=9.0).prop_map(|f| json!(f)),
                        prop::sample::select(vec![json!(0), json!(9), json!(9.0), json!(-0.0)]),
                    ]
                    .boxed(),
                    prop::sample::select(vec![json!(-0.5), json!(9.5), json!(-1), json!(10)])
                        .boxed(),
                )),
            ),
            ("lineWidth", mostly(or_null(edge_int(0, 255)))),
        ],
    );
    let before = an_object_with(
        0.4,
        vec![
            ("color", mostly(or_null(edge_string("az", "A_", 0, 3)))),
            ("caption", mostly(or_null(a_memo()))),
        ],
    );
    with_members(after, before)
}

/// Each variant's members under its tag, at times under a tag close to it or none; and the
/// members of one variant under another's tag.
fn a_shape() -> BoxedStrategy<Value> {
    let tagged = |tag, members| with_members(a_tag("kind", tag, NEAR_SHAPES), members);
    let any_members = || prop_oneof![Just(json!({})), circle_members(), a_memo()].boxed();
    prop_oneof![
        4 => tagged("circle", circle_members()),
        4 => tagged("note", a_memo()),
        1 => tagged("dot", any_members()),
        1 => tagged("empty", any_members()),
        2 => with_members(
            prop::sample::select(vec!["circle", "note", "dot", "empty"])
                .prop_map(|t| json!({ "kind": t }))
                .boxed(),
            any_members(),
        ),
    ]
    .boxed()
}

const NEAR_EVENTS: &[&str] = &[
    "stopped", "Started", "started ", "named", "counted", "moved-to", "movedTo", "moved_to",
    "MOVED_TO", "halt", "", "Halt",
];

/// An object of one member, `tag` (at times a name close to it) holding `content`; at times
/// with another member.
fn a_one_member_object(tag: &'static str, content: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    let name = prop_oneof![
        12 => Just(tag),
        1 => prop::sample::select(NEAR_EVENTS),
    ];
    let other = prop::option::weighted(
        0.05,
        (
            prop::sample::select(vec!["named", "counted", "started", "X_POS", "other"]),
            a_scalar(),
        ),
    );
    (name, content, other)
        .prop_map(|(name, content, other)| {
            let mut object = Map::new();
            object.insert(name.to_owned(), content);
            if let Some((name, value)) = other {
                object.entry(name.to_owned()).or_insert(value);
            }
            Value::Object(object)
        })
        .boxed()
}

fn an_event() -> BoxedStrategy<Value> {
    let moved = an_object_with(
        0.9,
        vec![
            ("X_POS", mostly(edge_int(-5, 5))),
            (
                "TAGS",
                mostly(or_null(a_list(mostly(a_grant()), edge_count(1, 2)))),
            ),
        ],
    );
    prop_oneof![
        3 => edge(
            prop::sample::select(vec!["started", "halt"]).prop_map(|s| json!(s)).boxed(),
            prop::sample::select(NEAR_EVENTS).prop_map(|s| json!(s)).boxed(),
        ),
        3 => a_one_member_object("named", mostly(edge_string("az", "A1 ", 0, 3))),
        3 => a_one_member_object("counted", mostly(edge_int(1, 9))),
        4 => a_one_member_object("moved-to", mostly(moved)),
        // A unit variant's tag as a member, always refused.
        1 => a_one_member_object("started", a_scalar().boxed()),
        1 => Just(json!({})),
    ]
    .boxed()
}

const NEAR_MESSAGES: &[&str] = &["ping", "PING", "text", "Text ", "move", "Pong", ""];

/// Each variant's content under its tag; for the unit variant, at times a content.
fn a_message() -> BoxedStrategy<Value> {
    let tagged = |tag, content| with_members(a_tag("t", tag, NEAR_MESSAGES), content);
    let content = |c: BoxedStrategy<Value>| an_object_with(0.92, vec![("c", c)]);
    let moved = an_object_with(
        0.9,
        vec![
            ("x", mostly(edge_int(0, 255))),
            ("dy", mostly(or_null(edge_int(-1, 1)))),
        ],
    );
    prop_oneof![
        2 => tagged("Ping", an_object_with(0.3, vec![("c", a_scalar().boxed())])),
        3 => tagged("Text", content(mostly(edge_string("ab\u{E9}\u{1F600}", "", 0, 4)))),
        3 => tagged("Move", content(mostly(moved.clone()))),
        1 => with_members(
            prop::sample::select(vec!["Ping", "Text", "Move"])
                .prop_map(|t| json!({ "t": t }))
                .boxed(),
            content(prop_oneof![moved, a_string()].boxed()),
        ),
    ]
    .boxed()
}

const NEAR_COMMANDS: &[&str] = &["Stop", "STOP", "wait ", "", "say\u{0}", "speak"];

fn a_command() -> BoxedStrategy<Value> {
    let tagged = |tag, content| with_members(a_tag("kind", tag, NEAR_COMMANDS), content);
    let value = |v: BoxedStrategy<Value>| an_object_with(0.92, vec![("value", v)]);
    prop_oneof![
        2 => tagged("stop", an_object_with(0.3, vec![("value", a_scalar().boxed())])),
        3 => tagged("wait", value(mostly(a_ttl()))),
        3 => tagged("say", value(mostly(a_memo()))),
        1 => with_members(
            prop::sample::select(vec!["stop", "wait", "say"])
                .prop_map(|t| json!({ "kind": t }))
                .boxed(),
            value(prop_oneof![a_memo(), a_ttl()].boxed()),
        ),
    ]
    .boxed()
}

fn an_id() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => edge(
            prop_oneof![valid_int(1, 99), Just(json!(5.0))].boxed(),
            prop::sample::select(vec![json!(0), json!(100), json!(-1), json!(1.5), json!(0.0)])
                .boxed(),
        ),
        3 => edge_string("az", "A1 \u{E9}", 1, 4),
        3 => an_object_with(
            0.9,
            vec![
                ("a", mostly(edge_int(0, 255))),
                ("b", mostly(edge_int(0, 5))),
            ],
        ),
        1 => Just(Value::Null),
    ]
    .boxed()
}

fn an_exact() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => (0u32..=24).prop_map(|n| json!(n)),
        1 => prop::sample::select(vec![
            json!(-2),
            json!(-1),
            json!(3.5),
            json!(4.0),
            json!(11.0),
            json!(12.0),
            json!(4294967294u64),
            json!(4294967295u64),
            json!(4294967296u64),
            json!(4294967297u64),
        ]),
        3 => valid_string("abcd", 0, 4),
    ]
    .boxed()
}

/// How many of `count` documents of `strategy` have `tag` as their first member, and how
/// many have it after another.
fn tag_positions(strategy: &BoxedStrategy<Value>, tag: &str, count: usize) -> (usize, usize) {
    let mut runner = TestRunner::deterministic();
    let (mut first, mut later) = (0, 0);
    for _ in 0..count {
        if let Value::Object(members) = strategy.new_tree(&mut runner).unwrap().current() {
            match members.keys().position(|name| name == tag) {
                Some(0) => first += 1,
                Some(_) => later += 1,
                None => {}
            }
        }
    }
    (first, later)
}

#[test]
fn an_internally_tagged_enum_agrees_with_its_schema() {
    let schema = Shape::json_schema();
    assert_eq!(
        schema["oneOf"][1]["allOf"],
        json!([{"$ref": "#/$defs/Memo"}]),
        "{schema:#}"
    );
    assert_eq!(
        schema["oneOf"][2]["properties"]["kind"],
        json!({"const": "dot"})
    );
    assert_eq!(schema["oneOf"][3]["deprecated"], true);
    // The tag is read both before the variant's members and after them, for the struct
    // variant and for the variant holding a model.
    for (tag, members) in [("circle", circle_members()), ("note", a_memo())] {
        let docs = with_members(Just(json!({ "kind": tag })).boxed(), members);
        let (first, later) = tag_positions(&docs, "kind", 400);
        assert!(
            first > 80 && later > 80,
            "{tag}: {first} first, {later} later"
        );
    }
    agree::<Shape>(a_shape(), 1500);
}

#[test]
fn an_externally_tagged_enum_agrees_with_its_schema() {
    let schema = Event::json_schema();
    assert_eq!(
        schema["oneOf"][0],
        json!({"type": "string", "enum": ["started", "halt"]}),
        "{schema:#}"
    );
    agree::<Event>(an_event(), 1200);
}

#[test]
fn adjacently_tagged_enums_agree_with_their_schemas() {
    // `c` sorts before `t`, `kind` before `value`.
    agree::<Message>(a_message(), 1000);
    agree::<Command>(a_command(), 1500);
}

#[test]
fn an_untagged_enum_agrees_with_its_schema() {
    assert_eq!(Id::json_schema()["anyOf"].as_array().unwrap().len(), 4);
    agree::<Id>(an_id(), 800);
}

#[test]
fn a_one_of_enum_agrees_with_its_schema() {
    assert_eq!(Exact::json_schema()["oneOf"].as_array().unwrap().len(), 4);
    agree::<Exact>(an_exact(), 800);
}

// ---------------------------------------------------------------------------------------------
// Flattened struct models: their members sit beside the struct's own
//
// The documents are written with their members sorted by name, so the names interleave: the
// struct's (`level`, `name`), `Origin`'s (`code`, `enabled`, `parent`, `weight`) and
// `Quota`'s (`burst`, `perDay`, `unit`).

/// A flattened model: a required string with a charset and a length, an optional bounded
/// float, a required flag and an optional nested model (whose schema is a `$ref`).
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Origin {
    #[model(charset = "a-z0-9", min_len = 2, max_len = 5)]
    code: String,
    #[model(min = -2.5, max = 2.5)]
    weight: Option<f64>,
    enabled: bool,
    parent: Option<Scope>,
}

/// A flattened model that refuses unknown fields itself (which says nothing of the members
/// of the struct flattening it): a required string with a charset and a length, an optional
/// bounded integer and a required bounded one.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
struct Quota {
    #[model(charset = "A-Z_", min_len = 1, max_len = 3)]
    unit: String,
    #[model(min = 1, max = 50)]
    per_day: Option<u16>,
    #[model(max = 9)]
    burst: u8,
}

/// Declared fields with rules beside two flattened models; a member none of them declares is
/// skipped.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Layered {
    #[model(charset = "a-z", min_len = 1, max_len = 4)]
    name: String,
    #[model(min = 1, max = 9)]
    level: Option<u8>,
    #[model(flatten)]
    origin: Origin,
    #[model(flatten)]
    quota: Quota,
}

/// [`Layered`] under `deny_unknown_fields`: a member none of them declares is refused.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
struct LayeredStrict {
    #[model(charset = "a-z", min_len = 1, max_len = 4)]
    name: String,
    #[model(min = 1, max = 9)]
    level: Option<u8>,
    #[model(flatten)]
    origin: Origin,
    #[model(flatten)]
    quota: Quota,
}

/// Names no field of [`Layered`] declares: the Rust names of the flattened fields, the Rust
/// name of a renamed member, the declared names with another case or a space, a member of
/// the nested [`Scope`].
const NEAR_LAYERED: &[&str] = &[
    "origin", "quota", "per_day", "perday", "Code", "Name", "unit ", "maxAge", "other",
];

/// The members of [`Origin`], each at times absent or wrong.
fn origin_members() -> BoxedStrategy<Value> {
    an_object_with(
        0.9,
        vec![
            ("code", mostly(edge_string("az09", "A_-\u{E9}", 2, 5))),
            (
                "weight",
                mostly(or_null(edge(
                    prop_oneof![
                        (-2.5f64..=2.5).prop_map(|f| json!(f)),
                        prop::sample::select(vec![json!(2.5), json!(-2.5), json!(-2), json!(0)]),
                    ]
                    .boxed(),
                    prop::sample::select(vec![json!(2.5000001), json!(-2.5000001), json!(3)])
                        .boxed(),
                ))),
            ),
            ("enabled", mostly(any::<bool>().prop_map(Value::Bool))),
            ("parent", mostly(or_null(a_scope()))),
        ],
    )
}

/// The members of [`Quota`], each at times absent or wrong.
fn quota_members() -> BoxedStrategy<Value> {
    an_object_with(
        0.9,
        vec![
            ("unit", mostly(edge_string("AZ_", "a9-\u{C9}", 1, 3))),
            (
                "perDay",
                mostly(or_null(
                    prop_oneof![
                        4 => edge_int(1, 50),
                        1 => edge_of(
                            vec![json!(1.0), json!(50.0)],
                            vec![json!(0.0), json!(50.5), json!(1e30)],
                        ),
                    ]
                    .boxed(),
                )),
            ),
            (
                "burst",
                mostly(prop_oneof![
                    4 => edge_int(0, 9),
                    1 => edge_of(
                        vec![json!(0.0), json!(-0.0), json!(9.0)],
                        vec![json!(-0.5), json!(9.5), json!(10.0), json!(18446744073709551616.0)],
                    ),
                ]),
            ),
        ],
    )
}

/// The struct's own members, then those of both models, then at times members none of them
/// declares.
fn a_layered() -> BoxedStrategy<Value> {
    let own = an_object_with(
        0.9,
        vec![
            ("name", mostly(edge_string("az", "A9 _", 1, 4))),
            ("level", mostly(or_null(edge_int(1, 9)))),
        ],
    );
    let unknown = prop_oneof![
        4 => Just(json!({})).boxed(),
        1 => a_map(
            prop::sample::select(NEAR_LAYERED).prop_map(str::to_owned).boxed(),
            a_scalar().boxed(),
            any_count(1, 2),
        ),
    ]
    .boxed();
    with_members(
        with_members(with_members(own, origin_members()), quota_members()),
        unknown,
    )
}

#[test]
fn flattened_models_agree_with_their_schema() {
    let schema = Layered::json_schema();
    assert_eq!(
        schema["required"],
        json!(["name", "code", "enabled", "unit", "burst"]),
        "{schema:#}"
    );
    assert_eq!(schema.get("additionalProperties"), None);
    agree::<Layered>(a_layered(), 1500);
}

#[test]
fn flattened_models_under_deny_unknown_fields_agree_with_their_schema() {
    let schema = LayeredStrict::json_schema();
    assert_eq!(schema["properties"], Layered::json_schema()["properties"]);
    assert_eq!(schema["additionalProperties"], false, "{schema:#}");
    agree::<LayeredStrict>(a_layered(), 1500);
}

// ---------------------------------------------------------------------------------------------
// Presence rules: `required_one_of`, `required_any_of` and `requires`

/// Each presence rule, over members that refuse `null` (`not_null`) and members whose `null`
/// is present (`Option<Option<T>>`), beside rules of the members' own and a member no rule
/// names.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    rename_all = "camelCase",
    required_one_of(id, (name, uri)),
    required_any_of(email, phone)
)]
struct Contact {
    #[model(not_null, charset = "a-z", min_len = 1, max_len = 3)]
    id: Option<String>,
    #[model(not_null, max_len = 3)]
    name: Option<String>,
    #[model(max_len = 3)]
    uri: Option<Option<String>>,
    #[model(not_null)]
    email: Option<String>,
    #[model(min = 1, max = 9)]
    phone: Option<Option<u8>>,
    #[model(not_null, requires(name, email))]
    logo: Option<String>,
    #[model(requires(uri))]
    note: Option<Option<bool>>,
    extra: Option<u8>,
}

/// A struct with presence rules of its own flattening [`Contact`]: both hold.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(required_any_of(label, code))]
struct Card {
    #[model(not_null, max_len = 2)]
    label: Option<String>,
    #[model(not_null, requires(level))]
    code: Option<u8>,
    level: Option<Option<u8>>,
    #[model(flatten)]
    contact: Contact,
}

/// The members of [`Contact`], each absent nearly half the time, at times `null` (refused
/// where the member is `not_null`) or breaking its own rule.
fn contact_members() -> BoxedStrategy<Value> {
    let refused_null =
        |v: BoxedStrategy<Value>| prop_oneof![12 => v, 1 => Just(Value::Null)].boxed();
    an_object_with(
        0.55,
        vec![
            ("id", mostly(refused_null(edge_string("az", "A9", 1, 3)))),
            ("name", mostly(refused_null(edge_string("ab", "", 0, 3)))),
            ("uri", mostly(or_null(edge_string("u", "", 0, 3)))),
            ("email", mostly(refused_null(valid_string("x@", 1, 3)))),
            ("phone", mostly(or_null(edge_int(1, 9)))),
            ("logo", mostly(refused_null(valid_string("l", 0, 2)))),
            (
                "note",
                mostly(or_null(any::<bool>().prop_map(Value::Bool).boxed())),
            ),
            ("extra", mostly(or_null(valid_int(0, 255)))),
        ],
    )
}

fn a_card() -> BoxedStrategy<Value> {
    let own = an_object_with(
        0.8,
        vec![
            ("label", mostly(edge_string("ab", "", 0, 2))),
            ("code", mostly(valid_int(0, 255))),
            ("level", mostly(or_null(valid_int(0, 255)))),
        ],
    );
    with_members(own, contact_members())
}

#[test]
fn presence_rules_agree_with_their_schema() {
    let schema = Contact::json_schema();
    assert_eq!(
        schema["dependentRequired"],
        json!({"logo": ["name", "email"], "note": ["uri"]}),
        "{schema:#}"
    );
    assert_eq!(
        schema["allOf"],
        json!([
            {"oneOf": [{"required": ["id"]}, {"required": ["name", "uri"]}]},
            {"anyOf": [{"required": ["email"]}, {"required": ["phone"]}]},
        ])
    );
    agree::<Contact>(contact_members(), 2000);
}

#[test]
fn presence_rules_of_a_flattened_model_agree_with_their_schema() {
    let schema = Card::json_schema();
    assert_eq!(
        schema["dependentRequired"],
        json!({"code": ["level"], "logo": ["name", "email"], "note": ["uri"]}),
        "{schema:#}"
    );
    assert_eq!(
        schema["allOf"].as_array().map(Vec::len),
        Some(3),
        "{schema:#}"
    );
    agree::<Card>(a_card(), 2000);
}

// ---------------------------------------------------------------------------------------------
// Rules on the object as a whole: `not_all_of`, `min_members`, `max_members` and `forbid`

/// Never a card and an account together (a `null` account is one given), beside a
/// `required_any_of`; 2 to 4 members; `password` and `a/b` forbidden. Each member keeps its
/// `null` (or refuses it), and the documents hold no unknown member: what is read is what the
/// value holds, so what it writes is counted as the document was. (A `null` that an
/// `Option<T>` reads as `None`, or an unknown member skipped, is counted while reading but
/// not held: `max_members` below sees them.)
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    rename_all = "camelCase",
    not_all_of(card, account),
    required_any_of(card, account, note),
    min_members = 2,
    max_members = 4,
    forbid("password", "a/b")
)]
struct Checkout {
    #[model(not_null, max_len = 3)]
    card: Option<String>,
    account: Option<Option<String>>,
    #[model(not_null)]
    note: Option<String>,
    #[model(min = 1, max = 9)]
    amount: Option<Option<u8>>,
    tip: Option<Option<u8>>,
    #[model(not_null)]
    memo: Option<bool>,
}

/// `not_all_of` of three alone, and `max_members` beside a flattened map, whose names the
/// declared ones break (so that the schema's list of them is reached), and which a forbidden
/// name does not reach.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(not_all_of(a, b, c), max_members = 3, forbid("token"))]
struct Tagged {
    #[model(not_null, rename = "A")]
    a: Option<u8>,
    #[model(rename = "B")]
    b: Option<Option<u8>>,
    #[model(not_null, rename = "C")]
    c: Option<u8>,
    #[model(flatten, keys(charset = "a-z", max_len = 5), values(max = 5))]
    tags: BTreeMap<String, u8>,
}

/// An open struct of at most 2 members: unknown members and `null`s are counted.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(max_members = 2)]
struct Few {
    a: Option<u8>,
    b: Option<bool>,
    #[model(not_null)]
    c: Option<u8>,
}

/// The members of [`Checkout`], each there about half the time, and now and then a forbidden
/// one: from none to eight members.
fn a_checkout() -> BoxedStrategy<Value> {
    let refused_null =
        |v: BoxedStrategy<Value>| prop_oneof![12 => v, 1 => Just(Value::Null)].boxed();
    let declared: Vec<_> = vec![
        ("card", mostly(refused_null(edge_string("c", "", 0, 3)))),
        ("account", mostly(or_null(valid_string("a", 1, 2)))),
        ("note", mostly(refused_null(valid_string("n", 0, 2)))),
        ("amount", mostly(or_null(edge_int(1, 9)))),
        ("tip", mostly(or_null(valid_int(0, 255)))),
        ("memo", mostly(any::<bool>().prop_map(Value::Bool))),
    ]
    .into_iter()
    .map(|(name, value)| prop::option::weighted(0.5, value).prop_map(move |v| (name, v)))
    .collect();
    let forbidden: Vec<_> = ["password", "a/b"]
        .into_iter()
        .map(|name| prop::option::weighted(0.06, a_scalar()).prop_map(move |v| (name, v)))
        .collect();
    (declared, forbidden)
        .prop_map(|(declared, forbidden)| {
            let members = declared.into_iter().chain(forbidden);
            let object = members.filter_map(|(name, v)| Some((name.to_owned(), v?)));
            Value::Object(object.collect())
        })
        .boxed()
}

fn a_tagged() -> BoxedStrategy<Value> {
    let declared = an_object_with(
        0.6,
        vec![
            ("A", mostly(valid_int(0, 255))),
            ("B", mostly(or_null(valid_int(0, 255)))),
            ("C", mostly(valid_int(0, 255))),
        ],
    );
    let name = prop_oneof![
        4 => edge_key("az", 1, 5),
        1 => Just("token".to_owned()),
    ]
    .boxed();
    let tags = a_map(name, mostly(edge_int(0, 5)), any_count(0, 2));
    with_members(declared, tags)
}

fn some_few() -> BoxedStrategy<Value> {
    let declared = an_object_with(
        0.5,
        vec![
            ("a", mostly(or_null(valid_int(0, 255)))),
            (
                "b",
                mostly(or_null(any::<bool>().prop_map(Value::Bool).boxed())),
            ),
            ("c", mostly(valid_int(0, 255))),
        ],
    );
    let unknown = an_object_with(
        0.2,
        vec![("x", a_scalar().boxed()), ("y", a_scalar().boxed())],
    );
    with_members(declared, unknown)
}

#[test]
fn not_all_of_and_member_rules_agree_with_their_schema() {
    let schema = Checkout::json_schema();
    assert_eq!(
        schema["allOf"][0],
        json!({"not": {"required": ["card", "account"]}}),
        "{schema:#}"
    );
    assert_eq!(schema["properties"]["a/b"], false);
    assert_eq!(
        (&schema["minProperties"], &schema["maxProperties"]),
        (&json!(2), &json!(4))
    );
    agree::<Checkout>(a_checkout(), 2500);
}

#[test]
fn member_rules_beside_a_flattened_map_agree_with_their_schema() {
    let schema = Tagged::json_schema();
    assert_eq!(schema["not"], json!({"required": ["A", "B", "C"]}));
    assert_eq!(schema["properties"]["token"], false, "{schema:#}");
    agree::<Tagged>(a_tagged(), 2500);
}

#[test]
fn max_members_counts_nulls_and_unknown_members_as_the_schema_does() {
    assert_eq!(Few::json_schema()["maxProperties"], 2);
    agree::<Few>(some_few(), 2000);
}

// ---------------------------------------------------------------------------------------------
// `when`: a presence rule on a member's value (JSON Schema's `if` / `then`)

/// An `a` needs `x` and `y`; a `b` or a `c` has no `x`; at level 2 or 7 never both `y` and
/// `z` (numbers by value: a level of `2.0` is 2, and `7` is the `7.0` written); `on: true` needs `z`; a `wide` mode has no `y`. Beside a
/// `required_any_of`, in the order written. The conditions' members are of several kinds, each
/// read into an `Option` that reads `null` as `None`: a string, an integer, a boolean, a
/// string enum.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    when(kind = "a", required(x, y)),
    when(kind = "b" | "c", not_all(x)),
    required_any_of(x, z),
    when(level = 2 | 7.0, not_all(y, z)),
    when(on = true, required(z)),
    when(mode = "wide", not_all(y))
)]
struct Route {
    #[model(max_len = 1)]
    kind: Option<String>,
    #[model(not_null)]
    x: Option<u8>,
    y: Option<Option<bool>>,
    #[model(not_null, max_len = 2)]
    z: Option<String>,
    #[model(max = 9)]
    level: Option<u8>,
    on: Option<bool>,
    mode: Option<RouteMode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Model)]
#[model(rename_all = "lowercase")]
enum RouteMode {
    Wide,
    Narrow,
}

/// `when` alone: its `if` / `then` sit on the object, and a `not_all` there refuses what is
/// not an object without `type` (which the mutants leave).
#[derive(Debug, Clone, PartialEq, Model)]
#[model(when(kind = "b", not_all(x)))]
struct RouteAlone {
    kind: Option<String>,
    #[model(not_null)]
    x: Option<u8>,
}

/// The members of [`Route`], each there about two times in three, with values that meet each
/// condition and values that do not, `null`s, and values that break their member's own rule.
fn a_route() -> BoxedStrategy<Value> {
    let values = |v: Vec<Value>| prop::sample::select(v).boxed();
    an_object_with(
        0.65,
        vec![
            (
                "kind",
                values(vec![
                    json!("a"),
                    json!("a"),
                    json!("b"),
                    json!("c"),
                    json!("d"),
                    json!(""),
                    json!("aa"),
                    Value::Null,
                    json!(1),
                ]),
            ),
            (
                "x",
                mostly(prop_oneof![12 => valid_int(0, 255), 1 => Just(Value::Null)].boxed()),
            ),
            (
                "y",
                mostly(or_null(any::<bool>().prop_map(Value::Bool).boxed())),
            ),
            (
                "z",
                mostly(
                    prop_oneof![12 => edge_string("z", "", 0, 2), 1 => Just(Value::Null)].boxed(),
                ),
            ),
            (
                "level",
                values(vec![
                    json!(2),
                    json!(2.0),
                    json!(7),
                    json!(7.0),
                    json!(1),
                    json!(9),
                    json!(10),
                    json!(2.5),
                    json!(-1),
                    Value::Null,
                ]),
            ),
            (
                "on",
                mostly(or_null(any::<bool>().prop_map(Value::Bool).boxed())),
            ),
            (
                "mode",
                values(vec![
                    json!("wide"),
                    json!("narrow"),
                    json!("Wide"),
                    Value::Null,
                ]),
            ),
        ],
    )
}

fn a_route_alone() -> BoxedStrategy<Value> {
    an_object_with(
        0.6,
        vec![
            (
                "kind",
                prop::sample::select(vec![json!("a"), json!("b"), Value::Null]).boxed(),
            ),
            ("x", mostly(edge_int(0, 255))),
        ],
    )
}

#[test]
fn when_agrees_with_its_schema() {
    let schema = Route::json_schema();
    assert_eq!(
        schema["allOf"][3],
        json!({
            "if": {"properties": {"level": {"enum": [2, 7.0]}}, "required": ["level"]},
            "then": {"not": {"required": ["y", "z"]}},
        }),
        "{schema:#}"
    );
    agree::<Route>(a_route(), 3000);
    assert_eq!(
        RouteAlone::json_schema()["then"],
        json!({"not": {"required": ["x"]}})
    );
    agree::<RouteAlone>(a_route_alone(), 1000);
}

// ---------------------------------------------------------------------------------------------
// `()`: a value that is always `null`

/// A value cleared on purpose, as a type of its own.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(read_only)]
struct Cleared(());

/// A short label, or `null` for none.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(untagged)]
enum NullableLabel {
    Text(#[model(max_len = 2)] String),
    Cleared(()),
}

/// `()` alone and under each wrapper, in a newtype and a variant, beside a member of another
/// type.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Nulls {
    always: (),
    maybe: Option<()>,
    #[model(default)]
    or_absent: (),
    #[model(min_len = 1, max_len = 2, items(title = "A null"))]
    list: Vec<()>,
    #[model(max_len = 2)]
    by_name: BTreeMap<String, ()>,
    boxed: Box<()>,
    patch: Option<Option<()>>,
    cleared: Cleared,
    label: NullableLabel,
    #[model(max = 3)]
    count: u8,
}

/// Mostly `null`, at times a value of another type.
fn a_null() -> BoxedStrategy<Value> {
    mostly(Just(Value::Null))
}

fn some_nulls() -> BoxedStrategy<Value> {
    let name = prop::sample::select(vec!["a", "b", "c", "d", "e", "f"])
        .prop_map(str::to_owned)
        .boxed();
    an_object_with(
        0.9,
        vec![
            ("always", a_null()),
            ("maybe", a_null()),
            ("orAbsent", a_null()),
            ("list", mostly(a_list(a_null(), edge_count(1, 2)))),
            ("byName", mostly(a_map(name, a_null(), edge_count(0, 2)))),
            ("boxed", a_null()),
            ("patch", a_null()),
            ("cleared", a_null()),
            (
                "label",
                mostly(prop_oneof![Just(Value::Null), edge_string("ab", "", 0, 2)]),
            ),
            ("count", mostly(edge_int(0, 3))),
        ],
    )
}

#[test]
fn null_values_agree_with_their_schema() {
    let schema = Nulls::json_schema();
    let p = &schema["properties"];
    for name in ["always", "maybe", "orAbsent", "boxed", "patch"] {
        assert_eq!(p[name]["type"], "null", "{name}: {schema:#}");
    }
    assert_eq!(
        schema["$defs"]["Cleared"],
        json!({
            "title": "Cleared",
            "description": "A value cleared on purpose, as a type of its own.",
            "type": "null",
            "readOnly": true
        })
    );
    assert_eq!(
        schema["$defs"]["NullableLabel"]["anyOf"],
        json!([{"type": "string", "maxLength": 2}, {"type": "null"}])
    );
    agree::<Nulls>(some_nulls(), 2500);
}
