use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(opaque, schema = r#"{"type": "string",}"#)]
    pub a: serde_json::Value,
    #[model(opaque, schema = "[]")]
    pub b: serde_json::Value,
    #[model(opaque, schema = 5)]
    pub c: serde_json::Value,
}

fn main() {}
