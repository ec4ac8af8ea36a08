//! Checked, serializable Rust types for documented API models.
//!
//! Write a model once, with its documented constraints as attributes, and
//! [`#[derive(Model)]`](macro@Model) generates from that one description:
//!
//! - a `Deserialize` impl that refuses, as it reads, any value that breaks a constraint, with an
//!   error naming the wire field (a JSON Pointer) and the rule, and never a secret's value;
//! - a [`Validate`] impl that reports every broken rule of a value built in code, in
//!   declaration order;
//! - a `Serialize` impl that writes the wire names;
//! - the model's JSON Schema (draft 2020-12), [`Model::json_schema`].
//!
//! [`from_json`] reads a document and reports every violation in it at once, as an API answers
//! a 422. No `serde_derive`, no regex engine: the derive writes the serde impls itself, compiles
//! each charset into a few vector range tests when it expands, and leaves the loops to a small,
//! tested runtime.
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
//! assert_eq!(
//!     errors.to_string(),
//!     "/clientIdAlias: min_len: must be at least 1 character long, got 0\n\
//!      /tokenTtl: min: must be at least 1, got 0"
//! );
//! assert_eq!(serde_json::to_string(&ok).unwrap(), r#"{"clientIdAlias":"my-app","tokenTtl":60}"#);
//! assert_eq!(ClientAlias::json_schema()["properties"]["tokenTtl"]["maximum"], 3600);
//! ```
//!
//! With its default feature `client-management`, the crate also ships Authlete's client
//! management API as checked models: `Client`, its types and enums, and each endpoint's request
//! and response bodies, such as `ClientSecretUpdateRequest`, the body of the "update client
//! secret" API (see [the shipped models][shipped]).
//!
//! # The reference
//!
//! The chapters are the modules of [`docs`]:
//!
//! | chapter | what it holds |
//! |---|---|
//! | [shapes](docs::shapes) | structs, newtypes, string enums, enums of JSON values, enums with data (tagged, adjacently tagged, untagged, `one_of`), maps, rules inside values, generic models, `opaque` fields, custom rules, the field types |
//! | [attributes](docs::attributes) | every `#[model(...)]` key on a type, a variant and a field, with its meaning and its JSON Schema keyword; what is a compile error |
//! | [presence](docs::presence) | absent members, `null`, defaults, `Option<Option<T>>`; `required_one_of`, `required_any_of`, `requires`, `not_all_of`, `when`, `min_members`, `max_members`, `forbid`; `flatten` |
//! | [errors](docs::errors) | paths, codes and messages; the first violation through serde, every violation with [`from_json`] and [`Validate`]; the limits |
//! | [schema](docs::schema) | what [`Model::json_schema`] writes, `$defs` names, the `schemars` feature |
//! | [formats](docs::formats) | serde formats, numbers and `float-roundtrip`, `pattern` (the `pattern` feature), `check_format` (the `formats` feature) |
//! | [secrets](docs::secrets) | [`Secret`] fields: never printed, never in an error, wiped on drop |
//! | [hostile input](docs::hostile_input) | bounded work and short errors, whatever the input |
//! | [models from schemas](docs::codegen) | the generator, `authlete-models-codegen`: what each JSON Schema keyword becomes, what is refused, names, the round trip |
//! | [the shipped models][shipped] | Authlete's API, a feature per group: each endpoint's bodies, the types and enums inside them, their contracts |
//! | [at the HTTP boundary](docs::axum) | the `axum` feature's extractor, its answers, and the example server |
//!
//! # Features
//!
//! | feature | default | what it brings |
//! |---|---|---|
//! | `client-management` | on | Authlete's client management API as checked models |
//! | `revocation` | off | Authlete's token revocation API as checked models |
//! | `pushed-authorization` | off | Authlete's pushed authorization request API as checked models |
//! | `id-token` | off | Authlete's ID token reissue API as checked models |
//! | `jose` | off | Authlete's JOSE verification API as checked models |
//! | `grant-management` | off | Authlete's grant management API as checked models |
//! | `client-extension` | off | Authlete's client extension (requestable scopes) API as checked models |
//! | `server-metadata` | off | Authlete's server metadata API as checked models |
//! | `hsk` | off | Authlete's HSK (keys held in HSMs) API as checked models |
//! | `ciba` | off | Authlete's CIBA (backchannel authentication) API as checked models |
//! | `device-flow` | off | Authlete's device flow (RFC 8628) API as checked models |
//! | `dynamic-client-registration` | off | Authlete's dynamic client registration API (RFC 7591, RFC 7592) as checked models |
//! | `federation` | off | Authlete's OpenID Connect Federation API as checked models |
//! | `introspection` | off | Authlete's introspection API as checked models |
//! | `userinfo` | off | Authlete's userinfo API as checked models |
//! | `service-management` | off | Authlete's service management API (`Service`) as checked models |
//! | `token` | off | Authlete's token endpoint API as checked models |
//! | `token-operations` | off | Authlete's token operations API (tokens created, listed, changed, revoked) as checked models |
//! | `authorization` | off | Authlete's authorization endpoint API as checked models |
//! | `full` | off | every group of Authlete's API the crate ships as models |
//! | `pattern` | off | the `pattern` attribute: the derive then builds the pattern compiler (regex-syntax, regex-automata) to compile each pattern when it expands |
//! | `formats` | off | the checks of `check_format` (`date-time`, `email`, `uri`...) |
//! | `schemars` | off | `schemars::JsonSchema` for every model, with the same schema as [`Model::json_schema`] |
//! | `axum` | off | the extractor [`axum::Json<T>`][axum-json], which answers a refused body with 422 and RFC 9457 problem details |
//! | `float-roundtrip` | off | serde_json's correctly rounded float parsing, for `f32`/`f64` fields that must read back exactly what was written |
//!
//! Without `pattern` or `formats`, the attribute that needs it is a compile error that names
//! the feature. A crate that derives `Model` needs only `authlete-models` among its
//! dependencies (and `serde_json` or another serde format to read and write documents):
//!
//! ```toml
//! authlete-models = { version = "0.1", default-features = false, features = ["pattern", "formats"] }
//! ```
#![cfg_attr(feature = "client-management", doc = "\n[shipped]: docs::authlete")]
#![cfg_attr(
    not(feature = "client-management"),
    doc = "\n[shipped]: https://docs.rs/authlete-models/latest/authlete_models/docs/authlete/index.html"
)]
#![cfg_attr(feature = "axum", doc = "[axum-json]: crate::axum::Json")]
#![cfg_attr(
    not(feature = "axum"),
    doc = "[axum-json]: https://docs.rs/authlete-models/latest/authlete_models/axum/struct.Json.html"
)]

