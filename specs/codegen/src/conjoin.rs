//! `allOf`s whose parts, read together, say what one schema says, rewritten into that schema
//! before lowering, in the document itself (so that the generator and the schema it expects
//! read the same thing):
//!
//! - **A member declared by two parts, each saying something the other does not**, as in
//!   `{"allOf": [{"$ref": "#/Base"}, {"properties": {"kind": {"enum": ["a"]}}}]}` where the
//!   base declares `kind` as `{"type": "string", "readOnly": true}`. A value must meet both,
//!   so the last declaration, when it is written in the `allOf` itself (not behind a `$ref`
//!   another schema shares), becomes both at once (see [`conjoin`]); merging the parts then
//!   takes it as the member.
//! - **An `allOf` of parts that are not objects with members**, as in
//!   `{"allOf": [{"type": "string", "maxLength": 256}, {"description": "..."}]}`: the schema
//!   becomes the parts' conjunction, with the keywords beside the `allOf`.
//! - **`readOnly`, `writeOnly` and `deprecated` of a schema a part's `$ref` names** are said
//!   beside the `allOf` too, of the merged value.
//! - **OpenAPI 3.0's `nullable` in a part with no `type`.** `nullable: true` adds `null` only to
//!   a `type` beside it: alone in a part it allows nothing more, so the value still refuses
//!   `null` where another part does. It is dropped, with a warning, for what it does not say.
//!
//! Two declarations that cannot be one schema (two `pattern`s, a `format` each, members of
//! their own on both sides) are left as they are, for the lowering to refuse with its pointer.

use serde_json::{Map, Value};

use crate::input::{DATA, escape, ref_target};
use crate::order::Order;

/// Keywords that describe a value without checking it: the first schema's stays.
const ANNOTATIONS: &[&str] = &[
    "description",
    "title",
    "examples",
    "$comment",
    "externalDocs",
    "xml",
];

/// Keywords that hold schemas or members, or that check an object's members: one side alone
/// may bring them (its pointers stay valid), or both, alike.
const STRUCTURAL: &[&str] = &[
    "$ref",
    "properties",
    "patternProperties",
    "additionalProperties",
    "propertyNames",
    "required",
    "dependentRequired",
    "dependentSchemas",
    "dependencies",
    "items",
    "prefixItems",
    "additionalItems",
    "contains",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    "if",
    "then",
    "else",
    "discriminator",
    "unevaluatedProperties",
    "unevaluatedItems",
    "$defs",
    "definitions",
];

/// Rewrites, in `root`, the `allOf`s the module's documentation lists; `order` follows the
/// members moved. Returns a warning for each `nullable` dropped: its pointer and why.
pub fn rewrite(root: &mut Value, order: &mut Order) -> Vec<(String, String)> {
    let mut sites = Vec::new();
    find_all_of(root, &mut String::new(), &mut sites);
    let mut warnings = Vec::new();
    // The innermost first: an outer `allOf` reads its parts as they are rewritten.
    for at in sites.iter().rev() {
        drop_lone_nullable(root, at, &mut warnings);
        flags_of_references(root, at);
        if !fold_parts(root, order, at) {
            join_members(root, at);
        }
    }
    warnings
}

/// Every object below `node` (at `at`) with an `allOf` array, parents before children.
fn find_all_of(node: &Value, at: &mut String, out: &mut Vec<String>) {
    match node {
        Value::Object(map) => {
            if matches!(map.get("allOf"), Some(Value::Array(_))) {
                out.push(at.clone());
            }
            for (key, value) in map {
                if DATA.contains(&key.as_str()) || key.starts_with("x-") {
                    continue;
                }
                let len = at.len();
                at.push('/');
                at.push_str(&escape(key));
                find_all_of(value, at, out);
                at.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = at.len();
                at.push_str(&format!("/{i}"));
                find_all_of(item, at, out);
                at.truncate(len);
            }
        }
        _ => {}
    }
}

/// The parts of the `allOf` at `at`.
fn parts_mut<'v>(root: &'v mut Value, at: &str) -> Option<&'v mut Vec<Value>> {
    match root.pointer_mut(at)?.get_mut("allOf")? {
        Value::Array(parts) => Some(parts),
        _ => None,
    }
}

