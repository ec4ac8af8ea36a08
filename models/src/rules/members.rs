//! The members of a struct's object as a whole: how many it has (`min_members`,
//! `max_members`), and names it must not have (`forbid`).
//!
//! The derive writes one [`MemberRules`] constant for a struct with any of these, and only
//! then: a struct without them counts nothing and looks up no forbidden name.
//!
//! - Reading, the struct's loop counts every member it meets (its fields, a `null` among them,
//!   the members of flattened models and maps, and the unknown members it skips, a member given
//!   twice twice) in a [`Tally`] kept in the struct's state, and the count is held to the
//!   bounds once the object ends, before the presence rules. A forbidden name is found by the
//!   key lookup, after the fields' names, and gets an index of its own
//!   ([`MemberRules::is_forbidden`]): the reader refuses it, whatever its value; `from_json`
//!   lists it at its own pointer, skips its value and reads on.
//! - `validate()` counts the members the value writes: its fields that are written (a `None`
//!   left out is not counted; one written as `null` is), its flattened models' and its
//!   flattened map's entries. Unknown members were skipped when the value was read, so the
//!   value does not hold them and they are not counted; nor is a `null` that an `Option<T>`
//!   read as `None`. (So a value read from a document that `min_members` accepts can hold
//!   fewer members, which `validate()` reports.) A forbidden name can only be held by a
//!   flattened map (a field cannot have one: the derive refuses it), and is reported there.
//! - The schema: `minProperties`, `maxProperties`, and each forbidden name under `properties`
//!   as `false`.
//!
//! Violations: `forbidden` at the member's pointer, `min_members` and `max_members` at the
//! object's. Messages name the bounds and the count, never a value.

use serde::de::{self, IgnoredAny, MapAccess};
use serde::ser::{Serialize, SerializeMap};
use serde_json::{Map, Value};

use super::presence::Refusal;
use crate::code::Code;
use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::Path;

/// A struct's rules on its members as a whole.
#[derive(Clone, Copy, Debug)]
pub struct MemberRules {
    /// `min_members`: the fewest members the object may have.
    pub min: Option<usize>,
    /// `max_members`: the most members the object may have.
    pub max: Option<usize>,
    /// `forbid`: names no member may have, as written.
    pub forbidden: &'static [&'static str],
    /// The same names escaped as JSON Pointer tokens.
    pub tokens: &'static [&'static str],
}

/// What the struct's loop has seen of its members so far.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
    members: usize,
    forbidden: bool,
}

impl Tally {
    /// Nothing seen yet.
    #[inline]
    pub const fn new() -> Tally {
        Tally {
            members: 0,
            forbidden: false,
        }
    }

    /// One more member.
    #[inline]
    pub fn count(&mut self) {
        self.members += 1;
    }

    /// How many members were counted.
    #[inline]
    pub fn members(&self) -> usize {
        self.members
    }
}

/// Where the indexes of forbidden names start: far past any index of a field or of a member
/// of a flattened model.
const FORBIDDEN: usize = usize::MAX / 2;

impl MemberRules {
    /// The index of the member `name`: the field's, by `fields` (the struct's own lookup),
    /// or, for a name no field declares, a forbidden name's ([`MemberRules::is_forbidden`]).
    #[inline]
    pub fn index(&self, name: &[u8], fields: impl Fn(&[u8]) -> Option<usize>) -> Option<usize> {
        match fields(name) {
            Some(i) => Some(i),
            None => self.forbidden_index(name),
        }
    }

    fn forbidden_index(&self, name: &[u8]) -> Option<usize> {
        let k = self.forbidden.iter().position(|f| f.as_bytes() == name)?;
        Some(FORBIDDEN + k)
    }

    /// Whether `index` is that of a forbidden name.
    #[inline]
    pub const fn is_forbidden(index: usize) -> bool {
        index >= FORBIDDEN
    }

    /// The reader: the error for the forbidden member of index `index`, in the object at `at`.
    #[cold]
    #[inline(never)]
    pub fn refuse_forbidden<E: de::Error>(&self, index: usize, at: Path<'_>) -> E {
        E::custom(Refusal(&self.forbidden_error(index - FORBIDDEN, at)))
    }

