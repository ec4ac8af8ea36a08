use authlete_models::Model;

// A struct whose rules are about its own object cannot be flattened into another's.
#[derive(Model)]
#[model(max_members = 2)]
pub struct Counted {
    pub a: Option<u8>,
}

#[derive(Model)]
pub struct Outer {
    pub b: Option<u8>,
    #[model(flatten)]
    pub counted: Counted,
}

fn main() {}
