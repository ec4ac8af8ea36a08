//! The model of the type a derive is on: a struct's fields in declaration order (each with its
//! wire name, the shape of its type and its attributes) and its presence rules, a newtype's one
//! field, or a string enum's variants with their wire values. The emitters read only this.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{GenericArgument, Ident, PathArguments, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;

mod members;
mod presence;

pub use self::members::MemberRules;
pub use self::presence::{Named, Presence, When};

pub struct Container<'a> {
    pub ident: &'a Ident,
    pub generics: &'a syn::Generics,
    pub attrs: ContainerAttrs,
    /// The schema's `description`: the `description` key, or the doc comment.
    pub description: Option<String>,
    pub data: Data<'a>,
    /// A struct's `skip` fields: neither read nor written, each given its default.
    pub skipped: Vec<Field<'a>>,
    /// A struct's `flatten` fields: maps that take the members no field declares (the check
    /// allows one).
    pub flattened: Vec<Field<'a>>,
    /// A struct's presence rules (`required_one_of`, `required_any_of`, `not_all_of`, `when`,
    /// `requires`), each name resolved to one of `fields()`; none for other types.
    pub presence: Presence,
    /// A struct's rules on its object as a whole (`min_members`, `max_members`, `forbid`);
    /// none for other types.
    pub members: MemberRules,
}

/// What the type is on the wire.
pub enum Data<'a> {
    /// A struct with named fields: an object.
    Struct(Vec<Field<'a>>),
    /// A tuple struct with one field: that field's value.
    Newtype(Box<Field<'a>>),
    /// An enum of unit variants (and at most one catch-all): a string, or, when a variant has
    /// a `value` that is not a string, one of its JSON values (a value enum).
    Enum(Vec<Variant<'a>>),
    /// An enum with data, or with a representation set (`tag`, `untagged`, `one_of`): one of
    /// its variants, each an object, a value or a tag alone.
    Union(Vec<UnionVariant<'a>>),
}

/// How an enum with data is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repr {
    /// `{"circle": {...}}`, a unit variant as its tag.
    External,
    /// `{"type": "circle", ...}`.
    Internal,
    /// `{"t": "circle", "c": {...}}`.
    Adjacent,
    /// The first variant that accepts the value.
    Untagged,
    /// The one variant that accepts the value.
    OneOf,
}

/// A variant of an enum with data.
pub struct UnionVariant<'a> {
    pub ident: &'a Ident,
    /// The variant's name without `r#`.
    pub name: String,
    /// The tag: the variant's name on the wire.
    pub wire: String,
    pub wire_span: Span,
    pub wire_from: WireFrom,
    pub attrs: attr::VariantAttrs,
    pub syn: &'a syn::Variant,
    pub kind: VariantKind<'a>,
}

/// What a variant holds.
pub enum VariantKind<'a> {
    Unit,
    /// `Name(T)`: one field, the variant's value.
    Newtype(Box<Field<'a>>),
    /// `Name { ... }`: an object's members, each a field as a struct's.
    Struct(Vec<Field<'a>>),
}

impl<'a> VariantKind<'a> {
    /// The variant's fields: none, the one, or the struct variant's.
    pub fn fields(&self) -> &[Field<'a>] {
        match self {
            VariantKind::Unit => &[],
            VariantKind::Newtype(f) => core::slice::from_ref(f),
            VariantKind::Struct(fields) => fields,
        }
    }
}

/// A variant of an enum of unit variants: a string enum, or a value enum when a variant has a
/// `value` other than a string.
pub struct Variant<'a> {
    pub ident: &'a Ident,
    /// The variant's name without `r#`.
    pub name: String,
    /// The value on the wire when it is a string; unused for the catch-all and for a variant
    /// with a `scalar`.
    pub wire: String,
    /// Where the wire value is written: the `rename` or `value` literal, or the variant's name.
    pub wire_span: Span,
    pub wire_from: WireFrom,
    /// The catch-all `#[model(other)] Other(String)`: where `other` is written.
    pub other: Option<Span>,
    /// `value = 1`, `value = true`, `value = null`: the variant's JSON value when it is not a
    /// string (a string `value` is its `wire`).
    pub scalar: Option<attr::Attr<attr::Scalar>>,
}

pub struct Field<'a> {
    /// How the field is reached: its name, or `0` in a newtype.
    pub member: syn::Member,
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
    /// The property's `description`: the `description` key, or the doc comment.
    pub description: Option<String>,
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
    /// The variant's `value`, a string literal.
    Value,
}

