//! Checked, serializable Rust types for documented API models.
//!
//! `#[derive(Model)]` reads each field's documented constraints from `#[model(...)]` and
//! generates, from that one description:
//!
//! - a `Deserialize` impl that refuses any value breaking a constraint as it reads it, with an
//!   error naming the field's JSON Pointer and the rule (and never a secret's value);
//! - a [`Validate`] impl that reports every broken rule of a value built in code, in
//!   declaration order;
//! - a `Serialize` impl that writes the wire names;
//! - the model's JSON Schema, [`Model::json_schema`].
//!
//! ```
//! use authlete_models::{Model, Validate};
//!
//! #[derive(Debug, Clone, PartialEq, Model)]
//! #[model(rename_all = "camelCase")]
//! pub struct ClientAlias {
//!     #[model(charset = "A-Za-z0-9_-", min_len = 1, max_len = 86)]
//!     pub client_id_alias: String,
//!     #[model(min = 1, max = 3600)]
//!     pub token_ttl: Option<u32>,
//! }
//!
//! let ok: ClientAlias = serde_json::from_str(r#"{"clientIdAlias": "my-app", "tokenTtl": 60}"#).unwrap();
//! assert_eq!(ok.token_ttl, Some(60));
//!
//! let err = serde_json::from_str::<ClientAlias>(r#"{"clientIdAlias": "my app"}"#).unwrap_err();
//! assert_eq!(err.to_string(), "/clientIdAlias: charset: must contain only A-Z a-z 0-9 _ - at line 1 column 26");
//!
//! let built = ClientAlias { client_id_alias: String::new(), token_ttl: Some(0) };
//! let errors = built.validate().unwrap_err();
//! assert_eq!(errors.len(), 2);
//! assert_eq!(serde_json::to_string(&ok).unwrap(), r#"{"clientIdAlias":"my-app","tokenTtl":60}"#);
//! ```
//!
//! With its default feature `client-management`, the crate also ships Authlete's client
//! management API as checked models: `Client`, its types and enums, and each endpoint's request
//! and response bodies, such as `ApiServiceIdClientSecretUpdateClientIdentifie` (alias
//! `ClientSecretUpdateRequest`), the body of the "update client secret" API. A crate that only
//! derives `Model` on its own types can turn the feature off (`default-features = false`) and
//! not compile them.

// The generated code names this crate by its absolute path, also inside the crate itself.
extern crate self as authlete_models;

#[cfg(feature = "axum")]
pub mod axum;
/// The Authlete models, generated from `specs/` by `authlete-models-codegen`.
#[cfg(feature = "client-management")]
#[rustfmt::skip]
mod authlete;
mod charset;
#[cfg(feature = "client-management")]
mod client_secret;
mod code;
// Before `rules`, whose visitors use its macro.
#[macro_use]
mod collect;
mod de;
mod errors;
mod json;
mod path;
#[doc(hidden)]
pub mod rules;
mod schema;
mod secret;

#[cfg(feature = "client-management")]
pub use crate::authlete::*;
pub use crate::charset::Charset;
#[cfg(feature = "client-management")]
pub use crate::client_secret::ClientSecretUpdateRequest;
pub use crate::code::Code;
pub use crate::collect::WIDE_LIMIT;
pub use crate::errors::{ERROR_LIMIT, ValidationError, ValidationErrors};
pub use crate::json::from_json;
pub use crate::path::escape_pointer_token;
pub use crate::rules::custom::Report;
pub use crate::secret::Secret;