    /// `from_json`: lists the forbidden member of index `index` and skips its value.
    #[cold]
    #[inline(never)]
    pub fn collect_forbidden<'de, A: MapAccess<'de>>(
        &self,
        index: usize,
        map: &mut A,
        at: Path<'_>,
        tally: &mut Tally,
        out: &mut Collector<'_>,
    ) -> Result<(), A::Error> {
        out.push(self.forbidden_error(index - FORBIDDEN, at));
        tally.forbidden = true;
        map.next_value::<IgnoredAny>().map(drop)
    }

    fn forbidden_error(&self, k: usize, at: Path<'_>) -> ValidationError {
        ValidationError::at(
            at.field(self.tokens[k]),
            Code::Forbidden.as_str(),
            "must not be present",
        )
    }

    /// Whether `count` members keep the bounds.
    #[inline]
    fn counted(&self, count: usize) -> bool {
        self.min.is_none_or(|min| count >= min) && self.max.is_none_or(|max| count <= max)
    }

    /// The broken bound, with `count` members.
    #[cold]
    fn count_error(&self, count: usize, at: Path<'_>) -> Option<ValidationError> {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let (code, message) = match (self.min, self.max) {
            (Some(min), _) if count < min => (
                Code::MinMembers,
                format!("must have at least {min} member{}", plural(min)),
            ),
            (_, Some(max)) if count > max => (
                Code::MaxMembers,
                format!("must have at most {max} member{}", plural(max)),
            ),
            _ => return None,
        };
        let message = format!("{message}, got {count}");
        Some(ValidationError::at(at, code.as_str(), &message))
    }

    /// The reader, once the object ends: refuses a count of members out of the bounds.
    #[inline]
    pub fn refuse<E: de::Error>(&self, tally: Tally, at: Path<'_>) -> Result<(), E> {
        if self.counted(tally.members) {
            return Ok(());
        }
        Err(self.refuse_count(tally.members, at))
    }

    #[cold]
    #[inline(never)]
    fn refuse_count<E: de::Error>(&self, count: usize, at: Path<'_>) -> E {
        match self.count_error(count, at) {
            Some(e) => E::custom(Refusal(&e)),
            None => E::custom("the member rules broke"),
        }
    }

    /// `from_json`, once the object ends: lists a count out of the bounds; whether the
    /// members held (no forbidden one was met either: that one is listed already).
    #[inline]
    pub fn collect(&self, tally: Tally, at: Path<'_>, out: &mut Collector<'_>) -> bool {
        if self.counted(tally.members) {
            return !tally.forbidden;
        }
        if let Some(e) = self.count_error(tally.members, at) {
            out.push(e);
        }
        false
    }

    /// `validate()`: the members `value` writes (see the module's documentation), each
    /// forbidden one reported at its pointer, then a count out of the bounds at `at`.
    pub fn check<T: super::Flat>(&self, value: &T, at: Path<'_>, out: &mut Vec<ValidationError>) {
        let mut walk = Walk {
            rules: self,
            members: 0,
            found: Vec::new(),
        };
        // The walk itself never fails.
        let _ = value.write(&mut walk);
        for k in walk.found {
            out.push(self.forbidden_error(k, at));
        }
        if !self.counted(walk.members) {
            out.extend(self.count_error(walk.members, at));
        }
    }

    /// The object's schema with the rules added: each forbidden name under `properties` as
    /// `false`, after the properties there, then `minProperties` and `maxProperties`.
    pub fn schema(&self, mut schema: Map<String, Value>) -> Map<String, Value> {
        if !self.forbidden.is_empty() {
            let properties = schema
                .entry("properties")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(properties) = properties {
                for name in self.forbidden {
                    properties.insert((*name).to_owned(), Value::Bool(false));
                }
            }
        }
        if let Some(min) = self.min {
            schema.insert("minProperties".into(), min.into());
        }
        if let Some(max) = self.max {
            schema.insert("maxProperties".into(), max.into());
        }
        schema
    }
}

