use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(min = 3600, max = 60)]
    pub token_ttl: u32,
}

fn main() {}
