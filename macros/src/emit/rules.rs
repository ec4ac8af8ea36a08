//! The constant rule tree of each field (see the runtime's `rules` module).

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

use crate::ast::{Container, Field, Shape};
use crate::attr::{Attr, FieldAttrs, Number};

/// `const __RULE_FIELD: Type = value;` for every field.
pub fn consts(cont: &Container) -> TokenStream {
    cont.fields()
        .iter()
        .chain(cont.flattened.iter().filter(|f| f.shape != Shape::Model))
        .map(|field| rule_item(&super::rule_const(field), field))
        .collect()
}

/// `const NAME: Type = value;`: the field's rule tree, under the name given.
pub fn rule_item(name: &syn::Ident, field: &Field) -> TokenStream {
    let Tree { ty, value, .. } = annotated(&field.shape, &field.attrs);
    let (ty, value) = match &field.attrs.custom {
        Some(custom) => {
            let (f, field_ty) = (&custom.value, field.ty);
            let r = tpl!({ ::authlete_models::__private::rules });
            (
                tpl!({#r::Custom<#ty, #field_ty>}, r, ty, field_ty),
                tpl!({#r::Custom { inner: #value, check: #f, marker: ::authlete_models::__private::PhantomData }}, r, value, f),
            )
        }
        None => (ty, value),
    };
    tpl!({ const #name: #ty = #value; }, name, ty, value)
}

/// Whether validating the field can find anything: a rule, or a model to descend into. The
/// tree says so itself, from the rules each of its nodes holds.
pub fn has_checks(field: &Field) -> bool {
    field.attrs.custom.is_some() || annotated(&field.shape, &field.attrs).checks
}

/// A rule tree: its type, its value, and whether it can find anything at all.
struct Tree {
    ty: TokenStream,
    value: TokenStream,
    checks: bool,
}

impl Tree {
    fn new(ty: TokenStream, value: TokenStream, checks: bool) -> Tree {
        Tree { ty, value, checks }
    }
}

/// The rule tree of a field's value, or of an item or a map's value, wrapped in the schema
/// annotations `a` sets (`format`, `read_only`, `write_only`, `examples`, `title`,
/// `deprecated`), if any.
fn annotated(shape: &Shape, a: &FieldAttrs) -> Tree {
    let inner = tree(shape, a);
    if !a.annotates() {
        return inner;
    }
    let (r, p) = (
        tpl!({ ::authlete_models::__private::rules }),
        tpl!({ ::authlete_models::__private }),
    );
    let text = |lit: &Option<Attr<syn::LitStr>>| match lit {
        Some(lit) => {
            let lit = &lit.value;
            tpl!({#p::Some(#lit)}, p, lit)
        }
        None => tpl!({#p::None}, p),
    };
    let (format, examples, title) = (text(&a.format), text(&a.examples), text(&a.title));
    let (read_only, write_only) = (a.read_only.is_some(), a.write_only.is_some());
    let deprecated = a.deprecated.is_some();
    let (t, v) = (inner.ty, inner.value);
    Tree::new(
        tpl!({#r::Annotated<#t>}, r, t),
        tpl!({#r::Annotated { rule: #v, notes: #r::Notes { format: #format, read_only: #read_only, write_only: #write_only, examples: #examples, title: #title, deprecated: #deprecated } }}, r, v, format, read_only, write_only, examples, title, deprecated),
        inner.checks,
    )
}

/// The rule tree's type and value for a value of `shape` under the rules `a`: the rules apply
/// to the value under `Option`, `Box` and `Secret`; a `Vec`'s items take the rules of
/// `items(...)`, a map's member names those of `keys(...)` and its values those of
/// `values(...)`.
fn tree(shape: &Shape, a: &FieldAttrs) -> Tree {
    let r = tpl!({ ::authlete_models::__private::rules });
    let none = FieldAttrs::default();
    let (min_len, max_len) = lengths(a);
    let counted = a.min_len.is_some() || a.max_len.is_some();
    match shape {
        Shape::Str => Tree::new(quote!(#r::Str), string(a), string_checks(a)),
        Shape::Bool => Tree::new(tpl!({#r::Flag}, r), tpl!({#r::Flag}, r), false),
        Shape::Null => Tree::new(tpl!({#r::Null}, r), tpl!({#r::Null}, r), false),
        Shape::Int(name) | Shape::Float(name) => {
            // An `f32` is read as the `f64` written, with `f64` bounds (see the runtime's
            // `impl Rule<f32> for Num<f64>`).
            let held = if *name == "f32" { "f64" } else { name };
            let ty = syn::Ident::new(held, proc_macro2::Span::call_site());
            let bound = |n: &Option<Attr<Number>>| match n {
                Some(n) => {
                    let lit = match (n.value, shape) {
                        (Number::Int(v), Shape::Int(_)) => Literal::i128_unsuffixed(v),
                        (v, _) => Literal::f64_unsuffixed(v.as_f64()),
                    };
                    tpl!({::authlete_models::__private::Some(#lit)}, lit)
                }
                None => tpl!({ ::authlete_models::__private::None }),
            };
            let (min, max) = (bound(&a.min), bound(&a.max));
            let (emin, emax) = (bound(&a.exclusive_min), bound(&a.exclusive_max));
            let multiple_of = bound(&a.multiple_of);
            let checks = [
                &a.min,
                &a.max,
                &a.exclusive_min,
                &a.exclusive_max,
                &a.multiple_of,
            ]
            .iter()
            .any(|b| b.is_some());
            Tree::new(
                tpl!({#r::Num<::core::primitive::#ty>}, r, ty),
                tpl!({#r::Num { min: #min, max: #max, exclusive_min: #emin, exclusive_max: #emax, multiple_of: #multiple_of }}, r, min, max, emin, emax, multiple_of),
                checks,
            )
        }
        // `not_null`, or the outer `Option` of `Option<Option<T>>`: the `Option` says whether
        // the member is there, and the rule inside reads what is.
        Shape::Option(inner) if a.not_null.is_some() || inner.is_option() => {
            let Tree {
                ty: t,
                value: v,
                checks,
            } = tree(inner, a);
            Tree::new(
                tpl!({#r::Present<#t>}, r, t),
                tpl!({#r::Present(#v)}, r, v),
                checks,
            )
        }
        Shape::Option(inner) => {
            let Tree {
                ty: t,
                value: v,
                checks,
            } = tree(inner, a);
            Tree::new(tpl!({#r::Opt<#t>}, r, t), tpl!({#r::Opt(#v)}, r, v), checks)
        }
        Shape::Box(inner) => {
            let Tree {
                ty: t,
                value: v,
                checks,
            } = tree(inner, a);
            Tree::new(
                tpl!({#r::Boxed<#t>}, r, t),
                tpl!({#r::Boxed(#v)}, r, v),
                checks,
            )
        }
        Shape::Secret(inner) => {
            let Tree {
                ty: t,
                value: v,
                checks,
            } = tree(inner, a);
            Tree::new(
                tpl!({#r::Secret<#t>}, r, t),
                tpl!({#r::Secret(#v)}, r, v),
                checks,
            )
        }
        Shape::Vec(inner) => {
            let item = annotated(inner, nested(&a.items).unwrap_or(&none));
            let (t, v) = (item.ty, item.value);
            let checks = counted || item.checks;
            let seq = tpl!({#r::Seq { item: #v, min_len: #min_len, max_len: #max_len }}, r, v, min_len, max_len);
            match a.unique {
                Some(_) => Tree::new(
                    tpl!({#r::Unique<#t>}, r, t),
                    tpl!({#r::Unique(#seq)}, r, seq),
                    true,
                ),
                None => Tree::new(tpl!({#r::Seq<#t>}, r, t), seq, checks),
            }
        }
        Shape::Map(inner) => {
            let keys = nested(&a.keys).unwrap_or(&none);
            let key = string(keys);
            let value = annotated(inner, nested(&a.values).unwrap_or(&none));
            let (t, v) = (value.ty, value.value);
            Tree::new(
                tpl!({#r::Entries<#t>}, r, t),
                tpl!({#r::Entries { key: #key, value: #v, min_len: #min_len, max_len: #max_len }}, r, key, v, min_len, max_len),
                counted || string_checks(keys) || value.checks,
            )
        }
        Shape::Model => Tree::new(tpl!({#r::Nested}, r), tpl!({#r::Nested}, r), true),
        Shape::Opaque => {
            let schema = match &a.schema {
                Some(lit) => {
                    let lit = &lit.value;
                    tpl!({::authlete_models::__private::Some(#lit)}, lit)
                }
                None => tpl!({ ::authlete_models::__private::None }),
            };
            Tree::new(
                tpl!({#r::Opaque}, r),
                tpl!({#r::Opaque { schema: #schema }}, r, schema),
                false,
            )
        }
    }
}

/// The rules of a nested list (`items(...)`), if it is there.
fn nested(list: &Option<Attr<Box<FieldAttrs>>>) -> Option<&FieldAttrs> {
    list.as_ref().map(|l| &*l.value)
}

/// Whether a string's rule can refuse anything.
fn string_checks(a: &FieldAttrs) -> bool {
    a.charset.is_some()
        || a.pattern.is_some()
        || !a.not_pattern.is_empty()
        || a.check_format.is_some()
        || a.min_len.is_some()
        || a.max_len.is_some()
}

/// A string's rule: `min_len`, `max_len`, `charset`, `pattern`, `not_pattern` and a checked
/// `format`.
fn string(a: &FieldAttrs) -> TokenStream {
    let r = tpl!({ ::authlete_models::__private::rules });
    let p = tpl!({ ::authlete_models::__private });
    let charset = match &a.charset {
        Some(spec) => {
            let ranges = spec
                .value
                .ranges
                .iter()
                .map(|(lo, hi)| tpl!({(#lo, #hi)}, lo, hi));
            let text = &spec.value.text;
            tpl!({#p::Some(&#p::Charset::new(&[#__rep0], #text))}, p, __rep0 = quote!(#(#ranges),*), text)
        }
        None => tpl!({#p::None}, p),
    };
    // `pattern` and `not_pattern` behind one reference, `None` without either.
    let patterns = match (&a.pattern, a.not_pattern.as_slice()) {
        (None, []) => tpl!({#p::None}, p),
        (pattern, not) => {
            let pattern = match pattern {
                Some(spec) => {
                    let value = spec.value.value();
                    tpl!({#p::Some(#value)}, p, value)
                }
                None => tpl!({#p::None}, p),
            };
            let not = not.iter().map(|spec| spec.value.value());
            tpl!({#p::Some(&#r::Patterns { pattern: #pattern, not_pattern: &[#not] })}, p, r, pattern, not = quote!(#(#not),*))
        }
    };
    // The check comes from the runtime's `formats` feature: without it, the macro is an
    // error, spanned on `check_format`.
    let format = match (a.check_format, &a.format) {
        (Some(span), Some(name)) => {
            let variant = crate::pattern::format_variant(&name.value.value()).unwrap_or("Email");
            let variant = syn::Ident::new(variant, span);
            quote::quote_spanned!(span=> ::authlete_models::__format_check!(#variant))
        }
        _ => tpl!({#p::None}, p),
    };
    let (min, max) = lengths(a);
    tpl!({#r::Str { min_len: #min, max_len: #max, charset: #charset, patterns: #patterns, format: #format }}, r, min, max, charset, patterns, format)
}

/// `min_len` and `max_len` as literals: 0 and `NO_LIMIT` when unset.
fn lengths(a: &FieldAttrs) -> (TokenStream, TokenStream) {
    let min = match &a.min_len {
        Some(n) => Literal::usize_unsuffixed(n.value).into_token_stream(),
        None => quote!(0),
    };
    let max = match &a.max_len {
        Some(n) => Literal::usize_unsuffixed(n.value).into_token_stream(),
        None => tpl!({ ::authlete_models::__private::NO_LIMIT }),
    };
    (min, max)
}
