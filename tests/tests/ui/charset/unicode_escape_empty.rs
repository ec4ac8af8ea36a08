use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = r"\u{}")]
    pub client_id: String,
}

fn main() {}
