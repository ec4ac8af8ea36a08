//! A format's own errors: kept short, given the path, and kept from quoting a secret.

use core::cell::Cell;
use core::fmt;

use serde::de;

use crate::path::Path;

/// The longest error message a read passes on: a longer one is cut in the middle.
pub const MESSAGE_LIMIT: usize = 256;

/// Keeps an error's message short, whatever the input.
///
/// A format's own "invalid type" error may quote the value it found: serde_json quotes a whole
/// string given where a number, a boolean, an array or an object was expected, however long.
/// An error longer than [`MESSAGE_LIMIT`] bytes is rebuilt from its first and last parts (the
/// last part says what was expected, and where); shorter errors pass untouched. A format's
/// trailing position (` at line L column C`) is dropped from the rebuilt text, since the
/// format adds it again.
#[doc(hidden)]
pub fn shorten<E: de::Error>(e: E) -> E {
    // Only a format's type errors quote what they found; every other error (ours included)
    // is short by construction. Telling them apart reads 16 bytes of the message, on the stack.
    if !display_starts_with(&e, &["invalid type: ", "invalid value: "]) {
        return e;
    }
    // Measure first, without allocating: a short error (nearly all of them) passes untouched.
    struct Over(usize);
    impl fmt::Write for Over {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0 += s.len();
            if self.0 > MESSAGE_LIMIT {
                Err(fmt::Error)
            } else {
                Ok(())
            }
        }
    }
    if fmt::Write::write_fmt(&mut Over(0), format_args!("{e}")).is_ok() {
        return e;
    }
    let text = e.to_string();
    let body = strip_position(&text);
    let head = floor_boundary(body, 64);
    let tail = ceil_boundary(body, body.len().saturating_sub(128).max(head));
    E::custom(format_args!("{}…{}", &body[..head], &body[tail..]))
}

thread_local! {
    /// Whether a visitor of this crate was asked what it expected since the last look:
    /// that is how a format writes a type error, the only errors that quote a value.
    static DESCRIBED: Cell<bool> = const { Cell::new(false) };
}

/// Notes that a format asked a visitor what it expected ([`described`] reads it).
pub(crate) fn describing() {
    DESCRIBED.with(|d| d.set(true));
}

/// Whether a format asked a visitor of this crate what it expected since the last call: it
/// does when it builds a type error (`invalid type: string "…", expected …`), and only then.
///
/// Reading an error's text to tell the format's type errors from the rules' own refusals
/// costs as much as a fifth of the refusal itself, so the errors that did not involve a
/// description (the refusals, which never quote a value) are passed on without a look. A
/// flag left set by an error that was dropped only costs the next error one look.
#[cold]
pub(super) fn described() -> bool {
    DESCRIBED.with(|d| d.replace(false))
}

/// The error of a model's read, kept short: [`shorten`]ed when a format wrote a type error
/// on the way (a whole document of the wrong type, quoted by serde_json), passed on without
/// a look otherwise. The rules inside keep their own errors short.
#[doc(hidden)]
#[cold]
#[inline(never)]
pub fn model_error<E: de::Error>(e: E) -> E {
    if described() { shorten(e) } else { e }
}

/// A model's read, its error passed through [`model_error`]. A value read is handed on where it
/// lies: rebuilt (as `map_err` does), it was copied with wide reads of what the read had just
/// written narrowly, which stalls.
#[doc(hidden)]
#[inline]
pub fn model_read<T, E: de::Error>(read: Result<T, E>) -> Result<T, E> {
    let mut read = read;
    if read.is_err() {
        read = read.map_err(model_error);
    }
    read
}

/// Adds the path to an error the format built without it (serde_json's "number out of range"
/// for a 128-bit integer, say), so that every error of a field names it.
pub(super) fn locate<E: de::Error>(e: E, at: Path<'_>) -> E {
    // Our refusals start with the path, and type errors carry it through `expecting`: tell
    // them apart by their first bytes, on the stack, and format only the rest.
    if matches!(at, Path::Root)
        || display_starts_with(&e, &["/", "invalid type: ", "invalid value: "])
    {
        return e;
    }
    let text = e.to_string();
    let path = at.to_string();
    if text.contains(path.as_str()) {
        return e;
    }
    E::custom(format_args!("{}: {}", at.short(), strip_position(&text)))
}

/// Whether `value` displays as text starting with one of `prefixes` (each at most 16 bytes),
/// found by writing at most 16 bytes of it to the stack.
pub(super) fn display_starts_with(value: &impl fmt::Display, prefixes: &[&str]) -> bool {
    let head = Head::<16>::of(value);
    prefixes
        .iter()
        .any(|p| head.bytes().starts_with(p.as_bytes()))
}

