use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = "^a-z")]
    pub client_id: String,
}

fn main() {}
