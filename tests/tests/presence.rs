//! What an absent member and a `null` mean: `required` and `not_null` on an `Option`,
//! `Option<Option<T>>`, `default` with a literal or a function, and `skip`. Each is held in
//! the five places: the first-violation reader, `validate()`, `from_json`, the writer and the
//! schema.

use std::time::Instant;

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::{Value, json};

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
enum Mode {
    Auto,
    Manual,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Patch {
    /// Present, perhaps `null`.
    #[model(required, max_len = 4)]
    name: Option<String>,
    /// Perhaps absent, never `null`.
    #[model(not_null, min = 1)]
    size: Option<u32>,
    /// Absent, `null`, or a value: three states.
    #[model(max_len = 3)]
    label: Option<Option<String>>,
    #[model(not_null)]
    mode: Option<Mode>,
}

fn patch(text: &str) -> Result<Patch, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[test]
fn required_option_must_be_present_and_may_be_null() {
    assert_eq!(patch(r#"{"name": null}"#).unwrap().name, None);
    assert_eq!(
        patch(r#"{"name": "abcd"}"#).unwrap().name.as_deref(),
        Some("abcd")
    );
    let err = patch("{}").unwrap_err();
    assert!(err.starts_with("/name: missing required field"), "{err}");
    let errors = from_json::<Patch>(r#"{"size": 3}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/name", "required")]));
    // Written back as `null`, so that it reads back.
    let p = patch(r#"{"name": null}"#).unwrap();
    assert_eq!(serde_json::to_value(&p).unwrap(), json!({"name": null}));
}

#[test]
fn not_null_option_may_be_absent_but_not_null() {
    let p = patch(r#"{"name": null}"#).unwrap();
    assert_eq!((p.size, p.mode), (None, None));
    assert_eq!(
        patch(r#"{"name": null, "size": 2, "mode": "manual"}"#)
            .unwrap()
            .size,
        Some(2)
    );
    let err = patch(r#"{"name": null, "size": null}"#).unwrap_err();
    assert!(
        err.starts_with("invalid type: null, expected an integer in range at /size"),
        "{err}"
    );
    let err = patch(r#"{"name": null, "mode": null}"#).unwrap_err();
    assert!(err.contains("null") && err.contains("/mode"), "{err}");
    let errors =
        from_json::<Patch>(r#"{"name": null, "size": null, "mode": null, "label": "abcd"}"#)
            .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/size", "type"), ("/mode", "type"), ("/label", "max_len")])
    );
    // The rule inside still holds.
    let err = patch(r#"{"name": null, "size": 0}"#).unwrap_err();
    assert!(err.starts_with("/size: min:"), "{err}");
}

#[test]
fn double_option_tells_absent_from_null() {
    assert_eq!(patch(r#"{"name": null}"#).unwrap().label, None);
    assert_eq!(
        patch(r#"{"name": null, "label": null}"#).unwrap().label,
        Some(None)
    );
    assert_eq!(
        patch(r#"{"name": null, "label": "abc"}"#).unwrap().label,
        Some(Some("abc".to_owned()))
    );
    assert!(patch(r#"{"name": null, "label": "abcd"}"#).is_err());
    // Each state is written back as it was read.
    for doc in [
        json!({"name": null}),
        json!({"name": null, "label": null}),
        json!({"name": null, "label": "abc"}),
    ] {
        let p: Patch = serde_json::from_value(doc.clone()).unwrap();
        assert_eq!(serde_json::to_value(&p).unwrap(), doc);
        assert_eq!(from_json::<Patch>(&doc.to_string()).unwrap(), p);
    }
    let built = Patch {
        name: Some("abcde".into()),
        size: Some(0),
        label: Some(Some("abcd".into())),
        mode: None,
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[
            ("/name", "max_len"),
            ("/size", "min"),
            ("/label", "max_len")
        ])
    );
}

#[test]
fn presence_in_the_schema() {
    let schema = Patch::json_schema();
    assert_eq!(schema["required"], json!(["name"]));
    let p = &schema["properties"];
    assert_eq!(p["name"]["type"], json!(["string", "null"]));
    assert_eq!(
        p["size"],
        json!({
            "type": "integer", "minimum": 1, "maximum": 4294967295u32,
            "description": "Perhaps absent, never `null`."
        })
    );
    assert_eq!(
        p["label"],
        json!({
            "type": ["string", "null"], "maxLength": 3,
            "description": "Absent, `null`, or a value: three states."
        })
    );
    assert_eq!(p["mode"], json!({"$ref": "#/$defs/Mode"}));
}

fn default_scopes() -> Vec<String> {
    vec!["openid".into()]
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Settings {
    #[model(default = 250, max = 1000)]
    limit: u32,
    #[model(default = "auto", max_len = 8)]
    label: String,
    #[model(default = true)]
    enabled: bool,
    #[model(default = -1.5, min = -2)]
    ratio: f64,
    #[model(default = 3)]
    retries: Option<i8>,
    #[model(default = "manual")]
    mode: Mode,
    #[model(default = default_scopes, max_len = 2)]
    scopes: Vec<String>,
    #[model(default)]
    note: String,
    #[model(skip)]
    cache: Option<Instant>,
    #[model(skip, default = default_scopes)]
    seen: Vec<String>,
}

#[test]
fn an_absent_member_takes_its_default() {
    let s: Settings = serde_json::from_str("{}").unwrap();
    assert_eq!(s.limit, 250);
    assert_eq!(s.label, "auto");
    assert!(s.enabled);
    assert_eq!(s.ratio, -1.5);
    assert_eq!(s.retries, Some(3));
    assert_eq!(s.mode, Mode::Manual);
    assert_eq!(s.scopes, ["openid"]);
    assert_eq!(s.note, "");
    assert_eq!(s.cache, None);
    assert_eq!(s.seen, ["openid"]);
    assert_eq!(from_json::<Settings>("{}").unwrap(), s);
    // A member given is read as usual, a `null` for an `Option` with a default is `None`.
    let s: Settings =
        serde_json::from_str(r#"{"limit": 5, "mode": "auto", "retries": null}"#).unwrap();
    assert_eq!((s.limit, &s.mode, s.retries), (5, &Mode::Auto, None));
    // That `None` is written as `null`: left out, it would read back as the default.
    let written = serde_json::to_value(&s).unwrap();
    assert_eq!(written["retries"], Value::Null);
    assert_eq!(
        serde_json::from_value::<Settings>(written).unwrap().retries,
        None
    );
}

#[test]
fn defaults_are_written_in_the_schema() {
    let schema = Settings::json_schema();
    let p = &schema["properties"];
    assert_eq!(schema.get("required"), None);
    assert_eq!(p["limit"]["default"], json!(250));
    assert_eq!(p["label"]["default"], json!("auto"));
    assert_eq!(p["enabled"]["default"], json!(true));
    assert_eq!(p["ratio"]["default"], json!(-1.5));
    assert_eq!(p["retries"]["default"], json!(3));
    assert_eq!(p["mode"]["default"], json!("manual"));
    assert_eq!(p["scopes"]["default"], json!(["openid"]));
    assert_eq!(p["note"]["default"], json!(""));
}

#[test]
fn a_skip_field_is_neither_read_nor_written_nor_described() {
    // Its wire name is an unknown member like any other: skipped, not read.
    let s: Settings = serde_json::from_str(r#"{"cache": 1, "seen": ["x"]}"#).unwrap();
    assert_eq!((s.cache, s.seen.clone()), (None, vec!["openid".to_owned()]));
    let mut s = s;
    s.cache = Some(Instant::now());
    s.seen = vec!["a".into()];
    let written = serde_json::to_value(&s).unwrap();
    assert_eq!(written.get("cache"), None);
    assert_eq!(written.get("seen"), None);
    let schema = Settings::json_schema();
    assert_eq!(schema["properties"].get("cache"), None);
    assert_eq!(schema["properties"].get("seen"), None);
    assert!(s.validate().is_ok());
}

#[derive(Debug, PartialEq, Model)]
#[model(deny_unknown_fields)]
struct Strict {
    a: u8,
    #[model(skip)]
    b: u8,
}

#[test]
fn under_deny_unknown_fields_a_skip_field_s_name_is_refused() {
    let err = serde_json::from_str::<Strict>(r#"{"a": 1, "b": 2}"#).unwrap_err();
    assert!(err.to_string().starts_with("unknown field `b`"), "{err}");
    let errors = from_json::<Strict>(r#"{"a": 1, "b": 2}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/b", "unknown_field")]));
}

fn bad_scopes() -> Vec<String> {
    vec!["a".into(), "b".into(), "c".into()]
}

#[derive(Debug, PartialEq, Model)]
struct BrokenDefaults {
    #[model(default = bad_scopes, max_len = 2)]
    scopes: Vec<String>,
    #[model(default = "sometimes")]
    mode: Option<Mode>,
}

#[test]
fn a_default_that_breaks_the_rules_makes_the_absent_member_an_error() {
    let err = serde_json::from_str::<BrokenDefaults>(r#"{"mode": "auto"}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/scopes: max_len: absent, and its default value breaks the rule"),
        "{err}"
    );
    let err = serde_json::from_str::<BrokenDefaults>(r#"{"scopes": []}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/mode: enum: is absent, and its default value is refused"),
        "{err}"
    );
    let errors = from_json::<BrokenDefaults>("{}").unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/scopes", "max_len"), ("/mode", "enum")])
    );
    // The message says what the default breaks, never the document's position in it.
    let msg = errors.iter().nth(1).unwrap().message().to_owned();
    assert!(!msg.contains("line"), "{msg}");
}

#[test]
fn a_literal_default_is_what_the_schema_says() {
    // The schema's default, read as a document, gives the value the derive defaults to.
    let schema = Settings::json_schema();
    let mut doc = serde_json::Map::new();
    for (name, property) in schema["properties"].as_object().unwrap() {
        doc.insert(name.clone(), property["default"].clone());
    }
    let from_defaults: Settings = serde_json::from_value(Value::Object(doc)).unwrap();
    let absent: Settings = serde_json::from_str("{}").unwrap();
    assert_eq!(from_defaults, absent);
}
