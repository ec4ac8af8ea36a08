//! Objects with declared members, structs: `properties` in the document's order, `required`,
//! `additionalProperties` (`false` denies unknown members; a schema is a flattened map of the
//! others, as is one `patternProperties` entry beside `false`), and `allOf` of object schemas
//! merged into one.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::Lowering;
use super::annotations::{NOTES, ignorable};
use super::presence::{Conditional, conditional, not_lists, presence_keywords, presence_names};
use crate::input::{Document, ref_target};
use crate::model::{self as m, Field, Kind, MemberRules, Ty};
use crate::names;

/// The keywords of a struct's schema (an inline one also takes [`NOTES`]).
const STRUCT: &[&str] = &[
    "type",
    "properties",
    "required",
    "additionalProperties",
    "patternProperties",
    "minProperties",
    "maxProperties",
    "description",
];

/// The keywords a part of an `allOf` may have to be merged (a part's `title`, `description`
/// and `examples` describe the part, not the whole, and are left out).
const PART: &[&str] = &[
    "type",
    "properties",
    "required",
    "patternProperties",
    "description",
    "title",
    "examples",
    "additionalProperties",
];

/// Whether a schema is an object with declared members, a struct (not a `type` list of an
/// object and other types, a union, whose object branch is a struct).
pub fn is_struct(map: &Map<String, Value>) -> bool {
    map.contains_key("properties") && !super::unions::several_types(map)
}

/// Where and why a schema is refused.
pub type Refused = (String, String);

/// A member of a merged `allOf`: its name and where its schema is (in the part that declares
/// it).
pub type Member = (String, String);

/// Merges an `allOf` of object schemas (and `$ref`s to them) into one object schema: the
/// members in order, `required` joined, and the keywords beside `allOf` kept. A part (or the
/// schema beside `allOf`) closed by `additionalProperties: false` lets through only the names
/// its `properties` declare: the merged object is closed, and another part's member it does
/// not name is no member (or, when required, makes the schema refused, as accepting nothing).
/// The parts' `if`s of a member's value stay, each its `if` and `then` alone, in an `allOf`
/// of the merged object, which its presence rules read.
pub fn merge_all_of(
    doc: &Document,
    map: &Map<String, Value>,
    at: &str,
) -> Result<(Map<String, Value>, Vec<Member>), Refused> {
    merge_parts(doc, map, at, &mut Vec::new())
}

