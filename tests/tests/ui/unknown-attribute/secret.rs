use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(secret)]
    pub client_secret: String,
}

fn main() {}
