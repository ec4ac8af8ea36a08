//! `Vec<T>` fields: `min_len` / `max_len` count the items.

use core::cell::Cell;
use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer, SeqAccess, Unexpected, Visitor};
use serde_json::{Map, Value};

use super::format_error::shorten;
use super::refusal::{Broken, counted, expected, push, refuse};
use super::{Rule, Seed};
use crate::collect::{Collect, Collector, Container, kind};
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// `Vec<T>`: `min_len` / `max_len` count items; each item follows the inner rule.
#[derive(Clone, Copy, Debug)]
pub struct Seq<R> {
    /// The rule for each item.
    pub item: R,
    /// Fewest items allowed (0 when unset).
    pub min_len: usize,
    /// Most items allowed (`usize::MAX` when unset).
    pub max_len: usize,
}

struct SeqVisitor<'r, 'p, R, T> {
    rule: &'r Seq<R>,
    at: Path<'p>,
    marker: PhantomData<fn() -> T>,
}

impl<'de, R: Rule<T>, T> Visitor<'de> for SeqVisitor<'_, '_, R, T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, "an array", self.at)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // Never trust a size hint beyond the bound, nor beyond a modest preallocation.
        let cap = seq.size_hint().unwrap_or(0).min(self.rule.max_len).min(256);
        let mut items = Vec::with_capacity(cap);
        loop {
            if items.len() == self.rule.max_len {
                // One more item breaks the bound: stop at it, without reading the rest.
                return match seq.next_element::<de::IgnoredAny>()? {
                    None => Ok(items),
                    Some(_) => Err(refuse(self.at, Broken::MaxItems(self.rule.max_len))),
                };
            }
            let at = self.at.index(items.len());
            match seq.next_element_seed(Seed::new(&self.rule.item, &at))? {
                Some(item) => items.push(item),
                None => break,
            }
        }
        if items.len() < self.rule.min_len {
            return Err(refuse(self.at, Broken::MinItems(self.rule.min_len)));
        }
        Ok(items)
    }

    refuse_scalars!();
}

/// Collects an array under a [`Seq`] rule: every item is read and collected, past the bounds
/// too. The items, while every one holds, whatever their count (whose rule is listed first).
struct SeqCollect<'r, 'p, 'o, 'i, R, T> {
    rule: &'r Seq<R>,
    at: Path<'p>,
    out: &'o mut Collector<'i>,
    marker: PhantomData<fn() -> T>,
}

impl<'de, R: Rule<T>, T> Visitor<'de> for SeqCollect<'_, '_, '_, '_, R, T> {
    type Value = Option<Vec<T>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(kind::ARRAY)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let before = self.out.len();
        let cap = seq.size_hint().unwrap_or(0).min(self.rule.max_len).min(256);
        let mut items = Vec::with_capacity(cap);
        let mut held = true;
        let mut n = 0;
        loop {
            self.out.go_on()?;
            let at = self.at.index(n);
            let seed = Collect::new(&self.rule.item, &at, &mut *self.out);
            match seq.next_element_seed(seed)? {
                None => break,
                Some(Some(item)) if held => items.push(item),
                Some(_) => {
                    held = false;
                    items = Vec::new();
                }
            }
            n += 1;
        }
        let count = if n > self.rule.max_len {
            Some(Broken::MaxItems(self.rule.max_len))
        } else if n < self.rule.min_len {
            Some(Broken::MinItems(self.rule.min_len))
        } else {
            None
        };
        if let Some(what) = count {
            self.out.push_before(before, counted(self.at, what, n));
        }
        Ok(held.then_some(items))
    }

    collect_refuse!(kind::ARRAY; visit_bool visit_i64 visit_u64 visit_f64 visit_str visit_unit visit_map);
}

impl<R> Seq<R> {
    /// Collects the array: its items when every one holds, even when their count breaks its
    /// rule (listed), so that `unique` can still compare them.
    pub(super) fn collect_items<'de, D: Deserializer<'de>, T>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<Vec<T>>, D::Error>
    where
        R: Rule<T>,
    {
        let asked = Cell::new(false);
        let items = SeqCollect {
            rule: self,
            at,
            out: &mut *out,
            marker: PhantomData,
        };
        let read = Container::new(items, &asked).read(d);
        out.settle_container(read, &asked, at, kind::ARRAY)
    }
}

impl<T, R: Rule<T>> Rule<Vec<T>> for Seq<R> {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<Vec<T>, D::Error> {
        d.deserialize_seq(SeqVisitor {
            rule: self,
            at,
            marker: PhantomData,
        })
        .map_err(shorten)
    }
    #[inline]
    fn check(&self, value: &Vec<T>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        let n = value.len();
        if n > self.max_len {
            push(out, at, Broken::MaxItems(self.max_len), n);
        } else if n < self.min_len {
            push(out, at, Broken::MinItems(self.min_len), n);
        }
        for (i, item) in value.iter().enumerate() {
            self.item.check(item, at.index(i), out);
        }
    }
    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        let mut s = Map::new();
        s.insert("type".into(), "array".into());
        s.insert("items".into(), Value::Object(self.item.schema(schemas)));
        if self.min_len > 0 {
            s.insert("minItems".into(), self.min_len.into());
        }
        if self.max_len != usize::MAX {
            s.insert("maxItems".into(), self.max_len.into());
        }
        s
    }
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<Vec<T>>, D::Error> {
        let before = out.len();
        let items = self.collect_items(d, at, out)?;
        Ok(items.and_then(|items| out.held(before, items)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Num;

    #[test]
    fn sequence_stops_reading_past_its_bound() {
        let rule = Seq {
            item: Num::<u32> {
                min: None,
                max: Some(9),
                ..Num::ANY
            },
            min_len: 1,
            max_len: 2,
        };
        // The third item breaks the bound before its own rule is looked at.
        let err = rule
            .read(serde_json::json!([1, 2, 100]), Path::Root)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "(root): max_len: must have at most 2 items"
        );
        let err = rule
            .read(serde_json::json!([1, 10]), Path::Root)
            .unwrap_err();
        assert_eq!(err.to_string(), "/1: max: must be at most 9");
        let err = rule.read(serde_json::json!([]), Path::Root).unwrap_err();
        assert_eq!(
            err.to_string(),
            "(root): min_len: must have at least 1 item"
        );
    }
}
