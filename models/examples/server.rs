//! A stand-in for Authlete's "update client secret" API, served with axum on 127.0.0.1, and the
//! OpenAPI 3.1 document that describes it, built from the models' own JSON Schemas.
//!
//! - `POST /api/{serviceId}/client/secret/update/{clientIdentifier}` reads its body with
//!   `authlete_models::axum::Json<ClientSecretUpdateRequest>` and answers 200 with a
//!   `ClientSecretUpdateResponse`, or the extractor's problem details: 422 for a body that
//!   breaks the model (every violation listed), 400 for one that is not JSON, 415 without
//!   `Content-Type: application/json`, 413 over 2 MB.
//! - `GET /openapi.json` is the OpenAPI document: the request and response schemas are the
//!   models' `Model::json_schema()`, their `$defs` moved into `components/schemas`.
//!
//! Nothing is stored: the "old" secret in the answer is a fixed stand-in. Each request is
//! logged on standard output, numbered, with its status.
//!
//! ```text
//! cargo run -p authlete-models --example server --features axum
//! PORT=8080 cargo run -p authlete-models --example server --features axum   # another port
//! PORT=0 cargo run -p authlete-models --example server --features axum      # any free port
//!
//! curl -s -X POST http://127.0.0.1:3000/api/1234/client/secret/update/5678 \
//!      -H 'Content-Type: application/json' -d '{"clientSecret": "my-new_Secret0"}'
//! curl -s -X POST http://127.0.0.1:3000/api/1234/client/secret/update/5678 \
//!      -H 'Content-Type: application/json' -d '{"clientSecret": "a b+c"}'
//! curl -s http://127.0.0.1:3000/openapi.json
//! ```

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use authlete_models::axum::Json;
use authlete_models::{
    ClientSecretUpdateRequest, ClientSecretUpdateResponse, ERROR_LIMIT, Model, Secret,
};
use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Map, Value, json};

/// The update endpoint's route, as axum and OpenAPI both write it.
const UPDATE: &str = "/api/{serviceId}/client/secret/update/{clientIdentifier}";

/// The secret the answer says the client had before: a fixed stand-in, nothing is stored.
const OLD_SECRET: &str = "stand-in_Old-Secret0";

fn main() -> std::io::Result<()> {
    let port: u16 = match std::env::var("PORT") {
        Ok(p) => p.parse().map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("PORT must be a port number, got {p:?}"),
            )
        })?,
        Err(_) => 3000,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        println!("listening on http://{}", listener.local_addr()?);
        axum::serve(listener, app()).await
    })
}

/// The routes, each request logged with its number and the status answered.
fn app() -> Router {
    let count = Arc::new(AtomicU64::new(0));
    Router::new()
        .route(UPDATE, post(update))
        .route("/openapi.json", get(openapi_json))
        .layer(middleware::from_fn(move |request: Request, next: Next| {
            let n = count.fetch_add(1, Ordering::Relaxed) + 1;
            async move {
                let line = format!("{} {}", request.method(), request.uri().path());
                let response = next.run(request).await;
                println!("request #{n}: {line} -> {}", response.status().as_u16());
                response
            }
        }))
}

/// The stand-in for `POST /api/{serviceId}/client/secret/update/{clientIdentifier}`: the body
/// has been read and checked by the extractor; the answer gives the new secret back.
async fn update(
    path: Result<Path<(String, String)>, PathRejection>,
    Json(body): Json<ClientSecretUpdateRequest>,
) -> Response {
    if path.is_err() {
        return problem(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "The path parameters could not be read.",
        );
    }
    let response = ClientSecretUpdateResponse {
        result_code: Some("A149001".into()),
        result_message: Some(
            "[A149001] The client's secret is now the one given in the request.".into(),
        ),
        new_client_secret: Some(body.client_secret),
        old_client_secret: Some(Secret::new(OLD_SECRET.into())),
    };
    match serde_json::to_vec(&response) {
        Ok(bytes) => ([(CONTENT_TYPE, "application/json")], bytes).into_response(),
        Err(_) => problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal server error",
            "The answer could not be written.",
        ),
    }
}

