//! A struct's presence rules, with each name they hold resolved to one of its fields:
//! `required_one_of`, `required_any_of` and `not_all_of` on the struct, `requires` on its
//! fields.

use proc_macro2::{Ident, Span};
use syn::ext::IdentExt;

use super::Field;
use crate::attr::{ChoiceKind, ContainerAttrs};

/// The rules, in the order written: what `check::presence` checks and `emit::presence` writes.
#[derive(Default)]
pub struct Presence {
    /// `required_one_of`, `required_any_of` and `not_all_of`, in the order written.
    pub choices: Vec<Choice>,
    /// `requires`, in field declaration order.
    pub requires: Vec<Requires>,
}

/// `required_one_of(...)`, `required_any_of(...)` or `not_all_of(...)`.
pub struct Choice {
    pub kind: ChoiceKind,
    /// The key, `required_one_of`, `required_any_of` or `not_all_of`.
    pub key: &'static str,
    /// The items, each the fields it names (one for a field alone, and for each field of
    /// `not_all_of`).
    pub items: Vec<Vec<Named>>,
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

    /// Every name the rules hold, each with the rule's key.
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
