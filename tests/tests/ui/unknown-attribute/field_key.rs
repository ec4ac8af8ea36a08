use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max_length = 86)]
    pub client_id: String,
}

fn main() {}
