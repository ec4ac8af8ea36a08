//! The presence rules (`required_one_of`, `required_any_of`, `not_all_of`, `when`,
//! `requires`): on a struct with named fields only, each name a field of it, named once in a
//! rule, whose presence can be told once it is read: an `Option` that refuses `null`
//! (`not_null`: `Some` is present), or an `Option<Option<T>>` (the outer `Some` is present).
//! Each field is judged once, where it is first named. (That `not_all_of` names two fields or
//! more is read with it, in `attr::members`.)
//!
//! The condition of `when` names a field of the struct too, whose value, not presence, it
//! reads: any field the struct reads and writes, but one with a `default` (whose absent member
//! could not be told from a given one) or a secret one (whose value the schema and the errors
//! would tell), and with values its type can hold, where the type says.

use crate::ast::{Container, Data, Field, Named, Shape, When};
use crate::attr::{ConditionValue, Consequence, Scalar, VariantValue, closest_name};
use crate::ctxt::Ctxt;

pub fn check(cx: &mut Ctxt, cont: &Container) {
    if !matches!(cont.data, Data::Struct(_)) {
        return not_on_a_struct(cx, cont);
    }
    let fields = cont.fields();
    let presence = &cont.presence;
    let mut judged = vec![false; fields.len()];
    for choice in &presence.choices {
        let mut seen = Vec::new();
        let condition = choice.when.as_ref().and_then(|w| w.field.field);
        if let Some(when) = &choice.when {
            check_condition(cx, cont, when);
        }
        for named in choice.items.iter().flatten() {
            if let (Some(when), true) = (
                &choice.when,
                condition.is_some() && named.field == condition,
            ) {
                let name = &fields[named.field.expect("resolved")].name;
                let key = when.consequence.key();
                let what = match when.consequence {
                    Consequence::Required => "`required` on it says nothing".to_owned(),
                    Consequence::NotAll => format!(
                        "`not_all` on it only asks the others to be absent, or, alone, that `{name}` never holds the values"
                    ),
                };
                cx.error_spanned_by(
                    &named.ident,
                    format!(
                        "`{name}` is this `when`'s condition, so it is present whenever the rule applies: {what}; remove `{name}` from `{key}`"
                    ),
                );
                continue;
            }
            name(cx, cont, choice.key, named, &mut seen, &mut judged);
        }
    }
    for requires in &presence.requires {
        let field = &fields[requires.field];
        if !std::mem::replace(&mut judged[requires.field], true) {
            if let Some(why) = cannot_tell_presence(field) {
                cx.error_at(
                    requires.span,
                    format!("`requires` applies when this field is present, but {why}"),
                );
            }
        }
        let mut seen = Vec::new();
        for named in &requires.needs {
            if named.field == Some(requires.field) {
                cx.error_spanned_by(
                    &named.ident,
                    format!(
                        "a field does not require itself: remove `{}` from `requires`",
                        field.name
                    ),
                );
                continue;
            }
            name(cx, cont, "requires", named, &mut seen, &mut judged);
        }
    }
}

/// One name of a rule written with `key`: a field of the struct (`seen` are the ones the rule
/// named before it), whose presence can be told (judged once per field).
fn name(
    cx: &mut Ctxt,
    cont: &Container,
    key: &str,
    named: &Named,
    seen: &mut Vec<usize>,
    judged: &mut [bool],
) {
    let Some(i) = named.field else {
        return unknown(cx, cont, key, named);
    };
    let field = &cont.fields()[i];
    if seen.contains(&i) {
        cx.error_spanned_by(
            &named.ident,
            format!(
                "`{}` is named twice in this `{key}`: name each field once",
                field.name
            ),
        );
        return;
    }
    seen.push(i);
    if !std::mem::replace(&mut judged[i], true) {
        if let Some(why) = cannot_tell_presence(field) {
            cx.error_spanned_by(
                &named.ident,
                format!(
                    "`{key}` must tell whether `{}` is present, but {why}",
                    field.name
                ),
            );
        }
    }
}

