//! Random JSON documents close to a JSON Schema, for the generator's tests: mostly what the
//! schema's rules allow (as read here), at times one step past a rule, a missing or unknown
//! member, or a value of another JSON type. A validator is the judge of each document; this
//! only aims near the edges.

use proptest::prelude::*;
use proptest::strategy::Union;
use serde_json::{Map, Value, json};

/// Characters to build strings of: letters, digits, punctuation that patterns allow or refuse,
/// non-ASCII letters and one above the BMP.
const CHARS: &[char] = &[
    'a', 'z', 'A', 'Z', '0', '9', '-', '_', '.', ' ', '~', '/', 'é', 'É', '😀', '+', '"', '\\',
];

type Lengths = std::ops::RangeInclusive<usize>;

/// Makes documents near the schemas of `root` (which holds the `$defs` they reference).
pub struct Near {
    root: Value,
    /// Whether a document may hold `null` where its schema does not name it.
    nulls: bool,
}

impl Near {
    pub fn new(root: &Value, nulls: bool) -> Near {
        Near {
            root: root.clone(),
            nulls,
        }
    }

    /// Documents near `schema`, following `$ref`s `depth` deep.
    pub fn of(&self, schema: &Value, depth: u32) -> BoxedStrategy<Value> {
        prop_oneof![40 => self.inner(schema, depth), 1 => self.anything()].boxed()
    }

    /// Any small JSON value (without `null` unless `nulls`).
    fn anything(&self) -> BoxedStrategy<Value> {
        let mut leaves = vec![
            any::<bool>().prop_map(Value::from).boxed(),
            (-3i64..=3).prop_map(Value::from).boxed(),
            Just(json!(1.5)).boxed(),
            text(CHARS.to_vec(), 0..=3).prop_map(Value::String).boxed(),
        ];
        if self.nulls {
            leaves.push(Just(Value::Null).boxed());
        }
        Union::new(leaves)
            .prop_recursive(2, 6, 3, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
                    prop::collection::vec((text(vec!['a', 'b'], 0..=2), inner), 0..3)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
            .boxed()
    }

    fn inner(&self, schema: &Value, depth: u32) -> BoxedStrategy<Value> {
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let name = r.strip_prefix("#/$defs/").expect("a reference to $defs");
            if depth == 0 {
                return Just(json!({})).boxed();
            }
            let target = self.root["$defs"][name].clone();
            return self.inner(&target, depth - 1);
        }
        // Beside `properties`, `oneOf`/`anyOf` are presence rules (lists of `required`): the
        // members, each present or not, reach both sides of them.
        if let Some(Value::Array(options)) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .filter(|_| schema.get("properties").is_none())
        {
            let options: Vec<_> = options.iter().map(|o| self.of(o, depth)).collect();
            return Union::new(options).boxed();
        }
        if let Some(Value::Array(values)) = schema.get("enum") {
            return mix(
                prop::sample::select(values.clone()).boxed(),
                prop::sample::select(vec![json!(""), json!("LOW"), json!("on "), json!(1)]).boxed(),
            );
        }
        match schema.get("type") {
            Some(Value::Array(types)) => {
                let options: Vec<BoxedStrategy<Value>> = types
                    .iter()
                    .map(|t| {
                        let mut s = schema.clone();
                        s["type"] = t.clone();
                        self.inner(&s, depth)
                    })
                    .collect();
                Union::new(options).boxed()
            }
            Some(Value::String(t)) => match t.as_str() {
                "null" => Just(Value::Null).boxed(),
                "boolean" => mix(
                    any::<bool>().prop_map(Value::from).boxed(),
                    prop::sample::select(vec![json!(0), json!("true")]).boxed(),
                ),
                "string" => near_string(schema, "minLength", "maxLength"),
                "integer" => near_integer(schema),
                "number" => near_number(schema),
                "array" => self.array(schema, depth),
                "object" => self.object(schema, depth),
                other => panic!("type {other}"),
            },
            _ => self.anything(),
        }
    }

    fn array(&self, schema: &Value, depth: u32) -> BoxedStrategy<Value> {
        let item = match schema.get("items") {
            Some(items) => self.of(items, depth),
            None => self.anything(),
        };
        let unique = schema.get("uniqueItems") == Some(&Value::Bool(true));
        let (inside, outside) = lengths(schema, "minItems", "maxItems", 3);
        let list = |twice: bool| {
            let item = item.clone();
            move |r: Lengths| {
                prop::collection::vec(item.clone(), r)
                    .prop_map(move |mut v| {
                        // An item repeated, to reach `uniqueItems`.
                        if twice && v.len() > 1 {
                            v[0] = v[v.len() - 1].clone();
                        }
                        Value::Array(v)
                    })
                    .boxed()
            }
        };
        let valid = by_length(inside.clone(), list(false)).expect("lengths");
        let mut edges = vec![Just(json!({})).boxed()];
        edges.extend(by_length(outside, list(false)));
        if unique {
            edges.extend(by_length(inside, list(true)));
        }
        mix(valid, Union::new(edges).boxed())
    }

