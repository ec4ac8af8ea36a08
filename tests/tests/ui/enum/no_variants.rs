use authlete_models::Model;

#[derive(Model)]
pub enum Never {}

fn main() {}
