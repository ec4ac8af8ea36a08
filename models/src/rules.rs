//! The rules a field's attributes compile to, and what each one does in the three places it
//! acts: reading a value (`Deserialize`), checking a built value (`Validate`) and describing
//! the value (JSON Schema).
//!
//! The derive turns every field into one constant rule tree, for example
//! `#[model(charset = "a-z", max_len = 8)] tags: Option<Vec<String>>` into
//! `Opt(Seq { item: Str { charset: Some(&SET), .. }, max_len: 8, .. })`, and calls the three
//! methods of [`Rule`] on it. Keeping all three behind one tree is what makes an attribute
//! mean the same thing when reading, when validating and in the schema.

use core::cell::Cell;
use core::cmp::Ordering;
use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Unexpected, Visitor};
use serde_json::{Map, Value};

use crate::charset::Charset;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;
use crate::{Model, Secret as SecretValue};

/// A field's compiled constraints, acting on values of type `T`.
pub trait Rule<T> {
    /// Reads a `T` from `d`, refusing it at the first broken rule.
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<T, D::Error>;
    /// Pushes every rule `value` breaks onto `out`.
    fn check(&self, value: &T, at: Path<'_>, out: &mut Vec<ValidationError>);
    /// The JSON Schema of the values this rule accepts.
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value>;
    /// Pushes every rule a parsed JSON value breaks, its JSON type included, onto `out`.
    fn collect(&self, value: &Value, at: Path<'_>, out: &mut Vec<ValidationError>);
}

/// A value of the wrong JSON type, found while collecting: code `type`.
pub(crate) fn wrong_type(
    out: &mut Vec<ValidationError>,
    at: Path<'_>,
    expected: &str,
    value: &Value,
) {
    let found = match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    out.push(ValidationError::new(
        at.to_string(),
        "type",
        format!("must be {expected}, got {found}"),
    ));
}

/// Adapts a rule and a path to serde's `DeserializeSeed`.
pub struct Seed<'r, 'p, R, T> {
    rule: &'r R,
    at: Path<'p>,
    marker: PhantomData<fn() -> T>,
}

impl<'r, 'p, R, T> Seed<'r, 'p, R, T> {
    /// The seed that reads a `T` under `rule`, reporting errors at `at`.
    #[inline]
    pub fn new(rule: &'r R, at: Path<'p>) -> Self {
        Seed {
            rule,
            at,
            marker: PhantomData,
        }
    }
}

impl<'de, R: Rule<T>, T> DeserializeSeed<'de> for Seed<'_, '_, R, T> {
    type Value = T;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        self.rule.read(d, self.at)
    }
}

/// The value of an absent `default` field, refused when it breaks the field's rules.
#[doc(hidden)]
pub fn check_default<R: Rule<T>, T, E: de::Error>(
    rule: &R,
    value: T,
    at: Path<'_>,
) -> Result<T, E> {
    let mut out = Vec::new();
    rule.check(&value, at, &mut out);
    match out.first() {
        None => Ok(value),
        Some(e) => Err(E::custom(format_args!(
            "{}: {}: absent, and its default value breaks the rule: {}",
            e.path(),
            e.code(),
            e.message()
        ))),
    }
}

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
            at => write!(f, "{}: {}: {}", at, self.code, self.what),
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
fn refuse<E: de::Error>(at: Path<'_>, what: Broken) -> E {
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
        // nothing, and is the only writer), so it is a concatenation of UTF-8 strings, which
        // is UTF-8. Checking it again here was a third of a refusal's own cost.
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
        self.put(core::str::from_utf8(&digits[i..]).map_err(|_| fmt::Error)?)
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
fn described() -> bool {
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

/// Adds the path to an error the format built without it (serde_json's "number out of range"
/// for a 128-bit integer, say), so that every error of a field names it.
fn locate<E: de::Error>(e: E, at: Path<'_>) -> E {
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
    E::custom(format_args!("{path}: {}", strip_position(&text)))
}

/// Keeps a secret out of the format's own type errors: serde_json writes
/// ``invalid type: integer `918273645`, expected a string``, quoting what it found. The
/// rebuilt error keeps what kind of value was found and what was expected, not the value.
fn hide_found<E: de::Error>(e: E) -> E {
    // Our own refusals start with the path and never quote a value: look at the first bytes
    // without allocating, and rebuild only a format's type error.
    if !display_starts_with(&e, &["invalid type: ", "invalid value: "]) {
        return e;
    }
    let text = e.to_string();
    let Some((kind, rest)) = ["invalid type: ", "invalid value: "].iter().find_map(|p| {
        text.strip_prefix(p)
            .map(|rest| (p.trim_end_matches(": "), rest))
    }) else {
        return e;
    };
    let Some(expected_at) = rest.find(", expected ") else {
        return e;
    };
    let found = &rest[..expected_at];
    let found = found.split(['`', '"']).next().unwrap_or(found).trim_end();
    let expected = strip_position(&rest[expected_at + ", expected ".len()..]);
    E::custom(format_args!("{kind}: {found}, expected {expected}"))
}

/// Whether `value` displays as text starting with one of `prefixes` (each at most 16 bytes),
/// found by writing at most 16 bytes of it to the stack.
fn display_starts_with(value: &impl fmt::Display, prefixes: &[&str]) -> bool {
    struct Head {
        buf: [u8; 16],
        len: usize,
    }
    impl fmt::Write for Head {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            let take = s.len().min(self.buf.len() - self.len);
            self.buf[self.len..self.len + take].copy_from_slice(&s.as_bytes()[..take]);
            self.len += take;
            // Stop the formatting as soon as the head is full.
            if self.len == self.buf.len() {
                Err(fmt::Error)
            } else {
                Ok(())
            }
        }
    }
    let mut head = Head {
        buf: [0; 16],
        len: 0,
    };
    let _ = fmt::Write::write_fmt(&mut head, format_args!("{value}"));
    let head = &head.buf[..head.len];
    prefixes.iter().any(|p| head.starts_with(p.as_bytes()))
}

fn strip_position(text: &str) -> &str {
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

fn push(out: &mut Vec<ValidationError>, at: Path<'_>, what: Broken, got: impl fmt::Display) {
    out.push(ValidationError::new(
        at.to_string(),
        what.code(),
        format!("{what}, got {got}"),
    ));
}

/// One broken rule, with its limit; displays as the rule's sentence.
#[derive(Clone, Copy)]
enum Broken {
    MinChars(usize),
    MaxChars(usize),
    Charset(&'static Charset),
    MinItems(usize),
    MaxItems(usize),
    Min(Bound),
    Max(Bound),
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
    fn code(self) -> &'static str {
        match self {
            Broken::MinChars(_) | Broken::MinItems(_) => "min_len",
            Broken::MaxChars(_) | Broken::MaxItems(_) => "max_len",
            Broken::Charset(_) => "charset",
            Broken::Min(_) => "min",
            Broken::Max(_) => "max",
        }
    }
}

fn plural(n: usize) -> &'static str {
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
            Broken::Min(b) => write!(f, "must be at least {b}"),
            Broken::Max(b) => write!(f, "must be at most {b}"),
        }
    }
}

