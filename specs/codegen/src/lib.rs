//! Generates Rust types with `#[derive(Model)]` from JSON Schema and OpenAPI documents: one
//! struct, string enum or newtype per schema, every constraint written as an attribute, and
//! every keyword the derive cannot express refused with its JSON Pointer.
//!
//! What each JSON Schema keyword becomes, what is refused, how the types are named, and how
//! each type's `json_schema()` equals its input schema, normalised (the round trip), is the
//! reference in the models crate's documentation:
//! [models from schemas](https://docs.rs/authlete-models/latest/authlete_models/docs/codegen/index.html).
//! `cargo run -p authlete-models-codegen -- --help` lists the command line's options; what the
//! generator makes of public documents and of the JSON Schema Test Suite is in the crate's
//! `README.md`.
//!
//! A `pattern` that is one class over the whole string (`^[...]*$`) becomes `charset`; any
//! other is compiled here as the derive will compile it, then written as `pattern` as the
//! document writes it, or refused with the compiler's reason. A string `format` is an
//! annotation, or, with [`Options::check_formats`], also a check (`check_format`) when the
//! derive knows it ([`CHECKED_FORMATS`]). [`Output::features`] names the features of
//! `authlete-models` the code then needs, as does a line of the module's doc comment.
//!
//! ```
//! use authlete_models_codegen::{Document, Options, generate};
//!
//! let doc = Document::new(serde_json::json!({
//!     "title": "Scope",
//!     "type": "object",
//!     "properties": {"name": {"type": "string", "maxLength": 32}},
//!     "required": ["name"]
//! }), "scope").unwrap();
//! let out = generate(&doc, &Options::default());
//! assert!(out.refused.is_empty());
//! assert!(out.code.contains("#[model(max_len = 32)]\n    pub name: String,"));
//! ```

mod charset;
mod conjoin;
mod emit;
mod expect;
mod input;
mod lower;
mod model;
mod names;
mod order;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

pub use input::Document;

/// How to generate.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Drop, with a warning, each keyword the derive cannot express, instead of refusing its
    /// schema. The generated types then check less than the document says.
    pub lossy: bool,
    /// The generated module's doc comment, line by line.
    pub header: Vec<String>,
    /// What to write.
    pub flavour: Flavour,
    /// Write `check_format` beside each string `format` the derive can check
    /// ([`CHECKED_FORMATS`]), so that the format is checked and not only written in the schema.
    /// The generated code then needs the `formats` feature of `authlete-models`.
    pub check_formats: bool,
    /// Leave each [`Generated::expected`] empty. Each type's expected schema holds every type
    /// it reaches, so that all of them together grow with the square of a document's types:
    /// the command line builds them only for `--expected`.
    pub skip_expected: bool,
    /// Write only these types (by name) and the types they hold, to check a large document a
    /// part at a time. Every schema is still read, and each refusal reported.
    pub only: Option<Vec<String>>,
    /// Write only the types of this group of contracts (the contracts read from its folder,
    /// whose [`Document::named`] entries have this `group`, and the types inline in them), as
    /// one module of several, one per group. The types of other groups they hold are imported
    /// from the sibling module named after their group (`use super::common::Client;`). Every
    /// schema is still read, so that each `$ref` into another group's folder resolves, and
    /// each refusal reported.
    pub group: Option<String>,
    /// With [`group`](Self::group): that group holds types the others share, and its module is
    /// compiled with any group's feature (a group's feature is its name in kebab-case). Each of
    /// its types that other groups' types hold, directly or through others, is then written
    /// behind those groups' features (`#[cfg(any(feature = "token", ...))]`), so that a crate
    /// with one group's feature compiles only the shared types that group holds. A type no
    /// other group holds is written as it is.
    pub shared: bool,
}

/// The most states the derive lets a pattern's automaton have (its own bound, repeated): a
/// `pattern` whose automaton would be larger is refused here, as the derive would refuse it.
pub const MAX_STATES: usize = 10_000;

/// The string formats the derive checks with `check_format`; any other format stays an
/// annotation.
pub const CHECKED_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "uuid",
    "json-pointer",
];

/// What the generated types derive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Flavour {
    /// `#[derive(Model)]`, every constraint an attribute.
    #[default]
    Model,
    /// Plain `serde_derive` structs and enums of the same shape, with no rule (a secret is a
    /// plain `String`): the same models as serde alone would read them, to compare with.
    SerdeDerive,
}

/// Something about one place in the document: a refusal or a warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Where: a JSON Pointer as a URI fragment (`#/components/schemas/Client/properties/x`),
    /// after a contract's file name for contracts, or a grafted file's path for the files a
    /// document's `$ref`s name (`common.yaml#/components/schemas/Error`): as messages show it.
    pub pointer: String,
    /// The same place as a JSON Pointer into [`Document::root`]
    /// (`/$defs/$files/common.yaml/common/components/schemas/Error`).
    pub root_pointer: String,
    /// Why.
    pub message: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

/// One generated type.
#[derive(Clone, Debug)]
pub struct Generated {
    /// Its Rust name.
    pub name: String,
    /// Where its schema is, as messages show it (see [`Note::pointer`]).
    pub pointer: String,
    /// The same place as a JSON Pointer into [`Document::root`].
    pub root_pointer: String,
    /// The schema its `json_schema()` must return: the input's, normalised. `None` for a type
    /// alias, which has no schema of its own, with `lossy` for a type that lost a keyword (or
    /// holds one that did), whose schema is not the document's, and with
    /// [`Options::skip_expected`].
    pub expected: Option<Value>,
}