/// [`merge_all_of`], with the parts being merged on the way here (`within`): a part that is
/// one of them includes itself, which is refused rather than followed for ever.
fn merge_parts(
    doc: &Document,
    map: &Map<String, Value>,
    at: &str,
    within: &mut Vec<String>,
) -> Result<(Map<String, Value>, Vec<Member>), Refused> {
    let mut out = map.clone();
    out.remove("allOf");
    // Each `additionalProperties: false` (beside `allOf` or in a part) lets through only the
    // names declared beside it: its names, and where it is.
    let mut closures: Vec<(Vec<String>, String)> = Vec::new();
    if closed(&out) {
        let here = format!("{at}/additionalProperties");
        if !closes(&out) {
            return Err((
                here,
                "`additionalProperties` beside `allOf` sees only the members declared beside it, and refuses those of the parts: the derive cannot say that (write one object schema instead)".into(),
            ));
        }
        closures.push((declared(&out), here));
        out.remove("additionalProperties");
    }
    let Some(Value::Array(parts)) = map.get("allOf") else {
        return Err((format!("{at}/allOf"), "`allOf` must be an array".into()));
    };
    let mut props = match out.remove("properties") {
        Some(Value::Object(p)) => p,
        _ => Map::new(),
    };
    let mut required: Vec<Value> = match out.remove("required") {
        Some(Value::Array(r)) => r,
        _ => Vec::new(),
    };
    let mut part_props = Map::new();
    let mut patterns = match out.remove("patternProperties") {
        Some(Value::Object(p)) => p,
        _ => Map::new(),
    };
    let mut order: Vec<Member> = Vec::new();
    let mut every_member = false;
    // The parts' `not` of `required` lists, and their member counts.
    let mut not_all: Vec<Vec<String>> = Vec::new();
    // The parts' `if`s of a member's value.
    let mut conditions: Vec<Value> = Vec::new();
    let mut counts: [Option<u64>; 2] = [None, None];
    // `null` is allowed where the schema beside `allOf` and every part allow it (a part with
    // no `type` allows it); whether a part says `object` or `null`.
    let own_type = out.get("type").cloned();
    let mut null_ok = own_type
        .as_ref()
        .is_none_or(|t| t.as_array().is_some_and(|l| l.contains(&"null".into())));
    let mut or_null = false;
    for (i, part) in parts.iter().enumerate() {
        let here = format!("{at}/allOf/{i}");
        let mut node = part;
        let mut node_at = here.clone();
        for _ in 0..16 {
            match node.get("$ref").and_then(Value::as_str) {
                Some(r) => {
                    let Some(target) = ref_target(r) else {
                        return Err((
                            here,
                            format!(
                                "`$ref` to `{r}`: only references inside the document are read"
                            ),
                        ));
                    };
                    node = doc.at(&target).ok_or_else(|| {
                        (here.clone(), format!("`$ref` to `{r}`, which is not there"))
                    })?;
                    node_at = target;
                }
                None => break,
            }
        }
        let Value::Object(part_map) = node else {
            return Err((
                node_at,
                "each part of `allOf` must be an object schema".into(),
            ));
        };
        let (part_map, part_order) = if part_map.contains_key("allOf") {
            if node_at == at || within.contains(&node_at) {
                return Err((
                    here,
                    format!(
                        "`allOf` includes `{node_at}`, which includes this schema again: a schema cannot be made of itself"
                    ),
                ));
            }
            within.push(at.to_owned());
            let merged = merge_parts(doc, part_map, &node_at, within)?;
            within.pop();
            merged
        } else {
            let order = match part_map.get("properties") {
                Some(Value::Object(p)) => doc
                    .keys(&format!("{node_at}/properties"), p)
                    .into_iter()
                    .map(|k| {
                        let at = format!("{node_at}/properties/{}", crate::input::escape(k));
                        (k.clone(), at)
                    })
                    .collect(),
                _ => Vec::new(),
            };
            (part_map.clone(), order)
        };
        if closed(&part_map) {
            let here = format!("{node_at}/additionalProperties");
            if !closes(&part_map) {
                return Err((
                    here,
                    "`additionalProperties` in a part of `allOf` refuses the members of the other parts: the derive cannot say that (write one object schema instead)".into(),
                ));
            }
            closures.push((declared(&part_map), here));
        } else if part_map.contains_key("additionalProperties") {
            // A part that takes members of any name evaluates every member.
            every_member = true;
        }
        // Each part's `patternProperties` checks the members whose names match, as one
        // beside the merged members does; the same pattern twice must say the same.
        if let Some(Value::Object(p)) = part_map.get("patternProperties") {
            for (pattern, schema) in p {
                match patterns.get(pattern) {
                    Some(old) if old != schema => {
                        return Err((
                            format!(
                                "{node_at}/patternProperties/{}",
                                crate::input::escape(pattern)
                            ),
                            format!(
                                "the pattern `{pattern}` is given by two parts of `allOf`, differently"
                            ),
                        ));
                    }
                    _ => {
                        patterns.insert(pattern.clone(), schema.clone());
                    }
                }
            }
        }
        if part_map.contains_key("if") {
            match conditional(&part_map) {
                Some(Conditional::Requires(from, needs)) => {
                    let all = out
                        .entry("dependentRequired")
                        .or_insert_with(|| Value::Object(Map::new()));
                    if let Value::Object(all) = all {
                        let list = all.entry(from).or_insert_with(|| Value::Array(Vec::new()));
                        if let Value::Array(list) = list {
                            for n in needs {
                                if !list.iter().any(|v| v == n.as_str()) {
                                    list.push(Value::String(n));
                                }
                            }
                        }
                    }
                }
                Some(Conditional::NotAll(lists)) => not_all.extend(lists),
                // Kept as a part of its own, which the presence rules read.
                Some(Conditional::When(_)) => {
                    let part: Map<String, Value> = part_map
                        .iter()
                        .filter(|(k, _)| matches!(k.as_str(), "if" | "then" | "else"))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    conditions.push(Value::Object(part));
                }
                None => {
                    return Err((
                        format!("{node_at}/if"),
                        "`if` in a part of `allOf`: only an `if` of one member's presence or value whose `then` says which others are (or are not all) present is merged".into(),
                    ));
                }
            }
        }
        if let Some(not) = part_map.get("not") {
            match not_lists(not) {
                Some(lists) => not_all.extend(lists),
                None => {
                    return Err((
                        format!("{node_at}/not"),
                        "`not` in a part of `allOf`: only a `not` of `required` lists, which members are not all present, is merged".into(),
                    ));
                }
            }
        }
        // Each count holds: the greatest least, the least most.
        for (i, key) in ["minProperties", "maxProperties"].iter().enumerate() {
            if let Some(n) = part_map.get(*key).and_then(Value::as_u64) {
                counts[i] = Some(match (i, counts[i]) {
                    (_, None) => n,
                    (0, Some(old)) => old.max(n),
                    (_, Some(old)) => old.min(n),
                });
            }
        }
        for key in part_map.keys() {
            // OpenAPI's `discriminator` checks nothing (the parts check the member it names),
            // in a part as beside the `allOf`.
            let merged_here = matches!(
                key.as_str(),
                "not"
                    | "minProperties"
                    | "maxProperties"
                    | "if"
                    | "then"
                    | "else"
                    | "discriminator"
            );
            // A flag a part says is said beside the `allOf` too (see `crate::conjoin`).
            let said_beside = matches!(key.as_str(), "readOnly" | "writeOnly" | "deprecated")
                && (part_map[key] == Value::Bool(false) || out.get(key) == Some(&part_map[key]));
            if !PART.contains(&key.as_str()) && !ignorable(key) && !merged_here && !said_beside {
                return Err((
                    format!("{node_at}/{key}"),
                    format!(
                        "`{key}` in a part of `allOf`: only object schemas (`properties`, `required`) are merged"
                    ),
                ));
            }
        }
        match part_map.get("type") {
            None => {}
            Some(t) if t == "object" => null_ok = false,
            Some(Value::Array(list))
                if list.len() == 2
                    && list.contains(&"object".into())
                    && list.contains(&"null".into()) =>
            {
                or_null = true;
            }
            Some(_) => {
                return Err((
                    format!("{node_at}/type"),
                    "each part of `allOf` must be an object".into(),
                ));
            }
        }
        if let Some(Value::Object(p)) = part_map.get("properties") {
            for (k, from) in part_order {
                let v = &p[&k];
                // Declared again alike, it says nothing more.
                if part_props.get(&k) == Some(v) {
                    continue;
                }
                match part_props.get(&k).map(|old| (old, meet(old, v))) {
                    None => {
                        order.push((k.clone(), from));
                        part_props.insert(k.clone(), v.clone());
                    }
                    // One declaration says all the other does and more: the value must meet
                    // both, so it meets the stronger, which is the member, allowing `null`
                    // only where both do. It is read where the stronger is written.
                    Some((_, Some((met, first)))) => {
                        if !first {
                            if let Some(slot) = order.iter_mut().find(|(name, _)| *name == k) {
                                slot.1 = from;
                            }
                        }
                        part_props.insert(k.clone(), met);
                    }
                    Some((_, None)) => {
                        return Err((
                            format!("{node_at}/properties/{}", crate::input::escape(&k)),
                            format!("`{k}` is declared by two parts of `allOf`, differently"),
                        ));
                    }
                }
            }
        }
        if let Some(Value::Array(r)) = part_map.get("required") {
            for name in r {
                if !required.contains(name) {
                    required.push(name.clone());
                }
            }
        }
    }
    let own: Vec<String> = doc
        .keys(&format!("{at}/properties"), &props)
        .into_iter()
        .cloned()
        .collect();
    for k in own {
        let v = props.remove(&k).unwrap_or_default();
        let from = format!("{at}/properties/{}", crate::input::escape(&k));
        // Declared by a part too, it is held to both: the stronger, when one says all the
        // other does (see `meet`), read where that is written.
        match part_props.get(&k).map(|old| (old == &v, meet(old, &v))) {
            None => {
                part_props.insert(k.clone(), v);
                order.push((k, from));
            }
            Some((true, _)) => {}
            Some((false, Some((met, first)))) => {
                if !first {
                    if let Some(slot) = order.iter_mut().find(|(name, _)| *name == k) {
                        slot.1 = from;
                    }
                }
                part_props.insert(k, met);
            }
            Some((false, None)) => {
                return Err((
                    from,
                    format!(
                        "`{k}` is declared beside `allOf` and in one of its parts, differently"
                    ),
                ));
            }
        }
    }
    if let Some((_, first)) = closures.first() {
        if !patterns.is_empty() {
            return Err((
                first.clone(),
                "`additionalProperties: false` in an `allOf` beside `patternProperties` would refuse names by one part's patterns and not another's: the derive cannot say that (write one object schema instead)".into(),
            ));
        }
        // A member some part declares and a closed one does not name must be absent: no
        // field, unless it is required, when no object is accepted.
        for (names, where_) in &closures {
            let refused: Vec<String> = part_props
                .keys()
                .filter(|k| !names.contains(k))
                .cloned()
                .collect();
            for k in refused {
                if required.iter().any(|r| r == k.as_str()) {
                    return Err((
                        where_.clone(),
                        format!(
                            "`{k}` is required, and this `additionalProperties: false` refuses it: no object is both, so nothing is accepted"
                        ),
                    ));
                }
                part_props.remove(&k);
                order.retain(|(name, _)| *name != k);
            }
            if let Some(k) = required
                .iter()
                .filter_map(Value::as_str)
                .find(|r| !names.iter().any(|n| n == r))
            {
                return Err((
                    where_.clone(),
                    format!(
                        "`{k}` is required, and this `additionalProperties: false` refuses it: no object is both, so nothing is accepted"
                    ),
                ));
            }
        }
        out.insert("additionalProperties".into(), Value::Bool(false));
        every_member = false;
    }
    if !not_all.is_empty() {
        match out.get("not").map(not_lists) {
            Some(Some(own)) => not_all.splice(0..0, own).for_each(drop),
            Some(None) => {
                return Err((
                    format!("{at}/not"),
                    "`not` beside `allOf` whose parts say which members are not all present: the derive reads only a `not` of `required` lists there".into(),
                ));
            }
            None => {}
        }
        let branches: Vec<Value> = not_all
            .into_iter()
            .map(|l| serde_json::json!({ "required": l }))
            .collect();
        out.insert("not".into(), serde_json::json!({ "anyOf": branches }));
    }
    for (i, key) in ["minProperties", "maxProperties"].iter().enumerate() {
        if let Some(n) = counts[i] {
            let n = match (i, out.get(*key).and_then(Value::as_u64)) {
                (_, None) => n,
                (0, Some(own)) => own.max(n),
                (_, Some(own)) => own.min(n),
            };
            out.insert((*key).into(), n.into());
        }
    }
    out.insert("type".into(), "object".into());
    out.insert("properties".into(), Value::Object(part_props));
    if !required.is_empty() {
        out.insert("required".into(), Value::Array(required));
    }
    if !patterns.is_empty() {
        out.insert("patternProperties".into(), Value::Object(patterns));
    }
    if every_member {
        out.insert("additionalProperties".into(), Value::Bool(true));
    }
    evaluated(&mut out);
    if !conditions.is_empty() {
        out.insert("allOf".into(), Value::Array(conditions));
    }
    if or_null || own_type.as_ref().is_some_and(Value::is_array) {
        if null_ok && (or_null || own_type.is_some()) {
            out.insert("type".into(), serde_json::json!(["object", "null"]));
        } else if own_type.is_some() {
            out.insert("type".into(), "object".into());
        }
    }
    Ok((out, order))
}

