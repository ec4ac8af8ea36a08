//! The rules a field's attributes compile to, and what each one does in the three places it
//! acts: reading a value (`Deserialize`), checking a built value (`Validate`) and describing
//! the value (JSON Schema).
//!
//! The derive turns every field into one constant rule tree, for example
//! `#[model(charset = "a-z", max_len = 8)] tags: Option<Vec<String>>` into
//! `Opt(Seq { item: Str { charset: Some(&SET), .. }, max_len: 8, .. })`, and calls the three
//! methods of [`Rule`] on it. Keeping all three behind one tree is what makes an attribute
//! mean the same thing when reading, when validating and in the schema.

use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer};
use serde_json::{Map, Value};

use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// Implements the `visit_*` methods a visitor does not accept so that the error names the
/// JSON type only, never the value: a number sent for a secret must not come back in the error.
macro_rules! refuse_other_types {
    ($($method:ident($($ty:ty)?) => $unexpected:expr;)*) => {
        $(
            fn $method<E: de::Error>(self $(, _: $ty)?) -> Result<Self::Value, E> {
                Err(E::invalid_type($unexpected, &self))
            }
        )*
    };
}

macro_rules! refuse_non_strings {
    () => {
        refuse_other_types! {
            visit_bool(bool) => Unexpected::Other("boolean");
            visit_i64(i64) => Unexpected::Other("integer");
            visit_u64(u64) => Unexpected::Other("integer");
            visit_f64(f64) => Unexpected::Other("number");
            visit_bytes(&[u8]) => Unexpected::Other("bytes");
            visit_unit() => Unexpected::Other("null");
            visit_none() => Unexpected::Other("null");
        }
    };
}

/// For a visitor of an array or an object: every scalar is refused by its kind.
macro_rules! refuse_scalars {
    () => {
        refuse_strings!();
        refuse_other_types! {
            visit_bool(bool) => Unexpected::Other("boolean");
            visit_i64(i64) => Unexpected::Other("integer");
            visit_u64(u64) => Unexpected::Other("integer");
            visit_f64(f64) => Unexpected::Other("number");
        }
    };
}

macro_rules! refuse_strings {
    () => {
        refuse_other_types! {
            visit_str(&str) => Unexpected::Other("string");
            visit_bytes(&[u8]) => Unexpected::Other("bytes");
            visit_unit() => Unexpected::Other("null");
            visit_none() => Unexpected::Other("null");
        }
    };
}

mod annotated;
mod any;
mod boxed;
mod buffer;
pub(crate) mod custom;
mod entries;
mod flag;
mod flatten;
mod format_error;
#[cfg(feature = "formats")]
pub mod formats;
mod members;
mod nested;
mod null;
mod number;
mod opaque;
mod option;
mod pattern;
mod presence;
mod present;
mod refusal;
mod secret;
mod seq;
mod string;
mod string_enum;
mod union;
mod unique;
mod value_enum;
mod when;

pub use annotated::{Annotated, Notes};
pub use boxed::Boxed;
pub use custom::Custom;
pub use entries::{Entries, StringMap};
pub use flag::Flag;
pub use flatten::{Flat, Gathered, Member, MemberOrName, merge_flat, names_clash};
pub(crate) use format_error::describing;
pub use format_error::{MESSAGE_LIMIT, model_error, model_read, shorten};
pub use members::{MemberRules, Tally};
pub use nested::Nested;
pub use null::Null;
pub use number::{Num, Number};
pub use opaque::Opaque;
pub use option::Opt;
pub use pattern::{FormatCheck, Pattern, Patterns};
pub use presence::{Choice, NotAllOf, Presence, PresenceRules, PresenceSet, Requires};
pub use present::Present;
pub use refusal::Bound;
pub use secret::Secret;
pub use seq::Seq;
pub use string::Str;
pub use string_enum::{Found, Lookup, StrEnum};
pub use union::{
    Named, Repr as UnionRepr, Union, VariantSchema, collect_adjacent, collect_external,
    collect_internal, collect_untagged, read_adjacent, read_external, read_internal, read_untagged,
    schema as union_schema, serialize_tagged,
};
pub use unique::Unique;
pub use value_enum::{Literal, ValueEnum};
pub use when::{When, WhenRules};