/// The expected type, as serde's "invalid type" errors print it, with the path it was expected at.
fn expected(f: &mut fmt::Formatter<'_>, what: &str, at: Path<'_>) -> fmt::Result {
    describing();
    match at {
        Path::Root => f.write_str(what),
        at => write!(f, "{what} at {at}"),
    }
}

/// Implements the `visit_*` methods a visitor does not accept so that the error names the
/// JSON type only, never the value: a number sent for a secret must not come back in the error.
macro_rules! refuse_other_types {
    ($($method:ident($($ty:ty)?) => $unexpected:expr;)*) => {
        $(
            fn $method<E: de::Error>(self $(, _: $ty)?) -> Result<Self::Value, E> {
                Err(E::invalid_type($unexpected, &self))
            }
        )*
    };
}

macro_rules! refuse_non_strings {
    () => {
        refuse_other_types! {
            visit_bool(bool) => Unexpected::Other("boolean");
            visit_i64(i64) => Unexpected::Other("integer");
            visit_u64(u64) => Unexpected::Other("integer");
            visit_f64(f64) => Unexpected::Other("number");
            visit_bytes(&[u8]) => Unexpected::Other("bytes");
            visit_unit() => Unexpected::Other("null");
            visit_none() => Unexpected::Other("null");
        }
    };
}