/// Whether a schema says something of an object's members: `properties`, `required`,
/// `additionalProperties` and the like.
pub fn has_object_keywords(map: &Map<String, Value>) -> bool {
    const OBJECT: &[&str] = &[
        "properties",
        "required",
        "additionalProperties",
        "unevaluatedProperties",
        "patternProperties",
        "minProperties",
        "maxProperties",
    ];
    OBJECT.iter().any(|k| map.contains_key(*k))
}

/// A `$ref` beside an object's keywords (`properties`, `required`, `unevaluatedProperties`
/// and the like; JSON Schema 2019-09 and later, and OpenAPI 3.1, read the keywords beside a
/// `$ref`) checks what an `allOf` of the reference and those keywords checks: it becomes that
/// `allOf`'s first part, so that the referenced object's members are merged with them, and
/// `unevaluatedProperties` sees those members too. (Draft 7's siblings are dropped when the
/// document is read.)
pub fn ref_as_part(map: &mut Map<String, Value>) {
    if !matches!(map.get("allOf"), None | Some(Value::Array(_))) || !has_object_keywords(map) {
        return;
    }
    let Some(r) = map.remove("$ref") else {
        return;
    };
    let mut all = vec![serde_json::json!({ "$ref": r })];
    if let Some(Value::Array(parts)) = map.remove("allOf") {
        all.extend(parts);
    }
    map.insert("allOf".into(), Value::Array(all));
}

