use authlete_models::Model;

#[derive(Model)]
#[model(deny_unknown_fields = true)]
pub struct Request {
    pub client_id: String,
}

fn main() {}
