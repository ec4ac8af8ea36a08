//! Schemas of several kinds: the `null` a schema allows, in each way it can be written (a
//! value that may be `null` is an `Option`), and unions: `oneOf` (an enum with `one_of`: the
//! one branch that holds), `anyOf` and a `type` list (an enum with `untagged`: the first
//! branch that holds). Each branch is a variant holding its value; a `null` branch is a unit
//! variant of a named union, and the `Option` of a member's. OpenAPI's `discriminator` names
//! the member that tells the branches apart, which the branches' own schemas already check: it
//! adds nothing to what is accepted, and is read as the `oneOf` it sits beside.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::Lowering;
use super::annotations::NOTES;
use crate::input::{Document, ref_target};
use crate::model::{Kind, Variant};
use crate::names;

/// The keywords of a union's schema besides [`NOTES`]: `type` beside `oneOf`/`anyOf` only when
/// every branch is of that type.
const UNION: &[&str] = &["oneOf", "anyOf", "type", "nullable"];

/// The keywords each type of a `type` list takes, besides [`NOTES`].
const BY_TYPE: &[(&str, &[&str])] = &[
    ("string", &["minLength", "maxLength", "pattern"]),
    (
        "integer",
        &[
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ],
    ),
    (
        "number",
        &[
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ],
    ),
    ("boolean", &[]),
    ("array", &["items", "minItems", "maxItems", "uniqueItems"]),
    (
        "object",
        &[
            "properties",
            "required",
            "additionalProperties",
            "patternProperties",
            "propertyNames",
            "minProperties",
            "maxProperties",
        ],
    ),
];

/// Whether a schema is a union: `oneOf` or `anyOf` (other than of a schema and `null`, read
/// as an `Option` first), or a `type` list of more than one type besides `null`.
pub fn is_union(map: &Map<String, Value>) -> bool {
    let branching = ["oneOf", "anyOf"].iter().any(|k| match map.get(*k) {
        Some(Value::Array(list)) => {
            !(list.len() == 2 && list.iter().any(is_null) || list.len() == 1 && !is_null(&list[0]))
        }
        Some(_) => true,
        None => false,
    });
    branching || several_types(map)
}

/// Whether a branch is `null` alone: `{"type": "null"}`, described or not.
pub fn is_null(branch: &Value) -> bool {
    branch.get("type") == Some(&Value::from("null"))
        && branch.as_object().is_some_and(|o| {
            o.keys()
                .all(|k| matches!(k.as_str(), "type" | "description" | "title" | "$comment"))
        })
}

/// Whether `type` lists more than one type besides `null`.
pub(super) fn several_types(map: &Map<String, Value>) -> bool {
    matches!(map.get("type"), Some(Value::Array(t)) if t.iter().filter(|t| *t != "null").count() > 1)
}

