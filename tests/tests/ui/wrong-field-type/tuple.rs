use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    pub range: (u32, u32),
}

fn main() {}
