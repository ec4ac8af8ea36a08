//! Which members of an object are present together: `required_one_of`, `required_any_of`,
//! `not_all_of` and `when` (in [`when`](super::when)) on a struct, `requires` on its fields.
//!
//! The derive lists the members the rules are about, in declaration order, and the rules as
//! indexes into that list; for a value read or built it hands over whether each member is
//! present (each is an `Option` whose `Some` says so: one that refuses `null`, or an
//! `Option<Option<T>>`). A value that keeps every rule costs a few comparisons; the errors are
//! written only when one breaks.
//!
//! Violations are listed `requires` first (each absent member at its own pointer, as a
//! missing `required` member is), then `required_one_of`, `required_any_of`, `not_all_of` and
//! `when` in the order written, at the object's pointer (a `when` that requires members, at
//! each absent one's). Messages name members, never a value of the document (a `when`'s name
//! the values of its condition, as the struct writes them).
//!
//! A struct without `not_all_of` is described by a [`Presence`]; one with it, by a
//! [`PresenceRules`]: the same [`Presence`] and its `not_all_of` rules beside it, each with its
//! place among the others; one with `when`, by a [`WhenRules`](super::WhenRules), which holds
//! a [`PresenceRules`] likewise. Each says only whether its rules hold and which they are;
//! what the derive calls (`check`, `refuse`, `collect`, `schema`) is written once, in
//! [`PresenceSet`].

use core::fmt;

use serde::de;
use serde_json::{Map, Value};

use super::when::When;
use crate::code::Code;
use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::{Path, Short};

/// A struct's presence rules.
#[derive(Clone, Copy, Debug)]
pub struct Presence {
    /// The members the rules are about, by wire name, in declaration order.
    pub names: &'static [&'static str],
    /// The same members' names escaped as JSON Pointer tokens.
    pub tokens: &'static [&'static str],
    /// `required_one_of` and `required_any_of`, in the order written.
    pub choices: &'static [Choice],
    /// `requires`, in field declaration order.
    pub requires: &'static [Requires],
}

/// `required_one_of` (`exactly_one`) or `required_any_of`: each item is a group of members
/// (one alone, or several present together), by index into [`Presence::names`].
#[derive(Clone, Copy, Debug)]
pub struct Choice {
    pub exactly_one: bool,
    pub items: &'static [&'static [usize]],
}

/// `requires` on the member `member`: when it is present, each of `needs` is too.
#[derive(Clone, Copy, Debug)]
pub struct Requires {
    pub member: usize,
    pub needs: &'static [usize],
}

/// `not_all_of` on a struct: its members (indexes into [`Presence::names`]) are not all
/// present at once.
#[derive(Clone, Copy, Debug)]
pub struct NotAllOf {
    /// Its place among the struct's `required_one_of`, `required_any_of` and `not_all_of`, as
    /// written: where its violation is listed and its schema goes.
    pub at: usize,
    pub members: &'static [usize],
}

/// The presence rules of a struct with `not_all_of`: its [`Presence`] (the members the rules
/// are about, `required_one_of`, `required_any_of` and `requires`) and its `not_all_of` rules,
/// in the order written.
#[derive(Clone, Copy, Debug)]
pub struct PresenceRules {
    pub presence: Presence,
    pub not_all_of: &'static [NotAllOf],
}

