use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max_len = "86")]
    pub client_id: String,
}

fn main() {}
