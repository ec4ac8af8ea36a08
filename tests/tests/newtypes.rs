//! Newtypes: `#[derive(Model)]` on a tuple struct with one field is that field's value on the
//! wire, held to the field's rules wherever it sits.

use authlete_models::{Model, Secret, Validate, ValidationErrors, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::json;

/// A client secret: 512 random bits in base64url.
#[derive(Debug, PartialEq, Model)]
pub struct ClientSecret(
    /// Ignored: the newtype's own doc comment describes the value.
    #[model(charset = "A-Za-z0-9_-", min_len = 1, max_len = 86)]
    Secret<String>,
);

/// A number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Model)]
struct Seconds(#[model(min = 1, max = 3600)] u32);

#[derive(Debug, PartialEq, Model)]
struct Scope {
    #[model(max_len = 8)]
    name: String,
}

/// A scope, wrapped.
#[derive(Debug, PartialEq, Model)]
struct Wrapped(Scope);

#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Settings {
    client_secret: Option<ClientSecret>,
    token_ttl: Seconds,
    #[model(max_len = 2)]
    ttls: Vec<Seconds>,
    scope: Option<Box<Wrapped>>,
}

#[test]
fn a_newtype_reads_and_writes_its_value() {
    let s: Seconds = serde_json::from_str("60").unwrap();
    assert_eq!(s, Seconds(60));
    assert_eq!(serde_json::to_string(&s).unwrap(), "60");
    let secret: ClientSecret = serde_json::from_str(r#""abc-DEF_123""#).unwrap();
    assert_eq!(secret.0.expose(), "abc-DEF_123");
    assert_eq!(serde_json::to_string(&secret).unwrap(), r#""abc-DEF_123""#);
    let w: Wrapped = serde_json::from_value(json!({"name": "read"})).unwrap();
    assert_eq!(
        w,
        Wrapped(Scope {
            name: "read".into()
        })
    );
}

#[test]
fn the_rules_hold_at_the_root_with_the_empty_pointer() {
    let err = serde_json::from_str::<Seconds>("0")
        .unwrap_err()
        .to_string();
    assert_eq!(err, "(root): min: must be at least 1 at line 1 column 1");
    let errors = from_json::<ClientSecret>(r#""a b""#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "charset")]));
    let errors = Seconds(0).validate().unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "min")]));
    assert!(Seconds(1).validate().is_ok());
    let errors = Wrapped(Scope {
        name: "too-long-name".into(),
    })
    .validate()
    .unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/name", "max_len")]));
}

#[test]
fn as_a_field_its_errors_sit_where_it_sits() {
    let err = serde_json::from_value::<Settings>(json!({"tokenTtl": 3601, "ttls": []}))
        .unwrap_err()
        .to_string();
    assert_eq!(err, "/tokenTtl: max: must be at most 3600");
    let errors = from_json::<Settings>(
        r#"{"clientSecret": "no spaces", "tokenTtl": 0, "ttls": [5, 0, 7], "scope": {"name": "way too long"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/clientSecret", "charset"),
            ("/tokenTtl", "min"),
            ("/ttls", "max_len"),
            ("/ttls/1", "min"),
            ("/scope/name", "max_len"),
        ])
    );
    let built = Settings {
        client_secret: Some(ClientSecret(Secret::from(""))),
        token_ttl: Seconds(5000),
        ttls: vec![Seconds(0)],
        scope: None,
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[
            ("/clientSecret", "min_len"),
            ("/tokenTtl", "max"),
            ("/ttls/0", "min")
        ])
    );
}

#[test]
fn a_secret_newtype_never_shows_its_value() {
    let err = serde_json::from_str::<ClientSecret>(r#""hunter2 hunter2""#)
        .unwrap_err()
        .to_string();
    assert!(!err.contains("hunter2"), "{err}");
    let err = serde_json::from_str::<ClientSecret>("918273645")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("918273645"), "{err}");
    assert!(!format!("{:?}", ClientSecret(Secret::from("hunter2"))).contains("hunter2"));
}

#[test]
fn try_from_runs_the_rules() {
    assert_eq!(Seconds::try_from(60), Ok(Seconds(60)));
    let errors: ValidationErrors = Seconds::try_from(0).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "min")]));
    assert!(ClientSecret::try_from(Secret::from("ok")).is_ok());
    assert!(ClientSecret::try_from(Secret::from("not ok")).is_err());
}

#[test]
fn the_schema_is_the_value_s_under_the_newtype_s_title() {
    assert_eq!(
        Seconds::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Seconds",
            "description": "A number of seconds.",
            "type": "integer",
            "minimum": 1,
            "maximum": 3600
        })
    );
    assert_eq!(
        ClientSecret::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "ClientSecret",
            "description": "A client secret: 512 random bits in base64url.",
            "type": "string",
            "minLength": 1,
            "maxLength": 86,
            "pattern": "^[\\u002D0-9A-Z\\u005Fa-z]*$",
            "format": "password"
        })
    );
    let schema = Settings::json_schema();
    assert_eq!(
        schema["properties"]["tokenTtl"],
        json!({"$ref": "#/$defs/Seconds"})
    );
    assert_eq!(
        schema["$defs"]["Wrapped"],
        json!({"title": "Wrapped", "description": "A scope, wrapped.", "$ref": "#/$defs/Scope"})
    );
    // The derive's schema and an independent validator agree.
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (doc, ok) in [
        (json!({"tokenTtl": 5, "ttls": [1, 2]}), true),
        (json!({"tokenTtl": 0, "ttls": []}), false),
        (
            json!({"tokenTtl": 5, "ttls": [], "clientSecret": "a+b"}),
            false,
        ),
        (
            json!({"tokenTtl": 5, "ttls": [], "scope": {"name": "123456789"}}),
            false,
        ),
        (
            json!({"tokenTtl": 5, "ttls": [], "scope": {"name": "12345678"}}),
            true,
        ),
    ] {
        assert_eq!(validator.is_valid(&doc), ok, "{doc}");
        assert_eq!(
            serde_json::from_value::<Settings>(doc.clone()).is_ok(),
            ok,
            "{doc}"
        );
    }
}
