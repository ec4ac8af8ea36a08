//! `String` fields: `min_len` / `max_len` in Unicode scalar values, `charset`, `pattern`,
//! `not_pattern` and a checked `format`.

use core::fmt;

use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde_json::{Map, Value};

use super::Rule;
use super::pattern::{FormatCheck, Patterns};
use super::refusal::{Broken, counted, expected, listed, refuse};
use crate::charset::Charset;
use crate::collect::{Collector, kind};
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// `String` fields: `min_len` / `max_len` in Unicode scalar values, `charset`, `pattern`,
/// `not_pattern` and a checked `format`.
#[derive(Clone, Copy, Debug)]
pub struct Str {
    /// Fewest characters allowed (0 when unset).
    pub min_len: usize,
    /// Most characters allowed (`usize::MAX` when unset).
    pub max_len: usize,
    /// The allowed characters, if restricted.
    pub charset: Option<&'static Charset>,
    /// The pattern the string must match and the ones it must not, if any.
    pub patterns: Option<&'static Patterns>,
    /// The format the string must be written in, if checked.
    pub format: Option<&'static FormatCheck>,
}

impl Str {
    /// A string with no rule.
    pub const ANY: Str = Str {
        min_len: 0,
        max_len: usize::MAX,
        charset: None,
        patterns: None,
        format: None,
    };

    /// The first rule `s` breaks, in the order max_len, min_len, charset, pattern, not_pattern
    /// (each in the order written), format.
    ///
    /// The fast path, for a charset of ASCII characters only (see the `charset` module for how
    /// the charset check itself is fast): once such a set holds, every character is one byte,
    /// so a string whose *byte* length is within the bounds and which matches the set is
    /// accepted without counting characters, and one whose byte length is past `max_len` is
    /// refused before the set is looked at. Everything else (a refusal, a set with other
    /// characters, no set) takes [`Str::first_broken_exact`], which finds the same first rule
    /// with character counts, so the code reported never depends on which path ran.
    // Always inlined: in the read of a field, the rule is a constant, and its bounds and set
    // fold into the comparisons (out of line, they are loads, about 50 instructions a call).
    #[inline(always)]
    pub(in crate::rules) fn first_broken(&self, s: &str) -> Option<Broken> {
        let broken = self.first_broken_counted(s);
        // Without a pattern or a format (a constant in a field's read), nothing more to do.
        if broken.is_some() || (self.patterns.is_none() && self.format.is_none()) {
            return broken;
        }
        self.pattern_or_format(s)
    }

    /// The pattern, the refused pattern or the format `s` breaks, in that order. Out of line:
    /// a string rule without any (the documented model's) keeps its read as small as it was.
    #[inline(never)]
    fn pattern_or_format(&self, s: &str) -> Option<Broken> {
        if let Some(patterns) = self.patterns {
            if let Some(pattern) = &patterns.pattern {
                if !pattern.is_match(s) {
                    return Some(Broken::Pattern(pattern));
                }
            }
            if let Some(not) = patterns.not_pattern.iter().find(|not| not.is_match(s)) {
                return Some(Broken::NotPattern(not));
            }
        }
        match self.format {
            Some(format) if !(format.check)(s) => Some(Broken::Format(format)),
            _ => None,
        }
    }

    /// The length or charset rule `s` breaks, if any.
    #[inline(always)]
    fn first_broken_counted(&self, s: &str) -> Option<Broken> {
        let bytes = s.len();
        match self.charset {
            Some(set) if set.is_ascii() && bytes <= self.max_len && bytes >= self.min_len => {
                if set.matches(s) {
                    None
                } else {
                    // Characters are at most bytes, so within `max_len`: only `min_len` can
                    // come before the set, and only if some characters take several bytes.
                    self.min_len_or_charset(s, set)
                }
            }
            // With no set, `bytes` and `bytes / 4` bound the count: no count within them.
            None if bytes <= self.max_len && bytes.div_ceil(4) >= self.min_len => None,
            _ => self.first_broken_exact(s),
        }
    }

