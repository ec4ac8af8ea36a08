use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max_len = 5)]
    pub enabled: bool,
}

fn main() {}
