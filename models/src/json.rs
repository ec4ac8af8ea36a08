//! [`from_json`]: parse a JSON document and report every violation in it at once.

use crate::Model;
use crate::code::Code;
use crate::collect::Collector;
use crate::errors::{ValidationError, ValidationErrors};
use crate::path::Path;

/// Parses `json` as a `T`, reporting every violation of the document at once.
///
/// Plain serde deserialization (`serde_json::from_str::<T>`) stops at the first violation,
/// which is what a parser should do. An API server answering 422 wants them all: this reads
/// the document once, building the model as it goes, and lists each violation it meets with
/// its JSON Pointer and code, then goes on reading. Besides the rule codes (`charset`,
/// `min_len`, `max_len`, `min`, `max`...) it reports:
///
/// - `syntax`: the text is not JSON; then that is the only error, its message giving line and
///   column;
/// - `type`: a value of the wrong JSON type (a number for a string, `null` for a required
///   field...); the message ends with where the value ends, ` at line L column C`;
/// - `required`: a required member is absent;
/// - `unknown_field`: a member the model does not know, under `deny_unknown_fields`;
/// - `duplicate`: a member given twice in one object (the first is the one read and checked);
/// - `invalid`: what a type read by its own `Deserialize` (an `opaque` field) refuses; that
///   impl cannot be asked to go on, so the reading ends there.
///
/// Violations are listed in the order of the document: a value's own (an array's item count)
/// before those of its items, and an absent member at the end of its object. The list stops at
/// [`ERROR_LIMIT`](crate::ERROR_LIMIT) and says so ([`ValidationErrors::is_cut`]); reading
/// stops there too, so the rest of the text is not looked at.
///
/// A valid document costs one read, as `serde_json::from_str` does; a refused one costs no
/// second read.
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
    let mut d = serde_json::Deserializer::from_str(json);
    let mut out = Collector::reading(json);
    match T::__collect(&mut d, Path::Root, &mut out) {
        // Held: the value goes straight to the answer (moved once, not through a combinator,
        // which cost a stalled copy).
        Ok(Some(value)) if out.is_empty() => match d.end() {
            Ok(()) => Ok(value),
            Err(e) => Err(one(Code::Syntax, &e)),
        },
        Ok(_) => match d.end() {
            Ok(()) => Err(refused(out)),
            Err(e) => Err(one(Code::Syntax, &e)),
        },
        // Stopped: at the limit, or by a type's own `Deserialize`; the rest is not looked at.
        Err(e) if out.stopped() => stopped(out, e),
        Err(e) => Err(one(Code::Syntax, &e)),
    }
}

/// The errors of a read that stopped: past the limit, or where a type's own `Deserialize`
/// refused its value (listed there, unless what it met is not JSON).
#[cold]
#[inline(never)]
fn stopped<T>(mut out: Collector<'_>, e: serde_json::Error) -> Result<T, ValidationErrors> {
    if let Some(at) = out.take_refused_by_type() {
        if e.is_syntax() || e.is_eof() {
            return Err(one(Code::Syntax, &e));
        }
        let message = crate::rules::shorten(e).to_string();
        out.push(ValidationError::new(at, Code::Invalid.as_str(), message));
    }
    Err(refused(out))
}

/// The errors of a refused document.
#[cold]
#[inline(never)]
fn refused(out: Collector<'_>) -> ValidationErrors {
    // Every reader lists what it refuses; the other arm is only a guard.
    ValidationErrors::capped(out.into_errors())
        .unwrap_or_else(|| one(Code::Invalid, &"could not be read"))
}

/// One error at the root, its message `e`.
#[cold]
fn one(code: Code, e: &dyn core::fmt::Display) -> ValidationErrors {
    ValidationErrors::from_vec(vec![ValidationError::new("", code.as_str(), e.to_string())])
        .expect("one error")
}
