//! `HashMap<String, V>` and `BTreeMap<String, V>` fields: an object with any members.
//! `min_len` / `max_len` count the members, `keys(...)` holds each member name to a string's
//! rules and `values(...)` each value to its own.
//!
//! A member name that breaks its rules is reported at the map's pointer, without the name; a
//! value's errors sit under the member's pointer (`/attrs/<escaped name>`).

use core::cell::Cell;
use core::fmt;
use core::hash::BuildHasher;
use core::marker::PhantomData;
use std::collections::{BTreeMap, HashMap};

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Unexpected, Visitor};
use serde_json::{Map, Value};

use super::format_error::shorten;
use super::refusal::{Broken, counted, expected, push, refuse, refuse_member_name};
use super::string::Str;
use super::{Rule, Seed};
use crate::collect::{Collect, Collector, Container, kind};
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// A map's rules: its member names', its values', and how many members it may have.
#[derive(Clone, Copy, Debug)]
pub struct Entries<R> {
    /// The rule of each member name.
    pub key: Str,
    /// The rule of each value.
    pub value: R,
    /// Fewest members allowed (0 when unset).
    pub min_len: usize,
    /// Most members allowed (`usize::MAX` when unset).
    pub max_len: usize,
}

/// The maps a field may be, keyed by member name.
pub trait StringMap<T>: Default {
    /// Adds a member; the name back when it was there already.
    fn put(&mut self, name: String, value: T) -> Result<(), String>;
    /// How many members there are.
    fn members(&self) -> usize;
    /// Whether a member has this name.
    fn has(&self, name: &str) -> bool;
    /// The members, in a fixed order (a `HashMap`'s sorted by name, so that errors come in
    /// the same order every time).
    fn sorted(&self) -> Vec<(&String, &T)>;
}

impl<T, S: BuildHasher + Default> StringMap<T> for HashMap<String, T, S> {
    fn put(&mut self, name: String, value: T) -> Result<(), String> {
        match self.entry(name) {
            std::collections::hash_map::Entry::Occupied(slot) => Err(slot.key().clone()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(value);
                Ok(())
            }
        }
    }
    fn members(&self) -> usize {
        self.len()
    }
    fn has(&self, name: &str) -> bool {
        self.contains_key(name)
    }
    fn sorted(&self) -> Vec<(&String, &T)> {
        let mut all: Vec<_> = self.iter().collect();
        all.sort_unstable_by(|a, b| a.0.cmp(b.0));
        all
    }
}

impl<T> StringMap<T> for BTreeMap<String, T> {
    fn put(&mut self, name: String, value: T) -> Result<(), String> {
        match self.entry(name) {
            std::collections::btree_map::Entry::Occupied(slot) => Err(slot.key().clone()),
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(value);
                Ok(())
            }
        }
    }
    fn members(&self) -> usize {
        self.len()
    }
    fn has(&self, name: &str) -> bool {
        self.contains_key(name)
    }
    fn sorted(&self) -> Vec<(&String, &T)> {
        self.iter().collect()
    }
}

/// `serde_json::Map<String, Value>`: an object of any members, a map like the others.
impl StringMap<Value> for Map<String, Value> {
    #[inline]
    fn put(&mut self, name: String, value: Value) -> Result<(), String> {
        match self.entry(name) {
            serde_json::map::Entry::Occupied(slot) => Err(slot.key().clone()),
            serde_json::map::Entry::Vacant(slot) => {
                slot.insert(value);
                Ok(())
            }
        }
    }
    #[inline]
    fn members(&self) -> usize {
        self.len()
    }
    #[inline]
    fn has(&self, name: &str) -> bool {
        self.contains_key(name)
    }
    #[inline]
    fn sorted(&self) -> Vec<(&String, &Value)> {
        let mut all: Vec<_> = self.iter().collect();
        all.sort_unstable_by(|a, b| a.0.cmp(b.0));
        all
    }
}

impl<R> Entries<R> {
    fn count_error(&self, n: usize) -> Option<Broken> {
        if n > self.max_len {
            Some(Broken::MaxMembers(self.max_len))
        } else if n < self.min_len {
            Some(Broken::MinMembers(self.min_len))
        } else {
            None
        }
    }

