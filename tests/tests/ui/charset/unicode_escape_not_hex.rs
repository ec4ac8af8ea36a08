use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = r"\u{E9G}")]
    pub client_id: String,
}

fn main() {}
