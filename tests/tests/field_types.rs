//! Every supported field type, read, validated and written: `String`, `bool`, every integer
//! type, `f32`, `f64`, `Option<T>`, `Vec<T>`, `Box<T>`, `Secret<String>`, nested models and
//! their combinations.

use authlete_models::{Model, Secret, Validate, from_json};
use authlete_models_tests::{found, pairs};

// ---------------------------------------------------------------------------------------------
// Integers

#[derive(Debug, Clone, PartialEq, Model)]
struct Integers {
    a_u8: u8,
    a_u16: u16,
    a_u32: u32,
    a_u64: u64,
    a_u128: u128,
    a_usize: usize,
    a_i8: i8,
    a_i16: i16,
    a_i32: i32,
    a_i64: i64,
    a_i128: i128,
    a_isize: isize,
}

const INTEGER_FIELDS: [&str; 12] = [
    "a_u8", "a_u16", "a_u32", "a_u64", "a_u128", "a_usize", "a_i8", "a_i16", "a_i32", "a_i64",
    "a_i128", "a_isize",
];

fn integers_min() -> Integers {
    Integers {
        a_u8: u8::MIN,
        a_u16: u16::MIN,
        a_u32: u32::MIN,
        a_u64: u64::MIN,
        a_u128: u128::MIN,
        a_usize: usize::MIN,
        a_i8: i8::MIN,
        a_i16: i16::MIN,
        a_i32: i32::MIN,
        a_i64: i64::MIN,
        a_i128: i128::MIN,
        a_isize: isize::MIN,
    }
}

fn integers_max() -> Integers {
    Integers {
        a_u8: u8::MAX,
        a_u16: u16::MAX,
        a_u32: u32::MAX,
        a_u64: u64::MAX,
        a_u128: u128::MAX,
        a_usize: usize::MAX,
        a_i8: i8::MAX,
        a_i16: i16::MAX,
        a_i32: i32::MAX,
        a_i64: i64::MAX,
        a_i128: i128::MAX,
        a_isize: isize::MAX,
    }
}

/// The JSON object of `Integers` with each field's value written as decimal text.
fn integers_json(values: [String; 12]) -> String {
    let members: Vec<String> = INTEGER_FIELDS
        .iter()
        .zip(values)
        .map(|(k, v)| format!("\"{k}\":{v}"))
        .collect();
    format!("{{{}}}", members.join(","))
}

fn min_texts() -> [String; 12] {
    [
        u8::MIN.to_string(),
        u16::MIN.to_string(),
        u32::MIN.to_string(),
        u64::MIN.to_string(),
        u128::MIN.to_string(),
        usize::MIN.to_string(),
        i8::MIN.to_string(),
        i16::MIN.to_string(),
        i32::MIN.to_string(),
        i64::MIN.to_string(),
        i128::MIN.to_string(),
        isize::MIN.to_string(),
    ]
}

fn max_texts() -> [String; 12] {
    [
        u8::MAX.to_string(),
        u16::MAX.to_string(),
        u32::MAX.to_string(),
        u64::MAX.to_string(),
        u128::MAX.to_string(),
        usize::MAX.to_string(),
        i8::MAX.to_string(),
        i16::MAX.to_string(),
        i32::MAX.to_string(),
        i64::MAX.to_string(),
        i128::MAX.to_string(),
        isize::MAX.to_string(),
    ]
}

#[test]
fn every_integer_type_reads_and_writes_its_whole_range() {
    for (value, texts) in [(integers_min(), min_texts()), (integers_max(), max_texts())] {
        let json = integers_json(texts);
        assert_eq!(serde_json::to_string(&value).unwrap(), json);
        let read: Integers = serde_json::from_str(&json).unwrap();
        assert_eq!(read, value);
        assert_eq!(read.validate(), Ok(()));
    }
}

