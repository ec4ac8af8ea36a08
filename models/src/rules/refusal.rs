//! What a broken rule says, and the error a read returns for it: `/path: code: sentence`,
//! never with the value.

use core::fmt;

use serde::de;

use super::format_error::describing;
use super::pattern::{FormatCheck, Pattern};
use crate::charset::Charset;
use crate::code::Code;
use crate::errors::ValidationError;
use crate::path::Path;

/// A refusal while reading: the path, the rule and its sentence, with no part of the value.
struct Refusal<'p> {
    at: Path<'p>,
    code: &'static str,
    what: Broken,
}

impl fmt::Display for Refusal<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Path::Root => write!(f, "(root): {}: {}", self.code, self.what),
            at => write!(f, "{}: {}: {}", at.short(), self.code, self.what),
        }
    }
}

/// The error for a refused value: `/path: code: sentence`.
///
/// Refusing must cost little more than the format's own error does, since a service refuses
/// hostile input at the rate it arrives. So the text is written into a buffer on the stack by
/// hand (no `fmt` machinery for the path, the code and the usual sentences) and handed to the
/// format as one `&str`, which it copies once: the only allocations are the format's own
/// (serde_json: the message, its error box, and the box again when it adds the position). A
/// message too long for the buffer (a very deep path) goes through [`Refusal`]'s `Display`.
#[cold]
#[inline(never)]
pub(super) fn refuse<E: de::Error>(at: Path<'_>, what: Broken) -> E {
    let mut text = Message::new();
    match text.refusal(at, what) {
        Ok(()) => E::custom(text.as_str()),
        Err(fmt::Error) => E::custom(Refusal {
            at,
            code: what.code(),
            what,
        }),
    }
}

/// A refusal's text, on the stack; writing past the end fails rather than allocating.
struct Message {
    buf: [u8; Message::CAPACITY],
    len: usize,
}

impl Message {
    const CAPACITY: usize = 192;

    fn new() -> Self {
        Message {
            buf: [0; Message::CAPACITY],
            len: 0,
        }
    }

    #[allow(unsafe_code)]
    fn as_str(&self) -> &str {
        // SAFETY: `buf[..len]` only ever receives whole `&str`s (`put` copies all of one or
        // nothing) and ASCII digits (`number`), the only two writers, so it is a concatenation
        // of UTF-8 strings, which is UTF-8. Checking it again here was a third of a refusal's own cost.
        unsafe { core::str::from_utf8_unchecked(&self.buf[..self.len]) }
    }

    fn put(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }

    fn number(&mut self, mut n: usize) -> fmt::Result {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // ASCII digits, so whole characters, as `as_str` needs.
        let digits = &digits[i..];
        let end = self.len + digits.len();
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(digits);
        self.len = end;
        Ok(())
    }

    fn path(&mut self, at: Path<'_>) -> fmt::Result {
        match at {
            Path::Root => Ok(()),
            Path::Field(parent, name) => {
                self.path(*parent)?;
                self.put("/")?;
                self.put(name)
            }
            Path::Index(parent, index) => {
                self.path(*parent)?;
                self.put("/")?;
                self.number(index)
            }
            Path::Key(parent, name) => {
                self.path(*parent)?;
                self.put("/")?;
                fmt::Write::write_fmt(self, format_args!("{}", crate::path::KeyToken(name)))
            }
        }
    }

    /// The same text as [`Refusal`]'s `Display`.
    fn refusal(&mut self, at: Path<'_>, what: Broken) -> fmt::Result {
        match at {
            Path::Root => self.put("(root)")?,
            at => self.path(at)?,
        }
        self.put(": ")?;
        self.put(what.code())?;
        self.put(": ")?;
        self.sentence(what)
    }

