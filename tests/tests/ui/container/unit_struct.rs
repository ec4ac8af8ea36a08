use authlete_models::Model;

#[derive(Model)]
pub struct Empty;

fn main() {}
