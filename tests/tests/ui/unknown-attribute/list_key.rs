use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(validate(length(max = 86)), max_len = 86)]
    pub client_id: String,
}

fn main() {}
