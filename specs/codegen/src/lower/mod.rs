//! From schemas to types: what each keyword becomes, and a refusal, with its pointer, for each
//! keyword the derive cannot express.
//!
//! One module per kind of schema, as the runtime's `rules/` has one per rule. This one holds
//! the entry point, the state of a lowering, the dispatch of each schema to its kind, and the
//! helpers every kind shares (notes, refusals, keyword lists, lengths, held values). Then:
//! - [`objects`]: structs: `properties`, `required`, `additionalProperties`, `allOf` merged;
//! - [`maps`]: objects of any members: `additionalProperties` as a schema, `propertyNames`,
//!   `minProperties`, `maxProperties`;
//! - [`arrays`]: `items`, `minItems`, `maxItems`, `uniqueItems`;
//! - [`scalars`]: strings (lengths, `pattern` as `charset` or `pattern`, `format`), numbers,
//!   booleans and string enums;
//! - [`references`]: `$ref`: the type it names, aliases, what a type holds, and `Box` where a
//!   type holds itself;
//! - [`unions`]: the `null` a schema allows, in each way it can be written (an `Option`), and
//!   `oneOf`, `anyOf` and `type` lists: enums of values;
//! - [`annotations`]: `description`, `title`, `examples`, `readOnly`, `writeOnly`, `default`,
//!   and the keywords that describe nothing (`$comment`, `x-`).

mod annotations;
mod arrays;
mod maps;
mod objects;
mod presence;
mod references;
mod scalars;
mod unions;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde_json::{Map, Value};

pub use maps::names_pattern;
pub use objects::{
    Member, declare_required, implies, is_struct, matches_every_name, merge_all_of, never,
    pattern_entries, properties, without_null,
};
pub use presence::{common_required, plain_presence, presence_names, presence_rules};

/// Whether the schema at `pointer` is a struct or an enum that also allows `null`: a Rust
/// struct or enum cannot hold `null`, so every value that holds it by a `$ref` is an `Option`.
/// So is a union that allows `null`: an optional member holding it takes `null` as `None`
/// rather than refusing it.
pub fn holds_null(doc: &Document, pointer: &str) -> bool {
    if let Some(&known) = doc.holds_null.borrow().get(pointer) {
        return known;
    }
    let found = finds_null(doc, pointer);
    doc.holds_null
        .borrow_mut()
        .insert(pointer.to_owned(), found);
    found
}

fn finds_null(doc: &Document, pointer: &str) -> bool {
    let Some(Value::Object(map)) = doc.at(pointer) else {
        return false;
    };
    let mut map = Cow::Borrowed(map);
    plain(&mut map);
    if map.contains_key("allOf") {
        match merge_all_of(doc, &map, pointer) {
            Ok((merged, _)) => map = Cow::Owned(merged),
            Err(_) => return false,
        }
    }
    (is_struct(&map) || map.contains_key("enum") || is_union(&map))
        && unwrap_null(map, pointer).is_ok_and(|u| u.nullable)
}

/// The keywords that apply to one kind of value alone, and the `type`s of those values: a
/// validator ignores them in a value of any other type.
const APPLIES_TO: &[(&[&str], &[&str])] = &[
    (
        &[
            "properties",
            "required",
            "additionalProperties",
            "patternProperties",
            "propertyNames",
            "minProperties",
            "maxProperties",
            "dependentRequired",
            "dependentSchemas",
            "dependencies",
            "unevaluatedProperties",
        ],
        &["object"],
    ),
    (
        &[
            "items",
            "prefixItems",
            "additionalItems",
            "minItems",
            "maxItems",
            "uniqueItems",
            "contains",
            "minContains",
            "maxContains",
            "unevaluatedItems",
        ],
        &["array"],
    ),
    (&["minLength", "maxLength", "pattern"], &["string"]),
    (
        &[
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ],
        &["number", "integer"],
    ),
];

