//! Rust source from the types: one `#[derive(Model)]` item each, constraints as attributes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::Flavour;
use crate::model::{Absent, Field, Kind, Rules, Ty, TypeDef, TypeNotes};
use crate::names;

/// The source of a module holding the types of `all` but those `elsewhere` names: each of
/// those is written in the sibling module `elsewhere` gives, and imported from it when a type
/// written here holds it. `header` is the module's doc comment, line by line.
pub fn module(
    all: &[TypeDef],
    elsewhere: &BTreeMap<&str, String>,
    gates: &BTreeMap<String, BTreeSet<String>>,
    header: &[String],
    flavour: Flavour,
) -> String {
    let types: Vec<&TypeDef> = all
        .iter()
        .filter(|t| !elsewhere.contains_key(t.name.as_str()))
        .collect();
    let mut out = String::new();
    let mut header = header.to_vec();
    if flavour == Flavour::SerdeDerive {
        header.push(String::new());
        header.push(
            "Plain serde_derive types of the same shape, without rules, to compare with.".into(),
        );
    }
    let needs = features(&types, flavour);
    if !needs.is_empty() {
        if !header.is_empty() {
            header.push(String::new());
        }
        header.push(features_line(&needs));
    }
    for line in &header {
        let _ = writeln!(out, "//! {line}").map(|_| ());
        if line.is_empty() {
            out.truncate(out.len() - 2);
            out.push('\n');
        }
    }
    let undocumented = types.iter().any(|t| match &t.kind {
        Kind::Struct { fields, .. } => t.doc.is_none() || fields.iter().any(|f| f.doc.is_none()),
        _ => t.doc.is_none(),
    });
    if undocumented {
        out.push_str("#![allow(missing_docs)]\n");
    }
    // The descriptions are the document's text as written, which the schema must give back
    // unchanged: Markdown that rustdoc or clippy would write otherwise is left as it is.
    let marked_up = types.iter().any(|t| {
        let fields = match &t.kind {
            Kind::Struct { fields, .. } => fields.iter().map(|f| &f.doc).collect(),
            _ => Vec::new(),
        };
        std::iter::once(&t.doc)
            .chain(fields)
            .flatten()
            .any(|d| d.contains(['\n', '[', '<']) || d.contains("http"))
    });
    if marked_up {
        out.push_str(
            "#![allow(clippy::doc_lazy_continuation, clippy::doc_overindented_list_items)]\n\
             #![allow(rustdoc::bare_urls, rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags)]\n",
        );
    }
    // A union's variants are named after the types they hold, which may share a suffix or
    // differ in size: the document's shape, not a choice to make here.
    if types.iter().any(|t| matches!(t.kind, Kind::Union { .. })) {
        out.push_str("#![allow(clippy::enum_variant_names, clippy::large_enum_variant)]\n");
    }
    // With some types behind features, an import may serve only types a build leaves out.
    if !gates.is_empty() {
        out.push_str("#![allow(unused_imports)]\n");
    }
    out.push('\n');
    let uses = |f: fn(&Ty) -> bool| {
        types
            .iter()
            .any(|t| tys(t).iter().any(|ty| contains(ty, f)))
    };
    if uses(|t| matches!(t, Ty::Map(_))) {
        out.push_str("use std::collections::BTreeMap;\n\n");
    }
    match flavour {
        Flavour::Model => {
            let mut imports = vec!["Model"];
            if uses(|t| matches!(t, Ty::Secret)) {
                imports.push("Secret");
            }
            let _ = writeln!(out, "use authlete_models::{{{}}};", imports.join(", "));
        }
        Flavour::SerdeDerive => out.push_str("use serde::{Deserialize, Serialize};\n"),
    }
    let mut imported: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for t in &types {
        for held in holds(t) {
            if let Some(module) = elsewhere.get(held) {
                imported.entry(module).or_default().insert(held);
            }
        }
    }
    if !imported.is_empty() {
        out.push('\n');
    }
    for (module, names) in imported {
        let names: Vec<&str> = names.into_iter().collect();
        let _ = match names.as_slice() {
            [one] => writeln!(out, "use super::{module}::{one};"),
            _ => writeln!(out, "use super::{module}::{{{}}};", names.join(", ")),
        };
    }
    // Which types derive `Eq` is decided over every type, those written elsewhere too.
    let eq = comparable(all);
    let w = Writer { flavour };
    for t in types {
        out.push('\n');
        if let Some(features) = gates.get(&t.name) {
            let features: Vec<String> = features
                .iter()
                .map(|f| format!("feature = \"{f}\""))
                .collect();
            let _ = match features.as_slice() {
                [one] => writeln!(out, "#[cfg({one})]"),
                _ => writeln!(out, "#[cfg(any({}))]", features.join(", ")),
            };
        }
        w.item(&mut out, t, eq.contains(t.name.as_str()));
    }
    out
}