    /// The rule broken by a string that fails an ASCII-only set with its byte length within
    /// the bounds.
    #[cold]
    #[inline(never)]
    fn min_len_or_charset(&self, s: &str, set: &'static Charset) -> Option<Broken> {
        if s.len().div_ceil(4) < self.min_len && s.chars().nth(self.min_len - 1).is_none() {
            Some(Broken::MinChars(self.min_len))
        } else {
            Some(Broken::Charset(set))
        }
    }

    /// [`Str::first_broken`] without the fast path. The length is checked first and counts no
    /// more characters than it must: an overlong string is refused without reading it whole.
    #[cold]
    #[inline(never)]
    fn first_broken_exact(&self, s: &str) -> Option<Broken> {
        let bytes = s.len();
        // A character takes one to four bytes: `bytes` bounds the count from above, `bytes / 4`
        // (rounded up) from below. Only between those bounds are characters counted, and then
        // only up to `max_len + 1` of them, all at once when they are ASCII.
        if bytes > self.max_len
            && (bytes.div_ceil(4) > self.max_len
                || crate::charset::is_ascii(&s.as_bytes()[..=self.max_len])
                || s.chars().nth(self.max_len).is_some())
        {
            return Some(Broken::MaxChars(self.max_len));
        }
        if bytes < self.min_len
            || (bytes.div_ceil(4) < self.min_len && s.chars().nth(self.min_len - 1).is_none())
        {
            return Some(Broken::MinChars(self.min_len));
        }
        match self.charset {
            Some(set) if !set.matches(s) => Some(Broken::Charset(set)),
            _ => None,
        }
    }

    // Always inlined, as `first_broken` is: out of line, the rule's fields are loads.
    #[inline(always)]
    pub(super) fn accept<E: de::Error>(&self, s: &str, at: &Path<'_>) -> Result<(), E> {
        match self.first_broken(s) {
            None => Ok(()),
            Some(what) => Err(refuse(*at, what)),
        }
    }

    /// Whether `s` holds, pushing every rule it breaks onto `out` when not: the fast check
    /// first, the full one only for a string that breaks something.
    #[inline(always)]
    pub(super) fn collect_str(&self, s: &str, at: &Path<'_>, out: &mut Collector<'_>) -> bool {
        if self.first_broken(s).is_none() {
            return true;
        }
        self.check_str(s, *at, out.errors());
        false
    }

    /// Pushes every rule `s` breaks: the length rule, the charset, the pattern, each refused
    /// pattern it matches, the format.
    // Inlined into a field's check, where the rule is a constant and the rules it lacks fold
    // away.
    #[inline(always)]
    pub fn check_str(&self, s: &str, at: Path<'_>, out: &mut Vec<ValidationError>) {
        let needs_count = s.len() > self.max_len || s.len().div_ceil(4) < self.min_len;
        if needs_count {
            // All ASCII (the usual case, and a fast check): a character a byte.
            let chars = if crate::charset::is_ascii(s.as_bytes()) {
                s.len()
            } else {
                s.chars().count()
            };
            if chars > self.max_len {
                out.push(counted(at, Broken::MaxChars(self.max_len), chars));
            } else if chars < self.min_len {
                out.push(counted(at, Broken::MinChars(self.min_len), chars));
            }
        }
        if let Some(set) = self.charset {
            if !set.matches(s) {
                out.push(listed(at, Broken::Charset(set)));
            }
        }
        if self.patterns.is_some() || self.format.is_some() {
            self.check_pattern_and_format(s, at, out);
        }
    }