/// A union's branches: each one's pointer and schema, `None` for a `null` branch; and whether
/// it is a `oneOf`. A `type` list's branches are its types, each with the keywords of its
/// kind, at the union's own pointer (their `items` and `additionalProperties` are where the
/// document has them), but for an object with `properties`, a struct of its own, whose
/// pointer is its type's in the list (`.../type/2`, see [`synthetic`]).
pub fn branches(map: &Map<String, Value>, at: &str) -> (bool, Vec<(String, Option<Value>)>) {
    for (key, one_of) in [("oneOf", true), ("anyOf", false)] {
        if let Some(Value::Array(list)) = map.get(key) {
            let out = list
                .iter()
                .enumerate()
                .map(|(i, b)| (format!("{at}/{key}/{i}"), (!is_null(b)).then(|| b.clone())))
                .collect();
            return (one_of, out);
        }
    }
    let types: Vec<&str> = match map.get("type") {
        Some(Value::Array(t)) => t.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for (i, t) in types.into_iter().enumerate() {
        if t == "null" {
            out.push((at.to_owned(), None));
            continue;
        }
        let mut branch = Map::new();
        branch.insert("type".into(), t.into());
        let own = BY_TYPE
            .iter()
            .find(|(name, _)| *name == t)
            .map_or(&[][..], |(_, keys)| *keys);
        for key in own {
            if let Some(v) = map.get(*key) {
                branch.insert((*key).into(), v.clone());
            }
        }
        if t == "string" || t == "integer" || t == "number" {
            if let Some(f) = map.get("format") {
                branch.insert("format".into(), f.clone());
            }
        }
        let here = if branch.contains_key("properties") {
            format!("{at}/type/{i}")
        } else {
            at.to_owned()
        };
        out.push((here, Some(Value::Object(branch))));
    }
    (false, out)
}

/// The schema of an object branch of a `type` list, which the document writes nowhere on its
/// own: at `pointer`, `<list's schema>/type/<i>`, where the document has the type's name,
/// the keywords of an object taken from beside the list (see [`branches`]).
pub fn synthetic(doc: &Document, pointer: &str) -> Option<Map<String, Value>> {
    let (parent, i) = pointer.rsplit_once("/type/")?;
    i.parse::<usize>().ok()?;
    let Value::Object(map) = doc.at(parent)? else {
        return None;
    };
    let mut map = Cow::Borrowed(map);
    super::plain(&mut map);
    let map = unwrap_null(map, parent).ok()?.map;
    let (_, list) = branches(&map, parent);
    list.into_iter()
        .find(|(at, _)| at == pointer)
        .and_then(|(_, b)| match b {
            Some(Value::Object(m)) => Some(m),
            _ => None,
        })
}

/// The type of the schema `node` is, following `$ref`s: its `type`, or `object` for one with
/// `properties`.
pub(super) fn type_of(doc: &Document, node: &Value) -> Option<String> {
    let mut node = node;
    for _ in 0..16 {
        match node.get("$ref").and_then(Value::as_str) {
            Some(r) => node = doc.at(&ref_target(r)?)?,
            None => break,
        }
    }
    match node.get("type") {
        Some(Value::String(t)) => Some(t.clone()),
        None if node.get("properties").is_some() => Some("object".into()),
        None if node.get("enum").is_some() => Some("string".into()),
        _ => None,
    }
}

/// Whether a `type` beside `oneOf`/`anyOf` in `map` says nothing more than its branches do:
/// every branch that is not `null` is of that type.
fn type_beside_branches_repeats(doc: &Document, map: &Map<String, Value>) -> bool {
    let listed: Vec<&str> = match map.get("type") {
        None => return true,
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(t)) => t.iter().filter_map(Value::as_str).collect(),
        Some(_) => return false,
    };
    let (_, branches) = branches(map, "");
    branches.iter().filter_map(|(_, b)| b.as_ref()).all(|b| {
        type_of(doc, b).is_some_and(|t| {
            listed.contains(&t.as_str()) || (t == "integer" && listed.contains(&"number"))
        })
    })
}

impl Lowering<'_> {
    /// A union's variants (see [`branches`]): each a value of its own, named after its type,
    /// its `title` or its place; a `null` branch is a unit variant, or, in a union written in
    /// a member (`inline`), left to the member's `Option`.
    pub(super) fn lower_union(
        &mut self,
        name: &str,
        map: &Map<String, Value>,
        at: &str,
        inline: bool,
    ) -> Option<Kind> {
        let notes: &[&str] = if inline { NOTES } else { &[] };
        let mut allowed: Vec<&str> = UNION.to_vec();
        if several_types(map) {
            for (_, keys) in BY_TYPE {
                allowed.extend_from_slice(keys);
            }
            allowed.push("format");
        }
        self.only(map, at, &[&allowed, notes, &["description"]], "a union");
        if map.contains_key("oneOf") && map.contains_key("anyOf") {
            self.cannot(
                &format!("{at}/anyOf"),
                "anyOf",
                "beside `oneOf` would need two unions of one value, which the derive does not make",
            );
        }
        if (map.contains_key("oneOf") || map.contains_key("anyOf"))
            && !type_beside_branches_repeats(self.doc, map)
        {
            self.cannot(&format!("{at}/type"), "type", "beside `oneOf`/`anyOf` is not the type of every branch: the derive's union has no rule of its own");
        }
        let (one_of, list) = branches(map, at);
        if list.is_empty() {
            self.refuse(at, "a union with no branch accepts nothing");
            return None;
        }
        let nullable = map.get("nullable") == Some(&Value::Bool(true));
        let mut used = names::Unique::default();
        let mut variants = Vec::new();
        for (i, (here, branch)) in list.iter().enumerate() {
            let Some(branch) = branch else {
                if !inline {
                    variants.push(Variant {
                        name: used.give("Null"),
                        value: None,
                    });
                }
                continue;
            };
            let label = self.variant_label(branch, i);
            let hint = format!("{name}{label}");
            let value = self.held_value(branch, here, &hint, "a union's branch")?;
            variants.push(Variant {
                name: used.give(&label),
                value: Some(value),
            });
        }
        if nullable && !inline {
            variants.push(Variant {
                name: used.give("Null"),
                value: None,
            });
        }
        if variants.iter().all(|v| v.value.is_none()) {
            self.refuse(
                at,
                "a union of nothing but `null`: a value that can only be `null` has no Rust type here",
            );
            return None;
        }
        Some(Kind::Union { one_of, variants })
    }

    /// A variant's name: its type's, its `title`, or its JSON type.
    fn variant_label(&self, branch: &Value, i: usize) -> String {
        if let Some(r) = branch.get("$ref").and_then(Value::as_str) {
            if let Some(name) = ref_target(r).and_then(|t| self.names.get(&t)) {
                return name.clone();
            }
            if let Some(last) = r.rsplit('/').next() {
                return names::type_name(&last.replace("~1", "/").replace("~0", "~"));
            }
        }
        if let Some(t) = branch.get("title").and_then(Value::as_str) {
            return names::type_name(t);
        }
        match branch.get("type").and_then(Value::as_str) {
            Some("string") if branch.get("enum").is_none() => "String".into(),
            Some("integer") => "Integer".into(),
            Some("number") => "Number".into(),
            Some("boolean") => "Boolean".into(),
            Some("array") => "Array".into(),
            Some("object") => "Object".into(),
            None if branch.get("properties").is_some() => "Object".into(),
            _ => format!("Variant{}", i + 1),
        }
    }
}

