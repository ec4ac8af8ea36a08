//! The order of each object's members as the document writes them, and the reading of YAML.
//!
//! `serde_json::Value` keeps members sorted by name (unless an application turns on
//! `preserve_order`, which would change every map of the workspace), so the order is read on
//! its own, in the same pass that builds the value: from JSON text ([`json`]), from YAML
//! ([`yaml`]). Fields, types and `required` lists follow the document.
//!
//! YAML is read by `saphyr-parser` (YAML 1.2, safe Rust), whose events come in the document's
//! order. Plain scalars are resolved with YAML 1.2's core schema (`null`, `true`, `12`, `0x1f`,
//! `1.5e3`); quoted and block scalars are strings; a mapping key is its scalar's text (`200:`
//! is the member `"200"`). An alias is the value its anchor names, copied, within a bound on
//! the values made (so that aliases of aliases cannot blow up); a YAML 1.1 merge key (`<<`)
//! is a plain member.

use std::collections::HashMap;
use std::fmt::{self, Write};

use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::input::escape;

/// Each object's member names in document order, by the object's JSON Pointer.
pub type Order = HashMap<String, Vec<String>>;

/// Reads `text`, a JSON document, into its value and the member order of each of its objects,
/// in one pass. The value is the one `serde_json` reads, and so is an error.
pub fn json(text: &str) -> Result<(Value, Order), serde_json::Error> {
    let mut order = Order::new();
    let mut at = String::new();
    let mut d = serde_json::Deserializer::from_str(text);
    let value = Node {
        at: &mut at,
        order: &mut order,
    }
    .deserialize(&mut d)?;
    d.end()?;
    Ok((value, order))
}

/// A value at the pointer `at`, whose objects' member orders go to `order`.
struct Node<'a> {
    at: &'a mut String,
    order: &'a mut Order,
}

impl Node<'_> {
    /// The value at `at` + `/` + `token` (escaped), read by `read`.
    fn child<T>(&mut self, token: &str, read: impl FnOnce(Node<'_>) -> T) -> T {
        let len = self.at.len();
        self.at.push('/');
        if token.contains(['~', '/']) {
            self.at.push_str(&escape(token));
        } else {
            self.at.push_str(token);
        }
        let out = read(Node {
            at: self.at,
            order: self.order,
        });
        self.at.truncate(len);
        out
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Value, A::Error> {
        let mut keys = Vec::new();
        let mut values = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = self.child(&key, |node| map.next_value_seed(node))?;
            values.insert(key.clone(), value);
            keys.push(key);
        }
        self.order.insert(self.at.clone(), keys);
        Ok(Value::Object(values))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut values = Vec::new();
        let len = self.at.len();
        loop {
            let _ = write!(self.at, "/{}", values.len());
            let value = seq.next_element_seed(Node {
                at: self.at,
                order: self.order,
            });
            self.at.truncate(len);
            match value? {
                Some(value) => values.push(value),
                None => return Ok(Value::Array(values)),
            }
        }
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
}

/// How deep a YAML document may nest: `serde_json`'s bound for JSON, so that both kinds of
/// document reach the generator's recursive walks within the same depth.
const MAX_DEPTH: usize = 128;

/// Reads `text`, one YAML document, into its value and the member order of each of its
/// mappings. The error says what is wrong and where (line and column).
pub fn yaml(text: &str) -> Result<(Value, Order), String> {
    let mut b = Builder {
        stack: Vec::new(),
        root: None,
        documents: 0,
        anchors: HashMap::new(),
        orders: Vec::new(),
        made: 0,
        // Aliases copy their anchor's value: the copies may make several times the values the
        // text writes, never without bound.
        limit: text.len().saturating_mul(8).max(1 << 20),
    };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| e.to_string())?;
        b.event(event, span)?;
    }
    let root = b.root.ok_or("no YAML document")?;
    Ok((root, b.orders.into_iter().collect()))
}

/// Builds a value from the parser's events.
struct Builder {
    /// The mappings and sequences open, outermost first.
    stack: Vec<Frame>,
    root: Option<Value>,
    documents: usize,
    /// The values anchors name, by the parser's anchor id.
    anchors: HashMap<usize, Anchored>,
    /// Each mapping's pointer and member names, as the mapping ends.
    orders: Vec<(String, Vec<String>)>,
    /// How many values were made, an alias counting as many as it copies.
    made: usize,
    limit: usize,
}

