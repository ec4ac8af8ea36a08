//! Reading while collecting: what [`from_json`](crate::from_json) runs, in one pass over the
//! document.
//!
//! Every rule reads its value with [`Rule::collect`](crate::rules::Rule::collect), which
//! pushes each violation onto a [`Collector`] and goes on reading, and hands back the value
//! when it holds (`Some`) or `None` when it broke something. A model is built as its members
//! are read, so a valid document costs one read, and a refused one no second.
//!
//! A value of the wrong JSON type is read whole by the visitor that refuses it (an array or
//! an object is skipped to its end), which then returns an error of its own: the format adds
//! the position to it on the way out ([`Collector::settle`] reads it back into the listed
//! error) and is left just past the value, so reading goes on with the next one. Objects and
//! arrays are read through the format's typed read of a struct, which hands both kinds of
//! container to the visitor and refuses a scalar itself, once read ([`Container`]). Only the
//! format's own errors (the text is not JSON), the stops at [`ERROR_LIMIT`] and [`WIDE_LIMIT`],
//! and a refusal by a type read with its own `Deserialize` end the read.
//!
//! Scalars are read with `deserialize_any`: serde_json's typed reads leave an array or an
//! object given for a scalar unread, and no public call can skip it afterwards.

use core::cell::Cell;
use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::code::Code;
use crate::de::Key;
use crate::errors::{ERROR_LIMIT, ValidationError};
use crate::path::Path;
use crate::rules::Rule;

/// The violations found so far in one read, and what the read is doing about a refused type.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct Collector<'i> {
    errors: Vec<ValidationError>,
    refused: Refused,
    stopped: bool,
    /// The text read, when known: where a number past 64 bits is read again, exactly.
    text: Option<&'i str>,
    /// The start of the last line a position was found on, as (line, byte offset), so that
    /// finding positions costs one pass over the text in all.
    line: (usize, usize),
    /// The pointer of a value read by its type's own `Deserialize`, which refused it.
    refused_by_type: Option<String>,
    /// How many numbers were read again from the text ([`WIDE_LIMIT`]).
    rereads: usize,
}

/// The most numbers past 64 bits (or written with a fraction or an exponent) in 128-bit
/// fields that one document may hold for [`from_json`](crate::from_json), which refuses one
/// more with code `invalid` and reads no further.
///
/// serde_json hands such a number over as a float, exact only below 2^53, so `from_json` reads
/// it again from the text, at the position serde_json gives with an error, and serde_json
/// finds that position by counting lines from the start: without a bound, a document of many
/// such numbers would cost their count times its length.
pub const WIDE_LIMIT: usize = 1024;

/// Whether the error on its way out of the format is a visitor's refusal of a value's type
/// (the value read whole) rather than the format's own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Refused {
    #[default]
    No,
    /// Refused, and listed at this index, which gets the position.
    Listed(usize),
    /// Refused past the limit, so not listed.
    Unlisted,
    /// A number a float cannot hold exactly, to be read again from the text.
    Inexact,
}

