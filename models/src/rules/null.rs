//! `()` fields: a value that is always `null`.

use core::fmt;

use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde_json::{Map, Value};

use super::Rule;
use super::format_error::shorten;
use super::refusal::expected;
use crate::collect::{Collector, kind};
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// `()` fields: `null` and nothing else; errors name the path and never echo the value.
#[derive(Clone, Copy, Debug)]
pub struct Null;

struct NullVisitor<'p>(Path<'p>);

impl<'de> Visitor<'de> for NullVisitor<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, kind::NULL, self.0)
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    refuse_other_types! {
        visit_bool(bool) => Unexpected::Other("boolean");
        visit_i64(i64) => Unexpected::Other("integer");
        visit_u64(u64) => Unexpected::Other("integer");
        visit_f64(f64) => Unexpected::Other("number");
        visit_str(&str) => Unexpected::Other("string");
        visit_bytes(&[u8]) => Unexpected::Other("bytes");
    }
}

struct NullCollect<'p, 'o, 'i> {
    at: Path<'p>,
    out: &'o mut Collector<'i>,
}

impl<'de> Visitor<'de> for NullCollect<'_, '_, '_> {
    type Value = Option<()>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(kind::NULL)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<()>, E> {
        Ok(Some(()))
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<()>, E> {
        Ok(Some(()))
    }
    collect_refuse!(kind::NULL; visit_bool visit_i64 visit_u64 visit_f64 visit_str visit_seq visit_map);
}

impl Rule<()> for Null {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<(), D::Error> {
        d.deserialize_unit(NullVisitor(at)).map_err(shorten)
    }
    #[inline]
    fn check(&self, _: &(), _: Path<'_>, _: &mut Vec<ValidationError>) {}
    #[inline]
    fn schema(&self, _: &mut SchemaGen) -> Map<String, Value> {
        let mut s = Map::new();
        s.insert("type".into(), "null".into());
        s
    }
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<()>, D::Error> {
        let read = d.deserialize_any(NullCollect { at, out: &mut *out });
        out.settle(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Opt;
    use serde_json::json;

    #[test]
    fn reads_null_and_refuses_every_other_type_without_the_value() {
        let none = Path::Root.field("none");
        let at = none.field("x");
        assert!(Rule::<()>::read(&Null, &json!(null), Path::Root).is_ok());
        let mut d = serde_json::Deserializer::from_str("null");
        assert!(Null.read(&mut d, Path::Root).is_ok());
        for (doc, found) in [
            ("true", "boolean `true`"),
            ("0", "integer `0`"),
            ("1.5", "floating point `1.5`"),
            ("\"null\"", "string \"null\""),
            ("[]", "sequence"),
            ("{}", "map"),
        ] {
            let mut d = serde_json::Deserializer::from_str(doc);
            let err = Null.read(&mut d, at).unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("invalid type: {found}, expected null at /none/x")),
                "{doc}: {err}"
            );
        }
    }

    #[test]
    fn collecting_lists_a_type_error_and_reads_on() {
        let mut out = Collector::new();
        assert_eq!(
            Null.collect(&json!(null), Path::Root, &mut out).unwrap(),
            Some(())
        );
        let at = Path::Root.field("a");
        for doc in [
            json!(false),
            json!(1),
            json!("x"),
            json!([null]),
            json!({"a": null}),
        ] {
            assert_eq!(Null.collect(&doc, at, &mut out).unwrap(), None);
        }
        let errors = out.into_errors();
        let listed: Vec<(&str, &str, &str)> = errors
            .iter()
            .map(|e| (e.path(), e.code(), e.message()))
            .collect();
        assert_eq!(
            listed,
            [
                ("/a", "type", "must be null, got a boolean"),
                ("/a", "type", "must be null, got a number"),
                ("/a", "type", "must be null, got a string"),
                ("/a", "type", "must be null, got an array"),
                ("/a", "type", "must be null, got an object"),
            ]
        );
    }

    #[test]
    fn the_schema_is_null_alone_under_an_option_too() {
        let schema = |s: Map<String, Value>| Value::Object(s);
        assert_eq!(
            schema(Rule::<()>::schema(&Null, &mut SchemaGen::default())),
            json!({"type": "null"})
        );
        assert_eq!(
            schema(Rule::<Option<()>>::schema(
                &Opt(Null),
                &mut SchemaGen::default()
            )),
            json!({"type": "null"})
        );
        // An absent member and `null` are both `None`.
        assert_eq!(
            Rule::<Option<()>>::read(&Opt(Null), &json!(null), Path::Root).unwrap(),
            None
        );
        let mut out = Vec::new();
        Null.check(&(), Path::Root, &mut out);
        assert!(out.is_empty());
    }
}
