//! Any JSON value: `serde_json::Value` is a field type like any other, a model with no rule,
//! read and written by its own serde impls, whose schema is `{}` (written in place, not under
//! `$defs`). `serde_json::Map<String, Value>` is a map (see `entries`), whose values are that.

use serde::de::Deserializer;
use serde_json::{Map, Value};

use crate::errors::{ValidationError, ValidationErrors};
use crate::path::Path;
use crate::schema::SchemaGen;
use crate::{Model, Validate};

impl Validate for Value {
    /// Any JSON value is valid.
    #[inline]
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
    #[inline]
    fn __validate_at(&self, _: Path<'_>, _: &mut Vec<ValidationError>) {}
}

impl Model for Value {
    /// `{}` under the dialect: every JSON value.
    #[inline]
    fn json_schema() -> Value {
        SchemaGen::root::<Value>()
    }
    #[inline]
    fn __read_at<'de, D: Deserializer<'de>>(d: D, _: Path<'_>) -> Result<Self, D::Error> {
        // Reads owned data only, as every field of a model does.
        <Value as serde::Deserialize>::deserialize(d)
    }
    #[inline]
    fn __schema_name() -> String {
        "Value".to_owned()
    }
    #[inline]
    fn __schema_inline() -> bool {
        true
    }
    #[inline]
    fn __schema_object(_: &mut SchemaGen) -> Map<String, Value> {
        Map::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn any_value_reads_validates_and_is_described_by_an_empty_schema() {
        for v in [json!(null), json!(1.5), json!("a"), json!([1, {"a": []}])] {
            let read = Value::__read_at(v.clone(), Path::Root).unwrap();
            assert_eq!(read, v);
            assert!(read.validate().is_ok());
        }
        assert_eq!(
            Value::json_schema(),
            json!({"$schema": crate::schema::DIALECT})
        );
        assert!(SchemaGen::default().reference::<Value>().is_empty());
    }
}