/// `unevaluatedProperties` beside members that every value has checked the same way (no
/// `oneOf`, `anyOf`, `if` or other keyword that checks members only in some values): the
/// members it sees are those the `properties` and `patternProperties` beside it do not
/// name, which is what `additionalProperties` sees, and it becomes that. An `allOf`'s parts
/// are merged first, so that it sees their members too; one whose part takes members of any
/// name sees none, and says nothing.
pub fn evaluated(map: &mut Map<String, Value>) {
    const SOME_VALUES: &[&str] = &[
        "allOf",
        "oneOf",
        "anyOf",
        "not",
        "if",
        "then",
        "else",
        "dependentSchemas",
        "dependencies",
        "$ref",
        "additionalProperties",
    ];
    // Beside `additionalProperties: true` (or a part's), no member is left unevaluated.
    if map.get("additionalProperties") == Some(&Value::Bool(true)) && !map.contains_key("allOf") {
        map.remove("unevaluatedProperties");
    }
    if map.contains_key("unevaluatedProperties")
        && !SOME_VALUES.iter().any(|k| map.contains_key(*k))
    {
        if let Some(v) = map.remove("unevaluatedProperties") {
            map.insert("additionalProperties".into(), v);
        }
    }
}

/// The schema a value meets when it meets both `a` and `b`, when one of them states every rule
/// of the other (see [`implies`]), apart from `null`: that one, allowing `null` only where
/// both do; and whether it is `a`.
fn meet(a: &Value, b: &Value) -> Option<(Value, bool)> {
    // A member one side never allows is never present.
    if never(a) {
        return Some((a.clone(), true));
    }
    if never(b) {
        return Some((b.clone(), false));
    }
    let (Value::Object(a), Value::Object(b)) = (a, b) else {
        return None;
    };
    let (a_plain, a_null) = without_null(a);
    let (b_plain, b_null) = without_null(b);
    let (strong, strong_plain, weak_null, is_a) = if implies_plain(&a_plain, &b_plain) {
        (a, a_plain, b_null, true)
    } else if implies_plain(&b_plain, &a_plain) {
        (b, b_plain, a_null, false)
    } else {
        return None;
    };
    let met = if weak_null {
        strong.clone()
    } else {
        strong_plain
    };
    Some((Value::Object(met), is_a))
}

