use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(read_only, write_only)]
    pub a: String,
    #[model(items(write_only, read_only))]
    pub b: Vec<String>,
    #[model(opaque, read_only, write_only)]
    pub c: serde_json::Value,
}

fn main() {}