/// The word of `words` that `value`'s text has right after `prefix` (as a whole word), found
/// by writing at most 64 bytes of it to the stack. The word returned is the list's, so no part
/// of the text itself is ever passed on.
pub(super) fn leading_word(
    value: &impl fmt::Display,
    prefix: &str,
    words: &[&'static str],
) -> Option<&'static str> {
    let head = Head::<64>::of(value);
    let rest = head.bytes().strip_prefix(prefix.as_bytes())?;
    words
        .iter()
        .filter(|w| {
            rest.strip_prefix(w.as_bytes())
                .is_some_and(|after| after.first().is_none_or(|b| !b.is_ascii_alphanumeric()))
        })
        .max_by_key(|w| w.len())
        .copied()
}

/// The first `N` bytes of a value's text, on the stack.
struct Head<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Head<N> {
    fn of(value: &impl fmt::Display) -> Self {
        let mut head = Head {
            buf: [0; N],
            len: 0,
        };
        let _ = fmt::Write::write_fmt(&mut head, format_args!("{value}"));
        head
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl<const N: usize> fmt::Write for Head<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let take = s.len().min(N - self.len);
        self.buf[self.len..self.len + take].copy_from_slice(&s.as_bytes()[..take]);
        self.len += take;
        // Stop the formatting as soon as the head is full.
        if self.len == N {
            Err(fmt::Error)
        } else {
            Ok(())
        }
    }
}

pub(super) fn strip_position(text: &str) -> &str {
    let Some(at) = text.rfind(" at line ") else {
        return text;
    };
    let rest = &text[at + " at line ".len()..];
    let mut parts = rest.splitn(3, ' ');
    let looks_like_position = matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(line), Some("column"), Some(col))
            if line.bytes().all(|b| b.is_ascii_digit()) && col.bytes().all(|b| b.is_ascii_digit())
    );
    if looks_like_position {
        &text[..at]
    } else {
        text
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Num, Rule, Seq};

    #[test]
    fn long_format_errors_are_shortened_keeping_what_was_expected() {
        let huge = format!("[1, \"{}\"]", "é".repeat(1_000_000));
        let rule = Seq {
            item: Num::<u32> {
                min: None,
                max: None,
                ..Num::ANY
            },
            min_len: 0,
            max_len: 9,
        };
        let mut de = serde_json::Deserializer::from_str(&huge);
        let err = rule.read(&mut de, Path::Root).unwrap_err();
        let text = err.to_string();
        assert!(text.len() <= MESSAGE_LIMIT + 64, "{} bytes", text.len());
        assert!(text.starts_with("invalid type: string \"éé"), "{text}");
        assert!(text.contains("…"), "{text}");
        assert!(
            text.contains("\", expected an integer in range at /1 at line 1 column "),
            "{text}"
        );
        assert_eq!(text.matches(" at line ").count(), 1, "{text}");
        // Short errors are passed on as they are.
        let err = rule
            .read(serde_json::json!([true]), Path::Root)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: boolean `true`, expected an integer in range at /0"
        );
    }

    #[test]
    fn a_leading_word_is_taken_from_the_list_and_only_whole() {
        let kinds = &["integer", "floating point", "float"];
        assert_eq!(
            leading_word(
                &"invalid type: integer `5`, expected",
                "invalid type: ",
                kinds
            ),
            Some("integer")
        );
        assert_eq!(
            leading_word(
                &"invalid type: floating point `1.5`",
                "invalid type: ",
                kinds
            ),
            Some("floating point")
        );
        assert_eq!(
            leading_word(&"invalid type: integers", "invalid type: ", kinds),
            None
        );
        assert_eq!(
            leading_word(&"invalid type: 12345", "invalid type: ", kinds),
            None
        );
        assert_eq!(leading_word(&"integer", "invalid type: ", kinds), None);
    }

    #[test]
    fn only_format_type_errors_are_rebuilt() {
        assert!(display_starts_with(
            &"invalid type: integer `5`",
            &["invalid type: "]
        ));
        assert!(display_starts_with(
            &"invalid value: x",
            &["invalid type: ", "invalid value: "]
        ));
        assert!(!display_starts_with(
            &"/clientSecret: max_len: must be",
            &["invalid type: "]
        ));
        assert!(!display_starts_with(&"short", &["invalid type: "]));
    }
}
