use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(min = 1, max = 0.5)]
    pub ratio: f64,
}

fn main() {}
