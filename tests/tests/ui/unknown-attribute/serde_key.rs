use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
}

fn main() {}
