//! The model of a struct: its fields in declaration order, each with its wire name, the shape
//! of its type and its attributes. The emitters read only this.

use proc_macro2::Span;
use syn::{GenericArgument, Ident, PathArguments, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs};
use crate::ctxt::Ctxt;

pub struct Container<'a> {
    pub ident: &'a Ident,
    pub attrs: ContainerAttrs,
    pub docs: Option<String>,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    /// The name on the wire.
    pub wire: String,
    /// Where the wire name comes from: the `rename` literal, or the field's name.
    pub wire_span: Span,
    pub shape: Shape,
    pub attrs: FieldAttrs,
    pub docs: Option<String>,
}

/// What a field's type is, as far as the rules care, read from its syntax.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    Str,
    Bool,
    Int(&'static str),
    Float(&'static str),
    Option(Box<Shape>),
    Vec(Box<Shape>),
    Box(Box<Shape>),
    Secret(Box<Shape>),
    /// Any other type: it must implement `Model`.
    Model,
}

const INTS: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];
const FLOATS: &[&str] = &["f32", "f64"];

impl Shape {
    /// Reads the shape of `ty`, or `None` for a type that cannot be a field (a reference, a
    /// tuple, an array...).
    pub fn of(ty: &Type) -> Option<Shape> {
        match ty {
            Type::Group(g) => Shape::of(&g.elem),
            Type::Paren(p) => Shape::of(&p.elem),
            Type::Path(p) if p.qself.is_none() => {
                let last = p.path.segments.last()?;
                let name = last.ident.to_string();
                let arg = single_type_arg(&last.arguments);
                match (name.as_str(), arg) {
                    ("String", None) => Some(Shape::Str),
                    ("bool", None) => Some(Shape::Bool),
                    (n, None) if INTS.contains(&n) => {
                        INTS.iter().find(|i| **i == n).map(|i| Shape::Int(i))
                    }
                    (n, None) if FLOATS.contains(&n) => {
                        FLOATS.iter().find(|f| **f == n).map(|f| Shape::Float(f))
                    }
                    ("Option", Some(t)) => Some(Shape::Option(Box::new(Shape::of(t)?))),
                    ("Vec", Some(t)) => Some(Shape::Vec(Box::new(Shape::of(t)?))),
                    ("Box", Some(t)) => Some(Shape::Box(Box::new(Shape::of(t)?))),
                    ("Secret", Some(t)) => Some(Shape::Secret(Box::new(Shape::of(t)?))),
                    _ => Some(Shape::Model),
                }
            }
            _ => None,
        }
    }

    /// The innermost shape, under every `Option`, `Vec`, `Box` and `Secret`.
    pub fn leaf(&self) -> &Shape {
        match self {
            Shape::Option(s) | Shape::Vec(s) | Shape::Box(s) | Shape::Secret(s) => s.leaf(),
            s => s,
        }
    }

    /// What `min_len` / `max_len` count: the first `Vec` or string under `Option`, `Box` and
    /// `Secret` wrappers.
    pub fn len_target(&self) -> &Shape {
        match self {
            Shape::Option(s) | Shape::Box(s) | Shape::Secret(s) => s.len_target(),
            s => s,
        }
    }

    /// Whether the value is wrapped in `Secret` at some level.
    pub fn has_secret(&self) -> bool {
        match self {
            Shape::Secret(_) => true,
            Shape::Option(s) | Shape::Vec(s) | Shape::Box(s) => s.has_secret(),
            _ => false,
        }
    }

    pub fn is_option(&self) -> bool {
        matches!(self, Shape::Option(_))
    }

    /// How the type is written in messages (`Option<Vec<String>>`, `a model`).
    pub fn describe(&self) -> String {
        match self {
            Shape::Str => "String".into(),
            Shape::Bool => "bool".into(),
            Shape::Int(n) | Shape::Float(n) => (*n).into(),
            Shape::Option(s) => format!("Option<{}>", s.describe()),
            Shape::Vec(s) => format!("Vec<{}>", s.describe()),
            Shape::Box(s) => format!("Box<{}>", s.describe()),
            Shape::Secret(s) => format!("Secret<{}>", s.describe()),
            Shape::Model => "a model type".into(),
        }
    }
}