impl<'i> Collector<'i> {
    /// An empty collector.
    #[inline]
    pub fn new() -> Collector<'i> {
        Collector::default()
    }

    /// An empty collector for reading `text`.
    #[inline]
    pub(crate) fn reading(text: &'i str) -> Collector<'i> {
        Collector {
            text: Some(text),
            ..Collector::default()
        }
    }

    /// Where the rules push what they find.
    #[inline]
    pub fn errors(&mut self) -> &mut Vec<ValidationError> {
        &mut self.errors
    }

    /// How many violations were found.
    #[inline]
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether none was found.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// Whether reading stopped at [`ERROR_LIMIT`].
    pub(crate) fn stopped(&self) -> bool {
        self.stopped
    }

    pub(crate) fn into_errors(self) -> Vec<ValidationError> {
        self.errors
    }

    /// `value` when nothing was pushed since `before`, `None` otherwise.
    #[inline]
    pub fn held<T>(&self, before: usize, value: T) -> Option<T> {
        if self.errors.len() == before {
            Some(value)
        } else {
            None
        }
    }

    /// Pushes `error` unless past the limit.
    #[inline]
    pub fn push(&mut self, error: ValidationError) {
        if self.errors.len() <= ERROR_LIMIT {
            self.errors.push(error);
        }
    }

    /// Lists `error` before those pushed since `since`: a count rule of an array or an
    /// object, found once its items are read, goes before their violations, as in
    /// `validate()` (and as the value starts before its items).
    #[cold]
    pub fn push_before(&mut self, since: usize, error: ValidationError) {
        if self.errors.len() <= ERROR_LIMIT {
            self.errors.insert(since, error);
        }
    }

    /// Lists a value of the wrong JSON type at `at` (code `type`: "must be `expected`, got
    /// `found`") and returns the error that tells [`Collector::settle`] the value was read.
    /// `found` is a kind ("a number"), never the value.
    #[cold]
    #[inline(never)]
    pub fn wrong_type<E: de::Error>(&mut self, at: &Path<'_>, expected: &str, found: &str) -> E {
        self.refused = self.list_wrong_type(*at, expected, found);
        E::custom("")
    }

    fn list_wrong_type(&mut self, at: Path<'_>, expected: &str, found: &str) -> Refused {
        if self.errors.len() <= ERROR_LIMIT {
            let message = ["must be ", expected, ", got ", found].concat();
            self.errors
                .push(ValidationError::at(at, Code::Type.as_str(), &message));
            Refused::Listed(self.errors.len() - 1)
        } else {
            Refused::Unlisted
        }
    }

    /// What a rule's read comes to: a refused type becomes `Ok(None)`, its listed error given
    /// the position the format added (` at line L column C`); any other error ends the read.
    #[inline]
    pub fn settle<T, E: de::Error>(&mut self, read: Result<Option<T>, E>) -> Result<Option<T>, E> {
        match read {
            Ok(value) => Ok(value),
            Err(e) => self.settle_error(e),
        }
    }

    #[cold]
    #[inline(never)]
    fn settle_error<T, E: de::Error>(&mut self, e: E) -> Result<Option<T>, E> {
        match core::mem::take(&mut self.refused) {
            Refused::No | Refused::Inexact => Err(e),
            Refused::Unlisted => Ok(None),
            Refused::Listed(i) => {
                self.place(i, &e.to_string());
                Ok(None)
            }
        }
    }

    /// Gives the listed error `i` the position at the end of the format's `message`.
    fn place(&mut self, i: usize, message: &str) {
        if let Some(at) = message.rfind(" at line ") {
            self.errors[i].append(&message[at..]);
        }
    }

    /// What the read of an object or an array through [`Container`] comes to: as
    /// [`Collector::settle`]; besides, a value of another type that the format refused itself
    /// (`asked` is set then) is listed at `at` as a `type` error, with the kind of value the
    /// format's message names and the position it gives, and the read goes on.
    #[inline]
    pub(crate) fn settle_container<T, E: de::Error>(
        &mut self,
        read: Result<Option<T>, E>,
        asked: &Cell<bool>,
        at: Path<'_>,
        expected: &str,
    ) -> Result<Option<T>, E> {
        // A value read is handed on where it lies, and an error replaced in place: rebuilt
        // (`Ok(value) => Ok(value)`), the value was copied with wide reads of what the read had
        // just written narrowly, which stalls.
        let mut read = read;
        if read.is_err() {
            self.settle_container_error(&mut read, asked, at, expected);
        }
        read
    }

    #[cold]
    #[inline(never)]
    fn settle_container_error<T, E: de::Error>(
        &mut self,
        read: &mut Result<Option<T>, E>,
        asked: &Cell<bool>,
        at: Path<'_>,
        expected: &str,
    ) {
        let Err(e) = core::mem::replace(read, Ok(None)) else {
            return;
        };
        if asked.get() {
            let message = e.to_string();
            if let Refused::Listed(i) = self.list_wrong_type(at, expected, found_in(&message)) {
                self.place(i, &message);
            }
        } else {
            *read = self.settle_error(e);
        }
    }

    /// For a whole number past 64 bits, which serde_json hands over as a float (exact only
    /// below 2^53): the error that tells [`Collector::exact_text`] to find its text. Past
    /// [`WIDE_LIMIT`] of them, the error that ends the read, listed at `at` (code `invalid`).
    #[cold]
    pub fn inexact<E: de::Error>(&mut self, at: Path<'_>) -> E {
        if self.rereads >= WIDE_LIMIT {
            let message = format!(
                "is one number too many for a 128-bit field: a document may hold {WIDE_LIMIT} \
                 past 64 bits (or with a fraction or an exponent)"
            );
            self.push(ValidationError::at(at, Code::Invalid.as_str(), &message));
            return self.stop();
        }
        self.refused = Refused::Inexact;
        E::custom("")
    }

    /// The text of the number that [`Collector::inexact`] refused, found from the position
    /// the format gave its error (the number's last character); `None` for any other error,
    /// or when the text is not known.
    #[cold]
    #[inline(never)]
    pub fn exact_text<E: de::Error>(&mut self, e: &E) -> Option<&'i str> {
        if self.refused != Refused::Inexact {
            return None;
        }
        self.refused = Refused::No;
        self.rereads += 1;
        let text = self.text?;
        let message = e.to_string();
        let (line, column) = position(&message)?;
        // Lines only grow as the text is read: go on from the last one found.
        let (mut at_line, mut start) = self.line;
        if at_line == 0 || line < at_line {
            (at_line, start) = (1, 0);
        }
        while at_line < line {
            start += text[start..].find('\n')? + 1;
            at_line += 1;
        }
        self.line = (at_line, start);
        let end = start + column;
        let head = text.get(..end)?;
        let from = head
            .rfind(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
            .map_or(0, |i| i + 1);
        Some(&head[from..])
    }

    /// A value read by its type's own `Deserialize` (an `opaque` field, a hand-written model)
    /// was refused by it, with `e`: the read ends there, since that impl cannot be asked to go
    /// on. `from_json` lists `e` at `at` (code `invalid`), or as a syntax error if it is one.
    #[cold]
    #[inline(never)]
    pub fn refused_by_type<E: de::Error>(&mut self, at: Path<'_>, e: E) -> E {
        self.stopped = true;
        self.refused_by_type = Some(at.pointer());
        e
    }

    /// The pointer [`Collector::refused_by_type`] noted.
    pub(crate) fn take_refused_by_type(&mut self) -> Option<String> {
        self.refused_by_type.take()
    }

    /// Past [`ERROR_LIMIT`], the error that ends the read (more violations would only be cut
    /// off the list); checked once a member or an item.
    #[inline]
    pub fn go_on<E: de::Error>(&mut self) -> Result<(), E> {
        if self.errors.len() > ERROR_LIMIT {
            return Err(self.stop());
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn stop<E: de::Error>(&mut self) -> E {
        self.stopped = true;
        E::custom("stopped at the error limit")
    }

    /// Lists a member given twice, at `at`, and skips its value.
    #[cold]
    #[inline(never)]
    pub fn duplicate<'de, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        at: Path<'_>,
    ) -> Result<(), A::Error> {
        self.push(ValidationError::at(
            at,
            Code::Duplicate.as_str(),
            "is given more than once",
        ));
        map.next_value::<IgnoredAny>().map(drop)
    }

    /// Lists a required member that is absent.
    #[cold]
    #[inline(never)]
    pub fn missing(&mut self, at: Path<'_>) {
        self.push(ValidationError::at(
            at,
            Code::Required.as_str(),
            "is required",
        ));
    }

    /// Lists a member that is not a field of the model (under `deny_unknown_fields`). A name
    /// longer than [`QUOTE_LIMIT`](crate::de::QUOTE_LIMIT) characters is not put in a pointer:
    /// the error is the object's, and quotes the start of the name.
    #[cold]
    #[inline(never)]
    pub fn unknown(&mut self, at: Path<'_>, name: &str) {
        let error = match name.char_indices().nth(crate::de::QUOTE_LIMIT) {
            None => ValidationError::new(
                format!("{at}/{}", crate::path::escape_pointer_token(name)),
                Code::UnknownField.as_str(),
                "is not a field of this object",
            ),
            Some((cut, _)) => ValidationError::new(
                at.pointer(),
                Code::UnknownField.as_str(),
                format!(
                    "has a member `{}…` that is not one of its fields",
                    &name[..cut]
                ),
            ),
        };
        self.push(error);
    }
}

/// The line and column at the end of a serde_json error's message (` at line L column C`).
fn position(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.rfind(" at line ")? + " at line ".len()..];
    let (line, column) = rest.split_once(" column ")?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// The JSON kinds a collecting visitor names when it refuses a value.
pub(crate) mod kind {
    pub const NULL: &str = "null";
    pub const BOOLEAN: &str = "a boolean";
    pub const NUMBER: &str = "a number";
    pub const STRING: &str = "a string";
    pub const ARRAY: &str = "an array";
    pub const OBJECT: &str = "an object";
    /// A kind a format's message names in words not known here.
    pub const OTHER: &str = "a value of another type";
}

/// The kind of value that a serde_json type error names (`invalid type: integer `5`, expected
/// …`): only its kind is taken, never the value, which the message quotes.
fn found_in(message: &str) -> &'static str {
    const NAMES: [(&str, &str); 7] = [
        ("null", kind::NULL),
        ("boolean", kind::BOOLEAN),
        ("integer", kind::NUMBER),
        ("floating point", kind::NUMBER),
        ("string", kind::STRING),
        ("sequence", kind::ARRAY),
        ("map", kind::OBJECT),
    ];
    let named = message.strip_prefix("invalid type: ").unwrap_or_default();
    NAMES
        .iter()
        .find(|(word, _)| named.starts_with(word))
        .map_or(kind::OTHER, |&(_, kind)| kind)
}