/// The condition of a `when`: a field of the struct, that an absent member leaves absent
/// (`None`, or missing), not secret, each value one its type can hold.
fn check_condition(cx: &mut Ctxt, cont: &Container, when: &When) {
    let Some(i) = when.field.field else {
        let name = syn::ext::IdentExt::unraw(&when.field.ident).to_string();
        let flattened = cont.flattened.iter().find(|f| f.name == name);
        let msg = if cont.skipped.iter().any(|f| f.name == name) {
            format!(
                "`{name}` is marked `skip`: it is neither read nor written, so a condition on its value would never hold; make the condition on a field that is read"
            )
        } else if let Some(f) = flattened {
            let (what, instead) = match f.shape {
                Shape::Model => (
                    "its members sit beside this struct's",
                    "on one of its members, in a rule on its own type",
                ),
                _ => (
                    "it takes the members no field declares",
                    "on a field of this struct",
                ),
            };
            format!(
                "`{name}` is marked `flatten`: {what}, and it is no member with a value of its own; make the condition {instead}"
            )
        } else {
            return unknown(cx, cont, "when", &when.field);
        };
        return cx.error_spanned_by(&when.field.ident, msg);
    };
    let field = &cont.fields()[i];
    if field.unsupported_type {
        return;
    }
    let name = &field.name;
    if field.attrs.default.is_some() {
        cx.error_spanned_by(
            &when.field.ident,
            format!(
                "`{name}` has a `default`, which an absent member takes: the condition holds on a member given with the value, and once read the default could not be told from it; remove `default`, or make the condition on another field"
            ),
        );
        return;
    }
    if field.shape.has_secret() {
        cx.error_spanned_by(
            &when.field.ident,
            format!(
                "`{name}` is secret: a condition on its value would tell that value, in the schema and by which errors come back; make the condition on a field that is not secret"
            ),
        );
        return;
    }
    for value in &when.values {
        if let Some(why) = never_holds(field, value) {
            cx.error_spanned_by(&value.tokens, why);
        }
    }
}

/// Why the field's member never holds `value` (its type cannot), or `None` when it may: the
/// type is a string, a boolean, a number, `()`, a list or a map, under any `Option` or `Box`.
/// A model's values are its own (a string enum's, say), not seen here.
fn never_holds(field: &Field, value: &ConditionValue) -> Option<String> {
    let (name, ty) = (&field.name, super::type_text(field.ty));
    let text = value.json();
    let what = match (field.shape.value(), &value.value) {
        (Shape::Str, VariantValue::Str(_))
        | (Shape::Bool, VariantValue::Scalar(Scalar::Bool(_))) => {
            return None;
        }
        (Shape::Int(int), VariantValue::Scalar(Scalar::Int(v))) => {
            let (lo, hi) = super::int_range(int);
            if (lo..=hi).contains(v) {
                return None;
            }
            format!("an integer within {lo}..={hi}")
        }
        (Shape::Int(int), VariantValue::Scalar(Scalar::Float(v))) => {
            let (lo, hi) = super::int_range(int);
            if v.fract() == 0.0 && (lo as f64..=hi as f64).contains(v) {
                return None;
            }
            "an integer".to_owned()
        }
        (Shape::Float("f32"), VariantValue::Scalar(Scalar::Float(v))) => {
            if super::f32_holds(*v) {
                return None;
            }
            #[allow(clippy::cast_possible_truncation)]
            let nearest = *v as f32;
            return Some(format!(
                "`{name}` is `{ty}`, which holds no {text}: it writes its nearest value, {nearest:?}, so the condition would never hold; name the value as an `f32` writes it"
            ));
        }
        (Shape::Float(_), VariantValue::Scalar(Scalar::Int(_) | Scalar::Float(_))) => return None,
        (Shape::Str, _) => "a string".to_owned(),
        (Shape::Bool, _) => "`true` or `false`".to_owned(),
        (Shape::Int(_) | Shape::Float(_), _) => "a number".to_owned(),
        (Shape::Null, _) => "always `null`".to_owned(),
        (Shape::Vec(_), _) => "a list".to_owned(),
        (Shape::Map(_), _) => "an object".to_owned(),
        _ => return None,
    };
    let how = match (field.shape.value(), &value.value) {
        (Shape::Str, VariantValue::Scalar(s)) if !matches!(s, Scalar::Null) => {
            format!(
                ": write the value in quotes, `\"{}\"`, if the member holds it as text",
                s.json()
            )
        }
        _ => ": name a value it can hold".to_owned(),
    };
    Some(format!(
        "`{name}` is `{ty}`, {what}, which is never {text}, so the condition would never hold{how}"
    ))
}

