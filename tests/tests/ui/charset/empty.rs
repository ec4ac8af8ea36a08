use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = "")]
    pub client_id: String,
}

fn main() {}
