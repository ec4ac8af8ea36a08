//! Value enums: `#[derive(Model)]` on an enum of unit variants of which some variant has a
//! `value` that is a number, a boolean or `null`, read, written, collected and described, in
//! every field position, alone and mixed with string variants.

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::{Value, json};

/// How many times a request is retried.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
enum Retries {
    #[model(value = 1)]
    One,
    #[model(value = 2)]
    Two,
    #[model(value = 3)]
    Three,
}

/// A ratio, written as a float.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
enum Ratio {
    #[model(value = 0.5)]
    Half,
    #[model(value = 1.0)]
    Whole,
    #[model(value = -2.5)]
    Back,
}

/// `{"const": true}`.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
enum Yes {
    #[model(value = true)]
    Yes,
}

/// `{"enum": [false]}`.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
enum No {
    #[model(value = false)]
    No,
}

/// `{"enum": ["auto", 0, null]}`: string variants beside a number and `null`.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
#[model(rename_all = "lowercase", title = "Timeout")]
enum Timeout {
    Auto,
    #[model(value = 0)]
    Never,
    #[model(value = null)]
    Unset,
    #[model(value = "per-request")]
    PerRequest,
}

/// The integers at the edges of what a JSON reader hands over exactly.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
enum Wide {
    #[model(value = 18446744073709551615)]
    MaxU64,
    #[model(value = 9223372036854775808)]
    PastI64,
    #[model(value = -9223372036854775808)]
    MinI64,
    #[model(value = -1)]
    MinusOne,
}

#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Request {
    retries: Retries,
    ratio: Option<Ratio>,
    #[model(max_len = 3)]
    timeouts: Vec<Timeout>,
    boxed: Box<Retries>,
    #[model(default = 2)]
    defaulted: Retries,
}

#[test]
fn reads_each_kind_of_value() {
    assert_eq!(serde_json::from_str::<Retries>("2").unwrap(), Retries::Two);
    assert_eq!(serde_json::from_str::<Ratio>("0.5").unwrap(), Ratio::Half);
    assert_eq!(serde_json::from_str::<Ratio>("-2.5").unwrap(), Ratio::Back);
    assert_eq!(serde_json::from_str::<Yes>("true").unwrap(), Yes::Yes);
    assert_eq!(serde_json::from_str::<No>("false").unwrap(), No::No);
    assert_eq!(
        serde_json::from_str::<Timeout>("null").unwrap(),
        Timeout::Unset
    );
    assert_eq!(
        serde_json::from_str::<Timeout>("0").unwrap(),
        Timeout::Never
    );
    assert_eq!(
        serde_json::from_str::<Timeout>(r#""auto""#).unwrap(),
        Timeout::Auto
    );
    assert_eq!(
        serde_json::from_str::<Timeout>(r#""per-request""#).unwrap(),
        Timeout::PerRequest
    );
    // Through a `Value` too.
    assert_eq!(
        serde_json::from_value::<Timeout>(Value::Null).unwrap(),
        Timeout::Unset
    );
    assert_eq!(
        serde_json::from_value::<Ratio>(json!(1.0)).unwrap(),
        Ratio::Whole
    );
    assert_eq!(from_json::<Retries>("3").unwrap(), Retries::Three);
}

#[test]
fn numbers_are_equal_by_their_value() {
    // An integer value takes the same number written as a float...
    for text in ["1.0", "1e0", "10e-1", "1.000"] {
        assert_eq!(
            serde_json::from_str::<Retries>(text).unwrap(),
            Retries::One,
            "{text}"
        );
        assert_eq!(from_json::<Retries>(text).unwrap(), Retries::One, "{text}");
    }
    // ...and a float value the same number written as an integer.
    assert_eq!(serde_json::from_str::<Ratio>("1").unwrap(), Ratio::Whole);
    assert_eq!(
        serde_json::from_value::<Ratio>(json!(1)).unwrap(),
        Ratio::Whole
    );
    assert_eq!(
        serde_json::from_str::<Timeout>("-0.0").unwrap(),
        Timeout::Never
    );
    // Another number is not, however close.
    for text in ["1.5", "0", "4", "2.0000001", "-1"] {
        assert!(serde_json::from_str::<Retries>(text).is_err(), "{text}");
    }
    assert!(serde_json::from_str::<Ratio>("0.50001").is_err());
}

#[test]
fn integers_past_i64_and_below_zero_compare_exactly() {
    let read = |text: &str| serde_json::from_str::<Wide>(text).ok();
    assert_eq!(read("18446744073709551615"), Some(Wide::MaxU64));
    assert_eq!(read("9223372036854775808"), Some(Wide::PastI64));
    assert_eq!(read("-9223372036854775808"), Some(Wide::MinI64));
    assert_eq!(read("-1"), Some(Wide::MinusOne));
    // Their neighbours, which a float would round onto them, are not the values.
    assert_eq!(read("18446744073709551614"), None);
    assert_eq!(read("9223372036854775807"), None);
    assert_eq!(read("9223372036854775809"), None);
    assert_eq!(read("-9223372036854775807"), None);
    // Past `u64`, a number is a float, and no float is `u64::MAX`.
    assert_eq!(read("18446744073709551616"), None);
    assert_eq!(read("1"), None);
    for w in [Wide::MaxU64, Wide::PastI64, Wide::MinI64, Wide::MinusOne] {
        let text = serde_json::to_string(&w).unwrap();
        assert_eq!(read(&text), Some(w), "{text}");
    }
    assert_eq!(
        serde_json::to_string(&Wide::MaxU64).unwrap(),
        "18446744073709551615"
    );
}

#[test]
fn any_other_value_is_refused_with_code_enum_listing_the_values() {
    let message = "must be one of `1`, `2` or `3`";
    for text in [
        "4",
        "0",
        "1.5",
        r#""1""#,
        "true",
        "null",
        "[1]",
        r#"{"a": 1}"#,
    ] {
        let err = serde_json::from_str::<Retries>(text)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(&format!("(root): enum: {message} at line 1 column")),
            "{text}: {err}"
        );
        let errors = from_json::<Retries>(text).unwrap_err();
        assert_eq!(found(&errors), pairs(&[("", "enum")]), "{text}");
        assert_eq!(errors.iter().next().unwrap().message(), message, "{text}");
    }
    // Strings are listed quoted, as JSON writes them.
    let err = serde_json::from_str::<Timeout>(r#""AUTO""#)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        r#"(root): enum: must be one of `"auto"`, `0`, `null` or `"per-request"` at line 1 column 6"#
    );
    let err = serde_json::from_str::<Ratio>("2").unwrap_err().to_string();
    assert!(
        err.starts_with("(root): enum: must be one of `0.5`, `1.0` or `-2.5`"),
        "{err}"
    );
    let err = serde_json::from_str::<Yes>("false")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("(root): enum: must be one of `true`"),
        "{err}"
    );
    let err = serde_json::from_str::<No>(r#""false""#)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("(root): enum: must be one of `false`"),
        "{err}"
    );
}