/// What an anchor names: the value, how many values it holds, and the member order of its
/// mappings by pointer from the value.
struct Anchored {
    value: Value,
    size: usize,
    orders: Vec<(String, Vec<String>)>,
}

/// An open mapping or sequence.
struct Frame {
    at: String,
    anchor: usize,
    body: Body,
    /// Where its mappings' orders start in [`Builder::orders`].
    orders: usize,
    /// [`Builder::made`] when it started.
    made: usize,
}

enum Body {
    /// The members so far, their names in order, and the name read whose value is next.
    Map(Map<String, Value>, Vec<String>, Option<String>),
    Seq(Vec<Value>),
}

/// Where an event is, for a message.
fn place(span: &Span) -> String {
    format!(
        "at line {} column {}",
        span.start.line(),
        span.start.col() + 1
    )
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), String> {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(format!(
                        "a second YAML document {}: one document is read",
                        place(&span)
                    ));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                if self.wants_key() {
                    return self.key(text.into_owned(), &span);
                }
                let value = scalar(&text, style, tag.as_deref())
                    .map_err(|e| format!("{e} {}", place(&span)))?;
                self.count(1, &span)?;
                if anchor > 0 {
                    let anchored = Anchored {
                        value: value.clone(),
                        size: 1,
                        orders: Vec::new(),
                    };
                    self.anchors.insert(anchor, anchored);
                }
                self.put(value, &span)?;
            }
            Event::Alias(id) => {
                let Some(anchored) = self.anchors.get(&id) else {
                    return Err(format!("an alias of no anchor {}", place(&span)));
                };
                if self.wants_key() {
                    let key = match &anchored.value {
                        Value::String(s) => s.clone(),
                        v @ (Value::Number(_) | Value::Bool(_) | Value::Null) => v.to_string(),
                        _ => {
                            return Err(format!("a mapping key must be a scalar {}", place(&span)));
                        }
                    };
                    return self.key(key, &span);
                }
                let (value, size) = (anchored.value.clone(), anchored.size);
                let at = self.child_at();
                let copied: Vec<(String, Vec<String>)> = anchored
                    .orders
                    .iter()
                    .map(|(rel, keys)| (format!("{at}{rel}"), keys.clone()))
                    .collect();
                self.count(size, &span)?;
                self.orders.extend(copied);
                self.put(value, &span)?;
            }
            Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                if self.wants_key() {
                    return Err(format!("a mapping key must be a scalar {}", place(&span)));
                }
                if self.stack.len() >= MAX_DEPTH {
                    return Err(format!(
                        "nested more than {MAX_DEPTH} deep {}",
                        place(&span)
                    ));
                }
                self.count(1, &span)?;
                let body = match event {
                    Event::MappingStart(..) => Body::Map(Map::new(), Vec::new(), None),
                    _ => Body::Seq(Vec::new()),
                };
                self.stack.push(Frame {
                    at: self.child_at(),
                    anchor,
                    body,
                    orders: self.orders.len(),
                    made: self.made,
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Err(format!("an end of nothing {}", place(&span)));
                };
                let value = match frame.body {
                    Body::Map(map, keys, _) => {
                        self.orders.push((frame.at.clone(), keys));
                        Value::Object(map)
                    }
                    Body::Seq(items) => Value::Array(items),
                };
                if frame.anchor > 0 {
                    let orders = self.orders[frame.orders..]
                        .iter()
                        .map(|(at, keys)| (at[frame.at.len()..].to_owned(), keys.clone()))
                        .collect();
                    let anchored = Anchored {
                        value: value.clone(),
                        size: self.made - frame.made,
                        orders,
                    };
                    self.anchors.insert(frame.anchor, anchored);
                }
                self.put(value, &span)?;
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
        }
        Ok(())
    }

    /// Whether the next scalar is a mapping key.
    fn wants_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                body: Body::Map(_, _, None),
                ..
            })
        )
    }

    fn key(&mut self, key: String, span: &Span) -> Result<(), String> {
        if let Some(Frame {
            body: Body::Map(map, _, next),
            ..
        }) = self.stack.last_mut()
        {
            if map.contains_key(&key) {
                return Err(format!("the key `{key}` a second time {}", place(span)));
            }
            *next = Some(key);
        }
        Ok(())
    }

    /// The pointer of the value that comes next.
    fn child_at(&self) -> String {
        match self.stack.last() {
            None => String::new(),
            Some(Frame {
                at,
                body: Body::Map(_, _, Some(key)),
                ..
            }) => format!("{at}/{}", escape(key)),
            Some(Frame {
                at,
                body: Body::Seq(items),
                ..
            }) => format!("{at}/{}", items.len()),
            Some(Frame { at, .. }) => at.clone(),
        }
    }

    fn count(&mut self, n: usize, span: &Span) -> Result<(), String> {
        self.made = self.made.saturating_add(n);
        if self.made > self.limit {
            return Err(format!(
                "aliases make more than {} values {}",
                self.limit,
                place(span)
            ));
        }
        Ok(())
    }

    fn put(&mut self, value: Value, span: &Span) -> Result<(), String> {
        match self.stack.last_mut() {
            None if self.root.is_none() => self.root = Some(value),
            None => return Err(format!("a second value {}", place(span))),
            Some(Frame { body, .. }) => match body {
                Body::Map(map, keys, next) => {
                    if let Some(key) = next.take() {
                        keys.push(key.clone());
                        map.insert(key, value);
                    }
                }
                Body::Seq(items) => items.push(value),
            },
        }
        Ok(())
    }
}

