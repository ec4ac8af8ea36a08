//! What describes a value rather than checks it: `description` (a doc comment), `title`,
//! `deprecated`, `format`, `examples`, `readOnly`, `writeOnly` and `default`; and the keywords
//! that describe nothing the derive reads (`$comment`, `x-` extensions), dropped with a
//! warning.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::{Lowering, Schema, take};
use crate::input::{Document, ref_target};
use crate::model::{self as m, Absent, Rules, Ty, TypeNotes};
use crate::names;

/// Keywords a value may carry beside its type's own: the caller reads `description` and
/// `default`; `readOnly`, `writeOnly`, `examples`, `title`, `deprecated` and `format` become
/// annotations.
pub(super) const NOTES: &[&str] = &[
    "description",
    "default",
    "readOnly",
    "writeOnly",
    "examples",
    "title",
    "deprecated",
    "format",
];

/// Every keyword of JSON Schema (drafts 06 to 2020-12) and of OpenAPI's schema objects.
const KNOWN: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "$recursiveRef",
    "$recursiveAnchor",
    "$vocabulary",
    "definitions",
    "type",
    "enum",
    "const",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxContains",
    "minContains",
    "maxProperties",
    "minProperties",
    "required",
    "dependentRequired",
    "dependencies",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    "if",
    "then",
    "else",
    "dependentSchemas",
    "prefixItems",
    "items",
    "additionalItems",
    "contains",
    "properties",
    "patternProperties",
    "additionalProperties",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "format",
    "contentEncoding",
    "contentMediaType",
    "contentSchema",
    "title",
    "description",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "examples",
    "nullable",
    "discriminator",
];

/// Keywords that describe and check nothing, which the generator drops with a warning: a
/// comment, OpenAPI's `externalDocs` and `xml`, and every keyword JSON Schema does not define
/// (an `x-` extension, an editor's `markdownDescription`...), which a validator ignores.
pub(super) fn ignorable(key: &str) -> bool {
    matches!(key, "$comment" | "externalDocs" | "xml") || !KNOWN.contains(&key)
}

