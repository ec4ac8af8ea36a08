use std::collections::HashMap;

use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    pub claims: HashMap<String, String>,
}

fn main() {}
