//! Deterministic JSON documents around a JSON Schema, for differential tests: given a document
//! and a pointer to a schema in it, documents meant to be valid and near misses, at the edges
//! of every keyword the schema has.
//!
//! Reads JSON Schema 2020-12 and draft-07 (`definitions`, array `items`, boolean bounds of
//! draft-04) and OpenAPI 3.0's schema objects (`nullable`, `example`) as they are written:
//! the documents are made from the input schema, not from any normalised form of it. A
//! validator is the judge of each document; this only aims near the edges:
//! - each type the schema allows, and types it does not (`null` above all, a fraction where
//!   an integer is asked, a string for an object);
//! - objects with required members present and absent, optional members present, absent and
//!   `null`, unknown members (among them a declared name spelled another way), member counts
//!   around `minProperties` and `maxProperties`, names from `patternProperties` and
//!   `propertyNames` and one edit away from them;
//! - strings of lengths around `minLength` and `maxLength`, strings made to match a `pattern`
//!   (from a sampler of a regular expression subset, and from the `examples`, `default`,
//!   `enum` and `const` values the schema holds) and one edit away from them;
//! - numbers at, inside and past `minimum`, `maximum` and their exclusive forms, multiples of
//!   `multipleOf` and values between them, integers past 32 and 64 bits;
//! - arrays around `minItems` and `maxItems`, with an item repeated under `uniqueItems`;
//! - `enum` values and near ones, `const` and its edits, each branch of `oneOf` and `anyOf`;
//! - `$ref`s followed, as deep as a limit, `allOf` parts merged.
//!
//! Most near-miss documents are valid documents with one value changed, at one place, in one
//! way: taking out the keyword that place breaks would make them valid, so each reaches one
//! keyword on its own. [`shrink`] cuts a document down to the part a disagreement is about.
//!
//! Beside the documents, the rewrites a validator needs to judge the generated types by the
//! input: [`openapi_30_as_2020_12`] (OpenAPI 3.0's spellings, as the generator reads them) and
//! [`integer_ranges`] (the one normalisation the generator documents that changes which
//! documents are valid: an integer is bounded by its Rust type's range).
//!
//! Only `std` and `serde_json`, so that any test or harness can include this file by path.
//! The same document, pointer, count and seed give the same documents.

use std::collections::BTreeSet;

use serde_json::{Map, Number, Value};

/// How many `$ref`s a path from the schema follows before it stops going deeper.
const MAX_REFS: u32 = 6;

/// About how many values one document holds before optional members are left out and arrays
/// kept at their least length.
const BUDGET: usize = 200;

/// Characters strings are made of: letters, digits, punctuation that patterns allow or refuse,
/// space, non-ASCII letters and one character above the BMP (two UTF-16 units, one code point).
const ALPHABET: &[char] = &[
    'a', 'b', 'z', 'A', 'Z', '0', '1', '9', '-', '_', '.', ' ', '~', '/', ':', '@', '+', '"', '\\',
    'é', 'É', 'ß', '😀',
];

/// Member names that no schema is likely to declare.
const UNKNOWN_NAMES: &[&str] = &["unknownMember", "x", "__extra", ""];

/// The true schema, for what a schema does not say.
static ANY: Value = Value::Bool(true);

/// A small deterministic random number generator (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator that starts from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is `0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// `true` with probability `num / den`.
    pub fn chance(&mut self, num: u64, den: u64) -> bool {
        self.next_u64() % den < num
    }

    /// One of `items`, which must not be empty.
    pub fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        &items[self.below(items.len())]
    }

    /// A number in `lo..=hi` (`lo` when `hi < lo`).
    pub fn between(&mut self, lo: i128, hi: i128) -> i128 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u128 + 1;
        let r = (u128::from(self.next_u64()) << 64) | u128::from(self.next_u64());
        lo + (r % span) as i128
    }
}

/// `count` documents around the schema at `pointer` in `root` (`#/$defs/A`, `/$defs/A`, or
/// `#` and the empty pointer for the root itself; percent-encoding as a URI fragment allows),
/// the same ones for the same arguments: after the schema's own examples and edits of them,
/// a quarter aim at being valid throughout, most of the others at being valid but for one
/// near miss at one place (objects and arrays chosen more often than scalars), and the rest
/// hold near misses at several places. Panics when `pointer` leads nowhere.
pub fn documents(root: &Value, pointer: &str, count: usize, seed: u64) -> Vec<Value> {
    documents_seeded_as(root, pointer, pointer, count, seed)
}

/// [`documents`] around the schema at `pointer`, seeded as those around a schema at
/// `seeded_as` would be: the same documents for a schema wherever a rewrite of the document
/// moved it (`seeded_as` is where the document writes it).
pub fn documents_seeded_as(
    root: &Value,
    pointer: &str,
    seeded_as: &str,
    count: usize,
    seed: u64,
) -> Vec<Value> {
    let at = decode_fragment(pointer.strip_prefix('#').unwrap_or(pointer));
    let schema = root
        .pointer(&at)
        .unwrap_or_else(|| panic!("no schema at {pointer}"));
    let mut g = Instances::new(root, seed ^ fnv(seeded_as.as_bytes()));
    let mut out = Vec::with_capacity(count);
    // The values the schema itself gives as examples come first, as written, then one edit
    // away from each.
    let mut own = Vec::new();
    g.pool(schema, MAX_REFS, &mut own, 0);
    for v in own.iter().take(count / 8) {
        out.push(v.clone());
    }
    for v in own.iter().take(count / 8) {
        if out.len() < count / 4 {
            let edited = g.edit(v);
            out.push(edited);
        }
    }
    let mut i = 0usize;
    while out.len() < count {
        let doc = match i % 8 {
            0 | 1 => g.document(schema, 0, 0),
            // Another type, a bound, a length, a member... at one place.
            2..=6 => g.one_miss(schema),
            _ => g.document(schema, 330, u32::MAX),
        };
        out.push(doc);
        i += 1;
    }
    out
}

/// Calls `f` on every schema object of `doc`, outermost first: for an OpenAPI document (one
/// with an `openapi` member), each schema under `components.schemas` and under a `schema`
/// member (and never in `example` or `examples`); for any other document, the root and every
/// schema below it.
pub fn each_schema(doc: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>)) {
    if doc.get("openapi").is_some() {
        openapi_part(doc, f);
    } else {
        schema_and_below(doc, f);
    }
}

/// A part of an OpenAPI document that is not a schema: its schemas are below `schema` and
/// `schemas` members.
fn openapi_part(value: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>)) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match (key.as_str(), v) {
                    ("schema", v) => schema_and_below(v, f),
                    ("schemas", Value::Object(all)) => {
                        all.values_mut().for_each(|v| schema_and_below(v, f));
                    }
                    ("example" | "examples", _) => {}
                    (_, v) => openapi_part(v, f),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| openapi_part(v, f)),
        _ => {}
    }
}

/// The keywords whose value maps names to schemas.
const SCHEMA_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
];

/// The keywords whose value is a list of schemas (`items` too, in draft-07's array form).
const SCHEMA_LISTS: &[&str] = &["allOf", "anyOf", "oneOf", "prefixItems", "items"];

/// The keywords whose value is a schema.
const SCHEMA_ONES: &[&str] = &[
    "items",
    "additionalItems",
    "additionalProperties",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "unevaluatedItems",
    "unevaluatedProperties",
];

/// `f` on `value` when it is a schema object, then on every schema its keywords hold.
fn schema_and_below(value: &mut Value, f: &mut dyn FnMut(&mut Map<String, Value>)) {
    let Value::Object(map) = value else { return };
    f(map);
    for (key, v) in map.iter_mut() {
        let key = key.as_str();
        match v {
            Value::Object(all) if SCHEMA_MAPS.contains(&key) => {
                all.values_mut().for_each(|v| schema_and_below(v, f));
            }
            Value::Array(all) if SCHEMA_LISTS.contains(&key) => {
                all.iter_mut().for_each(|v| schema_and_below(v, f));
            }
            v if SCHEMA_ONES.contains(&key) => schema_and_below(v, f),
            _ => {}
        }
    }
}

/// Calls `f` on every schema object that the schemas at `pointers` reach: each of them, every
/// schema its keywords hold, and every schema a `$ref` among them names within `doc`
/// (`#/...`), and so on; each once, however many ways lead to it, the innermost first (so
/// that `f` may put a schema's members one level down, in an `anyOf`, and no schema left to
/// see moves). Pointers are read as [`documents`] reads them; one that leads nowhere is
/// passed over. Unlike [`each_schema`], it needs no layout: it finds the schemas of a
/// document whose parts are grafted where no OpenAPI member says they are schemas.
pub fn each_reached_schema(
    doc: &mut Value,
    pointers: &[&str],
    f: &mut dyn FnMut(&mut Map<String, Value>),
) {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<String> = pointers
        .iter()
        .map(|p| decode_fragment(p.strip_prefix('#').unwrap_or(p)))
        .collect();
    while let Some(at) = todo.pop() {
        let Some(Value::Object(map)) = doc.pointer(&at) else {
            continue;
        };
        if !seen.insert(at.clone()) {
            continue;
        }
        if let Some(Value::String(r)) = map.get("$ref")
            && let Some(fragment) = r.strip_prefix('#')
        {
            todo.push(decode_fragment(fragment));
        }
        for (key, v) in map {
            let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
            match v {
                Value::Object(all) if SCHEMA_MAPS.contains(&key.as_str()) => {
                    todo.extend(
                        all.keys()
                            .map(|k| format!("{here}/{}", k.replace('~', "~0").replace('/', "~1"))),
                    );
                }
                Value::Array(all) if SCHEMA_LISTS.contains(&key.as_str()) => {
                    todo.extend((0..all.len()).map(|i| format!("{here}/{i}")));
                }
                _ if SCHEMA_ONES.contains(&key.as_str()) => todo.push(here),
                _ => {}
            }
        }
    }
    let mut order: Vec<String> = seen.into_iter().collect();
    order.sort_by_key(|p| std::cmp::Reverse(p.matches('/').count()));
    for at in order {
        if let Some(Value::Object(map)) = doc.pointer_mut(&at) {
            f(map);
        }
    }
}

