use authlete_models::Model;

#[derive(Model)]
#[model(deny_unknown)]
pub struct Request {
    pub client_id: String,
}

fn main() {}