/// The names of the types `t` holds (or, an alias, names).
fn holds(t: &TypeDef) -> Vec<&str> {
    fn collect<'a>(ty: &'a Ty, out: &mut Vec<&'a str>) {
        match ty {
            Ty::Named(n) => out.push(n),
            Ty::Option(t) | Ty::Boxed(t) | Ty::Vec(t) | Ty::Map(t) => collect(t, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Kind::Alias(target) = &t.kind {
        out.push(target.as_str());
    }
    for ty in tys(t) {
        collect(ty, &mut out);
    }
    out
}

/// Writes items in one flavour: `#[derive(Model)]` with the rules as attributes, or plain
/// `serde_derive` of the same shape (the rules left out, a secret a plain `String`).
struct Writer {
    flavour: Flavour,
}

/// The types that can derive `Eq`: those that hold no float, directly or through another type.
fn comparable(types: &[TypeDef]) -> std::collections::BTreeSet<&str> {
    let mut eq: std::collections::BTreeSet<&str> = types.iter().map(|t| t.name.as_str()).collect();
    loop {
        let before = eq.len();
        for t in types {
            let holds_float = tys(t)
                .iter()
                .any(|ty| contains(ty, |t| matches!(t, Ty::F64)));
            let holds_other = tys(t).iter().any(|ty| {
                let mut named = Vec::new();
                fn collect<'a>(ty: &'a Ty, out: &mut Vec<&'a str>) {
                    match ty {
                        Ty::Named(n) => out.push(n),
                        Ty::Option(t) | Ty::Boxed(t) | Ty::Vec(t) | Ty::Map(t) => collect(t, out),
                        _ => {}
                    }
                }
                collect(ty, &mut named);
                named
                    .iter()
                    .any(|n| !eq.contains(n) && types.iter().any(|t| t.name == *n))
            });
            if holds_float || holds_other {
                eq.remove(t.name.as_str());
            }
        }
        if eq.len() == before {
            return eq;
        }
    }
}

fn tys(t: &TypeDef) -> Vec<&Ty> {
    t.kind.values().into_iter().map(|v| &v.ty).collect()
}

fn contains(ty: &Ty, f: fn(&Ty) -> bool) -> bool {
    f(ty)
        || match ty {
            Ty::Option(t) | Ty::Boxed(t) | Ty::Vec(t) | Ty::Map(t) => contains(t, f),
            _ => false,
        }
}

/// The features of `authlete-models` that `types` need, written in `flavour`: `pattern` for a
/// `pattern` rule, `formats` for `check_format`.
pub fn features(types: &[&TypeDef], flavour: Flavour) -> Vec<&'static str> {
    fn walk(r: &Rules, pattern: &mut bool, formats: &mut bool) {
        *pattern |= r.pattern.is_some() || !r.not_patterns.is_empty();
        *formats |= r.check_format;
        for nested in [&r.items, &r.keys, &r.values].into_iter().flatten() {
            walk(nested, pattern, formats);
        }
    }
    if flavour != Flavour::Model {
        return Vec::new();
    }
    let (mut pattern, mut formats) = (false, false);
    for t in types {
        for v in t.kind.values() {
            walk(&v.rules, &mut pattern, &mut formats);
        }
    }
    let mut out = Vec::new();
    if pattern {
        out.push("pattern");
    }
    if formats {
        out.push("formats");
    }
    out
}

/// The header line that names the features a module needs, in the words of `Cargo.toml`
/// (`roundtrip.sh` reads the list back from it).
fn features_line(features: &[&str]) -> String {
    let list: Vec<String> = features.iter().map(|f| format!("{f:?}")).collect();
    format!(
        "Needs `authlete-models` with `features = [{}]`.",
        list.join(", ")
    )
}