/// Reads an object or an array with the visitor it wraps, through the format's typed read of
/// a struct rather than `deserialize_any`: serde_json's is much smaller, so the reads of the
/// members around it stay inline, and it still hands both an object and an array to the
/// visitor, which refuses the one it does not take.
///
/// A scalar, serde_json refuses itself, once read whole, with an error that names its kind and
/// what the visitor expected: formatting that calls `expecting`, which sets `asked`, and
/// [`Collector::settle_container`] lists the value and goes on.
pub(crate) struct Container<'a, V> {
    visitor: V,
    asked: &'a Cell<bool>,
}

impl<'a, V> Container<'a, V> {
    /// Reads with `visitor`; `asked` must be unset.
    #[inline]
    pub(crate) fn new(visitor: V, asked: &'a Cell<bool>) -> Self {
        Container { visitor, asked }
    }

    /// The read through `d`.
    #[inline]
    pub(crate) fn read<'de, D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error>
    where
        V: Visitor<'de>,
    {
        d.deserialize_struct("", &[], self)
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Container<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.asked.set(true);
        self.visitor.expecting(f)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.visitor.visit_map(map)
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.visitor.visit_seq(seq)
    }

    // A format that hands scalars to the visitor (serde_json does not) gets the wrapped
    // visitor's refusals.
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.visitor.visit_bool(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.visitor.visit_i64(v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.visitor.visit_u64(v)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.visitor.visit_f64(v)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.visitor.visit_str(v)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visitor.visit_unit()
    }
}

/// Writes the `visit_*` methods of a collecting visitor that refuse their kind of value: each
/// lists a `type` error (an array or object is skipped to its end first). The visitor has
/// `out: &mut Collector` and `at: Path`; `$expected` is what it takes ("a string").
macro_rules! collect_refuse {
    ($expected:expr; $($method:ident)*) => {
        $(collect_refuse!(@one $method $expected);)*
    };
    (@one visit_bool $expected:expr) => {
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Err(self.out.wrong_type(&self.at, $expected, $crate::collect::kind::BOOLEAN))
        }
    };
    (@one visit_i64 $expected:expr) => {
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err(self.out.wrong_type(&self.at, $expected, $crate::collect::kind::NUMBER))
        }
    };
    (@one visit_u64 $expected:expr) => {
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err(self.out.wrong_type(&self.at, $expected, $crate::collect::kind::NUMBER))
        }
    };
    (@one visit_f64 $expected:expr) => {
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(self.out.wrong_type(&self.at, $expected, $crate::collect::kind::NUMBER))
        }
    };
    (@one visit_str $expected:expr) => {
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Err(self.out.wrong_type(&self.at, $expected, $crate::collect::kind::STRING))
        }
    };
    (@one visit_unit $expected:expr) => {
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Err(self.out.wrong_type(&self.at, $expected, $crate::collect::kind::NULL))
        }
    };
    (@one visit_seq $expected:expr) => {
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            $crate::collect::skip_seq(seq)?;
            Err(self.out.wrong_type(&self.at, $expected, $crate::collect::kind::ARRAY))
        }
    };
    (@one visit_map $expected:expr) => {
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            $crate::collect::skip_map(map)?;
            Err(self.out.wrong_type(&self.at, $expected, $crate::collect::kind::OBJECT))
        }
    };
}

