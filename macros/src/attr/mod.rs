//! Reads `#[model(...)]` attributes into typed values, each with the span of its key and the
//! tokens of its value.
//!
//! A mistake in one key is recorded and parsing goes on with the next key, so that every
//! mistake of a struct is reported in one compile. Each message says how to mend the mistake.
//!
//! `keys` holds the table of keys, `literal` reads their values, `members` reads the lists of
//! field names of the presence rules, `when` reads a conditional one, `suggest` finds the key
//! meant by an unknown one, `docs` takes a description from the `description` key or the doc
//! comment.

mod docs;
mod keys;
mod literal;
mod members;
mod suggest;
mod when;

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

use self::keys::{Key, Place, Read};
use self::literal::{rest_of_item, value_tokens};
use crate::case::RenameRule;
use crate::charset::CharsetSpec;
use crate::ctxt::Ctxt;
use crate::pattern::PatternSpec;

pub use self::docs::description;
pub use self::suggest::closest_name;

/// A value, the span of the attribute key that set it, and the value's tokens as written.
#[derive(Clone, Debug)]
pub struct Attr<T> {
    pub value: T,
    /// The key (`max_len` in `max_len = 86`).
    pub span: Span,
    /// The value as written (`86`, `-1`, `"A-Z"`): errors about the value point here.
    pub tokens: TokenStream,
}

impl<T> Attr<T> {
    /// The key and its value (`max = 60`): errors about the pair point here.
    pub fn pair(&self) -> TokenStream {
        let mut out = TokenStream::new();
        out.extend([TokenTree::Ident(Ident::new("key", self.span))]);
        out.extend(self.tokens.clone());
        out
    }
}

/// A number literal of `min` / `max`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Int(i128),
    Float(f64),
}

impl Number {
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(v) => v as f64,
            Number::Float(v) => v,
        }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Int(v) => write!(f, "{v}"),
            Number::Float(v) => write!(f, "{v:?}"),
        }
    }
}

/// `#[model(...)]` on the struct; each slot is filled by its key in `keys::KEYS`.
#[derive(Default)]
pub struct ContainerAttrs {
    pub rename_all: Option<Attr<RenameRule>>,
    pub deny_unknown_fields: Option<Span>,
    /// A function that checks the whole value.
    pub custom: Option<Attr<syn::Path>>,
    /// The schema's `examples` of the whole value, a JSON array checked at expansion.
    pub examples: Option<Attr<LitStr>>,
    /// The schema's `title`, in place of the type's name (the `$defs` key stays the name).
    pub title: Option<Attr<LitStr>>,
    /// The schema's `deprecated: true`.
    pub deprecated: Option<Span>,
    /// The schema's `description`, as written, in place of the doc comment.
    pub description: Option<Attr<LitStr>>,
    /// The schema's `format` of the whole value, an annotation.
    pub format: Option<Attr<LitStr>>,
    /// The schema's `readOnly: true`: the type's values are sent by the server only.
    pub read_only: Option<Span>,
    /// The schema's `writeOnly: true`: the type's values are sent to the server only.
    pub write_only: Option<Span>,
    /// An enum's tag member, inside the object (or beside `content`).
    pub tag: Option<Attr<LitStr>>,
    /// An enum's content member, beside `tag`.
    pub content: Option<Attr<LitStr>>,
    /// An enum whose first variant (in declaration order) that accepts a value takes it.
    pub untagged: Option<Span>,
    /// An enum of which exactly one variant must accept a value.
    pub one_of: Option<Span>,
    /// The wire names of the fields of an enum's struct variants.
    pub rename_all_fields: Option<Attr<RenameRule>>,
    /// `required_one_of(...)`, `required_any_of(...)`, `not_all_of(...)` and `when(...)`, in
    /// the order written (each key may be given more than once).
    pub required_of: Vec<Attr<RequiredOf>>,
    /// `forbid("a", "b")`: member names the object must not have, each list as written (the
    /// key may be given more than once).
    pub forbid: Vec<Attr<Vec<LitStr>>>,
    /// The fewest members the object may have.
    pub min_members: Option<Attr<usize>>,
    /// The most members the object may have.
    pub max_members: Option<Attr<usize>>,
}

impl ContainerAttrs {
    /// The keys of the rules on the object as a whole (`min_members`, `max_members`,
    /// `forbid`), each with where it is written, in that order.
    pub fn member_rules(&self) -> Vec<(&'static str, Span)> {
        let min = self.min_members.as_ref().map(|a| ("min_members", a.span));
        let max = self.max_members.as_ref().map(|a| ("max_members", a.span));
        let forbid = self.forbid.iter().map(|a| ("forbid", a.span));
        min.into_iter().chain(max).chain(forbid).collect()
    }
}

