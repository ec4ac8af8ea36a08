//! Reads `#[model(...)]` attributes into typed values, each with the span of its key.
//!
//! A mistake in one key is recorded and parsing goes on with the next key, so that every
//! mistake of a struct is reported in one compile.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Lit, LitStr, Token};

use crate::case::{self, RenameRule};
use crate::charset::{self, CharsetSpec};
use crate::ctxt::Ctxt;

/// A value and the span of the attribute key that set it.
#[derive(Clone, Debug)]
pub struct Attr<T> {
    pub value: T,
    pub span: Span,
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

/// `#[model(...)]` on the struct.
#[derive(Default)]
pub struct ContainerAttrs {
    pub rename_all: Option<Attr<RenameRule>>,
    pub deny_unknown_fields: Option<Span>,
}

/// `#[model(...)]` on a field.
#[derive(Default)]
pub struct FieldAttrs {
    pub rename: Option<Attr<LitStr>>,
    pub charset: Option<Attr<CharsetSpec>>,
    pub min_len: Option<Attr<usize>>,
    pub max_len: Option<Attr<usize>>,
    pub min: Option<Attr<Number>>,
    pub max: Option<Attr<Number>>,
    pub secret: Option<Span>,
    pub default: Option<Span>,
}

const CONTAINER_KEYS: &str = "`rename_all`, `deny_unknown_fields`";
const FIELD_KEYS: &str =
    "`rename`, `charset`, `min_len`, `max_len`, `min`, `max`, `secret`, `default`";

fn is_model(attr: &Attribute) -> bool {
    attr.path().is_ident("model")
}

/// The doc comment of an item, lines joined with `\n`, or `None`.
pub fn docs(attrs: &[Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|line| {
            line.strip_prefix(' ')
                .unwrap_or(&line)
                .trim_end()
                .to_owned()
        })
        .collect();
    let text = lines.join("\n").trim().to_owned();
    if text.is_empty() { None } else { Some(text) }
}

pub fn container(cx: &mut Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for attr in attrs.iter().filter(|a| is_model(a)) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta);
            let span = meta.path.span();
            match key.as_str() {
                "rename_all" => {
                    if let Some(lit) = lit_str(cx, &meta, "rename_all = \"camelCase\"")? {
                        match RenameRule::from_name(&lit.value()) {
                            Some(rule) => set(cx, &mut out.rename_all, rule, span, &key),
                            None => cx.error_spanned_by(
                                &lit,
                                format!(
                                    "unknown case `{}`; `rename_all` takes one of {}",
                                    lit.value(),
                                    case::NAMES
                                        .iter()
                                        .map(|(n, _)| format!("\"{n}\""))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ),
                            ),
                        }
                    }
                }
                "deny_unknown_fields" => flag(cx, &meta, &mut out.deny_unknown_fields, &key)?,
                _ => unknown(cx, &meta, &key, "container", CONTAINER_KEYS)?,
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    out
}

pub fn field(cx: &mut Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs.iter().filter(|a| is_model(a)) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta);
            let span = meta.path.span();
            match key.as_str() {
                "rename" => {
                    if let Some(lit) = lit_str(cx, &meta, "rename = \"wireName\"")? {
                        if lit.value().is_empty() {
                            cx.error_spanned_by(&lit, "a wire name cannot be empty");
                        }
                        set(cx, &mut out.rename, lit, span, &key);
                    }
                }
                "charset" => {
                    if let Some(lit) = lit_str(cx, &meta, "charset = \"A-Za-z0-9_-\"")? {
                        match charset::parse(&lit.value()) {
                            Ok(spec) => set(cx, &mut out.charset, spec, span, &key),
                            Err(msg) => cx.error_spanned_by(&lit, msg),
                        }
                    }
                }
                "min_len" => {
                    if let Some(n) = length(cx, &meta, &key)? {
                        set(cx, &mut out.min_len, n, span, &key);
                    }
                }
                "max_len" => {
                    if let Some(n) = length(cx, &meta, &key)? {
                        set(cx, &mut out.max_len, n, span, &key);
                    }
                }
                "min" => {
                    if let Some(n) = number(cx, &meta, &key)? {
                        set(cx, &mut out.min, n, span, &key);
                    }
                }
                "max" => {
                    if let Some(n) = number(cx, &meta, &key)? {
                        set(cx, &mut out.max, n, span, &key);
                    }
                }
                "secret" => flag(cx, &meta, &mut out.secret, &key)?,
                "default" => flag(cx, &meta, &mut out.default, &key)?,
                _ => unknown(cx, &meta, &key, "field", FIELD_KEYS)?,
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    out
}

fn key_name(meta: &ParseNestedMeta) -> String {
    meta.path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_else(|| {
            quote::ToTokens::to_token_stream(&meta.path)
                .to_string()
                .replace(" ", "")
        })
}

/// Sets a key once; a second occurrence is an error on the second key.
fn set<T>(cx: &mut Ctxt, slot: &mut Option<Attr<T>>, value: T, span: Span, key: &str) {
    if slot.is_some() {
        cx.error_at(
            span,
            format!("duplicate `{key}`: it is already set in this field's attributes; keep one"),
        );
    } else {
        *slot = Some(Attr { value, span });
    }
}

fn flag(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    slot: &mut Option<Span>,
    key: &str,
) -> syn::Result<()> {
    let span = meta.path.span();
    if meta.input.peek(Token![=]) {
        let tokens = value_tokens(meta)?;
        cx.error_spanned_by(
            &tokens,
            format!("`{key}` takes no value: write `{key}` alone"),
        );
        return Ok(());
    }
    if slot.is_some() {
        cx.error_at(
            span,
            format!("duplicate `{key}`: it is already set; keep one"),
        );
    } else {
        *slot = Some(span);
    }
    Ok(())
}

fn unknown(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &str,
    kind: &str,
    known: &str,
) -> syn::Result<()> {
    cx.error_spanned_by(
        &meta.path,
        format!("unknown {kind} attribute `{key}`; expected one of {known}"),
    );
    // Skip its value, if any, so the keys after it are still read.
    if meta.input.peek(Token![=]) {
        value_tokens(meta)?;
    } else if meta.input.peek(syn::token::Paren) {
        let _group: TokenTree = meta.input.parse()?;
    }
    Ok(())
}

/// The tokens after `=`, up to the next top-level `,`.
fn value_tokens(meta: &ParseNestedMeta) -> syn::Result<TokenStream> {
    let input = meta.value()?;
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        let tt: TokenTree = input.parse()?;
        tokens.extend([tt]);
    }
    if tokens.is_empty() {
        return Err(meta.error("expected a value after `=`"));
    }
    Ok(tokens)
}

