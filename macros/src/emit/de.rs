//! `impl Deserialize`, `impl Model` and `impl Flat`: a visitor that reads each member through
//! its field's rule tree, so a value is refused at the first broken rule, with the field's
//! full path.
//!
//! The fields are read into a state of the struct's own (`__Read`, and `__Collected` for
//! `from_json`'s collection), member by member, by the `Flat` impl; the model's visitor is the
//! loop over the members around it. A struct that flattens another reads the other's members
//! into its part of the state in the same loop, by index, with nothing buffered.
//!
//! A model is read from a map only: an array is refused even where serde_derive would take it
//! as a struct's fields in order, so that what deserializes is exactly what the JSON Schema
//! (`"type": "object"`) accepts.

use proc_macro2::{Span, TokenStream};
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

/// A struct's parts as the reader sees them: its own fields (read by index `0..n`), the
/// models it flattens (their members numbered after `n`, the index of a member no field
/// declares) and the map it flattens.
struct Parts<'c, 'a> {
    own: &'c [Field<'a>],
    models: Vec<&'c Field<'a>>,
    map: Option<&'c Field<'a>>,
}

impl<'c, 'a> Parts<'c, 'a> {
    fn of(cont: &'c Container<'a>) -> Self {
        Parts {
            own: cont.fields(),
            models: cont
                .flattened
                .iter()
                .filter(|f| f.shape == Shape::Model)
                .collect(),
            map: cont
                .flattened
                .iter()
                .find(|f| matches!(f.shape, Shape::Map(_))),
        }
    }
}

