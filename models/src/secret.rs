//! [`Secret`], the field type of credentials.

use core::any::Any;
use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// A credential: never shown by `Debug`, wiped from memory when dropped, compared without
/// stopping at the first difference.
///
/// A field holding a credential has this type (`Secret<String>`, or an `Option`, `Vec`, map
/// or newtype of it), so that the ordinary `#[derive(Debug, Model)]` cannot print it, and the
/// derive keeps its value out of every error whatever the format. The value is reached only by naming
/// it: [`Secret::expose`]. It serializes as the plain value, since a request body must carry
/// it, and errors about it never contain it.
///
/// ```
/// use authlete_models::Secret;
///
/// let s = Secret::new(String::from("hunter2"));
/// assert_eq!(format!("{s:?}"), "Secret(\"[redacted]\")");
/// assert_eq!(s.expose(), "hunter2");
/// ```
///
/// # What is promised
///
/// - **Not printed.** `Debug` (plain and `{:#?}`) writes `Secret("[redacted]")` and nothing of
///   the value, whatever `T` is. `Secret` has no `Display`.
/// - **Wiped on drop.** Dropping a `Secret<T>` overwrites the value with zeros in a way the
///   compiler may not remove. A `String` or a `Vec<u8>` is wiped whole, its spare capacity
///   included, by one fill of its heap buffer followed by [`zeroize`]'s optimization barrier,
///   before the buffer is freed; any other `T` through its own [`Zeroize`]. The same happens
///   on [`Zeroize::zeroize`], which leaves an empty value behind. (`T: 'static` is what lets
///   the type be recognised when the code is compiled.)
/// - **Compared without an early exit.** `==` on two values of the same length combines the
///   difference of every byte pair and looks at the result once, so the time it takes does
///   not depend on where the first difference is. The combined result passes through
///   [`core::hint::black_box`] so that the optimizer does not turn the loop back into an
///   early exit.
///
/// # What is not promised
///
/// - **Copies made elsewhere are not wiped.** Only the buffer this `Secret` owns is. Not
///   wiped: the document it was read from (the caller's input buffer); a deserializer's own
///   scratch space (serde_json unescapes a string containing `\` escapes into a buffer it
///   keeps); what
///   [`Secret::expose`] is used to copy (`clone`, `to_owned`, `format!`); the value returned
///   by [`Secret::into_inner`]; the text a serializer writes; buffers a `String` left behind
///   when it grew before being wrapped (wrap a value built at its final capacity); copies the
///   compiler makes in registers or on the stack; memory swapped to disk or written to a
///   core dump.
/// - **The length is not hidden.** Secrets of different lengths compare unequal at once, and
///   `validate()` errors state a secret's length in characters.
/// - **No timing guarantee beyond the source.** The comparison is branch-free in the source
///   and kept so by `black_box` on a best-effort basis; no claim is made about the machine
///   code of every compiler and target, nor about cache or power side channels.
/// - `expose` gives the plain value: once the caller has it, what happens to it is the
///   caller's business.
#[derive(Clone, Default)]
pub struct Secret<T: Zeroize + 'static>(T);

impl<T: Zeroize + 'static> Secret<T> {
    /// Wraps a value.
    pub const fn new(value: T) -> Self {
        Secret(value)
    }

    /// The value, for the code that must use it.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// The value, unwrapped. It is moved out, not copied, and from then on is no longer
    /// wiped: the `Secret` wipes only the empty value left in its place.
    pub fn into_inner(mut self) -> T
    where
        T: Default,
    {
        core::mem::take(&mut self.0)
    }
}

impl<T: Zeroize + 'static> Drop for Secret<T> {
    #[inline]
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

impl<T: Zeroize + 'static> Zeroize for Secret<T> {
    fn zeroize(&mut self) {
        wipe(&mut self.0);
    }
}

impl<T: Zeroize + 'static> ZeroizeOnDrop for Secret<T> {}

impl<T: Zeroize + 'static> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Secret").field(&"[redacted]").finish()
    }
}

impl From<String> for Secret<String> {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret<String> {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

impl<T: Zeroize + 'static + AsRef<[u8]>> PartialEq for Secret<T> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.as_ref(), other.0.as_ref());
        if a.len() != b.len() {
            return false;
        }
        // Fold every byte's difference; no branch depends on where the values differ.
        let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
        core::hint::black_box(diff) == 0
    }
}