/// An answer in the extractor's shape (RFC 9457), for the few this example writes itself.
fn problem(status: StatusCode, title: &str, detail: &str) -> Response {
    let body = json!({
        "type": "about:blank",
        "title": title,
        "status": status.as_u16(),
        "detail": detail,
    });
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

async fn openapi_json() -> Response {
    let document = openapi();
    (
        [(CONTENT_TYPE, "application/json")],
        serde_json::to_string_pretty(&document).unwrap_or_default(),
    )
        .into_response()
}

/// The OpenAPI 3.1 document of the update endpoint.
fn openapi() -> Value {
    let mut schemas = Map::new();
    let request = add_component(
        &mut schemas,
        "ClientSecretUpdateRequest",
        ClientSecretUpdateRequest::json_schema(),
    );
    let response = add_component(
        &mut schemas,
        "ClientSecretUpdateResponse",
        ClientSecretUpdateResponse::json_schema(),
    );
    let problem = add_component(&mut schemas, "Problem", problem_schema(false));
    let invalid = add_component(&mut schemas, "InvalidBodyProblem", problem_schema(true));
    let problem_answer = |description: &str, schema: &Value| {
        json!({
            "description": description,
            "content": { "application/problem+json": { "schema": schema } },
        })
    };
    let path_parameter = |name: &str, description: &str| {
        json!({
            "name": name,
            "in": "path",
            "required": true,
            "description": description,
            "schema": { "type": "string", "minLength": 1 },
        })
    };
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Update client secret (stand-in)",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "A stand-in for Authlete's \"update client secret\" API: the body \
                is read and checked as the model `ClientSecretUpdateRequest`, and a body that \
                breaks it is answered with RFC 9457 problem details.",
        },
        "paths": {
            UPDATE: {
                "post": {
                    "operationId": "updateClientSecret",
                    "summary": "Set a client's secret to a value of the caller's choice.",
                    "parameters": [
                        path_parameter("serviceId", "The service's ID."),
                        path_parameter("clientIdentifier", "The client's ID or client ID alias."),
                    ],
                    "requestBody": {
                        "required": true,
                        "content": {
                            "application/json": {
                                "schema": request,
                                "example": { "clientSecret": "my-new_Secret0" },
                            },
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The secret was set.",
                            "content": { "application/json": { "schema": response } },
                        },
                        "400": problem_answer("The body is not JSON (nor UTF-8), or the path parameters could not be read.", &problem),
                        "413": problem_answer("The body is over the size limit (2 MB).", &problem),
                        "415": problem_answer("The request does not say its body is JSON (`Content-Type: application/json` or `application/*+json`).", &problem),
                        "422": problem_answer("The body is JSON but breaks the model: every violation is listed in `errors`.", &invalid),
                    },
                },
            },
        },
        "components": { "schemas": schemas },
    })
}

/// The problem details the extractor answers (see `authlete_models::axum::Rejection`); with
/// `errors` for a body that breaks the model (422).
fn problem_schema(with_errors: bool) -> Value {
    let mut schema = json!({
        "type": "object",
        "description": "RFC 9457 problem details.",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": { "type": "string", "const": "about:blank" },
            "title": { "type": "string", "description": "The problem's short summary." },
            "status": { "type": "integer", "minimum": 400, "maximum": 599, "description": "The HTTP status." },
            "detail": { "type": "string", "description": "What happened, in a sentence." },
        },
    });
    if with_errors {
        schema["description"] =
            "RFC 9457 problem details listing every rule of the model the body breaks (at most \
             ERROR_LIMIT; `detail` says when the list was cut)."
                .replace("ERROR_LIMIT", &ERROR_LIMIT.to_string())
                .into();
        schema["required"] = json!(["type", "title", "status", "detail", "errors"]);
        schema["properties"]["status"] = json!({ "type": "integer", "const": 422 });
        schema["properties"]["errors"] = json!({
            "type": "array",
            "minItems": 1,
            "maxItems": ERROR_LIMIT,
            "items": {
                "type": "object",
                "required": ["path", "code", "message"],
                "properties": {
                    "path": { "type": "string", "description": "JSON Pointer to the value in the body (empty for the body itself)." },
                    "code": { "type": "string", "description": "The rule that broke (`charset`, `min_len`, `max_len`, `required`, `type`, `duplicate`...)." },
                    "message": { "type": "string", "description": "The rule in words; never the value sent." },
                },
            },
        });
    }
    schema
}

/// Adds a model's `schema` to `schemas` as `name`, its `$defs` beside it under their own names,
/// every `$ref` to `#/$defs/X` repointed to `#/components/schemas/X`; returns a `$ref` to it.
fn add_component(schemas: &mut Map<String, Value>, name: &str, mut schema: Value) -> Value {
    if let Some(object) = schema.as_object_mut() {
        // The document's dialect (OpenAPI 3.1's, a superset of 2020-12) applies.
        object.remove("$schema");
        if let Some(Value::Object(defs)) = object.remove("$defs") {
            for (def_name, mut def) in defs {
                repoint(&mut def);
                insert(schemas, def_name, def);
            }
        }
    }
    repoint(&mut schema);
    insert(schemas, name.to_owned(), schema);
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// Adds a schema under `name`; two models may share a definition, never two different ones.
fn insert(schemas: &mut Map<String, Value>, name: String, schema: Value) {
    if let Some(existing) = schemas.get(&name) {
        assert_eq!(existing, &schema, "two different schemas named {name}");
    }
    schemas.insert(name, schema);
}

/// Rewrites every `$ref` of `#/$defs/X...` in `value` to `#/components/schemas/X...`.
fn repoint(value: &mut Value) {
    match value {
        Value::Object(object) => {
            for (key, item) in object.iter_mut() {
                match item {
                    Value::String(target) if key == "$ref" => {
                        if let Some(rest) = target.strip_prefix("#/$defs/") {
                            *target = format!("#/components/schemas/{rest}");
                        }
                    }
                    _ => repoint(item),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(repoint),
        _ => {}
    }
}
