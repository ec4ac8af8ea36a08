//! The schema each generated type must produce, made from the input schema alone by the
//! normalisation the README states. Comparing it with the type's `json_schema()` is the round
//! trip: this module reads the input's keywords, never the generated attributes.
//!
//! The normalisation:
//! - the root gains `$schema` (2020-12) and each type a `title`, its Rust name; the types it
//!   holds sit under `$defs`, each referenced as `#/$defs/<name>`, inline objects and enums
//!   included (they become types of their own);
//! - a schema written in place (a member's, an item's, a map value's or a union branch's, not
//!   one reached by a `$ref`) is annotated where it is written: its `title`, `deprecated` and
//!   `format` sit beside the `$ref` to its type, and its `null` (a union's `null` branch, or
//!   `nullable`) is the holder's (`anyOf` of the `$ref` and `null`), never the type's; a
//!   member's description is the member's, while an item, a map's value or a branch, which
//!   have no place for one, give theirs to the type (still titled with its Rust name);
//! - OpenAPI 3.0's spellings are 2020-12's (`nullable`, `example`, boolean `exclusiveMinimum`);
//!   `allOf` of objects is merged, and an `allOf` of one `$ref` is that `$ref`; a `$ref` to a
//!   schema that is only a `$ref` (a type alias) is a `$ref` to the type it names;
//! - `required` lists members in their declaration order (Swagger 2's `required: true` inside
//!   a member among them), and a required member's `default`, never used, is left out, as is
//!   a default the derive's `default` cannot write (only a member has one, and it is the
//!   type's own empty value, unless the member may be `null`, or a literal of a string,
//!   string enum, number or boolean; not a value of an enum of numbers); an object type states
//!   `"type": "object"`;
//! - a keyword that applies only to values of types the schema's `type` does not allow
//!   (`items` beside `"type": "string"`) checks nothing and is left out;
//! - a title that names the type is the type's name, as the derive writes it (a title of a
//!   schema written in place is its value's, above);
//! - an integer states its Rust type's range (`i32` for `format: int32`, `i64` otherwise) on
//!   each side it leaves open; a number's bounds are floats;
//! - a `pattern` that is one class over the whole string (`^[...]*$`, a `charset`) is spelled
//!   as the derive spells it (the same characters); any other `pattern` is as written;
//! - what says nothing is left out: `minLength: 0` (and items, properties), `uniqueItems:
//!   false`, `readOnly: false`, `additionalProperties: true`, a map's values of any kind
//!   (`additionalProperties: {}`, a `patternProperties` entry of `{}`, whose names are still
//!   held to its pattern, or values with nothing but a description, which has no place
//!   there), `$comment` and `x-` extensions;
//! - a description's lines lose trailing spaces, and an empty description is left out.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use crate::charset;
use crate::input::{Document, ref_target};
use crate::lower::{
    Member, branches, common_required, declare_required, default_written, described_by_part,
    holds_null, integer_bound_is_idle, is_struct, is_union, matches_every_name, merge_all_of,
    never, not_patterns, pattern_entries, plain, plain_presence, presence_names, presence_rules,
    properties, synthetic, unwrap_null,
};

/// The JSON Schema dialect the derive declares.
const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Builds expected schemas from a document and the names its schemas were given.
pub struct Expect<'d> {
    /// Each type's own schema, once built: every type that reaches it holds it.
    built: std::cell::RefCell<BTreeMap<String, Map<String, Value>>>,
    doc: &'d Document,
    names: &'d BTreeMap<String, String>,
    inline: &'d BTreeSet<String>,
    held: &'d BTreeSet<String>,
    aliases: BTreeMap<String, String>,
    /// Each type's pointer, by name: several named schemas may be one schema (responses that
    /// share a component), each a type of its own.
    by_name: BTreeMap<String, String>,
}