/// `required_one_of(a, (b, c))`, `required_any_of(...)`, `not_all_of(a, b)` or
/// `when(k = "v", required(a, b))`: of the items, each a field or a group of fields (present
/// when each of its fields is), exactly one (at least one) must be present; or the fields, not
/// all present at once; or, when the condition holds, its consequence.
#[derive(Clone, Debug)]
pub struct RequiredOf {
    pub kind: ChoiceKind,
    /// The items in the order written, each the fields it names (one for a field alone; always
    /// one for `not_all_of` and for the consequence of `when`).
    pub items: Vec<Vec<Ident>>,
    /// The condition and the kind of consequence of `when`; `None` for the other rules.
    pub when: Option<Condition>,
}

/// The condition of `when(kind = "a" | "b", required(x))` (`kind = "a" | "b"`) and which
/// consequence it has.
#[derive(Clone, Debug)]
pub struct Condition {
    /// The field whose member's value the condition reads, as written in Rust.
    pub field: Ident,
    /// The values, in the order written, each a JSON value other than `null`; the condition
    /// holds when the member is present and holds one of them.
    pub values: Vec<ConditionValue>,
    pub consequence: Consequence,
}

/// One value of a condition, with its tokens as written (where an error about it points).
#[derive(Clone)]
pub struct ConditionValue {
    /// A string, a number or a boolean (a condition on `null` is refused when read).
    pub value: VariantValue,
    pub tokens: TokenStream,
}

impl std::fmt::Debug for ConditionValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.json())
    }
}

impl ConditionValue {
    /// The value as JSON text: what the schema holds and messages quote.
    pub fn json(&self) -> String {
        match &self.value {
            VariantValue::Str(s) => crate::json::quote(&s.value()),
            VariantValue::Scalar(scalar) => scalar.json(),
        }
    }

    /// Whether two values are one JSON value, numbers by their mathematical value.
    pub fn same(&self, other: &ConditionValue) -> bool {
        match (&self.value, &other.value) {
            (VariantValue::Str(a), VariantValue::Str(b)) => a.value() == b.value(),
            (VariantValue::Scalar(a), VariantValue::Scalar(b)) => a.same(*b),
            _ => false,
        }
    }
}

/// What `when` asks of the members it lists once its condition holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consequence {
    /// `required(a, b)`: each is present.
    Required,
    /// `not_all(a, b)`: not all are present at once (with one: it is absent).
    NotAll,
}

impl Consequence {
    /// The key that writes it.
    pub fn key(self) -> &'static str {
        match self {
            Consequence::Required => "required",
            Consequence::NotAll => "not_all",
        }
    }
}

/// Which rule a [`RequiredOf`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceKind {
    /// `required_one_of`: exactly one item present.
    ExactlyOne,
    /// `required_any_of`: at least one item present.
    AtLeastOne,
    /// `not_all_of`: not every field present at once.
    NotAll,
    /// `when`: a consequence on fields, when another field's member holds a value.
    When,
}

impl RequiredOf {
    /// The key that wrote it.
    pub fn key(&self) -> &'static str {
        match self.kind {
            ChoiceKind::ExactlyOne => "required_one_of",
            ChoiceKind::AtLeastOne => "required_any_of",
            ChoiceKind::NotAll => "not_all_of",
            ChoiceKind::When => "when",
        }
    }
}

