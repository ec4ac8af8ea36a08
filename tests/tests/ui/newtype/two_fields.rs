use authlete_models::Model;

#[derive(Model)]
pub struct Pair(pub String, pub String);

fn main() {}
