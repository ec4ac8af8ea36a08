//! Which members are present together: the presence rules beside an object's members
//! (`oneOf`/`anyOf` of `required` lists, `dependentRequired`, `not` of `required` lists, and an
//! `if` of one member's presence or value), read from the schema, made plain, and checked
//! against the struct's fields.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::Lowering;
use super::objects::is_struct;
use crate::input::{Document, ref_target};
use crate::model::{Choice, Field, MemberRules, Ty, When};

impl Lowering<'_> {
    /// The presence rules beside a struct's members (see [`presence_rules`]), checked against
    /// its `fields`: each member a rule names is declared and may be absent, and is read so
    /// that its presence shows (an `Option` that refuses `null`, or `Option<Option<T>>` for
    /// one that may be `null`).
    pub(super) fn presence(
        &mut self,
        map: &Map<String, Value>,
        at: &str,
        fields: &mut [Field],
        members: &mut MemberRules,
    ) -> Vec<Choice> {
        let Some(mut rules) = presence_rules(map) else {
            return Vec::new();
        };
        // A required member is always present: a member that needs it needs nothing more.
        let always = |name: &String| {
            fields
                .iter()
                .any(|f| &f.wire == name && (!matches!(f.value.ty, Ty::Option(_)) || f.required))
        };
        for (_, needs) in &mut rules.requires {
            needs.retain(|n| !always(n));
        }
        rules.requires.retain(|(_, needs)| !needs.is_empty());
        let mut named: Vec<(String, String)> = Vec::new();
        let mut ok = true;
        for (key, choice) in &rules.choices {
            let mut seen: Vec<&String> = Vec::new();
            for name in choice.groups.iter().flatten() {
                if seen.contains(&name) {
                    let here = format!("{at}/{key}");
                    self.refuse(&here, format!("names `{name}` in two branches, which the derive cannot say: its rule names each member once (a member every branch names is required instead, unless a branch names nothing else)"));
                    ok = false;
                }
                seen.push(name);
                named.push((format!("{at}/{key}"), name.clone()));
            }
        }
        for (from, needs) in &rules.requires {
            named.push((format!("{at}/{}", rules.requires_key), from.clone()));
            for n in needs {
                named.push((format!("{at}/{}", rules.requires_key), n.clone()));
            }
        }
        // `not` of one name: a member that may never be present; of more, members not all
        // present together.
        let mut not_all = Vec::new();
        for list in &rules.not_all {
            match list.as_slice() {
                [one] if fields.iter().any(|f| &f.wire == one) => {
                    self.refuse(&format!("{at}/not"), format!("names `{one}` alone, which the object declares: a member that may never be present is written as the member's schema `false`"));
                    ok = false;
                }
                [one] => {
                    if !members.forbid.contains(one) {
                        members.forbid.push(one.clone());
                    }
                }
                _ => {
                    for n in list {
                        named.push((format!("{at}/not"), n.clone()));
                    }
                    not_all.push(list.clone());
                }
            }
        }
        // `if` of a member's value: the member is read, the members `then` names show
        // whether they are present.
        let mut when = Vec::new();
        for rule in &rules.when {
            let here = format!("{at}/{}", rule.at);
            match Self::when_rule(rule, fields) {
                Ok(Some(w)) => {
                    for n in &w.members {
                        named.push((here.clone(), n.clone()));
                    }
                    when.push(w);
                }
                Ok(None) => {}
                Err(why) => {
                    self.refuse(&here, why);
                    ok = false;
                }
            }
        }
        for (here, name) in &named {
            match fields.iter_mut().find(|f| &f.wire == name) {
                None => {
                    self.refuse(here, format!("names `{name}`, which is not among the `properties`: the derive's presence rules name the struct's fields"));
                    ok = false;
                }
                Some(f) if !matches!(f.value.ty, Ty::Option(_)) || f.required => {
                    self.refuse(here, format!("names `{name}`, which is required, so always present: the rule would say nothing of it, or forbid the others"));
                    ok = false;
                }
                Some(f) => {
                    // `null` is present: `Some(None)`.
                    if !f.not_null
                        && !matches!(&f.value.ty, Ty::Option(t) if matches!(**t, Ty::Option(_)))
                    {
                        f.value.ty = Ty::Option(Box::new(f.value.ty.clone()));
                    }
                }
            }
        }
        if !ok {
            return Vec::new();
        }
        for (from, needs) in rules.requires {
            if let Some(f) = fields.iter_mut().find(|f| f.wire == from) {
                f.requires = needs;
            }
        }
        members.not_all_of = not_all;
        members.when = when;
        rules.choices.into_iter().map(|(_, c)| c).collect()
    }

    /// An `if` of a member's value as the derive's `when`, given the struct's `fields`: `None`
    /// when it says nothing (its `then` asks only for members that are always present), and
    /// why not when the derive cannot say it.
    fn when_rule(rule: &ValueRule, fields: &[Field]) -> Result<Option<When>, String> {
        let member = &rule.member;
        let Some(f) = fields.iter().find(|f| &f.wire == member) else {
            return Err(format!(
                "reads the value of `{member}`, which is not among the `properties`: the derive's `when` reads a field of the struct"
            ));
        };
        let mut ty = &f.value.ty;
        while let Ty::Option(t) | Ty::Boxed(t) = ty {
            ty = t;
        }
        if *ty == Ty::Secret {
            return Err(format!(
                "reads the value of `{member}`, which is secret (`format: password`): a condition on it would tell it"
            ));
        }
        if !rule.if_requires && !always_present(f) {
            return Err(format!(
                "does not require `{member}`, so its `then` applies also to an object without it; the derive's `when` applies only when the member is present (add `\"required\": [\"{member}\"]` to the `if`)"
            ));
        }
        if let Some(v) = rule.values.iter().find(|v| !can_hold(ty, v)) {
            return Err(format!(
                "reads whether `{member}` is {v}, which its schema never holds: the derive's `when` names values the member can hold"
            ));
        }
        let members = rule.named(|n| fields.iter().any(|f| f.wire == n && always_present(f)));
        if members.is_empty() {
            if rule.required {
                return Ok(None);
            }
            return Err(format!(
                "says that members which are present whenever `{member}` holds its value are not all present: no such object is accepted, which the derive's `when` cannot say"
            ));
        }
        Ok(Some(When {
            member: member.clone(),
            values: rule.values.clone(),
            required: rule.required,
            members,
        }))
    }
}

