use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(schema = r#"{"type": "string"}"#)]
    pub name: String,
}

fn main() {}