/// `s` as a Rust string literal: raw (`r"..."`, `r#"..."#`) when it holds a backslash or a
/// quote and every character of it can be written as itself, escaped otherwise.
fn string_literal(s: &str) -> String {
    let escaped = format!("{s:?}");
    if !s.contains(['\\', '"']) {
        return escaped;
    }
    let plain = format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    if escaped != plain {
        return escaped;
    }
    // One `#` more than the longest run of them after a quote.
    let hashes = s
        .match_indices('"')
        .map(|(i, _)| s[i + 1..].chars().take_while(|&c| c == '#').count() + 1)
        .max()
        .unwrap_or(0);
    let h = "#".repeat(hashes);
    format!("r{h}\"{s}\"{h}")
}

/// `description = "..."` for a description with a line starting with `# `, where the derive
/// ends the description a doc comment gives (rustdoc's sections start there): the attribute
/// gives the schema all of it, and the doc comment stays for rustdoc.
fn description_attr(text: &Option<String>) -> Option<String> {
    let text = text.as_ref()?;
    text.lines()
        .any(|l| l.starts_with("# "))
        .then(|| format!("description = {}", string_literal(text)))
}

fn doc(out: &mut String, text: &Option<String>, indent: &str) {
    if let Some(text) = text {
        // A carriage return alone ends a line too: left in, it would end the comment.
        for line in text.replace("\r\n", "\n").split(['\n', '\r']) {
            if line.is_empty() {
                let _ = writeln!(out, "{indent}///");
            } else {
                let _ = writeln!(out, "{indent}/// {line}");
            }
        }
    }
}

impl Writer {
    fn derive(&self, eq: bool) -> String {
        let eq = if eq { "Eq, " } else { "" };
        match self.flavour {
            Flavour::Model => format!("#[derive(Clone, Debug, PartialEq, {eq}Model)]\n"),
            Flavour::SerdeDerive => {
                format!("#[derive(Clone, Debug, PartialEq, {eq}Serialize, Deserialize)]\n")
            }
        }
    }

    /// `#[model(...)]` or `#[serde(...)]` around `attrs`, or nothing for none.
    fn attr(&self, attrs: &[String]) -> String {
        if attrs.is_empty() {
            return String::new();
        }
        let name = match self.flavour {
            Flavour::Model => "model",
            Flavour::SerdeDerive => "serde",
        };
        format!("#[{name}({})]", attrs.join(", "))
    }

