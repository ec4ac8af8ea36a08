use authlete_models::Model;

// `when` names members of a struct with named fields, on the struct.
#[derive(Model)]
#[model(when(a = 1, required(b)))]
pub enum Values {
    A,
    B,
}

#[derive(Model)]
#[model(untagged, when(a = 1, required(b)))]
pub enum Shapes {
    Circle { a: u8 },
}

#[derive(Model)]
#[model(when(a = 1, required(b)))]
pub struct Wrapper(Option<u8>);

#[derive(Model)]
pub struct Inner {
    #[model(when(a = 1, required(b)))]
    pub a: Option<u8>,
    #[model(not_null)]
    pub b: Option<u8>,
}

fn main() {}
