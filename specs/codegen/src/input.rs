//! Reading a document: what kind it is, which schemas it names, and where `$ref`s lead.
//!
//! Three kinds are read:
//! - an OpenAPI document, 3.0 or 3.1: its `components.schemas`, and the request and response
//!   bodies of its operations that are written inline (named after their operation);
//! - a JSON Schema document (2020-12): the root schema and its `$defs` (or `definitions`);
//! - a set of contracts (`specs/*.json`): each a `{"model", "schema"}`, whose schemas refer to
//!   each other as `#/$defs/<model>`.
//!
//! Every kind becomes one JSON value with named schemas at known pointers, so that the rest of
//! the generator reads them alike. OpenAPI 3.0's own spellings (`nullable`, `example`, boolean
//! `exclusiveMinimum`) are rewritten into 2020-12's first.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::names;
use crate::order::{self, Order};

/// Which dialect a document's schemas are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// OpenAPI 3.0's schema objects.
    OpenApi30,
    /// JSON Schema 2020-12, which OpenAPI 3.1 uses too.
    JsonSchema,
}

/// A schema the document names: a component, a `$defs` entry, a contract, an inline body.
#[derive(Clone, Debug)]
pub struct Named {
    /// The Rust type's name.
    pub name: String,
    /// Its JSON Pointer into [`Document::root`].
    pub pointer: String,
}

/// A document, ready to generate from.
#[derive(Debug)]
pub struct Document {
    /// The whole document, OpenAPI 3.0 spellings rewritten.
    pub root: Value,
    /// The dialect it was written in.
    pub dialect: Dialect,
    /// The schemas it names, in the document's order.
    pub named: Vec<Named>,
    /// How messages show a pointer: the prefix of a named schema and what to print instead
    /// (a contract's file name).
    pub shown_as: Vec<(String, String)>,
    /// Each object's member names in the order the document writes them.
    pub order: Order,
}

impl Document {
    /// Reads an OpenAPI or JSON Schema document written in JSON, keeping the order of its
    /// members. `name` names a JSON Schema document's root when it has no `title`.
    pub fn parse(text: &str, name: &str) -> Result<Document, String> {
        let root: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let order = order::read(text).map_err(|e| format!("not JSON: {e}"))?;
        Document::read(root, order, name)
    }

    /// Reads a parsed OpenAPI or JSON Schema document. Without the text, members are taken in
    /// name order; [`Document::parse`] keeps the document's.
    pub fn new(root: Value, name: &str) -> Result<Document, String> {
        Document::read(root, Order::new(), name)
    }

    fn read(mut root: Value, order: Order, name: &str) -> Result<Document, String> {
        let Value::Object(top) = &root else {
            return Err("the document is not a JSON object".into());
        };
        if let Some(version) = top.get("openapi") {
            let version = version.as_str().unwrap_or_default().to_owned();
            let dialect = if version.starts_with("3.0") {
                Dialect::OpenApi30
            } else if version.starts_with("3.1") {
                Dialect::JsonSchema
            } else {
                return Err(format!("OpenAPI {version} is not read: 3.0 and 3.1 are"));
            };
            rewrite_openapi(&mut root, dialect == Dialect::OpenApi30);
            let named = openapi_schemas(&root, &order);
            return Ok(Document {
                root,
                dialect,
                named,
                shown_as: Vec::new(),
                order,
            });
        }
        let mut named = Vec::new();
        let mut unique = names::Unique::default();
        let title = top.get("title").and_then(Value::as_str).unwrap_or(name);
        let is_schema = ["type", "properties", "enum", "$ref", "allOf", "items"]
            .iter()
            .any(|k| top.contains_key(*k));
        if is_schema {
            named.push(Named {
                name: unique.give(&names::type_name(title)),
                pointer: String::new(),
            });
        }
        for defs in ["$defs", "definitions"] {
            if let Some(Value::Object(map)) = top.get(defs) {
                for key in keys(&order, &format!("/{defs}"), map) {
                    named.push(Named {
                        name: unique.give(&names::type_name(key)),
                        pointer: format!("/{defs}/{}", escape(key)),
                    });
                }
            }
        }
        Ok(Document {
            root,
            dialect: Dialect::JsonSchema,
            named,
            shown_as: Vec::new(),
            order,
        })
    }

