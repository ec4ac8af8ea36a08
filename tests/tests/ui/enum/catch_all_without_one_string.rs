use authlete_models::Model;

#[derive(Model)]
pub enum A {
    #[model(other)]
    Unit,
}

#[derive(Model)]
pub enum B {
    #[model(other)]
    Number(u32),
}

#[derive(Model)]
pub enum C {
    #[model(other)]
    Two(String, String),
}

#[derive(Model)]
pub enum D {
    Known,
    #[model(other, rename = "x")]
    Other(String),
}

fn main() {}
