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
    let p = tpl!({ ::authlete_models::__private });
    let ser = tpl!({#p::serde::ser}, p);
    let count = cont.fields().iter().map(|f| {
        let field = &f.member;
        if f.skips_none() {
            tpl!({+ if #p::Option::is_some(&self.#field) { 1 } else { 0 }}, p, field)
        } else {
            quote!(+ 1)
        }
    });
    let fields = cont.fields().iter().map(|f| {
        let field = &f.member;
        let wire = &f.wire;
        let write =
            tpl!({#ser::SerializeStruct::serialize_field(&mut __state, #wire, &self.#field)?;}, ser, wire, field);
        if f.skips_none() {
            tpl!({
                if #p::Option::is_some(&self.#field) {
                    #write
                } else {
                    #ser::SerializeStruct::skip_field(&mut __state, #wire)?;
                }
            }, p, field, write, ser, wire)
        } else {
            write
        }
    });
    if !cont.flattened.is_empty() {
        return serialize_as_map(cont);
    }
    tpl!({
        #[automatically_derived]
        impl #impl_ #p::serde::Serialize for #ident #ty #where_ {
            fn serialize<__S: #ser::Serializer>(&self, __serializer: __S) -> #p::Result<__S::Ok, __S::Error> {
                let mut __state = #ser::Serializer::serialize_struct(__serializer, #name, 0 #__rep0)?;
                #__rep1
                #ser::SerializeStruct::end(__state)
            }
        }
    }, impl_, p, ident, ty, where_, ser, name, __rep0 = quote!(#(#count)*), __rep1 = quote!(#(#fields)*))
}

/// A struct that flattens a field is written as a map, by its `Flat::write` (see
/// [`map_entries`]): `serialize_struct` takes only names known when it expands.
fn serialize_as_map(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let super::Generics {
        impl_, ty, where_, ..
    } = super::Generics::of(cont);
    let p = tpl!({ ::authlete_models::__private });
    let ser = tpl!({#p::serde::ser}, p);
    tpl!({
        #[automatically_derived]
        impl #impl_ #p::serde::Serialize for #ident #ty #where_ {
            fn serialize<__S: #ser::Serializer>(&self, __serializer: __S) -> #p::Result<__S::Ok, __S::Error> {
                let mut __state = #ser::Serializer::serialize_map(__serializer, #p::None)?;
                <Self as #p::rules::Flat>::write(self, &mut __state)?;
                #ser::SerializeMap::end(__state)
            }
        }
    }, impl_, p, ident, ty, where_, ser)
}

/// The body of `Flat::write`: the struct's members as entries of a map, `__state`: its
/// fields under their wire names, then each flattened model's members, then the flattened
/// map's.
pub fn map_entries(cont: &Container) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    let ser = tpl!({#p::serde::ser}, p);
    let fields = cont.fields().iter().map(|f| {
        let field = &f.member;
        let wire = &f.wire;
        let write = tpl!({#ser::SerializeMap::serialize_entry(__state, #wire, &self.#field)?;}, ser, wire, field);
        if f.skips_none() {
            tpl!({
                if #p::Option::is_some(&self.#field) {
                    #write
                }
            }, p, field, write)
        } else {
            write
        }
    });
    let flattened = cont.flattened.iter().map(|f| {
        let field = &f.member;
        if f.shape == crate::ast::Shape::Model {
            let ty = f.ty;
            return tpl!({
                <#ty as #p::rules::Flat>::write(&self.#field, __state)?;
            }, ty, p, field);
        }
        tpl!({
            for (__name, __value) in &self.#field {
                #ser::SerializeMap::serialize_entry(__state, __name, __value)?;
            }
        }, field, ser)
    });
    quote! {
        #(#fields)*
        #(#flattened)*
        #p::Ok(())
    }
}
