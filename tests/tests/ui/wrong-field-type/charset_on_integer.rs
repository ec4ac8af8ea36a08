use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = "0-9")]
    pub token_ttl: u32,
}

fn main() {}