    fn object(&self, schema: &Value, depth: u32) -> BoxedStrategy<Value> {
        if let Some(Value::Object(props)) = schema.get("properties") {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let members: Vec<_> = props
                .iter()
                .map(|(name, sub)| {
                    let p = if required.contains(&name.as_str()) {
                        0.98
                    } else {
                        0.7
                    };
                    let name = name.clone();
                    prop::option::weighted(p, self.of(sub, depth))
                        .prop_map(move |v| (name.clone(), v))
                })
                .collect();
            return (members, prop::option::weighted(0.04, self.anything()))
                .prop_map(|(members, extra)| {
                    let mut map: Map<String, Value> = members
                        .into_iter()
                        .filter_map(|(k, v)| Some((k, v?)))
                        .collect();
                    if let Some(v) = extra {
                        map.insert("unknownMember".into(), v);
                    }
                    Value::Object(map)
                })
                .boxed();
        }
        let Some(values) = schema.get("additionalProperties") else {
            return self.anything();
        };
        let value = self.of(values, depth);
        let names = schema.get("propertyNames").cloned().unwrap_or(json!({}));
        let key = near_string(&names, "minLength", "maxLength").prop_map(|k| match k {
            Value::String(s) => s,
            other => other.to_string(),
        });
        let (inside, outside) = lengths(schema, "minProperties", "maxProperties", 3);
        // Members drawn apart, a name drawn twice kept once: a pattern may allow few names.
        let map = |r: Lengths| {
            prop::collection::vec((key.clone(), value.clone()), r)
                .prop_map(|m| Value::Object(m.into_iter().collect()))
                .boxed()
        };
        let valid = by_length(inside, map).expect("lengths");
        let mut edges = vec![Just(json!([])).boxed()];
        edges.extend(by_length(outside, map));
        mix(valid, Union::new(edges).boxed())
    }
}

/// Mostly `valid`, at times `edge`.
fn mix(valid: BoxedStrategy<Value>, edge: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    prop_oneof![16 => valid, 1 => edge].boxed()
}

fn text(chars: Vec<char>, lengths: Lengths) -> BoxedStrategy<String> {
    prop::collection::vec(prop::sample::select(chars), lengths)
        .prop_map(|c| c.into_iter().collect())
        .boxed()
}

/// The characters of `CHARS` a string pattern allows, found by the validator.
fn allowed_chars(pattern: Option<&str>) -> Vec<char> {
    let Some(p) = pattern else {
        return CHARS.to_vec();
    };
    let v = jsonschema::validator_for(&json!({ "pattern": p })).expect("a pattern");
    CHARS
        .iter()
        .copied()
        .filter(|c| v.is_valid(&json!(c.to_string())))
        .collect()
}

fn int(n: i128) -> Option<Value> {
    i64::try_from(n)
        .map(Value::from)
        .ok()
        .or_else(|| u64::try_from(n).ok().map(Value::from))
}

fn count(schema: &Value, key: &str) -> Option<usize> {
    schema.get(key).and_then(Value::as_u64).map(|n| n as usize)
}

/// The lengths the rules allow (an open end capped at `open` more than the minimum), favouring
/// the bounds; and the lengths one past either bound.
fn lengths(schema: &Value, min: &str, max: &str, open: usize) -> (Vec<Lengths>, Vec<Lengths>) {
    let lo = count(schema, min).unwrap_or(0);
    let hi = count(schema, max).unwrap_or(lo + open);
    let inside = vec![lo..=hi, lo..=lo, hi..=hi];
    let mut outside = Vec::new();
    if count(schema, max).is_some() {
        outside.push(hi + 1..=hi + 1);
    }
    if lo > 0 {
        outside.push(lo - 1..=lo - 1);
    }
    (inside, outside)
}

/// A strategy for each length of `lengths`, built by `make`.
fn by_length(
    lengths: Vec<Lengths>,
    make: impl Fn(Lengths) -> BoxedStrategy<Value>,
) -> Option<BoxedStrategy<Value>> {
    (!lengths.is_empty()).then(|| Union::new(lengths.into_iter().map(make)).boxed())
}

