//! Rust names from schema names and wire names: PascalCase types and variants, snake_case
//! fields, keywords and clashes avoided, and the case conventions of the derive's
//! `rename_all`, to tell which wire names it reproduces.

use std::collections::BTreeSet;

/// The words of a name: runs of letters and digits, split where the case falls (`clientId` →
/// `client`, `Id`; `HTMLParser` → `HTML`, `Parser`) and at every other character.
fn words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    // Where the word being read starts.
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut chars = name.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if !c.is_alphanumeric() {
            if let Some(s) = start.take() {
                words.push(&name[s..i]);
            }
            prev = Some(c);
            continue;
        }
        let starts = match prev {
            Some(p) if c.is_uppercase() => {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
            }
            _ => false,
        };
        match start {
            Some(s) if starts => {
                words.push(&name[s..i]);
                start = Some(i);
            }
            Some(_) => {}
            None => start = Some(i),
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        words.push(&name[s..]);
    }
    words
}

/// `client_secret_update_request` → `ClientSecretUpdateRequest`; `HS256` → `Hs256`. A name
/// that would start with a digit gets `V` in front, one with no letter or digit is `Empty`.
pub fn pascal(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in words(name) {
        let mut chars = w.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.extend(chars.flat_map(char::to_lowercase));
        }
    }
    if out.is_empty() {
        return "Empty".to_owned();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    if !out.is_ascii() {
        out = out.chars().filter(char::is_ascii_alphanumeric).collect();
        if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
            out.insert(0, 'V');
        }
    }
    out
}

/// `clientIdAlias` → `client_id_alias`; a keyword is written raw (`r#type`), and the few
/// that cannot be raw get a trailing `_`.
pub fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, w) in words(name).into_iter().enumerate() {
        if i > 0 {
            out.push('_');
        }
        if w.is_ascii() {
            out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            out.push_str(&w.to_lowercase());
        }
    }
    out.retain(|c| c.is_ascii_alphanumeric() || c == '_');
    if out.is_empty() {
        out.push_str("field");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "n_");
    }
    if ["self", "Self", "super", "crate", "_"].contains(&out.as_str()) {
        out.push('_');
    } else if KEYWORDS.contains(&out.as_str()) {
        out.insert_str(0, "r#");
    }
    out
}

/// Rust's keywords, strict and reserved, which a field name writes raw.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

/// Type names the generated code uses, or that shadow the prelude for a user's glob import;
/// a schema of one of these names gets `Model` after it.
const TAKEN: &[&str] = &[
    "Option", "Some", "None", "Result", "Ok", "Err", "Box", "String", "Vec", "BTreeMap", "Model",
    "Secret", "Self", "Value", "Map",
];

/// Gives out names, each once: a second `Name` becomes `Name2`, and so on.
#[derive(Default)]
pub struct Unique {
    taken: BTreeSet<String>,
}