/// The names of `roots` and of every type they hold, through any number of others.
pub fn reached(types: &[TypeDef], roots: &[String]) -> BTreeSet<String> {
    let by_name: BTreeMap<&str, &TypeDef> = types.iter().map(|t| (t.name.as_str(), t)).collect();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut todo: Vec<String> = roots.to_vec();
    while let Some(name) = todo.pop() {
        if let Some(t) = by_name.get(name.as_str()) {
            if seen.insert(name) {
                todo.extend(uses(t));
            }
        }
    }
    seen
}

/// A schema in the fewest keywords that say the same: a part of `allOf` that is `{}` or
/// `true` says nothing (an `allOf` of none is gone), nor does OpenAPI's `discriminator` (the
/// branches check the member it names), a string `const` is an `enum` of one value, a
/// `$ref` beside an object's keywords is the first part of an `allOf` (see
/// [`objects::ref_as_part`]), and a keyword that applies only to values of a type the
/// schema's `type` does not allow checks nothing. Returns those keywords, which are taken
/// out. The schema is copied only when it changes.
pub fn plain(map: &mut Cow<'_, Map<String, Value>>) -> Vec<String> {
    let types: Vec<&str> = match map.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let idle: Vec<String> = if types.is_empty() {
        Vec::new()
    } else {
        map.keys()
            .filter(|k| {
                APPLIES_TO.iter().any(|(keys, to)| {
                    keys.contains(&k.as_str()) && !to.iter().any(|t| types.contains(t))
                })
            })
            .cloned()
            .collect()
    };
    // Without these keywords, and no idle one, the schema is as plain as it gets: it is left
    // as it is, not copied.
    const CHANGED_BY: &[&str] = &[
        "discriminator",
        "$ref",
        "unevaluatedProperties",
        "allOf",
        "const",
    ];
    if idle.is_empty() && !CHANGED_BY.iter().any(|k| map.contains_key(*k)) {
        return idle;
    }
    let map = map.to_mut();
    for k in &idle {
        map.remove(k);
    }
    map.remove("discriminator");
    objects::ref_as_part(map);
    objects::evaluated(map);
    hoist_annotations(map);
    if let Some(Value::Array(parts)) = map.get_mut("allOf") {
        parts.retain(|p| !(p == &Value::Bool(true) || p.as_object().is_some_and(Map::is_empty)));
        if parts.is_empty() {
            map.remove("allOf");
        }
    }
    scalars::const_as_enum(map);
    idle
}
/// A schema as lowering reads it: the document's own, or a copy that a step changed.
pub type Schema<'a> = Cow<'a, Map<String, Value>>;

/// Takes `key` out of `map`, which is copied only when it has the key.
pub fn take(map: &mut Schema<'_>, key: &str) -> Option<Value> {
    if !map.contains_key(key) {
        return None;
    }
    map.to_mut().remove(key)
}

const MOVED: &[&str] = &["readOnly", "writeOnly", "deprecated"];
const ANNOTATIONS: &[&str] = &["description", "title", "examples", "$comment"];

/// Whether a part of `allOf` holds annotations alone (extensions among them), `MOVED`'s too
/// when `moved`.
fn annotations_alone(part: &Map<String, Value>, moved: bool) -> bool {
    part.keys().all(|k| {
        ANNOTATIONS.contains(&k.as_str())
            || k.starts_with("x-")
            || (moved && MOVED.contains(&k.as_str()))
    })
}

/// The description of the first part of `allOf` that holds only annotations, and that part's
/// index: the description [`plain`] moves beside the `allOf` when there is none there.
pub fn described_by_part(map: &Map<String, Value>) -> Option<(usize, &Value)> {
    let Some(Value::Array(parts)) = map.get("allOf") else {
        return None;
    };
    parts.iter().enumerate().find_map(|(i, part)| {
        let p = part.as_object().filter(|p| annotations_alone(p, true))?;
        Some((i, p.get("description")?))
    })
}