/// A field's compiled constraints, acting on values of type `T`.
pub trait Rule<T> {
    /// Reads a `T` from `d`, refusing it at the first broken rule.
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<T, D::Error>;
    /// Pushes every rule `value` breaks onto `out`.
    fn check(&self, value: &T, at: Path<'_>, out: &mut Vec<ValidationError>);
    /// The JSON Schema of the values this rule accepts.
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value>;
    /// Reads a `T` from `d`, pushing every rule it breaks, its JSON type included, onto `out`
    /// and reading on (see the `collect` module): the value when it holds, `None` otherwise.
    /// An error is the format's own (the text is not JSON), or the stop at the error limit.
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<T>, D::Error>;
}

/// Adapts a rule and a path to serde's `DeserializeSeed`.
///
/// It holds the path by reference, as the collecting seed, the key lookup and the string
/// visitors do: a copy of a path just built (a few words written one by one, read back as wider
/// blocks) stalls on store forwarding.
pub struct Seed<'r, 'p, R, T> {
    rule: &'r R,
    at: &'p Path<'p>,
    marker: PhantomData<fn() -> T>,
}

impl<'r, 'p, R, T> Seed<'r, 'p, R, T> {
    /// The seed that reads a `T` under `rule`, reporting errors at `at`.
    #[inline]
    pub fn new(rule: &'r R, at: &'p Path<'p>) -> Self {
        Seed {
            rule,
            at,
            marker: PhantomData,
        }
    }
}

impl<'de, R: Rule<T>, T> DeserializeSeed<'de> for Seed<'_, '_, R, T> {
    type Value = T;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        self.rule.read(d, *self.at)
    }
}

/// The value of an absent `default` field, refused when it breaks the field's rules.
#[doc(hidden)]
pub fn check_default<R: Rule<T>, T, E: de::Error>(
    rule: &R,
    value: T,
    at: Path<'_>,
) -> Result<T, E> {
    let mut out = Vec::new();
    rule.check(&value, at, &mut out);
    match out.first() {
        None => Ok(value),
        Some(e) => Err(E::custom(format_args!(
            "{}: {}: absent, and its default value breaks the rule: {}",
            e.path(),
            e.code(),
            e.message()
        ))),
    }
}

/// The value of an absent member whose literal default is a model's (a string enum's value,
/// say): read from the JSON text the derive wrote, through the member's rule, so that a
/// default the model refuses makes the absent member an error, as a default that breaks a
/// rule does.
#[doc(hidden)]
#[cold]
pub fn read_default<R: Rule<T>, T, E: de::Error>(
    rule: &R,
    json: &str,
    at: Path<'_>,
) -> Result<T, E> {
    let mut d = serde_json::Deserializer::from_str(json);
    match rule.read(&mut d, at) {
        Ok(value) => Ok(value),
        Err(e) => {
            let e = default_refused(&e.to_string(), at);
            Err(E::custom(format_args!(
                "{}: {}: {}",
                e.path(),
                e.code(),
                e.message()
            )))
        }
    }
}

/// The error of an absent member whose default its rule refuses, from the reader's error
/// (`pointer: code: message`, the pointer at the member or below it).
#[inline]
pub(crate) fn default_refused(reader: &str, at: Path<'_>) -> ValidationError {
    // The position in the default's own text means nothing to the document's reader.
    let text = reader.split(" at line ").next().unwrap_or(reader);
    let parts = text
        .split_once(": ")
        .and_then(|(pointer, rest)| Some((pointer, rest.split_once(": ")?)));
    let (pointer, code, message) = match parts {
        Some((pointer, (code, message))) if pointer.starts_with(at.pointer().as_str()) => {
            let code = crate::code::Code::from_name(code).map_or("invalid", |c| c.as_str());
            (pointer.to_owned(), code, message)
        }
        _ => (at.pointer(), "invalid", text),
    };
    ValidationError::new(
        pointer,
        code,
        format!("is absent, and its default value is refused: {message}"),
    )
}