/// A schema without the `null` it allows (OpenAPI's `nullable: true`, `null` in a `type`
/// list or among `enum` values), and whether it allowed it.
pub fn without_null(map: &Map<String, Value>) -> (Map<String, Value>, bool) {
    let mut map = map.clone();
    let mut null = map.remove("nullable") == Some(Value::Bool(true));
    if let Some(Value::Array(types)) = map.get_mut("type") {
        let before = types.len();
        types.retain(|t| t != "null");
        null |= types.len() < before;
        if let [one] = types.as_slice() {
            let one = one.clone();
            map.insert("type".into(), one);
        }
    }
    if let Some(Value::Array(values)) = map.get_mut("enum") {
        let before = values.len();
        values.retain(|v| !v.is_null());
        null &= values.len() < before || !map.contains_key("enum");
    }
    (map, null)
}

/// Whether the schema `strong` states every rule of `weak`, so that a value that meets
/// `strong` meets `weak`.
pub fn implies(strong: &Value, weak: &Value) -> bool {
    let (Value::Object(s), Value::Object(w)) = (strong, weak) else {
        return false;
    };
    let (s, s_null) = without_null(s);
    let (w, w_null) = without_null(w);
    (!s_null || w_null) && implies_plain(&s, &w)
}

/// [`implies`] between two schemas that allow no `null`: each keyword of `weak` is an
/// annotation (`description`, `title`, `examples`, `example`), or a `type` whose types include
/// all of `strong`'s (a `number` includes an `integer`), or an `enum` whose values include
/// all of `strong`'s, or a bound that `strong` has at least as tight, or `items` that
/// `strong`'s items imply, or `properties` (beside no `additionalProperties`) each of which
/// `strong` declares in a way that implies it, or is in `strong` with the same value.
fn implies_plain(s: &Map<String, Value>, w: &Map<String, Value>) -> bool {
    let types = |m: &Map<String, Value>| -> Option<Vec<Value>> {
        match m.get("type")? {
            Value::Array(list) => Some(list.clone()),
            t => Some(vec![t.clone()]),
        }
    };
    w.iter().all(|(k, v)| match k.as_str() {
        "description" | "title" | "examples" | "example" => true,
        "type" => match (types(s), types(w)) {
            (Some(st), Some(wt)) => st
                .iter()
                .all(|t| wt.contains(t) || (t == "integer" && wt.contains(&"number".into()))),
            _ => false,
        },
        "enum" => match (s.get(k), v) {
            (Some(Value::Array(se)), Value::Array(we)) => se.iter().all(|x| we.contains(x)),
            _ => false,
        },
        "minLength" | "minItems" | "minProperties" | "minimum" | "exclusiveMinimum" => {
            match (s.get(k).and_then(Value::as_f64), v.as_f64()) {
                (Some(sb), Some(wb)) => sb >= wb,
                _ => false,
            }
        }
        "maxLength" | "maxItems" | "maxProperties" | "maximum" | "exclusiveMaximum" => {
            match (s.get(k).and_then(Value::as_f64), v.as_f64()) {
                (Some(sb), Some(wb)) => sb <= wb,
                _ => false,
            }
        }
        "items" => s.get(k).is_some_and(|si| implies(si, v)),
        "properties" if !w.contains_key("additionalProperties") => match (s.get(k), v) {
            (Some(Value::Object(sp)), Value::Object(wp)) => wp
                .iter()
                .all(|(name, ws)| sp.get(name).is_some_and(|ss| implies(ss, ws))),
            _ => false,
        },
        _ => s.get(k) == Some(v),
    })
}

/// Whether the schema `node` says its value is an object: `type: object` (alone or with
/// `null`), in itself or in a part of its `allOf` (followed through `$ref`s).
pub fn states_object(doc: &Document, node: &Value, depth: usize) -> bool {
    let mut node = node;
    for _ in 0..16 {
        match node.get("$ref").and_then(Value::as_str) {
            Some(r) => match ref_target(r).and_then(|t| doc.at(&t)) {
                Some(n) => node = n,
                None => return false,
            },
            None => break,
        }
    }
    let own = match node.get("type") {
        Some(Value::String(t)) => t == "object",
        Some(Value::Array(t)) => t.iter().all(|t| t == "object" || t == "null"),
        _ => false,
    };
    own || (depth < 16
        && node
            .get("allOf")
            .and_then(Value::as_array)
            .is_some_and(|parts| parts.iter().any(|p| states_object(doc, p, depth + 1))))
}

