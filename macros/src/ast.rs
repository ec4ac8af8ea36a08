//! The model of a struct: its fields in declaration order, each with its wire name, the shape
//! of its type and its attributes. The emitters read only this.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{GenericArgument, Ident, PathArguments, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;

pub struct Container<'a> {
    pub ident: &'a Ident,
    pub attrs: ContainerAttrs,
    pub docs: Option<String>,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub ident: &'a Ident,
    /// The field's name without `r#` (`type` for `r#type`): what wire names and generated
    /// names are made from.
    pub name: String,
    pub ty: &'a Type,
    /// The name on the wire.
    pub wire: String,
    /// Where the wire name is written: the `rename` literal, or the field's name.
    pub wire_span: Span,
    /// How the wire name was made, for messages.
    pub wire_from: WireFrom,
    pub shape: Shape,
    /// The type is not one the derive supports (already reported); `shape` is a stand-in and
    /// the rules are not checked against it.
    pub unsupported_type: bool,
    pub attrs: FieldAttrs,
    pub docs: Option<String>,
}

/// How a field's wire name was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireFrom {
    /// The field's own name.
    Name,
    /// The field's name under the container's `rename_all`.
    RenameAll(RenameRule),
    /// The field's `rename`.
    Rename,
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
const SUPPORTED: &str = "use `String`, `bool`, an integer, `f32`, `f64`, `Option<T>`, `Vec<T>`, `Box<T>`, `Secret<String>` or a type that derives `Model`";

impl Shape {
    /// Reads the shape of `ty`, or `None` for a type that cannot be a field (a reference, a
    /// tuple, an array...).
    #[cfg(test)]
    pub fn of(ty: &Type) -> Option<Shape> {
        Shape::parse(ty).ok()
    }

