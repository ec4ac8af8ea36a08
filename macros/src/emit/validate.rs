//! `impl Validate`: each field's rule tree checks the field, in declaration order.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Container;

pub fn impl_validate(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let p = tpl!({ ::authlete_models::__private });
    let checks = cont
        .fields()
        .iter()
        .filter(|f| super::rules::has_checks(f))
        .map(|field| {
            let name = &field.member;
            let ty = field.ty;
            let rule = super::rule_const(field);
            let token = super::pointer_token(field);
            tpl!({
            <_ as #p::Rule<#ty>>::check(&#rule, &self.#name, #p::Path::field(&__at, #token), __out);
        }, p, ty, rule, name, token)
        });
    // A flattened map's members sit at the struct's own pointer.
    let flattened = cont.flattened.iter().map(|field| {
        let name = &field.member;
        let ty = field.ty;
        if field.shape == crate::ast::Shape::Model {
            return tpl!({
                #p::Validate::__validate_at(&self.#name, __at, __out);
            }, p, name);
        }
        let rule = super::rule_const(field);
        tpl!({
            <_ as #p::Rule<#ty>>::check(&#rule, &self.#name, __at, __out);
        }, p, ty, rule, name)
    });
    let members = super::members::validate(cont);
    let presence = super::presence::validate(cont);
    let custom = super::ContainerCustom::of(cont).validate;
    let super::Generics {
        impl_, ty, where_, ..
    } = super::Generics::of(cont);
    tpl!({
        #[automatically_derived]
        impl #impl_ #p::Validate for #ident #ty #where_ {
            #[inline]
            fn validate(&self) -> #p::Result<(), #p::ValidationErrors> {
                #p::finish(|__out| #p::Validate::__validate_at(self, #p::Path::Root, __out))
            }

            #[inline]

            fn __validate_at(&self, __at: #p::Path<'_>, __out: &mut #p::Vec<#p::ValidationError>) {
                let _ = (&__at, &__out);
                let __before = __out.len();
                #__rep0
                #__rep1
                #members
                #presence
                #custom
            }
        }
    }, impl_, p, ident, ty, where_, __rep0 = quote!(#(#checks)*), __rep1 = quote!(#(#flattened)*), members, presence, custom)
}
