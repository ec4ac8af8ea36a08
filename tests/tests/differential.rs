//! The derive's verdict against an independent JSON Schema validator's verdict on the derive's
//! own schema, over generated documents around every constraint: the Rust code accepts exactly
//! what the schema promises, no more and no less.

use authlete_models::{ApiServiceIdClientSecretUpdateClientIdentifie, Model, Secret};
use std::cell::Cell;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
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
    #[model(secret, charset = "A-Za-z0-9\\-_", min_len = 1, max_len = 8)]
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

fn an_array(item: BoxedStrategy<Value>, min: usize, max: usize) -> BoxedStrategy<Value> {
    prop::collection::vec(item, min..=max)
        .prop_map(Value::Array)
        .boxed()
}

/// An object with `fields` (each rarely absent) and at times an unknown member.
fn an_object(fields: Vec<(&'static str, BoxedStrategy<Value>)>) -> BoxedStrategy<Value> {
    let members: Vec<_> = fields
        .into_iter()
        .map(|(name, value)| prop::option::weighted(0.97, value).prop_map(move |v| (name, v)))
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
        ("name", mostly(valid_string(SCOPE_CHARS, 1, 12))),
        (
            "maxAge",
            mostly(prop_oneof![valid_int(0, 86400), Just(Value::Null)]),
        ),
    ])
}

fn a_client_secret_request() -> BoxedStrategy<Value> {
    let base64url = "ABCXYZabcxyz0189-_";
    prop_oneof![
        9 => an_object(vec![("clientSecret", mostly(prop_oneof![
            valid_string(base64url, 1, 86),
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
            mostly(prop_oneof![valid_int(1, i64::MAX), Just(json!(u64::MAX))]),
        ),
        ("secret", mostly(valid_string(SECRET_CHARS, 1, 8))),
        (
            "label",
            mostly(prop_oneof![
                valid_string(LABEL_CHARS, 0, 5),
                Just(Value::Null)
            ]),
        ),
        ("scopes", mostly(an_array(a_scope(), 1, 3))),
        (
            "tags",
            mostly(an_array(mostly(valid_string("az", 0, 4)), 0, 2)),
        ),
        (
            "ratio",
            mostly(prop_oneof![
                (-1.5f64..=1.5).prop_map(|f| json!(f)),
                Just(json!(1.5)),
                Just(json!(-1))
            ]),
        ),
        (
            "offsets",
            mostly(prop_oneof![
                an_array(mostly(valid_int(-3, 3)), 0, 3),
                Just(Value::Null)
            ]),
        ),
        ("enabled", mostly(any::<bool>().prop_map(Value::Bool))),
        ("retries", mostly(valid_int(0, 5))),
        ("parent", mostly(prop_oneof![a_scope(), Just(Value::Null)])),
        ("note", mostly(valid_string("abc", 0, 3))),
    ])
}

/// Runs `cases` generated documents through the derive and through `jsonschema`.
fn agree<T: Model + PartialEq + std::fmt::Debug>(strategy: BoxedStrategy<Value>, cases: u32) {
    let schema = T::json_schema();
    let validator = jsonschema::validator_for(&schema).expect("the derived schema compiles");
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let (accepted, refused) = (Cell::new(0u32), Cell::new(0u32));
    runner
        .run(&strategy, |doc| {
            let text = serde_json::to_string(&doc).unwrap();
            let from_text = serde_json::from_str::<T>(&text);
            let from_value = serde_json::from_value::<T>(doc.clone());
            let schema_says = validator.is_valid(&doc);
            prop_assert_eq!(
                from_text.is_ok(),
                schema_says,
                "derive: {:?}\nschema: {}\ndocument: {}",
                from_text.as_ref().err().map(ToString::to_string),
                schema_says,
                text
            );
            prop_assert_eq!(from_value.is_ok(), schema_says, "from_value on {}", text);
            if let Ok(value) = from_text {
                accepted.set(accepted.get() + 1);
                prop_assert!(value.validate().is_ok(), "accepted but invalid: {}", text);
                let written = serde_json::to_value(&value).unwrap();
                prop_assert!(
                    validator.is_valid(&written),
                    "writes what the schema refuses: {}",
                    written
                );
                let again: T = serde_json::from_value(written).unwrap();
                prop_assert_eq!(again, value);
            } else {
                refused.set(refused.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    // The generator must exercise both verdicts, or agreement proves little.
    let (accepted, refused) = (accepted.get(), refused.get());
    assert!(
        accepted * 20 > cases && refused * 20 > cases,
        "accepted {accepted}, refused {refused} of {cases}"
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
