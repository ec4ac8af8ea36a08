//! `pattern` and `check_format` on strings.
//!
//! - A [`Pattern`] is a JSON Schema `pattern` that the derive compiled into a DFA over bytes
//!   when it expanded: nothing is compiled, allocated or locked when a string is checked, and
//!   no regular expression engine is in the program. The walk reads each byte once and stops
//!   as soon as the answer is known.
//! - A [`FormatCheck`] is a `format` checked (`check_format`): the check of the `formats`
//!   module, and the format's name for messages.

/// A JSON Schema `pattern`, compiled by the derive: the source as written, and its automaton.
///
/// The automaton's states are rows of `stride` entries, one per byte class (`classes` maps
/// each byte to its class), each entry the next state in two bytes, little-endian. State 0
/// can no longer match and state 1 has matched (each only leads to itself), so a walk that
/// reaches either has its answer; at the end of the string, `ends` tells whether the state
/// reached matches (1) or not (0). All are byte strings in the generated code: one token
/// each, however large the automaton.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    classes: &'static [u8; 256],
    stride: usize,
    table: &'static [u8],
    start: u16,
    ends: &'static [u8],
}

impl Pattern {
    /// The pattern `source` and the automaton the derive built for it.
    #[doc(hidden)]
    pub const fn new(
        source: &'static str,
        classes: &'static [u8; 256],
        stride: usize,
        table: &'static [u8],
        start: u16,
        ends: &'static [u8],
    ) -> Pattern {
        Pattern {
            source,
            classes,
            stride,
            table,
            start,
            ends,
        }
    }

    /// The pattern as written in the attribute (and in the schema).
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether `s` matches the pattern (anywhere in it, unless the pattern is anchored).
    #[inline]
    pub fn is_match(&self, s: &str) -> bool {
        let mut state = usize::from(self.start);
        for &byte in s.as_bytes() {
            if state <= 1 {
                return state == 1;
            }
            let class = usize::from(self.classes[usize::from(byte)]);
            let at = 2 * (state * self.stride + class);
            state = usize::from(u16::from_le_bytes([self.table[at], self.table[at + 1]]));
        }
        self.ends[state] == 1
    }
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

    /// `^a[0-9]$` by hand: 0 dead, 1 matched, 2 start, 3 after `a`, 4 after a digit. Classes:
    /// 0 other, 1 `a`, 2 digits.
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
    const ANCHORED: Pattern = Pattern::new(
        "^a[0-9]$",
        &CLASSES,
        3,
        &[
            0, 0, 0, 0, 0, 0, // dead
            1, 0, 1, 0, 1, 0, // matched
            0, 0, 3, 0, 0, 0, // start
            0, 0, 0, 0, 4, 0, // after `a`
            0, 0, 0, 0, 0, 0, // after the digit
        ],
        2,
        &[0, 1, 0, 0, 1],
    );

    #[test]
    fn the_walk_answers_at_the_end_or_as_soon_as_it_knows() {
        assert!(ANCHORED.is_match("a7"));
        assert!(!ANCHORED.is_match("a"));
        assert!(!ANCHORED.is_match("a77"));
        assert!(!ANCHORED.is_match("b7"));
        assert!(!ANCHORED.is_match(""));
        assert_eq!(ANCHORED.source(), "^a[0-9]$");
    }
}
