use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = r"\uE9")]
    pub client_id: String,
}

fn main() {}
