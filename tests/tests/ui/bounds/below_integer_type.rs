use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(min = -129)]
    pub offset: i8,
}

fn main() {}