// The generated code names this crate by its absolute path, also inside the crate itself.
extern crate self as authlete_models;

#[cfg(feature = "axum")]
pub mod axum;
/// The reference, one chapter a module: shapes, attributes, presence, errors, schemas, formats,
/// secrets, hostile input, the generator's mapping, the shipped models and the HTTP boundary.
///
/// The modules hold documentation only; every example in them is a test.
pub mod docs {
    #[doc = include_str!("docs/shapes.md")]
    pub mod shapes {}
    #[doc = include_str!("docs/attributes.md")]
    pub mod attributes {}
    #[doc = include_str!("docs/presence.md")]
    pub mod presence {}
    #[doc = include_str!("docs/errors.md")]
    pub mod errors {}
    #[doc = include_str!("docs/schema.md")]
    pub mod schema {}
    #[doc = include_str!("docs/formats.md")]
    pub mod formats {}
    #[doc = include_str!("docs/secrets.md")]
    pub mod secrets {}
    #[doc = include_str!("docs/hostile_input.md")]
    pub mod hostile_input {}
    #[doc = include_str!("docs/codegen.md")]
    pub mod codegen {}
    #[cfg(feature = "client-management")]
    #[doc = include_str!("docs/authlete.md")]
    pub mod authlete {}
    #[doc = include_str!("docs/axum.md")]
    // A blank line, so that the link definitions below do not continue the last paragraph.
    #[doc = ""]
    #[cfg_attr(feature = "axum", doc = "[axum-json]: crate::axum::Json")]
    #[cfg_attr(feature = "axum", doc = "[axum-rejection]: crate::axum::Rejection")]
    #[cfg_attr(feature = "axum", doc = "[axum-module]: crate::axum")]
    #[cfg_attr(
        not(feature = "axum"),
        doc = "[axum-json]: https://docs.rs/authlete-models/latest/authlete_models/axum/struct.Json.html"
    )]
    #[cfg_attr(
        not(feature = "axum"),
        doc = "[axum-rejection]: https://docs.rs/authlete-models/latest/authlete_models/axum/struct.Rejection.html"
    )]
    #[cfg_attr(
        not(feature = "axum"),
        doc = "[axum-module]: https://docs.rs/authlete-models/latest/authlete_models/axum/index.html"
    )]
    pub mod axum {}
}
/// The Authlete models, generated from `specs/` by `authlete-models-codegen`: one module per
/// group of Authlete's API, each with its feature.
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

// Empty when no group's feature is on.
#[allow(unused_imports)]
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
/// values (or of other JSON values, `value = ...`) or an enum with data.
///
/// Every attribute is in [the attribute reference](docs::attributes); what each shape reads
/// and writes in [shapes](docs::shapes); which members must be present, and the rules on
/// members together, in [presence](docs::presence). Every misuse is a compile error on the
/// offending token, and all of a type's errors are reported in one compile.
///
/// ```
/// use authlete_models::{Model, Validate};
///
/// /// A scope a client may ask for.
/// #[derive(Debug, Model)]
/// #[model(rename_all = "camelCase", deny_unknown_fields)]
/// struct Scope {
///     #[model(charset = "a-z_", min_len = 1, max_len = 32)]
///     name: String,
///     #[model(min = 60, max = 86_400)]
///     max_age: Option<u32>,
///     #[model(max_len = 8, items(max_len = 64))]
///     audiences: Vec<String>,
/// }
///
/// let scope: Scope = serde_json::from_str(r#"{"name": "openid", "audiences": []}"#).unwrap();
/// assert!(scope.validate().is_ok());
/// let err = serde_json::from_str::<Scope>(r#"{"name": "openid", "audiences": [], "x": 1}"#)
///     .unwrap_err();
/// assert!(err.to_string().starts_with("unknown field `x`"), "{err}");
/// assert_eq!(Scope::json_schema()["additionalProperties"], false);
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
