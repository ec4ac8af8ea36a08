use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    pub separator: char,
}

fn main() {}
