//! Objects of any members, maps: `additionalProperties` as the values' schema (any JSON
//! object when there is none), `propertyNames` as the keys' rules, one `patternProperties`
//! entry beside `additionalProperties: false` as both, `minProperties` and `maxProperties`.

use serde_json::{Map, Value};

use super::Lowering;
use super::annotations::NOTES;
use crate::model::{self as m, Rules, Ty};

/// The keywords of a map's schema, besides [`NOTES`].
const MAP: &[&str] = &[
    "type",
    "additionalProperties",
    "patternProperties",
    "propertyNames",
    "minProperties",
    "maxProperties",
];

impl Lowering<'_> {
    /// A map: a string-keyed map of its values, each with their rules, or, with no
    /// `additionalProperties` (or `{}`), of any JSON values.
    pub(super) fn lower_map(
        &mut self,
        map: &Map<String, Value>,
        at: &str,
        hint: &str,
        mut rules: Rules,
    ) -> Option<m::Value> {
        self.only(map, at, &[MAP, NOTES], "a map");
        self.lengths(map, at, "minProperties", "maxProperties", &mut rules);
        if let Some(names) = map.get("propertyNames") {
            self.property_names(names, at, &mut rules);
        }
        let patterns = super::objects::pattern_entries(map);
        if !patterns.is_empty() {
            return self.map_of_patterns(map, &patterns, at, hint, rules);
        }
        match map.get("additionalProperties") {
            None | Some(Value::Bool(true)) => Some(m::Value {
                ty: Ty::AnyObject,
                rules,
            }),
            Some(Value::Object(o)) if o.is_empty() => Some(m::Value {
                ty: Ty::AnyObject,
                rules,
            }),
            Some(Value::Bool(false)) => {
                self.refuse(
                    &format!("{at}/additionalProperties"),
                    "an object with no member at all: declare `properties`",
                );
                None
            }
            Some(values) => {
                let value = self.held_value(
                    values,
                    &format!("{at}/additionalProperties"),
                    &format!("{hint}Value"),
                    "a map's values",
                )?;
                if !value.rules.is_empty() {
                    rules.values = Some(Box::new(value.rules));
                }
                Some(m::Value {
                    ty: Ty::Map(Box::new(value.ty)),
                    rules,
                })
            }
        }
    }

    /// A map whose members are those of one `patternProperties` entry, beside
    /// `additionalProperties: false`: its names held to the entry's pattern, its values to the
    /// entry's schema. Any other `patternProperties` is refused: the derive's map holds every
    /// value to one schema.
    fn map_of_patterns(
        &mut self,
        map: &Map<String, Value>,
        patterns: &[(String, Value)],
        at: &str,
        hint: &str,
        mut rules: Rules,
    ) -> Option<m::Value> {
        let here = format!("{at}/patternProperties");
        let open = matches!(
            map.get("additionalProperties"),
            None | Some(Value::Bool(true))
        ) || matches!(map.get("additionalProperties"), Some(Value::Object(o)) if o.is_empty());
        let closed = map.get("additionalProperties") == Some(&Value::Bool(false));
        if patterns.len() > 1 || !(open || closed) {
            let why = if patterns.len() > 1 {
                "of more than one pattern would need a map whose values' rules depend on their names, which the derive does not make"
            } else {
                "beside `additionalProperties` would need a map whose values' rules depend on their names, which the derive does not make"
            };
            self.cannot(&here, "patternProperties", why);
            return None;
        }
        if rules.keys.is_some() {
            self.cannot(&format!("{at}/propertyNames"), "propertyNames", "beside `patternProperties` would hold member names to two sets of rules, which the derive does not write in one `keys(...)`");
            return None;
        }
        let (pattern, values) = patterns.first().expect("one pattern");
        let every = super::objects::matches_every_name(pattern);
        if open && !every {
            let note = self.note(&here, format!("beside members of any other name: read as a map of the names `{pattern}` matches, so the value refuses the other names the schema lets through"));
            self.warnings.push(note);
        }
        let entry = format!("{here}/{}", crate::input::escape(pattern));
        let value = self.held_value(values, &entry, &format!("{hint}Value"), "a map's values")?;
        if !every {
            let mut keys = Rules::default();
            self.pattern(&Value::String(pattern.clone()), &here, &mut keys);
            rules.keys = Some(Box::new(keys));
        }
        if !value.rules.is_empty() {
            rules.values = Some(Box::new(value.rules));
        }
        Some(m::Value {
            ty: Ty::Map(Box::new(value.ty)),
            rules,
        })
    }

    /// A map's `propertyNames` (of the map at `at`): the rules of a string on its keys.
    fn property_names(&mut self, names: &Value, at: &str, rules: &mut Rules) {
        let here = format!("{at}/propertyNames");
        let mut keys = Rules::default();
        match names {
            Value::Object(n) => {
                let mut allowed = vec!["type", "minLength", "maxLength", "pattern"];
                if !n.contains_key("pattern") && names_pattern(n).is_some() {
                    allowed.push("enum");
                }
                allowed.retain(|k| *k != "type" || n.get("type").is_none_or(|t| t == "string"));
                // What describes the names checks nothing, and the derive has no place for it.
                let described: Vec<&str> = ["description", "title", "examples", "deprecated"]
                    .into_iter()
                    .filter(|k| n.contains_key(*k))
                    .collect();
                for key in &described {
                    let note = self.note(
                        &format!("{here}/{key}"),
                        format!("`{key}` describes member names, which the derive does not describe; dropped"),
                    );
                    self.warnings.push(note);
                }
                self.only(n, &here, &[&allowed, &described], "member names");
                self.lengths(n, &here, "minLength", "maxLength", &mut keys);
                if let Some(p) = n.get("pattern") {
                    self.pattern(p, &here, &mut keys);
                } else if let Some(p) = names_pattern(n) {
                    self.pattern(&Value::String(p), &here, &mut keys);
                }
            }
            _ => self.refuse(&here, "`propertyNames` must be an object"),
        }
        if !keys.is_empty() {
            rules.keys = Some(Box::new(keys));
        }
    }
}

/// The pattern of exactly the names a `propertyNames` `enum` of strings lists:
/// `^(?:a|b\.c)$`, each name's special characters escaped.
pub fn names_pattern(names: &Map<String, Value>) -> Option<String> {
    let listed = names.get("enum")?.as_array()?;
    let mut alternatives = Vec::new();
    for name in listed {
        let mut escaped = String::new();
        for c in name.as_str()?.chars() {
            if "^$\\.*+?()[]{}|/".contains(c) {
                escaped.push('\\');
            }
            escaped.push(c);
        }
        alternatives.push(escaped);
    }
    (!alternatives.is_empty()).then(|| format!("^(?:{})$", alternatives.join("|")))
}