/// The map a value is written into by `validate()`: it counts the entries and looks for the
/// forbidden names among the names, and writes no value.
struct Walk<'r> {
    rules: &'r MemberRules,
    members: usize,
    /// The forbidden names met, by index into [`MemberRules::forbidden`].
    found: Vec<usize>,
}

impl SerializeMap for Walk<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_key<K: ?Sized + Serialize>(&mut self, key: &K) -> Result<(), Self::Error> {
        self.members += 1;
        if !self.rules.forbidden.is_empty() {
            // A name is a string: anything else is no forbidden name.
            if let Ok(Value::String(name)) = key.serialize(serde_json::value::Serializer) {
                if let Some(i) = self.rules.forbidden_index(name.as_bytes()) {
                    self.found.push(i - FORBIDDEN);
                }
            }
        }
        Ok(())
    }

    fn serialize_value<V: ?Sized + Serialize>(&mut self, _: &V) -> Result<(), Self::Error> {
        Ok(())
    }

    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const RULES: MemberRules = MemberRules {
        min: Some(1),
        max: Some(2),
        forbidden: &["x", "a/b"],
        tokens: &["x", "a~1b"],
    };

    fn fields(name: &[u8]) -> Option<usize> {
        (name == b"f").then_some(0)
    }

    #[test]
    fn a_forbidden_name_is_looked_up_after_the_fields_and_has_an_index_of_its_own() {
        assert_eq!(RULES.index(b"f", fields), Some(0));
        assert_eq!(RULES.index(b"g", fields), None);
        let x = RULES.index(b"x", fields).unwrap();
        let ab = RULES.index(b"a/b", fields).unwrap();
        assert!(MemberRules::is_forbidden(x) && MemberRules::is_forbidden(ab));
        assert!(!MemberRules::is_forbidden(0) && !MemberRules::is_forbidden(1000));
        let root = Path::Root;
        let at = root.field("o");
        let e: serde_json::Error = RULES.refuse_forbidden(ab, at);
        assert_eq!(e.to_string(), "/o/a~1b: forbidden: must not be present");
        let e: serde_json::Error = RULES.refuse_forbidden(x, Path::Root);
        assert_eq!(e.to_string(), "/x: forbidden: must not be present");
    }

    #[test]
    fn counts_out_of_the_bounds_are_refused_and_listed() {
        let tally = |n: usize| Tally {
            members: n,
            forbidden: false,
        };
        assert!(
            RULES
                .refuse::<serde_json::Error>(tally(1), Path::Root)
                .is_ok()
        );
        assert!(
            RULES
                .refuse::<serde_json::Error>(tally(2), Path::Root)
                .is_ok()
        );
        let e = RULES
            .refuse::<serde_json::Error>(tally(0), Path::Root)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "(root): min_members: must have at least 1 member, got 0"
        );
        let e = RULES
            .refuse::<serde_json::Error>(tally(3), Path::Root)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "(root): max_members: must have at most 2 members, got 3"
        );
        let mut out = Collector::new();
        assert!(RULES.collect(tally(2), Path::Root, &mut out));
        assert!(!RULES.collect(tally(5), Path::Root, &mut out));
        assert_eq!(out.len(), 1);
        // A forbidden member met: not held, and listed already, so nothing more.
        let met = Tally {
            members: 1,
            forbidden: true,
        };
        assert!(!RULES.collect(met, Path::Root, &mut out));
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn a_tally_counts_each_member() {
        let mut tally = Tally::new();
        for _ in 0..3 {
            tally.count();
        }
        assert_eq!(tally.members(), 3);
    }

    #[test]
    fn the_schema_says_the_same() {
        let mut object = Map::new();
        object.insert("properties".into(), json!({"f": {"type": "string"}}));
        assert_eq!(
            Value::Object(RULES.schema(object)),
            json!({
                "properties": {"f": {"type": "string"}, "x": false, "a/b": false},
                "minProperties": 1,
                "maxProperties": 2,
            })
        );
        const ONLY_MAX: MemberRules = MemberRules {
            min: None,
            max: Some(0),
            forbidden: &[],
            tokens: &[],
        };
        assert_eq!(
            Value::Object(ONLY_MAX.schema(Map::new())),
            json!({"maxProperties": 0})
        );
    }
}
