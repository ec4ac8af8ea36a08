//! The violations [`Validate::validate`](crate::Validate::validate) reports.

use core::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

/// One broken rule: where (a JSON Pointer to the wire field), which rule, and a sentence.
///
/// A message never contains the value that broke the rule, only lengths, limits and the
/// allowed characters, so errors of `secret` fields are as safe to log as any other.
#[derive(Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// The path, then the message, in one allocation: an error costs one, which counts when a
    /// service refuses hostile input at the rate it comes.
    text: String,
    /// Where the path ends and the message starts in `text`.
    split: usize,
    code: &'static str,
}

impl ValidationError {
    /// Builds an error. `path` is an RFC 6901 JSON Pointer, `code` a rule name such as `max_len`.
    ///
    /// ```
    /// use authlete_models::ValidationError;
    /// let e = ValidationError::new("/clientSecret", "max_len", "must be at most 86 characters long, got 90");
    /// assert_eq!(e.to_string(), "/clientSecret: max_len: must be at most 86 characters long, got 90");
    /// ```
    pub fn new(path: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        let mut text = path.into();
        let split = text.len();
        text.push_str(&message.into());
        ValidationError { text, split, code }
    }

    /// An error at `at`, its message `message`: one allocation, the pointer written into it.
    pub(crate) fn at(at: crate::path::Path<'_>, code: &'static str, message: &str) -> Self {
        let mut text = at.pointer_with_room(message.len());
        let split = text.len();
        text.push_str(message);
        ValidationError { text, split, code }
    }

    /// The RFC 6901 JSON Pointer to the offending value on the wire, e.g. `/scopes/2/name`.
    pub fn path(&self) -> &str {
        &self.text[..self.split]
    }

    /// What broke: a rule (`charset`, `min_len`, ...) or another violation (`type`,
    /// `required`, ...). The built-in codes are the names of [`Code`](crate::Code)'s variants.
    pub fn code(&self) -> &str {
        self.code
    }

    /// A sentence saying what the rule asks, e.g. `must be at most 86 characters long, got 90`.
    pub fn message(&self) -> &str {
        &self.text[self.split..]
    }

    pub(crate) fn static_code(&self) -> &'static str {
        self.code
    }

    pub(crate) fn append(&mut self, text: &str) {
        self.text.push_str(text);
    }

    pub(crate) fn with_prefix(mut self, prefix: &str) -> Self {
        self.text.insert_str(0, prefix);
        self.split += prefix.len();
        self
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = match self.path() {
            "" => "(root)",
            path => path,
        };
        write!(f, "{}: {}: {}", path, self.code, self.message())
    }
}

impl fmt::Debug for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValidationError")
            .field("path", &self.path())
            .field("code", &self.code)
            .field("message", &self.message())
            .finish()
    }
}

impl std::error::Error for ValidationError {}

impl Serialize for ValidationError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ValidationError", 3)?;
        s.serialize_field("path", self.path())?;
        s.serialize_field("code", self.code)?;
        s.serialize_field("message", self.message())?;
        s.end()
    }
}

/// Every rule a value breaks, in field-declaration order; never empty.
///
/// ```
/// use authlete_models::{Model, Validate};
///
/// #[derive(Debug, Model)]
/// struct Pair {
///     #[model(max_len = 3)]
///     a: String,
///     #[model(min = 10)]
///     b: i32,
/// }
///
/// let errors = Pair { a: "long".into(), b: 1 }.validate().unwrap_err();
/// let codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
/// assert_eq!(codes, ["max_len", "min"]);
/// assert_eq!(errors.to_string(), "/a: max_len: must be at most 3 characters long, got 4\n/b: min: must be at least 10, got 1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationErrors(Vec<ValidationError>, Cut);

/// Whether a list of errors was cut at [`ERROR_LIMIT`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cut(bool);

/// The most errors [`from_json`](crate::from_json) lists: past it, the list is cut (and says
/// so, [`ValidationErrors::is_cut`]), so that a document of a million bad items costs a hundred
/// errors, not a million.
pub const ERROR_LIMIT: usize = 100;

impl ValidationErrors {
    /// Wraps a list of errors; `None` when it is empty, so a `ValidationErrors` always holds one.
    pub fn from_vec(errors: Vec<ValidationError>) -> Option<Self> {
        if errors.is_empty() {
            None
        } else {
            Some(ValidationErrors(errors, Cut(false)))
        }
    }

    /// The first [`ERROR_LIMIT`] errors of `errors`, and whether there were more.
    pub(crate) fn capped(mut errors: Vec<ValidationError>) -> Option<Self> {
        let cut = errors.len() > ERROR_LIMIT;
        errors.truncate(ERROR_LIMIT);
        ValidationErrors::from_vec(errors).map(|e| ValidationErrors(e.0, Cut(cut)))
    }

    /// Whether the list was cut at [`ERROR_LIMIT`]: the value breaks more rules than it lists.
    pub fn is_cut(&self) -> bool {
        self.1.0
    }

    /// The errors, in field-declaration order.
    pub fn iter(&self) -> core::slice::Iter<'_, ValidationError> {
        self.0.iter()
    }

    /// How many rules broke (at least one).
    #[allow(clippy::len_without_is_empty)] // never empty by construction
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The errors as a slice.
    pub fn as_slice(&self) -> &[ValidationError] {
        &self.0
    }

    /// The errors as a `Vec`.
    pub fn into_vec(self) -> Vec<ValidationError> {
        self.0
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = core::slice::Iter<'a, ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl IntoIterator for ValidationErrors {
    type Item = ValidationError;
    type IntoIter = std::vec::IntoIter<ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(error, f)?;
        }
        if self.is_cut() {
            write!(
                f,
                "\n(more errors not listed: the list stops at {ERROR_LIMIT})"
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl Serialize for ValidationErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_list_is_not_an_error() {
        assert!(ValidationErrors::from_vec(Vec::new()).is_none());
    }

    #[test]
    fn display_puts_one_violation_per_line() {
        let errors = ValidationErrors::from_vec(vec![
            ValidationError::new("/a", "min_len", "must be at least 1 character long, got 0"),
            ValidationError::new("", "max", "must be at most 3, got 4"),
        ])
        .unwrap();
        assert_eq!(
            errors.to_string(),
            "/a: min_len: must be at least 1 character long, got 0\n(root): max: must be at most 3, got 4"
        );
    }

    #[test]
    fn serializes_as_array_of_path_code_message() {
        let errors =
            ValidationErrors::from_vec(vec![ValidationError::new("/a~1b", "charset", "m")])
                .unwrap();
        assert_eq!(
            serde_json::to_value(&errors).unwrap(),
            serde_json::json!([{"path": "/a~1b", "code": "charset", "message": "m"}])
        );
    }
}
