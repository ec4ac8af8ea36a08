//! `impl Deserialize` and `impl Model`: a visitor that reads each field through its rule tree,
//! so a value is refused at the first broken rule, with the field's full path.
//!
//! A model is read from a map only: an array is refused even where serde_derive would take it
//! as a struct's fields in order, so that what deserializes is exactly what the JSON Schema
//! (`"type": "object"`) accepts.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::ast::{Container, Field, Shape};
use crate::attr::DefaultValue;

pub fn impl_deserialize(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let p = quote!(::authlete_models::__private);
    let super::Generics {
        ty,
        where_,
        impl_de,
        ..
    } = super::Generics::of(cont);
    quote! {
        #[automatically_derived]
        impl #impl_de #p::serde::Deserialize<'de> for #ident #ty #where_ {
            fn deserialize<__D: #p::serde::Deserializer<'de>>(__deserializer: __D) -> #p::Result<Self, __D::Error> {
                <Self as #p::Model>::__read_at(__deserializer, #p::Path::Root)
            }
        }
    }
}

pub fn impl_model(cont: &Container, schema_methods: &TokenStream) -> TokenStream {
    let ident = cont.ident;
    let custom = super::ContainerCustom::of(cont);
    let reader = super::ContainerCustom::reader(cont);
    let (custom_collect, custom_read) = (&custom.collect, &custom.unchecked);
    let super::Generics {
        impl_,
        ty,
        where_,
        impl_visitor,
        impl_visitor_de,
        ..
    } = super::Generics::of(cont);
    let visitor_args = {
        let params = cont.generics.type_params().map(|t| &t.ident);
        quote!(<'__p, #(#params),*>)
    };
    let name = ident.to_string();
    let p = quote!(::authlete_models::__private);
    let de = quote!(#p::serde::de);
    let deny = cont.attrs.deny_unknown_fields.is_some();
    let wires = cont.fields().iter().map(|f| &f.wire);
    let wires2 = wires.clone();
    let wires3 = wires.clone();
    let flattens = !cont.flattened.is_empty();
    // What a struct that flattens this one checks when the program compiles (see
    // `flat_checks`).
    let flat_consts = quote! {
        const __NAMES: &'static [&'static #p::primitive::str] = &[#(#wires3),*];
        const __FLATTENABLE: #p::primitive::bool = true;
        const __FLATTENS: #p::primitive::bool = #flattens;
        const __CLOSED: #p::primitive::bool = #deny;
    };
    // The key lookup is a `match` on the wire names as byte strings, as serde_derive writes
    // it: LLVM turns it into a switch on the length and a compare against constants.
    let index_arms: Vec<_> = cont
        .fields()
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let bytes = syn::LitByteStr::new(f.wire.as_bytes(), proc_macro2::Span::call_site());
            quote!(#bytes => #p::Some(#i),)
        })
        .collect();

    let locals: Vec<_> = cont.fields().iter().map(super::field_local).collect();
    let declare = cont.fields().iter().zip(&locals).map(|(f, local)| {
        let ty = f.ty;
        quote!(let mut #local: #p::Option<#ty> = #p::None;)
    });
    let arms = cont.fields().iter().zip(&locals).enumerate().map(|(i, (f, local))| {
        let rule = super::rule_const(f);
        let token = super::pointer_token(f);
        let ty = f.ty;
        quote! {
            #i => {
                let __at = #p::Path::field(self.at, #token);
                if #p::Option::is_some(&#local) {
                    return #p::Err(#p::duplicate_field(__at));
                }
                #local = #p::Some(#de::MapAccess::next_value_seed(&mut __map, #p::Seed::<_, #ty>::new(&#rule, &__at))?);
            }
        }
    });
    let finish = cont.fields().iter().zip(&locals).map(|(f, local)| {
        let token = super::pointer_token(f);
        let absent = absent(f, quote!(#p::Path::field(self.at, #token))).read;
        quote! {
            let #local = match #local {
                #p::Some(__value) => __value,
                #p::None => #absent,
            };
        }
    });
    // The flattened fields: a map (at most one, alone), or models.
    let flat_map = cont
        .flattened
        .iter()
        .find(|f| matches!(f.shape, Shape::Map(_)));
    let flat_models: Vec<&Field> = cont
        .flattened
        .iter()
        .filter(|f| f.shape == Shape::Model)
        .collect();
    // The flattened fields' part of the value built: the map read, or, collecting, the map
    // gathered, when every member it took held; each model read from the members gathered
    // for it.
    let mut flat_build = TokenStream::new();
    let mut flat_collect_build = TokenStream::new();
    let mut flat_finish = TokenStream::new();
    let mut flat_collect_finish = TokenStream::new();
    if let Some(flat) = flat_map {
        let (local, member) = (super::field_local(flat), &flat.member);
        flat_build.extend(quote!(#member: #local,));
        flat_collect_build.extend(quote! {
            let #p::Some(#local) = #local.finish() else {
                return #p::Ok(#p::None);
            };
        });
    }
    for flat in &flat_models {
        let (local, member, fty) = (super::field_local(flat), &flat.member, flat.ty);
        flat_build.extend(quote!(#member: #local,));
        flat_finish.extend(quote! {
            let #local = #local.read::<#fty, __A::Error>(*self.at)?;
        });
        flat_collect_finish.extend(quote! {
            let #local = #local.collect::<#fty, __A::Error>(*self.at, __out)?;
        });
        flat_collect_build.extend(quote! {
            let #p::Some(#local) = #local else {
                return #p::Ok(#p::None);
            };
        });
    }
    let build = cont.fields().iter().zip(&locals).map(|(f, local)| {
        let field = &f.member;
        quote!(#field: #local)
    });
    let skipped: Vec<_> = cont
        .skipped
        .iter()
        .map(|f| {
            let field = &f.member;
            let value = super::defaults::value(f);
            quote!(#field: #value)
        })
        .collect();
    let build = quote!(#ident { #(#build,)* #flat_build #(#skipped),* });

    // The collection: the same loop, each member read by `Rule::collect`, every violation
    // listed and reading going on; a local is `Some(None)` for a member read that broke a rule,
    // `None` for an absent one (then given its default, or listed as missing).
    let collect_declare = cont.fields().iter().zip(&locals).map(|(f, local)| {
        let ty = f.ty;
        quote!(let mut #local: #p::Option<#p::Option<#ty>> = #p::None;)
    });
    let collect_arms = cont.fields().iter().zip(&locals).enumerate().map(|(i, (f, local))| {
        let rule = super::rule_const(f);
        let token = super::pointer_token(f);
        let ty = f.ty;
        quote! {
            #i => {
                let __at = #p::Path::field(self.at, #token);
                if #p::Option::is_some(&#local) {
                    __out.duplicate(&mut __map, __at)?;
                } else {
                    #local = #p::Some(#de::MapAccess::next_value_seed(&mut __map, #p::Collect::<_, #ty>::new(&#rule, &__at, __out))?);
                }
            }
        }
    });
    let collect_finish = cont.fields().iter().zip(&locals).map(|(f, local)| {
        let token = super::pointer_token(f);
        let absent = absent(f, quote!(#p::Path::field(self.at, #token))).collect;
        quote! {
            if #p::Option::is_none(&#local) {
                #local = #absent;
            }
        }
    });
    let collect_build = {
        let fields = cont.fields().iter().map(|f| &f.member);
        let locals = &locals;
        let unwrap = (!locals.is_empty()).then(|| {
            quote! {
                let (#(#p::Some(#p::Some(#locals)),)*) = (#(#locals,)*) else {
                    return #p::Ok(#p::None);
                };
            }
        });
        let at = cont
            .attrs
            .custom
            .is_some()
            .then(|| quote!(let __at = *self.at;));
        quote! {
            #unwrap
            #flat_collect_build
            let __value = #ident { #(#fields: #locals,)* #flat_build #(#skipped),* };
            #at
        }
    };

    // The member loops. A struct with a flattened map hands every member no field declares
    // to the map's rule, by name; any other struct skips them (or refuses them).
    let r = quote!(#p::rules);
    let (read_loop, collect_loop) = match (flat_map, flat_models.is_empty()) {
        (None, true) => (
            quote! {
                let __keys = #p::Key::new(__index, __FIELDS, #deny, self.at);
                while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, &__keys)? {
                    match __key {
                        #(#arms)*
                        _ => {
                            let _ = #de::MapAccess::next_value::<#de::IgnoredAny>(&mut __map)?;
                        }
                    }
                }
            },
            quote! {
                let __keys = #p::Key::new(__index, __FIELDS, #deny, self.at);
                while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, #p::MemberName::new(&__keys, __out))? {
                    match __key {
                        #(#collect_arms)*
                        _ => {
                            let _ = #de::MapAccess::next_value::<#de::IgnoredAny>(&mut __map)?;
                        }
                    }
                }
            },
        ),
        (Some(flat), _) => {
            let (local, rule, fty) = (super::field_local(flat), super::rule_const(flat), flat.ty);
            (
                quote! {
                    let mut #local: #fty = #p::Default::default();
                    let __keys = #p::Key::new(__index, __FIELDS, false, self.at);
                    while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, #r::MemberOrName::read(&__keys))? {
                        match __key {
                            #r::Member::Field(__i) => match __i {
                                #(#arms)*
                                _ => {}
                            },
                            #r::Member::Other(__name) => #rule.read_flat(&mut __map, __name, *self.at, &mut #local)?,
                        }
                    }
                },
                quote! {
                    let mut #local: #r::Gathered<#fty> = #p::Default::default();
                    let __keys = #p::Key::new(__index, __FIELDS, false, self.at);
                    while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, #r::MemberOrName::collect(&__keys, __out))? {
                        match __key {
                            #r::Member::Field(__i) => match __i {
                                #(#collect_arms)*
                                _ => {}
                            },
                            #r::Member::Other(__name) => #rule.collect_flat(&mut __map, __name, *self.at, &mut #local, __out)?,
                        }
                    }
                },
            )
        }
        // Flattened models: a member no field declares goes to the model that declares it,
        // gathered; any other is skipped, or refused under `deny_unknown_fields`.
        (None, false) => {
            let locals: Vec<_> = flat_models.iter().map(|f| super::field_local(f)).collect();
            let tys: Vec<_> = flat_models.iter().map(|f| f.ty).collect();
            let (read_unknown, collect_unknown) = if deny {
                (
                    quote!(return #p::Err(#p::unknown_member(&__name, __FIELDS, *self.at));),
                    quote! {
                        __out.unknown(*self.at, &__name);
                        let _ = #de::MapAccess::next_value::<#de::IgnoredAny>(&mut __map)?;
                    },
                )
            } else {
                let skip =
                    quote!(let _ = #de::MapAccess::next_value::<#de::IgnoredAny>(&mut __map)?;);
                (skip.clone(), skip)
            };
            (
                quote! {
                    #(let mut #locals: #r::FlatModel = #p::Default::default();)*
                    let __keys = #p::Key::new(__index, __FIELDS, false, self.at);
                    while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, #r::MemberOrName::read(&__keys))? {
                        match __key {
                            #r::Member::Field(__i) => match __i {
                                #(#arms)*
                                _ => {}
                            },
                            #r::Member::Other(__name) => {
                                #(if <#tys as #p::Model>::__NAMES.contains(&__name.as_str()) {
                                    #locals.take(&mut __map, __name, *self.at)?;
                                } else)* {
                                    #read_unknown
                                }
                            }
                        }
                    }
                },
                quote! {
                    #(let mut #locals: #r::FlatModel = #p::Default::default();)*
                    let __keys = #p::Key::new(__index, __FIELDS, false, self.at);
                    while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, #r::MemberOrName::collect(&__keys, __out))? {
                        match __key {
                            #r::Member::Field(__i) => match __i {
                                #(#collect_arms)*
                                _ => {}
                            },
                            #r::Member::Other(__name) => {
                                #(if <#tys as #p::Model>::__NAMES.contains(&__name.as_str()) {
                                    #locals.collect_take(&mut __map, __name, *self.at, __out)?;
                                } else)* {
                                    #collect_unknown
                                }
                            }
                        }
                    }
                },
            )
        }
    };

    quote! {
        #[automatically_derived]
        impl #impl_ #p::Model for #ident #ty #where_ {
            #flat_consts

            #schema_methods

            #[inline]
            fn __collect<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>, __out: &mut #p::Collector<'_>) -> #p::Result<#p::Option<Self>, __D::Error> {
                const __FIELDS: &[&#p::primitive::str] = &[#(#wires),*];

                #[inline]
                fn __index(__name: &[#p::primitive::u8]) -> #p::Option<#p::primitive::usize> {
                    match __name {
                        #(#index_arms)*
                        _ => #p::None,
                    }
                }

                // The path by reference: a copy of one just built stalls on its reads.
                struct __Members #impl_visitor #where_ {
                    at: &'__p #p::Path<'__p>,
                    marker: #p::PhantomData<fn() -> #ident #ty>,
                }

                impl #impl_visitor_de #p::Members<'de> for __Members #visitor_args #where_ {
                    type Value = #ident #ty;

                    #[inline]
                    fn read<__A: #de::MapAccess<'de>>(self, mut __map: __A, __out: &mut #p::Collector<'_>) -> #p::Result<#p::Option<Self::Value>, __A::Error> {
                        #(#collect_declare)*
                        #collect_loop
                        #(#collect_finish)*
                        #flat_collect_finish
                        #collect_build
                        #p::Ok(#custom_collect)
                    }
                }

                #p::collect_object(__deserializer, __Members { at: &__at, marker: #p::PhantomData }, __at, __out)
            }

            #custom_read

            fn #reader<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>) -> #p::Result<Self, __D::Error> {
                const __FIELDS: &[&#p::primitive::str] = &[#(#wires2),*];

                #[inline]
                fn __index(__name: &[#p::primitive::u8]) -> #p::Option<#p::primitive::usize> {
                    match __name {
                        #(#index_arms)*
                        _ => #p::None,
                    }
                }

                struct __Visitor #impl_visitor #where_ {
                    at: &'__p #p::Path<'__p>,
                    marker: #p::PhantomData<fn() -> #ident #ty>,
                }

                impl #impl_visitor_de #de::Visitor<'de> for __Visitor #visitor_args #where_ {
                    type Value = #ident #ty;

                    fn expecting(&self, __f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                        #p::expecting(__f, #name, *self.at)
                    }

                    #[inline]
                    fn visit_map<__A: #de::MapAccess<'de>>(self, mut __map: __A) -> #p::Result<Self::Value, __A::Error> {
                        #(#declare)*
                        #read_loop
                        #(#finish)*
                        #flat_finish
                        #p::Ok(#build)
                    }
                }

                #p::rules::model_read(#de::Deserializer::deserialize_struct(__deserializer, #name, __FIELDS, __Visitor { at: &__at, marker: #p::PhantomData }))
            }
        }
    }
}