/// A scalar's value: by its tag when it has one of the core schema (`!!str`, `!!int`...),
/// a string when quoted or a block, else resolved by YAML 1.2's core schema.
fn scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Result<Value, String> {
    let core = tag
        .filter(|t| t.is_yaml_core_schema())
        .map(|t| t.suffix.as_str());
    let plain = style == ScalarStyle::Plain;
    let want = match core {
        Some("str") => return Ok(Value::String(text.to_owned())),
        Some(kind @ ("null" | "bool" | "int" | "float")) => kind,
        _ if !plain => return Ok(Value::String(text.to_owned())),
        _ => "",
    };
    let value = plain_scalar(text)?;
    let fits = match (want, &value) {
        ("", _) | ("null", Value::Null) | ("bool", Value::Bool(_)) => true,
        ("int", Value::Number(n)) => n.is_i64() || n.is_u64(),
        ("float", Value::Number(_)) => true,
        _ => false,
    };
    if !fits {
        return Err(format!("`{text}` is not a `!!{want}`"));
    }
    match (want, &value) {
        ("float", Value::Number(n)) if !n.is_f64() => float(text),
        _ => Ok(value),
    }
}

/// A plain scalar resolved by YAML 1.2's core schema.
fn plain_scalar(text: &str) -> Result<Value, String> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Ok(Value::Null),
        "true" | "True" | "TRUE" => return Ok(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Ok(Value::Bool(false)),
        _ => {}
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let digits = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));
    let radix = [("0o", 8), ("0x", 16)]
        .into_iter()
        .find_map(|(p, r)| Some((text.strip_prefix(p)?, r)));
    if let Some((rest, radix)) = radix {
        if digits(rest, radix) {
            return match u64::from_str_radix(rest, radix) {
                Ok(n) => Ok(Value::Number(n.into())),
                Err(_) => Err(format!("`{text}` is too large a number")),
            };
        }
    } else if digits(unsigned, 10) {
        if let Ok(n) = text.parse::<i64>() {
            return Ok(Value::Number(n.into()));
        }
        if let Ok(n) = text.parse::<u64>() {
            return Ok(Value::Number(n.into()));
        }
        return float(text);
    } else if is_float(unsigned) {
        return float(text);
    }
    if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(&unsigned) {
        return Err(format!("`{text}` is a number JSON has not"));
    }
    Ok(Value::String(text.to_owned()))
}

