//! Checks across the model: each rule against the field's type, bounds against each other,
//! wire names against each other, the presence rules' names against the fields (`presence`),
//! and the rules on the object as a whole against the struct (`members`). Each message says
//! how to mend the mistake.

use std::collections::HashMap;

use syn::{GenericArgument, PathArguments, Type};

use crate::ast::{Container, Data, Field, Shape, WireFrom};
use crate::attr::{Attr, FieldAttrs, Number};
use crate::case;
use crate::ctxt::Ctxt;

mod members;
mod presence;

pub fn check(cx: &mut Ctxt, cont: &Container) {
    for field in cont.fields().iter().chain(&cont.flattened) {
        check_field(cx, field);
        if let Some(custom) = &field.attrs.custom {
            let params = cont.type_params();
            if let Some((param, _)) = params
                .iter()
                .find(|(p, _)| crate::ast::mentions(field.ty, p))
            {
                cx.error_at(custom.span, format!("a field's `custom` check is fixed when the type expands, but this field's type holds the parameter `{param}`: check it in a `custom` rule on the type instead"));
            }
        }
    }
    for field in &cont.skipped {
        check_skip(cx, field);
    }
    check_flatten(cx, cont);
    check_direction(cx, cont.attrs.read_only, cont.attrs.write_only);
    presence::check(cx, cont);
    members::check(cx, cont);
    if !matches!(cont.data, Data::Union(_)) {
        check_not_a_union(cx, cont);
    }
    match &cont.data {
        Data::Struct(fields) => check_wire_names(
            cx,
            "fields",
            "field",
            fields
                .iter()
                .map(|f| (f.name.as_str(), f.wire.as_str(), f.wire_span, f.wire_from)),
        ),
        Data::Newtype(field) => check_newtype(cx, cont, field),
        Data::Union(variants) => check_union(cx, cont, variants),
        Data::Enum(variants) => {
            if let Some(span) = cont.attrs.deny_unknown_fields {
                cx.error_at(span, "`deny_unknown_fields` applies to a struct's members; an enum refuses every value it does not list: remove it");
            }
            check_wire_names(
                cx,
                "variants",
                "variant",
                variants
                    .iter()
                    .filter(|v| v.other.is_none() && v.scalar.is_none())
                    .map(|v| (v.name.as_str(), v.wire.as_str(), v.wire_span, v.wire_from)),
            );
            check_values(cx, variants);
        }
    }
}

/// Two variants of a value enum with one JSON value, numbers compared as JSON Schema compares
/// them (`1` and `1.0` are one value): an error on the second one's `value`. Strings are
/// compared as wire names, by `check_wire_names`.
fn check_values(cx: &mut Ctxt, variants: &[crate::ast::Variant]) {
    let valued: Vec<_> = variants
        .iter()
        .filter_map(|v| Some((v, v.scalar.as_ref()?)))
        .collect();
    for (i, (v, scalar)) in valued.iter().enumerate() {
        if let Some((first, first_scalar)) = valued[..i]
            .iter()
            .find(|(_, earlier)| earlier.value.same(scalar.value))
        {
            let (a, b) = (first_scalar.value.json(), scalar.value.json());
            let (head, tail) = if a == b {
                (format!("the value {b}"), "")
            } else {
                (
                    "one value".to_owned(),
                    ", which JSON Schema counts as equal",
                )
            };
            cx.error_spanned_by(
                &scalar.tokens,
                format!(
                    "two variants have {head}: variant `{}` (`value = {a}`) and variant `{}` (`value = {b}`){tail}; give one of them another value",
                    first.name, v.name
                ),
            );
        }
    }
}

/// The keys of an enum with data, on a struct, newtype or string enum.
fn check_not_a_union(cx: &mut Ctxt, cont: &Container) {
    let a = &cont.attrs;
    let what = match cont.data {
        Data::Enum(_) => "an enum of unit variants is a string, which has no members",
        _ => "a struct is one object, and a newtype its field's value",
    };
    for (key, span) in [
        ("tag", a.tag.as_ref().map(|t| t.span)),
        ("content", a.content.as_ref().map(|t| t.span)),
        ("untagged", a.untagged),
        ("one_of", a.one_of),
        (
            "rename_all_fields",
            a.rename_all_fields.as_ref().map(|t| t.span),
        ),
    ] {
        if let Some(span) = span {
            if matches!(cont.data, Data::Enum(_)) && key == "rename_all_fields" {
                cx.error_at(span, "`rename_all_fields` names the fields of an enum's struct variants, and this enum has none: remove it");
            } else if !matches!(cont.data, Data::Enum(_)) {
                cx.error_at(
                    span,
                    format!(
                        "`{key}` says how an enum with data is written; {what}: remove `{key}`"
                    ),
                );
            }
        }
    }
}

/// An enum with data: one representation, tags that differ from each other and from the
/// members beside them, and variant fields checked as a struct's.
fn check_union(cx: &mut Ctxt, cont: &Container, variants: &[crate::ast::UnionVariant]) {
    use crate::ast::{Repr, VariantKind};
    let a = &cont.attrs;
    let set: Vec<(&str, proc_macro2::Span)> = [
        ("tag", a.tag.as_ref().map(|t| t.span)),
        ("untagged", a.untagged),
        ("one_of", a.one_of),
    ]
    .into_iter()
    .filter_map(|(k, s)| Some((k, s?)))
    .collect();
    if let [(first, _), (second, span), ..] = set.as_slice() {
        cx.error_at(
            *span,
            format!("`{second}` and `{first}` are two ways of writing the enum: keep one"),
        );
    }
    if let (Some(content), None) = (&a.content, &a.tag) {
        cx.error_at(
            content.span,
            "`content` names the member beside the tag: add `tag = \"...\"`, or remove `content`",
        );
    }
    if let (Some(tag), Some(content)) = (&a.tag, &a.content) {
        if tag.value.value() == content.value.value() {
            cx.error_spanned_by(
                &content.value,
                "`content` and `tag` name the same member: give them two names",
            );
        }
    }
    if let Some(span) = a.deny_unknown_fields {
        cx.error_at(span, "`deny_unknown_fields` on an enum with data is not supported: each variant's members are read as a struct's, which skips unknown ones; remove it");
    }
    if let Some(custom) = &a.custom {
        cx.error_at(custom.span, "a type-level `custom` rule on an enum with data is not supported: put `custom` on the variants' fields, or on the types they hold");
    }
    let repr = cont.repr();
    let tag = a.tag.as_ref().map(|t| t.value.value());
    for v in variants {
        for field in v.kind.fields() {
            if field.attrs.skip.is_some() {
                check_skip(cx, field);
            } else {
                check_field(cx, field);
            }
            if let Some(span) = field.attrs.flatten {
                cx.error_at(span, "`flatten` in an enum's variant is not supported: put the map in a struct that derives `Model`, and hold that struct in the variant");
            }
            if let (VariantKind::Struct(_), None, Some(requires)) =
                (&v.kind, field.attrs.skip, &field.attrs.requires)
            {
                cx.error_at(requires.span, "`requires` in an enum's variant is not supported: put the fields in a struct that derives `Model`, and hold that struct in the variant");
            }
        }
        if let (Some(description), VariantKind::Unit | VariantKind::Newtype(_)) =
            (&v.attrs.description, &v.kind)
        {
            let holds = match v.kind {
                VariantKind::Unit => "holds none: remove `description`",
                _ => {
                    "holds one value, whose schema is its type's: remove `description`, and describe that type instead"
                }
            };
            cx.error_at(description.span, format!("`description` on a variant describes the object of its fields in the schema, but variant `{}` {holds}", v.name));
        }
        match &v.kind {
            VariantKind::Newtype(field) => {
                for (key, span) in keys_among(&field.attrs, PRESENCE_KEYS) {
                    cx.error_at(span, format!("`{key}` does not apply to the field of a variant that holds one value, which is the variant's whole content: remove `{key}`"));
                }
                if let Some(description) = &field.attrs.description {
                    cx.error_at(description.span, format!("the field of variant `{}` is the variant's whole content, whose schema is its type's, with no description of its own: remove `description`, and describe the type it holds", v.name));
                }
                if repr == Repr::Internal && !field.unsupported_type && field.shape != Shape::Model
                {
                    cx.error_spanned_by(field.ty, format!("with `tag`, a variant's content sits beside the tag in one object, so a variant holding one value must hold a struct that derives `Model`, but this is `{}`: use a struct, or name the fields in the variant", type_text(field.ty)));
                }
            }
            VariantKind::Struct(fields) => {
                check_wire_names(
                    cx,
                    "fields",
                    "field",
                    fields
                        .iter()
                        .filter(|f| f.attrs.skip.is_none())
                        .map(|f| (f.name.as_str(), f.wire.as_str(), f.wire_span, f.wire_from)),
                );
                if let (Repr::Internal, Some(tag)) = (repr, &tag) {
                    if let Some(f) = fields
                        .iter()
                        .find(|f| &f.wire == tag && f.attrs.skip.is_none())
                    {
                        cx.error_at(f.wire_span, format!("the field `{}` of variant `{}` has the wire name \"{tag}\", which is the enum's tag: rename the field or the tag", f.name, v.name));
                    }
                }
            }
            VariantKind::Unit => {}
        }
    }
    check_wire_names(
        cx,
        "variants",
        "variant",
        variants
            .iter()
            .map(|v| (v.name.as_str(), v.wire.as_str(), v.wire_span, v.wire_from)),
    );
}

