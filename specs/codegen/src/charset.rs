//! `pattern` as a charset: the one kind of pattern the derive expresses is a character class
//! over the whole string, `^[...]*$`. It is read into ranges, written back as a `charset`
//! attribute, and spelled as the derive spells its patterns, to compare schemas.

use std::fmt::Write;

/// A pattern with each escape of a punctuation character that needs none (`\:`, `\#`, `\~`) written
/// as the character itself: the same pattern to a regular expression without the Unicode flag,
/// which reads such an escape as the character, and one the derive's compiler, which reads
/// patterns with it and refuses those escapes, takes. Other escapes, and the characters a
/// pattern gives a meaning to (`-` in a class among them), stay as written.
pub fn plain_escapes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e) if needs_no_escape(e, in_class) => out.push(e),
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether `c`, escaped, stands for itself and would stand for itself unescaped: ASCII
/// punctuation with no meaning in a pattern (in a class, or outside one).
fn needs_no_escape(c: char, in_class: bool) -> bool {
    const SYNTAX: &str = "^$\\.*+?()[]{}|/";
    c.is_ascii_punctuation() && !SYNTAX.contains(c) && !(in_class && c == '-')
}

/// The ranges a pattern `^[...]*$` allows, sorted and merged; why not, otherwise.
pub fn from_pattern(pattern: &str) -> Result<Vec<(char, char)>, String> {
    let class = pattern
        .strip_prefix("^[")
        .and_then(|p| p.strip_suffix("]*$"))
        .ok_or_else(|| format!("is `{pattern}`, and the derive expresses only a character class over the whole string, `^[...]*$`, as `charset`"))?;
    if class.starts_with('^') {
        return Err("is a negated class (`[^...]`), which `charset` does not express: list the characters allowed".into());
    }
    let chars: Vec<char> = class.chars().collect();
    let mut i = 0;
    let mut items: Vec<(char, char)> = Vec::new();
    let mut pending: Option<char> = None;
    let mut range_from: Option<char> = None;
    let push = |c: char,
                items: &mut Vec<(char, char)>,
                range_from: &mut Option<char>,
                pending: &mut Option<char>|
     -> Result<(), String> {
        if let Some(lo) = range_from.take() {
            if lo > c {
                return Err(format!("has the range `{lo}-{c}`, which runs backwards"));
            }
            items.push((lo, c));
        } else {
            if let Some(p) = pending.take() {
                items.push((p, p));
            }
            *pending = Some(c);
        }
        Ok(())
    };
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        let single = match c {
            '\\' => {
                let Some(&e) = chars.get(i) else {
                    return Err("ends with a lone `\\`".into());
                };
                i += 1;
                match e {
                    'u' => {
                        if chars.get(i) == Some(&'{') {
                            let end = chars[i..]
                                .iter()
                                .position(|&c| c == '}')
                                .ok_or("has `\\u{` without `}`")?;
                            let hex: String = chars[i + 1..i + end].iter().collect();
                            i += end + 1;
                            code_point(&hex)?
                        } else {
                            let hex: String = chars
                                .get(i..i + 4)
                                .ok_or("has a short `\\u` escape")?
                                .iter()
                                .collect();
                            i += 4;
                            let high = u32::from_str_radix(&hex, 16)
                                .map_err(|_| format!("has the escape `\\u{hex}`"))?;
                            if (0xD800..0xDC00).contains(&high)
                                && chars.get(i) == Some(&'\\')
                                && chars.get(i + 1) == Some(&'u')
                            {
                                let low: String = chars
                                    .get(i + 2..i + 6)
                                    .ok_or("has a short `\\u` escape")?
                                    .iter()
                                    .collect();
                                let low = u32::from_str_radix(&low, 16)
                                    .map_err(|_| format!("has the escape `\\u{low}`"))?;
                                i += 6;
                                char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                                    .ok_or("has an invalid surrogate pair")?
                            } else {
                                char::from_u32(high)
                                    .ok_or_else(|| format!("has a lone surrogate `\\u{hex}`"))?
                            }
                        }
                    }
                    'x' => {
                        let hex: String = chars
                            .get(i..i + 2)
                            .ok_or("has a short `\\x` escape")?
                            .iter()
                            .collect();
                        i += 2;
                        code_point(&hex)?
                    }
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    'd' | 'w' => {
                        if range_from.is_some() {
                            return Err(format!("has `\\{e}` in a range"));
                        }
                        if let Some(p) = pending.take() {
                            items.push((p, p));
                        }
                        items.push(('0', '9'));
                        if e == 'w' {
                            items.extend([('A', 'Z'), ('_', '_'), ('a', 'z')]);
                        }
                        continue;
                    }
                    e if e.is_ascii_punctuation() => e,
                    e => {
                        return Err(format!(
                            "has the escape `\\{e}`, which `charset` does not express"
                        ));
                    }
                }
            }
            '-' if pending.is_some() && range_from.is_none() && i < chars.len() => {
                range_from = pending.take();
                continue;
            }
            '[' => return Err("has a nested `[`; escape it as `\\[`".into()),
            c => c,
        };
        push(single, &mut items, &mut range_from, &mut pending)?;
    }
    if let Some(p) = pending {
        items.push((p, p));
    }
    if let Some(lo) = range_from {
        items.push((lo, lo));
        items.push(('-', '-'));
    }
    if items.is_empty() {
        return Err("is an empty class, which allows only the empty string".into());
    }
    Ok(merge(items))
}