impl Unique {
    /// `name`, or `name` with the least number after it that is still free.
    pub fn give(&mut self, name: &str) -> String {
        let mut candidate = name.to_owned();
        let mut n = 2;
        while self.taken.contains(&candidate) {
            candidate = match name.strip_prefix("r#") {
                Some(bare) => format!("{bare}_{n}"),
                None if name.ends_with(|c: char| c.is_ascii_digit()) => format!("{name}_{n}"),
                None => format!("{name}{n}"),
            };
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

/// A type name for a schema named `name`: PascalCase, not a name the generated code needs.
pub fn type_name(name: &str) -> String {
    let p = pascal(name);
    if TAKEN.contains(&p.as_str()) {
        format!("{p}Model")
    } else {
        p
    }
}

/// The derive's case conventions, by the name `rename_all` takes.
pub const RULES: &[&str] = &[
    "camelCase",
    "snake_case",
    "PascalCase",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
    "lowercase",
    "UPPERCASE",
];

/// The wire name the derive gives the field `field` (snake_case, without `r#`) under `rule`.
pub fn field_wire(rule: &str, field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    push_field_wire(rule, field, &mut out);
    out
}

/// [`field_wire`], written at the end of `out`.
pub fn push_field_wire(rule: &str, field: &str, out: &mut String) {
    match rule {
        "UPPERCASE" | "SCREAMING_SNAKE_CASE" => {
            out.extend(field.chars().map(|c| c.to_ascii_uppercase()));
        }
        "PascalCase" => upper_words(field, out),
        "camelCase" => {
            let start = out.len();
            upper_words(field, out);
            lower_first(out, start);
        }
        "kebab-case" => out.extend(field.chars().map(|c| if c == '_' { '-' } else { c })),
        "SCREAMING-KEBAB-CASE" => out.extend(field.chars().map(|c| match c {
            '_' => '-',
            c => c.to_ascii_uppercase(),
        })),
        _ => out.push_str(field),
    }
}

/// The wire value the derive gives the variant `variant` (PascalCase) under `rule`.
pub fn variant_wire(rule: &str, variant: &str) -> String {
    let mut out = String::with_capacity(variant.len());
    push_variant_wire(rule, variant, &mut out);
    out
}

/// [`variant_wire`], written at the end of `out`.
pub fn push_variant_wire(rule: &str, variant: &str, out: &mut String) {
    match rule {
        "PascalCase" | "" => out.push_str(variant),
        "lowercase" => out.extend(variant.chars().map(|c| c.to_ascii_lowercase())),
        "UPPERCASE" => out.extend(variant.chars().map(|c| c.to_ascii_uppercase())),
        "camelCase" => {
            let start = out.len();
            out.push_str(variant);
            lower_first(out, start);
        }
        rule => {
            let mut snake = String::with_capacity(variant.len() + 4);
            for (i, c) in variant.char_indices() {
                if i > 0 && c.is_uppercase() {
                    snake.push('_');
                }
                snake.extend(c.to_lowercase());
            }
            push_field_wire(rule, &snake, out);
        }
    }
}

/// `a_b` → `AB`: each `_` dropped and the letter after it made upper case, written at the end
/// of `out`.
fn upper_words(field: &str, out: &mut String) {
    let mut upper = true;
    for c in field.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
}

/// The first character of `out` from `start` on made lower case.
fn lower_first(out: &mut String, start: usize) {
    let Some(first) = out[start..].chars().next() else {
        return;
    };
    if first.is_ascii() {
        out[start..=start].make_ascii_lowercase();
        return;
    }
    let rest = out.split_off(start + first.len_utf8());
    out.truncate(start);
    out.extend(first.to_lowercase());
    out.push_str(&rest);
}

/// The convention of `RULES` under which most of `pairs` (Rust name, wire name) need no
/// `rename`, and whether each pair needs one under it; `None` when no convention helps.
/// `wire` writes a name's wire name under a convention ([`push_field_wire`],
/// [`push_variant_wire`]).
pub fn best_rule(
    pairs: &[(String, String)],
    wire: fn(&str, &str, &mut String),
) -> Option<&'static str> {
    // Each name without `r#`, with its wire name.
    let bare: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(name, w)| {
            let mut name = name.as_str();
            while let Some(rest) = name.strip_prefix("r#") {
                name = rest;
            }
            (name, w.as_str())
        })
        .collect();
    let mut written = String::new();
    let mut score = |rule: &str| {
        bare.iter()
            .filter(|(name, w)| {
                written.clear();
                wire(rule, name, &mut written);
                written == *w
            })
            .count()
    };
    let (best, hits) =
        RULES
            .iter()
            .map(|rule| (*rule, score(rule)))
            .max_by_key(|&(rule, hits)| {
                (
                    hits,
                    std::cmp::Reverse(RULES.iter().position(|r| *r == rule)),
                )
            })?;
    let plain = score("");
    (hits > plain).then_some(best)
}

/// A variant's name for an enum value that is not a string: `True`, `False`, `V2`, `Minus1`,
/// `V1Point5`, `V1E100`.
pub fn value_variant(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Bool(true) => "True".to_owned(),
        serde_json::Value::Bool(false) => "False".to_owned(),
        serde_json::Value::Null => "Null".to_owned(),
        serde_json::Value::Number(n) => {
            let text = n.to_string();
            let (sign, digits) = match text.strip_prefix('-') {
                Some(rest) => ("Minus", rest),
                None => ("V", text.as_str()),
            };
            let digits = digits
                .replace('.', "Point")
                .replace(['e', 'E'], "E")
                .replace('+', "")
                .replace('-', "Minus");
            format!("{sign}{digits}")
        }
        other => pascal(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_fields_and_variants() {
        assert_eq!(
            pascal("client_secret_update_request"),
            "ClientSecretUpdateRequest"
        );
        assert_eq!(pascal("Client"), "Client");
        assert_eq!(pascal("HS256"), "Hs256");
        assert_eq!(pascal("RSA-OAEP-256"), "RsaOaep256");
        assert_eq!(pascal("A128CBC-HS256"), "A128CbcHs256");
        assert_eq!(
            pascal("urn:ietf:params:oauth:grant-type:jwt-bearer"),
            "UrnIetfParamsOauthGrantTypeJwtBearer"
        );
        assert_eq!(pascal("3d"), "V3d");
        assert_eq!(pascal("--"), "Empty");
        assert_eq!(type_name("result"), "ResultModel");
        assert_eq!(snake("clientIdAlias"), "client_id_alias");
        assert_eq!(snake("pkceS256Required"), "pkce_s256_required");
        assert_eq!(snake("HTMLParser"), "html_parser");
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("2fa"), "n_2fa");
        assert_eq!(snake("$ref"), "r#ref");
    }

    #[test]
    fn conventions_match_the_derive() {
        assert_eq!(
            field_wire("camelCase", "pkce_s256_required"),
            "pkceS256Required"
        );
        assert_eq!(field_wire("SCREAMING-KEBAB-CASE", "a_b"), "A-B");
        assert_eq!(
            variant_wire("SCREAMING_SNAKE_CASE", "ClientSecretBasic"),
            "CLIENT_SECRET_BASIC"
        );
        assert_eq!(variant_wire("UPPERCASE", "Hs256"), "HS256");
        let pairs = [
            ("client_id".to_owned(), "clientId".to_owned()),
            ("type".to_owned(), "type".to_owned()),
        ];
        assert_eq!(best_rule(&pairs, push_field_wire), Some("camelCase"));
        let same = [("a".to_owned(), "a".to_owned())];
        assert_eq!(best_rule(&same, push_field_wire), None);
    }

    #[test]
    fn unique_names_count_up() {
        let mut u = Unique::default();
        assert_eq!(u.give("Client"), "Client");
        assert_eq!(u.give("Client"), "Client2");
        assert_eq!(u.give("Client"), "Client3");
        assert_eq!(u.give("Hs256"), "Hs256");
        assert_eq!(u.give("Hs256"), "Hs256_2");
        assert_eq!(u.give("r#type"), "r#type");
        assert_eq!(u.give("r#type"), "type_2");
    }
}