/// A newtype is its field's value: nothing names the field on the wire, and nothing is
/// absent.
fn check_newtype(cx: &mut Ctxt, cont: &Container, field: &Field) {
    if let Some(span) = cont.attrs.deny_unknown_fields {
        cx.error_at(span, "`deny_unknown_fields` applies to a struct's members; a newtype is its field's value: remove it");
    }
    if let Some(rule) = &cont.attrs.rename_all {
        cx.error_at(rule.span, "`rename_all` names a struct's members or an enum's values; a newtype's field has no name on the wire: remove it");
    }
    if let Some(rename) = &field.attrs.rename {
        cx.error_at(
            rename.span,
            "a newtype's field has no name on the wire: remove `rename`",
        );
    }
    for (key, span) in [
        ("default", field.attrs.default.as_ref().map(|d| d.span)),
        ("required", field.attrs.required),
        ("not_null", field.attrs.not_null),
    ] {
        if let Some(span) = span {
            cx.error_at(span, format!("a newtype's field is its whole value and cannot be absent: remove `{key}`, or put it on the field that holds the newtype"));
        }
    }
    if let Some(span) = field.attrs.skip {
        cx.error_at(
            span,
            "a newtype's field is its whole value and cannot be skipped: remove `skip`",
        );
    }
    if let Some(requires) = &field.attrs.requires {
        cx.error_at(
            requires.span,
            "`requires` names other members of an object; a newtype's field is its whole value, with none beside it: remove `requires`",
        );
    }
    if let Some(description) = &field.attrs.description {
        cx.error_at(
            description.span,
            "a newtype's field is its whole value, which the newtype's own description describes: move `description` onto the newtype",
        );
    }
}

/// A type as the user wrote it, without the spaces of a token stream (`Option<Vec<u16>>`).
fn type_text(ty: &Type) -> String {
    let text = quote::ToTokens::to_token_stream(ty).to_string();
    text.replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" <", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace("& ", "&")
}

/// A `flatten` field is a map that takes the members no field declares: one of them, not
/// beside `deny_unknown_fields`, and with no key that names or counts it as a member.
fn check_flatten(cx: &mut Ctxt, cont: &Container) {
    if let Data::Newtype(field) = &cont.data {
        if let Some(span) = field.attrs.flatten {
            cx.error_at(
                span,
                "a newtype's field is its whole value, not members of an object: remove `flatten`",
            );
        }
    }
    let models = cont
        .flattened
        .iter()
        .filter(|f| f.shape == Shape::Model)
        .count();
    let mut first_map: Option<&Field> = None;
    for (i, field) in cont.flattened.iter().enumerate() {
        let a = &field.attrs;
        let span = a.flatten.unwrap_or_else(proc_macro2::Span::call_site);
        if let (Shape::Map(_), false) = (&field.shape, field.unsupported_type) {
            match first_map {
                Some(first) => cx.error_at(span, format!("a second flattened map: `{}` already takes every member no field declares; keep one `flatten`", first.name)),
                None if models > 0 => cx.error_at(span, "a flattened map beside a flattened model: which members the map takes would depend on the model's; flatten the map inside the model, or keep one of them"),
                None => first_map = Some(field),
            }
        }
        if let (Some(deny), Shape::Map(_)) = (cont.attrs.deny_unknown_fields, &field.shape) {
            if i == 0 {
                cx.error_at(deny, "`deny_unknown_fields` refuses the members a flattened map takes: remove it, or remove `flatten`");
            }
        }
        if field.unsupported_type {
            continue;
        }
        match &field.shape {
            Shape::Map(_) | Shape::Model => {}
            _ => cx.error_at(span, format!("`flatten` applies to a map (`BTreeMap<String, V>`, `HashMap<String, V>` or `serde_json::Map<String, Value>`), whose members are the ones no field declares, or to a struct that derives `Model`, whose members sit beside this struct's; this field is `{}`: remove `flatten`", type_text(field.ty))),
        }
        if field.shape == Shape::Model {
            if let Some((param, _)) = cont
                .type_params()
                .iter()
                .find(|(p, _)| crate::ast::mentions(field.ty, p))
            {
                cx.error_at(span, format!("a flattened model's member names are checked against this struct's when the program compiles, but this field's type holds the parameter `{param}`: flatten a concrete type"));
            }
        }
        for (key, at) in keys_set(a) {
            let why = match key {
                "rename" => "a flattened map has no name on the wire",
                "min_len" | "max_len" => {
                    "JSON Schema counts every member of the object, the declared ones too, so the count would mean something else in the schema"
                }
                "default" | "required" | "not_null" => {
                    "a flattened map is never absent: it is empty when no other member is given"
                }
                "opaque" | "schema" => "a flattened map is read member by member",
                "requires" => {
                    "a flattened field is no member of its own, and never absent: its members sit beside this struct's"
                }
                "description" => {
                    "a flattened field is no member of its own, and has no property to describe: its members sit beside this struct's"
                }
                _ => continue,
            };
            cx.error_at(
                at,
                format!("`{key}` does not apply to a `flatten` field: {why}; remove `{key}`"),
            );
        }
    }
}

/// A `skip` field is neither read nor written: no other key but `default` applies to it.
fn check_skip(cx: &mut Ctxt, field: &Field) {
    let a = &field.attrs;
    for (key, span) in keys_set(a) {
        if key != "default" {
            cx.error_at(span, format!("`{key}` does not apply to a `skip` field, which is neither read nor written: remove `{key}`"));
        }
    }
    if let Some(default) = &a.default {
        if let crate::attr::DefaultValue::Literal(_) = default.value {
            cx.error_spanned_by(
                default.pair(),
                "a `skip` field's type is not read by this derive, so a literal cannot be checked against it: write `default = path` with a function `fn() -> T`, or `default` alone",
            );
        }
    }
}

