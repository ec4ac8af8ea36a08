//! The properties every input must satisfy, whatever its bytes, shared by the proptest suite
//! and the fuzz targets (which include this file by path).
//!
//! For a model `T` and any input:
//!
//! - reading it never panics, from the text (`serde_json::from_slice` and `from_json`) or from
//!   a `serde_json::Value`;
//! - a value it yields passes `validate()`, serializes, and reads back to an equal value
//!   (through the JSON text and through `serde_json::Value`);
//! - `from_json` agrees with `serde_json::from_slice` on whether it is accepted and on the
//!   value, and its errors carry a JSON Pointer and a known code;
//! - an error never contains the value of a `secret` field (copied from it: see
//!   [`copied_secrets`] for how a copy is told from a coincidence), and stays under
//!   [`ERROR_LIMIT`] bytes whatever the input's size (a message quotes a pointer cut to its
//!   first and last parts; `from_json`'s list keeps each pointer whole, apart from its
//!   bounded code and message).

#![allow(dead_code)]

use std::fmt::Debug;

use authlete_models::{Code, Model, ValidationErrors};
use serde_json::Value;

/// The longest error message, in bytes, any input may produce: a path, a rule, a short
/// excerpt, a line and a column, never the bulk of a value.
pub const ERROR_LIMIT: usize = 512;

/// Which of the properties to check.
#[derive(Clone, Copy, Debug)]
pub struct Checks {
    /// Errors never contain a secret field's value.
    pub no_secret_in_errors: bool,
    /// Errors stay under [`ERROR_LIMIT`] bytes.
    pub bounded_errors: bool,
}

impl Checks {
    /// Every property.
    pub const ALL: Checks = Checks {
        no_secret_in_errors: true,
        bounded_errors: true,
    };
}

/// A reader of documents: every rendering of its error, or `None` when it accepts the document.
pub type Reader<'a> = &'a dyn Fn(&[u8]) -> Option<Vec<String>>;

/// Checks every property of `input` read as a `T`. `secrets` lists the JSON Pointers of the
/// model's secret fields (a `*` segment stands for every element of an array and every member
/// of an object, a map's). Panics, with a message saying which property broke, when one does.
pub fn check<T>(input: &[u8], secrets: &[&str], checks: Checks) -> Option<T>
where
    T: Model + PartialEq + Debug,
{
    let from_slice = |doc: &[u8]| serde_json::from_slice::<T>(doc).err().map(|e| texts_of(&e));
    let read = serde_json::from_slice::<T>(input);
    match &read {
        Ok(value) => check_accepted(value),
        Err(error) => {
            let texts = texts_of(error);
            check_error_texts(input, secrets, checks, &texts, &texts[..1], &from_slice);
        }
    }
    if let Ok(text) = std::str::from_utf8(input) {
        match (&read, authlete_models::from_json::<T>(text)) {
            (Ok(a), Ok(b)) => assert_eq!(*a, b, "from_json read another value"),
            (Err(_), Err(errors)) => {
                for e in &errors {
                    assert!(
                        Code::from_name(e.code()).is_some(),
                        "unknown code {:?}",
                        e.code()
                    );
                    assert!(
                        e.path().is_empty() || e.path().starts_with('/'),
                        "not a JSON Pointer: {:?}",
                        e.path()
                    );
                }
                let from_json = |doc: &[u8]| {
                    let text = std::str::from_utf8(doc).ok()?;
                    let errors = authlete_models::from_json::<T>(text).err()?;
                    Some(list_texts_of(&errors))
                };
                // Each error's pointer is the document's own structure (its depth bounded by
                // the nesting limit), kept whole for the caller; its code and message are
                // bounded.
                let each: Vec<String> = errors
                    .iter()
                    .map(|e| format!("{}: {}", e.code(), e.message()))
                    .collect();
                check_error_texts(
                    input,
                    secrets,
                    checks,
                    &list_texts_of(&errors),
                    &each,
                    &from_json,
                );
            }
            (Ok(_), Err(errors)) => panic!("from_json refused an accepted document: {errors}"),
            (Err(e), Ok(_)) => panic!("from_json accepted a refused document: {e}"),
        }
    }
    // Another deserializer, which hands the visitors owned strings and its own numbers.
    if let Ok(tree) = serde_json::from_slice::<Value>(input) {
        match T::deserialize(&tree) {
            Ok(value) => check_accepted(&value),
            Err(error) => {
                let from_tree = |doc: &[u8]| {
                    let tree = serde_json::from_slice::<Value>(doc).ok()?;
                    T::deserialize(&tree).err().map(|e| texts_of(&e))
                };
                let texts = texts_of(&error);
                check_error_texts(input, secrets, checks, &texts, &texts[..1], &from_tree);
            }
        }
    }
    read.ok()
}

