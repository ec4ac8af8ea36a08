//! `bool` fields.

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

/// `bool` fields: no rule, but errors name the path and never echo the value.
#[derive(Clone, Copy, Debug)]
pub struct Flag;

struct FlagVisitor<'p>(Path<'p>);

impl<'de> Visitor<'de> for FlagVisitor<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, "a boolean", self.0)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(v)
    }
    refuse_strings!();
    refuse_other_types! {
        visit_i64(i64) => Unexpected::Other("integer");
        visit_u64(u64) => Unexpected::Other("integer");
        visit_f64(f64) => Unexpected::Other("number");
    }
}

struct FlagCollect<'p, 'o, 'i> {
    at: Path<'p>,
    out: &'o mut Collector<'i>,
}

impl<'de> Visitor<'de> for FlagCollect<'_, '_, '_> {
    type Value = Option<bool>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(kind::BOOLEAN)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Option<bool>, E> {
        Ok(Some(v))
    }
    collect_refuse!(kind::BOOLEAN; visit_i64 visit_u64 visit_f64 visit_str visit_unit visit_seq visit_map);
}

impl Rule<bool> for Flag {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<bool, D::Error> {
        d.deserialize_bool(FlagVisitor(at)).map_err(shorten)
    }
    #[inline]
    fn check(&self, _: &bool, _: Path<'_>, _: &mut Vec<ValidationError>) {}
    #[inline]
    fn schema(&self, _: &mut SchemaGen) -> Map<String, Value> {
        let mut s = Map::new();
        s.insert("type".into(), "boolean".into());
        s
    }
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<bool>, D::Error> {
        let read = d.deserialize_any(FlagCollect { at, out: &mut *out });
        out.settle(read)
    }
}
