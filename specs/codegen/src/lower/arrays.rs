//! Arrays: `items` (a `Vec` of its items, of any JSON values when there is none),
//! `minItems`, `maxItems` and `uniqueItems`.

use serde_json::{Map, Value};

use super::Lowering;
use super::annotations::NOTES;
use crate::input::{Document, ref_target};
use crate::model::{self as m, Rules, Ty};

/// The keywords of an array's schema, besides [`NOTES`].
const ARRAY: &[&str] = &["type", "items", "minItems", "maxItems", "uniqueItems"];

impl Lowering<'_> {
    /// An array: a `Vec` of its items, each with their rules, or, with no `items`, of any
    /// JSON values.
    pub(super) fn lower_array(
        &mut self,
        map: &Map<String, Value>,
        at: &str,
        hint: &str,
        mut rules: Rules,
    ) -> Option<m::Value> {
        self.only(map, at, &[ARRAY, NOTES], "an array");
        self.lengths(map, at, "minItems", "maxItems", &mut rules);
        match map.get("uniqueItems") {
            None | Some(Value::Bool(false)) => {}
            Some(Value::Bool(true)) => {
                rules.unique = true;
                if map
                    .get("items")
                    .is_some_and(|items| holds_open_object(self.doc, items, 0))
                {
                    let note = self.note(
                        &format!("{at}/uniqueItems"),
                        "`uniqueItems` over objects open to other members: the items are compared as their types hold them, without the members they do not declare, so two items that differ only there are equal, and the value refuses arrays the schema accepts".into(),
                    );
                    self.warnings.push(note);
                }
            }
            Some(_) => self.refuse(
                &format!("{at}/uniqueItems"),
                "`uniqueItems` must be a boolean",
            ),
        }
        match map.get("items") {
            None | Some(Value::Bool(true)) => Some(m::Value {
                ty: Ty::AnyArray,
                rules,
            }),
            Some(items) => {
                let here = format!("{at}/items");
                let item =
                    self.held_value(items, &here, &format!("{hint}Item"), "an array's items")?;
                if !item.rules.is_empty() {
                    rules.items = Some(Box::new(item.rules));
                }
                Some(m::Value {
                    ty: Ty::Vec(Box::new(item.ty)),
                    rules,
                })
            }
        }
    }
}

/// Whether a value of the schema `node` may hold an object with declared members that lets
/// other members through (which its struct does not keep), following `$ref`s, items, branches
/// and members.
fn holds_open_object(doc: &Document, node: &Value, depth: usize) -> bool {
    if depth > 16 {
        return false;
    }
    let Value::Object(map) = node else {
        return false;
    };
    if let Some(target) = map.get("$ref").and_then(Value::as_str).and_then(ref_target) {
        return doc
            .at(&target)
            .is_some_and(|t| holds_open_object(doc, t, depth + 1));
    }
    let open = map.get("additionalProperties") != Some(&Value::Bool(false));
    if open && (map.contains_key("properties") || map.contains_key("allOf")) {
        return true;
    }
    let inner = |key: &str| match map.get(key) {
        Some(Value::Array(list)) => list.iter().any(|v| holds_open_object(doc, v, depth + 1)),
        Some(Value::Object(members)) if key == "properties" => members
            .values()
            .any(|v| holds_open_object(doc, v, depth + 1)),
        Some(v) => holds_open_object(doc, v, depth + 1),
        None => false,
    };
    [
        "items",
        "oneOf",
        "anyOf",
        "allOf",
        "properties",
        "additionalProperties",
    ]
    .iter()
    .any(|k| inner(k))
}
