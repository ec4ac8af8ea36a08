//! Helpers the generated `Deserialize` impls call: the field-name seed and the errors that
//! name a field.

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use crate::path::Path;

/// The index of a field among `names`, or `names.len()` for an unknown one.
///
/// Under `deny_unknown_fields` an unknown name is an error naming the object's path and
/// listing the known names.
pub struct Key<'p> {
    names: &'static [&'static str],
    deny_unknown: bool,
    at: Path<'p>,
}

impl<'p> Key<'p> {
    /// The seed that looks keys up in `names`, for the object at `at`.
    #[inline]
    pub const fn new(names: &'static [&'static str], deny_unknown: bool, at: Path<'p>) -> Self {
        Key {
            names,
            deny_unknown,
            at,
        }
    }

    #[inline]
    fn find<E: de::Error>(&self, name: &[u8]) -> Result<usize, E> {
        match self.names.iter().position(|n| n.as_bytes() == name) {
            Some(i) => Ok(i),
            None if self.deny_unknown => Err(E::custom(UnknownField {
                name: &String::from_utf8_lossy(name),
                known: self.names,
                at: self.at,
            })),
            None => Ok(self.names.len()),
        }
    }
}

/// The longest part of an unknown field's name an error quotes.
pub const QUOTE_LIMIT: usize = 32;

struct UnknownField<'a> {
    name: &'a str,
    known: &'static [&'static str],
    at: Path<'a>,
}

impl fmt::Display for UnknownField<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !matches!(self.at, Path::Root) {
            write!(f, "{}: ", self.at)?;
        }
        f.write_str("unknown field `")?;
        match self.name.char_indices().nth(QUOTE_LIMIT) {
            Some((end, _)) => write!(f, "{}…", &self.name[..end])?,
            None => f.write_str(self.name)?,
        }
        f.write_str("`, expected ")?;
        for (i, n) in self.known.iter().enumerate() {
            match i {
                0 => {}
                _ if i + 1 == self.known.len() => f.write_str(" or ")?,
                _ => f.write_str(", ")?,
            }
            write!(f, "`{n}`")?;
        }
        if self.known.is_empty() {
            f.write_str("no fields")?;
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = usize;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.find(v.as_bytes())
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        self.find(v)
    }
}

/// The error for a required field that is absent: it names the field by its pointer.
pub fn missing_field<E: de::Error>(at: Path<'_>) -> E {
    E::custom(FieldError {
        at,
        what: "missing required field",
    })
}

/// The error for a field that appears twice in one object.
pub fn duplicate_field<E: de::Error>(at: Path<'_>) -> E {
    E::custom(FieldError {
        at,
        what: "duplicate field",
    })
}

struct FieldError<'p> {
    at: Path<'p>,
    what: &'static str,
}

impl fmt::Display for FieldError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.what)
    }
}

/// What a model's visitor expects: "an object `Name`", with the path when nested.
pub fn expecting(f: &mut fmt::Formatter<'_>, name: &str, at: Path<'_>) -> fmt::Result {
    match at {
        Path::Root => write!(f, "an object `{name}`"),
        at => write!(f, "an object `{name}` at {at}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &["a", "b", "c"];

    #[test]
    fn finds_known_names_and_marks_unknown_ones() {
        let key = Key::new(NAMES, false, Path::Root);
        assert_eq!(key.find::<serde_json::Error>(b"b").unwrap(), 1);
        assert_eq!(
            Key::new(NAMES, false, Path::Root)
                .find::<serde_json::Error>(b"z")
                .unwrap(),
            3
        );
    }

    #[test]
    fn unknown_names_are_quoted_only_up_to_the_limit() {
        let long = "x".repeat(10_000);
        let err = Key::new(NAMES, true, Path::Root)
            .find::<serde_json::Error>(long.as_bytes())
            .unwrap_err();
        let text = err.to_string();
        assert!(text.len() < 120, "{text}");
        assert_eq!(
            text,
            format!(
                "unknown field `{}…`, expected `a`, `b` or `c`",
                "x".repeat(32)
            )
        );
    }

    #[test]
    fn unknown_names_in_nested_objects_carry_the_path() {
        let root = Path::Root;
        let scopes = root.field("scopes");
        let second = scopes.index(1);
        let err = Key::new(NAMES, true, second)
            .find::<serde_json::Error>(b"z")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "/scopes/1: unknown field `z`, expected `a`, `b` or `c`"
        );
    }
}
