
use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(items = 3, max_len = 2)]
    pub tags: Vec<String>,
    #[model(items(max_len = 2), items(min_len = 1))]
    pub more: Vec<String>,
    #[model(items(maxlen = 2))]
    pub typo: Vec<String>,
}

fn main() {}