    /// Reads contracts: `(file name, text)` pairs, each contract `{"model", "schema"}` in
    /// JSON, in the order given.
    pub fn contracts(files: Vec<(String, String)>) -> Result<Document, String> {
        let mut defs = Map::new();
        let mut named = Vec::new();
        let mut shown_as = Vec::new();
        let mut all_order = Order::new();
        for (file, text) in files {
            let contract: Value =
                serde_json::from_str(&text).map_err(|e| format!("{file} is not JSON: {e}"))?;
            let file_order = order::read(&text).map_err(|e| format!("{file} is not JSON: {e}"))?;
            let model = contract
                .get("model")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{file}: no `model` name"))?
                .to_owned();
            let schema = contract
                .get("schema")
                .cloned()
                .ok_or_else(|| format!("{file}: no `schema`"))?;
            if defs.contains_key(&model) {
                return Err(format!("{file}: a second contract for `{model}`"));
            }
            let pointer = format!("/$defs/{}", escape(&model));
            for (at, keys) in file_order {
                if let Some(rest) = at.strip_prefix("/schema") {
                    all_order.insert(format!("{pointer}{rest}"), keys);
                }
            }
            shown_as.push((pointer.clone(), format!("{file}#/schema")));
            named.push(Named {
                name: model.clone(),
                pointer,
            });
            defs.insert(model, schema);
        }
        let mut root = Map::new();
        root.insert("$defs".into(), Value::Object(defs));
        Ok(Document {
            root: Value::Object(root),
            dialect: Dialect::JsonSchema,
            named,
            shown_as,
            order: all_order,
        })
    }

    /// Reads the contracts of a folder: every `*.json` file in it, in name order.
    pub fn contracts_dir(dir: &std::path::Path) -> Result<Document, String> {
        let shown = dir.display();
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("cannot read {shown}: {e}"))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        let mut files = Vec::new();
        for p in paths {
            let text = std::fs::read_to_string(&p)
                .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            files.push((name, text));
        }
        Document::contracts(files)
    }

    /// The member names of `map`, the object at `pointer`, in document order.
    pub fn keys<'m>(&self, pointer: &str, map: &'m Map<String, Value>) -> Vec<&'m String> {
        keys(&self.order, pointer, map)
    }

    /// The node at `pointer`.
    pub fn at(&self, pointer: &str) -> Option<&Value> {
        self.root.pointer(pointer)
    }

    /// How a message shows `pointer`: as a fragment (`#/components/schemas/Client`), or in its
    /// contract's file (`client.json#/schema/properties/x`).
    pub fn show(&self, pointer: &str) -> String {
        for (prefix, shown) in &self.shown_as {
            if let Some(rest) = pointer.strip_prefix(prefix.as_str()) {
                if rest.is_empty() || rest.starts_with('/') {
                    return format!("{shown}{rest}");
                }
            }
        }
        format!("#{pointer}")
    }
}