impl<'d> Expect<'d> {
    /// `names` maps each schema's pointer to its type's name; `held` are the pointers of
    /// schemas written in a member, an item, a map's value or a branch, and `inline` those of
    /// them whose description and examples are their holder's.
    pub fn new(
        doc: &'d Document,
        names: &'d BTreeMap<String, String>,
        inline: &'d BTreeSet<String>,
        held: &'d BTreeSet<String>,
        aliases: BTreeMap<String, String>,
        types: &[(String, String)],
    ) -> Self {
        let by_name = names
            .iter()
            .map(|(p, n)| (n.clone(), p.clone()))
            .chain(types.iter().cloned())
            .collect();
        Expect {
            built: std::cell::RefCell::default(),
            doc,
            names,
            inline,
            held,
            aliases,
            by_name,
        }
    }

    /// The type a name stands for: an alias's target, followed to the end.
    fn resolve(&self, name: &str) -> String {
        let mut name = name.to_owned();
        for _ in 0..=self.aliases.len() {
            match self.aliases.get(&name) {
                Some(target) => name = target.clone(),
                None => break,
            }
        }
        name
    }

    /// The whole schema of the type `name`: its own, `$schema` and `$defs`.
    pub fn root(&self, name: &str) -> Value {
        let mut root = Map::new();
        root.insert("$schema".into(), DIALECT.into());
        root.extend(self.type_schema(name));
        let mut defs = Map::new();
        let mut todo = refs(&Value::Object(root.clone()));
        while let Some(n) = todo.pop() {
            if defs.contains_key(&n) {
                continue;
            }
            let body = Value::Object(self.type_schema(&n));
            todo.extend(refs(&body));
            defs.insert(n, body);
        }
        if !defs.is_empty() {
            root.insert("$defs".into(), Value::Object(defs));
        }
        Value::Object(root)
    }

    fn node(&self, name: &str) -> (String, Map<String, Value>, Vec<Member>) {
        let pointer = self.by_name.get(name).map_or("", String::as_str);
        let mut own = match self.doc.at(pointer) {
            Some(Value::Object(m)) => Cow::Borrowed(m),
            _ => Cow::Owned(synthetic(self.doc, pointer).unwrap_or_default()),
        };
        plain(&mut own);
        let (mut map, order) = if own.contains_key("allOf") {
            let (merged, order) = merge_all_of(self.doc, &own, pointer).unwrap_or_default();
            (Cow::Owned(merged), order)
        } else {
            (own, Vec::new())
        };
        plain_presence(self.doc, &mut map);
        common_required(&mut map);
        declare_required(&mut map);
        let mut map = map.into_owned();
        if pointer.is_empty() {
            for key in ["$schema", "$id", "$defs", "definitions"] {
                map.remove(key);
            }
        }
        // A struct or enum type holds no `null` (the member that holds it does).
        if is_struct(&map) || map.contains_key("enum") {
            if let Ok(Cow::Owned(changed)) =
                unwrap_null(Cow::Borrowed(&map), pointer).map(|u| u.map)
            {
                map = changed;
            }
        }
        (pointer.to_owned(), map, order)
    }

    /// A type's own schema, without `$schema` and `$defs`, built once.
    fn type_schema(&self, name: &str) -> Map<String, Value> {
        if let Some(s) = self.built.borrow().get(name) {
            return s.clone();
        }
        let s = self.build(name);
        self.built.borrow_mut().insert(name.to_owned(), s.clone());
        s
    }

