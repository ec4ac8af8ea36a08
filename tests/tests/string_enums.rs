//! String enums: `#[derive(Model)]` on an enum of unit variants, with and without a catch-all,
//! read, written, validated, collected and described, in every field position.

use std::collections::BTreeSet;
use std::str::FromStr;

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::json;

/// How an access token is granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Model)]
#[model(rename_all = "SCREAMING_SNAKE_CASE")]
enum GrantType {
    AuthorizationCode,
    ClientCredentials,
    #[model(rename = "urn:ietf:params:oauth:grant-type:device_code")]
    DeviceCode,
    Hs256,
}

/// A JWS algorithm; a server may add algorithms this list does not know yet.
#[derive(Debug, Clone, PartialEq, Eq, Model)]
enum JwsAlg {
    RS256,
    ES256,
    #[model(other)]
    Other(String),
}

#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Client {
    grant: GrantType,
    maybe_grant: Option<GrantType>,
    #[model(max_len = 3)]
    grants: Vec<GrantType>,
    boxed: Box<GrantType>,
    alg: Option<JwsAlg>,
}

#[test]
fn reads_and_writes_the_wire_values() {
    let g: GrantType = serde_json::from_str(r#""AUTHORIZATION_CODE""#).unwrap();
    assert_eq!(g, GrantType::AuthorizationCode);
    let g: GrantType =
        serde_json::from_str(r#""urn:ietf:params:oauth:grant-type:device_code""#).unwrap();
    assert_eq!(g, GrantType::DeviceCode);
    assert_eq!(
        serde_json::to_string(&GrantType::Hs256).unwrap(),
        r#""HS256""#
    );
    assert_eq!(
        serde_json::to_string(&GrantType::ClientCredentials).unwrap(),
        r#""CLIENT_CREDENTIALS""#
    );
    // Every variant writes what it reads.
    for g in [
        GrantType::AuthorizationCode,
        GrantType::ClientCredentials,
        GrantType::DeviceCode,
        GrantType::Hs256,
    ] {
        let text = serde_json::to_string(&g).unwrap();
        assert_eq!(serde_json::from_str::<GrantType>(&text).unwrap(), g);
        assert_eq!(format!("\"{}\"", g.as_str()), text);
    }
}

#[test]
fn an_unknown_value_is_refused_with_code_enum_listing_the_values() {
    let err = serde_json::from_str::<GrantType>(r#""authorization_code""#)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "(root): enum: must be one of `AUTHORIZATION_CODE`, `CLIENT_CREDENTIALS`, `urn:ietf:params:oauth:grant-type:device_code` or `HS256` at line 1 column 20"
    );
    let err =
        serde_json::from_str::<Client>(r#"{"grant": "PASSWORD", "grants": [], "boxed": "HS256"}"#)
            .unwrap_err()
            .to_string();
    assert!(
        err.starts_with("/grant: enum: must be one of `AUTHORIZATION_CODE`"),
        "{err}"
    );
    assert!(!err.contains("PASSWORD"), "{err}");
    let err = serde_json::from_str::<GrantType>("5")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("invalid type: integer `5`, expected a `GrantType` value"),
        "{err}"
    );
}

#[test]
fn works_in_every_field_position() {
    let doc = json!({
        "grant": "HS256",
        "maybeGrant": null,
        "grants": ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"],
        "boxed": "HS256",
        "alg": "EdDSA"
    });
    let client: Client = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(
        client.grants,
        [GrantType::ClientCredentials, GrantType::AuthorizationCode]
    );
    assert_eq!(client.alg, Some(JwsAlg::Other("EdDSA".into())));
    let mut written = serde_json::to_value(&client).unwrap();
    written.as_object_mut().unwrap().remove("maybeGrant");
    let mut expected = doc;
    expected.as_object_mut().unwrap().remove("maybeGrant");
    assert_eq!(written, expected);
    let err = serde_json::from_value::<Client>(json!({
        "grant": "HS256", "grants": ["HS256", "NOPE"], "boxed": "HS256"
    }))
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("/grants/1: enum: "), "{err}");
}

#[test]
fn from_json_reports_every_unknown_value_at_its_pointer() {
    let errors = from_json::<Client>(
        r#"{"grant": "x", "maybeGrant": 3, "grants": ["HS256", "y", "z", "HS256"], "boxed": "HS256"}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/grant", "enum"),
            ("/maybeGrant", "type"),
            ("/grants", "max_len"),
            ("/grants/1", "enum"),
            ("/grants/2", "enum"),
        ])
    );
}

