//! Value enums: a `#[derive(Model)]` enum of unit variants of which some variant has a
//! `value` that is not a string (`value = 1`, `value = true`, `value = null`) is one of its
//! JSON values on the wire, as JSON Schema's `enum` lists them.
//!
//! The generated code describes the enum with a [`ValueEnum`] (its values in declaration
//! order, as [`Literal`]s, and their JSON text for messages) and calls its methods: reading
//! (the index of the value found), collecting, writing a variant's value, and the schema.
//! Numbers are compared as JSON Schema compares them, by their mathematical value: `1.0` is
//! the value `1`, and `1` the value `1.0`.

use core::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde_json::{Map, Value};

use super::refusal::{Broken, listed, refuse};
use crate::collect::{Collector, skip_map, skip_seq};
use crate::path::Path;

/// One value of a value enum, as the derive writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Literal {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer, within `i64::MIN..=u64::MAX` (what a JSON reader hands over exactly).
    Int(i128),
    /// A finite float, written with its fraction (`1.0`).
    Float(f64),
    /// A string: a variant without a `value`, or with a string one.
    Str(&'static str),
}

impl Literal {
    /// Whether the integer read is this value.
    #[inline]
    pub(super) fn is_int(self, int: i128) -> bool {
        match self {
            Literal::Int(v) => v == int,
            Literal::Float(f) => same_number(int, f),
            _ => false,
        }
    }

    /// Whether the float read is this value.
    #[inline]
    pub(super) fn is_float(self, float: f64) -> bool {
        match self {
            Literal::Int(v) => same_number(v, float),
            Literal::Float(f) => f == float,
            _ => false,
        }
    }

    /// The value as a `serde_json::Value`, for the schema.
    pub(super) fn to_json(self) -> Value {
        match self {
            Literal::Null => Value::Null,
            Literal::Bool(b) => Value::Bool(b),
            Literal::Int(v) => match (i64::try_from(v), u64::try_from(v)) {
                (Ok(v), _) => Value::from(v),
                (_, Ok(v)) => Value::from(v),
                // Past 64 bits (never written by the derive): as near as a float gets.
                _ => Value::from(v as f64),
            },
            Literal::Float(f) => Value::from(f),
            Literal::Str(s) => Value::from(s),
        }
    }
}

/// Whether the integer `int` and the float `float` are one number: the float is whole and
/// converts to the integer exactly.
#[inline]
fn same_number(int: i128, float: f64) -> bool {
    // 2^127: past it, `as` saturates; below it, a whole float converts exactly.
    const LIMIT: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;
    float.fract() == 0.0 && (-LIMIT..LIMIT).contains(&float) && float as i128 == int
}

/// A value enum, as the generated code describes it.
#[derive(Clone, Copy)]
pub struct ValueEnum {
    /// The values, in declaration order of their variants.
    pub values: &'static [Literal],
    /// Each value's JSON text (`1`, `1.5`, `null`, `"auto"`), in the same order: what a
    /// refusal lists.
    pub texts: &'static [&'static str],
    /// The enum's name, for messages.
    pub name: &'static str,
}

impl ValueEnum {
    /// Reads one of the values at `at`: the index of its variant. Any other value, of any
    /// JSON type, is refused with code `enum`, listing the values.
    #[inline]
    pub fn read<'de, D: Deserializer<'de>>(self, d: D, at: Path<'_>) -> Result<usize, D::Error> {
        d.deserialize_any(ValueVisitor { e: self, at })
    }

