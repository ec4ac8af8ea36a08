use authlete_models::{Model, Secret};

#[derive(Model)]
pub struct Request {
    #[model(secert)]
    pub client_secret: Secret<String>,
}

fn main() {}
