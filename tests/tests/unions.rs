//! Enums with data in serde's four representations and `one_of`: each reads, validates,
//! collects, writes and describes its variants, with every field attribute inside them.

use authlete_models::{Model, Secret, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::{Value, json};

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Text {
    #[model(max_len = 5)]
    text: String,
}

/// A shape, tagged by its kind.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    tag = "type",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
enum Shape {
    /// A circle.
    Circle {
        #[model(min = 0)]
        radius: f64,
        line_width: Option<u8>,
    },
    Note(Text),
    #[model(deprecated)]
    Empty,
}

fn shape(text: &str) -> Result<Shape, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[test]
fn internally_tagged_tag_first_or_later() {
    let circle = Shape::Circle {
        radius: 1.5,
        line_width: Some(2),
    };
    assert_eq!(
        shape(r#"{"type": "circle", "radius": 1.5, "lineWidth": 2}"#).unwrap(),
        circle
    );
    assert_eq!(
        shape(r#"{"radius": 1.5, "lineWidth": 2, "type": "circle"}"#).unwrap(),
        circle
    );
    assert_eq!(
        shape(r#"{"text": "hi", "type": "note"}"#).unwrap(),
        Shape::Note(Text { text: "hi".into() })
    );
    assert_eq!(shape(r#"{"type": "empty", "x": 1}"#).unwrap(), Shape::Empty);
    assert_eq!(
        serde_json::to_value(&circle).unwrap(),
        json!({"type": "circle", "radius": 1.5, "lineWidth": 2})
    );
    assert_eq!(
        serde_json::to_value(Shape::Note(Text { text: "hi".into() })).unwrap(),
        json!({"type": "note", "text": "hi"})
    );
    assert_eq!(
        serde_json::to_value(Shape::Empty).unwrap(),
        json!({"type": "empty"})
    );
    for v in [circle, Shape::Note(Text { text: "a".into() }), Shape::Empty] {
        let text = serde_json::to_string(&v).unwrap();
        assert_eq!(shape(&text).unwrap(), v);
        assert_eq!(from_json::<Shape>(&text).unwrap(), v);
    }
}

#[test]
fn internally_tagged_errors() {
    let err = shape(r#"{"type": "square"}"#).unwrap_err();
    assert!(
        err.starts_with("/type: enum: must be one of `circle`, `note` or `empty`"),
        "{err}"
    );
    let err = shape(r#"{"radius": 1}"#).unwrap_err();
    assert!(err.starts_with("/type: missing required field"), "{err}");
    let err = shape(r#"{"type": "circle", "radius": -1}"#).unwrap_err();
    assert!(err.starts_with("/radius: min:"), "{err}");
    let err = shape(r#"{"radius": -1, "type": "circle"}"#).unwrap_err();
    assert!(err.starts_with("/radius: min:"), "{err}");
    let err = shape(r#"{"type": "note", "text": "too long"}"#).unwrap_err();
    assert!(err.starts_with("/text: max_len:"), "{err}");
    assert!(shape("[]").is_err());
    let errors =
        from_json::<Shape>(r#"{"type": "circle", "radius": -1, "lineWidth": 300}"#).unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/radius", "min"), ("/lineWidth", "type")])
    );
    let errors = from_json::<Shape>(r#"{"radius": -1, "type": "circle"}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/radius", "min")]));
    let errors = from_json::<Shape>(r#"{"type": "square"}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/type", "enum")]));
    let errors = from_json::<Shape>(r#"{"radius": 1}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/type", "required")]));
    let errors = from_json::<Shape>(r#"{"type": "circle"}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/radius", "required")]));
    let errors = from_json::<Shape>("5").unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "type")]));
    let built = Shape::Circle {
        radius: -2.0,
        line_width: None,
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("/radius", "min")])
    );
    let built = Shape::Note(Text {
        text: "too long".into(),
    });
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("/text", "max_len")])
    );
}

#[test]
fn internally_tagged_schema() {
    let schema = Shape::json_schema();
    assert_eq!(schema["title"], "Shape");
    assert_eq!(schema["description"], "A shape, tagged by its kind.");
    assert_eq!(
        schema["oneOf"][0],
        json!({
            "title": "Circle",
            "description": "A circle.",
            "type": "object",
            "properties": {
                "type": {"const": "circle"},
                "radius": {"type": "number", "minimum": 0.0},
                "lineWidth": {"type": ["integer", "null"], "minimum": 0, "maximum": 255}
            },
            "required": ["type", "radius"]
        })
    );
    assert_eq!(
        schema["oneOf"][1],
        json!({
            "title": "note",
            "type": "object",
            "properties": {"type": {"const": "note"}},
            "required": ["type"],
            "allOf": [{"$ref": "#/$defs/Text"}]
        })
    );
    assert_eq!(
        schema["oneOf"][2],
        json!({
            "title": "empty",
            "type": "object",
            "properties": {"type": {"const": "empty"}},
            "required": ["type"],
            "deprecated": true
        })
    );
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "lowercase")]
enum Event {
    Started,
    Named(#[model(max_len = 3)] String),
    Moved {
        #[model(min = 0)]
        x: i32,
    },
    Login {
        #[model(charset = "a-z")]
        password: Secret<String>,
    },
}

#[test]
fn externally_tagged() {
    let read = |t: &str| serde_json::from_str::<Event>(t).map_err(|e| e.to_string());
    assert_eq!(read(r#""started""#).unwrap(), Event::Started);
    assert_eq!(
        read(r#"{"named": "abc"}"#).unwrap(),
        Event::Named("abc".into())
    );
    assert_eq!(
        read(r#"{"moved": {"x": 3}}"#).unwrap(),
        Event::Moved { x: 3 }
    );
    assert!(
        read(r#"{"named": "abcd"}"#)
            .unwrap_err()
            .starts_with("/named: max_len")
    );
    assert!(
        read(r#"{"moved": {"x": -1}}"#)
            .unwrap_err()
            .starts_with("/moved/x: min")
    );
    let err = read(r#""stopped""#).unwrap_err();
    assert!(
        err.contains("enum: must be one of `started`, `named`, `moved` or `login`"),
        "{err}"
    );
    assert!(read(r#"{"started": null}"#).is_err());
    assert!(read(r#"{"named": "a", "moved": {"x": 1}}"#).is_err());
    let err = read(r#"{"login": {"password": "Hunter2"}}"#).unwrap_err();
    assert!(err.starts_with("/login/password: charset"), "{err}");
    assert!(!err.contains("Hunter2"), "{err}");
    for v in [
        Event::Started,
        Event::Named("ab".into()),
        Event::Moved { x: 1 },
    ] {
        let text = serde_json::to_string(&v).unwrap();
        assert_eq!(read(&text).unwrap(), v);
        assert_eq!(from_json::<Event>(&text).unwrap(), v);
    }
    assert_eq!(
        serde_json::to_value(Event::Started).unwrap(),
        json!("started")
    );
    assert_eq!(
        serde_json::to_value(Event::Moved { x: 1 }).unwrap(),
        json!({"moved": {"x": 1}})
    );
    let errors = from_json::<Event>(r#"{"moved": {"x": -1}}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/moved/x", "min")]));
    assert_eq!(
        found(&Event::Named("abcd".into()).validate().unwrap_err()),
        pairs(&[("/named", "max_len")])
    );
    let schema = Event::json_schema();
    assert_eq!(
        schema["oneOf"][0],
        json!({"type": "string", "enum": ["started"]})
    );
    assert_eq!(
        schema["oneOf"][1],
        json!({
            "type": "object",
            "properties": {"named": {"type": "string", "maxLength": 3}},
            "required": ["named"],
            "additionalProperties": false
        })
    );
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(tag = "t", content = "c")]
enum Message {
    Ping,
    Text(#[model(max_len = 4)] String),
    Move { x: u8 },
}

#[test]
fn adjacently_tagged() {
    let read = |t: &str| serde_json::from_str::<Message>(t).map_err(|e| e.to_string());
    assert_eq!(read(r#"{"t": "Ping"}"#).unwrap(), Message::Ping);
    assert_eq!(
        read(r#"{"t": "Text", "c": "abc"}"#).unwrap(),
        Message::Text("abc".into())
    );
    assert_eq!(
        read(r#"{"c": "abc", "t": "Text"}"#).unwrap(),
        Message::Text("abc".into())
    );
    assert_eq!(
        read(r#"{"c": {"x": 1}, "t": "Move"}"#).unwrap(),
        Message::Move { x: 1 }
    );
    assert!(
        read(r#"{"t": "Text", "c": "abcde"}"#)
            .unwrap_err()
            .starts_with("/c: max_len")
    );
    assert!(
        read(r#"{"c": "abcde", "t": "Text"}"#)
            .unwrap_err()
            .starts_with("/c: max_len")
    );
    assert!(
        read(r#"{"t": "Text"}"#)
            .unwrap_err()
            .starts_with("/c: missing required field")
    );
    assert!(
        read(r#"{"c": 1}"#)
            .unwrap_err()
            .starts_with("/t: missing required field")
    );
    for v in [
        Message::Ping,
        Message::Text("a".into()),
        Message::Move { x: 2 },
    ] {
        let text = serde_json::to_string(&v).unwrap();
        assert_eq!(read(&text).unwrap(), v);
        assert_eq!(from_json::<Message>(&text).unwrap(), v);
    }
    assert_eq!(
        serde_json::to_value(Message::Move { x: 2 }).unwrap(),
        json!({"t": "Move", "c": {"x": 2}})
    );
    let errors = from_json::<Message>(r#"{"t": "Move", "c": {"x": 256}}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/c/x", "type")]));
    let errors = from_json::<Message>(r#"{"t": "Nope"}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/t", "enum")]));
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(untagged)]
enum Id {
    Number(#[model(min = 1)] u64),
    Name(#[model(min_len = 1, max_len = 4)] String),
    Pair { a: u8, b: u8 },
    Nothing,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(one_of)]
enum Exact {
    Small(#[model(max = 10)] u32),
    Even(#[model(multiple_of = 2)] u32),
}

#[test]
fn untagged_takes_the_first_variant_that_accepts() {
    let read = |t: &str| serde_json::from_str::<Id>(t).map_err(|e| e.to_string());
    assert_eq!(read("5").unwrap(), Id::Number(5));
    assert_eq!(read(r#""ab""#).unwrap(), Id::Name("ab".into()));
    assert_eq!(
        read(r#"{"a": 1, "b": 2}"#).unwrap(),
        Id::Pair { a: 1, b: 2 }
    );
    assert_eq!(read("null").unwrap(), Id::Nothing);
    let err = read("0").unwrap_err();
    assert!(
        err.starts_with("(root): any_of: matches no variant: `Number` ((root) min), `Name` ((root) type), `Pair` ((root) type), `Nothing` ((root) type)"),
        "{err}"
    );
    let errors = from_json::<Id>(r#"{"a": 1}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "any_of")]));
    assert!(
        errors
            .iter()
            .next()
            .unwrap()
            .message()
            .contains("`Pair` (/b required)")
    );
    assert_eq!(serde_json::to_value(Id::Nothing).unwrap(), Value::Null);
    assert_eq!(
        serde_json::to_value(Id::Pair { a: 1, b: 2 }).unwrap(),
        json!({"a": 1, "b": 2})
    );
    assert_eq!(
        found(&Id::Name(String::new()).validate().unwrap_err()),
        pairs(&[("", "min_len")])
    );
    let schema = Id::json_schema();
    assert_eq!(schema["anyOf"].as_array().unwrap().len(), 4);
    assert_eq!(schema["anyOf"][3], json!({"type": "null"}));
}

#[test]
fn one_of_refuses_a_value_two_variants_accept() {
    let read = |t: &str| serde_json::from_str::<Exact>(t).map_err(|e| e.to_string());
    assert_eq!(read("3").unwrap(), Exact::Small(3));
    assert_eq!(read("12").unwrap(), Exact::Even(12));
    let err = read("4").unwrap_err();
    assert!(
        err.starts_with(
            "(root): one_of: must match exactly one variant, and matches `Small` and `Even`"
        ),
        "{err}"
    );
    let errors = from_json::<Exact>("13").unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "one_of")]));
    assert!(Exact::json_schema().get("oneOf").is_some());
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(tag = "kind")]
enum Job {
    Run {
        #[model(default = 3, max = 5)]
        retries: u8,
        #[model(skip)]
        started: Option<u64>,
        #[model(required)]
        note: Option<String>,
    },
}

#[test]
fn struct_variants_take_every_field_attribute() {
    let j: Job = serde_json::from_str(r#"{"kind": "Run", "note": null, "started": 5}"#).unwrap();
    assert_eq!(
        j,
        Job::Run {
            retries: 3,
            started: None,
            note: None
        }
    );
    // `required` writes `None` as `null`; `skip` is not written.
    assert_eq!(
        serde_json::to_value(&j).unwrap(),
        json!({"kind": "Run", "retries": 3, "note": null})
    );
    let errors = from_json::<Job>(r#"{"kind": "Run", "retries": 6}"#).unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/retries", "max"), ("/note", "required")])
    );
    let schema = Job::json_schema();
    assert_eq!(schema["oneOf"][0]["required"], json!(["kind", "note"]));
    assert_eq!(schema["oneOf"][0]["properties"]["retries"]["default"], 3);
    assert_eq!(schema["oneOf"][0]["properties"].get("started"), None);
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(tag = "a/b~c", content = "d/e")]
enum Escaped {
    One(u8),
}

#[test]
fn a_tag_s_pointer_is_escaped() {
    let errors = from_json::<Escaped>(r#"{"d/e": 1}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/a~1b~0c", "required")]));
    let errors = from_json::<Escaped>(r#"{"a/b~c": "One", "d/e": 300}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/d~1e", "type")]));
    let v: Escaped = serde_json::from_str(r#"{"d/e": 7, "a/b~c": "One"}"#).unwrap();
    assert_eq!(v, Escaped::One(7));
    assert_eq!(
        serde_json::to_value(&v).unwrap(),
        json!({"a/b~c": "One", "d/e": 7})
    );
}

/// Externally tagged, as `Event` is not: the variants hold a struct and nothing.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "snake_case")]
enum Grant {
    Code {
        #[model(max_len = 8)]
        token: String,
    },
    Implicit,
}

#[test]
fn a_member_no_variant_declares_is_skipped_as_the_format_skips_it_in_from_json_too() {
    // serde_json skips an unknown member's string without decoding it, so a lone surrogate
    // there reads; `from_json` reads the variant in place too, and agrees (it once buffered
    // the value, whose decoding refused it).
    let doc = r#"{"code": {"token": "abc", "other": "x\ud800"}}"#;
    let expected = Grant::Code {
        token: "abc".into(),
    };
    assert_eq!(serde_json::from_str::<Grant>(doc).unwrap(), expected);
    assert_eq!(from_json::<Grant>(doc).unwrap(), expected);
    // The variant's violations, and a second member beside the tag, are all listed.
    let errors =
        from_json::<Grant>(r#"{"code": {"token": "123456789"}, "implicit": 1}"#).unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/code/token", "max_len"), ("", "type")])
    );
    let errors = from_json::<Grant>(r#"{"implicit": {}}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "type")]));
    let errors = from_json::<Grant>(r#"{"nope": {}}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "enum")]));
    assert_eq!(
        from_json::<Grant>(r#""implicit""#).unwrap(),
        Grant::Implicit
    );
}

#[test]
fn a_long_string_where_a_tagged_enum_is_expected_gives_a_short_error() {
    // The format quotes the string it found in its type error: the read shortens it, as a
    // struct's does, through every deserializer (a `Value`'s quotes it whole, escaped).
    let long = "\u{7f}".repeat(400);
    let read_text = serde_json::from_str::<Shape>(&json!(long).to_string())
        .unwrap_err()
        .to_string();
    let read_tree = serde_json::from_value::<Shape>(json!(long))
        .unwrap_err()
        .to_string();
    let read_external = serde_json::from_value::<Grant>(json!(long))
        .unwrap_err()
        .to_string();
    for err in [read_text, read_tree, read_external] {
        assert!(
            err.len() <= authlete_models::rules::MESSAGE_LIMIT + 64,
            "{} bytes: {err}",
            err.len()
        );
    }
}
