use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(min = 1)]
    pub client_id: String,
}

fn main() {}
