//! `Option<T>` fields.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};
use serde_json::{Map, Value};

use super::Rule;
use super::refusal::expected;
use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// `Option<T>`: absent or `null` is `None`; a present value follows the inner rule.
#[derive(Clone, Copy, Debug)]
pub struct Opt<R>(pub R);

struct OptVisitor<'r, 'p, R, T> {
    rule: &'r R,
    at: Path<'p>,
    marker: PhantomData<fn() -> T>,
}

impl<'de, R: Rule<T>, T> Visitor<'de> for OptVisitor<'_, '_, R, T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, "an optional value", self.at)
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        self.rule.read(d, self.at).map(Some)
    }
}

struct OptCollect<'r, 'p, 'o, 'i, R, T> {
    rule: &'r R,
    at: Path<'p>,
    out: &'o mut Collector<'i>,
    marker: PhantomData<fn() -> T>,
}

impl<'de, R: Rule<T>, T> Visitor<'de> for OptCollect<'_, '_, '_, '_, R, T> {
    type Value = Option<Option<T>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an optional value")
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Some(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Some(None))
    }
    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Ok(self.rule.collect(d, self.at, self.out)?.map(Some))
    }
}

impl<T, R: Rule<T>> Rule<Option<T>> for Opt<R> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<Option<T>, D::Error> {
        d.deserialize_option(OptVisitor {
            rule: &self.0,
            at,
            marker: PhantomData,
        })
    }
    #[inline]
    fn check(&self, value: &Option<T>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        if let Some(v) = value {
            self.0.check(v, at, out);
        }
    }
    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        crate::schema::nullable(self.0.schema(schemas))
    }
    // A refused type is settled by the rule inside (`deserialize_option` hands it the value).
    #[inline]
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<Option<T>>, D::Error> {
        d.deserialize_option(OptCollect {
            rule: &self.0,
            at,
            out,
            marker: PhantomData,
        })
    }
}