fn lit_str(cx: &mut Ctxt, meta: &ParseNestedMeta, example: &str) -> syn::Result<Option<LitStr>> {
    let tokens = value_tokens(meta)?;
    match syn::parse2::<LitStr>(tokens.clone()) {
        Ok(lit) => Ok(Some(lit)),
        Err(_) => {
            cx.error_spanned_by(
                &tokens,
                format!("expected a string literal, e.g. `{example}`"),
            );
            Ok(None)
        }
    }
}

fn length(cx: &mut Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<usize>> {
    let tokens = value_tokens(meta)?;
    let parsed = syn::parse2::<Lit>(tokens.clone());
    match parsed {
        Ok(Lit::Int(lit)) => match lit.base10_parse::<usize>() {
            Ok(n) => Ok(Some(n)),
            Err(_) => {
                cx.error_spanned_by(&lit, format!("`{key}` must fit in `usize`"));
                Ok(None)
            }
        },
        _ => {
            cx.error_spanned_by(
                &tokens,
                format!("`{key}` takes a non-negative integer literal, e.g. `{key} = 86`"),
            );
            Ok(None)
        }
    }
}

fn number(cx: &mut Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<Number>> {
    let tokens = value_tokens(meta)?;
    let parser = |input: ParseStream| -> syn::Result<(bool, Lit)> {
        let neg: Option<Token![-]> = input.parse()?;
        let lit: Lit = input.parse()?;
        Ok((neg.is_some(), lit))
    };
    let help = format!("`{key}` takes a number literal, e.g. `{key} = 1` or `{key} = -0.5`");
    match parser.parse2(tokens.clone()) {
        Ok((neg, Lit::Int(lit))) => match lit.base10_parse::<i128>() {
            Ok(v) => Ok(Some(Number::Int(if neg { -v } else { v }))),
            Err(_) => {
                cx.error_spanned_by(&lit, format!("`{key}` is too large"));
                Ok(None)
            }
        },
        Ok((neg, Lit::Float(lit))) => match lit.base10_parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Some(Number::Float(if neg { -v } else { v }))),
            _ => {
                cx.error_spanned_by(&lit, format!("`{key}` must be a finite number"));
                Ok(None)
            }
        },
        _ => {
            cx.error_spanned_by(&tokens, help);
            Ok(None)
        }
    }
}
