use std::collections::HashMap;

use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    #[model(keys(format = "hostname", max_len = 8))]
    pub a: HashMap<String, String>,
}

fn main() {}
