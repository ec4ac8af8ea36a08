//! The documented models of Authlete's "update client secret" API.

use crate::{Model, Secret};

/// The request body of Authlete's "update client secret" API, `POST /api/{serviceId}/client/secret/update/{clientIdentifier}`.
///
/// # Format
///
/// The new value of the client secret. Valid characters for a client secret are `A-Z`, `a-z`,
/// `0-9`, `-`, and `_`. The maximum length of a client secret is 86.
///
/// Authlete itself generates secrets as 512 random bits in base64url without padding: exactly
/// 86 characters of that alphabet. An empty secret is refused too, as Authlete's own Java SDK
/// does. The body is sent as `application/json` or `application/x-www-form-urlencoded`; the
/// serde impls work with either format.
///
/// # Examples
///
/// ```
/// use authlete_models::{ApiServiceIdClientSecretUpdateClientIdentifie, Validate};
///
/// let body: ApiServiceIdClientSecretUpdateClientIdentifie =
///     serde_json::from_str(r#"{"clientSecret": "my-new_Secret0"}"#).unwrap();
/// assert_eq!(body.client_secret.expose(), "my-new_Secret0");
/// assert!(body.validate().is_ok());
///
/// // The secret never shows in `Debug`, nor in errors.
/// assert!(!format!("{body:?}").contains("my-new"));
/// let err = serde_json::from_str::<ApiServiceIdClientSecretUpdateClientIdentifie>(
///     r#"{"clientSecret": "not/base64url"}"#,
/// )
/// .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "/clientSecret: charset: must contain only A-Z a-z 0-9 - _ at line 1 column 32"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Model)]
#[model(rename_all = "camelCase")]
pub struct ApiServiceIdClientSecretUpdateClientIdentifie {
    /// The new value of the client secret. Valid characters for a client secret are `A-Z`, `a-z`, `0-9`, `-`, and `_`. The maximum length of a client secret is 86.
    #[model(charset = "A-Za-z0-9\\-_", min_len = 1, max_len = 86)]
    pub client_secret: Secret<String>,
}

/// A readable name for [`ApiServiceIdClientSecretUpdateClientIdentifie`].
pub type ClientSecretUpdateRequest = ApiServiceIdClientSecretUpdateClientIdentifie;

impl ApiServiceIdClientSecretUpdateClientIdentifie {
    /// A request setting the secret to `client_secret`, checked.
    ///
    /// ```
    /// use authlete_models::ClientSecretUpdateRequest;
    ///
    /// assert!(ClientSecretUpdateRequest::new("abc_DEF-123").is_ok());
    /// let errors = ClientSecretUpdateRequest::new("a b").unwrap_err();
    /// assert_eq!(errors.iter().next().unwrap().code(), "charset");
    /// ```
    pub fn new(client_secret: impl Into<String>) -> Result<Self, crate::ValidationErrors> {
        let request = ApiServiceIdClientSecretUpdateClientIdentifie {
            client_secret: Secret::new(client_secret.into()),
        };
        crate::Validate::validate(&request)?;
        Ok(request)
    }
}

/// The response of Authlete's "update client secret" API (`client_secret_update_response`).
///
/// # Examples
///
/// ```
/// use authlete_models::ClientSecretUpdateResponse;
///
/// let res: ClientSecretUpdateResponse = serde_json::from_str(
///     r#"{"resultCode": "A149001", "newClientSecret": "n", "oldClientSecret": "o"}"#,
/// )
/// .unwrap();
/// assert_eq!(res.result_code.as_deref(), Some("A149001"));
/// assert!(!format!("{res:?}").contains("\"n\""));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Model)]
#[model(rename_all = "camelCase")]
pub struct ClientSecretUpdateResponse {
    /// The code which represents the result of the API call, e.g. `A149001`.
    pub result_code: Option<String>,
    /// A short message which explains the result of the API call.
    pub result_message: Option<String>,
    /// The new client secret.
    pub new_client_secret: Option<Secret<String>>,
    /// The old client secret.
    pub old_client_secret: Option<Secret<String>>,
}