macro_rules! refuse_strings {
    () => {
        refuse_other_types! {
            visit_str(&str) => Unexpected::Other("string");
            visit_bytes(&[u8]) => Unexpected::Other("bytes");
            visit_unit() => Unexpected::Other("null");
            visit_none() => Unexpected::Other("null");
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Strings

/// `String` fields: `min_len` / `max_len` in Unicode scalar values, and `charset`.
#[derive(Clone, Copy, Debug)]
pub struct Str {
    /// Fewest characters allowed (0 when unset).
    pub min_len: usize,
    /// Most characters allowed (`usize::MAX` when unset).
    pub max_len: usize,
    /// The allowed characters, if restricted.
    pub charset: Option<&'static Charset>,
}

impl Str {
    /// A string with no rule.
    pub const ANY: Str = Str {
        min_len: 0,
        max_len: usize::MAX,
        charset: None,
    };

    /// The first rule `s` breaks, in the order max_len, min_len, charset.
    ///
    /// The fast path, for a charset of ASCII characters only (see the `charset` module for how
    /// the charset check itself is fast): once such a set holds, every character is one byte,
    /// so a string whose *byte* length is within the bounds and which matches the set is
    /// accepted without counting characters, and one whose byte length is past `max_len` is
    /// refused before the set is looked at. Everything else (a refusal, a set with other
    /// characters, no set) takes [`Str::first_broken_exact`], which finds the same first rule
    /// with character counts, so the code reported never depends on which path ran.
    #[inline]
    fn first_broken(&self, s: &str) -> Option<Broken> {
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

    #[inline]
    fn accept<E: de::Error>(&self, s: &str, at: Path<'_>) -> Result<(), E> {
        match self.first_broken(s) {
            None => Ok(()),
            Some(what) => Err(refuse(at, what)),
        }
    }

    /// Pushes every rule `s` breaks: the length rule, then the charset.
    pub fn check_str(&self, s: &str, at: Path<'_>, out: &mut Vec<ValidationError>) {
        let needs_count = s.len() > self.max_len || s.len().div_ceil(4) < self.min_len;
        if needs_count {
            let chars = s.chars().count();
            if chars > self.max_len {
                push(out, at, Broken::MaxChars(self.max_len), chars);
            } else if chars < self.min_len {
                push(out, at, Broken::MinChars(self.min_len), chars);
            }
        }
        if let Some(set) = self.charset {
            if !set.matches(s) {
                out.push(ValidationError::new(
                    at.to_string(),
                    "charset",
                    Broken::Charset(set).to_string(),
                ));
            }
        }
    }
}

struct StrVisitor<'r, 'p> {
    rule: &'r Str,
    at: Path<'p>,
}

impl<'de> Visitor<'de> for StrVisitor<'_, '_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, "a string", self.at)
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

impl Rule<String> for Str {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<String, D::Error> {
        d.deserialize_str(StrVisitor { rule: self, at })
    }

    fn check(&self, value: &String, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.check_str(value, at, out);
    }

    fn schema(&self, _: &mut SchemaGen) -> Map<String, Value> {
        let mut s = Map::new();
        s.insert("type".into(), "string".into());
        if self.min_len > 0 {
            s.insert("minLength".into(), self.min_len.into());
        }
        if self.max_len != usize::MAX {
            s.insert("maxLength".into(), self.max_len.into());
        }
        if let Some(set) = self.charset {
            s.insert("pattern".into(), crate::schema::pattern(set).into());
        }
        s
    }

    fn collect(&self, value: &Value, at: Path<'_>, out: &mut Vec<ValidationError>) {
        match value {
            Value::String(v) => self.check_str(v, at, out),
            other => wrong_type(out, at, "a string", other),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers and booleans

/// `bool` fields: no rule, but errors name the path and never echo the value.
#[derive(Clone, Copy, Debug)]
pub struct Flag;

struct FlagVisitor<'p>(Path<'p>);

impl<'de> Visitor<'de> for FlagVisitor<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, "a boolean", self.0)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(v)
    }
    refuse_strings!();
    refuse_other_types! {
        visit_i64(i64) => Unexpected::Other("integer");
        visit_u64(u64) => Unexpected::Other("integer");
        visit_f64(f64) => Unexpected::Other("number");
    }
}

impl Rule<bool> for Flag {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<bool, D::Error> {
        d.deserialize_bool(FlagVisitor(at)).map_err(shorten)
    }
    fn check(&self, _: &bool, _: Path<'_>, _: &mut Vec<ValidationError>) {}
    fn schema(&self, _: &mut SchemaGen) -> Map<String, Value> {
        let mut s = Map::new();
        s.insert("type".into(), "boolean".into());
        s
    }
    fn collect(&self, value: &Value, at: Path<'_>, out: &mut Vec<ValidationError>) {
        if !value.is_boolean() {
            wrong_type(out, at, "a boolean", value);
        }
    }
}

/// The number types a field may have, with how serde reads each one.
pub trait Number: Copy + PartialOrd + fmt::Display + Sized + 'static {
    #[doc(hidden)]
    const JSON_TYPE: &'static str;
    #[doc(hidden)]
    fn bound(self) -> Bound;
    #[doc(hidden)]
    fn from_i128(v: i128) -> Option<Self>;
    #[doc(hidden)]
    fn from_u128(v: u128) -> Option<Self>;
    #[doc(hidden)]
    fn from_f64(v: f64) -> Option<Self>;
    /// Like `from_f64`, but taking any float within the type's range: for checking a parsed
    /// `serde_json::Value`, which holds integers past 64 bits as floats.
    #[doc(hidden)]
    fn from_f64_in_range(v: f64) -> Option<Self>;
    #[doc(hidden)]
    fn deserialize_with<'de, D: Deserializer<'de>, V: Visitor<'de, Value = Self>>(
        d: D,
        v: V,
    ) -> Result<Self, D::Error>;
    /// The smallest and largest values of the type, as JSON numbers (`None` past `u64`/`i64`).
    #[doc(hidden)]
    fn limits() -> (Option<Value>, Option<Value>);
}

macro_rules! integers {
    ($($ty:ident => $method:ident),*) => {$(
        impl Number for $ty {
            const JSON_TYPE: &'static str = "integer";
            fn bound(self) -> Bound {
                #[allow(unused_comparisons, clippy::cast_lossless, clippy::unnecessary_cast)]
                if (self as i128) < 0 { Bound::Int(self as i128) } else { Bound::Uint(self as u128) }
            }
            fn from_i128(v: i128) -> Option<Self> { $ty::try_from(v).ok() }
            fn from_u128(v: u128) -> Option<Self> { $ty::try_from(v).ok() }
            // JSON Schema counts `1.0` and `1e2` as integers; so does reading one.
            #[allow(clippy::cast_possible_truncation)]
            fn from_f64(v: f64) -> Option<Self> {
                // Only below 2^53 is every integer exact as an `f64`: past it, the number written
                // may not be the number parsed (-9223372036854775809 parses as -2^63).
                const EXACT: f64 = 9_007_199_254_740_992.0;
                if v.fract() == 0.0 && v.abs() < EXACT { Self::from_i128(v as i128) } else { None }
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
            fn from_f64_in_range(v: f64) -> Option<Self> {
                (v.fract() == 0.0 && v >= $ty::MIN as f64 && v <= $ty::MAX as f64).then(|| v as $ty)
            }
            fn deserialize_with<'de, D: Deserializer<'de>, V: Visitor<'de, Value = Self>>(d: D, v: V) -> Result<Self, D::Error> {
                d.$method(v)
            }
            fn limits() -> (Option<Value>, Option<Value>) {
                (i64::try_from($ty::MIN).ok().map(Value::from), u64::try_from($ty::MAX).ok().map(Value::from))
            }
        }
    )*};
}

integers!(u8 => deserialize_u8, u16 => deserialize_u16, u32 => deserialize_u32, u64 => deserialize_u64,
    u128 => deserialize_u128, usize => deserialize_u64, i8 => deserialize_i8, i16 => deserialize_i16,
    i32 => deserialize_i32, i64 => deserialize_i64, i128 => deserialize_i128, isize => deserialize_i64);

macro_rules! floats {
    ($($ty:ident => $method:ident => $bound:ident),*) => {$(
        impl Number for $ty {
            const JSON_TYPE: &'static str = "number";
            fn bound(self) -> Bound { Bound::$bound(self) }
            #[allow(clippy::cast_precision_loss)]
            fn from_i128(v: i128) -> Option<Self> { Some(v as $ty).filter(|x| x.is_finite()) }
            #[allow(clippy::cast_precision_loss)]
            fn from_u128(v: u128) -> Option<Self> { Some(v as $ty).filter(|x| x.is_finite()) }
            #[allow(clippy::cast_possible_truncation)]
            fn from_f64(v: f64) -> Option<Self> { Some(v as $ty).filter(|x| x.is_finite() || !v.is_finite()) }
            #[allow(clippy::cast_possible_truncation)]
            fn from_f64_in_range(v: f64) -> Option<Self> { Some(v as $ty) }
            fn deserialize_with<'de, D: Deserializer<'de>, V: Visitor<'de, Value = Self>>(d: D, v: V) -> Result<Self, D::Error> {
                d.$method(v)
            }
            fn limits() -> (Option<Value>, Option<Value>) { (None, None) }
        }
    )*};
}

