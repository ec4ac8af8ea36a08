use authlete_models::Model;

#[derive(Model)]
#[model(rename = "request")]
pub struct Request {
    pub client_id: String,
}

fn main() {}
