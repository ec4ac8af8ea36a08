use authlete_models::Model;

#[derive(Model)]
pub enum Retries {
    #[model(value = 1, rename = "one")]
    One,
    #[model(rename = "two", value = 2)]
    Two,
}

fn main() {}