    /// Pushes the pattern, the refused patterns and the format `s` breaks. Out of line, as
    /// `pattern_or_format`.
    #[inline(never)]
    fn check_pattern_and_format(&self, s: &str, at: Path<'_>, out: &mut Vec<ValidationError>) {
        if let Some(patterns) = self.patterns {
            if let Some(pattern) = &patterns.pattern {
                if !pattern.is_match(s) {
                    out.push(listed(at, Broken::Pattern(pattern)));
                }
            }
            for not in patterns.not_pattern.iter().filter(|not| not.is_match(s)) {
                out.push(listed(at, Broken::NotPattern(not)));
            }
        }
        if let Some(format) = self.format {
            if !(format.check)(s) {
                out.push(listed(at, Broken::Format(format)));
            }
        }
    }
}

struct StrVisitor<'r, 'p> {
    rule: &'r Str,
    at: &'p Path<'p>,
}

impl<'de> Visitor<'de> for StrVisitor<'_, '_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, "a string", *self.at)
    }

    // Checked while borrowed: a refused string is never copied.
    #[inline]
    fn visit_str<E: de::Error>(self, s: &str) -> Result<String, E> {
        self.rule.accept(s, self.at)?;
        Ok(s.to_owned())
    }

    #[inline]
    fn visit_string<E: de::Error>(self, s: String) -> Result<String, E> {
        self.rule.accept(&s, self.at)?;
        Ok(s)
    }

    refuse_non_strings!();
}

/// Collects a string under a [`Str`] rule.
struct StrCollect<'r, 'p, 'o, 'i> {
    rule: &'r Str,
    at: &'p Path<'p>,
    out: &'o mut Collector<'i>,
}

impl<'de> Visitor<'de> for StrCollect<'_, '_, '_, '_> {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(kind::STRING)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Option<String>, E> {
        Ok(self
            .rule
            .collect_str(s, self.at, self.out)
            .then(|| s.to_owned()))
    }

    #[inline]
    fn visit_string<E: de::Error>(self, s: String) -> Result<Option<String>, E> {
        Ok(self.rule.collect_str(&s, self.at, self.out).then_some(s))
    }

    collect_refuse!(kind::STRING; visit_bool visit_i64 visit_u64 visit_f64 visit_unit visit_seq visit_map);
}

impl Rule<String> for Str {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<String, D::Error> {
        d.deserialize_str(StrVisitor {
            rule: self,
            at: &at,
        })
    }

    #[inline]
    fn check(&self, value: &String, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.check_str(value, at, out);
    }

    #[inline]
    fn schema(&self, _: &mut SchemaGen) -> Map<String, Value> {
        let mut s = Map::new();
        s.insert("type".into(), "string".into());
        if self.min_len > 0 {
            s.insert("minLength".into(), self.min_len.into());
        }
        if self.max_len != usize::MAX {
            s.insert("maxLength".into(), self.max_len.into());
        }
        // One `pattern` keyword: a charset's beside a pattern goes under `allOf`.
        let pattern = self.patterns.and_then(|p| p.pattern.as_ref());
        match (self.charset, pattern) {
            (Some(set), None) => {
                s.insert("pattern".into(), crate::schema::pattern(set).into());
            }
            (set, Some(pattern)) => {
                s.insert("pattern".into(), pattern.source().into());
                if let Some(set) = set {
                    let mut charset = Map::new();
                    charset.insert("pattern".into(), crate::schema::pattern(set).into());
                    s.insert("allOf".into(), Value::Array(vec![Value::Object(charset)]));
                }
            }
            (None, None) => {}
        }
        // The refused patterns after the string's other keywords.
        if let Some(patterns) = self.patterns.filter(|p| !p.not_pattern.is_empty()) {
            crate::schema::refuse_patterns(&mut s, patterns.not_pattern);
        }
        s
    }

