//! Enums with data, in serde's four representations and `one_of`: what reads a value into
//! one of the variants. The derive describes the enum through [`Union`] (its tags, its unit
//! variants, and how each variant's content is read); the loops, the buffering and the errors
//! are here.
//!
//! - Externally tagged: `{"circle": {"r": 1}}`; a unit variant is its tag as a string.
//! - Internally tagged: `{"type": "circle", "r": 1}`. A tag that comes first is read, then the
//!   rest of the object goes straight to the variant, unbuffered; a tag met later makes the
//!   members before it buffered as JSON values.
//! - Adjacently tagged: `{"t": "circle", "c": {"r": 1}}`; content before the tag is buffered.
//! - Untagged: the value is buffered, and the first variant, in declaration order, that
//!   accepts it is the value. `one_of`: exactly one variant must accept it.

use core::fmt;

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Unexpected, Visitor};
use serde_json::{Map, Value};

use crate::code::Code;
use crate::collect::{Collector, Members, collect_object};
use crate::errors::ValidationError;
use crate::path::Path;

use super::buffer::Buffer;

/// An enum with data, as the derive describes it.
#[doc(hidden)]
pub trait Union: Sized {
    /// The variants' tags (their wire names), in declaration order.
    const TAGS: &'static [&'static str];
    /// The variants' own names, for messages.
    const NAMES: &'static [&'static str];
    /// Which variants hold no data.
    const UNIT: &'static [bool];
    /// The unit variant `i`.
    fn unit(i: usize) -> Self;
    /// Reads the content of variant `i` (not a unit variant) from `d`: its members for a
    /// struct variant, its value for a newtype variant, refusing at the first broken rule.
    fn read_variant<'de, D: Deserializer<'de>>(
        i: usize,
        d: D,
        at: Path<'_>,
    ) -> Result<Self, D::Error>;
    /// Collects the content of variant `i` (not a unit variant) from `d`.
    fn collect_variant<'de, D: Deserializer<'de>>(
        i: usize,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<Self>, D::Error>;
}

/// A member the representation names (`tag`, `content`): its wire name, and the name escaped
/// as a JSON Pointer token, for errors.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Named {
    /// The name on the wire.
    pub wire: &'static str,
    /// The name as a JSON Pointer token.
    pub token: &'static str,
}

/// The index of the variant tagged `tag`.
#[inline]
fn find<U: Union>(tag: &str) -> Option<usize> {
    U::TAGS.iter().position(|t| *t == tag)
}

/// "must be one of `a`, `b` or `c`": the tags, as a string enum's values are listed.
fn one_of_tags<U: Union>() -> String {
    let mut s = String::from("must be one of ");
    for (i, t) in U::TAGS.iter().enumerate() {
        match i {
            0 => {}
            _ if i + 1 == U::TAGS.len() => s.push_str(" or "),
            _ => s.push_str(", "),
        }
        s.push('`');
        s.push_str(t);
        s.push('`');
    }
    s
}

/// The error a reader returns: `pointer: code: message`, as every rule's (`(root)` for the
/// whole document).
fn refuse<E: de::Error>(at: Path<'_>, code: &str, message: &str) -> E {
    match at {
        Path::Root => E::custom(format_args!("(root): {code}: {message}")),
        at => E::custom(format_args!("{}: {}: {}", at.short(), code, message)),
    }
}

/// An unknown tag: code `enum` at the tag's pointer, listing the tags (never the value).
#[cold]
fn unknown_tag<U: Union, E: de::Error>(at: Path<'_>) -> E {
    refuse(at, Code::Enum.as_str(), &one_of_tags::<U>())
}

/// Reads a tag: the index of its variant.
struct TagSeed<'p, U> {
    at: Path<'p>,
    marker: core::marker::PhantomData<fn() -> U>,
}

impl<'p, U> TagSeed<'p, U> {
    fn new(at: Path<'p>) -> Self {
        TagSeed {
            at,
            marker: core::marker::PhantomData,
        }
    }
}

impl<'de, U: Union> DeserializeSeed<'de> for TagSeed<'_, U> {
    type Value = usize;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, U: Union> Visitor<'de> for TagSeed<'_, U> {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a tag at {}", self.at.short())
    }
    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        find::<U>(v).ok_or_else(|| unknown_tag::<U, E>(self.at))
    }
    refuse_non_strings!();
}

