//! Fields whose type is itself a model.

use serde::de::Deserializer;
use serde_json::{Map, Value};

use super::Rule;
use crate::Model;
use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// A field whose type derives (or implements) [`Model`]: its own rules, at the joined path.
#[derive(Clone, Copy, Debug)]
pub struct Nested;

impl<T: Model> Rule<T> for Nested {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<T, D::Error> {
        // The model keeps its own errors short (see `model_error`).
        T::__read_at(d, at)
    }
    #[inline]
    fn check(&self, value: &T, at: Path<'_>, out: &mut Vec<ValidationError>) {
        value.__validate_at(at, out);
    }
    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        schemas.reference::<T>()
    }
    #[inline]
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<T>, D::Error> {
        T::__collect(d, at, out)
    }
}
