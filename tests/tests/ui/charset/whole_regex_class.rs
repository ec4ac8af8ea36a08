use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = "[A-Za-z0-9]")]
    pub client_id: String,
}

fn main() {}