/// `<Model as Flat>` for a flattened model, spanned on its `flatten`, where an error about a
/// type that cannot be flattened then points.
fn flat(f: &Field) -> TokenStream {
    let p = quote!(::authlete_models::__private);
    let ty = f.ty;
    let span = f.attrs.flatten.unwrap_or_else(Span::call_site);
    quote_spanned!(span=> <#ty as #p::rules::Flat>)
}

/// `impl Flat`: the struct's state while it is read (`__Read`) and collected (`__Collected`),
/// and, for each, reading one member by index into it and building the struct from it. The
/// model's own visitor calls these in its loop, and so does the visitor of a struct that
/// flattens this one, over the members of this one that it meets.
pub fn impl_flat(cont: &Container) -> TokenStream {
    let p = quote!(::authlete_models::__private);
    let de = quote!(#p::serde::de);
    let ident = cont.ident;
    let super::Generics {
        impl_, ty, where_, ..
    } = super::Generics::of(cont);
    let parts = Parts::of(cont);
    let n = parts.own.len();
    let locals: Vec<_> = parts.own.iter().map(super::field_local).collect();
    let tys: Vec<_> = parts.own.iter().map(|f| f.ty).collect();
    let members: Vec<_> = parts.own.iter().map(|f| &f.member).collect();
    let wires = parts.own.iter().map(|f| &f.wire);
    let mlocals: Vec<_> = parts.models.iter().map(|f| super::field_local(f)).collect();
    let mmembers: Vec<_> = parts.models.iter().map(|f| &f.member).collect();
    let mflats: Vec<_> = parts.models.iter().map(|f| flat(f)).collect();
    let flattens = !cont.flattened.is_empty();
    let skipped: Vec<_> = cont
        .skipped
        .iter()
        .map(|f| {
            let field = &f.member;
            let value = super::defaults::value(f);
            quote!(#field: #value,)
        })
        .collect();

    // The map, last in the state: as it is read, or gathered while collecting.
    let mut map_read = TokenStream::new();
    let mut map_collected = TokenStream::new();
    let mut map_new = TokenStream::new();
    let mut map_build = TokenStream::new();
    let mut map_local = Vec::new();
    if let Some(f) = parts.map {
        let (local, fty, member) = (super::field_local(f), f.ty, &f.member);
        map_read = quote!(#local: #fty,);
        map_collected = quote!(#local: #p::rules::Gathered<#fty>,);
        map_new = quote!(#local: #p::Default::default(),);
        map_build = quote!(#member: #local,);
        map_local.push(local);
    }

    // Where each flattened model's members start, after this struct's and the models'
    // before it: an expression the compiler folds.
    let mut starts = Vec::new();
    let mut start = quote!(#n + 1);
    for m in &mflats {
        starts.push(start.clone());
        start = quote!(#start + #m::NAMES.len());
    }
    let index_arms = parts.own.iter().enumerate().map(|(i, f)| {
        let bytes = syn::LitByteStr::new(f.wire.as_bytes(), Span::call_site());
        quote!(#bytes => #p::Some(#i),)
    });
    let index_models = mflats.iter().zip(&starts).map(|(m, start)| {
        quote! {
            if let #p::Some(__j) = #m::index(__name) {
                return #p::Some(#start + __j);
            }
        }
    });
    // A flattened model's member goes to the model, by its index there.
    let read_models = mflats
        .iter()
        .zip(&mlocals)
        .zip(&starts)
        .map(|((m, local), start)| {
            quote! {
                let __j = __i.wrapping_sub(#start);
                if __j < #m::NAMES.len() {
                    return #m::read(&mut __state.#local, __j, __map, __at);
                }
            }
        });
    let collect_models = mflats
        .iter()
        .zip(&mlocals)
        .zip(&starts)
        .map(|((m, local), start)| {
            quote! {
                let __j = __i.wrapping_sub(#start);
                if __j < #m::NAMES.len() {
                    return #m::collect(&mut __state.#local, __j, __map, __at, __out);
                }
            }
        });

    let read_arms = parts.own.iter().zip(&locals).enumerate().map(|(i, (f, local))| {
        let (rule, token, ty) = (super::rule_const(f), super::pointer_token(f), f.ty);
        quote! {
            #i => {
                let __field_at = #p::Path::field(__at, #token);
                if #p::Option::is_some(&__state.#local) {
                    return #p::Err(#p::duplicate_field(__field_at));
                }
                __state.#local = #p::Some(#de::MapAccess::next_value_seed(__map, #p::Seed::<_, #ty>::new(&#rule, &__field_at))?);
            }
        }
    });
    let collect_arms = parts.own.iter().zip(&locals).enumerate().map(|(i, (f, local))| {
        let (rule, token, ty) = (super::rule_const(f), super::pointer_token(f), f.ty);
        quote! {
            #i => {
                let __field_at = #p::Path::field(__at, #token);
                if #p::Option::is_some(&__state.#local) {
                    __out.duplicate(__map, __field_at)?;
                } else {
                    __state.#local = #p::Some(#de::MapAccess::next_value_seed(__map, #p::Collect::<_, #ty>::new(&#rule, &__field_at, __out))?);
                }
            }
        }
    });

    // Building the struct: an absent member takes its default, is `None`, or is missing.
    let finish = parts.own.iter().zip(&locals).map(|(f, local)| {
        let token = super::pointer_token(f);
        let absent = absent(f, quote!(#p::Path::field(__at, #token))).read;
        quote! {
            let #local = match __state.#local {
                #p::Some(__value) => __value,
                #p::None => #absent,
            };
        }
    });
    let collect_finish = parts.own.iter().zip(&locals).map(|(f, local)| {
        let token = super::pointer_token(f);
        let absent = absent(f, quote!(#p::Path::field(__at, #token))).collect;
        quote! {
            let mut #local = __state.#local;
            if #p::Option::is_none(&#local) {
                #local = #absent;
            }
        }
    });
    let build = quote! {
        #ident { #(#members: #locals,)* #(#mmembers: #mlocals,)* #map_build #(#skipped)* }
    };
    let (refuse_custom, collect_custom) = match &cont.attrs.custom {
        Some(custom) => {
            let f = &custom.value;
            (
                quote!(#p::refuse_custom::<Self, __E>(&__value, #f, *__at)?;),
                quote!(#p::with_custom(__value, #f, *__at, __out)),
            )
        }
        None => (TokenStream::new(), quote!(#p::Some(__value))),
    };
    // Collecting, the struct is built when every part held.
    let unwrap = {
        let pats = locals.iter().map(|l| quote!(#p::Some(#p::Some(#l)))).chain(
            mlocals
                .iter()
                .chain(&map_local)
                .map(|l| quote!(#p::Some(#l))),
        );
        let all: Vec<_> = locals.iter().chain(&mlocals).chain(&map_local).collect();
        (!all.is_empty()).then(|| {
            quote! {
                let (#(#pats,)*) = (#(#all,)*) else {
                    return #p::None;
                };
            }
        })
    };
    let map_finish = map_local.iter().map(|l| quote!(let #l = __state.#l;));
    let write = super::ser::map_entries(cont);
    let map_collect_finish = map_local
        .iter()
        .map(|l| quote!(let #l = __state.#l.finish();));

    quote! {
        #[doc(hidden)]
        pub struct __Read #impl_ #where_ {
            #(#locals: #p::Option<#tys>,)*
            #(#mlocals: #mflats::Read,)*
            #map_read
            __marker: #p::PhantomData<fn() -> #ident #ty>,
        }

        #[doc(hidden)]
        pub struct __Collected #impl_ #where_ {
            #(#locals: #p::Option<#p::Option<#tys>>,)*
            #(#mlocals: #mflats::Collected,)*
            #map_collected
            __marker: #p::PhantomData<fn() -> #ident #ty>,
        }

        #[automatically_derived]
        impl #impl_ #p::rules::Flat for #ident #ty #where_ {
            const NAMES: &'static [&'static #p::primitive::str] = &[#(#wires),*];
            const FLATTENS: #p::primitive::bool = #flattens;
            type Read = __Read #ty;
            type Collected = __Collected #ty;

            #[inline]
            fn new_read() -> __Read #ty {
                __Read { #(#locals: #p::None,)* #(#mlocals: #mflats::new_read(),)* #map_new __marker: #p::PhantomData }
            }

            #[inline]
            fn new_collected() -> __Collected #ty {
                __Collected { #(#locals: #p::None,)* #(#mlocals: #mflats::new_collected(),)* #map_new __marker: #p::PhantomData }
            }

            // The lookup is a `match` on the wire names as byte strings, as serde_derive writes
            // it: LLVM turns it into a switch on the length and a compare against constants.
            #[inline]
            fn index(__name: &[#p::primitive::u8]) -> #p::Option<#p::primitive::usize> {
                match __name {
                    #(#index_arms)*
                    _ => {
                        #(#index_models)*
                        #p::None
                    }
                }
            }

            #[inline]
            fn read<'de, __A: #de::MapAccess<'de>>(__state: &mut __Read #ty, __i: #p::primitive::usize, __map: &mut __A, __at: &#p::Path<'_>) -> #p::Result<(), __A::Error> {
                match __i {
                    #(#read_arms)*
                    _ => {
                        #(#read_models)*
                    }
                }
                #p::Ok(())
            }

            #[inline]
            fn finish<__E: #de::Error>(__state: __Read #ty, __at: &#p::Path<'_>) -> #p::Result<Self, __E> {
                #(#finish)*
                #(let #mlocals = #mflats::finish(__state.#mlocals, __at)?;)*
                #(#map_finish)*
                let __value = #build;
                #refuse_custom
                #p::Ok(__value)
            }

            #[inline]
            fn collect<'de, __A: #de::MapAccess<'de>>(__state: &mut __Collected #ty, __i: #p::primitive::usize, __map: &mut __A, __at: &#p::Path<'_>, __out: &mut #p::Collector<'_>) -> #p::Result<(), __A::Error> {
                match __i {
                    #(#collect_arms)*
                    _ => {
                        #(#collect_models)*
                    }
                }
                #p::Ok(())
            }

            #[inline]
            fn collect_finish(__state: __Collected #ty, __at: &#p::Path<'_>, __out: &mut #p::Collector<'_>) -> #p::Option<Self> {
                #(#collect_finish)*
                #(let #mlocals = #mflats::collect_finish(__state.#mlocals, __at, __out);)*
                #(#map_collect_finish)*
                #unwrap
                let __value = #build;
                #collect_custom
            }

            #[inline]
            fn write<__M: #p::serde::ser::SerializeMap>(&self, __state: &mut __M) -> #p::Result<(), __M::Error> {
                #write
            }
        }
    }
}

pub fn impl_model(cont: &Container, schema_methods: &TokenStream) -> TokenStream {
    let ident = cont.ident;
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
    let r = quote!(#p::rules);
    let flat = quote!(<Self::Value as #r::Flat>);
    let deny = cont.attrs.deny_unknown_fields.is_some();
    let parts = Parts::of(cont);
    let wires: Vec<_> = parts.own.iter().map(|f| &f.wire).collect();
    // The index every member no field declares gets: the members of flattened models come
    // after it.
    let unknown = parts.own.len();
    let keys = if parts.models.is_empty() {
        quote!(#p::Key::new(#flat::index, __FIELDS, #deny, self.at))
    } else {
        quote!(#p::Key::new(#flat::index, __FIELDS, #deny, self.at).flattened())
    };
    let skip = quote!(let _ = #de::MapAccess::next_value::<#de::IgnoredAny>(&mut __map)?;);

    // The member loops. A struct with a flattened map hands every member no field declares
    // to the map's rule, by name; any other struct skips them (or refuses them).
    let (read_loop, collect_loop) = match parts.map {
        None => (
            quote! {
                let __keys = #keys;
                while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, &__keys)? {
                    match __key {
                        #unknown => { #skip }
                        __i => #flat::read(&mut __state, __i, &mut __map, self.at)?,
                    }
                }
            },
            quote! {
                let __keys = #keys;
                while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, #p::MemberName::new(&__keys, __out))? {
                    match __key {
                        #unknown => { #skip }
                        __i => #flat::collect(&mut __state, __i, &mut __map, self.at, __out)?,
                    }
                }
            },
        ),
        Some(map) => {
            let (local, rule) = (super::field_local(map), super::rule_const(map));
            (
                quote! {
                    let __keys = #p::Key::new(#flat::index, __FIELDS, false, self.at);
                    while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, #r::MemberOrName::read(&__keys))? {
                        match __key {
                            #r::Member::Field(__i) => #flat::read(&mut __state, __i, &mut __map, self.at)?,
                            #r::Member::Other(__name) => #rule.read_flat(&mut __map, __name, *self.at, &mut __state.#local)?,
                        }
                    }
                },
                quote! {
                    let __keys = #p::Key::new(#flat::index, __FIELDS, false, self.at);
                    while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, #r::MemberOrName::collect(&__keys, __out))? {
                        match __key {
                            #r::Member::Field(__i) => #flat::collect(&mut __state, __i, &mut __map, self.at, __out)?,
                            #r::Member::Other(__name) => #rule.collect_flat(&mut __map, __name, *self.at, &mut __state.#local, __out)?,
                        }
                    }
                },
            )
        }
    };

    quote! {
        #[automatically_derived]
        impl #impl_ #p::Model for #ident #ty #where_ {
            const __CLOSED: #p::primitive::bool = #deny;

            #schema_methods

            #[inline]
            fn __collect<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>, __out: &mut #p::Collector<'_>) -> #p::Result<#p::Option<Self>, __D::Error> {
                const __FIELDS: &[&#p::primitive::str] = &[#(#wires),*];

                // The path by reference: a copy of one just built stalls on its reads.
                struct __Members #impl_visitor #where_ {
                    at: &'__p #p::Path<'__p>,
                    marker: #p::PhantomData<fn() -> #ident #ty>,
                }

                impl #impl_visitor_de #p::Members<'de> for __Members #visitor_args #where_ {
                    type Value = #ident #ty;

                    #[inline]
                    fn read<__A: #de::MapAccess<'de>>(self, mut __map: __A, __out: &mut #p::Collector<'_>) -> #p::Result<#p::Option<Self::Value>, __A::Error> {
                        let mut __state = #flat::new_collected();
                        #collect_loop
                        #p::Ok(#flat::collect_finish(__state, self.at, __out))
                    }
                }

                #p::collect_object(__deserializer, __Members { at: &__at, marker: #p::PhantomData }, __at, __out)
            }

            fn __read_at<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>) -> #p::Result<Self, __D::Error> {
                const __FIELDS: &[&#p::primitive::str] = &[#(#wires),*];

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
                        let mut __state = #flat::new_read();
                        #read_loop
                        #flat::finish(__state, self.at)
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

/// What a struct that flattens models checks when the program compiles: each flattens
/// nothing itself, and no two of the struct and its models declare one member name. (That
/// each is a struct model is the `Flat` bound, checked before.)
pub fn flat_checks(cont: &Container) -> TokenStream {
    let p = quote!(::authlete_models::__private);
    let models = Parts::of(cont).models;
    if models.is_empty() {
        return TokenStream::new();
    }
    let own = cont.fields().iter().map(|f| &f.wire);
    let mut checks = Vec::new();
    for (i, f) in models.iter().enumerate() {
        let (m, name) = (flat(f), &f.name);
        let flattens = format!(
            "`flatten` on `{name}`: its type flattens a field itself, whose members this struct cannot route; flatten that field here instead"
        );
        let clash = format!(
            "`flatten` on `{name}`: its type declares a member name this struct declares too; rename one of them"
        );
        // Spanned on the field's `flatten`, where the error then points.
        let span = f.attrs.flatten.unwrap_or_else(Span::call_site);
        checks.push(quote_spanned! {span=>
            ::core::assert!(!#m::FLATTENS, #flattens);
            ::core::assert!(!#p::rules::names_clash(__OWN, #m::NAMES), #clash);
        });
        for g in &models[i + 1..] {
            let (other_m, other) = (flat(g), &g.name);
            let msg = format!(
                "`flatten` on `{name}` and on `{other}`: their types declare one member name; rename it in one of them"
            );
            let span = g.attrs.flatten.unwrap_or_else(Span::call_site);
            checks.push(quote_spanned! {span=>
                ::core::assert!(!#p::rules::names_clash(#m::NAMES, #other_m::NAMES), #msg);
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