/// A member name in a tagged object: the tag's, the content's, or another.
#[derive(Debug, PartialEq, Eq)]
enum Name {
    Tag,
    Content,
    Other(String),
}

struct NameSeed {
    tag: &'static str,
    content: Option<&'static str>,
}

impl<'de> DeserializeSeed<'de> for NameSeed {
    type Value = Name;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Name, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for NameSeed {
    type Value = Name;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Name, E> {
        Ok(if v == self.tag {
            Name::Tag
        } else if Some(v) == self.content {
            Name::Content
        } else {
            Name::Other(v.to_owned())
        })
    }
}

/// Reads the content of variant `i` at `at`, as a seed.
struct VariantSeed<'p, U> {
    i: usize,
    at: Path<'p>,
    marker: core::marker::PhantomData<fn() -> U>,
}

impl<'de, U: Union> DeserializeSeed<'de> for VariantSeed<'_, U> {
    type Value = U;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<U, D::Error> {
        U::read_variant(self.i, d, self.at)
    }
}

/// Collects the content of variant `i` at `at`, as a seed.
struct CollectSeed<'p, 'o, 'i, U> {
    i: usize,
    at: Path<'p>,
    out: &'o mut Collector<'i>,
    marker: core::marker::PhantomData<fn() -> U>,
}

impl<'de, U: Union> DeserializeSeed<'de> for CollectSeed<'_, '_, '_, U> {
    type Value = Option<U>;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<U>, D::Error> {
        U::collect_variant(self.i, d, self.at, self.out)
    }
}

/// A refused trial: the error of [`Probe`], which carries nothing, so that trying a variant
/// that does not take the value writes no message.
#[derive(Debug)]
struct Refused;

impl fmt::Display for Refused {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("refused")
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    #[inline]
    fn custom<T: fmt::Display>(_: T) -> Self {
        Refused
    }
}

/// A buffered value as a deserializer whose errors are [`Refused`]: what an untagged enum's
/// variants are tried on. It hands each visitor what `&Value`'s own deserializer hands it.
#[derive(Clone, Copy)]
struct Probe<'a>(&'a Value);

impl<'de> Deserializer<'de> for Probe<'de> {
    type Error = Refused;
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        use serde::de::value::{MapDeserializer, SeqDeserializer};
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, Some(f)) => visitor.visit_f64(f),
                (None, None, None) => Err(Refused),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => {
                let mut seq = SeqDeserializer::new(items.iter().map(Probe));
                let read = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(read)
            }
            Value::Object(members) => {
                let mut map =
                    MapDeserializer::new(members.iter().map(|(k, v)| (k.as_str(), Probe(v))));
                let read = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(read)
            }
        }
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

impl<'de> de::IntoDeserializer<'de, Refused> for Probe<'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// The content of a variant buffered as a JSON value, read: a refusal keeps its message.
fn read_buffered<U: Union, E: de::Error>(i: usize, content: &Value, at: Path<'_>) -> Result<U, E> {
    U::read_variant(i, content, at).map_err(E::custom)
}

fn collect_buffered<U: Union, E: de::Error>(
    i: usize,
    content: &Value,
    at: Path<'_>,
    out: &mut Collector<'_>,
) -> Result<Option<U>, E> {
    U::collect_variant(i, content, at, out).map_err(E::custom)
}

// Externally tagged.

/// Reads an externally tagged enum: a unit variant's tag as a string, or an object of one
/// member, the tag, holding the variant's content.
#[doc(hidden)]
pub fn read_external<'de, U: Union, D: Deserializer<'de>>(
    d: D,
    at: Path<'_>,
) -> Result<U, D::Error> {
    super::model_read(d.deserialize_any(External {
        at,
        marker: core::marker::PhantomData::<fn() -> U>,
    }))
}

struct External<'p, U> {
    at: Path<'p>,
    marker: core::marker::PhantomData<fn() -> U>,
}

