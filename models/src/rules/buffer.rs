//! Values buffered while a model is read, wiped when they go.

use serde_json::Value;

/// A value buffered while a model is read (an enum's content met before its tag, an untagged
/// enum's value, a flattened model's members). Its strings may hold a secret on its way to a
/// `Secret` field, so they are wiped when the buffer goes, as `Secret` wipes its own.
pub(crate) struct Buffer(pub(crate) Value);

impl Buffer {
    /// Adds a member to a buffered object.
    #[inline]
    pub(crate) fn insert(&mut self, name: String, value: Value) {
        if let Value::Object(members) = &mut self.0 {
            members.insert(name, value);
        }
    }
}

impl Drop for Buffer {
    #[inline]
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

/// Wipes every string of `v`, in place (member names are not secrets, and are left).
#[inline]
pub(crate) fn wipe(v: &mut Value) {
    use zeroize::Zeroize;
    match v {
        Value::String(s) => s.zeroize(),
        Value::Array(items) => items.iter_mut().for_each(wipe),
        Value::Object(members) => members.values_mut().for_each(wipe),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_buffer_is_wiped_to_its_last_string() {
        let mut v = json!({"password": "hunter2", "list": ["a", {"k": "v"}], "n": 1});
        wipe(&mut v);
        assert_eq!(v, json!({"password": "", "list": ["", {"k": ""}], "n": 1}));
    }
}
