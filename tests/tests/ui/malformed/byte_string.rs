use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = b"A-Z")]
    pub client_id: String,
}

fn main() {}
