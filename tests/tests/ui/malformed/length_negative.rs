use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(min_len = -1)]
    pub client_id: String,
}

fn main() {}
