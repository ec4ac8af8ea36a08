//! Reads the value of a key: finds the tokens after `=`, then reads them as the literal the key
//! takes (a string, a case name, a charset, a length, a number). A value that cannot be read is
//! recorded with a message that says what to write, and gives `None`.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::{Lit, LitStr, Token};

use super::Number;
use super::keys::Key;
use super::suggest;
use crate::case::RenameRule;
use crate::charset::{self, CharsetSpec};
use crate::ctxt::Ctxt;

/// The tokens of one item of the list, up to the next top-level `,`.
pub(super) fn rest_of_item(input: ParseStream) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        let tt: TokenTree = input.parse()?;
        tokens.extend([tt]);
    }
    Ok(tokens)
}

/// The value of a key that takes one: the tokens after `=`. A missing `=` or value is recorded
/// and gives `None`.
pub(super) fn value_tokens(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &Key,
) -> syn::Result<Option<TokenStream>> {
    let (name, example) = (key.name, key.example);
    if meta.input.peek(Token![=]) {
        let _eq: Token![=] = meta.input.parse()?;
        let tokens = rest_of_item(meta.input)?;
        if tokens.is_empty() {
            cx.error_spanned_by(
                &meta.path,
                format!("`{name} =` needs a value after `=`, e.g. `{example}`"),
            );
            return Ok(None);
        }
        return Ok(Some(tokens));
    }
    let rest = rest_of_item(meta.input)?;
    if rest.is_empty() {
        cx.error_spanned_by(
            &meta.path,
            format!("`{name}` needs a value, e.g. `{example}`"),
        );
    } else {
        cx.error_spanned_by(
            &rest,
            format!("`{name}` takes its value after `=`, e.g. `{example}`"),
        );
    }
    Ok(None)
}

/// A literal value, with its sign: `86`, `-0.5`, `"A-Z"`. `rest` holds whatever follows it.
struct Value {
    neg: bool,
    lit: Lit,
    rest: TokenStream,
}

fn parse_value(tokens: &TokenStream) -> Option<Value> {
    let parser = |input: ParseStream| -> syn::Result<Value> {
        let neg: Option<Token![-]> = input.parse()?;
        let lit: Lit = input.parse()?;
        let rest: TokenStream = input.parse()?;
        Ok(Value {
            neg: neg.is_some(),
            lit,
            rest,
        })
    };
    parser.parse2(tokens.clone()).ok()
}

const NOT_EVALUATED: &str = "constants and expressions are not evaluated: write the number itself";

/// `help`, and that constants are not evaluated when `tokens` look like one.
fn not_evaluated(help: String, tokens: &TokenStream) -> String {
    let mut iter = tokens.clone().into_iter();
    match (iter.next(), iter.next()) {
        (Some(TokenTree::Ident(_)), _) => format!("{help}; {NOT_EVALUATED}"),
        _ => help,
    }
}

/// Records "missing `,`" when a well-formed value is followed by another key; `true` if so.
fn missing_comma(cx: &mut Ctxt, key: &Key, value: &Value) -> bool {
    match value.rest.clone().into_iter().next() {
        None => false,
        Some(TokenTree::Ident(next)) => {
            cx.error_spanned_by(
                &next,
                format!(
                    "expected `,` before `{next}`: separate the keys with commas, as in `{}, ...`",
                    key.example
                ),
            );
            true
        }
        Some(_) => false,
    }
}

fn lit_str(cx: &mut Ctxt, key: &Key, tokens: &TokenStream) -> Option<LitStr> {
    if let Some(value) = parse_value(tokens) {
        if !value.neg && matches!(value.lit, Lit::Str(_)) {
            if missing_comma(cx, key, &value) {
                return None;
            }
            if let (true, Lit::Str(lit)) = (value.rest.is_empty(), value.lit) {
                return Some(lit);
            }
        }
    }
    // A bare word or a character is most likely the string without its quotes.
    let mut iter = tokens.clone().into_iter();
    let quoted = match (iter.next(), iter.next()) {
        (Some(TokenTree::Ident(id)), None) => Some(id.to_string()),
        (Some(TokenTree::Literal(_)), None) => match parse_value(tokens).map(|v| v.lit) {
            Some(Lit::Char(c)) => Some(c.value().to_string()),
            Some(Lit::Int(i)) => Some(i.to_string()),
            _ => None,
        },
        _ => None,
    };
    let name = key.name;
    let msg = match quoted {
        Some(text) => format!(
            "`{name}` takes a string literal: write `{name} = {}`",
            LitStr::new(&text, Span::call_site()).token()
        ),
        None => format!("`{name}` takes a string literal, e.g. `{}`", key.example),
    };
    cx.error_spanned_by(tokens, msg);
    None
}