/// Takes `nullable` out of each part that has no `type` for it to add `null` to.
fn drop_lone_nullable(root: &mut Value, at: &str, warnings: &mut Vec<(String, String)>) {
    let Some(parts) = parts_mut(root, at) else {
        return;
    };
    for (i, part) in parts.iter_mut().enumerate() {
        let Value::Object(p) = part else { continue };
        if p.contains_key("type") || p.contains_key("$ref") {
            continue;
        }
        if let Some(flag) = p.remove("nullable") {
            if flag == Value::Bool(true) {
                warnings.push((
                    format!("{at}/allOf/{i}/nullable"),
                    "`nullable: true` in a part of `allOf` with no `type` beside it adds `null` to nothing (OpenAPI 3.0.3), so the value refuses `null` where another part does; dropped (to allow `null`, write `nullable: true` beside the `allOf`, with a `type`, or `null` in an `anyOf`)".to_owned(),
                ));
            }
        }
    }
}

/// Annotations a value has wherever it meets them, as JSON Schema reads one met more than
/// once: true where any says so.
const FLAGS: &[&str] = &["readOnly", "writeOnly", "deprecated"];

/// In an `allOf` of several parts that say more than annotations, whose parts are merged into
/// one object: a flag of [`FLAGS`] that a schema a part's `$ref` names says of itself is said
/// beside the `allOf` too, of the merged value (the parts written in place move theirs there
/// when the schema is lowered).
fn flags_of_references(root: &mut Value, at: &str) {
    let Some(Value::Object(map)) = root.pointer(at) else {
        return;
    };
    let Some(Value::Array(parts)) = map.get("allOf") else {
        return;
    };
    let says_more = |p: &&Value| {
        p.as_object().is_none_or(|m| {
            m.keys().any(|k| {
                !ANNOTATIONS.contains(&k.as_str())
                    && !FLAGS.contains(&k.as_str())
                    && k != "example"
                    && !k.starts_with("x-")
            })
        })
    };
    if parts.iter().filter(says_more).count() < 2 {
        return;
    }
    let mut flags: Vec<&str> = Vec::new();
    for part in parts {
        let mut node = part;
        for _ in 0..16 {
            let Some(next) = node
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(ref_target)
                .and_then(|t| root.pointer(&t))
            else {
                break;
            };
            node = next;
            flags.extend(
                FLAGS
                    .iter()
                    .filter(|k| node.get(**k) == Some(&Value::Bool(true))),
            );
        }
    }
    if let Some(Value::Object(map)) = root.pointer_mut(at) {
        for flag in flags {
            map.insert(flag.to_owned(), Value::Bool(true));
        }
    }
}

/// Replaces the schema at `at` by the conjunction of its `allOf`'s parts and its own
/// keywords, when none of them is a `$ref` or declares members, and one part at most holds
/// schemas of its own (`items`, `additionalProperties`, branches...), which move with it.
/// Returns whether it did.
fn fold_parts(root: &mut Value, order: &mut Order, at: &str) -> bool {
    let Some(Value::Object(map)) = root.pointer(at) else {
        return false;
    };
    let Some(Value::Array(parts)) = map.get("allOf") else {
        return false;
    };
    let mut own = map.clone();
    own.remove("allOf");
    let objects: Option<Vec<&Map<String, Value>>> = parts.iter().map(Value::as_object).collect();
    let Some(objects) = objects else {
        return false;
    };
    // One part at most holds schemas of its own, of a value's items, its members' values or
    // names, or its branches; members, conditions and references are the lowering's to merge.
    const KEPT: &[&str] = &[
        "items",
        "prefixItems",
        "additionalProperties",
        "patternProperties",
        "propertyNames",
        "contains",
        "anyOf",
        "oneOf",
    ];
    let structural = |m: &Map<String, Value>| m.keys().any(|k| STRUCTURAL.contains(&k.as_str()));
    if structural(&own) {
        return false;
    }
    let bringing: Vec<usize> = (0..objects.len())
        .filter(|&i| structural(objects[i]))
        .collect();
    let moved_from = match bringing.as_slice() {
        [] => None,
        [i] if objects[*i]
            .keys()
            .all(|k| !STRUCTURAL.contains(&k.as_str()) || KEPT.contains(&k.as_str())) =>
        {
            Some(*i)
        }
        _ => return false,
    };
    // The own keywords first: their annotations win, as beside an `allOf` they do.
    let mut joined = own;
    for part in &objects {
        match conjoin(&joined, part) {
            Some(j) => joined = j,
            None => return false,
        }
    }
    if let Some(i) = moved_from {
        let from = format!("{at}/allOf/{i}");
        let moved: Vec<(String, Vec<String>)> = order
            .iter()
            .filter_map(|(k, names)| {
                let rest = k.strip_prefix(&from)?;
                (rest.is_empty() || rest.starts_with('/'))
                    .then(|| (format!("{at}{rest}"), names.clone()))
            })
            .collect();
        order.extend(moved);
    }
    if let Some(node) = root.pointer_mut(at) {
        *node = Value::Object(joined);
    }
    true
}

