use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(examples = r#"{"a": 1}"#)]
    pub a: String,
    #[model(examples = "[1, 2,]")]
    pub b: u8,
    #[model(format = "")]
    pub c: String,
    #[model(format = uri)]
    pub d: String,
}

fn main() {}
