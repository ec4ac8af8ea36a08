//! Reading a document: what kind it is, which schemas it names, and where `$ref`s lead.
//!
//! Three kinds are read:
//! - an OpenAPI document, 3.0 or 3.1: its `components.schemas`, and the request and response
//!   bodies of its operations that are written inline (named after their operation);
//! - a JSON Schema document (draft-06, draft-07, 2019-09 or 2020-12, told by `$schema`; older
//!   drafts are not read): the root schema, unless it only holds `$defs` (or `definitions`)
//!   and says nothing of its own, and each of its `$defs` (or `definitions`);
//! - a set of contracts (`specs/<group>/*.json`): each a `{"model", "schema"}`, whose schemas
//!   refer to each other as `#/$defs/<model>`, whatever folder each is in.
//!
//! A document is JSON or YAML: YAML when its file's name ends in `.yaml` or `.yml`, else JSON
//! when it starts with `{` or `[` and reads as JSON, else YAML (`order.rs` reads YAML, in the
//! order of its members). Every kind becomes one JSON value with named schemas at known
//! pointers, so that the rest of the generator reads them alike and follows only references
//! inside that value (`#/...`). To get there, each `$ref` is resolved here, once, as JSON Schema
//! resolves it: against the base URI that the `$id`s around it set (else the location of the
//! file that holds it), to
//! - a subschema that an `$id` names (`"$ref": "address.json"`, `"address.json#/properties/x"`,
//!   or the root's own `"https://example.com/root.json#/definitions/a"`),
//! - a plain-name fragment that an `$anchor` (or `$dynamicAnchor`, or draft-07's
//!   `"$id": "#address"`) gives, within its resource,
//! - a JSON Pointer fragment, within its resource,
//! - or a file (`common.yaml#/components/schemas/Error`, `./defs/address.json`,
//!   `../x.json#/$defs/A`), JSON or YAML, read once however many references name it, its own
//!   references resolved from where it is.
//!
//! Each file read is grafted into the root value at `/$defs/$files/<path>/<name>`: `<path>` is
//! its path from the document's folder as messages show it (`defs/address.json`), `<name>` its
//! root's `title`, else its file name before the first `.`, which is the name a reference to the
//! whole file gives its type (the `title` then goes, as a type's own title does). The root's
//! `$defs` is a place the generator reads as nothing but named schemas, and `$files` one that
//! names none (another name is taken if the document has a schema of that name). The `$defs`
//! (or `definitions`) of every schema but the document's root are moved out of their schema,
//! to `/$defs/$files/<path>/<pointer of the $defs member>` (`<path>` the document's own file
//! name for its own), so that the schema is a plain one; a subschema's `$id` and `$schema`,
//! and every `$anchor` and `$dynamicAnchor`, go once read. Each reference that resolved is
//! rewritten to the pointer it leads to, as a URI fragment writes it (percent-encoded where a
//! fragment cannot hold a character as it is: `#/$defs/$files/a.json/Postal%20address`), so
//! that a validator reads the root value as the generator does; one already written so is
//! kept. [`Document::show`] shows every grafted or moved pointer where its file writes it
//! (`common.yaml#/components/schemas/Error`, `#/$defs/A/$defs/B`).
//!
//! A reference that resolves to nothing (a file that is missing, unreadable, not JSON nor YAML
//! or of a draft not read; a URL; a pointer or a name that is not there; any reference of a
//! document read from text, with no folder, to another file) fails nothing: it is kept as
//! written, or, when as written it would lead to another place of the root value (a `#/...`
//! of another file or under another `$id`), written as where it leads (`part.json#/$defs/X`,
//! `https://example.com/scope.json#/definitions/a`). The generator refuses the schema that
//! holds it, with the reference and its pointer, and [`Document::unresolved`] says why.
//!
//! In a draft-06 or draft-07 schema (the document's `$schema`, or a file's own), a `$ref`
//! stands for its whole schema: the keywords beside it that check a value are ignored there,
//! so they are dropped, each with a warning ([`Document::ignored`]); annotations stay.
//!
//! OpenAPI 3.0's own spellings (`nullable`, `example`, boolean `exclusiveMinimum`) are
//! rewritten into 2020-12's first, in every file read.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::Note;
use crate::names;
use crate::order::{self, Order};

/// Which dialect a document's schemas are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// OpenAPI 3.0's schema objects.
    OpenApi30,
    /// JSON Schema 2020-12, which OpenAPI 3.1 uses too (and draft-06, draft-07 and 2019-09,
    /// read alike).
    JsonSchema,
}

/// A schema the document names: a component, a `$defs` entry, a contract, an inline body.
#[derive(Clone, Debug)]
pub struct Named {
    /// The Rust type's name.
    pub name: String,
    /// Its JSON Pointer into [`Document::root`].
    pub pointer: String,
    /// The group of a contract read from a group's folder (`common` for
    /// `specs/common/client.json`), whose module it is written in (see
    /// [`Options::group`](crate::Options::group)); `None` for any other schema.
    pub group: Option<String>,
}

/// A document, ready to generate from.
#[derive(Debug)]
pub struct Document {
    /// The whole document, OpenAPI 3.0 spellings rewritten, the files its `$ref`s name grafted
    /// in and every `$ref` that resolved rewritten to a pointer into it.
    pub root: Value,
    /// The dialect it was written in.
    pub dialect: Dialect,
    /// The schemas it names, in the document's order.
    pub named: Vec<Named>,
    /// How messages show a pointer: the prefix of a named schema and what to print instead
    /// (a contract's file name, a grafted file's `common.yaml#`).
    pub shown_as: Vec<(String, String)>,
    /// Each object's member names in the order the document writes them.
    pub order: Order,
    /// The files read besides the document for its `$ref`s, as messages show them (relative
    /// to the document's folder), in the order read.
    pub files: Vec<String>,
    /// Each `$ref` that resolved to nothing, and why: at the `$ref` member, as messages show it.
    /// The generator refuses a schema that holds one, with a message of its own.
    pub unresolved: Vec<Note>,
    /// The keywords dropped because no validator reads them: those beside a `$ref` in a
    /// draft-06 or draft-07 schema, where a `$ref` stands for its whole schema, and an
    /// `examples` that is not an array. Each keyword's pointer in [`Document::root`], with its
    /// warning.
    pub ignored: Vec<(String, Note)>,
    /// What [`crate::lower::holds_null`] found, by pointer: asked again for every `$ref` to a
    /// schema, it would otherwise copy that schema each time.
    pub(crate) holds_null: RefCell<HashMap<String, bool>>,
}

impl Document {
    /// Reads an OpenAPI or JSON Schema document written in JSON or YAML (JSON when it starts
    /// with `{` or `[` and reads as JSON), keeping the order of its members. `name` names a
    /// JSON Schema document's root when it has no `title`. With no folder to look in, a `$ref`
    /// to another file resolves to nothing ([`Document::read_file`] reads them).
    pub fn parse(text: &str, name: &str) -> Result<Document, String> {
        let (root, order) = parse_text(text, false)?;
        Document::read(root, order, name, None)
    }

