//! Serializing a value and reading it back gives an equal value, for a model that uses every
//! attribute and every field type; the written JSON has the wire names in declaration order.

use std::fmt;

use authlete_models::{Model, Secret, Validate, from_json};
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};

#[derive(Debug, Clone, Default, PartialEq, Model)]
#[model(rename_all = "kebab-case", deny_unknown_fields)]
struct Leaf {
    #[model(charset = "a-z\\-", min_len = 1, max_len = 16)]
    leaf_name: String,
    #[model(min = -5, max = 5)]
    leaf_weight: Option<i16>,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Everything {
    #[model(rename = "ID", charset = "A-Z0-9", min_len = 4, max_len = 4)]
    id: String,
    display_name: String,
    enabled: bool,
    small_u: u8,
    #[model(min = 1, max = 65535)]
    port: u16,
    count_u32: u32,
    big_u: u64,
    huge_u: u128,
    size: usize,
    #[model(min = -128, max = 0)]
    small_i: i8,
    mid_i16: i16,
    mid_i32: i32,
    big_i: i64,
    huge_i: i128,
    offset: isize,
    #[model(min = 0.0, max = 1.0)]
    ratio32: f32,
    precise: f64,
    #[model(max_len = 3)]
    nickname: Option<String>,
    missing_note: Option<String>,
    #[model(min_len = 1, max_len = 4, items(charset = "a-z"))]
    tags: Vec<String>,
    #[model(items(min = 0, max = 100))]
    scores: Vec<u8>,
    matrix: Vec<Vec<i32>>,
    // A boxed string is a supported field type, tested as such.
    #[allow(clippy::box_collection)]
    boxed: Box<String>,
    boxed_leaf: Box<Leaf>,
    #[model(charset = "A-Za-z0-9_-", min_len = 1, max_len = 86)]
    secret: Secret<String>,
    maybe_secret: Option<Secret<String>>,
    leaf: Leaf,
    maybe_leaf: Option<Leaf>,
    leaves: Option<Vec<Leaf>>,
    optional_items: Vec<Option<String>>,
    #[model(default)]
    defaulted: Vec<u32>,
    #[model(default)]
    defaulted_leaf: Leaf,
    #[model(rename = "with~tilde/slash")]
    odd_name: Option<bool>,
    recursive: Option<Box<Everything>>,
}

fn leaf(name: &str, weight: Option<i16>) -> Leaf {
    Leaf {
        leaf_name: name.into(),
        leaf_weight: weight,
    }
}

fn everything() -> Everything {
    Everything {
        id: "AB12".into(),
        display_name: "Name with \"quotes\", \\ backslash, é, 😀 and \u{0} NUL".into(),
        enabled: true,
        small_u: u8::MAX,
        port: 443,
        count_u32: u32::MAX,
        big_u: u64::MAX,
        huge_u: u128::MAX,
        size: usize::MAX,
        small_i: i8::MIN,
        mid_i16: i16::MIN,
        mid_i32: i32::MIN,
        big_i: i64::MIN,
        huge_i: i128::MIN,
        offset: isize::MIN,
        ratio32: 0.1,
        precise: std::f64::consts::PI,
        nickname: Some("nic".into()),
        missing_note: None,
        tags: vec!["alpha".into(), "beta".into()],
        scores: vec![0, 50, 100],
        matrix: vec![vec![], vec![1, -2, 3], vec![i32::MAX]],
        boxed: Box::new("boxed".into()),
        boxed_leaf: Box::new(leaf("boxed-leaf", Some(-5))),
        secret: Secret::new("s3cr3t_-Value".into()),
        maybe_secret: Some(Secret::new("another".into())),
        leaf: leaf("leaf", None),
        maybe_leaf: Some(leaf("maybe", Some(5))),
        leaves: Some(vec![leaf("a", None), leaf("b", Some(0))]),
        optional_items: vec![None, Some("x".into()), None],
        defaulted: vec![7],
        defaulted_leaf: leaf("d", None),
        odd_name: Some(false),
        recursive: Some(Box::new(Everything {
            recursive: None,
            maybe_leaf: None,
            leaves: None,
            nickname: None,
            maybe_secret: None,
            odd_name: None,
            ..everything_flat()
        })),
    }
}

/// `everything()` without its recursion, to build the inner value from.
fn everything_flat() -> Everything {
    Everything {
        id: "ZZ99".into(),
        display_name: String::new(),
        enabled: false,
        small_u: 0,
        port: 1,
        count_u32: 0,
        big_u: 0,
        huge_u: 0,
        size: 0,
        small_i: 0,
        mid_i16: 0,
        mid_i32: 0,
        big_i: 0,
        huge_i: 0,
        offset: 0,
        ratio32: 1.0,
        precise: -0.0,
        nickname: None,
        missing_note: None,
        tags: vec!["z".into()],
        scores: Vec::new(),
        matrix: Vec::new(),
        boxed: Box::new(String::new()),
        boxed_leaf: Box::new(leaf("b", None)),
        secret: Secret::new("x".into()),
        maybe_secret: None,
        leaf: leaf("l", None),
        maybe_leaf: None,
        leaves: Some(Vec::new()),
        optional_items: Vec::new(),
        defaulted: Vec::new(),
        defaulted_leaf: leaf("dflt", None),
        odd_name: None,
        recursive: None,
    }
}

/// The member names of a JSON object in the order they are written.
fn keys_in_order(json: &str) -> Vec<String> {
    struct Keys;
    impl<'de> Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut keys = Vec::new();
            while let Some((key, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                keys.push(key);
            }
            Ok(keys)
        }
    }
    let mut de = serde_json::Deserializer::from_str(json);
    (&mut de).deserialize_map(Keys).unwrap()
}