/// Each member a part of an `allOf` declares (`node`, at `at`), in the order a merge reads
/// them: through its `$ref`s (`shared` from there: another schema may hold it too) and the
/// parts of its own `allOf`, then its `properties`.
fn declarations(
    root: &Value,
    node: &Value,
    at: String,
    shared: bool,
    depth: usize,
    out: &mut Vec<(String, Vec<(String, bool)>)>,
) {
    if depth > 16 {
        return;
    }
    if let Some(target) = node
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(ref_target)
    {
        if let Some(next) = root.pointer(&target) {
            declarations(root, next, target, true, depth + 1, out);
        }
        return;
    }
    if let Some(Value::Array(parts)) = node.get("allOf") {
        for (i, part) in parts.iter().enumerate() {
            declarations(
                root,
                part,
                format!("{at}/allOf/{i}"),
                shared,
                depth + 1,
                out,
            );
        }
    }
    if let Some(Value::Object(props)) = node.get("properties") {
        for name in props.keys() {
            let where_ = (format!("{at}/properties/{}", escape(name)), shared);
            match out.iter_mut().find(|(n, _)| n == name) {
                Some((_, list)) => list.push(where_),
                None => out.push((name.clone(), vec![where_])),
            }
        }
    }
}

/// In the `allOf` at `at`: each member declared more than once, where two declarations each
/// say something the other does not, becomes both at its last declaration when that one is
/// the `allOf`'s own.
fn join_members(root: &mut Value, at: &str) {
    let Some(Value::Object(map)) = root.pointer(at) else {
        return;
    };
    if !matches!(map.get("allOf"), Some(Value::Array(_))) {
        return;
    }
    // Each member's declarations, in order: (where its schema is, whether it is shared).
    let mut declared: Vec<(String, Vec<(String, bool)>)> = Vec::new();
    declarations(
        root,
        &Value::Object(map.clone()),
        at.to_owned(),
        false,
        0,
        &mut declared,
    );
    let mut edits = Vec::new();
    for (_, list) in declared.iter().filter(|(_, l)| l.len() > 1) {
        let Some((last, false)) = list.last() else {
            continue;
        };
        let nodes: Option<Vec<&Value>> = list
            .iter()
            .map(|(p, _)| root.pointer(p).filter(|n| n.is_object()))
            .collect();
        let Some(nodes) = nodes else { continue };
        let at_odds = nodes.iter().enumerate().any(|(i, a)| {
            nodes[i + 1..]
                .iter()
                .any(|b| !crate::lower::implies(a, b) && !crate::lower::implies(b, a))
        });
        let schemas: Vec<&Map<String, Value>> =
            nodes.iter().filter_map(|n| n.as_object()).collect();
        if !at_odds {
            continue;
        }
        // The last declaration's members and schemas stay where they are written.
        let others_bring = schemas[..schemas.len() - 1].iter().any(|s| {
            s.iter().any(|(k, v)| {
                STRUCTURAL.contains(&k.as_str()) && schemas[schemas.len() - 1].get(k) != Some(v)
            })
        });
        if others_bring {
            continue;
        }
        let mut joined = schemas[0].clone();
        let mut all = true;
        for s in &schemas[1..] {
            match conjoin(&joined, s) {
                Some(j) => joined = j,
                None => {
                    all = false;
                    break;
                }
            }
        }
        if all {
            edits.push((last.clone(), joined));
        }
    }
    for (p, joined) in edits {
        if let Some(node) = root.pointer_mut(&p) {
            *node = Value::Object(joined);
        }
    }
}