/// A part of `allOf` says its `readOnly`, `writeOnly` and `deprecated` of the whole value:
/// they move beside the `allOf`, true where any part or the schema says so (as JSON Schema
/// reads an annotation met more than once; `{"allOf": [{"$ref": ...}, {"readOnly": true}]}`).
/// A part that holds only annotations says its `description`, `title`, `examples` and
/// `$comment` of the whole value too, where the schema has none of its own (its own win). The
/// part, then empty, goes: an `allOf` of a `$ref` and a description is that `$ref` with the
/// description, not a copy of the type it names.
fn hoist_annotations(map: &mut Map<String, Value>) {
    let Some(Value::Array(parts)) = map.get_mut("allOf") else {
        return;
    };
    let mut moves: Vec<(&str, Value)> = Vec::new();
    for p in parts.iter_mut().filter_map(Value::as_object_mut) {
        moves.extend(MOVED.iter().filter_map(|k| Some((*k, p.remove(*k)?))));
    }
    for (key, value) in moves {
        if value == Value::Bool(true) || !map.contains_key(key) {
            map.insert(key.to_owned(), value);
        }
    }
    // A part left with annotations alone gives them up, and goes.
    let mut notes = Vec::new();
    if let Some(Value::Array(parts)) = map.get_mut("allOf") {
        for p in parts.iter_mut().filter_map(Value::as_object_mut) {
            if annotations_alone(p, false) {
                notes.extend(ANNOTATIONS.iter().filter_map(|k| Some((*k, p.remove(*k)?))));
                p.clear();
            }
        }
    }
    for (key, value) in notes {
        map.entry(key).or_insert(value);
    }
}

pub use annotations::default_written;
pub use scalars::{integer_bound_is_idle, not_patterns};
pub use unions::{branches, is_union, synthetic, unwrap_null};

