use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max = 1)]
    pub enabled: Option<bool>,
}

fn main() {}