    /// Reads the document at `path`, JSON or YAML (YAML when its name ends in `.yaml` or
    /// `.yml`, else as [`Document::parse`] tells), and every file its `$ref`s name, found
    /// relative to the file that holds the `$ref`. The root is named after the file (the part
    /// of its name before the first `.`) when it has no `title`.
    pub fn read_file(path: &Path) -> Result<Document, String> {
        let shown = path.display();
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
        let (root, order) = parse_text(&text, is_yaml(path))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = name
            .split('.')
            .next()
            .filter(|s| !s.is_empty())
            .unwrap_or("Schema");
        let absolute =
            std::path::absolute(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
        Document::read(root, order, stem, Some(&absolute))
    }

    /// Reads a parsed OpenAPI or JSON Schema document. Without the text, members are taken in
    /// name order; [`Document::parse`] keeps the document's. `$ref`s to other files resolve to
    /// nothing.
    pub fn new(root: Value, name: &str) -> Result<Document, String> {
        Document::read(root, Order::new(), name, None)
    }

    /// Reads `root` (`order` its member order), from the file at `path` (absolute) when there
    /// is one to find other files beside.
    fn read(
        mut root: Value,
        order: Order,
        name: &str,
        path: Option<&Path>,
    ) -> Result<Document, String> {
        let openapi = match &root {
            Value::Object(top) => match top.get("openapi") {
                Some(version) => Some(openapi_version(version)?),
                None => {
                    draft(&root)?;
                    None
                }
            },
            Value::Bool(_) => None,
            _ => return Err("the document is not a JSON object".into()),
        };
        let dialect = match openapi {
            Some(true) => Dialect::OpenApi30,
            _ => Dialect::JsonSchema,
        };
        if let Some(v30) = openapi {
            rewrite_openapi(&mut root, v30, false);
        }
        let named_root = openapi.is_none() && is_schema_root(&root);
        let linked = link(root, order, path, openapi)?;
        let (mut root, mut order) = (linked.root, linked.order);
        let mut ignored = linked.ignored;
        for (at, message) in crate::conjoin::rewrite(&mut root, &mut order) {
            let note = Note {
                pointer: show(&linked.shown_as, &at),
                root_pointer: at.clone(),
                message,
            };
            ignored.push((at, note));
        }
        let named = if openapi.is_some() {
            openapi_schemas(&root, &order)
        } else {
            schema_document_named(&root, &order, name, named_root, linked.files_key.as_deref())
        };
        Ok(Document {
            root,
            dialect,
            named,
            shown_as: linked.shown_as,
            order,
            files: linked.files,
            unresolved: linked.unresolved,
            ignored,
            holds_null: RefCell::default(),
        })
    }

    /// Reads contracts: `(file name, text)` pairs, each contract `{"model", "schema"}` in
    /// JSON, in the order given. A file name with a folder (`common/client.json`) puts its
    /// contract in the group that folder names (the `group` of its [`Document::named`] entry);
    /// either every file name has one or none has.
    pub fn contracts(files: Vec<(String, String)>) -> Result<Document, String> {
        let grouped = files.iter().filter(|(file, _)| file.contains('/')).count();
        if grouped != 0 && grouped != files.len() {
            return Err("give every contract in a group's folder, or none".into());
        }
        let mut defs = Map::new();
        let mut named = Vec::new();
        let mut shown_as = Vec::new();
        let mut all_order = Order::new();
        for (file, text) in files {
            let (contract, file_order) =
                order::json(&text).map_err(|e| format!("{file} is not JSON: {e}"))?;
            let model = contract
                .get("model")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{file}: no `model` name"))?
                .to_owned();
            let schema = contract
                .get("schema")
                .cloned()
                .ok_or_else(|| format!("{file}: no `schema`"))?;
            if defs.contains_key(&model) {
                return Err(format!("{file}: a second contract for `{model}`"));
            }
            let pointer = format!("/$defs/{}", escape(&model));
            for (at, keys) in file_order {
                if let Some(rest) = at.strip_prefix("/schema") {
                    all_order.insert(format!("{pointer}{rest}"), keys);
                }
            }
            shown_as.push((pointer.clone(), format!("{file}#/schema")));
            named.push(Named {
                name: model.clone(),
                pointer,
                group: file.rsplit_once('/').map(|(group, _)| group.to_owned()),
            });
            defs.insert(model, schema);
        }
        let mut root = Map::new();
        root.insert("$defs".into(), Value::Object(defs));
        Ok(Document {
            root: Value::Object(root),
            dialect: Dialect::JsonSchema,
            named,
            shown_as,
            order: all_order,
            files: Vec::new(),
            unresolved: Vec::new(),
            ignored: Vec::new(),
            holds_null: RefCell::default(),
        })
    }

    /// Reads the contracts of a folder: every `*.json` file in it, in name order. A folder
    /// that holds none is a folder of groups: each of its folders that holds `*.json` files is
    /// a group, named after the folder (`specs/common/`), and its contracts are read in that
    /// group, the folders and the files of each in name order.
    pub fn contracts_dir(dir: &std::path::Path) -> Result<Document, String> {
        let mut files = json_files(dir)?
            .into_iter()
            .map(|p| Ok((file_name(&p), read_text(&p)?)))
            .collect::<Result<Vec<_>, String>>()?;
        if files.is_empty() {
            let shown = dir.display();
            let mut folders: Vec<_> = std::fs::read_dir(dir)
                .map_err(|e| format!("cannot read {shown}: {e}"))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect();
            folders.sort();
            for folder in folders {
                let group = file_name(&folder);
                for p in json_files(&folder)? {
                    files.push((format!("{group}/{}", file_name(&p)), read_text(&p)?));
                }
            }
        }
        Document::contracts(files)
    }

    /// The member names of `map`, the object at `pointer`, in document order.
    pub fn keys<'m>(&self, pointer: &str, map: &'m Map<String, Value>) -> Vec<&'m String> {
        keys(&self.order, pointer, map)
    }

    /// The node at `pointer`.
    pub fn at(&self, pointer: &str) -> Option<&Value> {
        self.root.pointer(pointer)
    }

    /// How a message shows `pointer`: as a fragment (`#/components/schemas/Client`), in the
    /// file it was read from (`common.yaml#/components/schemas/Error`), or in its contract's
    /// file (`client.json#/schema/properties/x`).
    pub fn show(&self, pointer: &str) -> String {
        show(&self.shown_as, pointer)
    }
}

/// The `*.json` files of `dir`, in name order.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// The last part of `path`.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The text of `path`.
fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// How `shown_as` shows `pointer` (see [`Document::show`]).
fn show(shown_as: &[(String, String)], pointer: &str) -> String {
    for (prefix, shown) in shown_as {
        if let Some(rest) = pointer.strip_prefix(prefix.as_str()) {
            if rest.is_empty() || rest.starts_with('/') {
                return format!("{shown}{rest}");
            }
        }
    }
    format!("#{pointer}")
}

/// Whether the file at `path` is YAML by its name.
fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("yaml") || x.eq_ignore_ascii_case("yml"))
}

/// Reads `text` as YAML (`yaml`), or as JSON when it starts with `{` or `[` and reads as JSON,
/// else as YAML.
fn parse_text(text: &str, yaml: bool) -> Result<(Value, Order), String> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if !yaml && (start.starts_with('{') || start.starts_with('[')) {
        return match order::json(text) {
            Ok(read) => Ok(read),
            // A YAML flow mapping starts the same way.
            Err(e) => order::yaml(text).map_err(|_| format!("not JSON: {e}")),
        };
    }
    order::yaml(text).map_err(|e| format!("not YAML: {e}"))
}

