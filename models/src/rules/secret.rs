//! `Secret<T>` fields: the inner rule, and errors that never quote the value.

use serde::de::Deserializer;
use serde_json::{Map, Value};

use super::Rule;
use super::format_error::{described, hide_found};
use crate::Secret as SecretValue;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// `Secret<T>`: the inner rule; the schema marks the value `writeOnly`.
#[derive(Clone, Copy, Debug)]
pub struct Secret<R>(pub R);

impl<T: zeroize::Zeroize + 'static, R: Rule<T>> Rule<SecretValue<T>> for Secret<R> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
    ) -> Result<SecretValue<T>, D::Error> {
        // Only a format's type errors can quote the value, and the format asks the visitor
        // what it expected to write one; the rule's refusals never quote it.
        self.0
            .read(d, at)
            .map(SecretValue::new)
            .map_err(|e| if described() { hide_found(e) } else { e })
    }
    fn check(&self, value: &SecretValue<T>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.0.check(value.expose(), at, out);
    }
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        let mut s = self.0.schema(schemas);
        s.insert("writeOnly".into(), true.into());
        s
    }
    fn collect(&self, value: &Value, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.0.collect(value, at, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Str;

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
}
