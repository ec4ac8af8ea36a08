use authlete_models::Model;

// The rules count or refuse the members of an object: a struct with named fields.
#[derive(Model)]
#[model(min_members = 1, forbid("a"))]
pub enum Values {
    A,
    B,
}

#[derive(Model)]
#[model(tag = "type", max_members = 2)]
pub enum Shapes {
    Circle { r: u8 },
}

#[derive(Model)]
#[model(max_members = 1, forbid("b"))]
pub struct Wrapper(Option<u8>);

fn main() {}