/// Derives [`Validate`], [`Model`], `serde::Serialize` and `serde::Deserialize` from the
/// `#[model(...)]` attributes of a struct with named fields, a newtype, an enum of string
/// values (or of other JSON values, `value = ...`) or an enum with data. See the crate's README
/// for the attribute reference.
///
/// # Members present together
///
/// `required_one_of(a, (b, c))` on a struct asks for exactly one item to be present: a field,
/// or a group of fields in parentheses, present when each of them is; `required_any_of(...)`
/// asks for at least one; `requires(x, y)` on a field asks, when its member is present, for
/// those of `x` and `y` too. A rule names fields by their Rust names, each an `Option` whose
/// `Some` says the member was given: one that refuses `null` (`not_null`), or an
/// `Option<Option<T>>`, whose `Some(None)` is a `null` given. The schema says the same:
/// `oneOf` (`anyOf`) of a `required` list per item, several rules under `allOf`, and
/// `dependentRequired`. Violations carry the codes `required_one_of` and `required_any_of`
/// (at the object's pointer) and `requires` (at the absent member's).
///
/// ```
/// use authlete_models::{Model, Validate};
///
/// #[derive(Debug, Model)]
/// #[model(required_any_of(email, phone))]
/// struct Contact {
///     #[model(not_null, requires(name))]
///     email: Option<String>,
///     phone: Option<Option<String>>,
///     #[model(not_null)]
///     name: Option<String>,
/// }
///
/// let err = serde_json::from_str::<Contact>(r#"{"name": "n"}"#).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "(root): required_any_of: must hold at least one of `email`, `phone`; none is present at line 1 column 13"
/// );
/// assert!(serde_json::from_str::<Contact>(r#"{"phone": null}"#).is_ok());
///
/// let built = Contact { email: Some("e".into()), phone: None, name: None };
/// let errors = built.validate().unwrap_err();
/// assert_eq!(errors.to_string(), "/name: requires: is required when `email` is present");
///
/// let schema = Contact::json_schema();
/// assert_eq!(schema["dependentRequired"], serde_json::json!({"email": ["name"]}));
/// assert_eq!(
///     schema["anyOf"],
///     serde_json::json!([{"required": ["email"]}, {"required": ["phone"]}])
/// );
/// ```
///
/// `not_all_of(a, b, ...)` on a struct asks that its fields (two or more, of the same kinds)
/// are not all present at once: code `not_all_of` at the object's pointer, and
/// `{"not": {"required": [...]}}` in the schema (under `allOf` beside the other rules, in the
/// order written).
///
/// # The object as a whole
///
/// `min_members = N` and `max_members = N` bound how many members the object has, as JSON
/// Schema's `minProperties` and `maxProperties` count them: reading, every member counts (a
/// `null`, an entry of a flattened map or model, an unknown member that is skipped, a member
/// given twice twice); `validate()` counts the members the value writes (a `None` left out is
/// not one; unknown members were skipped when it was read, so it does not hold them). So a
/// value read from a document `min_members` accepts may hold fewer members than the document
/// had, and `validate()` then reports it: a `null` an `Option<T>` reads as `None`, or an
/// unknown member, counted in the document, is not in the value. Codes `min_members` and
/// `max_members`, at the object's pointer, with the count.
///
/// `forbid("name", ...)` refuses members of those wire names, whatever their value: code
/// `forbidden` at the member's pointer, and `from_json` reads on. A field may not have such a
/// name (nor may a flattened model), and a flattened map does not take it; `validate()`
/// reports it if a map built in code holds it. Beside `deny_unknown_fields`, which refuses
/// every name no field declares, it is a compile error. The schema has each name under
/// `properties` as `false`.
///
/// Each is a compile error on an enum or a newtype, and bounds no object keeps (`min_members`
/// above `max_members`, below the required fields' count, or above the fields' under
/// `deny_unknown_fields`) are too. A struct with these rules counts its own object, so it
/// cannot be flattened into another struct, nor held by a variant of an enum with `tag`
/// (both compile errors). A struct without them counts nothing.
///
/// ```
/// use authlete_models::{Model, Validate};
///
/// #[derive(Debug, Model)]
/// #[model(min_members = 1, max_members = 2, forbid("password"), not_all_of(email, phone))]
/// struct Contact {
///     #[model(not_null)]
///     email: Option<String>,
///     #[model(not_null)]
///     phone: Option<String>,
/// }
///
/// let err = serde_json::from_str::<Contact>(r#"{"email": "e", "password": "p"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "/password: forbidden: must not be present at line 1 column 25");
/// let err = serde_json::from_str::<Contact>(r#"{"email": "e", "x": 1, "y": 2}"#).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "(root): max_members: must have at most 2 members, got 3 at line 1 column 30"
/// );
/// let errors = authlete_models::from_json::<Contact>(r#"{"password": 1, "email": "e", "phone": "p"}"#)
///     .unwrap_err();
/// assert_eq!(
///     errors.to_string(),
///     "/password: forbidden: must not be present\n\
///      (root): max_members: must have at most 2 members, got 3\n\
///      (root): not_all_of: must not hold all of `email`, `phone` at once; each is present"
/// );
///
/// let built = Contact { email: None, phone: None };
/// assert_eq!(
///     built.validate().unwrap_err().to_string(),
///     "(root): min_members: must have at least 1 member, got 0"
/// );
///
/// let schema = Contact::json_schema();
/// assert_eq!(schema["properties"]["password"], false);
/// assert_eq!((schema["minProperties"].as_u64(), schema["maxProperties"].as_u64()), (Some(1), Some(2)));
/// assert_eq!(schema["not"], serde_json::json!({"required": ["email", "phone"]}));
/// ```
///
/// # Values that are always `null`
///
/// A field of type `()` reads `null` and nothing else (any other value is a `type` error at
/// its pointer), writes `null`, and its schema is `{"type": "null"}`; so does a `()` under
/// `Vec`, a map or `Box`. `Option<()>` takes an absent member or `null`, both `None`, as any
/// `Option` does; `required` and `not_null` on it are compile errors, as is a rule (`max_len`,
/// `min`, `pattern`, `items(...)`, a literal `default`...) or `format`. The annotations apply.
///
/// # Enums of JSON values
///
/// On a unit variant, `value = ...` gives the variant's JSON value: an integer (`value = 1`,
/// `value = -3`, within `i64::MIN..=u64::MAX`), a float (`value = 1.5`), `true`, `false`,
/// `null`, or a string literal (the same as `rename`). An enum in which some variant's value
/// is not a string reads and writes exactly those values (a variant without `value` keeps its
/// string name, under `rename_all`), as JSON Schema's `enum` and `const` list them. Numbers
/// are compared by their value, as JSON Schema compares them: `1.0` reads as `value = 1`, and
/// `1` as `value = 1.0`; a variant writes its literal as written (`1.0` stays a float). Any
/// other value is refused with code `enum` at its pointer, the message listing the values as
/// JSON. The schema is `{"enum": [...]}`, the values in declaration order, with no `type`;
/// `validate()` has nothing to check but a type-level `custom` rule. There is no `as_str`,
/// `Display` or `FromStr`, and no catch-all `other`. Under `Option`, `null` is `None`, as for
/// any type. Two variants with one value (`1` and `1.0`, a string and another variant's
/// name), `value` beside `rename`, and `value` on a variant with data are compile errors.
///
/// ```
/// use authlete_models::{Model, from_json};
///
/// /// When a request times out.
/// #[derive(Debug, PartialEq, Model)]
/// #[model(rename_all = "lowercase")]
/// enum Timeout {
///     Auto,
///     #[model(value = 0)]
///     Never,
///     #[model(value = null)]
///     Unset,
/// }
///
/// assert_eq!(serde_json::from_str::<Timeout>("0.0").unwrap(), Timeout::Never);
/// assert_eq!(serde_json::from_str::<Timeout>(r#""auto""#).unwrap(), Timeout::Auto);
/// assert_eq!(serde_json::to_string(&Timeout::Unset).unwrap(), "null");
///
/// let err = serde_json::from_str::<Timeout>("1").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"(root): enum: must be one of `"auto"`, `0` or `null` at line 1 column 1"#
/// );
/// let errors = from_json::<Timeout>("false").unwrap_err();
/// assert_eq!(
///     errors.to_string(),
///     r#"(root): enum: must be one of `"auto"`, `0` or `null`"#
/// );
/// assert_eq!(Timeout::json_schema()["enum"], serde_json::json!(["auto", 0, null]));
/// ```
///
/// # Annotations on a type
///
/// `title`, `format`, `examples`, `deprecated`, `read_only` and `write_only` on a struct, a
/// newtype or an enum describe the type's own schema (`readOnly: true`, `writeOnly: true`; not
/// both) and check nothing; on a field, the field's.
///
/// ```
/// use authlete_models::Model;
///
/// /// A revocation, as the server returns it: its members are there to be `null`.
/// #[derive(Debug, Model)]
/// #[model(read_only)]
/// struct Revoked {
///     revoked_at: (),
///     reason: Option<()>,
/// }
///
/// let r: Revoked = serde_json::from_str(r#"{"revoked_at": null}"#).unwrap();
/// assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"revoked_at":null}"#);
/// let err = serde_json::from_str::<Revoked>(r#"{"revoked_at": 0}"#).unwrap_err();
/// assert_eq!(err.to_string(), "invalid type: integer `0`, expected null at /revoked_at at line 1 column 16");
///
/// let schema = Revoked::json_schema();
/// assert_eq!(schema["readOnly"], true);
/// assert_eq!(schema["properties"]["revoked_at"], serde_json::json!({"type": "null"}));
/// assert_eq!(schema["properties"]["reason"], serde_json::json!({"type": "null"}));
/// ```
pub use authlete_models_macros::Model;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Checks a value against its documented constraints, reporting every broken rule.
pub trait Validate {
    /// `Ok(())` when every rule holds; otherwise every broken rule, in declaration order.
    fn validate(&self) -> Result<(), ValidationErrors>;

