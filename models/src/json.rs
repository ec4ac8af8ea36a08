//! [`from_json`]: parse a JSON document and report every violation in it at once.

use serde_json::{Map, Value};

use crate::Model;
use crate::code::Code;
use crate::errors::{ValidationError, ValidationErrors};
use crate::path::Path;
use crate::rules::{Rule, wrong_type};

/// Parses `json` as a `T`, reporting every violation of the document at once.
///
/// Plain serde deserialization (`serde_json::from_str::<T>`) stops at the first violation,
/// which is what a parser should do. An API server answering 422 wants them all: this reads
/// the document as JSON first and checks every field, each violation with its JSON Pointer and
/// code. Besides the rule codes (`charset`, `min_len`, `max_len`, `min`, `max`) it reports:
///
/// - `syntax`: the text is not JSON; one error, its message giving line and column;
/// - `type`: a value of the wrong JSON type (a number for a string, `null` for a required
///   field...);
/// - `required`: a required field is absent;
/// - `unknown_field`: a field the model does not know, under `deny_unknown_fields`;
/// - `invalid`: anything else serde refuses (a field given twice), one error with line and
///   column.
///
/// A valid document costs one ordinary deserialization: the document is only re-read as a
/// `serde_json::Value` when it is refused.
///
/// ```
/// use authlete_models::{Model, from_json};
///
/// #[derive(Debug, Model)]
/// #[model(rename_all = "camelCase")]
/// struct Scope {
///     #[model(charset = "a-z_", max_len = 8)]
///     name: String,
///     #[model(min = 1)]
///     max_age: Option<u32>,
/// }
///
/// let errors = from_json::<Scope>(r#"{"name": "Too long name", "maxAge": 0}"#).unwrap_err();
/// let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
/// assert_eq!(found, [("/name", "max_len"), ("/name", "charset"), ("/maxAge", "min")]);
/// ```
pub fn from_json<T: Model>(json: &str) -> Result<T, ValidationErrors> {
    let first = match serde_json::from_str::<T>(json) {
        Ok(value) => return Ok(value),
        Err(e) => e,
    };
    let one = |code, e: &serde_json::Error| {
        ValidationErrors::from_vec(vec![ValidationError::new("", code, e.to_string())])
            .expect("one error")
    };
    let mut out = Vec::new();
    let document = match read_document(json, &mut out) {
        Ok(v) => v,
        Err(e) => return Err(one(Code::Syntax.as_str(), &e)),
    };
    T::__collect(&document, Path::Root, &mut out);
    Err(ValidationErrors::capped(out).unwrap_or_else(|| one(Code::Invalid.as_str(), &first)))
}

/// Reads a JSON document into a `Value`, pushing a `duplicate` error, at its pointer, for each
/// member an object gives twice (the first is kept, and checked). The pointer is written only
/// for a duplicate, from the path held on the stack while reading (a long name cut as a map's
/// member names are).
fn read_document(json: &str, out: &mut Vec<ValidationError>) -> Result<Value, serde_json::Error> {
    use serde::de::DeserializeSeed;
    let mut d = serde_json::Deserializer::from_str(json);
    let value = Document {
        at: Path::Root,
        out,
    }
    .deserialize(&mut d)?;
    d.end()?;
    return Ok(value);

    struct Document<'p, 'o> {
        at: Path<'p>,
        out: &'o mut Vec<ValidationError>,
    }

    impl<'de> DeserializeSeed<'de> for Document<'_, '_> {
        type Value = Value;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> serde::de::Visitor<'de> for Document<'_, '_> {
        type Value = Value;
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut members = Map::new();
            while let Some(name) = map.next_key::<String>()? {
                let at = self.at.key(&name);
                let value = map.next_value_seed(Document {
                    at,
                    out: &mut *self.out,
                })?;
                if !members.contains_key(&name) {
                    members.insert(name, value);
                } else if self.out.len() <= crate::errors::ERROR_LIMIT {
                    self.out.push(ValidationError::new(
                        at.to_string(),
                        Code::Duplicate.as_str(),
                        "is given more than once",
                    ));
                }
            }
            Ok(Value::Object(members))
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut items = Vec::new();
            loop {
                let at = self.at.index(items.len());
                match seq.next_element_seed(Document {
                    at,
                    out: &mut *self.out,
                })? {
                    Some(v) => items.push(v),
                    None => return Ok(Value::Array(items)),
                }
            }
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_none<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
    }
}

/// The object a model is read from, or a `type` error.
#[doc(hidden)]
pub fn collect_object<'v>(
    value: &'v Value,
    at: Path<'_>,
    out: &mut Vec<ValidationError>,
) -> Option<&'v Map<String, Value>> {
    match value {
        Value::Object(map) => Some(map),
        other => {
            wrong_type(out, at, "an object", other);
            None
        }
    }
}

/// Checks one field of `map`: absent (an error when `required`) or present under `rule`.
#[doc(hidden)]
pub fn collect_field<R: Rule<T>, T>(
    rule: &R,
    map: &Map<String, Value>,
    wire: &str,
    at: Path<'_>,
    required: bool,
    out: &mut Vec<ValidationError>,
) {
    match map.get(wire) {
        Some(value) => rule.collect(value, at, out),
        None if required => out.push(ValidationError::new(
            at.to_string(),
            Code::Required.as_str(),
            "is required",
        )),
        None => {}
    }
}

/// Under `deny_unknown_fields`: an `unknown_field` error for each member not in `known`.
#[doc(hidden)]
pub fn collect_unknown(
    map: &Map<String, Value>,
    known: &[&str],
    at: Path<'_>,
    out: &mut Vec<ValidationError>,
) {
    for name in map.keys().filter(|k| !known.contains(&k.as_str())) {
        // Past the limit, more errors would only be cut off the list.
        if out.len() > crate::errors::ERROR_LIMIT {
            return;
        }
        match name.char_indices().nth(crate::de::QUOTE_LIMIT) {
            None => out.push(ValidationError::new(
                format!("{at}/{}", crate::path::escape_pointer_token(name)),
                Code::UnknownField.as_str(),
                "is not a field of this object",
            )),
            // A pointer to the member would hold its whole name, however long.
            Some((cut, _)) => out.push(ValidationError::new(
                at.to_string(),
                Code::UnknownField.as_str(),
                format!(
                    "has a member `{}…` that is not one of its fields",
                    &name[..cut]
                ),
            )),
        }
    }
}