impl Lowering<'_> {
    /// A struct or an enum holds no `null`: the field that holds an inline one is an `Option`
    /// instead, as is every value that holds a named one (see [`super::holds_null`]), which
    /// says so in a warning. Takes the `null` out of `map`.
    pub(super) fn type_without_null(
        &mut self,
        map: &mut Cow<'_, Map<String, Value>>,
        pointer: &str,
        inline: bool,
    ) {
        let Ok(u) = unwrap_null(Cow::Borrowed(&**map), pointer) else {
            return;
        };
        if u.nullable && !inline {
            let note = self.note(pointer, "allows `null`, which a Rust struct or enum cannot hold: the type refuses it, and the members, items and values that hold it take `null` instead".into());
            self.warnings.push(note);
        }
        if let Cow::Owned(changed) = u.map {
            *map = Cow::Owned(changed);
        }
    }

    /// The schema without the `null` it allows (see [`unwrap_null`]).
    pub(super) fn strip_null<'a>(
        &mut self,
        map: Cow<'a, Map<String, Value>>,
        at: &str,
    ) -> Option<Unwrapped<'a>> {
        match unwrap_null(map, at) {
            Ok(u) => Some(u),
            Err(Unwrap::Refused(pointer, why)) => {
                self.refuse(&pointer, why);
                None
            }
        }
    }
}

/// A schema with the `null` it allows taken out.
pub struct Unwrapped<'a> {
    /// The schema without `null`: the one given when it allowed no `null` in any way that
    /// changes it, else a changed copy.
    pub map: Cow<'a, Map<String, Value>>,
    /// Whether it allowed `null`.
    pub nullable: bool,
    /// Where the schema without `null` is: the branch of an `anyOf` with `null`, or the node.
    pub at: String,
}

/// Why a schema's `null` could not be taken out: a malformed schema, where and why.
pub enum Unwrap {
    /// Where, and why.
    Refused(String, String),
}

