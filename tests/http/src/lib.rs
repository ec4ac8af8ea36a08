//! The tests of the models at the HTTP boundary (`tests/axum.rs`, and the load run
//! `tests/load.rs`, with the `axum` feature), and the stand-in endpoint both serve.

#[cfg(feature = "axum")]
mod stand_in {
    use authlete_models::axum::Json;
    use authlete_models::{ClientSecretUpdateRequest, ClientSecretUpdateResponse, Secret};
    use axum::extract::Path;
    use axum::http::header::CONTENT_TYPE;
    use axum::response::IntoResponse;

    /// The route of Authlete's "update client secret" endpoint, as axum writes it.
    pub const UPDATE: &str = "/api/{serviceId}/client/secret/update/{clientIdentifier}";

    /// A stand-in for that endpoint: it answers with the response model, carrying the new
    /// secret, the old one a fixed `old`.
    pub async fn update(
        Path((_service, _client)): Path<(String, String)>,
        Json(body): Json<ClientSecretUpdateRequest>,
    ) -> impl IntoResponse {
        let response = ClientSecretUpdateResponse {
            result_code: Some("A149001".into()),
            result_message: Some("[A149001] Updated the client secret.".into()),
            new_client_secret: Some(body.client_secret),
            old_client_secret: Some(Secret::new("old".into())),
        };
        (
            [(CONTENT_TYPE, "application/json")],
            serde_json::to_vec(&response).unwrap(),
        )
    }
}

#[cfg(feature = "axum")]
pub use stand_in::{UPDATE, update};
