use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = r"a\u{E9")]
    pub client_id: String,
}

fn main() {}