/// The keys that say how a member is present on the wire, which a value inside another (a
/// variant's one value) does not take.
const PRESENCE_KEYS: &[&str] = &[
    "rename", "default", "required", "not_null", "requires", "skip", "flatten",
];

/// The keys named in `names` that are set on a field (`skip` among them), in the table's order.
fn keys_among(a: &FieldAttrs, names: &[&str]) -> Vec<(&'static str, proc_macro2::Span)> {
    let mut set = keys_set(a);
    if let Some(span) = a.skip {
        // `skip` sits just before `flatten` in the table.
        let at = set
            .iter()
            .position(|(k, _)| *k == "flatten")
            .unwrap_or(set.len());
        set.insert(at, ("skip", span));
    }
    set.retain(|(k, _)| names.contains(k));
    set
}

/// Every key set on a field but `skip`, with the span of the key, in the table's order.
fn keys_set(a: &FieldAttrs) -> Vec<(&'static str, proc_macro2::Span)> {
    let span = |attr: &Option<Attr<Box<FieldAttrs>>>| attr.as_ref().map(|a| a.span);
    let mut set: Vec<(&'static str, Option<proc_macro2::Span>)> = vec![
        ("rename", a.rename.as_ref().map(|x| x.span)),
        ("charset", a.charset.as_ref().map(|x| x.span)),
        ("pattern", a.pattern.as_ref().map(|x| x.span)),
        ("min_len", a.min_len.as_ref().map(|x| x.span)),
        ("max_len", a.max_len.as_ref().map(|x| x.span)),
        ("min", a.min.as_ref().map(|x| x.span)),
        ("max", a.max.as_ref().map(|x| x.span)),
        ("exclusive_min", a.exclusive_min.as_ref().map(|x| x.span)),
        ("exclusive_max", a.exclusive_max.as_ref().map(|x| x.span)),
        ("multiple_of", a.multiple_of.as_ref().map(|x| x.span)),
        ("unique", a.unique),
        ("items", span(&a.items)),
        ("keys", span(&a.keys)),
        ("values", span(&a.values)),
        ("opaque", a.opaque),
        ("schema", a.schema.as_ref().map(|x| x.span)),
        ("custom", a.custom.as_ref().map(|x| x.span)),
        ("default", a.default.as_ref().map(|x| x.span)),
        ("required", a.required),
        ("not_null", a.not_null),
        ("requires", a.requires.as_ref().map(|x| x.span)),
        ("flatten", a.flatten),
        ("check_format", a.check_format),
    ];
    // `not_pattern`, which may be given more than once, sits after `pattern` in the table.
    let at = set
        .iter()
        .position(|(k, _)| *k == "pattern")
        .map_or(0, |i| i + 1);
    set.splice(
        at..at,
        a.not_pattern.iter().map(|p| ("not_pattern", Some(p.span))),
    );
    set.extend(annotations(a).into_iter().map(|(k, s)| (k, Some(s))));
    set.push(("description", a.description.as_ref().map(|x| x.span)));
    set.into_iter()
        .filter_map(|(key, span)| Some((key, span?)))
        .collect()
}

/// `required`, `not_null` and `default`: what an absent member or a `null` means, against the
/// field's type and each other; a literal default against the type and the rules.
fn check_presence(cx: &mut Ctxt, field: &Field) {
    let a = &field.attrs;
    let shape = &field.shape;
    let ty = type_text(field.ty);
    // `Option<()>`: `None` is absent or `null`, and `Some(())` is never read.
    let null_option =
        shape.is_option() && !shape.is_double_option() && shape.value() == &Shape::Null;
    for (key, span, what) in [
        (
            "required",
            a.required,
            "the member must be present, `null` reading as `None`",
        ),
        (
            "not_null",
            a.not_null,
            "the member may be absent, but `null` is refused",
        ),
    ] {
        let Some(span) = span else { continue };
        if null_option {
            check_null_option(cx, key, span, &ty);
        } else if !shape.is_option() {
            let already = match shape.value() {
                Shape::Null => "required already, and always `null`",
                _ => "required and never `null` already",
            };
            cx.error_at(span, format!("`{key}` applies to an `Option` ({what}), but this field is `{ty}`, which is {already}: remove `{key}`"));
        } else if shape.is_double_option() {
            cx.error_at(span, format!("`{key}` does not apply to `Option<Option<T>>`, which reads an absent member as `None` and `null` as `Some(None)`: remove `{key}`, or make the field `Option<T>`"));
        }
    }
    if let (Some(_), Some(span)) = (a.required, a.not_null) {
        if !shape.is_double_option() && !null_option {
            cx.error_at(span, "a member that must be present and cannot be `null` is the value itself: remove `required`, `not_null` and the `Option`");
        }
    }
    if let (Some(_), Some(default)) = (a.required, &a.default) {
        cx.error_at(default.span, "a `required` member is never absent, so its `default` would never be taken: remove one of them");
    }
    let Some(default) = &a.default else { return };
    let crate::attr::DefaultValue::Literal(lit) = &default.value else {
        return;
    };
    check_default_literal(cx, field, default, lit);
}

/// `required` or `not_null` on `Option<()>`, whose one present value is `null`: the first
/// leaves that value alone, which is `()`; the second refuses it, which leaves none.
fn check_null_option(cx: &mut Ctxt, key: &str, span: proc_macro2::Span, ty: &str) {
    if key == "required" {
        cx.error_at(span, format!("a `required` `{ty}` is always present and `null`, which is what `()` holds: make the field `()` and remove `required`"));
    } else {
        cx.error_at(span, format!("`not_null` refuses `null`, the one value of `()`, so this `{ty}` would accept no member that is present: remove `not_null` (an absent member and `null` are then both `None`)"));
    }
}

/// A literal `default` fits the field's type (under `Option` and `Box`), and, for a string or
/// a number, keeps the field's rules: each broken rule is an error on the literal.
fn check_default_literal(
    cx: &mut Ctxt,
    field: &Field,
    default: &Attr<crate::attr::DefaultValue>,
    lit: &crate::attr::DefaultLiteral,
) {
    use crate::attr::DefaultLiteral as L;
    let a = &field.attrs;
    let ty = type_text(field.ty);
    let at = &default.tokens;
    if field.shape.has_secret() {
        cx.error_spanned_by(at, "a secret's default would be written in the source and in the schema: remove the literal, and give the default in a function (`default = path`) if one is needed");
        return;
    }
    let value = field.shape.value();
    let fits = matches!(
        (value, lit),
        (Shape::Str, L::Str(_))
            | (Shape::Bool, L::Bool(_))
            | (Shape::Int(_), L::Number(Number::Int(_)))
            | (Shape::Float(_), L::Number(_))
            | (Shape::Model, _)
    );
    if !fits {
        let kind = match lit {
            L::Str(_) => "a string",
            L::Bool(_) => "a boolean",
            L::Number(Number::Int(_)) => "an integer",
            L::Number(Number::Float(_)) => "a float",
        };
        let instead = match value {
            Shape::Int(_) if matches!(lit, L::Number(_)) => {
                "a whole number, e.g. `default = 250`".to_owned()
            }
            Shape::Vec(_) | Shape::Map(_) | Shape::Opaque => {
                "the path of a function `fn() -> T` (`default = path`), or `default` alone"
                    .to_owned()
            }
            Shape::Null => "`default` alone, since `()` has one value, `null`".to_owned(),
            other => format!("a literal of `{}`", other.describe()),
        };
        cx.error_spanned_by(
            at,
            format!("`default` is {kind} here, but this field is `{ty}`: write {instead}"),
        );
        return;
    }
    match (value, lit) {
        (Shape::Str, L::Str(s)) => {
            let n = s.chars().count();
            if let Some(min) = a.min_len.as_ref().filter(|m| n < m.value) {
                cx.error_spanned_by(at, format!("the default, {} characters long, breaks `min_len = {}`: write a default that keeps the field's rules", n, min.value));
            }
            if let Some(max) = a.max_len.as_ref().filter(|m| n > m.value) {
                cx.error_spanned_by(at, format!("the default, {} characters long, breaks `max_len = {}`: write a default that keeps the field's rules", n, max.value));
            }
            if let Some(set) = &a.charset {
                if let Some(c) = s.chars().find(|c| !set.value.contains(*c)) {
                    cx.error_spanned_by(at, format!("the default holds {c:?}, outside `charset = \"{}\"`: write a default that keeps the field's rules", set.value.text));
                }
            }
            if let Some(pattern) = &a.pattern {
                if !pattern.value.is_match(s) {
                    cx.error_spanned_by(at, format!("the default does not match `pattern = {:?}`: write a default that keeps the field's rules", pattern.value.text));
                }
            }
            for not in a.not_pattern.iter().filter(|p| p.value.is_match(s)) {
                cx.error_spanned_by(at, format!("the default matches `not_pattern = {:?}`: write a default that keeps the field's rules", not.value.text));
            }
        }
        (Shape::Int(name), L::Number(Number::Int(v))) => {
            let (lo, hi) = int_range(name);
            if *v < lo || *v > hi {
                cx.error_spanned_by(
                    at,
                    format!(
                        "`default = {v}` is out of range for `{name}`, whose values are {lo}..={hi}"
                    ),
                );
            } else {
                check_default_number(cx, a, at, *v as f64, Some(*v));
            }
        }
        (Shape::Float(name), L::Number(n)) => {
            if *name == "f32" && !f32_holds(n.as_f64()) {
                cx.error_spanned_by(at, format!("`default = {n}` is not a number an `f32` holds: write the nearest one it does, or make the field `f64`"));
            } else {
                check_default_number(cx, a, at, n.as_f64(), None);
            }
        }
        _ => {}
    }
}

