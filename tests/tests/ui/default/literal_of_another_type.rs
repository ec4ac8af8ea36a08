use authlete_models::{Model, Secret};

#[derive(Model)]
pub struct Request {
    #[model(default = "250")]
    pub a: u32,
    #[model(default = 2.5)]
    pub b: u32,
    #[model(default = 1)]
    pub c: String,
    #[model(default = "x")]
    pub d: Vec<String>,
    #[model(default = "hunter2")]
    pub e: Secret<String>,
    #[model(default = 300)]
    pub f: u8,
}

fn main() {}
