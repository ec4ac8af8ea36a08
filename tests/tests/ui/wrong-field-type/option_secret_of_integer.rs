use authlete_models::{Model, Secret};

#[derive(Model)]
pub struct Request {
    pub pin: Option<Secret<u32>>,
}

fn main() {}