/// Reads an array to its end.
#[inline(never)]
pub(crate) fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Reads an object to its end.
#[inline(never)]
pub(crate) fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Adapts a rule, a path and the collector to serde's `DeserializeSeed`: the value, or `None`
/// when it broke a rule.
#[doc(hidden)]
pub struct Collect<'r, 'p, 'o, 'i, R, T> {
    rule: &'r R,
    at: &'p Path<'p>,
    out: &'o mut Collector<'i>,
    marker: PhantomData<fn() -> T>,
}

impl<'r, 'p, 'o, 'i, R, T> Collect<'r, 'p, 'o, 'i, R, T> {
    /// The seed that collects a `T` under `rule` at `at`.
    #[inline]
    pub fn new(rule: &'r R, at: &'p Path<'p>, out: &'o mut Collector<'i>) -> Self {
        Collect {
            rule,
            at,
            out,
            marker: PhantomData,
        }
    }
}

impl<'de, R: Rule<T>, T> DeserializeSeed<'de> for Collect<'_, '_, '_, '_, R, T> {
    type Value = Option<T>;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        self.rule.collect(d, *self.at, self.out)
    }
}

/// A model's members, read by the code the derive writes: the model when every member held.
#[doc(hidden)]
pub trait Members<'de> {
    /// The model.
    type Value;
    /// Reads the members of `map`, pushing what is wrong onto `out`.
    fn read<A: MapAccess<'de>>(
        self,
        map: A,
        out: &mut Collector<'_>,
    ) -> Result<Option<Self::Value>, A::Error>;
}

