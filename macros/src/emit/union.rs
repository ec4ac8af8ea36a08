//! An enum with data. Each variant that holds data gets a hidden model of its own, derived
//! like any other (`__Shape_Circle { r: f64 }`, `__Shape_Named(String)`), which reads,
//! collects and describes the variant's content with every field attribute; the enum moves
//! the fields out of it. The runtime's `rules::union` reads the representation (the tag, the
//! buffering, the trials of an untagged enum) through the `Union` impl written here.
//! Validation and writing work on the enum's own fields, through rule constants of their own.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Ident;

use crate::ast::{Container, Field, Repr, UnionVariant, VariantKind};

/// The hidden model of a variant that holds data.
fn hidden(cont: &Container, v: &UnionVariant) -> Ident {
    format_ident!("__{}_{}", cont.ident, v.name)
}

/// The rule constant of a variant's field.
fn rule_name(v: &UnionVariant, f: &Field) -> Ident {
    format_ident!("__rule_{}_{}", v.name, f.name)
}

/// A local bound to a variant's field in a `match`.
fn local(f: &Field) -> Ident {
    format_ident!("__f_{}", f.name)
}

/// The attributes a hidden model's field keeps: `model` and doc comments.
fn kept_attrs(attrs: &[syn::Attribute]) -> impl Iterator<Item = &syn::Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("model") || a.path().is_ident("doc"))
}

/// A variant's fields that are read and written (not `skip`).
fn wire_fields<'v, 'a>(v: &'v UnionVariant<'a>) -> impl Iterator<Item = &'v Field<'a>> {
    v.kind.fields().iter().filter(|f| f.attrs.skip.is_none())
}

