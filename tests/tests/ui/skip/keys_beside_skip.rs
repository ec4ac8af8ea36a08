use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    pub a: String,
    #[model(skip, rename = "b", max_len = 3, deprecated)]
    pub b: String,
    #[model(skip, default = 5)]
    pub c: u8,
}

#[derive(Model)]
pub struct Wrapper(#[model(skip)] String);

fn main() {}
