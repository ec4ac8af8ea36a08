//! `when` on a struct: when a member holds one of some values, other members are required
//! (`required`), or are not all present (`not_all`). Held in each place a rule acts: the
//! first-violation reader, `from_json` (every violation, with the others), `validate()` on
//! the value held, and the schema (JSON Schema's `if` / `then`).

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::{Value, json};

/// A transformation: `jsonata` needs a file format and a template, `xslt` and `xquery` a
/// stylesheet; a `copy` has no template; version 2 never has both a file format and a
/// stylesheet; a draft needs a note.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    rename_all = "camelCase",
    when(kind = "jsonata", required(file_format, template)),
    when(kind = "xslt" | "xquery", required(stylesheet)),
    required_any_of(kind, stylesheet)
)]
#[model(
    when(kind = "copy", not_all(template)),
    when(version = 2, not_all(file_format, stylesheet))
)]
#[model(when(draft = true, required(note)))]
struct Transform {
    /// `null` is a member given, for `required_any_of`, but no value of a condition.
    #[model(max_len = 8)]
    kind: Option<Option<String>>,
    #[model(not_null)]
    file_format: Option<String>,
    /// `null` is a template given as empty: present.
    template: Option<Option<String>>,
    #[model(not_null, max_len = 4)]
    stylesheet: Option<String>,
    /// Compared as a number: `2` and `2.0` are one value.
    version: Option<f64>,
    #[model(not_null)]
    note: Option<String>,
    draft: bool,
}

fn read(text: &str) -> Result<Transform, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn collected(text: &str) -> Vec<(String, String)> {
    match from_json::<Transform>(text) {
        Ok(_) => Vec::new(),
        Err(errors) => found(&errors),
    }
}

fn messages(text: &str) -> Vec<String> {
    match from_json::<Transform>(text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.message().to_owned()).collect(),
    }
}

