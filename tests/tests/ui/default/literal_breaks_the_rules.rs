use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(default = "automatic", max_len = 4)]
    pub a: String,
    #[model(default = "", min_len = 1)]
    pub b: String,
    #[model(default = "a b", charset = "a-z")]
    pub c: String,
    #[model(default = 0, min = 1)]
    pub d: Option<u32>,
    #[model(default = 5.0, exclusive_max = 5)]
    pub e: f64,
    #[model(default = 7, multiple_of = 5)]
    pub f: u32,
}

fn main() {}