    /// The same text as [`Broken`]'s `Display`.
    fn sentence(&mut self, what: Broken) -> fmt::Result {
        let (head, n, unit) = match what {
            Broken::MinChars(n) => ("must be at least ", n, " character"),
            Broken::MaxChars(n) => ("must be at most ", n, " character"),
            Broken::MinItems(n) => ("must have at least ", n, " item"),
            Broken::MaxItems(n) => ("must have at most ", n, " item"),
            Broken::Charset(set) => {
                self.put("must contain only ")?;
                return self.put(set.text());
            }
            other => return fmt::Write::write_fmt(self, format_args!("{other}")),
        };
        self.put(head)?;
        self.number(n)?;
        self.put(unit)?;
        self.put(plural(n))?;
        if matches!(what, Broken::MinChars(_) | Broken::MaxChars(_)) {
            self.put(" long")?;
        }
        Ok(())
    }
}

impl fmt::Write for Message {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.put(s)
    }
}

/// The error for a map's member name that breaks `keys(...)`: at the map's path, without the
/// name: `/attrs: charset: a member name must contain only a-z`.
#[cold]
#[inline(never)]
pub(super) fn refuse_member_name<E: de::Error>(at: Path<'_>, what: Broken) -> E {
    E::custom(MemberName { at, what })
}

/// What [`refuse_member_name`] and a check of a member name say.
pub(super) struct MemberName<'p> {
    pub(super) at: Path<'p>,
    pub(super) what: Broken,
}

impl fmt::Display for MemberName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Path::Root => f.write_str("(root)")?,
            at => write!(f, "{}", at.short())?,
        }
        write!(f, ": {}: a member name {}", self.what.code(), self.what)
    }
}

pub(super) fn push(
    out: &mut Vec<ValidationError>,
    at: Path<'_>,
    what: Broken,
    got: impl fmt::Display,
) {
    out.push(broken(at, what, got));
}

/// The error listing a broken rule: its sentence and what was found.
pub(super) fn broken(at: Path<'_>, what: Broken, got: impl fmt::Display) -> ValidationError {
    ValidationError::new(at.pointer(), what.code(), format!("{what}, got {got}"))
}

/// [`broken`] for a rule on a count (characters, items, members), its text written on the
/// stack first: refusing is the common case under attack.
pub(super) fn counted(at: Path<'_>, what: Broken, got: usize) -> ValidationError {
    let mut text = Message::new();
    let written = text
        .sentence(what)
        .and_then(|()| text.put(", got "))
        .and_then(|()| text.number(got));
    match written {
        Ok(()) => ValidationError::at(at, what.code(), text.as_str()),
        Err(fmt::Error) => broken(at, what, got),
    }
}

/// The error listing a broken rule by its sentence alone (a charset).
pub(super) fn listed(at: Path<'_>, what: Broken) -> ValidationError {
    let mut text = Message::new();
    match text.sentence(what) {
        Ok(()) => ValidationError::at(at, what.code(), text.as_str()),
        Err(fmt::Error) => ValidationError::at(at, what.code(), &what.to_string()),
    }
}

/// One broken rule, with its limit; displays as the rule's sentence.
#[derive(Clone, Copy)]
pub(super) enum Broken {
    MinChars(usize),
    MaxChars(usize),
    Charset(&'static Charset),
    MinItems(usize),
    MaxItems(usize),
    MinMembers(usize),
    MaxMembers(usize),
    Min(Bound),
    Max(Bound),
    ExclusiveMin(Bound),
    ExclusiveMax(Bound),
    MultipleOf(Bound),
    /// Two equal items of a `unique` list, by index.
    Unique(usize, usize),
    /// A string that is none of an enum's values.
    Enum(&'static [&'static str]),
    /// A string that does not match a `pattern`.
    Pattern(&'static Pattern),
    /// A string that matches a `not_pattern`.
    NotPattern(&'static Pattern),
    /// A string not written in a checked `format`.
    Format(&'static FormatCheck),
}

/// A bound of `min` / `max`, as messages and schemas print it.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Bound {
    /// A negative integer.
    Int(i128),
    /// A non-negative integer.
    Uint(u128),
    /// A float.
    Float(f64),
    /// An `f32`, kept as such so that it prints as written (`0.1`, not its `f64` widening).
    F32(f32),
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Int(v) => fmt::Display::fmt(v, f),
            Bound::Uint(v) => fmt::Display::fmt(v, f),
            Bound::Float(v) => fmt::Debug::fmt(v, f),
            Bound::F32(v) => fmt::Debug::fmt(v, f),
        }
    }
}

