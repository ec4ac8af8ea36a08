use authlete_models::Model;

#[derive(Model)]
#[model(rename_all = "camelCase", rename_all = "snake_case")]
pub struct Request {
    pub client_id: String,
}

fn main() {}