/// A number's default against `min`, `max`, the exclusive bounds and `multiple_of`.
fn check_default_number(
    cx: &mut Ctxt,
    a: &FieldAttrs,
    at: &proc_macro2::TokenStream,
    v: f64,
    int: Option<i128>,
) {
    let cmp = |bound: Number| match (int, bound) {
        (Some(i), Number::Int(b)) => i.cmp(&b),
        (_, b) => v.total_cmp(&b.as_f64()),
    };
    let broken = [
        (
            "min",
            &a.min,
            (|o: std::cmp::Ordering| o.is_lt()) as fn(std::cmp::Ordering) -> bool,
        ),
        ("max", &a.max, |o| o.is_gt()),
        ("exclusive_min", &a.exclusive_min, |o| o.is_le()),
        ("exclusive_max", &a.exclusive_max, |o| o.is_ge()),
    ];
    for (key, bound, breaks) in broken {
        if let Some(bound) = bound {
            if breaks(cmp(bound.value)) {
                cx.error_spanned_by(at, format!("the default breaks `{key} = {}`: write a default that keeps the field's rules", bound.value));
            }
        }
    }
    if let Some(m) = &a.multiple_of {
        let q = v / m.value.as_f64();
        if q.is_finite() && (q - q.round()).abs() > 1e-9 * q.abs().max(1.0) {
            cx.error_spanned_by(at, format!("the default breaks `multiple_of = {}`: write a default that keeps the field's rules", m.value));
        }
    }
}

fn check_field(cx: &mut Ctxt, field: &Field) {
    if field.unsupported_type {
        // The type is reported already; the rules cannot be checked against it.
        return;
    }
    check_presence(cx, field);
    let a = &field.attrs;
    let shape = &field.shape;
    if shape.value() == &Shape::Opaque {
        return check_opaque(cx, a);
    }
    if let Some(schema) = &a.schema {
        cx.error_at(schema.span, "`schema` gives the JSON Schema of an `opaque` field; this field's schema comes from its rules: remove `schema`, or mark the field `opaque`");
    }
    check_rules(
        cx,
        a,
        shape,
        &format!("this field is `{}`", type_text(field.ty)),
    );

    check_secret_holds_strings(cx, field.ty);
}

/// An `opaque` field takes no rule: its type's own serde impls read it.
fn check_opaque(cx: &mut Ctxt, a: &FieldAttrs) {
    check_direction(cx, a.read_only, a.write_only);
    const RULES: &[&str] = &[
        "charset",
        "pattern",
        "not_pattern",
        "check_format",
        "min_len",
        "max_len",
        "min",
        "max",
        "exclusive_min",
        "exclusive_max",
        "multiple_of",
        "unique",
        "items",
        "keys",
        "values",
    ];
    for (key, at) in keys_set(a) {
        if RULES.contains(&key) {
            cx.error_at(at, format!("`{key}` does not apply to an `opaque` field, which its type's own serde impls read with no rule of this derive: remove `{key}`, or remove `opaque` to check the field"));
        }
    }
}

/// `check_format` checks the `format` beside it, on a string, when the runtime has a check
/// for that format.
fn check_format(cx: &mut Ctxt, a: &FieldAttrs, span: proc_macro2::Span, value: &Shape, what: &str) {
    if value != &Shape::Str {
        cx.error_at(
            span,
            format!("`check_format` checks a string's format, but {what}: remove `check_format`"),
        );
        return;
    }
    let Some(format) = &a.format else {
        cx.error_at(span, "`check_format` checks the `format` beside it, and there is none: add one, e.g. `format = \"email\"`, or remove `check_format`");
        return;
    };
    let name = format.value.value();
    if crate::pattern::format_variant(&name).is_none() {
        let known: Vec<_> = crate::pattern::FORMATS
            .iter()
            .map(|(n, _)| format!("`{n}`"))
            .collect();
        cx.error_spanned_by(
            &format.value,
            format!("`check_format` checks these formats: {}; `{name}` is not one of them: remove `check_format` to keep it an annotation", known.join(", ")),
        );
    }
}

/// `read_only` and `write_only`, on a field, inside a list or on a type, exclude each other:
/// an error on `write_only`.
fn check_direction(
    cx: &mut Ctxt,
    read_only: Option<proc_macro2::Span>,
    write_only: Option<proc_macro2::Span>,
) {
    if let (Some(_), Some(span)) = (read_only, write_only) {
        cx.error_at(span, "a value cannot be both `read_only` (sent by the server only) and `write_only` (sent to the server only): keep one");
    }
}

/// The annotations set in `a`, each with the span of its key.
fn annotations(a: &FieldAttrs) -> Vec<(&'static str, proc_macro2::Span)> {
    [
        ("format", a.format.as_ref().map(|x| x.span)),
        ("read_only", a.read_only),
        ("write_only", a.write_only),
        ("examples", a.examples.as_ref().map(|x| x.span)),
        ("title", a.title.as_ref().map(|x| x.span)),
        ("deprecated", a.deprecated),
    ]
    .into_iter()
    .filter_map(|(name, span)| Some((name, span?)))
    .collect()
}

