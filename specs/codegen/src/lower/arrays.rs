//! Arrays: `items` (a `Vec` of its items, of any JSON values when there is none),
//! `minItems`, `maxItems` and `uniqueItems`.

use serde_json::{Map, Value};

use super::Lowering;
use super::annotations::NOTES;
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
            Some(Value::Bool(true)) => rules.unique = true,
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
