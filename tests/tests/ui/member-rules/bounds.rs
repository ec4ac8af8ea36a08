use authlete_models::Model;

// Bounds that leave no object: each is refused where it is written.
#[derive(Model)]
#[model(min_members = 3, max_members = 2)]
pub struct Reversed {
    pub a: Option<u8>,
}

#[derive(Model)]
#[model(deny_unknown_fields, min_members = 3)]
pub struct TooFewFields {
    pub a: u8,
    pub b: Option<u8>,
}

#[derive(Model)]
#[model(max_members = 1)]
pub struct TooManyRequired {
    pub a: u8,
    pub b: String,
    pub c: Option<u8>,
}

fn main() {}
