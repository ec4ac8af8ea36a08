//! Custom rules: a function the user writes, `#[model(custom = path)]` on a field or on the
//! type, that reports violations through a [`Report`] with codes and messages of its own.
//!
//! It runs wherever the derive's own rules run: while reading (the first violation refuses
//! the value), in `validate()` and in `from_json` (every violation). A field's function sees
//! the field's value once its own rules hold; the type's function sees the whole value once
//! every field holds, and may report at a field's path.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer};
use serde_json::{Map, Value};

use super::Rule;
use crate::collect::Collector;
use crate::errors::ValidationError;
use crate::path::Path;
use crate::schema::SchemaGen;

/// Where a custom rule reports what it finds.
///
/// ```
/// use authlete_models::{Model, Report, Validate};
///
/// /// A span of days.
/// #[derive(Debug, Model)]
/// #[model(custom = ordered)]
/// struct Span {
///     start: u32,
///     #[model(custom = even)]
///     end: u32,
/// }
///
/// fn ordered(span: &Span, report: &mut Report<'_>) {
///     if span.end < span.start {
///         report.fail_at("/end", "order", "must not be less than `start`");
///     }
/// }
///
/// fn even(n: &u32, report: &mut Report<'_>) {
///     if n % 2 != 0 {
///         report.fail("even", "must be even");
///     }
/// }
///
/// let err = serde_json::from_str::<Span>(r#"{"start": 9, "end": 4}"#).unwrap_err();
/// assert_eq!(err.to_string(), "/end: order: must not be less than `start` at line 1 column 22");
/// // The type's rule runs once every field holds.
/// let errors = Span { start: 9, end: 3 }.validate().unwrap_err();
/// let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
/// assert_eq!(found, [("/end", "even")]);
/// let errors = Span { start: 9, end: 4 }.validate().unwrap_err();
/// assert_eq!(errors.as_slice()[0].path(), "/end");
/// ```
pub struct Report<'a> {
    at: Path<'a>,
    out: &'a mut Vec<ValidationError>,
}

impl<'a> Report<'a> {
    pub(crate) fn new(at: Path<'a>, out: &'a mut Vec<ValidationError>) -> Self {
        Report { at, out }
    }

    /// Reports that the value being checked breaks the rule `code` (a short snake_case name,
    /// as the built-in codes are), with a sentence saying what the rule asks. Like the
    /// built-in messages, it should not quote the value.
    pub fn fail(&mut self, code: &'static str, message: impl Into<String>) {
        self.out
            .push(ValidationError::new(self.at.to_string(), code, message));
    }

    /// Reports a violation at `pointer`, a JSON Pointer relative to the value being checked
    /// (`"/end"`, `"/items/0"`): how a check of a whole model names the field at fault.
    pub fn fail_at(&mut self, pointer: &str, code: &'static str, message: impl Into<String>) {
        self.out.push(ValidationError::new(
            format!("{}{pointer}", self.at),
            code,
            message,
        ));
    }

    /// The JSON Pointer of the value being checked.
    pub fn path(&self) -> String {
        self.at.to_string()
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report")
            .field("at", &self.at.to_string())
            .field("found", &self.out.len())
            .finish()
    }
}

/// Runs `check` on `value` at `at`, pushing what it reports onto `out`.
#[doc(hidden)]
pub fn run<T: ?Sized>(
    value: &T,
    check: fn(&T, &mut Report<'_>),
    at: Path<'_>,
    out: &mut Vec<ValidationError>,
) {
    check(value, &mut Report::new(at, out));
}

/// Runs `check` on a value just read: the first violation it reports refuses the value.
#[doc(hidden)]
pub fn refuse_on<T: ?Sized, E: de::Error>(
    value: &T,
    check: fn(&T, &mut Report<'_>),
    at: Path<'_>,
) -> Result<(), E> {
    let mut out = Vec::new();
    run(value, check, at, &mut out);
    match out.first() {
        None => Ok(()),
        Some(first) => Err(first_violation(first)),
    }
}

#[cold]
fn first_violation<E: de::Error>(e: &ValidationError) -> E {
    let path = if e.path().is_empty() {
        "(root)"
    } else {
        e.path()
    };
    E::custom(format_args!(
        "{}: {}: {}",
        crate::path::Short(path),
        e.code(),
        e.message()
    ))
}

/// A field with a custom rule: its own rules, then the function.
pub struct Custom<R, T: ?Sized> {
    /// The field's own rules.
    pub inner: R,
    /// The user's function.
    pub check: fn(&T, &mut Report<'_>),
    #[doc(hidden)]
    pub marker: PhantomData<fn(&T)>,
}

impl<R: Copy, T: ?Sized> Clone for Custom<R, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Copy, T: ?Sized> Copy for Custom<R, T> {}

impl<R: fmt::Debug, T: ?Sized> fmt::Debug for Custom<R, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Custom")
            .field("inner", &self.inner)
            .finish()
    }
}

impl<T, R: Rule<T>> Rule<T> for Custom<R, T> {
    fn read<'de, D: Deserializer<'de>>(&self, d: D, at: Path<'_>) -> Result<T, D::Error> {
        let value = self.inner.read(d, at)?;
        refuse_on(&value, self.check, at)?;
        Ok(value)
    }
    #[inline]
    fn check(&self, value: &T, at: Path<'_>, out: &mut Vec<ValidationError>) {
        let before = out.len();
        self.inner.check(value, at, out);
        if out.len() == before {
            run(value, self.check, at, out);
        }
    }
    #[inline]
    fn schema(&self, schemas: &mut SchemaGen) -> Map<String, Value> {
        self.inner.schema(schemas)
    }
    fn collect<'de, D: Deserializer<'de>>(
        &self,
        d: D,
        at: Path<'_>,
        out: &mut Collector<'_>,
    ) -> Result<Option<T>, D::Error> {
        // The function runs only on a value that holds every rule of the field.
        match self.inner.collect(d, at, out)? {
            Some(v) => Ok(crate::collect::with_custom(v, self.check, at, out)),
            None => Ok(None),
        }
    }
}