pub fn impls(cont: &Container, variants: &[UnionVariant]) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    let ident = cont.ident;
    let name = ident.to_string();
    let repr = cont.repr();
    let named = |attr: &Option<crate::attr::Attr<syn::LitStr>>| {
        attr.as_ref().map(|a| {
            let wire = a.value.value();
            let token = wire.replace('~', "~0").replace('/', "~1");
            (wire, token)
        })
    };
    let (tag, content) = (named(&cont.attrs.tag), named(&cont.attrs.content));

    let hidden_types = variants.iter().map(|v| hidden_type(cont, v));
    let consts = variants.iter().flat_map(|v| {
        v.kind
            .fields()
            .iter()
            .filter(|f| f.attrs.skip.is_none())
            .map(move |f| super::rules::rule_item(&rule_name(v, f), f))
    });

    // The `Union` impl: what the runtime reads the representation with.
    let tags = variants.iter().map(|v| &v.wire);
    let names = variants.iter().map(|v| &v.name);
    let units = variants.iter().map(|v| matches!(v.kind, VariantKind::Unit));
    let unit_arms = variants.iter().enumerate().filter_map(|(i, v)| {
        let variant = v.ident;
        matches!(v.kind, VariantKind::Unit)
            .then(|| tpl!({#i => #ident::#variant,}, i, ident, variant))
    });
    let (read_arms, collect_arms): (Vec<_>, Vec<_>) = variants
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let variant = v.ident;
            let h = hidden(cont, v);
            match &v.kind {
                VariantKind::Unit => None,
                VariantKind::Newtype(_) => Some((
                    tpl!({#i => #p::Ok(#ident::#variant(<#h as #p::Model>::__read_at(__d, __at)?.0)),}, i, p, ident, variant, h),
                    tpl!({#i => #p::Ok(<#h as #p::Model>::__collect(__d, __at, __out)?.map(|__v| #ident::#variant(__v.0))),}, i, p, h, ident, variant),
                )),
                VariantKind::Struct(fields) => {
                    let members: Vec<_> = fields.iter().map(|f| &f.member).collect();
                    Some((
                        tpl!({#i => {
                            let #h { #__rep0 } = <#h as #p::Model>::__read_at(__d, __at)?;
                            #p::Ok(#ident::#variant { #__rep1 })
                        }}, i, h, __rep0 = quote!(#(#members),*), p, ident, variant, __rep1 = quote!(#(#members),*)),
                        tpl!({#i => #p::Ok(<#h as #p::Model>::__collect(__d, __at, __out)?.map(|#h { #__rep0 }| #ident::#variant { #__rep1 })),}, i, p, h, __rep0 = quote!(#(#members),*), ident, variant, __rep1 = quote!(#(#members),*)),
                    ))
                }
            }
        })
        .unzip();
    let union = tpl!({
        #[automatically_derived]
        impl #p::rules::Union for #ident {
            const TAGS: &'static [&'static #p::primitive::str] = &[#__rep0];
            const NAMES: &'static [&'static #p::primitive::str] = &[#__rep1];
            const UNIT: &'static [#p::primitive::bool] = &[#__rep2];

            fn unit(__i: #p::primitive::usize) -> Self {
                match __i {
                    #__rep3
                    _ => #p::unreachable!(),
                }
            }

            fn read_variant<'de, __D: #p::serde::Deserializer<'de>>(__i: #p::primitive::usize, __d: __D, __at: #p::Path<'_>) -> #p::Result<Self, __D::Error> {
                match __i {
                    #__rep4
                    _ => #p::unreachable!(),
                }
            }

            fn collect_variant<'de, __D: #p::serde::Deserializer<'de>>(__i: #p::primitive::usize, __d: __D, __at: #p::Path<'_>, __out: &mut #p::Collector<'_>) -> #p::Result<#p::Option<Self>, __D::Error> {
                match __i {
                    #__rep5
                    _ => #p::unreachable!(),
                }
            }
        }
    }, p, ident, __rep0 = quote!(#(#tags),*), __rep1 = quote!(#(#names),*), __rep2 = quote!(#(#units),*), __rep3 = quote!(#(#unit_arms)*), __rep4 = quote!(#(#read_arms)*), __rep5 = quote!(#(#collect_arms)*));

    let tag_named = tag.as_ref().map(
        |(wire, token)| tpl!({#p::rules::Named { wire: #wire, token: #token }}, p, wire, token),
    );
    let content_named = content.as_ref().map(
        |(wire, token)| tpl!({#p::rules::Named { wire: #wire, token: #token }}, p, wire, token),
    );
    let (read, collect) = match repr {
        Repr::External => (
            tpl!({#p::rules::read_external::<Self, __D>(__deserializer, __at)}, p),
            tpl!({#p::rules::collect_external::<Self, __D>(__deserializer, __at, __out)}, p),
        ),
        Repr::Internal => (
            tpl!({#p::rules::read_internal::<Self, __D>(__deserializer, __at, #tag_named)}, p, tag_named),
            tpl!({#p::rules::collect_internal::<Self, __D>(__deserializer, __at, #tag_named, __out)}, p, tag_named),
        ),
        Repr::Adjacent => (
            tpl!({#p::rules::read_adjacent::<Self, __D>(__deserializer, __at, #tag_named, #content_named)}, p, tag_named, content_named),
            tpl!({#p::rules::collect_adjacent::<Self, __D>(__deserializer, __at, #tag_named, #content_named, __out)}, p, tag_named, content_named),
        ),
        Repr::Untagged | Repr::OneOf => {
            let one_of = repr == Repr::OneOf;
            (
                tpl!({#p::rules::read_untagged::<Self, __D>(__deserializer, __at, #one_of)}, p, one_of),
                tpl!({#p::rules::collect_untagged::<Self, __D>(__deserializer, __at, #one_of, __out)}, p, one_of),
            )
        }
    };

    let validate = validate(cont, variants, content.as_ref());
    let serialize = serialize(cont, variants, tag.as_ref(), content.as_ref());

    let title = super::Generics::schema_name(cont, true);
    let description = super::schema::description(&cont.description);
    let schema_repr = match repr {
        Repr::External => tpl!({#p::rules::UnionRepr::External}, p),
        Repr::Internal => {
            let (wire, _) = tag.as_ref().expect("a tag");
            tpl!({#p::rules::UnionRepr::Internal(#wire)}, p, wire)
        }
        Repr::Adjacent => {
            let ((t, _), (c, _)) = (
                tag.as_ref().expect("a tag"),
                content.as_ref().expect("a content"),
            );
            tpl!({#p::rules::UnionRepr::Adjacent(#t, #c)}, p, t, c)
        }
        Repr::Untagged => tpl!({#p::rules::UnionRepr::Untagged}, p),
        Repr::OneOf => tpl!({#p::rules::UnionRepr::OneOf}, p),
    };
    let schema = super::schema::annotate(
        cont,
        tpl!({#p::rules::union_schema(&#title, #description, #schema_repr, __variants)}, p, title, description, schema_repr),
    );
    let variant_schemas = variants.iter().map(|v| {
        let wire = &v.wire;
        let deprecated = v.attrs.deprecated.is_some();
        let content = match &v.kind {
            VariantKind::Unit => tpl!({#p::None}, p),
            VariantKind::Newtype(f) => {
                let (ty, rule) = (f.ty, rule_name(v, f));
                tpl!({#p::Some(<_ as #p::Rule<#ty>>::schema(&#rule, __gen))}, p, ty, rule)
            }
            VariantKind::Struct(_) => {
                let h = hidden(cont, v);
                tpl!({#p::Some(<#h as #p::Model>::__schema_object(__gen))}, p, h)
            }
        };
        tpl!({#p::rules::VariantSchema { tag: #wire, content: #content, deprecated: #deprecated }}, p, wire, content, deprecated)
    });

    // With `tag`, a newtype variant's model sees the members beside the tag, and its schema
    // beside the tag's: one that refuses unknown members would refuse the tag in the schema.
    let closed_checks = variants.iter().filter_map(|v| match (&v.kind, repr) {
        (VariantKind::Newtype(f), Repr::Internal) => {
            let ty = f.ty;
            let msg = format!(
                "variant `{}` holds a model with `deny_unknown_fields`, whose schema would refuse the tag beside its members: remove `deny_unknown_fields` from it, or name the fields in the variant",
                v.name
            );
            Some(quote::quote_spanned! {syn::spanned::Spanned::span(ty)=>
                const _: () = ::core::assert!(!<#ty as #p::Model>::__CLOSED, #msg);
            })
        }
        _ => None,
    });
    tpl!({
        #__rep0
        #__rep1
        #__rep2
        #union
        #validate
        #serialize

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

            fn __schema_name() -> #p::String {
                #p::String::from(#name)
            }

            fn __schema_object(__gen: &mut #p::SchemaGen) -> #p::serde_json::Map<#p::String, #p::serde_json::Value> {
                let __variants = #p::Vec::from([#__rep3]);
                #schema
            }

            fn __collect<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>, __out: &mut #p::Collector<'_>) -> #p::Result<#p::Option<Self>, __D::Error> {
                #collect
            }

            fn __read_at<'de, __D: #p::serde::Deserializer<'de>>(__deserializer: __D, __at: #p::Path<'_>) -> #p::Result<Self, __D::Error> {
                #read
            }
        }
    }, __rep0 = quote!(#(#closed_checks)*), __rep1 = quote!(#(#hidden_types)*), __rep2 = quote!(#(#consts)*), union, validate, serialize, p, ident, name, __rep3 = quote!(#(#variant_schemas),*), schema, collect, read)
}

/// The hidden model of a variant that holds data: its fields with their attributes and doc
/// comments, titled with the variant's name (`rename_all_fields` as its `rename_all`, the
/// variant's `description` as its own).
fn hidden_type(cont: &Container, v: &UnionVariant) -> TokenStream {
    let h = hidden(cont, v);
    let title = &v.name;
    let rename_all = cont
        .attrs
        .rename_all_fields
        .as_ref()
        .filter(|_| matches!(v.kind, VariantKind::Struct(_)))
        .map(|r| {
            let lit = &r.tokens;
            tpl!({, rename_all = #lit}, lit)
        });
    let deprecated = v.attrs.deprecated.map(|_| tpl!({, deprecated}));
    let description = v.attrs.description.as_ref().map(|d| {
        let lit = &d.value;
        tpl!({, description = #lit}, lit)
    });
    let docs = kept_attrs(&v.syn.attrs).filter(|a| a.path().is_ident("doc"));
    let head = tpl!({
        #[derive(::authlete_models::Model)]
        #[model(title = #title #rename_all #deprecated #description)]
        #__rep0
        #[allow(non_camel_case_types, dead_code, missing_docs)]
    }, title, rename_all, deprecated, description, __rep0 = quote!(#(#docs)*));
    match &v.syn.fields {
        syn::Fields::Named(named) => {
            let fields = named.named.iter().map(|f| {
                let attrs = kept_attrs(&f.attrs);
                let (name, ty) = (&f.ident, &f.ty);
                quote!(#(#attrs)* #name: #ty)
            });
            tpl!({
                #head
                struct #h { #__rep0 }
            }, head, h, __rep0 = quote!(#(#fields),*))
        }
        syn::Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
            let f = &unnamed.unnamed[0];
            let attrs = kept_attrs(&f.attrs);
            let ty = &f.ty;
            tpl!({
                #head
                struct #h(#__rep0 #ty);
            }, head, h, __rep0 = quote!(#(#attrs)*), ty)
        }
        _ => TokenStream::new(),
    }
}

/// The path a variant's content sits at, below the enum's (`__at`): `__vat`.
fn content_at(v: &UnionVariant, repr: Repr, content: Option<&(String, String)>) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    match repr {
        Repr::External => {
            let token = v.wire.replace('~', "~0").replace('/', "~1");
            tpl!({let __vat = #p::Path::field(&__at, #token);}, p, token)
        }
        Repr::Adjacent => {
            let (_, token) = content.expect("a content member");
            tpl!({let __vat = #p::Path::field(&__at, #token);}, p, token)
        }
        _ => tpl!({
            let __vat = __at;
        }),
    }
}

/// `impl Validate`: the variant's fields, each through its rule, at its path.
fn validate(
    cont: &Container,
    variants: &[UnionVariant],
    content: Option<&(String, String)>,
) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    let ident = cont.ident;
    let repr = cont.repr();
    let arms = variants.iter().map(|v| {
        let variant = v.ident;
        let at = content_at(v, repr, content);
        match &v.kind {
            VariantKind::Unit => tpl!({#ident::#variant => {}}, ident, variant),
            VariantKind::Newtype(f) => {
                let (ty, rule) = (f.ty, rule_name(v, f));
                tpl!({#ident::#variant(__v) => {
                    #at
                    <_ as #p::Rule<#ty>>::check(&#rule, __v, __vat, __out);
                }}, ident, variant, at, p, ty, rule)
            }
            VariantKind::Struct(_) => {
                let fields: Vec<&Field> = wire_fields(v).collect();
                let members = fields.iter().map(|f| &f.member);
                let locals: Vec<_> = fields.iter().map(|f| local(f)).collect();
                let checks = fields.iter().zip(&locals).map(|(f, l)| {
                    let (ty, rule) = (f.ty, rule_name(v, f));
                    let token = super::pointer_token(f);
                    tpl!({<_ as #p::Rule<#ty>>::check(&#rule, #l, #p::Path::field(&__vat, #token), __out);}, p, ty, rule, l, token)
                });
                tpl!({#ident::#variant { #__rep0 .. } => {
                    #at
                    #__rep1
                }}, ident, variant, __rep0 = quote!(#(#members: #locals,)*), at, __rep1 = quote!(#(#checks)*))
            }
        }
    });
    tpl!({
        #[automatically_derived]
        impl #p::Validate for #ident {
            fn validate(&self) -> #p::Result<(), #p::ValidationErrors> {
                #p::finish(|__out| #p::Validate::__validate_at(self, #p::Path::Root, __out))
            }

            fn __validate_at(&self, __at: #p::Path<'_>, __out: &mut #p::Vec<#p::ValidationError>) {
                let _ = (&__at, &__out);
                match self {
                    #__rep0
                }
            }
        }
    }, p, ident, __rep0 = quote!(#(#arms)*))
}

/// The statements that write a struct variant's fields (bound to their locals) into
/// `__state` through `trait_` (`SerializeStruct` or `SerializeStructVariant`), and the
/// count of members they write.
fn write_fields(v: &UnionVariant, trait_: &TokenStream) -> (TokenStream, TokenStream) {
    let p = tpl!({ ::authlete_models::__private });
    let mut count = quote!(0);
    let mut writes = TokenStream::new();
    for f in wire_fields(v) {
        let (l, wire) = (local(f), &f.wire);
        let write = tpl!({#trait_::serialize_field(&mut __state, #wire, #l)?;}, trait_, wire, l);
        if f.skips_none() {
            count.extend(tpl!({+ if #p::Option::is_some(#l) { 1 } else { 0 }}, p, l));
            writes.extend(tpl!({
                if #p::Option::is_some(#l) {
                    #write
                } else {
                    #trait_::skip_field(&mut __state, #wire)?;
                }
            }, p, l, write, trait_, wire));
        } else {
            count.extend(quote!(+ 1));
            writes.extend(write);
        }
    }
    (writes, count)
}

/// The pattern binding a struct variant's written fields to their locals.
fn bind(cont: &Container, v: &UnionVariant) -> TokenStream {
    let ident = cont.ident;
    let variant = v.ident;
    match &v.kind {
        VariantKind::Unit => tpl!({#ident::#variant}, ident, variant),
        VariantKind::Newtype(_) => tpl!({#ident::#variant(__v)}, ident, variant),
        VariantKind::Struct(_) => {
            let fields: Vec<&Field> = wire_fields(v).collect();
            let members = fields.iter().map(|f| &f.member);
            let locals = fields.iter().map(|f| local(f));
            tpl!({#ident::#variant { #__rep0 .. }}, ident, variant, __rep0 = quote!(#(#members: #locals,)*))
        }
    }
}

/// `impl Serialize`, in the enum's representation.
fn serialize(
    cont: &Container,
    variants: &[UnionVariant],
    tag: Option<&(String, String)>,
    content: Option<&(String, String)>,
) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    let ser = tpl!({#p::serde::ser}, p);
    let ident = cont.ident;
    let name = ident.to_string();
    let repr = cont.repr();
    let st = tpl!({#ser::SerializeStruct}, ser);
    // The content alone: what untagged enums write, and what sits under `content`.
    let content_arms = variants.iter().map(|v| {
        let pattern = bind(cont, v);
        let vname = &v.name;
        match &v.kind {
            VariantKind::Unit => tpl!({#pattern => #ser::Serializer::serialize_unit(__serializer),}, pattern, ser),
            VariantKind::Newtype(_) => {
                tpl!({#pattern => #p::serde::Serialize::serialize(__v, __serializer),}, pattern, p)
            }
            VariantKind::Struct(_) => {
                let (writes, count) = write_fields(v, &st);
                tpl!({#pattern => {
                    let mut __state = #ser::Serializer::serialize_struct(__serializer, #vname, #count)?;
                    #writes
                    #st::end(__state)
                }}, pattern, ser, vname, count, writes, st)
            }
        }
    });
    let content_type = tpl!({
        struct __Content<'__a>(&'__a #ident);

        #[automatically_derived]
        impl #p::serde::Serialize for __Content<'_> {
            fn serialize<__S: #ser::Serializer>(&self, __serializer: __S) -> #p::Result<__S::Ok, __S::Error> {
                match self.0 {
                    #__rep0
                }
            }
        }
    }, ident, p, ser, __rep0 = quote!(#(#content_arms)*));
    let body = match repr {
        Repr::Untagged | Repr::OneOf => {
            tpl!({#p::serde::Serialize::serialize(&__Content(self), __serializer)}, p)
        }
        Repr::External => {
            let arms = variants.iter().enumerate().map(|(i, v)| {
                let pattern = bind(cont, v);
                let wire = &v.wire;
                let i = i as u32;
                match &v.kind {
                    VariantKind::Unit => tpl!({#pattern => #ser::Serializer::serialize_unit_variant(__serializer, #name, #i, #wire),}, pattern, ser, name, i, wire),
                    VariantKind::Newtype(_) => tpl!({#pattern => #ser::Serializer::serialize_newtype_variant(__serializer, #name, #i, #wire, __v),}, pattern, ser, name, i, wire),
                    VariantKind::Struct(_) => {
                        let sv = tpl!({#ser::SerializeStructVariant}, ser);
                        let (writes, count) = write_fields(v, &sv);
                        tpl!({#pattern => {
                            let mut __state = #ser::Serializer::serialize_struct_variant(__serializer, #name, #i, #wire, #count)?;
                            #writes
                            #sv::end(__state)
                        }}, pattern, ser, name, i, wire, count, writes, sv)
                    }
                }
            });
            tpl!({match self { #__rep0 }}, __rep0 = quote!(#(#arms)*))
        }
        Repr::Internal => {
            let (tag, _) = tag.expect("a tag");
            let arms = variants.iter().map(|v| {
                let pattern = bind(cont, v);
                let wire = &v.wire;
                match &v.kind {
                    VariantKind::Unit => tpl!({#pattern => {
                        let mut __state = #ser::Serializer::serialize_struct(__serializer, #name, 1)?;
                        #st::serialize_field(&mut __state, #tag, #wire)?;
                        #st::end(__state)
                    }}, pattern, ser, name, st, tag, wire),
                    VariantKind::Newtype(_) => tpl!({#pattern => #p::rules::serialize_tagged(__serializer, #tag, #wire, __v),}, pattern, p, tag, wire),
                    VariantKind::Struct(_) => {
                        let (writes, count) = write_fields(v, &st);
                        tpl!({#pattern => {
                            let mut __state = #ser::Serializer::serialize_struct(__serializer, #name, 1 + #count)?;
                            #st::serialize_field(&mut __state, #tag, #wire)?;
                            #writes
                            #st::end(__state)
                        }}, pattern, ser, name, count, st, tag, wire, writes)
                    }
                }
            });
            tpl!({match self { #__rep0 }}, __rep0 = quote!(#(#arms)*))
        }
        Repr::Adjacent => {
            let ((tag, _), (content, _)) = (tag.expect("a tag"), content.expect("a content"));
            let arms = variants.iter().map(|v| {
                let variant = v.ident;
                let wire = &v.wire;
                match &v.kind {
                    VariantKind::Unit => tpl!({#ident::#variant => {
                        let mut __state = #ser::Serializer::serialize_struct(__serializer, #name, 1)?;
                        #st::serialize_field(&mut __state, #tag, #wire)?;
                        #st::end(__state)
                    }}, ident, variant, ser, name, st, tag, wire),
                    _ => {
                        let pattern = match &v.kind {
                            VariantKind::Newtype(_) => tpl!({#ident::#variant(..)}, ident, variant),
                            _ => tpl!({#ident::#variant { .. }}, ident, variant),
                        };
                        tpl!({#pattern => {
                            let mut __state = #ser::Serializer::serialize_struct(__serializer, #name, 2)?;
                            #st::serialize_field(&mut __state, #tag, #wire)?;
                            #st::serialize_field(&mut __state, #content, &__Content(self))?;
                            #st::end(__state)
                        }}, pattern, ser, name, st, tag, wire, content)
                    }
                }
            });
            tpl!({match self { #__rep0 }}, __rep0 = quote!(#(#arms)*))
        }
    };
    let content_type =
        matches!(repr, Repr::Untagged | Repr::OneOf | Repr::Adjacent).then_some(content_type);
    tpl!({
        #content_type

        #[automatically_derived]
        impl #p::serde::Serialize for #ident {
            fn serialize<__S: #ser::Serializer>(&self, __serializer: __S) -> #p::Result<__S::Ok, __S::Error> {
                #body
            }
        }
    }, content_type, p, ident, ser, body)
}
