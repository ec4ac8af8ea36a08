use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(min_len = 1 max_len = 86)]
    pub client_id: String,
}

fn main() {}
