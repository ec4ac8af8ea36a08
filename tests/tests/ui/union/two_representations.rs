use authlete_models::Model;

#[derive(Model)]
#[model(tag = "type", untagged)]
pub enum A {
    B { b: u8 },
}

#[derive(Model)]
#[model(content = "c")]
pub enum C {
    D(u8),
}

#[derive(Model)]
#[model(tag = "t", content = "t")]
pub enum E {
    F(u8),
}

#[derive(Model)]
#[model(untagged, one_of)]
pub enum G {
    H(u8),
}

fn main() {}