#[test]
fn a_long_list_of_values_is_cut_and_counted() {
    #[derive(Debug, Model)]
    enum Many {
        #[model(value = 1000000000001)]
        A,
        #[model(value = 1000000000002)]
        B,
        #[model(value = 1000000000003)]
        C,
        #[model(value = 1000000000004)]
        D,
        #[model(value = 1000000000005)]
        E,
        #[model(value = 1000000000006)]
        F,
        #[model(value = 1000000000007)]
        G,
        #[model(value = 1000000000008)]
        H,
        #[model(value = 1000000000009)]
        I,
        #[model(value = 1000000000010)]
        J,
        #[model(value = 1000000000011)]
        K,
        #[model(value = 1000000000012)]
        L,
    }
    let err = serde_json::from_str::<Many>("0").unwrap_err().to_string();
    assert!(
        err.starts_with("(root): enum: must be one of `1000000000001`, `1000000000002`"),
        "{err}"
    );
    assert!(err.contains(" more) at line 1"), "{err}");
    assert!(!err.contains("1000000000012"), "{err}");
}

#[test]
fn writes_each_variant_as_its_literal() {
    assert_eq!(serde_json::to_string(&Retries::Three).unwrap(), "3");
    // A float stays a float, a whole one too.
    assert_eq!(serde_json::to_string(&Ratio::Whole).unwrap(), "1.0");
    assert!(serde_json::to_value(Ratio::Whole).unwrap().is_f64());
    assert_eq!(serde_json::to_string(&Ratio::Back).unwrap(), "-2.5");
    assert_eq!(serde_json::to_string(&Yes::Yes).unwrap(), "true");
    assert_eq!(serde_json::to_string(&No::No).unwrap(), "false");
    assert_eq!(serde_json::to_string(&Timeout::Unset).unwrap(), "null");
    assert_eq!(serde_json::to_string(&Timeout::Never).unwrap(), "0");
    assert!(serde_json::to_value(Timeout::Never).unwrap().is_u64());
    assert_eq!(serde_json::to_string(&Timeout::Auto).unwrap(), r#""auto""#);
    assert_eq!(
        serde_json::to_string(&Timeout::PerRequest).unwrap(),
        r#""per-request""#
    );
    // Every variant reads back as itself.
    for t in [
        Timeout::Auto,
        Timeout::Never,
        Timeout::Unset,
        Timeout::PerRequest,
    ] {
        let text = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Timeout>(&text).unwrap(), t);
        assert!(t.validate().is_ok());
    }
}

