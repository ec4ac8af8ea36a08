//! `Box<T>` fields.

use serde::de::Deserializer;
use serde_json::{Map, Value};

use super::Rule;
use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// `Box<T>`: the inner rule, boxed.
#[derive(Clone, Copy, Debug)]
pub struct Boxed<R>(pub R);

impl<T, R: Rule<T>> Rule<Box<T>> for Boxed<R> {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<Box<T>, D::Error> {
        self.0.read(d, at).map(Box::new)
    }
    #[inline]
    fn check(&self, value: &Box<T>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.0.check(value, at, out);
    }
    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        self.0.schema(schemas)
    }
    #[inline]
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<Box<T>>, D::Error> {
        Ok(self.0.collect(d, at, out)?.map(Box::new))
    }
}
