use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(max = 340282366920938463463374607431768211456)]
    pub counter: u128,
}

fn main() {}