impl Lowering<'_> {
    /// A type's own title is its name (the derive titles each type with its Rust name): it is
    /// dropped.
    pub(super) fn own_title(&self, map: &mut Schema<'_>, name: &str, inline: bool) {
        if let Some(Value::String(title)) = map.get("title") {
            if !inline && names::type_name(title) == name {
                take(map, "title");
            }
        }
    }

    /// What a named type's schema (`map`, at `at`) says of the whole type: its `title`,
    /// `deprecated` and, when `with_format` (a struct or an enum), `format`, each taken out
    /// of `map`. An inline type's are its field's.
    pub(super) fn type_notes(
        &mut self,
        map: &mut Schema<'_>,
        at: &str,
        with_format: bool,
    ) -> TypeNotes {
        let mut notes = TypeNotes::default();
        if let Some(t) = take(map, "title") {
            match t {
                Value::String(t) => notes.title = Some(t),
                _ => self.refuse(&format!("{at}/title"), "`title` must be a string"),
            }
        }
        match take(map, "deprecated") {
            None | Some(Value::Bool(false)) => {}
            Some(Value::Bool(true)) => notes.deprecated = true,
            Some(_) => self.refuse(
                &format!("{at}/deprecated"),
                "`deprecated` must be a boolean",
            ),
        }
        if with_format {
            match take(map, "format") {
                None => {}
                Some(Value::String(f)) => notes.format = Some(f),
                Some(_) => self.refuse(&format!("{at}/format"), "`format` must be a string"),
            }
            for (key, slot) in [
                ("readOnly", &mut notes.read_only),
                ("writeOnly", &mut notes.write_only),
            ] {
                match take(map, key) {
                    None | Some(Value::Bool(false)) => {}
                    Some(Value::Bool(true)) => *slot = true,
                    Some(_) => {
                        self.refuse(&format!("{at}/{key}"), format!("`{key}` must be a boolean"))
                    }
                }
            }
        }
        notes
    }

    /// The doc comment a `description` becomes (and, with a line starting with `# `, the
    /// `description` attribute too, as the derive's doc comment ends there).
    /// A part of `allOf` that holds only annotations gives its description where the schema
    /// has none (see [`super::plain`]).
    pub(super) fn doc_of(&mut self, map: &Map<String, Value>, at: &str) -> Option<String> {
        let (d, place) = match map.get("description") {
            Some(d) => (d, format!("{at}/description")),
            None => super::described_by_part(map)
                .map(|(i, d)| (d, format!("{at}/allOf/{i}/description")))?,
        };
        let Some(text) = d.as_str() else {
            self.refuse(&place, "`description` must be a string");
            return None;
        };
        let text = crate::doc_text(text);
        (!text.is_empty()).then_some(text)
    }

    /// Whether the schema at `at`, an item's or a map value's, is an inline type of its own,
    /// and so takes its description as its doc comment (there is no field to hold it); it
    /// then counts as a type of its own for its description.
    pub(super) fn describes_its_type(&mut self, at: &str) -> bool {
        let own = self.inline.contains(at);
        self.inline.remove(at);
        own
    }

    /// A value's annotations: `readOnly`, `writeOnly`, `examples`, `title`, `deprecated` and
    /// `format` (which a string or a number may read again).
    pub(super) fn notes(&mut self, map: &Map<String, Value>, at: &str, rules: &mut Rules) {
        for (key, slot) in [("readOnly", 0), ("writeOnly", 1)] {
            match map.get(key) {
                None | Some(Value::Bool(false)) => {}
                Some(Value::Bool(true)) => {
                    if slot == 0 {
                        rules.read_only = true;
                    } else {
                        rules.write_only = true;
                    }
                }
                Some(_) => {
                    self.refuse(&format!("{at}/{key}"), format!("`{key}` must be a boolean"))
                }
            }
        }
        if rules.read_only && rules.write_only {
            self.refuse(at, "both `readOnly` and `writeOnly`: a value cannot be sent only by the server and only to it");
        }
        rules.examples = self.examples(map, at);
        match map.get("title") {
            None => {}
            Some(Value::String(t)) => rules.title = Some(t.clone()),
            Some(_) => self.refuse(&format!("{at}/title"), "`title` must be a string"),
        }
        match map.get("deprecated") {
            None | Some(Value::Bool(false)) => {}
            Some(Value::Bool(true)) => rules.deprecated = true,
            Some(_) => self.refuse(
                &format!("{at}/deprecated"),
                "`deprecated` must be a boolean",
            ),
        }
        match map.get("format") {
            None => {}
            Some(Value::String(f)) => rules.format = Some(f.clone()),
            Some(_) => self.refuse(&format!("{at}/format"), "`format` must be a string"),
        }
    }

    /// The text of the `examples` array of the schema at `at`.
    pub(super) fn examples(&mut self, map: &Map<String, Value>, at: &str) -> Option<String> {
        match map.get("examples") {
            None => None,
            Some(v @ Value::Array(_)) => Some(v.to_string()),
            Some(_) => {
                self.refuse(&format!("{at}/examples"), "`examples` must be an array");
                None
            }
        }
    }

    /// What the member at `here` (schema `sub`, lowered to `value`) takes when absent, from
    /// its `default`: the type's own value, or a literal of a string, a number, a boolean or
    /// a string enum's value, held to the member's own schema. A required member's default
    /// is never used: it is dropped, with a warning.
    pub(super) fn field_default(
        &mut self,
        sub: &Value,
        here: &str,
        value: &m::Value,
        is_required: bool,
    ) -> Option<Absent> {
        let d = sub.get("default")?;
        let there = format!("{here}/default");
        if is_required {
            let note = self.note(
                &there,
                "a required member is never absent, so its `default` is never used; dropped".into(),
            );
            self.warnings.push(note);
            return None;
        }
        let ty = match &value.ty {
            Ty::Option(t) => t,
            t => t,
        };
        let own = sub
            .as_object()
            .and_then(|m| super::unwrap_null(Cow::Borrowed(m), here).ok())
            .map(|u| u.map)
            .unwrap_or_default();
        if is_default_of(ty, d) && !matches!(value.ty, Ty::Option(_)) && breaks(d, &own).is_none() {
            return Some(Absent::Own);
        }
        match self.literal(d, ty, sub, here) {
            Ok(text) => Some(Absent::Literal(text)),
            Err(Unwritten::Refused(why)) => {
                self.cannot(&there, "default", &why);
                None
            }
            Err(Unwritten::Shape(why)) => {
                self.default_dropped(&there, &why);
                None
            }
        }
    }

    /// A warning that the `default` at `at` is left out: a default is an annotation, which
    /// checks nothing, so the type accepts what the schema does; an absent member reads as
    /// `None` rather than as the default.
    pub(super) fn default_dropped(&mut self, at: &str, why: &str) {
        let note = self.note(
            at,
            format!(
                "`default` {why}; dropped: it checks nothing, and an absent value reads as `None`"
            ),
        );
        self.warnings.push(note);
    }

    /// `d` as the Rust literal of a `default` on a value of `ty` whose schema is `sub` (at
    /// `at`), or why the derive cannot take it: a value of another kind, or one that breaks
    /// the schema it is the default of (the derive refuses such a literal).
    fn literal(&self, d: &Value, ty: &Ty, sub: &Value, at: &str) -> Result<String, Unwritten> {
        let (map, _) = match sub
            .as_object()
            .map(|m| super::unwrap_null(Cow::Borrowed(m), at))
        {
            Some(Ok(u)) => (u.map, u.at),
            _ => (Cow::Owned(Map::new()), at.to_owned()),
        };
        let kind = match (ty, d) {
            (Ty::String, Value::String(_)) => "string",
            (Ty::Bool, Value::Bool(_)) => "boolean",
            (Ty::I32 | Ty::I64, Value::Number(n)) if n.as_i64().is_some() => "integer",
            (Ty::F64, Value::Number(_)) => "number",
            (Ty::Named(_), Value::String(_)) => "enum",
            (Ty::Secret, _) => {
                return Err(Unwritten::Refused(format!(
                    "is {d}: a secret's default would sit in the source and in the schema, so the derive refuses one"
                )));
            }
            _ => {
                return Err(Unwritten::Shape(format!(
                    "is {d}, which the derive's `default` cannot write on this member (it takes the type's own value, or a string, number or boolean literal, or a string enum's value)"
                )));
            }
        };
        if let Some(why) = breaks(d, &map) {
            return Err(Unwritten::Shape(format!(
                "is {d}, which its own schema refuses ({why}), and the derive refuses such a default"
            )));
        }
        match kind {
            "enum" => {
                // An inline enum's values are beside the default; a named one's behind its
                // `$ref`.
                let target = map
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(ref_target)
                    .and_then(|t| self.doc.at(&t));
                let values = match map.get("enum") {
                    Some(v) => v.as_array(),
                    None => target.and_then(|t| t.get("enum")).and_then(Value::as_array),
                };
                match values {
                    Some(v) if v.contains(d) => Ok(d.to_string()),
                    Some(_) => Err(Unwritten::Shape(format!(
                        "is {d}, which is not one of the enum's values, and the derive refuses such a default"
                    ))),
                    None => Err(Unwritten::Shape(format!(
                        "is {d}, and the derive reads a literal default only into a string, a number, a boolean or a string enum"
                    ))),
                }
            }
            "number" => {
                let text = d.to_string();
                Ok(if text.contains(['.', 'e', 'E']) {
                    text
                } else {
                    format!("{text}.0")
                })
            }
            "integer"
                if *ty == Ty::I32 && d.as_i64().and_then(|v| i32::try_from(v).ok()).is_none() =>
            {
                Err(Unwritten::Shape(format!(
                    "is {d}, which an `i32` (format int32) does not hold, and the derive refuses such a default"
                )))
            }
            _ => Ok(d.to_string()),
        }
    }

    /// A `default` on a whole named type (its schema `body`, at `at`): taken out, with a
    /// warning, as only a field has a default in the derive.
    pub(super) fn type_default(&mut self, body: &mut Schema<'_>, at: &str) {
        if take(body, "default").is_some() {
            self.default_dropped(
                &format!("{at}/default"),
                "on a whole type has no attribute in the derive (only a field has a default)",
            );
        }
    }
}

