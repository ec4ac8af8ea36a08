//! Parses a `charset = "..."` literal: the inside of a regex character class.
//!
//! Accepted: single characters, ranges `a-z`, and the escapes `\\`, `\-`, `\]`, `\[`, `\^`,
//! `\n`, `\r`, `\t` and `\u{HEX}`. A `-` first or last is literal. An unescaped `[`, `]` or
//! leading `^` is refused, since it would mean something else in a regex class.

/// A parsed charset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharsetSpec {
    /// Sorted, merged, inclusive ranges.
    pub ranges: Vec<(char, char)>,
    /// The set as written, for people: items separated by spaces (`A-Z a-z 0-9 _ -`).
    pub text: String,
}

impl CharsetSpec {
    /// Whether `c` is in the set.
    pub fn contains(&self, c: char) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
    }
}

/// How a charset escape is written in Rust source: `"\\]"` in a string literal, `r"\]"` in a
/// raw one.
fn in_source(escape: &str) -> String {
    format!("`\"{}\"` or `r\"{escape}\"`", escape.replace('\\', "\\\\"))
}

/// Parses `src`; the error says what is wrong and how to mend it.
pub fn parse(src: &str) -> Result<CharsetSpec, String> {
    let chars: Vec<char> = src.chars().collect();
    if chars.is_empty() {
        return Err("empty charset: it would allow no character; list the allowed characters, e.g. `charset = \"A-Za-z0-9\"`".into());
    }
    if chars.len() >= 2 && chars[0] == '[' && chars[chars.len() - 1] == ']' {
        let inside: String = chars[1..chars.len() - 1].iter().collect();
        return Err(format!(
            "a charset is the inside of a regex class, without the brackets: write `charset = \"{}\"`",
            inside.escape_default()
        ));
    }
    if chars[0] == '^' {
        return Err(format!(
            "a leading `^` would negate a regex class, and a charset lists the allowed characters: list them instead; for a literal caret write `\\^`, as {}",
            in_source("\\^")
        ));
    }
    let mut items = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (lo, next) = atom(&chars, i)?;
        // `-` between two atoms makes a range; first or last it is literal.
        if next + 1 < chars.len() && chars[next] == '-' {
            let (hi, after) = atom(&chars, next + 1)?;
            if hi < lo {
                let written: String = chars[i..after].iter().collect();
                return Err(format!(
                    "reversed range `{written}`{}: write the lower character first, `{}-{}`; for a literal `-` write `\\-`, as {}",
                    code_points(lo, hi),
                    show(hi),
                    show(lo),
                    in_source("\\-")
                ));
            }
            items.push((lo, hi));
            i = after;
        } else {
            items.push((lo, lo));
            i = next;
        }
    }
    let text = items
        .iter()
        .map(|&(lo, hi)| {
            if lo == hi {
                show(lo)
            } else {
                format!("{}-{}", show(lo), show(hi))
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Ok(CharsetSpec {
        ranges: merge(items),
        text,
    })
}

/// ` (U+00FF to U+00E0)` when either end is not printable ASCII, else nothing.
fn code_points(lo: char, hi: char) -> String {
    if lo.is_ascii_graphic() && hi.is_ascii_graphic() {
        String::new()
    } else {
        format!(" (U+{:04X} to U+{:04X})", lo as u32, hi as u32)
    }
}

/// Reads one character at `i`, escaped or not; returns it and the index after it.
fn atom(chars: &[char], i: usize) -> Result<(char, usize), String> {
    match chars[i] {
        '\\' => {
            let Some(&e) = chars.get(i + 1) else {
                return Err(format!(
                    "the charset ends with a lone `\\`, which escapes nothing: for a literal backslash write `\\\\`, as {}",
                    in_source("\\\\")
                ));
            };
            let c = match e {
                '\\' | '-' | ']' | '[' | '^' => e,
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => return unicode_escape(chars, i),
                other => {
                    return Err(format!(
                        "unknown escape `\\{other}` in charset: a charset lists characters and ranges (`0-9`, not `\\d`); the escapes are `\\\\`, `\\-`, `\\]`, `\\[`, `\\^`, `\\n`, `\\r`, `\\t` and `\\u{{HEX}}`"
                    ));
                }
            };
            Ok((c, i + 2))
        }
        c @ ('[' | ']') => Err(format!(
            "unescaped `{c}` in charset: for a literal `{c}` write `\\{c}`, as {}",
            in_source(&format!("\\{c}"))
        )),
        c => Ok((c, i + 1)),
    }
}

/// Reads `\u{HEX}` starting at `start` (the backslash).
fn unicode_escape(chars: &[char], start: usize) -> Result<(char, usize), String> {
    const FORM: &str =
        "a `\\u` escape is written `\\u{HEX}`, with 1 to 6 hex digits, e.g. `\\u{E9}`";
    let i = start + 2;
    if chars.get(i) != Some(&'{') {
        let digits: String = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit())
            .take(6)
            .collect();
        let written: String = chars[start..i + digits.chars().count()].iter().collect();
        return Err(if digits.is_empty() {
            format!("`{written}` is missing its braces: {FORM}")
        } else {
            format!("`{written}` is missing its braces: write `\\u{{{digits}}}`")
        });
    }
    let Some(close) = chars[i..].iter().position(|&c| c == '}').map(|p| p + i) else {
        let written: String = chars[start..].iter().take(10).collect();
        return Err(format!("`{written}` is missing its closing `}}`: {FORM}"));
    };
    let written: String = chars[start..=close].iter().collect();
    let hex: String = chars[i + 1..close].iter().collect();
    if hex.is_empty() {
        return Err(format!("`{written}` names no character: {FORM}"));
    }
    if let Some(bad) = hex.chars().find(|c| !c.is_ascii_hexdigit()) {
        return Err(format!("`{written}`: `{bad}` is not a hex digit; {FORM}"));
    }
    if hex.len() > 6 {
        return Err(format!("`{written}` has more than 6 hex digits: {FORM}"));
    }
    let n = u32::from_str_radix(&hex, 16).map_err(|_| FORM.to_owned())?;
    let c = char::from_u32(n).ok_or_else(|| {
        if n > 0x10FFFF {
            format!("`{written}` is above U+10FFFF, the last Unicode code point")
        } else {
            format!(
                "`{written}` is a surrogate (U+D800 to U+DFFF), which no string can hold; name the character itself, e.g. `\\u{{1F600}}`"
            )
        }
    })?;
    Ok((c, close + 1))
}

/// Sorts ranges and merges those that overlap or touch.
fn merge(mut items: Vec<(char, char)>) -> Vec<(char, char)> {
    items.sort_unstable();
    let mut out: Vec<(char, char)> = Vec::with_capacity(items.len());
    for (lo, hi) in items {
        match out.last_mut() {
            Some(last) if lo as u32 <= last.1 as u32 + 1 => {
                if hi > last.1 {
                    last.1 = hi;
                }
            }
            _ => out.push((lo, hi)),
        }
    }
    out
}

/// A character as error messages and the charset text show it.
fn show(c: char) -> String {
    match c {
        '\n' => "\\n".into(),
        '\r' => "\\r".into(),
        '\t' => "\\t".into(),
        ' ' => "space".into(),
        c if c.is_control() || c.is_whitespace() => format!("\\u{{{:X}}}", c as u32),
        c => c.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_alphabet() {
        let spec = parse("A-Za-z0-9_-").unwrap();
        assert_eq!(
            spec.ranges,
            [('-', '-'), ('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')]
        );
        assert_eq!(spec.text, "A-Z a-z 0-9 _ -");
    }

    #[test]
    fn dash_first_or_last_is_literal() {
        assert_eq!(parse("-a").unwrap().ranges, [('-', '-'), ('a', 'a')]);
        assert_eq!(parse("a-").unwrap().ranges, [('-', '-'), ('a', 'a')]);
        assert_eq!(parse("-").unwrap().ranges, [('-', '-')]);
    }

    #[test]
    fn escapes() {
        // `[`, `\`, `]` and `^` are U+005B to U+005E: one merged range.
        assert_eq!(
            parse(r"\\\-\]\[\^").unwrap().ranges,
            [('-', '-'), ('[', '^')]
        );
        assert_eq!(
            parse(r"\n\t\r").unwrap().ranges,
            [('\t', '\n'), ('\r', '\r')]
        );
        assert_eq!(
            parse(r"\u{E9}\u{1F600}").unwrap().ranges,
            [('é', 'é'), ('😀', '😀')]
        );
        assert_eq!(
            parse(r"a\-z").unwrap().ranges,
            [('-', '-'), ('a', 'a'), ('z', 'z')]
        );
    }

    #[test]
    fn escaped_range_ends() {
        assert_eq!(
            parse(r"\u{E0}-\u{FF}").unwrap().ranges,
            [('\u{E0}', '\u{FF}')]
        );
    }

    #[test]
    fn overlapping_and_adjacent_ranges_merge() {
        assert_eq!(parse("a-mn-zb-c").unwrap().ranges, [('a', 'z')]);
    }

    #[test]
    fn malformed_charsets_are_refused() {
        for bad in [
            "",
            "z-a",
            "abc\\",
            "\\q",
            "^a",
            "a]",
            "[a",
            "\\u{D800}",
            "\\u{}",
            "\\uE9",
            "\\u{1234567}",
            "\\u{E9",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn text_shows_invisible_characters() {
        assert_eq!(parse(" \\t\\u{0}").unwrap().text, "space \\t \\u{0}");
    }

    #[test]
    fn messages_name_the_mistake_and_the_mend() {
        let err = |src: &str| parse(src).unwrap_err();
        assert!(
            err("z-a").starts_with("reversed range `z-a`: write the lower character first, `a-z`")
        );
        assert!(
            err(r"\u{FF}-\u{E0}").starts_with(r"reversed range `\u{FF}-\u{E0}` (U+00FF to U+00E0)")
        );
        assert!(err("A-Z]").contains(r#"write `\]`, as `"\\]"` or `r"\]"`"#));
        assert!(err("[A-Za-z0-9]").ends_with(r#"write `charset = "A-Za-z0-9"`"#));
        assert!(err(r"\d").contains("(`0-9`, not `\\d`)"));
        assert!(err("abc\\").starts_with("the charset ends with a lone `\\`"));
        assert_eq!(
            err(r"\uE9"),
            r"`\uE9` is missing its braces: write `\u{E9}`"
        );
        assert!(err(r"\u{}").starts_with(r"`\u{}` names no character"));
        assert!(err(r"\u{E9G}").starts_with(r"`\u{E9G}`: `G` is not a hex digit"));
        assert!(err(r"\u{00000E9}").starts_with(r"`\u{00000E9}` has more than 6 hex digits"));
        assert!(err(r"a\u{E9").starts_with(r"`\u{E9` is missing its closing `}`"));
        assert!(err(r"\u{D800}").starts_with(r"`\u{D800}` is a surrogate"));
        assert!(err(r"\u{110000}").starts_with(r"`\u{110000}` is above U+10FFFF"));
    }
}