fn near_string(schema: &Value, min: &str, max: &str) -> BoxedStrategy<Value> {
    let good = allowed_chars(schema.get("pattern").and_then(Value::as_str));
    let bad: Vec<char> = CHARS
        .iter()
        .copied()
        .filter(|c| !good.contains(c))
        .collect();
    let (inside, outside) = lengths(schema, min, max, 5);
    let string =
        |chars: Vec<char>| move |r: Lengths| text(chars.clone(), r).prop_map(Value::String).boxed();
    let valid = by_length(inside, string(good.clone())).expect("lengths");
    let mut edges = vec![Just(json!(1)).boxed()];
    edges.extend(by_length(outside, string(good.clone())));
    if !bad.is_empty() {
        let lo = count(schema, min).unwrap_or(0).max(1);
        let hi = count(schema, max).unwrap_or(lo + 3).max(lo);
        edges.push(
            (
                prop::collection::vec(prop::sample::select(good), lo..=hi),
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
    mix(valid, Union::new(edges).boxed())
}

/// Integers: multiples of `multipleOf` inside the bounds, near each bound, near 0 and any;
/// and one past each bound, non-multiples, floats and a string. An open side is taken as
/// ±1000.
fn near_integer(schema: &Value) -> BoxedStrategy<Value> {
    let bound = |k: &str| schema.get(k).and_then(Value::as_i64).map(i128::from);
    let lo = match (bound("minimum"), bound("exclusiveMinimum")) {
        (Some(m), Some(e)) => m.max(e + 1),
        (Some(m), None) => m,
        (None, Some(e)) => e + 1,
        (None, None) => -1000,
    };
    let hi = match (bound("maximum"), bound("exclusiveMaximum")) {
        (Some(m), Some(e)) => m.min(e - 1),
        (Some(m), None) => m,
        (None, Some(e)) => e - 1,
        (None, None) => 1000,
    };
    let step = bound("multipleOf").unwrap_or(1);
    let first = lo + (-lo).rem_euclid(step);
    let last = (hi - hi.rem_euclid(step)).max(first);
    let at = move |n: i128| int(n.clamp(first, last)).expect("a bound fits 64 bits");
    let zero = 0i128.clamp(first, last) / step * step;
    let valid = prop_oneof![
        (0i128..=8).prop_map(move |k| at(first + k * step)),
        (0i128..=8).prop_map(move |k| at(last - k * step)),
        (-8i128..=8).prop_map(move |k| at(zero + k * step)),
        (-1000i128..=1000).prop_map(move |k| at(k * step)),
    ]
    .boxed();
    let mut edges: Vec<Value> = [lo - 1, hi + 1, lo + 1, hi - 1, step + 1, 1]
        .into_iter()
        .filter_map(int)
        .collect();
    edges.extend([json!(2.0), json!(-4.0), json!(0.5), json!("1")]);
    mix(valid, prop::sample::select(edges).boxed())
}

/// Numbers: multiples of `multipleOf` (or any number) inside the bounds; and each bound, a
/// little past it, non-multiples and other types. An open side is taken as ±10⁶.
fn near_number(schema: &Value) -> BoxedStrategy<Value> {
    let bound = |k: &str| schema.get(k).and_then(Value::as_f64);
    let lo = bound("minimum")
        .or(bound("exclusiveMinimum"))
        .unwrap_or(-1e6);
    let hi = bound("maximum")
        .or(bound("exclusiveMaximum"))
        .unwrap_or(1e6)
        .max(lo);
    let step = bound("multipleOf");
    let valid = match step {
        Some(step) => {
            let a = ((lo / step).ceil() as i64).max(-200);
            let b = ((hi / step).floor() as i64).min(200).max(a);
            (a..=b).prop_map(move |k| json!(k as f64 * step)).boxed()
        }
        None => prop_oneof![
            (lo..=hi).prop_map(|v| json!(v)),
            prop::sample::select(vec![json!(lo), json!(hi), json!(0), json!(1)]),
        ]
        .boxed(),
    };
    let mut edges = vec![json!(-0.0), json!(0.1), json!("0"), json!(true)];
    for b in [lo, hi] {
        for d in [-0.25, 0.25, -1e-9, 1e-9, -1.0, 1.0] {
            edges.push(json!(b + d));
        }
        if b.fract() == 0.0 && b.abs() < 1e15 {
            edges.push(json!(b as i64));
        }
    }
    if let Some(step) = step {
        edges.extend([json!(step / 2.0), json!(step * 3.0 + 0.1)]);
    }
    mix(valid, prop::sample::select(edges).boxed())
}
