use authlete_models::Model;

#[derive(Model)]
#[model(rename_all = "camelCase")]
pub struct Request {
    pub client_id: String,
    #[allow(non_snake_case)]
    pub clientId: String,
}

fn main() {}