/// A wire name: a string literal, not empty.
pub(super) fn wire_name(cx: &mut Ctxt, key: &Key, tokens: &TokenStream) -> Option<LitStr> {
    let lit = lit_str(cx, key, tokens)?;
    if lit.value().is_empty() {
        cx.error_spanned_by(
            &lit,
            format!(
                "a wire name cannot be empty: write the member's name as it appears in the document, e.g. `{}`",
                key.example
            ),
        );
        return None;
    }
    Some(lit)
}

/// The path of a function, as written: `check_range`, `checks::range`.
pub(super) fn function(cx: &mut Ctxt, key: &Key, tokens: &TokenStream) -> Option<syn::Path> {
    match syn::parse2::<syn::Path>(tokens.clone()) {
        Ok(path) => Some(path),
        Err(_) => {
            cx.error_spanned_by(
                tokens,
                format!(
                    "`{}` takes the path of a function, unquoted, e.g. `{}`",
                    key.name, key.example
                ),
            );
            None
        }
    }
}

/// The value of `default = ...`: a literal of the field's type (a string, a boolean, a number
/// with its sign), or the path of a function.
pub(super) fn default_value(
    cx: &mut Ctxt,
    key: &Key,
    tokens: &TokenStream,
) -> Option<super::DefaultValue> {
    use super::{DefaultLiteral, DefaultValue};
    if let Some(value) = parse_value(tokens) {
        if missing_comma(cx, key, &value) {
            return None;
        }
        if value.rest.is_empty() {
            match (&value.lit, value.neg) {
                (Lit::Str(s), false) => {
                    return Some(DefaultValue::Literal(DefaultLiteral::Str(s.value())));
                }
                (Lit::Bool(b), false) => {
                    return Some(DefaultValue::Literal(DefaultLiteral::Bool(b.value)));
                }
                (Lit::Int(_) | Lit::Float(_), _) => {
                    return number(cx, key, tokens)
                        .map(|n| DefaultValue::Literal(DefaultLiteral::Number(n)));
                }
                _ => {}
            }
        }
    } else if let Ok(path) = syn::parse2::<syn::Path>(tokens.clone()) {
        return Some(DefaultValue::Function(path));
    }
    cx.error_spanned_by(
        tokens,
        "`default` takes a literal of the field's type (`default = 250`, `default = \"auto\"`, `default = true`, `default = -1.5`) or the path of a function `fn() -> T`, unquoted (`default = default_scopes`)",
    );
    None
}

/// A JSON Schema written by hand: a string literal holding a JSON object.
pub(super) fn schema(cx: &mut Ctxt, key: &Key, tokens: &TokenStream) -> Option<LitStr> {
    let lit = lit_str(cx, key, tokens)?;
    match crate::json::check_object(&lit.value()) {
        Ok(()) => Some(lit),
        Err(msg) => {
            cx.error_spanned_by(
                &lit,
                format!(
                    "`schema` takes a JSON object, e.g. `{}`: {msg}",
                    key.example
                ),
            );
            None
        }
    }
}

/// Examples of values written by hand: a string literal holding a JSON array.
pub(super) fn examples(cx: &mut Ctxt, key: &Key, tokens: &TokenStream) -> Option<LitStr> {
    let lit = lit_str(cx, key, tokens)?;
    match crate::json::check_array(&lit.value()) {
        Ok(()) => Some(lit),
        Err(msg) => {
            cx.error_spanned_by(
                &lit,
                format!(
                    "`examples` takes a JSON array of values, e.g. `{}`: {msg}",
                    key.example
                ),
            );
            None
        }
    }
}

