
use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(items(max_len = 2))]
    pub name: String,
    #[model(items(items(min = 1)))]
    pub grid: Vec<u8>,
}

fn main() {}
