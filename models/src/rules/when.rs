//! `when` on a struct: when one member holds one of some values, other members must be present
//! (`required`), or must not all be present (`not_all`; with one member, it must be absent).
//! JSON Schema's `if` / `then`, as a document writes "when `kind` is `"jsonata"`, `fileFormat`
//! is required":
//!
//! ```json
//! {"if": {"properties": {"kind": {"const": "jsonata"}}, "required": ["kind"]},
//!  "then": {"required": ["fileFormat"]}}
//! ```
//!
//! The condition holds when the member is present and its value equals one of the values, as
//! JSON Schema compares them (numbers by their mathematical value: `1` is `1.0`); an absent
//! member, or a `null`, makes it say nothing. The derive tells [`When::matches`] the field's
//! value as built, which compares what the field writes (its `Serialize`) to the values, with
//! nothing written anywhere; the rest is the other presence rules' machinery (see
//! [`presence`](super::presence)): whether each member is present, then whether each `when`'s
//! condition holds, in one array of `bool`s.
//!
//! A broken `required` is listed at each absent member's pointer, as `requires` is; a broken
//! `not_all` at the object's, as `not_all_of` is; both with code `when`, at their place among
//! the rules on the object as written. Messages name the member of the condition and its values
//! (the derive refuses a condition on a secret field), and the members; never a value of the
//! document.

use serde::ser::{self, Serialize, Serializer};
use serde_json::{Map, Value};

use super::presence::{All, Presence, PresenceRules, PresenceSet};
use super::value_enum::Literal;
use crate::errors::ValidationError;
use crate::path::Path;

/// `when(kind = "a" | "b", required(x, y))` or `when(kind = "a", not_all(x))` on a struct.
#[derive(Clone, Copy, Debug)]
pub struct When {
    /// Its place among the struct's `required_one_of`, `required_any_of`, `not_all_of` and
    /// `when`, as written: where its violations are listed and its schema goes.
    pub at: usize,
    /// The member the condition reads, by wire name.
    pub member: &'static str,
    /// The values of which the member holds one when the condition holds.
    pub values: &'static [Literal],
    /// `required` (each of `members` present) or `not_all` (not each of them present).
    pub required: bool,
    /// The members of the consequence, by index into [`Presence::names`].
    pub members: &'static [usize],
}

/// The presence rules of a struct with `when`: its [`PresenceRules`] and its `when` rules, in
/// the order written.
///
/// The `present` array its functions ([`PresenceSet`]) take holds whether each of
/// [`Presence::names`] is present, then whether each `when`'s condition holds
/// ([`When::matches`]), in order.
#[derive(Clone, Copy, Debug)]
pub struct WhenRules {
    pub rules: PresenceRules,
    pub when: &'static [When],
}

impl When {
    /// Whether the condition holds for a field's value as built (`self.kind`): what it
    /// writes is one of the values. An `Option`'s `None` writes nothing, or `null`, which is
    /// none of them.
    #[inline]
    pub fn matches<T: Serialize + ?Sized>(&self, value: &T) -> bool {
        value
            .serialize(Equals {
                values: self.values,
            })
            .unwrap_or(false)
    }

    /// [`When::matches`] for a member as the collection holds it: given and held (`Some(Some)`);
    /// one absent says nothing, and one its own rule refused is listed already.
    #[inline]
    pub fn matches_read<T: Serialize>(&self, slot: &Option<Option<T>>) -> bool {
        match slot {
            Some(Some(value)) => self.matches(value),
            _ => false,
        }
    }

    /// Whether the rule holds, given whether its condition does.
    #[inline]
    pub(super) fn holds(&self, matched: bool, present: &[bool]) -> bool {
        !matched || self.required == self.members.iter().all(|&i| present[i])
    }

    /// The condition as messages name it: `` `kind` is "a" `` or `` `kind` is one of "a", "b" ``.
    fn condition(&self) -> String {
        let texts: Vec<String> = self
            .values
            .iter()
            .map(|v| v.to_json().to_string())
            .collect();
        match texts.as_slice() {
            [one] => format!("`{}` is {one}", self.member),
            _ => format!("`{}` is one of {}", self.member, texts.join(", ")),
        }
    }

