use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(custom = "check")]
    pub a: String,
    #[model(items(custom = check))]
    pub b: Vec<String>,
}

fn main() {}