/// The one schema a value meets exactly when it meets both `a` and `b`, if there is one in
/// their keywords: each keyword one side has; one both have alike; of two that differ, the
/// stronger bound, the types and `enum` values both allow, `readOnly`, `writeOnly` and
/// `deprecated` if either says so, and `a`'s annotations. `null` is allowed where both allow
/// it. `None` when two keywords differ otherwise (two `pattern`s, `format`s, defaults), when
/// both bring members or schemas of their own, or when no value is both.
pub fn conjoin(a: &Map<String, Value>, b: &Map<String, Value>) -> Option<Map<String, Value>> {
    let (a, a_null) = crate::lower::without_null(a);
    let (b, b_null) = crate::lower::without_null(b);
    let brings = |m: &Map<String, Value>, other: &Map<String, Value>| {
        m.iter()
            .any(|(k, v)| STRUCTURAL.contains(&k.as_str()) && other.get(k) != Some(v))
    };
    if brings(&a, &b) && brings(&b, &a) {
        return None;
    }
    let mut out = a.clone();
    for (key, vb) in &b {
        let Some(va) = a.get(key) else {
            out.insert(key.clone(), vb.clone());
            continue;
        };
        if va == vb || ANNOTATIONS.contains(&key.as_str()) || key.starts_with("x-") {
            continue;
        }
        let joined = match key.as_str() {
            "readOnly" | "writeOnly" | "deprecated" => {
                Value::Bool(va == &Value::Bool(true) || vb == &Value::Bool(true))
            }
            "type" => both_types(va, vb)?,
            "enum" => {
                let (Value::Array(x), Value::Array(y)) = (va, vb) else {
                    return None;
                };
                let kept: Vec<Value> = x.iter().filter(|v| y.contains(v)).cloned().collect();
                if kept.is_empty() {
                    return None;
                }
                Value::Array(kept)
            }
            "minLength" | "minItems" | "minProperties" | "minimum" | "exclusiveMinimum" => {
                stronger(va, vb, true)?
            }
            "maxLength" | "maxItems" | "maxProperties" | "maximum" | "exclusiveMaximum" => {
                stronger(va, vb, false)?
            }
            _ => return None,
        };
        out.insert(key.clone(), joined);
    }
    if a_null && b_null {
        let has_enum = out.contains_key("enum");
        match out.get_mut("type") {
            Some(Value::String(t)) => {
                let t = Value::String(std::mem::take(t));
                out.insert("type".into(), Value::Array(vec![t, "null".into()]));
            }
            Some(Value::Array(list)) => list.push("null".into()),
            _ if !has_enum => return None,
            _ => {}
        }
        if let Some(Value::Array(values)) = out.get_mut("enum") {
            values.push(Value::Null);
        }
    }
    Some(out)
}

/// The types both `type`s allow (an `integer` is a `number`), as one name or a list.
fn both_types(a: &Value, b: &Value) -> Option<Value> {
    let list = |t: &Value| -> Option<Vec<String>> {
        match t {
            Value::String(s) => Some(vec![s.clone()]),
            Value::Array(l) => l.iter().map(|t| t.as_str().map(str::to_owned)).collect(),
            _ => None,
        }
    };
    let (x, y) = (list(a)?, list(b)?);
    let allows = |l: &[String], t: &str| {
        l.iter()
            .any(|u| u == t || (t == "integer" && u == "number"))
    };
    let mut both: Vec<String> = x.iter().filter(|t| allows(&y, t)).cloned().collect();
    for t in &y {
        if allows(&x, t) && !both.contains(t) {
            both.push(t.clone());
        }
    }
    // A `number` both allow, where one side allows only integers, is an `integer`.
    if both.iter().any(|t| t == "integer") {
        both.retain(|t| t != "number");
    }
    match both.len() {
        0 => None,
        1 => Some(Value::String(both.remove(0))),
        _ => Some(Value::Array(both.into_iter().map(Value::String).collect())),
    }
}