/// Which OpenAPI version `version` (the `openapi` member) is: 3.0 (`true`) or 3.1.
fn openapi_version(version: &Value) -> Result<bool, String> {
    let version = match version {
        Value::String(s) => s.clone(),
        // `openapi: 3.0` in YAML is a number.
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    if version.starts_with("3.0") {
        Ok(true)
    } else if version.starts_with("3.1") {
        Ok(false)
    } else {
        Err(format!("OpenAPI {version} is not read: 3.0 and 3.1 are"))
    }
}

/// Refuses a JSON Schema document of a draft that is not read (`$schema`): draft-04 and
/// older spell `$id` as `id` and bounds as booleans.
fn draft(root: &Value) -> Result<(), String> {
    let Some(schema) = root.get("$schema").and_then(Value::as_str) else {
        return Ok(());
    };
    for old in ["draft-03", "draft-04"] {
        if schema.contains(&format!("json-schema.org/{old}/")) {
            return Err(format!(
                "JSON Schema {old} is not read: draft-06, draft-07, 2019-09 and 2020-12 are"
            ));
        }
    }
    Ok(())
}

/// Whether a JSON Schema document's `$schema` names draft-06 or draft-07, whose `$ref` stands
/// for its whole schema: `None` when it names none.
fn ref_alone(root: &Value) -> Option<bool> {
    let schema = root.get("$schema")?.as_str()?;
    Some(
        ["draft-06", "draft-07"]
            .iter()
            .any(|d| schema.contains(&format!("json-schema.org/{d}/"))),
    )
}

/// The keywords of draft-06 and draft-07 that check a value (or apply schemas that do): beside
/// a `$ref` they are ignored there. Annotations (`description`, `default`...) stay, as they
/// check nothing.
const IGNORED_BESIDE_REF: &[&str] = &[
    "type",
    "enum",
    "const",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "format",
    "items",
    "additionalItems",
    "maxItems",
    "minItems",
    "uniqueItems",
    "contains",
    "maxProperties",
    "minProperties",
    "required",
    "properties",
    "patternProperties",
    "additionalProperties",
    "dependencies",
    "propertyNames",
    "if",
    "then",
    "else",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
];

/// The keywords of a JSON Schema document's root that say nothing of a value: a root of these
/// alone, with `$defs` or `definitions`, only gathers the schemas it defines.
const DOCUMENT_KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$anchor",
    "$dynamicAnchor",
    "$vocabulary",
    "$defs",
    "definitions",
    "title",
    "description",
    "$comment",
];

/// Whether a JSON Schema document's root is a schema to generate: any object or boolean but
/// one that only gathers definitions.
fn is_schema_root(root: &Value) -> bool {
    let Value::Object(top) = root else {
        return true;
    };
    let gathers = top.contains_key("$defs") || top.contains_key("definitions");
    let own = top
        .keys()
        .any(|k| !DOCUMENT_KEYWORDS.contains(&k.as_str()) && !k.starts_with("x-"));
    own || !gathers
}

/// The schemas a JSON Schema document names: its root (when `named_root`), after its `title`
/// or `name`, then each of its `$defs` and `definitions` but `files`, which holds what was
/// grafted.
fn schema_document_named(
    root: &Value,
    order: &Order,
    name: &str,
    named_root: bool,
    files: Option<&str>,
) -> Vec<Named> {
    let mut named = Vec::new();
    let mut unique = names::Unique::default();
    if named_root {
        let title = root.get("title").and_then(Value::as_str).unwrap_or(name);
        named.push(Named {
            name: unique.give(&names::type_name(title)),
            pointer: String::new(),
            group: None,
        });
    }
    for defs in ["$defs", "definitions"] {
        if let Some(Value::Object(map)) = root.get(defs) {
            for key in keys(order, &format!("/{defs}"), map) {
                if defs == "$defs" && Some(key.as_str()) == files {
                    continue;
                }
                named.push(Named {
                    name: unique.give(&names::type_name(key)),
                    pointer: format!("/{defs}/{}", escape(key)),
                    group: None,
                });
            }
        }
    }
    named
}

/// A reference's target pointer: `#/components/schemas/A` → `/components/schemas/A`; `None`
/// for a reference to another document.
pub fn ref_target(reference: &str) -> Option<String> {
    Some(percent_decode(reference.strip_prefix('#')?))
}