#[test]
fn every_integer_type_refuses_values_outside_its_range() {
    // One past each end, as decimal text (computed in i128/u128 or spelled out past them).
    let below: [String; 12] = [
        "-1".into(),
        "-1".into(),
        "-1".into(),
        "-1".into(),
        "-1".into(),
        "-1".into(),
        (i128::from(i8::MIN) - 1).to_string(),
        (i128::from(i16::MIN) - 1).to_string(),
        (i128::from(i32::MIN) - 1).to_string(),
        (i128::from(i64::MIN) - 1).to_string(),
        "-170141183460469231731687303715884105729".into(),
        (i128::from(i64::MIN) - 1).to_string(),
    ];
    let above: [String; 12] = [
        (u128::from(u8::MAX) + 1).to_string(),
        (u128::from(u16::MAX) + 1).to_string(),
        (u128::from(u32::MAX) + 1).to_string(),
        (u128::from(u64::MAX) + 1).to_string(),
        "340282366920938463463374607431768211456".into(),
        (u128::from(u64::MAX) + 1).to_string(),
        (i128::from(i8::MAX) + 1).to_string(),
        (i128::from(i16::MAX) + 1).to_string(),
        (i128::from(i32::MAX) + 1).to_string(),
        (i128::from(i64::MAX) + 1).to_string(),
        (u128::try_from(i128::MAX).unwrap() + 1).to_string(),
        (i128::from(i64::MAX) + 1).to_string(),
    ];
    assert_eq!(below[10], (i128::MIN).to_string().replace("728", "729"));
    assert_eq!(above[4], u128::MAX.to_string().replace("455", "456"));
    // The 128-bit types are checked on their own, below.
    let mut wrong = Vec::new();
    for (i, field) in INTEGER_FIELDS.iter().enumerate() {
        if field.ends_with("128") {
            continue;
        }
        for edge in [&below, &above] {
            let mut texts = max_texts();
            texts[i] = edge[i].clone();
            let json = integers_json(texts);
            match serde_json::from_str::<Integers>(&json) {
                Err(err) if err.to_string().contains(&format!("/{field}")) => {}
                other => wrong.push(format!("{field} = {}: {other:?}", edge[i])),
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[derive(Debug, PartialEq, Model)]
struct Wide {
    unsigned: u128,
    signed: i128,
    small: u8,
}

#[test]
fn out_of_range_128_bit_integers_are_refused_naming_the_field() {
    let mut wrong = Vec::new();
    for (json, path) in [
        (r#"{"unsigned": -1, "signed": 0, "small": 0}"#, "/unsigned"),
        (
            r#"{"unsigned": 340282366920938463463374607431768211456, "signed": 0, "small": 0}"#,
            "/unsigned",
        ),
        (
            r#"{"unsigned": 0, "signed": 170141183460469231731687303715884105728, "small": 0}"#,
            "/signed",
        ),
        (
            r#"{"unsigned": 0, "signed": -170141183460469231731687303715884105729, "small": 0}"#,
            "/signed",
        ),
    ] {
        match serde_json::from_str::<Wide>(json) {
            Err(err) if err.to_string().contains(path) => {}
            other => wrong.push(format!("{json}: {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn from_json_accepts_128_bit_values_beyond_64_bits() {
    // Valid values past u64/i64 are not type errors, also when another field is refused.
    let cases = [
        (u128::from(u64::MAX) + 1, i128::from(i64::MIN) - 1),
        (u128::MAX, i128::MIN),
        (u128::MAX - 1, i128::MAX),
    ];
    for (unsigned, signed) in cases {
        let json = format!(r#"{{"unsigned": {unsigned}, "signed": {signed}, "small": 0}}"#);
        assert_eq!(
            from_json::<Wide>(&json).unwrap(),
            Wide {
                unsigned,
                signed,
                small: 0
            }
        );
        let json = format!(r#"{{"unsigned": {unsigned}, "signed": {signed}, "small": 256}}"#);
        let errors = from_json::<Wide>(&json).unwrap_err();
        assert_eq!(found(&errors), pairs(&[("/small", "type")]), "{json}");
    }
}

/// A document may hold `WIDE_LIMIT` numbers past 64 bits for `from_json`, which reads each
/// again from the text: one more is refused, listed where it is.
#[test]
fn from_json_reads_wide_numbers_up_to_the_limit() {
    #[derive(Debug, PartialEq, Model)]
    struct Wides {
        values: Vec<u128>,
    }
    let doc = |n: usize| {
        let values = vec![u128::MAX.to_string(); n].join(",\n");
        format!(r#"{{"values": [{values}]}}"#)
    };
    let at_limit = from_json::<Wides>(&doc(authlete_models::WIDE_LIMIT)).unwrap();
    assert_eq!(at_limit.values.len(), authlete_models::WIDE_LIMIT);
    assert!(at_limit.values.iter().all(|&v| v == u128::MAX));
    let errors = from_json::<Wides>(&doc(authlete_models::WIDE_LIMIT + 1)).unwrap_err();
    assert_eq!(
        found(&errors),
        [(
            format!("/values/{}", authlete_models::WIDE_LIMIT),
            "invalid".to_owned()
        )]
    );
}

/// `Integers` as JSON, every field 0 but `field`, written as `text`.
fn zeros_but(field: &str, text: &str) -> String {
    let texts = INTEGER_FIELDS.map(|f| {
        if f == field {
            text.to_owned()
        } else {
            "0".to_owned()
        }
    });
    integers_json(texts)
}

#[test]
fn integers_accept_integral_numbers_written_as_floats() {
    // As JSON Schema counts them: `1.0` and `1e2` are the integers 1 and 100.
    for (text, value) in [
        ("1.0", 1u8),
        ("1e2", 100),
        ("2.5e1", 25),
        ("0.0", 0),
        ("-0.0", 0),
    ] {
        let json = zeros_but("a_u8", text);
        assert_eq!(
            serde_json::from_str::<Integers>(&json).unwrap().a_u8,
            value,
            "{text}"
        );
        assert_eq!(from_json::<Integers>(&json).unwrap().a_u8, value, "{text}");
    }
}

#[test]
fn integers_never_take_a_value_other_than_the_one_written() {
    // Integer literals just past the 64-bit ranges: a reader that goes through f64 rounds the
    // first three onto `i64::MIN` / `isize::MIN`, which would silently change the value.
    for (field, text) in [
        ("a_i64", "-9223372036854775809"),
        ("a_i64", "-9223372036854776000"),
        ("a_isize", "-9223372036854775809"),
        ("a_u64", "18446744073709551616"),
        ("a_i64", "9223372036854775808"),
    ] {
        let json = zeros_but(field, text);
        let read = serde_json::from_str::<Integers>(&json);
        assert!(read.is_err(), "{field} = {text} read as {read:?}");
        assert!(from_json::<Integers>(&json).is_err(), "{field} = {text}");
    }
}

#[test]
fn integers_refuse_fractions_strings_and_booleans() {
    for bad in ["1.5", "-0.5", "1e-1", "\"1\"", "true", "null", "[1]", "{}"] {
        let json = zeros_but("a_u8", bad);
        let err = serde_json::from_str::<Integers>(&json).unwrap_err();
        assert!(err.to_string().contains("/a_u8"), "{bad}: {err}");
        let errors = from_json::<Integers>(&json).unwrap_err();
        assert_eq!(found(&errors), pairs(&[("/a_u8", "type")]), "{bad}");
    }
}

// ---------------------------------------------------------------------------------------------
// Floats, booleans and strings

#[derive(Debug, Clone, PartialEq, Model)]
struct Scalars {
    single: f32,
    double: f64,
    flag: bool,
    text: String,
}

#[test]
fn floats_booleans_and_strings_read_and_write() {
    let json = r#"{"single": 0.5, "double": -1.25e-3, "flag": true, "text": "a \"quoted\" \u00e9 😀 \n line"}"#;
    let v: Scalars = serde_json::from_str(json).unwrap();
    assert_eq!(
        v,
        Scalars {
            single: 0.5,
            double: -1.25e-3,
            flag: true,
            text: "a \"quoted\" é 😀 \n line".into(),
        }
    );
    assert_eq!(v.validate(), Ok(()));
    let back: Scalars = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
    assert_eq!(back, v);
    assert_eq!(from_json::<Scalars>(json).unwrap(), v);
}

#[test]
fn floats_accept_integers_and_extremes() {
    let v: Scalars = serde_json::from_str(
        r#"{"single": 3, "double": -9007199254740993, "flag": false, "text": ""}"#,
    )
    .unwrap();
    assert_eq!(v.single, 3.0);
    assert_eq!(v.double, -9007199254740993i64 as f64);
    let v: Scalars = serde_json::from_str(
        r#"{"single": 3.4028234663852886e38, "double": 1.7976931348623157e308, "flag": false, "text": ""}"#,
    )
    .unwrap();
    assert_eq!(v.single, f32::MAX);
    // `3.4028235e38`, what `f32::MAX` writes, rounds to it; `3.5e38` rounds past it.
    let read = |single: &str| {
        serde_json::from_str::<Scalars>(&format!(
            r#"{{"single": {single}, "double": 0, "flag": false, "text": ""}}"#
        ))
    };
    assert_eq!(read("3.4028235e38").unwrap().single, f32::MAX);
    assert!(read("3.5e38").is_err());
    assert!(read("-3.5e38").is_err());
    assert_eq!(v.double, f64::MAX);
    let v: Scalars =
        serde_json::from_str(r#"{"single": 1e-45, "double": 5e-324, "flag": false, "text": ""}"#)
            .unwrap();
    assert_eq!(v.double, f64::from_bits(1));
}

#[test]
fn scalars_refuse_the_wrong_json_type() {
    let cases = [
        (
            r#"{"single": "1", "double": 1, "flag": true, "text": ""}"#,
            "/single",
        ),
        (
            r#"{"single": 1, "double": true, "flag": true, "text": ""}"#,
            "/double",
        ),
        (
            r#"{"single": 1, "double": 1, "flag": 1, "text": ""}"#,
            "/flag",
        ),
        (
            r#"{"single": 1, "double": 1, "flag": "true", "text": ""}"#,
            "/flag",
        ),
        (
            r#"{"single": 1, "double": 1, "flag": true, "text": 1}"#,
            "/text",
        ),
        (
            r#"{"single": 1, "double": 1, "flag": true, "text": ["a"]}"#,
            "/text",
        ),
        (
            r#"{"single": 1, "double": 1, "flag": true, "text": null}"#,
            "/text",
        ),
    ];
    for (json, path) in cases {
        let err = serde_json::from_str::<Scalars>(json).unwrap_err();
        assert!(err.to_string().contains(path), "{json}: {err}");
        let errors = from_json::<Scalars>(json).unwrap_err();
        assert_eq!(found(&errors), pairs(&[(path, "type")]), "{json}");
    }
}

// ---------------------------------------------------------------------------------------------
// Option, Vec, Box, Secret

#[derive(Debug, Clone, PartialEq, Model)]
struct Wrappers {
    maybe_text: Option<String>,
    maybe_number: Option<i64>,
    maybe_flag: Option<bool>,
    list: Vec<u8>,
    list_of_options: Vec<Option<String>>,
    nested_lists: Vec<Vec<i16>>,
    boxed: Box<u32>,
    boxed_option: Box<Option<String>>,
    option_box: Option<Box<f64>>,
    secret: Secret<String>,
    maybe_secret: Option<Secret<String>>,
    secrets: Vec<Secret<String>>,
}

fn wrappers_full() -> Wrappers {
    Wrappers {
        maybe_text: Some("t".into()),
        maybe_number: Some(-3),
        maybe_flag: Some(false),
        list: vec![1, 2, 3],
        list_of_options: vec![None, Some("x".into())],
        nested_lists: vec![vec![], vec![-1, 2]],
        boxed: Box::new(7),
        boxed_option: Box::new(Some("b".into())),
        option_box: Some(Box::new(0.5)),
        secret: Secret::new("s".into()),
        maybe_secret: Some(Secret::new("m".into())),
        secrets: vec![Secret::new("a".into()), Secret::new("b".into())],
    }
}

#[test]
fn wrappers_read_validate_and_write() {
    let json = r#"{"maybe_text":"t","maybe_number":-3,"maybe_flag":false,"list":[1,2,3],"list_of_options":[null,"x"],"nested_lists":[[],[-1,2]],"boxed":7,"boxed_option":"b","option_box":0.5,"secret":"s","maybe_secret":"m","secrets":["a","b"]}"#;
    let v: Wrappers = serde_json::from_str(json).unwrap();
    assert_eq!(v, wrappers_full());
    assert_eq!(v.validate(), Ok(()));
    assert_eq!(serde_json::to_string(&v).unwrap(), json);
    assert_eq!(from_json::<Wrappers>(json).unwrap(), v);
}

#[test]
fn absent_or_null_options_are_none_and_none_is_not_written() {
    let minimal = r#"{"list":[],"list_of_options":[],"nested_lists":[],"boxed":0,"boxed_option":null,"secret":""}"#;
    let nulls = r#"{"maybe_text":null,"maybe_number":null,"maybe_flag":null,"list":[],"list_of_options":[],"nested_lists":[],"boxed":0,"boxed_option":null,"option_box":null,"secret":"","maybe_secret":null,"secrets":[]}"#;
    let expected = Wrappers {
        maybe_text: None,
        maybe_number: None,
        maybe_flag: None,
        list: Vec::new(),
        list_of_options: Vec::new(),
        nested_lists: Vec::new(),
        boxed: Box::new(0),
        boxed_option: Box::new(None),
        option_box: None,
        secret: Secret::new(String::new()),
        maybe_secret: None,
        secrets: Vec::new(),
    };
    // `secrets` is a required `Vec`: the minimal document lacks it.
    let err = serde_json::from_str::<Wrappers>(minimal).unwrap_err();
    assert!(
        err.to_string().contains("/secrets: missing required field"),
        "{err}"
    );
    let with_secrets = minimal.replace("\"secret\":\"\"", "\"secret\":\"\",\"secrets\":[]");
    let v: Wrappers = serde_json::from_str(&with_secrets).unwrap();
    assert_eq!(v, expected);
    let v: Wrappers = serde_json::from_str(nulls).unwrap();
    assert_eq!(v, expected);
    // Option fields are left out; a `Box<Option<_>>` is not an `Option` field and is written.
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        r#"{"list":[],"list_of_options":[],"nested_lists":[],"boxed":0,"boxed_option":null,"secret":"","secrets":[]}"#
    );
    // Inside a list, `None` is an item and is written as null.
    let v = Wrappers {
        list_of_options: vec![None, None],
        ..expected
    };
    assert!(
        serde_json::to_string(&v)
            .unwrap()
            .contains(r#""list_of_options":[null,null]"#)
    );
}

#[test]
fn wrappers_refuse_the_wrong_json_type_at_the_right_path() {
    let good: serde_json::Value = serde_json::to_value(wrappers_full()).unwrap();
    let cases: [(&str, serde_json::Value, &str); 9] = [
        ("list", serde_json::json!("123"), "/list"),
        ("list", serde_json::json!([1, "2"]), "/list/1"),
        ("list", serde_json::json!({"0": 1}), "/list"),
        (
            "list_of_options",
            serde_json::json!([null, 5]),
            "/list_of_options/1",
        ),
        (
            "nested_lists",
            serde_json::json!([[1], [2, [3]]]),
            "/nested_lists/1/1",
        ),
        ("boxed", serde_json::json!(-1), "/boxed"),
        ("option_box", serde_json::json!("0.5"), "/option_box"),
        ("secret", serde_json::json!(["s"]), "/secret"),
        ("secrets", serde_json::json!(["a", null]), "/secrets/1"),
    ];
    for (field, value, path) in cases {
        let mut doc = good.clone();
        doc[field] = value;
        let json = doc.to_string();
        let err = serde_json::from_str::<Wrappers>(&json).unwrap_err();
        assert!(err.to_string().contains(path), "{json}: {err}");
        let errors = from_json::<Wrappers>(&json).unwrap_err();
        assert_eq!(found(&errors), pairs(&[(path, "type")]), "{json}");
    }
}

#[test]
fn secret_fields_hide_their_value_in_debug() {
    let debug = format!("{:?}", wrappers_full());
    assert!(debug.contains("Secret(\"[redacted]\")"), "{debug}");
    assert!(!debug.contains("secret: Secret(\"s\")"), "{debug}");
    assert!(
        !debug.contains("\"m\"") && !debug.contains("\"a\""),
        "{debug}"
    );
}

// ---------------------------------------------------------------------------------------------
// Nested models

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Scope {
    #[model(charset = "a-z_", min_len = 1, max_len = 8)]
    name: String,
    #[model(min = 1)]
    max_age: Option<u32>,
}

fn scope(name: &str) -> Scope {
    Scope {
        name: name.into(),
        max_age: None,
    }
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Client {
    primary: Scope,
    fallback: Option<Scope>,
    boxed: Box<Scope>,
    #[model(max_len = 3)]
    scopes: Vec<Scope>,
    extra_scopes: Option<Vec<Scope>>,
    grid: Vec<Vec<Scope>>,
    optional_items: Vec<Option<Scope>>,
    deep: Option<Box<Client>>,
}

fn client() -> Client {
    Client {
        primary: scope("openid"),
        fallback: None,
        boxed: Box::new(scope("email")),
        scopes: vec![scope("a"), scope("b")],
        extra_scopes: None,
        grid: Vec::new(),
        optional_items: Vec::new(),
        deep: None,
    }
}

#[test]
fn nested_models_read_validate_and_write() {
    let mut v = client();
    v.fallback = Some(Scope {
        name: "profile".into(),
        max_age: Some(60),
    });
    v.extra_scopes = Some(vec![scope("x")]);
    v.grid = vec![vec![scope("g")], vec![]];
    v.optional_items = vec![None, Some(scope("o"))];
    v.deep = Some(Box::new(client()));
    let json = serde_json::to_string(&v).unwrap();
    assert!(json.starts_with(r#"{"primary":{"name":"openid"},"fallback":{"name":"profile","maxAge":60},"boxed":{"name":"email"},"scopes":[{"name":"a"},{"name":"b"}],"extraScopes":[{"name":"x"}],"grid":[[{"name":"g"}],[]],"optionalItems":[null,{"name":"o"}],"deep":{"primary""#), "{json}");
    let back: Client = serde_json::from_str(&json).unwrap();
    assert_eq!(back, v);
    assert_eq!(back.validate(), Ok(()));
    assert_eq!(from_json::<Client>(&json).unwrap(), v);
}

#[test]
fn nested_models_are_validated_under_their_path() {
    let mut v = client();
    v.primary.name = "OpenID".into();
    v.fallback = Some(scope(""));
    v.boxed.max_age = Some(0);
    v.scopes = vec![scope("ok"), scope("ok"), scope("bad-name"), scope("ok")];
    v.extra_scopes = Some(vec![scope("ok"), scope("toolongname")]);
    v.grid = vec![vec![], vec![scope("ok"), scope("X")]];
    v.optional_items = vec![None, Some(scope("9"))];
    let mut deep = client();
    deep.primary.max_age = Some(0);
    v.deep = Some(Box::new(deep));
    let errors = v.validate().unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/primary/name", "charset"),
            ("/fallback/name", "min_len"),
            ("/boxed/maxAge", "min"),
            ("/scopes", "max_len"),
            ("/scopes/2/name", "charset"),
            ("/extraScopes/1/name", "max_len"),
            ("/grid/1/1/name", "charset"),
            ("/optionalItems/1/name", "charset"),
            ("/deep/primary/maxAge", "min"),
        ])
    );
    let collected = from_json::<Client>(&serde_json::to_string(&v).unwrap()).unwrap_err();
    assert_eq!(collected, errors);
}

#[test]
fn a_nested_model_must_be_an_object() {
    for (field, value, path) in [
        ("primary", "\"openid\"", "/primary"),
        ("primary", "null", "/primary"),
        ("fallback", "5", "/fallback"),
        ("scopes", "[{\"name\": \"a\"}, 1]", "/scopes/1"),
    ] {
        let mut doc = serde_json::to_value(client()).unwrap();
        doc[field] = serde_json::from_str(value).unwrap();
        let json = doc.to_string();
        let err = serde_json::from_str::<Client>(&json).unwrap_err();
        assert!(err.to_string().contains(path), "{json}: {err}");
        let errors = from_json::<Client>(&json).unwrap_err();
        assert_eq!(found(&errors), pairs(&[(path, "type")]), "{json}");
    }
}

#[test]
fn validate_is_implemented_for_option_vec_and_box_of_models() {
    assert_eq!(None::<Scope>.validate(), Ok(()));
    assert_eq!(
        found(&Some(scope("A")).validate().unwrap_err()),
        pairs(&[("/name", "charset")])
    );
    assert_eq!(
        found(&vec![scope("a"), scope("")].validate().unwrap_err()),
        pairs(&[("/1/name", "min_len")])
    );
    assert_eq!(
        found(&Box::new(scope("")).validate().unwrap_err()),
        pairs(&[("/name", "min_len")])
    );
    assert_eq!(
        found(
            &vec![Some(vec![scope("a"), scope("B")])]
                .validate()
                .unwrap_err()
        ),
        pairs(&[("/0/1/name", "charset")])
    );
    assert_eq!(Vec::<Scope>::new().validate(), Ok(()));
}

#[test]
fn a_model_with_no_fields() {
    #[derive(Debug, PartialEq, Model)]
    struct Empty {}
    let v: Empty = serde_json::from_str(r#"{"ignored": 1}"#).unwrap();
    assert_eq!(v, Empty {});
    assert_eq!(serde_json::to_string(&v).unwrap(), "{}");
    assert_eq!(v.validate(), Ok(()));
}
