//! A struct's presence rules, with each name they hold resolved to one of its fields:
//! `required_one_of`, `required_any_of`, `not_all_of` and `when` on the struct, `requires` on
//! its fields.

use proc_macro2::{Ident, Span};
use syn::ext::IdentExt;

use super::Field;
use crate::attr::{ChoiceKind, ConditionValue, Consequence, ContainerAttrs};

/// The rules, in the order written: what `check::presence` checks and `emit::presence` writes.
#[derive(Default)]
pub struct Presence {
    /// `required_one_of`, `required_any_of`, `not_all_of` and `when`, in the order written.
    pub choices: Vec<Choice>,
    /// `requires`, in field declaration order.
    pub requires: Vec<Requires>,
}

/// `required_one_of(...)`, `required_any_of(...)`, `not_all_of(...)` or `when(...)`.
pub struct Choice {
    pub kind: ChoiceKind,
    /// The key, `required_one_of`, `required_any_of`, `not_all_of` or `when`.
    pub key: &'static str,
    /// The items, each the fields it names (one for a field alone, and for each field of
    /// `not_all_of` and of the consequence of `when`).
    pub items: Vec<Vec<Named>>,
    /// The condition of `when`; `None` for the other rules.
    pub when: Option<When>,
}

/// The condition of `when(kind = "a" | "b", required(x))`, and which consequence follows.
pub struct When {
    /// The field whose member's value the condition reads.
    pub field: Named,
    /// The values, in the order written: the condition holds when the member is present and
    /// holds one of them.
    pub values: Vec<ConditionValue>,
    pub consequence: Consequence,
}

/// `requires(...)` on a field.
pub struct Requires {
    /// The field that carries it, by its index among the struct's fields.
    pub field: usize,
    /// Where the key is written.
    pub span: Span,
    /// The fields that must be present when it is.
    pub needs: Vec<Named>,
}

/// A name in a rule, and the field it names.
pub struct Named {
    pub ident: Ident,
    /// The field's index among the struct's own fields (`Container::fields`), when it names
    /// one of them.
    pub field: Option<usize>,
}

impl Presence {
    /// The rules of a struct whose own fields (neither skipped nor flattened) are `fields`.
    pub fn of(attrs: &ContainerAttrs, fields: &[Field]) -> Presence {
        let named = |ident: &Ident| {
            let name = ident.unraw().to_string();
            Named {
                ident: ident.clone(),
                field: fields.iter().position(|f| f.name == name),
            }
        };
        let choices = attrs
            .required_of
            .iter()
            .map(|rule| Choice {
                kind: rule.value.kind,
                key: rule.value.key(),
                items: rule
                    .value
                    .items
                    .iter()
                    .map(|item| item.iter().map(named).collect())
                    .collect(),
                when: rule.value.when.as_ref().map(|c| When {
                    field: named(&c.field),
                    values: c.values.clone(),
                    consequence: c.consequence,
                }),
            })
            .collect();
        let requires = fields
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let requires = f.attrs.requires.as_ref()?;
                Some(Requires {
                    field: i,
                    span: requires.span,
                    needs: requires.value.iter().map(named).collect(),
                })
            })
            .collect();
        Presence { choices, requires }
    }

    pub fn is_empty(&self) -> bool {
        self.choices.is_empty() && self.requires.is_empty()
    }

    /// Whether a rule is `not_all_of`: then the runtime's `PresenceRules` holds them, and a
    /// struct without one keeps its `Presence` alone.
    pub fn has_not_all(&self) -> bool {
        self.choices.iter().any(|c| c.kind == ChoiceKind::NotAll)
    }

    /// Whether a rule is `when`: then the runtime's `WhenRules` holds them, and a struct
    /// without one keeps the type it had before there was `when`.
    pub fn has_when(&self) -> bool {
        self.choices.iter().any(|c| c.kind == ChoiceKind::When)
    }

    /// The `when` rules, in the order written, each with its place among the choices.
    pub fn whens(&self) -> impl Iterator<Item = (usize, &Choice, &When)> {
        self.choices
            .iter()
            .enumerate()
            .filter_map(|(at, c)| Some((at, c, c.when.as_ref()?)))
    }

    /// Every name the rules hold, each with the rule's key (of `when`, the fields of its
    /// consequence, not the field of its condition, whose presence the rule does not read).
    pub fn names(&self) -> impl Iterator<Item = (&'static str, &Named)> {
        let choices = self
            .choices
            .iter()
            .flat_map(|c| c.items.iter().flatten().map(move |n| (c.key, n)));
        let requires = self
            .requires
            .iter()
            .flat_map(|r| r.needs.iter().map(|n| ("requires", n)));
        choices.chain(requires)
    }

    /// The fields the rules are about, each named in a rule or carrying `requires`, as indexes
    /// among the struct's fields, in declaration order: the members the runtime's rule lists.
    pub fn members(&self) -> Vec<usize> {
        let mut members: Vec<usize> = self
            .names()
            .filter_map(|(_, n)| n.field)
            .chain(self.requires.iter().map(|r| r.field))
            .collect();
        members.sort_unstable();
        members.dedup();
        members
    }
}