impl<'de, U: Union> Visitor<'de> for External<'_, U> {
    type Value = U;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::describing();
        write!(
            f,
            "a tag, or an object of one member named by its tag, at {}",
            self.at.short()
        )
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<U, E> {
        match find::<U>(v) {
            Some(i) if U::UNIT[i] => Ok(U::unit(i)),
            Some(_) => Err(refuse(
                self.at,
                Code::Type.as_str(),
                "must be an object of one member, the variant's tag, holding its content",
            )),
            None => Err(unknown_tag::<U, E>(self.at)),
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<U, A::Error> {
        let Some(tag) = map.next_key::<String>()? else {
            return Err(refuse(
                self.at,
                Code::Type.as_str(),
                "must have one member, the variant's tag",
            ));
        };
        let Some(i) = find::<U>(&tag) else {
            return Err(unknown_tag::<U, A::Error>(self.at));
        };
        if U::UNIT[i] {
            return Err(refuse(
                self.at,
                Code::Type.as_str(),
                "must be the variant's tag alone, a string: the variant holds nothing",
            ));
        }
        let at = self.at.key(&tag);
        let value = map.next_value_seed(VariantSeed {
            i,
            at,
            marker: core::marker::PhantomData::<fn() -> U>,
        })?;
        if map.next_key::<IgnoredAny>()?.is_some() {
            return Err(refuse(
                self.at,
                Code::Type.as_str(),
                "must have one member, the variant's tag",
            ));
        }
        Ok(value)
    }
    refuse_other_types! {
        visit_bool(bool) => Unexpected::Other("boolean");
        visit_i64(i64) => Unexpected::Other("integer");
        visit_u64(u64) => Unexpected::Other("integer");
        visit_f64(f64) => Unexpected::Other("number");
        visit_unit() => Unexpected::Other("null");
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<U, A::Error> {
        Err(de::Error::invalid_type(Unexpected::Other("array"), &self))
    }
}

/// Collects an externally tagged enum.
#[doc(hidden)]
pub fn collect_external<'de, U: Union, D: Deserializer<'de>>(
    d: D,
    at: Path<'_>,
    out: &mut Collector<'_>,
) -> Result<Option<U>, D::Error> {
    // Read in place, as `read_external` reads: a member no variant takes is skipped by the
    // format as it skips it there (a buffer would decode it, and could refuse what the read
    // accepts).
    let read = d.deserialize_any(ExternalCollect {
        at,
        out: &mut *out,
        marker: core::marker::PhantomData::<fn() -> U>,
    });
    out.settle(read)
}

struct ExternalCollect<'p, 'o, 'i, U> {
    at: Path<'p>,
    out: &'o mut Collector<'i>,
    marker: core::marker::PhantomData<fn() -> U>,
}

impl<'de, U: Union> Visitor<'de> for ExternalCollect<'_, '_, '_, U> {
    type Value = Option<U>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXTERNAL)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<U>, E> {
        match find::<U>(v) {
            Some(i) if U::UNIT[i] => return Ok(Some(U::unit(i))),
            Some(_) => self.out.push(ValidationError::at(
                self.at,
                Code::Type.as_str(),
                "must be an object of one member, the variant's tag, holding its content",
            )),
            None => self.out.push(ValidationError::at(
                self.at,
                Code::Enum.as_str(),
                &one_of_tags::<U>(),
            )),
        }
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<U>, A::Error> {
        let one_member = |out: &mut Collector<'_>, at| {
            out.push(ValidationError::at(
                at,
                Code::Type.as_str(),
                "must have one member, the variant's tag",
            ));
        };
        let Some(tag) = map.next_key::<String>()? else {
            one_member(self.out, self.at);
            return Ok(None);
        };
        let value = match find::<U>(&tag) {
            Some(i) if !U::UNIT[i] => map.next_value_seed(CollectSeed {
                i,
                at: self.at.key(&tag),
                out: &mut *self.out,
                marker: core::marker::PhantomData::<fn() -> U>,
            })?,
            found => {
                let (code, message) = match found {
                    None => (Code::Enum, one_of_tags::<U>()),
                    Some(_) => (
                        Code::Type,
                        "must be the variant's tag alone, a string: the variant holds nothing"
                            .to_owned(),
                    ),
                };
                self.out
                    .push(ValidationError::at(self.at, code.as_str(), &message));
                map.next_value::<IgnoredAny>()?;
                None
            }
        };
        if map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value::<IgnoredAny>()?;
            crate::collect::skip_map(map)?;
            one_member(self.out, self.at);
            return Ok(None);
        }
        Ok(value)
    }
    collect_refuse!(EXTERNAL; visit_bool visit_i64 visit_u64 visit_f64 visit_unit visit_seq);
}

/// What an externally tagged value must be, as a wrong type's message says.
const EXTERNAL: &str = "a tag or an object";

/// The kind of a JSON value, as type errors name it.
#[inline]
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

