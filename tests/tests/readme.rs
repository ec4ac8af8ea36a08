//! The README's examples, as written there, with what it says they print.

use std::collections::HashMap;

use authlete_models::{Model, Secret, Validate};

/// How a client authenticates; a value added later by the server is kept, not refused.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ClientAuthMethod {
    ClientSecretBasic,
    ClientSecretPost,
    PrivateKeyJwt,
    None,
    #[model(other)]
    Other(String),
}

/// A client secret: 512 random bits in base64url.
#[derive(Debug, Model)]
pub struct ClientSecret(
    #[model(charset = "A-Za-z0-9_-", min_len = 1, max_len = 86)] Secret<String>,
);

#[derive(Debug, Model)]
#[model(rename_all = "camelCase")]
pub struct Client {
    pub auth_method: ClientAuthMethod,
    pub secret: Option<ClientSecret>,
    /// At most 20 redirect URIs, each at most 2,000 characters.
    #[model(min_len = 1, max_len = 20, items(max_len = 2000))]
    pub redirect_uris: Vec<String>,
    /// Up to 32 attributes, with short lowercase keys.
    #[model(
        max_len = 32,
        keys(charset = "a-z_", min_len = 1, max_len = 16),
        values(max_len = 256)
    )]
    pub attributes: HashMap<String, String>,
}

#[test]
fn the_shapes_example() {
    let err = serde_json::from_str::<Client>(
        r#"{"authMethod": "NONE", "redirectUris": ["https://a.example"], "attributes": {"Team": "x"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "/attributes: charset: a member name must contain only a-z _ at line 1 column 83"
    );
    let ok = serde_json::from_str::<Client>(
        r#"{"authMethod": "TLS_CLIENT_AUTH", "secret": "abc", "redirectUris": ["https://a.example"], "attributes": {}}"#,
    )
    .unwrap();
    assert_eq!(
        ok.auth_method,
        ClientAuthMethod::Other("TLS_CLIENT_AUTH".into())
    );
    assert!(ok.validate().is_ok());
}

/// What a client sends to prove who it is, tagged by `type`.
#[derive(Debug, PartialEq, Model)]
#[model(
    tag = "type",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum Credential {
    Secret {
        #[model(charset = "A-Za-z0-9_-", min_len = 1, max_len = 86)]
        client_secret: Secret<String>,
    },
    PrivateKeyJwt {
        #[model(max_len = 4096)]
        assertion: String,
    },
    None,
}

#[test]
fn the_tagged_union_example() {
    let c: Credential =
        serde_json::from_str(r#"{"type": "private_key_jwt", "assertion": "eyJ"}"#).unwrap();
    assert_eq!(
        c,
        Credential::PrivateKeyJwt {
            assertion: "eyJ".into()
        }
    );
    let err = serde_json::from_str::<Credential>(r#"{"type": "tls"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "/type: enum: must be one of `secret`, `private_key_jwt` or `none` at line 1 column 14"
    );
}

/// Registered by an id, or by a name and a URI together; a logo needs an e-mail beside it.
#[derive(Debug, Model)]
#[model(
    rename_all = "camelCase",
    required_one_of(client_id, (client_name, client_uri))
)]
pub struct Registration {
    #[model(not_null)]
    pub client_id: Option<String>,
    #[model(not_null)]
    pub client_name: Option<String>,
    /// A `null` here is a member given.
    pub client_uri: Option<Option<String>>,
    #[model(not_null, requires(email))]
    pub logo_uri: Option<String>,
    #[model(not_null)]
    pub email: Option<String>,
}

#[test]
fn the_members_present_together_example() {
    let err = serde_json::from_str::<Registration>(r#"{"clientName": "app"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "(root): required_one_of: must hold exactly one of `clientId`, (`clientName`, `clientUri`); none is present (a group is present when each of its members is) at line 1 column 21"
    );
    let ok = serde_json::from_str::<Registration>(r#"{"clientName": "app", "clientUri": null}"#);
    assert!(ok.is_ok(), "{ok:?}");
    let errors = authlete_models::from_json::<Registration>(r#"{"clientId": "a", "logoUri": "l"}"#)
        .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "/email: requires: is required when `logoUri` is present"
    );
}
