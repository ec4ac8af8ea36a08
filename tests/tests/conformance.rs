//! Each shipped model against its contract in `specs/`: the schema the contract means (as the
//! generator normalises it), every example, and the models' source, which is the generator's
//! output for `specs/`, one module per group (`specs/<group>/`).

use std::fmt::Debug;
use std::path::PathBuf;
use std::sync::OnceLock;

use authlete_models::*;
use authlete_models_codegen::{Document, Options, Output, generate, header};
use serde_json::{Map, Value};

type Check = fn(&Value, &Value) -> Vec<String>;

/// Every model the crate ships, by the name its contract gives.
const MODELS: &[(&str, Check)] = &[
    ("AccessToken", check::<AccessToken>),
    ("ApiResult", check::<ApiResult>),
    (
        "ApiServiceIdClientSecretUpdateClientIdentifie",
        check::<ApiServiceIdClientSecretUpdateClientIdentifie>,
    ),
    ("ApplicationType", check::<ApplicationType>),
    ("AttachmentType", check::<AttachmentType>),
    (
        "AuthorizationFailRequest",
        check::<AuthorizationFailRequest>,
    ),
    (
        "AuthorizationFailResponse",
        check::<AuthorizationFailResponse>,
    ),
    (
        "AuthorizationIssueRequest",
        check::<AuthorizationIssueRequest>,
    ),
    (
        "AuthorizationIssueResponse",
        check::<AuthorizationIssueResponse>,
    ),
    ("AuthorizationRequest", check::<AuthorizationRequest>),
    ("AuthorizationResponse", check::<AuthorizationResponse>),
    ("AuthzDetails", check::<AuthzDetails>),
    ("AuthzDetailsElement", check::<AuthzDetailsElement>),
    (
        "BackchannelAuthenticationCompleteRequest",
        check::<BackchannelAuthenticationCompleteRequest>,
    ),
    (
        "BackchannelAuthenticationCompleteResponse",
        check::<BackchannelAuthenticationCompleteResponse>,
    ),
    (
        "BackchannelAuthenticationFailRequest",
        check::<BackchannelAuthenticationFailRequest>,
    ),
    (
        "BackchannelAuthenticationFailResponse",
        check::<BackchannelAuthenticationFailResponse>,
    ),
    (
        "BackchannelAuthenticationIssueRequest",
        check::<BackchannelAuthenticationIssueRequest>,
    ),
    (
        "BackchannelAuthenticationIssueResponse",
        check::<BackchannelAuthenticationIssueResponse>,
    ),
    (
        "BackchannelAuthenticationRequest",
        check::<BackchannelAuthenticationRequest>,
    ),
    (
        "BackchannelAuthenticationResponse",
        check::<BackchannelAuthenticationResponse>,
    ),
    ("ClaimType", check::<ClaimType>),
    ("Client", check::<Client>),
    ("ClientAuthMethod", check::<ClientAuthMethod>),
    (
        "ClientAuthorizationDeleteResponse",
        check::<ClientAuthorizationDeleteResponse>,
    ),
    (
        "ClientAuthorizationGetListResponse",
        check::<ClientAuthorizationGetListResponse>,
    ),
    (
        "ClientAuthorizationUpdateRequest",
        check::<ClientAuthorizationUpdateRequest>,
    ),
    (
        "ClientAuthorizationUpdateResponse",
        check::<ClientAuthorizationUpdateResponse>,
    ),
    ("ClientExtension", check::<ClientExtension>),
    (
        "ClientExtensionRequestableScopesGetResponse",
        check::<ClientExtensionRequestableScopesGetResponse>,
    ),
    (
        "ClientExtensionRequestableScopesUpdateRequest",
        check::<ClientExtensionRequestableScopesUpdateRequest>,
    ),
    (
        "ClientExtensionRequestableScopesUpdateResponse",
        check::<ClientExtensionRequestableScopesUpdateResponse>,
    ),
    ("ClientFlagUpdateRequest", check::<ClientFlagUpdateRequest>),
    (
        "ClientFlagUpdateResponse",
        check::<ClientFlagUpdateResponse>,
    ),
    ("ClientGetListResponse", check::<ClientGetListResponse>),
    (
        "ClientGrantedScopesDeleteResponse",
        check::<ClientGrantedScopesDeleteResponse>,
    ),
    (
        "ClientGrantedScopesGetResponse",
        check::<ClientGrantedScopesGetResponse>,
    ),
    (
        "ClientRegistrationDeleteRequest",
        check::<ClientRegistrationDeleteRequest>,
    ),
    (
        "ClientRegistrationDeleteResponse",
        check::<ClientRegistrationDeleteResponse>,
    ),
    (
        "ClientRegistrationGetRequest",
        check::<ClientRegistrationGetRequest>,
    ),
    (
        "ClientRegistrationGetResponse",
        check::<ClientRegistrationGetResponse>,
    ),
    (
        "ClientRegistrationRequest",
        check::<ClientRegistrationRequest>,
    ),
    (
        "ClientRegistrationResponse",
        check::<ClientRegistrationResponse>,
    ),
    ("ClientRegistrationType", check::<ClientRegistrationType>),
    (
        "ClientRegistrationUpdateRequest",
        check::<ClientRegistrationUpdateRequest>,
    ),
    (
        "ClientRegistrationUpdateResponse",
        check::<ClientRegistrationUpdateResponse>,
    ),
    (
        "ClientSecretRefreshResponse",
        check::<ClientSecretRefreshResponse>,
    ),
    (
        "ClientSecretUpdateResponse",
        check::<ClientSecretUpdateResponse>,
    ),
    ("ClientType", check::<ClientType>),
    ("DeliveryMode", check::<DeliveryMode>),
    (
        "DeviceAuthorizationRequest",
        check::<DeviceAuthorizationRequest>,
    ),
    (
        "DeviceAuthorizationResponse",
        check::<DeviceAuthorizationResponse>,
    ),
    ("DeviceCompleteRequest", check::<DeviceCompleteRequest>),
    ("DeviceCompleteResponse", check::<DeviceCompleteResponse>),
    (
        "DeviceVerificationRequest",
        check::<DeviceVerificationRequest>,
    ),
    (
        "DeviceVerificationResponse",
        check::<DeviceVerificationResponse>,
    ),
    ("Display", check::<Display>),
    ("DynamicScope", check::<DynamicScope>),
    (
        "FederationConfigurationRequest",
        check::<FederationConfigurationRequest>,
    ),
    (
        "FederationConfigurationResponse",
        check::<FederationConfigurationResponse>,
    ),
    (
        "FederationRegistrationRequest",
        check::<FederationRegistrationRequest>,
    ),
    (
        "FederationRegistrationResponse",
        check::<FederationRegistrationResponse>,
    ),
    ("Grant", check::<Grant>),
    ("GrantManagementAction", check::<GrantManagementAction>),
    ("GrantManagementRequest", check::<GrantManagementRequest>),
    ("GrantManagementResponse", check::<GrantManagementResponse>),
    ("GrantScope", check::<GrantScope>),
    ("GrantType", check::<GrantType>),
    ("Hsk", check::<Hsk>),
    ("HskCreateRequest", check::<HskCreateRequest>),
    ("HskCreateResponse", check::<HskCreateResponse>),
    ("HskDeleteResponse", check::<HskDeleteResponse>),
    ("HskGetListResponse", check::<HskGetListResponse>),
    ("HskGetResponse", check::<HskGetResponse>),
    ("IdTokenReissueRequest", check::<IdTokenReissueRequest>),
    ("IdTokenReissueResponse", check::<IdTokenReissueResponse>),
    ("InfoResponse", check::<InfoResponse>),
    ("IntrospectionRequest", check::<IntrospectionRequest>),
    ("IntrospectionResponse", check::<IntrospectionResponse>),
    ("JoseVerifyRequest", check::<JoseVerifyRequest>),
    ("JoseVerifyResponse", check::<JoseVerifyResponse>),
    ("JweAlg", check::<JweAlg>),
    ("JweEnc", check::<JweEnc>),
    ("JwsAlg", check::<JwsAlg>),
    ("NamedUri", check::<NamedUri>),
    ("Pair", check::<Pair>),
    ("Prompt", check::<Prompt>),
    ("Property", check::<Property>),
    (
        "PushedAuthorizationRequest",
        check::<PushedAuthorizationRequest>,
    ),
    (
        "PushedAuthorizationResponse",
        check::<PushedAuthorizationResponse>,
    ),
    ("ResponseType", check::<ResponseType>),
    ("RevocationRequest", check::<RevocationRequest>),
    ("RevocationResponse", check::<RevocationResponse>),
    ("Scope", check::<Scope>),
    ("Service", check::<Service>),
    ("ServiceGetListResponse", check::<ServiceGetListResponse>),
    ("ServiceProfile", check::<ServiceProfile>),
    ("Sns", check::<Sns>),
    ("SnsCredentials", check::<SnsCredentials>),
    (
        "StandardIntrospectionRequest",
        check::<StandardIntrospectionRequest>,
    ),
    (
        "StandardIntrospectionResponse",
        check::<StandardIntrospectionResponse>,
    ),
    ("SubjectType", check::<SubjectType>),
    ("TaggedValue", check::<TaggedValue>),
    ("TokenCreateRequest", check::<TokenCreateRequest>),
    ("TokenCreateResponse", check::<TokenCreateResponse>),
    ("TokenFailRequest", check::<TokenFailRequest>),
    ("TokenFailResponse", check::<TokenFailResponse>),
    ("TokenGetListResponse", check::<TokenGetListResponse>),
    ("TokenInfo", check::<TokenInfo>),
    ("TokenIssueRequest", check::<TokenIssueRequest>),
    ("TokenIssueResponse", check::<TokenIssueResponse>),
    ("TokenRequest", check::<TokenRequest>),
    ("TokenResponse", check::<TokenResponse>),
    ("TokenRevokeRequest", check::<TokenRevokeRequest>),
    ("TokenRevokeResponse", check::<TokenRevokeResponse>),
    ("TokenType", check::<TokenType>),
    ("TokenUpdateRequest", check::<TokenUpdateRequest>),
    ("TokenUpdateResponse", check::<TokenUpdateResponse>),
    ("TrustAnchor", check::<TrustAnchor>),
    ("UserCodeCharset", check::<UserCodeCharset>),
    ("UserInfoIssueRequest", check::<UserInfoIssueRequest>),
    ("UserInfoIssueResponse", check::<UserInfoIssueResponse>),
    ("UserInfoRequest", check::<UserInfoRequest>),
    ("UserInfoResponse", check::<UserInfoResponse>),
    (
        "VerifiedClaimsValidationSchema",
        check::<VerifiedClaimsValidationSchema>,
    ),
];

