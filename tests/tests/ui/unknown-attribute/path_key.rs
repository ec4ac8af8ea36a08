use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(serde::rename = "clientId")]
    pub client_id: String,
}

fn main() {}
