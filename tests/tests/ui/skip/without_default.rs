use authlete_models::Model;

pub struct NoDefault;

#[derive(Model)]
pub struct Request {
    pub a: String,
    #[model(skip)]
    pub b: NoDefault,
}

fn main() {}
