use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(unique)]
    pub name: String,
    #[model(items(unique))]
    pub tags: Vec<String>,
    #[model(unique)]
    pub secrets: Vec<authlete_models::Secret<String>>,
}

fn main() {}
