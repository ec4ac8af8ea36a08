use std::collections::HashMap;

use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(keys(min = 1), values(charset = "a-z"))]
    pub weights: HashMap<String, u8>,
    #[model(items(rename = "x", custom = f, default))]
    pub tags: Vec<String>,
}

fn main() {}
