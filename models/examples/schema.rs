//! Prints the JSON Schema of a shipped model.
//!
//! ```text
//! cargo run -p authlete-models --example schema                 # the update-client-secret request
//! cargo run -p authlete-models --example schema -- response     # its response
//! ```

use std::process::ExitCode;

use authlete_models::{ClientSecretUpdateRequest, ClientSecretUpdateResponse, Model};

fn main() -> ExitCode {
    let which = std::env::args().nth(1).unwrap_or_else(|| "request".into());
    let schema = match which.as_str() {
        "request"
        | "ApiServiceIdClientSecretUpdateClientIdentifie"
        | "ClientSecretUpdateRequest" => ClientSecretUpdateRequest::json_schema(),
        "response" | "ClientSecretUpdateResponse" => ClientSecretUpdateResponse::json_schema(),
        other => {
            eprintln!("unknown model `{other}`; expected `request` or `response`");
            return ExitCode::from(2);
        }
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&schema).expect("a schema serializes")
    );
    ExitCode::SUCCESS
}
