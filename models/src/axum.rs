//! The `axum` feature: [`Json<T>`], an extractor for JSON request bodies read as a model, and
//! [`Rejection`], the answer to a body it refuses.
//!
//! | the request | the answer |
//! |---|---|
//! | a body that reads as `T` and keeps its rules | the handler runs with it |
//! | a JSON body that breaks the model | 422, `application/problem+json`, every violation in `errors` |
//! | a body that is not JSON (nor UTF-8) | 400, `application/problem+json`, with the line and column |
//! | no `Content-Type: application/json` (or `+json`) | 415 |
//! | a body over the limit (axum's `DefaultBodyLimit`, 2 MB unless set) | 413 |
//!
//! Every answer's body is RFC 9457 problem details: `type`, `title`, `status`, `detail`, and
//! for 422 `errors`, the `ValidationErrors` list (`path`, `code`, `message`). No answer holds a
//! value the request sent: messages carry pointers, rules and lengths, never a secret.
//!
//! ```
//! use authlete_models::axum::Json;
//! use authlete_models::{Model, Secret};
//!
//! /// The body of a secret update (the shipped `ClientSecretUpdateRequest` is another such).
//! #[derive(Debug, Model)]
//! #[model(rename_all = "camelCase")]
//! struct SecretUpdate {
//!     #[model(charset = "A-Za-z0-9_-", min_len = 1, max_len = 86)]
//!     client_secret: Secret<String>,
//! }
//!
//! async fn update(Json(body): Json<SecretUpdate>) -> &'static str {
//!     let _secret = body.client_secret.expose();
//!     "updated"
//! }
//!
//! let _app: axum::Router = axum::Router::new()
//!     .route("/api/client/secret/update/{id}", axum::routing::post(update));
//! ```

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::{Code, Model, ValidationErrors};

/// A JSON request body read as the model `T`: every rule of `T` holds.
///
/// It refuses what `T` refuses with a [`Rejection`] (422 and the list of every violation);
/// see the module's table for the other answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

impl<T: Model, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = Rejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Rejection> {
        if !json_content_type(req.headers()) {
            return Err(Rejection::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
                "The request body must be JSON: `Content-Type: application/json`.".into(),
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            let status = e.status();
            let (title, detail) = if status == StatusCode::PAYLOAD_TOO_LARGE {
                (
                    "Payload too large",
                    "The request body is over the size limit.",
                )
            } else {
                ("Bad request", "The request body could not be read.")
            };
            Rejection::new(status, title, detail.into())
        })?;
        let Ok(text) = core::str::from_utf8(&bytes) else {
            return Err(Rejection::new(
                StatusCode::BAD_REQUEST,
                "Malformed JSON",
                "The request body is not UTF-8 text.".into(),
            ));
        };
        match crate::from_json::<T>(text) {
            Ok(value) => Ok(Json(value)),
            Err(errors) => Err(Rejection::from_errors(errors)),
        }
    }
}

/// Whether the request says its body is JSON: `application/json` or `application/*+json`.
fn json_content_type(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.split_once('/') {
        Some(("application", sub)) => sub == "json" || sub.ends_with("+json"),
        _ => false,
    }
}

/// What [`Json`] answers a request it refuses: a status and RFC 9457 problem details. Its
/// parts are public, so that an application can answer in its own shape (map it in a
/// handler's `Result`, or wrap the extractor).
#[derive(Clone, Debug, PartialEq)]
pub struct Rejection {
    status: StatusCode,
    title: &'static str,
    detail: String,
    errors: Option<ValidationErrors>,
}

impl Rejection {
    fn new(status: StatusCode, title: &'static str, detail: String) -> Rejection {
        Rejection {
            status,
            title,
            detail,
            errors: None,
        }
    }

    /// A body `from_json` refused: 400 when it is not JSON (its message has the line and
    /// column), 422 with every violation otherwise.
    fn from_errors(errors: ValidationErrors) -> Rejection {
        let syntax = errors.iter().any(|e| e.code() == Code::Syntax.as_str());
        if syntax {
            let detail = errors
                .iter()
                .next()
                .map(|e| format!("The request body is not JSON: {}", e.message()))
                .unwrap_or_default();
            return Rejection::new(StatusCode::BAD_REQUEST, "Malformed JSON", detail);
        }
        let detail = match errors.len() {
            _ if errors.is_cut() => format!(
                "The request body breaks more than {} rules of the model; the first {} are listed.",
                crate::ERROR_LIMIT,
                crate::ERROR_LIMIT
            ),
            1 => "The request body breaks 1 rule of the model.".to_owned(),
            n => format!("The request body breaks {n} rules of the model."),
        };
        Rejection {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            title: "Invalid request body",
            detail,
            errors: Some(errors),
        }
    }

    /// The HTTP status: 400, 413, 415 or 422.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The problem's short summary (`title`).
    pub fn title(&self) -> &str {
        self.title
    }

    /// What happened, in a sentence (`detail`).
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// Every violation, for a body that is JSON but breaks the model (422).
    pub fn errors(&self) -> Option<&ValidationErrors> {
        self.errors.as_ref()
    }

    /// The problem details document (RFC 9457) the response carries.
    pub fn problem(&self) -> Value {
        let mut problem = json!({
            "type": "about:blank",
            "title": self.title,
            "status": self.status.as_u16(),
            "detail": self.detail,
        });
        if let Some(errors) = &self.errors {
            problem["errors"] = serde_json::to_value(errors).unwrap_or(Value::Null);
        }
        problem
    }
}

impl core::fmt::Display for Rejection {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.title,
            self.detail
        )
    }
}

impl std::error::Error for Rejection {}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}
