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
    let p = tpl!({ ::authlete_models::__private });
    let super::Generics {
        ty,
        where_,
        impl_de,
        ..
    } = super::Generics::of(cont);
    tpl!({
        #[automatically_derived]
        impl #impl_de #p::serde::Deserialize<'de> for #ident #ty #where_ {
            fn deserialize<__D: #p::serde::Deserializer<'de>>(__deserializer: __D) -> #p::Result<Self, __D::Error> {
                <Self as #p::Model>::__read_at(__deserializer, #p::Path::Root)
            }
        }
    }, impl_de, p, ident, ty, where_)
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
    let p = tpl!({ ::authlete_models::__private });
    let ty = f.ty;
    let span = f.attrs.flatten.unwrap_or_else(Span::call_site);
    quote_spanned!(span=> <#ty as #p::rules::Flat>)
}

/// `impl Flat`: the struct's state while it is read (`__Read`) and collected (`__Collected`),
/// and, for each, reading one member by index into it and building the struct from it. The
/// model's own visitor calls these in its loop, and so does the visitor of a struct that
/// flattens this one, over the members of this one that it meets.
pub fn impl_flat(cont: &Container) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    let de = tpl!({#p::serde::de}, p);
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
            tpl!({#field: #value,}, field, value)
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
        map_read = tpl!({#local: #fty,}, local, fty);
        map_collected = tpl!({#local: #p::rules::Gathered<#fty>,}, local, p, fty);
        map_new = tpl!({#local: #p::Default::default(),}, local, p);
        map_build = tpl!({#member: #local,}, member, local);
        map_local.push(local);
    }

    // Where each flattened model's members start, after this struct's and the models'
    // before it: an expression the compiler folds.
    let mut starts = Vec::new();
    let mut start = quote!(#n + 1);
    for m in &mflats {
        starts.push(start.clone());
        start = tpl!({#start + #m::NAMES.len()}, start, m);
    }
    let index_arms = parts.own.iter().enumerate().map(|(i, f)| {
        let bytes = syn::LitByteStr::new(f.wire.as_bytes(), Span::call_site());
        tpl!({#bytes => #p::Some(#i),}, bytes, p, i)
    });
    let index_models = mflats.iter().zip(&starts).map(|(m, start)| {
        tpl!({
            if let #p::Some(__j) = #m::index(__name) {
                return #p::Some(#start + __j);
            }
        }, p, m, start)
    });
    // A flattened model's member goes to the model, by its index there.
    let read_models = mflats
        .iter()
        .zip(&mlocals)
        .zip(&starts)
        .map(|((m, local), start)| {
            tpl!({
                let __j = __i.wrapping_sub(#start);
                if __j < #m::NAMES.len() {
                    return #m::read(&mut __state.#local, __j, __map, __at);
                }
            }, start, m, local)
        });
    let collect_models = mflats
        .iter()
        .zip(&mlocals)
        .zip(&starts)
        .map(|((m, local), start)| {
            tpl!({
                let __j = __i.wrapping_sub(#start);
                if __j < #m::NAMES.len() {
                    return #m::collect(&mut __state.#local, __j, __map, __at, __out);
                }
            }, start, m, local)
        });

    let read_arms = parts.own.iter().zip(&locals).enumerate().map(|(i, (f, local))| {
        let (rule, token, ty) = (super::rule_const(f), super::pointer_token(f), f.ty);
        tpl!({
            #i => {
                let __field_at = #p::Path::field(__at, #token);
                if #p::Option::is_some(&__state.#local) {
                    return #p::Err(#p::duplicate_field(__field_at));
                }
                __state.#local = #p::Some(#de::MapAccess::next_value_seed(__map, #p::Seed::<_, #ty>::new(&#rule, &__field_at))?);
            }
        }, i, p, token, local, de, ty, rule)
    });
    let collect_arms = parts.own.iter().zip(&locals).enumerate().map(|(i, (f, local))| {
        let (rule, token, ty) = (super::rule_const(f), super::pointer_token(f), f.ty);
        tpl!({
            #i => {
                let __field_at = #p::Path::field(__at, #token);
                if #p::Option::is_some(&__state.#local) {
                    __out.duplicate(__map, __field_at)?;
                } else {
                    __state.#local = #p::Some(#de::MapAccess::next_value_seed(__map, #p::Collect::<_, #ty>::new(&#rule, &__field_at, __out))?);
                }
            }
        }, i, p, token, local, de, ty, rule)
    });

    // Building the struct: an absent member takes its default, is `None`, or is missing.
    let finish = parts.own.iter().zip(&locals).map(|(f, local)| {
        let token = super::pointer_token(f);
        let absent = absent(f, tpl!({#p::Path::field(__at, #token)}, p, token)).read;
        tpl!({
            let #local = match __state.#local {
                #p::Some(__value) => __value,
                #p::None => #absent,
            };
        }, local, p, absent)
    });
    let collect_finish = parts.own.iter().zip(&locals).map(|(f, local)| {
        let token = super::pointer_token(f);
        let absent = absent(f, tpl!({#p::Path::field(__at, #token)}, p, token)).collect;
        tpl!({
            let mut #local = __state.#local;
            if #p::Option::is_none(&#local) {
                #local = #absent;
            }
        }, local, p, absent)
    });
    let build = tpl!({
        #ident { #__rep0 #__rep1 #map_build #__rep2 }
    }, ident, __rep0 = quote!(#(#members: #locals,)*), __rep1 = quote!(#(#mmembers: #mlocals,)*), map_build, __rep2 = quote!(#(#skipped)*));
    let (refuse_custom, collect_custom) = match &cont.attrs.custom {
        Some(custom) => {
            let f = &custom.value;
            (
                tpl!({#p::refuse_custom::<Self, __E>(&__value, #f, *__at)?;}, p, f),
                tpl!({#p::with_custom(__value, #f, *__at, __out)}, p, f),
            )
        }
        None => (TokenStream::new(), tpl!({#p::Some(__value)}, p)),
    };
    // Collecting, the struct is built when every part held.
    let unwrap = {
        let pats = locals
            .iter()
            .map(|l| tpl!({#p::Some(#p::Some(#l))}, p, l))
            .chain(
                mlocals
                    .iter()
                    .chain(&map_local)
                    .map(|l| tpl!({#p::Some(#l)}, p, l)),
            );
        let all: Vec<_> = locals.iter().chain(&mlocals).chain(&map_local).collect();
        (!all.is_empty()).then(|| {
            tpl!({
                let (#__rep0) = (#__rep1) else {
                    return #p::None;
                };
            }, __rep0 = quote!(#(#pats,)*), __rep1 = quote!(#(#all,)*), p)
        })
    };
    let map_finish = map_local.iter().map(|l| tpl!({let #l = __state.#l;}, l));
    let write = super::ser::map_entries(cont);
    let presence_read = super::presence::read(cont);
    let presence_present = super::presence::collect_present(cont);
    let presence_collect = super::presence::collect(cont);
    let presence_held = super::presence::collect_held(cont);
    let map_collect_finish = map_local
        .iter()
        .map(|l| tpl!({let #l = __state.#l.finish();}, l));
    let (tally_read, tally_new_read) = super::members::state(cont, true);
    let (tally_collected, tally_new_collected) = super::members::state(cont, false);
    let members_read = super::members::read(cont);
    let (members_collect, members_held) = super::members::collect(cont);
    let names = super::members::names(cont, quote!(&[#(#wires),*]));

    tpl!({
        #[doc(hidden)]
        pub struct __Read #impl_ #where_ {
            #__rep0
            #__rep1
            #map_read
            #tally_read
            __marker: #p::PhantomData<fn() -> #ident #ty>,
        }

        #[doc(hidden)]
        pub struct __Collected #impl_ #where_ {
            #__rep2
            #__rep3
            #map_collected
            #tally_collected
            __marker: #p::PhantomData<fn() -> #ident #ty>,
        }

        #[automatically_derived]
        impl #impl_ #p::rules::Flat for #ident #ty #where_ {
            const NAMES: &'static [&'static #p::primitive::str] = #names;
            const FLATTENS: #p::primitive::bool = #flattens;
            type Read = __Read #ty;
            type Collected = __Collected #ty;

            #[inline]
            fn new_read() -> __Read #ty {
                __Read { #__rep5 #__rep6 #map_new #tally_new_read __marker: #p::PhantomData }
            }

            #[inline]
            fn new_collected() -> __Collected #ty {
                __Collected { #__rep7 #__rep8 #map_new #tally_new_collected __marker: #p::PhantomData }
            }

            // The lookup is a `match` on the wire names as byte strings, as serde_derive writes
            // it: LLVM turns it into a switch on the length and a compare against constants.
            #[inline]
            fn index(__name: &[#p::primitive::u8]) -> #p::Option<#p::primitive::usize> {
                match __name {
                    #__rep9
                    _ => {
                        #__rep10
                        #p::None
                    }
                }
            }

            #[inline]
            fn read<'de, __A: #de::MapAccess<'de>>(__state: &mut __Read #ty, __i: #p::primitive::usize, __map: &mut __A, __at: &#p::Path<'_>) -> #p::Result<(), __A::Error> {
                match __i {
                    #__rep11
                    _ => {
                        #__rep12
                    }
                }
                #p::Ok(())
            }

            #[inline]
            fn finish<__E: #de::Error>(__state: __Read #ty, __at: &#p::Path<'_>) -> #p::Result<Self, __E> {
                #__rep13
                #__rep14
                #__rep15
                #members_read
                let __value = #build;
                #presence_read
                #refuse_custom
                #p::Ok(__value)
            }

            #[inline]
            fn collect<'de, __A: #de::MapAccess<'de>>(__state: &mut __Collected #ty, __i: #p::primitive::usize, __map: &mut __A, __at: &#p::Path<'_>, __out: &mut #p::Collector<'_>) -> #p::Result<(), __A::Error> {
                match __i {
                    #__rep16
                    _ => {
                        #__rep17
                    }
                }
                #p::Ok(())
            }

            #[inline]
            fn collect_finish(__state: __Collected #ty, __at: &#p::Path<'_>, __out: &mut #p::Collector<'_>) -> #p::Option<Self> {
                #presence_present
                #__rep18
                #__rep19
                #__rep20
                #members_collect
                #presence_collect
                #unwrap
                #presence_held
                #members_held
                let __value = #build;
                #collect_custom
            }

            #[inline]
            fn write<__M: #p::serde::ser::SerializeMap>(&self, __state: &mut __M) -> #p::Result<(), __M::Error> {
                #write
            }
        }
    }, impl_, where_, __rep0 = quote!(#(#locals: #p::Option<#tys>,)*), __rep1 = quote!(#(#mlocals: #mflats::Read,)*), map_read, p, ident, ty, __rep2 = quote!(#(#locals: #p::Option<#p::Option<#tys>>,)*), __rep3 = quote!(#(#mlocals: #mflats::Collected,)*), map_collected, tally_read, tally_collected, names, flattens, __rep5 = quote!(#(#locals: #p::None,)*), __rep6 = quote!(#(#mlocals: #mflats::new_read(),)*), map_new, tally_new_read, tally_new_collected, __rep7 = quote!(#(#locals: #p::None,)*), __rep8 = quote!(#(#mlocals: #mflats::new_collected(),)*), __rep9 = quote!(#(#index_arms)*), __rep10 = quote!(#(#index_models)*), de, __rep11 = quote!(#(#read_arms)*), __rep12 = quote!(#(#read_models)*), __rep13 = quote!(#(#finish)*), __rep14 = quote!(#(let #mlocals = #mflats::finish(__state.#mlocals, __at)?;)*), __rep15 = quote!(#(#map_finish)*), members_read, build, presence_read, refuse_custom, __rep16 = quote!(#(#collect_arms)*), __rep17 = quote!(#(#collect_models)*), __rep18 = quote!(#(#collect_finish)*), __rep19 = quote!(#(let #mlocals = #mflats::collect_finish(__state.#mlocals, __at, __out);)*), __rep20 = quote!(#(#map_collect_finish)*), presence_present, members_collect, presence_collect, unwrap, presence_held, members_held, collect_custom, write)
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
        tpl!({<'__p, #__rep0>}, __rep0 = quote!(#(#params),*))
    };
    let name = ident.to_string();
    let p = tpl!({ ::authlete_models::__private });
    let de = tpl!({#p::serde::de}, p);
    let r = tpl!({#p::rules}, p);
    let flat = tpl!({<Self::Value as #r::Flat>}, r);
    let deny = cont.attrs.deny_unknown_fields.is_some();
    let parts = Parts::of(cont);
    let wires: Vec<_> = parts.own.iter().map(|f| &f.wire).collect();
    // The index every member no field declares gets: the members of flattened models come
    // after it.
    let unknown = parts.own.len();
    // The struct's own lookup, and the forbidden names after it when there are any.
    let index = super::members::index(cont, tpl!({#flat::index}, flat));
    let keys = if parts.models.is_empty() {
        tpl!({#p::Key::new(#index, __FIELDS, #deny, self.at)}, p, index, deny)
    } else {
        tpl!({#p::Key::new(#index, __FIELDS, #deny, self.at).flattened()}, p, index, deny)
    };
    // Each member is counted, and a forbidden one taken, when the struct has those rules.
    let count = super::members::count(cont);
    let forbidden_read = super::members::forbidden_arm(cont, quote!(__i), false);
    let forbidden_collect = super::members::forbidden_arm(cont, quote!(__i), true);
    let skip = tpl!({let _ = #de::MapAccess::next_value::<#de::IgnoredAny>(&mut __map)?;}, de);

    // The member loops. A struct with a flattened map hands every member no field declares
    // to the map's rule, by name; any other struct skips them (or refuses them).
    let (read_loop, collect_loop) = match parts.map {
        None => (
            tpl!({
                let __keys = #keys;
                while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, &__keys)? {
                    #count
                    match __key {
                        #forbidden_read
                        #unknown => { #skip }
                        __i => #flat::read(&mut __state, __i, &mut __map, self.at)?,
                    }
                }
            }, keys, p, de, count, forbidden_read, unknown, skip, flat),
            tpl!({
                let __keys = #keys;
                while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, #p::MemberName::new(&__keys, __out))? {
                    #count
                    match __key {
                        #forbidden_collect
                        #unknown => { #skip }
                        __i => #flat::collect(&mut __state, __i, &mut __map, self.at, __out)?,
                    }
                }
            }, keys, p, de, count, forbidden_collect, unknown, skip, flat),
        ),
        Some(map) => {
            let (local, rule) = (super::field_local(map), super::rule_const(map));
            let field = tpl!({#r::Member::Field(__i)}, r);
            let forbidden_read = super::members::forbidden_arm(cont, field.clone(), false);
            let forbidden_collect = super::members::forbidden_arm(cont, field, true);
            (
                tpl!({
                    let __keys = #p::Key::new(#index, __FIELDS, false, self.at);
                    while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, #r::MemberOrName::read(&__keys))? {
                        #count
                        match __key {
                            #forbidden_read
                            #r::Member::Field(__i) => #flat::read(&mut __state, __i, &mut __map, self.at)?,
                            #r::Member::Other(__name) => #rule.read_flat(&mut __map, __name, *self.at, &mut __state.#local)?,
                        }
                    }
                }, p, index, de, r, count, forbidden_read, flat, rule, local),
                tpl!({
                    let __keys = #p::Key::new(#index, __FIELDS, false, self.at);
                    while let #p::Some(__key) = #de::MapAccess::next_key_seed(&mut __map, #r::MemberOrName::collect(&__keys, __out))? {
                        #count
                        match __key {
                            #forbidden_collect
                            #r::Member::Field(__i) => #flat::collect(&mut __state, __i, &mut __map, self.at, __out)?,
                            #r::Member::Other(__name) => #rule.collect_flat(&mut __map, __name, *self.at, &mut __state.#local, __out)?,
                        }
                    }
                }, p, index, de, r, count, forbidden_collect, flat, rule, local),
            )
        }
    };

    tpl!({
        #[automatically_derived]
        impl #impl_ #p::Model for #ident #ty #where_ {
            const __CLOSED: #p::primitive::bool = #closed;

            #schema_methods

            #[inline]
            fn __collect<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>, __out: &mut #p::Collector<'_>) -> #p::Result<#p::Option<Self>, __D::Error> {
                const __FIELDS: &[&#p::primitive::str] = &[#__rep0];

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
                const __FIELDS: &[&#p::primitive::str] = &[#__rep1];

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
    }, impl_, p, ident, ty, where_, closed = super::members::closed(cont, deny), schema_methods, __rep0 = quote!(#(#wires),*), impl_visitor, impl_visitor_de, visitor_args, de, flat, collect_loop, __rep1 = quote!(#(#wires),*), name, read_loop)
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
    let p = tpl!({ ::authlete_models::__private });
    let rule = super::rule_const(f);
    let ty = f.ty;
    let checks = super::rules::has_checks(f);
    match &f.attrs.default {
        Some(default) => match &default.value {
            // A literal of a model's type is read through the field's rule from its JSON.
            DefaultValue::Literal(lit) if super::defaults::literal(&f.shape, lit).is_none() => {
                let json = lit.json();
                Absent {
                    read: tpl!({#p::rules::read_default::<_, #ty, _>(&#rule, #json, #at)?}, p, ty, rule, json, at),
                    collect: tpl!({#p::Some(#p::collect_default::<_, #ty>(&#rule, #json, #at, __out))}, p, ty, rule, json, at),
                }
            }
            _ => {
                let value = super::defaults::value(f);
                if checks {
                    Absent {
                        read: tpl!({#p::rules::check_default::<_, #ty, _>(&#rule, #value, #at)?}, p, ty, rule, value, at),
                        collect: tpl!({#p::Some(#p::absent_default::<_, #ty>(&#rule, #value, #at, __out))}, p, ty, rule, value, at),
                    }
                } else {
                    Absent {
                        read: value.clone(),
                        collect: tpl!({#p::Some(#p::Some(#value))}, p, value),
                    }
                }
            }
        },
        None if f.absent_is_none() => Absent {
            read: tpl!({#p::None}, p),
            collect: tpl!({#p::Some(#p::Some(#p::None))}, p),
        },
        None => Absent {
            read: tpl!({return #p::Err(#p::missing_field(#at))}, p, at),
            collect: tpl!({{
                __out.missing(#at);
                #p::None
            }}, at, p),
        },
    }
}

/// What a struct that flattens models checks when the program compiles: each flattens
/// nothing itself, and no two of the struct and its models declare one member name. (That
/// each is a struct model is the `Flat` bound, checked before.)
pub fn flat_checks(cont: &Container) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
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
    // No flattened model declares a name this struct forbids.
    let flat: Vec<_> = models
        .iter()
        .map(|f| {
            let span = f.attrs.flatten.unwrap_or_else(Span::call_site);
            (flat(f), span, f.name.as_str())
        })
        .collect();
    let forbidden = super::members::flat_checks(cont, &flat);
    tpl!({
        const _: () = {
            const __OWN: &[&#p::primitive::str] = &[#__rep0];
            #__rep1
            #forbidden
        };
    }, p, __rep0 = quote!(#(#own),*), __rep1 = quote!(#(#checks)*), forbidden)
}
