use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(min = 1, exclusive_min = 0)]
    pub count: u32,
    #[model(exclusive_min = 1.5, exclusive_max = 1.5)]
    pub ratio: f64,
}

fn main() {}
