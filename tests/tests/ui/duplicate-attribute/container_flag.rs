use authlete_models::Model;

#[derive(Model)]
#[model(deny_unknown_fields)]
#[model(deny_unknown_fields)]
pub struct Request {
    pub client_id: String,
}

fn main() {}
