use authlete_models::Model;

#[derive(Model)]
pub enum Credential {
    None,
    Basic(String),
    Jwt { alg: String },
}

fn main() {}
