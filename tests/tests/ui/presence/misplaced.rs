use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(required)]
    pub a: String,
    #[model(not_null)]
    pub b: u32,
    #[model(required, not_null)]
    pub c: Option<String>,
    #[model(not_null)]
    pub d: Option<Option<String>>,
    #[model(required, default)]
    pub e: Option<u8>,
    #[model(items(required, not_null))]
    pub f: Vec<Option<u8>>,
}

#[derive(Model)]
pub struct Wrapper(#[model(required)] Option<String>);

fn main() {}