floats!(f32 => deserialize_f32 => F32, f64 => deserialize_f64 => Float);

/// Number fields: inclusive `min` and `max`.
#[derive(Clone, Copy, Debug)]
pub struct Num<N> {
    /// The smallest value allowed, if any.
    pub min: Option<N>,
    /// The largest value allowed, if any.
    pub max: Option<N>,
}

impl<N: Number> Num<N> {
    /// Whether `v` breaks `min`; `NaN` breaks it.
    #[inline]
    fn below_min(&self, v: N) -> Option<Broken> {
        let min = self.min?;
        let holds = matches!(
            v.partial_cmp(&min),
            Some(Ordering::Greater | Ordering::Equal)
        );
        (!holds).then(|| Broken::Min(min.bound()))
    }

    /// Whether `v` breaks `max`; `NaN` breaks it.
    #[inline]
    fn above_max(&self, v: N) -> Option<Broken> {
        let max = self.max?;
        let holds = matches!(v.partial_cmp(&max), Some(Ordering::Less | Ordering::Equal));
        (!holds).then(|| Broken::Max(max.bound()))
    }

    /// The first bound `v` breaks.
    #[inline]
    fn first_broken(&self, v: N) -> Option<Broken> {
        self.below_min(v).or_else(|| self.above_max(v))
    }
}

