use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max_len)]
    pub client_id: String,
}

fn main() {}
