use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(required)]
    pub a: Option<()>,
    #[model(not_null)]
    pub b: Option<()>,
    #[model(required, not_null)]
    pub c: Option<Box<()>>,
    #[model(required)]
    pub d: (),
    #[model(not_null)]
    pub e: (),
}

fn main() {}
