//! The README's examples, as written there, with what it says they print.

use authlete_models::{ClientSecretUpdateRequest, Model, Validate};

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
pub struct ClientAlias {
    #[model(charset = "A-Za-z0-9_-", min_len = 1, max_len = 86)]
    pub client_id_alias: String,
    #[model(min = 1, max = 3600)]
    pub token_ttl: Option<u32>,
}

#[test]
fn the_first_example() {
    let err = serde_json::from_str::<ClientAlias>(r#"{"clientIdAlias": "my app"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "/clientIdAlias: charset: must contain only A-Z a-z 0-9 _ - at line 1 column 26"
    );

    let built = ClientAlias {
        client_id_alias: String::new(),
        token_ttl: Some(0),
    };
    let mut printed = Vec::new();
    for e in &built.validate().unwrap_err() {
        printed.push(format!("{} {} {}", e.path(), e.code(), e.message()));
    }
    assert_eq!(
        printed,
        [
            "/clientIdAlias min_len must be at least 1 character long, got 0",
            "/tokenTtl min must be at least 1, got 0",
        ]
    );
}

#[test]
fn the_documented_model_example() {
    let body: ClientSecretUpdateRequest =
        serde_json::from_str(r#"{"clientSecret": "my-new_Secret0"}"#).unwrap();
    assert_eq!(body.client_secret.expose(), "my-new_Secret0");
    assert_eq!(
        format!("{body:?}"),
        r#"ApiServiceIdClientSecretUpdateClientIdentifie { client_secret: Secret("[redacted]") }"#
    );

    let err =
        serde_json::from_str::<ClientSecretUpdateRequest>(r#"{"clientSecret": "not a secret!"}"#)
            .unwrap_err();
    assert_eq!(
        err.to_string(),
        "/clientSecret: charset: must contain only A-Z a-z 0-9 - _ at line 1 column 32"
    );

    let checked = ClientSecretUpdateRequest::new("my-new_Secret0").unwrap();
    assert!(checked.validate().is_ok());
}
