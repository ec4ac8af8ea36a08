//! Where a value sits in a document, as an RFC 6901 JSON Pointer.
//!
//! Deserialization and validation thread a [`Path`] down through nested models and sequences
//! without allocating; it is only written out when an error is reported.

use core::fmt;

/// A location in a document, built on the stack as deserialization or validation descends.
///
/// Field segments hold the wire name already escaped for a JSON Pointer (`~` as `~0`, `/` as
/// `~1`), so writing a path out is plain concatenation.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    /// The document itself: the empty pointer.
    Root,
    /// A member of an object, by its escaped wire name.
    Field(&'a Path<'a>, &'static str),
    /// An element of an array, by its index.
    Index(&'a Path<'a>, usize),
    /// A member of a map, by its name as read (escaped when written out, and cut after
    /// [`KEY_LIMIT`] characters with `…`, so that a pointer never holds a huge name whole).
    Key(&'a Path<'a>, &'a str),
}

/// The most characters of a map's member name a pointer holds.
pub const KEY_LIMIT: usize = 32;

impl<'a> Path<'a> {
    /// The member `escaped` of the object at `self`.
    pub fn field(&'a self, escaped: &'static str) -> Path<'a> {
        Path::Field(self, escaped)
    }

    /// The element `index` of the array at `self`.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The member `name` (unescaped) of the map at `self`.
    pub fn key(&'a self, name: &'a str) -> Path<'a> {
        Path::Key(self, name)
    }
}

/// A map's member name as a pointer token: escaped, and cut after [`KEY_LIMIT`] characters.
pub(crate) struct KeyToken<'a>(pub &'a str);

impl fmt::Display for KeyToken<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, cut) = match self.0.char_indices().nth(KEY_LIMIT) {
            Some((end, _)) => (&self.0[..end], true),
            None => (self.0, false),
        };
        write_escaped(f, name)?;
        if cut {
            f.write_str("…")?;
        }
        Ok(())
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Path::Root => Ok(()),
            Path::Field(parent, name) => write!(f, "{parent}/{name}"),
            Path::Index(parent, index) => write!(f, "{parent}/{index}"),
            Path::Key(parent, name) => write!(f, "{parent}/{}", KeyToken(name)),
        }
    }
}

/// Escapes one reference token of a JSON Pointer (RFC 6901 §3): `~` becomes `~0`, `/` becomes `~1`.
///
/// ```
/// assert_eq!(authlete_models::escape_pointer_token("a/b~c"), "a~1b~0c");
/// ```
pub fn escape_pointer_token(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    let _ = write_escaped(&mut out, token);
    out
}

/// Writes `token` escaped for a JSON Pointer: the one place `~` and `/` are escaped.
fn write_escaped(out: &mut impl fmt::Write, token: &str) -> fmt::Result {
    for part in token.split_inclusive(['~', '/']) {
        match part.as_bytes().last() {
            Some(b'~') => {
                out.write_str(&part[..part.len() - 1])?;
                out.write_str("~0")?;
            }
            Some(b'/') => {
                out.write_str(&part[..part.len() - 1])?;
                out.write_str("~1")?;
            }
            _ => out.write_str(part)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_the_empty_pointer() {
        assert_eq!(Path::Root.to_string(), "");
    }

    #[test]
    fn nested_segments_join_with_slashes() {
        let root = Path::Root;
        let scopes = root.field("scopes");
        let second = scopes.index(2);
        let name = second.field("name");
        assert_eq!(name.to_string(), "/scopes/2/name");
    }

    #[test]
    fn map_members_are_escaped_and_long_names_cut() {
        let root = Path::Root;
        let attrs = root.field("attrs");
        assert_eq!(attrs.key("a/b~c").to_string(), "/attrs/a~1b~0c");
        assert_eq!(attrs.key("").to_string(), "/attrs/");
        let long = "é".repeat(40);
        assert_eq!(
            attrs.key(&long).to_string(),
            format!("/attrs/{}…", "é".repeat(KEY_LIMIT))
        );
        // Escaping agrees with the public escaper for every short name.
        for name in ["~1", "/~", "~~//", "plain", "a~"] {
            assert_eq!(KeyToken(name).to_string(), escape_pointer_token(name));
        }
    }

    #[test]
    fn tokens_escape_tilde_before_slash() {
        assert_eq!(escape_pointer_token("~1"), "~01");
        assert_eq!(escape_pointer_token("a/b"), "a~1b");
        assert_eq!(escape_pointer_token("plain"), "plain");
    }
}
