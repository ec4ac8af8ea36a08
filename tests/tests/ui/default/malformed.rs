use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(default = 'c')]
    pub a: String,
    #[model(default 5)]
    pub b: u8,
    #[model(default = 1 + 2)]
    pub c: u8,
    #[model(default = , max = 2)]
    pub d: u8,
}

fn main() {}