    /// Every violation of a rule that broke (its condition holds, and its consequence does
    /// not): each absent member of `required` at its own pointer, or `not_all` at the
    /// object's.
    pub(super) fn broken(
        &self,
        rules: &Presence,
        present: &[bool],
        at: Path<'_>,
        out: &mut Vec<ValidationError>,
    ) {
        let code = crate::code::Code::When.as_str();
        if self.required {
            let message = format!("is required when {}", self.condition());
            for &i in self.members.iter().filter(|&&i| !present[i]) {
                out.push(ValidationError::at(
                    at.field(rules.tokens[i]),
                    code,
                    &message,
                ));
            }
            return;
        }
        let message = match self.members {
            [one] => format!(
                "must not hold `{}` when {}",
                rules.names[*one],
                self.condition()
            ),
            _ => {
                let names: Vec<String> = self
                    .members
                    .iter()
                    .map(|&i| format!("`{}`", rules.names[i]))
                    .collect();
                format!(
                    "must not hold all of {} at once when {}; each is present",
                    names.join(", "),
                    self.condition()
                )
            }
        };
        out.push(ValidationError::at(at, code, &message));
    }

    /// The rule's part of the schema: `if` the member holds one of the values (`const`, or
    /// `enum` for several) and is present, `then` the members are `required`, or `not` all.
    pub(super) fn schema(&self, rules: &Presence) -> Map<String, Value> {
        let mut value = Map::new();
        match self.values {
            [one] => value.insert("const".into(), one.to_json()),
            _ => value.insert(
                "enum".into(),
                Value::Array(self.values.iter().map(|v| v.to_json()).collect()),
            ),
        };
        let mut properties = Map::new();
        properties.insert(self.member.to_owned(), Value::Object(value));
        let mut condition = Map::new();
        condition.insert("properties".into(), Value::Object(properties));
        condition.insert("required".into(), Value::Array(vec![self.member.into()]));
        let names = self.members.iter().map(|&i| rules.names[i].into());
        let mut required = Map::new();
        required.insert("required".into(), Value::Array(names.collect()));
        let consequence = if self.required {
            required
        } else {
            let mut not = Map::new();
            not.insert("not".into(), Value::Object(required));
            not
        };
        let mut part = Map::new();
        part.insert("if".into(), Value::Object(condition));
        part.insert("then".into(), Value::Object(consequence));
        part
    }
}

impl PresenceSet for WhenRules {
    #[inline]
    fn holds(&self, present: &[bool]) -> bool {
        let conditions = &present[self.rules.presence.names.len()..];
        self.rules.holds(present)
            && self
                .when
                .iter()
                .zip(conditions)
                .all(|(w, &matched)| w.holds(matched, present))
    }

    fn all(&self) -> All<'_> {
        All {
            presence: &self.rules.presence,
            not_all_of: self.rules.not_all_of,
            when: self.when,
        }
    }
}

/// A `Serializer` that writes nothing: it tells whether the value it is given is one of
/// `values`, as JSON compares them. What is not a string, a number or a boolean (`null`, an
/// array, an object) is none of them.
struct Equals<'v> {
    values: &'v [Literal],
}

/// What [`Equals`] returns on a value's own error (a `Serialize` that fails): the condition
/// does not hold.
#[derive(Debug)]
struct NoValue;

impl core::fmt::Display for NoValue {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("the value could not be written")
    }
}

impl std::error::Error for NoValue {}

impl ser::Error for NoValue {
    fn custom<T: core::fmt::Display>(_: T) -> Self {
        NoValue
    }
}

impl Equals<'_> {
    fn str(&self, s: &str) -> bool {
        self.values
            .iter()
            .any(|v| matches!(v, Literal::Str(x) if *x == s))
    }

    fn int(&self, v: i128) -> bool {
        self.values.iter().any(|l| l.is_int(v))
    }

    fn float(&self, v: f64) -> bool {
        v.is_finite() && self.values.iter().any(|l| l.is_float(v))
    }
}

/// The arrays and objects a value writes: none equals a value of a condition.
struct Other;

macro_rules! other {
    ($($trait:ident { $($method:ident($($arg:ident: $ty:ty),*);)* })*) => {
        $(
            impl ser::$trait for Other {
                type Ok = bool;
                type Error = NoValue;
                $(
                    fn $method<T: Serialize + ?Sized>(&mut self, $(_: $ty),*) -> Result<(), NoValue> {
                        Ok(())
                    }
                )*
                fn end(self) -> Result<bool, NoValue> {
                    Ok(false)
                }
            }
        )*
    };
}

