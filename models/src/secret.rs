//! [`Secret`], the field type of credentials.

use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A credential: its `Debug` output never shows the value.
///
/// A field marked `#[model(secret)]` must have this type (or `Option<Secret<String>>`), so that
/// the ordinary `#[derive(Debug, Model)]` cannot print it. The value is reached only by naming
/// it: [`Secret::expose`]. It serializes as the plain value, since a request body must carry
/// it, and errors about it never contain it.
///
/// Comparing two secrets with `==` looks at every byte of the shorter one whatever it finds
/// (it does not stop at the first difference); the lengths themselves are compared first.
///
/// ```
/// use authlete_models::Secret;
///
/// let s = Secret::new(String::from("hunter2"));
/// assert_eq!(format!("{s:?}"), "Secret(\"[redacted]\")");
/// assert_eq!(s.expose(), "hunter2");
/// ```
#[derive(Clone, Default)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    /// Wraps a value.
    pub const fn new(value: T) -> Self {
        Secret(value)
    }

    /// The value, for the code that must use it.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// The value, unwrapped.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> fmt::Debug for Secret<T> {
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

impl<T: AsRef<[u8]>> PartialEq for Secret<T> {
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

impl<T: AsRef<[u8]>> Eq for Secret<T> {}

impl<T: Serialize> Serialize for Secret<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Secret<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_ne!(Secret::from("abc"), Secret::from("abcd"));
    }

    #[test]
    fn serializes_as_the_plain_value() {
        assert_eq!(serde_json::to_string(&Secret::from("x")).unwrap(), "\"x\"");
    }
}
