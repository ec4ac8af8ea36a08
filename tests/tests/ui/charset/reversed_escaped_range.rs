use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = r"\u{FF}-\u{E0}")]
    pub client_id: String,
}

fn main() {}
