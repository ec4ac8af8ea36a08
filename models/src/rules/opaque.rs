//! `opaque` fields: any type with its own serde impls (`url::Url`, `uuid::Uuid`, a
//! `serde_json::Value`...), read and written by those impls, with no rule of this crate.

use serde::Serialize;
use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use serde_json::{Map, Value};

use super::Rule;
use super::format_error::{locate, shorten};
use crate::code::Code;
use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// An `opaque` field, and the schema its attribute gives (`{}` without one).
#[derive(Clone, Copy, Debug)]
pub struct Opaque {
    /// The JSON object of `schema = "..."`, checked when the derive expanded.
    pub schema: Option<&'static str>,
}

impl<T: Serialize + DeserializeOwned> Rule<T> for Opaque {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<T, D::Error> {
        // `T` reads owned data only: it holds nothing borrowed from the document.
        T::deserialize(d)
            .map_err(shorten)
            .map_err(|e| locate(e, at))
    }
    fn check(&self, _: &T, _: Path<'_>, _: &mut Vec<ValidationError>) {}
    fn schema(&self, _: &mut SchemaGen) -> Map<String, Value> {
        match self.schema.map(serde_json::from_str::<Value>) {
            Some(Ok(Value::Object(s))) => s,
            _ => Map::new(),
        }
    }
    /// Read as JSON first (duplicate members listed), then by the type's own `Deserialize`,
    /// whose first error is the one listed: the type's impl cannot be asked to go on.
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<T>, D::Error> {
        let before = out.len();
        let value = crate::collect::collect_value(d, at, out)?;
        match <T as Deserialize>::deserialize(value) {
            // Not when a member was given twice in the value.
            Ok(v) => Ok(out.held(before, v)),
            Err(e) => {
                out.push(ValidationError::new(
                    at.pointer(),
                    Code::Invalid.as_str(),
                    shorten(e).to_string(),
                ));
                Ok(None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_with_the_type_s_own_impl_and_names_the_path() {
        let rule = Opaque { schema: None };
        let root = Path::Root;
        let at = root.field("when");
        let v: std::net::Ipv4Addr = rule.read(json!("10.0.0.1"), at).unwrap();
        assert_eq!(v.octets(), [10, 0, 0, 1]);
        let err = <Opaque as Rule<std::net::Ipv4Addr>>::read(&rule, json!("nope"), at)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/when: "), "{err}");
        let mut out = crate::collect::Collector::new();
        let read = <Opaque as Rule<std::net::Ipv4Addr>>::collect(&rule, &json!(5), at, &mut out);
        assert_eq!(read.unwrap(), None);
        let out = out.into_errors();
        assert_eq!(out[0].code(), "invalid");
        assert_eq!(out[0].path(), "/when");
    }

    #[test]
    fn the_schema_is_the_attribute_s_or_empty() {
        let given = Opaque {
            schema: Some(r#"{"type": "string", "format": "ipv4"}"#),
        };
        assert_eq!(
            Value::Object(<Opaque as Rule<std::net::Ipv4Addr>>::schema(
                &given,
                &mut SchemaGen::default()
            )),
            json!({"type": "string", "format": "ipv4"})
        );
        let none = Opaque { schema: None };
        assert_eq!(
            Value::Object(<Opaque as Rule<Value>>::schema(
                &none,
                &mut SchemaGen::default()
            )),
            json!({})
        );
    }
}
