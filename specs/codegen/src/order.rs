//! The order of each object's members as the document writes them. `serde_json::Value` keeps
//! members sorted by name (unless an application turns on `preserve_order`, which would
//! change every map of the workspace), so the order is read once more, on its own: fields,
//! types and `required` lists follow the document.

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::input::escape;

/// Each object's member names in document order, by the object's JSON Pointer.
pub type Order = HashMap<String, Vec<String>>;

/// Reads the member order of every object in `text`, a JSON document.
pub fn read(text: &str) -> Result<Order, serde_json::Error> {
    let mut out = Order::new();
    let mut d = serde_json::Deserializer::from_str(text);
    Seed {
        at: String::new(),
        out: &mut out,
    }
    .deserialize(&mut d)?;
    d.end()?;
    Ok(out)
}

struct Seed<'a> {
    at: String,
    out: &'a mut Order,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = format!("{}/{}", self.at, escape(&key));
            map.next_value_seed(Seed { at, out: self.out })?;
            keys.push(key);
        }
        self.out.insert(self.at, keys);
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            let at = format!("{}/{i}", self.at);
            if seq.next_element_seed(Seed { at, out: self.out })?.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_document_s_order_at_every_pointer() {
        let order =
            super::read(r#"{"b": {"z": 1, "a/b": [{"y": 0, "x": 0}]}, "a": null}"#).unwrap();
        assert_eq!(order[""], ["b", "a"]);
        assert_eq!(order["/b"], ["z", "a/b"]);
        assert_eq!(order["/b/a~1b/0"], ["y", "x"]);
    }
}