struct NumVisitor<'r, 'p, N> {
    rule: &'r Num<N>,
    at: Path<'p>,
}

impl<N: Number> NumVisitor<'_, '_, N> {
    fn accept<E: de::Error>(&self, v: Option<N>, found: &'static str) -> Result<N, E> {
        let v = v.ok_or_else(|| E::invalid_type(Unexpected::Other(found), self))?;
        match self.rule.first_broken(v) {
            None => Ok(v),
            Some(what) => Err(refuse(self.at, what)),
        }
    }
}

impl<'de, N: Number> Visitor<'de> for NumVisitor<'_, '_, N> {
    type Value = N;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if N::JSON_TYPE == "integer" {
            "an integer in range"
        } else {
            "a number"
        };
        expected(f, what, self.at)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<N, E> {
        self.accept(N::from_i128(v.into()), "integer out of range")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<N, E> {
        self.accept(N::from_u128(v.into()), "integer out of range")
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<N, E> {
        self.accept(N::from_i128(v), "integer out of range")
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<N, E> {
        self.accept(N::from_u128(v), "integer out of range")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<N, E> {
        self.accept(N::from_f64(v), "floating point number")
    }
    refuse_strings!();
    refuse_other_types! {
        visit_bool(bool) => Unexpected::Other("boolean");
    }
}

impl<N: Number> Rule<N> for Num<N> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<N, D::Error> {
        N::deserialize_with(d, NumVisitor { rule: self, at })
            .map_err(shorten)
            .map_err(|e| locate(e, at))
    }

    fn check(&self, value: &N, at: Path<'_>, out: &mut Vec<ValidationError>) {
        for what in [self.below_min(*value), self.above_max(*value)]
            .into_iter()
            .flatten()
        {
            push(out, at, what, value);
        }
    }

    fn schema(&self, _: &mut SchemaGen) -> Map<String, Value> {
        let mut s = Map::new();
        s.insert("type".into(), N::JSON_TYPE.into());
        let (lo, hi) = N::limits();
        let min = self.min.map(|v| bound_value(v.bound())).or(lo);
        let max = self.max.map(|v| bound_value(v.bound())).or(hi);
        if let Some(min) = min {
            s.insert("minimum".into(), min);
        }
        if let Some(max) = max {
            s.insert("maximum".into(), max);
        }
        s
    }

    fn collect(&self, value: &Value, at: Path<'_>, out: &mut Vec<ValidationError>) {
        let n = match value {
            Value::Number(n) => n
                .as_u64()
                .map(|v| N::from_u128(v.into()))
                .or_else(|| n.as_i64().map(|v| N::from_i128(v.into())))
                .or_else(|| n.as_f64().map(N::from_f64_in_range))
                .flatten(),
            _ => None,
        };
        match n {
            Some(n) => self.check(&n, at, out),
            None if N::JSON_TYPE == "integer" => {
                wrong_type(out, at, "an integer in the field's range", value);
            }
            None => wrong_type(out, at, "a number", value),
        }
    }
}

fn bound_value(b: Bound) -> Value {
    match b {
        Bound::Int(v) => i64::try_from(v).map_or(Value::Null, Value::from),
        Bound::Uint(v) => u64::try_from(v).map_or(Value::Null, Value::from),
        Bound::Float(v) => Value::from(v),
        // The shortest decimal that reads back as this `f32`, as the attribute wrote it.
        Bound::F32(v) => format!("{v:?}")
            .parse::<f64>()
            .map_or(Value::Null, Value::from),
    }
}

// ---------------------------------------------------------------------------------------------
// Wrappers: Option, Vec, Box, Secret, nested models

/// `Option<T>`: absent or `null` is `None`; a present value follows the inner rule.
#[derive(Clone, Copy, Debug)]
pub struct Opt<R>(pub R);

struct OptVisitor<'r, 'p, R, T> {
    rule: &'r R,
    at: Path<'p>,
    marker: PhantomData<fn() -> T>,
}

impl<'de, R: Rule<T>, T> Visitor<'de> for OptVisitor<'_, '_, R, T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, "an optional value", self.at)
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        self.rule.read(d, self.at).map(Some)
    }
}

