use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max = 60 * 60)]
    pub token_ttl: u32,
}

fn main() {}
