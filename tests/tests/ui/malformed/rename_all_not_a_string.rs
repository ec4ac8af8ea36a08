use authlete_models::Model;

#[derive(Model)]
#[model(rename_all = camelCase)]
pub struct Request {
    pub client_id: String,
}

fn main() {}