impl<T, R: Rule<T>> Rule<Option<T>> for Opt<R> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<Option<T>, D::Error> {
        d.deserialize_option(OptVisitor {
            rule: &self.0,
            at,
            marker: PhantomData,
        })
    }
    fn check(&self, value: &Option<T>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        if let Some(v) = value {
            self.0.check(v, at, out);
        }
    }
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        crate::schema::nullable(self.0.schema(schemas))
    }
    fn collect(&self, value: &Value, at: Path<'_>, out: &mut Vec<ValidationError>) {
        if !value.is_null() {
            self.0.collect(value, at, out);
        }
    }
}

/// `Vec<T>`: `min_len` / `max_len` count items; each item follows the inner rule.
#[derive(Clone, Copy, Debug)]
pub struct Seq<R> {
    /// The rule for each item.
    pub item: R,
    /// Fewest items allowed (0 when unset).
    pub min_len: usize,
    /// Most items allowed (`usize::MAX` when unset).
    pub max_len: usize,
}

struct SeqVisitor<'r, 'p, R, T> {
    rule: &'r Seq<R>,
    at: Path<'p>,
    marker: PhantomData<fn() -> T>,
}

impl<'de, R: Rule<T>, T> Visitor<'de> for SeqVisitor<'_, '_, R, T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        expected(f, "an array", self.at)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // Never trust a size hint beyond the bound, nor beyond a modest preallocation.
        let cap = seq.size_hint().unwrap_or(0).min(self.rule.max_len).min(256);
        let mut items = Vec::with_capacity(cap);
        loop {
            if items.len() == self.rule.max_len {
                // One more item breaks the bound: stop at it, without reading the rest.
                return match seq.next_element::<de::IgnoredAny>()? {
                    None => Ok(items),
                    Some(_) => Err(refuse(self.at, Broken::MaxItems(self.rule.max_len))),
                };
            }
            let at = self.at.index(items.len());
            match seq.next_element_seed(Seed::new(&self.rule.item, at))? {
                Some(item) => items.push(item),
                None => break,
            }
        }
        if items.len() < self.rule.min_len {
            return Err(refuse(self.at, Broken::MinItems(self.rule.min_len)));
        }
        Ok(items)
    }

    refuse_strings!();
    refuse_other_types! {
        visit_bool(bool) => Unexpected::Other("boolean");
        visit_i64(i64) => Unexpected::Other("integer");
        visit_u64(u64) => Unexpected::Other("integer");
        visit_f64(f64) => Unexpected::Other("number");
    }
}

impl<T, R: Rule<T>> Rule<Vec<T>> for Seq<R> {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<Vec<T>, D::Error> {
        d.deserialize_seq(SeqVisitor {
            rule: self,
            at,
            marker: PhantomData,
        })
        .map_err(shorten)
    }
    fn check(&self, value: &Vec<T>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        let n = value.len();
        if n > self.max_len {
            push(out, at, Broken::MaxItems(self.max_len), n);
        } else if n < self.min_len {
            push(out, at, Broken::MinItems(self.min_len), n);
        }
        for (i, item) in value.iter().enumerate() {
            self.item.check(item, at.index(i), out);
        }
    }
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        let mut s = Map::new();
        s.insert("type".into(), "array".into());
        s.insert("items".into(), Value::Object(self.item.schema(schemas)));
        if self.min_len > 0 {
            s.insert("minItems".into(), self.min_len.into());
        }
        if self.max_len != usize::MAX {
            s.insert("maxItems".into(), self.max_len.into());
        }
        s
    }
    fn collect(&self, value: &Value, at: Path<'_>, out: &mut Vec<ValidationError>) {
        let Value::Array(items) = value else {
            return wrong_type(out, at, "an array", value);
        };
        let n = items.len();
        if n > self.max_len {
            push(out, at, Broken::MaxItems(self.max_len), n);
        } else if n < self.min_len {
            push(out, at, Broken::MinItems(self.min_len), n);
        }
        for (i, item) in items.iter().enumerate() {
            self.item.collect(item, at.index(i), out);
        }
    }
}

