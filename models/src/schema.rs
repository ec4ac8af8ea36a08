//! JSON Schema (draft 2020-12) generation, driven by the same rule trees as validation.

use serde_json::{Map, Value};

use crate::Model;
use crate::charset::Charset;
use crate::rules::Pattern;

/// The JSON Schema dialect every generated schema declares.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Collects the definitions of nested models while a schema is generated, so that each model
/// is described once under `$defs` and recursive models terminate.
///
/// A model is told from another by its full type name (module path and generic arguments), so
/// two models of one name from two modules get two definitions. Each definition's key is the
/// model's own name (`Scope`, `Page_Client` for `Page<Client>`) when no other model of the
/// document has that name, and otherwise its full type name with `.` between the path's
/// segments (`my_crate.a.Scope`): readable, the same whatever order the fields are in, and
/// unique. References are written with a placeholder while the document is built, and pointed
/// at the keys once all of them are known.
#[derive(Debug, Default)]
pub struct SchemaGen {
    defs: Vec<Def>,
}

#[derive(Debug)]
struct Def {
    /// The full type name: what tells two models apart.
    id: &'static str,
    /// The model's own name, the key unless another model has it too.
    name: String,
    body: Value,
}

/// The start of a placeholder reference; the definition's index follows it.
const PLACEHOLDER: &str = "#/$defs/\u{0}";

impl SchemaGen {
    /// A `{"$ref": "#/$defs/Name"}` to `T`, defining `T` on first use; `T`'s own schema in
    /// place for a type described inline (`serde_json::Value`, `{}`).
    pub fn reference<T: Model>(&mut self) -> Map<String, Value> {
        if T::__schema_inline() {
            return T::__schema_object(self);
        }
        let id = core::any::type_name::<T>();
        let index = match self.defs.iter().position(|d| d.id == id) {
            Some(i) => i,
            None => {
                // A placeholder first, so that a model that contains itself refers to itself.
                self.defs.push(Def {
                    id,
                    name: T::__schema_name(),
                    body: Value::Bool(true),
                });
                let i = self.defs.len() - 1;
                let body = T::__schema_object(self);
                self.defs[i].body = Value::Object(body);
                i
            }
        };
        let mut s = Map::new();
        s.insert("$ref".into(), format!("{PLACEHOLDER}{index}").into());
        s
    }

    /// The full schema of the root model `T`: its object schema, the dialect and `$defs`.
    pub fn root<T: Model>() -> Value {
        let mut schemas = SchemaGen::default();
        let body = T::__schema_object(&mut schemas);
        let mut s = Map::new();
        s.insert("$schema".into(), DIALECT.into());
        s.extend(body);
        if schemas.defs.is_empty() {
            return Value::Object(s);
        }
        let keys: Vec<String> = schemas
            .defs
            .iter()
            .map(|d| {
                let shared = schemas.defs.iter().filter(|o| o.name == d.name).count() > 1;
                if shared {
                    qualified_key(d.id)
                } else {
                    d.name.clone()
                }
            })
            .collect();
        let mut defs = Map::new();
        for (def, key) in schemas.defs.into_iter().zip(&keys) {
            defs.insert(key.clone(), def.body);
        }
        s.insert("$defs".into(), Value::Object(defs));
        let mut root = Value::Object(s);
        point_references(&mut root, &keys);
        root
    }
}

/// A definition key from a full type name: `::` becomes `.`, and every character a JSON Pointer
/// in a URI fragment would have to escape becomes `_` (`a::Page<b::C>` is `a.Page_b.C`).
#[inline]
fn qualified_key(type_name: &str) -> String {
    let dotted = type_name.replace("::", ".");
    let mut key = String::with_capacity(dotted.len());
    for c in dotted.chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '_' | '.' | '-' => key.push(c),
            ' ' => {}
            _ if key.ends_with('_') => {}
            _ => key.push('_'),
        }
    }
    key.trim_end_matches('_').to_owned()
}