impl<T: Zeroize + 'static + AsRef<[u8]>> Eq for Secret<T> {}

impl<T: Zeroize + 'static + Serialize> Serialize for Secret<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Zeroize + 'static + Deserialize<'de>> Deserialize<'de> for Secret<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Secret)
    }
}

/// Wipes `value` and leaves it empty: a `String` or a `Vec<u8>` with one bulk write over its
/// whole buffer, anything else through its own [`Zeroize`].
///
/// `zeroize` wipes the bytes of a `Vec<u8>` (and so of a `String`) one volatile write at a
/// time, which on an 86-byte secret cost as much as all the rules checked on reading it.
/// Its bulk path, for a slice of `MaybeUninit` bytes, is a plain fill followed by an
/// optimization barrier that keeps the compiler from removing it: the buffer is emptied and
/// its whole capacity is handed to that path. Which path runs depends on the type only: the
/// test is on `TypeId`s, which the optimizer folds to a constant.
#[inline]
fn wipe<T: Zeroize + 'static>(value: &mut T) {
    let any: &mut dyn Any = value;
    let bytes = if let Some(s) = any.downcast_mut::<String>() {
        core::mem::take(s).into_bytes()
    } else if let Some(v) = any.downcast_mut::<Vec<u8>>() {
        core::mem::take(v)
    } else {
        value.zeroize();
        return;
    };
    wipe_buffer(bytes);
}

/// Zeroes every byte of `bytes`' allocation, then frees it.
fn wipe_buffer(mut bytes: Vec<u8>) {
    bytes.clear();
    bytes.spare_capacity_mut().zeroize();
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::cell::Cell;
    use std::rc::Rc;

    #[test]
    fn debug_never_shows_the_value() {
        let s = Secret::from("marker-value");
        assert!(!format!("{s:?}").contains("marker"));
        assert!(!format!("{s:#?}").contains("marker"));
        assert!(!format!("{:?}", Some(s)).contains("marker"));
    }

    #[test]
    fn equality_compares_values() {
        assert_eq!(Secret::from("abc"), Secret::from("abc"));
        assert_ne!(Secret::from("abc"), Secret::from("abd"));
        assert_ne!(Secret::from("abc"), Secret::from("bbc"));
        assert_ne!(Secret::from("abc"), Secret::from("abcd"));
        assert_eq!(Secret::from(""), Secret::from(""));
    }

    #[test]
    fn serializes_as_the_plain_value() {
        assert_eq!(serde_json::to_string(&Secret::from("x")).unwrap(), "\"x\"");
    }

    /// Records whether it was wiped, and how many times.
    #[derive(Default)]
    struct Probe(Rc<Cell<u32>>);

    impl Zeroize for Probe {
        fn zeroize(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    #[test]
    fn dropping_wipes_the_value_once() {
        let wiped = Rc::new(Cell::new(0));
        let s = Secret::new(Probe(Rc::clone(&wiped)));
        assert_eq!(wiped.get(), 0);
        drop(s);
        assert_eq!(wiped.get(), 1);
    }

    #[test]
    fn every_clone_is_wiped_too() {
        #[derive(Clone, Default)]
        struct Counted(Rc<Cell<u32>>);
        impl Zeroize for Counted {
            fn zeroize(&mut self) {
                self.0.set(self.0.get() + 1);
            }
        }
        let wiped = Rc::new(Cell::new(0));
        let a = Secret::new(Counted(Rc::clone(&wiped)));
        let b = a.clone();
        drop(a);
        drop(b);
        assert_eq!(wiped.get(), 2);
    }

    #[test]
    fn zeroize_empties_a_string_in_place() {
        let mut s = Secret::from("hunter2");
        s.zeroize();
        assert_eq!(s.expose(), "");
    }

    #[test]
    fn into_inner_hands_the_value_out_and_wipes_what_is_left() {
        let wiped = Rc::new(Cell::new(0));
        let s = Secret::new(Probe(Rc::clone(&wiped)));
        let inner = s.into_inner();
        // The `Secret` wiped the default left in its place, not the value handed out.
        assert_eq!(wiped.get(), 0);
        assert!(Rc::ptr_eq(&inner.0, &wiped));
        assert_eq!(Secret::from("abc").into_inner(), "abc");
    }
}