/// `text` with each `%` and two hex digits as the byte they stand for, as URIs write them; a
/// `%` not followed by two hex digits stands for itself.
fn percent_decode(text: &str) -> String {
    let text = text.as_bytes();
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let hex = text
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (text[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The member names of `map`, the object at `pointer`, in the order `order` has for it; names
/// it does not list (added by a rewrite) follow in name order.
fn keys<'m>(order: &Order, pointer: &str, map: &'m Map<String, Value>) -> Vec<&'m String> {
    let mut out: Vec<&String> = Vec::with_capacity(map.len());
    if let Some(listed) = order.get(pointer) {
        for k in listed {
            if let Some((key, _)) = map.get_key_value(k) {
                out.push(key);
            }
        }
    }
    for k in map.keys() {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// A JSON Pointer token: `~` as `~0`, `/` as `~1`.
/// A JSON Pointer's token as it names a member: `~1` is `/`, `~0` is `~`.
fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

pub fn escape(token: &str) -> String {
    if !token.contains(['~', '/']) {
        return token.to_owned();
    }
    token.replace('~', "~0").replace('/', "~1")
}

/// The schemas an OpenAPI document names: its components, then each operation's inline
/// request and response bodies.
fn openapi_schemas(root: &Value, order: &Order) -> Vec<Named> {
    let mut named = Vec::new();
    let mut unique = names::Unique::default();
    if let Some(Value::Object(schemas)) = root.pointer("/components/schemas") {
        for key in keys(order, "/components/schemas", schemas) {
            named.push(Named {
                name: unique.give(&names::type_name(key)),
                pointer: format!("/components/schemas/{}", escape(key)),
                group: None,
            });
        }
    }
    let Some(Value::Object(paths)) = root.get("paths") else {
        return named;
    };
    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    for path in keys(order, "/paths", paths) {
        // A path item, and an operation, may be a `$ref` (to another file's, grafted).
        let (item_pointer, item) = follow(root, format!("/paths/{}", escape(path)));
        let Some(item) = item else { continue };
        for method in METHODS {
            if item.get(method).is_none() {
                continue;
            }
            let (op_pointer, op) = follow(root, format!("{item_pointer}/{method}"));
            let Some(op) = op else { continue };
            let base = match op.get("operationId").and_then(Value::as_str) {
                Some(id) => names::pascal(id),
                None => names::pascal(&format!("{method} {path}")),
            };
            let mut bodies: Vec<(String, String)> = Vec::new();
            if op.get("requestBody").is_some() {
                bodies.push((
                    format!("{op_pointer}/requestBody"),
                    format!("{base}Request"),
                ));
            }
            if let Some(Value::Object(responses)) = op.get("responses") {
                let successes = responses.keys().filter(|c| c.starts_with('2')).count();
                for code in keys(order, &format!("{op_pointer}/responses"), responses) {
                    let suffix = if code.starts_with('2') && successes == 1 {
                        "Response".to_owned()
                    } else {
                        let code: String =
                            code.chars().filter(char::is_ascii_alphanumeric).collect();
                        match code.starts_with(|c: char| c.is_ascii_digit()) {
                            true => format!("Response{}", code.to_ascii_uppercase()),
                            false => format!("Response{}", names::pascal(&code)),
                        }
                    };
                    bodies.push((
                        format!("{op_pointer}/responses/{}", escape(code)),
                        format!("{base}{suffix}"),
                    ));
                }
            }
            for (pointer, name) in bodies {
                let (pointer, body) = follow(root, pointer);
                let Some(Value::Object(content)) = body.and_then(|b| b.get("content")) else {
                    continue;
                };
                // One type for the body, whatever the media types that carry it.
                let mut seen = BTreeMap::new();
                for media in keys(order, &format!("{pointer}/content"), content) {
                    let entry = &content[media];
                    let Some(schema) = entry.get("schema") else {
                        continue;
                    };
                    let at = format!("{pointer}/content/{}/schema", escape(media));
                    // A body that is a `$ref` is the type of what it names: a component's, an
                    // operation's body (named with its operation), or that of another file's
                    // schema, named here after its file.
                    if let Some(r) = schema.get("$ref") {
                        let target = r.as_str().and_then(ref_target).unwrap_or_default();
                        if root.pointer(&target).is_some()
                            && !target.starts_with("/components/schemas/")
                            && !target.starts_with("/paths/")
                            && named.iter().all(|n| n.pointer != target)
                        {
                            let file = target.rsplit('/').next().unwrap_or_default();
                            named.push(Named {
                                name: unique.give(&names::type_name(&unescape(file))),
                                pointer: target,
                                group: None,
                            });
                        }
                        continue;
                    }
                    if seen.insert(schema.to_string(), ()).is_none() {
                        named.push(Named {
                            name: unique.give(&name),
                            pointer: at,
                            group: None,
                        });
                    }
                }
            }
        }
    }
    named
}

/// Follows a body that is a `$ref` (to `components.requestBodies` or `responses`) to its
/// target.
fn follow(root: &Value, pointer: String) -> (String, Option<&Value>) {
    let mut pointer = pointer;
    for _ in 0..8 {
        let node = root.pointer(&pointer);
        match node.and_then(|n| n.get("$ref")).and_then(Value::as_str) {
            Some(r) => match ref_target(r) {
                Some(target) => pointer = target,
                None => return (pointer, None),
            },
            None => return (pointer, node),
        }
    }
    (pointer, None)
}

/// Rewrites OpenAPI's spellings into 2020-12's, in every schema of the document (found by
/// where it sits: `components.schemas`, a `schema` member, and the keywords that hold schemas),
/// never in data such as examples, defaults and enum values: `example: x` becomes
/// `examples: [x]` (OpenAPI 3.1 still allows it), and, for OpenAPI 3.0 (`v30`), `nullable:
/// true` adds `null` to the type (or, without a type, is kept for the generator to read) and to
/// an `enum`'s values, and a
/// boolean `exclusiveMinimum` takes the `minimum` beside it. `value` is a whole document, or,
/// with `as_schema`, a schema (a file a `$ref` names, whose root is a schema).
fn rewrite_openapi(value: &mut Value, v30: bool, as_schema: bool) {
    if as_schema {
        schema(value, v30);
    } else {
        document(value, v30);
    }

    /// A part of the document that is not a schema: its schemas are below `schema` and
    /// `schemas` members.
    fn document(value: &mut Value, v30: bool) {
        match value {
            Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    match (key.as_str(), v) {
                        ("schema", v) => schema(v, v30),
                        ("schemas", Value::Object(all)) => {
                            all.values_mut().for_each(|v| schema(v, v30));
                        }
                        ("example" | "examples", _) => {}
                        (_, v) => document(v, v30),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| document(v, v30)),
            _ => {}
        }
    }

    fn schema(value: &mut Value, v30: bool) {
        let Value::Object(map) = value else { return };
        if !map.contains_key("examples") {
            if let Some(example) = map.remove("example") {
                map.insert("examples".into(), Value::Array(vec![example]));
            }
        }
        if v30 {
            for (flag, bound) in [
                ("exclusiveMinimum", "minimum"),
                ("exclusiveMaximum", "maximum"),
            ] {
                match map.get(flag) {
                    Some(Value::Bool(true)) => {
                        if let Some(b) = map.remove(bound) {
                            map.insert(flag.into(), b);
                        }
                    }
                    Some(Value::Bool(false)) => {
                        map.remove(flag);
                    }
                    _ => {}
                }
            }
            match map.get("nullable") {
                Some(Value::Bool(true)) => {
                    // "A true value adds `null` to the allowed values": an `enum`'s too.
                    if let Some(Value::Array(values)) = map.get_mut("enum") {
                        if !values.contains(&Value::Null) {
                            values.push(Value::Null);
                        }
                    }
                    if let Some(Value::String(t)) = map.get("type").cloned() {
                        map.remove("nullable");
                        map.insert(
                            "type".into(),
                            Value::Array(vec![Value::String(t), "null".into()]),
                        );
                    }
                }
                Some(Value::Bool(false)) => {
                    map.remove("nullable");
                }
                _ => {}
            }
        }
        for (key, v) in map.iter_mut() {
            match (key.as_str(), v) {
                (
                    "properties" | "$defs" | "definitions" | "patternProperties"
                    | "dependentSchemas",
                    Value::Object(all),
                ) => all.values_mut().for_each(|v| schema(v, v30)),
                ("allOf" | "anyOf" | "oneOf" | "prefixItems", Value::Array(all)) => {
                    all.iter_mut().for_each(|v| schema(v, v30));
                }
                (
                    "items"
                    | "additionalProperties"
                    | "propertyNames"
                    | "not"
                    | "if"
                    | "then"
                    | "else"
                    | "contains"
                    | "unevaluatedItems"
                    | "unevaluatedProperties",
                    v,
                ) => schema(v, v30),
                _ => {}
            }
        }
    }
}

// References: files, `$id`s and anchors resolved, files grafted, `$ref`s rewritten.

/// The member of the root's `$defs` that holds the files read and the `$defs` moved out of
/// their schemas, unless the document has a schema of that name (then `$files2`...).
const FILES: &str = "$files";

/// Keywords whose value is data, not schemas: a `$ref` or an `$id` in them is not one.
pub(crate) const DATA: &[&str] = &["enum", "const", "default", "examples", "example"];

/// Keywords whose value maps names to schemas.
const SCHEMA_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
    "dependencies",
];

/// Members of a file's root that tell an OpenAPI document (or a part of one), whose schemas
/// are found where OpenAPI puts them, from a schema.
const OPENAPI_MEMBERS: &[&str] = &["openapi", "swagger", "components", "paths"];

/// What [`link`] made: the root value with every file grafted, and how to show its pointers.
struct Linked {
    root: Value,
    order: Order,
    shown_as: Vec<(String, String)>,
    files: Vec<String>,
    unresolved: Vec<Note>,
    ignored: Vec<(String, Note)>,
    /// The member of the root's `$defs` that holds what was grafted, if anything was.
    files_key: Option<String>,
}

/// A file read: the document (the first) or one a `$ref` names.
struct Source {
    /// Where it was read from: a `file:` URI, its base URI.
    uri: String,
    /// How messages show it: empty for the document, else its path from the document's folder.
    shown: String,
    value: Value,
    order: Order,
    /// Whether its root is a schema (else an OpenAPI document, or a part of one).
    as_schema: bool,
    /// The name of its root where it is grafted (not for the document).
    name: String,
    /// The `$defs` (and `definitions`) members to move out of their schemas, by pointer.
    moved: Vec<String>,
    /// The members to drop once read: the object's pointer and the member's name.
    strip: Vec<(String, String)>,
    /// Whether its schemas are draft-06's or draft-07's, where a `$ref`'s siblings are ignored.
    ref_alone: bool,
    /// The keywords dropped that no validator reads (beside a `$ref`, with `ref_alone`; an
    /// `examples` that is not an array): each one's pointer, and why.
    ignored: Vec<(String, String)>,
}

/// A `$ref`: in which file, the pointer of the object that holds it, its text, and the
/// absolute URI it resolves to.
struct Reference {
    source: usize,
    at: String,
    text: String,
    uri: String,
    /// Whether it stands where a schema does (else where an OpenAPI document has a path item,
    /// an operation, a response, a request body or a parameter).
    schema: bool,
}

/// Resolves every `$ref` of a document: the state while its files are read.
struct Linker {
    sources: Vec<Source>,
    /// Each resource's URI (a file's, an `$id`'s), without fragment: its file and pointer.
    resources: HashMap<String, (usize, String)>,
    /// Each plain-name fragment (`$anchor`, draft-07's `"$id": "#name"`) by its resource's URI.
    anchors: HashMap<(String, String), (usize, String)>,
    /// The files that could not be read, and why.
    failed: HashMap<String, String>,
    refs: Vec<Reference>,
    /// The path part of the document's folder's URI (`/work/specs/`), which paths show from.
    folder: String,
    /// Whether there is a folder to read files from (not for a document read from text).
    readable: bool,
    /// How to rewrite OpenAPI's spellings in the files read: `Some(v30)` for an OpenAPI
    /// document.
    openapi: Option<bool>,
}

/// Where each file's pointers go in the root value.
struct Places {
    /// For each file, the `$defs` members moved: their pointer in the file and in the root
    /// value, the longest first.
    moved: Vec<Vec<(String, String)>>,
    /// For each file, the pointer of its root in the root value (empty for the document).
    grafted: Vec<String>,
}

impl Places {
    /// The pointer in the root value of `local`, a pointer in the file `source`.
    fn merged(&self, source: usize, local: &str) -> String {
        for (from, to) in &self.moved[source] {
            if let Some(rest) = local.strip_prefix(from.as_str()) {
                if rest.is_empty() || rest.starts_with('/') {
                    return format!("{to}{rest}");
                }
            }
        }
        format!("{}{local}", self.grafted[source])
    }
}

/// Resolves every `$ref` of `root` (read from `path`, absolute, when there is a folder to
/// read other files from; `openapi` as [`Linker::openapi`]).
fn link(
    root: Value,
    order: Order,
    path: Option<&Path>,
    openapi: Option<bool>,
) -> Result<Linked, String> {
    let uri = match path {
        Some(p) => file_uri(p),
        None => "file:///document".to_owned(),
    };
    let folder = parts(&uri).path;
    let folder = folder[..folder.rfind('/').map_or(0, |i| i + 1)].to_owned();
    let mut l = Linker {
        sources: Vec::new(),
        resources: HashMap::new(),
        anchors: HashMap::new(),
        failed: HashMap::new(),
        refs: Vec::new(),
        folder,
        readable: path.is_some(),
        openapi,
    };
    l.resources.insert(uri.clone(), (0, String::new()));
    let ref_alone = openapi.is_none() && ref_alone(&root).unwrap_or(false);
    l.sources.push(Source {
        uri,
        shown: String::new(),
        value: root,
        order,
        as_schema: openapi.is_none(),
        name: String::new(),
        moved: Vec::new(),
        strip: Vec::new(),
        ref_alone,
        ignored: Vec::new(),
    });
    l.run();
    l.finish()
}

impl Linker {
    /// Reads each file in turn, the files its `$ref`s name after it.
    fn run(&mut self) {
        let mut next = 0;
        while next < self.sources.len() {
            let first_ref = self.refs.len();
            let value = std::mem::take(&mut self.sources[next].value);
            let base = self.sources[next].uri.clone();
            let mut at = String::new();
            if self.sources[next].as_schema {
                self.schema(next, &value, &mut at, &base);
            } else {
                self.document(next, &value, &mut at, &base);
            }
            self.sources[next].value = value;
            for i in first_ref..self.refs.len() {
                let resource = split_fragment(&self.refs[i].uri).0.to_owned();
                if resource.starts_with("file:")
                    && !self.resources.contains_key(&resource)
                    && !self.failed.contains_key(&resource)
                {
                    match self.read(&resource, self.refs[i].schema) {
                        Ok(source) => {
                            let index = self.sources.len();
                            self.resources.insert(resource, (index, String::new()));
                            self.sources.push(source);
                        }
                        Err(why) => {
                            self.failed.insert(resource, why);
                        }
                    }
                }
            }
            next += 1;
        }
    }

    /// Reads the file at `uri`, which a `$ref` names where a schema stands (`schema`) or where
    /// an OpenAPI document has another part (a path item, an operation, a response...).
    fn read(&self, uri: &str, schema: bool) -> Result<Source, String> {
        let shown = self.shown(uri);
        if !self.readable {
            return Err(format!(
                "the document was read from text, with no folder to read {shown} from"
            ));
        }
        let path = file_path(uri);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("cannot read {shown}: {e}"))?;
        let (mut value, order) =
            parse_text(&text, is_yaml(&path)).map_err(|e| format!("cannot read {shown}: {e}"))?;
        draft(&value).map_err(|e| format!("{shown}: {e}"))?;
        // A part of an OpenAPI document is read as one where the document names it, whatever
        // it holds: an operation's file has no member that says so.
        let as_schema = (schema || self.openapi.is_none())
            && !matches!(&value, Value::Object(m)
                if OPENAPI_MEMBERS.iter().any(|k| m.contains_key(*k)));
        let openapi = match value.get("openapi") {
            Some(version) => Some(openapi_version(version).map_err(|e| format!("{shown}: {e}"))?),
            None => self.openapi,
        };
        if let Some(v30) = openapi {
            rewrite_openapi(&mut value, v30, as_schema);
        }
        let ref_alone = match openapi {
            Some(_) => false,
            None => ref_alone(&value).unwrap_or(self.sources[0].ref_alone),
        };
        let mut strip = Vec::new();
        let title = value
            .get("title")
            .and_then(Value::as_str)
            .filter(|t| as_schema && !t.starts_with('/') && names::pascal(t) != "Empty");
        let name = match title {
            Some(title) => {
                // The title names the type; it goes, as a type's own title does.
                strip.push((String::new(), "title".to_owned()));
                title.to_owned()
            }
            None => {
                let file = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let stem = file.split('.').next().unwrap_or_default();
                if stem.is_empty() { "Schema" } else { stem }.to_owned()
            }
        };
        Ok(Source {
            uri: uri.to_owned(),
            shown,
            value,
            order,
            as_schema,
            name,
            moved: Vec::new(),
            strip,
            ref_alone,
            ignored: Vec::new(),
        })
    }

    /// Reads `node`, a schema (or an array of schemas) at `at` in the file `source`, whose base
    /// URI is `base`.
    fn schema(&mut self, source: usize, node: &Value, at: &mut String, base: &str) {
        match node {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let len = at.len();
                    at.push_str(&format!("/{i}"));
                    self.schema(source, item, at, base);
                    at.truncate(len);
                }
            }
            Value::Object(map) => self.schema_object(source, map, at, base),
            _ => {}
        }
    }

    fn schema_object(
        &mut self,
        source: usize,
        map: &Map<String, Value>,
        at: &mut String,
        base: &str,
    ) {
        let document_root = source == 0 && at.is_empty();
        let mut base = base.to_owned();
        if let Some(Value::String(id)) = map.get("$id") {
            let uri = resolve(&base, id);
            let (resource, fragment) = split_fragment(&uri);
            if let Some(name) = fragment.filter(|f| !f.is_empty() && !f.starts_with('/')) {
                self.anchors
                    .entry((resource.to_owned(), percent_decode(name)))
                    .or_insert_with(|| (source, at.clone()));
            }
            if resource != base {
                self.resources
                    .entry(resource.to_owned())
                    .or_insert_with(|| (source, at.clone()));
                base = resource.to_owned();
            }
        }
        let strip = &mut self.sources[source].strip;
        for key in ["$anchor", "$dynamicAnchor"] {
            if let Some(Value::String(name)) = map.get(key) {
                self.anchors
                    .entry((base.clone(), name.clone()))
                    .or_insert_with(|| (source, at.clone()));
                strip.push((at.clone(), key.to_owned()));
            }
        }
        if !document_root {
            for key in ["$id", "$schema"] {
                if map.contains_key(key) {
                    strip.push((at.clone(), key.to_owned()));
                }
            }
            for key in ["$defs", "definitions"] {
                if let Some(Value::Object(_)) = map.get(key) {
                    self.sources[source].moved.push(format!("{at}/{key}"));
                }
            }
        }
        let mut alone = false;
        if let Some(Value::String(text)) = map.get("$ref") {
            self.reference(source, at, text, &base, true);
            alone = self.sources[source].ref_alone;
        }
        for (key, value) in map {
            let why = if alone && IGNORED_BESIDE_REF.contains(&key.as_str()) {
                Some(format!(
                    "`{key}` beside a `$ref` is ignored in JSON Schema draft-06 and draft-07, where the `$ref` stands for its whole schema, as in any validator; dropped"
                ))
            } else if key == "examples" && !value.is_array() {
                Some("`examples` is not an array, as JSON Schema has it: no validator reads it; dropped".to_owned())
            } else {
                None
            };
            if let Some(why) = why {
                let s = &mut self.sources[source];
                s.strip.push((at.clone(), key.clone()));
                s.ignored.push((format!("{at}/{}", escape(key)), why));
                continue;
            }
            if DATA.contains(&key.as_str()) || key.starts_with("x-") {
                continue;
            }
            let len = at.len();
            at.push('/');
            at.push_str(&escape(key));
            match value {
                Value::Object(members) if SCHEMA_MAPS.contains(&key.as_str()) => {
                    for (name, sub) in members {
                        let len = at.len();
                        at.push('/');
                        at.push_str(&escape(name));
                        self.schema(source, sub, at, &base);
                        at.truncate(len);
                    }
                }
                Value::Object(_) | Value::Array(_) => self.schema(source, value, at, &base),
                _ => {}
            }
            at.truncate(len);
        }
    }

    /// Reads `node`, a part of an OpenAPI document that is not a schema: its schemas are below
    /// `schema` and `schemas` members, and it may be a `$ref` itself.
    fn document(&mut self, source: usize, node: &Value, at: &mut String, base: &str) {
        match node {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let len = at.len();
                    at.push_str(&format!("/{i}"));
                    self.document(source, item, at, base);
                    at.truncate(len);
                }
            }
            Value::Object(map) => {
                if let Some(Value::String(text)) = map.get("$ref") {
                    self.reference(source, at, text, base, false);
                }
                for (key, value) in map {
                    if key == "example" || key == "examples" || key.starts_with("x-") {
                        continue;
                    }
                    let len = at.len();
                    at.push('/');
                    at.push_str(&escape(key));
                    match (key.as_str(), value) {
                        ("schema", _) => self.schema(source, value, at, base),
                        ("schemas", Value::Object(all)) => {
                            for (name, sub) in all {
                                let len = at.len();
                                at.push('/');
                                at.push_str(&escape(name));
                                self.schema(source, sub, at, base);
                                at.truncate(len);
                            }
                        }
                        (_, Value::Object(_) | Value::Array(_)) => {
                            self.document(source, value, at, base);
                        }
                        _ => {}
                    }
                    at.truncate(len);
                }
            }
            _ => {}
        }
    }

    fn reference(&mut self, source: usize, at: &str, text: &str, base: &str, schema: bool) {
        self.refs.push(Reference {
            source,
            at: at.to_owned(),
            text: text.to_owned(),
            uri: resolve(base, text),
            schema,
        });
    }

    /// How messages show `uri`: a file as its path from the document's folder, anything else
    /// as it is.
    fn shown(&self, uri: &str) -> String {
        let (resource, fragment) = split_fragment(uri);
        let p = parts(resource);
        let mut out = match (p.scheme, p.authority) {
            (Some("file"), Some("")) => relative(&self.folder, p.path),
            _ => resource.to_owned(),
        };
        if let Some(f) = fragment {
            out.push('#');
            out.push_str(f);
        }
        out
    }

    /// The file and pointer `r` leads to, or why it leads nowhere.
    fn target(&self, r: &Reference) -> Result<(usize, String), String> {
        let (resource, fragment) = split_fragment(&r.uri);
        let Some((source, root)) = self.resources.get(resource) else {
            if let Some(why) = self.failed.get(resource) {
                return Err(why.clone());
            }
            return Err(format!(
                "`{}` is not a file beside the document, and no `$id` in the document names it (URLs are not read)",
                self.shown(resource)
            ));
        };
        let place = || match (*source, root.as_str()) {
            (0, "") => "the document".to_owned(),
            _ => self.shown(resource),
        };
        let fragment = percent_decode(fragment.unwrap_or_default());
        let (source, local) = if fragment.is_empty() {
            (*source, root.clone())
        } else if fragment.starts_with('/') {
            (*source, format!("{root}{fragment}"))
        } else {
            self.anchors
                .get(&(resource.to_owned(), fragment.clone()))
                .cloned()
                .ok_or_else(|| format!("no `$anchor` (nor `$id`) `{fragment}` in {}", place()))?
        };
        if self.sources[source].value.pointer(&local).is_none() {
            return Err(format!("nothing at `{fragment}` in {}", place()));
        }
        Ok((source, local))
    }

    /// Rewrites every `$ref`, grafts every file and moves every `$defs`.
    fn finish(mut self) -> Result<Linked, String> {
        let grafting = self.sources.len() > 1 || self.sources.iter().any(|s| !s.moved.is_empty());
        let files_key = grafting.then(|| {
            let taken = self.sources[0].value.get("$defs");
            let mut key = FILES.to_owned();
            let mut n = 2;
            while taken.and_then(|d| d.get(&key)).is_some() {
                key = format!("{FILES}{n}");
                n += 1;
            }
            key
        });
        let fk = files_key.as_deref().map(escape).unwrap_or_default();
        // The document's own key is its file's name: no other file shows so.
        let document_key = self.shown(&self.sources[0].uri);
        let file_key = |i: usize, s: &Source| {
            if i == 0 {
                document_key.clone()
            } else {
                s.shown.clone()
            }
        };
        let mut places = Places {
            moved: Vec::new(),
            grafted: Vec::new(),
        };
        for (i, s) in self.sources.iter_mut().enumerate() {
            let key = escape(&file_key(i, s));
            s.moved.sort_by_key(|m| std::cmp::Reverse(m.len()));
            places.moved.push(
                s.moved
                    .iter()
                    .map(|m| (m.clone(), format!("/$defs/{fk}/{key}/{}", escape(m))))
                    .collect(),
            );
            places.grafted.push(match i {
                0 => String::new(),
                _ => format!("/$defs/{fk}/{key}/{}", escape(&s.name)),
            });
        }
        // Each `$ref`'s new text, and why those that lead nowhere do.
        let mut texts = Vec::with_capacity(self.refs.len());
        let mut why_not = Vec::new();
        for (i, r) in self.refs.iter().enumerate() {
            let text = match self.target(r) {
                Ok((source, local)) => {
                    let merged = places.merged(source, &local);
                    if r.source == 0 && ref_target(&r.text).as_deref() == Some(merged.as_str()) {
                        None
                    } else {
                        Some(format!("#{}", encode_fragment(&merged)))
                    }
                }
                Err(why) => {
                    why_not.push((i, why));
                    let resource = split_fragment(&r.uri).0;
                    let in_root = self.resources.get(resource).map(|(s, p)| (*s, p.as_str()))
                        == Some((0, ""));
                    // As written, unless it would then lead to a place of the root value.
                    match r.text.starts_with('#') && !(r.source == 0 && in_root) {
                        true => Some(self.shown(&r.uri)),
                        false => None,
                    }
                }
            };
            texts.push(text);
        }
        for (r, text) in self.refs.iter().zip(texts) {
            if let Some(text) = text {
                if let Some(Value::Object(map)) = self.sources[r.source].value.pointer_mut(&r.at) {
                    map.insert("$ref".into(), Value::String(text));
                }
            }
        }
        // Drop what was read, move the `$defs`, graft the files.
        let mut grafts = Map::new();
        let mut shown_as = Vec::new();
        let mut order = Order::new();
        let mut files = Vec::new();
        let mut root = Value::Null;
        let mut ignored = Vec::new();
        for (i, mut s) in std::mem::take(&mut self.sources).into_iter().enumerate() {
            for (at, key) in &s.strip {
                if let Some(Value::Object(map)) = s.value.pointer_mut(at) {
                    map.remove(key);
                }
            }
            for (at, why) in &s.ignored {
                ignored.push((places.merged(i, at), why.clone()));
            }
            let key = file_key(i, &s);
            let mut wrapper = Map::new();
            for m in &s.moved {
                let (parent, key) = m.rsplit_once('/').unwrap_or_default();
                if let Some(Value::Object(map)) = s.value.pointer_mut(parent) {
                    if let Some(defs) = map.remove(key) {
                        wrapper.insert(m.clone(), defs);
                    }
                }
            }
            for (from, to) in &places.moved[i] {
                shown_as.push((to.clone(), format!("{}#{from}", s.shown)));
            }
            if i == 0 && places.moved[0].is_empty() {
                order = std::mem::take(&mut s.order);
            } else {
                for (at, keys) in std::mem::take(&mut s.order) {
                    order.insert(places.merged(i, &at), keys);
                }
            }
            if i == 0 {
                root = s.value;
            } else {
                shown_as.push((places.grafted[i].clone(), format!("{}#", s.shown)));
                files.push(s.shown.clone());
                wrapper.insert(s.name.clone(), s.value);
            }
            if !wrapper.is_empty() {
                grafts.insert(key, Value::Object(wrapper));
            }
        }
        if let Some(key) = &files_key {
            let Value::Object(top) = &mut root else {
                return Err("the document is not a JSON object".into());
            };
            let defs = top
                .entry("$defs")
                .or_insert_with(|| Value::Object(Map::new()));
            let Value::Object(defs) = defs else {
                return Err("`$defs` is not an object, where the files `$ref`s name go".into());
            };
            defs.insert(key.clone(), Value::Object(grafts));
        }
        let unresolved = why_not
            .into_iter()
            .map(|(i, why)| {
                let r = &self.refs[i];
                let at = places.merged(r.source, &format!("{}/$ref", r.at));
                Note {
                    pointer: show(&shown_as, &at),
                    root_pointer: at,
                    message: format!("`$ref` to `{}`: {why}", r.text),
                }
            })
            .collect();
        let ignored = ignored
            .into_iter()
            .map(|(at, message)| {
                let note = Note {
                    pointer: show(&shown_as, &at),
                    root_pointer: at.clone(),
                    message,
                };
                (at, note)
            })
            .collect();
        Ok(Linked {
            root,
            order,
            shown_as,
            files,
            unresolved,
            ignored,
            files_key,
        })
    }
}