/// Replaces every placeholder reference under `value` by the reference to its key.
#[inline]
fn point_references(value: &mut Value, keys: &[String]) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref") {
                if let Some(i) = r
                    .strip_prefix(PLACEHOLDER)
                    .and_then(|i| i.parse::<usize>().ok())
                {
                    *r = format!("#/$defs/{}", keys[i]);
                }
            }
            for v in map.values_mut() {
                point_references(v, keys);
            }
        }
        Value::Array(items) => {
            for v in items {
                point_references(v, keys);
            }
        }
        _ => {}
    }
}

/// One property of an object schema, as the derive lists it.
#[derive(Debug)]
pub struct Property {
    /// The wire name.
    pub name: &'static str,
    /// The property's schema.
    pub schema: Map<String, Value>,
    /// Whether the property must be present.
    pub required: bool,
    /// The field's doc comment, if any.
    pub description: Option<&'static str>,
    /// The value an absent `default` field takes, as JSON.
    pub default: Option<Value>,
}

/// The object schema of a model: `title`, `description`, `properties` in declaration order,
/// `required`, and `additionalProperties: false` when unknown fields are refused. `flat` is
/// the schema of a flattened map: its values' schema becomes `additionalProperties`, and its
/// names' rules hold for every member but the declared ones.
#[inline]
pub fn object(
    title: &str,
    description: Option<&str>,
    properties: Vec<Property>,
    deny_unknown_fields: bool,
    flat: Option<Map<String, Value>>,
) -> Map<String, Value> {
    let mut s = Map::new();
    s.insert("title".into(), title.into());
    if let Some(d) = description {
        s.insert("description".into(), d.into());
    }
    s.insert("type".into(), "object".into());
    let mut props = Map::new();
    let mut required = Vec::new();
    // In declaration order (`props` keeps its keys sorted).
    let declared: Vec<Value> = properties.iter().map(|p| Value::from(p.name)).collect();
    for p in properties {
        let mut schema = p.schema;
        if let Some(d) = p.description {
            schema.insert("description".into(), d.into());
        }
        if let Some(d) = p.default {
            schema.insert("default".into(), d);
        }
        if p.required {
            required.push(Value::from(p.name));
        }
        props.insert(p.name.into(), Value::Object(schema));
    }
    s.insert("properties".into(), Value::Object(props));
    if !required.is_empty() {
        s.insert("required".into(), Value::Array(required));
    }
    if let Some(mut flat) = flat {
        if let Some(values) = flat.remove("additionalProperties") {
            s.insert("additionalProperties".into(), values);
        }
        if let Some(names) = flat.remove("propertyNames") {
            let names = if declared.is_empty() {
                names
            } else {
                let mut declared_names = Map::new();
                declared_names.insert("enum".into(), Value::Array(declared));
                let mut any = Map::new();
                any.insert(
                    "anyOf".into(),
                    Value::Array(vec![Value::Object(declared_names), names]),
                );
                Value::Object(any)
            };
            s.insert("propertyNames".into(), names);
        }
    }
    if deny_unknown_fields {
        s.insert("additionalProperties".into(), false.into());
    }
    s
}

/// The schema of a newtype: its value's schema under the newtype's own title and description.
#[inline]
pub fn newtype(
    title: &str,
    description: Option<&str>,
    inner: Map<String, Value>,
) -> Map<String, Value> {
    let mut s = Map::new();
    s.insert("title".into(), title.into());
    if let Some(d) = description {
        s.insert("description".into(), d.into());
    }
    for (k, v) in inner {
        // The newtype names the value; the value's own description stays unless it has one.
        if !(k == "title" || k == "description" && description.is_some()) {
            s.insert(k, v);
        }
    }
    s
}

/// Makes a schema also accept `null`: `"type": [t, "null"]`, or `anyOf` with `null` for a `$ref`
/// or beside a `not` (which a `null` could break: `{"not": {"pattern": "x"}}` refuses `null`,
/// as `pattern` takes any value that is not a string).
#[inline]
pub fn nullable(mut inner: Map<String, Value>) -> Map<String, Value> {
    if inner.is_empty() {
        // `{}` takes `null` already.
        return inner;
    }
    let typed = if inner.contains_key("not") {
        None
    } else {
        inner.get_mut("type")
    };
    match typed {
        // `()`'s `{"type": "null"}` too.
        Some(Value::String(t)) if t == "null" => inner,
        Some(Value::String(t)) => {
            let t = core::mem::take(t);
            inner.insert("type".into(), Value::Array(vec![t.into(), "null".into()]));
            inner
        }
        _ => {
            let mut null = Map::new();
            null.insert("type".into(), "null".into());
            let mut s = Map::new();
            s.insert(
                "anyOf".into(),
                Value::Array(vec![Value::Object(inner), Value::Object(null)]),
            );
            s
        }
    }
}

