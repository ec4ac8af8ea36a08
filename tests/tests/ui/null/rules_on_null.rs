use std::collections::BTreeMap;

use authlete_models::{Model, Secret};

#[derive(Model)]
pub struct Request {
    #[model(max_len = 0)]
    pub a: (),
    #[model(min = 0, exclusive_max = 1, multiple_of = 1)]
    pub b: Option<()>,
    #[model(charset = "a-z", pattern = "^$")]
    pub c: (),
    #[model(format = "uri", check_format)]
    pub d: (),
    #[model(items(min_len = 1), keys(max_len = 2), values(max = 1), unique)]
    pub e: Box<()>,
    #[model(items(max_len = 1, format = "date"))]
    pub f: Vec<()>,
    #[model(values(pattern = "a"))]
    pub g: BTreeMap<String, ()>,
    #[model(default = "null")]
    pub h: (),
    #[model(default = false)]
    pub i: Option<()>,
    pub j: Secret<()>,
}

fn main() {}
