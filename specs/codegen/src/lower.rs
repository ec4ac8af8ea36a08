//! From schemas to types: what each keyword becomes, and a refusal, with its pointer, for each
//! keyword the derive cannot express.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde_json::{Map, Value};

use crate::input::{Document, ref_target};
use crate::model::{self as m, Field, Kind, Rules, Ty, TypeDef};
use crate::{Note, Options, charset, names};

/// Keywords that describe and check nothing, which the generator drops with a warning: a
/// comment, and every `x-` extension (read by other tools).
fn ignorable(key: &str) -> bool {
    key == "$comment" || key.starts_with("x-")
}

/// Keywords a value may carry beside its type's own: the caller reads `description` and
/// `default`; `readOnly`, `writeOnly`, `examples` and `format` become annotations.
const NOTES: &[&str] = &[
    "description",
    "default",
    "readOnly",
    "writeOnly",
    "examples",
];

/// The result of lowering a document.
pub struct Lowered {
    /// The types, in the order they were found.
    pub types: Vec<TypeDef>,
    /// Every schema's pointer and its type's name, inline ones included.
    pub names: BTreeMap<String, String>,
    /// What was refused, and why.
    pub refused: Vec<Note>,
    /// The types refused (those the document names and the inline ones).
    pub refused_names: Vec<String>,
    /// What was dropped or degraded, and why.
    pub warnings: Vec<Note>,
    /// The pointers of the schemas written inside a member, an item or a map's value, whose
    /// description and annotations belong to that place rather than to their type.
    pub inline: BTreeSet<String>,
    /// The types that lost a keyword to `lossy`, or hold one that did: their schemas are not
    /// the document's.
    pub lossy: BTreeSet<String>,
}

struct Lowering<'d> {
    doc: &'d Document,
    options: &'d Options,
    names: BTreeMap<String, String>,
    unique: names::Unique,
    queue: VecDeque<(String, String, bool)>,
    /// The inline types each type found, to drop with it when it is refused.
    children: BTreeMap<String, Vec<String>>,
    inline: BTreeSet<String>,
    /// The types that lost a keyword to `lossy`.
    lossy: BTreeSet<String>,
    /// Aliases that lead back to themselves.
    refused_cycle: Vec<Note>,
    current: String,
    errors: Vec<Note>,
    warnings: Vec<Note>,
}