/// A rule on the object as a whole, in the order written.
#[derive(Clone, Copy)]
enum Part<'r> {
    Choice(&'r Choice),
    NotAll(&'r NotAllOf),
    /// A `when`, with its index among them: where `present` says whether its condition holds,
    /// after the members.
    When(usize, &'r When),
}

/// Every presence rule of a struct, whichever type holds them: what the errors and the schema
/// are made from, off the path of a value that keeps the rules.
#[derive(Clone, Copy)]
pub struct All<'r> {
    pub(super) presence: &'r Presence,
    pub(super) not_all_of: &'r [NotAllOf],
    pub(super) when: &'r [When],
}

/// A struct's presence rules, whichever type holds them ([`Presence`], [`PresenceRules`] or
/// [`WhenRules`](super::WhenRules)): each says whether its rules hold and which they are, and
/// the functions the derive calls are written once, here.
///
/// The `present` array they take holds whether each of [`Presence::names`] is present, then,
/// for a [`WhenRules`](super::WhenRules), whether each `when`'s condition holds, in order.
pub trait PresenceSet {
    /// Whether every rule holds: a few comparisons, the path of a value that keeps them.
    fn holds(&self, present: &[bool]) -> bool;

    /// Every rule, for the errors and the schema.
    fn all(&self) -> All<'_>;

    /// `validate()`: pushes every broken rule onto `out`, the object being at `at`.
    #[inline]
    fn check(&self, present: &[bool], at: Path<'_>, out: &mut Vec<ValidationError>) {
        if !self.holds(present) {
            self.all().broken(present, at, out);
        }
    }

    /// The reader: the first broken rule, as the error a read returns (`/path: code: message`).
    #[inline]
    fn refuse<E: de::Error>(&self, present: &[bool], at: Path<'_>) -> Result<(), E> {
        if self.holds(present) {
            Ok(())
        } else {
            Err(self.all().first(present, at))
        }
    }

    /// `from_json`: lists every broken rule; whether all held.
    #[inline]
    fn collect(&self, present: &[bool], at: Path<'_>, out: &mut Collector<'_>) -> bool {
        self.holds(present) || self.all().listed(present, at, out)
    }

    /// The object's schema with the rules added: `dependentRequired` for `requires` (one
    /// member each, in declaration order); each choice as `oneOf` (`anyOf`) of a `required`
    /// list per item, each `not_all_of` as `not` of a `required` list, and each `when` as an
    /// `if` and a `then`; several under `allOf`, in the order written.
    fn schema(&self, schema: Map<String, Value>) -> Map<String, Value> {
        self.all().schema(schema)
    }
}

impl Choice {
    /// How many items are present: a group when each of its members is.
    fn count(&self, present: &[bool]) -> usize {
        self.items
            .iter()
            .filter(|item| item.iter().all(|&i| present[i]))
            .count()
    }

    fn holds(&self, present: &[bool]) -> bool {
        match self.count(present) {
            0 => false,
            1 => true,
            _ => !self.exactly_one,
        }
    }
}

impl Requires {
    fn holds(&self, present: &[bool]) -> bool {
        !present[self.member] || self.needs.iter().all(|&i| present[i])
    }
}

impl NotAllOf {
    fn holds(&self, present: &[bool]) -> bool {
        !self.members.iter().all(|&i| present[i])
    }
}

impl PresenceSet for Presence {
    #[inline]
    fn holds(&self, present: &[bool]) -> bool {
        self.requires.iter().all(|r| r.holds(present))
            && self.choices.iter().all(|c| c.holds(present))
    }

    /// The rules with no `not_all_of` nor `when` beside them.
    fn all(&self) -> All<'_> {
        All {
            presence: self,
            not_all_of: &[],
            when: &[],
        }
    }
}

impl Presence {
    fn code(&self, choice: &Choice) -> &'static str {
        match choice.exactly_one {
            true => Code::RequiredOneOf.as_str(),
            false => Code::RequiredAnyOf.as_str(),
        }
    }

    /// The members as a message names them: `` `a`, `b` ``.
    fn list(&self, members: &[usize]) -> String {
        let names: Vec<String> = members
            .iter()
            .map(|&i| format!("`{}`", self.names[i]))
            .collect();
        names.join(", ")
    }

    /// An item as a message names it: `` `a` ``, or a group `` (`b`, `c`) ``.
    fn item(&self, item: &[usize]) -> String {
        match item {
            [_] => self.list(item),
            _ => format!("({})", self.list(item)),
        }
    }

    /// What a broken choice says: the items, and which are present.
    fn message(&self, choice: &Choice, present: &[bool]) -> String {
        let all: Vec<String> = choice.items.iter().map(|item| self.item(item)).collect();
        let how_many = match choice.exactly_one {
            true => "exactly one",
            false => "at least one",
        };
        let found: Vec<String> = choice
            .items
            .iter()
            .filter(|item| item.iter().all(|&i| present[i]))
            .map(|item| self.item(item))
            .collect();
        let groups = choice.items.iter().any(|item| item.len() > 1);
        let what = match found.as_slice() {
            [] if groups => {
                "none is present (a group is present when each of its members is)".to_owned()
            }
            [] => "none is present".to_owned(),
            [..] => format!("{} are present: {}", found.len(), found.join(" and ")),
        };
        format!("must hold {how_many} of {}; {what}", all.join(", "))
    }
}