/// Where a type's schema is, for a type the generator made of one type of a `type` list
/// (an object with `properties` beside `["string", "object"]`): its pointer, `.../type/<i>`,
/// names that type in the list, and its schema is the list's schema held to that one type.
/// Returns the list's schema's pointer and the type; `None` for any other pointer.
pub fn type_in_list<'p>(doc: &Value, pointer: &'p str) -> Option<(&'p str, String)> {
    let (parent, i) = pointer.rsplit_once("/type/")?;
    i.parse::<usize>().ok()?;
    let at = pointer.strip_prefix('#').unwrap_or(pointer);
    match doc.pointer(at)? {
        Value::String(t) => Some((parent, t.clone())),
        _ => None,
    }
}

/// The schema that judges the type at `pointer` of the document at `uri`: a `$ref` to it, or,
/// for a type of a `type` list ([`type_in_list`]), the list's schema and that type.
pub fn judging_schema(doc: &Value, uri: &str, pointer: &str) -> Value {
    let fragment = |p: &str| {
        let mut out = String::new();
        for b in p.trim_start_matches('#').bytes() {
            if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&b) {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    match type_in_list(doc, pointer) {
        Some((parent, t)) => serde_json::json!({"allOf": [
            {"$ref": format!("{uri}#{}", fragment(parent))},
            {"type": t}
        ]}),
        None => serde_json::json!({"$ref": format!("{uri}#{}", fragment(pointer))}),
    }
}

/// Rewrites an OpenAPI 3.0 document's schema spellings into JSON Schema 2020-12's, as the
/// generator does before it reads them, so that a 2020-12 validator judges them by what they
/// mean: `nullable: true` adds `null` to a single `type` (and, without one, makes the schema
/// `anyOf` itself and `{"type": "null"}`) and to an `enum`'s values, a boolean `exclusiveMinimum`/`exclusiveMaximum`
/// takes the `minimum`/`maximum` beside it, `nullable: false` and a false exclusive flag go,
/// and `example` becomes `examples`. Documents of other kinds are left as they are.
pub fn openapi_30_as_2020_12(doc: &mut Value) {
    if is_openapi_30(doc) {
        each_schema(doc, &mut openapi_30_schema_as_2020_12);
    }
}

/// Whether `doc` is an OpenAPI 3.0 document (its `openapi` member says `3.0...`).
pub fn is_openapi_30(doc: &Value) -> bool {
    doc.get("openapi")
        .and_then(Value::as_str)
        .is_some_and(|v| v.starts_with("3.0"))
}

/// [`openapi_30_as_2020_12`] on one schema object, not on the schemas it holds. Rewriting
/// again changes nothing: what it leaves is 2020-12's.
pub fn openapi_30_schema_as_2020_12(map: &mut Map<String, Value>) {
    if !map.contains_key("examples")
        && let Some(example) = map.remove("example")
    {
        map.insert("examples".into(), Value::Array(vec![example]));
    }
    for (flag, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        match map.get(flag) {
            Some(Value::Bool(true)) => {
                if let Some(b) = map.remove(bound) {
                    map.insert(flag.into(), b);
                } else {
                    map.remove(flag);
                }
            }
            Some(Value::Bool(false)) => {
                map.remove(flag);
            }
            _ => {}
        }
    }
    // OpenAPI 3.0.3: "a true value adds `null` to the allowed values", those of an
    // `enum` too.
    if map.get("nullable") == Some(&Value::Bool(true))
        && let Some(Value::Array(values)) = map.get_mut("enum")
        && !values.contains(&Value::Null)
    {
        values.push(Value::Null);
    }
    match map.remove("nullable") {
        Some(Value::Bool(true)) => match map.get("type").cloned() {
            Some(Value::String(t)) => {
                map.insert(
                    "type".into(),
                    Value::Array(vec![Value::String(t), "null".into()]),
                );
            }
            _ => {
                let inner = std::mem::take(map);
                let null = Value::Object(Map::from_iter([("type".into(), "null".into())]));
                map.insert(
                    "anyOf".into(),
                    Value::Array(vec![Value::Object(inner), null]),
                );
            }
        },
        Some(other) if !other.is_boolean() => {
            map.insert("nullable".into(), other);
        }
        _ => {}
    }
}

/// Bounds each integer schema of `doc` by the range of the Rust type the generator gives it,
/// as its documented normalisation says (an integer states its type's range: `i32` for
/// `format: int32`, else `i64`): the schema gets an `allOf` part `{"minimum": MIN, "maximum":
/// MAX}`. A validator then judges the generated types by what the document says, that rule
/// apart. A schema that allows `number` too is left as it is.
pub fn integer_ranges(doc: &mut Value) {
    each_schema(doc, &mut integer_range);
}

/// [`integer_ranges`] on one schema object, not on the schemas it holds.
pub fn integer_range(map: &mut Map<String, Value>) {
    let integer = match map.get("type") {
        Some(Value::String(t)) => t == "integer",
        Some(Value::Array(ts)) => {
            ts.iter().any(|t| t == "integer") && !ts.iter().any(|t| t == "number")
        }
        _ => false,
    };
    if !integer {
        return;
    }
    let (lo, hi) = if map.get("format").and_then(Value::as_str) == Some("int32") {
        (i64::from(i32::MIN), i64::from(i32::MAX))
    } else {
        (i64::MIN, i64::MAX)
    };
    let range = Value::Object(Map::from_iter([
        ("minimum".into(), Value::from(lo)),
        ("maximum".into(), Value::from(hi)),
    ]));
    match map.get_mut("allOf") {
        Some(Value::Array(parts)) => parts.push(range),
        _ => {
            map.insert("allOf".into(), Value::Array(vec![range]));
        }
    }
}

/// The smallest document found from `doc` by taking out object members and array items, one
/// at a time, for which `keeps` still holds (`keeps(doc)` must): the part of a document that
/// a disagreement is about. At most `tries` candidates are judged.
pub fn shrink(doc: &Value, tries: usize, keeps: &mut dyn FnMut(&Value) -> bool) -> Value {
    let mut current = doc.clone();
    let mut left = tries;
    'outer: loop {
        let mut paths = Vec::new();
        places(&current, &mut Vec::new(), &mut paths);
        // Outermost first: taking out a large part first saves the most tries.
        paths.sort_by_key(Vec::len);
        for path in paths {
            if left == 0 {
                break 'outer;
            }
            left -= 1;
            let mut candidate = current.clone();
            if remove_at(&mut candidate, &path) && keeps(&candidate) {
                current = candidate;
                continue 'outer;
            }
        }
        break;
    }
    current
}

/// A step into a document: a member's name or an item's index.
#[derive(Clone)]
enum Step {
    Member(String),
    Item(usize),
}

/// The paths of every member and item in `value`.
fn places(value: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                at.push(Step::Member(k.clone()));
                out.push(at.clone());
                places(v, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                at.push(Step::Item(i));
                out.push(at.clone());
                places(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// Takes the member or item at `path` out of `doc`; whether there was one.
fn remove_at(doc: &mut Value, path: &[Step]) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let mut node = doc;
    for step in parents {
        node = match (step, node) {
            (Step::Member(k), Value::Object(map)) => match map.get_mut(k) {
                Some(n) => n,
                None => return false,
            },
            (Step::Item(i), Value::Array(items)) => match items.get_mut(*i) {
                Some(n) => n,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, node) {
        (Step::Member(k), Value::Object(map)) => map.remove(k).is_some(),
        (Step::Item(i), Value::Array(items)) if *i < items.len() => {
            items.remove(*i);
            true
        }
        _ => false,
    }
}

/// A JSON Pointer from a URI fragment's text: `%XX` decoded.
fn decode_fragment(fragment: &str) -> String {
    let bytes = fragment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The 64-bit FNV-1a hash of `bytes`: a seed of its own for each pointer.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A kind of near miss.
#[derive(Clone)]
enum Miss<'a> {
    /// A value of another type.
    OtherType,
    /// An edit of an `enum` or `const` value.
    Enum,
    /// An edit of a value the schema gives as an example.
    Example,
    /// A string under `minLength`, an array under `minItems`, an object under
    /// `minProperties`.
    Fewer,
    /// A string under `minLength`.
    Short,
    /// A string over `maxLength`.
    Long,
    /// A string edited.
    Edit,
    /// A number under the lower bound.
    Below,
    /// A number over the upper bound.
    Above,
    /// A number between two multiples of `multipleOf`.
    Between,
    /// A number at or past what 32 and 64 bits hold, or a fraction for an integer.
    Wide,
    /// An array over `maxItems`, an object over `maxProperties`.
    More,
    /// An array with one item twice.
    Repeat,
    /// An array with one more item, which misses its schema.
    BadItem,
    /// An object without this required member.
    Drop(&'a str),
    /// An object with this member `null`.
    Null(&'a str),
    /// An object with a member of a name no schema declares.
    Unknown,
    /// An object with this declared member spelled another way.
    Respelled(&'a str),
    /// An object with a member whose name misses `propertyNames`.
    BadName,
}

/// A bound on a number and whether it is exclusive.
type Bound = (f64, bool);

/// What several schemas that all apply say together: a schema, the targets of its `$ref`s,
/// its `allOf` parts and one chosen branch of each `oneOf` and `anyOf`.
#[derive(Default)]
struct View<'a> {
    /// The schema objects, outermost first.
    parts: Vec<&'a Map<String, Value>>,
    /// A `false` schema is among them: nothing is valid.
    never: bool,
    /// The target of a `$ref` not followed, the limit of references or of values reached.
    cut: Option<&'a Value>,
    /// How many more `$ref`s the values below may follow.
    refs: u32,
}

impl<'a> View<'a> {
    /// Each value of `key` among the parts, outermost first.
    fn all<'k>(&'k self, key: &'k str) -> impl Iterator<Item = &'a Value> + 'k {
        self.parts.iter().filter_map(move |p| p.get(key))
    }

    /// The first value of `key`.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.all(key).next()
    }

    /// The tightest of the numeric values of `key`: the greatest when `greatest`, else the
    /// least.
    fn bound(&self, key: &str, greatest: bool) -> Option<f64> {
        self.all(key).filter_map(Value::as_f64).reduce(
            |a, b| {
                if greatest == (b > a) { b } else { a }
            },
        )
    }

    /// The tightest length-like bound of `key` (a count: `minLength`, `maxItems`...).
    fn count(&self, key: &str, greatest: bool) -> Option<usize> {
        self.bound(key, greatest)
            .filter(|n| *n >= 0.0)
            .map(|n| n.min(1e6) as usize)
    }

    /// The types every part allows, `None` when no part names one; OpenAPI 3.0's `nullable:
    /// true` adds `null`.
    fn types(&self) -> Option<Vec<&'static str>> {
        const ALL: [&str; 7] = [
            "null", "boolean", "integer", "number", "string", "array", "object",
        ];
        let mut allowed: Option<BTreeSet<&'static str>> = None;
        for t in self.all("type") {
            let mut these = BTreeSet::new();
            let names: Vec<&str> = match t {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => continue,
            };
            for n in names {
                if let Some(known) = ALL.iter().find(|k| **k == n) {
                    these.insert(*known);
                    if n == "number" {
                        these.insert("integer");
                    }
                }
            }
            let nullable = self.all("nullable").any(|n| n == &Value::Bool(true));
            if nullable {
                these.insert("null");
            }
            allowed = Some(match allowed {
                None => these,
                Some(before) => before.intersection(&these).copied().collect(),
            });
        }
        allowed.map(|set| {
            ALL.iter()
                .copied()
                .filter(|t| set.contains(t))
                .collect::<Vec<_>>()
        })
    }

    /// Whether `key` is present in some part.
    fn has(&self, key: &str) -> bool {
        self.all(key).next().is_some()
    }
}

/// The document maker: the root document, the random generator and the state of the document
/// being made.
struct Instances<'a> {
    root: &'a Value,
    rng: Rng,
    /// The chance, in thousandths, that a value is a near miss where it stands.
    miss: u64,
    /// How many more near misses the document may hold.
    misses: u32,
    /// How many values the document has so far.
    calls: usize,
    /// The value, by its number, that is a near miss.
    target: Option<usize>,
    /// How likely each value of the document is to be the one near miss, by its number.
    weights: Vec<u8>,
    /// How many more values the document may hold before it keeps to what is required.
    left: usize,
}

impl<'a> Instances<'a> {
    /// A maker of documents in `root`, its random generator started from `seed`.
    fn new(root: &'a Value, seed: u64) -> Instances<'a> {
        Instances {
            root,
            rng: Rng::new(seed),
            miss: 0,
            misses: 0,
            calls: 0,
            target: None,
            weights: Vec::new(),
            left: BUDGET,
        }
    }

    /// The schema a `$ref` names in the root document; `None` for another document's.
    fn resolve(&self, reference: &str) -> Option<&'a Value> {
        let fragment = reference.strip_prefix('#')?;
        self.root.pointer(&decode_fragment(fragment))
    }

    /// The view of `schema`, `refs` more `$ref`s allowed, each `oneOf`/`anyOf` branch chosen
    /// at random.
    fn view(&mut self, schema: &'a Value, refs: u32) -> View<'a> {
        let mut v = View {
            refs,
            ..View::default()
        };
        self.add(&mut v, schema, refs, 0);
        v
    }

    /// Adds `schema` to `v`, with what its `$ref`, `allOf` and one branch of each `oneOf` and
    /// `anyOf` bring; `nesting` bounds how deep that goes.
    fn add(&mut self, v: &mut View<'a>, schema: &'a Value, refs: u32, nesting: u32) {
        if nesting > 24 {
            return;
        }
        let map = match schema {
            Value::Object(map) => map,
            Value::Bool(false) => {
                v.never = true;
                return;
            }
            _ => return,
        };
        v.parts.push(map);
        if let Some(r) = map.get("$ref").and_then(Value::as_str) {
            if refs == 0 || self.left == 0 {
                v.cut = self.resolve(r);
            } else if let Some(target) = self.resolve(r) {
                v.refs = v.refs.min(refs - 1);
                self.add(v, target, refs - 1, nesting + 1);
            }
        }
        if let Some(Value::Array(parts)) = map.get("allOf") {
            for p in parts {
                self.add(v, p, refs, nesting + 1);
            }
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(branches)) = map.get(key)
                && !branches.is_empty()
            {
                let b = self.rng.pick(branches);
                self.add(v, b, refs, nesting + 1);
            }
        }
    }

    /// Collects the values `schema` gives as examples of itself: `examples`, `example`,
    /// `default`, `const` and `enum` values, of the schema and of what it refers to.
    fn pool(&self, schema: &'a Value, refs: u32, out: &mut Vec<Value>, nesting: u32) {
        let Value::Object(map) = schema else { return };
        if nesting > 8 {
            return;
        }
        out.extend(own_examples(map));
        if let Some(r) = map.get("$ref").and_then(Value::as_str)
            && refs > 0
            && let Some(t) = self.resolve(r)
        {
            self.pool(t, refs - 1, out, nesting + 1);
        }
        for key in ["allOf", "oneOf", "anyOf"] {
            if let Some(Value::Array(parts)) = map.get(key) {
                for p in parts {
                    self.pool(p, refs, out, nesting + 1);
                }
            }
        }
    }

    /// A document for `schema` whose values are near misses with chance `miss` in a
    /// thousand, `misses` of them at most.
    fn document(&mut self, schema: &'a Value, miss: u64, misses: u32) -> Value {
        (self.miss, self.misses, self.calls, self.target) = (miss, misses, 0, None);
        self.left = BUDGET;
        self.value(schema, MAX_REFS)
    }

    /// A document for `schema` that is meant to be valid but for one near miss, at a value
    /// chosen among all of its values alike: the same document is made twice from the same
    /// random state, the first time to count its values.
    fn one_miss(&mut self, schema: &'a Value) -> Value {
        let pick = self.rng.next_u64();
        let state = self.rng.clone();
        self.weights.clear();
        self.document(schema, 0, 0);
        // An object or an array has more ways to miss than a scalar: it is chosen more often.
        let total: u64 = self.weights.iter().map(|w| u64::from(*w)).sum();
        let mut k = pick % total.max(1);
        let mut chosen = 0;
        for (i, w) in self.weights.iter().enumerate() {
            if k < u64::from(*w) {
                chosen = i;
                break;
            }
            k -= u64::from(*w);
        }
        self.weights.clear();
        self.rng = state;
        (self.miss, self.misses, self.calls) = (0, 0, 0);
        self.target = Some(chosen);
        self.left = BUDGET;
        let doc = self.value(schema, MAX_REFS);
        self.target = None;
        doc
    }

    /// A value for `schema`: a near miss when it is the document's chosen one, or with the
    /// document's chance, else a value meant to be valid here (whose members may still miss).
    fn value(&mut self, schema: &'a Value, refs: u32) -> Value {
        let call = self.calls;
        self.calls += 1;
        self.left = self.left.saturating_sub(1);
        let v = self.view(schema, refs);
        if let Some(target) = v.cut {
            return self.least(target, 4);
        }
        if self.target == Some(call) {
            return self.near_miss(&v, schema, refs);
        }
        if self.misses > 0 && self.miss > 0 && self.rng.chance(self.miss, 1000) {
            self.misses -= 1;
            return self.near_miss(&v, schema, refs);
        }
        let out = self.valid(&v);
        if self.weights.len() <= call {
            self.weights.resize(call + 1, 1);
        }
        self.weights[call] = if out.is_object() || out.is_array() {
            4
        } else {
            1
        };
        out
    }

    /// A small value meant to be valid for `schema`, made when the document has no room
    /// left or a `$ref` is past the limit: only required members and the least items, no
    /// near miss, `depth` levels of members at most (then the smallest value of its type).
    fn least(&mut self, schema: &'a Value, depth: u32) -> Value {
        let v = self.view(schema, 1);
        if let Some(target) = v.cut {
            if depth == 0 {
                return Self::smallest(&v);
            }
            return self.least(target, depth - 1);
        }
        if let Some(c) = v.get("const") {
            return c.clone();
        }
        if let Some(first) = v
            .get("enum")
            .and_then(Value::as_array)
            .and_then(|e| e.first())
        {
            return first.clone();
        }
        if depth == 0 {
            return Self::smallest(&v);
        }
        match self.pick_type(&v) {
            "string" => Value::String(self.string(&v)),
            "integer" => self.integer(&v),
            "number" => self.number(&v),
            "array" => {
                let n = v.count("minItems", true).unwrap_or(0).min(8);
                let items = (0..n)
                    .map(|i| {
                        let s = self.item_schema(&v, i);
                        self.least(s, depth - 1)
                    })
                    .collect();
                Value::Array(items)
            }
            "object" => {
                let props = Self::properties(&v);
                let mut out = Map::new();
                for name in Self::required(&v) {
                    let s = props
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, s)| s[0])
                        .or_else(|| v.get("additionalProperties").filter(|a| a.is_object()))
                        .unwrap_or(&ANY);
                    let x = self.least(s, depth - 1);
                    out.insert(name.to_owned(), x);
                }
                Value::Object(out)
            }
            _ => Self::smallest(&v),
        }
    }

    /// The smallest value of the first type `v` names (an empty object without one).
    fn smallest(v: &View<'a>) -> Value {
        match v.types().as_deref().and_then(<[_]>::first) {
            Some(&"null") => Value::Null,
            Some(&"boolean") => Value::Bool(false),
            Some(&"integer") | Some(&"number") => Value::from(0),
            Some(&"string") => Value::from(""),
            Some(&"array") => Value::Array(Vec::new()),
            _ => Value::Object(Map::new()),
        }
    }

    /// A value meant to satisfy every keyword of `v` read here.
    fn valid(&mut self, v: &View<'a>) -> Value {
        if let Some(c) = v.get("const") {
            return c.clone();
        }
        if let Some(Value::Array(values)) = v.get("enum")
            && !values.is_empty()
        {
            return self.rng.pick(values).clone();
        }
        if v.never {
            return self.anything(2);
        }
        match self.pick_type(v) {
            "null" => Value::Null,
            "boolean" => Value::Bool(self.rng.chance(1, 2)),
            "integer" => self.integer(v),
            "number" => self.number(v),
            "string" => Value::String(self.string(v)),
            "array" => self.array(v),
            "object" => self.object(v),
            _ => self.anything(2),
        }
    }

    /// One of the types `v` allows, or, where it names none, the type its keywords are about
    /// (or any type).
    fn pick_type(&mut self, v: &View<'a>) -> &'static str {
        if let Some(types) = v.types() {
            if types.is_empty() {
                return "any";
            }
            // `null` less often than the others, so that the others' keywords are reached.
            let others: Vec<&'static str> =
                types.iter().copied().filter(|t| *t != "null").collect();
            if others.is_empty() || (types.contains(&"null") && self.rng.chance(1, 8)) {
                return "null";
            }
            return others[self.rng.below(others.len())];
        }
        let mut guesses = Vec::new();
        for (keys, t) in [
            (
                &[
                    "properties",
                    "additionalProperties",
                    "required",
                    "patternProperties",
                    "propertyNames",
                    "minProperties",
                    "maxProperties",
                ][..],
                "object",
            ),
            (
                &[
                    "items",
                    "prefixItems",
                    "minItems",
                    "maxItems",
                    "uniqueItems",
                ][..],
                "array",
            ),
            (
                &["minLength", "maxLength", "pattern", "format"][..],
                "string",
            ),
            (
                &[
                    "minimum",
                    "maximum",
                    "exclusiveMinimum",
                    "exclusiveMaximum",
                    "multipleOf",
                ][..],
                "number",
            ),
        ] {
            if keys.iter().any(|k| v.has(k)) {
                guesses.push(t);
            }
        }
        if guesses.is_empty() {
            return "any";
        }
        guesses[self.rng.below(guesses.len())]
    }

    /// The lower and upper bounds of a number, each with whether it is exclusive; boolean
    /// `exclusiveMinimum` (draft-04, OpenAPI 3.0) makes `minimum` exclusive.
    fn bounds(v: &View<'a>) -> (Option<Bound>, Option<Bound>) {
        let mut lo: Option<Bound> = None;
        let mut hi: Option<Bound> = None;
        let tighter_lo = |cur: Option<Bound>, n: f64, ex: bool| match cur {
            Some((c, cex)) if c > n || (c == n && cex) => Some((c, cex)),
            _ => Some((n, ex)),
        };
        let tighter_hi = |cur: Option<Bound>, n: f64, ex: bool| match cur {
            Some((c, cex)) if c < n || (c == n && cex) => Some((c, cex)),
            _ => Some((n, ex)),
        };
        for p in &v.parts {
            let ex_min = p.get("exclusiveMinimum");
            let ex_max = p.get("exclusiveMaximum");
            if let Some(n) = p.get("minimum").and_then(Value::as_f64) {
                lo = tighter_lo(lo, n, ex_min == Some(&Value::Bool(true)));
            }
            if let Some(n) = p.get("maximum").and_then(Value::as_f64) {
                hi = tighter_hi(hi, n, ex_max == Some(&Value::Bool(true)));
            }
            if let Some(n) = ex_min.and_then(Value::as_f64) {
                lo = tighter_lo(lo, n, true);
            }
            if let Some(n) = ex_max.and_then(Value::as_f64) {
                hi = tighter_hi(hi, n, true);
            }
        }
        (lo, hi)
    }

    /// The integer bounds of `v`, inclusive, and its integer `multipleOf` (1 without one).
    fn integer_range(v: &View<'a>) -> (i128, i128, i128) {
        let (lo, hi) = Self::bounds(v);
        let exact = |key: &str| -> Option<i128> {
            v.all(key).find_map(|n| {
                n.as_i64()
                    .map(i128::from)
                    .or_else(|| n.as_u64().map(i128::from))
            })
        };
        let lo = match lo {
            Some((n, ex)) => {
                let base = exact("minimum")
                    .filter(|e| *e as f64 == n)
                    .unwrap_or(n.ceil().clamp(-1e30, 1e30) as i128);
                if ex && (base as f64) <= n {
                    base + 1
                } else {
                    base
                }
            }
            None => i128::MIN,
        };
        let hi = match hi {
            Some((n, ex)) => {
                let base = exact("maximum")
                    .filter(|e| *e as f64 == n)
                    .unwrap_or(n.floor().clamp(-1e30, 1e30) as i128);
                if ex && (base as f64) >= n {
                    base - 1
                } else {
                    base
                }
            }
            None => i128::MAX,
        };
        let step = v
            .bound("multipleOf", true)
            .filter(|m| *m >= 1.0 && m.fract() == 0.0 && *m < 1e18)
            .map_or(1, |m| m as i128);
        (lo, hi, step)
    }

    /// An integer within the bounds and a multiple of `multipleOf`, most often at a bound.
    fn integer(&mut self, v: &View<'a>) -> Value {
        let (lo, hi, step) = Self::integer_range(v);
        let (lo, hi) = match (lo == i128::MIN, hi == i128::MAX) {
            (true, true) => (-3, 40),
            (false, true) => (lo, lo.saturating_add(40)),
            (true, false) => (hi.saturating_sub(40), hi),
            (false, false) => (lo, hi),
        };
        // The multiples of `step` in `lo..=hi`.
        let first = div_ceil(lo, step);
        let last = div_floor(hi, step);
        if first > last {
            return int_value(lo);
        }
        let k = match self.rng.below(5) {
            0 => first,
            1 => last,
            2 => (first + 1).min(last),
            3 => (last - 1).max(first),
            _ => self.rng.between(first, last),
        };
        let n = k * step;
        // At times the same integer written as a fraction, which JSON Schema calls an integer.
        if self.rng.chance(1, 25) && n.abs() < (1 << 50) {
            return Value::from(n as f64);
        }
        int_value(n)
    }

    /// A number within the bounds and a multiple of `multipleOf`, most often at a bound.
    fn number(&mut self, v: &View<'a>) -> Value {
        if self.rng.chance(1, 3) {
            return self.integer(v);
        }
        let (lo, hi) = Self::bounds(v);
        let m = v.bound("multipleOf", true).filter(|m| *m > 0.0);
        let (a, b) = match (lo, hi) {
            (Some((l, _)), Some((h, _))) => (l, h),
            (Some((l, _)), None) => (l, l + 10.0),
            (None, Some((h, _))) => (h - 10.0, h),
            (None, None) => (-2.5, 10.0),
        };
        let nudge = |x: f64, up: bool| {
            let d = m.unwrap_or(if (b - a).abs() > 1.0 {
                0.5
            } else {
                (b - a).abs() / 4.0
            });
            if up { x + d } else { x - d }
        };
        let mut x = match self.rng.below(4) {
            0 => match lo {
                Some((l, true)) => nudge(l, true),
                _ => a,
            },
            1 => match hi {
                Some((h, true)) => nudge(h, false),
                _ => b,
            },
            2 => (a + b) / 2.0,
            _ => a + (b - a) * (self.rng.below(1000) as f64 / 1000.0),
        };
        if let Some(m) = m {
            let k = (x / m).round();
            x = k * m;
        }
        float_value(x)
    }

    /// A string meant to satisfy `v`'s lengths, pattern and format.
    fn string(&mut self, v: &View<'a>) -> String {
        let min = v.count("minLength", true).unwrap_or(0);
        let max = v.count("maxLength", false);
        let fits = |s: &str| {
            let n = s.chars().count();
            n >= min && max.is_none_or(|m| n <= m)
        };
        let patterns: Vec<&str> = v.all("pattern").filter_map(Value::as_str).collect();
        if !patterns.is_empty() {
            let mut pooled: Vec<Value> = v.parts.iter().flat_map(|p| own_examples(p)).collect();
            pooled.retain(|x| x.is_string());
            // Repetitions of several spans, so that short and long strings both come.
            let spans = [1, 3, 6, 12, max.unwrap_or(min + 12).min(120)];
            for _ in 0..12 {
                let candidate = if !pooled.is_empty() && self.rng.chance(1, 4) {
                    self.rng
                        .pick(&pooled)
                        .as_str()
                        .unwrap_or_default()
                        .to_owned()
                } else {
                    let p = *self.rng.pick(&patterns);
                    let span = *self.rng.pick(&spans);
                    match sample_within(p, &mut self.rng, span as u32) {
                        Some(s) => s,
                        None => continue,
                    }
                };
                if fits(&candidate) {
                    return candidate;
                }
            }
            if let Some(x) = pooled.first() {
                return x.as_str().unwrap_or_default().to_owned();
            }
        }
        if let Some(format) = v.get("format").and_then(Value::as_str)
            && self.rng.chance(2, 3)
            && let Some(s) = format_sample(format)
        {
            return s.to_owned();
        }
        let hi = max.unwrap_or(min + 8).max(min);
        let len = match self.rng.below(5) {
            0 => min,
            1 => hi,
            2 => (min + 1).min(hi),
            3 => hi.saturating_sub(1).max(min),
            _ => min + self.rng.below(hi - min + 1),
        };
        let len = len.min(min.max(300));
        (0..len).map(|_| *self.rng.pick(ALPHABET)).collect()
    }

    /// An array meant to satisfy `v`'s counts, items and uniqueness.
    fn array(&mut self, v: &View<'a>) -> Value {
        let min = v.count("minItems", true).unwrap_or(0);
        let max = v.count("maxItems", false);
        let hi = max.unwrap_or(min + 3).max(min);
        let mut n = match self.rng.below(4) {
            0 => min,
            1 => hi,
            _ => min + self.rng.below(hi - min + 1),
        };
        if self.left == 0 {
            n = min;
        }
        let n = n.min(min.max(8));
        let unique = v.all("uniqueItems").any(|u| u == &Value::Bool(true));
        let mut out: Vec<Value> = Vec::with_capacity(n);
        let mut tries = 0;
        while out.len() < n && tries < n * 4 + 4 {
            tries += 1;
            let item = self.item_schema(v, out.len());
            let x = self.value(item, v.refs);
            if unique && out.iter().any(|y| same(y, &x)) {
                continue;
            }
            out.push(x);
        }
        Value::Array(out)
    }

    /// The schema of the array item at `index`: `prefixItems` (or draft-07's array `items`),
    /// then `items` (or `additionalItems`).
    fn item_schema(&self, v: &View<'a>, index: usize) -> &'a Value {
        for p in &v.parts {
            let tuple = match (p.get("prefixItems"), p.get("items")) {
                (Some(Value::Array(t)), _) | (None, Some(Value::Array(t))) => Some(t),
                _ => None,
            };
            if let Some(t) = tuple {
                if let Some(s) = t.get(index) {
                    return s;
                }
                let rest = if p.contains_key("prefixItems") {
                    p.get("items")
                } else {
                    p.get("additionalItems")
                };
                if let Some(s) = rest {
                    return s;
                }
                continue;
            }
            if let Some(s) = p.get("items") {
                return s;
            }
        }
        &ANY
    }

    /// The declared members of `v`, in order, each with every schema given for it.
    fn properties(v: &View<'a>) -> Vec<(&'a str, Vec<&'a Value>)> {
        let mut out: Vec<(&'a str, Vec<&'a Value>)> = Vec::new();
        for props in v.all("properties") {
            let Value::Object(props) = props else {
                continue;
            };
            for (name, s) in props {
                match out.iter_mut().find(|(n, _)| n == name) {
                    Some((_, schemas)) => schemas.push(s),
                    None => out.push((name.as_str(), vec![s])),
                }
            }
        }
        out
    }

    /// The required member names of `v`.
    fn required(v: &View<'a>) -> Vec<&'a str> {
        let mut out: Vec<&'a str> = Vec::new();
        for r in v.all("required") {
            for n in r.as_array().into_iter().flatten().filter_map(Value::as_str) {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
        out
    }

    /// A value for a member given several schemas (one from each part that declares it): the
    /// first, with the others' `$ref`s followed in the same view when they are references.
    fn member(&mut self, schemas: &[&'a Value], refs: u32) -> Value {
        let s = if schemas.len() > 1 {
            // Prefer the schema that says the most.
            *schemas
                .iter()
                .max_by_key(|s| s.as_object().map_or(0, Map::len))
                .unwrap_or(&schemas[0])
        } else {
            schemas[0]
        };
        self.value(s, refs)
    }

    /// An object meant to satisfy `v`'s members, counts and names.
    fn object(&mut self, v: &View<'a>) -> Value {
        let props = Self::properties(v);
        let required = Self::required(v);
        let additional = v.get("additionalProperties");
        let mut out = Map::new();
        for (name, schemas) in &props {
            let needed = required.contains(name);
            if needed || (self.left > 0 && self.rng.chance(13, 20)) {
                let x = self.member(schemas, v.refs);
                out.insert((*name).to_owned(), x);
            }
        }
        for name in &required {
            if !out.contains_key(*name) {
                let x = match additional {
                    Some(s @ Value::Object(_)) => self.value(s, v.refs),
                    _ => self.anything(1),
                };
                out.insert((*name).to_owned(), x);
            }
        }
        // Other members: as many as the counts ask (of a map, or of names that match
        // `patternProperties` beside `additionalProperties: false`), or, beside declared
        // members, at times one.
        let min = v.count("minProperties", true).unwrap_or(0);
        let max = v.count("maxProperties", false);
        let closed = matches!(additional, Some(Value::Bool(false)));
        let patterned = v
            .get("patternProperties")
            .and_then(Value::as_object)
            .is_some_and(|pp| !pp.is_empty());
        if !closed || patterned {
            let target = if self.left == 0 {
                min
            } else if !props.is_empty() {
                out.len() + usize::from(self.rng.chance(1, 6))
            } else {
                let hi = max.unwrap_or(min + 3).max(min);
                match self.rng.below(3) {
                    0 => min,
                    1 => hi,
                    _ => min + self.rng.below(hi - min + 1),
                }
            };
            let target = target.min(min.max(out.len() + 8));
            let mut tries = 0;
            while out.len() < target && tries < 20 {
                tries += 1;
                let (name, schema) = self.extra_member(v, &props);
                if out.contains_key(&name) {
                    continue;
                }
                let x = self.value(schema, v.refs);
                out.insert(name, x);
            }
        }
        Value::Object(out)
    }

    /// A member not among the declared ones, and the schema of its value: a name that
    /// matches a `patternProperties` pattern (always when `additionalProperties` is false),
    /// or one from `propertyNames`, or another name, under `additionalProperties`.
    fn extra_member(
        &mut self,
        v: &View<'a>,
        props: &[(&'a str, Vec<&'a Value>)],
    ) -> (String, &'a Value) {
        let closed = matches!(v.get("additionalProperties"), Some(Value::Bool(false)));
        if let Some(Value::Object(pp)) = v.get("patternProperties")
            && !pp.is_empty()
            && (closed || self.rng.chance(1, 2))
        {
            let i = self.rng.below(pp.len());
            if let Some((p, schema)) = pp.iter().nth(i) {
                let span = *self.rng.pick(&[1u32, 3, 6]);
                if let Some(name) = sample_within(p, &mut self.rng, span) {
                    return (name, schema);
                }
            }
        }
        let schema = v.get("additionalProperties").unwrap_or(&ANY);
        (self.member_name(v, props), schema)
    }

    /// A name for a member not declared: from `propertyNames` when given, else one of a few.
    fn member_name(&mut self, v: &View<'a>, props: &[(&'a str, Vec<&'a Value>)]) -> String {
        if let Some(names) = v.get("propertyNames") {
            let names = self.view(names, v.refs);
            if let Some(Value::Array(values)) = names.get("enum")
                && let Some(s) = values
                    .iter()
                    .filter_map(Value::as_str)
                    .nth(self.rng.below(values.len()))
            {
                return s.to_owned();
            }
            return self.string(&names);
        }
        match self.rng.below(4) {
            0 if !props.is_empty() => respell(self.rng.pick(props).0),
            1 => {
                let n = 1 + self.rng.below(6);
                (0..n).map(|_| *self.rng.pick(ALPHABET)).collect()
            }
            _ => (*self.rng.pick(UNKNOWN_NAMES)).to_owned(),
        }
    }

    /// A value one step past one keyword of `v` where it stands, the keyword chosen alike
    /// among those that apply to the value made here: another type, an `enum` or `const`
    /// edit, an edit of an example the schema gives, or one bound, length, count, member or
    /// name of the value's own type.
    fn near_miss(&mut self, v: &View<'a>, schema: &'a Value, refs: u32) -> Value {
        let base = self.valid(v);
        let mut kinds = vec![Miss::OtherType];
        if v.has("enum") || v.has("const") {
            kinds.push(Miss::Enum);
        }
        let mut pooled = Vec::new();
        self.pool(schema, refs, &mut pooled, 0);
        if !pooled.is_empty() {
            kinds.push(Miss::Example);
        }
        match &base {
            Value::String(_) => {
                if v.count("minLength", true).is_some_and(|m| m > 0) {
                    kinds.push(Miss::Short);
                }
                if v.has("maxLength") {
                    kinds.push(Miss::Long);
                }
                kinds.push(Miss::Edit);
            }
            Value::Number(_) => {
                let (lo, hi) = Self::bounds(v);
                if lo.is_some() {
                    kinds.push(Miss::Below);
                }
                if hi.is_some() {
                    kinds.push(Miss::Above);
                }
                if v.has("multipleOf") {
                    kinds.push(Miss::Between);
                }
                kinds.push(Miss::Wide);
            }
            Value::Array(items) => {
                if v.count("minItems", true).is_some_and(|m| m > 0) {
                    kinds.push(Miss::Fewer);
                }
                if v.count("maxItems", false).is_some_and(|m| m < 64) {
                    kinds.push(Miss::More);
                }
                if !items.is_empty() {
                    kinds.push(Miss::Repeat);
                }
                kinds.push(Miss::BadItem);
            }
            Value::Object(_) => {
                let required = Self::required(v);
                let props = Self::properties(v);
                if !required.is_empty() {
                    kinds.push(Miss::Drop(required[self.rng.below(required.len())]));
                }
                if !props.is_empty() {
                    kinds.push(Miss::Null(self.rng.pick(&props).0));
                    kinds.push(Miss::Respelled(self.rng.pick(&props).0));
                }
                kinds.push(Miss::Unknown);
                if v.count("maxProperties", false).is_some_and(|m| m < 64) {
                    kinds.push(Miss::More);
                }
                if v.count("minProperties", true).is_some_and(|m| m > 0) {
                    kinds.push(Miss::Fewer);
                }
                if v.has("propertyNames") {
                    kinds.push(Miss::BadName);
                }
            }
            _ => {}
        }
        let kind = self.rng.pick(&kinds).clone();
        match (kind, base) {
            (Miss::OtherType, _) => self.other_type(v),
            (Miss::Enum, _) => self.enum_miss(v).unwrap_or_else(|| self.other_type(v)),
            (Miss::Example, _) => {
                let x = self.rng.pick(&pooled).clone();
                self.edit(&x)
            }
            (kind, Value::String(s)) => Value::String(self.string_miss(v, kind, s)),
            (kind, Value::Number(_)) => self.number_miss(v, kind),
            (kind, Value::Array(items)) => self.array_miss(v, kind, items),
            (kind, Value::Object(map)) => self.object_miss(v, kind, map),
            (_, _) => self.other_type(v),
        }
    }

    /// A value of a type `v` does not allow: `null` most often.
    fn other_type(&mut self, v: &View<'a>) -> Value {
        let allowed = v.types().unwrap_or_default();
        let candidates: Vec<Value> = [
            Value::Null,
            Value::Bool(true),
            Value::from(1.5),
            Value::from(7),
            Value::from("x"),
            Value::from("1"),
            Value::Array(vec![]),
            Value::Object(Map::new()),
        ]
        .into_iter()
        .filter(|c| allowed.is_empty() || !allowed.contains(&type_of(c)))
        .collect();
        if candidates.is_empty() {
            return Value::Null;
        }
        if candidates[0].is_null() && self.rng.chance(1, 2) {
            return Value::Null;
        }
        self.rng.pick(&candidates).clone()
    }

    /// A value near one of `v`'s `enum` or `const` values and not one of them.
    fn enum_miss(&mut self, v: &View<'a>) -> Option<Value> {
        let values: Vec<&Value> = match (v.get("const"), v.get("enum")) {
            (Some(c), _) => vec![c],
            (None, Some(Value::Array(e))) if !e.is_empty() => e.iter().collect(),
            _ => return None,
        };
        for _ in 0..6 {
            let chosen: &Value = values[self.rng.below(values.len())];
            let x = self.edit(chosen);
            if !values.iter().any(|y| same(y, &x)) {
                return Some(x);
            }
        }
        None
    }

    /// `base` one character short of `minLength`, one past `maxLength`, or edited (which
    /// breaks a `pattern` or a format, at times).
    fn string_miss(&mut self, v: &View<'a>, kind: Miss<'a>, base: String) -> String {
        // Padding with a character the string has keeps a pattern of one class matched.
        let c = match base.chars().last() {
            Some(c) => c,
            None => *self.rng.pick(ALPHABET),
        };
        match kind {
            Miss::Short => {
                let m = v.count("minLength", true).unwrap_or(1).saturating_sub(1);
                base.chars().chain(std::iter::repeat(c)).take(m).collect()
            }
            Miss::Long => {
                let m = v.count("maxLength", false).unwrap_or(0).min(4096) + 1;
                base.chars().chain(std::iter::repeat(c)).take(m).collect()
            }
            _ => match self.edit(&Value::String(base)) {
                Value::String(s) => s,
                other => other.to_string(),
            },
        }
    }

    /// A number one step past `v`'s lower or upper bound (or on an exclusive one), between
    /// two multiples of `multipleOf`, or at and past what 32 and 64 bits hold (a fraction, for
    /// an integer).
    fn number_miss(&mut self, v: &View<'a>, kind: Miss<'a>) -> Value {
        let (lo, hi) = Self::bounds(v);
        let m = v.bound("multipleOf", true).filter(|m| *m > 0.0);
        let integer = v
            .types()
            .is_some_and(|t| !t.contains(&"number") && t.contains(&"integer"));
        let step = m.unwrap_or(if integer { 1.0 } else { 0.5 });
        match (kind, lo, hi) {
            (Miss::Below, Some((l, ex)), _) => {
                if ex || self.rng.chance(1, 4) {
                    float_or_int(if ex { l } else { l - 1.0 })
                } else {
                    float_or_int(l - step)
                }
            }
            (Miss::Above, _, Some((h, ex))) => {
                if ex || self.rng.chance(1, 4) {
                    float_or_int(if ex { h } else { h + 1.0 })
                } else {
                    float_or_int(h + step)
                }
            }
            (Miss::Between, _, _) => {
                let m = m.unwrap_or(1.0);
                let base = match (lo, hi) {
                    (Some((l, _)), _) => (l / m).ceil() * m,
                    (None, Some((h, _))) => (h / m).floor() * m - m,
                    (None, None) => m,
                };
                // Between two multiples, and still an integer where one is asked.
                let off = if integer && m >= 2.0 && m.fract() == 0.0 {
                    1.0
                } else {
                    m / 2.0
                };
                float_or_int(base + off)
            }
            _ => {
                let mut wide = vec![
                    Value::from(i64::from(i32::MAX)),
                    Value::from(i64::from(i32::MIN)),
                    Value::from(2_147_483_648i64),
                    Value::from(-2_147_483_649i64),
                    Value::from(i64::MAX),
                    Value::from(i64::MIN),
                    Value::from(9_223_372_036_854_775_808u64),
                    Value::from(u64::MAX),
                    Value::from(1e20),
                    Value::from(-1e300),
                ];
                if integer {
                    wide.push(Value::from(0.5));
                    wide.push(Value::from(-1.5));
                }
                self.rng.pick(&wide).clone()
            }
        }
    }

    /// `base` one item short of `minItems` or past `maxItems`, with an item repeated, or with
    /// one more item that misses its schema.
    fn array_miss(&mut self, v: &View<'a>, kind: Miss<'a>, mut base: Vec<Value>) -> Value {
        match kind {
            Miss::Fewer => {
                base.truncate(v.count("minItems", true).unwrap_or(1).saturating_sub(1));
            }
            Miss::More => {
                let m = v.count("maxItems", false).unwrap_or(0) + 1;
                let unique = v.all("uniqueItems").any(|u| u == &Value::Bool(true));
                let mut tries = 0;
                while base.len() < m && tries < 4 * m + 8 {
                    tries += 1;
                    let s = self.item_schema(v, base.len());
                    let x = self.least(s, 3);
                    if !(unique && base.iter().any(|y| same(y, &x))) {
                        base.push(x);
                    }
                }
            }
            Miss::Repeat if !base.is_empty() => {
                let x = base[self.rng.below(base.len())].clone();
                base.push(x);
            }
            _ => {
                let s = self.item_schema(v, base.len());
                let saved = (self.miss, self.misses, self.target);
                (self.miss, self.misses, self.target) = (1000, 1, None);
                let x = self.value(s, v.refs);
                (self.miss, self.misses, self.target) = saved;
                base.push(x);
            }
        }
        Value::Array(base)
    }

    /// `base` without a required member, with a member `null`, with an unknown member or a
    /// declared one spelled another way, past its member counts, or with a member whose name
    /// misses `propertyNames`.
    fn object_miss(&mut self, v: &View<'a>, kind: Miss<'a>, mut base: Map<String, Value>) -> Value {
        match kind {
            Miss::Drop(name) => {
                base.remove(name);
            }
            Miss::Null(name) => {
                base.insert(name.to_owned(), Value::Null);
            }
            Miss::Respelled(name) => {
                let other = respell(name);
                let x = base.get(name).cloned().unwrap_or_else(|| self.anything(1));
                base.insert(other, x);
            }
            Miss::More => {
                let max = v.count("maxProperties", false).unwrap_or(0);
                let props = Self::properties(v);
                let mut tries = 0;
                while base.len() <= max && tries < 64 {
                    tries += 1;
                    let (name, schema) = self.extra_member(v, &props);
                    if !base.contains_key(&name) {
                        let x = self.least(schema, 2);
                        base.insert(name, x);
                    }
                }
            }
            Miss::Fewer => {
                let min = v.count("minProperties", true).unwrap_or(1);
                while base.len() >= min {
                    let Some(k) = base.keys().next().cloned() else {
                        break;
                    };
                    base.remove(&k);
                }
            }
            Miss::BadName => {
                let props = Self::properties(v);
                let (name, schema) = self.extra_member(v, &props);
                let names = v
                    .get("propertyNames")
                    .map_or_else(View::default, |n| self.view(n, v.refs));
                // An edit most often: it is what breaks a pattern.
                let mut kinds = vec![Miss::Edit, Miss::Edit];
                if names.count("minLength", true).is_some_and(|m| m > 0) {
                    kinds.push(Miss::Short);
                }
                if names.has("maxLength") {
                    kinds.push(Miss::Long);
                }
                let kind = self.rng.pick(&kinds).clone();
                let bad = self.string_miss(&names, kind, name);
                let x = self.least(schema, 2);
                base.insert(bad, x);
            }
            _ => {
                let name = (*self.rng.pick(UNKNOWN_NAMES)).to_owned();
                let x = self.anything(1);
                base.insert(name, x);
            }
        }
        Value::Object(base)
    }

    /// `x` changed in one small way.
    fn edit(&mut self, x: &Value) -> Value {
        match x {
            Value::Null => self
                .rng
                .pick(&[Value::from(0), Value::from(""), Value::Bool(false)])
                .clone(),
            Value::Bool(b) => match self.rng.below(2) {
                0 => Value::Bool(!b),
                _ => Value::from(b.to_string()),
            },
            Value::Number(n) => {
                let f = n.as_f64().unwrap_or(0.0);
                match self.rng.below(5) {
                    0 => float_or_int(f + 1.0),
                    1 => float_or_int(f - 1.0),
                    2 => Value::from(f + 0.5),
                    3 => float_or_int(-f - 1.0),
                    _ => Value::from(n.to_string()),
                }
            }
            Value::String(s) => {
                let mut chars: Vec<char> = s.chars().collect();
                match self.rng.below(6) {
                    0 if !chars.is_empty() => {
                        chars.remove(self.rng.below(chars.len()));
                    }
                    1 => {
                        let at = self.rng.below(chars.len() + 1);
                        chars.insert(at, *self.rng.pick(ALPHABET));
                    }
                    2 => {
                        let flipped: String = s
                            .chars()
                            .map(|c| {
                                if c.is_uppercase() {
                                    c.to_lowercase().next().unwrap_or(c)
                                } else {
                                    c.to_uppercase().next().unwrap_or(c)
                                }
                            })
                            .collect();
                        chars = flipped.chars().collect();
                    }
                    3 => chars.push(' '),
                    4 if !chars.is_empty() => {
                        let at = self.rng.below(chars.len());
                        chars[at] = *self.rng.pick(ALPHABET);
                    }
                    _ => chars.insert(0, *self.rng.pick(ALPHABET)),
                }
                Value::String(chars.into_iter().collect())
            }
            Value::Array(items) => {
                let mut items = items.clone();
                match self.rng.below(3) {
                    0 if !items.is_empty() => {
                        items.pop();
                    }
                    1 if !items.is_empty() => {
                        let i = self.rng.below(items.len());
                        let e = self.edit(&items[i]);
                        items[i] = e;
                    }
                    _ => items.push(self.anything(0)),
                }
                Value::Array(items)
            }
            Value::Object(map) => {
                let mut map = map.clone();
                let keys: Vec<String> = map.keys().cloned().collect();
                match self.rng.below(3) {
                    0 if !keys.is_empty() => {
                        map.remove(self.rng.pick(&keys));
                    }
                    1 if !keys.is_empty() => {
                        let k = self.rng.pick(&keys).clone();
                        let e = self.edit(&map[&k]);
                        map.insert(k, e);
                    }
                    _ => {
                        map.insert((*self.rng.pick(UNKNOWN_NAMES)).to_owned(), Value::Null);
                    }
                }
                Value::Object(map)
            }
        }
    }

    /// A small JSON value of any type, `depth` levels of arrays and objects at most.
    fn anything(&mut self, depth: u32) -> Value {
        match self.rng.below(if depth == 0 { 5 } else { 7 }) {
            0 => Value::Null,
            1 => Value::Bool(self.rng.chance(1, 2)),
            2 => Value::from(self.rng.between(-3, 3) as i64),
            3 => Value::from(1.5),
            4 => {
                let n = self.rng.below(4);
                Value::String((0..n).map(|_| *self.rng.pick(ALPHABET)).collect())
            }
            5 => Value::Array(
                (0..self.rng.below(3))
                    .map(|_| self.anything(depth - 1))
                    .collect(),
            ),
            _ => {
                let mut m = Map::new();
                for _ in 0..self.rng.below(3) {
                    let k = (*self.rng.pick(&["a", "b", "x"])).to_owned();
                    let x = self.anything(depth - 1);
                    m.insert(k, x);
                }
                Value::Object(m)
            }
        }
    }
}

/// The values one schema object gives as examples of itself: `examples`, `example`,
/// `default`, `const` and `enum` values.
fn own_examples(map: &Map<String, Value>) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(Value::Array(xs)) = map.get("examples") {
        out.extend(xs.iter().cloned());
    }
    for key in ["example", "default", "const"] {
        if let Some(x) = map.get(key) {
            out.push(x.clone());
        }
    }
    if let Some(Value::Array(xs)) = map.get("enum") {
        out.extend(xs.iter().cloned());
    }
    out
}

/// Whether `a` and `b` are equal as JSON Schema compares values (`uniqueItems`, `enum`): numbers
/// by value (`1` is `1.0`), arrays item by item, objects member by member.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
                (Some(i), Some(j), _, _) => i == j,
                (_, _, Some(i), Some(j)) => i == j,
                _ => x.as_f64() == y.as_f64(),
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, a)| y.get(k).is_some_and(|b| same(a, b)))
        }
        _ => a == b,
    }
}

/// The JSON Schema type name of `x` (`integer` for a number without a fraction).
fn type_of(x: &Value) -> &'static str {
    match x {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// `name` spelled another way: `camelCase` as `snake_case`, `snake_case` as `camelCase`, or
/// its first letter's case flipped.
fn respell(name: &str) -> String {
    if name.contains('_') {
        let mut out = String::new();
        let mut up = false;
        for c in name.chars() {
            if c == '_' {
                up = true;
            } else if up {
                out.extend(c.to_uppercase());
                up = false;
            } else {
                out.push(c);
            }
        }
        if out != name {
            return out;
        }
    }
    if name.chars().skip(1).any(char::is_uppercase) {
        let mut out = String::new();
        for c in name.chars() {
            if c.is_uppercase() {
                out.push('_');
                out.extend(c.to_lowercase());
            } else {
                out.push(c);
            }
        }
        return out;
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => "_".to_owned(),
    }
}

/// `n` as a JSON integer, or as a float past 64 bits.
fn int_value(n: i128) -> Value {
    if let Ok(i) = i64::try_from(n) {
        Value::from(i)
    } else if let Ok(u) = u64::try_from(n) {
        Value::from(u)
    } else {
        Value::from(n as f64)
    }
}

/// `x` as a JSON number: finite, `0` for what is not.
fn float_value(x: f64) -> Value {
    Number::from_f64(x).map_or(Value::from(0), Value::Number)
}

/// `x` as a JSON integer when it has no fraction and fits 64 bits, else as a float.
fn float_or_int(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e18 {
        Value::from(x as i64)
    } else {
        float_value(x)
    }
}

/// `a / b` rounded up (`b > 0`).
fn div_ceil(a: i128, b: i128) -> i128 {
    let q = a.div_euclid(b);
    if a.rem_euclid(b) == 0 { q } else { q + 1 }
}

/// `a / b` rounded down (`b > 0`).
fn div_floor(a: i128, b: i128) -> i128 {
    a.div_euclid(b)
}

/// A value of `format` that its definition accepts, for the formats that have one here.
fn format_sample(format: &str) -> Option<&'static str> {
    Some(match format {
        "date-time" => "2024-02-29T23:59:60Z",
        "date" => "2024-02-29",
        "time" => "12:34:56.789+02:00",
        "duration" => "P1DT2H",
        "email" => "user@example.com",
        "hostname" => "api.example.com",
        "ipv4" => "192.0.2.1",
        "ipv6" => "2001:db8::1",
        "uri" => "https://example.com/a?b=c#d",
        "uri-reference" => "../a/b",
        "uuid" => "123e4567-e89b-12d3-a456-426614174000",
        "json-pointer" => "/a/b~1c",
        "regex" => "^a+$",
        _ => return None,
    })
}

/// A string the regular expression `pattern` matches, made by walking it, for a subset of
/// the syntax: literals, escapes (`\d`, `\w`, `\s` and their negations, escaped punctuation),
/// classes with ranges and negation, `.`, groups with alternatives, `?`, `*`, `+` and
/// `{m,n}`, anchors. `None` for what it does not read (lookaround, backreferences, `\p`).
pub fn sample_pattern(pattern: &str, rng: &mut Rng) -> Option<String> {
    sample_within(pattern, rng, 3)
}

/// [`sample_pattern`], each repetition at most `span` times more than its least.
fn sample_within(pattern: &str, rng: &mut Rng, span: u32) -> Option<String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut parser = Pattern { chars, at: 0 };
    let node = parser.alternatives()?;
    if parser.at != parser.chars.len() {
        return None;
    }
    let mut out = String::new();
    node.sample(rng, span, &mut out);
    Some(out)
}

