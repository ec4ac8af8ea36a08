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

/// The most bytes of a pointer an error message quotes: a longer one (a value deep in a
/// recursive model) keeps its first and last parts, with `…` between them. Errors that list
/// violations (`ValidationError::path`) keep the whole pointer.
pub const PATH_LIMIT: usize = 192;

impl<'a> Path<'a> {
    /// The pointer as an error message quotes it: whole up to [`PATH_LIMIT`] bytes, cut in
    /// the middle past that.
    pub(crate) fn short(self) -> Short<Path<'a>> {
        Short(self)
    }
}

/// A pointer, cut in the middle when longer than [`PATH_LIMIT`] bytes.
#[derive(Clone, Copy)]
pub(crate) struct Short<P>(pub P);

impl<P: fmt::Display> fmt::Display for Short<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Count(usize);
        impl fmt::Write for Count {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0 += s.len();
                Ok(())
            }
        }
        let mut count = Count(0);
        fmt::Write::write_fmt(&mut count, format_args!("{}", self.0))?;
        if count.0 <= PATH_LIMIT {
            return write!(f, "{}", self.0);
        }
        // The start says where the branch is, the end what the value is: keep both.
        let mut window = Window {
            out: f,
            at: 0,
            head: PATH_LIMIT / 3,
            tail: count.0 - PATH_LIMIT * 2 / 3,
            cut: false,
        };
        fmt::Write::write_fmt(&mut window, format_args!("{}", self.0))
    }
}

/// Writes the bytes of a text before `head` and from `tail` on, with `…` once between them,
/// never splitting a character.
struct Window<'f, 'g> {
    out: &'f mut fmt::Formatter<'g>,
    at: usize,
    head: usize,
    tail: usize,
    cut: bool,
}

impl fmt::Write for Window<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let start = self.at;
        self.at += s.len();
        for (i, c) in s.char_indices() {
            let pos = start + i;
            if pos < self.head || pos >= self.tail {
                self.out.write_char(c)?;
            } else if !self.cut {
                self.cut = true;
                self.out.write_str("…")?;
            }
        }
        Ok(())
    }
}

impl Path<'_> {
    /// The pointer as a `String`, as `Display` writes it, without the formatting machinery:
    /// what every listed error starts with.
    pub(crate) fn pointer(self) -> String {
        self.pointer_with_room(0)
    }

    /// [`Path::pointer`], with room for `more` bytes after it.
    pub(crate) fn pointer_with_room(self, more: usize) -> String {
        let mut out = String::with_capacity(self.size_hint() + more);
        self.write_to(&mut out);
        out
    }

    fn size_hint(self) -> usize {
        match self {
            Path::Root => 0,
            Path::Field(parent, name) => parent.size_hint() + 1 + name.len(),
            Path::Index(parent, _) => parent.size_hint() + 4,
            Path::Key(parent, name) => parent.size_hint() + 1 + name.len().min(4 * KEY_LIMIT + 3),
        }
    }

    fn write_to(self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Field(parent, name) => {
                parent.write_to(out);
                out.push('/');
                out.push_str(name);
            }
            Path::Index(parent, mut index) => {
                parent.write_to(out);
                out.push('/');
                let mut digits = [0u8; 20];
                let mut i = digits.len();
                loop {
                    i -= 1;
                    digits[i] = b'0' + (index % 10) as u8;
                    index /= 10;
                    if index == 0 {
                        break;
                    }
                }
                out.extend(digits[i..].iter().map(|&d| char::from(d)));
            }
            Path::Key(parent, name) => {
                parent.write_to(out);
                out.push('/');
                let _ = fmt::Write::write_fmt(out, format_args!("{}", KeyToken(name)));
            }
        }
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
        assert_eq!(name.pointer(), "/scopes/2/name");
    }

    #[test]
    fn pointer_writes_what_display_writes() {
        let root = Path::Root;
        let long = "x/".repeat(40);
        let a = root.field("a~1b");
        for index in [0, 7, 10, 12345, usize::MAX] {
            let i = a.index(index);
            for name in ["", "m~n", "é/", long.as_str()] {
                let k = i.key(name);
                let f = k.field("z");
                for p in [root, a, i, k, f] {
                    assert_eq!(p.pointer(), p.to_string());
                }
            }
        }
    }

    #[test]
    fn long_pointers_are_cut_in_the_middle_for_messages() {
        let root = Path::Root;
        let a = root.field("children");
        let b = a.index(0);
        assert_eq!(b.short().to_string(), "/children/0");
        // 60 levels: 660 bytes.
        let segments = ["children"; 60];
        fn nest(p: Path<'_>, rest: &[&'static str], out: &mut String) {
            match rest.split_first() {
                None => *out = p.short().to_string(),
                Some((name, rest)) => {
                    let f = p.field(name);
                    let i = f.index(0);
                    nest(i, rest, out);
                }
            }
        }
        let mut text = String::new();
        nest(Path::Root, &segments, &mut text);
        assert!(text.len() <= PATH_LIMIT + 4, "{} bytes: {text}", text.len());
        assert!(text.starts_with("/children/0/children/0"), "{text}");
        assert!(text.ends_with("/children/0/children/0"), "{text}");
        assert_eq!(text.matches('…').count(), 1, "{text}");
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
