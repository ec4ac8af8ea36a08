use authlete_models::Model;

#[derive(Model)]
#[model(rename_all = "camel_case")]
pub struct Request {
    pub client_id: String,
}

fn main() {}