impl PresenceSet for PresenceRules {
    #[inline]
    fn holds(&self, present: &[bool]) -> bool {
        self.presence.holds(present) && self.not_all_of.iter().all(|n| n.holds(present))
    }

    /// The rules with no `when` beside them.
    fn all(&self) -> All<'_> {
        All {
            presence: &self.presence,
            not_all_of: self.not_all_of,
            when: &[],
        }
    }
}

impl All<'_> {
    /// The rules on the object as a whole, in the order written: each `not_all_of` and `when`
    /// at its place among the choices.
    fn parts(&self) -> impl Iterator<Item = Part<'_>> {
        let mut choices = self.presence.choices.iter();
        let mut not_all = self.not_all_of.iter().peekable();
        let mut when = self.when.iter().enumerate().peekable();
        let total = self.presence.choices.len() + self.not_all_of.len() + self.when.len();
        (0..total).filter_map(move |k| {
            if let Some(n) = not_all.next_if(|n| n.at == k) {
                return Some(Part::NotAll(n));
            }
            if let Some((i, w)) = when.next_if(|(_, w)| w.at == k) {
                return Some(Part::When(i, w));
            }
            choices.next().map(Part::Choice)
        })
    }

    /// Lists every broken rule; `false`, for `collect` to return.
    #[cold]
    #[inline(never)]
    pub(super) fn listed(&self, present: &[bool], at: Path<'_>, out: &mut Collector<'_>) -> bool {
        let mut broken = Vec::new();
        self.broken(present, at, &mut broken);
        for e in broken {
            out.push(e);
        }
        false
    }

    #[cold]
    #[inline(never)]
    pub(super) fn first<E: de::Error>(&self, present: &[bool], at: Path<'_>) -> E {
        let mut broken = Vec::new();
        self.broken(present, at, &mut broken);
        match broken.first() {
            Some(e) => E::custom(Refusal(e)),
            None => E::custom("the presence rules broke"),
        }
    }

    #[cold]
    #[inline(never)]
    pub(super) fn broken(&self, present: &[bool], at: Path<'_>, out: &mut Vec<ValidationError>) {
        let rules = self.presence;
        for r in rules.requires.iter().filter(|r| present[r.member]) {
            let message = format!("is required when `{}` is present", rules.names[r.member]);
            for &need in r.needs.iter().filter(|&&i| !present[i]) {
                let member = at.field(rules.tokens[need]);
                out.push(ValidationError::at(
                    member,
                    Code::Requires.as_str(),
                    &message,
                ));
            }
        }
        // Whether each `when`'s condition holds, after the members.
        let conditions = present.get(rules.names.len()..).unwrap_or(&[]);
        for part in self.parts() {
            match part {
                Part::Choice(c) if !c.holds(present) => out.push(ValidationError::at(
                    at,
                    rules.code(c),
                    &rules.message(c, present),
                )),
                Part::NotAll(n) if !n.holds(present) => {
                    let message = format!(
                        "must not hold all of {} at once; each is present",
                        rules.list(n.members)
                    );
                    out.push(ValidationError::at(at, Code::NotAllOf.as_str(), &message));
                }
                Part::When(i, w) if !w.holds(conditions[i], present) => {
                    w.broken(rules, present, at, out);
                }
                _ => {}
            }
        }
    }

    /// The object's schema with the rules added: `dependentRequired` for `requires` (one
    /// member each, in declaration order); each choice as `oneOf` (`anyOf`) of a `required`
    /// list per item, each `not_all_of` as `not` of a `required` list, and each `when` as an
    /// `if` and a `then`; several under `allOf`, in the order written.
    pub(super) fn schema(&self, mut schema: Map<String, Value>) -> Map<String, Value> {
        let rules = self.presence;
        let names = |members: &[usize]| -> Value {
            Value::Array(members.iter().map(|&i| rules.names[i].into()).collect())
        };
        let required = |members: &[usize]| {
            let mut branch = Map::new();
            branch.insert("required".into(), names(members));
            Value::Object(branch)
        };
        if !rules.requires.is_empty() {
            let mut dependent = Map::new();
            for r in rules.requires {
                dependent.insert(rules.names[r.member].to_owned(), names(r.needs));
            }
            add_dependent(&mut schema, dependent);
        }
        let parts = self.parts().map(|part| {
            let mut out = Map::new();
            match part {
                Part::Choice(c) => {
                    let branches = c.items.iter().map(|item| required(item));
                    let keyword = if c.exactly_one { "oneOf" } else { "anyOf" };
                    out.insert(keyword.into(), Value::Array(branches.collect()));
                }
                Part::NotAll(n) => {
                    out.insert("not".into(), required(n.members));
                }
                Part::When(_, w) => return w.schema(rules),
            }
            out
        });
        let parts: Vec<_> = parts.collect();
        add_parts(&mut schema, parts);
        schema
    }
}

