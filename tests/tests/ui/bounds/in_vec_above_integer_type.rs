use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(items(min = 0, max = 300))]
    pub bytes: Vec<u8>,
}

fn main() {}
