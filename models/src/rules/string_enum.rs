//! String enums: a `#[derive(Model)]` enum of unit variants is one of its values on the wire,
//! with an optional catch-all variant that holds any other string.
//!
//! The generated code describes the enum with a [`StrEnum`] (its values in declaration order,
//! its lookup, whether it has a catch-all) and calls its methods: reading, collecting, checking
//! a catch-all value, the schema, and `FromStr`.

use core::fmt;

use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde_json::{Map, Value};

use super::format_error::shorten;
use super::refusal::{Broken, OneOf, refuse};
use crate::code::Code;
use crate::collect::{Collector, kind};
use crate::errors::ValidationError;
use crate::path::Path;

/// A lookup of a value's index, as the derive writes it.
pub type Lookup = fn(&str) -> Option<usize>;

/// A string enum, as the generated code describes it.
#[derive(Clone, Copy)]
pub struct StrEnum<F> {
    /// The lookup of a value's variant index: a `match` on the values, written by the derive
    /// (on `&str` literals, which compile to a few wide compares).
    pub index: F,
    /// The wire values, in declaration order of their variants.
    pub values: &'static [&'static str],
    /// Whether a catch-all variant takes every other string.
    pub other: bool,
    /// The enum's name, for messages.
    pub name: &'static str,
}

/// What a read found: the index of a known value, or another string for the catch-all.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// The value of `values[i]`.
    Known(usize),
    /// Any other string (only with a catch-all).
    Other(String),
}

impl<F: Fn(&str) -> Option<usize> + Copy> StrEnum<F> {
    /// Reads one of the values at `at`; any other string is refused with code `enum`, unless
    /// there is a catch-all.
    #[inline]
    pub fn read<'de, D: Deserializer<'de>>(self, d: D, at: Path<'_>) -> Result<Found, D::Error> {
        d.deserialize_str(EnumVisitor { e: self, at })
            .map_err(shorten)
    }

    /// The variant of `s`, or the error `FromStr` returns.
    pub fn parse(self, s: &str) -> Result<Found, ValidationError> {
        match (self.index)(s) {
            Some(i) => Ok(Found::Known(i)),
            None if self.other => Ok(Found::Other(s.to_owned())),
            None => Err(self.unknown(Path::Root)),
        }
    }

    /// Reads one of the values at `at`, pushing what is wrong onto `out`: not a string
    /// (`type`), or none of the values (`enum`).
    #[inline]
    pub fn collect<'de, D: Deserializer<'de>>(
        self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<Found>, D::Error> {
        let read = d.deserialize_any(EnumCollect {
            e: self,
            at,
            out: &mut *out,
        });
        out.settle(read)
    }

    /// Pushes an error when a catch-all variant holds one of the known values, which it never
    /// does when read: the value is written the same either way, and reads back as the known
    /// variant.
    pub fn check_other(self, held: &str, at: Path<'_>, out: &mut Vec<ValidationError>) {
        if let Some(i) = (self.index)(held) {
            out.push(ValidationError::new(
                at.pointer(),
                Code::Enum.as_str(),
                format!(
                    "holds the known value `{}` in the catch-all variant; use that value's own variant",
                    self.values[i]
                ),
            ));
        }
    }

    /// The enum's schema: `{"type": "string", "enum": [...]}`, or with a catch-all, any
    /// string, with the known values listed under `anyOf`.
    #[inline]
    pub fn schema(self, title: &str, description: Option<&str>) -> Map<String, Value> {
        let mut s = Map::new();
        s.insert("title".into(), title.into());
        if let Some(d) = description {
            s.insert("description".into(), d.into());
        }
        s.insert("type".into(), "string".into());
        let values = Value::Array(self.values.iter().map(|v| Value::from(*v)).collect());
        if self.other {
            let mut known = Map::new();
            known.insert("enum".into(), values);
            let mut any = Map::new();
            any.insert("type".into(), "string".into());
            s.insert(
                "anyOf".into(),
                Value::Array(vec![Value::Object(known), Value::Object(any)]),
            );
        } else {
            s.insert("enum".into(), values);
        }
        s
    }

    #[cold]
    fn unknown(self, at: Path<'_>) -> ValidationError {
        ValidationError::new(
            at.pointer(),
            Code::Enum.as_str(),
            format!("must be one of {}", OneOf(self.values)),
        )
    }
}

struct EnumVisitor<'p, F> {
    e: StrEnum<F>,
    at: Path<'p>,
}

impl<F: Fn(&str) -> Option<usize> + Copy> EnumVisitor<'_, F> {
    #[inline]
    fn find<E: de::Error>(&self, s: &str) -> Result<Option<usize>, E> {
        match (self.e.index)(s) {
            Some(i) => Ok(Some(i)),
            None if self.e.other => Ok(None),
            None => Err(refuse(self.at, Broken::Enum(self.e.values))),
        }
    }
}

impl<'de, F: Fn(&str) -> Option<usize> + Copy> Visitor<'de> for EnumVisitor<'_, F> {
    type Value = Found;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::refusal::expected(f, self.e.name, self.at)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Found, E> {
        Ok(match self.find(s)? {
            Some(i) => Found::Known(i),
            None => Found::Other(s.to_owned()),
        })
    }

    #[inline]
    fn visit_string<E: de::Error>(self, s: String) -> Result<Found, E> {
        Ok(match self.find(&s)? {
            Some(i) => Found::Known(i),
            None => Found::Other(s),
        })
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Found, E> {
        Err(E::invalid_type(Unexpected::Other("bytes"), &self))
    }
}