/// What a field's type is, as far as the rules care, read from its syntax.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    Str,
    Bool,
    /// `()`: a value that is always `null`.
    Null,
    Int(&'static str),
    Float(&'static str),
    Option(Box<Shape>),
    Vec(Box<Shape>),
    /// `HashMap<String, V>` or `BTreeMap<String, V>`: the values' shape.
    Map(Box<Shape>),
    Box(Box<Shape>),
    Secret(Box<Shape>),
    /// Any other type: it must implement `Model`.
    Model,
    /// A field marked `opaque`: any type with its own serde impls.
    Opaque,
}

const INTS: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];
const FLOATS: &[&str] = &["f32", "f64"];
const SUPPORTED: &str = "use `String`, `bool`, an integer, `f32`, `f64`, `()` (a value that is always `null`), `Option<T>`, `Vec<T>`, `HashMap<String, V>`, `BTreeMap<String, V>`, `Box<T>`, `Secret<String>`, `serde_json::Value`, `serde_json::Map<String, Value>` or a type that derives `Model`";

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
                    // `serde_json::Map<String, Value>` too: an object of any members.
                    (map @ ("HashMap" | "BTreeMap" | "Map"), args)
                        if map != "Map" || two_type_args(args).is_some() =>
                    {
                        let Some((key, value)) = two_type_args(args) else {
                            return Err((
                                ty,
                                format!(
                                    "`{map}` takes two type arguments here, the member names' and the values' types, e.g. `{map}<String, u32>`"
                                ),
                            ));
                        };
                        if !matches!(Shape::parse(key), Ok(Shape::Str)) {
                            return Err((
                                key,
                                format!(
                                    "a map's keys are an object's member names, which are strings: write `{map}<String, V>`"
                                ),
                            ));
                        }
                        Ok(Shape::Map(Box::new(Shape::parse(value)?)))
                    }
                    (
                        "IndexMap" | "HashSet" | "BTreeSet" | "IndexSet" | "VecDeque"
                        | "LinkedList" | "BinaryHeap",
                        PathArguments::AngleBracketed(_),
                    ) => unsupported(
                        &format!("`{name}`"),
                        "use `Vec<T>` for a list, `HashMap<String, V>` or `BTreeMap<String, V>` for an object with any members, or a struct that derives `Model` for an object with known members",
                    ),
                    (_, PathArguments::None) => Ok(Shape::Model),
                    // A generic model, such as `Page<Client>`.
                    (_, PathArguments::AngleBracketed(args))
                        if args
                            .args
                            .iter()
                            .all(|a| matches!(a, GenericArgument::Type(_))) =>
                    {
                        Ok(Shape::Model)
                    }
                    (_, _) => unsupported(
                        &format!("`{name}` with these generic arguments"),
                        &format!(
                            "a model owns its values and takes types as arguments only; {SUPPORTED}"
                        ),
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
            Type::Tuple(t) if t.elems.is_empty() => Ok(Shape::Null),
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

    /// The shape of an `opaque` field: an `Option` of it is still optional.
    fn opaque(ty: &Type) -> Shape {
        match ty {
            Type::Group(g) => Shape::opaque(&g.elem),
            Type::Paren(p) => Shape::opaque(&p.elem),
            Type::Path(p) if p.qself.is_none() => match p.path.segments.last() {
                Some(last) if last.ident == "Option" => match single_type_arg(&last.arguments) {
                    Some(inner) => Shape::Option(Box::new(Shape::opaque(inner))),
                    None => Shape::Opaque,
                },
                _ => Shape::Opaque,
            },
            _ => Shape::Opaque,
        }
    }

    /// The value the field's own rules apply to: the shape under `Option`, `Box` and `Secret`
    /// (a `Vec`'s items and a map's values have rules of their own, `items(...)` and
    /// `values(...)`).
    pub fn value(&self) -> &Shape {
        match self {
            Shape::Option(s) | Shape::Box(s) | Shape::Secret(s) => s.value(),
            s => s,
        }
    }

    /// Whether the value is wrapped in `Secret` at some level.
    pub fn has_secret(&self) -> bool {
        match self {
            Shape::Secret(_) => true,
            Shape::Option(s) | Shape::Vec(s) | Shape::Map(s) | Shape::Box(s) => s.has_secret(),
            _ => false,
        }
    }

    pub fn is_option(&self) -> bool {
        matches!(self, Shape::Option(_))
    }

    /// `Option<Option<T>>`: absent is `None`, `null` is `Some(None)`.
    pub fn is_double_option(&self) -> bool {
        matches!(self, Shape::Option(inner) if inner.is_option())
    }

    /// How the type is written in messages (`Option<Vec<String>>`, `a model`).
    pub fn describe(&self) -> String {
        match self {
            Shape::Str => "String".into(),
            Shape::Bool => "bool".into(),
            Shape::Null => "()".into(),
            Shape::Int(n) | Shape::Float(n) => (*n).into(),
            Shape::Option(s) => format!("Option<{}>", s.describe()),
            Shape::Vec(s) => format!("Vec<{}>", s.describe()),
            Shape::Map(s) => format!("HashMap<String, {}>", s.describe()),
            Shape::Box(s) => format!("Box<{}>", s.describe()),
            Shape::Secret(s) => format!("Secret<{}>", s.describe()),
            Shape::Model => "a model type".into(),
            Shape::Opaque => "an `opaque` type".into(),
        }
    }
}

