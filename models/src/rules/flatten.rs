//! Flattened fields.
//!
//! - A map (`#[model(flatten)] extra: BTreeMap<String, V>`) takes every member the struct does
//!   not declare, each name held to `keys(...)` and each value to `values(...)`, read in the
//!   struct's own loop as the members come, with nothing buffered.
//! - A struct model (`#[model(flatten)] common: Common`) takes the members it declares: each
//!   is read into the model's part of the struct's state as the struct's loop meets it (see
//!   [`Flat`]), with nothing buffered.

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::entries::{Entries, StringMap};
use super::refusal::refuse_member_name;
use super::{Rule, Seed};
use crate::collect::{Collect, Collector};
use crate::de::Key;
use crate::path::Path;

/// A member of a struct with a flattened map: one of its fields, by index, or another member,
/// by name, for the map.
#[derive(Debug, PartialEq, Eq)]
pub enum Member {
    /// The field of this index.
    Field(usize),
    /// A member no field declares.
    Other(String),
}

/// The seed of a member name for a struct with a flattened map: reading, and, with a
/// collector, collecting (which also stops the read at the error limit).
pub struct MemberOrName<'k, 'p, 'o, 'i, F> {
    key: &'k Key<'p, F>,
    out: Option<&'o mut Collector<'i>>,
}

impl<'k, 'p, 'o, 'i, F: Fn(&[u8]) -> Option<usize>> MemberOrName<'k, 'p, 'o, 'i, F> {
    /// The seed of the reader.
    #[inline]
    pub fn read(key: &'k Key<'p, F>) -> Self {
        MemberOrName { key, out: None }
    }

    /// The seed of the collection.
    #[inline]
    pub fn collect(key: &'k Key<'p, F>, out: &'o mut Collector<'i>) -> Self {
        MemberOrName {
            key,
            out: Some(out),
        }
    }

    /// The field `name` is, if any.
    #[inline]
    fn find<E: de::Error>(self, name: &[u8]) -> Result<Option<usize>, E> {
        if let Some(out) = self.out {
            out.go_on()?;
        }
        Ok(self.key.index(name))
    }
}

impl<'de, F: Fn(&[u8]) -> Option<usize>> DeserializeSeed<'de> for MemberOrName<'_, '_, '_, '_, F> {
    type Value = Member;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Member, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de, F: Fn(&[u8]) -> Option<usize>> Visitor<'de> for MemberOrName<'_, '_, '_, '_, F> {
    type Value = Member;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Member, E> {
        Ok(match self.find(v.as_bytes())? {
            Some(i) => Member::Field(i),
            None => Member::Other(v.to_owned()),
        })
    }
    #[inline]
    fn visit_string<E: de::Error>(self, v: String) -> Result<Member, E> {
        // A name with escapes arrives owned: it moves into the map as it is.
        Ok(match self.find(v.as_bytes())? {
            Some(i) => Member::Field(i),
            None => Member::Other(v),
        })
    }
}

/// What a flattened map has gathered while its struct is collected: the members that held,
/// and the names of those that broke a rule (to tell a name given twice).
#[derive(Debug, Default)]
pub struct Gathered<M> {
    /// The members that held.
    pub members: M,
    refused: Vec<String>,
    broken: bool,
}

impl<M> Gathered<M> {
    /// The map, or `None` when a member broke a rule (listed already).
    #[inline]
    pub fn finish(self) -> Option<M> {
        (!self.broken).then_some(self.members)
    }
}

impl<R> Entries<R> {
    /// Reads the value of the member `name`, which no field of the struct at `at` declares,
    /// into `members`: the first broken rule (of the name, at the struct's pointer; of the
    /// value, at the member's) refuses the struct.
    #[inline]
    pub fn read_flat<'de, A: MapAccess<'de>, M: StringMap<T>, T>(
        &self,
        map: &mut A,
        name: String,
        at: Path<'_>,
        members: &mut M,
    ) -> Result<(), A::Error>
    where
        R: Rule<T>,
    {
        if let Some(what) = self.key.first_broken(&name) {
            return Err(refuse_member_name(at, what));
        }
        let member = at.key(&name);
        let value = map.next_value_seed(Seed::new(&self.value, &member))?;
        match members.put(name, value) {
            Ok(()) => Ok(()),
            Err(name) => Err(crate::de::duplicate_field(at.key(&name))),
        }
    }

    /// Collects the value of the member `name` into `gathered`, listing every rule it breaks
    /// and reading on.
    #[inline]
    pub fn collect_flat<'de, A: MapAccess<'de>, M: StringMap<T>, T>(
        &self,
        map: &mut A,
        name: String,
        at: Path<'_>,
        gathered: &mut Gathered<M>,
        out: &mut Collector<'_>,
    ) -> Result<(), A::Error>
    where
        R: Rule<T>,
    {
        let member = at.key(&name);
        if gathered.members.has(&name) || gathered.refused.contains(&name) {
            return out.duplicate(map, member);
        }
        let before = out.len();
        self.check_name(&name, at, out.errors());
        let seed = Collect::new(&self.value, &member, &mut *out);
        match map.next_value_seed(seed)? {
            Some(value) if out.len() == before => {
                let _ = gathered.members.put(name, value);
            }
            _ => {
                gathered.broken = true;
                gathered.refused.push(name);
            }
        }
        Ok(())
    }
}

