use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    // Only the type is reported: the rules cannot be checked against it.
    #[model(charset = "a-z", min_len = 2, max_len = 2)]
    pub scopes: [String; 2],
}

fn main() {}
