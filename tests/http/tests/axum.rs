//! `authlete_models::axum::Json` behind a real server on 127.0.0.1, called by a real HTTP
//! client (reqwest): each status and body the extractor answers, and no secret in any answer.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::post;
use serde_json::{Value, json};

use authlete_models_http_tests::{UPDATE, update};

/// Serves `app` on a free port of 127.0.0.1; returns its base address.
async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{address}")
}

fn app() -> Router {
    Router::new().route(UPDATE, post(update))
}

/// Sends `body` with `content_type` (none when `None`); returns the status, the content type
/// and the body of the answer.
async fn send(base: &str, content_type: Option<&str>, body: Vec<u8>) -> (u16, String, String) {
    let client = reqwest::Client::new();
    let mut request = client
        .post(format!("{base}/api/1234/client/secret/update/5678"))
        .body(body);
    if let Some(t) = content_type {
        request = request.header("content-type", t);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    (status, content_type, response.text().await.unwrap())
}

fn json_of(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[tokio::test]
async fn a_valid_body_reaches_the_handler() {
    let base = serve(app()).await;
    let (status, content_type, body) = send(
        &base,
        Some("application/json"),
        br#"{"clientSecret": "my-new_Secret0"}"#.to_vec(),
    )
    .await;
    assert_eq!((status, content_type.as_str()), (200, "application/json"));
    let body = json_of(&body);
    assert_eq!(body["resultCode"], "A149001");
    assert_eq!(body["newClientSecret"], "my-new_Secret0");
    // `application/*+json` and parameters are JSON too.
    for t in [
        "application/json; charset=utf-8",
        "application/merge-patch+json",
    ] {
        let (status, _, _) = send(&base, Some(t), br#"{"clientSecret": "abc"}"#.to_vec()).await;
        assert_eq!(status, 200, "{t}");
    }
}

#[tokio::test]
async fn a_body_that_breaks_the_model_is_422_with_every_violation() {
    let base = serve(app()).await;
    let (status, content_type, body) = send(
        &base,
        Some("application/json"),
        br#"{"clientSecret": "", "extra": 1}"#.to_vec(),
    )
    .await;
    assert_eq!(
        (status, content_type.as_str()),
        (422, "application/problem+json")
    );
    let problem = json_of(&body);
    assert_eq!(problem["status"], 422);
    assert_eq!(problem["type"], "about:blank");
    assert_eq!(problem["title"], "Invalid request body");
    assert_eq!(problem["errors"].as_array().unwrap().len(), 1);
    assert_eq!(problem["errors"][0]["path"], "/clientSecret");
    assert_eq!(problem["errors"][0]["code"], "min_len");
    // Several violations at once: a wrong type and a missing member of the response model
    // are the request's here, so use two rules of the request: too long and a bad character.
    let long = format!("{}+", "a".repeat(90));
    let (status, _, body) = send(
        &base,
        Some("application/json"),
        json!({"clientSecret": long}).to_string().into_bytes(),
    )
    .await;
    assert_eq!(status, 422);
    let codes: Vec<String> = json_of(&body)["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes, ["max_len", "charset"]);
    // A missing member and a wrong JSON type.
    for (doc, code) in [("{}", "required"), (r#"{"clientSecret": 5}"#, "type")] {
        let (status, _, body) = send(&base, Some("application/json"), doc.into()).await;
        assert_eq!(status, 422, "{doc}");
        assert_eq!(json_of(&body)["errors"][0]["code"], code, "{doc}");
    }
}

#[tokio::test]
async fn a_body_that_is_not_json_is_400_with_the_line_and_column() {
    let base = serve(app()).await;
    let (status, content_type, body) = send(
        &base,
        Some("application/json"),
        b"{\n  \"clientSecret\": \"abc\",\n}".to_vec(),
    )
    .await;
    assert_eq!(
        (status, content_type.as_str()),
        (400, "application/problem+json")
    );
    let problem = json_of(&body);
    assert_eq!(problem["status"], 400);
    assert!(problem.get("errors").is_none());
    let detail = problem["detail"].as_str().unwrap();
    assert!(detail.contains("line 3 column 1"), "{detail}");
    // Not UTF-8.
    let (status, _, _) = send(&base, Some("application/json"), vec![b'"', 0xFF, b'"']).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn a_wrong_or_missing_content_type_is_415() {
    let base = serve(app()).await;
    let doc = br#"{"clientSecret": "abc"}"#.to_vec();
    for t in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("application/jsonx"),
        None,
    ] {
        let (status, content_type, body) = send(&base, t, doc.clone()).await;
        assert_eq!(
            (status, content_type.as_str()),
            (415, "application/problem+json"),
            "{t:?}"
        );
        assert_eq!(json_of(&body)["status"], 415);
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_413() {
    // axum's default limit, 2 MB.
    let base = serve(app()).await;
    let big = format!(
        r#"{{"clientSecret": "a", "pad": "{}"}}"#,
        "x".repeat(3 << 20)
    );
    let (status, content_type, body) = send(&base, Some("application/json"), big.into()).await;
    assert_eq!(
        (status, content_type.as_str()),
        (413, "application/problem+json")
    );
    assert_eq!(json_of(&body)["status"], 413);
    // A limit the application sets.
    let base = serve(app().layer(DefaultBodyLimit::max(1024))).await;
    let doc = format!(r#"{{"clientSecret": "a", "pad": "{}"}}"#, "x".repeat(2000));
    let (status, _, _) = send(&base, Some("application/json"), doc.into()).await;
    assert_eq!(status, 413);
    let (status, _, _) = send(
        &base,
        Some("application/json"),
        br#"{"clientSecret": "abc"}"#.to_vec(),
    )
    .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn no_answer_holds_the_secret_sent() {
    let base = serve(app()).await;
    let secret = "Zq7+SECRET+do-not-echo";
    let cases = [
        json!({"clientSecret": secret}).to_string(),
        json!({"clientSecret": secret.repeat(5)}).to_string(),
        format!(r#"{{"clientSecret": "{secret}", "clientSecret": "{secret}"}}"#),
        format!(r#"{{"clientSecret": "{secret}""#),
    ];
    for doc in cases {
        let (status, _, body) = send(&base, Some("application/json"), doc.clone().into()).await;
        assert!(status == 400 || status == 422, "{status} for {doc}");
        assert!(!body.contains("SECRET"), "{body}");
    }
}

#[tokio::test]
async fn a_list_cut_at_the_limit_says_so() {
    let base = serve(app()).await;
    // 300 members given twice: more violations than the list holds.
    let members = vec![r#""clientSecret": "abc""#; 300].join(",");
    let (status, _, body) = send(
        &base,
        Some("application/json"),
        format!("{{{members}}}").into_bytes(),
    )
    .await;
    assert_eq!(status, 422);
    let problem = json_of(&body);
    assert_eq!(
        problem["errors"].as_array().unwrap().len(),
        authlete_models::ERROR_LIMIT
    );
    assert_eq!(
        problem["detail"],
        "The request body breaks more than 100 rules of the model; the first 100 are listed."
    );
}
