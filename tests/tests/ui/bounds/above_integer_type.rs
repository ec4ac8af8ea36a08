use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max = 256)]
    pub retries: u8,
}

fn main() {}
