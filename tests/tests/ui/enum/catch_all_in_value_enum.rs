use authlete_models::Model;

#[derive(Model)]
pub enum Level {
    #[model(value = 0)]
    Zero,
    #[model(other)]
    Other(String),
}

#[derive(Model)]
pub enum Mode {
    Auto,
    #[model(other, value = 1)]
    Other(String),
}

fn main() {}
