//! Helpers the generated `Deserialize` impls call: the field-name seed and the errors that
//! name a field.

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use crate::path::Path;

/// The seed of a model's field names: the index of a known field, or `names.len()` for an
/// unknown one. Built once per object and passed by reference to each `next_key_seed`, so
/// that the seed is one pointer.
///
/// `index` is the model's own lookup, a `match` on the wire names written by the derive (a
/// fn item, so the call is static and can be inlined, as serde_derive's match is). The
/// unknown-name path is kept out of line: under `deny_unknown_fields` it is an error naming
/// the object's path and listing the known names.
pub struct Key<'p, F> {
    index: F,
    names: &'static [&'static str],
    deny_unknown: bool,
    /// Whether members of flattened models are known too (by indexes after the unknown one).
    flattened: bool,
    // By reference: a copy of a path just built (the root's one word) stalls the copy's reads.
    at: &'p Path<'p>,
}

impl<'p, F: Fn(&[u8]) -> Option<usize>> Key<'p, F> {
    /// The seed that looks keys up with `index`, for the object at `at` whose fields are
    /// `names` (in the order `index` numbers them).
    #[inline]
    pub const fn new(
        index: F,
        names: &'static [&'static str],
        deny_unknown: bool,
        at: &'p Path<'p>,
    ) -> Self {
        Key {
            index,
            names,
            deny_unknown,
            flattened: false,
            at,
        }
    }

    /// The same seed for a struct that flattens models: an unknown member's error says that
    /// their members are known too.
    #[inline]
    pub fn flattened(self) -> Self {
        Key {
            flattened: true,
            ..self
        }
    }

    /// The index of the known field `name`.
    #[inline]
    pub(crate) fn index(&self, name: &[u8]) -> Option<usize> {
        (self.index)(name)
    }

    /// The index every unknown name gets.
    #[inline]
    pub(crate) fn unknown_index(&self) -> usize {
        self.names.len()
    }

    /// Whether an unknown name is an error.
    #[inline]
    pub(crate) fn denies_unknown(&self) -> bool {
        self.deny_unknown
    }

    /// The object's path.
    #[inline]
    pub(crate) fn at(&self) -> Path<'p> {
        *self.at
    }

    #[inline]
    fn find<E: de::Error>(&self, name: &[u8]) -> Result<usize, E> {
        match (self.index)(name) {
            Some(i) => Ok(i),
            None if self.deny_unknown => {
                Err(unknown_field(name, self.names, self.flattened, *self.at))
            }
            None => Ok(self.names.len()),
        }
    }
}

#[cold]
#[inline(never)]
fn unknown_field<E: de::Error>(
    name: &[u8],
    known: &'static [&'static str],
    flattened: bool,
    at: Path<'_>,
) -> E {
    E::custom(UnknownField {
        name: &String::from_utf8_lossy(name),
        known,
        flattened,
        at,
    })
}

/// The longest part of an unknown field's name an error quotes.
pub const QUOTE_LIMIT: usize = 32;

struct UnknownField<'a> {
    name: &'a str,
    known: &'static [&'static str],
    flattened: bool,
    at: Path<'a>,
}

impl fmt::Display for UnknownField<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !matches!(self.at, Path::Root) {
            write!(f, "{}: ", self.at.short())?;
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
        match (self.known.is_empty(), self.flattened) {
            (true, false) => f.write_str("no fields")?,
            (true, true) => f.write_str("a member of a flattened field")?,
            (false, true) => f.write_str(", or a member of a flattened field")?,
            (false, false) => {}
        }
        Ok(())
    }
}

impl<'de, F: Fn(&[u8]) -> Option<usize>> DeserializeSeed<'de> for &Key<'_, F> {
    type Value = usize;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de, F: Fn(&[u8]) -> Option<usize>> Visitor<'de> for &Key<'_, F> {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.find(v.as_bytes())
    }
    #[inline]
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        self.find(v)
    }
}

/// The error for a required field that is absent: it names the field by its pointer.
#[cold]
#[inline(never)]
pub fn missing_field<E: de::Error>(at: Path<'_>) -> E {
    E::custom(FieldError {
        at,
        what: "missing required field",
    })
}

/// The error for a field that appears twice in one object.
#[cold]
#[inline(never)]
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
        write!(f, "{}: {}", self.at.short(), self.what)
    }
}

/// What a model's visitor expects: "an object `Name`", with the path when nested.
pub fn expecting(f: &mut fmt::Formatter<'_>, name: &str, at: Path<'_>) -> fmt::Result {
    crate::rules::describing();
    match at {
        Path::Root => write!(f, "an object `{name}`"),
        at => write!(f, "an object `{name}` at {}", at.short()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &["a", "b", "c"];

    /// The lookup the derive writes for `NAMES`.
    fn index(name: &[u8]) -> Option<usize> {
        match name {
            b"a" => Some(0),
            b"b" => Some(1),
            b"c" => Some(2),
            _ => None,
        }
    }

    #[test]
    fn finds_known_names_and_marks_unknown_ones() {
        let key = Key::new(index, NAMES, false, &Path::Root);
        assert_eq!(key.find::<serde_json::Error>(b"b").unwrap(), 1);
        assert_eq!(
            Key::new(index, NAMES, false, &Path::Root)
                .find::<serde_json::Error>(b"z")
                .unwrap(),
            3
        );
    }

    #[test]
    fn unknown_names_are_quoted_only_up_to_the_limit() {
        let long = "x".repeat(10_000);
        let err = Key::new(index, NAMES, true, &Path::Root)
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
        let err = Key::new(index, NAMES, true, &second)
            .find::<serde_json::Error>(b"z")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "/scopes/1: unknown field `z`, expected `a`, `b` or `c`"
        );
    }
}