/// A name that is none of the struct's own fields: a skipped or flattened one, a wire name, or
/// a name the struct does not have (with the one it most likely means).
fn unknown(cx: &mut Ctxt, cont: &Container, key: &str, named: &Named) {
    let name = syn::ext::IdentExt::unraw(&named.ident).to_string();
    let own: Vec<&str> = cont.fields().iter().map(|f| f.name.as_str()).collect();
    let flattened = cont.flattened.iter().find(|f| f.name == name);
    let msg = if cont.skipped.iter().any(|f| f.name == name) {
        format!(
            "`{name}` is marked `skip`: it is neither read nor written, so it is never present; remove it from `{key}`"
        )
    } else if let Some(f) = flattened.filter(|f| f.shape == Shape::Model) {
        format!(
            "`{}` is marked `flatten`: its members sit beside this struct's, and it is never absent itself; remove it from `{key}`, and name its members in a rule on its own type",
            f.name
        )
    } else if flattened.is_some() {
        format!(
            "`{name}` is marked `flatten`: it takes the members no field declares, and is never absent itself; remove it from `{key}`"
        )
    } else if let Some(f) = cont.fields().iter().find(|f| f.wire == name) {
        format!(
            "`{name}` is the wire name of the field `{}`: a rule names fields as they are written in Rust; write `{}`",
            f.name, f.name
        )
    } else if let Some(closest) = closest_name(&name, &own) {
        format!("no field `{name}` in this struct; did you mean `{closest}`?")
    } else if own.is_empty() {
        format!("no field `{name}` in this struct, which has no fields that are read")
    } else {
        let list: Vec<String> = own.iter().map(|n| format!("`{n}`")).collect();
        format!(
            "no field `{name}` in this struct; its fields are {}",
            list.join(", ")
        )
    };
    cx.error_spanned_by(&named.ident, msg);
}

/// Why a read value cannot say whether `field`'s member was present (completing "`key` must
/// tell whether `f` is present, but ..."), or `None` when it can. A field whose type or keys
/// are refused on their own is not judged again here.
fn cannot_tell_presence(field: &Field) -> Option<String> {
    let a = &field.attrs;
    if field.unsupported_type {
        return None;
    }
    let (name, ty) = (&field.name, super::type_text(field.ty));
    if a.default.is_some() {
        return Some(format!(
            "`{name}` has a `default`, which an absent member takes, so once read it is always there: remove `default`, or leave `{name}` out of the rule"
        ));
    }
    if !field.shape.is_option() {
        return Some(format!(
            "`{name}` is `{ty}`, not an `Option`, so it is always present: a rule on it would say nothing, or force the others absent; make it `Option<{ty}>` with `#[model(not_null)]`, or leave it out of the rule"
        ));
    }
    if field.shape.is_double_option() || a.not_null.is_some() {
        // `required` or `not_null` beside these is refused on its own.
        return None;
    }
    if a.required.is_some() {
        return Some(format!(
            "`{name}` is `required`, so it is always present, as `null` or a value: remove `required` and add `not_null`, or make it `Option<{ty}>` without `required`"
        ));
    }
    Some(format!(
        "`{name}` is `{ty}`, which reads `null` as `None`, as it reads an absent member: add `#[model(not_null)]` to refuse `null`, or make it `Option<{ty}>`, whose `Some(None)` is a `null` that is present"
    ))
}