/// Whether `s` (without its sign) is a float of the core schema:
/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
fn is_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let run = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let whole = run(&mut i);
    let mut fraction = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        fraction = run(&mut i);
    }
    if whole == 0 && fraction == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        if run(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

fn float(text: &str) -> Result<Value, String> {
    text.parse::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .map(Value::Number)
        .ok_or_else(|| format!("`{text}` is a number JSON has not"))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn keeps_the_document_s_order_at_every_pointer() {
        let text = r#"{"b": {"z": 1, "a/b": [{"y": 0, "x": 0}]}, "a": null}"#;
        let (value, order) = super::json(text).unwrap();
        assert_eq!(
            value,
            serde_json::from_str::<serde_json::Value>(text).unwrap()
        );
        assert_eq!(order[""], ["b", "a"]);
        assert_eq!(order["/b"], ["z", "a/b"]);
        assert_eq!(order["/b/a~1b/0"], ["y", "x"]);
    }

    #[test]
    fn yaml_keeps_the_document_s_order_at_every_pointer() {
        let (value, order) = super::yaml("b:\n  z: 1\n  a/b:\n    - {y: 0, x: 0}\na: ~\n").unwrap();
        assert_eq!(
            value,
            json!({"b": {"z": 1, "a/b": [{"y": 0, "x": 0}]}, "a": null})
        );
        assert_eq!(order[""], ["b", "a"]);
        assert_eq!(order["/b"], ["z", "a/b"]);
        assert_eq!(order["/b/a~1b/0"], ["y", "x"]);
    }

    #[test]
    fn yaml_scalars_follow_the_core_schema() {
        let text = "[~, null, '', true, False, 12, -3, 0x1f, 0o17, 1.5e3, .5, 18446744073709551615, \
                    '12', \"true\", yes, no, 1.2.3, !!str 12, !!float 2, 2001-12-14, 'a: b']";
        let (value, _) = super::yaml(text).unwrap();
        assert_eq!(
            value,
            json!([
                null,
                null,
                "",
                true,
                false,
                12,
                -3,
                31,
                15,
                1500.0,
                0.5,
                18446744073709551615u64,
                "12",
                "true",
                "yes",
                "no",
                "1.2.3",
                "12",
                2.0,
                "2001-12-14",
                "a: b"
            ])
        );
        assert!(
            super::yaml("[.inf]")
                .unwrap_err()
                .contains("a number JSON has not")
        );
        assert!(
            super::yaml("!!int x")
                .unwrap_err()
                .contains("is not a `!!int`")
        );
    }

    #[test]
    fn yaml_keys_are_their_scalar_s_text() {
        let (value, order) = super::yaml("200: a\ntrue: b\n1.50: c\n'x': d\n").unwrap();
        assert_eq!(
            value,
            json!({"200": "a", "true": "b", "1.50": "c", "x": "d"})
        );
        assert_eq!(order[""], ["200", "true", "1.50", "x"]);
        let e = super::yaml("? [a]\n: b\n").unwrap_err();
        assert!(
            e.starts_with("a mapping key must be a scalar at line 1"),
            "{e}"
        );
    }

    #[test]
    fn yaml_aliases_copy_their_anchor_s_value_and_order() {
        let (value, order) = super::yaml("a: &x {z: 1, y: [{q: 0, p: 1}]}\nb: *x\n").unwrap();
        assert_eq!(value["b"], value["a"]);
        assert_eq!(order["/b"], ["z", "y"]);
        assert_eq!(order["/b/y/0"], ["q", "p"]);
        // Aliases of aliases make many values from little text: not without bound.
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let j = i - 1;
            bomb.push_str(&format!("a{i}: &a{i} [*a{j}, *a{j}, *a{j}, *a{j}, *a{j}, *a{j}, *a{j}, *a{j}, *a{j}, *a{j}]\n"));
        }
        let e = super::yaml(&bomb).unwrap_err();
        assert!(e.starts_with("aliases make more than"), "{e}");
    }

    #[test]
    fn yaml_documents_that_are_not_read() {
        let e = super::yaml("a: 1\na: 2\n").unwrap_err();
        assert_eq!(e, "the key `a` a second time at line 2 column 1");
        let e = super::yaml("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(e.starts_with("a second YAML document at line 2"), "{e}");
        assert_eq!(super::yaml("# nothing\n").unwrap_err(), "no YAML document");
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(
            super::yaml(&deep)
                .unwrap_err()
                .starts_with("nested more than 128 deep")
        );
        assert!(super::yaml("a: [1, 2\n").is_err());
    }
}
