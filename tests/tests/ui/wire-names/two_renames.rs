use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(rename = "id")]
    pub client_id: String,
    #[model(rename = "id")]
    pub service_id: String,
}

fn main() {}
