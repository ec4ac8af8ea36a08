use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = r"\u{110000}")]
    pub client_id: String,
}

fn main() {}