/// Whether a field's member is always present: it is required (`null` or not).
fn always_present(f: &Field) -> bool {
    (!matches!(f.value.ty, Ty::Option(_)) && f.default.is_none()) || f.required
}

/// Whether a member of type `ty` (not an `Option`) may hold the value `v` of a condition: a
/// generated type, or any value, holds whatever its own schema says.
fn can_hold(ty: &Ty, v: &Value) -> bool {
    let whole = |v: &Value| v.as_f64().is_some_and(|f| f.fract() == 0.0);
    match ty {
        Ty::String => v.is_string(),
        Ty::Bool => v.is_boolean(),
        Ty::I32 => {
            v.as_i64().is_some_and(|n| i32::try_from(n).is_ok())
                || (whole(v) && v.as_f64().is_some_and(|f| f.abs() <= f64::from(i32::MAX)))
        }
        Ty::I64 => v.is_i64() || (whole(v) && v.as_f64().is_some_and(|f| f.abs() < 9.2e18)),
        Ty::F64 => v.is_number(),
        Ty::Named(_) | Ty::Any => true,
        _ => false,
    }
}

/// The presence rules beside an object's members: a `oneOf` or an `anyOf` whose every branch
/// is a `required` list alone, and `dependentRequired` (or draft 7's `dependencies` whose
/// every value is a list of names). `None` when there is none, or when one of those keywords
/// says more than presence.
pub struct PresenceRules {
    /// Each `oneOf`/`anyOf`, with its keyword.
    pub choices: Vec<(&'static str, Choice)>,
    /// Each member that requires others, and those others, in the document's order.
    pub requires: Vec<(String, Vec<String>)>,
    /// `dependentRequired` or `dependencies`.
    pub requires_key: &'static str,
    /// `not` of `required` lists (alone, or each a branch of an `anyOf`): each list's members
    /// are not all present.
    pub not_all: Vec<Vec<String>>,
    /// Each `if` of one member's value, with its `then` (beside the members, or in a merged
    /// `allOf`'s part), in the document's order.
    pub when: Vec<ValueRule>,
}

/// An `if` that a member holds one of some values, with what its `then` says: the members
/// that are then all present (`required`), or not all present.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueRule {
    /// The member the `if` reads.
    pub member: String,
    /// Its values (strings, numbers, booleans).
    pub values: Vec<Value>,
    /// Whether the `if` requires the member: without it, the `then` applies to an object
    /// without the member too.
    pub if_requires: bool,
    /// `then` is a `required` list, not a `not` of one.
    pub required: bool,
    /// The members `then` names.
    pub members: Vec<String>,
    /// Where the `if` is, beside the members: `if`, or `allOf` (a part of a merged one).
    pub at: &'static str,
}