/// `#[model(...)]` on a field; each slot is filled by its key in `keys::KEYS`.
#[derive(Default)]
pub struct FieldAttrs {
    pub rename: Option<Attr<LitStr>>,
    pub charset: Option<Attr<CharsetSpec>>,
    /// A string must match it: a JSON Schema pattern, compiled.
    pub pattern: Option<Attr<PatternSpec>>,
    /// A string must match none of them: JSON Schema patterns, compiled, in the order written.
    pub not_pattern: Vec<Attr<PatternSpec>>,
    pub min_len: Option<Attr<usize>>,
    pub max_len: Option<Attr<usize>>,
    pub min: Option<Attr<Number>>,
    pub max: Option<Attr<Number>>,
    pub exclusive_min: Option<Attr<Number>>,
    pub exclusive_max: Option<Attr<Number>>,
    pub multiple_of: Option<Attr<Number>>,
    pub unique: Option<Span>,
    /// The rules of each item of a `Vec`.
    pub items: Option<Attr<Box<FieldAttrs>>>,
    /// The rules of each member name of a map.
    pub keys: Option<Attr<Box<FieldAttrs>>>,
    /// The rules of each value of a map.
    pub values: Option<Attr<Box<FieldAttrs>>>,
    /// Read and written by the type's own serde impls, with no rule.
    pub opaque: Option<Span>,
    /// A function that checks the field's value.
    pub custom: Option<Attr<syn::Path>>,
    /// The JSON Schema of an `opaque` field, checked to be a JSON object.
    pub schema: Option<Attr<LitStr>>,
    /// The value an absent field takes: `default`, `default = 250`, `default = path`.
    pub default: Option<Attr<DefaultValue>>,
    /// On an `Option`: the member must be present (`null` is still `None`).
    pub required: Option<Span>,
    /// On an `Option`: the member may be absent, but `null` is refused.
    pub not_null: Option<Span>,
    /// When the member is present, these fields' members must be present too.
    pub requires: Option<Attr<Vec<Ident>>>,
    /// The field is neither read nor written, and takes its default.
    pub skip: Option<Span>,
    /// The field, a map, takes every member no other field declares.
    pub flatten: Option<Span>,
    /// The schema's `format`, an annotation: `uri`, `int64`.
    pub format: Option<Attr<LitStr>>,
    /// The `format` is checked, not only an annotation.
    pub check_format: Option<Span>,
    /// The schema's `readOnly`: the value is sent by the server only.
    pub read_only: Option<Span>,
    /// The schema's `writeOnly`: the value is sent to the server only.
    pub write_only: Option<Span>,
    /// The schema's `examples`, a JSON array checked at expansion.
    pub examples: Option<Attr<LitStr>>,
    /// The schema's `title` of the value.
    pub title: Option<Attr<LitStr>>,
    /// The schema's `deprecated: true`.
    pub deprecated: Option<Span>,
    /// The property's `description`, as written, in place of the doc comment (not an
    /// annotation of the value: a list's items take none).
    pub description: Option<Attr<LitStr>>,
}

impl FieldAttrs {
    /// Whether an annotation (a schema keyword that checks nothing) is set.
    pub fn annotates(&self) -> bool {
        self.format.is_some()
            || self.read_only.is_some()
            || self.write_only.is_some()
            || self.examples.is_some()
            || self.title.is_some()
            || self.deprecated.is_some()
    }
}

/// What `default` gives an absent field.
#[derive(Clone)]
pub enum DefaultValue {
    /// `default` alone: `Default::default()`.
    Trait,
    /// `default = path`: a function `fn() -> T`.
    Function(syn::Path),
    /// `default = 250`, `default = "auto"`, `default = true`, `default = -1.5`.
    Literal(DefaultLiteral),
}

/// A literal `default`, with its sign.
#[derive(Clone, Debug, PartialEq)]
pub enum DefaultLiteral {
    Str(String),
    Bool(bool),
    Number(Number),
}

impl DefaultLiteral {
    /// The literal as JSON text: what the schema's `default` holds.
    pub fn json(&self) -> String {
        match self {
            DefaultLiteral::Str(s) => crate::json::quote(s),
            DefaultLiteral::Bool(b) => b.to_string(),
            DefaultLiteral::Number(Number::Int(v)) => v.to_string(),
            DefaultLiteral::Number(Number::Float(v)) => {
                let text = format!("{v:?}");
                // JSON has no `inf`; the reader refuses infinite literals before this.
                text.replace("inf", "1e999")
            }
        }
    }
}

/// `#[model(...)]` on an enum's variant; each slot is filled by its key in `keys::KEYS`.
#[derive(Default)]
pub struct VariantAttrs {
    pub rename: Option<Attr<LitStr>>,
    pub other: Option<Span>,
    /// The schema's `deprecated: true` on the variant.
    pub deprecated: Option<Span>,
    /// The `description` of a struct variant's branch, as written, in place of the doc comment.
    pub description: Option<Attr<LitStr>>,
    /// The JSON value a unit variant is on the wire: `value = 1`, `value = null`.
    pub value: Option<Attr<VariantValue>>,
}

/// The literal of a variant's `value = ...`.
#[derive(Clone)]
pub enum VariantValue {
    /// A string literal: the variant's wire name, as `rename` gives it.
    Str(LitStr),
    /// A number, a boolean or `null`.
    Scalar(Scalar),
}

/// A JSON value other than a string, as a variant's `value` writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    /// An integer within `i64::MIN..=u64::MAX`, what a JSON reader hands over exactly.
    Int(i128),
    /// A finite float.
    Float(f64),
}

