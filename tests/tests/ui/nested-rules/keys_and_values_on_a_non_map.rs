
use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(keys(max_len = 8), values(max_len = 2))]
    pub names: Vec<String>,
}

fn main() {}
