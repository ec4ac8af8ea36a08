use std::collections::BTreeMap;

use authlete_models::Model;

#[derive(Model)]
pub struct Inner {
    pub a: String,
}

#[derive(Model)]
#[model(deny_unknown_fields)]
pub struct Request {
    pub a: String,
    #[model(flatten, max_len = 3, rename = "x")]
    pub b: BTreeMap<String, String>,
    #[model(flatten)]
    pub c: BTreeMap<String, u8>,
    #[model(flatten)]
    pub d: String,
}

#[derive(Model)]
pub struct MapAndModel {
    #[model(flatten)]
    pub e: Inner,
    #[model(flatten)]
    pub f: BTreeMap<String, String>,
}

#[derive(Model)]
pub struct Wrapper(#[model(flatten)] BTreeMap<String, String>);

fn main() {}