/// Every rendering of a serde_json error: `Display` and `Debug`.
fn texts_of(error: &serde_json::Error) -> Vec<String> {
    vec![error.to_string(), format!("{error:?}")]
}

/// Every rendering of `from_json`'s errors: `Display`, `Debug` and JSON.
fn list_texts_of(errors: &ValidationErrors) -> Vec<String> {
    vec![
        errors.to_string(),
        format!("{errors:?}"),
        serde_json::to_string(errors).expect("errors serialize"),
    ]
}

/// An accepted value is valid and survives a round trip.
pub fn check_accepted<T>(value: &T)
where
    T: Model + PartialEq + Debug,
{
    if let Err(errors) = value.validate() {
        panic!("an accepted value breaks its rules:\n{errors}");
    }
    let text = serde_json::to_string(value).expect("an accepted value serializes");
    match serde_json::from_str::<T>(&text) {
        Ok(back) => assert_eq!(
            *value, back,
            "the round trip through {text} changed the value"
        ),
        Err(e) => panic!("the serialized value {text} is refused: {e}"),
    }
    match serde_json::to_value(value) {
        Ok(tree) => match T::deserialize(&tree) {
            Ok(back) => assert_eq!(
                *value, back,
                "the round trip through a JSON value changed it"
            ),
            Err(e) => panic!("the value {tree} is refused: {e}"),
        },
        // A `serde_json::Value` has no room for an integer past 64 bits (`u128`, `i128`).
        Err(e) if e.to_string() == "number out of range" => {}
        Err(e) => panic!("an accepted value does not convert to a JSON value: {e}"),
    }
}

/// `texts` are every rendering of the error that `read` gave for `input`; `messages` each
/// single message, whose size is bounded (a list of errors grows with the number of
/// violations, each of its lines does not).
fn check_error_texts(
    input: &[u8],
    secrets: &[&str],
    checks: Checks,
    texts: &[String],
    messages: &[String],
    read: Reader<'_>,
) {
    if checks.bounded_errors {
        for text in messages {
            assert!(
                text.len() <= ERROR_LIMIT,
                "an error of {} bytes: {}…",
                text.len(),
                text.chars().take(200).collect::<String>()
            );
        }
    }
    if !checks.no_secret_in_errors {
        return;
    }
    if let Some(leak) = copied_secrets(input, secrets, texts, read).first() {
        panic!(
            "an error shows the secret {:?} at {}; with {:?} there instead \
             (read as {}), the error shows that: {}",
            leak.secret, leak.pointer, leak.substitute, leak.document, leak.error
        );
    }
}

/// A secret an error was shown to copy.
#[derive(Clone, Debug)]
pub struct Leak {
    /// The secret's pointer in the document.
    pub pointer: String,
    /// The secret's value, as an error would print it.
    pub secret: String,
    /// The value put in its place.
    pub substitute: String,
    /// The document with the substitute, as it was read.
    pub document: String,
    /// The error read from that document, which shows the substitute.
    pub error: String,
}

/// The secrets of `input` (found at the pointers `secrets`) that the error `texts`, which
/// `read` gave for `input`, show because `read` copied them.
///
/// A text that contains a secret's value may have it by coincidence: the value may also be
/// spelled elsewhere in the input (a member's name, with other escapes), or may be the very
/// text of the error. So each value found in a text is put to a test. The document is written
/// again through `serde_json::Value` twice, once as it is and once with a substitute at the
/// secret's pointer (as long, each letter, digit and non-ASCII character replaced by another
/// of its class: see [`substitutes`]), and both are read. The substitute is chosen absent from
/// the document and from the first of the two errors, so the second error can only show it by
/// copying it from the secret field: that, and only that, is a leak. Writing through a `Value`
/// reorders members and respells escapes, which is why the two written documents are compared
/// with each other and not with the input. Not reported: a value for which no substitute is
/// found, and one whose copy the written documents do not show (with its members reordered, a
/// document may be refused for another member first).
///
/// Values shorter than 12 characters are not searched for: one could be a word of a message.
pub fn copied_secrets(
    input: &[u8],
    secrets: &[&str],
    texts: &[String],
    read: Reader<'_>,
) -> Vec<Leak> {
    let Ok(document) = serde_json::from_slice::<Value>(input) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for pointer in secrets {
        let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
        collect_at(&document, &tokens, "", &mut found);
    }
    found
        .into_iter()
        .filter(|(_, secret)| {
            secret.chars().count() >= 12 && texts.iter().any(|t| t.contains(secret.as_str()))
        })
        .filter_map(|(at, secret)| copied(&document, &at, &secret, read))
        .collect()
}

