use std::collections::HashMap;

use authlete_models::Model;

#[derive(Model)]
#[model(title = "")]
pub struct Request {
    #[model(title = "A")]
    pub a: String,
    #[model(keys(deprecated))]
    pub b: HashMap<String, String>,
    #[model(deprecated = true)]
    pub c: String,
}

fn main() {}
