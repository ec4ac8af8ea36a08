use authlete_models::{Model, Secret};

#[derive(Model)]
pub struct Request {
    pub pin: Secret<u32>,
}

fn main() {}