#[test]
fn a_catch_all_keeps_unknown_values_and_writes_them_back() {
    let alg: JwsAlg = serde_json::from_str(r#""PS512""#).unwrap();
    assert_eq!(alg, JwsAlg::Other("PS512".into()));
    assert_eq!(serde_json::to_string(&alg).unwrap(), r#""PS512""#);
    assert_eq!(alg.as_str(), "PS512");
    assert!(alg.validate().is_ok());
    // Known values never land in the catch-all when read...
    assert_eq!(
        serde_json::from_str::<JwsAlg>(r#""ES256""#).unwrap(),
        JwsAlg::ES256
    );
    // ...and a value built with one is reported, since it would read back as the variant.
    let errors = JwsAlg::Other("RS256".into()).validate().unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "enum")]));
    let client = Client {
        grant: GrantType::Hs256,
        maybe_grant: None,
        grants: vec![],
        boxed: Box::new(GrantType::Hs256),
        alg: Some(JwsAlg::Other("ES256".into())),
    };
    assert_eq!(
        found(&client.validate().unwrap_err()),
        pairs(&[("/alg", "enum")])
    );
    // Still a string.
    assert!(serde_json::from_str::<JwsAlg>("1").is_err());
}

#[test]
fn display_and_from_str_use_the_wire_value() {
    assert_eq!(
        GrantType::ClientCredentials.to_string(),
        "CLIENT_CREDENTIALS"
    );
    assert_eq!(format!("[{:>8}]", GrantType::Hs256), "[   HS256]");
    assert_eq!(GrantType::from_str("HS256"), Ok(GrantType::Hs256));
    let err = GrantType::from_str("hs256").unwrap_err();
    assert_eq!(err.code(), "enum");
    assert_eq!(err.path(), "");
    assert!(
        err.message()
            .starts_with("must be one of `AUTHORIZATION_CODE`")
    );
    assert_eq!(JwsAlg::from_str("X"), Ok(JwsAlg::Other("X".into())));
    // Usable as set members, as plain enums are.
    let set: BTreeSet<GrantType> = ["HS256", "HS256", "CLIENT_CREDENTIALS"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(set.len(), 2);
}

#[test]
fn the_schema_lists_the_values() {
    assert_eq!(
        GrantType::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "GrantType",
            "description": "How an access token is granted.",
            "type": "string",
            "enum": [
                "AUTHORIZATION_CODE",
                "CLIENT_CREDENTIALS",
                "urn:ietf:params:oauth:grant-type:device_code",
                "HS256"
            ]
        })
    );
    assert_eq!(
        JwsAlg::json_schema()["anyOf"],
        json!([{"enum": ["RS256", "ES256"]}, {"type": "string"}])
    );
    let schema = Client::json_schema();
    assert_eq!(
        schema["properties"]["grant"],
        json!({"$ref": "#/$defs/GrantType"})
    );
    assert_eq!(
        schema["properties"]["grants"]["items"],
        json!({"$ref": "#/$defs/GrantType"})
    );
    assert_eq!(
        schema["properties"]["maybeGrant"],
        json!({"anyOf": [{"$ref": "#/$defs/GrantType"}, {"type": "null"}]})
    );
    assert_eq!(schema["$defs"]["GrantType"]["title"], "GrantType");
    assert_eq!(schema["$defs"]["JwsAlg"]["title"], "JwsAlg");
}
