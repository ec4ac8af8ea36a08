use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(multiple_of = 0)]
    pub count: u32,
    #[model(multiple_of = -0.5)]
    pub ratio: f64,
    #[model(multiple_of = 2.5)]
    pub whole: u8,
}

fn main() {}