/// `Box<T>`: the inner rule, boxed.
#[derive(Clone, Copy, Debug)]
pub struct Boxed<R>(pub R);

impl<T, R: Rule<T>> Rule<Box<T>> for Boxed<R> {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<Box<T>, D::Error> {
        self.0.read(d, at).map(Box::new)
    }
    fn check(&self, value: &Box<T>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.0.check(value, at, out);
    }
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        self.0.schema(schemas)
    }
    fn collect(&self, value: &Value, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.0.collect(value, at, out);
    }
}

/// `Secret<T>`: the inner rule; the schema marks the value `writeOnly`.
#[derive(Clone, Copy, Debug)]
pub struct Secret<R>(pub R);

impl<T: zeroize::Zeroize + 'static, R: Rule<T>> Rule<SecretValue<T>> for Secret<R> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
    ) -> Result<SecretValue<T>, D::Error> {
        // Only a format's type errors can quote the value, and the format asks the visitor
        // what it expected to write one; the rule's refusals never quote it.
        self.0
            .read(d, at)
            .map(SecretValue::new)
            .map_err(|e| if described() { hide_found(e) } else { e })
    }
    fn check(&self, value: &SecretValue<T>, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.0.check(value.expose(), at, out);
    }
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        let mut s = self.0.schema(schemas);
        s.insert("writeOnly".into(), true.into());
        s
    }
    fn collect(&self, value: &Value, at: Path<'_>, out: &mut Vec<ValidationError>) {
        self.0.collect(value, at, out);
    }
}

/// A field whose type derives (or implements) [`Model`]: its own rules, at the joined path.
#[derive(Clone, Copy, Debug)]
pub struct Nested;

