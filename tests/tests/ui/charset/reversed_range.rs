use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = "a-zZ-A")]
    pub client_id: String,
}

fn main() {}
