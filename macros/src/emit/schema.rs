//! The schema methods of `impl Model`: an object schema whose properties come from the same
//! rule trees that validate.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Container;
use crate::attr::DefaultValue;

pub fn schema_methods(cont: &Container) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    let title = super::Generics::schema_name(cont, true);
    let name = super::Generics::schema_name(cont, false);
    let container_description = description(&cont.description);
    let annotated = annotate(cont, quote!(__s));
    let deny = cont.attrs.deny_unknown_fields.is_some();
    let properties = cont.fields().iter().map(|f| {
        let ty = f.ty;
        let wire = &f.wire;
        let rule = super::rule_const(f);
        let required = f.is_required();
        let description = description(&f.description);
        let default = match f.attrs.default.as_ref().map(|d| &d.value) {
            Some(DefaultValue::Trait) => tpl!({#p::Some(#p::default_json::<#ty>())}, p, ty),
            Some(DefaultValue::Function(path)) => {
                tpl!({#p::Some(#p::value_json::<#ty>(&#path()))}, p, ty, path)
            }
            Some(DefaultValue::Literal(lit)) => {
                let json = lit.json();
                tpl!({#p::Some(#p::literal_json(#json))}, p, json)
            }
            None => tpl!({#p::None}, p),
        };
        tpl!({
            #p::Property {
                name: #wire,
                schema: <_ as #p::Rule<#ty>>::schema(&#rule, __gen),
                required: #required,
                description: #description,
                default: #default,
            }
        }, p, wire, ty, rule, required, description, default)
    });
    let flat = match cont
        .flattened
        .iter()
        .find(|f| matches!(f.shape, crate::ast::Shape::Map(_)))
    {
        Some(f) => {
            let (ty, rule) = (f.ty, super::rule_const(f));
            tpl!({#p::Some(<_ as #p::Rule<#ty>>::schema(&#rule, __gen))}, p, ty, rule)
        }
        None => tpl!({#p::None}, p),
    };
    let models = cont
        .flattened
        .iter()
        .filter(|f| f.shape == crate::ast::Shape::Model)
        .map(|f| f.ty);
    tpl!({
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
            let __s = #p::schema_object(&#title, #container_description, #p::Vec::from([#__rep0]), #deny, #flat);
            #presence
            #__rep1
            #members
            #annotated
        }
    }, p, name, title, container_description, __rep0 = quote!(#(#properties),*), deny, flat, presence = super::presence::schema(cont), members = super::members::schema(cont), __rep1 = quote!(#(let __s = #p::rules::merge_flat(__s, <#models as #p::Model>::__schema_object(__gen));)*), annotated)
}

/// The type's own schema, `schema` (tokens of a `Map`), with what the type's own attributes
/// add: `format`, `examples` and `deprecated` (`with_notes`), then `readOnly` or `writeOnly`
/// (`with_direction`, only for a type that has one).
pub fn annotate(cont: &Container, schema: TokenStream) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    let notes = notes(cont);
    let noted = tpl!({#p::with_notes(#schema, #notes)}, p, schema, notes);
    let direction = match (cont.attrs.read_only, cont.attrs.write_only) {
        (Some(_), _) => tpl!({#p::Direction::ReadOnly}, p),
        (None, Some(_)) => tpl!({#p::Direction::WriteOnly}, p),
        (None, None) => return noted,
    };
    tpl!({#p::with_direction(#noted, #direction)}, p, noted, direction)
}

/// What the type's own attributes add to its schema (`format`, `examples`, `deprecated`): a
/// `TypeNotes` value, as tokens.
fn notes(cont: &Container) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    let text = |lit: &Option<crate::attr::Attr<syn::LitStr>>| match lit {
        Some(lit) => {
            let lit = &lit.value;
            tpl!({#p::Some(#lit)}, p, lit)
        }
        None => tpl!({#p::None}, p),
    };
    let (format, examples) = (text(&cont.attrs.format), text(&cont.attrs.examples));
    let deprecated = cont.attrs.deprecated.is_some();
    tpl!({#p::TypeNotes { format: #format, examples: #examples, deprecated: #deprecated }}, p, format, examples, deprecated)
}

/// A schema's `description` (the `description` key, or the doc comment up to its first section
/// heading, its lines as written): `Some("...")` or `None`, as tokens.
pub fn description(text: &Option<String>) -> TokenStream {
    let p = tpl!({ ::authlete_models::__private });
    match text {
        Some(s) => tpl!({#p::Some(#s)}, p, s),
        None => tpl!({#p::None}, p),
    }
}
