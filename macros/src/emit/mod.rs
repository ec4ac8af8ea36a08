//! Writes the impls from the checked model. One module per impl; each reads only `ast`.

mod de;
mod defaults;
mod members;
mod newtype;
mod presence;
mod rules;
mod schema;
mod ser;
mod string_enum;
mod union;
mod validate;
mod value_enum;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Ident;

use crate::ast::{Container, Data, Field};
use crate::ctxt::Ctxt;

/// The whole expansion: the impls, or every error found and stand-in impls.
pub fn derive(input: &syn::DeriveInput) -> TokenStream {
    let mut cx = Ctxt::default();
    let cont = crate::ast::Container::from_input(&mut cx, input);
    if let Some(cont) = &cont {
        crate::check::check(&mut cx, cont);
    }
    match (cont, cx.finish()) {
        (Some(cont), Ok(())) => expand(&cont),
        (_, Err(err)) => {
            let mut out = err.to_compile_error();
            // Stand-in impls without the type's parameters would only add errors.
            if input.generics.params.is_empty() {
                out.extend(fallback(&input.ident));
            }
            out
        }
        (None, Ok(())) => unreachable!("a missing model always comes with an error"),
    }
}

/// The constant holding a field's rule tree: `__rule_` and the field's name, which is unique
/// (an uppercased name would not be: `x` and `X` are two fields).
fn rule_const(field: &Field) -> Ident {
    format_ident!("__rule_{}", field.name)
}

/// The local that holds a field while it is read.
fn field_local(field: &Field) -> Ident {
    format_ident!("__field_{}", field.name)
}

/// The generics of every impl: the type's own parameters, each bounded as its fields need (a
/// parameter a checked field holds must be a `Model`; one only `opaque` fields hold, serde's
/// two traits), as serde_derive bounds a parameter by `Deserialize<'de>`.
struct Generics {
    /// `<T>` of `impl<T> ... for Page<T>`.
    impl_: TokenStream,
    /// `<T>` of `Page<T>`.
    ty: TokenStream,
    /// The type's own `where` clause and the added bounds.
    where_: TokenStream,
    /// `<'de, T>`, for `Deserialize<'de>`.
    impl_de: TokenStream,
    /// `<'__p, T>`, for the visitor that reads the type.
    impl_visitor: TokenStream,
    /// `<'de, '__p, T>`, for the visitor's `Visitor<'de>` impl.
    impl_visitor_de: TokenStream,
}