// Internally tagged.

/// Reads an internally tagged enum: an object whose member `tag` names the variant, the
/// variant's members beside it.
#[doc(hidden)]
pub fn read_internal<'de, U: Union, D: Deserializer<'de>>(
    d: D,
    at: Path<'_>,
    tag: Named,
) -> Result<U, D::Error> {
    super::model_read(d.deserialize_map(Internal {
        at,
        tag,
        marker: core::marker::PhantomData::<fn() -> U>,
    }))
}

struct Internal<'p, U> {
    at: Path<'p>,
    tag: Named,
    marker: core::marker::PhantomData<fn() -> U>,
}

impl<'de, U: Union> Visitor<'de> for Internal<'_, U> {
    type Value = U;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A format quotes what it found before this: the read then shortens its error.
        super::describing();
        write!(f, "an object with its tag `{}`", self.tag.wire)
    }
    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<U, A::Error> {
        let names = || NameSeed {
            tag: self.tag.wire,
            content: None,
        };
        let tag_at = self.at.field(self.tag.token);
        match map.next_key_seed(names())? {
            // The tag first: the rest of the object is the variant's, read as it comes.
            Some(Name::Tag) => {
                let i = map.next_value_seed(TagSeed::<U>::new(tag_at))?;
                if U::UNIT[i] {
                    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                    return Ok(U::unit(i));
                }
                U::read_variant(i, MapAccessDeserializer::new(map), self.at)
            }
            None => Err(crate::de::missing_field(tag_at)),
            // The tag later: the members before it are buffered.
            Some(first) => {
                let mut members = Buffer(Value::Object(Map::new()));
                let mut found = None;
                let mut next = Some(first);
                while let Some(name) = next {
                    match name {
                        Name::Tag if found.is_some() => {
                            return Err(crate::de::duplicate_field(tag_at));
                        }
                        Name::Tag => found = Some(map.next_value_seed(TagSeed::<U>::new(tag_at))?),
                        Name::Content => unreachable!("no content member"),
                        Name::Other(name) => {
                            let value = map.next_value::<Value>()?;
                            members.insert(name, value);
                        }
                    }
                    next = map.next_key_seed(names())?;
                }
                let Some(i) = found else {
                    return Err(crate::de::missing_field(tag_at));
                };
                if U::UNIT[i] {
                    return Ok(U::unit(i));
                }
                read_buffered::<U, A::Error>(i, &members.0, self.at)
            }
        }
    }
}

/// Collects an internally tagged enum.
#[doc(hidden)]
pub fn collect_internal<'de, U: Union, D: Deserializer<'de>>(
    d: D,
    at: Path<'_>,
    tag: Named,
    out: &mut Collector<'_>,
) -> Result<Option<U>, D::Error> {
    collect_object(
        d,
        InternalMembers {
            at: &at,
            tag,
            marker: core::marker::PhantomData::<fn() -> U>,
        },
        at,
        out,
    )
}

struct InternalMembers<'p, U> {
    at: &'p Path<'p>,
    tag: Named,
    marker: core::marker::PhantomData<fn() -> U>,
}

impl<'de, U: Union> Members<'de> for InternalMembers<'_, U> {
    type Value = U;
    fn read<A: MapAccess<'de>>(
        self,
        mut map: A,
        out: &mut Collector<'_>,
    ) -> Result<Option<U>, A::Error> {
        let at = *self.at;
        let names = || NameSeed {
            tag: self.tag.wire,
            content: None,
        };
        let tag_at = at.field(self.tag.token);
        match map.next_key_seed(names())? {
            Some(Name::Tag) => {
                let Some(i) = collect_tag::<U, A>(&mut map, tag_at, out)? else {
                    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                    return Ok(None);
                };
                if U::UNIT[i] {
                    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                    return Ok(Some(U::unit(i)));
                }
                U::collect_variant(i, MapAccessDeserializer::new(map), at, out)
            }
            None => {
                out.missing(tag_at);
                Ok(None)
            }
            Some(first) => {
                let mut members = Buffer(Value::Object(Map::new()));
                let mut found: Option<Option<usize>> = None;
                let mut next = Some(first);
                while let Some(name) = next {
                    match name {
                        Name::Tag if found.is_some() => out.duplicate(&mut map, tag_at)?,
                        Name::Tag => found = Some(collect_tag::<U, A>(&mut map, tag_at, out)?),
                        Name::Content => unreachable!("no content member"),
                        Name::Other(name) => {
                            let value = map.next_value::<Value>()?;
                            members.insert(name, value);
                        }
                    }
                    next = map.next_key_seed(names())?;
                }
                match found {
                    None => {
                        out.missing(tag_at);
                        Ok(None)
                    }
                    Some(None) => Ok(None),
                    Some(Some(i)) if U::UNIT[i] => Ok(Some(U::unit(i))),
                    Some(Some(i)) => collect_buffered::<U, A::Error>(i, &members.0, at, out),
                }
            }
        }
    }
}

