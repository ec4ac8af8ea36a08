//! Objects of any members, maps: `additionalProperties` as the values' schema (any JSON
//! object when there is none), `propertyNames` as the keys' rules, `minProperties` and
//! `maxProperties`.

use serde_json::{Map, Value};

use super::Lowering;
use super::annotations::NOTES;
use crate::model::{self as m, Rules, Ty};

/// The keywords of a map's schema, besides [`NOTES`].
const MAP: &[&str] = &[
    "type",
    "additionalProperties",
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

    /// A map's `propertyNames` (of the map at `at`): the rules of a string on its keys.
    fn property_names(&mut self, names: &Value, at: &str, rules: &mut Rules) {
        let here = format!("{at}/propertyNames");
        let mut keys = Rules::default();
        match names {
            Value::Object(n) => {
                let mut allowed = vec!["type", "minLength", "maxLength", "pattern"];
                allowed.retain(|k| *k != "type" || n.get("type").is_none_or(|t| t == "string"));
                self.only(n, &here, &[&allowed], "member names");
                self.lengths(n, &here, "minLength", "maxLength", &mut keys);
                if let Some(p) = n.get("pattern") {
                    self.pattern(p, &here, &mut keys);
                }
            }
            _ => self.refuse(&here, "`propertyNames` must be an object"),
        }
        if !keys.is_empty() {
            rules.keys = Some(Box::new(keys));
        }
    }
}
