use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(opaque, max_len = 5, items(min = 1))]
    pub payload: serde_json::Value,
}

fn main() {}
