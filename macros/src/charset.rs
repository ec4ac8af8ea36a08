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

/// Parses `src`; the error says what is wrong and how to mend it.
pub fn parse(src: &str) -> Result<CharsetSpec, String> {
    let chars: Vec<char> = src.chars().collect();
    if chars.is_empty() {
        return Err("empty charset: it would allow no character; list the allowed characters, e.g. `charset = \"A-Za-z0-9\"`".into());
    }
    if chars[0] == '^' {
        return Err("a leading `^` would negate a regex class; list the allowed characters, or write `\\\\^` for a literal caret".into());
    }
    let mut items = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (lo, next) = atom(&chars, i)?;
        // `-` between two atoms makes a range; first or last it is literal.
        if next + 1 < chars.len() && chars[next] == '-' {
            let (hi, after) = atom(&chars, next + 1)?;
            if hi < lo {
                return Err(format!(
                    "reversed range `{}-{}`: write the lower character first, `{}-{}`",
                    show(lo),
                    show(hi),
                    show(hi),
                    show(lo)
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

/// Reads one character at `i`, escaped or not; returns it and the index after it.
fn atom(chars: &[char], i: usize) -> Result<(char, usize), String> {
    match chars[i] {
        '\\' => {
            let Some(&e) = chars.get(i + 1) else {
                return Err("dangling `\\` at the end of the charset: escape it as `\\\\` for a literal backslash".into());
            };
            let c = match e {
                '\\' | '-' | ']' | '[' | '^' => e,
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => return unicode_escape(chars, i + 2),
                other => {
                    return Err(format!(
                        "unknown escape `\\{other}` in charset; known escapes are `\\\\`, `\\-`, `\\]`, `\\[`, `\\^`, `\\n`, `\\r`, `\\t` and `\\u{{HEX}}`"
                    ));
                }
            };
            Ok((c, i + 2))
        }
        c @ ('[' | ']') => Err(format!(
            "unescaped `{c}` in charset: write `\\\\{c}` for a literal `{c}`"
        )),
        c => Ok((c, i + 1)),
    }
}

/// Reads `{HEX}` starting at `i` (after `\u`).
fn unicode_escape(chars: &[char], i: usize) -> Result<(char, usize), String> {
    const HELP: &str = "a `\\u` escape is written `\\u{HEX}` with 1 to 6 hex digits naming a Unicode scalar value, e.g. `\\u{E9}`";
    if chars.get(i) != Some(&'{') {
        return Err(HELP.into());
    }
    let close = chars[i..].iter().position(|&c| c == '}').ok_or(HELP)? + i;
    let hex: String = chars[i + 1..close].iter().collect();
    if hex.is_empty() || hex.len() > 6 {
        return Err(HELP.into());
    }
    let n = u32::from_str_radix(&hex, 16).map_err(|_| HELP)?;
    let c = char::from_u32(n).ok_or_else(|| format!("`\\u{{{hex}}}` is not a Unicode scalar value (surrogates and values above 10FFFF are not)"))?;
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
}
