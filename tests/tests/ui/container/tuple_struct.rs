use authlete_models::Model;

#[derive(Model)]
pub struct ClientId(pub String);

fn main() {}