impl PresenceRules {
    /// Every member the rules name (a `not` of one name aside, which forbids a name the
    /// object does not declare), with repeats.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for (_, c) in &self.choices {
            names.extend(c.groups.iter().flatten().cloned());
        }
        for (from, needs) in &self.requires {
            names.push(from.clone());
            names.extend(needs.iter().cloned());
        }
        for list in self.not_all.iter().filter(|l| l.len() > 1) {
            names.extend(list.iter().cloned());
        }
        for rule in &self.when {
            names.push(rule.member.clone());
            names.extend(rule.members.iter().cloned());
        }
        names
    }
}

/// The members an object's presence rules name (see [`PresenceRules::names`]): their
/// `default`s are dropped, as filling them in would hide whether they are present.
pub fn presence_names(map: &Map<String, Value>) -> Vec<String> {
    presence_rules(map).map(|r| r.names()).unwrap_or_default()
}

impl ValueRule {
    /// The members the rule is about, each once: not its condition's member, present
    /// whenever the rule applies, nor those `always` present.
    pub fn named(&self, always: impl Fn(&str) -> bool) -> Vec<String> {
        let mut named: Vec<String> = Vec::new();
        for n in &self.members {
            if *n != self.member && !always(n) && !named.contains(n) {
                named.push(n.clone());
            }
        }
        named
    }
}

/// The `required` lists of a `not` that says only that their members are not all present:
/// `{"required": [...]}`, or an `anyOf` of such branches. A branch may also say `type: object`
/// and declare its members as `true` or `{}`, which checks nothing more.
pub fn not_lists(not: &Value) -> Option<Vec<Vec<String>>> {
    let list = required_list;
    match not.as_object()?.get("anyOf") {
        Some(Value::Array(branches)) if not.as_object()?.len() == 1 && !branches.is_empty() => {
            branches.iter().map(list).collect()
        }
        Some(_) => None,
        None => Some(vec![list(not)?]),
    }
}

/// The names of a schema that says only which members are present: a `required` list (not
/// empty), with at most `type: object` and members declared as `true` or `{}` beside it.
fn required_list(b: &Value) -> Option<Vec<String>> {
    let b = b.as_object()?;
    let plain = b.iter().all(|(k, v)| match k.as_str() {
        "required" => true,
        "type" => v == "object",
        "properties" => v.as_object().is_some_and(|p| {
            p.values()
                .all(|s| s == &Value::Bool(true) || s.as_object().is_some_and(Map::is_empty))
        }),
        _ => false,
    });
    if !plain {
        return None;
    }
    let names: Option<Vec<String>> = b
        .get("required")?
        .as_array()?
        .iter()
        .map(|n| n.as_str().map(str::to_owned))
        .collect();
    names.filter(|n| !n.is_empty())
}

/// What an `if` with its `then` says, with no `else` (or one that says nothing), when the
/// `if` is of one member's presence or value and the `then` says which others are (or are not
/// all) present.
pub enum Conditional {
    /// An `if` of one member's presence, whose `then` is a `required` list: the member, and
    /// the members it requires.
    Requires(String, Vec<String>),
    /// An `if` of members' presence, whose `then` is a `not` of `required` lists: lists of
    /// members not all present.
    NotAll(Vec<Vec<String>>),
    /// An `if` of one member's value: one rule for a `required` list, one for each list of
    /// a `not`.
    When(Vec<ValueRule>),
}

/// Reads a [`Conditional`] from a schema's `if`, `then` and `else`; `None` when they say more.
pub fn conditional(map: &Map<String, Value>) -> Option<Conditional> {
    let says_nothing =
        |v: &Value| v == &Value::Bool(true) || v.as_object().is_some_and(Map::is_empty);
    if !map.get("else").is_none_or(says_nothing) {
        return None;
    }
    let then = map.get("then")?;
    // A `required` list, or the lists of a `not` alone.
    let (required, lists) = match required_list(then) {
        Some(needs) => (true, vec![needs]),
        None => {
            let then = then.as_object()?;
            if then.len() != 1 {
                return None;
            }
            (false, not_lists(then.get("not")?)?)
        }
    };
    let condition = map.get("if")?;
    let Some(when) = required_list(condition) else {
        let (member, values, if_requires) = value_condition(condition)?;
        let rule = |members: Vec<String>| ValueRule {
            member: member.clone(),
            values: values.clone(),
            if_requires,
            required,
            members,
            at: "if",
        };
        return Some(Conditional::When(lists.into_iter().map(rule).collect()));
    };
    if required {
        let [from] = when.as_slice() else {
            return None;
        };
        let needs: Vec<String> = lists.into_iter().flatten().filter(|n| n != from).collect();
        return Some(Conditional::Requires(from.clone(), needs));
    }
    Some(Conditional::NotAll(
        lists
            .into_iter()
            .map(|l| {
                let mut all = when.clone();
                all.extend(l.into_iter().filter(|n| !when.contains(n)));
                all
            })
            .collect(),
    ))
}

