//! Checks across the model: each rule against the field's type, bounds against each other,
//! and wire names against each other.

use std::collections::HashMap;

use crate::ast::{Container, Field, Shape};
use crate::attr::Number;
use crate::ctxt::Ctxt;

pub fn check(cx: &mut Ctxt, cont: &Container) {
    for field in &cont.fields {
        check_field(cx, field);
    }
    check_wire_names(cx, cont);
}

fn check_field(cx: &mut Ctxt, field: &Field) {
    let a = &field.attrs;
    let shape = &field.shape;
    let ty = shape.describe();

    if let Some(charset) = &a.charset {
        if shape.leaf() != &Shape::Str {
            cx.error_at(
                charset.span,
                format!("`charset` applies to strings (`String`, `Option<String>`, `Vec<String>`), but this field is `{ty}`"),
            );
        }
    }

    for (key, len) in [("min_len", &a.min_len), ("max_len", &a.max_len)] {
        let Some(len) = len else { continue };
        if !matches!(shape.len_target(), Shape::Str | Shape::Vec(_)) {
            cx.error_at(
                len.span,
                format!("`{key}` applies to strings (counting characters) and `Vec`s (counting items), but this field is `{ty}`"),
            );
        }
    }
    if let (Some(min), Some(max)) = (&a.min_len, &a.max_len) {
        if min.value > max.value {
            cx.error_at(
                max.span,
                format!(
                    "`min_len = {}` is greater than `max_len = {}`: no value could pass",
                    min.value, max.value
                ),
            );
        }
    }

    for (key, bound) in [("min", &a.min), ("max", &a.max)] {
        let Some(bound) = bound else { continue };
        match shape.leaf() {
            Shape::Int(name) => {
                if let Number::Float(_) = bound.value {
                    cx.error_at(bound.span, format!("`{key}` on an integer field (`{name}`) takes an integer literal"));
                } else if let Some((lo, hi)) = int_range(name) {
                    let Number::Int(v) = bound.value else { unreachable!() };
                    if v < lo || v > hi {
                        cx.error_at(bound.span, format!("`{key} = {v}` is out of range for `{name}` ({lo}..={hi})"));
                    }
                }
            }
            Shape::Float(_) => {}
            _ => cx.error_at(
                bound.span,
                format!("`{key}` applies to numbers (integers and floats, also inside `Option` or `Vec`), but this field is `{ty}`"),
            ),
        }
    }
    if let (Some(min), Some(max)) = (&a.min, &a.max) {
        let greater = match (min.value, max.value) {
            (Number::Int(lo), Number::Int(hi)) => lo > hi,
            (lo, hi) => lo.as_f64() > hi.as_f64(),
        };
        if greater {
            cx.error_at(
                max.span,
                format!(
                    "`min = {}` is greater than `max = {}`: no value could pass",
                    min.value, max.value
                ),
            );
        }
    }

    if let Some(span) = a.secret {
        if !shape.has_secret() {
            cx.error_at(
                span,
                format!("a `secret` field must have type `Secret<String>` (or `Option<Secret<String>>`), so that `Debug` cannot print it; this field is `{ty}`"),
            );
        }
    }
    check_secret_holds_strings(cx, field, shape);
}

fn check_secret_holds_strings(cx: &mut Ctxt, field: &Field, shape: &Shape) {
    match shape {
        Shape::Secret(inner) if **inner != Shape::Str => cx.error_spanned_by(
            field.ty,
            format!("`Secret` holds a `String`, not `{}`", inner.describe()),
        ),
        Shape::Option(s) | Shape::Vec(s) | Shape::Box(s) | Shape::Secret(s) => {
            check_secret_holds_strings(cx, field, s)
        }
        _ => {}
    }
}

fn int_range(name: &str) -> Option<(i128, i128)> {
    Some(match name {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "usize" => (0, u64::MAX.into()),
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" | "isize" => (i64::MIN.into(), i64::MAX.into()),
        "u128" => (0, i128::MAX),
        _ => return None,
    })
}

fn check_wire_names(cx: &mut Ctxt, cont: &Container) {
    let mut seen: HashMap<&str, &Field> = HashMap::new();
    for field in &cont.fields {
        match seen.get(field.wire.as_str()) {
            Some(first) => cx.error_at(
                field.wire_span,
                format!(
                    "wire name `{}` is already used by field `{}`; give one of them another name with `rename`",
                    field.wire, first.ident
                ),
            ),
            None => {
                seen.insert(&field.wire, field);
            }
        }
    }
}