    /// Pushes every broken rule onto `out`, with paths below `at`.
    #[doc(hidden)]
    fn __validate_at(&self, at: path::Path<'_>, out: &mut Vec<ValidationError>) {
        if let Err(errors) = self.validate() {
            let prefix = at.to_string();
            out.extend(errors.into_iter().map(|e| e.with_prefix(&prefix)));
        }
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate(&self) -> Result<(), ValidationErrors> {
        __private::finish(|out| self.__validate_at(path::Path::Root, out))
    }
    fn __validate_at(&self, at: path::Path<'_>, out: &mut Vec<ValidationError>) {
        if let Some(v) = self {
            v.__validate_at(at, out);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate(&self) -> Result<(), ValidationErrors> {
        __private::finish(|out| self.__validate_at(path::Path::Root, out))
    }
    fn __validate_at(&self, at: path::Path<'_>, out: &mut Vec<ValidationError>) {
        for (i, v) in self.iter().enumerate() {
            v.__validate_at(at.index(i), out);
        }
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate(&self) -> Result<(), ValidationErrors> {
        (**self).validate()
    }
    fn __validate_at(&self, at: path::Path<'_>, out: &mut Vec<ValidationError>) {
        (**self).__validate_at(at, out);
    }
}

/// A model: validated, serializable, deserializable with its constraints, and described by a
/// JSON Schema. Implemented by `#[derive(Model)]`.
pub trait Model: Validate + Serialize + DeserializeOwned {
    /// The model's JSON Schema (draft 2020-12).
    fn json_schema() -> serde_json::Value;

    /// Reads the model at `at` within a larger document, so errors carry the full path.
    #[doc(hidden)]
    fn __read_at<'de, D: serde::Deserializer<'de>>(
        d: D,
        at: path::Path<'_>,
    ) -> Result<Self, D::Error> {
        let _ = at;
        Self::deserialize(d)
    }

    /// Reads the model without its type-level custom rule: what the rule itself sees.
    #[doc(hidden)]
    fn __read_unchecked<'de, D: serde::Deserializer<'de>>(
        d: D,
        at: path::Path<'_>,
    ) -> Result<Self, D::Error> {
        Self::__read_at(d, at)
    }

    /// Reads the model at `at`, pushing every violation onto `out` (see [`from_json`]): the
    /// model when it holds, `None` when it broke something.
    ///
    /// This default, for a model written by hand, reads the value with its `Deserialize`
    /// (which ends the read if it refuses it), then validates it.
    #[doc(hidden)]
    fn __collect<'de, D: serde::Deserializer<'de>>(
        d: D,
        at: path::Path<'_>,
        out: &mut collect::Collector<'_>,
    ) -> Result<Option<Self>, D::Error> {
        match Self::__read_at(d, at) {
            Ok(v) => {
                let before = out.len();
                v.__validate_at(at, out.errors());
                Ok(out.held(before, v))
            }
            Err(e) => Err(out.refused_by_type(at, e)),
        }
    }

    /// The model's own name, its key under `$defs` unless another model of the document
    /// has the same name.
    #[doc(hidden)]
    fn __schema_name() -> String {
        let full = core::any::type_name::<Self>();
        full.rsplit("::").next().unwrap_or(full).to_owned()
    }

    /// Whether the type is a struct model that refuses unknown members
    /// (`deny_unknown_fields`). Read only where the model's members sit beside a tag (a
    /// variant of an internally tagged enum); a struct with rules on its object as a whole
    /// (`min_members`, `max_members`, `forbid`), which would count or refuse the tag, panics
    /// here with a message that says so, which makes holding it there a compile error.
    #[doc(hidden)]
    const __CLOSED: bool = false;

    /// Whether a field of this type carries the type's schema in place, not a `$ref` to
    /// `$defs`: for types whose schema is a word or two (`serde_json::Value`'s `{}`).
    #[doc(hidden)]
    fn __schema_inline() -> bool {
        false
    }

    /// The model's own object schema, with nested models referenced through `schemas`.
    #[doc(hidden)]
    fn __schema_object(
        schemas: &mut schema::SchemaGen,
    ) -> serde_json::Map<String, serde_json::Value> {
        let _ = schemas;
        match Self::json_schema() {
            serde_json::Value::Object(map) => map,
            other => {
                let mut map = serde_json::Map::new();
                map.insert("allOf".into(), serde_json::Value::Array(vec![other]));
                map
            }
        }
    }
}

/// What the generated code calls. Not public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use core::convert::TryFrom;
    pub use core::default::Default;
    pub use core::fmt;
    pub use core::marker::Copy;
    pub use core::marker::PhantomData;
    pub use core::ops::Fn;
    pub use core::option::Option::{self, None, Some};
    pub use core::primitive;
    pub use core::result::Result::{self, Err, Ok};
    pub use core::str::FromStr;
    pub use core::unimplemented;
    pub use core::unreachable;
    pub use serde;
    pub use serde_json;
    pub use std::boxed::Box;
    pub use std::string::String;
    pub use std::vec::Vec;

    pub use crate::charset::Charset;
    pub use crate::collect::{
        Collect, Collector, MemberName, Members, absent_default, collect_default, collect_object,
        with_custom,
    };
    pub use crate::de::{Key, duplicate_field, expecting, missing_field};
    pub use crate::path::Path;
    pub use crate::rules;
    pub use crate::rules::custom::{refuse_on as refuse_custom, run as run_custom};
    pub use crate::rules::{Rule, Seed};
    pub use crate::schema::{
        Property, SchemaGen, newtype as newtype_schema, object as schema_object,
    };
    pub use crate::{Model, Validate, ValidationError, ValidationErrors};

    /// The last segment of a type's name, without its module path: a generic argument's part
    /// of a `$defs` key when it is not a model.
    pub fn short_type_name<T: ?Sized>() -> String {
        let full = core::any::type_name::<T>();
        let base = full.split('<').next().unwrap_or(full);
        base.rsplit("::").next().unwrap_or(base).to_owned()
    }

    /// The schema's `default` of a `default` field: its type's `Default` value, written.
    pub fn default_json<T: Default + serde::Serialize>() -> serde_json::Value {
        serde_json::to_value(T::default()).unwrap_or(serde_json::Value::Null)
    }

    /// The schema's `default` of a `default = path` field: the function's value, written.
    #[inline]
    pub fn value_json<T: serde::Serialize>(value: &T) -> serde_json::Value {
        serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
    }

    /// The schema's `default` of a literal `default = ...`: the JSON text the derive wrote.
    #[inline]
    pub fn literal_json(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap_or(serde_json::Value::Null)
    }

    /// What a type's own attributes add to its schema: `format`, `examples` (a JSON array's
    /// text, checked by the derive) and `deprecated`.
    #[derive(Clone, Copy, Debug)]
    pub struct TypeNotes {
        /// `format`, kept as written.
        pub format: Option<&'static str>,
        /// `examples`, the text of a JSON array.
        pub examples: Option<&'static str>,
        /// `deprecated: true`.
        pub deprecated: bool,
    }

    /// A type's schema with what its own attributes add (see [`TypeNotes`]).
    #[inline]
    pub fn with_notes(
        mut schema: serde_json::Map<String, serde_json::Value>,
        notes: TypeNotes,
    ) -> serde_json::Map<String, serde_json::Value> {
        if let Some(format) = notes.format {
            schema.insert("format".into(), format.into());
        }
        if let Some(e) = notes.examples.and_then(|e| serde_json::from_str(e).ok()) {
            schema.insert("examples".into(), e);
        }
        if notes.deprecated {
            schema.insert("deprecated".into(), true.into());
        }
        schema
    }

    /// Who sends a type's values, from its own `read_only` or `write_only` (one at most).
    #[derive(Clone, Copy, Debug)]
    pub enum Direction {
        /// `readOnly: true`: sent by the server only.
        ReadOnly,
        /// `writeOnly: true`: sent to the server only.
        WriteOnly,
    }

    /// A type's schema with its `readOnly` or `writeOnly`, beside the keywords of
    /// [`with_notes`]; a type without either is not passed here.
    #[inline]
    pub fn with_direction(
        mut schema: serde_json::Map<String, serde_json::Value>,
        direction: Direction,
    ) -> serde_json::Map<String, serde_json::Value> {
        let keyword = match direction {
            Direction::ReadOnly => "readOnly",
            Direction::WriteOnly => "writeOnly",
        };
        schema.insert(keyword.into(), true.into());
        schema
    }

    #[cfg(feature = "schemars")]
    pub use core::any::type_name;
    #[cfg(feature = "schemars")]
    pub use schemars;
    #[cfg(feature = "schemars")]
    pub use std::borrow::Cow;

    /// The schemars schema of a model: its own schema, its `$defs` moved into the generator's
    /// definitions (where the generator keeps them: `$defs`, `definitions` or
    /// `components/schemas`) and every reference pointed there.
    #[cfg(feature = "schemars")]
    pub fn schemars_schema<T: Model>(
        generator: &mut schemars::SchemaGenerator,
    ) -> schemars::Schema {
        let path = generator.settings().definitions_path.clone();
        let path = path.strip_prefix('#').unwrap_or(&path);
        let prefix = format!("#{}/", path.strip_suffix('/').unwrap_or(path));
        let mut schema = T::json_schema();
        repoint(&mut schema, &prefix);
        let mut map = match schema {
            serde_json::Value::Object(map) => map,
            _ => serde_json::Map::new(),
        };
        map.remove("$schema");
        if let Some(serde_json::Value::Object(defs)) = map.remove("$defs") {
            let definitions = generator.definitions_mut();
            for (name, def) in defs {
                definitions.entry(name).or_insert(def);
            }
        }
        schemars::Schema::from(map)
    }

    /// Points every `#/$defs/...` reference under `value` at `prefix` instead.
    #[cfg(feature = "schemars")]
    fn repoint(value: &mut serde_json::Value, prefix: &str) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(r)) = map.get_mut("$ref") {
                    if let Some(name) = r.strip_prefix("#/$defs/") {
                        *r = format!("{prefix}{name}");
                    }
                }
                map.values_mut().for_each(|v| repoint(v, prefix));
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| repoint(v, prefix)),
            _ => {}
        }
    }

    /// The `max_len` of a field without one.
    pub const NO_LIMIT: usize = usize::MAX;

    /// Runs `f` over an empty list and turns what it pushed into `validate()`'s result.
    #[inline]
    pub fn finish(f: impl FnOnce(&mut Vec<ValidationError>)) -> Result<(), ValidationErrors> {
        let mut out = Vec::new();
        f(&mut out);
        match ValidationErrors::from_vec(out) {
            None => Ok(()),
            Some(errors) => Err(errors),
        }
    }
}