/// Collects a model read from an object by `members`; any other JSON type is a `type` error.
#[doc(hidden)]
#[inline]
pub fn collect_object<'de, D: Deserializer<'de>, M: Members<'de>>(
    d: D,
    members: M,
    at: Path<'_>,
    out: &mut Collector<'_>,
) -> Result<Option<M::Value>, D::Error> {
    let asked = Cell::new(false);
    let object = Object {
        members,
        at: &at,
        out: &mut *out,
    };
    let read = Container::new(object, &asked).read(d);
    out.settle_container(read, &asked, at, kind::OBJECT)
}

struct Object<'p, 'o, 'i, M> {
    members: M,
    at: &'p Path<'p>,
    out: &'o mut Collector<'i>,
}

impl<'de, M: Members<'de>> de::Visitor<'de> for Object<'_, '_, '_, M> {
    type Value = Option<M::Value>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(kind::OBJECT)
    }
    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.members.read(map, self.out)
    }
    collect_refuse!(kind::OBJECT; visit_bool visit_i64 visit_u64 visit_f64 visit_str visit_unit visit_seq);
}

/// The seed of a model's member names while collecting: the index of a known member, or
/// `names.len()` for another, listed under `deny_unknown_fields`. It also stops the read at
/// the error limit. Two pointers: the object's [`Key`], built once, and the collector.
#[doc(hidden)]
pub struct MemberName<'k, 'p, 'o, 'i, F> {
    key: &'k Key<'p, F>,
    out: &'o mut Collector<'i>,
}