/// A broken rule as the reader's error reads: `/path: code: message`, the path cut in the
/// middle when long, `(root)` for the document itself.
pub(super) struct Refusal<'e>(pub(super) &'e ValidationError);

impl fmt::Display for Refusal<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        match e.path() {
            "" => f.write_str("(root)")?,
            path => write!(f, "{}", Short(path))?,
        }
        write!(f, ": {}: {}", e.code(), e.message())
    }
}

/// Adds the presence rules of a flattened model's schema (`inner`, which loses them) to the
/// schema of the struct that flattens it: the `dependentRequired` members join the struct's,
/// and the choices join its own, after them.
pub(crate) fn merge(schema: &mut Map<String, Value>, inner: &mut Map<String, Value>) {
    if let Some(Value::Object(dependent)) = inner.remove("dependentRequired") {
        add_dependent(schema, dependent);
    }
    let parts = take_parts(inner);
    add_parts(schema, parts);
}

fn add_dependent(schema: &mut Map<String, Value>, more: Map<String, Value>) {
    match schema.get_mut("dependentRequired") {
        Some(Value::Object(dependent)) => dependent.extend(more),
        _ => {
            schema.insert("dependentRequired".into(), Value::Object(more));
        }
    }
}

/// The choices of a struct's schema, each a map of one keyword (two for a `when`: `if` and
/// `then`), taken out of it. At a struct's level, `oneOf`, `anyOf`, `not`, `if`, `then` and
/// `allOf` are only ever written by these rules.
fn take_parts(schema: &mut Map<String, Value>) -> Vec<Map<String, Value>> {
    if let Some(Value::Array(all)) = schema.remove("allOf") {
        return all
            .into_iter()
            .filter_map(|part| match part {
                Value::Object(part) => Some(part),
                _ => None,
            })
            .collect();
    }
    let mut parts: Vec<_> = ["oneOf", "anyOf", "not"]
        .into_iter()
        .filter_map(|keyword| {
            let value = schema.remove(keyword)?;
            let mut part = Map::new();
            part.insert(keyword.into(), value);
            Some(part)
        })
        .collect();
    let when: Map<String, Value> = ["if", "then"]
        .into_iter()
        .filter_map(|keyword| Some((keyword.to_owned(), schema.remove(keyword)?)))
        .collect();
    if !when.is_empty() {
        parts.push(when);
    }
    parts
}

