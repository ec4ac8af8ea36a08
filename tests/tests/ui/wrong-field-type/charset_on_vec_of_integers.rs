use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(charset = "0-9")]
    pub codes: Vec<u16>,
}

fn main() {}