impl Scalar {
    /// The value as JSON text: what the schema lists and messages quote.
    pub fn json(self) -> String {
        match self {
            Scalar::Null => "null".to_owned(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(v) => v.to_string(),
            // `Debug` keeps the fraction (`1.0`) and writes exponents as JSON reads them
            // (`1e300`, `1e-7`); the reader refuses what is not finite.
            Scalar::Float(v) => format!("{v:?}"),
        }
    }

    /// Whether two values are the same JSON value, as JSON Schema compares them: numbers by
    /// their mathematical value, so `1` and `1.0` are one value.
    pub fn same(self, other: Scalar) -> bool {
        match (self, other) {
            (Scalar::Int(i), Scalar::Float(f)) | (Scalar::Float(f), Scalar::Int(i)) => {
                f.fract() == 0.0 && f.abs() < 1e30 && f as i128 == i
            }
            (a, b) => a == b,
        }
    }
}

pub fn container(cx: &mut Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    read_attrs(cx, attrs, Place::Container, |key| key.container.as_ref())
}

pub fn field(cx: &mut Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    read_attrs(cx, attrs, Place::Field, |key| key.field.as_ref())
}

pub fn variant(cx: &mut Ctxt, attrs: &[Attribute]) -> VariantAttrs {
    read_attrs(cx, attrs, Place::Variant, |key| key.variant.as_ref())
}

/// Reads every key of every `#[model(...)]` in `attrs` into the attributes of `place`;
/// `read_here` gives how a key of the table is read there, `None` where it is not allowed.
fn read_attrs<A: Default>(
    cx: &mut Ctxt,
    attrs: &[Attribute],
    place: Place,
    read_here: fn(&Key) -> Option<&Read<A>>,
) -> A {
    let mut out = A::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("model")) {
        let list = match &attr.meta {
            syn::Meta::List(list) if matches!(list.delimiter, syn::MacroDelimiter::Paren(_)) => {
                list
            }
            meta => {
                cx.error_spanned_by(
                    meta,
                    format!(
                        "`model` takes its keys in parentheses, e.g. `{}`",
                        place.example()
                    ),
                );
                continue;
            }
        };
        read_list(cx, list.tokens.clone(), place, read_here, &mut out);
    }
    out
}