    fn item(&self, out: &mut String, t: &TypeDef, eq: bool) {
        let derive = self.derive(eq);
        let derive = derive.as_str();
        doc(out, &t.doc, "");
        let examples = t.examples.as_ref().map(|e| format!("examples = {e:?}"));
        match &t.kind {
            Kind::Alias(target) => {
                let _ = writeln!(out, "pub type {} = {target};", t.name);
            }
            Kind::Enum(values) => {
                let mut used = names::Unique::default();
                // A string is named after itself; another value after its JSON text, and
                // written with `value`.
                let variants: Vec<(String, &serde_json::Value)> = values
                    .iter()
                    .map(|v| {
                        let name = match v {
                            serde_json::Value::String(s) => match names::pascal(s) {
                                // `Self` is a keyword, even as a variant.
                                n if n == "Self" => "SelfValue".to_owned(),
                                n => n,
                            },
                            other => names::value_variant(other),
                        };
                        (used.give(&name), v)
                    })
                    .collect();
                let strings: Vec<(String, String)> = variants
                    .iter()
                    .filter_map(|(i, v)| v.as_str().map(|s| (i.clone(), s.to_owned())))
                    .collect();
                let rule = names::best_rule(&strings, names::push_variant_wire);
                let derive = match self.flavour {
                    Flavour::Model => "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Model)]\n",
                    Flavour::SerdeDerive => {
                        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]\n"
                    }
                };
                out.push_str(derive);
                self.container_attrs(out, rule, false, examples, t, Vec::new());
                let _ = writeln!(out, "pub enum {} {{", t.name);
                for (ident, value) in &variants {
                    let serde_json::Value::String(wire) = value else {
                        // serde_derive reads only strings as unit variants: its flavour names
                        // the variant by the value's JSON text.
                        let text = value.to_string();
                        let _ = writeln!(out, "    /// `{text}`");
                        let attr = match self.flavour {
                            Flavour::Model => format!("value = {text}"),
                            Flavour::SerdeDerive => format!("rename = {text:?}"),
                        };
                        let _ = writeln!(out, "    {}", self.attr(&[attr]));
                        let _ = writeln!(out, "    {ident},");
                        continue;
                    };
                    // A value with a line break or another control character is shown as
                    // JSON writes it, on one line.
                    if wire.chars().any(char::is_control) {
                        let shown = serde_json::to_string(wire).unwrap_or_default();
                        let _ = writeln!(out, "    /// `{shown}`");
                    } else {
                        let _ = writeln!(out, "    /// `{wire}`");
                    }
                    let written = match rule {
                        Some(r) => names::variant_wire(r, ident),
                        None => ident.clone(),
                    };
                    if written != *wire {
                        let _ = writeln!(out, "    {}", self.attr(&[format!("rename = {wire:?}")]));
                    }
                    let _ = writeln!(out, "    {ident},");
                }
                out.push_str("}\n");
            }
            Kind::Newtype(value) => {
                out.push_str(derive);
                self.container_attrs(out, None, false, None, t, Vec::new());
                let attrs = match self.flavour {
                    Flavour::Model => rules(&value.rules, &value.ty, None),
                    Flavour::SerdeDerive => String::new(),
                };
                let attrs = if attrs.is_empty() {
                    String::new()
                } else {
                    format!("#[model({attrs})] ")
                };
                let _ = writeln!(
                    out,
                    "pub struct {}({attrs}pub {});",
                    t.name,
                    self.rust_type(&value.ty)
                );
            }
            Kind::Union { one_of, variants } => {
                out.push_str(derive);
                let mode = match (self.flavour, one_of) {
                    (Flavour::Model, true) => "one_of",
                    _ => "untagged",
                };
                let mut attrs = vec![mode.to_owned()];
                if self.flavour == Flavour::Model {
                    attrs.extend(notes_attrs(&t.notes, &t.doc));
                    attrs.extend(examples);
                }
                let _ = writeln!(out, "{}", self.attr(&attrs));
                let _ = writeln!(out, "pub enum {} {{", t.name);
                for v in variants {
                    match &v.value {
                        None => {
                            let _ = writeln!(out, "    {},", v.name);
                        }
                        Some(value) => {
                            let attrs = match self.flavour {
                                Flavour::Model => rules(&value.rules, &value.ty, None),
                                Flavour::SerdeDerive => String::new(),
                            };
                            let attrs = if attrs.is_empty() {
                                String::new()
                            } else {
                                format!("#[model({attrs})] ")
                            };
                            let _ = writeln!(
                                out,
                                "    {}({attrs}{}),",
                                v.name,
                                self.rust_type(&value.ty)
                            );
                        }
                    }
                }
                out.push_str("}\n");
            }
            Kind::Struct {
                fields,
                deny_unknown_fields,
                presence,
                members: member_rules,
            } => {
                let mut used = names::Unique::default();
                // A flattened map is named after what it holds, once the members are named.
                let mut idents: Vec<(String, String)> = fields
                    .iter()
                    .map(|f| match f.flatten {
                        true => (String::new(), String::new()),
                        false => (used.give(&names::snake(&f.wire)), f.wire.clone()),
                    })
                    .collect();
                let members: Vec<(String, String)> = fields
                    .iter()
                    .zip(&idents)
                    .filter(|(f, _)| !f.flatten)
                    .map(|(_, i)| i.clone())
                    .collect();
                let rule = names::best_rule(&members, names::push_field_wire);
                for (f, ident) in fields.iter().zip(idents.iter_mut()) {
                    if f.flatten {
                        ident.0 = used.give("additional_properties");
                    }
                }
                // A presence rule names fields by their Rust names.
                let ident_of = |wire: &String| {
                    idents
                        .iter()
                        .find(|(_, w)| w == wire)
                        .map_or_else(|| wire.clone(), |(i, _)| i.clone())
                };
                let mut presence_attrs = Vec::new();
                if self.flavour == Flavour::Model {
                    for c in presence {
                        let groups: Vec<String> = c
                            .groups
                            .iter()
                            .map(|g| match g.as_slice() {
                                [one] => ident_of(one),
                                _ => format!(
                                    "({})",
                                    g.iter().map(ident_of).collect::<Vec<_>>().join(", ")
                                ),
                            })
                            .collect();
                        let key = if c.exactly_one {
                            "required_one_of"
                        } else {
                            "required_any_of"
                        };
                        presence_attrs.push(format!("{key}({})", groups.join(", ")));
                    }
                    for list in &member_rules.not_all_of {
                        let idents: Vec<String> = list.iter().map(ident_of).collect();
                        presence_attrs.push(format!("not_all_of({})", idents.join(", ")));
                    }
                    for w in &member_rules.when {
                        let values: Vec<String> = w
                            .values
                            .iter()
                            .map(|v| match v {
                                serde_json::Value::String(s) => string_literal(s),
                                other => other.to_string(),
                            })
                            .collect();
                        let idents: Vec<String> = w.members.iter().map(ident_of).collect();
                        let then = if w.required { "required" } else { "not_all" };
                        presence_attrs.push(format!(
                            "when({} = {}, {then}({}))",
                            ident_of(&w.member),
                            values.join(" | "),
                            idents.join(", ")
                        ));
                    }
                    if !member_rules.forbid.is_empty() {
                        let names: Vec<String> = member_rules
                            .forbid
                            .iter()
                            .map(|n| format!("{n:?}"))
                            .collect();
                        presence_attrs.push(format!("forbid({})", names.join(", ")));
                    }
                    if let Some(n) = member_rules.min {
                        presence_attrs.push(format!("min_members = {n}"));
                    }
                    if let Some(n) = member_rules.max {
                        presence_attrs.push(format!("max_members = {n}"));
                    }
                }
                let requires: Vec<String> = fields
                    .iter()
                    .map(|f| {
                        f.requires
                            .iter()
                            .map(ident_of)
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .collect();
                out.push_str(derive);
                self.container_attrs(out, rule, *deny_unknown_fields, examples, t, presence_attrs);
                let _ = writeln!(out, "pub struct {} {{", t.name);
                for ((f, (ident, wire)), requires) in fields.iter().zip(&idents).zip(&requires) {
                    self.field(out, f, ident, wire, rule, requires);
                }
                out.push_str("}\n");
            }
        }
    }

    fn container_attrs(
        &self,
        out: &mut String,
        rule: Option<&str>,
        deny: bool,
        examples: Option<String>,
        t: &TypeDef,
        presence: Vec<String>,
    ) {
        let mut attrs = Vec::new();
        if let Some(rule) = rule {
            attrs.push(format!("rename_all = {rule:?}"));
        }
        if deny {
            attrs.push("deny_unknown_fields".to_owned());
        }
        attrs.extend(presence);
        if self.flavour == Flavour::Model {
            attrs.extend(notes_attrs(&t.notes, &t.doc));
            attrs.extend(examples);
        }
        if !attrs.is_empty() {
            let _ = writeln!(out, "{}", self.attr(&attrs));
        }
    }

    fn field(
        &self,
        out: &mut String,
        f: &Field,
        ident: &str,
        wire: &str,
        rule: Option<&str>,
        requires: &str,
    ) {
        doc(out, &f.doc, "    ");
        let bare = ident.trim_start_matches("r#");
        let mut attrs = Vec::new();
        let written = match rule {
            Some(r) => names::field_wire(r, bare),
            None => bare.to_owned(),
        };
        if f.flatten {
            attrs.push("flatten".to_owned());
        } else if written != wire {
            attrs.push(format!("rename = {wire:?}"));
        }
        match self.flavour {
            Flavour::Model => {
                attrs.extend(description_attr(&f.doc));
                let r = rules(&f.value.rules, &f.value.ty, f.default.as_ref());
                if !r.is_empty() {
                    attrs.push(r);
                }
                if f.required {
                    attrs.push("required".into());
                }
                if f.not_null {
                    attrs.push("not_null".into());
                }
                if !requires.is_empty() {
                    attrs.push(format!("requires({requires})"));
                }
            }
            Flavour::SerdeDerive => {
                if f.default.is_some() {
                    attrs.push("default".into());
                }
                if matches!(f.value.ty, Ty::Option(_)) {
                    attrs.push("skip_serializing_if = \"Option::is_none\"".into());
                }
            }
        }
        if !attrs.is_empty() {
            let _ = writeln!(out, "    {}", self.attr(&attrs));
        }
        let _ = writeln!(out, "    pub {ident}: {},", self.rust_type(&f.value.ty));
    }

    fn rust_type(&self, ty: &Ty) -> String {
        let rust_type = |t: &Ty| self.rust_type(t);
        match ty {
            Ty::String => "String".into(),
            Ty::Secret if self.flavour == Flavour::SerdeDerive => "String".into(),
            Ty::Secret => "Secret<String>".into(),
            Ty::Bool => "bool".into(),
            Ty::I32 => "i32".into(),
            Ty::I64 => "i64".into(),
            Ty::F64 => "f64".into(),
            Ty::Option(t) => format!("Option<{}>", rust_type(t)),
            Ty::Boxed(t) => format!("Box<{}>", rust_type(t)),
            Ty::Vec(t) => format!("Vec<{}>", rust_type(t)),
            Ty::Map(t) => format!("BTreeMap<String, {}>", rust_type(t)),
            Ty::Named(n) => n.clone(),
            Ty::Any => "serde_json::Value".into(),
            Ty::AnyObject => "serde_json::Map<String, serde_json::Value>".into(),
            Ty::AnyArray => "Vec<serde_json::Value>".into(),
            Ty::Unit => "()".into(),
        }
    }
}

/// A type's annotations as container attributes: `title`, `format`, `deprecated`, and its
/// description when the doc comment would not give all of it (see [`description_attr`]).
fn notes_attrs(notes: &TypeNotes, doc: &Option<String>) -> Vec<String> {
    let mut attrs: Vec<String> = description_attr(doc).into_iter().collect();
    if let Some(t) = &notes.title {
        attrs.push(format!("title = {}", string_literal(t)));
    }
    if let Some(f) = &notes.format {
        attrs.push(format!("format = {}", string_literal(f)));
    }
    if notes.deprecated {
        attrs.push("deprecated".to_owned());
    }
    if notes.read_only {
        attrs.push("read_only".to_owned());
    }
    if notes.write_only {
        attrs.push("write_only".to_owned());
    }
    attrs
}

/// The attribute list of a value's rules (without `#[model(` and `)]`).
fn rules(r: &Rules, ty: &Ty, default: Option<&Absent>) -> String {
    let mut a: Vec<String> = Vec::new();
    if let Some(c) = &r.charset {
        a.push(format!("charset = {c:?}"));
    }
    if let Some(p) = &r.pattern {
        a.push(format!("pattern = {}", string_literal(p)));
    }
    for p in &r.not_patterns {
        a.push(format!("not_pattern = {}", string_literal(p)));
    }
    if let Some(n) = r.min_len {
        a.push(format!("min_len = {n}"));
    }
    if let Some(n) = r.max_len {
        a.push(format!("max_len = {n}"));
    }
    let number = |n: &str| {
        // A bound on an `f64` is written as a float; an integer's as an integer.
        if matches!(value_ty(ty), Ty::F64) && !n.contains(['.', 'e', 'E']) {
            format!("{n}.0")
        } else {
            n.to_owned()
        }
    };
    for (key, v) in [
        ("min", &r.min),
        ("max", &r.max),
        ("exclusive_min", &r.exclusive_min),
        ("exclusive_max", &r.exclusive_max),
        ("multiple_of", &r.multiple_of),
    ] {
        if let Some(v) = v {
            a.push(format!("{key} = {}", number(v)));
        }
    }
    if r.unique {
        a.push("unique".into());
    }
    let inner = |t: &Ty| match value_ty(t) {
        Ty::Vec(i) | Ty::Map(i) => (**i).clone(),
        other => other.clone(),
    };
    for (key, nested) in [
        ("items", &r.items),
        ("keys", &r.keys),
        ("values", &r.values),
    ] {
        if let Some(n) = nested {
            let item_ty = if key == "keys" { Ty::String } else { inner(ty) };
            a.push(format!("{key}({})", rules(n, &item_ty, None)));
        }
    }
    match default {
        Some(Absent::Own) => a.push("default".into()),
        Some(Absent::Literal(text)) => a.push(format!("default = {text}")),
        None => {}
    }
    if let Some(f) = &r.format {
        a.push(format!("format = {f:?}"));
        if r.check_format {
            a.push("check_format".into());
        }
    }
    if r.read_only {
        a.push("read_only".into());
    }
    if r.write_only {
        a.push("write_only".into());
    }
    if let Some(e) = &r.examples {
        a.push(format!("examples = {e:?}"));
    }
    if let Some(t) = &r.title {
        a.push(format!("title = {}", string_literal(t)));
    }
    if r.deprecated {
        a.push("deprecated".into());
    }
    a.join(", ")
}

/// The type under `Option` and `Box`.
fn value_ty(ty: &Ty) -> &Ty {
    match ty {
        Ty::Option(t) | Ty::Boxed(t) => value_ty(t),
        t => t,
    }
}