    /// [`Expect::type_schema`], built.
    fn build(&self, name: &str) -> Map<String, Value> {
        let (pointer, map, order) = self.node(name);
        // Written inside another schema: its `title`, `deprecated`, `format` and a union's
        // `null` are its holder's. Its description and examples are too, unless it is an
        // item or a map's value that describes itself.
        let held = self.held.contains(&pointer);
        let described = !self.inline.contains(&pointer);
        let mut s = Map::new();
        s.insert("title".into(), name.into());
        if !held {
            // A title that does not name the type is the type's, as are `deprecated` and the
            // `format` of a struct or an enum.
            if let Some(t) = map.get("title").and_then(Value::as_str) {
                if crate::names::type_name(t) != name {
                    s.insert("title".into(), t.into());
                }
            }
            if map.get("deprecated") == Some(&Value::Bool(true)) {
                s.insert("deprecated".into(), true.into());
            }
            if is_struct(&map) || map.contains_key("enum") {
                if let Some(f) = map.get("format") {
                    s.insert("format".into(), f.clone());
                }
            }
            if is_struct(&map) || map.contains_key("enum") || is_union(&map) {
                for key in ["readOnly", "writeOnly"] {
                    if map.get(key) == Some(&Value::Bool(true)) {
                        s.insert(key.into(), true.into());
                    }
                }
            }
        }
        if described {
            let d = map
                .get("description")
                .and_then(Value::as_str)
                .map(crate::doc_text);
            if let Some(d) = d.filter(|d| !d.is_empty()) {
                s.insert("description".into(), d.into());
            }
        }
        if is_struct(&map) {
            s.insert("type".into(), "object".into());
            let props = properties(self.doc, &map, &order, &pointer);
            let mut required: Vec<&str> = map
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            // Swagger 2's `required: true` inside a member.
            for (wire, sub, _) in &props {
                if sub.get("required") == Some(&Value::Bool(true)) {
                    required.push(wire);
                }
            }
            // A member whose schema accepts nothing is a name the object must not have.
            let mut forbid: Vec<String> = Vec::new();
            let mut out = Map::new();
            // A member a presence rule names takes no default.
            let named = presence_names(&map);
            for (wire, sub, at) in &props {
                if never(sub) {
                    forbid.push(wire.clone());
                    continue;
                }
                out.insert(
                    wire.clone(),
                    Value::Object(self.field(
                        sub,
                        at,
                        required.contains(&wire.as_str()) || named.contains(wire),
                    )),
                );
            }
            let required: Vec<Value> = props
                .iter()
                .map(|(k, _, _)| k)
                .filter(|k| required.contains(&k.as_str()) && !forbid.contains(k))
                .map(|k| Value::from(k.as_str()))
                .collect();
            if !required.is_empty() {
                s.insert("required".into(), Value::Array(required.clone()));
            }
            // Which members are present together: `dependentRequired` (draft 7's
            // `dependencies` of names), and each `oneOf`/`anyOf` of `required` lists, under
            // `allOf` when there are both.
            // A required member is always present, and needing it says nothing.
            if let Some(rules) = presence_rules(&map) {
                let dependent: Map<String, Value> = rules
                    .requires
                    .into_iter()
                    .map(|(from, mut needs)| {
                        needs.retain(|n| !required.iter().any(|r| r == n));
                        (from, needs)
                    })
                    .filter(|(_, needs)| !needs.is_empty())
                    .map(|(from, needs)| (from, json!(needs)))
                    .collect();
                if !dependent.is_empty() {
                    s.insert("dependentRequired".into(), Value::Object(dependent));
                }
                let mut parts: Vec<Value> = rules
                    .choices
                    .into_iter()
                    .map(|(key, c)| {
                        let branches: Vec<Value> =
                            c.groups.iter().map(|g| json!({"required": g})).collect();
                        json!({ key: branches })
                    })
                    .collect();
                // `not` of one name the object does not declare: a name it must not have; of
                // more, members not all present.
                for list in rules.not_all {
                    match list.as_slice() {
                        [one] => {
                            if !forbid.contains(one) {
                                forbid.push(one.clone());
                            }
                        }
                        _ => parts.push(json!({"not": {"required": list}})),
                    }
                }
                // Each `if` of a member's value: its `then` without the member and those
                // always present, and nothing when that leaves nothing required.
                for rule in rules.when {
                    let members = rule.named(|n| required.iter().any(|r| r == n));
                    if members.is_empty() {
                        continue;
                    }
                    let value = match rule.values.as_slice() {
                        [one] => json!({ "const": one }),
                        all => json!({ "enum": all }),
                    };
                    let then = if rule.required {
                        json!({ "required": members })
                    } else {
                        json!({"not": {"required": members}})
                    };
                    parts.push(json!({
                        "if": {"properties": {rule.member.clone(): value}, "required": [rule.member]},
                        "then": then,
                    }));
                }
                match parts.len() {
                    0 => {}
                    1 => {
                        if let Some(Value::Object(one)) = parts.pop() {
                            s.extend(one);
                        }
                    }
                    _ => {
                        s.insert("allOf".into(), Value::Array(parts));
                    }
                }
            }
            // Beside `additionalProperties: false`, a name it must not have is refused already.
            let patterns = pattern_entries(&map);
            let closed =
                patterns.is_empty() && map.get("additionalProperties") == Some(&Value::Bool(false));
            if !closed {
                for name in forbid {
                    out.insert(name, Value::Bool(false));
                }
            }
            s.insert("properties".into(), Value::Object(out));
            for key in ["minProperties", "maxProperties"] {
                if let Some(n) = map.get(key) {
                    s.insert(key.into(), n.clone());
                }
            }
            // The members it does not declare: refused, or a flattened map's, whose names are
            // the declared ones or, beside `additionalProperties: false`, those of the one
            // `patternProperties` entry. Values of any kind (`{}`) say nothing.
            match (patterns.first(), map.get("additionalProperties")) {
                (Some((key, values)), _) => {
                    let here = format!("{pointer}/patternProperties/{}", crate::input::escape(key));
                    if let Some(v) = self.values(values, &here) {
                        s.insert("additionalProperties".into(), v);
                    }
                    let declared: Vec<Value> = props
                        .iter()
                        .map(|(k, _, _)| Value::from(k.as_str()))
                        .collect();
                    if !matches_every_name(key) {
                        s.insert(
                            "propertyNames".into(),
                            json!({"anyOf": [{"enum": declared}, {"pattern": pattern(key)}]}),
                        );
                    }
                }
                (_, Some(Value::Bool(false))) => {
                    s.insert("additionalProperties".into(), false.into());
                }
                (_, Some(values @ Value::Object(_))) => {
                    let here = format!("{pointer}/additionalProperties");
                    if let Some(v) = self.values(values, &here) {
                        s.insert("additionalProperties".into(), v);
                    }
                }
                _ => {}
            }
            if described {
                if let Some(e) = map.get("examples") {
                    s.insert("examples".into(), e.clone());
                }
            }
        } else if is_union(&map) {
            // An enum of values: `oneOf` the branches, or `anyOf` them (`anyOf`, a `type`
            // list); a member's union leaves its `null` to the member.
            let (one_of, list) = branches(&map, &pointer);
            let mut out = Vec::new();
            for (here, branch) in list {
                match branch {
                    None if held => {}
                    None => out.push(json!({"type": "null"})),
                    Some(b) => {
                        let (mut core, notes) = self.value(&b, &here);
                        core.extend(notes);
                        out.push(Value::Object(core));
                    }
                }
            }
            if map.get("nullable") == Some(&Value::Bool(true)) && !held {
                out.push(json!({"type": "null"}));
            }
            let key = if one_of { "oneOf" } else { "anyOf" };
            s.insert(key.into(), Value::Array(out));
            if described {
                if let Some(e) = map.get("examples") {
                    s.insert("examples".into(), e.clone());
                }
            }
            if !held {
                if let Some(f) = map.get("format") {
                    s.insert("format".into(), f.clone());
                }
            }
        } else if map.contains_key("enum") && !map.contains_key("$ref") {
            // A string enum states its type; an enum of other values lists them alone.
            let strings = map["enum"]
                .as_array()
                .is_some_and(|v| v.iter().all(Value::is_string));
            if strings {
                s.insert("type".into(), "string".into());
            }
            s.insert("enum".into(), map["enum"].clone());
            if described {
                if let Some(e) = map.get("examples") {
                    s.insert("examples".into(), e.clone());
                }
            }
        } else {
            // A newtype: its value's schema under the type's title and description (a title
            // that names the type is the type's name).
            let mut body = map.clone();
            body.remove("description");
            let own_title = body
                .get("title")
                .and_then(Value::as_str)
                .is_some_and(|t| crate::names::type_name(t) == name);
            if own_title && !held {
                body.remove("title");
            }
            let (core, notes) = self.value(&Value::Object(body), &pointer);
            for (k, v) in core.into_iter().chain(notes) {
                s.insert(k, v);
            }
        }
        s
    }