/// A reference's target pointer: `#/components/schemas/A` → `/components/schemas/A`; `None`
/// for a reference to another document.
pub fn ref_target(reference: &str) -> Option<String> {
    let fragment = reference.strip_prefix('#')?.as_bytes();
    // Percent-encoding in the fragment, as URIs allow; a `%` not followed by two hex digits
    // stands for itself.
    let mut out = Vec::with_capacity(fragment.len());
    let mut i = 0;
    while i < fragment.len() {
        let hex = fragment
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (fragment[i], hex) {
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
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// The member names of `map`, the object at `pointer`, in the order `order` has for it; names
/// it does not list (added by a rewrite) follow in name order.
fn keys<'m>(order: &Order, pointer: &str, map: &'m Map<String, Value>) -> Vec<&'m String> {
    let mut out: Vec<&String> = Vec::with_capacity(map.len());
    if let Some(listed) = order.get(pointer) {
        for k in listed {
            if let Some((key, _)) = map.get_key_value(k) {
                out.push(key);
            }
        }
    }
    for k in map.keys() {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// A JSON Pointer token: `~` as `~0`, `/` as `~1`.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// The schemas an OpenAPI document names: its components, then each operation's inline
/// request and response bodies.
fn openapi_schemas(root: &Value, order: &Order) -> Vec<Named> {
    let mut named = Vec::new();
    let mut unique = names::Unique::default();
    if let Some(Value::Object(schemas)) = root.pointer("/components/schemas") {
        for key in keys(order, "/components/schemas", schemas) {
            named.push(Named {
                name: unique.give(&names::type_name(key)),
                pointer: format!("/components/schemas/{}", escape(key)),
            });
        }
    }
    let Some(Value::Object(paths)) = root.get("paths") else {
        return named;
    };
    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    for path in keys(order, "/paths", paths) {
        let item = &paths[path];
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let op_pointer = format!("/paths/{}/{method}", escape(path));
            let base = match op.get("operationId").and_then(Value::as_str) {
                Some(id) => names::pascal(id),
                None => names::pascal(&format!("{method} {path}")),
            };
            let mut bodies: Vec<(String, String)> = Vec::new();
            if op.get("requestBody").is_some() {
                bodies.push((
                    format!("{op_pointer}/requestBody"),
                    format!("{base}Request"),
                ));
            }
            if let Some(Value::Object(responses)) = op.get("responses") {
                let successes = responses.keys().filter(|c| c.starts_with('2')).count();
                for code in keys(order, &format!("{op_pointer}/responses"), responses) {
                    let suffix = if code.starts_with('2') && successes == 1 {
                        "Response".to_owned()
                    } else {
                        let code: String =
                            code.chars().filter(char::is_ascii_alphanumeric).collect();
                        match code.starts_with(|c: char| c.is_ascii_digit()) {
                            true => format!("Response{}", code.to_ascii_uppercase()),
                            false => format!("Response{}", names::pascal(&code)),
                        }
                    };
                    bodies.push((
                        format!("{op_pointer}/responses/{}", escape(code)),
                        format!("{base}{suffix}"),
                    ));
                }
            }
            for (pointer, name) in bodies {
                let (pointer, body) = follow(root, pointer);
                let Some(Value::Object(content)) = body.and_then(|b| b.get("content")) else {
                    continue;
                };
                // One type for the body, whatever the media types that carry it.
                let mut seen = BTreeMap::new();
                for media in keys(order, &format!("{pointer}/content"), content) {
                    let entry = &content[media];
                    let Some(schema) = entry.get("schema") else {
                        continue;
                    };
                    if schema.get("$ref").is_some() {
                        continue;
                    }
                    let at = format!("{pointer}/content/{}/schema", escape(media));
                    if seen.insert(schema.to_string(), ()).is_none() {
                        named.push(Named {
                            name: unique.give(&name),
                            pointer: at,
                        });
                    }
                }
            }
        }
    }
    named
}

/// Follows a body that is a `$ref` (to `components.requestBodies` or `responses`) to its
/// target.
fn follow(root: &Value, pointer: String) -> (String, Option<&Value>) {
    let mut pointer = pointer;
    for _ in 0..8 {
        let node = root.pointer(&pointer);
        match node.and_then(|n| n.get("$ref")).and_then(Value::as_str) {
            Some(r) => match ref_target(r) {
                Some(target) => pointer = target,
                None => return (pointer, None),
            },
            None => return (pointer, node),
        }
    }
    (pointer, None)
}

/// Rewrites OpenAPI's spellings into 2020-12's, in every schema of the document (found by
/// where it sits: `components.schemas`, a `schema` member, and the keywords that hold schemas),
/// never in data such as examples, defaults and enum values: `example: x` becomes
/// `examples: [x]` (OpenAPI 3.1 still allows it), and, for OpenAPI 3.0 (`v30`), `nullable:
/// true` adds `null` to the type (or, without a type, is kept for the generator to read) and a
/// boolean `exclusiveMinimum` takes the `minimum` beside it.
fn rewrite_openapi(value: &mut Value, v30: bool) {
    document(value, v30);

    /// A part of the document that is not a schema: its schemas are below `schema` and
    /// `schemas` members.
    fn document(value: &mut Value, v30: bool) {
        match value {
            Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    match (key.as_str(), v) {
                        ("schema", v) => schema(v, v30),
                        ("schemas", Value::Object(all)) => {
                            all.values_mut().for_each(|v| schema(v, v30));
                        }
                        ("example" | "examples", _) => {}
                        (_, v) => document(v, v30),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| document(v, v30)),
            _ => {}
        }
    }

    fn schema(value: &mut Value, v30: bool) {
        let Value::Object(map) = value else { return };
        if !map.contains_key("examples") {
            if let Some(example) = map.remove("example") {
                map.insert("examples".into(), Value::Array(vec![example]));
            }
        }
        if v30 {
            for (flag, bound) in [
                ("exclusiveMinimum", "minimum"),
                ("exclusiveMaximum", "maximum"),
            ] {
                match map.get(flag) {
                    Some(Value::Bool(true)) => {
                        if let Some(b) = map.remove(bound) {
                            map.insert(flag.into(), b);
                        }
                    }
                    Some(Value::Bool(false)) => {
                        map.remove(flag);
                    }
                    _ => {}
                }
            }
            match map.get("nullable") {
                Some(Value::Bool(true)) => {
                    if let Some(Value::String(t)) = map.get("type").cloned() {
                        map.remove("nullable");
                        map.insert(
                            "type".into(),
                            Value::Array(vec![Value::String(t), "null".into()]),
                        );
                    }
                }
                Some(Value::Bool(false)) => {
                    map.remove("nullable");
                }
                _ => {}
            }
        }
        for (key, v) in map.iter_mut() {
            match (key.as_str(), v) {
                (
                    "properties" | "$defs" | "definitions" | "patternProperties"
                    | "dependentSchemas",
                    Value::Object(all),
                ) => all.values_mut().for_each(|v| schema(v, v30)),
                ("allOf" | "anyOf" | "oneOf" | "prefixItems", Value::Array(all)) => {
                    all.iter_mut().for_each(|v| schema(v, v30));
                }
                (
                    "items"
                    | "additionalProperties"
                    | "propertyNames"
                    | "not"
                    | "if"
                    | "then"
                    | "else"
                    | "contains"
                    | "unevaluatedItems"
                    | "unevaluatedProperties",
                    v,
                ) => schema(v, v30),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn openapi_30_spellings_become_2020_12() {
        let mut doc = json!({"components": {"schemas": {"A": {
            "type": "object",
            "properties": {
                "a": {"type": "string", "nullable": true, "example": "x"},
                "b": {"type": "integer", "minimum": 0, "exclusiveMinimum": true},
                "c": {"$ref": "#/components/schemas/B", "nullable": true}
            }
        }}}});
        rewrite_openapi(&mut doc, true);
        let p = &doc["components"]["schemas"]["A"]["properties"];
        assert_eq!(
            p["a"],
            json!({"type": ["string", "null"], "examples": ["x"]})
        );
        assert_eq!(p["b"], json!({"type": "integer", "exclusiveMinimum": 0}));
        assert_eq!(
            p["c"],
            json!({"$ref": "#/components/schemas/B", "nullable": true})
        );
    }

    #[test]
    fn inline_bodies_are_named_after_their_operation() {
        let doc = json!({
            "openapi": "3.1.0",
            "paths": {"/api/client/create": {"post": {
                "operationId": "client_create_api",
                "requestBody": {"content": {
                    "application/json": {"schema": {"type": "object", "properties": {}}},
                    "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {}}}
                }},
                "responses": {
                    "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Client"}}}},
                    "400": {"content": {"application/json": {"schema": {"type": "object", "properties": {}}}}}
                }
            }}},
            "components": {"schemas": {"Client": {"type": "object", "properties": {}}}}
        });
        let d = Document::new(doc, "x").unwrap();
        let names: Vec<&str> = d.named.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Client",
                "ClientCreateApiRequest",
                "ClientCreateApiResponse400"
            ]
        );
        assert_eq!(
            d.named[1].pointer,
            "/paths/~1api~1client~1create/post/requestBody/content/application~1json/schema"
        );
    }

    #[test]
    fn references_are_fragments() {
        assert_eq!(
            ref_target("#/components/schemas/A%20B").as_deref(),
            Some("/components/schemas/A B")
        );
        assert_eq!(ref_target("other.json#/A"), None);
        assert_eq!(ref_target("#/$defs/%C3%A9").as_deref(), Some("/$defs/é"));
        assert_eq!(ref_target("#/$defs/é").as_deref(), Some("/$defs/é"));
        assert_eq!(ref_target("#/$defs/%aé").as_deref(), Some("/$defs/%aé"));
    }
}
