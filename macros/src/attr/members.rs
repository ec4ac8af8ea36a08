//! Reads the lists of names the rules on a struct's members take: `required_one_of(a, (b, c))`
//! and `required_any_of(...)`, whose items are a field or a parenthesized group of fields,
//! `not_all_of(a, b)` and `requires(a, b)`, whose items are fields, and `forbid("a", "b")`,
//! whose items are wire names. Each item is read on its own, so that every malformed one is
//! reported; what the names mean (a field of the struct, one that can be absent; a name no field
//! declares) is checked once the struct is known, in `check::presence` and `check::members`.

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;

use super::keys::Key;
use super::literal::rest_of_item;
use super::{Attr, ChoiceKind, RequiredOf, split_items};
use crate::ctxt::Ctxt;

/// `required_one_of(a, (b, c))`: the items, each a field alone or a group of fields. `None`
/// when nothing could be read (the mistakes are in `cx`).
pub(super) fn groups(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
    exactly_one: bool,
) -> syn::Result<Option<Attr<RequiredOf>>> {
    let Some((span, tokens)) = list(cx, meta, key)? else {
        return Ok(None);
    };
    let how_many = if exactly_one {
        "exactly one"
    } else {
        "at least one"
    };
    let items = split_items(tokens.clone());
    if items.is_empty() {
        cx.error_at(
            span,
            format!(
                "`{}()` names no field: list the fields (or groups of fields, in parentheses) of which {how_many} must be present, e.g. `{}`",
                key.name, key.example
            ),
        );
        return Ok(None);
    }
    // The items read well are kept, so that what the names mean is checked too.
    let mut read = Vec::new();
    for item in items {
        match one_token(&item) {
            Some(TokenTree::Ident(name)) => read.push(vec![name]),
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
                read.extend(group_names(cx, &group, key));
            }
            _ => not_a_name(
                cx,
                &item,
                key,
                "a field name or a group of field names in parentheses",
            ),
        }
    }
    if read.is_empty() {
        return Ok(None);
    }
    Ok(Some(Attr {
        value: RequiredOf {
            kind: if exactly_one {
                ChoiceKind::ExactlyOne
            } else {
                ChoiceKind::AtLeastOne
            },
            items: read,
            when: None,
        },
        span,
        tokens,
    }))
}

/// `requires(a, b)`: the fields named. `None` when nothing could be read (the mistakes are in
/// `cx`).
pub(super) fn names(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
) -> syn::Result<Option<Attr<Vec<Ident>>>> {
    let Some((span, tokens)) = list(cx, meta, key)? else {
        return Ok(None);
    };
    let items = split_items(tokens.clone());
    if items.is_empty() {
        cx.error_at(
            span,
            format!(
                "`{}()` names no field: list the fields that must be present when this one is, e.g. `{}`",
                key.name, key.example
            ),
        );
        return Ok(None);
    }
    let mut read = Vec::new();
    for item in items {
        match one_token(&item) {
            Some(TokenTree::Ident(name)) => read.push(name),
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
                cx.error_spanned_by(
                    &item,
                    format!(
                        "`{}` takes field names, not groups: each must be present when this field is, so write them in one list, e.g. `{}`",
                        key.name, key.example
                    ),
                );
            }
            _ => not_a_name(cx, &item, key, "a field name"),
        }
    }
    if read.is_empty() {
        return Ok(None);
    }
    Ok(Some(Attr {
        value: read,
        span,
        tokens,
    }))
}

/// `not_all_of(a, b)`: two or more fields, each an item of its own. `None` when nothing could
/// be read, or fewer than two fields were written (the mistakes are in `cx`).
pub(super) fn not_all(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
) -> syn::Result<Option<Attr<RequiredOf>>> {
    let Some((span, tokens)) = list(cx, meta, key)? else {
        return Ok(None);
    };
    let items = split_items(tokens.clone());
    let mut read = Vec::new();
    let mut malformed = false;
    for item in &items {
        match one_token(item) {
            Some(TokenTree::Ident(name)) => read.push(vec![name]),
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
                cx.error_spanned_by(
                    item,
                    format!(
                        "`{}` takes field names, not groups: the rule holds when not all of them are present at once, so write them in one list, e.g. `{}`",
                        key.name, key.example
                    ),
                );
                malformed = true;
            }
            _ => {
                not_a_name(cx, item, key, "a field name");
                malformed = true;
            }
        }
    }
    // The names read well are kept, so that what they mean is checked too.
    if read.len() < 2 && !malformed {
        let what = match read.first() {
            None => "names no field".to_owned(),
            Some(one) => format!(
                "names one field, and would say `{}` is never present",
                one[0]
            ),
        };
        cx.error_at(
            span,
            format!(
                "`{}(...)` {what}: list two or more fields that must not all be present at once, e.g. `{}`",
                key.name, key.example
            ),
        );
        return Ok(None);
    }
    if read.is_empty() {
        return Ok(None);
    }
    Ok(Some(Attr {
        value: RequiredOf {
            kind: ChoiceKind::NotAll,
            items: read,
            when: None,
        },
        span,
        tokens,
    }))
}