/// Lowers every named schema of `doc`, and the inline ones they hold.
pub fn lower(doc: &Document, options: &Options) -> Lowered {
    let mut l = Lowering {
        doc,
        options,
        names: BTreeMap::new(),
        unique: names::Unique::default(),
        queue: VecDeque::new(),
        children: BTreeMap::new(),
        inline: BTreeSet::new(),
        lossy: BTreeSet::new(),
        refused_cycle: Vec::new(),
        current: String::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    for n in &doc.named {
        l.unique.give(&n.name);
        l.names.insert(n.pointer.clone(), n.name.clone());
        l.queue
            .push_back((n.name.clone(), n.pointer.clone(), false));
    }
    let mut types = Vec::new();
    let mut refused_types: BTreeMap<String, Vec<Note>> = BTreeMap::new();
    while let Some((name, pointer, inline)) = l.queue.pop_front() {
        l.current = name.clone();
        l.errors.clear();
        let def = l.lower_type(&name, &pointer, inline);
        match def {
            Some(def) if l.errors.is_empty() => types.push(def),
            _ => {
                let mut errors = std::mem::take(&mut l.errors);
                if errors.is_empty() {
                    errors.push(l.note(&pointer, "cannot be generated".into()));
                }
                refused_types.insert(name, errors);
            }
        }
    }
    // A type that holds a refused type is refused too; an inline type of a refused type goes
    // with it.
    loop {
        let before = refused_types.len();
        for (parent, kids) in &l.children {
            if refused_types.contains_key(parent) {
                for kid in kids {
                    refused_types.entry(kid.clone()).or_default();
                }
            }
        }
        let mut newly = Vec::new();
        for t in &types {
            if refused_types.contains_key(&t.name) {
                continue;
            }
            if let Some(missing) = uses(t).into_iter().find(|u| refused_types.contains_key(u)) {
                let msg = format!("holds `{missing}`, which is refused");
                newly.push((t.name.clone(), l.note(&t.pointer, msg)));
            }
        }
        for (name, note) in newly {
            refused_types.entry(name).or_default().push(note);
        }
        if refused_types.len() == before {
            break;
        }
    }
    types.retain(|t| !refused_types.contains_key(&t.name));
    // Aliases that lead back to themselves name no type.
    let aliases: BTreeMap<String, String> = types
        .iter()
        .filter_map(|t| match &t.kind {
            Kind::Alias(target) => Some((t.name.clone(), target.clone())),
            _ => None,
        })
        .collect();
    let cyclic: Vec<String> = aliases
        .keys()
        .filter(|start| {
            let mut at = aliases.get(*start);
            for _ in 0..=aliases.len() {
                match at {
                    Some(n) if n == *start => return true,
                    Some(n) => at = aliases.get(n),
                    None => return false,
                }
            }
            false
        })
        .cloned()
        .collect();
    for name in &cyclic {
        let pointer = types
            .iter()
            .find(|t| &t.name == name)
            .map(|t| t.pointer.clone())
            .unwrap_or_default();
        let note = l.note(
            &pointer,
            "a `$ref` that leads back to itself names no type".into(),
        );
        l.refused_cycle.push(note);
    }
    types.retain(|t| !cyclic.contains(&t.name));
    // A type that lost a keyword to `lossy`, and every type holding it, has a schema that is
    // not the document's.
    let mut lossy = l.lossy.clone();
    loop {
        let before = lossy.len();
        for t in &types {
            if uses(t).iter().any(|u| lossy.contains(u)) {
                lossy.insert(t.name.clone());
            }
        }
        if lossy.len() == before {
            break;
        }
    }
    box_recursion(&mut types);
    let refused_names: Vec<String> = refused_types
        .keys()
        .cloned()
        .chain(cyclic.iter().cloned())
        .collect();
    let mut refused: Vec<Note> = refused_types.into_values().flatten().collect();
    refused.append(&mut l.refused_cycle);
    Lowered {
        types,
        names: l.names,
        refused,
        refused_names,
        warnings: l.warnings,
        inline: l.inline,
        lossy,
    }
}

/// The generated types a type holds.
pub fn uses(t: &TypeDef) -> Vec<String> {
    fn walk(ty: &Ty, out: &mut Vec<String>) {
        match ty {
            Ty::Named(n) => out.push(n.clone()),
            Ty::Option(t) | Ty::Boxed(t) | Ty::Vec(t) | Ty::Map(t) => walk(t, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    match &t.kind {
        Kind::Struct { fields, .. } => fields.iter().for_each(|f| walk(&f.value.ty, &mut out)),
        Kind::Newtype(v) => walk(&v.ty, &mut out),
        Kind::Alias(n) => out.push(n.clone()),
        Kind::Enum(_) => {}
    }
    out
}

/// Boxes each field that holds, not through a `Vec` or a map, a type that holds the field's
/// own type the same way: a recursion Rust cannot size.
fn box_recursion(types: &mut [TypeDef]) {
    fn direct(ty: &Ty) -> Option<&str> {
        match ty {
            Ty::Named(n) => Some(n),
            Ty::Option(t) => direct(t),
            _ => None,
        }
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for t in types.iter() {
        let set = edges.entry(t.name.clone()).or_default();
        match &t.kind {
            Kind::Struct { fields, .. } => {
                set.extend(
                    fields
                        .iter()
                        .filter_map(|f| direct(&f.value.ty))
                        .map(str::to_owned),
                );
            }
            Kind::Newtype(v) => set.extend(direct(&v.ty).map(str::to_owned)),
            Kind::Alias(n) => {
                set.insert(n.clone());
            }
            Kind::Enum(_) => {}
        }
    }
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_owned()];
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n.clone()) {
                stack.extend(edges.get(&n).into_iter().flatten().cloned());
            }
        }
        false
    };
    fn boxed(ty: &mut Ty) {
        match ty {
            Ty::Option(t) => boxed(t),
            Ty::Named(_) => *ty = Ty::Boxed(Box::new(std::mem::take(ty))),
            _ => {}
        }
    }
    for t in types.iter_mut() {
        let name = t.name.clone();
        let values: Vec<&mut m::Value> = match &mut t.kind {
            Kind::Struct { fields, .. } => fields.iter_mut().map(|f| &mut f.value).collect(),
            Kind::Newtype(v) => vec![&mut **v],
            _ => Vec::new(),
        };
        for v in values {
            if let Some(target) = direct(&v.ty) {
                if reaches(target, &name) {
                    boxed(&mut v.ty);
                }
            }
        }
    }
}

impl Lowering<'_> {
    fn note(&self, pointer: &str, message: String) -> Note {
        Note {
            pointer: self.doc.show(pointer),
            message,
        }
    }

    fn refuse(&mut self, pointer: &str, message: impl Into<String>) {
        let note = self.note(pointer, message.into());
        self.errors.push(note);
    }

    /// A keyword the derive cannot express: refused, or, with `lossy`, dropped with a warning.
    fn cannot(&mut self, pointer: &str, key: &str, why: &str) {
        let message = format!("`{key}` {why}");
        if self.options.lossy {
            let note = self.note(pointer, format!("{message}; dropped (lossy)"));
            self.warnings.push(note);
            self.lossy.insert(self.current.clone());
        } else {
            self.refuse(pointer, message);
        }
    }

    /// Refuses every key of `map` not in `allowed`; drops comments and extensions with a
    /// warning.
    fn only(&mut self, map: &Map<String, Value>, at: &str, allowed: &[&str], what: &str) {
        for key in map.keys() {
            if allowed.contains(&key.as_str()) {
                continue;
            }
            let here = format!("{at}/{}", crate::input::escape(key));
            if ignorable(key) {
                let note = self.note(
                    &here,
                    format!("`{key}` describes nothing the derive reads; dropped"),
                );
                self.warnings.push(note);
            } else {
                let why = match key.as_str() {
                    "oneOf" | "anyOf" => "(other than with `{\"type\": \"null\"}`) would need a Rust enum of types, which the derive does not make".to_owned(),
                    "const" => "would need a one-value rule, which the derive does not have".to_owned(),
                    "title" => "names a type, and the derive titles each type with its Rust name".to_owned(),
                    "deprecated" => "has no attribute in the derive".to_owned(),
                    "not" | "if" | "then" | "else" | "dependentSchemas" | "dependentRequired" | "patternProperties" | "prefixItems" | "contains" | "minContains" | "maxContains" | "unevaluatedProperties" | "unevaluatedItems" => "has no attribute in the derive".to_owned(),
                    _ => format!("does not apply to {what} in the derive"),
                };
                self.cannot(&here, key, &why);
            }
        }
    }

    /// A type's name for the schema at `at`, which the document does not name, given out
    /// once per pointer. `inline` when it is written in a member, an item or a map's value
    /// (not reached by a `$ref`).
    fn inline(&mut self, at: &str, hint: &str, inline: bool) -> String {
        if let Some(name) = self.names.get(at) {
            return name.clone();
        }
        let name = self.unique.give(&names::type_name(hint));
        self.names.insert(at.to_owned(), name.clone());
        if inline {
            self.inline.insert(at.to_owned());
        }
        self.queue.push_back((name.clone(), at.to_owned(), inline));
        self.children
            .entry(self.current.clone())
            .or_default()
            .push(name.clone());
        name
    }

    /// Whether the schema at `at`, an item's or a map value's, is an inline type of its own,
    /// and so takes its description as its doc comment (there is no field to hold it); it
    /// then counts as a type of its own for its description.
    fn describes_its_type(&mut self, at: &str) -> bool {
        let own = self.inline.contains(at);
        self.inline.remove(at);
        own
    }

    /// The type a `$ref` names, found or made.
    fn reference(&mut self, reference: &str, at: &str) -> Option<String> {
        let Some(target) = ref_target(reference) else {
            self.refuse(at, format!("`$ref` to `{reference}`: only references inside the document (`#/...`) are read"));
            return None;
        };
        if let Some(name) = self.names.get(&target) {
            return Some(name.clone());
        }
        if self.doc.at(&target).is_none() {
            self.refuse(
                at,
                format!("`$ref` to `{reference}`, which is not in the document"),
            );
            return None;
        }
        let hint = target
            .rsplit('/')
            .next()
            .unwrap_or("Schema")
            .replace("~1", "/")
            .replace("~0", "~");
        Some(self.inline(&target, &hint, false))
    }

    /// The node of a type, with an `allOf` merged, and the order of its members when merged.
    fn node(&mut self, pointer: &str) -> Option<(Map<String, Value>, Vec<String>)> {
        let Some(node) = self.doc.at(pointer) else {
            self.refuse(pointer, "the schema is not there");
            return None;
        };
        let Value::Object(map) = node else {
            self.refuse(pointer, "a type's schema must be an object");
            return None;
        };
        if map.contains_key("allOf") {
            return match merge_all_of(self.doc, map, pointer) {
                Ok(merged) => Some(merged),
                Err((at, why)) => {
                    self.refuse(&at, why);
                    None
                }
            };
        }
        Some((map.clone(), Vec::new()))
    }

    fn lower_type(&mut self, name: &str, pointer: &str, inline: bool) -> Option<TypeDef> {
        let (mut map, order) = self.node(pointer)?;
        // A JSON Schema document's root also holds the document's own keywords.
        if pointer.is_empty() {
            for key in ["$schema", "$id", "$defs", "definitions"] {
                map.remove(key);
            }
        }
        // A struct or an enum holds no `null`: the field that holds an inline one is an
        // `Option` instead, and a named one cannot be.
        if is_struct(&map) || map.contains_key("enum") {
            match unwrap_null(&map, pointer) {
                Ok(u) if u.nullable && !inline => {
                    self.cannot(pointer, "null", "is allowed by a whole struct or enum type, which the derive cannot hold: allow `null` in the members that hold it");
                    map = u.map;
                }
                Ok(u) => map = u.map,
                Err(_) => {}
            }
        }
        // A type's own title is its name (the derive titles each type with its Rust name).
        if let Some(Value::String(title)) = map.get("title") {
            if !inline && names::type_name(title) == name {
                map.remove("title");
            }
        }
        // An inline type written in a member leaves its description and annotations to the
        // field; one that is an item or a map's value takes its description and examples.
        let described = !self.inline.contains(pointer);
        let doc = if described {
            self.doc_of(&map, pointer)
        } else {
            None
        };
        let at = pointer;
        let mut examples = None;
        let kind = if is_struct(&map) || (map.contains_key("enum") && !map.contains_key("$ref")) {
            if described {
                match map.get("examples") {
                    None => {}
                    Some(v @ Value::Array(_)) => examples = Some(v.to_string()),
                    Some(_) => {
                        self.refuse(&format!("{at}/examples"), "`examples` must be an array")
                    }
                }
            }
            let mut map = map.clone();
            if !inline {
                map.remove("examples");
            }
            if is_struct(&map) {
                self.lower_struct(name, &map, &order, at, inline)?
            } else {
                let mut allowed = vec!["enum", "type", "description"];
                if inline {
                    allowed.extend(NOTES);
                }
                self.only(&map, at, &allowed, "a string enum");
                Kind::Enum(self.lower_enum(&map, at)?)
            }
        } else if !inline
            && map.len() == map.contains_key("description") as usize + 1
            && map.contains_key("$ref")
        {
            let target = self.reference(
                map["$ref"].as_str().unwrap_or_default(),
                &format!("{at}/$ref"),
            )?;
            if target == name {
                self.refuse(at, "a `$ref` to itself names no type");
                return None;
            }
            Kind::Alias(target)
        } else {
            let mut body = map.clone();
            body.remove("description");
            if body.contains_key("default") {
                self.cannot(
                    &format!("{at}/default"),
                    "default",
                    "on a whole type has no attribute in the derive (only a field has a default)",
                );
                body.remove("default");
            }
            let value = self.lower_value(&Value::Object(body), at, name)?;
            Kind::Newtype(Box::new(value))
        };
        Some(TypeDef {
            name: name.to_owned(),
            pointer: pointer.to_owned(),
            doc,
            examples,
            kind,
        })
    }

    fn lower_enum(&mut self, map: &Map<String, Value>, at: &str) -> Option<Vec<String>> {
        if let Some(t) = map.get("type") {
            if t != "string" {
                self.refuse(
                    &format!("{at}/type"),
                    "an `enum` is read as a string enum: its type must be `string`",
                );
                return None;
            }
        }
        let Some(Value::Array(values)) = map.get("enum") else {
            self.refuse(&format!("{at}/enum"), "`enum` must be an array");
            return None;
        };
        let mut out = Vec::new();
        for (i, v) in values.iter().enumerate() {
            match v {
                Value::String(s) if !out.contains(s) => out.push(s.clone()),
                Value::String(_) => self.refuse(&format!("{at}/enum/{i}"), "a value given twice"),
                _ => self.refuse(
                    &format!("{at}/enum/{i}"),
                    "only strings are read in an `enum` (the derive's enums are string enums)",
                ),
            }
        }
        if out.is_empty() {
            self.refuse(
                &format!("{at}/enum"),
                "an `enum` with no value accepts nothing",
            );
            return None;
        }
        Some(out)
    }

    fn lower_struct(
        &mut self,
        name: &str,
        map: &Map<String, Value>,
        order: &[String],
        at: &str,
        inline: bool,
    ) -> Option<Kind> {
        let mut allowed = vec![
            "type",
            "properties",
            "required",
            "additionalProperties",
            "description",
        ];
        if inline {
            allowed.extend(NOTES);
        }
        self.only(map, at, &allowed, "an object with `properties`");
        let empty = Map::new();
        let props = match map.get("properties") {
            Some(Value::Object(p)) => p,
            None => &empty,
            Some(_) => {
                self.refuse(
                    &format!("{at}/properties"),
                    "`properties` must be an object",
                );
                return None;
            }
        };
        let deny_unknown_fields = match map.get("additionalProperties") {
            None | Some(Value::Bool(true)) => false,
            Some(Value::Bool(false)) => true,
            Some(Value::Object(o)) if o.is_empty() => false,
            Some(_) => {
                self.cannot(&format!("{at}/additionalProperties"), "additionalProperties", "beside `properties` would need a struct that also holds a map of the other members, which the derive does not make");
                false
            }
        };
        let required: Vec<String> = match map.get("required") {
            None => Vec::new(),
            Some(Value::Array(r)) => r
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            Some(_) => {
                self.refuse(
                    &format!("{at}/required"),
                    "`required` must be an array of names",
                );
                return None;
            }
        };
        for (i, r) in required.iter().enumerate() {
            if !props.contains_key(r) {
                self.refuse(&format!("{at}/required/{i}"), format!("`{r}` is required but not among the `properties`: a struct cannot require a member it does not declare"));
            }
        }
        let mut fields = Vec::new();
        for (wire, sub) in properties(self.doc, map, order, at) {
            let (wire, sub) = (&wire, &sub);
            let here = format!("{at}/properties/{}", crate::input::escape(wire));
            let hint = format!("{name}{}", names::pascal(wire));
            let Some(mut value) = self.lower_value(sub, &here, &hint) else {
                continue;
            };
            let is_required = required.contains(wire);
            let nullable = matches!(value.ty, Ty::Option(_));
            let doc = sub.as_object().and_then(|s| self.doc_of(s, &here));
            let mut default = false;
            if let Some(d) = sub.get("default") {
                let there = format!("{here}/default");
                if is_required {
                    self.refuse(&there, "a required member is never absent, so its `default` is never used: remove one of them");
                } else if nullable {
                    self.cannot(&there, "default", "on a member that may be `null` has no attribute in the derive (its absent value is `None`)");
                } else if !is_default_of(&value.ty, d) {
                    self.cannot(&there, "default", &format!("is {d}, and the derive's `default` is the type's own value (`false`, `0`, `\"\"`, `[]`, `{{}}`)"));
                } else {
                    default = true;
                }
            }
            if is_required && nullable {
                self.refuse(&here, "is required and may be `null`: the derive reads `null` as an absent member, so it cannot require one that may be `null`");
            }
            if !is_required && !nullable && !default {
                value.ty = Ty::Option(Box::new(value.ty));
            }
            fields.push(Field {
                wire: wire.clone(),
                doc,
                value,
                default,
            });
        }
        Some(Kind::Struct {
            fields,
            deny_unknown_fields,
        })
    }

    /// A value: its type and rules, from its schema. An inline object or enum becomes a type of
    /// its own, named after `hint`.
    fn lower_value(&mut self, node: &Value, at: &str, hint: &str) -> Option<m::Value> {
        let map = match node {
            Value::Bool(true) => {
                return Some(m::Value {
                    ty: Ty::Any,
                    rules: Rules::default(),
                });
            }
            Value::Object(map) => map,
            _ => {
                self.refuse(at, "a schema must be an object (or `true`)");
                return None;
            }
        };
        let (map, nullable, at) = self.strip_null(map, at)?;
        let mut value = self.lower_non_null(&map, &at, hint)?;
        if nullable {
            value.ty = Ty::Option(Box::new(value.ty));
        }
        Some(value)
    }

    /// The schema without the `null` it allows (see [`unwrap_null`]); with `lossy`, a list of
    /// several types is dropped (the value is then any JSON value).
    fn strip_null(
        &mut self,
        map: &Map<String, Value>,
        at: &str,
    ) -> Option<(Map<String, Value>, bool, String)> {
        match unwrap_null(map, at) {
            Ok(u) => Some((u.map, u.nullable, u.at)),
            Err(Unwrap::Refused(pointer, why)) => {
                self.refuse(&pointer, why);
                None
            }
            Err(Unwrap::SeveralTypes(pointer)) => {
                self.cannot(
                    &pointer,
                    "type",
                    "lists several types, and a Rust value has one",
                );
                let mut map = map.clone();
                map.remove("type");
                self.options.lossy.then(|| (map, false, at.to_owned()))
            }
        }
    }

    /// The doc comment a `description` becomes; refused when the derive would not read all
    /// of it back.
    fn doc_of(&mut self, map: &Map<String, Value>, at: &str) -> Option<String> {
        let d = map.get("description")?;
        let Some(text) = d.as_str() else {
            self.refuse(
                &format!("{at}/description"),
                "`description` must be a string",
            );
            return None;
        };
        let text = crate::doc_text(text);
        if text.lines().any(|l| l.starts_with("# ")) {
            self.cannot(&format!("{at}/description"), "description", "has a line starting with `# `, where the derive ends a description (a doc comment's sections start there)");
            return None;
        }
        (!text.is_empty()).then_some(text)
    }

    fn notes(&mut self, map: &Map<String, Value>, at: &str, rules: &mut Rules) {
        for (key, slot) in [("readOnly", 0), ("writeOnly", 1)] {
            match map.get(key) {
                None | Some(Value::Bool(false)) => {}
                Some(Value::Bool(true)) => {
                    if slot == 0 {
                        rules.read_only = true;
                    } else {
                        rules.write_only = true;
                    }
                }
                Some(_) => {
                    self.refuse(&format!("{at}/{key}"), format!("`{key}` must be a boolean"))
                }
            }
        }
        if rules.read_only && rules.write_only {
            self.refuse(at, "both `readOnly` and `writeOnly`: a value cannot be sent only by the server and only to it");
        }
        match map.get("examples") {
            None => {}
            Some(v @ Value::Array(_)) => rules.examples = Some(v.to_string()),
            Some(_) => self.refuse(&format!("{at}/examples"), "`examples` must be an array"),
        }
    }

    fn lower_non_null(
        &mut self,
        map: &Map<String, Value>,
        at: &str,
        hint: &str,
    ) -> Option<m::Value> {
        let mut rules = Rules::default();
        self.notes(map, at, &mut rules);
        if let Some(r) = map.get("$ref") {
            let mut allowed = vec!["$ref"];
            allowed.extend(NOTES);
            self.only(map, at, &allowed, "a `$ref`");
            let name = self.reference(r.as_str().unwrap_or_default(), &format!("{at}/$ref"))?;
            return Some(m::Value {
                ty: Ty::Named(name),
                rules,
            });
        }
        if map.contains_key("allOf") || is_struct(map) || map.contains_key("enum") {
            let name = self.inline(at, hint, true);
            return Some(m::Value {
                ty: Ty::Named(name),
                rules,
            });
        }
        let ty = match map.get("type") {
            Some(Value::String(t)) => t.clone(),
            Some(_) => {
                self.refuse(
                    &format!("{at}/type"),
                    "`type` must be a string (or a type and `null`)",
                );
                return None;
            }
            None if map.contains_key("items") => "array".to_owned(),
            None if map.contains_key("additionalProperties") => "object".to_owned(),
            None => String::new(),
        };
        let mut allowed: Vec<&str> = vec!["type"];
        allowed.extend(NOTES);
        let value = match ty.as_str() {
            "string" => {
                allowed.extend(["minLength", "maxLength", "pattern", "format"]);
                self.only(map, at, &allowed, "a string");
                self.lengths(map, at, "minLength", "maxLength", &mut rules);
                if let Some(p) = map.get("pattern") {
                    self.pattern(p, at, &mut rules);
                }
                let ty = match map.get("format").and_then(Value::as_str) {
                    Some("password") => Ty::Secret,
                    Some(f) => {
                        rules.format = Some(f.to_owned());
                        rules.check_format =
                            self.options.check_formats && crate::CHECKED_FORMATS.contains(&f);
                        Ty::String
                    }
                    None => Ty::String,
                };
                m::Value { ty, rules }
            }
            "integer" | "number" => {
                allowed.extend([
                    "minimum",
                    "maximum",
                    "exclusiveMinimum",
                    "exclusiveMaximum",
                    "multipleOf",
                    "format",
                ]);
                self.only(map, at, &allowed, "a number");
                let format = map.get("format").and_then(Value::as_str);
                let ty = match (ty.as_str(), format) {
                    ("integer", Some("int32")) => Ty::I32,
                    ("integer", _) => Ty::I64,
                    _ => Ty::F64,
                };
                rules.format = format.map(str::to_owned);
                for (key, slot) in [
                    ("minimum", &mut rules.min),
                    ("maximum", &mut rules.max),
                    ("exclusiveMinimum", &mut rules.exclusive_min),
                    ("exclusiveMaximum", &mut rules.exclusive_max),
                    ("multipleOf", &mut rules.multiple_of),
                ] {
                    let Some(v) = map.get(key) else { continue };
                    let here = format!("{at}/{key}");
                    let Value::Number(n) = v else {
                        self.errors.push(Note {
                            pointer: self.doc.show(&here),
                            message: format!("`{key}` must be a number"),
                        });
                        continue;
                    };
                    let fits = match ty {
                        Ty::I32 => n.as_i64().is_some_and(|v| i32::try_from(v).is_ok()),
                        Ty::I64 => n.as_i64().is_some(),
                        _ => true,
                    };
                    if !fits {
                        let kind = if ty == Ty::I32 {
                            "an `i32` (format int32)"
                        } else {
                            "an `i64`"
                        };
                        self.errors.push(Note { pointer: self.doc.show(&here), message: format!("{n} is not {kind}, the field's type: an integer's bounds must be integers of its type") });
                        continue;
                    }
                    if key == "multipleOf" && n.as_f64().is_none_or(|v| v <= 0.0) {
                        self.errors.push(Note {
                            pointer: self.doc.show(&here),
                            message: "`multipleOf` must be positive".into(),
                        });
                        continue;
                    }
                    *slot = Some(n.to_string());
                }
                if rules.min.is_some() && rules.exclusive_min.is_some() {
                    self.cannot(
                        &format!("{at}/exclusiveMinimum"),
                        "exclusiveMinimum",
                        "beside `minimum` has no attribute in the derive (keep the stricter one)",
                    );
                    rules.exclusive_min = None;
                }
                if rules.max.is_some() && rules.exclusive_max.is_some() {
                    self.cannot(
                        &format!("{at}/exclusiveMaximum"),
                        "exclusiveMaximum",
                        "beside `maximum` has no attribute in the derive (keep the stricter one)",
                    );
                    rules.exclusive_max = None;
                }
                if let Some(why) = no_number_between(&rules, ty != Ty::F64) {
                    self.refuse(at, why);
                }
                m::Value { ty, rules }
            }
            "boolean" => {
                self.only(map, at, &allowed, "a boolean");
                m::Value {
                    ty: Ty::Bool,
                    rules,
                }
            }
            "array" => {
                allowed.extend(["items", "minItems", "maxItems", "uniqueItems"]);
                self.only(map, at, &allowed, "an array");
                self.lengths(map, at, "minItems", "maxItems", &mut rules);
                match map.get("uniqueItems") {
                    None | Some(Value::Bool(false)) => {}
                    Some(Value::Bool(true)) => rules.unique = true,
                    Some(_) => self.refuse(
                        &format!("{at}/uniqueItems"),
                        "`uniqueItems` must be a boolean",
                    ),
                }
                match map.get("items") {
                    None | Some(Value::Bool(true)) => {
                        if rules.min_len.is_some() || rules.max_len.is_some() || rules.unique {
                            self.refuse(at, "an array of any items with limits: the derive checks arrays of typed items; give `items` a schema");
                            return None;
                        }
                        rules.schema = Some(r#"{"type":"array"}"#.to_owned());
                        m::Value {
                            ty: Ty::AnyArray,
                            rules,
                        }
                    }
                    Some(items) => {
                        let item = self.lower_value(
                            items,
                            &format!("{at}/items"),
                            &format!("{hint}Item"),
                        )?;
                        if item.ty.is_opaque() || matches!(&item.ty, Ty::Option(t) if t.is_opaque())
                        {
                            self.refuse(
                                &format!("{at}/items"),
                                "items of any type: the derive checks arrays of typed items",
                            );
                            return None;
                        }
                        if items.get("description").is_some()
                            && !self.describes_its_type(&format!("{at}/items"))
                        {
                            self.cannot(&format!("{at}/items/description"), "description", "of an array's items has no place in the derive (only fields and types have doc comments)");
                        }
                        if items.get("default").is_some() {
                            self.cannot(
                                &format!("{at}/items/default"),
                                "default",
                                "of an array's items has no attribute in the derive",
                            );
                        }
                        if !item.rules.is_empty() {
                            rules.items = Some(Box::new(item.rules));
                        }
                        m::Value {
                            ty: Ty::Vec(Box::new(item.ty)),
                            rules,
                        }
                    }
                }
            }
            "object" => {
                allowed.extend([
                    "additionalProperties",
                    "propertyNames",
                    "minProperties",
                    "maxProperties",
                ]);
                self.only(map, at, &allowed, "a map");
                self.lengths(map, at, "minProperties", "maxProperties", &mut rules);
                if let Some(names) = map.get("propertyNames") {
                    let here = format!("{at}/propertyNames");
                    let mut keys = Rules::default();
                    match names {
                        Value::Object(n) => {
                            let mut allowed = vec!["type", "minLength", "maxLength", "pattern"];
                            allowed.retain(|k| {
                                *k != "type" || n.get("type").is_none_or(|t| t == "string")
                            });
                            self.only(n, &here, &allowed, "member names");
                            self.lengths(n, &here, "minLength", "maxLength", &mut keys);
                            if let Some(p) = n.get("pattern") {
                                self.pattern(p, &here, &mut keys);
                            }
                        }
                        _ => self.refuse(&here, "`propertyNames` must be an object"),
                    }
                    if !keys.is_empty() {
                        rules.keys = Some(Box::new(keys));
                    }
                }
                match map.get("additionalProperties") {
                    None | Some(Value::Bool(true)) => {
                        if rules.min_len.is_some()
                            || rules.max_len.is_some()
                            || rules.keys.is_some()
                        {
                            self.refuse(at, "an object of any members with limits: the derive checks maps of typed values; give `additionalProperties` a schema");
                            return None;
                        }
                        rules.schema = Some(r#"{"type":"object"}"#.to_owned());
                        m::Value {
                            ty: Ty::AnyObject,
                            rules,
                        }
                    }
                    Some(Value::Object(o)) if o.is_empty() => {
                        self.refuse(&format!("{at}/additionalProperties"), "a map of any values: the derive checks maps of typed values; remove `additionalProperties: {}` for any object");
                        return None;
                    }
                    Some(Value::Bool(false)) => {
                        self.refuse(
                            &format!("{at}/additionalProperties"),
                            "an object with no member at all: declare `properties`",
                        );
                        return None;
                    }
                    Some(values) => {
                        let value = self.lower_value(
                            values,
                            &format!("{at}/additionalProperties"),
                            &format!("{hint}Value"),
                        )?;
                        if value.ty.is_opaque()
                            || matches!(&value.ty, Ty::Option(t) if t.is_opaque())
                        {
                            self.refuse(
                                &format!("{at}/additionalProperties"),
                                "a map of any values: the derive checks maps of typed values",
                            );
                            return None;
                        }
                        if values.get("description").is_some()
                            && !self.describes_its_type(&format!("{at}/additionalProperties"))
                        {
                            self.cannot(&format!("{at}/additionalProperties/description"), "description", "of a map's values has no place in the derive (only fields and types have doc comments)");
                        }
                        if !value.rules.is_empty() {
                            rules.values = Some(Box::new(value.rules));
                        }
                        m::Value {
                            ty: Ty::Map(Box::new(value.ty)),
                            rules,
                        }
                    }
                }
            }
            "" => {
                self.only(map, at, &allowed, "a schema without a type");
                m::Value { ty: Ty::Any, rules }
            }
            "null" => {
                self.refuse(
                    &format!("{at}/type"),
                    "a value that can only be `null` has no Rust type here",
                );
                return None;
            }
            other => {
                self.refuse(
                    &format!("{at}/type"),
                    format!("`{other}` is not a JSON Schema type"),
                );
                return None;
            }
        };
        Some(value)
    }

    /// A string's `pattern` (at `at`/pattern): a class over the whole string, `^[...]*$`,
    /// is a `charset`; any other pattern is a `pattern`, compiled here as the derive will
    /// compile it, so that one the derive would refuse is refused here, with its pointer.
    fn pattern(&mut self, p: &Value, at: &str, rules: &mut Rules) {
        let here = format!("{at}/pattern");
        let Some(p) = p.as_str() else {
            self.refuse(&here, "`pattern` must be a string");
            return;
        };
        if let Ok(set) = charset::from_pattern(p) {
            rules.charset = Some(charset::attribute(&set));
            return;
        }
        match authlete_models_pattern::compile(p, crate::MAX_STATES) {
            Ok(_) => rules.pattern = Some(p.to_owned()),
            Err(refusal) => self.cannot(
                &here,
                "pattern",
                &format!(
                    "is `{p}`, which the derive cannot check: {}",
                    refusal.message()
                ),
            ),
        }
    }

    /// A pair of length keywords (`minLength`/`maxLength`, `minItems`/`maxItems`...), each a
    /// whole number; a minimum of 0 says nothing and is left out.
    fn lengths(
        &mut self,
        map: &Map<String, Value>,
        at: &str,
        min: &str,
        max: &str,
        rules: &mut Rules,
    ) {
        for (key, is_min) in [(min, true), (max, false)] {
            let Some(v) = map.get(key) else { continue };
            match v.as_u64() {
                Some(0) if is_min => {}
                Some(n) if is_min => rules.min_len = Some(n),
                Some(n) => rules.max_len = Some(n),
                None => self.refuse(
                    &format!("{at}/{key}"),
                    format!("`{key}` must be a whole number"),
                ),
            }
        }
        if let (Some(lo), Some(hi)) = (rules.min_len, rules.max_len) {
            if lo > hi {
                self.refuse(
                    at,
                    format!("`{min}` {lo} is more than `{max}` {hi}: no value fits"),
                );
            }
        }
    }
}

/// A schema with the `null` it allows taken out.
pub struct Unwrapped {
    /// The schema without `null`.
    pub map: Map<String, Value>,
    /// Whether it allowed `null`.
    pub nullable: bool,
    /// Where the schema without `null` is: the branch of an `anyOf` with `null`, or the node.
    pub at: String,
}

/// Why a schema's `null` could not be taken out.
pub enum Unwrap {
    /// A malformed schema: where, and why.
    Refused(String, String),
    /// A `type` listing several types besides `null`, at this pointer.
    SeveralTypes(String),
}

/// Takes out the `null` a schema allows, in each way it can be written: `type: [t, "null"]`,
/// OpenAPI 3.0's `nullable: true`, `null` among `enum` values, or `anyOf` (or `oneOf`) of a
/// schema and `{"type": "null"}`. An `allOf` of one `$ref` alone (OpenAPI 3.0's way to put
/// keywords beside a reference) becomes the `$ref`.
pub fn unwrap_null(map: &Map<String, Value>, at: &str) -> Result<Unwrapped, Unwrap> {
    let mut map = map.clone();
    let mut at = at.to_owned();
    let mut nullable = false;
    if map.get("nullable") == Some(&Value::Bool(true)) {
        map.remove("nullable");
        nullable = true;
    }
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(options)) = map.get(key).cloned() else {
            continue;
        };
        let null = serde_json::json!({"type": "null"});
        if options.len() == 2 && options.contains(&null) {
            let i = usize::from(options[0] == null);
            map.remove(key);
            let branch = format!("{at}/{key}/{i}");
            let Value::Object(inner) = &options[i] else {
                return Err(Unwrap::Refused(branch, "a schema must be an object".into()));
            };
            for (k, v) in inner {
                if map.insert(k.clone(), v.clone()).is_some() {
                    return Err(Unwrap::Refused(
                        format!("{branch}/{}", crate::input::escape(k)),
                        format!("`{k}` is also beside `{key}`: write it once"),
                    ));
                }
            }
            nullable = true;
            at = branch;
            break;
        }
    }
    if let Some(Value::Array(types)) = map.get("type").cloned() {
        let others: Vec<&Value> = types.iter().filter(|t| *t != "null").collect();
        match others.as_slice() {
            [t] => {
                nullable |= others.len() < types.len();
                let t = (*t).clone();
                map.insert("type".into(), t);
            }
            _ => return Err(Unwrap::SeveralTypes(format!("{at}/type"))),
        }
    }
    if let Some(Value::Array(values)) = map.get_mut("enum") {
        if values.contains(&Value::Null) && values.len() > 1 {
            values.retain(|v| !v.is_null());
            nullable = true;
        }
    }
    if let Some(Value::Array(parts)) = map.get("allOf") {
        if let [Value::Object(part)] = parts.as_slice() {
            if part.len() == 1
                && part.contains_key("$ref")
                && !map.contains_key("$ref")
                && !map.contains_key("properties")
            {
                let r = part["$ref"].clone();
                map.remove("allOf");
                map.insert("$ref".into(), r);
            }
        }
    }
    Ok(Unwrapped { map, nullable, at })
}