fn single_type_arg(args: &PathArguments) -> Option<&Type> {
    match args {
        PathArguments::AngleBracketed(a) if a.args.len() == 1 => match a.args.first() {
            Some(GenericArgument::Type(t)) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Container<'a> {
    /// Builds the model; `None` when the input is not a struct with named fields (the error
    /// is in `cx`).
    pub fn from_input(cx: &mut Ctxt, input: &'a syn::DeriveInput) -> Option<Container<'a>> {
        let attrs = attr::container(cx, &input.attrs);
        let named = match &input.data {
            syn::Data::Struct(s) => match &s.fields {
                syn::Fields::Named(named) => Some(named),
                syn::Fields::Unnamed(f) => {
                    cx.error_spanned_by(f, "`Model` needs a struct with named fields: the fields name the wire members; write `struct Name { field: Type }`");
                    None
                }
                syn::Fields::Unit => {
                    cx.error_spanned_by(
                        &input.ident,
                        "`Model` needs a struct with named fields; a unit struct has none",
                    );
                    None
                }
            },
            syn::Data::Enum(e) => {
                cx.error_at(
                    e.enum_token.span,
                    "`Model` can only be derived for a struct with named fields, not an enum",
                );
                None
            }
            syn::Data::Union(u) => {
                cx.error_at(
                    u.union_token.span,
                    "`Model` can only be derived for a struct with named fields, not a union",
                );
                None
            }
        };
        if !input.generics.params.is_empty() {
            cx.error_spanned_by(&input.generics, "`Model` does not support generic parameters: a documented model has concrete field types");
        }
        let named = named?;
        let rename_all = attrs.rename_all.as_ref().map(|a| a.value);
        let fields = named
            .named
            .iter()
            .filter_map(|f| {
                let ident = f.ident.as_ref()?;
                let field_attrs = attr::field(cx, &f.attrs);
                let plain = ident.to_string();
                let plain = plain.strip_prefix("r#").unwrap_or(&plain).to_owned();
                let (wire, wire_span) = match &field_attrs.rename {
                    Some(r) => (r.value.value(), r.value.span()),
                    None => (rename_all.map_or_else(|| plain.clone(), |rule| rule.apply(&plain)), ident.span()),
                };
                let shape = match Shape::of(&f.ty) {
                    Some(shape) => shape,
                    None => {
                        cx.error_spanned_by(&f.ty, "unsupported field type: use `String`, `bool`, a number, `Option<T>`, `Vec<T>`, `Box<T>`, `Secret<String>` or a type that derives `Model`");
                        Shape::Model
                    }
                };
                Some(Field {
                    ident,
                    ty: &f.ty,
                    wire,
                    wire_span,
                    shape,
                    attrs: field_attrs,
                    docs: attr::docs(&f.attrs),
                })
            })
            .collect();
        Some(Container {
            ident: &input.ident,
            attrs,
            docs: attr::docs(&input.attrs),
            fields,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(src: &str) -> Option<Shape> {
        Shape::of(&syn::parse_str::<Type>(src).unwrap())
    }

    #[test]
    fn reads_wrappers_and_leaves() {
        assert_eq!(shape("String"), Some(Shape::Str));
        assert_eq!(shape("std::string::String"), Some(Shape::Str));
        assert_eq!(shape("u32"), Some(Shape::Int("u32")));
        assert_eq!(
            shape("Option<Vec<Secret<String>>>"),
            Some(Shape::Option(Box::new(Shape::Vec(Box::new(
                Shape::Secret(Box::new(Shape::Str))
            )))))
        );
        assert_eq!(shape("Scope"), Some(Shape::Model));
        assert_eq!(shape("&'static str"), None);
        assert_eq!(shape("(u8, u8)"), None);
    }

    #[test]
    fn length_rules_count_the_first_vec_or_string() {
        let s = shape("Option<Vec<String>>").unwrap();
        assert!(matches!(s.len_target(), Shape::Vec(_)));
        assert_eq!(
            shape("Box<Option<String>>").unwrap().len_target(),
            &Shape::Str
        );
        assert_eq!(s.leaf(), &Shape::Str);
    }
}