/// Whether the derive's `default` writes `d` on a member whose schema, without its `null`, is
/// `own` (`nullable` when it allowed `null`): the type's own empty array or object (not under
/// the `Option` of a member that may be `null`, whose own value is `None`), a string on a
/// string or a string enum (inline or behind a `$ref`; not a value of an enum of numbers), a
/// boolean on a boolean, a whole number on an integer or a number, any number on a number;
/// none that its own schema refuses. Made from the schema alone, for the expected schemas;
/// lowering decides the same from the member's Rust type.
pub fn default_written(
    doc: &Document,
    d: &Value,
    own: &Map<String, Value>,
    nullable: bool,
) -> bool {
    let ty = own.get("type").and_then(Value::as_str).unwrap_or_default();
    // A default its own schema refuses is dropped.
    if breaks(d, own).is_some() {
        return false;
    }
    // An inline enum is a type of its own: the derive writes one of its values (which
    // `breaks` holds it to) only when that is a string.
    if own.contains_key("enum") {
        return d.is_string();
    }
    match d {
        Value::String(_) => match own.get("$ref").and_then(Value::as_str) {
            Some(r) => ref_target(r)
                .and_then(|t| doc.at(&t))
                .and_then(|t| t.get("enum"))
                .and_then(Value::as_array)
                .is_some_and(|values| values.contains(d)),
            None => ty == "string",
        },
        Value::Bool(_) => ty == "boolean",
        Value::Number(n) if n.as_i64().is_some() && own.get("format") == Some(&"int32".into()) => {
            (ty == "integer" && n.as_i64().and_then(|v| i32::try_from(v).ok()).is_some())
                || ty == "number"
        }
        Value::Number(n) if n.as_i64().is_some() => ty == "integer" || ty == "number",
        Value::Number(_) => ty == "number",
        Value::Array(a) => a.is_empty() && ty == "array" && !nullable,
        Value::Object(o) => o.is_empty() && ty == "object" && !nullable,
        Value::Null => false,
    }
}