impl Broken {
    pub(super) fn code(self) -> &'static str {
        match self {
            Broken::MinChars(_) | Broken::MinItems(_) | Broken::MinMembers(_) => Code::MinLen,
            Broken::MaxChars(_) | Broken::MaxItems(_) | Broken::MaxMembers(_) => Code::MaxLen,
            Broken::Charset(_) => Code::Charset,
            Broken::Min(_) => Code::Min,
            Broken::Max(_) => Code::Max,
            Broken::ExclusiveMin(_) => Code::ExclusiveMin,
            Broken::ExclusiveMax(_) => Code::ExclusiveMax,
            Broken::MultipleOf(_) => Code::MultipleOf,
            Broken::Unique(..) => Code::Unique,
            Broken::Enum(_) => Code::Enum,
            Broken::Pattern(_) => Code::Pattern,
            Broken::NotPattern(_) => Code::NotPattern,
            Broken::Format(_) => Code::Format,
        }
        .as_str()
    }
}

/// The longest list of allowed values a message writes; the rest are counted.
pub const ONE_OF_LIMIT: usize = 120;

/// A list of allowed values, as a message writes it: `` `a`, `b` or `c` ``, cut after
/// [`ONE_OF_LIMIT`] bytes with the number of values left out.
pub(super) struct OneOf(pub &'static [&'static str]);

impl fmt::Display for OneOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut written = 0;
        for (i, value) in self.0.iter().enumerate() {
            if i > 0 && written + value.len() > ONE_OF_LIMIT {
                let left = self.0.len() - i;
                return write!(f, ", … ({left} more)");
            }
            match i {
                0 => {}
                _ if i + 1 == self.0.len() => f.write_str(" or ")?,
                _ => f.write_str(", ")?,
            }
            write!(f, "`{value}`")?;
            written += value.len() + 4;
        }
        Ok(())
    }
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl fmt::Display for Broken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Broken::MinChars(n) => write!(f, "must be at least {n} character{} long", plural(n)),
            Broken::MaxChars(n) => write!(f, "must be at most {n} character{} long", plural(n)),
            Broken::Charset(set) => write!(f, "must contain only {}", set.text()),
            Broken::MinItems(n) => write!(f, "must have at least {n} item{}", plural(n)),
            Broken::MaxItems(n) => write!(f, "must have at most {n} item{}", plural(n)),
            Broken::MinMembers(n) => write!(f, "must have at least {n} member{}", plural(n)),
            Broken::MaxMembers(n) => write!(f, "must have at most {n} member{}", plural(n)),
            Broken::Min(b) => write!(f, "must be at least {b}"),
            Broken::Max(b) => write!(f, "must be at most {b}"),
            Broken::ExclusiveMin(b) => write!(f, "must be greater than {b}"),
            Broken::ExclusiveMax(b) => write!(f, "must be less than {b}"),
            Broken::MultipleOf(b) => write!(f, "must be a multiple of {b}"),
            Broken::Unique(i, j) => write!(
                f,
                "must hold each item once, but items {i} and {j} are equal"
            ),
            Broken::Enum(values) => write!(f, "must be one of {}", OneOf(values)),
            Broken::Pattern(pattern) => {
                write!(f, "must match the pattern `{}`", Cut(pattern.source()))
            }
            Broken::NotPattern(pattern) => {
                write!(f, "must not match the pattern `{}`", Cut(pattern.source()))
            }
            Broken::Format(format) => write!(f, "must be a valid `{}`", format.name),
        }
    }
}