#[test]
fn the_schema_lists_the_values_in_order_with_no_type() {
    assert_eq!(
        Retries::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Retries",
            "description": "How many times a request is retried.",
            "enum": [1, 2, 3]
        })
    );
    assert_eq!(Ratio::json_schema()["enum"], json!([0.5, 1.0, -2.5]));
    assert!(Ratio::json_schema()["enum"][1].is_f64());
    assert_eq!(Yes::json_schema()["enum"], json!([true]));
    assert_eq!(No::json_schema()["enum"], json!([false]));
    let timeout = Timeout::json_schema();
    assert_eq!(timeout["enum"], json!(["auto", 0, null, "per-request"]));
    assert_eq!(timeout["title"], "Timeout");
    assert!(timeout.get("type").is_none(), "{timeout}");
    assert_eq!(
        Wide::json_schema()["enum"],
        json!([
            18446744073709551615u64,
            9223372036854775808u64,
            -9223372036854775808i64,
            -1
        ])
    );
    let request = Request::json_schema();
    assert_eq!(
        request["properties"]["retries"],
        json!({"$ref": "#/$defs/Retries"})
    );
    assert_eq!(
        request["properties"]["ratio"],
        json!({"anyOf": [{"$ref": "#/$defs/Ratio"}, {"type": "null"}]})
    );
    assert_eq!(
        request["properties"]["timeouts"]["items"],
        json!({"$ref": "#/$defs/Timeout"})
    );
    assert_eq!(request["properties"]["defaulted"]["default"], json!(2));
    assert_eq!(request["$defs"]["Timeout"]["enum"], timeout["enum"]);
}

#[test]
fn works_in_every_field_position() {
    let doc = json!({
        "retries": 3,
        "ratio": 0.5,
        "timeouts": ["auto", 0, null],
        "boxed": 1.0,
    });
    let request: Request = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(
        request,
        Request {
            retries: Retries::Three,
            ratio: Some(Ratio::Half),
            timeouts: vec![Timeout::Auto, Timeout::Never, Timeout::Unset],
            boxed: Box::new(Retries::One),
            defaulted: Retries::Two,
        }
    );
    assert_eq!(from_json::<Request>(&doc.to_string()).unwrap(), request);
    assert!(request.validate().is_ok());
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({
            "retries": 3,
            "ratio": 0.5,
            "timeouts": ["auto", 0, null],
            "boxed": 1,
            "defaulted": 2,
        })
    );
    // Under `Option`, `null` is `None`, as for any type.
    let no_ratio: Request = serde_json::from_value(json!({
        "retries": 1, "ratio": null, "timeouts": [], "boxed": 2, "defaulted": 1
    }))
    .unwrap();
    assert_eq!(no_ratio.ratio, None);
    assert_eq!(no_ratio.defaulted, Retries::One);
    // The first value refused, at its pointer.
    let err = serde_json::from_value::<Request>(json!({
        "retries": 1, "timeouts": ["auto", 1], "boxed": 2
    }))
    .unwrap_err()
    .to_string();
    assert_eq!(
        err,
        r#"/timeouts/1: enum: must be one of `"auto"`, `0`, `null` or `"per-request"`"#
    );
}

#[test]
fn from_json_reports_every_refused_value_at_its_pointer() {
    let errors = from_json::<Request>(
        r#"{"retries": 0, "ratio": "half", "timeouts": [null, 1, [0], {"a": null}], "boxed": true}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/retries", "enum"),
            ("/ratio", "enum"),
            ("/timeouts", "max_len"),
            ("/timeouts/1", "enum"),
            ("/timeouts/2", "enum"),
            ("/timeouts/3", "enum"),
            ("/boxed", "enum"),
        ])
    );
    let ratio = errors.iter().find(|e| e.path() == "/ratio").unwrap();
    assert_eq!(ratio.message(), "must be one of `0.5`, `1.0` or `-2.5`");
}

#[test]
fn a_type_level_custom_rule_runs_on_the_value() {
    /// One or three, but three is refused by a rule of its own.
    #[derive(Debug, Clone, Copy, PartialEq, Model)]
    #[model(custom = not_three)]
    enum Few {
        #[model(value = 1)]
        One,
        #[model(value = 3)]
        Three,
    }
    fn not_three(value: &Few, report: &mut authlete_models::Report) {
        if *value == Few::Three {
            report.fail("custom", "three is too many here");
        }
    }
    assert_eq!(serde_json::from_str::<Few>("1").unwrap(), Few::One);
    assert!(serde_json::from_str::<Few>("3").is_err());
    assert_eq!(
        found(&from_json::<Few>("3.0").unwrap_err()),
        pairs(&[("", "custom")])
    );
    assert_eq!(
        found(&Few::Three.validate().unwrap_err()),
        pairs(&[("", "custom")])
    );
    assert!(Few::One.validate().is_ok());
}
