use authlete_models::Model;

#[derive(Model)]
#[model(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClientId(#[model(rename = "clientId", default)] pub String);

fn main() {}
