//! `Secret<String>` fields: the string's rules, and errors that never hold the value, whatever
//! the format does.
//!
//! A format reports a value of the wrong type in its own words, and may quote the value
//! (serde_json writes ``invalid type: integer `918273645`, expected a string``). So an error
//! about a secret is passed on only when this rule's own visitor made it: a refusal by a rule
//! (which names the rule, never the value) or a value of another type handed to the visitor
//! (which names the kind only). Any other error, built by the format on its own, is replaced
//! by one written here from fixed words and the path: it keeps the kind of value found when
//! the format's message names one of serde's kinds, and nothing else of the format's text.

use core::cell::Cell;
use core::fmt;

use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde_json::{Map, Value};

use super::Rule;
use super::format_error::leading_word;
use super::refusal::expected;
use super::string::Str;
use crate::Secret as SecretValue;
use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// `Secret<String>`: the string's rules; the schema marks the value `format: password`, as
/// OpenAPI names a value to hide.
#[derive(Clone, Copy, Debug)]
pub struct Secret<R>(pub R);

/// Whether the visitor made the error a read returns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Made {
    /// The visitor was not reached, or accepted: an error is the format's own.
    Nothing,
    /// The visitor refused the value (a rule, or a value of another type, by kind).
    Refusal,
}

struct SecretVisitor<'r, 'p, 'c> {
    rule: &'r Str,
    at: &'p Path<'p>,
    made: &'c Cell<Made>,
}

impl SecretVisitor<'_, '_, '_> {
    #[cold]
    fn wrong_kind<E: de::Error>(&self, kind: &'static str) -> E {
        self.made.set(Made::Refusal);
        E::invalid_type(Unexpected::Other(kind), self)
    }
}

