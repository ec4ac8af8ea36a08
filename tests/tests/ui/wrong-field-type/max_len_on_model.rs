use authlete_models::Model;

#[derive(Model)]
pub struct Scope {
    pub name: String,
}

#[derive(Model)]
pub struct Request {
    #[model(max_len = 5)]
    pub scope: Option<Scope>,
}

fn main() {}
