use authlete_models::{Model, Secret};

#[derive(Model)]
pub struct Request {
    pub client_secret: Secret<Option<String>>,
}

fn main() {}
