use authlete_models::Model;

const HOUR: u32 = 3600;

#[derive(Model)]
pub struct Request {
    #[model(max = HOUR)]
    pub token_ttl: u32,
}

fn main() {}