    /// Reads one of the values at `at`, pushing a value that is none of them onto `out` (code
    /// `enum`; an array or an object is read to its end first).
    #[inline]
    pub fn collect<'de, D: Deserializer<'de>>(
        self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<usize>, D::Error> {
        let read = d.deserialize_any(ValueCollect {
            e: self,
            at,
            out: &mut *out,
        });
        out.settle(read)
    }

    /// Writes the value of the variant at `index`: an integer as an integer, a float as a
    /// float, `null` as `null`.
    #[inline]
    pub fn write<S: Serializer>(self, index: usize, s: S) -> Result<S::Ok, S::Error> {
        match self.values[index] {
            Literal::Null => s.serialize_unit(),
            Literal::Bool(b) => s.serialize_bool(b),
            Literal::Int(v) => match (i64::try_from(v), u64::try_from(v)) {
                (Ok(v), _) => s.serialize_i64(v),
                (_, Ok(v)) => s.serialize_u64(v),
                _ => s.serialize_i128(v),
            },
            Literal::Float(f) => s.serialize_f64(f),
            Literal::Str(v) => s.serialize_str(v),
        }
    }

    /// The enum's schema: `{"enum": [...]}`, the values in declaration order, with no `type`
    /// (the values say it).
    pub fn schema(self, title: &str, description: Option<&str>) -> Map<String, Value> {
        let mut s = Map::new();
        s.insert("title".into(), title.into());
        if let Some(d) = description {
            s.insert("description".into(), d.into());
        }
        let values = self.values.iter().map(|v| v.to_json()).collect();
        s.insert("enum".into(), Value::Array(values));
        s
    }

    /// The index of the first value `is` takes.
    #[inline]
    fn find(self, is: impl Fn(Literal) -> bool) -> Option<usize> {
        self.values.iter().position(|v| is(*v))
    }

    #[inline]
    fn find_int(self, int: i128) -> Option<usize> {
        self.find(|v| v.is_int(int))
    }

    #[inline]
    fn find_float(self, float: f64) -> Option<usize> {
        self.find(|v| v.is_float(float))
    }

    #[inline]
    fn find_str(self, s: &str) -> Option<usize> {
        self.find(|v| matches!(v, Literal::Str(x) if x == s))
    }

    #[inline]
    fn find_bool(self, b: bool) -> Option<usize> {
        self.find(|v| v == Literal::Bool(b))
    }

    #[inline]
    fn find_null(self) -> Option<usize> {
        self.find(|v| v == Literal::Null)
    }
}

/// Reads a value, refusing one that is none of the enum's at the first sight.
struct ValueVisitor<'p> {
    e: ValueEnum,
    at: Path<'p>,
}

impl ValueVisitor<'_> {
    #[inline]
    fn found<E: de::Error>(&self, index: Option<usize>) -> Result<usize, E> {
        match index {
            Some(i) => Ok(i),
            None => Err(refuse(self.at, Broken::Enum(self.e.texts))),
        }
    }
}

