use std::collections::{HashMap, HashSet};

use authlete_models::Model;

#[derive(Model)]
pub struct Request {
    pub claims: HashMap<u32, String>,
    pub scopes: HashSet<String>,
}

fn main() {}