/// Reads a tag's value while collecting: the variant's index, or `None` with the error listed.
fn collect_tag<'de, U: Union, A: MapAccess<'de>>(
    map: &mut A,
    at: Path<'_>,
    out: &mut Collector<'_>,
) -> Result<Option<usize>, A::Error> {
    match map.next_value::<Value>()? {
        Value::String(tag) => match find::<U>(&tag) {
            Some(i) => Ok(Some(i)),
            None => {
                out.push(ValidationError::at(
                    at,
                    Code::Enum.as_str(),
                    &one_of_tags::<U>(),
                ));
                Ok(None)
            }
        },
        other => {
            let message = ["must be a string, got ", kind_of(&other)].concat();
            out.push(ValidationError::at(at, Code::Type.as_str(), &message));
            Ok(None)
        }
    }
}

// Adjacently tagged.

/// Reads an adjacently tagged enum: an object whose member `tag` names the variant and whose
/// member `content` holds its content (absent for a unit variant).
#[doc(hidden)]
pub fn read_adjacent<'de, U: Union, D: Deserializer<'de>>(
    d: D,
    at: Path<'_>,
    tag: Named,
    content: Named,
) -> Result<U, D::Error> {
    super::model_read(d.deserialize_map(Adjacent {
        at,
        tag,
        content,
        marker: core::marker::PhantomData::<fn() -> U>,
    }))
}

struct Adjacent<'p, U> {
    at: Path<'p>,
    tag: Named,
    content: Named,
    marker: core::marker::PhantomData<fn() -> U>,
}

impl<'de, U: Union> Visitor<'de> for Adjacent<'_, U> {
    type Value = U;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A format quotes what it found before this: the read then shortens its error.
        super::describing();
        write!(f, "an object with its tag `{}`", self.tag.wire)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<U, A::Error> {
        let (tag_at, content_at) = (
            self.at.field(self.tag.token),
            self.at.field(self.content.token),
        );
        let mut found: Option<usize> = None;
        let mut read: Option<U> = None;
        let mut buffered: Option<Buffer> = None;
        while let Some(name) = map.next_key_seed(NameSeed {
            tag: self.tag.wire,
            content: Some(self.content.wire),
        })? {
            match name {
                Name::Tag if found.is_some() => return Err(crate::de::duplicate_field(tag_at)),
                Name::Tag => found = Some(map.next_value_seed(TagSeed::<U>::new(tag_at))?),
                Name::Content if read.is_some() || buffered.is_some() => {
                    return Err(crate::de::duplicate_field(content_at));
                }
                Name::Content => match found {
                    Some(i) if U::UNIT[i] => buffered = Some(Buffer(map.next_value::<Value>()?)),
                    Some(i) => {
                        read = Some(map.next_value_seed(VariantSeed {
                            i,
                            at: content_at,
                            marker: core::marker::PhantomData::<fn() -> U>,
                        })?);
                    }
                    None => buffered = Some(Buffer(map.next_value::<Value>()?)),
                },
                Name::Other(_) => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let Some(i) = found else {
            return Err(crate::de::missing_field(tag_at));
        };
        if U::UNIT[i] {
            return Ok(U::unit(i));
        }
        match (read, buffered) {
            (Some(value), _) => Ok(value),
            (None, Some(content)) => read_buffered::<U, A::Error>(i, &content.0, content_at),
            (None, None) => Err(crate::de::missing_field(content_at)),
        }
    }
}

/// Collects an adjacently tagged enum.
#[doc(hidden)]
pub fn collect_adjacent<'de, U: Union, D: Deserializer<'de>>(
    d: D,
    at: Path<'_>,
    tag: Named,
    content: Named,
    out: &mut Collector<'_>,
) -> Result<Option<U>, D::Error> {
    collect_object(
        d,
        AdjacentMembers {
            at: &at,
            tag,
            content,
            marker: core::marker::PhantomData::<fn() -> U>,
        },
        at,
        out,
    )
}

struct AdjacentMembers<'p, U> {
    at: &'p Path<'p>,
    tag: Named,
    content: Named,
    marker: core::marker::PhantomData<fn() -> U>,
}

