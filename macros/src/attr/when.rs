//! Reads the conditional presence rule `when(kind = "a" | "b", required(x, y))`: a condition
//! (one field, `=`, one or more values separated by `|`), then one consequence, `required(...)`
//! or `not_all(...)`, naming fields. Each part is read on its own, so that every malformed one
//! is reported; what the names mean is checked once the struct is known, in `check::presence`.

use proc_macro2::{Delimiter, Ident, Spacing, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;

use super::keys::Key;
use super::members::{not_a_name, one_token, parenthesized};
use super::{
    Attr, ChoiceKind, Condition, ConditionValue, Consequence, RequiredOf, literal, split_items,
};
use crate::ctxt::Ctxt;

/// `when(...)`: the rule, or `None` when it could not be read whole (the mistakes are in `cx`).
pub(super) fn when(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
) -> syn::Result<Option<Attr<RequiredOf>>> {
    let what = "a condition on a field and a consequence";
    let Some((span, tokens)) = parenthesized(cx, meta, key, what)? else {
        return Ok(None);
    };
    let items = split_items(tokens.clone());
    let Some((first, rest)) = items.split_first() else {
        cx.error_at(
            span,
            format!(
                "`when()` is empty: write a condition on a field, then what it asks of other fields, e.g. `{}`",
                key.example
            ),
        );
        return Ok(None);
    };
    // Each part is read, so that every mistake is reported; the rule is kept when all were.
    let condition = match consequence_key(first) {
        Some(_) => {
            cx.error_spanned_by(
                first,
                format!(
                    "`when` starts with its condition, `field = value`, then its consequence, e.g. `{}`",
                    key.example
                ),
            );
            None
        }
        None => condition(cx, first, key),
    };
    let consequences: Vec<_> = rest.iter().map(|item| consequence(cx, item, key)).collect();
    if rest.is_empty() {
        cx.error_at(
            span,
            format!(
                "`when(...)` holds a condition and no consequence: add `required(...)` (fields that must then be present) or `not_all(...)` (fields that must not then all be present), e.g. `{}`",
                key.example
            ),
        );
    }
    if let Some(second) = rest.get(1) {
        cx.error_spanned_by(
            second,
            "`when` takes one consequence: write another `when(...)` with the same condition for this one",
        );
    }
    let (Some((field, values)), [Some((consequence, names))]) =
        (condition, consequences.as_slice())
    else {
        return Ok(None);
    };
    Ok(Some(Attr {
        value: RequiredOf {
            kind: ChoiceKind::When,
            items: names.iter().map(|n| vec![n.clone()]).collect(),
            when: Some(Condition {
                field,
                values,
                consequence: *consequence,
            }),
        },
        span,
        tokens,
    }))
}

/// The key of an item written as a consequence, `required(...)`: a word and parentheses.
fn consequence_key(item: &TokenStream) -> Option<Ident> {
    let mut tokens = item.clone().into_iter();
    match (tokens.next(), tokens.next(), tokens.next()) {
        (Some(TokenTree::Ident(word)), Some(TokenTree::Group(g)), None)
            if g.delimiter() == Delimiter::Parenthesis =>
        {
            Some(word)
        }
        _ => None,
    }
}

/// `kind = "a" | "b"`: the field and its values, or `None` (and each mistake in `cx`).
fn condition(cx: &mut Ctxt, item: &TokenStream, key: &Key) -> Option<(Ident, Vec<ConditionValue>)> {
    let mut tokens = item.clone().into_iter().peekable();
    let field = match tokens.next() {
        Some(TokenTree::Ident(field)) => field,
        Some(TokenTree::Literal(lit)) => {
            cx.error_spanned_by(
                &lit,
                format!(
                    "the condition names a field as it is written in Rust, not by its wire name in quotes, e.g. `{}`",
                    key.example
                ),
            );
            return None;
        }
        _ => {
            cx.error_spanned_by(
                item,
                format!(
                    "expected the condition, `field = value`, e.g. `{}`",
                    key.example
                ),
            );
            return None;
        }
    };
    let eq = match tokens.next() {
        Some(TokenTree::Punct(p)) if p.as_char() == '=' => p,
        Some(other) => {
            let msg = match &other {
                TokenTree::Punct(p) if p.as_char() == '|' || p.as_char() == ':' => format!(
                    "expected `=` after `{field}`: the condition is `{field} = value`, or `{field} = \"a\" | \"b\"` for one of several values"
                ),
                _ => format!(
                    "expected `=` after `{field}`: the condition is one field and its values, e.g. `{}`",
                    key.example
                ),
            };
            cx.error_spanned_by(&other, msg);
            return None;
        }
        None => {
            cx.error_spanned_by(
                &field,
                format!(
                    "`{field}` alone is no condition: write `{field} = value`, e.g. `{}`",
                    key.example
                ),
            );
            return None;
        }
    };
    if eq.spacing() == Spacing::Joint {
        if let Some(TokenTree::Punct(next)) = tokens.peek() {
            if next.as_char() == '=' {
                let mut both = TokenStream::new();
                both.extend([TokenTree::Punct(eq.clone()), TokenTree::Punct(next.clone())]);
                cx.error_spanned_by(
                    both,
                    format!("the condition is written with one `=`: `{field} = value`"),
                );
                return None;
            }
        }
    }
    // The values, split at each `|`.
    let mut alternatives = vec![TokenStream::new()];
    let mut bars = Vec::new();
    for tt in tokens {
        match &tt {
            TokenTree::Punct(p) if p.as_char() == '|' => {
                bars.push(p.clone());
                alternatives.push(TokenStream::new());
            }
            _ => alternatives.last_mut().expect("one at least").extend([tt]),
        }
    }
    if alternatives.len() == 1 && alternatives[0].is_empty() {
        cx.error_spanned_by(
            &eq,
            format!(
                "`{field} =` needs a value after `=`, e.g. `{field} = \"a\"`, or `{field} = \"a\" | \"b\"`"
            ),
        );
        return None;
    }
    let mut values: Vec<ConditionValue> = Vec::new();
    let mut ok = true;
    for (i, tokens) in alternatives.into_iter().enumerate() {
        if tokens.is_empty() {
            // The `|` before or after the missing value.
            let bar = bars.get(i).or_else(|| bars.get(i.wrapping_sub(1)));
            let msg = "a value is missing beside this `|`: separate the values with one `|` each, e.g. `kind = \"a\" | \"b\"`";
            match bar {
                Some(bar) => cx.error_spanned_by(bar, msg),
                None => cx.error_spanned_by(&eq, msg),
            }
            ok = false;
            continue;
        }
        let Some(value) = literal::condition_value(cx, &tokens) else {
            ok = false;
            continue;
        };
        let value = ConditionValue { value, tokens };
        if let Some(first) = values.iter().find(|v| v.same(&value)) {
            let (a, b) = (first.json(), value.json());
            let tail = if a == b {
                String::new()
            } else {
                format!(" (as {a}, which JSON Schema counts as equal)")
            };
            cx.error_spanned_by(
                &value.tokens,
                format!("{b} is listed twice{tail}: name each value once"),
            );
            ok = false;
            continue;
        }
        values.push(value);
    }
    ok.then_some((field, values))
}

/// `required(x, y)` or `not_all(x)`: the consequence and the fields it names, or `None` (and
/// each mistake in `cx`).
fn consequence(cx: &mut Ctxt, item: &TokenStream, key: &Key) -> Option<(Consequence, Vec<Ident>)> {
    let Some(word) = consequence_key(item) else {
        let msg = if item
            .clone()
            .into_iter()
            .any(|tt| matches!(tt, TokenTree::Punct(p) if p.as_char() == '=' || p.as_char() == '|'))
        {
            format!(
                "`when` takes one condition: a field and its values, `kind = \"a\" | \"b\"`, e.g. `{}`",
                key.example
            )
        } else {
            format!(
                "expected the consequence, `required(...)` or `not_all(...)` with field names, e.g. `{}`",
                key.example
            )
        };
        cx.error_spanned_by(item, msg);
        return None;
    };
    let consequence = match word.to_string().as_str() {
        "required" => Consequence::Required,
        "not_all" => Consequence::NotAll,
        other => {
            let hint = match other {
                "absent" | "forbid" | "forbidden" | "not" | "not_present" | "not_all_of" => {
                    "; fields that must then be absent are `not_all(x)`, one field a rule (with several, `not_all(x, y)` says they are not all present at once)"
                }
                "requires" | "require" | "present" | "required_all" | "then" => {
                    "; fields that must then be present are `required(x, y)`"
                }
                _ => "",
            };
            cx.error_spanned_by(
                &word,
                format!(
                    "unknown consequence `{other}`: `when` takes `required(...)` (fields that must then be present) or `not_all(...)` (fields that must not then all be present){hint}"
                ),
            );
            return None;
        }
    };
    let Some(TokenTree::Group(group)) = item.clone().into_iter().nth(1) else {
        unreachable!("`consequence_key` saw the parentheses")
    };
    let name = consequence.key();
    let items = split_items(group.stream());
    if items.is_empty() {
        cx.error_at(
            group.span(),
            format!(
                "`{name}()` names no field: list the fields it is about, e.g. `{}`",
                key.example
            ),
        );
        return None;
    }
    let mut names = Vec::new();
    let mut ok = true;
    for item in items {
        match one_token(&item) {
            Some(TokenTree::Ident(field)) => names.push(field),
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => {
                cx.error_spanned_by(
                    &item,
                    format!(
                        "`{name}` takes field names, not groups: write them in one list, e.g. `{}`",
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
    ok.then_some((consequence, names))
}
