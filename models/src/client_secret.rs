//! What the generated models of the "update client secret" API gain by hand: a readable name
//! for the request and a checked constructor.

use crate::Secret;
use crate::authlete::ApiServiceIdClientSecretUpdateClientIdentifie;

/// A readable name for [`ApiServiceIdClientSecretUpdateClientIdentifie`], the body of
/// `POST /api/{serviceId}/client/secret/update/{clientIdentifier}`.
///
/// The secret is 1 to 86 characters of `A-Z a-z 0-9 - _`. Authlete itself generates secrets as
/// 512 random bits in base64url without padding: exactly 86 characters of that alphabet. An
/// empty secret is refused too, as Authlete's own Java SDK does. The body is sent as
/// `application/json` or `application/x-www-form-urlencoded`; the serde impls work with either
/// format.
///
/// # Examples
///
/// ```
/// use authlete_models::{ClientSecretUpdateRequest, ClientSecretUpdateResponse, Validate};
///
/// let body: ClientSecretUpdateRequest =
///     serde_json::from_str(r#"{"clientSecret": "my-new_Secret0"}"#).unwrap();
/// assert_eq!(body.client_secret.expose(), "my-new_Secret0");
/// assert!(body.validate().is_ok());
///
/// // The secret never shows in `Debug`, nor in errors.
/// assert!(!format!("{body:?}").contains("my-new"));
/// let err = serde_json::from_str::<ClientSecretUpdateRequest>(
///     r#"{"clientSecret": "not/base64url"}"#,
/// )
/// .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "/clientSecret: charset: must contain only A-Z a-z 0-9 - _ at line 1 column 32"
/// );
///
/// let res: ClientSecretUpdateResponse = serde_json::from_str(
///     r#"{"resultCode": "A149001", "newClientSecret": "n", "oldClientSecret": "o"}"#,
/// )
/// .unwrap();
/// assert_eq!(res.result_code.as_deref(), Some("A149001"));
/// assert!(!format!("{res:?}").contains("\"n\""));
/// ```
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