// URIs, as far as references need them (RFC 3986).

/// A URI reference's parts: `scheme:` `//authority` `path` `?query` `#fragment`.
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn parts(uri: &str) -> Parts<'_> {
    let (rest, fragment) = match uri.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (uri, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let scheme = rest.find(':').filter(|&i| {
        rest[..i].char_indices().all(|(j, c)| {
            c.is_ascii_alphabetic() || (j > 0 && (c.is_ascii_digit() || "+-.".contains(c)))
        }) && i > 0
    });
    let (scheme, rest) = match scheme {
        Some(i) => (Some(&rest[..i]), &rest[i + 1..]),
        None => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(r) => {
            let end = r.find('/').unwrap_or(r.len());
            (Some(&r[..end]), &r[end..])
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

/// `reference` resolved against `base` (RFC 3986, 5.2.2), a `file:` URI's path written one way
/// whatever the escapes of the reference.
fn resolve(base: &str, reference: &str) -> String {
    let b = parts(base);
    let r = parts(reference);
    let (scheme, authority, path, query) = if r.scheme.is_some() {
        (r.scheme, r.authority, remove_dots(r.path), r.query)
    } else if r.authority.is_some() {
        (b.scheme, r.authority, remove_dots(r.path), r.query)
    } else if r.path.is_empty() {
        (
            b.scheme,
            b.authority,
            b.path.to_owned(),
            r.query.or(b.query),
        )
    } else if r.path.starts_with('/') {
        (b.scheme, b.authority, remove_dots(r.path), r.query)
    } else {
        let merged = if b.authority.is_some() && b.path.is_empty() {
            format!("/{}", r.path)
        } else {
            let dir = b.path.rfind('/').map_or("", |i| &b.path[..=i]);
            format!("{dir}{}", r.path)
        };
        (b.scheme, b.authority, remove_dots(&merged), r.query)
    };
    let mut out = String::new();
    if let Some(s) = scheme {
        out.push_str(s);
        out.push(':');
    }
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    if scheme == Some("file") {
        out.push_str(&encode_path(&percent_decode(&path)));
    } else {
        out.push_str(&path);
    }
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = r.fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// `path` without its `.` and `..` segments (RFC 3986, 5.2.4).
fn remove_dots(path: &str) -> String {
    let mut input = path;
    let mut out = String::with_capacity(path.len());
    let pop = |out: &mut String| {
        let cut = out.rfind('/').unwrap_or(0);
        out.truncate(cut);
    };
    while !input.is_empty() {
        if let Some(rest) = input.strip_prefix("../") {
            input = rest;
        } else if let Some(rest) = input.strip_prefix("./") {
            input = rest;
        } else if input.starts_with("/./") {
            input = &input[2..];
        } else if input == "/." {
            input = "/";
        } else if input.starts_with("/../") {
            input = &input[3..];
            pop(&mut out);
        } else if input == "/.." {
            input = "/";
            pop(&mut out);
        } else if input == "." || input == ".." {
            input = "";
        } else {
            let start = usize::from(input.starts_with('/'));
            let end = input[start..].find('/').map_or(input.len(), |i| i + start);
            out.push_str(&input[..end]);
            input = &input[end..];
        }
    }
    out
}

/// A URI and its fragment (`None` without `#`).
fn split_fragment(uri: &str) -> (&str, Option<&str>) {
    match uri.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (uri, None),
    }
}

/// A path as a `file:` URI's path writes it: `%`, `#` and `?` escaped.
fn encode_path(path: &str) -> String {
    path.replace('%', "%25")
        .replace('#', "%23")
        .replace('?', "%3F")
}

/// A JSON Pointer as a URI fragment writes it: each byte that a fragment cannot hold as it is
/// (a space, `%`, `{`, a non-ASCII letter's) percent-encoded, so that any JSON Schema
/// validator reads the `$ref` that holds it ([`ref_target`] reads it back).
fn encode_fragment(pointer: &str) -> String {
    let mut out = String::with_capacity(pointer.len());
    for b in pointer.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The `file:` URI of `path`, absolute.
fn file_uri(path: &Path) -> String {
    let mut text = path.to_string_lossy().replace('\\', "/");
    if !text.starts_with('/') {
        text.insert(0, '/');
    }
    format!("file://{}", encode_path(&remove_dots(&text)))
}

/// The path a `file:` URI names.
fn file_path(uri: &str) -> PathBuf {
    let path = percent_decode(parts(uri).path);
    // `/C:/x` on Windows.
    match path.as_bytes() {
        [b'/', _, b':', ..] => PathBuf::from(&path[1..]),
        _ => PathBuf::from(path),
    }
}

/// `path` (a URI path) from `folder` (a URI path ending in `/`), as a relative path: `x.json`,
/// `defs/a.json`, `../x.json`; unescaped.
fn relative(folder: &str, path: &str) -> String {
    let dir: Vec<&str> = folder.trim_end_matches('/').split('/').collect();
    let target: Vec<&str> = path.split('/').collect();
    let common = dir
        .iter()
        .zip(&target[..target.len().saturating_sub(1)])
        .take_while(|(a, b)| a == b)
        .count();
    let mut out: Vec<&str> = vec![".."; dir.len() - common];
    out.extend(&target[common..]);
    percent_decode(&out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn openapi_30_spellings_become_2020_12() {
        let mut doc = json!({"components": {"schemas": {"A": {
            "type": "object",
            "properties": {
                "a": {"type": "string", "nullable": true, "example": "x"},
                "b": {"type": "integer", "minimum": 0, "exclusiveMinimum": true},
                "c": {"$ref": "#/components/schemas/B", "nullable": true}
            }
        }}}});
        rewrite_openapi(&mut doc, true, false);
        let p = &doc["components"]["schemas"]["A"]["properties"];
        assert_eq!(
            p["a"],
            json!({"type": ["string", "null"], "examples": ["x"]})
        );
        assert_eq!(p["b"], json!({"type": "integer", "exclusiveMinimum": 0}));
        assert_eq!(
            p["c"],
            json!({"$ref": "#/components/schemas/B", "nullable": true})
        );
    }

    #[test]
    fn inline_bodies_are_named_after_their_operation() {
        let doc = json!({
            "openapi": "3.1.0",
            "paths": {"/api/client/create": {"post": {
                "operationId": "client_create_api",
                "requestBody": {"content": {
                    "application/json": {"schema": {"type": "object", "properties": {}}},
                    "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {}}}
                }},
                "responses": {
                    "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Client"}}}},
                    "400": {"content": {"application/json": {"schema": {"type": "object", "properties": {}}}}}
                }
            }}},
            "components": {"schemas": {"Client": {"type": "object", "properties": {}}}}
        });
        let d = Document::new(doc, "x").unwrap();
        let names: Vec<&str> = d.named.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Client",
                "ClientCreateApiRequest",
                "ClientCreateApiResponse400"
            ]
        );
        assert_eq!(
            d.named[1].pointer,
            "/paths/~1api~1client~1create/post/requestBody/content/application~1json/schema"
        );
    }

    #[test]
    fn a_body_that_is_another_operation_s_body_is_named_once() {
        // `/a` answers with the body `/b` declares inline, which `/b` names, after `/a` is read.
        let doc = json!({
            "openapi": "3.1.0",
            "paths": {
                "/a": {"get": {"operationId": "a", "responses": {"200": {"content": {"application/json": {
                    "schema": {"$ref": "#/paths/~1b/get/responses/200/content/application~1json/schema"}
                }}}}}},
                "/b": {"get": {"operationId": "b", "responses": {"200": {"content": {"application/json": {
                    "schema": {"type": "object", "properties": {}}
                }}}}}}
            }
        });
        let d = Document::new(doc, "x").unwrap();
        let names: Vec<&str> = d.named.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["BResponse"]);
    }

    #[test]
    fn references_resolve_as_rfc_3986_says() {
        let base = "http://a/b/c/d;p?q";
        for (reference, target) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("", "http://a/b/c/d;p?q"),
            ("../g", "http://a/b/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("g/../h", "http://a/b/c/h"),
            (
                "https://example.com/x.json#/a",
                "https://example.com/x.json#/a",
            ),
        ] {
            assert_eq!(resolve(base, reference), target, "{reference}");
        }
        let file = "file:///w/specs/main.yaml";
        assert_eq!(
            resolve(file, "common.yaml#/x"),
            "file:///w/specs/common.yaml#/x"
        );
        assert_eq!(
            resolve(file, "./defs/a.json"),
            "file:///w/specs/defs/a.json"
        );
        assert_eq!(
            resolve(file, "../x.json#/$defs/A"),
            "file:///w/x.json#/$defs/A"
        );
        // One spelling of a file whatever the escapes: `%20` and a space are one file.
        assert_eq!(
            resolve(file, "my%20file.json"),
            resolve(file, "my file.json")
        );
        assert_eq!(resolve(file, "a%23b.json"), "file:///w/specs/a%23b.json");
    }

    #[test]
    fn files_show_relative_to_the_document_s_folder() {
        assert_eq!(relative("/w/specs/", "/w/specs/common.yaml"), "common.yaml");
        assert_eq!(relative("/w/specs/", "/w/specs/defs/a.json"), "defs/a.json");
        assert_eq!(relative("/w/specs/", "/w/x.json"), "../x.json");
        assert_eq!(relative("/w/specs/", "/other/x.json"), "../../other/x.json");
        assert_eq!(relative("/", "/x.json"), "x.json");
        assert_eq!(relative("/w/", "/w/a%23b.json"), "a#b.json");
        assert_eq!(
            file_path("file:///w/a%23b.json"),
            PathBuf::from("/w/a#b.json")
        );
    }

    #[test]
    fn a_root_is_a_schema_unless_it_only_gathers_definitions() {
        for root in [
            json!({}),
            json!(true),
            json!({"maxLength": 2}),
            json!({"title": "A"}),
            json!({"$defs": {}, "anyOf": []}),
            json!({"definitions": {}, "type": "string"}),
        ] {
            assert!(is_schema_root(&root), "{root}");
        }
        for root in [
            json!({"$defs": {}}),
            json!({"$schema": "x", "$id": "y", "title": "t", "description": "d",
                   "$comment": "c", "x-a": 1, "definitions": {}}),
        ] {
            assert!(!is_schema_root(&root), "{root}");
        }
    }

    #[test]
    fn ids_anchors_and_pointers_resolve_inside_the_document() {
        let d = Document::new(
            json!({
                "$id": "https://example.com/root.json",
                "$defs": {
                    "A": {"$id": "a.json", "$anchor": "top", "$defs": {"B": {"$anchor": "b"}}},
                    "C": {"properties": {
                        "x": {"$ref": "a.json#b"},
                        "y": {"$ref": "a.json#top"},
                        "v": {"$ref": "#top"},
                        "z": {"$ref": "a.json#/$defs/B"},
                        "w": {"$ref": "https://example.com/root.json#/$defs/A"}
                    }}
                }
            }),
            "x",
        )
        .unwrap();
        let c = &d.root["$defs"]["C"]["properties"];
        let moved = "#/$defs/$files/document/~1$defs~1A~1$defs/B";
        assert_eq!(c["x"]["$ref"], moved);
        assert_eq!(c["y"]["$ref"], "#/$defs/A");
        assert_eq!(c["z"]["$ref"], moved);
        assert_eq!(c["w"]["$ref"], "#/$defs/A");
        // Read, and gone: the subschemas are plain schemas.
        assert_eq!(d.root["$defs"]["A"], json!({}));
        // `top` is an anchor of `a.json`, not of the root: as written, and why.
        assert_eq!(c["v"]["$ref"], "#top");
        assert_eq!(d.unresolved.len(), 1);
        assert_eq!(d.unresolved[0].pointer, "#/$defs/C/properties/v/$ref");
        assert_eq!(
            d.unresolved[0].message,
            "`$ref` to `#top`: no `$anchor` (nor `$id`) `top` in the document"
        );
        assert_eq!(d.show(&moved[1..]), "#/$defs/A/$defs/B");
        let names: Vec<&str> = d.named.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["A", "C"]);
    }

    #[test]
    fn references_are_fragments() {
        assert_eq!(
            ref_target("#/components/schemas/A%20B").as_deref(),
            Some("/components/schemas/A B")
        );
        assert_eq!(ref_target("other.json#/A"), None);
        assert_eq!(ref_target("#/$defs/%C3%A9").as_deref(), Some("/$defs/é"));
        assert_eq!(ref_target("#/$defs/é").as_deref(), Some("/$defs/é"));
        assert_eq!(ref_target("#/$defs/%aé").as_deref(), Some("/$defs/%aé"));
        // A pointer the reader writes as a `$ref` reads back as it was.
        for pointer in [
            "/$defs/$files/defs~1address.json/Postal address",
            "/paths/~1pets~1{id}/get",
            "/$defs/é/100%/a\"b",
            "/$defs/a~0b/(x)+y;z=1:@?",
        ] {
            let text = format!("#{}", encode_fragment(pointer));
            assert!(
                !text.contains([' ', '{', '}', '"', 'é']) && !text.contains("%/"),
                "{text}"
            );
            assert_eq!(ref_target(&text).as_deref(), Some(pointer));
        }
        assert_eq!(
            encode_fragment("/$defs/$files/a b/{c}"),
            "/$defs/$files/a%20b/%7Bc%7D"
        );
    }
}