impl<'de> Visitor<'de> for ValueVisitor<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::refusal::expected(f, self.e.name, self.at)
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<usize, E> {
        self.found(self.e.find_null())
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<usize, E> {
        self.found(self.e.find_null())
    }

    #[inline]
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<usize, E> {
        self.found(self.e.find_bool(b))
    }

    #[inline]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<usize, E> {
        self.found(self.e.find_int(i128::from(v)))
    }

    #[inline]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<usize, E> {
        self.found(self.e.find_int(i128::from(v)))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<usize, E> {
        self.found(self.e.find_int(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<usize, E> {
        self.found(i128::try_from(v).ok().and_then(|v| self.e.find_int(v)))
    }

    #[inline]
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<usize, E> {
        self.found(self.e.find_float(v))
    }

    #[inline]
    fn visit_str<E: de::Error>(self, s: &str) -> Result<usize, E> {
        self.found(self.e.find_str(s))
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<usize, E> {
        self.found(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<usize, A::Error> {
        self.found(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<usize, A::Error> {
        self.found(None)
    }
}

/// Reads a value while collecting: one that is none of the enum's is listed, and reading goes
/// on after it.
struct ValueCollect<'p, 'o, 'i> {
    e: ValueEnum,
    at: Path<'p>,
    out: &'o mut Collector<'i>,
}

impl ValueCollect<'_, '_, '_> {
    #[inline]
    fn found(self, index: Option<usize>) -> Option<usize> {
        if index.is_none() {
            self.out.push(listed(self.at, Broken::Enum(self.e.texts)));
        }
        index
    }
}

impl<'de> Visitor<'de> for ValueCollect<'_, '_, '_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.e.name)
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<Option<usize>, E> {
        let i = self.e.find_null();
        Ok(self.found(i))
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<Option<usize>, E> {
        let i = self.e.find_null();
        Ok(self.found(i))
    }

    #[inline]
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Option<usize>, E> {
        let i = self.e.find_bool(b);
        Ok(self.found(i))
    }

    #[inline]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<usize>, E> {
        let i = self.e.find_int(i128::from(v));
        Ok(self.found(i))
    }

    #[inline]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<usize>, E> {
        let i = self.e.find_int(i128::from(v));
        Ok(self.found(i))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Option<usize>, E> {
        let i = self.e.find_int(v);
        Ok(self.found(i))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Option<usize>, E> {
        let i = i128::try_from(v).ok().and_then(|v| self.e.find_int(v));
        Ok(self.found(i))
    }

    #[inline]
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<usize>, E> {
        let i = self.e.find_float(v);
        Ok(self.found(i))
    }

    #[inline]
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Option<usize>, E> {
        let i = self.e.find_str(s);
        Ok(self.found(i))
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Option<usize>, E> {
        Ok(self.found(None))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<usize>, A::Error> {
        skip_seq(seq)?;
        Ok(self.found(None))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<usize>, A::Error> {
        skip_map(map)?;
        Ok(self.found(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// `{"enum": ["auto", 0, 2.5, null, true, -3, 18446744073709551615]}`.
    const VALUES: &[Literal] = &[
        Literal::Str("auto"),
        Literal::Int(0),
        Literal::Float(2.5),
        Literal::Null,
        Literal::Bool(true),
        Literal::Int(-3),
        Literal::Int(u64::MAX as i128),
    ];
    const TEXTS: &[&str] = &[
        "\"auto\"",
        "0",
        "2.5",
        "null",
        "true",
        "-3",
        "18446744073709551615",
    ];

    fn level() -> ValueEnum {
        ValueEnum {
            values: VALUES,
            texts: TEXTS,
            name: "a `Level` value",
        }
    }

    fn read(text: &str) -> Result<usize, String> {
        let mut d = serde_json::Deserializer::from_str(text);
        level()
            .read(&mut d, Path::Root.field("level"))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn reads_each_value_to_its_index() {
        for (text, index) in [
            ("\"auto\"", 0),
            ("0", 1),
            ("2.5", 2),
            ("null", 3),
            ("true", 4),
            ("-3", 5),
            ("18446744073709551615", 6),
        ] {
            assert_eq!(read(text), Ok(index), "{text}");
        }
    }

    #[test]
    fn numbers_compare_by_their_value() {
        // A whole float is the integer, and an integer the whole float.
        assert_eq!(read("0.0"), Ok(1));
        assert_eq!(read("-0.0"), Ok(1));
        assert_eq!(read("-3.0"), Ok(5));
        assert_eq!(read("-3e0"), Ok(5));
        assert_eq!(read("25e-1"), Ok(2));
        // Near misses are not.
        for text in ["0.5", "-2", "2.4", "2", "3", "18446744073709551614", "-0.1"] {
            assert!(read(text).is_err(), "{text}");
        }
        assert!(same_number(-3, -3.0));
        assert!(same_number(
            i128::from(u64::MAX) + 1,
            18_446_744_073_709_551_616.0
        ));
        assert!(!same_number(
            i128::from(u64::MAX),
            18_446_744_073_709_551_616.0
        ));
        assert!(!same_number(i128::MAX, f64::MAX));
        assert!(!same_number(0, f64::NAN));
        // The integers past `i64` on both sides, and an `i64` that is no `u64`.
        const WIDE: &[Literal] = &[
            Literal::Int(i64::MIN as i128),
            Literal::Int(i64::MAX as i128 + 1),
            Literal::Float(1e19),
        ];
        let wide = ValueEnum {
            values: WIDE,
            texts: &["-9223372036854775808", "9223372036854775808", "1e19"],
            name: "a `Wide` value",
        };
        let at = Path::Root;
        let read_wide = |text: &str| {
            let mut d = serde_json::Deserializer::from_str(text);
            wide.read(&mut d, at).ok()
        };
        assert_eq!(read_wide("-9223372036854775808"), Some(0));
        assert_eq!(read_wide("9223372036854775808"), Some(1));
        assert_eq!(read_wide("9223372036854775807"), None);
        assert_eq!(read_wide("10000000000000000000"), Some(2));
        assert_eq!(read_wide("1e19"), Some(2));
        assert_eq!(read_wide("-9223372036854775807"), None);
    }

    #[test]
    fn anything_else_is_refused_with_code_enum_listing_the_values_as_json() {
        let listing =
            "must be one of `\"auto\"`, `0`, `2.5`, `null`, `true`, `-3` or `18446744073709551615`";
        for text in [
            "\"AUTO\"",
            "\"0\"",
            "false",
            "1",
            "[]",
            "[0]",
            "{\"a\": 0}",
            "\"null\"",
        ] {
            let err = read(text).unwrap_err();
            assert!(
                err.starts_with(&format!("/level: enum: {listing} at line 1 column")),
                "{text}: {err}"
            );
        }
        // `serde_json::Value` hands the same calls over.
        let err = level()
            .read(&json!([1, 2]), Path::Root)
            .unwrap_err()
            .to_string();
        assert_eq!(err, format!("(root): enum: {listing}"));
    }

    #[test]
    fn collecting_lists_each_refusal_and_reads_on() {
        let mut out = Collector::new();
        let at = Path::Root.field("level");
        for (doc, found) in [
            (json!(2.5), Some(2)),
            (json!(null), Some(3)),
            (json!(1.0), None),
            (json!("x"), None),
            (json!([0, [1]]), None),
            (json!({"a": {"b": 0}}), None),
            (json!(-3), Some(5)),
        ] {
            assert_eq!(level().collect(&doc, at, &mut out).unwrap(), found, "{doc}");
        }
        let errors = out.into_errors();
        assert_eq!(errors.len(), 4);
        for e in &errors {
            assert_eq!((e.path(), e.code()), ("/level", "enum"));
            assert!(
                e.message().starts_with("must be one of `\"auto\"`, `0`"),
                "{e}"
            );
        }
        // From text, an array or an object refused is read to its end, so reading goes on
        // after it.
        for text in [r#"[1, {"a": [2]}, "auto"]"#, r#"{"b": [3], "c": {}}"#] {
            let mut d = serde_json::Deserializer::from_str(text);
            let mut out = Collector::new();
            assert_eq!(level().collect(&mut d, Path::Root, &mut out).unwrap(), None);
            assert!(d.end().is_ok(), "{text}");
            assert_eq!(out.into_errors()[0].code(), "enum");
        }
    }

    #[test]
    fn writes_each_value_as_its_json_type() {
        let written: Vec<String> = (0..VALUES.len())
            .map(|i| {
                let mut text = Vec::new();
                level()
                    .write(i, &mut serde_json::Serializer::new(&mut text))
                    .unwrap();
                String::from_utf8(text).unwrap()
            })
            .collect();
        assert_eq!(written, TEXTS);
        // A whole float stays a float.
        let one = ValueEnum {
            values: &[Literal::Float(1.0)],
            texts: &["1.0"],
            name: "",
        };
        assert_eq!(
            one.write(0, serde_json::value::Serializer).unwrap(),
            json!(1.0)
        );
        assert!(
            one.write(0, serde_json::value::Serializer)
                .unwrap()
                .is_f64()
        );
    }

    #[test]
    fn the_schema_lists_the_values_with_no_type() {
        assert_eq!(
            Value::Object(level().schema("Level", Some("How loud."))),
            json!({
                "title": "Level",
                "description": "How loud.",
                "enum": ["auto", 0, 2.5, null, true, -3, 18446744073709551615u64]
            })
        );
        assert_eq!(
            Value::Object(level().schema("Level", None)),
            json!({
                "title": "Level",
                "enum": ["auto", 0, 2.5, null, true, -3, 18446744073709551615u64]
            })
        );
    }
}