/// Checks the rules `a` against the value they apply to, `shape` (under `Option`, `Box` and
/// `Secret`), then the nested lists against the items, member names and values. `what` names
/// the value in messages (`this field is `Vec<u16>``, `each item is `u16``).
fn check_rules(cx: &mut Ctxt, a: &FieldAttrs, shape: &Shape, what: &str) {
    check_direction(cx, a.read_only, a.write_only);
    let value = shape.value();
    let vec_hint = |rule: &str| match value {
        Shape::Vec(_) => format!(", or check each item with `items({rule})`"),
        Shape::Map(_) => format!(", or check each value with `values({rule})`"),
        _ => String::new(),
    };

    if let Some(charset) = &a.charset {
        if value != &Shape::Str {
            cx.error_at(
                charset.span,
                format!(
                    "`charset` applies to strings, but {what}: remove `charset`{}",
                    vec_hint("charset = \"...\"")
                ),
            );
        }
    }

    if let Some(pattern) = &a.pattern {
        if value != &Shape::Str {
            cx.error_at(
                pattern.span,
                format!(
                    "`pattern` applies to strings, but {what}: remove `pattern`{}",
                    vec_hint("pattern = \"...\"")
                ),
            );
        }
    }
    for not in &a.not_pattern {
        if value != &Shape::Str {
            cx.error_at(
                not.span,
                format!(
                    "`not_pattern` applies to strings, but {what}: remove `not_pattern`{}",
                    vec_hint("not_pattern = \"...\"")
                ),
            );
        } else if not.value.matches_every_string() {
            cx.error_spanned_by(
                &not.tokens,
                format!(
                    "`not_pattern = {:?}` matches every string, so no value could pass: write a pattern that matches only the strings to refuse, or remove `not_pattern`",
                    not.value.text
                ),
            );
        }
    }
    if let Some(span) = a.check_format {
        check_format(cx, a, span, value, what);
    }
    if let (Some(format), Shape::Null) = (&a.format, value) {
        cx.error_at(
            format.span,
            format!("`format` describes how a string or a number is written, but {what}, which is always `null`: remove `format`"),
        );
    }

    for (key, len) in [("min_len", &a.min_len), ("max_len", &a.max_len)] {
        let Some(len) = len else { continue };
        if !matches!(value, Shape::Str | Shape::Vec(_) | Shape::Map(_)) {
            cx.error_at(
                len.span,
                format!("`{key}` applies to strings (counting characters), `Vec`s (counting items) and maps (counting members), but {what}: remove `{key}`{}", if matches!(value, Shape::Int(_) | Shape::Float(_)) { ", or bound the number with `min` and `max`" } else { "" }),
            );
        }
    }
    if let (Some(min), Some(max)) = (&a.min_len, &a.max_len) {
        if min.value > max.value {
            cx.error_spanned_by(
                max.pair(),
                format!(
                    "`min_len = {}` is greater than `max_len = {}`: no value could pass; make `max_len` at least `min_len`",
                    min.value, max.value
                ),
            );
        }
    }

    let mut bounds_ok = true;
    for (key, bound) in [
        ("min", &a.min),
        ("max", &a.max),
        ("exclusive_min", &a.exclusive_min),
        ("exclusive_max", &a.exclusive_max),
        ("multiple_of", &a.multiple_of),
    ] {
        let Some(bound) = bound else { continue };
        match value {
            Shape::Int(name) => match bound.value {
                Number::Float(v) => {
                    bounds_ok = false;
                    // `+ 0.0` turns `-0` into `0`.
                    let whole = match key {
                        "multiple_of" => v.round().max(1.0),
                        k if k.ends_with("min") => v.ceil(),
                        _ => v.floor(),
                    } + 0.0;
                    cx.error_spanned_by(
                        &bound.tokens,
                        format!("`{key} = {}` on an integer (`{name}`): a bound of an integer is a whole number; write `{key} = {whole}`", bound.value),
                    );
                }
                Number::Int(v) => {
                    let (lo, hi) = int_range(name);
                    if v < lo || v > hi {
                        bounds_ok = false;
                        cx.error_spanned_by(
                            &bound.tokens,
                            format!("`{key} = {v}` is out of range for `{name}`, whose values are {lo}..={hi}: write a bound within it, or give the field a wider type"),
                        );
                    } else if !exact_in_json(v) {
                        bounds_ok = false;
                        cx.error_spanned_by(
                            &bound.tokens,
                            format!("`{key} = {v}` cannot be written exactly in the JSON Schema, where a number past 64 bits is a float: write a bound that is a float exactly (such as a power of two), or one within ±2^64"),
                        );
                    }
                }
            },
            Shape::Float("f32")
                if !f32_holds(bound.value.as_f64())
                    && bound.value.as_f64().abs() <= f64::from(f32::MAX) =>
            {
                bounds_ok = false;
                #[allow(clippy::cast_possible_truncation)]
                let nearest = bound.value.as_f64() as f32;
                cx.error_spanned_by(
                    &bound.tokens,
                    format!("`{key} = {}` is not a number an `f32` holds, so the value written for one could fall on the wrong side of it: write the nearest, `{key} = {nearest:?}`, or make the field `f64`", bound.value),
                );
            }
            Shape::Float("f32") if bound.value.as_f64().abs() > f64::from(f32::MAX) => {
                bounds_ok = false;
                cx.error_spanned_by(
                    &bound.tokens,
                    format!("`{key} = {}` is out of range for `f32`, whose finite values are within ±{:e}: write a bound within it, or make the field `f64`", bound.value, f32::MAX),
                );
            }
            Shape::Float(_) => {}
            _ => {
                bounds_ok = false;
                let mend = match (key, value) {
                    ("min" | "max", Shape::Str | Shape::Vec(_) | Shape::Map(_)) => {
                        format!(", or bound the length with `{key}_len`")
                    }
                    _ => String::new(),
                };
                cx.error_at(
                    bound.span,
                    format!("`{key}` applies to numbers (integers and floats), but {what}: remove `{key}`{mend}{}", vec_hint(&format!("{key} = ..."))),
                );
            }
        }
    }
    for (inclusive, exclusive, side) in [
        ("min", &a.exclusive_min, &a.min),
        ("max", &a.exclusive_max, &a.max),
    ]
    .map(|(k, e, i)| (k, e.as_ref(), i.as_ref()))
    {
        if let (Some(exclusive), Some(_)) = (exclusive, side) {
            bounds_ok = false;
            cx.error_at(
                exclusive.span,
                format!("`exclusive_{inclusive}` and `{inclusive}` both bound the same side: keep one of them"),
            );
        }
    }
    let lower = a
        .min
        .as_ref()
        .map(|b| (b, false))
        .or(a.exclusive_min.as_ref().map(|b| (b, true)));
    let upper = a
        .max
        .as_ref()
        .map(|b| (b, false))
        .or(a.exclusive_max.as_ref().map(|b| (b, true)));
    if let (true, Some((lo, lo_ex)), Some((hi, hi_ex))) = (bounds_ok, lower, upper) {
        let ordering = match (lo.value, hi.value) {
            (Number::Int(l), Number::Int(h)) => l.cmp(&h),
            (l, h) => l.as_f64().total_cmp(&h.as_f64()),
        };
        let empty = ordering.is_gt() || (ordering.is_eq() && (lo_ex || hi_ex));
        if empty {
            let name = |ex: bool, side: &str| {
                if ex {
                    format!("exclusive_{side}")
                } else {
                    side.to_owned()
                }
            };
            let (lo_key, hi_key) = (name(lo_ex, "min"), name(hi_ex, "max"));
            let msg = if lo_ex || hi_ex {
                format!(
                    "`{lo_key} = {}` and `{hi_key} = {}` leave no value that could pass; make `{hi_key}` greater",
                    lo.value, hi.value
                )
            } else {
                format!(
                    "`min = {}` is greater than `max = {}`: no value could pass; make `max` at least `min`",
                    lo.value, hi.value
                )
            };
            cx.error_spanned_by(hi.pair(), msg);
        }
    }
    if value == &Shape::Float("f32") {
        for (key, attr) in [
            ("exclusive_min", &a.exclusive_min),
            ("exclusive_max", &a.exclusive_max),
            ("multiple_of", &a.multiple_of),
        ] {
            if let Some(attr) = attr {
                cx.error_at(attr.span, format!("`{key}` on an `f32`: rounding a value to `f32` can break what it promises; make the field `f64`, or use `min` and `max`"));
            }
        }
    }
    if let Some(m) = &a.multiple_of {
        if m.value.as_f64() <= 0.0 || !m.value.as_f64().is_finite() {
            cx.error_spanned_by(
                &m.tokens,
                format!("`multiple_of = {}`: a value is a multiple of a positive number; write one greater than 0", m.value),
            );
        }
    }
    if let Some(span) = a.unique {
        match value {
            Shape::Vec(item) if item.has_secret() => cx.error_at(
                span,
                "`unique` compares the items as JSON, which would copy the secrets they hold: remove `unique`",
            ),
            Shape::Vec(_) => {}
            _ => cx.error_at(
                span,
                format!("`unique` applies to a `Vec`, whose items must all differ, but {what}: remove `unique`"),
            ),
        }
    }

    let nested = [
        ("items", &a.items),
        ("keys", &a.keys),
        ("values", &a.values),
    ];
    for (key, list) in nested {
        let Some(list) = list else { continue };
        let inner = list.value.as_ref();
        for (flag, span) in keys_among(
            inner,
            &[
                "rename",
                "custom",
                "default",
                "required",
                "not_null",
                "requires",
                "skip",
                "flatten",
                "description",
            ],
        ) {
            cx.error_at(
                span,
                format!(
                    "`{flag}` applies to a field, not inside `{key}(...)`: move it out of the list"
                ),
            );
        }
        if key == "keys" {
            for (note, span) in annotations(inner) {
                cx.error_at(span, format!("`{note}` describes a value, and a member name has no schema of its own here: move it out of `keys(...)`"));
            }
        }
        match (key, value) {
            ("items", Shape::Vec(item)) => {
                check_rules(
                    cx,
                    inner,
                    item,
                    &format!("each item is `{}`", item.describe()),
                );
            }
            ("keys", Shape::Map(_)) => {
                check_rules(cx, inner, &Shape::Str, "each member name is a string");
            }
            ("values", Shape::Map(v)) => {
                check_rules(cx, inner, v, &format!("each value is `{}`", v.describe()));
            }
            _ => {
                let holds = if key == "items" {
                    "applies to the items of a `Vec`"
                } else {
                    "applies to a map (`HashMap<String, V>` or `BTreeMap<String, V>`)"
                };
                cx.error_at(
                    list.span,
                    format!("`{key}(...)` {holds}, but {what}: remove `{key}`"),
                );
            }
        }
    }
}

