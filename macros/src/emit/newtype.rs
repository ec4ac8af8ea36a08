//! A newtype's impls: its one field's rule tree reads, checks and describes the value, at the
//! path where the newtype sits.

use proc_macro2::TokenStream;

use crate::ast::{Container, Field};

pub fn impls(cont: &Container, field: &Field) -> TokenStream {
    let ident = cont.ident;
    let ty = field.ty;
    let rule = super::rule_const(field);
    let title = super::Generics::schema_name(cont, true);
    let name = super::Generics::schema_name(cont, false);
    let super::Generics {
        impl_,
        ty: ty_args,
        where_,
        impl_de,
        ..
    } = super::Generics::of(cont);
    let description = super::schema::description(&cont.description);
    let p = tpl!({ ::authlete_models::__private });
    let r = tpl!({<_ as #p::Rule<#ty>>}, p, ty);
    let schema = super::schema::annotate(
        cont,
        tpl!({#p::newtype_schema(&#title, #description, #r::schema(&#rule, __gen))}, p, title, description, r, rule),
    );
    // A generic newtype cannot have it: `impl<T> TryFrom<T> for Wrapper<T>` overlaps the
    // standard library's `impl<T, U: Into<T>> TryFrom<U> for T`.
    let try_from = cont.generics.params.is_empty().then(|| {
        tpl!({
        #[automatically_derived]
            impl #impl_ #p::TryFrom<#ty> for #ident #ty_args #where_ {
                type Error = #p::ValidationErrors;

                fn try_from(__value: #ty) -> #p::Result<Self, #p::ValidationErrors> {
                    let __value = #ident(__value);
                    #p::Validate::validate(&__value)?;
                    #p::Ok(__value)
                }
            }

        }, impl_, p, ty, ident, ty_args, where_)
    });
    let custom = super::ContainerCustom::of(cont);
    let reader = super::ContainerCustom::reader(cont);
    let (custom_validate, custom_collect, custom_read) =
        (&custom.validate, &custom.collect, &custom.unchecked);
    tpl!({
        #[automatically_derived]
        impl #impl_ #p::Validate for #ident #ty_args #where_ {
            #[inline]
            fn validate(&self) -> #p::Result<(), #p::ValidationErrors> {
                #p::finish(|__out| #p::Validate::__validate_at(self, #p::Path::Root, __out))
            }

            #[inline]

            fn __validate_at(&self, __at: #p::Path<'_>, __out: &mut #p::Vec<#p::ValidationError>) {
                let __before = __out.len();
                #r::check(&#rule, &self.0, __at, __out);
                #custom_validate
            }
        }

        #[automatically_derived]
        impl #impl_ #p::serde::Serialize for #ident #ty_args #where_ {
            fn serialize<__S: #p::serde::Serializer>(&self, __serializer: __S) -> #p::Result<__S::Ok, __S::Error> {
                #p::serde::Serialize::serialize(&self.0, __serializer)
            }
        }

        #[automatically_derived]
        impl #impl_de #p::serde::Deserialize<'de> for #ident #ty_args #where_ {
            fn deserialize<__D: #p::serde::Deserializer<'de>>(__deserializer: __D) -> #p::Result<Self, __D::Error> {
                <Self as #p::Model>::__read_at(__deserializer, #p::Path::Root)
            }
        }

        #[automatically_derived]
        impl #impl_ #p::Model for #ident #ty_args #where_ {
            #[inline]
            fn json_schema() -> #p::serde_json::Value {
                #p::SchemaGen::root::<Self>()
            }

            #[inline]

            fn __schema_name() -> #p::String {
                #name
            }

            #[inline]

            fn __schema_object(__gen: &mut #p::SchemaGen) -> #p::serde_json::Map<#p::String, #p::serde_json::Value> {
                #schema
            }

            #[inline]

            fn __collect<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>, __out: &mut #p::Collector<'_>) -> #p::Result<#p::Option<Self>, __D::Error> {
                let #p::Some(__value) = #r::collect(&#rule, __deserializer, __at, __out)? else {
                    return #p::Ok(#p::None);
                };
                let __value = #ident(__value);
                #p::Ok(#custom_collect)
            }

            #custom_read

            #[inline]
            fn #reader<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>) -> #p::Result<Self, __D::Error> {
                #p::Result::map(#r::read(&#rule, __deserializer, __at), #ident)
            }
        }

        #try_from
    }, impl_, p, ident, ty_args, where_, r, rule, custom_validate, impl_de, name, schema, custom_collect, custom_read, reader, try_from)
}