/// Adds `more` choices after those the schema holds: one alone is written in place, several
/// under `allOf`.
fn add_parts(schema: &mut Map<String, Value>, more: impl IntoIterator<Item = Map<String, Value>>) {
    let mut parts = take_parts(schema);
    parts.extend(more);
    if parts.len() > 1 {
        let all = parts.into_iter().map(Value::Object).collect();
        schema.insert("allOf".into(), Value::Array(all));
    } else if let Some(part) = parts.pop() {
        schema.extend(part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// `required_one_of(a, (b, c))`, `required_any_of(c, d)`, and `requires(c)` on `d`.
    const RULES: Presence = Presence {
        names: &["a", "b", "c", "d/e"],
        tokens: &["a", "b", "c", "d~1e"],
        choices: &[
            Choice {
                exactly_one: true,
                items: &[&[0], &[1, 2]],
            },
            Choice {
                exactly_one: false,
                items: &[&[2], &[3]],
            },
        ],
        requires: &[Requires {
            member: 3,
            needs: &[2],
        }],
    };

    fn found(present: [bool; 4]) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        RULES.check(&present, Path::Root, &mut out);
        out.iter()
            .map(|e| (e.path().into(), e.code().into(), e.message().into()))
            .collect()
    }

    fn codes(present: [bool; 4]) -> Vec<(String, String)> {
        found(present).into_iter().map(|(p, c, _)| (p, c)).collect()
    }

    #[test]
    fn a_group_counts_when_each_of_its_members_is_present() {
        assert!(RULES.holds(&[true, false, true, false]));
        assert!(RULES.holds(&[false, true, true, false]));
        assert!(!RULES.holds(&[true, true, false, false]));
        // `b` without `c`: the group is not present, so nothing of the first rule is.
        assert_eq!(
            found([false, true, false, false])[0],
            (
                String::new(),
                "required_one_of".into(),
                "must hold exactly one of `a`, (`b`, `c`); none is present (a group is present when each of its members is)".into()
            )
        );
    }

    #[test]
    fn every_broken_rule_is_listed_requires_first() {
        assert_eq!(
            codes([true, true, true, false]),
            [(String::new(), "required_one_of".to_owned())]
        );
        assert_eq!(
            found([true, true, true, false])[0].2,
            "must hold exactly one of `a`, (`b`, `c`); 2 are present: `a` and (`b`, `c`)"
        );
        assert_eq!(
            codes([false, false, false, true]),
            [
                ("/c".to_owned(), "requires".to_owned()),
                (String::new(), "required_one_of".to_owned()),
            ]
        );
        assert_eq!(
            found([false, false, false, true])[0].2,
            "is required when `d/e` is present"
        );
        assert_eq!(
            codes([false, false, false, false]),
            [
                (String::new(), "required_one_of".to_owned()),
                (String::new(), "required_any_of".to_owned()),
            ]
        );
        assert_eq!(
            found([false, false, false, false])[1].2,
            "must hold at least one of `c`, `d/e`; none is present"
        );
        assert!(
            found([true, false, false, true])
                .iter()
                .all(|e| e.1 != "required_any_of")
        );
    }

    #[test]
    fn below_the_root_the_pointers_are_the_object_s_and_the_member_s() {
        let root = Path::Root;
        let at = root.field("x~1y");
        let mut out = Vec::new();
        RULES.check(&[false, false, false, true], at, &mut out);
        assert_eq!(out[0].path(), "/x~1y/c");
        assert_eq!(out[1].path(), "/x~1y");
        let mut c = Collector::new();
        assert!(!RULES.collect(&[false, false, false, true], at, &mut c));
        assert_eq!(c.len(), 2);
        assert!(RULES.collect(&[true, false, true, false], at, &mut c));
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn the_reader_refuses_at_the_first() {
        let e = RULES
            .refuse::<serde_json::Error>(&[false, false, false, true], Path::Root)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "/c: requires: is required when `d/e` is present"
        );
        let e = RULES
            .refuse::<serde_json::Error>(&[true, true, true, false], Path::Root)
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("(root): required_one_of: must hold exactly one of")
        );
        assert!(
            RULES
                .refuse::<serde_json::Error>(&[true, false, true, false], Path::Root)
                .is_ok()
        );
    }

    #[test]
    fn the_schema_says_the_same() {
        let schema = Value::Object(RULES.schema(Map::new()));
        assert_eq!(
            schema,
            json!({
                "dependentRequired": {"d/e": ["c"]},
                "allOf": [
                    {"oneOf": [{"required": ["a"]}, {"required": ["b", "c"]}]},
                    {"anyOf": [{"required": ["c"]}, {"required": ["d/e"]}]},
                ]
            })
        );
        const ONE: Presence = Presence {
            names: &["a", "b"],
            tokens: &["a", "b"],
            choices: &[Choice {
                exactly_one: false,
                items: &[&[0], &[1]],
            }],
            requires: &[],
        };
        assert_eq!(
            Value::Object(ONE.schema(Map::new())),
            json!({"anyOf": [{"required": ["a"]}, {"required": ["b"]}]})
        );
    }

    /// `required_any_of(a, b)` written between two `not_all_of`.
    const NOT_ALL: PresenceRules = PresenceRules {
        presence: Presence {
            names: &["a", "b", "c"],
            tokens: &["a", "b", "c"],
            choices: &[Choice {
                exactly_one: false,
                items: &[&[0], &[1]],
            }],
            requires: &[],
        },
        not_all_of: &[
            NotAllOf {
                at: 0,
                members: &[0, 1],
            },
            NotAllOf {
                at: 2,
                members: &[1, 2],
            },
        ],
    };

    #[test]
    fn not_all_of_breaks_when_each_member_is_present_in_the_order_written() {
        assert!(NOT_ALL.holds(&[true, false, true]));
        assert!(NOT_ALL.holds(&[false, true, false]));
        let found = |present: [bool; 3]| {
            let mut out = Vec::new();
            NOT_ALL.check(&present, Path::Root, &mut out);
            out.iter()
                .map(|e| (e.code().to_owned(), e.message().to_owned()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found([true, true, true]),
            [
                (
                    "not_all_of".to_owned(),
                    "must not hold all of `a`, `b` at once; each is present".to_owned()
                ),
                (
                    "not_all_of".to_owned(),
                    "must not hold all of `b`, `c` at once; each is present".to_owned()
                ),
            ]
        );
        let codes: Vec<String> = found([false, false, true])
            .into_iter()
            .map(|e| e.0)
            .collect();
        assert_eq!(codes, ["required_any_of"]);
        let e = NOT_ALL
            .refuse::<serde_json::Error>(&[true, true, false], Path::Root)
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("(root): not_all_of: must not hold all of `a`, `b`")
        );
        let mut c = Collector::new();
        assert!(!NOT_ALL.collect(&[true, true, true], Path::Root, &mut c));
        assert_eq!(c.len(), 2);
        assert_eq!(
            Value::Object(NOT_ALL.schema(Map::new())),
            json!({"allOf": [
                {"not": {"required": ["a", "b"]}},
                {"anyOf": [{"required": ["a"]}, {"required": ["b"]}]},
                {"not": {"required": ["b", "c"]}},
            ]})
        );
        // Alone, it sits on the object, and a struct that flattens it takes it.
        let alone = PresenceRules {
            presence: Presence {
                choices: &[],
                ..NOT_ALL.presence
            },
            not_all_of: &[NotAllOf {
                at: 0,
                members: &[0, 2],
            }],
        };
        let mut inner = alone.schema(Map::new());
        assert_eq!(
            Value::Object(inner.clone()),
            json!({"not": {"required": ["a", "c"]}})
        );
        let mut schema = RULES.schema(Map::new());
        merge(&mut schema, &mut inner);
        assert_eq!(schema["allOf"].as_array().map(Vec::len), Some(3));
        assert_eq!(schema["allOf"][2], json!({"not": {"required": ["a", "c"]}}));
    }

    #[test]
    fn a_flattened_model_s_rules_join_the_struct_s_after_them() {
        const OWN: Presence = Presence {
            names: &["x", "y"],
            tokens: &["x", "y"],
            choices: &[Choice {
                exactly_one: true,
                items: &[&[0], &[1]],
            }],
            requires: &[Requires {
                member: 0,
                needs: &[1],
            }],
        };
        let mut schema = OWN.schema(Map::new());
        let mut inner = RULES.schema(Map::new());
        merge(&mut schema, &mut inner);
        assert_eq!(inner, Map::new());
        assert_eq!(
            Value::Object(schema),
            json!({
                "dependentRequired": {"x": ["y"], "d/e": ["c"]},
                "allOf": [
                    {"oneOf": [{"required": ["x"]}, {"required": ["y"]}]},
                    {"oneOf": [{"required": ["a"]}, {"required": ["b", "c"]}]},
                    {"anyOf": [{"required": ["c"]}, {"required": ["d/e"]}]},
                ]
            })
        );
        // Nothing to add: the schema is left as it was.
        let mut plain = Map::new();
        plain.insert("type".into(), "object".into());
        merge(&mut plain, &mut Map::new());
        assert_eq!(Value::Object(plain), json!({"type": "object"}));
    }
}
