//! A value enum's impls: its values as `Literal`s and their JSON text, in a `ValueEnum`
//! description that the runtime reads, writes and describes the enum with; the generated code
//! only maps variants to their index and back.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Variant};
use crate::attr::Scalar;

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
    let literals = variants.iter().map(|v| literal(v, &p));
    let texts = variants.iter().map(Variant::json);
    let to_index = variants.iter().enumerate().map(|(i, v)| {
        let variant = v.ident;
        tpl!({#ident::#variant => #i,}, ident, variant, i)
    });
    let from_index = variants.iter().enumerate().map(|(i, v)| {
        let variant = v.ident;
        tpl!({#i => #ident::#variant,}, i, ident, variant)
    });
    let value_name = format!("a `{name}` value");
    let custom = super::ContainerCustom::of(cont);
    let reader = super::ContainerCustom::reader(cont);
    let (custom_validate, custom_collect, custom_read) =
        (&custom.validate, &custom.collect, &custom.unchecked);
    tpl!({
        const __VALUES: &[#p::rules::Literal] = &[#__rep0];

        const __TEXTS: &[&#p::primitive::str] = &[#__rep1];

        #[inline]
        fn __enum() -> #p::rules::ValueEnum {
            #p::rules::ValueEnum { values: __VALUES, texts: __TEXTS, name: #value_name }
        }

        #[inline]
        fn __index(__value: &#ident) -> #p::primitive::usize {
            match __value {
                #__rep2
            }
        }

        #[inline]
        fn __variant(__index: #p::primitive::usize) -> #ident {
            match __index {
                #__rep3
                _ => #p::unreachable!(),
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
                #custom_validate
            }
        }

        #[automatically_derived]
        impl #p::serde::Serialize for #ident {
            fn serialize<__S: #p::serde::Serializer>(&self, __serializer: __S) -> #p::Result<__S::Ok, __S::Error> {
                __enum().write(__index(self), __serializer)
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
                let __value = __variant(__found);
                #p::Ok(#custom_collect)
            }

            #custom_read

            #[inline]
            fn #reader<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>) -> #p::Result<Self, __D::Error> {
                #p::Ok(__variant(__enum().read(__deserializer, __at)?))
            }
        }
    }, p, __rep0 = quote!(#(#literals),*), __rep1 = quote!(#(#texts),*), value_name, ident, __rep2 = quote!(#(#to_index)*), __rep3 = quote!(#(#from_index)*), custom_validate, name, schema, custom_collect, custom_read, reader)
}

/// The variant's value as a `Literal` of the runtime.
fn literal(v: &Variant, p: &TokenStream) -> TokenStream {
    let Some(scalar) = &v.scalar else {
        let wire = &v.wire;
        return tpl!({#p::rules::Literal::Str(#wire)}, p, wire);
    };
    scalar_literal(scalar.value, p)
}

/// A JSON value other than a string as a `Literal` of the runtime (also a `when` condition's).
pub(super) fn scalar_literal(scalar: Scalar, p: &TokenStream) -> TokenStream {
    match scalar {
        Scalar::Null => tpl!({#p::rules::Literal::Null}, p),
        Scalar::Bool(b) => tpl!({#p::rules::Literal::Bool(#b)}, p, b),
        Scalar::Int(v) => {
            let v = proc_macro2::Literal::i128_unsuffixed(v);
            tpl!({#p::rules::Literal::Int(#v)}, p, v)
        }
        Scalar::Float(v) => {
            let v = proc_macro2::Literal::f64_unsuffixed(v);
            tpl!({#p::rules::Literal::Float(#v)}, p, v)
        }
    }
}

#[cfg(test)]
mod tests {
    fn expand(src: &str) -> String {
        let input: syn::DeriveInput = syn::parse_str(src).unwrap();
        super::super::derive(&input).to_string()
    }

    #[test]
    fn each_variant_is_its_literal_and_its_json_text() {
        let out = expand(
            r#"enum Level { #[model(value = -3)] Low, #[model(value = 1.5)] Mid, #[model(value = null)] Off, #[model(value = true)] On, Auto }"#,
        );
        let squeezed = out.replace(' ', "");
        for (literal, text) in [
            ("Literal::Int(-3)", r#""-3""#),
            ("Literal::Float(1.5)", r#""1.5""#),
            ("Literal::Null", r#""null""#),
            ("Literal::Bool(true)", r#""true""#),
            (r#"Literal::Str("Auto")"#, r#""\"Auto\"""#),
        ] {
            assert!(squeezed.contains(literal), "{literal}: {out}");
            assert!(squeezed.contains(text), "{text}: {out}");
        }
        // A value enum has no `as_str`: its values are not all strings.
        assert!(!out.contains("as_str"), "{out}");
    }

    #[test]
    fn a_float_keeps_its_fraction_and_a_large_integer_its_digits() {
        let out = expand(
            r#"enum N { #[model(value = 1.0)] One, #[model(value = 18446744073709551615)] Max, #[model(value = -9223372036854775808)] Min }"#,
        )
        .replace(' ', "");
        assert!(out.contains("Literal::Float(1.0)"), "{out}");
        assert!(out.contains("Literal::Int(18446744073709551615)"), "{out}");
        assert!(out.contains("Literal::Int(-9223372036854775808)"), "{out}");
        assert!(out.contains(r#""1.0""#), "{out}");
    }
}