/// What an absent member becomes, in the reader and in the collection.
struct Absent {
    /// An expression of the field's type, or one that returns the error.
    read: TokenStream,
    /// The collection's local: `Some(Some(value))`, `Some(None)` when the default breaks a
    /// rule (listed), or `None` when the member is missing (listed).
    collect: TokenStream,
}

/// An absent member: its default (held to the field's rules when it has any), `None` for an
/// `Option` that is not `required`, or the `required` error.
fn absent(f: &Field, at: TokenStream) -> Absent {
    let p = quote!(::authlete_models::__private);
    let rule = super::rule_const(f);
    let ty = f.ty;
    let checks = super::rules::has_checks(f);
    match &f.attrs.default {
        Some(default) => match &default.value {
            // A literal of a model's type is read through the field's rule from its JSON.
            DefaultValue::Literal(lit) if super::defaults::literal(&f.shape, lit).is_none() => {
                let json = lit.json();
                Absent {
                    read: quote!(#p::rules::read_default::<_, #ty, _>(&#rule, #json, #at)?),
                    collect: quote!(#p::Some(#p::collect_default::<_, #ty>(&#rule, #json, #at, __out))),
                }
            }
            _ => {
                let value = super::defaults::value(f);
                if checks {
                    Absent {
                        read: quote!(#p::rules::check_default::<_, #ty, _>(&#rule, #value, #at)?),
                        collect: quote!(#p::Some(#p::absent_default::<_, #ty>(&#rule, #value, #at, __out))),
                    }
                } else {
                    Absent {
                        read: value.clone(),
                        collect: quote!(#p::Some(#p::Some(#value))),
                    }
                }
            }
        },
        None if f.absent_is_none() => Absent {
            read: quote!(#p::None),
            collect: quote!(#p::Some(#p::Some(#p::None))),
        },
        None => Absent {
            read: quote!(return #p::Err(#p::missing_field(#at))),
            collect: quote!({
                __out.missing(#at);
                #p::None
            }),
        },
    }
}

/// What a struct that flattens models checks when the program compiles: each is a struct
/// model that flattens nothing itself, and no two of the struct and its models declare one
/// member name.
pub fn flat_checks(cont: &Container) -> TokenStream {
    let p = quote!(::authlete_models::__private);
    let models: Vec<&Field> = cont
        .flattened
        .iter()
        .filter(|f| f.shape == Shape::Model)
        .collect();
    if models.is_empty() {
        return TokenStream::new();
    }
    let own = cont.fields().iter().map(|f| &f.wire);
    let mut checks = Vec::new();
    for (i, f) in models.iter().enumerate() {
        let (ty, name) = (f.ty, &f.name);
        let not_a_struct = format!(
            "`flatten` on `{name}`: its type is not a struct that derives `Model`, whose members could sit beside this struct's"
        );
        let flattens = format!(
            "`flatten` on `{name}`: its type flattens a field itself, whose members this struct cannot route; flatten that field here instead"
        );
        let clash = format!(
            "`flatten` on `{name}`: its type declares a member name this struct declares too; rename one of them"
        );
        // Spanned on the field's `flatten`, where the error then points.
        let span = f.attrs.flatten.unwrap_or_else(proc_macro2::Span::call_site);
        checks.push(quote_spanned! {span=>
            ::core::assert!(<#ty as #p::Model>::__FLATTENABLE, #not_a_struct);
            ::core::assert!(!<#ty as #p::Model>::__FLATTENS, #flattens);
            ::core::assert!(!#p::rules::names_clash(__OWN, <#ty as #p::Model>::__NAMES), #clash);
        });
        for g in &models[i + 1..] {
            let (other_ty, other) = (g.ty, &g.name);
            let msg = format!(
                "`flatten` on `{name}` and on `{other}`: their types declare one member name; rename it in one of them"
            );
            let span = g.attrs.flatten.unwrap_or_else(proc_macro2::Span::call_site);
            checks.push(quote_spanned! {span=>
                ::core::assert!(!#p::rules::names_clash(<#ty as #p::Model>::__NAMES, <#other_ty as #p::Model>::__NAMES), #msg);
            });
        }
    }
    quote! {
        const _: () = {
            const __OWN: &[&#p::primitive::str] = &[#(#own),*];
            #(#checks)*
        };
    }
}
