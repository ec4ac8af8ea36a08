//! `opaque` fields: any type with its own serde impls (`url::Url`, `uuid::Uuid`, a
//! `serde_json::Value`...), read and written by those impls, with no rule of this crate.

use serde::Serialize;
use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use serde_json::{Map, Value};

use super::Rule;
use super::format_error::{locate, shorten};
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
    #[inline]
    fn check(&self, _: &T, _: Path<'_>, _: &mut Vec<ValidationError>) {}
    #[inline]
    fn schema(&self, _: &mut SchemaGen) -> Map<String, Value> {
        match self.schema.map(serde_json::from_str::<Value>) {
            Some(Ok(Value::Object(s))) => s,
            _ => Map::new(),
        }
    }
    /// Read by the type's own `Deserialize`, as the model's reader does (so the two accept the
    /// same documents); that impl cannot be asked to go on, so a value it refuses ends the
    /// read, listed (`Collector::refused_by_type`).
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<T>, D::Error> {
        match <T as Deserialize>::deserialize(d) {
            Ok(v) => Ok(Some(v)),
            Err(e) => Err(out.refused_by_type(at, e)),
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
        // Collecting, a refusal ends the read, the field's pointer noted for the list.
        let mut out = crate::collect::Collector::new();
        let read = <Opaque as Rule<std::net::Ipv4Addr>>::collect(&rule, &json!(5), at, &mut out);
        assert!(read.unwrap_err().to_string().contains("IPv4"));
        assert!(out.stopped());
        assert_eq!(out.take_refused_by_type().as_deref(), Some("/when"));
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
