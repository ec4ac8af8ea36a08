//! The axum extractor in-process (a request through the router with tower's `oneshot`, no
//! network): `authlete_models::axum::Json<ClientSecretUpdateRequest>` against `axum::Json` of a
//! serde_derive struct followed by validator's or garde's `validate()` (answering 422 on a
//! broken rule), and `axum::Json` alone (no rule) as the floor. One interleaved run; prints
//! the ratio table to the floor, per input.
//!
//! `AUTHLETE_BENCH_ROUNDS=2000 cargo bench -p authlete-models-bench --features peers --bench extractor`

use core::hint::black_box;

use authlete_models::ClientSecretUpdateRequest;
use authlete_models_bench::inputs::{self, Input};
use authlete_models_bench::peers::{WithGarde, WithValidator};
use authlete_models_bench::report::{self, Cell, RatioTable};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::post;
use tower::ServiceExt;

/// A plain serde_derive body: the floor, with no rule.
#[derive(serde::Deserialize)]
struct Plain {
    #[serde(rename = "clientSecret")]
    client_secret: String,
}

async fn ours(
    authlete_models::axum::Json(body): authlete_models::axum::Json<ClientSecretUpdateRequest>,
) -> StatusCode {
    black_box(body.client_secret.expose().len());
    StatusCode::OK
}

async fn plain(axum::Json(body): axum::Json<Plain>) -> StatusCode {
    black_box(body.client_secret.len());
    StatusCode::OK
}

async fn with_validator(axum::Json(body): axum::Json<WithValidator>) -> StatusCode {
    match validator::Validate::validate(&body) {
        Ok(()) => StatusCode::OK,
        Err(_) => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

async fn with_garde(axum::Json(body): axum::Json<WithGarde>) -> StatusCode {
    match garde::Validate::validate(&body) {
        Ok(()) => StatusCode::OK,
        Err(_) => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// The implementations, the floor first: title, route.
const ROWS: &[(&str, &str)] = &[
    ("`axum::Json`, serde_derive, no rule (the floor)", "/plain"),
    ("**`authlete_models::axum::Json`**", "/ours"),
    ("`axum::Json` + validator 0.21 `validate()`", "/validator"),
    ("`axum::Json` + garde 0.23 `validate()`", "/garde"),
];

fn router() -> Router {
    Router::new()
        .route("/plain", post(plain))
        .route("/ours", post(ours))
        .route("/validator", post(with_validator))
        .route("/garde", post(with_garde))
}

fn call(rt: &tokio::runtime::Runtime, app: &Router, route: &str, body: &str) -> StatusCode {
    let request = Request::post(route)
        .header("content-type", "application/json")
        .body(Body::from(body.to_owned()))
        .expect("a request");
    rt.block_on(app.clone().oneshot(request))
        .expect("the router answers")
        .status()
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let app = router();
    let inputs: Vec<Input> = inputs::all();
    // Each answers as it should: 200 for a valid secret, 422 for a broken rule (the floor,
    // which checks nothing, 200 always).
    for input in &inputs {
        for (_, route) in ROWS {
            let status = call(&rt, &app, route, &input.json());
            let want = if input.valid || *route == "/plain" {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            assert_eq!(status, want, "{route} on {}", input.id);
        }
    }
    let rounds = report::rounds();
    let mut cells: Vec<Vec<Cell>> = vec![Vec::new(); ROWS.len()];
    for input in &inputs {
        let body = input.json();
        let routines: Vec<Box<dyn Fn()>> = ROWS
            .iter()
            .map(|&(_, route)| {
                let (rt, app, body) = (&rt, &app, body.clone());
                Box::new(move || {
                    black_box(call(rt, app, route, &body));
                }) as Box<dyn Fn()>
            })
            .collect();
        let refs: Vec<&dyn Fn()> = routines.iter().map(|r| &**r).collect();
        for (row, cell) in report::interleaved(&refs, rounds).into_iter().enumerate() {
            cells[row].push(Some(cell));
        }
    }
    report::print_machine();
    RatioTable {
        heading: format!(
            "Interleaved ({rounds} rounds): a POST through the axum router with `oneshot`, \
             median of the per-round ratios to `axum::Json` of a plain serde_derive struct \
             (median time in parentheses)"
        ),
        columns: inputs.iter().map(|i| i.title.to_owned()).collect(),
        rows: ROWS
            .iter()
            .zip(cells)
            .map(|((title, _), cells)| ((*title).to_owned(), cells))
            .collect(),
    }
    .print();
}
