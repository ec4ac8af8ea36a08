//! Reads `#[model(...)]` attributes into typed values, each with the span of its key and the
//! tokens of its value.
//!
//! A mistake in one key is recorded and parsing goes on with the next key, so that every
//! mistake of a struct is reported in one compile. Each message says how to mend the mistake.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Lit, LitStr, Token};

use crate::case::{self, RenameRule};
use crate::charset::{self, CharsetSpec};
use crate::ctxt::Ctxt;

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

/// Where an attribute sits: on the struct or on a field.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Container,
    Field,
}

impl Place {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Place::Container => CONTAINER_KEYS,
            Place::Field => FIELD_KEYS,
        }
    }

    fn other_keys(self) -> &'static [&'static str] {
        match self {
            Place::Container => FIELD_KEYS,
            Place::Field => CONTAINER_KEYS,
        }
    }

    /// How the messages name the attributes' owner.
    fn owner(self) -> &'static str {
        match self {
            Place::Container => "this struct",
            Place::Field => "this field",
        }
    }

    fn key_example(self) -> &'static str {
        match self {
            Place::Container => "rename_all = \"camelCase\"",
            Place::Field => "rename = \"clientId\"",
        }
    }

    fn example(self) -> &'static str {
        match self {
            Place::Container => "#[model(rename_all = \"camelCase\")]",
            Place::Field => "#[model(max_len = 86)]",
        }
    }
}

const CONTAINER_KEYS: &[&str] = &["rename_all", "deny_unknown_fields"];
const FIELD_KEYS: &[&str] = &[
    "rename", "charset", "min_len", "max_len", "min", "max", "secret", "default",
];

/// Keys other validation and serialization crates use, and what this derive calls them.
const ALIASES: &[(&str, &str)] = &[
    ("pattern", "`charset`"),
    ("regex", "`charset`"),
    ("chars", "`charset`"),
    ("length", "`min_len` and `max_len`"),
    ("len", "`min_len` and `max_len`"),
    ("range", "`min` and `max`"),
    ("min_items", "`min_len`"),
    ("max_items", "`max_len`"),
    ("sensitive", "`secret`"),
    ("redact", "`secret`"),
    ("skip_debug", "`secret`"),
    ("alias", "`rename`"),
    ("name", "`rename`"),
];

/// An example of each key that takes a value.
fn example(key: &str) -> &'static str {
    match key {
        "rename" => "rename = \"clientId\"",
        "charset" => "charset = \"A-Za-z0-9_-\"",
        "min_len" => "min_len = 1",
        "max_len" => "max_len = 86",
        "min" => "min = 1",
        "max" => "max = 3600",
        "rename_all" => "rename_all = \"camelCase\"",
        _ => "",
    }
}

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

/// Runs `each` on every key of every `#[model(...)]` in `attrs`, recording what cannot be
/// read at all (`#[model]`, `#[model = ...]`, a literal where a key should be).
fn each_key(
    cx: &mut Ctxt,
    attrs: &[Attribute],
    place: Place,
    mut each: impl FnMut(&mut Ctxt, &ParseNestedMeta, &str) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|a| is_model(a)) {
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
        // Each item between commas is read on its own, so that a syntax error in one does not
        // hide the mistakes in the others.
        for item in split_items(list.tokens.clone()) {
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
                let key = key_name(&meta);
                each(cx, &meta, &key)
            })
            .parse2(item);
            if let Err(e) = result {
                cx.syn_error(e);
            }
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

pub fn container(cx: &mut Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    let place = Place::Container;
    each_key(cx, attrs, place, |cx, meta, key| {
        let span = meta.path.span();
        match key {
            "rename_all" => {
                let Some(tokens) = value_tokens(cx, meta, key)? else {
                    return Ok(());
                };
                let Some(lit) = lit_str(cx, key, &tokens) else {
                    return Ok(());
                };
                match RenameRule::from_name(&lit.value()) {
                    Some(rule) => set(cx, place, &mut out.rename_all, rule, span, key, tokens),
                    None => cx.error_spanned_by(&lit, unknown_case(&lit.value())),
                }
            }
            "deny_unknown_fields" => flag(cx, meta, place, &mut out.deny_unknown_fields, key)?,
            _ => unknown(cx, meta, key, place)?,
        }
        Ok(())
    });
    out
}