/// The strings and numbers at `tokens` below `value`, each with its JSON Pointer (`at` and
/// the steps taken below it).
fn collect_at(value: &Value, tokens: &[&str], at: &str, out: &mut Vec<(String, String)>) {
    let Some((first, rest)) = tokens.split_first() else {
        match value {
            Value::String(s) => out.push((at.to_owned(), s.clone())),
            Value::Number(n) => out.push((at.to_owned(), n.to_string())),
            _ => {}
        }
        return;
    };
    match (value, *first) {
        (Value::Array(items), "*") => {
            for (i, item) in items.iter().enumerate() {
                collect_at(item, rest, &format!("{at}/{i}"), out);
            }
        }
        (Value::Object(map), "*") => {
            for (name, item) in map {
                let token = authlete_models::escape_pointer_token(name);
                collect_at(item, rest, &format!("{at}/{token}"), out);
            }
        }
        (Value::Object(map), token) => {
            let key = token.replace("~1", "/").replace("~0", "~");
            if let Some(item) = map.get(&key) {
                collect_at(item, rest, &format!("{at}/{token}"), out);
            }
        }
        _ => {}
    }
}

/// Whether `read` copies `secret`, the value at `at` in `document`, into its error: see
/// [`copied_secrets`].
fn copied(document: &Value, at: &str, secret: &str, read: Reader<'_>) -> Option<Leak> {
    let original = serde_json::to_string(document).expect("a JSON value serializes");
    let before = read(original.as_bytes()).unwrap_or_default();
    let mut spelled = Vec::new();
    strings_of(document, &mut spelled);
    let fresh = |s: &str| {
        !original.contains(s)
            && !spelled.iter().any(|t| t.contains(s))
            && !before.iter().any(|t| t.contains(s))
    };
    let number = document.pointer(at)?.is_number();
    let (substitute, value) = substitutes(secret, number).find(|(s, _)| fresh(s))?;
    let mut swapped = document.clone();
    *swapped.pointer_mut(at)? = value;
    let swapped = serde_json::to_string(&swapped).expect("a JSON value serializes");
    let error = read(swapped.as_bytes())?
        .into_iter()
        .find(|t| t.contains(substitute.as_str()))?;
    Some(Leak {
        pointer: at.to_owned(),
        secret: secret.to_owned(),
        substitute,
        document: swapped,
        error,
    })
}

/// Every member name and string of `value`, decoded.
fn strings_of(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings_of(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                strings_of(v, out);
            }
        }
        _ => {}
    }
}

/// ASCII punctuation and the space, but for `"` and `\`, which JSON escapes.
const PUNCTUATION: &[u8] = b" !#$%&'()*+,-./:;<=>?@[]^_`{|}~";

/// Candidate values to put in the place of `secret`, each as an error would print it and as a
/// JSON value, each of the same length in bytes and in characters, with each letter, digit and
/// non-ASCII character replaced by another of its class (lowercase, uppercase, digit, a
/// non-ASCII character of the same UTF-8 length). Punctuation, the space and control
/// characters stay, so that a charset accepts the substitute as it accepts the secret and JSON
/// escapes both alike; a value of punctuation alone has it replaced by other punctuation. A
/// number's substitute is a number that prints as the text given.
fn substitutes(secret: &str, number: bool) -> impl Iterator<Item = (String, Value)> + '_ {
    (1..=9u8).flat_map(move |k| {
        let mut out = Vec::new();
        if number {
            // Every digit, then every digit but the first (a number near its type's
            // bound may have no other first digit).
            let first = secret.find(|c: char| c.is_ascii_digit());
            for keep_first in [false, true] {
                let text: String = secret
                    .char_indices()
                    .map(|(i, c)| match c {
                        '0'..='9' if !(keep_first && Some(i) == first) => shift(c, k, false),
                        c => c,
                    })
                    .collect();
                match text.parse::<serde_json::Number>() {
                    Ok(n) if n.to_string() == text && text != secret => {
                        out.push((text, Value::Number(n)));
                    }
                    _ => {}
                }
            }
        } else {
            let mut text: String = secret.chars().map(|c| shift(c, k, false)).collect();
            if text == secret {
                text = secret.chars().map(|c| shift(c, k, true)).collect();
            }
            if text != secret {
                out.push((text.clone(), Value::String(text)));
            }
        }
        out
    })
}

/// Another character of `c`'s class, `k` (1 to 9) places on: see [`substitutes`].
fn shift(c: char, k: u8, punctuation: bool) -> char {
    let rotate = |base: u8, n: u8| char::from(base + (c as u8 - base + k) % n);
    match c {
        'a'..='z' => rotate(b'a', 26),
        'A'..='Z' => rotate(b'A', 26),
        '0'..='9' => rotate(b'0', 10),
        // Within an aligned block of 16 code points: the same UTF-8 length, never a surrogate.
        c if !c.is_ascii() => char::from_u32(c as u32 ^ u32::from(k)).unwrap_or(c),
        c if punctuation => match PUNCTUATION.iter().position(|&p| p as char == c) {
            Some(i) => char::from(PUNCTUATION[(i + usize::from(k)) % PUNCTUATION.len()]),
            None => c,
        },
        c => c,
    }
}
