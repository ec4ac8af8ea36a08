use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max = true)]
    pub token_ttl: u32,
}

fn main() {}
