use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = 'a')]
    pub client_id: String,
}

fn main() {}
