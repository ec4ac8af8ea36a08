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

/// A pattern of `pattern` or `not_pattern`: a string literal, compiled (with the `pattern`
/// feature).
pub(super) fn pattern(
    cx: &mut Ctxt,
    key: &Key,
    tokens: &TokenStream,
) -> Option<crate::pattern::PatternSpec> {
    let lit = lit_str(cx, key, tokens)?;
    match crate::pattern::parse(key.name, &lit.value()) {
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
            let what = match name {
                "min_len" => "the shortest a value can be, in characters or items",
                "min_members" => "the fewest members an object can have",
                "max_members" => "the most members an object can have",
                _ => "the longest a value can be, in characters or items",
            };
            cx.error_spanned_by(
                tokens,
                format!("`{name}` is {what}, so it cannot be negative; the least is `{name} = 0`"),
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

const VALUE_HELP: &str = "`value` takes the variant's JSON value: a number (`value = 1`, `value = -0.5`), `true`, `false`, `null`, or a string literal (`value = \"auto\"`)";

/// A variant's JSON value: a number with its sign (an integer within `i64::MIN..=u64::MAX`, or
/// a finite float), `true`, `false`, the word `null`, or a non-empty string literal (as
/// `rename` takes it).
pub(super) fn variant_value(
    cx: &mut Ctxt,
    key: &Key,
    tokens: &TokenStream,
) -> Option<super::VariantValue> {
    use super::{Scalar, VariantValue};
    let mut iter = tokens.clone().into_iter();
    if let (Some(TokenTree::Ident(word)), None) = (iter.next(), iter.next()) {
        return match word.to_string().as_str() {
            "null" => Some(VariantValue::Scalar(Scalar::Null)),
            "true" => Some(VariantValue::Scalar(Scalar::Bool(true))),
            "false" => Some(VariantValue::Scalar(Scalar::Bool(false))),
            "None" | "Null" | "NULL" | "nil" | "undefined" => {
                cx.error_spanned_by(
                    &word,
                    format!("`value = {word}` is no JSON value: JSON's null is `value = null`"),
                );
                None
            }
            _ => {
                cx.error_spanned_by(&word, format!("{VALUE_HELP}; {NOT_EVALUATED}"));
                None
            }
        };
    }
    let value = single_literal(cx, key, tokens, VALUE_HELP)?;
    let neg = value.neg;
    match &value.lit {
        Lit::Str(lit) if !neg => {
            if lit.value().is_empty() {
                cx.error_spanned_by(
                    lit,
                    "a wire value cannot be empty: write the value as it appears in the document, e.g. `value = \"auto\"`",
                );
                return None;
            }
            Some(VariantValue::Str(lit.clone()))
        }
        Lit::Bool(b) if !neg => Some(VariantValue::Scalar(Scalar::Bool(b.value))),
        Lit::Int(lit) => {
            let magnitude = lit.base10_parse::<u128>().ok();
            let v = magnitude.and_then(|m| {
                let v = if neg {
                    0i128.checked_sub_unsigned(m)?
                } else {
                    i128::try_from(m).ok()?
                };
                (i128::from(i64::MIN)..=i128::from(u64::MAX))
                    .contains(&v)
                    .then_some(v)
            });
            match v {
                Some(v) => Some(VariantValue::Scalar(Scalar::Int(v))),
                None => {
                    cx.error_spanned_by(
                        tokens,
                        format!(
                            "`value = {}{}` is past the integers a JSON reader hands over exactly, {}..={}: write a float, e.g. `value = {}{}.0`",
                            if neg { "-" } else { "" },
                            lit.base10_digits(),
                            i64::MIN,
                            u64::MAX,
                            if neg { "-" } else { "" },
                            lit.base10_digits(),
                        ),
                    );
                    None
                }
            }
        }
        Lit::Float(lit) => match lit.base10_parse::<f64>() {
            Ok(v) if v.is_finite() => Some(VariantValue::Scalar(Scalar::Float(if neg {
                -v
            } else {
                v
            }))),
            _ => {
                cx.error_spanned_by(
                    tokens,
                    format!(
                        "`value = {}{}` is not a finite `f64`, and JSON has no other numbers: write a value within ±{:e}",
                        if neg { "-" } else { "" },
                        lit.base10_digits(),
                        f64::MAX
                    ),
                );
                None
            }
        },
        Lit::Char(c) if !neg => {
            cx.error_spanned_by(
                tokens,
                format!(
                    "`value` takes a string literal, not a character: write `value = {}`",
                    LitStr::new(&c.value().to_string(), Span::call_site()).token()
                ),
            );
            None
        }
        Lit::ByteStr(_) | Lit::Byte(_) | Lit::CStr(_) if !neg => {
            cx.error_spanned_by(tokens, format!("JSON has no bytes; {VALUE_HELP}"));
            None
        }
        _ => {
            cx.error_spanned_by(tokens, VALUE_HELP);
            None
        }
    }
}

const CONDITION_HELP: &str = "a condition's value is a JSON value written as a literal: a string (`\"jsonata\"`), a number (`1`, `-0.5`), `true` or `false`";

const CONDITION_NOT_EVALUATED: &str = "a condition's value is a JSON value written as a literal, as the document holds it: a string (a string enum's variant by its wire value, `\"poll-v2\"`), a number (`1`, `-0.5`), `true` or `false`; constants and paths are not evaluated";

/// One value of a `when` condition, `"jsonata"`, `-1`, `0.5`, `true`: a string literal (empty
/// or not), a number with its sign (an integer within `i64::MIN..=u64::MAX`, or a finite
/// float) or a boolean. `null` is refused: an absent member and a `null` one read alike into
/// most fields, so the condition could not be told.
pub(super) fn condition_value(cx: &mut Ctxt, tokens: &TokenStream) -> Option<super::VariantValue> {
    use super::{Scalar, VariantValue};
    let mut iter = tokens.clone().into_iter();
    if let (Some(TokenTree::Ident(word)), None) = (iter.next(), iter.next()) {
        return match word.to_string().as_str() {
            "true" => Some(VariantValue::Scalar(Scalar::Bool(true))),
            "false" => Some(VariantValue::Scalar(Scalar::Bool(false))),
            "null" | "None" => {
                cx.error_spanned_by(
                    &word,
                    "a condition on `null` is not supported: most fields read an absent member and a `null` one alike, so it could not be told; name the values that make the condition hold",
                );
                None
            }
            _ => {
                cx.error_spanned_by(&word, CONDITION_NOT_EVALUATED);
                None
            }
        };
    }
    let Some(value) = parse_value(tokens).filter(|v| v.rest.is_empty()) else {
        let msg = match tokens.clone().into_iter().next() {
            Some(TokenTree::Ident(_)) => CONDITION_NOT_EVALUATED,
            _ => CONDITION_HELP,
        };
        cx.error_spanned_by(tokens, msg);
        return None;
    };
    let (neg, sign) = (value.neg, if value.neg { "-" } else { "" });
    match &value.lit {
        Lit::Str(lit) if !neg => Some(VariantValue::Str(lit.clone())),
        Lit::Bool(b) if !neg => Some(VariantValue::Scalar(Scalar::Bool(b.value))),
        Lit::Int(lit) => {
            let v = lit.base10_parse::<u128>().ok().and_then(|m| {
                let v = if neg {
                    0i128.checked_sub_unsigned(m)?
                } else {
                    i128::try_from(m).ok()?
                };
                (i128::from(i64::MIN)..=i128::from(u64::MAX))
                    .contains(&v)
                    .then_some(v)
            });
            if v.is_none() {
                cx.error_spanned_by(
                    tokens,
                    format!(
                        "`{sign}{}` is past the integers a JSON reader hands over exactly, {}..={}: no member could hold it",
                        lit.base10_digits(),
                        i64::MIN,
                        u64::MAX,
                    ),
                );
            }
            v.map(|v| VariantValue::Scalar(Scalar::Int(v)))
        }
        Lit::Float(lit) => match lit.base10_parse::<f64>() {
            Ok(v) if v.is_finite() => Some(VariantValue::Scalar(Scalar::Float(if neg {
                -v
            } else {
                v
            }))),
            _ => {
                cx.error_spanned_by(
                    tokens,
                    format!(
                        "`{sign}{}` is not a finite `f64`, and JSON has no other numbers: write a value within ±{:e}",
                        lit.base10_digits(),
                        f64::MAX
                    ),
                );
                None
            }
        },
        Lit::Char(c) if !neg => {
            cx.error_spanned_by(
                tokens,
                format!(
                    "a condition's value is a string literal, not a character: write `{}`",
                    LitStr::new(&c.value().to_string(), Span::call_site()).token()
                ),
            );
            None
        }
        _ => {
            cx.error_spanned_by(tokens, CONDITION_HELP);
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

    fn variant_values(src: &str) -> (Vec<Option<super::super::VariantValue>>, Vec<String>) {
        let item: syn::DeriveInput = syn::parse_str(&format!("enum E {{ {src} }}")).unwrap();
        let syn::Data::Enum(e) = &item.data else {
            unreachable!()
        };
        let mut cx = Ctxt::default();
        let values = e
            .variants
            .iter()
            .map(|v| {
                super::super::variant(&mut cx, &v.attrs)
                    .value
                    .map(|a| a.value)
            })
            .collect();
        let errors = match cx.finish() {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        };
        (values, errors)
    }

    #[test]
    fn reads_each_kind_of_variant_value() {
        use super::super::{Scalar, VariantValue};
        let (values, errors) = variant_values(
            r#"#[model(value = 1)] A, #[model(value = -3)] B, #[model(value = 1.5)] C,
               #[model(value = -0.25)] D, #[model(value = true)] E, #[model(value = false)] F,
               #[model(value = null)] G, #[model(value = "auto")] H,
               #[model(value = 18446744073709551615)] I, #[model(value = -9223372036854775808)] J"#,
        );
        assert!(errors.is_empty(), "{errors:?}");
        let scalars: Vec<Option<Scalar>> = values
            .iter()
            .map(|v| match v {
                Some(VariantValue::Scalar(s)) => Some(*s),
                _ => None,
            })
            .collect();
        assert_eq!(
            scalars,
            [
                Some(Scalar::Int(1)),
                Some(Scalar::Int(-3)),
                Some(Scalar::Float(1.5)),
                Some(Scalar::Float(-0.25)),
                Some(Scalar::Bool(true)),
                Some(Scalar::Bool(false)),
                Some(Scalar::Null),
                None,
                Some(Scalar::Int(u64::MAX.into())),
                Some(Scalar::Int(i64::MIN.into())),
            ]
        );
        assert!(matches!(&values[7], Some(VariantValue::Str(s)) if s.value() == "auto"));
    }

    #[test]
    fn an_unsupported_variant_value_says_what_to_write() {
        let (values, errors) = variant_values(
            r#"#[model(value = b"x")] A, #[model(value = 'c')] B, #[model(value = None)] C,
               #[model(value = MAX)] D, #[model(value = 18446744073709551616)] E,
               #[model(value = -true)] F, #[model(value = 1 + 1)] G, #[model(value = "")] H,
               #[model(value = 1e999)] I, #[model(value)] J"#,
        );
        assert!(values.iter().all(Option::is_none));
        assert_eq!(errors.len(), 10, "{errors:#?}");
        assert!(
            errors[0].starts_with("JSON has no bytes; `value` takes"),
            "{}",
            errors[0]
        );
        assert_eq!(
            errors[1],
            "`value` takes a string literal, not a character: write `value = \"c\"`"
        );
        assert_eq!(
            errors[2],
            "`value = None` is no JSON value: JSON's null is `value = null`"
        );
        assert!(errors[3].ends_with(NOT_EVALUATED), "{}", errors[3]);
        assert!(
            errors[4].starts_with("`value = 18446744073709551616` is past the integers"),
            "{}",
            errors[4]
        );
        assert!(
            errors[5].starts_with("`value` takes the variant's JSON value"),
            "{}",
            errors[5]
        );
        assert!(errors[6].ends_with(NOT_EVALUATED), "{}", errors[6]);
        assert!(
            errors[7].starts_with("a wire value cannot be empty"),
            "{}",
            errors[7]
        );
        assert!(errors[8].contains("is not a finite `f64`"), "{}", errors[8]);
        assert_eq!(errors[9], "`value` needs a value, e.g. `value = 1`");
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