/// The most characters of a pattern a message quotes; a longer one is cut, with `…`.
pub const PATTERN_LIMIT: usize = 64;

/// A pattern as a message quotes it: cut after [`PATTERN_LIMIT`] characters.
struct Cut(&'static str);

impl fmt::Display for Cut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.char_indices().nth(PATTERN_LIMIT) {
            Some((end, _)) => write!(f, "{}…", &self.0[..end]),
            None => f.write_str(self.0),
        }
    }
}

/// The expected type, as serde's "invalid type" errors print it, with the path it was expected at.
pub(super) fn expected(f: &mut fmt::Formatter<'_>, what: &str, at: Path<'_>) -> fmt::Result {
    describing();
    match at {
        Path::Root => f.write_str(what),
        at => write!(f, "{what} at {}", at.short()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_read_as_their_display_says() {
        const SET: Charset = Charset::new(&[('a', 'z')], "a-z");
        let root = Path::Root;
        let field = root.field("clientSecret");
        let item = field.index(12);
        let nested = item.field("a~1b");
        let broken = [
            Broken::MinChars(1),
            Broken::MinChars(2),
            Broken::MaxChars(0),
            Broken::MaxChars(86),
            Broken::MaxChars(usize::MAX),
            Broken::Charset(&SET),
            Broken::MinItems(1),
            Broken::MaxItems(10),
            Broken::Min(Bound::Int(-5)),
            Broken::Max(Bound::Uint(u128::MAX)),
            Broken::Max(Bound::Float(0.5)),
        ];
        for at in [root, field, item, nested] {
            for what in broken {
                let display = Refusal {
                    at,
                    code: what.code(),
                    what,
                }
                .to_string();
                let mut text = Message::new();
                text.refusal(at, what).unwrap();
                assert_eq!(text.as_str(), display);
                let err: serde_json::Error = refuse(at, what);
                assert_eq!(err.to_string(), display);
            }
        }
        assert_eq!(
            refuse::<serde_json::Error>(field, Broken::MaxChars(86)).to_string(),
            "/clientSecret: max_len: must be at most 86 characters long"
        );
    }

    #[test]
    fn refusals_too_long_for_the_buffer_are_written_with_the_path_cut() {
        const LONG: &str = "a-long-field-name-that-repeats-itself-a-long-field-name";
        // A path of 3 fields of 56 bytes: longer than the buffer, within the path limit.
        let p0 = Path::Root;
        let p1 = p0.field(LONG);
        let p2 = p1.field(LONG);
        let p3 = p2.field(LONG);
        let text = refuse::<serde_json::Error>(p3, Broken::MaxChars(3)).to_string();
        assert_eq!(
            text,
            format!(
                "{}: max_len: must be at most 3 characters long",
                format!("/{LONG}").repeat(3)
            )
        );
        assert!(Message::new().refusal(p3, Broken::MaxChars(3)).is_err());
        // 6 fields, 336 bytes: past the path limit, cut in the middle.
        let p4 = p3.field(LONG);
        let p5 = p4.field(LONG);
        let p6 = p5.field(LONG);
        let text = refuse::<serde_json::Error>(p6, Broken::MinChars(3)).to_string();
        let whole = format!("/{LONG}").repeat(6);
        let (path, rest) = text.split_once(": ").unwrap();
        assert_eq!(rest, "min_len: must be at least 3 characters long");
        assert!(path.len() <= crate::path::PATH_LIMIT + 3, "{path}");
        let (head, tail) = path.split_once('…').unwrap();
        assert!(whole.starts_with(head) && whole.ends_with(tail), "{path}");
        assert!(Message::new().refusal(p6, Broken::MinChars(3)).is_err());
    }
}
