//! The sets of code points behind `.`, `\d`, `\w`, `\s` and `\p{..}`, as ECMA-262 defines them.

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, HirKind};

use crate::Refusal;

/// A set from inclusive ranges of code points.
fn of_ranges(ranges: &[(char, char)]) -> ClassUnicode {
    ClassUnicode::new(
        ranges
            .iter()
            .map(|&(lo, hi)| ClassUnicodeRange::new(lo, hi)),
    )
}

/// Adds the code points `lo..=hi` to `set`, leaving out surrogates: a Rust string holds none,
/// so a pattern's lone surrogate (`\uD800`) is a character no input contains.
pub(crate) fn add_range(set: &mut ClassUnicode, lo: u32, hi: u32) {
    let parts = [(lo, hi.min(0xD7FF)), (lo.max(0xE000), hi)];
    for (lo, hi) in parts {
        if lo <= hi {
            if let (Some(lo), Some(hi)) = (char::from_u32(lo), char::from_u32(hi)) {
                set.push(ClassUnicodeRange::new(lo, hi));
            }
        }
    }
}

/// `.`: every code point but the line terminators `\n`, `\r`, U+2028 and U+2029.
pub(crate) fn dot() -> ClassUnicode {
    let mut set = of_ranges(&[('\n', '\n'), ('\r', '\r'), ('\u{2028}', '\u{2029}')]);
    set.negate();
    set
}

/// Every code point: `[^]`, and the unanchored prefix.
pub(crate) fn any() -> ClassUnicode {
    of_ranges(&[('\0', char::MAX)])
}

/// `\d`: the ASCII digits only.
pub(crate) fn digit() -> ClassUnicode {
    of_ranges(&[('0', '9')])
}

/// `\w`: ASCII letters, digits and `_` only.
pub(crate) fn word() -> ClassUnicode {
    of_ranges(&[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')])
}

/// `\s`: ECMA-262's WhiteSpace and LineTerminator.
pub(crate) fn space() -> ClassUnicode {
    of_ranges(&[
        ('\t', '\r'),
        (' ', ' '),
        ('\u{A0}', '\u{A0}'),
        ('\u{1680}', '\u{1680}'),
        ('\u{2000}', '\u{200A}'),
        ('\u{2028}', '\u{2029}'),
        ('\u{202F}', '\u{202F}'),
        ('\u{205F}', '\u{205F}'),
        ('\u{3000}', '\u{3000}'),
        ('\u{FEFF}', '\u{FEFF}'),
    ])
}

/// The set of `\d`, `\D`, `\s`, `\S`, `\w` or `\W`, by the letter after the backslash.
pub(crate) fn class_escape(letter: char) -> Option<ClassUnicode> {
    let mut set = match letter.to_ascii_lowercase() {
        'd' => digit(),
        's' => space(),
        'w' => word(),
        _ => return None,
    };
    if letter.is_ascii_uppercase() {
        set.negate();
    }
    Some(set)
}

/// The set of `\p{name=value}` (`name` given) or `\p{value}`.
///
/// ECMA-262 takes three names (`General_Category`, `Script`, `Script_Extensions`, each with
/// its short alias) and, alone, a general category or a binary property. The values are
/// looked up in `regex-syntax`'s Unicode tables, which compare names loosely (case, `_`
/// and spaces aside): a little more forgiving than a browser.
pub(crate) fn property(name: Option<&str>, value: &str) -> Result<ClassUnicode, Refusal> {
    // Surrogates are a general category no Rust string holds, which `regex-syntax` leaves out.
    let surrogates = ["cs", "surrogate"].contains(&value.replace('_', "").to_lowercase().as_str());
    let Some(name) = name else {
        if surrogates {
            return Ok(ClassUnicode::empty());
        }
        if let Some(set) = lookup(&format!("gc={value}")) {
            return Ok(set);
        }
        if lookup(&format!("sc={value}")).is_some() {
            return Err(Refusal::new(format!(
                "`\\p{{{value}}}` names a script, which ECMA-262 spells `\\p{{Script={value}}}`"
            )));
        }
        return lookup(value).ok_or_else(|| {
            Refusal::new(format!(
                "`\\p{{{value}}}` is not a Unicode property ECMA-262 knows"
            ))
        });
    };
    let key = match name {
        "General_Category" | "gc" => "gc",
        "Script" | "sc" => "sc",
        "Script_Extensions" | "scx" => "scx",
        _ => {
            return Err(Refusal::new(format!(
                "`\\p{{{name}=...}}` is not supported: the properties with a value are \
                 General_Category (gc), Script (sc) and Script_Extensions (scx)"
            )));
        }
    };
    if key == "gc" && surrogates {
        return Ok(ClassUnicode::empty());
    }
    lookup(&format!("{key}={value}")).ok_or_else(|| {
        Refusal::new(format!(
            "`\\p{{{name}={value}}}`: `{value}` is not a value of {name}"
        ))
    })
}

/// Asks `regex-syntax` for the set of `\p{query}`. The query holds only ASCII letters,
/// digits, `_` and one `=`, so it cannot change the meaning of the expression around it.
fn lookup(query: &str) -> Option<ClassUnicode> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(&format!("\\p{{{query}}}"))
        .ok()?;
    match hir.kind() {
        HirKind::Class(Class::Unicode(set)) => Some(set.clone()),
        // An empty set (surrogates only, like `Cs`) comes back as the empty byte class.
        HirKind::Class(Class::Bytes(set)) if set.ranges().is_empty() => Some(ClassUnicode::empty()),
        // A set of one code point (`Zl`, `Zp`) comes back as its UTF-8 bytes.
        HirKind::Literal(literal) => {
            let mut chars = std::str::from_utf8(&literal.0).ok()?.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                return None;
            };
            Some(of_ranges(&[(c, c)]))
        }
        _ => None,
    }
}