/// What [`generate`] made.
#[derive(Clone, Debug)]
pub struct Output {
    /// The Rust module's source.
    pub code: String,
    /// The types, in the order they are written.
    pub types: Vec<Generated>,
    /// The schemas refused, and why: each keyword the derive cannot express, by pointer. A
    /// type that holds a refused type is refused too.
    pub refused: Vec<Note>,
    /// What was dropped, and why (`lossy`, comments and extensions).
    pub warnings: Vec<Note>,
    /// The names the refused types would have had.
    pub refused_types: Vec<String>,
    /// The features of `authlete-models` the code needs: `pattern` when it checks a `pattern`,
    /// `formats` when it checks a format. The module's doc comment names them too.
    pub features: Vec<&'static str>,
}

/// Generates the types of every schema `doc` names (and the inline ones they hold).
pub fn generate(doc: &Document, options: &Options) -> Output {
    let mut lowered = lower::lower(doc, options);
    if let Some(only) = &options.only {
        let keep = lower::reached(&lowered.types, only);
        lowered.types.retain(|t| keep.contains(&t.name));
    }
    let elsewhere = match &options.group {
        Some(group) => elsewhere(doc, &lowered.types, group),
        None => BTreeMap::new(),
    };
    let gates = match &options.group {
        Some(group) if options.shared => gates(doc, &lowered.types, group),
        _ => BTreeMap::new(),
    };
    let code = emit::module(
        &lowered.types,
        &elsewhere,
        &gates,
        &options.header,
        options.flavour,
    );
    let written: Vec<&model::TypeDef> = lowered
        .types
        .iter()
        .filter(|t| !elsewhere.contains_key(t.name.as_str()))
        .collect();
    let features = emit::features(&written, options.flavour);
    let aliases = lowered
        .types
        .iter()
        .filter_map(|t| match &t.kind {
            model::Kind::Alias(target) => Some((t.name.clone(), target.clone())),
            _ => None,
        })
        .collect();
    let pointers: Vec<(String, String)> = lowered
        .types
        .iter()
        .map(|t| (t.name.clone(), t.pointer.clone()))
        .collect();
    let expect = expect::Expect::new(
        doc,
        &lowered.names,
        &lowered.inline,
        &lowered.held,
        aliases,
        &pointers,
    );
    let types = written
        .iter()
        .map(|t| Generated {
            name: t.name.clone(),
            pointer: doc.show(&t.pointer),
            root_pointer: t.pointer.clone(),
            expected: match t.kind {
                _ if options.skip_expected => None,
                model::Kind::Alias(_) => None,
                _ if lowered.lossy.contains(&t.name) => None,
                _ => Some(expect.root(&t.name)),
            },
        })
        .collect();
    Output {
        code,
        types,
        refused: lowered.refused,
        warnings: lowered.warnings,
        refused_types: lowered.refused_names,
        features,
    }
}

/// The group whose module writes the type at `pointer`: that of the contract it is, or is
/// inline in.
fn group_of<'d>(doc: &'d Document, pointer: &str) -> Option<&'d str> {
    doc.named
        .iter()
        .find(|n| {
            pointer
                .strip_prefix(n.pointer.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
        .and_then(|n| n.group.as_deref())
}

/// The types of `types` that are not of `group`, each with the group whose module writes it.
fn elsewhere<'t>(
    doc: &Document,
    types: &'t [model::TypeDef],
    group: &str,
) -> BTreeMap<&'t str, String> {
    // A document whose contracts are in groups has every type in one (see
    // `Document::contracts`); in one with no group, no type is written, none imported.
    types
        .iter()
        .filter_map(|t| match group_of(doc, &t.pointer) {
            Some(g) if g == group => None,
            g => Some((t.name.as_str(), g.unwrap_or_default().to_owned())),
        })
        .collect()
}

/// For the shared `group` (see [`Options::shared`]): each of its types that the types of other
/// groups reach, with the features of those groups (their names in kebab-case), in name order;
/// but not a type that one of its types no other group holds (compiled with any group) holds.
fn gates(
    doc: &Document,
    types: &[model::TypeDef],
    group: &str,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut by_group: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for t in types {
        if let Some(g) = group_of(doc, &t.pointer).filter(|g| *g != group) {
            by_group.entry(g).or_default().push(t.name.clone());
        }
    }
    let mut gates: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (other, roots) in by_group {
        for name in lower::reached(types, &roots) {
            let t = types.iter().find(|t| t.name == name);
            if t.is_some_and(|t| group_of(doc, &t.pointer) == Some(group)) {
                gates
                    .entry(name)
                    .or_default()
                    .insert(other.replace('_', "-"));
            }
        }
    }
    // A type no other group holds is compiled with any group, and so is every type it holds.
    let ungated: Vec<String> = types
        .iter()
        .filter(|t| group_of(doc, &t.pointer) == Some(group) && !gates.contains_key(&t.name))
        .map(|t| t.name.clone())
        .collect();
    for name in lower::reached(types, &ungated) {
        gates.remove(&name);
    }
    gates
}

/// The doc comment the command line gives a module generated from `inputs` (file names).
pub fn header(inputs: &[&str]) -> Vec<String> {
    vec![format!(
        "Generated by authlete-models-codegen from {}. Do not edit: change the input and generate again.",
        inputs.join(", ")
    )]
}

/// A description as a doc comment holds it: line ends as `\n`, each line without trailing
/// spaces, the whole trimmed.
pub fn doc_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}
