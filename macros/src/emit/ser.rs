//! `impl Serialize`: the fields in declaration order under their wire names; a `None` is left
//! out, but for a `required` member, where it is `null`. `skip` fields are not written.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Container;

pub fn impl_serialize(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let super::Generics {
        impl_, ty, where_, ..
    } = super::Generics::of(cont);
    let name = ident.to_string();
    let p = quote!(::authlete_models::__private);
    let ser = quote!(#p::serde::ser);
    let count = cont.fields().iter().map(|f| {
        let field = &f.member;
        if f.skips_none() {
            quote!(+ if #p::Option::is_some(&self.#field) { 1 } else { 0 })
        } else {
            quote!(+ 1)
        }
    });
    let fields = cont.fields().iter().map(|f| {
        let field = &f.member;
        let wire = &f.wire;
        let write =
            quote!(#ser::SerializeStruct::serialize_field(&mut __state, #wire, &self.#field)?;);
        if f.skips_none() {
            quote! {
                if #p::Option::is_some(&self.#field) {
                    #write
                } else {
                    #ser::SerializeStruct::skip_field(&mut __state, #wire)?;
                }
            }
        } else {
            write
        }
    });
    if !cont.flattened.is_empty() {
        return serialize_as_map(cont);
    }
    quote! {
        #[automatically_derived]
        impl #impl_ #p::serde::Serialize for #ident #ty #where_ {
            fn serialize<__S: #ser::Serializer>(&self, __serializer: __S) -> #p::Result<__S::Ok, __S::Error> {
                let mut __state = #ser::Serializer::serialize_struct(__serializer, #name, 0 #(#count)*)?;
                #(#fields)*
                #ser::SerializeStruct::end(__state)
            }
        }
    }
}

/// A struct that flattens a field is written as a map, by its `Flat::write` (see
/// [`map_entries`]): `serialize_struct` takes only names known when it expands.
fn serialize_as_map(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let super::Generics {
        impl_, ty, where_, ..
    } = super::Generics::of(cont);
    let p = quote!(::authlete_models::__private);
    let ser = quote!(#p::serde::ser);
    quote! {
        #[automatically_derived]
        impl #impl_ #p::serde::Serialize for #ident #ty #where_ {
            fn serialize<__S: #ser::Serializer>(&self, __serializer: __S) -> #p::Result<__S::Ok, __S::Error> {
                let mut __state = #ser::Serializer::serialize_map(__serializer, #p::None)?;
                <Self as #p::rules::Flat>::write(self, &mut __state)?;
                #ser::SerializeMap::end(__state)
            }
        }
    }
}

/// The body of `Flat::write`: the struct's members as entries of a map, `__state`: its
/// fields under their wire names, then each flattened model's members, then the flattened
/// map's.
pub fn map_entries(cont: &Container) -> TokenStream {
    let p = quote!(::authlete_models::__private);
    let ser = quote!(#p::serde::ser);
    let fields = cont.fields().iter().map(|f| {
        let field = &f.member;
        let wire = &f.wire;
        let write = quote!(#ser::SerializeMap::serialize_entry(__state, #wire, &self.#field)?;);
        if f.skips_none() {
            quote! {
                if #p::Option::is_some(&self.#field) {
                    #write
                }
            }
        } else {
            write
        }
    });
    let flattened = cont.flattened.iter().map(|f| {
        let field = &f.member;
        if f.shape == crate::ast::Shape::Model {
            let ty = f.ty;
            return quote! {
                <#ty as #p::rules::Flat>::write(&self.#field, __state)?;
            };
        }
        quote! {
            for (__name, __value) in &self.#field {
                #ser::SerializeMap::serialize_entry(__state, __name, __value)?;
            }
        }
    });
    quote! {
        #(#fields)*
        #(#flattened)*
        #p::Ok(())
    }
}
