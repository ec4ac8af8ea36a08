//! `unique` on a `Vec`: no two items may be equal as JSON values (JSON Schema's
//! `uniqueItems`: `1` and `1.0` are equal, and so are two objects with the same members in
//! another order).

use std::collections::HashMap;

use serde::Serialize;
use serde::de::Deserializer;
use serde_json::{Map, Value};

use super::Rule;
use super::refusal::{Broken, refuse};
use super::seq::Seq;
use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// A `Vec` whose items must all differ, and its own rules.
#[derive(Clone, Copy, Debug)]
pub struct Unique<R>(pub Seq<R>);

impl<T: Serialize, R: Rule<T>> Rule<Vec<T>> for Unique<R> {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<Vec<T>, D::Error> {
        let items = self.0.read(d, at)?;
        match first_repeat(items.iter().map(|item| serde_json::to_value(item).ok())) {
            None => Ok(items),
            Some((i, j)) => Err(refuse(at, Broken::Unique(i, j))),
        }
    }
    #[inline]
    fn check(&self, value: &Vec<T>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.0.check(value, at, out);
        if let Some(pair) = first_repeat(value.iter().map(|item| serde_json::to_value(item).ok())) {
            push_repeat(out, at, pair);
        }
    }
    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        let mut s = <Seq<R> as Rule<Vec<T>>>::schema(&self.0, schemas);
        s.insert("uniqueItems".into(), true.into());
        s
    }
    /// Items are compared once every one holds (only then are they all read), whatever
    /// their count.
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<Vec<T>>, D::Error> {
        let before = out.len();
        let Some(items) = self.0.collect_items(d, at, out)? else {
            return Ok(None);
        };
        if let Some(pair) = first_repeat(items.iter().map(|item| serde_json::to_value(item).ok())) {
            push_repeat(out.errors(), at, pair);
        }
        Ok(out.held(before, items))
    }
}

fn push_repeat(out: &mut Vec<ValidationError>, at: Path<'_>, (i, j): (usize, usize)) {
    let what = Broken::Unique(i, j);
    out.push(ValidationError::new(
        at.pointer(),
        what.code(),
        what.to_string(),
    ));
}

/// The indexes of the first item equal to an earlier one, and of that earlier one; items that
/// could not be written as JSON (`None`) are left out.
fn first_repeat(items: impl Iterator<Item = Option<Value>>) -> Option<(usize, usize)> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (j, item) in items.enumerate() {
        let Some(item) = item else { continue };
        let mut key = String::new();
        canonical(&item, &mut key);
        if let Some(&i) = seen.get(&key) {
            return Some((i, j));
        }
        seen.insert(key, j);
    }
    None
}

/// A text that two JSON values share exactly when JSON Schema calls them equal: numbers by
/// their value, object members in name order.
#[inline]
fn canonical(value: &Value, out: &mut String) {
    use core::fmt::Write;
    match value {
        Value::Null | Value::Bool(_) | Value::String(_) => out.push_str(&value.to_string()),
        Value::Number(n) => {
            // Whole numbers as integers, whatever their spelling (`1`, `1.0`, `1e0`).
            let _ = match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => write!(out, "{i}"),
                (_, Some(u), _) => write!(out, "{u}"),
                (_, _, Some(f)) if f.fract() == 0.0 && f.abs() < 9.0e18 => {
                    #[allow(clippy::cast_possible_truncation)]
                    let i = f as i64;
                    write!(out, "{i}")
                }
                (_, _, Some(f)) => write!(out, "{f:?}"),
                _ => write!(out, "{n}"),
            };
        }
        Value::Array(items) => {
            out.push('[');
            for item in items {
                canonical(item, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::Object(members) => {
            let mut names: Vec<&String> = members.keys().collect();
            names.sort();
            out.push('{');
            for name in names {
                out.push_str(&Value::from(name.as_str()).to_string());
                out.push(':');
                canonical(&members[name], out);
                out.push(',');
            }
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn repeat(v: Value) -> Option<(usize, usize)> {
        first_repeat(v.as_array().unwrap().iter().map(|v| Some(v.clone())))
    }

    #[test]
    fn equal_as_json_values() {
        assert_eq!(repeat(json!([1, 2, 1.0])), Some((0, 2)));
        assert_eq!(
            repeat(json!([{"a": 1, "b": [2]}, {"b": [2.0], "a": 1}])),
            Some((0, 1))
        );
        assert_eq!(repeat(json!(["1", 1, true, null, [1], {"1": 1}])), None);
        assert_eq!(repeat(json!([0.5, 0.25, 0.5])), Some((0, 2)));
        assert_eq!(repeat(json!([])), None);
    }

    #[test]
    fn read_check_and_collect_agree() {
        let rule = Unique(Seq {
            item: super::super::Str::ANY,
            min_len: 0,
            max_len: usize::MAX,
        });
        let err = rule
            .read(json!(["a", "b", "a"]), Path::Root)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "(root): unique: must hold each item once, but items 0 and 2 are equal"
        );
        let mut out = Vec::new();
        rule.check(&vec!["x".to_owned(), "x".to_owned()], Path::Root, &mut out);
        let mut collected = crate::collect::Collector::new();
        let read = rule.collect(&json!(["y", "z", "z"]), Path::Root, &mut collected);
        assert_eq!(read.unwrap(), None);
        out.extend(collected.into_errors());
        let codes: Vec<(&str, &str)> = out.iter().map(|e| (e.code(), e.message())).collect();
        assert_eq!(
            codes,
            [
                (
                    "unique",
                    "must hold each item once, but items 0 and 1 are equal"
                ),
                (
                    "unique",
                    "must hold each item once, but items 1 and 2 are equal"
                )
            ]
        );
        assert_eq!(
            <Unique<_> as Rule<Vec<String>>>::schema(&rule, &mut SchemaGen::default())["uniqueItems"],
            true
        );
    }
}