/// Writes the patterns a string must not match: one as `"not": {"pattern": ...}`, several as
/// `"not": {"anyOf": [{"pattern": ...}, ...]}` in the order written. Out of line, so that the
/// string rule's schema stays as it was without them.
#[inline(never)]
pub fn refuse_patterns(s: &mut Map<String, Value>, refused: &[Pattern]) {
    let pattern = |not: &Pattern| {
        let mut p = Map::new();
        p.insert("pattern".into(), not.source().into());
        Value::Object(p)
    };
    let not = match refused {
        [one] => pattern(one),
        several => {
            let mut any = Map::new();
            any.insert(
                "anyOf".into(),
                Value::Array(several.iter().map(pattern).collect()),
            );
            Value::Object(any)
        }
    };
    s.insert("not".into(), not);
}

/// The anchored ECMA-262 pattern for a charset: `^[...]*$`, with every character that is not
/// a letter or digit written as a `\u` escape (surrogate pairs above the BMP), so the pattern
/// means the same with and without the `u` flag only for BMP sets; non-BMP sets need the `u`
/// flag, which JSON Schema validators use.
#[inline]
pub fn pattern(set: &Charset) -> String {
    let mut p = String::from("^[");
    for &(lo, hi) in set.ranges() {
        push_class_char(&mut p, lo);
        if hi != lo {
            if hi as u32 > lo as u32 + 1 {
                p.push('-');
            }
            push_class_char(&mut p, hi);
        }
    }
    p.push_str("]*$");
    p
}

#[inline]
fn push_class_char(p: &mut String, c: char) {
    use core::fmt::Write;
    if c.is_ascii_alphanumeric() {
        p.push(c);
    } else if (c as u32) < 0x1_0000 {
        let _ = write!(p, "\\u{:04X}", c as u32);
    } else {
        let _ = write!(p, "\\u{{{:X}}}", c as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_escapes_every_punctuation_character() {
        const SET: Charset = Charset::new(
            &[('-', '-'), ('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
            "",
        );
        assert_eq!(pattern(&SET), r"^[\u002D0-9A-Z\u005Fa-z]*$");
        const PAIR: Charset = Charset::new(&[('a', 'b'), ('é', 'é'), ('😀', '😀')], "");
        assert_eq!(pattern(&PAIR), r"^[ab\u00E9\u{1F600}]*$");
    }

    #[test]
    fn qualified_keys_keep_the_path_and_drop_what_a_pointer_would_escape() {
        assert_eq!(qualified_key("my_crate::a::Scope"), "my_crate.a.Scope");
        assert_eq!(
            qualified_key("my_crate::Page<my_crate::b::Client>"),
            "my_crate.Page_my_crate.b.Client"
        );
        assert_eq!(qualified_key("m::Pair<m::A, m::B>"), "m.Pair_m.A_m.B");
    }

    #[test]
    fn nullable_widens_type_or_wraps_ref() {
        let mut s = Map::new();
        s.insert("type".into(), "string".into());
        assert_eq!(
            Value::Object(nullable(s)),
            serde_json::json!({"type": ["string", "null"]})
        );
        let mut r = Map::new();
        r.insert("$ref".into(), "#/$defs/A".into());
        assert_eq!(
            Value::Object(nullable(r)),
            serde_json::json!({"anyOf": [{"$ref": "#/$defs/A"}, {"type": "null"}]})
        );
        let mut null = Map::new();
        null.insert("type".into(), "null".into());
        assert_eq!(
            Value::Object(nullable(null)),
            serde_json::json!({"type": "null"})
        );
    }
}