    /// Pushes every rule a member name breaks, at the map's path.
    pub(super) fn check_name(&self, name: &str, at: Path<'_>, out: &mut Vec<ValidationError>) {
        let mut found = Vec::new();
        self.key.check_str(name, Path::Root, &mut found);
        out.extend(found.into_iter().map(|e| {
            ValidationError::new(
                at.pointer(),
                e.static_code(),
                format!("a member name {}", e.message()),
            )
        }));
    }
}

/// Reads a member name, refusing one that breaks its rules.
struct NameSeed<'r, 'p> {
    rule: &'r Str,
    at: Path<'p>,
}

impl<'de> DeserializeSeed<'de> for NameSeed<'_, '_> {
    type Value = String;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for NameSeed<'_, '_> {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, "a member name", self.at)
    }
    #[inline]
    fn visit_str<E: de::Error>(self, s: &str) -> Result<String, E> {
        match self.rule.first_broken(s) {
            None => Ok(s.to_owned()),
            Some(what) => Err(refuse_member_name(self.at, what)),
        }
    }
    #[inline]
    fn visit_string<E: de::Error>(self, s: String) -> Result<String, E> {
        match self.rule.first_broken(&s) {
            None => Ok(s),
            Some(what) => Err(refuse_member_name(self.at, what)),
        }
    }
}

struct EntriesVisitor<'r, 'p, R, M, T> {
    rule: &'r Entries<R>,
    at: Path<'p>,
    marker: PhantomData<fn() -> (M, T)>,
}

impl<'de, R: Rule<T>, M: StringMap<T>, T> Visitor<'de> for EntriesVisitor<'_, '_, R, M, T> {
    type Value = M;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, "an object", self.at)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<M, A::Error> {
        let mut members = M::default();
        loop {
            if members.members() == self.rule.max_len {
                // One more member breaks the bound: stop at it, without reading the rest.
                return match map.next_key::<de::IgnoredAny>()? {
                    None => Ok(members),
                    Some(_) => Err(refuse(self.at, Broken::MaxMembers(self.rule.max_len))),
                };
            }
            let seed = NameSeed {
                rule: &self.rule.key,
                at: self.at,
            };
            let Some(name) = map.next_key_seed(seed)? else {
                break;
            };
            let at = self.at.key(&name);
            let value = map.next_value_seed(Seed::new(&self.rule.value, &at))?;
            if let Err(name) = members.put(name, value) {
                return Err(crate::de::duplicate_field(self.at.key(&name)));
            }
        }
        if members.members() < self.rule.min_len {
            return Err(refuse(self.at, Broken::MinMembers(self.rule.min_len)));
        }
        Ok(members)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<M, A::Error> {
        Err(de::Error::invalid_type(Unexpected::Other("array"), &self))
    }
    refuse_scalars!();
}

/// Collects an object under an [`Entries`] rule: every member is read and collected, past the
/// bounds too (the names of those that broke a rule kept, to find a name given twice).
struct EntriesCollect<'r, 'p, 'o, 'i, R, M, T> {
    rule: &'r Entries<R>,
    at: Path<'p>,
    out: &'o mut Collector<'i>,
    marker: PhantomData<fn() -> (M, T)>,
}

impl<'de, R: Rule<T>, M: StringMap<T>, T> Visitor<'de> for EntriesCollect<'_, '_, '_, '_, R, M, T> {
    type Value = Option<M>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(kind::OBJECT)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<M>, A::Error> {
        let before = self.out.len();
        let mut members = M::default();
        let mut refused: Vec<String> = Vec::new();
        let mut n = 0;
        while let Some(name) = map.next_key::<String>()? {
            self.out.go_on()?;
            let at = self.at.key(&name);
            if members.has(&name) || refused.contains(&name) {
                self.out.duplicate(&mut map, at)?;
                continue;
            }
            n += 1;
            let named = self.out.len();
            self.rule.check_name(&name, self.at, self.out.errors());
            let seed = Collect::new(&self.rule.value, &at, &mut *self.out);
            match map.next_value_seed(seed)? {
                Some(value) if self.out.len() == named => {
                    let _ = members.put(name, value);
                }
                _ => refused.push(name),
            }
        }
        if let Some(what) = self.rule.count_error(n) {
            self.out.push_before(before, counted(self.at, what, n));
        }
        Ok(self.out.held(before, members))
    }

