//! Schemas of several kinds. Today only the `null` a schema allows, in each way it can be
//! written: a value that may be `null` is an `Option`. Any other union (`oneOf`, `anyOf`,
//! a `type` of several types) is refused: the derive makes no Rust enum of types.

use serde_json::{Map, Value};

use super::Lowering;

impl Lowering<'_> {
    /// A struct or an enum holds no `null`: the field that holds an inline one is an `Option`
    /// instead, and a named one cannot be. Takes the `null` out of `map`, refusing it on a
    /// named type.
    pub(super) fn type_without_null(
        &mut self,
        map: &mut Map<String, Value>,
        pointer: &str,
        inline: bool,
    ) {
        match unwrap_null(map, pointer) {
            Ok(u) if u.nullable && !inline => {
                self.cannot(pointer, "null", "is allowed by a whole struct or enum type, which the derive cannot hold: allow `null` in the members that hold it");
                *map = u.map;
            }
            Ok(u) => *map = u.map,
            Err(_) => {}
        }
    }

    /// The schema without the `null` it allows (see [`unwrap_null`]); with `lossy`, a list of
    /// several types is dropped (the value is then any JSON value).
    pub(super) fn strip_null(
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
