use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    pub client_id: Option<&'static str>,
}

fn main() {}