/// A word for the schema: a string literal, not empty.
pub(super) fn text(cx: &mut Ctxt, key: &Key, tokens: &TokenStream) -> Option<LitStr> {
    let lit = lit_str(cx, key, tokens)?;
    if lit.value().is_empty() {
        cx.error_spanned_by(
            &lit,
            format!("`{}` cannot be empty, e.g. `{}`", key.name, key.example),
        );
        return None;
    }
    Some(lit)
}

/// A case convention: a string literal naming one of `case::NAMES`.
pub(super) fn rename_rule(cx: &mut Ctxt, key: &Key, tokens: &TokenStream) -> Option<RenameRule> {
    let lit = lit_str(cx, key, tokens)?;
    let rule = RenameRule::from_name(&lit.value());
    if rule.is_none() {
        cx.error_spanned_by(&lit, suggest::unknown_case(&lit.value()));
    }
    rule
}

/// A charset: a string literal, parsed into ranges.
pub(super) fn charset(cx: &mut Ctxt, key: &Key, tokens: &TokenStream) -> Option<CharsetSpec> {
    let lit = lit_str(cx, key, tokens)?;
    match charset::parse(&lit.value()) {
        Ok(spec) => Some(spec),
        Err(msg) => {
            cx.error_spanned_by(&lit, msg);
            None
        }
    }
}

/// A pattern: a string literal, compiled (with the `pattern` feature).
pub(super) fn pattern(
    cx: &mut Ctxt,
    key: &Key,
    tokens: &TokenStream,
) -> Option<crate::pattern::PatternSpec> {
    let lit = lit_str(cx, key, tokens)?;
    match crate::pattern::parse(&lit.value()) {
        Ok(spec) => Some(spec),
        Err(msg) => {
            cx.error_spanned_by(&lit, msg);
            None
        }
    }
}

/// The one literal (with its sign) a numeric key takes, or `None` with the error recorded.
fn single_literal(cx: &mut Ctxt, key: &Key, tokens: &TokenStream, help: &str) -> Option<Value> {
    let Some(value) = parse_value(tokens) else {
        cx.error_spanned_by(tokens, not_evaluated(help.to_owned(), tokens));
        return None;
    };
    if missing_comma(cx, key, &value) {
        return None;
    }
    if !value.rest.is_empty() {
        cx.error_spanned_by(tokens, format!("{help}; {NOT_EVALUATED}"));
        return None;
    }
    Some(value)
}

/// A length: a whole number that fits in `usize`.
pub(super) fn length(cx: &mut Ctxt, key: &Key, tokens: &TokenStream) -> Option<usize> {
    let name = key.name;
    let help = format!("`{name}` takes a whole number, e.g. `{}`", key.example);
    let value = single_literal(cx, key, tokens, &help)?;
    match (&value.lit, value.neg) {
        (Lit::Int(_), true) => {
            let what = if name == "min_len" {
                "the shortest a value can be"
            } else {
                "the longest a value can be"
            };
            cx.error_spanned_by(
                tokens,
                format!("`{name}` is {what}, in characters or items, so it cannot be negative; the least is `{name} = 0`"),
            );
            None
        }
        (Lit::Int(lit), false) => match lit.base10_parse::<usize>() {
            Ok(n) => Some(n),
            Err(_) => {
                cx.error_spanned_by(
                    tokens,
                    format!(
                        "`{name} = {}` does not fit in `usize` (at most {})",
                        lit.base10_digits(),
                        usize::MAX
                    ),
                );
                None
            }
        },
        (Lit::Float(lit), false) => {
            let msg = match lit.base10_parse::<f64>() {
                Ok(v) if v.fract() == 0.0 && v >= 0.0 && v < usize::MAX as f64 => {
                    format!(
                        "`{name}` takes a whole number: write `{name} = {}`",
                        v as usize
                    )
                }
                _ => help,
            };
            cx.error_spanned_by(tokens, msg);
            None
        }
        (Lit::Str(s), false) if s.value().parse::<usize>().is_ok() => {
            cx.error_spanned_by(
                tokens,
                format!(
                    "`{name}` takes a number, not a string: write `{name} = {}`",
                    s.value()
                ),
            );
            None
        }
        _ => {
            cx.error_spanned_by(tokens, help);
            None
        }
    }
}

