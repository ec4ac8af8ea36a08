use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(rename = "clientId")]
    #[model(rename = "client_id")]
    pub client_id: String,
}

fn main() {}