/// The `patternProperties` entries of an object schema that say something: beside members of
/// any name (no `additionalProperties`, or `true`), an entry whose schema is `{}` or `true`
/// holds nothing.
pub fn pattern_entries(map: &Map<String, Value>) -> Vec<(String, Value)> {
    let open = match map.get("additionalProperties") {
        None | Some(Value::Bool(true)) => true,
        Some(Value::Object(o)) => o.is_empty(),
        _ => false,
    };
    let Some(Value::Object(p)) = map.get("patternProperties") else {
        return Vec::new();
    };
    p.iter()
        .filter(|(_, v)| {
            !(open && (*v == &Value::Bool(true) || v.as_object().is_some_and(Map::is_empty)))
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Whether a pattern matches every member name (`.*`, `^.*`, an empty pattern...): it then
/// says nothing of the names.
pub fn matches_every_name(pattern: &str) -> bool {
    matches!(pattern, "" | ".*" | "^.*" | ".*$" | "^" | "$")
}

/// Whether an object schema refuses members it does not declare (`additionalProperties`
/// other than a schema that accepts anything), which, in or beside an `allOf`, refuses those
/// of the other parts.
fn closed(map: &Map<String, Value>) -> bool {
    map.get("additionalProperties")
        .is_some_and(|a| !accepts_anything(a))
}

/// Whether a schema accepts every value: `true`, or annotations alone (an `allOf` of such
/// parts too).
fn accepts_anything(schema: &Value) -> bool {
    const SAY_NOTHING: &[&str] = &[
        "description",
        "title",
        "examples",
        "example",
        "$comment",
        "deprecated",
        "readOnly",
        "writeOnly",
    ];
    match schema {
        Value::Bool(b) => *b,
        Value::Object(m) => m.iter().all(|(k, v)| {
            SAY_NOTHING.contains(&k.as_str())
                || k.starts_with("x-")
                || (k == "allOf"
                    && v.as_array()
                        .is_some_and(|parts| parts.iter().all(accepts_anything)))
        }),
        _ => false,
    }
}

/// Whether a schema closed by `additionalProperties` lets through only the names its
/// `properties` declare: `false` (or a schema that accepts nothing), and no `patternProperties`.
fn closes(map: &Map<String, Value>) -> bool {
    let nothing = match map.get("additionalProperties") {
        Some(Value::Bool(false)) => true,
        Some(Value::Object(a)) => a.len() == 1 && a.get("not") == Some(&Value::Object(Map::new())),
        _ => false,
    };
    nothing && !map.contains_key("patternProperties")
}

/// Whether a schema accepts nothing: `false`, or `{"not": {}}`.
pub fn never(schema: &Value) -> bool {
    match schema {
        Value::Bool(false) => true,
        Value::Object(m) => {
            m.len() == 1
                && m.get("not").is_some_and(|n| {
                    n == &Value::Bool(true) || n.as_object().is_some_and(Map::is_empty)
                })
        }
        _ => false,
    }
}

/// The names a schema's `properties` declare.
fn declared(map: &Map<String, Value>) -> Vec<String> {
    match map.get("properties") {
        Some(Value::Object(p)) => p.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

impl Lowering<'_> {
    /// A struct: its fields, in `order` when its `allOf` was merged, else in the document's.
    pub(super) fn lower_struct(
        &mut self,
        name: &str,
        map: &Map<String, Value>,
        order: &[Member],
        at: &str,
        inline: bool,
    ) -> Option<Kind> {
        let notes: &[&str] = if inline { NOTES } else { &[] };
        self.only(
            map,
            at,
            &[STRUCT, notes, presence_keywords(map)],
            "an object with `properties`",
        );
        if let Some(node) = self.doc.at(at).filter(|n| n.is_object()) {
            if !states_object(self.doc, node, 0) {
                self.narrowed(at, "`properties`", "an object");
            }
        }
        match map.get("type") {
            None => {}
            Some(t) if t == "object" => {}
            Some(Value::Array(_)) => {
                self.cannot(&format!("{at}/properties"), "properties", "in a `type` list would need a struct of its own inside the union: write the object as a branch of `anyOf` instead");
            }
            Some(t) => self.refuse(
                &format!("{at}/type"),
                format!("`properties` beside `type` {t}: members belong to an object"),
            ),
        }
        let empty = Map::new();
        let props = match map.get("properties") {
            Some(Value::Object(p)) => p,
            None => &empty,
            Some(_) => {
                self.refuse(
                    &format!("{at}/properties"),
                    "`properties` must be an object",
                );
                return None;
            }
        };
        let (deny_unknown_fields, others) = self.other_members(name, map, props, at)?;
        let required: Vec<String> = match map.get("required") {
            None => Vec::new(),
            Some(Value::Array(r)) => r
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            Some(_) => {
                self.refuse(
                    &format!("{at}/required"),
                    "`required` must be an array of names",
                );
                return None;
            }
        };
        for (i, r) in required.iter().enumerate() {
            if !props.contains_key(r) {
                self.refuse(&format!("{at}/required/{i}"), format!("`{r}` is required but not among the `properties`: a struct cannot require a member it does not declare"));
            }
        }
        let mut fields = Vec::new();
        let mut members = MemberRules::default();
        let named = presence_names(map);
        for (wire, sub, here) in properties(self.doc, map, order, at) {
            let wire = &wire;
            if wire.is_empty() {
                self.refuse(&here, "a member whose name is empty: the derive takes no empty wire name (an empty `rename` is refused as a slip)");
                continue;
            }
            // A member whose schema accepts nothing may not be present.
            if never(sub) {
                if required.contains(wire) {
                    self.refuse(&here, format!("`{wire}` is required, and its schema accepts nothing: no object is accepted"));
                } else {
                    members.forbid.push(wire.clone());
                }
                continue;
            }
            let hint = format!("{name}{}", names::pascal(wire));
            let (sub, swagger_required) = self.swagger_required(sub, &here);
            let sub = &*sub;
            let Some(mut value) = self.lower_value(sub, &here, &hint) else {
                continue;
            };
            let is_required = required.contains(wire) || swagger_required;
            let nullable = matches!(value.ty, Ty::Option(_));
            let doc = sub.as_object().and_then(|s| self.doc_of(s, &here));
            let default = if named.contains(wire) && !is_required && sub.get("default").is_some() {
                self.default_dropped(&format!("{here}/default"), &format!("would fill in `{wire}` when it is absent, and a presence rule beside it names `{wire}`, whose presence would then not show"));
                None
            } else {
                self.field_default(sub, &here, &value, is_required)
            };
            // Each of the four ways a member may be: present or not, `null` or not.
            let any = value.ty == Ty::Any;
            let (required, not_null) = match (is_required, nullable) {
                (true, false) => (false, false),
                (true, true) => (true, false),
                (false, true) => (false, false),
                (false, false) if default.is_some() || any => {
                    if any && default.is_none() {
                        // Any value, `null` included: an absent one is `None` too.
                        value.ty = Ty::Option(Box::new(value.ty));
                    }
                    (false, false)
                }
                // `null` alone, or absent.
                (false, false) if value.ty == Ty::Unit => {
                    value.ty = Ty::Option(Box::new(value.ty));
                    (false, false)
                }
                (false, false) => {
                    value.ty = Ty::Option(Box::new(value.ty));
                    (false, true)
                }
            };
            fields.push(Field {
                wire: wire.clone(),
                doc,
                value,
                default,
                required,
                not_null,
                flatten: false,
                requires: Vec::new(),
            });
        }
        let presence = self.presence(map, at, &mut fields, &mut members);
        fields.extend(others);
        for (key, slot) in [
            ("minProperties", &mut members.min),
            ("maxProperties", &mut members.max),
        ] {
            match map.get(key) {
                None => {}
                Some(n) => match n.as_u64() {
                    Some(n) => *slot = Some(n),
                    None => self.refuse(
                        &format!("{at}/{key}"),
                        format!("`{key}` must be a whole number"),
                    ),
                },
            }
        }
        // A name the struct does not take is forbidden already.
        if deny_unknown_fields {
            members.forbid.clear();
        }
        Some(Kind::Struct {
            fields,
            deny_unknown_fields,
            presence,
            members,
        })
    }

    /// What a struct (schema `map`, named `name`, at `at`, declaring `props`) does with the
    /// members it does not declare: whether it refuses them (`additionalProperties: false`
    /// and no `patternProperties`), and the flattened map that takes them, if any: its values
    /// from `additionalProperties` as a schema, or from the one `patternProperties` entry
    /// beside `additionalProperties: false`, its names then held to the entry's pattern.
    fn other_members(
        &mut self,
        name: &str,
        map: &Map<String, Value>,
        props: &Map<String, Value>,
        at: &str,
    ) -> Option<(bool, Option<Field>)> {
        let additional = map.get("additionalProperties");
        let closed = additional == Some(&Value::Bool(false));
        let open = matches!(additional, None | Some(Value::Bool(true)))
            || matches!(additional, Some(Value::Object(o)) if o.is_empty());
        if map.get("patternProperties").is_some_and(|p| !p.is_object()) {
            self.refuse(
                &format!("{at}/patternProperties"),
                "`patternProperties` must be an object",
            );
            return None;
        }
        let entries = pattern_entries(map);
        let patterns = (!entries.is_empty()).then_some(&entries);
        let field = |value: m::Value| Field {
            wire: String::new(),
            doc: Some("The members no other field declares, by name.".to_owned()),
            value,
            default: None,
            required: false,
            not_null: false,
            flatten: true,
            requires: Vec::new(),
        };
        let Some(patterns) = patterns else {
            if closed || open {
                return Some((closed, None));
            }
            // `additionalProperties` as a schema: a map of the other members.
            let here = format!("{at}/additionalProperties");
            let values = additional.cloned().unwrap_or_default();
            let value =
                self.held_value(&values, &here, &format!("{name}Value"), "a map's values")?;
            let mut rules = m::Rules::default();
            if !value.rules.is_empty() {
                rules.values = Some(Box::new(value.rules));
            }
            let ty = Ty::Map(Box::new(value.ty));
            return Some((false, Some(field(m::Value { ty, rules }))));
        };
        let here = format!("{at}/patternProperties");
        if patterns.len() > 1 || !(closed || open) {
            let why = if patterns.len() > 1 {
                "of more than one pattern would need a map whose values' rules depend on their names, which the derive does not make"
            } else {
                "beside `additionalProperties` would need a map whose values' rules depend on their names, which the derive does not make"
            };
            self.cannot(&here, "patternProperties", why);
            return Some((false, None));
        }
        let (pattern, values) = patterns.first().expect("one pattern");
        let every = matches_every_name(pattern);
        if open && !every {
            let note = self.note(&here, format!("beside members of any other name: read as a map of the names `{pattern}` matches, so the type refuses the other names the schema lets through"));
            self.warnings.push(note);
        }
        let dfa = match authlete_models_pattern::compile(
            &crate::charset::plain_escapes(pattern),
            crate::MAX_STATES,
        ) {
            Ok(dfa) => dfa,
            Err(refusal) => {
                self.cannot(
                    &here,
                    "patternProperties",
                    &format!(
                        "has the pattern `{pattern}`, which the derive cannot check: {}",
                        refusal.message()
                    ),
                );
                return Some((false, None));
            }
        };
        if let Some(declared) = props.keys().find(|k| dfa.is_match(k)) {
            self.cannot(&here, "patternProperties", &format!("has a pattern the declared member `{declared}` matches too, whose value would then be held to two schemas: the derive holds a declared member to its own"));
            return Some((false, None));
        }
        let entry = format!("{here}/{}", crate::input::escape(pattern));
        let value = self.held_value(values, &entry, &format!("{name}Value"), "a map's values")?;
        let mut keys = m::Rules::default();
        if !every {
            self.pattern(&Value::String(pattern.clone()), &here, &mut keys);
        }
        let mut rules = m::Rules {
            keys: (!keys.is_empty()).then(|| Box::new(keys)),
            ..m::Rules::default()
        };
        if !value.rules.is_empty() {
            rules.values = Some(Box::new(value.rules));
        }
        let ty = Ty::Map(Box::new(value.ty));
        Some((false, Some(field(m::Value { ty, rules }))))
    }

    /// A member's schema without Swagger 2's `required: true` inside it, and whether it was
    /// there: the member is then required, with a warning, since JSON Schema says so with the
    /// object's `required` list.
    fn swagger_required<'v>(&mut self, sub: &'v Value, here: &str) -> (Cow<'v, Value>, bool) {
        let Some(Value::Bool(flag)) = sub.get("required") else {
            return (Cow::Borrowed(sub), false);
        };
        let flag = *flag;
        let mut map = sub.clone();
        if let Value::Object(map) = &mut map {
            map.remove("required");
        }
        let note = self.note(
            &format!("{here}/required"),
            format!("`required: {flag}` inside a member is Swagger 2's spelling; read as the member {} in the object's `required`", if flag { "listed" } else { "not listed" }),
        );
        self.warnings.push(note);
        (Cow::Owned(map), flag)
    }
}

/// A struct's members in document order, an `allOf`'s merged (`order`): each with its schema
/// and where that is.
pub fn properties<'m>(
    doc: &Document,
    map: &'m Map<String, Value>,
    order: &[Member],
    at: &str,
) -> Vec<(String, &'m Value, String)> {
    let Some(Value::Object(props)) = map.get("properties") else {
        return Vec::new();
    };
    let keys: Vec<Member> = if order.is_empty() {
        doc.keys(&format!("{at}/properties"), props)
            .into_iter()
            .map(|k| {
                let here = format!("{at}/properties/{}", crate::input::escape(k));
                (k.clone(), here)
            })
            .collect()
    } else {
        order.to_vec()
    };
    let mut out: Vec<(String, &Value, String)> = keys
        .into_iter()
        .filter_map(|(k, here)| {
            let v = props.get(&k)?;
            Some((k, v, here))
        })
        .collect();
    // Members declared for `required` (see [`declare_required`]) come last.
    for (k, v) in props {
        if !out.iter().any(|(name, _, _)| name == k) {
            let here = format!("{at}/properties/{}", crate::input::escape(k));
            out.push((k.clone(), v, here));
        }
    }
    out
}

/// An object open to members of any name and value that requires, or names in a presence
/// rule, a member it does not declare: that member may hold any value, and is declared so
/// (`{}`), after the others.
pub fn declare_required(map: &mut Cow<'_, Map<String, Value>>) {
    let open = match map.get("additionalProperties") {
        None | Some(Value::Bool(true)) => true,
        Some(Value::Object(o)) => o.is_empty(),
        _ => false,
    };
    if !is_struct(map) || !open || !pattern_entries(map).is_empty() {
        return;
    }
    let mut names: Vec<String> = map
        .get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    names.extend(presence_names(map));
    let Some(Value::Object(props)) = map.get("properties") else {
        return;
    };
    names.retain(|n| !props.contains_key(n));
    if names.is_empty() {
        return;
    }
    if let Some(Value::Object(props)) = map.to_mut().get_mut("properties") {
        for name in names {
            props
                .entry(name)
                .or_insert_with(|| Value::Object(Map::new()));
        }
    }
}
