//! Prints the JSON Schema of a shipped model, named by its type (or `request` and `response`
//! for the "update client secret" API's).
//!
//! ```text
//! cargo run -p authlete-models --example schema                 # the update-client-secret request
//! cargo run -p authlete-models --example schema -- response     # its response
//! cargo run -p authlete-models --example schema -- Client       # any model, by name
//! ```

use std::process::ExitCode;

use authlete_models::*;

fn main() -> ExitCode {
    let which = std::env::args().nth(1).unwrap_or_else(|| "request".into());
    let schema = match which.as_str() {
        "request" | "ClientSecretUpdateRequest" => ClientSecretUpdateRequest::json_schema(),
        "response" => ClientSecretUpdateResponse::json_schema(),
        "ApiResult" => ApiResult::json_schema(),
        "ApiServiceIdClientSecretUpdateClientIdentifie" => {
            ApiServiceIdClientSecretUpdateClientIdentifie::json_schema()
        }
        "ApplicationType" => ApplicationType::json_schema(),
        "Client" => Client::json_schema(),
        "ClientAuthMethod" => ClientAuthMethod::json_schema(),
        "ClientAuthorizationDeleteResponse" => ClientAuthorizationDeleteResponse::json_schema(),
        "ClientAuthorizationGetListResponse" => ClientAuthorizationGetListResponse::json_schema(),
        "ClientAuthorizationUpdateRequest" => ClientAuthorizationUpdateRequest::json_schema(),
        "ClientAuthorizationUpdateResponse" => ClientAuthorizationUpdateResponse::json_schema(),
        "ClientExtension" => ClientExtension::json_schema(),
        "ClientFlagUpdateRequest" => ClientFlagUpdateRequest::json_schema(),
        "ClientFlagUpdateResponse" => ClientFlagUpdateResponse::json_schema(),
        "ClientGetListResponse" => ClientGetListResponse::json_schema(),
        "ClientGrantedScopesDeleteResponse" => ClientGrantedScopesDeleteResponse::json_schema(),
        "ClientGrantedScopesGetResponse" => ClientGrantedScopesGetResponse::json_schema(),
        "ClientRegistrationType" => ClientRegistrationType::json_schema(),
        "ClientSecretRefreshResponse" => ClientSecretRefreshResponse::json_schema(),
        "ClientSecretUpdateResponse" => ClientSecretUpdateResponse::json_schema(),
        "ClientType" => ClientType::json_schema(),
        "GrantType" => GrantType::json_schema(),
        "JweAlg" => JweAlg::json_schema(),
        "JweEnc" => JweEnc::json_schema(),
        "JwsAlg" => JwsAlg::json_schema(),
        "Pair" => Pair::json_schema(),
        "ResponseType" => ResponseType::json_schema(),
        "SubjectType" => SubjectType::json_schema(),
        "TaggedValue" => TaggedValue::json_schema(),
        other => {
            eprintln!(
                "unknown model `{other}`; the models are `request`, `response`, ApiResult, ApiServiceIdClientSecretUpdateClientIdentifie, ApplicationType, Client, ClientAuthMethod, ClientAuthorizationDeleteResponse, ClientAuthorizationGetListResponse, ClientAuthorizationUpdateRequest, ClientAuthorizationUpdateResponse, ClientExtension, ClientFlagUpdateRequest, ClientFlagUpdateResponse, ClientGetListResponse, ClientGrantedScopesDeleteResponse, ClientGrantedScopesGetResponse, ClientRegistrationType, ClientSecretRefreshResponse, ClientSecretUpdateResponse, ClientType, GrantType, JweAlg, JweEnc, JwsAlg, Pair, ResponseType, SubjectType, TaggedValue"
            );
            return ExitCode::from(2);
        }
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&schema).expect("a schema serializes")
    );
    ExitCode::SUCCESS
}
