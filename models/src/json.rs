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
    let document: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => return Err(one(Code::Syntax.as_str(), &e)),
    };
    let mut out = Vec::new();
    T::__collect(&document, Path::Root, &mut out);
    Err(ValidationErrors::from_vec(out).unwrap_or_else(|| one(Code::Invalid.as_str(), &first)))
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