impl<'de, U: Union> Members<'de> for AdjacentMembers<'_, U> {
    type Value = U;
    fn read<A: MapAccess<'de>>(
        self,
        mut map: A,
        out: &mut Collector<'_>,
    ) -> Result<Option<U>, A::Error> {
        let at = *self.at;
        let (tag_at, content_at) = (at.field(self.tag.token), at.field(self.content.token));
        let mut found: Option<Option<usize>> = None;
        let mut read: Option<Option<U>> = None;
        let mut buffered: Option<Buffer> = None;
        while let Some(name) = map.next_key_seed(NameSeed {
            tag: self.tag.wire,
            content: Some(self.content.wire),
        })? {
            out.go_on()?;
            match name {
                Name::Tag if found.is_some() => out.duplicate(&mut map, tag_at)?,
                Name::Tag => found = Some(collect_tag::<U, A>(&mut map, tag_at, out)?),
                Name::Content if read.is_some() || buffered.is_some() => {
                    out.duplicate(&mut map, content_at)?;
                }
                Name::Content => match found {
                    Some(Some(i)) if !U::UNIT[i] => {
                        read = Some(map.next_value_seed(CollectSeed {
                            i,
                            at: content_at,
                            out: &mut *out,
                            marker: core::marker::PhantomData::<fn() -> U>,
                        })?);
                    }
                    _ => buffered = Some(Buffer(map.next_value::<Value>()?)),
                },
                Name::Other(_) => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let i = match found {
            None => {
                out.missing(tag_at);
                return Ok(None);
            }
            Some(None) => return Ok(None),
            Some(Some(i)) => i,
        };
        if U::UNIT[i] {
            return Ok(Some(U::unit(i)));
        }
        match (read, buffered) {
            (Some(value), _) => Ok(value),
            (None, Some(content)) => {
                collect_buffered::<U, A::Error>(i, &content.0, content_at, out)
            }
            (None, None) => {
                out.missing(content_at);
                Ok(None)
            }
        }
    }
}

// Untagged, and exactly one.

/// Reads an untagged enum (`one_of`: exactly one variant must accept the value): the value is
/// buffered, then each variant tries it in declaration order.
#[doc(hidden)]
pub fn read_untagged<'de, U: Union, D: Deserializer<'de>>(
    d: D,
    at: Path<'_>,
    one_of: bool,
) -> Result<U, D::Error> {
    let value = Buffer(Value::deserialize(d)?);
    match pick::<U>(&value.0, at, one_of) {
        Ok(v) => Ok(v),
        Err(e) => Err(refuse(at, e.code(), e.message())),
    }
}

/// Collects an untagged enum: the value read, or the one error that says why no variant (or
/// more than one) took it.
#[doc(hidden)]
pub fn collect_untagged<'de, U: Union, D: Deserializer<'de>>(
    d: D,
    at: Path<'_>,
    one_of: bool,
    out: &mut Collector<'_>,
) -> Result<Option<U>, D::Error> {
    let value = Buffer(Value::deserialize(d)?);
    match pick::<U>(&value.0, at, one_of) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            out.push(e);
            Ok(None)
        }
    }
}