    /// A member's schema: its value's, then the annotations, the description and the
    /// default (which a required member, never absent, does not keep).
    fn field(&self, sub: &Value, at: &str, no_default: bool) -> Map<String, Value> {
        // A default the derive's `default` cannot write is dropped, as it checks nothing; so
        // is one of a required member or of one a presence rule names (`no_default`).
        let (own, nullable) = sub
            .as_object()
            .and_then(|m| unwrap_null(Cow::Borrowed(m), at).ok())
            .map(|u| (u.map, u.nullable))
            .unwrap_or_default();
        let default = sub
            .get("default")
            .cloned()
            .filter(|d| !no_default && default_written(self.doc, d, &own, nullable));
        let (core, notes) = self.value(sub, at);
        let mut s = core;
        s.extend(notes);
        // Its own description, or one a part of `allOf` of annotations alone gives it.
        let description = sub.as_object().and_then(|m| {
            m.get("description")
                .or_else(|| described_by_part(m).map(|(_, d)| d))
        });
        if let Some(d) = description.and_then(Value::as_str) {
            let d = crate::doc_text(d);
            if !d.is_empty() {
                s.insert("description".into(), d.into());
            }
        }
        if let Some(d) = default {
            // A number's default is written as the `f64` it is.
            let number = sub
                .as_object()
                .and_then(|m| unwrap_null(Cow::Borrowed(m), at).ok())
                .is_some_and(|u| u.map.get("type") == Some(&Value::from("number")));
            let d = match d.as_f64() {
                Some(v) if number => json!(v),
                _ => d,
            };
            s.insert("default".into(), d);
        }
        s
    }

