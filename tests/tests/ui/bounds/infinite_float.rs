use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max = 1e400)]
    pub ratio: f64,
}

fn main() {}