/// A parsed regular expression, as far as [`sample_pattern`] reads them.
enum Node {
    /// One of these characters.
    Set(Vec<(char, char)>),
    /// Any character but these.
    NotSet(Vec<(char, char)>),
    /// One of several sequences.
    Either(Vec<Vec<Node>>),
    /// A node between `min` and `max` times.
    Repeat(Box<Node>, u32, u32),
    /// An anchor: matches nothing.
    Empty,
}

impl Node {
    /// Appends to `out` a string this node matches, each repetition at most `span` more than
    /// its least.
    fn sample(&self, rng: &mut Rng, span: u32, out: &mut String) {
        match self {
            Node::Set(ranges) => {
                let total: u64 = ranges
                    .iter()
                    .map(|(a, b)| u64::from(*b as u32 - *a as u32) + 1)
                    .sum();
                let mut k = rng.next_u64() % total.max(1);
                for (a, b) in ranges {
                    let n = u64::from(*b as u32 - *a as u32) + 1;
                    if k < n {
                        if let Some(c) = char::from_u32(*a as u32 + k as u32) {
                            out.push(c);
                        }
                        return;
                    }
                    k -= n;
                }
            }
            Node::NotSet(ranges) => {
                let inside = |c: char| ranges.iter().any(|(a, b)| *a <= c && c <= *b);
                let outside: Vec<char> = ALPHABET.iter().copied().filter(|c| !inside(*c)).collect();
                if !outside.is_empty() {
                    out.push(*rng.pick(&outside));
                }
            }
            Node::Either(branches) => {
                if branches.is_empty() {
                    return;
                }
                for n in rng.pick(branches) {
                    n.sample(rng, span, out);
                }
            }
            Node::Repeat(node, min, max) => {
                let hi = (*max).min(min.saturating_add(span));
                let times = rng.between(i128::from(*min), i128::from(hi));
                for _ in 0..times {
                    node.sample(rng, span, out);
                }
            }
            Node::Empty => {}
        }
    }
}