#[test]
fn the_sample_is_valid() {
    assert_eq!(everything().validate(), Ok(()));
}

#[test]
fn serialize_then_deserialize_gives_an_equal_value() {
    let value = everything();
    let json = serde_json::to_string(&value).unwrap();
    let back: Everything = serde_json::from_str(&json).unwrap();
    assert_eq!(back, value);
    // The secrets come back too (compared by value, not by their redacted `Debug`).
    assert_eq!(back.secret.expose(), value.secret.expose());
    assert_eq!(
        back.maybe_secret.as_ref().map(|s| s.expose().clone()),
        Some("another".to_owned())
    );
    // Writing the read value gives the same text.
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    // And so does the pretty form, and from_json.
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    assert_eq!(serde_json::from_str::<Everything>(&pretty).unwrap(), value);
    assert_eq!(from_json::<Everything>(&json).unwrap(), value);
    // Through a serde_json::Value as well (which holds no integer past 64 bits).
    let value = within_64_bits();
    let as_value = serde_json::to_value(&value).unwrap();
    assert_eq!(
        serde_json::from_value::<Everything>(as_value).unwrap(),
        value
    );
}

#[test]
fn serialize_then_deserialize_the_minimal_value() {
    let value = everything_flat();
    let json = serde_json::to_string(&value).unwrap();
    let back: Everything = serde_json::from_str(&json).unwrap();
    assert_eq!(back, value);
    assert!(back.precise.is_sign_negative(), "-0.0 keeps its sign");
}

#[test]
fn wire_names_are_written_in_declaration_order() {
    let json = serde_json::to_string(&everything()).unwrap();
    let expected = [
        "ID",
        "displayName",
        "enabled",
        "smallU",
        "port",
        "countU32",
        "bigU",
        "hugeU",
        "size",
        "smallI",
        "midI16",
        "midI32",
        "bigI",
        "hugeI",
        "offset",
        "ratio32",
        "precise",
        "nickname",
        // missingNote is None: left out.
        "tags",
        "scores",
        "matrix",
        "boxed",
        "boxedLeaf",
        "secret",
        "maybeSecret",
        "leaf",
        "maybeLeaf",
        "leaves",
        "optionalItems",
        "defaulted",
        "defaultedLeaf",
        "with~tilde/slash",
        "recursive",
    ];
    assert_eq!(keys_in_order(&json), expected);
    // Nested models follow their own rename_all and order, and leave out their `None`s.
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        keys_in_order(&doc["maybeLeaf"].to_string()),
        ["leaf-name", "leaf-weight"]
    );
    let leaf_json = serde_json::to_string(&leaf("x", None)).unwrap();
    assert_eq!(leaf_json, r#"{"leaf-name":"x"}"#);
}

/// `everything()` with its 128-bit integers brought within what `serde_json::Value` holds.
fn within_64_bits() -> Everything {
    let mut v = everything();
    v.huge_u = u128::from(u64::MAX);
    v.huge_i = i128::from(i64::MIN);
    if let Some(inner) = v.recursive.as_mut() {
        inner.huge_u = 0;
        inner.huge_i = 0;
    }
    v
}

#[test]
fn written_values_are_the_plain_json_values() {
    let doc = serde_json::to_value(within_64_bits()).unwrap();
    assert_eq!(doc["ID"], "AB12");
    assert_eq!(doc["bigU"], u64::MAX);
    assert_eq!(doc["bigI"], i64::MIN);
    assert_eq!(doc["secret"], "s3cr3t_-Value");
    assert_eq!(doc["maybeSecret"], "another");
    assert_eq!(doc["optionalItems"], serde_json::json!([null, "x", null]));
    assert_eq!(
        doc["boxedLeaf"],
        serde_json::json!({"leaf-name": "boxed-leaf", "leaf-weight": -5})
    );
    assert_eq!(doc["with~tilde/slash"], false);
    assert!(doc.get("missingNote").is_none());
    // 128-bit integers are written as exact decimal numbers.
    let json = serde_json::to_string(&everything()).unwrap();
    assert!(json.contains(&format!("\"hugeU\":{}", u128::MAX)), "{json}");
    assert!(json.contains(&format!("\"hugeI\":{}", i128::MIN)), "{json}");
}

#[test]
fn every_round_trip_of_varied_values_is_exact() {
    // A spread of values for the numeric fields, each read back exactly.
    for i in 0..200u32 {
        let mut v = everything_flat();
        v.count_u32 = i.wrapping_mul(2_654_435_761);
        v.big_i = i64::from(i) * -46_116_860_184_273_879;
        v.precise = f64::from(i) / 7.0 - 13.25;
        v.ratio32 = f32::from(u8::try_from(i % 101).unwrap()) / 100.0;
        v.port = u16::try_from(i).unwrap() + 1;
        v.tags = (0..=(i % 4))
            .map(|k| "abcdefgh"[..=(k as usize)].to_owned())
            .collect();
        let json = serde_json::to_string(&v).unwrap();
        let back: Everything = serde_json::from_str(&json).unwrap();
        assert_eq!(back, v, "{json}");
        assert_eq!(back.validate(), Ok(()));
    }
}

/// The runtime implements serde's traits through `serde_core`; code that names them through
/// the `serde` facade, as serde_derive's users do, sees the same traits.
#[test]
fn models_are_the_serde_facade_s_serialize_and_deserialize() {
    fn through_facade<T: serde::Serialize + serde::de::DeserializeOwned>(doc: &str) -> String {
        let value: T = serde_json::from_str(doc).unwrap();
        serde_json::to_string(&value).unwrap()
    }
    let doc = r#"{"clientSecret":"abc-DEF_123"}"#;
    assert_eq!(
        through_facade::<authlete_models::ClientSecretUpdateRequest>(doc),
        doc
    );
}
