use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(min_len = 1)]
    pub token_ttl: u32,
}

fn main() {}
