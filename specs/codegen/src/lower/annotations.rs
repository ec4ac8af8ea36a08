//! What describes a value rather than checks it: `description` (a doc comment), `title`,
//! `examples`, `readOnly`, `writeOnly` and `default`; and the keywords that describe nothing
//! the derive reads (`$comment`, `x-` extensions), dropped with a warning.

use serde_json::{Map, Value};

use super::Lowering;
use crate::model::{self as m, Rules, Ty};
use crate::names;

/// Keywords a value may carry beside its type's own: the caller reads `description` and
/// `default`; `readOnly`, `writeOnly`, `examples` and `format` become annotations.
pub(super) const NOTES: &[&str] = &[
    "description",
    "default",
    "readOnly",
    "writeOnly",
    "examples",
];

/// Keywords that describe and check nothing, which the generator drops with a warning: a
/// comment, and every `x-` extension (read by other tools).
pub(super) fn ignorable(key: &str) -> bool {
    key == "$comment" || key.starts_with("x-")
}

impl Lowering<'_> {
    /// A type's own title is its name (the derive titles each type with its Rust name): it is
    /// dropped; any other title stays, to be refused.
    pub(super) fn own_title(&self, map: &mut Map<String, Value>, name: &str, inline: bool) {
        if let Some(Value::String(title)) = map.get("title") {
            if !inline && names::type_name(title) == name {
                map.remove("title");
            }
        }
    }

    /// The doc comment a `description` becomes; refused when the derive would not read all
    /// of it back.
    pub(super) fn doc_of(&mut self, map: &Map<String, Value>, at: &str) -> Option<String> {
        let d = map.get("description")?;
        let Some(text) = d.as_str() else {
            self.refuse(
                &format!("{at}/description"),
                "`description` must be a string",
            );
            return None;
        };
        let text = crate::doc_text(text);
        if text.lines().any(|l| l.starts_with("# ")) {
            self.cannot(&format!("{at}/description"), "description", "has a line starting with `# `, where the derive ends a description (a doc comment's sections start there)");
            return None;
        }
        (!text.is_empty()).then_some(text)
    }

    /// Whether the schema at `at`, an item's or a map value's, is an inline type of its own,
    /// and so takes its description as its doc comment (there is no field to hold it); it
    /// then counts as a type of its own for its description.
    pub(super) fn describes_its_type(&mut self, at: &str) -> bool {
        let own = self.inline.contains(at);
        self.inline.remove(at);
        own
    }

    /// A value's annotations: `readOnly`, `writeOnly` and `examples`.
    pub(super) fn notes(&mut self, map: &Map<String, Value>, at: &str, rules: &mut Rules) {
        for (key, slot) in [("readOnly", 0), ("writeOnly", 1)] {
            match map.get(key) {
                None | Some(Value::Bool(false)) => {}
                Some(Value::Bool(true)) => {
                    if slot == 0 {
                        rules.read_only = true;
                    } else {
                        rules.write_only = true;
                    }
                }
                Some(_) => {
                    self.refuse(&format!("{at}/{key}"), format!("`{key}` must be a boolean"))
                }
            }
        }
        if rules.read_only && rules.write_only {
            self.refuse(at, "both `readOnly` and `writeOnly`: a value cannot be sent only by the server and only to it");
        }
        rules.examples = self.examples(map, at);
    }

    /// The text of the `examples` array of the schema at `at`.
    pub(super) fn examples(&mut self, map: &Map<String, Value>, at: &str) -> Option<String> {
        match map.get("examples") {
            None => None,
            Some(v @ Value::Array(_)) => Some(v.to_string()),
            Some(_) => {
                self.refuse(&format!("{at}/examples"), "`examples` must be an array");
                None
            }
        }
    }

    /// Whether the member at `here` (schema `sub`, lowered to `value`) has a `default` the
    /// derive writes: only the type's own value, on a member that may be absent and not `null`.
    pub(super) fn field_default(
        &mut self,
        sub: &Value,
        here: &str,
        value: &m::Value,
        is_required: bool,
        nullable: bool,
    ) -> bool {
        let Some(d) = sub.get("default") else {
            return false;
        };
        let there = format!("{here}/default");
        if is_required {
            self.refuse(&there, "a required member is never absent, so its `default` is never used: remove one of them");
        } else if nullable {
            self.cannot(&there, "default", "on a member that may be `null` has no attribute in the derive (its absent value is `None`)");
        } else if !is_default_of(&value.ty, d) {
            self.cannot(&there, "default", &format!("is {d}, and the derive's `default` is the type's own value (`false`, `0`, `\"\"`, `[]`, `{{}}`)"));
        } else {
            return true;
        }
        false
    }

    /// A `default` on a whole type (a newtype's schema, at `at`): dropped from `body`, and
    /// refused, as only a field has a default.
    pub(super) fn type_default(&mut self, body: &mut Map<String, Value>, at: &str) {
        if body.contains_key("default") {
            self.cannot(
                &format!("{at}/default"),
                "default",
                "on a whole type has no attribute in the derive (only a field has a default)",
            );
            body.remove("default");
        }
    }

    /// A `default` on an array's items (at `at`), refused.
    pub(super) fn item_default(&mut self, items: &Value, at: &str) {
        if items.get("default").is_some() {
            self.cannot(
                &format!("{at}/default"),
                "default",
                "of an array's items has no attribute in the derive",
            );
        }
    }
}

/// Whether `d` is the `Default` value of `ty`, as JSON.
fn is_default_of(ty: &Ty, d: &Value) -> bool {
    match ty {
        Ty::String | Ty::Secret => d == "",
        Ty::Bool => d == false,
        Ty::I32 | Ty::I64 => d.as_i64() == Some(0),
        Ty::F64 => d.as_f64().is_some_and(|v| v == 0.0 && v.is_sign_positive()),
        Ty::Vec(_) | Ty::AnyArray => d.as_array().is_some_and(Vec::is_empty),
        Ty::Map(_) | Ty::AnyObject => d.as_object().is_some_and(Map::is_empty),
        Ty::Any => d.is_null(),
        _ => false,
    }
}