/// Reads the keys of one list (`max_len = 86, secret`) into `out`. Each item between commas is
/// read on its own, so that a syntax error in one does not hide the mistakes in the others.
fn read_list<A>(
    cx: &mut Ctxt,
    tokens: TokenStream,
    place: Place,
    read_here: fn(&Key) -> Option<&Read<A>>,
    out: &mut A,
) {
    for item in split_items(tokens) {
        if let Some(TokenTree::Literal(lit)) = item.clone().into_iter().next() {
            cx.error_spanned_by(
                &lit,
                format!(
                    "expected a key, found a literal: write `key = value`, e.g. `{}`",
                    place.key_example()
                ),
            );
            continue;
        }
        let result = syn::meta::parser(|meta| {
            let name = key_name(&meta);
            let known = keys::lookup(&name).and_then(|key| Some((key, read_here(key)?)));
            match known {
                Some((key, read)) => read_key(cx, &meta, key, place, read, out),
                None => unknown(cx, &meta, &name, place),
            }
        })
        .parse2(item);
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
}

/// The items of an attribute's list, split at its top-level commas; empty items are dropped.
fn split_items(tokens: TokenStream) -> Vec<TokenStream> {
    let mut items = vec![TokenStream::new()];
    for tt in tokens {
        match &tt {
            TokenTree::Punct(p) if p.as_char() == ',' => items.push(TokenStream::new()),
            _ => items.last_mut().unwrap().extend([tt]),
        }
    }
    items.retain(|item| !item.is_empty());
    items
}

fn key_name(meta: &ParseNestedMeta) -> String {
    meta.path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_else(|| {
            quote::ToTokens::to_token_stream(&meta.path)
                .to_string()
                .replace(' ', "")
        })
}

/// Reads one known key as `read` says, into its slot of `attrs`.
fn read_key<A>(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
    place: Place,
    read: &Read<A>,
    attrs: &mut A,
) -> syn::Result<()> {
    match *read {
        Read::Flag(slot) => flag(cx, meta, key, place, slot(attrs)),
        Read::WireName(slot) => value(cx, meta, key, place, slot(attrs), literal::wire_name),
        Read::Schema(slot) => value(cx, meta, key, place, slot(attrs), literal::schema),
        Read::Examples(slot) => value(cx, meta, key, place, slot(attrs), literal::examples),
        Read::Text(slot) => value(cx, meta, key, place, slot(attrs), literal::text),
        Read::Function(slot) => value(cx, meta, key, place, slot(attrs), literal::function),
        Read::RenameRule(slot) => value(cx, meta, key, place, slot(attrs), literal::rename_rule),
        Read::Charset(slot) => value(cx, meta, key, place, slot(attrs), literal::charset),
        Read::Pattern(slot) => value(cx, meta, key, place, slot(attrs), literal::pattern),
        Read::Patterns(slot) => {
            let mut one = None;
            value(cx, meta, key, place, &mut one, literal::pattern)?;
            slot(attrs).extend(one);
            Ok(())
        }
        Read::Length(slot) => value(cx, meta, key, place, slot(attrs), literal::length),
        Read::Number(slot) => value(cx, meta, key, place, slot(attrs), literal::number),
        Read::VariantValue(slot) => {
            value(cx, meta, key, place, slot(attrs), literal::variant_value)
        }
        Read::Nested(slot) => nested(cx, meta, key, place, slot(attrs)),
        Read::Default(slot) => default_value(cx, meta, key, place, slot(attrs)),
        Read::Groups(exactly_one, slot) => {
            if let Some(rule) = members::groups(cx, meta, key, exactly_one)? {
                slot(attrs).push(rule);
            }
            Ok(())
        }
        Read::NotAll(slot) => {
            if let Some(rule) = members::not_all(cx, meta, key)? {
                slot(attrs).push(rule);
            }
            Ok(())
        }
        Read::When(slot) => {
            if let Some(rule) = when::when(cx, meta, key)? {
                slot(attrs).push(rule);
            }
            Ok(())
        }
        Read::WireNames(slot) => {
            if let Some(names) = members::wire_names(cx, meta, key)? {
                slot(attrs).push(names);
            }
            Ok(())
        }
        Read::Names(slot) => {
            let Some(names) = members::names(cx, meta, key)? else {
                return Ok(());
            };
            let slot = slot(attrs);
            if slot.is_some() {
                cx.error_at(names.span, duplicate(place, key.name));
            } else {
                *slot = Some(names);
            }
            Ok(())
        }
    }
}

/// `default` alone, or `default = ` a literal or the path of a function.
fn default_value(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
    place: Place,
    slot: &mut Option<Attr<DefaultValue>>,
) -> syn::Result<()> {
    let span = meta.path.span();
    let (value, tokens) = if meta.input.peek(Token![=]) {
        let Some(tokens) = value_tokens(cx, meta, key)? else {
            return Ok(());
        };
        let Some(value) = literal::default_value(cx, key, &tokens) else {
            return Ok(());
        };
        (value, tokens)
    } else {
        let rest = rest_of_item(meta.input)?;
        if !rest.is_empty() {
            cx.error_spanned_by(
                &rest,
                "`default` takes its value after `=`: write `default` alone for `Default::default()`, `default = 250` for a literal, or `default = path` for a function",
            );
            return Ok(());
        }
        (DefaultValue::Trait, TokenStream::new())
    };
    if slot.is_some() {
        cx.error_at(span, duplicate(place, key.name));
    } else {
        *slot = Some(Attr {
            value,
            span,
            tokens,
        });
    }
    Ok(())
}

/// A list of rules in parentheses, `items(max_len = 2000)`: read as a field's own keys, into a
/// nested `FieldAttrs`. A second occurrence of the key is an error on the second key.
fn nested(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
    place: Place,
    slot: &mut Option<Attr<Box<FieldAttrs>>>,
) -> syn::Result<()> {
    let span = meta.path.span();
    if !meta.input.peek(syn::token::Paren) {
        let rest = rest_of_item(meta.input)?;
        let msg = format!(
            "`{}` takes a list of rules in parentheses, e.g. `{}`",
            key.name, key.example
        );
        if rest.is_empty() {
            cx.error_at(span, msg);
        } else {
            cx.error_spanned_by(&rest, msg);
        }
        return Ok(());
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let tokens: TokenStream = content.parse()?;
    let mut inner = FieldAttrs::default();
    read_list(
        cx,
        tokens.clone(),
        Place::Field,
        |key| key.field.as_ref(),
        &mut inner,
    );
    if slot.is_some() {
        cx.error_at(span, duplicate(place, key.name));
    } else {
        *slot = Some(Attr {
            value: Box::new(inner),
            span,
            tokens,
        });
    }
    Ok(())
}

/// A key that takes a value: reads it with `parse` into `slot`. A second occurrence of the key
/// is an error on the second key.
fn value<T>(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
    place: Place,
    slot: &mut Option<Attr<T>>,
    parse: fn(&mut Ctxt, &Key, &TokenStream) -> Option<T>,
) -> syn::Result<()> {
    let Some(tokens) = value_tokens(cx, meta, key)? else {
        return Ok(());
    };
    let Some(value) = parse(cx, key, &tokens) else {
        return Ok(());
    };
    let span = meta.path.span();
    if slot.is_some() {
        cx.error_at(span, duplicate(place, key.name));
    } else {
        *slot = Some(Attr {
            value,
            span,
            tokens,
        });
    }
    Ok(())
}

fn duplicate(place: Place, key: &str) -> String {
    format!(
        "duplicate `{key}`: {} already sets it; keep only one `{key}`",
        place.owner()
    )
}

/// A key that takes no value: `secret`, `default`, `deny_unknown_fields`.
fn flag(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
    place: Place,
    slot: &mut Option<Span>,
) -> syn::Result<()> {
    let key = key.name;
    let span = meta.path.span();
    let value = if meta.input.peek(Token![=]) {
        let _eq: Token![=] = meta.input.parse()?;
        Some(rest_of_item(meta.input)?)
    } else if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        Some(rest_of_item(meta.input)?)
    } else {
        None
    };
    if let Some(tokens) = value {
        let msg = format!("`{key}` takes no value: write `{key}` alone");
        if tokens.is_empty() {
            cx.error_at(span, msg);
        } else {
            cx.error_spanned_by(&tokens, msg);
        }
        return Ok(());
    }
    if slot.is_some() {
        cx.error_at(span, duplicate(place, key));
    } else {
        *slot = Some(span);
    }
    Ok(())
}

/// A key not allowed at `place`: one of another place, or one the table does not have.
fn unknown(cx: &mut Ctxt, meta: &ParseNestedMeta, key: &str, place: Place) -> syn::Result<()> {
    let kind = place.kind();
    let last = meta
        .path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    let elsewhere = keys::lookup(key).and_then(|k| k.places().next());
    let msg = if key == "secret" {
        "there is no `secret` attribute: a field is secret by its type, `Secret<String>` (also in an `Option`, `Vec`, map or newtype), which keeps the value out of `Debug` and of every error, wipes it on drop and marks the schema `writeOnly`; remove `secret`, and give the field that type".to_owned()
    } else if let Some(other) = elsewhere {
        format!(
            "`{key}` is a {} attribute, not a {kind} attribute: move it into a `#[model(...)]` {}",
            other.kind(),
            other.on()
        )
    } else {
        let known = place.keys();
        let list = known
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        match suggest::suggest_key(&last, &known) {
            Some(s) => format!(
                "unknown {kind} attribute `{key}`; did you mean {s}? The {kind} attributes are {list}"
            ),
            None => format!("unknown {kind} attribute `{key}`; the {kind} attributes are {list}"),
        }
    };
    cx.error_spanned_by(&meta.path, msg);
    // Skip its value, if any, so the keys after it are still read.
    if meta.input.peek(Token![=]) {
        let _eq: Token![=] = meta.input.parse()?;
    }
    rest_of_item(meta.input)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(cx: Ctxt) -> Vec<String> {
        match cx.finish() {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    pub(super) fn field_attrs(src: &str) -> (FieldAttrs, Vec<String>) {
        let item: syn::DeriveInput =
            syn::parse_str(&format!("struct S {{ {src} f: String }}")).unwrap();
        let mut cx = Ctxt::default();
        let syn::Data::Struct(syn::DataStruct {
            fields: syn::Fields::Named(named),
            ..
        }) = &item.data
        else {
            unreachable!()
        };
        let attrs = field(&mut cx, &named.named[0].attrs);
        (attrs, messages(cx))
    }

    fn container_attrs(src: &str) -> (ContainerAttrs, Vec<String>) {
        let item: syn::DeriveInput = syn::parse_str(&format!("{src} struct S {{}}")).unwrap();
        let mut cx = Ctxt::default();
        let attrs = container(&mut cx, &item.attrs);
        (attrs, messages(cx))
    }

    #[test]
    fn reads_every_field_key() {
        let (a, errors) = field_attrs(
            r#"#[model(rename = "id", charset = "a-z", min_len = 1, max_len = 86)]
               #[model(min = -1, max = 0.5, unique, default)]"#,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(a.rename.unwrap().value.value(), "id");
        assert_eq!(a.charset.unwrap().value.text, "a-z");
        assert_eq!(a.min_len.unwrap().value, 1);
        assert_eq!(a.max_len.unwrap().value, 86);
        assert_eq!(a.min.unwrap().value, Number::Int(-1));
        assert_eq!(a.max.unwrap().value, Number::Float(0.5));
        assert!(a.unique.is_some() && a.default.is_some());
    }

    /// `not_pattern` may be given more than once, each a rule; without the `pattern` feature,
    /// each is an error that names the key and the feature.
    #[test]
    fn not_pattern_may_repeat() {
        let (a, errors) = field_attrs(
            r#"#[model(not_pattern = "^a", pattern = "b")]
               #[model(not_pattern = "c")]"#,
        );
        if cfg!(feature = "pattern") {
            assert!(errors.is_empty(), "{errors:?}");
            let texts: Vec<_> = a
                .not_pattern
                .iter()
                .map(|p| p.value.text.as_str())
                .collect();
            assert_eq!(texts, ["^a", "c"]);
            assert_eq!(a.pattern.unwrap().value.text, "b");
        } else {
            assert_eq!(errors.len(), 3, "{errors:?}");
            assert!(
                errors[0].starts_with("`not_pattern` needs the `pattern` feature"),
                "{errors:?}"
            );
            assert!(errors[1].starts_with("`pattern` needs the `pattern` feature"));
            assert!(errors[2].starts_with("`not_pattern` needs the `pattern` feature"));
        }
    }

    #[test]
    fn every_mistake_of_a_list_is_reported() {
        let (a, errors) = field_attrs(
            r#"#[model(max_length = 5, min_len = "1", unique = true, max_len = 2, max_len = 3)]"#,
        );
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors[0].contains("did you mean `max_len`?"));
        assert!(errors[1].contains("write `min_len = 1`"));
        assert!(errors[2].contains("`unique` takes no value"));
        assert!(errors[3].contains("duplicate `max_len`: this field already sets it"));
        assert_eq!(a.max_len.unwrap().value, 2);
    }

    #[test]
    fn keys_in_the_wrong_place_are_named() {
        let (_, errors) = field_attrs("#[model(rename_all = \"camelCase\", deny_unknown_fields)]");
        assert!(errors[0].starts_with("`rename_all` is a container attribute"));
        assert!(errors[1].starts_with("`deny_unknown_fields` is a container attribute"));
        let (_, errors) = container_attrs("#[model(rename = \"x\", unique)]");
        assert!(errors[0].starts_with("`rename` is a field attribute"));
        assert!(errors[1].starts_with("`unique` is a field attribute"));
    }

    #[test]
    fn secret_is_no_attribute_and_says_why() {
        let (_, errors) = field_attrs("#[model(secret, max_len = 3)]");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("there is no `secret` attribute: a field is secret by its type"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn container_keys() {
        let (a, errors) =
            container_attrs("#[model(rename_all = \"kebab-case\", deny_unknown_fields)]");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(a.rename_all.unwrap().value, RenameRule::Kebab);
        assert!(a.deny_unknown_fields.is_some());
        let (_, errors) = container_attrs(
            "#[model(rename_all = \"camelCase\")] #[model(rename_all = \"snake_case\")]",
        );
        assert_eq!(
            errors,
            ["duplicate `rename_all`: this struct already sets it; keep only one `rename_all`"]
        );
        let (_, errors) = container_attrs("#[model] #[model = \"x\"]");
        assert_eq!(errors.len(), 2);
        assert!(errors[0].starts_with("`model` takes its keys in parentheses"));
    }

    #[test]
    fn presence_rules_are_lists_of_fields_and_groups() {
        let (a, errors) = container_attrs(
            "#[model(required_one_of(a, (b, c),), required_any_of(r#type, (d)))] #[model(required_one_of(e, f))]",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let rules: Vec<(&str, Vec<Vec<String>>)> = a
            .required_of
            .iter()
            .map(|r| {
                let items = r.value.items.iter();
                let names = items.map(|i| i.iter().map(ToString::to_string).collect());
                (r.value.key(), names.collect())
            })
            .collect();
        let names = |items: &[&[&str]]| -> Vec<Vec<String>> {
            items
                .iter()
                .map(|i| i.iter().map(|n| (*n).to_owned()).collect())
                .collect()
        };
        assert_eq!(
            rules,
            [
                ("required_one_of", names(&[&["a"], &["b", "c"]])),
                ("required_any_of", names(&[&["r#type"], &["d"]])),
                ("required_one_of", names(&[&["e"], &["f"]])),
            ]
        );
        let (f, errors) = field_attrs("#[model(requires(x, y))]");
        assert!(errors.is_empty(), "{errors:?}");
        let needs: Vec<String> = f
            .requires
            .unwrap()
            .value
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(needs, ["x", "y"]);
    }

    #[test]
    fn when_is_a_condition_and_a_consequence() {
        let (a, errors) = container_attrs(
            r#"#[model(required_any_of(a, b), when(r#type = "x" | -1 | 2.5 | true | "", required(a, b,)))]
               #[model(when(kind = 0, not_all(c)))]"#,
        );
        assert!(errors.is_empty(), "{errors:?}");
        // Each rule as `key: field = values => consequence(items)`.
        let rules: Vec<String> = a
            .required_of
            .iter()
            .map(|r| {
                let items: Vec<String> = r
                    .value
                    .items
                    .iter()
                    .flatten()
                    .map(ToString::to_string)
                    .collect();
                match &r.value.when {
                    None => format!("{}({})", r.value.key(), items.join(", ")),
                    Some(w) => {
                        let values: Vec<String> =
                            w.values.iter().map(ConditionValue::json).collect();
                        format!(
                            "{}: {} = {} => {}({})",
                            r.value.key(),
                            w.field,
                            values.join(" | "),
                            w.consequence.key(),
                            items.join(", ")
                        )
                    }
                }
            })
            .collect();
        assert_eq!(
            rules,
            [
                "required_any_of(a, b)",
                r#"when: r#type = "x" | -1 | 2.5 | true | "" => required(a, b)"#,
                "when: kind = 0 => not_all(c)",
            ]
        );
    }

    #[test]
    fn every_malformed_part_of_when_is_reported_and_the_rule_dropped() {
        let (a, errors) = container_attrs(
            r#"#[model(when(kind = "a" | null, absent(x)), when(= "a", required(x)), when(kind = 1 | 1.0 | 1e0, required((x))))]
               #[model(when(kind = "a", not_all(y), required(x)), when(kind : "a", required(x)), when(kind = "a", required(1)))]"#,
        );
        assert_eq!(errors.len(), 9, "{errors:#?}");
        assert!(
            errors[0].starts_with("a condition on `null` is not supported"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].starts_with("unknown consequence `absent`"),
            "{}",
            errors[1]
        );
        assert!(errors[1].contains("`not_all(x)`"), "{}", errors[1]);
        assert!(
            errors[2].starts_with("expected the condition, `field = value`"),
            "{}",
            errors[2]
        );
        assert_eq!(
            errors[3],
            "1.0 is listed twice (as 1, which JSON Schema counts as equal): name each value once"
        );
        assert!(
            errors[4].starts_with("1.0 is listed twice"),
            "{}",
            errors[4]
        );
        assert!(
            errors[5].starts_with("`required` takes field names, not groups"),
            "{}",
            errors[5]
        );
        assert!(
            errors[6].starts_with("`when` takes one consequence"),
            "{}",
            errors[6]
        );
        assert!(
            errors[7].starts_with("expected `=` after `kind`"),
            "{}",
            errors[7]
        );
        assert!(
            errors[8].starts_with("expected a field name, found a literal"),
            "{}",
            errors[8]
        );
        assert!(a.required_of.is_empty());
    }

    #[test]
    fn every_malformed_item_of_a_presence_rule_is_reported() {
        let (a, errors) = container_attrs(
            r#"#[model(required_one_of(a, "b", (), (c, (d)), e::f, (g, 1)), required_any_of)]"#,
        );
        assert_eq!(errors.len(), 6, "{errors:#?}");
        assert!(errors[0].contains("found a literal"), "{}", errors[0]);
        assert!(errors[1].starts_with("an empty group names no field"));
        assert!(errors[2].starts_with("a group holds field names, not other groups"));
        assert!(errors[3].starts_with("expected a field name or a group"));
        assert!(errors[4].starts_with("expected a field name, found a literal"));
        assert!(errors[5].starts_with("`required_any_of` takes a list of field names"));
        // What could be read is kept, so that its names are checked too.
        assert_eq!(a.required_of.len(), 1);
        assert_eq!(a.required_of[0].value.items.len(), 1);
        let (_, errors) = field_attrs("#[model(requires((a, b)), requires())]");
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(errors[0].starts_with("`requires` takes field names, not groups"));
        assert!(errors[1].starts_with("`requires()` names no field"));
    }

    #[test]
    fn a_syntax_error_hides_no_other_mistake() {
        let (a, errors) = field_attrs(
            r#"#[model("x", max_len = 2, min_len::x = 1, 5, min_len = 1,, unique = , default true)]"#,
        );
        assert_eq!(errors.len(), 5, "{errors:?}");
        assert!(
            errors[4].starts_with("`default` takes its value after `=`"),
            "{}",
            errors[4]
        );
        assert!(errors[0].starts_with("expected a key, found a literal"));
        assert!(errors[1].starts_with("unknown field attribute `min_len::x`"));
        assert!(errors[2].starts_with("expected a key, found a literal"));
        assert_eq!(errors[3], "`unique` takes no value: write `unique` alone");
        assert_eq!(a.max_len.unwrap().value, 2);
        assert_eq!(a.min_len.unwrap().value, 1);
    }
}
