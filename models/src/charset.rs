//! Character sets, as the derive compiles them from `#[model(charset = "...")]`.
//!
//! The derive parses the charset literal when it expands and emits a [`Charset`] constant: a
//! 128-bit table for ASCII and a sorted list of ranges for everything above it. Matching an
//! ASCII-only set never decodes UTF-8: every byte of a matching string is below 0x80, so the
//! check is one table lookup per byte, with no early exit inside a block, which the compiler
//! turns into straight-line (and often vectorized) code.

/// A set of Unicode scalar values.
///
/// ```
/// use authlete_models::Charset;
///
/// // What `charset = "A-Za-z0-9_-"` compiles to.
/// const BASE64URL: Charset =
///     Charset::new(&[('-', '-'), ('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')], "A-Z a-z 0-9 _ -");
/// assert!(BASE64URL.matches("abc-_XYZ09"));
/// assert!(!BASE64URL.matches("a+b"));
/// assert!(!BASE64URL.matches("é"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Charset {
    ascii: u128,
    ranges: &'static [(char, char)],
    non_ascii: &'static [(char, char)],
    text: &'static str,
}

impl Charset {
    /// Builds a set from inclusive ranges and the text used in error messages.
    ///
    /// The ranges must be sorted, each `lo <= hi`, and must not overlap or touch (the derive
    /// always emits them merged that way); anything else panics, at compile time in a `const`.
    pub const fn new(ranges: &'static [(char, char)], text: &'static str) -> Self {
        let mut ascii = 0u128;
        let mut i = 0;
        let mut first_non_ascii = ranges.len();
        while i < ranges.len() {
            let (lo, hi) = ranges[i];
            assert!(lo as u32 <= hi as u32, "a charset range must have lo <= hi");
            if i > 0 {
                assert!(
                    ranges[i - 1].1 as u32 + 1 < lo as u32,
                    "charset ranges must be sorted and merged"
                );
            }
            let mut c = lo as u32;
            while c <= hi as u32 && c < 128 {
                ascii |= 1 << c;
                c += 1;
            }
            if hi as u32 >= 128 && first_non_ascii == ranges.len() {
                first_non_ascii = i;
            }
            i += 1;
        }
        let non_ascii = ranges.split_at(first_non_ascii).1;
        Charset {
            ascii,
            ranges,
            non_ascii,
            text,
        }
    }

    /// The set as people read it, e.g. `A-Z a-z 0-9 _ -`.
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// The set's ranges, sorted and merged.
    pub const fn ranges(&self) -> &'static [(char, char)] {
        self.ranges
    }

    /// Whether the set holds only ASCII characters.
    pub const fn is_ascii(&self) -> bool {
        self.non_ascii.is_empty()
    }

    /// Whether `c` is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let n = c as u32;
        if n < 128 {
            self.ascii >> n & 1 == 1
        } else {
            self.non_ascii
                .iter()
                .any(|&(lo, hi)| lo as u32 <= n && n <= hi as u32)
        }
    }

    /// Whether every character of `s` is in the set.
    #[inline]
    pub fn matches(&self, s: &str) -> bool {
        if self.non_ascii.is_empty() {
            self.matches_ascii(s.as_bytes())
        } else {
            s.chars().all(|c| self.contains(c))
        }
    }

    /// The table check for ASCII-only sets: in blocks of 16 bytes, no branch inside a block.
    #[inline]
    fn matches_ascii(&self, bytes: &[u8]) -> bool {
        let table = self.ascii;
        // A byte at or above 0x80 shifts the table by `b & 127` but also fails `b < 128`.
        let ok = |b: u8| (b < 128) & (table >> (b & 127) & 1 == 1);
        let mut chunks = bytes.chunks_exact(16);
        for chunk in &mut chunks {
            if !chunk.iter().fold(true, |acc, &b| acc & ok(b)) {
                return false;
            }
        }
        chunks.remainder().iter().fold(true, |acc, &b| acc & ok(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: Charset = Charset::new(
        &[('-', '-'), ('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
        "A-Z a-z 0-9 - _",
    );
    const ACCENTED: Charset = Charset::new(&[('a', 'z'), ('é', 'é'), ('😀', '😀')], "a-z é 😀");

    fn in_url_set(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
    }

    #[test]
    fn every_byte_at_every_position_agrees_with_the_definition() {
        for len in 1..=40usize {
            for pos in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'a'; len];
                    bytes[pos] = b;
                    // Non-UTF-8 byte strings cannot be a `&str`; the byte-level check must still refuse.
                    assert_eq!(
                        URL.matches_ascii(&bytes),
                        in_url_set(b),
                        "byte {b:#x} at {pos} of {len}"
                    );
                    if let Ok(s) = core::str::from_utf8(&bytes) {
                        assert_eq!(URL.matches(s), in_url_set(b));
                    }
                }
            }
        }
    }

    #[test]
    fn empty_string_matches() {
        assert!(URL.matches(""));
    }

    #[test]
    fn non_ascii_sets_decode_characters() {
        assert!(ACCENTED.matches("été😀"));
        assert!(!ACCENTED.matches("è"));
        assert!(!ACCENTED.matches("É"));
        assert!(!ACCENTED.is_ascii());
        assert!(URL.is_ascii());
    }

    #[test]
    fn non_ascii_characters_never_match_an_ascii_set() {
        for c in ['é', '\u{80}', '\u{FFFF}', '😀', 'Ａ'] {
            assert!(!URL.contains(c));
            assert!(!URL.matches(&c.to_string()));
        }
    }

    #[test]
    fn ranges_are_inclusive() {
        assert!(URL.contains('A') && URL.contains('Z') && URL.contains('0') && URL.contains('9'));
        assert!(
            !URL.contains('@') && !URL.contains('[') && !URL.contains('/') && !URL.contains(':')
        );
    }
}
