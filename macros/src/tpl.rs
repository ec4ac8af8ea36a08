//! Templates of the generated code, filled when the derive expands.
//!
//! `quote!` turns each template into code that pushes its tokens one by one: most of this
//! crate's own compile time, paid by every build of a crate that derives `Model`. A template
//! here is the text of the tokens as written (`stringify!`), parsed when the derive runs, with
//! its `#name` holes filled by name. The tokens come out as `quote!` makes them: the template's
//! own at the call site, a hole's with the spans it carries.
//!
//! ```text
//! tpl!({ impl #p::Model for #ident { ... } }, p, ident)
//! tpl!({ match __i { #arms _ => {} } }, arms = quote!(#(#arms)*))
//! ```
//!
//! A repetition is built with `quote!` (small) and given as a hole; `quote_spanned!` stays
//! where an error must point into the user's code.

use proc_macro2::{Group, TokenStream, TokenTree};
use quote::ToTokens;

/// Fills the template (its tokens, as written) from the holes named after it: `name` takes the
/// variable of that name, `name = expr` the expression's value.
macro_rules! tpl {
    ({ $($t:tt)* } $(, $hole:ident $(= $value:expr)?)* $(,)?) => {
        $crate::tpl::fill(
            stringify!($($t)*),
            &[$((stringify!($hole), &tpl!(@hole $hole $(= $value)?) as &dyn ::quote::ToTokens)),*],
        )
    };
    (@hole $hole:ident) => {
        $hole
    };
    (@hole $hole:ident = $value:expr) => {
        $value
    };
}

/// The template's tokens, each `#name` replaced by the tokens of the hole `name`.
///
/// Panics on a template that is not Rust tokens or names a hole not given: both are mistakes
/// in this crate, which its tests meet.
pub fn fill(template: &str, holes: &[(&str, &dyn ToTokens)]) -> TokenStream {
    let tokens: TokenStream = template
        .parse()
        .unwrap_or_else(|e| panic!("a template is Rust tokens: {e}: {template}"));
    let mut out = TokenStream::new();
    fill_into(tokens, holes, &mut out);
    out
}

fn fill_into(tokens: TokenStream, holes: &[(&str, &dyn ToTokens)], out: &mut TokenStream) {
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        match token {
            TokenTree::Punct(hash) if hash.as_char() == '#' => {
                let Some(TokenTree::Ident(name)) = tokens.peek() else {
                    out.extend([TokenTree::Punct(hash)]);
                    continue;
                };
                let name = name.to_string();
                let (_, hole) = holes
                    .iter()
                    .find(|(hole, _)| *hole == name)
                    .unwrap_or_else(|| panic!("the template's hole `{name}` is not given"));
                hole.to_tokens(out);
                tokens.next();
            }
            TokenTree::Group(group) => {
                let mut inner = TokenStream::new();
                fill_into(group.stream(), holes, &mut inner);
                let mut filled = Group::new(group.delimiter(), inner);
                filled.set_span(group.span());
                out.extend([TokenTree::Group(filled)]);
            }
            other => out.extend([other]),
        }
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    #[test]
    fn a_template_gives_the_tokens_quote_gives() {
        let ident = quote!(Page);
        let arms: Vec<_> = (0..2usize).map(|i| quote!(#i => 1,)).collect();
        let filled = tpl!(
            {
                #[inline]
                fn f<'de>(x: usize) -> Option<#ident> { match x { #arms _ => {} } }
            },
            ident,
            arms = quote!(#(#arms)*),
        );
        let quoted = quote! {
            #[inline]
            fn f<'de>(x: usize) -> Option<#ident> { match x { #(#arms)* _ => {} } }
        };
        // The same tokens; only the spacing of a `<` before a lifetime may differ in print.
        let squeeze = |t: proc_macro2::TokenStream| t.to_string().replace(' ', "");
        assert_eq!(squeeze(filled), squeeze(quoted));
    }

    #[test]
    #[should_panic(expected = "hole `missing`")]
    fn a_hole_not_given_is_a_mistake() {
        let _ = tpl!({ #missing });
    }
}
