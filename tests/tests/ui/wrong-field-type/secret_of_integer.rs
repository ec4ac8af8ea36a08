use authlete_models::{Model, Secret};

#[derive(Model)]
pub struct Request {
    #[model(secret)]
    pub pin: Secret<u32>,
}

fn main() {}
