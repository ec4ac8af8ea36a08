use authlete_models::Model;

#[derive(Model)]
pub struct Ttl(#[model(charset = "0-9", min = 1)] pub u32);

#[derive(Model)]
pub struct Name(#[model(min = 1, max_len = 5)] pub String);

fn main() {}
