//! The value a field takes when its member is absent (or when it is `skip`ped): its
//! `default`, as a Rust expression of the field's type.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Field, Shape};
use crate::attr::{DefaultLiteral, DefaultValue, Number};

/// The field's default: `Default::default()` (spanned on the type, so that a type without
/// one is an error there), the function's result, or the literal.
pub fn value(f: &Field) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    let span = f.ty.span();
    match f.attrs.default.as_ref().map(|d| &d.value) {
        // Written out inside `quote_spanned!`, so that every token carries the type's span.
        None | Some(DefaultValue::Trait) => {
            quote_spanned!(span=> ::authlete_models::__private::Default::default())
        }
        Some(DefaultValue::Function(path)) => quote_spanned!(path.span()=> #path()),
        Some(DefaultValue::Literal(lit)) => {
            literal(&f.shape, lit).unwrap_or_else(|| tpl!({#p::unreachable!()}, p))
        }
    }
}

/// A literal default as an expression of a value of `shape`, under `Option` and `Box`; `None`
/// where it is not a string, a boolean or a number there (a model's, read from its JSON).
pub fn literal(shape: &Shape, lit: &DefaultLiteral) -> Option<TokenStream> {
    let p = tpl!({ ::authlete_models::__private });
    match (shape, lit) {
        (Shape::Option(inner), _) => {
            let inner = literal(inner, lit)?;
            Some(tpl!({#p::Some(#inner)}, p, inner))
        }
        (Shape::Box(inner), _) => {
            let inner = literal(inner, lit)?;
            Some(tpl!({#p::Box::new(#inner)}, p, inner))
        }
        (Shape::Str, DefaultLiteral::Str(s)) => Some(tpl!({#p::String::from(#s)}, p, s)),
        (Shape::Bool, DefaultLiteral::Bool(b)) => Some(quote!(#b)),
        (Shape::Int(name), DefaultLiteral::Number(Number::Int(v))) => {
            let ty = syn::Ident::new(name, proc_macro2::Span::call_site());
            let lit = Literal::i128_unsuffixed(*v);
            Some(tpl!({(#lit as ::core::primitive::#ty)}, lit, ty))
        }
        (Shape::Float(name), DefaultLiteral::Number(n)) => {
            let ty = syn::Ident::new(name, proc_macro2::Span::call_site());
            let lit = Literal::f64_unsuffixed(n.as_f64());
            Some(tpl!({(#lit as ::core::primitive::#ty)}, lit, ty))
        }
        _ => None,
    }
}