/// Why a member's `default` is not written: a secret's (refused), or a value the derive's
/// `default` has no way to write or refuses, as its own schema does (dropped with a warning,
/// as a default checks nothing).
enum Unwritten {
    Refused(String),
    Shape(String),
}

/// Which keyword of a string's or a number's schema (`map`) refuses `d`, if one does.
fn breaks(d: &Value, map: &Map<String, Value>) -> Option<String> {
    if let Value::String(s) = d {
        let chars = s.chars().count() as u64;
        if map
            .get("minLength")
            .and_then(Value::as_u64)
            .is_some_and(|n| chars < n)
        {
            return Some("`minLength`".into());
        }
        if map
            .get("maxLength")
            .and_then(Value::as_u64)
            .is_some_and(|n| chars > n)
        {
            return Some("`maxLength`".into());
        }
        if let Some(p) = map.get("pattern").and_then(Value::as_str) {
            let p = crate::charset::plain_escapes(p);
            let matched = authlete_models_pattern::compile(&p, crate::MAX_STATES)
                .is_ok_and(|dfa| dfa.is_match(s));
            if !matched {
                return Some("`pattern`".into());
            }
        }
        if let Some(Value::Array(values)) = map.get("enum") {
            if !values.contains(d) {
                return Some("`enum`".into());
            }
        }
    }
    if let Some(v) = d.as_f64() {
        let bound = |k: &str| map.get(k).and_then(Value::as_f64);
        let out = [
            ("minimum", bound("minimum").is_some_and(|b| v < b)),
            ("maximum", bound("maximum").is_some_and(|b| v > b)),
            (
                "exclusiveMinimum",
                bound("exclusiveMinimum").is_some_and(|b| v <= b),
            ),
            (
                "exclusiveMaximum",
                bound("exclusiveMaximum").is_some_and(|b| v >= b),
            ),
            (
                "multipleOf",
                bound("multipleOf").is_some_and(|m| {
                    let q = v / m;
                    (q - q.round()).abs() > 1e-9
                }),
            ),
        ];
        if let Some((k, _)) = out.iter().find(|(_, broken)| *broken) {
            return Some(format!("`{k}`"));
        }
    }
    None
}

/// Whether `d` is the `Default` value of `ty`, as JSON.
fn is_default_of(ty: &Ty, d: &Value) -> bool {
    match ty {
        Ty::String | Ty::Secret => d == "",
        Ty::Bool => d == false,
        Ty::I32 | Ty::I64 => d.as_i64() == Some(0),
        Ty::F64 => d.as_f64().is_some_and(|v| v == 0.0 && v.is_sign_positive()),
        Ty::Vec(_) | Ty::AnyArray => d.as_array().is_some_and(Vec::is_empty),
        Ty::Map(_) | Ty::AnyObject => d.as_object().is_some_and(Map::is_empty),
        Ty::Any => d.is_null(),
        _ => false,
    }
}
