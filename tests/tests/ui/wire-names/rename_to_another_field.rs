use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    pub client_id: String,
    #[model(rename = "client_id")]
    pub alias: String,
}

fn main() {}
