use authlete_models::Model;

#[derive(Model)]
pub struct Page<T> {
    pub items: Vec<T>,
}

fn main() {}
