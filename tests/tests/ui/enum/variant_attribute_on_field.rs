use authlete_models::Model;

#[derive(Model)]
pub struct Client {
    #[model(other)]
    name: String,
}

fn main() {}