impl<T: Model> Rule<T> for Nested {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<T, D::Error> {
        // The model keeps its own errors short (see `model_error`).
        T::__read_at(d, at)
    }
    fn check(&self, value: &T, at: Path<'_>, out: &mut Vec<ValidationError>) {
        value.__validate_at(at, out);
    }
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        schemas.reference::<T>()
    }
    fn collect(&self, value: &Value, at: Path<'_>, out: &mut Vec<ValidationError>) {
        T::__collect(value, at, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: Charset = Charset::new(&[('a', 'z')], "a-z");

    fn str_rule(min_len: usize, max_len: usize) -> Str {
        Str {
            min_len,
            max_len,
            charset: None,
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

    #[test]
    fn read_refuses_with_path_and_code() {
        let rule = Str {
            min_len: 0,
            max_len: 3,
            charset: Some(&SET),
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

    #[test]
    fn numbers_check_inclusive_bounds_and_refuse_nan() {
        let rule = Num {
            min: Some(1.5f64),
            max: Some(2.5),
        };
        assert!(rule.first_broken(1.5).is_none());
        assert!(rule.first_broken(2.5).is_none());
        assert!(matches!(rule.first_broken(1.0), Some(Broken::Min(_))));
        assert!(matches!(rule.first_broken(3.0), Some(Broken::Max(_))));
        let mut out = Vec::new();
        rule.check(&f64::NAN, Path::Root, &mut out);
        let codes: Vec<&str> = out.iter().map(|e| e.code()).collect();
        assert_eq!(codes, ["min", "max"]);
    }

    #[test]
    fn integers_out_of_the_type_range_are_refused() {
        let rule = Num::<u8> {
            min: None,
            max: None,
        };
        assert!(rule.read(serde_json::Value::from(256), Path::Root).is_err());
        assert!(rule.read(serde_json::Value::from(-1), Path::Root).is_err());
        assert!(rule.read(serde_json::Value::from(1.5), Path::Root).is_err());
        assert!(
            rule.read(serde_json::Value::from(256.0), Path::Root)
                .is_err()
        );
        assert!(
            rule.read(serde_json::Value::from(f64::NAN), Path::Root)
                .is_err()
        );
        // As in JSON Schema, a number with no fractional part is an integer.
        assert_eq!(
            rule.read(serde_json::Value::from(7.0), Path::Root).unwrap(),
            7
        );
        assert_eq!(
            rule.read(serde_json::Value::from(255), Path::Root).unwrap(),
            255
        );
    }

    #[test]
    fn long_format_errors_are_shortened_keeping_what_was_expected() {
        let huge = format!("[1, \"{}\"]", "é".repeat(1_000_000));
        let rule = Seq {
            item: Num::<u32> {
                min: None,
                max: None,
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
    fn secret_type_errors_name_the_kind_found_but_not_the_value() {
        let rule = Secret(Str::ANY);
        let root = Path::Root;
        let at = root.field("clientSecret");
        for (doc, found) in [
            ("918273645", "integer"),
            ("-5", "integer"),
            ("1.25", "floating point"),
            ("true", "boolean"),
        ] {
            let mut de = serde_json::Deserializer::from_str(doc);
            let text = rule.read(&mut de, at).unwrap_err().to_string();
            assert!(
                text.starts_with(&format!(
                    "invalid type: {found}, expected a string at /clientSecret"
                )),
                "{text}"
            );
            assert!(!text.contains(doc.trim_start_matches('-')), "{text}");
        }
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
        // A secret's own refusal passes through unchanged.
        let rule = Secret(Str {
            min_len: 0,
            max_len: 2,
            charset: None,
        });
        let root = Path::Root;
        let err = rule
            .read(serde_json::json!("abc"), root.field("s"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "/s: max_len: must be at most 2 characters long"
        );
    }

    #[test]
    fn floats_past_the_exact_integers_are_not_taken_as_integers() {
        let rule = Num::<i64> {
            min: None,
            max: None,
        };
        // -9223372036854775809 parses as the f64 -2^63, which is i64::MIN: refuse, never round.
        let mut de = serde_json::Deserializer::from_str("-9223372036854775809");
        assert!(rule.read(&mut de, Path::Root).is_err());
        assert_eq!(
            rule.read(serde_json::json!(9007199254740991.0), Path::Root)
                .unwrap(),
            9007199254740991
        );
        assert!(
            rule.read(serde_json::json!(9007199254740992.0), Path::Root)
                .is_err()
        );
    }

    #[test]
    fn format_errors_without_the_path_get_it() {
        let rule = Num::<u128> {
            min: None,
            max: None,
        };
        let root = Path::Root;
        let at = root.field("big");
        let mut de = serde_json::Deserializer::from_str("340282366920938463463374607431768211456");
        let text = rule.read(&mut de, at).unwrap_err().to_string();
        assert!(text.starts_with("/big: "), "{text}");
    }

    #[test]
    fn f32_bounds_print_as_written() {
        let rule = Num::<f32> {
            min: Some(0.1),
            max: None,
        };
        let mut out = Vec::new();
        rule.check(&0.05, Path::Root, &mut out);
        assert_eq!(out[0].message(), "must be at least 0.1, got 0.05");
        assert_eq!(
            rule.schema(&mut SchemaGen::default())["minimum"],
            serde_json::json!(0.1)
        );
    }

    #[test]
    fn collecting_takes_128_bit_values_held_as_floats() {
        let rule = Num::<u128> {
            min: None,
            max: None,
        };
        let mut out = Vec::new();
        let big: serde_json::Value = serde_json::from_str(&u128::MAX.to_string()).unwrap();
        rule.collect(&big, Path::Root, &mut out);
        assert!(out.is_empty(), "{out:?}");
        rule.collect(&serde_json::json!(-1), Path::Root, &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn sequence_stops_reading_past_its_bound() {
        let rule = Seq {
            item: Num::<u32> {
                min: None,
                max: Some(9),
            },
            min_len: 1,
            max_len: 2,
        };
        // The third item breaks the bound before its own rule is looked at.
        let err = rule
            .read(serde_json::json!([1, 2, 100]), Path::Root)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "(root): max_len: must have at most 2 items"
        );
        let err = rule
            .read(serde_json::json!([1, 10]), Path::Root)
            .unwrap_err();
        assert_eq!(err.to_string(), "/1: max: must be at most 9");
        let err = rule.read(serde_json::json!([]), Path::Root).unwrap_err();
        assert_eq!(
            err.to_string(),
            "(root): min_len: must have at least 1 item"
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
    fn refusals_too_long_for_the_buffer_are_written_whole() {
        const LONG: &str = "a-long-field-name-that-repeats-itself-a-long-field-name";
        // A path of 10 fields of 55 bytes: longer than the buffer.
        let p0 = Path::Root;
        let p1 = p0.field(LONG);
        let p2 = p1.field(LONG);
        let p3 = p2.field(LONG);
        let p4 = p3.field(LONG);
        let p5 = p4.field(LONG);
        let p6 = p5.field(LONG);
        let text = refuse::<serde_json::Error>(p6, Broken::MinChars(3)).to_string();
        assert_eq!(
            text,
            format!(
                "{}: min_len: must be at least 3 characters long",
                format!("/{LONG}").repeat(6)
            )
        );
        assert!(Message::new().refusal(p6, Broken::MinChars(3)).is_err());
    }
}