/// The reader of a pattern's text.
struct Pattern {
    chars: Vec<char>,
    at: usize,
}

impl Pattern {
    /// The next character, not read yet.
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    /// Sequences separated by `|`.
    fn alternatives(&mut self) -> Option<Node> {
        let mut branches = vec![self.sequence()?];
        while self.peek() == Some('|') {
            self.at += 1;
            branches.push(self.sequence()?);
        }
        Some(Node::Either(branches))
    }

    /// Atoms, each with its quantifier, up to a `|` or `)`.
    fn sequence(&mut self) -> Option<Vec<Node>> {
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            let atom = self.quantified(atom)?;
            out.push(atom);
        }
        Some(out)
    }

    /// `atom` with the quantifier after it, if any (a lazy or possessive one read as greedy).
    fn quantified(&mut self, atom: Node) -> Option<Node> {
        let (min, max) = match self.peek() {
            Some('*') => (0, u32::MAX),
            Some('+') => (1, u32::MAX),
            Some('?') => (0, 1),
            Some('{') => {
                let close = self.chars[self.at..].iter().position(|c| *c == '}')?;
                let body: String = self.chars[self.at + 1..self.at + close].iter().collect();
                let (lo, hi) = match body.split_once(',') {
                    Some((lo, "")) => (lo.trim().parse().ok()?, u32::MAX),
                    Some((lo, hi)) => (lo.trim().parse().ok()?, hi.trim().parse().ok()?),
                    None => {
                        let n = body.trim().parse().ok()?;
                        (n, n)
                    }
                };
                self.at += close;
                (lo, hi)
            }
            _ => return Some(atom),
        };
        self.at += 1;
        if self.peek() == Some('?') || self.peek() == Some('+') {
            self.at += 1;
        }
        Some(Node::Repeat(Box::new(atom), min, max))
    }

    /// A character, a class, an escape, `.`, an anchor or a group.
    fn atom(&mut self) -> Option<Node> {
        let c = self.peek()?;
        self.at += 1;
        Some(match c {
            '^' | '$' => Node::Empty,
            '.' => Node::NotSet(vec![('\n', '\n'), ('\r', '\r')]),
            '(' => {
                if self.peek() == Some('?') {
                    self.at += 1;
                    match self.peek() {
                        Some(':') => self.at += 1,
                        // A named group.
                        Some('<') if !matches!(self.chars.get(self.at + 1), Some('=' | '!')) => {
                            let close = self.chars[self.at..].iter().position(|c| *c == '>')?;
                            self.at += close + 1;
                        }
                        _ => return None,
                    }
                }
                let inner = self.alternatives()?;
                if self.peek() != Some(')') {
                    return None;
                }
                self.at += 1;
                inner
            }
            '[' => self.class()?,
            '\\' => self.escape(false)?,
            ')' | '*' | '+' | '?' | '{' => return None,
            c => Node::Set(vec![(c, c)]),
        })
    }

    /// An escape after `\`; in a class when `in_class` (where `\b` is a backspace).
    fn escape(&mut self, in_class: bool) -> Option<Node> {
        let c = self.peek()?;
        self.at += 1;
        let digits = vec![('0', '9')];
        let word = vec![('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
        let space = vec![(' ', ' '), ('\t', '\r')];
        Some(match c {
            'd' => Node::Set(digits),
            'D' => Node::NotSet(digits),
            'w' => Node::Set(word),
            'W' => Node::NotSet(word),
            's' => Node::Set(space),
            'S' => Node::NotSet(space),
            'n' => Node::Set(vec![('\n', '\n')]),
            't' => Node::Set(vec![('\t', '\t')]),
            'r' => Node::Set(vec![('\r', '\r')]),
            'b' if in_class => Node::Set(vec![('\u{8}', '\u{8}')]),
            'b' | 'B' | 'A' | 'z' | 'Z' => Node::Empty,
            'u' => {
                let hex: String = self.chars.get(self.at..self.at + 4)?.iter().collect();
                let code = u32::from_str_radix(&hex, 16).ok()?;
                self.at += 4;
                let c = char::from_u32(code)?;
                Node::Set(vec![(c, c)])
            }
            'x' => {
                let hex: String = self.chars.get(self.at..self.at + 2)?.iter().collect();
                let code = u32::from_str_radix(&hex, 16).ok()?;
                self.at += 2;
                let c = char::from_u32(code)?;
                Node::Set(vec![(c, c)])
            }
            c if c.is_ascii_alphanumeric() => return None,
            c => Node::Set(vec![(c, c)]),
        })
    }

    /// A class after `[`, up to its `]`.
    fn class(&mut self) -> Option<Node> {
        let negated = self.peek() == Some('^');
        if negated {
            self.at += 1;
        }
        let mut ranges = Vec::new();
        let mut first = true;
        loop {
            let c = self.peek()?;
            if c == ']' && !first {
                self.at += 1;
                break;
            }
            first = false;
            self.at += 1;
            let lo = if c == '\\' {
                match self.escape(true)? {
                    Node::Set(r) if r.len() == 1 && r[0].0 == r[0].1 => r[0].0,
                    Node::Set(r) => {
                        ranges.extend(r);
                        continue;
                    }
                    _ => return None,
                }
            } else {
                c
            };
            if self.peek() == Some('-') && self.chars.get(self.at + 1).is_some_and(|c| *c != ']') {
                self.at += 1;
                let h = self.peek()?;
                self.at += 1;
                let hi = if h == '\\' {
                    match self.escape(true)? {
                        Node::Set(r) if r.len() == 1 && r[0].0 == r[0].1 => r[0].0,
                        _ => return None,
                    }
                } else {
                    h
                };
                if hi < lo {
                    return None;
                }
                ranges.push((lo, hi));
            } else {
                ranges.push((lo, lo));
            }
        }
        Some(if negated {
            Node::NotSet(ranges)
        } else {
            Node::Set(ranges)
        })
    }
}
