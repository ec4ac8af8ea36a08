use authlete_models::Model;

// `forbid` names members no field declares, each once, and not beside `deny_unknown_fields`.
#[derive(Model)]
#[model(rename_all = "camelCase", forbid("clientId", "secret"), forbid("secret"))]
pub struct Client {
    pub client_id: String,
}

#[derive(Model)]
#[model(deny_unknown_fields, forbid("secret"))]
pub struct Closed {
    pub a: u8,
}

fn main() {}
