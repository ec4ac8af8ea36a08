use authlete_models::{Model, Secret};

#[derive(Model)]
pub struct Request {
    #[model(secret)]
    pub pin: Option<Secret<u32>>,
}

fn main() {}