/// The variant that takes `value`: the first (untagged), or the only one (`one_of`).
fn pick<U: Union>(value: &Value, at: Path<'_>, one_of: bool) -> Result<U, ValidationError> {
    let try_variant = |i: usize| -> Option<U> {
        if U::UNIT[i] {
            value.is_null().then(|| U::unit(i))
        } else {
            U::read_variant(i, Probe(value), at).ok()
        }
    };
    let mut taken: Option<(usize, U)> = None;
    for i in 0..U::TAGS.len() {
        let Some(v) = try_variant(i) else { continue };
        match &taken {
            None if !one_of => return Ok(v),
            None => taken = Some((i, v)),
            Some((first, _)) => {
                let message = format!(
                    "must match exactly one variant, and matches `{}` and `{}`",
                    U::NAMES[*first],
                    U::NAMES[i]
                );
                return Err(ValidationError::at(at, Code::OneOf.as_str(), &message));
            }
        }
    }
    if let Some((_, v)) = taken {
        return Ok(v);
    }
    // None took it: name each variant with its first violation, by pointer and code.
    let mut message = String::from("matches no variant: ");
    for i in 0..U::TAGS.len() {
        if i > 0 {
            message.push_str(", ");
        }
        message.push('`');
        message.push_str(U::NAMES[i]);
        message.push_str("` (");
        let shown = |p: &str| {
            if p.is_empty() {
                "(root)".to_owned()
            } else {
                p.to_owned()
            }
        };
        if U::UNIT[i] {
            message.push_str(&shown(&at.pointer()));
            message.push_str(" type");
        } else {
            let mut out = Collector::new();
            let _ = U::collect_variant(i, value, at, &mut out);
            match out.errors().first() {
                Some(e) => {
                    message.push_str(&shown(e.path()));
                    message.push(' ');
                    message.push_str(e.code());
                }
                None => message.push_str("invalid"),
            }
        }
        message.push(')');
    }
    let code = if one_of { Code::OneOf } else { Code::AnyOf };
    Err(ValidationError::at(at, code.as_str(), &message))
}

// Schemas.

/// How an enum with data is written, for its schema.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Repr {
    /// `{"circle": {...}}`, a unit variant as its tag.
    External,
    /// `{"type": "circle", ...}`.
    Internal(&'static str),
    /// `{"t": "circle", "c": {...}}`.
    Adjacent(&'static str, &'static str),
    /// The first variant that accepts the value.
    Untagged,
    /// The one variant that accepts the value.
    OneOf,
}

/// One variant, for the schema.
#[doc(hidden)]
#[derive(Debug)]
pub struct VariantSchema {
    /// The tag.
    pub tag: &'static str,
    /// The content's schema: an object's for a struct variant, the value's for a newtype
    /// variant, none for a unit variant.
    pub content: Option<Map<String, Value>>,
    /// `deprecated: true`.
    pub deprecated: bool,
}

#[inline]
fn object_of(properties: Map<String, Value>, required: Vec<Value>) -> Map<String, Value> {
    let mut s = Map::new();
    s.insert("type".into(), "object".into());
    s.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        s.insert("required".into(), Value::Array(required));
    }
    s
}

#[inline]
fn constant(tag: &str) -> Value {
    let mut c = Map::new();
    c.insert("const".into(), tag.into());
    Value::Object(c)
}

/// The schema of an enum with data: `oneOf` its variants (tagged, each with its tag as a
/// `const`), `anyOf` them (untagged) or `oneOf` them (`one_of`).
#[doc(hidden)]
#[inline]
pub fn schema(
    title: &str,
    description: Option<&str>,
    repr: Repr,
    variants: Vec<VariantSchema>,
) -> Map<String, Value> {
    let mut branches: Vec<Value> = Vec::new();
    let mut unit_tags: Vec<Value> = Vec::new();
    for v in variants {
        let mut branch = match (repr, v.content) {
            (Repr::External, None) => {
                unit_tags.push(v.tag.into());
                continue;
            }
            (Repr::External, Some(content)) => {
                let mut properties = Map::new();
                properties.insert(v.tag.into(), Value::Object(content));
                let mut s = object_of(properties, vec![v.tag.into()]);
                s.insert("additionalProperties".into(), false.into());
                s
            }
            (Repr::Internal(tag), content) => {
                let mut s = match content {
                    // A struct variant's members sit beside the tag.
                    Some(mut c)
                        if c.get("type") == Some(&Value::from("object"))
                            && c.contains_key("properties") =>
                    {
                        let mut properties = Map::new();
                        properties.insert(tag.into(), constant(v.tag));
                        if let Some(Value::Object(p)) = c.remove("properties") {
                            properties.extend(p);
                        }
                        let mut required = vec![Value::from(tag)];
                        if let Some(Value::Array(r)) = c.remove("required") {
                            required.extend(r);
                        }
                        let mut s = object_of(properties, required);
                        c.remove("type");
                        s.extend(c);
                        s
                    }
                    // A model held by a newtype variant: its schema and the tag, both.
                    Some(c) => {
                        let mut properties = Map::new();
                        properties.insert(tag.into(), constant(v.tag));
                        let mut s = object_of(properties, vec![tag.into()]);
                        s.insert("allOf".into(), Value::Array(vec![Value::Object(c)]));
                        s
                    }
                    None => {
                        let mut properties = Map::new();
                        properties.insert(tag.into(), constant(v.tag));
                        object_of(properties, vec![tag.into()])
                    }
                };
                if !s.contains_key("title") {
                    s.insert("title".into(), v.tag.into());
                }
                s
            }
            (Repr::Adjacent(tag, content_name), content) => {
                let mut properties = Map::new();
                properties.insert(tag.into(), constant(v.tag));
                let mut required = vec![Value::from(tag)];
                if let Some(content) = content {
                    properties.insert(content_name.into(), Value::Object(content));
                    required.push(content_name.into());
                }
                object_of(properties, required)
            }
            (Repr::Untagged | Repr::OneOf, Some(content)) => content,
            (Repr::Untagged | Repr::OneOf, None) => {
                let mut s = Map::new();
                s.insert("type".into(), "null".into());
                s
            }
        };
        if v.deprecated {
            branch.insert("deprecated".into(), true.into());
        }
        branches.push(Value::Object(branch));
    }
    if !unit_tags.is_empty() {
        let mut units = Map::new();
        units.insert("type".into(), "string".into());
        units.insert("enum".into(), Value::Array(unit_tags));
        branches.insert(0, Value::Object(units));
    }
    let mut s = Map::new();
    s.insert("title".into(), title.into());
    if let Some(d) = description {
        s.insert("description".into(), d.into());
    }
    let keyword = match repr {
        Repr::Untagged => "anyOf",
        _ => "oneOf",
    };
    s.insert(keyword.into(), Value::Array(branches));
    s
}

