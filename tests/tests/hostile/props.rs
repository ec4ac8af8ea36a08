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
//! - an error never contains the value of a `secret` field, and stays under
//!   [`ERROR_LIMIT`] bytes whatever the input's size.

#![allow(dead_code)]

use std::fmt::Debug;

use authlete_models::Model;
use serde_json::Value;

/// The longest error message, in bytes, any input may produce: a path, a rule, a short
/// excerpt, a line and a column, never the bulk of a value.
pub const ERROR_LIMIT: usize = 512;

/// The codes `from_json` reports.
pub const CODES: &[&str] = &[
    "charset",
    "min_len",
    "max_len",
    "min",
    "max",
    "syntax",
    "type",
    "required",
    "unknown_field",
    "invalid",
];

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

/// Checks every property of `input` read as a `T`. `secrets` lists the JSON Pointers of the
/// model's secret fields (a `*` segment stands for every element of an array). Panics, with a
/// message saying which property broke, when one does.
pub fn check<T>(input: &[u8], secrets: &[&str], checks: Checks) -> Option<T>
where
    T: Model + PartialEq + Debug,
{
    let read = serde_json::from_slice::<T>(input);
    match &read {
        Ok(value) => check_accepted(value),
        Err(error) => {
            let texts = [error.to_string(), format!("{error:?}")];
            check_error_texts(input, secrets, checks, &texts, &texts[..1]);
        }
    }
    if let Ok(text) = std::str::from_utf8(input) {
        match (&read, authlete_models::from_json::<T>(text)) {
            (Ok(a), Ok(b)) => assert_eq!(*a, b, "from_json read another value"),
            (Err(_), Err(errors)) => {
                for e in &errors {
                    assert!(CODES.contains(&e.code()), "unknown code {:?}", e.code());
                    assert!(
                        e.path().is_empty() || e.path().starts_with('/'),
                        "not a JSON Pointer: {:?}",
                        e.path()
                    );
                }
                let texts = [
                    errors.to_string(),
                    format!("{errors:?}"),
                    serde_json::to_string(&errors).expect("errors serialize"),
                ];
                let each: Vec<String> = errors.iter().map(ToString::to_string).collect();
                check_error_texts(input, secrets, checks, &texts, &each);
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
                let texts = [error.to_string(), format!("{error:?}")];
                check_error_texts(input, secrets, checks, &texts, &texts[..1]);
            }
        }
    }
    read.ok()
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

/// `texts` are every rendering of the error; `messages` each single message, whose size is
/// bounded (a list of errors grows with the number of violations, each of its lines does not).
fn check_error_texts(
    input: &[u8],
    secrets: &[&str],
    checks: Checks,
    texts: &[String],
    messages: &[String],
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
    if checks.no_secret_in_errors {
        for secret in secret_values(input, secrets) {
            for text in texts {
                assert!(
                    !text.contains(&secret),
                    "an error shows the secret {secret:?}: {text}"
                );
            }
        }
    }
}

/// The values found at the secret pointers of `input`, as an error would print them, when
/// they are long enough and rare enough in the input that finding one in an error can only
/// mean it was copied from the secret (an 8-character value could be a word of a message, a
/// value that occurs twice could have been copied from the other place).
pub fn secret_values(input: &[u8], secrets: &[&str]) -> Vec<String> {
    let Ok(document) = serde_json::from_slice::<Value>(input) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for pointer in secrets {
        let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
        collect_at(&document, &tokens, &mut found);
    }
    found.retain(|s| s.chars().count() >= 12 && occurrences(input, s.as_bytes()) <= 1);
    found
}

fn collect_at(value: &Value, tokens: &[&str], out: &mut Vec<String>) {
    let Some((first, rest)) = tokens.split_first() else {
        match value {
            Value::String(s) => out.push(s.clone()),
            Value::Number(n) => out.push(n.to_string()),
            _ => {}
        }
        return;
    };
    match (value, *first) {
        (Value::Array(items), "*") => items.iter().for_each(|v| collect_at(v, rest, out)),
        (Value::Object(map), key) => {
            if let Some(v) = map.get(key) {
                collect_at(v, rest, out);
            }
        }
        _ => {}
    }
}

fn occurrences(haystack: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() || needle.len() > haystack.len() {
        return 0;
    }
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}
