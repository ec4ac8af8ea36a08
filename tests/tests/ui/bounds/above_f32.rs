use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max = 1e39)]
    pub ratio: f32,
}

fn main() {}