impl<'de> Visitor<'de> for SecretVisitor<'_, '_, '_> {
    type Value = SecretValue<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, "a string", *self.at)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        match self.rule.accept(s, self.at) {
            Ok(()) => Ok(SecretValue::new(s.to_owned())),
            Err(e) => {
                self.made.set(Made::Refusal);
                Err(e)
            }
        }
    }

    #[inline]
    fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
        // Wrapped first, so that a refused value is wiped when it is dropped.
        let s = SecretValue::new(s);
        match self.rule.accept(s.expose(), self.at) {
            Ok(()) => Ok(s),
            Err(e) => {
                self.made.set(Made::Refusal);
                Err(e)
            }
        }
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Err(self.wrong_kind("boolean"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Err(self.wrong_kind("integer"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Err(self.wrong_kind("integer"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Err(self.wrong_kind("floating point"))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Self::Value, E> {
        Err(self.wrong_kind("bytes"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(self.wrong_kind("null"))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(self.wrong_kind("null"))
    }
}

/// The kinds of value serde's type errors name, as they name them. The error rebuilt for a
/// secret takes the kind from this list, never from the format's text.
const KINDS: &[&str] = &[
    "boolean",
    "integer",
    "floating point",
    "char",
    "string",
    "bytes",
    "null",
    "unit",
    "Option value",
    "sequence",
    "map",
    "enum",
    "newtype struct",
];

/// The error that replaces a format's own error about a secret.
#[cold]
#[inline(never)]
fn withheld<E: de::Error>(format_error: &E, at: Path<'_>) -> E {
    let kind = leading_word(format_error, "invalid type: ", KINDS);
    let at = Withheld { kind, at };
    E::custom(at)
}

struct Withheld<'p> {
    kind: Option<&'static str>,
    at: Path<'p>,
}

impl fmt::Display for Withheld<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Some(kind) => write!(f, "invalid type: {kind}, expected a string")?,
            None => f.write_str(
                "invalid value: expected a string; the format's message is withheld for a secret",
            )?,
        }
        match self.at {
            Path::Root => Ok(()),
            at => write!(f, " at {}", at.short()),
        }
    }
}

impl Rule<SecretValue<String>> for Secret<Str> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
    ) -> Result<SecretValue<String>, D::Error> {
        let made = Cell::new(Made::Nothing);
        let visitor = SecretVisitor {
            rule: &self.0,
            at: &at,
            made: &made,
        };
        match d.deserialize_str(visitor) {
            Ok(value) => Ok(value),
            Err(e) if made.get() == Made::Refusal => Err(e),
            Err(e) => Err(withheld(&e, at)),
        }
    }
    #[inline]
    fn check(&self, value: &SecretValue<String>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.0.check_str(value.expose(), at, out);
    }
    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        let mut s = <Str as Rule<String>>::schema(&self.0, schemas);
        s.insert("format".into(), "password".into());
        s
    }
    // The kinds of a value of the wrong type are named, never the value; a string that breaks
    // a rule is never copied.
    #[inline]
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<SecretValue<String>>, D::Error> {
        Ok(<Str as Rule<String>>::collect(&self.0, d, at, out)?.map(SecretValue::new))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_type_errors_name_the_kind_found_but_not_the_value() {
        let rule = Secret(Str::ANY);
        let root = Path::Root;
        let at = root.field("clientSecret");
        for (doc, found) in [
            ("918273645", "integer"),
            ("-5", "integer"),
            ("1.25", "floating point"),
            ("true", "boolean"),
        ] {
            let mut de = serde_json::Deserializer::from_str(doc);
            let text = rule.read(&mut de, at).unwrap_err().to_string();
            assert!(
                text.starts_with(&format!(
                    "invalid type: {found}, expected a string at /clientSecret"
                )),
                "{text}"
            );
            assert!(!text.contains(doc.trim_start_matches('-')), "{text}");
        }
    }

    /// A format that writes its own type errors without asking the visitor what it expected,
    /// and quotes the value in them: the error must still not hold the value.
    struct Quoting<'a>(&'a str);

    #[derive(Debug)]
    struct QuotingError(String);

    impl fmt::Display for QuotingError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl std::error::Error for QuotingError {}
    impl de::Error for QuotingError {
        fn custom<T: fmt::Display>(msg: T) -> Self {
            QuotingError(msg.to_string())
        }
    }

    impl<'de> Deserializer<'de> for Quoting<'_> {
        type Error = QuotingError;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, QuotingError> {
            Err(QuotingError(format!(
                "{} is not what was expected (invalid type: integer {})",
                self.0, self.0
            )))
        }
        fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, QuotingError> {
            match self.0.strip_prefix("type:") {
                // Its own "invalid type" error, with the value, and no question to the visitor.
                Some(value) => Err(QuotingError(format!(
                    "invalid type: integer `{value}`, expected something else"
                ))),
                None => self.deserialize_any(v),
            }
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
            identifier ignored_any
        }
    }

    #[test]
    fn a_format_that_quotes_values_in_its_own_errors_cannot_show_a_secret() {
        let rule = Secret(Str::ANY);
        let root = Path::Root;
        let at = root.field("clientSecret");
        let text = rule
            .read(Quoting("type:8231907465"), at)
            .unwrap_err()
            .to_string();
        assert_eq!(
            text,
            "invalid type: integer, expected a string at /clientSecret"
        );
        let text = rule
            .read(Quoting("hunter2-secret"), at)
            .unwrap_err()
            .to_string();
        assert_eq!(
            text,
            "invalid value: expected a string; the format's message is withheld for a secret at /clientSecret"
        );
        // The control: the same format, read as a plain string, shows the value.
        let plain = <Str as Rule<String>>::read(&Str::ANY, Quoting("hunter2-secret"), at);
        assert!(plain.unwrap_err().to_string().contains("hunter2-secret"));
    }

    #[test]
    fn a_refusal_by_a_rule_passes_as_it_is() {
        let rule = Secret(Str {
            min_len: 0,
            max_len: 2,
            charset: None,
            patterns: None,
            format: None,
        });
        let root = Path::Root;
        let err = rule
            .read(serde_json::json!("abc"), root.field("s"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "/s: max_len: must be at most 2 characters long"
        );
    }
}