fn code_point(hex: &str) -> Result<char, String> {
    u32::from_str_radix(hex, 16)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| format!("has the escape of `{hex}`, not a character"))
}

/// Sorted ranges, those that overlap or touch merged.
fn merge(mut items: Vec<(char, char)>) -> Vec<(char, char)> {
    items.sort_unstable();
    let mut out: Vec<(char, char)> = Vec::new();
    for (lo, hi) in items {
        if let Some(last) = out.last_mut() {
            if lo as u32 <= last.1 as u32 + 1 {
                if hi > last.1 {
                    last.1 = hi;
                }
                continue;
            }
        }
        out.push((lo, hi));
    }
    out
}

/// The ranges as a `charset` attribute's text, as a person writes it and as messages show it:
/// capitals, small letters and digits first (`A-Za-z0-9\-_`).
pub fn attribute(ranges: &[(char, char)]) -> String {
    let mut ranges = ranges.to_vec();
    ranges.sort_by_key(|&(lo, _)| {
        let class = match lo {
            'A'..='Z' => 0,
            'a'..='z' => 1,
            '0'..='9' => 2,
            _ => 3,
        };
        (class, lo)
    });
    let mut out = String::new();
    let write = |out: &mut String, c: char| match c {
        '\\' | '-' | ']' | '[' | '^' => {
            out.push('\\');
            out.push(c);
        }
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c.is_control() || c.is_whitespace() && c != ' ' => {
            let _ = write!(out, "\\u{{{:X}}}", c as u32);
        }
        c => out.push(c),
    };
    for (lo, hi) in ranges {
        write(&mut out, lo);
        if hi != lo {
            if hi as u32 > lo as u32 + 1 {
                out.push('-');
            }
            write(&mut out, hi);
        }
    }
    out
}

/// The ranges as the derive writes a pattern: `^[...]*$`, each character that is not an ASCII
/// letter or digit as a `\u` escape.
pub fn pattern(ranges: &[(char, char)]) -> String {
    let mut p = String::from("^[");
    let write = |p: &mut String, c: char| {
        if c.is_ascii_alphanumeric() {
            p.push(c);
        } else if (c as u32) < 0x1_0000 {
            let _ = write!(p, "\\u{:04X}", c as u32);
        } else {
            let _ = write!(p, "\\u{{{:X}}}", c as u32);
        }
    };
    for &(lo, hi) in ranges {
        write(&mut p, lo);
        if hi != lo {
            if hi as u32 > lo as u32 + 1 {
                p.push('-');
            }
            write(&mut p, hi);
        }
    }
    p.push_str("]*$");
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_that_need_none_are_written_plain() {
        for (written, plain) in [
            (r"^[^\/~\^\: \[\]\\]+$", r"^[^\/~\^: \[\]\\]+$"),
            (r"a\:b\#c\~", "a:b#c~"),
            // A backslash escaped, then a colon; a class's `-` and the syntax stay escaped.
            (r"\\:", r"\\:"),
            (r"[a\-z]\-\.\d\$\/", r"[a\-z]-\.\d\$\/"),
            (r"\", r"\"),
        ] {
            assert_eq!(plain_escapes(written), plain, "{written}");
            assert_eq!(plain_escapes(plain), plain, "{plain}");
        }
    }

    #[test]
    fn reads_classes() {
        assert_eq!(
            from_pattern("^[A-Za-z0-9_-]*$").unwrap(),
            [('-', '-'), ('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')]
        );
        assert_eq!(
            from_pattern(r"^[\u002D0-9A-Z\u005Fa-z]*$").unwrap(),
            [('-', '-'), ('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')]
        );
        assert_eq!(from_pattern(r"^[\u0020-\u007E]*$").unwrap(), [(' ', '~')]);
        assert_eq!(
            from_pattern(r"^[\w]*$").unwrap(),
            [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')]
        );
        assert_eq!(
            from_pattern(r"^[a-cb-d\.]*$").unwrap(),
            [('.', '.'), ('a', 'd')]
        );
        assert_eq!(from_pattern(r"^[\uD83D\uDE00]*$").unwrap(), [('😀', '😀')]);
        assert!(from_pattern("^[a-z]+$").unwrap_err().contains("`^[...]*$`"));
        assert!(from_pattern("^[^a]*$").unwrap_err().contains("negated"));
        assert!(from_pattern("^[z-a]*$").unwrap_err().contains("backwards"));
    }

    #[test]
    fn writes_the_attribute_and_the_derive_s_pattern() {
        let set = from_pattern("^[A-Za-z0-9_\\-]*$").unwrap();
        assert_eq!(attribute(&set), "A-Za-z0-9\\-_");
        assert_eq!(pattern(&set), r"^[\u002D0-9A-Z\u005Fa-z]*$");
        assert_eq!(attribute(&[(' ', '~')]), " -~");
        assert_eq!(pattern(&[('a', 'b'), ('é', 'é')]), r"^[ab\u00E9]*$");
    }
}