/// Whether `v` is what an `f32` writes: the shortest text of the `f32` nearest to it.
fn f32_holds(v: f64) -> bool {
    #[allow(clippy::cast_possible_truncation)]
    let single = v as f32;
    format!("{single:?}").parse::<f64>() == Ok(v)
}

/// Whether a bound is a JSON number exactly: within 64 bits, or a float exactly past them.
fn exact_in_json(v: i128) -> bool {
    i64::try_from(v).is_ok() || u64::try_from(v).is_ok() || (v as f64) as i128 == v
}

/// `Secret` holds a `String`, and nothing else: anything else is an error on its argument.
fn check_secret_holds_strings(cx: &mut Ctxt, ty: &Type) {
    let ty = match ty {
        Type::Group(g) => return check_secret_holds_strings(cx, &g.elem),
        Type::Paren(p) => return check_secret_holds_strings(cx, &p.elem),
        Type::Path(p) => p,
        _ => return,
    };
    let Some(last) = ty.path.segments.last() else {
        return;
    };
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return;
    };
    let Some(GenericArgument::Type(inner)) = args.args.first() else {
        return;
    };
    if last.ident != "Secret" {
        return check_secret_holds_strings(cx, inner);
    }
    match Shape::parse(inner) {
        Ok(Shape::Str) => {}
        Ok(Shape::Option(s)) if *s == Shape::Str => cx.error_spanned_by(
            ty,
            "`Secret` holds a `String`, not an `Option`: write `Option<Secret<String>>`",
        ),
        Ok(_) => cx.error_spanned_by(
            inner,
            format!(
                "`Secret` holds a `String`, not `{}`: write `Secret<String>`, or drop `Secret` if the value is not a credential",
                type_text(inner)
            ),
        ),
        Err(_) => {}
    }
}

/// The values of an integer type, as `i128`; `u128` is limited to what a bound can hold.
fn int_range(name: &str) -> (i128, i128) {
    match name {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "usize" => (0, u64::MAX.into()),
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" | "isize" => (i64::MIN.into(), i64::MAX.into()),
        "u128" => (0, i128::MAX),
        _ => (i128::MIN, i128::MAX),
    }
}

/// How a field or variant got its wire name, for the message about a clash.
fn origin(wire_from: WireFrom) -> String {
    match wire_from {
        WireFrom::Name => "its own name".to_owned(),
        WireFrom::Rename => "its `rename`".to_owned(),
        WireFrom::Value => "its `value`".to_owned(),
        WireFrom::RenameAll(rule) => {
            let name = case::NAMES
                .iter()
                .find(|(_, r)| *r == rule)
                .map_or("", |(n, _)| n);
            format!("its name under `rename_all = \"{name}\"`")
        }
    }
}

