//! The `Model` derive of `authlete-models`.
//!
//! Use it through the `authlete-models` crate, which re-exports it and holds the runtime the
//! generated code calls: `use authlete_models::Model;`. The stages are kept apart:
//! `attr` reads `#[model(...)]` into typed values, `ast` builds the model of the struct,
//! `check` looks for misuse across it, and the `emit` modules write the impls from the model.
//! Every error is collected in a `ctxt::Ctxt` and all are reported together.

// Before the emitters, which fill its templates.
#[macro_use]
mod tpl;

mod ast;
mod attr;
mod case;
mod charset;
mod check;
mod ctxt;
mod emit;
mod json;
mod pattern;

use proc_macro::TokenStream;

/// Derives `Validate`, `Model`, `serde::Serialize` and `serde::Deserialize` for a struct with
/// named fields, a newtype, an enum of string (or other JSON) values or an enum with data, from
/// its `#[model(...)]` attributes (among them the presence rules of a struct:
/// `required_one_of(a, (b, c))`, `required_any_of(...)`, `not_all_of(a, b)`,
/// `when(kind = "a" | "b", required(x, y))` or `when(kind = "a", not_all(x))`, and
/// `requires(x, y)` on a field; and its rules on the object as a whole: `min_members = N`,
/// `max_members = N`, `forbid("name")`). `authlete_models::Model` documents them.
#[proc_macro_derive(Model, attributes(model))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    emit::derive(&input).into()
}
