use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    pub scopes: [String; 2],
}

fn main() {}
