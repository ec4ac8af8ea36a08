use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(default(String::new))]
    pub client_id: String,
}

fn main() {}
