//! `schemars::JsonSchema` for every model (the `schemars` feature): a schemars document holds
//! the model's own schema, `$defs` included, wherever the generator keeps its definitions.
//!
//! `cargo test -p authlete-models --features schemars --test schemars`

use authlete_models::{ClientGetListResponse, Model};
use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

/// `value` with every `#/$defs/` reference pointed at `prefix` instead.
fn repointed(value: &Value, prefix: &str) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => {
                        (k.clone(), Value::String(r.replacen("#/$defs/", prefix, 1)))
                    }
                    _ => (k.clone(), repointed(v, prefix)),
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| repointed(v, prefix)).collect()),
        other => other.clone(),
    }
}

#[test]
fn a_schemars_root_schema_is_the_model_s_schema() {
    // `ClientGetListResponse` holds `Client`, which holds enums and other models.
    let ours = ClientGetListResponse::json_schema();
    assert!(ours["$defs"]["Client"].is_object() && ours["$defs"]["JwsAlg"].is_object());
    let theirs = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<ClientGetListResponse>();
    assert_eq!(serde_json::to_value(&theirs).unwrap(), ours);
}

/// An OpenAPI 3.1 document whose schemas a schemars generator collects under
/// `components/schemas`, as aide and dropshot build them: the model is referenced there, and
/// every definition is the model's own, its references pointed at the components.
#[test]
fn an_openapi_document_holds_the_models_under_its_components() {
    let mut settings = SchemaSettings::draft2020_12();
    settings.definitions_path = "/components/schemas".into();
    let mut generator = settings.into_generator();
    let body = generator.subschema_for::<ClientGetListResponse>();
    let schemas = generator.take_definitions(true);
    let document = json!({
        "openapi": "3.1.0",
        "info": {"title": "client list", "version": "1"},
        "paths": {"/api/client/get/list": {"get": {"responses": {"200": {
            "description": "the clients",
            "content": {"application/json": {"schema": body}}
        }}}}},
        "components": {"schemas": schemas}
    });
    let response = &document["paths"]["/api/client/get/list"]["get"]["responses"]["200"];
    assert_eq!(
        response["content"]["application/json"]["schema"],
        json!({"$ref": "#/components/schemas/ClientGetListResponse"})
    );
    let ours = ClientGetListResponse::json_schema();
    let components = document["components"]["schemas"].as_object().unwrap();
    // The model itself: its schema without `$schema` and `$defs`, references repointed.
    let mut own = ours.as_object().unwrap().clone();
    own.remove("$schema");
    let defs = own.remove("$defs").unwrap();
    assert_eq!(
        components["ClientGetListResponse"],
        repointed(&Value::Object(own), "#/components/schemas/")
    );
    // Every model it holds, once, as its own `$defs` entry says.
    let defs = defs.as_object().unwrap();
    assert_eq!(components.len(), defs.len() + 1);
    for (name, def) in defs {
        assert_eq!(
            components[name],
            repointed(def, "#/components/schemas/"),
            "{name}"
        );
    }
    assert!(
        components["Client"]["properties"]["grantTypes"]
            .to_string()
            .contains("#/components/schemas/GrantType")
    );
}

#[test]
fn a_model_s_name_and_id_are_its_schema_name_and_its_type() {
    use schemars::JsonSchema;
    assert_eq!(
        ClientGetListResponse::schema_name(),
        "ClientGetListResponse"
    );
    assert!(ClientGetListResponse::schema_id().ends_with("::ClientGetListResponse"));
}

/// A generic model of the user's, holding shipped ones.
#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Page<T> {
    #[model(max_len = 50)]
    items: Vec<T>,
    total_count: u32,
}

#[test]
fn a_generic_model_of_the_user_s_is_one_too() {
    let ours = Page::<authlete_models::Pair>::json_schema();
    let theirs = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Page<authlete_models::Pair>>();
    assert_eq!(serde_json::to_value(&theirs).unwrap(), ours);
    assert_eq!(ours["title"], "Page<Pair>");
    assert_eq!(
        ours["properties"]["items"]["items"],
        json!({"$ref": "#/$defs/Pair"})
    );
}
