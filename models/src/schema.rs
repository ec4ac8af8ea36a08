//! JSON Schema (draft 2020-12) generation, driven by the same rule trees as validation.

use serde_json::{Map, Value};

use crate::Model;
use crate::charset::Charset;

/// The JSON Schema dialect every generated schema declares.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Collects the definitions of nested models while a schema is generated, so that each model
/// is described once under `$defs` and recursive models terminate.
#[derive(Debug, Default)]
pub struct SchemaGen {
    defs: Map<String, Value>,
}

impl SchemaGen {
    /// A `{"$ref": "#/$defs/Name"}` to `T`, defining `T` on first use.
    pub fn reference<T: Model>(&mut self) -> Map<String, Value> {
        let name = T::__schema_name();
        if !self.defs.contains_key(name) {
            // A placeholder first, so that a model that contains itself refers to itself.
            self.defs.insert(name.to_owned(), Value::Bool(true));
            let body = T::__schema_object(self);
            self.defs.insert(name.to_owned(), Value::Object(body));
        }
        let mut s = Map::new();
        s.insert("$ref".into(), format!("#/$defs/{name}").into());
        s
    }

    /// The full schema of the root model `T`: its object schema, the dialect and `$defs`.
    pub fn root<T: Model>() -> Value {
        let mut schemas = SchemaGen::default();
        let body = T::__schema_object(&mut schemas);
        let mut s = Map::new();
        s.insert("$schema".into(), DIALECT.into());
        s.extend(body);
        if !schemas.defs.is_empty() {
            s.insert("$defs".into(), Value::Object(schemas.defs));
        }
        Value::Object(s)
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
}

/// The object schema of a model: `title`, `description`, `properties` in declaration order,
/// `required`, and `additionalProperties: false` when unknown fields are refused.
pub fn object(
    title: &str,
    description: Option<&str>,
    properties: Vec<Property>,
    deny_unknown_fields: bool,
) -> Map<String, Value> {
    let mut s = Map::new();
    s.insert("title".into(), title.into());
    if let Some(d) = description {
        s.insert("description".into(), d.into());
    }
    s.insert("type".into(), "object".into());
    let mut props = Map::new();
    let mut required = Vec::new();
    for p in properties {
        let mut schema = p.schema;
        if let Some(d) = p.description {
            schema.insert("description".into(), d.into());
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
    if deny_unknown_fields {
        s.insert("additionalProperties".into(), false.into());
    }
    s
}

/// Makes a schema also accept `null`: `"type": [t, "null"]`, or `anyOf` with `null` for a `$ref`.
pub fn nullable(mut inner: Map<String, Value>) -> Map<String, Value> {
    match inner.get_mut("type") {
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

/// The anchored ECMA-262 pattern for a charset: `^[...]*$`, with every character that is not
/// a letter or digit written as a `\u` escape (surrogate pairs above the BMP), so the pattern
/// means the same with and without the `u` flag only for BMP sets; non-BMP sets need the `u`
/// flag, which JSON Schema validators use.
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
    }
}