/// Writes `schemars::JsonSchema` for a model, when the `schemars` feature is on: the schema is
/// the model's own (`Model::json_schema()`), its `$defs` moved into the generator's
/// definitions and its references pointed there. The derive calls it for every model.
#[cfg(feature = "schemars")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_json_schema {
    ([$($impl_:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        impl $($impl_)* $crate::__private::schemars::JsonSchema for $($ty)* $($where_)* {
            fn schema_name() -> $crate::__private::Cow<'static, $crate::__private::primitive::str> {
                $crate::__private::Cow::Owned(<Self as $crate::__private::Model>::__schema_name())
            }
            fn schema_id() -> $crate::__private::Cow<'static, $crate::__private::primitive::str> {
                $crate::__private::Cow::Borrowed($crate::__private::type_name::<Self>())
            }
            fn json_schema(
                generator: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                $crate::__private::schemars_schema::<Self>(generator)
            }
        }
    };
}

/// The check of a `check_format` field, named by its variant of `rules::formats::Format`:
/// the derive writes it; without the `formats` feature, a compile error saying so.
#[cfg(feature = "formats")]
#[doc(hidden)]
#[macro_export]
macro_rules! __format_check {
    ($format:ident) => {
        $crate::__private::Some(&$crate::__private::rules::formats::Format::$format.check())
    };
}

/// Without the `formats` feature, `check_format` is a compile error that says which feature.
#[cfg(not(feature = "formats"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __format_check {
    ($format:ident) => {
        ::core::compile_error!(
            "`check_format` needs the `formats` feature of authlete-models: `authlete-models = { version = \"0.1\", features = [\"formats\"] }`"
        )
    };
}

/// Without the `schemars` feature, nothing.
#[cfg(not(feature = "schemars"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_json_schema {
    ($($anything:tt)*) => {};
}

/// With `float-roundtrip`, serde_json reads a number to the nearest `f64`, which it then
/// writes so that it reads back to itself; without it, this number comes back one unit off.
#[cfg(all(test, feature = "float-roundtrip"))]
mod float_roundtrip {
    #[test]
    fn a_long_number_is_read_to_the_nearest_f64_and_reads_back_to_it() {
        let written = "9223372036854775000000000000000000000000000000000000000000";
        let value: f64 = serde_json::from_str(written).unwrap();
        assert_eq!(value, written.parse::<f64>().unwrap());
        let again: f64 = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
        assert_eq!(value, again);
    }
}