    /// The schema of a map's values (`additionalProperties`, or the one `patternProperties`
    /// entry's), at `at`, with its annotations; `None` when it is `{}`, values of any kind,
    /// which says nothing (as `additionalProperties: true` does).
    fn values(&self, node: &Value, at: &str) -> Option<Value> {
        let (mut v, notes) = self.value(node, at);
        v.extend(notes);
        (!v.is_empty()).then_some(Value::Object(v))
    }

    /// A value's schema, apart: what checks it (`null` added when the schema allows it) and
    /// the annotations beside it.
    fn value(&self, node: &Value, at: &str) -> (Map<String, Value>, Map<String, Value>) {
        let Value::Object(map) = node else {
            return (Map::new(), Map::new());
        };
        let mut map = Cow::Borrowed(map);
        plain(&mut map);
        let (map, mut nullable, at) = match unwrap_null(map.clone(), at) {
            Ok(u) => (u.map, u.nullable, u.at),
            Err(_) => (map, false, at.to_owned()),
        };
        let at = at.as_str();
        let mut notes = Map::new();
        for key in ["readOnly", "writeOnly"] {
            if map.get(key) == Some(&Value::Bool(true)) {
                notes.insert(key.into(), true.into());
            }
        }
        if let Some(e) = map.get("examples") {
            notes.insert("examples".into(), e.clone());
        }
        if let Some(t) = map.get("title") {
            notes.insert("title".into(), t.clone());
        }
        if map.get("deprecated") == Some(&Value::Bool(true)) {
            notes.insert("deprecated".into(), true.into());
        }
        // The format of any value but a secret, whose type writes it.
        if let Some(f) = map.get("format").filter(|f| *f != "password") {
            notes.insert("format".into(), f.clone());
        }
        let mut core = Map::new();
        let reference = |name: &str| {
            let mut m = Map::new();
            m.insert("$ref".into(), format!("#/$defs/{name}").into());
            m
        };
        if let Some(r) = map.get("$ref").and_then(Value::as_str) {
            let target = ref_target(r).unwrap_or_default();
            nullable |= holds_null(self.doc, &target);
            let name = self.names.get(&target).cloned().unwrap_or_default();
            core = reference(&self.resolve(&name));
        } else if map.contains_key("allOf")
            || is_struct(&map)
            || map.contains_key("enum")
            || is_union(&map)
        {
            core = reference(self.names.get(at).map(String::as_str).unwrap_or_default());
        } else {
            let ty =
                map.get("type")
                    .and_then(Value::as_str)
                    .unwrap_or(if map.contains_key("items") {
                        "array"
                    } else if map.contains_key("additionalProperties") {
                        "object"
                    } else {
                        ""
                    });
            let format = map.get("format").and_then(Value::as_str);
            match ty {
                "null" => {
                    core.insert("type".into(), "null".into());
                }
                "string" => {
                    core.insert("type".into(), "string".into());
                    lengths(&map, &mut core, "minLength", "maxLength");
                    if let Some(p) = map.get("pattern").and_then(Value::as_str) {
                        core.insert("pattern".into(), pattern(p).into());
                    }
                    // `not_pattern`s: one as `not` of it, several as `not` of their `anyOf`.
                    if let Some(list) = map.get("not").and_then(not_patterns) {
                        let mut each: Vec<Value> = list
                            .iter()
                            .map(|p| json!({"pattern": charset::plain_escapes(p)}))
                            .collect();
                        let not = match each.len() {
                            1 => each.remove(0),
                            _ => json!({ "anyOf": each }),
                        };
                        core.insert("not".into(), not);
                    }
                    if format == Some("password") {
                        core.insert("format".into(), "password".into());
                    }
                }
                "integer" => {
                    core.insert("type".into(), "integer".into());
                    let (lo, hi) = if format == Some("int32") {
                        (i64::from(i32::MIN), i64::from(i32::MAX))
                    } else {
                        (i64::MIN, i64::MAX)
                    };
                    // A bound past the type's own end is left out, as the generator leaves
                    // it out.
                    let bound = |key: &str| match map.get(key) {
                        Some(Value::Number(n))
                            if integer_bound_is_idle(key, n, format == Some("int32"))
                                && n.as_i64().is_none_or(|v| v < lo || v > hi) =>
                        {
                            None
                        }
                        other => other.cloned(),
                    };
                    core.insert("minimum".into(), bound("minimum").unwrap_or(lo.into()));
                    core.insert("maximum".into(), bound("maximum").unwrap_or(hi.into()));
                    for key in ["exclusiveMinimum", "exclusiveMaximum", "multipleOf"] {
                        if let Some(v) = bound(key) {
                            core.insert(key.into(), v);
                        }
                    }
                }
                "number" => {
                    core.insert("type".into(), "number".into());
                    for key in [
                        "minimum",
                        "maximum",
                        "exclusiveMinimum",
                        "exclusiveMaximum",
                        "multipleOf",
                    ] {
                        if let Some(v) = map.get(key).and_then(Value::as_f64) {
                            core.insert(key.into(), json!(v));
                        }
                    }
                }
                "boolean" => {
                    core.insert("type".into(), "boolean".into());
                }
                "array" => {
                    core.insert("type".into(), "array".into());
                    // Items of any value are `{}`.
                    let item = match map.get("items") {
                        None | Some(Value::Bool(true)) => Map::new(),
                        Some(items) => {
                            let (mut item, item_notes) = self.value(items, &format!("{at}/items"));
                            item.extend(item_notes);
                            item
                        }
                    };
                    core.insert("items".into(), Value::Object(item));
                    lengths(&map, &mut core, "minItems", "maxItems");
                    if map.get("uniqueItems") == Some(&Value::Bool(true)) {
                        core.insert("uniqueItems".into(), true.into());
                    }
                }
                "object" => {
                    core.insert("type".into(), "object".into());
                    let patterns = pattern_entries(&map);
                    if let Some((key, values)) = patterns.first() {
                        // One `patternProperties` entry beside `additionalProperties: false`.
                        let here = format!("{at}/patternProperties/{}", crate::input::escape(key));
                        if let Some(v) = self.values(values, &here) {
                            core.insert("additionalProperties".into(), v);
                        }
                        if !matches_every_name(key) {
                            core.insert("propertyNames".into(), json!({"pattern": pattern(key)}));
                        }
                    }
                    match map.get("additionalProperties") {
                        None | Some(Value::Bool(true)) => {}
                        Some(_) if !patterns.is_empty() => {}
                        Some(values) => {
                            let here = format!("{at}/additionalProperties");
                            if let Some(v) = self.values(values, &here) {
                                core.insert("additionalProperties".into(), v);
                            }
                        }
                    }
                    lengths(&map, &mut core, "minProperties", "maxProperties");
                    if let Some(Value::Object(n)) = map.get("propertyNames") {
                        let mut names = Map::new();
                        lengths(n, &mut names, "minLength", "maxLength");
                        if let Some(p) = n.get("pattern").and_then(Value::as_str) {
                            names.insert("pattern".into(), pattern(p).into());
                        } else if let Some(p) = crate::lower::names_pattern(n) {
                            names.insert("pattern".into(), pattern(&p).into());
                        }
                        if !names.is_empty() {
                            core.insert("propertyNames".into(), Value::Object(names));
                        }
                    }
                }
                _ => {}
            }
        }
        if nullable {
            core = nullable_of(core);
        }
        (core, notes)
    }
}