fn two_type_args(args: &PathArguments) -> Option<(&Type, &Type)> {
    match args {
        PathArguments::AngleBracketed(a) if a.args.len() == 2 => {
            match (a.args.first(), a.args.last()) {
                (Some(GenericArgument::Type(k)), Some(GenericArgument::Type(v))) => Some((k, v)),
                _ => None,
            }
        }
        _ => None,
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
    /// Builds the model; `None` when the input is not a type the derive takes (the error is
    /// in `cx`).
    pub fn from_input(cx: &mut Ctxt, input: &'a syn::DeriveInput) -> Option<Container<'a>> {
        let attrs = attr::container(cx, &input.attrs);
        let rename_all = attrs.rename_all.as_ref().map(|a| a.value);
        let data = match &input.data {
            syn::Data::Struct(s) => match &s.fields {
                syn::Fields::Named(named) => Some(Data::Struct(
                    named
                        .named
                        .iter()
                        .filter_map(|f| {
                            let member = syn::Member::from(f.ident.clone()?);
                            Some(Field::from_syn(cx, f, member, rename_all))
                        })
                        .collect(),
                )),
                syn::Fields::Unnamed(f) if f.unnamed.len() == 1 => {
                    let field = &f.unnamed[0];
                    Some(Data::Newtype(Box::new(Field::from_syn(
                        cx,
                        field,
                        syn::Member::from(0),
                        None,
                    ))))
                }
                syn::Fields::Unnamed(f) => {
                    cx.error_spanned_by(f, "`Model` takes a tuple struct with exactly one field, a newtype whose value is that field's: for an object, name the members with `struct Name { field: Type }`");
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
            syn::Data::Enum(e) if is_union(&attrs, e) => {
                let fields_rule = attrs.rename_all_fields.as_ref().map(|a| a.value);
                UnionVariant::all(cx, e, rename_all, fields_rule).map(Data::Union)
            }
            syn::Data::Enum(e) => Variant::all(cx, e, rename_all).map(Data::Enum),
            syn::Data::Union(u) => {
                cx.error_at(
                    u.union_token.span,
                    "`Model` cannot be derived for a union: describe an object as `struct Name { field: Type }`, or a set of string values as an enum of unit variants",
                );
                None
            }
        };
        for param in &input.generics.params {
            match param {
                syn::GenericParam::Type(_) => match &data {
                    Some(Data::Union(_)) => cx.error_spanned_by(param, "an enum with data that derives `Model` takes no type parameter: name the types its variants hold, or wrap the enum in a generic struct"),
                    Some(Data::Enum(_)) => cx.error_spanned_by(param, "an enum that derives `Model` is one of its string values, which hold no type: remove the parameter"),
                    _ => {}
                },
                syn::GenericParam::Lifetime(_) => cx.error_spanned_by(param, "`Model` cannot be derived for a type with a lifetime: a model owns its values (`String`, not `&str`); remove the lifetime"),
                syn::GenericParam::Const(_) => cx.error_spanned_by(param, "`Model` cannot be derived for a type with a const parameter: a model's rules and schema are fixed when it expands; remove the parameter"),
            }
        }
        let (data, skipped, flattened, presence) = match data? {
            Data::Struct(fields) => {
                let (skipped, fields): (Vec<_>, Vec<_>) =
                    fields.into_iter().partition(|f| f.attrs.skip.is_some());
                let (flattened, fields): (Vec<_>, Vec<_>) =
                    fields.into_iter().partition(|f| f.attrs.flatten.is_some());
                let presence = Presence::of(&attrs, &fields);
                (Data::Struct(fields), skipped, flattened, presence)
            }
            data => (data, Vec::new(), Vec::new(), Presence::default()),
        };
        let members = match data {
            Data::Struct(_) => MemberRules::of(&attrs),
            _ => MemberRules::default(),
        };
        Some(Container {
            ident: &input.ident,
            generics: &input.generics,
            description: attr::description(attrs.description.as_ref(), &input.attrs),
            attrs,
            data,
            skipped,
            flattened,
            presence,
            members,
        })
    }

    /// The type parameters, each with whether a field that is not `opaque` holds it (then it
    /// must be a `Model`; a parameter only `opaque` fields hold needs only serde's traits).
    pub fn type_params(&self) -> Vec<(&'a Ident, bool)> {
        self.generics
            .type_params()
            .map(|param| {
                let checked = self
                    .fields()
                    .iter()
                    .chain(&self.flattened)
                    .filter(|f| f.attrs.opaque.is_none())
                    .any(|f| mentions(f.ty, &param.ident));
                (&param.ident, checked)
            })
            .collect()
    }

    /// How an enum with data is written, from its attributes.
    pub fn repr(&self) -> Repr {
        let a = &self.attrs;
        match (&a.tag, &a.content, a.untagged, a.one_of) {
            (Some(_), Some(_), _, _) => Repr::Adjacent,
            (Some(_), None, _, _) => Repr::Internal,
            (None, _, Some(_), _) => Repr::Untagged,
            (None, _, None, Some(_)) => Repr::OneOf,
            _ => Repr::External,
        }
    }

    /// A struct's fields, or a newtype's one field; none for an enum.
    pub fn fields(&self) -> &[Field<'a>] {
        match &self.data {
            Data::Struct(fields) => fields,
            Data::Newtype(field) => core::slice::from_ref(field),
            Data::Enum(_) | Data::Union(_) => &[],
        }
    }
}

impl<'a> Field<'a> {
    /// Whether an absent member is `None`: an `Option` not marked `required`.
    pub fn absent_is_none(&self) -> bool {
        self.shape.is_option() && self.attrs.required.is_none()
    }

    /// Whether the member must be present: neither an `Option` (unless `required`) nor
    /// given a default.
    pub fn is_required(&self) -> bool {
        !self.absent_is_none() && self.attrs.default.is_none()
    }

    /// Whether `None` is left out when writing: an `Option` that an absent member reads as
    /// `None`. A `required` one writes `null`, and so does one whose default may be something
    /// else (a literal, a function), since an absent member would read back as that.
    pub fn skips_none(&self) -> bool {
        self.absent_is_none()
            && matches!(
                self.attrs.default.as_ref().map(|d| &d.value),
                None | Some(attr::DefaultValue::Trait)
            )
    }

    fn from_syn(
        cx: &mut Ctxt,
        f: &'a syn::Field,
        member: syn::Member,
        rename_all: Option<RenameRule>,
    ) -> Field<'a> {
        let field_attrs = attr::field(cx, &f.attrs);
        let (name, span) = match &f.ident {
            Some(ident) => (ident.unraw().to_string(), ident.span()),
            None => ("0".to_owned(), syn::spanned::Spanned::span(&f.ty)),
        };
        let (wire, wire_span, wire_from) = wire_name(&name, span, &field_attrs.rename, rename_all);
        // A skipped field's type is never read nor written: any type with a default.
        let parsed = match (field_attrs.opaque, field_attrs.skip) {
            (_, Some(_)) => Ok(Shape::Opaque),
            (Some(_), None) => Ok(Shape::opaque(&f.ty)),
            (None, None) => Shape::parse(&f.ty),
        };
        let (shape, unsupported_type) = match parsed {
            Ok(shape) => (shape, false),
            Err((at, msg)) => {
                cx.error_spanned_by(at, msg);
                (Shape::Model, true)
            }
        };
        Field {
            member,
            name,
            ty: &f.ty,
            wire,
            wire_span,
            wire_from,
            shape,
            unsupported_type,
            description: attr::description(field_attrs.description.as_ref(), &f.attrs),
            attrs: field_attrs,
        }
    }
}

/// Whether `ty` names `ident` anywhere in its tokens (a type parameter, in practice).
pub fn mentions(ty: &Type, ident: &Ident) -> bool {
    fn walk(tokens: proc_macro2::TokenStream, ident: &Ident) -> bool {
        tokens.into_iter().any(|tt| match tt {
            proc_macro2::TokenTree::Ident(i) => &i == ident,
            proc_macro2::TokenTree::Group(g) => walk(g.stream(), ident),
            _ => false,
        })
    }
    walk(quote::ToTokens::to_token_stream(ty), ident)
}

/// A wire name and where it comes from: the `rename` literal, the name under `rename_all`, or
/// the name itself.
fn wire_name(
    name: &str,
    span: Span,
    rename: &Option<attr::Attr<syn::LitStr>>,
    rename_all: Option<RenameRule>,
) -> (String, Span, WireFrom) {
    match (rename, rename_all) {
        (Some(r), _) => (r.value.value(), r.value.span(), WireFrom::Rename),
        (None, Some(rule)) => (rule.apply(name), span, WireFrom::RenameAll(rule)),
        (None, None) => (name.to_owned(), span, WireFrom::Name),
    }
}

/// Whether an enum is one with data (or written with a representation), rather than a string
/// enum: a variant holds data and is not the catch-all, or `tag`, `content`, `untagged` or
/// `one_of` is set.
fn is_union(attrs: &ContainerAttrs, e: &syn::DataEnum) -> bool {
    let repr = attrs.tag.is_some()
        || attrs.content.is_some()
        || attrs.untagged.is_some()
        || attrs.one_of.is_some();
    let catch_all = |v: &syn::Variant| {
        v.attrs.iter().any(|a| {
            a.path().is_ident("model")
                && matches!(&a.meta, syn::Meta::List(l) if l.tokens.clone().into_iter().any(|t| matches!(t, proc_macro2::TokenTree::Ident(i) if i == "other")))
        })
    };
    repr || e
        .variants
        .iter()
        .any(|v| !matches!(v.fields, syn::Fields::Unit) && !catch_all(v))
}

impl<'a> UnionVariant<'a> {
    /// The variants of an enum with data, each with its fields.
    fn all(
        cx: &mut Ctxt,
        e: &'a syn::DataEnum,
        rename_all: Option<RenameRule>,
        rename_all_fields: Option<RenameRule>,
    ) -> Option<Vec<UnionVariant<'a>>> {
        if e.variants.is_empty() {
            cx.error_at(
                e.enum_token.span,
                "an enum with no variants has no value to read: add a variant",
            );
            return None;
        }
        let mut variants = Vec::new();
        for v in &e.variants {
            let attrs = attr::variant(cx, &v.attrs);
            let name = v.ident.unraw().to_string();
            let (wire, wire_span, wire_from) = variant_wire(&name, v, &attrs, rename_all);
            if let Some(span) = attrs.other {
                cx.error_at(span, "the catch-all `other` belongs to an enum of string values; an enum with data reads each variant by its tag: remove `other`");
            }
            if let Some(value) = &attrs.value {
                let msg = match &v.fields {
                    syn::Fields::Unit => "`value` belongs to an enum of unit variants; in an enum with data, a unit variant is written as its tag: remove `value`, or name the tag with `rename = \"...\"`".to_owned(),
                    _ => format!("`value` gives a unit variant its JSON value, but variant `{}` holds data: remove `value`", v.ident),
                };
                cx.error_at(value.span, msg);
            }
            let kind = match &v.fields {
                syn::Fields::Unit => VariantKind::Unit,
                syn::Fields::Unnamed(f) if f.unnamed.len() == 1 => VariantKind::Newtype(Box::new(
                    Field::from_syn(cx, &f.unnamed[0], syn::Member::from(0), None),
                )),
                syn::Fields::Unnamed(f) => {
                    cx.error_spanned_by(f, format!("variant `{}` holds {} values in a tuple; a variant holds one value, `{}(T)`, or named fields, `{} {{ a: A, b: B }}`, which are an object's members", v.ident, f.unnamed.len(), v.ident, v.ident));
                    VariantKind::Unit
                }
                syn::Fields::Named(named) => VariantKind::Struct(
                    named
                        .named
                        .iter()
                        .filter_map(|f| {
                            let member = syn::Member::from(f.ident.clone()?);
                            Some(Field::from_syn(cx, f, member, rename_all_fields))
                        })
                        .collect(),
                ),
            };
            variants.push(UnionVariant {
                ident: &v.ident,
                name,
                wire,
                wire_span,
                wire_from,
                attrs,
                syn: v,
                kind,
            });
        }
        Some(variants)
    }
}

/// A variant's wire value (its tag): its `rename` (or string `value`), its name under
/// `rename_all`, or its name.
fn variant_wire(
    name: &str,
    v: &syn::Variant,
    attrs: &attr::VariantAttrs,
    rename_all: Option<RenameRule>,
) -> (String, Span, WireFrom) {
    if let (
        None,
        Some(attr::Attr {
            value: attr::VariantValue::Str(lit),
            ..
        }),
    ) = (&attrs.rename, &attrs.value)
    {
        return (lit.value(), lit.span(), WireFrom::Value);
    }
    match (&attrs.rename, rename_all) {
        (None, Some(rule)) => (
            rule.apply_to_variant(name),
            v.ident.span(),
            WireFrom::RenameAll(rule),
        ),
        (rename, _) => wire_name(name, v.ident.span(), rename, None),
    }
}

/// A variant's `value` when it is a number, a boolean or `null`.
fn variant_scalar(attrs: &attr::VariantAttrs) -> Option<attr::Attr<attr::Scalar>> {
    let value = attrs.value.as_ref()?;
    match value.value {
        attr::VariantValue::Scalar(scalar) => Some(attr::Attr {
            value: scalar,
            span: value.span,
            tokens: value.tokens.clone(),
        }),
        attr::VariantValue::Str(_) => None,
    }
}

const ENUM_SHAPE: &str = "an enum that derives `Model` is one of its string values: its variants are unit variants, plus at most one catch-all `#[model(other)] Other(String)`";

impl<'a> Variant<'a> {
    /// The variants of a string enum; every variant that holds data, other than one catch-all,
    /// is an error.
    fn all(
        cx: &mut Ctxt,
        e: &'a syn::DataEnum,
        rename_all: Option<RenameRule>,
    ) -> Option<Vec<Variant<'a>>> {
        if e.variants.is_empty() {
            cx.error_at(
                e.enum_token.span,
                format!("an enum with no variants has no value to read; {ENUM_SHAPE}"),
            );
            return None;
        }
        let mut variants: Vec<Variant<'a>> = Vec::new();
        for v in &e.variants {
            let attrs = attr::variant(cx, &v.attrs);
            let name = v.ident.unraw().to_string();
            let (wire, wire_span, wire_from) = variant_wire(&name, v, &attrs, rename_all);
            let other = attrs.other;
            match (&v.fields, other) {
                (syn::Fields::Unit, None) => {}
                (syn::Fields::Unit, Some(span)) => cx.error_at(
                    span,
                    format!("the catch-all variant holds the value it takes: write `{}(String)`", v.ident),
                ),
                (syn::Fields::Unnamed(f), Some(_)) if f.unnamed.len() == 1 => {
                    if !matches!(Shape::parse(&f.unnamed[0].ty), Ok(Shape::Str)) {
                        cx.error_spanned_by(
                            &f.unnamed[0].ty,
                            format!("the catch-all variant holds the value as a `String`: write `{}(String)`", v.ident),
                        );
                    }
                }
                (fields, Some(_)) => cx.error_spanned_by(
                    fields,
                    format!("the catch-all variant holds exactly one `String`: write `{}(String)`", v.ident),
                ),
                (fields, None) => cx.error_spanned_by(
                    fields,
                    format!("variant `{}` holds data; {ENUM_SHAPE}; mark a variant that takes every other value with `#[model(other)]`", v.ident),
                ),
            }
            if let (Some(span), Some(first)) = (other, variants.iter().find(|v| v.other.is_some()))
            {
                cx.error_at(
                    span,
                    format!("a second catch-all: `{}` already takes every other value; keep one `#[model(other)]`", first.ident),
                );
            }
            if other.is_some() {
                if let Some(rename) = &attrs.rename {
                    cx.error_at(
                        rename.span,
                        "the catch-all variant has no wire value of its own: remove `rename`",
                    );
                }
                if let Some(value) = &attrs.value {
                    cx.error_at(
                        value.span,
                        "the catch-all variant has no wire value of its own: remove `value`",
                    );
                }
            } else if let (Some(value), Some(_)) = (&attrs.value, &attrs.rename) {
                cx.error_at(
                    value.span,
                    "`value` and `rename` both give the variant's value on the wire: keep one",
                );
            }
            if let Some(description) = &attrs.description {
                cx.error_at(
                    description.span,
                    "`description` on a variant describes the object of its fields, in an enum with data; this enum's values are listed in one `enum` of its schema, with no description of their own: remove `description`, and describe the values in the enum's own `description` or doc comment",
                );
            }
            let scalar = match other {
                Some(_) => None,
                None => variant_scalar(&attrs),
            };
            variants.push(Variant {
                ident: &v.ident,
                name,
                wire,
                wire_span,
                wire_from,
                other,
                scalar,
            });
        }
        let catch_all = variants.iter().find_map(|v| v.other);
        if let (Some(span), Some(valued)) =
            (catch_all, variants.iter().find(|v| v.scalar.is_some()))
        {
            cx.error_at(
                span,
                format!(
                    "a catch-all takes every other string, but this enum's values are JSON values, such as variant `{}`'s `value = {}`: remove `other`, or the enum's non-string values",
                    valued.ident,
                    valued.scalar.as_ref().map_or_else(String::new, |s| s.value.json())
                ),
            );
        }
        Some(variants)
    }
}

impl Variant<'_> {
    /// The variant's value as JSON text: its scalar, or its wire name quoted.
    pub fn json(&self) -> String {
        match &self.scalar {
            Some(scalar) => scalar.value.json(),
            None => crate::json::quote(&self.wire),
        }
    }
}