impl<'k, 'p, 'o, 'i, F: Fn(&[u8]) -> Option<usize>> MemberName<'k, 'p, 'o, 'i, F> {
    /// The seed that looks a member's name up with `key`.
    #[inline]
    pub fn new(key: &'k Key<'p, F>, out: &'o mut Collector<'i>) -> Self {
        MemberName { key, out }
    }

    #[inline]
    fn find<E: de::Error>(self, name: &[u8]) -> Result<usize, E> {
        self.out.go_on()?;
        match self.key.index(name) {
            Some(i) => Ok(i),
            None => {
                if self.key.denies_unknown() {
                    self.out
                        .unknown(self.key.at(), &String::from_utf8_lossy(name));
                }
                Ok(self.key.unknown_index())
            }
        }
    }
}

impl<'de, F: Fn(&[u8]) -> Option<usize>> DeserializeSeed<'de> for MemberName<'_, '_, '_, '_, F> {
    type Value = usize;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de, F: Fn(&[u8]) -> Option<usize>> de::Visitor<'de> for MemberName<'_, '_, '_, '_, F> {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.find(v.as_bytes())
    }
    #[inline]
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        self.find(v)
    }
}

/// The value of an absent `default` member, or `None` (with the rules it breaks listed) when
/// it breaks the member's rules.
#[doc(hidden)]
#[cold]
pub fn absent_default<R: Rule<T>, T>(
    rule: &R,
    value: T,
    at: Path<'_>,
    out: &mut Collector<'_>,
) -> Option<T> {
    let mut broken = Vec::new();
    rule.check(&value, at, &mut broken);
    if broken.is_empty() {
        return Some(value);
    }
    for e in broken {
        let message = format!(
            "is absent, and its default value breaks the rule: {}",
            e.message()
        );
        out.push(ValidationError::new(e.path(), e.static_code(), message));
    }
    None
}

/// The value of an absent member whose literal default is a model's: read from its JSON
/// through the member's rule, or `None` (with what it breaks listed at the member).
#[doc(hidden)]
#[cold]
pub fn collect_default<R: Rule<T>, T>(
    rule: &R,
    json: &str,
    at: Path<'_>,
    out: &mut Collector<'_>,
) -> Option<T> {
    match crate::rules::read_default::<R, T, serde_json::Error>(rule, json, at) {
        Ok(value) => Some(value),
        Err(e) => {
            out.push(crate::rules::default_refused(&e.to_string(), at));
            None
        }
    }
}

/// The model read, or `None` when its own custom rule reports something.
#[doc(hidden)]
#[inline]
pub fn with_custom<T>(
    value: T,
    check: fn(&T, &mut crate::rules::custom::Report<'_>),
    at: Path<'_>,
    out: &mut Collector<'_>,
) -> Option<T> {
    let before = out.len();
    crate::rules::custom::run(&value, check, at, out.errors());
    out.held(before, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_is_read_from_serde_json_own_type_errors() {
        let cases = [
            ("null", kind::NULL),
            ("true", kind::BOOLEAN),
            ("12", kind::NUMBER),
            ("-12", kind::NUMBER),
            ("1.5", kind::NUMBER),
            ("\"a sequence\"", kind::STRING),
            ("[1]", kind::ARRAY),
            ("{\"a\": 1}", kind::OBJECT),
        ];
        for (json, expected) in cases {
            // A unit struct takes none of these: serde_json names each in its own words.
            let e = serde_json::from_str::<Unit>(json).unwrap_err();
            assert_eq!(found_in(&e.to_string()), expected, "{json}: {e}");
        }
        assert_eq!(found_in("invalid type: a tuple, expected x"), kind::OTHER);
        assert_eq!(found_in("some other error"), kind::OTHER);
    }

    #[derive(Debug)]
    struct Unit;

    impl<'de> serde::Deserialize<'de> for Unit {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Unit, D::Error> {
            struct Nothing;
            impl<'de> Visitor<'de> for Nothing {
                type Value = Unit;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("nothing")
                }
            }
            d.deserialize_any(Nothing)
        }
    }
}
