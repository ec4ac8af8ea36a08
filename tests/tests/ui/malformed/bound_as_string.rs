use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(min = "1")]
    pub token_ttl: u32,
}

fn main() {}