pub fn field(cx: &mut Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    let place = Place::Field;
    each_key(cx, attrs, place, |cx, meta, key| {
        let span = meta.path.span();
        if !matches!(key, "secret" | "default") && FIELD_KEYS.contains(&key) {
            let Some(tokens) = value_tokens(cx, meta, key)? else {
                return Ok(());
            };
            match key {
                "rename" => {
                    if let Some(lit) = lit_str(cx, key, &tokens) {
                        if lit.value().is_empty() {
                            cx.error_spanned_by(
                                &lit,
                                "a wire name cannot be empty: write the member's name as it appears in the document, e.g. `rename = \"clientId\"`",
                            );
                        } else {
                            set(cx, place, &mut out.rename, lit, span, key, tokens);
                        }
                    }
                }
                "charset" => {
                    if let Some(lit) = lit_str(cx, key, &tokens) {
                        match charset::parse(&lit.value()) {
                            Ok(spec) => set(cx, place, &mut out.charset, spec, span, key, tokens),
                            Err(msg) => cx.error_spanned_by(&lit, msg),
                        }
                    }
                }
                "min_len" | "max_len" => {
                    if let Some(n) = length(cx, key, &tokens) {
                        let slot = if key == "min_len" {
                            &mut out.min_len
                        } else {
                            &mut out.max_len
                        };
                        set(cx, place, slot, n, span, key, tokens);
                    }
                }
                _ => {
                    if let Some(n) = number(cx, key, &tokens) {
                        let slot = if key == "min" {
                            &mut out.min
                        } else {
                            &mut out.max
                        };
                        set(cx, place, slot, n, span, key, tokens);
                    }
                }
            }
            return Ok(());
        }
        match key {
            "secret" => flag(cx, meta, place, &mut out.secret, key)?,
            "default" => flag(cx, meta, place, &mut out.default, key)?,
            _ => unknown(cx, meta, key, place)?,
        }
        Ok(())
    });
    out
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

/// Sets a key once; a second occurrence is an error on the second key.
fn set<T>(
    cx: &mut Ctxt,
    place: Place,
    slot: &mut Option<Attr<T>>,
    value: T,
    span: Span,
    key: &str,
    tokens: TokenStream,
) {
    if slot.is_some() {
        cx.error_at(span, duplicate(place, key));
    } else {
        *slot = Some(Attr {
            value,
            span,
            tokens,
        });
    }
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
    place: Place,
    slot: &mut Option<Span>,
    key: &str,
) -> syn::Result<()> {
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

fn unknown(cx: &mut Ctxt, meta: &ParseNestedMeta, key: &str, place: Place) -> syn::Result<()> {
    let (kind, other_kind, other_place) = match place {
        Place::Container => ("container", "field", "on a field"),
        Place::Field => ("field", "container", "on the struct"),
    };
    let last = meta
        .path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    let msg = if place.other_keys().contains(&key) {
        format!(
            "`{key}` is a {other_kind} attribute, not a {kind} attribute: move it into a `#[model(...)]` {other_place}"
        )
    } else {
        let list = place
            .keys()
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        match suggest_key(&last, place.keys()) {
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

/// A known key close to `key`, as the message shows it (`` `max_len` ``).
fn suggest_key(key: &str, known: &[&str]) -> Option<String> {
    let lower = key.to_ascii_lowercase();
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-'))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    // Other crates' names for the same rules.
    if let Some((_, to)) = ALIASES.iter().find(|(from, to)| {
        (norm(from) == norm(&lower)) && known.iter().any(|k| to.contains(&format!("`{k}`")))
    }) {
        return Some((*to).to_owned());
    }
    let n = norm(key);
    // The same key in another spelling, or a longer or shorter form of it.
    let by_prefix = known
        .iter()
        .filter(|k| {
            let k = norm(k);
            k == n || (n.len() >= 3 && (n.starts_with(&k) || k.starts_with(&n)))
        })
        .max_by_key(|k| k.len());
    if let Some(k) = by_prefix {
        return Some(format!("`{k}`"));
    }
    // A typo.
    known
        .iter()
        .map(|k| (edit_distance(&lower, k), k))
        .filter(|(d, k)| *d <= 2 && k.len() > 3 && lower.len() > 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| format!("`{k}`"))
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The message for a `rename_all` case this derive does not know.
fn unknown_case(name: &str) -> String {
    let names = case::NAMES
        .iter()
        .map(|(n, _)| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    match suggest_case(name) {
        Some(s) => format!(
            "unknown case \"{name}\"; did you mean \"{s}\"? `rename_all` takes one of {names}"
        ),
        None => format!("unknown case \"{name}\"; `rename_all` takes one of {names}"),
    }
}

/// The case name `name` most likely means: the same letters in other capitals or separators,
/// with or without the `case` suffix, or a common other name of the same convention.
fn suggest_case(name: &str) -> Option<&'static str> {
    fn norm(s: &str) -> String {
        let s: String = s
            .chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        s.strip_suffix("case").map(str::to_owned).unwrap_or(s)
    }
    let n = match norm(name).as_str() {
        "uppercamel" => "pascal".to_owned(),
        "lowercamel" => "camel".to_owned(),
        "constant" | "screaming" | "uppersnake" => "screamingsnake".to_owned(),
        "dash" | "lowerkebab" => "kebab".to_owned(),
        "upperkebab" | "cobol" | "train" => "screamingkebab".to_owned(),
        n => n.to_owned(),
    };
    case::NAMES
        .iter()
        .map(|(name, _)| *name)
        .find(|known| norm(known) == n)
}

/// The tokens of one item of the list, up to the next top-level `,`.
fn rest_of_item(input: ParseStream) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        let tt: TokenTree = input.parse()?;
        tokens.extend([tt]);
    }
    Ok(tokens)
}

/// The value of a key that takes one: the tokens after `=`. A missing `=` or value is recorded
/// and gives `None`.
fn value_tokens(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    key: &str,
) -> syn::Result<Option<TokenStream>> {
    let example = example(key);
    if meta.input.peek(Token![=]) {
        let _eq: Token![=] = meta.input.parse()?;
        let tokens = rest_of_item(meta.input)?;
        if tokens.is_empty() {
            cx.error_spanned_by(
                &meta.path,
                format!("`{key} =` needs a value after `=`, e.g. `{example}`"),
            );
            return Ok(None);
        }
        return Ok(Some(tokens));
    }
    let rest = rest_of_item(meta.input)?;
    if rest.is_empty() {
        cx.error_spanned_by(
            &meta.path,
            format!("`{key}` needs a value, e.g. `{example}`"),
        );
    } else {
        cx.error_spanned_by(
            &rest,
            format!("`{key}` takes its value after `=`, e.g. `{example}`"),
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
fn missing_comma(cx: &mut Ctxt, key: &str, value: &Value) -> bool {
    match value.rest.clone().into_iter().next() {
        None => false,
        Some(TokenTree::Ident(next)) => {
            cx.error_spanned_by(
                &next,
                format!(
                    "expected `,` before `{next}`: separate the keys with commas, as in `{}, ...`",
                    example(key)
                ),
            );
            true
        }
        Some(_) => false,
    }
}

fn lit_str(cx: &mut Ctxt, key: &str, tokens: &TokenStream) -> Option<LitStr> {
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
    let msg = match quoted {
        Some(text) => format!(
            "`{key}` takes a string literal: write `{key} = {}`",
            LitStr::new(&text, Span::call_site()).token()
        ),
        None => format!("`{key}` takes a string literal, e.g. `{}`", example(key)),
    };
    cx.error_spanned_by(tokens, msg);
    None
}

/// The one literal (with its sign) a numeric key takes, or `None` with the error recorded.
fn single_literal(cx: &mut Ctxt, key: &str, tokens: &TokenStream, help: &str) -> Option<Value> {
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

fn length(cx: &mut Ctxt, key: &str, tokens: &TokenStream) -> Option<usize> {
    let help = format!("`{key}` takes a whole number, e.g. `{}`", example(key));
    let value = single_literal(cx, key, tokens, &help)?;
    match (&value.lit, value.neg) {
        (Lit::Int(_), true) => {
            let what = if key == "min_len" {
                "the shortest a value can be"
            } else {
                "the longest a value can be"
            };
            cx.error_spanned_by(
                tokens,
                format!("`{key}` is {what}, in characters or items, so it cannot be negative; the least is `{key} = 0`"),
            );
            None
        }
        (Lit::Int(lit), false) => match lit.base10_parse::<usize>() {
            Ok(n) => Some(n),
            Err(_) => {
                cx.error_spanned_by(
                    tokens,
                    format!(
                        "`{key} = {}` does not fit in `usize` (at most {})",
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
                        "`{key}` takes a whole number: write `{key} = {}`",
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
                    "`{key}` takes a number, not a string: write `{key} = {}`",
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

fn number(cx: &mut Ctxt, key: &str, tokens: &TokenStream) -> Option<Number> {
    let help = format!(
        "`{key}` takes a number literal, e.g. `{}` or `{key} = -0.5`",
        example(key)
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
                            "`{key} = {}{}` is beyond what a bound can be: {}..={}",
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
                        "`{key} = {}{}` is not a finite `f64`: write a bound within ±{:e}",
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
                    "`{key}` takes a number, not a string: write `{key} = {}`",
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
    use super::*;

    fn messages(cx: Ctxt) -> Vec<String> {
        match cx.finish() {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    fn field_attrs(src: &str) -> (FieldAttrs, Vec<String>) {
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
               #[model(min = -1, max = 0.5, secret, default)]"#,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(a.rename.unwrap().value.value(), "id");
        assert_eq!(a.charset.unwrap().value.text, "a-z");
        assert_eq!(a.min_len.unwrap().value, 1);
        assert_eq!(a.max_len.unwrap().value, 86);
        assert_eq!(a.min.unwrap().value, Number::Int(-1));
        assert_eq!(a.max.unwrap().value, Number::Float(0.5));
        assert!(a.secret.is_some() && a.default.is_some());
    }

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
    fn every_mistake_of_a_list_is_reported() {
        let (a, errors) = field_attrs(
            r#"#[model(max_length = 5, min_len = "1", secret = true, max_len = 2, max_len = 3)]"#,
        );
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors[0].contains("did you mean `max_len`?"));
        assert!(errors[1].contains("write `min_len = 1`"));
        assert!(errors[2].contains("`secret` takes no value"));
        assert!(errors[3].contains("duplicate `max_len`: this field already sets it"));
        assert_eq!(a.max_len.unwrap().value, 2);
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

    #[test]
    fn keys_in_the_wrong_place_are_named() {
        let (_, errors) = field_attrs("#[model(rename_all = \"camelCase\", deny_unknown_fields)]");
        assert!(errors[0].starts_with("`rename_all` is a container attribute"));
        assert!(errors[1].starts_with("`deny_unknown_fields` is a container attribute"));
        let (_, errors) = container_attrs("#[model(rename = \"x\", secret)]");
        assert!(errors[0].starts_with("`rename` is a field attribute"));
        assert!(errors[1].starts_with("`secret` is a field attribute"));
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
    fn a_syntax_error_hides_no_other_mistake() {
        let (a, errors) = field_attrs(
            r#"#[model("x", max_len = 2, min_len::x = 1, 5, min_len = 1,, secret = , default true)]"#,
        );
        assert_eq!(errors.len(), 5, "{errors:?}");
        assert_eq!(errors[4], "`default` takes no value: write `default` alone");
        assert!(errors[0].starts_with("expected a key, found a literal"));
        assert!(errors[1].starts_with("unknown field attribute `min_len::x`"));
        assert!(errors[2].starts_with("expected a key, found a literal"));
        assert_eq!(errors[3], "`secret` takes no value: write `secret` alone");
        assert_eq!(a.max_len.unwrap().value, 2);
        assert_eq!(a.min_len.unwrap().value, 1);
    }

    #[test]
    fn suggests_known_keys() {
        let k = FIELD_KEYS;
        assert_eq!(suggest_key("max_length", k).as_deref(), Some("`max_len`"));
        assert_eq!(suggest_key("maxLen", k).as_deref(), Some("`max_len`"));
        assert_eq!(suggest_key("minimum", k).as_deref(), Some("`min`"));
        assert_eq!(suggest_key("charst", k).as_deref(), Some("`charset`"));
        assert_eq!(suggest_key("secert", k).as_deref(), Some("`secret`"));
        assert_eq!(suggest_key("pattern", k).as_deref(), Some("`charset`"));
        assert_eq!(
            suggest_key("length", k).as_deref(),
            Some("`min_len` and `max_len`")
        );
        assert_eq!(suggest_key("skip_serializing_if", k), None);
        assert_eq!(suggest_key("m", k), None);
        assert_eq!(
            suggest_key("deny_unknown", CONTAINER_KEYS).as_deref(),
            Some("`deny_unknown_fields`")
        );
        assert_eq!(suggest_key("pattern", CONTAINER_KEYS), None);
    }

    #[test]
    fn suggests_case_names() {
        assert_eq!(suggest_case("camel"), Some("camelCase"));
        assert_eq!(suggest_case("camelcase"), Some("camelCase"));
        assert_eq!(suggest_case("camel_case"), Some("camelCase"));
        assert_eq!(suggest_case("kebab"), Some("kebab-case"));
        assert_eq!(
            suggest_case("SCREAMING_KEBAB_CASE"),
            Some("SCREAMING-KEBAB-CASE")
        );
        assert_eq!(suggest_case("UpperCamelCase"), Some("PascalCase"));
        assert_eq!(suggest_case("CONSTANT_CASE"), Some("SCREAMING_SNAKE_CASE"));
        assert_eq!(suggest_case("title"), None);
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("secret", "secret"), 0);
        assert_eq!(edit_distance("secert", "secret"), 2);
        assert_eq!(edit_distance("charst", "charset"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