/// Two fields (or variants) with one wire name: an error on the second one's wire name.
/// `items` are each one's name, wire name, the span of the wire name and how it was made.
fn check_wire_names<'a>(
    cx: &mut Ctxt,
    plural: &str,
    singular: &str,
    items: impl Iterator<Item = (&'a str, &'a str, proc_macro2::Span, WireFrom)>,
) {
    let mut seen: HashMap<&str, (&str, WireFrom)> = HashMap::new();
    for (name, wire, span, wire_from) in items {
        match seen.get(wire) {
            Some(&(first, first_from)) => cx.error_at(
                span,
                format!(
                    "two {plural} have the wire name \"{wire}\": {singular} `{first}` ({}) and {singular} `{name}` ({}); give one of them another with `rename = \"...\"`",
                    origin(first_from),
                    origin(wire_from),
                ),
            ),
            None => {
                seen.insert(wire, (name, wire_from));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(src: &str) -> Vec<String> {
        let input: syn::DeriveInput = syn::parse_str(src).unwrap();
        let mut cx = Ctxt::default();
        if let Some(cont) = Container::from_input(&mut cx, &input) {
            check(&mut cx, &cont);
        }
        match cx.finish() {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn correct_rules_pass() {
        let src = r#"struct A {
            #[model(min_len = 1, max_len = 1, items(charset = "a-z", max_len = 3))] a: Option<Vec<String>>,
            #[model(charset = "a-z", max_len = 86)] b: Secret<String>,
            c: Option<Secret<String>>,
            #[model(min = -128, max = 127)] d: i8,
            #[model(items(min = 0, max = 18446744073709551615))] e: Vec<u64>,
            #[model(min = 0, max = 0.5)] f: Option<f64>,
            #[model(min = -3.4e38, max = 3.4e38)] g: f32,
            #[model(min = 1, max = 1)] h: Box<u32>,
            i: Nested,
            #[model(max_len = 4, keys(charset = "a-z", max_len = 8), values(items(min = 1)))]
            j: std::collections::HashMap<String, Vec<u8>>,
            #[model(items(items(max_len = 2)))] k: Vec<Vec<String>>,
            #[model(max = 1180591620717411303424)] l: u128,
        }"#;
        assert_eq!(errors(src), Vec::<String>::new());
    }

    #[test]
    fn number_keywords() {
        let e = errors(
            r#"struct A {
                #[model(exclusive_min = 0, exclusive_max = 1.5, multiple_of = 0.25)] a: f64,
                #[model(exclusive_min = 0, min = 1)] b: u8,
                #[model(exclusive_max = 5, max = 1)] c: u8,
                #[model(exclusive_min = 5, exclusive_max = 5)] d: i32,
                #[model(min = 5, exclusive_max = 5)] e: i32,
                #[model(multiple_of = 0)] f: u32,
                #[model(multiple_of = 0.5)] g: u32,
                #[model(exclusive_min = 1)] h: String,
                #[model(unique)] i: String,
                #[model(unique)] j: Vec<Secret<String>>,
                #[model(unique, items(multiple_of = 3))] k: Vec<u8>,
                #[model(exclusive_max = 256)] l: u8,
            }"#,
        );
        assert_eq!(e.len(), 10, "{e:#?}");
        assert_eq!(
            e[0],
            "`exclusive_min` and `min` both bound the same side: keep one of them"
        );
        assert_eq!(
            e[1],
            "`exclusive_max` and `max` both bound the same side: keep one of them"
        );
        assert!(
            e[2].starts_with("`exclusive_min = 5` and `exclusive_max = 5` leave no value"),
            "{}",
            e[2]
        );
        assert!(
            e[3].starts_with("`min = 5` and `exclusive_max = 5` leave no value"),
            "{}",
            e[3]
        );
        assert!(
            e[4].starts_with("`multiple_of = 0`: a value is a multiple of a positive number"),
            "{}",
            e[4]
        );
        assert!(
            e[5].starts_with("`multiple_of = 0.5` on an integer (`u32`)"),
            "{}",
            e[5]
        );
        assert!(
            e[6].starts_with("`exclusive_min` applies to numbers"),
            "{}",
            e[6]
        );
        assert!(e[7].starts_with("`unique` applies to a `Vec`"), "{}", e[7]);
        assert!(
            e[8].starts_with("`unique` compares the items as JSON"),
            "{}",
            e[8]
        );
        assert!(
            e[9].starts_with("`exclusive_max = 256` is out of range for `u8`"),
            "{}",
            e[9]
        );
    }

    #[test]
    fn nested_rules_on_the_wrong_type() {
        let e = errors(
            r#"struct A {
                #[model(items(max_len = 2))] a: String,
                #[model(keys(max_len = 2), values(min = 1))] b: Vec<u8>,
                #[model(items(items(min = 1)))] c: Vec<String>,
                #[model(values(charset = "a-z"))] d: BTreeMap<String, u8>,
                #[model(items(rename = "x", default))] e: Vec<u8>,
                #[model(max = 1180591620717411303425)] f: u128,
            }"#,
        );
        assert_eq!(e.len(), 8, "{e:#?}");
        assert_eq!(
            e[0],
            "`items(...)` applies to the items of a `Vec`, but this field is `String`: remove `items`"
        );
        assert!(e[1].starts_with("`keys(...)` applies to a map"), "{}", e[1]);
        assert!(
            e[2].starts_with("`values(...)` applies to a map"),
            "{}",
            e[2]
        );
        assert_eq!(
            e[3],
            "`items(...)` applies to the items of a `Vec`, but each item is `String`: remove `items`"
        );
        assert!(
            e[4].starts_with("`charset` applies to strings, but each value is `u8`"),
            "{}",
            e[4]
        );
        assert!(
            e[5].starts_with("`rename` applies to a field, not inside `items(...)`"),
            "{}",
            e[5]
        );
        assert!(e[6].starts_with("`default` applies to a field"), "{}", e[6]);
        assert!(
            e[7].starts_with("`max = 1180591620717411303425` cannot be written exactly"),
            "{}",
            e[7]
        );
    }

    #[test]
    fn rules_on_the_wrong_type() {
        let e = errors(
            r#"struct A {
                #[model(charset = "0-9")] a: Vec<u16>,
                #[model(max_len = 5)] b: u32,
                #[model(min = 1)] c: Vec<String>,
                #[model(max_len = 5)] e: Option<Nested>,
            }"#,
        );
        assert_eq!(e.len(), 4, "{e:?}");
        assert!(e[0].contains("this field is `Vec<u16>`: remove `charset`"));
        assert!(e[1].ends_with("remove `max_len`, or bound the number with `min` and `max`"));
        assert!(e[2].ends_with(
            "remove `min`, or bound the length with `min_len`, or check each item with `items(min = ...)`"
        ));
        assert!(e[3].contains("this field is `Option<Nested>`"));
    }

    #[test]
    fn description_is_taken_where_a_doc_comment_describes() {
        let ok = r#"#[model(description = "A.")] struct A {
            #[model(description = "a", opaque)] a: String,
            #[model(description = "b", items(max_len = 1))] b: Vec<String>,
        }"#;
        assert_eq!(errors(ok), Vec::<String>::new());
        assert!(errors(r#"#[model(description = "N.")] struct N(u8);"#).is_empty());
        assert!(errors(r#"#[model(description = "E.")] enum E { A, B }"#).is_empty());
        assert!(
            errors(r#"#[model(tag = "t")] enum U { #[model(description = "V.")] V { a: u8 } }"#)
                .is_empty()
        );
        let e = errors(
            r#"struct A {
                #[model(items(description = "x"))] a: Vec<String>,
                #[model(skip, description = "x")] b: String,
                #[model(flatten, description = "x")] c: BTreeMap<String, String>,
            }"#,
        );
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(e[0].starts_with("`description` applies to a field, not inside `items(...)`"));
        assert!(e[1].starts_with("`description` does not apply to a `skip` field"));
        assert!(e[2].starts_with("`description` does not apply to a `flatten` field"));
        let e = errors(r#"struct N(#[model(description = "x")] u8);"#);
        assert_eq!(
            e,
            [
                "a newtype's field is its whole value, which the newtype's own description describes: move `description` onto the newtype"
            ]
        );
        let e = errors(
            r#"enum U {
                #[model(description = "x")] A,
                #[model(description = "x")] B(u8),
                C(#[model(description = "x")] u8),
            }"#,
        );
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(e[0].ends_with("but variant `A` holds none: remove `description`"));
        assert!(e[1].contains("but variant `B` holds one value"));
        assert!(e[2].starts_with("the field of variant `C` is the variant's whole content"));
        let e = errors(r#"enum E { #[model(description = "x")] A, B }"#);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("listed in one `enum` of its schema"));
    }

    #[test]
    fn a_null_takes_annotations_and_no_rule() {
        let ok = r#"struct A {
            #[model(title = "t", deprecated, read_only, examples = "[null]")] a: (),
            b: Option<()>,
            #[model(default, write_only)] c: (),
            #[model(max_len = 2, items(title = "t"))] d: Vec<()>,
            #[model(values(deprecated))] e: BTreeMap<String, ()>,
            f: Box<()>,
            g: Option<Option<()>>,
            #[model(default = make)] h: Option<()>,
        }"#;
        assert_eq!(errors(ok), Vec::<String>::new());
        let e = errors(
            r#"struct A {
                #[model(max_len = 1)] a: (),
                #[model(min = 0, charset = "a")] b: Option<()>,
                #[model(items(max = 1))] c: Vec<()>,
                #[model(default = 0)] d: (),
                #[model(format = "uri")] e: (),
                #[model(unique, keys(max_len = 1))] f: Box<()>,
            }"#,
        );
        assert_eq!(
            e,
            [
                "`max_len` applies to strings (counting characters), `Vec`s (counting items) and maps (counting members), but this field is `()`: remove `max_len`",
                "`charset` applies to strings, but this field is `Option<()>`: remove `charset`",
                "`min` applies to numbers (integers and floats), but this field is `Option<()>`: remove `min`",
                "`max` applies to numbers (integers and floats), but each item is `()`: remove `max`",
                "`default` is an integer here, but this field is `()`: write `default` alone, since `()` has one value, `null`",
                "`format` describes how a string or a number is written, but this field is `()`, which is always `null`: remove `format`",
                "`unique` applies to a `Vec`, whose items must all differ, but this field is `Box<()>`: remove `unique`",
                "`keys(...)` applies to a map (`HashMap<String, V>` or `BTreeMap<String, V>`), but this field is `Box<()>`: remove `keys`",
            ]
        );
    }

    #[test]
    fn required_and_not_null_on_a_null() {
        let e = errors(
            r#"struct A {
                #[model(required)] a: Option<()>,
                #[model(not_null)] b: Option<()>,
                #[model(required, not_null)] c: Option<Box<()>>,
                #[model(required)] d: (),
                #[model(not_null)] e: Option<Option<()>>,
            }"#,
        );
        assert_eq!(
            e,
            [
                "a `required` `Option<()>` is always present and `null`, which is what `()` holds: make the field `()` and remove `required`",
                "`not_null` refuses `null`, the one value of `()`, so this `Option<()>` would accept no member that is present: remove `not_null` (an absent member and `null` are then both `None`)",
                "a `required` `Option<Box<()>>` is always present and `null`, which is what `()` holds: make the field `()` and remove `required`",
                "`not_null` refuses `null`, the one value of `()`, so this `Option<Box<()>>` would accept no member that is present: remove `not_null` (an absent member and `null` are then both `None`)",
                "`required` applies to an `Option` (the member must be present, `null` reading as `None`), but this field is `()`, which is required already, and always `null`: remove `required`",
                "`not_null` does not apply to `Option<Option<T>>`, which reads an absent member as `None` and `null` as `Some(None)`: remove `not_null`, or make the field `Option<T>`",
            ]
        );
    }

    #[test]
    fn read_only_and_write_only_on_a_type() {
        for ok in [
            "#[model(read_only)] struct A { a: u8 }",
            "#[model(write_only)] struct A(u8);",
            "#[model(read_only)] enum A { B, C }",
            "#[model(write_only, untagged)] enum A { B(u8), C(String) }",
        ] {
            assert_eq!(errors(ok), Vec::<String>::new(), "{ok}");
        }
        for both in [
            "#[model(read_only, write_only)] struct A { a: u8 }",
            "#[model(write_only)] #[model(read_only)] struct A(u8);",
            "#[model(read_only, write_only)] enum A { B, C }",
            "#[model(write_only, tag = \"t\", read_only)] enum A { B { b: u8 } }",
        ] {
            assert_eq!(
                errors(both),
                [
                    "a value cannot be both `read_only` (sent by the server only) and `write_only` (sent to the server only): keep one"
                ],
                "{both}"
            );
        }
    }

    #[test]
    fn bounds() {
        let e = errors(
            r#"struct A {
                #[model(min_len = 2, max_len = 1)] a: String,
                #[model(min = 2, max = 1)] b: u8,
                #[model(min = 0.5, max = 9.5)] c: u8,
                #[model(min = -1, max = 256)] d: u8,
                #[model(max = 1e39)] e: f32,
                #[model(min = 2, max = 1.5)] f: f64,
            }"#,
        );
        assert_eq!(e.len(), 8, "{e:?}");
        assert!(e[0].starts_with("`min_len = 2` is greater than `max_len = 1`"));
        assert!(e[1].starts_with("`min = 2` is greater than `max = 1`"));
        assert!(e[2].ends_with("write `min = 1`"));
        assert!(e[3].ends_with("write `max = 9`"));
        assert!(e[4].starts_with("`min = -1` is out of range for `u8`, whose values are 0..=255"));
        assert!(e[5].starts_with("`max = 256` is out of range for `u8`"));
        assert!(e[6].starts_with("`max = 1e39` is out of range for `f32`"));
        assert!(e[7].starts_with("`min = 2` is greater than `max = 1.5`"));
        // An out-of-range bound is not also reported against the other bound.
        let e = errors("struct A { #[model(min = 300, max = 1)] a: u8 }");
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn secret_holds_a_string() {
        let e = errors(
            r#"struct A {
                a: Secret<u32>,
                b: Option<Secret<Vec<String>>>,
                c: Secret<Option<String>>,
            }"#,
        );
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(e[0].starts_with("`Secret` holds a `String`, not `u32`"));
        assert!(e[1].starts_with("`Secret` holds a `String`, not `Vec<String>`"));
        assert!(e[2].ends_with("write `Option<Secret<String>>`"));
    }

    #[test]
    fn an_unsupported_type_is_reported_once() {
        let e = errors(r#"struct A { #[model(max_len = 2, unique)] a: [String; 2] }"#);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("an array cannot be a field"));
    }

    #[test]
    fn wire_names_clash() {
        let e = errors(
            r#"#[model(rename_all = "camelCase")] struct A {
                client_id: String,
                #[model(rename = "clientId")] alias: String,
                #[allow(non_snake_case)] clientId: String,
            }"#,
        );
        assert_eq!(
            e,
            [
                "two fields have the wire name \"clientId\": field `client_id` (its name under `rename_all = \"camelCase\"`) and field `alias` (its `rename`); give one of them another with `rename = \"...\"`",
                "two fields have the wire name \"clientId\": field `client_id` (its name under `rename_all = \"camelCase\"`) and field `clientId` (its name under `rename_all = \"camelCase\"`); give one of them another with `rename = \"...\"`",
            ]
        );
    }

    #[test]
    fn a_value_enum_holds_each_value_once() {
        assert!(
            errors(
                r#"#[model(rename_all = "lowercase")] enum A {
                    #[model(value = 1)] One,
                    #[model(value = "1")] Text,
                    #[model(value = 1.5)] Half,
                    #[model(value = true)] Yes,
                    #[model(value = false)] No,
                    #[model(value = null)] Nothing,
                    // The name a string variant would have clashes with none of the values.
                    #[model(rename = "one")] Uno,
                }"#
            )
            .is_empty()
        );
        let e = errors(
            r#"enum A {
                #[model(value = 1)] One,
                #[model(value = 1.0)] AlsoOne,
                #[model(value = -0.0)] Zero,
                #[model(value = 0)] AlsoZero,
                #[model(value = null)] Nothing,
                #[model(value = null)] AlsoNothing,
                #[model(value = "auto")] Auto,
                #[allow(non_camel_case_types)] auto,
                #[model(value = true)] Yes,
                #[model(value = 1e0)] One3,
            }"#,
        );
        assert_eq!(
            e,
            [
                "two variants have the wire name \"auto\": variant `Auto` (its `value`) and variant `auto` (its own name); give one of them another with `rename = \"...\"`",
                "two variants have one value: variant `One` (`value = 1`) and variant `AlsoOne` (`value = 1.0`), which JSON Schema counts as equal; give one of them another value",
                "two variants have one value: variant `Zero` (`value = -0.0`) and variant `AlsoZero` (`value = 0`), which JSON Schema counts as equal; give one of them another value",
                "two variants have the value null: variant `Nothing` (`value = null`) and variant `AlsoNothing` (`value = null`); give one of them another value",
                "two variants have one value: variant `One` (`value = 1`) and variant `One3` (`value = 1.0`), which JSON Schema counts as equal; give one of them another value",
            ]
        );
    }

    #[test]
    fn type_text_is_compact() {
        let ty: Type = syn::parse_str("std::option::Option<Vec<(u8, &'static str)>>").unwrap();
        assert_eq!(
            type_text(&ty),
            "std::option::Option<Vec<(u8, &'static str)>>"
        );
    }
}
