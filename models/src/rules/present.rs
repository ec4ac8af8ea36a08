//! `Option<T>` fields where the `Option` tells only whether the member is there: `not_null`
//! fields (a present `null` is refused by the rule inside) and `Option<Option<T>>` (the rule
//! inside is the inner `Option`'s, which reads `null` as `Some(None)`).

use serde::de::Deserializer;
use serde_json::{Map, Value};

use super::Rule;
use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// A present member, read by the inner rule: `Some` of what it reads. An absent one is `None`
/// (the model's reader decides that, never the format).
#[derive(Clone, Copy, Debug)]
pub struct Present<R>(pub R);

impl<T, R: Rule<T>> Rule<Option<T>> for Present<R> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<Option<T>, D::Error> {
        self.0.read(d, at).map(Some)
    }
    #[inline]
    fn check(&self, value: &Option<T>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        if let Some(v) = value {
            self.0.check(v, at, out);
        }
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
    ) -> Result<Option<Option<T>>, D::Error> {
        Ok(self.0.collect(d, at, out)?.map(Some))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Opt, Str};
    use serde_json::json;

    const NAME: Str = Str {
        min_len: 1,
        max_len: 3,
        charset: None,
        patterns: None,
        format: None,
    };

    #[test]
    fn null_is_refused_by_the_rule_inside() {
        let rule = Present(NAME);
        let at = Path::Root;
        assert_eq!(
            Rule::<Option<String>>::read(&rule, json!("ab"), at).unwrap(),
            Some("ab".to_owned())
        );
        let err = Rule::<Option<String>>::read(&rule, json!(null), at).unwrap_err();
        assert!(err.to_string().contains("type"), "{err}");
        assert_eq!(
            Value::Object(Rule::<Option<String>>::schema(
                &rule,
                &mut SchemaGen::default()
            )),
            json!({"type": "string", "minLength": 1, "maxLength": 3})
        );
    }

    #[test]
    fn around_an_option_null_is_some_none() {
        let rule = Present(Opt(NAME));
        let at = Path::Root;
        assert_eq!(
            Rule::<Option<Option<String>>>::read(&rule, json!(null), at).unwrap(),
            Some(None)
        );
        assert_eq!(
            Rule::<Option<Option<String>>>::read(&rule, json!("a"), at).unwrap(),
            Some(Some("a".to_owned()))
        );
        let mut out = Vec::new();
        Rule::<Option<Option<String>>>::check(&rule, &Some(Some("abcd".into())), at, &mut out);
        assert_eq!(out[0].code(), "max_len");
        let mut c = Collector::new();
        let read = Rule::<Option<Option<String>>>::collect(&rule, json!(null), at, &mut c);
        assert_eq!(read.unwrap(), Some(Some(None)));
    }
}