/// Writes a newtype variant's model with the tag among its members (internally tagged).
#[doc(hidden)]
pub fn serialize_tagged<S: serde::Serializer, T: serde::Serialize>(
    serializer: S,
    tag: &'static str,
    variant: &'static str,
    value: &T,
) -> Result<S::Ok, S::Error> {
    use serde::Serialize as _;
    use serde::ser::Error as _;
    match serde_json::to_value(value).map_err(S::Error::custom)? {
        Value::Object(members) => {
            let mut all = Map::new();
            all.insert(tag.into(), variant.into());
            all.extend(members);
            Value::Object(all).serialize(serializer)
        }
        _ => Err(S::Error::custom(
            "the variant's value is not an object, so the tag cannot sit among its members",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_probe_hands_each_visitor_what_a_value_does() {
        // Every kind, nested, reads back through the probe as through `&Value` itself.
        let v =
            json!({"a": [null, true, 1, -2, 2.5, "s", {"b": {}}], "c": 18446744073709551615u64});
        let through_probe = Value::deserialize(Probe(&v)).unwrap();
        assert_eq!(through_probe, v);
        let o: Option<u8> = Deserialize::deserialize(Probe(&json!(null))).unwrap();
        assert_eq!(o, None);
        let o: Option<u8> = Deserialize::deserialize(Probe(&json!(7))).unwrap();
        assert_eq!(o, Some(7));
        assert!(<u8 as Deserialize>::deserialize(Probe(&json!(256))).is_err());
        assert!(<String as Deserialize>::deserialize(Probe(&json!(1))).is_err());
    }

    #[test]
    fn tagged_schemas_carry_the_tag_as_a_const() {
        let content = |p: Value| -> Map<String, Value> {
            let mut m = Map::new();
            m.insert("type".into(), "object".into());
            m.insert("properties".into(), p);
            m.insert("required".into(), json!(["r"]));
            m
        };
        let s = schema(
            "Shape",
            None,
            Repr::Internal("kind"),
            vec![
                VariantSchema {
                    tag: "circle",
                    content: Some(content(json!({"r": {"type": "number"}}))),
                    deprecated: false,
                },
                VariantSchema {
                    tag: "none",
                    content: None,
                    deprecated: true,
                },
            ],
        );
        assert_eq!(
            Value::Object(s),
            json!({
                "title": "Shape",
                "oneOf": [
                    {
                        "title": "circle", "type": "object",
                        "properties": {"kind": {"const": "circle"}, "r": {"type": "number"}},
                        "required": ["kind", "r"]
                    },
                    {
                        "title": "none", "type": "object",
                        "properties": {"kind": {"const": "none"}},
                        "required": ["kind"], "deprecated": true
                    }
                ]
            })
        );
    }
}