/// Why the bounds of `rules` leave no number (no integer, for `integer`), if they do.
fn no_number_between(rules: &Rules, integer: bool) -> Option<String> {
    let parse = |v: &Option<String>| v.as_deref().and_then(|v| v.parse::<f64>().ok());
    let (min, max) = (parse(&rules.min), parse(&rules.max));
    let (emin, emax) = (parse(&rules.exclusive_min), parse(&rules.exclusive_max));
    let empty = if integer {
        // The least and the greatest integer each side allows.
        let lo = min.or(emin.map(|e| e + 1.0));
        let hi = max.or(emax.map(|e| e - 1.0));
        matches!((lo, hi), (Some(lo), Some(hi)) if lo > hi)
    } else {
        match (min.or(emin), max.or(emax)) {
            (Some(lo), Some(hi)) => lo > hi || (lo == hi && (emin.is_some() || emax.is_some())),
            _ => false,
        }
    };
    empty.then(|| {
        let side = |inclusive: Option<f64>, key: &str, exclusive: Option<f64>, ekey: &str| match (
            inclusive, exclusive,
        ) {
            (Some(v), _) => format!("`{key}` {v}"),
            (_, Some(v)) => format!("`{ekey}` {v}"),
            _ => String::new(),
        };
        format!(
            "{} and {} leave no value",
            side(min, "minimum", emin, "exclusiveMinimum"),
            side(max, "maximum", emax, "exclusiveMaximum")
        )
    })
}

