//! The fuzz targets' shared code: the models and the properties of the hostile-input tests,
//! included from the tests package so that both check the very same things.

#![allow(missing_docs, dead_code)]

#[path = "../../tests/tests/hostile/model.rs"]
pub mod model;
#[path = "../../tests/tests/hostile/props.rs"]
pub mod props;

use authlete_models::{ClientSecretUpdateRequest, ClientSecretUpdateResponse};

pub use props::Checks;

/// The properties to check: all of them, unless `FUZZ_SKIP` names some to leave out
/// (`secret-in-errors`, `error-size`, comma-separated), so that a long run can look past a
/// known finding for others.
pub fn checks() -> Checks {
    static CHECKS: std::sync::OnceLock<Checks> = std::sync::OnceLock::new();
    *CHECKS.get_or_init(|| {
        let skip = std::env::var("FUZZ_SKIP").unwrap_or_default();
        let skipped = |name: &str| skip.split(',').any(|s| s.trim() == name);
        Checks {
            no_secret_in_errors: !skipped("secret-in-errors"),
            bounded_errors: !skipped("error-size"),
        }
    })
}

/// The secret fields of [`model::Everything`], as JSON Pointers (`*`: every array element);
/// those of [`model::Shapes`], [`model::Presence`], [`model::Unions`] and [`model::Flat`] are
/// [`model::SHAPES_SECRETS`], [`model::PRESENCE_SECRETS`], [`model::UNIONS_SECRETS`] and
/// [`model::FLAT_SECRETS`].
pub const EVERYTHING_SECRETS: &[&str] = &[
    "/token",
    "/oldToken",
    "/scopes/*/key",
    "/parent/key",
    "/owner/key",
    "/extra/*/key",
];

/// The documented request and response models.
pub fn client_secret(data: &[u8], checks: Checks) {
    props::check::<ClientSecretUpdateRequest>(data, &["/clientSecret"], checks);
    props::check::<ClientSecretUpdateResponse>(
        data,
        &["/newClientSecret", "/oldClientSecret"],
        checks,
    );
}

/// What the `authlete` target does with one model: reads the document as it, and checks
/// every property.
pub type CheckModel = fn(&[u8], Checks);

macro_rules! models {
    ($($model:ident),* $(,)?) => {
        /// Every shipped Authlete model, by name, each with the check of one document as it
        /// (the secrets it must not show are those its schema marks `format: password`), in
        /// the order the `authlete` target's first byte picks them. `seed-authlete.sh` reads
        /// this list to give each seed the byte of its model.
        pub const AUTHLETE_MODELS: &[(&str, CheckModel)] = &[$((stringify!($model), |data, checks| {
            static SECRETS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
            let secrets = SECRETS.get_or_init(|| {
                secret_pointers(&<authlete_models::$model as authlete_models::Model>::json_schema())
            });
            props::check::<authlete_models::$model>(data, secrets, checks);
        })),*];
    };
}

