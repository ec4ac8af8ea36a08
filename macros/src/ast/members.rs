//! A struct's rules on its object as a whole: `min_members`, `max_members` and `forbid`.

use proc_macro2::Span;
use syn::LitStr;

use crate::attr::ContainerAttrs;

/// The rules, as `check::members` checks them and `emit::members` writes them.
#[derive(Default)]
pub struct MemberRules {
    /// The fewest members the object may have.
    pub min: Option<usize>,
    /// The most members the object may have.
    pub max: Option<usize>,
    /// The names no member may have, every `forbid` list's in the order written.
    pub forbidden: Vec<LitStr>,
    /// The first rule's key and where it is written: what an error about the struct as a
    /// whole (flattened, or beside a tag) names and points at.
    pub first: Option<(&'static str, Span)>,
}

impl MemberRules {
    /// A struct's rules, from its attributes.
    pub fn of(attrs: &ContainerAttrs) -> MemberRules {
        MemberRules {
            min: attrs.min_members.as_ref().map(|a| a.value),
            max: attrs.max_members.as_ref().map(|a| a.value),
            forbidden: attrs.forbid.iter().flat_map(|a| a.value.clone()).collect(),
            first: attrs.member_rules().first().copied(),
        }
    }

    /// Whether the struct has none: then nothing is counted or looked up, and its code is as
    /// it would be without this module.
    pub fn is_empty(&self) -> bool {
        self.first.is_none()
    }

    /// Whether the members are counted (`min_members` or `max_members`).
    pub fn counts(&self) -> bool {
        self.min.is_some() || self.max.is_some()
    }
}