/// Whether a schema is an object with declared members, a struct.
pub fn is_struct(map: &Map<String, Value>) -> bool {
    map.contains_key("properties")
}

/// Whether `d` is the `Default` value of `ty`, as JSON.
fn is_default_of(ty: &Ty, d: &Value) -> bool {
    match ty {
        Ty::String | Ty::Secret => d == "",
        Ty::Bool => d == false,
        Ty::I32 | Ty::I64 => d.as_i64() == Some(0),
        Ty::F64 => d.as_f64().is_some_and(|v| v == 0.0 && v.is_sign_positive()),
        Ty::Vec(_) | Ty::AnyArray => d.as_array().is_some_and(Vec::is_empty),
        Ty::Map(_) | Ty::AnyObject => d.as_object().is_some_and(Map::is_empty),
        Ty::Any => d.is_null(),
        _ => false,
    }
}

/// Where and why a schema is refused.
pub type Refused = (String, String);

/// Merges an `allOf` of object schemas (and `$ref`s to them) into one object schema: the
/// members in order, `required` joined, and the keywords beside `allOf` kept.
pub fn merge_all_of(
    doc: &Document,
    map: &Map<String, Value>,
    at: &str,
) -> Result<(Map<String, Value>, Vec<String>), Refused> {
    let mut out = map.clone();
    out.remove("allOf");
    if out
        .get("additionalProperties")
        .is_some_and(|a| a != &Value::Bool(true))
    {
        return Err((
            format!("{at}/additionalProperties"),
            "`additionalProperties` beside `allOf` sees only the members declared beside it, and refuses those of the parts: the derive cannot say that (write one object schema instead)".into(),
        ));
    }
    let Some(Value::Array(parts)) = map.get("allOf") else {
        return Err((format!("{at}/allOf"), "`allOf` must be an array".into()));
    };
    let mut props = match out.remove("properties") {
        Some(Value::Object(p)) => p,
        _ => Map::new(),
    };
    let mut required: Vec<Value> = match out.remove("required") {
        Some(Value::Array(r)) => r,
        _ => Vec::new(),
    };
    let mut part_props = Map::new();
    let mut order: Vec<String> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let here = format!("{at}/allOf/{i}");
        let mut node = part;
        let mut node_at = here.clone();
        for _ in 0..16 {
            match node.get("$ref").and_then(Value::as_str) {
                Some(r) => {
                    let Some(target) = ref_target(r) else {
                        return Err((
                            here,
                            format!(
                                "`$ref` to `{r}`: only references inside the document are read"
                            ),
                        ));
                    };
                    node = doc.at(&target).ok_or_else(|| {
                        (here.clone(), format!("`$ref` to `{r}`, which is not there"))
                    })?;
                    node_at = target;
                }
                None => break,
            }
        }
        let Value::Object(part_map) = node else {
            return Err((
                node_at,
                "each part of `allOf` must be an object schema".into(),
            ));
        };
        let (part_map, part_order) = if part_map.contains_key("allOf") {
            merge_all_of(doc, part_map, &node_at)?
        } else {
            let order = match part_map.get("properties") {
                Some(Value::Object(p)) => doc
                    .keys(&format!("{node_at}/properties"), p)
                    .into_iter()
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            (part_map.clone(), order)
        };
        if part_map
            .get("additionalProperties")
            .is_some_and(|a| a != &Value::Bool(true))
        {
            return Err((
                format!("{node_at}/additionalProperties"),
                "`additionalProperties` in a part of `allOf` refuses the members of the other parts: the derive cannot say that (write one object schema instead)".into(),
            ));
        }
        for key in part_map.keys() {
            if ![
                "type",
                "properties",
                "required",
                "description",
                "additionalProperties",
            ]
            .contains(&key.as_str())
                && !ignorable(key)
            {
                return Err((
                    format!("{node_at}/{key}"),
                    format!(
                        "`{key}` in a part of `allOf`: only object schemas (`properties`, `required`) are merged"
                    ),
                ));
            }
        }
        if part_map.get("type").is_some_and(|t| t != "object") {
            return Err((
                format!("{node_at}/type"),
                "each part of `allOf` must be an object".into(),
            ));
        }
        if let Some(Value::Object(p)) = part_map.get("properties") {
            for k in part_order {
                let v = &p[&k];
                order.push(k.clone());
                if part_props.insert(k.clone(), v.clone()).is_some() {
                    return Err((
                        format!("{node_at}/properties/{}", crate::input::escape(&k)),
                        format!("`{k}` is declared by two parts of `allOf`"),
                    ));
                }
            }
        }
        if let Some(Value::Array(r)) = part_map.get("required") {
            for name in r {
                if !required.contains(name) {
                    required.push(name.clone());
                }
            }
        }
    }
    let own: Vec<String> = doc
        .keys(&format!("{at}/properties"), &props)
        .into_iter()
        .cloned()
        .collect();
    for k in own {
        let v = props.remove(&k).unwrap_or_default();
        if part_props.insert(k.clone(), v).is_some() {
            return Err((
                format!("{at}/properties/{}", crate::input::escape(&k)),
                format!("`{k}` is declared beside `allOf` and in one of its parts"),
            ));
        }
        order.push(k);
    }
    out.insert("type".into(), "object".into());
    out.insert("properties".into(), Value::Object(part_props));
    if !required.is_empty() {
        out.insert("required".into(), Value::Array(required));
    }
    Ok((out, order))
}

/// A struct's members in document order, an `allOf`'s merged: each with its schema.
pub fn properties(
    doc: &Document,
    map: &Map<String, Value>,
    order: &[String],
    at: &str,
) -> Vec<(String, Value)> {
    let Some(Value::Object(props)) = map.get("properties") else {
        return Vec::new();
    };
    let keys: Vec<String> = if order.is_empty() {
        doc.keys(&format!("{at}/properties"), props)
            .into_iter()
            .cloned()
            .collect()
    } else {
        order.to_vec()
    };
    keys.into_iter()
        .filter_map(|k| Some((k.clone(), props.get(&k)?.clone())))
        .collect()
}
