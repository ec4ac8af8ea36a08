//! The rules on a struct's object as a whole (`min_members`, `max_members`, `forbid`): on a
//! struct with named fields only; bounds that leave some object; each forbidden name once,
//! and none that a field of the struct declares (a flattened model's names are checked when
//! the program compiles, since the derive cannot see them); `forbid` not beside
//! `deny_unknown_fields`, which refuses those names already.

use std::collections::HashSet;

use crate::ast::{Container, Data};
use crate::ctxt::Ctxt;

pub fn check(cx: &mut Ctxt, cont: &Container) {
    let a = &cont.attrs;
    if !matches!(cont.data, Data::Struct(_)) {
        for (key, span) in a.member_rules() {
            let msg = match cont.data {
                Data::Enum(_) => format!(
                    "`{key}` is about the members of an object; an enum of unit variants is a string, which has none: remove `{key}`"
                ),
                Data::Union(_) => format!(
                    "`{key}` on an enum with data is not supported: put it on a struct that derives `Model`, and hold that struct in a variant"
                ),
                _ => format!(
                    "`{key}` is about the members of an object; a newtype is its field's value, not an object of its own: remove `{key}`, or put it on the model the newtype holds"
                ),
            };
            cx.error_at(span, msg);
        }
        return;
    }
    bounds(cx, cont);
    forbidden(cx, cont);
}

/// `min_members <= max_members`, and bounds some object can keep: under
/// `deny_unknown_fields` (and with no flattened model, whose members the derive cannot count),
/// at most as many members as the struct declares; and never fewer than its required ones.
fn bounds(cx: &mut Ctxt, cont: &Container) {
    let a = &cont.attrs;
    if let (Some(min), Some(max)) = (&a.min_members, &a.max_members) {
        if min.value > max.value {
            cx.error_spanned_by(
                max.pair(),
                format!(
                    "`min_members = {}` is greater than `max_members = {}`: no object could pass; make `max_members` at least `min_members`",
                    min.value, max.value
                ),
            );
            return;
        }
    }
    let fields = cont.fields();
    if let (Some(min), Some(_), true) = (
        &a.min_members,
        a.deny_unknown_fields,
        cont.flattened.is_empty(),
    ) {
        if min.value > fields.len() {
            cx.error_spanned_by(
                min.pair(),
                format!(
                    "`min_members = {}`, but under `deny_unknown_fields` an object has at most this struct's {} member{}: no object could pass; lower `min_members`, or remove `deny_unknown_fields`",
                    min.value,
                    fields.len(),
                    if fields.len() == 1 { "" } else { "s" }
                ),
            );
        }
    }
    if let Some(max) = &a.max_members {
        let required: Vec<&str> = fields
            .iter()
            .filter(|f| f.is_required())
            .map(|f| f.wire.as_str())
            .collect();
        if max.value < required.len() {
            let list: Vec<String> = required.iter().map(|n| format!("`{n}`")).collect();
            cx.error_spanned_by(
                max.pair(),
                format!(
                    "`max_members = {}`, but every object holds the {} required members {}: no object could pass; make `max_members` at least {}",
                    max.value,
                    required.len(),
                    list.join(", "),
                    required.len()
                ),
            );
        }
    }
}

/// Each forbidden name once, none declared by a field, and no `deny_unknown_fields` beside
/// them.
fn forbidden(cx: &mut Ctxt, cont: &Container) {
    let a = &cont.attrs;
    if a.deny_unknown_fields.is_some() {
        for rule in &a.forbid {
            cx.error_at(
                rule.span,
                "`deny_unknown_fields` refuses every member no field declares already (code `unknown_field`), so `forbid` would say nothing more: remove `forbid`, or remove `deny_unknown_fields` to take the members it does not name",
            );
        }
        return;
    }
    let mut seen = HashSet::new();
    for name in cont.members.forbidden.iter() {
        let value = name.value();
        if !seen.insert(value.clone()) {
            cx.error_spanned_by(
                name,
                format!("`{value}` is forbidden twice: name each member once"),
            );
            continue;
        }
        if let Some(f) = cont.fields().iter().find(|f| f.wire == value) {
            cx.error_spanned_by(
                name,
                format!(
                    "`{value}` is the wire name of the field `{}`, which this struct reads: `forbid` names members no field declares; remove `{value}` from `forbid`, or the field",
                    f.name
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ast::Container;
    use crate::ctxt::Ctxt;

    fn errors(src: &str) -> Vec<String> {
        let input: syn::DeriveInput = syn::parse_str(src).unwrap();
        let mut cx = Ctxt::default();
        if let Some(cont) = Container::from_input(&mut cx, &input) {
            crate::check::check(&mut cx, &cont);
        }
        match cx.finish() {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn rules_that_some_object_keeps_pass() {
        let src = r#"#[model(rename_all = "camelCase", min_members = 1, max_members = 3, forbid("password", "b"), forbid("c"))]
            struct A {
                a_b: String,
                c_d: Option<u8>,
                #[model(skip)] b: u8,
                #[model(flatten)] rest: std::collections::BTreeMap<String, u8>,
            }"#;
        assert_eq!(errors(src), Vec::<String>::new());
        let src = "#[model(deny_unknown_fields, min_members = 2, max_members = 2)] struct A { a: u8, b: Option<u8> }";
        assert_eq!(errors(src), Vec::<String>::new());
    }

    #[test]
    fn bounds_that_leave_no_object_are_refused() {
        let e = errors("#[model(min_members = 3, max_members = 2)] struct A { a: Option<u8> }");
        assert_eq!(
            e,
            [
                "`min_members = 3` is greater than `max_members = 2`: no object could pass; make `max_members` at least `min_members`"
            ]
        );
        let e = errors(
            "#[model(deny_unknown_fields, min_members = 3)] struct A { a: u8, b: Option<u8> }",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with(
            "`min_members = 3`, but under `deny_unknown_fields` an object has at most this struct's 2 members"
        ));
        let e = errors("#[model(max_members = 1)] struct A { a: u8, b: String, c: Option<u8> }");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].starts_with(
                "`max_members = 1`, but every object holds the 2 required members `a`, `b`"
            ),
            "{}",
            e[0]
        );
    }

    #[test]
    fn forbidden_names_are_undeclared_and_named_once() {
        let e = errors(
            r#"#[model(rename_all = "camelCase", forbid("aB", "x", "y"), forbid("x"))]
            struct A { a_b: u8 }"#,
        );
        assert_eq!(e.len(), 2, "{e:#?}");
        assert!(e[0].starts_with("`aB` is the wire name of the field `a_b`"));
        assert_eq!(e[1], "`x` is forbidden twice: name each member once");
        let e = errors(r#"#[model(deny_unknown_fields, forbid("x"))] struct A { a: u8 }"#);
        assert_eq!(e.len(), 1, "{e:#?}");
        assert!(e[0].starts_with("`deny_unknown_fields` refuses every member no field declares"));
    }

    #[test]
    fn only_a_struct_with_named_fields_has_members() {
        let e = errors(r#"#[model(min_members = 1, forbid("a"))] enum A { B, C }"#);
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[0].starts_with("`min_members` is about the members of an object; an enum"));
        assert!(e[1].starts_with("`forbid` is about the members of an object; an enum"));
        let e = errors("#[model(max_members = 1)] struct A(u8);");
        assert!(e[0].contains("a newtype is its field's value"), "{e:?}");
        let e = errors("#[model(tag = \"t\", max_members = 1)] enum A { B { b: u8 } }");
        assert!(
            e[0].starts_with("`max_members` on an enum with data is not supported"),
            "{e:?}"
        );
    }
}