/// Takes out the `null` a schema allows, in each way it can be written: `type: [t, "null"]`,
/// OpenAPI 3.0's `nullable: true`, `null` among `enum` values, or `anyOf` (or `oneOf`) of a
/// schema and `{"type": "null"}`. A union of more types or branches keeps them, `null` among
/// them, and says it allows `null`. An `allOf` of one `$ref` alone (OpenAPI 3.0's way to put
/// keywords beside a reference) becomes the `$ref`. A schema is copied only when it changes.
pub fn unwrap_null<'a>(
    mut map: Cow<'a, Map<String, Value>>,
    at: &str,
) -> Result<Unwrapped<'a>, Unwrap> {
    let mut at = at.to_owned();
    let mut nullable = false;
    // A `not` of patterns refuses `null` beside it (every pattern takes a value that is not a
    // string), whatever `nullable` or the `type` list beside it say.
    let refused = map
        .get("not")
        .and_then(super::scalars::not_patterns)
        .is_some();
    if map.get("nullable") == Some(&Value::Bool(true)) {
        map.to_mut().remove("nullable");
        nullable = !refused;
    }
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(options)) = map.get(key) else {
            continue;
        };
        // A schema and `null`, or one branch alone: that branch, beside the other keywords.
        let pair = options.len() == 2 && options.iter().any(is_null);
        if !(pair || (options.len() == 1 && !is_null(&options[0]))) {
            continue;
        }
        let i = usize::from(pair && is_null(&options[0]));
        let branch = format!("{at}/{key}/{i}");
        if !options[i].is_object() {
            return Err(Unwrap::Refused(branch, "a schema must be an object".into()));
        }
        let map = map.to_mut();
        let Some(Value::Array(mut options)) = map.remove(key) else {
            unreachable!("the branches were read above");
        };
        let Value::Object(inner) = options.swap_remove(i) else {
            unreachable!("the branch is an object");
        };
        for (k, v) in inner {
            // An annotation written on both says what the outer one says.
            let note = matches!(
                k.as_str(),
                "description" | "title" | "examples" | "deprecated" | "readOnly" | "writeOnly"
            );
            if note && map.contains_key(&k) {
                continue;
            }
            if map.contains_key(&k) {
                return Err(Unwrap::Refused(
                    format!("{branch}/{}", crate::input::escape(&k)),
                    format!("`{k}` is also beside `{key}`: write it once"),
                ));
            }
            map.insert(k, v);
        }
        nullable |= pair;
        at = branch;
        break;
    }
    // Branches that are only `required` lists (presence rules) check objects alone: `null`
    // meets each of them, so an `anyOf` of them takes it, and a `oneOf` of two or more
    // refuses it.
    let presence_only = |key: &str| {
        map.get(key).and_then(Value::as_array).is_some_and(|bs| {
            bs.iter().all(|b| {
                b.as_object()
                    .is_some_and(|b| b.len() == 1 && b.contains_key("required"))
            })
        })
    };
    let branching = (map.contains_key("oneOf")
        && !(presence_only("oneOf")
            && map
                .get("oneOf")
                .and_then(Value::as_array)
                .is_some_and(|b| b.len() < 2)))
        || (map.contains_key("anyOf") && !presence_only("anyOf"));
    // Beside an `enum`, `null` is allowed only when it is among the values.
    let listed = match map.get("enum") {
        Some(Value::Array(values)) => values.contains(&Value::Null),
        _ => true,
    };
    if let Some(Value::Array(types)) = map.get("type") {
        let others: Vec<&Value> = types.iter().filter(|t| *t != "null").collect();
        // Beside branches, `null` in the list is allowed only where a branch allows it.
        nullable |= others.len() < types.len() && !branching && listed && !refused;
        let one = match others.as_slice() {
            [t] => Some((*t).clone()),
            // A union of the types, whose `null` is the value's `Option`.
            [_, _, ..] => None,
            // `null` alone: a value that is always `null`.
            [] if !types.is_empty() => {
                nullable = false;
                Some("null".into())
            }
            [] => {
                return Err(Unwrap::Refused(
                    format!("{at}/type"),
                    "an empty `type` list accepts nothing".into(),
                ));
            }
        };
        if let Some(t) = one {
            map.to_mut().insert("type".into(), t);
        }
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(options)) = map.get(key) {
            // A union of the other branches, whose `null` is the value's `Option`.
            if options.len() > 2 && options.iter().any(is_null) {
                nullable = true;
            }
        }
    }
    if let Some(Value::Array(values)) = map.get("enum") {
        if values.contains(&Value::Null) && values.len() > 1 {
            if let Some(Value::Array(values)) = map.to_mut().get_mut("enum") {
                values.retain(|v| !v.is_null());
            }
            nullable = true;
        }
    }
    if let Some(Value::Array(parts)) = map.get("allOf") {
        if let [Value::Object(part)] = parts.as_slice() {
            if part.len() == 1
                && part.contains_key("$ref")
                && !map.contains_key("$ref")
                && !super::objects::has_object_keywords(&map)
            {
                let r = part["$ref"].clone();
                let map = map.to_mut();
                map.remove("allOf");
                map.insert("$ref".into(), r);
            }
        }
    }
    Ok(Unwrapped { map, nullable, at })
}