/// The stronger of two bounds: the greater least (`least`) or the lesser most.
fn stronger(a: &Value, b: &Value, least: bool) -> Option<Value> {
    let (x, y) = (a.as_f64()?, b.as_f64()?);
    let a_wins = if least { x >= y } else { x <= y };
    Some(if a_wins { a.clone() } else { b.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => unreachable!(),
        }
    }

    #[test]
    fn two_declarations_of_a_member_become_one_that_says_both() {
        let a = map(json!({"type": "string", "readOnly": true, "description": "the kind"}));
        let b = map(json!({"type": "string", "enum": ["x", "y"]}));
        assert_eq!(
            conjoin(&a, &b),
            Some(map(json!({
                "type": "string", "readOnly": true, "description": "the kind", "enum": ["x", "y"]
            })))
        );
    }

    #[test]
    fn bounds_types_and_values_take_what_both_allow() {
        let a = map(json!({"type": "number", "maximum": 10, "minLength": 1, "enum": [1, 2, 3]}));
        let b = map(
            json!({"type": ["integer", "string"], "maximum": 5, "minLength": 3, "enum": [3, 2, 9]}),
        );
        assert_eq!(
            conjoin(&a, &b),
            Some(map(
                json!({"type": "integer", "maximum": 5, "minLength": 3, "enum": [2, 3]})
            ))
        );
    }

    #[test]
    fn null_stays_only_where_both_allow_it() {
        let a = map(json!({"type": ["string", "null"], "maxLength": 4}));
        let b = map(json!({"type": ["string", "null"], "minLength": 1}));
        let c = map(json!({"type": "string"}));
        assert_eq!(
            conjoin(&a, &b),
            Some(map(
                json!({"type": ["string", "null"], "maxLength": 4, "minLength": 1})
            ))
        );
        assert_eq!(
            conjoin(&a, &c),
            Some(map(json!({"type": "string", "maxLength": 4})))
        );
    }

    #[test]
    fn what_one_schema_cannot_say_is_left_alone() {
        let cases = [
            (json!({"pattern": "^a"}), json!({"pattern": "b$"})),
            (json!({"format": "uri"}), json!({"format": "email"})),
            (json!({"type": "string"}), json!({"type": "integer"})),
            (json!({"enum": ["a"]}), json!({"enum": ["b"]})),
            (
                json!({"items": {"type": "string"}}),
                json!({"items": {"type": "integer"}}),
            ),
            (json!({"default": 1}), json!({"default": 2})),
        ];
        for (a, b) in cases {
            assert_eq!(
                conjoin(&map(a.clone()), &map(b.clone())),
                None,
                "{a} and {b}"
            );
        }
    }

    #[test]
    fn an_all_of_of_scalar_parts_is_their_conjunction_beside_its_own_keywords() {
        let mut root = json!({"s": {
            "description": "own",
            "allOf": [
                {"type": "string", "maxLength": 256, "description": "part"},
                {"minLength": 1}
            ]
        }});
        let warnings = rewrite(&mut root, &mut Order::new());
        assert!(warnings.is_empty());
        assert_eq!(
            root,
            json!({"s": {"description": "own", "type": "string", "maxLength": 256, "minLength": 1}})
        );
    }

    #[test]
    fn a_member_declared_by_a_shared_part_and_narrowed_is_both_where_it_is_narrowed() {
        let mut root = json!({
            "Base": {"type": "object", "properties": {"kind": {"type": "string", "readOnly": true}}},
            "Child": {"allOf": [
                {"$ref": "#/Base"},
                {"type": "object", "properties": {"kind": {"type": "string", "enum": ["child"]}}}
            ]}
        });
        rewrite(&mut root, &mut Order::new());
        assert_eq!(
            root["Child"]["allOf"][1]["properties"]["kind"],
            json!({"type": "string", "readOnly": true, "enum": ["child"]})
        );
        // The shared schema is the same for every other schema that holds it.
        assert_eq!(
            root["Base"]["properties"]["kind"],
            json!({"type": "string", "readOnly": true})
        );
    }

    #[test]
    fn a_member_narrowed_behind_a_ref_is_left_for_the_merge_to_refuse() {
        let mut root = json!({
            "A": {"properties": {"kind": {"type": "string", "readOnly": true}}},
            "B": {"properties": {"kind": {"enum": ["b"]}}},
            "C": {"allOf": [{"$ref": "#/A"}, {"$ref": "#/B"}]}
        });
        let before = root.clone();
        rewrite(&mut root, &mut Order::new());
        assert_eq!(root, before);
    }

    #[test]
    fn a_lone_nullable_in_a_part_is_dropped_with_a_warning() {
        let mut root = json!({"p": {"allOf": [{"$ref": "#/X"}, {"nullable": true}]}, "X": {"type": "object", "properties": {}}});
        let warnings = rewrite(&mut root, &mut Order::new());
        assert_eq!(root["p"]["allOf"][1], json!({}));
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].0, "/p/allOf/1/nullable");
    }
}
