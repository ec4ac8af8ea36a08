//! `pattern`, `not_pattern` and `check_format` on strings.
//!
//! - A [`Pattern`] is a JSON Schema `pattern` that the derive compiled into a DFA over bytes
//!   when it expanded: nothing is compiled, allocated or locked when a string is checked, and
//!   no regular expression engine is in the program. The walk reads each byte once and stops
//!   as soon as the answer is known.
//! - [`Patterns`] are a string's patterns, the one it must match and the ones it must not,
//!   behind one reference, so that a string rule without any tests one field.
//! - A [`FormatCheck`] is a `format` checked (`check_format`): the check of the `formats`
//!   module, and the format's name for messages.

/// A JSON Schema `pattern`, compiled by the derive: the source as written, and its automaton.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    check: Check,
}

/// How a pattern is checked.
#[derive(Debug)]
enum Check {
    /// A walk of the automaton. Its states are rows of `stride` entries, one per byte class
    /// (`classes` maps each byte to its class); each entry is the next state's row, its first
    /// index. The row at 0 can no longer match and the row at `stride` has matched (each leads
    /// only to itself), so a walk that reaches either has its answer; at the end of the string,
    /// `ends` tells, by state, whether the one reached matches (1) or not (0).
    Walk {
        classes: &'static [u8; 256],
        stride: usize,
        table: &'static [u32],
        start: u32,
        ends: &'static [u8],
    },
    /// A pattern that matches only strings of one length, each byte from a set of its own
    /// position (`^AC[0-9a-fA-F]{32}$`): the derive writes the check as code, the length, then
    /// each run of positions that share a set as comparisons with no branch, which the compiler
    /// turns into vector compares; no state goes from one byte to the next.
    Code(fn(&[u8]) -> bool),
}

impl Pattern {
    /// The pattern `source`, checked by a walk of the automaton the derive built.
    #[doc(hidden)]
    pub const fn walk(
        source: &'static str,
        classes: &'static [u8; 256],
        stride: usize,
        table: &'static [u32],
        start: u32,
        ends: &'static [u8],
    ) -> Pattern {
        Pattern {
            source,
            check: Check::Walk {
                classes,
                stride,
                table,
                start,
                ends,
            },
        }
    }

    /// The pattern `source`, checked by `check`, which the derive wrote for it.
    #[doc(hidden)]
    pub const fn code(source: &'static str, check: fn(&[u8]) -> bool) -> Pattern {
        Pattern {
            source,
            check: Check::Code(check),
        }
    }

    /// The pattern as written in the attribute (and in the schema).
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether `s` matches the pattern (anywhere in it, unless the pattern is anchored).
    #[inline]
    pub fn is_match(&self, s: &str) -> bool {
        match self.check {
            Check::Walk {
                classes,
                stride,
                table,
                start,
                ends,
            } => {
                let mut state = start as usize;
                for &byte in s.as_bytes() {
                    if state <= stride {
                        return state == stride;
                    }
                    state = table[state + usize::from(classes[usize::from(byte)])] as usize;
                }
                ends[state / stride] == 1
            }
            Check::Code(check) => check(s.as_bytes()),
        }
    }
}

/// A string's patterns: `pattern`, the one it must match, and `not_pattern`, the ones it must
/// not, at least one of them.
#[derive(Debug)]
pub struct Patterns {
    /// The pattern the string must match, if any.
    pub pattern: Option<Pattern>,
    /// The patterns the string must not match, in the order written.
    pub not_pattern: &'static [Pattern],
}

/// A `format` that is checked: its name, as the schema writes it, and its check.
#[derive(Debug)]
pub struct FormatCheck {
    /// The format's JSON Schema name (`email`).
    pub name: &'static str,
    /// Whether a string is written in the format.
    pub check: fn(&str) -> bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `^a[0-9]$` by hand: rows of 3 (classes: 0 other, 1 `a`, 2 digits); 0 dead, 3 matched,
    /// 6 start, 9 after `a`, 12 after the digit.
    static CLASSES: [u8; 256] = {
        let mut c = [0u8; 256];
        c[b'a' as usize] = 1;
        let mut d = b'0';
        while d <= b'9' {
            c[d as usize] = 2;
            d += 1;
        }
        c
    };
    const WALK: Pattern = Pattern::walk(
        "^a[0-9]$",
        &CLASSES,
        3,
        &[0, 0, 0, 3, 3, 3, 0, 9, 0, 0, 0, 12, 0, 0, 0],
        6,
        &[0, 1, 0, 0, 1],
    );
    /// The same as the derive writes it for positions: `a`, then a digit.
    const CODE: Pattern = Pattern::code("^a[0-9]$", |b| {
        b.len() == 2 && (b[0] == b'a') & (b[1].wrapping_sub(b'0') <= 9)
    });

    #[test]
    fn the_walk_and_the_code_answer_alike() {
        for pattern in [&WALK, &CODE] {
            assert!(pattern.is_match("a7"));
            assert!(pattern.is_match("a0"));
            assert!(pattern.is_match("a9"));
            assert!(!pattern.is_match("a"));
            assert!(!pattern.is_match("a77"));
            assert!(!pattern.is_match("b7"));
            assert!(!pattern.is_match("a:"));
            assert!(!pattern.is_match(""));
            assert!(!pattern.is_match("é"));
            assert_eq!(pattern.source(), "^a[0-9]$");
        }
    }
}
