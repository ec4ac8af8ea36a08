use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(rename = clientId)]
    pub client_id: String,
}

fn main() {}