/// A `pattern` as the derive writes it: its escapes that need none written plain, and then a
/// class over the whole string (a `charset`) in the derive's spelling, any other pattern as
/// it is.
fn pattern(p: &str) -> String {
    let p = charset::plain_escapes(p);
    match charset::from_pattern(&p) {
        Ok(set) => charset::pattern(&set),
        Err(_) => p,
    }
}

/// Every `#/$defs/<name>` a schema references.
fn refs(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if let Some(name) = m
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                {
                    out.push(name.replace("~1", "/").replace("~0", "~"));
                }
                for (k, v) in m {
                    if k != "$defs" {
                        walk(v, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    walk(v, &mut out);
    out
}

/// What the derive writes for an `Option`: `null` added to the type, or `anyOf` with `null`
/// (for a `$ref`, or beside a `not`, which `null` could break).
fn nullable_of(mut inner: Map<String, Value>) -> Map<String, Value> {
    if inner.is_empty() {
        return inner;
    }
    match inner.get("type").cloned() {
        Some(Value::String(t)) if !inner.contains_key("not") => {
            inner.insert("type".into(), json!([t, "null"]));
            inner
        }
        _ => {
            let mut s = Map::new();
            s.insert(
                "anyOf".into(),
                json!([Value::Object(inner), {"type": "null"}]),
            );
            s
        }
    }
}

/// A pair of length keywords, a minimum of 0 left out.
fn lengths(from: &Map<String, Value>, to: &mut Map<String, Value>, min: &str, max: &str) {
    if let Some(n) = from.get(min).and_then(Value::as_u64) {
        if n > 0 {
            to.insert(min.into(), n.into());
        }
    }
    if let Some(n) = from.get(max).and_then(Value::as_u64) {
        to.insert(max.into(), n.into());
    }
}
