use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max_len = 100000000000000000000000000000)]
    pub client_id: String,
}

fn main() {}
