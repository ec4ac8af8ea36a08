//! Schema annotations: keywords that describe a value and check nothing (`format`, `readOnly`,
//! `writeOnly`, `examples`, `title`, `deprecated`).

use serde::de::Deserializer;
use serde_json::{Map, Value};

use super::Rule;
use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// What the schema says of a value beyond its rules.
#[derive(Clone, Copy, Debug)]
pub struct Notes {
    /// `format`, kept as written: `uri`, `int64`. No format is checked.
    pub format: Option<&'static str>,
    /// `readOnly: true`.
    pub read_only: bool,
    /// `writeOnly: true`.
    pub write_only: bool,
    /// `examples`: the text of a JSON array, checked by the derive.
    pub examples: Option<&'static str>,
    /// `title`.
    pub title: Option<&'static str>,
    /// `deprecated: true`.
    pub deprecated: bool,
}

/// The inner rule, unchanged when reading and checking; its schema gains the notes.
#[derive(Clone, Copy, Debug)]
pub struct Annotated<R> {
    /// The rule that reads and checks the value.
    pub rule: R,
    /// What the schema adds.
    pub notes: Notes,
}

impl<T, R: Rule<T>> Rule<T> for Annotated<R> {
    #[inline(always)]
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<T, D::Error> {
        self.rule.read(d, at)
    }
    #[inline(always)]
    fn check(&self, value: &T, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.rule.check(value, at, out);
    }
    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        let mut s = self.rule.schema(schemas);
        let Notes {
            format,
            read_only,
            write_only,
            examples,
            title,
            deprecated,
        } = self.notes;
        if let Some(format) = format {
            s.insert("format".into(), format.into());
        }
        if read_only {
            s.insert("readOnly".into(), true.into());
        }
        if write_only {
            s.insert("writeOnly".into(), true.into());
        }
        if let Some(examples) = examples {
            // The derive checked the text to be a JSON array.
            let examples: Value = serde_json::from_str(examples).unwrap_or(Value::Null);
            s.insert("examples".into(), examples);
        }
        if let Some(title) = title {
            s.insert("title".into(), title.into());
        }
        if deprecated {
            s.insert("deprecated".into(), true.into());
        }
        s
    }
    #[inline(always)]
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<T>, D::Error> {
        self.rule.collect(d, at, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Opt, Str};

    #[test]
    fn adds_the_notes_to_the_schema_only() {
        let rule = Annotated {
            rule: Opt(Str {
                min_len: 1,
                max_len: 3,
                charset: None,
                patterns: None,
                format: None,
            }),
            notes: Notes {
                format: Some("uri"),
                read_only: true,
                write_only: false,
                examples: Some(r#"["a", null]"#),
                title: Some("Name"),
                deprecated: true,
            },
        };
        let schema = Value::Object(Rule::<Option<String>>::schema(
            &rule,
            &mut SchemaGen::default(),
        ));
        assert_eq!(
            schema,
            serde_json::json!({
                "type": ["string", "null"], "minLength": 1, "maxLength": 3,
                "format": "uri", "readOnly": true, "examples": ["a", null],
                "title": "Name", "deprecated": true
            })
        );
        let mut out = Vec::new();
        Rule::<Option<String>>::check(&rule, &Some("abcd".into()), Path::Root, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].code(), "max_len");
    }
}
