use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(unique = true)]
    pub tags: Vec<String>,
}

fn main() {}