struct EnumCollect<'p, 'o, 'i, F> {
    e: StrEnum<F>,
    at: Path<'p>,
    out: &'o mut Collector<'i>,
}

impl<F: Fn(&str) -> Option<usize> + Copy> EnumCollect<'_, '_, '_, F> {
    #[inline]
    fn found(self, s: &str) -> Option<Found> {
        match (self.e.index)(s) {
            Some(i) => Some(Found::Known(i)),
            None if self.e.other => Some(Found::Other(s.to_owned())),
            None => {
                self.out.push(self.e.unknown(self.at));
                None
            }
        }
    }
}

impl<'de, F: Fn(&str) -> Option<usize> + Copy> Visitor<'de> for EnumCollect<'_, '_, '_, F> {
    type Value = Option<Found>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.e.name)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Option<Found>, E> {
        Ok(self.found(s))
    }

    collect_refuse!(kind::STRING; visit_bool visit_i64 visit_u64 visit_f64 visit_unit visit_seq visit_map);
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALUES: &[&str] = &["AUTHORIZATION_CODE", "IMPLICIT", "PASSWORD"];

    fn index(name: &str) -> Option<usize> {
        match name {
            "AUTHORIZATION_CODE" => Some(0),
            "IMPLICIT" => Some(1),
            "PASSWORD" => Some(2),
            _ => None,
        }
    }

    fn grant(other: bool) -> StrEnum<Lookup> {
        StrEnum {
            index,
            values: VALUES,
            other,
            name: "a `GrantType`",
        }
    }

    #[test]
    fn reads_known_values_and_refuses_others_naming_the_values() {
        let root = Path::Root;
        let at = root.field("grant");
        assert_eq!(
            grant(false)
                .read(serde_json::json!("IMPLICIT"), at)
                .unwrap(),
            Found::Known(1)
        );
        let err = grant(false)
            .read(serde_json::json!("implicit"), at)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "/grant: enum: must be one of `AUTHORIZATION_CODE`, `IMPLICIT` or `PASSWORD`"
        );
        let err = grant(false).read(serde_json::json!(5), at).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: integer `5`, expected a `GrantType` at /grant"
        );
    }

    #[test]
    fn a_catch_all_takes_any_other_string() {
        assert_eq!(
            grant(true)
                .read(serde_json::json!("DEVICE_CODE"), Path::Root)
                .unwrap(),
            Found::Other("DEVICE_CODE".into())
        );
        assert_eq!(grant(true).parse("PASSWORD"), Ok(Found::Known(2)));
        let mut out = Vec::new();
        grant(true).check_other("DEVICE_CODE", Path::Root, &mut out);
        assert!(out.is_empty());
        grant(true).check_other("PASSWORD", Path::Root, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].code(), "enum");
    }

    #[test]
    fn long_lists_of_values_are_cut_and_counted() {
        const MANY: &[&str] = &[
            "value_number_00",
            "value_number_01",
            "value_number_02",
            "value_number_03",
            "value_number_04",
            "value_number_05",
            "value_number_06",
            "value_number_07",
            "value_number_08",
            "value_number_09",
            "value_number_10",
            "value_number_11",
        ];
        let text = OneOf(MANY).to_string();
        assert!(
            text.len() <= ONE_OF_TEST_BOUND,
            "{} bytes: {text}",
            text.len()
        );
        assert!(
            text.starts_with("`value_number_00`, `value_number_01`"),
            "{text}"
        );
        let shown = text.matches('`').count() / 2;
        assert!(
            text.ends_with(&format!(", … ({} more)", MANY.len() - shown)),
            "{text}"
        );
        // A short list is written whole.
        assert_eq!(OneOf(&["a", "b"]).to_string(), "`a` or `b`");
        assert_eq!(OneOf(&["a"]).to_string(), "`a`");
    }

    /// The limit, plus one value that may cross it and the count of the rest.
    const ONE_OF_TEST_BOUND: usize = super::super::refusal::ONE_OF_LIMIT + 40;

    #[test]
    fn collecting_reports_type_and_unknown_values() {
        let mut out = Collector::new();
        let x = serde_json::json!("X");
        assert_eq!(
            grant(false).collect(&x, Path::Root, &mut out).unwrap(),
            None
        );
        let one = serde_json::json!(1);
        assert_eq!(
            grant(false).collect(&one, Path::Root, &mut out).unwrap(),
            None
        );
        assert_eq!(
            grant(true).collect(&x, Path::Root, &mut out).unwrap(),
            Some(Found::Other("X".into()))
        );
        let pass = serde_json::json!("IMPLICIT");
        assert_eq!(
            grant(false).collect(&pass, Path::Root, &mut out).unwrap(),
            Some(Found::Known(1))
        );
        let out = out.into_errors();
        let codes: Vec<&str> = out.iter().map(|e| e.code()).collect();
        assert_eq!(codes, ["enum", "type"]);
    }

    #[test]
    fn schema_lists_the_values() {
        assert_eq!(
            Value::Object(grant(false).schema("GrantType", Some("How a token is granted."))),
            serde_json::json!({
                "title": "GrantType",
                "description": "How a token is granted.",
                "type": "string",
                "enum": ["AUTHORIZATION_CODE", "IMPLICIT", "PASSWORD"]
            })
        );
        assert_eq!(
            Value::Object(grant(true).schema("GrantType", None)),
            serde_json::json!({
                "title": "GrantType",
                "type": "string",
                "anyOf": [
                    {"enum": ["AUTHORIZATION_CODE", "IMPLICIT", "PASSWORD"]},
                    {"type": "string"}
                ]
            })
        );
    }
}