/// An `if` of one member's value: `properties` of that one member, whose schema is a `const`
/// or an `enum` of strings, numbers and booleans (with at most a `type` they all are), and at
/// most `type: object` and a `required` list of that member beside it. The member, its
/// values, and whether the `if` requires it.
fn value_condition(condition: &Value) -> Option<(String, Vec<Value>, bool)> {
    let condition = condition.as_object()?;
    let mut props = condition.get("properties")?.as_object()?.iter();
    let (Some((member, schema)), None) = (props.next(), props.next()) else {
        return None;
    };
    let plain = condition.iter().all(|(k, v)| match k.as_str() {
        "properties" => true,
        "type" => v == "object",
        "required" => v
            .as_array()
            .is_some_and(|r| r.len() == 1 && r[0] == member.as_str()),
        _ => false,
    });
    let schema = schema.as_object()?;
    let values = match (schema.get("const"), schema.get("enum")) {
        (Some(one), None) => vec![one.clone()],
        (None, Some(Value::Array(all))) if !all.is_empty() => all.clone(),
        _ => return None,
    };
    let of_type = |t: &Value, v: &Value| match t.as_str() {
        Some("string") => v.is_string(),
        Some("boolean") => v.is_boolean(),
        Some("number") => v.is_number(),
        Some("integer") => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        _ => false,
    };
    let typed = schema.iter().all(|(k, t)| match k.as_str() {
        "const" | "enum" => true,
        "type" => values.iter().all(|v| of_type(t, v)),
        _ => false,
    });
    let scalars = values
        .iter()
        .all(|v| v.is_string() || v.is_number() || v.is_boolean());
    (plain && typed && scalars)
        .then(|| (member.clone(), values, condition.contains_key("required")))
}

/// Reads [`PresenceRules`] from an object schema.
pub fn presence_rules(map: &Map<String, Value>) -> Option<PresenceRules> {
    let names = |v: &Value| -> Option<Vec<String>> {
        v.as_array()?
            .iter()
            .map(|n| n.as_str().map(str::to_owned))
            .collect()
    };
    let mut choices = Vec::new();
    for (key, exactly_one) in [("oneOf", true), ("anyOf", false)] {
        let Some(branches) = map.get(key) else {
            continue;
        };
        let groups: Option<Vec<Vec<String>>> = branches.as_array().and_then(|list| {
            list.iter()
                .map(|b| {
                    let b = b.as_object()?;
                    if b.len() != 1 {
                        return None;
                    }
                    names(b.get("required")?).filter(|g| !g.is_empty())
                })
                .collect()
        });
        choices.push((
            key,
            Choice {
                exactly_one,
                groups: groups.filter(|g| !g.is_empty())?,
            },
        ));
    }
    let mut not_all = match map.get("not") {
        Some(not) => not_lists(not)?,
        None => Vec::new(),
    };
    let mut requires = Vec::new();
    let mut requires_key = "dependentRequired";
    let mut when = Vec::new();
    if map.contains_key("if") {
        match conditional(map)? {
            Conditional::Requires(from, needs) => {
                if !needs.is_empty() {
                    requires.push((from, needs));
                }
            }
            Conditional::NotAll(lists) => not_all.extend(lists),
            Conditional::When(rules) => when.extend(rules),
        }
    }
    // A merged `allOf` keeps its parts' `if`s of a member's value, each part an `if` and
    // its `then` alone.
    if let Some(parts) = map.get("allOf") {
        for part in parts.as_array()? {
            let part = part.as_object()?;
            if !part
                .keys()
                .all(|k| matches!(k.as_str(), "if" | "then" | "else"))
            {
                return None;
            }
            let Conditional::When(rules) = conditional(part)? else {
                return None;
            };
            when.extend(rules.into_iter().map(|r| ValueRule { at: "allOf", ..r }));
        }
    }
    for key in ["dependentRequired", "dependencies"] {
        let Some(d) = map.get(key) else { continue };
        requires_key = key;
        for (from, needs) in d.as_object()? {
            requires.push((from.clone(), names(needs)?));
        }
    }
    let some = !choices.is_empty() || !requires.is_empty() || !not_all.is_empty();
    (some || !when.is_empty()).then_some(PresenceRules {
        choices,
        requires,
        requires_key,
        not_all,
        when,
    })
}