/// `required_one_of`, `required_any_of` or `not_all_of` on an enum or a newtype, which have
/// no members of their own.
fn not_on_a_struct(cx: &mut Ctxt, cont: &Container) {
    for rule in &cont.attrs.required_of {
        let key = rule.value.key();
        let msg = match cont.data {
            Data::Enum(_) => format!(
                "`{key}` names members of an object; an enum of unit variants is a string, which has none: remove `{key}`"
            ),
            Data::Union(_) => format!(
                "`{key}` on an enum with data is not supported: put it on a struct that derives `Model`, and hold that struct in a variant"
            ),
            _ => format!(
                "`{key}` names members of an object; a newtype is its field's value, not an object of its own: remove `{key}`, or put it on the model the newtype holds"
            ),
        };
        cx.error_at(rule.span, msg);
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
    fn fields_whose_presence_is_seen_pass() {
        let src = r#"#[model(required_one_of(a, (b, c)), required_any_of(a, d))]
            struct A {
                #[model(not_null)] a: Option<String>,
                b: Option<Option<u8>>,
                #[model(not_null, requires(a, b))] c: Option<Nested>,
                #[model(not_null)] d: Option<Vec<u8>>,
                e: String,
            }"#;
        assert_eq!(errors(src), Vec::<String>::new());
    }

    #[test]
    fn each_field_is_judged_once_where_first_named() {
        let e = errors(
            r#"#[model(required_one_of(a, b, c, d), required_any_of(a, b))]
            struct A {
                a: String,
                b: Option<u8>,
                #[model(not_null, default)] c: Option<u8>,
                #[model(required)] d: Option<u8>,
                #[model(requires(b))] f: u8,
            }"#,
        );
        assert_eq!(e.len(), 5, "{e:#?}");
        assert!(
            e[0].contains("`a` is `String`, not an `Option`"),
            "{}",
            e[0]
        );
        assert!(e[1].contains("`b` is `Option<u8>`, which reads `null` as `None`"));
        assert!(e[2].contains("`c` has a `default`"));
        assert!(e[3].contains("`d` is `required`"));
        assert!(e[4].starts_with("`requires` applies when this field is present, but `f` is `u8`"));
    }

    #[test]
    fn names_are_the_struct_s_own_fields_once_each() {
        let e = errors(
            r#"#[model(rename_all = "camelCase", required_one_of(clientId, client_nam, zz, s, m, (a, a)))]
            struct A {
                #[model(not_null)] client_id: Option<u8>,
                #[model(not_null)] client_name: Option<u8>,
                #[model(not_null, requires(a, client_id, client_id))] a: Option<u8>,
                #[model(skip)] s: Option<u8>,
                #[model(flatten)] m: Nested,
            }"#,
        );
        assert_eq!(e.len(), 8, "{e:#?}");
        assert!(e[0].starts_with("`clientId` is the wire name of the field `client_id`"));
        assert_eq!(
            e[1],
            "no field `client_nam` in this struct; did you mean `client_name`?"
        );
        assert_eq!(
            e[2],
            "no field `zz` in this struct; its fields are `client_id`, `client_name`, `a`"
        );
        assert!(e[3].starts_with("`s` is marked `skip`"));
        assert!(e[4].starts_with("`m` is marked `flatten`: its members sit beside"));
        assert!(e[5].starts_with("`a` is named twice in this `required_one_of`"));
        assert!(e[6].starts_with("a field does not require itself"));
        assert!(e[7].starts_with("`client_id` is named twice in this `requires`"));
    }

    #[test]
    fn when_reads_a_field_s_value_and_names_fields_whose_presence_shows() {
        let src = r#"#[model(when(kind = "a" | "b", required(x, y)), when(level = 2 | 3.0, not_all(x)))]
            #[model(when(on = true, required(y)), when(mode = "any", not_all(x, y)))]
            struct A {
                kind: Option<String>,
                #[model(not_null)] x: Option<u8>,
                y: Option<Option<u8>>,
                level: u8,
                on: Option<Option<bool>>,
                #[model(required)] mode: Option<Mode>,
            }"#;
        assert_eq!(errors(src), Vec::<String>::new());
        let e = errors(
            r#"#[model(when(kind = "a", required(kind, x, z)), when(d = "a", not_all(x, x)))]
            #[model(when(s = "a", required(x)), when(skipped = 1, required(x)), when(m = 1, required(x)))]
            #[model(when(kid = 1, required(x)))]
            struct A {
                kind: Option<String>,
                x: Option<u8>,
                #[model(default = "a")] d: String,
                s: Secret<String>,
                #[model(skip)] skipped: u8,
                #[model(flatten)] m: Nested,
            }"#,
        );
        assert_eq!(e.len(), 9, "{e:#?}");
        assert!(
            e[0].starts_with("`kind` is this `when`'s condition"),
            "{}",
            e[0]
        );
        assert!(
            e[1].starts_with("`when` must tell whether `x` is present, but `x` is `Option<u8>`")
        );
        assert_eq!(
            e[2],
            "no field `z` in this struct; its fields are `kind`, `x`, `d`, `s`"
        );
        assert!(e[3].starts_with("`d` has a `default`"), "{}", e[3]);
        assert!(
            e[4].starts_with("`x` is named twice in this `when`"),
            "{}",
            e[4]
        );
        assert!(e[5].starts_with("`s` is secret"), "{}", e[5]);
        assert!(e[6].starts_with("`skipped` is marked `skip`"), "{}", e[6]);
        assert!(
            e[7].starts_with("`m` is marked `flatten`: its members sit beside"),
            "{}",
            e[7]
        );
        assert_eq!(e[8], "no field `kid` in this struct; did you mean `kind`?");
    }

    #[test]
    fn a_condition_s_values_are_ones_its_type_can_hold() {
        let e = errors(
            r#"#[model(when(n = 255 | 256 | 2.0 | 2.5 | "2", required(x)), when(s = "a" | 1, required(x)))]
            #[model(when(f = 0.1 | 1e-50 | 3, required(x)), when(b = false | 0, required(x)))]
            #[model(when(l = "a", required(x)), when(e = "a" | 1 | true, required(x)))]
            struct A {
                n: Option<u8>,
                s: Box<String>,
                f: f32,
                b: bool,
                l: Vec<String>,
                /// A model: its values are its own.
                e: Mode,
                #[model(not_null)] x: Option<u8>,
            }"#,
        );
        assert_eq!(e.len(), 7, "{e:#?}");
        assert_eq!(
            e[0],
            "`n` is `Option<u8>`, an integer within 0..=255, which is never 256, so the condition would never hold: name a value it can hold"
        );
        assert!(
            e[1].starts_with("`n` is `Option<u8>`, an integer, which is never 2.5"),
            "{}",
            e[1]
        );
        assert!(
            e[2].starts_with("`n` is `Option<u8>`, a number, which is never \"2\""),
            "{}",
            e[2]
        );
        assert!(
            e[3].ends_with("write the value in quotes, `\"1\"`, if the member holds it as text"),
            "{}",
            e[3]
        );
        assert!(
            e[4].starts_with(
                "`f` is `f32`, which holds no 1e-50: it writes its nearest value, 0.0"
            ),
            "{}",
            e[4]
        );
        assert!(
            e[5].starts_with("`b` is `bool`, `true` or `false`, which is never 0"),
            "{}",
            e[5]
        );
        assert!(
            e[6].starts_with("`l` is `Vec<String>`, a list, which is never \"a\""),
            "{}",
            e[6]
        );
    }

    #[test]
    fn only_a_struct_with_named_fields_has_members_to_name() {
        let e = errors("#[model(required_one_of(a, b))] enum A { B, C }");
        assert!(
            e[0].contains("an enum of unit variants is a string"),
            "{e:?}"
        );
        let e = errors("#[model(when(a = 1, required(b)))] struct A(Option<u8>);");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].starts_with("`when` names members of an object; a newtype"),
            "{e:?}"
        );
        let e =
            errors("#[model(required_any_of(a, b))] struct A(#[model(requires(a))] Option<u8>);");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[0].contains("a newtype is its field's value"));
        assert!(e[1].starts_with("`requires` names other members of an object"));
        let e = errors(
            "#[model(untagged, required_one_of(a))] enum A { B { #[model(not_null, requires(c))] a: Option<u8> } }",
        );
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[0].starts_with("`required_one_of` on an enum with data is not supported"));
        assert!(
            e[1].starts_with("`requires` in an enum's variant is not supported"),
            "{e:?}"
        );
    }
}
