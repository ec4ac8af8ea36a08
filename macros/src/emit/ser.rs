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