other! {
    SerializeSeq { serialize_element(value: &T); }
    SerializeTuple { serialize_element(value: &T); }
    SerializeTupleStruct { serialize_field(value: &T); }
    SerializeTupleVariant { serialize_field(value: &T); }
    SerializeMap { serialize_key(key: &T); serialize_value(value: &T); }
    SerializeStruct { serialize_field(key: &'static str, value: &T); }
    SerializeStructVariant { serialize_field(key: &'static str, value: &T); }
}

impl Serializer for Equals<'_> {
    type Ok = bool;
    type Error = NoValue;
    type SerializeSeq = Other;
    type SerializeTuple = Other;
    type SerializeTupleStruct = Other;
    type SerializeTupleVariant = Other;
    type SerializeMap = Other;
    type SerializeStruct = Other;
    type SerializeStructVariant = Other;

    fn serialize_bool(self, v: bool) -> Result<bool, NoValue> {
        Ok(self.values.contains(&Literal::Bool(v)))
    }
    fn serialize_i8(self, v: i8) -> Result<bool, NoValue> {
        Ok(self.int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<bool, NoValue> {
        Ok(self.int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<bool, NoValue> {
        Ok(self.int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<bool, NoValue> {
        Ok(self.int(v.into()))
    }
    fn serialize_i128(self, v: i128) -> Result<bool, NoValue> {
        Ok(self.int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<bool, NoValue> {
        Ok(self.int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<bool, NoValue> {
        Ok(self.int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<bool, NoValue> {
        Ok(self.int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<bool, NoValue> {
        Ok(self.int(v.into()))
    }
    fn serialize_u128(self, v: u128) -> Result<bool, NoValue> {
        // Past `i128`, no integer of a condition (at most `u64::MAX`).
        Ok(i128::try_from(v).is_ok_and(|v| self.int(v)))
    }
    fn serialize_f32(self, v: f32) -> Result<bool, NoValue> {
        // Written as the shortest decimal that reads back as `v` (`0.1`, not
        // `0.100000001490116`), which is the number a reader of the document sees.
        if !v.is_finite() {
            return Ok(false);
        }
        let written = format!("{v:?}").parse::<f64>().unwrap_or(f64::NAN);
        Ok(self.float(written))
    }
    fn serialize_f64(self, v: f64) -> Result<bool, NoValue> {
        Ok(self.float(v))
    }
    fn serialize_char(self, v: char) -> Result<bool, NoValue> {
        Ok(self.str(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<bool, NoValue> {
        Ok(self.str(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<bool, NoValue> {
        Ok(false)
    }
    fn serialize_none(self) -> Result<bool, NoValue> {
        Ok(false)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<bool, NoValue> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<bool, NoValue> {
        Ok(false)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<bool, NoValue> {
        Ok(false)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<bool, NoValue> {
        Ok(self.str(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<bool, NoValue> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<bool, NoValue> {
        Ok(false)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Other, NoValue> {
        Ok(Other)
    }
    fn serialize_tuple(self, _: usize) -> Result<Other, NoValue> {
        Ok(Other)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Other, NoValue> {
        Ok(Other)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Other, NoValue> {
        Ok(Other)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Other, NoValue> {
        Ok(Other)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Other, NoValue> {
        Ok(Other)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Other, NoValue> {
        Ok(Other)
    }
    fn collect_str<T: core::fmt::Display + ?Sized>(self, value: &T) -> Result<bool, NoValue> {
        Ok(self.str(&value.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collect::Collector;
    use crate::rules::{Choice, NotAllOf, Presence, PresenceRules, Requires};
    use serde_json::json;

    fn when(values: &'static [Literal]) -> When {
        When {
            at: 0,
            member: "kind",
            values,
            required: true,
            members: &[0],
        }
    }

    #[test]
    fn a_value_matches_as_it_is_written() {
        let w = when(&[Literal::Str("a"), Literal::Int(2), Literal::Bool(true)]);
        assert!(w.matches("a"));
        assert!(w.matches(&String::from("a")));
        assert!(!w.matches("b"));
        assert!(w.matches(&'a'));
        assert!(w.matches(&true) && !w.matches(&false));
        // Numbers by value, whatever their type.
        assert!(w.matches(&2u8) && w.matches(&2i64) && w.matches(&2u128) && w.matches(&2.0f64));
        assert!(w.matches(&2.0f32) && !w.matches(&2.5f64) && !w.matches(&-2i32));
        assert!(!w.matches(&f64::NAN) && !w.matches(&u128::MAX));
        // `None` writes nothing, `Some(None)` a `null`: no value of the condition.
        assert!(w.matches(&Some("a")) && w.matches(&Some(Some("a"))));
        assert!(!w.matches(&None::<&str>) && !w.matches(&Some(None::<&str>)));
        assert!(!w.matches(&()));
        // Arrays and objects are none of them, even holding one.
        assert!(!w.matches(&vec!["a"]) && !w.matches(&("a", 2)));
        assert!(!w.matches(&std::collections::BTreeMap::from([("a", 2)])));
        assert!(!w.matches(&json!({"kind": "a"})) && w.matches(&json!("a")));
        // The collection's slot: given and held.
        assert!(w.matches_read(&Some(Some("a"))));
        assert!(!w.matches_read(&Some(None::<&str>)) && !w.matches_read(&None::<Option<&str>>));
        let float = when(&[Literal::Float(0.1), Literal::Float(3.0)]);
        // An `f32` is the shortest decimal it writes: `0.1`, not the `f64` nearest to it.
        assert!(float.matches(&0.1f32) && float.matches(&0.1f64) && float.matches(&3u8));
        assert!(!float.matches(&0.2f32));
    }

    /// A unit variant, written as its name.
    struct Variant(&'static str);

    impl Serialize for Variant {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_unit_variant("Mode", 0, self.0)
        }
    }

    /// A newtype, written as the value it holds.
    struct Wrapped(&'static str);

    impl Serialize for Wrapped {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_newtype_struct("Wrapped", self.0)
        }
    }

    /// A value written through its `Display`.
    struct Shown(u8);

    impl Serialize for Shown {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&format_args!("poll-v{}", self.0))
        }
    }

    /// A value whose `Serialize` fails.
    struct Failing;

    impl Serialize for Failing {
        fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(ser::Error::custom("no"))
        }
    }

    #[test]
    fn a_variant_a_newtype_and_a_displayed_value_match_by_what_they_write() {
        let w = when(&[Literal::Str("poll-v2")]);
        assert!(w.matches(&Variant("poll-v2")) && !w.matches(&Variant("push")));
        assert!(w.matches(&Wrapped("poll-v2")) && !w.matches(&Wrapped("push")));
        assert!(w.matches(&Shown(2)) && !w.matches(&Shown(3)));
        assert!(!w.matches(&Failing));
    }

    /// `when(kind = "a", required(b, c))`, `required_any_of(b, d)`,
    /// `when(kind = "x" | "y", not_all(c))`, `not_all_of(b, d)`, `when(n = 1, not_all(b, c))`,
    /// and `requires(c)` on `d`.
    const RULES: WhenRules = WhenRules {
        rules: PresenceRules {
            presence: Presence {
                names: &["b", "c/1", "d"],
                tokens: &["b", "c~11", "d"],
                choices: &[Choice {
                    exactly_one: false,
                    items: &[&[0], &[2]],
                }],
                requires: &[Requires {
                    member: 2,
                    needs: &[1],
                }],
            },
            not_all_of: &[NotAllOf {
                at: 3,
                members: &[0, 2],
            }],
        },
        when: &[
            When {
                at: 0,
                member: "kind",
                values: &[Literal::Str("a")],
                required: true,
                members: &[0, 1],
            },
            When {
                at: 2,
                member: "kind",
                values: &[Literal::Str("x"), Literal::Str("y")],
                required: false,
                members: &[1],
            },
            When {
                at: 4,
                member: "n",
                values: &[Literal::Int(1)],
                required: false,
                members: &[0, 1],
            },
        ],
    };

    fn found(present: [bool; 6]) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        RULES.check(&present, Path::Root, &mut out);
        out.iter()
            .map(|e| (e.path().into(), e.code().into(), e.message().into()))
            .collect()
    }

    #[test]
    fn a_rule_asks_nothing_unless_its_condition_holds() {
        // No condition holds: only the other rules speak.
        assert!(RULES.holds(&[false, true, true, false, false, false]));
        assert!(RULES.holds(&[true, true, false, false, false, false]));
        assert_eq!(
            found([false, true, false, false, false, false]),
            [(
                String::new(),
                "required_any_of".into(),
                "must hold at least one of `b`, `d`; none is present".into()
            )]
        );
        // The condition holds and the consequence too.
        assert!(RULES.holds(&[true, true, false, true, false, false]));
        assert!(RULES.holds(&[true, false, false, false, true, false]));
        assert!(RULES.holds(&[true, false, false, false, false, true]));
    }

    #[test]
    fn every_broken_rule_is_listed_requires_first_then_as_written() {
        // `kind` is "a" without `b` and `c/1`; `d` without `c/1`.
        assert_eq!(
            found([false, false, true, true, false, false]),
            [
                (
                    "/c~11".into(),
                    "requires".into(),
                    "is required when `d` is present".into()
                ),
                (
                    "/b".into(),
                    "when".into(),
                    "is required when `kind` is \"a\"".into()
                ),
                (
                    "/c~11".into(),
                    "when".into(),
                    "is required when `kind` is \"a\"".into()
                ),
            ]
        );
        // Every rule at once, in the order written.
        let all: Vec<(String, String)> = found([true, true, true, true, true, true])
            .into_iter()
            .map(|(p, c, _)| (p, c))
            .collect();
        assert_eq!(
            all,
            [
                (String::new(), "when".into()),
                (String::new(), "not_all_of".into()),
                (String::new(), "when".into()),
            ]
        );
        assert_eq!(
            found([true, true, true, false, true, false])[0].2,
            "must not hold `c/1` when `kind` is one of \"x\", \"y\""
        );
        assert_eq!(
            found([true, true, false, false, false, true])[0].2,
            "must not hold all of `b`, `c/1` at once when `n` is 1; each is present"
        );
    }

    #[test]
    fn the_reader_refuses_at_the_first_and_the_collection_lists_them_all() {
        let e = RULES
            .refuse::<serde_json::Error>(&[false, false, true, true, false, false], Path::Root)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "/c~11: requires: is required when `d` is present"
        );
        let at = Path::Root;
        let at = at.field("x");
        let e = RULES
            .refuse::<serde_json::Error>(&[true, true, false, false, true, false], at)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "/x: when: must not hold `c/1` when `kind` is one of \"x\", \"y\""
        );
        assert!(
            RULES
                .refuse::<serde_json::Error>(&[true, true, false, true, false, false], at)
                .is_ok()
        );
        let mut c = Collector::new();
        assert!(!RULES.collect(&[false, false, true, true, false, false], at, &mut c));
        assert_eq!(c.len(), 3);
        assert!(RULES.collect(&[true, true, false, true, false, false], at, &mut c));
        assert_eq!(c.len(), 3);
    }

    #[test]
    fn the_schema_is_if_and_then_at_each_rule_s_place() {
        let schema = Value::Object(RULES.schema(Map::new()));
        assert_eq!(
            schema,
            json!({
                "dependentRequired": {"d": ["c/1"]},
                "allOf": [
                    {
                        "if": {"properties": {"kind": {"const": "a"}}, "required": ["kind"]},
                        "then": {"required": ["b", "c/1"]},
                    },
                    {"anyOf": [{"required": ["b"]}, {"required": ["d"]}]},
                    {
                        "if": {"properties": {"kind": {"enum": ["x", "y"]}}, "required": ["kind"]},
                        "then": {"not": {"required": ["c/1"]}},
                    },
                    {"not": {"required": ["b", "d"]}},
                    {
                        "if": {"properties": {"n": {"const": 1}}, "required": ["n"]},
                        "then": {"not": {"required": ["b", "c/1"]}},
                    },
                ]
            })
        );
    }

    #[test]
    fn alone_it_sits_on_the_object_and_a_struct_that_flattens_it_takes_it() {
        const ALONE: WhenRules = WhenRules {
            rules: PresenceRules {
                presence: Presence {
                    names: &["b"],
                    tokens: &["b"],
                    choices: &[],
                    requires: &[],
                },
                not_all_of: &[],
            },
            when: &[When {
                at: 0,
                member: "kind",
                values: &[Literal::Float(1.5)],
                required: true,
                members: &[0],
            }],
        };
        let mut inner = ALONE.schema(Map::new());
        let part = json!({
            "if": {"properties": {"kind": {"const": 1.5}}, "required": ["kind"]},
            "then": {"required": ["b"]},
        });
        assert_eq!(Value::Object(inner.clone()), part);
        const OWN: Presence = Presence {
            names: &["x", "y"],
            tokens: &["x", "y"],
            choices: &[Choice {
                exactly_one: true,
                items: &[&[0], &[1]],
            }],
            requires: &[],
        };
        let mut schema = OWN.schema(Map::new());
        crate::rules::presence::merge(&mut schema, &mut inner);
        assert_eq!(inner, Map::new());
        assert_eq!(
            Value::Object(schema),
            json!({"allOf": [{"oneOf": [{"required": ["x"]}, {"required": ["y"]}]}, part]})
        );
        // Into a struct with no rule of its own, it stays on the object.
        let mut plain = Map::new();
        crate::rules::presence::merge(&mut plain, &mut ALONE.schema(Map::new()));
        assert_eq!(Value::Object(plain), part);
    }
}
