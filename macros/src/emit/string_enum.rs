//! A string enum's impls: a lookup of its values (a `match`, as for a struct's keys) and a
//! `StrEnum` description that the runtime reads, checks and describes the enum with.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Variant};

pub fn impls(cont: &Container, variants: &[Variant]) -> TokenStream {
    let ident = cont.ident;
    let name = ident.to_string();
    let title = cont
        .attrs
        .title
        .as_ref()
        .map_or_else(|| name.clone(), |t| t.value.value());
    let description = super::schema::description(&cont.description);
    let p = tpl!({ ::authlete_models::__private });
    let schema = super::schema::annotate(
        cont,
        tpl!({__enum().schema(#title, #description)}, title, description),
    );
    let known: Vec<&Variant> = variants.iter().filter(|v| v.other.is_none()).collect();
    let other = variants.iter().find(|v| v.other.is_some()).map(|v| v.ident);
    let has_other = other.is_some();
    let values = known.iter().map(|v| &v.wire);
    let index_arms = known.iter().enumerate().map(|(i, v)| {
        let wire = &v.wire;
        tpl!({#wire => #p::Some(#i),}, wire, p, i)
    });
    let from_index = known.iter().enumerate().map(|(i, v)| {
        let variant = v.ident;
        tpl!({#p::rules::Found::Known(#i) => #ident::#variant,}, p, i, ident, variant)
    });
    let from_other = match other {
        Some(variant) => {
            tpl!({#p::rules::Found::Other(__v) => #ident::#variant(__v),}, p, ident, variant)
        }
        None => tpl!({#p::rules::Found::Other(_) => #p::unreachable!(),}, p),
    };
    let found = tpl!({
        match __found {
            #__rep0
            #from_other
            #p::rules::Found::Known(_) => #p::unreachable!(),
        }
    }, __rep0 = quote!(#(#from_index)*), from_other, p);
    let as_str_arms = known.iter().map(|v| {
        let variant = v.ident;
        let wire = &v.wire;
        tpl!({#ident::#variant => #wire,}, ident, variant, wire)
    });
    let as_str_other =
        other.map(|variant| tpl!({#ident::#variant(__v) => __v.as_str(),}, ident, variant));
    let check_other = other.map(|variant| {
        tpl!({
            if let #ident::#variant(__v) = self {
                __enum().check_other(__v, __at, __out);
            }
        }, ident, variant)
    });
    let value_name = format!("a `{name}` value");
    let custom = super::ContainerCustom::of(cont);
    let reader = super::ContainerCustom::reader(cont);
    let (custom_validate, custom_collect, custom_read) =
        (&custom.validate, &custom.collect, &custom.unchecked);
    tpl!({
        const __VALUES: &[&#p::primitive::str] = &[#__rep0];

        #[inline]
        fn __index(__name: &#p::primitive::str) -> #p::Option<#p::primitive::usize> {
            match __name {
                #__rep1
                _ => #p::None,
            }
        }

        #[inline]
        fn __enum() -> #p::rules::StrEnum<impl #p::Fn(&#p::primitive::str) -> #p::Option<#p::primitive::usize> + #p::Copy> {
            #p::rules::StrEnum { index: __index, values: __VALUES, other: #has_other, name: #value_name }
        }

        #[automatically_derived]
        impl #ident {
            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &#p::primitive::str {
                match self {
                    #__rep2
                    #as_str_other
                }
            }
        }

        #[automatically_derived]
        impl #p::fmt::Display for #ident {
            fn fmt(&self, __f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                __f.pad(self.as_str())
            }
        }

        #[automatically_derived]
        impl #p::FromStr for #ident {
            type Err = #p::ValidationError;

            fn from_str(__s: &#p::primitive::str) -> #p::Result<Self, #p::ValidationError> {
                let __found = __enum().parse(__s)?;
                #p::Ok(#found)
            }
        }

        #[automatically_derived]
        impl #p::Validate for #ident {
            #[inline]
            fn validate(&self) -> #p::Result<(), #p::ValidationErrors> {
                #p::finish(|__out| #p::Validate::__validate_at(self, #p::Path::Root, __out))
            }

            #[inline]

            fn __validate_at(&self, __at: #p::Path<'_>, __out: &mut #p::Vec<#p::ValidationError>) {
                let _ = (&__at, &__out);
                let __before = __out.len();
                #check_other
                #custom_validate
            }
        }

        #[automatically_derived]
        impl #p::serde::Serialize for #ident {
            fn serialize<__S: #p::serde::Serializer>(&self, __serializer: __S) -> #p::Result<__S::Ok, __S::Error> {
                __serializer.serialize_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl<'de> #p::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #p::serde::Deserializer<'de>>(__deserializer: __D) -> #p::Result<Self, __D::Error> {
                <Self as #p::Model>::__read_at(__deserializer, #p::Path::Root)
            }
        }

        #[automatically_derived]
        impl #p::Model for #ident {
            #[inline]
            fn json_schema() -> #p::serde_json::Value {
                #p::SchemaGen::root::<Self>()
            }

            #[inline]

            fn __schema_name() -> #p::String {
                #p::String::from(#name)
            }

            #[inline]

            fn __schema_object(_: &mut #p::SchemaGen) -> #p::serde_json::Map<#p::String, #p::serde_json::Value> {
                #schema
            }

            #[inline]

            fn __collect<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>, __out: &mut #p::Collector<'_>) -> #p::Result<#p::Option<Self>, __D::Error> {
                let #p::Some(__found) = __enum().collect(__deserializer, __at, __out)? else {
                    return #p::Ok(#p::None);
                };
                let __value = #found;
                #p::Ok(#custom_collect)
            }

            #custom_read

            #[inline]
            fn #reader<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>) -> #p::Result<Self, __D::Error> {
                let __found = __enum().read(__deserializer, __at)?;
                #p::Ok(#found)
            }
        }
    }, p, __rep0 = quote!(#(#values),*), __rep1 = quote!(#(#index_arms)*), has_other, value_name, ident, __rep2 = quote!(#(#as_str_arms)*), as_str_other, found, check_other, custom_validate, name, schema, custom_collect, custom_read, reader)
}