    collect_refuse!(kind::OBJECT; visit_bool visit_i64 visit_u64 visit_f64 visit_str visit_unit visit_seq);
}

fn collect<'de, D: Deserializer<'de>, R: Rule<T>, M: StringMap<T>, T>(
    rule: &Entries<R>,
    d: D,
    at: Path<'_>,
    out: &mut Collector<'_>,
) -> Result<Option<M>, D::Error> {
    let asked = Cell::new(false);
    let members = EntriesCollect {
        rule,
        at,
        out: &mut *out,
        marker: PhantomData,
    };
    let read = Container::new(members, &asked).read(d);
    out.settle_container(read, &asked, at, kind::OBJECT)
}

fn read<'de, D: Deserializer<'de>, R: Rule<T>, M: StringMap<T>, T>(
    rule: &Entries<R>,
    d: D,
    at: Path<'_>,
) -> Result<M, D::Error> {
    d.deserialize_map(EntriesVisitor {
        rule,
        at,
        marker: PhantomData,
    })
    .map_err(shorten)
}

#[inline]
fn check<R: Rule<T>, M: StringMap<T>, T>(
    rule: &Entries<R>,
    value: &M,
    at: Path<'_>,
    out: &mut Vec<ValidationError>,
) {
    let n = value.members();
    if let Some(what) = rule.count_error(n) {
        push(out, at, what, n);
    }
    for (name, v) in value.sorted() {
        rule.check_name(name, at, out);
        rule.value.check(v, at.key(name), out);
    }
}

impl<R> Entries<R> {
    pub(super) fn schema_of<T>(&self, schemas: &mut SchemaGen) -> Map<String, Value>
    where
        R: Rule<T>,
    {
        let mut s = Map::new();
        s.insert("type".into(), "object".into());
        let mut names = <Str as Rule<String>>::schema(&self.key, schemas);
        names.remove("type");
        if !names.is_empty() {
            s.insert("propertyNames".into(), Value::Object(names));
        }
        // `{}` for the values says nothing: an object of any members is `{"type": "object"}`.
        let values = <R as Rule<T>>::schema(&self.value, schemas);
        if !values.is_empty() {
            s.insert("additionalProperties".into(), Value::Object(values));
        }
        if self.min_len > 0 {
            s.insert("minProperties".into(), self.min_len.into());
        }
        if self.max_len != usize::MAX {
            s.insert("maxProperties".into(), self.max_len.into());
        }
        s
    }
}

impl<T, S: BuildHasher + Default, R: Rule<T>> Rule<HashMap<String, T, S>> for Entries<R> {
    fn read<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
    ) -> Result<HashMap<String, T, S>, D::Error> {
        read(self, d, at)
    }
    #[inline]
    fn check(&self, value: &HashMap<String, T, S>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        check(self, value, at, out);
    }
    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        self.schema_of::<T>(schemas)
    }
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<HashMap<String, T, S>>, D::Error> {
        collect(self, d, at, out)
    }
}

impl<T, R: Rule<T>> Rule<BTreeMap<String, T>> for Entries<R> {
    fn read<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
    ) -> Result<BTreeMap<String, T>, D::Error> {
        read(self, d, at)
    }
    #[inline]
    fn check(&self, value: &BTreeMap<String, T>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        check(self, value, at, out);
    }
    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        self.schema_of::<T>(schemas)
    }
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<BTreeMap<String, T>>, D::Error> {
        collect(self, d, at, out)
    }
}

impl<R: Rule<Value>> Rule<Map<String, Value>> for Entries<R> {
    fn read<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
    ) -> Result<Map<String, Value>, D::Error> {
        read(self, d, at)
    }
    #[inline]
    fn check(&self, value: &Map<String, Value>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        check(self, value, at, out);
    }
    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        self.schema_of::<Value>(schemas)
    }
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<Map<String, Value>>, D::Error> {
        collect(self, d, at, out)
    }
}