/// `forbid("a", "b")`: the wire names, each a non-empty string literal. `None` when nothing
/// could be read (the mistakes are in `cx`).
pub(super) fn wire_names(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
) -> syn::Result<Option<Attr<Vec<syn::LitStr>>>> {
    let span = meta.path.span();
    if !meta.input.peek(syn::token::Paren) {
        let rest = rest_of_item(meta.input)?;
        let msg = format!(
            "`{}` takes a list of member names in parentheses, each a string literal, e.g. `{}`",
            key.name, key.example
        );
        if rest.is_empty() {
            cx.error_at(span, msg);
        } else {
            cx.error_spanned_by(&rest, msg);
        }
        return Ok(None);
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let tokens: TokenStream = content.parse()?;
    let items = split_items(tokens.clone());
    if items.is_empty() {
        cx.error_at(
            span,
            format!(
                "`{}()` names no member: list the member names the object must not have, as they appear in the document, e.g. `{}`",
                key.name, key.example
            ),
        );
        return Ok(None);
    }
    let mut read = Vec::new();
    for item in items {
        let lit = match one_token(&item) {
            Some(TokenTree::Literal(_)) => syn::parse2::<syn::LitStr>(item.clone()).ok(),
            _ => None,
        };
        match lit {
            Some(lit) if lit.value().is_empty() => cx.error_spanned_by(
                &lit,
                format!(
                    "a member name cannot be empty: write the name as it appears in the document, e.g. `{}`",
                    key.example
                ),
            ),
            Some(lit) => read.push(lit),
            None => {
                let msg = match one_token(&item) {
                    Some(TokenTree::Ident(name)) => format!(
                        "`{}` takes member names as they appear in the document, in quotes: write `\"{name}\"`",
                        key.name
                    ),
                    _ => format!(
                        "expected a member name, a string literal, e.g. `{}`",
                        key.example
                    ),
                };
                cx.error_spanned_by(&item, msg);
            }
        }
    }
    if read.is_empty() {
        return Ok(None);
    }
    Ok(Some(Attr {
        value: read,
        span,
        tokens,
    }))
}

/// The parenthesized tokens after the key, with the key's span; `None` (and the mistake in
/// `cx`) when there are no parentheses.
fn list(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
) -> syn::Result<Option<(Span, TokenStream)>> {
    parenthesized(cx, meta, key, "a list of field names")
}

/// The parenthesized tokens after the key, with the key's span; `None` (and the mistake in
/// `cx`, saying the key takes `what` in parentheses) when there are no parentheses.
pub(super) fn parenthesized(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
    what: &str,
) -> syn::Result<Option<(Span, TokenStream)>> {
    let span = meta.path.span();
    if !meta.input.peek(syn::token::Paren) {
        let rest = rest_of_item(meta.input)?;
        let msg = format!(
            "`{}` takes {what} in parentheses, e.g. `{}`",
            key.name, key.example
        );
        if rest.is_empty() {
            cx.error_at(span, msg);
        } else {
            cx.error_spanned_by(&rest, msg);
        }
        return Ok(None);
    }
    let content;
    syn::parenthesized!(content in meta.input);
    Ok(Some((span, content.parse()?)))
}

/// The item's one token, if it is one.
pub(super) fn one_token(item: &TokenStream) -> Option<TokenTree> {
    let mut tokens = item.clone().into_iter();
    match (tokens.next(), tokens.next()) {
        (Some(token), None) => Some(token),
        _ => None,
    }
}

/// The names of a group, `(b, c)`; `None` (and each mistake in `cx`) when one is not a name
/// or the group is empty.
fn group_names(cx: &mut Ctxt, group: &proc_macro2::Group, key: &Key) -> Option<Vec<Ident>> {
    let items = split_items(group.stream());
    if items.is_empty() {
        cx.error_at(
            group.span(),
            format!(
                "an empty group names no field: write the fields that are present together, e.g. `{}`, or remove the group",
                key.example
            ),
        );
        return None;
    }
    let mut names = Vec::new();
    let mut ok = true;
    for item in items {
        match one_token(&item) {
            Some(TokenTree::Ident(name)) => names.push(name),
            Some(TokenTree::Group(_)) => {
                cx.error_spanned_by(
                    &item,
                    format!(
                        "a group holds field names, not other groups: a group is present when each of its fields is, e.g. `{}`",
                        key.example
                    ),
                );
                ok = false;
            }
            _ => {
                not_a_name(cx, &item, key, "a field name");
                ok = false;
            }
        }
    }
    ok.then_some(names)
}

/// An item that is not what the list takes (`expected`): a literal gets its own message, since
/// it is most likely a wire name.
pub(super) fn not_a_name(cx: &mut Ctxt, item: &TokenStream, key: &Key, expected: &str) {
    let msg = match one_token(item) {
        Some(TokenTree::Literal(_)) => format!(
            "expected {expected}, found a literal: name each field as it is written in Rust, not by its wire name in quotes, e.g. `{}`",
            key.example
        ),
        _ => format!("expected {expected}, e.g. `{}`", key.example),
    };
    cx.error_spanned_by(item, msg);
}
