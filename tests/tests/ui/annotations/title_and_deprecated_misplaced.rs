use std::collections::HashMap;

use authlete_models::Model;

#[derive(Model)]
#[model(title = "")]
pub struct Request {
    #[model(title = "")]
    pub a: String,
    #[model(keys(deprecated, title = "Name"))]
    pub b: HashMap<String, String>,
    #[model(deprecated = true)]
    pub c: String,
}

fn main() {}