    /// Reads the shape of `ty`; for a type that cannot be a field, the part of `ty` at fault
    /// and a message that says what to write instead.
    pub fn parse(ty: &Type) -> Result<Shape, (&Type, String)> {
        let unsupported = |what: &str, instead: &str| {
            Err((
                ty,
                format!("{what} cannot be a field of a model: {instead}"),
            ))
        };
        match ty {
            Type::Group(g) => Shape::parse(&g.elem),
            Type::Paren(p) => Shape::parse(&p.elem),
            Type::Path(p) if p.qself.is_none() => {
                let Some(last) = p.path.segments.last() else {
                    return unsupported("this type", SUPPORTED);
                };
                let name = last.ident.to_string();
                match (name.as_str(), &last.arguments) {
                    ("String", PathArguments::None) => Ok(Shape::Str),
                    ("bool", PathArguments::None) => Ok(Shape::Bool),
                    (n, PathArguments::None) if INTS.contains(&n) => Ok(INTS
                        .iter()
                        .find(|i| **i == n)
                        .map(|i| Shape::Int(i))
                        .unwrap_or(Shape::Model)),
                    (n, PathArguments::None) if FLOATS.contains(&n) => Ok(FLOATS
                        .iter()
                        .find(|f| **f == n)
                        .map(|f| Shape::Float(f))
                        .unwrap_or(Shape::Model)),
                    ("char", PathArguments::None) => unsupported(
                        "`char`",
                        "use `String` with `#[model(min_len = 1, max_len = 1)]`",
                    ),
                    ("str", PathArguments::None) => unsupported("`str`", "use `String`"),
                    (wrapper @ ("Option" | "Vec" | "Box" | "Secret"), args) => {
                        let Some(inner) = single_type_arg(args) else {
                            return Err((
                                ty,
                                format!(
                                    "`{wrapper}` takes one type argument here, e.g. `{wrapper}<String>`"
                                ),
                            ));
                        };
                        let inner = Box::new(Shape::parse(inner)?);
                        Ok(match wrapper {
                            "Option" => Shape::Option(inner),
                            "Vec" => Shape::Vec(inner),
                            "Box" => Shape::Box(inner),
                            _ => Shape::Secret(inner),
                        })
                    }
                    (
                        "HashMap" | "BTreeMap" | "IndexMap" | "Map" | "HashSet" | "BTreeSet"
                        | "IndexSet" | "VecDeque" | "LinkedList" | "BinaryHeap",
                        PathArguments::AngleBracketed(_),
                    ) => unsupported(
                        &format!("`{name}`"),
                        "use `Vec<T>` for a list, or a struct that derives `Model` for an object with known members",
                    ),
                    (_, PathArguments::None) => Ok(Shape::Model),
                    (_, _) => unsupported(
                        &format!("`{name}` with generic arguments"),
                        &format!("a type that derives `Model` has none; {SUPPORTED}"),
                    ),
                }
            }
            Type::Reference(r) => {
                let owned = match Shape::parse(&r.elem) {
                    Err(_) if matches!(&*r.elem, Type::Path(p) if p.path.is_ident("str")) => {
                        "`String`"
                    }
                    Err(_) if matches!(&*r.elem, Type::Slice(_)) => "`Vec<T>`",
                    _ => "the owned type",
                };
                unsupported(
                    "a reference",
                    &format!("a model owns its values; use {owned}"),
                )
            }
            Type::Tuple(t) if t.elems.is_empty() => unsupported("`()`", SUPPORTED),
            Type::Tuple(_) => unsupported(
                "a tuple",
                "use a struct that derives `Model`, whose fields name the members",
            ),
            Type::Array(_) | Type::Slice(_) => unsupported(
                "an array",
                "use `Vec<T>`, with `#[model(min_len = N, max_len = N)]` for a fixed length",
            ),
            _ => unsupported("this type", SUPPORTED),
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
                        format!("`Model` needs a struct with named fields; for an object with no members write `struct {} {{}}`", input.ident),
                    );
                    None
                }
            },
            syn::Data::Enum(e) => {
                cx.error_at(
                    e.enum_token.span,
                    "`Model` can only be derived for a struct with named fields, not an enum: describe the object as `struct Name { field: Type }`",
                );
                None
            }
            syn::Data::Union(u) => {
                cx.error_at(
                    u.union_token.span,
                    "`Model` can only be derived for a struct with named fields, not a union: describe the object as `struct Name { field: Type }`",
                );
                None
            }
        };
        if !input.generics.params.is_empty() {
            cx.error_spanned_by(&input.generics, "`Model` cannot be derived for a generic struct: a model's rules and schema are fixed when it expands; remove the parameters and name concrete field types");
        }
        let named = named?;
        let rename_all = attrs.rename_all.as_ref().map(|a| a.value);
        let fields = named
            .named
            .iter()
            .filter_map(|f| {
                let ident = f.ident.as_ref()?;
                let field_attrs = attr::field(cx, &f.attrs);
                let name = ident.unraw().to_string();
                let (wire, wire_span, wire_from) = match (&field_attrs.rename, rename_all) {
                    (Some(r), _) => (r.value.value(), r.value.span(), WireFrom::Rename),
                    (None, Some(rule)) => {
                        (rule.apply(&name), ident.span(), WireFrom::RenameAll(rule))
                    }
                    (None, None) => (name.clone(), ident.span(), WireFrom::Name),
                };
                let (shape, unsupported_type) = match Shape::parse(&f.ty) {
                    Ok(shape) => (shape, false),
                    Err((at, msg)) => {
                        cx.error_spanned_by(at, msg);
                        (Shape::Model, true)
                    }
                };
                Some(Field {
                    ident,
                    name,
                    ty: &f.ty,
                    wire,
                    wire_span,
                    wire_from,
                    shape,
                    unsupported_type,
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

    fn refusal(src: &str) -> (String, String) {
        let ty = syn::parse_str::<Type>(src).unwrap();
        let (at, msg) = Shape::parse(&ty).unwrap_err();
        (quote::ToTokens::to_token_stream(at).to_string(), msg)
    }

    #[test]
    fn unsupported_types_say_what_to_use_instead() {
        let (at, msg) = refusal("Option<&'static str>");
        assert_eq!(at, "& 'static str");
        assert!(msg.ends_with("use `String`"), "{msg}");
        assert!(
            refusal("(u8, u8)")
                .1
                .starts_with("a tuple cannot be a field")
        );
        assert!(refusal("[String; 2]").1.contains("use `Vec<T>`"));
        assert!(
            refusal("char")
                .1
                .contains("`String` with `#[model(min_len = 1, max_len = 1)]`")
        );
        assert!(
            refusal("HashMap<String, u8>")
                .1
                .starts_with("`HashMap` cannot be a field")
        );
        assert!(
            refusal("Cow<'static, str>")
                .1
                .starts_with("`Cow` with generic arguments")
        );
        assert!(
            refusal("Option<u8, u8>")
                .1
                .starts_with("`Option` takes one type argument")
        );
        let (at, _) = refusal("Vec<Box<[u8]>>");
        assert_eq!(at, "[u8]");
    }

    fn container_errors(src: &str) -> Vec<String> {
        let input: syn::DeriveInput = syn::parse_str(src).unwrap();
        let mut cx = Ctxt::default();
        let _ = Container::from_input(&mut cx, &input);
        match cx.finish() {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn only_structs_with_named_fields() {
        assert!(container_errors("struct A { a: u8 }").is_empty());
        assert!(container_errors("struct A {}").is_empty());
        assert!(container_errors("enum A { B }")[0].contains("not an enum"));
        assert!(container_errors("union A { b: u8 }")[0].contains("not a union"));
        assert!(container_errors("struct A(u8);")[0].contains("named fields"));
        assert!(container_errors("struct A;")[0].ends_with("write `struct A {}`"));
        assert!(container_errors("struct A<T> { a: T }")[0].contains("generic struct"));
    }

    #[test]
    fn records_where_each_wire_name_comes_from() {
        let input: syn::DeriveInput = syn::parse_str(
            r#"#[model(rename_all = "camelCase")] struct A { a_b: u8, #[model(rename = "x")] c: u8 }"#,
        )
        .unwrap();
        let mut cx = Ctxt::default();
        let cont = Container::from_input(&mut cx, &input).unwrap();
        assert!(cx.finish().is_ok());
        assert_eq!(cont.fields[0].wire, "aB");
        assert_eq!(
            cont.fields[0].wire_from,
            WireFrom::RenameAll(RenameRule::Camel)
        );
        assert_eq!(cont.fields[1].wire, "x");
        assert_eq!(cont.fields[1].wire_from, WireFrom::Rename);
    }
}
