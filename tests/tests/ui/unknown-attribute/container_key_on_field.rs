use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(rename_all = "camelCase")]
    pub client_id: String,
}

fn main() {}