    #[inline]
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<String>, D::Error> {
        let read = d.deserialize_any(StrCollect {
            rule: self,
            at: &at,
            out: &mut *out,
        });
        out.settle(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Pattern;

    const SET: Charset = Charset::new(&[('a', 'z')], "a-z");

    fn str_rule(min_len: usize, max_len: usize) -> Str {
        Str {
            min_len,
            max_len,
            charset: None,
            patterns: None,
            format: None,
        }
    }

    fn codes(rule: &Str, s: &str) -> Vec<String> {
        let mut out = Vec::new();
        rule.check_str(s, Path::Root, &mut out);
        out.iter()
            .map(|e| format!("{}: {}", e.code(), e.message()))
            .collect()
    }

    #[test]
    fn length_counts_unicode_scalar_values_not_bytes() {
        let rule = str_rule(2, 3);
        assert!(rule.first_broken("éé").is_none()); // 4 bytes, 2 characters
        assert!(rule.first_broken("😀😀😀").is_none()); // 12 bytes, 3 characters
        assert!(matches!(
            rule.first_broken("😀😀😀😀"),
            Some(Broken::MaxChars(3))
        ));
        assert!(matches!(rule.first_broken("é"), Some(Broken::MinChars(2))));
        assert!(matches!(rule.first_broken("😀"), Some(Broken::MinChars(2))));
    }

    #[test]
    fn every_length_around_the_bounds_agrees_with_a_plain_count() {
        for min in 0..5 {
            for max in min..7 {
                let rule = str_rule(min, max);
                for n in 0..10 {
                    for unit in ["a", "é", "€", "😀"] {
                        let s = unit.repeat(n);
                        let expected = if n > max {
                            Some("max_len")
                        } else if n < min {
                            Some("min_len")
                        } else {
                            None
                        };
                        assert_eq!(
                            rule.first_broken(&s).map(Broken::code),
                            expected,
                            "{min}..={max}, {s:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn check_reports_length_and_charset_together() {
        let rule = Str {
            min_len: 0,
            max_len: 3,
            charset: Some(&SET),
            patterns: None,
            format: None,
        };
        assert_eq!(
            codes(&rule, "ABCD"),
            [
                "max_len: must be at most 3 characters long, got 4",
                "charset: must contain only a-z"
            ]
        );
        assert_eq!(
            codes(&str_rule(1, 5), ""),
            ["min_len: must be at least 1 character long, got 0"]
        );
        assert!(codes(&rule, "abc").is_empty());
    }

    /// `^[a-z.]*$`, and `^[Bb][Kk]` and `\.\.` refused, by hand, as the derive writes a
    /// pattern's check.
    const PATTERNS: Patterns = Patterns {
        pattern: Some(Pattern::code("^[a-z.]*$", |b| {
            b.iter().all(|c| c.is_ascii_lowercase() || *c == b'.')
        })),
        not_pattern: &[
            Pattern::code("^[Bb][Kk]", |b| {
                b.len() >= 2 && (b[0] | 0x20) == b'b' && (b[1] | 0x20) == b'k'
            }),
            Pattern::code(r"\.\.", |b| b.windows(2).any(|w| w == b"..")),
        ],
    };
    /// The first refused pattern alone.
    const ONE_REFUSED: Patterns = Patterns {
        pattern: None,
        not_pattern: &[Pattern::code("^[Bb][Kk]", |b| {
            b.len() >= 2 && (b[0] | 0x20) == b'b' && (b[1] | 0x20) == b'k'
        })],
    };

    #[test]
    fn refused_patterns_come_after_the_pattern_each_in_the_order_written() {
        let rule = Str {
            patterns: Some(&PATTERNS),
            ..Str::ANY
        };
        assert_eq!(
            codes(&rule, "Bk.."),
            [
                "pattern: must match the pattern `^[a-z.]*$`",
                "not_pattern: must not match the pattern `^[Bb][Kk]`",
                r"not_pattern: must not match the pattern `\.\.`"
            ]
        );
        assert!(matches!(
            rule.first_broken("Bk.."),
            Some(Broken::Pattern(_))
        ));
        assert!(matches!(
            rule.first_broken("a..b"),
            Some(Broken::NotPattern(p)) if p.source() == r"\.\."
        ));
        assert!(rule.first_broken("a.b").is_none());
        assert!(codes(&rule, "kb.").is_empty());
    }

    #[test]
    fn one_refused_pattern_is_not_of_it_and_several_not_of_any_of_them() {
        let mut schemas = SchemaGen::default();
        let one = Str {
            patterns: Some(&ONE_REFUSED),
            ..Str::ANY
        };
        assert_eq!(
            Value::Object(Rule::<String>::schema(&one, &mut schemas)),
            serde_json::json!({"type": "string", "not": {"pattern": "^[Bb][Kk]"}})
        );
        let several = Str {
            patterns: Some(&PATTERNS),
            ..Str::ANY
        };
        assert_eq!(
            Value::Object(Rule::<String>::schema(&several, &mut schemas)),
            serde_json::json!({"type": "string", "pattern": "^[a-z.]*$", "not": {"anyOf": [
                {"pattern": "^[Bb][Kk]"},
                {"pattern": r"\.\."}
            ]}})
        );
        // `null` is a branch of its own beside a `not`, which would refuse it.
        assert_eq!(
            Value::Object(crate::schema::nullable(Rule::<String>::schema(
                &one,
                &mut schemas
            ))),
            serde_json::json!({"anyOf": [
                {"type": "string", "not": {"pattern": "^[Bb][Kk]"}},
                {"type": "null"}
            ]})
        );
    }

    #[test]
    fn read_refuses_with_path_and_code() {
        let rule = Str {
            min_len: 0,
            max_len: 3,
            charset: Some(&SET),
            patterns: None,
            format: None,
        };
        let root = Path::Root;
        let at = root.field("name");
        let err = rule.read(serde_json::Value::from("abcd"), at).unwrap_err();
        assert_eq!(
            err.to_string(),
            "/name: max_len: must be at most 3 characters long"
        );
        let err = rule.read(serde_json::Value::from("aB"), at).unwrap_err();
        assert_eq!(err.to_string(), "/name: charset: must contain only a-z");
        // A format that hands the number to the visitor gets an error without the number.
        let number = de::IntoDeserializer::<serde::de::value::Error>::into_deserializer(12345u64);
        let err = rule.read(number, at).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: integer, expected a string at /name"
        );
    }

    /// The first broken rule by the plain definition: count characters, then look them up.
    fn first_broken_by_definition(rule: &Str, s: &str) -> Option<&'static str> {
        let chars = s.chars().count();
        if chars > rule.max_len {
            Some("max_len")
        } else if chars < rule.min_len {
            Some("min_len")
        } else if rule
            .charset
            .is_some_and(|set| !s.chars().all(|c| set.contains(c)))
        {
            Some("charset")
        } else {
            None
        }
    }

    #[test]
    fn the_fast_path_reports_what_the_plain_definition_does() {
        const URL: Charset = Charset::new(
            &[('-', '-'), ('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
            "A-Z a-z 0-9 - _",
        );
        const ACCENTED: Charset = Charset::new(&[('a', 'z'), ('é', 'é')], "a-z é");
        let units = ["a", "Z", "-", "+", " ", "é", "€", "😀", "\0"];
        for charset in [None, Some(&URL), Some(&ACCENTED)] {
            for (min_len, max_len) in [(0, usize::MAX), (1, 5), (3, 3), (0, 0), (4, 20)] {
                let rule = Str {
                    patterns: None,
                    format: None,
                    min_len,
                    max_len,
                    charset,
                };
                for n in 0..24 {
                    for unit in units {
                        for other in ["a", "é", "+"] {
                            // `n` copies of `unit`, and the same with one `other` in the middle.
                            let mut s = unit.repeat(n);
                            for t in [s.clone(), {
                                s.insert_str(s.len() / 2 / unit.len() * unit.len(), other);
                                s.clone()
                            }] {
                                assert_eq!(
                                    rule.first_broken(&t).map(Broken::code),
                                    first_broken_by_definition(&rule, &t),
                                    "{min_len}..={max_len} {:?} on {t:?}",
                                    charset.map(Charset::text)
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}
