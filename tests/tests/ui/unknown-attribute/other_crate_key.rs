use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(regex = "^[A-Za-z0-9_-]+$")]
    pub client_id: String,
}

fn main() {}
