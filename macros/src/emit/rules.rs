//! The constant rule tree of each field (see the runtime's `rules` module).

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

use crate::ast::{Container, Field, Shape};
use crate::attr::{FieldAttrs, Number};

/// `const __RULE_FIELD: Type = value;` for every field.
pub fn consts(cont: &Container) -> TokenStream {
    cont.fields()
        .iter()
        .map(|field| {
            let name = super::rule_const(field);
            let (ty, value) = tree(&field.shape, &field.attrs, true);
            quote! { const #name: #ty = #value; }
        })
        .collect()
}

/// Whether validating the field can find anything: a rule, or a nested model to descend into.
pub fn has_checks(field: &Field) -> bool {
    let a = &field.attrs;
    a.charset.is_some()
        || a.min_len.is_some()
        || a.max_len.is_some()
        || a.min.is_some()
        || a.max.is_some()
        || field.shape.leaf() == &Shape::Model
}

/// The rule tree's type and value for `shape`. `len` says whether `min_len` / `max_len` are
/// still to be placed: the first `Vec` or string takes them (as `Shape::len_target` says).
fn tree(shape: &Shape, a: &FieldAttrs, len: bool) -> (TokenStream, TokenStream) {
    let r = quote!(::authlete_models::__private::rules);
    let min_len = |len: bool| match (&a.min_len, len) {
        (Some(n), true) => Literal::usize_unsuffixed(n.value).into_token_stream(),
        _ => quote!(0),
    };
    let max_len = |len: bool| match (&a.max_len, len) {
        (Some(n), true) => Literal::usize_unsuffixed(n.value).into_token_stream(),
        _ => quote!(::authlete_models::__private::NO_LIMIT),
    };
    match shape {
        Shape::Str => {
            let charset = match &a.charset {
                Some(spec) => {
                    let ranges = spec.value.ranges.iter().map(|(lo, hi)| quote!((#lo, #hi)));
                    let text = &spec.value.text;
                    quote! {
                        ::authlete_models::__private::Some(&::authlete_models::__private::Charset::new(&[#(#ranges),*], #text))
                    }
                }
                None => quote!(::authlete_models::__private::None),
            };
            let (min, max) = (min_len(len), max_len(len));
            (
                quote!(#r::Str),
                quote!(#r::Str { min_len: #min, max_len: #max, charset: #charset }),
            )
        }
        Shape::Bool => (quote!(#r::Flag), quote!(#r::Flag)),
        Shape::Int(name) | Shape::Float(name) => {
            let ty = syn::Ident::new(name, proc_macro2::Span::call_site());
            let bound = |n: &Option<crate::attr::Attr<Number>>| match n {
                Some(n) => {
                    let lit = match (n.value, shape) {
                        (Number::Int(v), Shape::Int(_)) => Literal::i128_unsuffixed(v),
                        (v, _) => Literal::f64_unsuffixed(v.as_f64()),
                    };
                    quote!(::authlete_models::__private::Some(#lit))
                }
                None => quote!(::authlete_models::__private::None),
            };
            let (min, max) = (bound(&a.min), bound(&a.max));
            (
                quote!(#r::Num<::core::primitive::#ty>),
                quote!(#r::Num { min: #min, max: #max }),
            )
        }
        Shape::Option(inner) => {
            let (t, v) = tree(inner, a, len);
            (quote!(#r::Opt<#t>), quote!(#r::Opt(#v)))
        }
        Shape::Box(inner) => {
            let (t, v) = tree(inner, a, len);
            (quote!(#r::Boxed<#t>), quote!(#r::Boxed(#v)))
        }
        Shape::Secret(inner) => {
            let (t, v) = tree(inner, a, len);
            (quote!(#r::Secret<#t>), quote!(#r::Secret(#v)))
        }
        Shape::Vec(inner) => {
            let (t, v) = tree(inner, a, false);
            let (min, max) = (min_len(len), max_len(len));
            (
                quote!(#r::Seq<#t>),
                quote!(#r::Seq { item: #v, min_len: #min, max_len: #max }),
            )
        }
        Shape::Model => (quote!(#r::Nested), quote!(#r::Nested)),
    }
}