/// A number: an integer that fits in `i128`, or a finite float.
pub(super) fn number(cx: &mut Ctxt, key: &Key, tokens: &TokenStream) -> Option<Number> {
    let name = key.name;
    let help = format!(
        "`{name}` takes a number literal, e.g. `{}` or `{name} = -0.5`",
        key.example
    );
    let value = single_literal(cx, key, tokens, &help)?;
    let neg = value.neg;
    match &value.lit {
        Lit::Int(lit) => {
            let parsed = lit.base10_parse::<u128>().ok().and_then(|v| {
                if neg {
                    // i128::MIN is the one value whose magnitude does not fit in i128.
                    0i128.checked_sub_unsigned(v)
                } else {
                    i128::try_from(v).ok()
                }
            });
            match parsed {
                Some(v) => Some(Number::Int(v)),
                None => {
                    cx.error_spanned_by(
                        tokens,
                        format!(
                            "`{name} = {}{}` is beyond what a bound can be: {}..={}",
                            if neg { "-" } else { "" },
                            lit.base10_digits(),
                            i128::MIN,
                            i128::MAX
                        ),
                    );
                    None
                }
            }
        }
        Lit::Float(lit) => match lit.base10_parse::<f64>() {
            Ok(v) if v.is_finite() => Some(Number::Float(if neg { -v } else { v })),
            _ => {
                cx.error_spanned_by(
                    tokens,
                    format!(
                        "`{name} = {}{}` is not a finite `f64`: write a bound within ±{:e}",
                        if neg { "-" } else { "" },
                        lit.base10_digits(),
                        f64::MAX
                    ),
                );
                None
            }
        },
        Lit::Str(s) if !neg && s.value().trim().parse::<f64>().is_ok_and(f64::is_finite) => {
            cx.error_spanned_by(
                tokens,
                format!(
                    "`{name}` takes a number, not a string: write `{name} = {}`",
                    s.value().trim()
                ),
            );
            None
        }
        _ => {
            cx.error_spanned_by(tokens, help);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::field_attrs;
    use super::*;

    #[test]
    fn reads_the_extreme_integer_bounds() {
        let (a, errors) = field_attrs(
            "#[model(min = -170141183460469231731687303715884105728, max = 170141183460469231731687303715884105727)]",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(a.min.unwrap().value, Number::Int(i128::MIN));
        assert_eq!(a.max.unwrap().value, Number::Int(i128::MAX));
        let (_, errors) = field_attrs("#[model(max = 170141183460469231731687303715884105728)]");
        assert!(
            errors[0].contains("beyond what a bound can be"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_missing_value_or_comma_is_named() {
        let (_, errors) = field_attrs("#[model(max_len, min_len =, charset(\"a\"))]");
        assert_eq!(
            errors,
            [
                "`max_len` needs a value, e.g. `max_len = 86`",
                "`min_len =` needs a value after `=`, e.g. `min_len = 1`",
                "`charset` takes its value after `=`, e.g. `charset = \"A-Za-z0-9_-\"`",
            ]
        );
        let (_, errors) = field_attrs("#[model(min_len = 1 max_len = 2)]");
        assert_eq!(
            errors,
            [
                "expected `,` before `max_len`: separate the keys with commas, as in `min_len = 1, ...`"
            ]
        );
    }

    #[test]
    fn values_of_the_wrong_type_say_what_to_write() {
        let (_, errors) = field_attrs(
            "#[model(rename = clientId, charset = 'a', max_len = 86.0, min_len = -1, min = \"2\", max = 60 * 60)]",
        );
        assert_eq!(errors.len(), 6, "{errors:?}");
        assert!(errors[0].ends_with("write `rename = \"clientId\"`"));
        assert!(errors[1].ends_with("write `charset = \"a\"`"));
        assert!(errors[2].ends_with("write `max_len = 86`"));
        assert!(errors[3].contains("cannot be negative"));
        assert!(errors[4].ends_with("write `min = 2`"));
        assert!(errors[5].ends_with(NOT_EVALUATED));
        let (_, errors) = field_attrs("#[model(max = u32::MAX, max_len = MAX)]");
        assert!(
            errors.iter().all(|e| e.ends_with(NOT_EVALUATED)),
            "{errors:?}"
        );
    }
}
