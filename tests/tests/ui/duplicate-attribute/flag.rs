use authlete_models::{Model, Secret};

#[derive(Model)]
pub struct Request {
    #[model(default, default)]
    pub client_secret: Secret<String>,
}

fn main() {}