#[test]
fn required_asks_for_each_member_when_the_condition_holds() {
    for ok in [
        r#"{"kind": "jsonata", "fileFormat": "csv", "template": "t", "draft": false}"#,
        // Another value, or none: nothing is asked.
        r#"{"kind": "other", "draft": false}"#,
        r#"{"stylesheet": "s", "draft": false}"#,
        // `null` is no value of the condition.
        r#"{"kind": null, "stylesheet": "s", "draft": false}"#,
        r#"{"kind": "xquery", "stylesheet": "s", "draft": false}"#,
    ] {
        assert!(read(ok).is_ok(), "{ok}: {:?}", read(ok));
        assert_eq!(collected(ok), [], "{ok}");
    }
    let text = r#"{"kind": "jsonata", "template": "t", "draft": false}"#;
    assert_eq!(
        read(text).unwrap_err(),
        "/fileFormat: when: is required when `kind` is \"jsonata\" at line 1 column 52"
    );
    assert_eq!(collected(text), pairs(&[("/fileFormat", "when")]));
    // Each absent member at its own pointer, in the order the rule names them.
    let text = r#"{"kind": "jsonata", "draft": false}"#;
    assert_eq!(
        collected(text),
        pairs(&[("/fileFormat", "when"), ("/template", "when")])
    );
    // One of several values.
    let text = r#"{"kind": "xslt", "draft": false}"#;
    assert_eq!(collected(text), pairs(&[("/stylesheet", "when")]));
    assert_eq!(
        messages(text),
        ["is required when `kind` is one of \"xslt\", \"xquery\""]
    );
    // A boolean condition on a field that is not an `Option`.
    let text = r#"{"kind": "k", "draft": true}"#;
    assert_eq!(collected(text), pairs(&[("/note", "when")]));
    assert!(read(r#"{"kind": "k", "draft": true, "note": "n"}"#).is_ok());
}

#[test]
fn a_null_in_an_option_of_an_option_is_a_member_given() {
    // `template: null` is present: the `jsonata` rule holds, and the `copy` rule breaks.
    let text = r#"{"kind": "jsonata", "fileFormat": "csv", "template": null, "draft": false}"#;
    assert!(read(text).is_ok(), "{:?}", read(text));
    assert_eq!(read(text).unwrap().template, Some(None));
    let text = r#"{"kind": "copy", "template": null, "draft": false}"#;
    assert_eq!(
        read(text).unwrap_err(),
        "(root): when: must not hold `template` when `kind` is \"copy\" at line 1 column 50"
    );
    assert_eq!(collected(text), pairs(&[("", "when")]));
    assert!(read(r#"{"kind": "copy", "draft": false}"#).is_ok());
}

#[test]
fn numbers_are_compared_by_their_value() {
    for version in ["2", "2.0", "2e0", "20e-1"] {
        let text = format!(
            r#"{{"kind": "k", "version": {version}, "fileFormat": "f", "stylesheet": "s", "draft": false}}"#
        );
        assert_eq!(collected(&text), pairs(&[("", "when")]), "{text}");
        assert!(
            read(&text)
                .unwrap_err()
                .starts_with("(root): when: must not hold all of `fileFormat`, `stylesheet` at once when `version` is 2; each is present"),
            "{text}"
        );
    }
    for version in ["2.5", "1", "null"] {
        let text = format!(
            r#"{{"kind": "k", "version": {version}, "fileFormat": "f", "stylesheet": "s", "draft": false}}"#
        );
        assert_eq!(collected(&text), [], "{text}");
    }
    // Only one of the two: the rule holds.
    assert!(read(r#"{"kind": "k", "version": 2, "fileFormat": "f", "draft": false}"#).is_ok());
}

#[test]
fn every_violation_at_once_with_the_others_in_the_order_written() {
    // A member's own rule, every `when`, and `required_any_of` between them as written.
    let text = r#"{"kind": "xslt", "version": 2.0, "fileFormat": 1, "draft": true}"#;
    assert_eq!(
        collected(text),
        pairs(&[
            ("/fileFormat", "type"),
            ("/stylesheet", "when"),
            ("/note", "when"),
        ])
    );
    let text = r#"{"version": 2.0, "fileFormat": "f", "stylesheet": "toolong", "draft": true}"#;
    assert_eq!(
        collected(text),
        pairs(&[("/stylesheet", "max_len"), ("", "when"), ("/note", "when"),])
    );
    // A member refused for its own rule is listed, and is present; a condition on it says
    // nothing (its value is not held).
    let text = r#"{"kind": "jsonata-long", "draft": false}"#;
    assert_eq!(collected(text), pairs(&[("/kind", "max_len")]));
    // The reader stops at the first.
    assert!(read(text).unwrap_err().starts_with("/kind: max_len:"));
}

fn transform() -> Transform {
    Transform {
        kind: Some(Some("jsonata".into())),
        file_format: Some("csv".into()),
        template: Some(None),
        stylesheet: None,
        version: Some(2.0),
        note: None,
        draft: false,
    }
}

#[test]
fn validate_holds_the_value_held_to_the_same_rules() {
    let valid = transform();
    assert_eq!(valid.validate(), Ok(()));
    let mut broken = transform();
    broken.template = None;
    broken.stylesheet = Some("s".into());
    broken.draft = true;
    let errors = broken.validate().unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/template", "when"), ("", "when"), ("/note", "when")])
    );
    // What it refuses reads back with the same violations; what it accepts reads back.
    let written = serde_json::to_string(&broken).unwrap();
    assert_eq!(collected(&written), found(&errors), "{written}");
    let written = serde_json::to_string(&valid).unwrap();
    assert_eq!(read(&written).unwrap(), valid);
    // The value as it would be written: `null` is no value, `Some(2.0)` is the number 2.
    let mut none = transform();
    none.kind = Some(None);
    none.file_format = None;
    none.template = None;
    none.stylesheet = Some("s".into());
    assert_eq!(none.validate(), Ok(()));
    let mut other = transform();
    other.kind = Some(Some("xquery".into()));
    assert_eq!(
        found(&other.validate().unwrap_err()),
        pairs(&[("/stylesheet", "when")])
    );
}

#[test]
fn the_schema_is_if_and_then_at_each_rule_s_place() {
    let schema = Transform::json_schema();
    let at = |kind: &str, then: Value| {
        json!({
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": then,
        })
    };
    assert_eq!(
        schema["allOf"],
        json!([
            at("jsonata", json!({"required": ["fileFormat", "template"]})),
            {
                "if": {"properties": {"kind": {"enum": ["xslt", "xquery"]}}, "required": ["kind"]},
                "then": {"required": ["stylesheet"]},
            },
            {"anyOf": [{"required": ["kind"]}, {"required": ["stylesheet"]}]},
            at("copy", json!({"not": {"required": ["template"]}})),
            {
                "if": {"properties": {"version": {"const": 2}}, "required": ["version"]},
                "then": {"not": {"required": ["fileFormat", "stylesheet"]}},
            },
            {
                "if": {"properties": {"draft": {"const": true}}, "required": ["draft"]},
                "then": {"required": ["note"]},
            },
        ]),
        "{schema:#}"
    );
    assert_eq!(schema.get("if"), None);
    // Alone, the rule sits on the object.
    let alone = Sync::json_schema();
    assert_eq!(
        alone["if"],
        json!({"properties": {"mode": {"const": "poll-v2"}}, "required": ["mode"]})
    );
    assert_eq!(alone["then"], json!({"required": ["interval"]}));
    assert_eq!(alone.get("allOf"), None);
}

/// How a feed is kept up to date, a string enum whose values are its wire names.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
#[model(rename_all = "snake_case")]
enum Mode {
    Push,
    Pull,
    #[model(rename = "poll-v2")]
    PollV2,
}

/// Polling needs an interval: a condition on a string enum, by its wire value.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(when(mode = "poll-v2", required(interval)))]
struct Sync {
    mode: Mode,
    #[model(not_null, min = 1)]
    interval: Option<u32>,
}

#[test]
fn a_string_enum_is_compared_by_its_wire_value() {
    let ok: Sync = serde_json::from_str(r#"{"mode": "poll-v2", "interval": 5}"#).unwrap();
    assert_eq!(ok.mode, Mode::PollV2);
    assert!(serde_json::from_str::<Sync>(r#"{"mode": "push"}"#).is_ok());
    let err = serde_json::from_str::<Sync>(r#"{"mode": "poll-v2"}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/interval: when: is required when `mode` is \"poll-v2\""),
        "{err}"
    );
    let built = Sync {
        mode: Mode::PollV2,
        interval: None,
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("/interval", "when")])
    );
    let built = Sync {
        mode: Mode::Pull,
        interval: None,
    };
    assert_eq!(built.validate(), Ok(()));
}

/// A condition on an integer, on a field nested in a list and flattened into another struct.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(when(level = 3 | 4.0, required(reason)))]
struct Escalation {
    level: u8,
    #[model(not_null)]
    reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(required_any_of(a, b))]
struct Ticket {
    #[model(not_null)]
    a: Option<u8>,
    #[model(not_null)]
    b: Option<u8>,
    #[model(flatten)]
    escalation: Escalation,
}

#[derive(Debug, Clone, PartialEq, Model)]
struct Queue {
    tickets: Vec<Ticket>,
}

#[test]
fn nested_and_flattened_the_pointers_are_the_object_s_and_the_member_s() {
    let text =
        r#"{"tickets": [{"a": 1, "level": 1}, {"level": 4}, {"b": 1, "level": 3, "reason": "r"}]}"#;
    let errors = from_json::<Queue>(text).unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/tickets/1/reason", "when"),
            ("/tickets/1", "required_any_of")
        ])
    );
    let err = serde_json::from_str::<Queue>(text).unwrap_err().to_string();
    assert!(
        err.starts_with("/tickets/1/reason: when: is required when `level` is one of 3, 4.0"),
        "{err}"
    );
    // The flattened model's rule joins the struct's, after them.
    assert_eq!(
        Ticket::json_schema()["allOf"],
        json!([
            {"anyOf": [{"required": ["a"]}, {"required": ["b"]}]},
            {
                "if": {"properties": {"level": {"enum": [3, 4.0]}}, "required": ["level"]},
                "then": {"required": ["reason"]},
            },
        ])
    );
    let queue = Queue {
        tickets: vec![Ticket {
            a: Some(1),
            b: None,
            escalation: Escalation {
                level: 4,
                reason: None,
            },
        }],
    };
    assert_eq!(
        found(&queue.validate().unwrap_err()),
        pairs(&[("/tickets/0/reason", "when")])
    );
}