/// A `oneOf` or `anyOf` beside an object's members whose every branch is a `required` list
/// with, at most, `type: object` and `properties` that say nothing the object does not (each
/// `true`, `{}`, the object's own schema of the member, or a `$ref` to one equal to it): each
/// branch becomes its `required` list alone, which [`presence_rules`] reads.
pub fn plain_presence(doc: &Document, map: &mut Cow<'_, Map<String, Value>>) {
    if !is_struct(map) {
        return;
    }
    let own = map.get("properties").unwrap_or(&Value::Null);
    let says_nothing = |name: &str, v: &Value| -> bool {
        let same = |v: &Value| own.get(name) == Some(v);
        match v {
            Value::Bool(true) => true,
            Value::Object(m) if m.is_empty() => true,
            Value::Object(m) if m.len() == 1 && m.contains_key("$ref") => {
                let target = m["$ref"].as_str().and_then(ref_target);
                same(v) || target.and_then(|t| doc.at(&t)).is_some_and(same)
            }
            _ => same(v),
        }
    };
    let mut made = Vec::new();
    for key in ["oneOf", "anyOf"] {
        let Some(Value::Array(branches)) = map.get(key) else {
            continue;
        };
        let mut plain = Vec::new();
        for b in branches {
            let Some(b) = b.as_object() else { break };
            let Some(required @ Value::Array(_)) = b.get("required") else {
                break;
            };
            let rest_ok = b.iter().all(|(k, v)| match k.as_str() {
                "required" => true,
                "type" => v == "object",
                "properties" => v
                    .as_object()
                    .is_some_and(|p| p.iter().all(|(n, s)| says_nothing(n, s))),
                _ => false,
            });
            if !rest_ok {
                break;
            }
            plain.push(serde_json::json!({ "required": required }));
        }
        if plain.len() == branches.len()
            && branches
                .iter()
                .any(|b| b.as_object().is_some_and(|b| b.len() > 1))
        {
            made.push((key, plain));
        }
    }
    for (key, plain) in made {
        map.to_mut().insert(key.into(), Value::Array(plain));
    }
}

/// A `oneOf` or `anyOf` of `required` lists that all name some members: those are required
/// (no branch holds without them) and go to `required`, out of each branch, which then says
/// which of the others are present. Left as written when a branch would name nothing else.
pub fn common_required(map: &mut Cow<'_, Map<String, Value>>) {
    let Some(rules) = presence_rules(map) else {
        return;
    };
    for (key, choice) in rules.choices {
        let Some((first, rest)) = choice.groups.split_first() else {
            continue;
        };
        let common: Vec<String> = first
            .iter()
            .filter(|n| rest.iter().all(|g| g.contains(n)))
            .cloned()
            .collect();
        if common.is_empty() || choice.groups.iter().any(|g| g.len() == common.len()) {
            continue;
        }
        let branches: Vec<Value> = choice
            .groups
            .iter()
            .map(|g| {
                let left: Vec<&String> = g.iter().filter(|n| !common.contains(n)).collect();
                serde_json::json!({ "required": left })
            })
            .collect();
        let map = map.to_mut();
        map.insert(key.into(), Value::Array(branches));
        let required = map
            .entry("required")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(list) = required {
            for name in common {
                if !list.iter().any(|r| r == name.as_str()) {
                    list.push(Value::String(name));
                }
            }
        }
    }
}

/// The keywords [`presence_rules`] reads, when it reads them all in `map` (else none): those
/// of the presence rules, which the struct's keywords do not list.
pub fn presence_keywords(map: &Map<String, Value>) -> &'static [&'static str] {
    if presence_rules(map).is_none() {
        return &[];
    }
    &[
        "oneOf",
        "anyOf",
        "allOf",
        "dependentRequired",
        "dependencies",
        "not",
        "if",
        "then",
        "else",
    ]
}