use crate::input::Document;
use crate::model::{self as m, Kind, Rules, Ty, TypeDef};
use crate::{Note, Options, names};
use annotations::{NOTES, ignorable};
use references::{alias_cycles, box_recursion, uses};

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
    /// The pointers of every schema written inside another (a member, an item, a map's
    /// value, a branch) and given a type of its own: its title, `deprecated`, `format` and
    /// a union's `null` are its holder's.
    pub held: BTreeSet<String>,
    /// The types that lost a keyword to `lossy`, or hold one that did: their schemas are not
    /// the document's.
    pub lossy: BTreeSet<String>,
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
        held: BTreeSet::new(),
        lossy: BTreeSet::new(),
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
    let ignored = ignored_by_owner(doc);
    while let Some((name, pointer, inline)) = l.queue.pop_front() {
        l.current = name.clone();
        l.errors.clear();
        if !inline {
            if let Some(notes) = ignored.get(pointer.as_str()) {
                l.warnings.extend(notes.iter().cloned());
            }
        }
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
    // with it, unless a type that is not refused holds it too (a member that a merged `allOf`
    // takes from a part names the part's inline type).
    loop {
        let before = refused_types.len();
        // What the types not refused hold, found once a round when a refused type has kids.
        let mut held: Option<BTreeSet<String>> = None;
        for (parent, kids) in &l.children {
            if refused_types.contains_key(parent) {
                let held = held.get_or_insert_with(|| {
                    types
                        .iter()
                        .filter(|t| !refused_types.contains_key(&t.name))
                        .flat_map(|t| uses(t).into_iter().filter(|u| *u != t.name))
                        .collect()
                });
                for kid in kids {
                    if !held.contains(kid) {
                        refused_types.entry(kid.clone()).or_default();
                    }
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
    let cyclic = alias_cycles(&types);
    let mut refused_cycle = Vec::new();
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
        refused_cycle.push(note);
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
    refused.append(&mut refused_cycle);
    Lowered {
        types,
        names: l.names,
        refused,
        refused_names,
        warnings: l.warnings,
        inline: l.inline,
        held: l.held,
        lossy,
    }
}

/// The warnings for the keywords dropped from beside a `$ref` ([`Document::ignored`]), under
/// the pointer of the named schema that holds each (the longest that leads to it), said when
/// that schema is lowered.
fn ignored_by_owner(doc: &Document) -> BTreeMap<&str, Vec<Note>> {
    let mut out: BTreeMap<&str, Vec<Note>> = BTreeMap::new();
    for (at, note) in &doc.ignored {
        let owner = doc
            .named
            .iter()
            .map(|n| n.pointer.as_str())
            .filter(|p| {
                at.strip_prefix(p)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
            .max_by_key(|p| p.len());
        if let Some(owner) = owner {
            out.entry(owner).or_default().push(note.clone());
        }
    }
    out
}

/// The state of a lowering: the types named and still to lower, and the notes of the type
/// being lowered. Each kind of schema adds its own `impl` in its module.
struct Lowering<'d> {
    doc: &'d Document,
    options: &'d Options,
    names: BTreeMap<String, String>,
    unique: names::Unique,
    queue: VecDeque<(String, String, bool)>,
    /// The inline types each type found, to drop with it when it is refused.
    children: BTreeMap<String, Vec<String>>,
    inline: BTreeSet<String>,
    held: BTreeSet<String>,
    /// The types that lost a keyword to `lossy`.
    lossy: BTreeSet<String>,
    current: String,
    errors: Vec<Note>,
    warnings: Vec<Note>,
}

impl<'d> Lowering<'d> {
    /// A type: a struct or a string enum, an alias of a `$ref` alone, or a newtype of any
    /// other value.
    fn lower_type(&mut self, name: &str, pointer: &str, inline: bool) -> Option<TypeDef> {
        let (mut map, order) = self.node(pointer)?;
        // A JSON Schema document's root also holds the document's own keywords.
        if pointer.is_empty() {
            for key in ["$schema", "$id", "$defs", "definitions"] {
                take(&mut map, key);
            }
        }
        if is_struct(&map) || map.contains_key("enum") {
            self.type_without_null(&mut map, pointer, inline);
        }
        self.own_title(&mut map, name, inline);
        if !inline {
            self.type_default(&mut map, pointer);
        }
        // An inline type written in a member leaves its description and annotations to the
        // field; one that is an item or a map's value takes its description and examples.
        let described = !self.inline.contains(pointer);
        let union = !is_struct(&map) && !map.contains_key("enum") && is_union(&map);
        let notes = if inline {
            m::TypeNotes::default()
        } else {
            let whole = is_struct(&map) || map.contains_key("enum") || union;
            self.type_notes(&mut map, pointer, whole)
        };
        let doc = if described {
            self.doc_of(&map, pointer)
        } else {
            None
        };
        let at = pointer;
        let mut examples = None;
        let kind = if union {
            if described {
                examples = self.examples(&map, at);
            }
            take(&mut map, "examples");
            self.lower_union(name, &map, at, inline)?
        } else if is_struct(&map) || (map.contains_key("enum") && !map.contains_key("$ref")) {
            if described {
                examples = self.examples(&map, at);
            }
            if !inline {
                take(&mut map, "examples");
            }
            if is_struct(&map) {
                self.lower_struct(name, &map, &order, at, inline)?
            } else {
                Kind::Enum(self.lower_enum(&map, at, inline)?)
            }
        } else if !inline
            && map.len() == map.contains_key("description") as usize + 1
            && map.contains_key("$ref")
        {
            self.lower_alias(name, &map, at)?
        } else {
            let mut body = map;
            take(&mut body, "description");
            self.type_default(&mut body, at);
            let value = self.lower_schema(&body, at, name)?;
            Kind::Newtype(Box::new(value))
        };
        Some(TypeDef {
            name: name.to_owned(),
            pointer: pointer.to_owned(),
            doc,
            examples,
            notes,
            kind,
        })
    }

    /// The node of a type, with an `allOf` merged, and the order of its members when merged:
    /// the document's own node when nothing changes it.
    fn node(&mut self, pointer: &str) -> Option<(Schema<'d>, Vec<objects::Member>)> {
        let doc = self.doc;
        let Some(node) = doc.at(pointer) else {
            self.refuse(pointer, "the schema is not there");
            return None;
        };
        let mut map = match node {
            Value::Object(map) => Cow::Borrowed(map),
            _ => match unions::synthetic(doc, pointer) {
                Some(map) => Cow::Owned(map),
                None => {
                    self.refuse(pointer, "a type's schema must be an object");
                    return None;
                }
            },
        };
        let idle = plain(&mut map);
        self.idle(&idle, &map, pointer);
        let (mut map, order) = if map.contains_key("allOf") {
            match merge_all_of(doc, &map, pointer) {
                Ok((merged, order)) => (Cow::Owned(merged), order),
                Err((at, why)) => {
                    self.refuse(&at, why);
                    return None;
                }
            }
        } else {
            (map, Vec::new())
        };
        presence::plain_presence(doc, &mut map);
        presence::common_required(&mut map);
        objects::declare_required(&mut map);
        Some((map, order))
    }

    /// A value: its type and rules, from its schema. An inline object or enum becomes a type of
    /// its own, named after `hint`.
    fn lower_value(&mut self, node: &Value, at: &str, hint: &str) -> Option<m::Value> {
        match node {
            Value::Bool(true) => Some(m::Value {
                ty: Ty::Any,
                rules: Rules::default(),
            }),
            Value::Object(map) => self.lower_schema(map, at, hint),
            _ => {
                self.refuse(at, "a schema must be an object (or `true`)");
                None
            }
        }
    }

    /// A value whose schema is the object `map` (see [`Lowering::lower_value`]).
    fn lower_schema(&mut self, map: &Map<String, Value>, at: &str, hint: &str) -> Option<m::Value> {
        let mut map = Cow::Borrowed(map);
        let idle = plain(&mut map);
        self.idle(&idle, &map, at);
        let u = self.strip_null(map, at)?;
        let mut value = self.lower_non_null(&u.map, &u.at, hint)?;
        if u.nullable && !matches!(value.ty, Ty::Option(_)) {
            value.ty = Ty::Option(Box::new(value.ty));
        }
        Some(value)
    }

    /// A value that is not `null`, by its kind: a reference, an inline type of its own, or a
    /// value of its `type` (told by `items` or `additionalProperties` when there is none).
    fn lower_non_null(
        &mut self,
        map: &Map<String, Value>,
        at: &str,
        hint: &str,
    ) -> Option<m::Value> {
        let mut rules = Rules::default();
        self.notes(map, at, &mut rules);
        if let Some(r) = map.get("$ref") {
            return self.lower_reference(r, map, at, rules);
        }
        if map.contains_key("allOf") || is_struct(map) || map.contains_key("enum") || is_union(map)
        {
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
                    "`type` must be a string or a list of types",
                );
                return None;
            }
            None if map.contains_key("items") => {
                self.narrowed(at, "`items`", "an array");
                "array".to_owned()
            }
            None if map.contains_key("additionalProperties")
                || map.contains_key("patternProperties") =>
            {
                self.narrowed(at, "`additionalProperties`", "an object");
                "object".to_owned()
            }
            None => String::new(),
        };
        match ty.as_str() {
            "string" => Some(self.lower_string(map, at, rules)),
            "integer" | "number" => Some(self.lower_number(map, at, ty == "integer", rules)),
            "boolean" => Some(self.lower_boolean(map, at, rules)),
            "array" => self.lower_array(map, at, hint, rules),
            "object" => self.lower_map(map, at, hint, rules),
            "" => {
                self.only(map, at, &[&["type"], NOTES], "a schema without a type");
                Some(m::Value { ty: Ty::Any, rules })
            }
            "null" => {
                self.only(map, at, &[&["type"], NOTES], "`null`");
                Some(m::Value {
                    ty: Ty::Unit,
                    rules,
                })
            }
            other => {
                self.refuse(
                    &format!("{at}/type"),
                    format!("`{other}` is not a JSON Schema type"),
                );
                None
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
            self.held.insert(at.to_owned());
        }
        self.queue.push_back((name.clone(), at.to_owned(), inline));
        self.children
            .entry(self.current.clone())
            .or_default()
            .push(name.clone());
        name
    }

    /// A value an array, a map or a union holds (its `items`, its `additionalProperties`, a
    /// branch), at `at`: its description is refused unless it is a type's own, as `whose`
    /// values have no doc comment.
    fn held_value(&mut self, node: &Value, at: &str, hint: &str, whose: &str) -> Option<m::Value> {
        let value = self.lower_value(node, at, hint)?;
        if node.get("default").is_some() {
            self.default_dropped(
                &format!("{at}/default"),
                &format!("of {whose} has no attribute in the derive (only a field has a default)"),
            );
        }
        if node.get("description").is_some() && !self.describes_its_type(at) {
            let note = self.note(
                &format!("{at}/description"),
                format!("`description` of {whose} has no place in the derive (only fields and types have doc comments); dropped"),
            );
            self.warnings.push(note);
        }
        Some(value)
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

    /// A warning that the schema at `at`, which has `keyword` and no `type`, is read as `what`:
    /// the value then refuses the other values the schema accepts.
    fn narrowed(&mut self, at: &str, keyword: &str, what: &str) {
        let note = self.note(
            at,
            format!("has {keyword} and no `type`: read as {what}, so the value refuses the values of other types that the schema accepts"),
        );
        self.warnings.push(note);
    }

    /// A warning for each keyword [`plain`] took out of the schema at `at` (now `map`), which
    /// applies to no value its `type` allows. Said once per place.
    fn idle(&mut self, keys: &[String], map: &Map<String, Value>, at: &str) {
        let types = match map.get("type") {
            Some(Value::Array(list)) => list
                .iter()
                .filter_map(Value::as_str)
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", "),
            Some(t) => format!("`{}`", t.as_str().unwrap_or_default()),
            None => String::new(),
        };
        for key in keys {
            let note = self.note(
                &format!("{at}/{}", crate::input::escape(key)),
                format!("`{key}` applies to no value of the schema's type ({types}): it checks nothing, as in any validator; dropped"),
            );
            if !self.warnings.contains(&note) {
                self.warnings.push(note);
            }
        }
    }

    /// Refuses every key of `map` in none of the lists of `allowed`; drops comments and
    /// extensions with a warning.
    fn only(&mut self, map: &Map<String, Value>, at: &str, allowed: &[&[&str]], what: &str) {
        for key in map.keys() {
            if allowed.iter().any(|list| list.contains(&key.as_str())) {
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
                self.cannot(&here, key, &unsupported(key, what));
            }
        }
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

    fn refuse(&mut self, pointer: &str, message: impl Into<String>) {
        let note = self.note(pointer, message.into());
        self.errors.push(note);
    }

    fn note(&self, pointer: &str, message: String) -> Note {
        Note {
            pointer: self.doc.show(pointer),
            root_pointer: pointer.to_owned(),
            message,
        }
    }
}

/// Why the derive cannot express `key` where it is, in a schema of `what`: the keywords no
/// kind of schema reads yet, and any other keyword of another kind.
fn unsupported(key: &str, what: &str) -> String {
    match key {
        "oneOf" | "anyOf" => format!("beside the keywords of {what} would need each branch to hold them too, which the derive does not make: write them in each branch"),
        "const" => "of a value other than a string has no attribute in the derive (a string `const` is an enum of one value)".to_owned(),
        "title" => "names a type, and the derive titles each type with its Rust name".to_owned(),
        "deprecated" => "has no attribute in the derive".to_owned(),
        "not" | "if" | "then" | "else" | "dependentSchemas" | "dependentRequired" | "patternProperties" | "prefixItems" | "contains" | "minContains" | "maxContains" | "unevaluatedProperties" | "unevaluatedItems" => "has no attribute in the derive".to_owned(),
        _ => format!("does not apply to {what} in the derive"),
    }
}