impl Generics {
    fn of(cont: &Container) -> Generics {
        let p = tpl!({ ::authlete_models::__private });
        let mut g = cont.generics.clone();
        let clause = g.make_where_clause();
        for (param, checked) in cont.type_params() {
            clause.predicates.push(if checked {
                syn::parse_quote!(#param: #p::Model)
            } else {
                syn::parse_quote!(#param: #p::serde::Serialize + #p::serde::de::DeserializeOwned)
            });
        }
        let with_lifetimes = |lifetimes: &[&str]| {
            let mut g = g.clone();
            for (i, name) in lifetimes.iter().enumerate() {
                let lifetime = syn::Lifetime::new(name, proc_macro2::Span::call_site());
                g.params.insert(
                    i,
                    syn::GenericParam::Lifetime(syn::LifetimeParam::new(lifetime)),
                );
            }
            let (i, _, _) = g.split_for_impl();
            quote!(#i)
        };
        let impl_de = with_lifetimes(&["'de"]);
        let impl_visitor = with_lifetimes(&["'__p"]);
        let impl_visitor_de = with_lifetimes(&["'de", "'__p"]);
        let (i, t, w) = g.split_for_impl();
        Generics {
            impl_: quote!(#i),
            ty: quote!(#t),
            where_: quote!(#w),
            impl_de,
            impl_visitor,
            impl_visitor_de,
        }
    }

    /// The type's name in schemas: `Page`, or for `Page<Client>` an expression making
    /// `Page_Client` (`$defs` key) or `Page<Client>` (title) from the arguments' own names. A
    /// `title = "..."` replaces the title, never the key.
    fn schema_name(cont: &Container, title: bool) -> TokenStream {
        let p = tpl!({ ::authlete_models::__private });
        if let (true, Some(given)) = (title, &cont.attrs.title) {
            let given = &given.value;
            return tpl!({#p::String::from(#given)}, p, given);
        }
        let name = cont.ident.to_string();
        let params = cont.type_params();
        if params.is_empty() {
            return tpl!({#p::String::from(#name)}, p, name);
        }
        let args = params.iter().map(|(param, checked)| {
            if *checked {
                tpl!({<#param as #p::Model>::__schema_name()}, param, p)
            } else {
                tpl!({#p::short_type_name::<#param>()}, p, param)
            }
        });
        let (open, sep, close) = if title {
            ("<", ", ", ">")
        } else {
            ("_", "_", "")
        };
        tpl!({{
            let __args: #p::Vec<#p::String> = #p::Vec::from([#__rep0]);
            let mut __name = #p::String::from(#name);
            __name.push_str(#open);
            __name.push_str(&__args.join(#sep));
            __name.push_str(#close);
            __name
        }}, p, __rep0 = quote!(#(#args),*), name, open, sep, close)
    }
}

/// The type's own custom rule, for each place it runs: after a read (refusing at the first
/// violation), at the end of `validate()`, and at the end of `from_json`'s collection (only
/// when every field held, on the value built). Empty without one.
struct ContainerCustom {
    validate: TokenStream,
    /// What a collection ends with, given the value built, `__value`: an `Option<Self>`.
    collect: TokenStream,
    /// `__read_unchecked`, which reads without the rule, for the collection.
    unchecked: TokenStream,
}

impl ContainerCustom {
    fn of(cont: &Container) -> ContainerCustom {
        let p = tpl!({ ::authlete_models::__private });
        let Some(custom) = &cont.attrs.custom else {
            return ContainerCustom {
                validate: TokenStream::new(),
                collect: tpl!({#p::Some(__value)}, p),
                unchecked: TokenStream::new(),
            };
        };
        let f = &custom.value;
        ContainerCustom {
            validate: tpl!({
                if __out.len() == __before {
                    #p::run_custom::<Self>(self, #f, __at, __out);
                }
            }, p, f),
            collect: tpl!({#p::with_custom(__value, #f, __at, __out)}, p, f),
            unchecked: tpl!({
                fn __read_at<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>) -> #p::Result<Self, __D::Error> {
                    let __value = <Self as #p::Model>::__read_unchecked(__deserializer, __at)?;
                    #p::refuse_custom::<Self, __D::Error>(&__value, #f, __at)?;
                    #p::Ok(__value)
                }
            }, p, f),
        }
    }

    /// The name of the method that holds the read: `__read_unchecked` when the rule wraps it.
    fn reader(cont: &Container) -> Ident {
        match cont.attrs.custom {
            Some(_) => format_ident!("__read_unchecked"),
            None => format_ident!("__read_at"),
        }
    }
}

/// The field's wire name escaped as a JSON Pointer token.
fn pointer_token(field: &Field) -> String {
    field.wire.replace('~', "~0").replace('/', "~1")
}

fn expand(cont: &Container) -> TokenStream {
    let rules = rules::consts(cont);
    let impls = match &cont.data {
        Data::Struct(_) => {
            let validate = validate::impl_validate(cont);
            let ser = ser::impl_serialize(cont);
            let de = de::impl_deserialize(cont);
            let flat = de::impl_flat(cont);
            let model = de::impl_model(cont, &schema::schema_methods(cont));
            let flat_checks = de::flat_checks(cont);
            let presence = presence::constant(cont);
            let members = members::constant(cont);
            tpl!({#presence #members #validate #ser #de #flat #model #flat_checks}, presence, members, validate, ser, de, flat, model, flat_checks)
        }
        Data::Newtype(field) => newtype::impls(cont, field),
        Data::Enum(variants) if crate::ast::is_value_enum(variants) => {
            value_enum::impls(cont, variants)
        }
        Data::Enum(variants) => string_enum::impls(cont, variants),
        Data::Union(variants) => union::impls(cont, variants),
    };
    let schemars = schemars(cont);
    tpl!({
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_comparisons, unused_qualifications, clippy::all, clippy::pedantic)]
        const _: () = {
            #rules
            #impls
            #schemars
        };
    }, rules, impls, schemars)
}

/// `schemars::JsonSchema`, through a macro of the models crate that writes the impl when the
/// crate's `schemars` feature is on and nothing otherwise: the feature is the models crate's,
/// which the derive cannot see.
fn schemars(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let Generics {
        impl_, ty, where_, ..
    } = Generics::of(cont);
    tpl!(
        {
            ::authlete_models::__impl_json_schema! { [#impl_] [#ident #ty] [#where_] }
        },
        impl_,
        ident,
        ty,
        where_
    )
}

/// After an error, impls that keep the rest of the crate compiling, so that one mistake in
/// the attributes does not also show up as "trait not implemented" wherever the type is used.
fn fallback(ident: &Ident) -> TokenStream {
    tpl!({
        const _: () = {
            impl ::authlete_models::__private::Validate for #ident {
                fn validate(&self) -> ::authlete_models::__private::Result<(), ::authlete_models::__private::ValidationErrors> {
                    ::authlete_models::__private::unimplemented!()
                }
            }
            impl ::authlete_models::__private::serde::Serialize for #ident {
                fn serialize<__S: ::authlete_models::__private::serde::Serializer>(&self, _: __S) -> ::authlete_models::__private::Result<__S::Ok, __S::Error> {
                    ::authlete_models::__private::unimplemented!()
                }
            }
            impl<'de> ::authlete_models::__private::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: ::authlete_models::__private::serde::Deserializer<'de>>(_: __D) -> ::authlete_models::__private::Result<Self, __D::Error> {
                    ::authlete_models::__private::unimplemented!()
                }
            }
            impl ::authlete_models::__private::Model for #ident {
                fn json_schema() -> ::authlete_models::__private::serde_json::Value {
                    ::authlete_models::__private::unimplemented!()
                }
            }
        };
    }, ident)
}