/// Whether an enum of unit variants is a value enum: a variant's `value` is a number, a
/// boolean or `null`.
pub fn is_value_enum(variants: &[Variant]) -> bool {
    variants.iter().any(|v| v.scalar.is_some())
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
        assert_eq!(shape("()"), Some(Shape::Null));
        assert_eq!(
            shape("Option<Vec<Box<()>>>"),
            Some(Shape::Option(Box::new(Shape::Vec(Box::new(Shape::Box(
                Box::new(Shape::Null)
            ))))))
        );
        assert_eq!(shape("&'static str"), None);
        assert_eq!(shape("(u8, u8)"), None);
    }

    #[test]
    fn a_field_s_rules_apply_under_option_box_and_secret() {
        let s = shape("Option<Vec<String>>").unwrap();
        assert!(matches!(s.value(), Shape::Vec(_)));
        assert_eq!(
            shape("Box<Option<Secret<String>>>").unwrap().value(),
            &Shape::Str
        );
        assert_eq!(
            shape("std::collections::BTreeMap<String, Option<u8>>").unwrap(),
            Shape::Map(Box::new(Shape::Option(Box::new(Shape::Int("u8")))))
        );
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
            refusal("HashSet<String>")
                .1
                .starts_with("`HashSet` cannot be a field")
        );
        assert_eq!(
            refusal("HashMap<u32, u8>"),
            (
                "u32".to_owned(),
                "a map's keys are an object's member names, which are strings: write `HashMap<String, V>`".to_owned()
            )
        );
        assert!(
            refusal("Cow<'static, str>")
                .1
                .starts_with("`Cow` with these generic arguments")
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
    fn structs_newtypes_and_string_enums() {
        assert!(container_errors("struct A { a: u8 }").is_empty());
        assert!(container_errors("struct A {}").is_empty());
        assert!(container_errors("struct A(u8);").is_empty());
        assert!(container_errors("enum A { B, C }").is_empty());
        assert!(container_errors("enum A { B, #[model(other)] C(String) }").is_empty());
        assert!(container_errors("union A { b: u8 }")[0].contains("a union"));
        assert!(container_errors("struct A(u8, u8);")[0].contains("exactly one field"));
        assert!(container_errors("struct A;")[0].ends_with("write `struct A {}`"));
        assert!(container_errors("struct A<T> { a: T }").is_empty());
        assert!(container_errors("struct A<'a> { a: String }")[0].contains("a lifetime"));
    }

    #[test]
    fn a_string_enum_holds_no_data_but_in_one_catch_all() {
        let e = container_errors(
            r#"enum A {
                B,
                #[model(other)] D(String),
                #[model(other)] E(String),
                #[model(other)] F,
                #[model(other)] G(u8),
                #[model(other)] H(String, String),
            }"#,
        );
        assert_eq!(e.len(), 7, "{e:#?}");
        assert!(e[0].starts_with("a second catch-all: `D`"), "{}", e[0]);
        assert!(e[1].ends_with("write `F(String)`"), "{}", e[1]);
        assert!(e[2].starts_with("a second catch-all"), "{}", e[2]);
        assert!(
            e[3].starts_with("the catch-all variant holds the value as a `String`"),
            "{}",
            e[3]
        );
        assert!(
            e[5].starts_with("the catch-all variant holds exactly one `String`"),
            "{}",
            e[5]
        );
        assert!(container_errors("enum A {}")[0].starts_with("an enum with no variants"));
    }

    #[test]
    fn an_enum_with_data_is_a_union_of_its_variants() {
        let input: syn::DeriveInput = syn::parse_str(
            r#"#[model(rename_all_fields = "camelCase")] enum A { B(u8), C { c_d: u8 }, E }"#,
        )
        .unwrap();
        let mut cx = Ctxt::default();
        let cont = Container::from_input(&mut cx, &input).unwrap();
        assert!(cx.finish().is_ok());
        let Data::Union(variants) = &cont.data else {
            panic!("not a union")
        };
        assert!(matches!(variants[0].kind, VariantKind::Newtype(_)));
        assert_eq!(variants[1].kind.fields()[0].wire, "cD");
        assert!(matches!(variants[2].kind, VariantKind::Unit));
        assert_eq!(cont.repr(), Repr::External);
        // A representation makes a union of unit variants too; a catch-all is refused there.
        let e = container_errors(r#"#[model(tag = "t")] enum A { B, #[model(other)] C(String) }"#);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("the catch-all `other` belongs to an enum of string values"));
        assert!(container_errors("enum A { B(u8, u8) }")[0].contains("holds 2 values in a tuple"));
        assert!(container_errors("enum A<T> { B(T) }")[0].starts_with("an enum with data"));
    }

    #[test]
    fn a_value_enum_is_an_enum_of_unit_variants_with_a_non_string_value() {
        let input: syn::DeriveInput = syn::parse_str(
            r#"#[model(rename_all = "lowercase")] enum A {
                #[model(value = 1)] One,
                #[model(value = "half")] Half,
                Auto,
            }"#,
        )
        .unwrap();
        let mut cx = Ctxt::default();
        let cont = Container::from_input(&mut cx, &input).unwrap();
        assert!(cx.finish().is_ok());
        let Data::Enum(variants) = &cont.data else {
            panic!("not an enum of unit variants")
        };
        assert!(is_value_enum(variants));
        let json: Vec<String> = variants.iter().map(Variant::json).collect();
        assert_eq!(json, ["1", "\"half\"", "\"auto\""]);
        assert_eq!(variants[1].wire_from, WireFrom::Value);
        // A string `value` alone is a `rename`: the enum stays a string enum.
        let input: syn::DeriveInput =
            syn::parse_str(r#"enum B { #[model(value = "b")] B, C }"#).unwrap();
        let cont = Container::from_input(&mut Ctxt::default(), &input).unwrap();
        let Data::Enum(variants) = &cont.data else {
            panic!("not an enum of unit variants")
        };
        assert!(!is_value_enum(variants));
        assert_eq!(variants[0].wire, "b");
    }

    #[test]
    fn value_is_refused_beside_rename_in_a_catch_all_and_in_an_enum_with_data() {
        let e = container_errors(
            r#"enum A {
                #[model(value = 1, rename = "one")] One,
                #[model(other, value = "x")] Other(String),
            }"#,
        );
        assert_eq!(
            e,
            [
                "`value` and `rename` both give the variant's value on the wire: keep one",
                "the catch-all variant has no wire value of its own: remove `value`",
                "a catch-all takes every other string, but this enum's values are JSON values, such as variant `One`'s `value = 1`: remove `other`, or the enum's non-string values",
            ]
        );
        // A catch-all beside string values only is a string enum's.
        assert!(
            container_errors(r#"enum A { #[model(value = "a")] A, #[model(other)] B(String) }"#)
                .is_empty()
        );
        let e = container_errors(
            r#"enum A { #[model(value = 1)] B(u8), #[model(value = 2)] C, D { d: u8 } }"#,
        );
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e[0].starts_with(
                "`value` gives a unit variant its JSON value, but variant `B` holds data"
            ),
            "{}",
            e[0]
        );
        assert!(
            e[1].starts_with("`value` belongs to an enum of unit variants"),
            "{}",
            e[1]
        );
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
        assert_eq!(cont.fields()[0].wire, "aB");
        assert_eq!(
            cont.fields()[0].wire_from,
            WireFrom::RenameAll(RenameRule::Camel)
        );
        assert_eq!(cont.fields()[1].wire, "x");
        assert_eq!(cont.fields()[1].wire_from, WireFrom::Rename);
    }
}
