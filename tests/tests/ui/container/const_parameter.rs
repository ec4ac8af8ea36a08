use authlete_models::Model;

#[derive(Model)]
pub struct Digits<const N: usize> {
    pub digits: Vec<u8>,
}

fn main() {}