fn specs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../specs")
}

/// The generator's output for `specs/`, as the models crate was made from it.
fn generated() -> &'static Output {
    static OUT: OnceLock<Output> = OnceLock::new();
    OUT.get_or_init(|| {
        let doc = Document::contracts_dir(&specs_dir()).expect("specs/ reads");
        let options = Options {
            header: header(&["specs"]),
            ..Options::default()
        };
        generate(&doc, &options)
    })
}

/// The schema `model` must produce: its contract's, normalised.
fn expected_schema(model: &str) -> Value {
    generated()
        .types
        .iter()
        .find(|t| t.name == model)
        .and_then(|t| t.expected.clone())
        .unwrap_or_else(|| panic!("the generator made no `{model}`"))
}

/// The entries of `dir` that `keep` keeps, in name order.
fn entries(dir: &std::path::Path, keep: fn(&std::path::Path) -> bool) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| keep(p))
        .collect();
    paths.sort();
    paths
}

fn is_json(path: &std::path::Path) -> bool {
    path.is_file() && path.extension().is_some_and(|e| e == "json")
}

/// The groups of contracts: each folder of `specs/` that holds contracts, by name.
fn groups() -> Vec<String> {
    entries(&specs_dir(), |p| p.is_dir())
        .into_iter()
        .filter(|dir| !entries(dir, is_json).is_empty())
        .map(|dir| dir.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

fn contracts() -> Vec<(PathBuf, Value)> {
    let specs = specs_dir();
    assert!(
        entries(&specs, is_json).is_empty(),
        "a contract belongs in its group's folder, `specs/<group>/`"
    );
    groups()
        .iter()
        .flat_map(|group| entries(&specs.join(group), is_json))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", p.display()));
            (p, value)
        })
        .collect()
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

/// The document as the model writes it back: at every level, only the members the schema
/// declares, and no `null` for an absent optional member.
fn expected_round_trip(schema: &Value, root: &Value, document: &Value) -> Value {
    if let Some(name) = schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/$defs/"))
    {
        return expected_round_trip(&root["$defs"][name], root, document);
    }
    // A union (`null` among its branches); an `anyOf` beside `properties` is a presence rule
    // (`required` lists), which leaves the members as they are.
    if let Some(any) = schema["anyOf"]
        .as_array()
        .filter(|_| schema["properties"].is_null())
    {
        let inner = any
            .iter()
            .find(|s| s["type"] != "null")
            .expect("a non-null branch");
        return expected_round_trip(inner, root, document);
    }
    match document {
        Value::Object(doc) => {
            if let Some(known) = schema["properties"].as_object() {
                let kept: Map<String, Value> = doc
                    .iter()
                    .filter(|(k, v)| known.contains_key(k.as_str()) && !v.is_null())
                    .map(|(k, v)| (k.clone(), expected_round_trip(&known[k], root, v)))
                    .collect();
                Value::Object(kept)
            } else if schema["additionalProperties"].is_object() {
                let values = &schema["additionalProperties"];
                let kept = doc
                    .iter()
                    .map(|(k, v)| (k.clone(), expected_round_trip(values, root, v)))
                    .collect();
                Value::Object(kept)
            } else {
                document.clone()
            }
        }
        Value::Array(items) if schema["items"].is_object() => Value::Array(
            items
                .iter()
                .map(|v| expected_round_trip(&schema["items"], root, v))
                .collect(),
        ),
        _ => document.clone(),
    }
}

/// Checks `T` against `contract`; returns every mismatch found.
fn check<T: Model + Debug + PartialEq>(contract: &Value, expected: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let actual = T::json_schema();
    if &actual != expected {
        failures.push(format!(
            "schema differs from the contract\n--- contract, normalised:\n{}\n--- derived:\n{}",
            pretty(expected),
            pretty(&actual)
        ));
    }
    let examples = contract["examples"].as_array().expect("examples");
    assert!(!examples.is_empty(), "a contract needs examples");
    for example in examples {
        let name = example["name"].as_str().expect("name");
        let doc = &example["document"];
        let text = serde_json::to_string(doc).unwrap();
        let serde_result = serde_json::from_str::<T>(&text);
        let collected = from_json::<T>(&text);
        if example["valid"] == Value::Bool(true) {
            let value = match serde_result {
                Ok(v) => v,
                Err(e) => {
                    failures.push(format!("{name}: valid example refused: {e}"));
                    continue;
                }
            };
            if let Err(e) = value.validate() {
                failures.push(format!("{name}: accepted but validate() fails: {e}"));
            }
            if let Err(e) = &collected {
                failures.push(format!("{name}: from_json refuses a valid example: {e}"));
            }
            let written = serde_json::to_value(&value).unwrap();
            let want = expected_round_trip(expected, expected, doc);
            if written != want {
                failures.push(format!(
                    "{name}: serialized {} but expected {}",
                    written, want
                ));
            }
            let again: T = serde_json::from_value(written).unwrap();
            if again != value {
                failures.push(format!("{name}: round trip changed the value"));
            }
        } else {
            if let Ok(v) = serde_result {
                failures.push(format!("{name}: invalid example accepted: {v:?}"));
            }
            let want: Vec<(String, String)> = example["errors"]
                .as_array()
                .expect("errors")
                .iter()
                .map(|e| {
                    (
                        e["path"].as_str().unwrap().to_owned(),
                        e["code"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            let got: Vec<(String, String)> = match collected {
                Ok(_) => Vec::new(),
                Err(errors) => errors
                    .iter()
                    .map(|e| (e.path().to_owned(), e.code().to_owned()))
                    .collect(),
            };
            if got != want {
                failures.push(format!(
                    "{name}: from_json reported {got:?}, contract lists {want:?}"
                ));
            }
        }
    }
    failures
}

#[test]
fn every_contract_names_a_shipped_model_and_every_model_has_a_contract() {
    let named: Vec<String> = contracts()
        .iter()
        .map(|(_, c)| c["model"].as_str().expect("model").to_owned())
        .collect();
    for (model, _) in MODELS {
        assert!(
            named.iter().any(|n| n == model),
            "no contract in specs/ for {model}"
        );
    }
    for name in &named {
        assert!(
            MODELS.iter().any(|(m, _)| m == name),
            "contract for unknown model {name}"
        );
    }
}

#[test]
fn every_model_meets_its_contract() {
    let mut failures = Vec::new();
    for (path, contract) in contracts() {
        let model = contract["model"].as_str().expect("model");
        let Some((_, check)) = MODELS.iter().find(|(m, _)| *m == model) else {
            continue;
        };
        for f in check(&contract, &expected_schema(model)) {
            failures.push(format!("{}: {f}", path.display()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn contract_schemas_are_valid_json_schemas_that_agree_with_the_examples() {
    for (path, contract) in contracts() {
        let schema = expected_schema(contract["model"].as_str().expect("model"));
        let validator = jsonschema::validator_for(&schema)
            .unwrap_or_else(|e| panic!("{}: not a valid schema: {e}", path.display()));
        for example in contract["examples"].as_array().unwrap() {
            assert_eq!(
                validator.is_valid(&example["document"]),
                example["valid"] == Value::Bool(true),
                "{}: {}",
                path.display(),
                example["name"]
            );
        }
    }
}

#[test]
fn the_benchmarks_serde_derive_twins_are_the_generator_s_output_for_specs() {
    let doc = Document::contracts_dir(&specs_dir()).expect("specs/ reads");
    let options = Options {
        header: header(&["specs"]),
        flavour: authlete_models_codegen::Flavour::SerdeDerive,
        ..Options::default()
    };
    let out = generate(&doc, &options);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/src/authlete_serde.rs");
    let shipped = std::fs::read_to_string(&path).expect("tests/bench/src/authlete_serde.rs");
    assert!(
        shipped == out.code,
        "tests/bench/src/authlete_serde.rs is not what the generator makes of specs/: run\n  \
         cargo run -p authlete-models-codegen -- --contracts specs/ --serde > tests/bench/src/authlete_serde.rs"
    );
}

#[test]
fn the_shipped_models_are_the_generator_s_output_for_specs() {
    let all = generated();
    assert!(all.refused.is_empty(), "refused: {:?}", all.refused);
    let doc = Document::contracts_dir(&specs_dir()).expect("specs/ reads");
    let modules = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models/src/authlete");
    let declared =
        std::fs::read_to_string(modules.join("mod.rs")).expect("models/src/authlete/mod.rs");
    let groups = groups();
    let mut written = Vec::new();
    for group in &groups {
        let options = Options {
            header: header(&[&format!("specs/{group}")]),
            group: Some(group.clone()),
            shared: group == "common",
            skip_expected: true,
            ..Options::default()
        };
        let out = generate(&doc, &options);
        let shared = if group == "common" { " --shared" } else { "" };
        let command = format!(
            "cargo run -p authlete-models-codegen -- --contracts specs/ --group {group}{shared} \
             > models/src/authlete/{group}.rs"
        );
        let shipped = std::fs::read_to_string(modules.join(format!("{group}.rs")))
            .unwrap_or_else(|_| panic!("specs/{group}/ has no module: run\n  {command}"));
        assert!(
            shipped == out.code,
            "models/src/authlete/{group}.rs is not what the generator makes of specs/{group}/: \
             run\n  {command}"
        );
        let line = format!("\n    \"{}\" {group},\n", group.replace('_', "-"));
        assert!(
            group == "common" || declared.contains(&line),
            "models/src/authlete/mod.rs does not list `{}` in `groups!`",
            line.trim()
        );
        written.extend(out.types.iter().map(|t| t.name.clone()));
    }
    for module in entries(&modules, |p| p.extension().is_some_and(|e| e == "rs")) {
        let name = module.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(
            name == "mod" || groups.contains(&name),
            "models/src/authlete/{name}.rs is the module of no folder of specs/"
        );
    }
    written.sort();
    let mut every: Vec<String> = all.types.iter().map(|t| t.name.clone()).collect();
    every.sort();
    assert_eq!(
        written, every,
        "each type is written in exactly one group's module"
    );
}

/// The `authlete` fuzz target's list (`fuzz/src/lib.rs`, outside the workspace) holds every
/// type the generator makes of `specs/`, and each of its seeds is the byte of a model followed
/// by one of that model's contract examples.
#[test]
fn the_fuzz_target_reads_every_generated_type_and_its_seeds_pick_their_models() {
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let lib = std::fs::read_to_string(fuzz.join("src/lib.rs")).expect("fuzz/src/lib.rs");
    let start = lib.find("\nmodels!(\n").expect("the models! list") + "\nmodels!(\n".len();
    let end = start
        + lib[start..]
            .find("\n);\n")
            .expect("the end of the models! list");
    let listed: Vec<&str> = lib[start..end]
        .lines()
        .map(|l| l.trim().trim_end_matches(','))
        .collect();
    let mut types: Vec<&str> = generated().types.iter().map(|t| t.name.as_str()).collect();
    types.sort_unstable();
    assert_eq!(
        listed, types,
        "the models! list of fuzz/src/lib.rs is not every generated type, sorted"
    );
    let mut examples: std::collections::BTreeMap<&str, Vec<Value>> = Default::default();
    let contracts = contracts();
    for (_, c) in &contracts {
        let docs = c["examples"].as_array().unwrap().iter();
        examples
            .entry(c["model"].as_str().unwrap())
            .or_default()
            .extend(docs.map(|e| e["document"].clone()));
    }
    let seeds = entries(&fuzz.join("seeds/authlete"), |_| true);
    assert_eq!(
        seeds.len(),
        examples.values().map(Vec::len).sum::<usize>(),
        "one seed per example: run bash fuzz/seed-authlete.sh"
    );
    for path in seeds {
        let bytes = std::fs::read(&path).unwrap();
        let model = listed[usize::from(bytes[0])];
        let document: Value = serde_json::from_slice(&bytes[1..]).unwrap();
        assert!(
            examples.get(model).is_some_and(|e| e.contains(&document)),
            "{}: not an example of {model}, which its first byte picks",
            path.display()
        );
    }
}
