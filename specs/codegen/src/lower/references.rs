//! `$ref`: the type a reference names (found, or made and named after the reference's last
//! token), a type that is only a reference (an alias), which types a type holds, and where a
//! type holds itself (an alias cycle refused, a field boxed).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::Lowering;
use super::annotations::NOTES;
use crate::input::ref_target;
use crate::model::{self as m, Kind, Rules, Ty, TypeDef};

/// The keywords of a value that is a `$ref`, besides [`NOTES`].
const REFERENCE: &[&str] = &["$ref"];

impl Lowering<'_> {
    /// A value that is a `$ref` (`r`): the type it names, with the value's annotations.
    pub(super) fn lower_reference(
        &mut self,
        r: &Value,
        map: &Map<String, Value>,
        at: &str,
        rules: Rules,
    ) -> Option<m::Value> {
        // A `type` beside it (OpenAPI 3.1 and 2020-12 allow siblings) that is the target's
        // own says nothing more.
        let target = r
            .as_str()
            .and_then(ref_target)
            .and_then(|t| self.doc.at(&t));
        let repeats = match (map.get("type"), target) {
            (Some(Value::String(t)), Some(node)) => {
                super::unions::type_of(self.doc, node).as_deref() == Some(t.as_str())
            }
            _ => false,
        };
        // `null` alone beside a type that does not allow it: no value is both.
        let target_null = r
            .as_str()
            .and_then(ref_target)
            .is_some_and(|t| super::holds_null(self.doc, &t));
        if map.get("type") == Some(&Value::from("null")) && !target_null {
            self.refuse(
                &format!("{at}/type"),
                format!(
                    "`type` `null` beside a `$ref` to `{}`, which does not allow `null`: no value is both, so nothing is accepted here (a `null` or the type was probably meant: write an `anyOf` of both)",
                    r.as_str().unwrap_or_default()
                ),
            );
            return None;
        }
        let allowed: &[&str] = if repeats { &["type"] } else { &[] };
        self.only(map, at, &[REFERENCE, NOTES, allowed], "a `$ref`");
        let name = self.reference(r.as_str().unwrap_or_default(), &format!("{at}/$ref"))?;
        // A struct or an enum that allows `null` is held as an `Option` wherever it is held.
        let nullable = r
            .as_str()
            .and_then(ref_target)
            .is_some_and(|t| super::holds_null(self.doc, &t));
        let ty = match nullable {
            true => Ty::Option(Box::new(Ty::Named(name))),
            false => Ty::Named(name),
        };
        Some(m::Value { ty, rules })
    }

    /// A named type whose schema is a `$ref` alone (and a description): an alias of the type
    /// the reference names.
    pub(super) fn lower_alias(
        &mut self,
        name: &str,
        map: &Map<String, Value>,
        at: &str,
    ) -> Option<Kind> {
        let target = self.reference(
            map["$ref"].as_str().unwrap_or_default(),
            &format!("{at}/$ref"),
        )?;
        if target == name {
            self.refuse(at, "a `$ref` to itself names no type");
            return None;
        }
        Some(Kind::Alias(target))
    }

    /// The type a `$ref` names, found or made. One the reading could not resolve is refused
    /// with the reading's reason (a file it could not read, an anchor no schema declares).
    fn reference(&mut self, reference: &str, at: &str) -> Option<String> {
        let shown = self.doc.show(at);
        if let Some(why) = self.doc.unresolved.iter().find(|u| u.pointer == shown) {
            let message = why.message.clone();
            self.refuse(at, message);
            return None;
        }
        let Some(target) = ref_target(reference) else {
            self.refuse(at, format!("`$ref` to `{reference}`: only references inside the document (`#/...`) are read"));
            return None;
        };
        if let Some(name) = self.names.get(&target) {
            return Some(name.clone());
        }
        if self.doc.at(&target).is_none() {
            self.refuse(
                at,
                format!("`$ref` to `{reference}`, which is not in the document"),
            );
            return None;
        }
        let hint = target
            .rsplit('/')
            .next()
            .unwrap_or("Schema")
            .replace("~1", "/")
            .replace("~0", "~");
        Some(self.inline(&target, &hint, false))
    }
}

/// The generated types a type holds.
pub(super) fn uses(t: &TypeDef) -> Vec<String> {
    fn walk(ty: &Ty, out: &mut Vec<String>) {
        match ty {
            Ty::Named(n) => out.push(n.clone()),
            Ty::Option(t) | Ty::Boxed(t) | Ty::Vec(t) | Ty::Map(t) => walk(t, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Kind::Alias(n) = &t.kind {
        out.push(n.clone());
    }
    for v in t.kind.values() {
        walk(&v.ty, &mut out);
    }
    out
}

/// The aliases among `types` that lead back to themselves, and so name no type.
pub(super) fn alias_cycles(types: &[TypeDef]) -> Vec<String> {
    let aliases: BTreeMap<String, String> = types
        .iter()
        .filter_map(|t| match &t.kind {
            Kind::Alias(target) => Some((t.name.clone(), target.clone())),
            _ => None,
        })
        .collect();
    aliases
        .keys()
        .filter(|start| {
            let mut at = aliases.get(*start);
            for _ in 0..=aliases.len() {
                match at {
                    Some(n) if n == *start => return true,
                    Some(n) => at = aliases.get(n),
                    None => return false,
                }
            }
            false
        })
        .cloned()
        .collect()
}

/// Boxes each field that holds, not through a `Vec` or a map, a type that holds the field's
/// own type the same way: a recursion Rust cannot size.
pub(super) fn box_recursion(types: &mut [TypeDef]) {
    fn direct(ty: &Ty) -> Option<&str> {
        match ty {
            Ty::Named(n) => Some(n),
            Ty::Option(t) => direct(t),
            _ => None,
        }
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for t in types.iter() {
        let set = edges.entry(t.name.clone()).or_default();
        if let Kind::Alias(n) = &t.kind {
            set.insert(n.clone());
        }
        set.extend(
            t.kind
                .values()
                .into_iter()
                .filter_map(|v| direct(&v.ty))
                .map(str::to_owned),
        );
    }
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_owned()];
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n.clone()) {
                stack.extend(edges.get(&n).into_iter().flatten().cloned());
            }
        }
        false
    };
    fn boxed(ty: &mut Ty) {
        match ty {
            Ty::Option(t) => boxed(t),
            Ty::Named(_) => *ty = Ty::Boxed(Box::new(std::mem::take(ty))),
            _ => {}
        }
    }
    for t in types.iter_mut() {
        let name = t.name.clone();
        for v in t.kind.values_mut() {
            if let Some(target) = direct(&v.ty) {
                if reaches(target, &name) {
                    boxed(&mut v.ty);
                }
            }
        }
    }
}
