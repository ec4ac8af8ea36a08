use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(min = 0.100000001, max = 1e39)]
    pub ratio: f32,
    #[model(exclusive_min = 0, multiple_of = 0.5)]
    pub step: f32,
}

fn main() {}