/// A struct model, read member by member into a state of its own: by its own visitor, and by
/// the visitor of a struct that flattens it, which hands it the members it declares as it
/// meets them, by index, with nothing buffered. The derive implements it for every struct.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be flattened: `flatten` takes a map, or a struct that derives `Model`",
    label = "not a struct that derives `Model`"
)]
pub trait Flat: crate::Model {
    /// The wire names of the struct's own fields, in declaration order: the indexes `0..`
    /// that [`Flat::index`] gives them.
    ///
    /// Only a struct that flattens this one reads it. A struct with rules on its object as a
    /// whole (`min_members`, `max_members`, `forbid`) cannot be flattened, since its members
    /// would be another object's: its `NAMES` panics when evaluated, with a message that says
    /// so, which makes flattening it a compile error.
    const NAMES: &'static [&'static str];

    /// Whether the struct flattens a field itself (then it cannot be flattened: its members
    /// are not all in [`Flat::NAMES`]).
    const FLATTENS: bool;

    /// What has been read so far.
    type Read;

    /// What has been collected so far.
    type Collected;

    /// The state before the first member is read.
    fn new_read() -> Self::Read;

    /// The state before the first member is collected.
    fn new_collected() -> Self::Collected;

    /// The index of the member `name`; `None` when the struct does not declare it.
    fn index(name: &[u8]) -> Option<usize>;

    /// Reads the value of the member of index `i` of the object at `at`: the first broken
    /// rule refuses it.
    fn read<'de, A: MapAccess<'de>>(
        state: &mut Self::Read,
        i: usize,
        map: &mut A,
        at: &Path<'_>,
    ) -> Result<(), A::Error>;

    /// The struct from the members read: an absent one takes its default, or is missing.
    fn finish<E: de::Error>(state: Self::Read, at: &Path<'_>) -> Result<Self, E>;

    /// Collects the value of the member of index `i`, listing every rule it breaks.
    fn collect<'de, A: MapAccess<'de>>(
        state: &mut Self::Collected,
        i: usize,
        map: &mut A,
        at: &Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<(), A::Error>;

    /// The struct from the members collected, or `None` when any broke a rule (listed).
    fn collect_finish(
        state: Self::Collected,
        at: &Path<'_>,
        out: &mut Collector<'_>,
    ) -> Option<Self>;

    /// Writes the struct's members into `state`, the map of the struct being written: its
    /// own, or that of a struct that flattens it.
    fn write<M: serde::ser::SerializeMap>(&self, state: &mut M) -> Result<(), M::Error>;
}

/// Whether two lists of member names share one: what a struct and the models it flattens must
/// not do, checked when the program compiles.
pub const fn names_clash(a: &[&str], b: &[&str]) -> bool {
    let mut i = 0;
    while i < a.len() {
        let mut j = 0;
        while j < b.len() {
            if same(a[i].as_bytes(), b[j].as_bytes()) {
                return true;
            }
            j += 1;
        }
        i += 1;
    }
    false
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A struct's object schema with a flattened model's properties and `required` after its own,
/// and its presence rules (`dependentRequired`, and the choices under `oneOf`, `anyOf` or
/// `allOf`) beside the struct's.
#[inline]
pub fn merge_flat(
    mut schema: serde_json::Map<String, serde_json::Value>,
    mut inner: serde_json::Map<String, serde_json::Value>,
) -> serde_json::Map<String, serde_json::Value> {
    use serde_json::Value;
    if let (Some(Value::Object(props)), Some(Value::Object(more))) =
        (schema.get_mut("properties"), inner.remove("properties"))
    {
        props.extend(more);
    }
    if let Some(Value::Array(more)) = inner.remove("required") {
        match schema.get_mut("required") {
            Some(Value::Array(required)) => required.extend(more),
            _ => {
                schema.insert("required".into(), Value::Array(more));
            }
        }
    }
    super::presence::merge(&mut schema, &mut inner);
    schema
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Num, Str};
    use std::collections::BTreeMap;

    const NAMES: &[&str] = &["a"];

    fn index(name: &[u8]) -> Option<usize> {
        (name == b"a").then_some(0)
    }

    #[test]
    fn names_clash_only_when_one_is_in_both() {
        const A: &[&str] = &["a", "bc"];
        assert!(names_clash(A, &["x", "bc"]));
        assert!(!names_clash(A, &["b", "abc", "c"]));
        assert!(!names_clash(A, &[]));
    }

    #[test]
    fn a_declared_name_is_a_field_and_any_other_is_kept_by_name() {
        let root = Path::Root;
        let key = Key::new(index, NAMES, false, &root);
        let read =
            |s: &str| MemberOrName::read(&key).deserialize(serde_json::Value::String(s.into()));
        assert_eq!(read("a").unwrap(), Member::Field(0));
        assert_eq!(read("b\n").unwrap(), Member::Other("b\n".into()));
    }

    #[test]
    fn names_and_values_keep_their_rules() {
        let rule = Entries {
            key: Str {
                min_len: 0,
                max_len: 2,
                charset: None,
                patterns: None,
                format: None,
            },
            value: Num::<u8> {
                min: None,
                max: Some(5),
                exclusive_min: None,
                exclusive_max: None,
                multiple_of: None,
            },
            min_len: 0,
            max_len: usize::MAX,
        };
        let text = r#"{"xy": 5, "long": 1, "z": 9}"#;
        let mut de = serde_json::Deserializer::from_str(text);
        struct V<'r>(&'r Entries<Num<u8>>);
        impl<'de> Visitor<'de> for V<'_> {
            type Value = Vec<String>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
                let mut out = Collector::new();
                let mut gathered = Gathered::<BTreeMap<String, u8>>::default();
                while let Some(name) = map.next_key::<String>()? {
                    self.0
                        .collect_flat(&mut map, name, Path::Root, &mut gathered, &mut out)?;
                }
                assert!(gathered.finish().is_none());
                Ok(out
                    .errors()
                    .iter()
                    .map(|e| format!("{} {}", e.path(), e.code()))
                    .collect())
            }
        }
        let found = de.deserialize_map(V(&rule)).unwrap();
        assert_eq!(found, [" max_len", "/z max"]);
    }
}