models!(
    AccessToken,
    ApiResult,
    ApiServiceIdClientSecretUpdateClientIdentifie,
    ApplicationType,
    AttachmentType,
    AuthorizationFailRequest,
    AuthorizationFailRequestReason,
    AuthorizationFailResponse,
    AuthorizationFailResponseAction,
    AuthorizationIssueRequest,
    AuthorizationIssueResponse,
    AuthorizationIssueResponseAction,
    AuthorizationRequest,
    AuthorizationResponse,
    AuthorizationResponseAction,
    AuthzDetails,
    AuthzDetailsElement,
    BackchannelAuthenticationCompleteRequest,
    BackchannelAuthenticationCompleteRequestResult,
    BackchannelAuthenticationCompleteResponse,
    BackchannelAuthenticationCompleteResponseAction,
    BackchannelAuthenticationFailRequest,
    BackchannelAuthenticationFailRequestReason,
    BackchannelAuthenticationFailResponse,
    BackchannelAuthenticationFailResponseAction,
    BackchannelAuthenticationIssueRequest,
    BackchannelAuthenticationIssueResponse,
    BackchannelAuthenticationIssueResponseAction,
    BackchannelAuthenticationRequest,
    BackchannelAuthenticationResponse,
    BackchannelAuthenticationResponseAction,
    ClaimType,
    Client,
    ClientAuthMethod,
    ClientAuthorizationDeleteResponse,
    ClientAuthorizationGetListResponse,
    ClientAuthorizationUpdateRequest,
    ClientAuthorizationUpdateResponse,
    ClientExtension,
    ClientExtensionRequestableScopesGetResponse,
    ClientExtensionRequestableScopesUpdateRequest,
    ClientExtensionRequestableScopesUpdateResponse,
    ClientFlagUpdateRequest,
    ClientFlagUpdateResponse,
    ClientGetListResponse,
    ClientGrantedScopesDeleteResponse,
    ClientGrantedScopesGetResponse,
    ClientRegistrationDeleteRequest,
    ClientRegistrationDeleteResponse,
    ClientRegistrationDeleteResponseAction,
    ClientRegistrationGetRequest,
    ClientRegistrationGetResponse,
    ClientRegistrationGetResponseAction,
    ClientRegistrationRequest,
    ClientRegistrationResponse,
    ClientRegistrationResponseAction,
    ClientRegistrationType,
    ClientRegistrationUpdateRequest,
    ClientRegistrationUpdateResponse,
    ClientRegistrationUpdateResponseAction,
    ClientSecretRefreshResponse,
    ClientSecretUpdateResponse,
    ClientType,
    DeliveryMode,
    DeviceAuthorizationRequest,
    DeviceAuthorizationResponse,
    DeviceAuthorizationResponseAction,
    DeviceCompleteRequest,
    DeviceCompleteRequestResult,
    DeviceCompleteResponse,
    DeviceCompleteResponseAction,
    DeviceVerificationRequest,
    DeviceVerificationResponse,
    DeviceVerificationResponseAction,
    Display,
    DynamicScope,
    FederationConfigurationRequest,
    FederationConfigurationResponse,
    FederationConfigurationResponseAction,
    FederationRegistrationRequest,
    FederationRegistrationResponse,
    FederationRegistrationResponseAction,
    Grant,
    GrantManagementAction,
    GrantManagementRequest,
    GrantManagementResponse,
    GrantManagementResponseAction,
    GrantScope,
    GrantType,
    Hsk,
    HskCreateRequest,
    HskCreateResponse,
    HskCreateResponseAction,
    HskDeleteResponse,
    HskDeleteResponseAction,
    HskGetListResponse,
    HskGetListResponseAction,
    HskGetResponse,
    HskGetResponseAction,
    IdTokenReissueRequest,
    IdTokenReissueRequestIdTokenAudType,
    IdTokenReissueResponse,
    IdTokenReissueResponseAction,
    InfoResponse,
    IntrospectionRequest,
    IntrospectionResponse,
    IntrospectionResponseAction,
    JoseVerifyRequest,
    JoseVerifyResponse,
    JweAlg,
    JweEnc,
    JwsAlg,
    NamedUri,
    Pair,
    Prompt,
    Property,
    PushedAuthorizationRequest,
    PushedAuthorizationResponse,
    PushedAuthorizationResponseAction,
    ResponseType,
    RevocationRequest,
    RevocationResponse,
    RevocationResponseAction,
    Scope,
    Service,
    ServiceGetListResponse,
    ServiceProfile,
    Sns,
    SnsCredentials,
    StandardIntrospectionRequest,
    StandardIntrospectionResponse,
    StandardIntrospectionResponseAction,
    SubjectType,
    TaggedValue,
    TokenCreateRequest,
    TokenCreateResponse,
    TokenCreateResponseAction,
    TokenFailRequest,
    TokenFailRequestReason,
    TokenFailResponse,
    TokenFailResponseAction,
    TokenGetListResponse,
    TokenInfo,
    TokenIssueRequest,
    TokenIssueResponse,
    TokenIssueResponseAction,
    TokenRequest,
    TokenResponse,
    TokenResponseAction,
    TokenRevokeRequest,
    TokenRevokeResponse,
    TokenType,
    TokenUpdateRequest,
    TokenUpdateResponse,
    TokenUpdateResponseAction,
    TrustAnchor,
    UserCodeCharset,
    UserInfoIssueRequest,
    UserInfoIssueResponse,
    UserInfoIssueResponseAction,
    UserInfoRequest,
    UserInfoResponse,
    UserInfoResponseAction,
    VerifiedClaimsValidationSchema,
);

/// One shipped Authlete model, picked by the input's first byte (its index in
/// [`AUTHLETE_MODELS`], modulo their number), reads the rest of the input: each input costs
/// one model's read, not all of them, and a seed holds the byte of the model its document is
/// written for.
pub fn authlete(data: &[u8], checks: Checks) {
    let Some((&pick, document)) = data.split_first() else {
        return;
    };
    let (_, check) = AUTHLETE_MODELS[usize::from(pick) % AUTHLETE_MODELS.len()];
    check(document, checks);
}

/// The pointers of the values `schema` marks `format: password`, following `$ref`s into its
/// `$defs`; `*` stands for every item of an array and every member of a map.
pub fn secret_pointers(schema: &serde_json::Value) -> Vec<&'static str> {
    fn walk(node: &serde_json::Value, root: &serde_json::Value, at: String, depth: u32, out: &mut Vec<String>) {
        if depth > 16 {
            return;
        }
        if let Some(name) = node["$ref"].as_str().and_then(|r| r.strip_prefix("#/$defs/")) {
            walk(&root["$defs"][name], root, at.clone(), depth + 1, out);
        }
        for branch in node["anyOf"].as_array().into_iter().flatten() {
            walk(branch, root, at.clone(), depth + 1, out);
        }
        if node["format"] == "password" {
            out.push(at.clone());
        }
        for (name, sub) in node["properties"].as_object().into_iter().flatten() {
            let token = authlete_models::escape_pointer_token(name);
            walk(sub, root, format!("{at}/{token}"), depth + 1, out);
        }
        for sub in [&node["items"], &node["additionalProperties"]] {
            if sub.is_object() {
                walk(sub, root, format!("{at}/*"), depth + 1, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(schema, schema, String::new(), 0, &mut out);
    out.into_iter().map(|p| &*Box::leak(p.into_boxed_str())).collect()
}

/// The models with every attribute, field type and shape.
pub fn everything(data: &[u8], checks: Checks) {
    props::check::<model::Everything>(data, EVERYTHING_SECRETS, checks);
    props::check::<model::Node>(data, &[], checks);
    props::check::<model::Shapes>(data, model::SHAPES_SECRETS, checks);
    props::check::<model::Presence>(data, model::PRESENCE_SECRETS, checks);
    props::check::<model::Unions>(data, model::UNIONS_SECRETS, checks);
    props::check::<model::Flat>(data, model::FLAT_SECRETS, checks);
}
